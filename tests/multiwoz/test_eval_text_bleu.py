"""Response normalisation and the cached corpus BLEU (equal to sacreBLEU's corpus_bleu)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sacrebleu = pytest.importorskip(
    "sacrebleu", reason="the corpus evaluator needs sacrebleu: pip install sacrebleu"
)

# imported after the optional-dependency check above
from dialenv.multiwoz.bleu import CorpusBleu
from dialenv.multiwoz.eval_text import normalize_response


@pytest.mark.parametrize(
    ("response", "normalized"),
    [
        ("[value_name] is at [value_address] .", "NAME is at ADDRESS ."),
        ("[hotel_name] has [value_count] [hotel_type]s", "NAME has COUNT TYPE"),
        ("the [name] 's phone is [phone]", "the NAME 's phone is PHONE"),
        ("Train [train_id] arrives by [value_arrive]", "train TRAINID arrives by TIME"),
        ("ref [restaurant_reference] , post [value_postcode]", "ref REFERENCE , post POST"),
        ("[arrive by] or [leave at]", "TIME or TIME"),
        ("it is [value_price]-ly", "it is PRICE"),
        ("no   placeholders  here", "no placeholders here"),
    ],
)
def test_normalize_response(response, normalized):
    assert normalize_response(response) == (normalized, ())


def test_unknown_placeholders_are_dropped_and_reported():
    assert normalize_response("a [hotel] near [value_name]") == ("a near NAME", ("hotel",))


WORDS = st.sampled_from(
    ["the", "NAME", "is", "in", "AREA", ".", ",", "a", "nice", "place", "?", "it's", "10:30"]
)
SENTENCES = st.lists(WORDS, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(SENTENCES, SENTENCES), min_size=1, max_size=20))
def test_bleu_equals_sacrebleu(pairs):
    hypotheses = [hypothesis for hypothesis, _ in pairs]
    references = [reference for _, reference in pairs]
    bleu = CorpusBleu(dict(enumerate(references)))
    expected = sacrebleu.corpus_bleu(hypotheses, [references], force=True).score
    assert bleu.score(enumerate(hypotheses)) == pytest.approx(expected, abs=1e-9)


def test_bleu_on_a_subset_of_references():
    bleu = CorpusBleu({("a", 0): "NAME is in the AREA .", ("a", 1): "goodbye .", ("b", 0): "PHONE it is"})
    assert bleu.score([(("a", 0), "NAME is in the AREA .")]) == pytest.approx(100.0)
    expected = sacrebleu.corpus_bleu(
        ["PHONE is it", "goodbye ."], [["PHONE it is", "goodbye ."]], force=True
    ).score
    assert bleu.score([(("b", 0), "PHONE is it"), (("a", 1), "goodbye .")]) == pytest.approx(expected)
