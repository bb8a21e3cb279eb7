"""Generation with SGA models: the DS turn pipeline, the US turn, and the corpus context-to-response run.

SGA-DS at turn ``t`` (paper sec. 3.2 and 4.4, end-to-end setting) for a whole batch of dialogues at once:

1. prompt ``<sos_b> b_{t-1} <eos_b> <sos_r> r_{t-1} <eos_r> <sos_u> u_t <eos_u> <sos_b>`` -> generate ``b_t``
   up to ``<eos_b>``; parse it into a belief dict (:func:`~baselines.sga.sequences.parse_belief`);
2. query the database with it and feed ``<sos_db> db_t <eos_db> <sos_a>`` -> generate ``a_t``;
3. feed ``<sos_r>`` -> generate the delexicalized response ``r_t``.

``b_{t-1}`` and ``r_{t-1}`` are the model's own previous outputs (the belief re-serialised from its parse,
so it is always well formed). The KV cache of the batch is kept across the three steps.

:func:`predict_corpus` runs this over corpus dialogues (user turns from the corpus) and returns the
standard prediction dict of :func:`dialenv.multiwoz.corpus_eval.evaluate_predictions` (per dialogue the
list of ``{"response", "state"}``), i.e. the paper's Table 1 setting. Command line::

    python -m baselines.sga.generate --checkpoint baselines/sga/checkpoints/sga-ds-cpu-small-sim \\
        --split test --max-dialogues 200 --out /tmp/sga_predictions.json

:class:`SGAUser` is the US counterpart (``r_{t-1}``, ``g_t`` -> ``ua_t``, ``u_t``), for the interaction and
RL parts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from baselines.sga.model import Decoder, Sampling, SGATokenizer, load_checkpoint, pick_device
from baselines.sga.sequences import (
    clean_text,
    db_result,
    ds_context,
    parse_belief,
    parse_system_acts,
    parse_user_acts,
    serialize_belief,
    us_context,
)
from dialenv.acts import DialogueAct


@dataclass(frozen=True)
class SystemTurn:
    """One generated SGA-DS turn."""

    belief: dict[str, dict[str, str]]
    belief_text: str  # the canonical serialisation of ``belief`` (the next turn's b_{t-1})
    db: str
    acts: tuple[DialogueAct, ...]
    act_text: str
    response: str  # delexicalized, e.g. "[name] is in the [area] ."


@dataclass(frozen=True)
class UserTurn:
    """One generated SGA-US turn."""

    acts: tuple[DialogueAct, ...]
    act_text: str
    text: str


class _SeededPolicy:
    """Sampling seeds of a batched policy: call ``k`` after :meth:`reseed` samples with seed ``seed + k``."""

    sampling: Sampling
    _calls: int

    def reseed(self, seed: int | None) -> None:
        """Restart the seed sequence at ``seed`` (``None``: 0): agents call it in ``reset`` so that a
        dialogue replays exactly."""
        self.sampling = Sampling(**{**self.sampling.__dict__, "seed": seed or 0})
        self._calls = 0


class SGASystem(_SeededPolicy):
    """SGA-DS as a batched turn-level policy: :meth:`respond` maps contexts to :class:`SystemTurn` s.

    ``db`` is anything with ``query(domain, constraints)`` and ``book(domain, entity, args)``: the official
    databases by default, or a MultiWOZ env (its tools) when the policy plays in the environment.
    """

    def __init__(
        self,
        model: Any,
        tokenizer: SGATokenizer,
        db: Any = None,
        sampling: Sampling | None = None,
        max_belief_tokens: int = 64,
        max_act_tokens: int = 40,
        max_response_tokens: int = 80,
    ) -> None:
        from dialenv.multiwoz import MultiWOZDatabase

        self.model = model.eval()
        self.tok = tokenizer
        self.db = db if db is not None else MultiWOZDatabase.load()
        self.sampling = sampling or Sampling()
        self.max_tokens = (max_belief_tokens, max_act_tokens, max_response_tokens)
        self._calls = 0

    @torch.no_grad()
    def respond(
        self, contexts: Sequence[tuple[str, str, str]], dbs: Sequence[Any] | None = None
    ) -> list[SystemTurn]:
        """``contexts``: per dialogue ``(b_{t-1} text, r_{t-1} text, u_t)``; returns the generated turns.

        ``dbs``: each row's database (e.g. its own env, whose bookings follow its goal); default ``self.db``.
        """
        tok = self.tok
        limit = int(self.model.config.n_positions) - sum(self.max_tokens) - 8
        prompts = []
        for prev_belief, prev_response, user in contexts:
            ids, _ = tok.encode_segments(ds_context(prev_belief, clean_text(prev_response), clean_text(user)))
            prompts.append((ids + [tok.id("<sos_b>")])[-limit:])
        sampling = Sampling(**{**self.sampling.__dict__, "seed": self.sampling.seed + self._calls})
        self._calls += 1
        decoder = Decoder(self.model, tok.pad_id, sampling)
        decoder.feed(prompts)
        beliefs_raw = decoder.generate(tok.id("<eos_b>"), self.max_tokens[0])
        beliefs = [parse_belief(tok.decode_until(ids, "<eos_b>")) for ids in beliefs_raw]
        row_dbs = dbs if dbs is not None else [self.db] * len(beliefs)
        db_texts = [db_result(belief, db) for belief, db in zip(beliefs, row_dbs)]
        decoder.feed(
            [
                _closed(ids, tok.id("<eos_b>"))
                + [tok.id("<sos_db>")]
                + tok.encode_text(db)
                + [tok.id("<eos_db>"), tok.id("<sos_a>")]
                for ids, db in zip(beliefs_raw, db_texts)
            ]
        )
        acts_raw = decoder.generate(tok.id("<eos_a>"), self.max_tokens[1])
        decoder.feed([_closed(ids, tok.id("<eos_a>")) + [tok.id("<sos_r>")] for ids in acts_raw])
        responses_raw = decoder.generate(tok.id("<eos_r>"), self.max_tokens[2])
        turns = []
        for belief, db, act_ids, response_ids in zip(beliefs, db_texts, acts_raw, responses_raw):
            act_text = tok.decode_until(act_ids, "<eos_a>")
            turns.append(
                SystemTurn(
                    belief=belief,
                    belief_text=serialize_belief(belief),
                    db=db,
                    acts=parse_system_acts(act_text),
                    act_text=act_text,
                    response=tok.decode_until(response_ids, "<eos_r>"),
                )
            )
        return turns


class SGAUser(_SeededPolicy):
    """SGA-US as a batched turn-level policy: ``act([(r_{t-1}, g_t text), ...])`` -> :class:`UserTurn` s."""

    def __init__(
        self, model: Any, tokenizer: SGATokenizer, sampling: Sampling | None = None,
        max_act_tokens: int = 48, max_text_tokens: int = 64,
    ) -> None:  # fmt: skip
        self.model = model.eval()
        self.tok = tokenizer
        self.sampling = sampling or Sampling()
        self.max_tokens = (max_act_tokens, max_text_tokens)
        self._calls = 0

    @torch.no_grad()
    def act(self, contexts: Sequence[tuple[str, str]]) -> list[UserTurn]:
        tok = self.tok
        limit = int(self.model.config.n_positions) - sum(self.max_tokens) - 4
        prompts = [
            (tok.encode_segments(us_context(clean_text(response), goal))[0] + [tok.id("<sos_ua>")])[-limit:]
            for response, goal in contexts
        ]
        sampling = Sampling(**{**self.sampling.__dict__, "seed": self.sampling.seed + self._calls})
        self._calls += 1
        decoder = Decoder(self.model, tok.pad_id, sampling)
        decoder.feed(prompts)
        acts_raw = decoder.generate(tok.id("<eos_ua>"), self.max_tokens[0])
        decoder.feed([_closed(ids, tok.id("<eos_ua>")) + [tok.id("<sos_u>")] for ids in acts_raw])
        texts_raw = decoder.generate(tok.id("<eos_u>"), self.max_tokens[1])
        turns = []
        for act_ids, text_ids in zip(acts_raw, texts_raw):
            act_text = tok.decode_until(act_ids, "<eos_ua>")
            turns.append(UserTurn(parse_user_acts(act_text), act_text, tok.decode_until(text_ids, "<eos_u>")))
        return turns


def _closed(ids: Sequence[int], stop_id: int) -> list[int]:
    """Generated ids that were cut at the length limit get their closing marker, so the next part starts cleanly."""
    ids = list(ids)
    return ids if ids and ids[-1] == stop_id else ids + [stop_id]


def predict_corpus(
    system: SGASystem, dialogues: Sequence[Any], batch_size: int = 32, progress: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """Context-to-response predictions for corpus dialogues, in the standard prediction format.

    Dialogues are batched (sorted by length so a batch finishes together); at each turn the model sees the
    corpus user utterance and its own previous belief state and response.
    """
    ordered = sorted(dialogues, key=lambda dialogue: (len(dialogue.system_turns), dialogue.id))
    predictions: dict[str, list[dict[str, Any]]] = {}
    started = time.perf_counter()
    for start in range(0, len(ordered), batch_size):
        batch = ordered[start : start + batch_size]
        history = {dialogue.id: ("", "") for dialogue in batch}
        for dialogue in batch:
            predictions[dialogue.id.lower()] = []
        for turn in range(max(len(dialogue.system_turns) for dialogue in batch)):
            alive = [dialogue for dialogue in batch if turn < len(dialogue.system_turns)]
            contexts = [(*history[d.id], d.user_turns[turn].text) for d in alive]
            for dialogue, out in zip(alive, system.respond(contexts)):
                predictions[dialogue.id.lower()].append({"response": out.response, "state": out.belief})
                history[dialogue.id] = (out.belief_text, out.response)
        if progress:
            done = min(start + batch_size, len(ordered))
            print(f"  {done}/{len(ordered)} dialogues, {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return {dialogue.id.lower(): predictions[dialogue.id.lower()] for dialogue in dialogues}


def evaluate_user_model(user: SGAUser, dialogues: Sequence[Any], batch_size: int = 64) -> dict[str, float]:
    """Offline scores of SGA-US with corpus context (``r_{t-1}`` and ``g_t`` from the corpus).

    User acts are compared as (intent, domain, slot, value) tuples, values lower-cased and stripped:
    micro precision / recall / F1 over all turns and the share of turns whose act set is exactly right
    (``act_exact``); utterances by sacreBLEU corpus BLEU against the corpus utterances (lower-cased).
    """
    from baselines.sga.sequences import serialize_goal

    contexts, gold_acts, gold_texts = [], [], []
    for dialogue in dialogues:
        states = dialogue.goal_states()
        for index, turn in enumerate(dialogue.user_turns):
            previous = dialogue.system_turns[index - 1].delex if index else ""
            contexts.append((previous, serialize_goal(states[index])))
            gold_acts.append(parse_user_acts(_user_act_text(turn.acts)))
            gold_texts.append(clean_text(turn.text))
    predicted: list[UserTurn] = []
    for start in range(0, len(contexts), batch_size):
        predicted.extend(user.act(contexts[start : start + batch_size]))
    hits = guessed = wanted = exact = 0
    for turn, gold in zip(predicted, gold_acts):
        mine = {_act_key(act) for act in turn.acts}
        truth = {_act_key(act) for act in gold}
        hits += len(mine & truth)
        guessed += len(mine)
        wanted += len(truth)
        exact += mine == truth
    precision = hits / guessed if guessed else 0.0
    recall = hits / wanted if wanted else 0.0
    import sacrebleu

    bleu = sacrebleu.corpus_bleu([turn.text for turn in predicted], [gold_texts], force=True).score
    return {
        "turns": len(contexts),
        "act_precision": 100 * precision,
        "act_recall": 100 * recall,
        "act_f1": 100 * (2 * precision * recall / (precision + recall) if hits else 0.0),
        "act_exact": 100 * exact / max(1, len(contexts)),
        "utterance_bleu": bleu,
    }


def _user_act_text(acts: Sequence[DialogueAct]) -> str:
    from baselines.sga.sequences import serialize_acts

    return serialize_acts(acts, with_values=True)


def _act_key(act: DialogueAct) -> tuple[str, str, str, str]:
    return (act.intent, act.domain, act.slot, " ".join(act.value.lower().split()))


def select_dialogues(dialogues: Mapping[str, Any], max_dialogues: int | None, seed: int = 0) -> list[Any]:
    """All dialogues in corpus order, or a seeded random subset of ``max_dialogues`` of them (corpus order)."""
    items = list(dialogues.values())
    if not max_dialogues or max_dialogues >= len(items):
        return items
    import numpy as np

    chosen = sorted(
        np.random.default_rng(seed).choice(len(items), size=max_dialogues, replace=False).tolist()
    )
    return [items[index] for index in chosen]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m baselines.sga.generate",
        description="Run a trained SGA-DS over MultiWOZ dialogues (context-to-response, end-to-end) and score "
        "the predictions with the standard corpus evaluator (Inform, Success, BLEU, Combined, JGA). Given an "
        "SGA-US checkpoint, score its user acts (F1) and utterances (BLEU) with corpus context instead.",
    )
    parser.add_argument(
        "--checkpoint", required=True, help="directory written by baselines.sga.train (--model ds or us)"
    )
    parser.add_argument("--split", default="test", choices=("test", "val"))
    parser.add_argument("--max-dialogues", type=int, default=None, help="a seeded random subset of this size")
    parser.add_argument("--subset-seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=32, help="dialogues decoded together")
    parser.add_argument("--sample", action="store_true", help="sample instead of greedy decoding")
    parser.add_argument("--temperature", type=float, default=1.0)
    parser.add_argument("--top-k", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--device", default="auto", help="auto (CUDA if available), cpu, cuda, cuda:1 ...")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    parser.add_argument("--out", help="write the prediction file here (.json)")
    parser.add_argument("--metrics-out", help="write the evaluator's results here (.json)")
    args = parser.parse_args(argv)

    torch.set_num_threads(args.threads)
    from dialenv.multiwoz import load_split
    from dialenv.multiwoz.corpus_eval import evaluate_predictions, format_results

    device = pick_device(args.device)
    model, tokenizer, info = load_checkpoint(args.checkpoint, device)
    dialogues = select_dialogues(load_split(args.split), args.max_dialogues, args.subset_seed)
    sampling = Sampling(args.sample, args.temperature, args.top_k, args.seed)
    if info.get("model") == "us":
        started = time.perf_counter()
        scores = evaluate_user_model(SGAUser(model, tokenizer, sampling=sampling), dialogues, args.batch_size)
        scores["generation_seconds"] = time.perf_counter() - started
        print(f"SGA-US on {len(dialogues)} {args.split} dialogues (corpus context):")
        for key, value in scores.items():
            print(f"  {key:<20}{value:>10.2f}")
        if args.metrics_out:
            Path(args.metrics_out).write_text(
                json.dumps({**scores, "checkpoint": str(args.checkpoint)}, indent=2) + "\n"
            )
        return 0
    if info.get("model") != "ds":
        print(
            f"error: {args.checkpoint} holds a {info.get('model')!r} model, not SGA-DS or SGA-US",
            file=sys.stderr,
        )
        return 2
    system = SGASystem(model, tokenizer, sampling=sampling)
    started = time.perf_counter()
    predictions = predict_corpus(system, dialogues, args.batch_size, progress=True)
    seconds = time.perf_counter() - started
    turns = sum(len(turns) for turns in predictions.values())
    print(
        f"generated {turns} turns of {len(predictions)} dialogues in {seconds:.1f}s on {device}",
        file=sys.stderr,
    )
    if args.out:
        Path(args.out).write_text(json.dumps(predictions, indent=1) + "\n")
    results = evaluate_predictions(predictions, split=args.split)
    print(format_results(results))
    if args.metrics_out:
        payload = {**results, "generation_seconds": seconds, "checkpoint": str(args.checkpoint)}
        Path(args.metrics_out).write_text(json.dumps(payload, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
