"""Rule NLU for the movie-booking task, both directions: text -> dialogue acts.

Used when a party sends text without acts: :class:`UserTextNLU` reads what a user said (for the rule system
and the DST metrics), :class:`SystemTextNLU` reads what a system said (for the agenda user simulator). Values
come from :class:`~simulators.moviebooking.spotting.ValueSpotter`; intents from keyword patterns applied to
the text with the values masked out, in an order that lets longer expressions win ("i don't understand" is
not a "no", "anything else?" is not a "don't care"). Both return acts in
:func:`~simulators.moviebooking.signature.canonical_order`.

Speed: one normalization pass plus a few precompiled regexes per utterance (see
``benchmarks/bench_moviebooking_language.py``); input is cut at ``dialenv.acts.MAX_TEXT_LENGTH``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DOMAIN, DONTCARE, SLOTS
from simulators.language.spotting import blank
from simulators.moviebooking.signature import canonical_order
from simulators.moviebooking.spotting import Mention, Spotted, ValueSpotter, normalize_text
from simulators.moviebooking.values import canonical_time

#: User intents without slots, tried in this order; each match is masked before the next pattern runs.
_USER_INTENTS = (
    (
        "cant_understand",
        re.compile(
            r"\b(?:(?:don'?t|do not|didn'?t|did not) (?:understand|get (?:that|it|you)|follow)|what do you mean"
            r"|re-? ?phrase|come again|pardon|(?:say|repeat) (?:that|it) again|please repeat|sorry\s*\?"
            r"|sorry,? what)"
        ),
    ),
    (
        "request_alts",
        re.compile(
            r"\b(?:another|something else|anything else|what else|alternatives?|something different"
            r"|anything different|other (?:options?|choices?|showings?|times?|movies?|films?|theat(?:er|re)s?"
            r"|cinemas?|days?|dates?)|different (?:one|showing|time|movie|film|theat(?:er|re)|cinema|day|date))\b"
        ),
    ),
    ("greeting", re.compile(r"\b(?:hi|hello|hey|greetings|good (?:morning|afternoon|evening))\b")),
    ("thank_you", re.compile(r"\b(?:thanks|thank you|thank u|thx|cheers|appreciated?|much obliged)\b")),
    (
        "good_bye",
        re.compile(
            r"\b(?:bye|goodbye|good bye|see you|see ya|farewell|take care|that'?s all|that is all"
            r"|have a (?:good|nice|great) (?:day|night|evening))\b"
        ),
    ),
    (
        "affirm",
        re.compile(
            r"\b(?:yes|yeah|yep|yup|sure|correct|ok|okay|alright|all right|sounds (?:good|great|perfect)"
            r"|that works|works for me|perfect|exactly|absolutely|definitely|of course|that'?s right|that is right"
            r"|that'?s fine|that is fine|go ahead|please do|affirmative|i (?:confirm|agree))\b"
        ),
    ),
    (
        "negate",
        re.compile(
            r"\b(?:no|nope|nah|not|wrong|incorrect|negative|never ?mind)\b|n'?t (?:work|want)|rather not"
        ),
    ),
)

#: System intents without slots, looked for in every sentence.
_SYSTEM_SLOTLESS = (
    (
        "reqmore",
        re.compile(
            r"\b(?:anything else|something else|else i can|anything more|need anything|what else"
            r"|more i can|any other questions?)\b"
        ),
    ),
    ("greeting", re.compile(r"\b(?:hello|hi|hey|welcome|greetings|good (?:morning|afternoon|evening))\b")),
    (
        "notify_success",
        re.compile(
            r"\b(?:booked|reserved|purchased|bought|all set|done|booking (?:is )?(?:complete|confirmed)"
            r"|confirmation number|successfully)\b"
        ),
    ),
    (
        "notify_failure",
        re.compile(
            r"\b(?:sorry|unfortunately|afraid|couldn'?t|could not|can'?t find|cannot find|unable|no (?:showings?"
            r"|matches|results|luck|seats)|not available|unavailable|sold out|failed|nothing (?:matches|available))\b"
        ),
    ),
    (
        "good_bye",
        re.compile(
            r"\b(?:bye|goodbye|good bye|see you|take care|enjoy (?:the|your) (?:movie|film|show)"
            r"|have a (?:good|nice|great) (?:day|night|evening|time))\b"
        ),
    ),
)
#: Cues deciding which intent the values of a system sentence carry (checked in this order; default inform).
_SYSTEM_VALUE_CUES = (
    (
        "confirm",
        re.compile(
            r"\b(?:confirm|confirming|just to (?:check|be sure|make sure)|let me (?:make sure|check|double-check)"
            r"|did you say|you said|you want|you'?d like|you would like|you need|is that (?:right|correct)"
            r"|am i right|so that'?s|so that is)\b|\b(?:right|correct)\s*\?"
        ),
    ),
    (
        "offer",
        re.compile(
            r"\b(?:how about|what about|i found|i have|i'?ve got|we have|there is|there'?s|is playing|is showing"
            r"|playing at|showing at|i can offer|i recommend|i suggest)\b"
        ),
    ),
)
_REQUEST_NOUNS = re.compile(
    r"(?P<theatre_name>\b(?:movie theat(?:er|re)s?|theat(?:er|re)s?|cinemas?|where|venue|location)\b)"
    r"|(?P<num_tickets>\b(?:how many|number of (?:tickets|seats|people)|tickets|seats|people)\b)"
    r"|(?P<time>\b(?:what time|times?|showings?|showtimes?)\b)"
    r"|(?P<date>\b(?:which day|what day|dates?|days?|when)\b)"
    r"|(?P<movie>\b(?:movies?|films?|see|watch)\b)"
)
_QUESTION = re.compile(
    r"\?|^\s*(?:which|what|where|when|how|could you|can you|would you|please tell|tell me)\b"
)
_SENTENCE_END = re.compile(r"[.!?;]+")


def _check_expected_slot(expected_slot: str | None) -> None:
    if expected_slot is not None and expected_slot not in SLOTS:
        raise ValueError(f"expected_slot must be None or one of {SLOTS}, got {expected_slot!r}")


class UserTextNLU:
    """Parses user text into user acts (inform with values or dontcare, affirm, negate, request_alts, ...).

    Args:
        lexicon: known values of ``movie``, ``theatre_name`` and ``date`` (slot -> list of values).

    ``parse(text, expected_slot)``: ``expected_slot`` is the slot the system just asked for; it lets a bare
    value ("3", "at 7", "any is fine", "doesn't matter") be attributed. When a slot is mentioned twice, the
    later value wins (people correct themselves: "friday, no, saturday").
    """

    def __init__(self, lexicon: Mapping[str, Iterable[str]]):
        self.spotter = ValueSpotter(lexicon)

    def parse(self, text: str, expected_slot: str | None = None) -> tuple[DialogueAct, ...]:
        _check_expected_slot(expected_slot)
        spotted = self.spotter.spot(normalize_text(text), expected_slot)
        values = self._informed_values(spotted, expected_slot)
        acts = [DialogueAct("inform", DOMAIN, slot, value) for slot, value in values.items()]
        masked = spotted.masked
        for intent, pattern in _USER_INTENTS:
            masked, found = pattern.subn(blank, masked)
            if found:
                acts.append(DialogueAct(intent, DOMAIN))
        return canonical_order(acts)

    @staticmethod
    def _informed_values(spotted: Spotted, expected_slot: str | None) -> dict[str, str]:
        values: dict[str, str] = {}
        for mention in spotted.mentions:
            if mention.slot:
                values[mention.slot] = mention.value
        if expected_slot is None or expected_slot in values:
            return values
        if any(mention.slot == "" for mention in spotted.mentions):
            values[expected_slot] = DONTCARE
        elif spotted.bare_numbers and expected_slot == "num_tickets":
            values[expected_slot] = spotted.bare_numbers[0].value
        elif spotted.bare_numbers and expected_slot == "time":
            time = canonical_time(int(spotted.bare_numbers[0].value), 0, None)
            if time is not None:
                values[expected_slot] = time
        return values


class SystemTextNLU:
    """Parses system text into system acts (request, confirm, offer, select, inform, notify_*, reqmore, ...).

    Args:
        lexicon: known values of ``movie``, ``theatre_name`` and ``date`` (slot -> list of values).

    Each sentence is read on its own: a slot with several values in one sentence is a ``select``; other
    values take the sentence's cue (confirm, offer; inform when there is none); a question without values
    that names slots ("which theater and what time?") is a ``request`` for them.
    """

    def __init__(self, lexicon: Mapping[str, Iterable[str]]):
        self.spotter = ValueSpotter(lexicon)

    def parse(self, text: str) -> tuple[DialogueAct, ...]:
        spotted = self.spotter.spot(normalize_text(text))
        acts: list[DialogueAct] = []
        start = 0
        for end_match in _SENTENCE_END.finditer(spotted.masked):
            acts.extend(self._sentence_acts(spotted, start, end_match.end()))
            start = end_match.end()
        acts.extend(self._sentence_acts(spotted, start, len(spotted.masked)))
        return canonical_order(acts)

    @staticmethod
    def _sentence_acts(spotted: Spotted, start: int, end: int) -> list[DialogueAct]:
        sentence = spotted.masked[start:end]
        if not sentence.strip():
            return []
        acts = []
        for intent, pattern in _SYSTEM_SLOTLESS:
            sentence, found = pattern.subn(blank, sentence)
            if found:
                acts.append(DialogueAct(intent, DOMAIN))
        mentions = [m for m in spotted.mentions if m.slot and start <= m.start < end]
        if mentions:
            acts.extend(_value_acts(mentions, sentence))
        elif _QUESTION.search(sentence):
            acts.extend(
                DialogueAct("request", DOMAIN, match.lastgroup or "")
                for match in _REQUEST_NOUNS.finditer(sentence)
            )
        return acts


def _value_acts(mentions: list[Mention], sentence: str) -> list[DialogueAct]:
    """Acts for the values of one system sentence: select for a slot with several values, else the cue's intent."""
    by_slot: dict[str, list[str]] = {}
    for mention in mentions:
        if mention.value not in by_slot.setdefault(mention.slot, []):
            by_slot[mention.slot].append(mention.value)
    intent = next((name for name, cue in _SYSTEM_VALUE_CUES if cue.search(sentence)), "inform")
    acts = []
    for slot, values in by_slot.items():
        slot_intent = "select" if len(values) > 1 else intent
        acts.extend(DialogueAct(slot_intent, DOMAIN, slot, value) for value in values)
    return acts
