"""What the rule system knows about each MultiWOZ domain: the slots it searches, asks, offers and books with.

These tables are the rule system's design choices, not facts of the corpus: which constraints it asks for
(and in which order of preference), which attributes it says when it offers a venue, which arguments a
booking needs (the same as :mod:`dialenv.multiwoz.booking` validates). Slot names are canonical
(:mod:`dialenv.multiwoz.ontology`).
"""

from __future__ import annotations

#: Domains searched in a database table, where the system offers one entity (a venue or a train).
VENUE_DOMAINS = ("restaurant", "hotel", "attraction", "train")

#: Search constraints per domain, in the order the system prefers to ask about them.
SEARCH_SLOTS = {
    "restaurant": ("food", "area", "pricerange", "name"),
    "hotel": ("type", "area", "pricerange", "stars", "parking", "internet", "name"),
    "attraction": ("type", "area", "name"),
    "train": ("departure", "destination", "day", "leaveat", "arriveby"),
    "taxi": ("departure", "destination", "leaveat", "arriveby"),
    "hospital": ("department",),
    "police": (),
}

#: Search slots a system may ask about to narrow down many matches (a name is never asked for).
ASKABLE_SLOTS = {
    domain: tuple(slot for slot in slots if slot != "name") for domain, slots in SEARCH_SLOTS.items()
}

#: A train search needs these before the system looks anything up (2,828 trains otherwise).
TRAIN_ROUTE = ("departure", "destination", "day")

#: Taxi bookings need a route and at least one of the two times.
TAXI_ROUTE = ("departure", "destination")
TAXI_TIMES = ("leaveat", "arriveby")

#: Arguments of a booking, in the order the system asks for them.
BOOKING_ARGS = {
    "restaurant": ("people", "day", "time"),
    "hotel": ("people", "day", "stay"),
    "train": ("people",),
}

#: Attributes an offer may repeat after the name: those the user constrained, so the user sees they hold.
OFFER_SLOTS = {
    "restaurant": ("food", "pricerange", "area"),
    "hotel": ("type", "pricerange", "area", "stars", "parking", "internet"),
    "attraction": ("type", "area"),
    "train": ("leaveat", "arriveby"),
}
#: Attributes an offer always says: a train's times, and whether a place to stay is a hotel or a guesthouse
#: (users often say "a hotel" for any place to stay, so the system cannot tell whether the type matters).
ALWAYS_OFFERED = {"hotel": frozenset({"type"}), "train": frozenset({"leaveat", "arriveby"})}

#: The attribute that identifies an offered entity.
ENTITY_KEY = {"restaurant": "name", "hotel": "name", "attraction": "name", "train": "trainid"}

#: Every slot a belief state may hold per domain: search constraints and booking arguments.
BELIEF_SLOTS = {
    domain: frozenset(SEARCH_SLOTS[domain]) | frozenset(BOOKING_ARGS.get(domain, ()))
    for domain in SEARCH_SLOTS
}

#: The value a system informs for an attribute its database does not know (``?`` or no such column).
UNKNOWN = "unknown"
DONTCARE = "dontcare"
