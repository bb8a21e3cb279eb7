"""Clock times in text: the patterns that find them and the 12-hour clock.

The movie-booking and MultiWOZ NLUs both read 24-hour times ("19:00", "9.30") and "noon"/"midnight" with
the same patterns; the movie-booking act form (``"7:00 pm"``) and the MultiWOZ user's test wording
(``"5:30 pm"``) both turn a 24-hour hour into a 12-hour one. Each task keeps its own value format (``"h:mm
am|pm"`` for movie booking, ``"HH:MM"`` for MultiWOZ) and its own reading of a bare hour; what they share is
here, so that a time is found and converted the same way everywhere.
"""

from __future__ import annotations

#: A 24-hour clock time, ``"19:00"`` or ``"9.30"``, not part of a longer number or a decimal ("1.505"):
#: groups ``h`` (hour) and ``m`` (minutes).
CLOCK = r"(?<![\w:.])(?P<h>\d{1,2})[:.](?P<m>\d{2})(?![\w:]|\.\d)"
#: "noon", "midday" or "midnight", as group ``noon``; :data:`NOON_HOURS` gives their hour.
NOON = r"\b(?P<noon>noon|midday|midnight)\b"
#: The 24-hour hour of each word of :data:`NOON`.
NOON_HOURS = {"noon": 12, "midday": 12, "midnight": 0}


def twelve_hour(hour: int) -> tuple[int, str]:
    """A 24-hour clock hour on the 12-hour clock: ``17 -> (5, "pm")``, ``0 -> (12, "am")``, ``12 -> (12, "pm")``."""
    return (hour - 1) % 12 + 1, "pm" if hour >= 12 else "am"
