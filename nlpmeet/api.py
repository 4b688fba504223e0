"""The Python API: documents in, records out.

    from nlpmeet.api import extract_texts
    for record in extract_texts(["Mardi, le président Macron a reçu ..."], date="2024-03-12"):
        print(record["people"])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.io.readers import Document, InputProblem, Item, ReadOptions, read_inputs
from nlpmeet.records import Record

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Result = Record | InputProblem


@cache
def default_nlp() -> Language:
    from nlpmeet.pipeline import build_nlp

    return build_nlp()


def valid_day(value: str | None) -> bool:
    if not value or not ISO_DAY.match(value):
        return False
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _make_doc(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    if valid_day(document.date):
        doc._.dct = document.date
        doc._.dct_source = "given"
    return doc


def extract(items: Iterable[Item], nlp: Language | None = None, batch_size: int = 32) -> Iterator[Result]:
    """Records for every document, in input order; input problems are passed through in place.

    Never raises for what a document holds: long texts are processed in parts and merged, a
    component failure becomes the record's ``errors`` (see nlpmeet.robust)."""
    from nlpmeet.robust import extract_items

    yield from extract_items(nlp or default_nlp(), items, batch_size)


def extract_paths(paths: Iterable[str], options: ReadOptions | None = None, **kwargs: object) -> Iterator[Result]:
    return extract(read_inputs(paths, options), **kwargs)  # type: ignore[arg-type]


def extract_texts(texts: Iterable[str], date: str | None = None, nlp: Language | None = None) -> Iterator[Record]:
    """Records for plain strings (ids ``text:1``, ``text:2``, ...)."""
    docs = (Document(id=f"text:{i}", text=t, date=date) for i, t in enumerate(texts, 1))
    for result in extract(docs, nlp=nlp):
        if isinstance(result, dict):
            yield result
