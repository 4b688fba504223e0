"""Bad input never crashes a run, loses a document or corrupts output (issue 8).

Unit tests on the readers and on nlpmeet.robust (blank pipeline), model tests through the full
pipeline (long documents, giant tokens, a failing component, arbitrary Unicode with hypothesis),
and the CLI end to end in subprocesses (exit codes, messages, -o, stdin, | head, Ctrl-C).
"""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import nlpmeet.robust as robust
from nlpmeet.extensions import PEOPLE_GROUP
from nlpmeet.io.readers import Document, InputProblem, ReadOptions, clean_text, decode, read_inputs, read_jsonl_lines
from nlpmeet.robust import make_doc, merge_records, records_for, shift_offsets, split_text
from tests.conftest import ROOT
from tests.helpers import assert_offsets

FRENCH = (
    "Mardi, le président Emmanuel Macron a reçu le chancelier Olaf Scholz à l'Élysée. "
    "Les deux dirigeants ont parlé de l'Ukraine et du budget européen.\n\n"
    "Mercredi, Olaf Scholz s'est rendu à Rome, où il a rencontré Giorgia Meloni. "
    "La présidente du Conseil italien a salué « une amitié solide ».\n"
)


ENGLISH = (
    "On Tuesday, President Joe Biden met Chancellor Olaf Scholz at the White House. The two leaders "
    "discussed the war in Ukraine, military support to Kyiv and trade between the European Union and "
    "the United States, a spokesperson said in a statement released on Wednesday."
)
GERMAN = (
    "Am Dienstag hat Bundeskanzler Olaf Scholz den französischen Präsidenten Emmanuel Macron in Berlin "
    "empfangen. Die beiden sprachen über die Lage in der Ukraine und über den Haushalt der Europäischen "
    "Union, teilte ein Sprecher der Bundesregierung am Mittwoch mit."
)


def check_record(record: dict, text: str) -> None:
    """Offsets true, ids unique, meetings pointing at people of the record."""
    assert_offsets(record, text)
    ids = [p["id"] for p in record["people"]]
    assert len(ids) == len(set(ids))
    for key in ("organizations", "events"):
        assert len({x["id"] for x in record[key]}) == len(record[key])
    for meeting in record["meetings"]:
        assert set(meeting["participants"]) <= set(ids)
        assert meeting["event"] is None or meeting["event"] in {e["id"] for e in record["events"]}


@contextmanager
def part_chars(n: int) -> Iterator[None]:
    saved = robust.PART_CHARS
    robust.PART_CHARS = n
    try:
        yield
    finally:
        robust.PART_CHARS = saved


# --------------------------------------------------------------------------- readers


def test_decode_drops_the_bom_and_keeps_crlf():
    text = decode("\ufeffLe sommet s'ouvre.\r\nFin.".encode("utf-8"), "utf-8", "x.txt")
    assert text == "Le sommet s'ouvre.\r\nFin."


def test_decode_refuses_binary_data_naming_the_input():
    problem = decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "utf-8", "photo.txt")
    assert isinstance(problem, InputProblem)
    assert str(problem).startswith("photo.txt: binary data")


def test_decode_latin1_names_the_encoding_and_the_option():
    data = "Le président a reçu l'ambassadeur à Paris.".encode("latin-1")
    problem = decode(data, "utf-8", "depeche.txt")
    assert isinstance(problem, InputProblem)
    assert "not valid utf-8" in str(problem) and "--encoding" in str(problem) and "depeche.txt" in str(problem)
    assert decode(data, "latin-1", "depeche.txt") == "Le président a reçu l'ambassadeur à Paris."


def test_lone_surrogates_become_replacement_characters_of_the_same_length():
    assert clean_text("Paris\ud800 Rome") == "Paris\ufffd Rome"


def test_jsonl_bad_lines_named_by_number_others_read():
    lines = [
        b'{"id": "a", "text": "Olaf Scholz est arriv\xc3\xa9 \xc3\xa0 Paris."}\n',
        b"ceci n'est pas du JSON\n",
        b'{"id": "b", "titre": "sans texte"}\n',
        b'{"id": "c", "text": ["une", "liste"]}\n',
        b'["un", "tableau"]\n',
        b"\n",
        b'{"id": "d", "text": "Fin de la d\xe9p\xeache."}\n',  # Latin-1 inside a UTF-8 file
        b'\xef\xbb\xbf{"id": "e", "text": ""}\r\n',
    ]
    items = list(read_jsonl_lines(lines, "flux.jsonl", ReadOptions()))
    problems = [str(i) for i in items if isinstance(i, InputProblem)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["a", "e"]
    assert [p.split(":")[1] for p in problems] == ["2", "3", "4", "5", "7"]
    assert "not a JSON line" in problems[0] and "no 'text' field" in problems[1]
    assert "not a string" in problems[2] and "expected a JSON object" in problems[3]


def test_directory_tree_reads_text_and_jsonl_only(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a" / "un.txt").write_text("Un.", encoding="utf-8")
    (tmp_path / "a" / "b" / "deux.txt.gz").write_bytes(gzip.compress(b"Deux."))
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "a" / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / ".cache" / "cache.txt").write_text("caché", encoding="utf-8")
    with gzip.open(tmp_path / "trois.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write('{"id": "t", "text": "Trois."}\n')
    items = list(read_inputs([str(tmp_path)]))
    assert [(i.id if isinstance(i, Document) else str(i)) for i in items] == [
        str(tmp_path / "a" / "b" / "deux.txt.gz"),
        str(tmp_path / "a" / "un.txt"),
        "t",
    ]
    assert items[0].text == "Deux."  # type: ignore[union-attr]


def test_corrupt_gzip_is_a_problem_not_a_crash(tmp_path: Path):
    path = tmp_path / "abime.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "text": "Un."}\n' * 50)[:40])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[-1], InputProblem) and "abime.jsonl.gz" in str(items[-1])


@pytest.mark.parametrize(
    "text, foreign",
    [
        (ENGLISH, True),
        (GERMAN, True),
        (FRENCH, False),
        ("Olaf Scholz, Emmanuel Macron, Giorgia Meloni.", False),  # too short to tell
        ("", False),
    ],
)
def test_non_french_text_is_noticed(text, foreign):
    from nlpmeet.language import looks_foreign, warn_foreign

    assert looks_foreign(text) is foreign
    messages: list[str] = []
    items = [Document(id="doc", text=text), InputProblem("x", "y")]
    assert list(warn_foreign(items, messages.append)) == items  # passed through, never refused
    assert len(messages) == int(foreign)


# --------------------------------------------------------------------------- splitting and giant tokens


@pytest.mark.parametrize(
    "text, limit, first_part",
    [
        ("Premier paragraphe. Suite.\n\nDeuxième paragraphe, bien plus long.", 40, "Premier paragraphe. Suite.\n\n"),
        ("Une ligne assez longue.\nUne autre ligne encore.", 30, "Une ligne assez longue.\n"),
        ("Une phrase assez longue. Une autre phrase sans fin ici", 30, "Une phrase assez longue. "),
        ("Court. Une phrase sans fin ici", 20, "Court. Une phrase "),  # a sentence end too early: a space
        ("des mots sans ponctuation aucune ici", 20, "des mots sans "),
        ("x" * 50, 20, "x" * 20),
    ],
)
def test_split_text_prefers_paragraphs_then_lines_sentences_spaces(text, limit, first_part):
    parts = split_text(text, limit)
    assert text[parts[0][0] : parts[0][1]] == first_part
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    assert all(0 < end - start <= limit for start, end in parts)


@pytest.mark.parametrize("run", [")" * 60_000, "«" * 30_000 + "a" * 30_000, "$€" * 30_000])
def test_make_doc_keeps_giant_punctuation_runs_whole(blank_nlp: Language, run: str):
    text = f"Avant {run} après."
    started = time.monotonic()
    doc = make_doc(blank_nlp, text)
    assert doc.text == text
    assert any(len(t.text) == len(run) for t in doc)
    assert time.monotonic() - started < 30  # the stock tokenizer takes minutes on such a run


def test_shift_and_merge_records_across_parts():
    first = {
        "id": "d",
        "dct": "2024-03-12",
        "people": [
            {"id": "P1", "name": "Olaf Scholz", "roles": [], "country": None,
             "mentions": [{"text": "Olaf Scholz", "start": 0, "end": 11}]},
        ],
        "organizations": [], "countries": [], "locations": [], "dates": [],
        "events": [{"id": "E1", "name": "sommet du G7", "date": None, "location": None,
                    "mentions": [{"text": "sommet du G7", "start": 20, "end": 32}]}],
        "meetings": [],
    }
    second = {
        "id": "d",
        "dct": "2024-03-12",
        "people": [
            {"id": "P1", "name": "Giorgia Meloni", "roles": [], "country": "IT",
             "mentions": [{"text": "Giorgia Meloni", "start": 0, "end": 14}]},
            {"id": "P2", "name": "Olaf Scholz", "roles": [{"title": "chancelier", "org": None, "country": "DE"}],
             "country": "DE", "mentions": [{"text": "Olaf Scholz", "start": 30, "end": 41}]},
        ],
        "organizations": [], "countries": [], "locations": [], "dates": [{"text": "mardi", "start": 5, "end": 10,
                                                                           "value": "2024-03-12"}],
        "events": [{"id": "E1", "name": "sommet du G7", "date": "2024-06-13", "location": None,
                    "mentions": [{"text": "sommet du G7", "start": 50, "end": 62}]}],
        "meetings": [{"participants": ["P1", "P2"], "date": None, "location": None, "event": "E1",
                      "text": "x", "start": 0, "end": 70}],
        "errors": ["component nlpmeet_places failed: ValueError"],
    }
    merged = merge_records([shift_offsets(first, 0), shift_offsets(second, 1000)], "d")
    assert [(p["id"], p["name"]) for p in merged["people"]] == [("P1", "Olaf Scholz"), ("P2", "Giorgia Meloni")]
    scholz = merged["people"][0]
    assert [m["start"] for m in scholz["mentions"]] == [0, 1030]
    assert scholz["roles"] == [{"title": "chancelier", "org": None, "country": "DE"}]
    assert scholz["country"] == "DE"
    assert merged["events"][0]["date"] == "2024-06-13" and len(merged["events"][0]["mentions"]) == 2
    assert merged["meetings"][0]["participants"] == ["P2", "P1"]
    assert merged["meetings"][0]["event"] == "E1" and merged["meetings"][0]["start"] == 1000
    assert merged["dates"][0]["start"] == 1005
    assert merged["errors"] == ["component nlpmeet_places failed: ValueError"]


@Language.component("test_reliability_names")
def _mark_names(doc: Doc) -> Doc:
    """Test component: every token "Scholz" is a mention of the person "Olaf Scholz"."""
    spans = [doc[t.i : t.i + 1] for t in doc if t.text == "Scholz"]
    for span in spans:
        span._.norm = "Olaf Scholz"
    doc.spans[PEOPLE_GROUP] = spans
    return doc


@Language.component("test_reliability_boom")
def _boom(doc: Doc) -> Doc:
    """Test component: fails on any text holding "BOUM"."""
    if "BOUM" in doc.text:
        raise RuntimeError("boum !")
    return doc


def test_five_megabyte_document_is_processed_whole(blank_nlp: Language):
    import spacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("test_reliability_names")
    paragraph = "Mardi, le chancelier Scholz a reçu son homologue à Berlin. La rencontre a duré deux heures.\n\n"
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    assert len(text) > 5_000_000 > nlp.max_length
    (record,) = records_for(nlp, [Document(id="gros", text=text)])
    assert "errors" not in record
    (person,) = record["people"]
    assert person["id"] == "P1"
    assert len(person["mentions"]) == text.count("Scholz")
    assert_offsets(record, text)


def test_a_failing_component_costs_only_its_document():
    import spacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("test_reliability_boom")
    nlp.add_pipe("test_reliability_names")
    docs = [
        Document(id="a", text="Olaf Scholz est à Paris."),
        Document(id="b", text="BOUM : Scholz part."),
        InputProblem("c.txt", "binary data"),
        Document(id="d", text="Scholz revient."),
    ]
    results = records_for(nlp, docs)
    assert [r["id"] if isinstance(r, dict) else r.where for r in results] == ["a", "b", "c.txt", "d"]
    a, b, _, d = results
    assert "errors" not in a and "errors" not in d
    assert b["errors"] == ["component test_reliability_boom failed: RuntimeError: boum !"]
    assert b["people"][0]["name"] == "Olaf Scholz"  # the other components still ran


# --------------------------------------------------------------------------- the full pipeline


@pytest.mark.model
def test_long_document_in_parts_with_the_model(nlp: Language):
    text = FRENCH * 40
    with part_chars(1_000):
        (record,) = records_for(nlp, [Document(id="long", text=text, date="2024-03-12")])
    assert len(split_text(text, 1_000)) > 10
    check_record(record, text)
    assert record["dct"] == "2024-03-12"
    names = [p["name"] for p in record["people"]]
    assert len(names) == len(set(names))
    scholz = [p for p in record["people"] if p["name"] == "Olaf Scholz"]
    assert scholz and len(scholz[0]["mentions"]) >= 40


@pytest.mark.model
@pytest.mark.parametrize(
    "token", ["a" * 2_000_000, ")" * 2_000_000, "".join(chr(33 + i % 90) for i in range(2_000_000))]
)
def test_two_megabyte_token(nlp: Language, token: str):
    text = f"Olaf Scholz a reçu Emmanuel Macron. {token} Fin."
    (record,) = records_for(nlp, [Document(id="jeton", text=text)])
    check_record(record, text)
    assert {"Olaf Scholz", "Emmanuel Macron"} <= {p["name"] for p in record["people"]}


@pytest.mark.model
def test_a_failing_component_in_the_full_pipeline(nlp: Language):
    nlp.add_pipe("test_reliability_boom", after="ner")
    try:
        results = records_for(nlp, [Document(id="a", text=FRENCH), Document(id="b", text="BOUM. " + FRENCH)])
    finally:
        nlp.remove_pipe("test_reliability_boom")
    a, b = results
    assert "errors" not in a and a["people"]
    assert b["errors"] == ["component test_reliability_boom failed: RuntimeError: boum !"]
    assert {p["name"] for p in b["people"]} == {p["name"] for p in a["people"]}
    check_record(b, "BOUM. " + FRENCH)


CONTROL = st.characters(min_codepoint=0, max_codepoint=0x9F)
NOISY_FRENCH = st.lists(
    st.one_of(st.sampled_from(FRENCH.split(" ")), st.text(CONTROL, max_size=3), st.text(max_size=4)), max_size=80
).map(" ".join)
HUGE = st.tuples(st.text(min_size=1, max_size=40), st.integers(50, 400)).map(lambda t: t[0] * t[1])


@pytest.mark.model
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=st.one_of(st.just(""), st.text(max_size=400), st.text(CONTROL, max_size=200), NOISY_FRENCH, HUGE))
def test_any_unicode_text_through_the_whole_pipeline(nlp: Language, validator, text: str):
    with part_chars(3_000):  # so that huge texts are processed in parts
        results = records_for(nlp, [Document(id="h", text=text, date="2024-03-12")])
    (record,) = results
    assert isinstance(record, dict)
    validator.validate(record)
    check_record(record, text)
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # writable


# --------------------------------------------------------------------------- the CLI


def nlpmeet(*args: str, stdin: bytes | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nlpmeet", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=timeout
    )


def no_traceback(stderr: bytes) -> str:
    err = stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


def lines_of(path_or_bytes: Path | bytes) -> list[dict]:
    data = path_or_bytes.read_bytes() if isinstance(path_or_bytes, Path) else path_or_bytes
    assert not data or data.endswith(b"\n")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


@pytest.mark.slow
def test_a_dump_with_bad_inputs(tmp_path: Path):
    """Every kind of bad input in one run to a file: all good records written whole, bad ones named, exit 1."""
    dump = tmp_path / "dump"
    (dump / "sous").mkdir(parents=True)
    texts = {
        "vide.txt": "",
        "blanc.txt": "  \n\t \r\n",
        "bom.txt": "\ufeffLe président Emmanuel Macron a reçu Olaf Scholz.\r\nMardi à Berlin.\r\n",
        "controle.txt": "Olaf\x01 Scholz a\x0b reçu\x1b Emmanuel Macron \x7f\x85\u200b à Berlin.\x00",
        "anglais.txt": ENGLISH,
        "sous/jeton.txt": "Giorgia Meloni. " + ")" * 300_000,
    }
    for name, text in texts.items():
        (dump / name).write_bytes(text.encode("utf-8"))
    (dump / "controle.txt").write_bytes(texts["controle.txt"].replace("\x00", "").encode())
    texts["controle.txt"] = texts["controle.txt"].replace("\x00", "")
    (dump / "binaire.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    (dump / "latin.txt").write_bytes("Le ministre a reçu l'ambassadeur à Genève.".encode("latin-1"))
    (dump / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    with gzip.open(dump / "sous" / "flux.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write('{"id": "j1", "date": "2024-03-12", "text": "Mardi, Pedro Sánchez a rencontré Mark Rutte."}\n')
        handle.write("pas du JSON\n")
        handle.write('{"id": "j3", "text": null}\n')
        handle.write('{"id": "j4", "text": "Fin du flux."}\n')
    out = tmp_path / "out.jsonl"
    result = nlpmeet("extract", str(dump), "-o", str(out))
    err = no_traceback(result.stderr)
    assert result.returncode == 1, err
    assert len(err.strip().splitlines()) == 5, err
    assert f"{dump / 'anglais.txt'}: does not look like French" in err
    assert f"{dump / 'binaire.txt'}: binary data" in err
    assert f"{dump / 'latin.txt'}: not valid utf-8" in err and "--encoding" in err
    assert f"{dump / 'sous' / 'flux.jsonl.gz'}:2: not a JSON line" in err
    assert f"{dump / 'sous' / 'flux.jsonl.gz'}:3: no 'text' field" in err
    records = {r["id"]: r for r in lines_of(out)}
    expected = {str(dump / name) for name in texts} | {"j1", "j4"}
    assert set(records) == expected
    for name, text in texts.items():
        record = records[str(dump / name)]
        check_record(record, text.removeprefix("\ufeff"))
        assert "errors" not in record
    for name in ("vide.txt", "blanc.txt"):
        record = records[str(dump / name)]
        assert all(record[k] == [] for k in ("people", "organizations", "countries", "locations", "dates", "events"))
    assert "Emmanuel Macron" in {p["name"] for p in records[str(dump / "bom.txt")]["people"]}
    assert records["j1"]["dct"] == "2024-03-12"


@pytest.mark.slow
def test_latin1_with_encoding_option_stdin_and_usage_errors(tmp_path: Path):
    latin = tmp_path / "latin.txt"
    text = "Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée."
    latin.write_bytes(text.encode("latin-1"))
    result = nlpmeet("extract", str(latin), "--encoding", "latin-1", "-f", "jsonl")
    no_traceback(result.stderr)
    assert result.returncode == 0
    (record,) = lines_of(result.stdout)
    check_record(record, text)
    result = nlpmeet("extract", "-f", "jsonl", stdin=FRENCH.encode("utf-8"))
    assert result.returncode == 0
    (record,) = lines_of(result.stdout)
    assert record["id"] == "<stdin>"
    check_record(record, FRENCH)
    for args in (
        [str(tmp_path / "absent.txt")],
        [str(latin), "--date", "2024-02-30"],
        [str(latin), "--date", "hier"],
        [str(latin), "--encoding", "klingon"],
    ):
        result = nlpmeet("extract", *args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr.decode()


def dump_of(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"d{i}", "date": "2024-03-12", "text": FRENCH}, ensure_ascii=False) + "\n")
    return path


@pytest.mark.slow
def test_head_closing_the_pipe_is_quiet(tmp_path: Path):
    dump = dump_of(tmp_path / "dump.jsonl", 300)
    command = f"{sys.executable} -m nlpmeet extract {dump} -f jsonl | head -1"
    result = subprocess.run(["sh", "-c", command], capture_output=True, cwd=ROOT, timeout=600)
    assert len(lines_of(result.stdout)) == 1
    err = result.stderr.decode()
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err


@pytest.mark.slow
def test_ctrl_c_leaves_only_complete_records(tmp_path: Path):
    dump = dump_of(tmp_path / "dump.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "nlpmeet", "extract", str(dump), "-o", str(out)], cwd=ROOT, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    err = stderr.decode()
    assert process.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    records = lines_of(out)
    assert 0 < len(records) < 3000
    assert [r["id"] for r in records] == [f"d{i}" for i in range(len(records))]


@pytest.mark.slow
def test_unwritable_output_is_one_line(tmp_path: Path):
    source = tmp_path / "a.txt"
    source.write_text(FRENCH, encoding="utf-8")
    result = nlpmeet("extract", str(source), "-o", str(tmp_path / "absent" / "out.jsonl"))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err and "cannot write" in err
    if Path("/dev/full").exists():  # a full disk: the write fails after the file was opened
        result = nlpmeet("extract", str(source), "-o", "/dev/full")
        assert result.returncode == 1
        assert result.stderr.decode().strip() == "nlpmeet: cannot write /dev/full: No space left on device"
