"""Tests of dialenv.data: mirror reading, downloads against a real local HTTP server, checksums, import, CLI.

Mirror tests read the shared data mirror named by ``$DIALENV_DATA`` (CI sets ``../shared/data``) and are
skipped when it is unset. Every test runs with a fresh cache in ``tmp_path``; nothing touches ``~/.cache``.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import http.server
import json
import os
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from dialenv import data
from dialenv.data import checksum, registry
from dialenv.data.cli import add_cli, cli_main
from dialenv.errors import ChecksumError, DataError, DatasetMissingError

_MIRROR_ENV = os.environ.get("DIALENV_DATA", "")
MIRROR = Path(_MIRROR_ENV).resolve() if _MIRROR_ENV else None
needs_mirror = pytest.mark.skipif(
    MIRROR is None,
    reason="DIALENV_DATA is not set: point it at the shared data mirror (CI uses ../shared/data)",
)


def _sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


# A deterministic payload larger than one download chunk, so the progress bar sees several updates.
PAYLOAD = bytes((i * 7 + i // 251) % 256 for i in range(300_000))
TABLE = json.dumps({"rows": [1, 2, 3]}).encode()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fresh cache and home in tmp_path, no mirror, network allowed; the registry is restored afterwards."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("DIALENV_CACHE", str(cache))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DIALENV_DATA", raising=False)
    monkeypatch.delenv("DIALENV_OFFLINE", raising=False)
    monkeypatch.setattr(registry, "_DATASETS", dict(registry._DATASETS))
    return cache


@pytest.fixture
def mirror(monkeypatch: pytest.MonkeyPatch) -> Path:
    assert MIRROR is not None
    monkeypatch.setenv("DIALENV_DATA", str(MIRROR))
    return MIRROR


class _Server:
    """A real HTTP server on 127.0.0.1 (random port) serving ``routes``; other paths get 404."""

    def __init__(self) -> None:
        self.routes: dict[str, bytes] = {}
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                body = server.routes.get(self.path)
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base_url + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def server():
    http_server = _Server()
    yield http_server
    http_server.close()


@pytest.fixture
def toy(server: _Server) -> str:
    """A dataset 'toy' whose files are served by the local server with the right bytes."""
    server.routes["/toy/blob.bin"] = PAYLOAD
    server.routes["/toy/table.json"] = TABLE
    registry.register_dataset(
        "toy",
        [
            {
                "name": "blob.bin",
                "url": server.url("/toy/blob.bin"),
                "size": len(PAYLOAD),
                "sha256": _sha256(PAYLOAD),
            },
            {
                "name": "sub/table.json",
                "url": server.url("/toy/table.json"),
                "size": len(TABLE),
                "sha256": _sha256(TABLE),
            },
        ],
    )
    return "toy"


def _files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.exists() else []


# ---------------------------------------------------------------- mirror


@needs_mirror
def test_mirror_gz_json_is_decompressed_and_verified(mirror: Path) -> None:
    dialogues = data.load_json("sim-M", "train.json")
    assert len(dialogues) == 384
    assert data.locate("sim-M", "train.json") == mirror / "sim-M" / "train.json.gz"
    raw = data.read_bytes("sim-M", "dev.json")
    assert _sha256(raw) == registry.get_file("sim-M", "dev.json").sha256


@needs_mirror
def test_mirror_zip_is_returned_as_zip_and_load_json_unpacks_it(mirror: Path) -> None:
    with data.open_file("multiwoz21", "test.json.zip") as stream:
        assert zipfile.is_zipfile(stream)
    val = data.load_json("multiwoz21", "val.json.zip")
    assert len(val) == 999 and "PMUL4707" not in val
    assert len(data.load_json("multiwoz21", "db_official/hotel_db.json")) == 33


@needs_mirror
def test_mirror_text_and_predictions(mirror: Path) -> None:
    text = data.read_bytes("personachat_convai2", "valid_self_original_no_cands.txt")
    assert text.startswith(b"1 your persona: ")
    assert len(data.load_json("multiwoz-predictions", "augpt.json")) == 1000


@needs_mirror
def test_every_staged_file_matches_the_registry(mirror: Path) -> None:
    rows = data.status()
    missing = {(row.dataset, row.file) for row in rows if row.where == "missing"}
    assert missing == {
        ("multiwoz21", "train.json.zip"),
        ("personachat_convai2", "train_self_original_no_cands.txt"),
        ("personachat_convai2", "train_other_original_no_cands.txt"),
        ("personachat_convai2", "train_both_original_no_cands.txt"),
        *{
            ("personachat_convai2", f"valid_{view}_{variant}.txt")
            for view in ("self", "other", "both")
            for variant in ("original", "revised", "revised_no_cands")
        },
        ("personachat_convai2", "personachat_self_original.json"),
    }
    assert all(row.verified is True for row in rows if row.where == "mirror")
    assert data.is_available("sim-M") and not data.is_available("multiwoz21")
    assert data.is_available("multiwoz21", "ontology.json")


@needs_mirror
def test_corrupt_mirror_files_raise_checksum_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corrupt = tmp_path / "mirror"
    (corrupt / "sim-M").mkdir(parents=True)
    (corrupt / "multiwoz21").mkdir()
    gz_copy = corrupt / "sim-M" / "dev.json.gz"
    shutil.copyfile(MIRROR / "sim-M" / "dev.json.gz", gz_copy)
    gz_copy.write_bytes(_flip(gz_copy.read_bytes(), 5000))
    plain_copy = corrupt / "multiwoz21" / "ontology.json"
    shutil.copyfile(MIRROR / "multiwoz21" / "ontology.json", plain_copy)
    plain_copy.write_bytes(_flip(plain_copy.read_bytes(), 100))
    monkeypatch.setenv("DIALENV_DATA", str(corrupt))

    with pytest.raises(ChecksumError, match=r"dev\.json\.gz"):
        data.read_bytes("sim-M", "dev.json")
    entry = registry.get_file("multiwoz21", "ontology.json")
    with pytest.raises(ChecksumError) as caught:
        data.load_json("multiwoz21", "ontology.json")
    message = str(caught.value)
    assert (
        "ontology.json" in message and entry.sha256 in message and _sha256(plain_copy.read_bytes()) in message
    )
    assert "verify=False" in message
    assert data.read_bytes("multiwoz21", "ontology.json", verify=False) == plain_copy.read_bytes()


def _flip(payload: bytes, index: int) -> bytes:
    return payload[:index] + bytes([payload[index] ^ 0xFF]) + payload[index + 1 :]


def test_mirror_variable_must_name_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALENV_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(DataError, match="DIALENV_DATA"):
        data.is_available("sim-M", "dev.json")


# ---------------------------------------------------------------- checksums


def test_checksums_are_computed_once_per_file_version(
    toy: str, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = isolated / toy
    folder.mkdir(parents=True)
    (folder / "blob.bin").write_bytes(PAYLOAD)
    calls = []
    real = checksum.sha256_of
    monkeypatch.setattr(checksum, "sha256_of", lambda *a, **k: calls.append(a) or real(*a, **k))
    for _ in range(3):
        assert data.read_bytes(toy, "blob.bin") == PAYLOAD
    assert len(calls) == 1
    (folder / "blob.bin").write_bytes(_flip(PAYLOAD, 10))  # a changed file is checked again
    with pytest.raises(ChecksumError, match="dialenv data fetch toy"):
        data.read_bytes(toy, "blob.bin")


# ---------------------------------------------------------------- downloads


def test_download_with_progress_bar_and_checksum(
    toy: str, server: _Server, isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not data.is_available(toy, "blob.bin")
    assert server.requests == []  # is_available never downloads
    assert data.read_bytes(toy, "blob.bin") == PAYLOAD
    assert data.locate(toy, "blob.bin") == isolated / toy / "blob.bin"
    stderr = capsys.readouterr().err
    assert "downloading toy/blob.bin" in stderr and "100%" in stderr
    assert data.load_json(toy, "sub/table.json") == {"rows": [1, 2, 3]}
    assert data.is_available(toy)
    data.fetch(toy)
    assert server.requests == ["/toy/blob.bin", "/toy/table.json"]  # each file downloaded exactly once
    assert _files_under(isolated / toy) == [
        isolated / toy / "blob.bin",
        isolated / toy / "sub" / "table.json",
    ]


@needs_mirror
def test_download_of_a_real_registered_file(server: _Server, isolated: Path) -> None:
    upstream = gzip.decompress((MIRROR / "sim-M" / "dev.json.gz").read_bytes())
    server.routes["/sim-M/dev.json"] = upstream
    entry = registry.get_file("sim-M", "dev.json")
    dataset = registry.get_dataset("sim-M")
    files = [
        dataclasses.replace(f, url=server.url("/sim-M/dev.json")) if f is entry else f for f in dataset.files
    ]
    registry.register_dataset("sim-M", files, description=dataset.description, replace=True)
    assert len(data.load_json("sim-M", "dev.json")) == 120
    assert (isolated / "sim-M" / "dev.json").read_bytes() == upstream


def test_wrong_bytes_from_server_raise_checksum_error_and_leave_nothing(
    toy: str, server: _Server, isolated: Path
) -> None:
    wrong = b"<html>not the file</html>"
    server.routes["/toy/blob.bin"] = wrong
    with pytest.raises(ChecksumError) as caught:
        data.open_file(toy, "blob.bin")
    message = str(caught.value)
    assert "toy/blob.bin" in message and _sha256(PAYLOAD) in message and _sha256(wrong) in message
    assert "dialenv data import toy" in message
    assert _files_under(isolated) == []


def test_http_404_is_a_clear_data_error(toy: str, server: _Server, isolated: Path) -> None:
    del server.routes["/toy/table.json"]
    with pytest.raises(DataError, match=r"HTTP 404") as caught:
        data.load_json(toy, "sub/table.json")
    assert isinstance(caught.value, DatasetMissingError)
    assert server.url("/toy/table.json") in str(caught.value)
    assert _files_under(isolated) == []


def test_offline_mode_names_the_fix(toy: str, server: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALENV_OFFLINE", "1")
    with pytest.raises(DatasetMissingError) as caught:
        data.read_bytes(toy, "blob.bin")
    message = str(caught.value)
    assert "DIALENV_OFFLINE=1" in message
    assert "dialenv data fetch toy" in message
    assert "DIALENV_DATA=/path/to/mirror" in message
    assert "dialenv data import toy <dir>" in message
    assert server.requests == []


def test_file_without_url_explains_how_to_get_it() -> None:
    with pytest.raises(DatasetMissingError, match=r"parl\.ai/downloads/convai2") as caught:
        data.open_file("personachat_convai2", "train_self_original_no_cands.txt")
    assert "dialenv data import personachat_convai2" in str(caught.value)


def test_unverifiable_download_warns_and_reports_none(server: _Server) -> None:
    server.routes["/free.txt"] = b"anything"
    registry.register_dataset(
        "free", [{"name": "free.txt", "url": server.url("/free.txt"), "size": None, "sha256": None}]
    )
    with pytest.warns(UserWarning, match="cannot be verified"):
        assert data.read_bytes("free", "free.txt") == b"anything"
    [row] = data.status("free")
    assert (row.where, row.size, row.verified) == ("cache", 8, None)


def test_fetch_reports_every_failing_file(toy: str, server: _Server) -> None:
    server.routes.clear()
    with pytest.raises(DataError, match=r"could not fetch 2 of 2 files of 'toy'") as caught:
        data.fetch(toy)
    assert "blob.bin" in str(caught.value) and "sub/table.json" in str(caught.value)


# ---------------------------------------------------------------- import


def test_import_dir_verifies_and_copies_plain_and_gz(
    toy: str, server: _Server, tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "download"
    (source / "sub").mkdir(parents=True)
    (source / "blob.bin").write_bytes(PAYLOAD)
    # Compressed with other settings than `gzip -9 -n`: accepted through its decompressed bytes.
    (source / "sub" / "table.json.gz").write_bytes(gzip.compress(TABLE, compresslevel=1, mtime=0))
    imported = data.import_dir(toy, source)
    assert imported == [isolated / toy / "blob.bin", isolated / toy / "sub" / "table.json.gz"]
    monkeypatch.setenv("DIALENV_OFFLINE", "1")
    assert data.load_json(toy, "sub/table.json") == {"rows": [1, 2, 3]}
    assert data.read_bytes(toy, "blob.bin") == PAYLOAD
    assert server.requests == []


def test_import_dir_rejects_wrong_files_and_copies_nothing(toy: str, tmp_path: Path, isolated: Path) -> None:
    source = tmp_path / "download"
    (source / "sub").mkdir(parents=True)
    (source / "blob.bin").write_bytes(PAYLOAD)
    (source / "sub" / "table.json").write_bytes(b"{}")
    with pytest.raises(ChecksumError, match=r"table\.json.*Nothing was imported"):
        data.import_dir(toy, source)
    assert _files_under(isolated) == []
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataError, match="no file of dataset 'toy'"):
        data.import_dir(toy, empty)
    with pytest.raises(DataError, match="is not a directory"):
        data.import_dir(toy, tmp_path / "nowhere")


# ---------------------------------------------------------------- names and registry


def test_unknown_names_list_close_matches() -> None:
    assert data.datasets() == ["multiwoz-predictions", "multiwoz21", "personachat_convai2", "sim-M"]
    with pytest.raises(DataError, match=r"unknown dataset 'simM'\. Did you mean 'sim-M'\?"):
        data.load_json("simM", "train.json")
    with pytest.raises(DataError, match=r"Did you mean 'train\.json'"):
        data.locate("sim-M", "trian.json")
    with pytest.raises(DataError, match=r"'multiwoz21'"):
        data.is_available("multiwoz-21")


def test_register_dataset_rejects_bad_entries() -> None:
    with pytest.raises(ValueError, match="already registered"):
        registry.register_dataset("sim-M", [])
    with pytest.raises(ValueError, match="64 lower-case hex"):
        registry.register_dataset("bad", [{"name": "a", "url": None, "size": None, "sha256": "abc"}])
    with pytest.raises(ValueError, match="relative path"):
        registry.register_dataset("bad", [{"name": "../a", "url": None, "size": None, "sha256": None}])


# ---------------------------------------------------------------- CLI


@needs_mirror
def test_cli_status_prints_a_table(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["status", "sim-M"]) == 0
    out = capsys.readouterr().out
    assert "dataset" in out and "verified" in out
    assert any(
        line.split()[:3] == ["sim-M", "train.json", "mirror"] and line.endswith("ok")
        for line in out.splitlines()
    )
    assert "3 of 3 files available" in out


def test_cli_fetch_import_and_errors(toy: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="dialenv")
    add_cli(parser.add_subparsers())
    args = parser.parse_args(["data", "fetch", toy, "blob.bin"])
    assert args.func(args) == 0
    assert "blob.bin" in capsys.readouterr().out
    source = tmp_path / "src"
    source.mkdir()
    (source / "blob.bin").write_bytes(PAYLOAD)
    assert cli_main(["import", toy, str(source)]) == 0
    assert cli_main(["fetch", "nope"]) == 1
    assert "unknown dataset 'nope'" in capsys.readouterr().err
