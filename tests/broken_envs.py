"""Envs that break the dialenv contract on purpose, to show the certification checks can fail.

Importing this module registers them (also in the subprocess of ``cross_process_check``).
"""

import random

import dialenv
from dialenv.moviebooking.env import MovieBookingEnv


class CrashesOnOddText(MovieBookingEnv):
    """Fails with a non-dialenv error on non-ASCII text."""

    def _receive(self, message):
        if any(ord(char) > 127 for char in message.text):
            raise UnicodeError("cannot handle this")
        return super()._receive(message)


class UsesGlobalRandom(MovieBookingEnv):
    """Draws the goal's ticket count from the unseeded global RNG."""

    def _start(self, options):
        super()._start(options)
        self.goal = type(self.goal)({**self.goal.values, "num_tickets": str(random.randint(1, 9))})


class ForgetsMetrics(MovieBookingEnv):
    """Reports no metrics at the end of an episode."""

    def _metrics(self):
        return {}


BROKEN = {"broken-unicode-v0": CrashesOnOddText, "broken-rng-v0": UsesGlobalRandom, "broken-metrics-v0": ForgetsMetrics}

for _env_id, _cls in BROKEN.items():
    if _env_id not in dialenv.registered_ids():
        dialenv.register(
            _env_id, f"broken_envs:{_cls.__name__}", "aec",
            reference_agents=dialenv.spec("moviebooking-joint-v0").reference_agents,
        )
