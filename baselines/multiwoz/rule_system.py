"""The MultiWOZ rule system: rule NLU + rule DST + rule policy + template NLG, as one agent.

The built-in system partner of the MultiWOZ envs (``multiwoz-user-v0``) and the reference system of
``multiwoz-joint-v0``. Per turn it reads the user's acts (or, when the env hides them at ``level="text"``,
parses the user's text with :class:`~baselines.multiwoz.nlu.UserTextNLU`), updates the belief state
(:mod:`baselines.multiwoz.dst`), decides its acts (:mod:`baselines.multiwoz.policy`) with the episode's
database and booking service, and says them with the template NLG (:mod:`baselines.multiwoz.nlg`). It always
sends its true acts and its belief state, so the env can score it and its DST.

The database and the booking service are the environment's: the runners call :meth:`RuleSystem.attach` with
the env (any object with ``query(domain, constraints)`` and ``book(domain, entity, args)``), so bookings are
recorded and scripted booking failures happen as the user goal says.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from baselines.multiwoz.dst import BeliefTracker
from baselines.multiwoz.nlg import SystemNLG
from baselines.multiwoz.policy import RulePolicy, Service
from dialenv.acts import ACT_FIELDS, DialogueAct, parse_act
from dialenv.errors import DialenvError

_ACT_FIELDS = frozenset(ACT_FIELDS)


class RuleSystem:
    """Rule-based MultiWOZ system; implements the :class:`dialenv.agents.Agent` protocol plus ``attach``.

    Args:
        surface: the NLG template set, ``"train"`` or ``"test"``, or ``None`` to send acts only (empty text).
        delexicalized: say ``[slot]`` placeholders instead of values (the env lexicalizes them).
        ask_above: ask narrowing questions while more entities than this match (see :class:`RulePolicy`).
        max_questions: at most this many narrowing questions per domain.
    """

    def __init__(
        self,
        surface: str | None = "train",
        delexicalized: bool = False,
        ask_above: int = 3,
        max_questions: int = 2,
    ):
        self.tracker = BeliefTracker()
        self.policy = RulePolicy(ask_above=ask_above, max_questions=max_questions)
        self.nlg = SystemNLG(surface, delexicalized=delexicalized)
        self.service: Service | None = None
        self._nlu: Any = None
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        """Start a new dialogue; ``seed`` fixes the NLG's choice of wording."""
        self._seed = seed
        self._rng: np.random.Generator | None = None
        self.tracker.reset()
        self.policy.reset()
        self.last_acts: tuple[DialogueAct, ...] = ()

    def attach(self, env: Service) -> None:
        """Use ``env``'s database queries and bookings (``env.query``, ``env.book``) from now on."""
        self.service = env

    @property
    def rng(self) -> np.random.Generator:
        """The dialogue's generator, made on first use (acts-only agents never need one)."""
        if self._rng is None:
            self._rng = np.random.default_rng(self._seed)
        return self._rng

    @property
    def nlu(self) -> Any:
        """The rule NLU for user text, built on first use (it compiles a lexicon from the database)."""
        if self._nlu is None:
            from baselines.multiwoz.nlu import UserTextNLU

            self._nlu = UserTextNLU()
        return self._nlu

    def act(self, observation: dict[str, Any]) -> dict[str, Any]:
        if self.service is None:
            raise DialenvError(
                "RuleSystem has no database: the runners call agent.attach(env) after env.reset(); "
                "when driving the env yourself, call system.attach(env) once"
            )
        user_acts = tuple(_user_act(raw) for raw in observation.get("acts") or ())
        text = observation.get("text") or ""
        if not user_acts and text:
            asked = tuple((act.domain, act.slot) for act in self.last_acts if act.intent == "request")
            user_acts = self.nlu.parse(
                text, active_domain=self.tracker.active, asked=asked, recent_domains=self.tracker.recent
            )
        turn = self.tracker.update(user_acts)
        self.last_acts = self.policy.act(self.tracker, turn, self.service)
        return {
            "text": self.nlg.realize(self.last_acts, self.rng) if self.nlg.surface else "",
            "acts": self.last_acts,
            "belief": self.tracker.flat(),
        }


def _user_act(raw: Any) -> DialogueAct:
    """An observation act as a :class:`DialogueAct`; the env's own form (a dict of the four fields, already
    normalised) is taken as it is, anything else is validated by :func:`dialenv.acts.parse_act`."""
    if type(raw) is dict and raw.keys() == _ACT_FIELDS:
        return DialogueAct(raw["intent"], raw["domain"], raw["slot"], raw["value"])
    return parse_act(raw)
