"""A spaCy Matcher run only on windows around the tokens that can anchor a match (same matches).

Every pattern holds a required token with a literal form (``LOWER``/``TEXT``, a string or ``IN`` a
list) or a ``REGEX`` on it: its *anchor*. A match holds an anchor token, so it lies inside the
window that the anchor opens: as many tokens before it as the pattern has before the anchor, and
after it up to the token that the pattern cannot reach. After the anchor, a pattern takes at most
``B`` tokens through its bounded specs (no operator, ``!``, ``?``); its unbounded specs (``*``,
``+``, ``{n,m}``) take only tokens of their ``POS``, title-case tokens (``IS_TITLE``) or tokens of their
literal form (``LOWER``/``TEXT``: a string, ``IN`` a list, a ``REGEX``); so the match ends before the
``B+1``-th token after the anchor that no unbounded spec allows. Overlapping windows are
merged, so a match is found once, and the matches come out in the order the matcher gives over
the whole Doc (a state that starts outside every window can finish no match). A pattern with
no anchor, or an unbounded spec with neither a ``POS`` string, ``IS_TITLE`` nor a literal form, makes
the window reach the Doc's edge.
Patterns that read other Docs' context (none here) would not be supported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlpmeet.components.tokens import TokenTable
from nlpmeet.resources import load_tsv

MEMO_SIZE = 1 << 16  # distinct token texts whose reaches are remembered (bounded for long dumps)
BOUNDED_OPS = (None, "1", "!", "?")
FUNCTION_WORDS_FILE = "french_function_words.tsv"


@cache
def function_words() -> frozenset[str]:
    """Words too frequent to anchor windows (they would open one everywhere)."""
    return frozenset(row["word"] for row in load_tsv(FUNCTION_WORDS_FILE))


@dataclass
class _Reach:
    before: int | None = 0  # tokens a match can hold before the anchor (None: up to the Doc's start)
    after: int = 0  # bounded specs after the anchor
    pos: set[str] = field(default_factory=set)  # parts of speech the unbounded specs after it take
    title: bool = False  # an unbounded spec after it takes title-case tokens ("IS_TITLE": true)
    literals: list[tuple[str, Any]] = field(default_factory=list)  # (attr, words or regex) of unbounded specs
    open_end: bool = False  # an unbounded spec that takes any token: up to the Doc's end

    def takes(self, text: str) -> bool:
        """An unbounded spec of literal form can take a token with this text."""
        for attr, value in self.literals:
            form = text.lower() if attr == "LOWER" else text
            if value.search(form) if isinstance(value, re.Pattern) else form in value:
                return True
        return False

    def widen(self, other: _Reach) -> None:
        self.before = None if self.before is None or other.before is None else max(self.before, other.before)
        self.after = max(self.after, other.after)
        self.pos |= other.pos
        self.title = self.title or other.title
        self.literals = self.literals + [lit for lit in other.literals if lit not in self.literals]
        self.open_end = self.open_end or other.open_end


def _literal(spec: dict[str, Any]) -> tuple[str, list[str]] | tuple[str, re.Pattern[str]] | None:
    """("LOWER"/"TEXT", words) or ("LOWER"/"TEXT", compiled regex) of a spec, if it has one."""
    for attr in ("LOWER", "TEXT", "ORTH"):
        value = spec.get(attr)
        key = "TEXT" if attr == "ORTH" else attr
        if isinstance(value, str):
            return key, [value]
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and value["IN"]:
            return key, [str(w) for w in value["IN"]]
        if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            return key, re.compile(value["REGEX"])
    return None


def _reach(tokens: Sequence[dict[str, Any]], at: int) -> _Reach:
    reach = _Reach()
    if any(t.get("OP") not in BOUNDED_OPS for t in tokens[:at]):
        reach.before = None
    else:
        reach.before = at
    for spec in tokens[at + 1 :]:
        if spec.get("OP") in BOUNDED_OPS:
            reach.after += 1
        elif isinstance(spec.get("POS"), str):
            reach.pos.add(spec["POS"])
        elif spec.get("IS_TITLE") is True:
            reach.title = True
        elif (found := _literal(spec)) is not None:
            attr, value = found
            reach.literals.append((attr, value if isinstance(value, re.Pattern) else frozenset(value)))
        else:
            reach.open_end = True
    return reach


class WindowedMatcher:
    """``matcher(doc)`` over the windows around anchors; build with the same patterns in the same order."""

    def __init__(
        self,
        matcher: Matcher,
        patterns: Sequence[Sequence[dict[str, Any]]],
        frequent: frozenset[str] = frozenset(),
    ) -> None:
        """``frequent``: words to avoid as anchors (function words), as they would open windows everywhere."""
        self.matcher = matcher
        self.words: dict[str, dict[str, _Reach]] = {"LOWER": {}, "TEXT": {}}
        self.regexes: list[tuple[str, re.Pattern[str], _Reach]] = []
        self.everywhere = False
        self._memo: dict[int, tuple[_Reach, ...]] = {}  # token ORTH -> the reaches it opens
        for tokens in patterns:
            # the anchor: one whose window is bounded on both sides (no unbounded spec before it that
            # takes any token, none after it), then a word set with the fewest frequent words, then the
            # smallest; else a regex
            anchor: tuple[tuple[int, int, int, int], int, tuple[str, Any]] | None = None
            for at, spec in enumerate(tokens):
                if spec.get("OP") not in (None, "1"):
                    continue
                found = _literal(spec)
                if found is None:
                    continue
                reach = _reach(tokens, at)
                open_sides = (reach.before is None) + reach.open_end
                if isinstance(found[1], re.Pattern):
                    rank = (open_sides, 1, 0, 0)
                else:
                    common = sum(1 for w in found[1] if w.lower() in frequent)
                    rank = (open_sides, 0, common, len(found[1]))
                if anchor is None or rank < anchor[0]:
                    anchor = (rank, at, found)
            if anchor is None:
                self.everywhere = True
                continue
            _, at, (attr, value) = anchor
            reach = _reach(tokens, at)
            if isinstance(value, re.Pattern):
                self.regexes.append((attr, value, reach))
                continue
            table = self.words[attr]
            for word in value:
                if word in table:
                    table[word].widen(reach)
                else:
                    table[word] = _Reach(
                        reach.before, reach.after, set(reach.pos), reach.title, list(reach.literals), reach.open_end
                    )

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        n = len(doc)
        if self.everywhere:
            return [(0, n)] if n else []
        memo, strings = self._memo, doc.vocab.strings
        if len(memo) > MEMO_SIZE:
            memo.clear()
        out: list[list[int]] = []
        pos: list[str] | None = None
        texts: list[str] = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            reaches = memo.get(orth)
            if reaches is None:
                reaches = memo[orth] = self._reaches(strings[orth])
            if not reaches:
                continue
            for r in reaches:
                a = 0 if r.before is None else max(0, i - r.before)
                if r.open_end:
                    b = n
                elif not r.pos and not r.title and not r.literals:
                    b = min(n, i + 1 + r.after)
                else:
                    if pos is None:
                        table = TokenTable.of(doc)
                        pos, texts = table.pos, table.texts
                    b, others = i + 1, 0
                    while b < n:
                        if pos[b] not in r.pos and not (r.title and texts[b].istitle()) and not r.takes(texts[b]):
                            if others == r.after:
                                break
                            others += 1
                        b += 1
                if out and a <= out[-1][1]:
                    out[-1][0] = min(out[-1][0], a)
                    out[-1][1] = max(out[-1][1], b)
                    while len(out) > 1 and out[-1][0] <= out[-2][1]:  # a far reach back merges earlier windows
                        last = out.pop()
                        out[-1][0] = min(out[-1][0], last[0])
                        out[-1][1] = max(out[-1][1], last[1])
                else:
                    out.append([a, b])
        return [(a, b) for a, b in out]

    def _reaches(self, text: str) -> tuple[_Reach, ...]:
        """The reaches a token with this text opens (its lower form is ``text.lower()``, as spaCy's LOWER)."""
        lower = text.lower()
        reaches = []
        r = self.words["LOWER"].get(lower)
        if r is not None:
            reaches.append(r)
        r = self.words["TEXT"].get(text)
        if r is not None:
            reaches.append(r)
        for attr, regex, r in self.regexes:
            if regex.search(lower if attr == "LOWER" else text):
                reaches.append(r)
        return tuple(reaches)

    def __call__(self, doc: Doc, **kwargs: Any) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        for a, b in self.windows(doc):
            if a == 0 and b == len(doc):
                return list(self.matcher(doc, **kwargs))
            out.extend((m, a + s, a + e) for m, s, e in self.matcher(doc[a:b], **kwargs))
        return out
