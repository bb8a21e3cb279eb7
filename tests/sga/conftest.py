"""Shared fixtures of the SGA baseline tests: a hand-made dialogue and database (always available), the
MultiWOZ test split and databases (skipped, saying why, when ``$DIALENV_DATA`` does not hold them), and tiny
tokenizers and models (skipped when torch/transformers/tokenizers are not installed)."""

from __future__ import annotations

import pytest

from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.records import parse_dialogue
from tests.multiwoz.conftest import db, test_split  # noqa: F401  (the shared corpus fixtures)

TAXI = {"taxi_colors": ["black", "white"], "taxi_types": ["toyota", "skoda"]}
TABLES = {
    "restaurant": [
        {
            "name": "Nandos",
            "food": "portuguese",
            "area": "centre",
            "pricerange": "cheap",
            "address": "33 bridge street",
        },
        {"name": "Nandos City Centre", "food": "portuguese", "area": "centre", "pricerange": "cheap"},
        {"name": "Pizza Hut", "food": "italian", "area": "south", "pricerange": "moderate"},
    ],
    "train": [
        {
            "trainID": "TR1",
            "day": "monday",
            "departure": "cambridge",
            "destination": "ely",
            "leaveAt": "09:00",
            "arriveBy": "09:30",
        },
    ],
}


def _span(name, slot, value, start, end):
    return [name, slot, value, start, end]


#: Two turns in the ConvLab-2 corpus format: the user asks for Portuguese food in the centre, the system
#: names a place and its address; then the user books and asks for the phone.
RAW_DIALOGUE = {
    "goal": {
        "restaurant": {
            "info": {"food": "portuguese", "area": "centre"},
            "reqt": ["phone"],
            "book": {"people": "2", "day": "monday", "time": "18:00", "invalid": False},
        },
        "message": [],
        "topic": {},
    },
    "log": [
        {
            "text": "I want Portugese food in the centre .",
            "metadata": {},
            "dialog_act": {"Restaurant-Inform": [["Food", "portugese"], ["Area", "centre"]]},
            "span_info": [
                _span("Restaurant-Inform", "Food", "portugese", 2, 2),
                _span("Restaurant-Inform", "Area", "centre", 6, 6),
            ],
        },
        {
            "text": "Nandos is at 33 Bridge Street .",
            "metadata": {
                "restaurant": {
                    "book": {"booked": [], "people": "", "day": "", "time": ""},
                    "semi": {
                        "food": "portuguese",
                        "pricerange": "",
                        "name": "not mentioned",
                        "area": "centre",
                    },
                }
            },
            "dialog_act": {"Restaurant-Inform": [["Name", "Nandos"], ["Addr", "33 Bridge Street"]]},
            "span_info": [
                _span("Restaurant-Inform", "Name", "Nandos", 0, 0),
                _span("Restaurant-Inform", "Addr", "33 Bridge Street", 3, 5),
            ],
        },
        {
            "text": "Book it for 2 on monday at 18:00 , and what is the phone ?",
            "metadata": {},
            "dialog_act": {
                "Restaurant-Inform": [["People", "2"], ["Day", "monday"], ["Time", "18:00"]],
                "Restaurant-Request": [["Phone", "?"]],
            },
            "span_info": [],
        },
        {
            "text": "Booked , the reference is ABC123 and the phone is 01223 .",
            "metadata": {
                "restaurant": {
                    "book": {"booked": [{"name": "nandos"}], "people": "2", "day": "monday", "time": "18:00"},
                    "semi": {"food": "portuguese", "pricerange": "", "name": "nandos", "area": "centre"},
                }
            },
            "dialog_act": {
                "Booking-Book": [["Ref", "ABC123"]],
                "Restaurant-Inform": [["Phone", "01223"]],
                "general-reqmore": [["none", "none"]],
            },
            "span_info": [
                _span("Booking-Book", "Ref", "ABC123", 5, 5),
                _span("Restaurant-Inform", "Phone", "01223", 10, 10),
            ],
        },
    ],
}


@pytest.fixture(scope="session")
def synthetic_dialogue():
    return parse_dialogue("SNG9999", RAW_DIALOGUE)


@pytest.fixture(scope="session")
def small_db():
    return MultiWOZDatabase(TABLES, TAXI)


@pytest.fixture(scope="session")
def ml():
    """The model module, skipped without the optional packages."""
    pytest.importorskip("torch", reason="the SGA models need torch: pip install 'dialenv[baselines]'")
    pytest.importorskip(
        "transformers", reason="the SGA models need transformers: pip install 'dialenv[baselines]'"
    )
    pytest.importorskip(
        "tokenizers", reason="the SGA models need tokenizers: pip install 'dialenv[baselines]'"
    )
    from baselines.sga import model

    return model


@pytest.fixture(scope="session")
def tiny_tokenizer(ml, synthetic_dialogue, small_db):
    """A byte-level BPE trained on the synthetic dialogue's DS and US sequences."""
    from baselines.sga.sequences import ds_segments, ds_turns, segments_text, us_segments, us_turns

    texts = [segments_text(ds_segments(t)) for t in ds_turns(synthetic_dialogue, small_db)]
    texts += [segments_text(us_segments(t)) for t in us_turns(synthetic_dialogue)]
    return ml.build_tokenizer(texts=texts * 5, vocab_size=500)


@pytest.fixture()
def tiny_model(ml, tiny_tokenizer):
    import torch

    torch.manual_seed(0)
    return ml.build_model(
        tiny_tokenizer, shape=ml.ModelShape(n_layer=1, n_head=2, n_embd=32, n_positions=256)
    )


@pytest.fixture()
def tiny_checkpoints(ml, tiny_model, tiny_tokenizer, tmp_path):
    """Checkpoint directories ``{"ds": ..., "us": ...}`` of the (untrained) tiny model, for agent tests."""
    return {
        kind: ml.save_checkpoint(tmp_path / kind, tiny_model, tiny_tokenizer, {"model": kind})
        for kind in ("ds", "us")
    }
