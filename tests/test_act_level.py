"""The act-level movie-booking view for off-the-shelf RL: spaces, action templates, layout, seeding, SB3."""

import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from dialenv.acts import DialogueAct, parse_action
from dialenv.errors import DialenvError, EpisodeFinishedError, InvalidAction
from dialenv.moviebooking.domain import DOMAIN, SLOTS, SYSTEM_INTENTS
from dialenv.moviebooking.kb import default_kb
from wrappers.act_level import ACTION_NAMES, BOOK, CONFIRM, OBSERVATION_NAMES, OFFER, MovieActView

SHOWING = next(s for s in default_kb().showings if s.seats_left >= 2)
GOAL = {**SHOWING.slot_values(), "num_tickets": "2"}


def flag(vector, name):
    return vector[OBSERVATION_NAMES.index(name)]


def cooperative_view():
    """A user who answers every request and never deviates, so a scripted dialogue is predictable."""
    return MovieActView(partner_kwargs={"user": {"personality": "cooperative"}})


def random_rollout(env, seed, episodes=3):
    """Observations and rewards of ``episodes`` dialogues with seeded random actions (the first reset seeded)."""
    rng = np.random.default_rng(seed)
    trace = []
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        trace.append(observation)
        done = False
        while not done:
            observation, reward, terminated, truncated, _ = env.step(int(rng.integers(len(ACTION_NAMES))))
            trace += [observation, reward]
            done = terminated or truncated
    return trace


def test_passes_gymnasium_check_env():
    check_env(MovieActView(), skip_render_check=True)


def test_spaces_match_the_documented_layout():
    env = MovieActView()
    assert env.action_space.n == len(ACTION_NAMES) == 10
    assert env.observation_space.shape == (len(OBSERVATION_NAMES),) == (32,)
    assert ACTION_NAMES[: len(SLOTS)] == tuple(f"request({slot})" for slot in SLOTS)


def test_every_action_maps_to_legal_acts_in_every_state_visited():
    env = MovieActView()
    rng = np.random.default_rng(0)
    for seed in range(5):
        env.reset(seed=seed)
        done = False
        while not done:
            for action in range(len(ACTION_NAMES)):
                acts = env.acts_for(action)
                assert all(isinstance(a, DialogueAct) and a.intent in SYSTEM_INTENTS for a in acts)
                assert all(a.domain == DOMAIN and a.slot in ("", *SLOTS) for a in acts)
                parse_action({"acts": acts, "belief": env.progress.belief}, "system")
            *_, terminated, truncated, _ = env.step(int(rng.integers(len(ACTION_NAMES))))
            done = terminated or truncated


def test_scripted_dialogue_succeeds_and_the_observation_follows_it():
    env = cooperative_view()
    observation, _ = env.reset(seed=0, options={"goal": GOAL})
    assert flag(observation, "movie_filled") and flag(observation, "user_inform")
    assert not flag(observation, "movie_confirmed") and flag(observation, "turn") == 0
    for slot in SLOTS[1:]:
        observation, reward, terminated, _, _ = env.step(ACTION_NAMES.index(f"request({slot})"))
        assert flag(observation, f"{slot}_filled") and reward == -1 and not terminated
    assert env.progress.belief == GOAL
    assert [a.intent for a in env.acts_for(CONFIRM)] == ["confirm"] * len(SLOTS)
    observation, *_ = env.step(CONFIRM)
    assert all(flag(observation, f"{slot}_confirmed") for slot in SLOTS) and flag(observation, "user_affirm")
    assert flag(observation, "kb_results_1") or flag(observation, "kb_results_2-5")
    observation, *_ = env.step(OFFER)
    assert flag(observation, "offer_accepted") and not flag(observation, "offer_pending")
    observation, reward, terminated, truncated, info = env.step(BOOK)
    assert terminated and not truncated and flag(observation, "booked") and flag(observation, "user_done")
    assert info["metrics"]["success"] and info["metrics"]["dst_joint"] == 1.0
    assert reward == 15 - 1 and flag(observation, "turn") == pytest.approx(7 / env.max_turns)


def test_nothing_to_confirm_or_offer_sends_an_empty_turn():
    env = MovieActView()
    env.reset(seed=0)
    env.progress.belief = {**GOAL, "time": "4:44 am"}  # no showing at that time
    env.progress.confirmed = dict(env.progress.belief)
    assert env.acts_for(OFFER) == () and env.acts_for(CONFIRM) == ()
    _, reward, terminated, _, _ = env.step(OFFER)
    system_turn = env.view.unwrapped_dialogue.transcript[-2]
    assert system_turn.speaker == "system" and system_turn.acts == () and reward == -1 and not terminated


def test_expert_action_plays_the_expert_first_act():
    env = MovieActView()
    env.reset(seed=3)
    done = False
    while not done:
        expert_first = env.expert.act(env.progress)[0]
        acts = env.acts_for(env.expert_action())
        played_as = {"reqmore": "notify_success"}.get(
            expert_first.intent, expert_first.intent
        )  # reqmore: "book"
        assert acts[0].intent == played_as
        *_, terminated, truncated, info = env.step(env.expert_action())
        done = terminated or truncated
    assert info["metrics"]["success"]


def test_same_seed_same_dialogues_including_unseeded_resets():
    first, second = random_rollout(MovieActView(), 7), random_rollout(MovieActView(), 7)
    assert len(first) == len(second)
    assert all(np.array_equal(a, b) for a, b in zip(first, second))
    other = random_rollout(MovieActView(), 8)
    assert len(other) != len(first) or not all(np.array_equal(a, b) for a, b in zip(first, other))


def test_turn_limit_terminates():
    env = MovieActView(max_turns=3)
    env.reset(seed=0)
    outcomes = [env.step(CONFIRM)[2:4] for _ in range(3)]
    assert outcomes == [(False, False), (False, False), (True, False)]


def test_clear_errors():
    env = MovieActView()
    with pytest.raises(EpisodeFinishedError, match="reset"):
        env.step(0)
    env.reset(seed=0)
    with pytest.raises(InvalidAction, match="out of range"):
        env.step(len(ACTION_NAMES))
    with pytest.raises(InvalidAction, match="one integer id"):
        env.step("book")
    env.step(np.int64(ACTION_NAMES.index("good_bye")))
    with pytest.raises(EpisodeFinishedError):
        env.step(0)
    with pytest.raises(DialenvError, match="level='act'"):
        MovieActView(level="text")


def test_stable_baselines3_ppo_smoke_run():
    sb3 = pytest.importorskip("stable_baselines3")
    env = MovieActView()
    model = sb3.PPO("MlpPolicy", env, n_steps=128, batch_size=64, n_epochs=1, seed=0, device="cpu")
    model.learn(total_timesteps=256)
    observation, _ = env.reset(seed=0)
    action, _ = model.predict(observation, deterministic=True)
    assert env.action_space.contains(int(action))
    env.step(action)
