"""Meetings at signing ceremonies, credentials ceremonies, phone and video calls.

spec/annotation.md (Meetings): a meeting they both attended as participants of the same talk. Named people who
sign an agreement together meet, and so do those who attend the signing; an agreement signed between countries
names no one.

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


SIGNINGS = [
    # named people who sign an agreement together
    ("Le ministre des Armées, Sébastien Lecornu, et son homologue indien, Rajnath Singh, ont signé mardi un "
     "accord de coopération industrielle.", all_pairs("Lecornu", "Singh")),
    ("Le ministre Jean-Noël Barrot a signé lundi avec son homologue polonais, Radosław Sikorski, un traité "
     "d'amitié.", all_pairs("Barrot", "Sikorski")),
    ("L'accord a été signé mardi par le ministre Bruno Le Maire et son homologue allemand Christian Lindner.",
     all_pairs("Maire", "Lindner")),
    # ... and the people in whose presence the signing took place
    ("La ministre Catherine Colonna et le ministre marocain Nasser Bourita ont signé jeudi à Rabat une déclaration "
     "conjointe. La signature s'est déroulée en présence du président du Sénat, Gérard Larcher, et de "
     "l'ambassadeur Christophe Lecourtier.", all_pairs("Colonna", "Bourita", "Larcher", "Lecourtier")),
    # who attended the signing just reported, or the signing between two named people
    ("Le Premier ministre Gabriel Attal a reçu lundi le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, "
     "avec lequel il a signé un accord de siège. La ministre Catherine Vautrin assistait à la signature.",
     all_pairs("Attal", "Ghebreyesus", "Vautrin")),
    ("Le président Emmanuel Macron assistait jeudi à la signature de l'accord entre le chancelier Olaf Scholz et "
     "la présidente Giorgia Meloni.", all_pairs("Macron", "Scholz", "Meloni")),
    # "les deux dirigeants" signing after a reception: the same encounter, which a third person joins
    ("Le président Emmanuel Macron a reçu mardi le chancelier Olaf Scholz. Les deux dirigeants ont signé un "
     "traité de coopération. La ministre Catherine Colonna participait à la rencontre.",
     all_pairs("Macron", "Scholz", "Colonna")),
    # the document signed after a long apposition of the co-signer (its words are not counted in the window)
    ("Le 4 février 2019, à Abou Dhabi, le pape François avait signé avec le grand imam d'Al-Azhar, Ahmed al-Tayeb, "
     "le document sur la fraternité humaine.", all_pairs("François", "al-Tayeb")),
    ("Le président Bassirou Diomaye Faye a signé mardi avec le président de la Commission de la CEDEAO, Omar "
     "Alieu Touray, un accord de siège.", all_pairs("Faye", "Touray")),
]


@pytest.mark.parametrize(("text", "expected"), SIGNINGS)
def test_people_who_sign_together_meet(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


NO_SIGNING_ENCOUNTER = [
    # countries sign: nobody named meets anyone
    ("La France et le Maroc ont signé mardi un accord sur l'eau, en présence du président Emmanuel Macron.", set()),
    ("Le président Emmanuel Macron a assisté à la signature de l'accord entre la France et l'Allemagne.", set()),
    # a text signed by two people is no agreement signed together
    ("Emmanuel Macron et Olaf Scholz ont signé une tribune commune publiée dans la presse.", set()),
    # a signing long after the encounter reported: who attends it does not join that encounter
    ("Le président Emmanuel Macron a reçu lundi le chancelier Olaf Scholz.\n\nLe président du Sénat a rappelé "
     "les enjeux du budget européen. Les sénateurs ont débattu du texte jusqu'au soir.\n\nLa ministre Catherine "
     "Colonna assistait à la signature de l'accord sur l'eau.", all_pairs("Macron", "Scholz")),
]


@pytest.mark.parametrize(("text", "expected"), NO_SIGNING_ENCOUNTER)
def test_no_encounter_at_a_signing_without_named_signers(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


MEMBERS_NAMED = [
    # credentials: each ambassador presents them in turn, each his own encounter
    ("Le président Emmanuel Macron a reçu mardi à l'Élysée les lettres de créance de trois nouveaux ambassadeurs. "
     "Il s'agit de M. Kōji Yamada, ambassadeur du Japon ; de Mme Katja Keul, ambassadrice d'Allemagne ; et de "
     "M. Ricardo Neiva Tavares, ambassadeur du Brésil.",
     {frozenset(("Macron", "Yamada")), frozenset(("Macron", "Keul")), frozenset(("Macron", "Tavares"))}),
    ("Le roi Philippe a reçu jeudi les lettres de créance de l'ambassadeur de France, François Sénémaud.",
     all_pairs("Philippe", "Sénémaud")),
    # a group received or gathered at once, named in the next sentence
    ("Le ministre de l'Intérieur, Gérald Darmanin, a reçu lundi trois maires de la région. Il s'agit de Martine "
     "Aubry, Anne Hidalgo et Jean-Luc Moudenc.", all_pairs("Darmanin", "Aubry", "Hidalgo", "Moudenc")),
    ("La Première ministre Élisabeth Borne a réuni jeudi quatre ministres. Il s'agit de Bruno Le Maire, Gérald "
     "Darmanin, Catherine Colonna et Sébastien Lecornu.",
     all_pairs("Borne", "Maire", "Darmanin", "Colonna", "Lecornu")),
    # no encounter before the list: nobody met
    ("Trois personnes ont été blessées dans l'accident. Il s'agit de Jean Dupont et Marie Martin.", set()),
    ("Le président Emmanuel Macron a présenté ses vœux à trois anciens ministres. Il s'agit de Jean-Pierre "
     "Raffarin, Dominique de Villepin et Jean-Marc Ayrault.", set()),
]


@pytest.mark.parametrize(("text", "expected"), MEMBERS_NAMED)
def test_people_named_after_a_count_of_people_met(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected


CALLS = [
    # "appeler" a named person: a phone call
    ("Lundi, le ministre Jean-Noël Barrot a appelé le secrétaire d'État américain, Marco Rubio.",
     all_pairs("Barrot", "Rubio")),
    ("La ministre Catherine Colonna a appelé mardi son homologue allemande, Annalena Baerbock, pour évoquer la "
     "situation au Soudan.", all_pairs("Colonna", "Baerbock")),
    ("Le chancelier Olaf Scholz a été appelé mardi par le président Joe Biden.", all_pairs("Scholz", "Biden")),
    # urged, named, called for: no call
    ("Le président Emmanuel Macron a appelé Vladimir Poutine à cesser les frappes.", set()),
    ("Emmanuel Macron appelle Olaf Scholz à soutenir le plan.", set()),
    ("Le sénateur Bernie Sanders a appelé à voter pour Joe Biden.", set()),
    ("Le nouveau porte-parole s'appelle Jean Dupont, a indiqué le ministre Gérald Darmanin.", set()),
    ("La députée Amélie de Montchalin appelle au calme Jean-Luc Mélenchon.", set()),
    # the counterparts on one video call are participants of the same talk
    ("La ministre Catherine Colonna s'entretiendra demain par visioconférence avec ses homologues, le ministre "
     "polonais Radosław Sikorski, et la ministre allemande Annalena Baerbock.",
     all_pairs("Colonna", "Sikorski", "Baerbock")),
    ("La ministre Catherine Colonna a eu jeudi une visioconférence avec le ministre Antony Blinken, la ministre "
     "Mélanie Joly et le ministre Yoko Kamikawa.", all_pairs("Colonna", "Blinken", "Joly", "Kamikawa")),
    # ... not calls in sequence, nor phone calls one after the other
    ("La ministre Catherine Colonna s'est entretenue par visioconférence avec Antony Blinken, puis avec Mélanie "
     "Joly.", {frozenset(("Colonna", "Blinken")), frozenset(("Colonna", "Joly"))}),
    ("Le président Emmanuel Macron s'est entretenu par téléphone avec le président Joe Biden, puis avec le "
     "chancelier Olaf Scholz.", {frozenset(("Macron", "Biden")), frozenset(("Macron", "Scholz"))}),
]


@pytest.mark.parametrize(("text", "expected"), CALLS)
def test_phone_and_video_calls(nlp: Language, text: str, expected: set) -> None:
    assert pairs(run(nlp, text)) == expected
