"""PERSONA-CHAT figures: persona-perception probing (paper Table 5), offline metrics, env throughput.

    DIALENV_DATA=../shared/data python benchmarks/bench_personachat.py [--seed 0] [--episodes 500]

1. Probing on the ConvAI2 validation split (``valid_both_original_no_cands.txt``: both speakers of the 1,000
   dialogues, 2,000 probes, each persona among 32): Random, the IR baseline and the default TF-IDF
   Receiver-style scorer. Only the original personas are staged here, so the revised column cannot be measured.
2. Offline metrics on the same split (self view, 7,801 responses; no candidate files are staged, so Hits@1
   uses 19 responses of other dialogues drawn with ``--seed``): the persona-bank partner (no data), the
   retrieval partner in two folds (indexed on one half of the dialogues, evaluated on the other, so it never
   retrieves the true response), and perplexity of the Kneser-Ney trigram model, fitted on the persona bank
   and the other fold.
3. Throughput of ``personachat-joint-v0`` with the built-in partners on both sides (dialogues per CPU second):
   bank personas and bank partners; dataset personas with the dataset opening and retrieval partners.
"""

from __future__ import annotations

import argparse
import math
import time

from dialenv.agents import load_agent
from dialenv.personachat.corpus import cached_dialogues
from dialenv.personachat.defaults import corpus_texts
from dialenv.personachat.ngram import KneserNeyLM
from dialenv.personachat.offline import UnconditionalLM, evaluate
from dialenv.personachat.probing import format_probing, probing_table
from dialenv.registration import make
from dialenv.rollout import play_episode
from simulators.personachat.bank_partner import PersonaBankPartner
from simulators.personachat.retrieval_partner import RetrievalPartner


def two_folds(dialogues):
    """The dialogues split into even and odd positions."""
    return list(dialogues[0::2]), list(dialogues[1::2])


def pooled(first: dict, second: dict) -> dict:
    """Two folds' results, weighted by their numbers of examples (perplexity through its log)."""
    total = first["examples"] + second["examples"]
    merged = {"examples": total}
    for key in ("hits@1", "f1"):
        if key in first:
            merged[key] = (first[key] * first["examples"] + second[key] * second["examples"]) / total
    if "ppl" in first:
        log_ppl = (
            math.log(first["ppl"]) * first["examples"] + math.log(second["ppl"]) * second["examples"]
        ) / total
        merged["ppl"] = math.exp(log_ppl)
    return merged


def timed(compute) -> tuple[dict, float]:
    start = time.process_time()
    return compute(), time.process_time() - start


def offline_rows(seed: int) -> dict[str, tuple[dict, float]]:
    """Results and CPU seconds of the three reference models (see the module docstring)."""
    dialogues = cached_dialogues("self")
    folds = two_folds(dialogues)
    bank = corpus_texts("bank")

    def fold_lm(k: int) -> UnconditionalLM:
        other = [text for dialogue in folds[1 - k] for _, text in dialogue.utterances()]
        return UnconditionalLM(KneserNeyLM(bank + other))

    return {
        "persona-bank partner (no data)": timed(lambda: evaluate(PersonaBankPartner(), dialogues, seed=seed)),
        "retrieval partner, 2 folds": timed(
            lambda: pooled(*[evaluate(RetrievalPartner(folds[1 - k]), folds[k], seed=seed) for k in (0, 1)])
        ),
        "Kneser-Ney trigram LM (bank + other fold)": timed(
            lambda: pooled(*[evaluate(fold_lm(k), folds[k], seed=seed) for k in (0, 1)])
        ),
    }


def throughput(episodes: int, env_kwargs: dict, partner_kwargs: dict) -> tuple[float, float]:
    env = make("personachat-joint-v0", **env_kwargs)
    agents = {side: load_agent("persona-partner", **partner_kwargs) for side in ("A", "B")}
    hits = 0.0
    start = time.process_time()
    for seed in range(episodes):
        hits += play_episode(env, agents, seed).metrics["perception_hits1"]
    return episodes / (time.process_time() - start), hits / episodes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--episodes", type=int, default=500)
    args = parser.parse_args()

    print("1. Persona-perception probing, ConvAI2 valid (original personas), 32 candidates per probe")
    print(format_probing(probing_table(cached_dialogues("both"), seed=args.seed)))
    print("   paper Table 5 (original): Random 3.1, IR 67.5, Receiver 93.8 Hits@1 (its MRR ranks sentences)")

    print("\n2. Offline metrics, ConvAI2 valid self view, 20 candidates (19 sampled)")
    print(f"{'agent':42s} {'Hits@1':>7s} {'F1':>6s} {'ppl':>7s} {'CPU-s':>6s}")
    for name, (row, seconds) in offline_rows(args.seed).items():
        cells = [f"{row[key]:.2f}" if key in row else "-" for key in ("hits@1", "f1", "ppl")]
        print(f"{name:42s} {cells[0]:>7s} {cells[1]:>6s} {cells[2]:>7s} {seconds:6.1f}")

    print(f"\n3. personachat-joint-v0 throughput, {args.episodes} dialogues of 3 exchanges")
    settings = {
        "bank personas, bank partners": ({}, {}),
        "dataset personas + opening, retrieval partners": (
            {"personas": "data", "opening": True},
            {"source": "data"},
        ),
    }
    print(f"{'setting':48s} {'dialogues/CPU-s':>15s} {'perception Hits@1':>18s}")
    for name, (env_kwargs, partner_kwargs) in settings.items():
        rate, hits = throughput(args.episodes, env_kwargs, partner_kwargs)
        print(f"{name:48s} {rate:15.0f} {hits:18.3f}")


if __name__ == "__main__":
    main()
