"""
# Movie-ticket booking

| | |
|---|---|
| ids | `moviebooking-joint-v0` (AEC), `moviebooking-v0` (you are the system), `moviebooking-user-v0` (you are the user) |
| agents | `"user"` (speaks first), `"system"` |
| data needed | none (the KB is generated; `surface="sim-m"` user language reads `sim-M`) |
| turns | at most 15 system turns (`max_turns`) |
| reward | −1 per system turn, +15 to both sides when the dialogue ends successfully |
| paper | Liu et al. 2018, *Dialogue learning with human teaching and feedback* (papers/002) |

A user wants tickets for a showing; the system must find out which, confirm it and book it. This is the
movie-booking task of paper 002 (and of the M2M / sim-M corpus), with a showtimes knowledge base that dialenv
generates itself ([`kb`](kb.py)), seeded goals ([`goals`](goals.py)), some of which cannot be satisfied as
first stated so that the system must report the failure and the user falls back to an alternative.

## Observations
A `Dict` for each agent:

| key | user | system | content |
|---|---|---|---|
| `text` | ✓ | ✓ | the other party's last utterance (`""` before anyone spoke) |
| `acts` | ✓ | ✓ | the other party's last acts, as sent; always empty when `level="text"` |
| `history` | ✓ | ✓ | every utterance so far as `"speaker: text"` |
| `turn` | ✓ | ✓ | system turns taken so far (`Discrete(max_turns + 1)`) |
| `goal` | ✓ | | the user's goal now, one value per slot (`dontcare` = flexible) |
| `alternatives` | ✓ | | values the user would switch to (`""` = none) |
| `instruction` | ✓ | | the goal as a sentence |

## Actions
A `str` (text only), or a dict with `text`, `acts` (list of `(intent, domain, slot, value)` acts) and, for the
system, `belief` (slot → value). Acts are authoritative when present; a text-only message is interpreted
by the rule NLU of `simulators.moviebooking` (the same one the built-in user uses), so text-only agents are
evaluated too. System text may contain placeholders `[movie]`, `[theatre_name]`, `[date]`, `[time]`,
`[num_tickets]`: the environment fills them from the showing offered in the same message, else from the
first KB result for the system's belief, else from the belief. Acts of other domains or unknown intents are
legal and useless. Text is truncated to 1,000 characters and messages to 32 acts. Malformed actions raise
`InvalidAction`, or with `invalid_action="penalize"` count as an empty turn and cost −1 extra.

Two channels: with `level="act"` (default) each party observes the other's acts; with `level="text"` it
observes text only, while the acts an agent sends still serve the evaluator (success, DST labels, teacher
signal) — so built-in agents send their true acts at both levels and the partner must understand the text.

Slots: `movie`, `theatre_name`, `date`, `time`, `num_tickets`. System intents: `request(slot)`,
`confirm(slot=value)`, `offer(slot=value)` (one act per showing slot), `notify_success`, `notify_failure`,
`reqmore`, `inform`, `select`, `greeting`, `good_bye`. User intents: `inform(slot=value|dontcare)`, `affirm`,
`negate`, `request_alts`, `thank_you`, `good_bye`, `greeting`, `cant_understand`.

## Dynamics and ending
The user speaks first. The goal switches to its alternative when the system sends `notify_failure` or the
user informs an alternative value. The dialogue terminates when either side says `good_bye` or after
`max_turns` system turns. The turn limit is a rule of the task (paper sec. 4.2: a dialogue that reaches it
has failed), so it is reported as a termination, not a truncation: RL code must not bootstrap past it,
which would reward stalling.

## Rewards and metrics
Both agents receive −1 after each system turn and +15 at the end of a successful dialogue
([`evaluator`](evaluator.py) defines success exactly: the tracked goal matches the user's final goal, the
system confirmed the number of tickets and offered a showing the user accepted). At the end of every
episode `info["metrics"]` holds `success`, `offer_accepted`, `tickets_confirmed`, `belief_matches_goal`,
`booked`, `turns`, and, when the system reported beliefs, `dst_<slot>` and `dst_joint` accuracies.

## Teacher signal
Whenever the system is about to act, its `info["teacher"]` holds `revealed` (the true goal values the user has stated so
far) and `expert_acts` (what the finite-state expert would do now), for imitation learning (paper sec. 3.6).

## Version history
- v0: initial release.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, ClassVar

from gymnasium import spaces

from dialenv.acts import DialogueAct, Message
from dialenv.core import DialogueEnv, Outcome
from dialenv.moviebooking.domain import SLOTS
from dialenv.moviebooking.evaluator import DSTScorer, task_metrics
from dialenv.moviebooking.goals import GoalGenerator, MovieGoal, goal_from_mapping
from dialenv.moviebooking.kb import default_kb
from dialenv.moviebooking.policy import ExpertPolicy, Progress, offered_showing, track_system, track_user
from dialenv.registration import load_entry_point
from dialenv.spaces import (
    Utterance,
    encode_acts,
    encode_slot_values,
    message_action_space,
    partner_view_spaces,
    slot_values_space,
)

USER, SYSTEM = "user", "system"
PLACEHOLDER = re.compile(r"\[(movie|theatre_name|date|time|num_tickets)\]")
DEFAULT_TEXT_NLU = {USER: "simulators.moviebooking.nlu:UserTextNLU", SYSTEM: "simulators.moviebooking.nlu:SystemTextNLU"}


class MovieBookingEnv(DialogueEnv):
    """The joint (AEC) movie-booking environment; see the module docstring."""

    metadata: ClassVar[dict[str, Any]] = {**DialogueEnv.metadata, "name": "moviebooking_joint_v0"}

    def __init__(
        self,
        *,
        max_turns: int = 15,
        success_reward: float = 15.0,
        turn_penalty: float = -1.0,
        kb_seed: int = 0,
        failure_rate: float = 0.3,
        change_rate: float = 0.15,
        text_nlu: dict[str, str] | None = None,
        teacher: bool = True,
        level: str = "act",
        render_mode: str | None = None,
        invalid_action: str = "raise",
    ):
        common = partner_view_spaces(max_turns)
        observation_spaces = {
            USER: spaces.Dict(
                {
                    **common,
                    "goal": slot_values_space(SLOTS),
                    "alternatives": slot_values_space(SLOTS),
                    "instruction": Utterance(400),
                }
            ),
            SYSTEM: spaces.Dict(dict(common)),
        }
        action_spaces = {USER: message_action_space(), SYSTEM: message_action_space(SLOTS)}
        super().__init__(
            (USER, SYSTEM),
            observation_spaces,
            action_spaces,
            render_mode=render_mode,
            invalid_action=invalid_action,
            level=level,
        )
        self.max_turns = max_turns
        self.success_reward = success_reward
        self.turn_penalty = turn_penalty
        self.kb = default_kb(kb_seed)
        self.goals = GoalGenerator(self.kb, failure_rate=failure_rate, change_rate=change_rate)
        self.expert = ExpertPolicy(self.kb)
        self.teacher = teacher
        self._text_nlu_entry_points = {**DEFAULT_TEXT_NLU, **(text_nlu or {})}
        self._text_nlu: dict[str, Any] = {}

    # ------------------------------------------------------------------ episode state
    def _start(self, options: dict[str, Any]) -> None:
        goal = options.get("goal")
        if goal is None:
            goal = self.goals.sample(self.rng)
        elif not isinstance(goal, MovieGoal):
            goal = goal_from_mapping(goal, options.get("alternatives"))
        self.goal: MovieGoal = goal
        self.progress = Progress()
        self.revealed: dict[str, str] = {}
        self.system_belief: dict[str, str] | None = None
        self.system_turns = 0
        self.dst = DSTScorer()
        self._teacher: tuple[int, dict[str, Any]] | None = None

    def _observation(self, agent: str) -> dict[str, Any]:
        observation = {**self.partner_view(agent), "turn": self.system_turns}
        if agent == USER:
            observation["goal"] = encode_slot_values(SLOTS, self.goal.values)
            observation["alternatives"] = encode_slot_values(SLOTS, self.goal.alternatives)
            observation["instruction"] = self.goal.instruction
        return observation

    def _step_info(self, agent: str) -> dict[str, Any]:
        if agent != SYSTEM or not self.teacher or (self.transcript and self.transcript[-1].speaker == SYSTEM):
            return {}  # the teacher speaks when the system is about to act
        if self._teacher is None or self._teacher[0] != len(self.transcript):
            signal = {"revealed": dict(self.revealed), "expert_acts": encode_acts(self.expert.act(self.progress))}
            self._teacher = (len(self.transcript), signal)
        return {"teacher": self._teacher[1]}

    # ------------------------------------------------------------------ turns
    def _receive(self, message: Message) -> Outcome:
        if message.speaker == USER:
            acts = message.acts or self._interpret(USER, message.text)
            return self._user_turn(message, acts)
        acts = message.acts or self._interpret(SYSTEM, message.text)
        return self._system_turn(message, acts)

    def _user_turn(self, message: Message, acts: tuple[DialogueAct, ...]) -> Outcome:
        self.remember(message, acts)
        for act in acts:
            if act.intent == "inform" and act.slot in SLOTS and act.value:
                self.revealed[act.slot] = act.value
                if self.goal.alternatives.get(act.slot) == act.value:
                    self._switch_goal(act.slot)
        track_user(self.progress, acts)
        return self._outcome(ended=any(act.intent == "good_bye" for act in acts), rewards={})

    def _system_turn(self, message: Message, acts: tuple[DialogueAct, ...]) -> Outcome:
        if "[" in message.text:
            message = replace(message, text=self._lexicalize(message, acts))
            self.transcript[-1] = message
        self.remember(message, acts)
        self.system_turns += 1
        if message.belief:
            self.system_belief = dict(message.belief)
            self.dst.add(message.belief, self.revealed)
        track_system(self.progress, self.kb, acts)
        if self.goal.alternatives and any(act.intent == "notify_failure" for act in acts):
            for slot in list(self.goal.alternatives):
                self._switch_goal(slot)
        ended = any(act.intent == "good_bye" for act in acts) or self.system_turns >= self.max_turns
        return self._outcome(ended=ended, rewards={USER: self.turn_penalty, SYSTEM: self.turn_penalty})

    def _outcome(self, ended: bool, rewards: dict[str, float]) -> Outcome:
        if ended:
            bonus = self.success_reward if self._task_metrics()["success"] else 0.0
            rewards = {agent: rewards.get(agent, 0.0) + bonus for agent in self.possible_agents}
        return Outcome(rewards=rewards, terminated=ended)

    def _switch_goal(self, slot: str) -> None:
        values = {**self.goal.values, slot: self.goal.alternatives[slot]}
        alternatives = {name: value for name, value in self.goal.alternatives.items() if name != slot}
        self.goal = MovieGoal(values, alternatives)

    # ------------------------------------------------------------------ language
    def _interpret(self, side: str, text: str) -> tuple[DialogueAct, ...]:
        """Acts of a text-only message, read by the task's rule NLU (loaded on first use)."""
        if not text:
            return ()
        if side not in self._text_nlu:
            self._text_nlu[side] = load_entry_point(self._text_nlu_entry_points[side])(self.kb.lexicon())
        if side == USER:
            requested = [act.slot for act in self.last_acts[SYSTEM] if act.intent == "request"]
            return tuple(self._text_nlu[side].parse(text, expected_slot=requested[0] if requested else None))
        return tuple(self._text_nlu[side].parse(text))

    def _lexicalize(self, message: Message, acts: tuple[DialogueAct, ...]) -> str:
        values = dict(message.belief)
        results = self.kb.query(message.belief) if message.belief else []
        if results:
            values.update(results[0].slot_values())
        showing = offered_showing(self.kb, acts)
        if showing is not None:
            values.update(showing.slot_values())
        return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), message.text)

    # ------------------------------------------------------------------ evaluation
    def _task_metrics(self) -> dict[str, Any]:
        return task_metrics(self.goal, self.progress, self.system_belief, self.system_turns)

    def _metrics(self) -> dict[str, Any]:
        return {**self._task_metrics(), **self.dst.metrics()}
