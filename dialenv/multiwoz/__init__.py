"""MultiWOZ 2.1 for dialenv: typed corpus records, the indexed task database and the standard corpus evaluator.

* :mod:`~dialenv.multiwoz.records` - ``load_split("test")`` -> cleaned :class:`Dialogue` records (goal, turns
  with acts, spans, belief states, delexicalized text) and the user goal state per turn;
* :mod:`~dialenv.multiwoz.database` - ``MultiWOZDatabase.load()``: exact indexed queries and deterministic
  bookings over the seven official databases;
* :mod:`~dialenv.multiwoz.corpus_eval` - ``evaluate_predictions(predictions)``: Inform, Success, BLEU,
  Combined and joint goal accuracy as standardized by Nekvinda & Dušek (2021). It needs the optional
  packages ``sacrebleu`` and ``rapidfuzz``, so it is imported on demand, not here.
"""

from dialenv.multiwoz.booking import BookingResult
from dialenv.multiwoz.database import MultiWOZDatabase
from dialenv.multiwoz.goal import DomainGoal, Goal
from dialenv.multiwoz.records import Dialogue, Span, Turn, load_split

__all__ = [
    "BookingResult",
    "Dialogue",
    "DomainGoal",
    "Goal",
    "MultiWOZDatabase",
    "Span",
    "Turn",
    "load_split",
]
