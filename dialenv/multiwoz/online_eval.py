"""The online evaluator of MultiWOZ dialogues: one definition for the envs, the CLI and the benchmarks.

It watches the system's acts and the bookings made through the environment, and judges the dialogue
against the user's goal (its final ``info``/``book`` sections; ``fail_info``/``fail_book`` are only what the
user tries first). Per goal domain:

* **offered entity** — the last ``name`` (``trainid`` for trains) the system gave in an ``inform``,
  ``recommend``, ``select``, ``offerbook``, ``offerbooked`` or ``book`` act of that domain, or the entity of
  its last successful booking there. **Match**: the offered entity satisfies the goal's ``info``
  constraints (it is among the database results for them; names compare after normalisation and without
  a leading "the"). Domains without a venue table (taxi, police,
  hospital) match vacuously.
* **requests** — the goal's ``reqt`` slots the system informed (an act of that domain with that slot and a
  value, or the booking reference / taxi details of an env booking).
* **booking** — for goals with a ``book`` section: a successful booking through the environment in that
  domain, of an entity that matches the goal, with the goal's booking values.

Metrics: ``inform`` = every venue domain matched (the "Inform" of online MultiWOZ evaluation), ``success``
= every domain matched, all requests answered and all bookings made; ``book`` = the share of bookable
domains booked right (None without bookings); ``inform_precision/recall/f1`` over informed slots vs requested
slots of the goal domains (slots informed outside ``reqt`` and the goal's constraints are false
positives, unrequested ``name``/``trainid``/``choice`` and the reference of a wanted booking excepted); ``complete`` = the user's goal state was
empty at the end; ``turns``; ``domains_done`` = the share of goal domains completed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dialenv.acts import DialogueAct
from dialenv.multiwoz.database import Entity, MultiWOZDatabase
from dialenv.multiwoz.goal import Goal
from dialenv.multiwoz.normalize import normalize_value
from dialenv.multiwoz.ontology import VENUE_DOMAINS

OFFER_INTENTS = frozenset({"inform", "recommend", "select", "offerbook", "offerbooked", "book"})
IDENTIFIERS = {"train": "trainid"}
NOT_COUNTED = frozenset({"name", "trainid", "choice", ""})


@dataclass
class Booking:
    """A booking made through the environment."""

    domain: str
    entity: Entity | None
    args: dict[str, str]
    reference: str
    details: Mapping[str, str] = field(default_factory=dict)


@dataclass
class DomainRecord:
    offered: str = ""
    informed: set[str] = field(default_factory=set)
    booking: Booking | None = None


class OnlineEvaluator:
    """Accumulates what the system did in one dialogue and scores it against the goal."""

    def __init__(self, goal: Goal, db: MultiWOZDatabase):
        self.goal = goal
        self.db = db
        self.records: dict[str, DomainRecord] = {}

    def _record(self, domain: str) -> DomainRecord:
        record = self.records.get(domain)
        if record is None:
            record = self.records[domain] = DomainRecord()
        return record

    def observe_system_acts(self, acts: Iterable[DialogueAct], active_domain: str) -> None:
        for act in acts:
            domain = active_domain if act.domain == "booking" else act.domain
            if not domain or domain == "general":
                continue
            record = self._record(domain)
            if act.intent in OFFER_INTENTS and act.value and act.slot:
                record.informed.add(act.slot)
            if act.intent in OFFER_INTENTS and act.slot == IDENTIFIERS.get(domain, "name") and act.value:
                record.offered = act.value

    def observe_booking(self, booking: Booking) -> None:
        record = self._record(booking.domain)
        record.booking = booking
        record.informed.add("reference")
        record.informed.update(booking.details)
        if booking.entity is not None:
            identifier = IDENTIFIERS.get(booking.domain, "name")
            record.offered = str(booking.entity.get(identifier, record.offered))

    # ------------------------------------------------------------------ judging
    def _matches(self, domain: str, offered: str) -> bool:
        """Is the offered entity one of those that satisfy the goal's constraints?"""
        if not offered:
            return False
        identifier = IDENTIFIERS.get(domain, "name")
        constraints = dict(self.goal[domain].info)
        named = constraints.pop(identifier, None)
        candidates = self._named(domain, identifier, offered)
        if named is not None:
            candidates &= self._named(domain, identifier, named)
        return bool(candidates & self.db.positions(domain, constraints))

    def _named(self, domain: str, identifier: str, value: str) -> frozenset[int]:
        """Database positions of the entities called ``value`` (with or without a leading "the")."""
        bare = normalize_value(identifier, value).removeprefix("the ")
        return self.db.positions(domain, {identifier: bare}) | self.db.positions(domain, {identifier: f"the {bare}"})

    def _booked_right(self, domain: str) -> bool:
        record = self.records.get(domain)
        booking = record.booking if record else None
        if booking is None:
            return False
        wanted = {slot: normalize_value(slot, value) for slot, value in self.goal[domain].book.items()}
        given = {slot: normalize_value(slot, value) for slot, value in booking.args.items()}
        if any(given.get(slot) != value for slot, value in wanted.items()):
            return False
        if booking.entity is None or domain not in VENUE_DOMAINS:
            return True
        identifier = IDENTIFIERS.get(domain, "name")
        return self._matches(domain, str(booking.entity.get(identifier, "")))

    def _verdict(self, domain: str) -> tuple[bool | None, bool, bool | None]:
        """(entity matched or None for non-venue domains, all requests answered, booked right or None)."""
        domain_goal = self.goal[domain]
        record = self.records.get(domain, DomainRecord())
        matched = self._matches(domain, record.offered) if domain in VENUE_DOMAINS else None
        booked = self._booked_right(domain) if domain_goal.book else None
        return matched, set(domain_goal.reqt) <= record.informed, booked

    def metrics(self, goal_state_empty: bool, turns: int) -> dict[str, Any]:
        """The evaluator's metrics for the dialogue so far, plus ``domains_done`` (the share of goal domains
        completed: matched, answered and booked — the synthetic reward's global term)."""
        verdicts = [self._verdict(domain) for domain in self.goal]
        matched = [m for m, _, _ in verdicts if m is not None]
        booked = [b for _, _, b in verdicts if b is not None]
        true_positive = false_positive = false_negative = 0
        for domain, domain_goal in self.goal.items():
            requested = set(domain_goal.reqt)
            informed = self.records.get(domain, DomainRecord()).informed
            true_positive += len(requested & informed)
            false_negative += len(requested - informed)
            expected = set(domain_goal.info) | set(domain_goal.book) | ({"reference"} if domain_goal.book else set())
            false_positive += len(informed - NOT_COUNTED - requested - expected)
        precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 1.0
        recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        inform = all(matched)
        return {
            "success": bool(inform and all(answered for _, answered, _ in verdicts) and all(booked)),
            "inform": inform,
            "book": sum(booked) / len(booked) if booked else None,
            "inform_precision": precision,
            "inform_recall": recall,
            "inform_f1": f1,
            "complete": goal_state_empty,
            "turns": turns,
            "domains_done": _share_done(verdicts),
        }


def _share_done(verdicts: list[tuple[bool | None, bool, bool | None]]) -> float:
    done = sum(matched is not False and answered and booked is not False for matched, answered, booked in verdicts)
    return done / len(verdicts) if verdicts else 1.0
