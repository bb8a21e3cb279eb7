"""Realizes user acts with one hand-written :class:`~simulators.moviebooking.user_templates.UserTemplateSet`.

Composition of a user message (acts in canonical order):

* informs become one sentence: a frame with the ticket head and the other slots' phrases, or a one-slot
  sentence; dontcare informs follow as a sentence of their own ("any time is fine.");
* greeting/affirm/negate open that sentence with a short lead ("no, ...") when there are informs;
* the other slotless acts follow, said together when the set has a combo sentence for them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DONTCARE
from simulators.language.templates import pick
from simulators.moviebooking.templates import compile_all, compile_table, fix_grammar
from simulators.moviebooking.user_templates import UserTemplateSet
from simulators.moviebooking.variants import render_values


def _check_frames(frames: Sequence[str]) -> tuple[str, ...]:
    for frame in frames:
        if "{head}" not in frame or "{rest}" not in frame:
            raise ValueError(f"user frame {frame!r} must contain {{head}} and {{rest}}")
    return tuple(frames)


class UserRealizer:
    """A compiled user template set; :meth:`realize` turns validated, canonically ordered acts into text."""

    def __init__(self, templates: UserTemplateSet):
        self.slotless = compile_table(templates.slotless)
        self.combos = compile_table(templates.combos)
        self.leads = {intent: tuple(texts) for intent, texts in templates.leads.items()}
        self.inform_one = compile_table(templates.inform_one)
        self.dontcare_one = compile_table(templates.dontcare_one)
        self.frames = _check_frames(templates.frames)
        self.count_heads = compile_all(templates.count_heads)
        self.plain_heads = compile_all(templates.plain_heads)
        self.phrases = compile_table(templates.phrases)
        self.shuffle_phrases = templates.shuffle_phrases
        self.varied_values = templates.varied_values

    def realize(self, acts: Sequence[DialogueAct], rng: np.random.Generator) -> str:
        values = render_values(acts, rng, self.varied_values)
        informs = [act for act in acts if act.intent == "inform"]
        slotless = [act.intent for act in acts if act.intent != "inform"]
        sentences = []
        if informs:
            leading = [intent for intent in slotless if intent in self.leads]
            slotless = [intent for intent in slotless if intent not in self.leads]
            body = self._inform_sentences(informs, values, rng)
            lead = " ".join(pick(rng, self.leads[intent]) for intent in leading)
            sentences.append(f"{lead} {body}" if lead else body)
        sentences.extend(self._slotless_sentences(slotless, rng))
        return fix_grammar(" ".join(sentences))

    def _slotless_sentences(self, intents: list[str], rng: np.random.Generator) -> list[str]:
        if not intents:
            return []
        combo = self.combos.get(tuple(intents))
        if combo is not None:
            return [pick(rng, combo).fill({})]
        return [pick(rng, self.slotless[intent]).fill({}) for intent in intents]

    def _inform_sentences(
        self, informs: list[DialogueAct], values: dict[str, str], rng: np.random.Generator
    ) -> str:
        valued = [act.slot for act in informs if act.value != DONTCARE]
        dontcare = [act.slot for act in informs if act.value == DONTCARE]
        sentences = []
        if valued:
            sentences.append(self._valued_sentence(valued, values, rng))
        if dontcare:
            sentences.append(
                " and ".join(pick(rng, self.dontcare_one[slot]).fill({}) for slot in dontcare) + "."
            )
        return " ".join(sentences)

    def _valued_sentence(self, slots: list[str], values: dict[str, str], rng: np.random.Generator) -> str:
        others = [slot for slot in slots if slot != "num_tickets"]
        if not others or (len(slots) == 1 and rng.random() < 0.5):
            return pick(rng, self.inform_one[slots[0]]).fill(values)
        heads = self.count_heads if "num_tickets" in slots else self.plain_heads
        head = pick(rng, heads).fill(values)
        if self.shuffle_phrases:
            others = [others[index] for index in rng.permutation(len(others))]
        rest = " ".join(pick(rng, self.phrases[slot]).fill(values) for slot in others)
        return pick(rng, self.frames).format(head=head, rest=rest)
