"""Organisation names whose boundaries French writing marks in ways the model misses: a hyphenated word is never
cut ("Bourgogne-Franche-Comté", "état-major"), a national institution of another country keeps its complement
("l'Assemblée nationale du Bénin" is not the French one), a parliament's committee written in lower case is
named with its assembly ("la commission des affaires étrangères du Sénat"), a university named by its city is
written in lower case ("l'université de Tokyo").

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest

from nlpmeet.extensions import ORGS_GROUP

pytestmark = pytest.mark.model


def names(nlp, text: str) -> set[str]:
    return {span._.norm for span in nlp(text).spans[ORGS_GROUP]}


BOUNDARIES = [
    # a hyphenated word is one word: the name runs to its end
    ("Il a reçu la présidente du conseil régional de Bourgogne-Franche-Comté, Marie-Guite Dufay.",
     "conseil régional de Bourgogne-Franche-Comté"),
    ("Le président du conseil départemental de Meurthe-et-Moselle, Chaynesse Khirouni, a parlé.",
     "conseil départemental de Meurthe-et-Moselle"),
    ("Le général s'est rendu à Abuja pour la réunion du Comité des chefs d'état-major.",
     "Comité des chefs d'état-major"),
    # another country's institution, named by a lexicon name and its country
    ("Il a rencontré le président de l'Assemblée nationale du Bénin, Louis Vlavonou.",
     "Assemblée nationale du Bénin"),
    ("Elle a reçu la présidente de l'Assemblée nationale du Sénégal, accompagnée de députés.",
     "Assemblée nationale du Sénégal"),
    # a parliament's committee in lower case, with its assembly
    ("Une délégation de la commission des affaires étrangères, de la défense et des forces armées du Sénat "
     "s'est rendue à Erevan.", "commission des affaires étrangères, de la défense et des forces armées du Sénat"),
    ("La commission des finances du Sénat a entendu le ministre.", "commission des finances du Sénat"),
    ("La commission politique de l'APF a adopté une résolution.", "commission politique de l'APF"),
    # a university named by its city, in lower case
    ("Il a rencontré le président de l'université de Tokyo, Teruo Fujii.", "université de Tokyo"),
]


@pytest.mark.parametrize(("text", "name"), BOUNDARIES)
def test_organisation_name_boundaries(nlp, text: str, name: str) -> None:
    assert name in names(nlp, text)


NOT_NAMES = [
    # a committee's verb or a title after it ends the name: nothing reaches to the assembly
    ("La commission a rejeté hier le texte du Sénat.", "commission a rejeté hier le texte du Sénat"),
    # the French chamber itself stays the lexicon's
    ("Le texte sera examiné à l'Assemblée nationale mardi.", "Assemblée nationale mardi"),
]


@pytest.mark.parametrize(("text", "wrong"), NOT_NAMES)
def test_no_name_runs_over_a_clause(nlp, text: str, wrong: str) -> None:
    assert wrong not in names(nlp, text)


ENUMERATED = [
    ("La conseillère d'État Nuria Gorrite, cheffe du Département de la culture, des infrastructures et des "
     "ressources humaines, a rencontré le préfet.",
     "Département de la culture, des infrastructures et des ressources humaines"),
    ("Le conseiller fédéral Albert Rösti, chef du Département fédéral de l'environnement, des transports, de "
     "l'énergie et de la communication (DETEC), a parlé.", "DETEC"),
    ("Elle dirige le Département de l'économie, de l'innovation et du sport, à Genève.",
     "Département de l'économie, de l'innovation et du sport"),
]


@pytest.mark.parametrize(("text", "name"), ENUMERATED)
def test_a_department_named_by_its_portfolios(nlp, text: str, name: str) -> None:
    assert name in names(nlp, text)


def test_an_enumeration_of_people_after_a_name_stays_out(nlp) -> None:
    found = names(nlp, "Le ministère de la Culture, des élus et des artistes ont signé un accord.")
    assert not any("élus" in n for n in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a local public body named by its acronym and its town or region
        ("Le directeur général du CHU de Lille, Frédéric Boiron, a signé l'accord.", "CHU de Lille"),
        ("Une délégation du CHU de Bordeaux s'est rendue à Québec.", "CHU de Bordeaux"),
        ("Le président de la CCI Paris Île-de-France a ouvert le forum.", "CCI Paris Île-de-France"),
        ("La CMA de Bretagne a reçu le ministre de l'Artisanat.", "CMA de Bretagne"),
        # a chamber of commerce spelt out with its town or region
        ("La Chambre de commerce et d'industrie de Lyon a reçu le ministre.",
         "Chambre de commerce et d'industrie de Lyon"),
        ("La Chambre de commerce et d'industrie Paris Île-de-France a accueilli le forum.",
         "Chambre de commerce et d'industrie Paris Île-de-France"),
        # the town or country a name ends with is taken whole, past its elided article
        ("La Chambre de commerce et d'industrie de Côte d'Ivoire a reçu une délégation.",
         "Chambre de commerce et d'industrie de Côte d'Ivoire"),
        ("Le président de la Chambre de commerce et d'industrie de Guinée-Bissau a pris la parole.",
         "Chambre de commerce et d'industrie de Guinée-Bissau"),
    ],
)
def test_a_local_body_named_by_its_town(nlp, text: str, name: str) -> None:
    assert name in names(nlp, text)


def test_the_town_of_a_local_body_is_no_person(nlp) -> None:
    doc = nlp("Le président de la CCI Paris Île-de-France, Dominique Restino, a ouvert les travaux.")
    assert "Paris Île-de-France" not in doc._.people
    assert "Dominique Restino" in doc._.people
