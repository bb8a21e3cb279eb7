"""The one evaluator of the movie-booking task: task success (paper 002, sec. 4.2) and DST accuracy.

Success needs both of the paper's conditions:

1. **The tracked goal matches the user's true goal.** When the system reports a belief state, its last
   belief must hold the goal's value for every concrete slot; a flexible (``dontcare``) slot may be
   ``dontcare``, unset, or the value of the accepted showing. A system that reports no belief is judged by
   what it did: the showing it offered and the number of tickets it confirmed.
2. **The system confirmed the values and offered a showing the user accepted.** The user affirmed a
   ``confirm(num_tickets=n)`` with the goal's ``n`` (or an offer that named it) and accepted (affirmed) an
   offered showing that satisfies every concrete constraint of the user's *final* goal (after any switch
   to alternatives) and has at least ``n`` seats left.

Booking (``notify_success``) and saying goodbye are not required, as in the paper.
DST accuracy (paper Table 2) compares, at every system turn that carries a belief, each slot of the belief
with the values the user has revealed so far (``""`` when not yet revealed); joint accuracy needs all five.
"""

from __future__ import annotations

from collections.abc import Mapping

from dialenv.moviebooking.domain import DONTCARE, SHOWING_SLOTS, SLOTS
from dialenv.moviebooking.goals import MovieGoal
from dialenv.moviebooking.policy import Progress


def offer_satisfies(goal: MovieGoal, progress: Progress) -> bool:
    """Condition 2b: an accepted showing that fits the final goal and has enough seats."""
    showing = progress.accepted
    if showing is None:
        return False
    fits = all(goal.values[slot] in (DONTCARE, getattr(showing, slot)) for slot in SHOWING_SLOTS)
    return fits and showing.seats_left >= int(goal.values["num_tickets"])


def belief_matches(goal: MovieGoal, belief: Mapping[str, str], progress: Progress) -> bool:
    """Condition 1 for systems that report a belief state."""
    for slot in SLOTS:
        wanted, tracked = goal.values[slot], belief.get(slot, "")
        if wanted == DONTCARE:
            accepted_value = getattr(progress.accepted, slot, None) if progress.accepted else None
            if tracked not in ("", DONTCARE, accepted_value):
                return False
        elif tracked != wanted:
            return False
    return True


def task_metrics(goal: MovieGoal, progress: Progress, belief: Mapping[str, str] | None, turns: int) -> dict:
    """Success and its parts for one finished dialogue."""
    offer_ok = offer_satisfies(goal, progress)
    tickets_ok = progress.confirmed.get("num_tickets") == goal.values["num_tickets"]
    belief_ok = belief_matches(goal, belief, progress) if belief is not None else None
    return {
        "success": bool(offer_ok and tickets_ok and belief_ok is not False),
        "offer_accepted": offer_ok,
        "tickets_confirmed": tickets_ok,
        "belief_matches_goal": belief_ok,
        "booked": progress.booked,
        "turns": turns,
    }


class DSTScorer:
    """Accumulates per-slot and joint DST accuracy over the system turns that report a belief."""

    def __init__(self) -> None:
        self.turns = 0
        self.correct = dict.fromkeys(SLOTS, 0)
        self.joint = 0

    def add(self, belief: Mapping[str, str], revealed: Mapping[str, str]) -> None:
        self.turns += 1
        all_right = True
        for slot in SLOTS:
            right = belief.get(slot, "") == revealed.get(slot, "")
            self.correct[slot] += right
            all_right &= right
        self.joint += all_right

    def metrics(self) -> dict[str, float]:
        if not self.turns:
            return {}
        scores = {f"dst_{slot}": self.correct[slot] / self.turns for slot in SLOTS}
        scores["dst_joint"] = self.joint / self.turns
        return scores
