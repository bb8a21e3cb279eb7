"""Searching and offering in the venue domains (restaurant, hotel, attraction) and for trains.

:meth:`Search.respond` decides one turn of a venue domain: ``nooffer`` when nothing matches the tracked
constraints; a narrowing question while many entities match; otherwise an offer, kept while it still
fits, with the user's requests answered from it and the booking handled by
:mod:`baselines.multiwoz.booking_flow`.

The narrowing question asks about the unfilled constraint that splits the matches best: the one with the
smallest expected number of entities left after the user answers, ``sum(n_v ** 2) / N`` over the counts
``n_v`` of its values among the ``N`` matches. Trains are not split that way: once the route and the day are
known, the system asks when the user wants to leave or arrive.

A venue named by the user is looked up by its name alone. A name the database does not know exactly
("ask", "meze bar restaurant") is matched to the database names that contain it, or that it contains.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from baselines.multiwoz.booking_flow import DomainProgress, book_offer
from baselines.multiwoz.schema import (
    ALWAYS_OFFERED,
    ASKABLE_SLOTS,
    DONTCARE,
    ENTITY_KEY,
    OFFER_SLOTS,
    SEARCH_SLOTS,
    TRAIN_ROUTE,
    UNKNOWN,
)
from dialenv.acts import DialogueAct
from dialenv.multiwoz.normalize import normalize_value

Entity = Mapping[str, Any]
_TRAIN_TIMES = ("leaveat", "arriveby")


def attribute(entity: Entity, slot: str) -> str:
    """The entity's value of ``slot`` in act form (normalised), or ``unknown`` when the database lacks it."""
    raw = entity.get(slot)
    if raw is None or raw == "?" or isinstance(raw, (dict, list)):
        return UNKNOWN
    return normalize_value(slot, str(raw))


def constraints_of(domain: str, slots: Mapping[str, str]) -> dict[str, str]:
    """The search constraints in ``slots``: the name alone when there is one, else every search slot."""
    name = slots.get("name", DONTCARE)
    if name != DONTCARE:
        return {"name": name}
    return {slot: slots[slot] for slot in SEARCH_SLOTS[domain] if slots.get(slot, DONTCARE) != DONTCARE}


class Search:
    """The venue/train part of the rule policy.

    Query results are memoised per service (the database does not change), since constraints repeat from
    turn to turn and goals from dialogue to dialogue; the memo is dropped when another service is used or
    when it reaches :data:`CACHE_SIZE` entries.
    """

    CACHE_SIZE = 8192

    def __init__(self, ask_above: int, max_questions: int):
        self.ask_above = ask_above
        self.max_questions = max_questions
        self._cache: dict[tuple[str, frozenset[tuple[str, str]]], list[Entity]] = {}
        self._cached_service: Any = None

    def matches(self, service: Any, domain: str, constraints: Mapping[str, str]) -> list[Entity]:
        """``service.query(domain, constraints)``, memoised; an unknown name falls back to similar names."""
        if service is not self._cached_service or len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
            self._cached_service = service
        key = (domain, frozenset(constraints.items()))
        found = self._cache.get(key)
        if found is None:
            found = service.query(domain, constraints)
            if not found and set(constraints) == {"name"}:
                found = _similar_names(service.query(domain, {}), constraints["name"])
            self._cache[key] = found
        return found

    def respond(
        self,
        domain: str,
        slots: Mapping[str, str],
        informed: Mapping[str, str],
        requested: Sequence[str],
        progress: DomainProgress,
        service: Any,
    ) -> tuple[list[DialogueAct], bool]:
        """The acts of one turn about ``domain`` and whether nothing is left to do there."""
        if domain == "train":
            missing = [slot for slot in TRAIN_ROUTE if slot not in slots]
            if missing:
                return [DialogueAct("request", "train", slot) for slot in missing], False
        constraints = constraints_of(domain, slots)
        matches = self.matches(service, domain, constraints)
        if not matches:
            progress.offered = None
            return _nooffer(domain, constraints), False
        acts: list[DialogueAct] = []
        key = ENTITY_KEY[domain]
        offered = progress.offered
        if offered is not None and any(entity[key] == offered[key] for entity in matches):
            acts.extend(
                DialogueAct("inform", domain, slot, attribute(offered, slot))
                for slot, value in informed.items()
                if slot in SEARCH_SLOTS[domain] and slot != "name" and value != DONTCARE
            )
        else:
            questions = self._questions(domain, slots, matches, progress, requested)
            if questions:
                progress.asked.update(questions)
                count = DialogueAct("inform", domain, "choice", str(len(matches)))
                return [count, *(DialogueAct("request", domain, slot) for slot in questions)], False
            progress.offered = _choose(domain, slots, matches)
            acts.extend(_offer(domain, progress.offered, len(matches), constraints))
        said = {act.slot for act in acts}
        acts.extend(
            DialogueAct("inform", domain, slot, attribute(progress.offered, slot))
            for slot in requested
            if slot != "reference" and slot not in said
        )
        booking, settled = book_offer(domain, slots, requested, progress, service)
        return acts + booking, settled

    def _questions(
        self,
        domain: str,
        slots: Mapping[str, str],
        matches: Sequence[Entity],
        progress: DomainProgress,
        requested: Sequence[str],
    ) -> tuple[str, ...]:
        """The slots to ask about before offering, or ``()`` to offer now."""
        if requested or len(matches) <= self.ask_above or len(progress.asked) >= self.max_questions:
            return ()
        if domain == "train":
            unasked = tuple(slot for slot in _TRAIN_TIMES if slot not in slots and slot not in progress.asked)
            return unasked if len(unasked) == len(_TRAIN_TIMES) else ()
        best, best_score = "", float(len(matches))
        for slot in ASKABLE_SLOTS[domain]:
            if slot in slots or slot in progress.asked:
                continue
            counts = Counter(entity.get(slot) for entity in matches)
            score = sum(n * n for n in counts.values()) / len(matches)
            if score < best_score:
                best, best_score = slot, score
        return (best,) if best else ()


def _choose(domain: str, slots: Mapping[str, str], matches: Sequence[Entity]) -> Entity:
    """The entity to offer: for trains the first to leave after / the last to arrive before the wanted
    time, otherwise the first match in database order."""
    if domain == "train":
        if slots.get("leaveat", DONTCARE) != DONTCARE:
            return min(matches, key=lambda train: train["leaveat"])
        if slots.get("arriveby", DONTCARE) != DONTCARE:
            return max(matches, key=lambda train: train["arriveby"])
    return matches[0]


def _offer(domain: str, entity: Entity, count: int, constraints: Mapping[str, str]) -> list[DialogueAct]:
    """The offer of ``entity`` among ``count`` matches: its name (train id), the attributes the user asked
    for (so the user sees that they hold) and the ones always said (:data:`ALWAYS_OFFERED`)."""
    key = ENTITY_KEY[domain]
    always = ALWAYS_OFFERED.get(domain, frozenset())
    acts = []
    if count > 1:
        acts.append(DialogueAct("inform", domain, "choice", str(count)))
    intent = "recommend" if count > 1 and domain != "train" else "inform"
    acts.append(DialogueAct(intent, domain, key, attribute(entity, key)))
    acts.extend(
        DialogueAct("inform", domain, slot, value)
        for slot in OFFER_SLOTS[domain]
        if (slot in constraints or slot in always) and (value := attribute(entity, slot)) != UNKNOWN
    )
    if domain == "train":
        acts.append(DialogueAct("offerbook", "train"))
    return acts


def _nooffer(domain: str, constraints: Mapping[str, str]) -> list[DialogueAct]:
    if not constraints:
        return [DialogueAct("nooffer", domain)]
    return [DialogueAct("nooffer", domain, slot, value) for slot, value in constraints.items()]


def _similar_names(entities: Sequence[Entity], name: str) -> list[Entity]:
    """Entities whose name contains ``name`` as whole words, or is contained in it."""
    wanted = f" {normalize_value('name', name)} "
    found = []
    for entity in entities:
        known = f" {normalize_value('name', str(entity.get('name', '')))} "
        if known.strip() and (wanted in known or known in wanted):
            found.append(entity)
    return found
