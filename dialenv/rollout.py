"""Playing episodes: the one loop that the CLI, the certification checks, regression and benchmarks share.

:func:`play_episode` runs a registered env (or an env object) to the end with given agents and returns an
:class:`Episode`: the transcript, the evaluator's metrics from ``info["metrics"]`` and each agent's return.
Agents are re-seeded per episode from the episode seed (:func:`dialenv.seeding.derive_seeds`), so an
episode is a pure function of (env id, agents, seed).

:func:`play_batched` plays many seeds of an AEC env with up to ``width`` dialogues in lockstep: at every
round the agents of one side that are due to speak are asked together, through the agent class's optional
``act_batch(agents, observations)`` (one batched model call for a neural agent) or one ``act`` each.
Episodes are the ones :func:`play_episode` gives whenever an agent's decisions do not depend on the other
rows of its batch (rule agents, greedy decoding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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


def _prepare(env: Any, agents: dict[str, Agent], seed: int | None) -> None:
    """Re-seed the agents from the episode seed and give them the env's tools."""
    for agent, agent_seed in zip(sorted(agents), derive_seeds(seed, len(agents))):
        agents[agent].reset(agent_seed)
    attach_agents(dialogue_of(env), agents.values())


def play_episode(env: Any, agents: dict[str, Agent], seed: int | None, max_steps: int = 10_000) -> Episode:
    """Play one episode of an AEC env or a single-agent Gymnasium view with the given agents."""
    _prepare(env, agents, seed)
    if isinstance(env, gym.Env):
        (learner,) = agents.values()
        return _play_gym(env, learner, seed, max_steps)
    dialogue = _AECDialogue(env, agents, seed, max_steps)
    while (turn := dialogue.next_turn()) is not None:
        name, observation = turn
        dialogue.apply(name, agents[name].act(observation))
    return dialogue.episode()


def play_batched(
    make_env: Callable[[], Any],
    make_agents: Callable[[], dict[str, Agent]],
    seeds: Sequence[int | None],
    width: int = 16,
    max_steps: int = 10_000,
    on_episode: Callable[[Episode, dict[str, Agent]], None] | None = None,
) -> list[Episode]:
    """Episodes of an AEC env for ``seeds`` (in that order), ``width`` dialogues at a time in lockstep.

    Each of the ``width`` slots has its own env (``make_env()``) and agents (``make_agents()``); a slot that
    finishes starts the next seed. ``on_episode(episode, agents)`` is called as each episode ends, before
    its agents are reset for the next one (progress bars; reading what the agents recorded).
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    queue = list(enumerate(seeds))[::-1]
    episodes: list[Episode | None] = [None] * len(seeds)
    slots: list[tuple[int, _AECDialogue]] = []
    for _ in range(min(width, len(queue))):
        env, agents = make_env(), make_agents()
        index, seed = queue.pop()
        _prepare(env, agents, seed)
        slots.append((index, _AECDialogue(env, agents, seed, max_steps)))
    while slots:
        due: dict[str, list[tuple[_AECDialogue, Any]]] = {}
        running = []
        for index, dialogue in slots:
            turn = dialogue.next_turn()
            if turn is not None:
                due.setdefault(turn[0], []).append((dialogue, turn[1]))
                running.append((index, dialogue))
                continue
            episodes[index] = dialogue.episode()
            if on_episode is not None:
                on_episode(episodes[index], dialogue.agents)
            if queue:  # reuse the slot's env and agents for the next seed
                index, seed = queue.pop()
                _prepare(dialogue.env, dialogue.agents, seed)
                fresh = _AECDialogue(dialogue.env, dialogue.agents, seed, max_steps)
                turn = fresh.next_turn()
                assert turn is not None, "an episode ended before anyone spoke"
                due.setdefault(turn[0], []).append((fresh, turn[1]))
                running.append((index, fresh))
        for name, waiting in due.items():
            agents = [dialogue.agents[name] for dialogue, _ in waiting]
            actions = _act_together(agents, [observation for _, observation in waiting])
            for (dialogue, _), action in zip(waiting, actions):
                dialogue.apply(name, action)
        slots = running
    return [episode for episode in episodes if episode is not None]


def _act_together(agents: Sequence[Agent], observations: Sequence[Any]) -> list[Any]:
    """One ``act_batch`` call when all agents share a class that has it, else one ``act`` per agent."""
    kind = type(agents[0])
    act_batch = getattr(kind, "act_batch", None)
    if act_batch is not None and all(type(agent) is kind for agent in agents):
        return list(act_batch(agents, observations))
    return [agent.act(observation) for agent, observation in zip(agents, observations)]


class _AECDialogue:
    """One AEC episode being played: turn order, dead steps, returns, per-turn rewards and the metrics."""

    def __init__(self, env: Any, agents: dict[str, Agent], seed: int | None, max_steps: int) -> None:
        env.reset(seed=seed)
        missing = set(env.possible_agents) - set(agents)
        if missing:
            raise DialenvError(f"no agent given for {sorted(missing)}")
        self.env, self.agents, self.seed, self.max_steps = env, agents, seed, max_steps
        self.steps = 0
        self.returns = dict.fromkeys(env.possible_agents, 0.0)
        self.turn_rewards: dict[str, list[float]] = {agent: [] for agent in env.possible_agents}
        self.metrics: dict[str, Any] = {}

    def next_turn(self) -> tuple[str, Any] | None:
        """The agent due to speak and its observation (dead steps are taken here); ``None`` at the end."""
        env = self.env
        while env.agents:
            if self.steps >= self.max_steps:
                raise DialenvError(f"episode did not end within {self.max_steps} steps")
            self.steps += 1
            name = env.agent_selection
            observation, reward, terminated, truncated, info = env.last()
            self.returns[name] += reward
            if self.turn_rewards[name]:
                self.turn_rewards[name][-1] += reward
            if not (terminated or truncated):
                return name, observation
            self.metrics = info.get("metrics", self.metrics)
            env.step(None)
        return None

    def apply(self, name: str, action: Any) -> None:
        """``name``'s action; the rewards that follow it are credited to it."""
        self.env.step(action)
        self.turn_rewards[name].append(0.0)

    def episode(self) -> Episode:
        return Episode(self.seed, self.env.transcript_lines(), self.metrics, self.returns, self.turn_rewards)


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
