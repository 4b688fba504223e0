"""A description by function ("le chef de la diplomatie algérienne") refers back to a foreign minister whose title
enumerates the portfolio after a comma ("ministre des Affaires étrangères, de la Communauté nationale à l'étranger et
des Affaires africaines"), as Maghreb and West African governments name them, and the encounters it reports are that
minister's.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct
from tests.helpers import pairs

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2025-05-14")


CASES = [
    ("Le ministre des Affaires étrangères, de la Communauté nationale à l'étranger et des Affaires africaines, Ahmed "
     "Attaf, est arrivé mardi à Tunis. Le chef de la diplomatie algérienne a rencontré mercredi la cheffe du "
     "gouvernement, Sarra Zaafrani Zenzri.", {frozenset(("Attaf", "Zenzri"))}),
    ("Le ministre des Affaires étrangères, de la Coopération africaine et des Marocains résidant à l'étranger, Nasser "
     "Bourita, est à Dakar. Le chef de la diplomatie marocaine s'est entretenu jeudi avec le Premier ministre, "
     "Ousmane Sonko.", {frozenset(("Bourita", "Sonko"))}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_description_refers_to_a_minister_with_an_enumerated_portfolio(
    nlp: Language, text: str, expected: set
) -> None:
    assert pairs(run(nlp, text)) == expected
