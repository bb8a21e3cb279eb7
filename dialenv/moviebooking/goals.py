"""User goals of the movie-booking task and their seeded generator.

A :class:`MovieGoal` holds one value per slot (``dontcare`` for a flexible slot) and, optionally,
*alternatives*: values the user switches to when the system reports that no showing fits, or, for a user
with a random personality, on a whim ("actually, make it 8 pm"). The environment owns the goal and applies
a switch when the system notifies a failure or the user informs an alternative value, so success is always
judged against the goal the user really holds at the end.

Goals are sampled from the KB so that the *final* goal is always satisfiable: :class:`GoalGenerator` draws a
target showing with enough free seats, relaxes some slots to ``dontcare``, and with probability
``failure_rate`` replaces one constraint by a value that matches no bookable showing, keeping the target's
value as the alternative (the M2M / MultiWOZ ``fail_info`` pattern).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from dialenv.moviebooking.domain import DONTCARE, SLOTS
from dialenv.moviebooking.kb import ShowtimesKB

#: Slots that may be flexible in a goal, with the probability that they are.
FLEXIBLE_SLOTS = {"theatre_name": 0.3, "time": 0.3, "date": 0.1}
#: Slots whose value a failing goal perturbs.
FAILABLE_SLOTS = ("time", "date", "theatre_name")


@dataclass(frozen=True)
class MovieGoal:
    """What the user wants: ``values[slot]`` for every slot, plus optional ``alternatives``."""

    values: Mapping[str, str]
    alternatives: Mapping[str, str] = field(default_factory=dict)

    def switched(self) -> MovieGoal:
        """The goal after the user has adopted every alternative."""
        return MovieGoal({**self.values, **self.alternatives}, {})

    @cached_property
    def instruction(self) -> str:
        """The goal as a sentence, the way crowd workers are briefed."""
        v = self.values
        parts = [f"You want {v['num_tickets']} ticket(s) for {v['movie']!r}"]
        parts.append("at any theatre" if v["theatre_name"] == DONTCARE else f"at {v['theatre_name']}")
        parts.append("on any day" if v["date"] == DONTCARE else f"on {v['date']}")
        parts.append("at any time." if v["time"] == DONTCARE else f"at {v['time']}.")
        text = " ".join(parts)
        if self.alternatives:
            alts = ", ".join(f"{slot.replace('_', ' ')} {value}" for slot, value in self.alternatives.items())
            text += f" If that is not possible, you would take {alts} instead."
        return text


class GoalGenerator:
    """Samples satisfiable goals from a :class:`ShowtimesKB` with a caller-supplied ``numpy`` generator."""

    def __init__(self, kb: ShowtimesKB, failure_rate: float = 0.3, change_rate: float = 0.15, max_tickets: int = 6):
        if not 0.0 <= failure_rate + change_rate <= 1.0:
            raise ValueError("failure_rate + change_rate must be within [0, 1]")
        self.kb = kb
        self.failure_rate = failure_rate
        self.change_rate = change_rate
        self.max_tickets = max_tickets
        self._bookable = {n: kb.query({}, min_seats=n) for n in range(1, max_tickets + 1)}

    def sample(self, rng: np.random.Generator) -> MovieGoal:
        tickets = int(rng.integers(1, self.max_tickets + 1))
        candidates = self._bookable[tickets]
        target = candidates[int(rng.integers(len(candidates)))]
        values = {**target.slot_values(), "num_tickets": str(tickets)}
        for slot, probability in FLEXIBLE_SLOTS.items():
            if rng.random() < probability:
                values[slot] = DONTCARE
        goal = MovieGoal(values)
        draw = rng.random()
        if draw < self.failure_rate:
            goal = self._with_alternative(goal, rng, satisfiable=False) or goal
        elif draw < self.failure_rate + self.change_rate:
            goal = self._with_alternative(goal, rng, satisfiable=True) or goal
        return goal

    def _with_alternative(self, goal: MovieGoal, rng: np.random.Generator, satisfiable: bool) -> MovieGoal | None:
        """Move one concrete constraint to another value (unsatisfiable or satisfiable); keep the old as alternative."""
        slots = [slot for slot in FAILABLE_SLOTS if goal.values[slot] != DONTCARE]
        if not slots:
            return None
        slot = slots[int(rng.integers(len(slots)))]
        options = []
        for value in self.kb.values(slot):
            if value == goal.values[slot]:
                continue
            fits = bool(self.kb.query({**goal.values, slot: value}))
            if fits == satisfiable:
                options.append(value)
        if not options:
            return None
        new_value = options[int(rng.integers(len(options)))]
        return replace(goal, values={**goal.values, slot: new_value}, alternatives={slot: goal.values[slot]})


def goal_from_mapping(values: Mapping[str, str], alternatives: Mapping[str, str] | None = None) -> MovieGoal:
    """Build a goal from plain dicts (e.g. a scenario file), checking every slot is present."""
    missing = [slot for slot in SLOTS if slot not in values]
    if missing:
        raise ValueError(f"a movie goal needs every slot {SLOTS}; missing {missing}")
    return MovieGoal({slot: str(values[slot]).lower() for slot in SLOTS}, dict(alternatives or {}))
