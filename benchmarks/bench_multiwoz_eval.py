"""MultiWOZ corpus evaluation: scores of the 16 published prediction files next to the leaderboard, and speed.

Run from the repository root (package installed, or ``PYTHONPATH=.``):
``DIALENV_DATA=../shared/data python benchmarks/bench_multiwoz_eval.py [--moses]``.

Prints the one-time loading time (corpus records, database, references), the gold responses' scores, then
one row per system: dialenv's Inform / Success / BLEU / Combined with the published value in brackets,
joint goal accuracy when the file has states, and the time of one evaluation of the file (its first one in
the process, so no per-response cache helps). The target is under 2 s per 1,000 dialogues. ``--moses``
adds the BLEU change that the standard evaluator's Moses tokenize/detokenize round trip would make
(needs ``sacremoses``), which dialenv skips.
"""

from __future__ import annotations

import argparse
import statistics
import time

from dialenv import data
from dialenv.multiwoz import MultiWOZDatabase, load_split
from dialenv.multiwoz.corpus_eval import evaluate_predictions
from dialenv.multiwoz.eval_reference import split_reference
from dialenv.multiwoz.eval_text import normalize_response
from dialenv.multiwoz.published import PUBLISHED_SCORES, REFERENCE_CORPUS


def timed(function, *args):
    """``(result, seconds)`` of one call."""
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def moses_bleu_change(predictions, reference) -> float:
    """BLEU with minus without the Moses round trip on hypotheses and references (the standard's extra step)."""
    from sacrebleu import corpus_bleu
    from sacremoses import MosesDetokenizer, MosesTokenizer

    tokenizer, detokenizer = MosesTokenizer(lang="en"), MosesDetokenizer(lang="en")
    hypotheses = [normalize_response(turn["response"])[0] for turns in predictions.values() for turn in turns]
    references = [
        reference.dialogues[key.lower()].responses[index]
        for key, turns in predictions.items()
        for index in range(len(turns))
    ]

    def moses(text: str) -> str:
        return detokenizer.detokenize(tokenizer.tokenize(text))

    plain = corpus_bleu(hypotheses, [references], force=True).score
    round_trip = corpus_bleu(
        [moses(h) for h in hypotheses], [[moses(r) for r in references]], force=True
    ).score
    return round_trip - plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--moses", action="store_true", help="also measure the Moses round trip's BLEU change"
    )
    args = parser.parse_args()

    split, records_s = timed(load_split, "test")
    _, database_s = timed(MultiWOZDatabase.load)
    reference, reference_s = timed(split_reference, "test")
    print(
        f"one-time loading: {reference_s:.2f} s for the evaluation references (of which loading the records "
        f"takes about {records_s:.2f} s and the database {database_s:.2f} s when done on their own)"
    )

    gold = {d.id.lower(): [{"response": turn.delex} for turn in d.system_turns] for d in split.values()}
    scores, gold_s = timed(evaluate_predictions, gold)
    print(
        f"gold delexicalized test responses, ground-truth states: Inform {scores['inform']:.1f} "
        f"(published {REFERENCE_CORPUS['inform']}), Success {scores['success']:.1f} "
        f"(published {REFERENCE_CORPUS['success']}), BLEU {scores['bleu']:.2f}; evaluated in {gold_s:.2f} s\n"
    )

    header = (
        f"{'system':<14}{'states':<8}{'dialogues':>10}{'Inform (pub)':>15}{'Success (pub)':>15}"
        f"{'BLEU (pub)':>15}{'Combined (pub)':>17}{'JGA':>7}{'eval s':>8}"
    )
    if args.moses:
        header += f"{'Moses dBLEU':>13}"
    print(header)
    times = []
    for name, published in PUBLISHED_SCORES.items():
        predictions = data.load_json("multiwoz-predictions", f"{name}.json")
        result, seconds = timed(evaluate_predictions, predictions)
        times.append(seconds / result["dialogues"] * 1000)
        combined = published.bleu + (published.inform + published.success) / 2
        jga = "-" if result["joint_goal_accuracy"] is None else f"{result['joint_goal_accuracy']:.1f}"
        row = (
            f"{name:<14}{'gold' if result['state_source'] == 'ground truth' else 'pred':<8}"
            f"{result['dialogues']:>10}"
            f"{result['inform']:>8.1f} ({published.inform:4.1f})"
            f"{result['success']:>8.1f} ({published.success:4.1f})"
            f"{result['bleu']:>8.2f} ({published.bleu:5.2f})"
            f"{result['combined']:>9.2f} ({combined:6.2f})"
            f"{jga:>7}{seconds:>8.2f}"
        )
        if args.moses:
            row += f"{moses_bleu_change(predictions, reference):>+13.4f}"
        print(row)
    print(
        f"\nevaluation time per 1,000 dialogues: median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s (target < 2 s; one-time loading excluded, {reference_s:.2f} s)"
    )


if __name__ == "__main__":
    main()
