"""Reading dataset files: raw streams, bytes and parsed JSON, whatever form the file is stored in.

Callers always see the upstream bytes: a ``.gz`` mirror copy is decompressed on the fly. Upstream ``.zip``
files are returned as zip bytes (use :mod:`zipfile`), except by :func:`load_json`, which unpacks a zip holding
a single JSON member.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from typing import Any, BinaryIO

from dialenv.data.store import resolve
from dialenv.errors import DataError


def open_file(dataset: str, filename: str, *, verify: bool = True) -> BinaryIO:
    """Open the upstream bytes of ``filename`` of ``dataset`` for reading (download and verify if needed)."""
    found = resolve(dataset, filename, verify=verify)
    if found.gz:
        return gzip.open(found.path, "rb")  # type: ignore[return-value]  # GzipFile is a binary stream
    return open(found.path, "rb")


def read_bytes(dataset: str, filename: str, *, verify: bool = True) -> bytes:
    """All upstream bytes of ``filename`` of ``dataset``."""
    with open_file(dataset, filename, verify=verify) as stream:
        return stream.read()


def load_json(dataset: str, filename: str, *, verify: bool = True) -> Any:
    """Parse ``filename`` of ``dataset`` as JSON (``.json``, its ``.gz`` copy, or a ``.zip`` of one JSON)."""
    label = f"{dataset}/{filename}"
    with open_file(dataset, filename, verify=verify) as stream:
        if not filename.endswith(".zip"):
            return _parse(stream, label)
        try:
            with zipfile.ZipFile(stream) as archive:
                members = [info for info in archive.infolist() if not info.is_dir()]
                if len(members) != 1:
                    raise DataError(
                        f"{label} holds {len(members)} files, not one JSON file: open it with "
                        "dialenv.data.open_file and zipfile instead"
                    )
                with archive.open(members[0]) as member:
                    return _parse(member, f"{label}:{members[0].filename}")
        except zipfile.BadZipFile as error:
            raise DataError(
                f"{label} is not a valid zip file ({error}); re-fetch it or check your copy"
            ) from error


def _parse(stream: BinaryIO, label: str) -> Any:
    try:
        return json.load(stream)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataError(f"{label} is not valid JSON ({error}); is it the right file?") from error
