"""nlpmeet_people: every named person once per document, short forms merged.

Mentions come from the model's PER entities, repaired by rules, and from names the model misses:
after an honorific ("M. X", "S.E.M. X"), after a function title ("le premier ministre libyen,
Fayez Al-Sarraj", "les ministres ... Sergueï Lavrov et Jean-Yves Le Drian"), after an English
caption title ("NATO Secretary General Jens Stoltenberg"), and later repetitions of a name already
found. A mention never includes honorifics or titles; PER entities that are dates, countries or
title phrases are dropped. Mentions are clustered by name key (accents and case ignored), a short
form ("Stoltenberg", "de Hoop Scheffer") joining the full name it is part of; ``_.norm`` of every
mention is the person's fullest form.

Organisation and location spans of earlier components lying inside a name found after an honorific
or a title (the model's "Harlem Désir" as ORG) are removed from their groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlpmeet.components.lexicon import DocWords, Lexicon, SpanIndex, TitleEntry, TitleFinder, is_lower, lexicon
from nlpmeet.extensions import COUNTRIES_GROUP, LOCATIONS_GROUP, ORGS_GROUP, PEOPLE_GROUP
from nlpmeet.normalise.names import fold, fullest, is_part, name_key, title_case_word

MAX_NAME = 7
FUNCTION_POS = ("ADP", "ADV", "SCONJ", "CCONJ", "PRON", "DET")
# kinds of titles.tsv whose holder is named by a reign name ("le roi Charles", "le pape François")
REIGN_KINDS = frozenset({"royal", "pontiff"})
ROMAN = re.compile(r"^[ivxlc]+$")


@Language.factory("nlpmeet_people")
def make_people(nlp: Language, name: str) -> PeopleTagger:
    return PeopleTagger()


@dataclass
class Candidate:
    start: int
    end: int
    strong: bool
    nationality: str | None = None  # "l'Espagnole Carolina Marín" -> ES


class _Names:
    """Token tests and name runs over one Doc."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self._particle: dict[int, bool] = {}
        self._name_word: dict[tuple[int, bool], bool] = {}
        self._run_right: dict[tuple[int, bool], int] = {}
        self.words = DocWords.of(doc)
        self.texts = self.words.texts
        self.spans = SpanIndex(doc)
        self.ents = doc.ents  # the model's entities (Doc.ents builds its spans anew at each read)
        self.per_tokens = {i for e in self.ents if e.label_ == "PER" for i in range(e.start, e.end)}
        # PER entities that hold a title ("Président de la République") are title phrases first
        # (TitleFinder.title_at, which reads only the words: no finder needed for it)
        name_like = {
            i
            for e in self.ents
            if e.label_ == "PER"
            and not any(isinstance(self.words.phrase(lex.titles, t)[1], TitleEntry) for t in range(e.start, e.end))
            for i in range(e.start, e.end)
        }
        self.finder = TitleFinder(doc, lex, name_like)
        self.phrases = self.finder.find_all()
        self.in_title: set[int] = set()
        for ph in self.phrases:
            if self._after_name_particle(ph.start):
                continue  # "Mohamed Ould Cheikh El Ghazouani": no title inside a name
            # a title's own words and complements are not names, but names can follow it
            self.in_title.update(range(ph.start, ph.end))
        self.honorific_end: dict[int, int] = {}
        self.caption_end: dict[int, int] = {}
        # (only where a phrase of the table can start: see DocWords.starts)
        for i in self.words.starts(lex.honorifics):
            n, _ = self.words.phrase(lex.honorifics, i)
            if n and doc[i].text[:1].isupper() or n > 1:
                self.honorific_end[i] = i + n
        for i in self.words.starts(lex.caption_titles):
            n, _ = self.words.phrase(lex.caption_titles, i)
            if n and not doc[i].text.isupper() and not self.finder.title_at(i)[0]:
                self.caption_end[i] = i + n
        self.honorific_tokens = {j for i, e in self.honorific_end.items() for j in range(i, e)}
        self.caption_tokens = {j for i, e in self.caption_end.items() for j in range(i, e)}
        self.blocked = set(self.spans.date) | set(self.spans.country)
        self.soft = set(self.spans.org) | set(self.spans.loc)

    # The token tests and name runs below read only what __init__ computed: memoised per instance,
    # as the candidate rules ask them again and again at the same tokens.
    def is_particle(self, i: int) -> bool:
        found = self._particle.get(i)
        if found is None:
            text = self.texts[i]
            found = self._particle[i] = fold(text).rstrip("'’") in self.lex.particles and len(text) <= 5
        return found

    def is_name_word(self, i: int, soft_ok: bool) -> bool:
        if not self.texts[i][:1].isupper():
            return False  # every name word (an initial too) opens with a capital
        key = (i, soft_ok)
        found = self._name_word.get(key)
        if found is None:
            found = self._name_word[key] = self._is_name_word(i, soft_ok)
        return found

    def _is_name_word(self, i: int, soft_ok: bool) -> bool:
        text = self.texts[i]
        if text.isspace() or i in self.blocked or i in self.in_title:  # (Token.is_space is str.isspace)
            return False
        if i in self.honorific_tokens or i in self.caption_tokens:
            return False
        if not soft_ok and i in self.soft:
            return False
        if self.finder.title_at(i)[0]:
            return self._after_name_particle(i) and self.is_name_word(i - 2, soft_ok)
        if self.finder.gclass(i)[1] is not None and not self.is_particle(i) and not self._inside_name(i, soft_ok):
            return False  # "Les", "Une", "Cette" at the start of a sentence
        if self._opening_participle(i):
            return False  # "Né Jorge Mario Bergoglio à Buenos Aires, …": the participle is no part of the name
        if len(text) <= 3 and text.endswith(".") and text[:1].isupper():
            return True  # an initial: "K.", "H.R."
        if not title_case_word(text) or not any(c.isalpha() for c in text):
            return False
        return text.isupper() or any(c.islower() for c in text) or len(text) == 1

    def _inside_name(self, i: int, soft_ok: bool) -> bool:
        """A capitalised function word inside a sentence, right after a name word: the last word of a name ("Bui
        Thanh Son", "Pham Thi Ma"), not a possessive opening a sentence ("… Macron. Son homologue")."""
        doc = self.doc
        return (
            i > 0
            and self.texts[i][:1].isupper()
            and not self.texts[i].isupper()
            and doc[i].is_sent_start is not True
            and bool(doc[i - 1].whitespace_)
            and "\n" not in doc[i - 1].whitespace_
            and self.finder.gclass(i - 1)[1] is None
            and self.is_name_word(i - 1, soft_ok)
        )

    def _opening_participle(self, i: int) -> bool:
        """Token i is a past participle opening its sentence ("Né", "Élu", "Nommée"), not a given name ("Aimé")."""
        tok = self.doc[i]
        return (
            (
                i == 0
                or bool(tok.is_sent_start)
                or not any(c.isalpha() for c in self.texts[i - 1]) and bool(self.doc[i - 1].whitespace_)
            )
            and "Part" in tok.morph.get("VerbForm", [])
            and self.texts[i] not in self.lex.given_names
        )

    def _after_name_particle(self, i: int) -> bool:
        """Token i (a title word) follows a capitalised particle that follows a capitalised word:
        "Mohamed Ould Cheikh", a name word, not a title."""
        texts = self.texts
        return (
            i > 1
            and texts[i][:1].isupper()
            and texts[i - 1][:1].isupper()
            and texts[i - 2][:1].isupper()
            and self.is_particle(i - 1)
            and bool(self.doc[i - 1].whitespace_)
        )

    def _heading_noun(self, i: int) -> bool:
        """A capitalised common noun opening a line or sentence before "de": "Visite de Kaja Kallas",
        "Déclaration de Jean-Noël Barrot" (not a given name: "Charles de Gaulle")."""
        tok = self.doc[i]
        if tok.pos_ != "NOUN" or self.texts[i] in self.lex.given_names:
            return False
        return i == 0 or tok.is_sent_start or not any(c.isalpha() for c in self.texts[i - 1])

    def glued_hyphen(self, j: int) -> bool:
        doc = self.doc
        return doc[j].text in "-‐‑" and j > 0 and not doc[j - 1].whitespace_ and not doc[j].whitespace_

    def run_right(self, i: int, soft_ok: bool) -> int:
        """End of the name starting at token i (i itself if none)."""
        key = (i, soft_ok)
        found = self._run_right.get(key)
        if found is None:
            found = self._run_right[key] = self._run_right_from(i, soft_ok)
        return found

    def _run_right_from(self, i: int, soft_ok: bool) -> int:
        doc = self.doc
        j = i
        glued = -1
        while j < len(doc) and j - i < MAX_NAME:
            if self.is_name_word(j, soft_ok):
                j += 1
                continue
            if j == i:
                break  # a name starts with a name word ("de" after a title is a preposition)
            if doc[j - 1].text[-1:] in "'’" and not doc[j - 1].whitespace_ and doc[j].is_alpha and j - 1 != i - 1:
                # an apostrophe inside a word ("Ndung'u", "Ng'ang'a"), which the tokenizer splits as an elision
                glued = j
                j += 1
                continue
            nxt = j + 1
            while nxt < len(doc) and nxt - j < 3 and self.is_particle(nxt) and doc[nxt].text[:1].islower():
                nxt += 1  # "von der Leyen", "de la Fontaine"
            if self.is_particle(j) and nxt + 1 < len(doc) and self.glued_hyphen(nxt):
                nxt += 1  # "el-Assad", "al-Joulani"
            if nxt < len(doc) and self.is_name_word(nxt, soft_ok):
                # "Al-Sarraj" split as "Al", "-", "Sarraj"; "de Hoop Scheffer", "bin Salman"
                hyphen = doc[j].text in "-‐‑" and j > i and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                if hyphen or (self.is_particle(j) and j not in self.blocked and j not in self.honorific_tokens):
                    j = nxt if not hyphen else j + 1
                    continue
            break
        # a name ends on a name word (or on the end of a word glued to it by an apostrophe)
        while j > i and not self.is_name_word(j - 1, soft_ok) and j - 1 != glued:
            j -= 1
        return j

    def run_left(self, i: int, soft_ok: bool) -> int:
        """Start of the name that contains token i, looking left over name words and particles."""
        j = i
        while j > 0 and i - j < MAX_NAME:
            prev = j - 1
            if self.doc[prev].pos_ in FUNCTION_POS and not self.is_particle(prev):
                break
            if self.is_name_word(prev, soft_ok) and self.doc[prev].whitespace_ or (
                self.doc[prev].text in "-‐‑" and not self.doc[prev].whitespace_ and prev > 0
                and not self.doc[prev - 1].whitespace_ and self.is_name_word(prev - 1, soft_ok)
            ):
                j = prev
                continue
            if (
                self.is_particle(prev)
                and prev > 0
                and self.doc[prev].text[:1].islower()
                and self.is_name_word(prev - 1, soft_ok)
                and not self._heading_noun(prev - 1)
            ):
                j = prev
                continue
            break
        return j


class PeopleTagger:
    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        names = _Names(doc, lex)
        cands = self._candidates(doc, names)
        mentions = self._resolve(cands)
        mentions = self._enumerations(doc, names, mentions)
        mentions = self._propagate(doc, names, mentions)
        mentions = self._confirmed(doc, mentions)
        reign = self._reign_names(doc, names, mentions)
        spans = self._cluster(doc, mentions, self._genders(doc, names, mentions), reign)
        doc.spans[PEOPLE_GROUP] = spans
        people: dict[str, dict] = {s._.norm: {"roles": [], "country": None} for s in spans}
        # the nationality a demonym gives ("l'Espagnole Carolina Marín" -> ES)
        by_offsets = {(s.start, s.end): s._.norm for s in spans}
        for m in mentions:
            norm = by_offsets.get((m.start, m.end))
            if m.nationality and norm is not None and people[norm]["country"] is None:
                people[norm]["country"] = m.nationality
        doc._.people = people
        self._clean_groups(doc, [m for m in mentions if m.strong])
        return doc

    # ------------------------------------------------------------------ candidates
    def _candidates(self, doc: Doc, names: _Names) -> list[Candidate]:
        out: list[Candidate] = []
        # 1. the model's PER entities, trimmed of honorifics/titles and extended over split names
        for ent in names.ents:
            if ent.label_ != "PER":
                continue
            i = ent.start
            while i < ent.end:
                if not names.is_name_word(i, True):
                    i += 1
                    continue
                if i == ent.start and doc[i].pos_ in FUNCTION_POS and not names.is_particle(i):
                    i += 1  # "Selon Ismaël Emelien"
                    continue
                start = names.run_left(i, False) if i == ent.start else i
                while start - 1 >= ent.start and names.is_particle(start - 1) and doc[start - 1].text[:1].islower():
                    start -= 1  # the model's "général de Gaulle": the particle is part of the name
                end = names.run_right(i, False)
                if end <= i:
                    i += 1
                    continue
                end = max(end, min(names.run_right(end, False), end + MAX_NAME)) if end >= ent.end else end
                lone = end - start == 1
                if lone and doc[start].text.isupper() and len(doc[start].text) > 1:
                    pass  # a lone acronym is no name
                elif lone and (doc[start].pos_ in FUNCTION_POS or names.finder.gclass(start)[1]):
                    pass  # "Les", "Un" at the start of a sentence
                else:
                    out.append(Candidate(start, end, False))
                i = end
        # 2. after an honorific: "M. Stoltenberg", "S.E.M. Jean Ping", "Mme l'ambassadeur Rice" (via 3)
        for e in names.honorific_end.values():
            if e in names.honorific_end:
                continue  # "Son Excellence M. X": the last honorific starts the name
            start = e
            if start < len(doc) and names.is_particle(start) and doc[start].text[:1].islower():
                end = names.run_right(start + 1, True)
                if end > start + 1:
                    out.append(Candidate(start, end, True))
                    continue
            end = names.run_right(start, True)
            if end > start:
                out.append(Candidate(start, end, True))
        # 3. after a title phrase: "le premier ministre libyen, Fayez Al-Sarraj"; plural lists
        for ph in names.phrases:
            if all(t.text.isupper() for t in doc[ph.start : ph.end] if t.is_alpha):
                continue  # a heading in capitals: the next capitalised word is no name
            j = ph.end
            first = True
            while j < len(doc):
                if doc[j].text == "," and first:
                    j += 1
                while j in names.honorific_end:
                    j = names.honorific_end[j]
                end = names.run_right(j, True)
                # (a given name alone in apposition is a name, though the model reads it as a place: "le patriarche
                # de Moscou, Kirill,")
                apposed = end == j + 1 and j > 0 and doc[j - 1].text == "," and doc[j].text in names.lex.given_names
                if end <= j or not apposed and self._party(doc, names, j, end):
                    break  # "le président LR de la région", "la députée LaREM": a party, not a name
                if ph.plural and len(doc[j:end].text.split()) < 2:
                    break  # "les députés Gilets jaunes": a plural takes full names
                out.append(Candidate(j, end, True))
                first = False
                if not ph.plural or end >= len(doc) or (doc[end].text != "," and names.finder.gclass(end)[1] != "and"):
                    break
                j = end + 1
        # 5. after a demonym: "l'Espagnole Carolina Routier", "le Hongrois Áron Szilágyi"
        for span in doc.spans[COUNTRIES_GROUP] if COUNTRIES_GROUP in doc.spans else []:
            if span.start == 0 or names.finder.gclass(span.start - 1)[1] not in ("det", "to", "of"):
                continue
            if self._plausible(doc, names, span.end):
                out.append(Candidate(span.end, names.run_right(span.end, True), True, span._.norm))
        # 6. after a noun of person: "le chanteur américain Prince", "la juriste Amal Clooney"
        for i in names.words.starts(names.lex.person_nouns):
            if i < 1:
                continue
            n, _ = names.words.phrase(names.lex.person_nouns, i)
            if not n or names.finder.gclass(i - 1)[1] not in ("det", "of") or doc[i].text[:1].isupper():
                continue
            j = i + n
            while j < len(doc) and j in names.spans.country and is_lower(doc[j]):
                j = names.spans.country[j].end  # "le chanteur américain"
            if self._plausible(doc, names, j):
                out.append(Candidate(j, names.run_right(j, True), True))
        # 7. a name as the modifier of a noun: "le gouvernement Valls", "l'administration Obama"
        for i in names.words.starts(names.lex.eponym_heads):
            if i >= len(doc) - 1:
                continue
            n, _ = names.words.phrase(names.lex.eponym_heads, i)
            if n and is_lower(doc[i]) and i + n < len(doc):
                end = names.run_right(i + n, True)
                if end > i + n and not self._party(doc, names, i + n, end, inside_org=True):
                    out.append(Candidate(i + n, end, True))
        # 8. a given name and a family name the model left out ("Carlo Rubbia" as MISC or nothing)
        for i, text in enumerate(names.texts):
            if text in names.lex.given_names and i not in names.per_tokens and names.is_name_word(i, False):
                end = names.run_right(i, False)
                if len(doc[i:end].text.split()) >= 2 and not any(t in names.per_tokens for t in range(i, end)):
                    out.append(Candidate(i, end, False))
        # 4. English caption lines: "NATO Secretary General Jens Stoltenberg and ..."
        for _c, e in names.caption_end.items():
            if e in names.caption_end:
                continue
            end = names.run_right(e, True)
            if end > e:
                out.append(Candidate(e, end, True))
        return out

    @staticmethod
    def _party(doc: Doc, names: _Names, start: int, end: int, inside_org: bool = False) -> bool:
        """An organisation's name (or acronym) where a name could stand after a title."""
        first = doc[start].text
        if first.isalpha() and first.isupper() and len(first) <= 5 and end - start == 1:
            return True  # "LR", "LFI"
        if re.search(r"[a-z][A-Z]{2,}", first):
            return True  # "LaREM" (not "McMaster")
        if inside_org or len(doc[start:end].text.split()) > 1:
            return False
        # one word that an earlier component or the model takes for an organisation or a place
        for index in (names.spans.org, names.spans.loc):
            span = index.get(start)
            if span is not None and span.start <= start and span.end >= end:
                return True
        return doc[start].ent_type_ in ("ORG", "LOC")

    @staticmethod
    def _plausible(doc: Doc, names: _Names, start: int) -> bool:
        """A name starts at ``start`` in a context that announces one: two words or more, or one word
        that the model does not take for something else and that is no acronym."""
        end = names.run_right(start, True)
        if end - start >= 2:
            return True
        if end - start == 1:
            tok = doc[start]
            return start not in names.soft and not (tok.text.isupper() and len(tok.text) > 1)
        return False

    def _enumerations(self, doc: Doc, names: _Names, mentions: list[Candidate]) -> list[Candidate]:
        """Names listed with a known person: "Powell, Blake et Ashmeade", "Enzo et Cass"."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra: list[Candidate] = []

        def sep(i: int) -> bool:
            return 0 <= i < len(doc) and (doc[i].text == "," or names.finder.gclass(i)[1] == "and")

        def closes(i: int) -> bool:
            return i >= len(doc) or sep(i) or doc[i].is_punct or doc[i].is_space

        for m in list(mentions):
            # to the right
            j = m.end
            while sep(j) and j + 1 < len(doc) and j + 1 not in taken:
                end = names.run_right(j + 1, False)
                last = names.finder.gclass(j)[1] == "and"  # "..., Blake et Powell ont couru"
                if end <= j + 1 or not (last or closes(end)) or not self._plausible(doc, names, j + 1):
                    break
                extra.append(Candidate(j + 1, end, False))
                taken.update(range(j + 1, end))
                j = end
            # to the left
            i = m.start - 1
            while sep(i) and i - 1 >= 0 and i - 1 not in taken:
                start = names.run_left(i - 1, False)
                if not names.is_name_word(i - 1, False) or start > i - 1:
                    break
                if names.run_right(start, False) != i or not (start == 0 or sep(start - 1) or doc[start - 1].is_space):
                    break
                extra.append(Candidate(start, i, False))
                taken.update(range(start, i))
                i = start - 1
        return sorted(mentions + extra, key=lambda c: c.start)

    @staticmethod
    def _resolve(cands: list[Candidate]) -> list[Candidate]:
        """Overlapping candidates: strong first, then the longest."""
        chosen: list[Candidate] = []
        taken: set[int] = set()
        for c in sorted(cands, key=lambda c: (not c.strong, -(c.end - c.start), c.start)):
            if any(i in taken for i in range(c.start, c.end)):
                continue
            chosen.append(c)
            taken.update(range(c.start, c.end))
        return sorted(chosen, key=lambda c: c.start)

    def _propagate(self, doc: Doc, names: _Names, mentions: list[Candidate]) -> list[Candidate]:
        """Later (or earlier) repetitions of a found name or of its parts that the model missed."""
        keys = {name_key(doc[m.start : m.end].text) for m in mentions if m.strong or m.end - m.start > 1}
        strong_keys = {name_key(doc[m.start : m.end].text) for m in mentions if m.strong}
        if not keys:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra: list[Candidate] = []
        known: dict[tuple[tuple[str, ...], bool], bool] = {}  # (key, soft) -> found: names recur
        i, n = 0, len(doc)
        while i < n:
            if i in taken or not names.is_name_word(i, True) or names.is_particle(i):
                i += 1
                continue
            start = i
            if i > 0 and names.is_particle(i - 1) and doc[i - 1].text[:1].isupper() and i - 1 not in taken:
                start = i - 1
            soft = i in names.soft
            end = names.run_right(i, soft)
            if end <= i or any(t in taken for t in range(start, end)):
                i += 1
                continue
            key = name_key(doc[start:end].text)
            found = known.get((key, soft))
            if found is None and soft:  # over the model's ORG/LOC: a full name, or the family name of one
                found = key in strong_keys or any(is_part(key, k) and k[-len(key) :] == key for k in strong_keys)
            elif found is None:
                found = key in keys or any(is_part(key, k) and not self._trivial(key, names) for k in keys)
            known[(key, soft)] = found
            if found:
                # the model's ORG/LOC on a known person's name ("l'administration Trump") gives way
                extra.append(Candidate(start, end, soft))
            i = end
        return sorted(mentions + extra, key=lambda c: c.start)

    @staticmethod
    def _trivial(key: tuple[str, ...], names: _Names) -> bool:
        return all(w in names.lex.particles for w in key)

    @staticmethod
    def _confirmed(doc: Doc, mentions: list[Candidate]) -> list[Candidate]:
        """Drop a person known only from the model's one-word PER entities ("Digg", "Jupiter",
        a capitalised word at the start of a sentence): a single word that the text never gives
        with a first name, an honorific, a title or a demonym is not taken for a person."""
        backed: set[tuple[str, ...]] = set()
        given = lexicon().given_names
        for m in mentions:
            text = doc[m.start : m.end].text
            if m.strong or len(text.split()) > 1 or text in given:  # "Sarah", a given name alone
                backed.add(name_key(text))
        out = []
        for m in mentions:
            key = name_key(doc[m.start : m.end].text)
            if key in backed or any(is_part(key, k) for k in backed):
                out.append(m)
        return out

    # ------------------------------------------------------------------ clusters
    @staticmethod
    def _genders(doc: Doc, names: _Names, mentions: list[Candidate]) -> dict[int, str]:
        """Mention start -> "m" or "f" where the words just before it say: an honorific that has a gender
        ("M.", "Mme"), or a title right before the name, read by its determiner's or its own
        grammatical gender ("le président Sall", "la ministre, Aïssata Tall Sall")."""
        honorific_at = {end: start for start, end in names.honorific_end.items()}
        title_at = {ph.end: ph for ph in names.phrases}
        out: dict[int, str] = {}
        for m in mentions:
            start = honorific_at.get(m.start)
            if start is not None:
                gender = names.words.phrase(names.lex.honorific_genders, start)[1]
                if isinstance(gender, str):
                    out[m.start] = gender
                continue
            before = m.start - 1 if m.start > 0 and doc[m.start - 1].text == "," else m.start
            ph = title_at.get(before)
            if ph is None:
                continue
            cues = [doc[ph.start - 1]] if ph.start > 0 and doc[ph.start - 1].pos_ == "DET" else []
            cues.append(doc[ph.head])
            for tok in cues:
                found = tok.morph.get("Gender", [])
                if len(found) == 1 and found[0] in ("Masc", "Fem"):
                    out[m.start] = "m" if found[0] == "Masc" else "f"
                    break
        return out

    @staticmethod
    def _reign_names(doc: Doc, names: _Names, mentions: list[Candidate]) -> set[tuple[str, ...]]:
        """Keys of one-word names right after a title of a monarch or a pontiff ("le pape François", "le roi
        Charles", "le patriarche Kirill"): a reign name, not the given name of another person the text names in
        full ("François Hollande")."""
        out: set[tuple[str, ...]] = set()
        for m in mentions:
            if m.end - m.start != 1:
                continue
            for j in range(max(0, m.start - 3), m.start):
                n, entry = names.finder.title_at(j)
                if entry is not None and j + n == m.start and entry.kind in REIGN_KINDS:
                    out.add(name_key(doc[m.start : m.end].text))
                    break
        return out

    @staticmethod
    def _cluster(
        doc: Doc,
        mentions: list[Candidate],
        genders: dict[int, str] | None = None,
        reign: set[tuple[str, ...]] | None = None,
    ) -> list[Span]:
        spans = [doc[m.start : m.end] for m in mentions]
        spans = [s for s in spans if name_key(s.text)]
        keys = {s.text: name_key(s.text) for s in spans}
        distinct = sorted({keys[s.text] for s in spans}, key=len, reverse=True)
        # the gender the text gives each key's mentions (None: none, or both)
        gender_of: dict[tuple[str, ...], str | None] = {}
        for s in spans:
            cue = (genders or {}).get(s.start)
            if cue is not None:
                key = keys[s.text]
                gender_of[key] = cue if gender_of.get(key, cue) == cue else None
        # each key joins the longest key it is part of (the first such in the text on a tie), among those of
        # its own gender if it has one, else of none known: "Mme Trump" is Melania Trump, not Donald Trump
        first_pos: dict[tuple[str, ...], int] = {}
        for s in spans:
            first_pos.setdefault(keys[s.text], s.start)
        root: dict[tuple[str, ...], tuple[str, ...]] = {}
        for key in distinct:
            parents = [k for k in distinct if is_part(key, k)]
            if reign and key in reign:
                # "le pape François" is not François Hollande; "le roi Charles" may be "Charles III"
                parents = [k for k in parents if all(w == key[0] or ROMAN.match(w) for w in k)]
            own = gender_of.get(key)
            if own is not None and parents:
                same = [k for k in parents if gender_of.get(root.get(k, k)) == own]
                parents = same or [k for k in parents if gender_of.get(root.get(k, k)) is None] or parents
            if parents:
                longest = max(len(p) for p in parents)
                best = min((p for p in parents if len(p) == longest), key=lambda p: first_pos[p])
                root[key] = root.get(best, best)
            else:
                root[key] = key
            if own is not None and gender_of.get(root[key]) is None:
                gender_of[root[key]] = own  # "Mme Tall Sall" tells the gender of Aïssata Tall Sall
        forms: dict[tuple[str, ...], list[str]] = {}
        for s in spans:
            forms.setdefault(root[keys[s.text]], []).append(s.text)
        norms = {r: fullest(f) for r, f in forms.items()}
        for s in spans:
            s._.norm = norms[root[keys[s.text]]]
        return spans

    @staticmethod
    def _clean_groups(doc: Doc, strong: list[Candidate]) -> None:
        inside = {i for m in strong for i in range(m.start, m.end)}
        if not inside:
            return
        for group in (ORGS_GROUP, LOCATIONS_GROUP):
            if group in doc.spans:
                kept = [s for s in doc.spans[group] if not all(i in inside for i in range(s.start, s.end))]
                if len(kept) != len(doc.spans[group]):
                    doc.spans[group] = kept
