"""Shared by nlpmeet_people, nlpmeet_roles and nlpmeet_coref: the title and name lexicons of models/,
a word stream over a Doc, and the grammar of function-title phrases.

A *title phrase* is a lexicon title with what French attaches to it: modifiers ("ancien", "par
intérim"; dropped ones like "nouveau" are skipped), country adjectives ("russe", from
COUNTRIES_GROUP), and complements: an organisation ("de l'OTAN", from ORGS_GROUP), a country
("du Burundi"), a place (posting, not part of the title) or a portfolio ("des Affaires
étrangères et du Développement international", kept in the title).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from nlpmeet.components.tokens import TokenTable
from nlpmeet.extensions import COUNTRIES_GROUP, DATES_GROUP, LOCATIONS_GROUP, ORGS_GROUP
from nlpmeet.normalise.names import words
from nlpmeet.normalise.titles import PhraseTable, join_title, word_key
from nlpmeet.resources import load_jsonl, load_tsv


@dataclass(frozen=True)
class TitleEntry:
    title: str  # the form as it is output (masculine or feminine, as matched)
    kind: str
    feminine: bool


@dataclass(frozen=True)
class Modifier:
    position: str
    keep: bool


@dataclass(frozen=True)
class Lexicon:
    titles: PhraseTable[TitleEntry]
    caption_titles: PhraseTable[str]
    honorifics: PhraseTable[str]
    grammar: PhraseTable[str]
    modifiers: PhraseTable[Modifier]
    particles: frozenset[str]
    title_words: frozenset[str]
    person_nouns: PhraseTable[str]
    eponym_heads: PhraseTable[str]
    given_names: frozenset[str]
    participle_endings: tuple[str, ...] = ()
    honorific_genders: PhraseTable[str] = field(default_factory=PhraseTable)  # "M." -> "m", "Mme" -> "f"
    # adjective -> (organisation, titles it follows (empty: any), the organisation's names in the organisations
    # lexicon): "commissaire européen" -> Union européenne, named "UE" where the text uses the acronym
    org_adjectives: dict[str, tuple[str, frozenset[str], frozenset[str]]] = field(default_factory=dict)
    # military ranks ("général", "colonel"): titles, but no function a counterpart ("son homologue") shares
    ranks: frozenset[str] = frozenset()

    def grammar_class(self, key: str) -> str | None:
        return self.grammar.get(key)


@cache
def territory_words() -> frozenset[str]:
    """Place words after which a name is the place itself ("la région Bretagne", "la ville de Lyon"):
    ``places.tsv`` rows of kind ``place_word`` whose ``name`` is ``city`` or ``region``."""
    return frozenset(
        word_key(row["form"])
        for row in load_tsv("places.tsv")
        if row["kind"] == "place_word" and row["name"] in ("city", "region")
    )


def _org_names(org: str) -> frozenset[str]:
    """The canonical name and French aliases of the organisations-lexicon entry that has ``org`` among them."""
    for row in load_jsonl("organizations.jsonl"):
        names = {str(row["name"]), *map(str, row.get("fr", ()))}
        if org in names:
            return frozenset(names)
    return frozenset({org})


@cache
def lexicon() -> Lexicon:
    titles: PhraseTable[TitleEntry] = PhraseTable()
    for row in load_tsv("titles.tsv"):
        titles.add(row["title"], TitleEntry(row["title"], row["kind"], False))
        titles.add(row["feminine"], TitleEntry(row["feminine"], row["kind"], row["feminine"] != row["title"]))
    captions: PhraseTable[str] = PhraseTable((r["title"], r["lang"]) for r in load_tsv("caption_titles.tsv"))
    honorifics: PhraseTable[str] = PhraseTable((r["form"], r["kind"]) for r in load_tsv("honorifics.tsv"))
    honorific_genders: PhraseTable[str] = PhraseTable(
        (r["form"], r["gender"]) for r in load_tsv("honorifics.tsv") if r["gender"]
    )
    grammar_rows = load_tsv("role_grammar.tsv")
    grammar: PhraseTable[str] = PhraseTable(
        (r["word"], r["class"]) for r in grammar_rows if r["class"] != "participle_ending"
    )
    participle_endings = tuple(r["word"] for r in grammar_rows if r["class"] == "participle_ending")
    modifiers: PhraseTable[Modifier] = PhraseTable(
        (r["modifier"], Modifier(r["position"], r["keep"] == "yes")) for r in load_tsv("role_modifiers.tsv")
    )
    particles = frozenset(w for r in load_tsv("name_particles.tsv") for w in words(r["particle"]))
    person_nouns: PhraseTable[str] = PhraseTable()
    for row in load_tsv("person_nouns.tsv"):
        person_nouns.add(row["noun"], row["noun"])
        person_nouns.add(row["feminine"], row["noun"])
    return Lexicon(
        titles,
        captions,
        honorifics,
        grammar,
        modifiers,
        particles,
        frozenset(titles.words()),
        person_nouns,
        PhraseTable((r["head"], r["head"]) for r in load_tsv("eponym_heads.tsv")),
        frozenset(r["name"] for r in load_tsv("given_names.tsv")),
        participle_endings,
        honorific_genders,
        {
            r["adjective"]: (
                r["org"],
                frozenset(t.strip() for t in r["titles"].split(",") if t.strip()),
                _org_names(r["org"]),
            )
            for r in load_tsv("org_adjectives.tsv")
        },
        frozenset(t for r in load_tsv("titles.tsv") if r["kind"] == "rank" for t in (r["title"], r["feminine"])),
    )


TEXT_KEYS_SIZE = 1 << 16  # distinct token texts whose word keys are remembered (bounded for long dumps)
_TEXT_KEYS: dict[str, tuple[str, ...]] = {}


class DocWords:
    """The word keys of a Doc (tokens split at hyphens and apostrophes), with their tokens.

    Built once per Doc (see :meth:`of`) and shared by the components that read title phrases; lookups
    (:meth:`phrase`) are memoised, as several finders ask the same tables at the same tokens."""

    def __init__(self, doc: Doc) -> None:
        # no reference to the Doc is kept: the cache of :meth:`of` holds the Doc weakly, and a value that
        # referred to its key would keep every Doc alive
        self.keys: list[str] = []
        self.owner: list[int] = []
        self.first: list[int] = []  # token index -> index of its first word (or of the next word)
        self.texts: list[str] = []  # token index -> text
        memo = _TEXT_KEYS
        if len(memo) > TEXT_KEYS_SIZE:
            memo.clear()
        for i, text in enumerate(TokenTable.of(doc).texts):
            self.texts.append(text)
            self.first.append(len(self.keys))
            found = memo.get(text)
            if found is None:
                found = memo[text] = tuple(word_key(w) for w in words(text))
            self.keys.extend(found)
            self.owner.extend([i] * len(found))
        self.first.append(len(self.keys))
        self._n_tokens = len(doc)
        self._phrases: dict[tuple[PhraseTable[Any], int], tuple[int, object]] = {}
        self._starts: dict[PhraseTable[Any], list[int]] = {}
        self._heads: list[tuple[int, str]] | None = None
        self.memo: dict[str, tuple[Any, Any]] = {}  # per-Doc results of the finders: (lexicon, result)

    @classmethod
    def of(cls, doc: Doc) -> DocWords:
        """The DocWords of ``doc``, built on first use and kept while the Doc lives (rebuilt if its
        tokens changed)."""
        found = _DOC_WORDS.get(doc)
        if found is None or found._n_tokens != len(doc):
            found = cls(doc)
            _DOC_WORDS[doc] = found
        return found

    def at(self, tok_i: int) -> int:
        return self.first[tok_i]

    def token_end(self, word_end: int) -> int:
        """Token index just after the token holding word ``word_end - 1``."""
        return self.owner[word_end - 1] + 1

    def whole_tokens(self, w: int, n: int) -> bool:
        """True when words w..w+n cover whole tokens."""
        return self.first[self.owner[w]] == w and self.first[self.owner[w + n - 1] + 1] == w + n

    def starts(self, table: PhraseTable) -> list[int]:
        """The tokens, in order, where a phrase of ``table`` can start (:meth:`phrase` gives (0, None) at
        every other token): their first word opens a phrase of the table. Memoised per table."""
        found = self._starts.get(table)
        if found is None:
            if self._heads is None:  # (token, key of its first word) where the token's first word is its own
                keys, owner, first = self.keys, self.owner, self.first
                self._heads = [
                    (i, keys[w]) for i in range(self._n_tokens) if (w := first[i]) < len(keys) and owner[w] == i
                ]
            openers = table.openers
            found = self._starts[table] = [i for i, key in self._heads if key in openers]
        return found

    def phrase(self, table: PhraseTable, tok_i: int) -> tuple[int, object]:
        """Longest phrase of ``table`` starting at token ``tok_i`` and ending at a token end:
        (token count, value) or (0, None)."""
        w = self.first[tok_i]
        if w >= len(self.keys) or self.owner[w] != tok_i or self.keys[w] not in table.openers:
            return 0, None  # the common case, answered without the memo
        key = (table, tok_i)
        found = self._phrases.get(key)
        if found is None:
            found = self._phrases[key] = self._phrase(table, tok_i)
        return found

    def _phrase(self, table: PhraseTable, tok_i: int) -> tuple[int, object]:
        w = self.at(tok_i)
        if w >= len(self.keys) or self.owner[w] != tok_i:
            return 0, None
        n, value = table.match(self.keys, w)
        while n and not self.whole_tokens(w, n):
            n, value = table.match(self.keys[: w + n - 1], w)
        if not n:
            return 0, None
        end = self.token_end(w + n)
        # "l ' Union": an apostrophe split off as its own token belongs to the phrase
        while end < self._n_tokens and self.first[end] == self.first[end + 1] and self.texts[end] in "'’":
            end += 1
        return end - tok_i, value


_DOC_WORDS: weakref.WeakKeyDictionary[Doc, DocWords] = weakref.WeakKeyDictionary()


class SpanIndex:
    """Token index -> span of the earlier components' groups."""

    def __init__(self, doc: Doc) -> None:
        self.country: dict[int, Span] = {}
        self.org: dict[int, Span] = {}
        self.loc: dict[int, Span] = {}
        self.date: dict[int, Span] = {}
        for group, target in (
            (COUNTRIES_GROUP, self.country),
            (ORGS_GROUP, self.org),
            (LOCATIONS_GROUP, self.loc),
            (DATES_GROUP, self.date),
        ):
            if group not in doc.spans:
                continue
            for span in doc.spans[group]:
                for i in range(span.start, span.end):
                    if i not in target or len(target[i]) < len(span):
                        target[i] = span

    def starting(self, index: dict[int, Span], i: int) -> Span | None:
        span = index.get(i)
        return span if span is not None and span.start == i else None


@dataclass
class TitlePhrase:
    start: int  # first token (modifiers included, determiner excluded)
    end: int  # token after the phrase (complements included)
    head: int  # token of the title noun (coreference key)
    title: str
    entry: TitleEntry
    plural: bool
    countries: list[str] = field(default_factory=list)  # adjectives, in order ("russe et français")
    affiliations: list[tuple[str | None, str | None]] = field(default_factory=list)  # (org, country)

    @property
    def counterpart(self) -> bool:
        return self.entry.kind == "counterpart"


PORTFOLIO_POS = ("NOUN", "ADJ", "PROPN", "X", "ADP", "DET", "PUNCT")


def is_word(tok: Token) -> bool:
    return any(c.isalpha() for c in tok.text)


def is_lower(tok: Token) -> bool:
    return tok.text[:1].islower()


class TitleFinder:
    """Finds title phrases in a Doc (see module doc)."""

    MAX_PORTFOLIO = 14

    def __init__(self, doc: Doc, lex: Lexicon | None = None, person_tokens: set[int] | None = None) -> None:
        self.doc = doc
        self.lex = lex or lexicon()
        self.words = DocWords.of(doc)
        self.spans = SpanIndex(doc)
        if person_tokens is None:
            person_tokens = {i for e in doc.ents if e.label_ == "PER" for i in range(e.start, e.end)}
        self.person_tokens = person_tokens
        # English caption titles ("NATO Secretary General"): their words are no French titles
        memo = self.words.memo.get("caption")
        if memo is None or memo[0] is not self.lex:
            caption: set[int] = set()
            for i in self.words.starts(self.lex.caption_titles):
                n, _ = self.words.phrase(self.lex.caption_titles, i)
                if n and not doc[i].text.isupper() and not self.words.phrase(self.lex.titles, i)[0]:
                    caption.update(range(i, i + n))
            memo = self.words.memo["caption"] = (self.lex, frozenset(caption))
        self.caption: frozenset[int] = memo[1]

    def gclass(self, i: int) -> tuple[int, str | None]:
        n, value = self.words.phrase(self.lex.grammar, i)
        return n, value if isinstance(value, str) else None

    def title_at(self, i: int) -> tuple[int, TitleEntry | None]:
        n, value = self.words.phrase(self.lex.titles, i)
        if n == 1 and self._given_name_here(i):
            return 0, None
        return (n, value) if isinstance(value, TitleEntry) else (0, None)

    def _given_name_here(self, i: int) -> bool:
        """A title word that is also a frequent given name, with a capital inside a sentence, no article before
        it and a capitalised word after it, begins a name: "le ministre des Finances, Cheikh Diba" (not "cheikh
        Tamim", "le Cheikh Tamim", nor a sentence opening "Cheikh Tamim a reçu")."""
        doc = self.doc
        text = doc[i].text
        return (
            text in self.lex.given_names
            and text[:1].isupper()
            and 0 < i < len(doc) - 1
            and doc[i].is_sent_start is not True
            and doc[i - 1].pos_ != "DET"
            and "\n" not in doc[i - 1].text + doc[i - 1].whitespace_  # (nor at the start of a line)
            and doc[i + 1].text[:1].isupper()
            and doc[i + 1].is_alpha
        )

    def modifier_at(self, i: int, position: str) -> tuple[int, Modifier | None]:
        n, value = self.words.phrase(self.lex.modifiers, i)
        if isinstance(value, Modifier) and value.position == position:
            return n, value
        return 0, None

    def find_all(self) -> list[TitlePhrase]:
        doc = self.doc
        out: list[TitlePhrase] = []
        after = 0  # phrases do not overlap: the next one starts after the last one found
        for i in sorted(self._possible_starts()):
            if i < after or i >= len(doc):
                continue
            phrase = self.at(i)
            if phrase is None:
                continue
            out.append(phrase)
            after = max(phrase.end, i + 1)
        return out

    def _possible_starts(self) -> frozenset[int]:
        """The tokens where :meth:`at` can find a phrase: a modifier or a title starts there (a token
        outside this set gives None at once). Depends only on the words: computed once per Doc."""
        memo = self.words.memo.get("starts")
        if memo is None or memo[0] is not self.lex:
            words_ = self.words
            starts = set()
            # (an inner modifier opens a phrase of the modifiers too)
            for i in sorted(set(words_.starts(self.lex.modifiers)) | set(words_.starts(self.lex.titles))):
                w = words_.at(i)
                if (
                    words_.phrase(self.lex.modifiers, i)[0]
                    or words_.phrase(self.lex.titles, i)[0]
                    or (w < len(words_.keys) and words_.owner[w] == i and self.lex.modifiers.match(words_.keys, w)[0])
                ):
                    starts.add(i)
            memo = self.words.memo["starts"] = (self.lex, frozenset(starts))
        starts_: frozenset[int] = memo[1]
        return starts_

    def _not_a_function(self, i: int) -> bool:
        """A one-word title used as another part of speech, as the parse reads it: a present participle
        with its object ("Shoma Uno, représentant le Japon"; "commandant la force"), or an adjective
        right after a common noun ("au classement général", "le conseil général")."""
        doc = self.doc
        tok = doc[i]
        if i + 1 < len(doc) and self.gclass(i + 1)[1] == "det" and tok.lower_.endswith(self.lex.participle_endings):
            after = i + 1 + self.gclass(i + 1)[0]
            # "nommé représentant le 3 mars": a date after the determiner keeps the title
            return not (after < len(doc) and (after in self.spans.date or doc[after].like_num))
        # (a day is no such noun: "Nommée lundi ministre de la Culture, X")
        after_noun = (
            i > 0 and doc[i - 1].pos_ == "NOUN" and not self.title_at(i - 1)[0] and i - 1 not in self.spans.date
        )
        return tok.pos_ == "ADJ" and is_lower(tok) and after_noun

    def at(self, i: int) -> TitlePhrase | None:
        """The title phrase whose title (or leading modifier) starts at token ``i``."""
        doc = self.doc
        if i in self.caption or (i in self.person_tokens and i - 1 in self.person_tokens):
            return None  # a title word inside a person's name ("Mohamed Ould Cheikh El Ghazouani")
        pieces: list[Token] = []
        start = i
        # leading modifiers ("ancien", "ex-", "nouveau")
        while i < len(doc):
            n, mod = self.modifier_at(i, "before")
            if not n or mod is None:
                break
            tn, _ = self.title_at(i)
            if tn > n:  # "premier ministre" is a title, not "premier" + "ministre"
                break
            if mod.keep:
                pieces.extend(doc[i : i + n])
            i += n
        n, entry = self.title_at(i)
        if not n or entry is None:
            # "ex-président": the modifier is inside the token
            return self._inner_modifier(start) if start == i else None
        if self.spans.org.get(i) is not None and self.spans.org[i].start < i:
            return None  # a word inside an organisation's name ("Conseil du président")
        if start == i and n == 1 and self._not_a_function(i):
            return None
        title_tokens = list(doc[i : i + n])
        head = next((t.i for t in title_tokens if t.pos_ == "NOUN"), i)
        plural = any(word_key(w) != w for t in title_tokens for w in words(t.text) if len(w) > 3)
        entry_title = entry.title
        if plural and (entry.title.endswith("s") or entry.title.endswith("x")):
            plural = False  # "porte-parole" / "garde des sceaux"-like invariable forms
        phrase = TitlePhrase(start, i + n, head, "", entry, plural)
        pieces_text: list[tuple[str, str]] = [(t.text, t.whitespace_) for t in pieces]
        pieces_text.append((entry_title, " "))
        j = i + n
        affiliation: list[str | None] = [None, None]
        while j < len(doc):
            tok = doc[j]
            # the title's own abbreviation ("chef d'état-major des armées (CEMA)")
            if tok.text == "(" and j > i + n - 1 and self._after_acronym(j) > j:
                j = self._after_acronym(j)
                continue
            # modifiers after ("par intérim", "adjoint", "élu")
            mn, mod = self.modifier_at(j, "after")
            if mn and mod is not None:
                if mod.keep:
                    pieces_text.extend((t.text, t.whitespace_) for t in doc[j : j + mn])
                j += mn
                continue
            # country adjectives ("russe", "russe et français")
            cspan = self.spans.starting(self.spans.country, j)
            if cspan is not None and is_lower(tok):
                phrase.countries.append(cspan._.norm)
                j = cspan.end
                if j + 1 < len(doc) and self.gclass(j)[1] == "and":
                    nxt = self.spans.starting(self.spans.country, j + 1)
                    if nxt is not None and is_lower(doc[j + 1]):
                        j += 1
                continue
            # an organisation's adjective ("le commissaire européen au Commerce", "l'envoyé onusien")
            org_adjective = self.lex.org_adjectives.get(tok.text) if is_lower(tok) else None
            if org_adjective is not None and (not org_adjective[1] or entry.title in org_adjective[1]):
                if affiliation[0] is None:
                    # the organisation as the document names it ("UE" where it uses the acronym)
                    named = (span._.norm for span in self.spans.org.values() if span._.norm in org_adjective[2])
                    affiliation[0] = next(named, org_adjective[0])
                j += 1
                continue
            # "président du Tchad et de l'Union africaine": a second affiliation, a second role
            if self.gclass(j)[1] == "and" and affiliation != [None, None] and j + 1 < len(doc):
                k, cls = self._preposition(j + 1)
                p = j + 1 + k
                while p < len(doc) and self.gclass(p)[1] == "det":
                    p += 1
                if cls == "of" and p < len(doc) and (
                    self.spans.starting(self.spans.org, p) is not None
                    or self.spans.starting(self.spans.country, p) is not None
                ):
                    phrase.affiliations.append((affiliation[0], affiliation[1]))
                    affiliation = [None, None]
                    j += 1
                    continue
            # a regional or party adjective right before the name is no part of the title and no country ("le
            # conseiller d'État neuchâtelois Alain Ribaux", "la ministre jurassienne Rosalie Beuret Siess")
            # (also before the comma of an apposition: "le premier ministre ontarien, Doug Ford", "le ministre-président
            # flamand, Matthias Diependaele")
            if is_lower(tok) and tok.pos_ == "ADJ" and j not in self.person_tokens and (
                j + 1 in self.person_tokens
                or j + 2 < len(doc) and doc[j + 1].text == "," and j + 2 in self.person_tokens
            ):
                j += 1
                break
            # a regional adjective between the title and its portfolio ("le ministre wallon de l'Économie", "le
            # ministre québécois des Finances"): no part of the title and no country
            if self._regional_adjective(j):
                j += 1
                continue
            # complements
            k, cls = self._preposition(j)
            if cls == "posting":
                # "ambassadeur d'Allemagne en France": a posting, skipped; "en visite" ends the title
                found = self._entity_at(j + k)
                if found is None or found[0] not in ("country", "loc") or found[1].start > j + k + 1:
                    break
                j = found[1].end
                continue
            if cls in ("of", "to", "link"):
                taken = self._complement(j, k, cls, pieces_text, affiliation, phrase)
                if taken <= j:
                    break
                j = taken
                continue
            break
        phrase.end = j
        if affiliation != [None, None] or not phrase.affiliations:
            phrase.affiliations.append((affiliation[0], affiliation[1]))
        phrase.title = join_title(pieces_text)
        return phrase

    def _inner_modifier(self, i: int) -> TitlePhrase | None:
        """A token like "ex-président" / "ex-ministre": kept modifier glued to the title."""
        doc = self.doc
        w = self.words.at(i)
        if w >= len(self.words.keys) or self.words.owner[w] != i:
            return None
        mn, mod = self.lex.modifiers.match(self.words.keys, w)
        if not mn or mod is None or not mod.keep:
            return None
        tn, entry = self.lex.titles.match(self.words.keys, w + mn)
        if not tn or entry is None or self.words.owner[w + mn + tn - 1] != i:
            return None
        phrase = TitlePhrase(i, i + 1, i, doc[i].text.lower(), entry, False)
        phrase.affiliations.append((None, None))
        return phrase

    def _regional_adjective(self, j: int) -> bool:
        """Token j is a lower-case adjective (no participle, no word of the title grammar) followed by a complement
        whose first word is capitalised and names no organisation, country or place: a portfolio."""
        doc = self.doc
        tok = doc[j]
        if not (is_lower(tok) and tok.pos_ == "ADJ" and self.gclass(j)[1] is None and j + 1 < len(doc)):
            return False
        if "Part" in tok.morph.get("VerbForm", []):
            return False
        k, cls = self._preposition(j + 1)
        if cls not in ("of", "to"):
            return False
        p = self._skip_det(j + 1 + k, j + 1 + k + 2)
        return p < len(doc) and doc[p].text[:1].isupper() and self._entity_at(j + 1 + k) is None

    def _preposition(self, j: int) -> tuple[int, str | None]:
        n, cls = self.gclass(j)
        if cls == "link":
            # "chargé de", "responsable des": link + preposition
            n2, cls2 = self.gclass(j + n) if j + n < len(self.doc) else (0, None)
            if cls2 in ("of", "to"):
                return n + n2, "link"
            return 0, None
        return n, cls

    def _skip_det(self, p: int, limit: int) -> int:
        while p < len(self.doc) and p < limit and (self.gclass(p)[1] == "det" or self.doc[p].text in "'’"):
            p += 1
        return p

    def _entity_at(self, p: int) -> tuple[str, Span] | None:
        """An organisation, country name, place or person starting at token p (or after a determiner)."""
        for q in range(p, self._skip_det(p, p + 3) + 1):
            for kind, index in (("org", self.spans.org), ("country", self.spans.country), ("loc", self.spans.loc)):
                span = self.spans.starting(index, q)
                if span is not None and not (kind == "country" and is_lower(self.doc[q])):
                    return kind, span
            if q < len(self.doc) and q in self.person_tokens:
                return "person", self.doc[q : q + 1]
            if (
                q < len(self.doc)
                and self.doc[q].ent_type_ == "LOC"
                and self.doc[q].ent_iob_ == "B"
                # (not the model's place on a portfolio's common noun, "de la Santé"; a territory word is a place's:
                # "la région Hauts-de-France")
                and (self.doc[q].pos_ != "NOUN" or word_key(self.doc[q].text) in territory_words())
            ):
                end = q + 1
                named = self.spans.starting(self.spans.loc, q + 1)
                if named is not None and word_key(self.doc[q].text) in territory_words():
                    end = named.end  # "la région Bretagne": the territory word and the place it names are one
                return "loc", self.doc[q:end]
        return None

    @staticmethod
    def _domain(ent: tuple[str, Span]) -> bool:
        """An entity that can be one domain of a list of portfolios: a body, a region, a people."""
        kind, span = ent
        if kind in ("org", "loc"):
            return True
        return kind == "country" and any(word_key(w) != w for w in words(span.text))

    def _in_enumeration(self, span: Span) -> bool:
        """A place followed by "et des ...": one of an enumeration of portfolios."""
        end = span.end
        return end + 1 < len(self.doc) and self.gclass(end)[1] == "and" and self.gclass(end + 1)[1] in ("of", "to")

    def _portfolio_participle(self, q: int, p: int) -> bool:
        """A past or present participle qualifying the portfolio's noun before it, with its own
        complement ("des Marocains résidant à l'étranger", "des Français établis à l'étranger")."""
        doc = self.doc
        tok = doc[q]
        return (
            q > p
            and tok.pos_ == "VERB"
            and is_lower(tok)
            and "Part" in tok.morph.get("VerbForm", [])
            and doc[q - 1].pos_ in ("NOUN", "PROPN")
            and q + 1 < len(doc)
            and self.gclass(q + 1)[1] in ("of", "to")
        )

    def _after_acronym(self, end: int) -> int:
        """Skip "(OSCEPA)" after an organisation's name."""
        doc = self.doc
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].text.isupper():
            return end + 3
        return end

    def _complement(
        self,
        j: int,
        k: int,
        cls: str,
        pieces: list[tuple[str, str]],
        affiliation: list[str | None],
        phrase: TitlePhrase,
    ) -> int:
        """Read the complement whose preposition spans tokens j..j+k; return the token after it."""
        doc = self.doc
        p = self._skip_det(j + k, j + k + 2)
        if p >= len(doc):
            return j
        if j + k < p and "Poss=Yes" in str(doc[j + k].morph) and cls == "of" and doc[p].pos_ == "NOUN":
            # "les vice-Premiers ministres de sa coalition, X et Y": the holder's own team, no portfolio and no
            # affiliation: passed over, left out of the title
            return p + 1
        found = self._entity_at(j + k)
        if found is not None and found[1].start <= p:
            kind, span = found
            if kind == "org":
                if affiliation[0] is None:
                    affiliation[0] = span._.norm or span.text
                if affiliation[1] is None:
                    # "des forces armées polonaises", "du Sénat américain": the adjective states the country
                    adjective = next(
                        (
                            adj
                            for q in range(span.start + 1, span.end)
                            if (adj := self.spans.starting(self.spans.country, q)) is not None and is_lower(self.doc[q])
                        ),
                        None,
                    )
                    if adjective is not None:
                        affiliation[1] = adjective._.norm
                return self._after_acronym(span.end)
            if kind == "country":
                if affiliation[1] is None and cls == "of":
                    affiliation[1] = span._.norm
                return span.end
            if kind == "loc":
                # "ministre de l'Europe et des Affaires étrangères": a place inside an enumeration
                # of portfolios; else a posting ("ambassadeur à Moscou"), not part of the title
                if not self._in_enumeration(span):
                    return span.end
            elif kind == "person":
                # "président de la République François Hollande": one scope word, then the name
                if p + 2 < len(doc) and all(q in self.person_tokens for q in (p + 1, p + 2)) and doc[p].whitespace_:
                    pieces.extend((t.text, t.whitespace_) for t in doc[j : p + 1])
                    return p + 1
                return j
        if cls == "of" and self.title_at(p)[0]:
            # "le porte-parole du secrétaire général": the function of someone's staff; the other
            # title is this one's complement (its organisation or country is this one's), not the
            # title of the name that follows
            inner = self.at(p)
            if inner is not None and not inner.counterpart:
                org, country = next(((o, c) for o, c in inner.affiliations if o or c), (None, None))
                if affiliation == [None, None]:
                    affiliation[0], affiliation[1] = org, country
                phrase.countries.extend(inner.countries)
                # "du président américain Donald Trump": the name right after is the other title's, which
                # stays a phrase of its own; this one ends before it, with its affiliation
                return inner.end if inner.end not in self.person_tokens else j
        if not is_word(doc[p]) or self.spans.date.get(p) is not None or self.title_at(p)[0]:
            return j
        if p == j + k and k == 1 and cls == "of" and doc[p].ent_type_ == "PER" and doc[p].text[:1].isupper():
            return j  # "le général de Gaulle": a capitalised word after a bare "de" is a name, no portfolio
        # an acronym that no earlier component knows: an organisation, not a portfolio
        if doc[p].text.isupper() and len(doc[p].text) > 1 and doc[p].is_alpha:
            if affiliation[0] is None:
                affiliation[0] = doc[p].text
            return p + 1
        # a portfolio: words up to a stop
        q = p
        while q < len(doc) and q - p < self.MAX_PORTFOLIO:
            tok = doc[q]
            if tok.is_space or q in self.person_tokens or self.spans.date.get(q) is not None:
                break
            if tok.pos_ and tok.pos_ not in PORTFOLIO_POS and self.gclass(q)[1] not in ("of", "to", "det", "and"):
                if not self._portfolio_participle(q, p):
                    break
            if q > p and tok.text[:1].isupper() and tok.pos_ not in ("NOUN", "ADJ") and self.gclass(q - 1)[1] not in (
                "of",
                "to",
                "det",
                "and",
            ):
                break  # "des Affaires étrangères Hadjah Lahbib": a name after the portfolio
            if q > p and self.spans.starting(self.spans.org, q) is not None:
                break
            loc = self.spans.starting(self.spans.loc, q)
            if q > p and loc is not None and not self._in_enumeration(loc):
                break
            cspan = self.spans.starting(self.spans.country, q)
            if cspan is not None and q > p:
                # "aux Communautés portugaises": a plural adjective agrees with the portfolio, not the title
                plural_adj = is_lower(tok) and any(word_key(w) != w for w in words(tok.text)) and not phrase.plural
                if not plural_adj:
                    break
            if q > p and self.lex.honorifics.match(self.words.keys, self.words.at(q))[0]:
                break
            if q > p and self.title_at(q)[0]:
                break
            if not is_word(tok):
                if tok.text in "-'’" and not doc[q - 1].whitespace_:
                    q += 1
                    continue
                # ", de la Jeunesse": a comma inside an enumeration of portfolios
                if tok.text == "," and q + 1 < len(doc) and self.gclass(q + 1)[1] == "of":
                    q += 1
                    continue
                break
            n, c = self.gclass(q)
            if c in ("of", "to", "det"):
                r = self._skip_det(q + n, q + n + 2)
                if r >= len(doc) or not is_word(doc[r]):
                    break
                # "du Burundi" after a portfolio: a country complement, leave it to the caller
                ent = self._entity_at(q + n)
                if ent is not None and q > p and self.gclass(q - 1)[1] == "and" and self._domain(ent):
                    q = ent[1].end  # "... et de la Francophonie", "... et des Français de l'étranger"
                    continue
                if ent is not None and not (ent[0] == "loc" and self._in_enumeration(ent[1])):
                    break
                q += n
                continue
            if c == "and":
                nn, nc = self.gclass(q + 1) if q + 1 < len(doc) else (0, None)
                if nc in ("of", "to", "det") and q + 1 + nn < len(doc) and q + 1 + nn not in self.person_tokens:
                    q += 1
                    continue
                if (
                    q > p
                    and q + 1 < len(doc)
                    and doc[q - 1].pos_ == "ADJ"
                    and doc[q + 1].pos_ == "ADJ"
                    and is_lower(doc[q + 1])
                    and self.spans.starting(self.spans.country, q + 1) is None
                ):
                    q += 2  # "des Jeux olympiques et paralympiques": coordinated adjectives of one portfolio
                    continue
                break
            if c in ("copula", "appoint", "rel", "as"):
                break
            q += 1
        # drop a trailing preposition, determiner or punctuation
        while q > p and (self.gclass(q - 1)[1] in ("of", "to", "det", "and") or not is_word(doc[q - 1])):
            q -= 1
        if q <= p:
            return j
        pieces.extend((t.text, t.whitespace_) for t in doc[j:q])
        return q
