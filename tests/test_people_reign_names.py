"""People named in obituaries and church or court news: a reign name after the title of a monarch or a pontiff ("le
pape François", "le roi Charles", "le patriarche Kirill") is its own person, not the given name of another person
the text names in full ("François Hollande", "Charles Michel"), while "le roi Charles" and "Charles III" stay one;
and a past participle opening the sentence ("Né Jorge Mario Bergoglio à Buenos Aires, …", "Réélu …") is no part of
the name after it; a given name alone in apposition after a title ("le patriarche de Moscou, Kirill,") is a person
even where the model reads it as a place.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2025-04-22")


REIGN = [
    ("Le pape François a reçu François Hollande au Vatican le 17 août 2016.", {"François", "François Hollande"}),
    ("Le roi Charles a reçu mardi Charles Michel au palais de Buckingham.", {"Charles", "Charles Michel"}),
    ("Le patriarche Kirill a rencontré Kirill Dmitriev à Moscou.", {"Kirill", "Kirill Dmitriev"}),
    ("Le roi Charles III a reçu Emmanuel Macron. Le roi Charles a salué l'amitié entre les deux pays.",
     {"Charles III", "Emmanuel Macron"}),
    ("Le cardinal Pietro Parolin a rencontré Sergueï Lavrov. Le cardinal Parolin a ensuite reçu Charles Michel.",
     {"Pietro Parolin", "Sergueï Lavrov", "Charles Michel"}),
]


@pytest.mark.parametrize(("text", "people"), REIGN)
def test_a_reign_name_is_its_own_person(nlp: Language, text: str, people: set[str]) -> None:
    assert set(run(nlp, text)._.people) == people


OPENING_PARTICIPLE = [
    ("Né Jorge Mario Bergoglio à Buenos Aires, il avait été élu pape en 2013.", {"Jorge Mario Bergoglio"}),
    ("Réélu Emmanuel Macron a aussitôt reçu Olaf Scholz.", {"Emmanuel Macron", "Olaf Scholz"}),
    ("Aimé Césaire a reçu René Char en 1950.", {"Aimé Césaire", "René Char"}),
    # (a word after a hyphen inside a name, which the tagger may read as a participle, opens nothing)
    ("Il a réuni les préfets en présence de la ministre Agnès Pannier-Runacher.", {"Agnès Pannier-Runacher"}),
]


@pytest.mark.parametrize(("text", "people"), OPENING_PARTICIPLE)
def test_an_opening_participle_is_no_part_of_the_name(nlp: Language, text: str, people: set[str]) -> None:
    assert set(run(nlp, text)._.people) == people


APPOSED = [
    ("Le 12 février 2016, à La Havane, il avait rencontré le patriarche de Moscou, Kirill.", "Kirill", "patriarche"),
    ("Le pape a reçu le patriarche de Moscou, Kirill, au Vatican.", "Kirill", "patriarche"),
]


@pytest.mark.parametrize(("text", "name", "title"), APPOSED)
def test_a_given_name_alone_in_apposition(nlp: Language, text: str, name: str, title: str) -> None:
    doc = run(nlp, text)
    assert name in doc._.people
    assert [r["title"] for r in doc._.people[name]["roles"]] == [title]
    assert name not in {str(s._.norm) for s in doc.spans["nlpmeet_locations"]}
