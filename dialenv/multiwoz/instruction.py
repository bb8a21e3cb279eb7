"""A MultiWOZ goal as the sentence a crowd worker would be shown (the user's ``instruction`` observation)."""

from __future__ import annotations

from dialenv.multiwoz.goal import Goal

_SLOT_WORDS = {
    "pricerange": "price range",
    "leaveat": "leave after",
    "arriveby": "arrive by",
    "entrancefee": "entrance fee",
    "trainid": "train id",
    "postcode": "postcode",
}


def _describe(constraints: dict[str, str]) -> str:
    return ", ".join(f"{_SLOT_WORDS.get(slot, slot)} {value}" for slot, value in constraints.items())


def goal_instruction(goal: Goal) -> str:
    """One or two sentences per domain: what to look for, what to book, what to ask, what to try first."""
    sentences = []
    for domain, part in goal.items():
        first = part.fail_info or part.info
        sentences.append(f"You are looking for a {domain} with {_describe(first)}." if first else f"You need a {domain}.")
        if part.fail_info:
            sentences.append(f"If there is none, try {_describe(part.info)} instead.")
        if part.book:
            tried = part.fail_book or part.book
            sentences.append(f"Book it for {_describe(tried)}.")
            if part.fail_book:
                sentences.append(f"If that fails, book for {_describe(part.book)}.")
        if part.reqt:
            sentences.append(f"Ask for the {', '.join(_SLOT_WORDS.get(slot, slot) for slot in part.reqt)}.")
    return " ".join(sentences)
