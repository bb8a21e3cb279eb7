"""Template NLG of the MultiWOZ user simulator: user acts -> text, with a "train" and a "test" surface.

A message is composed sentence by sentence, per domain in the order the acts name them:

* the valued constraints of a domain form one sentence: an *opening* the first time the user talks about
  the domain ("i am looking for a guesthouse in the north with free wifi."), a *continuation* later
  ("it should be in the cheap price range."); a ``type`` value becomes the noun ("a guesthouse");
* booking values form a booking sentence ("please book a table for 4 people at 17:30 on monday.");
* each ``dontcare`` is a sentence of its own ("any area is fine.");
* requests of a domain are asked together ("can you tell me the phone number and postcode?"); a request
  for the ``name`` asks for a suggestion;
* ``thank``/``bye``/``greet`` come last, said together when the set has a sentence for the combination.

The wording comes from :mod:`simulators.multiwoz.user_templates`; every choice goes through the
``numpy.random.Generator`` passed to :meth:`UserNLG.realize`, so text is reproducible.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np

from dialenv.acts import DialogueAct
from simulators.language.numbers import NUMBER_WORDS
from simulators.language.templates import join_items, pick
from simulators.language.times import twelve_hour
from simulators.multiwoz.user_templates import USER_TEMPLATE_SETS, UserTemplateSet

SURFACES = tuple(USER_TEMPLATE_SETS)
DONTCARE = "dontcare"
_BOOKING_SLOTS = frozenset({"people", "time", "stay"})
_GENERAL = ("thank", "bye", "greet")
_TYPED = frozenset({"hotel", "attraction"})  # domains where a ``type`` value names what is sought
_TRAVEL = frozenset({"train", "taxi"})
# The order constraint phrases take when a surface does not shuffle them.
_PHRASE_ORDER = (
    "name",
    "type",
    "food",
    "pricerange",
    "area",
    "stars",
    "internet",
    "parking",
    "departure",
    "destination",
    "day",
    "leaveat",
    "arriveby",
    "department",
)
#: Counts up to this are said in words on a surface with varied values ("four people").
_LAST_NUMBER_WORD = 10


def is_booking_slot(domain: str, slot: str) -> bool:
    """Whether ``slot`` is a booking value in ``domain`` (``day`` is a search constraint of trains)."""
    return slot in _BOOKING_SLOTS or (slot == "day" and domain not in _TRAVEL)


class UserNLG:
    """User acts -> text with the ``"train"`` or ``"test"`` wording (see the module docstring)."""

    def __init__(self, surface: str = "train") -> None:
        if surface not in USER_TEMPLATE_SETS:
            raise ValueError(f"user NLG surface must be one of {SURFACES}, got {surface!r}")
        self.surface = surface
        self.templates: UserTemplateSet = USER_TEMPLATE_SETS[surface]

    def realize(
        self, acts: Iterable[DialogueAct], rng: np.random.Generator, introduced: Collection[str] = ()
    ) -> str:
        """The text of ``acts``; ``introduced`` lists the domains the user has already talked about."""
        informs: dict[str, list[DialogueAct]] = {}
        requests: dict[str, list[str]] = {}
        general = []
        for act in acts:
            if act.intent == "inform" and act.slot:
                informs.setdefault(act.domain, []).append(act)
            elif act.intent == "request" and act.slot:
                requests.setdefault(act.domain, []).append(act.slot)
            elif act.intent in _GENERAL:
                general.append(act.intent)
            else:
                raise ValueError(
                    f"the MultiWOZ user NLG cannot say {act}: use inform, request, thank, bye, greet"
                )
        sentences = []
        for domain, domain_acts in informs.items():
            sentences += self._informs(domain, domain_acts, domain in introduced, rng)
        for domain, slots in requests.items():
            sentences.append(self._request(domain, slots, rng))
        if general:
            sentences += self._general(general, rng)
        return " ".join(sentences)

    # ------------------------------------------------------------------ parts
    def _informs(
        self, domain: str, acts: list[DialogueAct], introduced: bool, rng: np.random.Generator
    ) -> list[str]:
        t = self.templates
        search = [a for a in acts if a.value != DONTCARE and not is_booking_slot(domain, a.slot)]
        booking = [a for a in acts if a.value != DONTCARE and is_booking_slot(domain, a.slot)]
        sentences = []
        if search:
            sentences.append(self._constraints(domain, search, introduced, rng))
        if booking:
            phrases = [
                pick(rng, t.booking_phrases[a.slot]).format(value=self._value(a.slot, a.value, rng))
                for a in booking
            ]
            sentences.append(pick(rng, t.bookings[domain]).format(phrases=self._join(phrases)))
        for act in acts:
            if act.value == DONTCARE:
                options = t.dontcare.get(act.slot)
                if options is None:
                    noun = t.request_nouns.get(act.slot, act.slot)
                    options = [text.format(noun=noun) for text in t.dontcare_any]
                sentences.append(pick(rng, options))
        return sentences

    def _constraints(
        self, domain: str, acts: list[DialogueAct], introduced: bool, rng: np.random.Generator
    ) -> str:
        t = self.templates
        noun = ""
        if not introduced:
            typed = next((a for a in acts if a.slot == "type" and domain in _TYPED), None)
            if typed is not None and typed.value in t.type_nouns:
                noun = pick(rng, t.type_nouns[typed.value])
                acts = [a for a in acts if a is not typed]
            else:
                noun = pick(rng, t.nouns[domain])
        if t.shuffle:
            acts = [acts[index] for index in rng.permutation(len(acts))]
        else:
            acts = sorted(acts, key=lambda a: _PHRASE_ORDER.index(a.slot) if a.slot in _PHRASE_ORDER else 99)
        phrases = [self._phrase(domain, act, rng) for act in acts]
        if introduced:
            kind = "travel" if domain in _TRAVEL else "hospital" if domain == "hospital" else "venue"
            return pick(rng, t.continuations[kind]).format(phrases=self._join(phrases))
        text = pick(rng, t.openings[domain]).format(noun=noun, phrases=self._join(phrases))
        return text.replace(" .", ".").replace(" ?", "?").replace(" ,", ",")

    def _phrase(self, domain: str, act: DialogueAct, rng: np.random.Generator) -> str:
        phrases = self.templates.phrases
        options = (
            phrases.get(f"{act.slot}={act.value}")
            or phrases.get(f"{domain}-{act.slot}")
            or phrases.get(act.slot)
            or ["with {value}"]
        )
        if act.slot == "type" and act.value in self.templates.type_nouns:
            return f"that is {pick(rng, self.templates.type_nouns[act.value])}"
        return pick(rng, options).format(value=self._value(act.slot, act.value, rng))

    def _request(self, domain: str, slots: list[str], rng: np.random.Generator) -> str:
        t = self.templates
        if slots == ["name"]:
            noun = pick(rng, t.nouns.get(domain, ["one"]))
            return pick(rng, t.suggest).format(noun=noun)
        nouns = [t.request_nouns.get(f"{domain}-{slot}") or t.request_nouns.get(slot, slot) for slot in slots]
        return pick(rng, t.requests).format(nouns=join_items(nouns), the=t.the.get(domain, "it"))

    def _general(self, intents: list[str], rng: np.random.Generator) -> list[str]:
        combined = self.templates.general.get(tuple(intents))
        if combined:
            return [pick(rng, combined)]
        return [pick(rng, self.templates.general[(intent,)]) for intent in intents]

    # ------------------------------------------------------------------ values
    def _value(self, slot: str, value: str, rng: np.random.Generator) -> str:
        """How a value is said: verbatim, or (test surface) a time in 12-hour form or a small count in words."""
        if not self.templates.varied_values or rng.random() < 0.5:
            return value
        if slot in ("leaveat", "arriveby", "time") and len(value) == 5 and value[2] == ":":
            clock_hour, meridiem = twelve_hour(int(value[:2]))
            return f"{clock_hour}:{value[3:]} {meridiem}"
        if slot in ("people", "stay") and value.isdigit() and int(value) <= _LAST_NUMBER_WORD:
            return NUMBER_WORDS[int(value)]
        return value

    def _join(self, phrases: list[str]) -> str:
        return join_items(phrases) if self.templates.shuffle else " ".join(phrases)
