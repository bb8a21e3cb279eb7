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

Rewards (``reward``, sec. 4.6.1): ``"success"`` (the paper's best setting) gives ``R_t = 1`` to every turn
of a dialogue the env judges successful (``info["metrics"]["success"]``), else 0; ``"synthetic"`` and
``"synthetic-sigmoid"`` take the env's per-turn reward of the learner's side (request bonus, repetition
penalty, completed-domain proportion at the end; :mod:`dialenv.multiwoz.rewards`), from
``Episode.turn_rewards``. Turns with zero reward have zero gradient, so they are skipped, and a batch
without any rewarded turn makes no update at all (AdamW's weight decay would otherwise still move the
parameters). The update is the mean over the cycle's rewarded turns, computed ``rl_micro_batch`` turns at
a time with the gradients accumulated (the paper: 16 x 12).

Training loop (:func:`train_jrud`, sec. 4.3 and appendix B): the two agents talk in ``multiwoz-joint-v0``
on training goals (``goals="val"``: the validation goals, which the CPU models were trained on, or
``"generated"``); every cycle plays ``dialogues`` dialogues in lockstep (one batched generation per model
and turn, :func:`dialenv.rollout.play_batched`), makes one RL update on the learner's turns and then one SL
step on a batch of corpus sequences (RL:SL = 1:1, against drifting away from natural language); first US
cycles with DS fixed, then DS cycles with US fixed; a fixed learning rate without scheduler.

Selection (sec. 4.3, Figure 4): before the first cycle and every ``eval_every`` cycles the pair plays
``eval_goals`` dev goals greedily (generated goals with fixed seeds, the same in every run; the paper draws
200 goals from train and val); the best learner so far (by success, then inform) is kept in ``best-us`` /
``best-ds``, the DS phase plays against ``best-us`` (the paper's selected SGA-US-RL), and
``jrud_eval.csv`` / ``jrud_curves.png`` hold the learning curves. The SL pair is the first point, so a
learner that never beats it is not selected.

Each cycle appends a row to ``jrud_log.csv`` (``elapsed_s`` counts from the start of the invocation) and
saves both models, the optimizers and the position in ``state.json``, so an interrupted run resumes where
it stopped; the cycle's goals, sampling seeds, dropout and SL batch depend only on the cycle, so a resumed
run reproduces the uninterrupted one. ``--us-cycles 0`` trains SGA-DS-RL (DS against the fixed SL user).
Command line::

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
from baselines.sga.train import build_sequences, encode, load_dialogues, new_plot, save_plot
from dialenv.multiwoz.rewards import SCHEMES
from dialenv.registration import make
from dialenv.rollout import play_batched

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
    micro_batch: int = 16,
    clip: float = 1.0,
) -> float | None:
    """One policy-gradient update on the turns with non-zero reward; ``None`` (and no update) if there are none.

    The turns are processed ``micro_batch`` at a time and their gradients accumulated (the paper: batch
    16, 12 accumulation steps), so the update is that of the mean over all rewarded turns at bounded memory.
    """
    kept = [(example, reward) for example, reward in zip(examples, rewards) if reward != 0]
    if not kept:
        return None
    model.train()
    optimizer.zero_grad()
    total = 0.0
    for start in range(0, len(kept), micro_batch):
        chunk = kept[start : start + micro_batch]
        loss = policy_gradient_loss(model, [e for e, _ in chunk], [r for _, r in chunk], gamma, pad_id)
        (loss * len(chunk) / len(kept)).backward()
        total += loss.item() * len(chunk)
    torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
    optimizer.step()
    model.eval()
    return total / len(kept)


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
    """Settings of a JRUD run (the paper: lr 2e-5 fixed, 128 dialogues per cycle, RL batch 16 x 12
    accumulation, 100 + 100 cycles, selection by online success on 200 dev goals)."""

    us_cycles: int = 100
    ds_cycles: int = 100
    dialogues: int = 16  # dialogues played per cycle (one RL update on all their learner turns)
    rl_micro_batch: int = 16  # turns per forward/backward pass of the RL update (gradients accumulated)
    sl_batch: int = 16  # corpus sequences per SL step
    simulated: int = 0  # simulated dialogues added to the SL data, as in supervised training (--simulated)
    lr: float = 2e-5
    gamma: float = 0.99
    goals: str = "val"
    reward: str = "success"  # or "synthetic", "synthetic-sigmoid" (sec. 4.6.1, Table 4)
    max_turns: int = 20
    temperature: float = 1.0  # the learner samples (exploration); the fixed partner decodes greedily
    top_k: int = 0
    eval_every: int = 5  # cycles between online evaluations on the dev goals (0: never; no selection)
    eval_goals: int = 50  # generated dev goals (fixed seeds) of each online evaluation
    seed: int = 0

    def phase(self, cycle: int) -> str:
        """``"us"`` for the first ``us_cycles`` cycles, then ``"ds"``."""
        return "us" if cycle < self.us_cycles else "ds"


#: Seeds of the dev goals: generated goals far away from any training seed, the same for every run.
DEV_SEED_BASE = 10**12
EVAL_FIELDS = ("cycle", "phase", "success", "inform", "turns", "best", "elapsed_s")


def _encode_turns(policy: Any, turns: Sequence[Any], kind: str) -> list[Example]:
    segments = ds_segments if kind == "ds" else us_segments
    limit = int(policy.model.config.n_positions)
    return [truncate_left(*policy.tok.encode_segments(segments(turn)), limit) for turn in turns]


def evaluate_online(
    make_env: Any, make_agents: Any, policies: dict[str, Any], goals: int, width: int = 32
) -> dict[str, float]:
    """Mean success, inform and turns with both policies greedy on dev goals ``DEV_SEED_BASE + 0..goals-1``."""
    saved = {kind: policy.sampling for kind, policy in policies.items()}
    for policy in policies.values():
        policy.sampling = Sampling()
    try:
        seeds = [DEV_SEED_BASE + index for index in range(goals)]
        episodes = play_batched(make_env, make_agents, seeds, width=width)
    finally:
        for kind, policy in policies.items():
            policy.sampling = saved[kind]
    return {key: float(np.mean([e.metrics[key] for e in episodes])) for key in ("success", "inform", "turns")}


def play_cycle(
    make_env: Any, make_agents: Any, learner: Any, kind: str, seeds: Sequence[int], reward: str
) -> tuple[list[Example], list[float], list[dict[str, Any]]]:
    """Play ``seeds`` in lockstep; the learner's turns as sequences, each turn's reward, each episode's metrics.

    ``reward="success"``: every turn of a successful dialogue gets 1 (sec. 4.6.1); otherwise the env's
    per-turn reward of the learner's side (the env is made with that scheme).
    """
    side = "system" if kind == "ds" else "user"
    examples: list[Example] = []
    rewards: list[float] = []

    def collect(episode: Any, agents: dict[str, Any]) -> None:
        turns = agents[side].turns
        examples.extend(_encode_turns(learner, turns, kind))
        if reward == "success":
            rewards.extend([float(episode.metrics["success"])] * len(turns))
        else:
            rewards.extend(episode.turn_rewards[side])

    episodes = play_batched(make_env, make_agents, seeds, width=len(seeds), on_episode=collect)
    return examples, rewards, [episode.metrics for episode in episodes]


def _better(score: dict[str, float], best: dict[str, float] | None) -> bool:
    """Selection by online success, ties broken by inform (the paper selects by online results)."""
    return best is None or (score["success"], score["inform"]) > (best["success"], best["inform"])


def _append_csv(path: Path, fields: Sequence[str], row: dict[str, Any]) -> None:
    new = not path.is_file()
    with path.open("a", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        if new:
            writer.writeheader()
        writer.writerow(row)


def _save_policy(directory: Path, kind: str, policy: Any, config: JRUDConfig) -> None:
    save_checkpoint(directory, policy.model, policy.tok, {"model": kind, "jrud": asdict(config)})


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
                 "us_checkpoint": str(us_checkpoint), "best": {}}  # fmt: skip
    policies = {
        kind: load_policy(kind, path) for kind, path in (("ds", ds_checkpoint), ("us", us_checkpoint))
    }
    optimizers = {kind: torch.optim.AdamW(p.model.parameters(), lr=config.lr) for kind, p in policies.items()}
    if resuming:
        for kind, saved in torch.load(out / "optimizers.pt").items():
            optimizers[kind].load_state_dict(saved)
    train_dialogues, _, description = load_dialogues("val", 0.1, config.seed, simulated=config.simulated)
    corpus = {kind: encode(p.tok, build_sequences(kind, train_dialogues), int(p.model.config.n_positions))
              for kind, p in policies.items()}  # fmt: skip

    def make_env() -> Any:
        return make("multiwoz-joint-v0", goals=config.goals, reward=config.reward, max_turns=config.max_turns)

    def make_dev_env() -> Any:
        return make("multiwoz-joint-v0", goals="generated", max_turns=config.max_turns)

    def make_agents() -> dict[str, Any]:
        return {"system": SGASystemAgent(policy=policies["ds"]), "user": SGAUserAgent(policy=policies["us"])}

    log_path, eval_path = out / "jrud_log.csv", out / "jrud_eval.csv"
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def evaluate(cycle: int, kind: str) -> None:
        """Online dev evaluation; the learner's best version so far is kept in ``best-<kind>``."""
        score = evaluate_online(make_dev_env, make_agents, policies, config.eval_goals)
        kinds = ("us", "ds") if cycle == 0 else (kind,)  # the SL pair is the starting point of both
        improved = _better(score, state["best"].get(kind))
        for name in kinds:
            if _better(score, state["best"].get(name)):
                state["best"][name] = {**score, "cycle": cycle}
                _save_policy(out / f"best-{name}", name, policies[name], config)
        row = {"cycle": cycle, "phase": "sl" if cycle == 0 else kind, **{k: f"{v:.4f}" for k, v in score.items()},
               "best": int(improved), "elapsed_s": f"{time.perf_counter() - started:.1f}"}  # fmt: skip
        _append_csv(eval_path, EVAL_FIELDS, row)
        log("dev " + " ".join(f"{key}={value}" for key, value in row.items()))

    if not resuming:
        log_path.write_text(",".join(LOG_FIELDS) + "\n")
        log(f"JRUD: SL data {description}; goals {config.goals!r}; reward {config.reward!r}")
        if config.eval_every:
            evaluate(0, "us")
    total_cycles = config.us_cycles + config.ds_cycles
    for cycle in range(state["cycle"], total_cycles):
        if max_minutes is not None and time.perf_counter() - started > 60 * max_minutes:
            log(f"stopping after {max_minutes} minutes at cycle {cycle} (resume with the same command)")
            break
        kind = config.phase(cycle)
        if cycle == config.us_cycles and cycle > 0 and "us" in state["best"]:
            # the DS phase plays against the selected US (sec. 4.3), not the last one
            policies["us"].model.load_state_dict(load_policy("us", out / "best-us").model.state_dict())
            log(f"DS phase: SGA-US from cycle {state['best']['us']['cycle']} (best dev success)")
        torch.manual_seed(config.seed * 1_000_003 + cycle)  # dropout per cycle: resuming replays exactly
        learner, fixed = policies[kind], policies["us" if kind == "ds" else "ds"]
        learner.sampling = Sampling(True, config.temperature, config.top_k)
        fixed.sampling = Sampling()
        # the cycle's own goal seeds, all its dialogues in lockstep: a resumed run plays what an
        # uninterrupted one would (the samples depend on the cycle only)
        first = config.seed * 1_000_003 + cycle * config.dialogues
        seeds = range(first, first + config.dialogues)
        examples, rewards, outcomes = play_cycle(make_env, make_agents, learner, kind, seeds, config.reward)
        rl_loss = rl_step(learner.model, optimizers[kind], examples, rewards, config.gamma,
                          learner.tok.pad_id, config.rl_micro_batch)  # fmt: skip
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
        _append_csv(log_path, LOG_FIELDS, row)
        log(" ".join(f"{key}={value}" for key, value in row.items()))
        phase_end = cycle + 1 in (config.us_cycles, total_cycles)
        if config.eval_every and ((cycle + 1) % config.eval_every == 0 or phase_end):
            evaluate(cycle + 1, kind)
        for name, policy in policies.items():
            _save_policy(out / name, name, policy, config)
        torch.save(
            {name: optimizer.state_dict() for name, optimizer in optimizers.items()}, out / "optimizers.pt"
        )
        state["cycle"] = cycle + 1
        state_path.write_text(json.dumps(state, indent=2) + "\n")
    if eval_path.is_file():
        try:
            plot_learning_curves(eval_path, out / "jrud_curves.png", config.us_cycles)
        except ImportError:
            log("matplotlib is not installed: no learning-curve plot (pip install matplotlib)")
    return log_path


def plot_learning_curves(eval_csv: str | Path, out: str | Path, us_cycles: int) -> Path:
    """Figure 4 style: dev inform and success against the training cycle, the US/DS switch marked."""
    figure, axis = new_plot((6, 3.6))
    with Path(eval_csv).open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    cycles = [int(row["cycle"]) for row in rows]
    for key, style in (("inform", "-o"), ("success", "-s")):
        axis.plot(cycles, [100 * float(row[key]) for row in rows], style, markersize=3, label=key)
    axis.axvline(us_cycles, color="grey", linestyle=":", label="US fixed from here")
    return save_plot(figure, axis, out, "training cycle (first US, then DS)", "dev goals (%)",
                     "SGA-JRUD online learning curves")  # fmt: skip


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
    if config.reward not in SCHEMES:
        parser.error(f"--reward must be one of {', '.join(SCHEMES)}")
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
