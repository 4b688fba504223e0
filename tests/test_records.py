"""The output contract: every record validates and every offset is true."""

from __future__ import annotations

import pytest

from nlpmeet.api import extract_texts
from tests.conftest import EXAMPLES
from tests.helpers import assert_offsets

pytestmark = pytest.mark.model

TEXTS = [
    "",
    "   \n\n  ",
    "Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf Scholz.",
    "Jeudi, la ministre des Affaires étrangères, Catherine Colonna, s'est entretenue avec son homologue "
    "indien, Subrahmanyam Jaishankar, à New Delhi.",
    (EXAMPLES / "otan-2024-07-11-washington.txt").read_text(encoding="utf-8"),
]


@pytest.mark.parametrize("text", TEXTS)
def test_records_validate_and_offsets_hold(nlp, validator, text):
    (record,) = list(extract_texts([text], date="2024-07-11", nlp=nlp))
    validator.validate(record)
    assert_offsets(record, text)
    assert record["dct"] == "2024-07-11"


def test_every_category_present_on_empty_text(nlp, validator):
    (record,) = list(extract_texts([""], nlp=nlp))
    validator.validate(record)
    for key in ("people", "organizations", "countries", "locations", "dates", "events", "meetings"):
        assert record[key] == []


def test_people_grouped_per_person(nlp):
    text = "Le chancelier Olaf Scholz est arrivé à Paris. Olaf Scholz a ensuite déjeuné avec des élus."
    (record,) = list(extract_texts([text], nlp=nlp))
    names = [p["name"] for p in record["people"]]
    assert names.count("Olaf Scholz") == 1
    scholz = next(p for p in record["people"] if p["name"] == "Olaf Scholz")
    assert len(scholz["mentions"]) == 2
