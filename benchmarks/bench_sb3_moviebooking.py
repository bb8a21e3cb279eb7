"""Cost of the act-level RL view: env steps per CPU second, against the message-level env.

    python benchmarks/bench_sb3_moviebooking.py [--episodes 2000]

Rows: the rule system on ``moviebooking-v0`` (messages in, messages out: the reference), the expert and a
uniform random policy through :class:`wrappers.act_level.MovieActView` (the view's tracking, KB query for
the observation and vectorisation on top). Rates are per second of this process's CPU time, so they do not
depend on what else the machine runs; the view's overhead is printed as a ratio to the reference. The cost
of learning on the view (PPO's steps per CPU second) is printed by ``examples/sb3_ppo_moviebooking.py``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from dialenv.agents import load_agent
from dialenv.registration import make
from wrappers.act_level import MovieActView


def rate(play: Callable[[int], int], episodes: int) -> tuple[float, float]:
    """Dialogues and system steps per CPU second of ``play(seed) -> steps`` over ``episodes`` seeds."""
    start, steps = time.process_time(), 0
    for seed in range(episodes):
        steps += play(seed)
    seconds = time.process_time() - start
    return episodes / seconds, steps / seconds


def rule_system_episode(env, system) -> Callable[[int], int]:
    """One dialogue of the rule system on the message-level env, as ``play(seed) -> steps``."""

    def play(seed: int) -> int:
        system.reset(seed)
        observation, _ = env.reset(seed=seed)
        steps, done = 0, False
        while not done:
            observation, _, terminated, truncated, _ = env.step(system.act(observation))
            steps, done = steps + 1, terminated or truncated
        return steps

    return play


def view_episode(env: MovieActView, choose: Callable[[MovieActView], int]) -> Callable[[int], int]:
    """One dialogue through the act-level view, actions from ``choose(env)``, as ``play(seed) -> steps``."""

    def play(seed: int) -> int:
        env.reset(seed=seed)
        steps, done = 0, False
        while not done:
            *_, terminated, truncated, _ = env.step(choose(env))
            steps, done = steps + 1, terminated or truncated
        return steps

    return play


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=2000)
    args = parser.parse_args()
    view = MovieActView()
    actions = np.random.default_rng(0)
    rows = {
        "rule system on moviebooking-v0": rule_system_episode(
            make("moviebooking-v0", partner_kwargs={"user": {"surface": None}}),
            load_agent("moviebooking-rule-system", surface=None),
        ),
        "expert through MovieActView": view_episode(view, MovieActView.expert_action),
        "random through MovieActView": view_episode(
            view, lambda env: int(actions.integers(env.action_space.n))
        ),
    }
    results = {name: rate(play, args.episodes) for name, play in rows.items()}
    print(f"{args.episodes} dialogues per row, one process, user speaks acts only")
    print(f"{'setting':34s} {'dialogues/CPU-s':>15s} {'steps/CPU-s':>12s}")
    for name, (dialogues, steps) in results.items():
        print(f"{name:34s} {dialogues:15.0f} {steps:12.0f}")
    reference, expert = (
        results["rule system on moviebooking-v0"][1],
        results["expert through MovieActView"][1],
    )
    print(f"view overhead (reference steps/s / expert-through-view steps/s): {reference / expert:.2f}x")


if __name__ == "__main__":
    main()
