"""nlpmeet_orgs: organisations with canonical short names.

Runs after nlpmeet_dates and nlpmeet_places. Candidates come from four sources, the matchers built
once at construction and applied per document without scanning the raw text:

* the lexicon ``models/organizations.jsonl`` (PhraseMatcher; acronyms case-sensitive, other
  aliases case-insensitive but with the lexicon's capitals, accent-less spellings included;
  not an acronym before a number, "RN 7", or inside a hyphenated acronym, "AP-HP");
* the name patterns ``models/org_patterns.jsonl`` (Matcher: "Conseil de sécurité",
  "ministère des Affaires étrangères", "gouvernement Valls", "armée syrienne", ...);
* the model's ORG entities, repaired: trimmed of articles (a capitalised one inside a sentence
  stays: "La Tribune"), punctuation and dangling prepositions; cut at a date span, a possessive
  or a title ("l'Organisation le ministre …"); dropped when they are role phrases (head in
  ``models/titles.tsv``) or a ministry's portfolio after one ("ministre de la Justice"), datelines
  ("WASHINGTON,"), lone words on a line, units after numbers, dotted honorifics, document codes,
  persons named elsewhere, places read by nlpmeet_places, all lower case, or across a line break;
* bare head words after a definite article ("l'Alliance", "la Commission").

Overlaps keep the longest candidate (the lexicon wins ties); a longer candidate that contains a
lexicon name is kept only when it is an institution built on it ("Conseil ministériel de l'OSCE"),
one that runs into a lexicon name stops before it; a lexicon name followed by "de"/"du" and a country or place
is that country's institution ("l'Assemblée nationale du Bénin"), and no name ends inside a hyphenated word
("conseil régional de Bourgogne-Franche-Comté"). Generic phrases (after an indefinite article)
are dropped. Acronyms in parentheses ("Long (ACR)", "Abr (Long)") become mentions, and so do their
later uses; a name cut short before its acronym is extended to it. ``normalise.orgs.resolve`` then
merges long and short forms and gives each organisation one norm, written to
``doc.spans[ORGS_GROUP]``; a bare head that refers to nothing is dropped unless the model, too,
read it as an organisation. Places inside an organisation's name leave ``LOCATIONS_GROUP``.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from nlpmeet.components.lexicon import lexicon
from nlpmeet.components.tokens import (
    PERSON_LABELS,
    PatternCuts,
    TokenTable,
    is_adjective,
    opens_clause,
    parties_in_parentheses,
    phrase_patterns,
)
from nlpmeet.components.windows import WindowedMatcher, function_words
from nlpmeet.extensions import COUNTRIES_GROUP, DATES_GROUP, LOCATIONS_GROUP, ORGS_GROUP
from nlpmeet.normalise.orgs import OrgLexicon, OrgMention, acronym_fits, fold, is_acronym, resolve, words_of
from nlpmeet.resources import DataError, load_jsonl, load_tsv

LEXICON_FILE = "organizations.jsonl"
PATTERNS_FILE = "org_patterns.jsonl"
TITLES_FILE = "titles.tsv"

_SOURCE_RANK = {"lex": 0, "pat": 1, "ner": 2, "head": 3, "acr": 4}
WORD_ACRONYM_MIN = 4  # letters of a lexicon acronym that papers may write as a word ("Cédéao", "Unesco")
MAX_TITLE_PHRASE = 14  # tokens of a function title and its complement before its abbreviation in parentheses


@Language.factory("nlpmeet_orgs")
def make_orgs(nlp: Language, name: str) -> OrgTagger:
    return OrgTagger(nlp)


@dataclass
class _Cand:
    start: int
    end: int
    source: str
    lexname: str | None = None

    @property
    def size(self) -> int:
        return self.end - self.start


def _indices(doc: Doc, group: str) -> set[int]:
    """Token indices covered by the spans of ``group`` (empty when an earlier component did not set it)."""
    if group not in doc.spans:
        return set()
    return {i for span in doc.spans[group] for i in range(span.start, span.end)}


def _after_number(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a number, maybe through a short unit and a parenthesis ("14 h UTC", "8 h (UTC)")."""
    j = i - 1
    if j >= 0 and doc[j].text == "(":
        j -= 1
    if j >= 0 and doc[j].is_lower and len(doc[j]) <= 2:
        j -= 1
    return j >= 0 and any(c.isdigit() for c in doc[j].text)


def _fold_text(text: str) -> str:
    """Folded text of a few tokens, elided articles glued to the next word ("secretaire d'etat")."""
    return fold(text).replace("' ", "'")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _expand(value: Any, sets: dict[str, list[str]]) -> Any:
    """Replace "@name" word-set references in a Matcher pattern by the set's words."""
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in sets:
            raise DataError(f"models/{PATTERNS_FILE}: unknown word set {value}")
        return sets[value[1:]]
    if isinstance(value, dict):
        return {k: _expand(v, sets) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, sets) for v in value]
    return value


def load_patterns() -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """Word sets and expanded Matcher patterns of ``models/org_patterns.jsonl``."""
    rows = load_jsonl(PATTERNS_FILE)
    sets = {str(r["set"]): [str(w) for w in r["words"]] for r in rows if "set" in r}
    patterns = [{**r, "pattern": _expand(r["pattern"], sets)} for r in rows if "pattern" in r]
    return sets, patterns


def load_titles() -> frozenset[str]:
    """Folded function titles (masculine, feminine, and their plurals) from ``models/titles.tsv``."""
    titles: set[str] = set()
    for row in load_tsv(TITLES_FILE):
        for key in ("title", "feminine"):
            form = fold(row.get(key, ""))
            if form:
                first, *rest = form.split(" ")
                titles.add(form)
                titles.add(" ".join([first + ("" if first.endswith(("s", "x")) else "s"), *rest]))
    return frozenset(titles)


# a dash separating the parts of a heading line: the capital of the word after it says nothing
HEADING_DASHES = frozenset({"–", "—"})


class OrgTagger:
    def __init__(self, nlp: Language):
        self.lexicon = OrgLexicon(load_jsonl(LEXICON_FILE))
        # ministries named by their building ("Quai d'Orsay"): after "au"/"à" the building is meant, a place
        self.seats = frozenset(str(row["name"]) for row in load_jsonl(LEXICON_FILE) if row.get("seat"))
        self.sets, patterns = load_patterns()
        self.seat_locatives = frozenset(fold(w) for w in self.sets.get("seat_locatives", []))
        self.heads = frozenset(fold(w) for w in self.sets.get("heads", []))
        self.lower_heads = frozenset(w.lower() for w in self.sets.get("lower_heads", []))
        self.portfolio_titles = frozenset(fold(w) for w in self.sets.get("portfolio_titles", []))
        self.portfolio_preps = frozenset(w.lower() for w in self.sets.get("portfolio_preps", []))
        self.inner_preps = frozenset(w.lower() for w in self.sets.get("inner_preps", []))
        self.adjective_links = frozenset(w.lower() for w in self.sets.get("adjective_links", []))
        self.ordinal_endings = tuple(sorted(self.sets.get("ordinal_endings", []), key=len, reverse=True))
        self.ordinal_words = frozenset(w.lower() for w in self.sets.get("ordinal_words", []))
        self.sitting_heads = frozenset(fold(w) for w in self.sets.get("sitting_heads", []))
        self.titles = load_titles()
        # known places (models/places.tsv) that a lexicon institution's complement may name though the model read
        # them inside its organisation ("l'Assemblée nationale du Québec")
        self.national = frozenset(entry.name for entry in self.lexicon if entry.kind == "government")
        self.place_forms = frozenset(
            fold(row["form"])
            for row in load_tsv("places.tsv")
            if row["kind"] in ("city", "region", "territory", "island")
        )
        # forms of address ("Son Excellence Monsieur"): a run of them is no organisation
        self.honorific_forms = frozenset(fold(row["form"]) for row in load_tsv("honorifics.tsv"))
        self.max_title_words = max((t.count(" ") + 1 for t in self.titles), default=1)
        # every beginning of a title's folded text: a longer run of tokens folds to a longer text that
        # starts with the shorter one's, so a run that begins no title cannot grow into one
        self.title_prefixes = frozenset(t[:k] for t in self.titles for k in range(1, len(t) + 1))
        self._title_ends: weakref.WeakKeyDictionary[Doc, dict[int, int | None]] = weakref.WeakKeyDictionary()
        self.function_words = frozenset(w.strip("'") for w in map(fold, nlp.Defaults.stop_words) if w.strip("'"))
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in self.lexicon:
            acronyms: set[str] = set()
            names: set[str] = set()
            for form in entry.aliases:
                for variant in {
                    form,
                    _strip_accents(form),
                    form.replace("'", "’"),
                    _strip_accents(form).replace("'", "’"),
                }:
                    (acronyms if is_acronym(variant) else names).add(variant)
            if acronyms:
                self.acronym_matcher.add(entry.name, phrase_patterns(nlp, sorted(acronyms), "ORTH"))
            if names:
                self.name_matcher.add(entry.name, phrase_patterns(nlp, sorted(names), "LOWER"))
        # acronyms French papers write as words, with a capital and accents ("la Cédéao", "l'Unesco", "l'Otan")
        self.word_acronyms = {
            fold(form): entry.name
            for entry in self.lexicon
            for form in entry.aliases
            if is_acronym(form) and len(form) >= WORD_ACRONYM_MIN and form.isalpha()
        }
        PatternCuts.of(nlp).save()
        self._alias_shapes: dict[str, list[list[bool]]] = {}
        for entry in self.lexicon:
            for form in entry.aliases:
                shape = [t[:1].isupper() for t in re.split(r"[\s’'-]+", form) if t]
                self._alias_shapes.setdefault(fold(form), []).append(shape)
        self.matcher = Matcher(nlp.vocab)
        self.needs_country: set[str] = set()
        for i, row in enumerate(patterns):
            key = f"{row.get('id', 'pattern')}#{i}"
            self.matcher.add(key, [row["pattern"]])
            if row.get("needs_country"):
                self.needs_country.add(key)
        self.windowed = WindowedMatcher(self.matcher, [row["pattern"] for row in patterns], function_words())

    # ---------------------------------------------------------------- candidates

    def _acronym_pairs(self, doc: Doc) -> set[int]:
        """Tokens of two lexicon acronyms joined by a hyphen: a pair of bodies ("sommet UE-CELAC"), each
        one a mention, not one longer acronym ("AP-HP")."""
        single = {start for _m, start, end in self.acronym_matcher(doc) if end == start + 1}
        out: set[int] = set()
        for i in single:
            if (
                i + 2 in single
                and doc[i + 1].text == "-"
                and not doc[i].whitespace_
                and not doc[i + 1].whitespace_
            ):
                out.update((i, i + 1, i + 2))
        return out

    def _lexicon_cands(self, doc: Doc) -> list[_Cand]:
        cands = []
        pairs = self._acronym_pairs(doc)
        for matcher, check_case in ((self.acronym_matcher, False), (self.name_matcher, True)):
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                if check_case and not self._case_fits(span):
                    continue
                if not check_case and self._code_before_number(doc, span):
                    continue
                if not check_case and self._in_compound(doc, span) and start not in pairs:
                    continue
                name = doc.vocab.strings[match_id]
                if name in self.seats and start > 0 and fold(doc[start - 1].text) in self.seat_locatives:
                    continue  # "reçu au Quai d'Orsay": the building (nlpmeet_places)
                cands.append(_Cand(start, end, "lex", name))
        given = lexicon().given_names
        for i, text in enumerate(TokenTable.of(doc).texts):
            if (
                len(text) >= WORD_ACRONYM_MIN
                and text[:1].isupper()
                and text[1:].islower()
                and text.isalpha()
                and text not in given
                and doc[i].ent_type_ not in PERSON_LABELS
            ):
                acronym = self.word_acronyms.get(fold(text))
                if acronym is not None:
                    cands.append(_Cand(i, i + 1, "lex", acronym))
        return cands

    def _case_fits(self, span: Span) -> bool:
        """Every word the lexicon writes with a capital has one in the text."""
        shapes = self._alias_shapes.get(fold(span.text))
        words = [t for t in re.split(r"[\s’'-]+", span.text) if t]
        if not shapes:
            return span.text[:1].isupper()
        return any(
            len(words) == len(shape) and all(w[:1].isupper() or not cap for w, cap in zip(words, shape, strict=True))
            for shape in shapes
        )

    def _inside_title(self, doc: Doc, start: int) -> bool:
        """A function title that starts before ``start`` runs over it ("la présidente du Conseil des
        ministres italienne": the Council is the title's)."""
        for k in range(max(0, start - 3), start):
            title_end = self._title_at(doc, k)
            if title_end is not None and title_end > start:
                return True
        return False

    def _pattern_cands(self, doc: Doc, countries: set[int], dates: set[int]) -> list[_Cand]:
        cands: list[_Cand] = []
        if not doc.has_annotation("POS"):
            return cands  # the patterns need the tagger (a blank pipeline has none)
        for match_id, start, end in self.windowed(doc):
            key = doc.vocab.strings[match_id]
            if key in self.needs_country and end - 1 not in countries:
                continue
            if self._inside_title(doc, start):
                continue
            if fold(doc[start].text) in self.heads and self._is_role_phrase(doc, start, end):
                continue  # "ministre des Affaires étrangères, de la Communauté nationale": a later portfolio
            if all(i in countries for i in range(start, end)):
                continue  # a country's name built like an organisation's ("l'Union des Comores")
            if end < len(doc) and doc[end - 1].ent_type_ == "PER" and doc[end].ent_iob_ == "I":
                continue  # a person's name goes on: "le porte-parole du gouvernement Benjamin Griveaux"
            end = self._cut_portfolio(doc, start, self._cut(doc, start, end, dates))
            end = self._place_end(doc, end)
            while start < end - 1 and self._is_ordinal(doc[start]):
                start += 1  # "la 77e Assemblée mondiale de la Santé": the session's number, not the body's name
            while end > start + 1 and doc[end - 1].pos_ in ("DET", "ADP", "PUNCT", "CCONJ"):
                end -= 1
            # "des Jeux olympiques et paralympiques": coordinated adjectives of the last complement
            while (
                end + 1 < len(doc)
                and doc[end - 1].pos_ == "ADJ"
                and doc[end].lower_ in self.adjective_links
                and doc[end + 1].pos_ == "ADJ"
                and doc[end + 1].text.islower()
                and end + 1 not in countries
                # ("olympique et sportif français": the adjectives run on, the lexicon's longer name decides)
                and (end + 2 >= len(doc) or doc[end + 2].pos_ != "ADJ")
            ):
                end += 2
            span = doc[start:end]
            opening = doc[start].is_sent_start or start > 0 and doc[start - 1].text in HEADING_DASHES
            if opening and not any(t.text[:1].isupper() for t in span[1:]):
                if doc[start].ent_type_ != "ORG":
                    continue  # a capital at the start of a sentence or after a heading's dash says nothing
                    # unless the model agrees ("Présidence de la République – Bureau de presse")
            cands.append(_Cand(start, end, "pat"))
        return cands

    @staticmethod
    def _place_end(doc: Doc, end: int) -> int:
        """A name whose last word begins a country's or a place's name takes the rest of it: "la Chambre de
        commerce et d'industrie de Côte d'Ivoire" (a pattern's capitalised words stop at "d'")."""
        for group in (COUNTRIES_GROUP, LOCATIONS_GROUP):
            for span in doc.spans[group] if group in doc.spans else ():
                if span.start < end < span.end:
                    return span.end
        return end

    def _head_cands(self, doc: Doc, countries: set[int] | None = None) -> list[_Cand]:
        """A capitalised head word after a definite article ("l'Alliance", "la Commission"): a short mention,
        kept only when it refers to a longer name of the document (see ``resolve``); not the first word of
        a country's name ("l'Union des Comores")."""
        cands = []
        for i, text in enumerate(TokenTable.of(doc).texts):
            if i == 0 or not text[:1].isupper() or fold(text) not in self.heads or i in (countries or ()):
                continue
            token = doc[i]
            if token.is_sent_start:
                continue
            prev = doc[token.i - 1]
            if prev.pos_ in ("DET", "ADP") and "Def" in prev.morph.get("Definite", []):
                if not self._inside_title(doc, token.i) and not self._is_role_phrase(doc, token.i, token.i + 1):
                    cands.append(_Cand(token.i, token.i + 1, "head"))
        return cands

    def _ner_cands(self, doc: Doc, dates: set[int], places: set[int], countries: set[int]) -> list[_Cand]:
        cands = []
        ents = doc.ents  # (built anew at each read)
        people = {e.text for e in ents if e.label_ == "PER"}
        people |= {e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1}
        pairs = self._acronym_pairs(doc)
        for ent in ents:
            if ent.label_ != "ORG" or "\n" in ent.text.strip():
                continue
            start, end = ent.start, ent.end
            if any(doc[i].is_sent_start for i in range(start + 1, end)):
                continue
            while start < end and (self._droppable_lead(doc[start]) or start in dates or self._is_ordinal(doc[start])):
                start += 1
            end = self._cut(doc, start, end, dates, cut_commas=True, places=places)
            dangling = end == ent.end and doc[end - 1].pos_ in ("DET", "ADP")
            while end > start and (doc[end - 1].pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or doc[end - 1].is_space):
                end -= 1
            if start >= end:
                continue
            if dangling:
                end = self._extend_dangling(doc, ent.end, end)
            end = self._cut_portfolio(doc, start, end)
            span = doc[start:end]
            if all(i in pairs for i in range(start, end)):
                continue  # "UE-CELAC": two bodies, each found by the lexicon
            if not any(t.text[:1].isupper() for t in span):
                continue  # no proper name: "les services de sécurité"
            if all(i in places for i in range(start, end)):
                continue  # the places component read it as a place
            if span.text in people or (start in countries and len(span) > 1 and self._person_after(span[1:])):
                continue  # a person named elsewhere in the text ("Bolsonaro"), or "l'Iranien Ali Daei"
            if self._code_before_number(doc, span):
                continue
            if self._is_role_phrase(doc, start, end) or self._inside_title(doc, start):
                continue
            if self._title_abbreviation(doc, start, end):
                continue  # "le chef d'état-major des armées (CEMA)": the title's abbreviation
            if self._is_honorific(doc, span) or self._only_honorifics(span) or self._is_code(doc, span):
                continue
            if self._is_dateline(doc, span, places) or self._is_stray(doc, span):
                continue
            if (
                len(span) == 1
                and span[0].pos_ == "NOUN"
                and end < len(doc)
                and doc[end].text == ":"
                and opens_clause(doc, start, at_line_start=True)
            ):
                continue  # a common noun as a headline's rubric: "Automobile : X reçu à Bercy"
            after_dash = start > 0 and doc[start - 1].text in HEADING_DASHES
            if len(span) > 1 and (opens_clause(doc, start) or after_dash) and span[0].pos_ == "NOUN":
                if not any(t.text[:1].isupper() for t in span[1:]):
                    # "Conférence de presse" heading a paragraph, "10h00 : Déjeuner de travail", "… – Service de presse"
                    continue
            cands.append(_Cand(start, end, "ner"))
        return cands

    def _cut_portfolio(self, doc: Doc, start: int, end: int) -> int:
        """In a role phrase, "l'Union pour les affaires étrangères …" names the Union; the rest is the title's."""
        if end - start < 3 or start == 0 or fold(doc[start].text) not in self.heads:
            return end
        if doc[start + 1].lower_ not in self.portfolio_preps or not self._title_before_article(doc, start - 1):
            return end
        if any(t.text[:1].isupper() for t in doc[start + 1 : end]):
            return end
        return start + 1

    def _person_after(self, rest: Span) -> bool:
        """Capitalised words with no institution head: a name after a demonym."""
        return all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "X") for t in rest) and not any(
            fold(t.text) in self.heads for t in rest
        )

    @staticmethod
    def _in_compound(doc: Doc, span: Span) -> bool:
        """An acronym hyphenated to another acronym is part of a longer one ("AP" in "AP-HP")."""
        after = doc[span.end : span.end + 2]
        before = doc[max(0, span.start - 2) : span.start]
        glued_after = len(after) == 2 and not span[-1].whitespace_ and after[0].text == "-" and not after[0].whitespace_
        glued_before = (
            len(before) == 2 and not before[0].whitespace_ and before[1].text == "-" and not before[1].whitespace_
        )
        return (glued_after and after[1].is_upper) or (glued_before and before[0].is_upper)

    @staticmethod
    def _code_before_number(doc: Doc, span: Span) -> bool:
        """A short capitalised code before a number is a road, a model or a form ("RN 7", "A 320")."""
        nxt = doc[span.end] if span.end < len(doc) else None
        return len(span) == 1 and len(span.text) <= 3 and span.text.isupper() and nxt is not None and nxt.like_num

    @staticmethod
    def _droppable_lead(token: Token) -> bool:
        """Articles and punctuation before a name; a capitalised article inside a sentence is part of it
        ("le journal La Tribune", "Les Républicains")."""
        if token.is_space or token.pos_ in ("PUNCT", "ADP", "CCONJ"):
            return True
        if token.pos_ == "DET":
            return token.is_sent_start or not token.text[:1].isupper()
        return False

    def _cut(
        self, doc: Doc, start: int, end: int, dates: set[int], cut_commas: bool = False, places: set[int] | None = None
    ) -> int:
        """End of the name inside an entity: before a date, a possessive ("pour notre sécurité"), a title
        that opens a role phrase ("l'Organisation le ministre …"), (``cut_commas``) a comma, or a preposition
        that no name's complement opens before a known place ("au siège de l'Organisation à Bruxelles")."""
        for i in range(start + 1, end):
            token = doc[i]
            if i in dates or "Yes" in token.morph.get("Poss", []) or (token.text == "," and cut_commas):
                return i
            if (
                places
                and token.pos_ == "ADP"
                and token.lower_ not in self.inner_preps
                and i + 1 in places
                and i + 1 < end
                and all(k in places for k in range(i + 1, end))
            ):
                return i
            if doc[i - 1].pos_ == "DET" and self._title_at(doc, i) is not None:
                return i - 1 if i - 1 > start else i
        return end

    def _title_abbreviation(self, doc: Doc, start: int, end: int) -> bool:
        """One word in parentheses whose letters abbreviate a function title and its complement right
        before it ("chef d'état-major des armées (CEMA)", "secrétaire général adjoint (SGA)")."""
        if end - start != 1 or start < 2 or doc[start - 1].text != "(" or end >= len(doc) or doc[end].text != ")":
            return False
        for k in range(max(0, start - 1 - MAX_TITLE_PHRASE), start - 1):
            if self._title_at(doc, k) is not None and acronym_fits(
                doc[start].text, doc[k : start - 1].text, self.function_words, strict=True
            ):
                return True
        return False

    def _title_at(self, doc: Doc, i: int) -> int | None:
        """End of a function title starting at token ``i`` (lexicon ``titles.tsv``), or None."""
        memo = self._title_ends.get(doc)
        if memo is None or memo.get(-1) != len(doc):
            memo = self._title_ends[doc] = {-1: len(doc)}  # (-1: the length it was made for)
        if i in memo:
            return memo[i]
        texts, ws = (table := TokenTable.of(doc)).texts, table.ws
        best = None
        text = ""  # the text of tokens i .. i+n-1, as Span.text gives it (no white space after the last)
        for n in range(1, self.max_title_words + 2):
            if i + n > len(texts):
                break
            text = text + ws[i + n - 2] + texts[i + n - 1] if n > 1 else texts[i]
            folded = _fold_text(text)
            if folded in self.titles:
                best = i + n
            if folded and folded not in self.title_prefixes:
                break
        memo[i] = best
        return best

    def _title_before(self, doc: Doc, i: int, titles: frozenset[str] | None = None) -> bool:
        """A function title (of ``titles``, by default any) ends at token ``i``."""
        wanted = self.titles if titles is None else titles
        texts, ws = (table := TokenTable.of(doc)).texts, table.ws
        text = ""  # the text of tokens i-n+1 .. i
        for n in range(1, self.max_title_words + 2):
            start = i - n + 1
            if start < 0:
                break
            text = texts[start] + ws[start] + text if n > 1 else texts[i]
            if _fold_text(text) in wanted:
                return True
        return False

    def _extend_dangling(self, doc: Doc, after: int, end: int) -> int:
        """An entity cut before its last name ("… la coopération en" + "Europe") takes that name back."""
        nxt = doc[after] if after < len(doc) else None
        if nxt is None or not nxt.text[:1].isupper() or nxt.ent_type_ in ("PER", ""):
            return end
        stop = after
        while stop < len(doc) and doc[stop].ent_iob_ != "O" and (stop == after or doc[stop].ent_iob_ == "I"):
            stop += 1
        return stop

    def _is_role_phrase(self, doc: Doc, start: int, end: int) -> bool:
        """A function title ("ministre russe des Affaires étrangères"), or a portfolio of common nouns after
        one ("ministre de l'Éducation nationale, de l'Enfance et de la Jeunesse")."""
        if self._title_at(doc, start) is not None:
            return True
        first = doc[start]
        if first.is_upper and len(first) > 1:
            return False
        # a head noun ("Communauté", "Conseil") names a body, except as a later item of a minister's enumeration
        # of portfolios ("ministre des Affaires étrangères, de la Communauté nationale à l'étranger et des
        # Affaires africaines")
        head = fold(first.text) in self.heads
        before = doc[start - 1] if start > 0 else None
        if (
            not head
            and before is not None
            and "Def" in before.morph.get("Definite", [])
            and self._title_before_article(doc, start - 1, self.portfolio_titles)
        ):
            return True  # "ministre de la Justice", "ministre des Finances", "ministre iranien des Transports"
        # a proper noun ends an enumeration of portfolios only under a ministerial title ("ministre du Travail,
        # de la Santé et des Solidarités"); after another title it names a body ("président de l'Olympique");
        # so does a head noun, or an enumeration reaching over a complement in lower case ("à l'étranger")
        enumeration_titles = self.portfolio_titles if first.pos_ == "PROPN" or head else None
        i, steps = start - 1, 0
        listed = False  # a comma or a conjunction between the title and the name: a later item of a list
        while i >= 0 and steps < 14:
            token = doc[i]
            if self._title_before(doc, i, enumeration_titles) and i < start - 1:
                return listed or not head
            # a complement in lower case inside a later item of the list ("…, de la Communauté nationale à
            # l'étranger et des Affaires africaines"), under a minister's title only
            complement = (
                listed
                and token.pos_ == "NOUN"
                and token.text[:1].islower()
                and i > 1
                and (doc[i - 1].pos_ == "ADP" or doc[i - 1].pos_ == "DET" and doc[i - 2].pos_ == "ADP")
            )
            if complement:
                enumeration_titles = self.portfolio_titles
            listed = listed or token.text == "," or token.pos_ == "CCONJ"
            portfolio_word = (
                token.pos_ in ("DET", "ADP", "CCONJ")
                or is_adjective(token)
                or token.text == ","
                or "Part" in token.morph.get("VerbForm", [])
                or (token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ != "PER")
                or complement
            )
            if not portfolio_word or token.is_sent_start:
                return False
            i, steps = i - 1, steps + 1
        return False

    def _title_before_article(self, doc: Doc, i: int, titles: frozenset[str] | None = None) -> bool:
        """A title (and maybe a national adjective) then a preposition end right before the article at ``i``."""
        j = i - 1 if doc[i].pos_ == "DET" else i  # "de [la]", "des"
        if j < 0 or doc[j].pos_ != "ADP":
            return False
        j -= 1
        if j >= 0 and is_adjective(doc[j]) and not self._title_before(doc, j, titles):
            j -= 1
        return j >= 0 and self._title_before(doc, j, titles)

    @staticmethod
    def _is_honorific(doc: Doc, span: Span) -> bool:
        """A short dotted abbreviation ("S.A.R.", "S.E.M.") is an honorific, not an organisation."""
        letters = span.text.replace(".", "")
        return (
            len(span) == 1
            and span.text.count(".") >= 2
            and letters.isalpha()
            and letters.isupper()
            and len(letters) <= 4
        )

    def _is_ordinal(self, token: Token) -> bool:
        """"77e", "Soixante-dix-septième", "première": an ordinal number, before the head of a body that meets
        in numbered sittings ("la 77e Assemblée mondiale de la Santé")."""
        doc = token.doc
        if token.i + 1 >= len(doc) or fold(doc[token.i + 1].text) not in self.sitting_heads:
            return False
        low = token.lower_
        if low in self.ordinal_words:
            return True
        digits = low.lstrip("0123456789")
        if digits != low:
            return digits in self.ordinal_endings
        # spelled out: "deuxième", "soixante-dix-septième" (the long endings only: not "problème")
        return low.replace("-", "").isalpha() and any(low.endswith(e) for e in self.ordinal_endings if len(e) >= 4)

    def _only_honorifics(self, span: Span) -> bool:
        """The span is forms of address only ("Son Excellence Monsieur" before a name): no organisation."""
        words = fold(span.text).split()
        i = 0
        while i < len(words):
            n = next((n for n in (3, 2, 1) if " ".join(words[i : i + n]) in self.honorific_forms), 0)
            if n == 0:
                return False
            i += n
        return bool(words)

    @staticmethod
    def _is_code(doc: Doc, span: Span) -> bool:
        """Letters of a document code ("SG/SM/10520") are no organisation."""
        lo, hi = span.start, span.end
        while lo > 0 and not doc[lo - 1].whitespace_:
            lo -= 1
        while hi < len(doc) and not doc[hi - 1].whitespace_:
            hi += 1
        chunk = doc[lo:hi].text
        return "/" in chunk and any(c.isdigit() for c in chunk)

    def _is_dateline(self, doc: Doc, span: Span, places: set[int]) -> bool:
        """An upper-case place heading a dispatch ("WASHINGTON, 12 mars") is no organisation."""
        letters = [c for c in span.text if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters) or len(letters) <= 4:
            return False
        if any(i in places for i in range(span.start, span.end)):
            return True
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        line_start = before is None or "\n" in before.text or "\n" in before.whitespace_ or before.is_space
        return line_start and after is not None and after.text in {",", "-", "–", "—", "(", ":"}

    @staticmethod
    def _is_stray(doc: Doc, span: Span) -> bool:
        """One word alone on its line (a list of links, a menu), or an upper-case unit after a number ("14 h UTC",
        "8 h (UTC)")."""
        if len(span) != 1:
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if span.text.isupper() and _after_number(doc, span.start):
            return True
        if is_acronym(span.text):
            return False
        opens = before is None or before.is_space or "\n" in before.whitespace_
        closes = after is None or after.is_space or "\n" in span[-1].whitespace_
        if not closes and after is not None and after.is_punct:
            closes = "\n" in after.whitespace_ or after.i + 1 == len(doc) or doc[after.i + 1].is_space
        return opens and closes

    # ---------------------------------------------------------------- selection

    @staticmethod
    def _through_hyphens(doc: Doc, chosen: list[_Cand], countries: set[int]) -> list[_Cand]:
        """A name does not end inside a hyphenated word: "conseil régional de Bourgogne-Franche-Comté", "Comité des
        chefs d'état-major" run on over the hyphens (no space on either side) to the end of the word; not a
        lexicon name joined to a country or another body ("OTAN-Russie", "UE-CELAC")."""
        starts = {c.start for c in chosen}
        out = []
        for c in chosen:
            end = c.end
            while (
                c.source != "lex"
                and end + 1 < len(doc)
                and end + 1 not in countries
                and not doc[end - 1].whitespace_
                and doc[end].text in ("-", "‑")
                and not doc[end].whitespace_
                and doc[end + 1].is_alpha
                and end not in starts
                and end + 1 not in starts
            ):
                end += 2
            out.append(c if end == c.end else _Cand(c.start, end, c.source, c.lexname))
        return out

    def _through_enumeration(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """A department named by its portfolios in lower case runs on over their enumeration to its "et": "le
        Département de la culture, des infrastructures et des ressources humaines", "Département fédéral de
        l'environnement, des transports, de l'énergie et de la communication" (the model stops at a comma). Only
        a name ending on a lower-case complement, and only an enumeration of lower-case complements closed by
        "et" ("le ministère de la Culture, des élus et des artistes" stays as it is)."""
        starts = {c.start for c in chosen}
        out = []
        for c in chosen:
            end = c.end
            last = doc[end - 1]
            lower_end = last.is_lower and last.is_alpha
            if c.source == "lex" or not lower_end or end >= len(doc) or doc[end].lower_ not in (",", "et"):
                out.append(c)
                continue
            j, closed = end, False
            while j < len(doc) and doc[j].lower_ in (",", "et") and not closed:
                closed = doc[j].lower_ == "et"
                k = j + 1
                if k < len(doc) and doc[k].lower_ in self.inner_preps:
                    k += 1
                else:
                    break
                if k < len(doc) and doc[k].lower_ in ("la", "le", "les", "l'", "l’"):
                    k += 1
                if not (k < len(doc) and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ in ("NOUN", "ADJ")):
                    break
                k += 1
                while k < len(doc) and doc[k].is_lower and doc[k].pos_ == "ADJ":
                    k += 1
                if any(i in starts for i in range(j, k)):
                    break
                j = k
            # (the enumeration ends the name: punctuation follows, "(DETEC)", ", a rencontré")
            if closed and j > end and (j >= len(doc) or doc[j].is_punct):
                out.append(_Cand(c.start, j, c.source, c.lexname))
            else:
                out.append(c)
        return out

    def _select(self, doc: Doc, cands: list[_Cand], places: set[int] | None = None) -> list[_Cand]:
        lex = [c for c in cands if c.source == "lex"]
        keep = []
        for original in cands:
            cand = original if original.source == "lex" else self._cut_before_lexicon(doc, original, lex)
            if cand is None:
                continue
            if cand.source != "lex":
                inner = [c for c in lex if c.start >= cand.start and c.end <= cand.end and c.size < cand.size]
                if inner and not self._built_on(doc, cand, inner) and not self._of_place(doc, cand, inner, places):
                    continue
            if self._generic(doc, cand):
                continue
            keep.append(cand)
        keep.sort(key=lambda c: (-c.size, _SOURCE_RANK[c.source], c.start))
        taken: set[int] = set()
        chosen = []
        for cand in keep:
            if any(i in taken for i in range(cand.start, cand.end)):
                continue
            taken.update(range(cand.start, cand.end))
            chosen.append(cand)
        chosen.sort(key=lambda c: c.start)
        return chosen

    @staticmethod
    def _cut_before_lexicon(doc: Doc, cand: _Cand, lex: list[_Cand]) -> _Cand | None:
        """A name running into a lexicon name stops before it ("Conseil ministériel de l'" + "Organisation
        pour la sécurité et la coopération en Europe")."""
        crossing = [c for c in lex if cand.start < c.start < cand.end < c.end]
        if not crossing:
            return cand
        end = min(c.start for c in crossing)
        while end > cand.start and doc[end - 1].pos_ in ("DET", "ADP", "PUNCT", "CCONJ"):
            end -= 1
        return _Cand(cand.start, end, cand.source, cand.lexname) if end > cand.start else None

    def _built_on(self, doc: Doc, outer: _Cand, inner: list[_Cand]) -> bool:
        """An institution named after a lexicon name in its complement ("Conseil ministériel de l'OSCE"), or
        whose head alone is a lexicon name ("Sénat" in "Sénat américain", "Congrès" in "Congrès mondial")."""
        head = doc[outer.start]
        if fold(head.text) not in self.heads:
            return False
        if not (head.is_title or head.lower_ in self.lower_heads):
            # a lower-case committee named with its assembly: "la commission des affaires étrangères du Sénat"
            return head.is_lower and all(c.end == outer.end and doc[c.start - 1].pos_ in ("DET", "ADP") for c in inner)
        return all(
            (c.start > outer.start and doc[c.start - 1].pos_ in ("DET", "ADP"))
            or (c.start == outer.start and c.size == 1)
            for c in inner
        )

    def _of_place(self, doc: Doc, outer: _Cand, inner: list[_Cand], places: set[int] | None) -> bool:
        """A national institution of the lexicon followed by "de"/"du" and a country or place is that country's
        institution, not the lexicon's: "l'Assemblée nationale du Bénin", "l'Assemblée nationale du Québec" (the
        lexicon's "Assemblée nationale" is the French one)."""
        if len(inner) != 1 or inner[0].start != outer.start or inner[0].lexname not in self.national:
            return False  # (a national institution's name: "G20 de Rio" is the summit, no other G20)
        k = inner[0].end
        if k >= outer.end or doc[k].lower_ not in ("de", "du", "d'", "d’", "des"):
            return False
        k += 1
        if k < outer.end and doc[k].pos_ == "DET":
            k += 1
        return k < outer.end and (
            all(i in (places or ()) for i in range(k, outer.end)) or fold(doc[k : outer.end].text) in self.place_forms
        )

    def _generic(self, doc: Doc, cand: _Cand) -> bool:
        """A kind, not a name: "un ministère de la Défense moderne" (after an indefinite article)."""
        if cand.start == 0:
            return False
        prev = doc[cand.start - 1]
        return prev.pos_ == "DET" and "Ind" in prev.morph.get("Definite", [])

    # ---------------------------------------------------------------- main

    def __call__(self, doc: Doc) -> Doc:
        dates = _indices(doc, DATES_GROUP)
        countries = _indices(doc, COUNTRIES_GROUP)
        places = countries | _indices(doc, LOCATIONS_GROUP)
        lexicon = self._lexicon_cands(doc)
        cands = lexicon + self._pattern_cands(doc, countries, dates) + self._ner_cands(doc, dates, places, countries)
        cands += self._head_cands(doc, countries)
        chosen = self._through_enumeration(doc, self._through_hyphens(doc, self._select(doc, cands, places), countries))
        chosen, extended = self._extend_to_acronym(doc, chosen)
        chosen, abbrevs = self._add_parenthesised(doc, chosen)
        chosen = self._parties(doc, chosen, places | dates)
        abbrevs |= extended
        parens = self._parentheses(doc, chosen, abbrevs)
        spans: list[Span] = []
        mentions: list[OrgMention] = []
        weak: list[bool] = []
        for cand in chosen:
            span = doc[cand.start : cand.end]
            spans.append(span)
            weak.append(self._weak(span, cand))
            mentions.append(OrgMention(span.text, span.start_char, cand.lexname, parens.get(cand.start)))
        names = resolve(mentions, self.lexicon, self.function_words)
        result = []
        clusters: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            clusters.setdefault(name, []).append(i)
        for name, members in clusters.items():
            if all(weak[i] for i in members):
                continue  # "le Conseil" with no named council in the document
            for i in members:
                spans[i]._.norm = name
                result.append(spans[i])
        doc.spans[ORGS_GROUP] = sorted(result, key=lambda s: s.start)
        self._drop_inner_places(doc, result)
        return doc

    def _drop_inner_places(self, doc: Doc, orgs: list[Span]) -> None:
        """A place inside an organisation's name is no mention of a place (spec: Locations): "Afrique" in
        "Marché commun de l'Afrique orientale et australe"; nor is a lexicon organisation read as a place, nor a
        name built on an organisation's head noun ("Conseil régional de Bretagne", "Chambre des communes")."""
        if LOCATIONS_GROUP not in doc.spans or not orgs:
            return
        inside = {i: s for s in orgs for i in range(s.start, s.end)}

        def covered(loc: Span) -> bool:
            org = inside.get(loc.start)
            if org is None or org.end < loc.end:
                return False
            return (
                len(org) > len(loc)
                or self.lexicon.lookup(org.text) is not None
                or (len(org) > 1 and fold(org[0].text) in self.heads)
            )

        kept = [loc for loc in doc.spans[LOCATIONS_GROUP] if not covered(loc)]
        if len(kept) != len(doc.spans[LOCATIONS_GROUP]):
            doc.spans[LOCATIONS_GROUP] = kept

    def _weak(self, span: Span, cand: _Cand) -> bool:
        """A bare head word ("le Conseil") names nothing by itself: it stays only as a short form of a name
        of the document, or when the model too read it as an organisation ("le Parlement a voté")."""
        if cand.lexname is not None or len(span) != 1 or fold(span.text) not in self.heads:
            return False
        return span[0].ent_type_ != "ORG" or not span[0].is_title

    def _extend_to_acronym(self, doc: Doc, chosen: list[_Cand]) -> tuple[list[_Cand], set[str]]:
        """A name cut short before the acronym that follows it runs up to the parenthesis when the words
        in between complete it ("Mission des Nations unies pour … en Haïti (Minujusth)")."""
        out = list(chosen)
        abbrevs: set[str] = set()
        for cand in chosen:
            stop = cand.end
            while stop < len(doc) and stop - cand.end < 12 and doc[stop].text != "(":
                token = doc[stop]
                if (
                    token.is_punct
                    or token.is_space
                    or token.pos_ in ("VERB", "AUX")
                    and "Part" not in token.morph.get("VerbForm", [])
                ):
                    break
                stop += 1
            if stop == cand.end or stop + 2 >= len(doc) or doc[stop].text != "(" or doc[stop + 2].text != ")":
                continue
            short = doc[stop + 1].text
            if not (is_acronym(short) or short[:1].isupper() and short.isalpha() and len(short) <= 10):
                continue
            if self._fits(short, doc[cand.start : cand.end].text, cand):
                continue
            if not acronym_fits(short, doc[cand.start : stop].text, self.function_words, strict=False):
                continue
            inside = [c for c in out if c is not cand and cand.end <= c.start < stop]
            if any(c.end > stop or self._fits(short, doc[c.start : c.end].text, c) for c in inside):
                continue  # the acronym is that of a name in between ("… et de la Cour pénale internationale (CPI)")
            out = [c for c in out if c not in inside]
            out[out.index(cand)] = _Cand(
                cand.start, stop, cand.source, self.lexicon.lookup(doc[cand.start : stop].text)
            )
            abbrevs.add(short)
        return sorted(out, key=lambda c: c.start), abbrevs

    def _add_parenthesised(self, doc: Doc, chosen: list[_Cand]) -> tuple[list[_Cand], set[str]]:
        """Abbreviations given with a name, "Long (ACR)" or "Abr (Long)", are mentions too, and so is every
        later use of them. Returns the candidates and the abbreviations found."""
        taken = {i for c in chosen for i in range(c.start, c.end)}
        abbrevs: set[str] = set()
        extra = []
        for cand in chosen:
            i = cand.end
            if (
                i + 2 < len(doc)
                and doc[i].text == "("
                and doc[i + 2].text == ")"
                and is_acronym(doc[i + 1].text)
                and not self._title_abbreviation(doc, i + 1, i + 2)
            ):
                abbrevs.add(doc[i + 1].text)
                if i + 1 not in taken:
                    extra.append(_Cand(i + 1, i + 2, "acr"))
                    taken.add(i + 1)
            j = cand.start - 2
            if (
                j >= 0
                and doc[j + 1].text == "("
                and cand.end < len(doc)
                and doc[cand.end].text == ")"
                and j not in taken
                and self._abbreviates(doc[j].text, doc[cand.start : cand.end].text)
            ):
                abbrevs.add(doc[j].text)
                extra.append(_Cand(j, j + 1, "acr"))
                taken.add(j)
        if abbrevs:
            for token in doc:
                if token.text in abbrevs and token.i not in taken:
                    extra.append(_Cand(token.i, token.i + 1, "acr"))
                    taken.add(token.i)
        return sorted(chosen + extra, key=lambda c: c.start), abbrevs

    @staticmethod
    def _parties(doc: Doc, chosen: list[_Cand], blocked: set[int]) -> list[_Cand]:
        """The party in parentheses after a person's name ("Bart De Wever (N-VA)", "Maxime Prévot (Les
        Engagés)"), unless it is a place, a country or a date or already a candidate."""
        taken = {i for c in chosen for i in range(c.start, c.end)} | blocked
        extra = [
            _Cand(start, end, "acr")
            for start, end in parties_in_parentheses(doc)
            if not any(k in taken for k in range(start, end))
        ]
        return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen

    def _abbreviates(self, short: str, long: str) -> bool:
        """A short capitalised word before a name in parentheses that can abbreviate it ("Gjs (Gilets jaunes)")."""
        if not (short[:1].isupper() and short.isalpha() and 2 <= len(short) <= 8) or is_acronym(long):
            return False
        return acronym_fits(short, long, self.function_words, strict=False)

    def _fits(self, acronym: str, long: str, cand: _Cand) -> bool:
        """The acronym abbreviates the name: both are forms of one lexicon entry, or a lexicon form of the
        acronym begins like the name ("Commandement central" for CENTCOM), or its letters fit the name's."""
        entry = self.lexicon.lookup(acronym)
        if entry is None:
            return acronym_fits(acronym, long, self.function_words, strict=False)
        if cand.lexname == entry:
            return True
        mine = words_of(long)
        for form in self.lexicon.forms(entry):
            theirs = words_of(form)
            if (
                len(theirs) > 1
                and not is_acronym(form)
                and (theirs[: len(mine)] == mine or mine[: len(theirs)] == theirs)
            ):
                return True
        # a known acronym whose letters are the name's initials: the name is another form of it ("groupe
        # des Socialistes et Démocrates (S&D)", the lexicon's entry being "Alliance progressiste des ...")
        return acronym_fits(acronym, long, self.function_words, strict=True)

    def _foreign_abbreviation(self, acronym: str, long: str, cand: _Cand) -> bool:
        """An acronym in parentheses right after a name is that name's, though its letters come from
        another language ("Droit et justice (PiS)", "Forum économique mondial (WEF)", "Armée de libération
        nationale (ELN)"), unless it is a known organisation of its own ("Conseil de sécurité (ONU)" gives
        the body the council belongs to) or has more letters than the name has words: it abbreviates
        something larger, the coalition or the compound name the body is part of ("Union calédonienne
        (FLNKS)")."""
        entry = self.lexicon.lookup(acronym)
        if entry is not None and entry != cand.lexname:
            return False
        return sum(c.isalpha() for c in acronym) <= len(words_of(long))

    def _parentheses(self, doc: Doc, chosen: list[_Cand], abbrevs: set[str]) -> dict[int, str]:
        """Start token of a name -> the acronym the text gives with it: "Long (ACR)" or "ACR (Long)"."""
        by_start = {c.start: c for c in chosen}
        out: dict[int, str] = {}
        for cand in chosen:
            i = cand.end
            inner = by_start.get(i + 1) if i + 1 < len(doc) and doc[i].text == "(" else None
            if inner is None or inner.end >= len(doc) or doc[inner.end].text != ")":
                continue
            own, inside = doc[cand.start : cand.end].text, doc[inner.start : inner.end].text
            if (
                (is_acronym(inside) or inside in abbrevs)
                and not is_acronym(own)
                and (self._fits(inside, own, cand) or self._foreign_abbreviation(inside, own, cand))
            ):
                out[cand.start] = inside
            elif (is_acronym(own) or own in abbrevs) and not is_acronym(inside):
                out[inner.start] = own
        return out
