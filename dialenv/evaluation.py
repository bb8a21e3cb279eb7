"""Evaluating agents on a registered env: many seeded episodes, one table. Used by the CLI and benchmarks."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from dialenv.agents import Agent, RandomAgent, load_agent
from dialenv.metrics import aggregate
from dialenv.registration import make, spec
from dialenv.rollout import Episode, play_episode


@dataclass
class EvaluationReport:
    env_id: str
    agents: dict[str, str]
    episodes: list[Episode]
    seconds: float
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "env_id": self.env_id,
            "agents": self.agents,
            "episodes": len(self.episodes),
            "seconds": self.seconds,
            "episodes_per_second": len(self.episodes) / self.seconds if self.seconds else None,
            "metrics": self.metrics,
            "per_episode": [{"seed": e.seed, "metrics": e.metrics, "returns": e.returns} for e in self.episodes],
        }


def build_agents(env_id: str, env: Any, overrides: dict[str, Any] | None = None) -> dict[str, Agent]:
    """The agents that play ``env_id``: its reference agents, with ``overrides`` by side.

    An override may be an agent, a callable, a registered name, ``"module:attr"`` or ``"random"``
    (samples the side's action space).
    """
    env_spec = spec(env_id)
    sides = [env_spec.learner] if env_spec.kind == "gym" else list(env.possible_agents)
    references = {**env_spec.reference_agents, **(overrides or {})}
    agents = {}
    for side in sides:
        reference = references.get(side)
        if reference is None:
            raise ValueError(f"{env_id}: no agent for side {side!r}; pass one (e.g. --agent {side}=module:attr)")
        if isinstance(reference, str) and reference == "random":
            space = env.action_space if env_spec.kind == "gym" else env.action_space(side)
            agents[side] = RandomAgent(space)
        else:
            agents[side] = load_agent(reference)
    return agents


def evaluate(
    env_id: str,
    agents: dict[str, Any] | None = None,
    episodes: int = 100,
    seed: int = 0,
    env_kwargs: dict[str, Any] | None = None,
    progress: bool = False,
) -> EvaluationReport:
    """Play ``episodes`` dialogues with seeds ``seed, seed+1, ...`` and aggregate ``info["metrics"]``."""
    env = make(env_id, **(env_kwargs or {}))
    built = build_agents(env_id, env, agents)
    bar = None
    if progress:
        from dialenv.progress import ProgressBar

        bar = ProgressBar(f"{env_id}", total=episodes, unit="dialogues")
    start = time.perf_counter()
    played = []
    for episode_seed in range(seed, seed + episodes):
        played.append(play_episode(env, built, episode_seed))
        if bar:
            bar.update(1)
    seconds = time.perf_counter() - start
    if bar:
        bar.close()
    names = {side: getattr(agent, "__class__", type(agent)).__name__ for side, agent in built.items()}
    report = EvaluationReport(env_id, names, played, seconds)
    returns = [{f"return_{side}": value for side, value in e.returns.items()} for e in played]
    report.metrics = aggregate([{**e.metrics, **r} for e, r in zip(played, returns)])
    return report
