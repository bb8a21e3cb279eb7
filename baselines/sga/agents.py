"""SGA-DS and SGA-US as dialenv agents, so they play the MultiWOZ environments like any other party.

* :class:`SGASystemAgent` - per turn, the paper's end-to-end pipeline (sec. 3.2): from its own previous
  belief ``b_{t-1}`` and delexicalized response ``r_{t-1}`` and the user's utterance ``u_t`` it generates
  ``b_t``; the database result ``db_t`` comes from the environment's tools (``env.query``, ``env.book``,
  given by :meth:`SGASystemAgent.attach`); then ``a_t`` and ``r_t``. It sends ``{"text": r_t`` (with
  ``[placeholders]``, which the env lexicalizes), ``"acts"``, ``"belief"}``.
* :class:`SGAUserAgent` - from the previous system utterance ``r_{t-1}`` and the goal state ``g_t`` (the
  observation's ``goal_state`` entries) it generates ``ua_t`` and ``u_t``; sends ``{"text", "acts"}``.

SGA-DS writes system acts without values (``[restaurant] [inform] name address``). The env's online
evaluator only credits informs that carry a value, so :func:`ground_acts` gives each offering act the value
the env's lexicalization would put in the response: the belief's own value for a slot the belief holds,
the number of matches for ``choice``, and otherwise the attribute of the first database entity matching
the belief of the act's domain (the entity the env uses for ``[name]``, ``[address]`` ...). Acts it cannot
ground keep an empty value.

The user reads the system's text as the env shows it, i.e. lexicalized, while SGA-US was trained on
delexicalized ``r_{t-1}``; :func:`delexicalize` puts the placeholders back for every value the system's acts
carry (the corpus delexicalization is span-based in the same way). At ``level="text"`` the env hides the
acts and the user reads the lexicalized text as it is.

Both agents record the turns they generate (``agent.turns``: :class:`~baselines.sga.sequences.DSTurn` /
:class:`~baselines.sga.sequences.USTurn`), which :mod:`baselines.sga.jrud` turns into policy-gradient
sequences. Decoding is greedy unless a :class:`~baselines.sga.model.Sampling` is given; ``reset(seed)``
restarts the sampling seeds, so an episode is a function of its seed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from baselines.sga.generate import SGASystem, SGAUser
from baselines.sga.model import Sampling, load_checkpoint
from baselines.sga.sequences import SLOTS, DSTurn, USTurn, clean_text, serialize_goal, tolerant_query
from dialenv.acts import DialogueAct
from dialenv.errors import DialenvError
from dialenv.multiwoz.env import BELIEF_SLOTS
from dialenv.multiwoz.goal import goal_from_entries
from dialenv.multiwoz.online_eval import OFFER_INTENTS

CHECKPOINTS = Path(__file__).resolve().parent / "checkpoints"
DEFAULT_SYSTEM_CHECKPOINT = CHECKPOINTS / "sga-ds-cpu-small-sim"
DEFAULT_USER_CHECKPOINT = CHECKPOINTS / "sga-us-cpu-small-sim"
_BELIEF_SLOTS = frozenset(BELIEF_SLOTS)
_PLACEHOLDER_SLOTS = frozenset(SLOTS)


def load_policy(kind: str, checkpoint: str | Path, sampling: Sampling | None = None) -> SGASystem | SGAUser:
    """An :class:`SGASystem` (``kind="ds"``) or :class:`SGAUser` (``"us"``) from a checkpoint, on the CPU;
    a checkpoint of the other model is a clear error rather than nonsense generations."""
    model, tokenizer, info = load_checkpoint(checkpoint)
    if info.get("model") != kind:
        raise DialenvError(f"{checkpoint} holds an SGA {info.get('model')!r} model, expected {kind!r}")
    return (
        SGASystem(model, tokenizer, sampling=sampling)
        if kind == "ds"
        else SGAUser(model, tokenizer, sampling)
    )


def flat_belief(belief: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """``{"domain-slot": value}`` of a parsed belief, restricted to the slots the env accepts."""
    return {
        f"{domain}-{slot}": value
        for domain, slots in belief.items()
        for slot, value in slots.items()
        if f"{domain}-{slot}" in _BELIEF_SLOTS and value
    }


def ground_acts(
    acts: Sequence[DialogueAct], belief: Mapping[str, Mapping[str, str]], env: Any, domain: str
) -> tuple[DialogueAct, ...]:
    """Valueless offering acts with the values the env's lexicalization would use (see the module docstring).

    ``domain`` stands for the ``booking`` pseudo-domain (the turn's active domain).
    """
    matches: dict[str, list[Any]] = {}
    grounded = []
    for act in acts:
        if act.value or act.intent not in OFFER_INTENTS or not act.slot:
            grounded.append(act)
            continue
        where = domain if act.domain == "booking" else act.domain
        slots = belief.get(where, {})
        if where not in matches:
            matches[where] = tolerant_query(env, where, slots) if where in env.db.domains else []
        found = matches[where]
        if act.slot in slots:
            value = slots[act.slot]
        elif act.slot == "choice":
            value = str(len(found))
        else:
            value = str(found[0].get(act.slot, "")) if found else ""
        grounded.append(act._replace(value=value))
    return tuple(grounded)


def delexicalize(text: str, acts: Iterable[Mapping[str, str]]) -> str:
    """``text`` (already :func:`clean_text`-ed) with each value of ``acts`` replaced by its ``[slot]``.

    Longer values first and whole words only, so "pizza hut city centre" becomes ``[name]`` before "centre"
    could become ``[area]``, and a value "2" does not touch "12:00".
    """
    values = {
        clean_text(str(act.get("value") or "")): act.get("slot", "")
        for act in acts
        if act.get("value") and act.get("slot") in _PLACEHOLDER_SLOTS
    }
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = re.sub(rf"(?<!\S){re.escape(value)}(?!\S)", f"[{values[value]}]", text)
    return text


class SGASystemAgent:
    """SGA-DS as a MultiWOZ system agent (:class:`dialenv.agents.Agent` protocol plus ``attach``).

    Args:
        checkpoint: an SGA-DS checkpoint directory (default: the shipped ``sga-ds-cpu-small-sim``).
        policy: an :class:`SGASystem` to use instead of loading one (e.g. the model being trained by JRUD).
        sampling: decoding settings when loading from ``checkpoint`` (default greedy).
    """

    def __init__(
        self,
        checkpoint: str | Path = DEFAULT_SYSTEM_CHECKPOINT,
        policy: SGASystem | None = None,
        sampling: Sampling | None = None,
    ) -> None:
        self.policy = policy if policy is not None else load_policy("ds", checkpoint, sampling)
        self.env: Any = None
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        """Start a new dialogue: empty ``b_{t-1}`` and ``r_{t-1}``; sampling seeds restart at ``seed``."""
        self.policy.reseed(seed)
        self.turns: list[DSTurn] = []
        self._domain = ""

    def attach(self, env: Any) -> None:
        """Take ``db_t`` from ``env.query`` / ``env.book`` (bookings then follow the goal's script)."""
        self.env = env

    def act(self, observation: Mapping[str, Any]) -> dict[str, Any]:
        """One system turn: ``{"text": delexicalized r_t, "acts": grounded a_t, "belief": flat b_t}``."""
        return self.act_batch([self], [observation])[0]

    @classmethod
    def act_batch(
        cls, agents: Sequence[SGASystemAgent], observations: Sequence[Mapping[str, Any]]
    ) -> list[dict[str, Any]]:
        """The turns of many dialogues, one batched generation per shared policy (see :func:`play_batched`)."""
        for agent in agents:
            if agent.env is None:
                raise DialenvError(
                    "SGASystemAgent needs the env's database: the runners call agent.attach(env); "
                    "when driving the env yourself, call system.attach(env) once"
                )

        def answer(
            policy: SGASystem, group: list[SGASystemAgent], seen: list[Mapping[str, Any]]
        ) -> list[Any]:
            contexts = [agent._context(observation) for agent, observation in zip(group, seen)]
            turns = policy.respond(contexts, dbs=[agent.env for agent in group])
            return [agent._record(context, turn) for agent, context, turn in zip(group, contexts, turns)]

        return _per_policy(agents, observations, answer)

    def _context(self, observation: Mapping[str, Any]) -> tuple[str, str, str]:
        """``(b_{t-1}, r_{t-1}, u_t)``: the agent's own previous belief and response, and the user's text."""
        previous = self.turns[-1] if self.turns else None
        user = clean_text(observation.get("text") or "")
        return (previous.belief, previous.response, user) if previous else ("", "", user)

    def _record(self, context: tuple[str, str, str], turn: Any) -> dict[str, Any]:
        """Keep the turn (for JRUD) and make the env message with grounded acts."""
        self.turns.append(DSTurn("", len(self.turns), *context, turn.belief_text, turn.db, turn.act_text,
                                 turn.response))  # fmt: skip
        self._domain = next(
            (act.domain for act in turn.acts if act.domain not in ("general", "booking")), self._domain
        )
        acts = ground_acts(turn.acts, turn.belief, self.env, self._domain)
        return {"text": turn.response, "acts": acts, "belief": flat_belief(turn.belief)}


class SGAUserAgent:
    """SGA-US as a MultiWOZ user agent (:class:`dialenv.agents.Agent` protocol).

    Args:
        checkpoint: an SGA-US checkpoint directory (default: the shipped ``sga-us-cpu-small-sim``).
        policy: an :class:`SGAUser` to use instead of loading one.
        sampling: decoding settings when loading from ``checkpoint`` (default greedy).
    """

    def __init__(
        self,
        checkpoint: str | Path = DEFAULT_USER_CHECKPOINT,
        policy: SGAUser | None = None,
        sampling: Sampling | None = None,
    ) -> None:
        self.policy = policy if policy is not None else load_policy("us", checkpoint, sampling)
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        """Start a new dialogue; sampling seeds restart at ``seed``."""
        self.policy.reseed(seed)
        self.turns: list[USTurn] = []

    def act(self, observation: Mapping[str, Any]) -> dict[str, Any]:
        """One user turn from ``r_{t-1}`` (the observation's text) and ``g_t`` (its ``goal_state``)."""
        return self.act_batch([self], [observation])[0]

    @classmethod
    def act_batch(
        cls, agents: Sequence[SGAUserAgent], observations: Sequence[Mapping[str, Any]]
    ) -> list[dict[str, Any]]:
        """The turns of many dialogues, one batched generation per shared policy (see :func:`play_batched`)."""

        def answer(policy: SGAUser, group: list[SGAUserAgent], seen: list[Mapping[str, Any]]) -> list[Any]:
            contexts = [_user_context(observation) for observation in seen]
            turns = policy.act(contexts)
            for agent, context, turn in zip(group, contexts, turns):
                agent.turns.append(USTurn("", len(agent.turns), *context, turn.act_text, turn.text))
            return [{"text": turn.text, "acts": turn.acts} for turn in turns]

        return _per_policy(agents, observations, answer)


def _user_context(observation: Mapping[str, Any]) -> tuple[str, str]:
    """``(r_{t-1}, g_t)``: the system's text with its placeholders restored, and the serialised goal state."""
    if "goal_state" not in observation:
        raise DialenvError("SGAUserAgent needs the user's observation with 'goal_state' entries (MultiWOZ)")
    goal = serialize_goal(goal_from_entries(observation["goal_state"]))
    return delexicalize(clean_text(observation.get("text") or ""), observation.get("acts") or ()), goal


def _per_policy(agents: Sequence[Any], observations: Sequence[Any], answer: Any) -> list[Any]:
    """``answer(policy, agents, observations)`` once per policy object the agents share (one batched call
    each), the actions put back in the agents' order."""
    groups: dict[int, list[int]] = {}
    for index, agent in enumerate(agents):
        groups.setdefault(id(agent.policy), []).append(index)
    actions: list[Any] = [None] * len(agents)
    for members in groups.values():
        group = [agents[index] for index in members]
        replies = answer(group[0].policy, group, [observations[index] for index in members])
        for index, action in zip(members, replies):
            actions[index] = action
    return actions
