"""Supervised training of SGA-DS and SGA-US (paper eq. 1 and 2), readable top to bottom.

    python -m baselines.sga.train --model ds --config cpu-small --train-split val --simulated 2000 \\
        --epochs 5 --out runs/sga-ds-sim --max-minutes 75
    python -m baselines.sga.train --model us --config cpu-small --train-split val --out /tmp/sga-us
    python -m baselines.sga.train --model ds --config gpu --out runs/sga-ds      # the paper's setting

What it does:

1. **Data.** MultiWOZ 2.1 dialogues from dialenv's records. The paper trains on the train split and stops
   early on the validation split. The train split is *not* in this project's data mirror; asking for it
   when it is missing fails with the command that fetches it. ``--train-split val`` trains on the
   validation split instead, holding out ``--holdout`` (10%) of its dialogues (a seeded choice) for early
   stopping; the test split stays untouched for evaluation (:mod:`baselines.sga.generate`).
   ``--simulated N`` adds N successful rule-system x agenda-user dialogues on generated goals
   (:mod:`baselines.sga.simulated`) to the training dialogues; early stopping stays on corpus dialogues.
2. **Sequences** (:mod:`baselines.sga.sequences`): one per turn; SGA-DS ``b_{t-1} r_{t-1} u_t | b_t db_t
   a_t r_t``, SGA-US ``r_{t-1} g_t | ua_t u_t``; the loss covers only the output part (conditional
   likelihood, eq. 1/2). ``--model ubar`` trains the UBAR-style session model (whole dialogue, joint
   likelihood) used as the efficiency reference.
3. **Model** (:mod:`baselines.sga.model`): DistilGPT-2 when ``--init`` names pretrained weights (the
   ``gpu`` config), else a small GPT-2 from scratch with a byte-level BPE tokenizer trained on the
   training sequences.
4. **Optimisation** (appendix B): AdamW, linear schedule with 20% warm-up, gradient accumulation,
   gradient clipping at 1.0, dev loss evaluated ``evals_per_epoch`` times an epoch, early stopping after
   ``patience`` evaluations without improvement, best checkpoint kept. Mixed precision (bf16, or fp16
   with loss scaling) on CUDA. ``--max-minutes`` stops a run gracefully at a wall-time budget.
5. **Outputs** in ``--out``: the best checkpoint (model, tokenizer, ``sga_config.json`` with the data,
   settings, time and hardware), ``train_log.csv`` (train loss per ``log_every`` steps, dev loss per
   evaluation) and ``loss.png`` (the curves; :func:`plot_dev_curves` overlays several runs).

Determinism: torch is seeded (initialisation, dropout) and batches come from a seeded numpy generator, so
the same command on the same machine gives the same model.
"""

from __future__ import annotations

import argparse
import csv
import math
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch

from baselines.sga.model import (
    ModelShape,
    SGATokenizer,
    build_model,
    build_tokenizer,
    collate,
    pick_device,
    save_checkpoint,
    truncate_left,
)
from baselines.sga.sequences import (
    Segment,
    ds_segments,
    ds_turns,
    segments_text,
    ubar_segments,
    us_segments,
    us_turns,
)

MODELS = ("ds", "us", "ubar")


@dataclass(frozen=True)
class TrainConfig:
    """Hyper-parameters of one SL run. ``init``: pretrained name/path, or ``None`` for a model from scratch."""

    init: str | None = None
    shape: ModelShape = field(default_factory=ModelShape)
    vocab_size: int = 3000
    lr: float = 1e-4
    weight_decay: float = 0.01
    warmup: float = 0.2
    batch_size: int = 8
    grad_accum: int = 4
    epochs: int = 50
    patience: int = 4
    evals_per_epoch: int = 1
    max_minutes: float | None = None
    log_every: int = 20
    seed: int = 0
    holdout: float = 0.1
    simulated: int = 0  # rule-system x agenda-user dialogues added to the training data (simulated.py)


#: ``gpu``: the paper's appendix B (DistilGPT-2, lr 1e-4, batch 8 x 4 accumulation, 50 epochs, early
#: stopping after 4 epochs without improvement). ``cpu-small``: a 4-layer, 192-wide GPT-2 from scratch
#: that trains in minutes on a CPU core. ``tiny``: for tests.
CONFIGS: dict[str, TrainConfig] = {
    "gpu": TrainConfig(init="distilgpt2"),
    "cpu-small": TrainConfig(
        shape=ModelShape(n_layer=4, n_head=4, n_embd=192, n_positions=512),
        vocab_size=3000,
        lr=1e-3,
        batch_size=16,
        grad_accum=1,
        epochs=6,
        patience=3,
        evals_per_epoch=2,
        log_every=20,
    ),
    "tiny": TrainConfig(
        shape=ModelShape(n_layer=1, n_head=2, n_embd=32, n_positions=256),
        vocab_size=400,
        lr=3e-3,
        batch_size=8,
        grad_accum=1,
        epochs=1,
        patience=1,
        log_every=1,
    ),
}


# --------------------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------------------


def load_dialogues(
    train_split: str, holdout: float, seed: int, max_dialogues: int | None = None, simulated: int = 0
):
    """``(train dialogues, dev dialogues, description)``.

    ``train_split="train"``: train on train, early-stop on val (the paper). ``"val"``: train on the
    validation split minus a seeded ``holdout`` fraction of its dialogues, early-stop on that part.
    ``max_dialogues`` keeps a seeded subset of the training dialogues (quick runs). ``simulated`` adds
    that many rule-system x agenda-user dialogues (seeds from ``seed``) to the training dialogues.
    """
    from dialenv.errors import DatasetMissingError
    from dialenv.multiwoz import load_split

    try:
        train = list(load_split(train_split).values())
    except DatasetMissingError as error:
        raise DatasetMissingError(
            f"the MultiWOZ 2.1 {train_split!r} split is not available. {error}. This project's data mirror "
            "has only the val and test splits: pass --train-split val to train on the validation split "
            "(a held-out part of it is used for early stopping)."
        ) from None
    rng = np.random.default_rng(seed)
    if train_split == "train":
        dev = list(load_split("val").values())
        description = "MultiWOZ 2.1 train split; early stopping on the val split"
    else:
        order = rng.permutation(len(train))
        cut = max(1, round(holdout * len(train)))
        held = set(order[:cut].tolist())
        dev = [dialogue for index, dialogue in enumerate(train) if index in held]
        train = [dialogue for index, dialogue in enumerate(train) if index not in held]
        description = (
            f"MultiWOZ 2.1 {train_split} split minus {len(dev)} held-out dialogues (seed {seed}) used for "
            f"early stopping; the train split was not used"
        )
    if max_dialogues and max_dialogues < len(train):
        keep = sorted(rng.choice(len(train), size=max_dialogues, replace=False).tolist())
        train = [train[index] for index in keep]
        description += f"; a seeded subset of {max_dialogues} training dialogues"
    if simulated:
        from baselines.sga.simulated import simulated_dialogues

        train = train + list(simulated_dialogues(simulated, seed=seed))
        description += (
            f"; plus {simulated} simulated dialogues (rule system x agenda user on generated goals, "
            f"seeds from {seed})"
        )
    return train, dev, description


def build_sequences(model: str, dialogues: Sequence[Any], db: Any = None) -> list[list[Segment]]:
    """The training sequences of ``model`` (``ds``, ``us`` or ``ubar``) for ``dialogues``."""
    if model == "us":
        return [us_segments(turn) for dialogue in dialogues for turn in us_turns(dialogue)]
    if db is None:
        from dialenv.multiwoz import MultiWOZDatabase

        db = MultiWOZDatabase.load()
    if model == "ds":
        return [ds_segments(turn) for dialogue in dialogues for turn in ds_turns(dialogue, db)]
    if model == "ubar":
        return [ubar_segments(ds_turns(dialogue, db)) for dialogue in dialogues]
    raise ValueError(f"unknown model {model!r}; choose one of {', '.join(MODELS)}")


def encode(
    tokenizer: SGATokenizer, sequences: Sequence[list[Segment]], limit: int
) -> list[tuple[list[int], list[int]]]:
    """Token ids and labels of every sequence, cut to the model's ``limit`` from the left."""
    return [truncate_left(*tokenizer.encode_segments(segments), limit) for segments in sequences]


def batches(
    examples: Sequence[tuple[list[int], list[int]]], batch_size: int, rng: np.random.Generator | None
) -> list[list[int]]:
    """Index batches of similar lengths (less padding): shuffle, sort within pools of 50 batches, shuffle
    the batches. Without ``rng``: in order of length (evaluation)."""
    if rng is None:
        order = sorted(range(len(examples)), key=lambda index: len(examples[index][0]))
        return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
    order = rng.permutation(len(examples)).tolist()
    pool = batch_size * 50
    grouped: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda index: len(examples[index][0]))
        grouped.extend(chunk[offset : offset + batch_size] for offset in range(0, len(chunk), batch_size))
    return [grouped[index] for index in rng.permutation(len(grouped))]


# --------------------------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------------------------


def _autocast(device: torch.device):
    if device.type != "cuda":
        return torch.autocast("cpu", enabled=False)
    dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.autocast("cuda", dtype=dtype)


@torch.no_grad()
def dev_loss(
    model: Any, examples: Sequence[tuple[list[int], list[int]]], pad_id: int, batch_size: int
) -> float:
    """Mean loss per target token over ``examples``."""
    model.eval()
    device = next(model.parameters()).device
    total = tokens = 0.0
    for index_batch in batches(examples, batch_size, None):
        batch = collate([examples[index] for index in index_batch], pad_id, device)
        count = int((batch["labels"][:, 1:] != -100).sum())
        if count == 0:
            continue
        with _autocast(device):
            loss = model(**batch).loss
        total += float(loss) * count
        tokens += count
    model.train()
    return total / max(tokens, 1.0)


def train(
    model_kind: str,
    config: TrainConfig,
    out: str | Path,
    train_split: str = "train",
    max_dialogues: int | None = None,
    device: str = "auto",
    quiet: bool = False,
) -> dict[str, Any]:
    """One SL run; returns the summary also stored in the checkpoint's ``sga_config.json``."""
    started = time.perf_counter()
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    device_ = pick_device(device)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    train_dialogues, dev_dialogues, data_description = load_dialogues(
        train_split, config.holdout, config.seed, max_dialogues, config.simulated
    )
    say(f"data: {data_description}")
    train_sequences = build_sequences(model_kind, train_dialogues)
    dev_sequences = build_sequences(model_kind, dev_dialogues)

    tokenizer = build_tokenizer(
        config.init, (segments_text(s) for s in train_sequences), vocab_size=config.vocab_size
    )
    model = build_model(tokenizer, config.init, config.shape).to(device_)
    limit = int(model.config.n_positions)
    train_examples = encode(tokenizer, train_sequences, limit)
    dev_examples = encode(tokenizer, dev_sequences, limit)
    n_params = sum(p.numel() for p in model.parameters())
    lengths = [len(ids) for ids, _ in train_examples]
    say(
        f"{model_kind}: {len(train_examples)} train / {len(dev_examples)} dev sequences, "
        f"{np.mean(lengths):.0f}±{np.std(lengths):.0f} tokens (max {max(lengths)}), vocabulary {len(tokenizer)}, "
        f"{n_params / 1e6:.2f}M parameters, device {device_}"
    )

    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    steps_per_epoch = math.ceil(math.ceil(len(train_examples) / config.batch_size) / config.grad_accum)
    total_steps = max(1, steps_per_epoch * config.epochs)
    warmup_steps = int(config.warmup * total_steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: (
            (step + 1) / max(1, warmup_steps)
            if step < warmup_steps
            else max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))
        ),
    )
    scaler = torch.amp.GradScaler(
        "cuda", enabled=device_.type == "cuda" and not torch.cuda.is_bf16_supported()
    )
    eval_points = {
        min(steps_per_epoch, round(steps_per_epoch * (k + 1) / config.evals_per_epoch))
        for k in range(config.evals_per_epoch)
    }

    log_path = out / "train_log.csv"
    log_file = log_path.open("w", newline="")
    log = csv.writer(log_file)
    log.writerow(["kind", "step", "epoch", "loss", "lr", "elapsed_s"])
    info: dict[str, Any] = {
        "model": model_kind,
        "config": asdict(config),
        "data": data_description,
        "train_sequences": len(train_examples),
        "dev_sequences": len(dev_examples),
        "dev_dialogue_ids": sorted(dialogue.id for dialogue in dev_dialogues)
        if train_split != "train"
        else "val split",
        "parameters": n_params,
        "device": str(device_),
        "hardware": _hardware(device_),
        "torch": torch.__version__,
        "transformers": _transformers_version(),
    }
    best = float("inf")
    best_step = 0
    bad_evals = 0
    step = 0
    stop_reason = "epochs done"
    running: list[float] = []
    model.train()

    def evaluate_and_maybe_save(epoch_float: float) -> bool:
        """Dev loss, checkpoint if best; True when early stopping says stop."""
        nonlocal best, best_step, bad_evals
        loss = dev_loss(model, dev_examples, tokenizer.pad_id, config.batch_size * 2)
        elapsed = time.perf_counter() - started
        log.writerow(
            [
                "dev",
                step,
                f"{epoch_float:.3f}",
                f"{loss:.5f}",
                f"{schedule.get_last_lr()[0]:.3e}",
                f"{elapsed:.1f}",
            ]
        )
        log_file.flush()
        improved = loss < best
        say(
            f"  step {step} epoch {epoch_float:.2f}: dev loss {loss:.4f}{' (best)' if improved else ''} [{elapsed / 60:.1f} min]"
        )
        if improved:
            best, best_step, bad_evals = loss, step, 0
            summary = {**info, "best_dev_loss": best, "best_step": best_step, "train_seconds": elapsed}
            save_checkpoint(out, model, tokenizer, summary)
            return False
        bad_evals += 1
        return bad_evals >= config.patience

    finished = False
    for epoch in range(config.epochs):
        order = batches(train_examples, config.batch_size, rng)
        for micro, index_batch in enumerate(order):
            batch = collate([train_examples[index] for index in index_batch], tokenizer.pad_id, device_)
            with _autocast(device_):
                loss = model(**batch).loss / config.grad_accum
            scaler.scale(loss).backward()
            running.append(loss.item() * config.grad_accum)
            last_micro = micro + 1 == len(order)
            if (micro + 1) % config.grad_accum and not last_micro:
                continue
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
            schedule.step()
            step += 1
            step_in_epoch = step - epoch * steps_per_epoch
            if step % config.log_every == 0:
                elapsed = time.perf_counter() - started
                log.writerow(
                    [
                        "train",
                        step,
                        f"{epoch + step_in_epoch / steps_per_epoch:.3f}",
                        f"{np.mean(running):.5f}",
                        f"{schedule.get_last_lr()[0]:.3e}",
                        f"{elapsed:.1f}",
                    ]
                )
                log_file.flush()
                running = []
            over_time = (
                config.max_minutes is not None and time.perf_counter() - started > 60 * config.max_minutes
            )
            if step_in_epoch in eval_points or over_time:
                if evaluate_and_maybe_save(epoch + step_in_epoch / steps_per_epoch):
                    stop_reason, finished = (
                        f"early stopping after {config.patience} evaluations without improvement",
                        True,
                    )
                    break
                if over_time:
                    stop_reason, finished = f"time budget of {config.max_minutes} min reached", True
                    break
        if finished:
            break
    log_file.close()
    elapsed = time.perf_counter() - started
    say(f"done: {stop_reason}; best dev loss {best:.4f} at step {step}; {elapsed / 60:.1f} min")
    summary = {
        **info,
        "best_dev_loss": best,
        "best_step": best_step,
        "steps": step,
        "stop_reason": stop_reason,
        "train_seconds": elapsed,
    }
    # Record the final summary next to the best weights (the weights on disk are the best ones).
    import json

    meta_path = out / "sga_config.json"
    meta = json.loads(meta_path.read_text())
    meta.update({key: summary[key] for key in ("steps", "stop_reason", "train_seconds")})
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    try:
        plot_dev_curves([log_path], out / "loss.png", labels=[f"SGA-{model_kind.upper()}"])
    except ImportError:
        say("matplotlib is not installed: no loss plot (pip install matplotlib)")
    return summary


def _hardware(device: torch.device) -> str:
    """The processor (or GPU) and thread count, for the model card."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    name = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            name = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{name}, torch threads {torch.get_num_threads()}"


def _transformers_version() -> str:
    import transformers

    return transformers.__version__


def new_plot(size: tuple[float, float] = (6, 4)) -> tuple[Any, Any]:
    """A matplotlib figure and axis drawn off-screen (Agg); raises ImportError without matplotlib."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=size)


def save_plot(figure: Any, axis: Any, out: str | Path, xlabel: str, ylabel: str, title: str) -> Path:
    """Label, grid and legend the axis, write the figure to ``out`` and free it."""
    import matplotlib.pyplot as plt

    axis.set_xlabel(xlabel)
    axis.set_ylabel(ylabel)
    axis.set_title(title)
    axis.grid(alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(out, dpi=120)
    plt.close(figure)
    return Path(out)


def plot_dev_curves(logs: Sequence[str | Path], out: str | Path, labels: Sequence[str] | None = None) -> Path:
    """Plot the dev (and train) loss of one or more ``train_log.csv`` files against the epoch."""
    figure, axis = new_plot()
    for index, path in enumerate(logs):
        label = labels[index] if labels else Path(path).parent.name
        with Path(path).open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        for kind, style in (("train", ":"), ("dev", "-o")):
            points = [(float(r["epoch"]), float(r["loss"])) for r in rows if r["kind"] == kind]
            if points:
                xs, ys = zip(*points)
                axis.plot(xs, ys, style, markersize=3, label=f"{label} {kind}")
    return save_plot(figure, axis, out, "epoch", "loss per target token", "SGA supervised training")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m baselines.sga.train",
        description="Supervised training of SGA-DS / SGA-US (or the UBAR-style reference) on MultiWOZ 2.1.",
    )
    parser.add_argument("--model", choices=MODELS, help="ds, us, or ubar (the full-history reference)")
    parser.add_argument("--config", default="cpu-small", choices=sorted(CONFIGS))
    parser.add_argument("--out", required=True, help="checkpoint directory")
    parser.add_argument(
        "--train-split", default="train", choices=("train", "val"),
        help="train on this split (default train, as in the paper; use val where train is not available: a "
        "held-out part of val is then used for early stopping)",
    )  # fmt: skip
    parser.add_argument(
        "--init", help="pretrained GPT-2 name or path (default: the config's; 'none' = scratch)"
    )
    parser.add_argument("--max-dialogues", type=int, help="train on a seeded subset of this many dialogues")
    parser.add_argument(
        "--max-minutes", type=float, help="wall-time budget; stops gracefully, keeps the best model"
    )
    for name, kind in (
        ("epochs", int),
        ("lr", float),
        ("batch-size", int),
        ("grad-accum", int),
        ("patience", int),
        ("seed", int),
        ("evals-per-epoch", int),
        ("simulated", int),
    ):
        parser.add_argument(f"--{name}", type=kind)
    parser.add_argument("--device", default="auto", help="auto (CUDA if available), cpu, cuda ...")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    parser.add_argument(
        "--plot", nargs="+", metavar="LOG", help="only plot these train_log.csv files into --out (a .png)"
    )
    args = parser.parse_args(argv)

    if args.plot:
        print(plot_dev_curves(args.plot, args.out))
        return 0
    if args.model is None:
        parser.error("--model is required (ds, us or ubar)")
    torch.set_num_threads(args.threads)
    config = CONFIGS[args.config]
    overrides = {
        key: getattr(args, key)
        for key in (
            "epochs",
            "lr",
            "batch_size",
            "grad_accum",
            "patience",
            "seed",
            "max_minutes",
            "evals_per_epoch",
            "simulated",
        )
        if getattr(args, key) is not None
    }
    if args.init:
        overrides["init"] = None if args.init.lower() == "none" else args.init
    config = replace(config, **overrides)
    from dialenv.errors import DialenvError

    try:
        summary = train(args.model, config, args.out, args.train_split, args.max_dialogues, args.device)
    except DialenvError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"best dev loss {summary['best_dev_loss']:.4f}; checkpoint in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
