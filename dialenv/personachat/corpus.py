"""PERSONA-CHAT dialogues from the ``personachat_convai2`` dataset or from a local file.

``load_dialogues(view="both")`` reads ``valid_both_original_no_cands.txt`` through :mod:`dialenv.data` (the
mirror in ``$DIALENV_DATA`` or the cache); :func:`load_path` reads any file of a supported format from disk.
Only the ConvAI2 validation split without candidates is staged here; the other files are registered in the
catalog so that a local copy is found once imported (``dialenv data import personachat_convai2 DIR``).
"""

from __future__ import annotations

import gzip
import io
import json
from functools import lru_cache
from pathlib import Path

from dialenv import data
from dialenv.errors import DataError
from dialenv.personachat.formats import parse_hf_json, parse_parlai
from dialenv.personachat.records import PersonaDialogue

DATASET = "personachat_convai2"
HF_JSON = "personachat_self_original.json"
VIEWS = ("self", "other", "both")
VERSIONS = ("original", "revised")


def file_name(
    split: str = "valid", view: str = "both", version: str = "original", candidates: bool = False
) -> str:
    """The ParlAI/ConvAI2 file name of a split, view, persona version and candidate setting."""
    if view not in VIEWS:
        raise DataError(f"view must be one of {VIEWS}, got {view!r}")
    if version not in VERSIONS:
        raise DataError(f"version must be one of {VERSIONS}, got {version!r}")
    return f"{split}_{view}_{version}{'' if candidates else '_no_cands'}.txt"


def load_dialogues(
    split: str = "valid", view: str = "both", version: str = "original", candidates: bool = False
) -> list[PersonaDialogue]:
    """Dialogues of a registered ConvAI2 file (raises ``DataError`` naming how to get a missing file)."""
    name = file_name(split, view, version, candidates)
    text = data.read_bytes(DATASET, name).decode("utf-8")
    return parse_parlai(io.StringIO(text), source=f"{DATASET}/{name}")


@lru_cache(maxsize=4)
def cached_dialogues(view: str = "both", version: str = "original") -> tuple[PersonaDialogue, ...]:
    """The validation dialogues of ``view``/``version``, read once per process (records are immutable)."""
    return tuple(load_dialogues("valid", view, version))


def load_path(path: str | Path, split: str = "valid") -> list[PersonaDialogue]:
    """Dialogues of a local file: ParlAI text (``.txt`` or ``.txt.gz``) or Hugging Face json (``.json[.gz]``)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    stem = path.name.removesuffix(".gz")
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            if stem.endswith(".json"):
                return parse_hf_json(json.load(stream), split, source=str(path))
            return parse_parlai(stream, source=str(path))
    except FileNotFoundError:
        raise DataError(f"no file {str(path)!r}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError(f"{path} is not a readable PERSONA-CHAT file ({error})") from None


def available(view: str = "both") -> bool:
    """Whether the validation dialogues of ``view`` (no candidates, original personas) are on disk."""
    return data.is_available(DATASET, file_name("valid", view))
