"""Corpus BLEU with a single reference per segment and the reference statistics computed once.

The score is sacreBLEU's default corpus BLEU (``sacrebleu.corpus_bleu(hypotheses, [references])``: 13a
tokenization, 4-grams, ``exp`` smoothing, no lower-casing), the BLEU of the standard MultiWOZ evaluator.
sacreBLEU recomputes the n-gram counts of the 7,372 test references on every call, which is half of its
run time; here they are counted once per reference set, so scoring a whole prediction file stays well
under a second. The tests check that the scores equal ``sacrebleu.corpus_bleu`` exactly.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping

from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

MAX_ORDER = 4

_NGrams = Counter[tuple[str, ...]]


class CorpusBleu:
    """BLEU of hypotheses against a fixed set of references, addressed by key (e.g. ``(dialogue, turn)``)."""

    def __init__(self, references: Mapping[Hashable, str]) -> None:
        self._tokenize = Tokenizer13a()
        self._references = {key: self._stats(text) for key, text in references.items()}

    def score(self, hypotheses: Iterable[tuple[Hashable, str]]) -> float:
        """Corpus BLEU (0-100) of ``(reference key, hypothesis)`` pairs."""
        matches = [0] * MAX_ORDER
        totals = [0] * MAX_ORDER
        hypothesis_length = reference_length = 0
        for key, hypothesis in hypotheses:
            reference_ngrams, length = self._references[key]
            ngrams, hyp_length = self._stats(hypothesis)
            hypothesis_length += hyp_length
            reference_length += length
            for order in range(MAX_ORDER):
                totals[order] += max(0, hyp_length - order)
            for gram in ngrams.keys() & reference_ngrams.keys():
                matches[len(gram) - 1] += min(ngrams[gram], reference_ngrams[gram])
        return _bleu(matches, totals, hypothesis_length, reference_length)

    def _stats(self, text: str) -> tuple[_NGrams, int]:
        words = self._tokenize(text.rstrip()).split()
        ngrams: _NGrams = Counter()
        for order in range(1, MAX_ORDER + 1):
            ngrams.update(zip(*(words[start:] for start in range(order))))
        return ngrams, len(words)


def _bleu(matches: list[int], totals: list[int], hypothesis_length: int, reference_length: int) -> float:
    """sacreBLEU's ``compute_bleu`` with ``exp`` smoothing and effective order off."""
    if not any(matches):  # also covers an empty hypothesis side
        return 0.0
    log_precision = 0.0
    smoothing = 1.0
    for order in range(MAX_ORDER):
        if totals[order] == 0:
            return 0.0
        if matches[order] == 0:
            smoothing *= 2
            precision = 100.0 / (smoothing * totals[order])
        else:
            precision = 100.0 * matches[order] / totals[order]
        log_precision += math.log(precision)
    brevity = (
        1.0 if hypothesis_length >= reference_length else math.exp(1 - reference_length / hypothesis_length)
    )
    return brevity * math.exp(log_precision / MAX_ORDER)
