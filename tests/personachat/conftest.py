"""Shared fixtures: whether the ConvAI2 validation files are reachable (tests needing them skip otherwise)."""

import pytest

from dialenv.personachat import corpus

needs_data = pytest.mark.skipif(
    not corpus.available("both"), reason="ConvAI2 validation files not available (set DIALENV_DATA)"
)
