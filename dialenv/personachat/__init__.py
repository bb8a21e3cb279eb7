"""PERSONA-CHAT for dialenv: the get-to-know task of P²BOT (Liu et al. 2020) with mutual persona perception.

* :mod:`~dialenv.personachat.env` - ``personachat-joint-v0`` / ``personachat-v0``: two personas, N exchanges,
  P²BOT rewards per utterance and a persona-perception check at the end (its docstring is the env's page);
* :mod:`~dialenv.personachat.bank` / :mod:`~dialenv.personachat.phrases` - 104 built-in personas (original and
  revised) and small talk, so the task runs with no data;
* :mod:`~dialenv.personachat.formats` / :mod:`~dialenv.personachat.corpus` - parsers of the ParlAI/ConvAI2
  text files (self/other/both, original/revised, with or without candidates) and of the Hugging Face json,
  into :class:`PersonaDialogue` records;
* :mod:`~dialenv.personachat.scorers` - the RS.1/RS.2/RS.3 scorer protocols and their count/TF-IDF defaults
  (:mod:`~dialenv.personachat.ngram`, :mod:`~dialenv.personachat.tfidf`), combined by
  :mod:`~dialenv.personachat.rewards` (eq. 8 and 10);
* :mod:`~dialenv.personachat.offline` / :mod:`~dialenv.personachat.probing` - Hits@1, F1, perplexity and the
  persona-perception probing of the paper's Table 5.
"""

from dialenv.personachat.bank import PERSONAS, Persona
from dialenv.personachat.corpus import load_dialogues, load_path
from dialenv.personachat.formats import parse_hf_json, parse_parlai
from dialenv.personachat.records import PersonaDialogue, Turn
from dialenv.personachat.rewards import RewardWeights
from dialenv.personachat.scorers import CoherenceScorer, LanguageScorer, PersonaScorer

__all__ = [
    "PERSONAS",
    "CoherenceScorer",
    "LanguageScorer",
    "Persona",
    "PersonaDialogue",
    "PersonaScorer",
    "RewardWeights",
    "Turn",
    "load_dialogues",
    "load_path",
    "parse_hf_json",
    "parse_parlai",
]
