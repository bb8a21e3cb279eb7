"""The two-party dialogue environment base class, a PettingZoo ``AECEnv``.

A task subclasses :class:`DialogueEnv` and fills in five hooks; the base class owns everything that must
behave the same in every task:

* turn-taking and the message history (``self.transcript`` of messages, ``self.history`` of readable lines;
  ``_receive`` may replace the last message, e.g. with a lexicalized one, before its line is written),
* PettingZoo bookkeeping: rewards and their accumulation, terminations/truncations, dead steps,
* action validation (:func:`dialenv.acts.parse_action`): a malformed action raises
  :class:`~dialenv.errors.InvalidAction` *before* any state changes, or, for envs made with
  ``invalid_action="penalize"``, is replaced by an empty message and costs :attr:`invalid_action_penalty`,
* ``info["metrics"]`` holding the task evaluator's metrics for every agent once the episode ends,
* rendering: ``"ansi"`` returns the readable transcript, ``"human"`` prints each new line,
* seeding: ``reset(seed=s)`` creates ``self.rng`` (``numpy.random.Generator``); tasks draw every random
  choice from it and never from global RNG state.

Hooks for subclasses: :meth:`_start`, :meth:`_observation`, :meth:`_receive`, :meth:`_metrics` and
optionally :meth:`_step_info` / :meth:`_next_speaker`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import numpy as np
from gymnasium import spaces
from pettingzoo import AECEnv

from dialenv.acts import MAX_TEXT_LENGTH, DialogueAct, Message, parse_action
from dialenv.errors import DialenvError, EpisodeFinishedError, InvalidAction
from dialenv.spaces import encode_acts

InvalidActionMode = Literal["raise", "penalize"]
#: Mixed with a user's seed to make the stream of episode seeds for unseeded resets.
_EPISODE_SEED_STREAM = 0x5EED


@dataclass
class Outcome:
    """What a message did: rewards per agent and whether the dialogue ended."""

    rewards: dict[str, float] = field(default_factory=dict)
    terminated: bool = False
    truncated: bool = False


class DialogueEnv(AECEnv):
    """Base class of every dialenv conversation. See the module docstring for the contract."""

    metadata: ClassVar[dict[str, Any]] = {"render_modes": ["ansi", "human"], "name": "dialogue", "is_parallelizable": False}
    #: Extra reward for an agent whose action was malformed, when ``invalid_action="penalize"``.
    invalid_action_penalty = -1.0

    def __init__(
        self,
        possible_agents: tuple[str, ...],
        observation_spaces: dict[str, spaces.Space],
        action_spaces: dict[str, spaces.Space],
        *,
        render_mode: str | None = None,
        invalid_action: InvalidActionMode = "raise",
        max_text_length: int = MAX_TEXT_LENGTH,
        level: str = "act",
    ):
        super().__init__()
        if render_mode not in (None, *self.metadata["render_modes"]):
            raise DialenvError(f"render_mode must be one of {self.metadata['render_modes']} or None, got {render_mode!r}")
        if invalid_action not in ("raise", "penalize"):
            raise DialenvError(f"invalid_action must be 'raise' or 'penalize', got {invalid_action!r}")
        if level not in ("act", "text"):
            raise DialenvError(f"level must be 'act' (parties see each other's acts) or 'text', got {level!r}")
        self.level = level
        self.possible_agents = list(possible_agents)
        self.observation_spaces = observation_spaces
        self.action_spaces = action_spaces
        self.render_mode = render_mode
        self.invalid_action = invalid_action
        self.max_text_length = max_text_length
        self.rng = np.random.default_rng()
        self.episode_seed: int | None = None
        self._episode_seeds: np.random.Generator | None = None
        self.transcript: list[Message] = []
        self.history: tuple[str, ...] = ()
        self.agents: list[str] = []

    # ------------------------------------------------------------------ hooks for tasks
    def _start(self, options: dict[str, Any]) -> None:
        """Set up a new dialogue (goal, personas ...) drawing randomness from ``self.rng``."""
        raise NotImplementedError

    def _observation(self, agent: str) -> dict[str, Any]:
        """The observation of ``agent`` now (a member of its observation space)."""
        raise NotImplementedError

    def _receive(self, message: Message) -> Outcome:
        """Apply a validated message to the task state; the message is already in the transcript."""
        raise NotImplementedError

    def _metrics(self) -> dict[str, Any]:
        """The task evaluator's metrics for the dialogue so far (reported when it ends)."""
        raise NotImplementedError

    def _step_info(self, agent: str) -> dict[str, Any]:
        """Extra per-step ``info`` for ``agent`` (e.g. teacher signals). Default: nothing."""
        return {}

    def _next_speaker(self, speaker: str) -> str:
        """Who talks after ``speaker``. Default: strict alternation in ``possible_agents`` order."""
        index = self.possible_agents.index(speaker)
        return self.possible_agents[(index + 1) % len(self.possible_agents)]

    # ------------------------------------------------------------------ PettingZoo API
    def observation_space(self, agent: str) -> spaces.Space:
        return self.observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Space:
        return self.action_spaces[agent]

    def reset(self, seed: int | None = None, options: dict[str, Any] | None = None) -> None:
        """Start a dialogue. ``seed`` fixes everything; later resets without a seed continue a seeded
        sequence of episode seeds (as Gymnasium's ``reset`` does), so a seeded run stays reproducible."""
        if seed is not None:
            self._episode_seeds = np.random.default_rng([seed, _EPISODE_SEED_STREAM])
        elif self._episode_seeds is not None:
            seed = int(self._episode_seeds.integers(2**31))
        self.episode_seed = seed
        self.rng = np.random.default_rng(seed)
        self.agents = list(self.possible_agents)
        self.rewards = {agent: 0.0 for agent in self.agents}
        self._cumulative_rewards = {agent: 0.0 for agent in self.agents}
        self.terminations = {agent: False for agent in self.agents}
        self.truncations = {agent: False for agent in self.agents}
        self.transcript = []
        self.history = ()
        self.last_messages: dict[str, Message] = {}
        self.last_acts: dict[str, tuple[DialogueAct, ...]] = {agent: () for agent in self.possible_agents}
        self._shown_acts: dict[str, tuple[dict[str, str], ...]] = {agent: () for agent in self.possible_agents}
        self._rendered_lines = 0
        self.agent_selection = self.possible_agents[0]
        self._start(dict(options or {}))
        self.infos = {agent: self._step_info(agent) for agent in self.agents}

    def observe(self, agent: str) -> dict[str, Any]:
        return self._observation(agent)

    def step(self, action: Any) -> None:
        if not self.agents:
            raise EpisodeFinishedError("the episode is over; call reset() to start a new dialogue")
        agent = self.agent_selection
        if self.terminations[agent] or self.truncations[agent]:
            if action is not None:
                raise EpisodeFinishedError(
                    f"the dialogue has ended for {agent!r}; its only valid action is None "
                    "(as in every PettingZoo env), then call reset()"
                )
            self._was_dead_step(action)
            return
        penalty = 0.0
        try:
            message = parse_action(action, agent, self.max_text_length)
        except InvalidAction as error:
            if self.invalid_action == "raise":
                raise
            message, penalty = Message(speaker=agent), self.invalid_action_penalty
            invalid_reason = str(error)
        else:
            invalid_reason = None

        self._cumulative_rewards[agent] = 0.0
        self.transcript.append(message)
        outcome = self._receive(message)
        self.history = (*self.history, format_message(self.transcript[-1]))
        self.rewards = {name: float(outcome.rewards.get(name, 0.0)) for name in self.agents}
        self.rewards[agent] += penalty
        self._accumulate_rewards()

        ended = outcome.terminated or outcome.truncated
        for name in self.agents:
            self.terminations[name] = outcome.terminated
            self.truncations[name] = outcome.truncated and not outcome.terminated
        self.infos = {name: self._step_info(name) for name in self.agents}
        if invalid_reason is not None:
            self.infos[agent]["invalid_action"] = invalid_reason
        if ended:
            metrics = self._metrics()
            for name in self.agents:
                self.infos[name]["metrics"] = dict(metrics)
        self.agent_selection = self._next_speaker(agent)
        if self.render_mode == "human":
            self.render()

    # ------------------------------------------------------------------ helpers for tasks
    def remember(self, message: Message, acts: tuple[DialogueAct, ...]) -> None:
        """Record a turn: its (possibly rewritten) message and its acts as interpreted by the task.

        With ``level="act"`` the other party observes the acts the speaker sent; with ``level="text"`` it
        observes none (the acts still serve the task's evaluator).
        """
        self.last_messages[message.speaker] = message
        self.last_acts[message.speaker] = acts
        self._shown_acts[message.speaker] = encode_acts(message.acts) if self.level == "act" else ()

    def partner_view(self, agent: str) -> dict[str, Any]:
        """The observation keys every two-party task shares: the partner's last ``text`` and ``acts``, ``history``."""
        partner = next(name for name in self.possible_agents if name != agent)
        last = self.last_messages.get(partner)
        acts = tuple(dict(act) for act in self._shown_acts[partner])  # fresh: callers may keep or modify them
        return {"text": last.text if last else "", "acts": acts, "history": self.history}

    # ------------------------------------------------------------------ rendering
    def transcript_lines(self) -> list[str]:
        """The dialogue so far, one ``speaker: text`` line per message (acts shown for text-less turns)."""
        return list(self.history)

    def render(self) -> str | None:
        if self.render_mode == "ansi":
            return "\n".join(self.transcript_lines())
        if self.render_mode == "human":
            lines = self.transcript_lines()
            for line in lines[self._rendered_lines :]:
                print(line)
            self._rendered_lines = len(lines)
        return None

    def close(self) -> None:
        pass


def format_message(message: Message) -> str:
    text = message.text or ("[" + ", ".join(map(str, message.acts)) + "]" if message.acts else "[silence]")
    return f"{message.speaker}: {text}"
