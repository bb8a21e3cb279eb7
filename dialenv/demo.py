"""``dialenv demo``: the main job on the embedded default (movie booking, no downloaded data needed).

Prints a few readable dialogues between the agenda-based user and the rule system, then one evaluation
table: the same pairing at act level and with text only on both sides, with the user speaking the training
surface forms, the extended test surface forms, and (when sim-M is available) human-written sim-M forms —
the generalisation gap paper 002 evaluates.
"""

from __future__ import annotations

from dialenv.agents import load_agent
from dialenv.data import is_available
from dialenv.evaluation import evaluate
from dialenv.metrics import format_table
from dialenv.registration import make
from dialenv.rollout import play_episode

ENV_ID = "moviebooking-joint-v0"
COLUMNS = ["success", "turns", "return_system", "dst_joint", "offer_accepted", "tickets_confirmed"]


def settings() -> dict[str, tuple[dict, dict]]:
    """Row name -> (env kwargs, user simulator kwargs)."""
    rows = {
        "act level, train surface": ({"level": "act"}, {"surface": "train"}),
        "text only, train surface": ({"level": "text"}, {"surface": "train"}),
        "text only, test surface": ({"level": "text"}, {"surface": "test"}),
    }
    if is_available("sim-M", "train.json"):
        rows["text only, sim-M surface"] = ({"level": "text"}, {"surface": "sim-m"})
    return rows


def _agents(user_kwargs: dict) -> dict:
    return {"user": load_agent("moviebooking-agenda-user", **user_kwargs), "system": load_agent("moviebooking-rule-system")}


def run_demo(episodes: int = 500, dialogues: int = 2) -> int:
    for name, (env_kwargs, user_kwargs) in list(settings().items())[1:3]:
        env = make(ENV_ID, **env_kwargs)
        for seed in range(dialogues):
            env.reset(seed=seed)
            print(f"=== {ENV_ID}, {name}, seed {seed}; goal: {env.goal.instruction}")
            episode = play_episode(env, _agents(user_kwargs), seed)
            print("\n".join(episode.transcript))
            print(f"--> {episode.metrics}\n")
    rows = {}
    for name, (env_kwargs, user_kwargs) in settings().items():
        report = evaluate(
            ENV_ID, _agents(user_kwargs), episodes=episodes, seed=1000, env_kwargs=env_kwargs, progress=True
        )
        rows[f"{name} ({len(report.episodes) / report.seconds:.0f} dialogues/s)"] = report.metrics
    print(f"\nrule system vs agenda user, {episodes} episodes per row (seeds 1000..), mean ± standard error")
    print(format_table(rows, COLUMNS))
    return 0
