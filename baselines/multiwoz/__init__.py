"""The MultiWOZ rule system: the built-in system partner of the MultiWOZ environments and a reference baseline.

* :class:`RuleSystem` - the agent (``reset``/``act``/``attach``), tying the parts together;
* :class:`UserTextNLU` - user text -> user acts (:mod:`~baselines.multiwoz.nlu`, with
  :mod:`~baselines.multiwoz.lexicon` and :mod:`~baselines.multiwoz.spotting`);
* :class:`BeliefTracker` - rule DST: user acts -> belief state and active domain (:mod:`~baselines.multiwoz.dst`);
* :class:`RulePolicy` - belief + database -> system acts (:mod:`~baselines.multiwoz.policy`, with
  :mod:`~baselines.multiwoz.search` and :mod:`~baselines.multiwoz.booking_flow`; the per-domain tables are
  in :mod:`~baselines.multiwoz.schema`);
* :class:`SystemNLG` - system acts -> text, "train"/"test" template sets, lexicalized or delexicalized
  (:mod:`~baselines.multiwoz.nlg`, :mod:`~baselines.multiwoz.templates`).
"""

from baselines.multiwoz.dst import BeliefTracker
from baselines.multiwoz.nlg import SystemNLG
from baselines.multiwoz.nlu import UserTextNLU
from baselines.multiwoz.policy import RulePolicy
from baselines.multiwoz.rule_system import RuleSystem

__all__ = ["BeliefTracker", "RulePolicy", "RuleSystem", "SystemNLG", "UserTextNLU"]
