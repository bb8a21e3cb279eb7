"""Value spotting for the movie-booking rule NLUs: which slot values does a text mention, and where.

Both NLUs (user text and system text) first find values, then read intents from what is left. Values are
found in a fixed order, each step masking what it consumed so later steps cannot misread it:

1. lexicon values (movies, theatres, dates), longest match first, with one precompiled regex — so the "12"
   in "regal riverside 12" or the "other" in a title never reach the later steps;
2. clock times ("7pm", "7:30 p.m.", "19:00", "seven in the evening", "noon"), normalized to "7:00 pm";
3. ticket counts, only with context ("3 tickets", "two of us", "a couple of seats", "tickets for 4", "just
   me"); numbers without context are returned separately as *bare* numbers for the caller to attribute;
4. "don't care" expressions: "any time", "whenever", "wherever", "any day" name their slot; "doesn't
   matter", "no preference", ... take the slot nouns of their clause, or none (then the caller may use the
   slot it just asked for).

Masking replaces consumed characters by ``_`` so offsets stay aligned with the normalized text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from dialenv.acts import MAX_TEXT_LENGTH
from dialenv.moviebooking.domain import DONTCARE
from simulators.language.spotting import alternatives, clause_bounds, mask
from simulators.language.times import CLOCK, NOON, NOON_HOURS
from simulators.moviebooking.values import NUMBER_WORDS, canonical_time

#: Slots whose values come from the lexicon; time and num_tickets are recognised by pattern.
LEXICON_SLOTS = ("movie", "theatre_name", "date")

_WORD_NUMBER = alternatives(NUMBER_WORDS)
_HOUR = rf"(?P<h>\d{{1,2}}|{_WORD_NUMBER})"
_MINUTE_WORDS = {"fifteen": 15, "thirty": 30, "forty-five": 45, "forty five": 45}
_MINUTES = r"(?:[:.](?P<m>\d{2})|\s+(?P<mw>forty-five|forty five|fifteen|thirty))?"
_PART_OF_DAY = r"(?:in the (?P<pod>morning|afternoon|evening)|at night)"
_TIME_PATTERNS = (
    re.compile(rf"(?<![\w:.]){_HOUR}{_MINUTES}\s*(?P<mer>[ap])\.?\s?m\b\.?"),
    re.compile(rf"(?<![\w:.]){_HOUR}{_MINUTES}(?:\s*o'?clock)?\s+{_PART_OF_DAY}"),
    re.compile(CLOCK),
    re.compile(rf"(?<![\w:.]){_HOUR}\s*o'?clock\b"),
    re.compile(NOON),
)

_COUNT = rf"(?P<n>\d{{1,2}}|a couple of|a couple|a pair of|{_WORD_NUMBER})"
_COUNT_WORDS = {"a couple of": 2, "a couple": 2, "a pair of": 2, **NUMBER_WORDS}
_TICKET_PATTERNS = (
    re.compile(rf"(?<![\w:.]){_COUNT}(?:\s+[a-z]+)?\s+(?:tickets?|seats?|people|persons?|adults?|of us)\b"),
    re.compile(r"\b(?:a|an|a single|just one|only one)(?:\s+[a-z]+)?\s+(?:ticket|seat)\b"),
    re.compile(rf"\b(?:tickets?|seats?)\s+(?:is|are|for|:)?\s*{_COUNT}(?![\w:]|\.\d)"),
    re.compile(rf"\b(?:party|group) of\s+{_COUNT}(?![\w:]|\.\d)"),
    re.compile(r"\b(?:just|only) (?:for )?(?:me|myself)\b|\bby myself\b"),
)
_BARE_NUMBER = re.compile(rf"(?<![\w:.])(?P<n>\d{{1,2}}|{_WORD_NUMBER})(?![\w:])")

_SLOT_NOUNS = (
    ("theatre_name", r"movie theat(?:er|re)s?|theat(?:er|re)s?|cinemas?|venues?|locations?|places?|where"),
    ("num_tickets", r"number of (?:tickets|seats)|how many"),
    ("movie", r"movies?|films?|flicks?|pictures?"),
    ("date", r"dates?|days?"),
    ("time", r"times?|showings?|showtimes?|hours?"),
)
_NOUNS = "|".join(f"(?P<{slot}>\\b(?:{nouns})\\b)" for slot, nouns in _SLOT_NOUNS)
_NOUN_PATTERN = re.compile(_NOUNS)
#: "any time", "whatever film", "any movie theater": the matched group names the slot.
_ANY_NOUN = re.compile(
    rf"\b(?:any|whatever|whichever)(?!\s+(?:other|more|else|alternatives?)\b)\s+(?:[\w']+\s+)?(?:{_NOUNS})"
)
_DONTCARE_WORDS = (
    ("time", re.compile(r"\b(?:any ?time|whenever)\b")),
    ("theatre_name", re.compile(r"\b(?:anywhere|wherever)\b")),
)
_DONTCARE_PHRASE = re.compile(
    r"\b(?:(?:i )?(?:don'?t|do not) (?:really )?(?:care|mind)|(?:it )?(?:doesn'?t|does not|don'?t) (?:really )?matter"
    r"|(?:i )?(?:don'?t|do not) have a preference|no (?:real )?preference|not (?:picky|fussy|important)"
    r"|(?:i'?m |i am )?flexible|either (?:is fine|way|works)|up to you|surprise me|whatever"
    r"|any(?:thing)? (?:is|will do|works)|anything'?s fine)\b"
)
_CLAUSE_BREAK = re.compile(r"[,.;!?]| but ")
#: Words just before a value that belongs to several slots of the lexicon and decide which one it is.
_THEATRE_CUE = re.compile(r"\b(?:at|theat(?:er|re)|cinema|in)\s*$")
_MOVIE_CUE = re.compile(r"\b(?:see|watch|movie|film|for)\s*$")
_DATE_CUE = re.compile(r"\b(?:on|date|day)\s*$")


class Mention(NamedTuple):
    """A value found in the text: ``slot`` is empty for a bare number or an unattributed dontcare."""

    slot: str
    value: str
    start: int
    end: int


class Spotted(NamedTuple):
    """What :meth:`ValueSpotter.spot` found: attributed values, bare numbers, and the masked text."""

    mentions: tuple[Mention, ...]
    bare_numbers: tuple[Mention, ...]
    masked: str


_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'}
)
_SPACED_APOSTROPHE = re.compile(r"(?<=\w) ' (?=\w)")
_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Lower-case, unify apostrophes, join corpus-style ``don ' t``, collapse spaces; at most
    ``MAX_TEXT_LENGTH`` characters (the length an environment accepts, so parsing time is bounded)."""
    text = text[:MAX_TEXT_LENGTH].lower().translate(_APOSTROPHES)
    text = _SPACED_APOSTROPHE.sub("'", text)
    return _SPACES.sub(" ", text).strip()


def _count_value(raw: str) -> str | None:
    number = _COUNT_WORDS[raw] if raw in _COUNT_WORDS else int(raw)
    return str(number) if number >= 1 else None


def _time_value(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("noon"):
        return canonical_time(NOON_HOURS[groups["noon"]], 0, None)
    raw_hour = groups["h"]
    hour = NUMBER_WORDS[raw_hour] if raw_hour in NUMBER_WORDS else int(raw_hour)
    minute = int(groups["m"]) if groups.get("m") else _MINUTE_WORDS.get(groups.get("mw") or "", 0)
    meridiem = groups.get("mer")
    if meridiem:
        return canonical_time(hour, minute, meridiem + "m")
    if groups.get("pod") == "morning" or (raw_hour.startswith("0") and len(raw_hour) == 2):
        # "10 in the morning", or a 24-hour clock written with a leading zero ("09:30")
        return canonical_time(hour or 12, minute, "am") if hour <= 12 else None
    return canonical_time(hour, minute, None)


class ValueSpotter:
    """Finds slot values in normalized text, given the known values of the lexicon slots.

    Args:
        lexicon: slot -> known values, for ``movie``, ``theatre_name`` and ``date`` (other keys are an
            error: times and ticket counts are recognised by pattern). Values are normalized like text.
    """

    def __init__(self, lexicon: Mapping[str, Iterable[str]]):
        unknown = set(lexicon) - set(LEXICON_SLOTS)
        if unknown:
            raise ValueError(f"lexicon slots must be among {LEXICON_SLOTS}, got {sorted(unknown)}")
        self.value_slots: dict[str, tuple[str, ...]] = {}
        for slot in LEXICON_SLOTS:
            for raw in lexicon.get(slot, ()):
                value = normalize_text(raw)
                if value and slot not in self.value_slots.get(value, ()):
                    self.value_slots[value] = self.value_slots.get(value, ()) + (slot,)
        self._lexicon = re.compile(rf"(?<!\w)(?:{alternatives(self.value_slots)})(?!\w)")

    def spot(self, text: str, expected_slot: str | None = None) -> Spotted:
        """Find values in ``text`` (already :func:`normalize_text`-ed). ``expected_slot`` breaks ties for a
        lexicon value that belongs to several slots."""
        chars = list(text)
        mentions: list[Mention] = []
        for match in self._lexicon.finditer(text):
            slot = self._lexicon_slot(text, match, expected_slot)
            mentions.append(Mention(slot, match.group(), match.start(), match.end()))
            mask(chars, match.start(), match.end())
        for pattern in _TIME_PATTERNS:
            masked = "".join(chars)
            for match in pattern.finditer(masked):
                value = _time_value(match)
                if value is not None:
                    mentions.append(Mention("time", value, match.start(), match.end()))
                    mask(chars, match.start(), match.end())
        for pattern in _TICKET_PATTERNS:
            masked = "".join(chars)
            for match in pattern.finditer(masked):
                value = _count_value(match.group("n")) if "n" in pattern.groupindex else "1"
                if value is not None:
                    mentions.append(Mention("num_tickets", value, match.start(), match.end()))
                    mask(chars, match.start(), match.end())
        mentions.extend(self._dontcares(chars))
        masked = "".join(chars)
        bare = tuple(
            Mention("", value, match.start(), match.end())
            for match in _BARE_NUMBER.finditer(masked)
            if (value := _count_value(match.group("n"))) is not None
        )
        mentions.sort(key=lambda mention: mention.start)
        return Spotted(tuple(mentions), bare, masked)

    def _lexicon_slot(self, text: str, match: re.Match[str], expected_slot: str | None) -> str:
        slots = self.value_slots[match.group()]
        if len(slots) == 1:
            return slots[0]
        before = text[max(0, match.start() - 24) : match.start()]
        for slot, cue in (("theatre_name", _THEATRE_CUE), ("movie", _MOVIE_CUE), ("date", _DATE_CUE)):
            if slot in slots and cue.search(before):
                return slot
        if expected_slot in slots:
            return expected_slot
        return slots[0]

    @staticmethod
    def _dontcares(chars: list[str]) -> list[Mention]:
        """Dontcare mentions; masks what it consumes. An unattributed one has an empty slot."""
        found: list[Mention] = []
        masked = "".join(chars)
        for match in _ANY_NOUN.finditer(masked):
            found.append(Mention(match.lastgroup or "", DONTCARE, match.start(), match.end()))
            mask(chars, match.start(), match.end())
        for slot, pattern in _DONTCARE_WORDS:
            for match in pattern.finditer("".join(chars)):
                found.append(Mention(slot, DONTCARE, match.start(), match.end()))
                mask(chars, match.start(), match.end())
        masked = "".join(chars)
        for match in _DONTCARE_PHRASE.finditer(masked):
            clause_start, clause_end = clause_bounds(masked, match.start(), match.end(), _CLAUSE_BREAK)
            nouns = list(_NOUN_PATTERN.finditer(masked, clause_start, clause_end))
            for noun in nouns:
                found.append(Mention(noun.lastgroup or "", DONTCARE, noun.start(), noun.end()))
                mask(chars, noun.start(), noun.end())
            if not nouns:
                found.append(Mention("", DONTCARE, match.start(), match.end()))
            mask(chars, match.start(), match.end())
        return found
