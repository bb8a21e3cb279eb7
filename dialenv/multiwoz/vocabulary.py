"""How people name the closed-vocabulary values of MultiWOZ: surface phrase -> value in database spelling.

Areas, price ranges, hotel types and attraction types take a handful of values, but text names them in
many ways: "city centre" and "central" are ``centre``, "mid priced" is ``moderate``, "guest houses" is
``guesthouse``, "swimming pool" and "pool" are ``swimmingpool``, "night club" is ``nightclub``. Any rule NLU
of the task needs these phrasings: the rule system reads them in user text (:mod:`baselines.multiwoz.lexicon`)
and the agenda user reads them in system text (:mod:`simulators.multiwoz.lexicon`). They are MultiWOZ domain
knowledge, so they live here in the task package, which both may import, and not in either of them.

The tables hold the phrasings both readers accept. A reader adds its own beside its NLU, for what only its
side of the dialogue says (users' casual "affordable", "b and b"; the database's "mutliple sports" that a
system may print) or must not read (in system text "hotel" is the noun of every hotel turn, not a type).
Every value is a value of the database after :func:`~dialenv.multiwoz.normalize.normalize_value`.
"""

from __future__ import annotations

#: Phrases for the ``area`` values (restaurant, hotel and attraction).
AREAS = {
    "centre": "centre",
    "center": "centre",
    "central": "centre",
    "city centre": "centre",
    "city center": "centre",
    "town centre": "centre",
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
}

#: Phrases for the ``pricerange`` values (restaurant and hotel).
PRICE_RANGES = {
    "cheap": "cheap",
    "cheaply": "cheap",
    "inexpensive": "cheap",
    "budget": "cheap",
    "moderate": "moderate",
    "moderately": "moderate",
    "moderately priced": "moderate",
    "mid priced": "moderate",
    "expensive": "expensive",
    "pricey": "expensive",
    "upscale": "expensive",
    "high end": "expensive",
}

#: Phrases for the hotel ``type`` values (only the guesthouse ones: "hotel" is read differently by each side).
HOTEL_TYPES = {
    "guesthouse": "guesthouse",
    "guesthouses": "guesthouse",
    "guest house": "guesthouse",
    "guest houses": "guesthouse",
}

#: Phrases for the attraction ``type`` values.
ATTRACTION_TYPES = {
    "museum": "museum",
    "museums": "museum",
    "college": "college",
    "colleges": "college",
    "nightclub": "nightclub",
    "nightclubs": "nightclub",
    "night club": "nightclub",
    "night clubs": "nightclub",
    "club": "nightclub",
    "theatre": "theatre",
    "theatres": "theatre",
    "theater": "theatre",
    "swimming pool": "swimmingpool",
    "swimming pools": "swimmingpool",
    "swimmingpool": "swimmingpool",
    "pool": "swimmingpool",
    "pools": "swimmingpool",
    "multiple sports": "multiple sports",
    "sports": "multiple sports",
    "architecture": "architecture",
    "architectural": "architecture",
    "cinema": "cinema",
    "cinemas": "cinema",
    "boat": "boat",
    "boats": "boat",
    "boating": "boat",
    "park": "park",
    "parks": "park",
    "entertainment": "entertainment",
    "concert hall": "concerthall",
    "concerthall": "concerthall",
    "concert halls": "concerthall",
}
