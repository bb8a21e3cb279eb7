"""Regression fingerprints: every pinned id replays identically; a behaviour change is caught."""

import pytest

import dialenv
from dialenv import regress
from dialenv.moviebooking import policy


@pytest.mark.parametrize("env_id", [s.id for s in regress.all_specs() if s.reference_agents and "broken" not in s.id])
def test_pinned_fingerprint_matches(env_id):
    result = regress.check(env_id)
    if result.status == "skipped":
        pytest.skip(result.detail)
    assert result.status == "ok", result.detail


def test_a_behaviour_change_is_detected(monkeypatch):
    monkeypatch.setattr(policy, "REQUESTS_PER_TURN", 1)  # the expert now asks one slot at a time
    result = regress.check("moviebooking-joint-v0")
    assert result.status == "changed"
    assert "turns" in result.detail and "new env version" in result.detail


def test_every_registered_id_has_reference_agents():
    for env_spec in regress.all_specs():
        if "broken" not in env_spec.id:
            assert env_spec.reference_agents, env_spec.id
    assert dialenv.spec("moviebooking-v0").reference_agents == {"system": "baselines.moviebooking.rule_system:RuleSystem"}
