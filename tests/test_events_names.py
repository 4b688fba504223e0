"""Named events in institutional styles: a joint council of two governments ("le Conseil des ministres
franco-allemand"), a government's or leaders' retreat with its place ("la retraite gouvernementale de Meseberg"),
a summit named by its aim ("le sommet pour la paix en Ukraine"), a capitalised series with its year ("les
Assemblées annuelles 2025"), a forum named by the two sides it joins ("le Forum d'affaires Maroc-Espagne") or by
an English proper name ("le forum Science and Technology in Society"); and an event's own name is no
organisation.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import ORGS_GROUP
from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2024-05-29")


NAMED = [
    ("Le 24e Conseil des ministres franco-allemand s'est tenu mardi à Meseberg.",
     "24e Conseil des ministres franco-allemand"),
    ("Le prochain Conseil des ministres franco-espagnol aura lieu à Barcelone.",
     "Conseil des ministres franco-espagnol"),
    ("Cette réunion fait suite à la retraite gouvernementale franco-allemande de Hambourg, en octobre 2023.",
     "retraite gouvernementale franco-allemande de Hambourg"),
    ("Charles Michel a convoqué la retraite informelle des dirigeants de l'Union européenne.",
     "retraite informelle des dirigeants de l'Union européenne"),
    ("Les ministres ont préparé le sommet pour la paix en Ukraine, prévu en juin.",
     "sommet pour la paix en Ukraine"),
    ("Les Assemblées annuelles 2024 de la Banque africaine de développement se sont achevées.",
     "Assemblées annuelles 2024 de la Banque africaine de développement"),
    ("Les Assemblées annuelles 2025 se tiendront en mai à Abidjan.", "Assemblées annuelles 2025"),
    ("Le Forum d'affaires Maroc-Espagne a réuni trois cents entreprises.", "Forum d'affaires Maroc-Espagne"),
    ("Il se rendra en octobre au forum Science and Technology in Society.",
     "forum Science and Technology in Society"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named_event_in_institutional_style(nlp: Language, text: str, expected: str) -> None:
    assert expected in run(nlp, text)._.events


NOT_EVENTS = [
    "Il a pris sa retraite de la fonction publique en 2019.",
    "La retraite anticipée des militaires sera réformée.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_a_retirement_is_no_event(nlp: Language, text: str) -> None:
    assert not run(nlp, text)._.events


EVENT_NOT_ORG = [
    ("Le Forum d'affaires Maroc-Espagne a réuni trois cents entreprises.", "Forum d'affaires Maroc-Espagne"),
    ("Il se rendra en octobre au forum Science and Technology in Society.", "Science and Technology in Society"),
    ("Le 24e Conseil des ministres franco-allemand s'est tenu mardi à Meseberg.", "Conseil des ministres franco"),
]


@pytest.mark.parametrize(("text", "name"), EVENT_NOT_ORG)
def test_an_events_own_name_is_no_organisation(nlp: Language, text: str, name: str) -> None:
    doc = run(nlp, text)
    assert name not in {s.text for s in doc.spans[ORGS_GROUP]}


def test_an_organisation_in_the_complement_stays(nlp: Language) -> None:
    doc = run(nlp, "Le sommet de l'OTAN s'ouvrira mardi à Washington.")
    assert "OTAN" in {s._.norm for s in doc.spans[ORGS_GROUP]}
