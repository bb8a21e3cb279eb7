"""The `dialenv` command line, run in-process through its main()."""

import json

from dialenv.cli import main


def test_list_shows_every_movie_id(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for env_id in ("moviebooking-v0", "moviebooking-joint-v0", "moviebooking-user-v0"):
        assert env_id in out


def test_info_prints_the_doc_page_and_spaces(capsys):
    assert main(["info", "moviebooking-joint-v0"]) == 0
    out = capsys.readouterr().out
    assert "# Movie-ticket booking" in out and "observation space" in out


def test_unknown_id_is_a_clean_error(capsys):
    assert main(["info", "moviebookin-v0"]) == 2
    assert "Did you mean" in capsys.readouterr().err


def test_evaluate_reference_and_random_and_json(tmp_path, capsys):
    out_path = tmp_path / "report.json"
    assert main(["evaluate", "moviebooking-v0", "--episodes", "20", "--json", str(out_path)]) == 0
    reference = json.loads(out_path.read_text())
    assert reference["episodes"] == 20 and len(reference["per_episode"]) == 20
    assert reference["metrics"]["success"]["mean"] > 0.8
    assert main(["evaluate", "moviebooking-v0", "--agent", "random", "--episodes", "20", "--json", str(out_path)]) == 0
    assert json.loads(out_path.read_text())["metrics"]["success"]["mean"] < 0.2
    assert "dialogues/s" in capsys.readouterr().out


def test_evaluate_joint_env_with_side_overrides(capsys):
    assert main(["evaluate", "moviebooking-joint-v0", "--agent", "system=random", "--episodes", "5"]) == 0
    assert main(["evaluate", "moviebooking-joint-v0", "--agent", "random", "--episodes", "5"]) == 2
    assert "SIDE=AGENT" in capsys.readouterr().err


def test_play_saves_a_jsonl_transcript(tmp_path, monkeypatch, capsys):
    lines = iter(["i want 2 tickets for neon gardens", ""])
    monkeypatch.setattr("builtins.input", lambda prompt: next(lines))
    out_path = tmp_path / "play.jsonl"
    assert main(["play", "moviebooking-joint-v0", "--as", "user", "--seed", "3", "--out", str(out_path)]) == 0
    records = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert records[0] == {"speaker": "user", "text": "i want 2 tickets for neon gardens", "acts": [], "belief": {}}
    assert records[1]["speaker"] == "system" and records[1]["text"]
    assert "[your goal]" in capsys.readouterr().out


def test_regress_passes_on_pinned_ids(capsys):
    assert main(["regress", "moviebooking-joint-v0"]) == 0
    assert "ok" in capsys.readouterr().out


def test_evaluate_corpus_dispatches_by_task(tmp_path, capsys):
    import pytest

    from dialenv.data import is_available

    if not is_available("multiwoz21", "test.json.zip"):
        pytest.skip("needs DIALENV_DATA with multiwoz21")
    predictions = tmp_path / "empty.json"
    predictions.write_text("[]")
    assert main(["evaluate-corpus", str(predictions)]) == 2  # a list is not a prediction file
    assert main(["evaluate-corpus", "multiwoz", str(predictions)]) == 2
    assert capsys.readouterr().err.count("predictions must be a dict") == 2
