"""Does a document look French? A cheap check for a warning, never a refusal.

French running text is about one word in three an article, preposition, pronoun or auxiliary
(``models/french_function_words.tsv``); English or German text has almost none of them. A text of
``MIN_WORDS`` words or more where they make less than ``MIN_SHARE`` of the words gets a warning:
nlpmeet still processes it, but its French rules and model will find little. No spaCy here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from nlpmeet.io.readers import Document, Item
from nlpmeet.resources import load_tsv

MIN_WORDS = 30
MIN_SHARE = 0.2
SAMPLE_CHARS = 20_000  # the start of the text is enough to tell

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _function_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv("french_function_words.tsv"))


def french_share(text: str) -> tuple[float, int]:
    """(share of French function words among the words, number of words) at the start of ``text``."""
    words = [w.casefold() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if not words:
        return 0.0, 0
    known = _function_words()
    return sum(w in known for w in words) / len(words), len(words)


def looks_foreign(text: str) -> bool:
    share, n = french_share(text)
    return n >= MIN_WORDS and share < MIN_SHARE


def warn_foreign(items: Iterable[Item], warn: Callable[[str], None]) -> Iterator[Item]:
    """Pass ``items`` through, warning about each document that does not look French."""
    for item in items:
        if isinstance(item, Document) and looks_foreign(item.text):
            share, _ = french_share(item.text)
            warn(
                f"{item.id}: does not look like French ({share:.0%} French function words); "
                "processed, but expect little to be found"
            )
        yield item
