"""The nlpmeet command line: a thin Typer layer over nlpmeet.api."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from nlpmeet import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract who met whom, in which role, when and where, from French news and press releases.",
)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    mentions = "mentions"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nlpmeet {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """nlpmeet: structured facts from French news."""


def _lean_spacy() -> None:
    """Called before the library is first imported: spaCy without its own CLI (a faster cold start;
    nlpmeet/fastload.py, measure 6). --help and --version import no spaCy at all."""
    from nlpmeet import fastload

    fastload.lean_spacy_import()


def _check_date(value: str | None) -> str | None:
    _lean_spacy()
    from nlpmeet.api import valid_day

    if value is not None and not valid_day(value):
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return value


def _check_encoding(value: str) -> str:
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise typer.BadParameter(f"unknown encoding {value!r} (e.g. utf-8, latin-1, cp1252)") from None
    return value


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files (.txt, .jsonl, .jsonl.gz), directories, or - for stdin (the default)."),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output form; default: table on a terminal, jsonl otherwise."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", callback=_check_date, help="Publication date (YYYY-MM-DD) for every input."),
    ] = None,
    text_field: Annotated[str, typer.Option(help="JSONL field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL field holding the document id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSONL field holding the publication date.")] = "date",
    encoding: Annotated[str, typer.Option(callback=_check_encoding, help="Encoding of the input files.")] = "utf-8",
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=0, help="Worker processes (0: one per core); records stay in order.")
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster, e.g. tcp://HOST:8786."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract people, roles, places, dates, events and meetings from French texts."""
    _lean_spacy()
    from nlpmeet.io.readers import ReadOptions
    from nlpmeet.run import run_extract

    for path in paths or []:
        if path != "-" and not Path(path).exists():
            raise typer.BadParameter(f"no such file or directory: {path}", param_hint="PATHS")
    options = ReadOptions(text_field=text_field, id_field=id_field, date_field=date_field, encoding=encoding, date=date)
    status = run_extract(
        paths or [], options, fmt.value if fmt else None, output, workers=workers, scheduler=scheduler, quiet=quiet
    )
    raise typer.Exit(status)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def _check_gates(values: list[str] | None) -> list[tuple[str, float]]:
    from nlpmeet.evaluate import parse_gate

    gates = []
    for value in values or []:
        try:
            gates.append(parse_gate(value))
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    return gates


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", help="Gold annotations (JSONL, spec/annotation.md).")],
    docs: Annotated[
        list[str] | None, typer.Argument(metavar="DOCS", help="Documents to extract from and score (as for extract).")
    ] = None,
    pred: Annotated[
        Path | None, typer.Option("--pred", metavar="RECORDS", help="Score records written earlier instead.")
    ] = None,
    fmt: Annotated[
        EvalFormat | None,
        typer.Option("--format", "-f", help="Output form; default: table on a terminal, json otherwise."),
    ] = None,
    per_doc: Annotated[
        bool,
        typer.Option(
            "--per-doc", help="Also list the documents that lose points, with the items they miss and invent."
        ),
    ] = False,
    min_f1: Annotated[
        list[str] | None,
        typer.Option(
            "--min-f1",
            metavar="CATEGORY=VALUE",
            help="Exit 1 when the F1 of CATEGORY (or mean, meeting_dates) is below VALUE; repeatable.",
        ),
    ] = None,
) -> None:
    """Score extraction against gold annotations: P/R/F1 per category, meeting-date accuracy, mean F1."""
    _lean_spacy()
    from nlpmeet.run import run_eval

    gates = _check_gates(min_f1)
    for path in [str(gold), *(str(pred) for pred in [pred] if pred), *(docs or [])]:
        if path != "-" and not Path(path).exists():
            raise typer.BadParameter(f"no such file or directory: {path}")
    if bool(docs) == (pred is not None):
        which = "both DOCS and --pred given" if docs else "neither DOCS nor --pred given"
        raise typer.BadParameter(f"{which}: score either DOCS (extracted now) or --pred RECORDS", param_hint="DOCS")
    raise typer.Exit(run_eval(gold, docs or [], pred, fmt.value if fmt else None, per_doc, gates))


def main() -> None:
    # One BLAS thread per process (fastload measure 9; parallelism is --workers'): said before numpy loads
    # OpenBLAS, it does not even start the threads it would leave idle (a user's own setting is kept).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    app(prog_name="nlpmeet")
