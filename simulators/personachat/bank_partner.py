"""A get-to-know partner that speaks from its profile sentences: answers, reacts, shares, asks.

Each turn it (1) answers a question with its most relevant profile sentence (or admits it has nothing to
say and shares something else), or reacts to a statement — "me too!" and the matching sentence when it
shares it, an acknowledgement and a new fact otherwise; (2) asks about a small-talk topic it has not asked
about yet. Its first message is a greeting, a fact and a question. Every choice comes from the generator
seeded by :meth:`reset`. It needs no data: language is the persona's own sentences and the phrases of
:mod:`dialenv.personachat.phrases`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from dialenv.personachat.defaults import default_scorers
from dialenv.personachat.phrases import ACKNOWLEDGEMENTS, AGREEMENTS, DEFLECTIONS, GREETINGS, TOPICS
from simulators.personachat.matching import questions_in, rank_candidates, relevance_to, topics_of

#: A statement must match a profile sentence at least this well to be answered with "me too".
SHARED_THRESHOLD = 0.25
#: A question must match a profile sentence at least this well to be answered with it.
ANSWER_THRESHOLD = 0.2
#: Relevance taken off sentences already said, so that answers repeat only when nothing else fits.
REPEAT_PENALTY = 0.3


class PersonaBankPartner:
    """Implements :class:`dialenv.agents.Agent`; also ranks response candidates (offline Hits@1)."""

    def __init__(self) -> None:
        self.model = default_scorers("bank").tfidf
        self.reset()

    def reset(self, seed: int | None = None) -> None:
        self.rng = np.random.default_rng(seed)
        self.said: set[str] = set()
        self.asked: set[str] = set()

    def act(self, observation: Mapping[str, Any]) -> str:
        persona = tuple(observation["persona"])
        text = observation.get("text", "")
        question = questions_in(text)
        self.asked.update(topics_of(question))  # what the partner asked about is covered
        if not text:
            parts = [self._pick(GREETINGS), self._share(persona)]
        elif question:
            parts = self._answer(question, persona)
        else:
            parts = self._react(text, persona)
        parts.append(self._ask())
        return " ".join(part for part in parts if part)

    def rank(self, observation: Mapping[str, Any], candidates: Sequence[str]) -> np.ndarray:
        return rank_candidates(self.model, observation, candidates)

    def _answer(self, question: str, persona: tuple[str, ...]) -> list[str]:
        scores = self._relevance(question, persona)
        if not len(scores) or scores.max() < ANSWER_THRESHOLD:
            return [self._pick(DEFLECTIONS), self._share(persona)]
        return [self._say(persona[int(np.argmax(scores))])]

    def _react(self, statement: str, persona: tuple[str, ...]) -> list[str]:
        scores = self._relevance(statement, persona)
        if len(scores) and scores.max() >= SHARED_THRESHOLD:
            return [self._pick(AGREEMENTS), self._say(persona[int(np.argmax(scores))])]
        return [self._pick(ACKNOWLEDGEMENTS), self._share(persona)]

    def _relevance(self, text: str, persona: tuple[str, ...]) -> np.ndarray:
        if not persona:
            return np.zeros(0)
        said = np.array([sentence in self.said for sentence in persona])
        return relevance_to(self.model, text, persona) - REPEAT_PENALTY * said

    def _share(self, persona: tuple[str, ...]) -> str:
        """A profile sentence not said yet (any, once all are said)."""
        fresh = [sentence for sentence in persona if sentence not in self.said] or list(persona)
        return self._say(self._pick(fresh)) if fresh else ""

    def _say(self, sentence: str) -> str:
        self.said.add(sentence)
        return sentence

    def _ask(self) -> str:
        names = sorted(TOPICS)
        fresh = [name for name in names if name not in self.asked] or names
        topic = self._pick(fresh)
        self.asked.add(topic)
        return self._pick(TOPICS[topic].questions)

    def _pick(self, options: Sequence[str]) -> str:
        return options[int(self.rng.integers(len(options)))]
