"""The movie-booking language layer: template NLG and rule NLU for both parties (paper 002's task).

* :class:`UserNLG` / :class:`SystemNLG` — acts -> text, with "train" and "test" surfaces (and "sim-m",
  human templates from the sim-M corpus, for the user);
* :class:`UserTextNLU` / :class:`SystemTextNLU` — text -> acts, for parties that send text without acts;
* :func:`canonical_order` — the act order both NLUs return.
"""

from simulators.moviebooking.nlg import SystemNLG, UserNLG
from simulators.moviebooking.nlu import SystemTextNLU, UserTextNLU
from simulators.moviebooking.signature import act_signature, canonical_order

__all__ = ["SystemNLG", "SystemTextNLU", "UserNLG", "UserTextNLU", "act_signature", "canonical_order"]
