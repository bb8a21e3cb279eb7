"""Lexical matching the partners share: questions, topics, and ranking response candidates.

Relevance is TF-IDF cosine (:mod:`dialenv.personachat.tfidf`) plus a bonus when two texts touch the same
small-talk topic (:data:`dialenv.personachat.phrases.TOPICS`), so "what do you do for a living?" finds "i teach
chemistry at a public high school." although they share no word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from dialenv.personachat.phrases import TOPICS
from dialenv.personachat.scorers import soft_max_pool
from dialenv.personachat.text import terms
from dialenv.personachat.tfidf import TfidfModel

QUESTION_WORDS = frozenset(
    ["what", "where", "who", "how", "why", "which", "when", "do", "does", "did", "are", "is", "was", "were"]
    + ["have", "has", "can", "could", "would", "will"]
)
TOPIC_BONUS = 0.5
#: How profile sentences about one's job usually start ("i am a nurse.", "i work as ...").
JOB_OPENINGS = ("i am a ", "i am an ", "i work ", "i'm a ", "i'm an ")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def is_question(text: str) -> bool:
    """A question mark, or a first word that opens questions."""
    words = text.lower().split()
    return "?" in text or bool(words and words[0].strip(",.!") in QUESTION_WORDS)


def questions_in(text: str) -> str:
    """The question sentences of ``text`` ("i live in a van. where are you from?" -> "where are you from?")."""
    sentences = [sentence.strip() for sentence in _SENTENCE.findall(text)]
    return " ".join(sentence for sentence in sentences if sentence.endswith("?") or is_question(sentence))


def topics_of(text: str) -> set[str]:
    """The small-talk topics whose keywords ``text`` uses (and "work" for a sentence naming one's job)."""
    words = set(terms(text))
    found = {name for name, topic in TOPICS.items() if words & topic.keywords}
    if text.lower().lstrip().startswith(JOB_OPENINGS):
        found.add("work")
    return found


def relevance_to(model: TfidfModel, text: str, sentences: Sequence[str]) -> np.ndarray:
    """How well each sentence answers or echoes ``text``: cosine plus the shared-topic bonus."""
    cosine = model.similarity([text], sentences)[0]
    asked = topics_of(text)
    bonus = np.array([TOPIC_BONUS if asked & topics_of(sentence) else 0.0 for sentence in sentences])
    return cosine + bonus


def rank_candidates(
    model: TfidfModel, observation: Mapping[str, Any], candidates: Sequence[str]
) -> np.ndarray:
    """Scores of response candidates: relevance to the partner's last utterance plus to one's own persona."""
    if not candidates:
        return np.zeros(0)
    context = model.similarity(candidates, [observation.get("text", "")])[:, 0]
    persona = tuple(observation.get("persona", ()))
    own = soft_max_pool(model.similarity(candidates, persona), 0.1) if persona else np.zeros(len(candidates))
    return context + own
