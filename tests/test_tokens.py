"""The shared token table (nlpmeet/components/tokens.py) holds exactly the Token attributes it replaces."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from spacy.language import Language

from nlpmeet.components import tokens
from nlpmeet.components.tokens import TokenTable
from tests.french_sample import articles

SENTENCES = [
    "",
    "   ",
    "Le président Emmanuel Macron a reçu jeudi  à l'Élysée  le chancelier allemand.\n\nIl a déclaré :",
    "« Nous signerons demain », a dit Mme Ursula von der Leyen (Commission européenne) à Bruxelles.",
    "Le 3 mars 2024, vers 15 h 30, l’ex-ministre s’est rendu au Sahel\u00a0; puis à N'Djamena.\r\n",
]


def _same(doc) -> None:  # type: ignore[no-untyped-def]
    table = TokenTable.of(doc)
    assert table.texts == [t.text for t in doc]
    assert table.ws == [t.whitespace_ for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.lemmas == [t.lemma_ for t in doc]


@pytest.mark.parametrize("text", SENTENCES)
def test_table_equals_tokens_on_a_blank_pipeline(blank_nlp: Language, text: str) -> None:
    _same(blank_nlp(text))


@pytest.mark.parametrize("text", SENTENCES + list(articles(5, seed=11)))
def test_table_equals_tokens_on_parsed_text(nlp: Language, text: str) -> None:
    _same(nlp(text))


def test_table_is_rebuilt_when_the_tokens_change(blank_nlp: Language) -> None:
    doc = blank_nlp("Le sommet de l'Union africaine.")
    assert TokenTable.of(doc) is TokenTable.of(doc)  # built once per Doc
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[3:6])
    assert TokenTable.of(doc).texts == [t.text for t in doc]


def test_table_does_not_keep_its_doc_alive(blank_nlp: Language) -> None:
    doc = blank_nlp("Une phrase sans importance.")
    TokenTable.of(doc)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None
    assert len(tokens._TABLES) == 0 or all(d is not None for d in tokens._TABLES.keys())


# --- pattern keys without pattern Docs (tokens.phrase_patterns) ---------------------------------------

PATTERN_TEXTS = [
    "Nations unies",
    "Saint-Pétersbourg",
    "Côte d'Ivoire",
    "Côte d’Ivoire",
    "Washington D.C.",
    "St. Louis",
    "G20",
    "aujourd'hui",
    "Hawaiʻi",
    "Bosnie-Herzégovine",
    "OTAN",
    "ÉTATS-UNIS",
    "l'Élysée",
    "Kinshasa  Gombe",
    "São Tomé-et-Príncipe",
]


def _keys(nlp: Language, texts: list[str], attr: str) -> list[list[int]]:
    patterns = tokens.phrase_patterns(nlp, texts, attr)
    assert all(isinstance(p, list) and all(isinstance(k, int) for k in p) for p in patterns)  # no pattern Doc
    return patterns


def _doc_keys(nlp: Language, texts: list[str], attr: str) -> list[list[int]]:
    from spacy.attrs import LOWER, ORTH

    column = LOWER if attr == "LOWER" else ORTH
    return [[int(k) for k in nlp.make_doc(text).to_array([column])] for text in texts]


@pytest.mark.parametrize("attr", ["LOWER", "ORTH"])
def test_phrase_patterns_cut_as_the_tokenizer(blank_nlp: Language, attr: str) -> None:
    assert _keys(blank_nlp, PATTERN_TEXTS, attr) == _doc_keys(blank_nlp, PATTERN_TEXTS, attr)


def _counting_tokenizer(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the pipeline's next PatternCuts count the texts it hands to the tokenizer."""
    calls: list[str] = []
    real = nlp.tokenizer

    class Counting:
        def __call__(self, text: str):  # type: ignore[no-untyped-def]
            calls.append(text)
            return real(text)

        def to_bytes(self, **kwargs):  # type: ignore[no-untyped-def]
            return real.to_bytes(**kwargs)

    monkeypatch.setattr(tokens, "_CUTS", weakref.WeakKeyDictionary())
    monkeypatch.setattr(nlp, "tokenizer", Counting())
    return calls


def test_pattern_cuts_are_kept_for_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlpmeet.pipeline import build_blank

    monkeypatch.setenv("NLPMEET_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NLPMEET_FASTLOAD", raising=False)
    nlp = build_blank()
    expected = {attr: _doc_keys(nlp, PATTERN_TEXTS, attr) for attr in ("LOWER", "ORTH")}
    calls = _counting_tokenizer(nlp, monkeypatch)
    assert _keys(nlp, PATTERN_TEXTS, "LOWER") == expected["LOWER"]
    plain = [t for t in PATTERN_TEXTS if all(w.isalpha() for w in t.split(" "))]
    assert sorted(calls) == sorted(set(PATTERN_TEXTS) - set(plain))  # only the texts that need the tokenizer
    tokens.PatternCuts.of(nlp).save()
    assert len(list(tmp_path.glob("cuts-*.marshal"))) == 1
    # the next run (a new PatternCuts on the same tokenizer settings) reads the cuts: no tokenizer call
    calls = _counting_tokenizer(nlp, monkeypatch)
    assert _keys(nlp, PATTERN_TEXTS, "ORTH") == expected["ORTH"]
    assert _keys(nlp, PATTERN_TEXTS, "LOWER") == expected["LOWER"]
    assert calls == []
    # a damaged file is cut again, never trusted
    next(tmp_path.glob("cuts-*.marshal")).write_bytes(b"\x00not marshal")
    calls = _counting_tokenizer(nlp, monkeypatch)
    assert _keys(nlp, PATTERN_TEXTS, "LOWER") == expected["LOWER"]
    assert len(calls) == len(set(PATTERN_TEXTS) - set(plain))


def test_pattern_cuts_file_is_named_by_the_tokenizer_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlpmeet.pipeline import build_blank

    monkeypatch.setenv("NLPMEET_CACHE_DIR", str(tmp_path))
    first, second = build_blank(), build_blank()
    assert tokens.PatternCuts(first).path == tokens.PatternCuts(second).path
    second.tokenizer.add_special_case("Saint-Pétersbourg", [{"ORTH": "Saint-"}, {"ORTH": "Pétersbourg"}])
    assert tokens.PatternCuts(first).path != tokens.PatternCuts(second).path
    assert _keys(second, ["Saint-Pétersbourg"], "ORTH") == _doc_keys(second, ["Saint-Pétersbourg"], "ORTH")


def test_phrase_patterns_reject_other_attributes(blank_nlp: Language) -> None:
    with pytest.raises(ValueError, match="LOWER or ORTH"):
        tokens.phrase_patterns(blank_nlp, ["Paris"], "NORM")


def test_every_gazetteer_pattern_is_cut_as_the_tokenizer(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text the places and organisations components hand to their PhraseMatchers (from models/)."""
    from nlpmeet.components import orgs, places

    seen: list[tuple[list[str], str]] = []

    def spy(nlp_: Language, texts, attr: str = "LOWER"):  # type: ignore[no-untyped-def]
        texts = list(texts)
        seen.append((texts, attr))
        return tokens.phrase_patterns(nlp_, texts, attr)

    monkeypatch.setattr(places, "phrase_patterns", spy)
    monkeypatch.setattr(orgs, "phrase_patterns", spy)
    places.PlaceTagger(nlp)
    orgs.OrgTagger(nlp)
    assert sum(len(texts) for texts, _ in seen) > 3000
    for texts, attr in seen:
        assert _keys(nlp, texts, attr) == _doc_keys(nlp, texts, attr)
