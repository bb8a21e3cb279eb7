"""The table of registered environments and named agents (lazy entry points only; nothing is imported)."""

from __future__ import annotations

from dialenv.agents import register_agent
from dialenv.registration import register

MOVIE_ENV = "dialenv.moviebooking.env:MovieBookingEnv"
MOVIE_USER = "simulators.moviebooking.agenda_user:AgendaUser"
MOVIE_SYSTEM = "baselines.moviebooking.rule_system:RuleSystem"
SINGLE_AGENT = "wrappers.single_agent:single_agent_env"

register_agent("movie-agenda-user", MOVIE_USER)
register_agent("movie-rule-system", MOVIE_SYSTEM)

register(
    "moviebooking-joint-v0",
    MOVIE_ENV,
    "aec",
    description="Movie-ticket booking, both sides are agents (paper 002)",
    reference_agents={"user": MOVIE_USER, "system": MOVIE_SYSTEM},
)
register(
    "moviebooking-v0",
    SINGLE_AGENT,
    "gym",
    kwargs={"env_entry_point": MOVIE_ENV, "learner": "system", "partner_entry_points": {"user": MOVIE_USER}},
    description="Movie-ticket booking: you are the system, the partner is the agenda-based user",
    learner="system",
    reference_agents={"system": MOVIE_SYSTEM},
)
register(
    "moviebooking-user-v0",
    SINGLE_AGENT,
    "gym",
    kwargs={"env_entry_point": MOVIE_ENV, "learner": "user", "partner_entry_points": {"system": MOVIE_SYSTEM}},
    description="Movie-ticket booking: you are the user simulator, the partner is the rule system",
    learner="user",
    reference_agents={"user": MOVIE_USER},
)
