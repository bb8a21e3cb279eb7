"""play_episode's per-turn rewards, and play_batched: lockstep play gives the same episodes, batching the due agents."""

from __future__ import annotations

from typing import ClassVar

import pytest

import dialenv
from dialenv.evaluation import build_agents
from dialenv.rollout import play_batched, play_episode


@pytest.mark.parametrize("env_id", ["moviebooking-v0", "moviebooking-joint-v0"])
def test_turn_rewards_cover_every_action_and_sum_to_the_returns(env_id):
    env = dialenv.make(env_id)
    episode = play_episode(env, build_agents(env_id, env), seed=4)
    assert set(episode.turn_rewards) == set(episode.returns)
    for agent, rewards in episode.turn_rewards.items():
        assert rewards, f"{agent} acted at least once"
        assert sum(rewards) == pytest.approx(episode.returns[agent])


def test_joint_turn_rewards_follow_the_moviebooking_scheme():
    env = dialenv.make("moviebooking-joint-v0")
    episode = play_episode(env, build_agents("moviebooking-joint-v0", env), seed=4)
    system = episode.turn_rewards["system"]
    assert episode.metrics["success"]
    assert system[:-1] == [-1.0] * (len(system) - 1)  # -1 per turn ...
    assert system[-1] == pytest.approx(-1.0 + 15.0)  # ... and the success bonus with the last turn
    assert len(system) == episode.metrics["turns"]


class _CountingAgent:
    """Wraps an agent; counts the batched calls of its class (to see that lockstep play batches)."""

    batches: ClassVar[list[int]] = []

    def __init__(self, agent):
        self.agent = agent

    def reset(self, seed=None):
        self.agent.reset(seed)

    def attach(self, env):
        if hasattr(self.agent, "attach"):
            self.agent.attach(env)

    def act(self, observation):
        return self.agent.act(observation)

    @classmethod
    def act_batch(cls, agents, observations):
        cls.batches.append(len(agents))
        return [agent.act(observation) for agent, observation in zip(agents, observations)]


@pytest.mark.parametrize("width", [1, 3, 16])
def test_batched_play_gives_the_episodes_of_play_episode(width):
    env_id = "moviebooking-joint-v0"
    seeds = [5, 0, 11, 3, 8, 2, 13]
    env = dialenv.make(env_id)
    agents = build_agents(env_id, env)
    one_by_one = [play_episode(env, agents, seed) for seed in seeds]
    _CountingAgent.batches = []

    def make_agents():
        return {side: _CountingAgent(agent) for side, agent in build_agents(env_id, env).items()}

    finished = []
    batched = play_batched(
        lambda: dialenv.make(env_id),
        make_agents,
        seeds,
        width=width,
        on_episode=lambda episode, agents: finished.append(episode),
    )
    assert [e.seed for e in batched] == seeds
    assert sorted(e.seed for e in finished) == sorted(seeds)
    for alone, together in zip(one_by_one, batched):
        assert together.transcript == alone.transcript
        assert together.metrics == alone.metrics
        assert together.turn_rewards == alone.turn_rewards
    assert max(_CountingAgent.batches) == min(width, len(seeds))  # the due agents were asked together


def test_batched_play_needs_a_positive_width():
    with pytest.raises(ValueError, match="width"):
        play_batched(lambda: dialenv.make("moviebooking-joint-v0"), dict, [0], width=0)
