"""Regression fingerprints: a published number must mean the same thing next year.

For every registered id, the spec's reference agents play a fixed list of seeds; the sha256 of all
transcripts and metrics (the *digest*) and the mean metrics are pinned in ``dialenv/fingerprints/<id>.json``.
``dialenv regress`` replays and compares; any change of behaviour shows up as a digest mismatch, and must
come with a new env version (``-vN``), after which ``dialenv regress --update`` pins the new id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dialenv.data import is_available
from dialenv.metrics import aggregate
from dialenv.registration import all_specs, spec
from dialenv.test.checks import episodes_digest, reference_episodes

FINGERPRINT_DIR = Path(__file__).parent / "fingerprints"
SEEDS = list(range(20))


@dataclass
class RegressionResult:
    env_id: str
    status: str  # "ok", "changed", "unpinned", "skipped"
    detail: str = ""


def fingerprint(env_id: str, seeds: list[int] = SEEDS) -> dict:
    """Digest and mean metrics of the reference agents on ``seeds``."""
    episodes = reference_episodes(env_id, seeds)
    metrics = aggregate(episode.metrics for episode in episodes)
    return {
        "env_id": env_id,
        "seeds": seeds,
        "digest": episodes_digest(episodes),
        "metrics": {name: round(stat["mean"], 6) for name, stat in sorted(metrics.items())},
    }


def _path(env_id: str) -> Path:
    return FINGERPRINT_DIR / f"{env_id}.json"


def data_available(env_id: str) -> bool:
    """Are the data an env needs present? Spec entries name a dataset or one file of it (``"dataset/file"``)."""
    return all(is_available(*entry.split("/", 1)) for entry in spec(env_id).datasets)


def _runnable(env_id: str) -> bool:
    return bool(spec(env_id).reference_agents) and data_available(env_id)


def check(env_id: str) -> RegressionResult:
    if not _runnable(env_id):
        return RegressionResult(env_id, "skipped", "its data is not available")
    path = _path(env_id)
    if not path.exists():
        return RegressionResult(env_id, "unpinned", f"no {path.name}; run `dialenv regress --update {env_id}`")
    pinned = json.loads(path.read_text())
    current = fingerprint(env_id, pinned["seeds"])
    if current["digest"] == pinned["digest"] and current["metrics"] == pinned["metrics"]:
        return RegressionResult(env_id, "ok")
    changed = {
        name: (pinned["metrics"].get(name), value)
        for name, value in current["metrics"].items()
        if pinned["metrics"].get(name) != value
    }
    detail = "transcripts changed" + (f"; metrics (pinned, now): {changed}" if changed else "")
    return RegressionResult(env_id, "changed", detail + ". A behaviour change needs a new env version.")


def update(env_id: str) -> RegressionResult:
    FINGERPRINT_DIR.mkdir(exist_ok=True)
    _path(env_id).write_text(json.dumps(fingerprint(env_id), indent=2, sort_keys=True) + "\n")
    return RegressionResult(env_id, "ok", "pinned")


def run(env_ids: list[str] | None = None, pin: bool = False) -> list[RegressionResult]:
    ids = env_ids or [s.id for s in all_specs() if s.reference_agents]
    return [update(env_id) if pin and _runnable(env_id) else check(env_id) for env_id in ids]
