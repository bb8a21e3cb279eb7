"""Joint goal accuracy: the share of turns whose predicted dialogue state is entirely right.

A turn counts when the predicted state and the ground-truth belief state (dialenv records: MultiWOZ 2.1
after the SGA cleaning, ``dontcare`` included) fill exactly the same (domain, slot) pairs and every value
matches. Slot names and values are normalised first (:mod:`dialenv.multiwoz.normalize`), and values match
as in the standard evaluator's DST scoring: equal, or a partial ratio above 95 (so ``the cambridge belfry``
matches ``cambridge belfry``).
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from dialenv.multiwoz.eval_reference import State

VALUE_RATIO = 95


def joint_goal_accuracy(pairs: Iterable[tuple[State, State]]) -> float:
    """Percentage of ``(predicted, gold)`` state pairs that match completely."""
    matched = total = 0
    for predicted, gold in pairs:
        total += 1
        matched += _same_state(predicted, gold)
    return 100.0 * matched / total if total else 0.0


def _same_state(predicted: State, gold: State) -> bool:
    flat_predicted = _flatten(predicted)
    flat_gold = _flatten(gold)
    if flat_predicted.keys() != flat_gold.keys():
        return False
    return all(_same_value(flat_predicted[key], value) for key, value in flat_gold.items())


def _same_value(predicted: str, gold: str) -> bool:
    return predicted == gold or fuzz.partial_ratio(predicted, gold) > VALUE_RATIO


def _flatten(state: State) -> dict[tuple[str, str], str]:
    return {(domain, slot): value for domain, slots in state.items() for slot, value in slots.items()}
