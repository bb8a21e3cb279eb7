"""Parsers for the published PERSONA-CHAT file formats, into :class:`~dialenv.personachat.records.PersonaDialogue`.

**ParlAI / ConvAI2 text** (``{train,valid}_{self,other,both,none}_{original,revised}[_no_cands].txt``): one
dialogue per episode, each line numbered from 1 again at the start of an episode. Persona lines read
``N your persona: ...`` or ``N partner's persona: ...``; dialogue lines read ``N partner<TAB>response``, and in
files with candidates ``N partner<TAB>response<TAB><TAB>cand_1|cand_2|...|cand_20`` (the empty field is the
reward column of ParlAI's FbDialog format). ``__SILENCE__`` as the partner's text means you spoke first; it
becomes ``""``. The same parser reads every view and both persona versions: they differ only in content.

**Hugging Face json** (``personachat_self_original.json`` of *TransferTransfo*): ``{"train": [...], "valid":
[...]}``, each dialogue ``{"personality": [...], "utterances": [{"history": [...], "candidates": [...]}]}``
where ``history[-1]`` is the partner's utterance of that turn and the last candidate is the true response.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dialenv.errors import DataError
from dialenv.personachat.records import PersonaDialogue, Turn

YOUR_PERSONA = "your persona:"
PARTNER_PERSONA = "partner's persona:"
SILENCE = {"__SILENCE__", "__ SILENCE __"}


class _Episode:
    """The lines of one ParlAI episode collected so far."""

    def __init__(self) -> None:
        self.yours: list[str] = []
        self.partners: list[str] = []
        self.turns: list[Turn] = []
        self.candidates: list[tuple[str, ...]] = []

    def record(self, source: str) -> PersonaDialogue:
        if self.candidates and len(self.candidates) != len(self.turns):
            raise DataError(f"{source}: an episode mixes lines with and without candidates")
        return PersonaDialogue(
            tuple(self.yours), tuple(self.partners), tuple(self.turns), tuple(self.candidates)
        )


def parse_parlai(lines: Iterable[str], source: str = "<text>") -> list[PersonaDialogue]:
    """Parse ParlAI/ConvAI2 text lines (any view, original or revised, with or without candidates).

    ``source`` names the input in error messages, which also give the line number.
    """
    dialogues: list[PersonaDialogue] = []
    episode: _Episode | None = None
    previous = 0
    for line_number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        where = f"{source}, line {line_number}"
        number_text, _, content = line.partition(" ")
        if not number_text.isdigit():
            raise DataError(f"{where}: a ParlAI line starts with its number, got {line[:40]!r}")
        number = int(number_text)
        if number <= previous or episode is None:
            if episode is not None:
                dialogues.append(episode.record(source))
            episode = _Episode()
        previous = number
        _add_line(episode, content, where)
    if episode is not None:
        dialogues.append(episode.record(source))
    return dialogues


def _add_line(episode: _Episode, content: str, where: str) -> None:
    if content.startswith(YOUR_PERSONA) and "\t" not in content:
        episode.yours.append(content[len(YOUR_PERSONA) :].strip())
        return
    if content.startswith(PARTNER_PERSONA) and "\t" not in content:
        episode.partners.append(content[len(PARTNER_PERSONA) :].strip())
        return
    fields = content.split("\t")
    if len(fields) < 2:
        raise DataError(f"{where}: expected 'partner<TAB>response' or a persona line, got {content[:60]!r}")
    partner = "" if fields[0].strip() in SILENCE else fields[0].strip()
    episode.turns.append(Turn(partner, fields[1].strip()))
    if len(fields) >= 4 and fields[3]:
        episode.candidates.append(tuple(candidate.strip() for candidate in fields[3].split("|")))


def parse_hf_json(content: Any, split: str = "valid", source: str = "<json>") -> list[PersonaDialogue]:
    """Parse the Hugging Face / TransferTransfo json form (already loaded); ``split`` picks the part.

    A bare list of dialogues is accepted too (one split on its own).
    """
    if isinstance(content, Mapping):
        if split not in content:
            raise DataError(f"{source} has no split {split!r}; it has {sorted(map(str, content))}")
        content = content[split]
    if not isinstance(content, list):
        raise DataError(f"{source}: expected a list of dialogues, got {type(content).__name__}")
    return [_hf_dialogue(item, f"{source}[{split}][{index}]") for index, item in enumerate(content)]


def _hf_dialogue(item: Any, where: str) -> PersonaDialogue:
    try:
        persona = tuple(str(sentence).strip() for sentence in item["personality"])
        turns, candidates = [], []
        for utterance in item["utterances"]:
            history, options = utterance["history"], utterance["candidates"]
            if not history or not options:
                raise DataError(f"{where}: every utterance needs a non-empty history and candidates")
            partner = str(history[-1]).strip()
            turns.append(Turn("" if partner in SILENCE else partner, str(options[-1]).strip()))
            candidates.append(tuple(str(option).strip() for option in options))
    except (KeyError, TypeError) as error:
        raise DataError(
            f"{where}: not a dialogue of the form {{'personality': [...], 'utterances': "
            f"[{{'history': [...], 'candidates': [...]}}]}} ({error!r})"
        ) from None
    return PersonaDialogue(persona, (), tuple(turns), tuple(candidates))
