"""Aggregating per-episode metrics into the tables the CLI, regression and benchmarks print."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any


def aggregate(per_episode: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    """Mean and standard error of every numeric (or boolean) metric; ``None`` values are skipped."""
    columns: dict[str, list[float]] = {}
    for metrics in per_episode:
        for name, value in metrics.items():
            if isinstance(value, (bool, int, float)) and value is not None:
                columns.setdefault(name, []).append(float(value))
    table = {}
    for name, values in columns.items():
        mean = sum(values) / len(values)
        variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1) if len(values) > 1 else 0.0
        table[name] = {"mean": mean, "stderr": math.sqrt(variance / len(values)), "n": float(len(values))}
    return table


def format_table(rows: Mapping[str, Mapping[str, Mapping[str, float]]], columns: list[str] | None = None) -> str:
    """A plain-text table: one row per run (e.g. an agent pairing), one column per metric (mean ± s.e.)."""
    columns = columns or sorted({name for table in rows.values() for name in table})
    header = ["run", *columns]
    lines = [header]
    for run, table in rows.items():
        cells = [run]
        for name in columns:
            stat = table.get(name)
            cells.append("-" if stat is None else f"{stat['mean']:.3f} ± {stat['stderr']:.3f}")
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    rendered = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)) for line in lines]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(rendered)
