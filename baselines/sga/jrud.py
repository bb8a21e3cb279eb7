"""JRUD: jointly reinforcing SGA-US and SGA-DS by policy gradient in the MultiWOZ env (paper sec. 3.3, 4.3).

The policy gradient of one generated turn ``t`` with reward ``R_t`` (sec. 3.3)::

    ∇J = Σ_i U_{i,t} ∇ log π(c_i | context, c_{<i}),   U_{i,t} = γ^{|A_t| - i} R_t

over the ``|A_t|`` generated tokens ``c_i`` of ``b_t ⊕ a_t ⊕ r_t`` (DS; ``db_t`` is inserted, not generated)
or ``ua_t ⊕ u_t`` (US), closing markers included. :func:`token_returns` computes ``U`` and
:func:`policy_gradient_loss` the loss ``-Σ U log π`` (summed over tokens, averaged over turns). The
sequences are re-encoded from the recorded turns (:class:`~baselines.sga.sequences.DSTurn` /
:class:`~baselines.sga.sequences.USTurn`, the same encoding as supervised training), so the label mask
of :meth:`~baselines.sga.model.SGATokenizer.encode_segments` is exactly the generated part. The DS belief
is its canonical re-serialisation (what the next turn conditions on), which can differ from the raw
generated tokens when the model wrote a malformed belief.

The reward is the paper's best setting (sec. 4.6.1): ``R_t = 1`` for every turn of a dialogue the env
judges successful (``info["metrics"]["success"]``), else 0. Turns with zero reward have zero gradient, so
they are skipped, and a batch without any success makes no update at all (AdamW's weight decay would
otherwise still move the parameters).

Training loop (:func:`train_jrud`, sec. 4.3 and appendix B): the two agents talk in ``multiwoz-joint-v0``
on training goals (``goals="val"``: the validation goals, which the CPU models were trained on, or
``"generated"``); every cycle plays a batch of dialogues, makes one RL step on the learner's turns and then
one SL step on a batch of corpus sequences (RL:SL = 1:1, against drifting away from natural language);
first US cycles with DS fixed, then DS cycles with US fixed; a fixed learning rate without scheduler. Each
cycle appends a row to ``jrud_log.csv`` (``elapsed_s`` counts from the start of the invocation) and
saves both models, the optimizers and the position in ``state.json``, so an interrupted run resumes where
it stopped; the cycle's goals, sampling seeds, dropout and SL batch depend only on the cycle, so a resumed
run reproduces the uninterrupted one. Command line::

    python -m baselines.sga.jrud --out runs/jrud --us-cycles 100 --ds-cycles 100 --dialogues 16
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from baselines.sga.agents import (
    DEFAULT_SYSTEM_CHECKPOINT,
    DEFAULT_USER_CHECKPOINT,
    SGASystemAgent,
    SGAUserAgent,
    load_policy,
)
from baselines.sga.model import IGNORE, Sampling, collate, save_checkpoint, truncate_left
from baselines.sga.sequences import ds_segments, us_segments
from baselines.sga.train import build_sequences, encode, load_dialogues
from dialenv.registration import make
from dialenv.rollout import play_episode

Example = tuple[list[int], list[int]]  # token ids and labels (IGNORE outside the generated part)
LOG_FIELDS = ("cycle", "phase", "dialogues", "success", "inform", "turns", "rewarded_turns", "rl_loss",
              "sl_loss", "elapsed_s")  # fmt: skip


# --------------------------------------------------------------------------------------------------------
# The policy gradient
# --------------------------------------------------------------------------------------------------------


def token_returns(mask: torch.Tensor, rewards: torch.Tensor, gamma: float) -> torch.Tensor:
    """``U_{i,t} = γ^{|A_t| - i} R_t`` on the generated tokens of every row, 0 elsewhere.

    ``mask`` (rows x positions, bool) marks the generated tokens of each row, ``rewards`` (rows) holds
    ``R_t``; ``i`` counts a row's generated tokens from 1, so the last one gets ``R_t`` itself.
    """
    mask = mask.bool()
    position = mask.long().cumsum(1)  # i for generated tokens
    length = mask.long().sum(1, keepdim=True)  # |A_t|
    exponent = (length - position).clamp(min=0).to(torch.float64)
    returns = (
        torch.pow(torch.tensor(gamma, dtype=torch.float64), exponent) * rewards.to(torch.float64)[:, None]
    )
    return (returns * mask).float()


def policy_gradient_loss(
    model: Any, examples: Sequence[Example], rewards: Sequence[float], gamma: float, pad_id: int
) -> torch.Tensor:
    """``-Σ_i U_{i,t} log π(c_i)`` summed over the generated tokens, averaged over the turns ``examples``."""
    device = next(model.parameters()).device
    batch = collate(examples, pad_id, device)
    logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits[:, :-1]
    targets = batch["labels"][:, 1:]
    mask = targets != IGNORE
    log_probs = torch.log_softmax(logits.float(), -1).gather(-1, targets.clamp(min=0)[..., None])[..., 0]
    returns = token_returns(mask, torch.tensor(list(rewards), device=device), gamma).to(device)
    return -(returns * log_probs).sum() / len(examples)


def rl_step(
    model: Any,
    optimizer: torch.optim.Optimizer,
    examples: Sequence[Example],
    rewards: Sequence[float],
    gamma: float,
    pad_id: int,
    clip: float = 1.0,
) -> float | None:
    """One policy-gradient update on the turns with non-zero reward; ``None`` (and no update) if there are none."""
    kept = [(example, reward) for example, reward in zip(examples, rewards) if reward != 0]
    if not kept:
        return None
    model.train()
    optimizer.zero_grad()
    loss = policy_gradient_loss(model, [e for e, _ in kept], [r for _, r in kept], gamma, pad_id)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
    optimizer.step()
    model.eval()
    return loss.item()


def sl_step(model: Any, optimizer: torch.optim.Optimizer, examples: Sequence[Example], pad_id: int,
            clip: float = 1.0) -> float:  # fmt: skip
    """One supervised update (eq. 1 / 2: the mean negative log-likelihood of the targets)."""
    model.train()
    optimizer.zero_grad()
    loss = model(**collate(examples, pad_id, next(model.parameters()).device)).loss
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
    optimizer.step()
    model.eval()
    return loss.item()


# --------------------------------------------------------------------------------------------------------
# The training loop
# --------------------------------------------------------------------------------------------------------


class RunMismatchError(ValueError):
    """The output directory holds a run with other settings (resuming it would mix two runs)."""


@dataclass
class JRUDConfig:
    """Settings of a JRUD run (the paper: lr 2e-5 fixed, 16 x 12 dialogues per update, 100 + 100 cycles)."""

    us_cycles: int = 100
    ds_cycles: int = 100
    dialogues: int = 16  # dialogues played per cycle (one RL step on all their learner turns)
    sl_batch: int = 16  # corpus sequences per SL step
    lr: float = 2e-5
    gamma: float = 0.99
    goals: str = "val"
    max_turns: int = 20
    temperature: float = 1.0  # the learner samples (exploration); the fixed partner decodes greedily
    top_k: int = 0
    seed: int = 0

    def phase(self, cycle: int) -> str:
        """``"us"`` for the first ``us_cycles`` cycles, then ``"ds"``."""
        return "us" if cycle < self.us_cycles else "ds"


def _encode_turns(policy: Any, turns: Sequence[Any], kind: str) -> list[Example]:
    segments = ds_segments if kind == "ds" else us_segments
    limit = int(policy.model.config.n_positions)
    return [truncate_left(*policy.tok.encode_segments(segments(turn)), limit) for turn in turns]


def train_jrud(
    out: str | Path,
    config: JRUDConfig,
    ds_checkpoint: str | Path = DEFAULT_SYSTEM_CHECKPOINT,
    us_checkpoint: str | Path = DEFAULT_USER_CHECKPOINT,
    max_minutes: float | None = None,
    log: Any = print,
) -> Path:
    """Run (or resume) JRUD in ``out``; returns the path of the CSV log. See the module docstring."""
    out = Path(out)
    state_path = out / "state.json"
    resuming = state_path.is_file()
    if resuming:
        state = json.loads(state_path.read_text())
        if state["config"] != asdict(config):
            raise RunMismatchError(
                f"{out} holds a run with other settings: {state['config']}; use another --out"
            )
        ds_checkpoint, us_checkpoint = out / "ds", out / "us"
    else:
        state = {"config": asdict(config), "cycle": 0, "ds_checkpoint": str(ds_checkpoint),
                 "us_checkpoint": str(us_checkpoint)}  # fmt: skip
    policies = {
        kind: load_policy(kind, path) for kind, path in (("ds", ds_checkpoint), ("us", us_checkpoint))
    }
    optimizers = {kind: torch.optim.AdamW(p.model.parameters(), lr=config.lr) for kind, p in policies.items()}
    if resuming:
        for kind, saved in torch.load(out / "optimizers.pt").items():
            optimizers[kind].load_state_dict(saved)
    train_dialogues, _, description = load_dialogues("val", 0.1, config.seed)
    corpus = {kind: encode(p.tok, build_sequences(kind, train_dialogues), int(p.model.config.n_positions))
              for kind, p in policies.items()}  # fmt: skip
    env = make("multiwoz-joint-v0", goals=config.goals, reward="success", max_turns=config.max_turns)
    agents = {"system": SGASystemAgent(policy=policies["ds"]), "user": SGAUserAgent(policy=policies["us"])}
    log_path = out / "jrud_log.csv"
    out.mkdir(parents=True, exist_ok=True)
    if not resuming:
        log_path.write_text(",".join(LOG_FIELDS) + "\n")
        log(f"JRUD: SL data {description}; goals {config.goals!r}")
    started = time.perf_counter()
    for cycle in range(state["cycle"], config.us_cycles + config.ds_cycles):
        if max_minutes is not None and time.perf_counter() - started > 60 * max_minutes:
            log(f"stopping after {max_minutes} minutes at cycle {cycle} (resume with the same command)")
            break
        kind = config.phase(cycle)
        torch.manual_seed(config.seed * 1_000_003 + cycle)  # dropout per cycle: resuming replays exactly
        learner, fixed = policies[kind], policies["us" if kind == "ds" else "ds"]
        learner.sampling = Sampling(True, config.temperature, config.top_k)
        fixed.sampling = Sampling()
        side = "system" if kind == "ds" else "user"
        examples, rewards, outcomes = [], [], []
        for index in range(config.dialogues):
            # goals: the cycle's own seeds, so a resumed run plays what an uninterrupted one would
            episode = play_episode(
                env, agents, seed=config.seed * 1_000_003 + cycle * config.dialogues + index
            )
            reward = float(episode.metrics["success"])
            turns = agents[side].turns
            examples += _encode_turns(learner, turns, kind)
            rewards += [reward] * len(turns)
            outcomes.append(episode.metrics)
        rl_loss = rl_step(
            learner.model, optimizers[kind], examples, rewards, config.gamma, learner.tok.pad_id
        )
        rng = np.random.default_rng([config.seed, cycle])  # per cycle, so a resumed run draws the same batch
        chosen = rng.choice(len(corpus[kind]), size=min(config.sl_batch, len(corpus[kind])), replace=False)
        batch = [corpus[kind][index] for index in chosen]
        sl_loss = sl_step(learner.model, optimizers[kind], batch, learner.tok.pad_id)
        row = {
            "cycle": cycle + 1,
            "phase": kind,
            "dialogues": config.dialogues,
            "success": float(np.mean([m["success"] for m in outcomes])),
            "inform": float(np.mean([m["inform"] for m in outcomes])),
            "turns": float(np.mean([m["turns"] for m in outcomes])),
            "rewarded_turns": sum(r != 0 for r in rewards),
            "rl_loss": "" if rl_loss is None else f"{rl_loss:.4f}",
            "sl_loss": f"{sl_loss:.4f}",
            "elapsed_s": f"{time.perf_counter() - started:.1f}",
        }
        with log_path.open("a", newline="") as handle:
            csv.DictWriter(handle, LOG_FIELDS).writerow(row)
        log(" ".join(f"{key}={value}" for key, value in row.items()))
        for name, policy in policies.items():
            save_checkpoint(out / name, policy.model, policy.tok, {"model": name, "jrud": asdict(config)})
        torch.save(
            {name: optimizer.state_dict() for name, optimizer in optimizers.items()}, out / "optimizers.pt"
        )
        state["cycle"] = cycle + 1
        state_path.write_text(json.dumps(state, indent=2) + "\n")
    return log_path


def main(argv: Sequence[str] | None = None) -> int:
    defaults = JRUDConfig()
    parser = argparse.ArgumentParser(
        prog="python -m baselines.sga.jrud",
        description="JRUD: policy-gradient training of SGA-US, then SGA-DS, in multiwoz-joint-v0 (success "
        "reward, RL and SL updates alternated 1:1). Re-running with the same --out resumes.",
    )
    parser.add_argument("--out", required=True)
    parser.add_argument("--ds-checkpoint", default=str(DEFAULT_SYSTEM_CHECKPOINT))
    parser.add_argument("--us-checkpoint", default=str(DEFAULT_USER_CHECKPOINT))
    for field, value in asdict(defaults).items():
        parser.add_argument(f"--{field.replace('_', '-')}", type=type(value), default=value)
    parser.add_argument("--max-minutes", type=float, default=None)
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    config = JRUDConfig(**{field: getattr(args, field) for field in asdict(defaults)})
    if config.goals not in ("val", "generated"):
        parser.error(
            "--goals must be 'val' or 'generated' (training goals; the test goals are for evaluation)"
        )
    try:
        log_path = train_jrud(args.out, config, args.ds_checkpoint, args.us_checkpoint, args.max_minutes,
                              log=lambda text: print(text, file=sys.stderr, flush=True))  # fmt: skip
    except RunMismatchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
