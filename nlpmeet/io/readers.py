"""Turn command-line inputs into documents, in input order.

A path is one document unless it is JSONL (``.jsonl``/``.ndjson``, optionally ``.gz``), which holds one
document per line. Directories are walked recursively for ``.txt``, ``.jsonl``, ``.ndjson`` and their
``.gz`` forms. ``-`` is stdin. Problems become :class:`InputProblem` items in the stream, so one bad
input never stops the others.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
DIR_SUFFIXES = (".txt", ".txt.gz", *JSONL_SUFFIXES)
STDIN = "-"


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    encoding: str = "utf-8"
    date: str | None = None  # --date: dct for every input


@dataclass
class Document:
    id: str
    text: str
    date: str | None = None
    meta: dict[str, object] = field(default_factory=dict)


@dataclass
class InputProblem:
    """An input (or one JSONL line) that could not be read; ``where`` names it for the message."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Document | InputProblem


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Paths as given, directories replaced by their readable files in sorted order."""
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.lower().endswith(DIR_SUFFIXES):
                    yield str(child)
        else:
            yield raw


def decode(data: bytes, encoding: str, where: str) -> str | InputProblem:
    if b"\x00" in data and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        return InputProblem(where, "binary data (NUL bytes), not a text document; skipped")
    if data.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        data = data[3:]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        return InputProblem(
            where,
            f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "if the file uses another encoding, pass it with --encoding, e.g. --encoding latin-1",
        )
    except LookupError:
        return InputProblem(where, f"unknown encoding {encoding!r}")


def _open_bytes(name: str) -> BinaryIO:
    if name == STDIN:
        return sys.stdin.buffer
    if name.lower().endswith(".gz"):
        return gzip.open(name, "rb")  # type: ignore[return-value]
    return open(name, "rb")


def read_jsonl_lines(lines: Iterable[bytes], source: str, options: ReadOptions) -> Iterator[Item]:
    for lineno, raw in enumerate(lines, 1):
        where = f"{source}:{lineno}"
        text = decode(raw, options.encoding, where)
        if isinstance(text, InputProblem):
            yield text
            continue
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"not a JSON line ({exc.msg}); skipped")
            continue
        if not isinstance(obj, dict):
            yield InputProblem(where, f"expected a JSON object, got {type(obj).__name__}; skipped")
            continue
        body = obj.get(options.text_field)
        if body is None:
            yield InputProblem(where, f"no {options.text_field!r} field; skipped")
            continue
        if not isinstance(body, str):
            yield InputProblem(where, f"field {options.text_field!r} is not a string; skipped")
            continue
        doc_id = obj.get(options.id_field)
        date = obj.get(options.date_field)
        yield Document(
            id=str(doc_id) if doc_id is not None else where,
            text=body,
            date=date if isinstance(date, str) and date else None,
            meta={k: v for k, v in obj.items() if k not in (options.text_field,)},
        )


def read_path(name: str, options: ReadOptions) -> Iterator[Item]:
    display = "<stdin>" if name == STDIN else name
    try:
        handle = _open_bytes(name)
    except FileNotFoundError:
        yield InputProblem(display, "no such file")
        return
    except IsADirectoryError:
        yield InputProblem(display, "is a directory")
        return
    except OSError as exc:
        yield InputProblem(display, f"cannot open ({exc.strerror})")
        return
    try:
        if is_jsonl(name):
            yield from read_jsonl_lines(handle, display, options)
        else:
            data = handle.read()
            text = decode(data, options.encoding, display)
            if isinstance(text, InputProblem):
                yield text
            else:
                yield Document(id=display, text=text)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputProblem(display, f"read error ({exc})")
    finally:
        if name != STDIN:
            handle.close()


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every document of every input, in order; ``--date`` overrides each document's date."""
    options = options or ReadOptions()
    names = list(paths) or [STDIN]
    for name in expand(names):
        for item in read_path(name, options):
            if isinstance(item, Document) and options.date:
                item.date = options.date
            yield item
