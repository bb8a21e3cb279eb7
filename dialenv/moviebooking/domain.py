"""The movie-ticket booking domain: slots, intents and the value formats every component agrees on.

Slots and act types follow the M2M / sim-M movie corpus (Shah et al. 2018) that paper 002 trains on,
written in lower case. Every act of this task has domain ``"movie"``.
"""

from __future__ import annotations

DOMAIN = "movie"

#: The goal slots, in the order the rule system asks for them.
SLOTS = ("movie", "theatre_name", "date", "time", "num_tickets")
#: Slots that identify a showing in the knowledge base (num_tickets is a booking argument).
SHOWING_SLOTS = ("movie", "theatre_name", "date", "time")
#: A goal value meaning "any value is fine".
DONTCARE = "dontcare"

#: Acts the system may emit. Arguments: request(slot), confirm(slot=value), offer(slot=value) (one act per
#: slot of the offered showing), inform(slot=value), notify_success(), notify_failure(),
#: select(slot=value) (several alternatives offered at once), reqmore(), greeting(), good_bye().
SYSTEM_INTENTS = (
    "greeting",
    "request",
    "confirm",
    "offer",
    "inform",
    "select",
    "notify_success",
    "notify_failure",
    "reqmore",
    "good_bye",
)

#: Acts the user may emit. inform(slot=value) (value may be "dontcare"), affirm(), negate(),
#: request_alts() (another showing please), thank_you(), good_bye(), greeting(), cant_understand().
USER_INTENTS = (
    "greeting",
    "inform",
    "affirm",
    "negate",
    "request_alts",
    "thank_you",
    "good_bye",
    "cant_understand",
)

#: Day names used as dates in the generated knowledge base.
DATES = ("today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
