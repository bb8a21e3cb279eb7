"""The value lexicon of the MultiWOZ user-text NLU: which phrases name which slot values.

Built once per database from its entities (venue names, hospital departments, train stations, cuisines,
attraction types) plus the phrasings people use for the closed vocabularies, those of
:mod:`dialenv.multiwoz.vocabulary` ("city centre" is ``centre``, "guest house" is ``guesthouse``) and the
user-only ones here ("mid-range" is ``moderate``, "swimming" is ``swimmingpool``), and cuisines that users
ask for although no Cambridge restaurant serves them (the scripted failures of the corpus goals:
"singaporean", "polynesian" ...).

Every phrase maps to one or more :class:`Meaning` (a *kind* of value and the value in database spelling),
because some phrases are ambiguous ("cambridge" is a station and part of venue names; a venue name may be
the destination of a taxi). Name variants: without a leading "the", without apostrophes ("kings college"),
"guest house" for "guesthouse" and back, and without a trailing "restaurant"/"hotel" when what remains is
distinctive ("pipasha", "gonville"). Variants that are everyday words ("ask", "the place") are *guarded*:
they count as names only right after "called", "named" and the like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from dialenv.multiwoz import vocabulary
from dialenv.multiwoz.booking import WEEKDAYS
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.normalize import normalize_value


class Meaning(NamedTuple):
    """What a phrase can mean: ``kind`` is a slot-like category (``name``, ``station``, ``food`` ...)
    and ``domain`` the domain it implies (``""`` when the phrase fits several)."""

    kind: str
    domain: str
    value: str


class Lexicon(NamedTuple):
    """Phrase -> meanings; ``guarded`` phrases are names only after a naming cue ("called the place")."""

    phrases: dict[str, tuple[Meaning, ...]]
    guarded: dict[str, tuple[Meaning, ...]]


#: How users name values beyond the shared :mod:`dialenv.multiwoz.vocabulary`: casual price words, "b and b",
#: "punting", and "hotel" as the hotel type (user text says it to ask for one; system text reads it otherwise).
USER_AREAS = {"town center": "centre"}
USER_PRICE_RANGES = {
    "cheaper": "cheap",
    "affordable": "cheap",
    "low cost": "cheap",
    "low priced": "cheap",
    "mid range": "moderate",
    "mid-range": "moderate",
    "reasonably priced": "moderate",
    "high-end": "expensive",
    "luxury": "expensive",
    "luxurious": "expensive",
    "fancy": "expensive",
}
USER_HOTEL_TYPES = {
    "bed and breakfast": "guesthouse",
    "b and b": "guesthouse",
    "hotel": "hotel",
    "hotels": "hotel",
}
USER_ATTRACTION_TYPES = {
    "theaters": "theatre",
    "swimming": "swimmingpool",
    "church": "architecture",
    "churches": "architecture",
    "punting": "boat",
}
#: What the user-text NLU reads: the shared phrasings plus the user-only ones.
AREAS = {**vocabulary.AREAS, **USER_AREAS}
PRICES = {**vocabulary.PRICE_RANGES, **USER_PRICE_RANGES}
HOTEL_TYPES = {**vocabulary.HOTEL_TYPES, **USER_HOTEL_TYPES}
ATTRACTION_TYPES = {**vocabulary.ATTRACTION_TYPES, **USER_ATTRACTION_TYPES}
#: Cuisines of the corpus goals that no restaurant in the database serves, plus common synonyms.
EXTRA_FOODS = {
    "afghan",
    "african",
    "australasian",
    "australian",
    "austrian",
    "barbeque",
    "basque",
    "belgian",
    "brazilian",
    "canapes",
    "cantonese",
    "caribbean",
    "catalan",
    "corsica",
    "creative",
    "crossover",
    "cuban",
    "danish",
    "eastern european",
    "english",
    "eritrean",
    "fusion",
    "german",
    "greek",
    "halal",
    "hungarian",
    "indonesian",
    "irish",
    "jamaican",
    "kosher",
    "latin american",
    "light bites",
    "malaysian",
    "middle eastern",
    "modern american",
    "modern eclectic",
    "modern global",
    "moroccan",
    "new zealand",
    "north african",
    "north indian",
    "northern european",
    "panasian",
    "persian",
    "polish",
    "polynesian",
    "romanian",
    "russian",
    "scandinavian",
    "scottish",
    "singaporean",
    "south african",
    "south indian",
    "sri lankan",
    "steakhouse",
    "swedish",
    "swiss",
    "traditional",
    "tuscan",
    "unusual",
    "vegetarian",
    "venetian",
    "welsh",
    "afternoon tea",
    "bistro",
    "seafood",
    "asian oriental",
    "modern european",
    "molecular gastronomy",
    "the americas",
    "modern english",
}
#: Ways of naming a cuisine that differ from the database spelling (``normalize_value`` handles others).
FOOD_SYNONYMS = {
    "oriental": "asian oriental",
    "asian": "asian oriental",
    "gastro pub": "gastropub",
    "sea food": "seafood",
    "american": "north american",
    "british food": "british",
    "world food": "world",
    "world cuisine": "world",
}

_STATION_SUFFIXES = ("station", "train station", "railway station", "rail station")
_EVERYDAY = frozenset({"ask", "the place", "place", "the junction", "junction"})
_GENERIC_SUFFIXES = (" restaurant", " hotel")
_NON_WORD = re.compile(r"[^a-z0-9' ]+")


def name_variants(name: str) -> set[str]:
    """Ways people write the venue ``name`` (database spelling, lower case)."""
    spaced = " ".join(name.replace("&", " and ").split())
    base = " ".join(_NON_WORD.sub(" ", spaced).split())
    variants = {spaced, base} | ({base[4:]} if base.startswith("the ") else set())
    variants |= {spelling for text in variants for spelling in _respellings(text)}
    variants |= {
        text[: -len(suffix)]
        for text in variants
        for suffix in _GENERIC_SUFFIXES
        if text.endswith(suffix) and text[: -len(suffix)] not in PRICES and text[: -len(suffix)] not in AREAS
    }
    return {variant for variant in variants if len(variant) > 2}


def _respellings(text: str) -> set[str]:
    """Other spellings of one name: without apostrophes, "guest house" <-> "guesthouse"."""
    spellings = set()
    if "'" in text:
        spellings |= {text.replace("'", ""), text.replace("'s", "s")}
    if "guest house" in text:
        spellings.add(text.replace("guest house", "guesthouse"))
    if "guesthouse" in text:
        spellings.add(text.replace("guesthouse", "guest house"))
    return spellings


@cache
def lexicon_for(database: MultiWOZDatabase) -> Lexicon:
    """The phrases of ``database`` and their meanings (cached per database object)."""
    entries: dict[str, list[Meaning]] = {}
    guarded: dict[str, list[Meaning]] = {}

    def add(phrases: Iterable[str], meaning: Meaning) -> None:
        for phrase in phrases:
            table = guarded if phrase in _EVERYDAY else entries
            if meaning not in table.setdefault(phrase, []):
                table[phrase].append(meaning)

    for domain in ("restaurant", "hotel", "attraction"):
        for entity in database.entities(domain):
            value = normalize_value("name", str(entity["name"]))
            add(
                name_variants(value) | name_variants(str(entity["name"]).lower()),
                Meaning("name", domain, value),
            )
    for entity in database.entities("hospital"):
        department = normalize_value("department", str(entity["department"]))
        add([department], Meaning("department", "hospital", department))
    for entity in database.entities("police"):
        value = normalize_value("name", str(entity["name"]))
        add(name_variants(value) | {"police", "police station"}, Meaning("name", "police", value))
    stations = {normalize_value("departure", str(e["departure"])) for e in database.entities("train")}
    for station in stations:
        add(_station_variants(station), Meaning("station", "", station))
    foods = {normalize_value("food", str(e["food"])) for e in database.entities("restaurant")} | EXTRA_FOODS
    for food in foods:
        add([food], Meaning("food", "restaurant", normalize_value("food", food)))
    for phrase, food in FOOD_SYNONYMS.items():
        add([phrase], Meaning("food", "restaurant", food))
    for phrase, value in AREAS.items():
        add([phrase], Meaning("area", "", value))
    for phrase, value in PRICES.items():
        add([phrase], Meaning("pricerange", "", value))
    for phrase, value in HOTEL_TYPES.items():
        add([phrase], Meaning("type", "hotel", value))
    for phrase, value in ATTRACTION_TYPES.items():
        add([phrase], Meaning("type", "attraction", value))
    for day in WEEKDAYS:
        add([day], Meaning("day", "", day))
    return Lexicon(
        {phrase: tuple(meanings) for phrase, meanings in entries.items()},
        {phrase: tuple(meanings) for phrase, meanings in guarded.items()},
    )


def _station_variants(station: str) -> set[str]:
    """Ways to name a station: "kings lynn", "king's lynn", "kings lynn train station", "liverpool street"."""
    variants = {station}
    for apostrophe in (("kings", "king's"), ("bishops", "bishop's")):
        if apostrophe[0] in station:
            variants.add(station.replace(*apostrophe))
    for short, full in (
        ("kings cross", "london kings cross"),
        ("liverpool street", "london liverpool street"),
        ("birmingham", "birmingham new street"),
        ("stansted", "stansted airport"),
        ("stortford", "bishops stortford"),
        ("lynn", "kings lynn"),
    ):
        if station == full:
            variants.add(short)
    return variants | {f"{variant} {suffix}" for variant in variants for suffix in _STATION_SUFFIXES}
