"""Offline (corpus) evaluation of PERSONA-CHAT agents: Hits@1, F1, perplexity, and persona probing.

The agent plays "you" (B) of every turn of every dialogue with the true history (teacher forcing, as in the
ConvAI2 evaluation), seeing the same observation as in the env: ``persona``, the partner's ``text``,
``history`` (``"A: ..."``/``"B: ..."`` lines up to the partner's utterance) and ``turn``. What is measured
depends on what the agent offers:

* **Hits@1** (agents with ``rank(observation, candidates) -> scores``, :class:`CandidateRanker`): the true
  response must score highest among 20 candidates — the file's own candidates when it has them, otherwise the
  true response and 19 responses of *other* dialogues drawn with a generator seeded by ``seed`` (so the
  figures of a no-candidates file are close to, not equal to, the official ones). Ties count as expected
  under random tie-breaking.
* **F1** (agents with ``reset``/``act``, :class:`dialenv.agents.Agent`): word-level F1 between the agent's
  response and the true one after ParlAI's normalisation (:func:`normalize_answer`). The agent is reset with a
  seed derived from ``seed`` at the start of every dialogue.
* **Perplexity** (agents with ``token_log_probs(observation, response)``, :class:`TokenLogProbs`):
  ``exp`` of the mean negative log-probability per token of the true responses, over the agent's own tokens
  (so it compares models only when they share a tokenisation).

Persona-perception probing (paper Table 5) is in :mod:`~dialenv.personachat.probing`; :func:`main` prints
both (``dialenv evaluate-corpus personachat ...``).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import string
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from dialenv.agents import Agent, load_agent
from dialenv.errors import DialenvError
from dialenv.personachat import corpus
from dialenv.personachat.perception import rank_of
from dialenv.personachat.probing import format_probing, probing_table
from dialenv.personachat.records import PersonaDialogue
from dialenv.seeding import derive_seeds

CANDIDATES = 20
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]")


@runtime_checkable
class CandidateRanker(Protocol):
    """Scores response candidates (higher = better) given an observation."""

    def rank(self, observation: Mapping[str, Any], candidates: Sequence[str]) -> Sequence[float]: ...


@runtime_checkable
class TokenLogProbs(Protocol):
    """Natural-log probabilities of the tokens of a response given an observation."""

    def token_log_probs(
        self, observation: Mapping[str, Any], response: str
    ) -> tuple[Sequence[str], Sequence[float]]: ...


def normalize_answer(text: str) -> str:
    """ParlAI's normalisation for F1: lower case, punctuation -> space, drop a/an/the, single spaces."""
    text = _PUNCTUATION.sub(" ", text.lower())
    return " ".join(_ARTICLES.sub(" ", text).split())


def f1_score(prediction: str, references: Sequence[str]) -> float:
    """Word-level F1 of ``prediction`` against the best-matching reference (0 when either side is empty)."""
    predicted = normalize_answer(prediction).split()
    best = 0.0
    for reference in references:
        gold = normalize_answer(reference).split()
        common = sum((Counter(predicted) & Counter(gold)).values())
        if common:
            precision, recall = common / len(predicted), common / len(gold)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


@dataclass(frozen=True)
class Example:
    """One turn to respond to: the observation, the true response, the candidates and the true one's index."""

    dialogue: int
    observation: dict[str, Any]
    response: str
    candidates: tuple[str, ...]
    gold: int


def examples(
    dialogues: Sequence[PersonaDialogue], candidates: int = CANDIDATES, seed: int = 0
) -> list[Example]:
    """Every turn of ``dialogues`` as an :class:`Example` (see the module docstring for the candidates)."""
    rng = np.random.default_rng(seed)
    pool = [(index, turn.response) for index, dialogue in enumerate(dialogues) for turn in dialogue.turns]
    found = []
    for index, dialogue in enumerate(dialogues):
        history: list[str] = []
        for number, turn in enumerate(dialogue.turns):
            if turn.partner:
                history.append(f"A: {turn.partner}")
            observation = {
                "persona": dialogue.your_persona,
                "text": turn.partner,
                "history": tuple(history),
                "turn": number,
            }
            if dialogue.candidates:
                options = dialogue.candidates[number]
                if turn.response not in options:
                    raise DialenvError(
                        f"dialogue {index}, turn {number}: the true response is not a candidate"
                    )
                gold = options.index(turn.response)
            else:
                options, gold = (turn.response, *_distractors(rng, pool, index, candidates - 1)), 0
            found.append(Example(index, observation, turn.response, tuple(options), gold))
            history.append(f"B: {turn.response}")
    return found


def _distractors(
    rng: np.random.Generator, pool: list[tuple[int, str]], dialogue: int, count: int
) -> list[str]:
    chosen: list[str] = []
    for _ in range(100 * count):
        owner, text = pool[int(rng.integers(len(pool)))]
        if owner != dialogue and text not in chosen:
            chosen.append(text)
            if len(chosen) == count:
                return chosen
    raise DialenvError(f"too few distinct responses in the other dialogues to sample {count} distractors")


def evaluate(
    agent: Any, dialogues: Sequence[PersonaDialogue], candidates: int = CANDIDATES, seed: int = 0
) -> dict:
    """Hits@1 and F1 (in %) and perplexity of ``agent``, each only if the agent offers what it needs."""
    rows = examples(dialogues, candidates, seed)
    results: dict[str, Any] = {
        "examples": len(rows),
        "candidates": "dataset"
        if any(dialogue.candidates for dialogue in dialogues)
        else f"sampled (seed {seed})",
    }
    if isinstance(agent, CandidateRanker):
        ranks = [
            rank_of(np.asarray(agent.rank(row.observation, row.candidates), dtype=float), row.gold)
            for row in rows
        ]
        results["hits@1"] = 100.0 * float(np.mean([rank.hits1 for rank in ranks]))
    if isinstance(agent, Agent):
        seeds = derive_seeds(seed, len(dialogues))
        scores, current = [], None
        for row in rows:
            if row.dialogue != current:
                current = row.dialogue
                agent.reset(seeds[current])
            scores.append(f1_score(str(agent.act(row.observation)), [row.response]))
        results["f1"] = 100.0 * float(np.mean(scores))
    if isinstance(agent, TokenLogProbs):
        total, tokens = 0.0, 0
        for row in rows:
            predicted, log_probs = agent.token_log_probs(row.observation, row.response)
            total -= float(sum(log_probs))
            tokens += len(predicted)
        results["ppl"] = math.exp(total / tokens)
    return results


class UnconditionalLM:
    """Adapts a language model with ``token_log_probs(text)`` (e.g. the Kneser-Ney model) to
    :class:`TokenLogProbs`, ignoring the observation: the "Language Model" kind of perplexity baseline."""

    def __init__(self, model: Any):
        self.model = model

    def token_log_probs(self, observation: Mapping[str, Any], response: str) -> tuple[list[str], list[float]]:
        return self.model.token_log_probs(response)


def _load(args: argparse.Namespace) -> tuple[list[PersonaDialogue], str]:
    if args.file:
        return corpus.load_path(args.file, split=args.split), args.file
    name = corpus.file_name("valid", args.view, args.version, candidates=args.with_candidates)
    return corpus.load_dialogues("valid", args.view, args.version, args.with_candidates), name


def main(argv: Sequence[str] | None = None) -> int:
    """``dialenv evaluate-corpus personachat``: offline metrics of an agent, and probing with ``--probe``."""
    parser = argparse.ArgumentParser(
        prog="dialenv evaluate-corpus personachat",
        description="PERSONA-CHAT offline evaluation: Hits@1 (1 of 20), F1, perplexity; persona probing.",
    )
    parser.add_argument(
        "--agent", default="persona-partner", help="agent name or module:attr (default: %(default)s)"
    )
    parser.add_argument("--agent-kwargs", default="{}", help="JSON keyword arguments for the agent class")
    parser.add_argument("--file", help="a local PERSONA-CHAT file (ParlAI .txt[.gz] or HF .json[.gz])")
    parser.add_argument("--split", default="valid", help="split of a HF json file (default: valid)")
    parser.add_argument("--view", default="self", choices=corpus.VIEWS, help="registered file view")
    parser.add_argument("--version", default="original", choices=corpus.VERSIONS, help="persona version")
    parser.add_argument("--with-candidates", action="store_true", help="use the registered 20-candidate file")
    parser.add_argument("--seed", type=int, default=0, help="seed for sampled distractors and agent resets")
    parser.add_argument(
        "--probe", action="store_true", help="also print the persona-perception probing table"
    )
    parser.add_argument("--json", metavar="OUT", help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    try:
        dialogues, source = _load(args)
        agent = load_agent(args.agent, **json.loads(args.agent_kwargs))
        results: dict[str, Any] = {
            "source": source,
            "agent": args.agent,
            **evaluate(agent, dialogues, seed=args.seed),
        }
        if args.probe:
            results["probing"] = probing_table(dialogues, seed=args.seed)
    except (DialenvError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"{source}: {len(dialogues)} dialogues, {results['examples']} responses; candidates: {results['candidates']}"
    )
    for key in ("hits@1", "f1", "ppl"):
        if key in results:
            print(f"{key:<8}{results[key]:8.2f}")
    if args.probe:
        print()
        print(format_probing(results["probing"]))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0
