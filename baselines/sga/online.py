"""The online evaluation matrix of the paper's Table 2: systems x user simulators in the MultiWOZ env.

Every pairing of a system (SGA-DS checkpoints, the rule system) with a user (SGA-US checkpoints, the agenda
user) plays the first ``N`` test goals (seeds ``0..N-1``) of ``multiwoz-joint-v0``, ``--width`` dialogues
at a time in lockstep (:func:`dialenv.rollout.play_batched`: one batched generation per model and turn);
the table gives Inform and Success (mean ± standard error over dialogues, in %) and the wall time of each
pairing. The SGA models are the shipped CPU checkpoints unless others are given::

    python -m baselines.sga.online --goals 1000
    python -m baselines.sga.online --goals 200 --system SGA-JRUD=runs/jrud/best-ds --system rules=rule \\
        --user SGA-US-RL=runs/jrud/best-us --user agenda=agenda
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import torch

from baselines.sga.agents import (
    DEFAULT_SYSTEM_CHECKPOINT,
    DEFAULT_USER_CHECKPOINT,
    SGASystemAgent,
    SGAUserAgent,
    load_policy,
)
from dialenv.agents import load_agent
from dialenv.progress import ProgressBar
from dialenv.registration import make
from dialenv.rollout import play_batched

ENV_ID = "multiwoz-joint-v0"


def mean_and_error(values: Sequence[float]) -> tuple[float, float]:
    """Mean and standard error of the mean (sample standard deviation / sqrt(n)); 0 error for n < 2."""
    count = len(values)
    mean = sum(values) / count
    if count < 2:
        return mean, 0.0
    variance = sum((value - mean) ** 2 for value in values) / (count - 1)
    return mean, math.sqrt(variance / count)


def online_matrix(
    systems: dict[str, Callable[[], Any]],
    users: dict[str, Callable[[], Any]],
    goals: int,
    width: int = 32,
    log: Callable[[str], None] = print,
) -> list[dict[str, Any]]:
    """One row per (system, user) pairing: Inform and Success mean ± s.e. (%), turns, seconds.

    ``systems``/``users`` map a label to a factory of a fresh agent; each pairing plays test goals
    ``0..goals-1`` with ``width`` dialogues in lockstep (:func:`dialenv.rollout.play_batched`), so SGA
    agents made from one shared policy generate for all of them in one batch.
    """
    rows = []
    for system_name, make_system in systems.items():
        for user_name, make_user in users.items():
            started = time.perf_counter()
            episodes = play_pairing(make_system, make_user, goals, width, f"{system_name} x {user_name}")
            row: dict[str, Any] = {"system": system_name, "user": user_name, "goals": goals,
                                   "seconds": time.perf_counter() - started}  # fmt: skip
            for metric in ("inform", "success"):
                mean, error = mean_and_error([100.0 * float(e.metrics[metric]) for e in episodes])
                row[metric], row[f"{metric}_se"] = mean, error
            row["turns"] = sum(e.metrics["turns"] for e in episodes) / goals
            log(format_row(row))
            rows.append(row)
    return rows


def play_pairing(
    make_system: Callable[[], Any], make_user: Callable[[], Any], goals: int, width: int, label: str
) -> list[Any]:
    """The episodes of one pairing on test goals ``0..goals-1``, with a progress bar."""
    bar = ProgressBar(label, total=goals, unit="dialogues")
    episodes = play_batched(
        lambda: make(ENV_ID),
        lambda: {"system": make_system(), "user": make_user()},
        range(goals),
        width=width,
        on_episode=lambda episode, agents: bar.update(1),
    )
    bar.close()
    return episodes


def sga_factory(kind: str, checkpoint: str | Path) -> Callable[[], Any]:
    """Fresh SGA agents that share one policy loaded once from ``checkpoint`` (greedy decoding)."""
    policy = load_policy(kind, checkpoint)
    agent_class = SGASystemAgent if kind == "ds" else SGAUserAgent
    return lambda: agent_class(policy=policy)


def _factory(kind: str, path: str) -> Callable[[], Any]:
    """``rule`` / ``agenda``: the env's reference agents; anything else: an SGA checkpoint directory."""
    if path == {"ds": "rule", "us": "agenda"}[kind]:
        return lambda: load_agent("multiwoz-rule-system" if kind == "ds" else "multiwoz-agenda-user")
    return sga_factory(kind, path)


def _side(
    kind: str, pairs: Sequence[str], option: str, default: dict[str, str]
) -> dict[str, Callable[[], Any]]:
    """Agent factories of one side from ``LABEL=CHECKPOINT|rule|agenda`` options (``default`` when none)."""
    return {label: _factory(kind, path) for label, path in (_labelled(pairs, option) or default).items()}


def _labelled(pairs: Sequence[str], option: str) -> dict[str, str]:
    """``["LABEL=PATH", ...]`` as a dict (the label may not contain '=')."""
    parsed = {}
    for pair in pairs:
        label, sep, path = pair.partition("=")
        if not sep or not label or not path:
            raise SystemExit(f"error: {option} takes LABEL=CHECKPOINT, got {pair!r}")
        parsed[label] = path
    return parsed


def format_row(row: dict[str, Any]) -> str:
    """A Markdown table row of :func:`online_matrix`."""
    return (
        f"| {row['system']} | {row['user']} | {row['inform']:.1f} ± {row['inform_se']:.1f} | "
        f"{row['success']:.1f} ± {row['success_se']:.1f} | {row['turns']:.1f} | {row['seconds']:.1f} s |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m baselines.sga.online",
        description="Table 2 style online evaluation: systems x user simulators on the first N test goals of "
        "multiwoz-joint-v0 (Inform and Success, mean ± s.e., and time per pairing).",
    )
    parser.add_argument("--goals", type=int, default=100, help="play test goals 0..N-1 (seeds)")
    parser.add_argument("--system", action="append", default=[], metavar="LABEL=CHECKPOINT",
                        help="a system: an SGA-DS checkpoint or 'rule' (repeatable; default: the shipped "
                        "SGA-DS and the rule system)")  # fmt: skip
    parser.add_argument("--user", action="append", default=[], metavar="LABEL=CHECKPOINT",
                        help="a user: an SGA-US checkpoint or 'agenda' (repeatable; default: the shipped "
                        "SGA-US and the agenda user)")  # fmt: skip
    parser.add_argument("--width", type=int, default=32, help="dialogues played in lockstep (batch size)")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    parser.add_argument("--json-out", help="also write the rows here")
    args = parser.parse_args(argv)
    if args.goals < 1:
        parser.error("--goals must be at least 1")
    torch.set_num_threads(args.threads)
    systems = _side(
        "ds", args.system, "--system", {"SGA-DS-SL": str(DEFAULT_SYSTEM_CHECKPOINT), "rule system": "rule"}
    )
    users = _side(
        "us", args.user, "--user", {"SGA-US-SL": str(DEFAULT_USER_CHECKPOINT), "agenda user": "agenda"}
    )
    print(f"{ENV_ID}, test goals 0..{args.goals - 1}, greedy decoding, {args.width} dialogues in lockstep")
    print("| system | user | Inform (%) | Success (%) | turns | time |")
    print("|---|---|---|---|---|---|")
    rows = online_matrix(systems, users, args.goals, args.width)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
