"""Organisation names: canonical keys, acronyms, and merging long and short forms (pure, no spaCy).

Nothing here knows a French word: the lexicon rows come from ``models/organizations.jsonl`` and
the function words used to read acronyms are passed in by the caller.

* :func:`fold` is the comparison key of a name (accents removed, case-folded, one kind of
  apostrophe, hyphens and other punctuation as spaces).
* :func:`is_acronym` tells an acronym ("OTAN", "G20", "GUE/NGL", "CEDEAO") from a word.
* :func:`acronym_fits` says whether an acronym can stand for a long form: ``strict`` asks for the
  initials of the content words (function words may be skipped), otherwise the acronym's letters
  need only appear in order, starting with the long form's first letter (for an acronym the text
  gives in parentheses right after the long form).
* :class:`OrgLexicon` maps every alias of the lexicon to its canonical short name.
* :func:`resolve` groups the organisation mentions of one document (same key, same lexicon entry,
  "long form (ACRONYM)", an acronym made of a long form's initials, a short form that begins a
  longer one, a bare head word such as "l'Alliance" after "l'Alliance atlantique") and gives every
  group one name taken from the text: the acronym when the text uses one, else the lexicon's name
  when the text uses it, else the first full form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_APOSTROPHES = re.compile(r"[’`´ʼ']")
_NON_WORD = re.compile(r"[^\w']+|_")
_SPACES = re.compile(r"\s+")
_WORD_BREAKS = re.compile(r"[\s']+")


@lru_cache(maxsize=1 << 16)  # memoised per distinct string (token texts recur); bounded for long dumps
def fold(text: str) -> str:
    """Comparison key: NFKD without accents, case-folded, apostrophes unified, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub("'", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def words_of(text: str) -> list[str]:
    """The folded words of ``text``; an elided article stays a word of its own ("l'otan" -> l, otan)."""
    return [w for w in _WORD_BREAKS.split(fold(text)) if w]


def is_acronym(text: str) -> bool:
    """An acronym: 2 to 12 characters, capitals but for one letter at most ("OTAN", "G20", "GUE/NGL", "LaREM")."""
    core = text.strip()
    if not 2 <= len(core) <= 12 or not core[0].isalpha() or not core[0].isupper():
        return False
    letters = [c for c in core if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if len(letters) == 1:
        if not any(c.isdigit() for c in core):  # "G20", "G7"
            return False
    elif upper < 2 or upper < len(letters) - 1:
        return False
    return all(c.isalnum() or c in "/&-." for c in core)


def _initials_fit(letters: str, words: Sequence[str], function_words: Collection[str]) -> bool:
    """Letters = one initial per content word, function words contributing their initial or nothing."""
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        key = (i, j)
        if key in memo:
            return memo[key]
        word = words[j]
        ok = False
        if i < len(letters) and word[0] == letters[i]:
            ok = go(i + 1, j + 1)
        if not ok and word in function_words:
            ok = go(i, j + 1)
        memo[key] = ok
        return ok

    return go(0, 0)


def _subsequence(letters: str, text: str) -> bool:
    it = iter(text)
    return all(c in it for c in letters)


def acronym_fits(acronym: str, long_form: str, function_words: Collection[str] = (), strict: bool = True) -> bool:
    """Can ``acronym`` abbreviate ``long_form``?

    ``strict``: its letters are the initials of the long form's words, where words in
    ``function_words`` (folded) may be skipped. Not strict: the first letters agree and the
    acronym's letters occur in order in the long form.
    """
    letters = "".join(c for c in fold(acronym) if c.isalpha())
    words = words_of(long_form)
    if len(letters) < 2 or len(words) < 2:
        return False
    if _initials_fit(letters, words, function_words):
        return True
    if strict:
        return False
    content = [w for w in words if w not in function_words] or words
    return letters[0] == content[0][0] and _subsequence(letters[1:], "".join(words)[1:])


@dataclass(frozen=True)
class LexiconEntry:
    name: str
    aliases: tuple[str, ...]
    kind: str


class OrgLexicon:
    """Canonical short names of known organisations, looked up by the folded key of any alias."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]):
        self.entries: list[LexiconEntry] = []
        self._by_key: dict[str, str] = {}
        self._forms: dict[str, tuple[str, ...]] = {}
        for row in rows:
            name = str(row["name"])
            aliases = [str(a) for key in ("fr", "en") for a in row.get(key, [])]
            forms = tuple(dict.fromkeys([name, *aliases]))
            self.entries.append(LexiconEntry(name, forms, str(row.get("kind", ""))))
            self._forms[name] = forms
            for form in forms:
                self._by_key.setdefault(fold(form), name)

    def lookup(self, text: str) -> str | None:
        """The canonical name of ``text`` when it is an alias of a lexicon entry."""
        return self._by_key.get(fold(text))

    def forms(self, name: str) -> tuple[str, ...]:
        """Every form (name and aliases) of the entry called ``name``."""
        return self._forms.get(name, ())

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass
class OrgMention:
    """One organisation mention of a document, as :func:`resolve` needs it.

    ``text``: the name as written, without leading article; ``lexname``: the lexicon's canonical
    name when the mention is a lexicon alias; ``paren``: the acronym the text gives in parentheses
    right after this mention, if any.
    """

    text: str
    start: int = 0
    lexname: str | None = None
    paren: str | None = None


class _Groups:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _nearest(candidates: list[int], mentions: Sequence[OrgMention], i: int) -> int | None:
    """The candidate mentioned last before mention ``i``, else the first one after it."""
    before = [j for j in candidates if mentions[j].start <= mentions[i].start]
    if before:
        return max(before, key=lambda j: mentions[j].start)
    return min(candidates, key=lambda j: mentions[j].start) if candidates else None


def resolve(
    mentions: Sequence[OrgMention], lexicon: OrgLexicon | None = None, function_words: Collection[str] = ()
) -> list[str]:
    """One canonical name per mention; mentions of the same organisation get the same name."""
    n = len(mentions)
    keys = [fold(m.text) for m in mentions]
    words = [words_of(m.text) for m in mentions]
    acro = [is_acronym(m.text) for m in mentions]
    groups = _Groups(n)
    first: dict[str, int] = {}
    for i in range(n):
        lexname = mentions[i].lexname
        for k in (keys[i], f"lex:{lexname}" if lexname else ""):
            if not k:
                continue
            if k in first:
                groups.union(first[k], i)
            else:
                first[k] = i
    # "long form (ACRONYM)"
    for i, m in enumerate(mentions):
        if m.paren:
            pkey = fold(m.paren)
            for j in range(n):
                if keys[j] == pkey:
                    groups.union(i, j)
    # an acronym made of the initials of a long form of the document
    for i in range(n):
        if not acro[i] or mentions[i].lexname:
            continue
        fits = [j for j in range(n) if not acro[j] and acronym_fits(mentions[i].text, mentions[j].text, function_words)]
        near = _nearest(fits, mentions, i)
        if near is not None:
            groups.union(i, near)
    # an acronym standing for the first words of a longer form ("SPF Affaires étrangères")
    for i in range(n):
        first_word = mentions[i].text.split(" ", 1)[0]
        if acro[i] or len(words[i]) < 2 or not is_acronym(first_word):
            continue
        rest = words_of(mentions[i].text[len(first_word) :])
        for j in range(n):
            head = words[j][: len(words[j]) - len(rest)] if rest else []
            if j != i and rest and words[j][-len(rest) :] == rest and len(head) >= 2:
                if acronym_fits(first_word, " ".join(head), function_words):
                    groups.union(i, j)
    # a short form of two words or more that begins a longer form ("Commandement central des États-Unis")
    for i in range(n):
        if acro[i] or len(words[i]) < 2:
            continue
        longer = [j for j in range(n) if len(words[j]) > len(words[i]) and words[j][: len(words[i])] == words[i]]
        near = _nearest(longer, mentions, i)
        if near is not None:
            groups.union(i, near)
    # a bare head word ("l'Alliance", "l'Union", "l'Organisation") refers to a longer name beginning with it
    for i in range(n):
        if acro[i] or len(words[i]) != 1:
            continue
        candidates = []
        for j in range(n):
            if j == i or groups.find(j) == groups.find(i):
                continue
            forms = [mentions[j].text]
            other = mentions[j].lexname
            if lexicon is not None and other:
                forms.extend(lexicon.forms(other))
            if any(len(ws) > 1 and ws[0] == words[i][0] for ws in map(words_of, forms)):
                candidates.append(j)
        near = _nearest(candidates, mentions, i)
        if near is not None:
            groups.union(i, near)
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(groups.find(i), []).append(i)
    names = [""] * n
    for members in clusters.values():
        name = _cluster_name([mentions[i] for i in members], [acro[i] for i in members])
        for i in members:
            names[i] = name
    return names


def _cluster_name(members: list[OrgMention], acro: list[bool]) -> str:
    texts = [m.text for m in members]
    folded = {fold(t): t for t in texts}
    lexname = next((m.lexname for m in members if m.lexname), None)
    lex_in_text = folded.get(fold(lexname)) if lexname else None
    if lex_in_text and is_acronym(lex_in_text):
        return lex_in_text
    parens = [m.paren for m in members if m.paren]
    for p in parens:
        if is_acronym(p) and fold(p) in folded:
            return folded[fold(p)]
    acronyms = [t for t, a in zip(texts, acro, strict=True) if a]
    if acronyms:
        return max(acronyms, key=acronyms.count)
    if lex_in_text:
        return lex_in_text
    multi = [t for t in texts if len(words_of(t)) > 1]
    return (multi or texts)[0]
