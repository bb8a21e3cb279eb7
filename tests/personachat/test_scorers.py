"""The default scorers on hand-made cases: language model, TF-IDF, coherence, persona perception."""

import math

import numpy as np
import pytest

from dialenv.personachat.defaults import default_scorers
from dialenv.personachat.ngram import EOS, KneserNeyLM
from dialenv.personachat.scorers import (
    CoherenceScorer,
    IRPersonaScorer,
    LanguageScorer,
    PersonaScorer,
    RandomPersonaScorer,
    TfidfPersonaScorer,
    soft_max_pool,
)
from dialenv.personachat.text import lm_tokens, terms
from dialenv.personachat.tfidf import SparseRows, TfidfModel

PERSONA = (
    "i fix bicycles in a small shop downtown.",
    "i have a three legged cat named tripod.",
    "i grew up on a houseboat near seattle.",
)


def test_tokenisers():
    assert lm_tokens("I'm here, OK!") == ["i'm", "here", ",", "ok", "!"]
    assert terms("Dogs and glass buses, this is it") == ["dog", "and", "glass", "buse", "this", "is", "it"]


def test_kneser_ney_is_a_distribution():
    model = KneserNeyLM(["i like my dog .", "i like my cat .", "my dog likes me ."])
    for context in (("<s>", "<s>"), ("i", "like"), ("my", "dog"), ("unseen", "words")):
        unknown = model.probability(*context, "zebra")  # an unseen word gets the uniform share only
        total = sum(model.probability(*context, word) for word in model.vocabulary) + unknown
        assert total == pytest.approx(1.0)
    tokens, log_probs = model.token_log_probs("i like my dog")
    assert tokens[-1] == EOS and len(log_probs) == len(tokens) == 5


def test_fluent_text_beats_shuffled_words_on_rs1():
    lm = default_scorers().language
    assert isinstance(lm, LanguageScorer)
    rng = np.random.default_rng(0)
    for sentence in ("i love to go hiking with my dog on the weekends.", "what do you do for a living?"):
        words = sentence.rstrip(".?").split()
        for _ in range(5):
            shuffled = " ".join(rng.permutation(words))
            if shuffled != sentence.rstrip(".?"):
                assert lm.mean_log_prob(sentence) > lm.mean_log_prob(shuffled)
    assert lm.mean_log_prob("") == pytest.approx(math.log(lm.model.uniform))  # silence is not language


def test_tfidf_similarity_and_sparse_rows():
    model = TfidfModel(["the cat sat", "the dog ran", "a bird sang"])
    matrix = model.similarity(["the cat sat", "dog"], ["the cat sat", "bird", ""])
    assert matrix[0, 0] == pytest.approx(1.0) and matrix[1, 1] == 0.0 and matrix[0, 2] == 0.0
    rows = SparseRows.build(model, ["the cat sat", "", "the dog ran"])
    scores = rows.dot(rows.dense_query(model.vector("the cat")))
    assert scores[0] > scores[2] > 0 and scores[1] == 0.0
    assert model.vector("zebra zebra")  # unseen words still count (largest idf)


def test_persona_consistent_utterance_scores_higher_on_rs3():
    scorer = default_scorers().persona
    assert isinstance(scorer, PersonaScorer)
    consistent, unrelated = scorer.scores(
        ["my cat tripod only has three legs", "i like watching tennis on tv"], PERSONA
    )
    assert consistent > 0.3 > unrelated
    assert scorer.relevance(["i repair bikes at my shop downtown"], PERSONA) > scorer.relevance(
        ["i repair bikes at my shop downtown"], ("i love opera.", "i live in london.")
    )


def test_soft_max_pool_moves_from_mean_to_max():
    row = np.array([[0.0, 0.0, 0.6]])
    assert soft_max_pool(row, 100.0)[0] == pytest.approx(0.2, abs=0.01)
    assert soft_max_pool(row, 0.01)[0] == pytest.approx(0.6, abs=1e-6)
    assert soft_max_pool(np.zeros((2, 0)), 0.1).tolist() == [0.0, 0.0]


def test_coherence_prefers_a_related_response():
    coherence = default_scorers().coherence
    assert isinstance(coherence, CoherenceScorer)
    history = ["hi!", "do you have any pets?"]
    related = coherence.next_log_prob(PERSONA, history, "yes, i have a cat and two pets fish.")
    unrelated = coherence.next_log_prob(PERSONA, history, "i drive a truck downtown.")
    assert related > unrelated and related < 0.0
    assert coherence.next_log_prob(PERSONA, [], "hello") < 0.0  # no context: a prior below 0


def test_ir_and_random_baselines():
    model = default_scorers().tfidf
    ir = IRPersonaScorer(model)
    assert ir.relevance(["i fix bicycles downtown"], PERSONA) > ir.relevance(
        ["i fix bicycles downtown"], ("i sing.",)
    )
    assert ir.scores(["a", "b"], PERSONA).shape == (2,)
    first, second = RandomPersonaScorer(3), RandomPersonaScorer(3)
    assert first.relevance(["x"], PERSONA) == second.relevance(["x"], PERSONA)
    assert TfidfPersonaScorer(model).relevance([], PERSONA) == 0.0
    with pytest.raises(ValueError, match="tau"):
        TfidfPersonaScorer(model, tau=0)
