"""Typed PERSONA-CHAT records, whatever file format they came from.

A file is read from the point of view of one speaker, "you" (ParlAI's convention): each :class:`Turn` is what
the partner said and your response. Which personas a record shows depends on the file's view: ``self``
files show yours, ``other`` files your partner's, ``both`` files both, Hugging Face json files yours.
"""

from __future__ import annotations

from typing import NamedTuple


class Turn(NamedTuple):
    """One exchange: the partner's utterance (``""`` when you open the dialogue) and your response."""

    partner: str
    response: str


class PersonaDialogue(NamedTuple):
    """One dialogue from your point of view.

    Attributes:
        your_persona: your profile sentences (``()`` when the file's view hides them).
        partner_persona: the partner's profile sentences (``()`` when hidden).
        turns: the exchanges, in order.
        candidates: for each turn, the file's response candidates (they include the true response); ``()``
            for files without candidates.
    """

    your_persona: tuple[str, ...]
    partner_persona: tuple[str, ...]
    turns: tuple[Turn, ...]
    candidates: tuple[tuple[str, ...], ...] = ()

    def utterances(self) -> list[tuple[str, str]]:
        """Every utterance in spoken order as ``("partner" | "you", text)``; an empty opening is skipped."""
        spoken = []
        for turn in self.turns:
            if turn.partner:
                spoken.append(("partner", turn.partner))
            spoken.append(("you", turn.response))
        return spoken

    def your_utterances(self) -> list[str]:
        return [turn.response for turn in self.turns]

    def partner_utterances(self) -> list[str]:
        return [turn.partner for turn in self.turns if turn.partner]
