"""Meetings as news articles tell them: a duration with "plus de" between the verb and its "avec" (no negation
without "ne"), a pronoun subject before a modal and a pronominal infinitive ("Il doit s'entretenir avec X"), a
person "présent(e) à la réunion" who joins it even when the sentence goes on to quote a negation or to say the
person refused to do something else, and an encounter told in the future that takes the day announced, not the
day of the announcement.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct
from tests.helpers import all_pairs, pairs

pytestmark = pytest.mark.model


def run(nlp: Language, text: str, dct: str | None = "2025-03-12") -> Doc:
    return run_with_dct(nlp, text, dct)


NEGATION = [
    # "plus de" after the verb is a quantity, not "ne ... plus"
    ("Mardi, Marco Rubio s'est entretenu pendant plus de huit heures avec Andriï Iermak.",
     all_pairs("Rubio", "Iermak")),
    ("Lundi, Emmanuel Macron et Olaf Scholz se sont entretenus pendant plus de deux heures avec Ursula von der "
     "Leyen.", all_pairs("Macron", "Scholz", "Leyen")),
    ("La ministre Catherine Colonna a déjeuné jeudi pendant plus d'une heure avec Annalena Baerbock.",
     all_pairs("Colonna", "Baerbock")),
    # with its "ne", the word after the verb negates it
    ("Depuis l'incident, Recep Tayyip Erdogan ne s'entretient plus avec Emmanuel Macron.", set()),
    ("Le président Joe Biden ne rencontrera pas Xi Jinping lors de ce déplacement.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NEGATION)
def test_a_word_after_the_verb_negates_it_only_with_ne(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


MODAL = [
    ("« Nous devons être prêts », a déclaré M. Barrot devant la presse. Il doit s'entretenir vendredi avec Kaja "
     "Kallas.", all_pairs("Barrot", "Kallas")),
    ("La ministre Catherine Vautrin a visité l'hôpital de Reims. Elle doit s'entretenir demain avec Frédéric "
     "Valletoux.", all_pairs("Vautrin", "Valletoux")),
    ("Le chancelier Olaf Scholz est arrivé à Rome dans la matinée. Il va s'entretenir dans l'après-midi avec "
     "Giorgia Meloni.", all_pairs("Scholz", "Meloni")),
]


@pytest.mark.parametrize(("text", "expected"), MODAL)
def test_a_pronoun_before_a_modal_and_a_pronominal_infinitive_is_a_person(
    nlp: Language, text: str, expected: set
) -> None:
    assert pairs(run(nlp, text)) == expected


PRESENT = [
    ("Le premier ministre Justin Trudeau a réuni mercredi le premier ministre Doug Ford. La première ministre "
     "Danielle Smith, présente à la réunion, a refusé de signer la déclaration.",
     all_pairs("Trudeau", "Ford", "Smith")),
    ("Le premier ministre Justin Trudeau a réuni mercredi le premier ministre Doug Ford. La première ministre "
     "Danielle Smith, présente à la réunion, a refusé de s'y associer, estimant que la question « n'est pas sur "
     "la table ».", all_pairs("Trudeau", "Ford", "Smith")),
    ("Le président Emmanuel Macron a reçu lundi le chancelier Olaf Scholz. Le ministre Jean-Noël Barrot, présent "
     "lors de l'entretien, a pris la parole.", all_pairs("Macron", "Scholz", "Barrot")),
    ("Lundi, la ministre a présidé une réunion de travail à laquelle étaient présents Bruno Le Maire et Gérald "
     "Darmanin.", all_pairs("Maire", "Darmanin")),
    # present somewhere else: no one joins
    ("Le président Emmanuel Macron a reçu lundi le chancelier Olaf Scholz. Bruno Le Maire était présent à "
     "Bruxelles pour un conseil des ministres des Finances.", all_pairs("Macron", "Scholz")),
]


@pytest.mark.parametrize(("text", "expected"), PRESENT)
def test_a_person_present_at_the_meeting_joins_it(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text, "2025-01-16")) == expected


FUTURE = [
    ("Le sommet se tiendra finalement le 24 juillet à Pékin, a indiqué mercredi un porte-parole de la Commission "
     "européenne. La présidente de la Commission, Ursula von der Leyen, y rencontrera le président chinois, "
     "Xi Jinping.", "2025-07-24"),
    ("Le déplacement aura lieu le 18 juillet à Berlin, a annoncé lundi l'Élysée. Emmanuel Macron s'y "
     "entretiendra avec le chancelier Friedrich Merz.", "2025-07-18"),
]


@pytest.mark.parametrize(("text", "day"), FUTURE)
def test_an_encounter_told_in_the_future_is_not_on_the_day_of_its_announcement(
    nlp: Language, text: str, day: str
) -> None:
    doc = run(nlp, text, "2025-07-10")
    assert [m["date"] for m in doc._.meetings] == [day]
