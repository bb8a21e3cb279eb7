"""The dataset registry: which files make up each dataset, where they come from, and their checksums.

A dataset is a name plus a list of files. Each file is described by its upstream name (which is also its
path inside the dataset's folder, e.g. ``db_official/hotel_db.json``), the official download URL, its size
and the sha256 of the upstream bytes. The built-in datasets live in :mod:`dialenv.data.catalog` as plain
data; later code adds its own with :func:`register_dataset`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dialenv.data import catalog
from dialenv.errors import DataError

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class FileEntry:
    """One upstream file of a dataset.

    Attributes:
        name: the upstream file name, used as the path inside the dataset folder (``/`` separates folders).
        url: official download URL, or ``None`` when the file is not downloadable one by one (``note`` then
            says how to get it).
        size: size of the upstream file in bytes, or ``None`` if unknown.
        sha256: sha256 of the upstream bytes. ``None`` means "not verifiable": no checksum is known, so the
            file is used as found and reported as unverified.
        gz_sha256: sha256 of the ``gzip -9 -n`` mirror form ``<name>.gz``, if known. It only makes checking
            a ``.gz`` copy cheaper; a ``.gz`` made another way is checked through its decompressed bytes.
        note: free text shown to users, e.g. why a checksum is missing or how to obtain the file by hand.
    """

    name: str
    url: str | None
    size: int | None
    sha256: str | None
    gz_sha256: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Dataset:
    """A registered dataset: its name, a one-line description and its files (in registration order)."""

    name: str
    files: tuple[FileEntry, ...]
    description: str = ""

    def file(self, filename: str) -> FileEntry:
        """The entry named ``filename``; unknown names raise :class:`DataError` listing close matches."""
        for entry in self.files:
            if entry.name == filename:
                return entry
        names = [entry.name for entry in self.files]
        raise DataError(
            f"dataset {self.name!r} has no file {filename!r}.{_did_you_mean(filename, names)} "
            f"Its files are: {', '.join(names)}"
        )


_DATASETS: dict[str, Dataset] = {}


def register_dataset(
    name: str,
    files: Iterable[FileEntry | Mapping[str, Any]],
    *,
    description: str = "",
    replace: bool = False,
) -> Dataset:
    """Register a dataset and return it.

    ``files`` holds :class:`FileEntry` objects or dicts with the same keys. Re-registering a name is an
    error unless ``replace=True`` (so two modules cannot silently disagree about a dataset).
    """
    if not name or "/" in name or name.startswith("."):
        raise ValueError(f"invalid dataset name {name!r}: use a plain folder name such as 'multiwoz21'")
    if name in _DATASETS and not replace:
        raise ValueError(f"dataset {name!r} is already registered; pass replace=True to redefine it")
    entries = tuple(item if isinstance(item, FileEntry) else FileEntry(**item) for item in files)
    seen: set[str] = set()
    for entry in entries:
        _check_entry(name, entry)
        if entry.name in seen:
            raise ValueError(f"dataset {name!r} lists file {entry.name!r} twice")
        seen.add(entry.name)
    dataset = Dataset(name=name, files=entries, description=description)
    _DATASETS[name] = dataset
    return dataset


def _check_entry(dataset: str, entry: FileEntry) -> None:
    parts = entry.name.split("/")
    if not entry.name or entry.name.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise ValueError(
            f"dataset {dataset!r}: file name {entry.name!r} must be a relative path like 'a/b.json'"
        )
    for field_name in ("sha256", "gz_sha256"):
        value = getattr(entry, field_name)
        if value is not None and not _SHA256.match(value):
            raise ValueError(
                f"dataset {dataset!r}, file {entry.name!r}: {field_name} must be 64 lower-case hex digits"
            )


def datasets() -> list[str]:
    """Names of all registered datasets, sorted."""
    return sorted(_DATASETS)


def get_dataset(name: str) -> Dataset:
    """The dataset called ``name``; unknown names raise :class:`DataError` listing close matches."""
    try:
        return _DATASETS[name]
    except KeyError:
        raise DataError(
            f"unknown dataset {name!r}.{_did_you_mean(name, list(_DATASETS))} "
            f"Registered datasets: {', '.join(datasets())}"
        ) from None


def get_file(dataset: str, filename: str) -> FileEntry:
    """The entry of ``filename`` in ``dataset`` (both checked, with close-match suggestions)."""
    return get_dataset(dataset).file(filename)


def _did_you_mean(name: str, candidates: list[str]) -> str:
    by_lower = {candidate.lower(): candidate for candidate in candidates}
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.5)
    if not matches:
        return ""
    return " Did you mean " + " or ".join(repr(by_lower[match]) for match in matches) + "?"


for _spec in catalog.BUILTIN_DATASETS:
    register_dataset(_spec["name"], _spec["files"], description=_spec["description"])
