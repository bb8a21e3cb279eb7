"""
# PERSONA-CHAT get-to-know

| | |
|---|---|
| ids | `personachat-joint-v0` (AEC), `personachat-v0` (you are B; A is the built-in persona partner) |
| agents | `"A"` (speaks first), `"B"` |
| data needed | none (personas from the built-in bank); `personas="data"` reads `personachat_convai2` |
| turns | `exchanges` A-B exchanges, default 3 (paper sec. 5.1); the dialogue then terminates |
| reward | P²BOT per utterance: 0.4 RS.1 + 0.1 RS.2 + 0.5 RS.3 (eq. 10), RS.3 with the γ = 0.5 look-ahead (eq. 8) |
| paper | Liu et al. 2020, *You Impress Me: Dialogue Generation via Mutual Persona Perception* (papers/001) |

Two people who have just met chat to get to know each other, as in PERSONA-CHAT (Zhang et al. 2018). Each
has a persona of profile sentences; neither sees the other's. A good conversation makes each side's persona
perceivable from what it says — the *mutual persona perception* P²BOT rewards — while staying fluent and
coherent.

## Personas
`personas="bank"` (default): two different personas of five sentences from the built-in bank
([`bank`](bank.py), 104 personas written for dialenv). `personas="data"`: a dialogue of the ConvAI2 validation
split is drawn and its two speakers' personas are used (A gets the partner's, B "your" persona of the
`both` file); with `opening=True` its first utterance becomes A's opening, as in the paper's self-play
(Figure 4: "directly taken from the dataset"), and B speaks first. `persona_version="revised"` shows the
revised forms (bank: always available; data: needs the revised files). `reset(options={"personas": {"A":
[...], "B": [...]}})` fixes both personas.

## Observations
A `Dict` for each agent: `persona` (its own profile sentences), `text` (the partner's last utterance, `""`
before the partner spoke), `history` (every utterance so far as `"A: text"` / `"B: text"`), `turn` (A-B
exchanges completed, `Discrete(exchanges + 1)`). The partner's persona is never shown.

## Actions
A `str`, or a dict `{"text": str}` (`acts` are accepted and ignored: this task is text only). Text is
whitespace-normalised and truncated to 1,000 characters. Malformed actions raise `InvalidAction`, or with
`invalid_action="penalize"` count as an empty utterance and cost −1 extra.

## Rewards
Each utterance is scored by three pluggable scorers ([`scorers`](scorers.py); pass `lm=`, `coherence=`,
`persona_scorer=` objects or `"module:attr"` entry points to use trained models):

* RS.1 language style (eq. 6): mean token log-probability. Default: a Kneser-Ney trigram model.
* RS.2 discourse coherence (eq. 7): `log p(next utterance | persona, history)`. Default: a logistic model over
  TF-IDF cosines with the partner's last utterance and the earlier history (coefficients pinned).
* RS.3 mutual persona perception (eq. 8-9): `r` = perception score of the utterance against its speaker's
  own persona; the utterance's RS.3 adds the scores of all later utterances (of both sides) discounted by γ
  per utterance. Default scorer: TF-IDF cosine with each profile sentence, soft max-pooled (the paper's
  Receiver structure with lexical vectors instead of a trained BERT).

A plugged-in scorer must be a deterministic function of its inputs: the env's seed does not reach it.

The default scorers are fitted on the persona bank and the built-in small talk (`corpus="bank"`), so the
rewards are the same on every machine; `corpus="bank+data"` adds the ConvAI2 validation text. Rewards are paid
as soon as they are known: the speaker gets λ1 RS.1 + λ2 RS.2 at once and every agent gets λ3 γ^k r for each
of its own utterances k utterances back, so an agent's return is exactly the sum of eq. 10 over its
utterances ([`rewards`](rewards.py)). `weights=` sets λ1-λ3 and γ (paper: 0.4, 0.1, 0.5 and 0.5). A dataset
opening is scored but credited to nobody.

## Info and metrics
After every utterance `info["last_utterance"]` holds its `speaker`, `rs1`, `rs2` and `persona_score`. When
the dialogue ends, `info["utterances"]` lists every utterance with `rs1`, `rs2`, `persona_score`, `rs3` (eq. 8),
`reward` (eq. 10) and `credited`, and `info["metrics"]` holds per side X ∈ {A, B}: the totals `rs1_X`,
`rs2_X`, `rs3_X`, `reward_X`, and the persona-perception check — X's persona ranked by the persona scorer
(eq. 14 relevance of X's own utterances) among `distractors` (default 31) other personas of the same source:
`perception_hits1_X` and `perception_rank_X` (ties count as expected under random tie-breaking) — plus their
mean `perception_hits1` and `turns`.

## Version history
- v0: initial release.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
from gymnasium import spaces

from dialenv.acts import Message
from dialenv.core import DialogueEnv, Outcome, format_message
from dialenv.errors import DialenvError
from dialenv.personachat.bank import PERSONAS
from dialenv.personachat.corpus import cached_dialogues
from dialenv.personachat.defaults import default_scorers
from dialenv.personachat.perception import Rank, rank_of
from dialenv.personachat.rewards import RewardLedger, RewardWeights, ScoredUtterance
from dialenv.personachat.scorers import CoherenceScorer, LanguageScorer, PersonaScorer
from dialenv.registration import load_entry_point
from dialenv.spaces import Utterance, history_space

A, B = "A", "B"
AGENTS = (A, B)
MAX_PROFILE_SENTENCE = 300

PersonaText = tuple[str, ...]


class PersonaChatEnv(DialogueEnv):
    """The joint (AEC) PERSONA-CHAT environment; see the module docstring."""

    metadata: ClassVar[dict[str, Any]] = {**DialogueEnv.metadata, "name": "personachat_joint_v0"}

    def __init__(
        self,
        *,
        exchanges: int = 3,
        personas: str = "bank",
        persona_version: str = "original",
        opening: bool = False,
        corpus: str = "bank",
        lm: LanguageScorer | str | None = None,
        coherence: CoherenceScorer | str | None = None,
        persona_scorer: PersonaScorer | str | None = None,
        weights: RewardWeights | Mapping[str, float] | None = None,
        distractors: int = 31,
        render_mode: str | None = None,
        invalid_action: str = "raise",
    ):
        if exchanges < 1 or distractors < 1:
            raise DialenvError(
                f"exchanges and distractors must be at least 1, got {exchanges} and {distractors}"
            )
        if personas not in ("bank", "data"):
            raise DialenvError(f"personas must be 'bank' or 'data', got {personas!r}")
        if persona_version not in ("original", "revised"):
            raise DialenvError(f"persona_version must be 'original' or 'revised', got {persona_version!r}")
        if opening and personas != "data":
            raise DialenvError(
                "opening=True takes A's first utterance from the dataset: it needs personas='data'"
            )
        observation = spaces.Dict(
            {
                "persona": spaces.Sequence(Utterance(MAX_PROFILE_SENTENCE)),
                "text": Utterance(),
                "history": history_space(),
                "turn": spaces.Discrete(exchanges + 1),
            }
        )
        action = spaces.Dict({"text": Utterance()})
        super().__init__(
            AGENTS,
            {agent: observation for agent in AGENTS},
            {agent: action for agent in AGENTS},
            render_mode=render_mode,
            invalid_action=invalid_action,
        )
        self.exchanges = exchanges
        self.persona_source = personas
        self.persona_version = persona_version
        self.opening = opening
        self.distractors = distractors
        self.weights = _weights(weights)
        defaults = default_scorers(corpus)
        self.lm: LanguageScorer = _plugin(lm, defaults.language, LanguageScorer, "lm")
        self.coherence: CoherenceScorer = _plugin(coherence, defaults.coherence, CoherenceScorer, "coherence")
        self.persona_scorer: PersonaScorer = _plugin(
            persona_scorer, defaults.persona, PersonaScorer, "persona_scorer"
        )
        self._dialogues = cached_dialogues("both", persona_version) if personas == "data" else ()
        self._pool = self._persona_pool()
        if len(self._pool) < distractors + 2:
            raise DialenvError(f"only {len(self._pool)} personas available for {distractors} distractors")

    def _persona_pool(self) -> list[PersonaText]:
        if self.persona_source == "bank":
            return [persona.sentences(self.persona_version) for persona in PERSONAS]
        distinct = {}
        for dialogue in self._dialogues:
            for persona in (dialogue.partner_persona, dialogue.your_persona):
                distinct.setdefault(frozenset(persona), persona)
        return sorted(distinct.values())

    # ------------------------------------------------------------------ episode state
    def _start(self, options: dict[str, Any]) -> None:
        opening = ""
        if "personas" in options:
            self.personas = _given_personas(options["personas"])
        elif self.persona_source == "bank":
            first, second = self.rng.choice(len(self._pool), size=2, replace=False)
            self.personas = {A: self._pool[first], B: self._pool[second]}
        else:
            dialogue = self._dialogues[int(self.rng.integers(len(self._dialogues)))]
            self.personas = {A: dialogue.partner_persona, B: dialogue.your_persona}
            opening = dialogue.turns[0].partner if self.opening else ""
        self._distractor_personas = self._draw_distractors()
        self.ledger = RewardLedger(AGENTS, self.weights)
        self.exchanges_done = 0
        self._texts: list[str] = []
        self._spoken: dict[str, list[str]] = {A: [], B: []}
        self._last: dict[str, Any] = {}
        if opening:
            message = Message(speaker=A, text=opening)
            self.transcript.append(message)
            self.history = (format_message(message),)
            self._score(message, credited=False)
            self.agent_selection = B

    def _draw_distractors(self) -> list[PersonaText]:
        taken = set(self.personas[A]) | set(self.personas[B])
        eligible = [persona for persona in self._pool if taken.isdisjoint(persona)]
        if len(eligible) < self.distractors:
            raise DialenvError(
                f"only {len(eligible)} personas are eligible as distractors, {self.distractors} needed"
            )
        chosen = self.rng.choice(len(eligible), size=self.distractors, replace=False)
        return [eligible[index] for index in sorted(chosen)]

    def _observation(self, agent: str) -> dict[str, Any]:
        other = B if agent == A else A
        last = next((message.text for message in reversed(self.transcript) if message.speaker == other), "")
        return {
            "persona": self.personas[agent],
            "text": last,
            "history": self.history,
            "turn": self.exchanges_done,
        }

    def _step_info(self, agent: str) -> dict[str, Any]:
        if not self._last:
            return {}
        info: dict[str, Any] = {"last_utterance": dict(self._last)}
        if self._ended():
            info["utterances"] = self.ledger.table()
        return info

    # ------------------------------------------------------------------ turns
    def _receive(self, message: Message) -> Outcome:
        rewards = self._score(message, credited=True)
        if message.speaker == B:
            self.exchanges_done += 1
        return Outcome(rewards=rewards, terminated=self._ended())

    def _score(self, message: Message, credited: bool) -> dict[str, float]:
        persona = self.personas[message.speaker]
        text = message.text
        scored = ScoredUtterance(
            speaker=message.speaker,
            language=float(self.lm.mean_log_prob(text)),
            coherence=float(self.coherence.next_log_prob(persona, tuple(self._texts), text)),
            persona=float(self.persona_scorer.scores([text], persona)[0]),
            credited=credited,
        )
        self._texts.append(text)
        if credited:
            self._spoken[message.speaker].append(text)
        self._last = {
            "speaker": scored.speaker,
            "rs1": scored.language,
            "rs2": scored.coherence,
            "persona_score": scored.persona,
        }
        return self.ledger.add(scored)

    def _ended(self) -> bool:
        return self.exchanges_done >= self.exchanges

    # ------------------------------------------------------------------ evaluation
    def _metrics(self) -> dict[str, Any]:
        metrics: dict[str, Any] = dict(self.ledger.totals())
        for agent in AGENTS:
            rank = self.perception(agent)
            metrics[f"perception_hits1_{agent}"] = rank.hits1
            metrics[f"perception_rank_{agent}"] = rank.rank
        metrics["perception_hits1"] = (metrics["perception_hits1_A"] + metrics["perception_hits1_B"]) / 2
        metrics["turns"] = self.exchanges_done
        return metrics

    def perception(self, agent: str) -> Rank:
        """Where ``agent``'s persona ranks among the distractors, judged from its own utterances (eq. 14)."""
        candidates = [self.personas[agent], *self._distractor_personas]
        utterances = self._spoken[agent]
        relevance = np.array([self.persona_scorer.relevance(utterances, persona) for persona in candidates])
        return rank_of(relevance, 0)


def _weights(weights: RewardWeights | Mapping[str, float] | None) -> RewardWeights:
    if isinstance(weights, RewardWeights):
        return weights
    fields = set(RewardWeights.__dataclass_fields__)
    unknown = set(weights or {}) - fields
    if unknown:
        raise DialenvError(f"unknown reward weights {sorted(unknown)}; weights are {sorted(fields)}")
    return RewardWeights(**(weights or {}))


def _given_personas(given: Any) -> dict[str, PersonaText]:
    """``options["personas"]``: a mapping from both agents to their profile sentences."""
    if not isinstance(given, Mapping) or set(given) != set(AGENTS):
        raise DialenvError('options["personas"] must map "A" and "B" to lists of profile sentences')
    personas = {}
    for agent in AGENTS:
        sentences = given[agent]
        if isinstance(sentences, str) or not all(isinstance(sentence, str) for sentence in sentences):
            raise DialenvError(
                f'options["personas"][{agent!r}] must be a list of profile sentences (strings)'
            )
        personas[agent] = tuple(sentence[:MAX_PROFILE_SENTENCE] for sentence in sentences)
    return personas


def _plugin(value: Any, default: Any, protocol: type, name: str) -> Any:
    """A scorer given as an object, a ``"module:attr"`` entry point (object or zero-argument factory), or None."""
    if value is None:
        return default
    if isinstance(value, str):
        value = load_entry_point(value)
    if isinstance(value, type) or (not isinstance(value, protocol) and callable(value)):
        value = value()
    if not isinstance(value, protocol):
        methods = ", ".join(sorted(_protocol_methods(protocol)))
        raise DialenvError(f"{name}={value!r} does not implement {protocol.__name__} (methods: {methods})")
    return value


def _protocol_methods(protocol: type) -> Sequence[str]:
    return [attribute for attribute in vars(protocol) if not attribute.startswith("_")]
