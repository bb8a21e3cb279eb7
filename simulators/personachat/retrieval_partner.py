"""A retrieval partner over PERSONA-CHAT utterances, conditioned on its persona.

The index holds every (context, response) pair of the ConvAI2 validation dialogues — each utterance with
the one before it — plus the dialogues' opening utterances. To answer ``text`` it scores every indexed
response by ``context_weight`` x TF-IDF cosine between ``text`` and the response's context, plus
``persona_weight`` x the response's relevance to its own persona (TF-IDF cosine with each profile sentence,
soft max-pooled as the default RS.3 scorer does), never repeating itself within a dialogue; its first
message is the opening that best fits its persona. Ties are broken by the generator seeded in :meth:`reset`.

``dialogues=`` indexes other dialogues (e.g. one fold, to evaluate it on another without leakage).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from dialenv.personachat.corpus import cached_dialogues
from dialenv.personachat.records import PersonaDialogue
from dialenv.personachat.scorers import soft_max_pool
from dialenv.personachat.tfidf import SparseRows, TfidfModel
from simulators.personachat.matching import rank_candidates


class RetrievalPartner:
    """Implements :class:`dialenv.agents.Agent`; also ranks response candidates (offline Hits@1)."""

    def __init__(
        self,
        dialogues: Sequence[PersonaDialogue] | None = None,
        context_weight: float = 1.0,
        persona_weight: float = 1.0,
    ):
        dialogues = cached_dialogues("both") if dialogues is None else dialogues
        utterances, contexts, responses, openings = [], [], [], []
        for dialogue in dialogues:
            spoken = [text for _, text in dialogue.utterances()]
            utterances.extend(spoken)
            openings.extend(spoken[:1])
            contexts.extend(spoken[:-1])
            responses.extend(spoken[1:])
        if not responses:
            raise ValueError("the retrieval partner needs at least one dialogue with two utterances")
        self.model = TfidfModel(utterances)
        self.responses = responses
        self.openings = openings
        self.context_index = SparseRows.build(self.model, contexts)
        self.response_index = SparseRows.build(self.model, responses)
        self.opening_index = SparseRows.build(self.model, openings)
        self.context_weight = context_weight
        self.persona_weight = persona_weight
        self._persona: tuple[str, ...] | None = None
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        self.rng = np.random.default_rng(seed)
        self.used: set[int] = set()

    def act(self, observation: Mapping[str, Any]) -> str:
        persona = tuple(observation["persona"])
        text = observation.get("text", "")
        if not text and not observation.get("history"):
            scores = self._persona_relevance(self.opening_index, persona)
            return self.openings[self._best(scores, used=set())]
        if persona != self._persona:
            self._persona, self._response_relevance = (
                persona,
                self._persona_relevance(self.response_index, persona),
            )
        context = self.context_index.dot(self.context_index.dense_query(self.model.vector(text)))
        scores = self.context_weight * context + self.persona_weight * self._response_relevance
        choice = self._best(scores, used=self.used)
        self.used.add(choice)
        return self.responses[choice]

    def rank(self, observation: Mapping[str, Any], candidates: Sequence[str]) -> np.ndarray:
        return rank_candidates(self.model, observation, candidates)

    def _persona_relevance(self, index: SparseRows, persona: tuple[str, ...]) -> np.ndarray:
        """Each indexed text's relevance to the persona: cosine with every sentence, soft max-pooled."""
        if not persona:
            return np.zeros(len(index))
        columns = [index.dot(index.dense_query(self.model.vector(sentence))) for sentence in persona]
        return soft_max_pool(np.stack(columns, axis=1), 0.1)

    def _best(self, scores: np.ndarray, used: set[int]) -> int:
        """The best-scoring unused entry; exact ties go to a random one of them."""
        scores = scores + 1e-9 * self.rng.random(len(scores))
        if used:
            scores[list(used)] = -np.inf
        return int(np.argmax(scores))
