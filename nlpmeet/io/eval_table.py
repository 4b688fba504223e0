"""Rich tables for ``nlpmeet eval``: the score per category and, with ``--per-doc``, the documents that lose
points with the items they miss and invent."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from nlpmeet.evaluate import CATEGORIES, Report


def score_table(report: Report) -> Table:
    """P, R, F1, tp, fp, fn per category; meeting-date accuracy and mean F1 in the caption."""
    table = Table(title="Score", title_justify="left", caption_justify="left")
    table.add_column("category")
    for name in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="right")
    for category in CATEGORIES:
        c = report.category(category)
        table.add_row(
            category, f"{c['p']:.3f}", f"{c['r']:.3f}", f"{c['f1']:.3f}", str(c["tp"]), str(c["fp"]), str(c["fn"])
        )
    n = report.meeting_dates.tp + report.meeting_dates.fn
    accuracy = report.meeting_date_accuracy
    lines = [
        f"meeting dates accuracy {'n/a' if accuracy is None else f'{accuracy:.3f}'} over {n} matched pairs",
        f"mean F1 {report.mean_f1:.3f} over {report.documents} documents"
        + (f" ({len(report.missing)} without a record)" if report.missing else ""),
    ]
    table.caption = "\n".join(lines)
    return table


def losses_table(report: Report) -> Table:
    """One row per document and category that lose points: the gold items missed (fn) and the items
    found that the gold does not have (fp), by name; wrongly dated meetings last."""
    table = Table(title="Documents losing points", title_justify="left")
    table.add_column("document", overflow="fold")
    table.add_column("category")
    table.add_column("missed (fn)", overflow="fold")
    table.add_column("invented or wrong (fp)", overflow="fold")
    missing = set(report.missing)
    for doc_id, lost in report.losses().items():
        errors = report.per_doc[doc_id].errors
        label = f"{doc_id} (no record)" if doc_id in missing else doc_id
        for category, t in lost.items():
            found = errors.get(category, {})
            table.add_row(
                label,
                category,
                _items(t.fn, found.get("missed", [])),
                _items(t.fp, found.get("invented", [])),
            )
            label = ""
    for doc_id, doc in report.per_doc.items():
        wrong = doc.errors.get("meeting_dates", {}).get("wrong", [])
        if wrong:
            table.add_row(doc_id, "meeting dates", "", _items(len(wrong), wrong))
    return table


def _items(count: int, items: list[str]) -> str:
    return f"{count}: " + "; ".join(items) if count else ""


def write_report(report: Report, stream: TextIO, per_doc: bool = False) -> None:
    console = Console(file=stream, highlight=False)
    console.print(score_table(report))
    if per_doc:
        if report.losses():
            console.print(losses_table(report))
        else:
            console.print("No document loses points.")
