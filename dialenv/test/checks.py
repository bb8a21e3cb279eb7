"""The certification checks (see the package docstring)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import gymnasium as gym
from gymnasium.utils.env_checker import check_env, data_equivalence
from pettingzoo.test import api_test, seed_test

from dialenv.agents import load_agent
from dialenv.errors import InvalidAction
from dialenv.registration import make, spec
from dialenv.rollout import Episode, dialogue_of, play_episode
from dialenv.test.adversarial import adversarial_actions


def api_check(env_id: str, **env_kwargs: Any) -> None:
    """PettingZoo's ``api_test`` (AEC ids) or Gymnasium's ``check_env`` (single-agent ids)."""
    env = make(env_id, **env_kwargs)
    if spec(env_id).kind == "aec":
        api_test(env, num_cycles=100, verbose_progress=False)
    else:
        check_env(env, skip_render_check=False)


def seed_check(env_id: str, **env_kwargs: Any) -> None:
    """Two instances with the same seed and seeded action sampling behave identically."""
    if spec(env_id).kind == "aec":
        seed_test(lambda: make(env_id, **env_kwargs), num_cycles=50)
        return
    first, second = make(env_id, **env_kwargs), make(env_id, **env_kwargs)
    for episode_seed in (0, 1, 2):
        observations = [first.reset(seed=episode_seed), second.reset(seed=episode_seed)]
        assert data_equivalence(observations[0], observations[1]), f"reset(seed={episode_seed}) differs"
        first.action_space.seed(episode_seed)
        second.action_space.seed(episode_seed)
        for _ in range(50):
            results = [first.step(first.action_space.sample()), second.step(second.action_space.sample())]
            assert data_equivalence(results[0], results[1]), f"step results differ (seed {episode_seed})"
            if results[0][2] or results[0][3]:
                break


def reference_agents(env_id: str) -> dict[str, Any]:
    """The spec's reference agents, built."""
    return {side: load_agent(entry) for side, entry in spec(env_id).reference_agents.items()}


def reference_episodes(env_id: str, seeds: list[int], env_kwargs: dict[str, Any] | None = None) -> list[Episode]:
    """The spec's reference agents playing one episode per seed."""
    env = make(env_id, **(env_kwargs or {}))
    agents = reference_agents(env_id)
    return [play_episode(env, agents, seed) for seed in seeds]


def episodes_digest(episodes: list[Episode]) -> str:
    """sha256 over the transcripts and metrics of ``episodes``."""
    digest = hashlib.sha256()
    for episode in episodes:
        digest.update(json.dumps([episode.transcript, episode.metrics], sort_keys=True).encode())
    return digest.hexdigest()


def transcript_digest(env_id: str, seeds: list[int], env_kwargs: dict[str, Any] | None = None) -> str:
    """sha256 over transcripts and metrics of the reference agents playing ``seeds``."""
    return episodes_digest(reference_episodes(env_id, seeds, env_kwargs))


def cross_process_check(
    env_id: str, seeds: list[int] | None = None, imports: tuple[str, ...] = (), **env_kwargs: Any
) -> None:
    """The reference transcripts for fixed seeds are byte-identical in this and in a fresh process.

    ``imports``: modules the fresh process imports first (those that register third-party env ids).
    The fresh process gets this process's import path.
    """
    seeds = seeds or [0, 1, 2]
    here = transcript_digest(env_id, seeds, env_kwargs)
    program = (
        f"import importlib, json, sys; [importlib.import_module(name) for name in {list(imports)!r}]; "
        "from dialenv.test import transcript_digest; "
        f"print(transcript_digest({env_id!r}, {seeds!r}, json.loads(sys.argv[1])))"
    )
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
    result = subprocess.run(
        [sys.executable, "-c", program, json.dumps(env_kwargs)],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    assert result.returncode == 0, f"the subprocess failed:\n{result.stderr}"
    there = result.stdout.strip()
    assert here == there, f"{env_id}: transcripts differ across processes ({here[:12]} vs {there[:12]})"


def _state(env: Any) -> tuple:
    dialogue = dialogue_of(env)
    return (len(dialogue.transcript), dialogue.agent_selection, dict(dialogue._cumulative_rewards))


def adversarial_check(env_id: str, max_examples: int = 60, **env_kwargs: Any) -> None:
    """Bad actions raise ``InvalidAction`` and leave the state unchanged, or are accepted; never crash."""
    from hypothesis import HealthCheck, given, settings

    strict = make(env_id, **env_kwargs)
    lenient = make(env_id, invalid_action="penalize", **env_kwargs)

    @settings(max_examples=max_examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(adversarial_actions())
    def one_bad_action(action: Any) -> None:
        for env in (strict, lenient):
            env.reset(seed=0)
            before = _state(env)
            try:
                env.step(action)
            except InvalidAction:
                assert env is strict, "invalid_action='penalize' must not raise"
                assert _state(env) == before, "a rejected action changed the env's state"
                env.step("hello")  # the env still works

    one_bad_action()


def metrics_check(env_id: str, episodes: int = 5, **env_kwargs: Any) -> None:
    """Every episode end — with reference agents and with random actions — reports ``info["metrics"]``."""
    env = make(env_id, **env_kwargs)
    agents = reference_agents(env_id)
    for seed in range(episodes):
        episode = play_episode(env, agents, seed)
        assert episode.metrics, f"{env_id}: no info['metrics'] at the end of episode seed={seed}"
    sampler = _random_agents(env)
    for seed in range(episodes):
        episode = play_episode(env, sampler, seed)
        assert episode.metrics, f"{env_id}: no info['metrics'] after random actions, seed={seed}"


def _random_agents(env: Any) -> dict[str, Any]:
    from dialenv.agents import RandomAgent

    if isinstance(env, gym.Env):
        return {"learner": RandomAgent(env.action_space)}
    return {name: RandomAgent(env.action_space(name)) for name in env.possible_agents}


def certify(env_id: str, cross_process: bool = True, **env_kwargs: Any) -> None:
    """Run every check on one env id; raises ``AssertionError`` (or the env's own error) on failure."""
    checks: list[Callable[..., None]] = [api_check, seed_check, metrics_check, adversarial_check]
    if cross_process:
        checks.append(cross_process_check)
    for check in checks:
        check(env_id, **env_kwargs)
