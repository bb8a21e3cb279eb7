"""Normalisation of MultiWOZ slot values, shared by the records, the database and the evaluator.

The corpus, the databases and system outputs spell the same value in many ways (``nando's`` / ``nandos``,
``guest house`` / ``guesthouse``, ``5pm`` / ``17:00``, ``free`` / ``yes``). Comparing values only makes
sense after mapping them to the spelling of the database. The rules here are those of the standardized
MultiWOZ evaluator of Nekvinda & Dušek (2021) ("Shades of BLEU, Flavours of Success"), so dialenv's
database lookups, belief states and corpus metrics agree with published numbers:

* every value is lower-cased and stripped, runs of spaces collapse;
* venue and place names (``name``, ``departure``, ``destination``): ``&`` becomes ``and``, a space before
  an apostrophe is removed, and a fixed list of misspellings maps to database names;
* ``type`` and ``food``: fixed lists of variants and misspellings (``portugese`` -> ``portuguese``);
* times (``arriveby``, ``leaveat``, ``time``): ``HH:MM``; day parts (``afternoon`` -> ``13:00``), ``by``/
  ``after`` prefixes and ``am``/``pm`` suffixes are handled; unparseable text is returned unchanged;
* ``parking`` and ``internet``: ``free`` means ``yes``.

One deliberate deviation from the standard evaluator: ``12pm``/``12:30 pm`` stay at hour 12 (the standard
adds 12 hours and produces ``24:30``).

:func:`is_unset` and :func:`is_dontcare` recognise the many ways a state says "no value" or "any value".
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNSET = frozenset({"", "not mentioned", "none", "not given"})
_DONTCARE = frozenset({"dontcare", "dont care", "don't care", "do n't care", "do not care"})

_NAME_FIXES = {
    # restaurants
    "hotel du vin bistro": "hotel du vin and bistro",
    "the river bar and grill": "the river bar steakhouse and grill",
    "nando's": "nandos",
    "ask": "ask restaurant",  # names that corpus goals spell differently from the database
    "meze bar restaurant": "meze bar",
    "city center b and b": "city center north b and b",
    "acorn house": "acorn guest house",
    "caffee uno": "caffe uno",
    "cafe uno": "caffe uno",
    "rosa's": "rosas bed and breakfast",
    "restaurant called two two": "restaurant two two",
    "restaurant 2 two": "restaurant two two",
    "restaurant two 2": "restaurant two two",
    "restaurant 2 2": "restaurant two two",
    "restaurant 1 7": "restaurant one seven",
    "restaurant 17": "restaurant one seven",
    # hotels
    "lime house": "limehouse",
    "cityrooms": "cityroomz",
    "whale of time": "whale of a time",
    "huntingdon hotel": "huntingdon marriott hotel",
    "holiday inn exlpress, cambridge": "express by holiday inn cambridge",
    "university hotel": "university arms hotel",
    "arbury guesthouse and lodge": "arbury lodge guesthouse",
    "bridge house": "bridge guest house",
    "arbury guesthouse": "arbury lodge guesthouse",
    "nandos in the city centre": "nandos city centre",
    # attractions
    "broughton gallery": "broughton house gallery",
    "scudamores punt co": "scudamores punting co",
    "cambridge botanic gardens": "cambridge university botanic gardens",
    "the junction": "junction theatre",
    "trinity street college": "trinity college",
    "christ college": "christ's college",
    "christs": "christ's college",
    "history of science museum": "whipple museum of the history of science",
    "parkside pools": "parkside swimming pool",
    "the botanical gardens at cambridge university": "cambridge university botanic gardens",
    "cafe jello museum": "cafe jello gallery",
}

_TYPE_FIXES = {
    "swimming pool": "swimmingpool",
    "mutliple sports": "multiple sports",
    "night club": "nightclub",
    "guest house": "guesthouse",
}

_FOOD_FIXES = {
    "eriterean": "mediterranean",
    "brazilian": "portuguese",
    "sea food": "seafood",
    "portugese": "portuguese",
    "modern american": "north american",
    "americas": "north american",
    "intalian": "italian",
    "italain": "italian",
    "asian or oriental": "asian",
    "english": "british",
    "australasian": "australian",
    "gastropod": "gastropub",
    "brutish": "british",
    "bristish": "british",
    "europeon": "european",
}

# Whole phrases (after lower-casing) with a fixed meaning, and phrases recognised by their beginning.
_TIME_PHRASES = {
    "afternoon": "13:00",
    "lunch": "12:00",
    "noon": "12:00",
    "mid-day": "12:00",
    "around lunch time": "12:00",
    "morning": "08:00",
    "seven o'clock tomorrow evening": "07:00",
    "three forty five p.m": "15:45",
    "one thirty p.m.": "13:30",
    "six fourty five": "06:45",
    "eight thirty": "08:30",
}
_TIME_PREFIX_PHRASES = (("one o'clock p.m", "13:00"), ("ten o'clock a.m", "10:00"))

_NAME_SLOTS = frozenset({"name", "departure", "destination"})
_TIME_SLOTS = frozenset({"arriveby", "leaveat", "time"})
_YES_NO_SLOTS = frozenset({"parking", "internet"})
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_SPACES = re.compile(r"\s+")


def is_unset(value: str) -> bool:
    """True for the ways a belief state says a slot has no value (``""``, ``not mentioned``, ``none``)."""
    return value.strip().lower() in _UNSET


def is_dontcare(value: str) -> bool:
    """True for the ways a belief state says "any value is fine" (``dontcare``, ``do n't care`` ...)."""
    return value.strip().lower() in _DONTCARE


@lru_cache(maxsize=65536)
def normalize_value(slot: str, value: str) -> str:
    """The database spelling of ``value`` for the canonical ``slot`` (see the module docstring)."""
    text = _SPACES.sub(" ", value.strip().lower())
    if text in _DONTCARE:
        return "dontcare"
    if slot in _NAME_SLOTS:
        return normalize_name(text)
    if slot == "type":
        return _TYPE_FIXES.get(text, text)
    if slot == "food":
        return _FOOD_FIXES.get(text, text)
    if slot in _TIME_SLOTS:
        return normalize_time(text)
    if slot in _YES_NO_SLOTS and text == "free":
        return "yes"
    return text


def normalize_name(name: str) -> str:
    """Venue or place name in database spelling (``"Nando's"`` -> ``"nandos"``)."""
    text = name.strip().lower().replace(" & ", " and ").replace("&", " and ").replace(" '", "'")
    return _NAME_FIXES.get(text, text)


def normalize_time(value: str) -> str:
    """A time as ``HH:MM`` when it can be read as one (``"5pm"`` -> ``"17:00"``), else the cleaned text."""
    text = value.strip().lower()
    if text in _TIME_PHRASES:
        return _TIME_PHRASES[text]
    for prefix, canonical in _TIME_PREFIX_PHRASES:
        if text.startswith(prefix):
            return canonical
    for prefix in ("by ", "after", "afer"):
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
    for suffix in ("am", "a.m."):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    for suffix in ("pm", "p.m."):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
            afternoon = _afternoon(text)
            if afternoon:
                return afternoon
    if not text:
        return "00:00"
    if text[-1] in ".,?":
        text = text[:-1]
    if text.isdigit():
        return f"{text[:2]}:{text[2:]}" if len(text) == 4 else f"{text.zfill(2)}:00"
    if ":" in text:
        text = text.replace(" ", "")
    if len(text) == 4 and text[1] == ":":
        return "0" + text
    return text


def _afternoon(text: str) -> str:
    """``"5"`` -> ``"17:00"``, ``"5:30"`` -> ``"17:30"``, ``"12:15"`` -> ``"12:15"``; ``""`` if not a time."""
    hours, _, minutes = text.partition(":")
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        return ""
    hour = int(hours) if int(hours) >= 12 else int(hours) + 12
    return f"{hour}:{minutes or '00'}"


def time_to_minutes(value: str) -> int | None:
    """Minutes after midnight of an ``H:MM``/``HH:MM`` time, or ``None`` if ``value`` is not one."""
    match = _CLOCK.match(value)
    if match is None:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))
