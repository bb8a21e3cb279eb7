"""Public certification checks for dialogue environments and agents (like ``pettingzoo.test``).

Any env author can call these on their own env; dialenv's suite runs :func:`certify` on every registered id.

* :func:`api_check` — PettingZoo ``api_test`` for AEC envs, Gymnasium ``check_env`` for single-agent views;
* :func:`seed_check` — PettingZoo ``seed_test`` (AEC) or a two-instance replay with sampled actions (Gym);
* :func:`cross_process_check` — the same seeds give byte-identical transcripts in a fresh process;
* :func:`adversarial_check` — hypothesis-generated bad actions (empty, huge, non-ASCII, wrong types) either
  work or raise ``InvalidAction`` without changing the env's state; ``invalid_action="penalize"`` never raises;
* :func:`metrics_check` — ``info["metrics"]`` is present for every agent when an episode ends.
"""

from dialenv.test.checks import (
    adversarial_check,
    api_check,
    certify,
    cross_process_check,
    metrics_check,
    seed_check,
    transcript_digest,
)

__all__ = [
    "adversarial_check",
    "api_check",
    "certify",
    "cross_process_check",
    "metrics_check",
    "seed_check",
    "transcript_digest",
]
