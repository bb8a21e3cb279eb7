"""Seed derivation: one user-given seed fans out into independent seeds for every random component."""

from __future__ import annotations

_MASK64 = (1 << 64) - 1


def _splitmix64(state: int) -> int:
    """One step of SplitMix64, a well-mixed 64-bit hash (Steele et al. 2014)."""
    state = (state + 0x9E3779B97F4A7C15) & _MASK64
    state = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    state = ((state ^ (state >> 27)) * 0x94D049BB133111EB) & _MASK64
    return state ^ (state >> 31)


def derive_seeds(seed: int | None, count: int) -> list[int | None]:
    """``count`` distinct 31-bit seeds derived from ``seed`` (all ``None`` when ``seed`` is ``None``).

    Each derived seed still goes through ``numpy``'s ``SeedSequence`` when a generator is made from it, so
    hashing is only needed to keep the seeds of different components (and of nearby episodes) apart; this
    is far cheaper than a ``SeedSequence`` per episode, which matters at thousands of dialogues per second.
    """
    if seed is None:
        return [None] * count
    return [_splitmix64((seed << 8) + index) >> 33 for index in range(count)]
