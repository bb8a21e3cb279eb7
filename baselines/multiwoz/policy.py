"""The rule policy of the MultiWOZ rule system: belief state + database -> system acts.

Each user turn is handled per domain it touches (or, when it names none, the active domain):

* venue domains and trains (:mod:`baselines.multiwoz.search`): query the database with the tracked
  constraints; ``nooffer`` when nothing matches; while many entities match, report their number and ask about
  the unfilled constraint that splits them best (at most ``max_questions`` per domain); otherwise offer one
  (name or train id plus a few attributes, so the user can spot a mismatch). The offer stands while it still
  fits the constraints; user requests are answered from it;
* bookings (:mod:`baselines.multiwoz.booking_flow`): once the user gives a booking argument (or asks for a
  reference), the missing arguments are requested, then the offered entity is booked through the
  environment's booking service: ``book``/``offerbooked`` with the reference, or ``nobook``;
* taxis (also :mod:`~baselines.multiwoz.booking_flow`): ask for the route and a time, book, tell the car
  and its phone number;
* police and hospitals: tell the contact details from the database.

A turn whose domains are all settled (offer made, booking done or not wanted) ends with ``reqmore``; a turn
that only thanks or says goodbye gets ``welcome`` or ``bye``, which ends the dialogue.

The policy is deterministic: the same belief, turn and database give the same acts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from baselines.multiwoz.booking_flow import DomainProgress, book_taxi
from baselines.multiwoz.dst import BeliefTracker, UserTurn
from baselines.multiwoz.schema import VENUE_DOMAINS
from baselines.multiwoz.search import Search, attribute
from dialenv.acts import DialogueAct
from dialenv.multiwoz.booking import BookingResult

Entity = Mapping[str, Any]

REQMORE = DialogueAct("reqmore", "general")
WELCOME = DialogueAct("welcome", "general")
BYE = DialogueAct("bye", "general")
GREET = DialogueAct("greet", "general")


class Service(Protocol):
    """The episode's database and booking service, as ``env.query``/``env.book`` provide them."""

    def query(self, domain: str, constraints: Mapping[str, str]) -> list[Entity]: ...

    def book(self, domain: str, entity: Entity | None, args: Mapping[str, str]) -> BookingResult: ...


class RulePolicy:
    """Maps the tracked state of a dialogue and the last user turn to system acts.

    Args:
        ask_above: ask the user to narrow the search while more entities than this match.
        max_questions: at most this many narrowing questions per domain, then offer anyway.
    """

    def __init__(self, ask_above: int = 3, max_questions: int = 2):
        self.search = Search(ask_above=ask_above, max_questions=max_questions)
        self.progress: dict[str, DomainProgress] = {}

    def reset(self) -> None:
        """Forget the dialogue (a new episode)."""
        self.progress = {}

    def act(self, tracker: BeliefTracker, turn: UserTurn, service: Service) -> tuple[DialogueAct, ...]:
        domains = turn.domains
        if turn.general & {
            "thank",
            "bye",
        }:  # "thanks for the booking!": a domain named in a closing asks nothing
            domains = [domain for domain in domains if domain in turn.informed or domain in turn.requested]
        elif not domains and not turn.general and tracker.active:  # "yes please": go on where we were
            domains = [tracker.active]
        acts: list[DialogueAct] = []
        settled = True
        for domain in domains:
            domain_acts, done = self._domain_acts(domain, tracker, turn, service)
            acts.extend(domain_acts)
            settled = settled and done
        if acts:
            if settled and not any(act.intent == "request" for act in acts):
                acts.append(REQMORE)
            return tuple(dict.fromkeys(acts))
        if "bye" in turn.general:
            return (BYE,)
        if "thank" in turn.general:
            return (WELCOME,)
        if "greet" in turn.general:
            return (GREET,)
        return (REQMORE,)

    def _domain_acts(
        self, domain: str, tracker: BeliefTracker, turn: UserTurn, service: Service
    ) -> tuple[list[DialogueAct], bool]:
        """The acts about ``domain`` and whether the domain is settled (nothing left for the system to do)."""
        progress = self.progress.setdefault(domain, DomainProgress())
        slots = tracker.domain_state(domain)
        requested = turn.requested.get(domain, ())
        if domain in VENUE_DOMAINS:
            return self.search.respond(
                domain, slots, turn.informed.get(domain, {}), requested, progress, service
            )
        if domain == "taxi":
            return book_taxi(slots, requested, progress, service)
        return self._contact(domain, slots, requested, service)

    def _contact(
        self, domain: str, slots: Mapping[str, str], requested: Sequence[str], service: Service
    ) -> tuple[list[DialogueAct], bool]:
        """Police and hospital: the contact details of the (department's) entry, and what was asked."""
        if domain == "hospital" and "department" not in slots:
            return [DialogueAct("request", "hospital", "department")], False
        constraints = {"department": slots["department"]} if domain == "hospital" else {}
        matches = self.search.matches(service, domain, constraints)
        if not matches:
            return [DialogueAct("nooffer", domain, "department", slots["department"])], False
        entity = matches[0]
        said = ("name", "address", "phone") if domain == "police" else ("department", "phone")
        wanted = list(dict.fromkeys([*said, *requested]))
        return [DialogueAct("inform", domain, slot, attribute(entity, slot)) for slot in wanted], True
