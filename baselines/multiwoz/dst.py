"""Rule dialogue state tracking for the MultiWOZ rule system: user acts -> belief state and active domain.

The belief state holds, per domain, the last value the user informed for each search constraint and
booking argument (``dontcare`` included); a later value replaces an earlier one, since users correct
themselves and switch to alternatives after a "no match". Values are normalised to the database spelling.
The *active domain* is where the user is heading: the last domain of the latest turn that informed something
(a turn that informs a train and asks for a restaurant's phone moves on to the train), else the last domain
the turn mentioned; a turn that names no domain ("yes please", "5 people") is about the active one.

:meth:`BeliefTracker.update` also returns a :class:`UserTurn`: what this turn said, which the policy reacts
to (the domains in play, the new informs, the requests, thank/bye/greet).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from baselines.multiwoz.schema import BELIEF_SLOTS
from dialenv.acts import DialogueAct
from dialenv.multiwoz.normalize import normalize_value

#: Slotless intents of the user that are not about a domain.
GENERAL_INTENTS = frozenset({"thank", "bye", "greet"})


@dataclass
class UserTurn:
    """One user turn, digested.

    Attributes:
        domains: the domains the turn is about, in order of first mention.
        informed: domain -> slot -> value of the informs in this turn (after normalisation).
        requested: domain -> requested slots, in order.
        general: the turn's thank / bye / greet intents.
    """

    domains: list[str] = field(default_factory=list)
    informed: dict[str, dict[str, str]] = field(default_factory=dict)
    requested: dict[str, list[str]] = field(default_factory=dict)
    general: frozenset[str] = frozenset()


class BeliefTracker:
    """Tracks the belief state (domain -> slot -> value) and the active domain from user acts."""

    def __init__(self) -> None:
        self.belief: dict[str, dict[str, str]] = {}
        self.active: str | None = None
        self.recent: list[str] = []  # domains talked about, most recent last

    def reset(self) -> None:
        self.belief = {}
        self.active = None
        self.recent = []

    def update(self, acts: Iterable[DialogueAct]) -> UserTurn:
        """Fold one user turn into the state; acts of unknown domains or slots only mark their domain."""
        turn = UserTurn()
        general = set()
        for act in acts:
            if act.intent in GENERAL_INTENTS:
                general.add(act.intent)
                continue
            slots = BELIEF_SLOTS.get(act.domain)
            if slots is None:
                continue
            if act.domain not in turn.domains:
                turn.domains.append(act.domain)
            if act.intent == "inform" and act.slot in slots and act.value:
                value = normalize_value(act.slot, act.value)
                self.belief.setdefault(act.domain, {})[act.slot] = value
                turn.informed.setdefault(act.domain, {})[act.slot] = value
            elif act.intent == "request" and act.slot:
                requested = turn.requested.setdefault(act.domain, [])
                if act.slot not in requested:
                    requested.append(act.slot)
        turn.general = frozenset(general)
        informing = [domain for domain in turn.domains if domain in turn.informed]
        if informing or turn.domains:
            self.active = (informing or turn.domains)[-1]
            self.recent = [domain for domain in self.recent if domain != self.active] + [self.active]
        return turn

    def domain_state(self, domain: str) -> dict[str, str]:
        """The tracked slots of ``domain`` (a live view: do not modify)."""
        return self.belief.get(domain, _EMPTY)

    def flat(self) -> dict[str, str]:
        """The belief state as the env expects it: ``{"restaurant-food": "chinese", ...}``."""
        return {
            f"{domain}-{slot}": value
            for domain, slots in self.belief.items()
            for slot, value in slots.items()
        }


_EMPTY: dict[str, str] = {}
