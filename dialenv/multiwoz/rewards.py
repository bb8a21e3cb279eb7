"""Reward settings of the SGA-JRUD paper (sec. 4.6.1), for the user and for the system.

* ``"success"`` — 1 at the end of a successful dialogue, else 0 (the paper gives every turn of a successful
  dialogue reward 1; JRUD's per-turn returns are computed from this outcome by the training code);
* ``"synthetic"`` — per turn, +0.1 for each *request* act (the user: a request of a goal ``reqt`` slot; the
  system: an inform answering a slot the user has asked for), −0.5 for each act the agent already uttered
  earlier in the dialogue (repetition); at the end, + the proportion of goal domains completed;
* ``"synthetic-sigmoid"`` — the synthetic reward of each step mapped to [0, 1] by the logistic sigmoid.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from dialenv.acts import DialogueAct

SCHEMES = ("success", "synthetic", "synthetic-sigmoid")
REQUEST_BONUS = 0.1
REPETITION_PENALTY = -0.5


def synthetic_turn_reward(acts: Iterable[DialogueAct], useful: Iterable[DialogueAct], said_before: set) -> float:
    """+0.1 per useful (request-serving) act, −0.5 per repeated act."""
    acts = tuple(acts)
    repeated = sum(act in said_before for act in acts)
    return REQUEST_BONUS * len(tuple(useful)) + REPETITION_PENALTY * repeated


def shape(scheme: str, turn_reward: float, final_reward: float | None, success: bool | None) -> float:
    """The reward delivered for one step under ``scheme`` (``final_reward``/``success`` set on the last step)."""
    if scheme == "success":
        return 1.0 if success else 0.0
    total = turn_reward + (final_reward or 0.0)
    if scheme == "synthetic":
        return total
    return 1.0 / (1.0 + math.exp(-total))
