"""A small TF-IDF model written with numpy: the lexical relevance behind the default scorers.

:class:`TfidfModel` is fitted on a list of texts (document frequencies of :func:`~dialenv.personachat.text.terms`)
and turns any text into an L2-normalised sparse vector ``{term: weight}``; a term never seen in fitting gets
the largest IDF (it is as rare as a term can be). Cosine similarities between two lists of texts are one dense
matrix product over the terms the two lists use (:meth:`TfidfModel.similarity`), which keeps the model free
of any sparse-matrix library. For scoring one query against thousands of fixed texts (retrieval), a
:class:`SparseRows` index holds the fixed texts in compressed-row form.

Weights: ``tf * idf`` with raw term counts and the smoothed ``idf = ln((1 + n) / (1 + df)) + 1``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from dialenv.personachat.text import terms

Vector = dict[str, float]


class TfidfModel:
    """Document frequencies fitted on a corpus; encodes texts as normalised TF-IDF vectors."""

    def __init__(self, texts: Iterable[str]):
        document_frequency: Counter[str] = Counter()
        documents = 0
        for text in texts:
            document_frequency.update(set(terms(text)))
            documents += 1
        self.documents = documents
        self.idf = {
            term: math.log((1 + documents) / (1 + count)) + 1.0 for term, count in document_frequency.items()
        }
        self.unknown_idf = math.log(1 + documents) + 1.0
        self._cache: dict[str, Vector] = {}

    def vector(self, text: str) -> Vector:
        """The L2-normalised TF-IDF vector of ``text`` (empty for a text without words)."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        counts = Counter(terms(text))
        weights = {term: count * self.idf.get(term, self.unknown_idf) for term, count in counts.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values()))
        vector = {term: weight / norm for term, weight in weights.items()} if norm else {}
        if len(self._cache) >= 50_000:  # bounded memory in long runs; texts that repeat come back quickly
            self._cache.clear()
        self._cache[text] = vector  # texts repeat (persona sentences, candidates): remember them
        return vector

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        """Cosine similarities, shape ``(len(left), len(right))``, all in [0, 1]."""
        return cosine_matrix([self.vector(text) for text in left], [self.vector(text) for text in right])


def cosine_matrix(left: Sequence[Vector], right: Sequence[Vector]) -> np.ndarray:
    """Dot products of normalised sparse vectors, through dense rows over the terms they share."""
    columns: dict[str, int] = {}
    for vector in left:
        for term in vector:
            columns.setdefault(term, len(columns))
    shared = {term for vector in right for term in vector if term in columns}
    if not shared:
        return np.zeros((len(left), len(right)))
    index = {term: position for position, term in enumerate(sorted(shared))}
    return _dense(left, index) @ _dense(right, index).T


def _dense(vectors: Sequence[Vector], index: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(vectors), len(index)))
    for row, vector in enumerate(vectors):
        for term, weight in vector.items():
            column = index.get(term)
            if column is not None:
                matrix[row, column] = weight
    return matrix


@dataclass(frozen=True)
class SparseRows:
    """Many fixed TF-IDF vectors in compressed-row form, for fast dot products with one query vector."""

    starts: np.ndarray  # row i holds entries starts[i]:starts[i + 1]
    columns: np.ndarray
    values: np.ndarray
    vocabulary: dict[str, int]

    @classmethod
    def build(cls, model: TfidfModel, texts: Sequence[str]) -> SparseRows:
        vocabulary: dict[str, int] = {}
        starts, columns, values = [0], [], []
        for text in texts:
            for term, weight in model.vector(text).items():
                columns.append(vocabulary.setdefault(term, len(vocabulary)))
                values.append(weight)
            starts.append(len(columns))
        return cls(np.asarray(starts), np.asarray(columns, dtype=np.int64), np.asarray(values), vocabulary)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def dense_query(self, vector: Vector) -> np.ndarray:
        """``vector`` over this index's vocabulary (terms the index never saw cannot match and are dropped)."""
        query = np.zeros(len(self.vocabulary) + 1)
        for term, weight in vector.items():
            column = self.vocabulary.get(term)
            if column is not None:
                query[column] = weight
        return query

    def dot(self, query: np.ndarray) -> np.ndarray:
        """Every row's dot product with a dense query (from :meth:`dense_query`)."""
        products = np.concatenate([self.values * query[self.columns], [0.0]])
        sums = np.add.reduceat(products, self.starts[:-1]) if len(self) else np.zeros(0)
        empty = self.starts[1:] == self.starts[:-1]
        sums[empty] = 0.0  # reduceat returns the next element for empty rows
        return sums
