"""Template NLG of the MultiWOZ rule system: system acts -> text.

``SystemNLG(surface)`` says acts with the "train" or "test" template set
(:mod:`baselines.multiwoz.templates`); ``surface=None`` says nothing (acts-only agents, the fastest
setting). Text is *lexicalized* (values filled in) by default, or *delexicalized* with the project's
placeholders (``[name]``, ``[reference]``, ``[choice]`` ...; see :mod:`dialenv.multiwoz.ontology`) for
training and scoring end-to-end models.

Acts are said in their order, one sentence each, except that consecutive attributes of one domain are joined
into one sentence ("it serves chinese food, it is in the centre and it has free parking."), an offered name
or train id gets an introducing sentence, and all ``nooffer`` acts of a domain become one sentence listing
the constraints that found nothing. Every choice among alternative wordings goes through the
``numpy.random.Generator`` given to :meth:`SystemNLG.realize`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from baselines.multiwoz.schema import UNKNOWN
from baselines.multiwoz.templates import SYSTEM_TEMPLATE_SETS, SystemTemplateSet
from dialenv.acts import DialogueAct
from simulators.language.templates import join_items

SURFACES = tuple(SYSTEM_TEMPLATE_SETS)
#: Slotless acts said by one fixed kind of sentence.
_SENTENCE_INTENTS = frozenset({"greet", "welcome", "bye", "reqmore", "offerbook", "nobook"})
_OFFER_SLOTS = frozenset({"name", "trainid"})


class SystemNLG:
    """System acts -> text with one template set.

    Args:
        surface: ``"train"`` or ``"test"`` (which template set), or ``None`` for empty text.
        delexicalized: put ``[slot]`` placeholders in the text instead of the values.
    """

    def __init__(self, surface: str | None = "train", delexicalized: bool = False):
        if surface is not None and surface not in SYSTEM_TEMPLATE_SETS:
            raise ValueError(f"system NLG surface must be one of {SURFACES} or None, got {surface!r}")
        self.surface = surface
        self.delexicalized = delexicalized
        self._templates = SYSTEM_TEMPLATE_SETS[surface] if surface else None

    def realize(self, acts: Sequence[DialogueAct], rng: np.random.Generator) -> str:
        """The text of ``acts`` ("" without a surface). Raises ``ValueError`` for an act it cannot say."""
        if self._templates is None:
            return ""
        return _Realization(self._templates, rng.random(2 * len(acts)), self.delexicalized).say(acts)


class _Realization:
    """The sentences of one message, built act by act.

    ``draws`` are uniform numbers in [0, 1) drawn from the caller's generator in one call (cheaper than a
    call per choice); an act makes at most two choices (a nooffer: its sentence and a constraint phrase).
    """

    def __init__(self, templates: SystemTemplateSet, draws: np.ndarray, delexicalized: bool):
        self.templates = templates
        self.draws = iter(draws.tolist())
        self.delexicalized = delexicalized
        self.sentences: list[str] = []
        self.clauses: list[str] = []

    def say(self, acts: Sequence[DialogueAct]) -> str:
        nooffers: dict[str, list[DialogueAct]] = {}
        for act in acts:
            if act.intent == "nooffer":
                nooffers.setdefault(act.domain, []).append(act)
        for act in acts:
            if act.intent == "nooffer":
                group = nooffers.pop(act.domain, None)
                if group:
                    self._sentence(self._nooffer(act.domain, group))
            elif act.intent in _SENTENCE_INTENTS:
                self._sentence(self._pick(self.templates.general[act.intent]))
            elif act.intent in ("book", "offerbooked"):
                self._sentence(self._fill(self.templates.booked[act.intent], "reference", act.value))
            elif act.intent == "request":
                self._sentence(self._request(act))
            elif act.intent in ("inform", "recommend"):
                self._inform(act)
            else:
                raise ValueError(f"system NLG cannot say {act}: unknown intent {act.intent!r}")
        self._flush()
        return " ".join(self.sentences)

    def _inform(self, act: DialogueAct) -> None:
        if act.slot == "choice":
            nouns = self.templates.domain_plurals.get(act.domain, act.domain)
            self._sentence(
                self._pick(self.templates.choice).format(choice=self._value("choice", act.value), nouns=nouns)
            )
        elif act.slot in _OFFER_SLOTS and act.value != UNKNOWN:
            kind = "train" if act.slot == "trainid" else act.intent
            self._sentence(self._fill(self.templates.offer[kind], act.slot, act.value))
        elif act.slot:
            self.clauses.append(self._clause(act))
        else:
            raise ValueError(f"system NLG cannot say {act}: {act.intent} needs a slot")

    def _clause(self, act: DialogueAct) -> str:
        if act.value == UNKNOWN:
            noun = self.templates.nouns.get(act.slot, act.slot)
            return self._pick(self.templates.unknown).format(noun=noun)
        inform = self.templates.inform
        for key in (f"{act.slot}={act.value}", f"{act.domain}-{act.slot}", act.slot):
            if key in inform:
                return self._fill(inform[key], act.slot, act.value)
        noun = self.templates.nouns.get(act.slot, act.slot)
        return f"the {noun} is {self._value(act.slot, act.value)}"

    def _request(self, act: DialogueAct) -> str:
        questions = self.templates.request.get(f"{act.domain}-{act.slot}")
        if questions is None:
            raise ValueError(f"system NLG cannot say {act}: no question for {act.domain}-{act.slot}")
        return self._pick(questions)

    def _nooffer(self, domain: str, group: list[DialogueAct]) -> str:
        noun = self.templates.domain_nouns.get(domain, domain)
        phrases = []
        for act in group:
            if not act.slot:
                continue
            options = self.templates.constraints.get(
                f"{act.slot}={act.value}"
            ) or self.templates.constraints.get(act.slot)
            if options is None:  # a value outside the templates (e.g. from a learned user): say it plainly
                noun = self.templates.nouns.get(act.slot, act.slot)
                phrases.append(f"{noun} {self._value(act.slot, act.value)}")
                continue
            phrases.append(self._fill(options, act.slot, act.value))
        if not phrases:
            return self._pick(self.templates.nooffer_plain).format(noun=noun)
        return self._pick(self.templates.nooffer).format(noun=noun, constraints=join_items(phrases))

    def _sentence(self, text: str) -> None:
        self._flush()
        self.sentences.append(text)

    def _flush(self) -> None:
        if self.clauses:
            self.sentences.append(join_items(self.clauses) + ".")
            self.clauses = []

    def _fill(self, options: Sequence[str], slot: str, value: str) -> str:
        """One of ``options`` with the placeholder ``{slot}`` filled."""
        return self._pick(options).format_map({slot: self._value(slot, value)})

    def _value(self, slot: str, value: str) -> str:
        return f"[{slot}]" if self.delexicalized else value

    def _pick(self, options: Sequence[str]) -> str:
        return options[int(next(self.draws) * len(options))] if len(options) > 1 else options[0]
