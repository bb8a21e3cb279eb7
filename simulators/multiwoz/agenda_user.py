"""The agenda-based MultiWOZ user simulator (Schatzmann et al. 2007) as a dialenv agent.

:class:`AgendaUser` is the built-in user of the MultiWOZ environments. Each turn it reads the system's acts
from the observation, or, when the environment runs at ``level="text"`` and shows words only, parses the
system's text with the rule NLU (:class:`~simulators.multiwoz.nlu.SystemTextNLU`); the agenda
(:mod:`simulators.multiwoz.agenda`) decides the user's acts; the template NLG
(:mod:`simulators.multiwoz.nlg`) says them with the ``"train"`` or ``"test"`` wording, or not at all with
``surface=None`` (acts only, for fast act-level runs). The true acts are always sent: the environment uses
them for evaluation and shows them to the system only at act level.

The goal comes from the observation (``goal`` entries); the simulator keeps its own account of what it has
said and what the system did, so it does not need ``goal_state``. ``reset(seed)`` fixes every choice: the
agenda and the wording draw from two generators derived from the seed, so the user behaves the same at act
and at text level when the system does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from dialenv.acts import DialogueAct
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.goal import goal_from_entries
from dialenv.seeding import derive_seeds
from simulators.multiwoz.agenda import UserAgenda
from simulators.multiwoz.nlg import UserNLG
from simulators.multiwoz.nlu import SystemTextNLU


class AgendaUser:
    """Simulated MultiWOZ user; implements the :class:`dialenv.agents.Agent` protocol.

    Args:
        surface: the NLG template set, ``"train"`` or ``"test"``, or ``None`` to send acts with empty text.
        database_variant: the database the user checks its scripted failures against (``"official"``).
    """

    def __init__(self, surface: str | None = "train", database_variant: str = "official") -> None:
        self.nlg = UserNLG(surface) if surface else None
        self.database = MultiWOZDatabase.load(database_variant)
        self._nlu: SystemTextNLU | None = None
        self.reset()

    @property
    def nlu(self) -> SystemTextNLU:
        """The rule NLU for system text, built on first use (it compiles a lexicon from the database)."""
        if self._nlu is None:
            self._nlu = SystemTextNLU()
        return self._nlu

    def reset(self, seed: int | None = None) -> None:
        """Forget the dialogue; ``seed`` fixes the agenda's and the wording's random choices."""
        self._seeds = derive_seeds(seed, 2)
        self.agenda: UserAgenda | None = None
        self._text_rng: np.random.Generator | None = None
        self.introduced: set[str] = set()

    def act(self, observation: Mapping[str, Any]) -> dict[str, Any]:
        """The user's next message: ``{"text": ..., "acts": (DialogueAct, ...)}``."""
        if self.agenda is None or not observation.get("history"):
            goal = goal_from_entries(observation["goal"])
            self.agenda = UserAgenda(goal, np.random.default_rng(self._seeds[0]), self.database)
            self._text_rng = None
            self.introduced = set()
        system_acts = tuple(_act(raw) for raw in observation.get("acts") or ())
        if not system_acts and observation.get("text"):
            system_acts = self.nlu.parse(observation["text"], active_domain=self.agenda.current)
        acts = self.agenda.respond(system_acts)
        text = ""
        if self.nlg is not None:
            if self._text_rng is None:
                self._text_rng = np.random.default_rng(self._seeds[1])
            text = self.nlg.realize(acts, self._text_rng, self.introduced)
            self.introduced.update(act.domain for act in acts if act.intent == "inform")
        return {"text": text, "acts": acts}


def _act(raw: Any) -> DialogueAct:
    """An observation act (a dict with intent/domain/slot/value, or a tuple) as a :class:`DialogueAct`."""
    if type(raw) is dict and len(raw) == 4:  # the env's form: checked first, this runs for every act
        return DialogueAct(raw["intent"], raw["domain"], raw["slot"], raw["value"])
    if isinstance(raw, Mapping):
        return DialogueAct(
            raw.get("intent", ""), raw.get("domain", ""), raw.get("slot", ""), raw.get("value", "")
        )
    return DialogueAct(*raw)
