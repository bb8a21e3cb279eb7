"""SGA-US talking to SGA-DS in multiwoz-joint-v0, from the shipped checkpoints, in a few lines.

    DIALENV_DATA=../shared/data python examples/sga_online.py [--goal 3]

Seed s plays test goal s. The system agent queries the env's database for db_t (``attach`` is called by
``play_episode``); the env lexicalizes its ``[placeholders]`` and judges the dialogue with the online
evaluator. Needs torch and transformers (``pip install 'dialenv[baselines]'``).
"""

import argparse

from baselines.sga.agents import SGASystemAgent, SGAUserAgent
from dialenv import make
from dialenv.multiwoz.instruction import goal_instruction
from dialenv.rollout import play_episode

parser = argparse.ArgumentParser()
parser.add_argument("--goal", type=int, default=3, help="test goal number (the episode seed)")
args = parser.parse_args()

env = make("multiwoz-joint-v0")  # the 1,000 test goals
agents = {"system": SGASystemAgent(), "user": SGAUserAgent()}  # the shipped cpu-small-sim checkpoints
episode = play_episode(env, agents, seed=args.goal)

print("goal:", goal_instruction(env.goal), "\n")
print("\n".join(episode.transcript))
print({key: episode.metrics[key] for key in ("success", "inform", "book", "turns")})
