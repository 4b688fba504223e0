"""People and roles in forms of African and Swiss releases: an apostrophe inside a family name ("Njuguna
Ndung'u"), which the tokenizer splits as an elision, and a regional or party adjective between a title and the
name ("la ministre jurassienne Rosalie Beuret Siess"), which is neither part of the title nor a country.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlpmeet.api import extract_texts

pytestmark = pytest.mark.model


def record(nlp: Language, text: str) -> dict:
    return next(extract_texts([text], date="2024-05-31", nlp=nlp))


APOSTROPHE = [
    ("Le secrétaire du Cabinet chargé du Trésor, Njuguna Ndung'u, a reçu le ministre Abdourahmane Sarr.",
     "Njuguna Ndung'u"),
    ("Le gouverneur de la Banque centrale, Patrick Njoroge, a reçu mardi le ministre Njuguna Ndung’u, à Nairobi.",
     "Njuguna Ndung’u"),
]


@pytest.mark.parametrize(("text", "name"), APOSTROPHE)
def test_an_apostrophe_inside_a_name(nlp: Language, text: str, name: str) -> None:
    assert name in {p["name"] for p in record(nlp, text)["people"]}


def test_an_elided_pronoun_after_a_name_stays_out(nlp: Language) -> None:
    names = {p["name"] for p in record(nlp, "Le ministre Amadou Ba l'a reçu mardi.")["people"]}
    assert names == {"Amadou Ba"}


ADJECTIVE = [
    ("Ils ont reçu la ministre jurassienne Rosalie Beuret Siess.", "Rosalie Beuret Siess", "ministre"),
    ("Le député socialiste Olivier Faure a interrogé le gouvernement.", "Olivier Faure", "député"),
    ("Le sénateur écologiste Yannick Jadot a interrogé la ministre.", "Yannick Jadot", "sénateur"),
]


@pytest.mark.parametrize(("text", "name", "title"), ADJECTIVE)
def test_a_regional_adjective_between_title_and_name(nlp: Language, text: str, name: str, title: str) -> None:
    people = {p["name"]: p for p in record(nlp, text)["people"]}
    assert [r["title"].split()[0] for r in people[name]["roles"]] == [title]
    assert all(r["country"] is None for r in people[name]["roles"])
