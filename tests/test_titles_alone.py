"""A function title used alone for its holder ("Le Greffier a rencontré …", "le Grand Imam recevra …"): no person
named after the title, the title links to the holder the text names, and the holder's encounters are found.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct
from tests.helpers import pairs

pytestmark = pytest.mark.model


def run(nlp: Language, text: str, dct: str | None = "2024-05-29") -> Doc:
    return run_with_dct(nlp, text, dct)


TITLE_ALONE = [
    # (text, the people, the holder, the holder's title, the encounters)
    ("La délégation comprenait le Greffier de la Cour pénale internationale, Peter Lewis. Le Greffier a ensuite "
     "rencontré le procureur général Rémy Heitz.",
     {"Peter Lewis", "Rémy Heitz"}, "Peter Lewis", "greffier", {frozenset(("Lewis", "Heitz"))}),
    ("La greffière du tribunal, Marie Dupuis, était présente. La Greffière a reçu mardi l'avocat Éric "
     "Dupond-Moretti.",
     {"Marie Dupuis", "Éric Dupond-Moretti"}, "Marie Dupuis", "greffière", {frozenset(("Dupuis", "Dupond-Moretti"))}),
    ("Le Grand Imam d'Al-Azhar, Ahmed al-Tayeb, a reçu jeudi le président Emmanuel Macron. Le Grand Imam recevra "
     "la semaine prochaine le secrétaire général de l'ONU, António Guterres.",
     {"Ahmed al-Tayeb", "Emmanuel Macron", "António Guterres"}, "Ahmed al-Tayeb", "grand imam",
     {frozenset(("al-Tayeb", "Macron")), frozenset(("al-Tayeb", "Guterres"))}),
    ("Le grand imam Ahmed al-Tayeb s'est entretenu avec le pape François.",
     {"Ahmed al-Tayeb", "François"}, "Ahmed al-Tayeb", "grand imam", {frozenset(("al-Tayeb", "François"))}),
]


@pytest.mark.parametrize(("text", "people", "holder", "title", "met"), TITLE_ALONE)
def test_a_title_alone_is_its_holder(
    nlp: Language, text: str, people: set[str], holder: str, title: str, met: set
) -> None:
    doc = run(nlp, text)
    assert set(doc._.people) == people
    assert any(r["title"].startswith(title) for r in doc._.people[holder]["roles"])
    assert not any("imam" in s.text.lower() or "greffi" in s.text.lower() for s in doc.spans["nlpmeet_locations"])
    assert pairs(doc) == met


def test_for_his_part_joins_no_encounter(nlp: Language) -> None:
    # "pour sa part" is no "prendre part": a talk of its own, not a join of the previous one
    doc = run(nlp, "Le président Emmanuel Macron a reçu lundi le chancelier Olaf Scholz. Le ministre Bruno Le Maire "
              "a pour sa part tenu une séance de travail avec le ministre Christian Lindner.")
    assert pairs(doc) == {frozenset(("Macron", "Scholz")), frozenset(("Maire", "Lindner"))}


GENERAL_DELEGATES = [
    # "délégué général": the head of a Québec (or Wallonia-Brussels) delegation abroad, a title before the name
    ("La déléguée générale du Québec à Bruxelles, Line Dupré, a rencontré mardi le ministre Jean-Noël Barrot.",
     "Line Dupré", "déléguée générale"),
    ("Le ministre Jean-Noël Barrot s'est entretenu avec le délégué général du Québec à Londres, Félix Tessier.",
     "Félix Tessier", "délégué général"),
]


@pytest.mark.parametrize(("text", "person", "title"), GENERAL_DELEGATES)
def test_general_delegate_is_a_title(nlp: Language, text: str, person: str, title: str) -> None:
    doc = run(nlp, text)
    assert [r["title"] for r in doc._.people[person]["roles"]] == [title]
    assert pairs(doc) == {frozenset((person.split()[-1], "Barrot"))}
