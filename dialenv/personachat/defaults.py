"""The default scorers, fitted once per process on a named text corpus.

``"bank"`` (the default) is the persona bank (original and revised sentences) and the small-talk phrases: it
ships with dialenv, so rewards are identical on every machine. ``"bank+data"`` adds every profile sentence and
utterance of the ConvAI2 validation dialogues (``valid_both_original_no_cands.txt``); it needs the dataset and
gives different — data-dependent — reward values, so it is an explicit choice.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from dialenv.personachat import corpus as corpus_files
from dialenv.personachat.bank import PERSONAS
from dialenv.personachat.phrases import ALL_SENTENCES
from dialenv.personachat.scorers import NgramLanguageScorer, TfidfCoherenceScorer, TfidfPersonaScorer
from dialenv.personachat.tfidf import TfidfModel

CORPORA = ("bank", "bank+data")


class DefaultScorers(NamedTuple):
    language: NgramLanguageScorer
    coherence: TfidfCoherenceScorer
    persona: TfidfPersonaScorer
    tfidf: TfidfModel


def corpus_texts(name: str) -> list[str]:
    """The sentences of a named corpus (see the module docstring)."""
    if name not in CORPORA:
        raise ValueError(f"corpus must be one of {CORPORA}, got {name!r}")
    texts = [sentence for persona in PERSONAS for sentence in (*persona.original, *persona.revised)]
    texts.extend(ALL_SENTENCES)
    if name == "bank+data":
        for dialogue in corpus_files.load_dialogues(view="both"):
            texts.extend(dialogue.your_persona + dialogue.partner_persona)
            texts.extend(text for _, text in dialogue.utterances())
    return texts


@lru_cache(maxsize=len(CORPORA))
def default_scorers(name: str = "bank") -> DefaultScorers:
    """The RS.1-RS.3 default scorers fitted on corpus ``name`` (cached: they are read-only)."""
    texts = corpus_texts(name)
    tfidf = TfidfModel(texts)
    return DefaultScorers(
        NgramLanguageScorer(texts), TfidfCoherenceScorer(tfidf), TfidfPersonaScorer(tfidf), tfidf
    )
