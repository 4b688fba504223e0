"""Access to the rule and lexicon data in ``models/`` (shipped inside the wheel as ``nlpmeet/models``).

Data files are JSONL (one JSON object per line, ``#`` lines and blank lines ignored) or TSV
(tab-separated, first non-comment line is the header). Nothing here knows any French word.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any


class DataError(ValueError):
    """A data file in models/ is malformed."""


@cache
def models_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "models", here.parent / "models"):
        if candidate.is_dir():
            return candidate
    raise DataError(f"nlpmeet data directory not found next to {here}")


def model_path(name: str) -> Path:
    path = models_dir() / name
    if not path.is_file():
        raise DataError(f"missing data file models/{name}")
    return path


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Load ``models/NAME`` as a tuple of objects; a malformed line raises DataError naming it."""
    rows: list[dict[str, Any]] = []
    with model_path(name).open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            try:
                obj = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise DataError(f"models/{name}:{lineno}: not JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise DataError(f"models/{name}:{lineno}: expected a JSON object")
            rows.append(obj)
    return tuple(rows)


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Load ``models/NAME`` (header line + rows) as a tuple of dicts keyed by the header."""
    with model_path(name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for lineno, row in enumerate(reader, 2):
        if None in row or any(v is None for v in row.values()):
            raise DataError(f"models/{name}: row {lineno} does not match the header")
        rows.append({k: v.strip() for k, v in row.items()})
    return tuple(rows)
