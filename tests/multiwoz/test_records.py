"""Records: parsing, the SGA cleaning, delexicalization and the user goal state.

The first tests use a small hand-written dialogue in the corpus format; the rest check the real test split.
"""

from __future__ import annotations

from dialenv.acts import DialogueAct
from dialenv.multiwoz.delex import delexicalize
from dialenv.multiwoz.records import Span, parse_dialogue


def _metadata(restaurant_semi: dict, booked: list | None = None) -> dict:
    semi = {"food": "", "pricerange": "", "name": "", "area": ""} | restaurant_semi
    return {
        "restaurant": {"book": {"booked": booked or [], "people": "", "day": "", "time": ""}, "semi": semi},
        "hotel": {
            "book": {"booked": [], "people": "", "day": "", "stay": ""},
            "semi": {"name": "not mentioned"},
        },
    }


RAW = {
    "goal": {
        "restaurant": {
            "info": {"food": "portugese", "area": "centre"},
            "reqt": ["phone", "address"],
            "book": {"people": "2", "day": "monday", "time": "18:00", "invalid": False},
            "fail_info": {},
        },
        "hotel": {},
        "topic": {"restaurant": True},
        "message": ["..."],
    },
    "log": [
        {
            "text": "I want Portugese food in the centre .",
            "metadata": {},
            "dialog_act": {"Restaurant-Inform": [["Food", "portugese"], ["Area", "centre"]]},
            "span_info": [
                ["Restaurant-Inform", "Food", "portugese", 2, 2],
                ["Restaurant-Inform", "Area", "centre", 6, 6],
            ],
        },
        {
            "text": "Nandos is at 33 Bridge Street .",
            "metadata": _metadata({"food": "portugese", "area": "centre", "name": "nandos"}),
            "dialog_act": {"Restaurant-Inform": [["Name", "Nandos"], ["Addr", "33 Bridge Street"]]},
            "span_info": [
                ["Restaurant-Inform", "Name", "Nandos", 0, 0],
                ["Restaurant-Inform", "Addr", "33 Bridge Street", 3, 5],
            ],
        },
        {
            "text": "Book Nando 's for 2 on monday at 18:00 , and what is the phone ?",
            "metadata": {},
            "dialog_act": {
                "Restaurant-Inform": [
                    ["Name", "nandos"],
                    ["People", "2"],
                    ["Day", "monday"],
                    ["Time", "18:00"],
                ],
                "Restaurant-Request": [["Phone", "?"]],
            },
            "span_info": [],
        },
        {
            "text": "Done , reference ABCD1234 . Their phone is 01223 .",
            "metadata": _metadata(
                {"food": "portugese", "area": "centre", "name": "nandos"},
                booked=[{"name": "nandos", "reference": "x"}],
            ),
            "dialog_act": {"Booking-Book": [["Ref", "ABCD1234"]], "Restaurant-Inform": [["Phone", "01223"]]},
            "span_info": [
                ["Booking-Book", "Ref", "ABCD1234", 3, 3],
                ["Restaurant-Inform", "Phone", "01223", 8, 8],
            ],
        },
    ],
}


def test_parse_turns_acts_and_spans():
    dialogue = parse_dialogue("TEST0001", RAW)
    assert [turn.speaker for turn in dialogue.turns] == ["user", "system", "user", "system"]
    assert dialogue.turns[0].acts == (
        DialogueAct("inform", "restaurant", "food", "portuguese"),
        DialogueAct("inform", "restaurant", "area", "centre"),
    )
    assert dialogue.turns[2].acts[-1] == DialogueAct("request", "restaurant", "phone", "?")
    assert dialogue.turns[1].span_info[1] == Span("inform", "restaurant", "address", "33 Bridge Street", 3, 6)
    assert dialogue.turns[0].belief == {} and dialogue.turns[0].booked == frozenset()


def test_portugese_is_corrected_in_user_text_and_belief():
    dialogue = parse_dialogue("TEST0001", RAW)
    assert dialogue.turns[0].text == "I want Portuguese food in the centre ."
    assert dialogue.turns[1].belief["restaurant"]["food"] == "portuguese"
    assert dialogue.goal["restaurant"].info["food"] == "portuguese"


def test_unmentioned_names_are_removed_from_the_belief():
    dialogue = parse_dialogue("TEST0001", RAW)
    # "nandos" was only said by the system (lexicalized), so the first belief state must not contain it ...
    assert dialogue.turns[1].belief == {"restaurant": {"food": "portuguese", "area": "centre"}}
    # ... but once the user says "Nando 's" it stays; empty / "not mentioned" values never appear.
    assert dialogue.turns[3].belief["restaurant"]["name"] == "nandos"
    assert "hotel" not in dialogue.turns[3].belief
    assert dialogue.turns[3].booked == frozenset({"restaurant"})


def test_delexicalized_text():
    dialogue = parse_dialogue("TEST0001", RAW)
    assert dialogue.turns[1].delex == "[name] is at [address] ."
    assert dialogue.turns[3].delex == "Done , reference [reference] . Their phone is [phone] ."
    assert dialogue.turns[0].delex == "I want [food] food in the [area] ."


def test_delexicalize_skips_overlaps_dontcare_and_bad_indices():
    spans = [
        Span("inform", "restaurant", "name", "Nandos", 0, 1),
        Span("book", "booking", "name", "Nandos", 0, 1),  # the same words annotated twice
        Span("inform", "restaurant", "area", "dontcare", 2, 3),
        Span("inform", "restaurant", "phone", "1", 5, 9),  # past the end of the text
    ]
    assert delexicalize("Nandos ,  any  area", spans) == "[name] , any area"


def test_goal_and_goal_states():
    dialogue = parse_dialogue("TEST0001", RAW)
    goal = dialogue.goal
    assert list(goal) == ["restaurant"]
    assert goal["restaurant"].book == {"people": "2", "day": "monday", "time": "18:00"}
    assert goal["restaurant"].reqt == ("phone", "address")
    first, second = dialogue.goal_states()
    assert first == goal
    # after "portuguese food in the centre" only the booking and the requests remain
    assert second["restaurant"].info == {}
    assert second["restaurant"].book == goal["restaurant"].book
    final = second.after(dialogue.turns[2].acts)
    assert final["restaurant"].reqt == ("address",)
    done = final.after([DialogueAct("request", "restaurant", "address", "?")])
    assert len(done) == 0


def test_test_split_loads_cleanly(test_split):
    assert len(test_split) == 1000
    turns = [turn for dialogue in test_split.values() for turn in dialogue.turns]
    assert len(turns) == 14744
    assert all(
        turn.speaker == ("user" if i % 2 == 0 else "system")
        for d in test_split.values()
        for i, turn in enumerate(d.turns)
    )
    for dialogue in test_split.values():
        for turn in dialogue.turns:
            assert "portugese" not in (turn.text if turn.speaker == "user" else "").lower()
            for slots in turn.belief.values():
                assert all(value and value not in ("not mentioned", "none") for value in slots.values())
                assert "portugese" not in slots.values()


def test_real_examples(test_split):
    dialogue = test_split["PMUL4648"]
    assert dialogue.turns[0].delex == "Please find a restaurant called [name] ."
    assert dialogue.turns[3].delex.endswith("The closest I can find is [name] .")
    assert dialogue.goal["attraction"].info == {"name": "nusha"}
    # the user informs the attraction name in turn 1, so it leaves the goal state
    assert dialogue.goal_states()[1]["attraction"].info == {}
    booked = [sorted(turn.booked) for turn in test_split["MUL1575"].system_turns]
    assert booked[:3] == [[], [], ["restaurant"]] and booked[5] == ["restaurant", "train"]
    # SGA cleaning: "copper kettle" was offered by the system and never said by the user
    assert "name" not in test_split["PMUL2437"].turns[9].belief.get("restaurant", {})
    # ... while a name the user typed stays, even with the corpus's "Mary 's" tokenization
    assert test_split["MUL2609"].turns[1].belief["attraction"]["name"] == "great saint marys church"
