"""The scorer (nlpmeet.evaluate) on small hand-made gold/record pairs, one matching rule at a time,
and ``nlpmeet eval`` end to end on files written here (no shared corpus needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlpmeet.cli import app
from nlpmeet.evaluate import (
    CATEGORIES,
    EvalError,
    Report,
    failed_gates,
    load_gold,
    load_records,
    name_key,
    parse_gate,
    score,
    title_key,
)


def person(pid: str, name: str, roles: list[dict] | None = None) -> dict:
    return {"id": pid, "name": name, "roles": roles or [], "country": None, "mentions": []}


def role(title: str, org: str | None = None, country: str | None = None) -> dict:
    return {"title": title, "org": org, "country": country}


def named(*names: str) -> list[dict]:
    return [{"name": n} for n in names]


def one(gold: dict, record: dict) -> Report:
    gold = {"id": "d", **gold}
    record = {"id": "d", **record}
    return score({"d": gold}, {"d": record})


def counts(report: Report, category: str) -> tuple[int, int, int]:
    t = report.tallies[category]
    return t.tp, t.fp, t.fn


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "text, key",
    [
        ("M. Jean-Yves Le Drian", "jean yves le drian"),
        ("Mme Élisabeth Borne", "elisabeth borne"),
        ("S.E. Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Sa Majesté Philippe", "philippe"),
        ("  Angela   MERKEL ", "angela merkel"),
        ("l’Élysée", "l'elysee"),
        ("Mme", "mme"),  # an honorific alone is kept: only a leading honorific before a name goes
        ("Mmes Dupont", "mmes dupont"),  # not an honorific of the list
        (None, ""),
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    "title, key",
    [
        ("le premier ministre", "premier ministre"),
        ("l'ambassadeur", "ambassadeur"),
        ("Son homologue", "homologue"),
        ("Ministre des Affaires étrangères", "ministre des affaires etrangeres"),
        ("lecteur", "lecteur"),  # "le" only as a whole word
    ],
)
def test_title_key(title, key):
    assert title_key(title) == key


# --------------------------------------------------------------------------- one rule at a time


def test_people_alias_honorific_and_duplicate_false_positive():
    gold = {"people": [{"name": "Olaf Scholz", "aliases": ["Scholz"]}, {"name": "Emmanuel Macron", "aliases": []}]}
    record = {
        "people": [
            person("P1", "M. Scholz"),  # alias after honorific: match
            person("P2", "Olaf Scholz"),  # same gold person again: false positive
            person("P3", "EMMANUEL MACRON"),  # case folded: match
            person("P4", "Pedro Sánchez"),  # not in gold
        ]
    }
    assert counts(one(gold, record), "people") == (2, 2, 0)


def test_people_missed_is_false_negative():
    gold = {"people": [{"name": "Giorgia Meloni", "aliases": ["Meloni"]}, {"name": "Mark Rutte"}]}
    assert counts(one(gold, {"people": [person("P1", "Meloni")]}), "people") == (1, 0, 1)


def test_organizations_and_locations_by_name_or_alias():
    gold = {
        "organizations": [{"name": "OTAN", "aliases": ["Organisation du Traité de l'Atlantique Nord"]}],
        "locations": [{"name": "Bruxelles", "aliases": []}],
    }
    record = {
        "organizations": named("Organisation du traité de l’Atlantique nord", "OTAN", "ONU"),
        "locations": named("bruxelles", "Anvers"),
    }
    report = one(gold, record)
    assert counts(report, "organizations") == (1, 2, 0)  # the second OTAN is a duplicate
    assert counts(report, "locations") == (1, 1, 0)


def test_countries_as_code_sets():
    gold = {"countries": ["FR", "DE", "IT"]}
    record = {"countries": [{"code": "FR"}, {"code": "DE"}, {"code": "ES"}]}
    assert counts(one(gold, record), "countries") == (2, 1, 1)


def test_dates_value_sets_ranges_times_and_nulls():
    gold = {
        "dates": [
            {"text": "du 3 au 5 mars 2019", "value": "2019-03-03/2019-03-05"},
            {"text": "mardi", "value": "2019-03-05"},  # same day as a range end: one value
            {"text": "11 h 16", "value": "2019-03-04T11:16"},
            {"text": "lundi", "value": None},
        ]
    }
    record = {
        "dates": [
            {"text": "3 mars", "value": "2019-03-03"},
            {"text": "lundi 11 h", "value": "2019-03-04T11:00"},  # cut to the day: right
            {"text": "demain", "value": None},  # ignored
            {"text": "2018", "value": "2018"},
        ]
    }
    assert counts(one(gold, record), "dates") == (2, 1, 1)


@pytest.mark.parametrize(
    "predicted, matches",
    [
        ("Sommet de l'OTAN de Vilnius", True),  # name, case folded
        ("sommet de Vilnius", True),  # alias
        ("Vilnius", True),  # its words (3+ letters) are all in the gold name
        ("sommet de l'OTAN de Vilnius 2023", True),  # the gold's words are all in the longer prediction
        ("sommet de Madrid", False),
        ("de la", False),  # no word of three letters: no containment
    ],
)
def test_events_name_alias_or_word_containment(predicted, matches):
    gold = {"events": [{"name": "sommet de l'OTAN de Vilnius", "aliases": ["sommet de Vilnius"]}]}
    assert counts(one(gold, {"events": named(predicted)}), "events") == ((1, 0, 0) if matches else (0, 1, 1))


ROLE_GOLD = {
    "people": [
        {
            "name": "Mark Rutte",
            "aliases": ["Rutte"],
            "roles": [role("secrétaire général", org="OTAN")],
        },
        {
            "name": "Annalena Baerbock",
            "aliases": [],
            "roles": [role("ministre des affaires étrangères", country="DE")],
        },
        {"name": "Pedro Sánchez", "aliases": [], "roles": [role("président du gouvernement")]},
    ],
    "organizations": [{"name": "OTAN", "aliases": ["Alliance atlantique", "NATO"]}],
}


@pytest.mark.parametrize(
    "who, predicted, matches",
    [
        ("Mark Rutte", role("secrétaire général", org="OTAN"), True),
        ("Rutte", role("le secrétaire général", org="NATO"), True),  # alias person, article, org alias
        ("Mark Rutte", role("secrétaire général", org="ONU"), False),  # other org
        ("Mark Rutte", role("secrétaire général"), False),  # gold gives an org, none predicted
        ("Mark Rutte", role("secrétaire", org="OTAN"), True),  # word-prefix of the gold title
        ("Mark Rutte", role("secrétaire d'état", org="OTAN"), False),  # not a prefix
        ("Annalena Baerbock", role("ministre", country="DE"), True),
        ("Annalena Baerbock", role("ministre des affaires étrangères", country="AT"), False),
        ("Annalena Baerbock", role("ministre des affaires étrangères", org="UE", country="DE"), True),  # gold org null
        ("Pedro Sánchez", role("président du gouvernement", country="ES"), True),  # gold country null
        ("Mark Rutte", role("président du gouvernement"), False),  # another person's role
        ("Jens Stoltenberg", role("secrétaire général", org="OTAN"), False),  # person not in gold
    ],
)
def test_roles_person_title_affiliation(who, predicted, matches):
    record = {"people": [person("P1", who, [predicted])]}
    tp, fp, _ = counts(one(ROLE_GOLD, record), "roles")
    assert (tp, fp) == ((1, 0) if matches else (0, 1))


def test_roles_duplicate_is_false_positive():
    record = {"people": [person("P1", "Mark Rutte", [role("secrétaire général", org="OTAN")] * 2)]}
    assert counts(one(ROLE_GOLD, record), "roles") == (1, 1, 2)


MEETING_GOLD = {
    "people": [
        {"name": "Emmanuel Macron", "aliases": ["Macron"]},
        {"name": "Olaf Scholz", "aliases": ["Scholz"]},
        {"name": "Donald Tusk", "aliases": ["Tusk"]},
        {"name": "Viktor Orbán", "aliases": ["Orbán"]},
    ],
    "meetings": [
        {"participants": ["Emmanuel Macron", "Olaf Scholz", "Donald Tusk"], "date": "2024-03-15", "location": None},
        {"participants": ["Macron", "Viktor Orbán"], "date": None, "location": None},
    ],
}


def test_meetings_split_into_pairs_of_matched_people():
    record = {
        "people": [person("P1", "Emmanuel Macron"), person("P2", "Scholz"), person("P3", "Pedro Sánchez")],
        "meetings": [
            {"participants": ["P2", "P1"], "date": "2024-03-15"},  # order does not matter
            {"participants": ["P1", "P2"], "date": None},  # the same pair again: not counted twice
            {"participants": ["P1", "P3"], "date": None},  # a person the gold does not know: wrong
        ],
    }
    report = one(MEETING_GOLD, record)
    assert counts(report, "meetings") == (1, 1, 3)  # gold pairs: M-S, M-T, S-T, M-O
    assert (report.meeting_dates.tp, report.meeting_dates.fn) == (1, 0)


def test_meeting_dates_accuracy_counts_only_matched_pairs_with_a_gold_date():
    record = {
        "people": [person("P1", "Macron"), person("P2", "Tusk"), person("P3", "Orbán")],
        "meetings": [
            {"participants": ["P1", "P2"], "date": "2024-03-14"},  # wrong day
            {"participants": ["P1", "P3"], "date": "2024-03-14"},  # gold has no date: not counted
        ],
    }
    report = one(MEETING_GOLD, record)
    assert counts(report, "meetings") == (2, 0, 2)
    assert report.as_dict()["meeting_dates"] == {"accuracy": 0.0, "n": 1}


def test_meeting_date_is_the_first_day_of_a_range_and_first_dated_meeting():
    record = {
        "people": [person("P1", "Macron"), person("P2", "Scholz")],
        "meetings": [
            {"participants": ["P1", "P2"], "date": None},
            {"participants": ["P1", "P2"], "date": "2024-03-15/2024-03-16"},
        ],
    }
    assert one(MEETING_GOLD, record).as_dict()["meeting_dates"] == {"accuracy": 1.0, "n": 1}


def test_errors_name_the_missed_invented_and_wrongly_dated_meeting_pairs():
    record = {
        "people": [person("P1", "Macron"), person("P2", "Tusk"), person("P3", "Pedro Sánchez")],
        "meetings": [
            {"participants": ["P1", "P2"], "date": "2024-03-14"},  # right pair, wrong day
            {"participants": ["P1", "P3"], "date": None},  # Sánchez is not in the gold
        ],
    }
    errors = one(MEETING_GOLD, record).per_doc["d"].errors
    assert sorted(errors["meetings"]["missed"]) == [
        "Donald Tusk + Olaf Scholz",
        "Emmanuel Macron + Olaf Scholz",
        "Emmanuel Macron + Viktor Orbán",
    ]
    assert errors["meetings"]["invented"] == ["Macron + Pedro Sánchez"]
    assert errors["meeting_dates"]["wrong"] == ["Donald Tusk + Emmanuel Macron: gold 2024-03-15, found 2024-03-14"]
    assert errors["people"] == {
        "missed": ["Olaf Scholz", "Viktor Orbán"],
        "invented": ["Pedro Sánchez"],
    }


# --------------------------------------------------------------------------- the report


def test_errors_name_the_items_of_each_category():
    gold = {
        "people": [
            {"name": "Olaf Scholz", "roles": [{"title": "chancelier", "org": None, "country": "DE"}]},
            {"name": "Ursula von der Leyen", "roles": [{"title": "présidente", "org": "Commission européenne"}]},
        ],
        "organizations": [{"name": "OTAN", "aliases": ["NATO"]}, {"name": "Bundestag"}],
        "countries": ["DE", "FR"],
        "locations": [{"name": "Berlin"}],
        "dates": [
            {"text": "mardi", "value": "2024-03-12"},
            {"text": "du 3 au 4 mars", "value": "2024-03-03/2024-03-04"},
        ],
        "events": [{"name": "Conférence de Munich sur la sécurité"}],
    }
    record = {
        "people": [
            person("P1", "Olaf Scholz", [role("chancelier", country="AT")]),
            person("P2", "Ursula von der Leyen", [role("présidente", org="Commission européenne")]),
        ],
        "organizations": named("NATO", "Bundesrat"),
        "countries": [{"code": "DE"}, {"code": "BE"}],
        "locations": named("Berlin", "Bruxelles"),
        "dates": [{"value": "2024-03-12"}, {"value": "2024-03-03"}, {"value": "2024-03-05"}],
        "events": named("sommet du G7"),
    }
    errors = one(gold, record).per_doc["d"].errors
    assert errors["roles"] == {"missed": ["Olaf Scholz: chancelier (DE)"], "invented": ["Olaf Scholz: chancelier (AT)"]}
    assert errors["organizations"] == {"missed": ["Bundestag"], "invented": ["Bundesrat"]}
    assert errors["countries"] == {"missed": ["FR"], "invented": ["BE"]}
    assert errors["locations"] == {"invented": ["Bruxelles"]}
    assert errors["dates"] == {"missed": ["2024-03-04"], "invented": ["2024-03-05"]}
    assert errors["events"] == {"missed": ["Conférence de Munich sur la sécurité"], "invented": ["sommet du G7"]}
    assert "people" not in errors and "meetings" not in errors  # nothing lost there


def test_a_perfect_record_has_no_errors():
    gold = {"people": [{"name": "Olaf Scholz", "aliases": ["Scholz"]}], "countries": ["DE"]}
    record = {"people": [person("P1", "Scholz")], "countries": [{"code": "DE"}]}
    report = one(gold, record)
    assert report.per_doc["d"].errors == {}
    assert report.as_dict(per_doc=True)["errors"] == {}


def test_report_figures_and_shape():
    gold = {
        "a": {"id": "a", "people": [{"name": "Olaf Scholz"}], "countries": ["DE"]},
        "b": {"id": "b", "countries": ["FR"]},
    }
    records = {"a": {"id": "a", "people": [person("P1", "Olaf Scholz"), person("P2", "Xavier Bettel")]}}
    result = score(gold, records).as_dict()
    assert list(result) == [*CATEGORIES, "meeting_dates", "mean_f1", "documents", "missing"]
    assert result["people"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    assert result["countries"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 2}
    assert result["roles"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}  # nothing either side
    # the mean is taken over the rounded figures: (0.6667 + 0 + 6 * 1) / 8
    assert result["mean_f1"] == round((0.6667 + 0.0 + 6.0) / 8, 4)
    assert result["meeting_dates"] == {"accuracy": None, "n": 0}
    assert (result["documents"], result["missing"]) == (2, ["b"])


def test_precision_is_zero_when_nothing_predicted_but_something_missed():
    assert one({"countries": ["FR"]}, {}).category("countries")["p"] == 0.0


def test_losses_name_documents_and_categories():
    gold = {"a": {"id": "a", "countries": ["DE"]}, "b": {"id": "b", "countries": ["FR"]}}
    records = {"a": {"id": "a", "countries": [{"code": "DE"}]}, "b": {"id": "b", "countries": [{"code": "BE"}]}}
    losses = score(gold, records).losses()
    assert list(losses) == ["b"] and list(losses["b"]) == ["countries"]


@pytest.mark.parametrize(
    "spec, parsed",
    [("people=0.8", ("people", 0.8)), ("mean=0.5", ("mean", 0.5)), (" meeting_dates = 1", ("meeting_dates", 1.0))],
)
def test_parse_gate(spec, parsed):
    assert parse_gate(spec) == parsed


@pytest.mark.parametrize("spec", ["people", "persons=0.5", "people=haut", "people=1.5"])
def test_parse_gate_refuses(spec):
    with pytest.raises(ValueError):
        parse_gate(spec)


def test_failed_gates():
    report = one({"countries": ["FR", "DE"]}, {"countries": [{"code": "FR"}]})  # countries F1 0.6667
    assert failed_gates(report, [("countries", 0.6)]) == []
    (message,) = failed_gates(report, [("countries", 0.7)])
    assert "countries F1 0.667" in message
    (undefined,) = failed_gates(report, [("meeting_dates", 0.5)])
    assert "undefined" in undefined


# --------------------------------------------------------------------------- files


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines))
    return path


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{oops", "not JSON"),
        ('["a"]', "expected a JSON object"),
        ({"people": []}, 'no "id"'),
        ({"id": 7}, 'no "id"'),
        ({"id": "x", "people": {"name": "A"}}, "people must be an array"),
        ({"id": "x", "people": [{"aliases": []}]}, "people[0] has no 'name'"),
        ({"id": "x", "people": [{"name": "A", "aliases": "B"}]}, "people[0].aliases must be an array of strings"),
        ({"id": "x", "people": [{"name": "A", "roles": [{"org": "OTAN"}]}]}, "people[0].roles[0] has no 'title'"),
        ({"id": "x", "countries": [{"code": "FR"}]}, "countries must be an array of ISO code strings"),
        ({"id": "x", "dates": [{"value": 2019}]}, "dates[0].value must be a string or null"),
        ({"id": "x", "meetings": [{"participants": "A et B"}]}, "meetings[0].participants"),
        ({"id": "x", "organisations": [{"name": "OTAN"}]}, "unknown key 'organisations'"),
        ({"id": "x", "dct": 20190305}, "dct must be a string or null"),
    ],
)
def test_bad_gold_line_is_named(tmp_path: Path, line, problem):
    path = write_lines(tmp_path / "gold.jsonl", [{"id": "ok"}, "", line])
    with pytest.raises(EvalError) as caught:
        load_gold(path)
    assert "gold.jsonl:3: " in str(caught.value)
    assert problem in str(caught.value)


def test_gold_duplicate_id_and_extra_notes(tmp_path: Path):
    path = write_lines(tmp_path / "gold.jsonl", [{"id": "a", "notes": "relu deux fois"}, {"id": "a"}])
    with pytest.raises(EvalError, match=r"gold.jsonl:2: id 'a' already given on .*gold.jsonl:1"):
        load_gold(path)
    assert load_gold(write_lines(tmp_path / "ok.jsonl", [{"id": "a", "notes": "relu"}]))["a"]["notes"] == "relu"


def test_bad_record_line_is_named(tmp_path: Path):
    path = write_lines(tmp_path / "pred.jsonl", [{"id": "a", "people": []}, {"id": "b", "people": "Olaf Scholz"}])
    with pytest.raises(EvalError, match=r"pred.jsonl:2: people must be an array of objects"):
        load_records(path)


# --------------------------------------------------------------------------- nlpmeet eval


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [
            {"id": "a", "people": [{"name": "Olaf Scholz", "aliases": ["Scholz"]}], "countries": ["DE", "FR"]},
            {"id": "b", "countries": ["IT"]},
        ],
    )
    pred = write_lines(
        tmp_path / "pred.jsonl",
        [
            {"id": "a", "dct": None, "people": [person("P1", "Scholz")], "countries": [{"code": "DE"}]},
            {"id": "b", "dct": None, "countries": [{"code": "IT"}, {"code": "ES"}]},
        ],
    )
    return gold, pred


def test_eval_json_has_the_reference_keys_and_figures(files):
    gold, pred = files
    result = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["countries"] == {"p": 0.6667, "r": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1}
    assert out["people"]["f1"] == 1.0
    assert out["documents"] == 2 and out["missing"] == []
    assert out == score(load_gold(gold), load_records(pred)).as_dict()


def test_eval_table_and_per_doc(files):
    gold, pred = files
    result = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred), "--format", "table", "--per-doc"])
    assert result.exit_code == 0, result.output
    assert "countries" in result.stdout and "0.667" in result.stdout and "mean F1" in result.stdout
    assert "Documents losing points" in result.stdout
    assert "FR" in result.stdout and "ES" in result.stdout  # the missed and the invented country by code
    per_doc = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred), "-f", "json", "--per-doc"])
    out = json.loads(per_doc.stdout)
    assert out["per_doc"]["b"]["countries"] == [1, 1, 0]
    assert out["errors"] == {"a": {"countries": {"missed": ["FR"]}}, "b": {"countries": {"invented": ["ES"]}}}


@pytest.mark.parametrize(
    "gates, code",
    [
        (["countries=0.6"], 0),
        (["countries=0.6", "people=1"], 0),
        (["countries=0.7"], 1),
        (["mean=0.99"], 1),
        (["pays=0.5"], 2),
        (["countries"], 2),
    ],
)
def test_eval_min_f1_gates(files, gates, code):
    gold, pred = files
    args = ["eval", str(gold), "--pred", str(pred), "-f", "json"]
    for gate in gates:
        args += ["--min-f1", gate]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    if code == 1:
        assert "below the minimum" in result.stderr


def test_eval_bad_gold_line_exits_1_naming_it(files, tmp_path: Path):
    _, pred = files
    gold = write_lines(tmp_path / "broken.jsonl", [{"id": "a"}, "pas du JSON"])
    result = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred)])
    assert result.exit_code == 1
    assert "broken.jsonl:2: not JSON" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [[], ["--pred", "missing.jsonl"], ["docs.jsonl", "--pred", "PRED"]])
def test_eval_usage_errors(files, args):
    gold, pred = files
    args = [str(pred) if a == "PRED" else a for a in args]
    assert CliRunner().invoke(app, ["eval", str(gold), *args]).exit_code == 2


@pytest.mark.model
def test_eval_extracts_docs_then_scores(tmp_path: Path, nlp, monkeypatch):
    import nlpmeet.api

    monkeypatch.setattr(nlpmeet.api, "default_nlp", lambda: nlp)
    docs = write_lines(
        tmp_path / "docs.jsonl",
        [{"id": "a", "date": "2024-03-15", "text": "Le chancelier Olaf Scholz a reçu Emmanuel Macron à Berlin."}],
    )
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a",
                "people": [{"name": "Olaf Scholz"}, {"name": "Emmanuel Macron"}],
                "locations": [{"name": "Berlin"}],
            }
        ],
    )
    result = CliRunner().invoke(app, ["eval", str(gold), str(docs), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == 1 and out["missing"] == []
    assert out["people"]["tp"] == 2
