"""Named events: heads as data, what makes them names, clustering, date and place.

Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlpmeet.components.events import event_data
from nlpmeet.extensions import DATES_GROUP, EVENTS_GROUP
from tests.conftest import run_with_dct

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Doc:
    return run_with_dct(nlp, text, "2023-07-12")


def names(doc: Doc) -> list[str]:
    return list(doc._.events)


def test_event_data_has_every_pattern_kind() -> None:
    labels = {row["label"] for row in event_data().rows}
    assert {"session", "visit", "exercise", "election", "group_summit"} <= labels
    assert ("en", "marge", "de") in event_data().links


EVENTS = [
    ("Emmanuel Macron participera au sommet de l'OTAN à Vilnius.", "sommet de l'OTAN à Vilnius"),
    ("Il a pris la parole devant la 78e session de l'Assemblée générale des Nations unies.",
     "78e session de l'Assemblée générale des Nations unies"),
    ("La Russie a lancé l'exercice militaire ZAPAD 2021 près de la frontière.", "exercice militaire ZAPAD 2021"),
    ("Xi Jinping effectuera une visite d'État en France au printemps.", "visite d'État en France"),
    ("Le chancelier est attendu à la conférence de Munich sur la sécurité.", "conférence de Munich"),
    ("Les dirigeants se retrouvent au Forum économique mondial chaque hiver.", "Forum économique mondial"),
    ("La campagne pour l'élection présidentielle a commencé.", "élection présidentielle"),
    ("Les ministres ont préparé la réunion du Conseil de l'Atlantique Nord.",
     "réunion du Conseil de l'Atlantique Nord"),
    ("La préparation du G20 à New Delhi occupe les sherpas.", "G20 à New Delhi"),
    ("Ils ont évoqué le sommet que l'OTAN tiendra en juillet.", "sommet que l'OTAN tiendra"),
    ("La délégation française est arrivée à la COP28 à Dubaï.", "COP28 à Dubaï"),
    ("Les Jeux olympiques de Paris ont attiré des millions de visiteurs.", "Jeux olympiques de Paris"),
    ("Il a ouvert la première réunion du nouveau Conseil de sécurité.",
     "première réunion du nouveau Conseil de sécurité"),
    # a plural function of a named body, or its members, name a meeting
    ("Il a présidé la réunion des ministres de la Défense des pays de l'OTAN.",
     "réunion des ministres de la Défense des pays de l'OTAN"),
    ("Elle participera à la réunion des ministres des Finances du G7.", "réunion des ministres des Finances du G7"),
    ("Il a pris part au sommet des États membres de l'Union africaine.",
     "sommet des États membres de l'Union africaine"),
    # a summit of two parties joined by a hyphen
    ("Ils se sont vus en marge du sommet UE-CELAC.", "sommet UE-CELAC"),
    ("Le sommet Russie-Afrique s'est ouvert à Saint-Pétersbourg.", "sommet Russie-Afrique"),
    # a named exercise in capitalised words, with a number
    ("Des soldats français participent à l'exercice Dragon 24 en Pologne.", "exercice Dragon 24 en Pologne"),
    ("Ils rejoignent l'exercice de l'OTAN Steadfast Defender 2024.", "exercice de l'OTAN Steadfast Defender 2024"),
    # the words of the name right after "exercice", whatever the tagger calls them
    ("Les deux chefs ont préparé leur participation à l'exercice Steadfast Defender 2024.",
     "exercice Steadfast Defender 2024"),
    # a summit or forum with its proper name in apposition
    ("La réunion fait suite au sommet Choose France, organisé la veille.", "sommet Choose France"),
    ("La ministre participera au forum Génération Égalité à Paris.", "forum Génération Égalité à Paris"),
    # a numbered sitting is named by its number, whatever its body
    ("Ils ont préparé la 16e session de la commission mixte de coopération.", "16e session de la commission mixte"),
    ("La 3e réunion du comité de pilotage aura lieu mardi.", "3e réunion du comité"),
    # ... also a numbered Assembly, the ordinal spelled out or not
    ("Il s'est exprimé en marge de la Soixante-dix-septième Assemblée mondiale de la Santé.",
     "Soixante-dix-septième Assemblée mondiale de la Santé"),
    ("La 77e Assemblée mondiale de la Santé s'est ouverte lundi à Genève.", "77e Assemblée mondiale de la Santé"),
    # an aim whose own complement is named
    ("La France accueillera la conférence internationale de soutien au Liban.",
     "conférence internationale de soutien au Liban"),
    ("La conférence de reconstruction de l'Ukraine s'est tenue à Rome.", "conférence de reconstruction de l'Ukraine"),
    # a season before the naming complement; a capitalised plural head is a series' name
    ("La session de printemps du Conseil de l'Europe s'ouvre lundi.", "session de printemps du Conseil de l'Europe"),
    ("Il s'est rendu aux Réunions de printemps du FMI à Washington.", "Réunions de printemps du FMI à Washington"),
    ("Elle participe aux Assemblées annuelles de la Banque mondiale.", "Assemblées annuelles de la Banque mondiale"),
    # ... in lower case too, when the season makes the series
    ("Il sera à Washington en marge des réunions de printemps du Fonds monétaire international.",
     "réunions de printemps du Fonds monétaire international"),
    # a body's own numbered sitting after a possessive
    ("À Abuja, la Conférence a tenu dimanche sa soixante-cinquième session ordinaire.",
     "soixante-cinquième session ordinaire"),
    ("Le Sénat tiendra sa 3e session extraordinaire en juillet.", "3e session extraordinaire"),
    # a trade fair with its proper name in apposition
    ("Le groupe exposera au salon Solaire Expo Maroc à Casablanca.", "salon Solaire Expo Maroc à Casablanca"),
]


@pytest.mark.parametrize(("text", "expected"), EVENTS)
def test_named_event(nlp: Language, text: str, expected: str) -> None:
    assert names(run(nlp, text)) == [expected]


NOT_EVENTS = [
    "Les deux ministres ont tenu une réunion à huis clos.",
    "Il a eu des entretiens avec plusieurs responsables.",
    "La crise en Libye inquiète les diplomates.",
    "Les réunions du Conseil de sécurité se succèdent.",
    "Elle a donné une conférence de presse à midi.",
    "La réunion du ministre avec les syndicats a duré deux heures.",
    "Il a effectué une visite à Bratislava.",
    "Un sommet de chefs d'État pourrait avoir lieu l'an prochain.",
    "La réunion des ministres a duré deux heures.",
    "Cet exercice budgétaire sera difficile pour Paris.",
    "Au sommet, le président Emmanuel Macron a parlé de l'Ukraine.",
    "Une session de rattrapage aura lieu en juin.",
    "Les réunions de printemps ont été annulées.",
    "Il a assisté à une réunion de soutien aux sinistrés.",
    "Le comité a tenu sa réunion mensuelle.",
    "Le ministre visitera le salon de l'agriculture.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_an_event(nlp: Language, text: str) -> None:
    assert names(run(nlp, text)) == []


def test_short_and_full_mentions_are_one_event(nlp: Language) -> None:
    doc = run(
        nlp,
        "En marge de l'Assemblée générale des Nations unies, il a vu plusieurs ministres. "
        "Mardi, il avait assisté à l'ouverture de la 78e session de l'Assemblée générale des Nations unies.",
    )
    assert names(doc) == ["78e session de l'Assemblée générale des Nations unies"]
    assert len(doc.spans[EVENTS_GROUP]) == 2
    assert {s._.norm for s in doc.spans[EVENTS_GROUP]} == {"78e session de l'Assemblée générale des Nations unies"}


@pytest.mark.parametrize(
    "text",
    [
        # a short name (G7, UA, UE) tells two summits apart
        "Ils se verront au sommet du Conseil de l'Europe en Islande. Il ira ensuite au sommet du G7, à Hiroshima.",
        "Le sommet de l'UA s'ouvre lundi. Le sommet de l'UE suivra en juin.",
    ],
)
def test_summits_of_different_bodies_are_two_events(nlp: Language, text: str) -> None:
    assert len(names(run(nlp, text))) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's event named once by its place, once by its kind: one event
        ("G7 d'Hiroshima : les dirigeants arrivent\n\nAu premier jour du sommet du G7, vendredi, le président a vu "
         "le Premier ministre japonais.", [["G7 d'Hiroshima", "sommet du G7"]]),
        # two occurrences named by their places, or two kinds of event of one body: two events
        ("Le sommet du G20 de Rio s'est ouvert lundi. L'an dernier, le sommet du G20 de New Delhi avait adopté une "
         "déclaration.", [["sommet du G20 de New Delhi"], ["sommet du G20 de Rio"]]),
        ("La réunion des ministres de la Défense de l'OTAN a précédé le sommet de l'OTAN.",
         [["réunion des ministres de la Défense de l'OTAN"], ["sommet de l'OTAN"]]),
    ],
)
def test_an_event_named_by_its_place_and_by_its_kind(nlp: Language, text: str, expected: list[list[str]]) -> None:
    doc = run(nlp, text)
    events: dict[str, list[str]] = {}
    for span in doc.spans[EVENTS_GROUP]:
        events.setdefault(span._.norm, []).append(span.text)
    assert sorted(sorted(texts) for texts in events.values()) == expected


def test_event_location(nlp: Language) -> None:
    doc = run(nlp, "Emmanuel Macron participera au sommet de l'OTAN à Vilnius.")
    assert doc._.events["sommet de l'OTAN à Vilnius"]["location"] == "Vilnius"


def test_event_date_from_a_date_right_after_it(nlp: Language) -> None:
    text = "Le sommet de l'OTAN à Vilnius se tiendra le 11 juillet 2023."
    doc = run(nlp, text)
    start = text.index("le 11 juillet 2023")
    span = doc.char_span(start, start + len("le 11 juillet 2023"), alignment_mode="expand")
    assert span is not None
    date = Span(doc, span.start, span.end, label="DATE")
    date._.norm = "2023-07-11"
    doc.spans[DATES_GROUP] = [date]
    doc = nlp.get_pipe("nlpmeet_events")(doc)
    assert doc._.events == {"sommet de l'OTAN à Vilnius": {"date": "2023-07-11", "location": "Vilnius"}}


def test_event_needs_named_date_for_a_council(nlp: Language) -> None:
    doc = run(nlp, "Donald Tusk a longtemps présidé le Conseil européen.")
    assert names(doc) == []


def test_undated_mentions_of_one_election_are_one_event(nlp: Language) -> None:
    doc = run(
        nlp,
        "Il s'est lancé dans la course à la présidentielle française. "
        "Les sondages pour l'élection présidentielle le donnent battu.",
    )
    assert len(doc._.events) == 1


def test_a_council_that_will_meet_is_an_event(nlp: Language) -> None:
    doc = run(nlp, "Je vous invite à notre Conseil européen, qui se tiendra à Bruxelles.")
    assert names(doc) == ["Conseil européen"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a participé au sommet de l'OTAN à Vilnius.", ["sommet de l'OTAN à Vilnius"]),
        ("Elle se rendra en visite d'État en Chine.", ["visite d'État en Chine"]),
        ("Ils ont tenu une réunion.", []),
    ],
)
def test_events_without_a_tagger(blank_nlp: Language, text: str, expected: list[str]) -> None:
    """The rules run on a tokenizer-only pipeline too (no crash, names from capitals)."""
    from nlpmeet.components.events import EventTagger

    doc = EventTagger(blank_nlp)(blank_nlp(text))
    assert list(doc._.events) == expected
    assert doc._.events == {n: {"date": None, "location": None} for n in expected}
