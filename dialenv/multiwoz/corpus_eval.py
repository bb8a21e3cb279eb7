"""The standard MultiWOZ corpus evaluation (context-to-response): Inform, Success, BLEU, Combined, JGA.

Definitions follow Nekvinda & Dušek (2021), "Shades of BLEU, Flavours of Success: The Case of MultiWOZ",
the evaluator used by the MultiWOZ leaderboard and by the SGA paper (sec. 4.2):

* **Inform** (% of dialogues): the system offered, for every goal domain, venues that fit the user goal;
  the offered venues are found by querying the database with the turn's dialogue state: the *predicted*
  state when the prediction file has one on every turn, else the ground-truth state
  (:mod:`dialenv.multiwoz.inform_success`, :mod:`dialenv.multiwoz.venues`);
* **Success** (% of dialogues): informed, and every requested phone / address / postcode / train id /
  booking reference was provided (placeholders ``[phone]`` ... in delexicalized responses);
* **BLEU**: sacreBLEU corpus BLEU of the normalised delexicalized responses against the normalised
  delexicalized corpus responses (:mod:`dialenv.multiwoz.eval_text`, :mod:`dialenv.multiwoz.bleu`);
* **Combined** = BLEU + (Inform + Success) / 2;
* **joint goal accuracy** (% of turns), when the file has states (:mod:`dialenv.multiwoz.dst`).

Responses must be *delexicalized* (``"[name] is at [address]"``): Inform/Success look for placeholders,
and BLEU compares with delexicalized references, so lexicalized output scores near zero on all three.

Input: the de-facto standard prediction file, a dict from lower-case dialogue id without ``.json``
(``"sng0073"``) to the list of system turns, each ``{"response": str, "state": {domain: {slot: value}}
(optional), "active_domains": [domain, ...] (optional)}``. Files may cover a subset of the dialogues (the
scores then cover those) and a dialogue may stop early; anything else malformed raises
:class:`PredictionError` naming the dialogue and turn. Ground truth comes from the dialenv records of
MultiWOZ 2.1 (:mod:`dialenv.multiwoz.eval_reference`).

Command line: ``dialenv evaluate-corpus predictions.json [--split test] [--json out.json]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dialenv.errors import DialenvError

try:  # checked first so that the error names what to install
    import rapidfuzz  # noqa: F401
    import sacrebleu  # noqa: F401
except ImportError as missing:
    raise ImportError(
        f"the MultiWOZ corpus evaluator needs the packages sacrebleu and rapidfuzz ({missing.name} is not "
        "installed): pip install 'sacrebleu>=2.3' 'rapidfuzz>=3'"
    ) from missing

from dialenv.multiwoz.dst import joint_goal_accuracy
from dialenv.multiwoz.eval_reference import SplitReference, State, split_reference
from dialenv.multiwoz.eval_text import normalize_response
from dialenv.multiwoz.inform_success import DialogueScore, estimate_active_domains, score_dialogue
from dialenv.multiwoz.normalize import is_unset, normalize_value
from dialenv.multiwoz.ontology import canonical_slot

_SHOWN = 5  # how many offending ids an error or warning lists


class PredictionError(DialenvError, ValueError):
    """A prediction file does not have the standard format; the message says where and what to fix."""


def evaluate_predictions(predictions: Mapping[str, Any], split: str = "test") -> dict[str, Any]:
    """Score a prediction dict against ``split``; see the module docstring for the format and metrics.

    Returns a dict with ``inform``, ``success``, ``bleu``, ``combined``, ``joint_goal_accuracy`` (``None``
    without states), per-domain ``inform_per_domain``/``success_per_domain``, counts (``dialogues``,
    ``turns``, ``missing_dialogues``), where states and active domains came from, and ``warnings``.
    Scores are percentages (BLEU on sacreBLEU's 0-100 scale).
    """
    reference = split_reference(split)
    dialogues = _parse(predictions, reference, split)
    warnings = _coverage_warnings(dialogues, reference, split)
    has_states = _given_everywhere(dialogues, "state", "ground-truth states are used", warnings)
    has_domains = _given_everywhere(dialogues, "active_domains", "active domains are estimated", warnings)
    responses = _normalized_responses(dialogues, warnings)

    scores: dict[str, DialogueScore] = {}
    state_pairs: list[tuple[State, State]] = []
    for key, turns in dialogues.items():
        truth = reference.dialogues[key]
        if has_states:
            states = [_normalize_state(turn["state"]) for turn in turns]
            state_pairs.extend(zip(states, truth.beliefs))
        else:
            states = list(truth.states[: len(turns)])
        if has_domains:
            active = [[domain.lower() for domain in turn["active_domains"]] for turn in turns]
        else:
            active = estimate_active_domains(states)
        scores[key] = score_dialogue(truth, responses[key], states, active, reference.venues)

    bleu = reference.bleu.score(
        ((key, index), text) for key, texts in responses.items() for index, text in enumerate(texts)
    )
    inform = 100.0 * sum(score.informed for score in scores.values()) / len(scores)
    success = 100.0 * sum(score.succeeded for score in scores.values()) / len(scores)
    return {
        "inform": inform,
        "success": success,
        "bleu": bleu,
        "combined": bleu + (inform + success) / 2,
        "joint_goal_accuracy": joint_goal_accuracy(state_pairs) if has_states else None,
        "inform_per_domain": _per_domain(scores.values(), succeeded=False),
        "success_per_domain": _per_domain(scores.values(), succeeded=True),
        "dialogues": len(dialogues),
        "turns": sum(len(turns) for turns in dialogues.values()),
        "missing_dialogues": len(reference.dialogues) - len(dialogues),
        "split": split,
        "state_source": "predicted" if has_states else "ground truth",
        "domain_source": "predicted" if has_domains else "estimated from states",
        "warnings": warnings,
    }


def load_predictions(path: str | Path) -> Any:
    """Read a prediction file (``.json`` or ``.json.gz``)."""
    path = Path(path)
    try:
        with (
            gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")
        ) as f:
            return json.load(f)
    except FileNotFoundError:
        raise PredictionError(f"prediction file {str(path)!r} does not exist") from None
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as error:
        raise PredictionError(f"{path} is not a readable JSON file ({error})") from None


def main(argv: Sequence[str] | None = None) -> int:
    """``dialenv evaluate-corpus``: print the scores of a prediction file; exit status 2 on bad input."""
    parser = argparse.ArgumentParser(
        prog="dialenv evaluate-corpus",
        description="Score MultiWOZ test-set predictions with the standard Inform, Success, BLEU and Combined "
        "(Nekvinda & Dusek 2021), plus joint goal accuracy when states are given.",
    )
    parser.add_argument("predictions", help="prediction file (.json or .json.gz): {dialogue id: [turns]}")
    parser.add_argument(
        "--split", default="test", choices=("test", "val"), help="corpus split (default: test)"
    )
    parser.add_argument("--json", metavar="OUT", help="also write the full results to this JSON file")
    args = parser.parse_args(argv)
    try:
        results = evaluate_predictions(load_predictions(args.predictions), split=args.split)
    except DialenvError as error:  # a malformed prediction file, or missing corpus data
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_results(results))
    for warning in results["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def format_results(results: Mapping[str, Any]) -> str:
    """A plain-text table of the results of :func:`evaluate_predictions`."""
    jga = results["joint_goal_accuracy"]
    lines = [
        (
            f"MultiWOZ corpus evaluation: {results['split']} split, {results['dialogues']} dialogues, "
            f"{results['turns']} turns"
        ),
        f"states: {results['state_source']}; active domains: {results['domain_source']}",
        "",
        f"{'Inform':<20}{results['inform']:>8.1f}",
        f"{'Success':<20}{results['success']:>8.1f}",
        f"{'BLEU':<20}{results['bleu']:>8.2f}",
        f"{'Combined':<20}{results['combined']:>8.2f}",
        f"{'Joint goal acc.':<20}{'-' if jga is None else format(jga, '.1f'):>8}",
        "",
        f"{'domain':<12}{'inform':>8}{'success':>9}",
    ]
    for domain, inform in results["inform_per_domain"].items():
        lines.append(f"{domain:<12}{inform:>8.1f}{results['success_per_domain'][domain]:>9.1f}")
    return "\n".join(lines)


def _parse(predictions: Any, reference: SplitReference, split: str) -> dict[str, list[Mapping[str, Any]]]:
    """Validate the prediction dict and key it by corpus id (lower case, without ``.json``)."""
    if not isinstance(predictions, Mapping):
        raise PredictionError(
            f"predictions must be a dict {{dialogue id: [turns]}}, got {type(predictions).__name__}"
        )
    if not predictions:
        raise PredictionError("the prediction dict is empty")
    dialogues: dict[str, list[Mapping[str, Any]]] = {}
    unknown = []
    for raw_id, turns in predictions.items():
        key = str(raw_id).lower().removesuffix(".json")
        if key not in reference.dialogues:
            unknown.append(str(raw_id))
            continue
        if key in dialogues:
            raise PredictionError(f"dialogue {raw_id!r} appears twice (ids are case-insensitive)")
        dialogues[key] = _parse_turns(raw_id, turns, len(reference.dialogues[key].responses))
    if unknown:
        raise PredictionError(
            f"{len(unknown)} dialogue id(s) are not in the {split} split, e.g. {', '.join(unknown[:_SHOWN])}; "
            f"ids look like 'sng0073' or 'pmul4648' (the corpus id, lower case, without .json)"
        )
    return dialogues


def _parse_turns(dialogue_id: Any, turns: Any, expected: int) -> list[Mapping[str, Any]]:
    where = f"dialogue {dialogue_id!r}"
    if not isinstance(turns, list):
        raise PredictionError(f"{where}: expected a list of turns, got {type(turns).__name__}")
    if len(turns) > expected:
        raise PredictionError(
            f"{where}: {len(turns)} turns given but the corpus dialogue has {expected} system turns"
        )
    for index, turn in enumerate(turns):
        here = f"{where}, turn {index}"
        if not isinstance(turn, Mapping):
            raise PredictionError(
                f"{here}: a turn must be a dict with a 'response', got {type(turn).__name__}"
            )
        if not isinstance(turn.get("response"), str):
            raise PredictionError(f"{here}: 'response' must be a string (the delexicalized system response)")
        if "state" in turn:
            _check_state(here, turn["state"])
        if "active_domains" in turn:
            domains = turn["active_domains"]
            if not isinstance(domains, list) or not all(isinstance(domain, str) for domain in domains):
                raise PredictionError(f"{here}: 'active_domains' must be a list of domain names")
    return turns


def _check_state(where: str, state: Any) -> None:
    if not isinstance(state, Mapping):
        raise PredictionError(f"{where}: 'state' must be a dict {{domain: {{slot: value}}}}")
    for domain, slots in state.items():
        if not isinstance(slots, Mapping):
            raise PredictionError(f"{where}: state[{domain!r}] must be a dict {{slot: value}}")
        for slot, value in slots.items():
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                raise PredictionError(
                    f"{where}: state[{domain!r}][{slot!r}] must be a string, got {value!r:.40}"
                )


def _normalize_state(state: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, str]]:
    normalized: dict[str, dict[str, str]] = {}
    for domain, slots in state.items():
        clean = {}
        for name, value in slots.items():
            slot = canonical_slot(name)
            if not is_unset(str(value)):
                clean[slot] = normalize_value(slot, str(value))
        if clean:
            normalized[str(domain).lower()] = clean
    return normalized


def _given_everywhere(
    dialogues: Mapping[str, list[Any]], key: str, fallback: str, warnings: list[str]
) -> bool:
    """Whether every turn has ``key``; warn when only some have it (then none is used)."""
    count = sum(key in turn for turns in dialogues.values() for turn in turns)
    total = sum(len(turns) for turns in dialogues.values())
    if 0 < count < total:
        warnings.append(f"only {count} of {total} turns have {key!r}: {fallback} for every turn")
    return count == total


def _normalized_responses(dialogues: Mapping[str, list[Any]], warnings: list[str]) -> dict[str, list[str]]:
    """The normalised responses of every dialogue; warns about unknown placeholders and lexicalized text."""
    unknown: Counter[str] = Counter()
    responses: dict[str, list[str]] = {}
    for key, turns in dialogues.items():
        responses[key] = []
        for turn in turns:
            text, missing = normalize_response(turn["response"])
            responses[key].append(text)
            unknown.update(missing)
    if unknown:
        names = ", ".join(f"[{name}] x{count}" for name, count in unknown.most_common(_SHOWN))
        warnings.append(f"placeholders of unknown slots were dropped: {names}")
    if all(text == text.lower() for texts in responses.values() for text in texts):  # no category anywhere
        warnings.append(
            "no response contains a placeholder such as [name] or [phone]: Inform/Success and BLEU expect "
            "delexicalized responses"
        )
    return responses


def _coverage_warnings(
    dialogues: Mapping[str, list[Any]], reference: SplitReference, split: str
) -> list[str]:
    warnings = []
    missing = len(reference.dialogues) - len(dialogues)
    if missing:
        warnings.append(
            f"{missing} of the {len(reference.dialogues)} {split} dialogues have no predictions; "
            f"scores cover the {len(dialogues)} given"
        )
    short = [key for key, turns in dialogues.items() if len(turns) < len(reference.dialogues[key].responses)]
    if short:
        warnings.append(
            f"{len(short)} dialogue(s) have fewer turns than the corpus, e.g. {', '.join(short[:_SHOWN])}"
        )
    return warnings


def _per_domain(scores: Iterable[DialogueScore], succeeded: bool) -> dict[str, float]:
    """Per goal domain, the percentage of the dialogues with that domain that informed (or succeeded) on it."""
    hits: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for score in scores:
        for domain in score.inform:
            seen[domain] += 1
            hits[domain] += score.success.get(domain, False) if succeeded else score.inform[domain]
    return {domain: 100.0 * hits[domain] / seen[domain] for domain in sorted(seen)}
