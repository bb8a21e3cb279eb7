"""Gymnasium spaces for dialogue: utterances, dialogue acts, messages.

Observations and actions of dialenv envs are ``Dict`` spaces of these parts, so PettingZoo's ``api_test`` and
``seed_test`` and Gymnasium's ``check_env`` work on them, and any sample of an action space is a legal (if
useless) action.

Why a ``Text`` subclass: Gymnasium's ``Text.contains`` rejects any character outside the charset, but a
dialogue observation must be able to hold whatever a person or an LLM typed (accents, emoji, CJK).
:class:`Utterance` therefore samples from a readable charset but contains every ``str`` within its length
bounds.
"""

from __future__ import annotations

import string
from typing import Any

from gymnasium import spaces

from dialenv.acts import MAX_ACTS, MAX_TEXT_LENGTH

#: Characters used when sampling utterances: printable ASCII without control whitespace.
SAMPLE_CHARSET = string.ascii_letters + string.digits + " .,!?'-:"
#: Characters used when sampling act intents/slots: identifier-like.
NAME_CHARSET = string.ascii_lowercase + "_"


class Utterance(spaces.Text):
    """A ``Text`` space whose members are any ``str`` of ``min_length``..``max_length`` characters."""

    def __init__(self, max_length: int = MAX_TEXT_LENGTH, *, min_length: int = 0, charset: str = SAMPLE_CHARSET):
        super().__init__(max_length, min_length=min_length, charset=charset)

    def contains(self, x: Any) -> bool:
        return isinstance(x, str) and self.min_length <= len(x) <= self.max_length

    def __repr__(self) -> str:
        return f"Utterance({self.min_length}, {self.max_length})"


def act_space() -> spaces.Dict:
    """One dialogue act: intent (non-empty), domain, slot, value."""
    return spaces.Dict(
        {
            "intent": Utterance(32, min_length=1, charset=NAME_CHARSET),
            "domain": Utterance(32, charset=NAME_CHARSET),
            "slot": Utterance(32, charset=NAME_CHARSET),
            "value": Utterance(64),
        }
    )


def acts_space() -> spaces.Sequence:
    """A variable-length tuple of acts (at most :data:`~dialenv.acts.MAX_ACTS` are kept)."""
    return spaces.Sequence(act_space())


def slot_values_space(slots: tuple[str, ...], max_length: int = 64) -> spaces.Dict:
    """A mapping from every slot to a value string ("" = not set)."""
    return spaces.Dict({slot: Utterance(max_length) for slot in slots})


def message_action_space(belief_slots: tuple[str, ...] = ()) -> spaces.Dict:
    """The action space of a party: text, acts and, for systems, a belief state over ``belief_slots``."""
    parts: dict[str, spaces.Space] = {"text": Utterance(), "acts": acts_space()}
    if belief_slots:
        parts["belief"] = slot_values_space(belief_slots)
    return spaces.Dict(parts)


def history_space() -> spaces.Sequence:
    """All utterances so far, oldest first, as ``"speaker: text"`` strings."""
    return spaces.Sequence(Utterance(MAX_TEXT_LENGTH + 32))


def partner_view_spaces(max_turns: int) -> dict[str, spaces.Space]:
    """Spaces of the observation keys :meth:`dialenv.core.DialogueEnv.partner_view` fills, plus ``turn``."""
    return {
        "text": Utterance(),
        "acts": acts_space(),
        "history": history_space(),
        "turn": spaces.Discrete(max_turns + 1),
    }


def encode_acts(acts) -> tuple[dict[str, str], ...]:
    """Acts as members of :func:`acts_space` (tuples of plain dicts)."""
    return tuple(act.as_dict() for act in acts)


def encode_slot_values(slots: tuple[str, ...], values: dict[str, str]) -> dict[str, str]:
    """A mapping as a member of :func:`slot_values_space` (every slot present, "" when unset)."""
    return {slot: values.get(slot, "") for slot in slots}


__all__ = [
    "MAX_ACTS",
    "Utterance",
    "act_space",
    "acts_space",
    "encode_acts",
    "encode_slot_values",
    "history_space",
    "message_action_space",
    "partner_view_spaces",
    "slot_values_space",
]
