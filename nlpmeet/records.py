"""Doc -> record: the one place where the output contract (spec/output.md) is built.

Writers (JSONL, table, mentions) and the scorer read these records only.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from nlpmeet.extensions import (
    COUNTRIES_GROUP,
    DATES_GROUP,
    EVENTS_GROUP,
    LOCATIONS_GROUP,
    ORGS_GROUP,
    PEOPLE_GROUP,
)
from nlpmeet.normalise.countries import country_name

Record = dict[str, Any]

CATEGORIES = ("people", "organizations", "countries", "locations", "dates", "events", "meetings")


def empty_record(doc_id: str, dct: str | None = None) -> Record:
    return {"id": doc_id, "dct": dct, **{key: [] for key in CATEGORIES}}


def mention(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def _group(doc: Doc, key: str) -> list[Span]:
    spans = list(doc.spans[key]) if key in doc.spans else []
    spans = [s for s in spans if s._.norm and s.text.strip()]
    spans.sort(key=lambda s: (s.start_char, s.end_char))
    return spans


def _clusters(spans: list[Span]) -> dict[str, list[Span]]:
    """Group spans by norm, in order of first mention, dropping duplicate offsets."""
    clusters: dict[str, list[Span]] = {}
    seen: set[tuple[str, int, int]] = set()
    for span in spans:
        norm = span._.norm
        if (norm, span.start_char, span.end_char) in seen:
            continue
        seen.add((norm, span.start_char, span.end_char))
        clusters.setdefault(norm, []).append(span)
    return clusters


def _fullest_form(spans: list[Span]) -> str:
    """A place's name as the text writes it: its fullest form ("palais de l'Élysée" beside "l'Élysée"), a
    form in capitals (a dateline's "NEW YORK") only when the text has no other; the first on a tie."""
    best = max(spans, key=lambda s: (not s.text.isupper(), len(s), len(s.text), -s.start_char))
    return " ".join(best.text.split())


def _place_name(norm: str | None, names: dict[str, str]) -> str | None:
    return names.get(norm, norm) if norm is not None else None


def doc_to_record(doc: Doc, doc_id: str) -> Record:
    record = empty_record(doc_id, doc._.dct)
    people_info = doc._.people or {}
    person_ids: dict[str, str] = {}
    for norm, spans in _clusters(_group(doc, PEOPLE_GROUP)).items():
        info = people_info.get(norm, {})
        pid = f"P{len(person_ids) + 1}"
        person_ids[norm] = pid
        record["people"].append(
            {
                "id": pid,
                "name": norm,
                "roles": [dict(role) for role in info.get("roles", [])],
                "country": info.get("country"),
                "mentions": [mention(s) for s in spans],
            }
        )
    for i, (norm, spans) in enumerate(_clusters(_group(doc, ORGS_GROUP)).items(), 1):
        record["organizations"].append({"id": f"O{i}", "name": norm, "mentions": [mention(s) for s in spans]})
    for code, spans in _clusters(_group(doc, COUNTRIES_GROUP)).items():
        record["countries"].append(
            {"code": code, "name": country_name(code), "mentions": [mention(s) for s in spans]}
        )
    place_names: dict[str, str] = {}  # a place's key (lexicon name) -> its name as the text gives it
    for norm, spans in _clusters(_group(doc, LOCATIONS_GROUP)).items():
        country = next((s._.country for s in spans if s._.country), None)
        name = place_names[norm] = _fullest_form(spans)
        record["locations"].append({"name": name, "country": country, "mentions": [mention(s) for s in spans]})
    date_spans = list(doc.spans[DATES_GROUP]) if DATES_GROUP in doc.spans else []
    for span in sorted(date_spans, key=lambda s: (s.start_char, s.end_char)):
        record["dates"].append({**mention(span), "value": span._.norm})
    events_info = doc._.events or {}
    event_ids: dict[str, str] = {}
    for norm, spans in _clusters(_group(doc, EVENTS_GROUP)).items():
        info = events_info.get(norm, {})
        eid = f"E{len(event_ids) + 1}"
        event_ids[norm] = eid
        record["events"].append(
            {
                "id": eid,
                "name": norm,
                "date": info.get("date"),
                "location": _place_name(info.get("location"), place_names),
                "mentions": [mention(s) for s in spans],
            }
        )
    text: str | None = None  # doc.text joins every token: built once, for the first meeting
    for meeting in doc._.meetings or []:
        participants = [person_ids[p] for p in meeting["participants"] if p in person_ids]
        participants = list(dict.fromkeys(participants))
        if len(participants) < 2:
            continue
        start, end = meeting["start"], meeting["end"]
        if text is None:
            text = doc.text
        record["meetings"].append(
            {
                "participants": participants,
                "date": meeting.get("date"),
                "location": _place_name(meeting.get("location"), place_names),
                "event": event_ids.get(meeting.get("event") or ""),
                "text": text[start:end],
                "start": start,
                "end": end,
            }
        )
    return record


def shift_record(record: Record, offset: int, text: str) -> Record:
    """Move every offset of ``record`` by ``offset`` (for documents processed in parts)."""

    def move(obj: dict[str, Any]) -> None:
        obj["start"] += offset
        obj["end"] += offset

    for key in ("people", "organizations", "countries", "locations", "events"):
        for item in record[key]:
            for m in item["mentions"]:
                move(m)
    for key in ("dates", "meetings"):
        for item in record[key]:
            move(item)
    return record
