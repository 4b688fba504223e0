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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place is named as the text names it, by its fullest form
        (
            "Emmanuel Macron a reçu Olaf Scholz au palais de l'Élysée mardi. L'Élysée a publié un communiqué.",
            "palais de l'Élysée",
        ),
        ("Olaf Scholz est arrivé mardi à l'Élysée, où Emmanuel Macron l'a reçu.", "Élysée"),
        # a dateline in capitals gives way to the running text's form
        ("NEW YORK, 20 septembre - Le secrétaire général s'est rendu à New York mardi.", "New York"),
    ],
)
def test_location_named_by_its_fullest_form_in_the_text(nlp, text, name):
    (record,) = list(extract_texts([text], nlp=nlp))
    names = [loc["name"] for loc in record["locations"]]
    assert name in names, names
    for meeting in record["meetings"]:
        assert meeting["location"] is None or meeting["location"] in names


def test_bundled_example_end_to_end(nlp, validator):
    """The bundled release, with no --date: the dct comes from its dateline, every relative date and
    every meeting's day is resolved against it (past tense backwards, "se rendra lundi" forwards)."""
    text = (EXAMPLES / "otan-2024-07-11-washington.txt").read_text(encoding="utf-8")
    (record,) = list(extract_texts([text], nlp=nlp))
    validator.validate(record)
    assert record["dct"] == "2024-07-11"
    values = {d["text"]: d["value"] for d in record["dates"]}
    assert values["Mercredi et jeudi"] == "2024-07-10/2024-07-11"
    assert values["10 et 11 juillet 2024"] == "2024-07-10/2024-07-11"
    assert values["Mercredi soir"] == "2024-07-10"
    assert values["Jeudi matin"] == "2024-07-11"
    assert values["le 1er octobre 2024"] == "2024-10-01"
    assert values["lundi"] == "2024-07-15"
    names = {p["id"]: p["name"] for p in record["people"]}
    meetings = {tuple(names[i] for i in m["participants"]): m["date"] for m in record["meetings"]}
    assert meetings == {
        ("Jens Stoltenberg", "Volodymyr Zelensky"): "2024-07-10",
        ("Jens Stoltenberg", "Mark Rutte"): "2024-07-11",
        ("Jens Stoltenberg", "Annalena Baerbock"): None,
        ("Jens Stoltenberg", "Yaşar Güler"): "2024-07-15",
    }
