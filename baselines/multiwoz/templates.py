"""The hand-written system template sets of the MultiWOZ rule system: "train" and "test".

The two sets say the same acts in different words, so an agent that reads system text (a user simulator
with an NLU, a learned user) can be tested on phrasings it was not trained on. Templates are lower case
text with ``{slot}`` placeholders (canonical slot names, as in the acts); the realizer
(:mod:`baselines.multiwoz.nlg`) fills them with the act values, or with ``[slot]`` for delexicalized text.

Lookup keys: ``"domain-slot"`` for wording specific to a domain, else ``"slot"``; values of yes/no slots
have their own sentences (``"parking=yes"``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SystemTemplateSet:
    """The wording of one surface.

    Attributes:
        general: intent -> sentences, for greet, welcome, bye, reqmore, offerbook, nobook.
        request: ``"domain-slot"`` -> questions (``booking-people`` for the booking arguments).
        inform: ``"domain-slot"``/``"slot"``/``"slot=value"`` -> clauses saying one attribute ("it has ...").
        unknown: clauses for an attribute the database lacks, with ``{noun}``.
        nouns: slot -> noun, for ``unknown`` clauses.
        domain_nouns: domain -> noun ("restaurant", "place to stay"); ``domain_plurals`` the plural.
        choice: sentences with ``{choice}`` and ``{nouns}`` (the number of matches).
        offer: ``"recommend"``/``"inform"``/``"train"`` -> sentences introducing the offered entity.
        booked: ``"book"``/``"offerbooked"`` -> sentences with ``{reference}``.
        nooffer: sentences with ``{noun}`` and ``{constraints}``; ``nooffer_plain`` without constraints.
        constraints: ``"slot"``/``"slot=value"`` -> phrases describing a constraint inside a nooffer.
    """

    general: Mapping[str, Sequence[str]]
    request: Mapping[str, Sequence[str]]
    inform: Mapping[str, Sequence[str]]
    unknown: Sequence[str]
    nouns: Mapping[str, str]
    domain_nouns: Mapping[str, str]
    domain_plurals: Mapping[str, str]
    choice: Sequence[str]
    offer: Mapping[str, Sequence[str]]
    booked: Mapping[str, Sequence[str]]
    nooffer: Sequence[str]
    nooffer_plain: Sequence[str]
    constraints: Mapping[str, Sequence[str]]


_NOUNS = {
    "address": "address",
    "phone": "phone number",
    "postcode": "postcode",
    "entrancefee": "entrance fee",
    "openhours": "opening hours",
    "area": "area",
    "pricerange": "price range",
    "food": "type of food",
    "type": "type",
    "stars": "star rating",
    "parking": "parking",
    "internet": "internet",
    "price": "ticket price",
    "duration": "travel time",
    "leaveat": "departure time",
    "arriveby": "arrival time",
    "car": "car type",
    "department": "department",
    "name": "name",
    "departure": "departure",
    "destination": "destination",
    "day": "day",
    "trainid": "train id",
}

_DOMAIN_NOUNS = {
    "restaurant": "restaurant",
    "hotel": "place to stay",
    "attraction": "attraction",
    "train": "train",
    "taxi": "taxi",
    "hospital": "department",
    "police": "police station",
}
_DOMAIN_PLURALS = {
    "restaurant": "restaurants",
    "hotel": "places to stay",
    "attraction": "attractions",
    "train": "trains",
    "taxi": "taxis",
    "hospital": "departments",
    "police": "police stations",
}

TRAIN = SystemTemplateSet(
    general={
        "greet": [
            "hello, how can i help you today?",
            "welcome to cambridge towninfo centre. how can i help?",
        ],
        "welcome": ["you are welcome. goodbye!", "you're welcome, have a great day!"],
        "bye": ["thank you for using our service. goodbye!", "goodbye, have a nice day!"],
        "reqmore": ["is there anything else i can help you with?", "can i help you with anything else?"],
        "offerbook": ["would you like me to book tickets?", "shall i book it for you?"],
        "nobook": [
            "i'm sorry, the booking was unsuccessful. would you like to try another day or time?",
            "unfortunately i could not make that booking. could you try a different day or time?",
        ],
    },
    request={
        "restaurant-food": ["what type of food would you like?", "what kind of cuisine are you looking for?"],
        "restaurant-area": ["which area of town would you like?", "what part of town do you prefer?"],
        "restaurant-pricerange": [
            "what price range are you looking for?",
            "do you have a price range in mind?",
        ],
        "hotel-type": ["would you prefer a hotel or a guesthouse?", "do you want a hotel or a guesthouse?"],
        "hotel-area": ["which area of town would you like to stay in?", "what part of town do you prefer?"],
        "hotel-pricerange": ["what price range are you looking for?", "do you have a price range in mind?"],
        "hotel-stars": ["how many stars should the place have?", "what star rating would you like?"],
        "hotel-parking": ["do you need free parking?", "will you need parking?"],
        "hotel-internet": ["do you need free wifi?", "will you need internet?"],
        "attraction-type": [
            "what type of attraction are you interested in?",
            "what kind of place would you like to visit?",
        ],
        "attraction-area": ["which area of town would you like?", "what part of town do you prefer?"],
        "train-departure": ["where will you be departing from?", "where are you leaving from?"],
        "train-destination": ["where are you travelling to?", "what is your destination?"],
        "train-day": ["what day would you like to travel?", "which day will you be travelling?"],
        "train-leaveat": ["what time would you like to leave?", "when would you like to depart?"],
        "train-arriveby": ["what time do you need to arrive by?", "when do you want to arrive?"],
        "train-people": ["how many tickets do you need?", "how many people will be travelling?"],
        "taxi-departure": ["where will you be departing from?", "where should the taxi pick you up?"],
        "taxi-destination": ["where are you going?", "where would you like the taxi to take you?"],
        "taxi-leaveat": ["what time would you like to leave?", "when would you like to be picked up?"],
        "taxi-arriveby": ["what time do you need to arrive by?", "when do you want to arrive?"],
        "hospital-department": [
            "which department do you need?",
            "which hospital department are you looking for?",
        ],
        "booking-people": ["how many people is the booking for?", "for how many people?"],
        "booking-day": ["what day would you like the booking for?", "which day should i book?"],
        "booking-time": [
            "what time would you like the reservation?",
            "at what time should i book the table?",
        ],
        "booking-stay": ["how many nights will you be staying?", "for how many nights?"],
    },
    inform={
        "address": ["the address is {address}", "it is located at {address}"],
        "phone": ["the phone number is {phone}", "you can call them on {phone}"],
        "postcode": ["the postcode is {postcode}", "its postcode is {postcode}"],
        "area": ["it is in the {area}", "it is located in the {area} area"],
        "pricerange": ["it is in the {pricerange} price range", "the price range is {pricerange}"],
        "food": ["it serves {food} food", "they serve {food} cuisine"],
        "hotel-type": ["it is a {type}", "it is listed as a {type}"],
        "attraction-type": ["it is a {type} attraction", "the attraction type is {type}"],
        "stars": ["it has {stars} stars", "it is rated {stars} stars"],
        "parking=yes": ["it has free parking", "parking is available"],
        "parking=no": ["it has no parking", "there is no parking"],
        "internet=yes": ["it has free wifi", "internet is available"],
        "internet=no": ["it has no internet", "there is no wifi"],
        "entrancefee": ["the entrance fee is {entrancefee}", "admission is {entrancefee}"],
        "openhours": ["the opening hours are: {openhours}", "it is open {openhours}"],
        "name": ["it is called {name}", "the name is {name}"],
        "trainid": ["the train id is {trainid}", "it is train {trainid}"],
        "leaveat": ["it leaves at {leaveat}", "it departs at {leaveat}"],
        "arriveby": ["it arrives at {arriveby}", "it gets in at {arriveby}"],
        "departure": ["it departs from {departure}", "it leaves from {departure}"],
        "destination": ["it goes to {destination}", "its destination is {destination}"],
        "day": ["it runs on {day}", "the day is {day}"],
        "price": ["a ticket costs {price}", "the price is {price}"],
        "duration": ["the journey takes {duration}", "the travel time is {duration}"],
        "taxi-car": ["your taxi is a {car}", "a {car} will pick you up"],
        "taxi-phone": ["the contact number is {phone}", "you can reach the driver on {phone}"],
        "department": ["the department is {department}", "it is the {department} department"],
        "taxi-departure": ["it picks you up at {departure}", "the pick up is at {departure}"],
        "taxi-destination": ["it takes you to {destination}", "it drives to {destination}"],
        "taxi-leaveat": ["it leaves at {leaveat}", "it departs at {leaveat}"],
        "taxi-arriveby": ["it arrives by {arriveby}", "it gets there by {arriveby}"],
        "people": ["it is for {people} people", "the booking is for {people} people"],
        "stay": ["it is for {stay} nights", "the stay is {stay} nights"],
        "time": ["the time is {time}", "it is at {time}"],
        "reference": ["the reference number is {reference}", "your reference is {reference}"],
    },
    unknown=["i am afraid i do not know the {noun}", "i do not have the {noun}"],
    nouns=_NOUNS,
    domain_nouns=_DOMAIN_NOUNS,
    domain_plurals=_DOMAIN_PLURALS,
    choice=["there are {choice} {nouns} that match.", "i found {choice} {nouns} for you."],
    offer={
        "recommend": ["i recommend {name}.", "how about {name}?"],
        "inform": ["{name} matches your request.", "i found {name}."],
        "train": ["train {trainid} would work.", "i have train {trainid}."],
    },
    booked={
        "book": [
            "your booking was successful. the reference number is {reference}.",
            "i have made the booking. your reference number is {reference}.",
        ],
        "offerbooked": [
            "i have booked the tickets. the reference number is {reference}.",
            "your train is booked, the reference number is {reference}.",
        ],
    },
    nooffer=["sorry, there is no {noun} {constraints}.", "i could not find a {noun} {constraints}."],
    nooffer_plain=["sorry, i could not find a matching {noun}.", "there is no {noun} like that."],
    constraints={
        "food": ["serving {food} food"],
        "area": ["in the {area}"],
        "pricerange": ["in the {pricerange} price range"],
        "type": ["of type {type}"],
        "stars": ["with {stars} stars"],
        "parking=yes": ["with free parking"],
        "parking=no": ["without parking"],
        "internet=yes": ["with free wifi"],
        "internet=no": ["without internet"],
        "name": ["called {name}"],
        "departure": ["from {departure}"],
        "destination": ["to {destination}"],
        "day": ["on {day}"],
        "leaveat": ["leaving after {leaveat}"],
        "arriveby": ["arriving by {arriveby}"],
        "department": ["called {department}"],
    },
)

TEST = SystemTemplateSet(
    general={
        "greet": ["hi there! what can i do for you?", "good day, what are you looking for?"],
        "welcome": ["my pleasure. enjoy your time in cambridge!", "glad i could help. take care!"],
        "bye": ["enjoy your trip, bye!", "thanks for contacting us. bye now!"],
        "reqmore": ["do you need help with anything else?", "what else can i do for you?"],
        "offerbook": ["do you want me to reserve seats?", "should i go ahead and book it?"],
        "nobook": [
            "sadly that booking failed. is another day or time possible?",
            "that booking did not go through, i'm sorry. maybe a different day or time?",
        ],
    },
    request={
        "restaurant-food": ["any particular cuisine?", "what food are you in the mood for?"],
        "restaurant-area": ["is there a part of town you prefer?", "where in town should it be?"],
        "restaurant-pricerange": ["how much would you like to spend?", "cheap, moderate or expensive?"],
        "hotel-type": ["a hotel, or rather a guesthouse?", "what kind of lodging do you want?"],
        "hotel-area": ["where in town should it be?", "is there a part of town you prefer?"],
        "hotel-pricerange": ["how much would you like to spend?", "cheap, moderate or expensive?"],
        "hotel-stars": ["do you have a star rating in mind?", "how many stars are you after?"],
        "hotel-parking": ["is parking important to you?", "should it have parking?"],
        "hotel-internet": ["should it have wifi?", "is internet important to you?"],
        "attraction-type": ["what sort of attraction do you fancy?", "any particular kind of attraction?"],
        "attraction-area": ["where in town should it be?", "is there a part of town you prefer?"],
        "train-departure": ["which station are you leaving from?", "from where will you travel?"],
        "train-destination": ["where would you like to go?", "which station are you heading to?"],
        "train-day": ["on which day?", "when are you travelling, which day?"],
        "train-leaveat": ["when do you want to leave?", "is there a departure time you prefer?"],
        "train-arriveby": ["by when should you arrive?", "is there a time you need to be there by?"],
        "train-people": ["for how many passengers?", "how many seats shall i reserve?"],
        "taxi-departure": ["where do you want to be picked up?", "what is the pick up location?"],
        "taxi-destination": ["what is the drop off location?", "where should the taxi go?"],
        "taxi-leaveat": ["when should the taxi come?", "what time do you need the taxi?"],
        "taxi-arriveby": ["by when do you need to be there?", "is there a time you must arrive by?"],
        "hospital-department": ["what department are you after?", "which unit of the hospital do you need?"],
        "booking-people": ["how many guests?", "how big is your party?"],
        "booking-day": ["on which day?", "for what day?"],
        "booking-time": ["at what time?", "what time works for you?"],
        "booking-stay": ["how long will you stay?", "how many nights do you need?"],
    },
    inform={
        "address": ["you will find it at {address}", "its address is {address}"],
        "phone": ["their number is {phone}", "call {phone} to reach them"],
        "postcode": ["the post code is {postcode}", "postcode: {postcode}"],
        "area": ["it's in the {area} part of town", "you'll find it in the {area}"],
        "pricerange": ["prices are {pricerange}", "it is {pricerange}"],
        "food": ["the cuisine is {food}", "the menu is {food}"],
        "hotel-type": ["it's a {type}", "this one is a {type}"],
        "attraction-type": ["it's a {type}", "it counts as {type}"],
        "stars": ["it's a {stars} star place", "the rating is {stars} stars"],
        "parking=yes": ["you can park there for free", "free parking is included"],
        "parking=no": ["parking is not offered", "you can't park there"],
        "internet=yes": ["wifi is included", "there's free internet"],
        "internet=no": ["wifi is not offered", "they have no wifi"],
        "entrancefee": ["entry costs {entrancefee}", "the entry fee is {entrancefee}"],
        "openhours": ["opening times: {openhours}", "it opens {openhours}"],
        "name": ["its name is {name}", "it's {name}"],
        "trainid": ["the train number is {trainid}", "that's train {trainid}"],
        "leaveat": ["departure is at {leaveat}", "it sets off at {leaveat}"],
        "arriveby": ["arrival is at {arriveby}", "it reaches its destination at {arriveby}"],
        "departure": ["it starts at {departure}", "the departure station is {departure}"],
        "destination": ["it ends at {destination}", "the arrival station is {destination}"],
        "day": ["it goes on {day}", "that is on {day}"],
        "price": ["the fare is {price}", "tickets are {price}"],
        "duration": ["it's a {duration} ride", "the trip lasts {duration}"],
        "taxi-car": ["look out for a {car}", "the car will be a {car}"],
        "taxi-phone": ["the driver's number is {phone}", "call {phone} to reach the driver"],
        "department": ["that's the {department} department", "the unit is {department}"],
        "taxi-departure": ["pick up from {departure}", "you'll be collected at {departure}"],
        "taxi-destination": ["drop off at {destination}", "you'll be taken to {destination}"],
        "taxi-leaveat": ["pick up at {leaveat}", "it comes at {leaveat}"],
        "taxi-arriveby": ["you'll be there by {arriveby}", "arrival by {arriveby}"],
        "people": ["that's for {people} guests", "the party is {people} people"],
        "stay": ["that's {stay} nights", "you stay {stay} nights"],
        "time": ["that's at {time}", "the reservation time is {time}"],
        "reference": ["quote {reference} when you arrive", "the confirmation code is {reference}"],
    },
    unknown=["sadly the {noun} isn't listed", "our records don't show the {noun}"],
    nouns=_NOUNS,
    domain_nouns=_DOMAIN_NOUNS,
    domain_plurals=_DOMAIN_PLURALS,
    choice=["we have {choice} {nouns} like that.", "{choice} {nouns} fit what you said."],
    offer={
        "recommend": ["you might like {name}.", "{name} is a good option."],
        "inform": ["{name} is the one for you.", "there's {name}."],
        "train": ["{trainid} fits.", "you could take {trainid}."],
    },
    booked={
        "book": [
            "all set! your confirmation code is {reference}.",
            "done, it's reserved. reference: {reference}.",
        ],
        "offerbooked": [
            "done, your seats are reserved. reference: {reference}.",
            "tickets booked! the confirmation code is {reference}.",
        ],
    },
    nooffer=[
        "unfortunately nothing fits: no {noun} {constraints}.",
        "i'm afraid there's no {noun} {constraints}.",
    ],
    nooffer_plain=["unfortunately no {noun} fits that.", "i'm afraid nothing matches."],
    constraints={
        "food": ["with {food} cuisine"],
        "area": ["in the {area} part of town"],
        "pricerange": ["that is {pricerange}"],
        "type": ["that is a {type}"],
        "stars": ["rated {stars} stars"],
        "parking=yes": ["that has parking"],
        "parking=no": ["that lacks parking"],
        "internet=yes": ["that has wifi"],
        "internet=no": ["that lacks wifi"],
        "name": ["named {name}"],
        "departure": ["leaving {departure}"],
        "destination": ["going to {destination}"],
        "day": ["running on {day}"],
        "leaveat": ["departing after {leaveat}"],
        "arriveby": ["getting in by {arriveby}"],
        "department": ["named {department}"],
    },
)

SYSTEM_TEMPLATE_SETS = {"train": TRAIN, "test": TEST}
