"""Dataset files for dialenv: a registry of official files with checksums, and a reader that finds them.

A file is looked up in a read-only mirror (``$DIALENV_DATA``), then in the cache (``$DIALENV_CACHE`` or
``~/.cache/dialenv``), and is otherwise downloaded into the cache (unless ``DIALENV_OFFLINE=1``). Checksums
are verified once per process. Datasets are never shipped with the code.

Typical use::

    from dialenv import data
    dialogues = data.load_json("sim-M", "train.json")
    with data.open_file("multiwoz21", "val.json.zip") as raw: ...
"""

from dialenv.data.importer import import_dir
from dialenv.data.readers import load_json, open_file, read_bytes
from dialenv.data.registry import Dataset, FileEntry, datasets, get_dataset, register_dataset
from dialenv.data.store import StatusRow, fetch, is_available, locate, status

__all__ = [
    "Dataset",
    "FileEntry",
    "StatusRow",
    "datasets",
    "fetch",
    "get_dataset",
    "import_dir",
    "is_available",
    "load_json",
    "locate",
    "open_file",
    "read_bytes",
    "register_dataset",
    "status",
]
