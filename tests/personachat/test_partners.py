"""The built-in partners: answers from the profile, determinism, retrieval without repetition."""

import pytest

from dialenv.personachat.records import PersonaDialogue, Turn
from simulators.personachat.bank_partner import PersonaBankPartner
from simulators.personachat.matching import is_question, questions_in, topics_of
from simulators.personachat.partner import PersonaPartner
from simulators.personachat.retrieval_partner import RetrievalPartner

PERSONA = (
    "i teach chemistry at a public high school.",
    "i have a three legged cat named tripod.",
    "i grew up in paris.",
    "i play bass guitar in a punk band.",
)


def observe(text, history=("A: hi",)):
    return {"persona": PERSONA, "text": text, "history": history, "turn": 1}


def test_question_helpers():
    assert is_question("do you like cats") and not is_question("i like cats.")
    assert questions_in("i live in a van. where are you from?") == "where are you from?"
    assert topics_of("what do you do for a living?") == {"work"}
    assert "work" in topics_of("i am a nurse.")


def test_bank_partner_answers_from_its_profile_and_asks_back():
    partner = PersonaBankPartner()
    partner.reset(0)
    reply = partner.act(observe("do you have any pets?"))
    assert reply.startswith("i have a three legged cat named tripod.") and reply.endswith("?")
    assert "chemistry" in partner.act(observe("so what do you do for a living?"))
    reaction = partner.act(observe("i grew up in paris too."))
    assert reaction.startswith(("me too!", "oh, same here.", "no way, me too.", "that is something we have"))
    assert "i grew up in paris." in reaction


def test_bank_partner_is_deterministic_per_seed():
    first, second = PersonaBankPartner(), PersonaBankPartner()
    texts = ["", "nice. do you like music?", "i like to swim.", "cool!"]
    for partner in (first, second):
        partner.reset(5)
    assert [first.act(observe(text, history=())) for text in texts] == [
        second.act(observe(text, history=())) for text in texts
    ]
    opening = first.act(observe("", history=()))
    assert opening  # never silent


def test_retrieval_partner_follows_context_and_persona_without_repeating():
    dialogues = [
        PersonaDialogue((), (), (Turn("do you have pets ?", "yes , my cat tripod has three legs ."),)),
        PersonaDialogue((), (), (Turn("do you have pets ?", "no , i hate animals ."),)),
        PersonaDialogue((), (), (Turn("where are you from ?", "i grew up in paris , france ."),)),
    ]
    partner = RetrievalPartner(dialogues)
    partner.reset(0)
    assert partner.act(observe("do you have any pets ?")) == "yes , my cat tripod has three legs ."
    assert partner.act(observe("do you have any pets ?")) != "yes , my cat tripod has three legs ."
    assert partner.act(observe("", history=())) in partner.openings
    assert len(partner.rank(observe("pets ?"), ["a", "b"])) == 2


def test_persona_partner_sources():
    assert isinstance(PersonaPartner().impl, PersonaBankPartner)
    with pytest.raises(ValueError, match="source"):
        PersonaPartner(source="web")
