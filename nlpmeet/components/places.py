"""nlpmeet_places: countries (ISO codes, from names and adjectives/demonyms) and other locations.

Countries come from ``models/countries.tsv`` (names, variants, the four forms of each adjective, combining
prefixes such as "franco-"), matched with PhraseMatchers on LOWER (ORTH for acronyms). Locations are the
model's LOC entities that are no country, no date and no part of a name, plus the places of
``models/places.tsv`` (which also gives their country), plus "ville de X"-style phrases.

Decisions (all data-driven, see models/README.md):

* country names need a capital ("Chine", not "chine"); adjectives do not ("russe", "Russes");
* a lower-case adjective after a language cue is the language ("en russe");
* an adjective hyphen-attached to a word that is no country form is not the country ("nord-américain"),
  while country compounds count for each part ("franco-allemand", "belgo-néerlandais");
* a form listed as '?' (conditional) is used only when the document names that country otherwise
  (bare "Congo" -> CD only in a text that names the RDC); a '~' form (also a person's name) needs an
  article before it and no capitalised neighbour ("en Hollande", not "François Hollande");
* a form that is both a state and a place of another country ("Géorgie") is the place when it is
  introduced as one ("l'État de Géorgie") or when the document names the place's country and nothing
  else of the state;
* a name that contains a place without being one ("Agence France-Presse", "Document de Vienne") blocks
  it; a place after "HEAD de" where HEAD heads a name ("conférence de Munich") or a portfolio ("ministre
  de l'Europe") is no location; a country name hyphen-joined to a word that is no acronym or country is a
  brand ("Météo-France"), not the country;
* the model's LOC entities are kept unless they are listed as no place (institutional words such as
  "État", non-state demonyms), acronyms, a person's name of the document, a direction before "de"
  ("le Nord de la France"), or inside a date; "wilaya de Khenchela" is cut to its capitalised name;
* added: "place de la Concorde"-style streets, numbered roads after a road word or in a list ("l'A7,
  A9 et A20"), and the capitalised name after a place word ("la ville de Kasserine").
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from nlpmeet.components.lexicon import lexicon
from nlpmeet.components.tokens import (
    PatternCuts,
    TokenTable,
    is_adjective,
    opens_clause,
    parties_in_parentheses,
    phrase_patterns,
)
from nlpmeet.components.windows import function_words
from nlpmeet.extensions import COUNTRIES_GROUP, DATES_GROUP, LOCATIONS_GROUP
from nlpmeet.normalise.countries import ADJECTIVE, NAME, PREFIX, CountryForm, all_forms, fold, lookup, surface_variants
from nlpmeet.normalise.names import words as name_words
from nlpmeet.resources import load_tsv

PLACES_FILE = "places.tsv"
PLACE_KINDS = frozenset({"city", "region", "territory", "sea", "river", "building", "island", "site"})
NAME_PLACE_WORDS = frozenset({"city", "region"})
REGION_KINDS = frozenset({"region", "territory"})  # "ville de X": the location is X
MODEL_LOC_LABELS = frozenset({"LOC", "GPE"})
NAME_LABELS = frozenset({"ORG", "MISC", "PER", "PERSON"})
CONTAINER_LABELS = frozenset({"ORG", "PER", "PERSON"})  # a lexicon place inside a longer one is part of a name
STREET_WORD = "street"  # "place de la Concorde": the place word is part of the place's name
NUMBERED_WORD = "numbered"  # "8e arrondissement", "les 16e, 7e et 1er arrondissements"
ORDINAL_SUFFIXES = ("e", "er", "ère", "ème")
OPEN_QUOTES = frozenset({"«", "“", '"', "‹"})
CLOSE_QUOTES = frozenset({"»", "”", '"', "›"})
LINKS = frozenset({"de", "d'", "du", "des", "la", "l'"})
MAX_HEAD_DISTANCE = 3  # tokens between a name head and the "de" before a place
MAX_PORTFOLIO_REACH = 16  # tokens back from an "et" to the head of an enumeration ("ministre de A, de B et de C")


@dataclass(frozen=True)
class PlaceEntry:
    form: str
    kind: str
    country: str | None
    name: str


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # "country", "place", "block"
    forms: tuple[CountryForm, ...] = ()
    place: PlaceEntry | None = None
    codes: tuple[str, ...] = ()  # resolved country codes (compounds give several)
    alternatives: list[Candidate] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class PlaceWords:
    places: dict[str, tuple[PlaceEntry, ...]]
    blocks: frozenset[str]
    name_heads: frozenset[str]
    place_words: dict[str, str]
    language_cues: frozenset[str]
    articles: frozenset[str]
    not_loc: frozenset[str]
    road_prefixes: frozenset[str]
    road_cues: frozenset[str]
    relative: frozenset[str]
    portfolio_heads: frozenset[str]
    prepositions: frozenset[str]
    demonym_suffixes: dict[str, str]  # suffix -> "plural" | "feminine"
    determiners: dict[str, str]  # determiner -> "plural" | "feminine"
    seat_prepositions: frozenset[str]  # "l'Organisation à Bruxelles": the place after one is a seat


def load_place_words() -> PlaceWords:
    places: dict[str, list[PlaceEntry]] = {}
    blocks: set[str] = set()
    heads: set[str] = set()
    place_words: dict[str, str] = {}
    cues: set[str] = set()
    articles: set[str] = set()
    not_loc: set[str] = set()
    roads: set[str] = set()
    road_cues: set[str] = set()
    relative: set[str] = set()
    portfolio: set[str] = set()
    prepositions: set[str] = set()
    suffixes: dict[str, str] = {}
    determiners: dict[str, str] = {}
    seats: set[str] = set()
    for row in load_tsv(PLACES_FILE):
        form, kind = row["form"], row["kind"]
        key = fold(form)
        if kind in PLACE_KINDS:
            entry = PlaceEntry(form, kind, row["country"] or None, row["name"] or form)
            places.setdefault(key, []).append(entry)
        elif kind == "not_place":
            blocks.add(key)
        elif kind == "name_head":
            heads.add(key)
        elif kind == "place_word":
            place_words[key] = row["name"]
        elif kind == "language_cue":
            cues.add(key)
        elif kind == "article":
            articles.add(key)
        elif kind == "not_loc":
            not_loc.add(key)
        elif kind == "road_prefix":
            roads.add(form)
        elif kind == "road_cue":
            road_cues.add(key)
        elif kind == "relative":
            relative.add(key)
        elif kind == "portfolio_head":
            portfolio.add(key)
        elif kind == "place_preposition":
            prepositions.add(key)
        elif kind == "demonym_suffix":
            suffixes[form] = row["name"]
        elif kind == "determiner":
            determiners[key] = row["name"]
        elif kind == "seat_preposition":
            seats.add(key)
        else:
            raise ValueError(f"models/{PLACES_FILE}: unknown kind {kind!r} for {form!r}")
    return PlaceWords(
        {k: tuple(v) for k, v in places.items()},
        frozenset(blocks),
        frozenset(heads),
        place_words,
        frozenset(cues),
        frozenset(articles),
        frozenset(not_loc),
        frozenset(roads),
        frozenset(road_cues),
        frozenset(relative),
        frozenset(portfolio),
        frozenset(prepositions),
        suffixes,
        determiners,
        frozenset(seats),
    )


@Language.factory("nlpmeet_places")
def make_places(nlp: Language, name: str) -> PlaceTagger:
    return PlaceTagger(nlp)


class PlaceTagger:
    def __init__(self, nlp: Language) -> None:
        self.words = load_place_words()
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.country_keys: dict[str, tuple[CountryForm, ...]] = {}
        lower_patterns: dict[str, list[str]] = {}
        orth_patterns: dict[str, list[str]] = {}
        for form in all_forms():
            if form.kind == PREFIX:
                continue
            label = "C|" + form.key
            # the lexicon's reading of this key, and a surface it lacks: "îles Salomon" as running text writes it
            # beside the name "Îles Salomon" (a surface it has keeps the lexicon's reading: a guarded "Dominique")
            known = self.country_keys.get(form.key) or lookup(form.form)
            new_surface = all(f.form != form.form for f in known)
            self.country_keys[form.key] = (*known, form) if new_surface else known
            target = orth_patterns if form.acronym else lower_patterns
            target.setdefault(label, []).extend(surface_variants(form.form))
        for key, entries in self.words.places.items():
            lower_patterns.setdefault("P|" + key, []).extend(v for e in entries for v in surface_variants(e.form))
        for key in self.words.blocks:
            lower_patterns.setdefault("B|" + key, []).append(key)
            orig = [
                row["form"] for row in load_tsv(PLACES_FILE) if row["kind"] == "not_place" and fold(row["form"]) == key
            ]
            lower_patterns["B|" + key].extend(v for o in orig for v in surface_variants(o))
        # one matcher label per kind ("C", "P", "B"), the entry told by the matched words' keys: a label
        # per entry (1,850) made as many lexemes at every start
        self.entries: dict[tuple[str, tuple[int, ...]], list[str]] = {}  # (kind, keys) -> labels
        for matcher, grouped, attr in ((self.lower, lower_patterns, "LOWER"), (self.orth, orth_patterns, "ORTH")):
            by_kind: dict[str, list[Any]] = {}
            for label, texts in grouped.items():
                kind = label.partition("|")[0]
                for keys in phrase_patterns(nlp, dict.fromkeys(texts), attr):
                    labels = self.entries.setdefault((attr + kind, tuple(keys)), [])
                    if label not in labels:
                        labels.append(label)
                        by_kind.setdefault(kind, []).append(keys)
            for kind, patterns in by_kind.items():
                matcher.add(attr + kind, patterns)
        PatternCuts.of(nlp).save()
        self.prefixes = {f.key: f for f in all_forms() if f.kind == PREFIX}
        self._token_data: weakref.WeakKeyDictionary[Doc, tuple[list[str], list[str]]] = weakref.WeakKeyDictionary()
        # role phrases the model tags as LOC ("Premier ministre"): the shared titles lexicon
        self.titles = frozenset(
            fold(row[column]) for row in load_tsv("titles.tsv") for column in ("title", "feminine") if row.get(column)
        )

    # ------------------------------------------------------------------ candidates
    def _candidates(self, doc: Doc) -> list[Candidate]:
        strings = doc.vocab.strings
        found: dict[tuple[int, int, str], Candidate] = {}
        matches = [(strings[m], start, end) for matcher in (self.lower, self.orth) for m, start, end in matcher(doc)]
        columns = doc.to_array([LOWER, ORTH]).tolist() if matches else []
        labelled: list[tuple[str, int, int]] = []
        for group, start, end in matches:
            column = 0 if group.startswith("LOWER") else 1
            keys = tuple(row[column] for row in columns[start:end])
            labelled += [(label, start, end) for label in self.entries.get((group, keys), ())]
        for label, start, end in labelled:
            kind, _, key = label.partition("|")
            span = doc[start:end]
            if kind == "C":
                forms = self._usable_forms(doc, span, self.country_keys.get(key, ()))
                if forms:
                    found[(start, end, "country")] = Candidate(start, end, "country", forms=forms)
            elif kind == "P":
                entries = self.words.places.get(key, ())
                entry = next((e for e in entries if _case_ok(e.form, span.text)), None)
                if entry is not None:
                    found[(start, end, "place")] = Candidate(start, end, "place", place=entry)
            elif kind == "B":
                found[(start, end, "block")] = Candidate(start, end, "block")
        for cand in self._compounds(doc):
            found.setdefault((cand.start, cand.end, "country"), cand)
        return list(found.values())

    def _usable_forms(self, doc: Doc, span: Span, forms: Iterable[CountryForm]) -> tuple[CountryForm, ...]:
        out = []
        text = span.text
        for form in forms:
            if form.kind == NAME:
                if not text[:1].isupper() and (form.form[:1].isupper() or not _case_ok(form.form, text)):
                    continue
                if form.guarded and not self._guard_ok(doc, span):
                    continue
                if not self._hyphen_ok(doc, span) or self._after_a_name(doc, span):
                    continue
            elif form.kind == ADJECTIVE:
                if not self._adjective_ok(doc, span):
                    continue
            out.append(form)
        return tuple(out)

    def _guard_ok(self, doc: Doc, span: Span) -> bool:
        """A country name that is also a person's name: needs an article before, no capitalised neighbour."""
        if span.start == 0:
            return False
        before = doc[span.start - 1]
        two = doc[span.start - 2 : span.start].text if span.start >= 2 else ""
        if fold(before.text) not in self.words.articles and fold(two) not in self.words.articles:
            return False
        if span.end < len(doc) and doc[span.end].text[:1].isupper() and doc[span.end].is_alpha:
            return False
        return not any(
            ent.label_ in NAME_LABELS and ent.start <= span.start and ent.end >= span.end for ent in doc.ents
        )

    def _seat(self, doc: Doc, ent: Span, start: int, end: int) -> bool:
        """A place that ends a model's organisation entity after a seat preposition is the seat, not part
        of the name: "au siège de l'Organisation à Bruxelles"."""
        return (
            ent.label_ == "ORG"
            and end == ent.end
            and start - 1 > ent.start
            and fold(doc[start - 1].text) in self.words.seat_prepositions
        )

    def _hyphen_ok(self, doc: Doc, span: Span) -> bool:
        """A name hyphen-joined to another word counts beside an acronym or another country ("Conseil
        OTAN-Russie", "France-Allemagne"), not inside a brand ("Météo-France", "Ouest-France")."""
        neighbours = []
        if span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_:
            neighbours.append(doc[span.start - 2])
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_:
            neighbours.append(doc[span.end + 1])
        for word in neighbours:
            if word.text.isupper() or any(f.kind == NAME for f in self.country_keys.get(fold(word.text), ())):
                continue
            return False
        return True

    @staticmethod
    def _after_a_name(doc: Doc, span: Span) -> bool:
        """French puts a country after a preposition; right after a capitalised word with none between it is
        part of a name ("Business France", "Patinage Canada"), unless that word opens the sentence."""
        if span.start == 0:
            return False
        before = doc[span.start - 1]
        return (
            before.is_alpha
            and before.pos_ in ("PROPN", "NOUN")
            and before.text[:1].isupper()
            and not before.text.isupper()
            and not before.is_sent_start
            and not doc[span.start - 1 : span.start].text.endswith(("'", "’"))
        )

    def _adjective_ok(self, doc: Doc, span: Span) -> bool:
        if span.start > 0:
            before = doc[span.start - 1]
            # hyphen-attached to a word: only when that word is a country prefix ("belgo-néerlandais")
            if before.text == "-" and not before.whitespace_ and span.start >= 2:
                if fold(doc[span.start - 2].text) not in self.prefixes:
                    return False
            # "en russe", "le français": the language
            if span.text.islower() and fold(before.text) in self.words.language_cues:
                return False
        if span.end < len(doc) - 1 and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_:
            nxt = fold(doc[span.end + 1].text)
            if not any(f.kind == ADJECTIVE for f in self.country_keys.get(nxt, ())):
                return False
        return True

    def _compound_parts(self, text: str) -> list[str] | None:
        """ "franco-allemand" -> ["franco", "allemand"] when every part but the last is a country prefix and
        the last an adjective; None otherwise (and for compounds that are one state's adjective: "sud-africain")."""
        if "-" not in text or len(text) < 4 or fold(text) in self.country_keys:
            return None
        parts = text.split("-")
        if len(parts) < 2 or not all(parts):
            return None
        if not all(fold(p) in self.prefixes for p in parts[:-1]):
            return None
        last = self.country_keys.get(fold(parts[-1]), ())
        return parts if any(f.kind == ADJECTIVE for f in last) else None

    def _split_compounds(self, doc: Doc) -> None:
        """Split one-token country compounds ("franco-allemand") into "franco" "-" "allemand", so that each
        country gets a span of its own (the tokenizer already splits most: "belgo-néerlandais").
        Span groups written before this component are rebuilt on the new tokens (by character offsets)."""
        splits = [
            (doc[i], parts)
            for i, text in enumerate(self._tokens(doc)[0])
            if "-" in text and (parts := self._compound_parts(text))  # (a compound has a hyphen: checked first)
        ]
        if not splits:
            return
        saved = {
            name: [(sp.start_char, sp.end_char, sp.label, sp.kb_id, sp.id) for sp in group]
            for name, group in doc.spans.items()
        }
        with doc.retokenize() as retok:
            for tok, parts in splits:
                pieces: list[str] = []
                for i, part in enumerate(parts):
                    pieces.extend([part, "-"] if i < len(parts) - 1 else [part])
                last = len(pieces) - 1
                heads = [(tok, last)] * last + [tok.head if tok.head.i != tok.i else (tok, last)]
                retok.split(tok, pieces, heads=heads)
        for name, items in saved.items():
            rebuilt = []
            for start, end, label, kb_id, span_id in items:
                span = doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id, alignment_mode="expand")
                if span is not None:
                    rebuilt.append(span)
            doc.spans[name] = rebuilt

    def _compounds(self, doc: Doc) -> list[Candidate]:
        """A country prefix token before "-" and another country form: "belgo" "-" "néerlandais"."""
        out: list[Candidate] = []
        folded = self._tokens(doc)[1]
        for i in range(len(doc) - 2):
            key = folded[i]
            if key not in self.prefixes:
                continue
            token = doc[i]
            hyphen, nxt = doc[token.i + 1], doc[token.i + 2]
            if hyphen.text == "-" and not token.whitespace_ and not hyphen.whitespace_:
                nkey = fold(nxt.text)
                if nkey in self.prefixes or any(f.kind == ADJECTIVE for f in self.country_keys.get(nkey, ())):
                    out.append(Candidate(token.i, token.i + 1, "country", codes=(self.prefixes[key].code,)))
        return out

    # ------------------------------------------------------------------ resolution
    def __call__(self, doc: Doc) -> Doc:
        self._split_compounds(doc)
        candidates = self._candidates(doc)
        chosen = _longest_first(candidates)
        countries = [c for c in chosen if c.kind == "country"]
        places = [c for c in chosen if c.kind == "place"]
        # regions of a country named in the document ("Floride", "Alabama"): evidence for a homonym region
        region_countries = {
            c.place.country for c in places if c.place and c.place.country and c.place.kind in REGION_KINDS
        }
        # a state's name that is also a region of another country ("Géorgie"): the region when introduced as
        # one ("l'État de Géorgie"), located ("Géorgie (États-Unis)"), or beside other regions of that country
        # with nothing else in the document for the state; naming the other country alone is not enough
        # ("Washington soutient la Géorgie")
        for cand in countries:
            for alt in cand.alternatives:
                if alt.kind != "place" or alt.place is None:
                    continue
                own = {f.code for f in cand.forms}
                other_support = _supported_codes([c for c in countries if c is not cand])
                introduced = self._introduced_as_place(doc, cand.start)
                located = self._stated_country(doc, cand.end) == alt.place.country
                if introduced or located or (alt.place.country in region_countries and not (own & other_support)):
                    cand.kind = "place"
                    cand.place = alt.place
                    break
        # a country's name opening a person's name ("Israël Katz"): the model's person entity runs on from it
        # to a capitalised word; it is that person's given name, no country
        given = {
            e.start
            for e in doc.ents
            if e.label_ in ("PER", "PERSON") and e.end - e.start >= 2 and doc[e.start + 1].text[:1].isupper()
        }
        chosen = [c for c in chosen if not (c.kind == "country" and c.end - c.start == 1 and c.start in given)]
        countries = [c for c in chosen if c.kind == "country"]
        places = [c for c in chosen if c.kind == "place"]
        supported = _supported_codes(countries)
        country_spans: list[Span] = []
        for cand in countries:
            for code in cand.codes or (_resolve(cand.forms, supported),):
                if not code:
                    continue
                # the label keeps the custom attributes of two countries on one token apart ("franco-allemand")
                span = Span(doc, cand.start, cand.end, label=code)
                span._.norm = code
                country_spans.append(span)
        blocked = [(c.start, c.end) for c in chosen if c.kind in ("block", "country")]
        doc.spans[COUNTRIES_GROUP] = country_spans
        doc.spans[LOCATIONS_GROUP] = self._locations(doc, places, blocked)
        return doc

    def _introduced_as_place(self, doc: Doc, start: int) -> bool:
        """ "l'État de Géorgie", "la province de X": a place word (then de/d'/du) right before."""
        for back in (1, 2):
            if start - back >= 0:
                word = fold(doc[start - back].text)
                if word in self.words.place_words and (back == 1 or doc[start - 1].is_lower):
                    return True
        return False

    # ------------------------------------------------------------------ locations
    def _locations(self, doc: Doc, places: list[Candidate], blocked: list[tuple[int, int]]) -> list[Span]:
        dates = [(s.start, s.end) for s in doc.spans[DATES_GROUP]] if DATES_GROUP in doc.spans else []
        taken = list(blocked)
        out: list[tuple[int, int, str, str | None]] = []
        ents = list(doc.ents)
        person_words = {fold(w) for ent in ents if ent.label_ in ("PER", "PERSON") for w in ent.text.split()}
        parties = frozenset(parties_in_parentheses(doc))

        def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
            return any(s < end and start < e for s, e in ranges)

        def inside_larger_name(start: int, end: int, labels: frozenset[str]) -> bool:
            return any(
                ent.label_ in labels
                and ent.start <= start
                and end <= ent.end
                and ent.end - ent.start > end - start
                and not self._seat(doc, ent, start, end)
                for ent in ents
            )

        for cand in places:
            if cand.place is None or overlaps(cand.start, cand.end, taken):
                continue
            # a state or province after "ministre de" is the office's jurisdiction, not a portfolio
            # ("le premier ministre de l'Ontario", "le ministre-président de la Bavière")
            jurisdiction = cand.place.kind == "region" and bool(cand.place.country)
            if inside_larger_name(cand.start, cand.end, CONTAINER_LABELS) or self._in_name(
                doc, cand.start, portfolio=not jurisdiction
            ):
                continue
            out.append((cand.start, cand.end, cand.place.name, cand.place.country))
            taken.append((cand.start, cand.end))
        streets = self._streets(doc)
        tails = {(start, end): tail for start, end, tail in streets}
        for start, end in [(s, e) for s, e, _ in streets] + self._roads(doc) + self._numbered(doc):
            tail = tails.get((start, end), end)
            # the town completing a building's name is part of it ("cathédrale Notre-Dame de Bangui")
            for found in [o for o in out if tail <= o[0] and o[1] <= end]:
                out.remove(found)
                taken.remove((found[0], found[1]))
            if overlaps(start, end, taken) or overlaps(start, end, dates):
                continue
            out.append((start, end, doc[start:end].text, None))
            taken.append((start, end))
        for ent in ents:
            if ent.label_ not in MODEL_LOC_LABELS:
                continue
            start, end = _trim(doc, ent.start, ent.end)
            if start < end and self.words.place_words.get(fold(doc[start].text)) != STREET_WORD:
                # "wilaya de Khenchela", "lac du Bourget": the name is the capitalised part
                while (
                    start < end
                    and not doc[start].text[:1].isupper()
                    and not _arabic_article(doc[start : start + 3].text)
                ):
                    start += 1
            if start >= end or overlaps(start, end, taken) or overlaps(start, end, dates):
                continue
            span = doc[start:end]
            key = fold(span.text)
            entry = self.words.places.get(key)
            if not entry and not self._plausible_place(doc, span, person_words, parties):
                continue
            if self._in_name(doc, start):
                continue
            name = entry[0].name if entry else span.text
            out.append((start, end, name, entry[0].country if entry else None))
            taken.append((start, end))
        for start, end in self._place_word_names(doc) + self._after_preposition(doc):
            if overlaps(start, end, taken) or overlaps(start, end, dates):
                continue
            if not self._plausible_place(doc, doc[start:end], person_words, parties):
                continue
            out.append((start, end, doc[start:end].text, None))
            taken.append((start, end))
        days = [(s.start, s.end) for s in doc.spans[DATES_GROUP] if len(str(s._.norm or "")) == 10] if dates else []
        for start, end in self._datelines(doc, days):
            if not overlaps(start, end, taken):
                out.append((start, end, doc[start:end].text, None))
                taken.append((start, end))
        return self._finish(doc, out)

    @staticmethod
    def _datelines(doc: Doc, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A dateline's town in capitals opening a line, before an agency in parentheses and a dash
        ("FREDERICTON (GNB) – …") or before a comma and a day ("MONCTON, le 3 mars – …"; not a time: "FINALE, à
        21h"), though no lexicon knows it."""
        out = []
        date_starts = {s for s, _ in dates}
        table = TokenTable.of(doc)
        texts, ws = table.texts, table.ws
        for i in range(len(doc)):
            if i > 0 and "\n" not in ws[i - 1] and "\n" not in texts[i - 1]:
                continue
            j = i
            while j < len(doc) and (
                doc[j].text.replace("-", "").isalpha() and doc[j].is_upper and len(doc[j]) > 1
                or doc[j].text == "-" and j > i
            ):
                j += 1
            if j == i or len(doc[i]) < 3 or doc[j - 1].text == "-" or j + 1 >= len(doc):
                continue
            after = doc[j].text
            if after == "(":
                k = j + 1
                while k < len(doc) and doc[k].is_upper and doc[k].is_alpha:
                    k += 1
                dash = k + 1 < len(doc) and k > j + 1 and doc[k].text == ")" and doc[k + 1].is_punct
                if dash and doc[k + 1].text != ",":
                    out.append((i, j))
            elif after == "," and j + 1 in date_starts | {s - 1 for s in date_starts}:
                out.append((i, j))
        return out

    def _plausible_place(
        self, doc: Doc, span: Span, person_words: set[str], parties: frozenset[tuple[int, int]]
    ) -> bool:
        """Filters for the model's LOC entities that the lexicon does not know."""
        key = fold(span.text)
        # a title, or a title and more words ("premier ministre adjoint"): the key or a prefix of it up to a space
        titles = self.titles
        if key in self.words.not_loc or key in titles or any(key[:j] in titles for j, c in enumerate(key) if c == " "):
            return False
        if (
            len(span) == 1
            and span[0].pos_ in ("NOUN", "ADJ")  # (an adjective too: "Réputé atlantiste, ce catholique …")
            and span.text.isalpha()  # (not a compound name: "Nord-Pas-de-Calais")
            and key not in self.words.places
            and opens_clause(doc, span.start, at_line_start=True)
        ):
            return False  # "11h00 : Réunion de préparation": a common noun capitalised by its place in the line
        if not span.text[:1].isupper() and self.words.place_words.get(fold(span[0].text)) != STREET_WORD:
            if not _arabic_article(span.text):
                return False
        if key in self.words.relative and span.end < len(doc) and fold(doc[span.end].text) in LINKS:
            return False  # "le Nord de la France": a direction, not a place
        if (span.start, span.end) in parties:
            return False  # "Frank Vandenbroucke (Vooruit)": the person's party, not a place
        if span.text.isupper() and span.text.replace("-", "").isalpha():
            return False  # an acronym ("SG", "COMESA"): organisations, or countries known to the lexicon
        if len(span) == 1 and any(ch.isdigit() for ch in span.text) and any(ch.isalpha() for ch in span.text):
            return False  # "Europe1", "KIC9832227": brands and catalogue names (roads are found separately)
        if self._descriptor(doc, span) or self._demonym(doc, span):
            return False
        if 0 < span.start and span.end < len(doc) and doc[span.start - 1].text in OPEN_QUOTES:
            if doc[span.end].text in CLOSE_QUOTES:
                return False  # « Quotidien »: a title in quotes, not a place
        if self._given_name_first(doc, span):
            return False  # "Bachar al-Assad a rencontré ...": a person's name the model read as a place
        # the name of a person of the document ("Flynn" beside "Michael Flynn")
        return not all(fold(w) in person_words for w in span.text.split())

    def _given_name_first(self, doc: Doc, span: Span) -> bool:
        """A frequent given name then a capitalised word or a name particle ("Bachar al-Assad"), with no
        common noun or place word before it ("la rue Victor-Hugo", "l'aéroport Charles de Gaulle" stay places)."""
        names = lexicon()  # the people component's given names and name particles
        if len(span) < 2 or span[0].text not in names.given_names:
            return False
        if span.start > 0 and (
            fold(doc[span.start - 1].text) in self.words.place_words or doc[span.start - 1].pos_ == "NOUN"
        ):
            return False  # a common noun names what the name is of: "l'aéroport Charles de Gaulle"
        second = span[1].text
        return second[:1].isupper() or next(iter(name_words(second)), "") in names.particles

    def _demonym(self, doc: Doc, span: Span) -> bool:
        """ "les Marseillais", "la Bermudienne": inhabitants (a demonym after a matching determiner), not a place."""
        if len(span) != 1 or span.start == 0:
            return False
        number = self.words.determiners.get(fold(doc[span.start - 1].text))
        text = span.text
        return number is not None and any(
            text.endswith(suffix) and len(text) > len(suffix) + 2 and kind == number
            for suffix, kind in self.words.demonym_suffixes.items()
        )

    @staticmethod
    def _descriptor(doc: Doc, span: Span) -> bool:
        """ "la Bermudienne Flora Duffy": one word between an article and a person's name describes the person."""
        if len(span) != 1 or span.start == 0 or doc[span.start - 1].pos_ != "DET":
            return False
        return any(e.start == span.end and e.label_ in ("PER", "PERSON") for e in doc.ents)

    def _in_name(self, doc: Doc, start: int, portfolio: bool = True) -> bool:
        """A place after "HEAD de" where HEAD heads a name ("conférence de Munich", "Document de Vienne"),
        or a portfolio ("ministre de l'Europe") unless ``portfolio`` is False."""
        i = start - 1
        if i >= 0 and fold(doc[i].text) in {"la", "l'", "les"}:
            i -= 1
        if i < 1 or fold(doc[i].text) not in {"de", "d'", "du", "des"}:
            return False
        head = i - 1
        if head >= 1 and is_adjective(doc[head]) and doc[head].text.islower():
            head -= 1  # "ministre français de l'Europe": a national adjective between the title and its portfolio
        if portfolio and fold(doc[head].text) in self.words.portfolio_heads:
            return True  # "ministre de l'Europe", "ministère des Outre-mer": a portfolio, not a place
        if portfolio and fold(doc[i - 1].text) in {"et", ","} and self._in_portfolios(doc, i - 1):
            return True  # "ministre de l'Économie, des Finances et de la Souveraineté industrielle"
        for j in range(i - 1, max(-1, i - 1 - MAX_HEAD_DISTANCE), -1):
            tok = doc[j]
            if tok.is_punct:
                return False
            if fold(tok.text) in self.words.name_heads:
                return True
        return False

    def _in_portfolios(self, doc: Doc, i: int) -> bool:
        """Token i ("et", ",") joins complements of a portfolio head before it, in the same phrase."""
        for j in range(i - 1, max(-1, i - 1 - MAX_PORTFOLIO_REACH), -1):
            tok = doc[j]
            if fold(tok.text) in self.words.portfolio_heads:
                return True
            if tok.is_punct and tok.text not in {",", "'", "’", "-"} or tok.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _tokens(self, doc: Doc) -> tuple[list[str], list[str]]:
        """The text and the folded text of each token, computed once per Doc (again if its tokens change):
        the rules below scan the whole Doc several times."""
        found = self._token_data.get(doc)
        if found is None or len(found[0]) != len(doc):
            texts = list(TokenTable.of(doc).texts)
            found = self._token_data[doc] = (texts, [fold(t) for t in texts])
        return found

    def _streets(self, doc: Doc) -> list[tuple[int, int, int]]:
        """ "place de la Concorde", "gare Saint-Lazare", "avenue Marceau": the place word and the name after it
        (start, end, and where a completing town or name starts: "palais d'État d'Iavoloha"; else end)."""
        out: list[tuple[int, int, int]] = []
        persons = [(e.start, e.end) for e in doc.ents if e.label_ in ("PER", "PERSON")]
        place_words = self.words.place_words
        particles = _inner_particles()
        for i, key in enumerate(self._tokens(doc)[1]):
            if place_words.get(key) != STREET_WORD:
                continue
            token = doc[i]
            if i > 0 and "Ind" in doc[i - 1].morph.get("Definite", []):
                continue  # "une résidence de Neuilly": a building somewhere, named by the place it stands in
            j = token.i + 1
            while j < len(doc) and j - token.i <= 2 and fold(doc[j].text) in LINKS:
                j += 1
            start_name = j
            while j < len(doc) and (
                (doc[j].text[:1].isupper() and not doc[j].is_punct)
                or (doc[j].text == "-" and j > start_name)
                # a lower-case particle inside the name ("palais Huis ten Bosch"; "de" + a town completes it below)
                or (
                    j > start_name
                    and doc[j].text in particles
                    and j + 1 < len(doc)
                    and doc[j + 1].text[:1].isupper()
                )
            ):
                j += 1
            while j > start_name and doc[j - 1].text == "-":
                j -= 1
            # the town or name completing it: "palais d'État d'Iavoloha", "cathédrale Notre-Dame de Bangui"
            k = tail = j
            if j > start_name and k < len(doc) and fold(doc[k].text) in {"de", "d'"}:
                k += 1
                while k < len(doc) and doc[k].text[:1].isupper() and not doc[k].is_punct:
                    k += 1
                if k > j + 1:
                    tail, j = j + 1, k
            # French typography joins the words of a person's name that names a place by hyphens
            # ("place Victor-Hugo", "édifice Honoré-Mercier"): a place, though the model reads a person
            hyphenated = any(
                doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
                for k in range(start_name + 1, j)
            )
            if j == start_name or (not hyphenated and any(s < j and start_name < e for s, e in persons)):
                continue
            out.append((token.i, j, min(tail, j)))
        return out

    def _numbered(self, doc: Doc) -> list[tuple[int, int]]:
        """ "le 8e arrondissement", "les 16e, 7e et 1er arrondissements": each ordinal is a place."""
        out: list[tuple[int, int]] = []
        place_words = self.words.place_words
        for k, key in enumerate(self._tokens(doc)[1]):
            if place_words.get(key) != NUMBERED_WORD:
                continue
            token = doc[k]
            i = token.i - 1
            while i >= 0:
                text = doc[i].text
                if text in {",", "et"}:
                    i -= 1
                    continue
                if text[:1].isdigit() and text.lstrip("0123456789") in ORDINAL_SUFFIXES:
                    last = i == token.i - 1  # the ordinal right before the word takes the word with it
                    out.append((i, token.i + 1 if last else i + 1))
                    i -= 1
                    continue
                break
        return sorted(out)

    def _roads(self, doc: Doc) -> list[tuple[int, int]]:
        """Numbered roads: "l'A7", "l'autoroute A62", "la RN 106", and the roads listed with them ("A7, A9 et A20");
        not "Airbus A320" (no road word before it)."""
        found: list[tuple[int, int]] = []
        road_prefixes = self.words.road_prefixes
        for i, text in enumerate(self._tokens(doc)[0]):
            if not text[-1:].isdigit() and text not in road_prefixes:
                continue  # a road ends with its number, or is a prefix before one
            token = doc[i]
            prefix = next(
                (p for p in self.words.road_prefixes if text.startswith(p) and text[len(p) :].isdigit()), None
            )
            end = token.i + 1
            if prefix is None and text in self.words.road_prefixes and end < len(doc) and doc[end].text.isdigit():
                prefix, end = text, end + 1
            if prefix is not None:
                found.append((token.i, end))
        # runs of roads listed together ("A7, A9 (péage de Vienne) et A20")
        runs: list[list[tuple[int, int]]] = []
        for start, end in found:
            if runs and self._listed(doc, runs[-1][-1][1], start):
                runs[-1].append((start, end))
            else:
                runs.append([(start, end)])
        accepted: list[tuple[int, int]] = []
        for run in runs:
            first = run[0][0]
            cue = any(s > 0 and fold(doc[s - 1].text) in self.words.road_cues for s, _ in run)
            before = doc[first - 1] if first > 0 else None
            plain_list = len(run) >= 3 and not (before is not None and before.is_alpha and before.text[:1].isupper())
            if cue or plain_list:
                accepted.extend(run)
        return accepted

    @staticmethod
    def _listed(doc: Doc, end: int, start: int) -> bool:
        """Only list separators (",", "et", "ou") or a parenthesis between two roads."""
        depth = 0
        for tok in doc[end:start]:
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth -= 1
            elif depth == 0 and tok.text not in {",", "et", "ou"}:
                return False
        return depth == 0

    def _after_preposition(self, doc: Doc) -> list[tuple[int, int]]:
        """ "à Champoluc", "en Ariège", "près de Lanneray": a capitalised word the model left untagged, right
        after a place preposition, alone (no second capitalised word: "à Jean Dupont" is a person)."""
        out = []

        def nxt_outside(token: Token) -> bool:
            return token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I"

        texts = self._tokens(doc)[0]
        for i in range(1, len(doc) - 1):
            if not texts[i][:1].isupper():
                continue
            token = doc[i]
            if token.is_sent_start or token.text.isupper():
                continue
            if token.ent_type_ and not (token.ent_type_ == "MISC" and token.ent_iob_ == "B" and nxt_outside(token)):
                continue  # a model entity, unless a lone MISC word ("à Champoluc")
            one, two = fold(doc[token.i - 1].text), fold(doc[max(0, token.i - 2) : token.i].text)
            if one not in self.words.prepositions and two not in self.words.prepositions:
                continue
            nxt = doc[token.i + 1]
            if nxt.text[:1].isupper() or nxt.text == "-":
                continue
            if token.is_alpha or "-" in token.text:
                out.append((token.i, token.i + 1))
        return out

    def _place_word_names(self, doc: Doc) -> list[tuple[int, int]]:
        """ "la ville de Kasserine", "la province du Kivu": the capitalised name after a place word."""
        out = []
        place_words = self.words.place_words
        for i, key in enumerate(self._tokens(doc)[1]):
            kind = place_words.get(key)
            if kind not in NAME_PLACE_WORDS or i + 2 >= len(doc):
                continue
            token = doc[i]
            j = token.i + 1
            if fold(doc[j].text) not in {"de", "d'", "du"}:
                continue
            j += 1
            start = j
            while j < len(doc) and (
                doc[j].text[:1].isupper() and doc[j].is_alpha or (doc[j].text == "-" and j > start)
            ):
                j += 1
            if j > start and doc[j - 1].text != "-":
                if not any(e.start <= start < e.end and e.label_ in NAME_LABELS for e in doc.ents):
                    out.append((start, j))
        return out

    def _finish(self, doc: Doc, found: list[tuple[int, int, str, str | None]]) -> list[Span]:
        """Spans with one norm per place in the document, and a country from "X (Y)" / "X, en Y"."""
        found = [self._with_article(doc, *f) for f in found]
        found.sort()
        norms: dict[str, str] = {}
        spans = []
        for _start, _end, name, _country in found:
            key = fold(name)
            if key not in norms or (norms[key].isupper() and not name.isupper()):
                norms[key] = name
        for start, end, name, country in found:
            span = Span(doc, start, end, label="LOC")
            span._.norm = norms[fold(name)]
            span._.country = country or self._stated_country(doc, end)
            spans.append(span)
        return spans

    def _with_article(
        self, doc: Doc, start: int, end: int, name: str, country: str | None
    ) -> tuple[int, int, str, str | None]:
        """A capitalised article after a preposition is part of the town's name: "à La Celle-Saint-Cloud"."""
        if start >= 2 and doc[start - 2].pos_ == "ADP" and doc[start - 2].text.islower():
            art = doc[start - 1]
            if art.text[:1].isupper() and fold(art.text) in self.words.articles and art.whitespace_:
                return start - 1, end, art.text + art.whitespace_ + name, country
        return start, end, name, country

    def _stated_country(self, doc: Doc, end: int) -> str | None:
        """ "Tampa (Floride)" -> US, "Kasserine, en Tunisie" -> TN."""
        i = end
        if i < len(doc) and doc[i].text in {"(", ","}:
            parenthesis = doc[i].text == "("
            i += 1
            if i < len(doc) and fold(doc[i].text) in self.words.articles:
                i += 1
            for j in range(min(len(doc), i + 4), i, -1):
                if not parenthesis and (j >= len(doc) or doc[j].text not in {",", ".", ")", ";"}):
                    continue  # after a comma only a country closing the phrase: "Kasserine, en Tunisie,"
                key = fold(doc[i:j].text)
                forms = [f for f in self.country_keys.get(key, ()) if f.kind == NAME and not f.conditional]
                if forms:
                    return forms[0].code
                entries = self.words.places.get(key)
                if parenthesis and entries and entries[0].country:
                    return entries[0].country
        return None


@cache
def _inner_particles() -> frozenset[str]:
    """Name particles that may stand inside a building's name ("palais Huis ten Bosch"): not the links "de",
    "la" (a town completes a name after them), nor a French function word ("au palais de Carthage le Chef …")."""
    return frozenset(p for p in lexicon().particles if p not in LINKS and p not in function_words())


def _case_ok(form: str, text: str) -> bool:
    """Every capitalised word of the lexicon form is capitalised in the text ("La Réunion", not "La réunion")."""
    words, seen = form.replace("-", " ").split(), text.replace("-", " ").split()
    if len(words) != len(seen):
        return not form[:1].isupper() or text[:1].isupper()
    return all(not w[:1].isupper() or t[:1].isupper() for w, t in zip(words, seen, strict=True))


def _arabic_article(text: str) -> bool:
    """ "al-Bab", "el-Arich": a short lower-case article joined to a capitalised name."""
    head, _, rest = text.partition("-")
    return head.isalpha() and len(head) <= 3 and rest[:1].isupper()


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ == "DET"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text != ")":
        end -= 1
    return start, end


_PRIORITY = {"block": 0, "place": 1, "country": 2}


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Longest span first; a country and a place on the same tokens keep the place as an alternative."""
    ordered = sorted(candidates, key=lambda c: (-c.length, c.start, _PRIORITY[c.kind]))
    chosen: list[Candidate] = []
    used: set[int] = set()
    for cand in ordered:
        tokens = set(range(cand.start, cand.end))
        if tokens & used:
            same = next((c for c in chosen if (c.start, c.end) == (cand.start, cand.end)), None)
            if same is not None:
                same.alternatives.append(cand)
            continue
        chosen.append(cand)
        used |= tokens
    # a state name equal to a place: decide later, the country comes first by default
    for cand in chosen:
        if cand.kind == "place":
            alt = next((a for a in cand.alternatives if a.kind == "country"), None)
            if alt is not None and alt.forms and cand.place and cand.place.country not in {f.code for f in alt.forms}:
                cand.kind, cand.forms, alt.kind, alt.place = "country", alt.forms, "place", cand.place
            elif alt is not None and cand.place and cand.place.country in {f.code for f in alt.forms}:
                cand.kind, cand.forms = "country", alt.forms
    return sorted(chosen, key=lambda c: c.start)


def _supported_codes(countries: Iterable[Candidate]) -> set[str]:
    """Codes a document names unambiguously."""
    codes: set[str] = set()
    for cand in countries:
        if cand.codes:
            codes.update(cand.codes)
        elif len({f.code for f in cand.forms}) == 1:
            codes.add(cand.forms[0].code)
    return codes


def _resolve(forms: tuple[CountryForm, ...], supported: set[str]) -> str | None:
    codes = list(dict.fromkeys(f.code for f in forms))
    if len(codes) == 1:
        return codes[0] if not forms[0].conditional or codes[0] in supported else None
    backed = [f for f in forms if f.code in supported]
    if len({f.code for f in backed}) == 1:
        return backed[0].code
    plain = [f for f in forms if not f.conditional]
    return plain[0].code if plain else None
