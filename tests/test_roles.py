"""nlpmeet_roles and nlpmeet_coref: every role construction, affiliations, coreference.

Unit tests use the blank tokenizer with the earlier components' groups set by hand (see
tests/test_people.py); model tests run the whole pipeline.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlpmeet.components.roles import merge_role, titles_compatible
from nlpmeet.extensions import ROLES_GROUP
from tests.test_people import make, run

COUNTRIES = {
    "libyen": "LY",
    "russe": "RU",
    "français": "FR",
    "portugaises": "PT",
    "Burundi": "BI",
    "Népal": "NP",
    "Français": "FR",
    "Tchad": "TD",
    "britannique": "GB",
    "allemande": "DE",
    "Pays-Bas": "NL",
    "indien": "IN",
    "Arménie": "AM",
    "Azerbaïdjan": "AZ",
    "Finlande": "FI",
    "Suède": "SE",
    "Allemagne": "DE",
    "France": "FR",
    "Canada": "CA",
    "polonaises": "PL",
    "syrienne": "SY",
}
ORGS = {
    "OTAN": "OTAN",
    "OSCE": "OSCE",
    "ONU": "ONU",
    "Union africaine": "UA",
    "Commission européenne": "Commission européenne",
    "CNDD": "CNDD",
    "Francophonie": "OIF",
    "CELAC": "CELAC",
    "forces armées polonaises": "forces armées polonaises",
    "armée syrienne": "armée syrienne",
    "Bundeswehr": "Bundeswehr",
}


def roles_of(doc) -> dict[str, list[tuple[str, str | None, str | None]]]:
    return {
        norm: [(r["title"], r["org"], r["country"]) for r in info["roles"]]
        for norm, info in doc._.people.items()
        if info["roles"]
    }


@pytest.mark.parametrize(
    ("text", "per", "expected"),
    [
        # title before the name
        ("Le président Macron a parlé.", ("Macron",), {"Macron": [("président", None, None)]}),
        ("La ministre Mélanie Joly est arrivée.", ("Mélanie Joly",), {"Mélanie Joly": [("ministre", None, None)]}),
        # apposition before the name, adjective affiliation
        (
            "Il a vu le premier ministre libyen, Fayez Al-Sarraj, mercredi.",
            ("Fayez Al-Sarraj",),
            {"Fayez Al-Sarraj": [("premier ministre", None, "LY")]},
        ),
        # apposition after the name
        (
            "Fayez Al-Sarraj, premier ministre libyen, a parlé.",
            ("Fayez Al-Sarraj",),
            {"Fayez Al-Sarraj": [("premier ministre", None, "LY")]},
        ),
        (
            "Mark Rutte, le secrétaire général de l'OTAN, est venu.",
            ("Mark Rutte",),
            {"Mark Rutte": [("secrétaire général", "OTAN", None)]},
        ),
        # organisation complement
        (
            "Le secrétaire général de l'ONU, António Guterres, a parlé.",
            ("António Guterres",),
            {"António Guterres": [("secrétaire général", "ONU", None)]},
        ),
        # portfolio in lower case, with coordination
        (
            "Le ministre des affaires étrangères et du développement international, Jean-Marc Ayrault, parle.",
            ("Jean-Marc Ayrault",),
            {"Jean-Marc Ayrault": [("ministre des affaires étrangères et du développement international", None, None)]},
        ),
        # portfolio then country complement
        (
            "Le ministre de l'Intérieur du Burundi, Pascal Barandagiye, est venu.",
            ("Pascal Barandagiye",),
            {"Pascal Barandagiye": [("ministre de l'intérieur", None, "BI")]},
        ),
        # predicates
        (
            "Bernard Cazeneuve, qui est ministre de l'Intérieur, a parlé.",
            ("Bernard Cazeneuve",),
            {"Bernard Cazeneuve": [("ministre de l'intérieur", None, None)]},
        ),
        (
            "Édouard Philippe a été nommé premier ministre lundi.",
            ("Édouard Philippe",),
            {"Édouard Philippe": [("premier ministre", None, None)]},
        ),
        (
            "Ursula von der Leyen a été élue au poste de présidente de la Commission européenne.",
            ("Ursula von der Leyen",),
            {"Ursula von der Leyen": [("présidente", "Commission européenne", None)]},
        ),
        # plurals: the adjectives' countries go to the names in order
        (
            "Les ministres russe et français des Affaires étrangères, Sergueï Lavrov et Jean-Yves Le Drian, "
            "se sont parlé.",
            ("Sergueï Lavrov", "Jean-Yves Le Drian"),
            {
                "Sergueï Lavrov": [("ministre des affaires étrangères", None, "RU")],
                "Jean-Yves Le Drian": [("ministre des affaires étrangères", None, "FR")],
            },
        ),
        # feminine titles
        (
            "La chancelière allemande Angela Merkel est arrivée.",
            ("Angela Merkel",),
            {"Angela Merkel": [("chancelière", None, "DE")]},
        ),
        (
            "L'ambassadrice Nikki Haley a voté.",
            ("Nikki Haley",),
            {"Nikki Haley": [("ambassadrice", None, None)]},
        ),
        # kept and dropped modifiers
        (
            "L'ancien président Barack Obama a parlé.",
            ("Barack Obama",),
            {"Barack Obama": [("ancien président", None, None)]},
        ),
        (
            "Le nouveau premier ministre Gabriel Attal a parlé.",
            ("Gabriel Attal",),
            {"Gabriel Attal": [("premier ministre", None, None)]},
        ),
        (
            "Le président par intérim Dina Boluarte a parlé.",
            ("Dina Boluarte",),
            {"Dina Boluarte": [("président par intérim", None, None)]},
        ),
        # two affiliations: two roles
        (
            "Idriss Déby, président du Tchad et de l'Union africaine, a parlé.",
            ("Idriss Déby",),
            {"Idriss Déby": [("président", None, "TD"), ("président", "UA", None)]},
        ),
        # titles in a row share the name and the shared complement
        (
            "Il a vu le Vice-Premier Ministre et Ministre des affaires étrangères du Népal, K. P. Sharma Oli.",
            ("K. P. Sharma Oli",),
            {
                "K. P. Sharma Oli": [
                    ("vice-premier ministre", None, "NP"),
                    ("ministre des affaires étrangères", None, "NP"),
                ]
            },
        ),
        (
            "Il est reçu par le Premier ministre, ministre d'État, Xavier Bettel.",
            ("Xavier Bettel",),
            {"Xavier Bettel": [("premier ministre", None, None), ("ministre d'état", None, None)]},
        ),
        # a plural adjective belongs to the portfolio, not to the title
        (
            "Le secrétaire d'État aux Communautés portugaises, José Cesário, est là.",
            ("José Cesário",),
            {"José Cesário": [("secrétaire d'état aux communautés portugaises", None, None)]},
        ),
        # an organisation or a people inside a list of portfolios
        (
            "Nathalie Roy, ministre de la Culture et de la Francophonie et ministre responsable de la Langue "
            "française, a parlé.",
            ("Nathalie Roy",),
            {
                "Nathalie Roy": [
                    ("ministre de la culture et de la francophonie", None, None),
                    ("ministre responsable de la langue française", None, None),
                ]
            },
        ),
        # an apposition that goes on with someone else's title
        (
            "Jake Sullivan, le conseiller à la sécurité nationale du président Joe Biden, a parlé.",
            ("Jake Sullivan", "Joe Biden"),
            {
                "Jake Sullivan": [("conseiller à la sécurité nationale", None, None)],
                "Joe Biden": [("président", None, None)],
            },
        ),
        # "son homologue" takes the title of the description it is paired with
        (
            "Le traité a été discuté entre le secrétaire général et son homologue de l'OSCE, Helga Schmid.",
            ("Helga Schmid",),
            {"Helga Schmid": [("secrétaire général", "OSCE", None)]},
        ),
        # the same function with a shorter portfolio is one role
        (
            "Le ministre français des Affaires étrangères, Jean-Noël Barrot, est venu. Le ministre de l'Europe et "
            "des Affaires étrangères Jean-Noël Barrot a parlé.",
            ("Jean-Noël Barrot",),
            {"Jean-Noël Barrot": [("ministre de l'europe et des affaires étrangères", None, "FR")]},
        ),
        # the title's own abbreviation in parentheses does not end it before the apposition
        (
            "Le chef d'état-major des armées (CEMA), le général Thierry Burkhard, est arrivé.",
            ("Thierry Burkhard",),
            {"Thierry Burkhard": [("chef d'état-major des armées", None, None), ("général", None, None)]},
        ),
        (
            "Le secrétaire général adjoint (SGA), Jean-Pierre Lacroix, a parlé.",
            ("Jean-Pierre Lacroix",),
            {"Jean-Pierre Lacroix": [("secrétaire général adjoint", None, None)]},
        ),
        # the head of the German armed forces
        (
            "Il s'est entretenu avec l'inspecteur général de la Bundeswehr, le général Carsten Breuer.",
            ("Carsten Breuer",),
            {"Carsten Breuer": [("inspecteur général", "Bundeswehr", None), ("général", None, None)]},
        ),
        # a national adjective inside the organisation complement states the country
        (
            "Il a reçu le chef d'état-major général des forces armées polonaises, le général Wiesław Kukuła.",
            ("Wiesław Kukuła",),
            {
                "Wiesław Kukuła": [
                    ("chef d'état-major général", "forces armées polonaises", "PL"),
                    ("général", None, None),
                ]
            },
        ),
        (
            "Le chef d'état-major de l'armée syrienne, Ali Abdallah Ayoub, a parlé.",
            ("Ali Abdallah Ayoub",),
            {"Ali Abdallah Ayoub": [("chef d'état-major", "armée syrienne", "SY")]},
        ),
        # a posting after "en" is skipped: the apposition follows it
        (
            "L'ambassadeur d'Allemagne en France, Stephan Steinlein, est arrivé.",
            ("Stephan Steinlein",),
            {"Stephan Steinlein": [("ambassadeur", None, "DE")]},
        ),
        (
            "Il a reçu l'ambassadeur du Canada en France, Stéphane Dion, mardi.",
            ("Stéphane Dion",),
            {"Stéphane Dion": [("ambassadeur", None, "CA")]},
        ),
        # a vice-minister, with the portfolio after the national adjective
        (
            "Le vice-ministre russe des Affaires étrangères, Sergueï Riabkov, est arrivé.",
            ("Sergueï Riabkov",),
            {"Sergueï Riabkov": [("vice-ministre des affaires étrangères", None, "RU")]},
        ),
        (
            "Ils ont été reçus par le vice-ministre Nguyen Van Sinh.",
            ("Nguyen Van Sinh",),
            {"Nguyen Van Sinh": [("vice-ministre", None, None)]},
        ),
        # a place after "de" is no portfolio
        (
            "Le roi des Pays-Bas Willem-Alexander est arrivé.",
            ("Willem-Alexander",),
            {"Willem-Alexander": [("roi", None, "NL")]},
        ),
    ],
)
def test_roles(blank_nlp: Language, text: str, per: tuple[str, ...], expected: dict) -> None:
    doc = run(make(blank_nlp, text, per, countries=COUNTRIES, orgs=ORGS))
    assert roles_of(doc) == expected


@pytest.mark.parametrize(
    ("text", "per", "expected"),
    [
        # plural title with coordinated country complements: each name its own country, in order
        (
            "Il a reçu les ministres des Affaires étrangères de l'Arménie et de l'Azerbaïdjan, Ararat Mirzoyan "
            "et Jeyhun Bayramov.",
            ("Ararat Mirzoyan", "Jeyhun Bayramov"),
            {
                "Ararat Mirzoyan": [("ministre des affaires étrangères", None, "AM")],
                "Jeyhun Bayramov": [("ministre des affaires étrangères", None, "AZ")],
            },
        ),
        (
            "Les Premiers ministres de la Finlande et de la Suède, Petteri Orpo et Ulf Kristersson, sont venus.",
            ("Petteri Orpo", "Ulf Kristersson"),
            {
                "Petteri Orpo": [("premier ministre", None, "FI")],
                "Ulf Kristersson": [("premier ministre", None, "SE")],
            },
        ),
        # the function of someone's staff: the other title is a complement, not the name's title
        (
            "Le porte-parole du secrétaire général, Stéphane Dujarric, a répondu.",
            ("Stéphane Dujarric",),
            {"Stéphane Dujarric": [("porte-parole", None, None)]},
        ),
        (
            "Le porte-parole du président russe, Dmitri Peskov, a démenti.",
            ("Dmitri Peskov",),
            {"Dmitri Peskov": [("porte-parole", None, "RU")]},
        ),
        (
            "La conseillère diplomatique du Premier ministre, Claire Dupont, était présente.",
            ("Claire Dupont",),
            {"Claire Dupont": [("conseillère diplomatique", None, None)]},
        ),
        # ... but a name right after the other title is that title's holder
        (
            "Le porte-parole du président Emmanuel Macron a démenti.",
            ("Emmanuel Macron",),
            {"Emmanuel Macron": [("président", None, None)]},
        ),
        # a qualifier of a rotating presidency is left out, its organisation kept
        (
            "Ralph Gonsalves, président pro tempore de la CELAC, a ouvert le sommet.",
            ("Ralph Gonsalves",),
            {"Ralph Gonsalves": [("président", "CELAC", None)]},
        ),
        # "le X et le Y Z": a determiner before the second title makes two people
        (
            "Le secrétaire général et le président Sall ont parlé du Sahel.",
            ("Sall",),
            {"Sall": [("président", None, None)]},
        ),
        (
            "La chancelière et la ministre Annalena Baerbock sont arrivées.",
            ("Annalena Baerbock",),
            {"Annalena Baerbock": [("ministre", None, None)]},
        ),
    ],
)
def test_roles_of_coordinations_and_staff(blank_nlp: Language, text: str, per: tuple[str, ...], expected: dict) -> None:
    doc = run(make(blank_nlp, text, per, countries=COUNTRIES, orgs=ORGS))
    assert roles_of(doc) == expected


@pytest.mark.parametrize(
    ("text", "per"),
    [
        # a description that refers back adds no role
        ("Jens Stoltenberg est arrivé. Le secrétaire général a déclaré son soutien.", ("Jens Stoltenberg",)),
        # the title is the next clause's subject, not an apposition
        ("Lors de son entretien avec Petro Porochenko, le secrétaire général a parlé.", ("Petro Porochenko",)),
        # a job description with no title
        ("Alexeï Navalny, opposant russe, a parlé.", ("Alexeï Navalny",)),
        # two people in one sentence: the title belongs to neither
        ("Emmanuel Macron a rencontré le président du Sénat hier.", ("Emmanuel Macron",)),
    ],
)
def test_no_role(blank_nlp: Language, text: str, per: tuple[str, ...]) -> None:
    doc = run(make(blank_nlp, text, per, countries=COUNTRIES, orgs=ORGS))
    assert roles_of(doc) == {}


def test_roles_group_spans(blank_nlp: Language) -> None:
    doc = run(make(blank_nlp, "Le premier ministre libyen, Fayez Al-Sarraj, parle.", ("Fayez Al-Sarraj",), COUNTRIES))
    assert [(s.text, s._.norm) for s in doc.spans[ROLES_GROUP]] == [("premier ministre libyen", "premier ministre")]
    assert doc._.people["Fayez Al-Sarraj"]["country"] == "LY"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ministre", "ministre des finances", True),
        ("premier ministre", "ministre", False),
        ("président", "président", True),
        ("ancien président", "président", False),
    ],
)
def test_titles_compatible(a: str, b: str, expected: bool) -> None:
    assert titles_compatible(a, b) is expected


def test_merge_role_keeps_the_fuller_title() -> None:
    roles = [{"title": "ministre", "org": None, "country": None}]
    merge_role(roles, {"title": "ministre des affaires étrangères", "org": None, "country": "CA"})
    assert roles == [{"title": "ministre des affaires étrangères", "org": None, "country": "CA"}]
    merge_role(roles, {"title": "ministre", "org": None, "country": "FR"})  # another affiliation: kept apart
    assert len(roles) == 1 or roles[-1]["country"] == "FR"


def test_coref_description(blank_nlp: Language) -> None:
    text = "Le secrétaire général de l'OTAN, Jens Stoltenberg, est à Kiev. Jeudi, le secrétaire général a parlé."
    doc = run(make(blank_nlp, text, ("Jens Stoltenberg",), COUNTRIES, ORGS))
    head = [t.i for t in doc if t.text == "secrétaire"][1]
    assert doc._.coref == {head: "Jens Stoltenberg"}


def test_coref_feminine_description(blank_nlp: Language) -> None:
    text = "La chancelière allemande Angela Merkel est venue. La chancelière a ensuite parlé."
    doc = run(make(blank_nlp, text, ("Angela Merkel",), COUNTRIES, ORGS))
    head = [t.i for t in doc if t.text == "chancelière"][1]
    assert doc._.coref == {head: "Angela Merkel"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("Jens Stoltenberg est arrivé à Kiev mardi. Il a rencontré le président ukrainien.", "Il", "Jens Stoltenberg"),
        ("Angela Merkel a quitté Berlin. Elle a rejoint Paris dans la soirée.", "Elle", "Angela Merkel"),
        # the subject is a title with the name in apposition
        (
            "Le Premier ministre indien Narendra Modi a été reçu par le chancelier Olaf Scholz. Il a ensuite "
            "rencontré des étudiants.",
            "Il",
            "Narendra Modi",
        ),
        # a subject coordinating two people is plural: a singular pronoun skips it
        (
            "La présidente de la Commission, Ursula von der Leyen, est arrivée à Kiev. Le président ukrainien, "
            "Volodymyr Zelensky, et le premier ministre, Denys Chmyhal, ont été invités à Bruxelles. Elle "
            "participera mardi à une réunion avec Charles Michel.",
            "Elle",
            "Ursula von der Leyen",
        ),
        (
            "Le chancelier Olaf Scholz a quitté Berlin lundi. Le président polonais, Andrzej Duda, et le premier "
            "ministre tchèque, Petr Fiala, ont salué la décision. Il se rendra jeudi à Varsovie.",
            "Il",
            "Olaf Scholz",
        ),
    ],
)
def test_coref_pronoun(nlp: Language, text: str, pronoun: str, expected: str) -> None:
    doc = nlp(text)
    index = next(t.i for t in doc if t.text == pronoun)
    assert doc._.coref.get(index) == expected


@pytest.mark.model
def test_impersonal_il_not_resolved(nlp: Language) -> None:
    doc = nlp("Jens Stoltenberg est arrivé à Kiev. Il faut que l'OTAN agisse vite.")
    index = next(t.i for t in doc if t.text == "Il")
    assert index not in doc._.coref


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("Le secrétaire général de l'OTAN, Jens Stoltenberg, a parlé.", "Jens Stoltenberg", "secrétaire général"),
        ("Mark Rutte a été nommé secrétaire général de l'OTAN en juin.", "Mark Rutte", "secrétaire général"),
        (
            "Jens Stoltenberg a rencontré son homologue de l'OSCE, Thomas Greminger, à Vienne.",
            "Thomas Greminger",
            None,  # no role for Stoltenberg in this text: nothing to copy
        ),
        # a title word used as another part of speech: a present participle with its object, an adjective
        ("La patineuse Kaori Sakamoto, représentant le Japon, a remporté l'épreuve.", "Kaori Sakamoto", None),
        ("Au classement général, Tadej Pogačar devance Jonas Vingegaard.", "Tadej Pogačar", None),
        # ... but the title itself stays, a date after it too
        ("Le représentant spécial de l'ONU, Jean Arnault, est arrivé.", "Jean Arnault", "représentant spécial"),
        ("Jean Arnault, nommé représentant le 3 mars, est arrivé à Bogota.", "Jean Arnault", "représentant"),
        ("Le général Thierry Burkhard a visité la base.", "Thierry Burkhard", "général"),
        # a personal envoy of a title holder: the envoy's title, not the holder's
        ("Le ministre recevra l'envoyé personnel du Secrétaire général des Nations unies pour le Sahara occidental, "
         "M. Staffan de Mistura.", "Staffan de Mistura", "envoyé personnel"),
        ("Le président a reçu l'envoyé personnel du président français pour le Liban, M. Jean-Yves Le Drian.",
         "Jean-Yves Le Drian", "envoyé personnel"),
        # the Belgian mayor
        ("Il a été reçu à l'hôtel de ville par le bourgmestre de Bruxelles, Philippe Close.", "Philippe Close",
         "bourgmestre"),
        # a territory word and the place it names are one complement, the name in apposition after them
        ("Le préfet de la région Bretagne, Philippe Gustin, a reçu l'ambassadeur.", "Philippe Gustin", "préfet"),
        ("Le président de la région Bretagne, Loïg Chesnais-Girard, a reçu le consul.", "Loïg Chesnais-Girard",
         "président"),
        ("Le maire de la ville de Lyon, Grégory Doucet, a reçu l'ambassadeur.", "Grégory Doucet", "maire"),
    ],
)
def test_roles_with_model(nlp: Language, text: str, person: str, title: str | None) -> None:
    doc = nlp(text)
    titles = [r["title"] for r in doc._.people.get(person, {}).get("roles", [])]
    assert titles == ([title] if title else [])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        # the president of a local assembly: the assembly is the organisation, not part of the title
        (
            "Florence Dabin, présidente du conseil départemental de Maine-et-Loire, a accueilli la délégation.",
            "Florence Dabin",
            ("présidente", "conseil départemental de Maine-et-Loire", None),
        ),
        (
            "La présidente du conseil régional d'Occitanie, Carole Delga, a signé l'accord.",
            "Carole Delga",
            ("présidente", "conseil régional d'Occitanie", None),
        ),
        # a possessive title belongs to the organisation or country named before it in its clause
        (
            "Vendredi, le maire de Kharkiv sera reçu au siège du conseil régional des Hauts-de-France par son "
            "président, Xavier Bertrand.",
            "Xavier Bertrand",
            ("président", "conseil régional des Hauts-de-France", None),
        ),
        ("La France et son président, Emmanuel Macron, ont été critiqués.", "Emmanuel Macron",
         ("président", None, "FR")),
        # ... not one of another clause: the adviser of the person who came
        ("Jean Dupont, président de Renault, est venu avec son conseiller, Paul Martin.", "Paul Martin",
         ("conseiller", None, None)),
        # an organisation's adjective after the title is its affiliation, as a national adjective is a country
        (
            "Le commissaire européen au Marché intérieur, Thierry Breton, a reçu les industriels.",
            "Thierry Breton",
            ("commissaire au marché intérieur", "Union européenne", None),
        ),
        (
            "La commissaire européenne aux affaires intérieures, Ylva Johansson, a parlé à Rome.",
            "Ylva Johansson",
            ("commissaire aux affaires intérieures", "Union européenne", None),
        ),
        (
            "L'envoyé spécial onusien Geir Pedersen est arrivé à Damas.",
            "Geir Pedersen",
            ("envoyé spécial", "ONU", None),
        ),
        # the Union's foreign policy chief, as the press calls the High Representative
        (
            "Le chef de la diplomatie européenne, Josep Borrell, a rencontré Antony Blinken.",
            "Josep Borrell",
            ("chef de la diplomatie", "Union européenne", None),
        ),
        (
            "La cheffe de la diplomatie européenne, Kaja Kallas, s'est rendue à Kiev.",
            "Kaja Kallas",
            ("cheffe de la diplomatie", "Union européenne", None),
        ),
        # ... named as the document names the organisation: its acronym when the text uses it
        (
            "L'UE a adopté des sanctions. La cheffe de la diplomatie européenne, Kaja Kallas, s'est rendue à Kiev.",
            "Kaja Kallas",
            ("cheffe de la diplomatie", "UE", None),
        ),
        (
            "L'UE a adopté des sanctions. Le commissaire européen au Commerce, Maroš Šefčovič, est à Washington.",
            "Maroš Šefčovič",
            ("commissaire au commerce", "UE", None),
        ),
        # a title in a clause opened by "où" after an organisation or a country belongs to it
        (
            "La ministre s'est rendue au siège de l'ONU le 3 mars, où elle a rencontré le secrétaire général, "
            "António Guterres.",
            "António Guterres",
            ("secrétaire général", "ONU", None),
        ),
        (
            "Emmanuel Macron effectuera la semaine prochaine une visite d'État au Brésil, où il retrouvera le "
            "président Luiz Inácio Lula da Silva.",
            "Luiz Inácio Lula da Silva",
            ("président", None, "BR"),
        ),
        # ... not a city (no country named), nor a title that has its own complement
        (
            "Le ministre s'est rendu à Brasilia, où il a rencontré le président Lula.",
            "Lula",
            ("président", None, None),
        ),
        (
            "Le ministre s'est rendu au siège de l'OTAN, où il a rencontré le premier ministre polonais, Donald Tusk.",
            "Donald Tusk",
            ("premier ministre", None, "PL"),
        ),
    ],
)
def test_role_affiliation(nlp: Language, text: str, person: str, role: tuple[str, str | None, str | None]) -> None:
    doc = nlp(text)
    roles = [(r["title"], r["org"], r["country"]) for r in doc._.people.get(person, {}).get("roles", [])]
    assert roles == [role]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "À l'invitation de Son Excellence Alassane Ouattara, Président de la République de Côte d'Ivoire, Son "
            "Excellence Nana Akufo-Addo, Président de la République du Ghana, a effectué une visite d'État.",
            {"Alassane Ouattara": {"CI"}, "Nana Akufo-Addo": {"GH"}},
        ),
        (
            "À l'invitation d'Emmanuel Macron, président de la République française, Olaf Scholz, chancelier de la "
            "République fédérale d'Allemagne, s'est rendu à Paris.",
            {"Emmanuel Macron": {"FR"}, "Olaf Scholz": {"DE"}},
        ),
        (
            "Le communiqué est signé par Jean Dupont, ministre belge de la Justice, Marie Martin, ministre "
            "luxembourgeoise de la Justice, et Paul Durand.",
            {"Jean Dupont": {"BE"}, "Marie Martin": {"LU"}, "Paul Durand": set()},
        ),
    ],
)
def test_bare_title_between_two_names_describes_the_one_before(
    nlp: Language, text: str, countries: dict[str, set[str]]
) -> None:
    """Joint communiqués: "X, Président de la République de A, Y, Président de la République de B"."""
    people = nlp(text)._.people
    found = {name: {r["country"] for r in people.get(name, {}).get("roles", [])} - {None} for name in countries}
    assert found == countries


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # staff of a title-holder named right after: the holder's country is the staff's too, and the holder
        # keeps the title
        (
            "Michael Flynn, le conseiller à la sécurité nationale du président américain Donald Trump, a démissionné.",
            {
                "Michael Flynn": [("conseiller à la sécurité nationale", None, "US")],
                "Donald Trump": [("président", None, "US")],
            },
        ),
        (
            "Le porte-parole du président russe, Dmitri Peskov, a démenti.",
            {"Dmitri Peskov": [("porte-parole", None, "RU")]},
        ),
    ],
)
def test_staff_of_a_title_holder(nlp: Language, text: str, roles: dict) -> None:
    doc = nlp(text)
    for person, expected in roles.items():
        assert [(r["title"], r["org"], r["country"]) for r in doc._.people[person]["roles"]] == expected


@pytest.mark.model
def test_homologue_with_model(nlp: Language) -> None:
    text = (
        "Le secrétaire général de l'OTAN, Jens Stoltenberg, a rencontré à Vienne son homologue de l'OSCE, "
        "Thomas Greminger."
    )
    doc = nlp(text)
    expected = [{"title": "secrétaire général", "org": "OSCE", "country": None}]
    assert doc._.people["Thomas Greminger"]["roles"] == expected


DESCRIPTIONS = [
    # a description by function refers to the holder of the title it describes (models/title_descriptions.tsv)
    ("Le président de la République, Emmanuel Macron, est arrivé à Rio. Le chef de l'État a ensuite parlé.",
     "chef", "Emmanuel Macron"),
    ("La Première ministre, Élisabeth Borne, a reçu les syndicats. La cheffe du gouvernement a ensuite parlé.",
     "cheffe", "Élisabeth Borne"),
    ("Le ministre des Affaires étrangères, Jean-Noël Barrot, est arrivé à Beyrouth. Le chef de la diplomatie "
     "française a ensuite parlé.", "chef", "Jean-Noël Barrot"),
    # "président" of a commission is no head of state
    ("Le président de la Commission de la CEDEAO, Omar Alieu Touray, et le président sénégalais, Bassirou "
     "Diomaye Faye, sont à Dakar. Le chef de l'État a ensuite parlé.", "chef", "Bassirou Diomaye Faye"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "head", "expected"), DESCRIPTIONS)
def test_coref_description_by_function(nlp: Language, text: str, head: str, expected: str) -> None:
    doc = nlp(text)
    index = max(t.i for t in doc if t.text == head)
    assert doc._.coref.get(index) == expected


@pytest.mark.model
def test_counterpart_of_a_description_takes_the_holders_title(nlp: Language) -> None:
    doc = nlp(
        "Le président de la République, Bassirou Diomaye Faye, a reçu le Premier ministre, Ousmane Sonko. Le voyage "
        "du chef de l'État à Banjul, où il devait rencontrer son homologue gambien Adama Barrow, est reporté."
    )
    assert doc._.people["Adama Barrow"]["roles"] == [
        {"title": "président de la république", "org": None, "country": "GM"}
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le secrétaire général a ensuite parlé.", "Mark Rutte"),  # the one the text is about
        ("Le secrétaire général de l'ONU a ensuite parlé.", "António Guterres"),  # the complement decides
    ],
)
def test_coref_two_holders(blank_nlp: Language, sentence: str, expected: str) -> None:
    text = (
        "Le secrétaire général de l'OTAN, Mark Rutte, est à New York. M. Rutte y voit beaucoup de monde. "
        "Il a rencontré le secrétaire général de l'ONU, António Guterres. " + sentence
    )
    doc = run(make(blank_nlp, text, ("Mark Rutte", "António Guterres"), COUNTRIES, ORGS))
    head = [t.i for t in doc if t.text == "secrétaire"][-1]
    assert doc._.coref[head] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        # coordinated adjectives of one portfolio
        (
            "La ministre des Sports et des Jeux olympiques et paralympiques, Amélie Oudéa-Castéra, a visité le "
            "village des athlètes.",
            "Amélie Oudéa-Castéra",
            "ministre des sports et des jeux olympiques et paralympiques",
        ),
        (
            "Le ministre des Affaires économiques et sociales, Pierre Durand, a présenté son budget.",
            "Pierre Durand",
            "ministre des affaires économiques et sociales",
        ),
        # a participle with its complement qualifying the portfolio's noun
        (
            "Le ministre des Affaires étrangères, de la Coopération africaine et des Marocains résidant à "
            "l'étranger, Nasser Bourita, a reçu la presse.",
            "Nasser Bourita",
            "ministre des affaires étrangères, de la coopération africaine et des marocains résidant à l'étranger",
        ),
        (
            "La ministre des Affaires sociales et des Tunisiens vivant à l'étranger, Leïla Ben Salem, a ouvert le "
            "forum.",
            "Leïla Ben Salem",
            "ministre des affaires sociales et des tunisiens vivant à l'étranger",
        ),
        # a later portfolio opening with a head noun of organisations, or with a complement in lower case
        (
            "Le ministre des Affaires étrangères, de la Communauté nationale à l'étranger et des Affaires "
            "africaines, Ahmed Attaf, a reçu son homologue.",
            "Ahmed Attaf",
            "ministre des affaires étrangères, de la communauté nationale à l'étranger et des affaires africaines",
        ),
    ],
)
def test_long_portfolios(nlp: Language, text: str, person: str, title: str) -> None:
    doc = nlp(text)
    titles = [r["title"] for r in doc._.people.get(person, {}).get("roles", [])]
    assert titles == [title]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a paragraph break ends the sentence, though the parser runs on over it; the participles of the title
        # ("délégué", "chargé") are no clause verb before the subject
        (
            "Le ministre délégué chargé du Commerce extérieur, de l'Attractivité et des Français de l'étranger, Franck "
            "Riester, a effectué une visite, accompagné de l'ambassadeur de France, Fabien Penone.\n\nLundi, il a été "
            "reçu au palais de Merdeka par le président indonésien, Joko Widodo.",
            "Franck Riester",
        ),
        (
            "La ministre déléguée chargée des Personnes âgées et des Personnes handicapées, Fadila Khattabi, a visité "
            "un foyer, accompagnée de la préfète, Marie Lajus.\n\nMardi, elle a été reçue par le maire de Tours, "
            "Emmanuel Denis.",
            "Fadila Khattabi",
        ),
    ],
)
def test_pronoun_after_a_paragraph_break(nlp: Language, text: str, subject: str) -> None:
    doc = nlp(text)
    pronoun = next(t.i for t in doc if t.lower_ in ("il", "elle"))
    assert doc._.coref.get(pronoun) == subject


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        # a second title in apposition between a title (or "homologue") and the name
        (
            "Le général Thierry Burkhard a été reçu par son homologue grec, le général Dimitrios Choupis.",
            "Dimitrios Choupis",
            ("général", None, "GR"),
        ),
        (
            "Le ministre grec de la Défense, le général Pierre Martin, est arrivé à Paris.",
            "Pierre Martin",
            ("ministre de la défense", None, "GR"),
        ),
        # "désigné(e)" (nominated, not yet in office) is dropped from the title, as "élu"
        (
            "Il a vu Mme Kaja Kallas, haute représentante désignée de l'Union européenne pour les affaires "
            "étrangères et la politique de sécurité.",
            "Kaja Kallas",
            ("haute représentante pour les affaires étrangères et la politique de sécurité", "Union européenne", None),
        ),
        (
            "Le commissaire désigné à l'Économie, Valdis Dombrovskis, a été auditionné.",
            "Valdis Dombrovskis",
            ("commissaire à l'économie", None, None),
        ),
        # a determiner and an honorific between the title and the name in apposition
        (
            "Le Directeur général de l'Organisation mondiale de la Santé (OMS), le Dr Tedros Adhanom Ghebreyesus, "
            "a ouvert l'Assemblée.",
            "Tedros Adhanom Ghebreyesus",
            ("directeur général", "OMS", None),
        ),
        (
            "Le président du Comité international olympique (CIO), le Dr Thomas Bach, a reçu le prix.",
            "Thomas Bach",
            ("président", "CIO", None),
        ),
        # the Québec and Belgian feminine of "maire"
        ("Il a été reçu par la mairesse de Montréal, Valérie Plante.", "Valérie Plante", ("mairesse", None, None)),
    ],
)
def test_title_forms_before_a_name(nlp: Language, text: str, person: str, role: tuple) -> None:
    doc = nlp(text)
    assert role in [(r["title"], r["org"], r["country"]) for r in doc._.people[person]["roles"]]
