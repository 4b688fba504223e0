"""A series of gatherings named by a capitalised plural head: with its adjective alone inside a sentence ("les
Rencontres méditerranéennes"), or "Fêtes"/"Assises" with a complement
("les Fêtes de Wallonie"); a heading's "Rencontres bilatérales" or "Entretiens téléphoniques" names no event; a forum
or summit named by the two sides it joins after its adjective ("le Forum économique Wallonie-Vietnam") is an event,
not an organisation.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import run_with_dct

pytestmark = pytest.mark.model

NAMED = [
    ("Les deux hommes s'étaient revus à Marseille en marge des Rencontres méditerranéennes.",
     "Rencontres méditerranéennes"),
    ("Le ministre-président a invité son hôte aux Fêtes de Wallonie, en septembre.", "Fêtes de Wallonie"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_a_named_series(nlp: Language, text: str, expected: str) -> None:
    assert expected in run_with_dct(nlp, text, "2025-04-22")._.events


NOT_NAMED = [
    "Rencontres bilatérales\n\nLe ministre a reçu son homologue.",
    "Entretiens téléphoniques\n\nLa ministre a appelé son homologue.",
    "Les rencontres bilatérales se sont poursuivies mardi.",
]


@pytest.mark.parametrize("text", NOT_NAMED)
def test_a_generic_plural_names_no_event(nlp: Language, text: str) -> None:
    assert not run_with_dct(nlp, text, "2025-04-22")._.events


PAIRS = [
    ("Le ministre a ouvert à Hô Chi Minh-Ville le Forum économique Wallonie-Vietnam, qui a rassemblé 200 entreprises.",
     "Forum économique Wallonie-Vietnam"),
    ("La ministre a clôturé jeudi le Sommet économique Québec-Bavière, en présence des deux chefs de gouvernement.",
     "Sommet économique Québec-Bavière"),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_a_pair_forum_after_its_adjective(nlp: Language, text: str, expected: str) -> None:
    doc = run_with_dct(nlp, text, "2025-03-21")
    assert expected in doc._.events
    assert expected not in {str(s._.norm) for s in doc.spans["nlpmeet_orgs"]}
