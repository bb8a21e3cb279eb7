"""Checking a file on disk against the sha256 registered for it, at most once per process.

Hashing a few megabytes on every ``open_file`` would be wasteful, so outcomes are remembered in memory,
keyed by path, size and modification time: a file that changes is checked again.
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from dataclasses import dataclass
from pathlib import Path

from dialenv.data.registry import FileEntry

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Check:
    """Outcome of a check: ``ok`` is True (matches), False (does not match) or None (nothing to compare with).

    ``actual`` and ``expected`` are the compared hashes (``actual`` may describe why the data is unreadable).
    """

    ok: bool | None
    actual: str | None = None
    expected: str | None = None


_MEMO: dict[tuple[str, int, int, bool], Check] = {}


def check(entry: FileEntry, path: Path, *, gz: bool) -> Check:
    """Compare ``path`` (the ``.gz`` form of ``entry`` if ``gz``) with the registered checksums.

    A ``.gz`` copy passes if its own hash equals ``gz_sha256``; otherwise its decompressed bytes are compared
    with ``sha256``, so a copy compressed with other gzip settings is still accepted.
    """
    key = _key(path, gz)
    if key not in _MEMO:
        _MEMO[key] = _compute(entry, path, gz)
    return _MEMO[key]


def remember_verified(path: Path, sha256: str) -> None:
    """Record that the plain file at ``path`` was just hashed to its expected ``sha256`` (by a download)."""
    _MEMO[_key(path, False)] = Check(True, sha256, sha256)


def sha256_of(path: Path, *, gunzip: bool = False) -> str:
    """Hex sha256 of the file's bytes, or of its decompressed bytes with ``gunzip``."""
    digest = hashlib.sha256()
    opener = gzip.open if gunzip else open
    with opener(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _key(path: Path, gz: bool) -> tuple[str, int, int, bool]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns, gz)


def _compute(entry: FileEntry, path: Path, gz: bool) -> Check:
    if gz and entry.gz_sha256 is not None and sha256_of(path) == entry.gz_sha256:
        return Check(True, entry.gz_sha256, entry.gz_sha256)
    if entry.sha256 is None:
        return Check(None)
    try:
        actual = sha256_of(path, gunzip=gz)
    except (OSError, EOFError, zlib.error) as error:
        return Check(False, f"unreadable data ({error})", entry.sha256)
    return Check(actual == entry.sha256, actual, entry.sha256)
