"""Hand-written user template sets of the movie-booking task: "train" and "test".

Paper 002 (sec. 4.1) evaluates with "an extended set of natural language surface forms over the ones used
during training time". The two sets here differ in *wording*, not only in values: the test set has other
phrasings and word orders, colloquial forms and indirect ways to say yes, no and "don't care" ("any time
works", "sounds good", "nah", "i'm easy on the day"); the NLG also renders values differently for it
("7pm", "three seats"). Some of these forms are beyond the rule NLU on purpose: that gap is what the paper
measures.

Placeholders are slot names (``{movie}``, ``{date@on}``, see :mod:`simulators.moviebooking.templates`).
Inform sentences are composed: a *frame* holds a ticket *head* and the other slots' *phrases*; "don't care"
clauses follow in a sentence of their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class UserTemplateSet:
    """The wording of one user surface.

    Attributes:
        slotless: intent -> sentences, for acts without slot (affirm, negate, thank_you, ...).
        combos: tuple of slotless intents (canonical order) -> sentences saying them together.
        leads: greeting/affirm/negate -> short openers put before an inform sentence ("yes,").
        inform_one: slot -> sentences informing that slot alone.
        dontcare_one: slot -> clauses (no final punctuation) saying any value of the slot is fine.
        frames: inform sentences with ``{head}`` (the tickets) and ``{rest}`` (the other slots' phrases).
        count_heads / plain_heads: ticket heads with / without ``{num_tickets}``.
        phrases: slot -> phrases for movie, theatre_name, date and time inside a frame.
        shuffle_phrases: whether the phrases of a frame come in random order (else ``SLOTS`` order).
        varied_values: whether times and ticket counts are rendered in varied forms ("7pm", "three").
    """

    slotless: Mapping[str, Sequence[str]]
    combos: Mapping[tuple[str, ...], Sequence[str]]
    leads: Mapping[str, Sequence[str]]
    inform_one: Mapping[str, Sequence[str]]
    dontcare_one: Mapping[str, Sequence[str]]
    frames: Sequence[str]
    count_heads: Sequence[str]
    plain_heads: Sequence[str]
    phrases: Mapping[str, Sequence[str]]
    shuffle_phrases: bool
    varied_values: bool


TRAIN = UserTemplateSet(
    slotless={
        "greeting": ["hello.", "hi there.", "hi, i need movie tickets."],
        "affirm": ["yes.", "yes, that is correct.", "yes please.", "that's right.", "okay."],
        "negate": ["no.", "no, that is not right.", "no, that's wrong."],
        "request_alts": [
            "do you have another option?",
            "can you show me something else?",
            "any other options?",
        ],
        "thank_you": ["thank you.", "thanks.", "thank you very much."],
        "good_bye": ["bye.", "goodbye.", "goodbye, see you."],
        "cant_understand": ["sorry, i don't understand.", "i did not understand, can you repeat that?"],
    },
    combos={
        ("thank_you", "good_bye"): ["thanks, bye.", "thank you, goodbye."],
        ("negate", "request_alts"): [
            "no, do you have another option?",
            "no, can you show me something else?",
        ],
        ("negate", "thank_you"): ["no, thank you.", "no thanks."],
        ("negate", "good_bye"): ["no, bye.", "no. goodbye."],
    },
    leads={
        "greeting": ["hello,", "hi,"],
        "affirm": ["yes,", "yes, correct,"],
        "negate": ["no,", "no, sorry,"],
    },
    inform_one={
        "movie": ["i want to see {movie}.", "the movie is {movie}.", "{movie}, please."],
        "theatre_name": [
            "at {theatre_name}, please.",
            "the theater is {theatre_name}.",
            "i want to go to {theatre_name}.",
        ],
        "date": ["{date@on}, please.", "i want to go {date@on}.", "the date is {date}."],
        "time": ["at {time}, please.", "the time is {time}.", "i want the {time} showing."],
        "num_tickets": [
            "{num_tickets} tickets, please.",
            "i need {num_tickets} tickets.",
            "for {num_tickets} people.",
        ],
    },
    dontcare_one={
        "movie": ["any movie is fine", "i don't care about the movie"],
        "theatre_name": ["any theater is fine", "i don't care about the theater"],
        "date": ["any day is fine", "i don't care about the date"],
        "time": ["any time is fine", "i don't care about the time"],
        "num_tickets": ["any number of tickets is fine"],
    },
    frames=[
        "i would like {head} {rest}.",
        "i want {head} {rest}.",
        "can i get {head} {rest}?",
        "please book {head} {rest}.",
    ],
    count_heads=["{num_tickets} tickets"],
    plain_heads=["tickets"],
    phrases={
        "movie": ["for {movie}", "to see {movie}"],
        "theatre_name": ["at {theatre_name}"],
        "date": ["{date@on}", "for {date}"],
        "time": ["at {time}", "for the {time} showing"],
    },
    shuffle_phrases=False,
    varied_values=False,
)

TEST = UserTemplateSet(
    slotless={
        "greeting": ["hey there!", "good evening.", "hiya!", "howdy, i'm after some cinema tickets."],
        "affirm": [
            "sounds good.",
            "yep!",
            "that works for me.",
            "perfect.",
            "sure thing.",
            "uh-huh.",
            "that'd be great.",
            "absolutely.",
            "you got it.",
            "yeah, go ahead.",
        ],
        "negate": [
            "nah.",
            "nope.",
            "not really.",
            "hmm, i'd rather not.",
            "that doesn't work for me.",
            "no way.",
        ],
        "request_alts": [
            "got anything else?",
            "what other options are there?",
            "show me something different.",
            "any alternatives?",
            "what else is on?",
            "is there another showing?",
        ],
        "thank_you": ["thanks a lot!", "cheers.", "much appreciated.", "ta.", "thx!"],
        "good_bye": ["see ya!", "bye for now.", "later!", "take care."],
        "cant_understand": ["sorry, what?", "huh?", "i didn't get that.", "come again?", "what do you mean?"],
    },
    combos={
        ("thank_you", "good_bye"): [
            "cheers, bye!",
            "thanks, see ya!",
            "great, thanks and bye.",
            "ta, later!",
        ],
        ("negate", "request_alts"): [
            "nah, got anything else?",
            "nope, what else is there?",
            "not that one, any alternatives?",
        ],
        ("negate", "thank_you"): ["nah, thanks anyway.", "no thank you."],
        ("negate", "good_bye"): ["nope, bye then.", "no, never mind. bye."],
    },
    leads={
        "greeting": ["hey,", "hey there!", "good evening,"],
        "affirm": ["yep,", "sounds good,", "sure,", "yeah, and"],
        "negate": ["nah,", "nope,", "hmm no,", "not quite,"],
    },
    inform_one={
        "movie": [
            "{movie} please.",
            "how about {movie}?",
            "i'd love to catch {movie}.",
            "{movie}!",
            "gonna go with {movie}.",
        ],
        "theatre_name": [
            "{theatre_name} would be ideal.",
            "let's do {theatre_name}.",
            "somewhere like {theatre_name}.",
            "over at {theatre_name}.",
        ],
        "date": [
            "{date} works for me.",
            "let's say {date@this}.",
            "{date@on} if possible.",
            "i'm free {date@on}.",
        ],
        "time": ["around {time}.", "{time} would be great.", "let's make it {time}.", "the {time} show."],
        "num_tickets": [
            "{num_tickets} seats.",
            "there'll be {num_tickets} of us.",
            "we need {num_tickets} spots.",
            "party of {num_tickets}.",
            "tickets for {num_tickets}.",
        ],
    },
    dontcare_one={
        "movie": [
            "any film will do",
            "i'm not picky about the movie",
            "surprise me with the film",
            "whatever's on",
        ],
        "theatre_name": [
            "any cinema works",
            "wherever is fine",
            "doesn't matter where",
            "i'm not fussed about the venue",
        ],
        "date": [
            "any day works",
            "i'm flexible on the date",
            "the day doesn't matter to me",
            "i'm easy on the day",
        ],
        "time": [
            "any time works",
            "whenever is fine",
            "time doesn't matter",
            "the showtime isn't important",
            "i'm easy on the time",
        ],
        "num_tickets": ["any number of seats", "however many tickets you have"],
    },
    frames=[
        "could you get me {head} {rest}?",
        "i'm after {head} {rest}.",
        "gonna need {head} {rest}.",
        "lemme grab {head} {rest}.",
        "{rest}, {head} please.",
        "i'd love {head} {rest}, if you can.",
        "any chance of {head} {rest}?",
    ],
    count_heads=[
        "{num_tickets} seats",
        "{num_tickets} tickets",
        "tickets for {num_tickets} people",
        "{num_tickets} spots",
    ],
    plain_heads=["tickets", "seats", "a booking"],
    phrases={
        "movie": ["for {movie}", "to watch {movie}", "to catch {movie}"],
        "theatre_name": ["at {theatre_name}", "over at {theatre_name}", "in {theatre_name}"],
        "date": ["{date@on}", "{date@this}", "for {date}"],
        "time": ["at {time}", "around {time}", "for the {time} show"],
    },
    shuffle_phrases=True,
    varied_values=True,
)

#: The hand-written user surfaces by name.
USER_TEMPLATE_SETS = {"train": TRAIN, "test": TEST}
