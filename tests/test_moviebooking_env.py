"""The joint movie-booking env driven by scripted acts: rewards, success, errors, teacher signal."""

import pytest

import dialenv
from dialenv.errors import EpisodeFinishedError, InvalidAction
from dialenv.moviebooking.kb import default_kb

KB = default_kb()
SHOWING = next(s for s in KB.showings if s.seats_left >= 2)
GOAL = {**SHOWING.slot_values(), "num_tickets": "2"}


def a(intent, slot="", value=""):
    return {"intent": intent, "domain": "movie", "slot": slot, "value": value}


def inform_all(goal):
    return {"acts": [a("inform", slot, value) for slot, value in goal.items()]}


def confirm_all(goal):
    return {"acts": [a("confirm", slot, value) for slot, value in goal.items()], "belief": goal}


def offer(showing, belief):
    return {"acts": [a("offer", slot, value) for slot, value in showing.slot_values().items()], "belief": belief}


def new_env(**kwargs):
    env = dialenv.make("moviebooking-joint-v0", **kwargs)
    env.reset(seed=0, options={"goal": GOAL})
    return env


def run(env, actions):
    for action in actions:
        env.step(action)


def test_successful_dialogue_rewards_and_metrics():
    env = new_env()
    run(env, [inform_all(GOAL), confirm_all(GOAL), {"acts": [a("affirm")]}, offer(SHOWING, GOAL),
              {"acts": [a("affirm")]}, {"acts": [a("notify_success"), a("reqmore")], "belief": GOAL},
              {"acts": [a("thank_you"), a("good_bye")]}])
    assert all(env.terminations.values())
    metrics = env.infos["system"]["metrics"]
    assert metrics["success"] and metrics["booked"] and metrics["turns"] == 3
    assert metrics["dst_joint"] == 1.0


def test_system_return_through_agent_iter():
    """-1 per system turn, +15 for success (delivered on the user's goodbye, seen at the system's last())."""
    env = new_env()
    script = iter([inform_all(GOAL), confirm_all(GOAL), {"acts": [a("affirm")]}, offer(SHOWING, GOAL),
                   {"acts": [a("affirm")]}, {"acts": [a("notify_success")], "belief": GOAL},
                   {"acts": [a("good_bye")]}])
    returns = {"user": 0.0, "system": 0.0}
    for name in env.agent_iter():
        _, reward, terminated, truncated, _ = env.last()
        returns[name] += reward
        env.step(None if terminated or truncated else next(script))
    assert returns["system"] == pytest.approx(-3 + 15)


def test_offer_that_violates_the_goal_is_not_a_success():
    other = next(s for s in KB.showings if s.movie != SHOWING.movie and s.seats_left >= 2)
    env = new_env()
    run(env, [inform_all(GOAL), confirm_all(GOAL), {"acts": [a("affirm")]}, offer(other, GOAL),
              {"acts": [a("affirm"), a("good_bye")]}])
    assert env.infos["system"]["metrics"]["success"] is False


def test_wrong_belief_fails_condition_one():
    env = new_env()
    wrong = {**GOAL, "num_tickets": "3"}
    run(env, [inform_all(GOAL), confirm_all(GOAL), {"acts": [a("affirm")]}, offer(SHOWING, wrong),
              {"acts": [a("affirm"), a("good_bye")]}])
    metrics = env.infos["system"]["metrics"]
    assert metrics["offer_accepted"] and metrics["tickets_confirmed"]
    assert metrics["belief_matches_goal"] is False and metrics["success"] is False


def test_turn_limit_terminates_the_dialogue():
    env = new_env(max_turns=3)
    for _ in range(3):
        env.step({"acts": [a("inform", "movie", GOAL["movie"])]})
        env.step({"acts": [a("request", "date")]})
    assert all(env.terminations.values()) and not any(env.truncations.values())
    assert env.infos["user"]["metrics"]["turns"] == 3


def test_invalid_action_raises_and_changes_nothing():
    env = new_env()
    env.step("I want two tickets")
    before = (list(env.transcript), env.agent_selection)
    with pytest.raises(InvalidAction, match="belief"):
        env.step({"text": "hi", "belief": "movie"})
    assert (list(env.transcript), env.agent_selection) == before


def test_penalize_mode_charges_and_continues():
    env = new_env(invalid_action="penalize")
    env.step({"acts": 5})
    assert "acts" in env.infos["user"]["invalid_action"]
    assert env.rewards["user"] == pytest.approx(env.invalid_action_penalty)
    assert env.agent_selection == "system"


def test_stepping_a_finished_episode_is_a_clear_error():
    env = new_env()
    run(env, [{"acts": [a("good_bye")]}])
    with pytest.raises(EpisodeFinishedError, match="only valid action is None"):
        env.step("hello?")
    env.step(None)
    env.step(None)
    with pytest.raises(EpisodeFinishedError, match="reset"):
        env.step(None)


def test_placeholders_are_lexicalized_from_the_offer():
    env = new_env()
    env.step(inform_all(GOAL))
    action = offer(SHOWING, GOAL)
    action["text"] = "[movie] is on at [time] at [theatre_name]."
    env.step(action)
    assert env.transcript[-1].text == f"{SHOWING.movie} is on at {SHOWING.time} at {SHOWING.theatre_name}."
    assert env.observe("user")["text"] == env.transcript[-1].text


def test_teacher_signal_reveals_only_what_the_user_said():
    env = new_env()
    env.step({"acts": [a("inform", "movie", GOAL["movie"])]})
    teacher = env.infos["system"]["teacher"]
    assert teacher["revealed"] == {"movie": GOAL["movie"]}
    assert [act["intent"] for act in teacher["expert_acts"]] == ["request", "request"]


def test_goal_switches_to_alternative_after_failure_notice():
    env = dialenv.make("moviebooking-joint-v0")
    env.reset(seed=0, options={"goal": {**GOAL, "time": "10:45 pm"}, "alternatives": {"time": GOAL["time"]}})
    env.step({"acts": [a("inform", "movie", GOAL["movie"])]})
    env.step({"acts": [a("notify_failure")]})
    observation = env.observe("user")
    assert observation["goal"]["time"] == GOAL["time"]
    assert observation["alternatives"]["time"] == ""


def test_observations_are_members_of_their_spaces():
    env = new_env()
    env.step("two tickets please")
    for agent in env.possible_agents:
        assert env.observation_space(agent).contains(env.observe(agent)), agent
