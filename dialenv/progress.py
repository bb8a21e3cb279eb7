"""A minimal progress bar on stderr for long work (downloads, evaluations); the core does not need tqdm.

On a terminal the line is redrawn in place at most ten times a second; elsewhere (logs, CI, captured output)
only the final line is written, so logs stay readable and deterministic.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

_REDRAW_SECONDS = 0.1
_WIDTH = 30


def _megabytes(amount: int) -> str:
    return f"{amount / 1e6:.1f} MB"


class ProgressBar:
    """Counts towards an optional ``total`` and draws ``label [=====>    ] 42% 420/1000 dialogues``.

    ``unit="bytes"`` shows megabytes; any other unit is printed after plain counts.
    """

    def __init__(self, label: str, total: int | None, unit: str = "bytes", stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total if total and total > 0 else None
        self.done = 0
        self._format: Callable[[int], str] = _megabytes if unit == "bytes" else str
        self._unit = "" if unit == "bytes" else f" {unit}"
        self._stream = stream if stream is not None else sys.stderr
        self._live = self._stream.isatty()
        self._last_draw = 0.0
        self._start = time.monotonic()

    def update(self, amount: int) -> None:
        """Add ``amount`` and redraw if on a terminal and enough time has passed."""
        self.done += amount
        now = time.monotonic()
        if self._live and now - self._last_draw >= _REDRAW_SECONDS:
            self._last_draw = now
            self._stream.write("\r" + self._line())
            self._stream.flush()

    def close(self) -> None:
        """Write the final state and end the line."""
        self._stream.write(("\r" if self._live else "") + self._line() + "\n")
        self._stream.flush()

    def _line(self) -> str:
        elapsed = f" {time.monotonic() - self._start:.1f}s"
        amount = self._format(self.done)
        if self.total is None:
            return f"{self.label} {amount}{self._unit}{elapsed}"
        fraction = min(self.done / self.total, 1.0)
        filled = int(fraction * _WIDTH)
        bar = "=" * filled + (">" if filled < _WIDTH else "") + " " * (_WIDTH - filled - 1)
        return f"{self.label} [{bar}] {fraction:4.0%} {amount}/{self._format(self.total)}{self._unit}{elapsed}"
