"""The table of registered environments and named agents (lazy entry points only; nothing is imported).

Each two-party task registers the same three ids through :func:`register_task`: ``<task>-joint-v0`` (AEC,
both sides are agents), ``<task>-<system-id>`` (you are the system, the partner is the built-in user) and
``<task>-user-v0`` (you are the user, the partner is the built-in system).
"""

from __future__ import annotations

from dialenv.agents import register_agent
from dialenv.registration import register

SINGLE_AGENT = "wrappers.single_agent:single_agent_env"
PERSONA_ENV = "dialenv.personachat.env:PersonaChatEnv"
PERSONA_PARTNER = "simulators.personachat.partner:PersonaPartner"


def register_task(
    task: str,
    env: str,
    user: str,
    system: str,
    description: str,
    system_id: str,
    datasets: tuple[str, ...] = (),
) -> None:
    """Register the joint env of ``task`` and its two single-agent views, with their reference agents."""
    register_agent(f"{task}-agenda-user", user)
    register_agent(f"{task}-rule-system", system)
    register(
        f"{task}-joint-v0",
        env,
        "aec",
        description=f"{description}: both sides are agents",
        reference_agents={"user": user, "system": system},
        datasets=datasets,
    )
    for learner, partner, partner_entry, you_play in (
        ("system", "user", user, "you are the system, the partner is the agenda-based user"),
        ("user", "system", system, "you are the user simulator, the partner is the rule system"),
    ):
        register(
            system_id if learner == "system" else f"{task}-user-v0",
            SINGLE_AGENT,
            "gym",
            kwargs={"env_entry_point": env, "learner": learner, "partner_entry_points": {partner: partner_entry}},
            description=f"{description}: {you_play}",
            learner=learner,
            reference_agents={learner: system if learner == "system" else user},
            datasets=datasets,
        )


register_task(
    "moviebooking",
    env="dialenv.moviebooking.env:MovieBookingEnv",
    user="simulators.moviebooking.agenda_user:AgendaUser",
    system="baselines.moviebooking.rule_system:RuleSystem",
    description="Movie-ticket booking (paper 002)",
    system_id="moviebooking-v0",
)
register_task(
    "multiwoz",
    env="dialenv.multiwoz.env:MultiWOZEnv",
    user="simulators.multiwoz.agenda_user:AgendaUser",
    system="baselines.multiwoz.rule_system:RuleSystem",
    description="MultiWOZ 2.1 (paper 000)",
    system_id="multiwoz-system-v0",
    datasets=("multiwoz21/test.json.zip", "multiwoz21/db_official/train_db.json"),
)
register_agent("persona-partner", PERSONA_PARTNER)
register(
    "personachat-joint-v0",
    PERSONA_ENV,
    "aec",
    description="PERSONA-CHAT get-to-know, both sides are agents; P2BOT rewards (paper 001)",
    reference_agents={"A": PERSONA_PARTNER, "B": PERSONA_PARTNER},
)
register(
    "personachat-v0",
    SINGLE_AGENT,
    "gym",
    kwargs={"env_entry_point": PERSONA_ENV, "learner": "B", "partner_entry_points": {"A": PERSONA_PARTNER}},
    description="PERSONA-CHAT get-to-know: you are B, the partner A talks from its persona-bank profile",
    learner="B",
    reference_agents={"B": PERSONA_PARTNER},
)
