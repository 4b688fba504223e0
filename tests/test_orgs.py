"""Organisations: the pure normaliser, the lexicon and patterns data, the component on a blank
pipeline (lexicon, acronyms, repairs of given entities) and on the full model pipeline."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from nlpmeet.components.orgs import LEXICON_FILE, OrgTagger, load_patterns
from nlpmeet.extensions import DATES_GROUP, LOCATIONS_GROUP, ORGS_GROUP
from nlpmeet.normalise.orgs import OrgLexicon, OrgMention, acronym_fits, fold, is_acronym, resolve
from nlpmeet.resources import load_jsonl

FUNCTION_WORDS = frozenset({"de", "du", "des", "la", "le", "l", "et", "pour", "en", "au", "aux", "d"})
KINDS = {
    "international",
    "government",
    "military",
    "party",
    "union",
    "media",
    "company",
    "ngo",
    "armed group",
    "movement",
}


@pytest.fixture(scope="module")
def lexicon() -> OrgLexicon:
    return OrgLexicon(load_jsonl(LEXICON_FILE))


# ---------------------------------------------------------------- pure normaliser


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Organisation du Traité de l’Atlantique Nord", "organisation du traite de l'atlantique nord"),
        ("  Nations   Unies ", "nations unies"),
        ("Conseil OTAN-Russie", "conseil otan russie"),
        ("Etat islamique", "etat islamique"),
        ("État islamique", "etat islamique"),
    ],
)
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OTAN", True),
        ("G20", True),
        ("CEDEAO", True),
        ("GUE/NGL", True),
        ("OSCEPA", True),
        ("LaREM", True),
        ("UE", True),
        ("Otan", False),
        ("Alliance", False),
        ("A", False),
        ("20G", False),
        ("S&", False),
    ],
)
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


@pytest.mark.parametrize(
    ("acronym", "long_form", "strict", "expected"),
    [
        ("OTAN", "Organisation du Traité de l'Atlantique Nord", True, True),
        ("OSCE", "Organisation pour la sécurité et la coopération en Europe", True, True),
        ("FMI", "Fonds monétaire international", True, True),
        ("EIIL", "État islamique en Irak et au Levant", True, True),
        ("DFAE", "Département fédéral des affaires étrangères", True, True),
        ("UA", "Commission de l'Union africaine", True, False),
        ("UA", "Commission de l'Union africaine", False, False),
        ("ONU", "Union européenne", False, False),
        ("MINUSTAH", "Mission des Nations unies pour la stabilisation en Haïti", True, False),
        ("MINUSTAH", "Mission des Nations unies pour la stabilisation en Haïti", False, True),
        ("Gjs", "Gilets jaunes", False, True),
    ],
)
def test_acronym_fits(acronym: str, long_form: str, strict: bool, expected: bool) -> None:
    assert acronym_fits(acronym, long_form, FUNCTION_WORDS, strict=strict) is expected


def _names(mentions: list[OrgMention], lexicon: OrgLexicon | None = None) -> list[str]:
    for i, m in enumerate(mentions):
        m.start = i * 10
    return resolve(mentions, lexicon, FUNCTION_WORDS)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # "long form (ACRONYM)": the acronym names the organisation
        (
            [OrgMention("Organisation du Traité de l'Atlantique Nord", paren="OTAN"), OrgMention("OTAN")],
            ["OTAN", "OTAN"],
        ),
        ([OrgMention("Commandement central", paren="CENTCOM"), OrgMention("CENTCOM")], ["CENTCOM", "CENTCOM"]),
        # an acronym made of the initials of a long form of the document
        ([OrgMention("Fonds monétaire international"), OrgMention("FMI")], ["FMI", "FMI"]),
        # the lexicon links forms; the name is one the text uses
        (
            [OrgMention("Nations unies", lexname="ONU"), OrgMention("Organisation des Nations unies", lexname="ONU")],
            ["Nations unies", "Nations unies"],
        ),
        ([OrgMention("Nations unies", lexname="ONU"), OrgMention("ONU", lexname="ONU")], ["ONU", "ONU"]),
        (
            [
                OrgMention("État islamique en Irak et au Levant", lexname="EI", paren="EIIL"),
                OrgMention("EIIL", lexname="EI"),
                OrgMention("Daech", lexname="EI"),
            ],
            ["EIIL", "EIIL", "EIIL"],
        ),
        # a short form that begins a longer one
        (
            [
                OrgMention("Commandement des opérations spéciales des États-Unis"),
                OrgMention("Commandement des opérations spéciales"),
            ],
            ["Commandement des opérations spéciales des États-Unis"] * 2,
        ),
        # an acronym for the first words of a longer form
        (
            [OrgMention("Service public fédéral Affaires étrangères"), OrgMention("SPF Affaires étrangères")],
            ["Service public fédéral Affaires étrangères"] * 2,
        ),
        # a bare head word refers back to the nearest name it begins
        (
            [OrgMention("Conseil européen"), OrgMention("Commission européenne"), OrgMention("Conseil")],
            ["Conseil européen", "Commission européenne", "Conseil européen"],
        ),
        ([OrgMention("Alliance atlantique", lexname="OTAN"), OrgMention("Alliance")], ["Alliance atlantique"] * 2),
        # different organisations stay apart
        ([OrgMention("Union européenne"), OrgMention("Union africaine")], ["Union européenne", "Union africaine"]),
        (
            [OrgMention("Commission de l'Union africaine"), OrgMention("UA", lexname="UA")],
            ["Commission de l'Union africaine", "UA"],
        ),
    ],
)
def test_resolve(mentions: list[OrgMention], expected: list[str], lexicon: OrgLexicon) -> None:
    assert _names(mentions, lexicon) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["OTAN", "Alliance", "Alliance atlantique", "ONU", "Nations unies", "Conseil", "FMI"]),
        max_size=8,
    )
)
def test_resolve_properties(texts: list[str]) -> None:
    """One name per mention, taken from the text; the same text always gets the same name."""
    mentions = [OrgMention(t, start=i) for i, t in enumerate(texts)]
    names = resolve(mentions, None, FUNCTION_WORDS)
    assert len(names) == len(texts)
    assert set(names) <= set(texts)
    by_text: dict[str, set[str]] = {}
    for t, n in zip(texts, names, strict=True):
        by_text.setdefault(t, set()).add(n)
    assert all(len(v) == 1 for v in by_text.values())


@given(st.text(max_size=40))
def test_fold_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


# ---------------------------------------------------------------- data files


def test_lexicon_entries_well_formed() -> None:
    rows = load_jsonl(LEXICON_FILE)
    assert len(rows) > 100
    owner: dict[str, str] = {}
    for row in rows:
        assert set(row) - {"seat"} == {"name", "fr", "en", "kind", "source"}, row
        assert row.get("seat", True) is True, row  # optional flag: a ministry named by its building
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"] and row["name"], row
        assert row["kind"] in KINDS, row
        assert isinstance(row["source"], str) and row["source"], row
        for key in ("fr", "en"):
            assert isinstance(row[key], list) and all(isinstance(a, str) and a.strip() == a and a for a in row[key]), (
                row
            )
        for form in [row["name"], *row["fr"], *row["en"]]:
            key = fold(form)
            assert owner.setdefault(key, row["name"]) == row["name"], (
                f"{form!r} belongs to {owner[key]} and {row['name']}"
            )


@pytest.mark.parametrize(
    "name",
    [
        "ONU", "OTAN", "UE", "UA", "OSCE", "OMS", "FMI", "OCDE", "CEDEAO", "Banque mondiale", "G20",
        # branches of the French armed forces, national parliaments, press agencies, public banks
        "armée de Terre", "Marine nationale", "armée de l'Air et de l'Espace", "Verkhovna Rada", "APS", "MAP",
        "Vatican News", "Bpifrance", "COJOP", "Triangle de Weimar", "Schneider Electric",
    ],
)  # fmt: skip
def test_lexicon_covers_the_main_organisations(name: str, lexicon: OrgLexicon) -> None:
    assert lexicon.lookup(name) == name


@pytest.mark.parametrize(
    ("alias", "name"),
    [("Nations unies", "ONU"), ("NATO", "OTAN"), ("Alliance atlantique", "OTAN"), ("Union européenne", "UE"),
     ("Union africaine", "UA"), ("Conseil de sécurité des Nations unies", "Conseil de sécurité"),
     ("Organisation mondiale de la santé", "OMS"), ("Fonds monétaire international", "FMI"),
     ("Agence de presse sénégalaise", "APS"), ("Agence Maghreb Arabe Presse", "MAP")],
)  # fmt: skip
def test_lexicon_aliases(alias: str, name: str, lexicon: OrgLexicon) -> None:
    assert lexicon.lookup(alias) == name


def test_patterns_well_formed(blank_nlp) -> None:
    sets, patterns = load_patterns()
    assert "heads" in sets and patterns
    for row in patterns:
        assert isinstance(row["pattern"], list) and row["pattern"], row
        assert "@" not in str(row["pattern"]), row  # every word-set reference resolved
    OrgTagger(blank_nlp)  # the Matcher accepts every pattern


# ---------------------------------------------------------------- component on a blank pipeline


@pytest.fixture(scope="module")
def blank_tagger(blank_nlp) -> OrgTagger:
    return OrgTagger(blank_nlp)


def _run(blank_nlp, tagger: OrgTagger, text: str, ents: list[tuple[str, str]] = (), dates: list[str] = ()) -> Doc:
    """Run the component on ``text`` with the given model entities and date spans (found by text)."""
    doc = blank_nlp(text)

    def span_of(needle: str, label: str = "") -> Span:
        start = text.index(needle)
        span = doc.char_span(start, start + len(needle), label=label)
        assert span is not None, needle
        return span

    doc.ents = [span_of(t, label) for t, label in ents]
    doc.spans[DATES_GROUP] = [span_of(t) for t in dates]
    return tagger(doc)


def _orgs(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s._.norm) for s in doc.spans[ORGS_GROUP]]


@pytest.mark.parametrize(
    ("text", "ents", "dates", "expected"),
    [
        # lexicon: acronyms case-sensitive, names with their capitals, accent-less spellings
        ("L'Union européenne et l'UE sont une seule chose.", [], [], [("Union européenne", "UE"), ("UE", "UE")]),
        ("une union européenne des marchés", [], [], []),
        ("Le Monde a publié un article sur le monde.", [], [], [("Le Monde", "Le Monde")]),
        ("Les combattants de l'Etat islamique ont fui.", [], [], [("Etat islamique", "Etat islamique")]),
        ("La Banque mondiale et le FMI ont parlé.", [], [], [("Banque mondiale", "Banque mondiale"), ("FMI", "FMI")]),
        # a model entity that is a date
        ("Mardi, la Banque mondiale a parlé.", [("Mardi", "ORG")], ["Mardi"], [("Banque mondiale", "Banque mondiale")]),
        # a model entity with an unknown acronym in parentheses, then the acronym alone
        (
            "Le Bureau central des statistiques (BCS) a publié. Le BCS précise.",
            [("Bureau central des statistiques", "ORG")],
            [],
            [("Bureau central des statistiques", "BCS"), ("BCS", "BCS"), ("BCS", "BCS")],
        ),
        # a dateline in capitals
        ("BRUXELLES, 4 mai (AFP) - Le texte est adopté.", [("BRUXELLES", "ORG")], [], [("AFP", "AFP")]),
        # one word alone on its line (a list of links)
        ("Menu :\nAccueil ,\nContact", [("Accueil", "ORG")], [], []),
        # a model entity that is a person named elsewhere in the text
        (
            "Bolsonaro a parlé après la victoire de Jair Bolsonaro.",
            [("Bolsonaro", "ORG"), ("Jair Bolsonaro", "PER")],
            [],
            [],
        ),
        # an acronym hyphenated to another acronym is part of it; hyphenated to a name it stays
        ("L'AP-HP a publié un bilan.", [], [], []),
        ("Les relations OTAN-Russie sont tendues.", [], [], [("OTAN", "OTAN")]),
        # a short code before a number is a road, not the party
        ("Un accident sur la RN 7 a bloqué la circulation.", [("RN", "ORG")], [], []),
        # a bare head the model reads as an organisation stays
        ("Le texte a été adopté par le Parlement hier.", [("Parlement", "ORG")], [], [("Parlement", "Parlement")]),
        # the Conseil OTAN-Russie is an organisation of its own
        ("Le Conseil OTAN-Russie se réunit.", [], [], [("Conseil OTAN-Russie", "Conseil OTAN-Russie")]),
    ],
)
def test_component_blank(blank_nlp, blank_tagger, text, ents, dates, expected) -> None:
    assert _orgs(_run(blank_nlp, blank_tagger, text, ents, dates)) == expected


# ---------------------------------------------------------------- full pipeline


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le secrétaire général de l'Organisation du Traité de l'Atlantique Nord (OTAN), Jens Stoltenberg, "
            "a rencontré le ministre russe des Affaires étrangères à New York.",
            {"OTAN": ["Organisation du Traité de l'Atlantique Nord", "OTAN"]},
        ),
        (
            "L'Union européenne et l'Union africaine ont signé un accord. L'UE versera cinquante millions d'euros.",
            {"UE": ["Union européenne", "UE"], "Union africaine": ["Union africaine"]},
        ),
        ("Un ministère de la Défense moderne est nécessaire, selon les services de sécurité.", {}),
        (
            "Le ministère des Affaires étrangères a convoqué l'ambassadeur du Mali.",
            {"ministère des Affaires étrangères": ["ministère des Affaires étrangères"]},
        ),
        (
            "Le Conseil de sécurité des Nations unies se réunira à la demande de la France. "
            "Le Conseil de sécurité votera une résolution.",
            {"Conseil de sécurité": ["Conseil de sécurité des Nations unies", "Conseil de sécurité"]},
        ),
        (
            "Le général s'est rendu au Commandement central (CENTCOM) en Floride. Le CENTCOM dirige les opérations.",
            {"CENTCOM": ["Commandement central", "CENTCOM", "CENTCOM"]},
        ),
        (
            "La Communauté économique des États de l'Afrique de l'Ouest (CEDEAO) a suspendu la Guinée.",
            {"CEDEAO": ["Communauté économique des États de l'Afrique de l'Ouest", "CEDEAO"]},
        ),
        (
            "La réunion du Conseil ministériel de l'OSCE s'est tenue à Stockholm. L'OSCE compte 57 États.",
            {"Conseil ministériel de l'OSCE": ["Conseil ministériel de l'OSCE"], "OSCE": ["OSCE"]},
        ),
        (
            "L'Alliance atlantique renforce sa présence en Pologne. L'Alliance compte désormais 32 membres.",
            {"Alliance atlantique": ["Alliance atlantique", "Alliance"]},
        ),
        ("Le ministre italien de la Justice a démissionné dimanche.", {}),
        # the last portfolio of an enumeration, tagged as a proper noun, and a national adjective the tagger
        # took for a proper noun ("sud-africaine") between the title and the portfolios
        ("Il a vu la ministre du Travail, de la Santé et des Solidarités, Catherine Vautrin.", {}),
        (
            "Elle s'est entretenue avec la ministre sud-africaine des Relations internationales et de la "
            "Coopération, Naledi Pandor.",
            {},
        ),
        ("Le ministre belge de la Mobilité, du Climat et de la Transition écologique a démissionné.", {}),
        # the ordinal of a numbered sitting is no part of the body's name (the sitting is an event)
        (
            "Il s'est exprimé en marge de la Soixante-dix-septième Assemblée mondiale de la Santé.",
            {"Assemblée mondiale de la Santé": ["Assemblée mondiale de la Santé"]},
        ),
        (
            "La 77e Assemblée mondiale de la Santé s'est ouverte lundi à Genève.",
            {"Assemblée mondiale de la Santé": ["Assemblée mondiale de la Santé"]},
        ),
        # forms of address before a name are no organisation
        ("Le Président de la République, Son Excellence Monsieur Bassirou Diomaye Faye, a reçu le ministre.", {}),
        ("Sa Majesté le Roi Mohammed VI a reçu Son Excellence Monsieur Adama Barrow.", {}),
        ("Le secrétaire d'État Pompeo a appelé le ministre de la Justice.", {}),
        # a president's complement is an organisation, a minister's a portfolio
        ("Le président de l'Olympique lyonnais a démissionné.", {"Olympique lyonnais": ["Olympique lyonnais"]}),
        ("Le roi a reçu le chef du gouvernement espagnol au palais royal.", {}),
        ("L'administration Biden a annoncé des sanctions.", {"administration Biden": ["administration Biden"]}),
        ("Le Sénat américain a voté le budget.", {"Sénat américain": ["Sénat américain"]}),
        # coordinated adjectives of the last complement belong to the name
        (
            "Le ministère des Sports et des Jeux olympiques et paralympiques a publié son bilan.",
            {
                "ministère des Sports et des Jeux olympiques et paralympiques": [
                    "ministère des Sports et des Jeux olympiques et paralympiques"
                ]
            },
        ),
        (
            "Le Conseil économique et social a rendu son avis.",
            {"Conseil économique et social": ["Conseil économique et social"]},
        ),
        (
            "Le Comité national olympique et sportif français (CNOSF) a désigné ses porte-drapeaux.",
            {"CNOSF": ["Comité national olympique et sportif français", "CNOSF"]},
        ),
        # a parliament's friendship group with a country
        (
            "Le groupe d'amitié France-Japon du Sénat s'est réuni mardi.",
            {"groupe d'amitié France-Japon": ["groupe d'amitié France-Japon"], "Sénat": ["Sénat"]},
        ),
        (
            "Le Haut Conseil pour le climat a rendu son rapport.",
            {"Haut Conseil pour le climat": ["Haut Conseil pour le climat"]},
        ),
        # an acronym after a list belongs to the last name, not to the whole phrase
        (
            "Il critique le Conseil des droits de l'homme et la sortie de la Cour pénale internationale (CPI).",
            {
                "Conseil des droits de l'homme": ["Conseil des droits de l'homme"],
                "CPI": ["Cour pénale internationale", "CPI"],
            },
        ),
        (
            "Le ministère de l'Éducation nationale, de l'Enfance et de la Jeunesse a publié les résultats.",
            {
                "ministère de l'Éducation nationale, de l'Enfance et de la Jeunesse": [
                    "ministère de l'Éducation nationale, de l'Enfance et de la Jeunesse"
                ]
            },
        ),
        (
            "La Commission des finances, réunie en urgence, a rendu son avis.",
            {"Commission des finances": ["Commission des finances"]},
        ),
        ("Le porte-parole du gouvernement Benjamin Griveaux a répondu aux questions.", {}),
        (
            "L'Union européenne a réagi. La haute représentante de l'Union pour les affaires étrangères "
            "et la politique de sécurité, Kaja Kallas, a condamné l'attaque.",
            {"Union européenne": ["Union européenne", "Union"]},
        ),
        (
            "Le président de la Chambre des représentants a reçu la délégation.",
            {"Chambre des représentants": ["Chambre des représentants"]},
        ),
        (
            "Selon le journal La Tribune, la Commission européenne prépare une amende.",
            {"La Tribune": ["La Tribune"], "Commission européenne": ["Commission européenne"]},
        ),
        # an acronym in parentheses after a name is its abbreviation, in whatever language its letters are
        (
            "Le parti Droit et justice (PiS) a perdu la majorité. Le PiS siège désormais dans l'opposition.",
            {"PiS": ["Droit et justice", "PiS", "PiS"]},
        ),
        (
            "L'Union chrétienne-démocrate (CDU) de Friedrich Merz est arrivée en tête.",
            {"CDU": ["Union chrétienne-démocrate", "CDU"]},
        ),
        (
            "Le Fonds des Nations unies pour l'enfance (Unicef) a lancé un appel.",
            {"Unicef": ["Fonds des Nations unies pour l'enfance", "Unicef"]},
        ),
        # ... also a known acronym whose lexicon entry is a longer form, when its letters are the name's initials
        (
            "La présidente du groupe des Socialistes et Démocrates (S&D) a reçu la délégation. Le S&D votera.",
            {"S&D": ["Socialistes et Démocrates", "S&D", "S&D"]},
        ),
        # ... but not an acronym longer than the name: the coalition the party belongs to
        (
            "L'Union calédonienne (FLNKS) a appelé au boycott du scrutin.",
            {"Union calédonienne": ["Union calédonienne"], "FLNKS": ["FLNKS"]},
        ),
        # ... nor a known organisation of its own in parentheses: the body the name belongs to
        (
            "Le Conseil de sécurité (ONU) a adopté une résolution sur le Soudan.",
            {"Conseil de sécurité": ["Conseil de sécurité"], "ONU": ["ONU"]},
        ),
        # a ministry named by its building is an organisation, except where the building is meant
        (
            "Le Quai d'Orsay a condamné l'attaque dans un communiqué.",
            {"Quai d'Orsay": ["Quai d'Orsay"]},
        ),
        ("Le ministre a reçu au Quai d'Orsay son homologue égyptien, Sameh Choukri.", {}),
        # a local assembly named by its territory, in lower case as French writes it
        (
            "Florence Dabin, présidente du conseil départemental de Maine-et-Loire, a accueilli la délégation.",
            {"conseil départemental de Maine-et-Loire": ["conseil départemental de Maine-et-Loire"]},
        ),
        (
            "Le conseil régional d'Occitanie a voté le budget.",
            {"conseil régional d'Occitanie": ["conseil régional d'Occitanie"]},
        ),
        ("Le conseil municipal a voté le budget lundi soir.", {}),
        # a common noun capitalised after a heading's dash is no organisation's name
        ("Baabda, le 27 mars 2025\n\nPrésidence libanaise – Bureau de presse\n\nLe président a reçu le ministre.", {}),
        ("Rabat, le 3 mai 2024 – Direction de la communication\n\nLe ministre a reçu son homologue.", {}),
        # a name opening with its capitalised adjective, the head noun in lower case
        (
            "Les ministres ont préparé la session de la Grande commission mixte algéro-mauritanienne.",
            {"Grande commission mixte algéro-mauritanienne": ["Grande commission mixte algéro-mauritanienne"]},
        ),
        (
            "Le président a saisi la Haute cour constitutionnelle malgache.",
            {"Haute cour constitutionnelle malgache": ["Haute cour constitutionnelle malgache"]},
        ),
        # a later portfolio of a minister's enumeration is no organisation, though it opens with a head noun
        (
            "Le ministre des Affaires étrangères, de la Communauté nationale à l'étranger et des Affaires "
            "africaines, Ahmed Attaf, a reçu son homologue.",
            {},
        ),
        # ... but not a body named after a minister's title and a complement ("au siège de l'Organisation")
        (
            "Les ministres de la Défense des pays de l'OTAN se sont réunis au siège de l'Organisation à Bruxelles.",
            {"OTAN": ["OTAN", "Organisation"]},
        ),
        # ... also a territory whose name the tokenizer splits at its hyphens
        (
            "Alain Rousset, président du conseil régional de Nouvelle-Aquitaine, a reçu les viticulteurs.",
            {"conseil régional de Nouvelle-Aquitaine": ["conseil régional de Nouvelle-Aquitaine"]},
        ),
        (
            "Le conseil régional de Bourgogne-Franche-Comté a voté le budget.",
            {"conseil régional de Bourgogne-Franche-Comté": ["conseil régional de Bourgogne-Franche-Comté"]},
        ),
        # a function title's own abbreviation in parentheses is no organisation
        ("Le chef d'état-major des armées (CEMA), le général Thierry Burkhard, a reçu mardi l'amiral Tony Radakin.",
         {}),
        (
            "Le chef d'état-major de l'armée de Terre (CEMAT), le général Pierre Schill, a accueilli la délégation.",
            {"armée de Terre": ["armée de Terre"]},
        ),
        # a common noun capitalised after a colon (an agenda line) is no organisation's name
        (
            "Agenda du Premier ministre\n\nJeudi 14 mars 2024\n\n09h00 : Entretien avec M. Bruno Le Maire, ministre "
            "de l'Économie.\nHôtel de Matignon\n\n12h30 : Déjeuner de travail avec Mme Ursula von der Leyen, "
            "présidente de la Commission européenne.\nHôtel de Matignon\n",
            {"Commission européenne": ["Commission européenne"]},
        ),
        (
            "Agenda du ministre\n\n10h00 : Entretien avec M. Petr Pavel, Président de la République tchèque.\n"
            "Palais de l'Élysée\n\n12h30 : Déjeuner de travail avec M. Pedro Sánchez, Président du gouvernement "
            "espagnol.\nPalais de l'Élysée\n\n16h00 : Réunion de travail avec les préfets.\n",
            {},
        ),
    ],
)
def test_component_model(nlp, text: str, expected: dict[str, list[str]]) -> None:
    doc = nlp(text)
    found: dict[str, list[str]] = {}
    for span in doc.spans[ORGS_GROUP]:
        found.setdefault(span._.norm, []).append(span.text)
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected", "places"),
    [
        # a place after "à" ending the model's organisation is its seat, not part of its name
        (
            "Les ministres de l'OTAN se sont réunis au siège de l'Organisation à Bruxelles.",
            {"OTAN": ["OTAN", "Organisation"]},
            ["Bruxelles"],
        ),
        # two lexicon acronyms joined by a hyphen are two bodies
        (
            "L'Union européenne prépare le sommet UE-CELAC avec la Communauté des États d'Amérique latine et des "
            "Caraïbes.",
            {
                "UE": ["Union européenne", "UE"],
                "CELAC": ["CELAC", "Communauté des États d'Amérique latine et des Caraïbes"],
            },
            [],
        ),
        # a council inside a function title is the title's ("président du Conseil des ministres")
        ("La présidente du Conseil des ministres italienne, Giorgia Meloni, est arrivée à Rome.", {}, ["Rome"]),
        ("Le Conseil OTAN-Ukraine s'est réuni mercredi.", {"Conseil OTAN-Ukraine": ["Conseil OTAN-Ukraine"]}, []),
        # a name built on an organisation's head noun is no place, though the model reads it as one
        (
            "Le président du Conseil régional de Bretagne, Loïg Chesnais-Girard, a reçu la délégation à Rennes.",
            {"Conseil régional de Bretagne": ["Conseil régional de Bretagne"]},
            ["Rennes"],
        ),
        (
            "L'entretien a été annulé en raison d'un vote à la Chambre des communes.",
            {"Chambre des communes": ["Chambre des communes"]},
            [],
        ),
        # the first word of a country's name does not refer back to an organisation ("l'Union des Comores")
        (
            "Il préside l'Union africaine. Il succède au président de l'Union des Comores, Azali Assoumani.",
            {"Union africaine": ["Union africaine"]},
            [],
        ),
    ],
)
def test_organisation_boundaries(nlp, text: str, expected: dict[str, list[str]], places: list[str]) -> None:
    doc = nlp(text)
    found: dict[str, list[str]] = {}
    for span in doc.spans[ORGS_GROUP]:
        found.setdefault(span._.norm, []).append(span.text)
    assert {k: sorted(v) for k, v in found.items()} == {k: sorted(v) for k, v in expected.items()}
    assert [s.text for s in doc.spans[LOCATIONS_GROUP]] == places


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "org", "places"),
    [
        ("Le Marché commun de l'Afrique orientale et australe a tenu son sommet à Nairobi.", "COMESA", ["Nairobi"]),
        ("Al-Qaïda au Maghreb islamique a revendiqué l'attaque près de Tombouctou.", "AQMI", ["Tombouctou"]),
    ],
)
def test_no_place_inside_an_organisation(nlp, lexicon: OrgLexicon, text: str, org: str, places: list[str]) -> None:
    """The organisation is found, and the place inside its name is no location."""
    doc = nlp(text)
    assert [lexicon.lookup(s.text) for s in doc.spans[ORGS_GROUP]] == [org]
    assert [s.text for s in doc.spans[LOCATIONS_GROUP]] == places


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["l'", "OTAN", "(", ")", "Organisation", "du", "Traité", "de", "Atlantique", "Nord", "Union", "européenne",
             "UE", "\n", ",", "Le", "Conseil", "mardi", "Gj", "Gilets", "jaunes", "é", "RN", "7", "S.A.R."]
        ),
        max_size=30,
    )
)  # fmt: skip
def test_component_never_fails(blank_nlp, blank_tagger, words: list[str]) -> None:
    """Any sequence of tokens: spans lie in the text and every organisation has a name."""
    text = " ".join(words)
    doc = blank_tagger(blank_nlp(text))
    for span in doc.spans[ORGS_GROUP]:
        assert text[span.start_char : span.end_char] == span.text
        assert span._.norm
