"""A seeded MultiWOZ goal generator fitted to the corpus goals, producing goals the database can satisfy.

Simulated dialogues need more goals than the corpus has, with the corpus's make-up. :class:`GoalGenerator`
fits :class:`GoalStatistics` to corpus goals and samples new :class:`~dialenv.multiwoz.goal.Goal` objects:

* **domains** - a domain combination drawn from the corpus combinations at their corpus frequencies (so the
  1/2/3-domain mix is the corpus's);
* **shape** of each domain - its ``info`` slots, ``book`` slots and ``reqt`` slots drawn *jointly* from the
  corpus shapes of that domain, separately for single-domain and multi-domain goals (a taxi in a
  multi-domain goal only has a time: its route is the other venues, chosen during the dialogue; a goal
  naming a venue asks other questions than a goal describing one);
* **values** - venue constraints are drawn jointly among the value combinations that database entities
  have, weighted so that each slot's values keep their corpus frequencies (iterative proportional fitting
  of the combination weights to the per-slot corpus distributions, in which database values the corpus
  never used get a small weight); train and taxi constraints slot by slot from the corpus distributions (times
  from the corpus only), each restricted to values that still leave a matching train. Either way the
  final ``info`` always has a match. Booking values come from the corpus distributions;
* **links** - values shared across domains as in the corpus ("a train on the same day as the restaurant
  booking", "a taxi arriving by the booked time", "an attraction in the same area"), each copied at its
  corpus rate when the copy keeps the goal satisfiable;
* **scripted failures** - ``fail_info`` (constraints tried first, which must have *no* match in the
  database) and ``fail_book`` (booking values tried first; the environment makes that booking fail) at the
  corpus rates per domain. ``fail_info`` changes the corpus's share of slots (e.g. ``food``) to a value that
  empties the query. A named venue always exists, so goals naming a venue get no ``fail_info``; the other
  goals of that domain get it a little more often, keeping each domain's corpus rate.

Every random choice goes through the ``numpy.random.Generator`` passed to :meth:`GoalGenerator.sample`, and
each goal is checked against the database before it is returned. Sampling is fast (precomputed value
tables and entity bitsets; about 100 µs a goal), so an environment can draw a goal per episode.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import NamedTuple

import numpy as np

from dialenv import data
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.goal import DomainGoal, Goal
from dialenv.multiwoz.normalize import normalize_value, time_to_minutes
from dialenv.multiwoz.ontology import DOMAINS
from dialenv.multiwoz.records import Dialogue, load_split

#: Order in which the domains of a goal are filled: sources of shared values come before their targets.
FILL_ORDER = ("restaurant", "hotel", "attraction", "train", "taxi", "hospital", "police")
#: Weight of a database value that the corpus never used, relative to one corpus occurrence.
UNSEEN_VALUE_WEIGHT = 0.5
#: Rounds of iterative proportional fitting of the weights of venue value combinations.
FITTING_ROUNDS = 20
#: Draws of a value (or of a failing ``fail_info``) before giving up.
MAX_DRAWS = 10

_CACHE_LIMIT = 4096  # restricted choices kept per value table
_TIME_SLOTS = frozenset({"leaveat", "arriveby", "time"})
# Train and taxi slots drawn one by one go in this order: the route first, as it narrows the timetable most.
_SLOT_ORDER = ("departure", "destination", "day")


class Shape(NamedTuple):
    """Which slots one domain of a goal has: constraints, booking slots and requested attributes."""

    info: tuple[str, ...]
    book: tuple[str, ...]
    reqt: tuple[str, ...]


class Link(NamedTuple):
    """A goal value that the corpus often copies from another domain: ``target`` = ``source``.

    Both ends are ``(domain, section, slot)`` with section ``"info"`` or ``"book"``.
    """

    target: tuple[str, str, str]
    source: tuple[str, str, str]


#: The cross-domain copies the MultiWOZ goal templates make; their rates are fitted.
LINKS = (
    Link(("hotel", "info", "area"), ("restaurant", "info", "area")),
    Link(("hotel", "info", "pricerange"), ("restaurant", "info", "pricerange")),
    Link(("hotel", "book", "day"), ("restaurant", "book", "day")),
    Link(("hotel", "book", "people"), ("restaurant", "book", "people")),
    Link(("attraction", "info", "area"), ("restaurant", "info", "area")),
    Link(("attraction", "info", "area"), ("hotel", "info", "area")),
    Link(("train", "info", "day"), ("restaurant", "book", "day")),
    Link(("train", "info", "day"), ("hotel", "book", "day")),
    Link(("train", "book", "people"), ("restaurant", "book", "people")),
    Link(("train", "book", "people"), ("hotel", "book", "people")),
    Link(("taxi", "info", "arriveby"), ("restaurant", "book", "time")),
)


@dataclass
class GoalStatistics:
    """Counts describing a set of goals; fitted with :meth:`from_goals`, read by the generator and by tests.

    Attributes:
        goals: number of goals counted.
        combos: domain combination (domains in corpus order) -> goals.
        shapes: ``(domain, alone)`` -> :class:`Shape` -> count; ``alone`` is whether the domain is the
            goal's only domain.
        values: ``(domain, section, slot)`` -> value -> count, for sections ``info``, ``book``,
            ``fail_info`` and ``fail_book``.
        fail_info: domain -> goals of that domain with a ``fail_info``; ``fail_info_changes`` domain ->
            the tuple of slots whose value ``fail_info`` changes -> count.
        fail_book: domain -> goals of that domain with a ``fail_book``; ``fail_book_changes`` likewise.
        links: :class:`Link` -> ``[goals where both ends are set, goals where they are equal]``.
    """

    goals: int = 0
    combos: Counter = field(default_factory=Counter)
    shapes: dict[tuple[str, bool], Counter] = field(default_factory=dict)
    values: dict[tuple[str, str, str], Counter] = field(default_factory=dict)
    fail_info: Counter = field(default_factory=Counter)
    fail_info_changes: dict[str, Counter] = field(default_factory=dict)
    fail_book: Counter = field(default_factory=Counter)
    fail_book_changes: dict[str, Counter] = field(default_factory=dict)
    links: dict[Link, list[int]] = field(default_factory=dict)

    @classmethod
    def from_goals(cls, goals: Iterable[Goal]) -> GoalStatistics:
        """Count ``goals`` (corpus goals to fit a generator, or generated goals to check one)."""
        stats = cls()
        for goal in goals:
            stats.add(goal)
        return stats

    def add(self, goal: Goal) -> None:
        """Count one goal."""
        self.goals += 1
        self.combos[tuple(goal)] += 1
        alone = len(goal) == 1
        for domain, part in goal.items():
            shape = Shape(tuple(part.info), tuple(part.book), tuple(part.reqt))
            self.shapes.setdefault((domain, alone), Counter())[shape] += 1
            for section in ("info", "book", "fail_info", "fail_book"):
                for slot, value in getattr(part, section).items():
                    self.values.setdefault((domain, section, slot), Counter())[value] += 1
            if part.fail_info:
                self.fail_info[domain] += 1
                changed = _changed(part.fail_info, part.info)
                self.fail_info_changes.setdefault(domain, Counter())[changed] += 1
            if part.fail_book:
                self.fail_book[domain] += 1
                changed = _changed(part.fail_book, part.book)
                self.fail_book_changes.setdefault(domain, Counter())[changed] += 1
        for link in LINKS:
            target, source = _linked_value(goal, link.target), _linked_value(goal, link.source)
            if target and source:
                counts = self.links.setdefault(link, [0, 0])
                counts[0] += 1
                counts[1] += target == source

    # ----------------------------------------------------------------------------- summaries
    def domain_goals(self, domain: str) -> int:
        """How many goals involve ``domain``."""
        return sum(sum(shapes.values()) for (name, _), shapes in self.shapes.items() if name == domain)

    def domain_count_distribution(self) -> dict[int, float]:
        """Share of goals with 1, 2, 3 ... domains."""
        counts: Counter = Counter()
        for combo, count in self.combos.items():
            counts[len(combo)] += count
        return {size: counts[size] / self.goals for size in sorted(counts)}

    def domain_rates(self) -> dict[str, float]:
        """Share of goals involving each domain."""
        return {
            domain: self.domain_goals(domain) / self.goals for domain in DOMAINS if self.domain_goals(domain)
        }

    def _slot_rates(self, domain: str, part: str) -> dict[str, float]:
        counts: Counter = Counter()
        for (name, _), shapes in self.shapes.items():
            if name == domain:
                for shape, count in shapes.items():
                    for slot in getattr(shape, part):
                        counts[slot] += count
        total = self.domain_goals(domain)
        return {slot: count / total for slot, count in sorted(counts.items())} if total else {}

    def request_rates(self, domain: str) -> dict[str, float]:
        """For each attribute, the share of ``domain`` goals that request it."""
        return self._slot_rates(domain, "reqt")

    def constraint_rates(self, domain: str) -> dict[str, float]:
        """For each constraint slot, the share of ``domain`` goals that have it in ``info``."""
        return self._slot_rates(domain, "info")

    def booking_rate(self, domain: str) -> float:
        """Share of ``domain`` goals with a booking."""
        total = self.domain_goals(domain)
        booked = sum(
            count
            for (name, _), shapes in self.shapes.items()
            if name == domain
            for shape, count in shapes.items()
            if shape.book
        )
        return booked / total if total else 0.0

    def fail_info_rate(self, domain: str) -> float:
        """Share of ``domain`` goals that script a search failure."""
        total = self.domain_goals(domain)
        return self.fail_info[domain] / total if total else 0.0

    def fail_book_rate(self, domain: str) -> float:
        """Share of ``domain`` goals *with a booking* that script a booking failure."""
        booked = self.booking_rate(domain) * self.domain_goals(domain)
        return self.fail_book[domain] / booked if booked else 0.0

    def link_rate(self, link: Link) -> float:
        """How often the two ends of ``link`` are equal when both are set (0 if never seen together)."""
        both, equal = self.links.get(link, (0, 0))
        return equal / both if both else 0.0

    def value_distribution(self, domain: str, section: str, slot: str) -> dict[str, float]:
        """Value -> share among the ``section`` values of ``slot`` in ``domain`` goals."""
        counts = self.values.get((domain, section, slot), Counter())
        total = sum(counts.values())
        return {value: count / total for value, count in counts.most_common()} if total else {}

    def summary(self) -> str:
        """A readable digest: domain mix, and per domain its rates of constraints, requests, bookings, failures."""
        lines = [f"{self.goals} goals; domains per goal: {_percentages(self.domain_count_distribution())}"]
        for domain in DOMAINS:
            total = self.domain_goals(domain)
            if not total:
                continue
            lines.append(
                f"{domain} ({total} goals): info {_percentages(self.constraint_rates(domain))}; "
                f"reqt {_percentages(self.request_rates(domain))}; book {self.booking_rate(domain):.0%}, "
                f"fail_info {self.fail_info_rate(domain):.0%}, fail_book {self.fail_book_rate(domain):.0%}"
            )
        return "\n".join(lines)


def _changed(tried: Mapping[str, str], final: Mapping[str, str]) -> tuple[str, ...]:
    """The slots whose value a scripted failure sets differently from the final constraints, sorted."""
    return tuple(sorted(slot for slot, value in tried.items() if final.get(slot) != value))


def _linked_value(goal: Goal, end: tuple[str, str, str]) -> str:
    domain, section, slot = end
    part = goal.get(domain)
    return getattr(part, section).get(slot, "") if part else ""


def _percentages(rates: Mapping[object, float]) -> str:
    return ", ".join(f"{key} {rate:.0%}" for key, rate in rates.items())


class _Choice:
    """A weighted choice among fixed options, by bisection on cumulative weights (no numpy call per draw)."""

    __slots__ = ("cumulative", "options")

    def __init__(self, weighted: Mapping) -> None:
        self.options = tuple(weighted)
        self.cumulative = tuple(accumulate(weighted.values()))  # empty when there are no options

    def __bool__(self) -> bool:
        return bool(self.options)

    def draw(self, rng: np.random.Generator):
        position = bisect_right(self.cumulative, rng.random() * self.cumulative[-1])
        return self.options[min(position, len(self.options) - 1)]


class _ValueTable:
    """The candidate values of one slot with their weights and, for database domains, entity bitsets.

    Draws restricted to a set of entities filter the values by bitset intersection; the filtered choices are
    cached per restriction, because the same constraint combinations recur goal after goal.
    """

    __slots__ = ("_restricted", "choice", "masks", "values", "weights")

    def __init__(self, weighted: Mapping[str, float], masks: Mapping[str, int] | None) -> None:
        self.values = tuple(weighted)
        self.weights = tuple(weighted.values())
        self.masks = tuple(masks[value] for value in self.values) if masks is not None else None
        self.choice = _Choice(weighted) if weighted else None
        self._restricted: dict[tuple[int, str, bool], _Choice] = {}

    def draw(self, rng: np.random.Generator, within: int, exclude: str = "", empty: bool = False) -> str:
        """A value whose entities intersect ``within`` (or, with ``empty``, whose intersection is empty).

        ``within=-1`` means no restriction; ``exclude`` is never returned; ``""`` when no value qualifies.
        """
        if self.masks is None or (within == -1 and not empty):
            choice = self.choice
        else:
            key = (within, exclude, empty)
            choice = self._restricted.get(key)
            if choice is None:
                if len(self._restricted) >= _CACHE_LIMIT:
                    self._restricted.clear()
                choice = self._restricted[key] = _Choice(
                    {
                        value: weight
                        for value, weight, mask in zip(self.values, self.weights, self.masks)
                        if value != exclude and bool(mask & within) != empty
                    }
                )
            exclude = ""
        if not choice:
            return ""
        for _ in range(MAX_DRAWS):
            value = choice.draw(rng)
            if value != exclude:
                return value
        return ""


class GoalGenerator:
    """Samples goals with the corpus's statistics that the database can satisfy (see the module docstring).

    Args:
        statistics: fitted corpus statistics (see :meth:`fit` and :meth:`from_corpus`).
        database: the database goals must match; the official one by default.
    """

    def __init__(self, statistics: GoalStatistics, database: MultiWOZDatabase | None = None) -> None:
        if not statistics.goals:
            raise ValueError("cannot build a goal generator from statistics of zero goals")
        self.statistics = statistics
        self.database = database if database is not None else MultiWOZDatabase.load()
        self._tables = set(self.database.domains)
        self._combos = _Choice(statistics.combos)
        self._shapes = {key: _Choice(counts) for key, counts in statistics.shapes.items()}
        self._masks: dict[tuple[str, str], dict[str, int]] = {}
        self._joint: dict[tuple[str, tuple[str, ...]], _Choice] = {}
        self._values = {key: self._value_table(*key) for key in statistics.values}
        self._fail_book_rate = {domain: statistics.fail_book_rate(domain) for domain in statistics.fail_book}
        self._fail_info_changes = {d: _Choice(c) for d, c in statistics.fail_info_changes.items()}
        self._fail_book_changes = {d: _Choice(c) for d, c in statistics.fail_book_changes.items()}
        self._links: dict[tuple[str, str, str], list[tuple[tuple[str, str, str], float]]] = {}
        for link in LINKS:
            self._links.setdefault(link.target, []).append((link.source, statistics.link_rate(link)))
        self._failable, self._fail_info_rate = self._calibrate_fail_info()

    @classmethod
    def fit(cls, dialogues: Iterable[Dialogue], database: MultiWOZDatabase | None = None) -> GoalGenerator:
        """A generator fitted to the goals of ``dialogues`` (e.g. ``load_split("val").values()``)."""
        return cls(GoalStatistics.from_goals(dialogue.goal for dialogue in dialogues), database)

    @classmethod
    def from_corpus(cls, splits: Sequence[str] | None = None) -> GoalGenerator:
        """A generator fitted to corpus splits, with the official database; cached per set of splits.

        ``splits=None`` uses every available split: ``train`` when it is on disk, ``val`` and ``test``
        otherwise. The fitted statistics then depend on which files a machine has, so code that must be
        reproducible everywhere (an environment id) should name its splits.
        """
        if splits is None:
            splits = ("train",) if data.is_available("multiwoz21", "train.json.zip") else ("val", "test")
        return _from_corpus(tuple(splits))

    # ----------------------------------------------------------------------------- sampling
    def sample(self, rng: np.random.Generator) -> Goal:
        """A new goal; its final ``info`` matches the database, every ``fail_info`` matches nothing."""
        combo = self._combos.draw(rng)
        alone = len(combo) == 1
        parts: dict[str, DomainGoal] = {}
        for domain in sorted(combo, key=FILL_ORDER.index):
            parts[domain] = self._domain_goal(domain, alone, parts, rng)
        goal = Goal({domain: parts[domain] for domain in DOMAINS if domain in parts})
        self._check(goal)
        return goal

    def _domain_goal(
        self, domain: str, alone: bool, earlier: Mapping[str, DomainGoal], rng: np.random.Generator
    ) -> DomainGoal:
        shapes = self._shapes.get((domain, alone)) or self._shapes[(domain, not alone)]
        shape: Shape = shapes.draw(rng)
        wants_fail = (domain, shape) in self._failable and rng.random() < self._fail_info_rate[domain]
        for _ in range(MAX_DRAWS):
            info = self._info(domain, shape.info, earlier, rng)
            fail_info = self._fail_info(domain, info, rng) if wants_fail else {}
            if fail_info or not wants_fail:
                break
        booking = {
            slot: self._linked(domain, "book", slot, earlier, -1, rng)
            or self._values[(domain, "book", slot)].draw(rng, -1)
            for slot in shape.book
        }
        fail_book = {}
        if booking and rng.random() < self._fail_book_rate.get(domain, 0.0):
            fail_book = self._fail_book(domain, booking, rng)
        return DomainGoal(info=info, reqt=shape.reqt, book=booking, fail_info=fail_info, fail_book=fail_book)

    def _info(
        self, domain: str, slots: tuple[str, ...], earlier: Mapping[str, DomainGoal], rng: np.random.Generator
    ) -> dict[str, str]:
        """Constraint values for ``slots`` that match at least one database entity (see the module docstring)."""
        if domain in self._tables and not _TIME_SLOTS.intersection(slots):
            return self._joint_info(domain, slots, earlier, rng)
        within = (1 << len(self.database.entities(domain))) - 1 if domain in self._tables else -1
        values: dict[str, str] = {}
        for slot in sorted(slots, key=_slot_rank):
            value = self._linked(domain, "info", slot, earlier, within, rng)
            if not value:
                other_end = values.get("departure", "") if slot == "destination" else ""
                value = self._values[(domain, "info", slot)].draw(rng, within, exclude=other_end)
            if not value:
                raise RuntimeError(
                    f"no {domain} value for {slot!r} keeps a database match; statistics are broken"
                )
            values[slot] = value
            if within != -1:
                within &= self._mask(domain, slot, value)
        return {slot: values[slot] for slot in slots}

    def _joint_info(
        self, domain: str, slots: tuple[str, ...], earlier: Mapping[str, DomainGoal], rng: np.random.Generator
    ) -> dict[str, str]:
        """Values drawn among the combinations database entities have, weighted by corpus frequencies; a value
        linked to an earlier domain narrows the combinations first, when some combination has it."""
        combos = self._combinations(domain, slots)
        choice = combos
        for position, slot in enumerate(slots):
            value = self._linked(domain, "info", slot, earlier, -1, rng)
            if value:
                kept = {
                    combo: weight
                    for combo, weight in zip(choice.options, _weights(choice))
                    if combo[position] == value
                }
                if kept:
                    choice = _Choice(kept)
        if not choice:
            raise RuntimeError(f"no {domain} entity has values for {slots}; statistics are broken")
        return dict(zip(slots, choice.draw(rng)))

    def _combinations(self, domain: str, slots: tuple[str, ...]) -> _Choice:
        """The value combinations of ``slots`` among ``domain``'s entities, weighted (cached per slot tuple).

        Weights start from the product of the values' corpus weights, then are rescaled slot by slot
        (iterative proportional fitting) until each slot's values have their corpus shares among the
        combinations: without it, a slot whose values combine with more values of the others (the centre
        has restaurants of every food) would be drawn too often.
        """
        combos = self._joint.get((domain, slots))
        if combos is not None:
            return combos
        targets = []
        for slot in slots:
            table = self._values[(domain, "info", slot)]
            total = sum(table.weights)
            targets.append({value: weight / total for value, weight in zip(table.values, table.weights)})
        weights: dict[tuple[str, ...], float] = {}
        for entity in self.database.entities(domain):
            combo = tuple(normalize_value(slot, str(entity.get(slot, ""))) for slot in slots)
            if all(value in target for value, target in zip(combo, targets)):
                weights[combo] = float(np.prod([target[value] for value, target in zip(combo, targets)]))
        for _ in range(FITTING_ROUNDS):
            for position, target in enumerate(targets):
                shares: dict[str, float] = {}
                for combo, weight in weights.items():
                    shares[combo[position]] = shares.get(combo[position], 0.0) + weight
                total = sum(shares.values())
                wanted = sum(target[value] for value in shares)
                for combo in weights:
                    value = combo[position]
                    weights[combo] *= (target[value] / wanted) / (shares[value] / total)
        combos = self._joint[(domain, slots)] = _Choice(weights)
        return combos

    def _linked(
        self,
        domain: str,
        section: str,
        slot: str,
        earlier: Mapping[str, DomainGoal],
        within: int,
        rng: np.random.Generator,
    ) -> str:
        """A value copied from an earlier domain, at the link's corpus rate, if it keeps a match; else ``""``."""
        for (source_domain, source_section, source_slot), rate in self._links.get(
            (domain, section, slot), ()
        ):
            source = earlier.get(source_domain)
            value = getattr(source, source_section).get(source_slot, "") if source else ""
            keeps_match = within == -1 or section == "book" or self._mask(domain, slot, value) & within
            if value and rng.random() < rate and keeps_match:
                return value
        return ""

    def _fail_info(self, domain: str, info: Mapping[str, str], rng: np.random.Generator) -> dict[str, str]:
        """``info`` with the corpus's share of slots changed so that nothing matches, or ``{}`` if impossible."""
        changes = self._fail_info_changes.get(domain)
        if not changes or domain not in self._tables:
            return {}
        for _ in range(MAX_DRAWS):
            changed = [slot for slot in changes.draw(rng) if slot in info and slot != "name"]
            if not changed:
                changed = [slot for slot in info if slot != "name"][:1]
            if not changed:
                return {}
            kept = (1 << len(self.database.entities(domain))) - 1
            for slot, value in info.items():
                if slot not in changed:
                    kept &= self._mask(domain, slot, value)
            tried = dict(info)
            for slot in changed[:-1]:
                value = self._fail_values(domain, slot).draw(rng, -1, exclude=info[slot])
                if not value:
                    break
                tried[slot] = value
                kept &= self._mask(domain, slot, value)
            else:
                last = changed[-1]
                value = self._fail_values(domain, last).draw(rng, kept, exclude=info[last], empty=True)
                if value:
                    tried[last] = value
                    if self.database.count(domain, tried) == 0:
                        return tried
        return {}

    def _fail_values(self, domain: str, slot: str) -> _ValueTable:
        """The values a scripted search failure tries for ``slot``: the corpus's failing values, else any."""
        return self._values.get((domain, "fail_info", slot)) or self._values[(domain, "info", slot)]

    def _fail_book(self, domain: str, booking: Mapping[str, str], rng: np.random.Generator) -> dict[str, str]:
        """Different values for the corpus's share of booking slots (the environment makes them fail)."""
        changes = self._fail_book_changes.get(domain)
        changed = [slot for slot in changes.draw(rng) if slot in booking] if changes else []
        tried = {}
        for slot in changed or list(booking)[:1]:
            table = self._values.get((domain, "fail_book", slot)) or self._values[(domain, "book", slot)]
            value = table.draw(rng, -1, exclude=booking[slot])
            if value:
                tried[slot] = value
        return tried

    # ----------------------------------------------------------------------------- tables
    def _value_table(self, domain: str, section: str, slot: str) -> _ValueTable:
        """Candidate values of a goal slot: corpus counts, plus unseen database values for database columns."""
        weights: dict[str, float] = {}
        for value, count in self.statistics.values[(domain, section, slot)].items():
            if slot not in _TIME_SLOTS or _valid_time(value):
                weights[value] = float(count)
        searchable = domain in self._tables and section in ("info", "fail_info")
        if not searchable:
            return _ValueTable(weights, None)
        if slot not in _TIME_SLOTS:
            for value in self._database_values(domain, slot):
                weights.setdefault(value, UNSEEN_VALUE_WEIGHT)
        masks = {value: self._mask(domain, slot, value) for value in weights}
        if section == "info":
            weights = {value: weight for value, weight in weights.items() if masks[value]}
        return _ValueTable(weights, masks)

    def _database_values(self, domain: str, slot: str) -> list[str]:
        """Distinct normalised values of a database column (``?`` excluded), in database order."""
        seen = {}
        for entity in self.database.entities(domain):
            raw = entity.get(slot)
            if isinstance(raw, (str, int)) and not isinstance(raw, bool) and str(raw) != "?":
                seen.setdefault(normalize_value(slot, str(raw)), None)
        return list(seen)

    def _mask(self, domain: str, slot: str, value: str) -> int:
        """Bitset of the ``domain`` entities matching ``slot == value`` (database semantics), cached."""
        column = self._masks.setdefault((domain, slot), {})
        mask = column.get(value)
        if mask is None:
            mask = column[value] = sum(1 << p for p in self.database.positions(domain, {slot: value}))
        return mask

    def _calibrate_fail_info(self) -> tuple[frozenset[tuple[str, Shape]], dict[str, float]]:
        """The shapes whose constraints can be made to fail, and per domain the ``fail_info`` rate among them
        that keeps the corpus's rate over all goals of the domain.

        A goal naming a venue cannot fail, nor can e.g. an attraction constrained by area alone (every
        area has attractions); which shapes can is found by trying, with a fixed seed so that the result is
        the same in every process.
        """
        rng = np.random.default_rng(0)
        failable: set[tuple[str, Shape]] = set()
        mass: Counter = Counter()
        for (domain, _), shapes in self.statistics.shapes.items():
            if not self.statistics.fail_info[domain]:
                continue
            for shape, count in shapes.items():
                if (domain, shape) not in failable and "name" not in shape.info and shape.info:
                    for _ in range(MAX_DRAWS):
                        if self._fail_info(domain, self._info(domain, shape.info, {}, rng), rng):
                            failable.add((domain, shape))
                            break
                if (domain, shape) in failable:
                    mass[domain] += count
        rates = {domain: min(1.0, self.statistics.fail_info[domain] / mass[domain]) for domain in mass}
        return frozenset(failable), rates

    def _check(self, goal: Goal) -> None:
        """Fail loudly if a goal breaks the generator's promises (a bug, never bad luck)."""
        for domain, part in goal.items():
            if domain not in self._tables:
                continue
            if self.database.count(domain, part.info) == 0:
                raise RuntimeError(
                    f"generated {domain} constraints {dict(part.info)} match no database entity"
                )
            if part.fail_info and self.database.count(domain, part.fail_info):
                raise RuntimeError(
                    f"generated {domain} fail_info {dict(part.fail_info)} matches the database"
                )


def _weights(choice: _Choice) -> list[float]:
    """The individual weights of a choice (differences of its cumulative weights)."""
    return [high - low for low, high in zip((0.0, *choice.cumulative), choice.cumulative)]


def _slot_rank(slot: str) -> int:
    return _SLOT_ORDER.index(slot) if slot in _SLOT_ORDER else len(_SLOT_ORDER)


def _valid_time(value: str) -> bool:
    minutes = time_to_minutes(value)
    return minutes is not None and minutes < 24 * 60


@cache
def _from_corpus(splits: tuple[str, ...]) -> GoalGenerator:
    dialogues = [dialogue for split in splits for dialogue in load_split(split).values()]
    return GoalGenerator.fit(dialogues)
