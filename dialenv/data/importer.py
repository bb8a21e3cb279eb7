"""Copying dataset files from a user's directory into the cache, after checking them.

For files a user obtained by hand (e.g. extracted from an archive). Every candidate is checked first and
nothing is copied if one of them is wrong, so a bad import never half-replaces a good cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from dialenv.data import checksum, locations
from dialenv.data.registry import get_dataset
from dialenv.errors import ChecksumError, DataError


def import_dir(dataset: str, directory: str | os.PathLike[str]) -> list[Path]:
    """Copy the files of ``dataset`` found in ``directory`` into the cache and return their cache paths.

    ``directory`` holds files under their upstream names (``db_official/hotel_db.json``, ...), each either
    plain or as ``name.gz``; files of the dataset not present there are skipped. Raises
    :class:`ChecksumError` if a file does not match its registered sha256 (nothing is copied then), and
    :class:`DataError` if the directory holds none of the dataset's files.
    """
    source_dir = Path(directory).expanduser()
    if not source_dir.is_dir():
        raise DataError(f"cannot import {dataset!r}: {str(source_dir)!r} is not a directory")
    ds = get_dataset(dataset)
    candidates = []
    for entry in ds.files:
        for gz in (False, True):
            source = locations.file_path(source_dir, entry.name, gz=gz)
            if source.is_file():
                candidates.append((entry, source, gz))
                break
    if not candidates:
        names = ", ".join(entry.name for entry in ds.files)
        raise DataError(
            f"no file of dataset {dataset!r} found in {source_dir}: expected some of {names} "
            "(each may also be gzip-compressed as <name>.gz)"
        )
    for entry, source, gz in candidates:
        result = checksum.check(entry, source, gz=gz)
        if result.ok is False:
            raise ChecksumError(
                f"{source} does not match {dataset}/{entry.name}: sha256 {result.actual}, expected "
                f"{result.expected}. Nothing was imported; make sure you have the upstream version of it."
            )
    folder = locations.cache_root() / dataset
    return [_copy_into(folder, source, entry.name, gz) for entry, source, gz in candidates]


def _copy_into(folder: Path, source: Path, filename: str, gz: bool) -> Path:
    dest = locations.file_path(folder, filename, gz=gz)
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    os.close(handle)
    try:
        shutil.copyfile(source, temp_name)
        os.replace(temp_name, dest)
    finally:
        Path(temp_name).unlink(missing_ok=True)
    # The other form (plain vs .gz) would shadow or duplicate the new copy: drop it.
    locations.file_path(folder, filename, gz=not gz).unlink(missing_ok=True)
    return dest
