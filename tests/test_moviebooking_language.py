"""Movie-booking language layer: NLG <-> NLU round trips per surface, determinism, sim-M extraction, robustness.

Round trips: over seeded random act sets, ``NLU(NLG(acts)) == canonical_order(acts)``. The "train" surfaces
must round-trip almost always; "test" and "sim-m" are expected to do worse (paper 002's train/test surface
gap) and only get a sanity floor; their accuracies are printed (``pytest -s``).
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialenv import data
from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DATES, DONTCARE, SHOWING_SLOTS, SLOTS, SYSTEM_INTENTS, USER_INTENTS
from simulators.moviebooking import (
    SystemNLG,
    SystemTextNLU,
    UserNLG,
    UserTextNLU,
    act_signature,
    canonical_order,
)
from simulators.moviebooking.simm import SimMTemplateTable, extract_templates, simm_template_table

MOVIES = [
    "the silent harbor",
    "seven winters",
    "the other side of morning",
    "no way back",
    "paper lanterns",
    "midnight at the grand",
    "a tale of two rivers",
    "echoes",
]
THEATRES = ["regal riverside 12", "cineplex 7", "the orpheum", "starlight drive-in", "grand cinema downtown"]
LEXICON = {"movie": MOVIES, "theatre_name": THEATRES, "date": list(DATES)}
N_ROUND_TRIPS = 1500


def _act(intent: str, slot: str = "", value: str = "") -> DialogueAct:
    return DialogueAct(intent, "movie", slot, value)


def _value(slot: str, rng: np.random.Generator) -> str:
    if slot == "movie":
        return MOVIES[rng.integers(len(MOVIES))]
    if slot == "theatre_name":
        return THEATRES[rng.integers(len(THEATRES))]
    if slot == "date":
        return DATES[rng.integers(len(DATES))]
    if slot == "time":
        return f"{rng.integers(1, 13)}:{(0, 15, 30, 45)[rng.integers(4)]:02d} {('am', 'pm')[rng.integers(2)]}"
    return str(rng.integers(1, 10))


def _slots(rng: np.random.Generator, pool: tuple[str, ...], low: int, high: int) -> list[str]:
    count = int(rng.integers(low, min(high, len(pool)) + 1))
    return [pool[i] for i in sorted(rng.choice(len(pool), size=count, replace=False))]


def random_user_acts(rng: np.random.Generator) -> tuple[DialogueAct, ...]:
    """A plausible user message: informs (maybe with a greeting/affirm/negate) or slotless acts."""
    kind = rng.random()
    if kind < 0.6:
        acts = []
        for slot in _slots(rng, SLOTS, 1, 5):
            dontcare = rng.random() < (0.05 if slot == "num_tickets" else 0.15)
            acts.append(_act("inform", slot, DONTCARE if dontcare else _value(slot, rng)))
        lead = rng.random()
        if lead < 0.1:
            acts.append(_act("greeting"))
        elif lead < 0.2:
            acts.append(_act("affirm"))
        elif lead < 0.35:
            acts.append(_act("negate"))
        return tuple(acts)
    options = [
        ("affirm",),
        ("negate",),
        ("request_alts",),
        ("negate", "request_alts"),
        ("thank_you",),
        ("good_bye",),
        ("thank_you", "good_bye"),
        ("negate", "thank_you"),
        ("greeting",),
        ("cant_understand",),
    ]
    return tuple(_act(intent) for intent in options[rng.integers(len(options))])


def random_system_acts(rng: np.random.Generator) -> tuple[DialogueAct, ...]:
    """A plausible system message of the rule system's repertoire."""
    kind = int(rng.integers(8))
    if kind == 0:
        acts = [_act("request", slot) for slot in _slots(rng, SLOTS, 1, 3)]
        return tuple(acts + ([_act("greeting")] if rng.random() < 0.2 else []))
    if kind == 1:
        return tuple(
            _act(
                "confirm",
                slot,
                DONTCARE if slot != "num_tickets" and rng.random() < 0.1 else _value(slot, rng),
            )
            for slot in _slots(rng, SLOTS, 1, 5)
        )
    if kind == 2:
        slots = SHOWING_SLOTS if rng.random() < 0.7 else _slots(rng, SHOWING_SLOTS, 1, 3)
        return tuple(_act("offer", slot, _value(slot, rng)) for slot in slots)
    if kind == 3:
        slot = SHOWING_SLOTS[rng.integers(len(SHOWING_SLOTS))]
        values: list[str] = []
        while len(values) < int(rng.integers(2, 4)):
            value = _value(slot, rng)
            values += [] if value in values else [value]
        acts = [_act("select", slot, value) for value in values]
        return tuple(acts + ([_act("notify_failure")] if rng.random() < 0.3 else []))
    if kind == 4:
        return tuple(_act("inform", slot, _value(slot, rng)) for slot in _slots(rng, SLOTS, 1, 2))
    if kind == 5:
        return (_act("notify_success"),) + ((_act("reqmore"),) if rng.random() < 0.5 else ())
    singles = ["notify_failure", "reqmore", "greeting", "good_bye"]
    return (_act(singles[rng.integers(len(singles))]),)


def _first_inform_slot(acts: tuple[DialogueAct, ...]) -> str | None:
    return next((act.slot for act in canonical_order(acts) if act.intent == "inform"), None)


def user_round_trip(
    nlg: UserNLG, nlu: UserTextNLU, seed: int, with_expected_slot: bool
) -> tuple[float, list]:
    """Exact-match rate of NLU(NLG(acts)) over N_ROUND_TRIPS random act sets, and a few failures."""
    rng = np.random.default_rng(seed)
    hits, failures = 0, []
    for _ in range(N_ROUND_TRIPS):
        acts = random_user_acts(rng)
        text = nlg.realize(acts, rng)
        expected_slot = _first_inform_slot(acts) if with_expected_slot else None
        parsed = nlu.parse(text, expected_slot=expected_slot)
        if parsed == canonical_order(acts):
            hits += 1
        elif len(failures) < 8:
            failures.append((acts, text, parsed))
    return hits / N_ROUND_TRIPS, failures


def system_round_trip(nlg: SystemNLG, nlu: SystemTextNLU, seed: int) -> tuple[float, list]:
    rng = np.random.default_rng(seed)
    hits, failures = 0, []
    for _ in range(N_ROUND_TRIPS):
        acts = random_system_acts(rng)
        text = nlg.realize(acts, rng)
        parsed = nlu.parse(text)
        if parsed == canonical_order(acts):
            hits += 1
        elif len(failures) < 8:
            failures.append((acts, text, parsed))
    return hits / N_ROUND_TRIPS, failures


def _show(failures: list) -> str:
    return "\n".join(
        f"  {[str(a) for a in canonical_order(acts)]}\n    {text!r}\n    -> {[str(a) for a in parsed]}"
        for acts, text, parsed in failures
    )


# ---------------------------------------------------------------- sim-M access


def _require_simm() -> None:
    if not data.is_available("sim-M", "train.json"):
        pytest.skip("sim-M is not available: set DIALENV_DATA to the data mirror (CI: ../shared/data)")


@pytest.fixture(scope="module")
def simm_table() -> SimMTemplateTable:
    _require_simm()
    return simm_template_table("train")


@pytest.fixture(scope="module")
def user_nlu() -> UserTextNLU:
    return UserTextNLU(LEXICON)


@pytest.fixture(scope="module")
def system_nlu() -> SystemTextNLU:
    return SystemTextNLU(LEXICON)


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("with_expected_slot", [False, True])
def test_user_train_surface_round_trips(user_nlu, with_expected_slot):
    accuracy, failures = user_round_trip(
        UserNLG("train"), user_nlu, seed=1, with_expected_slot=with_expected_slot
    )
    print(f"\nuser train surface round trip (expected_slot={with_expected_slot}): {accuracy:.3f}")
    assert accuracy >= 0.98, _show(failures)


def test_system_train_surface_round_trips(system_nlu):
    accuracy, failures = system_round_trip(SystemNLG("train"), system_nlu, seed=2)
    print(f"\nsystem train surface round trip: {accuracy:.3f}")
    assert accuracy >= 0.98, _show(failures)


def test_user_test_surface_is_harder(user_nlu):
    train, _ = user_round_trip(UserNLG("train"), user_nlu, seed=3, with_expected_slot=True)
    test, failures = user_round_trip(UserNLG("test"), user_nlu, seed=3, with_expected_slot=True)
    print(f"\nuser test surface round trip: {test:.3f} (train {train:.3f})\n{_show(failures[:4])}")
    assert 0.4 <= test < train


def test_system_test_surface_is_harder(system_nlu):
    train, _ = system_round_trip(SystemNLG("train"), system_nlu, seed=4)
    test, failures = system_round_trip(SystemNLG("test"), system_nlu, seed=4)
    print(f"\nsystem test surface round trip: {test:.3f} (train {train:.3f})\n{_show(failures[:4])}")
    assert 0.4 <= test < train


def test_user_simm_surface_round_trips(user_nlu, simm_table):
    nlg = UserNLG("sim-m", simm_table=simm_table)
    accuracy, failures = user_round_trip(nlg, user_nlu, seed=5, with_expected_slot=True)
    print(
        f"\nuser sim-m surface round trip: {accuracy:.3f}; fallback {nlg.fallback_counts}\n{_show(failures[:4])}"
    )
    assert accuracy >= 0.4


# ---------------------------------------------------------------- determinism


@pytest.mark.parametrize("surface", ["train", "test"])
def test_same_seed_same_text(surface):
    def transcript(seed: int) -> list[str]:
        rng = np.random.default_rng(seed)
        user, system = UserNLG(surface), SystemNLG(surface)
        acts = [(random_user_acts(rng), random_system_acts(rng)) for _ in range(200)]
        texts_rng = np.random.default_rng(seed + 1)
        return [user.realize(u, texts_rng) + " | " + system.realize(s, texts_rng) for u, s in acts]

    assert transcript(7) == transcript(7)
    assert transcript(7) != transcript(8)


def test_simm_same_seed_same_text(simm_table):
    acts = [random_user_acts(np.random.default_rng(seed)) for seed in range(300)]
    first = [UserNLG("sim-m", simm_table=simm_table).realize(a, np.random.default_rng(9)) for a in acts]
    again = [UserNLG("sim-m", simm_table=simm_table).realize(a, np.random.default_rng(9)) for a in acts]
    assert first == again


def test_text_does_not_depend_on_act_order():
    acts = (_act("inform", "movie", "echoes"), _act("inform", "num_tickets", "2"), _act("negate"))
    for surface in ("train", "test"):
        nlg = UserNLG(surface)
        assert nlg.realize(acts, np.random.default_rng(0)) == nlg.realize(
            acts[::-1], np.random.default_rng(0)
        )


# ---------------------------------------------------------------- surfaces differ in wording


def test_train_and_test_wordings_differ():
    """The test sets are other wording, not the train wording with other values: no sentence is shared."""
    from simulators.moviebooking.system_templates import SYSTEM_TEMPLATE_SETS
    from simulators.moviebooking.user_templates import USER_TEMPLATE_SETS

    sentence_fields = {
        "user": ("slotless", "combos", "inform_one", "dontcare_one", "frames"),
        "system": (
            "slotless",
            "request_one",
            "request_frames",
            "confirm_frames",
            "offer_frames",
            "select_frames",
            "inform_one",
        ),
    }
    for party, sets in (("user", USER_TEMPLATE_SETS), ("system", SYSTEM_TEMPLATE_SETS)):
        for name in sentence_fields[party]:
            train, test = getattr(sets["train"], name), getattr(sets["test"], name)
            if isinstance(train, dict):
                assert set(train) <= set(test), f"{party}.{name}: test set misses keys"
                pairs = [(train[key], test[key]) for key in train]
            else:
                pairs = [(train, test)]
            for train_texts, test_texts in pairs:
                assert not set(train_texts) & set(test_texts), (
                    f"{party}.{name} shares {set(train_texts) & set(test_texts)}"
                )


# ---------------------------------------------------------------- sim-M extraction


def test_simm_extraction_counts(simm_table):
    counts = simm_table.counts()
    print(
        f"\nsim-M templates: {sum(counts.values())} in {len(counts)} signatures; dropped {dict(simm_table.dropped)}"
    )
    assert simm_table.utterances == 1973  # user turns of sim-M train (PROVENANCE.md)
    assert sum(counts.values()) + sum(simm_table.dropped.values()) >= 1000
    assert counts[(("affirm", ""),)] >= 20
    assert counts[(("inform", "movie"), ("inform", "theatre_name"))] >= 20
    assert counts[(("inform", f"time={DONTCARE}"),)] >= 5
    assert counts[(("good_bye", ""), ("thank_you", ""))] >= 10
    for signature, templates in simm_table.templates.items():
        informed = {slot for intent, slot in signature if intent == "inform" and "=" not in slot}
        for template in templates:
            assert template.slots == informed, (signature, template)


def test_simm_templates_leak_no_corpus_values(simm_table):
    corpus = data.load_json("sim-M", "train.json")
    span_values = set()
    for dialogue in corpus:
        for turn in dialogue["turns"]:
            tokens = turn["user_utterance"]["tokens"]
            for span in turn["user_utterance"]["slots"]:
                value = " ".join(tokens[span["start"] : span["exclusive_end"]])
                if span["slot"] in ("movie", "theatre_name") and len(value) > 4:
                    span_values.add(value)
    for templates in simm_table.templates.values():
        for template in templates:
            literal = " ".join(part for part in template.parts if isinstance(part, str))
            assert not any(char.isdigit() for char in literal), template
            leaked = [value for value in span_values if f" {value} " in f" {literal} "]
            assert not leaked, (template, leaked)


def test_simm_fallback_is_counted(simm_table):
    nlg = UserNLG("sim-m", simm_table=simm_table)
    rng = np.random.default_rng(0)
    nlg.realize([_act("affirm")], rng)
    assert nlg.fallback_counts == {"exact": 1, "composed": 0, "test": 0}
    nlg.realize([_act("request_alts")], rng)  # sim-M users never ask for alternatives
    assert nlg.fallback_counts["test"] == 1
    every_slot = [_act("inform", slot, _value(slot, rng)) for slot in SLOTS] + [_act("negate")]
    if act_signature(every_slot) not in simm_table.templates:
        nlg.realize(every_slot, rng)
        assert nlg.fallback_counts["composed"] + nlg.fallback_counts["test"] == 2
    assert 0 < nlg.fallback_rate < 1


def test_simm_table_is_cached_and_fast():
    _require_simm()
    simm_template_table.cache_clear()
    start = time.perf_counter()
    first = simm_template_table("train")
    assert time.perf_counter() - start < 1.0
    assert simm_template_table("train") is first


# ---------------------------------------------------------------- errors


def test_nlg_rejects_bad_acts():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="intent must be one of"):
        UserNLG().realize([_act("offer", "movie", "echoes")], rng)
    with pytest.raises(ValueError, match="slot must be one of"):
        UserNLG().realize([_act("inform", "colour", "red")], rng)
    with pytest.raises(ValueError, match="takes no slot"):
        UserNLG().realize([_act("affirm", "movie", "echoes")], rng)
    with pytest.raises(ValueError, match="needs a value"):
        UserNLG().realize([_act("inform", "movie")], rng)
    with pytest.raises(ValueError, match="DialogueAct of strings"):
        UserNLG().realize([("inform", "movie", "num_tickets", 3)], rng)
    with pytest.raises(ValueError, match="at least one act"):
        SystemNLG().realize([], rng)
    with pytest.raises(ValueError, match="only a confirm"):
        SystemNLG().realize([_act("offer", "time", DONTCARE)], rng)
    with pytest.raises(ValueError, match="surface"):
        UserNLG("dev")
    with pytest.raises(ValueError, match="surface"):
        SystemNLG("sim-m")
    with pytest.raises(ValueError, match="lexicon slots"):
        UserTextNLU({"time": ["7 pm"]})
    with pytest.raises(ValueError, match="expected_slot"):
        UserTextNLU(LEXICON).parse("yes", expected_slot="colour")


# ---------------------------------------------------------------- NLU behaviour


@pytest.mark.parametrize(
    ("text", "expected_slot", "acts"),
    [
        ("3", "num_tickets", [_act("inform", "num_tickets", "3")]),
        ("at 7", "time", [_act("inform", "time", "7:00 pm")]),
        ("7pm please", None, [_act("inform", "time", "7:00 pm")]),
        ("it doesn't matter", "date", [_act("inform", "date", DONTCARE)]),
        ("it doesn't matter", None, []),
        (
            "a couple of seats for seven winters",
            None,
            [_act("inform", "movie", "seven winters"), _act("inform", "num_tickets", "2")],
        ),
        (
            "the other side of morning at cineplex 7",
            None,
            [
                _act("inform", "movie", "the other side of morning"),
                _act("inform", "theatre_name", "cineplex 7"),
            ],
        ),
        (
            "no way back, 10:30 in the morning",
            None,
            [_act("inform", "movie", "no way back"), _act("inform", "time", "10:30 am")],
        ),
        ("i don't understand", None, [_act("cant_understand")]),
        ("nah, anything else?", None, [_act("negate"), _act("request_alts")]),
        ("Sounds good, THANKS!", None, [_act("affirm"), _act("thank_you")]),
        ("", None, []),
    ],
)
def test_user_nlu_examples(user_nlu, text, expected_slot, acts):
    assert user_nlu.parse(text, expected_slot=expected_slot) == canonical_order(acts)


_USER_INTENTS = set(USER_INTENTS)
_SYSTEM_INTENTS = set(SYSTEM_INTENTS)


def _valid(acts: tuple[DialogueAct, ...], intents: set[str]) -> bool:
    return acts == canonical_order(acts) and all(
        isinstance(act, DialogueAct)
        and act.intent in intents
        and act.domain == "movie"
        and (act.slot in SLOTS or act.slot == "")
        and all(isinstance(field, str) for field in act)
        for act in acts
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(
        st.text(),
        st.text(
            alphabet=st.sampled_from(list("0123456789 :.apm,!?'-_tickets any time no yes")), max_size=200
        ),
        st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(1000, 20000)),
    ),
    expected_slot=st.sampled_from([None, *SLOTS]),
)
def test_nlu_never_crashes(user_nlu, system_nlu, text, expected_slot):
    assert _valid(user_nlu.parse(text, expected_slot=expected_slot), _USER_INTENTS)
    assert _valid(system_nlu.parse(text), _SYSTEM_INTENTS)


def _turn(
    tokens: str, spans: list[tuple[str, int, int]], types: list[tuple[str, str]], state: dict[str, str]
) -> dict:
    return {
        "user_utterance": {
            "tokens": tokens.split(),
            "slots": [{"slot": slot, "start": start, "exclusive_end": end} for slot, start, end in spans],
        },
        "user_acts": [{"type": kind, **({"slot": slot} if slot else {})} for kind, slot in types],
        "dialogue_state": [{"slot": slot, "value": value} for slot, value in state.items()],
    }


def test_extract_templates_on_invented_dialogue():
    """Delexicalization, date prefixes, dontcare from the state, and the drop rules, on made-up turns."""
    turns = [
        _turn(
            "hi , 2 tickets for echoes on friday",
            [("num_tickets", 2, 3), ("movie", 5, 6), ("date", 7, 8)],
            [("GREETING", "")],
            {"num_tickets": "2", "movie": "echoes", "date": "friday"},
        ),
        _turn(
            "i don ' t care",
            [],
            [("INFORM", "")],
            {"num_tickets": "2", "movie": "echoes", "date": "friday", "time": "dontcare"},
        ),
        _turn("no , 6 pm won ' t work", [("time", 2, 4)], [("NEGATE", "time")], {"time": "dontcare"}),
        _turn("buy tickets please", [], [], {}),
        _turn("yes echoes", [], [("AFFIRM", "")], {"movie": "echoes"}),
    ]
    table = extract_templates([{"dialogue_id": "x", "turns": turns}], source="invented")
    templates = {signature: [t.text for t in ts] for signature, ts in table.templates.items()}
    assert templates == {
        (("greeting", ""), ("inform", "date"), ("inform", "movie"), ("inform", "num_tickets")): [
            "hi, {num_tickets} tickets for {movie} {date@on}"
        ],
        (("inform", "time=dontcare"),): ["i don't care"],
    }
    assert table.dropped == {"span of a negated value": 1, "no act": 1, "unannotated value": 1}
    assert table.utterances == 5
    nlg = UserNLG("sim-m", simm_table=table)
    acts = [
        _act("greeting"),
        _act("inform", "movie", "echoes"),
        _act("inform", "date", "tomorrow"),
        _act("inform", "num_tickets", "1"),
    ]
    assert nlg.realize(acts, np.random.default_rng(0)) == "hi, 1 ticket for echoes tomorrow"


def test_value_of_two_slots_is_told_apart_by_context():
    nlu = UserTextNLU({"movie": ["aquarius"], "theatre_name": ["aquarius"], "date": DATES})
    assert nlu.parse("tickets to see aquarius") == (_act("inform", "movie", "aquarius"),)
    assert nlu.parse("at aquarius please") == (_act("inform", "theatre_name", "aquarius"),)
    assert nlu.parse("aquarius", expected_slot="theatre_name") == (
        _act("inform", "theatre_name", "aquarius"),
    )
