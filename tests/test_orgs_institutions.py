"""Organisations named by lexicon rows added in the tenth held-out round: francophone news agencies in a dispatch's
dateline ("Tunis, 14 mai (TAP) -", "Abidjan, 3 juin (AIP) -"), the French Economic, Social and Environmental
Council, whose name holds a comma (the acronym is its name only where the text uses it), Al-Azhar, the Cairo
institution a grand imam heads, which is no place, and Wallonie-Bruxelles International, whose places are no places.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import LOCATIONS_GROUP, ORGS_GROUP
from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2025-05-14")


def orgs(doc: Doc) -> set[str]:
    return {str(s._.norm) for s in doc.spans.get(ORGS_GROUP, [])}


def places(doc: Doc) -> set[str]:
    return {str(s._.norm) for s in doc.spans.get(LOCATIONS_GROUP, [])}


CASES = [
    ("Tunis, 14 mai (TAP) - Le ministre Mohamed Ali Nafti a reçu mercredi son homologue algérien.", {"TAP"}, set()),
    ("Abidjan, 3 juin (AIP) - Le Premier ministre a inauguré mardi le nouveau pont.", {"AIP"}, set()),
    ("Kinshasa, 12 mars (ACP) - Le président Félix Tshisekedi a reçu lundi une délégation.", {"ACP"}, set()),
    ("Les discussions reprendront jeudi au siège du Conseil économique, social et environnemental (CESE).",
     {"CESE"}, set()),
    ("Le président du Conseil économique, social et environnemental, Thierry Beaudet, a remis son avis.",
     {"Conseil économique, social et environnemental"}, set()),
    ("Le pape a signé la déclaration avec le grand imam d'Al-Azhar, Ahmed al-Tayeb.", {"Al-Azhar"}, set()),
    ("La coopération est financée par Wallonie-Bruxelles International (WBI) depuis 2019.", {"WBI"}, set()),
]


@pytest.mark.parametrize(("text", "expected_orgs", "expected_places"), CASES)
def test_agencies_and_institutions(nlp: Language, text: str, expected_orgs: set, expected_places: set) -> None:
    doc = run(nlp, text)
    assert orgs(doc) == expected_orgs
    assert places(doc) & {"Al-Azhar", "TAP", "AIP", "ACP", "Bruxelles", "Wallonie"} == expected_places
