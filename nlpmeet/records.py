"""Doc -> record: the one place where the output contract (spec/output.md) is built.

Writers (JSONL, table, mentions) and the scorer read these records only.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from nlpmeet.components.tokens import TokenTable
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


# A span of a group as the record reads it: (norm, start_char, end_char, span); its text is the Doc's text
# between the offsets (what ``Span.text`` gives, without making a Token per word).
_Item = tuple[str, int, int, Span]


def doc_text(doc: Doc) -> str:
    """``doc.text``, from the token table the components share (no Token object per word)."""
    table = TokenTable.of(doc)
    return "".join(map(str.__add__, table.texts, table.ws))


def _mention(text: str, item: _Item) -> dict[str, Any]:
    return {"text": text[item[1] : item[2]], "start": item[1], "end": item[2]}


def _group(doc: Doc, key: str, text: str) -> list[_Item]:
    items: list[_Item] = []
    for span in doc.spans[key] if key in doc.spans else ():
        norm, start, end = span._.norm, span.start_char, span.end_char
        if norm and text[start:end].strip():
            items.append((norm, start, end, span))
    items.sort(key=lambda item: (item[1], item[2]))
    return items


def _clusters(items: list[_Item]) -> dict[str, list[_Item]]:
    """Group spans by norm, in order of first mention, dropping duplicate offsets."""
    clusters: dict[str, list[_Item]] = {}
    seen: set[tuple[str, int, int]] = set()
    for item in items:
        if item[:3] in seen:
            continue
        seen.add(item[:3])
        clusters.setdefault(item[0], []).append(item)
    return clusters


def _fullest_form(text: str, items: list[_Item]) -> str:
    """A place's name as the text writes it: its fullest form ("palais de l'Élysée" beside "l'Élysée"), a
    form in capitals (a dateline's "NEW YORK") only when the text has no other; the first on a tie."""

    def rank(item: _Item) -> tuple[bool, int, int, int]:
        form = text[item[1] : item[2]]
        return (not form.isupper(), len(item[3]), len(form), -item[1])

    best = max(items, key=rank)
    return " ".join(text[best[1] : best[2]].split())


def _place_name(norm: str | None, names: dict[str, str]) -> str | None:
    return names.get(norm, norm) if norm is not None else None


def doc_to_record(doc: Doc, doc_id: str) -> Record:
    record = empty_record(doc_id, doc._.dct)
    text = doc_text(doc)
    people_info = doc._.people or {}
    person_ids: dict[str, str] = {}
    for norm, items in _clusters(_group(doc, PEOPLE_GROUP, text)).items():
        info = people_info.get(norm, {})
        pid = f"P{len(person_ids) + 1}"
        person_ids[norm] = pid
        record["people"].append(
            {
                "id": pid,
                "name": norm,
                "roles": [dict(role) for role in info.get("roles", [])],
                "country": info.get("country"),
                "mentions": [_mention(text, item) for item in items],
            }
        )
    for i, (norm, items) in enumerate(_clusters(_group(doc, ORGS_GROUP, text)).items(), 1):
        record["organizations"].append(
            {"id": f"O{i}", "name": norm, "mentions": [_mention(text, item) for item in items]}
        )
    for code, items in _clusters(_group(doc, COUNTRIES_GROUP, text)).items():
        record["countries"].append(
            {"code": code, "name": country_name(code), "mentions": [_mention(text, item) for item in items]}
        )
    place_names: dict[str, str] = {}  # a place's key (lexicon name) -> its name as the text gives it
    for norm, items in _clusters(_group(doc, LOCATIONS_GROUP, text)).items():
        country = next((item[3]._.country for item in items if item[3]._.country), None)
        name = place_names[norm] = _fullest_form(text, items)
        record["locations"].append(
            {"name": name, "country": country, "mentions": [_mention(text, item) for item in items]}
        )
    date_spans = list(doc.spans[DATES_GROUP]) if DATES_GROUP in doc.spans else []
    for span in sorted(date_spans, key=lambda s: (s.start_char, s.end_char)):
        start, end = span.start_char, span.end_char
        record["dates"].append({"text": text[start:end], "start": start, "end": end, "value": span._.norm})
    events_info = doc._.events or {}
    event_ids: dict[str, str] = {}
    for norm, items in _clusters(_group(doc, EVENTS_GROUP, text)).items():
        info = events_info.get(norm, {})
        eid = f"E{len(event_ids) + 1}"
        event_ids[norm] = eid
        record["events"].append(
            {
                "id": eid,
                "name": norm,
                "date": info.get("date"),
                "location": _place_name(info.get("location"), place_names),
                "mentions": [_mention(text, item) for item in items],
            }
        )
    for meeting in doc._.meetings or []:
        participants = [person_ids[p] for p in meeting["participants"] if p in person_ids]
        participants = list(dict.fromkeys(participants))
        if len(participants) < 2:
            continue
        start, end = meeting["start"], meeting["end"]
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
