"""SGA models: tokenizer encoding, an SL step, checkpoints, batched decoding, the DS pipeline, training."""

from __future__ import annotations

import json

import pytest

from baselines.sga.sequences import (
    BELIEF_SLOTS,
    SPECIAL_TOKENS,
    Segment,
    ds_segments,
    ds_turns,
    us_segments,
    us_turns,
)


def test_special_tokens_are_single_ids(tiny_tokenizer):
    ids = {tiny_tokenizer.id(token) for token in SPECIAL_TOKENS}
    assert len(ids) == len(SPECIAL_TOKENS)
    assert tiny_tokenizer.encode_text("[restaurant] [inform] [name]") == [
        tiny_tokenizer.id("[restaurant]"), tiny_tokenizer.id("[inform]"), tiny_tokenizer.id("[name]")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "[restaurant] food portuguese area centre",
        "[name] is at [address] .",
        "i want portuguese food , please !",
        "",
    ],
)
def test_decode_inverts_encode(tiny_tokenizer, text):
    assert tiny_tokenizer.decode(tiny_tokenizer.encode_text(text)) == text


def test_labels_cover_exactly_the_targets(tiny_tokenizer, synthetic_dialogue, small_db):
    tok = tiny_tokenizer
    for segments in [ds_segments(t) for t in ds_turns(synthetic_dialogue, small_db)] + [
        us_segments(t) for t in us_turns(synthetic_dialogue)
    ]:
        ids, labels = tok.encode_segments(segments)
        assert len(ids) == len(labels)
        expected = []
        for segment in segments:
            body = tok.encode_text(segment.text)
            expected += [-100] + (
                body + [tok.id(f"<eos_{segment.part}>")] if segment.target else [-100] * (len(body) + 1)
            )
        assert labels == expected
        target_text = tok.decode([i for i, label in zip(ids, labels) if label != -100])
        for segment in segments:
            assert (segment.text in target_text) or not segment.target or not segment.text


def test_one_sl_step_lowers_the_loss(ml, tiny_tokenizer, tiny_model, synthetic_dialogue, small_db):
    import torch

    examples = [
        tiny_tokenizer.encode_segments(ds_segments(t)) for t in ds_turns(synthetic_dialogue, small_db)
    ]
    batch = ml.collate(examples, tiny_tokenizer.pad_id)
    optimizer = torch.optim.AdamW(tiny_model.parameters(), lr=1e-2)
    tiny_model.train()
    before = tiny_model(**batch).loss
    before.backward()
    optimizer.step()
    with torch.no_grad():
        after = tiny_model(**batch).loss
    assert float(after) < before.item()


def test_checkpoint_round_trip(ml, tiny_tokenizer, tiny_model, tmp_path):
    import torch

    ml.save_checkpoint(tmp_path / "ckpt", tiny_model, tiny_tokenizer, {"model": "ds", "note": "test"})
    model, tokenizer, info = ml.load_checkpoint(tmp_path / "ckpt")
    assert info["model"] == "ds" and info["note"] == "test" and info["format_version"] == ml.FORMAT_VERSION
    text = "<sos_u> i want portuguese food <eos_u> <sos_b> [restaurant] food portuguese <eos_b>"
    assert tokenizer.encode_text(text) == tiny_tokenizer.encode_text(text)
    assert tokenizer.special == tiny_tokenizer.special and len(tokenizer) == len(tiny_tokenizer)
    ids = torch.tensor([tiny_tokenizer.encode_text(text)])
    tiny_model.eval()
    with torch.no_grad():
        assert torch.equal(model(input_ids=ids).logits, tiny_model(input_ids=ids).logits)


def test_loading_a_non_checkpoint_says_how_to_get_one(ml, tmp_path):
    with pytest.raises(FileNotFoundError, match="baselines.sga.train"):
        ml.load_checkpoint(tmp_path)


def test_batched_decoding_equals_one_by_one(ml, tiny_tokenizer, tiny_model):
    tok = tiny_tokenizer
    prompts = [
        tok.encode_segments([Segment("u", "i want portuguese food in the centre .")])[0]
        + [tok.id("<sos_b>")],
        tok.encode_segments([Segment("b", "[restaurant] food portuguese"), Segment("u", "book it")])[0]
        + [tok.id("<sos_b>")],
    ]
    tiny_model.eval()
    batched = ml.Decoder(tiny_model, tok.pad_id)
    batched.feed(prompts)
    together = batched.generate(tok.id("<eos_b>"), 12)
    alone = []
    for prompt in prompts:
        single = ml.Decoder(tiny_model, tok.pad_id)
        single.feed([prompt])
        alone += single.generate(tok.id("<eos_b>"), 12)
    assert together == alone
    assert all(0 < len(row) <= 12 for row in together)


def test_sampling_is_seeded(ml, tiny_tokenizer, tiny_model):
    tok = tiny_tokenizer
    prompt = tok.encode_segments([Segment("u", "hello")])[0] + [tok.id("<sos_b>")]

    def sample(seed):
        decoder = ml.Decoder(tiny_model.eval(), tok.pad_id, ml.Sampling(do_sample=True, top_k=20, seed=seed))
        decoder.feed([prompt, prompt])
        return decoder.generate(tok.id("<eos_b>"), 10)

    assert sample(1) == sample(1)
    assert sample(1) != sample(2)


def test_ds_pipeline_outputs_valid_structures(ml, tiny_tokenizer, tiny_model, synthetic_dialogue, small_db):
    from baselines.sga.generate import SGASystem, predict_corpus

    system = SGASystem(
        tiny_model, tiny_tokenizer, db=small_db, max_belief_tokens=8, max_act_tokens=6, max_response_tokens=6
    )
    turns = system.respond(
        [("", "", "i want portuguese food"), ("[restaurant] food portuguese", "[name] is here .", "book it")]
    )
    assert len(turns) == 2
    for turn in turns:
        assert isinstance(turn.response, str) and isinstance(turn.db, str)
        assert all(set(slots) <= set(BELIEF_SLOTS[domain]) for domain, slots in turn.belief.items())
    predictions = predict_corpus(system, [synthetic_dialogue], batch_size=4)
    assert list(predictions) == ["sng9999"]
    assert len(predictions["sng9999"]) == 2
    assert all(set(turn) == {"response", "state"} for turn in predictions["sng9999"])


def test_us_pipeline_outputs_valid_structures(tiny_tokenizer, tiny_model):
    from baselines.sga.generate import SGAUser

    user = SGAUser(tiny_model, tiny_tokenizer, max_act_tokens=6, max_text_tokens=6)
    turns = user.act(
        [
            ("", "[restaurant] [goal_info] food portuguese"),
            ("[name] is here .", "[restaurant] [goal_reqt] phone"),
        ]
    )
    assert len(turns) == 2 and all(isinstance(turn.text, str) for turn in turns)


@pytest.mark.slow
def test_predictions_are_accepted_by_the_corpus_evaluator(ml, tiny_tokenizer, tiny_model, test_split, db):
    pytest.importorskip("sacrebleu")
    pytest.importorskip("rapidfuzz")
    from baselines.sga.generate import SGASystem, predict_corpus
    from dialenv.multiwoz.corpus_eval import evaluate_predictions

    system = SGASystem(
        tiny_model, tiny_tokenizer, db=db, max_belief_tokens=6, max_act_tokens=4, max_response_tokens=6
    )
    dialogues = [test_split[key] for key in ("PMUL4648", "SNG0073")]
    results = evaluate_predictions(predict_corpus(system, dialogues, batch_size=2))
    assert results["dialogues"] == 2 and results["state_source"] == "predicted"
    assert results["joint_goal_accuracy"] is not None


@pytest.mark.slow
def test_tiny_training_run_writes_checkpoint_log_and_plot(ml, tmp_path, test_split):
    from dataclasses import replace

    from baselines.sga.train import CONFIGS, train

    out = tmp_path / "run"
    config = replace(CONFIGS["tiny"], holdout=0.02)
    summary = train("ds", config, out, train_split="val", max_dialogues=6, quiet=True)
    assert summary["best_dev_loss"] < 10
    assert {"sga_config.json", "train_log.csv", "loss.png", "config.json", "tokenizer.json"} <= {
        p.name for p in out.iterdir()
    }
    info = json.loads((out / "sga_config.json").read_text())
    assert "train split was not used" in info["data"] and info["model"] == "ds"
    model, _, _ = ml.load_checkpoint(out)
    assert model.config.n_layer == 1


def test_training_on_a_missing_train_split_says_what_to_do(ml, tmp_path, monkeypatch):
    from dialenv import data
    from dialenv.errors import DatasetMissingError

    if data.is_available("multiwoz21", "train.json.zip"):
        pytest.skip("the train split is available here")
    monkeypatch.setenv("DIALENV_OFFLINE", "1")
    from baselines.sga.train import load_dialogues

    with pytest.raises(DatasetMissingError, match="--train-split val"):
        load_dialogues("train", 0.1, 0)


def test_user_model_scores(tiny_tokenizer, tiny_model, synthetic_dialogue):
    pytest.importorskip("sacrebleu")
    from baselines.sga.generate import SGAUser, evaluate_user_model

    user = SGAUser(tiny_model, tiny_tokenizer, max_act_tokens=6, max_text_tokens=6)
    scores = evaluate_user_model(user, [synthetic_dialogue])
    assert scores["turns"] == 2
    assert all(0.0 <= scores[key] <= 100.0 for key in ("act_precision", "act_recall", "act_f1", "act_exact"))
