"""Dialogue progress tracking and the expert (finite-state) system policy of the movie-booking task.

:class:`Progress` is everything a system needs to decide its next act: the tracked goal (belief), which
values the user has confirmed, the showing on offer, what the user accepted or rejected. :func:`track_user`
and :func:`track_system` update it from the acts of each side. Three components share this code:

* the rule system baseline (``baselines.moviebooking``) tracks with its own NLU and acts with the expert,
* the environment tracks the *true* acts to judge success (paper 002, sec. 4.2),
* the environment's teacher signal (paper 002, sec. 3.6) asks the expert what it would do given the values
  the user has really revealed — the correction a human teacher would give.

The expert policy mirrors the finite-state agent that generated the M2M corpus: request missing slots two
at a time, confirm the concrete values, query the KB, offer the best showing, book when the user accepts,
offer the next showing when the user declines, report a failure when nothing fits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DOMAIN, DONTCARE, SHOWING_SLOTS, SLOTS
from dialenv.moviebooking.kb import Showing, ShowtimesKB

#: How many missing slots the expert asks for in one turn.
REQUESTS_PER_TURN = 2


@dataclass
class Progress:
    """What has happened in the dialogue, from the system's point of view."""

    belief: dict[str, str] = field(default_factory=dict)
    confirmed: dict[str, str] = field(default_factory=dict)
    offered: Showing | None = None
    accepted: Showing | None = None
    rejected: set[int] = field(default_factory=set)
    booked: bool = False
    user_done: bool = False
    last_system_acts: tuple[DialogueAct, ...] = ()

    def copy(self) -> Progress:
        return Progress(
            dict(self.belief),
            dict(self.confirmed),
            self.offered,
            self.accepted,
            set(self.rejected),
            self.booked,
            self.user_done,
            self.last_system_acts,
        )


def act(intent: str, slot: str = "", value: str = "") -> DialogueAct:
    """A movie-domain act."""
    return DialogueAct(intent, DOMAIN, slot, value)


def offer_acts(showing: Showing) -> tuple[DialogueAct, ...]:
    return tuple(act("offer", slot, getattr(showing, slot)) for slot in SHOWING_SLOTS)


def offered_showing(kb: ShowtimesKB, acts: tuple[DialogueAct, ...]) -> Showing | None:
    """The KB showing named by ``offer`` acts (all four showing slots), or None."""
    values = {a.slot: a.value for a in acts if a.intent == "offer" and a.slot in SHOWING_SLOTS}
    if len(values) < len(SHOWING_SLOTS):
        return None
    ids = kb.query_ids(values)
    return kb.showings[min(ids)] if ids else None


def track_system(progress: Progress, kb: ShowtimesKB, acts: tuple[DialogueAct, ...]) -> None:
    """Record what the system just did (offers, bookings)."""
    progress.last_system_acts = acts
    showing = offered_showing(kb, acts)
    if showing is not None:
        progress.offered = showing
    if any(a.intent == "notify_success" for a in acts) and progress.accepted is not None:
        progress.booked = True


def track_user(progress: Progress, acts: tuple[DialogueAct, ...]) -> None:
    """Update ``progress`` with the user's acts, read against the system's previous acts."""
    intents = {a.intent for a in acts}
    asked_to_confirm = {a.slot: a.value for a in progress.last_system_acts if a.intent == "confirm" and a.slot}
    corrected = set()
    for a in acts:
        if a.intent == "inform" and a.slot in SLOTS and a.value:
            corrected.add(a.slot)
            if progress.belief.get(a.slot) != a.value:
                progress.belief[a.slot] = a.value
                progress.confirmed.pop(a.slot, None)
                if progress.offered is not None and a.value not in (DONTCARE, getattr(progress.offered, a.slot, None)):
                    progress.offered = None
    affirmed = "affirm" in intents and "negate" not in intents
    if asked_to_confirm:
        if affirmed or ("negate" in intents and corrected):
            for slot, value in asked_to_confirm.items():
                if slot not in corrected and progress.belief.get(slot) == value:
                    progress.confirmed[slot] = value
        elif "negate" in intents:
            for slot in asked_to_confirm:
                progress.belief.pop(slot, None)
                progress.confirmed.pop(slot, None)
    if progress.offered is not None and any(a.intent == "offer" for a in progress.last_system_acts):
        if affirmed:
            progress.accepted = progress.offered
            for slot in SHOWING_SLOTS:
                progress.confirmed.setdefault(slot, getattr(progress.offered, slot))
        elif "negate" in intents or "request_alts" in intents:
            progress.rejected.add(progress.offered.id)
            progress.offered = None
    if intents & {"thank_you", "good_bye"} and (progress.booked or "good_bye" in intents):
        progress.user_done = True


class ExpertPolicy:
    """The finite-state expert: maps a :class:`Progress` to the next system acts."""

    def __init__(self, kb: ShowtimesKB):
        self.kb = kb

    def candidates(self, progress: Progress) -> list[Showing]:
        """Bookable showings for the tracked goal that the user has not declined."""
        return [s for s in self.kb.query(progress.belief) if s.id not in progress.rejected]

    def act(self, progress: Progress) -> tuple[DialogueAct, ...]:
        if progress.user_done:
            return (act("good_bye"),)
        if progress.booked:
            return (act("reqmore"),)
        if progress.accepted is not None:
            return (act("notify_success"), act("reqmore"))
        missing = [slot for slot in SLOTS if slot not in progress.belief]
        if missing:
            return tuple(act("request", slot) for slot in missing[:REQUESTS_PER_TURN])
        unconfirmed = [
            slot
            for slot in SLOTS
            if progress.belief[slot] != DONTCARE and progress.confirmed.get(slot) != progress.belief[slot]
        ]
        if unconfirmed:
            return tuple(act("confirm", slot, progress.belief[slot]) for slot in unconfirmed)
        options = self.candidates(progress)
        if not options:
            return (act("notify_failure"),)
        return offer_acts(options[0])
