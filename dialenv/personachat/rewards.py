"""P²BOT rewards per utterance (paper sec. 3.3): the eq. 10 combination and the eq. 8 look-ahead.

Eq. 8 gives an utterance the persona scores of every later utterance of the dialogue, discounted by ``gamma``
per utterance: ``R3(u_i) = sum_{j >= i} gamma^(j - i) r_j``, where ``r_j`` is the perception score of
utterance ``j`` against its own speaker's persona (eq. 9) — a question that makes the partner reveal their
persona is credited with what the partner reveals. The final reward is ``R = l1 R1 + l2 R2 + l3 R3`` (eq. 10).

In an environment the future is not known when an utterance is made, so :class:`RewardLedger` pays each term
as soon as it exists: when utterance ``j`` is scored, its speaker receives ``l1 R1_j + l2 R2_j``, and every
agent receives ``l3 r_j`` times the discounted count of its own earlier (and this) utterances, ``sum gamma^(j - i)``.
An agent's return over the episode is then exactly the sum of eq. 10 over its utterances; the ledger also
reports the eq. 8 and eq. 10 value of each utterance once the dialogue is over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The paper's defaults (sec. 5.1): gamma = 0.5, lambda_1..3 = 0.4, 0.1, 0.5.
PAPER_WEIGHTS = {"language": 0.4, "coherence": 0.1, "persona": 0.5, "gamma": 0.5}


@dataclass(frozen=True)
class RewardWeights:
    """``language``/``coherence``/``persona`` are lambda_1..3 of eq. 10; ``gamma`` the discount of eq. 8."""

    language: float = PAPER_WEIGHTS["language"]
    coherence: float = PAPER_WEIGHTS["coherence"]
    persona: float = PAPER_WEIGHTS["persona"]
    gamma: float = PAPER_WEIGHTS["gamma"]

    def __post_init__(self) -> None:
        if not 0.0 <= self.gamma <= 1.0:
            raise ValueError(f"gamma must be in [0, 1], got {self.gamma}")


@dataclass
class ScoredUtterance:
    """The scorer outputs for one utterance. ``credited`` is False for text no agent chose (a dataset opening)."""

    speaker: str
    language: float  # R1, eq. 6
    coherence: float  # R2, eq. 7
    persona: float  # r, eq. 9
    credited: bool = True


def lookahead(persona_scores: list[float], gamma: float) -> list[float]:
    """Eq. 8 for every utterance of a dialogue: ``R3_i = sum_{j >= i} gamma^(j - i) r_j``."""
    returns, running = [], 0.0
    for score in reversed(persona_scores):
        running = score + gamma * running
        returns.append(running)
    return returns[::-1]


class RewardLedger:
    """Pays the rewards of one dialogue as utterances arrive; see the module docstring."""

    def __init__(self, agents: tuple[str, ...], weights: RewardWeights):
        self.weights = weights
        self.utterances: list[ScoredUtterance] = []
        self._trace = dict.fromkeys(agents, 0.0)  # sum of gamma^(j - i) over an agent's credited utterances i

    def add(self, utterance: ScoredUtterance) -> dict[str, float]:
        """Record an utterance; return what each agent earns now."""
        weights = self.weights
        self.utterances.append(utterance)
        for agent in self._trace:
            self._trace[agent] *= weights.gamma
        if utterance.credited:
            self._trace[utterance.speaker] += 1.0
        rewards = {agent: weights.persona * utterance.persona * trace for agent, trace in self._trace.items()}
        if utterance.credited:
            rewards[utterance.speaker] += (
                weights.language * utterance.language + weights.coherence * utterance.coherence
            )
        return rewards

    def table(self) -> list[dict[str, Any]]:
        """Per utterance: speaker, R1, R2, r, R3 (eq. 8) and R (eq. 10)."""
        weights = self.weights
        rs3 = lookahead([item.persona for item in self.utterances], weights.gamma)
        return [
            {
                "speaker": item.speaker,
                "rs1": item.language,
                "rs2": item.coherence,
                "persona_score": item.persona,
                "rs3": r3,
                "reward": weights.language * item.language
                + weights.coherence * item.coherence
                + weights.persona * r3,
                "credited": item.credited,
            }
            for item, r3 in zip(self.utterances, rs3)
        ]

    def totals(self) -> dict[str, float]:
        """Per agent, sums over its credited utterances: ``rs1_X``, ``rs2_X``, ``rs3_X`` and ``reward_X``."""
        sums: dict[str, float] = {}
        for agent in self._trace:
            for key in ("rs1", "rs2", "rs3", "reward"):
                sums[f"{key}_{agent}"] = 0.0
        for row in self.table():
            if row["credited"]:
                for key in ("rs1", "rs2", "rs3", "reward"):
                    sums[f"{key}_{row['speaker']}"] += row[key]
        return sums
