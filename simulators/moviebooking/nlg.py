"""Template NLG of the movie-booking task: dialogue acts -> text, for the user and for the system.

Surfaces (paper 002, sec. 4.1: agents are trained with one set of surface forms and evaluated with "an
extended set of natural language surface forms"):

* ``"train"``: the hand-written training wording;
* ``"test"``: hand-written, with different wording, word orders, colloquial and indirect forms and varied
  value forms; meant for evaluation only;
* ``"sim-m"`` (user only): templates written by people, extracted at run time from sim-M
  (:mod:`simulators.moviebooking.simm`). Acts whose signature has no human template are composed from
  smaller human templates, and acts no human template says (e.g. ``request_alts``) use the "test" set;
  :attr:`UserNLG.fallback_counts` tells how often each happened.

Every choice goes through the ``numpy.random.Generator`` given to ``realize``; acts are put in canonical
order first, so the text depends on the set of acts and the generator state only.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np

from dialenv.acts import DialogueAct
from dialenv.moviebooking.domain import DOMAIN, DONTCARE, SLOTS, SYSTEM_INTENTS, USER_INTENTS
from simulators.language.templates import pick
from simulators.moviebooking.signature import act_signature, canonical_order
from simulators.moviebooking.simm import SimMTemplateTable, simm_template_table
from simulators.moviebooking.system_realizer import SystemRealizer
from simulators.moviebooking.system_templates import SYSTEM_TEMPLATE_SETS
from simulators.moviebooking.templates import fix_grammar
from simulators.moviebooking.user_realizer import UserRealizer
from simulators.moviebooking.user_templates import USER_TEMPLATE_SETS
from simulators.moviebooking.variants import render_values

USER_SURFACES = ("train", "test", "sim-m")
SYSTEM_SURFACES = ("train", "test")
#: Intents whose acts carry a slot and a value; ``request`` carries a slot only; the others neither.
VALUE_INTENTS = frozenset({"inform", "confirm", "offer", "select"})


def _validated(acts: Iterable[DialogueAct], intents: tuple[str, ...], party: str) -> tuple[DialogueAct, ...]:
    """Canonically ordered acts, or a ``ValueError`` naming the first act that cannot be said."""
    checked = []
    for raw in acts:
        if (
            not isinstance(raw, tuple)
            or not 1 <= len(raw) <= 4
            or not all(isinstance(part, str) for part in raw)
        ):
            raise ValueError(f"{party} NLG: an act must be a DialogueAct of strings, got {raw!r:.80}")
        act = DialogueAct(*raw)
        if act.intent not in intents:
            raise ValueError(f"{party} NLG cannot say {act}: intent must be one of {intents}")
        if act.domain not in (DOMAIN, ""):
            raise ValueError(f"{party} NLG cannot say {act}: domain must be {DOMAIN!r}")
        needs_slot = act.intent in VALUE_INTENTS or act.intent == "request"
        if needs_slot and act.slot not in SLOTS:
            raise ValueError(f"{party} NLG cannot say {act}: slot must be one of {SLOTS}")
        if not needs_slot and (act.slot or act.value):
            raise ValueError(f"{party} NLG cannot say {act}: {act.intent} takes no slot or value")
        if act.intent in VALUE_INTENTS and not act.value:
            raise ValueError(f"{party} NLG cannot say {act}: {act.intent} needs a value")
        if act.intent == "request" and act.value:
            raise ValueError(f"{party} NLG cannot say {act}: request takes a slot but no value")
        checked.append(act)
    if not checked:
        raise ValueError(f"{party} NLG needs at least one act")
    return canonical_order(checked)


@cache
def _user_realizer(surface: str) -> UserRealizer:
    return UserRealizer(USER_TEMPLATE_SETS[surface])


@cache
def _system_realizer(surface: str) -> SystemRealizer:
    return SystemRealizer(SYSTEM_TEMPLATE_SETS[surface])


class UserNLG:
    """User acts -> text.

    Args:
        surface: ``"train"``, ``"test"`` or ``"sim-m"``.
        simm_split: the sim-M split whose templates the ``"sim-m"`` surface uses (``train``/``dev``/``test``).
        simm_table: a prebuilt template table to use instead (e.g. built with
            :func:`~simulators.moviebooking.simm.extract_templates` from other data).
    """

    def __init__(
        self,
        surface: str = "train",
        *,
        simm_split: str = "train",
        simm_table: SimMTemplateTable | None = None,
    ):
        if surface not in USER_SURFACES:
            raise ValueError(f"user NLG surface must be one of {USER_SURFACES}, got {surface!r}")
        self.surface = surface
        self._realizer = _user_realizer("test" if surface == "sim-m" else surface)
        self._simm: SimMTemplateTable | None = None
        if surface == "sim-m":
            self._simm = simm_table if simm_table is not None else simm_template_table(simm_split)
        self._counts = {"exact": 0, "composed": 0, "test": 0}

    @property
    def fallback_counts(self) -> dict[str, int]:
        """sim-m surface: messages said by one human template (``exact``), by several (``composed``), or
        with at least one act from the "test" set (``test``)."""
        return dict(self._counts)

    @property
    def fallback_rate(self) -> float:
        """Share of sim-m messages that had no human template with their exact signature."""
        total = sum(self._counts.values())
        return (self._counts["composed"] + self._counts["test"]) / total if total else 0.0

    def realize(self, acts: Iterable[DialogueAct], rng: np.random.Generator) -> str:
        """The text of ``acts`` (user intents; ``inform`` needs a slot and a value, possibly "dontcare")."""
        ordered = _validated(acts, USER_INTENTS, "user")
        if self._simm is None:
            return self._realizer.realize(ordered, rng)
        return self._realize_simm(self._simm, ordered, rng)

    def _realize_simm(
        self, table: SimMTemplateTable, acts: tuple[DialogueAct, ...], rng: np.random.Generator
    ) -> str:
        values = render_values(acts, rng, varied=False)
        templates = table.templates.get(act_signature(acts))
        if templates:
            self._counts["exact"] += 1
            return fix_grammar(pick(rng, templates).fill(values))
        pieces: list[str] = []
        used_test_set = False
        for group in _fallback_groups(acts):
            templates = table.templates.get(act_signature(group))
            if templates:
                pieces.append(pick(rng, templates).fill(values))
                continue
            for act in group:
                single = table.templates.get(act_signature([act]))
                if single:
                    pieces.append(pick(rng, single).fill(values))
                else:
                    used_test_set = True
                    pieces.append(self._realizer.realize((act,), rng))
        self._counts["test" if used_test_set else "composed"] += 1
        return fix_grammar(_join_utterances(pieces))


def _fallback_groups(acts: tuple[DialogueAct, ...]) -> list[tuple[DialogueAct, ...]]:
    """Acts split into slotless acts, informs with values, and dontcare informs (empty groups left out)."""
    groups = (
        tuple(act for act in acts if act.intent != "inform"),
        tuple(act for act in acts if act.intent == "inform" and act.value != DONTCARE),
        tuple(act for act in acts if act.intent == "inform" and act.value == DONTCARE),
    )
    return [group for group in groups if group]


def _join_utterances(pieces: list[str]) -> str:
    """Join utterances, with a comma after one that has no final punctuation ("yes" + "avatar")."""
    text = pieces[0]
    for piece in pieces[1:]:
        text += (" " if text[-1:] in ".!?" else ", ") + piece
    return text


class SystemNLG:
    """System acts -> text.

    Args:
        surface: ``"train"`` or ``"test"``.
    """

    def __init__(self, surface: str = "train"):
        if surface not in SYSTEM_SURFACES:
            raise ValueError(f"system NLG surface must be one of {SYSTEM_SURFACES}, got {surface!r}")
        self.surface = surface
        self._realizer = _system_realizer(surface)

    def realize(self, acts: Iterable[DialogueAct], rng: np.random.Generator) -> str:
        """The text of ``acts`` (system intents; dontcare only in a confirm)."""
        return self._realizer.realize(_validated(acts, SYSTEM_INTENTS, "system"), rng)
