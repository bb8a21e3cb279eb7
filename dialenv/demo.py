"""``dialenv demo``: the main job. A few readable dialogues, then one evaluation table per task.

Movie booking (the embedded default, no data needed): the agenda-based user against the rule system at act
level and with text only on both sides, the user speaking the training surface forms, the extended test
surface forms, and (when sim-M is available) human-written sim-M forms — the generalisation gap paper 002
evaluates. MultiWOZ, when its data is available: the same pairing on the test goals, at act level and with
text only. PERSONA-CHAT: one get-to-know dialogue between two built-in partners, with its P²BOT rewards.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialenv.agents import load_agent
from dialenv.data import is_available
from dialenv.evaluation import evaluate
from dialenv.metrics import format_table
from dialenv.registration import make
from dialenv.regress import data_available
from dialenv.rollout import play_episode


@dataclass(frozen=True)
class Setting:
    """One row of a demo table: env keyword arguments and user-simulator keyword arguments."""

    env_kwargs: dict
    user_kwargs: dict


@dataclass(frozen=True)
class Section:
    task: str
    columns: tuple[str, ...]
    rows: dict[str, Setting]
    shown: tuple[str, ...]  # rows whose first dialogues are printed


def sections() -> list[Section]:
    movie_rows = {
        "act level, train surface": Setting({"level": "act"}, {"surface": "train"}),
        "text only, train surface": Setting({"level": "text"}, {"surface": "train"}),
        "text only, test surface": Setting({"level": "text"}, {"surface": "test"}),
    }
    if is_available("sim-M", "train.json"):
        movie_rows["text only, sim-M surface"] = Setting({"level": "text"}, {"surface": "sim-m"})
    found = [
        Section(
            "moviebooking",
            ("success", "turns", "return_system", "dst_joint", "offer_accepted", "tickets_confirmed"),
            movie_rows,
            ("text only, train surface", "text only, test surface"),
        )
    ]
    if data_available("multiwoz-joint-v0"):
        found.append(
            Section(
                "multiwoz",
                ("success", "inform", "book", "inform_f1", "complete", "turns", "dst_joint"),
                {
                    "act level": Setting({"level": "act"}, {"surface": "train"}),
                    "text only, train surface": Setting({"level": "text"}, {"surface": "train"}),
                    "text only, test surface": Setting({"level": "text"}, {"surface": "test"}),
                },
                ("text only, train surface",),
            )
        )
    return found


def _agents(task: str, user_kwargs: dict) -> dict:
    return {"user": load_agent(f"{task}-agenda-user", **user_kwargs), "system": load_agent(f"{task}-rule-system")}


def _show(section: Section, dialogues: int) -> None:
    for name in section.shown:
        setting = section.rows[name]
        env = make(f"{section.task}-joint-v0", **setting.env_kwargs)
        for seed in range(dialogues):
            env.reset(seed=seed)
            print(f"=== {section.task}-joint-v0, {name}, seed {seed}; goal: {_instruction(env)}")
            episode = play_episode(env, _agents(section.task, setting.user_kwargs), seed)
            print("\n".join(episode.transcript))
            print(f"--> {episode.metrics}\n")


def _instruction(env) -> str:
    return env.observe("user").get("instruction", "")


def _table(section: Section, episodes: int) -> None:
    rows = {}
    for name, setting in section.rows.items():
        report = evaluate(
            f"{section.task}-joint-v0",
            _agents(section.task, setting.user_kwargs),
            episodes=episodes,
            seed=0,
            env_kwargs=setting.env_kwargs,
            progress=True,
        )
        rows[f"{name} ({len(report.episodes) / report.seconds:.0f} dialogues/s)"] = report.metrics
    print(f"\n{section.task}: rule system vs agenda user, {episodes} episodes per row (seeds 0..), mean ± s.e.")
    print(format_table(rows, list(section.columns)))


def _persona_chat() -> None:
    env = make("personachat-joint-v0")
    partner = {side: load_agent("persona-partner") for side in env.possible_agents}
    episode = play_episode(env, partner, seed=0)
    print("=== personachat-joint-v0, two persona-bank partners, seed 0")
    print("\n".join(episode.transcript))
    print(f"--> {episode.metrics}\n")


def run_demo(episodes: int = 500, dialogues: int = 2) -> int:
    for section in sections():
        _show(section, dialogues)
        _table(section, episodes)
        print()
    _persona_chat()
    return 0
