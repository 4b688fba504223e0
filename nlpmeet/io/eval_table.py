"""Rich tables for ``nlpmeet eval``: the score per category and, with ``--per-doc``, the documents that lose points."""

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
    """One row per document that loses points: for each category, its false positives and negatives."""
    table = Table(title="Documents losing points", title_justify="left")
    table.add_column("document", overflow="fold")
    table.add_column("losses (fp = wrong or extra, fn = missed)", overflow="fold")
    missing = set(report.missing)
    for doc_id, lost in report.losses().items():
        parts = []
        for category, t in lost.items():
            counts = ", ".join(x for x in (f"{t.fp} fp" if t.fp else "", f"{t.fn} fn" if t.fn else "") if x)
            parts.append(f"{category} {counts}")
        label = f"{doc_id} (no record)" if doc_id in missing else doc_id
        table.add_row(label, "; ".join(parts))
    return table


def write_report(report: Report, stream: TextIO, per_doc: bool = False) -> None:
    console = Console(file=stream, highlight=False)
    console.print(score_table(report))
    if per_doc:
        if report.losses():
            console.print(losses_table(report))
        else:
            console.print("No document loses points.")
