"""Ranking a true persona among distractors: the persona-perception check of the env and of probing.

Ties are common with lexical scorers (an utterance sharing no word with two personas scores 0 for both), so
ranks are *expected* values under uniformly random tie-breaking: a true persona tied at the top with ``t``
others counts ``1 / (t + 1)`` towards Hits@1. A constant scorer therefore gets exactly chance level, and no
scorer gains from ties.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Rank(NamedTuple):
    """Where the true candidate landed: Hits@1, rank (1 = best) and reciprocal rank, as expectations."""

    hits1: float
    rank: float
    reciprocal_rank: float


def rank_of(scores: np.ndarray, true_index: int) -> Rank:
    """The expected rank of ``scores[true_index]`` among ``scores`` (higher is better)."""
    scores = np.asarray(scores, dtype=float)
    true_score = scores[true_index]
    better = int(np.count_nonzero(scores > true_score))
    tied = int(np.count_nonzero(scores == true_score)) - 1
    positions = np.arange(better + 1, better + tied + 2)
    return Rank(
        hits1=1.0 / (tied + 1) if better == 0 else 0.0,
        rank=better + 1 + tied / 2,
        reciprocal_rank=float(np.mean(1.0 / positions)),
    )
