"""Function titles met in university and church news: a university's head ("le recteur de l'université de Liège",
"la rectrice", "le vice-recteur chargé de la recherche") and the cardinal who runs the Holy See between two popes
("le camerlingue, le cardinal X"); a regional adjective between a minister's title and the portfolio ("le ministre
wallon de l'Économie", "la ministre québécoise des Relations internationales"), which is neither part of the title nor
a country, while "fédéral" stays in it ("le ministre fédéral des Finances"); and a portfolio's capitalised common noun
that the model reads as a place ("de la Santé", "de l'Industrie") is a word of the portfolio, while a territory word
still opens a place ("le président de la région Hauts-de-France").

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2025-10-16")


def titles(doc: Doc, name: str) -> list[str]:
    return [r["title"] for r in (doc._.people or {}).get(name, {}).get("roles", [])]


TITLES = [
    ("Le recteur de l'Université de Liège, Pierre Wolper, a signé l'accord.", "Pierre Wolper", "recteur"),
    ("La rectrice de l'Université de Genève, Audrey Leuba, a reçu les étudiants.", "Audrey Leuba", "rectrice"),
    ("Le recteur Daniel Jutras a inauguré le pavillon.", "Daniel Jutras", "recteur"),
    ("Les invités ont rencontré le vice-recteur aux études, Pierre Dumont.", "Pierre Dumont", "vice-recteur"),
    ("La vice-rectrice chargée de la recherche, Isabelle Lemieux, a présenté le programme.", "Isabelle Lemieux",
     "vice-rectrice"),
    ("La mort du pape a été annoncée par le camerlingue, Kevin Farrell.", "Kevin Farrell", "camerlingue"),
]


@pytest.mark.parametrize(("text", "name", "title"), TITLES)
def test_academic_and_church_titles(nlp: Language, text: str, name: str, title: str) -> None:
    assert any(t.startswith(title) for t in titles(run(nlp, text), name))


REGIONAL = [
    ("Le ministre wallon de l'Économie, Pierre-Yves Jeholet, a signé l'accord.", "Pierre-Yves Jeholet",
     "ministre de l'économie"),
    ("Le ministre flamand de l'Enseignement, Ben Weyts, a visité l'école.", "Ben Weyts", "ministre de l'enseignement"),
    ("La ministre québécoise des Relations internationales, Martine Biron, a reçu le délégué.", "Martine Biron",
     "ministre des relations internationales"),
    ("Le ministre bavarois de l'Intérieur, Joachim Herrmann, a rencontré son homologue.", "Joachim Herrmann",
     "ministre de l'intérieur"),
    ("Le ministre fédéral des Finances, Christian Lindner, a présidé la séance.", "Christian Lindner",
     "ministre fédéral des finances"),
]


@pytest.mark.parametrize(("text", "name", "title"), REGIONAL)
def test_a_regional_adjective_before_the_portfolio(nlp: Language, text: str, name: str, title: str) -> None:
    assert title in titles(run(nlp, text), name)


PORTFOLIO_NOUNS = [
    ("La ministre du Travail, de la Santé, des Solidarités et des Familles, Catherine Vautrin, a reçu les syndicats.",
     "Catherine Vautrin", "ministre du travail, de la santé, des solidarités et des familles"),
    ("Le ministre chargé de l'Industrie, Marc Ferracci, a visité l'usine.", "Marc Ferracci",
     "ministre chargé de l'industrie"),
    ("La présidente de la Confédération, Karin Keller-Sutter, a reçu le roi.", "Karin Keller-Sutter",
     "présidente de la confédération"),
    ("Il visitera l'usine aux côtés du président de la région Hauts-de-France, Xavier Bertrand.", "Xavier Bertrand",
     "président"),
]


@pytest.mark.parametrize(("text", "name", "title"), PORTFOLIO_NOUNS)
def test_a_portfolio_noun_read_as_a_place(nlp: Language, text: str, name: str, title: str) -> None:
    assert title in titles(run(nlp, text), name)
