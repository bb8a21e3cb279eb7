"""
# MultiWOZ 2.1

| | |
|---|---|
| ids | `multiwoz-joint-v0` (AEC), `multiwoz-system-v0` (you are the system), `multiwoz-user-v0` (you are the user) |
| agents | `"user"` (speaks first), `"system"` |
| data needed | `multiwoz21` (databases; goals from a corpus split, default the 1,000 test goals) |
| turns | at most 20 system turns (`max_turns`) |
| rewards | `reward="success"` (default), `"synthetic"`, `"synthetic-sigmoid"` (SGA-JRUD sec. 4.6.1) |
| paper | Liu et al., *Jointly Reinforced User Simulator and Task-oriented Dialog System with Simplified Generative Architecture* (papers/000) |

A user with a MultiWOZ goal (one to three of restaurant, hotel, attraction, train, taxi, police, hospital)
talks to a system that searches the official databases, books, and answers requests.

## Goals
`goals="test"|"val"|"train"` takes the corpus goals of a split; with `reset(seed=s)` the goal is number
`s % len(goals)` in the split's id order, so seeds 0..999 play exactly the 1,000 test goals. Without a
seed a goal is drawn at random. `goals="generated"` samples from the seeded goal generator fitted to the
statistics of the validation split (pinned to it, so the goals are the same on every machine).
`reset(options={"goal": Goal})` plays a given goal.

## Observations
| key | user | system | content |
|---|---|---|---|
| `text` | ✓ | ✓ | the other party's last utterance (system text lexicalized by the env) |
| `acts` | ✓ | ✓ | the other party's last acts as `{intent, domain, slot, value}` dicts; empty when `level="text"` |
| `history` | ✓ | ✓ | every utterance so far as `"speaker: text"` |
| `turn` | ✓ | ✓ | system turns taken so far |
| `goal` | ✓ | | the goal as entries `{domain, section, slot, value}` (sections info/book/reqt/fail_info/fail_book) |
| `goal_state` | ✓ | | the goal minus what the user has informed or requested so far (paper sec. 3.2) |
| `instruction` | ✓ | | the goal as a sentence |

## Actions
A `str`, or a dict with `text`, `acts` (MultiWOZ acts in the corpus form, canonical slot names, e.g.
`("inform", "restaurant", "food", "chinese")`) and, for the system, `belief` (`{"restaurant-food":
"chinese", "hotel-people": "2", ...}`). Acts are authoritative when sent; text-only messages are read by the
rule NLU. Both built-in agents always send their true acts: at `level="text"` the env hides them from the
other party and uses them only for evaluation.

## The database as part of the environment
`env.query(domain, constraints)` searches the indexed databases; `env.book(domain, entity, args)` books
(taxi: `entity=None`). Booking follows the goal's script: it fails when the arguments equal the goal's
`fail_book` (or are invalid) and otherwise succeeds with a deterministic reference number. Runners call
`agent.attach(env)` for agents that define it, so agents can use both like tools. System text may be
delexicalized (`[name]`, `[address]`, `[reference]`, `[choice]` ...): the env fills placeholders from the
message's own acts, then from a booking made with the belief's booking slots (for `[reference]`), then
from the first database entity matching the belief of the active domain.

## Ending and metrics
After each system turn the dialogue terminates when the user's goal state is empty, or when the user said
`bye`/`thank` and the system answered `bye`/`welcome` in the same exchange, or after `max_turns` system
turns (paper sec. 4.3). The turn limit is a rule of the task — a dialogue that reaches it has failed — so it
is reported as a termination, not a truncation: RL code must not bootstrap past it (that rewards stalling).
`info["metrics"]` at the end holds the online evaluator's
`success`, `inform`, `book`, `inform_precision`, `inform_recall`, `inform_f1`, `complete`, `turns`,
`domains_done`
([`online_eval`](online_eval.py) defines them), and `dst_joint` when the system reported beliefs (the belief
against the constraints the user has really informed).

## Version history
- v0: initial release.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any, ClassVar

from gymnasium import spaces

from dialenv.acts import DialogueAct, Message
from dialenv.core import DialogueEnv, Outcome
from dialenv.errors import DialenvError
from dialenv.multiwoz.booking import BookingResult
from dialenv.multiwoz.database import Entity, MultiWOZDatabase
from dialenv.multiwoz.goal import Goal, goal_to_entries
from dialenv.multiwoz.instruction import goal_instruction
from dialenv.multiwoz.normalize import normalize_value
from dialenv.multiwoz.online_eval import Booking, OnlineEvaluator
from dialenv.multiwoz.ontology import BOOKING_SLOTS
from dialenv.multiwoz.rewards import SCHEMES, shape, synthetic_turn_reward
from dialenv.registration import load_entry_point
from dialenv.spaces import Utterance, message_action_space, partner_view_spaces

USER, SYSTEM = "user", "system"
GOAL_SOURCES = ("test", "val", "train", "generated")
#: The belief-state slots a system may report (informable and booking slots per domain).
BELIEF_SLOTS = tuple(
    f"{domain}-{slot}"
    for domain, slots in {
        "restaurant": ("food", "pricerange", "area", "name", "day", "people", "time"),
        "hotel": ("name", "area", "parking", "pricerange", "stars", "internet", "type", "day", "people", "stay"),
        "attraction": ("area", "name", "type"),
        "train": ("leaveat", "destination", "day", "arriveby", "departure", "people"),
        "taxi": ("leaveat", "destination", "departure", "arriveby"),
        "hospital": ("department",),
    }.items()
    for slot in slots
)
#: Domains whose entities can be booked through ``env.book`` (a taxi is booked with ``entity=None``).
BOOKABLE_DOMAINS = frozenset({"restaurant", "hotel", "train"})
ENDING_USER_INTENTS = frozenset({"bye", "thank"})
ENDING_SYSTEM_INTENTS = frozenset({"bye", "welcome"})
PLACEHOLDER = re.compile(r"\[(?:value_)?([a-z]+)\]")
DEFAULT_TEXT_NLU = {
    USER: "baselines.multiwoz.nlu:UserTextNLU",
    SYSTEM: "simulators.multiwoz.nlu:SystemTextNLU",
}


@cache
def corpus_goals(split: str) -> tuple[Goal, ...]:
    """The goals of a corpus split in dialogue-id order (loaded once per process)."""
    from dialenv.multiwoz.records import load_split

    dialogues = load_split(split)
    return tuple(dialogues[key].goal for key in sorted(dialogues))


def _entry_space() -> spaces.Sequence:
    return spaces.Sequence(spaces.Dict({key: Utterance(64) for key in ("domain", "section", "slot", "value")}))


class MultiWOZEnv(DialogueEnv):
    """The joint (AEC) MultiWOZ environment; see the module docstring."""

    metadata: ClassVar[dict[str, Any]] = {**DialogueEnv.metadata, "name": "multiwoz_joint_v0"}

    def __init__(
        self,
        *,
        goals: str = "test",
        reward: str = "success",
        max_turns: int = 20,
        level: str = "act",
        db_variant: str = "official",
        text_nlu: dict[str, str] | None = None,
        render_mode: str | None = None,
        invalid_action: str = "raise",
    ):
        if goals not in GOAL_SOURCES:
            raise DialenvError(f"goals must be one of {GOAL_SOURCES}, got {goals!r}")
        if reward not in SCHEMES:
            raise DialenvError(f"reward must be one of {SCHEMES}, got {reward!r}")
        common = partner_view_spaces(max_turns)
        observation_spaces = {
            USER: spaces.Dict(
                {**common, "goal": _entry_space(), "goal_state": _entry_space(), "instruction": Utterance(2000)}
            ),
            SYSTEM: spaces.Dict(dict(common)),
        }
        action_spaces = {USER: message_action_space(), SYSTEM: message_action_space(BELIEF_SLOTS)}
        super().__init__(
            (USER, SYSTEM),
            observation_spaces,
            action_spaces,
            render_mode=render_mode,
            invalid_action=invalid_action,
            level=level,
        )
        self.db = MultiWOZDatabase.load(db_variant)
        self.goal_source = goals
        self.reward_scheme = reward
        self.max_turns = max_turns
        self._generator: Any = None
        self._text_nlu_entry_points = {**DEFAULT_TEXT_NLU, **(text_nlu or {})}
        self._text_nlu: dict[str, Any] = {}

    # ------------------------------------------------------------------ tools for agents
    def query(self, domain: str, constraints: dict[str, str]) -> list[Entity]:
        """Entities of ``domain`` matching ``constraints`` (the indexed database; booking slots are ignored)."""
        return self.db.query(domain, constraints)

    def book(self, domain: str, entity: Entity | None, args: dict[str, str]) -> BookingResult:
        """Book through the environment: the goal's ``fail_book`` fails, anything else valid succeeds."""
        scripted = self.goal[domain].fail_book if domain in self.goal else {}
        given = {slot: normalize_value(slot, str(value)) for slot, value in args.items()}
        if scripted and all(given.get(slot) == normalize_value(slot, value) for slot, value in scripted.items()):
            return BookingResult(False, reason="nothing is available for these booking details")
        result = self.db.book(domain, entity, args, check_availability=False)
        if result.success:
            self.evaluator.observe_booking(Booking(domain, entity, given, result.reference, result.details))
        return result

    # ------------------------------------------------------------------ episode state
    def _sample_goal(self) -> Goal:
        if self.goal_source == "generated":
            if self._generator is None:
                generator_class = load_entry_point("dialenv.multiwoz.goal_generator:GoalGenerator")
                self._generator = generator_class.from_corpus(splits=("val",))
            return self._generator.sample(self.rng)
        goals = corpus_goals(self.goal_source)
        seed = self.episode_seed
        index = seed % len(goals) if seed is not None else int(self.rng.integers(len(goals)))
        return goals[index]

    def _start(self, options: dict[str, Any]) -> None:
        goal = options.get("goal")
        self.goal: Goal = goal if goal is not None else self._sample_goal()
        if not isinstance(self.goal, Goal):
            raise DialenvError("options['goal'] must be a dialenv.multiwoz.goal.Goal")
        self.goal_state = self.goal
        self.evaluator = OnlineEvaluator(self.goal, self.db)
        self.system_turns = 0
        self.active_domain = next(iter(self.goal), "")
        self.revealed: dict[str, str] = {}
        self.system_belief: dict[str, str] | None = None
        self.dst_turns = self.dst_correct = 0
        self.pending_requests: set[tuple[str, str]] = set()
        self.said: dict[str, set[DialogueAct]] = {USER: set(), SYSTEM: set()}
        self.user_ended = False
        self._goal_entries = goal_to_entries(self.goal)
        self._goal_state_entries = self._goal_entries
        self._instruction = goal_instruction(self.goal)

    def _observation(self, agent: str) -> dict[str, Any]:
        observation = {**self.partner_view(agent), "turn": self.system_turns}
        if agent == USER:
            # fresh dicts on every call: callers may keep or modify what they are given
            observation["goal"] = tuple(dict(entry) for entry in self._goal_entries)
            observation["goal_state"] = tuple(dict(entry) for entry in self._goal_state_entries)
            observation["instruction"] = self._instruction
        return observation

    # ------------------------------------------------------------------ turns
    def _receive(self, message: Message) -> Outcome:
        if message.speaker == USER:
            return self._user_turn(message, message.acts or self._interpret(USER, message.text))
        return self._system_turn(message, message.acts or self._interpret(SYSTEM, message.text))

    def _user_turn(self, message: Message, acts: tuple[DialogueAct, ...]) -> Outcome:
        self.remember(message, acts)
        self.goal_state = self.goal_state.after(acts)
        self._goal_state_entries = goal_to_entries(self.goal_state)
        useful = []
        for act in acts:
            if act.intent == "inform" and act.slot and act.value:
                self.revealed[f"{act.domain}-{act.slot}"] = act.value
            elif act.intent == "request" and act.slot:
                self.pending_requests.add((act.domain, act.slot))
                if act.domain in self.goal and act.slot in self.goal[act.domain].reqt:
                    useful.append(act)
            if act.domain in self.goal:
                self.active_domain = act.domain
        self.user_ended = any(act.intent in ENDING_USER_INTENTS for act in acts)
        turn_reward = synthetic_turn_reward(acts, useful, self.said[USER])
        self.said[USER].update(acts)
        return Outcome(rewards={USER: shape(self.reward_scheme, turn_reward, None, None)})

    def _system_turn(self, message: Message, acts: tuple[DialogueAct, ...]) -> Outcome:
        domain = next((act.domain for act in acts if act.domain in self.goal), self.active_domain)
        self.active_domain = domain
        if "[" in message.text:
            message = replace(message, text=self._lexicalize(message, acts, domain))
            self.transcript[-1] = message
        self.remember(message, acts)
        self.system_turns += 1
        if message.belief:
            self.system_belief = dict(message.belief)
            self._score_belief(message.belief)
        self.evaluator.observe_system_acts(acts, domain)
        answered = [a for a in acts if a.value and (a.domain, a.slot) in self.pending_requests]
        self.pending_requests -= {(a.domain, a.slot) for a in answered}
        turn_reward = synthetic_turn_reward(acts, answered, self.said[SYSTEM])
        self.said[SYSTEM].update(acts)

        closing = self.user_ended and any(act.intent in ENDING_SYSTEM_INTENTS for act in acts)
        terminated = closing or not self.goal_state or self.system_turns >= self.max_turns
        if not terminated:
            reward = shape(self.reward_scheme, turn_reward, None, None)
            return Outcome(rewards={SYSTEM: reward})
        self._final_metrics = self._task_metrics()
        success = self._final_metrics["success"]
        final = self._final_metrics["domains_done"]
        rewards = {
            SYSTEM: shape(self.reward_scheme, turn_reward, final, success),
            USER: shape(self.reward_scheme, 0.0, final, success),
        }
        return Outcome(rewards=rewards, terminated=True)

    def _score_belief(self, belief: dict[str, str]) -> None:
        self.dst_turns += 1
        tracked = {slot: normalize_value(slot.partition("-")[2], value) for slot, value in belief.items()}
        wanted = {slot: normalize_value(slot.partition("-")[2], value) for slot, value in self.revealed.items()}
        self.dst_correct += tracked == wanted

    # ------------------------------------------------------------------ language
    def _interpret(self, side: str, text: str) -> tuple[DialogueAct, ...]:
        """Acts of a text-only message, read by the task's rule NLU (loaded on first use)."""
        if not text:
            return ()
        if side not in self._text_nlu:
            self._text_nlu[side] = load_entry_point(self._text_nlu_entry_points[side])()
        if side == USER:
            asked = [(act.domain, act.slot) for act in self.last_acts[SYSTEM] if act.intent == "request"]
            return tuple(self._text_nlu[side].parse(text, active_domain=self.active_domain, asked=asked))
        return tuple(self._text_nlu[side].parse(text, active_domain=self.active_domain))

    def _lexicalize(self, message: Message, acts: tuple[DialogueAct, ...], domain: str) -> str:
        values = {act.slot: act.value for act in acts if act.slot and act.value}
        needed = set(PLACEHOLDER.findall(message.text)) - set(values)
        if needed and domain in self.db.domains:
            searchable = self.db.columns(domain) | BOOKING_SLOTS
            constraints = {
                slot: value
                for key, value in message.belief.items()
                for prefix, _, slot in [key.partition("-")]
                if prefix == domain and slot in searchable
            }
            try:
                matches = self.db.query(domain, constraints)
            except ValueError:  # a belief the database cannot read (e.g. an unparseable time): nothing to fill
                matches = []
            values.setdefault("choice", str(len(matches)))
            if matches:
                values.update({slot: str(value) for slot, value in matches[0].items() if slot not in values})
                if "reference" in needed and domain in BOOKABLE_DOMAINS:
                    result = self.book(domain, matches[0], constraints)
                    if result.success:
                        values["reference"] = result.reference
        return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), message.text)

    # ------------------------------------------------------------------ evaluation
    def _task_metrics(self) -> dict[str, Any]:
        return self.evaluator.metrics(goal_state_empty=not self.goal_state, turns=self.system_turns)

    def _metrics(self) -> dict[str, Any]:
        metrics = dict(self._final_metrics)
        if self.dst_turns:
            metrics["dst_joint"] = self.dst_correct / self.dst_turns
        return metrics
