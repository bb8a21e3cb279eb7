import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialenv.acts import MAX_ACTS, MAX_TEXT_LENGTH, DialogueAct, Message, parse_action
from dialenv.errors import InvalidAction


def test_text_only_action():
    message = parse_action("  hello   there ", "user")
    assert message == Message("user", "hello there", (), {})


def test_structured_action_normalises_acts_and_belief():
    message = parse_action(
        {"text": "ok", "acts": [{"intent": "Inform", "domain": "movie", "slot": "time", "value": "7:00 PM"}, ("bye",)],
         "belief": {"Date": "Friday", "time": ""}},
        "system",
    )
    assert message.acts == (DialogueAct("inform", "movie", "time", "7:00 pm"), DialogueAct("bye"))
    assert dict(message.belief) == {"date": "friday"}


def test_oversized_text_and_acts_are_truncated():
    message = parse_action({"text": "x" * (MAX_TEXT_LENGTH + 50), "acts": [("a",)] * (MAX_ACTS + 5)}, "user")
    assert len(message.text) == MAX_TEXT_LENGTH
    assert len(message.acts) == MAX_ACTS


@pytest.mark.parametrize(
    "action, fragment",
    [
        (42, "an action must be a str"),
        ({"txt": "hi"}, "unknown action keys"),
        ({"text": b"bytes"}, "'text' must be a str"),
        ({"acts": "inform"}, "'acts' must be a list"),
        ({"acts": [{"intent": ""}]}, "empty intent"),
        ({"acts": [{"intent": "x", "colour": "red"}]}, "unknown keys"),
        ({"belief": ["movie"]}, "'belief' must be a mapping"),
        ({"belief": {"movie": None}}, "must be a string"),
    ],
)
def test_malformed_actions_say_what_is_wrong(action, fragment):
    with pytest.raises(InvalidAction, match=fragment):
        parse_action(action, "user")


def test_act_str_is_readable():
    assert str(DialogueAct("inform", "movie", "time", "7:00 pm")) == "inform(movie-time=7:00 pm)"
    assert str(DialogueAct("affirm")) == "affirm()"


@given(st.text(max_size=3000))
def test_any_string_is_a_legal_action(text):
    message = parse_action(text, "user")
    assert len(message.text) <= MAX_TEXT_LENGTH
