"""The ``Agent`` protocol: how built-in partners, baselines and third-party agents plug in.

An agent is anything with ``reset(seed)`` and ``act(observation) -> action``. A plain callable
``observation -> action`` is accepted too (wrapped by :func:`as_agent`). An agent may also define
``attach(env)``: dialenv's runners call it at the start of every episode with the dialogue env, whose tools
(e.g. MultiWOZ ``env.query`` and ``env.book``) the agent may then use like an LLM uses tools. A class may
define the classmethod ``act_batch(agents, observations) -> actions``: when many dialogues are played in
lockstep (:func:`dialenv.rollout.play_batched`), the due agents of that class are asked together, so a
neural agent can answer them in one batched model call. Agents are named either by a registered short name
per task (``"rule-system"``) or by an entry point ``"package.module:attr"``; an entry point naming a class
or factory is called with the keyword arguments given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from dialenv.errors import DialenvError
from dialenv.registration import load_entry_point


@runtime_checkable
class Agent(Protocol):
    """A dialogue party. ``reset`` starts a new dialogue; ``act`` returns the next action."""

    def reset(self, seed: int | None = None) -> None: ...

    def act(self, observation: Any) -> Any: ...


class CallableAgent:
    """Adapts a stateless ``observation -> action`` function to the :class:`Agent` protocol."""

    def __init__(self, function: Callable[[Any], Any]):
        self.function = function

    def reset(self, seed: int | None = None) -> None:
        pass

    def act(self, observation: Any) -> Any:
        return self.function(observation)

    def __repr__(self) -> str:
        return f"CallableAgent({getattr(self.function, '__name__', self.function)!r})"


def as_agent(candidate: Any) -> Agent:
    """Return ``candidate`` as an :class:`Agent` (it may already be one, or be a callable)."""
    if isinstance(candidate, Agent):
        return candidate
    if callable(candidate):
        return CallableAgent(candidate)
    raise DialenvError(
        f"{candidate!r} is not an agent: give an object with reset(seed) and act(observation), "
        "or a function observation -> action"
    )


_NAMED_AGENTS: dict[str, str] = {}


def register_agent(name: str, entry_point: str) -> None:
    """Give an agent entry point a short name usable on the command line (``--agent NAME``)."""
    _NAMED_AGENTS[name] = entry_point


def named_agents() -> dict[str, str]:
    return dict(_NAMED_AGENTS)


def load_agent(reference: Any, **kwargs: Any) -> Agent:
    """Build an agent from a short name, an ``"module:attr"`` entry point, a class, an agent or a callable.

    A class is instantiated with ``kwargs``; an object with ``reset``/``act`` is used as is; any other
    callable is taken as a policy function ``observation -> action``.
    """
    if isinstance(reference, str):
        if reference in _NAMED_AGENTS:
            reference = _NAMED_AGENTS[reference]
        elif ":" not in reference:
            known = ", ".join(sorted(_NAMED_AGENTS)) or "none"
            raise DialenvError(f"unknown agent {reference!r}: use a registered name ({known}) or 'module:attr'")
        reference = load_entry_point(reference)
    if isinstance(reference, type):
        return as_agent(reference(**kwargs))
    if kwargs:
        raise DialenvError(f"keyword arguments {sorted(kwargs)} given for {reference!r}, which is not a class")
    return as_agent(reference)


class RandomAgent:
    """Samples its action space: the reference 'random policy' (legal, useless actions)."""

    def __init__(self, action_space):
        self.action_space = action_space

    def reset(self, seed: int | None = None) -> None:
        self.action_space.seed(seed)

    def act(self, observation: Any) -> Any:
        return self.action_space.sample()
