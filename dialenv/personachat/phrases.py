"""Get-to-know small talk written for dialenv: topics, questions, reactions and greetings.

The persona-bank partner (``simulators.personachat``) speaks with these and its profile sentences; the
default language model (RS.1) is fitted on them together with the persona bank, so the questions and
reactions a partner uses are "human language" to it. Topic keywords are matching terms
(:func:`~dialenv.personachat.text.terms`: lower case, plural ``s`` stripped).
"""

from __future__ import annotations

from typing import NamedTuple


class Topic(NamedTuple):
    """A small-talk topic: keywords that signal it and questions that ask about it."""

    keywords: frozenset[str]
    questions: tuple[str, ...]


def _topic(keywords: str, questions: tuple[str, ...]) -> Topic:
    return Topic(frozenset(keywords.split()), questions)


TOPICS: dict[str, Topic] = {
    "work": _topic(
        "work job living career boss shift office business company retired employ",
        (
            "what do you do for a living?",
            "do you work or go to school?",
            "what kind of job do you have?",
            "do you like your job?",
        ),
    ),
    "hobbies": _topic(
        "fun hobby hobbie weekend free spare collect",
        (
            "what do you like to do for fun?",
            "do you have any hobbies?",
            "what do you do on the weekends?",
            "how do you spend your free time?",
        ),
    ),
    "pets": _topic(
        "pet dog cat bird animal puppy kitten horse named",
        (
            "do you have any pets?",
            "are you a dog person or a cat person?",
            "do you like animals?",
        ),
    ),
    "family": _topic(
        "family kid child children son daughter wife husband married sister brother mom dad grandchildren",
        (
            "do you have any kids?",
            "do you have a big family?",
            "are you married?",
            "do you have any brothers or sisters?",
        ),
    ),
    "food": _topic(
        "food eat cook dinner breakfast lunch meal pizza vegan vegetarian drink coffee",
        (
            "what is your favorite food?",
            "do you like to cook?",
            "what did you have for dinner tonight?",
        ),
    ),
    "music": _topic(
        "music song band guitar piano sing listen concert instrument",
        (
            "what kind of music do you like?",
            "do you play any instruments?",
            "who is your favorite band?",
        ),
    ),
    "places": _topic(
        "live from grew city town moved home state country born travel",
        (
            "where are you from?",
            "where do you live?",
            "do you like to travel?",
        ),
    ),
    "sports": _topic(
        "sport team run gym exercise soccer football baseball hockey swim hike marathon",
        (
            "do you play any sports?",
            "do you like to exercise?",
            "what is your favorite team?",
        ),
    ),
}

#: Openings of a first message.
GREETINGS = ("hi there!", "hello! how are you today?", "hey, nice to meet you.", "hi! how is your day going?")

#: Reactions to something the partner said that the speaker shares.
AGREEMENTS = ("me too!", "oh, same here.", "no way, me too.", "that is something we have in common.")

#: Reactions to something the speaker does not share.
ACKNOWLEDGEMENTS = ("that sounds fun.", "oh, cool.", "that is interesting.", "nice!", "wow, tell me more.")

#: Openings of an answer when no profile sentence fits the question.
DEFLECTIONS = ("not really.", "hmm, i am not sure.", "i never thought about it.")

#: Every sentence of this module, for fitting language models.
ALL_SENTENCES: tuple[str, ...] = (
    *(question for topic in TOPICS.values() for question in topic.questions),
    *GREETINGS,
    *AGREEMENTS,
    *ACKNOWLEDGEMENTS,
    *DEFLECTIONS,
)
