"""A generator of varied French news text, written for nlpmeet's tests and benchmark.

Every fragment below is French written for this project (real public figures and facts only), chosen
to exercise the tokenizer where it is delicate: hyphenated compounds and inversions, elisions with
both apostrophes, abbreviations, numbers, dates, URLs, e-mail addresses, quotes and dashes.
``sentences(n, seed)`` and ``articles(n, seed)`` are deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

PEOPLE = [
    "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sánchez", "Jens Stoltenberg",
    "Mark Rutte", "Ursula von der Leyen", "Antonio Guterres", "Volodymyr Zelensky", "Joe Biden",
    "Jean-Noël Barrot", "Catherine Colonna", "Stéphane Séjourné", "Annalena Baerbock", "Xi Jinping",
    "Narendra Modi", "Luiz Inácio Lula da Silva", "Recep Tayyip Erdoğan", "Charles Michel",
    "Josep Borrell", "Kaja Kallas", "Donald Tusk", "Jean-Yves Le Drian", "Édouard Philippe",
    "Élisabeth Borne", "Gabriel Attal", "Michel Barnier", "Christine Lagarde", "Kristalina Georgieva",
    "Marie-Christine Dupont-Aignan", "Abdel Fattah al-Sissi", "Mohammed ben Salmane", "Cyril Ramaphosa",
]
TITLES = [
    "le président", "la présidente", "le Premier ministre", "la Première ministre", "le chancelier",
    "le secrétaire général de l'OTAN", "la ministre des Affaires étrangères", "le chef de la diplomatie",
    "l'ambassadeur", "la commissaire européenne", "le porte-parole du gouvernement", "l'ex-président",
    "le vice-président", "la directrice générale du FMI", "le haut représentant de l'UE",
]
PLACES = [
    "Paris", "Berlin", "Rome", "Madrid", "Bruxelles", "Washington", "Kyiv", "Varsovie", "Genève",
    "Saint-Étienne", "Aix-en-Provence", "Châlons-en-Champagne", "Saint-Jean-de-Luz", "New York",
    "Los Angeles", "Le Caire", "La Haye", "Rio de Janeiro", "Bois-Colombes", "L'Haÿ-les-Roses",
    "Villeneuve-d'Ascq", "Ouagadougou", "Nouakchott", "Port-au-Prince", "Tel-Aviv", "Pointe-à-Pitre",
]
ORGS = [
    "l'OTAN", "l'ONU", "l'Union européenne", "le FMI", "l'O.N.U.", "la Banque mondiale", "l'UNESCO",
    "le Conseil de sécurité", "la BCE", "l'Élysée", "le Quai d'Orsay", "l'Assemblée nationale",
    "le G7", "le G20", "l'OMC", "Airbus", "la SNCF", "TotalEnergies", "l'AFP", "Reuters",
]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre", "janv.", "févr.", "avr.", "juill.", "sept.", "oct.", "nov.", "déc.",
]
TOPICS = [
    "la guerre en Ukraine", "le cessez-le-feu", "la non-prolifération nucléaire", "l'aide humanitaire",
    "le libre-échange", "la sécurité énergétique", "l'intelligence artificielle", "le dérèglement climatique",
    "l'anti-terrorisme", "les droits de l'homme", "l'après-guerre", "le sud-est de l'Europe",
    "la coopération franco-allemande", "l'entre-deux-guerres", "les porte-avions", "le vis-à-vis budgétaire",
    "les garde-côtes", "l'arc-en-ciel politique", "la sociale-démocratie", "les sous-marins",
]
HYPHENATED = [
    "peut-être", "après-midi", "c'est-à-dire", "vis-à-vis", "arrière-grand-mère", "au-delà", "celui-ci",
    "celles-ci", "lui-même", "elle-même", "rendez-vous", "quelques-uns", "grand-père", "week-end",
    "état-major", "sous-secrétaire", "contre-attaque", "cessez-le-feu", "va-et-vient", "tête-à-tête",
    "Jean-Pierre", "Marie-Claude", "franco-italien", "extrême-droite", "centre-ville", "non-lieu",
    "post-électoral", "ex-ministre", "anti-corruption", "pro-européen", "Outre-Rhin", "outre-mer",
    "New-York", "États-Unis", "Royaume-Uni", "Nord-Pas-de-Calais", "mi-juillet", "semi-conducteurs",
    "black-out", "hip-hop", "burn-out", "prud'homme", "fac-similé", "Premier-ministre", "saut-de-ski",
    "pet-en-l'air", "arc-boutant", "porte-monnaie", "Saint-Pierre-et-Miquelon", "aller-retour",
    "soi-disant", "bien-être", "demi-heure", "trois-quarts", "vingt-et-un", "quatre-vingt-dix-neuf",
]
INVERSIONS = [
    "a-t-il déclaré", "a-t-elle ajouté", "dit-il", "estime-t-on", "va-t-il", "pensez-vous",
    "donne-le-moi", "allons-y", "prends-en", "vas-y", "sont-ils", "peut-on", "faut-il", "ira-t-elle",
    "répond-il", "souligne-t-elle", "croit-on savoir", "n'est-ce pas", "qu'en pensez-vous",
]
ELISIONS = [
    "l'ambassade", "d'Ukraine", "qu'il", "jusqu'à", "s'est", "n'a", "j'ai", "presqu'île", "aujourd'hui",
    "quelqu'un", "lorsqu'elle", "puisqu'on", "l’Élysée", "d’après", "qu’elle", "l’OTAN", "s’il", "c’est",
    "m’a", "t’as", "entr'ouvert", "Aujourd'hui", "L'Allemagne", "D'abord", "Qu'importe", "l'Hôtel-de-Ville",
    "grand'mère", "l'O.N.U.", "d'Orsay", "l'entre-deux",
]
ABBREVIATIONS = [
    "M.", "Mme", "MM.", "Mlle", "Dr.", "Pr", "etc.", "cf.", "av. J.-C.", "apr. J.-C.", "St.", "Ste.",
    "n°", "p. ex.", "Mgr", "c.-à-d.", "env.", "art.", "al.", "vol.", "Cie", "S.A.", "U.S.A.", "R.-U.",
]
URLS = [
    "https://www.elysee.fr/emmanuel-macron/2024/07/11/sommet-de-l-otan",
    "www.nato.int", "http://exemple.org/page?id=3&lang=fr#haut", "diplomatie.gouv.fr",
    "https://fr.wikipedia.org/wiki/Organisation_du_traité_de_l'Atlantique_nord",
    "ftp://archives.exemple.fr/2023/rapport.pdf", "https://t.co/AbC123xyz", "elysee.fr/presse",
    "https://www.service-public.fr/particuliers/vosdroits/F1234?lang=fr&x=1",
]
EMAILS = [
    "presse@elysee.fr", "contact.presse@diplomatie.gouv.fr", "jean-pierre.martin@exemple.org",
    "redaction@lemonde.fr", "info+sommet@nato.int", "l.dupont@assemblee-nationale.fr",
]
NUMBERS = [
    "1 200", "3,5", "12h30", "8 h 15", "1er", "2e", "XXe siècle", "+33 1 23 45 67 89", "2024-07-11",
    "11/07/2024", "1,5 million", "40 %", "40%", "25°C", "-12,5", "3.000", "10 000 €", "5 M€", "100$",
    "1/3", "n° 12", "75008", "1789", "2 000 km²", "0,7%", "13h", "20h00", "24/24", "3x", "18-25 ans",
]
QUOTES = [
    "« Nous n'avons pas d'autre choix », a-t-il déclaré.",
    "« C'est une étape historique… », a-t-elle ajouté, l'air grave.",
    "\"Rien n'est décidé\", insiste-t-on à l'Élysée.",
    "— Et maintenant ? — On verra bien !",
    "(AFP) — Le sommet s'est achevé tard dans la nuit.",
    "Il s'agit, selon lui, d'un « tournant » [...] pour l'Europe.",
    "« Qu'y a-t-il de neuf ? » s'interroge un diplomate.",
    "Le texte (voir p. 12) prévoit un aller-retour Paris-Berlin ; rien d'autre.",
    "#Sommet2024 : @EmmanuelMacron salue l'accord !",
]
TEMPLATES = [
    "{Day} {d} {month} {year}, {title} {person} a reçu {title2} {person2} à {place} pour évoquer {topic}.",
    "{title} {person} s'est entretenu avec {person2} {day} à {place}, {hyph}, en marge du sommet de {org}.",
    "Selon {abbr} {surname}, le budget atteindra {num} en {year}, soit {num2} de plus qu'{inv}.",
    "Le communiqué, disponible sur {url}, précise que {org} se réunira le {d} {month} à {place}.",
    "Pour toute question, écrivez à {email} ou consultez {url} ({num}).",
    "{Elision} {title} {person} {inv} : {quote}",
    "À {place}, {org} et {org2} ont signé un accord sur {topic} ; {hyph}, {elision} reste prudent.",
    "{quote} {Inv}, {abbr} {surname}, {title2}.",
    "Le {d} {month} {year} à {num}, {person} et {person2} se sont retrouvés en tête-à-tête à {place}.",
    "{Hyph}, {title} {person} {inv} que {topic} serait au menu de la rencontre avec {person2}.",
    "{Elision} l'ordre du jour : {topic}, {topic2}, {abbr2}",
    "Le ministre a quitté {place} {day} après-midi, direction {place2}, via {url}.",
    "Quelque {num} manifestants se sont rassemblés devant {org}, {elision} {hyph}.",
]


def _surname(name: str) -> str:
    return name.split()[-1]


def sentence(rng: random.Random) -> str:
    template = rng.choice(TEMPLATES)
    values = {
        "day": rng.choice(DAYS), "d": str(rng.randint(1, 31)), "month": rng.choice(MONTHS),
        "year": str(rng.randint(1990, 2030)), "title": rng.choice(TITLES), "title2": rng.choice(TITLES),
        "person": rng.choice(PEOPLE), "person2": rng.choice(PEOPLE), "place": rng.choice(PLACES),
        "place2": rng.choice(PLACES), "topic": rng.choice(TOPICS), "topic2": rng.choice(TOPICS),
        "org": rng.choice(ORGS), "org2": rng.choice(ORGS), "hyph": rng.choice(HYPHENATED),
        "inv": rng.choice(INVERSIONS), "elision": rng.choice(ELISIONS), "abbr": rng.choice(ABBREVIATIONS),
        "abbr2": rng.choice(ABBREVIATIONS), "surname": _surname(rng.choice(PEOPLE)), "num": rng.choice(NUMBERS),
        "num2": rng.choice(NUMBERS), "url": rng.choice(URLS), "email": rng.choice(EMAILS),
        "quote": rng.choice(QUOTES),
    }
    values.update({k.capitalize(): v[:1].upper() + v[1:] for k, v in list(values.items())})
    return template.format(**values)


def sentences(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [sentence(rng) for _ in range(n)]


def articles(n: int, seed: int = 0, sentences_per_article: tuple[int, int] = (12, 24)) -> Iterator[str]:
    """``n`` news-like articles of a few paragraphs each."""
    rng = random.Random(seed)
    for _ in range(n):
        count = rng.randint(*sentences_per_article)
        body = [sentence(rng) for _ in range(count)]
        paragraphs = [" ".join(body[i : i + 4]) for i in range(0, count, 4)]
        yield f"{rng.choice(PLACES).upper()} ({rng.choice(['AFP', 'Reuters'])}) — " + "\n\n".join(paragraphs)
