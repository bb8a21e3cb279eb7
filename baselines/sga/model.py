"""The SGA model: a Hugging Face ``GPT2LMHeadModel`` plus its tokenizer, checkpoints and batched decoding.

* :func:`build_tokenizer` - the paper fine-tunes DistilGPT-2 (``from_pretrained("distilgpt2")``); when no
  pretrained name or path is given (pretrained weights cannot be downloaded here), a byte-level BPE
  tokenizer is trained on the training sequences with Hugging Face ``tokenizers``. Either way the markers
  and bracketed tokens of :data:`~baselines.sga.sequences.SPECIAL_TOKENS` are single tokens.
* :class:`SGATokenizer` - encodes a sequence of :class:`~baselines.sga.sequences.Segment` into ids and
  labels (``-100`` outside the loss), piece by piece, so the boundaries of every part are exact, and
  decodes generated ids back to text.
* :func:`build_model` - ``GPT2LMHeadModel.from_pretrained`` or a small ``GPT2Config`` from scratch.
* :func:`save_checkpoint` / :func:`load_checkpoint` - a directory with the model (``config.json``,
  ``model.safetensors``), the tokenizer (``tokenizer.json`` ...) and ``sga_config.json`` (which model,
  format version, training settings).
* :class:`Decoder` - batched greedy or sampled decoding across dialogues with a KV cache. Rows of a batch
  have different lengths; instead of left-padding, every row is padded where it is short and the padding
  is masked out, with position ids counting only real tokens, so each row computes exactly what it would
  alone. Forced tokens (the database result, the next opening marker) are fed into the same cache, so a
  turn's prompt is encoded once even though generation stops after ``b_t`` and after ``a_t``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from baselines.sga.sequences import PAD, SPECIAL_TOKENS, Segment

FORMAT_VERSION = 1
IGNORE = -100  # label of tokens outside the loss (the value torch's cross entropy ignores)


def _transformers() -> Any:
    try:
        import transformers
    except ImportError as missing:  # pragma: no cover - depends on the install
        raise ImportError(
            "the SGA baseline needs transformers and tokenizers: pip install 'dialenv[baselines]' "
            "(or pip install transformers tokenizers)"
        ) from missing
    transformers.utils.logging.set_verbosity_error()  # no per-call progress bars or notices
    transformers.utils.logging.disable_progress_bar()
    return transformers


# --------------------------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------------------------


class SGATokenizer:
    """A Hugging Face fast tokenizer plus the piecewise encoding of SGA sequences.

    Text pieces are encoded with a leading space (GPT-2's byte-level BPE marks word starts with it), and
    the special tokens are looked up directly, never split; so the same text always gives the same ids
    whatever surrounds it.
    """

    def __init__(self, hf_tokenizer: Any) -> None:
        self.hf = hf_tokenizer
        missing = [token for token in SPECIAL_TOKENS if token not in hf_tokenizer.get_vocab()]
        if missing:
            raise ValueError(
                f"tokenizer lacks the SGA special tokens {missing[:5]} ...; use build_tokenizer()"
            )
        self.special = {token: hf_tokenizer.convert_tokens_to_ids(token) for token in SPECIAL_TOKENS}
        self.special_by_id = {index: token for token, index in self.special.items()}
        self.pad_id = self.special[PAD]
        self._split = re.compile("(" + "|".join(re.escape(t) for t in SPECIAL_TOKENS) + ")")
        self._cache: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self.hf)

    def id(self, token: str) -> int:
        """Id of a special token, e.g. ``tok.id("<eos_b>")``."""
        return self.special[token]

    def encode_text(self, text: str) -> list[int]:
        """Ids of ``text`` (which may contain special tokens); cached, since contexts repeat a lot."""
        found = self._cache.get(text)
        if found is None:
            found = []
            for piece in self._split.split(text):
                piece = piece.strip()
                if not piece:
                    continue
                if piece in self.special:
                    found.append(self.special[piece])
                else:
                    found.extend(self.hf(" " + piece, add_special_tokens=False)["input_ids"])
            if len(self._cache) < 200_000:
                self._cache[text] = found
        return list(found)

    def encode_segments(self, segments: Iterable[Segment]) -> tuple[list[int], list[int]]:
        """``(ids, labels)`` of a sequence: labels copy the ids of target contents and their closing marker."""
        ids: list[int] = []
        labels: list[int] = []
        for segment in segments:
            body = self.encode_text(segment.text)
            close = self.special[f"<eos_{segment.part}>"]
            ids.append(self.special[f"<sos_{segment.part}>"])
            ids.extend(body)
            ids.append(close)
            labels.append(IGNORE)
            labels.extend(body + [close] if segment.target else [IGNORE] * (len(body) + 1))
        return ids, labels

    def decode(self, ids: Iterable[int]) -> str:
        """Text of ``ids``: special tokens as themselves, separated by spaces; the closing marker is kept."""
        words: list[str] = []
        run: list[int] = []
        for index in ids:
            token = self.special_by_id.get(index)
            if token is None:
                run.append(index)
                continue
            if run:
                words.append(self.hf.decode(run))
                run = []
            if token != PAD:
                words.append(token)
        if run:
            words.append(self.hf.decode(run))
        return " ".join(" ".join(words).split())

    def decode_until(self, ids: Sequence[int], stop: str) -> str:
        """Decoded text of ``ids`` up to (without) the ``stop`` marker."""
        stop_id = self.special[stop]
        ids = list(ids)
        if stop_id in ids:
            ids = ids[: ids.index(stop_id)]
        return self.decode(ids)

    def save(self, directory: str | Path) -> None:
        self.hf.save_pretrained(str(directory))

    @classmethod
    def load(cls, directory: str | Path) -> SGATokenizer:
        transformers = _transformers()
        return cls(transformers.AutoTokenizer.from_pretrained(str(directory)))


def build_tokenizer(
    pretrained: str | None = None, texts: Iterable[str] = (), vocab_size: int = 3000
) -> SGATokenizer:
    """The tokenizer of a new model.

    ``pretrained``: a Hugging Face name or path (``"distilgpt2"``) whose tokenizer gets the SGA special
    tokens added. Otherwise a byte-level BPE of ``vocab_size`` (special tokens included) is trained on
    ``texts`` (the training sequences' text; see :func:`baselines.sga.sequences.segments_text`).
    """
    transformers = _transformers()
    if pretrained:
        hf = transformers.AutoTokenizer.from_pretrained(pretrained)
        hf.add_tokens(list(SPECIAL_TOKENS), special_tokens=True)
        hf.pad_token = PAD
        return SGATokenizer(hf)
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    texts = list(texts)
    if not texts:
        raise ValueError("training a tokenizer from scratch needs texts (or pass pretrained='distilgpt2')")
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=list(SPECIAL_TOKENS),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    # Train on the pieces between special tokens, each with the leading space it gets when encoded.
    splitter = re.compile("|".join(re.escape(t) for t in SPECIAL_TOKENS))
    pieces = (" " + piece.strip() for text in texts for piece in splitter.split(text) if piece.strip())
    tokenizer.train_from_iterator(pieces, trainer)
    hf = transformers.PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token=PAD)
    return SGATokenizer(hf)


# --------------------------------------------------------------------------------------------------------
# Model and checkpoints
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelShape:
    """Size of a GPT-2 trained from scratch (ignored when starting from pretrained weights)."""

    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 192
    n_positions: int = 512


def build_model(
    tokenizer: SGATokenizer, pretrained: str | None = None, shape: ModelShape = ModelShape()
) -> Any:
    """``GPT2LMHeadModel.from_pretrained(pretrained)`` (embeddings resized for the new tokens), or a fresh
    GPT-2 of ``shape`` with the tokenizer's vocabulary. Seed torch before calling for a reproducible init."""
    transformers = _transformers()
    if pretrained:
        model = transformers.GPT2LMHeadModel.from_pretrained(pretrained)
        model.resize_token_embeddings(len(tokenizer))
    else:
        config = transformers.GPT2Config(
            vocab_size=len(tokenizer),
            n_positions=shape.n_positions,
            n_embd=shape.n_embd,
            n_layer=shape.n_layer,
            n_head=shape.n_head,
            bos_token_id=tokenizer.pad_id,
            eos_token_id=tokenizer.pad_id,
        )
        model = transformers.GPT2LMHeadModel(config)
    model.config.pad_token_id = tokenizer.pad_id
    return model


def save_checkpoint(directory: str | Path, model: Any, tokenizer: SGATokenizer, info: dict[str, Any]) -> Path:
    """Write model, tokenizer and ``sga_config.json`` (``info`` plus the format version) to ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(directory))
    tokenizer.save(directory)
    meta = {"format_version": FORMAT_VERSION, **info}
    (directory / "sga_config.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return directory


def load_checkpoint(
    directory: str | Path, device: str | torch.device = "cpu"
) -> tuple[Any, SGATokenizer, dict]:
    """``(model, tokenizer, info)`` of a checkpoint written by :func:`save_checkpoint`, model in eval mode."""
    directory = Path(directory)
    meta_path = directory / "sga_config.json"
    if not meta_path.is_file():
        raise FileNotFoundError(
            f"{directory} is not an SGA checkpoint (no sga_config.json); train one with "
            "`python -m baselines.sga.train --model ds --config cpu-small --out DIR`"
        )
    info = json.loads(meta_path.read_text())
    if info.get("format_version") != FORMAT_VERSION:
        raise ValueError(
            f"{directory}: checkpoint format {info.get('format_version')}, expected {FORMAT_VERSION}"
        )
    transformers = _transformers()
    tokenizer = SGATokenizer.load(directory)
    model = transformers.GPT2LMHeadModel.from_pretrained(str(directory)).to(device)
    model.eval()
    return model, tokenizer, info


def pick_device(requested: str = "auto") -> torch.device:
    """``"auto"``: CUDA when available, else CPU."""
    if requested == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(requested)


# --------------------------------------------------------------------------------------------------------
# Batches
# --------------------------------------------------------------------------------------------------------


def collate(
    examples: Sequence[tuple[list[int], list[int]]], pad_id: int, device: torch.device | str = "cpu"
) -> dict[str, torch.Tensor]:
    """Right-padded ``input_ids``, ``attention_mask`` and ``labels`` (``-100`` on padding)."""
    length = max(len(ids) for ids, _ in examples)
    input_ids = torch.full((len(examples), length), pad_id, dtype=torch.long)
    labels = torch.full((len(examples), length), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(examples), length), dtype=torch.long)
    for row, (ids, labs) in enumerate(examples):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        labels[row, : len(labs)] = torch.tensor(labs)
        mask[row, : len(ids)] = 1
    return {"input_ids": input_ids.to(device), "attention_mask": mask.to(device), "labels": labels.to(device)}


def truncate_left(ids: list[int], labels: list[int], limit: int) -> tuple[list[int], list[int]]:
    """Keep the last ``limit`` tokens (the targets of an SGA sequence are at its end)."""
    if len(ids) <= limit:
        return ids, labels
    return ids[-limit:], labels[-limit:]


# --------------------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------------------


@dataclass
class Sampling:
    """Decoding settings: greedy by default; ``do_sample`` draws from softmax(logits / temperature),
    restricted to the ``top_k`` most likely tokens when ``top_k > 0``, with a seeded generator."""

    do_sample: bool = False
    temperature: float = 1.0
    top_k: int = 0
    seed: int = 0


class Decoder:
    """Incremental decoding of a batch of rows that share one KV cache.

    ``feed(rows)`` appends a (possibly different-length, possibly empty) token list to every row;
    ``generate(stop_id, max_new_tokens)`` extends every row until it emits ``stop_id`` (kept) or reaches
    the limit. Padding is masked and skipped by the position ids, so results do not depend on the batch.
    """

    def __init__(self, model: Any, pad_id: int, sampling: Sampling | None = None) -> None:
        self.model = model
        self.pad_id = pad_id
        self.sampling = sampling or Sampling()
        self.device = next(model.parameters()).device
        self.generator = torch.Generator(device="cpu").manual_seed(self.sampling.seed)
        self.limit = int(getattr(model.config, "n_positions", 1024))
        self.past: Any = None
        self.mask: torch.Tensor | None = None
        self.lengths: torch.Tensor | None = None  # real tokens per row so far
        self.last_logits: torch.Tensor | None = None

    @torch.no_grad()
    def feed(self, rows: Sequence[Sequence[int]]) -> None:
        width = max(len(row) for row in rows)
        if width == 0:
            return
        count = len(rows)
        ids = torch.full((count, width), self.pad_id, dtype=torch.long)
        new_mask = torch.zeros((count, width), dtype=torch.long)
        for index, row in enumerate(rows):
            if row:
                ids[index, : len(row)] = torch.tensor(list(row))
                new_mask[index, : len(row)] = 1
        if self.lengths is None:
            self.lengths = torch.zeros(count, dtype=torch.long)
        positions = self.lengths[:, None] + (new_mask.cumsum(1) - 1).clamp(min=0)
        self.mask = new_mask if self.mask is None else torch.cat([self.mask, new_mask], 1)
        output = self.model(
            input_ids=ids.to(self.device),
            attention_mask=self.mask.to(self.device),
            position_ids=positions.clamp(max=self.limit - 1).to(self.device),
            past_key_values=self.past,
            use_cache=True,
        )
        self.past = output.past_key_values
        lengths = torch.tensor([len(row) for row in rows])
        logits = output.logits[torch.arange(count), (lengths - 1).clamp(min=0).to(self.device)].float().cpu()
        if self.last_logits is not None:  # rows fed nothing keep their previous next-token logits
            logits[lengths == 0] = self.last_logits[lengths == 0]
        self.last_logits = logits
        self.lengths = self.lengths + lengths

    def _choose(self, logits: torch.Tensor) -> torch.Tensor:
        logits = logits.clone()
        logits[:, self.pad_id] = float("-inf")
        if not self.sampling.do_sample:
            return logits.argmax(-1)
        logits = logits / max(self.sampling.temperature, 1e-5)
        if self.sampling.top_k > 0:
            kth = torch.topk(logits, min(self.sampling.top_k, logits.shape[-1]), -1).values[:, -1:]
            logits[logits < kth] = float("-inf")
        return torch.multinomial(torch.softmax(logits, -1), 1, generator=self.generator)[:, 0]

    @torch.no_grad()
    def generate(
        self, stop_id: int, max_new_tokens: int, active: Sequence[bool] | None = None
    ) -> list[list[int]]:
        """New tokens of every row (each ends with ``stop_id`` unless cut at the limit); inactive rows get ``[]``."""
        count = len(self.lengths)
        done = (
            torch.tensor([not flag for flag in active])
            if active is not None
            else torch.zeros(count, dtype=torch.bool)
        )
        results: list[list[int]] = [[] for _ in range(count)]
        # each row's own budget: what is left of its positions, at most max_new_tokens (not the longest
        # row's room, so a row's output never depends on the other rows of the batch)
        caps = (self.limit - self.lengths).clamp(min=0, max=max_new_tokens)
        done |= caps == 0
        for _ in range(int(caps.max()) if count else 0):
            if bool(done.all()):
                break
            chosen = self._choose(self.last_logits)
            rows: list[list[int]] = []
            for index in range(count):
                if done[index]:
                    rows.append([])
                    continue
                token = int(chosen[index])
                results[index].append(token)
                rows.append([token])
                if token == stop_id or len(results[index]) >= caps[index]:
                    done[index] = True
            self.feed(rows)
        return results
