"""Per-Doc caches of the rule components (nlpmeet/components/lexicon.py, places.py) hold Docs weakly:
once a document is done, nothing keeps it alive, so memory stays flat over a long dump."""

from __future__ import annotations

import gc
import weakref

import pytest
from spacy.language import Language

from nlpmeet.components import lexicon

TEXTS = [
    "Le président français Emmanuel Macron a reçu lundi à l'Élysée le chancelier allemand Olaf Scholz.",
    "La ministre des Affaires étrangères s'est entretenue avec son homologue belge, rue de la Loi, à Bruxelles.",
    "M. Stoltenberg, secrétaire général de l'OTAN, a rencontré l'ex-président ukrainien à Kyiv.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_processed_doc_is_not_kept_alive(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert lexicon._DOC_WORDS.get(doc) is not None  # the cache was used for this Doc
    ref = weakref.ref(doc)
    del doc
    nlp("Une autre phrase.")  # a component may hold on to the last document it saw, no more
    gc.collect()
    assert ref() is None
    assert all(d is not None for d in lexicon._DOC_WORDS.keys())


def test_doc_words_are_rebuilt_when_the_tokens_change(nlp: Language) -> None:
    doc = nlp.make_doc("Le secrétaire général de l'OTAN")
    first = lexicon.DocWords.of(doc)
    assert lexicon.DocWords.of(doc) is first
    with doc.retokenize() as retok:
        retok.merge(doc[1:3])
    again = lexicon.DocWords.of(doc)
    assert again is not first and len(again.texts) == len(doc) == 5


@pytest.mark.parametrize(
    "text",
    [
        "L'ex-président et le Premier ministre par intérim ont reçu S.E.M. Jean Ping, secrétaire d'État.",
        "NATO Secretary General Jens Stoltenberg and la ministre des Affaires étrangères et du Développement.",
        "Le gouvernement Valls et la juriste Amal Clooney ; les secrétaires généraux adjoints de l’ONU.",
    ],
)
def test_starts_hold_every_phrase(blank_nlp: Language, text: str) -> None:
    """DocWords.starts(table): the loops skip every other token, so no phrase may start elsewhere."""
    doc = blank_nlp(text)
    words = lexicon.DocWords.of(doc)
    lex = lexicon.lexicon()
    found = 0
    for table in (lex.titles, lex.caption_titles, lex.honorifics, lex.grammar, lex.modifiers, lex.person_nouns):
        starts = words.starts(table)
        assert starts == sorted(starts)
        with_phrase = [i for i in range(len(doc)) if words.phrase(table, i)[0]]
        assert set(with_phrase) <= set(starts)
        found += len(with_phrase)
    assert found >= 5
