"""Realizes system acts with one hand-written :class:`~simulators.moviebooking.system_templates.SystemTemplateSet`.

One sentence (or more) per intent, in :data:`SENTENCE_ORDER`: requests name the asked slots, confirms and
offers put all their slots in one frame, a select lists the options of one slot, informs say one value per
sentence. Only a confirm can carry "dontcare" ("just to confirm, you want tickets at any time?"); a
dontcare offer, inform or select has no sensible wording and is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DONTCARE, SLOTS
from simulators.language.templates import join_items, pick
from simulators.moviebooking.system_templates import SystemTemplateSet
from simulators.moviebooking.templates import compile_all, compile_table, fix_grammar
from simulators.moviebooking.variants import render_value, render_values

#: The order in which a system message says its intents.
SENTENCE_ORDER = (
    "greeting",
    "notify_failure",
    "notify_success",
    "inform",
    "confirm",
    "offer",
    "select",
    "request",
    "reqmore",
    "good_bye",
)


class SystemRealizer:
    """A compiled system template set; :meth:`realize` turns validated, canonically ordered acts into text."""

    def __init__(self, templates: SystemTemplateSet):
        self.slotless = compile_table(templates.slotless)
        self.request_one = compile_table(templates.request_one)
        self.request_frames = tuple(templates.request_frames)
        self.nouns = dict(templates.nouns)
        self.confirm_frames = tuple(templates.confirm_frames)
        self.confirm_heads = compile_table(templates.confirm_heads)
        self.offer_frames = tuple(templates.offer_frames)
        self.offer_heads = compile_table(templates.offer_heads)
        self.phrases = compile_table(templates.phrases)
        self.dontcare_phrases = compile_table(templates.dontcare_phrases)
        self.select_frames = tuple(templates.select_frames)
        self.select_items = {slot: compile_all([text])[0] for slot, text in templates.select_items.items()}
        self.inform_one = compile_table(templates.inform_one)
        self.varied_values = templates.varied_values
        for frame in self.confirm_frames + self.offer_frames:
            if "{body}" not in frame:
                raise ValueError(f"system frame {frame!r} must contain {{body}}")
        for frames, field in ((self.request_frames, "{nouns}"), (self.select_frames, "{options}")):
            for frame in frames:
                if field not in frame:
                    raise ValueError(f"system frame {frame!r} must contain {field}")

    def realize(self, acts: Sequence[DialogueAct], rng: np.random.Generator) -> str:
        for act in acts:
            if act.value == DONTCARE and act.intent != "confirm":
                raise ValueError(f"{act}: only a confirm can carry {DONTCARE!r} on the system side")
        by_intent: dict[str, list[DialogueAct]] = {}
        for act in acts:
            by_intent.setdefault(act.intent, []).append(act)
        values = render_values([act for act in acts if act.intent != "select"], rng, self.varied_values)
        sentences = []
        for intent in SENTENCE_ORDER:
            group = by_intent.get(intent)
            if not group:
                continue
            if intent in self.slotless:
                sentences.append(pick(rng, self.slotless[intent]).fill({}))
            elif intent == "request":
                sentences.append(self._request([act.slot for act in group], rng))
            elif intent == "inform":
                sentences.extend(pick(rng, self.inform_one[act.slot]).fill(values) for act in group)
            elif intent == "confirm":
                sentences.append(self._confirm(group, values, rng))
            elif intent == "offer":
                sentences.append(self._offer(group, values, rng))
            else:
                sentences.extend(self._selects(group, rng))
        return fix_grammar(" ".join(sentences))

    def _request(self, slots: list[str], rng: np.random.Generator) -> str:
        if len(slots) == 1:
            return pick(rng, self.request_one[slots[0]]).fill({})
        nouns = join_items([self.nouns[slot] for slot in slots])
        return pick(rng, self.request_frames).format(nouns=nouns)

    def _confirm(self, group: list[DialogueAct], values: dict[str, str], rng: np.random.Generator) -> str:
        slots = {act.slot: act.value for act in group}
        if "num_tickets" not in slots:
            head = pick(rng, self.confirm_heads["plain"]).fill(values)
        elif slots["num_tickets"] == DONTCARE:
            head = pick(rng, self.dontcare_phrases["num_tickets"]).fill({})
        else:
            head = pick(rng, self.confirm_heads["with_count"]).fill(values)
        parts = [head]
        for slot in SLOTS:
            if slot in slots and slot != "num_tickets":
                table = self.dontcare_phrases if slots[slot] == DONTCARE else self.phrases
                parts.append(pick(rng, table[slot]).fill(values))
        return pick(rng, self.confirm_frames).format(body=" ".join(parts))

    def _offer(self, group: list[DialogueAct], values: dict[str, str], rng: np.random.Generator) -> str:
        slots = [act.slot for act in group]
        head = pick(rng, self.offer_heads["with_movie" if "movie" in slots else "plain"]).fill(values)
        parts = [head] + [pick(rng, self.phrases[slot]).fill(values) for slot in slots if slot != "movie"]
        return pick(rng, self.offer_frames).format(body=" ".join(parts))

    def _selects(self, group: list[DialogueAct], rng: np.random.Generator) -> list[str]:
        options: dict[str, list[str]] = {}
        for act in group:
            said = render_value(act.slot, act.value, rng, self.varied_values)
            options.setdefault(act.slot, []).append(self.select_items[act.slot].fill({act.slot: said}))
        return [
            pick(rng, self.select_frames).format(options=join_items(items, "or"))
            for items in options.values()
        ]
