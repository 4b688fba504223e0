"""Small helpers shared by the tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet import evaluate
from nlpmeet.api import extract
from nlpmeet.io.readers import Document

DATA = Path(__file__).parent / "data"


def iter_mentions(record: dict) -> Iterator[dict]:
    """Every object with text/start/end in a record (mentions, dates, meeting evidence)."""
    for key in ("people", "organizations", "countries", "locations", "events"):
        for item in record[key]:
            yield from item["mentions"]
    yield from record["dates"]
    yield from record["meetings"]


def assert_offsets(record: dict, text: str) -> None:
    for m in iter_mentions(record):
        assert text[m["start"] : m["end"]] == m["text"], m


def pairs(doc: Doc) -> set[frozenset[str]]:
    """The pairs of people (by their last word) who meet in ``doc``."""
    out = set()
    for m in doc._.meetings:
        ps = [p.split()[-1] for p in m["participants"]]
        out |= {frozenset((a, b)) for i, a in enumerate(ps) for b in ps[i + 1 :]}
    return out


def all_pairs(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1 :]}


def score_corpus(nlp: Language, name: str) -> evaluate.Report:
    """nlpmeet's scorer on a regression corpus of tests/data (``NAME.docs.jsonl`` against ``NAME.gold.jsonl``)."""

    gold = evaluate.load_gold(DATA / f"{name}.gold.jsonl")
    with open(DATA / f"{name}.docs.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    items = [Document(id=row["id"], text=row["text"], date=row.get("date")) for row in rows]
    records = {}
    for result in extract(items, nlp=nlp):
        assert isinstance(result, dict), result  # a record, not an input problem
        records[result["id"]] = result
    assert set(records) == set(gold)
    return evaluate.score(gold, records)
