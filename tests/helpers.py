"""Small helpers shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator


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
