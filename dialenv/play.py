"""``dialenv play``: a person talks to the built-in partner in the terminal.

The person types plain text (the env's rule NLU interprets it, as for any text-only agent). When playing
the user, the goal is shown first. Every message is appended to a JSONL transcript as it happens, so
nothing is lost if the session is interrupted (Ctrl-D or Ctrl-C ends it).
"""

from __future__ import annotations

import json
from pathlib import Path

from dialenv.errors import DialenvError
from dialenv.evaluation import build_agents
from dialenv.registration import make, spec
from dialenv.rollout import attach_agents
from dialenv.seeding import derive_seeds


def play_in_terminal(env_id: str, side: str, seed: int | None = None, out: str | None = None) -> int:
    env_spec = spec(env_id)
    if env_spec.kind != "aec":
        raise DialenvError(f"play needs a joint env id (e.g. {env_spec.name.split('-')[0]}-joint-v0), got {env_id}")
    env = make(env_id)
    if side not in env.possible_agents:
        raise DialenvError(f"--as must be one of {env.possible_agents}, got {side!r}")
    partners = {name: agent for name, agent in build_agents(env_id, env).items() if name != side}
    env.reset(seed=seed)
    for (name, partner), partner_seed in zip(sorted(partners.items()), derive_seeds(seed, len(partners))):
        partner.reset(partner_seed)
    attach_agents(env, partners.values())
    path = Path(out or f"dialenv-play-{env_id}-{seed if seed is not None else 'random'}.jsonl")
    print(f"{env_id}: you are the {side}. Type your messages; an empty line or Ctrl-D ends the dialogue.")
    with path.open("w", encoding="utf-8") as transcript:
        for name in env.agent_iter():
            observation, _, terminated, truncated, _ = env.last()
            if terminated or truncated:
                env.step(None)
                continue
            if name == side:
                if "instruction" in observation and not observation["history"]:
                    print(f"[your goal] {observation['instruction']}")
                try:
                    text = input(f"{side}> ").strip()
                except (EOFError, KeyboardInterrupt):
                    text = ""
                if not text:
                    break
                env.step(text)
            else:
                env.step(partners[name].act(observation))
                print(f"{name}: {env.transcript[-1].text}")
            transcript.write(json.dumps(env.transcript[-1].as_dict()) + "\n")
            transcript.flush()
        metrics = env.infos.get(side, {}).get("metrics") if env.agents else None
    if metrics:
        print("metrics:", json.dumps(metrics))
    print(f"transcript saved to {path}")
    return 0

