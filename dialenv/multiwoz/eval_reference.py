"""What the corpus evaluator compares predictions with, built once per split from the dialenv records.

For every dialogue of a split, keyed by its lower-case id (the key of prediction files):

* the goal as the standard evaluator reads it: per domain the ``informable`` constraints and the
  ``requestable`` categories the user must receive (``PHONE``, ``ADDRESS``, ``POST``, ``TRAINID`` from the
  goal's requests, ``REFERENCE`` when the goal includes a booking), plus the goal's venue set;
* per system turn: the normalised delexicalized reference response (BLEU), the ground-truth dialogue state
  (used when a prediction file has no states; ``dontcare`` values dropped, as in the standard evaluator),
  and the domains with a completed booking so far (a ``REFERENCE`` only counts once a booking was made).

The ground truth is MultiWOZ 2.1 as cleaned by :mod:`dialenv.multiwoz.records`; the standard evaluator
ships references and states from MultiWOZ 2.2, so scores can differ slightly from published ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from dialenv.multiwoz.bleu import CorpusBleu
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.eval_text import REQUESTABLE, normalize_response, placeholder_category
from dialenv.multiwoz.goal import Goal
from dialenv.multiwoz.normalize import is_dontcare
from dialenv.multiwoz.ontology import VENUE_DOMAINS
from dialenv.multiwoz.records import Dialogue, load_split
from dialenv.multiwoz.venues import VenueMatcher

State = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class DomainTarget:
    """One goal domain as Inform/Success see it."""

    informable: Mapping[str, str]
    requestable: frozenset[str]
    venues: frozenset[int]  # database positions of the venues that fit ``informable`` (venue domains only)


@dataclass(frozen=True)
class DialogueReference:
    """Ground truth of one dialogue, aligned with its system turns."""

    goal: Mapping[str, DomainTarget]
    responses: tuple[str, ...]
    states: tuple[State, ...]
    booked: tuple[frozenset[str], ...]
    beliefs: tuple[State, ...]  # full belief states, dontcare included, for joint goal accuracy


@dataclass(frozen=True)
class SplitReference:
    """Everything the evaluator needs for one split."""

    dialogues: Mapping[str, DialogueReference]
    venues: VenueMatcher
    bleu: CorpusBleu


@lru_cache(maxsize=4)
def split_reference(split: str) -> SplitReference:
    """The evaluation reference of ``split``, built on first use and kept for the process."""
    venues = VenueMatcher(MultiWOZDatabase.load())
    dialogues = {
        dialogue.id.lower(): _dialogue_reference(dialogue, venues) for dialogue in load_split(split).values()
    }
    bleu = CorpusBleu(
        {(key, turn): text for key, ref in dialogues.items() for turn, text in enumerate(ref.responses)}
    )
    return SplitReference(dialogues, venues, bleu)


def _dialogue_reference(dialogue: Dialogue, venues: VenueMatcher) -> DialogueReference:
    system = dialogue.system_turns
    return DialogueReference(
        goal=_targets(dialogue.goal, venues),
        responses=tuple(normalize_response(turn.delex)[0] for turn in system),
        states=tuple(
            {
                domain: {s: v for s, v in slots.items() if not is_dontcare(v)}
                for domain, slots in turn.belief.items()
            }
            for turn in system
        ),
        booked=tuple(turn.booked for turn in system),
        beliefs=tuple(turn.belief for turn in system),
    )


def _targets(goal: Goal, venues: VenueMatcher) -> dict[str, DomainTarget]:
    targets = {}
    for domain, part in goal.domains.items():
        requestable = {placeholder_category(slot) for slot in part.reqt} & set(REQUESTABLE)
        if part.book:
            requestable.add("REFERENCE")
        found = venues.query(domain, part.info) if domain in VENUE_DOMAINS else frozenset()
        targets[domain] = DomainTarget(dict(part.info), frozenset(requestable), found)
    return targets
