"""Hand-written wording of the MultiWOZ user simulator: the "train" and the "test" template sets.

A system is trained against one set and evaluated against the other, to measure how it copes with
phrasings it never saw (as paper 002 does for movie booking). The sets differ in *wording* (other frames,
word orders, colloquial and indirect forms: "somewhere to crash", "whatever area", "cheers, bye"), and the
test set also says values differently ("5:30 pm", "guest house", "four people"), so some of its forms
are beyond a rule NLU tuned on the train set: that gap is what the two sets are for.

Placeholders: ``{noun}`` (what the user looks for: "a restaurant", "a guesthouse"), ``{phrases}`` (the
constraint or booking phrases of the turn), ``{value}`` (one slot's value), ``{nouns}`` (requested
attributes, joined with "and"), ``{the}`` (the entity asked about: "the restaurant"). Keys of ``phrases``/``request_nouns``: ``"domain-slot"`` for wording
specific to a domain, else ``"slot"``; yes/no slots have one entry per value (``"parking=yes"``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class UserTemplateSet:
    """The wording of one user surface.

    Attributes:
        nouns: domain -> ways to name what the user looks for ("a restaurant", "a place to stay").
        the: domain -> how a request refers to the offered entity ("the restaurant").
        type_nouns: ``type`` value -> the noun that replaces the domain noun ("a guesthouse", "a museum").
        openings: domain -> first sentences about a domain, with ``{noun}`` and ``{phrases}``.
        continuations: ``"venue"``/``"travel"``/``"hospital"`` -> later sentences with ``{phrases}``.
        phrases: constraint phrases with ``{value}``.
        bookings: domain -> booking sentences with ``{phrases}``; ``booking_phrases`` slot -> phrases.
        dontcare: slot -> sentences saying any value is fine ("any area is fine."); ``dontcare_any`` says it
            of other slots, with ``{noun}``.
        requests: sentences asking for ``{nouns}`` (of ``{the}``); ``request_nouns`` what each attribute is
            called.
        suggest: asking for a suggestion when the system offered nothing, with ``{noun}``.
        general: tuple of general intents -> sentences (``("thank", "bye")`` says both).
        shuffle: whether constraint phrases come in random order (else a fixed natural order).
        varied_values: whether times and counts are said in varied forms ("5:30 pm", "four").
    """

    nouns: Mapping[str, Sequence[str]]
    the: Mapping[str, str]
    type_nouns: Mapping[str, Sequence[str]]
    openings: Mapping[str, Sequence[str]]
    continuations: Mapping[str, Sequence[str]]
    phrases: Mapping[str, Sequence[str]]
    bookings: Mapping[str, Sequence[str]]
    booking_phrases: Mapping[str, Sequence[str]]
    dontcare: Mapping[str, Sequence[str]]
    dontcare_any: Sequence[str]
    requests: Sequence[str]
    request_nouns: Mapping[str, str]
    suggest: Sequence[str]
    general: Mapping[tuple[str, ...], Sequence[str]]
    shuffle: bool
    varied_values: bool


_REQUEST_NOUNS = {
    "address": "address",
    "phone": "phone number",
    "postcode": "postcode",
    "area": "area",
    "pricerange": "price range",
    "food": "type of food",
    "type": "type",
    "stars": "star rating",
    "internet": "internet",
    "parking": "parking",
    "entrancefee": "entrance fee",
    "openhours": "opening hours",
    "trainid": "train id",
    "duration": "travel time",
    "price": "price",
    "leaveat": "departure time",
    "arriveby": "arrival time",
    "departure": "departure",
    "destination": "destination",
    "day": "day",
    "car": "car type",
    "taxi-phone": "contact number",
    "reference": "reference number",
    "department": "department",
    "name": "name",
    "people": "number of people",
    "time": "time",
    "stay": "length of stay",
}

TRAIN = UserTemplateSet(
    nouns={
        "restaurant": ["a restaurant", "a place to eat"],
        "hotel": ["a place to stay", "somewhere to stay"],
        "attraction": ["an attraction", "a place to go"],
        "train": ["a train"],
        "taxi": ["a taxi"],
        "hospital": ["a hospital"],
        "police": ["the police station"],
    },
    the={
        "restaurant": "the restaurant",
        "hotel": "the hotel",
        "attraction": "the attraction",
        "train": "the train",
        "taxi": "the taxi",
        "hospital": "the hospital",
        "police": "the police station",
    },
    type_nouns={
        "hotel": ["an actual hotel", "a place to stay that is a hotel"],
        "guesthouse": ["a guesthouse"],
        "museum": ["a museum"],
        "college": ["a college"],
        "architecture": ["some architecture"],
        "theatre": ["a theatre"],
        "nightclub": ["a nightclub"],
        "entertainment": ["some entertainment"],
        "park": ["a park"],
        "boat": ["a boat attraction"],
        "cinema": ["a cinema"],
        "swimmingpool": ["a swimmingpool"],
        "concerthall": ["a concerthall"],
        "multiple sports": ["a multiple sports attraction"],
    },
    openings={
        "restaurant": ["i am looking for {noun} {phrases}.", "i need {noun} {phrases}."],
        "hotel": ["i am looking for {noun} {phrases}.", "i need {noun} {phrases}."],
        "attraction": ["i am looking for {noun} {phrases}.", "i want to visit {noun} {phrases}."],
        "train": ["i am looking for a train {phrases}.", "i need a train {phrases}."],
        "taxi": ["i need a taxi {phrases}.", "i would like to book a taxi {phrases}."],
        "hospital": ["i am looking for a hospital {phrases}.", "i need a hospital {phrases}."],
        "police": ["i am looking for the police station.", "i need the police station."],
    },
    continuations={
        "venue": ["it should be {phrases}.", "i would like something {phrases}."],
        "travel": ["i would like to travel {phrases}.", "it should be {phrases}."],
        "hospital": ["i need the hospital {phrases}."],
    },
    phrases={
        "name": ["called {value}"],
        "food": ["serving {value} food", "that serves {value} food"],
        "area": ["in the {value}", "in the {value} of town"],
        "pricerange": ["in the {value} price range"],
        "type": ["of type {value}"],
        "stars": ["with {value} stars", "rated {value} stars"],
        "internet=yes": ["with free wifi", "with free internet"],
        "internet=no": ["without internet"],
        "parking=yes": ["with free parking"],
        "parking=no": ["without parking"],
        "departure": ["from {value}", "leaving from {value}"],
        "destination": ["to {value}", "going to {value}"],
        "day": ["on {value}"],
        "leaveat": ["leaving after {value}", "that leaves after {value}"],
        "arriveby": ["arriving by {value}", "that arrives by {value}"],
        "department": ["with the {value} department"],
    },
    bookings={
        "restaurant": ["please book a table {phrases}.", "can you book it {phrases}?"],
        "hotel": ["please book it {phrases}.", "can you book a room {phrases}?"],
        "train": ["please book it {phrases}.", "can you book tickets {phrases}?"],
        "taxi": ["please book it {phrases}."],
        "attraction": ["please book it {phrases}."],
        "hospital": ["please book it {phrases}."],
        "police": ["please book it {phrases}."],
    },
    booking_phrases={
        "people": ["for {value} people"],
        "day": ["on {value}"],
        "time": ["at {value}"],
        "stay": ["for {value} nights"],
    },
    dontcare={
        "area": ["any area is fine.", "i don't care about the area."],
        "pricerange": ["any price range is fine.", "i don't care about the price."],
        "food": ["any type of food is fine.", "i don't care about the food."],
        "type": ["any type is fine.", "i don't care about the type."],
        "stars": ["any star rating is fine.", "i don't care about the stars."],
        "internet": ["i don't care about the internet."],
        "parking": ["i don't care about the parking."],
        "name": ["i don't have a particular one in mind.", "any of them is fine."],
        "leaveat": ["any departure time is fine.", "i don't care when it leaves."],
        "arriveby": ["any arrival time is fine.", "i don't care when it arrives."],
        "day": ["any day is fine."],
        "departure": ["i don't care where it leaves from."],
        "destination": ["i don't care where it goes."],
        "department": ["any department is fine."],
    },
    dontcare_any=["any {noun} is fine."],
    requests=[
        "what is the {nouns} of {the}?",
        "can you tell me the {nouns}?",
        "could you give me the {nouns}?",
    ],
    request_nouns=_REQUEST_NOUNS,
    suggest=["can you recommend {noun}? what is the name?", "could you suggest one? what is the name?"],
    general={
        ("thank", "bye"): ["thank you, goodbye.", "thanks for your help, bye."],
        ("thank",): ["thank you.", "thanks."],
        ("bye",): ["goodbye.", "bye."],
        ("greet",): ["hello.", "hi."],
    },
    shuffle=False,
    varied_values=False,
)

TEST = UserTemplateSet(
    nouns={
        "restaurant": ["somewhere to eat", "a spot for dinner", "a good restaurant"],
        "hotel": ["somewhere to crash", "accommodation", "a room somewhere"],
        "attraction": ["something to do", "something to see in town", "a sight worth seeing"],
        "train": ["a train"],
        "taxi": ["a cab"],
        "hospital": ["the hospital"],
        "police": ["the police"],
    },
    the={
        "restaurant": "that place",
        "hotel": "that place",
        "attraction": "that place",
        "train": "that train",
        "taxi": "the cab",
        "hospital": "the hospital",
        "police": "the police",
    },
    type_nouns={
        "hotel": ["a proper hotel"],
        "guesthouse": ["a guest house", "a guesthouse"],
        "museum": ["a museum to visit"],
        "college": ["one of the colleges"],
        "architecture": ["a building with great architecture"],
        "theatre": ["a theatre show"],
        "nightclub": ["a club for the night", "a nightclub"],
        "entertainment": ["some fun entertainment"],
        "park": ["a nice park"],
        "boat": ["a boat trip"],
        "cinema": ["a cinema to catch a film"],
        "swimmingpool": ["a swimming pool"],
        "concerthall": ["a concert hall"],
        "multiple sports": ["a place for multiple sports"],
    },
    openings={
        "restaurant": ["could you find me {noun} {phrases}?", "hey, i'm after {noun} {phrases}."],
        "hotel": ["i need {noun} {phrases}, can you help?", "could you find me {noun} {phrases}?"],
        "attraction": ["any ideas for {noun} {phrases}?", "i'd love to find {noun} {phrases}."],
        "train": ["are there any trains {phrases}?", "i have to catch a train {phrases}."],
        "taxi": ["could you get me a cab {phrases}?", "i'd like a car to pick me up, {phrases}."],
        "hospital": ["where is the hospital {phrases}?"],
        "police": ["how do i reach the police?"],
    },
    continuations={
        "venue": ["oh, and {phrases} please.", "ideally {phrases}."],
        "travel": ["oh, and {phrases}.", "i'll be travelling {phrases}."],
        "hospital": ["the one {phrases}."],
    },
    phrases={
        "name": ["named {value}", "by the name of {value}"],
        "food": ["with {value} cuisine", "that does {value} dishes"],
        "area": ["over in the {value}", "around the {value} part of town"],
        "pricerange": ["that's {value}", "on the {value} side"],
        "type": ["that is a {value}"],
        "stars": ["with a {value} star rating", "that has {value} stars"],
        "internet=yes": ["that has wifi", "with wireless internet"],
        "internet=no": ["with no wifi needed"],
        "parking=yes": ["where i can park", "with a parking spot"],
        "parking=no": ["with no parking needed"],
        "departure": ["departing {value}", "out of {value}"],
        "destination": ["heading to {value}", "into {value}"],
        "day": ["this {value}", "on a {value}"],
        "leaveat": ["some time after {value}", "not before {value}"],
        "arriveby": ["getting in before {value}", "that gets there by {value}"],
        "department": ["that has {value}"],
    },
    bookings={
        "restaurant": ["reserve me a table {phrases}, please.", "i'd like a reservation {phrases}."],
        "hotel": ["could you reserve it {phrases}?", "i'd like to stay there {phrases}."],
        "train": ["grab me seats {phrases}.", "i need seats {phrases}."],
        "taxi": ["reserve it {phrases}."],
        "attraction": ["reserve it {phrases}."],
        "hospital": ["reserve it {phrases}."],
        "police": ["reserve it {phrases}."],
    },
    booking_phrases={
        "people": ["for a group of {value}", "for {value} of us"],
        "day": ["starting {value}", "this {value}"],
        "time": ["around {value}", "for {value}"],
        "stay": ["for {value} nights in total", "lasting {value} nights"],
    },
    dontcare={
        "area": ["whatever area, i'm not fussy.", "location doesn't matter to me."],
        "pricerange": ["price is no object.", "i'm flexible on price."],
        "food": ["i'll eat anything.", "cuisine doesn't matter."],
        "type": ["i'm open to anything.", "whatever kind you like."],
        "stars": ["stars don't matter to me.", "the rating is not important."],
        "internet": ["wifi is not important."],
        "parking": ["parking is not important."],
        "name": ["you choose one for me.", "surprise me."],
        "leaveat": ["i can leave whenever.", "the departure time doesn't matter."],
        "arriveby": ["i'm not in a hurry to arrive.", "whenever it gets there is fine."],
        "day": ["the day is flexible."],
        "departure": ["pick me up wherever suits."],
        "destination": ["the drop off doesn't matter."],
        "department": ["whichever department."],
    },
    dontcare_any=["the {noun} doesn't matter to me."],
    requests=["i'd also like to know the {nouns} of {the}.", "mind sharing the {nouns}?", "and the {nouns}?"],
    request_nouns={**_REQUEST_NOUNS, "phone": "number", "postcode": "post code", "trainid": "train number"},
    suggest=["which one would you pick?", "got a favourite among them?"],
    general={
        ("thank", "bye"): ["cheers, that's all i needed. bye!", "great, thanks a lot. see you!"],
        ("thank",): ["cheers.", "much appreciated."],
        ("bye",): ["see you.", "bye for now."],
        ("greet",): ["hey there.", "good morning."],
    },
    shuffle=True,
    varied_values=True,
)

USER_TEMPLATE_SETS = {"train": TRAIN, "test": TEST}
