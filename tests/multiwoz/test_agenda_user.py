"""The agenda-based MultiWOZ user, scripted against hand-written system acts, then against the rule system.

Scripted dialogues check each behaviour on its own: constraints a few at a time, answers to requests
(``dontcare`` for free slots), the switch to ``info`` after ``nooffer`` and to ``book`` after ``nobook``,
requests once an entity is offered, corrections of offers that contradict the goal, thanks and goodbye at
the end, text parsed when acts are hidden, determinism. The last tests play the joint environment with the
rule system and print the success rates (``pytest -s``).
"""

from __future__ import annotations

import pytest

from dialenv.acts import DialogueAct
from dialenv.multiwoz.goal import DomainGoal, Goal, goal_to_entries
from simulators.multiwoz import AgendaUser
from tests.multiwoz.conftest import skip_unless_available


@pytest.fixture(scope="module", autouse=True)
def _databases():
    skip_unless_available("multiwoz21", "db_official/restaurant_db.json", "db_official/attraction_db.json")


def a(intent: str, domain: str = "general", slot: str = "", value: str = "") -> DialogueAct:
    return DialogueAct(intent, domain, slot, value)


class Dialogue:
    """Feeds hand-written system turns to a user and keeps its answers."""

    def __init__(self, goal: Goal, seed: int = 0, surface: str | None = None) -> None:
        self.goal = goal
        self.user = AgendaUser(surface=surface)
        self.user.reset(seed)
        self.history: list[str] = []

    def turn(self, *system: DialogueAct, text: str = "") -> tuple[DialogueAct, ...]:
        entries = goal_to_entries(self.goal)
        observation = {
            "text": text,
            "acts": tuple(act.as_dict() for act in system),
            "history": tuple(self.history),
            "turn": len(self.history) // 2,
            "goal": entries,
            "goal_state": entries,
            "instruction": "",
        }
        message = self.user.act(observation)
        self.history += ["user: ...", "system: ..."]
        return message["acts"]

    def until(self, done, *system: DialogueAct, said: tuple[DialogueAct, ...] = ()) -> list[DialogueAct]:
        """Repeat a system turn until ``done(said + the acts said since)``; return what was said since."""
        said = list(said)
        start = len(said)
        for _ in range(6):
            if done(said):
                return said[start:]
            said += self.turn(*system)
        raise AssertionError(f"not done after 6 turns: {said}")


RESTAURANT = DomainGoal(
    info={"food": "italian", "area": "centre", "pricerange": "cheap"},
    reqt=("phone", "postcode"),
    book={"people": "4", "day": "monday", "time": "17:30"},
)
HOTEL = DomainGoal(
    info={"type": "guesthouse", "area": "north"}, book={"people": "4", "day": "monday", "stay": "2"}
)


def test_first_turn_informs_a_few_constraints_of_the_first_domain():
    goal = Goal({"restaurant": RESTAURANT, "hotel": HOTEL})
    sizes = set()
    for seed in range(12):
        acts = Dialogue(goal, seed).turn()
        assert all(act.intent == "inform" and act.domain == "restaurant" for act in acts)
        assert all(RESTAURANT.info[act.slot] == act.value for act in acts)
        sizes.add(len(acts))
    assert sizes <= {1, 2, 3} and len(sizes) > 1


def test_requests_are_answered_from_the_goal_or_with_dontcare():
    dialogue = Dialogue(Goal({"restaurant": RESTAURANT}))
    dialogue.turn()
    answers = dialogue.turn(a("request", "restaurant", "area", "?"), a("request", "restaurant", "name", "?"))
    assert a("inform", "restaurant", "area", "centre") in answers
    assert a("inform", "restaurant", "name", "dontcare") in answers
    answers = dialogue.turn(a("request", "booking", "people"))
    assert a("inform", "restaurant", "people", "4") in answers


def test_nooffer_for_the_scripted_failure_switches_to_info():
    failing = DomainGoal(
        info={"food": "italian", "area": "centre"}, fail_info={"food": "catalan", "area": "centre"}
    )
    dialogue = Dialogue(Goal({"restaurant": failing}))
    first = dialogue.turn()
    said = first + tuple(
        dialogue.until(lambda acts: {act.slot for act in acts} >= {"food", "area"}, a("reqmore"), said=first)
    )
    assert a("inform", "restaurant", "food", "catalan") in said
    answer = dialogue.turn(a("nooffer", "restaurant", "food", "catalan"))
    assert a("inform", "restaurant", "food", "italian") in answer
    assert not any(act.slot == "area" for act in answer)  # unchanged constraints are not repeated


def test_nobook_for_the_scripted_failure_switches_to_book():
    venue = DomainGoal(
        info={"name": "pizza hut city centre"},
        book={"people": "4", "day": "monday", "time": "17:30"},
        fail_book={"time": "18:30"},
    )
    dialogue = Dialogue(Goal({"restaurant": venue}))
    assert dialogue.turn() == (a("inform", "restaurant", "name", "pizza hut city centre"),)
    booking = dialogue.turn(a("inform", "restaurant", "name", "pizza hut city centre"), a("reqmore"))
    assert set(booking) == {
        a("inform", "restaurant", "people", "4"),
        a("inform", "restaurant", "day", "monday"),
        a("inform", "restaurant", "time", "18:30"),
    }
    assert dialogue.turn(a("nobook", "booking")) == (a("inform", "restaurant", "time", "17:30"),)
    assert dialogue.turn(a("book", "booking", "reference", "abcd2345"), a("reqmore")) == (
        a("thank"),
        a("bye"),
    )


def test_requests_wait_for_an_offer_and_are_asked_once():
    museum = DomainGoal(info={"type": "museum", "area": "centre"}, reqt=("phone", "postcode"))
    dialogue = Dialogue(Goal({"attraction": museum}), seed=3)
    first = dialogue.turn()
    said = first + tuple(
        dialogue.until(lambda acts: {act.slot for act in acts} >= {"type", "area"}, a("reqmore"), said=first)
    )
    assert not any(act.intent == "request" for act in said)
    offer = a("recommend", "attraction", "name", "broughton house gallery")
    requests = dialogue.until(lambda acts: len(acts) >= 2, offer)
    assert set(requests) == {a("request", "attraction", "phone"), a("request", "attraction", "postcode")}
    answer = (
        a("inform", "attraction", "phone", "01223314960"),
        a("inform", "attraction", "postcode", "cb11ln"),
    )
    assert dialogue.turn(*answer, a("reqmore")) == (a("thank"), a("bye"))


def test_an_offer_that_contradicts_the_goal_is_corrected():
    dialogue = Dialogue(Goal({"restaurant": RESTAURANT}))
    dialogue.turn()
    wrong = (
        a("recommend", "restaurant", "name", "golden house"),
        a("inform", "restaurant", "food", "chinese"),
    )
    assert a("inform", "restaurant", "food", "italian") in dialogue.turn(*wrong)
    assert not any(act.intent == "request" for act in dialogue.turn(a("reqmore")))  # nothing was accepted


def test_the_taxi_goes_between_the_offered_venues():
    taxi = DomainGoal(info={"arriveby": "17:30"}, reqt=("car", "phone"))
    restaurant = DomainGoal(info={"name": "pizza hut city centre"})
    attraction = DomainGoal(info={"name": "all saints church"})
    dialogue = Dialogue(Goal({"taxi": taxi, "restaurant": restaurant, "attraction": attraction}))
    assert dialogue.turn()[0].domain == "restaurant"  # the taxi comes last, whatever the goal order
    dialogue.turn(a("inform", "restaurant", "name", "pizza hut city centre"), a("reqmore"))
    said = dialogue.until(
        lambda acts: any(act.domain == "taxi" for act in acts),
        a("inform", "attraction", "name", "all saints church"),
        a("reqmore"),
    )
    route = {act.slot: act.value for act in said if act.domain == "taxi"}
    assert route == {
        "departure": "all saints church",
        "destination": "pizza hut city centre",
        "arriveby": "17:30",
    }


def test_system_text_is_read_when_acts_are_hidden():
    dialogue = Dialogue(Goal({"restaurant": RESTAURANT}), surface="train")
    dialogue.turn()
    answer = dialogue.turn(text="what part of town do you prefer?")
    assert a("inform", "restaurant", "area", "centre") in answer


def test_surfaces_and_determinism():
    goal = Goal({"restaurant": RESTAURANT, "hotel": HOTEL})
    quiet = AgendaUser(surface=None)
    quiet.reset(5)
    entries = goal_to_entries(goal)
    observation = {"text": "", "acts": (), "history": (), "turn": 0, "goal": entries, "goal_state": entries}
    assert quiet.act(observation)["text"] == ""
    runs = []
    for _ in range(2):
        user = AgendaUser(surface="train")
        user.reset(5)
        first = user.act(observation)
        second = user.act(
            {**observation, "history": ("user: x",), "acts": (a("request", "restaurant", "area").as_dict(),)}
        )
        runs.append((first["text"], first["acts"], second["text"], second["acts"]))
    assert runs[0] == runs[1] and runs[0][0]
    quiet.reset(5)
    assert quiet.act(observation)["acts"] == runs[0][1]  # the agenda draws the same at any surface


def test_a_new_dialogue_starts_on_an_empty_history():
    dialogue = Dialogue(Goal({"restaurant": RESTAURANT}))
    dialogue.turn()
    dialogue.history = []
    assert all(act.intent == "inform" and act.domain == "restaurant" for act in dialogue.turn())


# ---------------------------------------------------------------------------------------------- with the rule system
def _joint_env(level: str):
    pytest.importorskip("baselines.multiwoz.rule_system", reason="the MultiWOZ rule system is not installed")
    skip_unless_available("multiwoz21", "test.json.zip")
    import dialenv

    return dialenv.make("multiwoz-joint-v0", level=level)


def _success(level: str, episodes: int) -> tuple[float, list]:
    from baselines.multiwoz.rule_system import RuleSystem
    from dialenv.rollout import play_episode

    env = _joint_env(level)
    surface = None if level == "act" else "train"
    agents = {"user": AgendaUser(surface=surface), "system": RuleSystem(surface=surface)}
    results = [play_episode(env, agents, seed) for seed in range(episodes)]
    return sum(bool(episode.metrics["success"]) for episode in results) / episodes, results


def test_with_the_rule_system_at_act_level():
    rate, results = _success("act", 150)
    print(f"\nagenda user vs rule system, act level, test goals 0-149: success {rate:.3f}")
    assert rate >= 0.9
    taxi = next(e for e in results if any("taxi-departure" in line for line in e.transcript))
    assert any("taxi-destination" in line for line in taxi.transcript)


def test_with_the_rule_system_at_text_level_is_deterministic():
    rate, results = _success("text", 40)
    print(f"\nagenda user vs rule system, text level (train surfaces), test goals 0-39: success {rate:.3f}")
    assert rate >= 0.8
    _, again = _success("text", 3)
    assert [e.transcript for e in again] == [e.transcript for e in results[:3]]
