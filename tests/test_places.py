"""nlpmeet_places: countries (names, adjectives, demonyms, compounds, traps) and locations."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlpmeet.extensions import COUNTRIES_GROUP, DATES_GROUP, LOCATIONS_GROUP
from nlpmeet.resources import load_tsv

pytestmark = pytest.mark.model


def countries(nlp: Language, text: str) -> set[str]:
    doc = nlp(text)
    return {span._.norm for span in doc.spans[COUNTRIES_GROUP]}


def locations(nlp: Language, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    return {span._.norm: span._.country for span in doc.spans[LOCATIONS_GROUP]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Libye a demandé l'aide de l'Union européenne.", {"LY"}),
        ("Les États-Unis et la Chine ont signé un accord commercial.", {"US", "CN"}),
        ("Les Etats-Unis ont rappelé leur ambassadeur.", {"US"}),
        ("Les USA ont quitté l'accord de Paris sur le climat.", {"US"}),
        ("Le Royaume Uni a quitté l'Union européenne en 2020.", {"GB"}),
        ("Le roi des Pays-Bas s'est rendu en Belgique.", {"NL", "BE"}),
        ("La Macédoine du Nord a rejoint l'OTAN en 2020.", {"MK"}),
        ("La Corée du Sud et la Corée du Nord ont repris le dialogue.", {"KR", "KP"}),
        ("La RDC accuse le Rwanda de soutenir les rebelles.", {"CD", "RW"}),
        ("Le président du Congo-Brazzaville a été réélu.", {"CG"}),
        ("La Guinée-Bissau et la Guinée équatoriale ont voté.", {"GW", "GQ"}),
        ("Le sommet s'est tenu en Guinée.", {"GN"}),
        ("Le Kosovo et la Serbie ont repris les discussions.", {"XK", "RS"}),
        ("Le ministre de la Fédération de Russie a parlé.", {"RU"}),
        ("Le Saint-Siège a accueilli la délégation.", {"VA"}),
    ],
)
def test_country_names(nlp: Language, text: str, expected: set[str]) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le premier ministre libyen a rencontré des diplomates.", {"LY"}),
        ("La ministre libyenne des affaires étrangères est arrivée.", {"LY"}),
        ("Les Libyens votaient dimanche.", {"LY"}),
        ("Les autorités libyennes ont démenti.", {"LY"}),
        ("Le ministre russe a répondu à son homologue turc.", {"RU", "TR"}),
        ("Les Français ont élu leur président.", {"FR"}),
        ("La délégation sud-africaine a quitté la salle.", {"ZA"}),
        ("Des soldats nord-coréens ont été vus à la frontière.", {"KP"}),
        ("La chancelière allemande et le président américain se sont parlé.", {"DE", "US"}),
        ("Le couple franco-allemand reste le moteur de l'Europe.", {"FR", "DE"}),
        ("Les relations belgo-néerlandaises sont excellentes.", {"BE", "NL"}),
        ("Le conflit israélo-palestinien a été évoqué.", {"IL", "PS"}),
        ("Les Kosovars ont célébré l'indépendance.", {"XK"}),
    ],
)
def test_country_adjectives_and_demonyms(nlp: Language, text: str, expected: set[str]) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital used for the government is a location, not a country
        ("Moscou a réagi avec fermeté.", set()),
        ("Washington a annoncé de nouvelles sanctions.", set()),
        # a country inside an organisation's name: only when the country itself is meant
        ("Le Conseil OTAN-Russie s'est réuni à Bruxelles.", {"RU"}),
        ("Le Document de Vienne encadre les exercices militaires.", set()),
        ("Selon l'Agence France-Presse, le bilan est lourd.", set()),
        ("Météo-France a placé le département en vigilance orange.", set()),
        ("L'agence Business France a suspendu le programme.", set()),
        ("Le Front Polisario proclame la RASD.", {"EH"}),
        ("Le match France-Allemagne s'est joué à guichets fermés.", {"FR", "DE"}),
        # languages, continents and hyphenated non-country adjectives
        ("Le texte a été traduit en russe et en anglais.", set()),
        ("Il parle le français couramment.", set()),
        ("Un investisseur nord-américain a racheté la société.", set()),
        ("Les pays d'Amérique latine et d'Afrique se sont réunis.", set()),
        # a country name that is also a person's name
        ("François Hollande a reçu les syndicats.", set()),
        ("Le couple royal a séjourné en Hollande.", {"NL"}),
        ("Maurice Papon a été condamné.", set()),
        ("Les touristes affluent à l'île Maurice.", {"MU"}),
        # bare Congo: the Republic of the Congo unless the text names the DRC
        ("Le Congo a signé l'accord.", {"CG"}),
        ("La RDC et le Congo se disputent la frontière.", {"CD"}),
        # a country name needs a capital
        ("Elle aime le chili con carne.", set()),
    ],
)
def test_country_traps(nlp: Language, text: str, expected: set[str]) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "country", "location"),
    [
        ("La Géorgie a accusé la Russie d'avoir violé le cessez-le-feu près de Tbilissi.", {"GE", "RU"}, None),
        ("Le gouverneur de l'État de Géorgie a signé la loi.", set(), "Géorgie"),
        ("En Géorgie, aux États-Unis, le vote a eu lieu à Atlanta.", {"US"}, "Géorgie"),
        ("La Géorgie (États-Unis) a voté démocrate.", {"US"}, "Géorgie"),
        ("Après la Floride et l'Alabama, l'ouragan a frappé la Géorgie.", set(), "Géorgie"),
        ("Washington soutient la Géorgie face à la Russie.", {"GE", "RU"}, None),
    ],
)
def test_georgia_state_or_us_state(nlp: Language, text: str, country: set[str], location: str | None) -> None:
    assert countries(nlp, text) == country
    locs = locations(nlp, text)
    if location is None:
        assert "Géorgie" not in locs
    else:
        assert locs.get(location) == "US"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Le ministre s'est rendu à Tampa (Floride) mercredi.", "Tampa", "US"),
        ("Le ministre s'est rendu à Tampa (Floride) mercredi.", "Floride", "US"),
        ("Les manifestants se sont réunis à Moscou.", "Moscou", "RU"),
        ("Le sommet s'est tenu à New York.", "New York", "US"),
        ("Emmanuel Macron a reçu Olaf Scholz au palais de l'Élysée.", "Élysée", "FR"),
        ("Le porte-parole de la Maison-Blanche a démenti.", "Maison-Blanche", "US"),
        # a capitalised article after a preposition belongs to the town's name
        ("Les ministres se sont réunis à La Celle-Saint-Cloud (Yvelines) lundi.", "La Celle-Saint-Cloud", None),
        ("Le sommet franco-britannique s'est tenu à La Baule en juin.", "La Baule", None),
        # seats of French institutions, named as press releases name them
        ("Le ministre a reçu son homologue à l'Hexagone Balard mardi.", "Hexagone Balard", "FR"),
        ("Le président du Sénat a reçu le président de la Rada au Petit Luxembourg.", "Petit Luxembourg", "FR"),
        ("Le sommet Choose France s'est tenu au château de Versailles.", "château de Versailles", "FR"),
        ("La présidente de l'Assemblée nationale l'a reçu à l'Hôtel de Lassay.", "hôtel de Lassay", "FR"),
        ("L'attentat a frappé la ville de Kasserine, en Tunisie.", "Kasserine", "TN"),
        ("Les tensions en Méditerranée orientale inquiètent l'OTAN.", "Méditerranée orientale", None),
        ("Les Gilets jaunes ont bloqué l'A7 et la place de la Concorde.", "A7", None),
        ("Les Gilets jaunes ont bloqué l'A7 et la place de la Concorde.", "place de la Concorde", "FR"),
        ("Les autoroutes fermées : A1, A4 (péage de Senlis), A13 et A16.", "A13", None),
        ("Un séisme a frappé la wilaya de Khenchela, en Algérie.", "Khenchela", "DZ"),
        ("Un bateau a pris feu sur le lac du Bourget.", "Bourget", None),
        ("Les combats ont repris près d'al-Bab.", "al-Bab", None),
        ("Le couple passera ses vacances à Champoluc.", "Champoluc", None),
        ("Les rues des 16e et 8e arrondissements sont fermées.", "16e", None),
        ("Les rues des 16e et 8e arrondissements sont fermées.", "8e arrondissements", None),
        # a ministry's building after "au"/"à" is a place (the ministry itself is an organisation)
        ("Le ministre a reçu au Quai d'Orsay son homologue égyptien, Sameh Choukri.", "Quai d'Orsay", "FR"),
        ("Les deux ministres se sont entretenus au quai d'Orsay.", "Quai d'Orsay", "FR"),
        # ... while the island keeps its article, and a compound name opening a sentence stays a place
        ("La Réunion a été frappée par un cyclone dimanche.", "La Réunion", "FR"),
        ("Le cyclone a touché La Réunion dimanche. Réunion de crise à la préfecture.", "La Réunion", "FR"),
        ("Nord-Pas-de-Calais : la région a voté son budget.", "Nord-Pas-de-Calais", None),
        # the nations of the United Kingdom and the German Länder, as French writes them
        ("La délégation bretonne s'est rendue au pays de Galles jeudi.", "Pays de Galles", "GB"),
        ("Le ministre-président du Land de Saxe, Michael Kretschmer, sera reçu à Rennes.", "Saxe", "DE"),
        ("Les inondations ont frappé la Rhénanie-du-Nord-Westphalie et la Rhénanie-Palatinat.",
         "Rhénanie-du-Nord-Westphalie", "DE"),
        ("Volkswagen a son siège en Basse-Saxe.", "Basse-Saxe", "DE"),
    ],
)
def test_locations(nlp: Language, text: str, name: str, country: str | None) -> None:
    locs = locations(nlp, text)
    assert name in locs, locs
    assert locs[name] == country


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("La Libye et l'Égypte ont signé un accord.", {"Libye", "Égypte"}),  # countries are not locations
        ("Le ministre a reçu son homologue à l'Hexagone Balard mardi.", {"Balard"}),  # part of the building's name
        ("La conférence de Munich sur la sécurité s'ouvre vendredi.", {"Munich"}),  # inside an event's name
        ("Le Document de Vienne a été révisé.", {"Vienne"}),  # inside a document's name
        ("L'Airbus A380 a atterri à l'heure.", {"A380"}),  # not a road
        ("La compagnie exploite des Airbus A320, A330 et A350.", {"A320", "A330", "A350"}),
        ("Les pluies ont touché le Nord de la France.", {"Nord"}),  # a direction
        ("La Bermudienne Flora Duffy a remporté la course.", {"Bermudienne"}),  # describes a person
        ("Les Marseillais ont battu les Lyonnais dimanche.", {"Marseillais", "Lyonnais"}),  # inhabitants
        ("Le ministre a rendu hommage à Jean Moulin.", {"Jean", "Moulin", "Jean Moulin"}),  # a person after "à"
        ("Le ministre de l'Europe et des Affaires étrangères est arrivé.", {"Europe"}),  # a portfolio
        # a national adjective between the title and its portfolio
        ("Elle a reçu le ministre français de l'Europe et des Affaires étrangères, Stéphane Séjourné.", {"Europe"}),
        ("La ministre allemande de l'Europe, Anna Lührmann, a rencontré ses homologues.", {"Europe"}),
        ("Le vice-ministre vietnamien de la Construction, Nguyen Van Sinh, a reçu la délégation.", {"Construction"}),
        ("Le ministre irlandais de l'Europe, Peter Burke, est arrivé hier à Rome.", {"Europe"}),
        # portfolios after "chargé de" and in an enumeration after the title
        ("Roland Lescure, ministre délégué chargé de l'Industrie, a parlé.", {"Industrie"}),
        ("Bruno Le Maire, ministre de l'Économie, des Finances et de la Souveraineté industrielle et numérique, a "
         "reçu les patrons.", {"Souveraineté", "Souveraineté industrielle"}),
        ("Les négociations ont repris lundi 4 mars.", {"lundi", "mars", "Lundi"}),
        ("Le Quai d'Orsay a condamné l'attaque dans un communiqué.", {"Quai d'Orsay", "Orsay"}),
        # a building after an indefinite article is named by the place it stands in
        ("L'ancien ministre vit dans une résidence de Neuilly.", {"résidence de Neuilly"}),
        ("Le sommet s'est tenu dans un château de Bourgogne.", {"château de Bourgogne"}),
        # a common noun capitalised by its place: an agenda line, a heading
        (
            "Agenda du président\n\n11h00 : Réunion de préparation des Jeux olympiques.\nPalais de l'Élysée\n",
            {"Réunion"},
        ),
        ("Réunion à Matignon sur la sécheresse. Le Premier ministre a reçu les élus.", {"Réunion"}),
        # institutional words and a title's first word are no places
        ("La présidente de la Confédération, Viola Amherd, a reçu lundi le président ukrainien.", {"Confédération"}),
        ("Au cours de leur entretien, le Souverain pontife et le président ont parlé du climat.", {"Souverain"}),
        ("Les ministres ont évoqué les relations de la Principauté avec l'Union européenne.", {"Principauté"}),
        # a frequent given name and a name (or a particle) the model read as a place: a person
        ("Bachar al-Assad a rencontré Vladimir Poutine à Moscou.", {"Bachar al-Assad"}),
        ("Le régime de Bachar al-Assad est tombé en décembre.", {"Bachar al-Assad"}),
    ],
)
def test_not_locations(nlp: Language, text: str, absent: set[str]) -> None:
    assert not absent & set(locations(nlp, text))


def test_a_named_thing_after_a_common_noun_stays_a_place(nlp: Language) -> None:
    assert "Charles de Gaulle" in locations(nlp, "Il a atterri mardi à l'aéroport Charles de Gaulle.")


def test_locations_do_not_overlap_dates(nlp: Language) -> None:
    doc = nlp("Le traité a été signé à Rome le 25 mars 1957.")
    dates = [(s.start, s.end) for s in doc.spans[DATES_GROUP]]
    for span in doc.spans[LOCATIONS_GROUP]:
        assert not any(s < span.end and span.start < e for s, e in dates)


def test_two_countries_on_one_compound_keep_their_codes(nlp: Language) -> None:
    doc = nlp("Le traité franco-allemand a été signé.")
    spans = sorted((s.text, s._.norm) for s in doc.spans[COUNTRIES_GROUP])
    assert spans == [("allemand", "DE"), ("franco", "FR")]
    assert doc.text == "Le traité franco-allemand a été signé."


def test_every_place_has_a_known_country_or_none() -> None:
    from nlpmeet.normalise.countries import is_valid_code

    for row in load_tsv("places.tsv"):
        assert not row["country"] or is_valid_code(row["country"]), row


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ministère des Armées – Communiqué\n\nParis, le 8 février 2024\n\nLe ministre a visité la base.", "Paris"),
        ("Ministère de la Culture – Communiqué\n\nLyon, le 3 mai 2024\n\nLa ministre a inauguré le musée.", "Lyon"),
        ("Préfecture du Rhône – Communiqué\n\nMarseille, le 2 juin 2024\n\nLe préfet a réuni les maires.",
         "Marseille"),
    ],
)
def test_dateline_after_a_heading_line(nlp: Language, text: str, place: str) -> None:
    # the model may read the heading and the dateline as one entity: a name never runs over a line break
    assert place in locations(nlp, text)
    assert not any("\n" in e.text for e in nlp(text).ents)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a state or province after "ministre de" / "gouverneur de" is the office's jurisdiction, a place
        ("Le premier ministre de l'Ontario, Doug Ford, est arrivé à Québec.", "Ontario"),
        ("Le ministre-président de la Bavière, Markus Söder, a accueilli la délégation.", "Bavière"),
        ("La première ministre de l'Alberta, Danielle Smith, a signé l'accord.", "Alberta"),
        # "palais" + a capitalised name is a building
        ("Il a été reçu lundi au palais de Merdeka par le président indonésien.", "palais de Merdeka"),
        ("L'ambassadeur a donné une réception au palais Farnèse.", "palais Farnèse"),
        # so are "château", "bâtiment", "résidence", "musée" + a capitalised name
        ("Le Premier ministre a accueilli mardi au château de Senningen le chancelier autrichien.",
         "château de Senningen"),
        ("La présidente l'a reçu dans son bureau du bâtiment Louise-Weiss à Strasbourg.", "bâtiment Louise-Weiss"),
        ("Le ministre a rencontré la communauté française à la résidence des Pins.", "résidence des Pins"),
        ("La réception a eu lieu au musée du Louvre.", "musée du Louvre"),
        # well-known seats and regions of models/places.tsv
        ("Le Grand-Duc a reçu le chancelier en audience au palais grand-ducal.", "palais grand-ducal"),
        ("Les ministres ont évoqué l'élargissement de l'Union européenne aux Balkans occidentaux.",
         "Balkans occidentaux"),
    ],
)
def test_jurisdictions_and_palaces(nlp: Language, text: str, place: str) -> None:
    assert place in locations(nlp, text)


def test_a_portfolio_stays_no_place(nlp: Language) -> None:
    assert "Europe" not in locations(nlp, "La ministre de l'Europe, Laurence Boone, est arrivée à Rome.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's name as a person's given name: the model's person entity runs on from it
        ("Le ministre Israël Katz a parlé à la presse.", set()),
        ("Le ministre israélien des Affaires étrangères, Israël Katz, est arrivé.", {"IL"}),
        # the country itself, before or beside a person
        ("Le Liban et Israël ont signé un cessez-le-feu.", {"LB", "IL"}),
        ("En Israël, Benjamin Netanyahou a réuni son cabinet.", {"IL"}),
    ],
)
def test_country_name_as_a_given_name(nlp: Language, text: str, expected: set[str]) -> None:
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a person's name joined by hyphens after a place word names the place (French typography)
        (
            "Le premier ministre a reçu, à son cabinet de l'édifice Honoré-Mercier, le ministre.",
            "édifice Honoré-Mercier",
        ),
        ("Le cortège a remonté l'avenue Charles-de-Gaulle jusqu'à la place Victor-Hugo.", "place Victor-Hugo"),
        ("Les manifestants se sont rassemblés place Jean-Jaurès à Toulouse.", "place Jean-Jaurès"),
    ],
)
def test_place_named_after_a_person(nlp: Language, text: str, place: str) -> None:
    assert place in locations(nlp, text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a dateline's town in capitals, unknown to the lexicon: before an agency in parentheses and a dash
        ("FREDERICTON (GNB) – La première ministre a conclu aujourd'hui une mission en France.", "FREDERICTON"),
        ("SAINT-JEAN (GNB) – Le ministre des Finances a présenté le budget.", "SAINT-JEAN"),
        # ... or before a comma and a date
        ("MONCTON, le 3 mars 2025 – La ministre a inauguré un centre de santé.", "MONCTON"),
    ],
)
def test_dateline_town_in_capitals(nlp: Language, text: str, town: str) -> None:
    assert town in locations(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "COMMUNIQUÉ DE PRESSE\n\nLa ministre a inauguré un centre de santé.",
        "ALERTE (mise à jour) – La ministre a inauguré un centre de santé.",
    ],
)
def test_a_heading_in_capitals_is_no_dateline(nlp: Language, text: str) -> None:
    assert not any(name.isupper() for name in locations(nlp, text))


def test_a_capitalised_heading_before_a_time_is_no_dateline(nlp: Language) -> None:
    assert "FINALE" not in locations(nlp, "Programme des matchs\n\nFINALE, à 21h à Saint-Denis.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "hôtel", "stade", "hôpital", "cathédrale", "basilique", "mosquée" + a capitalised name: the building
        ("Le forum s'est tenu à l'hôtel Potocki, siège de la chambre de commerce.", "hôtel Potocki"),
        ("Le président du CIO a visité le stade Abdoulaye-Wade.", "stade Abdoulaye-Wade"),
        ("La signature a eu lieu à l'hôpital Claude-Huriez.", "hôpital Claude-Huriez"),
        ("Le pape a célébré la messe à la basilique Saint-Pierre.", "basilique Saint-Pierre"),
        ("Le président a prié à la mosquée Al-Aqsa.", "mosquée Al-Aqsa"),
        # a town or name joined by "de" completes the building's name
        ("Il a été reçu au palais d'État d'Iavoloha par le président malgache.", "palais d'État d'Iavoloha"),
        ("La juge a rencontré des victimes à la cathédrale Notre-Dame de Bangui.", "cathédrale Notre-Dame de Bangui"),
        # a lower-case particle inside the name
        ("Le roi Willem-Alexander a offert un dîner au palais Huis ten Bosch.", "palais Huis ten Bosch"),
        ("La délégation a été reçue au château Van der Straeten à Gand.", "château Van der Straeten"),
    ],
)
def test_buildings_named_after_their_word(nlp: Language, text: str, place: str) -> None:
    assert place in locations(nlp, text)
