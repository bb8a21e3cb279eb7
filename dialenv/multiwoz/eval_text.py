"""Response normalisation of the standard MultiWOZ evaluator (Nekvinda & Dušek 2021).

Systems delexicalize in different styles: ``[value_name]`` (DAMD, UBAR), ``[restaurant_name]`` (HDSA,
MarCo), ``[name]`` (AuGPT, dialenv). Before BLEU and Inform/Success, every response and every reference is
mapped to one style: the text is lower-cased, each placeholder (with an optional plural suffix ``s``,
``es``, ``-s``, ``-es``) becomes its slot *category* in capitals (``[value_name]``, ``[hotel_name]`` and
``[name]`` all become ``NAME``), and the leftovers ``-s`` and ``-ly`` are deleted. Capitals can then only
come from placeholders, so Inform/Success can look for ``NAME``, ``TRAINID``, ``PHONE`` ... by substring.

The categories and the placeholder names they accept are the standard evaluator's. A placeholder of
unknown name becomes the empty string (and is reported by :func:`normalize_response`), as in the
standard evaluator. The standard evaluator also runs the Moses tokenizer and detokenizer over each
response; that round trip only moves spaces around punctuation, which sacreBLEU's 13a tokenizer re-splits
anyway, so it is skipped here: on the 16 published prediction files it changes BLEU by less than 0.005
(``python benchmarks/bench_multiwoz_eval.py --moses`` measures it when ``sacremoses`` is installed).
"""

from __future__ import annotations

import re
from functools import lru_cache

_CATEGORIES = {
    "ADDRESS": "address attraction_address hospital_address hotel_address police_address restaurant_address "
    "value_address",
    "AREA": "area value_area attraction_area restaurant_area hotel_area",
    "TIME": "booktime value_time time duration value_duration train_duration arriveby taxi_arriveby value_arrive "
    "arrive_by train_arriveby leaveat value_leave leave_at train_leaveat train_leave train_arrive taxi_leaveat",
    "DAY": "day value_day bookday train_day",
    "PLACE": "destination value_destination departure value_departure value_place train_departure "
    "train_destination taxi_destination taxi_departure",
    "FOOD": "food value_food restaurant_food",
    "NAME": "name attraction_name hospital_name hotel_name police_name restaurant_name value_name",
    "PHONE": "phone attraction_phone hospital_phone hotel_phone police_phone restaurant_phone taxi_phone value_phone",
    "POST": "postcode attraction_postcode hospital_postcode hotel_postcode restaurant_postcode value_postcode "
    "police_postcode",
    "PRICE": "price value_price entrancefee entrance_fee train_price attraction_entrancefee pricerange "
    "value_pricerange price_range restaurant_pricerange hotel_pricerange attraction_pricerange attraction_price",
    "REFERENCE": "ref attraction_reference hotel_reference restaurant_reference train_reference value_reference "
    "reference",
    "COUNT": "stars value_stars hotel_stars bookstay value_stay stay bookpeople value_people people choice "
    "value_choice value_count attraction_choice hotel_choice restaurant_choice train_choice",
    "TYPE": "type taxi_type taxi_car value_type value_car car restaurant_type hotel_type attraction_type",
    "TRAINID": "trainid train_id value_id id train train_trainid",
    "INTERNET": "internet hotel_internet",
    "PARKING": "parking hotel_parking",
    "ID": "hospital_id attraction_id restaurant_id",
    "DEPARTMENT": "value_department department hospital_department",
    "OPEN": "openhours",
}
# A placeholder name is looked up with spaces written as underscores ("[arrive by]" -> "arrive_by").
_CATEGORY_OF = {name: category for category, names in _CATEGORIES.items() for name in names.split()}

#: The slot categories Success checks (a requested attribute is provided when its category is mentioned).
REQUESTABLE = ("PHONE", "ADDRESS", "POST", "REFERENCE", "TRAINID")

_PLACEHOLDER = re.compile(r"\[([\w\s]+)\](?:es|s|-s|-es|)")


def placeholder_category(name: str) -> str:
    """The category of a placeholder name (``"value_name"`` -> ``"NAME"``), ``""`` if unknown."""
    return _CATEGORY_OF.get(name.lower().strip().replace(" ", "_"), "")


@lru_cache(maxsize=1 << 16)
def normalize_response(text: str) -> tuple[str, tuple[str, ...]]:
    """The normalised response and the placeholder names it contained that have no category."""
    unknown: list[str] = []

    def category(match: re.Match[str]) -> str:
        found = placeholder_category(match.group(1))
        if not found:
            unknown.append(match.group(1))
        return found

    normalized = _PLACEHOLDER.sub(category, text.lower()).replace("-s", "").replace("-ly", "")
    return " ".join(normalized.split()), tuple(unknown)
