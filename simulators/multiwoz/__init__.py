"""The MultiWOZ user simulator and the language parts it needs.

* :class:`AgendaUser` - the agenda-based user (Schatzmann et al. 2007), the built-in user of the
  MultiWOZ environments (:mod:`simulators.multiwoz.agenda` holds its act-level policy);
* :class:`UserNLG` - user acts -> text, with "train" and "test" wordings;
* :class:`SystemTextNLU` - system text -> system acts, for systems that send text only.
"""

from simulators.multiwoz.agenda_user import AgendaUser
from simulators.multiwoz.nlg import UserNLG
from simulators.multiwoz.nlu import SystemTextNLU

__all__ = ["AgendaUser", "SystemTextNLU", "UserNLG"]
