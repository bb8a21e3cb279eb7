"""The shared MultiWOZ value vocabulary names database values, and both rule NLUs read all of it."""

from __future__ import annotations

import pytest

from baselines.multiwoz import lexicon as user_text
from dialenv.multiwoz import vocabulary
from dialenv.multiwoz.normalize import normalize_value
from simulators.multiwoz import lexicon as system_text

# Shared table, the database column it names, and the domains whose entities have that column.
TABLES = [
    (vocabulary.AREAS, "area", ("restaurant", "hotel", "attraction")),
    (vocabulary.PRICE_RANGES, "pricerange", ("restaurant", "hotel")),
    (vocabulary.HOTEL_TYPES, "type", ("hotel",)),
    (vocabulary.ATTRACTION_TYPES, "type", ("attraction",)),
]
# The user-text NLU's table, its user-only extras, and the shared table they extend.
USER_TABLES = [
    (user_text.AREAS, user_text.USER_AREAS, TABLES[0]),
    (user_text.PRICES, user_text.USER_PRICE_RANGES, TABLES[1]),
    (user_text.HOTEL_TYPES, user_text.USER_HOTEL_TYPES, TABLES[2]),
    (user_text.ATTRACTION_TYPES, user_text.USER_ATTRACTION_TYPES, TABLES[3]),
]


def database_values(db, column, domains):
    return {
        normalize_value(column, str(entity[column])) for domain in domains for entity in db.entities(domain)
    }


@pytest.mark.parametrize(("table", "column", "domains"), TABLES)
def test_every_value_is_a_database_value(db, table, column, domains):
    for domain in domains:
        assert set(table.values()) <= database_values(db, column, (domain,)), domain
    assert all(phrase == phrase.lower().strip() for phrase in table)


@pytest.mark.parametrize(("merged", "extras", "shared"), USER_TABLES)
def test_user_text_nlu_reads_the_shared_phrases_and_its_extras(db, merged, extras, shared):
    table, column, domains = shared
    assert not set(extras) & set(table), "an extra would override a shared phrase"
    assert merged == {**table, **extras}
    assert set(extras.values()) <= database_values(db, column, domains)


def test_system_text_nlu_reads_the_shared_phrases(db):
    lexicon = system_text.build_lexicon(db)
    for table, column, domains in TABLES:
        for phrase, value in table.items():
            slot, found, readings = lexicon.entries[system_text.key_of(phrase)]
            assert (slot, found) == (column, value), phrase
            assert set(domains) <= set(readings), phrase
