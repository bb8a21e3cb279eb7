"""Built-in PERSONA-CHAT partners: a persona-bank partner (no data) and a retrieval partner (ConvAI2 data).

:class:`~simulators.personachat.partner.PersonaPartner` is the registered reference agent for both sides of
``personachat-joint-v0`` and the partner of ``personachat-v0``; ``source`` picks the behaviour.
"""
