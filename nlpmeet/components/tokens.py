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
from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.attrs import LEMMA, ORTH, POS, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Token

from nlpmeet import fastload, packed

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


class PatternCuts:
    """How a pipeline's tokenizer cuts pattern texts, kept across runs in the nlpmeet cache.

    The gazetteers' texts with hyphens, apostrophes, dots or digits (~1,300) must be cut by the
    tokenizer itself; cutting them made a Doc and a lexeme for every new word, about 0.1 s of every
    start. The cuts are stored in ``cuts-<digest>.marshal`` beside fastload's caches, the digest taken
    over the tokenizer's own serialisation (its patterns and special cases): another tokenizer, another
    file. A text not yet in the file is cut by the tokenizer (and the file rewritten by :meth:`save`);
    a missing or unreadable file only means cutting again. ``NLPMEET_FASTLOAD=0``: no file."""

    def __init__(self, nlp: Language) -> None:
        self._tokenizer = nlp.tokenizer
        settings = nlp.tokenizer.to_bytes(exclude=["vocab"])  # type: ignore[union-attr]
        self.path = fastload.cache_dir() / f"cuts-{packed.digest(settings)[:32]}.marshal"
        stored = packed.read_cache(self.path) if fastload.enabled() else None
        self.cuts: dict[str, tuple[str, ...]] = stored if isinstance(stored, dict) else {}
        self._new = False

    @classmethod
    def of(cls, nlp: Language) -> PatternCuts:
        found = _CUTS.get(nlp)
        if found is None or found._tokenizer is not nlp.tokenizer:
            found = _CUTS[nlp] = cls(nlp)
        return found

    def __call__(self, text: str) -> tuple[str, ...]:
        found = self.cuts.get(text)
        if found is None:
            found = self.cuts[text] = tuple(t.text for t in self._tokenizer(text))
            self._new = True
        return found

    def save(self) -> None:
        if self._new and fastload.enabled():
            packed.write_cache(self.path, self.cuts)
            self._new = False


_CUTS: weakref.WeakKeyDictionary[Language, PatternCuts] = weakref.WeakKeyDictionary()


def phrase_patterns(nlp: Language, texts: Iterable[str], attr: str = "LOWER") -> list[Any]:
    """Patterns for ``PhraseMatcher(nlp.vocab, attr=attr).add``, one per text, as the tokenizer cuts it:
    the list of its tokens' ``attr`` keys (``PhraseMatcher.add`` takes those as well as Docs).

    A text of plain words (letters only, one space between them, none a tokenizer special case) is cut
    by the tokenizer at its spaces and nowhere else, so its keys are computed from the words; the other
    texts (hyphens, apostrophes, dots, digits) take the cut :class:`PatternCuts` remembers. No pattern
    Doc is made: thousands of them created a lexeme for every new word, most of the gazetteers'
    start-up time. A token's LOWER is its text lower-cased (spaCy's lexical attribute getter).
    ``tests/test_tokens.py`` checks the keys against the tokenizer's Docs on every pattern text of ``models/``.
    Call ``PatternCuts.of(nlp).save()`` once the patterns are made to keep new cuts for the next run.
    """
    if attr not in ("LOWER", "ORTH"):
        raise ValueError(f"phrase_patterns: attr LOWER or ORTH, not {attr!r}")
    special = getattr(nlp.tokenizer, "rules", None) or {}
    add = nlp.vocab.strings.add
    cut = PatternCuts.of(nlp)
    out: list[Any] = []  # key lists (spaCy's type stub for PhraseMatcher.add names Docs only)
    for text in texts:
        words = text.split(" ")
        if not all(w.isalpha() and w not in special for w in words):
            words = list(cut(text))
        out.append([add(w.lower() if attr == "LOWER" else w) for w in words])
    return out


def is_adjective(token: Token) -> bool:
    """An adjective, also a lower-case one the tagger took for a proper noun ("la ministre sud-africaine")."""
    return token.pos_ == "ADJ" or (token.pos_ == "PROPN" and token.text.islower())


PERSON_LABELS = frozenset({"PER", "PERSON"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
LIST_OF_PARTIES = 2  # parties in parentheses that make a sentence an enumeration of people with their parties
PARTY_MAX_TOKENS = 4  # tokens of a party's name in parentheses after a person ("(Les Engagés)", "(CD&V)")


def _after_person(doc: Doc, start: int, end: int) -> bool:
    """``doc[start:end]`` is all that stands in parentheses right after a person's full name (as the model
    reads it), capitalised and with no digit (not an age: "(62 ans)")."""
    if start < 3 or end >= len(doc) or not 0 < end - start <= PARTY_MAX_TOKENS:
        return False
    if doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    # a full name, given and family names, as at a person's first mention (not "l'armée de Terre (CEMAT)")
    if not (doc[start - 2].ent_type_ in PERSON_LABELS and doc[start - 3].ent_type_ in PERSON_LABELS):
        return False
    text = doc[start:end].text
    return text[:1].isupper() and not any(ch.isdigit() for ch in text)


def parties_in_parentheses(doc: Doc) -> list[tuple[int, int]]:
    """The parties journalists put in parentheses after people's names ("Bart De Wever (N-VA)", "Maxime Prévot
    (Les Engagés)", "Frank Vandenbroucke (Vooruit)"): an abbreviation, or a name the model does not read as a
    place; and, in a sentence that has two such, every other name in parentheses after a person (the enumeration of
    a coalition's members). A place alone after a person stays a place (a deputy's département: "Éric Woerth
    (Oise)")."""
    found: list[tuple[int, int]] = []
    texts = TokenTable.of(doc).texts
    for i, text in enumerate(texts):
        if text != "(":
            continue
        stop = min(len(doc), i + 2 + PARTY_MAX_TOKENS)
        close = next((k for k in range(i + 2, stop) if texts[k] == ")"), None)
        if close is not None and _after_person(doc, i + 1, close):
            found.append((i + 1, close))
    if not found:
        return []

    def party_like(start: int, end: int) -> bool:
        text = doc[start:end].text
        abbreviation = sum(ch.isupper() for ch in text) >= 2 and not any(ch.islower() for ch in text)
        return abbreviation or doc[start].ent_type_ not in PLACE_LABELS

    sure = [(start, end) for start, end in found if party_like(start, end)]
    per_sentence = Counter(doc[start].sent.start for start, _end in sure)
    return [(s, e) for s, e in found if (s, e) in sure or per_sentence[doc[s].sent.start] >= LIST_OF_PARTIES]
