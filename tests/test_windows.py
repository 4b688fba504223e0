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
    # an unbounded spec of a literal form after the anchor: a regex, a word list ("forum Science and Technology
    # in Society", "sommet des Amériques et des Caraïbes")
    [
        {"LOWER": {"IN": ["sommet", "forum"]}},
        {"IS_TITLE": True},
        {"TEXT": {"REGEX": "^([A-Z][a-z]*|and|of|in)$"}, "OP": "*"},
        {"IS_TITLE": True},
    ],
    [{"LOWER": "session"}, {"LOWER": {"IN": ["des", "et", "de"]}, "OP": "+"}, {"IS_TITLE": True}],
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
        "Le forum Science and Technology in Society s'ouvre à Kyoto ; le sommet Choose France suit.",
        "La session des et de Paris, puis la session et Lyon.",
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


@pytest.mark.parametrize(
    "opening",
    [
        "L'exercice Steadfast Defender a commencé. ",  # an unbounded spec of title-case words
        "Le forum Science and Technology in Society a commencé. ",  # ... of a literal form (a regex)
    ],
)
def test_unbounded_run_bounds_the_window(nlp: Language, opening: str) -> None:
    """An unbounded spec of title-case words or of a literal form (a regex, a word list) stops at the first
    word it cannot take: the window does not run to the end of the Doc."""
    matcher = Matcher(nlp.vocab)
    for n, pattern in enumerate(PATTERNS):
        matcher.add(f"P{n}", [pattern])
    windowed = WindowedMatcher(matcher, PATTERNS, frozenset({"le", "la"}))
    doc = nlp(opening + "Les soldats marchent dans la neige. " * 10)
    windows = windowed.windows(doc)
    assert windows and all(b < 15 for _, b in windows)
    assert windowed(doc) == list(matcher(doc))


def test_anchor_with_a_bounded_window_is_preferred(nlp: Language) -> None:
    """A rarer anchor whose window would run back to the Doc's start (an unbounded spec before it) gives
    way to one with a bounded window: the hyphen no longer opens a window at every compound word."""
    pattern = [
        {"POS": "ADJ", "IS_TITLE": True},
        {"LOWER": {"IN": ["commission", "conseil", "comité"]}},
        {"POS": "ADJ", "OP": "*"},
        {"IS_LOWER": True},
        {"TEXT": "-"},
        {"IS_LOWER": True},
    ]
    matcher = Matcher(nlp.vocab)
    matcher.add("P", [pattern])
    windowed = WindowedMatcher(matcher, [pattern], frozenset({"le", "la"}))
    assert "-" not in windowed.words["TEXT"] and "commission" in windowed.words["LOWER"]
    filler = "Les porte-parole des États-Unis sont arrivés mardi. " * 6
    doc = nlp(filler + "La Grande commission mixte algéro-mauritanienne se réunit. " + filler)
    assert windowed(doc) == list(matcher(doc)) != []
    start = len(nlp(filler))
    assert all(start - 2 <= a and b <= start + 12 for a, b in windowed.windows(doc))  # around "commission" only
