"""Persona-perception probing (paper sec. 5.4, Table 5): find a speaker's persona among 32 from what they said.

Each probe is one speaker of one dialogue: their utterances, their true persona and 31 distractor personas
drawn (with a seeded generator) from the other personas of the same corpus. A persona scorer ranks the 32
candidates by :meth:`~dialenv.personachat.scorers.PersonaScorer.relevance`; the table reports Hits@1 and the
mean reciprocal rank of the true persona (:mod:`~dialenv.personachat.perception` handles ties).

Choices the paper leaves open, fixed here: every speaker whose persona the file shows is probed (both
speakers of a ``both`` file); a persona is an unordered set of profile sentences; distractors never share a
profile sentence with the true persona (in ConvAI2 the same character appears with 4- and 5-sentence
variants, which would be unfair distractors). MRR is over the 32 personas; the paper's MRR column ranks
profile sentences over an unspecified pool, so only Hits@1 is comparable with its figures.

:func:`probing_table` measures the table's rows on a corpus: Random, the IR baseline and the default
TF-IDF scorer (:mod:`~dialenv.personachat.scorers`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dialenv.personachat.perception import rank_of
from dialenv.personachat.records import PersonaDialogue
from dialenv.personachat.scorers import (
    IRPersonaScorer,
    PersonaScorer,
    RandomPersonaScorer,
    TfidfPersonaScorer,
)
from dialenv.personachat.tfidf import TfidfModel


@dataclass(frozen=True)
class Probe:
    """One speaker of one dialogue and the candidate personas to rank (the true one first)."""

    utterances: tuple[str, ...]
    candidates: tuple[tuple[str, ...], ...]


def speakers(dialogues: Sequence[PersonaDialogue]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """``(utterances, persona)`` for every speaker whose persona and utterances the dialogues show."""
    found = []
    for dialogue in dialogues:
        if dialogue.your_persona:
            found.append((tuple(dialogue.your_utterances()), dialogue.your_persona))
        if dialogue.partner_persona and dialogue.partner_utterances():
            found.append((tuple(dialogue.partner_utterances()), dialogue.partner_persona))
    return found


def build_probes(dialogues: Sequence[PersonaDialogue], candidates: int = 32, seed: int = 0) -> list[Probe]:
    """One probe per speaker, with ``candidates - 1`` distractors sampled from the corpus's other personas."""
    found = speakers(dialogues)
    pool = sorted({frozenset(persona): persona for _, persona in found}.values())
    rng = np.random.default_rng(seed)
    probes = []
    for utterances, persona in found:
        own = set(persona)
        eligible = [other for other in pool if own.isdisjoint(other)]
        if len(eligible) < candidates - 1:
            raise ValueError(f"only {len(eligible)} distractor personas available, {candidates - 1} needed")
        chosen = rng.choice(len(eligible), size=candidates - 1, replace=False)
        probes.append(Probe(utterances, (persona, *(eligible[i] for i in sorted(chosen)))))
    return probes


def probe(scorer: PersonaScorer, probes: Sequence[Probe]) -> dict[str, float]:
    """Hits@1 and MRR (both in %) of ``scorer`` on ``probes``, and the number of probes."""
    ranks = [
        rank_of(np.array([scorer.relevance(item.utterances, persona) for persona in item.candidates]), 0)
        for item in probes
    ]
    return {
        "hits@1": 100.0 * float(np.mean([rank.hits1 for rank in ranks])),
        "mrr": 100.0 * float(np.mean([rank.reciprocal_rank for rank in ranks])),
        "probes": len(ranks),
    }


def probing_table(dialogues: Sequence[PersonaDialogue], seed: int = 0) -> dict[str, dict[str, float]]:
    """Paper Table 5 on ``dialogues``: Random, IR and the default TF-IDF perception scorer, with timings.

    The TF-IDF statistics are fitted on the probed dialogues' own text (utterances and profile sentences;
    no labels are used).
    """
    texts = [text for dialogue in dialogues for _, text in dialogue.utterances()]
    texts += [
        sentence for dialogue in dialogues for sentence in dialogue.your_persona + dialogue.partner_persona
    ]
    model = TfidfModel(texts)
    probes = build_probes(dialogues, seed=seed)
    table = {}
    for name, scorer in (
        ("Random", RandomPersonaScorer(seed)),
        ("IR (TF-IDF, whole dialogue vs whole persona)", IRPersonaScorer(model)),
        ("TF-IDF Receiver-style (default RS.3 scorer)", TfidfPersonaScorer(model)),
    ):
        start = time.process_time()
        table[name] = {**probe(scorer, probes), "seconds": time.process_time() - start}
    return table


def format_probing(table: Mapping[str, Mapping[str, float]]) -> str:
    """:func:`probing_table` as plain text, one row per scorer."""
    width = max(map(len, table))
    lines = [f"{'persona scorer'.ljust(width)}  Hits@1 (%)  MRR (%)  probes  CPU-s"]
    for name, row in table.items():
        lines.append(
            f"{name.ljust(width)}  {row['hits@1']:10.1f}  {row['mrr']:7.1f}  {row['probes']:6d}  {row['seconds']:5.2f}"
        )
    return "\n".join(lines)
