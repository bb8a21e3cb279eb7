"""Surface forms of act values: how the NLG says a time or a ticket count.

The train surfaces say values exactly as acts carry them ("7:00 pm", "3"). The test surfaces vary them the
way people write ("7pm", "7 p.m.", "19:00", "seven in the evening", "half past seven", "three"); some of
these forms are not understood by the rule NLU, which is part of the train/test gap. Movie, theatre and date
values are always said as they are, because they must match a knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DONTCARE
from simulators.language.templates import pick
from simulators.moviebooking.values import number_word, split_time


def _time_forms(value: str) -> list[str]:
    parts = split_time(value)
    if parts is None:
        return [value]
    hour, minute, meridiem = parts
    hour24 = hour % 12 + (12 if meridiem == "pm" else 0)
    clock = f"{hour}:{minute:02d}"
    forms = [value, f"{clock}{meridiem}", f"{clock} {meridiem[0]}.m.", f"{hour24:02d}:{minute:02d}"]
    if minute == 0:
        forms += [f"{hour}{meridiem}", f"{hour} {meridiem}"]
        part_of_day = (
            "in the morning"
            if meridiem == "am"
            else "in the evening"
            if 5 <= hour < 12
            else "in the afternoon"
        )
        forms.append(f"{number_word(hour)} {part_of_day}")
    elif minute == 30:
        forms.append(f"half past {number_word(hour)}")
    return forms


def _count_forms(value: str) -> list[str]:
    return [value, number_word(int(value))] if value.isdigit() else [value]


def render_values(acts: Iterable[DialogueAct], rng: np.random.Generator, varied: bool) -> dict[str, str]:
    """Slot -> the text that says the act's value (dontcare values are said by phrases, not here).

    A slot with several values (a ``select``) keeps the last; select options are rendered one by one
    with :func:`render_value`.
    """
    return {
        act.slot: render_value(act.slot, act.value, rng, varied)
        for act in acts
        if act.slot and act.value and act.value != DONTCARE
    }


def render_value(slot: str, value: str, rng: np.random.Generator, varied: bool) -> str:
    """How one value is said: verbatim unless ``varied`` and the slot is a time or a ticket count."""
    if not varied:
        return value
    if slot == "time":
        return pick(rng, _time_forms(value))
    if slot == "num_tickets":
        return pick(rng, _count_forms(value))
    return value
