"""Value formats shared by the movie-booking NLG and NLU: times and small numbers.

Acts carry times as ``"h:mm am|pm"`` (``"6:00 pm"``, ``"10:30 am"``) and ticket counts as digit strings.
The NLG renders them in other surface forms (``"6pm"``, ``"18:00"``, ``"three"``) and the NLU maps such
forms back; both sides use the helpers here so that they agree on the canonical form.
"""

from __future__ import annotations

import re

from simulators.language.numbers import word_values
from simulators.language.times import twelve_hour

#: Number words the NLU reads and the NLG writes (ticket counts, clock hours).
NUMBER_WORDS = word_values(1, 12)
_WORD_OF_NUMBER = {number: word for word, number in NUMBER_WORDS.items()}

_CANONICAL_TIME = re.compile(r"^(\d{1,2}):(\d{2}) (am|pm)$")


def number_word(number: int) -> str:
    """``3 -> "three"``; numbers without a word stay digits."""
    return _WORD_OF_NUMBER.get(number, str(number))


def canonical_time(hour: int, minute: int, meridiem: str | None) -> str | None:
    """The act form of a clock time, or ``None`` if it is not a valid time.

    ``hour`` is 0-23 (or 1-12 with a ``meridiem`` of ``"am"``/``"pm"``). Without a meridiem, hours 1-11 are
    read as afternoon/evening, the usual meaning of a bare hour when booking a film ("at 7").
    """
    if not 0 <= minute <= 59:
        return None
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        return f"{hour}:{minute:02d} {meridiem}"
    if not 0 <= hour <= 23:
        return None
    if 1 <= hour <= 11:
        hour += 12  # "at 7" is 7 pm
    clock_hour, meridiem = twelve_hour(hour)
    return f"{clock_hour}:{minute:02d} {meridiem}"


def split_time(value: str) -> tuple[int, int, str] | None:
    """``"6:30 pm" -> (6, 30, "pm")``; ``None`` for a value that is not in the canonical form."""
    match = _CANONICAL_TIME.match(value)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), match.group(3)
