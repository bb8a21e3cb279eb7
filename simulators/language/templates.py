"""Template helpers of the NLGs: the seeded choice among alternative wordings, and lists in prose.

Every NLG (movie-booking user and system, MultiWOZ user) says an act by picking one of several wordings
with the caller's ``numpy.random.Generator``, so text is reproducible from the seed, and lists slots or
options as "a, b and c". Both are done here in one way, so that the same generator state gives the same
choice in every task.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def pick(rng: np.random.Generator, options: Sequence[T]) -> T:
    """One of ``options``, chosen uniformly with the caller's generator."""
    return options[int(rng.integers(len(options)))]


def join_items(items: Sequence[str], conjunction: str = "and") -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"`` (``conjunction`` instead of "and", e.g. "or"); ``""`` for none."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
