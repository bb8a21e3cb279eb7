"""The English words of small numbers, for NLUs that read them and NLGs that write them.

Ticket counts, party sizes, nights and clock hours are said in words ("three tickets", "a party of two",
"seven in the evening"). Each task reads and writes its own range of them (movie booking: one to twelve;
the MultiWOZ user: zero to ten), always the same words, so the words are kept once, here.
"""

from __future__ import annotations

#: The words of the numbers 0 to 12, indexed by value.
NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


def word_values(first: int, last: int) -> dict[str, int]:
    """Word -> value for the numbers ``first`` to ``last`` (within 0-12), in increasing order:
    ``word_values(1, 3) == {"one": 1, "two": 2, "three": 3}``."""
    if not 0 <= first <= last < len(NUMBER_WORDS):
        raise ValueError(f"number words cover 0 to {len(NUMBER_WORDS) - 1}, not {first} to {last}")
    return {NUMBER_WORDS[number]: number for number in range(first, last + 1)}
