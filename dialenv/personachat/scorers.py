"""The three P²BOT reward scorers as small protocols, and the defaults dialenv ships (no trained model needed).

A trained model plugs in by implementing the protocol (e.g. a GPT language model for RS.1, the Transmitter's
next-utterance head for RS.2, the Receiver for RS.3) and being passed to the env (``lm=``, ``coherence=``,
``persona_scorer=``). The defaults are what they are — count and TF-IDF models — and are named so:

* :class:`NgramLanguageScorer` (RS.1, eq. 6): mean log-probability per token under an interpolated
  Kneser-Ney trigram model (:mod:`~dialenv.personachat.ngram`).
* :class:`TfidfCoherenceScorer` (RS.2, eq. 7): ``log p(y=1 | a, s)`` from a two-feature logistic model over
  TF-IDF cosines between the response and the partner's last utterance, and between the response and the
  earlier history. The coefficients were fitted once by logistic regression on the ConvAI2 validation split
  (each true response against one randomly drawn response, the way the paper trains its next-utterance
  predictor) and are pinned here, so the scorer does not depend on whether the dataset is present.
* :class:`TfidfPersonaScorer` (RS.3, eq. 9): the structure of the paper's Receiver (eq. 11-15) with TF-IDF
  vectors in place of BERT encodings — cosine of each utterance with each profile sentence, softly
  max-pooled over the sentences by ``Agg`` (eq. 13) at temperature ``tau``; a dialogue's relevance to a
  persona is the mean over its utterances (eq. 14).

Two reference persona scorers for probing (paper Table 5): :class:`IRPersonaScorer`, the IR baseline (one
TF-IDF cosine between all utterances and all profile sentences, each concatenated), and
:class:`RandomPersonaScorer`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from dialenv.personachat.ngram import KneserNeyLM
from dialenv.personachat.tfidf import TfidfModel

#: Pinned logistic coefficients of :class:`TfidfCoherenceScorer`: (last utterance, earlier history, bias).
COHERENCE_COEFFICIENTS = (9.78, 5.09, -0.90)


@runtime_checkable
class LanguageScorer(Protocol):
    """RS.1: how much a text reads like human language."""

    def mean_log_prob(self, text: str) -> float:
        """Eq. 6: the mean over the text's tokens of ``log p_lm(token | previous tokens)``."""
        ...


@runtime_checkable
class CoherenceScorer(Protocol):
    """RS.2: how well a response follows its context."""

    def next_log_prob(self, persona: Sequence[str], history: Sequence[str], response: str) -> float:
        """Eq. 7: ``log p(y=1 | response, state)``, the state being the speaker's persona and the history
        (utterance texts, oldest first; the partner's last utterance is ``history[-1]``)."""
        ...


@runtime_checkable
class PersonaScorer(Protocol):
    """RS.3 and the persona-perception check: how much utterances reveal a persona."""

    def scores(self, utterances: Sequence[str], persona: Sequence[str]) -> np.ndarray:
        """Eq. 9/15: one perception score per utterance for the given persona (profile sentences)."""
        ...

    def relevance(self, utterances: Sequence[str], persona: Sequence[str]) -> float:
        """Eq. 14: how well the utterances of one speaker match the persona (higher = more likely theirs)."""
        ...


class NgramLanguageScorer:
    """RS.1 default: a Kneser-Ney trigram model fitted on ``texts``."""

    def __init__(self, texts: Sequence[str]):
        self.model = KneserNeyLM(texts)

    def mean_log_prob(self, text: str) -> float:
        return self.model.mean_log_prob(text)

    def token_log_probs(self, text: str) -> tuple[list[str], list[float]]:
        return self.model.token_log_probs(text)


class TfidfCoherenceScorer:
    """RS.2 default: logistic next-utterance probability over TF-IDF cosines; ignores the persona."""

    def __init__(self, model: TfidfModel, coefficients: tuple[float, float, float] = COHERENCE_COEFFICIENTS):
        self.model = model
        self.coefficients = coefficients

    def next_log_prob(self, persona: Sequence[str], history: Sequence[str], response: str) -> float:
        context = [history[-1] if history else "", " ".join(history[:-1])]
        last, earlier = self.model.similarity([response], context)[0]
        w_last, w_earlier, bias = self.coefficients
        logit = w_last * last + w_earlier * earlier + bias
        return -math.log1p(math.exp(-logit))  # log sigmoid(logit)


def soft_max_pool(relevance: np.ndarray, tau: float) -> np.ndarray:
    """Eq. 13 for every row: the mean of the row weighted by ``softmax(row / tau)``."""
    if relevance.shape[1] == 0:
        return np.zeros(relevance.shape[0])
    scaled = relevance / tau
    weights = np.exp(scaled - scaled.max(axis=1, keepdims=True))
    return (weights * relevance).sum(axis=1) / weights.sum(axis=1)


class TfidfPersonaScorer:
    """RS.3 default: the Receiver's scoring (eq. 11-15) over TF-IDF cosines instead of BERT encodings.

    ``tau`` defaults to 0.1, not the paper's final 0.5: cosines live in [0, 1] whereas the Receiver's scaled
    dot products are unbounded, and at 0.1 the best-matching profile sentence dominates the pooling as the
    paper intends after annealing.
    """

    def __init__(self, model: TfidfModel, tau: float = 0.1):
        if tau <= 0:
            raise ValueError(f"tau must be positive, got {tau}")
        self.model = model
        self.tau = tau

    def scores(self, utterances: Sequence[str], persona: Sequence[str]) -> np.ndarray:
        return soft_max_pool(self.model.similarity(utterances, persona), self.tau)

    def relevance(self, utterances: Sequence[str], persona: Sequence[str]) -> float:
        return float(self.scores(utterances, persona).mean()) if len(utterances) else 0.0


class IRPersonaScorer:
    """The IR baseline of paper Table 5: TF-IDF cosine of the whole dialogue side with the whole persona."""

    def __init__(self, model: TfidfModel):
        self.model = model

    def scores(self, utterances: Sequence[str], persona: Sequence[str]) -> np.ndarray:
        return self.model.similarity(utterances, [" ".join(persona)])[:, 0]

    def relevance(self, utterances: Sequence[str], persona: Sequence[str]) -> float:
        return float(self.model.similarity([" ".join(utterances)], [" ".join(persona)])[0, 0])


class RandomPersonaScorer:
    """The Random baseline of paper Table 5: uniform scores from its own seeded generator."""

    def __init__(self, seed: int = 0):
        self.rng = np.random.default_rng(seed)

    def scores(self, utterances: Sequence[str], persona: Sequence[str]) -> np.ndarray:
        return self.rng.random(len(utterances))

    def relevance(self, utterances: Sequence[str], persona: Sequence[str]) -> float:
        return float(self.rng.random())
