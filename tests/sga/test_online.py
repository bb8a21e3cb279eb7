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
