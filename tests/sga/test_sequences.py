"""SGA sequence construction, serialisation, parsing (robust to malformed generations) and the DB token."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baselines.sga import sequences as sq
from baselines.sga.sequences import (
    ACT_DOMAINS,
    ACT_SLOTS,
    BELIEF_SLOTS,
    DB_TOKENS,
    INTENTS,
    SPECIAL_TOKENS,
    clean_text,
    db_result,
    ds_segments,
    ds_turns,
    parse_belief,
    parse_goal_state,
    parse_system_acts,
    parse_user_acts,
    segments_text,
    serialize_acts,
    serialize_belief,
    serialize_goal,
    split_parts,
    ubar_context,
    ubar_segments,
    us_segments,
    us_turns,
)
from dialenv.acts import DialogueAct
from dialenv.multiwoz.goal import DomainGoal, Goal

# --------------------------------------------------------------------------------------------------------
# Synthetic dialogue (always runs)
# --------------------------------------------------------------------------------------------------------


def test_ds_sequences_of_synthetic_dialogue(synthetic_dialogue, small_db):
    first, second = ds_turns(synthetic_dialogue, small_db)
    assert segments_text(ds_segments(first)) == (
        "<sos_b> <eos_b> <sos_r> <eos_r> <sos_u> i want portuguese food in the centre . <eos_u> "
        "<sos_b> [restaurant] food portuguese area centre <eos_b> <sos_db> [restaurant] [db_2] <eos_db> "
        "<sos_a> [restaurant] [inform] name address <eos_a> <sos_r> [name] is at [address] . <eos_r>"
    )
    # the second turn conditions on the first turn's belief and response only (shortened history)
    segments = ds_segments(second)
    assert [s.part for s in segments] == ["b", "r", "u", "b", "db", "a", "r"]
    assert [s.target for s in segments] == [False, False, False, True, False, True, True]
    assert segments[0].text == first.belief and segments[1].text == first.response
    assert second.belief == "[restaurant] food portuguese area centre people 2 day monday time 18:00"
    assert second.db == "[restaurant] [db_2] [book_ok]"
    assert second.acts == "[booking] [book] reference [restaurant] [inform] phone [general] [reqmore]"
    assert second.response == "booked , the reference is [reference] and the phone is [phone] ."


def test_us_sequences_of_synthetic_dialogue(synthetic_dialogue):
    first, second = us_turns(synthetic_dialogue)
    assert first.prev_response == "" and first.goal == (
        "[restaurant] [goal_info] food portuguese area centre [goal_reqt] phone "
        "[goal_book] people 2 day monday time 18:00"
    )
    assert first.user_acts == "[restaurant] [inform] food portuguese area centre"
    # g_2 = g_1 minus what the user said in turn 1
    assert second.goal == "[restaurant] [goal_reqt] phone [goal_book] people 2 day monday time 18:00"
    assert second.prev_response == "[name] is at [address] ."
    assert second.user_acts == "[restaurant] [inform] people 2 day monday time 18:00 [request] phone"
    segments = us_segments(second)
    assert [s.part for s in segments] == ["r", "g", "ua", "u"]
    assert [s.target for s in segments] == [False, False, True, True]


def test_ubar_sequences_hold_the_whole_history(synthetic_dialogue, small_db):
    turns = ds_turns(synthetic_dialogue, small_db)
    session = ubar_segments(turns)
    assert [s.part for s in session] == ["u", "b", "db", "a", "r"] * 2
    assert all(s.target != (s.part == "db") for s in session)
    context = ubar_context(turns[:1], turns[1].user)
    assert [s.part for s in context] == ["u", "b", "db", "a", "r", "u"]
    assert not any(s.target for s in context)


def test_special_tokens_are_unique_and_cover_the_serialisations():
    assert len(set(SPECIAL_TOKENS)) == len(SPECIAL_TOKENS)
    words = {
        word
        for word in [
            "[restaurant]",
            "[inform]",
            "[goal_reqt]",
            "[db_4]",
            "[book_fail]",
            "[trainid]",
            "<sos_ua>",
        ]
    }
    assert words <= set(SPECIAL_TOKENS)


def test_clean_text():
    assert clean_text("  I do n't <eos_u> KNOW ") == "i do n't eos_u know"


def test_clean_text_tokenizes_live_text_like_the_corpus():
    live = "I don't know, it's at 20:30. Is £3.50 OK? Thanks..."
    assert clean_text(live) == "i do n't know , it 's at 20:30 . is £3.50 ok ? thanks..."
    assert clean_text(clean_text(live)) == clean_text(live)  # corpus text (already tokenized) is unchanged


# --------------------------------------------------------------------------------------------------------
# Serialisation round trips and malformed generations
# --------------------------------------------------------------------------------------------------------


def test_belief_round_trip_and_fixed_order():
    belief = {"train": {"people": "2", "day": "monday"}, "hospital": {"department": "emergency department"}}
    text = serialize_belief(belief)
    assert text == "[hospital] department emergency department [train] day monday people 2"
    assert parse_belief(text) == belief


def test_act_round_trips():
    system = (
        DialogueAct("inform", "hotel", "area", "north"),
        DialogueAct("inform", "hotel", "stars", "4"),
        DialogueAct("request", "hotel", "day", "?"),
        DialogueAct("bye", "general", "", ""),
    )
    assert (
        serialize_acts(system, with_values=False)
        == "[hotel] [inform] area stars [request] day [general] [bye]"
    )
    assert parse_system_acts(serialize_acts(system, False)) == tuple(a._replace(value="") for a in system)
    user = (
        DialogueAct("inform", "taxi", "destination", "whale of a time"),
        DialogueAct("inform", "taxi", "departure", "arbury lodge guesthouse"),
        DialogueAct("request", "taxi", "car", "?"),
        DialogueAct("inform", "hotel", "parking", ""),
    )
    text = serialize_acts(user, with_values=True)
    assert text == (
        "[taxi] [inform] destination whale of a time departure arbury lodge guesthouse [request] car "
        "[hotel] [inform] parking none"
    )
    assert parse_user_acts(text) == user


def test_goal_round_trip():
    goal = Goal(
        {
            "restaurant": DomainGoal(
                info={"food": "indian", "area": "centre"}, reqt=("address", "phone"), book={"people": "2"},
                fail_info={"food": "korean"},
            ),
            "taxi": DomainGoal(reqt=("car",)),
        }
    )  # fmt: skip
    text = serialize_goal(goal)
    assert text == (
        "[restaurant] [goal_info] food indian area centre [goal_reqt] address phone [goal_book] people 2 "
        "[goal_fail_info] food korean [taxi] [goal_reqt] car"
    )
    assert parse_goal_state(text) == goal


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[restaurant]",
        "[restaurant] food",
        "food indian area centre",
        "[spaceship] speed warp [hotel] area north",
        "[hotel] [hotel] area area north stars",
        "<eos_b> [train] leaveat 25:99 day [db_3] monday <sos_r> hi",
        "[inform] [restaurant] [request] [request] phone phone [general]",
        "[[restaurant]] food ]] [ indian",
    ],
)
def test_malformed_generations_parse_into_valid_structures(text):
    _check_valid(text)


def _check_valid(text):
    belief = parse_belief(text)
    for domain, slots in belief.items():
        assert slots and set(slots) <= set(BELIEF_SLOTS[domain])
        assert all(isinstance(value, str) and value for value in slots.values())
    for acts in (parse_system_acts(text), parse_user_acts(text)):
        assert len(set(acts)) == len(acts)
        for act in acts:
            assert isinstance(act, DialogueAct)
            assert act.domain in ACT_DOMAINS and act.intent in INTENTS
            assert act.slot == "" or act.slot in ACT_SLOTS[act.domain]
    goal = parse_goal_state(text)
    assert isinstance(goal, Goal)
    # the canonical re-serialisation of a parse is a fixed point
    assert parse_belief(serialize_belief(belief)) == belief


_WORDS = st.sampled_from(
    list(SPECIAL_TOKENS)
    + list(sq.SLOTS)
    + ["indian", "north", "2", "18:00", "the", "none", "?", "[", "]", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join) | st.text(max_size=80))
def test_parsers_never_raise(text):
    _check_valid(text)


def test_belief_parse_examples():
    assert parse_belief("[restaurant] food indian area") == {"restaurant": {"food": "indian area"}}
    assert parse_belief("[hotel] type guest house [spaceship] area north") == {
        "hotel": {"type": "guesthouse"}
    }
    assert parse_belief("[train] leaveat 5pm") == {"train": {"leaveat": "17:00"}}


def test_split_parts():
    text = "<sos_b> [hotel] area north <eos_b> <sos_db> [hotel] [db_1] <eos_db> <sos_a> [hotel] [inform] name"
    assert split_parts(text) == {
        "b": "[hotel] area north",
        "db": "[hotel] [db_1]",
        "a": "[hotel] [inform] name",
    }


# --------------------------------------------------------------------------------------------------------
# DB token
# --------------------------------------------------------------------------------------------------------


def test_db_token_buckets_and_booking(small_db):
    assert db_result({}, small_db) == ""
    assert db_result({"restaurant": {"food": "korean"}}, small_db) == "[restaurant] [db_0]"
    assert db_result({"restaurant": {"food": "italian"}}, small_db) == "[restaurant] [db_1]"
    assert db_result({"restaurant": {"area": "centre"}}, small_db) == "[restaurant] [db_2]"
    booking = {"food": "italian", "people": "2", "day": "monday", "time": "18:00"}
    assert db_result({"restaurant": booking}, small_db) == "[restaurant] [db_1] [book_ok]"
    assert (
        db_result({"restaurant": {**booking, "people": "12"}}, small_db) == "[restaurant] [db_1] [book_fail]"
    )
    assert (
        db_result({"restaurant": {**booking, "food": "korean"}}, small_db)
        == "[restaurant] [db_0] [book_fail]"
    )
    taxi = {"departure": "ely", "destination": "cambridge", "leaveat": "10:00"}
    assert db_result({"taxi": taxi}, small_db) == "[taxi] [book_ok]"
    assert db_result({"taxi": {"departure": "ely"}}, small_db) == ""


def test_db_token_survives_garbled_beliefs(small_db):
    # an unreadable time is dropped from the query instead of raising; a domain without a table counts 0
    assert db_result({"train": {"leaveat": "half past never", "day": "monday"}}, small_db) == "[train] [db_1]"
    assert db_result({"hotel": {"area": "north"}}, small_db) == "[hotel] [db_0]"


def test_db_token_on_the_real_database(db):
    assert db_result({"restaurant": {"food": "indian", "area": "centre"}}, db) == "[restaurant] [db_3]"
    assert db_result({"train": {"departure": "cambridge"}}, db) == f"[train] {DB_TOKENS[-1]}"
    assert db_result({"attraction": {"name": "nusha"}}, db) == "[attraction] [db_1]"


# --------------------------------------------------------------------------------------------------------
# Real test-split dialogues (skipped without the corpus)
# --------------------------------------------------------------------------------------------------------


def test_sequences_of_a_real_test_dialogue(test_split, db):
    dialogue = test_split["PMUL4648"]
    turns = ds_turns(dialogue, db)
    assert len(turns) == len(dialogue.system_turns)
    assert segments_text(ds_segments(turns[2])) == (
        "<sos_b> <eos_b> <sos_r> could you double check that you 've spelled the name correctly ? the closest i "
        "can find is [name] . <eos_r> <sos_u> it 's not a restaurant , it 's an attraction . nusha . <eos_u> "
        "<sos_b> [attraction] name nusha <eos_b> <sos_db> [attraction] [db_1] <eos_db> "
        "<sos_a> [general] [reqmore] [attraction] [inform] type address area <eos_a> "
        "<sos_r> oh its okay . that is an [type] type located in the [area] at [address] , [address] , [address] "
        ". do you need their phone number ? <eos_r>"
    )
    user = us_turns(dialogue)
    assert user[0].goal == (
        "[restaurant] [goal_info] food indian pricerange expensive area centre [goal_reqt] address "
        "[attraction] [goal_info] name nusha [goal_reqt] postcode address [goal_fail_info] name little saint "
        "mary's church"
    )
    assert user[0].user_acts == "[restaurant] [inform] [attraction] [inform] name nusha"


def test_belief_serialisation_is_exact_on_the_test_split(test_split):
    from dialenv.multiwoz.normalize import normalize_value

    for dialogue in test_split.values():
        for turn in dialogue.system_turns:
            expected = {
                d: {s: normalize_value(s, v) for s, v in slots.items()} for d, slots in turn.belief.items()
            }
            assert parse_belief(serialize_belief(turn.belief)) == expected, dialogue.id


def test_goal_and_act_round_trips_on_the_test_split(test_split):
    """Exact except for rare corpus acts: a slot repeated within one intent, or a value holding a slot
    name of its own domain (``the good luck chinese food takeaway``)."""
    acts_total = acts_exact = goals_total = goals_exact = 0
    for dialogue in test_split.values():
        for turn in dialogue.user_turns:
            acts_total += 1
            acts_exact += parse_user_acts(serialize_acts(turn.acts, True)) == parse_user_acts(
                serialize_acts(parse_user_acts(serialize_acts(turn.acts, True)), True)
            ) and len(parse_user_acts(serialize_acts(turn.acts, True))) >= len(
                {a for a in turn.acts if a.slot}
            )
        for state in dialogue.goal_states():
            goals_total += 1
            goals_exact += parse_goal_state(serialize_goal(state)) == state
    assert acts_exact / acts_total > 0.995
    assert goals_exact / goals_total > 0.995
