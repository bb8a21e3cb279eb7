"""Playing episodes: the one loop that the CLI, the certification checks, regression and benchmarks share.

:func:`play_episode` runs a registered env (or an env object) to the end with given agents and returns an
:class:`Episode`: the transcript, the evaluator's metrics from ``info["metrics"]`` and each agent's return.
Agents are re-seeded per episode from the episode seed (:func:`dialenv.seeding.derive_seeds`), so an
episode is a pure function of (env id, agents, seed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import gymnasium as gym

from dialenv.agents import Agent
from dialenv.errors import DialenvError
from dialenv.seeding import derive_seeds


@dataclass
class Episode:
    """The record of one finished dialogue.

    ``turn_rewards[agent][k]`` is the reward that followed the agent's ``k``-th action (everything it
    received from that action until its next one, the final reward included); per-turn credit for RL.
    """

    seed: int | None
    transcript: list[str]
    metrics: dict[str, Any]
    returns: dict[str, float] = field(default_factory=dict)
    turn_rewards: dict[str, list[float]] = field(default_factory=dict)


def dialogue_of(env: Any) -> Any:
    """The AEC dialogue env behind a single-agent view (or the env itself)."""
    return getattr(env, "unwrapped_dialogue", env)


def attach_agents(env: Any, agents: Iterable[Any]) -> None:
    """Give agents that want them the env's tools (database queries, bookings): ``agent.attach(env)``."""
    for agent in agents:
        attach = getattr(agent, "attach", None)
        if callable(attach):
            attach(env)


def play_episode(env: Any, agents: dict[str, Agent], seed: int | None, max_steps: int = 10_000) -> Episode:
    """Play one episode of an AEC env or a single-agent Gymnasium view with the given agents."""
    for agent, agent_seed in zip(sorted(agents), derive_seeds(seed, len(agents))):
        agents[agent].reset(agent_seed)
    attach_agents(dialogue_of(env), agents.values())
    if isinstance(env, gym.Env):
        (learner,) = agents.values()
        return _play_gym(env, learner, seed, max_steps)
    return _play_aec(env, agents, seed, max_steps)


def _play_aec(env: Any, agents: dict[str, Agent], seed: int | None, max_steps: int) -> Episode:
    env.reset(seed=seed)
    missing = set(env.possible_agents) - set(agents)
    if missing:
        raise DialenvError(f"no agent given for {sorted(missing)}")
    returns = dict.fromkeys(env.possible_agents, 0.0)
    turn_rewards: dict[str, list[float]] = {agent: [] for agent in env.possible_agents}
    metrics: dict[str, Any] = {}
    for step, name in enumerate(env.agent_iter()):
        if step >= max_steps:
            raise DialenvError(f"episode did not end within {max_steps} steps")
        observation, reward, terminated, truncated, info = env.last()
        returns[name] += reward
        if turn_rewards[name]:
            turn_rewards[name][-1] += reward
        if terminated or truncated:
            metrics = info.get("metrics", metrics)
            env.step(None)
        else:
            env.step(agents[name].act(observation))
            turn_rewards[name].append(0.0)
    return Episode(seed, env.transcript_lines(), metrics, returns, turn_rewards)


def _play_gym(env: gym.Env, agent: Agent, seed: int | None, max_steps: int) -> Episode:
    observation, info = env.reset(seed=seed)
    rewards: list[float] = []
    for _ in range(max_steps):
        observation, reward, terminated, truncated, info = env.step(agent.act(observation))
        rewards.append(float(reward))
        if terminated or truncated:
            break
    else:
        raise DialenvError(f"episode did not end within {max_steps} steps")
    learner = getattr(env, "learner", "agent")
    transcript = dialogue_of(env).transcript_lines()
    return Episode(seed, transcript, info.get("metrics", {}), {learner: sum(rewards)}, {learner: rewards})
