"""A name whose last word is written like a French function word ("Son", "Ma", "Sa": Vietnamese and Korean names
such as "Bui Thanh Son", "Pham Thi Ma"): inside a sentence, right after a name word, the capitalised word is part of
the name; a possessive opening the next sentence ("… Macron. Son homologue") is not.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


CASES = [
    ("Mercredi, la délégation a été reçue à Hanoï par le vice-Premier ministre vietnamien, Bui Thanh Son.",
     {"Bui Thanh Son"}),
    ("Le ministre Bui Thanh Son a reçu jeudi son homologue belge.", {"Bui Thanh Son"}),
    ("L'ambassadeur a rencontré Nguyen Van Son et Pham Thi Ma à Hô Chi Minh-Ville.", {"Nguyen Van Son", "Pham Thi Ma"}),
    ("Le président a reçu Emmanuel Macron. Son homologue a salué l'accord.", {"Emmanuel Macron"}),
]


@pytest.mark.parametrize(("text", "people"), CASES)
def test_a_function_word_ending_a_name(nlp: Language, text: str, people: set[str]) -> None:
    assert set(run_with_dct(nlp, text, "2025-03-21")._.people) == people
