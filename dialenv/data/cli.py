"""The ``dialenv data`` command: ``status [NAME]``, ``fetch NAME [FILE...]``, ``import NAME DIR``.

Hook it into a larger CLI with :func:`add_cli` (then call ``args.func(args)``, which returns the exit code),
or run it on its own with :func:`cli_main`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from dialenv.data import locations
from dialenv.data.importer import import_dir
from dialenv.data.store import StatusRow, fetch, status
from dialenv.errors import DataError

_DESCRIPTION = "Show where dataset files are, download them into the cache, or import them from a folder."


def add_cli(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``data`` command to ``subparsers``; the parsed namespace's ``func(args)`` runs it."""
    parser = subparsers.add_parser(
        "data", help="show, download and import dataset files", description=_DESCRIPTION
    )
    _configure(parser)
    return parser


def cli_main(argv: Sequence[str] | None = None) -> int:
    """Run ``dialenv data`` with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    parser = argparse.ArgumentParser(prog="dialenv data", description=_DESCRIPTION)
    _configure(parser)
    args = parser.parse_args(argv)
    return args.func(args)


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(func=_run)
    commands = parser.add_subparsers(dest="data_command", required=True, metavar="{status,fetch,import}")

    show = commands.add_parser("status", help="where each dataset file is and whether it is verified")
    show.add_argument("dataset", nargs="?", help="only this dataset (default: all)")
    show.set_defaults(handler=_status)

    get = commands.add_parser("fetch", help="download missing files of a dataset and verify all of them")
    get.add_argument("dataset")
    get.add_argument("files", nargs="*", help="only these files (default: all files of the dataset)")
    get.set_defaults(handler=_fetch)

    copy = commands.add_parser("import", help="verify files from a directory and copy them into the cache")
    copy.add_argument("dataset")
    copy.add_argument("directory", help="folder holding the files under their upstream names (or <name>.gz)")
    copy.set_defaults(handler=_import)


def _run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _status(args: argparse.Namespace) -> int:
    mirror = locations.mirror_root()
    print(f"mirror (DIALENV_DATA):  {mirror if mirror is not None else '(not set)'}")
    print(f"cache  (DIALENV_CACHE): {locations.cache_root()}")
    print(f"downloads: {'disabled (DIALENV_OFFLINE)' if locations.offline() else 'allowed'}")
    print()
    rows = status(args.dataset)
    print(format_table(rows))
    missing = sum(row.where == "missing" for row in rows)
    corrupt = sum(row.verified is False for row in rows)
    print(f"\n{len(rows) - missing} of {len(rows)} files available, {corrupt} failing their checksum.")
    if missing:
        print(
            "Get missing files with `dialenv data fetch <dataset>` or `dialenv data import <dataset> <dir>`."
        )
    return 1 if corrupt else 0


def format_table(rows: Sequence[StatusRow]) -> str:
    """The status rows as an aligned text table."""
    header = ("dataset", "file", "where", "size", "verified")
    lines = [header] + [(row.dataset, row.file, row.where, _size(row.size), _verdict(row)) for row in rows]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def _verdict(row: StatusRow) -> str:
    if row.where == "missing":
        return "-"
    return {True: "ok", False: "CHECKSUM MISMATCH", None: "unverifiable"}[row.verified]


def _size(nbytes: int | None) -> str:
    if nbytes is None:
        return "-"
    if nbytes < 1000:
        return f"{nbytes} B"
    if nbytes < 1_000_000:
        return f"{nbytes / 1e3:.1f} kB"
    return f"{nbytes / 1e6:.1f} MB"


def _fetch(args: argparse.Namespace) -> int:
    for path in fetch(args.dataset, args.files or None):
        print(f"ok  {path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    for path in import_dir(args.dataset, args.directory):
        print(f"imported  {path}")
    return 0
