"""The shared token table (nlpmeet/components/tokens.py) holds exactly the Token attributes it replaces."""

from __future__ import annotations

import gc
import weakref

import pytest
from spacy.language import Language

from nlpmeet.components import tokens
from nlpmeet.components.tokens import TokenTable
from tests.french_sample import articles

SENTENCES = [
    "",
    "   ",
    "Le président Emmanuel Macron a reçu jeudi  à l'Élysée  le chancelier allemand.\n\nIl a déclaré :",
    "« Nous signerons demain », a dit Mme Ursula von der Leyen (Commission européenne) à Bruxelles.",
    "Le 3 mars 2024, vers 15 h 30, l’ex-ministre s’est rendu au Sahel\u00a0; puis à N'Djamena.\r\n",
]


def _same(doc) -> None:  # type: ignore[no-untyped-def]
    table = TokenTable.of(doc)
    assert table.texts == [t.text for t in doc]
    assert table.ws == [t.whitespace_ for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.lemmas == [t.lemma_ for t in doc]


@pytest.mark.parametrize("text", SENTENCES)
def test_table_equals_tokens_on_a_blank_pipeline(blank_nlp: Language, text: str) -> None:
    _same(blank_nlp(text))


@pytest.mark.parametrize("text", SENTENCES + list(articles(5, seed=11)))
def test_table_equals_tokens_on_parsed_text(nlp: Language, text: str) -> None:
    _same(nlp(text))


def test_table_is_rebuilt_when_the_tokens_change(blank_nlp: Language) -> None:
    doc = blank_nlp("Le sommet de l'Union africaine.")
    assert TokenTable.of(doc) is TokenTable.of(doc)  # built once per Doc
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[3:6])
    assert TokenTable.of(doc).texts == [t.text for t in doc]


def test_table_does_not_keep_its_doc_alive(blank_nlp: Language) -> None:
    doc = blank_nlp("Une phrase sans importance.")
    TokenTable.of(doc)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None
    assert len(tokens._TABLES) == 0 or all(d is not None for d in tokens._TABLES.keys())
