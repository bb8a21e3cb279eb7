"""User goals and the user goal state.

A MultiWOZ goal says, per domain, what the user looks for (``info``: search constraints), what they want
to book (``book``), which attributes they must find out (``reqt``), and the constraints tried first that
have no match in the database (``fail_info``/``fail_book``, when the task scripts a failure).

The *goal state* ``g_t`` of the SGA paper (sec. 3.2) is the part of the goal the user has not yet
expressed: ``g_1`` is the whole goal and ``g_{t+1}`` is ``g_t`` minus the slot values of the user act
``ua_t``. An ``inform`` removes a slot from each section (constraints, booking and their ``fail_`` twins)
whose value it states; a ``request`` removes the slot from ``reqt``. A domain whose ``info``, ``book`` and ``reqt`` are all used up
disappears, so an empty goal state means the user has said everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from dialenv.acts import DialogueAct
from dialenv.multiwoz.normalize import normalize_value
from dialenv.multiwoz.ontology import DOMAINS, canonical_slot

# Entries of a raw ``book`` section that flag a scripted booking failure rather than being booking slots.
_BOOK_FLAGS = frozenset({"invalid", "pre_invalid"})


@dataclass(frozen=True)
class DomainGoal:
    """The goal of one domain. Slots use canonical names, values the normalised database spelling."""

    info: Mapping[str, str] = field(default_factory=dict)
    reqt: tuple[str, ...] = ()
    book: Mapping[str, str] = field(default_factory=dict)
    fail_info: Mapping[str, str] = field(default_factory=dict)
    fail_book: Mapping[str, str] = field(default_factory=dict)

    def is_done(self) -> bool:
        """True when nothing is left to inform, book or request."""
        return not (self.info or self.reqt or self.book)

    def without(self, informed: Mapping[str, str], requested: Iterable[str]) -> DomainGoal:
        """This goal minus the ``informed`` slot values and the ``requested`` attributes.

        A constraint or booking slot goes only when the user said *its* value: saying the ``fail_book`` day
        removes it from ``fail_book`` but leaves the real booking day to be said after the failure.
        """
        asked = set(requested)

        def keep(section: Mapping[str, str]) -> dict[str, str]:
            return {slot: value for slot, value in section.items() if informed.get(slot) != value}

        return replace(
            self,
            info=keep(self.info),
            book=keep(self.book),
            fail_info=keep(self.fail_info),
            fail_book=keep(self.fail_book),
            reqt=tuple(slot for slot in self.reqt if slot not in asked),
        )


@dataclass(frozen=True)
class Goal(Mapping[str, DomainGoal]):
    """A user goal (or goal state): a read-only mapping domain -> :class:`DomainGoal`, in corpus domain order."""

    domains: Mapping[str, DomainGoal] = field(default_factory=dict)

    def __iter__(self) -> Iterator[str]:
        return iter(self.domains)

    def __getitem__(self, domain: str) -> DomainGoal:
        return self.domains[domain]

    def __len__(self) -> int:
        return len(self.domains)

    def after(self, user_acts: Iterable[DialogueAct]) -> Goal:
        """The goal state once the user has uttered ``user_acts`` (SGA sec. 3.2)."""
        informed: dict[str, dict[str, str]] = {}
        requested: dict[str, set[str]] = {}
        for act in user_acts:
            if act.intent == "inform" and act.slot:
                informed.setdefault(act.domain, {})[act.slot] = normalize_value(act.slot, act.value)
            elif act.intent == "request" and act.slot:
                requested.setdefault(act.domain, set()).add(act.slot)
        remaining = {}
        for domain, goal in self.domains.items():
            left = goal.without(informed.get(domain, {}), requested.get(domain, ()))
            if not left.is_done():
                remaining[domain] = left
        return Goal(remaining)


def parse_goal(raw: Mapping[str, Any]) -> Goal:
    """Build a :class:`Goal` from a MultiWOZ goal object (empty domains, ``topic`` and ``message`` are skipped)."""
    domains = {}
    for domain in DOMAINS:
        section = raw.get(domain)
        if not section:
            continue
        domains[domain] = DomainGoal(
            info=_slots(section.get("info")),
            reqt=tuple(canonical_slot(slot) for slot in section.get("reqt", ())),
            book=_slots(section.get("book")),
            fail_info=_slots(section.get("fail_info")),
            fail_book=_slots(section.get("fail_book")),
        )
    return Goal(domains)


def goal_states(goal: Goal, user_acts: Iterable[Iterable[DialogueAct]]) -> list[Goal]:
    """``[g_1, g_2, ...]``: the goal state before each user turn, given the acts of each user turn in order."""
    states = []
    state = goal
    for acts in user_acts:
        states.append(state)
        state = state.after(acts)
    return states


def _slots(section: Mapping[str, Any] | None) -> dict[str, str]:
    if not section:
        return {}
    slots = {}
    for name, value in section.items():
        if name in _BOOK_FLAGS:
            continue
        slot = canonical_slot(name)
        slots[slot] = normalize_value(slot, str(value))
    return slots


GOAL_SECTIONS = ("info", "book", "reqt", "fail_info", "fail_book")


def goal_to_entries(goal: Goal) -> tuple[dict[str, str], ...]:
    """A goal as flat entries ``{"domain", "section", "slot", "value"}`` (``reqt`` entries have value "").

    This is how environments put a goal into an observation (a ``Sequence`` of ``Dict`` spaces).
    """
    entries = []
    for domain, section_goal in goal.items():
        for section in GOAL_SECTIONS:
            content = getattr(section_goal, section)
            pairs = ((slot, "") for slot in content) if section == "reqt" else content.items()
            entries.extend({"domain": domain, "section": section, "slot": slot, "value": value} for slot, value in pairs)
    return tuple(entries)


def goal_from_entries(entries: Iterable[Mapping[str, str]]) -> Goal:
    """The inverse of :func:`goal_to_entries`."""
    sections: dict[str, dict[str, Any]] = {}
    for entry in entries:
        domain_sections = sections.setdefault(entry["domain"], {name: {} for name in GOAL_SECTIONS})
        domain_sections[entry["section"]][entry["slot"]] = entry["value"]
    domains = {}
    for domain in DOMAINS:
        if domain in sections:
            parts = sections[domain]
            domains[domain] = DomainGoal(
                info=parts["info"],
                reqt=tuple(parts["reqt"]),
                book=parts["book"],
                fail_info=parts["fail_info"],
                fail_book=parts["fail_book"],
            )
    return Goal(domains)
