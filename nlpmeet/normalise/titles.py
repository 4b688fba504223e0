"""Function titles and fixed phrases: keys and longest-match lookup (pure, no spaCy).

Words are compared by :func:`word_key`: folded (see :func:`nlpmeet.normalise.names.fold`) and
reduced to a singular-like stem, so that "ministres", "secrétaires généraux" and "Ambassadrices"
find the lexicon's "ministre", "secrétaire général" and "ambassadrice".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from nlpmeet.normalise.names import words

V = TypeVar("V")


def word_key(word: str) -> str:
    """Singular-like key of one folded word: "generaux" -> "general", "ministres" -> "ministre"."""
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("'"):
        return word[:-1]
    return word


def phrase_key(text: str) -> tuple[str, ...]:
    """Keys of the words of ``text`` ("Secrétaires d’État" -> ("secretaire", "d'", "etat"))."""
    return tuple(word_key(w) for w in words(text))


class PhraseTable(Generic[V]):
    """Phrases (by :func:`phrase_key`) mapped to values, looked up longest first in a word sequence."""

    def __init__(self, items: Iterable[tuple[str, V]] = ()) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        # first word -> length of the longest phrase opening with it: most words open none
        self.openers: dict[str, int] = {}
        for phrase, value in items:
            self.add(phrase, value)

    def add(self, phrase: str, value: V) -> None:
        key = phrase_key(phrase)
        if key and key not in self._table:
            self._table[key] = value
            self.openers[key[0]] = max(self.openers.get(key[0], 0), len(key))

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and phrase_key(phrase) in self._table

    def get(self, phrase: str) -> V | None:
        return self._table.get(phrase_key(phrase))

    def match(self, keys: Sequence[str], start: int) -> tuple[int, V | None]:
        """Longest phrase of the table at ``keys[start:]`` (keys from :func:`word_key`):
        (number of words, value), or (0, None)."""
        if start >= len(keys):
            return 0, None
        longest = self.openers.get(keys[start])
        if longest is None:
            return 0, None
        left = len(keys) - start
        for n in range(longest if longest < left else left, 0, -1):
            value = self._table.get(tuple(keys[start : start + n]))
            if value is not None:
                return n, value
        return 0, None

    def words(self) -> set[str]:
        """Every word key that occurs in some phrase of the table."""
        return {w for key in self._table for w in key}


def join_title(pieces: Sequence[tuple[str, str]]) -> str:
    """A title in lower case from (text, whitespace after) pieces, trimmed: the title as written."""
    text = "".join(t + ws for t, ws in pieces).strip().lower()
    return " ".join(text.replace("’", "'").split())
