"""Typed MultiWOZ 2.1 dialogues, read from the ConvLab-2 json files through :mod:`dialenv.data`.

Each corpus dialogue becomes a :class:`Dialogue` (``id``, ``goal``, ``turns``); turns alternate
``user``/``system`` and carry the text, the dialogue acts, the span annotations and, on system turns, the
belief state after the preceding user turn. Everything is cleaned once, here, so every consumer (the
environment, the simulators, the evaluator) sees the same data:

* slot names are canonical (:mod:`dialenv.multiwoz.ontology`) and values are normalised to the database
  spelling (:mod:`dialenv.multiwoz.normalize`); empty / ``not mentioned`` / ``none`` belief values are
  dropped, ``dontcare`` is kept;
* the SGA paper's corrections (appendix A): ``portugese`` becomes ``portuguese`` in user utterances and
  belief states, and a belief-state ``name`` is deleted unless its value appeared in an earlier user
  utterance or delexicalized system response (such names leaked into the belief state from lexicalized
  system responses; after delexicalization no model could infer them);
* every turn has its delexicalized text (:func:`dialenv.multiwoz.delex.delexicalize`).

Loading the 1,000 test dialogues takes about a second, half of it unzipping and parsing the 27 MB json.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from dialenv import data
from dialenv.acts import DialogueAct
from dialenv.multiwoz.delex import delexicalize
from dialenv.multiwoz.goal import Goal, goal_states, parse_goal
from dialenv.multiwoz.normalize import is_unset, normalize_name, normalize_value
from dialenv.multiwoz.ontology import DOMAINS, act_slot, canonical_slot

DATASET = "multiwoz21"
SPLITS = ("train", "val", "test")

Belief = Mapping[str, Mapping[str, str]]

_PORTUGESE = re.compile(r"\b([Pp])ortugese\b")
_IGNORED_BELIEF_SLOTS = frozenset({"booked", "ticket"})
_EMPTY_VALUES = frozenset({"", "not mentioned", "none"})  # the corpus spellings; is_unset() catches variants


class Span(NamedTuple):
    """One annotated value: words ``start:end`` (end exclusive) of the turn's whitespace-split text."""

    intent: str
    domain: str
    slot: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Turn:
    """One utterance.

    Attributes:
        speaker: ``"user"`` or ``"system"``.
        text: the utterance as in the corpus (tokenized, e.g. ``"I do n't"``).
        acts: dialogue acts, lower case, canonical slot names.
        span_info: annotated value spans of ``text``.
        belief: system turns only: domain -> slot -> value after the preceding user turn; ``{}`` for users.
        booked: system turns only: the domains with a completed booking so far.
        delex: ``text`` with annotated values replaced by ``[slot]`` placeholders.
    """

    speaker: str
    text: str
    acts: tuple[DialogueAct, ...]
    span_info: tuple[Span, ...]
    belief: Belief
    booked: frozenset[str]
    delex: str


@dataclass(frozen=True)
class Dialogue:
    """A corpus dialogue: its id (as in the corpus, e.g. ``"PMUL4648"``), the user goal and the turns."""

    id: str
    goal: Goal
    turns: tuple[Turn, ...]

    @property
    def user_turns(self) -> tuple[Turn, ...]:
        return self.turns[0::2]

    @property
    def system_turns(self) -> tuple[Turn, ...]:
        return self.turns[1::2]

    def goal_states(self) -> list[Goal]:
        """The user goal state before each user turn (see :mod:`dialenv.multiwoz.goal`)."""
        return goal_states(self.goal, (turn.acts for turn in self.user_turns))


def load_split(split: str = "test") -> dict[str, Dialogue]:
    """All dialogues of ``split`` (``"train"``, ``"val"`` or ``"test"``) by corpus id, in file order.

    Raises :class:`~dialenv.errors.DatasetMissingError` (naming the command that fetches it) when the split
    is not available.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown MultiWOZ split {split!r}; choose one of {', '.join(SPLITS)}")
    with _gc_paused():
        raw = data.load_json(DATASET, f"{split}.json.zip")
        parser = _Parser()
        return {dialogue_id: parser.dialogue(dialogue_id, item) for dialogue_id, item in raw.items()}


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of acyclic objects.

    Every few thousand allocations the collector would otherwise walk the whole (still growing) corpus;
    that doubles the loading time and makes it erratic. Nothing built here forms reference cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_dialogue(dialogue_id: str, raw: Mapping[str, Any]) -> Dialogue:
    """Build a cleaned :class:`Dialogue` from one corpus entry (``{"goal": ..., "log": [...]}``)."""
    return _Parser().dialogue(dialogue_id, raw)


class _Parser:
    """Turns raw corpus entries into records; remembers parsed belief states, which repeat turn after turn."""

    def __init__(self) -> None:
        self._domain_states: dict[tuple[Any, ...], dict[str, str]] = {}

    def dialogue(self, dialogue_id: str, raw: Mapping[str, Any]) -> Dialogue:
        turns: list[Turn] = []
        seen = ""  # user utterances and delexicalized system responses so far, for the name cleaning
        for index, entry in enumerate(raw["log"]):
            speaker = "system" if index % 2 else "user"
            text = entry["text"]
            if speaker == "user":
                text = _PORTUGESE.sub(r"\1ortuguese", text)
            spans = tuple(_parse_span(span) for span in entry.get("span_info", ()))
            delex = delexicalize(text, spans)
            belief: Belief = {}
            booked: frozenset[str] = frozenset()
            if speaker == "user":
                seen += " | " + _searchable(text)
            else:
                metadata = entry.get("metadata") or {}
                belief = _clean_names(self._belief(metadata), seen)
                booked = frozenset(
                    domain for domain, state in metadata.items() if state.get("book", {}).get("booked")
                )
                seen += " | " + _searchable(delex)
            acts = tuple(
                _act(domain_intent, slot, value)
                for domain_intent, pairs in (entry.get("dialog_act") or {}).items()
                for slot, value in pairs
            )
            turns.append(Turn(speaker, text, acts, spans, belief, booked, delex))
        return Dialogue(id=dialogue_id, goal=parse_goal(raw["goal"]), turns=tuple(turns))

    def _belief(self, metadata: Mapping[str, Any]) -> dict[str, dict[str, str]]:
        belief = {}
        for domain in DOMAINS:
            state = metadata.get(domain)
            if not state:
                continue
            semi, book = state.get("semi") or {}, state.get("book") or {}
            key = (
                domain,
                tuple(semi.items()),
                tuple(item for item in book.items() if isinstance(item[1], str)),
            )
            slots = self._domain_states.get(key)
            if slots is None:
                slots = self._domain_states[key] = _parse_domain_state(semi, book)
            if slots:
                belief[domain] = dict(slots)  # a copy: the name cleaning edits it
        return belief


@lru_cache(maxsize=65536)
def _act(domain_intent: str, slot_name: str, value: str) -> DialogueAct:
    domain, _, intent = domain_intent.partition("-")
    slot = act_slot(domain, slot_name)
    text = "" if value.lower() == "none" else normalize_value(slot, value)
    return DialogueAct(intent.lower(), domain.lower(), slot, text)


def _parse_span(raw: Iterable[Any]) -> Span:
    name, slot_name, value, start, last = raw
    domain, _, intent = name.partition("-")
    return Span(
        intent.lower(), domain.lower(), act_slot(domain, slot_name), str(value), int(start), int(last) + 1
    )


def _parse_domain_state(semi: Mapping[str, Any], book: Mapping[str, Any]) -> dict[str, str]:
    slots = {}
    for section in (semi, book):
        for name, value in section.items():
            if not isinstance(value, str) or value in _EMPTY_VALUES or is_unset(value):
                continue
            slot = canonical_slot(name)
            if slot not in _IGNORED_BELIEF_SLOTS:
                slots[slot] = normalize_value(slot, value.replace("portugese", "portuguese"))
    return slots


def _clean_names(belief: dict[str, dict[str, str]], seen: str) -> dict[str, dict[str, str]]:
    """Delete belief ``name`` values that were never mentioned in ``seen`` (SGA appendix A)."""
    for slots in belief.values():
        name = slots.get("name")
        if name and name != "dontcare" and not _mentioned(name, seen):
            del slots["name"]
    return {domain: slots for domain, slots in belief.items() if slots}


def _searchable(text: str) -> str:
    """Text in a spelling where names compare reliably: lower case, ``&`` as ``and``, no apostrophes.

    The corpus writes ``Mary 's``, belief states write ``marys`` or ``mary's``; all become ``marys``.
    """
    return " ".join(normalize_name(text).replace("'", "").split())


def _mentioned(name: str, seen: str) -> bool:
    words = _searchable(name).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) in seen
