"""Bookings of the rule policy: collect the arguments, book through the environment, say the outcome.

The system never books by itself: every booking goes through the episode's booking service
(``env.book``), which records it for evaluation and decides whether it succeeds. A booking is identified by
what is booked and with which arguments, so the same booking is never made twice, a changed argument (the
user moving to another day after a failure) or a changed offer is booked again, and an attempt that failed
is not repeated until something changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from baselines.multiwoz.schema import BOOKING_ARGS, DONTCARE, ENTITY_KEY, TAXI_ROUTE, TAXI_TIMES, UNKNOWN
from dialenv.acts import DialogueAct
from dialenv.multiwoz.normalize import normalize_value

Entity = Mapping[str, Any]
NOBOOK = DialogueAct("nobook", "booking")


@dataclass
class DomainProgress:
    """What the system has done in one domain of the current dialogue."""

    offered: Entity | None = None
    asked: set[str] = field(default_factory=set)
    booking_wanted: bool = False
    booked: tuple[Any, ...] | None = None  # identity of the booking that succeeded
    booked_acts: tuple[DialogueAct, ...] = ()  # what was said about it, repeated when asked again
    failed: set[tuple[Any, ...]] = field(default_factory=set)


def book_offer(
    domain: str,
    slots: Mapping[str, str],
    requested: Sequence[str],
    progress: DomainProgress,
    service: Any,
) -> tuple[list[DialogueAct], bool]:
    """Booking acts for the offered entity of a venue domain, and whether the booking side is settled.

    Nothing happens until the user shows they want a booking (a booking argument, a reference request).
    """
    names = BOOKING_ARGS.get(domain)
    if not names or progress.offered is None:
        return [], True
    args = {slot: slots[slot] for slot in names if slots.get(slot, DONTCARE) != DONTCARE}
    if not (args or "reference" in requested or progress.booking_wanted):
        return [], True
    progress.booking_wanted = True
    missing = [slot for slot in names if slot not in args]
    if missing:
        asking = "train" if domain == "train" else "booking"
        return [DialogueAct("request", asking, slot) for slot in missing], False
    key = (
        normalize_value(ENTITY_KEY[domain], str(progress.offered[ENTITY_KEY[domain]])),
        *sorted(args.items()),
    )
    if progress.booked == key:
        return (list(progress.booked_acts) if "reference" in requested else []), True
    if key in progress.failed:
        return [NOBOOK], False
    result = service.book(domain, progress.offered, args)
    if not result.success:
        progress.failed.add(key)
        return [NOBOOK], False
    intent, act_domain = ("offerbooked", "train") if domain == "train" else ("book", "booking")
    progress.booked = key
    progress.booked_acts = (
        DialogueAct(intent, act_domain, "reference", normalize_value("reference", result.reference)),
    )
    return list(progress.booked_acts), True


def book_taxi(
    slots: Mapping[str, str], requested: Sequence[str], progress: DomainProgress, service: Any
) -> tuple[list[DialogueAct], bool]:
    """Ask for the route and a time, then book the taxi and tell its car and phone number."""
    args = {slot: slots[slot] for slot in (*TAXI_ROUTE, *TAXI_TIMES) if slots.get(slot, DONTCARE) != DONTCARE}
    missing = [slot for slot in TAXI_ROUTE if slot not in args]
    if not any(slot in args for slot in TAXI_TIMES):
        missing.extend(slot for slot in TAXI_TIMES if slot not in slots)
    if missing:
        return [DialogueAct("request", "taxi", slot) for slot in missing], False
    key = tuple(sorted(args.items()))
    if progress.booked == key:
        return [act for act in progress.booked_acts if act.slot in requested], True
    if key in progress.failed:
        return [NOBOOK], False
    result = service.book("taxi", None, args)
    if not result.success:
        progress.failed.add(key)
        return [NOBOOK], False
    progress.booked = key
    progress.booked_acts = tuple(
        DialogueAct("inform", "taxi", slot, normalize_value(slot, str(result.details.get(slot) or UNKNOWN)))
        for slot in ("car", "phone")
    )
    return list(progress.booked_acts), True
