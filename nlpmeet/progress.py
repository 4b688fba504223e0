"""A Rich progress bar on stderr: documents done (of how many), documents per second, time left.

Shown only when stderr is a terminal, ``--quiet`` is not given, the records do not go to that same
terminal (there they are the progress), and the run has more than one document: the bar appears
with the second result. The total comes from a count of the inputs (a line count for JSONL files)
made in a background thread while the pipeline loads; for stdin it is unknown and the bar shows the
count and rate without ETA.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from nlpmeet.io.readers import STDIN, ReadOptions, _open_bytes, expand, is_jsonl

T = TypeVar("T")


def wanted(quiet: bool, output: Path | None, stderr: IO[str] | None = None, stdout: IO[str] | None = None) -> bool:
    stderr = stderr or sys.stderr
    stdout = stdout or sys.stdout
    if quiet or not _isatty(stderr):
        return False
    return output is not None or not _isatty(stdout)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def count_documents(paths: Iterable[str], options: ReadOptions | None = None) -> int | None:
    """How many documents (or input problems) the inputs hold; None when stdin is among them."""
    total = 0
    for name in expand(list(paths) or [STDIN]):
        if name == STDIN:
            return None
        if not isinstance(name, str) or not is_jsonl(name):  # a text file, or an unreadable directory
            total += 1
            continue
        try:
            with _open_bytes(name) as handle:
                total += sum(1 for line in handle if line.strip())
        except (OSError, EOFError, ValueError):
            total += 1  # it will be reported as one input problem
    return total


def _columns() -> list[Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    return [
        TextColumn("[bold]nlpmeet[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TextColumn("{task.fields[rate]} docs/s"),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
    ]


class _Count:
    """The number of documents, counted in a background thread (it overlaps loading the pipeline)."""

    def __init__(self, total: int | None | Callable[[], int | None]) -> None:
        self.value: int | None = None
        self.thread: threading.Thread | None = None
        if callable(total):
            self.thread = threading.Thread(target=self._run, args=(total,), name="nlpmeet-count", daemon=True)
            self.thread.start()
        else:
            self.value = total

    def _run(self, count: Callable[[], int | None]) -> None:
        try:
            self.value = count()
        except Exception:  # noqa: BLE001 - a bar without a total is fine
            self.value = None

    @property
    def ready(self) -> bool:
        return self.thread is None or not self.thread.is_alive()


def track(
    results: Iterable[T], total: int | None | Callable[[], int | None], stderr: IO[str] | None = None
) -> Iterator[T]:
    """``results`` unchanged, with the bar drawn once a second result arrives. ``total`` may be a
    function (e.g. ``lambda: count_documents(paths)``), then called in a background thread."""
    from time import perf_counter

    count = _Count(total)
    iterator = iter(results)
    first = next(iterator, _END)
    if first is _END:
        return
    start = perf_counter()  # after the first result: the rate leaves out loading the pipeline
    second = next(iterator, _END)
    if second is _END or (count.ready and count.value is not None and count.value <= 1):
        yield first  # type: ignore[misc]
        if second is not _END:
            yield second  # type: ignore[misc]
        yield from iterator
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=stderr or sys.stderr, stderr=stderr is None)
    done = 0
    with Progress(*_columns(), console=console, transient=False, redirect_stdout=False, redirect_stderr=False) as bar:
        known = count.ready
        task = bar.add_task("extract", total=count.value if known else None, rate="–")
        for result in _chain(first, second, iterator):
            yield result
            elapsed = perf_counter() - start
            if not known and count.ready:
                known = True
                bar.update(task, total=count.value)
            bar.update(task, advance=1, rate=f"{done / elapsed:.1f}" if done and elapsed > 0 else "–")
            done += 1


_END = object()


def _chain(first: Any, second: Any, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield second
    yield from rest
