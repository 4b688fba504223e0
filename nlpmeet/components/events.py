"""nlpmeet_events: named events (sessions, summits, conferences, exercises, elections, visits).

Event heads are Matcher patterns in ``models/events.jsonl``. A head is a name when its row says
so ("visite d'État", "exercice ZAPAD 2017") or when what makes it one follows: a named
complement ("sommet de l'OTAN à Bruxelles", "élection de mai 2017": a connector, an optional
article, then an organisation, place, country, date or capitalised name), an event link before
it ("en marge de l'Assemblée générale des Nations unies"), or, for bodies that also are
organisations ("Conseil européen"), a date or a "qui se tiendra" after it; who holds it also names
it ("le sommet que l'OTAN tiendra"). Undated mentions of one kind of election are one event. A
singular head only:
"des réunions", "des entretiens" are not names.

Mentions whose words are contained one in the other ("Assemblée générale des Nations unies",
"72e session de l'Assemblée générale des Nations unies") are one event, named by the longest.
Date: a day or range inside or just after a mention, else in its sentence; location: a place in
the mention ("à Toronto") or just after it ("tenue à New York").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from nlpmeet.components.lexicon import TitleFinder, lexicon
from nlpmeet.components.windows import WindowedMatcher, function_words
from nlpmeet.extensions import (
    COUNTRIES_GROUP,
    DATES_GROUP,
    EVENTS_GROUP,
    LOCATIONS_GROUP,
    ORGS_GROUP,
    PEOPLE_GROUP,
    ROLES_GROUP,
)
from nlpmeet.resources import load_jsonl

MAX_COMPLEMENTS = 4
DISCIPLINE = "discipline"  # the kind of a sport complement (it names no event by itself)
MIN_YEAR, MAX_YEAR = 1800, 2199  # a four-digit number after a name read as its edition's year
AFTER_WINDOW = 12  # tokens after a mention searched for its date or place


@Language.factory("nlpmeet_events")
def make_events(nlp: Language, name: str) -> EventTagger:
    return EventTagger(nlp)


def _key(text: str) -> str:
    return text.lower().replace("’", "'")


def _words(text: str) -> frozenset[str]:
    """The words of 3+ letters, and the short names that tell events apart ("G7", "UA", "COP28")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return frozenset(
        w.casefold()
        for w in re.split(r"[\W_]+", text)
        if len(w) >= 3 or (len(w) == 2 and (w.isupper() or any(c.isdigit() for c in w)))
    )


@dataclass(frozen=True)
class EventData:
    rows: tuple[dict[str, Any], ...]
    words: dict[str, frozenset[str]]
    links: tuple[tuple[str, ...], ...]
    held: frozenset[str]


@cache
def event_data() -> EventData:
    rows = []
    words: dict[str, set[str]] = {}
    links = []
    held = set()
    for row in load_jsonl("events.jsonl"):
        kind = row["kind"]
        if kind == "pattern":
            rows.append(row)
        elif kind == "link":
            links.append(tuple(_key(w) for w in row["phrase"]))
        elif kind == "held":
            held.add(row["lemma"])
        else:
            words.setdefault(kind, set()).add(_key(row["word"]))
    return EventData(tuple(rows), {k: frozenset(v) for k, v in words.items()}, tuple(links), frozenset(held))


@dataclass
class Mention:
    start: int
    end: int
    label: str


class EventTagger:
    def __init__(self, nlp: Language) -> None:
        self.data = event_data()
        self.org_names = frozenset(str(row["name"]) for row in load_jsonl("organizations.jsonl"))
        self.matcher = Matcher(nlp.vocab)
        for n, row in enumerate(self.data.rows):
            self.matcher.add(f"EV{n}", [row["pattern"]])
        self.windowed = WindowedMatcher(self.matcher, [row["pattern"] for row in self.data.rows], function_words())

    def __call__(self, doc: Doc) -> Doc:
        self.doc = doc
        self.named = self._named_spans(doc)
        self.finder: TitleFinder | None = None
        mentions: list[Mention] = []
        # without a tagger, the patterns' optional adjectives simply do not match
        for match_id, start, end in self.windowed(doc, allow_missing=True):
            row = self.data.rows[int(doc.vocab.strings[match_id][2:])]
            while start < end and doc[start].pos_ in {"DET", "ADP"}:
                start += 1
            if start >= end:
                continue
            m = self._complete(doc, row, start, end)
            if m is not None:
                mentions.append(m)
        mentions = self._longest(mentions)
        spans = []
        for m in mentions:
            span = Span(doc, m.start, m.end, label=m.label)
            spans.append(span)
        clusters = self._cluster(spans)
        info: dict[str, dict[str, Any]] = {}
        for cluster in clusters:
            norm = max((s.text for s in cluster), key=lambda t: (len(_words(t)), len(t)))
            for s in cluster:
                s._.norm = norm
            info[norm] = {"date": self._date(doc, cluster), "location": self._location(doc, cluster)}
        doc.spans[EVENTS_GROUP] = sorted(spans, key=lambda s: s.start)
        doc._.events = info
        self._drop_event_names_as_orgs(doc, spans)
        return doc

    def _drop_event_names_as_orgs(self, doc: Doc, events: list[Span]) -> None:
        """An event's own name is no organisation (the model reads some as one): the whole event ("le Forum
        d'affaires Côte d'Ivoire-France"), the proper name apposed to its head word ("le forum Science and
        Technology in Society"), or a name cut inside the event's hyphenated word ("Conseil des ministres franco"
        in "le 24e Conseil des ministres franco-allemand"). An organisation of the lexicon ("Conseil européen")
        and one in the event's complement ("sommet de l'OTAN") stay."""
        if ORGS_GROUP not in doc.spans or not events:
            return
        kept = []
        for org in doc.spans[ORGS_GROUP]:
            if org._.norm not in self.org_names and any(self._names_event(doc, org, ev) for ev in events):
                continue
            kept.append(org)
        if len(kept) != len(doc.spans[ORGS_GROUP]):
            doc.spans[ORGS_GROUP] = kept

    def _names_event(self, doc: Doc, org: Span, ev: Span) -> bool:
        if not (ev.start <= org.start and org.end <= ev.end):
            return False
        if org.start == ev.start and org.end == ev.end:
            # the head says an event, not a standing body ("Forum de Doha"; "Conférence ministérielle de la
            # Francophonie" is both)
            return _key(doc[ev.start].text) in self.data.words.get("event_only", frozenset())
        only = self.data.words.get("event_only", frozenset())
        apposed = org.start == ev.start + 1 and org.end == ev.end
        if apposed and doc[ev.start].is_lower and _key(doc[ev.start].text) in only:
            return True  # "le forum Science and Technology in Society" (not "la 77e Assemblée mondiale de la Santé")
        return org.end < ev.end and not doc[org.end - 1].whitespace_ and doc[org.end].text in ("-", "‑")

    # ------------------------------------------------------------------ mentions
    @staticmethod
    def _named_spans(doc: Doc) -> dict[int, tuple[int, str]]:
        """Token start -> (end, group) of the named spans a complement can be."""
        out: dict[int, tuple[int, str]] = {}
        for group in (ORGS_GROUP, LOCATIONS_GROUP, COUNTRIES_GROUP, DATES_GROUP, PEOPLE_GROUP, ROLES_GROUP):
            if group not in doc.spans:
                continue
            for s in doc.spans[group]:
                if s.start not in out or out[s.start][0] < s.end:
                    out[s.start] = (s.end, group)
        return out

    def _named_at(self, i: int) -> tuple[int, str] | None:
        doc = self.doc
        if i >= len(doc):
            return None
        if i in self.named:
            end, group = self.named[i]
            if group == ROLES_GROUP and end in self.named and self.named[end][1] == PEOPLE_GROUP:
                end = self.named[end][0]  # "du président iranien Hassan Rohani"
            return end, group
        tok = doc[i]
        if tok.text[:1].isupper() and tok.is_alpha and tok.pos_ in {"PROPN", "NOUN", ""}:
            j = i + 1
            while j < len(doc) and (
                doc[j].text[:1].isupper() and doc[j].is_alpha or doc[j].pos_ == "ADJ" and doc[j].text.islower()
            ):
                j += 1
            return j, "name"
        return None

    def _complement(self, i: int, deep: bool, joined: bool = False) -> tuple[int, str] | None:
        """End and kind of a complement starting at token i ("de l'OTAN", "à Bruxelles", "de mai 2017");
        ``joined``: the word at i joins a second side to a pair connector's first ("entre A et B")."""
        doc = self.doc
        if i >= len(doc):
            return None
        if not joined and _key(doc[i].text) not in self.data.words.get("connector", frozenset()):
            return None
        if i in self.named and self.named[i][1] == DATES_GROUP:
            return self.named[i]  # a date span that includes its preposition ("de juin")
        j = i + 1
        if j < len(doc) and _key(doc[j].text) in self.data.words.get("determiner", frozenset()):
            j += 1
        if j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text.islower():
            j += 1  # "du nouveau Conseil"
        # "des pays de l'OTAN", "des États membres de l'UE": the members of a named body
        members = self.data.words.get("member", frozenset())
        if j < len(doc) and _key(doc[j].text) in members:
            k = j
            while k + 1 < len(doc) and _key(doc[k + 1].text) in members:
                k += 1
            inner = self._complement(k + 1, False)
            if inner is not None and inner[1] not in (DATES_GROUP, PEOPLE_GROUP, ROLES_GROUP):
                return inner
        # "Coupe du monde de rugby", "Championnats du monde de patinage artistique": a sport extends the name
        if j < len(doc) and _key(doc[j].text) in self.data.words.get("discipline", frozenset()):
            k = j + 1
            while k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].text.islower():
                k += 1
            return k, DISCIPLINE
        named = self._named_at(j)
        if named is not None and named[1] == DATES_GROUP:
            if _key(doc[i].text) not in self.data.words.get("date_connector", frozenset()):
                return None  # "en France au printemps": when, not which
        if named is not None:
            return named
        if deep and j < len(doc) and _key(doc[j].text) in self.data.words.get("office", frozenset()):
            inner = self._complement(j + 1, False)
            if inner is not None and inner[1] != DATES_GROUP:
                return inner
        # "la conférence de soutien au Liban": an aim whose own complement is named
        if j < len(doc) and _key(doc[j].text) in self.data.words.get("purpose", frozenset()):
            inner = self._complement(j + 1, False)
            if inner is not None and inner[1] not in (DATES_GROUP, PEOPLE_GROUP, ROLES_GROUP):
                return inner
        # "les Réunions de printemps du FMI": a season qualifies the head, the next complement names it
        if j == i + 1 and j < len(doc) and _key(doc[j].text) in self.data.words.get("season", frozenset()):
            inner = self._complement(j + 1, False)
            if inner is not None and inner[1] not in (DATES_GROUP, PEOPLE_GROUP, ROLES_GROUP):
                return inner
        # "des ministres de la Défense de l'OTAN": a plural function of a named body
        if j < len(doc) and doc[j].text.islower():
            body = self._body_of_function(j)
            if body is not None:
                return body
        return None

    def _body_of_function(self, j: int) -> tuple[int, str] | None:
        """End of a plural title phrase at token j whose complement names an organisation or a country
        ("ministres des Affaires étrangères du G20", "ministres de la Défense des pays de l'OTAN")."""
        if self.finder is None:
            people = self.doc.spans[PEOPLE_GROUP] if PEOPLE_GROUP in self.doc.spans else []
            self.finder = TitleFinder(self.doc, lexicon(), {i for s in people for i in range(s.start, s.end)})
        phrase = self.finder.at(j)
        if phrase is None or not phrase.plural or phrase.counterpart:
            return None
        if not any(org or country for org, country in phrase.affiliations):
            return None
        return phrase.end, ORGS_GROUP

    def _complete(self, doc: Doc, row: dict[str, Any], start: int, end: int) -> Mention | None:
        needs = row.get("needs", "none")
        deep = bool(row.get("deep"))
        kinds: list[str] = []
        j = end
        pair = False  # the last complement opened with a pair connector ("entre A", waiting for "et B")
        for _ in range(MAX_COMPLEMENTS):
            opener = _key(doc[j].text) if j < len(doc) else ""
            joined = pair and opener in self.data.words.get("pair_and", frozenset())
            comp = self._complement(j, deep and not kinds, joined=joined)
            if comp is None:
                break
            pair = not joined and opener in self.data.words.get("pair_connector", frozenset())
            j, kind = comp
            kinds.append(kind)
        j = self._edition_year(doc, j)
        # a person or a function does not name a session ("la réunion du ministre"), nor a sport a competition
        if needs == "complement" and not [k for k in kinds if k not in (PEOPLE_GROUP, ROLES_GROUP, DISCIPLINE)]:
            held = self._held_by(doc, j) if not kinds else None
            if held is None:
                return None
            j = held
        if needs == "complement" and not kinds and j == end:
            return None
        if needs == "link" and not self._linked(doc, start):
            return None
        if needs == "held" and not kinds and not self._held_after(doc, end):
            return None
        if needs == "held" and kinds and DATES_GROUP not in kinds:
            return None
        return Mention(start, j, row["label"])

    @staticmethod
    def _edition_year(doc: Doc, j: int) -> int:
        """End of a name after the year of its edition written right after it ("Jeux olympiques de Paris 2024",
        "Coupe du monde de rugby 2023"; not "le forum de Dakar 2000 participants")."""
        if j >= len(doc) or j == 0 or not doc[j - 1].whitespace_ or doc[j].shape_ != "dddd":
            return j
        if not MIN_YEAR <= int(doc[j].text) <= MAX_YEAR or not doc[j - 1].is_alpha:
            return j
        if j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN":
            return j
        return j + 1

    def _held_by(self, doc: Doc, i: int) -> int | None:
        """End of "que l'OTAN tiendra" after a head: who holds the event names it."""
        if i >= len(doc) or _key(doc[i].text) not in self.data.words.get("relative", frozenset()):
            return None
        j = i + 1
        if j < len(doc) and _key(doc[j].text) in self.data.words.get("determiner", frozenset()):
            j += 1
        named = self._named_at(j)
        if named is None or named[1] in (PEOPLE_GROUP, ROLES_GROUP, DATES_GROUP):
            return None
        k = named[0]
        if k < len(doc) and doc[k].lemma_ in self.data.held:
            return k + 1
        return None

    def _linked(self, doc: Doc, start: int) -> bool:
        for phrase in self.data.links:
            n = len(phrase)
            i = start - n
            if i > 0 and _key(doc[start - 1].text) in self.data.words.get("determiner", frozenset()):
                i -= 1
            if i >= 0 and all(_key(doc[i + k].text) == phrase[k] for k in range(n)):
                return True
        return False

    def _held_after(self, doc: Doc, end: int) -> bool:
        return any(doc[k].lemma_ in self.data.held for k in range(end, min(len(doc), end + 7)))

    @staticmethod
    def _longest(mentions: list[Mention]) -> list[Mention]:
        chosen: list[Mention] = []
        taken: set[int] = set()
        for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
            if any(i in taken for i in range(m.start, m.end)):
                continue
            chosen.append(m)
            taken.update(range(m.start, m.end))
        return sorted(chosen, key=lambda m: m.start)

    def _org_words(self, span: Span) -> frozenset[str]:
        """The words of a mention with organisation names replaced by their canonical short name."""
        doc = span.doc
        out: set[str] = set()
        i = span.start
        orgs = {s.start: s for s in doc.spans[ORGS_GROUP]} if ORGS_GROUP in doc.spans else {}
        while i < span.end:
            org = orgs.get(i)
            if org is not None and org.end <= span.end + 3 and org._.norm:
                out |= _words(str(org._.norm))
                i = org.end
                continue
            out |= _words(doc[i].text)
            i += 1
        return frozenset(out)

    def _org_tokens(self, span: Span) -> set[int]:
        return {
            i
            for start, (end, group) in self.named.items()
            if group == ORGS_GROUP and span.start <= start and end <= span.end
            for i in range(start, end)
        }

    def _names_and_proper_words(self, span: Span) -> tuple[frozenset[str], frozenset[str]]:
        """The words of the organisation names inside a mention ("G20" in "sommet du G20"), and those of its
        capitalised tokens outside them, its first token apart: what names one occurrence of an organisation's
        event ("Rio" in "G20 de Rio", "New Delhi")."""
        inside = self._org_tokens(span)
        names = frozenset(w for i in sorted(inside) for w in _words(self.doc[i].text))
        proper = frozenset(
            w for tok in span[1:] if tok.i not in inside and tok.text[:1].isupper() for w in _words(tok.text)
        )
        return names, proper

    def _cluster(self, spans: list[Span]) -> list[list[Span]]:
        clusters: list[list[Span]] = []
        Key = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
        keys: list[list[Key]] = []

        def placed(a: Key, b: Key) -> bool:
            # "G20 de Rio" and "sommet du G20": the same organisation's event, one of them also named by its
            # place (two mentions with places of their own, "... de Rio", "... de New Delhi", are two events)
            rest = a[0] - a[2]
            return bool(a[2]) and not b[2] and bool(rest) and rest <= b[0] and bool(a[3] & b[3])

        for s in spans:
            names, proper = self._names_and_proper_words(s)
            k: Key = (_words(s.text), self._org_words(s), proper, names)
            for n, cluster in enumerate(clusters):
                if any(
                    _contained(k[0], o[0]) or _contained(k[1], o[1]) or placed(k, o) or placed(o, k) for o in keys[n]
                ) or any(self._same_undated(s, other) for other in cluster):
                    cluster.append(s)
                    keys[n].append(k)
                    break
            else:
                clusters.append([s])
                keys.append([k])
        return clusters

    def _same_undated(self, a: Span, b: Span) -> bool:
        """Two undated mentions of the same kind of election ("l'élection présidentielle", "la
        présidentielle française") are one event; a year or a date tells elections apart."""
        if a.label_ != "election" or b.label_ != "election":
            return False
        dated = {i for start, (end, group) in self.named.items() if group == DATES_GROUP for i in range(start, end)}
        if any(t.i in dated or t.like_num for t in list(a) + list(b)):
            return False
        heads = {w for row in self.data.rows if row["label"] == "election" for w in _pattern_words(row)}
        return bool((_words(a.text) & _words(b.text)) - heads)

    # ------------------------------------------------------------------ date and place
    @staticmethod
    def _sentence(doc: Doc, span: Span) -> Span:
        return span.sent if doc.has_annotation("SENT_START") else doc[:]

    def _date(self, doc: Doc, cluster: list[Span]) -> str | None:
        dates = sorted(doc.spans[DATES_GROUP], key=lambda s: s.start) if DATES_GROUP in doc.spans else []
        near = []
        for span in cluster:
            for d in dates:
                if span.start <= d.start < span.end + AFTER_WINDOW and d._.norm:
                    if d.start >= span.end and any(t.text in {".", ";"} for t in doc[span.end : d.start]):
                        continue
                    near.append(str(d._.norm))
        if near:
            # a day or a range ("qui se tiendra les 29 et 30 juin") says more than a month ("de juin")
            return next((v for v in near if len(v.split("/")[0]) >= 10), near[0])
        for span in cluster:
            sent = self._sentence(doc, span)
            for d in dates:
                if sent.start <= d.start < sent.end and d._.norm:
                    return str(d._.norm)
        return None

    def _location(self, doc: Doc, cluster: list[Span]) -> str | None:
        locs = sorted(doc.spans[LOCATIONS_GROUP], key=lambda s: s.start) if LOCATIONS_GROUP in doc.spans else []
        for span in cluster:
            for loc in locs:
                if span.start <= loc.start < span.end + 6 and loc._.norm:
                    if loc.start >= span.end and any(t.text in {".", ";", ","} for t in doc[span.end : loc.start]):
                        continue
                    return str(loc._.norm)
        return None


def _contained(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def _pattern_words(row: dict[str, Any]) -> frozenset[str]:
    """The words of the first token of a pattern row ("élection", "scrutin"): an election's head."""
    first = row["pattern"][0]
    lower = first.get("LOWER")
    words = lower.get("IN", []) if isinstance(lower, dict) else [lower] if lower else []
    return frozenset(w for word in words for w in _words(word))
