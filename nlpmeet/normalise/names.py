"""Person names: folding, keys, honorific stripping, short forms (pure, no spaCy).

A *name key* is the tuple of a name's words, accents removed, case-folded, with hyphens,
apostrophes and dots as word breaks: "Fayez Al-Sarraj" -> ("fayez", "al", "sarraj"). Two
mentions with the same key are the same name ("Antonio Guterres" / "António Guterres",
"Nicolas SARKOZY" / "Nicolas Sarkozy"); a key that is a contiguous part of another is a
short form of it ("Stoltenberg", "de Hoop Scheffer", "Moussa Faki").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})
_BREAKS = re.compile(r"[\s\-‐‑–'’.,;:()\[\]\"«»]+")
_WORD = re.compile(r"[^\s\-‐‑–'’.,;:()\[\]\"«»]+")
_WORD_BREAKS = re.compile(r"[\s\-‐‑–.,;:()\[\]\"«»]+")
# Memoised per distinct string: the pipeline asks for the same token texts many times per document.
# Bounded, so that memory stays flat over a large dump.
CACHE_SIZE = 1 << 16


@lru_cache(maxsize=CACHE_SIZE)
def fold(text: str) -> str:
    """Accents removed, case-folded, typographic apostrophes made plain: "L’État" -> "l'etat"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """Folded words of ``text``, with hyphens, apostrophes and dots as breaks
    ("d'état-major" -> ["d", "etat", "major"]); "à" is kept apart from "a"."""
    return list(_words(text))


@lru_cache(maxsize=CACHE_SIZE)
def _words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _WORD_BREAKS.split(text.translate(_APOSTROPHES)):
        # "à" stays apart from "a" (the verb); everything else is folded
        piece = raw.casefold() if raw.casefold() == "à" else fold(raw)
        while "'" in piece:
            head, _, piece = piece.partition("'")
            if head:
                out.append(head)
        if piece:
            out.append(piece)
    return tuple(out)


def name_key(name: str) -> tuple[str, ...]:
    """The comparison key of a person name (see module doc)."""
    return tuple(w for w in _BREAKS.split(fold(name)) if w)


def strip_honorifics(name: str, honorifics: Iterable[str]) -> str:
    """``name`` without leading honorifics ("M. Jens Stoltenberg" -> "Jens Stoltenberg",
    "S.E.M. Jean Ping" -> "Jean Ping", "Son Excellence M. X" -> "X"); compared by :func:`name_key`."""
    keys = sorted({name_key(h) for h in honorifics if name_key(h)}, key=len, reverse=True)
    text = name.strip()
    while True:
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        found = [w for w in _BREAKS.split(fold(text)) if w]
        if len(found) != len(spans):  # pragma: no cover - both split on the same breaks
            return text
        for key in keys:
            n = len(key)
            if n < len(spans) and tuple(found[:n]) == key:
                text = text[spans[n][0] :]
                break
        else:
            return text


def is_part(short: Sequence[str], full: Sequence[str]) -> bool:
    """True when key ``short`` is a contiguous, strictly shorter part of key ``full``."""
    n, m = len(short), len(full)
    if not n or n >= m:
        return False
    return any(tuple(full[i : i + n]) == tuple(short) for i in range(m - n + 1))


def capitals(name: str) -> int:
    """How many words of ``name`` are written in capitals ("Nicolas SARKOZY" -> 1)."""
    return sum(1 for w in _WORD.findall(name) if len(w) > 1 and w.isupper())


def fullest(forms: Sequence[str]) -> str:
    """The form to use as a person's name among the ``forms`` (in text order) the text gives:
    most words, then not in capitals ("Angela Merkel" over "Angela MERKEL"), then the most
    frequent, then the first."""
    if not forms:
        raise ValueError("no name form")
    counts: dict[str, int] = {}
    for f in forms:
        counts[f] = counts.get(f, 0) + 1
    order = {f: i for i, f in reversed(list(enumerate(forms)))}
    return max(counts, key=lambda f: (len(name_key(f)), -capitals(f), counts[f], -order[f]))


def title_case_word(word: str) -> bool:
    """A word written like a name: capital first letter ("Drian", "McMaster", "HARPER", "Çavuşoğlu")."""
    return bool(word) and word[0].isupper() and any(c.isalpha() for c in word)
