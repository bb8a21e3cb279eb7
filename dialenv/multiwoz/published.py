"""Published corpus scores of the systems whose test-set predictions ship as the ``multiwoz-predictions`` dataset.

Source: the response-generation leaderboard of the MultiWOZ repository (budzianowski/multiwoz README,
"Response Generation"), computed with the standard evaluator of Nekvinda & Dušek (2021) on MultiWOZ 2.2
references and states; the reference corpus itself scores Inform 93.7 / Success 90.9. Keys are the file
names of the dataset (``ubar`` -> ``ubar.json``). dialenv's evaluator is expected to come close to these,
not to match them exactly: its ground truth is MultiWOZ 2.1 (see :mod:`dialenv.multiwoz.eval_reference`).
"""

from __future__ import annotations

from typing import NamedTuple


class PublishedScore(NamedTuple):
    """Leaderboard numbers of one system.

    ``policy_optimization`` marks the leaderboard's second table: models given the ground-truth dialogue
    state (their files usually carry no state, so the evaluator uses the ground truth as well).
    """

    bleu: float
    inform: float
    success: float
    policy_optimization: bool


#: Inform and Success of the corpus's own responses, as published.
REFERENCE_CORPUS = {"inform": 93.7, "success": 90.9}

PUBLISHED_SCORES = {
    "augpt": PublishedScore(16.8, 76.6, 60.5, False),
    "damd": PublishedScore(16.4, 57.9, 47.6, False),
    "dots": PublishedScore(16.8, 80.4, 68.7, False),
    "galaxy-e2e": PublishedScore(19.64, 85.4, 75.7, False),
    "labes": PublishedScore(18.9, 68.5, 58.1, False),
    "mintl": PublishedScore(19.4, 73.7, 65.4, False),
    "pptod": PublishedScore(18.2, 83.1, 72.7, False),
    "soloist": PublishedScore(13.6, 82.3, 72.4, False),
    "ubar": PublishedScore(17.6, 83.4, 70.3, False),
    "galaxy-policy": PublishedScore(19.92, 92.8, 83.5, True),
    "hdno": PublishedScore(17.8, 93.3, 83.4, True),
    "hdsa": PublishedScore(20.7, 87.9, 79.4, True),
    "lava": PublishedScore(10.8, 95.9, 93.5, True),
    "marco": PublishedScore(17.3, 94.5, 87.2, True),
    "sfn": PublishedScore(14.1, 93.4, 82.3, True),
    "uniconv": PublishedScore(18.1, 66.7, 58.7, True),
}
