"""Tokenisation shared by the PERSONA-CHAT scorers, partners and metrics.

Two views of a sentence, for two jobs:

* :func:`lm_tokens` — what the language model (RS.1) predicts: lower-cased words (contractions such as
  ``i'm`` kept whole) and punctuation marks as separate tokens, the way the ConvAI2 files are tokenised.
* :func:`terms` — what the TF-IDF relevance models (RS.2, RS.3, probing, retrieval) match on: lower-cased
  alphanumeric words, with a plural ``s`` stripped so that "dogs" meets "dog". Punctuation is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LM_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[^\sa-z0-9]")
_TERM = re.compile(r"[a-z0-9]+")


def lm_tokens(text: str) -> list[str]:
    """Words and punctuation of ``text``, lower-cased: ``"I'm here!"`` -> ``["i'm", "here", "!"]``."""
    return _LM_TOKEN.findall(text.lower())


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Strip a plural ``s`` ("dogs" -> "dog"), but not from "glass", "bus", "this" or short words."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Matching terms of ``text``: lower-cased alphanumeric words, plural ``s`` stripped."""
    return [_stem(word) for word in _TERM.findall(text.lower())]
