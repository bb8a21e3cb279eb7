"""Downloading one file over HTTP(S) into the cache, with a progress bar and a checksum check.

The bytes go to a temporary file next to the destination and are hashed while they arrive; the file is
moved into place only when complete and verified, so an interrupted or wrong download never looks like a
valid cached file.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import BinaryIO

from dialenv.data.messages import how_to_get
from dialenv.errors import ChecksumError, DatasetMissingError
from dialenv.progress import ProgressBar

_CHUNK = 1 << 16
_TIMEOUT_SECONDS = 60


def download(url: str, dest: Path, *, dataset: str, filename: str, sha256: str | None) -> str:
    """Fetch ``url`` into ``dest`` and return the sha256 of the bytes received.

    Raises :class:`ChecksumError` (after deleting the download) if ``sha256`` is given and does not match,
    and :class:`DatasetMissingError` if the server or the network fails.
    """
    label = f"{dataset}/{filename}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            actual = _stream_to(url, out, label=label, dataset=dataset)
        if sha256 is not None and actual != sha256:
            raise ChecksumError(
                f"downloaded {label} from {url} has sha256 {actual}, expected {sha256}; the download was "
                "deleted. The server sent different bytes (another version, or an error page): retry later, "
                f"or get the verified file another way. {how_to_get(dataset)}"
            )
        os.replace(temp, dest)
    finally:
        temp.unlink(missing_ok=True)
    return actual


def _stream_to(url: str, out: BinaryIO, *, label: str, dataset: str) -> str:
    digest = hashlib.sha256()
    request = urllib.request.Request(url, headers={"User-Agent": "dialenv"})
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT_SECONDS) as response:
            bar = ProgressBar(f"downloading {label}", response.length)
            while chunk := response.read(_CHUNK):
                out.write(chunk)
                digest.update(chunk)
                bar.update(len(chunk))
            bar.close()
    except urllib.error.HTTPError as error:
        raise DatasetMissingError(
            f"could not download {label} from {url}: the server answered HTTP {error.code} {error.reason}. "
            f"The URL may have moved; {how_to_get(dataset)}"
        ) from error
    except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", error)
        raise DatasetMissingError(
            f"could not download {label} from {url}: {reason}. Check the network or proxy settings; "
            f"{how_to_get(dataset)}"
        ) from error
    return digest.hexdigest()
