"""The agenda of the MultiWOZ user simulator (Schatzmann et al. 2007): what the user says next, at act level.

An *agenda* is a stack of pending user acts built from the goal. For each domain, in the user's order
(the goal's domains with the taxi last, because a taxi goes between the other venues), it holds the
constraints to inform, the booking values to give and the attributes (``reqt``) to ask for; ``close``
(thank and goodbye) lies at the bottom. Items hold no values: a value is looked up when the item is said,
so a switch to the alternative constraints changes what later items say.

Each turn:

1. the system's acts update the user's state and give *responses*, said this turn: answers to requests
   (the goal's value, ``dontcare`` when the goal leaves the slot free); after ``nooffer`` for the scripted
   ``fail_info`` the constraints switch to ``info`` and the changed ones are re-informed; after ``nobook``
   for the scripted ``fail_book`` the booking switches to ``book`` likewise; an offer that contradicts a
   constraint is corrected;
2. the user then pops items from the top, a few at a time (the number is drawn per turn), all of one
   domain. Booking values and requests wait until the system has offered an entity of their domain (for a
   taxi: until its route is told); booking values, and a taxi's route and time, are said together.

When the system does not move (nothing asked, nothing offered), the user asks for a suggestion, and after
a second idle turn gives the domain up; an unscripted ``nooffer``/``nobook`` is answered by repeating the
constraints/booking once, then the domain or its booking is given up. Before closing, the user asks for a
suggestion where nothing was offered, gives an unmade booking again and asks again what is unanswered
(once each). A scripted ``fail_info`` that the database can satisfy is not a failure here, so the
user starts from ``info`` (corpus goals were written against an older database).

Every random choice (how many items per turn, item order) uses the ``numpy.random.Generator`` given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from dialenv.acts import DialogueAct
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.goal import Goal
from dialenv.multiwoz.normalize import normalize_value, time_to_minutes
from dialenv.multiwoz.ontology import VENUE_DOMAINS

DONTCARE = "dontcare"
#: Probabilities of popping 1, 2, 3 ... agenda items in a turn (after the responses to the system).
ITEMS_PER_TURN = (0.3, 0.45, 0.25)
_OFFER_INTENTS = frozenset({"inform", "recommend", "select", "offerbook", "offerbooked", "book"})
_IDENTIFIER = {"train": "trainid"}
_PLACES = ("departure", "destination")
_TIMES = ("leaveat", "arriveby")
_SEARCHED = ("area", "pricerange", "food", "type", "stars", "internet", "parking", "day", "name")
#: Slots whose values the user compares with an offer, to correct the system when they contradict.
_CHECKED = frozenset(_SEARCHED + _PLACES + _TIMES)
_TAXI_REPORTS = frozenset({"car", "phone"})
_MAX_CORRECTIONS = 2
_CLOSE = ("close", "", "")
# System intents that settle a search or a booking, and the method that reacts to each.
_OUTCOMES = {
    "nooffer": "_after_nooffer",
    "nobook": "_after_nobook",
    "book": "_after_booked",
    "offerbooked": "_after_booked",
}

THANK = DialogueAct("thank", "general")
BYE = DialogueAct("bye", "general")


@dataclass
class DomainState:
    """What the user wants and knows in one domain.

    ``constraints``/``booking`` are the values in force (the scripted failures first); ``alternative``/
    ``alternative_booking`` the ones to switch to after the failure (empty when nothing is scripted).
    """

    constraints: dict[str, str]
    alternative: dict[str, str]
    booking: dict[str, str]
    alternative_booking: dict[str, str]
    reqt: tuple[str, ...]
    told: dict[str, str] = field(default_factory=dict)
    offered: str = ""
    found: bool = False
    booked: bool = False
    answered: set[str] = field(default_factory=set)
    asked: dict[str, int] = field(default_factory=dict)
    retried_search: bool = False
    retried_booking: bool = False
    idle: int = 0
    corrections: dict[str, int] = field(default_factory=dict)
    given_up: bool = False

    def value(self, slot: str) -> str:
        """The value the user would give for ``slot`` now ("" when the goal has none)."""
        return self.constraints.get(slot) or self.booking.get(slot, "")

    def finished(self) -> bool:
        return self.given_up or (
            self.found and (self.booked or not self.booking) and set(self.reqt) <= self.answered
        )


class UserAgenda:
    """One dialogue of the agenda-based user; :meth:`respond` maps the system's acts to the user's acts.

    Args:
        goal: the user goal (:class:`~dialenv.multiwoz.goal.Goal`).
        rng: the dialogue's random generator.
        database: used to tell real scripted failures from satisfiable ones and to name taxi endpoints
            that no offer named.
    """

    def __init__(self, goal: Goal, rng: np.random.Generator, database: MultiWOZDatabase) -> None:
        self.goal = goal
        self.rng = rng
        self.database = database
        self.order = [domain for domain in goal if domain != "taxi"] + (["taxi"] if "taxi" in goal else [])
        self.states = {domain: self._state(domain) for domain in self.order}
        self.current = self.order[0] if self.order else ""
        self.booking_domain = ""  # the domain the user last gave booking values for
        self.closed = False
        self.stack: list[tuple[str, str, str]] = [_CLOSE]
        for domain in reversed(self.order):
            self.stack.extend(reversed(self._items(domain)))

    # ------------------------------------------------------------------ set-up
    def _state(self, domain: str) -> DomainState:
        part = self.goal[domain]
        info, fail_info = dict(part.info), dict(part.fail_info)
        if fail_info and domain in self.database.domains and self.database.count(domain, fail_info):
            fail_info = {}  # satisfiable in this database: not a failure
        booking = dict(part.book)
        fail_booking = {**booking, **part.fail_book} if part.fail_book else {}
        return DomainState(
            constraints=fail_info or info,
            alternative=info if fail_info else {},
            booking=fail_booking or booking,
            alternative_booking=booking if fail_booking else {},
            reqt=tuple(part.reqt),
        )

    def _items(self, domain: str) -> list[tuple[str, str, str]]:
        """The domain's agenda items, first to say first."""
        state = self.states[domain]
        slots = list(state.constraints)
        if domain == "taxi":
            slots = [slot for slot in _PLACES if slot not in slots] + slots
        elif len(slots) > 1:
            slots = [slots[index] for index in self.rng.permutation(len(slots))]
            if "name" in slots:
                slots.remove("name")
                slots.insert(0, "name")
        informs = [("inform", domain, slot) for slot in slots]
        booking = [("inform", domain, slot) for slot in state.booking]
        requests = [("request", domain, slot) for slot in state.reqt]
        # Booking first when its failure is scripted: a goal state emptied by the requests would end the
        # dialogue before the user could switch to the alternative booking.
        if state.alternative_booking or self.rng.random() < 0.5:
            return informs + booking + requests
        return informs + requests + booking

    # ------------------------------------------------------------------ one turn
    def respond(self, system_acts: Iterable[DialogueAct]) -> tuple[DialogueAct, ...]:
        """The user's acts answering ``system_acts`` (empty on the first turn)."""
        acts = self._listen(tuple(system_acts))
        for act in acts:
            self._note(act)
        budget = self._draw_count() - len(acts)
        popped = self._pop(max(budget, 0 if acts else 1)) or ([] if acts else self._idle())
        for act in popped:
            self._note(act)
        return tuple(dict.fromkeys(acts + popped))

    def _draw_count(self) -> int:
        draw = self.rng.random()
        total = 0.0
        for count, probability in enumerate(ITEMS_PER_TURN, start=1):
            total += probability
            if draw < total:
                return count
        return len(ITEMS_PER_TURN)

    def _note(self, act: DialogueAct) -> None:
        state = self.states.get(act.domain)
        if state is None:
            return
        self.current = act.domain
        if act.intent == "inform":
            state.told[act.slot] = act.value
            if act.slot in state.booking:
                self.booking_domain = act.domain
        elif act.intent == "request":
            state.asked[act.slot] = state.asked.get(act.slot, 0) + 1

    # ------------------------------------------------------------------ reading the system
    def _listen(self, system_acts: tuple[DialogueAct, ...]) -> list[DialogueAct]:
        """Update the state from the system's acts; return the acts that respond to them."""
        if not system_acts:
            return []
        states = self.states
        focus = self.current  # the domain that "booking" acts are about
        for act in system_acts:
            if act.intent in _OFFER_INTENTS and act.domain in states:
                focus = act.domain
                break
        offers: dict[str, list[DialogueAct]] = {}
        requested: dict[tuple[str, str], None] = {}
        outcomes: dict[tuple[str, str], None] = {}  # (intent, domain) of nooffer / nobook / book, in order
        taxi_asked = False
        for act in system_acts:
            intent, domain, slot = act.intent, act.domain, act.slot
            if domain == "booking" or not domain:
                # A booking outcome is about the booking the user asked for; other acts about the focus.
                domain = self.booking_domain if intent in _OUTCOMES and self.booking_domain else focus
            state = states.get(domain)
            if state is None:
                continue
            if intent == "request" or (
                intent == "select" and slot and slot != _IDENTIFIER.get(domain, "name")
            ):  # "cheap, moderate or expensive?" asks, it tells nothing about an entity
                requested[(domain, slot)] = None
                taxi_asked = taxi_asked or domain == "taxi"
            elif intent in _OUTCOMES:
                outcomes[(_OUTCOMES[intent], domain)] = None
            if intent in _OFFER_INTENTS and slot and act.value and (domain, slot) not in requested:
                offers.setdefault(domain, []).append(act)
            if intent in ("offerbook", "offerbooked") or (intent == "inform" and domain not in VENUE_DOMAINS):
                state.found = True
        responses: list[DialogueAct] = []
        for domain, acts in offers.items():
            responses += self._offer(domain, acts)
        for domain, slot in requested:
            answer = self._answer(domain, slot)
            if answer is not None:
                responses.append(answer)
        for outcome, domain in outcomes:
            responses += getattr(self, outcome)(domain)
        taxi = states.get("taxi")
        if taxi is not None and not taxi_asked and not taxi.found:
            taxi.found = not self._untold("taxi")
        return responses

    def _offer(self, domain: str, acts: list[DialogueAct]) -> list[DialogueAct]:
        """Take note of an offered entity; correct constraints it contradicts (the offer is then not taken)."""
        state = self.states[domain]
        identifier = _identifier(domain)
        names = [act.value for act in acts if act.slot == identifier]
        if domain == "taxi" and any(act.slot in _TAXI_REPORTS for act in acts):
            state.found = state.booked = True
        if not names and domain in VENUE_DOMAINS:
            state.answered.update(
                act.slot for act in acts if act.slot in state.reqt
            )  # about the offered entity
            return []
        wrong = [
            act.slot
            for act in acts
            if act.intent != "select"
            and _contradicts(act.slot, act.value, state.constraints.get(act.slot, ""))
        ]
        wrong = [slot for slot in dict.fromkeys(wrong) if state.corrections.get(slot, 0) < _MAX_CORRECTIONS]
        if wrong:
            for slot in wrong:
                state.corrections[slot] = state.corrections.get(slot, 0) + 1
            return [DialogueAct("inform", domain, slot, state.constraints[slot]) for slot in wrong]
        if state.alternative and domain in VENUE_DOMAINS:
            # An offer although the constraints in force match nothing: the system missed some of them. Once
            # all are told, the user moves on to the alternative, as after a "nooffer".
            told_all = all(slot in state.told for slot in state.constraints)
            return self._switch_constraints(domain) if told_all else []
        if names:
            state.offered = names[0]
        state.found = True
        state.answered.update(act.slot for act in acts if act.slot in state.reqt)
        return []

    def _answer(self, domain: str, slot: str) -> DialogueAct | None:
        """The answer to a system request for ``slot`` (``None`` when the user has nothing to say)."""
        state = self.states[domain]
        value = state.value(slot)
        if not value and domain == "taxi" and slot in _PLACES:
            value = self._place(slot)
        if not value and slot in _TIMES:
            other = _TIMES[1 - _TIMES.index(slot)]
            if other in state.constraints:
                return DialogueAct("inform", domain, other, state.constraints[other])
        if not value and slot in ("people", "day", "time", "stay"):
            return None  # a booking this user does not want
        return DialogueAct("inform", domain, slot, value or DONTCARE)

    def _after_nooffer(self, domain: str) -> list[DialogueAct]:
        state = self.states[domain]
        if state.alternative:
            return self._switch_constraints(domain)
        if not state.told:
            return []  # about constraints the user never gave: not this user's search
        if state.retried_search:
            self._give_up(domain)
            return []
        state.retried_search = True
        return [
            DialogueAct("inform", domain, slot, value)
            for slot, value in state.constraints.items()
            if slot in state.told
        ]

    def _switch_constraints(self, domain: str) -> list[DialogueAct]:
        """Switch to the goal's ``info``; re-inform the told slots whose value changes (or that it drops)."""
        state = self.states[domain]
        state.constraints, state.alternative = state.alternative, {}
        state.found = False
        state.offered = ""
        return [
            DialogueAct("inform", domain, slot, state.constraints.get(slot, DONTCARE))
            for slot, value in state.told.items()
            if slot not in state.booking and state.constraints.get(slot, DONTCARE) != value
        ]

    def _after_nobook(self, domain: str) -> list[DialogueAct]:
        state = self.states[domain]
        if state.alternative_booking:
            return self._switch_booking(domain)
        if state.retried_booking or not state.booking:
            state.booking = {}  # give the booking up
            return []
        state.retried_booking = True
        return [DialogueAct("inform", domain, slot, value) for slot, value in state.booking.items()]

    def _after_booked(self, domain: str) -> list[DialogueAct]:
        state = self.states[domain]
        state.found = True
        if state.alternative_booking and any(slot in state.told for slot in state.booking):
            return self._switch_booking(domain)  # booked with the values meant to fail: ask for the others
        state.booked = True
        return []

    def _switch_booking(self, domain: str) -> list[DialogueAct]:
        state = self.states[domain]
        state.booking, state.alternative_booking = state.alternative_booking, {}
        state.booked = False
        changed = [slot for slot, value in state.booking.items() if state.told.get(slot) != value]
        return [DialogueAct("inform", domain, slot, state.booking[slot]) for slot in changed]

    def _give_up(self, domain: str) -> None:
        self.states[domain].given_up = True
        self.stack = [item for item in self.stack if item[1] != domain]

    # ------------------------------------------------------------------ popping the agenda
    def _pop(self, budget: int) -> list[DialogueAct]:
        """Up to ``budget`` acts from the top of the agenda, all of one domain; booking values go together."""
        said: list[DialogueAct] = []
        domain = ""
        while self.stack and budget > 0:
            item = self.stack[-1]
            if item == _CLOSE:
                if not said:
                    said = self._before_closing()
                break
            intent, item_domain, slot = item
            if self._obsolete(item):
                self.stack.pop()
                continue
            if (domain and item_domain != domain) or not self._ready(item):
                break
            if not domain and item_domain != self.current and not self._may_leave(self.current):
                break
            self.stack.pop()
            domain = item_domain
            said.append(self._say(item))
            budget -= 1
            if intent == "inform" and (slot in self.states[domain].booking or domain == "taxi"):
                said += self._group(domain)
        return said

    def _group(self, domain: str) -> list[DialogueAct]:
        """Pull the rest of a group that is said together: the booking values (a taxi: all its slots)."""
        state = self.states[domain]
        grouped = [
            item
            for item in self.stack
            if item[0] == "inform" and item[1] == domain and (domain == "taxi" or item[2] in state.booking)
        ]
        self.stack = [item for item in self.stack if item not in grouped]
        return [self._say(item) for item in reversed(grouped) if not self._obsolete(item)]

    def _obsolete(self, item: tuple[str, str, str]) -> bool:
        intent, domain, slot = item
        state = self.states[domain]
        if state.given_up:
            return True
        if intent == "request":
            return slot in state.answered or slot in state.asked
        value = self._value(domain, slot)
        return not value or state.told.get(slot) == value

    def _ready(self, item: tuple[str, str, str]) -> bool:
        intent, domain, slot = item
        state = self.states[domain]
        if intent == "inform" and slot not in state.booking:
            return True
        if domain == "taxi" or domain in VENUE_DOMAINS:
            return state.found
        return True  # police, hospital: nothing to find first

    def _may_leave(self, domain: str) -> bool:
        """Whether the user may move on from ``domain``: nothing there is still waiting for the system."""
        state = self.states.get(domain)
        return state is None or state.finished() or not any(item[1] == domain for item in self.stack)

    def _value(self, domain: str, slot: str) -> str:
        state = self.states[domain]
        value = state.value(slot)
        if not value and domain == "taxi" and slot in _PLACES:
            value = self._place(slot)
        return value

    def _say(self, item: tuple[str, str, str]) -> DialogueAct:
        intent, domain, slot = item
        return DialogueAct(intent, domain, slot, self._value(domain, slot) if intent == "inform" else "")

    def _idle(self) -> list[DialogueAct]:
        """The system left the user with nothing to answer: ask for a suggestion, then give the domain up."""
        domain = self.current
        state = self.states.get(domain)
        if state is None or self.closed:
            return [BYE]
        state.idle += 1
        if state.idle == 1 and not state.found and domain in VENUE_DOMAINS:
            return [DialogueAct("request", domain, _identifier(domain), "")]
        if not state.finished():
            self._give_up(domain)
        return self._pop(self._draw_count()) or [BYE]

    def _before_closing(self) -> list[DialogueAct]:
        """At the bottom of the agenda: ask for a suggestion where nothing was offered, give an unmade booking
        again and ask again what is unanswered (once each), else thank and say goodbye."""
        for domain in self.order:
            state = self.states[domain]
            if state.given_up:
                continue
            if not state.found and domain in VENUE_DOMAINS:
                state.idle += 1
                if state.idle == 1:
                    return [DialogueAct("request", domain, _identifier(domain), "")]
                state.given_up = True
                continue
            if state.found and state.booking and not state.booked and not state.retried_booking:
                state.retried_booking = True
                return [DialogueAct("inform", domain, slot, value) for slot, value in state.booking.items()]
            missing = [
                slot for slot in state.reqt if slot not in state.answered and state.asked.get(slot) == 1
            ]
            if missing:
                return [DialogueAct("request", domain, slot, "") for slot in missing]
        self.stack.pop()
        self.closed = True
        return [THANK, BYE]

    # ------------------------------------------------------------------ taxi endpoints
    def _place(self, slot: str) -> str:
        """A taxi endpoint the goal leaves open: a venue of the other goal domains (offered, else named)."""
        venues = [domain for domain in self.order if domain in ("restaurant", "hotel", "attraction")]
        taxi = self.states["taxi"].constraints
        if "arriveby" in taxi and "restaurant" in venues:  # the taxi takes the user to the booked table
            venues.remove("restaurant")
            venues.insert(1 if venues else 0, "restaurant")
        index = _PLACES.index(slot)
        if index < len(venues):
            return self._venue_name(venues[index])
        return ""

    def _venue_name(self, domain: str) -> str:
        state = self.states[domain]
        if state.offered:
            return normalize_value("name", state.offered)
        if "name" in state.constraints:
            return state.constraints["name"]
        matches = self.database.query(domain, state.constraints)
        return normalize_value("name", str(matches[0]["name"])) if matches else ""

    def _untold(self, domain: str) -> bool:
        state = self.states[domain]
        return any(item[1] == domain and item[0] == "inform" for item in self.stack) or not state.told


def _identifier(domain: str) -> str:
    return _IDENTIFIER.get(domain, "name")


def _contradicts(slot: str, offered: str, wanted: str) -> bool:
    """Whether an offered attribute breaks the user's constraint (unknown or free values never do)."""
    if slot not in _CHECKED or not wanted or wanted == DONTCARE or not offered or offered == "?":
        return False
    if slot in _TIMES:
        offered_minutes = time_to_minutes(normalize_value(slot, offered))
        wanted_minutes = time_to_minutes(wanted)
        if offered_minutes is None or wanted_minutes is None:
            return False
        return offered_minutes < wanted_minutes if slot == "leaveat" else offered_minutes > wanted_minutes
    said, meant = _bare(normalize_value(slot, offered)), _bare(wanted)
    if slot == "name":  # "ask" is "ask restaurant", "meze bar restaurant" is "meze bar"
        return said not in meant and meant not in said
    return said != meant


def _bare(text: str) -> str:
    return text.removeprefix("the ")
