"""The MultiWOZ databases, indexed for exact queries without scanning.

``MultiWOZDatabase.load()`` reads the seven official databases (restaurant 110, hotel 33, attraction 79,
train 2,828, hospital 66, police 1, taxi) through :mod:`dialenv.data` and builds, per domain:

* an inverted index per column: normalised value -> bitset of the entities having it (Python ``int``
  bitsets, so intersecting constraints is one ``&`` per slot);
* for the train times, the distinct departure/arrival times in sorted order with cumulative bitsets, so
  ``leaveat`` (leave at or after) and ``arriveby`` (arrive at or before) are one :func:`bisect.bisect` each.

Query semantics (:meth:`MultiWOZDatabase.query`):

* slot names are canonical (``leaveAt``, ``leave at`` and ``leave`` all mean ``leaveat``); booking slots
  (``people``, ``stay``, ``time``, and ``day`` outside the train table) are ignored, so a whole belief
  state can be passed; any other unknown slot raises :class:`ValueError`;
* values are normalised as in :mod:`dialenv.multiwoz.normalize` on both sides; unset values and
  ``dontcare`` impose no constraint; a collection of values means "any of these";
* a database entry whose value is ``?`` (unknown, e.g. many attraction entrance fees) matches any value;
* results come in database order, as read-only mappings with the database's own spelling and column names
  made canonical (``trainID`` -> ``trainid``, ``entrance fee`` -> ``entrancefee``).

Booking (:meth:`MultiWOZDatabase.book`) is deterministic, see :mod:`dialenv.multiwoz.booking`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import Any

from dialenv import data
from dialenv.multiwoz.booking import BookingResult, book
from dialenv.multiwoz.normalize import is_dontcare, is_unset, normalize_value, time_to_minutes
from dialenv.multiwoz.ontology import BOOKING_SLOTS, canonical_slot

Entity = Mapping[str, Any]
Constraints = Mapping[str, "str | int | Collection[str]"]

#: Database folders of the ``multiwoz21`` dataset: the official databases and ConvLab-2's edited copies.
VARIANTS = {"official": "db_official", "convlab2": "db_convlab2"}
TABLE_DOMAINS = ("restaurant", "hotel", "attraction", "train", "hospital", "police")

_FREE_TEXT = frozenset({"introduction", "signature"})  # long descriptions: never searched
_UNKNOWN = "?"


class _Table:
    """One domain's entities with their inverted indexes."""

    def __init__(self, entities: Sequence[Mapping[str, Any]]) -> None:
        self.entities = tuple(
            MappingProxyType({canonical_slot(k): v for k, v in e.items()}) for e in entities
        )
        self.identities = frozenset(id(entity) for entity in self.entities)
        self.all = (1 << len(self.entities)) - 1
        self.values: dict[str, dict[str, int]] = {}
        self.unknown: dict[str, int] = {}
        for position, entity in enumerate(self.entities):
            bit = 1 << position
            for column, value in entity.items():
                if column in _FREE_TEXT or not isinstance(value, (str, int)) or isinstance(value, bool):
                    continue
                if value == _UNKNOWN:
                    self.unknown[column] = self.unknown.get(column, 0) | bit
                    continue
                index = self.values.setdefault(column, {})
                key = normalize_value(column, str(value))
                index[key] = index.get(key, 0) | bit
        self.columns = frozenset(self.values) | frozenset(self.unknown)
        self.times = {
            column: _TimeIndex(self.values[column])
            for column in ("leaveat", "arriveby")
            if column in self.values
        }

    def mask(self, column: str, value: str | int | Collection[str]) -> int | None:
        """Bitset of the entities matching ``column == value``, or ``None`` if ``value`` imposes nothing."""
        values = [value] if isinstance(value, (str, int)) else list(value)
        texts = [str(item) for item in values if not (is_unset(str(item)) or is_dontcare(str(item)))]
        if not texts:
            return None
        found = self.unknown.get(column, 0)
        for text in texts:
            key = normalize_value(column, text)
            if column in self.times:
                found |= self.times[column].mask(column, key, text)
            else:
                found |= self.values[column].get(key, 0)
        return found


class _TimeIndex:
    """Sorted distinct times of one column with cumulative bitsets, for ``>=`` / ``<=`` queries by bisection."""

    def __init__(self, by_value: Mapping[str, int]) -> None:
        pairs = sorted((_minutes(value), mask) for value, mask in by_value.items())
        self.minutes = [minutes for minutes, _ in pairs]
        self.up_to: list[int] = []  # up_to[i]: entities with a time among the first i+1 distinct times
        running = 0
        for _, mask in pairs:
            running |= mask
            self.up_to.append(running)
        self.total = running

    def mask(self, column: str, key: str, text: str) -> int:
        minutes = time_to_minutes(key)
        if minutes is None:
            raise ValueError(f"cannot read {text!r} as a time for {column!r}: give it as HH:MM, e.g. 17:45")
        if column == "arriveby":  # arrive at or before
            position = bisect_right(self.minutes, minutes)
            return self.up_to[position - 1] if position else 0
        position = bisect_left(self.minutes, minutes)  # leave at or after
        return self.total & ~self.up_to[position - 1] if position else self.total


class MultiWOZDatabase:
    """The MultiWOZ venue, train, hospital and police tables, plus taxi facts; immutable once built.

    Use :meth:`load`. The constructor takes raw tables (domain -> list of entity dicts, as in the database
    files) and the taxi facts (``taxi_colors``, ``taxi_types``), e.g. for a small custom database in tests.
    """

    def __init__(
        self, tables: Mapping[str, Sequence[Mapping[str, Any]]], taxi: Mapping[str, Sequence[str]]
    ) -> None:
        self._tables = {domain: _Table(entities) for domain, entities in tables.items()}
        self.taxi = MappingProxyType({key: tuple(values) for key, values in taxi.items()})

    @classmethod
    def load(cls, variant: str = "official") -> MultiWOZDatabase:
        """The databases of ``variant`` (``"official"`` or ``"convlab2"``), read once per process."""
        if variant not in VARIANTS:
            raise ValueError(f"unknown database variant {variant!r}; choose one of {', '.join(VARIANTS)}")
        return _load(variant)

    @property
    def domains(self) -> tuple[str, ...]:
        """Domains with an entity table (taxi has none: it is booked, not searched)."""
        return tuple(self._tables)

    def columns(self, domain: str) -> frozenset[str]:
        """The searchable columns of ``domain``."""
        return self._table(domain).columns

    def entities(self, domain: str) -> tuple[Entity, ...]:
        """Every entity of ``domain`` in database order."""
        return self._table(domain).entities

    def query(self, domain: str, constraints: Constraints) -> list[Entity]:
        """The entities of ``domain`` satisfying every constraint (see the module docstring)."""
        table = self._table(domain)
        return [table.entities[position] for position in _positions(self._match(table, domain, constraints))]

    def count(self, domain: str, constraints: Constraints) -> int:
        """How many entities :meth:`query` would return."""
        table = self._table(domain)
        return self._match(table, domain, constraints).bit_count()

    def positions(self, domain: str, constraints: Constraints) -> frozenset[int]:
        """Database positions of the matching entities: cheap to compare as sets (used by the evaluator)."""
        table = self._table(domain)
        return frozenset(_positions(self._match(table, domain, constraints)))

    def book(
        self, domain: str, entity: Entity | None, booking_args: Mapping[str, Any], check_availability: bool = True
    ) -> BookingResult:
        """Try to book ``entity`` (``None`` for a taxi) with ``booking_args``; see :mod:`dialenv.multiwoz.booking`."""
        if domain != "taxi":
            self._check_member(domain, entity)
        return book(domain, entity, booking_args, self.taxi, check_availability)

    def _table(self, domain: str) -> _Table:
        table = self._tables.get(domain)
        if table is None:
            hint = "; a taxi is booked with db.book('taxi', None, args)" if domain == "taxi" else ""
            raise ValueError(f"no table for domain {domain!r}; tables: {', '.join(self._tables)}{hint}")
        return table

    def _match(self, table: _Table, domain: str, constraints: Constraints) -> int:
        found = table.all
        for name, value in constraints.items():
            column = canonical_slot(name)
            if column not in table.columns:
                if column in BOOKING_SLOTS:
                    continue
                raise ValueError(
                    f"{domain} has no searchable slot {name!r}; searchable: {', '.join(sorted(table.columns))} "
                    f"(booking slots {', '.join(sorted(BOOKING_SLOTS))} are ignored)"
                )
            mask = table.mask(column, value)
            if mask is not None:
                found &= mask
                if not found:
                    break
        return found

    def _check_member(self, domain: str, entity: Entity | None) -> None:
        table = self._table(domain)
        known_ids = table.identities  # entities from db.query are the table's own objects: O(1)
        if entity is None or (id(entity) not in known_ids and not any(entity == known for known in table.entities)):
            raise ValueError(
                f"cannot book {domain}: the entity is not in the {domain} table; pass one from db.query"
            )


@cache
def _load(variant: str) -> MultiWOZDatabase:
    folder = VARIANTS[variant]
    tables = {domain: data.load_json("multiwoz21", f"{folder}/{domain}_db.json") for domain in TABLE_DOMAINS}
    taxi = data.load_json("multiwoz21", f"{folder}/taxi_db.json")
    return MultiWOZDatabase(tables, taxi[0] if isinstance(taxi, list) else taxi)


def _positions(mask: int) -> Iterable[int]:
    """Indices of the set bits of ``mask``, ascending."""
    bits = bin(mask)[:1:-1]  # least significant bit first
    positions = []
    position = bits.find("1")
    while position != -1:  # str.find scans in C: fast for the sparse masks of typical queries
        positions.append(position)
        position = bits.find("1", position + 1)
    return positions


def _minutes(value: str) -> int:
    minutes = time_to_minutes(value)
    if minutes is None:
        raise ValueError(f"database time {value!r} is not HH:MM")
    return minutes
