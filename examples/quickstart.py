"""Quickstart: play the joint movie-booking env with the built-in agents, then plug in your own system.

    python examples/quickstart.py

Your agent is any object with ``reset(seed)`` and ``act(observation) -> action`` (or a plain function
``observation -> action``). Actions are a string (text only) or a dict with ``text``, ``acts``, ``belief``.
"""

import dialenv
from dialenv.evaluation import evaluate

# 1. The AEC loop, exactly as in PettingZoo: both sides are agents.
env = dialenv.make("moviebooking-joint-v0", render_mode="ansi")
agents = {
    "user": dialenv.load_agent("moviebooking-agenda-user"),
    "system": dialenv.load_agent("moviebooking-rule-system"),
}
env.reset(seed=0)
for side, agent in agents.items():
    agent.reset(seed=0)
for side in env.agent_iter():
    observation, reward, terminated, truncated, info = env.last()
    env.step(None if terminated or truncated else agents[side].act(observation))
print(env.render())
print("metrics:", info["metrics"])


# 2. Your own system: a text-only agent that asks for everything at once, then confirms and books blindly.
class HurriedSystem:
    def reset(self, seed=None):
        self.turn = 0

    def act(self, observation):
        self.turn += 1
        if self.turn == 1:
            return "which movie, theatre, date and time, and how many tickets?"
        if self.turn == 2:
            return "shall i book the first showing that fits?"  # never confirms anything: it will fail
        return "goodbye"


report = evaluate("moviebooking-v0", {"system": HurriedSystem()}, episodes=200, seed=0)
print("HurriedSystem success:", round(report.metrics["success"]["mean"], 3))
reference = evaluate("moviebooking-v0", episodes=200, seed=0)
print("rule system success:  ", round(reference.metrics["success"]["mean"], 3))
