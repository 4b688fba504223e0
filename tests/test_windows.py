"""WindowedMatcher: the Matcher run only around anchor tokens gives the same matches, in the same order,
as the Matcher over the whole Doc (nlpmeet_events and nlpmeet_orgs use it)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlpmeet.components.windows import WindowedMatcher
from tests.french_sample import articles

SENTENCES = [
    "Le sommet de l'OTAN à Washington s'est ouvert mardi en présence de trente-deux chefs d'État.",
    "La 29e conférence des Nations unies sur le climat, la COP29, se tient à Bakou.",
    "Les ministres du G7 et du G20 se retrouvent en marge de l'Assemblée générale des Nations unies.",
    "La visite d'État du président brésilien en France commence lundi.",
    "L'exercice militaire ZAPAD 2021 a mobilisé des milliers de soldats biélorusses et russes.",
    "Le Conseil européen extraordinaire de jeudi portera sur l'Ukraine.",
    "La Haute Autorité de santé et le Conseil constitutionnel ont rendu leur avis.",
    "Le Comité international olympique a confirmé les Jeux olympiques d'hiver de 2030.",
    "Le ministère des Affaires étrangères et l'Agence française de développement ont signé un accord.",
    "Une réunion, un forum, un congrès : les mots seuls ne font pas un événement.",
    "sommet",
    "",
]


def _before(nlp: Language, name: str, texts: list[str]) -> list[Doc]:
    names = nlp.pipe_names
    with nlp.select_pipes(disable=names[names.index(name) :]):
        return list(nlp.pipe(texts))


@pytest.mark.parametrize("component, kwargs", [("nlpmeet_events", {"allow_missing": True}), ("nlpmeet_orgs", {})])
def test_same_matches_as_the_whole_doc(nlp: Language, component: str, kwargs: dict) -> None:
    pipe = nlp.get_pipe(component)
    docs = _before(nlp, component, SENTENCES + list(articles(40, seed=7)))
    found = 0
    for doc in docs:
        expected = list(pipe.matcher(doc, **kwargs))
        assert pipe.windowed(doc, **kwargs) == expected, doc.text[:80]
        found += len(expected)
    assert found > 20  # the sample does exercise the patterns


PATTERNS = [
    # an optional word before the anchor, unbounded adjectives after it
    [{"LOWER": "grand", "OP": "?"}, {"LOWER": {"IN": ["sommet", "forum"]}}, {"POS": "ADJ", "OP": "*"}],
    # the anchor is the rarer word, not the article
    [{"LOWER": {"IN": ["le", "la"]}}, {"LOWER": "conférence"}, {"POS": "ADJ", "OP": "+"}, {"LOWER": "annuelle"}],
    # a regex anchor
    [{"TEXT": {"REGEX": r"^G\d{1,2}$"}}],
    # an unbounded spec before the anchor: the window opens at the Doc's start
    [{"POS": "ADJ", "OP": "*"}, {"LOWER": "réunion"}],
    # an unbounded spec of title-case words after the anchor ("exercice Steadfast Defender 2024")
    [
        {"LOWER": "exercice"},
        {"IS_TITLE": True, "POS": {"NOT_IN": ["DET", "ADP"]}, "OP": "+"},
        {"LIKE_NUM": True, "OP": "?"},
    ],
]


@pytest.mark.parametrize(
    "text",
    [
        "Le grand sommet européen extraordinaire a eu lieu hier, puis le forum.",
        "La conférence internationale économique annuelle de Davos réunit les dirigeants du G20.",
        "Une longue et difficile réunion s'est achevée ; la nouvelle réunion aura lieu lundi.",
        "Rien de tout cela ici.",
        "G7",
        "L'exercice Steadfast Defender 2024 a réuni des soldats ; l'exercice Dragon a suivi, puis un exercice naval.",
    ],
)
def test_windows_with_optional_and_unbounded_specs(nlp: Language, text: str) -> None:
    matcher = Matcher(nlp.vocab)
    for n, pattern in enumerate(PATTERNS):
        matcher.add(f"P{n}", [pattern])
    windowed = WindowedMatcher(matcher, PATTERNS, frozenset({"le", "la"}))
    doc = nlp(text)
    assert windowed(doc) == list(matcher(doc))


def test_anchor_avoids_function_words(nlp: Language) -> None:
    matcher = Matcher(nlp.vocab)
    matcher.add("P", [PATTERNS[1]])
    windowed = WindowedMatcher(matcher, [PATTERNS[1]], frozenset({"le", "la"}))
    assert set(windowed.words["LOWER"]) == {"conférence"}
    doc = nlp("La France et la Belgique.")
    assert windowed.windows(doc) == []


def test_title_case_run_bounds_the_window(nlp: Language) -> None:
    """An unbounded spec of title-case words stops at the first word that is not: the window does not
    run to the end of the Doc."""
    matcher = Matcher(nlp.vocab)
    for n, pattern in enumerate(PATTERNS):
        matcher.add(f"P{n}", [pattern])
    windowed = WindowedMatcher(matcher, PATTERNS, frozenset({"le", "la"}))
    doc = nlp("L'exercice Steadfast Defender a commencé. " + "Les soldats marchent dans la neige. " * 10)
    windows = windowed.windows(doc)
    assert windows and all(b < 15 for _, b in windows)
    assert windowed(doc) == list(matcher(doc))
