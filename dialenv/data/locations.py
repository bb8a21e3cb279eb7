"""Where dataset files may live on disk, as configured by environment variables.

Read at call time (never cached at import) so a program or a test can change the variables at any moment:

* ``DIALENV_DATA``: a read-only mirror, one folder per dataset holding the upstream file names (``name`` or
  ``name.gz``), e.g. a copy of the project's staged ``data/`` folder. Optional.
* ``DIALENV_CACHE``: where downloads and imports go; default ``~/.cache/dialenv``. Same layout.
* ``DIALENV_OFFLINE``: ``1``/``true``/``yes`` forbid any network access.
"""

from __future__ import annotations

import os
from pathlib import Path

from dialenv.errors import DataError

GZ_SUFFIX = ".gz"


def mirror_root() -> Path | None:
    """The mirror directory from ``$DIALENV_DATA``, or ``None`` when unset or empty."""
    value = os.environ.get("DIALENV_DATA", "")
    if not value:
        return None
    root = Path(value).expanduser()
    if not root.is_dir():
        raise DataError(
            f"DIALENV_DATA={value!r} is not a directory: point it at a folder laid out as "
            "<dataset>/<file> (e.g. the project's shared data folder) or unset it"
        )
    return root


def cache_root() -> Path:
    """The cache directory: ``$DIALENV_CACHE`` if set, else ``~/.cache/dialenv`` (created on first write)."""
    value = os.environ.get("DIALENV_CACHE", "")
    return Path(value).expanduser() if value else Path.home() / ".cache" / "dialenv"


def offline() -> bool:
    """True when ``$DIALENV_OFFLINE`` forbids downloads."""
    return os.environ.get("DIALENV_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def file_path(folder: Path, filename: str, *, gz: bool = False) -> Path:
    """Path of ``filename`` (``/``-separated) inside a dataset ``folder``; with ``gz`` its ``.gz`` form."""
    path = folder.joinpath(*filename.split("/"))
    return path.with_name(path.name + GZ_SUFFIX) if gz else path
