"""Training sequences of the SGA paper (sec. 3.2, Figure 2) and the UBAR-style full-history baseline.

Everything here is plain Python (no torch): it turns dialenv's MultiWOZ records into the token-level
*text* of the paper's sequences, and turns generated text back into belief states and dialogue acts.

The variables of one turn ``t`` (paper notation) and how they are written:

* ``u_t``  user utterance, lower-cased corpus text: ``i want indian food in the center area .``
* ``r_t``  delexicalized system response, lower-cased: ``there are [choice] [food] restaurants in [area] .``
* ``b_t``  belief state after ``u_t``, per domain in :data:`~dialenv.multiwoz.ontology.DOMAINS` order, slots in
  a fixed order: ``[restaurant] food indian pricerange expensive area centre [attraction] name nusha``
* ``db_t`` database result of querying :class:`~dialenv.multiwoz.MultiWOZDatabase` with ``b_t`` (see
  :func:`db_result`): ``[restaurant] [db_3] [hotel] [db_1] [book_ok]``
* ``a_t``  system act, without values as in the paper (Table 9):
  ``[restaurant] [request] pricerange [inform] food area choice``
* ``g_t``  user goal state (what the user has not said yet, :meth:`Dialogue.goal_states`):
  ``[restaurant] [goal_info] food indian area centre [goal_reqt] address``
* ``ua_t`` user act, *with* values (the user simulator must say them):
  ``[restaurant] [inform] food indian area centre [request] address``

Each variable is wrapped in its own markers (``<sos_b> ... <eos_b>``), so a generator stops at the closing
marker and a parser knows where each part is. The sequences (:class:`Segment` lists):

* **SGA-DS** (eq. 1): ``b_{t-1} ⊕ r_{t-1} ⊕ u_t ⊕ b_t ⊕ db_t ⊕ a_t ⊕ r_t``; loss on ``b_t``, ``a_t``, ``r_t``
  (their content and closing marker: the opening markers and ``db_t`` are inserted by the program);
* **SGA-US** (eq. 2): ``r_{t-1} ⊕ g_t ⊕ ua_t ⊕ u_t``; loss on ``ua_t``, ``u_t``;
* **UBAR-DS** (Figure 2d, for the efficiency comparison of Table 7): the whole session
  ``u_1 ⊕ b_1 ⊕ db_1 ⊕ a_1 ⊕ r_1 ⊕ ... ⊕ u_T ⊕ b_T ⊕ db_T ⊕ a_T ⊕ r_T`` as one sequence, loss on everything
  but the database results (UBAR maximises the joint likelihood of the session).

Parsing (:func:`parse_belief`, :func:`parse_system_acts`, :func:`parse_user_acts`, :func:`parse_goal_state`)
never raises: malformed generations (unknown domains or slots, missing values, stray markers) lose the
offending part and keep the rest, and the results only contain known domains and slots, so they can go
straight to the database, the environment or the corpus evaluator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dialenv.acts import DialogueAct
from dialenv.multiwoz.goal import DomainGoal, Goal
from dialenv.multiwoz.normalize import is_unset, normalize_value
from dialenv.multiwoz.ontology import DOMAINS

# --------------------------------------------------------------------------------------------------------
# Vocabulary: the markers and bracketed tokens every tokenizer of this baseline adds as single tokens.
# --------------------------------------------------------------------------------------------------------

#: The variables of a turn; each has markers ``<sos_X>`` / ``<eos_X>``.
PARTS = ("u", "b", "db", "a", "r", "g", "ua")
PAD = "<pad>"
MARKERS = tuple(f"<{edge}_{part}>" for part in PARTS for edge in ("sos", "eos"))

ACT_DOMAINS = DOMAINS + ("general", "booking")
SYSTEM_INTENTS = (
    "inform", "request", "reqmore", "bye", "book", "recommend", "offerbooked", "welcome", "offerbook",
    "nooffer", "select", "greet", "nobook",
)  # fmt: skip
USER_INTENTS = ("inform", "request", "thank", "bye", "greet")
INTENTS = tuple(dict.fromkeys(SYSTEM_INTENTS + USER_INTENTS))
#: Intents whose slots carry no value (a request names what it asks for; the value is ``?``).
VALUELESS_INTENTS = frozenset({"request"})
GOAL_SECTIONS = ("info", "reqt", "book", "fail_info", "fail_book")
DB_BUCKETS = ((0, 0), (1, 1), (2, 3), (4, 10), (11, None))  # match counts of [db_0] ... [db_4]
DB_TOKENS = tuple(f"[db_{index}]" for index in range(len(DB_BUCKETS)))
BOOK_TOKENS = ("[book_ok]", "[book_fail]")

#: Slots a belief state may hold, per domain, in the order they are written.
BELIEF_SLOTS: Mapping[str, tuple[str, ...]] = {
    "taxi": ("leaveat", "destination", "departure", "arriveby"),
    "police": (),
    "restaurant": ("food", "pricerange", "name", "area", "people", "day", "time"),
    "hospital": ("department",),
    "hotel": ("name", "area", "parking", "pricerange", "stars", "internet", "type", "people", "day", "stay"),
    "attraction": ("type", "name", "area"),
    "train": ("leaveat", "destination", "day", "arriveby", "departure", "people"),
}
#: Slot names that may appear in acts and goals (canonical names, see :mod:`dialenv.multiwoz.ontology`).
SLOTS = (
    "address", "area", "arriveby", "car", "choice", "day", "department", "departure", "destination",
    "duration", "entrancefee", "food", "internet", "leaveat", "name", "openhours", "parking", "people",
    "phone", "postcode", "price", "pricerange", "reference", "stars", "stay", "time", "trainid", "type",
)  # fmt: skip
#: Slots that acts and goals of each domain may name (parsing only looks for these, so that a value such as
#: ``whale of a time`` in a taxi act is not read as the restaurant slot ``time``).
ACT_SLOTS: Mapping[str, tuple[str, ...]] = {
    "taxi": ("arriveby", "car", "departure", "destination", "leaveat", "phone"),
    "police": ("address", "name", "phone", "postcode", "department"),
    "restaurant": (
        "address", "area", "choice", "day", "food", "name", "people", "phone", "postcode", "pricerange",
        "reference", "time",
    ),
    "hospital": ("address", "department", "name", "phone", "postcode"),
    "hotel": (
        "address", "area", "choice", "day", "internet", "name", "parking", "people", "phone", "postcode",
        "pricerange", "reference", "stars", "stay", "type",
    ),
    "attraction": (
        "address", "area", "choice", "entrancefee", "name", "openhours", "phone", "postcode", "pricerange",
        "type",
    ),
    "train": (
        "arriveby", "choice", "day", "departure", "destination", "duration", "leaveat", "people", "price",
        "reference", "trainid",
    ),
    "booking": ("day", "name", "people", "reference", "stay", "time"),
    "general": (),
}  # fmt: skip
#: Delexicalization placeholders of the responses (``[name]``, ``[phone]`` ...).
PLACEHOLDERS = tuple(f"[{slot}]" for slot in SLOTS)

#: Every bracketed / marker token, in a fixed order (their ids follow the base vocabulary in this order).
SPECIAL_TOKENS = (
    (PAD,)
    + MARKERS
    + tuple(f"[{domain}]" for domain in ACT_DOMAINS)
    + tuple(f"[{intent}]" for intent in INTENTS)
    + tuple(f"[goal_{section}]" for section in GOAL_SECTIONS)
    + DB_TOKENS
    + BOOK_TOKENS
    + PLACEHOLDERS
)

_EMPTY_VALUE = "none"  # how an act or goal slot without value is written (the records read "none" as "")
_BRACKETED = re.compile(r"^\[[a-z_]+\]$")
# Booking arguments that must be in the belief state before a booking is attempted (cf. dialenv booking).
_BOOKING_ARGS = {
    "restaurant": ("people", "day", "time"),
    "hotel": ("people", "day", "stay"),
    "train": ("people",),
    "taxi": ("departure", "destination"),
}
_TABLE_DOMAINS = ("restaurant", "hotel", "attraction", "train", "hospital", "police")

Belief = Mapping[str, Mapping[str, str]]


_CLITIC = re.compile(r"(?<=[a-z])(n't|'s|'m|'ll|'d|'re|'ve)\b")
_PUNCTUATION = re.compile(r"(?<=[^\s.,?!;])([.,?!;])(?=\s|$)")


def clean_value(value: str) -> str:
    """Slot values as serialised: lower case, single spaces, markers removed (not tokenized: values must
    stay as the database writes them, "christ's college")."""
    return " ".join(value.lower().replace("<", " ").replace(">", " ").split())


def clean_text(text: str) -> str:
    """Utterances as the models see them: lower case, tokenized like the corpus ("it 's", "centre ."),
    single spaces, markers removed. Corpus text is already tokenized; live text (simulators, people) is not."""
    text = clean_value(text)
    return " ".join(_PUNCTUATION.sub(r" \1", _CLITIC.sub(r" \1", text)).split())


# --------------------------------------------------------------------------------------------------------
# Serialisation
# --------------------------------------------------------------------------------------------------------


def serialize_belief(belief: Belief) -> str:
    """``{"restaurant": {"food": "indian"}}`` -> ``"[restaurant] food indian"`` (fixed domain/slot order)."""
    parts = []
    for domain in DOMAINS:
        slots = belief.get(domain)
        if not slots:
            continue
        order = {slot: index for index, slot in enumerate(BELIEF_SLOTS[domain])}
        pairs = sorted(
            ((slot, value) for slot, value in slots.items() if slot in order and not is_unset(str(value))),
            key=lambda pair: order[pair[0]],
        )
        if pairs:
            parts.append(
                f"[{domain}] " + " ".join(f"{slot} {clean_value(str(value))}" for slot, value in pairs)
            )
    return " ".join(parts)


def serialize_acts(acts: Iterable[DialogueAct], with_values: bool) -> str:
    """Acts grouped by domain then intent, in order of appearance: ``[hotel] [inform] area stars [request] day``.

    System acts are written without values (``with_values=False``, the paper's format: the response is
    delexicalized); user acts with them (``[hotel] [inform] area north``), except for requests. Acts of
    unknown domains or intents, and slots unknown to their domain (:data:`ACT_SLOTS`), are left out. A
    slot-less act (``inform(hotel)``) is written as a bare intent, and is implied, not repeated, when the
    same domain and intent also has slots.
    """
    grouped: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for act in acts:
        if act.domain not in ACT_DOMAINS or act.intent not in INTENTS:
            continue
        slots = grouped.setdefault(act.domain, {}).setdefault(act.intent, [])
        if act.slot and act.slot in ACT_SLOTS[act.domain]:
            value = clean_value(act.value) if with_values and act.intent not in VALUELESS_INTENTS else ""
            if with_values and act.intent not in VALUELESS_INTENTS and not value:
                value = _EMPTY_VALUE
            if (act.slot, value) not in slots:
                slots.append((act.slot, value))
    parts = []
    for domain, intents in grouped.items():
        parts.append(f"[{domain}]")
        for intent, slots in intents.items():
            parts.append(f"[{intent}]")
            parts.extend(f"{slot} {value}" if value else slot for slot, value in slots)
    return " ".join(parts)


def serialize_goal(goal: Goal) -> str:
    """A goal state: ``[hotel] [goal_info] area north [goal_reqt] phone [goal_book] people 2``."""
    parts = []
    for domain, part in goal.items():
        if domain not in DOMAINS:
            continue
        parts.append(f"[{domain}]")
        for section in GOAL_SECTIONS:
            content = getattr(part, section)
            if not content:
                continue
            parts.append(f"[goal_{section}]")
            if section == "reqt":
                parts.extend(slot for slot in content if slot in ACT_SLOTS[domain])
            else:
                parts.extend(
                    f"{slot} {clean_value(str(value)) or _EMPTY_VALUE}"
                    for slot, value in content.items()
                    if slot in ACT_SLOTS[domain]
                )
    return " ".join(parts)


def db_result(belief: Belief, db: Any) -> str:
    """``db_t``: for every domain of the belief state, its match-count bucket and booking availability.

    Each domain with a database table gets ``[domain] [db_k]`` where ``k`` buckets the number of entities
    matching the domain's constraints (0, 1, 2-3, 4-10, more: :data:`DB_BUCKETS`). When the belief state
    holds every booking argument of the domain (restaurant: people, day, time; hotel: people, day, stay;
    train: people; taxi: departure, destination), a booking of the first match is tried with the
    environment's deterministic booking rule (:mod:`dialenv.multiwoz.booking`) and ``[book_ok]`` or
    ``[book_fail]`` follows (a taxi has no table, so it only gets the booking token). Constraints the
    database cannot read (a garbled time in a generated belief state) are ignored rather than raising.
    An empty belief state gives an empty result.
    """
    parts = []
    for domain in DOMAINS:
        slots = belief.get(domain)
        if not slots:
            continue
        matches: list[Any] = []
        if domain in _TABLE_DOMAINS:
            matches = tolerant_query(db, domain, slots)
            parts.extend((f"[{domain}]", _bucket(len(matches))))
        required = _BOOKING_ARGS.get(domain, ())
        complete = bool(required) and all(slots.get(slot) for slot in required)
        if domain == "taxi":
            complete = complete and bool(slots.get("leaveat") or slots.get("arriveby"))
        if complete:
            if domain == "taxi":
                parts.append("[taxi]")
            entity = None if domain == "taxi" else (matches[0] if matches else None)
            ok = (domain == "taxi" or entity is not None) and _book(db, domain, entity, slots)
            parts.append(BOOK_TOKENS[0] if ok else BOOK_TOKENS[1])
    return " ".join(parts)


def tolerant_query(db: Any, domain: str, slots: Mapping[str, str]) -> list[Any]:
    """``db.query(domain, slots)``, dropping the slots the database cannot read (generated beliefs may hold
    garbled values) instead of raising."""
    constraints = dict(slots)
    for _ in range(len(constraints) + 1):
        try:
            return db.query(domain, constraints)
        except ValueError as error:  # an unreadable value or unknown slot: drop the slot it names
            bad = [
                slot
                for slot in constraints
                if repr(slot) in str(error) or repr(constraints[slot]) in str(error)
            ]
            if not bad:
                return []
            del constraints[bad[0]]
    return []


def _book(db: Any, domain: str, entity: Any, slots: Mapping[str, str]) -> bool:
    try:
        return bool(db.book(domain, entity, slots).success)
    except ValueError:
        return False


def _bucket(count: int) -> str:
    for token, (low, high) in zip(DB_TOKENS, DB_BUCKETS):
        if count >= low and (high is None or count <= high):
            return token
    return DB_TOKENS[-1]


# --------------------------------------------------------------------------------------------------------
# Parsing (the inverse; robust to malformed generations)
# --------------------------------------------------------------------------------------------------------


def _chunks(text: str, heads: Iterable[str], inner: Iterable[str] = ()) -> Iterator[tuple[str, list[str]]]:
    """Split ``text`` at the bracketed ``heads`` (``[hotel]``): yields (head name, following words).

    Bracketed words of ``inner`` (e.g. intents inside a domain) stay in a chunk; any other bracketed word
    or marker (an unknown domain, a stray ``[db_1]`` or ``<eos_b>``) ends it, and what follows is ignored
    up to the next head.
    """
    names = {f"[{head}]": head for head in heads}
    keep = {f"[{name}]" for name in inner}
    current: str | None = None
    words: list[str] = []
    for word in text.split():
        if word in names:
            if current is not None:
                yield current, words
            current, words = names[word], []
        elif current is None:
            continue
        elif (_BRACKETED.match(word) or word.startswith("<")) and word not in keep:
            yield current, words
            current, words = None, []
        else:
            words.append(word)
    if current is not None:
        yield current, words


def _slot_values(words: Sequence[str], slots: Iterable[str], valued: bool = True) -> list[tuple[str, str]]:
    """Read ``slot value slot value ...`` (or ``slot slot ...`` when not ``valued``) from ``words``.

    A known slot name starts a new pair only when the current pair already has a value, a word follows it
    and the slot has not been read yet in this list, so values may contain slot names (``department
    emergency department``, ``food chinese name the good luck chinese food takeaway``). Bracketed tokens
    and, for unvalued lists, unknown words are dropped.
    """
    known = frozenset(slots)
    words = [word for word in words if not _BRACKETED.match(word) and not word.startswith("<")]
    if not valued:
        return [(word, "") for word in dict.fromkeys(words) if word in known]
    pairs: list[tuple[str, list[str]]] = []
    used: set[str] = set()
    for index, word in enumerate(words):
        opens = word in known and word not in used and (not pairs or pairs[-1][1]) and index + 1 < len(words)
        if opens:
            pairs.append((word, []))
            used.add(word)
        elif pairs:
            pairs[-1][1].append(word)
    return [(slot, " ".join(value)) for slot, value in pairs if value]


def parse_belief(text: str) -> dict[str, dict[str, str]]:
    """``"[restaurant] food indian area centre"`` -> ``{"restaurant": {"food": "indian", "area": "centre"}}``.

    Only known domains and slots are kept; values are normalised (:func:`normalize_value`); a repeated slot
    keeps its last value; never raises.
    """
    belief: dict[str, dict[str, str]] = {}
    for domain, words in _chunks(text, DOMAINS):
        for slot, value in _slot_values(words, BELIEF_SLOTS[domain]):
            value = normalize_value(slot, value)
            if not is_unset(value):
                belief.setdefault(domain, {})[slot] = value
    return belief


def parse_acts(text: str, with_values: bool) -> tuple[DialogueAct, ...]:
    """Acts from :func:`serialize_acts` text: ``DialogueAct(intent, domain, slot, value)`` tuples.

    Without values (system acts) every slot gets ``value=""``; with values (user acts) values are kept as
    written (lower case), ``"none"`` reads as ``""`` and requests get ``"?"`` as in the corpus. An intent with no (valid) slot gives one act with an
    empty slot. Duplicates are dropped; unknown domains, intents and slots are ignored; never raises.
    """
    acts: list[DialogueAct] = []
    for domain, words in _chunks(text, ACT_DOMAINS, INTENTS):
        for intent, slot_words in _chunks(" ".join(words), INTENTS):
            valued = with_values and intent not in VALUELESS_INTENTS
            pairs = _slot_values(slot_words, ACT_SLOTS[domain], valued=valued)
            if not pairs:
                acts.append(DialogueAct(intent, domain, "", ""))
            for slot, value in pairs:
                if valued:
                    value = "" if value == _EMPTY_VALUE else value
                elif with_values:
                    value = "?"
                acts.append(DialogueAct(intent, domain, slot, value))
    return tuple(dict.fromkeys(acts))


def parse_system_acts(text: str) -> tuple[DialogueAct, ...]:
    """System acts ``a_t`` (no values)."""
    return parse_acts(text, with_values=False)


def parse_user_acts(text: str) -> tuple[DialogueAct, ...]:
    """User acts ``ua_t`` (with values)."""
    return parse_acts(text, with_values=True)


def parse_goal_state(text: str) -> Goal:
    """The inverse of :func:`serialize_goal` (values as written); never raises."""
    domains: dict[str, DomainGoal] = {}
    sections_tokens = [f"goal_{name}" for name in GOAL_SECTIONS]
    for domain, words in _chunks(text, DOMAINS, sections_tokens):
        sections: dict[str, Any] = {}
        for section, slot_words in _chunks(" ".join(words), sections_tokens):
            name = section.removeprefix("goal_")
            if name == "reqt":
                sections[name] = tuple(slot for slot, _ in _slot_values(slot_words, ACT_SLOTS[domain], False))
            else:
                sections[name] = {
                    slot: "" if value == _EMPTY_VALUE else value
                    for slot, value in _slot_values(slot_words, ACT_SLOTS[domain])
                }
        goal = DomainGoal(**sections)
        if sections and not (goal.is_done() and not goal.fail_info and not goal.fail_book):
            domains[domain] = goal
    return Goal({domain: domains[domain] for domain in DOMAINS if domain in domains})


def split_parts(text: str) -> dict[str, str]:
    """The content of each ``<sos_X> ... <eos_X>`` part of a decoded sequence (the last one of each name).

    A part whose closing marker is missing (a generation cut at the length limit) runs to the next marker
    or the end.
    """
    found: dict[str, str] = {}
    pattern = re.compile(r"<sos_(\w+?)>(.*?)(?:<eos_\1>|(?=<sos_)|$)", re.DOTALL)
    for match in pattern.finditer(text):
        found[match.group(1)] = " ".join(match.group(2).split())
    return found


# --------------------------------------------------------------------------------------------------------
# Sequences
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """One variable of a sequence: ``<sos_part> text <eos_part>``; ``target``: the loss covers it."""

    part: str
    text: str
    target: bool = False


@dataclass(frozen=True)
class DSTurn:
    """What SGA-DS needs of one turn (all text already serialised)."""

    dialogue_id: str
    turn: int  # index of the system turn, 0-based
    prev_belief: str
    prev_response: str
    user: str
    belief: str
    db: str
    acts: str
    response: str


@dataclass(frozen=True)
class USTurn:
    """What SGA-US needs of one turn."""

    dialogue_id: str
    turn: int
    prev_response: str
    goal: str
    user_acts: str
    user: str


def ds_segments(turn: DSTurn) -> list[Segment]:
    """SGA-DS: ``b_{t-1} ⊕ r_{t-1} ⊕ u_t ⊕ b_t ⊕ db_t ⊕ a_t ⊕ r_t`` with the loss on ``b_t``, ``a_t``, ``r_t``."""
    return [
        Segment("b", turn.prev_belief),
        Segment("r", turn.prev_response),
        Segment("u", turn.user),
        Segment("b", turn.belief, True),
        Segment("db", turn.db),
        Segment("a", turn.acts, True),
        Segment("r", turn.response, True),
    ]


def ds_context(prev_belief: str, prev_response: str, user: str) -> list[Segment]:
    """The conditioning input of SGA-DS at generation time (the prompt before ``<sos_b>``)."""
    return [Segment("b", prev_belief), Segment("r", prev_response), Segment("u", user)]


def us_segments(turn: USTurn) -> list[Segment]:
    """SGA-US: ``r_{t-1} ⊕ g_t ⊕ ua_t ⊕ u_t`` with the loss on ``ua_t``, ``u_t``."""
    return [
        Segment("r", turn.prev_response),
        Segment("g", turn.goal),
        Segment("ua", turn.user_acts, True),
        Segment("u", turn.user, True),
    ]


def us_context(prev_response: str, goal: str) -> list[Segment]:
    """The conditioning input of SGA-US at generation time (the prompt before ``<sos_ua>``)."""
    return [Segment("r", prev_response), Segment("g", goal)]


def ubar_turn_segments(turn: DSTurn, target: bool = True) -> list[Segment]:
    """One turn of a UBAR session: ``u_t ⊕ b_t ⊕ db_t ⊕ a_t ⊕ r_t``."""
    return [
        Segment("u", turn.user, target),
        Segment("b", turn.belief, target),
        Segment("db", turn.db),
        Segment("a", turn.acts, target),
        Segment("r", turn.response, target),
    ]


def ubar_segments(turns: Sequence[DSTurn]) -> list[Segment]:
    """UBAR-DS: the whole session ``{u, b, db, a, r}_{1:T}`` as one sequence (loss on all but ``db``)."""
    return [segment for turn in turns for segment in ubar_turn_segments(turn)]


def ubar_context(history: Sequence[DSTurn], user: str) -> list[Segment]:
    """UBAR's conditioning input at turn ``t``: every earlier turn in full, then ``u_t``."""
    return [segment for turn in history for segment in ubar_turn_segments(turn, False)] + [Segment("u", user)]


def ds_turns(dialogue: Any, db: Any) -> list[DSTurn]:
    """The SGA-DS turns of a :class:`~dialenv.multiwoz.Dialogue` (ground-truth history, as in training)."""
    turns = []
    prev_belief = prev_response = ""
    for index, (user, system) in enumerate(zip(dialogue.user_turns, dialogue.system_turns)):
        belief = serialize_belief(system.belief)
        response = clean_text(system.delex)
        turns.append(
            DSTurn(
                dialogue_id=dialogue.id,
                turn=index,
                prev_belief=prev_belief,
                prev_response=prev_response,
                user=clean_text(user.text),
                belief=belief,
                db=db_result(system.belief, db),
                acts=serialize_acts(system.acts, with_values=False),
                response=response,
            )
        )
        prev_belief, prev_response = belief, response
    return turns


def us_turns(dialogue: Any) -> list[USTurn]:
    """The SGA-US turns of a dialogue: goal states from :meth:`Dialogue.goal_states`."""
    turns = []
    prev_response = ""
    states = dialogue.goal_states()
    for index, user in enumerate(dialogue.user_turns):
        turns.append(
            USTurn(
                dialogue_id=dialogue.id,
                turn=index,
                prev_response=prev_response,
                goal=serialize_goal(states[index]),
                user_acts=serialize_acts(user.acts, with_values=True),
                user=clean_text(user.text),
            )
        )
        if index < len(dialogue.system_turns):
            prev_response = clean_text(dialogue.system_turns[index].delex)
    return turns


def segments_text(segments: Iterable[Segment]) -> str:
    """The readable text of a sequence (what the tokenizer encodes piece by piece)."""
    return " ".join(f"<sos_{s.part}> {s.text} <eos_{s.part}>".replace("  ", " ") for s in segments)
