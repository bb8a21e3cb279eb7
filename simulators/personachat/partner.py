"""The built-in PERSONA-CHAT partner registered for both sides of the env ids.

``source="bank"`` (default): :class:`~simulators.personachat.bank_partner.PersonaBankPartner`, which needs no
data, so the registered ids behave the same on every machine. ``source="data"``:
:class:`~simulators.personachat.retrieval_partner.RetrievalPartner` over the ConvAI2 validation dialogues.
``source="auto"``: the retrieval partner when those dialogues are on disk, the bank partner otherwise —
convenient, but then transcripts depend on the machine, so published numbers should name the source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from dialenv.personachat.corpus import available
from simulators.personachat.bank_partner import PersonaBankPartner
from simulators.personachat.retrieval_partner import RetrievalPartner

SOURCES = ("bank", "data", "auto")


class PersonaPartner:
    """A get-to-know partner; implements :class:`dialenv.agents.Agent` and ranks candidates."""

    def __init__(self, source: str = "bank"):
        if source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, got {source!r}")
        if source == "auto":
            source = "data" if available() else "bank"
        self.source = source
        self.impl: PersonaBankPartner | RetrievalPartner = (
            RetrievalPartner() if source == "data" else PersonaBankPartner()
        )

    def reset(self, seed: int | None = None) -> None:
        self.impl.reset(seed)

    def act(self, observation: Mapping[str, Any]) -> str:
        return self.impl.act(observation)

    def rank(self, observation: Mapping[str, Any], candidates: Sequence[str]) -> np.ndarray:
        return self.impl.rank(observation, candidates)
