"""
# Movie booking at act level, for off-the-shelf RL (Stable-Baselines3)

| | |
|---|---|
| class | `wrappers.act_level.MovieActView` (a `gymnasium.Env`) |
| built on | `dialenv.make("moviebooking-v0")`: you are the system, the partner is the agenda-based user |
| action space | `Discrete(10)`, one action per system act template ([`ACTION_NAMES`](#actions)) |
| observation space | `Box(0, 1, (32,), float32)` ([layout](#observation)) |
| reward | the env's: −1 per system turn, +15 when the dialogue ends successfully |
| data needed | none |

`moviebooking-v0` speaks in messages (text, structured acts, a belief state); RL libraries want a small
discrete action space and a fixed-size vector. This view is the usual dialogue-policy setting of paper 002's
RL stage and of ConvLab-style act-level training: the belief comes from a **rule DST** and the KB is queried
**symbolically**, the learner only chooses the next act template.

The view keeps a :class:`~dialenv.moviebooking.policy.Progress` — the same tracker the rule system and the
environment's evaluator use — updated with :func:`~dialenv.moviebooking.policy.track_user` from the user's
acts in each observation and with :func:`~dialenv.moviebooking.policy.track_system` from the acts it sends.
Every action goes to the env as ``{"acts": ..., "belief": progress.belief}``, so success and DST accuracy are
judged by the env's one evaluator, exactly as for any other system.

```python
from wrappers.act_level import MovieActView
env = MovieActView()                      # the agenda user speaks acts only (no text generation)
obs, info = env.reset(seed=0)
obs, reward, terminated, truncated, info = env.step(env.expert_action())
```

Besides the Gymnasium API: `acts_for(action)` (the acts an action would send now), `expert_action()` (the
finite-state expert's choice among these actions, for imitation or as an oracle), `progress` (the tracked
state) and `view` (the underlying `moviebooking-v0` env, its transcript and KB). Overhead over the
message-level env: about 1.2x per step (`benchmarks/bench_sb3_moviebooking.py`).

## Actions
| id | name | acts sent |
|---|---|---|
| 0-4 | `request(<slot>)` | `request(slot)` for `movie`, `theatre_name`, `date`, `time`, `num_tickets` |
| 5 | `confirm` | `confirm(slot=value)` for every tracked concrete value not yet confirmed |
| 6 | `offer` | `offer(...)` of the best KB showing for the belief that the user has not declined |
| 7 | `book` | `notify_success`, `reqmore` |
| 8 | `notify_failure` | `notify_failure` |
| 9 | `good_bye` | `good_bye` |

`confirm` with nothing left to confirm and `offer` with no matching showing send an empty message: the turn
passes and costs its −1, like any useless utterance. Every action id is always legal.

## Observation
A `float32` vector of 32 entries in [0, 1] (:data:`OBSERVATION_NAMES` names each entry):

| entries | content |
|---|---|
| 0-14 | per slot in `SLOTS` order, three flags: `filled` (tracked, concrete or `dontcare`), `dontcare`, `confirmed` (the user affirmed the tracked value) |
| 15-18 | one-hot bucket of how many KB showings fit the belief and were not declined: 0, 1, 2-5, more than 5 |
| 19-22 | `offer_pending` (a showing is on offer, not yet accepted), `offer_accepted`, `booked`, `user_done` |
| 23-30 | multi-hot of the user's last intents, in `USER_INTENTS` order |
| 31 | system turns taken / `max_turns` |

## Ending
The dialogue ends when either side says `good_bye` or after `max_turns` system turns; the env reports both
as `terminated=True` (the turn limit is a rule of the task, not an outside time limit: Pardo et al. 2018,
*Time Limits in Reinforcement Learning*). This matters here: when the limit was reported as a truncation,
SB3 bootstrapped past it, and since the env pays +15 at the end of any successful dialogue, booked or not,
PPO learned to stall after the user accepted an offer instead of booking (measured: 89 % success, every
dialogue 15 turns long, against 97 % in 5.5 turns; PPO with the settings of
`examples/sb3_ppo_moviebooking.py`, training seed 1).

## Seeding
``reset(seed=s)`` resets ``moviebooking-v0`` with seed ``s``: the same goal, and the same user choices as
that env made with the same partner settings. ``reset()`` without a seed continues the sequence of episode
seeds a seeded reset started (Gymnasium semantics, implemented by the single-agent view), so a training run
that seeds its first reset (SB3's ``seed=``) is reproducible. Drawn episode seeds are below 2**31:
evaluation seeds from 2**31 up are held out from any training run.

## Version history
- v0: initial release (follows `moviebooking-v0`).
"""

from __future__ import annotations

from typing import Any, ClassVar

import gymnasium as gym
import numpy as np
from gymnasium import spaces

import dialenv
from dialenv.acts import DialogueAct, parse_act
from dialenv.errors import DialenvError, EpisodeFinishedError, InvalidAction
from dialenv.moviebooking.domain import DONTCARE, SLOTS, USER_INTENTS
from dialenv.moviebooking.policy import ExpertPolicy, Progress, act, offer_acts, track_system, track_user

REQUEST_ACTIONS = tuple(f"request({slot})" for slot in SLOTS)
#: The action names, indexed by action id.
ACTION_NAMES = (*REQUEST_ACTIONS, "confirm", "offer", "book", "notify_failure", "good_bye")
CONFIRM, OFFER, BOOK, NOTIFY_FAILURE, GOOD_BYE = range(len(SLOTS), len(ACTION_NAMES))

#: Upper bounds of the KB result-count buckets (the last bucket is open).
KB_BUCKETS = ((0, "0"), (1, "1"), (5, "2-5"), (None, ">5"))
DIALOGUE_FLAGS = ("offer_pending", "offer_accepted", "booked", "user_done")
#: The name of every observation entry, indexed like the vector.
OBSERVATION_NAMES = (
    *(f"{slot}_{flag}" for slot in SLOTS for flag in ("filled", "dontcare", "confirmed")),
    *(f"kb_results_{label}" for _, label in KB_BUCKETS),
    *DIALOGUE_FLAGS,
    *(f"user_{intent}" for intent in USER_INTENTS),
    "turn",
)
_USER_INTENT_INDEX = {intent: index for index, intent in enumerate(USER_INTENTS)}
#: The action that plays each intent the expert policy may open its turn with.
_EXPERT_INTENT_ACTION = {
    "confirm": CONFIRM,
    "offer": OFFER,
    "notify_success": BOOK,
    "reqmore": BOOK,
    "notify_failure": NOTIFY_FAILURE,
    "good_bye": GOOD_BYE,
}


class MovieActView(gym.Env):
    """``moviebooking-v0`` as a ``Discrete`` action / ``Box`` observation env; see the module docstring."""

    metadata: ClassVar[dict[str, Any]] = {"render_modes": ["ansi", "human"]}

    def __init__(
        self,
        env_id: str = "moviebooking-v0",
        partner_kwargs: dict[str, dict[str, Any]] | None = None,
        **env_kwargs: Any,
    ):
        """Make ``env_id`` with ``env_kwargs`` (``max_turns``, ``render_mode`` ...).

        ``partner_kwargs`` go to the built-in partners as in ``dialenv.make``; the user's ``surface``
        defaults to None (acts only) because this view reads acts and text generation would only cost time.
        """
        partner_kwargs = dict(partner_kwargs or {})
        partner_kwargs["user"] = {"surface": None, **partner_kwargs.get("user", {})}
        self.view = dialenv.make(env_id, partner_kwargs=partner_kwargs, **env_kwargs)
        if getattr(self.view, "learner", None) != "system":
            raise DialenvError(f"{env_id!r} is not a movie-booking view where you play the system")
        dialogue = self.view.unwrapped_dialogue
        if dialogue.level != "act":
            raise DialenvError("MovieActView tracks the user's acts, so it needs level='act' (the default)")
        self.kb = dialogue.kb
        self.max_turns = dialogue.max_turns
        self.expert = ExpertPolicy(self.kb)
        self.render_mode = dialogue.render_mode
        self.action_space = spaces.Discrete(len(ACTION_NAMES))
        self.observation_space = spaces.Box(0.0, 1.0, shape=(len(OBSERVATION_NAMES),), dtype=np.float32)
        self.progress = Progress()
        self._finished = True

    # ------------------------------------------------------------------ gymnasium API
    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Start a dialogue; ``options`` go to the env (e.g. ``{"goal": {...}}``)."""
        super().reset(seed=seed)
        observation, info = self.view.reset(seed=seed, options=options)
        self.progress = Progress()
        self._finished = False
        self._last_user_acts = self._track_user(observation)
        return self._vector(observation), info

    def step(self, action: Any):
        if self._finished:
            raise EpisodeFinishedError("the dialogue has ended (or never started); call reset()")
        acts = self.acts_for(self._action_id(action))
        track_system(self.progress, self.kb, acts)
        observation, reward, terminated, truncated, info = self.view.step(
            {"acts": acts, "belief": dict(self.progress.belief)}
        )
        self._finished = terminated or truncated
        self._last_user_acts = self._track_user(observation)
        return self._vector(observation), reward, terminated, truncated, info

    def render(self):
        return self.view.render()

    def close(self) -> None:
        self.view.close()

    # ------------------------------------------------------------------ actions
    def acts_for(self, action: int) -> tuple[DialogueAct, ...]:
        """The acts that action ``action`` sends in the current state (see the actions table)."""
        if action < len(SLOTS):
            return (act("request", SLOTS[action]),)
        if action == CONFIRM:
            belief, confirmed = self.progress.belief, self.progress.confirmed
            return tuple(
                act("confirm", slot, value)
                for slot, value in belief.items()
                if value != DONTCARE and confirmed.get(slot) != value
            )
        if action == OFFER:
            options = self.expert.candidates(self.progress)
            return offer_acts(options[0]) if options else ()
        if action == BOOK:
            return (act("notify_success"), act("reqmore"))
        return (act(ACTION_NAMES[action]),)

    def expert_action(self) -> int:
        """The action that plays what the finite-state expert would do now (its first act's template).

        The expert requests two missing slots per turn; this action requests the first of them only.
        """
        first = self.expert.act(self.progress)[0]
        if first.intent == "request":
            return SLOTS.index(first.slot)
        return _EXPERT_INTENT_ACTION[first.intent]

    def _action_id(self, action: Any) -> int:
        """Accept Python and numpy integers (SB3 passes 0-d arrays); reject anything else clearly."""
        value = np.asarray(action)
        if value.shape != () or not np.issubdtype(value.dtype, np.integer):
            raise InvalidAction(
                f"an action is one integer id in [0, {len(ACTION_NAMES)}), got {action!r:.60}"
            )
        index = int(value)
        if not 0 <= index < len(ACTION_NAMES):
            raise InvalidAction(
                f"action id {index} out of range; ids are 0-{len(ACTION_NAMES) - 1}: {ACTION_NAMES}"
            )
        return index

    # ------------------------------------------------------------------ observations
    def _track_user(self, observation: dict[str, Any]) -> tuple[DialogueAct, ...]:
        user_acts = tuple(parse_act(raw) for raw in observation["acts"])
        track_user(self.progress, user_acts)
        return user_acts

    def _vector(self, observation: dict[str, Any]) -> np.ndarray:
        """The observation vector (layout in the module docstring)."""
        progress = self.progress
        vector = np.zeros(len(OBSERVATION_NAMES), dtype=np.float32)
        for index, slot in enumerate(SLOTS):
            value = progress.belief.get(slot)
            vector[3 * index : 3 * index + 3] = (
                value is not None,
                value == DONTCARE,
                value is not None and value != DONTCARE and progress.confirmed.get(slot) == value,
            )
        offset = 3 * len(SLOTS)
        results = len(self.expert.candidates(progress))
        bucket = next(i for i, (bound, _) in enumerate(KB_BUCKETS) if bound is None or results <= bound)
        vector[offset + bucket] = 1.0
        offset += len(KB_BUCKETS)
        vector[offset : offset + len(DIALOGUE_FLAGS)] = (
            progress.offered is not None and progress.accepted is None,
            progress.accepted is not None,
            progress.booked,
            progress.user_done,
        )
        offset += len(DIALOGUE_FLAGS)
        for user_act in self._last_user_acts:
            if user_act.intent in _USER_INTENT_INDEX:
                vector[offset + _USER_INTENT_INDEX[user_act.intent]] = 1.0
        vector[-1] = observation["turn"] / self.max_turns
        return vector
