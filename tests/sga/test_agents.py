"""SGA-DS / SGA-US as dialenv agents: act grounding, checkpoint checks, and a full joint-env episode."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dialenv.acts import DialogueAct
from dialenv.errors import DialenvError


def test_ground_acts_fills_offers_from_belief_and_database(small_db):
    from baselines.sga.agents import ground_acts

    env = SimpleNamespace(db=small_db, query=small_db.query)
    belief = {"restaurant": {"food": "portuguese", "area": "centre", "people": "2"}}
    acts = (
        DialogueAct("inform", "restaurant", "name", ""),
        DialogueAct("inform", "restaurant", "choice", ""),
        DialogueAct("inform", "restaurant", "food", ""),
        DialogueAct("book", "booking", "people", ""),
        DialogueAct("request", "restaurant", "area", ""),
        DialogueAct("inform", "restaurant", "phone", ""),  # not in the table: stays empty
    )
    grounded = ground_acts(acts, belief, env, "restaurant")
    assert [act.value for act in grounded] == ["Nandos", "2", "portuguese", "2", "", ""]


def test_flat_belief_keeps_only_env_slots():
    from baselines.sga.agents import flat_belief

    belief = {"restaurant": {"food": "thai", "area": ""}, "taxi": {"car": "red"}}
    assert flat_belief(belief) == {"restaurant-food": "thai"}


def test_checkpoint_of_the_wrong_model_is_refused(tiny_checkpoints):
    from baselines.sga.agents import SGASystemAgent, SGAUserAgent

    SGAUserAgent(tiny_checkpoints["us"])
    with pytest.raises(DialenvError, match="expected 'ds'"):
        SGASystemAgent(tiny_checkpoints["us"])


def test_system_agent_needs_the_env(tiny_checkpoints):
    from baselines.sga.agents import SGASystemAgent

    with pytest.raises(DialenvError, match="attach"):
        SGASystemAgent(tiny_checkpoints["ds"]).act({"text": "hello"})


def test_joint_episode_with_tiny_models_on_both_sides(tiny_checkpoints, db):
    from baselines.sga.agents import SGASystemAgent, SGAUserAgent
    from dialenv.registration import make
    from dialenv.rollout import play_episode

    env = make("multiwoz-joint-v0", max_turns=3)
    agents = {"system": SGASystemAgent(tiny_checkpoints["ds"]), "user": SGAUserAgent(tiny_checkpoints["us"])}
    episode = play_episode(env, agents, seed=0)
    assert {"success", "inform", "book", "turns"} <= set(episode.metrics)
    assert episode.metrics["turns"] == len(agents["system"].turns) <= 3
    assert len(agents["user"].turns) == len(agents["system"].turns)
    assert agents["user"].turns[0].prev_response == ""  # r_0 is empty
    again = play_episode(env, agents, seed=0)  # reset(seed) makes the episode reproducible
    assert again.transcript == episode.transcript


def test_delexicalize_puts_placeholders_back_for_act_values():
    from baselines.sga.agents import delexicalize

    acts = [
        {"intent": "inform", "domain": "restaurant", "slot": "name", "value": "Pizza Hut City Centre"},
        {"intent": "inform", "domain": "restaurant", "slot": "area", "value": "centre"},
        {"intent": "inform", "domain": "restaurant", "slot": "choice", "value": "2"},
        {"intent": "reqmore", "domain": "general", "slot": "", "value": ""},
    ]
    text = "pizza hut city centre is in the centre . i found 2 , one opens at 12:00 ."
    assert delexicalize(text, acts) == "[name] is in the [area] . i found [choice] , one opens at 12:00 ."
    assert delexicalize(text, []) == text


def test_batched_play_of_sga_agents_equals_one_dialogue_at_a_time(tiny_checkpoints, db):
    from baselines.sga.agents import SGASystemAgent, SGAUserAgent, load_policy
    from dialenv.registration import make
    from dialenv.rollout import play_batched, play_episode

    policies = {kind: load_policy(kind, tiny_checkpoints[kind]) for kind in ("ds", "us")}

    def agents():
        return {"system": SGASystemAgent(policy=policies["ds"]), "user": SGAUserAgent(policy=policies["us"])}

    seeds = [0, 7, 3, 12, 5]
    env = make("multiwoz-joint-v0", max_turns=3)
    alone = [play_episode(env, agents(), seed) for seed in seeds]
    together = play_batched(lambda: make("multiwoz-joint-v0", max_turns=3), agents, seeds, width=4)
    assert [e.transcript for e in together] == [e.transcript for e in alone]
    assert [e.metrics for e in together] == [e.metrics for e in alone]
