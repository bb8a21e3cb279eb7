"""An interpolated Kneser-Ney trigram language model over words (Kneser & Ney 1995; Chen & Goodman 1999).

The default RS.1 scorer: a count-based stand-in for the pretrained GPT of the P²BOT paper, small enough to fit
in a fraction of a second on the persona bank. Each order discounts every seen count by ``discount`` and
gives the mass it frees to the next lower order; the lower orders use *continuation* counts (in how many
different contexts a word appears), and the lowest interpolates with a uniform distribution over the
vocabulary plus one unknown word, so every token — seen or not — has a probability.

Sentences are :func:`~dialenv.personachat.text.lm_tokens`, padded with two ``<s>`` and ended by ``</s>``,
which is predicted too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from dialenv.personachat.text import lm_tokens

BOS, EOS = "<s>", "</s>"


class KneserNeyLM:
    """A trigram model fitted on ``sentences``; see the module docstring."""

    def __init__(self, sentences: Iterable[str], discount: float = 0.75):
        if not 0.0 < discount < 1.0:
            raise ValueError(f"discount must be in (0, 1), got {discount}")
        self.discount = discount
        trigrams: Counter[tuple[str, str, str]] = Counter()
        for sentence in sentences:
            tokens = [BOS, BOS, *lm_tokens(sentence), EOS]
            trigrams.update(zip(tokens, tokens[1:], tokens[2:]))
        if not trigrams:
            raise ValueError("cannot fit a language model on no text")
        # Highest order: raw counts per context (u, v).
        self.trigram = trigrams
        self.context_total: Counter[tuple[str, str]] = Counter()
        self.context_types: Counter[tuple[str, str]] = Counter()
        # Middle order: continuation counts N1+(. v w) per context v.
        self.bigram_continuation: Counter[tuple[str, str]] = Counter()
        for (u, v, w), count in trigrams.items():
            self.context_total[u, v] += count
            self.context_types[u, v] += 1
            self.bigram_continuation[v, w] += 1
        self.middle_total: Counter[str] = Counter()
        self.middle_types: Counter[str] = Counter()
        # Lowest order: continuation counts N1+(. w) over bigram types.
        self.unigram_continuation: Counter[str] = Counter()
        for (v, w), count in self.bigram_continuation.items():
            self.middle_total[v] += count
            self.middle_types[v] += 1
            self.unigram_continuation[w] += 1
        self.bigram_types = sum(self.unigram_continuation.values())
        self.vocabulary = {word for _, _, word in trigrams}
        self.uniform = 1.0 / (len(self.vocabulary) + 1)  # + the unknown word
        self._cache: dict[tuple[str, str, str], float] = {}

    def _unigram(self, w: str) -> float:
        count = self.unigram_continuation.get(w, 0)
        seen = max(count - self.discount, 0.0) / self.bigram_types
        backoff = self.discount * len(self.unigram_continuation) / self.bigram_types
        return seen + backoff * self.uniform

    def _bigram(self, v: str, w: str) -> float:
        total = self.middle_total.get(v, 0)
        if not total:
            return self._unigram(w)
        seen = max(self.bigram_continuation.get((v, w), 0) - self.discount, 0.0) / total
        return seen + self.discount * self.middle_types[v] / total * self._unigram(w)

    def probability(self, u: str, v: str, w: str) -> float:
        """P(w | u v), interpolated over the three orders."""
        key = (u, v, w)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        total = self.context_total.get((u, v), 0)
        if not total:
            value = self._bigram(v, w)
        else:
            seen = max(self.trigram.get(key, 0) - self.discount, 0.0) / total
            value = seen + self.discount * self.context_types[u, v] / total * self._bigram(v, w)
        if len(self._cache) >= 200_000:  # bounded memory in long runs
            self._cache.clear()
        self._cache[key] = value
        return value

    def token_log_probs(self, text: str) -> tuple[list[str], list[float]]:
        """The predicted tokens of ``text`` (its words and ``</s>``) and their natural-log probabilities."""
        tokens = [*lm_tokens(text), EOS]
        history = [BOS, BOS, *tokens]
        return tokens, [math.log(self.probability(*history[i : i + 3])) for i in range(len(tokens))]

    def mean_log_prob(self, text: str) -> float:
        """Eq. 6: the length-normalised log-likelihood of ``text``.

        A text without any token is not language: it scores the floor ``ln(1 / (|V| + 1))``, the log-probability
        of an unknown word, instead of the (high) probability of ending a sentence at once.
        """
        if not lm_tokens(text):
            return math.log(self.uniform)
        _, log_probs = self.token_log_probs(text)
        return sum(log_probs) / len(log_probs)
