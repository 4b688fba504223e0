"""End-to-end: the CLI reads real inputs and writes records on stdout, messages on stderr."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow

EXAMPLE = EXAMPLES / "otan-2024-07-11-washington.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nlpmeet", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300
    )


def records(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def test_inputs_of_every_kind_in_order(tmp_path: Path, validator):
    (tmp_path / "a.txt").write_text("Le président Emmanuel Macron a reçu Olaf Scholz.", encoding="utf-8")
    lines = [
        {"id": "j1", "date": "2024-03-12", "text": "Mardi, Giorgia Meloni a rencontré Pedro Sánchez à Rome."},
        {"id": "j2", "text": "Rien à signaler."},
    ]
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    (tmp_path / "skip.csv").write_text("a,b\n", encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    got = records(result.stdout)
    assert [r["id"] for r in got] == [str(tmp_path / "a.txt"), "j1", "j2"]
    assert got[1]["dct"] == "2024-03-12"
    for r in got:
        validator.validate(r)


def test_stdin_and_date_option(validator):
    result = run("extract", "-", "--date", "2024-07-11", stdin=EXAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    (record,) = records(result.stdout)
    assert record["id"] == "<stdin>"
    assert record["dct"] == "2024-07-11"
    validator.validate(record)


def test_output_file_and_mentions(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(EXAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    (record,) = records(out.read_bytes())
    text = EXAMPLE.read_text(encoding="utf-8")
    result = run("extract", str(EXAMPLE), "--format", "mentions")
    rows = records(result.stdout)
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {r["type"] for r in rows} >= {"PERSON"}
    assert record["people"]


def test_table_format_prints_tables():
    result = run("extract", str(EXAMPLE), "--format", "table")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "People" in out and "Jens Stoltenberg" in out


def test_usage_errors_exit_2(tmp_path: Path):
    assert run("extract", str(tmp_path / "missing.txt")).returncode == 2
    assert run("extract", str(EXAMPLE), "--date", "2024-13-45").returncode == 2


def test_every_command_and_option_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    import typer.main

    from nlpmeet.cli import app

    click_app = typer.main.get_command(app)
    for name, command in click_app.commands.items():  # type: ignore[attr-defined]
        assert f"nlpmeet {name}" in readme, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help",):
                    assert opt in readme, f"{name} {opt} not in README"
