"""Finding a dataset file: mirror first, then cache, then a download into the cache.

This is the one place that knows the resolution order. Every file found is checked against its registered
sha256 (once per process, see :mod:`dialenv.data.checksum`) unless the caller passes ``verify=False``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

from dialenv.data import checksum, locations
from dialenv.data.download import download
from dialenv.data.messages import how_to_get
from dialenv.data.registry import FileEntry, datasets, get_dataset, get_file
from dialenv.errors import ChecksumError, DataError, DatasetMissingError

Where = Literal["mirror", "cache", "missing"]


@dataclass(frozen=True)
class Found:
    """A file on disk: where it was found, its path, and whether that path is the ``.gz`` form."""

    where: Where
    path: Path
    gz: bool


class StatusRow(NamedTuple):
    """One line of :func:`status`. ``verified`` is True/False, or None when unverifiable or missing."""

    dataset: str
    file: str
    where: Where
    path: Path | None
    size: int | None
    verified: bool | None


def find(dataset: str, entry: FileEntry) -> Found | None:
    """The first copy of ``entry`` in the mirror, then the cache (plain before ``.gz``); never downloads."""
    roots: list[tuple[Where, Path | None]] = [
        ("mirror", locations.mirror_root()),
        ("cache", locations.cache_root()),
    ]
    for where, root in roots:
        if root is None:
            continue
        for gz in (False, True):
            path = locations.file_path(root / dataset, entry.name, gz=gz)
            if path.is_file():
                return Found(where, path, gz)
    return None


def resolve(dataset: str, filename: str, *, verify: bool = True) -> Found:
    """Find ``filename`` of ``dataset``, downloading it into the cache if needed, and verify it."""
    entry = get_file(dataset, filename)
    found = find(dataset, entry) or _download(dataset, entry)
    if verify:
        _ensure_valid(dataset, entry, found)
    return found


def locate(dataset: str, filename: str, *, verify: bool = True) -> Path:
    """Path of the file on disk (mirror or cache, possibly its ``.gz`` form), downloading it if needed."""
    return resolve(dataset, filename, verify=verify).path


def is_available(dataset: str, filename: str | None = None) -> bool:
    """Whether the file (or, with no ``filename``, every file of the dataset) is on disk. Never downloads.

    Only presence is checked, not checksums: a corrupt copy counts as available and fails when opened.
    """
    ds = get_dataset(dataset)
    entries = ds.files if filename is None else (ds.file(filename),)
    return all(find(dataset, entry) is not None for entry in entries)


def status(dataset: str | None = None) -> list[StatusRow]:
    """One row per registered file (of one dataset, or of all): where it is, its size on disk, verified?

    Verification hashes every file found, once per process.
    """
    names = [dataset] if dataset is not None else datasets()
    rows = []
    for name in names:
        for entry in get_dataset(name).files:
            found = find(name, entry)
            if found is None:
                rows.append(StatusRow(name, entry.name, "missing", None, None, None))
            else:
                result = checksum.check(entry, found.path, gz=found.gz)
                rows.append(
                    StatusRow(name, entry.name, found.where, found.path, found.path.stat().st_size, result.ok)
                )
    return rows


def fetch(dataset: str, files: list[str] | None = None) -> list[Path]:
    """Make files of ``dataset`` (all, or those named) available and verified; return their paths.

    Files already in the mirror or cache are only verified. Every file is attempted; if some fail, one
    :class:`DataError` lists them all at the end.
    """
    ds = get_dataset(dataset)
    names = [entry.name for entry in ds.files] if files is None else list(files)
    paths, failures = [], []
    for name in names:
        try:
            paths.append(locate(dataset, name))
        except DataError as error:
            failures.append(f"  - {name}: {error}")
    if failures:
        summary = f"could not fetch {len(failures)} of {len(names)} files of {dataset!r}:\n"
        raise DataError(summary + "\n".join(failures))
    return paths


def _download(dataset: str, entry: FileEntry) -> Found:
    label = f"{dataset}/{entry.name}"
    if entry.url is None:
        raise DatasetMissingError(
            f"{label} is not in the mirror or the cache and cannot be downloaded by dialenv: "
            f"{entry.note or 'no download URL is registered'}. {how_to_get(dataset, downloadable=False)}"
        )
    if locations.offline():
        raise DatasetMissingError(
            f"{label} is not in the mirror or the cache, and downloads are disabled (DIALENV_OFFLINE=1). "
            f"{how_to_get(dataset)}"
        )
    dest = locations.file_path(locations.cache_root() / dataset, entry.name)
    actual = download(entry.url, dest, dataset=dataset, filename=entry.name, sha256=entry.sha256)
    if entry.sha256 is None:
        note = entry.note or "no checksum is registered"
        warnings.warn(f"{label} was downloaded but cannot be verified: {note}", stacklevel=2)
    else:
        checksum.remember_verified(dest, actual)
    return Found("cache", dest, gz=False)


def _ensure_valid(dataset: str, entry: FileEntry, found: Found) -> None:
    result = checksum.check(entry, found.path, gz=found.gz)
    if result.ok is not False:
        return
    if found.where == "mirror":
        remedy = "The mirror copy is corrupt or another version: replace it with the upstream file"
    else:
        remedy = (
            f"Delete it and run `dialenv data fetch {dataset}` (or `dialenv data import {dataset} <dir>`)"
        )
    raise ChecksumError(
        f"{found.where} file {found.path} ({dataset}/{entry.name}) has sha256 {result.actual}, expected "
        f"{result.expected}. {remedy}, or pass verify=False to use it anyway."
    )
