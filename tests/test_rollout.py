"""play_episode's per-turn rewards: every action gets the reward that followed it, and they add up."""

from __future__ import annotations

import pytest

import dialenv
from dialenv.evaluation import build_agents
from dialenv.rollout import play_episode


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
