"""Inform and Success of one dialogue, as standardized by Nekvinda & Dušek (2021).

Responses are normalised (:mod:`dialenv.multiwoz.eval_text`), so a venue offer shows up as ``NAME`` (or
``TRAINID`` for trains) and a provided attribute as ``PHONE``, ``ADDRESS``, ``POST``, ``REFERENCE`` or
``TRAINID``. For every turn and every goal domain that is *active* in that turn:

* if the response names a venue (``NAME`` for restaurant/hotel/attraction, ``TRAINID`` for train), the
  venues matching the turn's dialogue state become the offered venues, unless the venues offered before
  are all still among them (the last distinct offer counts);
* each requestable category in the response counts as provided for the domain; ``REFERENCE`` only once
  the corpus records a completed booking in that domain, since a reference cannot exist before.

Inform holds for a domain when its offered venues are a non-empty subset of the venues fitting the goal,
or trivially when the goal names the venue, for taxi/police/hospital (no venue to pick), and for a train
goal that does not request the train id when no train was offered. A dialogue is informed when all its
domains are; it succeeds when it is informed and every domain received all its requestables.

Active domains are taken from the prediction file or, if absent, estimated from the dialogue states by
:func:`estimate_active_domains`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dialenv.multiwoz.eval_reference import DialogueReference, DomainTarget, State
from dialenv.multiwoz.eval_text import REQUESTABLE
from dialenv.multiwoz.venues import VenueMatcher

_OFFER_TOKEN = {"restaurant": "NAME", "hotel": "NAME", "attraction": "NAME", "train": "TRAINID"}
_NO_VENUE_DOMAINS = frozenset({"taxi", "police", "hospital"})


@dataclass(frozen=True)
class DialogueScore:
    """Per-domain Inform and Success flags of one dialogue (success is empty when not informed)."""

    inform: Mapping[str, bool]
    success: Mapping[str, bool]

    @property
    def informed(self) -> bool:
        return all(self.inform.values())

    @property
    def succeeded(self) -> bool:
        return self.informed and all(self.success.values())


def score_dialogue(
    reference: DialogueReference,
    responses: Sequence[str],
    states: Sequence[State],
    active_domains: Sequence[Sequence[str]],
    venues: VenueMatcher,
) -> DialogueScore:
    """Inform/Success of normalised ``responses`` with the given per-turn ``states`` and active domains."""
    goal = reference.goal
    offered: dict[str, frozenset[int]] = {domain: frozenset() for domain in goal}
    provided: dict[str, set[str]] = {domain: set() for domain in goal}
    for response, state, booked, active in zip(responses, states, reference.booked, active_domains):
        for domain in goal:
            if domain not in active:
                continue
            token = _OFFER_TOKEN.get(domain)
            if token and token in response:
                current = venues.query(domain, state[domain]) if domain in state else frozenset()
                if not offered[domain] or not offered[domain] <= current:
                    offered[domain] = current
            for category in REQUESTABLE:
                if category in response and (category != "REFERENCE" or domain in booked):
                    provided[domain].add(category)

    inform = {domain: _informed(domain, target, offered[domain]) for domain, target in goal.items()}
    success = {}
    if all(inform.values()):
        success = {domain: target.requestable <= provided[domain] for domain, target in goal.items()}
    return DialogueScore(inform, success)


def _informed(domain: str, target: DomainTarget, offered: frozenset[int]) -> bool:
    if "name" in target.informable or domain in _NO_VENUE_DOMAINS:
        return True  # the user named the venue, or there is no venue to choose
    if domain == "train" and not offered and "TRAINID" not in target.requestable:
        return True  # no train offered and none needed
    return bool(offered) and offered <= target.venues


def estimate_active_domains(states: Sequence[State]) -> list[list[str]]:
    """Per turn, the domain the system most likely talks about, judged from changes of the dialogue state.

    The standard evaluator's heuristic: the current domain becomes a domain whose slots changed in this
    turn (keeping the current one if it changed too, else the changed domain with most filled slots); when
    nothing changed after a turn that changed several domains, it moves to another of those. Before any
    slot is filled no domain is active.
    """
    estimates: list[list[str]] = []
    current: str | None = None
    previous: State = {}
    previous_changed: list[str] = []
    for state in states:
        changed = [
            domain
            for domain, slots in state.items()
            if set(slots.items()) - set(previous.get(domain, {}).items())
        ]
        if not changed:
            if current is None:
                estimates.append([])
                continue
            if len(previous_changed) > 1:
                previous_changed = [
                    domain for domain in previous_changed if domain in state and domain != current
                ]
                if previous_changed:
                    current = previous_changed[0]
        elif current not in changed:
            current = max(changed, key=lambda domain: len(state[domain]))
        previous, previous_changed = state, changed
        estimates.append([current] if current else [])
    return estimates
