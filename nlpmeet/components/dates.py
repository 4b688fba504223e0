"""nlpmeet_dates: French date and time expressions as spans with an ISO value.

Runs first among nlpmeet's components, on the model's parse. Date expressions are found by the
Matcher patterns of ``models/date_patterns.jsonl`` over the vocabulary of ``models/date_words.tsv``
(word sets, token shapes, and a few checks: a year inside a name, "ZAPAD 2017", or before a noun,
"2000 soldats", is none; a capitalised month alone inside a sentence is a name; "pendant 12 heures"
is a duration). Overlapping matches keep the longest; a clock time next to a day joins it ("22 Sep.
2017 11:16", "hier à 10 h", "vers 15 h 30, hier").

Each expression is resolved by ``nlpmeet.normalise.dates.resolve`` against

* the publication date ``Doc._.dct``: given by the caller, else the first single day among the
  dates of the text's first lines (a header or a dateline: "21 Sep. 2017 -", "Bruxelles,
  27/06/2023"; a dateline without year, "PARIS, 12 mars (AFP) -", takes the latest year the text
  states), with ``Doc._.dct_source = "text"``; else None (relative values are then null);
* the tense of its clause, read from the parse: the verb the expression depends on, its
  auxiliaries ("a rencontré" past, "se rendra" future), and governing verbs of
  ``models/date_tense.tsv`` ("va rencontrer", "vient de démissionner", "prévue le");
* an anchor for "le lendemain", "la veille", "le même jour" and bare times: the last single day
  stated in the same or the previous sentence (for a time, else the day right after it: "vers
  0 h 40, jeudi"), else the dct; "le lendemain"/"la veille" opening a sentence or a paragraph count
  from the last day stated before them, however far back, when it lies within a month of the dct; so
  does a part of the day naming no day ("Dans la matinée, elle visitera …") opening a sentence in the
  future, when that day is still to come (an announced programme);
* inside quoted speech, the day the speech was given when the reporting clause states it
  (« Nous signerons demain », a déclaré mardi le ministre).

Spans are written to ``doc.spans[DATES_GROUP]`` (label ``DATE``) with ``span._.norm`` = the value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from nlpmeet.components.tokens import TokenTable
from nlpmeet.extensions import DATES_GROUP
from nlpmeet.normalise.dates import WORDS_FILE, atoms, day_of, pick_dct, resolve
from nlpmeet.resources import DataError, load_jsonl, load_tsv

PATTERNS_FILE = "date_patterns.jsonl"
TENSE_FILE = "date_tense.tsv"
FUNCTION_WORDS_FILE = "french_function_words.tsv"
LABEL = "DATE"
HEADER_LINES = 6  # the lines of a text where its publication date (header, dateline) is looked for
HEADER_CHARS = 600
HEADER_FIRST_CHARS = 200  # a first line this long is still header
YEAR_AFTER_NOUN = (1800, 2100)  # a number after a common noun is a year only within these
TRIGGER_MEMO = 1 << 16  # distinct token texts whose trigger groups are remembered (bounded for long dumps)
SPEECH_WINDOW = 12  # tokens around a quotation searched for the day of the speech
NARRATED_DAYS = 31  # a day this close to the dct belongs to the news narrated, not to its background
ANCHOR_SENTENCES = 1  # "le lendemain", "à 15 heures" count from a day stated this many sentences before, at most
_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2}|21\d{2})(?!\d)")
_FUNCTION_POS = frozenset({"ADP", "DET", "PUNCT", "CCONJ", "SCONJ", "SPACE", "ADV", "PRON", "AUX", "VERB"})


@Language.factory("nlpmeet_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    return DateTagger(nlp)


def load_patterns() -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """Word sets (from the vocabulary and the patterns file) and expanded Matcher patterns."""
    rows = load_jsonl(PATTERNS_FILE)
    sets: dict[str, list[str]] = {}
    for row in load_tsv(WORDS_FILE):
        form = row["form"].lower()
        if " " not in form:  # a one-token form, as the tokenizer cuts it ("sept.", "h.", "aujourd'hui")
            sets.setdefault(row["class"], []).append(form)
    sets["month_dot"] = [w for w in sets.get("month_abbr", []) if w.endswith(".")]
    sets["mi_month"] = [f"mi-{w}" for w in sets.get("month", [])]
    for row in rows:
        if "set" in row:
            sets[str(row["set"])] = [str(w) for w in row["words"]]
    shapes = {str(r["shape"]): str(r["regex"]) for r in rows if "shape" in r}
    patterns = [{**r, "pattern": _expand(r["pattern"], sets, shapes)} for r in rows if "pattern" in r]
    return sets, patterns


def _expand(value: Any, sets: dict[str, list[str]], shapes: dict[str, str], key: str = "") -> Any:
    if isinstance(value, str) and value.startswith("@"):
        table: dict[str, Any] = shapes if key == "REGEX" else sets
        if value[1:] not in table:
            raise DataError(f"models/{PATTERNS_FILE}: unknown {'shape' if key == 'REGEX' else 'word set'} {value}")
        return table[value[1:]]
    if isinstance(value, dict):
        return {k: _expand(v, sets, shapes, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, sets, shapes, key) for v in value]
    return value


def load_tense_cues() -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    """Lemma -> tense of governing verbs and participles ("aller" + infinitive -> future), the
    endings of the future and conditional of regular verbs, and the prepositions that set a direction
    (one or two tokens, apostrophes straight: "depuis", "jusqu'à")."""
    rows = load_tsv(TENSE_FILE)
    lemmas = {row["form"]: row["tense"] for row in rows if row["kind"] == "lemma"}
    endings = tuple(sorted((row["form"] for row in rows if row["kind"] == "ending"), key=len, reverse=True))
    preps = {row["form"].replace("’", "'"): row["tense"] for row in rows if row["kind"] == "preposition"}
    return lemmas, endings, preps


def load_future_stems() -> tuple[tuple[str, str], ...]:
    """Irregular future stems as rewrites of the infinitive's ending ("evoir" -> "evr": "recevra", "recevrait";
    "enir" -> "iendr": "s'entretiendra", "viendrait")."""
    pairs = (row["form"].split(">", 1) for row in load_tsv(TENSE_FILE) if row["kind"] == "stem")
    return tuple((a, b) for a, b in pairs)


def load_etre_verbs() -> frozenset[str]:
    """Verbs whose compound past takes "être" ("il est arrivé"): with any other verb, "est" + participle
    is a passive in the present ("le couvre-feu est maintenu")."""
    return frozenset(row["form"] for row in load_tsv(TENSE_FILE) if row["kind"] == "etre_verb")


def _breaks_line(tok: Token) -> bool:
    return tok.is_space and "\n" in tok.text


def _line_break_between(doc: Doc, i: int, j: int) -> bool:
    a, b = (i, j) if i < j else (j, i)
    return any(_breaks_line(t) for t in doc[a + 1 : b])


class DateTagger:
    def __init__(self, nlp: Language) -> None:
        self.sets, patterns = load_patterns()
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.checks: dict[str, str] = {}
        self.trims: dict[str, frozenset[str]] = {}
        function_words = frozenset(row["word"] for row in load_tsv(FUNCTION_WORDS_FILE))
        # The matcher runs only around trigger tokens: each pattern has one required token that every
        # match holds (a digit, or a word of a small set without function words). Patterns are grouped
        # by the triggers they share, one Matcher per group; a trigger opens, for each group it belongs
        # to, a window as wide as that group's patterns reach around it. Same matches, far fewer tokens
        # and patterns to try. ``self.matcher`` holds every pattern (the reference for tests).
        groups: dict[str, list[int]] = {}  # trigger word (or DIGIT) -> indexes of its patterns
        for index, row in enumerate(patterns):
            tokens = row["pattern"]
            if any(t.get("OP") in ("*", "+") for t in tokens):
                raise DataError(f"models/{PATTERNS_FILE}: pattern {row['id']}: '*' and '+' are not supported")
            words, at = _trigger(tokens, function_words)
            if words == [DIGIT]:  # digit triggers are told apart by their shape: one group per shape
                words = [DIGIT + "\t" + tokens[at]["TEXT"]["REGEX"]]
            for w in words:
                groups.setdefault(w, []).append(index)
        self.groups: list[tuple[Matcher, int, int]] = []  # (matcher, tokens before, tokens after the trigger)
        by_members: dict[tuple[int, ...], int] = {}
        self.triggers: dict[str, tuple[int, ...]] = {}  # trigger word -> its group numbers
        self.shapes: list[tuple[re.Pattern[str], int]] = []  # a digit trigger's shape, its group number
        self._trigger_memo: dict[int, tuple[int, ...]] = {}  # token ORTH -> the groups it triggers
        self._quote_memo: dict[int, int] = {}  # token ORTH -> 1 opens a quotation | 2 closes one | 4 breaks it
        for w, members in groups.items():
            key = tuple(members)
            if key not in by_members:
                matcher = Matcher(nlp.vocab, validate=True)
                before = after = 0
                for index in members:
                    row = patterns[index]
                    matcher.add(str(row["id"]), [row["pattern"]])
                    _, at = _trigger(row["pattern"], function_words)
                    before, after = max(before, at), max(after, len(row["pattern"]) - at)
                by_members[key] = len(self.groups)
                self.groups.append((matcher, before, after))
            if w.startswith(DIGIT + "\t"):
                self.shapes.append((re.compile(w.partition("\t")[2]), by_members[key]))
            else:
                self.triggers[w] = (by_members[key],)
        for row in patterns:
            self.matcher.add(str(row["id"]), [row["pattern"]])
            if "check" in row:
                self.checks[str(row["id"])] = str(row["check"])
            if "trim" in row:
                self.trims[str(row["id"])] = frozenset(_expand(row["trim"], self.sets, {}))
        self.tense_cues, self.future_endings, self.prep_cues = load_tense_cues()
        self.future_stems = load_future_stems()
        self.etre_verbs = load_etre_verbs()
        context_sets = ("to", "street", "ordinal_mark")  # words around a date, not of one
        self.date_words = frozenset(w for cls, words in self.sets.items() if cls not in context_sets for w in words)
        day_classes = ("weekday", "relday", "daypart", "month", "month_abbr")
        self.day_words = frozenset(w for cls in day_classes for w in self.sets.get(cls, []))
        self.function_words = function_words

    # ------------------------------------------------------------------ finding
    def find(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        for match_id, start, end in self._matches(doc):
            rule = doc.vocab.strings[match_id]
            check = self.checks.get(rule)
            if check and not self._check(doc, check, start, end):
                continue
            trim = self.trims.get(rule)
            while trim and start < end - 1 and doc[start].lower_ in trim:
                start += 1
            spans.append(Span(doc, start, end, label=LABEL))
        spans = filter_spans(spans)
        return self._join_times(doc, spans)

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matcher's matches, each pattern run only on windows around its trigger tokens (the same
        matches as over the whole text: every match holds its pattern's trigger, and lies within the
        reach of its group around it), sorted as the Matcher sorts them."""
        memo, strings = self._trigger_memo, doc.vocab.strings
        if len(memo) > TRIGGER_MEMO:
            memo.clear()
        windows: dict[int, list[list[int]]] = {}
        n = len(doc)
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            found = memo.get(orth)
            if found is None:
                found = memo[orth] = self._groups_of(strings[orth])
            if not found:
                continue
            for g in found:
                _, before, after = self.groups[g]
                a, b = max(0, i - before), min(n, i + after)
                spans = windows.setdefault(g, [])
                if spans and a <= spans[-1][1]:
                    spans[-1][1] = max(b, spans[-1][1])
                else:
                    spans.append([a, b])
        out: set[tuple[int, int, int]] = set()
        for g, spans in windows.items():
            matcher = self.groups[g][0]
            for a, b in spans:
                out.update((m, a + s, a + e) for m, s, e in matcher(doc[a:b]))
        return sorted(out, key=lambda m: (m[1], m[2], m[0]))

    def _groups_of(self, text: str) -> tuple[int, ...]:
        """The pattern groups a token with this text triggers."""
        found = self.triggers.get(text.lower(), ())
        if any(c.isdigit() for c in text):  # the Matcher's REGEX predicate is re.search on the text
            found = found + tuple(g for shape, g in self.shapes if shape.search(text))
        return found

    def _ends_a_name(self, doc: Doc, i: int) -> bool:
        """Token ``i`` ends a name: lower-case adjectives back to a capitalised word inside the sentence
        ("Assemblées annuelles", "Journées européennes"); a year right after is part of that name."""
        if not (doc[i].pos_ == "ADJ" and doc[i].is_lower):
            return False
        j = i
        while j >= 0 and doc[j].pos_ == "ADJ" and doc[j].is_lower and doc[j].lower_ not in self.date_words:
            j -= 1
        return j >= 0 and j < i and _named(doc[j]) and doc[j].lower_ not in self.date_words

    def _check(self, doc: Doc, check: str, start: int, end: int) -> bool:
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if check == "year":
            if prev is not None and prev.like_num:
                return False  # "1 500"
            if prev is not None and prev.is_punct and prev.i > 0 and doc[prev.i - 1].like_num and not prev.whitespace_:
                return False  # "3,2015", "12/2015"
            if prev is not None and _named(prev) and prev.lower_ not in self.date_words:
                return False  # "ZAPAD 2017", "Vision 2030"
            if prev is not None and self._ends_a_name(doc, prev.i):
                return False  # "les Assemblées annuelles 2024", "les Journées européennes 2025"
            if prev is not None and prev.pos_ == "NOUN" and prev.lower_ not in self.date_words:
                if not (YEAR_AFTER_NOUN[0] <= int(doc[start].text[:4]) <= YEAR_AFTER_NOUN[1]):
                    return False  # "l'article 1240"; but "le bilan 2001"
            after_pre = prev is not None and prev.lower_ in self.sets.get("year_pre", [])
            word_after = nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_ not in self.date_words
            if nxt is not None and word_after and not after_pre:
                if nxt.pos_ in ("NOUN", "NUM") or (not nxt.pos_ and nxt.lower_ not in self.function_words):
                    return False  # "2000 soldats"
            if nxt is not None and nxt.text in ("%", "€", "$"):
                return False
            return True
        if check == "month":
            tok = doc[start]
            if end - start == 1 and tok.is_title and not tok.is_sent_start:
                return prev is not None and prev.is_lower and prev.pos_ == "ADP"
            return True
        if check == "year2":
            return nxt is None or (nxt.pos_ in _FUNCTION_POS and not nxt.like_num)
        if check == "hours":
            if doc[start].lower_ in self.sets.get("time_pre", []):
                return True
            unit = next((t for t in doc[start:end] if t.lower_ in self.sets.get("hour_unit", [])), None)
            if unit is not None and unit.lower_.startswith("heure"):
                # "22 heures 30", "mardi 20 heures"; but "pendant 12 heures", "il a passé 12 heures"
                has_minutes = doc[end - 1].like_num and doc[end - 1] is not doc[start]
                return has_minutes or (prev is not None and prev.lower_ in self.day_words)
            return not (prev is not None and prev.lower_ in ("pendant", "durant", "depuis", "en", "les", "des"))
        if check == "dateline":
            # "Dakar, 14 sept (APS) -": after the place's comma, before the agency or the dash
            return (
                prev is not None
                and prev.text == ","
                and nxt is not None
                and nxt.text in self.sets.get("dateline_end", [])
            )
        if check == "this_day":
            # "a reçu ce jour X" is today; not "à ce jour" (up to now) nor "ce jour-là" (the day just told of)
            return not (
                (prev is not None and prev.lower_ in self.sets.get("this_day_not_after", []))
                or (nxt is not None and nxt.lower_ in self.sets.get("this_day_not_before", []))
            )
        if check == "relative_to":
            return nxt is None or nxt.lower_ not in ("de", "d'", "d’", "du", "des")
        if check == "bare_day":
            after = doc[end + 1] if end + 1 < len(doc) else None
            return self._bare_day_ok(prev, nxt, after, end - start == 2 and doc[start].lower_ == "le")
        return True

    def _bare_day_ok(self, prev: Token | None, nxt: Token | None, after: Token | None, after_article: bool) -> bool:
        """A day number with no month is a day, not a count: "mardi 12," but not "mardi 12 militaires",
        "le 20 heures"; "le 3" not after a noun ("le numéro le 3"), nor a house number ("le 10, rue Paul-Bert")."""
        if nxt is not None and nxt.text == "," and after is not None and after.lower_ in self.sets.get("street", []):
            return False
        if nxt is not None and not nxt.is_punct:
            if nxt.like_num or nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
                return False
            if not nxt.pos_ and nxt.is_alpha and nxt.lower_ not in self.function_words:
                return False  # without a parse: any word but a function word may be what is counted
        if nxt is not None and nxt.lower_ in self.sets.get("ordinal_mark", []):
            return False  # "le 25 e kilomètre"
        if after_article and prev is not None and prev.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET"):
            return False
        if after_article and nxt is not None and nxt.pos_ in ("VERB", "AUX"):
            return False  # "le 10 provient d'une blessure": a number as subject (a shirt, a house)
        return True

    def _join_times(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A clock time right after a day, or right before one (with at most a comma between),
        is one expression with it."""
        out: list[Span] = []
        for span in spans:
            if out:
                last = out[-1]
                gap = doc[last.end : span.start]
                if not gap:
                    a, b = self._kind(last), self._kind(span)
                    if (a == "day" and b == "time" and self._bare_or_after_relday(last, span)) or (
                        a == "time" and b == "day" and span[0].lower_ not in self.sets.get("time_pre", [])
                    ):
                        out[-1] = Span(doc, last.start, span.end, label=LABEL)
                        continue
            out.append(span)
        return out

    def _bare_or_after_relday(self, day: Span, time: Span) -> bool:
        """ "22 Sep. 2017 11:16", "hier à 10 h" are one expression; "samedi 5 juin", "à 17 h" two."""
        if time[0].lower_ not in self.sets.get("time_pre", []):
            return True
        return len(day) == 1 and day[0].lower_ in self.sets.get("relday", [])

    @staticmethod
    def _day_shift(span: Span) -> bool:
        """The expression is a shift from a stated day ("le lendemain", "la veille"), not "le même jour"."""
        return any("anchor" in a.classes for a in atoms(span.text))

    @staticmethod
    def _day_part(span: Span) -> bool:
        """A part of a day that names no day ("dans la matinée", "dans l'après-midi"): not "ce matin", "mercredi
        soir", "la veille au soir"."""
        items = atoms(span.text)
        named = {"this", "weekday", "relday", "month", "month_abbr", "anchor", "same"}
        return any("daypart" in a.classes for a in items) and not any(
            a.kind != "word" or named & set(a.classes) for a in items
        )

    @staticmethod
    def _kind(span: Span) -> str:
        items = atoms(span.text)
        if any(a.kind == "clock" or "hour_unit" in a.classes or "clock" in a.classes for a in items):
            day_classes = {"weekday", "relday", "month", "month_abbr"}
            if not any(a.kind == "date3" or day_classes & set(a.classes) for a in items):
                return "time"
            return "dated_time"
        if any(a.kind == "date3" or {"weekday", "relday"} & set(a.classes) for a in items):
            return "day"
        if any({"month", "month_abbr"} & set(a.classes) for a in items) and any(a.kind == "num" for a in items):
            return "day"
        return "other"

    # ------------------------------------------------------------------ tense
    def tense(self, span: Span) -> str | None:
        """past / future / present / None: the tense of the clause the expression belongs to, or the
        direction a preposition before it sets: "depuis mardi" looks back; "jusqu'à samedi" (cue
        ``onward``) looks ahead unless the clause is in the past ("ont duré jusqu'à lundi")."""
        cue = self._preposition_cue(span)
        if cue is not None and cue != "onward":
            return cue  # "depuis mardi", "d'ici le 30 juin"
        verb = self._clause_verb(span)
        tense = self._verb_tense(verb, 0) if verb is not None else None
        if cue == "onward":
            return "past" if tense == "past" and not self._passive_present(verb) else "future"
        return tense

    def _preposition_cue(self, span: Span) -> str | None:
        doc, start = span.doc, span.start
        if start > 1:
            two = (doc[start - 2].lower_ + doc[start - 1].lower_).replace("’", "'")
            if two in self.prep_cues:
                return self.prep_cues[two]
        if start > 0:
            return self.prep_cues.get(doc[start - 1].lower_.replace("’", "'"))
        return None

    def _passive_present(self, verb: Token | None) -> bool:
        """"est maintenu", "sont fermées": "être" in the present + the participle of a verb whose past
        takes "avoir", not reflexive (not "il est arrivé", "il s'est rendu", "a été maintenu")."""
        if verb is None or "Part" not in verb.morph.get("VerbForm", []) or verb.lemma_ in self.etre_verbs:
            return False
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        if not auxes or any(a.lemma_ != "être" or "Pres" not in a.morph.get("Tense", []) for a in auxes):
            return False
        return not any(c.dep_.startswith("expl") or c.lower_ in ("se", "s'", "s’") for c in verb.children)

    def _clause_verb(self, span: Span) -> Token | None:
        tok: Token = span.root
        verb: Token | None = None
        for _ in range(5):
            if tok.pos_ in ("VERB", "AUX") or "Part" in tok.morph.get("VerbForm", []):
                verb = tok
                break
            if tok.head is tok or _line_break_between(span.doc, tok.i, tok.head.i):
                break  # a heading line is another clause, however the parser joined them
            tok = tok.head
        if verb is None:
            verb = self._nearest_verb(span)
        return verb

    @staticmethod
    def _nearest_verb(span: Span) -> Token | None:
        """The closest verb of the sentence, when the parse hangs the date on a noun."""
        doc = span.doc
        first = span.start
        while first > 0 and not doc[first].is_sent_start and not _breaks_line(doc[first - 1]):
            first -= 1
        last = span.end
        while last < len(doc) and not doc[last].is_sent_start and not _breaks_line(doc[last]):
            last += 1
        verbs = [t for t in doc[first:last] if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.head is t)]
        return min(verbs, key=lambda t: abs(t.i - span.start), default=None)

    def _verb_tense(self, verb: Token, depth: int) -> str | None:
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        for t in [*auxes, verb]:
            if "Fut" in t.morph.get("Tense", []) or self._future_form(t):
                return "future"
        form = verb.morph.get("VerbForm", [])
        if "Inf" in form and not auxes:
            head = verb.head
            if head is verb or depth >= 3:
                return None
            governing = self._verb_tense(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
            if governing != "past" and head.lemma_ in self.tense_cues:
                return self.tense_cues[head.lemma_]  # "va rencontrer", "vient de démissionner"
            return governing
        if "Part" in form and verb.lemma_ in self.tense_cues:
            return self.tense_cues[verb.lemma_]
        if "Part" in form and not auxes and verb.head is not verb and verb.head.pos_ == "AUX":
            return "future" if "Fut" in verb.head.morph.get("Tense", []) else "past"  # "a démissionné" parsed as ADJ
        if auxes and ("Part" in form or "Inf" in form) and not any("Sub" in a.morph.get("Mood", []) for a in auxes):
            return "past"  # passé composé, plus-que-parfait ("a rencontré", "est arrivé", "avait reçu")
        for t in [*auxes, verb]:
            tense = t.morph.get("Tense", [])
            mood = t.morph.get("Mood", [])
            if "Past" in tense and t is verb and "Part" in form:
                continue
            if "Sub" in mood or "Cnd" in mood:
                return "future"  # "avant que le rapport soit rendu public lundi", "devrait arriver jeudi"
            if "Past" in tense or "Imp" in tense:
                return "past"
            if "Pres" in tense:
                return "present"
        return None

    def _future_form(self, verb: Token) -> bool:
        """A finite form built on the whole infinitive: "rendra" (rendre), "rencontrera"."""
        if "Fin" not in verb.morph.get("VerbForm", []):
            return False
        lemma, text = verb.lemma_.lower(), verb.lower_
        if not lemma.endswith(("er", "ir", "re")) or len(lemma) < 4:
            return False
        stems = [lemma[:-1] if lemma.endswith("re") else lemma]
        stems += [lemma[: len(lemma) - len(a)] + b for a, b in self.future_stems if lemma.endswith(a)]
        return any(text.startswith(stem) and text[len(stem) :] in self.future_endings for stem in stems)

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        spans = self.find(doc)
        if doc._.dct is None:
            head = doc.text[:HEADER_CHARS] if spans and spans[0].start_char <= HEADER_CHARS else ""
            header = [s for s in spans if s.end_char <= len(head) and _in_header(head, s.start_char)]
            dct = pick_dct([resolve(s.text) for s in header])
            if dct is None:  # a dateline without year ("PARIS, 12 mars (AFP) -"): the latest year the text states
                years = [int(m.group(1)) for s in spans for m in [_YEAR.search(s.text)] if m]
                if years:
                    dct = pick_dct([resolve(s.text, year=max(years)) for s in header])
            if dct is not None:
                doc._.dct, doc._.dct_source = dct, "text"
        dct = doc._.dct
        anchor: date | None = None
        anchor_sent = -2
        year_hint: tuple[tuple[int, int], int] | None = None  # ((sentence, line), year) of the last explicit year
        sents = list(doc.sents) if doc.has_annotation("SENT_START") and spans else []
        starts = [s.start for s in sents]
        # a year stated in a sentence holds for its other dates, within its line: a heading line the parser
        # ran on into the next sentence ("Publié le 13 février 2024" then "... en décembre") is not that sentence
        line_starts = [i + 1 for i, text in enumerate(TokenTable.of(doc).texts) if "\n" in text] if sents else []
        sent_of = 0
        kept: list[Span] = []
        parsed = doc.has_annotation("DEP")
        for k, span in enumerate(spans):
            sent_of = bisect_right(starts, span.start) - 1 if starts else 0
            near = anchor if anchor is not None and sent_of - anchor_sent <= ANCHOR_SENTENCES else None
            before = doc[span.start - 1] if span.start else None
            opens = bool(starts) and (
                starts[sent_of] == span.start or before is not None and "\n" in before.text + before.whitespace_
            )
            if near is None and anchor is not None and opens and self._day_shift(span):
                # "Le lendemain, ..." opening a sentence continues the narration: the day after the last
                # day narrated, when that day is of the news (near the dct), not of the background
                if dct is None or abs((anchor - date.fromisoformat(dct)).days) <= NARRATED_DAYS:
                    near = anchor
            elif near is None and anchor is not None and opens and self._day_part(span) and parsed:
                # "Elle se rendra vendredi à Bordeaux. [...] Dans la matinée, elle visitera ...": a part of the
                # day opening a sentence of an announced programme is of the day announced, still to come and
                # of the news (a past narration keeps the dct: a background day may come between)
                if (
                    dct is not None
                    and 0 < (anchor - date.fromisoformat(dct)).days <= NARRATED_DAYS
                    and self.tense(span) == "future"
                ):
                    near = anchor
            if self._kind(span) == "time" and (near is None or anchor_sent != sent_of):
                near = self._day_after(doc, spans, k, dct, near)  # "vers 0 h 40, jeudi"
            line_of = bisect_right(line_starts, span.start)
            hint = year_hint[1] if year_hint is not None and year_hint[0] == (sent_of, line_of) else None
            tense = self.tense(span) if parsed else None
            if (
                near is not None
                and dct is not None
                and tense == "past"
                and near > date.fromisoformat(dct)
                and not self._passive_present(self._clause_verb(span))  # "est fixée au jeudi 16, à 18 h"
            ):
                # "Le sommet est prévu le 7 juillet. Dans l'après-midi, il s'est entretenu avec X": a past
                # narration does not go on from a day still to come
                near = None
            value = resolve(span.text, dct, tense, near, hint)
            span._.norm = value
            kept.append(span)
            day = day_of(value)
            if day is not None:
                anchor, anchor_sent = day, sent_of
            if value is not None and (len(value) == 4 or _YEAR.search(span.text)):
                year_hint = ((sent_of, line_of), int(value[:4]))
        self._quoted_speech(doc, kept, parsed)
        doc.spans[DATES_GROUP] = kept
        return doc

    def _quoted_speech(self, doc: Doc, spans: list[Span], parsed: bool) -> None:
        """A relative date inside quoted speech counts from the day the speech was given, when the
        reporting clause states it: « Nous signerons demain », a déclaré mardi le ministre."""
        for open_i, close_i in self._quotes(doc):
            inside = [s for s in spans if open_i < s.start and s.end <= close_i]
            if not inside:
                continue
            outside = [s for s in spans if not (open_i < s.start and s.end <= close_i)]
            said = [s for s in outside if close_i < s.start <= close_i + SPEECH_WINDOW and day_of(s._.norm)]
            said += [s for s in reversed(outside) if open_i - SPEECH_WINDOW <= s.start < open_i and day_of(s._.norm)]
            if not said:
                continue
            day = day_of(said[0]._.norm)
            for span in inside:
                span._.norm = resolve(span.text, day, self.tense(span) if parsed else None, day)

    def _quotes(self, doc: Doc) -> list[tuple[int, int]]:
        """Token indices of the opening and closing marks of each quotation."""
        opens, closes = self.sets.get("quote_open", []), self.sets.get("quote_close", [])
        memo, strings = self._quote_memo, doc.vocab.strings
        if len(memo) > TRIGGER_MEMO:
            memo.clear()
        out: list[tuple[int, int]] = []
        start: int | None = None
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            kind = memo.get(orth)
            if kind is None:  # a token's trailing white space is at most one space: a break is in its text
                text = strings[orth]
                kind = memo[orth] = (text in opens) | (text in closes) << 1 | ("\n\n" in text) << 2
            if not kind:
                continue
            if start is None and kind & 1:
                start = i
            elif start is not None and kind & 2:
                out.append((start, i))
                start = None
            elif start is not None and kind & 4:
                start = None  # a quotation does not run over a paragraph
        return out

    def _day_after(self, doc: Doc, spans: list[Span], k: int, dct: str | None, default: date | None) -> date | None:
        """The day of a date right after a time, at most a word of ``time_day_gap`` between ("vers 0 h 40, jeudi")."""
        if k + 1 >= len(spans):
            return default
        nxt = spans[k + 1]
        gap = doc[spans[k].end : nxt.start]
        if len(gap) > 1 or any(t.lower_ not in self.sets.get("time_day_gap", []) for t in gap):
            return default
        if self._kind(nxt) not in ("day", "dated_time"):
            return default
        day = day_of(resolve(nxt.text, dct, self.tense(nxt) if doc.has_annotation("DEP") else None))
        return day or default


def _in_header(head: str, start: int) -> bool:
    """Among the first lines of the text (its header or dateline)."""
    return head.count("\n", 0, start) < HEADER_LINES or start < HEADER_FIRST_CHARS


DIGIT = "<digit>"  # the trigger of a pattern whose required token is a digit shape


def _trigger(tokens: list[dict[str, Any]], function_words: frozenset[str]) -> tuple[list[str], int]:
    """The trigger words (or [DIGIT]) of a pattern, and the position of its trigger token."""
    best: tuple[tuple[int, int], list[str], int] | None = None
    for at, t in enumerate(tokens):
        if t.get("OP") not in (None, "1"):
            continue
        text = t.get("TEXT")
        if isinstance(text, dict) and "REGEX" in text and re.search(r"\\d|\[0-9", str(text["REGEX"])):
            return [DIGIT], at  # every shape with a digit class matches only tokens with a digit
        lower = t.get("LOWER")
        words = lower.get("IN", []) if isinstance(lower, dict) else [lower] if isinstance(lower, str) else []
        common = sum(1 for w in words if w in function_words or "'" in w or "’" in w)
        if not words or common == len(words):
            continue
        rank = (common, len(words))  # the fewest frequent words ("été"), then the smallest set
        if best is None or rank < best[0]:
            best = (rank, [str(w) for w in words], at)
    if best is None:
        raise DataError(f"models/{PATTERNS_FILE}: a pattern has no required token that can trigger it: {tokens}")
    return best[1], best[2]


def _named(tok: Token) -> bool:
    """A capitalised word inside a sentence (part of a name), or an acronym."""
    if tok.is_sent_start or not tok.is_alpha:
        return False
    return bool(tok.is_title or (tok.is_upper and len(tok.text) > 1)) and not re.match(r"^\W", tok.text)
