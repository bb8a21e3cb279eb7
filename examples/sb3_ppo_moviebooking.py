"""Train Stable-Baselines3 PPO on movie booking at act level, then compare it with a random policy and the expert.

The learner plays the system of ``moviebooking-v0`` through :class:`wrappers.act_level.MovieActView`: ten act
templates (request a slot, confirm, offer, book, notify failure, goodbye) over a 32-number observation built
by the rule DST. It is evaluated on held-out seeds (from 2**31 up; training seeds are below 2**31) together
with a uniform random policy over the same actions and the finite-state expert played through the same
actions (an oracle: it requests one slot per turn where the rule system asks for two).

Measured here (2-core CPU shared with other jobs, torch 2.13 CPU, stable-baselines3 2.9.2, one torch thread)
with ``DIALENV_DATA=../shared/data python examples/sb3_ppo_moviebooking.py`` (training seed 0, 100,000
timesteps, 1,000 evaluation dialogues per policy):

| policy | success | mean turns | mean return |
|---|---|---|---|
| PPO (trained) | 97.7 % | 5.49 | 9.16 |
| uniform random | 3.8 % | 3.39 | −2.82 |
| expert through the same actions (oracle) | 99.2 % | 5.94 | 8.94 |

Training took 66.5 s of CPU time (65-67 s over runs; the whole script 2.6 min wall clock on the loaded
machine). Reruns with the same seed print the same table. Training seeds 1, 2, 3 reached 97.0 %, 98.5 % and
98.0 %. PPO learns to offer a showing early and let the user's corrections fill the belief, which ends
dialogues half a turn sooner than the expert. SB3 DQN (MLP 64x64, 100,000 steps, exploration over the first
30 %, gamma 0.95; 123 s CPU) reached 86.7 % on the same evaluation, so PPO is the default.

Usage::

    python examples/sb3_ppo_moviebooking.py [--timesteps 100000] [--seed 0] [--episodes 1000] [--save ppo_movie.zip]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
import torch
from stable_baselines3 import PPO
from stable_baselines3.common.env_util import make_vec_env

from wrappers.act_level import MovieActView

#: Evaluation seeds start here; the view draws training episode seeds below 2**31, so these are held out.
EVAL_SEED_BASE = 2**31
#: PPO settings found on this task (SB3 defaults otherwise). A high entropy bonus keeps "book" explored:
#: booking before the user accepted an offer ends the dialogue unsuccessfully, and a policy that learns to
#: avoid it too early never discovers that booking after acceptance pays.
PPO_SETTINGS = {"n_steps": 256, "batch_size": 256, "learning_rate": 1e-3, "ent_coef": 0.05, "gamma": 0.99}
N_ENVS = 8

Policy = Callable[[MovieActView, np.ndarray], int]


def train(timesteps: int, seed: int) -> tuple[PPO, float, float]:
    """PPO trained for ``timesteps`` steps; returns the model, CPU seconds and wall-clock seconds."""
    envs = make_vec_env(MovieActView, n_envs=N_ENVS, seed=seed)
    model = PPO("MlpPolicy", envs, seed=seed, device="cpu", verbose=0, **PPO_SETTINGS)
    cpu, wall = time.process_time(), time.perf_counter()
    model.learn(total_timesteps=timesteps)
    return model, time.process_time() - cpu, time.perf_counter() - wall


def evaluate(policy: Policy, episodes: int) -> dict[str, float]:
    """Success rate, mean system turns and mean return of ``policy`` on the held-out evaluation seeds."""
    env = MovieActView()
    successes, turns, returns = 0, 0, 0.0
    for episode in range(episodes):
        observation, _ = env.reset(seed=EVAL_SEED_BASE + episode)
        done = False
        while not done:
            observation, reward, terminated, truncated, info = env.step(policy(env, observation))
            returns += reward
            done = terminated or truncated
        successes += info["metrics"]["success"]
        turns += info["metrics"]["turns"]
    return {"success": successes / episodes, "turns": turns / episodes, "return": returns / episodes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timesteps", type=int, default=100_000, help="PPO training steps (default 100,000)")
    parser.add_argument("--seed", type=int, default=0, help="training seed (SB3 seed= and the envs' seeds)")
    parser.add_argument("--episodes", type=int, default=1000, help="evaluation dialogues per policy")
    parser.add_argument(
        "--threads", type=int, default=1, help="torch threads (1 is fastest for this small MLP)"
    )
    parser.add_argument("--save", metavar="PATH", help="save the trained model (SB3 .zip) to PATH")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    model, cpu_seconds, wall_seconds = train(args.timesteps, args.seed)
    if args.save:
        model.save(args.save)
    random_actions = np.random.default_rng(args.seed)
    policies: dict[str, Policy] = {
        "PPO (trained)": lambda env, observation: int(model.predict(observation, deterministic=True)[0]),
        "random": lambda env, observation: int(random_actions.integers(env.action_space.n)),
        "expert (oracle)": lambda env, observation: env.expert_action(),
    }
    print(
        f"PPO: {args.timesteps:,} timesteps, seed {args.seed}: {cpu_seconds:.1f} s CPU, {wall_seconds:.1f} s wall"
    )
    print(
        f"evaluation: {args.episodes:,} dialogues per policy, seeds {EVAL_SEED_BASE} + 0..{args.episodes - 1}\n"
    )
    print(f"{'policy':<16} {'success':>8} {'turns':>6} {'return':>7}")
    for name, policy in policies.items():
        scores = evaluate(policy, args.episodes)
        print(f"{name:<16} {scores['success']:>8.1%} {scores['turns']:>6.2f} {scores['return']:>7.2f}")
    if args.save:
        print(f"\nmodel saved to {args.save}")


if __name__ == "__main__":
    main()
