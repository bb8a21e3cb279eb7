"""Delexicalization: replace annotated slot values in an utterance by placeholders such as ``[name]``.

MultiWOZ 2.1 marks, for each turn, which words carry which slot value (``span_info``, word indices into the
whitespace-split text). Replacing those words by ``[<canonical slot>]`` gives the delexicalized response
that end-to-end systems are trained to produce and that the standard evaluator scores: ``"Nandos is at
33 Bridge Street"`` becomes ``"[name] is at [address]"``. Spans whose value is ``dontcare`` are left as
text (they do not name a value), and a span overlapping an earlier one is skipped, since the corpus often
annotates the same words twice (e.g. under ``Booking-Book`` and ``Restaurant-Inform``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class _Span(Protocol):
    slot: str
    value: str
    start: int
    end: int


def delexicalize(text: str, spans: Iterable[_Span]) -> str:
    """``text`` with every annotated span replaced by ``[slot]`` (words are re-joined by single spaces)."""
    words = text.split()
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda span: (span.start, span.end)):
        if span.start < position or not span.slot or span.value == "dontcare" or span.end > len(words):
            continue
        pieces.extend(words[position : span.start])
        pieces.append(f"[{span.slot}]")
        position = span.end
    pieces.extend(words[position:])
    return " ".join(pieces)
