"""Engines (--workers, --scheduler) give the local run's records, in input order; the progress bar."""

from __future__ import annotations

import io
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from nlpmeet import parallel, progress
from nlpmeet.io.readers import Document, InputProblem, Item, ReadOptions
from tests.conftest import ROOT
from tests.french_sample import articles, sentences

BIN = Path(sys.executable).parent


def docs(n: int, seed: int = 0) -> list[Item]:
    return [Document(id=f"d{i}", text=t, date="2024-07-11") for i, t in enumerate(articles(n, seed=seed))]


# --- chunking and ordering (no model) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sizes", "max_docs", "max_chars", "expected"),
    [
        ([10] * 7, 3, 1000, [3, 3, 1]),
        ([10] * 6, 3, 1000, [3, 3]),
        ([400, 700, 10, 10, 2000, 5], 10, 1000, [2, 3, 1]),
        ([5000], 10, 1000, [1]),
        ([], 3, 1000, []),
    ],
)
def test_chunks_cut_by_documents_and_characters(sizes, max_docs, max_chars, expected):
    items: list[Item] = [Document(id=str(i), text="x" * n) for i, n in enumerate(sizes)]
    got = list(parallel.chunks(items, max_docs=max_docs, max_chars=max_chars))
    assert [len(c) for c in got] == expected
    assert [d for c in got for d in c] == items


def test_input_problems_keep_their_place_in_chunks():
    items: list[Item] = [Document("a", "x"), InputProblem("f:2", "bad"), Document("c", "y")]
    assert [i for c in parallel.chunks(items, max_docs=2) for i in c] == items


def test_ordered_yields_in_input_order_with_a_bounded_window():
    rng = random.Random(3)
    in_flight = 0
    most = 0

    def work(chunk: list[Item]) -> list[str]:
        nonlocal in_flight
        time.sleep(rng.random() / 200)
        in_flight -= 1
        return [d.id for d in chunk]

    with ThreadPoolExecutor(4) as pool:

        def submit(chunk: list[Item]) -> Future:
            nonlocal in_flight, most
            in_flight += 1
            most = max(most, in_flight)
            return pool.submit(work, chunk)

        items: list[Item] = [Document(str(i), "x") for i in range(200)]
        got = list(parallel._ordered(submit, items, 5, max_docs=3, max_chars=10**6))
    assert got == [str(i) for i in range(200)]
    assert most <= 5


def test_ordered_reads_input_lazily():
    consumed = 0

    def endless() -> Iterator[Item]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield Document(str(i), "x")

    with ThreadPoolExecutor(2) as pool:
        results = parallel._ordered(lambda c: pool.submit(lambda: [d.id for d in c]), endless(), 4, max_docs=8)
        assert list(itertools.islice(results, 20)) == [str(i) for i in range(20)]
    assert consumed <= 8 * 4 + 8 * 3  # the window ahead, never the whole input


@pytest.mark.parametrize(("given", "expected"), [(1, 1), (3, 3), (0, os.cpu_count() or 1), (-2, os.cpu_count() or 1)])
def test_resolve_workers(given, expected):
    assert parallel.resolve_workers(given) == expected


# --- worker processes (model) --------------------------------------------------------------------------


@pytest.mark.model
def test_workers_stream_in_order_from_an_endless_input():
    def endless() -> Iterator[Item]:
        for i in itertools.count():
            yield Document(f"s{i}", sentences(1, seed=i)[0], date="2024-07-11")

    results = parallel.extract(endless(), workers=2)
    got = list(itertools.islice(results, 50))
    results.close()  # type: ignore[attr-defined]
    assert [r["id"] for r in got] == [f"s{i}" for i in range(50)]


@pytest.mark.model
def test_workers_give_the_local_records_in_order():
    items = docs(24, seed=4)
    items.insert(5, InputProblem("dump.jsonl:6", "not a JSON line; skipped"))
    local = list(parallel.extract(items, workers=1))
    spread = list(parallel.extract(items, workers=2))
    assert spread == local
    assert isinstance(spread[5], InputProblem)
    assert [r["id"] for r in spread if isinstance(r, dict)] == [f"d{i}" for i in range(24)]


def write_dump(path: Path, n: int, seed: int) -> Path:
    lines = [
        json.dumps({"id": f"a{i}", "date": "2024-07-11", "text": t}, ensure_ascii=False)
        for i, t in enumerate(articles(n, seed=seed))
    ]
    lines.insert(7, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def nlpmeet(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nlpmeet", *args], capture_output=True, cwd=ROOT, timeout=900, env=env)


def together(*commands: list[str]) -> list[subprocess.CompletedProcess]:
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "nlpmeet", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
        )
        for args in commands
    ]
    done = []
    for process, args in zip(processes, commands, strict=True):
        out, err = process.communicate(timeout=900)
        done.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return done


@pytest.mark.slow
def test_cli_workers_output_is_byte_identical(tmp_path: Path):
    dump = write_dump(tmp_path / "dump.jsonl", 60, seed=8)
    # Both runs start together, so they load the same code even while the tree is being edited.
    one, two = together(
        ["extract", str(dump), "--format", "jsonl"], ["extract", str(dump), "--format", "jsonl", "--workers", "2", "-q"]
    )
    assert one.returncode == two.returncode == 1  # the broken line
    assert two.stdout == one.stdout
    assert one.stdout.count(b"\n") == 60
    assert b"dump.jsonl:8" in two.stderr
    assert b"docs/s" not in two.stderr  # stderr is not a terminal: no bar


# --- a real Dask cluster on 127.0.0.1 ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = str(BIN / "dask")
    logs = [open(tmp_path / name, "wb") for name in ("scheduler.log", "worker.log")]
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=logs[0],
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
        stdout=logs[1],
        stderr=subprocess.STDOUT,
    )
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
        for process in (worker, scheduler):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in logs:
            log.close()


@pytest.mark.slow
def test_dask_run_equals_local_run_byte_for_byte(tmp_path: Path, dask_cluster: str):
    dump = write_dump(tmp_path / "dump.jsonl", 45, seed=9)
    # Both runs start together (the Dask worker builds its pipeline as the client connects), so they
    # load the same code even while the tree is being edited.
    local, remote = together(
        ["extract", str(dump), "-o", str(tmp_path / "local.jsonl")],
        ["extract", str(dump), "--scheduler", dask_cluster, "-o", str(tmp_path / "dask.jsonl")],
    )
    assert local.returncode == remote.returncode == 1, remote.stderr.decode("utf-8", "replace")
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "local.jsonl").read_bytes().count(b"\n") == 45
    assert b"dump.jsonl:8" in remote.stderr


# --- progress bar ----------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("quiet", "output", "stderr_tty", "stdout_tty", "shown"),
    [
        (False, Path("out.jsonl"), True, True, True),
        (False, None, True, False, True),
        (False, None, True, True, False),  # records go to that terminal
        (True, Path("out.jsonl"), True, False, False),
        (False, Path("out.jsonl"), False, False, False),
    ],
)
def test_progress_wanted(quiet, output, stderr_tty, stdout_tty, shown):
    err = Terminal() if stderr_tty else io.StringIO()
    out = Terminal() if stdout_tty else io.StringIO()
    assert progress.wanted(quiet, output, stderr=err, stdout=out) is shown


def test_progress_bar_counts_documents():
    err = Terminal()
    assert list(progress.track(iter(range(5)), 5, stderr=err)) == [0, 1, 2, 3, 4]
    drawn = err.getvalue()
    assert "5/5" in drawn and "documents" in drawn and "docs/s" in drawn and "ETA" in drawn


def test_total_counted_in_the_background():
    import threading

    release = threading.Event()

    def slow_count() -> int:
        release.wait(5)
        return 4

    def results() -> Iterator[int]:
        yield 0
        yield 1
        release.set()  # the count finishes while documents are being processed
        time.sleep(0.05)
        yield 2
        yield 3

    err = Terminal()
    assert list(progress.track(results(), slow_count, stderr=err)) == [0, 1, 2, 3]
    assert "4/4" in err.getvalue()


@pytest.mark.parametrize("total", [1, None])
def test_no_bar_for_a_single_document(total):
    err = Terminal()
    assert list(progress.track(iter(["only"]), total, stderr=err)) == ["only"]
    assert err.getvalue() == ""


def test_count_documents(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Un texte.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n', encoding="utf-8")
    assert progress.count_documents([str(tmp_path)], ReadOptions()) == 4
    assert progress.count_documents([str(tmp_path / "a.txt"), "-"]) is None


# --- cold start: the CLI layer ---------------------------------------------------------------------------


def test_jsonl_and_mentions_writers_do_not_import_rich():
    """Rich draws tables and the progress bar; a run writing JSONL for a pipe starts without it."""
    code = "\n".join(
        [
            "import io, sys",
            "from nlpmeet.io.writers import make_writer",
            "for fmt in ('jsonl', 'mentions'):",
            "    make_writer(fmt, io.StringIO()).write({'id': 'x', 'dct': None, 'people': [], 'organizations': [],"
            " 'countries': [], 'locations': [], 'dates': [], 'events': [], 'meetings': []})",
            "print('rich' in sys.modules)",
            "out = io.StringIO()",
            "make_writer('table', out)",
            "print('rich' in sys.modules)",
        ]
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.split() == ["False", "True"], result.stderr


@pytest.mark.parametrize(("preset", "expected"), [(None, "1"), ("2", "2")])
def test_the_command_asks_openblas_for_one_thread_unless_told(preset: str | None, expected: str):
    code = "\n".join(
        [
            "import os, sys; sys.argv = ['nlpmeet', '--version']",
            "from nlpmeet.cli import main",
            "try:\n    main()\nexcept SystemExit:\n    pass",
            "print(os.environ.get('OPENBLAS_NUM_THREADS'))",
        ]
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert result.stdout.split()[-1] == expected, result.stderr


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["--version"]])
def test_help_and_version_do_not_load_spacy(args: list[str]):
    code = "\n".join(
        [
            f"import sys; sys.argv = ['nlpmeet', *{args!r}]",
            "from nlpmeet.cli import main",
            "try:\n    main()\nexcept SystemExit:\n    pass",
            "print('spacy' in sys.modules)",
        ]
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
