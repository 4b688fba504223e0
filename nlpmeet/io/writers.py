"""Writers: JSONL records, one line per mention, and Rich tables. They read records only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from rich.console import Console

Record = dict[str, Any]

FORMATS = ("table", "jsonl", "mentions")


class Writer(Protocol):
    def write(self, record: Record) -> None: ...


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class JsonlWriter:
    """One record per line, written whole and flushed, so readers never see half a record."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, record: Record) -> None:
        self.stream.write(dumps(record) + "\n")
        self.stream.flush()


def mention_rows(record: Record) -> Iterator[dict[str, Any]]:
    """Every mention of a record as {id, type, text, start, end, norm}, in text order."""
    rows: list[dict[str, Any]] = []

    def add(kind: str, m: dict[str, Any], norm: Any) -> None:
        rows.append(
            {"id": record["id"], "type": kind, "text": m["text"], "start": m["start"], "end": m["end"], "norm": norm}
        )

    for person in record["people"]:
        for m in person["mentions"]:
            add("PERSON", m, person["name"])
        for role in person.get("roles", []):
            for m in role.get("mentions", []):
                add("ROLE", m, role["title"])
    for org in record["organizations"]:
        for m in org["mentions"]:
            add("ORG", m, org["name"])
    for country in record["countries"]:
        for m in country["mentions"]:
            add("COUNTRY", m, country["code"])
    for loc in record["locations"]:
        for m in loc["mentions"]:
            add("LOC", m, loc["name"])
    for date in record["dates"]:
        add("DATE", date, date["value"])
    for event in record["events"]:
        for m in event["mentions"]:
            add("EVENT", m, event["name"])
    rows.sort(key=lambda r: (r["start"], r["end"], r["type"]))
    yield from rows


class MentionsWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, record: Record) -> None:
        lines = "".join(dumps(row) + "\n" for row in mention_rows(record))
        self.stream.write(lines)
        self.stream.flush()


def _role_text(role: dict[str, Any]) -> str:
    affiliation = ", ".join(x for x in (role.get("org"), role.get("country")) if x)
    return f"{role['title']} ({affiliation})" if affiliation else role["title"]


def _mentions_text(item: dict[str, Any]) -> str:
    forms = list(dict.fromkeys(m["text"] for m in item["mentions"]))
    return ", ".join(forms)


class TableWriter:
    """Rich tables per document: a header line, then People, Meetings, Dates, Countries, Orgs, Events."""

    def __init__(self, stream: TextIO, console: Console | None = None) -> None:
        from rich.console import Console  # (Rich only for tables: a JSONL run starts without importing it)

        self.console = console or Console(file=stream, highlight=False)

    def write(self, record: Record) -> None:
        from rich.table import Table

        c = self.console
        people = {p["id"]: p for p in record["people"]}
        events = {e["id"]: e for e in record["events"]}
        c.rule(f"[bold]{record['id']}[/]  dct {record['dct'] or '—'}")
        for error in record.get("errors", []):
            c.print(f"[red]error:[/] {error}")
        if record["people"]:
            t = Table(title="People", title_justify="left")
            for col in ("id", "name", "roles", "country", "mentions"):
                t.add_column(col)
            for p in record["people"]:
                roles = "; ".join(_role_text(r) for r in p["roles"])
                t.add_row(p["id"], p["name"], roles, p["country"] or "", str(len(p["mentions"])))
            c.print(t)
        if record["meetings"]:
            t = Table(title="Meetings", title_justify="left")
            for col in ("participants", "date", "location", "event", "evidence"):
                t.add_column(col, overflow="fold")
            for m in record["meetings"]:
                names = " · ".join(people[p]["name"] for p in m["participants"] if p in people)
                event = events[m["event"]]["name"] if m.get("event") in events else ""
                evidence = m["text"] if len(m["text"]) <= 120 else m["text"][:117] + "…"
                t.add_row(names, m["date"] or "", m["location"] or "", event, evidence)
            c.print(t)
        if record["dates"]:
            t = Table(title="Dates", title_justify="left")
            t.add_column("text")
            t.add_column("value")
            t.add_column("offset", justify="right")
            for d in record["dates"]:
                t.add_row(d["text"], d["value"] or "—", str(d["start"]))
            c.print(t)
        if record["countries"]:
            t = Table(title="Countries", title_justify="left")
            for col in ("code", "name", "mentions"):
                t.add_column(col)
            for k in record["countries"]:
                t.add_row(k["code"], k["name"], _mentions_text(k))
            c.print(t)
        if record["locations"]:
            t = Table(title="Locations", title_justify="left")
            for col in ("name", "country", "mentions"):
                t.add_column(col)
            for loc in record["locations"]:
                t.add_row(loc["name"], loc["country"] or "", _mentions_text(loc))
            c.print(t)
        if record["organizations"]:
            t = Table(title="Organisations", title_justify="left")
            for col in ("id", "name", "mentions"):
                t.add_column(col)
            for o in record["organizations"]:
                t.add_row(o["id"], o["name"], _mentions_text(o))
            c.print(t)
        if record["events"]:
            t = Table(title="Events", title_justify="left")
            for col in ("id", "name", "date", "location"):
                t.add_column(col)
            for e in record["events"]:
                t.add_row(e["id"], e["name"], e["date"] or "", e["location"] or "")
            c.print(t)


def make_writer(fmt: str, stream: TextIO) -> Writer:
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "mentions":
        return MentionsWriter(stream)
    if fmt == "table":
        return TableWriter(stream)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
