"""JRUD: the token returns U_{i,t} = γ^{|A_t|-i} R_t and the direction of one policy-gradient step."""

from __future__ import annotations

import pytest


@pytest.fixture()
def jrud():
    pytest.importorskip("torch", reason="JRUD needs torch: pip install 'dialenv[baselines]'")
    from baselines.sga import jrud

    return jrud


def test_token_returns_discount_from_the_last_generated_token(jrud):
    import torch

    mask = torch.tensor([[0, 1, 1, 1, 0], [1, 1, 0, 0, 0]], dtype=torch.bool)
    returns = jrud.token_returns(mask, torch.tensor([2.0, 0.0]), gamma=0.5)
    assert returns.tolist() == [[0.0, 0.5, 1.0, 2.0, 0.0], [0.0] * 5]


def _log_prob(model, example, pad_id):
    """Summed log-probability of the labelled (generated) tokens of one example."""
    import torch

    from baselines.sga.model import IGNORE, collate

    batch = collate([example], pad_id)
    with torch.no_grad():
        logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits[:, :-1]
    targets = batch["labels"][:, 1:]
    chosen = torch.log_softmax(logits, -1).gather(-1, targets.clamp(min=0)[..., None])[..., 0]
    return float((chosen * (targets != IGNORE)).sum())


@pytest.fixture()
def rewarded_turn(tiny_model, tiny_tokenizer, synthetic_dialogue, small_db):
    from baselines.sga.sequences import ds_segments, ds_turns

    turn = ds_turns(synthetic_dialogue, small_db)[1]
    return tiny_tokenizer.encode_segments(ds_segments(turn))


def test_rl_step_raises_the_log_probability_of_a_rewarded_sequence(
    jrud, tiny_model, tiny_tokenizer, rewarded_turn
):
    import torch

    tiny_model.eval()
    before = _log_prob(tiny_model, rewarded_turn, tiny_tokenizer.pad_id)
    optimizer = torch.optim.SGD(tiny_model.parameters(), lr=0.05)
    loss = jrud.rl_step(tiny_model, optimizer, [rewarded_turn], [1.0], 0.99, tiny_tokenizer.pad_id)
    assert loss is not None and loss > 0
    assert _log_prob(tiny_model, rewarded_turn, tiny_tokenizer.pad_id) > before


def test_rl_step_with_zero_reward_changes_nothing(jrud, tiny_model, tiny_tokenizer, rewarded_turn):
    import torch

    before = [parameter.detach().clone() for parameter in tiny_model.parameters()]
    optimizer = torch.optim.AdamW(tiny_model.parameters(), lr=0.05)  # weight decay would move them if stepped
    assert (
        jrud.rl_step(tiny_model, optimizer, [rewarded_turn] * 2, [0.0, 0.0], 0.99, tiny_tokenizer.pad_id)
        is None
    )
    assert all(torch.equal(a, b) for a, b in zip(before, tiny_model.parameters()))


def test_rl_step_in_micro_batches_equals_one_batch(
    jrud, ml, tiny_tokenizer, rewarded_turn, synthetic_dialogue, small_db
):
    import torch

    from baselines.sga.sequences import ds_segments, ds_turns

    examples = [
        tiny_tokenizer.encode_segments(ds_segments(turn)) for turn in ds_turns(synthetic_dialogue, small_db)
    ]
    rewards = [1.0, 0.5, 0.0, 2.0][: len(examples)]
    updated = []
    for micro_batch in (1, 16):
        torch.manual_seed(0)
        model = ml.build_model(
            tiny_tokenizer, shape=ml.ModelShape(n_layer=1, n_head=2, n_embd=32, n_positions=256)
        )
        for module in model.modules():
            if isinstance(module, torch.nn.Dropout):
                module.p = 0.0  # identical forward passes whatever the chunking
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        jrud.rl_step(model, optimizer, examples, rewards, 0.9, tiny_tokenizer.pad_id, micro_batch=micro_batch)
        updated.append([parameter.detach().clone() for parameter in model.parameters()])
    assert all(torch.allclose(a, b, atol=1e-6) for a, b in zip(*updated))


def test_jrud_loop_selects_logs_and_resumes(jrud, tiny_checkpoints, db, tmp_path):
    import csv

    config = jrud.JRUDConfig(us_cycles=1, ds_cycles=1, dialogues=1, sl_batch=2, max_turns=2, lr=1e-3,
                             reward="synthetic", eval_every=1, eval_goals=1)  # fmt: skip
    out = tmp_path / "run"
    quiet = lambda text: None
    log = jrud.train_jrud(out, config, tiny_checkpoints["ds"], tiny_checkpoints["us"], log=quiet)
    rows = list(csv.DictReader(log.open()))
    assert [row["phase"] for row in rows] == ["us", "ds"]
    evaluations = list(csv.DictReader((out / "jrud_eval.csv").open()))
    assert [row["cycle"] for row in evaluations] == ["0", "1", "2"]  # the SL pair, then after each cycle
    assert (out / "best-us" / "model.safetensors").is_file() and (
        out / "best-ds" / "model.safetensors"
    ).is_file()
    assert (out / "jrud_curves.png").is_file()
    # a finished run resumes to nothing new; other settings are refused rather than mixed in
    jrud.train_jrud(out, config, log=quiet)
    assert len(list(csv.DictReader(log.open()))) == 2
    with pytest.raises(jrud.RunMismatchError):
        jrud.train_jrud(out, jrud.JRUDConfig(us_cycles=2, ds_cycles=1, dialogues=1), log=quiet)
