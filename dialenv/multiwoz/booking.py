"""Deterministic bookings: availability and reference numbers that depend only on what is booked.

MultiWOZ records whether a booking succeeded but has no availability data, so dialenv defines a rule. It
must be deterministic (same booking, same outcome, in every process: environments are replayable) and it
should fail sometimes, as bookings in the corpus do, so that agents learn to offer alternatives.

The rule. Every booking is first validated: the required arguments must be present and readable
(restaurant: ``people``, ``day``, ``time``; hotel: ``people``, ``day``, ``stay``; train: ``people``; taxi:
``departure``, ``destination`` and ``leaveat`` or ``arriveby``), ``people`` and ``stay`` are positive whole
numbers, ``day`` a weekday, times ``HH:MM`` (values are normalised first, so ``6pm`` is ``18:00``). Then:

* restaurant: fails for more than 8 people, or when the table slot (restaurant, day, time) is fully booked;
* hotel: fails for more than 8 people, or when any night of the stay (hotel, weekday of that night) is
  fully booked;
* train and taxi: always succeed.

A slot or night is "fully booked" when the first 4 bytes of the sha256 of its description, read as an
integer, are divisible by 8 (restaurant slots, 1 in 8) or 16 (hotel nights, 1 in 16). The reference
number of a successful booking is 8 characters (``A-Z``, ``2-7``) of the base32 sha256 of the domain, the
entity and the normalised arguments, so the same booking always gets the same reference. A taxi booking
also returns a car (colour and make) and a 10-digit phone number derived the same way.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dialenv.multiwoz.normalize import is_unset, normalize_name, normalize_value, time_to_minutes
from dialenv.multiwoz.ontology import canonical_slot

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MAX_PARTY = 8
RESTAURANT_FULL_ONE_IN = 8
HOTEL_FULL_ONE_IN = 16

_REQUIRED = {
    "restaurant": ("people", "day", "time"),
    "hotel": ("people", "day", "stay"),
    "train": ("people",),
    "taxi": ("departure", "destination"),
}


@dataclass(frozen=True)
class BookingResult:
    """Outcome of a booking: ``reference`` is set on success, ``reason`` says why it failed otherwise."""

    success: bool
    reference: str = ""
    reason: str = ""
    details: Mapping[str, str] = field(default_factory=dict)


def book(
    domain: str,
    entity: Mapping[str, Any] | None,
    args: Mapping[str, Any],
    taxi: Mapping[str, Sequence[str]],
    check_availability: bool = True,
) -> BookingResult:
    """Apply the rule of the module docstring; ``taxi`` holds the taxi colours and makes of the database.

    ``check_availability=False`` skips the fully-booked rule (validation still applies): environments whose
    goals script their own booking failures use it so that every goal stays achievable.
    """
    if domain not in _REQUIRED:
        raise ValueError(f"{domain} cannot be booked; bookable domains: {', '.join(_REQUIRED)}")
    given = {}
    for name, value in args.items():
        slot = canonical_slot(name)
        text = normalize_value(slot, str(value))
        if not is_unset(text):
            given[slot] = text
    problem = _validate(domain, given)
    if problem:
        return BookingResult(False, reason=problem)
    subject = _subject(domain, entity, given)
    problem = _unavailable(domain, subject, given) if check_availability else ""
    if problem:
        return BookingResult(False, reason=problem)
    description = "|".join([domain, subject] + [f"{slot}={given[slot]}" for slot in sorted(given)])
    details = _taxi_details(description, taxi) if domain == "taxi" else {}
    return BookingResult(True, reference=_reference(description), details=details)


def _validate(domain: str, given: Mapping[str, str]) -> str:
    """An explanation of what is wrong with the arguments, or ``""``."""
    missing = [slot for slot in _REQUIRED[domain] if slot not in given]
    if domain == "taxi" and "leaveat" not in given and "arriveby" not in given:
        missing.append("leaveat or arriveby")
    if missing:
        return f"missing booking information: {', '.join(missing)}"
    for slot in ("people", "stay"):
        if slot in given and not (given[slot].isdigit() and int(given[slot]) > 0):
            return f"{slot} must be a positive whole number, got {given[slot]!r}"
    if "day" in given and given["day"] not in WEEKDAYS:
        return f"day must be a weekday, got {given['day']!r}"
    for slot in ("time", "leaveat", "arriveby"):
        if slot in given and time_to_minutes(given[slot]) is None:
            return f"{slot} must be a time HH:MM, got {given[slot]!r}"
    return ""


def _unavailable(domain: str, subject: str, given: Mapping[str, str]) -> str:
    """Why a valid restaurant or hotel booking cannot be made, or ``""`` (see the module docstring)."""
    if domain not in ("restaurant", "hotel"):
        return ""
    if int(given["people"]) > MAX_PARTY:
        return f"parties of more than {MAX_PARTY} cannot be booked"
    if domain == "restaurant":
        full = _fully_booked(f"restaurant|{subject}|{given['day']}|{given['time']}", RESTAURANT_FULL_ONE_IN)
        return f"no table free on {given['day']} at {given['time']}" if full else ""
    first = WEEKDAYS.index(given["day"])
    for night in range(int(given["stay"])):
        weekday = WEEKDAYS[(first + night) % 7]
        if _fully_booked(f"hotel|{subject}|{weekday}", HOTEL_FULL_ONE_IN):
            return f"no room free on {weekday} night"
    return ""


def _subject(domain: str, entity: Mapping[str, Any] | None, given: Mapping[str, str]) -> str:
    """What is booked, as text: the venue name, the train id and day, or the taxi route."""
    if domain == "taxi":
        return f"{given['departure']}>{given['destination']}"
    if entity is None:
        raise ValueError(f"booking a {domain} needs the entity to book; pass one from db.query")
    if domain == "train":
        return f"{str(entity.get('trainid', '')).lower()}|{entity.get('day', '')}"
    return normalize_name(str(entity.get("name", "")))


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _fully_booked(slot_description: str, one_in: int) -> bool:
    return int.from_bytes(_digest(slot_description)[:4], "big") % one_in == 0


def _reference(description: str) -> str:
    return base64.b32encode(_digest("reference|" + description)).decode("ascii")[:8]


def _taxi_details(description: str, taxi: Mapping[str, Sequence[str]]) -> dict[str, str]:
    digest = _digest("taxi|" + description)
    colours, makes = taxi.get("taxi_colors", ("black",)), taxi.get("taxi_types", ("toyota",))
    car = f"{colours[digest[0] % len(colours)]} {makes[digest[1] % len(makes)]}"
    phone = "07" + "".join(str(byte % 10) for byte in digest[2:10])
    return {"car": car, "phone": phone}
