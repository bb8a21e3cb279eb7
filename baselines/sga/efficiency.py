"""Efficiency of SGA's shortened context against UBAR's full-history context (paper Table 7, Figure 3).

    python -m baselines.sga.efficiency --config cpu-small --max-dialogues 100 --generation-dialogues 40

Both architectures get the same dialogues, the same tokenizer (trained on those dialogues) and a GPT-2 of
the same size (the config's shape, with enough positions for the longest UBAR session), freshly
initialised with the same seed. Measured, and printed with the UBAR / SGA ratios:

* **training sequences**: count, mean ± std and max tokens per sequence (paper, Figure 3: SGA-DS 98 ± 30,
  UBAR 440 ± 220), total tokens per epoch;
* **training time**: one epoch over those sequences (forward, backward, AdamW step) with the paper's base
  batch sizes (appendix C.1: 8 for SGA-DS, 2 for UBAR; ``--sga-batch`` / ``--ubar-batch``), and the
  mean time per step;
* **generation time** over ``--generation-dialogues`` dialogues, batched across dialogues: at every turn the
  context is encoded (SGA: ``b_{t-1} r_{t-1} u_t``; UBAR: the whole history ``{u,b,db,a,r}_{1:t-1}`` and
  ``u_t``) and the turn's output ``b_t db_t a_t r_t`` is decoded token by token through the KV cache. The
  output tokens are the corpus ones (teacher-forced incremental decoding), so both models decode exactly
  the same number of tokens and the comparison measures the cost of the context alone; an untrained
  model's greedy output would run to the length limit instead;
* **peak training memory** of one step with batch size 4 (Figure 3) at the mean and at the max sequence
  length of each architecture: ``torch.cuda.max_memory_allocated`` on CUDA; on CPU the growth of the
  peak resident set size during the step, measured in a fresh subprocess.

Timings on a shared CPU are noisy; run on an idle machine (or CUDA) for publishable figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch

from baselines.sga.model import (
    Decoder,
    SGATokenizer,
    build_model,
    build_tokenizer,
    collate,
    pick_device,
)
from baselines.sga.sequences import (
    DSTurn,
    ds_context,
    ds_segments,
    ds_turns,
    segments_text,
    ubar_context,
    ubar_segments,
)
from baselines.sga.train import CONFIGS, batches


def _stats(lengths: Sequence[int]) -> dict[str, float]:
    return {
        "sequences": len(lengths),
        "mean_tokens": float(np.mean(lengths)),
        "std_tokens": float(np.std(lengths)),
        "max_tokens": int(max(lengths)),
        "total_tokens": int(sum(lengths)),
    }


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def time_training_epoch(
    model: Any, examples: Sequence[tuple[list[int], list[int]]], pad_id: int, batch_size: int, seed: int
) -> dict[str, float]:
    """Wall time of one epoch of SL steps (forward, backward, AdamW) over ``examples``."""
    device = next(model.parameters()).device
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    order = batches(examples, batch_size, np.random.default_rng(seed))
    model.train()
    _sync(device)
    started = time.perf_counter()
    for index_batch in order:
        batch = collate([examples[index] for index in index_batch], pad_id, device)
        model(**batch).loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    _sync(device)
    seconds = time.perf_counter() - started
    return {"epoch_seconds": seconds, "steps": len(order), "seconds_per_step": seconds / max(1, len(order))}


def _turn_steps(tok: SGATokenizer, turn: DSTurn) -> list[list[int]]:
    """What decoding one DS turn feeds after the prompt: generated tokens one at a time, forced chunks whole."""
    steps: list[list[int]] = []
    steps.extend([token] for token in tok.encode_text(turn.belief) + [tok.id("<eos_b>")])
    steps.append([tok.id("<sos_db>")] + tok.encode_text(turn.db) + [tok.id("<eos_db>"), tok.id("<sos_a>")])
    steps.extend([token] for token in tok.encode_text(turn.acts) + [tok.id("<eos_a>")])
    steps.append([tok.id("<sos_r>")])
    steps.extend([token] for token in tok.encode_text(turn.response) + [tok.id("<eos_r>")])
    return steps


@torch.no_grad()
def time_generation(
    model: Any, tok: SGATokenizer, dialogues: Sequence[Sequence[DSTurn]], context: str, batch_size: int
) -> dict[str, float]:
    """Seconds to run the DS over ``dialogues`` turn by turn with ``context`` ``"sga"`` or ``"ubar"``."""
    device = next(model.parameters()).device
    model.eval()
    prompt_tokens = 0
    _sync(device)
    started = time.perf_counter()
    ordered = sorted(dialogues, key=len)
    for start in range(0, len(ordered), batch_size):
        batch = ordered[start : start + batch_size]
        for turn_index in range(max(len(turns) for turns in batch)):
            alive = [turns for turns in batch if turn_index < len(turns)]
            prompts = []
            for turns in alive:
                turn = turns[turn_index]
                if context == "sga":
                    segments = ds_context(turn.prev_belief, turn.prev_response, turn.user)
                else:
                    segments = ubar_context(turns[:turn_index], turn.user)
                prompts.append(tok.encode_segments(segments)[0] + [tok.id("<sos_b>")])
            prompt_tokens += sum(len(prompt) for prompt in prompts)
            decoder = Decoder(model, tok.pad_id)
            decoder.feed(prompts)
            plans = [_turn_steps(tok, turns[turn_index]) for turns in alive]
            for step in range(max(len(plan) for plan in plans)):
                decoder.feed([plan[step] if step < len(plan) else [] for plan in plans])
    _sync(device)
    turns = sum(len(turns) for turns in dialogues)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "turns": turns,
        "ms_per_turn": 1000 * seconds / turns,
        "mean_prompt_tokens": prompt_tokens / turns,
    }


def _status_mb(field: str) -> float:
    """A size from ``/proc/self/status`` (``VmRSS``: resident now, ``VmHWM``: resident peak) in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak_rss() -> bool:
    """Reset the kernel's resident-set peak (``VmHWM``) of this process; False where not permitted."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


def peak_step_memory_mb(
    shape: dict[str, int], vocab: int, length: int, batch_size: int, device: str
) -> float:
    """Extra memory (MB) one training step of ``batch_size`` sequences of ``length`` tokens needs at its peak,
    beyond the model, gradients and optimizer state. Call in a fresh process on CPU (see module docstring)."""
    from baselines.sga.model import _transformers

    transformers = _transformers()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    config = transformers.GPT2Config(vocab_size=vocab, bos_token_id=0, eos_token_id=0, **shape)
    model = transformers.GPT2LMHeadModel(config).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)

    def step(tokens: int) -> None:
        ids = torch.randint(0, vocab, (batch_size, tokens), device=device)
        model(input_ids=ids, labels=ids).loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=False)

    step(8)  # allocates gradients and optimizer state
    if device.startswith("cuda"):
        torch.cuda.synchronize()
        base = torch.cuda.memory_allocated()
        torch.cuda.reset_peak_memory_stats()
        step(length)
        return (torch.cuda.max_memory_allocated() - base) / 2**20
    base = _status_mb("VmRSS")
    if _reset_peak_rss():
        step(length)
        return _status_mb("VmHWM") - base
    step(length)  # fallback: the peak since the process started (an upper bound when imports peaked higher)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base


def _memory_in_subprocess(
    shape: dict[str, int], vocab: int, length: int, batch_size: int, device: str
) -> float:
    if device.startswith("cuda"):
        return peak_step_memory_mb(shape, vocab, length, batch_size, device)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(peak_step_memory_mb, (shape, vocab, length, batch_size, device))


def run(
    config_name: str = "cpu-small",
    split: str = "val",
    max_dialogues: int = 100,
    generation_dialogues: int = 40,
    sga_batch: int = 8,
    ubar_batch: int = 2,
    generation_batch: int = 16,
    memory: bool = True,
    device: str = "auto",
    seed: int = 0,
    say: Any = print,
) -> dict[str, Any]:
    """Measure everything listed in the module docstring; returns the figures as a dict."""
    from baselines.sga.generate import select_dialogues
    from dialenv.multiwoz import MultiWOZDatabase, load_split

    device_ = pick_device(device)
    config = CONFIGS[config_name]
    db = MultiWOZDatabase.load()
    dialogues = select_dialogues(load_split(split), max_dialogues, seed)
    turns = [ds_turns(dialogue, db) for dialogue in dialogues]
    sga_sequences = [ds_segments(turn) for dialogue_turns in turns for turn in dialogue_turns]
    ubar_sequences = [ubar_segments(dialogue_turns) for dialogue_turns in turns]
    tok = build_tokenizer(
        config.init, (segments_text(s) for s in sga_sequences), vocab_size=config.vocab_size
    )
    sga_examples = [tok.encode_segments(s) for s in sga_sequences]
    ubar_examples = [tok.encode_segments(s) for s in ubar_sequences]
    longest = max(len(ids) for ids, _ in ubar_examples)
    positions = max(config.shape.n_positions, 1 << (longest - 1).bit_length())
    shape = replace(config.shape, n_positions=positions)
    say(
        f"{len(dialogues)} {split} dialogues ({len(sga_examples)} turns); model {asdict(shape)}, vocabulary {len(tok)}, device {device_}"
    )

    results: dict[str, Any] = {
        "dialogues": len(dialogues),
        "split": split,
        "config": config_name,
        "shape": asdict(shape),
        "device": str(device_),
    }
    results["sequences"] = {
        "sga": _stats([len(ids) for ids, _ in sga_examples]),
        "ubar": _stats([len(ids) for ids, _ in ubar_examples]),
    }
    for name, examples, batch_size in (("sga", sga_examples, sga_batch), ("ubar", ubar_examples, ubar_batch)):
        torch.manual_seed(seed)
        model = build_model(tok, config.init, shape).to(device_)
        results.setdefault("training", {})[name] = {
            "batch_size": batch_size,
            **time_training_epoch(model, examples, tok.pad_id, batch_size, seed),
        }
        say(f"  training epoch {name}: {results['training'][name]['epoch_seconds']:.1f}s")
    torch.manual_seed(seed)
    model = build_model(tok, config.init, shape).to(device_)
    subset = turns[:generation_dialogues]
    time_generation(model, tok, subset[:2], "sga", generation_batch)  # warm-up: first calls pay one-off costs
    for name in ("sga", "ubar"):
        results.setdefault("generation", {})[name] = time_generation(
            model, tok, subset, name, generation_batch
        )
        say(f"  generation {name}: {results['generation'][name]['seconds']:.1f}s")
    if memory:
        shape_dict = {
            "n_layer": shape.n_layer,
            "n_head": shape.n_head,
            "n_embd": shape.n_embd,
            "n_positions": shape.n_positions,
        }
        if config.init:
            say("  memory: measured for the from-scratch shape of the config")
        results["memory_mb"] = {}
        for name in ("sga", "ubar"):
            stats = results["sequences"][name]
            for which in ("mean", "max"):
                length = round(stats[f"{which}_tokens"])
                mb = _memory_in_subprocess(shape_dict, len(tok), length, 4, str(device_))
                results["memory_mb"][f"{name}_{which}"] = {"length": length, "mb": mb}
        say("  memory measured")
    return results


def format_report(results: dict[str, Any]) -> str:
    """The figures as a table with UBAR / SGA ratios."""
    seq, train, gen = results["sequences"], results["training"], results["generation"]

    def row(label: str, sga: float, ubar: float, fmt: str = ".1f") -> str:
        ratio = ubar / sga if sga else float("nan")
        return f"{label:<42}{format(sga, fmt):>12}{format(ubar, fmt):>12}{ratio:>10.2f}x"

    lines = [
        f"SGA-DS vs UBAR-DS on {results['dialogues']} {results['split']} dialogues, model {results['shape']}, {results['device']}",
        "",
        f"{'':<42}{'SGA-DS':>12}{'UBAR-DS':>12}{'UBAR/SGA':>11}",
        row("training sequences", seq["sga"]["sequences"], seq["ubar"]["sequences"], "d"),
        row("tokens per sequence, mean", seq["sga"]["mean_tokens"], seq["ubar"]["mean_tokens"]),
        row("tokens per sequence, std", seq["sga"]["std_tokens"], seq["ubar"]["std_tokens"]),
        row("tokens per sequence, max", seq["sga"]["max_tokens"], seq["ubar"]["max_tokens"], "d"),
        row("tokens per epoch", seq["sga"]["total_tokens"], seq["ubar"]["total_tokens"], "d"),
        row(
            f"training epoch, s (batch {train['sga']['batch_size']} / {train['ubar']['batch_size']})",
            train["sga"]["epoch_seconds"],
            train["ubar"]["epoch_seconds"],
        ),
        row("training step, s", train["sga"]["seconds_per_step"], train["ubar"]["seconds_per_step"], ".3f"),
        row(f"generation, s ({gen['sga']['turns']} turns)", gen["sga"]["seconds"], gen["ubar"]["seconds"]),
        row("generation, ms per turn", gen["sga"]["ms_per_turn"], gen["ubar"]["ms_per_turn"]),
        row(
            "context (prompt) tokens per turn, mean",
            gen["sga"]["mean_prompt_tokens"],
            gen["ubar"]["mean_prompt_tokens"],
        ),
    ]
    memory = results.get("memory_mb")
    if memory:
        for which in ("mean", "max"):
            sga, ubar = memory[f"sga_{which}"], memory[f"ubar_{which}"]
            lines.append(
                row(
                    f"peak step memory MB, batch 4, {which} len ({sga['length']}/{ubar['length']})",
                    sga["mb"],
                    ubar["mb"],
                )
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m baselines.sga.efficiency", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--config", default="cpu-small", choices=sorted(CONFIGS))
    parser.add_argument("--split", default="val", choices=("val", "test", "train"))
    parser.add_argument(
        "--max-dialogues", type=int, default=100, help="dialogues for the sequence and training figures"
    )
    parser.add_argument(
        "--generation-dialogues", type=int, default=40, help="how many of them to generate for"
    )
    parser.add_argument("--sga-batch", type=int, default=8)
    parser.add_argument("--ubar-batch", type=int, default=2)
    parser.add_argument("--generation-batch", type=int, default=16, help="dialogues decoded together")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory measurement")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    results = run(
        args.config, args.split, args.max_dialogues, args.generation_dialogues, args.sga_batch, args.ubar_batch,
        args.generation_batch, not args.no_memory, args.device, args.seed,
        say=lambda *a: print(*a, file=sys.stderr, flush=True),
    )  # fmt: skip
    print(format_report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
