"""The online matrix's statistics (the matrix itself is a measured run, see baselines/sga/README.md)."""

from __future__ import annotations

import math

import pytest


def test_mean_and_standard_error():
    pytest.importorskip("torch", reason="the online evaluation needs torch: pip install 'dialenv[baselines]'")
    from baselines.sga.online import mean_and_error

    mean, error = mean_and_error([0.0, 100.0, 100.0, 0.0])
    assert mean == 50.0
    assert error == pytest.approx(math.sqrt((4 * 2500 / 3) / 4))
    assert mean_and_error([100.0]) == (100.0, 0.0)


def test_online_matrix_rows_with_reference_agents_and_a_tiny_sga_user(tiny_checkpoints, db):
    from baselines.sga.online import _factory, online_matrix

    systems = {"rule": _factory("ds", "rule")}
    users = {"agenda": _factory("us", "agenda"), "tiny": _factory("us", str(tiny_checkpoints["us"]))}
    rows = online_matrix(systems, users, goals=3, width=2, log=lambda text: None)
    assert [(row["system"], row["user"]) for row in rows] == [("rule", "agenda"), ("rule", "tiny")]
    assert rows[0]["success"] == 100.0 and rows[0]["goals"] == 3  # the env's reference pairing
    assert rows[1]["success"] == 0.0  # an untrained user simulator completes nothing
