"""Offline metrics: ParlAI F1 normalisation, Hits@1 sanity, perplexity, probing, the command line."""

import json

import numpy as np
import pytest

from dialenv.personachat.formats import parse_parlai
from dialenv.personachat.ngram import KneserNeyLM
from dialenv.personachat.offline import UnconditionalLM, evaluate, examples, f1_score, main, normalize_answer
from dialenv.personachat.perception import rank_of
from dialenv.personachat.probing import build_probes, probe
from dialenv.personachat.records import PersonaDialogue, Turn

from .conftest import needs_data


def dialogues(count=30, turns=4):
    """Synthetic dialogues with distinct personas and responses."""
    return [
        PersonaDialogue(
            (f"i collect item{index}.", f"i live in town{index}."),
            (f"i like color{index}.", f"i drive car{index}."),
            tuple(
                Turn(f"so color{index} {k} ?", f"answer{index} number{k} item{index} .") for k in range(turns)
            ),
        )
        for index in range(count)
    ]


def test_normalize_answer_follows_parlai():
    assert normalize_answer("The cat's hat!") == "cat s hat"
    assert normalize_answer("  An apple, a day...  ") == "apple day"
    assert normalize_answer("theater another") == "theater another"  # articles only as whole words


def test_f1_examples():
    assert f1_score("the cat sat", ["a cat sat"]) == 1.0
    assert f1_score("cat sat on mat", ["cat sat"]) == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert f1_score("", ["cat"]) == 0.0 and f1_score("dog", ["cat"]) == 0.0
    assert f1_score("cat", ["dog", "cat"]) == 1.0  # best reference


class PerfectRanker:
    """Knows the true response to every partner utterance."""

    def __init__(self, truth):
        self.truth = truth

    def rank(self, observation, candidates):
        return [1.0 if candidate == self.truth[observation["text"]] else 0.0 for candidate in candidates]


class RandomRanker:
    def __init__(self):
        self.rng = np.random.default_rng(0)

    def rank(self, observation, candidates):
        return self.rng.random(len(candidates))


class ConstantRanker:
    def rank(self, observation, candidates):
        return [0.0] * len(candidates)


def test_hits_at_1_sanity():
    data = dialogues(count=100, turns=5)
    truth = {turn.partner: turn.response for dialogue in data for turn in dialogue.turns}
    rows = examples(data)
    assert len(rows) == 500 and all(len(row.candidates) == 20 and row.gold == 0 for row in rows)
    assert all(row.response not in row.candidates[1:] for row in rows)
    assert evaluate(PerfectRanker(truth), data)["hits@1"] == 100.0
    assert evaluate(RandomRanker(), data)["hits@1"] == pytest.approx(5.0, abs=2.0)
    assert evaluate(ConstantRanker(), data)["hits@1"] == pytest.approx(5.0)  # ties: exactly chance


def test_rank_of_handles_ties():
    assert rank_of(np.array([1.0, 1.0, 0.0, 1.0]), 0) == (1 / 3, 2.0, pytest.approx((1 + 1 / 2 + 1 / 3) / 3))
    assert rank_of(np.array([0.5, 0.9, 0.1]), 0).rank == 2.0


def test_dataset_candidates_are_used_when_present():
    text = "1 your persona: i knit.\n2 hi !\tyes i knit .\t\tno .|yes i knit .|maybe .\n"
    data = parse_parlai(text.splitlines())
    (row,) = examples(data)
    assert row.candidates == ("no .", "yes i knit .", "maybe .") and row.gold == 1
    result = evaluate(PerfectRanker({"hi !": "yes i knit ."}), data)
    assert result["hits@1"] == 100.0 and result["candidates"] == "dataset"


class EchoAgent:
    def reset(self, seed=None):
        pass

    def act(self, observation):
        return observation["persona"][0]


def test_f1_of_an_agent_and_perplexity_of_a_language_model():
    data = dialogues()
    result = evaluate(EchoAgent(), data)
    assert 0.0 < result["f1"] < 100.0 and "hits@1" not in result
    model = UnconditionalLM(KneserNeyLM([turn.response for dialogue in data for turn in dialogue.turns]))
    in_domain = evaluate(model, data)["ppl"]
    assert (
        1.0 < in_domain < evaluate(UnconditionalLM(KneserNeyLM(["something else entirely ."])), data)["ppl"]
    )


class PersonaOracle:
    """Relevance = how many persona words the utterances use."""

    def relevance(self, utterances, persona):
        words = set(" ".join(persona).replace(".", "").split())
        return float(sum(word in words for text in utterances for word in text.replace(".", "").split()))

    def scores(self, utterances, persona):
        return np.array([self.relevance([text], persona) for text in utterances])


def test_probing_ranks_among_32_personas():
    data = dialogues(count=40)
    probes = build_probes(data, candidates=32, seed=0)
    assert len(probes) == 80 and all(len(item.candidates) == 32 for item in probes)  # both speakers
    assert [item.candidates[0] for item in probes[:2]] == [data[0].your_persona, data[0].partner_persona]
    assert probe(PersonaOracle(), probes)["hits@1"] == 100.0
    with pytest.raises(ValueError, match="distractor"):
        build_probes(data[:10], candidates=32)


def test_main_on_a_local_file(tmp_path, capsys):
    path = tmp_path / "valid_self_original_no_cands.txt"
    lines = []
    for dialogue in dialogues(count=40, turns=2):
        lines += [f"{i + 1} your persona: {sentence}" for i, sentence in enumerate(dialogue.your_persona)]
        lines += [f"{k + 3} {turn.partner}\t{turn.response}" for k, turn in enumerate(dialogue.turns)]
    path.write_text("\n".join(lines) + "\n")
    out = tmp_path / "results.json"
    assert main(["--file", str(path), "--probe", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "40 dialogues, 80 responses" in printed and "Hits@1 (%)" in printed
    results = json.loads(out.read_text())
    assert {"hits@1", "f1", "probing"} <= set(results)
    assert main(["--file", str(tmp_path / "missing.txt")]) == 2
    path.write_text("1 your persona: i knit.\n2 hi\tyes\n")
    assert main(["--file", str(path)]) == 2  # one dialogue: no distractors to sample


@needs_data
def test_main_on_the_validation_split(capsys):
    assert main(["--view", "self"]) == 0
    assert "1000 dialogues, 7801 responses" in capsys.readouterr().out
