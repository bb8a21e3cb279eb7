"""Value spotting for the MultiWOZ rule NLU: the values of the databases and ontology, found in text.

:func:`default_lexicon` builds, once per process, a table from word sequences to the values they name,
with the domains they can belong to: venue names (also without a leading "the" or a generic ending such
as "guest house", so "the acorn" finds ``acorn guest house``), foods, areas, price ranges, hotel and
attraction types (the phrasings of :mod:`dialenv.multiwoz.vocabulary`: "guest houses", "swimming pool"),
train stations, days, hospital departments and taxi cars, plus the foods of the MultiWOZ ontology that no restaurant serves
(users ask for them and systems say there is none). Values are in the database spelling, through
:func:`~dialenv.multiwoz.normalize.normalize_value`.

:func:`spot` finds the longest known word sequences of a text, left to right, by dictionary lookup of word
n-grams (no regex alternation over a thousand names), on the words of :func:`clean_text`; apostrophes and
hyphens do not count, so "kings college", "king's college" and "king 's college" all match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from dialenv import data
from dialenv.multiwoz import vocabulary
from dialenv.multiwoz.booking import WEEKDAYS
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.normalize import normalize_value

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]*)*")
_SPACES = re.compile(r"\s+")
# Endings that people drop when naming a venue ("the acorn", "the lensfield").
_GENERIC_ENDINGS = (" guest house", " guesthouse", " bed and breakfast", " restaurant", " hotel", " b and b")
# Words that must not be read as a venue name on their own, though a name shortens to them.
_NOT_NAMES = frozenset(
    {
        "ask",
        "the",
        "city",
        "cambridge",
        "centre",
        "north",
        "south",
        "east",
        "west",
        "house",
        "lodge",
        "pizza",
        "curry",
        "restaurant",
        "hotel",
        "college",
        "museum",
        "gallery",
        "church",
        "park",
        "pool",
        "theatre",
        "cinema",
        "the place",
        "one",
        "two",
        "golden",
        "royal",
        "little",
        "express",
        "home",
    }
)
#: Values of these names are only read when a cue word precedes them ("called the place").
GUARDED_NAMES = frozenset({"the place"})

#: Attraction types as the database misspells them (a system may print the raw value).
_DATABASE_ATTRACTION_TYPES = {"mutliple sports": "multiple sports"}
#: Phrases read as no value at all ("centre" in "cambridge towninfo centre").
_NOISE = ("towninfo centre", "cambridge towninfo centre", "town info centre", "help desk")
# Ontology "foods" that are no food or are common words.
_NOT_FOODS = frozenset(
    {
        "dont care",
        "do nt care",
        "not mentionedc",
        "ital",
        "kor",
        "world",
        "christmas",
        "traditional",
        "unusual",
        "creative",
        "pizza",
        "light bites",
        "bistro",
        "modern  european",
    }
)
_VENUES = ("restaurant", "hotel", "attraction")


class Mention(NamedTuple):
    """A value found in text: characters ``start:end`` of the cleaned text, and its possible readings."""

    start: int
    end: int
    slot: str
    value: str
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Word sequences (apostrophes removed, single spaces) -> ``(slot, value, domains)`` readings; an empty
    slot marks a phrase that looks like a value but is none. ``longest`` maps a phrase's first word to the
    length in words of the longest phrase starting with it (most words start none)."""

    entries: dict[str, tuple[str, str, tuple[str, ...]]]
    longest: dict[str, int]


def clean_text(text: str) -> str:
    """Lower case, ``&`` as "and", corpus tokenisation undone ("king 's" -> "king's", "do n't" -> "don't")."""
    text = text.lower().replace("’", "'").replace("&", " and ")
    text = text.replace(" '", "'").replace(" n't", "n't")
    return _SPACES.sub(" ", text).strip()


def key_of(phrase: str) -> str:
    """The lookup key of a phrase: its words without apostrophes, hyphens as spaces."""
    return " ".join(word.replace("'", "") for word in _WORD.findall(phrase.lower().replace("-", " ")))


def spot(lexicon: Lexicon, text: str) -> list[Mention]:
    """The longest lexicon phrases in ``text`` (a :func:`clean_text` result), left to right, not overlapping."""
    words = [(match.start(), match.end(), match.group().replace("'", "")) for match in _WORD.finditer(text)]
    mentions = []
    index = 0
    while index < len(words):
        longest = lexicon.longest.get(words[index][2], 0)
        for size in range(min(longest, len(words) - index), 0, -1):
            key = " ".join(word for _, _, word in words[index : index + size])
            reading = lexicon.entries.get(key)
            if reading is not None:
                slot, value, domains = reading
                mentions.append(Mention(words[index][0], words[index + size - 1][1], slot, value, domains))
                index += size
                break
        else:
            index += 1
    return mentions


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the official MultiWOZ databases and ontology (built on first use, about 60 ms)."""
    foods: list[str] = []
    if data.is_available("multiwoz21", "ontology.json"):
        foods = data.load_json("multiwoz21", "ontology.json").get("restaurant-food", [])
    return build_lexicon(MultiWOZDatabase.load(), foods)


def build_lexicon(database: MultiWOZDatabase, extra_foods: Iterable[str] = ()) -> Lexicon:
    """A lexicon of ``database``'s values plus the fixed ontology values (areas, price ranges, types, days) and
    ``extra_foods`` (food names beyond the database's; junk entries of the ontology are skipped)."""
    entries: dict[str, tuple[str, str, tuple[str, ...]]] = {}

    def add(
        phrases: Iterable[str], slot: str, value: str, domains: tuple[str, ...], weak: bool = False
    ) -> None:
        for phrase in phrases:
            key = key_of(phrase)
            if not key or (weak and (key in _NOT_NAMES or len(key) < 4)):
                continue
            known = entries.get(key)
            if known is None:
                entries[key] = (slot, value, domains)
            elif known[:2] == (slot, value):
                entries[key] = (slot, value, tuple(dict.fromkeys(known[2] + domains)))

    for phrase in _NOISE:
        entries[key_of(phrase)] = ("", "", ())
    for table, mapping, domains in (
        ("area", vocabulary.AREAS, _VENUES),
        ("pricerange", vocabulary.PRICE_RANGES, ("restaurant", "hotel")),
        ("type", vocabulary.HOTEL_TYPES, ("hotel",)),
        ("type", {**vocabulary.ATTRACTION_TYPES, **_DATABASE_ATTRACTION_TYPES}, ("attraction",)),
    ):
        for phrase, value in mapping.items():
            add([phrase], table, value, domains)
    for day in WEEKDAYS:
        add([day], "day", day, ("train", "restaurant", "hotel"))
    foods = {normalize_value("food", str(e["food"])) for e in database.entities("restaurant")}
    foods |= {normalize_value("food", food) for food in extra_foods if key_of(food) not in _NOT_FOODS}
    for food in sorted(foods):
        add([food], "food", food, ("restaurant",))
    stations = {str(e[column]) for e in database.entities("train") for column in ("departure", "destination")}
    for station in sorted(stations):
        add([station], "station", normalize_value("departure", station), ("train",))
    for department in sorted({str(e["department"]) for e in database.entities("hospital")}):
        add([department], "department", normalize_value("department", department), ("hospital",))
    for colour in database.taxi.get("taxi_colors", ()):
        for make in database.taxi.get("taxi_types", ()):
            add([f"{colour} {make}"], "car", f"{colour} {make}", ("taxi",))
    for domain in _VENUES:
        for entity in database.entities(domain):
            name = normalize_value("name", str(entity["name"]))
            add([name, str(entity["name"])], "name", name, (domain,))
            add(_short_forms(name), "name", name, (domain,), weak=True)
    longest: dict[str, int] = {}
    for key in entries:
        first, *rest = key.split()
        longest[first] = max(longest.get(first, 0), 1 + len(rest))
    return Lexicon(entries, longest)


def _short_forms(name: str) -> list[str]:
    """Shorter ways to say a venue name: without "the", without a generic ending, or both."""
    forms = [name[4:]] if name.startswith("the ") else []
    for ending in _GENERIC_ENDINGS:
        if name.endswith(ending):
            stem = name[: -len(ending)]
            forms += [stem, stem[4:]] if stem.startswith("the ") else [stem]
    return forms
