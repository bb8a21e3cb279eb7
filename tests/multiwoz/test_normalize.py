"""Slot names and value normalisation: the spellings of the corpus, databases and prediction files agree."""

from __future__ import annotations

import pytest

from dialenv.multiwoz.normalize import is_dontcare, is_unset, normalize_time, normalize_value, time_to_minutes
from dialenv.multiwoz.ontology import act_slot, canonical_slot


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("leaveAt", "leaveat"),
        ("leave at", "leaveat"),
        ("leave", "leaveat"),
        ("arriveBy", "arriveby"),
        ("arrive", "arriveby"),
        ("book people", "people"),
        ("bookstay", "stay"),
        ("price range", "pricerange"),
        ("car type", "car"),
        ("entrance fee", "entrancefee"),
        ("trainID", "trainid"),
        ("name", "name"),
    ],
)
def test_canonical_slot(name, canonical):
    assert canonical_slot(name) == canonical


@pytest.mark.parametrize(
    ("domain", "slot", "canonical"),
    [
        ("Hotel", "Price", "pricerange"),
        ("Train", "Price", "price"),
        ("Train", "Ticket", "price"),
        ("Train", "Time", "duration"),
        ("Restaurant", "Time", "time"),
        ("Booking", "Ref", "reference"),
        ("Train", "Id", "trainid"),
        ("Attraction", "Fee", "entrancefee"),
        ("Hotel", "Post", "postcode"),
        ("general", "none", ""),
    ],
)
def test_act_slot(domain, slot, canonical):
    assert act_slot(domain, slot) == canonical


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("17:45", "17:45"),
        ("9:30", "09:30"),
        ("5pm", "17:00"),
        ("5:30 pm", "17:30"),
        ("12:15pm", "12:15"),
        ("10 a.m.", "10:00"),
        ("1145", "11:45"),
        ("after 14:15", "14:15"),
        ("by 08:00", "08:00"),
        ("afternoon", "13:00"),
        ("noon", "12:00"),
        ("17 : 45", "17:45"),
        ("", "00:00"),
        ("whenever", "whenever"),
    ],
)
def test_normalize_time(text, time):
    assert normalize_time(text) == time


@pytest.mark.parametrize(
    ("slot", "value", "normalized"),
    [
        ("name", "Nando's", "nandos"),
        ("name", "Alexander B & B", "alexander b and b"),
        ("destination", "the junction", "junction theatre"),
        ("food", "portugese", "portuguese"),
        ("food", "Sea food", "seafood"),
        ("type", "guest house", "guesthouse"),
        ("type", "mutliple sports", "multiple sports"),
        ("parking", "free", "yes"),
        ("internet", "free", "yes"),
        ("area", "  Centre ", "centre"),
        ("leaveat", "after 5pm", "17:00"),
        ("area", "do n't care", "dontcare"),
    ],
)
def test_normalize_value(slot, value, normalized):
    assert normalize_value(slot, value) == normalized


def test_unset_and_dontcare_markers():
    assert all(is_unset(value) for value in ("", "not mentioned", "None", " none "))
    assert not is_unset("dontcare")
    assert all(is_dontcare(value) for value in ("dontcare", "don't care", "do n't care", "Dont Care"))
    assert not is_dontcare("any")


def test_time_to_minutes():
    assert time_to_minutes("00:00") == 0
    assert time_to_minutes("9:05") == 545
    assert time_to_minutes("24:38") == 1478
    assert time_to_minutes("soon") is None
    assert time_to_minutes("17:45pm") is None
