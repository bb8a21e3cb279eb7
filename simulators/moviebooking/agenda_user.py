"""Agenda-based user simulator for movie booking (Schatzmann et al. 2007), with personalities.

The simulator's *agenda* is the stack of user acts still to perform: at the bottom, the goal constraints
not told yet (``self.told`` marks what has been said); on top, the responses the last system turn calls
for (answers to requests, yes/no to confirmations and offers, alternatives after a failure, thanks and
goodbye after a booking). Each turn the user says the responses and, if nothing was asked or it chose not
to answer, pops constraints from the bottom part. Personalities
follow paper 002 (sec. 4.1) and the M2M simulator it used:

* **cooperativeness** — probability of answering each requested slot (otherwise the user talks about
  something else), and how many extra slots the user volunteers;
* **randomness** — probability per turn of a deviation: changing a constraint to its alternative before
  being told of a failure, repeating an old value, or declining a fine offer.

Named presets are in :data:`PERSONALITIES`; ``personality="mixed"`` draws one per dialogue, as the paper
draws a user profile per simulated dialogue. The goal comes from the observation (the environment owns it
and switches it to its alternatives); the simulator reads the system's acts when they are sent and parses
the system's text with the rule NLU otherwise (``level="text"`` envs show text only). It speaks through
:class:`~simulators.moviebooking.nlg.UserNLG` with the chosen surface-form set (``surface=None``: acts only, no text — the pure act-level setting that
act-level benchmarks such as ConvLab-2's measure) and always sends its true acts
too, which the environment uses for evaluation and shows to the system only at act level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dialenv.acts import DialogueAct, parse_act
from dialenv.moviebooking.domain import DONTCARE, SHOWING_SLOTS, SLOTS
from dialenv.moviebooking.kb import default_kb
from dialenv.moviebooking.policy import act
from simulators.moviebooking.nlg import UserNLG
from simulators.moviebooking.nlu import SystemTextNLU


@dataclass(frozen=True)
class Personality:
    """How a simulated user behaves: both numbers are probabilities in [0, 1]."""

    cooperativeness: float
    randomness: float


PERSONALITIES = {
    "default": Personality(cooperativeness=0.8, randomness=0.1),
    "cooperative": Personality(cooperativeness=1.0, randomness=0.0),
    "terse": Personality(cooperativeness=0.5, randomness=0.05),
    "erratic": Personality(cooperativeness=0.7, randomness=0.4),
}


class AgendaUser:
    """A simulated movie-goer; implements the :class:`dialenv.agents.Agent` protocol."""

    def __init__(
        self,
        personality: str | Personality = "default",
        surface: str | None = "train",
        kb_seed: int = 0,
    ):
        if isinstance(personality, str) and personality != "mixed" and personality not in PERSONALITIES:
            raise ValueError(f"unknown personality {personality!r}; presets: {sorted(PERSONALITIES)} or 'mixed'")
        self.personality_setting = personality
        self.nlg = UserNLG(surface=surface) if surface else None
        self.nlu = SystemTextNLU(default_kb(kb_seed).lexicon())
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        self.rng = np.random.default_rng(seed)
        setting = self.personality_setting
        if setting == "mixed":
            names = sorted(PERSONALITIES)
            setting = names[int(self.rng.integers(len(names)))]
        self.personality = PERSONALITIES[setting] if isinstance(setting, str) else setting
        self.told: dict[str, str] = {}

    # ------------------------------------------------------------------ one turn
    def act(self, observation: dict[str, Any]) -> dict[str, Any]:
        goal = {slot: value for slot, value in observation["goal"].items() if value}
        alternatives = {slot: value for slot, value in observation["alternatives"].items() if value}
        system_acts = tuple(parse_act(raw) for raw in observation["acts"])
        if not system_acts and observation["text"]:
            system_acts = tuple(self.nlu.parse(observation["text"]))
        if not observation["history"]:
            acts = self._opening(goal)
        else:
            acts = self._respond(goal, alternatives, system_acts)
        for a in acts:
            if a.intent == "inform":
                self.told[a.slot] = a.value
        return {"text": self.nlg.realize(acts, self.rng) if self.nlg else "", "acts": acts}

    def _opening(self, goal: dict[str, str]) -> tuple[DialogueAct, ...]:
        """State the movie and, depending on cooperativeness, a few more constraints."""
        others = [slot for slot in SLOTS[1:]]
        self.rng.shuffle(others)
        extra = int(self.rng.binomial(len(others), self.personality.cooperativeness * 0.4))
        return tuple(act("inform", slot, goal[slot]) for slot in ["movie", *others[:extra]])

    def _respond(
        self, goal: dict[str, str], alternatives: dict[str, str], system: tuple[DialogueAct, ...]
    ) -> tuple[DialogueAct, ...]:
        intents = {a.intent for a in system}
        if "good_bye" in intents:
            return (act("good_bye"),)
        if "notify_success" in intents:
            return (act("thank_you"), act("good_bye"))
        if alternatives and self.rng.random() < self.personality.randomness:
            slot = min(alternatives)
            return (act("inform", slot, alternatives[slot]),)  # a change of mind
        responses: list[DialogueAct] = []
        if "notify_failure" in intents:
            responses += self._after_failure(goal)
        if "confirm" in intents:
            responses += self._answer_confirm(goal, [a for a in system if a.intent == "confirm"])
        if "offer" in intents:
            responses += self._answer_offer(goal, {a.slot: a.value for a in system if a.intent == "offer"})
        requested = [a.slot for a in system if a.intent in ("request", "select") and a.slot in SLOTS]
        responses += self._answer_requests(goal, requested)
        if "reqmore" in intents and not responses:
            responses.append(act("negate"))
            responses += self._volunteer(goal, 1)
        if not responses:
            responses = self._volunteer(goal, 1) or [act("cant_understand")]
        return tuple(dict.fromkeys(responses))

    def _after_failure(self, goal: dict[str, str]) -> list[DialogueAct]:
        """Restate the constraints that changed (the goal has switched to its alternatives), or give up."""
        changed = [act("inform", slot, goal[slot]) for slot in SLOTS if slot in self.told and self.told[slot] != goal[slot]]
        return changed or [act("good_bye")]

    def _answer_confirm(self, goal: dict[str, str], confirms: list[DialogueAct]) -> list[DialogueAct]:
        wrong = [a.slot for a in confirms if a.slot in goal and goal[a.slot] not in (DONTCARE, a.value)]
        if not wrong:
            return [act("affirm")]
        return [act("negate"), *(act("inform", slot, goal[slot]) for slot in wrong)]

    def _answer_offer(self, goal: dict[str, str], offer: dict[str, str]) -> list[DialogueAct]:
        wrong = [slot for slot in SHOWING_SLOTS if slot in offer and goal.get(slot) not in (DONTCARE, offer[slot])]
        if wrong:
            return [act("negate"), *(act("inform", slot, goal[slot]) for slot in wrong)]
        if self.rng.random() < self.personality.randomness * 0.3:
            return [act("request_alts")]  # a picky user declines a fitting showing
        return [act("affirm")]

    def _answer_requests(self, goal: dict[str, str], requested: list[str]) -> list[DialogueAct]:
        answers = []
        for slot in requested:
            if self.rng.random() < self.personality.cooperativeness:
                answers.append(act("inform", slot, goal[slot]))
        unanswered = len(answers) < len(requested)
        if unanswered or (requested and self.rng.random() < self.personality.cooperativeness * 0.3):
            answers += self._volunteer(goal, 1, exclude=requested)  # instead of, or beyond, the answers
        if not answers and requested:  # an unhelpful turn still says something
            answers.append(act("inform", requested[0], goal[requested[0]]))
        return answers

    def _volunteer(self, goal: dict[str, str], count: int, exclude: list[str] = ()) -> list[DialogueAct]:
        """Inform ``count`` slots not told yet (or, for a random user, repeat a told one)."""
        untold = [slot for slot in SLOTS if slot not in self.told and slot not in exclude]
        if not untold and self.rng.random() < self.personality.randomness:
            untold = [slot for slot in SLOTS if slot not in exclude]
        return [act("inform", slot, goal[slot]) for slot in untold[:count]]
