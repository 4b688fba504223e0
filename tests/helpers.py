"""Small helpers shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc


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
