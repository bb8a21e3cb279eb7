"""Compiled text templates with slot placeholders, and the grammar fixes that filling needs.

A template is text with placeholders ``{slot}``; ``{date@on}`` is a date that reads ``"on friday"`` for a
weekday but ``"tomorrow"`` for a relative day (so templates never say "on tomorrow"). Templates are
compiled once into literal/placeholder parts, so filling one is a join, which keeps the NLG off the
simulator's profile; human-written templates extracted from a corpus are built from parts directly, so
braces in their text are never mistaken for placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple, TypeVar

from dialenv.moviebooking.domain import SLOTS

#: Dates that take no preposition ("tomorrow", not "on tomorrow").
RELATIVE_DAYS = frozenset({"today", "tomorrow", "tonight"})

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:@([a-z]+))?\}")
_SINGULAR = re.compile(r"\b(1|one|a single) (ticket|seat|spot)s\b")
_ONE_PEOPLE = re.compile(r"\b(1|one) people\b")

K = TypeVar("K")


class Placeholder(NamedTuple):
    """Where a slot value goes; ``prefix`` is said before weekday dates only (``{date@on}``)."""

    slot: str
    prefix: str = ""


class Template:
    """A template compiled into literal strings and :class:`Placeholder` parts."""

    __slots__ = ("parts", "slots", "text")

    def __init__(self, parts: Sequence[str | Placeholder]):
        self.parts = tuple(parts)
        self.slots = frozenset(part.slot for part in self.parts if isinstance(part, Placeholder))
        self.text = "".join(
            part
            if isinstance(part, str)
            else "{" + part.slot + (f"@{part.prefix}" if part.prefix else "") + "}"
            for part in self.parts
        )

    @classmethod
    def parse(cls, text: str) -> Template:
        """Compile ``text``; raises ``ValueError`` for a placeholder that names no slot of the domain."""
        parts: list[str | Placeholder] = []
        position = 0
        for match in _PLACEHOLDER.finditer(text):
            slot, prefix = match.group(1), match.group(2) or ""
            if slot not in SLOTS:
                raise ValueError(f"template {text!r} has placeholder {{{slot}}}; slots are {SLOTS}")
            parts.append(text[position : match.start()])
            parts.append(Placeholder(slot, prefix))
            position = match.end()
        parts.append(text[position:])
        return cls([part for part in parts if part != ""])

    def fill(self, values: Mapping[str, str]) -> str:
        """The text with every placeholder replaced by ``values[slot]`` (a ``KeyError`` names a missing slot)."""
        pieces = []
        for part in self.parts:
            if isinstance(part, str):
                pieces.append(part)
            elif part.prefix and values[part.slot] not in RELATIVE_DAYS:
                pieces.append(f"{part.prefix} {values[part.slot]}")
            else:
                pieces.append(values[part.slot])
        return "".join(pieces)

    def __repr__(self) -> str:
        return f"Template({self.text!r})"


def compile_all(texts: Sequence[str]) -> tuple[Template, ...]:
    """Compile a list of alternative templates (a non-empty list: an empty one is a bug in a template set)."""
    if not texts:
        raise ValueError("a template list must not be empty")
    return tuple(Template.parse(text) for text in texts)


def compile_table(table: Mapping[K, Sequence[str]]) -> dict[K, tuple[Template, ...]]:
    """:func:`compile_all` for each entry of a table of alternatives (intent, slot or kind -> texts)."""
    return {key: compile_all(texts) for key, texts in table.items()}


def fix_grammar(text: str) -> str:
    """Repair agreement that filling creates: ``"1 tickets" -> "1 ticket"``, ``"1 people" -> "1 person"``."""
    if "1 " not in text and "one " not in text and "single " not in text:
        return text
    return _ONE_PEOPLE.sub(r"\1 person", _SINGULAR.sub(r"\1 \2", text))
