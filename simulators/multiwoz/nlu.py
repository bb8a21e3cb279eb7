"""Rule NLU for MultiWOZ system utterances: text -> system acts, for parties that send text without acts.

The agenda user reads system acts; when an environment runs at ``level="text"`` it gets only the system's
words and parses them here (the environment also uses this NLU to evaluate text-only systems). The
output has the form of the corpus acts: ``request(hotel, area)``, ``inform(restaurant, name, nandos)``,
``recommend``, ``select``, ``nooffer(restaurant, food, catalan)``, ``nobook(booking)``,
``book(booking, reference, 7gaw3ke2)``, ``offerbook(train)``, ``offerbooked(train, reference, ...)``,
``inform(booking)`` (an offer to book a venue), ``reqmore``/``welcome``/``bye``/``greet`` (general).

How a message is read:

1. **values** - database and ontology values by lexicon lookup (:mod:`simulators.multiwoz.lexicon`),
   and pattern values: times, phone numbers, postcodes, train ids, booking references (after "reference",
   "confirmation" ...), prices, durations, people, nights, stars, counts of matches, wifi/parking,
   addresses (after "address is", "located at" ...); a station or taxi endpoint is a departure or a
   destination by the words before it ("from", "to", "leaving" ...), a time an arrival, departure or
   booking time likewise;
2. **sentences** - each sentence gets a domain (its keywords, else its venue names, else the previous
   sentence's, else the ``active_domain`` the caller knows); closing phrases become general acts; a
   question naming attributes ("which area and price range?") is a request; cue phrases decide what the
   values of a sentence do: not found (``nooffer``), booking failed (``nobook``), booked (``book``),
   offered for booking, recommended ("how about", "i recommend"), alternatives ("x or y?": ``select``),
   else plain ``inform``.

It is written for the rule system's template NLG (both surfaces) and tested on the corpus's system turns,
where it reaches the act-level F1 printed by ``tests/multiwoz/test_user_language.py``. Input is cut at
``dialenv.acts.MAX_TEXT_LENGTH``; a message costs a few hundred microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dialenv.acts import MAX_TEXT_LENGTH, DialogueAct
from dialenv.multiwoz.normalize import normalize_value
from simulators.language.numbers import word_values
from simulators.language.spotting import blank, mask
from simulators.multiwoz.lexicon import GUARDED_NAMES, Lexicon, Mention, clean_text, default_lexicon, spot

_NUMBER = rf"(\d+|{'|'.join(word_values(1, 10))})"
_WORDS = {word: str(number) for word, number in word_values(0, 10).items()}
_VENUES = ("restaurant", "hotel", "attraction")
_TRAVEL = ("train", "taxi")

# ---------------------------------------------------------------------------- values found by patterns
_PATTERN_VALUES = (
    (
        "reference",
        re.compile(
            r"\b(?:reference|ref|confirmation|booking)(?: number| code| no| id)?(?: is| will be| of|:)?\s*:?\s*#?\s*"
            r"(?!number\b|code\b)([a-z0-9]{8})\b"
        ),
    ),
    ("trainid", re.compile(r"\b(tr\s?\d{4})\b")),
    ("phone", re.compile(r"(?<![\d.])(0\d{9,10})\b")),
    ("postcode", re.compile(r"\b(cb\s?\d{1,2}\s?\d\s?[a-z]{2})\b")),
    (
        "time",
        re.compile(
            r"\b(\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?)(?!\s*(?:pounds?|gbp))"
        ),
    ),
    ("money", re.compile(r"(?:\b|£)(\d+(?:\.\d{1,2})?\s*(?:pounds?|gbp)|£\s?\d+(?:\.\d{1,2})?)")),
    ("duration", re.compile(r"\b(\d+\s*(?:minutes|mins))\b")),
    ("stay", re.compile(rf"\b{_NUMBER}\s+nights?\b")),
    ("stars", re.compile(rf"\b{_NUMBER}[\s-]*stars?\b")),
    (
        "people",
        re.compile(
            rf"\b{_NUMBER}\s+(?:people|persons?|guests|tickets?|seats?|passengers|adults)\b"
            rf"|\b(?:party|group|table) of {_NUMBER}\b|\bfor {_NUMBER}(?= at | on |\s*[.,?!]|$)"
        ),
    ),
    (
        "choice",
        re.compile(
            rf"\b(?:there (?:are|is)|i (?:have|found|see)|we have|i've found|we've got|i've got|has|about|all|only"
            rf"|other) "
            rf"({_NUMBER[1:-1]}|several|many|a few|lots|plenty|multiple|a number)\b"
            rf"|\b(\d+) (?:[a-z]+ ){{0,2}}(?:restaurants|hotels|guest ?houses|places|attractions|trains|options|results"
            rf"|matches|entries|colleges|museums)\b"
        ),
    ),
    (
        "address",
        re.compile(
            r"\b(?:address is|address:|located (?:at|on)|find it at|it is at|it's at)\s+([^.!?;]+?)"
            r"(?=\s*(?:[.!?;]|,? and |, (?:postcode|phone|the|it|they|their)\b|$))"
        ),
    ),
    (
        "entrancefee",
        re.compile(
            r"\b(?:entrance fee|admission|entry(?: fee)?|it costs|costs)(?: is| costs)?\s+(free)\b"
            r"|\b(free) (?:of charge|entrance|admission|entry|to (?:enter|visit|get in))\b|\bno entrance fee\b"
        ),
    ),
    ("internet", re.compile(r"\b(?:(?:no|free) )?(?:wifi|wi-fi|internet)\b")),
    ("parking", re.compile(r"\b(?:(?:no|free) )?parking\b|\bpark there\b")),
    (
        "hoteltype",
        re.compile(
            r"\b(?:is|as|be) an? (?:(?:\d|one|two|three|four|five)[ -]star |nice |lovely |great )?(hotel)\b"
        ),
    ),
)
#: Read after the lexicon, so that names and stations ("birmingham new street") win over them.
_LATE_PATTERN_VALUES = (
    (
        "address",
        re.compile(
            r"\b((?:\d+[a-z]?\s+)?(?:[a-z']+\s+){0,3}(?:road|street|lane|avenue|way|hill|parade|square|drive|close"
            r"|row|court|passage|gate|terrace|grove)\b(?:\s*,?\s*(?:city centre|cherry hinton|fen ditton|chesterton"
            r"|newnham|girton|trumpington|cambridge))?)"
        ),
    ),
)
_NEGATED = re.compile(r"\b(?:no|without|not|lacks|doesn't|does not|don't|isn't|can't|cannot)\b[^.,;]{0,12}$")
_NEGATED_AFTER = re.compile(r"^\s*(?:is|are)?\s*(?:not|n't)\b")

# ---------------------------------------------------------------------------- cues
_GENERAL = (
    (
        "welcome",
        re.compile(
            r"\b(?:you(?:'re| are) (?:very |most )?welcome|my pleasure|glad (?:i could|to|that i could) (?:help|assist)"
            r"|happy to (?:help|assist)|no problem)\b"
        ),
    ),
    (
        "bye",
        re.compile(
            r"\b(?:good ?bye|bye|have a (?:nice|great|good|wonderful|lovely|pleasant|fantastic|safe) "
            r"(?:day|time|trip|stay|evening|night|meal|visit|weekend|journey)|enjoy (?:your|the) "
            r"(?:trip|stay|meal|time|visit|dinner|day|evening|journey|show)|take care|safe travels"
            r"|thanks? (?:you )?for (?:using|contacting|calling|choosing))\b"
        ),
    ),
    (
        "reqmore",
        re.compile(
            r"\b(?:anything else|something else|anything more|else (?:i|we) can|help (?:you )?with anything|what else"
            r"|any other (?:questions?|information|info|requests?)|(?:help|assistance) with anything|anything further"
            r"|more i can (?:do|help))\b"
        ),
    ),
    (
        "greet",
        re.compile(
            r"\b(?:hello|hi there|greetings|welcome to|how (?:can|may) i (?:help|assist)|what can i do for you"
            r"|what are you looking for)\b|^(?:hi|hey)\b"
        ),
    ),
)
_NOBOOK = re.compile(
    r"\b(?:booking (?:was |is )?(?:unsuccessful|not successful|failed)|unsuccessful|(?:couldn't|could not|can't|cannot"
    r"|was unable to|am unable to|unable to|wasn't able to|not able to|were unable to) (?:make|complete|book|reserve"
    r"|process|get)|fully booked|no (?:availability|vacanc(?:y|ies)|rooms? available|tables? available)"
    r"|(?:didn't|did not) go through|booking failed|not (?:available|possible)|unavailable)\b"
)
_NOOFFER = re.compile(
    r"\b(?:there (?:are|is|were|was) no|there's no|there (?:aren't|isn't) any|no (?:match(?:es|ing)?|results?|options?"
    r"|such|entries|listings?|[a-z _]{1,40}? (?:fits|matches|available|like that|that match))"
    r"|(?:couldn't|could not|can't|cannot|can not|wasn't able to|was unable to|am unable to|unable to|not able to)"
    r" (?:find|locate|see)|(?:don't|do not|didn't|did not) (?:have|see|find|show) any|nothing (?:matches|fits|that"
    r"|like that|available)|not (?:finding|seeing) any|none (?:that|of them|matching))\b"
)
_BOOKED = re.compile(
    r"\b(?:booked|reserved|(?:was|were) able to (?:book|reserve)|booking (?:was|is) (?:successful|complete|confirmed)|successfully|all set"
    r"|(?:have|i've) made (?:the|a|your) (?:booking|reservation)|booking (?:is )?complete|confirmation code)\b"
)
_OFFERBOOK = re.compile(
    r"\b(?:would you like (?:me )?to (?:book|reserve|make)|shall i (?:book|reserve|make|go ahead)|should i (?:book"
    r"|reserve|go ahead)|(?:do|would) you want me to (?:book|reserve|make)|want me to (?:book|reserve)"
    r"|like (?:for )?me to (?:book|reserve|make)|(?:can|may) i (?:book|reserve)|help you (?:with )?(?:book|reserv)\w*"
    r"|want to (?:book|reserve)|would you like (?:a |some )?(?:tickets?|reservation"
    r"|booking|seats?)|would you like to (?:make|go ahead|book|reserve)|(?:book|reserve) (?:it|them|tickets?|seats)"
    r" for you)\b"
)
_ACCEPTABLE = re.compile(  # asking whether an offered train suits: an offer to book it
    r"\b(?:(?:would|will|does|do) (?:that|this|it|these|those) (?:work|suit|be (?:ok|okay|alright|acceptable)"
    r"|sound good)|i can book|will you book|(?:need|want) (?:train )?tickets)\b"
)
_RECOMMEND = re.compile(
    r"\b(?:recommend|suggest|how about|what about|you might (?:like|enjoy)|(?:is|would be) a (?:good|great|nice)"
    r" (?:option|choice)|my (?:favou?rite|recommendation|choice)|try|would you like to (?:try|visit)|i would go with"
    r"|is a (?:great|good|nice|lovely|popular|wonderful|fantastic|fun) (?:place|option|choice|one|spot)"
    r"|is (?:very )?popular|you(?:'d| would|'ll| will) (?:enjoy|love|like))\b"
)
_QUESTION = re.compile(
    r"\?|^\s*(?:would|do|does|can|could|shall|should|what|which|how|when|where|is there|are there|did|will)\b"
)
_OR = re.compile(r"\bor\b")
_WHEN = re.compile(r"\bwhen\b")
_TIMEISH = re.compile(r"\b(?:departure|arrival|pick ?up) time\b")
_UNKNOWN = re.compile(
    r"\b(?:(?:don't|do not) (?:know|have)|(?:isn't|is not|aren't|are not) (?:listed|known)|(?:don't|do not) show"
    r"|no information (?:on|about)|(?:is|are) unknown)\b"
)

_DOMAIN_WORDS = (
    ("restaurant", r"restaurants?|places? to eat|eat|dine|dining|food|cuisine|tables?|meal|dinner|lunch"),
    (
        "hotel",
        r"hotels?|guest ?houses?|places? to stay|accommodations?|lodging|rooms?|stay|nights?|b and b|bed and breakfast",
    ),
    ("attraction", r"attractions?|entrance fee|admission|visit|sights?|things to do"),
    ("train", r"trains?|tickets?|railway|station|journey|travel time|seats"),
    ("taxi", r"taxi|cab|car|driver|pick you up|picked up|pick up"),
    ("hospital", r"hospital|department"),
    ("police", r"police"),
)
_DOMAIN = re.compile("|".join(rf"(?P<{domain}>\b(?:{words})\b)" for domain, words in _DOMAIN_WORDS))

# Attributes named in a question (a request) or before a value (an inform of a free-text attribute).
_ATTRIBUTES = re.compile(
    r"(?P<area>\b(?:area|part of (?:the )?(?:town|city)|side of (?:town|the city)|where in (?:the )?(?:town|city)"
    r"|location|located)\b)"
    r"|(?P<pricerange>\b(?:price ?range|how much|budget|cheap, moderate|cheap or expensive)\b)"
    r"|(?P<food>\b(?:type of food|kind of food|food|cuisine)\b)"
    r"|(?P<type>\b(?:hotel,? or (?:rather )?(?:a )?(?:guest ?house|_+)|(?:guest ?house|_+) or (?:a )?hotel"
    r"|(?:type|kind|sort) of (?:attraction"
    r"|lodging|accommodation|place|hotel)|what (?:type|kind|sort)|lodging)\b)"
    r"|(?P<stars>\b(?:stars?|star rating|rating)\b)"
    r"|(?P<parking>\bparking\b)"
    r"|(?P<internet>\b(?:internet|wifi|wi-fi)\b)"
    r"|(?P<name>\b(?:(?:particular|specific) (?:restaurant|hotel|guest ?house|place|one|attraction|name)"
    r"|(?:restaurant|hotel|guest ?house|place|one|attraction|name) in mind"
    r"|what is the name|name of the|what (?:restaurant|hotel|attraction) are you)\b)"
    r"|(?P<stay>\b(?:how many (?:nights|days)|how long|nights|length of (?:your )?stay|(?:shorter|longer) stay"
    r"|amount of days|days would you like to stay)\b)"
    r"|(?P<people>\b(?:how many (?:people|guests|persons|tickets|seats|passengers|of you)|for how many(?! nights| days)|how big"
    r"|party|number of (?:people|guests|tickets))\b)"
    r"|(?P<day>\b(?:(?:what|which|for what|on what|on which|another|different|a) days?|day (?:of|would|will|do|should)"
    r"|when are you travell?ing|(?:another|different) date)\b)"
    r"|(?P<departure>\b(?:depart(?:ing|ure)? from|leaving from|pick(?:ed)? (?:you )?up (?:from|at)"
    r"|pick ?up (?:location|point|address|place)|where (?:should|will|would|do|can|shall) [a-z ]{0,15}pick|where [a-z ]{0,25}picked up|starting from"
    r"|travell?ing from|to and from|departure (?:and|city|point)|where from|stations? are you travell?ing between"
    r"|departure (?:station|location|site)|where (?:will|are|would|do) you (?:be )?(?:departing|leaving|coming)"
    r"|from where|which station are you leaving|coming from)\b)"
    r"|(?P<destination>\b(?:destination|drop(?:ped)? off|going to|heading to|travell?ing to|take you|where to"
    r"|headed|travell?ing between|going\?"
    r"|where (?:are|will|would|do) you (?:be )?(?:going|heading)|where should the taxi go|like to go)\b)"
    r"|(?P<arriveby>\b(?:arrive|arrival|be there|get there|by when|arriving)\b)"
    r"|(?P<leaveat>\b(?:leave|depart|departure time|set off|picked up|come|taxi come|leaving)\b)"
    r"|(?P<time>\b(?:what time|which time|at what time|time|times)\b)"
    r"|(?P<department>\b(?:department|unit)\b)"
    r"|(?P<address>\baddress\b)"
    r"|(?P<phone>\b(?:phone|number|contact)\b)"
    r"|(?P<postcode>\bpost ?code\b)"
    r"|(?P<entrancefee>\b(?:entrance fee|entry fee|admission)\b)"
    r"|(?P<openhours>\b(?:opening hours|opening times|open)\b)"
    r"|(?P<duration>\b(?:travel time|journey time|duration|how long)\b)"
    r"|(?P<car>\bcar type\b)"
)
_SENTENCE = re.compile(r"[^.!?]+(?:(?<=\d)\.(?=\d)[^.!?]*)*[.!?]*")
_BEFORE = 24  # characters before a value searched for its direction cue
_DEPARTURE_CUE = re.compile(
    r"\b(?:from|leaving|leaves|departing|departs|depart|out of|starts at|pick(?:s|ed)? (?:you )?up"
    r"(?: at| from)?|collected at|departure station is)\s*(?:the\s+)?$"
)
_DESTINATION_CUE = re.compile(
    r"\b(?:to|into|arriving(?: in| at)?|arrives(?: in| at)?|going to|heading to|goes to"
    r"|destination is|arrival station is|ends at|drop off at|taken to|drives to|takes you to)\s*(?:the\s+)?$"
)
_TIME_CUE = re.compile(
    r"(?P<arrive>\b(?:arriv\w*|by|gets? (?:you )?in|gets? there|reach\w*|arrival|before)\b)"
    r"|(?P<leave>\b(?:leav\w*|depart\w*|after|sets? off|pick\w*|comes?|departure)\b)"
)
_NAME_CUE = re.compile(
    r"\b(?:called|named|recommend|suggest|about|try|visit|is|at|found|there's|book|like)\s*$"
)
_NAME_CUE_AFTER = re.compile(r"^\s*(?:matches|is (?:a|an|the|located|in|one)|has|fits)\b")
_BOOKING_SLOTS = frozenset({"people", "day", "time", "stay"})
#: Attributes a system may say it does not know ("i do not know the entrance fee").
_CONTACT_ATTRIBUTES = ("address", "phone", "postcode", "entrancefee", "openhours", "duration", "car")
_FREE_ATTRIBUTES = frozenset(
    _CONTACT_ATTRIBUTES + ("area", "pricerange", "food", "type", "stars", "parking", "internet")
)
_VENUE_REQUESTS = frozenset({"area", "pricerange", "food", "type", "stars", "parking", "internet", "name"})


class SystemTextNLU:
    """Parses MultiWOZ system text into system acts (see the module docstring).

    Args:
        lexicon: value lexicon; by default the one of the official databases.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else default_lexicon()

    def parse(self, text: str, active_domain: str = "") -> tuple[DialogueAct, ...]:
        """The system acts of ``text``; ``active_domain`` is the domain of the conversation so far."""
        clean = clean_text(text[:MAX_TEXT_LENGTH])
        mentions = self._mentions(clean)
        acts: list[DialogueAct] = []
        domain = active_domain if active_domain not in ("", "general", "booking") else ""
        for match in _SENTENCE.finditer(clean):
            sentence = [m for m in mentions if match.start() <= m.start < match.end()]
            domain = _sentence_domain(clean, match.start(), match.end(), sentence, domain)
            acts.extend(_Sentence(clean, match.start(), match.end(), sentence, domain).acts())
        return _recommended(_without_bare_bookings(dict.fromkeys(acts)))

    def _mentions(self, text: str) -> list[Mention]:
        taken: list[tuple[int, int]] = []
        found = _pattern_mentions(_PATTERN_VALUES, text, taken)
        for mention in spot(self.lexicon, text):
            if any(start < mention.end and mention.start < end for start, end in taken):
                continue
            taken.append((mention.start, mention.end))
            if not mention.slot:
                continue
            if mention.value in GUARDED_NAMES and not (
                _NAME_CUE.search(text[: mention.start]) or _NAME_CUE_AFTER.search(text[mention.end :])
            ):
                continue
            found.append(mention)
        found += _pattern_mentions(_LATE_PATTERN_VALUES, text, taken)
        return sorted(found)


def _pattern_mentions(
    patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str, taken: list[tuple[int, int]]
) -> list[Mention]:
    """Values found by ``patterns`` outside the ``taken`` spans (which grow with each value found)."""
    found = []
    for slot, pattern in patterns:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            group = next((g for g in range(1, (pattern.groups or 0) + 1) if match.group(g)), 0)
            found.append(Mention(match.start(), match.end(), slot, match.group(group), ()))
            taken.append((match.start(), match.end()))
    return found


def _sentence_domain(text: str, start: int, end: int, mentions: list[Mention], previous: str) -> str:
    """The sentence's domain: its first domain word, else the domain of its first venue name, else ``previous``."""
    masked = _masked(text, start, end, mentions)
    match = _DOMAIN.search(masked)
    if match is not None and match.lastgroup:
        return match.lastgroup
    named = next((m.domains[0] for m in mentions if len(m.domains) == 1 and m.slot == "name"), "")
    typed = next(
        (m.domains[0] for m in mentions if len(m.domains) == 1 and m.slot not in ("station", "day")), ""
    )
    return named or typed or previous


def _masked(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """The sentence with its values replaced by ``_`` (same length), so cue patterns do not read values."""
    chars = list(text[start:end])
    for mention in mentions:
        mask(chars, mention.start - start, mention.end - start)
    return "".join(chars)


class _Sentence:
    """The acts of one sentence; see the module docstring for the order in which cues are tried."""

    def __init__(self, text: str, start: int, end: int, mentions: list[Mention], domain: str) -> None:
        self.text = text
        self.start = start
        self.masked = _masked(text, start, end, mentions)
        self.mentions = mentions
        self.domain = domain
        self.question = bool(_QUESTION.search(self.masked))

    def acts(self) -> list[DialogueAct]:
        acts = [DialogueAct(intent, "general") for intent, pattern in _GENERAL if self._take(pattern)]
        values = list(self._values())
        if self._take(_NOBOOK):
            return (
                acts
                + [DialogueAct("nobook", "booking")]
                + [
                    DialogueAct("nobook", "booking", slot, value)
                    for _, slot, value in values
                    if slot in _BOOKING_SLOTS
                ]
            )
        if self._take(_NOOFFER):
            domain = self.domain or "general"
            constraints = [
                (d, s, v) for d, s, v in values if s not in ("choice", "reference", "address", "phone")
            ]
            return acts + (
                [DialogueAct("nooffer", d, s, v) for d, s, v in constraints]
                or [DialogueAct("nooffer", domain)]
            )
        reference = next((v for _, s, v in values if s == "reference"), "")
        if reference or (self._take(_BOOKED) and not self.question):
            return acts + self._booked(values, reference)
        offer = self._take(_OFFERBOOK) or (self.domain == "train" and self._take(_ACCEPTABLE))
        requests = self._requests(values)
        if offer and (not requests or self.domain == "train"):
            return acts + requests + self._offer_booking(values)
        acts += requests
        if not self.question and self._take(_UNKNOWN):
            acts += self._unknown()
        intent = "recommend" if _RECOMMEND.search(self.masked) else "inform"
        asked = {act.slot for act in requests}
        by_slot: dict[tuple[str, str], list[str]] = {}
        for domain, slot, value in values:
            if slot in asked:
                continue  # "a hotel or a guesthouse?" asks for the type
            by_slot.setdefault((domain, slot), []).append(value)
        for (domain, slot), slot_values in by_slot.items():
            alternatives = len(slot_values) > 1 and _OR.search(self.masked) and self.question
            slot_intent = "select" if alternatives else intent
            if slot in ("choice", "phone", "postcode", "address", "reference", "trainid", "car", "duration"):
                slot_intent = "inform" if slot_intent == "recommend" else slot_intent
            acts.extend(DialogueAct(slot_intent, domain, slot, value) for value in slot_values)
        return acts

    # ------------------------------------------------------------------ pieces
    def _take(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` occurs; its matches are blanked so that later cues do not read them again."""
        self.masked, found = pattern.subn(blank, self.masked)
        return bool(found)

    def _values(self) -> Iterator[tuple[str, str, str]]:
        """``(domain, slot, value)`` for each value of the sentence, with slots and domains resolved."""
        for mention in self.mentions:
            before = self.text[max(self.start, mention.start - _BEFORE) : mention.start]
            domain = self._domain_of(mention)
            slot, value = mention.slot, mention.value
            if slot in ("station", "name") and self.domain in _TRAVEL:
                direction = _direction(before)
                if slot == "station" or direction:
                    slot, domain = direction or "departure", self.domain
            elif slot == "station" or (slot == "duration" and self.domain != "train"):
                continue  # "cambridge" in "welcome to cambridge", "reserved for 15 minutes"
            elif slot == "time":
                slot = _time_slot(self.text[self.start : mention.start], domain)
                value = normalize_value(slot, value.replace(".", ":") if "." in value[:3] else value)
            elif slot in ("stay", "stars", "people", "choice"):
                value = _WORDS.get(value, value)
            elif slot in ("postcode", "trainid"):
                value = value.replace(" ", "")
            elif slot == "money":
                slot, domain = ("price", "train") if domain != "attraction" else ("entrancefee", "attraction")
            elif slot in ("internet", "parking"):
                after = self.text[mention.end : mention.end + 16]
                negated = _NEGATED.search(before) or _NEGATED_AFTER.search(after)
                value = "no" if negated or self.text.startswith("no ", mention.start) else "yes"
                if self.question:
                    continue
            elif slot == "hoteltype":
                slot, value = "type", "hotel"
            if slot in ("stars", "internet", "parking"):
                domain = "hotel"
            elif slot == "duration":
                domain = "train"
            elif slot in _BOOKING_SLOTS and domain in ("restaurant", "hotel"):
                domain = "booking"
            yield domain or "general", slot, value

    def _domain_of(self, mention: Mention) -> str:
        if len(mention.domains) == 1:
            return mention.domains[0]
        if self.domain in mention.domains or not mention.domains:
            return self.domain
        return mention.domains[0]

    def _requests(self, values: list[tuple[str, str, str]]) -> list[DialogueAct]:
        """Requests for the attributes a question names (not those it offers values for).

        Departure and arrival words only ask for a time when the question is about time ("when", "what
        time"); otherwise "a time" is a departure time for travel and the booking time for a table.
        """
        if not self.question:
            return []
        valued = {slot for _, slot, _ in values}
        alternatives = bool(_OR.search(self.masked))
        slots = [match.lastgroup or "" for match in _ATTRIBUTES.finditer(self.masked)]
        slots += [
            m.slot for m in self.mentions if m.slot in ("internet", "parking")
        ]  # "do you need free wifi?"
        if (
            "time" in slots
            or _TIMEISH.search(self.masked)
            or (_WHEN.search(self.masked) and "day" not in slots)
        ):
            timed = [slot for slot in slots if slot in ("leaveat", "arriveby")]
            slots = [slot for slot in slots if slot not in ("time", "leaveat", "arriveby")] + (
                timed or ["time"]
            )
        else:
            slots = [slot for slot in slots if slot not in ("leaveat", "arriveby")]
        acts = []
        for slot in dict.fromkeys(slots):
            if slot in valued and not alternatives:
                continue
            request = self._request(slot)
            if request is not None:
                acts.append(request)
        return acts

    def _unknown(self) -> list[DialogueAct]:
        """``inform(domain, slot, "?")`` for the attributes a sentence says are not known ("i do not know the
        entrance fee"): the question is answered, with "unknown"."""
        domain = self.domain or "general"
        return [
            DialogueAct("inform", domain, match.lastgroup, "?")
            for match in _ATTRIBUTES.finditer(self.masked)
            if match.lastgroup in _FREE_ATTRIBUTES
        ]

    def _request(self, slot: str) -> DialogueAct | None:
        domain = self.domain
        if slot in ("time", "leaveat", "arriveby"):
            if domain in _TRAVEL:
                return DialogueAct("request", domain, "leaveat" if slot == "time" else slot, "")
            if domain == "hotel":  # "when will you be arriving?"
                return DialogueAct("request", "booking", "day", "")
            return DialogueAct("request", "booking", "time", "") if domain == "restaurant" else None
        if slot in _BOOKING_SLOTS:
            if domain == "train" and slot in ("people", "day"):
                return DialogueAct("request", "train", slot, "")
            return DialogueAct("request", "booking", slot, "") if domain in ("restaurant", "hotel") else None
        if slot in ("departure", "destination"):
            return DialogueAct("request", domain if domain in _TRAVEL else "train", slot, "")
        if slot == "department":
            return DialogueAct("request", "hospital", slot, "")
        if slot in _VENUE_REQUESTS and domain in _VENUES:
            return DialogueAct(
                "request", domain, "food" if slot == "type" and domain == "restaurant" else slot, ""
            )
        return None

    def _booked(self, values: list[tuple[str, str, str]], reference: str) -> list[DialogueAct]:
        """A booking made: ``offerbooked`` for trains, ``book(booking, ...)`` otherwise (a taxi's car and phone
        are informs, as in the corpus)."""
        if self.domain == "taxi":
            return [
                DialogueAct("inform", "taxi", slot, value) for _, slot, value in values if slot != "reference"
            ]
        intent, domain = ("offerbooked", "train") if self.domain == "train" else ("book", "booking")
        acts = (
            [DialogueAct(intent, domain, "reference", reference)]
            if reference
            else [DialogueAct(intent, domain)]
        )
        for value_domain, slot, value in values:
            if slot == "reference":
                continue
            if intent == "book" and (slot in _BOOKING_SLOTS or slot == "name"):
                acts.append(DialogueAct("book", "booking", slot, value))
            else:
                acts.append(
                    DialogueAct(
                        "offerbooked" if intent == "offerbooked" else "inform", value_domain, slot, value
                    )
                )
        return acts

    def _offer_booking(self, values: list[tuple[str, str, str]]) -> list[DialogueAct]:
        """An offer to book: ``offerbook(train, ...)`` for trains, ``inform(booking)`` for venues (corpus form)."""
        if self.domain == "train":
            return [DialogueAct("offerbook", "train")] + [
                DialogueAct("offerbook", "train", slot, value)
                for domain, slot, value in values
                if domain == "train"
            ]
        acts = [DialogueAct("inform", "booking")]
        for domain, slot, value in values:
            acts.append(DialogueAct("recommend" if slot == "name" else "inform", domain, slot, value))
        return acts


def _without_bare_bookings(acts: dict[DialogueAct, None]) -> tuple[DialogueAct, ...]:
    """Drop a slotless ``book``/``offerbooked`` (a "booked" sentence) when another sentence gave the reference."""
    detailed = {act.intent for act in acts if act.intent in ("book", "offerbooked") and act.slot}
    return tuple(act for act in acts if act.slot or act.intent not in detailed)


def _recommended(acts: tuple[DialogueAct, ...]) -> tuple[DialogueAct, ...]:
    """A recommended venue's attributes are recommended too, in the later sentences of the message as well."""
    domains = {act.domain for act in acts if act.intent == "recommend" and act.slot == "name"}
    if not domains:
        return acts
    return tuple(
        act._replace(intent="recommend")
        if act.intent == "inform" and act.domain in domains and act.slot not in ("choice", "")
        else act
        for act in acts
    )


def _direction(before: str) -> str:
    if _DESTINATION_CUE.search(before):
        return "destination"
    if _DEPARTURE_CUE.search(before):
        return "departure"
    return ""


def _time_slot(before: str, domain: str) -> str:
    """``arriveby`` or ``leaveat`` by the last arrival/departure word before the time, else by domain."""
    cue = None
    for cue in _TIME_CUE.finditer(before[-60:]):
        pass
    if cue is not None:
        return "arriveby" if cue.lastgroup == "arrive" else "leaveat"
    return "leaveat" if domain in _TRAVEL else "time"
