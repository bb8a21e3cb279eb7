"""Speed of the movie-booking language layer: NLG and NLU utterances per second, sim-M table load time.

Run from the repository root (package installed, or ``PYTHONPATH=.``):
``DIALENV_DATA=../shared/data python benchmarks/bench_moviebooking_language.py [--n 20000]``.
Act sets and the lexicon are the ones of ``tests/test_moviebooking_language.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_moviebooking_language import LEXICON, random_system_acts, random_user_acts

from simulators.moviebooking import SystemNLG, SystemTextNLU, UserNLG, UserTextNLU
from simulators.moviebooking.simm import simm_template_table


def rate(function, items) -> float:
    """Items per second of ``function`` over ``items``."""
    start = time.perf_counter()
    for item in items:
        function(item)
    return len(items) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="utterances per measurement")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    user_acts = [random_user_acts(rng) for _ in range(args.n)]
    system_acts = [random_system_acts(rng) for _ in range(args.n)]

    start = time.perf_counter()
    simm_template_table("train")
    print(f"sim-M train template table: loaded and extracted in {time.perf_counter() - start:.3f} s")

    for surface in ("train", "test", "sim-m"):
        nlg = UserNLG(surface)
        speed = rate(lambda acts, nlg=nlg: nlg.realize(acts, rng), user_acts)
        print(f"UserNLG({surface!r}).realize:   {speed:>9,.0f} utterances/s")
    for surface in ("train", "test"):
        system_nlg = SystemNLG(surface)
        speed = rate(lambda acts, nlg=system_nlg: nlg.realize(acts, rng), system_acts)
        print(f"SystemNLG({surface!r}).realize: {speed:>9,.0f} utterances/s")

    user_texts = [UserNLG("test").realize(acts, rng) for acts in user_acts]
    system_texts = [SystemNLG("test").realize(acts, rng) for acts in system_acts]
    user_nlu, system_nlu = UserTextNLU(LEXICON), SystemTextNLU(LEXICON)
    print(f"UserTextNLU.parse:   {rate(user_nlu.parse, user_texts):>9,.0f} utterances/s")
    print(f"SystemTextNLU.parse: {rate(system_nlu.parse, system_texts):>9,.0f} utterances/s")
    long_text = " ".join(user_texts)[:1000]
    print(f"UserTextNLU.parse on 1000-character input: {rate(user_nlu.parse, [long_text] * 2000):>9,.0f} /s")


if __name__ == "__main__":
    main()
