"""The MultiWOZ rule system's language: template NLG for every act the policy emits, and the user-text NLU.

The NLU is measured at act level (precision/recall/F1 over ``(intent, domain, slot, value)``; request values
ignored) on the corpus user turns of the test split, with the corpus context (the active domain and the
system's requests of the previous turn), and on the agenda user's template text when that simulator is
available. Figures are printed (``pytest -s``) and held to sanity floors.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pytest

from baselines.multiwoz.nlg import SURFACES, SystemNLG
from baselines.multiwoz.nlu import UserTextNLU
from baselines.multiwoz.schema import (
    ASKABLE_SLOTS,
    BOOKING_ARGS,
    SEARCH_SLOTS,
    TAXI_ROUTE,
    TAXI_TIMES,
    TRAIN_ROUTE,
    UNKNOWN,
)
from baselines.multiwoz.templates import SYSTEM_TEMPLATE_SETS
from dialenv.acts import DialogueAct
from dialenv.multiwoz.normalize import normalize_value

#: Attributes a user may ask for and the policy then informs, per domain, with a sample value.
ANSWERS = {
    "restaurant": {
        "name": "nandos",
        "food": "portuguese",
        "pricerange": "cheap",
        "area": "south",
        "address": "cambridge leisure park",
        "phone": "01223327908",
        "postcode": "cb17dy",
    },
    "hotel": {
        "name": "acorn guest house",
        "type": "guesthouse",
        "pricerange": "moderate",
        "area": "north",
        "stars": "4",
        "parking": "yes",
        "internet": "no",
        "address": "154 chesterton road",
        "phone": "01223353888",
        "postcode": "cb41da",
    },
    "attraction": {
        "name": "ballare",
        "type": "nightclub",
        "area": "centre",
        "entrancefee": "5 pounds",
        "openhours": "from 22:00 to 03:00",
        "address": "heidelberg gardens",
        "phone": "01223364222",
        "postcode": "cb23na",
    },
    "train": {
        "trainid": "tr7075",
        "leaveat": "05:00",
        "arriveby": "05:51",
        "departure": "cambridge",
        "destination": "london kings cross",
        "day": "monday",
        "duration": "51 minutes",
        "price": "23.60 pounds",
    },
    "taxi": {"car": "blue honda", "phone": "07218068540"},
    "police": {"name": "parkside police station", "address": "parkside, cambridge", "phone": "01223358966"},
    "hospital": {"department": "neurology", "phone": "01223216297"},
}


def policy_act_inventory() -> list[tuple[DialogueAct, ...]]:
    """Messages covering every kind of act the rule policy emits."""
    messages: list[tuple[DialogueAct, ...]] = [
        (DialogueAct(intent, "general"),) for intent in ("greet", "welcome", "bye", "reqmore")
    ]
    messages += [
        (DialogueAct("nobook", "booking"),),
        (DialogueAct("book", "booking", "reference", "abcd2345"),),
        (DialogueAct("offerbooked", "train", "reference", "abcd2345"), DialogueAct("offerbook", "train")),
    ]
    requests = [("train", slot) for slot in (*TRAIN_ROUTE, *TAXI_TIMES, "people")]
    requests += [("taxi", slot) for slot in (*TAXI_ROUTE, *TAXI_TIMES)]
    requests += [("booking", slot) for domain in ("restaurant", "hotel") for slot in BOOKING_ARGS[domain]]
    requests += [
        (domain, slot)
        for domain, slots in ASKABLE_SLOTS.items()
        if domain not in ("train", "taxi")
        for slot in slots
    ]
    messages += [(DialogueAct("request", domain, slot),) for domain, slot in requests]
    for domain, values in ANSWERS.items():
        messages.append(
            (DialogueAct("inform", domain, "choice", "3"),)
            + tuple(DialogueAct("inform", domain, slot, value) for slot, value in values.items())
        )
        messages.append(tuple(DialogueAct("inform", domain, slot, UNKNOWN) for slot in values))
        if "name" in values:
            messages.append((DialogueAct("recommend", domain, "name", values["name"]),))
    for domain, slots in SEARCH_SLOTS.items():
        values = {
            **ANSWERS.get(domain, {}),
            "parking": "no",
            "internet": "yes",
            "leaveat": "10:00",
            "arriveby": "11:00",
            "department": "neurology",
        }
        if slots:
            messages.append(
                tuple(DialogueAct("nooffer", domain, slot, values.get(slot, "x")) for slot in slots)
            )
        messages.append((DialogueAct("nooffer", domain),))
    return messages


@pytest.mark.parametrize("surface", SURFACES)
def test_every_policy_act_is_said_without_unfilled_slots(surface):
    nlg = SystemNLG(surface)
    delexicalized = SystemNLG(surface, delexicalized=True)
    rng = np.random.default_rng(0)
    for acts in policy_act_inventory():
        for _ in range(4):  # several draws reach the alternative wordings
            text = nlg.realize(acts, rng)
            assert text and "{" not in text and "}" not in text and "[" not in text, (acts, text)
            for act in acts:
                if (
                    act.value
                    and act.value != UNKNOWN
                    and act.intent not in ("nooffer",)
                    and act.value not in ("yes", "no")
                ):
                    assert act.value in text, (act, text)
            delex = delexicalized.realize(acts, rng)
            assert "{" not in delex and "}" not in delex, (acts, delex)
            for act in acts:
                if act.value not in ("", UNKNOWN, "yes", "no"):
                    assert act.value not in delex or act.value.isalpha(), (act, delex)


def test_delexicalized_text_uses_the_placeholder_scheme():
    acts = (
        DialogueAct("inform", "restaurant", "choice", "3"),
        DialogueAct("recommend", "restaurant", "name", "nandos"),
        DialogueAct("inform", "restaurant", "phone", "01223327908"),
        DialogueAct("book", "booking", "reference", "abcd2345"),
    )
    text = SystemNLG("train", delexicalized=True).realize(acts, np.random.default_rng(1))
    for placeholder in ("[choice]", "[name]", "[phone]", "[reference]"):
        assert placeholder in text
    assert "nandos" not in text and "abcd2345" not in text


def test_no_surface_means_no_text_and_bad_acts_are_named():
    assert SystemNLG(None).realize((DialogueAct("reqmore", "general"),), np.random.default_rng(0)) == ""
    with pytest.raises(ValueError, match="surface"):
        SystemNLG("casual")
    with pytest.raises(ValueError, match="no question for restaurant-colour"):
        SystemNLG("train").realize(
            (DialogueAct("request", "restaurant", "colour"),), np.random.default_rng(0)
        )
    with pytest.raises(ValueError, match="unknown intent"):
        SystemNLG("train").realize((DialogueAct("shrug", "general"),), np.random.default_rng(0))


def test_train_and_test_template_sets_differ_in_wording():
    train, test = SYSTEM_TEMPLATE_SETS["train"], SYSTEM_TEMPLATE_SETS["test"]
    assert set(train.request) == set(test.request) and set(train.general) == set(test.general)
    for table in ("general", "request", "inform", "offer", "booked"):
        shared = getattr(train, table).keys() & getattr(test, table).keys()
        for key in shared:
            assert not set(getattr(train, table)[key]) & set(getattr(test, table)[key]), (table, key)


def test_wording_is_seeded():
    acts = policy_act_inventory()[20]
    nlg = SystemNLG("train")
    first = [nlg.realize(acts, np.random.default_rng(5)) for _ in range(3)]
    assert len(set(first)) == 1


# ---------------------------------------------------------------------------- NLU
@pytest.fixture(scope="module")
def nlu(db):
    return UserTextNLU(db)


def _key(act: DialogueAct) -> tuple[str, str, str, str]:
    value = "" if act.intent == "request" or not act.slot else normalize_value(act.slot, act.value)
    return act.intent, act.domain, act.slot, value


def _f1(pairs: Iterable[tuple[Iterable[DialogueAct], Iterable[DialogueAct]]]) -> tuple[float, float, float]:
    true_positive = false_positive = false_negative = 0
    for predicted, gold in pairs:
        predicted_keys, gold_keys = {_key(act) for act in predicted}, {_key(act) for act in gold}
        true_positive += len(predicted_keys & gold_keys)
        false_positive += len(predicted_keys - gold_keys)
        false_negative += len(gold_keys - predicted_keys)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_nlu_on_corpus_user_turns(nlu, test_split):
    pairs = []
    for dialogue in test_split.values():
        active, asked = None, ()
        for turn in dialogue.turns:
            if turn.speaker == "user":
                pairs.append((nlu.parse(turn.text, active_domain=active, asked=asked), turn.acts))
            else:
                asked = tuple((act.domain, act.slot) for act in turn.acts if act.intent == "request")
            domains = [act.domain for act in turn.acts if act.domain not in ("general", "booking")]
            active = domains[-1] if domains else active
    precision, recall, f1 = _f1(pairs)
    print(
        f"user-text NLU on {len(pairs)} corpus test user turns: P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
    )
    assert f1 >= 0.82


@pytest.mark.parametrize("surface", ["train", "test"])
def test_nlu_on_agenda_user_text(nlu, db, surface):
    try:
        from simulators.multiwoz.agenda_user import AgendaUser
    except ImportError as error:
        pytest.skip(f"the MultiWOZ agenda user is not available: {error}")
    from baselines.multiwoz.rule_system import RuleSystem
    from dialenv.registration import make
    from dialenv.rollout import play_episode

    user, system = AgendaUser(surface=surface), RuleSystem(surface=None)
    pairs = []
    said = user.act

    def recording_act(observation):
        message = said(observation)
        asked = tuple((act.domain, act.slot) for act in system.last_acts if act.intent == "request")
        parsed = nlu.parse(
            message["text"],
            active_domain=system.tracker.active,
            asked=asked,
            recent_domains=system.tracker.recent,
        )
        pairs.append((parsed, message["acts"]))
        return message

    user.act = recording_act
    env = make("multiwoz-joint-v0")
    for seed in range(150):
        play_episode(env, {"user": user, "system": system}, seed)
    precision, recall, f1 = _f1(pairs)
    print(
        f"user-text NLU on {len(pairs)} agenda-user turns ({surface} wording): "
        f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
    )
    assert f1 >= 0.9


INF = "inform"


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        (
            "i need a train from ely to cambridge that leaves after 17:15 on friday.",
            {},
            {
                (INF, "train", "departure", "ely"),
                (INF, "train", "destination", "cambridge"),
                (INF, "train", "leaveat", "17:15"),
                (INF, "train", "day", "friday"),
            },
        ),
        (
            "I want to leave the hotel by 02:45 .",
            {"active_domain": "taxi"},
            {(INF, "taxi", "leaveat", "02:45")},
        ),
        (
            "book me a taxi to stevenage train station arriving by 5:30 pm",
            {},
            {(INF, "taxi", "destination", "stevenage train station"), (INF, "taxi", "arriveby", "17:30")},
        ),
        (
            "doesn't matter",
            {"active_domain": "hotel", "asked": [("hotel", "area")]},
            {(INF, "hotel", "area", "dontcare")},
        ),
        ("5", {"active_domain": "hotel", "asked": [("booking", "stay")]}, {(INF, "hotel", "stay", "5")}),
        (
            "i need a place to stay with free wifi in the north.",
            {},
            {(INF, "hotel", "internet", "yes"), (INF, "hotel", "area", "north")},
        ),
        ("i need a hotel.", {}, {(INF, "hotel", "", "")}),  # a plain "hotel" names the domain, not the type
        ("i need a 4 star hotel.", {}, {(INF, "hotel", "stars", "4"), (INF, "hotel", "type", "hotel")}),
        (
            "does it have free parking? and what is the postcode?",
            {"active_domain": "hotel"},
            {("request", "hotel", "parking", ""), ("request", "hotel", "postcode", "")},
        ),
        (
            "can you tell me the entrance fee and the phone number?",
            {"active_domain": "train", "recent_domains": ["attraction", "train"]},
            {("request", "attraction", "entrancefee", ""), ("request", "attraction", "phone", "")},
        ),
        (
            "i would like to go to the place where i can park.",
            {"active_domain": "hotel"},
            {(INF, "hotel", "parking", "yes")},
        ),
        ("i want to visit an attraction called the place.", {}, {(INF, "attraction", "name", "the place")}),
        ("Thank you , goodbye .", {}, {("thank", "general", "", ""), ("bye", "general", "", "")}),
        ("i also need a taxi.", {}, {(INF, "taxi", "", "")}),
    ],
)
def test_nlu_cases(nlu, text, context, expected):
    assert {tuple(act) for act in nlu.parse(text, **context)} == expected


@pytest.mark.parametrize("surface", SURFACES)
def test_nooffer_with_a_value_outside_the_templates_is_still_said(surface):
    # a learned user simulator informed "no parking no"; the system must answer, not crash
    act = DialogueAct("nooffer", "hotel", "parking", "no parking no")
    text = SystemNLG(surface).realize((act,), np.random.default_rng(0))
    assert "no parking no" in text
