"""Names used throughout the MultiWOZ task: domains, canonical slot names and delexicalization placeholders.

MultiWOZ spells the same slot in several ways: the belief state says ``leaveAt`` and ``book people``, the
dialogue acts say ``Leave`` and ``People``, goals say ``car type`` and ``entrance fee``, and published
prediction files use ``leave at``, ``leave`` or ``leaveat``. dialenv maps every spelling to one *canonical*
slot name (lower case, no spaces, no ``book`` prefix) so the records, the database, the goal state and the
evaluator all agree on names:

    address area arriveby car choice day department departure destination duration entrancefee food
    internet leaveat name openhours parking people phone postcode price pricerange reference stars stay
    time trainid type

A delexicalized response replaces each annotated value with ``[<canonical slot>]`` (``[name]``,
``[address]``, ``[reference]``, ``[trainid]`` ...), the domain-adaptive scheme that the standard MultiWOZ
evaluator (Nekvinda & Dušek 2021) understands.
"""

from __future__ import annotations

from functools import lru_cache

#: The seven MultiWOZ domains, in the order of the corpus belief states.
DOMAINS = ("taxi", "police", "restaurant", "hospital", "hotel", "attraction", "train")

#: Domains with a venue table that a system must pick an entity from (Inform counts them).
VENUE_DOMAINS = ("restaurant", "hotel", "attraction", "train")

#: Slots that describe a booking rather than a search constraint (``day`` is also a train search column).
BOOKING_SLOTS = frozenset({"people", "day", "stay", "time"})

# Dialogue-act slot names of the ConvLab-2 annotation -> canonical names. "Price" and "Time" depend on the
# domain and are resolved in :func:`act_slot`.
_ACT_SLOTS = {
    "addr": "address",
    "area": "area",
    "arrive": "arriveby",
    "car": "car",
    "choice": "choice",
    "day": "day",
    "depart": "departure",
    "dest": "destination",
    "fee": "entrancefee",
    "food": "food",
    "id": "trainid",
    "internet": "internet",
    "leave": "leaveat",
    "name": "name",
    "open": "openhours",
    "parking": "parking",
    "people": "people",
    "phone": "phone",
    "post": "postcode",
    "price": "pricerange",
    "ref": "reference",
    "stars": "stars",
    "stay": "stay",
    "ticket": "price",
    "time": "time",
    "type": "type",
    "none": "",
}

# Spellings of belief-state, goal and prediction-file slot names (after lower-casing and removing spaces,
# underscores and a ``book`` prefix) that differ from the canonical name.
_SLOT_ALIASES = {"arrive": "arriveby", "leave": "leaveat", "cartype": "car"}


@lru_cache(maxsize=4096)
def act_slot(domain: str, slot: str) -> str:
    """Canonical name of a ConvLab dialogue-act slot (``"Leave"`` -> ``"leaveat"``); ``""`` for ``none``.

    In train acts ``Price`` is the ticket price and ``Time`` the journey duration; elsewhere ``Price`` is the
    price range and ``Time`` the booking time. Unknown slots are returned lower-cased.
    """
    key = slot.lower()
    if domain.lower() == "train":
        if key == "price":
            return "price"
        if key == "time":
            return "duration"
    return _ACT_SLOTS.get(key, key)


@lru_cache(maxsize=4096)
def canonical_slot(name: str) -> str:
    """Canonical name of a belief-state, goal or prediction-file slot (``"book people"`` -> ``"people"``)."""
    key = name.lower().replace(" ", "").replace("_", "")
    if key.startswith("book") and len(key) > 4:
        key = key[4:]
    return _SLOT_ALIASES.get(key, key)
