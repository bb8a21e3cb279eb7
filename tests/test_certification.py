"""Every registered env passes dialenv's public certification; the checks themselves catch broken envs."""

import random

import broken_envs
import pytest

import dialenv
from dialenv.regress import data_available
from dialenv.test import adversarial_check, certify, cross_process_check, metrics_check


@pytest.mark.parametrize("env_id", [i for i in dialenv.registered_ids() if i not in broken_envs.BROKEN])
def test_registered_env_is_certified(env_id):
    if not data_available(env_id):
        pytest.skip(f"{env_id} needs data that is not available (set DIALENV_DATA)")
    certify(env_id)


def test_adversarial_check_catches_a_crashing_env():
    with pytest.raises(UnicodeError):
        adversarial_check("broken-unicode-v0", max_examples=300)


def test_metrics_check_catches_missing_metrics():
    with pytest.raises(AssertionError, match="no info\\['metrics'\\]"):
        metrics_check("broken-metrics-v0", episodes=2)


def test_cross_process_check_catches_global_rng_use():
    random.seed(12345)  # this process and the fresh one draw different global numbers
    with pytest.raises(AssertionError, match="transcripts differ across processes"):
        cross_process_check("broken-rng-v0", imports=("broken_envs",))
