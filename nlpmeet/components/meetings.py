"""nlpmeet_meetings: encounters between named people, with date, place and event.

A meeting is found from a trigger (``models/meeting_triggers.jsonl``): a verb ("rencontrer",
"s'entretenir avec", "rendre visite à") or a noun ("entretien", "entrevue", "déjeuner"). Its
participants are the people around the trigger, read left to right over the clause (the parser
of the small French model is too unreliable on long appositions to be followed alone):

* people met: after the trigger (direct object or "par" agent for object verbs, after the
  preposition for "s'entretenir avec"; after "avec" for nouns), as a list "A, B et C" that
  ends on its last "et"; people inside a relative clause ("avec qui il a évoqué ...") are not
  participants. Items separated by commas or semicolons are distinct encounters ("a rencontré
  A, puis B, et C"), items joined by a bare "et" one joint encounter ("a reçu le roi et la reine").
* "entre A et B": both sides at once.
* the other side: a genitive ("la rencontre du secrétaire général avec"), else the subject
  before the trigger (preferring a grammatical subject, with its "A et B" list), else, for a
  fronted clause ("Lors de son entrevue avec B, le secrétaire général ..."), the first person
  after the people met. Descriptions and pronouns count through ``Doc._.coref``.
* no one met but a plural subject "A et B se sont entretenus" / "ont eu une conversation": one
  meeting of the subjects.
* "X ont pris part à la rencontre", "suivie d'un déjeuner auquel participeront X": the people
  join the previous encounter (a sequel keeps its people and date).
* a signing: "A et B ont signé un accord", "l'accord signé par A et B" (a verb that needs its object); who
  attends it joins ("La signature s'est déroulée en présence de C", "C assistait à la signature" of the signing
  just reported, "à la signature de l'accord entre A et B"); "Les deux dirigeants ont signé …" after a reception
  is that encounter told again.
* a count of people unnamed met ("a reçu trois maires", "les lettres de créance de quatre ambassadeurs"), named
  in the next sentence ("Il s'agit de A, …; de B, …"): they are met, at once or (credentials) one by one.
* "a appelé X" is a call (not "a appelé X à …", "s'appelle X"); the people of one video call ("par visioconférence
  avec A, …, et B") are one talk of all.

* "je" inside a quotation is its speaker (the name after the closing quote, or in a transcript
  paragraph "X — ..."); unquoted "je"/"nous" is the writer named in a title "Lettre ... de X".

Negated, cancelled or refused encounters are dropped. A later meeting whose people are a subset of
an earlier one is the same encounter. Date: the day stated in the meeting's sentence (the nearest to
the trigger), else that of the event it was held at, else the last day stated earlier in its
paragraph; "le même jour" is the day of the previous meeting; a sequel has the day of what it
follows, "précédée de"/"suivie de" with nothing before the first/last day of the last event named;
a range or a month gives null. Place: a place after a locative preposition in its sentence(s), else
the event's, else the place of a lead statement that the encounters were there ("a rencontré des
dirigeants à New York"). Evidence: the sentence stating it, plus those adding its date or people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlpmeet.components.lexicon import lexicon
from nlpmeet.components.roles import describes
from nlpmeet.components.tokens import TokenTable
from nlpmeet.extensions import DATES_GROUP, EVENTS_GROUP, LOCATIONS_GROUP, ORGS_GROUP, PEOPLE_GROUP, ROLES_GROUP
from nlpmeet.normalise.names import fold
from nlpmeet.normalise.titles import word_key
from nlpmeet.resources import load_jsonl

SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(T[\d:]+)?$")
LIST_WINDOW = 60  # tokens after a trigger searched for the people met
NOUN_PREP_WINDOW = 8  # tokens between a trigger noun and its "avec"/"entre"


@Language.factory("nlpmeet_meetings")
def make_meetings(nlp: Language, name: str) -> MeetingFinder:
    return MeetingFinder()


def _key(text: str) -> str:
    return text.lower().replace("’", "'")


PREP_WINDOW = 8  # tokens after a trigger verb where the preposition of the people met must stand ("avec")
INCISE_WINDOW = 16  # the longest incise between commas the search for that preposition reaches over
# tokens after a trigger verb where the noun it needs must stand, over a day between them ("a accordé ce jour une
# audience à X", "a reçu mardi soir la visite de X")
WITH_WINDOW = 5
RELATIVE_WINDOW = 7  # tokens before a verb where "avec lequel" opens its relative clause
HINDER_WINDOW = 6  # tokens before a trigger where the "due" modal of a planned encounter stands
GATHER_WINDOW = 18  # tokens before a relative join clause where its gathering noun stands (over its complements)
NE_WINDOW = 5  # tokens before a verb where its "ne" stands ("ne s'est pas entretenu", "n'a plus rencontré")
AFTER_WINDOW = 4  # tokens after the people met where a verb's "after" noun must stand ("au téléphone")
JOIN_WINDOW = 4  # tokens before an encounter noun where the verb of joining stands ("ont pris part à la rencontre")
OBJECT_WINDOW = 16  # tokens after a verb where the noun it needs must stand ("a signé lundi avec X un accord")


@dataclass(frozen=True)
class Triggers:
    verbs: dict[str, tuple[dict[str, Any], ...]]
    nouns: frozenset[str]
    strict_nouns: frozenset[str]
    words: dict[str, frozenset[str]]
    lemmas: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    participles: tuple[tuple[str, str], ...]
    cancel: dict[str, frozenset[str]]  # cancel lemma -> parts of speech it cancels as (empty: any)
    sides: dict[str, str]  # sequel lemma -> "start"/"end": the end of an event's dates it is on
    # join lemma -> lemmas of the word that must stand right before it ("prendre part": not "pour sa part")
    join_after: dict[str, frozenset[str]] = field(default_factory=dict)
    # join lemma -> tokens before the encounter noun it may stand ("a rejoint la délégation pour le déjeuner": 6)
    join_window: dict[str, int] = field(default_factory=dict)
    # kind -> first word -> the phrases of that kind opening with it, in the data's order
    phrase_starts: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    # kind -> last word -> the phrases of that kind ending with it, in the data's order
    phrase_ends: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    # nouns of an encounter that gathers all its people at once ("une réunion avec A, ministre de …, et B")
    together_nouns: frozenset[str] = frozenset()
    # nouns that people join or attend only when its encounter was just reported ("Z assistait à la signature")
    recent_nouns: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for kind, phrases in self.phrases.items():
            starts: dict[str, list[tuple[str, ...]]] = {}
            ends: dict[str, list[tuple[str, ...]]] = {}
            for phrase in phrases:
                starts.setdefault(phrase[0], []).append(phrase)
                ends.setdefault(phrase[-1], []).append(phrase)
            self.phrase_starts[kind] = {w: tuple(ps) for w, ps in starts.items()}
            self.phrase_ends[kind] = {w: tuple(ps) for w, ps in ends.items()}


@cache
def triggers() -> Triggers:
    verbs: dict[str, list[dict[str, Any]]] = {}
    nouns: set[str] = set()
    strict: set[str] = set()
    together: set[str] = set()
    recent: set[str] = set()
    words: dict[str, set[str]] = {}
    lemmas: dict[str, set[str]] = {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    participles: list[tuple[str, str]] = []
    cancel: dict[str, frozenset[str]] = {}
    sides: dict[str, str] = {}
    join_after: dict[str, frozenset[str]] = {}
    join_window: dict[str, int] = {}
    for row in load_jsonl("meeting_triggers.jsonl"):
        kind = row["kind"]
        if kind == "join" and "after" in row:
            join_after[row["lemma"]] = frozenset(row["after"])
        if kind == "join" and "window" in row:
            join_window[row["lemma"]] = int(row["window"])
        if kind == "sequel" and "side" in row:
            sides[row["lemma"]] = row["side"]
        if kind == "cancel":
            cancel[row["lemma"]] = frozenset(row.get("pos", ()))
        elif kind == "participle":
            participles.append((row["suffix"], row["infinitive"]))
        elif kind == "verb":
            verbs.setdefault(row["lemma"], []).append(row)
        elif kind == "noun":
            nouns.add(row["lemma"])
            if row.get("strict"):
                strict.add(row["lemma"])
            if row.get("together"):
                together.add(row["lemma"])
            if row.get("recent"):
                recent.add(row["lemma"])
        elif "phrase" in row:
            phrases.setdefault(kind, []).append(tuple(_key(w) for w in row["phrase"]))
        elif "lemma" in row:
            lemmas.setdefault(kind, set()).add(row["lemma"])
        else:
            words.setdefault(kind, set()).add(_key(row["word"]))
    return Triggers(
        # rows needing an object noun ("rendre visite à", "recevoir la visite de") are tried first
        {k: tuple(sorted(v, key=lambda r: not r.get("with"))) for k, v in verbs.items()},
        frozenset(nouns),
        frozenset(strict),
        {k: frozenset(v) for k, v in words.items()},
        {k: frozenset(v) for k, v in lemmas.items()},
        {k: tuple(v) for k, v in phrases.items()},
        tuple(sorted(participles, key=lambda p: -len(p[0]))),
        cancel,
        sides,
        join_after=join_after,
        join_window=join_window,
        together_nouns=frozenset(together),
        recent_nouns=frozenset(recent),
    )


@dataclass
class Item:
    """A reference to a named person: a name span, or a description/pronoun resolved by coref."""

    start: int
    end: int
    norm: str
    subject: bool


@dataclass
class Meeting:
    participants: list[str]
    seg: Span
    trigger: int
    date: str | None = None
    dated: bool = False
    location: str | None = None
    event: str | None = None
    extra_segs: list[Span] = field(default_factory=list)
    follows: Meeting | None = None  # the encounter this one is a sequel of ("suivie d'un déjeuner")
    anchor: str | None = None  # "précédée d'un déjeuner" with no encounter before: the side of an event's dates
    later: list[Meeting] = field(default_factory=list)  # later mentions of the same encounter
    merged_into: Meeting | None = None  # this mention is a later mention of that encounter
    restates: Meeting | None = None  # "Les deux dirigeants ont signé …": the encounter just reported, told again
    group: bool = False  # an encounter with people unnamed ("a reçu quatre ambassadeurs"), which named people join
    together: bool = True  # ... all at once ("a reçu trois maires"), not one by one (credentials presented)


def _day(value: str | None) -> str | None:
    if not value:
        return None
    m = DAY.match(value)
    return m.group(1) if m else None


class _Doc:
    """Per-document indexes: segments, people items, spans by token."""

    def __init__(self, doc: Doc, trig: Triggers) -> None:
        self.doc = doc
        self.trig = trig
        # per token, read many times: the key of its text (low(i)), its part of speech, its lemma in lower case
        table = TokenTable.of(doc)
        self.lows: list[str] = [_key(text) for text in table.texts]
        self.pos: list[str] = table.pos
        self.lemmas: list[str] = [lemma.lower() for lemma in table.lemmas]
        # the quotation marks: token -> True when it opens a quotation, False when it closes one
        opens, closes = trig.words.get("quote_open", frozenset()), trig.words.get("quote_close", frozenset())
        self.quotes: dict[int, bool] = {}
        for i, low in enumerate(self.lows):
            if low in opens:
                self.quotes[i] = True
            elif low in closes:
                self.quotes[i] = False
        self.segments = self._segments(doc)
        self.paragraph_of = self._paragraphs(doc)
        self.role_tokens = (
            {i for s in doc.spans[ROLES_GROUP] for i in range(s.start, s.end)} if ROLES_GROUP in doc.spans else set()
        )
        self.items = self._appositions(doc, self._items(doc))
        self.items = sorted(self.items + self._speakers(doc), key=lambda it: it.start)
        self.item_at: dict[int, Item] = {}
        for it in self.items:
            for i in range(it.start, it.end):
                self.item_at[i] = it
        self.agenda_owner = self._agenda_owner()
        self.dates = sorted(doc.spans[DATES_GROUP], key=lambda s: s.start) if DATES_GROUP in doc.spans else []
        self.locs = sorted(doc.spans[LOCATIONS_GROUP], key=lambda s: s.start) if LOCATIONS_GROUP in doc.spans else []
        self.events = sorted(doc.spans[EVENTS_GROUP], key=lambda s: s.start) if EVENTS_GROUP in doc.spans else []
        self.org_tokens = (
            {i for s in doc.spans[ORGS_GROUP] for i in range(s.start, s.end)} if ORGS_GROUP in doc.spans else set()
        )
        # a past participle right after a common noun qualifies it ("en audience privée", "la rencontre
        # prévue vendredi"): no clause verb, unless it is a trigger itself ("la délégation reçue par")
        first_group = tuple(suffix for suffix, infinitive in trig.participles if infinitive == "er")
        self.noun_participles = {
            i
            for i in range(1, len(doc))
            if self.pos[i] == "VERB"
            and self.pos[i - 1] == "NOUN"
            and self.lemmas[i] not in trig.verbs
            and (
                "Part" in doc[i].morph.get("VerbForm", [])
                and "Past" in doc[i].morph.get("Tense", [])
                or self.lows[i].removesuffix("s").endswith(first_group)  # the tagger may call it finite
            )
        }

    def _agenda_owner(self) -> Item | None:
        """The person whose agenda the document is: named in a heading line that opens with "Agenda" or
        "Programme" ("Agenda prévisionnel du Président de la République, Emmanuel Macron")."""
        agenda = self.trig.words.get("agenda", frozenset())
        for seg in self.segments[:3]:
            if self.lows[seg.start] in agenda and self.doc[seg.start].text[:1].isupper():
                return next(iter(self.seg_items(seg)), None)
        return None

    @staticmethod
    def _segments(doc: Doc) -> list[Span]:
        """Sentences, cut again at line breaks (titles, datelines, captions are their own segment)."""
        texts, ws = (table := TokenTable.of(doc)).texts, table.ws
        out: list[Span] = []
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        # the parser cuts some long apposition lists: rejoin a sentence that does not end a sentence
        joined: list[Span] = []
        for sent in sents:
            if joined:
                last = joined[-1]
                tail = next((i for i in range(last.end - 1, last.start - 1, -1) if not texts[i].isspace()), None)
                ends = (
                    tail is None
                    or texts[tail][-1:] in ".!?…»\"”:"
                    or "\n" in texts[last.end - 1] + ws[last.end - 1]
                )
                if not ends:
                    joined[-1] = doc[last.start : sent.end]
                    continue
            joined.append(sent)
        for sent in joined:
            start = sent.start
            for i in range(sent.start, sent.end):
                if "\n" in texts[i] or "\n" in ws[i]:
                    end = i if "\n" in texts[i] else i + 1
                    if end > start:
                        out.append(doc[start:end])
                    start = i + 1
            if sent.end > start:
                out.append(doc[start : sent.end])
        return [s for s in out if any(texts[i].strip() for i in range(s.start, s.end))]

    @staticmethod
    def _paragraphs(doc: Doc) -> list[int]:
        """Paragraph number of each token (paragraphs are separated by a blank line)."""
        texts, ws = (table := TokenTable.of(doc)).texts, table.ws
        para = 0
        out = []
        for i, text in enumerate(texts):
            out.append(para)
            if text.count("\n") + ws[i].count("\n") >= 2 or (
                text.isspace() and "\n" in text and i > 0 and "\n" in ws[i - 1]
            ):
                para += 1
        return out

    @staticmethod
    def _items(doc: Doc) -> list[Item]:
        items: list[Item] = []
        taken: set[int] = set()
        if PEOPLE_GROUP in doc.spans:
            for span in doc.spans[PEOPLE_GROUP]:
                if not span._.norm or any(i in taken for i in range(span.start, span.end)):
                    continue
                subject = any(t.dep_ in SUBJECT_DEPS for t in span) or (
                    span.root.dep_ in {"appos", "flat:name"} and span.root.head.dep_ in SUBJECT_DEPS
                )
                items.append(Item(span.start, span.end, span._.norm, subject))
                taken.update(range(span.start, span.end))
        for index, norm in (doc._.coref or {}).items():
            if index in taken or not norm or index >= len(doc):
                continue
            tok = doc[index]
            items.append(Item(index, index + 1, norm, tok.dep_ in SUBJECT_DEPS or tok.dep_ == "expl:subj"))
        items.sort(key=lambda it: it.start)
        return items

    def _appositions(self, doc: Doc, items: list[Item]) -> list[Item]:
        """A description followed by its name in apposition ("le Premier ministre, ministre d'État,
        Xavier Bettel") is one reference: the name's."""
        starts = {it.start for it in items if it.end - it.start > 1 or it.start not in (doc._.coref or {})}
        out = []
        for it in items:
            if it.start in (doc._.coref or {}) and it.end - it.start == 1:
                j = it.end
                while j < min(len(doc), it.end + 14) and j not in starts:
                    if doc[j].pos_ in {"VERB", "AUX", "CCONJ", "PRON"} or doc[j].text in {";", ".", ":"}:
                        break
                    j += 1
                if j in starts and j > it.end:
                    k = j - 1
                    while k > it.start and doc[k].text[:1].isupper() and doc[k].pos_ != "PROPN":
                        k -= 1  # honorifics before the name
                    if doc[k].pos_ != "ADP":
                        continue  # "le ministre des Affaires étrangères du Kirghizistan, Chingiz Aidarbekov"
            out.append(it)
        return out

    def _speakers(self, doc: Doc) -> list[Item]:
        """First-person singular subjects ("je suis heureux d'accueillir ...") inside a quotation, as
        references to its speaker: the person named right after the closing quote (", a déclaré X", or
        an attribution line "X, premier ministre"), else the subject before the opening quote; in a
        transcript paragraph "X — ...", the person before the dash."""
        names = {it.start: it for it in self.items if it.end - it.start > 1 or it.start not in (doc._.coref or {})}
        out: list[Item] = []
        opened: int | None = None
        questions = self._question_paragraphs(doc)
        interviewee = self._interviewee(doc, names) if questions else None
        for i, opens in sorted(self.quotes.items()):
            if opens:
                opened = i
            elif opened is not None:
                speaker = self._speaker_after(doc, i, names) or self._speaker_before(opened, names) or interviewee
                if speaker is not None:
                    out += self._first_person(doc, opened + 1, i, speaker)
                opened = None
        if interviewee is not None:
            # the interviewer's "vous" is the person interviewed ("Vous avez rencontré lundi X. Qu'en retenez-vous ?")
            for i in range(len(doc)):
                if self.pos[i] == "PRON" and self.paragraph_of[i] in questions:
                    tok = doc[i]
                    if tok.morph.get("Person", []) == ["2"] and tok.dep_ in SUBJECT_DEPS:
                        out.append(Item(i, i + 1, interviewee, True))
        author = self._author(doc, names)
        if author is not None:
            quoted = {i for it in out for i in range(it.start, it.end)}
            inside = False
            for i in range(len(doc)):
                if self.is_word(i, "quote_open"):
                    inside = True
                elif self.is_word(i, "quote_close"):
                    inside = False
                elif not inside and i not in quoted:
                    out += self._first_person(doc, i, i + 1, author, plural=True)
        for seg in self.segments:
            first = next((it for it in self.items if seg.start <= it.start < seg.end), None)
            if first is None or first.end >= seg.end or not self.is_word(first.end, "speaker_mark"):
                continue
            para = self.paragraph_of[seg.start]
            end = seg.end
            while end < len(doc) and self.paragraph_of[end] == para:
                end += 1
            out += self._first_person(doc, first.end + 1, end, first.norm)
        taken = {it.start for it in self.items}
        return [it for it in out if it.start not in taken]

    def _question_paragraphs(self, doc: Doc) -> set[int]:
        """The paragraphs of an interview's questions: outside quotes, ending with a question mark."""
        texts = TokenTable.of(doc).texts
        last: dict[int, int] = {}
        quoted: set[int] = set()
        inside = False
        quotes = self.quotes
        for i, text in enumerate(texts):
            opens = quotes.get(i)
            if opens is not None:
                inside = opens
            if inside:
                quoted.add(self.paragraph_of[i])
            if text.strip():
                last[self.paragraph_of[i]] = i
        return {p for p, i in last.items() if texts[i] == "?" and p not in quoted}

    def _in_title(self, kind: str) -> tuple[list[int], int]:
        """The tokens of the document's title (its first segment) that are words of ``kind``, and the
        title's end."""
        if not self.segments:
            return [], 0
        title = self.segments[0]
        return [i for i in range(title.start, title.end) if self.is_word(i, kind)], title.end

    def _interviewee(self, doc: Doc, names: dict[int, Item]) -> str | None:
        """The person interviewed, named in the title ("Entretien avec X", "Interview de X")."""
        heads, end = self._in_title("interview_noun")
        for i in heads:
            for j in range(i + 1, min(end, i + 4)):
                if self.low(j) in self.trig.words.get("interview_prep", frozenset()):
                    return next((names[k].norm for k in range(j + 1, min(end, j + 8)) if k in names), None)
        return None

    def _author(self, doc: Doc, names: dict[int, Item]) -> str | None:
        """The writer named in the title ("Lettre d'invitation du président X")."""
        heads, end = self._in_title("author_noun")
        for i in heads:
            for j in range(i + 1, min(end, i + 9)):
                if j in names:
                    return names[j].norm
        return None

    def _speaker_after(self, doc: Doc, close: int, names: dict[int, Item]) -> str | None:
        for j in range(close + 1, min(len(doc), close + 14)):
            if j in names:
                return names[j].norm
            if doc[j].text in {".", "«"} or self.is_word(j, "quote_open"):
                return None
        return None

    def _speaker_before(self, opened: int, names: dict[int, Item]) -> str | None:
        for j in range(opened - 1, max(-1, opened - 8), -1):
            if j in names and names[j].subject:
                return names[j].norm
        return None

    @staticmethod
    def _first_person(doc: Doc, start: int, end: int, speaker: str, plural: bool = False) -> list[Item]:
        out = []
        numbers = {"Sing", "Plur"} if plural else {"Sing"}
        for tok in doc[start:end]:
            morph = tok.morph.to_dict()
            if tok.pos_ == "PRON" and morph.get("Person") == "1" and morph.get("Number") in numbers:
                out.append(Item(tok.i, tok.i + 1, speaker, tok.dep_ in SUBJECT_DEPS))
        return out

    def seg_items(self, seg: Span) -> list[Item]:
        return [it for it in self.items if seg.start <= it.start < seg.end]

    # ------------------------------------------------------------------ words
    def low(self, i: int) -> str:
        return self.lows[i]

    def is_word(self, i: int, kind: str) -> bool:
        return self.low(i) in self.trig.words.get(kind, frozenset())

    def has_lemma(self, i: int, kind: str) -> bool:
        return self.lemmas[i] in self.trig.lemmas.get(kind, frozenset()) or self.low(i) in self.trig.lemmas.get(
            kind, frozenset()
        )

    def in_quote(self, start: int, i: int) -> bool:
        """Token i stands inside a quotation opened after token ``start`` (its sentence's start)."""
        for j in range(i - 1, start - 1, -1):
            if j in self.quotes:
                return self.quotes[j]
        return False

    def joins(self, i: int) -> bool:
        """A verb by which people join an encounter ("participer", "assister", "prendre part"; not "pour sa part")."""
        if not self.has_lemma(i, "join"):
            return False
        after = self.trig.join_after.get(self.lemmas[i]) or self.trig.join_after.get(self.low(i))
        return after is None or i > 0 and self.lemmas[i - 1] in after

    def is_cancel(self, i: int) -> bool:
        for lemma in (self.lemmas[i], self.low(i)):
            if lemma in self.trig.cancel:
                allowed = self.trig.cancel[lemma]
                return not allowed or self.pos[i] in allowed
        return False

    def phrase_at(self, i: int, kind: str) -> int:
        if i >= len(self.lows):
            return 0
        for phrase in self.trig.phrase_starts.get(kind, {}).get(self.lows[i], ()):
            n = len(phrase)
            if i + n <= len(self.doc) and all(self.low(i + k) == phrase[k] for k in range(n)):
                return n
        return 0

    def is_verb(self, i: int) -> bool:
        # (a word of a name is no verb: "Nations unies" tagged as a participle; nor is a participle of a
        # function title: "le ministre délégué chargé de la Francophonie, X")
        return (
            self.pos[i] == "VERB"
            and i not in self.item_at
            and i not in self.org_tokens
            and i not in self.noun_participles
            and i not in self.role_tokens
        )


class MeetingFinder:
    def __call__(self, doc: Doc) -> Doc:
        trig = triggers()
        d = _Doc(doc, trig)
        meetings: list[Meeting] = []
        pos, lemmas, lows = d.pos, d.lemmas, d.lows
        for seg in d.segments:
            before = len(meetings)
            for i in range(seg.start, seg.end):
                p, lemma = pos[i], lemmas[i]
                # (a participle needs a noun or adjective after an auxiliary: tested before building the token)
                if (
                    p in {"VERB", "AUX"}
                    and lemma in trig.verbs
                    or p in {"NOUN", "ADJ"}
                    and i > 0
                    and self._participle(d, doc[i]) is not None
                ):
                    tok = doc[i]
                    if not self._negated(d, seg, tok):
                        self._verb(d, seg, tok, meetings)
                elif p in {"NOUN", "PROPN"} and (lemma in trig.nouns or lows[i] in trig.nouns):
                    tok = doc[i]
                    if not self._negated(d, seg, tok):
                        self._noun(d, seg, tok, meetings)
                elif (
                    p == "NOUN"
                    and meetings
                    and self._gathering_at(d, i)
                    and (i + 1 >= seg.end or d.pos[i + 1] == "PUNCT")
                    and self._just_before(d, seg, meetings[-1])
                ):
                    # "A et B ont pris part aux travaux": they join the sitting the sentence before reported (not
                    # "aux travaux du Conseil de sécurité", another sitting)
                    tok = doc[i]
                    if not self._negated(d, seg, tok):
                        self._join(d, seg, tok, meetings)
            self._presence(d, seg, meetings, before)
            self._relative_join(d, seg, meetings, before)
            self._members_named(d, seg, meetings, before)
        # (an encounter with unnamed people that nobody named joined is none)
        meetings = self._merge([m for m in meetings if len(set(m.participants)) >= 2])
        self._dates_places(d, meetings)
        first: dict[str, int] = {}
        for it in d.items:
            first.setdefault(it.norm, it.start)
        doc._.meetings = [
            {
                # in order of first mention in the document (spec/output.md)
                "participants": sorted(m.participants, key=lambda p: first.get(p, len(doc))),
                "date": m.date,
                "location": m.location,
                "event": m.event,
                "start": min([m.seg.start_char] + [s.start_char for s in m.extra_segs]),
                "end": max([m.seg.end_char] + [s.end_char for s in m.extra_segs]),
            }
            for m in meetings
        ]
        return doc

    # ------------------------------------------------------------------ triggers
    @staticmethod
    def _negated(d: _Doc, seg: Span, tok: Token) -> bool:
        """Negated ("n'a pas rencontré", "sans rencontrer"), cancelled or refused ("l'annulation de la
        rencontre", "a refusé de rencontrer", "la rencontre ... a été reportée")."""
        # back over the function words before the trigger, and the first content word
        i = tok.i - 1
        while i >= seg.start:
            if d.is_word(i, "negation") or d.is_cancel(i):
                return True
            if (
                d.pos[i] not in {"AUX", "ADP", "DET", "PRON", "ADV", "PART", "SCONJ"}
                and not d.has_lemma(i, "modal")
                and not (tok.pos_ in {"NOUN", "PROPN"} and d.joins(i))
            ):
                break  # (back over a modal verb too, "n'a pas pu rencontrer"; "n'a pas pu participer à la réunion")
            i -= 1
        if MeetingFinder._in_cancelled_relative(d, seg, tok) or MeetingFinder._called_off_after(d, seg, tok):
            return True
        if MeetingFinder._hindered(d, seg, tok.i):
            return True
        if tok.pos_ not in {"NOUN", "PROPN"}:
            # "ne rencontrera pas", "ne s'entretiendra plus": a word after the verb negates it only with its "ne"
            # before ("s'est entretenu pendant plus de huit heures avec X" is no negation)
            return any(d.is_word(j, "negation_after") for j in range(tok.i + 1, min(seg.end, tok.i + 3))) and any(
                d.is_word(j, "negation_particle") for j in range(max(seg.start, tok.i - NE_WINDOW), tok.i)
            )
        # "la rencontre entre A et B a été reportée", "la rencontre prévue avec X n'a pas pu avoir lieu": the
        # noun is the subject of a cancelling or negated verb
        if MeetingFinder._subject_cancelled(d, tok):
            return True
        for j in range(tok.i + 1, min(seg.end, tok.i + 16)):
            if d.low(j) in {";", "."}:
                break
            if d.is_cancel(j) and d.pos[j] in {"VERB", "AUX", "ADJ"} and not MeetingFinder._takes_infinitive(d, seg, j):
                return True
        return False

    @staticmethod
    def _takes_infinitive(d: _Doc, seg: Span, j: int) -> bool:
        """The cancelling verb at j governs an infinitive ("X, présente à la réunion, a refusé de signer la
        déclaration"): a person refused to do something, the encounter named before was not called off."""
        k = j + 1
        if k < seg.end and d.low(k) in {"de", "d'", "d’", "à"}:
            k += 1
            while k < seg.end and d.pos[k] == "PRON":
                k += 1  # "a refusé de s'y associer"
            return k < seg.end and "Inf" in d.doc[k].morph.get("VerbForm", [])
        return False

    @staticmethod
    def _hindered(d: _Doc, seg: Span, i: int) -> bool:
        """An encounter the person was due at and was kept from: "X, qui devait participer à la séance, était
        retenu à Paris", "Y devait rencontrer Z, mais il a été empêché": a "due" modal a few words before the
        trigger (over the verb of "participer à la séance") and a "hindered" participle after "être" in the
        sentence."""
        due = None
        for j in range(i - 1, max(seg.start, i - HINDER_WINDOW) - 1, -1):
            if d.low(j) in {",", ";", ".", ":"}:
                break
            if d.has_lemma(j, "due") and d.pos[j] in {"VERB", "AUX"}:
                due = j
                break
        if due is None:
            return False
        for k in range(seg.start, seg.end):
            if k != due and d.has_lemma(k, "hindered") and d.pos[k] in {"VERB", "ADJ"}:
                if any(d.lemmas[a] == "être" for a in range(max(seg.start, k - 3), k)):
                    return True
        return False

    @staticmethod
    def _called_off_after(d: _Doc, seg: Span, tok: Token) -> bool:
        """Later in the sentence, a demonstrative names the trigger's encounter as called off: "X devait
        s'entretenir avec Y, mais cette rencontre n'a finalement pas pu avoir lieu", "… ; cet entretien a été
        reporté"."""
        for j in range(tok.i + 1, seg.end):
            if d.pos[j] != "NOUN" or d.lemmas[j] not in d.trig.nouns:
                continue
            noun = d.doc[j]
            if any(c.dep_ == "det" and "Dem" in c.morph.get("PronType", []) for c in noun.children):
                return MeetingFinder._subject_cancelled(d, noun)
        return False

    @staticmethod
    def _subject_cancelled(d: _Doc, noun: Token) -> bool:
        """``noun`` is the subject of a cancelling or negated verb ("la rencontre a été reportée", "n'a pas
        eu lieu")."""
        if noun.dep_ not in ("nsubj", "nsubj:pass") or noun.head.i == noun.i:
            return False
        return MeetingFinder._verb_cancelled(d, noun.head)

    @staticmethod
    def _verb_cancelled(d: _Doc, verb: Token) -> bool:
        """A cancelling verb ("a été reportée"), or a verb negated by a particle and a negation after it
        ("n'a pas eu lieu", "ne s'est finalement pas tenue")."""
        if d.is_cancel(verb.i):
            return True
        marks = [c.i for c in verb.children if c.dep_ == "advmod"]
        return any(d.is_word(i, "negation_particle") for i in marks) and any(
            d.is_word(i, "negation_after") for i in marks
        )

    @staticmethod
    def _in_cancelled_relative(d: _Doc, seg: Span, tok: Token) -> bool:
        """The trigger stands in a relative clause of something called off: "le voyage à Banjul, où il devait
        rencontrer X, est reporté"; "la visite, au cours de laquelle il devait voir X, a été annulée". (Not a
        clause the parser hung on a verb of another sentence: "… n'a pas pu être organisée. Samedi, il
        rejoindra Bordeaux, où l'accueillera X".)"""
        node = tok
        while node.dep_ in ("xcomp", "ccomp") and node.head.i != node.i and tok.i - node.head.i < 6:
            node = node.head  # up over "devait" + infinitive
        if node.dep_ not in ("acl:relcl", "acl", "advcl") or node.head.i == node.i:
            return False
        if not any(d.is_word(i, "relative") for i in range(node.left_edge.i, node.i)):
            return False  # "après avoir rencontré X, il a annulé ...": no relative clause
        head = node.head
        if not seg.start <= head.i < seg.end:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return MeetingFinder._verb_cancelled(d, head)  # the parser hung the clause on the main verb
        while head.dep_ == "nmod" and head.head.i != head.i:
            head = head.head  # "au cours de laquelle": up to the noun the clause speaks of
        return MeetingFinder._subject_cancelled(d, head)

    @staticmethod
    def _participle(d: _Doc, tok: Token) -> str | None:
        """The infinitive of a past participle after an auxiliary that the tagger took for a noun or an
        adjective ("a téléphoné"), if it is a trigger verb."""
        if tok.i == 0 or tok.pos_ not in {"NOUN", "ADJ"}:
            return None
        # right after the auxiliary, or over one adverb ("ont ensuite déjeuné avec X")
        before = tok.i - 1
        if d.pos[before] == "ADV" and before > 0:
            before -= 1
        if d.pos[before] != "AUX":
            return None
        low = tok.text.lower()
        for suffix, infinitive in d.trig.participles:
            if low.endswith(suffix):
                lemma = low[: -len(suffix)] + infinitive
                if lemma in d.trig.verbs:
                    return lemma
        return None

    def _verb(self, d: _Doc, seg: Span, tok: Token, out: list[Meeting]) -> None:
        rows = d.trig.verbs.get(tok.lemma_.lower()) or d.trig.verbs.get(self._participle(d, tok) or "")
        if not rows:
            return
        for row in rows:
            objects = frozenset(row.get("objects", ()))
            hi = self._object_window_end(d, seg, tok.i) if objects else seg.end
            if objects and not self._object_near(d, seg, tok.i, objects, seg.start, hi):
                continue  # "ont signé une tribune": no agreement signed, no encounter
            if row.get("agents_meet") and "Part" in tok.morph.get("VerbForm", []):
                # "la réunion, coprésidée par A et par B": the agents of the passive participle meet, when what
                # they chair is a working sitting (a summit "coprésidé par A et B" is an event attended by many)
                by = next((k for k in range(tok.i + 1, min(seg.end, tok.i + 3)) if d.low(k) == "par"), None)
                lo = max(seg.start, tok.i - GATHER_WINDOW)
                # (or, for a verb that needs its object, that object: "l'accord, signé par A et B")
                sitting = (
                    self._object_near(d, seg, tok.i, objects, lo, tok.i)
                    if objects
                    else any(self._gathering_at(d, n) for n in range(lo, tok.i))
                )
                if by is not None and sitting:
                    agents = [it for g in self._met_list(d, seg, by + 1) for it in g]
                    if len({it.norm for it in agents}) >= 2:
                        self._emit(d, seg, tok.i, [], [agents], out)
                    return
            if row.get("reflexive") and not self._reflexive(d, seg, tok):
                continue
            if row.get("plain") and (self._reflexive(d, seg, tok) or self._bare_participle(d, seg, tok)):
                continue  # "il s'appelle X", "un village appelé X": no call
            if row.get("after") and tok.pos_ != "VERB":
                continue  # ("avoir" as an auxiliary)
            start = tok.i + 1
            if row.get("with"):
                j = self._with_noun(d, seg, tok.i, row["with"])
                if j is None:
                    continue
                start = j + 1
            if row["args"] == "prep":
                prep = self._find_prep(d, seg, start, set(row["preps"]))
                antecedent = None if prep is not None or row.get("with") else self._relative_antecedent(
                    d, seg, tok.i, set(row["preps"])
                )
                met: list[list[Item]]
                if antecedent is not None:
                    # "Y, avec lequel il s'est ensuite entretenu": the person the relative clause hangs on is met
                    met = [[antecedent]]
                elif prep is None:
                    if row.get("with"):
                        continue
                    met = []
                else:
                    met = self._met_list(d, seg, prep + 1)
                    if len(met) > 1 and (row.get("together") or self._one_call(d, seg, tok.i, prep, met)):
                        met = [[it for g in met for it in g]]  # (a meal shared: "a dîné avec A, …, et B")
                    if not met and row.get("group") and self._group_object(d, seg, prep + 1):
                        # "a reçu les lettres de créance de quatre ambassadeurs": people unnamed, named later
                        self._group_meeting(d, seg, tok.i, row, out)
                        return
                    if not met:
                        return  # "X et Y s'entretiendront avec des lycéens": they meet a group, not each other
                # coordinated subjects alone meet one another only through a mutual verb ("se sont entretenus")
                mutual = bool(row.get("mutual"))
            else:
                blocked = self._object_blocked(d, seg, start)
                met = [] if blocked else self._met_list(d, seg, start)
                if not met and row.get("group") and self._group_object(d, seg, start):
                    # "X a réuni les dirigeants de la filière", "a reçu trois maires": an encounter of X with
                    # people unnamed, which named people may join ("en présence de Y", "Autour de la table
                    # figuraient Z", "Il s'agit de Z")
                    self._group_meeting(d, seg, tok.i, row, out)
                    return
                if row.get("together") and met:
                    met = [[it for g in met for it in g]]  # "a réuni A, B et C": one encounter of all
                if row.get("perception") and met:
                    # "a vu X remporter la finale": watched X do something, no encounter
                    last = max(it.end for g in met for it in g)
                    if last < seg.end and "Inf" in d.doc[last].morph.get("VerbForm", []):
                        continue
                if row.get("after"):
                    # "j'ai eu X au téléphone": the noun after the people makes the verb an encounter
                    if not met or not any(
                        d.low(k) in row["after"]
                        for k in range(met[0][-1].end, min(seg.end, met[0][-1].end + AFTER_WINDOW))
                    ):
                        continue
                    met = met[:1]
                if row.get("not_near") and met and (
                    self._word_after(d, seg, met[0][-1].end) in row["not_near"]
                    or any(d.low(k) in row["not_near"] for k in range(start, met[0][0].start))
                ):
                    continue  # "a appelé X à cesser le feu", "appelle au calme X": urged, no call
                mutual = bool(row.get("mutual")) and self._reflexive(d, seg, tok)  # "se sont rencontrés"
            if not met and not mutual:
                return  # "A et B ont reçu une délégation": they received something, not each other
            taken = {id(it) for g in met for it in g}
            subj = self._subject_before(d, seg, tok.i, taken)
            if not subj and met and self._fronted_participle(d, seg, tok):
                # "Reçu mardi par le président X, M. Y a salué …": the main clause's subject was received by the
                # agent (the list of people met runs on to that subject: the agent's group only)
                met = met[:1]
                last = max(it.end for it in met[0])
                after = [it for it in d.seg_items(seg) if it.start >= last and it not in met[0]]
                subj = [next((it for it in after if it.subject), after[0])] if after else []
            self._emit(d, seg, tok.i, subj, met, out)
            return

    @staticmethod
    def _bare_participle(d: _Doc, seg: Span, tok: Token) -> bool:
        """A past participle with no auxiliary before it (over adverbs): "un village appelé X"."""
        if "Part" not in tok.morph.get("VerbForm", []):
            return False
        k = tok.i - 1
        while k >= seg.start and d.pos[k] == "ADV":
            k -= 1
        return k < seg.start or d.pos[k] != "AUX"

    @staticmethod
    def _word_after(d: _Doc, seg: Span, i: int) -> str:
        """The first word from token i on, over commas ("a appelé Y, à son tour, …" reads "à")."""
        while i < seg.end and d.low(i) == ",":
            i += 1
        return d.low(i) if i < seg.end else ""

    @staticmethod
    def _one_call(d: _Doc, seg: Span, verb: int, prep: int, met: list[list[Item]]) -> bool:
        """A video or conference call between the verb and its people ("s'est entretenu par visioconférence
        avec A, …, et B"): one talk of all, unless the list is a sequence ("avec A, puis avec B")."""
        return any(d.phrase_at(k, "one_call") for k in range(verb + 1, prep)) and not MeetingFinder._in_sequence(
            d, prep, met
        )

    @staticmethod
    def _in_sequence(d: _Doc, prep: int, met: list[list[Item]]) -> bool:
        """The people after the preposition at ``prep`` are listed in sequence ("avec A, puis avec B")."""
        last = met[-1][-1].start
        return any(d.is_word(k, "conj_sequence") or d.is_word(k, "prep_with") for k in range(prep + 1, last))

    @staticmethod
    def _object_window_end(d: _Doc, seg: Span, i: int) -> int:
        """The end of the OBJECT_WINDOW words after token i, not counting the words of the people named and their
        titles ("a signé avec le grand imam d'Al-Azhar, Ahmed al-Tayeb, le document …")."""
        k, counted = i + 1, 0
        while k < seg.end and counted < OBJECT_WINDOW:
            if k not in d.item_at and k not in d.role_tokens:
                counted += 1
            k += 1
        return k

    @staticmethod
    def _object_near(d: _Doc, seg: Span, i: int, objects: frozenset[str], lo: int, hi: int) -> bool:
        """One of the nouns ``objects`` stands between tokens ``lo`` and ``hi`` (not inside a name)."""
        return any(
            (d.lemmas[k] in objects or d.low(k) in objects) and d.pos[k] == "NOUN" and k not in d.item_at
            for k in range(lo, hi)
            if k != i
        )

    def _group_meeting(self, d: _Doc, seg: Span, i: int, row: dict[str, Any], out: list[Meeting]) -> None:
        """The encounter of the subject with a group of people unnamed (coordinated subjects who meet a group do
        not meet each other: one subject only)."""
        subj = self._subject_before(d, seg, i, set())
        if len(subj) == 1:
            out.append(Meeting([subj[0].norm], seg, i, group=True, together=not row.get("one_by_one")))

    @staticmethod
    def _with_noun(d: _Doc, seg: Span, i: int, nouns: list[str]) -> int | None:
        """The noun a verb needs, within a few words after it, over its day and its place ("a accordé ce jour une
        audience à X", "a reçu mardi au palais d'État les lettres de créance de"): articles, prepositions and
        punctuation do not count."""
        inside = {k for s in d.dates + d.locs if seg.start <= s.start < seg.end for k in range(s.start, s.end)}
        counted = 0
        for k in range(i + 1, seg.end):
            if d.low(k) in nouns:
                return k
            if k in inside or d.pos[k] in {"DET", "ADP", "PUNCT"}:
                continue
            counted += 1
            if counted >= WITH_WINDOW:
                return None
        return None

    @staticmethod
    def _fronted_participle(d: _Doc, seg: Span, tok: Token) -> bool:
        """A past participle opening its sentence, before the main clause ("Reçu mardi par X, M. Y a …",
        "Accueillie à l'aéroport par X, la ministre s'est rendue …")."""
        return (
            "Part" in tok.morph.get("VerbForm", [])
            and all(d.pos[j] in {"PUNCT", "SPACE", "ADV"} for j in range(seg.start, tok.i))
            and tok.i - seg.start <= 2
        )

    @staticmethod
    def _relative_antecedent(d: _Doc, seg: Span, i: int, preps: set[str]) -> Item | None:
        """The person a relative clause with the verb's preposition hangs on: "… Y, avec lequel il s'est
        entretenu", "Y, avec qui elle a déjeuné" (the preposition and the relative pronoun a few words before
        the verb, the person right before them)."""
        for j in range(i - 1, max(seg.start, i - RELATIVE_WINDOW), -1):
            if d.low(j) in {",", ";", ".", ":"}:
                return None
            if d.low(j - 1) in preps and d.is_word(j, "relative"):
                k = j - 2
                while k >= seg.start and d.low(k) == ",":
                    k -= 1
                return d.item_at.get(k)
        return None

    @staticmethod
    def _reflexive(d: _Doc, seg: Span, tok: Token) -> bool:
        """A reflexive pronoun before the verb, over its auxiliary and adverbs ("s'est par ailleurs
        entretenu", "s'est longuement entretenue")."""
        if any(d.is_word(i, "reflexive") for i in range(max(seg.start, tok.i - 3), tok.i)):
            return True
        i = tok.i - 1
        while i >= max(seg.start, tok.i - 6):
            if d.is_word(i, "reflexive"):
                return True
            if d.pos[i] not in {"AUX", "ADV", "ADP", "PART", "PRON"}:
                return False
            i -= 1
        return False

    @staticmethod
    def _find_prep(d: _Doc, seg: Span, start: int, preps: set[str]) -> int | None:
        i, limit = start, min(seg.end, start + PREP_WINDOW)
        while i < limit:
            if d.low(i) in preps:
                return i
            if d.is_verb(i) or d.low(i) in {";", "."} or i in d.item_at:
                return None
            if d.low(i) == ",":
                # "s'est entretenu hier, en marge de l'Assemblée mondiale de la Santé, avec X": the window
                # reaches over an incise between commas that holds no verb and no person
                close = next((k for k in range(i + 1, min(seg.end, i + INCISE_WINDOW)) if d.low(k) == ","), None)
                if close is not None and not any(d.is_verb(k) or k in d.item_at for k in range(i + 1, close)):
                    limit = max(limit, min(seg.end, close + PREP_WINDOW))
            i += 1
        return None

    @staticmethod
    def _object_blocked(d: _Doc, seg: Span, start: int) -> str | None:
        """A common noun object before any person ("a reçu le soutien de X", "rencontrer des élus de X"):
        "noun"; no person before the clause ends: "end"; else None."""
        for i in range(start, min(seg.end, start + LIST_WINDOW)):
            if i in d.item_at:
                # "a reçu le prix Albert Londres": the name names a thing
                return "noun" if i > start and d.is_word(i - 1, "named_after") else None
            tok = d.doc[i]
            if tok.pos_ == "NOUN" and tok.text[:1].islower() and i not in d.org_tokens and i not in d.role_tokens:
                if MeetingFinder._after_locative(d, start, i):
                    continue
                if any(s.start <= i < s.end for s in d.dates):
                    continue
                if i > start and d.doc[i - 1].like_num and d.pos[i - 1] != "DET":
                    continue  # a day before its month: "le 22 octobre" (but "une délégation" has an article)
                if i + 1 < len(d.doc) and d.doc[i + 1].like_num:
                    continue  # "le mardi 8 juin"
                k = i - 1
                while k >= start and d.doc[k].pos_ == "ADJ":
                    k -= 1
                if k < start or d.doc[k].pos_ != "DET":
                    continue  # an object noun has its article ("le soutien de"); "mardi" has none
                if MeetingFinder._title_of_next_person(d, seg, i):
                    continue  # "le ministre russe, Sergueï Lavrov", "le président chinois Xi Jinping"

                return "noun"
            if d.is_verb(i) or tok.text in {";", "."}:
                return "end"
        return "end"

    @staticmethod
    def _after_locative(d: _Doc, start: int, i: int) -> bool:
        """The noun at i heads a place complement: a locative preposition, then only its article and adjectives
        ("au siège de", "à l'hôtel de Matignon", "autour d'une même table"; not "à Nouméa les délégations",
        whose noun is the object)."""
        locative = d.trig.words.get("locative", frozenset())
        k = i - 1
        while k >= start and d.pos[k] in {"DET", "ADJ"} and i - k <= 3:
            k -= 1
        if k > start and d.pos[k] == "ADP" and d.low(k - 1) in locative:
            k -= 1  # "autour d'une même table"
        return k >= start and d.low(k) in locative

    @staticmethod
    def _group_object(d: _Doc, seg: Span, start: int) -> bool:
        """The object is a plural group of people named by a title or a person noun ("les dirigeants de la filière")."""
        lex = lexicon()
        for i in range(start, min(seg.end, start + LIST_WINDOW)):
            tok = d.doc[i]
            if tok.pos_ == "NOUN" and tok.text[:1].islower() and not any(s.start <= i < s.end for s in d.dates):
                if MeetingFinder._after_locative(d, start, i):
                    continue  # the place before the object: "a réuni à l'hôtel de Matignon les représentants"
                low = tok.text.lower()
                if d.is_word(i, "group_noun"):
                    return True  # a collective noun of people: "a réuni les délégations", "a reçu la délégation"
                plural = "Plur" in tok.morph.get("Number", [])
                return plural and (low in lex.titles or low in lex.person_nouns)
            if d.is_verb(i) or tok.text in {";", "."}:
                return False
        return False

    @staticmethod
    def _names_members(d: _Doc, seg: Span, start: int) -> bool:
        """After "dont" / "parmi lesquels": a person comes before any verb (members named, no relative clause:
        "dont les responsables ont critiqué X")."""
        for i in range(start, min(seg.end, start + LIST_WINDOW)):
            if i in d.item_at:
                return True
            if d.is_verb(i) or d.pos[i] == "AUX" or d.low(i) in {";", "."}:
                return False
        return False

    @staticmethod
    def _title_of_next_person(d: _Doc, seg: Span, i: int) -> bool:
        """Whether the noun at i heads a description of the next person, in apposition or before the
        name, rather than a thing of that person ("le soutien de X": the name follows "de")."""
        for k in range(i + 1, min(seg.end, i + 20)):
            if d.phrase_at(k, "group_members") and d.low(k - 1) == ",":
                # "les représentants des syndicats, dont X": a group of people, X one of them;
                # "le soutien de plusieurs pays, dont X": a thing
                lex = lexicon()
                complement = i >= 2 and d.pos[i - 1] == "DET" and d.pos[i - 2] == "ADP"  # "de l'automobile"
                return complement or d.doc[i].text.lower() in lex.titles or d.doc[i].text.lower() in lex.person_nouns
            if k in d.item_at:
                j = k - 1
                while j > i and d.doc[j].text[:1].isupper() and d.doc[j].pos_ != "PROPN":
                    j -= 1  # honorifics and capitalised titles before the name
                return d.doc[j].pos_ != "ADP"
            if d.is_verb(k) or d.low(k) in {";", "."}:
                return False
        return False

    def _noun(self, d: _Doc, seg: Span, tok: Token, out: list[Meeting]) -> None:
        lemma = tok.lemma_.lower()
        if lemma not in d.trig.nouns and _key(tok.text) not in d.trig.nouns:
            return
        if tok.i in d.item_at:
            return
        # "entre A et B", "avec B", a genitive "du secrétaire général" before "avec"
        genitive: list[Item] = []
        met: list[list[Item]] = []
        between = False
        org_genitive = False
        # an agenda line ("14h00 – Réunion des ministres du Triangle de Weimar, avec M. X et Mme Y"): the
        # owner's encounter, whose people follow anywhere on the line
        agenda_line = d.agenda_owner is not None and all(not d.doc[j].is_alpha for j in range(seg.start, tok.i))
        window = seg.end - tok.i if agenda_line else NOUN_PREP_WINDOW
        for i in range(tok.i + 1, min(seg.end, tok.i + 1 + window)):
            low = d.low(i)
            if agenda_line and low == ",":
                continue
            if d.is_word(i, "prep_between"):
                groups = self._met_list(d, seg, i + 1)
                met = [[it for g in groups for it in g]]
                between = True
                break
            if d.is_word(i, "prep_with"):
                met = self._met_list(d, seg, i + 1)
                if (
                    met
                    and (lemma in d.trig.together_nouns or _key(tok.text) in d.trig.together_nouns)
                    and not self._in_sequence(d, i, met)
                ):
                    met = [[it for g in met for it in g]]  # "une réunion avec A, ministre de …, et B": one of all
                break
            if i == tok.i + 1 and d.is_word(i, "relative_object"):
                # "les entretiens qu'elle a eus mardi avec X, puis avec Y": the relative's subject met them
                at = self._with_in_relative(d, seg, i)
                if at is not None:
                    met = self._met_list(d, seg, at + 1)
                    if met and i + 1 in d.item_at:
                        genitive = [d.item_at[i + 1]]
                break
            if low in {",", ";", ".", ":"} or d.is_verb(i) or d.is_word(i, "relative"):
                break
            if i in d.item_at and d.item_at[i] not in genitive:
                genitive.append(d.item_at[i])
            elif (
                lemma in d.trig.strict_nouns
                and d.doc[i].pos_ == "NOUN"
                and d.doc[i].text[:1].islower()
                and d.doc[i - 1].pos_ == "ADP"
            ):
                return  # "un échange de prisonniers entre A et B"
            if i in d.org_tokens:
                org_genitive = True
        if between:
            # "X assistait à la signature de l'accord entre A et B": who attends it takes part with them
            attends = any(d.joins(j) for j in range(max(seg.start, tok.i - 4), tok.i))
            taken = {id(it) for g in met for it in g}
            subj = self._subject_before(d, seg, tok.i, taken) if attends and met else []
            self._emit(d, seg, tok.i, subj, met, out)
            return
        if not met:
            # "un dîner offert en son honneur par l'ambassadeur X": the host, agent of the participle, meets the
            # sentence's subject
            host = self._agent_of_participle(d, seg, tok)
            if host is not None:
                met = [[host]]
                genitive = [it for it in genitive if it is not host]
                org_genitive = False  # ("par le président du Sénat, X": the host's title, no organisation's meal)
        if self._sequel(d, seg, tok, out, met):
            return
        if self._join(d, seg, tok, out):
            return
        if org_genitive and not genitive and not agenda_line:
            return  # an organisation's meeting with someone is not a meeting between people
        taken = {id(it) for g in met for it in g}
        if genitive:
            subj = genitive
        else:
            subj = self._subject_before(d, seg, tok.i, taken)
            if not subj and met:
                last = max(it.end for g in met for it in g)
                subj = self._subject_after(d, seg, last, taken)
            if not subj and met and d.agenda_owner is not None:
                subj = [d.agenda_owner]  # "10h00 : Entretien avec M. X" in an agenda
            if not subj and met and self._opens_segment(d, seg, tok):
                subj = self._previous_subject(d, seg)  # "X se rendra à Davos. Une rencontre avec Y est prévue."
        side = next(
            (d.trig.sides[d.doc[j].lemma_] for j in range(max(seg.start, tok.i - 4), tok.i)
             if d.doc[j].lemma_ in d.trig.sides),
            None,
        )
        for m in self._emit(d, seg, tok.i, subj, met, out):
            m.anchor = side

    @staticmethod
    def _agent_of_participle(d: _Doc, seg: Span, tok: Token) -> Item | None:
        """The person agent ("par X") of a past participle qualifying the encounter noun ("un dîner offert par
        X", "la réception donnée en son honneur par X")."""
        part = next((j for j in range(tok.i + 1, min(seg.end, tok.i + 3)) if j in d.noun_participles), None)
        if part is None:
            return None
        for it in d.seg_items(seg):
            if it.start <= part:
                continue
            node = d.doc[it.start]
            for _ in range(4):
                if node.dep_ == "obl:agent" and node.head.i == part:
                    return it
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    @staticmethod
    def _with_in_relative(d: _Doc, seg: Span, rel: int) -> int | None:
        """The "avec" of an object relative whose verb has or holds the encounter ("qu'elle a eus mardi avec"),
        within a few tokens and before any punctuation or other clause."""
        held = False
        for k in range(rel + 1, min(seg.end, rel + 9)):
            if d.low(k) in {",", ";", ".", ":"} or d.is_word(k, "relative"):
                return None
            if d.has_lemma(k, "relative_hold") and d.pos[k] == "VERB":  # (not the auxiliary of "a évoquée")
                held = True
            elif d.is_word(k, "prep_with"):
                return k if held else None
        return None

    # ------------------------------------------------------------------ people
    def _met_list(self, d: _Doc, seg: Span, start: int) -> list[list[Item]]:
        """The people met, listed from token ``start``: groups of jointly met people."""
        found: list[Item] = []
        gaps: list[tuple[int, int]] = []
        skipped_tokens: set[int] = set()

        def skipped(j: int) -> bool:
            return j in skipped_tokens

        i = start
        prev_end = start
        skipping = False
        end = min(seg.end, start + LIST_WINDOW)
        while i < end:
            low = d.low(i)
            if skipping:
                if low == ";":
                    skipping = False
                skipped_tokens.add(i)
                i += 1
                continue
            if found and d.phrase_at(i, "presence"):
                break  # "a rencontré X, au palais, en présence de Y": Y attends that encounter (see _presence)
            n = d.phrase_at(i, "group_members")
            if n and i > start and d.low(i - 1) == "," and self._names_members(d, seg, i + n):
                i += n  # "les syndicats, dont le président de la FNSEA, X": X is one of the people met
                continue
            if (
                d.is_word(i, "relative")
                and d.doc[i].pos_ in {"PRON", "SCONJ"}
                and i > start
                and not d.is_word(i - 1, "conj")  # "ainsi qu'avec B": a coordination, no relative clause
            ):
                skipping = True
                i += 1
                continue
            it = d.item_at.get(i)
            if it is not None:
                if not found or found[-1] is not it:
                    gaps.append((prev_end, it.start))
                    found.append(it)
                prev_end = it.end
                i = it.end
                continue
            # (a participle inside a title is no clause verb: "le secrétaire du Cabinet chargé du Trésor, X")
            if d.is_verb(i) and i not in d.role_tokens or low == ".":
                break
            i += 1
        stop = i
        if not found:
            return []
        # an enumeration "A, B et C" runs to its last "et": keep the items before it and the one after
        conj = [
            j
            for j in range(found[0].end, stop)
            if (d.is_word(j, "conj") or d.is_word(j, "conj_sequence")) and not skipped(j)
        ]
        if conj:
            after = [k for k, it in enumerate(found) if it.start > conj[-1]]
            last = after[0] if after else len(found) - 1
            found = found[: last + 1]
        else:
            found = found[:1]
        groups: list[list[Item]] = [[found[0]]]
        for k in range(1, len(found)):
            a, b = gaps[k]
            # "avec A, B" / "avec A puis B" / "avec A et avec B": separate encounters
            if any(
                d.low(j) in {",", ";"} or d.is_word(j, "conj_sequence") or d.is_word(j, "prep_with")
                for j in range(a, b)
            ):
                groups.append([found[k]])
            else:
                groups[-1].append(found[k])
        return groups

    @staticmethod
    def _subject_before(d: _Doc, seg: Span, i: int, taken: set[int]) -> list[Item]:
        """The person subject before token i: nearest grammatical subject, else nearest person,
        with the persons coordinated to it by "et"."""
        cands = [it for it in d.seg_items(seg) if it.end <= i and id(it) not in taken]
        # "la CFDT de Marylise Léon": the person qualifies an organisation, which is the subject
        cands = [
            it
            for it in cands
            if not (it.start > 1 and d.low(it.start - 1) in {"de", "d'", "d’"} and it.start - 2 in d.org_tokens)
        ]
        if not cands:
            return []
        # stop at a clause boundary: a verb between the person and the trigger that is not an auxiliary
        subj = [it for it in cands if it.subject]
        # "sur ses discussions avec B": the possessor is the clause's first subject
        possessive = any("Poss=Yes" in str(d.doc[j].morph) for j in range(max(seg.start, i - 3), i))
        pick = (subj[0] if possessive else subj[-1]) if subj else cands[-1]
        out = [pick]
        k = cands.index(pick)
        while k > 0:
            prev = cands[k - 1]
            gap = range(prev.end, out[0].start)
            # (not "A, au sujet de …, et qu'il …": "et" joins two clauses there, not two people)
            if any(d.is_word(j, "conj") for j in gap) and not any(d.is_verb(j) or d.pos[j] == "SCONJ" for j in gap):
                out.insert(0, prev)
                k -= 1
                continue
            break
        k = cands.index(pick)
        while k + 1 < len(cands):
            nxt = cands[k + 1]
            gap = range(out[-1].end, nxt.start)
            if any(d.is_word(j, "conj") for j in gap) and not any(d.is_verb(j) or d.pos[j] == "SCONJ" for j in gap):
                out.append(nxt)
                k += 1
                continue
            break
        return out

    @staticmethod
    def _opens_segment(d: _Doc, seg: Span, tok: Token) -> bool:
        """The trigger noun opens its sentence, after its article and adjectives ("Une rencontre avec …")."""
        return all(d.pos[j] in {"DET", "ADJ"} for j in range(seg.start, tok.i)) and tok.i - seg.start <= 3

    @staticmethod
    def _previous_subject(d: _Doc, seg: Span) -> list[Item]:
        """The subject of the sentence before, in the same paragraph: the person the encounter is of."""
        k = next((n for n, s in enumerate(d.segments) if s.start == seg.start), 0)
        if k == 0 or d.paragraph_of[d.segments[k - 1].start] != d.paragraph_of[seg.start]:
            return []
        prev = d.segments[k - 1]
        items = d.seg_items(prev)
        subjects = [it for it in items if it.subject]
        if not subjects and items:
            # a misparsed sentence: the person before its first verb is its subject
            verb = next((j for j in range(prev.start, prev.end) if d.pos[j] in {"VERB", "AUX"}), prev.end)
            subjects = [it for it in items if it.end <= verb]
        return subjects[:1]

    @staticmethod
    def _subject_after(d: _Doc, seg: Span, i: int, taken: set[int]) -> list[Item]:
        for it in d.seg_items(seg):
            if it.start >= i and id(it) not in taken:
                return [it]
        return []

    # ------------------------------------------------------------------ sequels and joins
    def _sequel(self, d: _Doc, seg: Span, tok: Token, out: list[Meeting], met: list[list[Item]]) -> bool:
        """"L'entrevue sera suivie d'un déjeuner de travail, auquel participeront X et Y"."""
        if not out:
            return False
        window = range(max(seg.start, tok.i - JOIN_WINDOW), tok.i)
        if not any(d.has_lemma(j, "sequel") for j in window):
            return False
        prev = out[-1]
        people = list(prev.participants)
        for g in met:
            people += [it.norm for it in g]
        people += self._joined_after(d, seg, tok.i)
        m = Meeting(list(dict.fromkeys(people)), seg, tok.i)
        m.extra_segs = [prev.seg]
        m.follows = prev
        out.append(m)
        return True

    def _joined_after(self, d: _Doc, seg: Span, i: int) -> list[str]:
        """People of a relative join clause after token i: "auquel participeront A, B et C"."""
        for j in range(i + 1, min(seg.end, i + 10)):
            if d.joins(j):
                people: list[str] = []
                for k in range(j + 1, seg.end):
                    it = d.item_at.get(k)
                    if it is not None and it.norm not in people:
                        people.append(it.norm)
                return people
        return []

    def _join(self, d: _Doc, seg: Span, tok: Token, out: list[Meeting]) -> bool:
        """"A et B ont également pris part à la rencontre": A and B join the previous encounter."""
        widest = max((JOIN_WINDOW, *d.trig.join_window.values()))
        window = range(max(seg.start, tok.i - widest), tok.i)
        if not out or not any(
            d.joins(j) and tok.i - j <= d.trig.join_window.get(d.lemmas[j], JOIN_WINDOW) for j in window
        ):
            return False
        if self._recent_noun(d, tok.i) and not self._just_before(d, seg, out[-1]):
            return False  # "Z assistait à la signature": of the signing just reported only
        people = [it.norm for it in d.seg_items(seg) if it.end <= tok.i]
        if not people and all(d.pos[j] in {"AUX", "VERB", "ADV", "NOUN", "ADP"} for j in range(seg.start, tok.i - 2)):
            # the subject after the verb: "Ont également pris part à l'audience X et Y"
            people = [it.norm for g in self._met_list(d, seg, tok.i + 1) for it in g]
        if not people:
            return False
        if any(
            d.is_word(j, "negation_particle")
            and not d.in_quote(seg.start, j)  # (not a negation in the words quoted: "« n'est pas sur la table »")
            and any(d.is_word(k, "negation_after") for k in range(j + 1, j + 4))
            for j in range(seg.start, seg.end - 1)
        ):
            return True  # "X, invité à se joindre aux discussions, n'a pas donné suite": X joined nothing
        prev = out[-1]
        if (
            "Plur" not in tok.morph.get("Number", [])
            and self._just_before(d, seg, prev)
            and not any(d.is_word(j, "conj_sequence") for j in range(prev.seg.start, prev.seg.end))
        ):
            # "a reçu A, …, et B. X ont pris part à la rencontre": the one encounter of that sentence's people met
            # (not "s'est entretenu avec A, puis avec B": one after the other)
            siblings = [m for m in out[:-1] if m.seg.start == prev.seg.start and m.trigger == prev.trigger]
            for m in siblings:
                prev.participants = list(dict.fromkeys(m.participants + prev.participants))
                out.remove(m)
        prev.participants = list(dict.fromkeys(prev.participants + people))
        prev.extra_segs.append(seg)
        return True

    @staticmethod
    def _recent_noun(d: _Doc, i: int) -> bool:
        return d.lemmas[i] in d.trig.recent_nouns or d.low(i) in d.trig.recent_nouns

    @staticmethod
    def _just_before(d: _Doc, seg: Span, m: Meeting) -> bool:
        """The encounter ``m`` is reported in this sentence or the one right before it (which may end the paragraph
        before)."""
        k = next((n for n, s in enumerate(d.segments) if s.start == seg.start), 0)
        return m.seg.start == seg.start or k > 0 and m.seg.start == d.segments[k - 1].start

    @staticmethod
    def _gathering_at(d: _Doc, i: int) -> bool:
        """Token i ends a gathering phrase: a sitting people take part in ("une réunion", "les travaux", "une
        table ronde")."""
        for phrase in d.trig.phrase_ends.get("gathering", {}).get(d.lows[i], ()):
            n = len(phrase)
            if i - n + 1 >= 0 and all(d.low(i - n + 1 + k) == phrase[k] for k in range(n)):
                return True
        return False

    def _relative_join(self, d: _Doc, seg: Span, out: list[Meeting], before: int) -> None:
        """"une réunion du Bureau à laquelle ont pris part X et Y", "ont coprésidé les travaux, auxquels ont
        pris part X": the people of the relative join clause sit together at that meeting, with the people
        the sentence already has meet there (the co-chairs) or, else, the subject who held or attended it
        ("Roy a présidé une réunion …", "Il a participé à la réunion …"). A big event ("le sommet, auquel
        ont participé …") is no gathering noun."""
        relatives, lows = d.trig.words.get("relative", frozenset()), d.lows
        for j in range(seg.start, seg.end):
            if lows[j] not in relatives:
                continue
            k = next((k for k in range(j + 1, min(seg.end, j + 4)) if d.joins(k)), None)
            if k is None:
                continue
            lo = max(seg.start, j - GATHER_WINDOW)
            noun = next((n for n in range(j - 1, lo - 1, -1) if self._gathering_at(d, n)), None)
            if noun is None:
                continue
            people = [it.norm for g in self._met_list(d, seg, k + 1) for it in g]
            if not people or self._hindered(d, seg, k):
                continue
            here = [m for m in out[before:] if m.trigger <= noun]
            if here:
                target = here[-1]
                target.participants = list(dict.fromkeys(target.participants + people))
                continue
            taken = {id(it) for it in d.seg_items(seg) if it.start > j}
            holder = [it.norm for it in self._subject_before(d, seg, noun, taken)]
            m = Meeting(list(dict.fromkeys(holder + people)), seg, noun)
            if len(m.participants) >= 2:
                out.append(m)

    def _members_named(self, d: _Doc, seg: Span, out: list[Meeting], before: int) -> None:
        """"X a reçu les lettres de créance de quatre ambassadeurs. Il s'agit de A, …; de B, …": the people the
        sentence right after an encounter with people unnamed lists are those people. Met one by one (each its
        own encounter) after a ceremony where each comes in turn ("lettres de créance"), else all at once ("a reçu
        trois maires. Il s'agit de A, B et C")."""
        n = d.phrase_at(seg.start, "members_named")
        if not n or len(out) != before or not out:
            return
        group = out[-1]
        if not group.group or len(group.participants) != 1 or not self._just_before(d, seg, group):
            return
        listed = [it for g in self._met_list(d, seg, seg.start + n) for it in g]
        met = [listed] if group.together else [[it] for it in listed]
        for k, g in enumerate(met):
            people = [it.norm for it in g if it.norm not in group.participants]
            if not people:
                continue
            if k == 0:
                group.participants += people
                group.extra_segs.append(seg)
            else:
                m = Meeting(group.participants[:1] + people, group.seg, group.trigger)
                m.extra_segs.append(seg)
                out.append(m)

    def _presence(self, d: _Doc, seg: Span, out: list[Meeting], before: int) -> None:
        """"en présence de X": X attends the encounter this sentence reports, or the previous one when
        the sentence names it by a noun and no people of its own ("L'entretien s'est déroulé en présence
        de X"). Not an encounter by itself: a visit "en présence du ministre" makes none."""
        for j in range(seg.start, seg.end):
            n = d.phrase_at(j, "presence")
            table = 0 if n else d.phrase_at(j, "table_presence")
            if not n and not table:
                continue
            if table:
                # "Autour de la table figuraient notamment X et Y": the people of the encounter just reported
                k = j + table
                while k < seg.end and (d.pos[k] in {"VERB", "AUX", "ADV"} and k not in d.item_at):
                    k += 1
                people = [it.norm for g in self._met_list(d, seg, k) for it in g]
                prev = out[-1] if out else None
                para = d.paragraph_of[seg.start]
                # the same paragraph, or the one before when the phrase opens a paragraph of its own
                opens = j == seg.start and (seg.start == 0 or d.paragraph_of[seg.start - 1] != para)
                paras = {para, para - 1} if opens else {para}
                if people and prev is not None and d.paragraph_of[prev.seg.start] in paras:
                    prev.participants = list(dict.fromkeys(prev.participants + people))
                    prev.extra_segs.append(seg)
                return
            people = [it.norm for g in self._met_list(d, seg, j + n) for it in g]
            if not people:
                return
            nouns = [k for k in range(seg.start, j) if d.lemmas[k] in d.trig.nouns or d.low(k) in d.trig.nouns]
            own = [it for it in d.seg_items(seg) if it.end <= (nouns[0] if nouns else j) and it.subject]
            if len(out) > before:
                target = out[-1]
            elif (
                own
                and nouns
                and j + n < seg.end
                and d.pos[j + n] == "ADP"  # "en présence de", "accompagné de"; not "il a accompagné le président X"
                and not any(d.is_verb(k) for k in range(nouns[0] + 1, j))
            ):
                # "X avait présidé la séance du Conseil des ministres, en présence de Y": the sentence's own
                # encounter, of its subject, not the one reported before
                target = Meeting([own[-1].norm], seg, nouns[0])
                out.append(target)
            elif out and nouns and (not self._recent_noun(d, nouns[0]) or self._just_before(d, seg, out[-1])):
                target = out[-1]
                target.extra_segs.append(seg)
            else:
                return
            target.participants = list(dict.fromkeys(target.participants + people))
            return

    @staticmethod
    def _emit(
        d: _Doc, seg: Span, trigger: int, subj: list[Item], met: list[list[Item]], out: list[Meeting]
    ) -> list[Meeting]:
        if not met and len(subj) < 2 and not subj:
            # "les deux chefs de gouvernement auront une entrevue": the previous encounter again, or the two
            # people named before whose titles the description fits ("les deux chefs d'État": the two presidents)
            anaphor = next((j for j in range(seg.start, trigger) if d.phrase_at(j, "pair_anaphor")), None)
            if anaphor is not None:
                pair = MeetingFinder._described_pair(d, anaphor + d.phrase_at(anaphor, "pair_anaphor"), trigger)
                if pair or out:
                    again = Meeting(pair or list(out[-1].participants), seg, trigger)
                    if not pair:
                        again.restates = out[-1]
                    out.append(again)
                    return [again]
        groups = met if met else [[]]
        made = []
        for g in groups:
            people = list(dict.fromkeys([it.norm for it in subj] + [it.norm for it in g]))
            if len(people) < 2:
                continue
            # "a reçu Y, avec lequel il a signé un accord": the sentence's encounter again, not a second one
            told = next((m for m in out if m.seg.start == seg.start and set(m.participants) == set(people)), None)
            if told is not None:
                out.remove(told)
                out.append(told)  # (the last reported, which people of the next sentence may join)
                made.append(told)
                continue
            m = Meeting(people, seg, trigger)
            out.append(m)
            made.append(m)
        return made

    @staticmethod
    def _described_pair(d: _Doc, start: int, trigger: int) -> list[str]:
        """The two people named before ``trigger`` whose roles the plural description at ``start`` fits
        ("les deux chefs d'État" after "X, Président de la République de A" and "Y, Président de B"); else []."""
        stop = start
        while stop < min(trigger, start + 5) and d.pos[stop] not in {"VERB", "AUX", "PUNCT"}:
            stop += 1
        people = d.doc._.people or {}
        before = list(dict.fromkeys(it.norm for i, it in sorted(d.item_at.items()) if i < start))
        for end in range(stop, start, -1):
            first, _, rest = fold(d.doc[start:end].text).partition(" ")
            description = " ".join(w for w in (word_key(first), rest) if w)  # "chefs d'État" -> "chef d'etat"
            fitting = [
                norm for norm in before if any(describes(description, r) for r in people.get(norm, {}).get("roles", []))
            ]
            if fitting:
                return fitting if len(fitting) == 2 else []
        return []

    # ------------------------------------------------------------------ merging, dates, places
    @staticmethod
    def _merge(meetings: list[Meeting]) -> list[Meeting]:
        kept: list[Meeting] = []
        for m in meetings:
            told = m.restates
            while told is not None and told.merged_into is not None:
                told = told.merged_into
            if told is not None and m.follows is None and any(k is told for k in kept):
                # "X a reçu Y. Les deux dirigeants ont signé un accord. Z participait à la rencontre": one
                # encounter, which Z joined
                told.participants = list(dict.fromkeys(told.participants + m.participants))
                told.later.append(m)
                m.merged_into = told
                continue
            same = next((k for k in kept if set(m.participants) <= set(k.participants)), None)
            if same is not None and m.follows is None:
                same.later.append(m)
                m.merged_into = same
                continue
            kept.append(m)
        return kept

    @staticmethod
    def _release_place(d: _Doc, meetings: list[Meeting]) -> tuple[str | None, str | None]:
        """The place and event of a lead statement that the encounters took place there ("a rencontré
        des dirigeants du monde entier à New York", "une série d'entretiens bilatéraux en marge de la
        conférence de Munich"): a segment before the first meeting with a trigger but no meeting of
        named people, and a place or a linked event."""
        if not meetings:
            return None, None
        first = min(m.seg.start for m in meetings)
        used = {m.seg.start for m in meetings}
        for seg in d.segments:
            if seg.start >= first:
                break
            if seg.start in used:
                continue
            has_trigger = any(
                t.lemma_.lower() in d.trig.verbs or t.lemma_.lower() in d.trig.nouns and t.pos_ == "NOUN" for t in seg
            )
            if not has_trigger:
                continue
            locs = [s for s in d.locs if seg.start <= s.start < seg.end]
            event = MeetingFinder._event(d, seg)
            if locs or event:
                place = str(locs[0]._.norm) if locs else None
                if place is None and event is not None:
                    place = ((d.doc._.events or {}).get(event) or {}).get("location")
                return place, event
        return None, None

    def _dates_places(self, d: _Doc, meetings: list[Meeting]) -> None:
        prev_date: str | None = None
        release_place, release_event = self._release_place(d, meetings)
        for m in meetings:
            if m.follows is not None:
                follows = m.follows
                while follows.merged_into is not None:
                    follows = follows.merged_into
                m.date, m.dated = follows.date, True
            elif m.anchor is not None:
                self._anchored_date(d, m)
            if not m.dated:
                self._date(d, m, m.seg, m.trigger, prev_date)
                for later in m.later:
                    if m.date is None and not m.dated:
                        self._date(d, m, later.seg, later.trigger, prev_date)
                        if m.dated:
                            m.extra_segs.append(later.seg)  # the evidence of its date
            if m.date:
                prev_date = m.date
            m.event = m.event or self._event(d, m.seg) or release_event
            m.location = self._location(d, m) or release_place

    @staticmethod
    def _date(d: _Doc, m: Meeting, seg: Span, trigger: int, prev_date: str | None) -> None:
        for i in range(seg.start, seg.end):
            if d.phrase_at(i, "same_day") and prev_date:
                m.date, m.dated = prev_date, True
                return
        # a date inside an event's name is the event's ("le sommet du 12 juin"), not the encounter's, nor is one
        # in apposition right after it ("sa participation au Forum de Doha, les 7 et 8 décembre"); an encounter
        # at that event takes its date below
        in_events = {i for ev in d.events for i in range(ev.start, ev.end)}
        for ev in d.events:
            if ev.end + 1 < len(d.doc) and d.doc[ev.end].text == ",":
                # (over the article of "les 7 et 8 décembre")
                in_events |= {ev.end + 1, ev.end + 2} if d.pos[ev.end + 1] == "DET" else {ev.end + 1}
        in_seg = [s for s in d.dates if seg.start <= s.start < seg.end and s.start not in in_events]
        ahead = [s for s in in_seg if MeetingFinder._fits_tense(d, trigger, s)]
        in_seg = ahead or in_seg
        if in_seg:
            best = min(in_seg, key=lambda s: min(abs(s.start - trigger), abs(s.end - trigger)))
            m.date, m.dated = _day(best._.norm), True
            return
        # "Après l'audience, X s'est entretenu avec Y": right after the encounter just reported, on its day
        if prev_date:
            for i in range(seg.start, min(seg.end, trigger)):
                if d.is_word(i, "after_encounter") and any(
                    d.lemmas[k] in d.trig.nouns or d.low(k) in d.trig.nouns for k in range(i + 1, min(seg.end, i + 5))
                ):
                    m.date, m.dated = prev_date, True
                    return
        ev = MeetingFinder._event(d, seg)
        if ev is not None:
            info = (d.doc._.events or {}).get(ev) or {}
            day = _day(info.get("date"))
            if day:
                m.date, m.dated = day, True
                return
        para = d.paragraph_of[seg.start]
        before = [
            s
            for s in d.dates
            if s.end <= seg.start and d.paragraph_of[s.start] == para and MeetingFinder._fits_tense(d, trigger, s)
        ]
        if before:
            m.date, m.dated = _day(before[-1]._.norm), True

    @staticmethod
    def _fits_tense(d: _Doc, trigger: int, date: Span) -> bool:
        """An encounter told in the future ("ils y rencontreront X") is not on a day before the publication
        date: "Le sommet se tiendra le 24 juillet, a indiqué mercredi un porte-parole. Ils y rencontreront X"
        is on the 24th, not on the Wednesday of the announcement."""
        dct, day = d.doc._.dct, _day(date._.norm)
        if not dct or not day:
            return True
        return not ("Fut" in d.doc[trigger].morph.get("Tense", []) and day < dct)

    @staticmethod
    def _anchored_date(d: _Doc, m: Meeting) -> None:
        """"Notre réunion sera précédée d'un déjeuner avec X": the day the last event named before
        begins (précédée) or ends (suivie)."""
        for ev in reversed(d.events):
            if ev.start >= m.trigger:
                continue
            value = ((d.doc._.events or {}).get(str(ev._.norm)) or {}).get("date")
            if not value:
                continue
            parts = str(value).split("/")
            day = _day(parts[0] if m.anchor == "start" else parts[-1])
            if day:
                m.date, m.dated = day, True
            return

    @staticmethod
    def _event(d: _Doc, seg: Span) -> str | None:
        for ev in d.events:
            if not (seg.start <= ev.start < seg.end):
                continue
            for j in range(max(seg.start, ev.start - 5), ev.start):
                if d.phrase_at(j, "event_link"):
                    return str(ev._.norm)
        return None

    @staticmethod
    def _located(d: _Doc, loc: Span) -> bool:
        for j in range(loc.start - 1, max(-1, loc.start - 4), -1):
            if d.is_word(j, "locative"):
                return True
            if d.doc[j].pos_ not in {"DET", "NOUN", "ADJ"} or d.doc[j].text[:1].isupper() and j < loc.start - 1:
                return False
        return False

    @staticmethod
    def _location(d: _Doc, m: Meeting) -> str | None:
        for seg in [m.seg] + m.extra_segs + [later.seg for later in m.later]:
            # a place where it happened comes after a locative preposition ("à Genève", "au palais de")
            locs = [s for s in d.locs if seg.start <= s.start < seg.end and MeetingFinder._located(d, s)]
            if locs:
                best = min(locs, key=lambda s: abs(s.start - m.trigger))
                return str(best._.norm)
        if m.event:
            info = (d.doc._.events or {}).get(m.event) or {}
            if info.get("location"):
                return str(info["location"])
        return None

