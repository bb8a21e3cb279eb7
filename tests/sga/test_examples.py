"""The SGA examples run as documented (shipped checkpoints, real data) and print what they promise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script), *args],
        check=False, capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_sga_online_example_plays_a_test_goal(db, test_split):
    out = _run("sga_online.py", "--goal", "0")
    assert out.startswith("goal: ")
    assert "user: " in out and "system: " in out
    assert "'success': " in out and "'turns': " in out


def test_sga_respond_example_shows_a_sequence_and_answers(db, test_split):
    out = _run("sga_respond.py")
    assert "<sos_b>" in out and "<eos_r>" in out
    assert out.count("system: ") == 4
