"""Roles as news articles write them: a regional or other adjective between the title and the comma of its
apposition ("le premier ministre ontarien, Doug Ford"), an appointment participle opening the sentence before
its title and the holder after the comma ("Nommée lundi ministre de la Culture, Rachida Dati a …"), and "son
homologue" after a person with a military rank, who takes that person's function, never the rank; a plural title
over people each followed by a party in parentheses, and a title's complement with a possessive ("les vice-Premiers
ministres de sa coalition, X, Y et Z"), which is no part of it.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2025-05-08")


def titles(doc: Doc, name: str) -> list[str]:
    return [r["title"] for r in (doc._.people or {}).get(name, {}).get("roles", [])]


ADJECTIVE = [
    ("Le premier ministre ontarien, Doug Ford, a dénoncé les droits de douane.", "Doug Ford", "premier ministre"),
    ("Le ministre-président flamand, Matthias Diependaele, a reporté la rencontre.", "Matthias Diependaele",
     "ministre-président"),
    ("Le maire lyonnais, Grégory Doucet, a inauguré la ligne.", "Grégory Doucet", "maire"),
    ("Le président breton, Loïg Chesnais-Girard, a reçu les élus.", "Loïg Chesnais-Girard", "président"),
]


@pytest.mark.parametrize(("text", "name", "title"), ADJECTIVE)
def test_an_adjective_before_the_comma_of_an_apposition(nlp: Language, text: str, name: str, title: str) -> None:
    assert title in titles(run(nlp, text), name)


FRONTED = [
    ("Nommée lundi ministre de la Culture, Rachida Dati a reçu mardi les directeurs des musées.", "Rachida Dati",
     "ministre de la culture"),
    ("Nommé mardi ministre des Affaires étrangères dans le gouvernement de Friedrich Merz, Johann Wadephul, 62 ans, "
     "est un proche du chancelier.", "Johann Wadephul", "ministre des affaires étrangères"),
    ("Élu en mars président du Sénat, M. Gérard Larcher a prononcé un discours.", "Gérard Larcher", "président"),
]


@pytest.mark.parametrize(("text", "name", "title"), FRONTED)
def test_a_fronted_appointment_gives_its_title_to_the_subject(nlp: Language, text: str, name: str, title: str) -> None:
    assert any(t.startswith(title) for t in titles(run(nlp, text), name))


def test_a_fronted_appointment_gives_no_title_to_a_name_inside_it(nlp: Language) -> None:
    doc = run(nlp, "Nommé mardi ministre des Affaires étrangères dans le gouvernement de Friedrich Merz, Johann "
                   "Wadephul est un proche du chancelier.")
    assert titles(doc, "Friedrich Merz") == []


RANK = [
    ("Le général Abdourahamane Tiani a accueilli le président de la Transition malienne, le colonel Assimi Goïta, et "
     "son homologue burkinabè, le capitaine Ibrahim Traoré.", "Ibrahim Traoré", "président", "colonel"),
    ("Le chef d'état-major des armées, le général Thierry Burkhard, a reçu lundi son homologue britannique, "
     "l'amiral Tony Radakin.", "Tony Radakin", "chef d'état-major des armées", "général"),
]


@pytest.mark.parametrize(("text", "name", "function", "rank"), RANK)
def test_a_counterpart_takes_a_function_not_a_rank(
    nlp: Language, text: str, name: str, function: str, rank: str
) -> None:
    got = titles(run(nlp, text), name)
    assert any(t.startswith(function) for t in got)
    assert rank not in got


ENUMERATION = [
    # each person's party in parentheses does not end the list the plural title is given to
    ("Le Premier ministre, Bart De Wever, a réuni lundi les vice-Premiers ministres Jan Jambon (N-VA), David "
     "Clarinval (MR) et Maxime Prévot (Les Engagés).", ("Jan Jambon", "David Clarinval", "Maxime Prévot"),
     "vice-premier ministre"),
    # a complement with a possessive names the holder's own team: no portfolio, no part of the title
    ("Le Premier ministre, Bart De Wever, a réuni lundi les vice-Premiers ministres de sa coalition, Jan Jambon, "
     "David Clarinval et Maxime Prévot.", ("Jan Jambon", "David Clarinval", "Maxime Prévot"), "vice-premier ministre"),
    ("Le président Emmanuel Macron a réuni les ministres de son gouvernement, Bruno Le Maire et Gérald Darmanin.",
     ("Bruno Le Maire", "Gérald Darmanin"), "ministre"),
]


@pytest.mark.parametrize(("text", "names", "title"), ENUMERATION)
def test_a_plural_title_over_people_with_their_parties(
    nlp: Language, text: str, names: tuple[str, ...], title: str
) -> None:
    doc = run(nlp, text)
    for name in names:
        assert titles(doc, name) == [title], name


def test_a_counterpart_takes_the_title_its_sentence_gives(nlp: Language) -> None:
    doc = run(nlp, "Le Premier ministre, Bart De Wever, a réuni lundi les vice-Premiers ministres de sa coalition, "
                   "Jan Jambon, David Clarinval et Maxime Prévot. Mardi matin, le ministre des Affaires étrangères, "
                   "Maxime Prévot, s'est entretenu par téléphone avec son homologue néerlandais, Caspar Veldkamp.")
    assert titles(doc, "Caspar Veldkamp") == ["ministre des affaires étrangères"]
