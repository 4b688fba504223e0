"""Dates: the pure normaliser (tables of French expressions), its robustness (hypothesis), the
component on a blank pipeline (what is and is not a date), and on the full model (tense, dct)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from nlpmeet.extensions import DATES_GROUP
from nlpmeet.normalise.dates import day_of, frames, pick_dct, resolve

ISO_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?(/\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?)?$")

# (expression, dct, tense, expected value); dct 2017-09-21 is a Thursday
Case = tuple[str, "str | None", "str | None", str]
ABSOLUTE: list[Case] = [
    ("21 septembre 2017", None, None, "2017-09-21"),
    ("21 Sep. 2017", None, None, "2017-09-21"),
    ("le 3 janv. 2020", None, None, "2020-01-03"),
    ("1er mars 2016", None, None, "2016-03-01"),
    ("le premier mai 1995", None, None, "1995-05-01"),
    ("21/09/2017", None, None, "2017-09-21"),
    ("05/12/2015", None, None, "2015-12-05"),
    ("22.04.2016", None, None, "2016-04-22"),
    ("2017-09-21", None, None, "2017-09-21"),
    ("septembre 2017", None, None, "2017-09"),
    ("fin septembre 2000", None, None, "2000-09"),
    ("en 2019", None, None, "2019"),
    ("l'année 2001", None, None, "2001"),
    ("octobre 98", None, None, "1998-10"),
    ("le 10 novembre 93", None, None, "1993-11-10"),
    ("Mis à jour le: 22 Sep. 2017 11:16", None, None, "2017-09-22T11:16"),
    ("20 et 21 septembre 2017", None, None, "2017-09-20/2017-09-21"),
    ("du 3 au 5 mars 2019", None, None, "2019-03-03/2019-03-05"),
    ("du 28 février au 2 mars 2019", None, None, "2019-02-28/2019-03-02"),
    ("vendredi 16 et samedi 17 février 2018", None, None, "2018-02-16/2018-02-17"),
    ("22-23.10.2014", None, None, "2014-10-22/2014-10-23"),
    ("de 2015 à 2017", None, None, "2015/2017"),
    ("1982-1990", None, None, "1982/1990"),
    ("les années 1990", None, None, "1990/1999"),
    ("les années 60", None, None, "1960/1969"),
]

RELATIVE: list[Case] = [
    ("mercredi soir", "2017-09-21", "past", "2017-09-20"),
    ("Mercredi et jeudi", "2017-09-21", "past", "2017-09-20/2017-09-21"),
    ("jeudi", "2017-09-21", "past", "2017-09-21"),
    ("mardi", "2017-09-21", "past", "2017-09-19"),
    ("mardi", "2017-09-21", "future", "2017-09-26"),
    ("lundi", "2017-09-21", "present", "2017-09-18"),
    ("samedi", "2017-09-21", "present", "2017-09-23"),
    ("lundi dernier", "2017-09-21", None, "2017-09-18"),
    ("jeudi dernier", "2017-09-21", None, "2017-09-14"),
    ("lundi prochain", "2017-09-21", None, "2017-09-25"),
    ("mercredi 20 septembre", "2017-09-21", "past", "2017-09-20"),
    # a day of the month alone: the dct's month, or a neighbouring one by the tense and the weekday named
    ("le 3", "2017-09-21", "past", "2017-09-03"),
    ("le 28", "2017-09-21", "past", "2017-08-28"),
    ("le 2", "2017-09-21", "future", "2017-10-02"),
    ("mardi 19", "2017-09-21", "future", "2017-09-19"),  # the 19th that is a Tuesday, though "future"
    ("samedi 30", "2017-09-21", "past", "2017-09-30"),
    ("du 3 au 4", "2017-09-21", "past", "2017-09-03/2017-09-04"),
    ("ce mardi", "2017-09-19", None, "2017-09-19"),
    ("hier", "2017-09-21", None, "2017-09-20"),
    ("avant-hier", "2017-09-21", None, "2017-09-19"),
    ("demain matin", "2017-09-21", None, "2017-09-22"),
    ("après-demain", "2017-09-21", None, "2017-09-23"),
    ("aujourd'hui", "2017-09-21", None, "2017-09-21"),
    ("aujourd’hui", "2017-09-21", None, "2017-09-21"),
    ("ce matin", "2017-09-21", None, "2017-09-21"),
    ("ce soir à 20 h", "2017-09-21", None, "2017-09-21T20:00"),
    ("hier à 10 h", "2017-09-21", None, "2017-09-20T10:00"),
    ("à 11h16", "2017-09-21", None, "2017-09-21T11:16"),
    ("22 heures 30", "2017-09-21", None, "2017-09-21T22:30"),
    ("vers midi", "2017-09-21", None, "2017-09-21T12:00"),
    ("cette semaine", "2017-09-21", None, "2017-09-18/2017-09-24"),
    ("la semaine dernière", "2017-09-21", None, "2017-09-11/2017-09-17"),
    ("la semaine prochaine", "2017-09-21", None, "2017-09-25/2017-10-01"),
    ("ce week-end", "2017-09-19", "past", "2017-09-16/2017-09-17"),
    ("ce week-end", "2017-09-21", "future", "2017-09-23/2017-09-24"),
    ("le mois dernier", "2017-09-21", None, "2017-08"),
    ("le mois prochain", "2017-12-05", None, "2018-01"),
    ("le mois en cours", "2017-09-21", None, "2017-09"),
    ("au début du mois", "2017-09-21", None, "2017-09"),
    ("l'an dernier", "2017-09-21", None, "2016"),
    ("l'année prochaine", "2017-09-21", None, "2018"),
    ("cette année", "2017-09-21", None, "2017"),
    ("il y a trois jours", "2017-09-21", "past", "2017-09-18"),
    ("il y a une semaine", "2017-09-21", "past", "2017-09-14"),
    ("il y a deux ans", "2017-09-21", "past", "2015"),
    ("dans deux semaines", "2017-09-21", "future", "2017-10-05"),
    ("mi-mars", "2017-09-21", None, "2017-03"),
    ("début mars", "2017-09-21", None, "2017-03"),
    ("le 15", "2017-09-21", "future", "2017-10-15"),
    ("le 15", "2017-09-21", "past", "2017-09-15"),
    ("1er mars", "2017-09-21", None, "2017-03-01"),
    ("le 1er octobre dernier", "2017-11-12", "past", "2017-10-01"),
    ("le 8 mars dernier", "2017-02-01", None, "2016-03-08"),
    ("décembre", "2017-02-15", "past", "2016-12"),
    ("en juillet", "2018-02-17", "future", "2018-07"),
    ("janvier", "2017-11-20", "future", "2018-01"),
    ("septembre dernier", "2017-02-01", None, "2016-09"),
    ("le 20 janvier", "2017-12-20", "future", "2018-01-20"),
    ("le 20 décembre", "2017-01-05", "past", "2016-12-20"),
    ("le 30 juin", "2017-05-21", "past", "2017-06-30"),
    ("du 11 au 13 avril prochain", "2024-03-28", "future", "2024-04-11/2024-04-13"),
    ("entre le 3 et le 5 mars", "2019-02-01", "future", "2019-03-03/2019-03-05"),
    ("jeudi 29 et vendredi 30 juin", "2023-06-27", "future", "2023-06-29/2023-06-30"),
    ("samedi et dimanche", "2017-09-21", "past", "2017-09-16/2017-09-17"),
    ("l'été dernier", "2017-11-21", None, None),  # a season names no day, month or year: no value
    ("cet hiver", "2017-11-21", None, None),
    ("au printemps prochain", "2017-11-21", None, None),
    ("l'été 2019", None, None, "2019"),
    ("la nuit de lundi à mardi", "2017-09-21", "past", "2017-09-18/2017-09-19"),
]

NULL = [
    ("mercredi", None, "past"),  # a weekday with no dct
    ("hier", None, None),
    ("le 15 mars", None, None),  # no year, no dct
    ("maintenant", "2017-09-21", None),  # the present: a date mention without a value
    ("actuellement", "2017-09-21", None),
    ("", "2017-09-21", None),
    ("le 31 février 2019", None, None),  # no such day
]


@pytest.mark.parametrize(("text", "dct", "tense", "expected"), ABSOLUTE + RELATIVE)
def test_resolve(text: str, dct: str | None, tense: str | None, expected: str) -> None:
    assert resolve(text, dct, tense) == expected


@pytest.mark.parametrize(("text", "dct", "tense"), NULL)
def test_unresolvable_is_null(text: str, dct: str | None, tense: str | None) -> None:
    assert resolve(text, dct, tense) is None


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("le lendemain", "2006-06-18", "2006-06-19"),
        ("Le lendemain matin", "2006-06-18", "2006-06-19"),
        ("la veille", "2006-06-18", "2006-06-17"),
        ("le surlendemain", "2006-06-18", "2006-06-20"),
        ("le même jour", "2006-06-18", "2006-06-18"),
        ("dans la soirée", "2006-06-18", "2006-06-18"),
        ("à 15 heures", "2006-06-18", "2006-06-18T15:00"),
        ("le lendemain", None, "2006-06-24"),  # no day stated before: the dct
    ],
)
def test_anchored(text: str, anchor: str | None, expected: str) -> None:
    assert resolve(text, "2006-06-23", "past", anchor) == expected


def test_year_from_context() -> None:
    """ "En 1997, ... en janvier": a month without year takes the year the sentence stated."""
    assert resolve("en janvier", "1999-07-29", "past", None, 1997) == "1997-01"
    assert resolve("le 3 mars", "1999-07-29", "past", None, 1997) == "1997-03-03"
    assert resolve("le 3 mars 2001", "1999-07-29", "past", None, 1997) == "2001-03-03"


def test_frames_of_a_range_share_month_and_year() -> None:
    first, last = frames("du 3 au 5 mars 2019")
    assert (first.day, first.month, first.year) == (3, 3, 2019)
    assert (last.day, last.month, last.year) == (5, 3, 2019)


def test_pick_dct_takes_the_first_single_day() -> None:
    assert pick_dct(["2006-06-18/2006-06-22", "2006-06", None, "2006-06-23", "2006-06-24"]) == "2006-06-23"
    assert pick_dct(["2017-09-22T11:16"]) == "2017-09-22"
    assert pick_dct(["2019", None]) is None
    assert day_of("2017-09-20/2017-09-21") is None


WORDS = st.sampled_from(
    [
        "le", "du", "au", "et", "entre", "mardi", "mercredi", "soir", "hier", "demain", "dernier", "prochain",
        "mars", "sept.", "Sep", ".", "janvier", "1er", "3", "15", "31", "32", "00", "98", "2017", "1900", "9999",
        "h", "heures", "30", "11h16", "25:99", "21/09/2017", "31/02/2019", "2017-09-21", "22-23.10.2014", "il", "y",
        "a", "dans", "trois", "semaine", "mois", "an", "années", "week-end", "mi-mars", "début", "fin", "lendemain",
        "veille", "même", "jour", "l'", "cette", "ce", "en", "cours", "-", "/", "«", "€", "été", "à", "vers", "midi",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(WORDS, max_size=8),
    noise=st.text(max_size=12),
    dct=st.one_of(st.none(), st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24))),
    tense=st.sampled_from([None, "past", "present", "future"]),
    anchor=st.one_of(st.none(), st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24))),
    year=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)),
)
def test_resolve_never_raises_and_is_schema_valid(
    words: list[str], noise: str, dct: date | None, tense: str | None, anchor: date | None, year: int | None
) -> None:
    value = resolve(" ".join(words) + noise, dct, tense, anchor, year)
    assert value is None or ISO_VALUE.match(value), value
    if value is not None and "/" in value:
        start, end = value.split("/")
        assert start[:10] <= end[:10] or len(start) != len(end)


@given(day=st.dates(min_value=date(1900, 1, 8), max_value=date(2100, 12, 24)), weekday=st.integers(0, 6))
def test_weekday_resolution_by_tense(day: date, weekday: int) -> None:
    names = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    past = date.fromisoformat(str(resolve(names[weekday], day, "past")))
    future = date.fromisoformat(str(resolve(names[weekday], day, "future")))
    assert past.weekday() == future.weekday() == weekday
    assert timedelta(0) <= day - past < timedelta(days=7)
    assert timedelta(0) <= future - day < timedelta(days=7)


# ------------------------------------------------------------------ the component, tokens only


@pytest.fixture(scope="module")
def dates_only() -> Language:
    from nlpmeet.pipeline import build_blank

    nlp = build_blank()
    nlp.add_pipe("nlpmeet_dates")
    return nlp


def tagged(nlp: Language, text: str, dct: str | None = "2017-09-21") -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.dct = dct
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.norm) for s in doc.spans[DATES_GROUP]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le sommet aura lieu du 3 au 5 mars 2019 à Paris.", [("du 3 au 5 mars 2019", "2019-03-03/2019-03-05")]),
        ("Mis à jour le : 22 Sep. 2017 11:16", [("22 Sep. 2017 11:16", "2017-09-22T11:16")]),
        (
            "Rendez-vous le 21/09/2017 puis le 2017-10-02.",
            [("le 21/09/2017", "2017-09-21"), ("2017-10-02", "2017-10-02")],
        ),
        ("Il est arrivé hier soir à Genève.", [("hier soir", "2017-09-20")]),
        ("La réunion a commencé à 11h16.", [("à 11h16", "2017-09-21T11:16")]),
        ("Elle reprendra à 22 heures 30.", [("à 22 heures 30", "2017-09-21T22:30")]),
        ("Il y a trois jours, la ville était calme.", [("Il y a trois jours", "2017-09-18")]),
        ("Ils se sont vus la semaine dernière.", [("la semaine dernière", "2017-09-11/2017-09-17")]),
        (
            "Le 12 mars, il est à Lyon. Le lendemain, il part.",
            [("Le 12 mars", "2017-03-12"), ("Le lendemain", "2017-03-13")],
        ),
        (
            "Elle est arrivée le 3 mars 2019. Puis à 15 heures, la réunion.",
            [("le 3 mars 2019", "2019-03-03"), ("à 15 heures", "2019-03-03T15:00")],
        ),
        (
            "En 1997, deux ruptures ont eu lieu, en janvier et en mars.",
            [("1997", "1997"), ("janvier", "1997-01"), ("mars", "1997-03")],
        ),
        ("Ils ont signé l'accord à l'horizon 2030.", [("à l'horizon 2030", "2030")]),
        ("Il a été nommé en 1984 secrétaire général.", [("1984", "1984")]),
        ("Réunion le mardi 15/10/2019 à Rome.", [("le mardi 15/10/2019", "2019-10-15")]),
        ("La saison 2015-2016 a commencé.", [("2015-2016", "2015/2016")]),
        # "début/fin du mois de MONTH" is that month
        ("Le Sénat examinera le texte au début du mois d'octobre.", [("début du mois d'octobre", "2017-10")]),
        ("Les travaux s'achèveront à la fin du mois de mai 2018.", [("la fin du mois de mai 2018", "2018-05")]),
        # a dateline's day with an abbreviated month and no year
        ("Dakar, 14 sept (APS) - Le président a reçu le ministre.", [("14 sept", "2017-09-14")]),
        ("RABAT, 3 nov - Le roi a reçu le ministre.", [("3 nov", "2017-11-03")]),
        # "ce jour" in the official style is the publication day
        ("Le Président de la République a reçu ce jour en audience le ministre.", [("ce jour", "2017-09-21")]),
        ("Le ministre a signé ce jour un décret.", [("ce jour", "2017-09-21")]),
    ],
)  # fmt: skip
def test_component_finds_and_resolves(dates_only: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert tagged(dates_only, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "La mission a duré quatre jours.",  # a duration
        "Il est resté en poste depuis deux ans.",
        "La 72e session s'ouvre.",  # a number in a name
        "L'exercice ZAPAD 2017 inquiète les voisins.",
        "Le G20 se réunit.",
        "Plus de 2000 soldats sont déployés.",  # a quantity
        "Il a passé 12 heures en garde à vue.",
        "La sonde approche de Mars cette fois.",  # the planet, not the month
        "Il a été élu à l'unanimité.",  # "été", the verb
        "Il avait 45 ans.",  # an age
        "Il a compté 14 sept fois les voix.",  # an abbreviation outside a dateline
        "À ce jour, aucun accord n'a été trouvé.",  # up to now
        "Il reste jusqu'à ce jour le seul candidat.",
    ],
)
def test_not_dates(dates_only: Language, text: str) -> None:
    assert tagged(dates_only, text) == []


@pytest.mark.parametrize(
    ("text", "dct"),
    [
        ("Le secrétaire général rencontre\n\n  • 21 Sep. 2017 -\n\nMercredi, il a vu le président.", "2017-09-21"),
        ("PARIS, 12 mars 2019 (AFP) - Le ministre a reçu hier son homologue.", "2019-03-12"),
        ("Bruxelles, 27/06/2023\n\nJ'ai le plaisir de vous inviter.", "2023-06-27"),
        ("PARIS, 12 mars (AFP) - Le ministre a reçu hier son homologue, comme en mars 2018.", "2018-03-12"),
        ("Visite du 18 au 22 juin 2006\n\n23 juin 2006\n\nLe Secrétaire général est arrivé dimanche.", "2006-06-23"),
    ],
)  # fmt: skip
def test_dct_from_header(dates_only: Language, text: str, dct: str) -> None:
    doc = dates_only.make_doc(text)
    for _name, proc in dates_only.pipeline:
        doc = proc(doc)
    assert (doc._.dct, doc._.dct_source) == (dct, "text")


def test_dateline_without_any_year_gives_no_dct(dates_only: Language) -> None:
    doc = dates_only.make_doc("PARIS, 12 mars (AFP) - Le ministre a reçu hier son homologue.")
    for _name, proc in dates_only.pipeline:
        doc = proc(doc)
    assert doc._.dct is None
    assert [(s.text, s._.norm) for s in doc.spans[DATES_GROUP]] == [("12 mars", None), ("hier", None)]


def test_no_dct_in_text_leaves_relative_dates_null(dates_only: Language) -> None:
    assert tagged(dates_only, "Le ministre a reçu son homologue mercredi.", dct=None) == [("mercredi", None)]


def test_given_dct_wins_over_the_header(dates_only: Language) -> None:
    doc = dates_only.make_doc("Paris, 12 mars 2019 - Le ministre est arrivé hier.")
    doc._.dct, doc._.dct_source = "2019-03-14", "given"
    for _name, proc in dates_only.pipeline:
        doc = proc(doc)
    assert doc._.dct_source == "given"
    assert [s._.norm for s in doc.spans[DATES_GROUP]] == ["2019-03-12", "2019-03-13"]


# ------------------------------------------------------------------ the full pipeline: tense from the parse

TENSE = [
    ("Le ministre se rendra mardi à Berlin.", "mardi", "2017-09-26"),
    ("Le ministre s'est rendu mardi à Berlin.", "mardi", "2017-09-19"),
    ("Le ministre va rencontrer samedi son homologue.", "samedi", "2017-09-23"),
    ("Le conseiller vient de démissionner lundi.", "lundi", "2017-09-18"),
    ("Le président a reçu vendredi son homologue.", "vendredi", "2017-09-15"),
    ("Il rencontrera vendredi à Bruxelles la haute représentante.", "vendredi", "2017-09-22"),
    ("La visite, prévue le 3 janvier, est confirmée.", "le 3 janvier", "2018-01-03"),
    ("Il souffre depuis mardi d'une grippe.", "mardi", "2017-09-19"),
    ("Le traité a été signé en décembre.", "décembre", "2016-12"),
    ("Le sommet se tiendra en décembre.", "décembre", "2017-12"),
    ("Il faut agir avant que le rapport soit rendu public lundi.", "lundi", "2017-09-25"),  # subjunctive
    ("Vers 2 h 10, mardi, un incendie s'est déclaré.", "Vers 2 h 10", "2017-09-19T02:10"),  # the day after it
    ("Le 3 septembre, il est arrivé à Genève. Le lendemain, il a vu le ministre.", "Le lendemain", "2017-09-04"),
    # "Le lendemain" opening a later paragraph: the day after the last day narrated, though further back
    ("Le ministre a reçu mardi son homologue britannique. Les deux hommes ont évoqué la défense aérienne. Leur "
     "coopération repose sur un traité signé en 2010.\n\nLe lendemain, le ministre s'est rendu à Berlin.",
     "Le lendemain", "2017-09-20"),
    ("Le 11 septembre, la ministre est arrivée à Kiev. Elle a visité un hôpital. Elle a rencontré des "
     "soldats.\n\nLa veille, elle avait fait escale à Varsovie.", "La veille", "2017-09-10"),
    ("En 2015, la ville a accueilli le sommet en juin.", "juin", "2015-06"),
    # "jusqu'à" looks ahead unless the clause is in the past; "est" + participle of a verb whose past takes
    # "avoir" is a present passive, of a verb whose past takes "être" a past (dct Thursday: Monday is +4 or -3)
    ("Les pourparlers se tiennent jusqu'à lundi à Genève.", "lundi", "2017-09-25"),
    ("Le couvre-feu est maintenu jusqu'à lundi.", "lundi", "2017-09-25"),
    ("L’exposition est ouverte jusqu’à lundi soir.", "lundi soir", "2017-09-25"),
    ("Les consultations ont duré jusqu'à lundi.", "lundi", "2017-09-18"),
    ("Le ministre est resté à Kiev jusqu'à lundi.", "lundi", "2017-09-18"),
    ("Le ministre restera à Kiev jusqu'au 2 octobre.", "2 octobre", "2017-10-02"),
    # a past narration does not go on from a day still to come, stated in the sentence before
    ("Le président a reçu jeudi le ministre pour préparer le sommet prévu le 7 octobre à Abuja.\n\nDans "
     "l'après-midi, il s'est entretenu au téléphone avec son homologue.", "Dans l'après-midi", "2017-09-21"),
    ("Ils ont évoqué la conférence qui se tiendra le 2 octobre. Dans la soirée, le ministre a dîné avec "
     "l'ambassadeur.", "Dans la soirée", "2017-09-21"),
    ("« Nous signerons l'accord demain », a déclaré mardi le ministre.", "demain", "2017-09-20"),  # quoted speech
    ("« Nous signerons l'accord demain », a déclaré le ministre.", "demain", "2017-09-22"),
    # a heading's year holds for its own line only, however the parser joins the lines
    ("Merkel et Macron affichent leur entente\n\nPar Jean Dupont\nPublié le 21 septembre 2017 à 08h00\n\n"
     "La chancelière a reçu mercredi le président, pour sa première visite depuis son élection en mai.",
     "mai", "2017-05"),
    ("Merkel et Macron affichent leur entente\n\nPar Jean Dupont\nPublié le 21 septembre 2017 à 08h00\n\n"
     "La chancelière a reçu mercredi le président, dont le parti avait gagné les élections en décembre.",
     "décembre", "2016-12"),
]


# a day of the month without its month (the journalist's "Le 3, ...", "mardi 19"), with the full parse
TENSE += [
    ("Le 3, le ministre a reçu son homologue.", "Le 3", "2017-09-03"),
    # a present passive is no past narration: its time goes with the day still to come it states
    ("La reprise des cours est fixée au jeudi 28 septembre, à 18 h, au gymnase.", "à 18 h", "2017-09-28T18:00"),
    ("Le 2, il se rendra à Berlin.", "Le 2", "2017-10-02"),
    ("Mardi 19, le président a reçu le chancelier.", "Mardi 19", "2017-09-19"),
    ("Le ministre est arrivé le 12 à Dakar.", "le 12", "2017-09-12"),
    ("Dans la nuit du 3 au 4, des frappes ont visé la ville.", "Dans la nuit du 3 au 4", "2017-09-03/2017-09-04"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi 12 militaires ont été blessés.",  # a count after a weekday
        "Il regarde le 20 heures sur France 2.",
        "Les pompiers sont arrivés devant le 10, rue de la Paix.",  # a house number
        "Le coureur a attaqué dès le 25 e kilomètre.",  # an ordinal
        "Le 10 a marqué deux buts.",  # a shirt number as subject
    ],
)
def test_bare_numbers_that_are_no_days(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    doc._.dct = "2017-09-21"
    doc = nlp(doc)
    assert not [s.text for s in doc.spans[DATES_GROUP] if any(c.isdigit() for c in s.text)]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a year right after a name's lower-case adjectives is part of the name, not a date
        ("Les Assemblées annuelles 2024 de la Banque africaine de développement s'ouvrent.", []),
        ("Les Journées européennes 2025 du patrimoine approchent.", []),
        # after a lower-case noun and its adjective, the year is a date (no name before it)
        ("Le budget rectificatif 2018 a été adopté.", ["2018"]),
        ("Le plan quinquennal 2016 a été présenté.", ["2016"]),
        ("Les Assemblées se sont réunies en 2016.", ["2016"]),
    ],
)
def test_years_ending_names(nlp: Language, text: str, years: list[str]) -> None:
    doc = nlp.make_doc(text)
    doc._.dct = "2017-09-21"
    doc = nlp(doc)
    assert [s.text for s in doc.spans[DATES_GROUP] if s.text.isdigit()] == years


# a part of the day opening a sentence of an announced programme is of the day announced (dct Thursday 21)
TENSE += [
    ("La ministre se rendra à Bordeaux le samedi 23 septembre. Elle y sera accueillie par le préfet.\n\nDans la "
     "matinée, elle visitera un vignoble.", "Dans la matinée", "2017-09-23"),
    ("Le président effectuera lundi une visite à Lille. Il inaugurera une usine.\n\nDans l'après-midi, il "
     "rencontrera les élus.", "Dans l'après-midi", "2017-09-25"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), TENSE)
def test_tense_sets_the_direction(nlp: Language, text: str, mention: str, expected: str) -> None:
    doc = nlp.make_doc(text)
    doc._.dct = "2017-09-21"
    doc = nlp(doc)
    assert (mention, expected) in [(s.text, s._.norm) for s in doc.spans[DATES_GROUP]]


def test_windowed_matching_equals_the_whole_text(dates_only: Language) -> None:
    """The matcher runs only around trigger tokens; it must find exactly what it finds over the whole text."""
    from tests.french_sample import articles

    tagger = dates_only.get_pipe("nlpmeet_dates")
    for text in articles(40, seed=7):
        doc = dates_only.make_doc(text)
        assert sorted(tagger._matches(doc)) == sorted(tagger.matcher(doc))

