"""Organisations as news articles write them: the party in parentheses after a person's name ("Bart De Wever
(N-VA)", "Maxime Prévot (Les Engagés)"), and in an enumeration of people with their parties every party, even
one the model reads as a place ("Frank Vandenbroucke (Vooruit)"); a place alone after a person stays a place (a
deputy's département), an age or a country is no party; a lexicon acronym written as a word with a capital and
accents ("la Cédéao", "l'Unesco", "l'Otan") is that organisation, not a given name ("Isis"); a headline's rubric
("Automobile : …") is no organisation, nor a sentence's opening adjective ("Réputé atlantiste, …") a place.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import LOCATIONS_GROUP, ORGS_GROUP
from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2025-02-18")


def orgs(doc: Doc) -> set[str]:
    return {str(s._.norm) for s in doc.spans.get(ORGS_GROUP, [])}


def places(doc: Doc) -> set[str]:
    return {s.text for s in doc.spans.get(LOCATIONS_GROUP, [])}


PARTIES = [
    ("Le Premier ministre, Bart De Wever (N-VA), a réuni lundi les vice-Premiers ministres Jan Jambon (N-VA), "
     "David Clarinval (MR), Maxime Prévot (Les Engagés), Frank Vandenbroucke (Vooruit) et Vincent Van Peteghem "
     "(CD&V).", {"N-VA", "MR", "Les Engagés", "Vooruit", "CD&V"}, set()),
    ("Le président de la commission, Jean-Philippe Tanguy (RN), a interrogé Gabriel Attal (EPR) et Boris Vallaud "
     "(PS).", {"RN", "EPR", "PS"}, set()),
    ("Le ministre-président, Matthias Diependaele (N-VA), a reçu Conner Rousseau (Vooruit) et Sammy Mahdi "
     "(CD&V).", {"N-VA", "Vooruit", "CD&V"}, set()),
    # a place after a person's name alone: a deputy's département, not a party
    ("Le député Éric Woerth (Oise) a voté contre le texte.", set(), {"Oise"}),
    # an age, a country: no party
    ("Johann Wadephul (62 ans) a été nommé mardi.", set(), set()),
]


@pytest.mark.parametrize(("text", "expected_orgs", "expected_places"), PARTIES)
def test_a_party_in_parentheses_after_a_person(
    nlp: Language, text: str, expected_orgs: set[str], expected_places: set[str]
) -> None:
    doc = run(nlp, text)
    assert orgs(doc) >= expected_orgs
    if not expected_orgs:
        assert orgs(doc) == set()
    assert not orgs(doc) & expected_places
    assert places(doc) == expected_places


WORD_ACRONYMS = [
    # the long name with the word form in parentheses and its later uses are one organisation
    ("La Communauté économique des États de l'Afrique de l'Ouest (Cédéao) se réunit dimanche. La Cédéao a menacé "
     "le Niger de sanctions.", {"Communauté économique des États de l'Afrique de l'Ouest", "Cédéao"}, 1),
    ("L'Unesco a inscrit le site au patrimoine mondial.", {"Unesco"}, 1),
    ("Le secrétaire général de l'Otan, Mark Rutte, a reçu le ministre.", {"Otan"}, 1),
]


@pytest.mark.parametrize(("text", "mentions", "clusters"), WORD_ACRONYMS)
def test_an_acronym_written_as_a_word_is_the_organisation(
    nlp: Language, text: str, mentions: set[str], clusters: int
) -> None:
    doc = run(nlp, text)
    spans = doc.spans.get(ORGS_GROUP, [])
    assert {s.text for s in spans} == mentions
    assert len({str(s._.norm) for s in spans}) == clusters


def test_a_given_name_is_no_word_acronym(nlp: Language) -> None:
    doc = run(nlp, "La chanteuse Isis Martin a donné un concert à Lyon.")
    assert orgs(doc) == set()


OPENING_WORDS = [
    # a common noun as a headline's rubric, before its colon, is no organisation
    ("Automobile : Luca de Meo reçu à Bercy par le ministre de l'Économie", set(), {"Bercy"}),
    ("Football : Gianni Infantino reçu à Rabat par le roi", set(), {"Rabat"}),
    # an adjective opening a sentence, capitalised by its place, is no place
    ("Les deux hommes se sont ensuite rendus à Varsovie, où Johann Wadephul a rencontré le ministre polonais des "
     "Affaires étrangères, Radosław Sikorski.\n\nRéputé atlantiste, ce catholique pratiquant avait rencontré à "
     "plusieurs reprises l'ancien secrétaire d'État américain Antony Blinken.", set(), {"Varsovie"}),
    ("Réputée proche des syndicats, cette ancienne inspectrice du travail a reçu jeudi Sophie Binet à Paris.",
     set(), {"Paris"}),
]


@pytest.mark.parametrize(("text", "expected_orgs", "expected_places"), OPENING_WORDS)
def test_a_word_capitalised_by_its_place_is_no_name(
    nlp: Language, text: str, expected_orgs: set[str], expected_places: set[str]
) -> None:
    doc = run(nlp, text)
    assert orgs(doc) == expected_orgs
    assert places(doc) == expected_places
