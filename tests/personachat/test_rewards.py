"""Eq. 8 look-ahead, eq. 10 combination, and the ledger that pays them as utterances arrive."""

import pytest

from dialenv.personachat.rewards import RewardLedger, RewardWeights, ScoredUtterance, lookahead


def test_lookahead_matches_eq_8():
    # A1, B1, A2, B2, A3, B3 with persona scores r; for B1 (index 1): r_B1 + g r_A2 + g^2 r_B2 + g^3 r_A3 + g^4 r_B3
    r = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    gamma = 0.5
    expected_b1 = 0.2 + gamma * 0.3 + gamma**2 * 0.4 + gamma**3 * 0.5 + gamma**4 * 0.6
    assert lookahead(r, gamma)[1] == pytest.approx(expected_b1)
    assert lookahead(r, gamma)[-1] == pytest.approx(0.6)
    assert lookahead(r, 0.0) == pytest.approx(r)


def test_paper_defaults():
    weights = RewardWeights()
    assert (weights.language, weights.coherence, weights.persona, weights.gamma) == (0.4, 0.1, 0.5, 0.5)
    with pytest.raises(ValueError, match="gamma"):
        RewardWeights(gamma=1.5)


def test_ledger_pays_exactly_the_sum_of_eq_10_per_agent():
    ledger = RewardLedger(("A", "B"), RewardWeights())
    script = [
        ScoredUtterance("A", -3.0, -1.0, 0.2, credited=False),  # a dataset opening
        ScoredUtterance("B", -2.0, -0.5, 0.4),
        ScoredUtterance("A", -4.0, -0.7, 0.1),
        ScoredUtterance("B", -2.5, -0.2, 0.6),
    ]
    paid = {"A": 0.0, "B": 0.0}
    for utterance in script:
        for agent, reward in ledger.add(utterance).items():
            paid[agent] += reward
    table = ledger.table()
    for agent in ("A", "B"):
        expected = sum(row["reward"] for row in table if row["speaker"] == agent and row["credited"])
        assert paid[agent] == pytest.approx(expected)
        assert ledger.totals()[f"reward_{agent}"] == pytest.approx(expected)
    assert table[1]["rs3"] == pytest.approx(0.4 + 0.5 * 0.1 + 0.25 * 0.6)
    assert table[1]["reward"] == pytest.approx(0.4 * -2.0 + 0.1 * -0.5 + 0.5 * table[1]["rs3"])
    assert ledger.totals()["rs1_A"] == -4.0  # the opening is not A's
