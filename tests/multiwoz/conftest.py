"""Shared fixtures of the MultiWOZ tests: the test split and the databases, read through ``dialenv.data``.

Tests that need the corpus are skipped, saying why, when ``$DIALENV_DATA`` does not point at a mirror
holding it (CI sets ``DIALENV_DATA=../shared/data``); everything else runs on small hand-made data.
"""

from __future__ import annotations

import pytest

from dialenv import data
from dialenv.data.messages import how_to_get
from dialenv.multiwoz import MultiWOZDatabase, load_split

_DB_FILES = [
    f"db_official/{domain}_db.json" for domain in ("restaurant", "hotel", "attraction", "train", "taxi")
]


def skip_unless_available(dataset: str, *files: str) -> None:
    """Skip the calling test unless every file is in the mirror or cache."""
    missing = [name for name in files if not data.is_available(dataset, name)]
    if missing:
        pytest.skip(
            f"{dataset} file(s) {', '.join(missing)} not found (CI uses DIALENV_DATA=../shared/data). {how_to_get(dataset)}"
        )


@pytest.fixture(scope="session")
def test_split():
    """The 1,000 cleaned test dialogues, by corpus id."""
    skip_unless_available("multiwoz21", "test.json.zip")
    return load_split("test")


@pytest.fixture(scope="session")
def db():
    """The official databases."""
    skip_unless_available("multiwoz21", *_DB_FILES)
    return MultiWOZDatabase.load()


@pytest.fixture(scope="session")
def evaluator():
    """The corpus evaluator module, skipped when its optional packages or the corpus are missing."""
    pytest.importorskip(
        "sacrebleu", reason="the corpus evaluator needs sacrebleu: pip install sacrebleu rapidfuzz"
    )
    pytest.importorskip(
        "rapidfuzz", reason="the corpus evaluator needs rapidfuzz: pip install sacrebleu rapidfuzz"
    )
    skip_unless_available("multiwoz21", "test.json.zip", *_DB_FILES)
    from dialenv.multiwoz import corpus_eval

    return corpus_eval


@pytest.fixture(scope="session")
def published_predictions():
    """Loader of one file of the ``multiwoz-predictions`` dataset by system name, skipping when absent."""

    def load(name: str):
        skip_unless_available("multiwoz-predictions", f"{name}.json")
        return data.load_json("multiwoz-predictions", f"{name}.json")

    return load
