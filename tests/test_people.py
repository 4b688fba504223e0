"""nlpmeet_people: named people, short forms, honorifics, repairs of the model's errors.

Unit tests run the component on the blank tokenizer with hand-set entities and span groups (what
the model and the earlier components would give); model tests run the whole pipeline.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlpmeet.components.coref import CorefResolver
from nlpmeet.components.people import PeopleTagger
from nlpmeet.components.roles import RoleTagger
from nlpmeet.extensions import COUNTRIES_GROUP, DATES_GROUP, LOCATIONS_GROUP, ORGS_GROUP, PEOPLE_GROUP


def find(doc: Doc, text: str, nth: int = 0) -> Span:
    """The nth occurrence of ``text`` in ``doc`` as a token span."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span


def make(
    nlp: Language,
    text: str,
    per: tuple[str, ...] = (),
    countries: dict[str, str] | None = None,
    orgs: dict[str, str] | None = None,
    locations: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    ents: dict[str, str] | None = None,
) -> Doc:
    """A blank-tokenised doc with the model's entities and the earlier components' groups set by hand."""
    doc = nlp(text)
    spans = [Span(doc, s.start, s.end, label="PER") for s in (find(doc, p) for p in per)]
    for t, label in (ents or {}).items():
        s = find(doc, t)
        spans.append(Span(doc, s.start, s.end, label=label))
    doc.ents = spans
    groups = {COUNTRIES_GROUP: countries or {}, ORGS_GROUP: orgs or {}}
    for group, table in groups.items():
        out = []
        for surface, norm in table.items():
            pos = -1
            while (pos := doc.text.find(surface, pos + 1)) >= 0:
                span = doc.char_span(pos, pos + len(surface))
                if span is not None:
                    span._.norm = norm
                    out.append(span)
        doc.spans[group] = out
    doc.spans[LOCATIONS_GROUP] = [find(doc, t) for t in locations]
    for s in doc.spans[LOCATIONS_GROUP]:
        s._.norm = s.text
    doc.spans[DATES_GROUP] = [find(doc, t) for t in dates]
    return doc


def run(doc: Doc) -> Doc:
    return CorefResolver()(RoleTagger()(PeopleTagger()(doc)))


def people(doc: Doc) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for span in doc.spans[PEOPLE_GROUP]:
        out.setdefault(span._.norm, []).append(span.text)
    return out


@pytest.mark.parametrize(
    ("text", "per", "expected"),
    [
        # short forms and honorifics: one person, the mention without "M."
        (
            "Jens Stoltenberg est arrivé mardi. M. Stoltenberg a ensuite parlé.",
            ("Jens Stoltenberg", "M. Stoltenberg"),
            {"Jens Stoltenberg": ["Jens Stoltenberg", "Stoltenberg"]},
        ),
        # the model misses a name after an honorific
        (
            "Le ministre a reçu Mme Ursula von der Leyen hier.",
            (),
            {"Ursula von der Leyen": ["Ursula von der Leyen"]},
        ),
        (
            "S.E.M. Jean Ping a pris la parole.",
            ("S.E.M. Jean Ping",),
            {"Jean Ping": ["Jean Ping"]},
        ),
        # particles and hyphens stay in the name
        (
            "Il a rencontré M. Jaap de Hoop Scheffer à Bruxelles.",
            ("M. Jaap",),
            {"Jaap de Hoop Scheffer": ["Jaap de Hoop Scheffer"]},
        ),
        (
            "Jean-Yves Le Drian a salué Fayez Al-Sarraj. Le Drian a ajouté un mot.",
            ("Jean-Yves Le Drian", "Fayez Al-Sarraj"),
            {"Jean-Yves Le Drian": ["Jean-Yves Le Drian", "Le Drian"], "Fayez Al-Sarraj": ["Fayez Al-Sarraj"]},
        ),
        (
            "Le prince héritier Mohammed bin Salman a parlé. Bin Salman a souri.",
            (),
            {"Mohammed bin Salman": ["Mohammed bin Salman", "Bin Salman"]},
        ),
        # a name in capitals is the same person; the fullest, non-capital form is the name
        (
            "Mme Angela MERKEL a reçu la presse. Angela Merkel a parlé de Merkel.",
            ("Mme Angela MERKEL", "Angela Merkel"),
            {"Angela Merkel": ["Angela MERKEL", "Angela Merkel", "Merkel"]},
        ),
        # English caption line with accent variant
        (
            "NATO Secretary General Jens Stoltenberg and UN Secretary-General Antonio Guterres\n\n"
            "Le secrétaire général de l'ONU, António Guterres, a reçu M. Stoltenberg.",
            ("António Guterres",),
            {"Jens Stoltenberg": ["Jens Stoltenberg", "Stoltenberg"],
             "Antonio Guterres": ["Antonio Guterres", "António Guterres"]},
        ),
        # a title before a name the model labelled otherwise
        (
            "Il a vu le représentant de l'OSCE pour la liberté des médias, Harlem Désir.",
            (),
            {"Harlem Désir": ["Harlem Désir"]},
        ),
        (
            "Une lettre au Premier ministre canadien HARPER est partie.",
            (),
            {"HARPER": ["HARPER"]},
        ),
        # plural title: both names
        (
            "Les ministres des Affaires étrangères Hadjah Lahbib et Wopke Hoekstra étaient présents.",
            ("Wopke Hoekstra",),
            {"Hadjah Lahbib": ["Hadjah Lahbib"], "Wopke Hoekstra": ["Wopke Hoekstra"]},
        ),
    ],
)
def test_people(blank_nlp: Language, text: str, per: tuple[str, ...], expected: dict[str, list[str]]) -> None:
    doc = make(blank_nlp, text, per, countries={"canadien": "CA"}, orgs={"OSCE": "OSCE", "ONU": "ONU"})
    assert people(run(doc)) == expected


@pytest.mark.parametrize(
    ("text", "per", "groups"),
    [
        # weekdays, months and countries that the model calls PER
        ("Mardi, le sommet a commencé.", ("Mardi",), {"dates": ("Mardi",)}),
        ("Avec la Russie, rien ne change.", ("Russie",), {"countries": {"Russie": "RU"}}),
        # a title phrase the model calls PER is no person
        ("Le Président de la République a parlé.", ("Président de la République",), {}),
        ("Mesdames et Messieurs, bonsoir.", ("Mesdames",), {}),
        # a heading in capitals after a title
        ("VISITE DU SECRÉTAIRE GÉNÉRAL EN SUISSE", (), {}),
        # a party after a title
        ("La députée LaREM a voté contre.", (), {}),
        ("Le président LR de la région a parlé.", (), {}),
        # a plural title takes full names
        ("Les députés Insoumis ont voté.", (), {}),
        # one word after a title that is a place
        ("La présidente de la région Occitanie a parlé.", (), {"locations": ("Occitanie",)}),
    ],
)
def test_not_people(blank_nlp: Language, text: str, per: tuple[str, ...], groups: dict) -> None:
    doc = make(
        blank_nlp,
        text,
        per,
        countries=groups.get("countries"),
        dates=groups.get("dates", ()),
        locations=groups.get("locations", ()),
    )
    assert people(run(doc)) == {}


def test_person_names_removed_from_orgs(blank_nlp: Language) -> None:
    text = "Le secrétaire général de l'OTAN, Mark Rutte, est venu."
    doc = make(blank_nlp, text, orgs={"OTAN": "OTAN", "Mark Rutte": "Mark Rutte"})
    run(doc)
    assert people(doc) == {"Mark Rutte": ["Mark Rutte"]}
    assert [s.text for s in doc.spans[ORGS_GROUP]] == ["OTAN"]


def test_repeated_name_found_without_model(blank_nlp: Language) -> None:
    doc = make(blank_nlp, "M. Pedro Passos Coelho arrive. Ensuite, Passos Coelho visitera le lycée.")
    assert people(run(doc)) == {"Pedro Passos Coelho": ["Pedro Passos Coelho", "Passos Coelho"]}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le secrétaire général de l'OTAN, Jens Stoltenberg, a rencontré mercredi le président "
            "ukrainien Volodymyr Zelensky. M. Stoltenberg a salué le courage de M. Zelensky.",
            {"Jens Stoltenberg", "Volodymyr Zelensky"},
        ),
        (
            "Selon Clément Beaune, le texte sera voté en juin. Beaune l'a confirmé lundi.",
            {"Clément Beaune"},
        ),
        (
            "La chancelière Angela Merkel et le président Emmanuel Macron se sont entretenus à Berlin.",
            {"Angela Merkel", "Emmanuel Macron"},
        ),
    ],
)
def test_people_with_model(nlp: Language, text: str, expected: set[str]) -> None:
    doc = nlp(text)
    assert set(people(doc)) == expected
    assert set(doc._.people) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "person"),
    [
        # a family name alone joins the person whose gender its honorific or title agrees with
        (
            "Le président Donald Trump et Mme Melania Trump sont arrivés jeudi à Paris. "
            "Mme Trump a visité un hôpital pour enfants.",
            "Trump",
            "Melania Trump",
        ),
        (
            "Mme Melania Trump et M. Donald Trump ont dîné à l'Élysée. M. Trump a ensuite quitté Paris.",
            "Trump",
            "Donald Trump",
        ),
        (
            "Le président sénégalais, Macky Sall, a reçu lundi la ministre Aïssata Tall Sall. "
            "Mme Tall Sall a présenté son rapport. Le président Sall l'a remerciée.",
            "Sall",
            "Macky Sall",
        ),
        (
            "La présidente du groupe, Marine Le Pen, et son père Jean-Marie Le Pen ont voté dimanche. "
            "Mme Le Pen a ensuite parlé à la presse.",
            "Le Pen",
            "Marine Le Pen",
        ),
    ],
)
def test_family_name_joins_the_person_of_its_gender(nlp: Language, text: str, mention: str, person: str) -> None:
    doc = nlp(text)
    last = [s for s in doc.spans[PEOPLE_GROUP] if s.text == mention][-1]
    assert last._.norm == person


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline noun before "de" is no part of the name
        ("Visite de Kaja Kallas à Kiev", {"Kaja Kallas"}),
        ("Déclaration de Jean-Noël Barrot sur la situation au Liban", {"Jean-Noël Barrot"}),
        ("Inde – Participation de Catherine Colonna à la réunion du G20", {"Catherine Colonna"}),
        # ... but a particle inside a name stays ("Charles de Gaulle")
        ("Charles de Gaulle est arrivé à Londres.", {"Charles de Gaulle"}),
        # a title word after a capitalised particle is part of the name
        ("Le président Mohamed Ould Cheikh El Ghazouani est arrivé.", {"Mohamed Ould Cheikh El Ghazouani"}),
        ("Le ministre Ahmed Ould Cheikh Sidia a parlé.", {"Ahmed Ould Cheikh Sidia"}),
        # a title word that is a given name, with its capital inside a sentence and no article, opens the name
        ("Il a dîné avec le ministre des Finances et du Budget, Cheikh Diba.", {"Cheikh Diba"}),
        ("Le ministre Cheikh Tidiane Gadio a reçu la presse.", {"Cheikh Tidiane Gadio"}),
    ],
)
def test_name_boundaries_with_model(nlp: Language, text: str, expected: set[str]) -> None:
    doc = nlp(text)
    assert set(doc._.people) == expected
    assert all("cheikh" != r["title"] for info in doc._.people.values() for r in info["roles"])


@pytest.mark.parametrize(
    ("text", "per", "countries", "expected"),
    [
        # a name announced by a demonym or by a noun of person, not by the model
        ("Le Japonais Shohei Ono a gagné la finale.", (), {"Japonais": "JP"}, {"Shohei Ono": ["Shohei Ono"]}),
        ("La chanteuse américaine Madonna a chanté.", (), {"américaine": "US"}, {"Madonna": ["Madonna"]}),
        # names listed with a known person
        (
            "Usain Bolt, Yohan Blake et Asafa Powell ont couru ensemble.",
            ("Usain Bolt",),
            {},
            {"Usain Bolt": ["Usain Bolt"], "Yohan Blake": ["Yohan Blake"], "Asafa Powell": ["Asafa Powell"]},
        ),
        # a given name and a family name that the model missed
        ("Deux prix Nobel, Carlo Rubbia et un autre, sont venus.", (), {}, {"Carlo Rubbia": ["Carlo Rubbia"]}),
        # a name as the modifier of a noun, inside an organisation's name
        ("Le gouvernement Borne a démissionné.", (), {}, {"Borne": ["Borne"]}),
        ("L'affaire Dreyfus a divisé la France.", (), {"France": "FR"}, {"Dreyfus": ["Dreyfus"]}),
        # a one-word PER entity that nothing confirms is dropped; confirmed by a full name, kept
        ("Saccorhytus vivait dans la mer.", ("Saccorhytus",), {}, {}),
        ("Selon son avocat, Sarah voulait partir.", ("Sarah",), {}, {"Sarah": ["Sarah"]}),  # a given name
        (
            "Didier Deschamps a parlé. Deschamps a ensuite quitté la salle.",
            ("Didier Deschamps",),
            {},
            {"Didier Deschamps": ["Didier Deschamps", "Deschamps"]},
        ),
    ],
)
def test_people_context(
    blank_nlp: Language, text: str, per: tuple[str, ...], countries: dict[str, str], expected: dict
) -> None:
    doc = make(blank_nlp, text, per, countries=countries)
    assert people(run(doc)) == expected


@pytest.mark.parametrize(
    ("text", "per", "countries", "person", "country"),
    [
        ("L'Espagnole Carolina Marín a gagné la finale.", (), {"Espagnole": "ES"}, "Carolina Marín", "ES"),
        ("Le premier ministre libyen, Fayez Al-Sarraj, a parlé.", ("Fayez Al-Sarraj",), {"libyen": "LY"},
         "Fayez Al-Sarraj", "LY"),
        ("Emmanuel Macron a parlé.", ("Emmanuel Macron",), {}, "Emmanuel Macron", None),
    ],
)
def test_person_country(
    blank_nlp: Language, text: str, per: tuple[str, ...], countries: dict, person: str, country: str | None
) -> None:
    doc = run(make(blank_nlp, text, per, countries=countries))
    assert doc._.people[person]["country"] == country


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the title itself: in lower case, after an article, or opening the sentence
        ("Le président a reçu cheikh Tamim ben Hamad Al Thani à Doha.", "Tamim ben Hamad Al Thani"),
        ("Le président a reçu le Cheikh Tamim ben Hamad Al Thani à Doha.", "Tamim ben Hamad Al Thani"),
    ],
)
def test_the_title_cheikh_stays_a_title(nlp: Language, text: str, person: str) -> None:
    doc = nlp(text)
    assert person in doc._.people
    assert [r["title"] for r in doc._.people[person]["roles"]] == ["cheikh"]
