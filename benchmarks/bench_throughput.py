"""Throughput of rule system vs agenda user, in one process, for the movie-booking and MultiWOZ tasks.

    python benchmarks/bench_throughput.py --task moviebooking [--episodes 2000]
    python benchmarks/bench_throughput.py --task multiwoz [--episodes 1000]      # needs DIALENV_DATA

Rows: act level with acts only (the setting act-level benchmarks such as ConvLab-2's measure), act level
with template text, text only on both sides (template NLG + rule NLU on both sides). Rates are dialogues
per second of this process's CPU time (one-time loading excluded by a warm-up), so they do not depend on
what else the machine runs. Movie booking also runs a reference in the same process: the act-level
pairing with the KB's indexed query replaced by a linear scan over all showings. Targets: movie booking
>= 1,000 dialogues/s, MultiWOZ >= 500 dialogues/s at act level (ConvLab-2: 23/s on this machine, as
measured by the project's design card, not in this run).
"""

from __future__ import annotations

import argparse
import time

from dialenv.agents import load_agent
from dialenv.moviebooking import kb as kb_module
from dialenv.moviebooking.domain import DONTCARE, SHOWING_SLOTS
from dialenv.registration import make
from dialenv.rollout import play_episode

ROWS = {
    "act level, acts only": ("act", None),
    "act level, with template text": ("act", "train"),
    "text only on both sides": ("text", "train"),
}


def throughput(task: str, episodes: int, level: str, surface: str | None) -> tuple[float, float]:
    env = make(f"{task}-joint-v0", level=level)
    agents = {
        "user": load_agent(f"{task}-agenda-user", surface=surface),
        "system": load_agent(f"{task}-rule-system", surface=surface),
    }
    for seed in range(5):  # warm-up: data loading, caches
        play_episode(env, agents, seed)
    successes = 0
    start = time.process_time()
    for seed in range(episodes):
        successes += play_episode(env, agents, seed).metrics["success"]
    return episodes / (time.process_time() - start), successes / episodes


def linear_scan_ids(self, constraints):
    """The reference lookup: test every showing against every constraint."""
    wanted = [(s, v) for s, v in constraints.items() if s in SHOWING_SLOTS and v and v != DONTCARE]
    return frozenset(s.id for s in self.showings if all(getattr(s, slot) == value for slot, value in wanted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", choices=("moviebooking", "multiwoz"), default="moviebooking")
    parser.add_argument("--episodes", type=int, default=1000)
    args = parser.parse_args()
    results = {name: throughput(args.task, args.episodes, *setting) for name, setting in ROWS.items()}
    if args.task == "moviebooking":
        indexed = kb_module.ShowtimesKB.query_ids
        kb_module.ShowtimesKB.query_ids = linear_scan_ids
        try:
            results["reference: acts only, linear-scan KB"] = throughput(args.task, args.episodes, "act", None)
        finally:
            kb_module.ShowtimesKB.query_ids = indexed
    print(f"{args.task}: rule system vs agenda user, {args.episodes} episodes per row, one process")
    print(f"{'setting':38s} {'dialogues/CPU-s':>15s} {'success':>8s}")
    for name, (rate, success) in results.items():
        print(f"{name:38s} {rate:15.0f} {success:8.3f}")
    reference = results.get("reference: acts only, linear-scan KB")
    if reference:
        print(f"indexed KB / linear scan: {results['act level, acts only'][0] / reference[0]:.2f}x")


if __name__ == "__main__":
    main()
