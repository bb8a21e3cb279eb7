"""Exceptions raised by dialenv.

Every error says what went wrong *and* what to do about it, because most of them reach people who are
plugging their own agent or simulator into an environment they did not write.
"""

from __future__ import annotations


class DialenvError(Exception):
    """Base class of every error dialenv raises on purpose."""


class UnknownEnvError(DialenvError, KeyError):
    """An env id (or one of its versions) is not registered."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


class InvalidAction(DialenvError, ValueError):
    """An agent sent an action the environment cannot interpret.

    Raised before the environment's state is touched, so the caller can fix the action and step again.
    Environments made with ``invalid_action="penalize"`` do not raise; they charge a penalty instead.
    """


class EpisodeFinishedError(DialenvError, RuntimeError):
    """``step`` was called on an episode that has already ended (call ``reset`` first)."""


class DataError(DialenvError):
    """A dataset file is missing, corrupt, or cannot be fetched."""


class DatasetMissingError(DataError, FileNotFoundError):
    """A dataset file is neither in the local mirror nor in the cache, and cannot be downloaded."""


class ChecksumError(DataError):
    """A dataset file exists but its sha256 does not match the registered checksum."""
