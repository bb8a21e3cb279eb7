"""SGA-DS x SGA-US in multiwoz-joint-v0: one dialogue at a time against many in lockstep.

Run from the repository root: ``DIALENV_DATA=../shared/data python benchmarks/bench_sga_batched.py
[--goals 64] [--width 32]``. Plays test goals ``0..goals-1`` with the shipped checkpoints (greedy), first
with :func:`dialenv.rollout.play_episode` one by one, then with :func:`dialenv.rollout.play_batched`, and
prints dialogues and system turns per CPU second of each and the ratio. It also checks that both runs give
the same transcripts (greedy decoding does not depend on the batch). One torch thread.
"""

from __future__ import annotations

import argparse
import time

import torch

from baselines.sga.agents import DEFAULT_SYSTEM_CHECKPOINT, DEFAULT_USER_CHECKPOINT, load_policy
from baselines.sga.online import sga_factory
from dialenv.registration import make
from dialenv.rollout import play_batched, play_episode


def cpu_seconds(function):
    """``(result, CPU seconds of this process)``: the machine is shared, wall time is not a measure."""
    start = time.process_time()
    result = function()
    return result, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=64)
    parser.add_argument("--width", type=int, default=32)
    args = parser.parse_args()
    torch.set_num_threads(1)
    load_policy("ds", DEFAULT_SYSTEM_CHECKPOINT)  # warm the database and tokenizer caches before timing
    make_system, make_user = (
        sga_factory("ds", DEFAULT_SYSTEM_CHECKPOINT),
        sga_factory("us", DEFAULT_USER_CHECKPOINT),
    )
    env = make("multiwoz-joint-v0")
    agents = {"system": make_system(), "user": make_user()}
    seeds = range(args.goals)
    alone, alone_s = cpu_seconds(lambda: [play_episode(env, agents, seed) for seed in seeds])
    together, together_s = cpu_seconds(
        lambda: play_batched(
            lambda: make("multiwoz-joint-v0"),
            lambda: {"system": make_system(), "user": make_user()},
            seeds,
            width=args.width,
        )
    )
    turns = sum(episode.metrics["turns"] for episode in alone)
    same = [a.transcript for a in alone] == [b.transcript for b in together]
    print(f"{args.goals} test goals, {turns} system turns, SGA-DS x SGA-US (shipped checkpoints, greedy)")
    print("| run | CPU s | dialogues / CPU s | system turns / CPU s |")
    print("|---|---|---|---|")
    for label, seconds in (("one at a time", alone_s), (f"lockstep, width {args.width}", together_s)):
        print(f"| {label} | {seconds:.1f} | {args.goals / seconds:.2f} | {turns / seconds:.1f} |")
    print(f"speed-up {alone_s / together_s:.1f}x; identical transcripts: {same}")


if __name__ == "__main__":
    main()
