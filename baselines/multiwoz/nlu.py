"""Rule NLU for MultiWOZ user text: utterance -> user acts (``inform``, ``request``, ``thank``, ``bye``, ``greet``).

Used by the rule system when the env hides the user's acts (``level="text"``), and by the env itself to read
text-only user messages. Three steps:

1. **values** (:mod:`baselines.multiwoz.spotting`): names, cuisines, areas, times, counts, "don't care" ...;
2. **requests**: cue phrases per slot ("phone number", "postcode", "how much", "travel time", "car type"),
   read on the text with the values masked; slots that are also constraints (area, stars, parking ...)
   count as requested only in a question that gives no value for them ("what area is it in?");
3. **domains**: each value and request goes to a domain that can have that slot, chosen in this order: the
   nearest domain cue in its sentence ("restaurant", "train", "place to stay", a venue name, a cuisine ...),
   the nearest cue elsewhere in the utterance, the dialogue's active domain (the caller's ``active_domain``),
   the latest earlier domain that has the slot (``recent_domains``), else the slot's most common domain.
   Stations and venue names become a train's or taxi's departure or destination from the words before them
   ("from", "to", "pick me up at"). Bare values ("5", "any") answer the question the system just asked
   (``asked``).

A domain named without any slot ("i also need a taxi") gives a slotless ``inform`` of that domain, as in the
corpus annotation. Acts come in a fixed order: informs, requests, then thank/bye/greet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from baselines.multiwoz.lexicon import lexicon_for
from baselines.multiwoz.spotting import Mention, Spotted, ValueSpotter, normalize_text
from dialenv.acts import DialogueAct
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.normalize import normalize_value

#: Domains that can hold a slot that several domains share, most common first.
_SLOT_DOMAINS = {
    "area": ("restaurant", "hotel", "attraction"),
    "pricerange": ("restaurant", "hotel"),
    "day": ("train", "restaurant", "hotel"),
    "people": ("restaurant", "hotel", "train"),
    "leaveat": ("train", "taxi"),
    "arriveby": ("train", "taxi"),
    "type": ("hotel", "attraction", "restaurant"),
    "food": ("restaurant",),
    "stars": ("hotel",),
    "parking": ("hotel",),
    "internet": ("hotel",),
}
_DOMAIN_CUES = re.compile(
    r"(?P<restaurant>\b(?:restaurants?|food|eat|eating|dine|dining|dinner|lunch|brunch|table|cuisine|meal)\b)"
    r"|(?P<hotel>\b(?:(?:places?|somewhere) to (?:stay|sleep|crash)|lodging|accommodations?|rooms?|stay|staying"
    r"|hotels?)\b)"
    r"|(?P<attraction>\b(?:attractions?|things to do|something to do|places? to (?:go|visit|see)|sightseeing"
    r"|sights?|something to see|worth seeing|visit|tourist)\b)"
    r"|(?P<train>\b(?:trains?|railway|rail)\b)"
    r"|(?P<taxi>\b(?:taxis?|cabs?|car|pick (?:me|us) up|driver)\b)"
    r"|(?P<hospital>\b(?:hospital|department)\b)"
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_QUESTION = re.compile(
    r"\?|\b(?:what|which|where|when|how|does|do|is|are|can|could|would|may|tell me|give me|i need|i'd like|"
    r"i would like|i want|provide|get me|let me know|send me|(?:like|want|need) to know|mind sharing|share)\b"
)
_VENUES = ("restaurant", "hotel", "attraction")
_PLACES = ("restaurant", "hotel", "attraction", "police", "hospital")
#: Request cues: slot, pattern, the domains that have the slot (most likely first), and whether only a
#: question that gives no value for the slot counts ("what area is it in?" asks, "in the north area" tells).
_REQUESTS = (
    (
        "phone",
        (
            r"phone(?: number)?|contact number|telephone|number to call"
            r"|(?<!reference )(?<!confirmation )(?<!booking )(?<!train )(?<!id )number"
            r"(?! of (?:people|guests|nights|stars|tickets|seats|us))"
        ),
        (*_PLACES, "taxi"),
        False,
    ),
    ("address", r"address(?:es)?|where (?:is it|it is|are they|they are) located", _PLACES, False),
    ("postcode", r"post ?codes?|postal codes?|zip(?: codes?)?", _PLACES, False),
    (
        "reference",
        r"reference(?: numbers?)?|ref(?: number)?|confirmation (?:numbers?|codes?)|booking numbers?",
        ("restaurant", "hotel", "train"),
        False,
    ),
    (
        "entrancefee",
        r"entrance fees?|entry fees?|admission(?: fees?| prices?| costs?)?|cost to (?:get in|enter)|fees?",
        ("attraction",),
        False,
    ),
    ("openhours", r"opening (?:hours|times)|open hours|when (?:is it|are they) open", ("attraction",), False),
    (
        "duration",
        r"travel(?:ling)? time|how long|duration|journey time|trip time|length of the (?:trip|journey|ride)",
        ("train",),
        False,
    ),
    (
        "trainid",
        r"train ids?|train numbers?|id of the train|trainid|train's id|id numbers?",
        ("train",),
        False,
    ),
    (
        "car",
        (
            r"car type|type of (?:car|vehicle)|kind of (?:car|vehicle)|what car|make (?:and model|of (?:the )?car)"
            r"|model|color and make|colou?r of the car"
        ),
        ("taxi",),
        False,
    ),
    (
        "leaveat",
        (
            r"departure times?|when does (?:it|the train) (?:leave|depart)|what time does (?:it|the train) "
            r"(?:leave|depart)|leaving time"
        ),
        ("train", "taxi"),
        False,
    ),
    (
        "arriveby",
        r"arrival times?|when does (?:it|the train) arrive|what time does (?:it|the train) (?:arrive|get in)",
        ("train", "taxi"),
        False,
    ),
    ("pricerange", r"price ?range|price point|pricing", ("restaurant", "hotel"), True),
    ("price", r"price|cost|how much|fare", ("train", "restaurant", "hotel"), True),
    (
        "area",
        (
            r"what area|which area|what part of (?:town|the city)|which part of (?:town|the city)|where|area"
            r"|side of town"
        ),
        _VENUES,
        True,
    ),
    (
        "food",
        (
            r"(?:what|which) (?:type|kind|sort) of food|what food|what cuisine|type of food|kind of food|food type"
            r"|food|cuisine"
        ),
        ("restaurant",),
        True,
    ),
    (
        "type",
        r"what type|which type|what kind|what sort|type of (?:attraction|place|hotel)|type",
        ("hotel", "attraction", "restaurant"),
        True,
    ),
    ("stars", r"how many stars|star rating|stars", ("hotel",), True),
    ("parking", r"parking", ("hotel",), True),
    ("internet", r"internet|wi-?fi", ("hotel",), True),
    (
        "name",
        (
            r"what is (?:the|its|their) name|what's (?:the|its|their) name|name of|what is it called|"
            r"what's it called|the name|which one|(?:recommend|suggest|pick|choose) one|favou?rites?|your pick"
            r"|would you (?:pick|choose|recommend|suggest)"
        ),
        _VENUES,
        True,
    ),
)
_REQUEST_PATTERN = re.compile("|".join(f"(?P<{slot}>\\b(?:{cue})\\b)" for slot, cue, _, _ in _REQUESTS))
_REQUEST_INFO = {slot: (domains, question_only) for slot, _, domains, question_only in _REQUESTS}
#: Request slots of a domain that mean something else there ("price" of a restaurant is its price range).
_REQUEST_SLOT_FOR = {
    ("price", "restaurant"): "pricerange",
    ("price", "hotel"): "pricerange",
    ("type", "restaurant"): "food",
}
_DEPARTURE_CUE = re.compile(
    r"(?:\bfrom|\bout of|\bleav\w*|\bdepart\w*|\bpick(?:ed)? (?:me |us )?up (?:at|from)?)\s*(?:the\s*)?$"
)
_DESTINATION_CUE = re.compile(
    r"(?:\bto|\binto|\bfor|\btowards|\bgo(?:ing)? to|\barriv\w* (?:at|in)|\bget to|\bhead\w* to|\bin)\s*(?:the\s*)?$"
)
#: "X to Y": a place followed by its destination is the departure.
_ROUTE_CONTINUES = re.compile(r"\s*(?:to|and going to|heading to)\b")
_REFERRING = re.compile(
    r"(?<!one of )\b(?:the|this|that|those|these|same|from|to|leave|at|of|as|between|my|your|our|their)\s*$"
)
#: Words around a parking/wifi mention that make it a question about it, not a wish for it.
_ASKING_ABOUT = re.compile(
    r"(?:\bthe|\babout|\bdoes (?:it|the \w+|that \w+) (?:have|offer|include)|\bdo they (?:have|offer)|\bis there"
    r"|\bhas it got|\bwhat about)\s*$"
)
#: The end of a list of attributes asked for: "the area, phone number and " (values would be masked).
_ATTRIBUTE_LIST = re.compile(r"\b(?:the|about)\s+(?:[a-z' -]+?(?:,|\band\b)\s*)+$")
#: Words right before "hotel" that make it the type (a plain "a hotel" usually just names the domain);
#: ``_`` is a masked value ("an expensive hotel", "a 4 star hotel").
_HOTEL_TYPE_CUE = re.compile(r"(?:_|\btype|\bproper|\bactual|\breal|\bregular|\bnormal|\b(?:is|be) an?)\s*$")
_THANK = re.compile(
    r"\b(?:thanks?|thank you|thx|cheers|appreciate|grateful)\b"
    r"|\bthat(?:'s| is| will be| should be) (?:all|it|everything)\b|\ball set\b|\bnothing else\b"
)
_BYE = re.compile(r"\b(?:bye|goodbye|good bye|farewell|see you)\b")
_GREET = re.compile(r"^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|greetings)\b")


@cache
def _spotter(database: MultiWOZDatabase) -> ValueSpotter:
    return ValueSpotter(lexicon_for(database))


class UserTextNLU:
    """Parses MultiWOZ user text into user acts.

    Args:
        database: the database whose names, stations and cuisines make the lexicon (default: the official one).
    """

    def __init__(self, database: MultiWOZDatabase | None = None):
        self.spotter = _spotter(database if database is not None else MultiWOZDatabase.load())

    def parse(
        self,
        text: str,
        active_domain: str | None = None,
        asked: Iterable[tuple[str, str]] = (),
        recent_domains: Sequence[str] = (),
    ) -> tuple[DialogueAct, ...]:
        """The acts of ``text``.

        Args:
            text: the user utterance.
            active_domain: the domain the dialogue is about so far (used for values that name no domain).
            asked: ``(domain, slot)`` pairs the system just requested (domain ``booking`` means the active
                domain), used for bare answers ("3", "doesn't matter").
            recent_domains: the domains talked about so far, most recent last: when the active domain cannot
                have a slot ("what type is it?" while talking about a train), the latest one that can.
        """
        spotted = self.spotter.spot(normalize_text(text))
        active = active_domain or ""
        history = [domain for domain in recent_domains if domain != active] + ([active] if active else [])
        return _Reading(spotted, history, _asked_slots(asked, active)).acts()


def _asked_slots(asked: Iterable[tuple[str, str]], active: str) -> list[tuple[str, str]]:
    return [(active if domain == "booking" else domain, slot) for domain, slot in asked if slot]


class _Reading:
    """The interpretation of one utterance."""

    def __init__(self, spotted: Spotted, history: Sequence[str], asked: Sequence[tuple[str, str]]):
        self.spotted = spotted
        self.text = spotted.masked
        self.history = history
        self.active = history[-1] if history else ""
        self.asked = asked
        self.sentences = [match.span() for match in _SENTENCE.finditer(self.text)] or [(0, len(self.text))]
        self.anchors = [(match.start(), match.lastgroup or "") for match in _DOMAIN_CUES.finditer(self.text)]
        for mention in spotted.mentions:
            domains = {meaning.domain for meaning in mention.meanings if meaning.domain}
            kind = mention.meanings[0].kind
            if len(domains) == 1 and kind not in ("stars", "parking", "internet"):
                self.anchors.append((mention.start, domains.pop()))
            elif kind == "time" and not mention.cue:
                self.anchors.append((mention.start, "restaurant"))  # "at 18:00": a table booking
        self.informs: dict[tuple[str, str], str] = {}

    def acts(self) -> tuple[DialogueAct, ...]:
        for mention in self.spotted.mentions:
            self._inform(mention)
        answered = {slot for _, slot in self.informs}
        for mention in self.spotted.bare_numbers:
            for domain, slot in self.asked:
                if slot in ("people", "stay", "stars") and slot not in answered:
                    self.informs[(domain, slot)] = mention.meanings[0].value
                    break
        requests = self._requests()
        for act in requests:
            if act.slot in ("parking", "internet") and self.informs.get((act.domain, act.slot)) == "yes":
                del self.informs[(act.domain, act.slot)]  # "does it have free parking?" asks, not informs
        acts = [DialogueAct("inform", domain, slot, value) for (domain, slot), value in self.informs.items()]
        acts.extend(requests)
        if acts:
            return tuple(acts)
        mentioned = [domain for _, domain in sorted(self.anchors)]
        acts.extend(DialogueAct("inform", domain) for domain in dict.fromkeys(mentioned))
        if _THANK.search(self.text):
            acts.append(DialogueAct("thank", "general"))
        if _BYE.search(self.text):
            acts.append(DialogueAct("bye", "general"))
        if not acts and _GREET.search(self.text):
            acts.append(DialogueAct("greet", "general"))
        return tuple(acts)

    # ------------------------------------------------------------------ values
    def _inform(self, mention: Mention) -> None:
        meaning = mention.meanings[0]
        kind = meaning.kind
        if kind == "name":
            self._name(mention)
            return
        if kind == "station":
            if self.active in ("train", "taxi") or any(
                domain in ("train", "taxi") for _, domain in self.anchors
            ):
                domain = self._domain(("train", "taxi"), mention.start)
                # a taxi goes to the place as said ("stevenage train station"); a train to the station
                said = self.spotted.text[mention.start : mention.end] if domain == "taxi" else meaning.value
                self._set(domain, self._direction(mention), said)
            return
        if kind == "dontcare":
            if self.asked:
                domain, slot = self.asked[0]
                self._set(domain, slot, "dontcare")
            return
        if kind == "type":
            self._type(mention)
            return
        if kind == "time":
            self._time(mention)
            return
        domains = (meaning.domain,) if meaning.domain else _SLOT_DOMAINS.get(kind, ())
        if domains:
            self._set(self._domain(domains, mention.start), kind, meaning.value)

    def _type(self, mention: Mention) -> None:
        """A hotel or attraction type (a restaurant's "type" is its food), unless it refers to a venue already
        under discussion ("the hotel", "from the museum") or is a plain "a hotel" naming the domain."""
        meaning = mention.meanings[0]
        if meaning.value != "dontcare":
            if _REFERRING.search(self.text, 0, mention.start):
                return
            if meaning.value == "hotel" and not _HOTEL_TYPE_CUE.search(self.text, 0, mention.start):
                return
        allowed = tuple(m.domain for m in mention.meanings if m.domain) or _SLOT_DOMAINS["type"]
        domain = self._domain(allowed, mention.start)
        value = next((m.value for m in mention.meanings if m.domain == domain), meaning.value)
        self._set(domain, "food" if domain == "restaurant" else "type", value)

    def _name(self, mention: Mention) -> None:
        venue_domains = tuple(dict.fromkeys(m.domain for m in mention.meanings))
        sentence = self._sentence_of(mention.start)
        in_taxi = any(
            domain == "taxi" for position, domain in self.anchors if sentence[0] <= position < sentence[1]
        )
        if in_taxi or (self.active == "taxi" and not self._has_anchor(sentence, exclude=mention.start)):
            self._set("taxi", self._direction(mention), mention.meanings[0].value)
            return
        domain = self._domain(venue_domains, mention.start)
        chosen = next((m for m in mention.meanings if m.domain == domain), mention.meanings[0])
        self._set(chosen.domain, "name", chosen.value)

    def _time(self, mention: Mention) -> None:
        """A departure/arrival time when a cue says so ("leave after", "arrive by"), else the answer to a
        time the system asked for, else a train/taxi time when its sentence is about one, else a table time."""
        value = mention.meanings[0].value
        if mention.cue:
            self._set(self._domain(("train", "taxi"), mention.start), mention.cue, value)
            return
        for domain, slot in self.asked:
            if slot in ("leaveat", "arriveby", "time"):
                self._set(domain, slot, value)
                return
        start, end = self._sentence_of(mention.start)
        travel = [
            domain
            for position, domain in self.anchors
            if start <= position < end and domain in ("train", "taxi")
        ]
        if travel:
            self._set(travel[0], "leaveat", value)
        else:
            self._set("restaurant", "time", value)

    def _direction(self, mention: Mention) -> str:
        """``departure`` or ``destination`` of a place, from the words before it (or after it: "X to Y")."""
        before = self.text[max(0, mention.start - 25) : mention.start]
        if _DEPARTURE_CUE.search(before):
            return "departure"
        if _DESTINATION_CUE.search(before):
            return "destination"
        if _ROUTE_CONTINUES.match(self.text, mention.end):
            return "departure"
        for _, slot in self.asked:
            if slot in ("departure", "destination"):
                return slot
        return "destination"

    def _set(self, domain: str, slot: str, value: str) -> None:
        if domain and slot:
            self.informs[(domain, slot)] = normalize_value(slot, value)

    # ------------------------------------------------------------------ domains
    def _sentence_of(self, position: int) -> tuple[int, int]:
        return next(
            ((start, end) for start, end in self.sentences if start <= position < end), self.sentences[-1]
        )

    def _has_anchor(self, sentence: tuple[int, int], exclude: int) -> bool:
        return any(
            sentence[0] <= position < sentence[1] and position != exclude for position, _ in self.anchors
        )

    def _domain(self, allowed: Sequence[str], position: int) -> str:
        """The domain of a value at ``position`` among ``allowed`` (see the module docstring)."""
        start, end = self._sentence_of(position)
        near = [
            (abs(anchor - position), domain)
            for anchor, domain in self.anchors
            if domain in allowed and anchor != position
        ]
        in_sentence = [
            item for item in near if start <= position - item[0] < end or start <= position + item[0] < end
        ]
        for candidates in (in_sentence, near):
            if candidates:
                return min(candidates)[1]
        for domain in reversed(self.history):
            if domain in allowed:
                return domain
        return allowed[0] if allowed else ""

    # ------------------------------------------------------------------ requests
    def _asks_about(self, mention: Mention) -> bool:
        """Whether a parking/wifi mention asks about it ("does it have parking?", "the area and internet?")
        rather than wants it ("with free parking")."""
        start, _ = self._sentence_of(mention.start)
        before = self.text[max(start, mention.start - 60) : mention.start]
        if _ASKING_ABOUT.search(before):
            return True
        return "free" not in self.spotted.text[mention.start : mention.end] and bool(
            _ATTRIBUTE_LIST.search(before)
        )

    def _requests(self) -> list[DialogueAct]:
        informed_slots = {slot for _, slot in self.informs}
        requests: list[DialogueAct] = []
        for mention in self.spotted.mentions:
            meaning = mention.meanings[0]
            if (
                meaning.kind in ("parking", "internet")
                and meaning.value == "yes"
                and self._asks_about(mention)
            ):
                requests.append(DialogueAct("request", self._domain(("hotel",), mention.start), meaning.kind))
        for match in _REQUEST_PATTERN.finditer(self.text):
            slot = match.lastgroup or ""
            domains, question_only = _REQUEST_INFO[slot]
            sentence = self._sentence_of(match.start())
            if question_only and (
                slot in informed_slots or not _QUESTION.search(self.text[sentence[0] : sentence[1]])
            ):
                continue
            domain = self._domain(domains, match.start())
            slot = _REQUEST_SLOT_FOR.get((slot, domain), slot)
            act = DialogueAct("request", domain, slot)
            if act not in requests:
                requests.append(act)
        return requests
