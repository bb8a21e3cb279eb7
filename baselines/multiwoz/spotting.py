"""Value spotting for the MultiWOZ user-text NLU: which values a user utterance mentions, and where.

Values are found in a fixed order, each step masking what it consumed so that later steps cannot misread it:

1. parking and internet ("free parking", "no wifi", "where i can park"), first, so that "park" is not read
   as the attraction type, and names that are everyday words, only after "called", "named" ...;
2. lexicon phrases (:mod:`baselines.multiwoz.lexicon`: names, stations, cuisines, areas, price ranges,
   types, days), longest first, with one precompiled trie-shaped regex;
3. clock times ("17:15", "5pm", "5:30 p.m.", "noon"), as ``HH:MM``, with the cue before them ("leave after",
   "arrive by", "at") saying whether they are a departure or an arrival time;
4. counts with their noun: stars ("4 star"), nights ("3 nights"), people ("6 people", "party of 4",
   "just me");
5. "don't care" phrases ("any area", "doesn't matter", "no preference"), given the slot their clause names;
6. remaining bare numbers, for the caller to attribute to the slot the system just asked for.

Text is first brought to one spelling (:func:`normalize_text`): lower case, corpus tokenization undone
("do n't" -> "don't", "king 's" -> "king's", "wi - fi" -> "wi-fi"), "&" as "and".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from baselines.multiwoz.lexicon import Lexicon, Meaning
from dialenv.acts import MAX_TEXT_LENGTH
from simulators.language.numbers import word_values
from simulators.language.spotting import alternatives, clause_bounds, mask
from simulators.language.times import CLOCK, NOON, NOON_HOURS

#: Counts in words, with the ways users say one and two ("a single room", "a couple of nights").
NUMBER_WORDS = {**word_values(1, 12), "a single": 1, "a couple of": 2, "a couple": 2}
_NUMBER = rf"(?P<n>\d{{1,2}}|{alternatives(NUMBER_WORDS)})"

_TIME_PATTERNS = (
    re.compile(r"(?<![\w:.])(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<mer>[ap])\.?m\b\.?"),
    re.compile(r"(?<![\w:.])(?P<h>\d{1,2})\s*(?P<mer>[ap])\.?m\b\.?"),
    re.compile(CLOCK),
    re.compile(NOON),
)
#: Words before a time that say what it is; the last strong cue wins ("leave the hotel by 5" leaves at 5).
_TIME_CUES = re.compile(
    r"(?P<arriveby>\barriv\w*|\bget(?:s|ting)? (?:there|in|into|to)\b|\bbe there\b|\breach\w*)"
    r"|(?P<leaveat>\bleav\w*|\bdepart\w*|\bpick(?:ed)? (?:me |us )?up\b|\bafter\b|\blater than\b|\bfrom\b"
    r"|\bnot before\b|\bno earlier than\b)"
    r"|(?P<by>\bby\b|\bbefore\b|\buntil\b|\bno later than\b)"
)

_COUNT_PATTERNS = (
    ("stars", re.compile(rf"(?<![\w:.]){_NUMBER}[\s-]*stars?\b")),
    ("stars", re.compile(rf"\b(?:star rating of|rated|rating of)\s+{_NUMBER}(?![\w:])")),
    ("stay", re.compile(rf"(?<![\w:.]){_NUMBER}\s+(?:nights?|days?)\b")),
    ("stay", re.compile(rf"\bstay(?:ing)?\s+(?:for\s+)?{_NUMBER}(?![\w:])")),
    (
        "people",
        re.compile(
            rf"(?<![\w:.]){_NUMBER}(?:\s+\w+)?\s+(?:people|persons?|guests?|adults?|of us|tickets?|seats?"
            r"|travell?ers|passengers|diners)\b"
        ),
    ),
    (
        "people",
        re.compile(
            rf"\b(?:party|group|table|booking|reservation|tickets?|seats?|room|book(?: it)?)\s+(?:of|for)\s+{_NUMBER}"
            r"(?![\w:])"
        ),
    ),
    (
        "people",
        re.compile(
            rf"\bfor\s+{_NUMBER}(?!\w|\s*(?::|\.\d|[ap]\.?m\b|o'clock|nights?\b|days?\b|stars?\b|of\b|\d))"
        ),
    ),
    (
        "people",
        re.compile(
            r"\b(?P<one>just (?:for )?(?:me|myself)|only (?:for )?(?:me|myself)|by myself|for myself)\b"
        ),
    ),
)
_BARE_NUMBER = re.compile(rf"(?<![\w:.]){_NUMBER}(?![\w:])")

_YES_NO = (
    (
        "parking",
        re.compile(
            r"\b(?:free\s+)?(?:parking(?: spots?| spaces?)?|car park|place to park|park my car"
            r"|(?:where|somewhere) (?:i|we) can park)\b"
        ),
    ),
    ("internet", re.compile(r"\b(?:free\s+)?(?:wi-?fi|wi fi|internet|wireless)(?:\s+access)?\b")),
)
_NEGATED = re.compile(
    r"(?:\bno|\bwithout|n't (?:need|want|require)|\bnot (?:need|want|require)|\bnot)(?: \w+){0,2}\s*$"
)
_YES_NO_DONTCARE_BEFORE = re.compile(
    r"(?:don't|do not|doesn't|does not) (?:really )?(?:care|mind) about (?:the )?$"
)
_YES_NO_DONTCARE = re.compile(
    r"^\s*(?:is|are)?\s*(?:not important|doesn't matter|does not matter|is optional)"
)

#: Nouns that name a slot inside a "don't care" clause.
_SLOT_NOUNS = (
    ("area", r"area|part of (?:town|the city)|location|where|side of town|neighbou?rhood"),
    ("pricerange", r"price(?: range)?|cost|budget"),
    ("food", r"food|cuisine"),
    ("type", r"type|kind|sort"),
    ("stars", r"stars?|star rating|rating"),
    ("parking", r"parking"),
    ("internet", r"internet|wi-?fi"),
    ("arriveby", r"arriv\w*"),
    ("leaveat", r"leav\w*|depart\w*|time|when"),
    ("day", r"day"),
)
_NOUN_PATTERN = re.compile("|".join(f"(?P<{slot}>\\b(?:{nouns})\\b)" for slot, nouns in _SLOT_NOUNS))
#: "any area", "whatever price range", "any departure time": the noun names the slot.
_ANY_NOUNS = (
    ("area", r"area|part of (?:town|the city)|location|side of town|neighbou?rhood"),
    ("pricerange", r"price(?: range)?"),
    ("food", r"food|cuisine"),
    ("type", r"type|kind|sort"),
    ("stars", r"stars?|star rating|rating"),
    ("arriveby", r"arrival time"),
    ("leaveat", r"departure time|time"),
    ("day", r"day"),
)
_ANY_NOUN = re.compile(
    r"\b(?:any|whatever|whichever)(?!\s+(?:other|more|else|of them)\b)\s+(?:[\w']+\s+)?(?:"
    + "|".join(f"(?P<{slot}>\\b(?:{nouns})\\b)" for slot, nouns in _ANY_NOUNS)
    + ")"
)
_DONTCARE_WORDS = (
    ("area", re.compile(r"\b(?:anywhere|wherever)\b")),
    ("leaveat", re.compile(r"\banytime\b")),
)
_DONTCARE_PHRASE = re.compile(
    r"\b(?:(?:i )?(?:don't|do not) (?:really )?(?:care|mind)|(?:it )?(?:doesn't|does not|don't) (?:really )?matter"
    r"|(?:i )?(?:really )?(?:don't|do not) (?:really )?have (?:a |any )?(?:particular |specific )?preference"
    r"|no (?:real |particular |specific )?preference"
    r"|not (?:picky|fussy|important|particular)|(?:i'm |i am )?flexible|either (?:is fine|way|works|one)"
    r"|up to you|whatever|any(?:thing| one)? (?:is|will be) (?:fine|ok|okay)|any(?:thing| one)? (?:will do|works)"
    r"|anything'?s fine|unimportant|(?:eat|try) anything|open to anything|anything goes|(?:is )?no object)\b"
)
_CLAUSE_BREAK = re.compile(r"[,.;!?]| but | and ")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_TOKENIZED = ((re.compile(r"(?<=\w) (?='|n't\b)"), ""), (re.compile(r"(?<=\w) - (?=\w)"), "-"))
_SPACES = re.compile(r"\s+")


class Mention(NamedTuple):
    """A value found in the text.

    ``meanings`` lists what the phrase can mean (several for ambiguous phrases); ``cue`` is, for times,
    ``leaveat``/``arriveby``/``""`` from the words before them.
    """

    meanings: tuple[Meaning, ...]
    start: int
    end: int
    cue: str = ""


class Spotted(NamedTuple):
    """Mentions in text order, bare numbers (``Meaning("number", "", "3")``), the normalized text and the
    same text with every mention masked."""

    mentions: tuple[Mention, ...]
    bare_numbers: tuple[Mention, ...]
    text: str
    masked: str


def normalize_text(text: str) -> str:
    """Lower case, one apostrophe, corpus tokenization undone, ``&`` as ``and``, single spaces."""
    text = text[:MAX_TEXT_LENGTH].lower().translate(_APOSTROPHES).replace("&", " and ")
    for pattern, replacement in _TOKENIZED:
        text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", text).strip()


def _number(raw: str) -> int:
    return NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)


def _time(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("noon"):
        return f"{NOON_HOURS[groups['noon']]:02d}:00"
    hour, minute = int(groups["h"]), int(groups.get("m") or 0)
    meridiem = groups.get("mer")
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _time_cue(before: str) -> str:
    """``leaveat``/``arriveby`` from the cue words before a time, or ``""`` (e.g. "at 18:00")."""
    strong = ""
    weak = ""
    for match in _TIME_CUES.finditer(before):
        if match.lastgroup == "by":
            weak = "arriveby"
        else:
            strong = match.lastgroup or ""
    return strong or weak


class ValueSpotter:
    """Finds values in normalized text, given the phrase lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = {**lexicon.guarded, **lexicon.phrases}
        self._phrases = re.compile(rf"(?<![\w'])(?:{alternatives(lexicon.phrases)})(?![\w'])")
        self._guarded = re.compile(
            rf"\b(?:called|named|name is|name of|by the name of)\s+(?P<name>{alternatives(lexicon.guarded)})(?![\w'])"
        )

    def spot(self, text: str) -> Spotted:
        chars = list(text)
        mentions: list[Mention] = []

        def take(meanings: tuple[Meaning, ...], start: int, end: int, cue: str = "") -> None:
            mentions.append(Mention(meanings, start, end, cue))
            mask(chars, start, end)

        for slot, pattern in _YES_NO:
            for match in pattern.finditer(text):
                value = "yes"
                if _NEGATED.search(text[max(0, match.start() - 30) : match.start()]):
                    value = "no"
                if _YES_NO_DONTCARE.match(
                    text[match.end() : match.end() + 30]
                ) or _YES_NO_DONTCARE_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
                    value = "dontcare"
                take((Meaning(slot, "hotel", value),), *match.span())
        for match in self._guarded.finditer("".join(chars)):
            take(self.lexicon[match.group("name")], *match.span("name"))
        for match in self._phrases.finditer("".join(chars)):
            take(self.lexicon[match.group()], match.start(), match.end())
        for pattern in _TIME_PATTERNS:
            for match in pattern.finditer("".join(chars)):
                value = _time(match)
                if value is not None:
                    cue = _time_cue(text[max(0, match.start() - 30) : match.start()])
                    take((Meaning("time", "", value),), match.start(), match.end(), cue)
        for slot, pattern in _COUNT_PATTERNS:
            for match in pattern.finditer("".join(chars)):
                count = 1 if "one" in pattern.groupindex and match.group("one") else _number(match.group("n"))
                if count > 0 or slot == "stars":
                    take(
                        (Meaning(slot, "hotel" if slot in ("stars", "stay") else "", str(count)),),
                        *match.span(),
                    )
        self._dontcares(chars, take)
        masked = "".join(chars)
        bare = tuple(
            Mention((Meaning("number", "", str(_number(match.group("n")))),), *match.span())
            for match in _BARE_NUMBER.finditer(masked)
        )
        mentions.sort(key=lambda mention: mention.start)
        return Spotted(tuple(mentions), bare, text, masked)

    @staticmethod
    def _dontcares(chars: list[str], take: Callable[..., None]) -> None:
        """Dontcare mentions; one that names no slot has the kind ``dontcare`` and an empty value (the caller
        gives it to the slot it asked for), unless its clause holds a value ("i don't mind the parking")."""
        for match in _ANY_NOUN.finditer("".join(chars)):
            take((Meaning(match.lastgroup or "", "", "dontcare"),), *match.span())
        for slot, pattern in _DONTCARE_WORDS:
            for match in pattern.finditer("".join(chars)):
                take((Meaning(slot, "", "dontcare"),), *match.span())
        masked = "".join(chars)
        for match in _DONTCARE_PHRASE.finditer(masked):
            start, end = clause_bounds(masked, match.start(), match.end(), _CLAUSE_BREAK)
            nouns = [noun for noun in _NOUN_PATTERN.finditer(masked, start, end) if "_" not in noun.group()]
            for noun in nouns:
                take((Meaning(noun.lastgroup or "", "", "dontcare"),), *noun.span())
            if not nouns and "_" not in masked[start:end]:  # a value in the clause is what it is about
                take((Meaning("dontcare", "", ""),), *match.span())
