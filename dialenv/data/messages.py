"""The advice every "file not available" error ends with, kept in one place so all errors agree."""

from __future__ import annotations


def how_to_get(dataset: str, *, downloadable: bool = True) -> str:
    """How to make a file of ``dataset`` available, as one sentence (no fetch if not ``downloadable``)."""
    local = (
        f"set DIALENV_DATA=/path/to/mirror (a folder holding {dataset}/<file> or <file>.gz), "
        f"or run `dialenv data import {dataset} <dir>` with a folder holding the files"
    )
    if not downloadable:
        return f"To use it: {local}"
    fetch = f"run `dialenv data fetch {dataset}` (needs network, and DIALENV_OFFLINE unset)"
    return f"To get it: {fetch}, or {local}"
