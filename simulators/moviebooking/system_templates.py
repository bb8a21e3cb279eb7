"""Hand-written system template sets of the movie-booking task: "train" and "test".

Like the user sets (:mod:`simulators.moviebooking.user_templates`), the two differ in wording, so a user
simulator or an agent that reads system text can be evaluated on phrasings it was not trained on.
A system message says its acts sentence by sentence, in a fixed order of intents (greeting, notifications,
inform, confirm, offer, select, request, reqmore, good_bye); acts with values are composed from per-slot
phrases inside an intent's frame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SystemTemplateSet:
    """The wording of one system surface.

    Attributes:
        slotless: intent -> sentences, for greeting, notify_success, notify_failure, reqmore, good_bye.
        request_one: slot -> questions asking for that slot alone.
        request_frames: questions with ``{nouns}``, the asked slots' nouns joined ("movie, date and time").
        nouns: slot -> how a request names it.
        confirm_frames / offer_frames: sentences with ``{body}``: a head followed by the other slots' phrases.
        confirm_heads: ticket heads for a confirm, ``"with_count"`` (uses ``{num_tickets}``) and ``"plain"``.
        offer_heads: offer heads, ``"with_movie"`` (uses ``{movie}``) and ``"plain"``.
        phrases: slot -> phrases inside a frame (for num_tickets only in offers).
        dontcare_phrases: slot -> phrase for a confirmed "any value" (num_tickets: a head).
        select_frames: sentences with ``{options}``, two or more values of one slot.
        select_items: slot -> how one option is said.
        inform_one: slot -> sentences informing one value.
        varied_values: whether times and ticket counts are rendered in varied forms.
    """

    slotless: Mapping[str, Sequence[str]]
    request_one: Mapping[str, Sequence[str]]
    request_frames: Sequence[str]
    nouns: Mapping[str, str]
    confirm_frames: Sequence[str]
    confirm_heads: Mapping[str, Sequence[str]]
    offer_frames: Sequence[str]
    offer_heads: Mapping[str, Sequence[str]]
    phrases: Mapping[str, Sequence[str]]
    dontcare_phrases: Mapping[str, Sequence[str]]
    select_frames: Sequence[str]
    select_items: Mapping[str, str]
    inform_one: Mapping[str, Sequence[str]]
    varied_values: bool


TRAIN = SystemTemplateSet(
    slotless={
        "greeting": ["hello, how can i help you?", "hi! what can i do for you?"],
        "notify_success": [
            "your tickets have been booked.",
            "the booking is complete, your tickets are reserved.",
        ],
        "notify_failure": ["sorry, i couldn't find a matching showing.", "sorry, that is not available."],
        "reqmore": ["is there anything else i can help you with?", "anything else?"],
        "good_bye": ["goodbye!", "have a nice day, goodbye."],
    },
    request_one={
        "movie": ["which movie would you like to see?", "what movie are you interested in?"],
        "theatre_name": ["which theater would you like?", "which theater do you prefer?"],
        "date": ["what date would you like?", "which day would you like to go?"],
        "time": ["what time would you like?", "what time do you prefer?"],
        "num_tickets": ["how many tickets do you need?", "how many tickets would you like?"],
    },
    request_frames=["which {nouns} would you like?", "could you tell me the {nouns}?"],
    nouns={
        "movie": "movie",
        "theatre_name": "theater",
        "date": "date",
        "time": "time",
        "num_tickets": "number of tickets",
    },
    confirm_frames=["just to confirm, you want {body}?", "so you would like {body}, is that right?"],
    confirm_heads={"with_count": ["{num_tickets} tickets"], "plain": ["tickets"]},
    offer_frames=["how about {body}?", "i found {body}."],
    offer_heads={"with_movie": ["{movie}"], "plain": ["a showing"]},
    phrases={
        "movie": ["for {movie}"],
        "theatre_name": ["at {theatre_name}"],
        "date": ["{date@on}"],
        "time": ["at {time}"],
        "num_tickets": ["for {num_tickets} people"],
    },
    dontcare_phrases={
        "movie": ["for any movie"],
        "theatre_name": ["at any theater"],
        "date": ["on any day"],
        "time": ["at any time"],
        "num_tickets": ["any number of tickets"],
    },
    select_frames=["would you prefer {options}?", "which do you prefer: {options}?"],
    select_items={
        "movie": "{movie}",
        "theatre_name": "{theatre_name}",
        "date": "{date}",
        "time": "{time}",
        "num_tickets": "{num_tickets} tickets",
    },
    inform_one={
        "movie": ["the movie is {movie}."],
        "theatre_name": ["the theater is {theatre_name}."],
        "date": ["the date is {date}."],
        "time": ["the time is {time}."],
        "num_tickets": ["the number of tickets is {num_tickets}."],
    },
    varied_values=False,
)

TEST = SystemTemplateSet(
    slotless={
        "greeting": [
            "hey there! what can i do for you today?",
            "welcome! looking for a film?",
            "good evening, how may i help?",
        ],
        "notify_success": [
            "all done! your seats are reserved.",
            "booking complete.",
            "you're all set.",
            "great news, it's booked!",
        ],
        "notify_failure": [
            "i'm afraid nothing matches that.",
            "no luck, there's no such showing.",
            "unfortunately that one is sold out.",
            "hmm, i can't get that for you.",
        ],
        "reqmore": [
            "can i help with anything more?",
            "need anything else?",
            "what else can i do for you?",
            "all good otherwise?",
        ],
        "good_bye": ["enjoy the film!", "take care!", "bye now.", "see you at the movies!"],
    },
    request_one={
        "movie": [
            "what are you in the mood to watch?",
            "any particular film in mind?",
            "what do you want to see?",
        ],
        "theatre_name": ["where would you like to go?", "which cinema suits you?", "got a favourite venue?"],
        "date": ["which day works for you?", "when do you want to go?", "for what date?"],
        "time": ["what showtime suits you?", "roughly what time?", "evening or afternoon show?"],
        "num_tickets": ["how many seats should i reserve?", "for how many people?", "how big is your group?"],
    },
    request_frames=[
        "tell me the {nouns}, please.",
        "what {nouns} did you have in mind?",
        "i'll need the {nouns}.",
    ],
    nouns={
        "movie": "film",
        "theatre_name": "cinema",
        "date": "day",
        "time": "showtime",
        "num_tickets": "number of seats",
    },
    confirm_frames=[
        "let me make sure i've got this right: {body}?",
        "that's {body}, correct?",
        "you're after {body}, yes?",
        "{body} - did i get that right?",
    ],
    confirm_heads={
        "with_count": ["{num_tickets} seats", "{num_tickets} tickets"],
        "plain": ["seats", "a booking"],
    },
    offer_frames=[
        "there's {body}. want it?",
        "i can offer {body}.",
        "would {body} suit you?",
        "what about {body}?",
        "we have {body}.",
    ],
    offer_heads={"with_movie": ["{movie}", "a screening of {movie}"], "plain": ["a screening", "a slot"]},
    phrases={
        "movie": ["for {movie}", "to see {movie}"],
        "theatre_name": ["at {theatre_name}", "over at {theatre_name}"],
        "date": ["{date@on}", "{date@this}"],
        "time": ["at {time}", "starting {time}"],
        "num_tickets": ["for {num_tickets} people", "with {num_tickets} seats"],
    },
    dontcare_phrases={
        "movie": ["for whatever film"],
        "theatre_name": ["wherever"],
        "date": ["any day"],
        "time": ["whenever"],
        "num_tickets": ["however many seats"],
    },
    select_frames=[
        "{options} - which do you prefer?",
        "we've got {options}.",
        "pick one: {options}.",
        "your choices are {options}.",
    ],
    select_items={
        "movie": "{movie}",
        "theatre_name": "{theatre_name}",
        "date": "{date}",
        "time": "{time}",
        "num_tickets": "{num_tickets} seats",
    },
    inform_one={
        "movie": ["it's {movie}.", "the film is {movie}."],
        "theatre_name": ["that's at {theatre_name}.", "it plays at {theatre_name}."],
        "date": ["that would be {date@on}.", "it's {date}."],
        "time": ["it starts at {time}.", "showtime is {time}."],
        "num_tickets": ["that's {num_tickets} seats.", "you have {num_tickets} tickets."],
    },
    varied_values=True,
)

#: The hand-written system surfaces by name.
SYSTEM_TEMPLATE_SETS = {"train": TRAIN, "test": TEST}
