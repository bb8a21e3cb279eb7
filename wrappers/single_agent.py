"""Single-agent Gymnasium views of dialogue envs: you play one side, built-in partners play the others.

``SingleAgentView(env, learner="system", partners={"user": AgendaUser()})`` is a ``gymnasium.Env``: ``reset``
starts the dialogue and lets the partners talk until it is the learner's turn; ``step(action)`` sends the
learner's message and lets the partners answer. Rewards are the learner's rewards accumulated since its last
action (PettingZoo's ``last()``), so a reward earned on a partner's turn — like the success bonus when the
user says goodbye — is not lost. Partners are re-seeded from ``reset(seed=...)`` so a seeded episode is
reproducible end to end; ``reset()`` without a seed draws the episode seed from the view's ``np_random``,
which a first seeded reset fixes (Gymnasium semantics), so seeded training runs are reproducible too.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
from pettingzoo import AECEnv

from dialenv.agents import Agent, load_agent
from dialenv.errors import DialenvError
from dialenv.registration import load_entry_point
from dialenv.rollout import attach_agents
from dialenv.seeding import derive_seeds


class SingleAgentView(gym.Env):
    """A ``gymnasium.Env`` over one agent of a PettingZoo dialogue ``AECEnv``."""

    def __init__(self, env: AECEnv, learner: str, partners: dict[str, Agent]):
        if learner not in env.possible_agents:
            raise DialenvError(f"learner {learner!r} is not an agent of this env; agents: {env.possible_agents}")
        missing = set(env.possible_agents) - {learner} - set(partners)
        if missing:
            raise DialenvError(f"no partner given for {sorted(missing)}")
        self.env = env
        self.learner = learner
        self.partners = partners
        self.observation_space = env.observation_space(learner)
        self.action_space = env.action_space(learner)
        self.metadata = dict(env.metadata)
        self.render_mode = env.render_mode

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        super().reset(seed=seed)
        if seed is None:  # Gymnasium semantics: continue the sequence a seeded reset started
            seed = int(self.np_random.integers(2**31))
        self.env.reset(seed=seed, options=options)
        for name, partner_seed in zip(sorted(self.partners), derive_seeds(seed, len(self.partners))):
            self.partners[name].reset(partner_seed)
        attach_agents(self.env, self.partners.values())
        self._let_partners_talk()
        observation, _, _, _, info = self.env.last()
        return observation, info

    def step(self, action: Any):
        self.env.step(action)
        self._let_partners_talk()
        observation, reward, terminated, truncated, info = self.env.last()
        return observation, float(reward), bool(terminated), bool(truncated), info

    def _let_partners_talk(self) -> None:
        env = self.env
        while env.agents and env.agent_selection != self.learner:
            name = env.agent_selection
            observation, _, terminated, truncated, _ = env.last()
            env.step(None if terminated or truncated else self.partners[name].act(observation))

    def render(self):
        return self.env.render()

    def close(self) -> None:
        self.env.close()

    @property
    def unwrapped_dialogue(self) -> AECEnv:
        """The underlying AEC dialogue env (its transcript, goal, KB ...)."""
        return self.env


def single_agent_env(
    env_entry_point: str,
    learner: str,
    partner_entry_points: dict[str, str],
    partners: dict[str, Any] | None = None,
    partner_kwargs: dict[str, dict[str, Any]] | None = None,
    **env_kwargs: Any,
) -> SingleAgentView:
    """Factory used by the registry: build the AEC env and its partners from entry points.

    ``partners`` replaces built-in partners (by agent name) with agents or entry points of your own;
    ``partner_kwargs`` passes keyword arguments to built-in partner classes (e.g. ``{"user":
    {"personality": "erratic", "surface": "test"}}``); remaining keyword arguments go to the env.
    """
    env = load_entry_point(env_entry_point)(**env_kwargs)
    chosen = {**partner_entry_points, **(partners or {})}
    kwargs = partner_kwargs or {}
    unknown = set(kwargs) - set(chosen)
    if unknown:
        raise DialenvError(f"partner_kwargs for unknown partners {sorted(unknown)}; partners: {sorted(chosen)}")
    built = {name: load_agent(reference, **kwargs.get(name, {})) for name, reference in chosen.items()}
    return SingleAgentView(env, learner, built)
