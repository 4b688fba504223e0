"""Named competitions and festivals, as sports and culture pages name them: a cup or championship of the
world, a continent or France ("la Coupe du monde de rugby 2023", "les Championnats d'Europe"), a cycling
stage race ("le Tour de France"), an edition named by its year ("l'Euro 2024", "le Mondial 2026"), a head
with its proper name ("le Rallye Dakar", "le Concours Eurovision") or named by its complement ("le marathon
de Paris", "le Grand Prix de Monaco"); a sport extends a name ("de rugby", "d'athlétisme") and the year of
an edition written after a name belongs to it ("les Jeux olympiques de Paris 2024"). A sport alone names
nothing ("un tournoi de tennis"), nor does the currency ("l'euro") or a journey ("un tour de France des
régions").

Sentences are written for these tests (public figures, real and invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import ORGS_GROUP
from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2024-06-01")


NAMED = [
    ("Le président a assisté samedi à la finale de la Coupe du monde de rugby 2023 au Stade de France.",
     "Coupe du monde de rugby 2023"),
    ("La France accueillera les Championnats d'Europe de natation l'an prochain.", "Championnats d'Europe de natation"),
    ("Les Lions de l'Atlas ont quitté la Coupe d'Afrique des nations en huitièmes de finale.",
     "Coupe d'Afrique des nations"),
    ("Le Tour de France 2024 s'élancera de Florence, a annoncé Christian Prudhomme.", "Tour de France 2024"),
    ("Didier Deschamps a dévoilé sa liste pour l'Euro 2024 jeudi soir.", "Euro 2024"),
    ("Le Mondial 2026 sera organisé par le Canada, les États-Unis et le Mexique.", "Mondial 2026"),
    ("Kylian Mbappé rêve de remporter la Ligue des champions.", "Ligue des champions"),
    ("Le Rallye Dakar 2025 partira d'Arabie saoudite.", "Rallye Dakar 2025"),
    ("Le Concours Eurovision attire chaque année des millions de téléspectateurs.", "Concours Eurovision"),
    ("Il a participé aux Championnats du monde d'athlétisme de Budapest en août.",
     "Championnats du monde d'athlétisme de Budapest"),
    ("Plus de cinquante mille coureurs ont pris le départ du marathon de Paris dimanche.", "marathon de Paris"),
    ("Charles Leclerc a remporté le Grand Prix de Monaco.", "Grand Prix de Monaco"),
    ("Tony Estanguet a présenté le bilan des Jeux olympiques de Paris 2024 aux députés.",
     "Jeux olympiques de Paris 2024"),
    ("Les Championnats du monde de patinage artistique se tiendront à Montréal.",
     "Championnats du monde de patinage artistique"),
    ("La CAN 2025 se déroulera au Maroc en décembre.", "CAN 2025"),
    ("Le Mondial a commencé jeudi au Qatar.", "Mondial"),
    ("Le Mondial de l'automobile ouvre ses portes à Paris.", "Mondial de l'automobile"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named_competition(nlp: Language, text: str, expected: str) -> None:
    assert expected in run(nlp, text)._.events


NOT_EVENTS = [
    "Elle a remporté un tournoi de tennis junior.",
    "L'euro a reculé face au dollar mardi.",
    "L'euro 2024 sera-t-il plus fort ? Les économistes en doutent.",
    "Le ministre entame un tour de France des régions industrielles.",
    "Le championnat de tennis du club commence samedi.",
    "La coupe de cheveux du président a fait sourire.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_no_competition(nlp: Language, text: str) -> None:
    assert not run(nlp, text)._.events


def test_a_count_after_a_name_is_no_edition_year(nlp: Language) -> None:
    events = run(nlp, "Le forum de Dakar 2000 participants attendus a été reporté.")._.events
    assert all("2000" not in name for name in events)


BETWEEN = [
    ("Le sommet entre l'Union européenne et la Chine s'est tenu à Pékin.",
     "sommet entre l'Union européenne et la Chine"),
    ("Le sommet entre la France et l'Allemagne a été reporté à l'automne.", "sommet entre la France et l'Allemagne"),
    ("La conférence entre l'Union africaine et l'ONU se tiendra à Addis-Abeba.",
     "conférence entre l'Union africaine et l'ONU"),
]


@pytest.mark.parametrize(("text", "expected"), BETWEEN)
def test_an_event_named_by_the_two_sides_it_joins(nlp: Language, text: str, expected: str) -> None:
    assert expected in run(nlp, text)._.events


def test_two_people_do_not_name_an_event_between_them(nlp: Language) -> None:
    assert not run(nlp, "Une réunion entre le ministre et son homologue a eu lieu mardi.")._.events


def test_a_competition_the_model_reads_as_an_organisation_is_none(nlp: Language) -> None:
    doc = run(nlp, "Le Mondial a commencé jeudi au Qatar.")
    assert "Mondial" in doc._.events
    assert all(span.text != "Mondial" for span in doc.spans.get(ORGS_GROUP, []))
