"""Token attributes of a Doc as plain Python lists, read once per Doc with ``Doc.to_array``.

The rule components scan every Doc several times; building a spaCy ``Token`` for each token at each
pass costs more than the rules themselves. :meth:`TokenTable.of` reads the attributes the scans need
in one ``to_array`` call and turns hashes into strings once per distinct value (memoised), and the
table is shared by every component that asks for it while the Doc lives (rebuilt if its tokens
change). The values are exactly the Token's: ``texts[i] == doc[i].text``, ``ws[i] ==
doc[i].whitespace_``, ``pos[i] == doc[i].pos_``, ``lemmas[i] == doc[i].lemma_``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

from spacy.attrs import LEMMA, ORTH, POS, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Token

MEMO_SIZE = 1 << 17  # distinct hashes whose strings are remembered (bounded for long dumps)

_STRINGS: dict[int, str] = {}


class TokenTable:
    """``texts``, ``ws`` (trailing white space), ``pos`` and ``lemmas`` of each token of a Doc."""

    __slots__ = ("texts", "ws", "pos", "lemmas", "__weakref__")

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        if len(_STRINGS) > MEMO_SIZE:
            _STRINGS.clear()
        memo = _STRINGS
        texts: list[str] = []
        ws: list[str] = []
        pos: list[str] = []
        lemmas: list[str] = []
        if len(doc):
            orths, spaces, parts, lemma_ids = doc.to_array([ORTH, SPACY, POS, LEMMA]).T.tolist()
            for h in {*orths, *parts, *lemma_ids}.difference(memo):
                memo[h] = strings[h] if h else ""
            get = memo.__getitem__
            texts = list(map(get, orths))
            ws = [" " if space else "" for space in spaces]
            pos = list(map(get, parts))
            lemmas = list(map(get, lemma_ids))
        self.texts = texts
        self.ws = ws
        self.pos = pos
        self.lemmas = lemmas

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        """The table of ``doc``, built on first use and kept while the Doc lives (rebuilt if its tokens changed)."""
        found = _TABLES.get(doc)
        if found is None or len(found.texts) != len(doc):
            found = _TABLES[doc] = cls(doc)
        return found


_TABLES: weakref.WeakKeyDictionary[Doc, TokenTable] = weakref.WeakKeyDictionary()


def opens_clause(doc: Doc, i: int, *, at_line_start: bool = False) -> bool:
    """Token ``i`` is capitalised by its position: it starts a sentence, or follows a colon (over white
    space: "11h00 : Réunion"); with ``at_line_start``, also when it opens the document or a line."""
    if doc[i].is_sent_start or (at_line_start and i == 0):
        return True
    j, newline = i - 1, False
    while j >= 0 and doc[j].is_space:
        newline = newline or "\n" in doc[j].text
        j -= 1
    if at_line_start and (j < 0 or newline):
        return True
    return j >= 0 and doc[j].text == ":"


def phrase_patterns(nlp: Language, texts: Iterable[str], attr: str = "LOWER") -> list[Any]:
    """Patterns for ``PhraseMatcher(nlp.vocab, attr=attr).add``, one per text, as the tokenizer cuts it.

    ``PhraseMatcher.add`` takes a pattern as a Doc or as the list of its tokens' ``attr`` keys. A
    text of plain words (letters only, one space between them, none a tokenizer special case) is cut
    by the tokenizer at its spaces and nowhere else, so its keys are computed from the words; only the
    other texts (hyphens, apostrophes, dots, digits) become Docs. Making thousands of pattern Docs
    created a lexeme for every new word and was most of the gazetteers' start-up time.
    ``tests/test_tokens.py`` checks the cut against the tokenizer on every pattern text of ``models/``.
    """
    if attr not in ("LOWER", "ORTH"):
        raise ValueError(f"phrase_patterns: attr LOWER or ORTH, not {attr!r}")
    special = getattr(nlp.tokenizer, "rules", None) or {}
    add = nlp.vocab.strings.add
    out: list[Any] = []  # Docs and key lists (spaCy's type stub for add() names Docs only)
    for text in texts:
        words = text.split(" ")
        if all(w.isalpha() and w not in special for w in words):
            out.append([add(w.lower() if attr == "LOWER" else w) for w in words])
        else:
            out.append(nlp.make_doc(text))
    return out


def is_adjective(token: Token) -> bool:
    """An adjective, also a lower-case one the tagger took for a proper noun ("la ministre sud-africaine")."""
    return token.pos_ == "ADJ" or (token.pos_ == "PROPN" and token.text.islower())
