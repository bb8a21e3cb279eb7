"""Dialogue acts and messages: the structured half of every turn.

A turn is a :class:`Message`: natural-language ``text`` plus, optionally, structured ``acts`` and (for
systems) a ``belief`` state. Acts follow the usual ``intent(domain-slot=value)`` form of task-oriented
dialogue (DSTC, MultiWOZ, M2M). Agents that only speak text are first-class: every field but ``text`` may
be empty.

:func:`parse_action` turns whatever an agent passes to ``env.step`` (a string, a dict, a ``Message``) into a
validated ``Message``, raising :class:`~dialenv.errors.InvalidAction` with a precise reason otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from dialenv.errors import InvalidAction

#: Longest utterance an environment accepts; longer text is truncated (documented on every env page).
MAX_TEXT_LENGTH = 1000
#: Most acts a single message may carry; further acts are dropped (documented on every env page).
MAX_ACTS = 32

ACT_FIELDS = ("intent", "domain", "slot", "value")
_ACT_FIELD_SET = frozenset(ACT_FIELDS)


class DialogueAct(NamedTuple):
    """One dialogue act: ``intent(domain-slot=value)``; unused fields are empty strings."""

    intent: str
    domain: str = ""
    slot: str = ""
    value: str = ""

    def __str__(self) -> str:
        inside = "-".join(part for part in (self.domain, self.slot) if part)
        if self.value:
            inside = f"{inside}={self.value}" if inside else self.value
        return f"{self.intent}({inside})"

    def as_dict(self) -> dict[str, str]:
        return {"intent": self[0], "domain": self[1], "slot": self[2], "value": self[3]}


@dataclass(frozen=True)
class Message:
    """What one party says in one turn."""

    speaker: str
    text: str = ""
    acts: tuple[DialogueAct, ...] = ()
    belief: Mapping[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "acts": [act.as_dict() for act in self.acts],
            "belief": dict(self.belief),
        }


def _as_str(value: Any, what: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InvalidAction(f"{what} must be a string, got {type(value).__name__} {value!r:.60}")


def parse_act(raw: Any) -> DialogueAct:
    """Validate one act given as a ``DialogueAct``, a mapping or a 1-4 item sequence."""
    if type(raw) is DialogueAct:  # the common case, checked first because it is on every env step
        fields = tuple(raw)
    elif isinstance(raw, Mapping):
        if not raw.keys() <= _ACT_FIELD_SET:
            unknown = set(raw) - _ACT_FIELD_SET
            raise InvalidAction(f"act has unknown keys {sorted(map(str, unknown))}; allowed keys: {ACT_FIELDS}")
        fields = (raw.get("intent", ""), raw.get("domain", ""), raw.get("slot", ""), raw.get("value", ""))
    elif isinstance(raw, (list, tuple)) and 1 <= len(raw) <= 4:
        fields = (*raw, *("",) * (4 - len(raw)))
    else:
        raise InvalidAction(
            f"an act must be a dict with keys {ACT_FIELDS} or a tuple (intent, domain, slot, value); "
            f"got {type(raw).__name__} {raw!r:.60}"
        )
    if len(fields) == 4 and type(fields[0]) is type(fields[1]) is type(fields[2]) is type(fields[3]) is str:
        return _normalized_act(fields)
    return _normalized_act.__wrapped__(fields)  # not cached: 1, 1.0 and True hash alike


@lru_cache(maxsize=8192)
def _normalized_act(fields: tuple[Any, ...]) -> DialogueAct:
    """Acts repeat constantly (a small vocabulary), so normalising them is cached."""
    values = [_as_str(value, f"act field {name!r}").strip().lower() for name, value in zip(ACT_FIELDS, fields)]
    if not values[0]:
        raise InvalidAction(f"act {fields!r:.60} has an empty intent")
    return DialogueAct(*values)


def parse_acts(raw: Any) -> tuple[DialogueAct, ...]:
    if raw is None:
        return ()
    if type(raw) not in (tuple, list) and (isinstance(raw, (str, bytes, Mapping)) or not isinstance(raw, Iterable)):
        raise InvalidAction(f"'acts' must be a list of acts, got {type(raw).__name__}")
    acts = []
    for item in raw:
        if len(acts) == MAX_ACTS:
            break
        acts.append(parse_act(item))
    return tuple(acts)


def parse_belief(raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise InvalidAction(f"'belief' must be a mapping slot -> value, got {type(raw).__name__}")
    belief = {}
    for slot, value in raw.items():
        slot_name = _as_str(slot, "belief slot").strip().lower()
        text = _as_str(value, f"belief value of {slot_name!r}").strip().lower()
        if text:  # an empty value means "not tracked"
            belief[slot_name] = text
    return belief


def parse_action(raw: Any, speaker: str, max_text: int = MAX_TEXT_LENGTH) -> Message:
    """Turn an agent's action into a :class:`Message`.

    Accepted forms: a ``str`` (text only); a ``Message``; a mapping with any of the keys ``text``, ``acts``
    and ``belief``. Text longer than ``max_text`` characters is truncated. Raises ``InvalidAction`` for
    anything else, naming the faulty field.
    """
    if isinstance(raw, Message):
        raw = {"text": raw.text, "acts": raw.acts, "belief": raw.belief}
    if isinstance(raw, str):
        raw = {"text": raw}
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise InvalidAction(
            f"{speaker}: an action must be a str, a dialenv.acts.Message or a dict with keys "
            f"'text', 'acts', 'belief'; got {type(raw).__name__}"
        )
    unknown = set(raw) - {"text", "acts", "belief"}
    if unknown:
        raise InvalidAction(f"{speaker}: unknown action keys {sorted(map(str, unknown))}; allowed: text, acts, belief")
    text = raw.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InvalidAction(f"{speaker}: 'text' must be a str, got {type(text).__name__}")
    try:
        acts = parse_acts(raw.get("acts"))
        belief = parse_belief(raw.get("belief"))
    except InvalidAction as error:
        raise InvalidAction(f"{speaker}: {error}") from None
    return Message(speaker=speaker, text=" ".join(text.split())[:max_text], acts=acts, belief=belief)
