"""The single-agent Gymnasium views and the shared rollout loop."""

import gymnasium as gym
import pytest

import dialenv
from dialenv.errors import DialenvError, EpisodeFinishedError
from dialenv.rollout import play_episode


def test_system_view_is_a_gymnasium_env_and_user_speaks_first():
    env = dialenv.make("moviebooking-v0")
    assert isinstance(env, gym.Env)
    observation, info = env.reset(seed=1)
    assert observation["text"] and observation["history"][0].startswith("user: ")
    assert "teacher" in info


def test_reward_on_the_partners_turn_reaches_the_learner():
    """The +15 success bonus arrives when the user says goodbye, i.e. on the partner's turn."""
    env = dialenv.make("moviebooking-v0")
    expert = dialenv.load_agent("moviebooking-rule-system")
    expert.reset(0)
    observation, _ = env.reset(seed=0)
    total, done = 0.0, False
    while not done:
        observation, reward, terminated, truncated, info = env.step(expert.act(observation))
        total += reward
        done = terminated or truncated
    metrics = info["metrics"]
    assert metrics["success"]
    assert total == pytest.approx(15 - metrics["turns"])


def test_stepping_after_the_end_raises():
    env = dialenv.make("moviebooking-user-v0")
    env.reset(seed=0)
    env.step({"acts": [("good_bye", "movie")]})
    with pytest.raises(EpisodeFinishedError):
        env.step("hello?")


def test_partner_replacement_and_partner_kwargs():
    env = dialenv.make("moviebooking-v0", partner_kwargs={"user": {"personality": "erratic", "surface": "test"}})
    assert env.partners["user"].personality.randomness == 0.4
    with pytest.raises(DialenvError, match="unknown partners"):
        dialenv.make("moviebooking-v0", partner_kwargs={"system": {}})
    mute = dialenv.make("moviebooking-user-v0", partners={"system": lambda observation: "sorry?"})
    observation, _ = mute.reset(seed=0)
    observation, *_ = mute.step("two tickets for neon gardens")
    assert observation["text"] == "sorry?"


def test_same_seed_same_episode_in_both_views():
    for env_id, side in (("moviebooking-v0", "system"), ("moviebooking-user-v0", "user")):
        env = dialenv.make(env_id)
        agent = dialenv.load_agent(dialenv.spec(env_id).reference_agents[side])
        first, second = play_episode(env, {side: agent}, 5), play_episode(env, {side: agent}, 5)
        assert first.transcript == second.transcript and first.metrics == second.metrics
        assert play_episode(env, {side: agent}, 6).transcript != first.transcript
