"""Running a command end to end: inputs -> api -> writer, messages on stderr, exit status.

Kept out of cli.py so the CLI stays a thin layer of options.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from nlpmeet.io.readers import InputProblem, ReadOptions
from nlpmeet.io.safe_output import silence_stdout, uninterrupted
from nlpmeet.io.writers import make_writer

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def warn(message: str) -> None:
    print(f"nlpmeet: {message}", file=sys.stderr, flush=True)


def run_extract(
    paths: list[str],
    options: ReadOptions,
    fmt: str | None,
    output: Path | None,
    workers: int = 1,
    scheduler: str | None = None,
    quiet: bool = False,
) -> int:
    from nlpmeet import parallel, progress
    from nlpmeet.io.readers import read_inputs
    from nlpmeet.language import warn_foreign

    stream: TextIO
    if output is not None:
        try:
            stream = open(output, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            warn(f"cannot write {output}: {exc.strerror or exc}")
            return EXIT_USAGE
    else:
        stream = sys.stdout
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    writer = make_writer(fmt, stream)
    status = EXIT_OK
    try:
        items = warn_foreign(read_inputs(paths, options), warn)  # a warning only, for non-French text
        results = parallel.extract(items, workers=workers, scheduler=scheduler)
        if progress.wanted(quiet, output):
            results = progress.track(results, lambda: progress.count_documents(paths, options))
        for result in results:
            if isinstance(result, InputProblem):
                warn(str(result))
                status = EXIT_INPUT
                continue
            with uninterrupted():  # a Ctrl-C waits for the record being written
                writer.write(result)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        silence_stdout()
    except KeyboardInterrupt:
        warn("interrupted; every record written so far is complete")
        status = EXIT_INTERRUPTED
    except OSError as exc:  # writing failed (disk full, ...): the records written before are whole
        warn(f"cannot write {output or '<stdout>'}: {exc.strerror or exc}")
        status = EXIT_INPUT
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback, unless NLPMEET_DEBUG is set
        if os.environ.get("NLPMEET_DEBUG"):
            raise
        warn(f"internal error: {type(exc).__name__}: {exc} (set NLPMEET_DEBUG=1 for the traceback)")
        status = EXIT_INPUT
    finally:
        if output is not None:
            try:
                stream.close()
            except OSError:
                status = EXIT_INPUT  # already reported: the flush on close failed the same way
    return status


def run_eval(
    gold_path: Path, docs: list[str], pred: Path | None, fmt: str | None, per_doc: bool, gates: list[tuple[str, float]]
) -> int:
    """Score records (from ``pred``, or extracted from ``docs``) against gold; print the report;
    exit 1 when an input failed or a ``--min-f1`` gate is not met."""
    import json

    from nlpmeet.evaluate import EvalError, failed_gates, load_gold, load_records, score

    status = EXIT_OK
    try:
        gold = load_gold(gold_path)
        if pred is not None:
            records = load_records(pred)
        else:
            from nlpmeet.api import extract_paths

            records = {}
            for result in extract_paths(docs):
                if isinstance(result, InputProblem):
                    warn(str(result))
                    status = EXIT_INPUT
                else:
                    records[result["id"]] = result
        report = score(gold, records)
        if fmt is None:
            fmt = "table" if sys.stdout.isatty() else "json"
        if fmt == "json":
            print(json.dumps(report.as_dict(per_doc=per_doc), ensure_ascii=False), flush=True)
        else:
            from nlpmeet.io.eval_table import write_report

            write_report(report, sys.stdout, per_doc=per_doc)
    except EvalError as exc:
        warn(str(exc))
        return EXIT_INPUT
    except BrokenPipeError:
        silence_stdout()
    except KeyboardInterrupt:
        warn("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback, unless NLPMEET_DEBUG is set
        if os.environ.get("NLPMEET_DEBUG"):
            raise
        warn(f"internal error: {type(exc).__name__}: {exc} (set NLPMEET_DEBUG=1 for the traceback)")
        return EXIT_INPUT
    if report.missing and pred is not None:
        warn(f"{len(report.missing)} gold document(s) without a record, scored as predicting nothing")
    for failure in failed_gates(report, gates):
        warn(f"below the minimum: {failure}")
        status = EXIT_INPUT
    return status
