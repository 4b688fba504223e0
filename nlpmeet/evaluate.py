"""Scoring records against gold annotations, by the rules of spec/annotation.md ("The score").

The score compares, document by document, the *set of things* a document mentions, not spans:

    gold = load_gold("dev.gold.jsonl")          # {id: gold line}, every line checked
    records = load_records("predicted.jsonl")   # {id: record}
    report = score(gold, records)
    report.as_dict()["mean_f1"]

``Report.as_dict()`` has the same keys and figures as the reference scorer's ``--json`` output
(``tools/score.py``): the eight categories with p, r, f1, tp, fp, fn; ``meeting_dates``;
``mean_f1``; ``documents``; ``missing``. Matching is greedy in record order and each gold item
is matched at most once, so an un-merged duplicate ("Stoltenberg" beside "Jens Stoltenberg")
costs a false positive.

This module imports no spaCy; the words it drops from names and titles are data in
``models/score_normalisation.tsv``.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from nlpmeet.resources import load_tsv

CATEGORIES = ("people", "roles", "organizations", "countries", "locations", "dates", "events", "meetings")
"""Scored categories, in report order."""

GATE_NAMES = (*CATEGORIES, "mean", "meeting_dates")
"""What ``--min-f1`` may name: a category's F1, the mean F1, or the meeting-date accuracy."""

Json = dict[str, Any]
T = TypeVar("T")


class EvalError(ValueError):
    """A gold or record file cannot be scored; the message names the file and line."""


# --------------------------------------------------------------------------- normalisation


@cache
def _normalisation() -> tuple[tuple[str, ...], re.Pattern[str]]:
    rows = load_tsv("score_normalisation.tsv")
    honorifics = sorted((r["form"] for r in rows if r["kind"] == "honorific"), key=len, reverse=True)
    prefixes = [r["form"] for r in rows if r["kind"] == "title_prefix"]
    alternatives = [re.escape(p) if p.endswith("'") else re.escape(p) + " " for p in prefixes]
    return tuple(honorifics), re.compile("^(?:" + "|".join(alternatives) + ")")


_QUOTES = re.compile(r"[’'`]")
_SEPARATORS = re.compile(r"[^\w']+|_")
_SPACES = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[\s']+")


def name_key(text: str | None) -> str:
    """A name as compared: accents removed, case-folded, punctuation as spaces, no leading honorific."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    key = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    key = _QUOTES.sub("'", key)
    key = _SPACES.sub(" ", _SEPARATORS.sub(" ", key)).strip()
    honorifics, _ = _normalisation()
    for honorific in honorifics:
        if key.startswith(honorific + " "):
            return key[len(honorific) + 1 :]
    return key


def title_key(text: str | None) -> str:
    """A role title as compared: a name key without a leading article or possessive."""
    _, prefix = _normalisation()
    return prefix.sub("", name_key(text), count=1)


def content_words(text: str) -> set[str]:
    """Words of three letters or more of a name key (for event word containment)."""
    return {w for w in _WORD_SPLIT.split(name_key(text)) if len(w) >= 3}


def days(value: str | None) -> list[str]:
    """The days a date value names: both ends of a range, times cut to the day."""
    if not value:
        return []
    return [part[:10] for part in value.split("/") if part]


def first_day(value: str | None) -> str | None:
    found = days(value)
    return found[0] if found else None


def names_of(item: Mapping[str, Any]) -> set[str]:
    """Keys of a gold item's name and aliases."""
    return {name_key(item.get("name"))} | {name_key(a) for a in item.get("aliases", [])}


def titles_match(predicted: str, gold: str) -> bool:
    """Equal titles, or one a word-prefix of the other ("ministre" / "ministre des armées")."""
    a, b = title_key(predicted), title_key(gold)
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def event_matches(predicted_name: str, gold: Mapping[str, Any]) -> bool:
    """Name or alias equal, or every word of the shorter name is in the longer one."""
    if name_key(predicted_name) in names_of(gold):
        return True
    predicted_words = content_words(predicted_name)
    if not predicted_words:
        return False
    for gold_name in [gold.get("name", ""), *gold.get("aliases", [])]:
        gold_words = content_words(gold_name)
        if not gold_words:
            continue
        shorter, longer = (
            (gold_words, predicted_words) if len(gold_words) <= len(predicted_words) else (predicted_words, gold_words)
        )
        if shorter <= longer:
            return True
    return False


# --------------------------------------------------------------------------- counting


@dataclass
class Tally:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def loses_points(self) -> bool:
        return bool(self.fp or self.fn)


def greedy_match(predicted: Sequence[Any], gold: Sequence[Any], same: Callable[[Any, Any], bool]) -> dict[int, int]:
    """Predicted index -> gold index: each predicted item, in order, takes the first free gold item it matches."""
    free = list(range(len(gold)))
    matches: dict[int, int] = {}
    for i, item in enumerate(predicted):
        for j in free:
            if same(item, gold[j]):
                matches[i] = j
                free.remove(j)
                break
    return matches


def _tally(n_predicted: int, n_gold: int, n_matched: int) -> Tally:
    return Tally(n_matched, n_predicted - n_matched, n_gold - n_matched)


@dataclass
class DocumentScore:
    """Per-category tallies of one document, and its meeting-date checks (tp right, fn wrong).

    ``errors`` names the items behind the counts: {category: {"missed": [...], "invented": [...]}}
    for the categories that lose points, and {"meeting_dates": {"wrong": [...]}} for matched meetings
    whose date differs from the gold one. Items are shown as a reader would name them: a name, a
    code, a day, "person: title (org, country)", "A + B", "A + B: gold DAY, found DAY"."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    meeting_dates: Tally = field(default_factory=Tally)
    errors: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def note(self, category: str, kind: str, items: Iterable[str]) -> None:
        found = list(items)
        if found:
            self.errors.setdefault(category, {}).setdefault(kind, []).extend(found)


def _pairs(ids: Sequence[T]) -> Iterator[tuple[T, T]]:
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            yield ids[a], ids[b]


def _unmatched(items: Sequence[T], matched: Iterable[int], show: Callable[[T], str]) -> list[str]:
    taken = set(matched)
    return [show(item) for i, item in enumerate(items) if i not in taken]


def _name(item: Mapping[str, Any]) -> str:
    return str(item.get("name") or "")


def _role_text(person: str, role: Mapping[str, Any]) -> str:
    affiliation = ", ".join(str(x) for x in (role.get("org"), role.get("country")) if x)
    return f"{person}: {role.get('title', '')}" + (f" ({affiliation})" if affiliation else "")


def _org_matches(predicted_org: str | None, gold_org: str | None, gold_orgs: Sequence[Json]) -> bool:
    """A gold org of None accepts anything; otherwise the predicted org must be it or an alias of it."""
    if gold_org is None:
        return True
    if predicted_org is None:
        return False
    wanted = {name_key(gold_org)}
    for org in gold_orgs:
        names = names_of(org)
        if name_key(gold_org) in names:
            wanted |= names
    return name_key(predicted_org) in wanted


def score_document(gold: Json, record: Json) -> DocumentScore:
    """Score one record against its gold line (a missing record is scored as ``{}``)."""
    result = DocumentScore()
    tallies = result.tallies

    gold_people: list[Json] = gold.get("people", [])
    people: list[Json] = record.get("people", [])
    person_match = greedy_match(people, gold_people, lambda p, g: name_key(p.get("name")) in names_of(g))
    tallies["people"] = _tally(len(people), len(gold_people), len(person_match))
    result.note("people", "missed", _unmatched(gold_people, person_match.values(), _name))
    result.note("people", "invented", _unmatched(people, person_match, _name))
    gold_person_of = {p.get("id"): person_match[i] for i, p in enumerate(people) if i in person_match}

    # roles: (matched person, title, affiliation)
    gold_orgs: list[Json] = gold.get("organizations", [])
    gold_roles = [(j, role) for j, person in enumerate(gold_people) for role in person.get("roles", [])]
    roles = [(gold_person_of.get(p.get("id")), role) for p in people for role in p.get("roles", [])]

    def same_role(predicted: tuple[int | None, Json], wanted: tuple[int, Json]) -> bool:
        (person, role), (gold_person, gold_role) = predicted, wanted
        if person is None or person != gold_person:
            return False
        if not titles_match(role.get("title", ""), gold_role.get("title", "")):
            return False
        if gold_role.get("country") and role.get("country") != gold_role.get("country"):
            return False
        return _org_matches(role.get("org"), gold_role.get("org"), gold_orgs)

    role_match = greedy_match(roles, gold_roles, same_role)
    tallies["roles"] = _tally(len(roles), len(gold_roles), len(role_match))
    result.note(
        "roles",
        "missed",
        _unmatched(gold_roles, role_match.values(), lambda r: _role_text(_name(gold_people[r[0]]), r[1])),
    )
    role_owner = [_name(p) for p in people for _ in p.get("roles", [])]
    result.note(
        "roles", "invented", [_role_text(role_owner[i], roles[i][1]) for i in range(len(roles)) if i not in role_match]
    )

    for category in ("organizations", "locations"):
        wanted, found = gold.get(category, []), record.get(category, [])
        matched = greedy_match(found, wanted, lambda p, g: name_key(p.get("name")) in names_of(g))
        tallies[category] = _tally(len(found), len(wanted), len(matched))
        result.note(category, "missed", _unmatched(wanted, matched.values(), _name))
        result.note(category, "invented", _unmatched(found, matched, _name))

    gold_codes = set(gold.get("countries", []))
    codes = {c.get("code") for c in record.get("countries", [])}
    tallies["countries"] = Tally(len(codes & gold_codes), len(codes - gold_codes), len(gold_codes - codes))
    result.note("countries", "missed", sorted(str(c) for c in gold_codes - codes))
    result.note("countries", "invented", sorted(str(c) for c in codes - gold_codes))

    gold_days = {d for item in gold.get("dates", []) for d in days(item.get("value"))}
    found_days = {d for item in record.get("dates", []) for d in days(item.get("value"))}
    tallies["dates"] = Tally(len(found_days & gold_days), len(found_days - gold_days), len(gold_days - found_days))
    result.note("dates", "missed", sorted(gold_days - found_days))
    result.note("dates", "invented", sorted(found_days - gold_days))

    gold_events, events = gold.get("events", []), record.get("events", [])
    matched = greedy_match(events, gold_events, lambda p, g: event_matches(p.get("name", ""), g))
    tallies["events"] = _tally(len(events), len(gold_events), len(matched))
    result.note("events", "missed", _unmatched(gold_events, matched.values(), _name))
    result.note("events", "invented", _unmatched(events, matched, _name))

    tallies["meetings"], result.meeting_dates = _score_meetings(gold, record, gold_person_of, result)
    return result


def _score_meetings(
    gold: Json, record: Json, gold_person_of: Mapping[Any, int], result: DocumentScore | None = None
) -> tuple[Tally, Tally]:
    """Meetings as unordered pairs of gold people; the date of a pair is its first meeting's with a date.
    With ``result``, the missed, invented and wrongly dated pairs are noted in it."""
    person_by_name: dict[str, int] = {}
    gold_names = [_name(p) for p in gold.get("people", [])]
    for j, person in enumerate(gold.get("people", [])):
        for key in names_of(person):
            person_by_name.setdefault(key, j)
    record_names = {p.get("id"): _name(p) for p in record.get("people", [])}
    invented: list[str] = []

    gold_pairs: dict[frozenset[int], str | None] = {}
    for meeting in gold.get("meetings", []):
        ids = [person_by_name.get(name_key(n)) for n in meeting.get("participants", [])]
        known = [i for i in ids if i is not None]
        for a, b in _pairs(known):
            if a != b:
                pair = frozenset((a, b))
                if gold_pairs.get(pair) is None:
                    gold_pairs[pair] = first_day(meeting.get("date"))

    found_pairs: dict[frozenset[int], str | None] = {}
    unmatched = 0
    for meeting in record.get("meetings", []):
        for a, b in _pairs(list(meeting.get("participants", []))):
            x, y = gold_person_of.get(a), gold_person_of.get(b)
            if x is None or y is None or x == y:
                unmatched += 1  # a pair with someone not in the gold is wrong, each time
                invented.append(f"{record_names.get(a, a)} + {record_names.get(b, b)}")
                continue
            pair = frozenset((x, y))
            if found_pairs.get(pair) is None:
                found_pairs[pair] = first_day(meeting.get("date"))

    meetings = Tally(
        len(found_pairs.keys() & gold_pairs.keys()),
        len(found_pairs.keys() - gold_pairs.keys()) + unmatched,
        len(gold_pairs.keys() - found_pairs.keys()),
    )
    dates = Tally()
    wrong: list[str] = []

    def show(pair: frozenset[int]) -> str:
        return " + ".join(sorted(gold_names[j] for j in pair))

    for pair, gold_day in gold_pairs.items():
        if pair in found_pairs and gold_day:
            if found_pairs[pair] == gold_day:
                dates.tp += 1
            else:
                dates.fn += 1
                wrong.append(f"{show(pair)}: gold {gold_day}, found {found_pairs[pair] or 'none'}")
    if result is not None:
        result.note("meetings", "missed", [show(p) for p in gold_pairs if p not in found_pairs])
        result.note("meetings", "invented", [show(p) for p in found_pairs if p not in gold_pairs] + invented)
        result.note("meeting_dates", "wrong", wrong)
    return meetings, dates


# --------------------------------------------------------------------------- report


def _round(x: float) -> float:
    return round(x, 4)


@dataclass
class Report:
    """Micro-averaged tallies over all gold documents, with the per-document detail."""

    tallies: dict[str, Tally]
    meeting_dates: Tally
    documents: int
    missing: list[str]
    per_doc: dict[str, DocumentScore]

    def category(self, name: str) -> Json:
        t = self.tallies[name]
        return {
            "p": _round(t.precision),
            "r": _round(t.recall),
            "f1": _round(t.f1),
            "tp": t.tp,
            "fp": t.fp,
            "fn": t.fn,
        }

    @property
    def mean_f1(self) -> float:
        """Mean of the eight (rounded) category F1 figures."""
        return _round(sum(_round(self.tallies[c].f1) for c in CATEGORIES) / len(CATEGORIES))

    @property
    def meeting_date_accuracy(self) -> float | None:
        n = self.meeting_dates.tp + self.meeting_dates.fn
        return _round(self.meeting_dates.tp / n) if n else None

    def figure(self, gate: str) -> float | None:
        """The figure a ``--min-f1`` gate checks (see ``GATE_NAMES``)."""
        if gate == "mean":
            return self.mean_f1
        if gate == "meeting_dates":
            return self.meeting_date_accuracy
        return _round(self.tallies[gate].f1)

    def losses(self) -> dict[str, dict[str, Tally]]:
        """Documents that lose points: {doc id: {category: tally}} for categories with fp or fn."""
        out: dict[str, dict[str, Tally]] = {}
        for doc_id, doc in self.per_doc.items():
            lost = {c: doc.tallies[c] for c in CATEGORIES if doc.tallies[c].loses_points}
            if lost:
                out[doc_id] = lost
        return out

    def as_dict(self, per_doc: bool = False) -> Json:
        """The reference scorer's JSON object; ``per_doc`` adds {doc: {category: [tp, fp, fn]}} (as the
        reference scorer's ``--per-doc``) and ``errors``, the items behind them (:class:`DocumentScore`)."""
        out: Json = {c: self.category(c) for c in CATEGORIES}
        out["meeting_dates"] = {
            "accuracy": self.meeting_date_accuracy,
            "n": self.meeting_dates.tp + self.meeting_dates.fn,
        }
        out["mean_f1"] = self.mean_f1
        out["documents"] = self.documents
        out["missing"] = list(self.missing)
        if per_doc:
            out["per_doc"] = {
                doc_id: {c: [t.tp, t.fp, t.fn] for c, t in doc.tallies.items()} for doc_id, doc in self.per_doc.items()
            }
            out["errors"] = {doc_id: doc.errors for doc_id, doc in self.per_doc.items() if doc.errors}
        return out


def score(gold: Mapping[str, Json], records: Mapping[str, Json]) -> Report:
    """Score ``records`` (by id) against every gold document; a document without a record predicts nothing."""
    tallies = {c: Tally() for c in CATEGORIES}
    meeting_dates = Tally()
    per_doc: dict[str, DocumentScore] = {}
    for doc_id, gold_doc in gold.items():
        doc = score_document(gold_doc, records.get(doc_id, {}))
        per_doc[doc_id] = doc
        for c in CATEGORIES:
            tallies[c] += doc.tallies[c]
        meeting_dates += doc.meeting_dates
    missing = sorted(doc_id for doc_id in gold if doc_id not in records)
    return Report(tallies, meeting_dates, len(gold), missing, per_doc)


# --------------------------------------------------------------------------- gates


def parse_gate(spec: str) -> tuple[str, float]:
    """``"people=0.8"`` -> ("people", 0.8); raises ValueError with a readable message."""
    name, sep, value = spec.partition("=")
    name = name.strip()
    if not sep:
        raise ValueError(f"{spec!r} is not CATEGORY=VALUE")
    if name not in GATE_NAMES:
        raise ValueError(f"unknown category {name!r}; expected one of {', '.join(GATE_NAMES)}")
    try:
        threshold = float(value)
    except ValueError:
        raise ValueError(f"{value.strip()!r} is not a number (in {spec!r})") from None
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold} is not between 0 and 1 (in {spec!r})")
    return name, threshold


def failed_gates(report: Report, gates: Iterable[tuple[str, float]]) -> list[str]:
    """A message for every gate whose figure is below its threshold (an undefined figure fails)."""
    failures = []
    for name, threshold in gates:
        value = report.figure(name)
        label = "mean F1" if name == "mean" else ("meeting-date accuracy" if name == "meeting_dates" else f"{name} F1")
        if value is None:
            failures.append(f"{label} is undefined (no matched meeting with a gold date), minimum {threshold:.3f}")
        elif value < threshold:
            failures.append(f"{label} {value:.3f} is below the minimum {threshold:.3f}")
    return failures


# --------------------------------------------------------------------------- reading files


def _lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Numbered non-blank lines of a UTF-8 (optionally gzipped) file."""
    name = str(path)
    try:
        if name.endswith(".gz"):
            handle = gzip.open(name, "rt", encoding="utf-8-sig")
        else:
            handle = open(name, encoding="utf-8-sig")
    except OSError as exc:
        raise EvalError(f"{name}: cannot open ({exc.strerror or exc})") from None
    with handle:
        try:
            for lineno, line in enumerate(handle, 1):
                if line.strip():
                    yield lineno, line
        except UnicodeDecodeError as exc:
            raise EvalError(f"{name}: not UTF-8 ({exc.reason})") from None
        except (OSError, EOFError) as exc:
            raise EvalError(f"{name}: read error ({exc})") from None


def _objects(path: str | Path, what: str) -> Iterator[tuple[str, Json]]:
    """(``path:line``, object) for every line, each a JSON object with a string id, ids unique."""
    seen: dict[str, str] = {}
    for lineno, line in _lines(path):
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise EvalError(f"{where}: expected a JSON object ({what}), got {_kind(obj)}")
        doc_id = obj.get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise EvalError(f'{where}: no "id" string; every {what} needs the id of its document')
        if doc_id in seen:
            raise EvalError(f"{where}: id {doc_id!r} already given on {seen[doc_id]}")
        seen[doc_id] = where
        yield where, obj


def load_gold(path: str | Path) -> dict[str, Json]:
    """Gold lines by id; any malformed line raises EvalError naming it and what is wrong."""
    gold: dict[str, Json] = {}
    for where, obj in _objects(path, "gold line"):
        problem = gold_problem(obj)
        if problem:
            raise EvalError(f"{where}: {problem}")
        gold[obj["id"]] = obj
    return gold


def load_records(path: str | Path) -> dict[str, Json]:
    """Records by id (as ``nlpmeet extract`` writes them); malformed lines raise EvalError."""
    records: dict[str, Json] = {}
    for where, obj in _objects(path, "record"):
        problem = record_problem(obj)
        if problem:
            raise EvalError(f"{where}: {problem}")
        records[obj["id"]] = obj
    return records


# --------------------------------------------------------------------------- checking shapes


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


Check = Callable[[Any], bool]


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_str_or_null(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


_NAMED: dict[str, tuple[Check, str]] = {"name": (_is_str, "a string"), "aliases": (_is_str_list, "an array of strings")}
_GOLD_ITEMS: dict[str, dict[str, tuple[Check, str]]] = {
    "people": {**_NAMED, "roles": (lambda v: isinstance(v, list), "an array")},
    "organizations": _NAMED,
    "locations": _NAMED,
    "events": _NAMED,
    "dates": {"value": (_is_str_or_null, "a string or null"), "text": (_is_str, "a string")},
    "meetings": {
        "participants": (_is_str_list, "an array of strings"),
        "date": (_is_str_or_null, "a string or null"),
        "location": (_is_str_or_null, "a string or null"),
    },
}
_GOLD_REQUIRED = {"people": "name", "organizations": "name", "locations": "name", "events": "name"}
_ROLE_FIELDS: dict[str, tuple[Check, str]] = {
    "title": (_is_str, "a string"),
    "org": (_is_str_or_null, "a string or null"),
    "country": (_is_str_or_null, "a string or null"),
}


def _fields_problem(obj: Any, where: str, fields: Mapping[str, tuple[Check, str]], required: str | None) -> str | None:
    if not isinstance(obj, dict):
        return f"{where} must be an object, got {_kind(obj)}"
    if required and required not in obj:
        return f"{where} has no {required!r}"
    for key, value in obj.items():
        if key not in fields:
            continue  # extra fields (notes, offsets) are allowed and ignored
        check, expected = fields[key]
        if not check(value):
            return f"{where}.{key} must be {expected}, got {_kind(value)}"
    return None


def gold_problem(obj: Json) -> str | None:
    """What is wrong with a gold line, or None. Unknown keys holding arrays or objects are refused
    (a misspelt category would silently score nothing); other extra keys ("notes") are allowed."""
    if "dct" in obj and not _is_str_or_null(obj["dct"]):
        return f"dct must be a string or null, got {_kind(obj['dct'])}"
    for key, value in obj.items():
        if key in _GOLD_ITEMS or key == "countries":
            if not isinstance(value, list):
                return f"{key} must be an array, got {_kind(value)}"
        elif isinstance(value, (list, dict)):
            expected = ", ".join(("countries", *_GOLD_ITEMS))
            return f"unknown key {key!r} holding {_kind(value)}; gold categories are {expected}"
    if not _is_str_list(obj.get("countries", [])):
        return "countries must be an array of ISO code strings"
    for category, fields in _GOLD_ITEMS.items():
        for i, item in enumerate(obj.get(category, [])):
            problem = _fields_problem(item, f"{category}[{i}]", fields, _GOLD_REQUIRED.get(category))
            if problem:
                return problem
            if category == "people":
                for k, role in enumerate(item.get("roles", [])):
                    problem = _fields_problem(role, f"people[{i}].roles[{k}]", _ROLE_FIELDS, "title")
                    if problem:
                        return problem
    return None


def record_problem(obj: Json) -> str | None:
    """What is wrong with a record for scoring, or None (only the fields the score reads are checked)."""
    for key in ("people", "organizations", "countries", "locations", "dates", "events", "meetings"):
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            return f"{key} must be an array of objects"
    for i, person in enumerate(obj.get("people", [])):
        if not isinstance(person.get("roles", []), list) or not all(
            isinstance(r, dict) for r in person.get("roles", [])
        ):
            return f"people[{i}].roles must be an array of objects"
    for i, meeting in enumerate(obj.get("meetings", [])):
        if not isinstance(meeting.get("participants", []), list):
            return f"meetings[{i}].participants must be an array"
    for i, date in enumerate(obj.get("dates", [])):
        if not _is_str_or_null(date.get("value")):
            return f"dates[{i}].value must be a string or null"
    return None
