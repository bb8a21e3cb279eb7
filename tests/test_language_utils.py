"""The shared language helpers (:mod:`simulators.language`): number words, clock times, phrase spotting,
template choice.

The trie regex of :func:`~simulators.language.spotting.alternatives` is checked against the flat
alternation it stands for (longest first), on random phrase sets and texts with word-boundary lookarounds
around it, as the spotters use it.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulators.language.numbers import NUMBER_WORDS, word_values
from simulators.language.spotting import alternatives, blank, clause_bounds, mask
from simulators.language.templates import join_items, pick
from simulators.language.times import CLOCK, NOON, NOON_HOURS, twelve_hour


# ---------------------------------------------------------------------------- numbers
def test_number_words_are_indexed_by_value():
    assert NUMBER_WORDS[0] == "zero"
    assert NUMBER_WORDS[3] == "three"
    assert NUMBER_WORDS[12] == "twelve"
    assert len(NUMBER_WORDS) == 13


def test_word_values_ranges_in_increasing_order():
    assert word_values(1, 3) == {"one": 1, "two": 2, "three": 3}
    assert list(word_values(0, 12)) == list(NUMBER_WORDS)
    assert word_values(7, 7) == {"seven": 7}


@pytest.mark.parametrize(("first", "last"), [(-1, 3), (0, 13), (5, 4)])
def test_word_values_rejects_ranges_without_words(first, last):
    with pytest.raises(ValueError, match="number words"):
        word_values(first, last)


# ---------------------------------------------------------------------------- times
@pytest.mark.parametrize(
    ("hour", "expected"),
    [(0, (12, "am")), (1, (1, "am")), (11, (11, "am")), (12, (12, "pm")), (13, (1, "pm")), (23, (11, "pm"))],
)
def test_twelve_hour(hour, expected):
    assert twelve_hour(hour) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("at 19:00 please", ("19", "00")),
        ("9.30 is fine", ("9", "30")),
        ("leave at 07:45.", ("07", "45")),
        ("it costs 1.505 pounds", None),  # a decimal, not a time
        ("room 12:305", None),
        ("tr1234:00", None),
        ("12:00:00", None),
    ],
)
def test_clock_pattern(text, found):
    match = re.search(CLOCK, text)
    assert (match.group("h", "m") if match else None) == found


def test_noon_words_and_hours():
    pattern = re.compile(NOON)
    assert [m.group("noon") for m in pattern.finditer("noon or midday, not midnight; afternoon")] == [
        "noon",
        "midday",
        "midnight",
    ]
    assert {word: NOON_HOURS[word] for word in ("noon", "midday", "midnight")} == {
        "noon": 12,
        "midday": 12,
        "midnight": 0,
    }


# ---------------------------------------------------------------------------- spotting
def _flat(phrases: list[str]) -> str:
    """The reference: a flat alternation, longest phrase first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(phrase) for phrase in ordered)


def test_alternatives_prefers_the_longest_phrase():
    pattern = re.compile(rf"(?<!\w)(?:{alternatives(['pizza hut', 'pizza hut city centre', 'pizza'])})(?!\w)")
    assert [m.group() for m in pattern.finditer("pizza hut city centre or pizza hut city, pizza")] == [
        "pizza hut city centre",
        "pizza hut",
        "pizza",
    ]


def test_alternatives_escapes_and_handles_no_phrases():
    assert re.fullmatch(alternatives(["a.b", "c+d"]), "a.b")
    assert not re.fullmatch(alternatives(["a.b"]), "axb")
    assert re.search(alternatives([]), "anything at all") is None


_ALPHABET = "ab .'-1"


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(st.text(_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=12),
    text=st.text(_ALPHABET, max_size=40),
)
def test_alternatives_matches_like_a_longest_first_alternation(phrases, text):
    for before, after in ((r"(?<!\w)", r"(?!\w)"), (r"(?<![\w'])", r"(?![\w'])"), ("", "")):
        trie = re.compile(rf"{before}(?:{alternatives(phrases)}){after}")
        flat = re.compile(rf"{before}(?:{_flat(phrases)}){after}")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_mask_and_blank_keep_offsets():
    chars = list("at 7pm please")
    mask(chars, 3, 6)
    assert "".join(chars) == "at ___ please"
    assert re.sub(r"please", blank, "yes please.") == "yes       ."


def test_clause_bounds():
    breaks = re.compile(r"[,.;!?]| but ")
    text = "friday works, i don't mind the time but not too late."
    start = text.index("don't")
    clause = clause_bounds(text, start, start + 5, breaks)
    assert text[slice(*clause)] == " i don't mind the time"
    assert clause_bounds("no breaks here", 3, 6, breaks) == (0, len("no breaks here"))


# ---------------------------------------------------------------------------- templates
def test_pick_is_uniform_and_follows_the_generator():
    options = ["a", "b", "c"]
    first = [pick(np.random.default_rng(4), options) for _ in range(3)]
    assert len(set(first)) == 1  # same generator state, same choice
    rng = np.random.default_rng(0)
    counts = {option: 0 for option in options}
    for _ in range(3000):
        counts[pick(rng, options)] += 1
    assert all(800 < count < 1200 for count in counts.values())


@pytest.mark.parametrize(
    ("items", "conjunction", "text"),
    [
        ([], "and", ""),
        (["a"], "and", "a"),
        (["a", "b"], "and", "a and b"),
        (["a", "b", "c"], "and", "a, b and c"),
        (["7pm", "8pm"], "or", "7pm or 8pm"),
    ],
)
def test_join_items(items, conjunction, text):
    assert join_items(items, conjunction) == text
