"""The rule-based movie-booking system: rule NLU + rule DST + the finite-state expert policy + template NLG.

This is the kind of agent that generated the M2M / sim-M corpus (Shah et al. 2018), and the expert of
paper 002's imitation stage. It reads the user's acts when the env shows them, or parses the user's text
with the rule NLU (in ``level="text"`` envs), tracks the goal with :func:`dialenv.moviebooking.policy.track_user`, asks
:class:`~dialenv.moviebooking.policy.ExpertPolicy` for the next acts, and speaks through the system
template NLG. It always sends its acts and its belief state, so the environment can score it and its DST.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dialenv.acts import parse_act
from dialenv.moviebooking.kb import default_kb
from dialenv.moviebooking.policy import ExpertPolicy, Progress, track_system, track_user
from simulators.moviebooking.nlg import SystemNLG
from simulators.moviebooking.nlu import UserTextNLU


class RuleSystem:
    """Finite-state booking agent; implements the :class:`dialenv.agents.Agent` protocol."""

    def __init__(self, surface: str | None = "train", kb_seed: int = 0):
        """``surface``: the NLG template set ("train" or "test"), or None to send acts only (no text)."""
        self.kb = default_kb(kb_seed)
        self.policy = ExpertPolicy(self.kb)
        self.nlu = UserTextNLU(self.kb.lexicon())
        self.nlg = SystemNLG(surface=surface) if surface else None
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        self.rng = np.random.default_rng(seed)
        self.progress = Progress()

    def act(self, observation: dict[str, Any]) -> dict[str, Any]:
        user_acts = tuple(parse_act(raw) for raw in observation["acts"])
        if not user_acts and observation["text"]:
            requested = [a.slot for a in self.progress.last_system_acts if a.intent == "request"]
            user_acts = tuple(
                self.nlu.parse(observation["text"], expected_slot=requested[0] if requested else None)
            )
        track_user(self.progress, user_acts)
        acts = self.policy.act(self.progress)
        track_system(self.progress, self.kb, acts)
        text = self.nlg.realize(acts, self.rng) if self.nlg else ""
        return {"text": text, "acts": acts, "belief": dict(self.progress.belief)}
