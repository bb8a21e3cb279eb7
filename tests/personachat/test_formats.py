"""Parsers of every PERSONA-CHAT file form: synthetic samples, and the real validation files when present."""

import gzip
import json

import pytest

from dialenv.errors import DataError
from dialenv.personachat import corpus
from dialenv.personachat.formats import parse_hf_json, parse_parlai
from dialenv.personachat.records import Turn

from .conftest import needs_data

SELF_NO_CANDS = """\
1 your persona: i knit hats.
2 your persona: i live by a lake.
3 hi there , how are you ?\tgood , just knitting a hat .
4 cool ! i fish a lot .\tnice , i live by a lake .
1 your persona: i drive a bus.
2 __SILENCE__\thello ! i drive a bus all day .
"""

OTHER_NO_CANDS = """\
1 partner's persona: i fish a lot.
2 hi there , how are you ?\tgood , just knitting a hat .
"""

BOTH_WITH_CANDS = (
    "1 your persona: i knit hats.\n"
    "2 partner's persona: i fish a lot.\n"
    "3 hi there , how are you ?\tgood , just knitting a hat .\t\tno idea .|good , just knitting a hat .|yes\n"
    "4 cool ! i fish a lot .\tnice .\t\tnice .|i like cake .|what ?\n"
)

REVISED_SELF = """\
1 your persona: i make headwear with yarn.
2 hi !\thello , i make hats .
"""


def test_self_view_without_candidates_and_silence():
    first, second = parse_parlai(SELF_NO_CANDS.splitlines())
    assert first.your_persona == ("i knit hats.", "i live by a lake.")
    assert first.partner_persona == () and first.candidates == ()
    assert first.turns == (
        Turn("hi there , how are you ?", "good , just knitting a hat ."),
        Turn("cool ! i fish a lot .", "nice , i live by a lake ."),
    )
    assert second.turns == (Turn("", "hello ! i drive a bus all day ."),)  # __SILENCE__: "you" spoke first
    assert second.utterances() == [("you", "hello ! i drive a bus all day .")]
    assert first.utterances()[:2] == [
        ("partner", "hi there , how are you ?"),
        ("you", "good , just knitting a hat ."),
    ]


def test_other_view_shows_only_the_partner_persona():
    (dialogue,) = parse_parlai(OTHER_NO_CANDS.splitlines())
    assert dialogue.your_persona == () and dialogue.partner_persona == ("i fish a lot.",)
    assert dialogue.partner_utterances() == ["hi there , how are you ?"]


def test_both_view_with_candidates():
    (dialogue,) = parse_parlai(BOTH_WITH_CANDS.splitlines())
    assert dialogue.your_persona == ("i knit hats.",) and dialogue.partner_persona == ("i fish a lot.",)
    assert dialogue.candidates == (
        ("no idea .", "good , just knitting a hat .", "yes"),
        ("nice .", "i like cake .", "what ?"),
    )
    assert all(turn.response in options for turn, options in zip(dialogue.turns, dialogue.candidates))


def test_revised_personas_parse_the_same_way():
    (dialogue,) = parse_parlai(REVISED_SELF.splitlines())
    assert dialogue.your_persona == ("i make headwear with yarn.",)


def test_parlai_errors_name_the_line():
    with pytest.raises(DataError, match="line 2"):
        parse_parlai(["1 your persona: x.", "2 no tab here"], source="sample")
    with pytest.raises(DataError, match="starts with its number"):
        parse_parlai(["your persona: x."])


def test_hf_json_form():
    content = {
        "valid": [
            {
                "personality": ["i knit hats.", "i live by a lake."],
                "utterances": [
                    {"history": ["__ SILENCE __"], "candidates": ["no .", "hi , i knit ."]},
                    {
                        "history": ["__ SILENCE __", "hi , i knit .", "i fish ."],
                        "candidates": ["ok .", "cool ."],
                    },
                ],
            }
        ]
    }
    (dialogue,) = parse_hf_json(content, "valid")
    assert dialogue.your_persona == ("i knit hats.", "i live by a lake.")
    assert dialogue.turns == (Turn("", "hi , i knit ."), Turn("i fish .", "cool ."))
    assert dialogue.candidates == (("no .", "hi , i knit ."), ("ok .", "cool ."))
    assert parse_hf_json(content["valid"]) == [dialogue]  # a bare list is one split
    with pytest.raises(DataError, match="no split 'train'"):
        parse_hf_json(content, "train")
    with pytest.raises(DataError, match="personality"):
        parse_hf_json([{"utterances": []}])


def test_load_path_reads_text_gzip_and_json(tmp_path):
    text = tmp_path / "valid_self_original.txt.gz"
    with gzip.open(text, "wt", encoding="utf-8") as stream:
        stream.write(BOTH_WITH_CANDS)
    assert len(corpus.load_path(text)[0].candidates) == 2
    hf = tmp_path / "personachat_self_original.json"
    hf.write_text(json.dumps({"valid": [{"personality": ["a."], "utterances": []}]}))
    assert corpus.load_path(hf)[0].your_persona == ("a.",)
    with pytest.raises(DataError, match="no file"):
        corpus.load_path(tmp_path / "missing.txt")


def test_file_names_cover_every_registered_variant():
    from dialenv.data import get_dataset

    registered = {entry.name for entry in get_dataset(corpus.DATASET).files}
    for view in corpus.VIEWS:
        for version in corpus.VERSIONS:
            for candidates in (False, True):
                assert corpus.file_name("valid", view, version, candidates) in registered
    assert corpus.HF_JSON in registered
    with pytest.raises(DataError, match="view"):
        corpus.file_name(view="none")


@needs_data
@pytest.mark.parametrize("view", corpus.VIEWS)
def test_real_validation_files(view):
    dialogues = corpus.load_dialogues(view=view)
    assert len(dialogues) == 1000
    assert sum(len(dialogue.turns) for dialogue in dialogues) == 7801
    first = dialogues[0]
    if view != "other":
        assert first.your_persona[0] == "i read twenty books a year."
        assert all(4 <= len(dialogue.your_persona) <= 5 for dialogue in dialogues)
    if view != "self":
        assert first.partner_persona[0] == "horror movies are my favorites."
    assert first.turns[0].partner == "hello what are doing today ?"
    assert first.turns[0].response.startswith("i am good , i just got off work and tired")
