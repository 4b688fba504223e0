"""Encounters shared by everyone named at them although the people are listed with their titles and commas: a
meal ("ont dîné avec le Premier ministre, X, et la ministre, Y": one table), and a reception that the next
sentence calls "la rencontre" ("a reçu A, …, et B. C et D ont pris part à la rencontre": one encounter), while
"s'est entretenu avec A, puis avec B" stays two talks; and a person "en présence de" whom an encounter took place
attends it, even after the place it was held at ("a rencontré X, au palais …, en présence de Y"), not a second one;
an audience or interview granted "au"/"aux" someone, as "à" someone; "et qu'il recevrait Y" after "il s'était entretenu
avec X, au sujet de …" joins two clauses, so X does not meet Y; and people who only qualify the organisations of
a plural subject ("la CFDT de Marylise Léon et la CFE-CGC de François Hommeril poursuivent les discussions") do not
meet one another; a person who "a rejoint la délégation pour le déjeuner" joins the encounter just reported, and one
who "participait mardi à Bakou au sommet" joins nothing.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct
from tests.helpers import all_pairs, pairs

pytestmark = pytest.mark.model


def run(nlp: Language, text: str, dct: str | None = "2025-03-14") -> Doc:
    return run_with_dct(nlp, text, dct)


MEALS = [
    ("Mercredi soir, Jean-Noël Barrot a dîné avec le ministre allemand des Affaires étrangères, Johann Wadephul, "
     "et la ministre polonaise de la Culture, Marta Cienkowska.", ("Barrot", "Wadephul", "Cienkowska")),
    ("Jeudi, la ministre Catherine Vautrin a déjeuné avec le président du Medef, Patrick Martin, et la secrétaire "
     "générale de la CFDT, Marylise Léon.", ("Vautrin", "Martin", "Léon")),
    ("Le commissaire Maroš Šefčovič a déjeuné mardi avec la ministre canadienne de l'Industrie, Mélanie Joly, et "
     "le Premier ministre de l'Ontario, Doug Ford.", ("Šefčovič", "Joly", "Ford")),
]


@pytest.mark.parametrize(("text", "people"), MEALS)
def test_a_meal_is_shared_by_everyone_at_the_table(nlp: Language, text: str, people: tuple[str, ...]) -> None:
    assert pairs(run(nlp, text)) == all_pairs(*people)


RECEPTIONS = [
    ("Le président Bassirou Diomaye Faye a reçu jeudi le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, "
     "et la directrice exécutive de l'Unicef, Catherine Russell. Le Premier ministre, Ousmane Sonko, a pris part "
     "à la rencontre.", ("Faye", "Ghebreyesus", "Russell", "Sonko")),
    ("Le Premier ministre, François Bayrou, a reçu mardi la secrétaire générale de la CGT, Sophie Binet, et le "
     "président de la CFTC, Cyril Chabanier. La ministre Astrid Panosyan-Bouvet a assisté à l'entretien.",
     ("Bayrou", "Binet", "Chabanier", "Panosyan-Bouvet")),
]


@pytest.mark.parametrize(("text", "people"), RECEPTIONS)
def test_people_received_then_called_the_meeting_met_together(
    nlp: Language, text: str, people: tuple[str, ...]
) -> None:
    assert pairs(run(nlp, text)) == all_pairs(*people)


ONE_AFTER_THE_OTHER = [
    ("La ministre Sophie Primas s'est entretenue avec le ministre japonais du Commerce, Yoji Muto, puis avec le "
     "ministre indien du Commerce, Piyush Goyal. Le secrétaire d'État Thani Mohamed Soilihi a pris part à "
     "la rencontre.", {frozenset(("Primas", "Muto")), frozenset(("Primas", "Goyal")),
                       frozenset(("Soilihi", "Goyal")), frozenset(("Primas", "Soilihi"))}),
]


@pytest.mark.parametrize(("text", "expected"), ONE_AFTER_THE_OTHER)
def test_talks_one_after_the_other_stay_apart(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


PRESENCE = [
    ("La veille, Ahmed Attaf avait rencontré la cheffe du gouvernement, Sarra Zaafrani Zenzri, au palais du "
     "gouvernement de la Kasbah, en présence du ministre de l'Équipement et de l'Habitat, Slah Zouari.",
     ("Attaf", "Zenzri", "Zouari")),
    ("Jeudi, Jean-Noël Barrot a reçu le ministre indien des Affaires étrangères, Subrahmanyam Jaishankar, au Quai "
     "d'Orsay, en présence de l'ambassadeur de France en Inde, Thierry Mathou.", ("Barrot", "Jaishankar", "Mathou")),
]


@pytest.mark.parametrize(("text", "people"), PRESENCE)
def test_presence_after_the_place_joins_the_encounter(nlp: Language, text: str, people: tuple[str, ...]) -> None:
    assert pairs(run(nlp, text)) == all_pairs(*people)


GRANTED = [
    ("Dimanche, le pape François avait encore accordé un bref entretien au vice-président américain, JD Vance.",
     ("François", "Vance")),
    ("Le roi Mohammed VI a accordé jeudi une audience au Premier ministre espagnol, Pedro Sánchez.",
     ("VI", "Sánchez")),
]


@pytest.mark.parametrize(("text", "people"), GRANTED)
def test_an_audience_granted_au(nlp: Language, text: str, people: tuple[str, ...]) -> None:
    assert pairs(run(nlp, text)) == all_pairs(*people)


TWO_CLAUSES = [
    ("Le ministre, Jean-Noël Barrot, a précisé qu'il s'était entretenu la veille avec son homologue israélien, Gideon "
     "Saar, au sujet de l'aide humanitaire, et qu'il recevrait vendredi au Quai d'Orsay le ministre saoudien des "
     "Affaires étrangères, Fayçal ben Farhane.", {frozenset(("Barrot", "Saar")), frozenset(("Barrot", "Farhane"))}),
    ("La ministre Catherine Vautrin a indiqué qu'elle avait reçu lundi la présidente de la FHF, Zaynab Riet, pour "
     "évoquer les urgences, et qu'elle rencontrerait jeudi le président de la CSMF, Franck Devulder.",
     {frozenset(("Vautrin", "Riet")), frozenset(("Vautrin", "Devulder"))}),
]


@pytest.mark.parametrize(("text", "expected"), TWO_CLAUSES)
def test_et_que_joins_clauses_not_people(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


ORG_SUBJECTS = [
    "Les autres organisations, dont la CFDT de Marylise Léon et la CFE-CGC de François Hommeril, poursuivent les "
    "discussions.",
    "La FNSEA d'Arnaud Rousseau et les Jeunes agriculteurs de Pierrick Horel ont poursuivi les discussions mardi.",
]


@pytest.mark.parametrize("text", ORG_SUBJECTS)
def test_people_qualifying_organisations_meet_no_one(nlp: Language, text: str) -> None:
    assert pairs(run(nlp, text)) == set()


JOINED = [
    ("La rectrice, Audrey Leuba, a accueilli mardi l'ambassadeur du Brésil, Marcelo Viegas Duarte. La conseillère "
     "d'État Anne Hiltpold a rejoint la délégation pour le déjeuner.", all_pairs("Leuba", "Duarte", "Hiltpold")),
    ("Le ministre Jean-Noël Barrot a reçu lundi son homologue italien, Antonio Tajani. La ministre Sophie Primas les a "
     "rejoints peu après pour le déjeuner.", all_pairs("Barrot", "Tajani", "Primas")),
    ("M. Bettel a ensuite été reçu par le Ministre d'État, M. Didier Guillaume, pour un déjeuner de travail. Le Prince "
     "Albert II, qui participait mardi à Bakou au sommet des dirigeants, n'a pas pu l'accueillir.",
     all_pairs("Bettel", "Guillaume")),
]


@pytest.mark.parametrize(("text", "expected"), JOINED)
def test_a_person_who_rejoined_the_delegation(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected
