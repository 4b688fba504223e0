"""Test tiers: unit tests use ``blank_nlp`` (tokenizer only, fast); model tests share one
session-scoped ``nlp`` (the full pipeline); end-to-end tests run the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run_with_dct(nlp: Language, text: str, dct: str | None) -> Doc:
    """The pipeline over ``text`` with its publication date set before the components run."""
    doc = nlp.make_doc(text)
    doc._.dct = dct
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.fixture(scope="session")
def nlp() -> Language:
    from nlpmeet.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    from nlpmeet.pipeline import build_blank

    return build_blank()


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads((ROOT / "nlpmeet" / "record.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validator(schema: dict):
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


