"""Throughput of the movie-booking task: rule system vs agenda user, in one process.

    python benchmarks/bench_moviebooking.py [--episodes 2000]

Rows: act level with acts only (the setting act-level benchmarks measure), act level with template text,
text only on both sides (NLG + rule NLU on both sides). As a reference in the same run, the act-level
pairing is repeated with the KB's indexed query replaced by a linear scan over all showings, which is what
the lookup would cost without the index. Rates are dialogues per second of this process's CPU time, so
they do not depend on what else the machine runs. Target (issue #2): >= 1,000 dialogues/s at act level.
"""

from __future__ import annotations

import argparse
import time

from dialenv.agents import load_agent
from dialenv.moviebooking import kb as kb_module
from dialenv.moviebooking.domain import DONTCARE, SHOWING_SLOTS
from dialenv.registration import make
from dialenv.rollout import play_episode


def throughput(episodes: int, env_kwargs: dict, surface: str | None) -> tuple[float, float]:
    env = make("moviebooking-joint-v0", **env_kwargs)
    agents = {
        "user": load_agent("moviebooking-agenda-user", surface=surface),
        "system": load_agent("moviebooking-rule-system", surface=surface),
    }
    successes = 0
    start = time.process_time()
    for seed in range(episodes):
        successes += play_episode(env, agents, seed).metrics["success"]
    return episodes / (time.process_time() - start), successes / episodes


def linear_scan_ids(self, constraints):
    """The reference: test every showing against every constraint."""
    wanted = [(s, v) for s, v in constraints.items() if s in SHOWING_SLOTS and v and v != DONTCARE]
    return frozenset(s.id for s in self.showings if all(getattr(s, slot) == value for slot, value in wanted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=2000)
    args = parser.parse_args()
    rows = {
        "act level, acts only": ({"level": "act"}, None),
        "act level, with template text": ({"level": "act"}, "train"),
        "text only on both sides": ({"level": "text"}, "train"),
    }
    results = {name: throughput(args.episodes, env_kwargs, surface) for name, (env_kwargs, surface) in rows.items()}
    indexed = kb_module.ShowtimesKB.query_ids
    kb_module.ShowtimesKB.query_ids = linear_scan_ids
    try:
        reference = throughput(args.episodes, {"level": "act"}, None)
    finally:
        kb_module.ShowtimesKB.query_ids = indexed
    print(f"rule system vs agenda user, {args.episodes} episodes per row, one process")
    print(f"{'setting':34s} {'dialogues/CPU-s':>15s} {'success':>8s}")
    for name, (rate, success) in results.items():
        print(f"{name:34s} {rate:15.0f} {success:8.3f}")
    print(f"{'reference: acts only, linear-scan KB':34s} {reference[0]:15.0f} {reference[1]:8.3f}")
    print(f"indexed KB / linear scan: {results['act level, acts only'][0] / reference[0]:.2f}x")


if __name__ == "__main__":
    main()
