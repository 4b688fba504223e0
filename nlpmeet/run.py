"""Running a command end to end: inputs -> api -> writer, messages on stderr, exit status.

Kept out of cli.py so the CLI stays a thin layer of options.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from nlpmeet.io.readers import InputProblem, ReadOptions
from nlpmeet.io.writers import make_writer

EXIT_OK = 0
EXIT_INPUT = 1


def warn(message: str) -> None:
    print(f"nlpmeet: {message}", file=sys.stderr, flush=True)


def run_extract(paths: list[str], options: ReadOptions, fmt: str | None, output: Path | None) -> int:
    from nlpmeet.api import extract_paths

    stream: TextIO
    if output is not None:
        stream = open(output, "w", encoding="utf-8", newline="\n")
    else:
        stream = sys.stdout
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    writer = make_writer(fmt, stream)
    status = EXIT_OK
    try:
        for result in extract_paths(paths, options):
            if isinstance(result, InputProblem):
                warn(str(result))
                status = EXIT_INPUT
                continue
            writer.write(result)
    finally:
        if output is not None:
            stream.close()
    return status
