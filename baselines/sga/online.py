"""The online evaluation matrix of the paper's Table 2: systems x user simulators in the MultiWOZ env.

Every pairing of a system (SGA-DS-SL, the rule system) with a user (SGA-US-SL, the agenda user) plays the
first ``N`` test goals (seeds ``0..N-1``) of ``multiwoz-joint-v0`` through :func:`dialenv.evaluation.evaluate`;
the table gives Inform and Success (mean ± standard error over dialogues, in %) and the wall time of each
pairing. The SGA models are the shipped CPU checkpoints unless others are given::

    python -m baselines.sga.online --goals 100
    python -m baselines.sga.online --goals 50 --ds-checkpoint runs/jrud/ds --us-checkpoint runs/jrud/us
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import torch

from baselines.sga.agents import (
    DEFAULT_SYSTEM_CHECKPOINT,
    DEFAULT_USER_CHECKPOINT,
    SGASystemAgent,
    SGAUserAgent,
)
from dialenv.evaluation import evaluate

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
    systems: dict[str, Callable[[], Any] | str],
    users: dict[str, Callable[[], Any] | str],
    goals: int,
    log: Callable[[str], None] = print,
) -> list[dict[str, Any]]:
    """One row per (system, user) pairing: Inform and Success mean ± s.e. (%), seconds, dialogues.

    ``systems``/``users`` map a label to a factory of a fresh agent or to a registered agent name
    (``"multiwoz-rule-system"``, ``"multiwoz-agenda-user"``); agents are built per pairing so no state is shared.
    """
    rows = []
    for system_name, system in systems.items():
        for user_name, user in users.items():
            agents = {
                side: made() if callable(made) else made
                for side, made in (("system", system), ("user", user))
            }
            report = evaluate(ENV_ID, agents, episodes=goals, seed=0)
            row: dict[str, Any] = {"system": system_name, "user": user_name, "goals": goals,
                                   "seconds": report.seconds}  # fmt: skip
            for metric in ("inform", "success"):
                mean, error = mean_and_error([100.0 * float(e.metrics[metric]) for e in report.episodes])
                row[metric], row[f"{metric}_se"] = mean, error
            row["turns"] = sum(e.metrics["turns"] for e in report.episodes) / goals
            log(format_row(row))
            rows.append(row)
    return rows


def format_row(row: dict[str, Any]) -> str:
    """A Markdown table row of :func:`online_matrix`."""
    return (
        f"| {row['system']} | {row['user']} | {row['inform']:.1f} ± {row['inform_se']:.1f} | "
        f"{row['success']:.1f} ± {row['success_se']:.1f} | {row['turns']:.1f} | {row['seconds']:.1f} s |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m baselines.sga.online",
        description="Table 2 style online evaluation: {SGA-DS, rule system} x {SGA-US, agenda user} on the "
        "first N test goals of multiwoz-joint-v0 (Inform and Success, mean ± s.e., and time per pairing).",
    )
    parser.add_argument("--goals", type=int, default=100, help="play test goals 0..N-1 (seeds)")
    parser.add_argument("--ds-checkpoint", default=str(DEFAULT_SYSTEM_CHECKPOINT))
    parser.add_argument("--us-checkpoint", default=str(DEFAULT_USER_CHECKPOINT))
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    parser.add_argument("--json-out", help="also write the rows here")
    args = parser.parse_args(argv)
    if args.goals < 1:
        parser.error("--goals must be at least 1")
    torch.set_num_threads(args.threads)
    ds_label = (
        "SGA-DS-SL"
        if args.ds_checkpoint == str(DEFAULT_SYSTEM_CHECKPOINT)
        else f"SGA-DS ({args.ds_checkpoint})"
    )
    us_label = (
        "SGA-US-SL"
        if args.us_checkpoint == str(DEFAULT_USER_CHECKPOINT)
        else f"SGA-US ({args.us_checkpoint})"
    )
    systems = {ds_label: lambda: SGASystemAgent(args.ds_checkpoint), "rule system": "multiwoz-rule-system"}
    users = {us_label: lambda: SGAUserAgent(args.us_checkpoint), "agenda user": "multiwoz-agenda-user"}
    print(f"{ENV_ID}, test goals 0..{args.goals - 1}, greedy decoding")
    print("| system | user | Inform (%) | Success (%) | turns | time |")
    print("|---|---|---|---|---|---|")
    rows = online_matrix(systems, users, args.goals)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
