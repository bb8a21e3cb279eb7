"""The PERSONA-CHAT env: episode length, observations, info keys, rewards, options, plug-in scorers."""

import numpy as np
import pytest

import dialenv
from dialenv.errors import DialenvError
from dialenv.personachat.scorers import RandomPersonaScorer
from dialenv.rollout import play_episode
from dialenv.test import certify
from dialenv.test.checks import reference_agents

from .conftest import needs_data

PERSONAS = {
    "A": ["i fix bicycles downtown.", "i have a cat named tripod."],
    "B": ["i teach chemistry.", "i surf."],
}
METRIC_KEYS = {
    *(f"{name}_{agent}" for name in ("rs1", "rs2", "rs3", "reward") for agent in "AB"),
    *(f"perception_{name}_{agent}" for name in ("hits1", "rank") for agent in "AB"),
    "perception_hits1",
    "turns",
}


def run(env, seed=0, options=None, say=lambda agent, obs: f"{agent} says hi"):
    env.reset(seed=seed, options=options)
    steps, rewards = [], {"A": 0.0, "B": 0.0}
    for agent in env.agent_iter():
        obs, reward, terminated, truncated, info = env.last()
        rewards[agent] += reward
        if terminated or truncated:
            env.step(None)
        else:
            steps.append((agent, obs, info))
            env.step(say(agent, obs))
    return steps, rewards, info


def test_episode_length_turn_order_and_info():
    env = dialenv.make("personachat-joint-v0")
    steps, returns, info = run(env)
    assert [agent for agent, _, _ in steps] == ["A", "B"] * 3
    assert len(env.transcript) == 6 and env.transcript_lines()[0] == "A: A says hi"
    assert set(info["metrics"]) == METRIC_KEYS and info["metrics"]["turns"] == 3
    assert set(info["last_utterance"]) == {"speaker", "rs1", "rs2", "persona_score"}
    rows = info["utterances"]
    assert len(rows) == 6 and set(rows[0]) == {
        "speaker",
        "rs1",
        "rs2",
        "persona_score",
        "rs3",
        "reward",
        "credited",
    }
    for agent in "AB":  # rewards paid along the way add up to eq. 10 summed over the agent's utterances
        assert returns[agent] == pytest.approx(info["metrics"][f"reward_{agent}"])
    assert 0.0 <= info["metrics"]["perception_hits1_A"] <= 1.0


def test_observations_show_own_persona_only():
    env = dialenv.make("personachat-joint-v0", exchanges=2)
    steps, _, _ = run(env, options={"personas": PERSONAS})
    agent, obs, _ = steps[1]
    assert agent == "B" and obs["persona"] == tuple(PERSONAS["B"])
    assert obs["text"] == "A says hi" and obs["history"] == ("A: A says hi",) and obs["turn"] == 0
    assert steps[2][1]["turn"] == 1 and len(steps) == 4
    assert all(env.observation_space(agent).contains(obs) for agent, obs, _ in steps)


def test_same_seed_same_personas_and_rewards():
    first, second = dialenv.make("personachat-joint-v0"), dialenv.make("personachat-joint-v0")
    results = [run(env, seed=7) for env in (first, second)]
    assert first.personas == second.personas and results[0][1] == results[1][1]
    run(second, seed=8)
    assert first.personas != second.personas


def test_persona_revealing_utterances_are_perceived():
    env = dialenv.make("personachat-joint-v0")
    _, _, info = run(env, options={"personas": PERSONAS}, say=lambda agent, obs: obs["persona"][0])
    assert info["metrics"]["perception_hits1"] == 1.0
    _, _, quiet = run(env, options={"personas": PERSONAS}, say=lambda agent, obs: "ok")
    assert quiet["metrics"]["rs3_B"] < info["metrics"]["rs3_B"]


def test_revised_personas_and_weights():
    env = dialenv.make(
        "personachat-joint-v0", persona_version="revised", weights={"language": 0, "coherence": 0}
    )
    _, returns, info = run(env, say=lambda agent, obs: obs["persona"][0])
    assert returns["B"] == pytest.approx(0.5 * info["metrics"]["rs3_B"])
    from dialenv.personachat.bank import PERSONAS as BANK

    assert env.personas["A"] in [persona.revised for persona in BANK]


class ConstantLM:
    def mean_log_prob(self, text):
        return -1.0


def test_plugin_scorers_and_bad_arguments():
    env = dialenv.make("personachat-joint-v0", lm=ConstantLM())
    _, _, info = run(env)
    assert all(row["rs1"] == -1.0 for row in info["utterances"])
    env = dialenv.make(
        "personachat-joint-v0", persona_scorer="dialenv.personachat.scorers:RandomPersonaScorer"
    )
    assert isinstance(env.persona_scorer, RandomPersonaScorer)
    with pytest.raises(DialenvError, match="LanguageScorer"):
        dialenv.make("personachat-joint-v0", lm=object())
    with pytest.raises(DialenvError, match="personas='data'"):
        dialenv.make("personachat-joint-v0", opening=True)
    with pytest.raises(DialenvError, match="unknown reward weights"):
        dialenv.make("personachat-joint-v0", weights={"lambda1": 1.0})
    with pytest.raises(DialenvError, match="exchanges"):
        dialenv.make("personachat-joint-v0", exchanges=0)
    with pytest.raises(DialenvError, match='options\\["personas"\\]'):
        dialenv.make("personachat-joint-v0").reset(seed=0, options={"personas": {"A": ["x."]}})


def test_single_agent_view_plays_b_against_the_bank_partner():
    env = dialenv.make("personachat-v0")
    obs, info = env.reset(seed=3)
    assert obs["text"] and obs["history"][0].startswith("A: ")
    total, done, steps = 0.0, False, 0
    while not done:
        obs, reward, terminated, truncated, info = env.step("i like to read books.")
        total += reward
        done, steps = terminated or truncated, steps + 1
    assert steps == 3 and "perception_hits1_B" in info["metrics"]
    assert total == pytest.approx(info["metrics"]["reward_B"])


def test_reference_partners_reveal_their_personas():
    episodes = [
        play_episode(dialenv.make("personachat-joint-v0"), reference_agents("personachat-joint-v0"), s)
        for s in range(10)
    ]
    assert np.mean([episode.metrics["perception_hits1"] for episode in episodes]) > 0.8


@needs_data
def test_dataset_personas_with_opening():
    env = dialenv.make("personachat-joint-v0", personas="data", opening=True)
    steps, _, info = run(env, seed=1)
    assert [agent for agent, _, _ in steps] == ["B", "A", "B", "A", "B"]
    assert env.transcript[0].speaker == "A" and env.transcript[0].text
    assert info["utterances"][0]["credited"] is False
    assert any(env.personas["B"] == dialogue.your_persona for dialogue in env._dialogues)


@needs_data
def test_dataset_mode_is_certified():
    certify("personachat-joint-v0", cross_process=False, personas="data", opening=True)
