"""Turn command-line inputs into documents, in input order.

A path is one document unless it is JSONL (``.jsonl``/``.ndjson``, optionally ``.gz``), which holds one
document per line. Directories are walked recursively for ``.txt``, ``.jsonl``, ``.ndjson`` and their
``.gz`` forms. ``-`` is stdin. Problems become :class:`InputProblem` items in the stream, so one bad
input never stops the others.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
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


def expand(paths: Iterable[str]) -> Iterator[str | InputProblem]:
    """Paths as given, directories replaced by their readable files in sorted order (hidden files and
    directories, and files of other kinds, are skipped)."""
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            problems: list[OSError] = []
            found: list[str] = []
            for root, dirs, files in os.walk(path, onerror=problems.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, f)
                    for f in files
                    if not f.startswith(".") and f.lower().endswith(DIR_SUFFIXES)
                )
            for error in problems:
                yield InputProblem(str(error.filename or raw), f"cannot read directory ({error.strerror or error})")
            yield from sorted(found, key=lambda f: Path(f).parts)
        else:
            yield raw


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")


def decode(data: bytes, encoding: str, where: str) -> str | InputProblem:
    """Bytes to text; binary data, undecodable bytes and unknown encodings become an InputProblem.

    A UTF-8 byte order mark is dropped (offsets are relative to the text after it). Lone surrogates
    (possible from JSON escapes) are replaced one for one by U+FFFD so the text can be written out."""
    if b"\x00" in data and "16" not in encoding and "32" not in encoding:
        return InputProblem(where, "binary data (NUL bytes), not a text document; skipped")
    if _is_utf8(encoding) and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8" if _is_utf8(encoding) else encoding)
    except UnicodeDecodeError as exc:
        return InputProblem(
            where,
            f"not valid {encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start}); skipped. "
            "If the file is in another encoding, pass it with --encoding, e.g. --encoding latin-1",
        )
    except LookupError:
        return InputProblem(where, f"unknown encoding {encoding!r}")


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """The text with lone surrogates replaced by U+FFFD (same length: offsets unchanged)."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


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
            id=clean_text(str(doc_id)) if doc_id is not None else where,
            text=clean_text(body),
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
                yield Document(id=display, text=clean_text(text))
    except (OSError, EOFError, zlib.error) as exc:
        yield InputProblem(display, f"read error ({exc}); the rest of this input is skipped")
    finally:
        if name != STDIN:
            handle.close()


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every document of every input, in order; ``--date`` overrides each document's date."""
    options = options or ReadOptions()
    names = list(paths) or [STDIN]
    for name in expand(names):
        if isinstance(name, InputProblem):
            yield name
            continue
        for item in read_path(name, options):
            if isinstance(item, Document) and options.date:
                item.date = options.date
            yield item
