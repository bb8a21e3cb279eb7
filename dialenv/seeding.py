"""Seed derivation: one user-given seed fans out into independent seeds for every random component."""

from __future__ import annotations

import numpy as np


def derive_seeds(seed: int | None, count: int) -> list[int | None]:
    """``count`` independent 31-bit seeds derived from ``seed`` (all ``None`` when ``seed`` is ``None``)."""
    if seed is None:
        return [None] * count
    return [int(value) for value in np.random.SeedSequence(seed).generate_state(count) % (2**31)]
