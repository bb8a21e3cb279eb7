"""The venue lookup of the standard MultiWOZ evaluator, on top of the indexed database.

Inform asks which venues a dialogue state could have led the system to offer, and which venues fit the
user goal. Nekvinda & Dušek (2021) define that lookup loosely, because predicted states are noisy:

* only the restaurant, hotel, attraction and train tables are searched, and only on their own columns
  (hotel ``price``/``takesbookings``, attraction ``openhours`` and all ``location``/description fields are
  not searched); other state slots are ignored;
* venue names, restaurant food and train departure/destination match *fuzzily*: a database value matches
  when its partial ratio with the state value (best-aligned substring similarity, 0-100) is at least 90,
  so ``pizza hut`` finds all three Pizza Huts and ``the cambridge belfry`` finds ``cambridge belfry``;
* a time that cannot be read counts as ``00:00``; ``dontcare`` and unset values impose nothing; a
  database ``?`` matches anything.

Partial ratios come from ``rapidfuzz``, which finds the best alignment exactly; the standard evaluator's
``fuzzywuzzy`` aligns heuristically and can only score lower, so a handful of borderline matches may
differ. Results are sets of database positions, cached per distinct constraint set.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import fuzz

from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.normalize import is_dontcare, is_unset, normalize_value, time_to_minutes
from dialenv.multiwoz.ontology import VENUE_DOMAINS

FUZZY_RATIO = 90
_FUZZY_COLUMNS = {
    "restaurant": frozenset({"name", "food"}),
    "hotel": frozenset({"name"}),
    "attraction": frozenset({"name"}),
    "train": frozenset({"departure", "destination"}),
}
_NOT_SEARCHED = {
    "restaurant": frozenset({"location", "introduction", "signature"}),
    "hotel": frozenset({"location", "price", "takesbookings"}),
    "attraction": frozenset({"location", "openhours"}),
    "train": frozenset(),
}
_TIME_COLUMNS = frozenset({"leaveat", "arriveby"})


class VenueMatcher:
    """Venue sets (database positions) for dialogue states and goals, as the standard evaluator defines them."""

    def __init__(self, database: MultiWOZDatabase) -> None:
        self._db = database
        self._columns = {domain: database.columns(domain) - _NOT_SEARCHED[domain] for domain in VENUE_DOMAINS}
        self._distinct = {
            domain: {
                column: tuple(
                    sorted({str(entity[column]).lower() for entity in database.entities(domain)} - {"?"})
                )
                for column in columns
            }
            for domain, columns in _FUZZY_COLUMNS.items()
        }
        self._cached_venues = lru_cache(maxsize=1 << 16)(self._venues)

    def query(self, domain: str, constraints: Mapping[str, str]) -> frozenset[int]:
        """Positions of the ``domain`` entities matching ``constraints`` (canonical slot names)."""
        return self._cached_venues(domain, frozenset(constraints.items()))

    def _venues(self, domain: str, constraints: frozenset[tuple[str, str]]) -> frozenset[int]:
        columns = self._columns[domain]
        query: dict[str, str | frozenset[str]] = {}
        for slot, value in constraints:
            if slot not in columns or is_unset(value) or is_dontcare(value):
                continue
            text = normalize_value(slot, value)
            if slot in _TIME_COLUMNS and time_to_minutes(text) is None:
                text = "00:00"
            if slot in _FUZZY_COLUMNS[domain]:
                query[slot] = self._fuzzy(domain, slot, text)
                if not query[slot]:
                    return frozenset()
            else:
                query[slot] = text
        return self._db.positions(domain, query)

    def _fuzzy(self, domain: str, column: str, text: str) -> frozenset[str]:
        return frozenset(
            value
            for value in self._distinct[domain][column]
            if fuzz.partial_ratio(value, text) >= FUZZY_RATIO
        )
