"""Canonical order and signatures of movie-booking act lists.

The NLUs return acts in one canonical order so that a parse can be compared with the acts that produced the
text (``NLU(NLG(acts)) == canonical_order(acts)``), and the sim-M template table is keyed by an act
*signature*: what a template must express, without the values it is filled with.
"""

from __future__ import annotations

from collections.abc import Iterable

from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DONTCARE, SLOTS, SYSTEM_INTENTS, USER_INTENTS

#: One element of a signature: (intent, slot); a dontcare inform is ("inform", "<slot>=dontcare") because
#: its text differs from a template with a value placeholder ("any time is fine" vs "at {time}").
SignatureItem = tuple[str, str]
Signature = tuple[SignatureItem, ...]

_INTENT_RANK = {intent: rank for rank, intent in enumerate(dict.fromkeys(USER_INTENTS + SYSTEM_INTENTS))}
_SLOT_RANK = {slot: rank for rank, slot in enumerate(("",) + SLOTS)}


def _sort_key(act: DialogueAct) -> tuple[int, str, int, str, str, str]:
    """A total order (every field takes part), so the result never depends on set iteration order."""
    return (
        _INTENT_RANK.get(act.intent, len(_INTENT_RANK)),
        act.intent,
        _SLOT_RANK.get(act.slot, len(_SLOT_RANK)),
        act.slot,
        act.value,
        act.domain,
    )


def canonical_order(acts: Iterable[DialogueAct]) -> tuple[DialogueAct, ...]:
    """Distinct acts sorted by intent (the domain module's order), slot (``SLOTS`` order), then value."""
    return tuple(sorted(set(acts), key=_sort_key))


def signature_item(act: DialogueAct) -> SignatureItem:
    """The (intent, slot) pair of one act, marking dontcare values."""
    if act.value == DONTCARE:
        return (act.intent, f"{act.slot}={DONTCARE}")
    return (act.intent, act.slot)


def act_signature(acts: Iterable[DialogueAct]) -> Signature:
    """Sorted tuple of the acts' signature items: what a template for these acts must express."""
    return tuple(sorted(signature_item(act) for act in acts))
