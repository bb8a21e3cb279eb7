"""The env registry: versioned ids, lazy entry points, ``make``.

Modelled on Gymnasium's registry. An id is ``name-vN``; the version is bumped whenever a change can move a
metric, so a number published with ``moviebooking-v0`` keeps its meaning. Entry points are ``"module:attr"``
strings resolved only when the env is made, which keeps ``import dialenv`` light and lets an id in the core
name a simulator or baseline that lives in a package the core does not import.
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from dialenv.errors import DialenvError, UnknownEnvError

ID_PATTERN = re.compile(r"^(?P<name>[a-z0-9][a-z0-9_-]*?)-v(?P<version>\d+)$")

Kind = Literal["aec", "gym"]


@dataclass(frozen=True)
class EnvSpec:
    """Everything needed to build one registered environment and to explain it.

    Attributes:
        id: ``name-vN``.
        entry_point: ``"module:attr"`` (or a callable) returning the env; called with ``kwargs`` updated by
            the caller's keyword arguments.
        kind: ``"aec"`` for a PettingZoo ``AECEnv`` (all parties are agents), ``"gym"`` for a single-agent
            ``gymnasium.Env`` where the other party is a built-in partner.
        kwargs: default keyword arguments of the entry point.
        description: one line for ``dialenv list``.
        learner: for ``gym`` specs, the side the caller plays (``"system"``, ``"user"``, ...).
        reference_agents: agent entry points (by side) used by ``dialenv regress``, ``evaluate`` and ``demo``.
        datasets: what the env needs from ``dialenv.data``: dataset names, or ``"dataset/file"`` for single
            files (empty = runs with no data).
    """

    id: str
    entry_point: str | Callable[..., Any]
    kind: Kind
    kwargs: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    learner: str | None = None
    reference_agents: dict[str, str] = field(default_factory=dict)
    datasets: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return _split_id(self.id)[0]

    @property
    def version(self) -> int:
        return _split_id(self.id)[1]


_REGISTRY: dict[str, EnvSpec] = {}


def _split_id(env_id: str) -> tuple[str, int]:
    match = ID_PATTERN.match(env_id)
    if not match:
        raise DialenvError(f"malformed env id {env_id!r}: ids look like 'name-vN', e.g. 'moviebooking-v0'")
    return match["name"], int(match["version"])


def register(
    id: str,
    entry_point: str | Callable[..., Any],
    kind: Kind,
    **fields: Any,
) -> EnvSpec:
    """Register an env id. Re-registering an existing id is an error (bump the version instead)."""
    _split_id(id)
    if kind not in ("aec", "gym"):
        raise DialenvError(f"kind must be 'aec' or 'gym', got {kind!r}")
    if id in _REGISTRY:
        raise DialenvError(f"{id!r} is already registered; a changed behaviour needs a new version")
    spec_ = EnvSpec(id=id, entry_point=entry_point, kind=kind, **fields)
    _REGISTRY[id] = spec_
    return spec_


def spec(env_id: str) -> EnvSpec:
    """The :class:`EnvSpec` of a registered id; a helpful :class:`UnknownEnvError` otherwise."""
    if not isinstance(env_id, str):
        raise UnknownEnvError(f"env ids are strings like 'moviebooking-v0', got {type(env_id).__name__}")
    if env_id in _REGISTRY:
        return _REGISTRY[env_id]
    raise UnknownEnvError(_unknown_id_message(env_id))


def _unknown_id_message(env_id: str) -> str:
    match = ID_PATTERN.match(env_id)
    name = match["name"] if match else env_id
    versions = sorted(s.id for s in _REGISTRY.values() if s.name == name)
    if versions:
        return f"{env_id!r} is not registered; versions of {name!r} that exist: {', '.join(versions)}"
    close = difflib.get_close_matches(env_id, list(_REGISTRY), n=4, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    return f"no environment {env_id!r}.{hint} `dialenv list` shows all ids."


def registered_ids() -> list[str]:
    """All registered ids, sorted."""
    return sorted(_REGISTRY)


def all_specs() -> list[EnvSpec]:
    return [_REGISTRY[env_id] for env_id in registered_ids()]


def load_entry_point(entry_point: str | Callable[..., Any]) -> Callable[..., Any]:
    """Resolve ``"package.module:attr"`` (attr may be dotted) to the object it names."""
    if callable(entry_point):
        return entry_point
    module_name, _, attr = entry_point.partition(":")
    if not attr:
        raise DialenvError(f"entry point {entry_point!r} must look like 'package.module:attribute'")
    try:
        target: Any = importlib.import_module(module_name)
    except ImportError as error:
        raise DialenvError(
            f"cannot import {module_name!r} for entry point {entry_point!r}: {error}. "
            "If it is a baseline, install the extra: pip install 'dialenv[baselines]'"
        ) from error
    for part in attr.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise DialenvError(f"{module_name!r} has no attribute {attr!r} (entry point {entry_point!r})") from None
    return target


def make(env_id: str, **kwargs: Any) -> Any:
    """Build a registered environment; ``kwargs`` override the spec's defaults."""
    env_spec = spec(env_id)
    factory = load_entry_point(env_spec.entry_point)
    env = factory(**{**env_spec.kwargs, **kwargs})
    # Not ``.spec``: Gymnasium reserves that attribute for its own EnvSpec type.
    env.dialenv_spec = env_spec
    return env
