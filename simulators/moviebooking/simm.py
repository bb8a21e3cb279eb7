"""User templates written by people, extracted at run time from the sim-M corpus (Shah et al. 2018).

sim-M's user utterances were rewritten by crowd workers, and each comes with token spans of the slot values
it mentions. Each utterance becomes a template by replacing its spans with placeholders; it is keyed by
its act signature (:func:`~simulators.moviebooking.signature.act_signature`):

* sim-M act types map to our lower-case intents (AFFIRM -> affirm, ...); OTHER has no counterpart;
* the informs are the spans' slots, plus "dontcare" for slots that became dontcare in the dialogue state
  this turn ("it doesn't matter" carries no span), so INFORM itself carries no slot;
* an AFFIRM that repeats a value ("yes, 7 pm") is affirm() + inform(time): the user restates what holds.

Utterances that cannot be a faithful template are dropped, with the reason counted: a span naming the value
a NEGATE rejects ("no, 6 pm won't work" is no inform), two spans of one slot, an OTHER act, no act at all
("can you buy movie tickets"), or a value left unannotated in the text (it would leak a sim-M value and say
something the acts do not).

The corpus is read through ``dialenv.data`` when a table is first needed and never stored in the
repository; :func:`simm_template_table` caches one table per split per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dialenv.moviebooking.domain import DATES, DONTCARE, SLOTS
from simulators.language.spotting import alternatives
from simulators.moviebooking.signature import Signature
from simulators.moviebooking.templates import Placeholder, Template

#: sim-M user act types and our intents.
SIMM_INTENTS = {
    "AFFIRM": "affirm",
    "NEGATE": "negate",
    "INFORM": "inform",
    "REQUEST_ALTS": "request_alts",
    "THANK_YOU": "thank_you",
    "GOOD_BYE": "good_bye",
    "GREETING": "greeting",
    "CANT_UNDERSTAND": "cant_understand",
}
SPLITS = ("train", "dev", "test")

_DATE_PREFIXES = ("on", "this", "next")
_ATTACH_LEFT = frozenset(",.!?;:)")
_LEFTOVER_PATTERNS = re.compile(r"\d|\b[ap]\.?m\b|\b(?:tonight|today|tomorrow)\b")


@dataclass(frozen=True)
class SimMTemplateTable:
    """Human templates by act signature, with the bookkeeping of their extraction.

    Attributes:
        source: what the table was built from (e.g. ``"sim-M/train"``).
        templates: signature -> distinct templates, in corpus order.
        utterances: user utterances read.
        dropped: reason -> number of utterances not turned into a template.
    """

    source: str
    templates: Mapping[Signature, tuple[Template, ...]]
    utterances: int
    dropped: Mapping[str, int] = field(default_factory=dict)

    def counts(self) -> dict[Signature, int]:
        """Number of distinct templates per signature."""
        return {signature: len(templates) for signature, templates in self.templates.items()}


def _leak_pattern(values: Iterable[str]) -> re.Pattern[str]:
    words = {value for value in values if value and value != DONTCARE}
    return re.compile(rf"(?<!\w)(?:{alternatives(words)})(?!\w)")


def _corpus_values(dialogues: list[dict[str, Any]]) -> set[str]:
    """Every value the corpus annotates (state values and span texts): none may survive in a template."""
    values: set[str] = set(DATES)
    for dialogue in dialogues:
        for turn in dialogue["turns"]:
            values.update(item["value"] for item in turn["dialogue_state"])
            utterance = turn["user_utterance"]
            values.update(
                " ".join(utterance["tokens"][span["start"] : span["exclusive_end"]])
                for span in utterance["slots"]
            )
    return values


def _detokenize(items: list[str | Placeholder]) -> list[str | Placeholder]:
    """Join tokens into template parts: no space before punctuation, ``i ' d`` -> ``i'd``, no quotes."""
    parts: list[str | Placeholder] = []
    text = ""
    glue_next = True
    for item in items:
        if item == '"':  # quotes some workers put around the whole utterance
            continue
        if isinstance(item, Placeholder):
            text += "" if glue_next else " "
            parts.extend([text, item] if text else [item])
            text, glue_next = "", False
            continue
        if item == "'":
            text, glue_next = text + "'", True
            continue
        if not (glue_next or item in _ATTACH_LEFT):
            text += " "
        text += item
        glue_next = False
    if text:
        parts.append(text)
    return parts


def _template_items(tokens: list[str], spans: list[dict[str, Any]]) -> list[str | Placeholder]:
    """Tokens with each span replaced by a placeholder; "on/this/next" before a date becomes its prefix."""
    starts = {span["start"]: span for span in spans}
    items: list[str | Placeholder] = []
    index = 0
    while index < len(tokens):
        span = starts.get(index)
        if span is None:
            items.append(tokens[index])
            index += 1
            continue
        prefix = ""
        if span["slot"] == "date" and items and items[-1] in _DATE_PREFIXES:
            prefix = str(items.pop())
        items.append(Placeholder(span["slot"], prefix))
        index = span["exclusive_end"]
    return items


def _turn_template(
    turn: dict[str, Any], previous_state: Mapping[str, str], leak: re.Pattern[str]
) -> tuple[Signature, Template] | str:
    """The (signature, template) of one user turn, or the reason it is dropped."""
    utterance = turn["user_utterance"]
    spans = sorted(utterance["slots"], key=lambda span: span["start"])
    types = [act["type"] for act in turn["user_acts"]]
    if any(kind not in SIMM_INTENTS for kind in types):
        return "act type without counterpart"
    span_slots = [span["slot"] for span in spans]
    if len(set(span_slots)) < len(span_slots) or any(slot not in SLOTS for slot in span_slots):
        return "repeated or unknown span slot"
    if any(a < b for a, b in zip((s["start"] for s in spans[1:]), (s["exclusive_end"] for s in spans))):
        return "overlapping spans"
    negated = {act.get("slot") for act in turn["user_acts"] if act["type"] == "NEGATE"}
    if negated & set(span_slots):
        return "span of a negated value"
    state = {item["slot"]: item["value"] for item in turn["dialogue_state"]}
    dontcare = [
        slot for slot, value in state.items() if value == DONTCARE and previous_state.get(slot) != DONTCARE
    ]
    if set(dontcare) & set(span_slots):
        return "dontcare slot with a span"
    items = {(SIMM_INTENTS[kind], "") for kind in types if kind != "INFORM"}
    items |= {("inform", slot) for slot in span_slots} | {
        ("inform", f"{slot}={DONTCARE}") for slot in dontcare
    }
    if not items:
        return "no act"
    if "INFORM" in types and not span_slots and not dontcare:
        return "inform without value"
    parts = _detokenize(_template_items(utterance["tokens"], spans))
    if any(
        isinstance(part, str) and (leak.search(part) or _LEFTOVER_PATTERNS.search(part)) for part in parts
    ):
        return "unannotated value"
    return tuple(sorted(items)), Template(parts)


def extract_templates(dialogues: list[dict[str, Any]], source: str) -> SimMTemplateTable:
    """Build the template table from sim-M dialogues (the parsed JSON of one split)."""
    leak = _leak_pattern(_corpus_values(dialogues))
    templates: dict[Signature, dict[str, Template]] = {}
    dropped: dict[str, int] = {}
    utterances = 0
    for dialogue in dialogues:
        previous_state: dict[str, str] = {}
        for turn in dialogue["turns"]:
            utterances += 1
            result = _turn_template(turn, previous_state, leak)
            previous_state = {item["slot"]: item["value"] for item in turn["dialogue_state"]}
            if isinstance(result, str):
                dropped[result] = dropped.get(result, 0) + 1
                continue
            signature, template = result
            templates.setdefault(signature, {}).setdefault(template.text, template)
    return SimMTemplateTable(
        source=source,
        templates={signature: tuple(by_text.values()) for signature, by_text in templates.items()},
        utterances=utterances,
        dropped=dropped,
    )


@cache
def simm_template_table(split: str = "train") -> SimMTemplateTable:
    """The template table of one sim-M split, read through ``dialenv.data`` once per process."""
    if split not in SPLITS:
        raise ValueError(f"sim-M split must be one of {SPLITS}, got {split!r}")
    from dialenv import data  # imported here: only the sim-m surface needs the dataset layer

    return extract_templates(data.load_json("sim-M", f"{split}.json"), source=f"sim-M/{split}")
