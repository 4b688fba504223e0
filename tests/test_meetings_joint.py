"""Meetings stated in the styles of joint communiqués and institutional releases: the people a relative join
clause lists ("une réunion à laquelle ont pris part X et Y"), co-chairs ("ont coprésidé les travaux"), an
encounter called off because its person "devait participer … était retenu", a relative clause on the person
met ("Y, avec lequel il s'est entretenu"), an adverb between the auxiliary and the participle, and plural
descriptions ("les ministres") that name no one.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import run_with_dct
from tests.helpers import all_pairs, pairs

pytestmark = pytest.mark.model


def run(nlp: Language, text: str, dct: str | None = "2024-05-29") -> Doc:
    return run_with_dct(nlp, text, dct)


JOINT = [
    # a sitting held or attended by the subject, with the people of its relative join clause
    ("Catherine Colonna a présidé mardi une réunion du Conseil de sécurité à laquelle ont pris part "
     "Antony Blinken et Annalena Baerbock.", ("Colonna", "Blinken", "Baerbock")),
    ("Le ministre Bruno Le Maire a participé à la réunion des ministres des Finances du G7, organisée chaque "
     "année par la présidence, à laquelle ont pris part Janet Yellen et Christian Lindner.",
     ("Maire", "Yellen", "Lindner")),
    # a sitting with no person as its subject: its participants meet one another
    ("Lundi, une table ronde consacrée à l'énergie, à laquelle ont pris part la ministre Agnès Pannier-Runacher "
     "et le commissaire européen Thierry Breton, a réuni une vingtaine d'entreprises.",
     ("Pannier-Runacher", "Breton")),
    ("Mercredi, les gouverneurs ont tenu une séance de travail à laquelle ont participé Nadia Calviño et "
     "Kristalina Georgieva.", ("Calviño", "Georgieva")),
    # co-chairs meet, and the people who took part join them
    ("Le président Emmanuel Macron et le chancelier Olaf Scholz ont coprésidé les travaux, auxquels ont pris "
     "part Élisabeth Borne et Christian Lindner.", ("Macron", "Scholz", "Borne", "Lindner")),
    ("Josep Borrell a coprésidé avec Espen Barth Eide la réunion des donateurs, à laquelle a pris part "
     "Mohammad Mustafa.", ("Borrell", "Eide", "Mustafa")),
    ("Patrick Martin et Faman Touré en ont coprésidé les travaux.", ("Martin", "Touré")),
    # a participle inside a title ("chargé du Trésor") does not end the list of people
    ("Mercredi, les gouverneurs ont tenu une table ronde à laquelle ont pris part le secrétaire du Cabinet "
     "kényan chargé du Trésor, Njuguna Ndung'u, président du Conseil des gouverneurs, et le ministre sénégalais "
     "de l'Économie, Abdourahmane Sarr.", ("Ndung'u", "Sarr")),
    ("Lundi, une séance de travail, à laquelle ont pris part la ministre déléguée chargée de l'Industrie, "
     "Agnès Pannier-Runacher, et le ministre délégué chargé du Commerce extérieur, Franck Riester, a réuni les "
     "industriels.", ("Pannier-Runacher", "Riester")),
]


@pytest.mark.parametrize(("text", "people"), JOINT)
def test_people_of_a_joint_sitting_meet(nlp: Language, text: str, people: tuple[str, ...]) -> None:
    assert pairs(run(nlp, text)) == all_pairs(*people)


NOT_A_SITTING = [
    # an event attended by many is no sitting of its participants
    "Le sommet de l'Union africaine, auquel ont participé Macky Sall et Paul Kagame, s'est ouvert samedi.",
    "La cérémonie, à laquelle ont assisté Emmanuel Macron et Olaf Scholz, a duré une heure.",
]


@pytest.mark.parametrize("text", NOT_A_SITTING)
def test_an_event_attended_is_no_meeting(nlp: Language, text: str) -> None:
    assert pairs(run(nlp, text)) == set()


HINDERED = [
    ("Mardi, Catherine Colonna a reçu Antony Blinken. Le ministre Bruno Le Maire, qui devait participer à "
     "l'entretien, était retenu à Bercy.", {frozenset(("Colonna", "Blinken"))}),
    ("Mardi, Catherine Colonna a reçu Antony Blinken. Bruno Le Maire devait participer à la séance, mais il "
     "était retenu à Paris.", {frozenset(("Colonna", "Blinken"))}),
    ("Emmanuel Macron devait rencontrer Olaf Scholz mardi, mais il a été retenu à Paris.", set()),
    ("Le président Macky Sall, qui devait recevoir Antony Blinken, était empêché par un déplacement.", set()),
    # planned and not hindered: scheduled encounters stay
    ("Emmanuel Macron devait rencontrer Olaf Scholz mardi à Berlin.", {frozenset(("Macron", "Scholz"))}),
]


@pytest.mark.parametrize(("text", "expected"), HINDERED)
def test_an_encounter_its_person_was_kept_from_is_none(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


OTHER_FORMS = [
    # the person a relative clause on the verb's preposition hangs on is met
    ("Fumio Kishida a prononcé le discours d'ouverture aux côtés d'António Guterres, avec lequel il s'est "
     "ensuite entretenu.", {frozenset(("Kishida", "Guterres"))}),
    ("Ursula von der Leyen a salué Giorgia Meloni, avec qui elle a ensuite déjeuné.",
     {frozenset(("Leyen", "Meloni"))}),
    # an adverb between the auxiliary and a participle the tagger reads as an adjective
    ("Josep Borrell a ensuite déjeuné avec Ahmed Aboul Gheit.", {frozenset(("Borrell", "Gheit"))}),
    # a plural description is a group, not the one minister named before
    ("Le ministre ukrainien des Affaires étrangères, Dmytro Kuleba, s'est exprimé par visioconférence. "
     "Josep Borrell et les ministres ont ensuite déjeuné avec Ahmed Aboul Gheit.",
     {frozenset(("Borrell", "Gheit"))}),
    # invited to join, and did not: no one joined
    ("Mardi, Catherine Colonna a reçu Antony Blinken. Le ministre israélien, Israël Katz, invité à se joindre "
     "aux discussions, n'a pas donné suite.", {frozenset(("Colonna", "Blinken"))}),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_FORMS)
def test_relative_adverb_plural_and_declined_forms(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


GROUP_JOINED = [
    # a place complement before the group object ("a réuni à l'hôtel de Matignon les représentants")
    ("Le Premier ministre, Michel Barnier, a réuni mardi à l'hôtel de Matignon les représentants des syndicats "
     "pour lancer la conférence sociale, en présence de la ministre du Travail, Astrid Panosyan-Bouvet.",
     {frozenset(("Barnier", "Panosyan-Bouvet"))}),
    ("Le préfet Georges-François Leclerc a réuni lundi dans la salle du conseil les représentants des pêcheurs, "
     "en présence du député Philippe Fait.", {frozenset(("Leclerc", "Fait"))}),
    # a collective noun of people as the object; the people who took part in "cette séance" join it
    ("Le ministre Manuel Valls a réuni mercredi à Nouméa les délégations des partis. Alcide Ponga et "
     "Sonia Backès ont pris part à cette séance de travail.", all_pairs("Valls", "Ponga", "Backès")),
    ("La présidente Yaël Braun-Pivet a reçu jeudi la délégation du Parlement ghanéen. Alban Bagbin a pris "
     "part à la réunion.", all_pairs("Braun-Pivet", "Bagbin")),
    ("Mercredi, le ministre Jean-Noël Barrot a réuni, autour d'une même table, les délégations ukrainienne et "
     "moldave. Andriï Sybiha et Mihai Popșoi ont pris part à cette réunion.",
     all_pairs("Barrot", "Sybiha", "Popșoi")),
    # "Autour de la table …" opening the paragraph right after the encounter's
    ("Le Premier ministre, François Bayrou, a réuni jeudi les représentants des syndicats.\n\nAutour de la "
     "table siégeaient notamment la secrétaire générale de la CGT, Sophie Binet, et le président du MEDEF, "
     "Patrick Martin.", all_pairs("Bayrou", "Binet", "Martin")),
    # a paragraph later: no longer the encounter just reported
    ("Le Premier ministre, François Bayrou, a réuni jeudi les représentants des syndicats.\n\nLa réforme sera "
     "débattue au printemps.\n\nAutour de la table siégeaient notamment Sophie Binet et Patrick Martin.", set()),
    # the object of the delegation, not the group met: no one named joined
    ("Le ministre Manuel Valls a réuni mercredi à Nouméa les délégations des partis.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GROUP_JOINED)
def test_named_people_join_an_encounter_with_a_group(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


JOINED_LATER = [
    # the co-chairs of a working sitting, as agents of a passive participle
    ("Les ministres se sont réunis mardi à Bruxelles pour la réunion ministérielle UE-ASEAN, coprésidée par le "
     "haut représentant, Josep Borrell, et par le ministre philippin des Affaires étrangères, Enrique Manalo.",
     all_pairs("Borrell", "Manalo")),
    ("La séance a été coprésidée par Gérard Larcher et par Bärbel Bas.", all_pairs("Larcher", "Bas")),
    # ... and the people who took part in its work, named in the next sentence (or paragraph)
    ("Les ministres se sont réunis lundi pour une réunion coprésidée par Josep Borrell et Enrique Manalo.\n\n"
     "Le secrétaire général de l'ASEAN, Kao Kim Hourn, et la commissaire Jutta Urpilainen ont pris part aux "
     "travaux.", all_pairs("Borrell", "Manalo", "Hourn", "Urpilainen")),
    # the subject after the verb: "Ont également pris part à l'audience X et Y"
    ("Le président Bassirou Diomaye Faye a reçu lundi en audience le directeur général de l'OMS, Tedros Adhanom "
     "Ghebreyesus. Ont également pris part à l'audience la ministre de la Santé, Ibrahima Sy, et le "
     "représentant de l'OMS, Jean-Marie Vianny Yameogo.",
     all_pairs("Faye", "Ghebreyesus", "Sy", "Yameogo")),
    ("Le roi Philippe a reçu jeudi le président Ilham Aliyev. A également assisté à l'entretien le ministre "
     "Bernard Quintin.", all_pairs("Philippe", "Aliyev", "Quintin")),
    # a summit co-chaired: an event attended by many, no encounter of its co-chairs
    ("Le sommet réunit les chefs d'État. Il est coprésidé par le président du Conseil européen, Charles Michel, "
     "et par le Premier ministre Ralph Gonsalves.", set()),
    # the work of another body: no join to the encounter before
    ("Kaja Kallas a reçu mardi Téte António. Le ministre Olivier Nduhungirehe a participé aux travaux du Conseil "
     "de sécurité.", {frozenset(("Kallas", "António"))}),
    # an encounter two sentences back: the work joined is not said to be its
    ("Kaja Kallas a reçu mardi Téte António. La Commission a publié son rapport. Olivier Nduhungirehe a pris "
     "part aux travaux.", {frozenset(("Kallas", "António"))}),
]


@pytest.mark.parametrize(("text", "expected"), JOINED_LATER)
def test_co_chairs_and_people_who_took_part_later(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected
