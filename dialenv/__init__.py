"""dialenv: multi-agent dialogue environments with simulators, standard evaluators and paper baselines.

    import dialenv
    env = dialenv.make("moviebooking-joint-v0")      # PettingZoo AEC env: agents "user" and "system"

``make``/``register``/``spec`` work like Gymnasium's registry; ``registered_ids()`` lists the ids.
"""

from dialenv import envs as _envs  # noqa: F401  (fills the registry)
from dialenv.acts import DialogueAct, Message
from dialenv.agents import Agent, load_agent, register_agent
from dialenv.errors import DialenvError, EpisodeFinishedError, InvalidAction, UnknownEnvError
from dialenv.registration import EnvSpec, make, register, registered_ids, spec

__version__ = "0.1.0"

__all__ = [
    "Agent",
    "DialenvError",
    "DialogueAct",
    "EnvSpec",
    "EpisodeFinishedError",
    "InvalidAction",
    "Message",
    "UnknownEnvError",
    "load_agent",
    "make",
    "register",
    "register_agent",
    "registered_ids",
    "spec",
]
