"""The seeded MultiWOZ goal generator: corpus statistics reproduced, goals satisfiable, failures real, seeds.

The generator is fitted to the validation goals and its samples are counted with the same
:class:`GoalStatistics`; rates are compared within tolerances that 4,000 samples allow (a few points).
"""

from __future__ import annotations

import numpy as np
import pytest

from dialenv.multiwoz.goal import Goal
from dialenv.multiwoz.goal_generator import LINKS, GoalGenerator, GoalStatistics
from dialenv.multiwoz.normalize import normalize_value
from tests.multiwoz.conftest import skip_unless_available

SAMPLES = 4000


@pytest.fixture(scope="module")
def generator():
    skip_unless_available("multiwoz21", "val.json.zip", "db_official/restaurant_db.json")
    return GoalGenerator.from_corpus(("val",))


@pytest.fixture(scope="module")
def samples(generator):
    rng = np.random.default_rng(2024)
    return [generator.sample(rng) for _ in range(SAMPLES)]


@pytest.fixture(scope="module")
def sampled(samples):
    return GoalStatistics.from_goals(samples)


def test_domain_count_distribution_matches_the_corpus(generator, sampled):
    corpus = generator.statistics.domain_count_distribution()
    generated = sampled.domain_count_distribution()
    print("\ndomains per goal, corpus vs generated:", corpus, generated)
    assert set(generated) == set(corpus)
    for size, share in corpus.items():
        assert generated[size] == pytest.approx(share, abs=0.03)
    for domain, share in generator.statistics.domain_rates().items():
        assert sampled.domain_rates()[domain] == pytest.approx(share, abs=0.03)


def test_request_constraint_and_booking_rates_match_the_corpus(generator, sampled):
    corpus = generator.statistics
    for domain in corpus.domain_rates():
        for slot, rate in corpus.request_rates(domain).items():
            assert sampled.request_rates(domain).get(slot, 0.0) == pytest.approx(rate, abs=0.05), (
                domain,
                slot,
            )
        for slot, rate in corpus.constraint_rates(domain).items():
            assert sampled.constraint_rates(domain).get(slot, 0.0) == pytest.approx(rate, abs=0.05), (
                domain,
                slot,
            )
        assert sampled.booking_rate(domain) == pytest.approx(corpus.booking_rate(domain), abs=0.05), domain


def test_scripted_failures_come_at_the_corpus_rates(generator, sampled):
    corpus = generator.statistics
    for domain in corpus.domain_rates():
        assert sampled.fail_info_rate(domain) == pytest.approx(corpus.fail_info_rate(domain), abs=0.05), (
            domain
        )
        assert sampled.fail_book_rate(domain) == pytest.approx(corpus.fail_book_rate(domain), abs=0.06), (
            domain
        )


def test_values_follow_the_corpus_distribution(generator, sampled):
    corpus = generator.statistics.value_distribution("restaurant", "info", "area")
    generated = sampled.value_distribution("restaurant", "info", "area")
    assert generated["centre"] == pytest.approx(corpus["centre"], abs=0.08)
    linked = next(link for link in LINKS if link.target == ("taxi", "info", "arriveby"))
    assert sampled.link_rate(linked) == pytest.approx(generator.statistics.link_rate(linked), abs=0.1)


def test_every_goal_is_satisfiable_and_every_scripted_failure_fails(generator, samples, db):
    for goal in samples[:1000]:
        for domain, part in goal.items():
            for section in (part.info, part.book, part.fail_info, part.fail_book):
                for slot, value in section.items():
                    assert value and normalize_value(slot, value) == value, (domain, slot, value)
            if domain in db.domains:
                assert db.count(domain, part.info) > 0, (domain, part.info)
                if part.fail_info:
                    assert db.count(domain, part.fail_info) == 0, (domain, part.fail_info)
                    assert set(part.fail_info) == set(part.info) and part.fail_info != part.info
            if part.fail_book:
                assert part.book and set(part.fail_book) <= set(part.book)
                assert all(part.book[slot] != value for slot, value in part.fail_book.items())


def test_a_taxi_among_other_domains_has_only_a_time_like_in_the_corpus(samples):
    shared = [goal["taxi"] for goal in samples if "taxi" in goal and len(goal) > 1]
    assert shared
    assert all(set(taxi.info) <= {"leaveat", "arriveby"} and taxi.reqt for taxi in shared)


def test_sampling_is_deterministic_per_seed(generator):
    first = [generator.sample(np.random.default_rng(7)) for _ in range(3)]
    again = [generator.sample(np.random.default_rng(7)) for _ in range(3)]
    other = [generator.sample(np.random.default_rng(8)) for _ in range(3)]
    assert first == again
    assert first != other
    assert all(isinstance(goal, Goal) and goal for goal in first)


def test_statistics_are_inspectable(generator):
    statistics = generator.statistics
    assert statistics.goals == sum(statistics.combos.values())
    summary = statistics.summary()
    assert "restaurant" in summary and "domains per goal" in summary
    assert 0 < statistics.booking_rate("restaurant") < 1
    assert statistics.fail_info["restaurant"] > 0


def test_from_corpus_is_cached_and_empty_statistics_are_refused(generator):
    assert GoalGenerator.from_corpus(("val",)) is generator
    with pytest.raises(ValueError, match="zero goals"):
        GoalGenerator(GoalStatistics())
