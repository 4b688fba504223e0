"""The country lexicon (models/countries.tsv) and the pure normaliser nlpmeet.normalise.countries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from nlpmeet.components.places import PlaceTagger
from nlpmeet.extensions import COUNTRIES_GROUP
from nlpmeet.normalise import countries
from nlpmeet.normalise.countries import (
    ADJECTIVE,
    NAME,
    PREFIX,
    adjective_groups,
    all_forms,
    country_name,
    fold,
    is_valid_code,
    lookup,
    state_codes,
    surface_variants,
)

ROOT = Path(__file__).resolve().parent.parent


def test_every_state_once_with_a_valid_code() -> None:
    codes = state_codes()
    assert len(codes) == len(set(codes)) == 193 + 5
    assert {"XK", "PS", "TW", "EH", "VA"} <= set(codes)
    assert all(is_valid_code(code) for code in codes)


def test_every_lexicon_entry_maps_to_a_state() -> None:
    codes = set(state_codes())
    for form in all_forms():
        assert form.code in codes, form
        assert form.form.strip() == form.form and form.form, form


@pytest.mark.parametrize("code", state_codes())
def test_every_state_has_a_name_and_its_four_adjective_forms(code: str) -> None:
    assert country_name(code) != code
    groups = adjective_groups(code)
    assert groups, f"{code} has no adjective"
    for group in groups:
        assert len(group) == 4 and all(form.strip() for form in group), (code, group)
    kinds = {f.kind for f in all_forms() if f.code == code}
    assert {NAME, ADJECTIVE} <= kinds


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("LY", "Libye"),
        ("KR", "Corée du Sud"),
        ("KP", "Corée du Nord"),
        ("US", "États-Unis"),
        ("GB", "Royaume-Uni"),
        ("NL", "Pays-Bas"),
        ("MK", "Macédoine du Nord"),
        ("RU", "Russie"),
        ("PS", "Palestine"),
        ("XK", "Kosovo"),
    ],
)
def test_country_name(code: str, name: str) -> None:
    assert country_name(code) == name


def test_unknown_code_falls_back() -> None:
    assert country_name("ZZ") == "ZZ"
    assert not is_valid_code("ZZ")


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Libye", "LY", NAME),
        ("libyen", "LY", ADJECTIVE),
        ("libyenne", "LY", ADJECTIVE),
        ("libyens", "LY", ADJECTIVE),
        ("Libyennes", "LY", ADJECTIVE),
        ("Etats-Unis", "US", NAME),
        ("États-Unis d'Amérique", "US", NAME),
        ("USA", "US", NAME),
        ("Royaume Uni", "GB", NAME),
        ("Grande-Bretagne", "GB", NAME),
        ("britanniques", "GB", ADJECTIVE),
        ("Pays-Bas", "NL", NAME),
        ("néerlandaises", "NL", ADJECTIVE),
        ("Macédoine du Nord", "MK", NAME),
        ("RDC", "CD", NAME),
        ("République démocratique du Congo", "CD", NAME),
        ("Congo-Brazzaville", "CG", NAME),
        ("Guinée-Bissau", "GW", NAME),
        ("Guinée équatoriale", "GQ", NAME),
        ("Guinée", "GN", NAME),
        ("Fédération de Russie", "RU", NAME),
        ("Côte d’Ivoire", "CI", NAME),
        ("Cote d'Ivoire", "CI", NAME),
        ("turques", "TR", ADJECTIVE),
        ("grecque", "GR", ADJECTIVE),
        ("sud-africaine", "ZA", ADJECTIVE),
        ("kosovars", "XK", ADJECTIVE),
        ("sahraouie", "EH", ADJECTIVE),
        ("franco", "FR", PREFIX),
    ],
)
def test_lookup(text: str, code: str, kind: str) -> None:
    assert any(f.code == code and f.kind == kind for f in lookup(text)), lookup(text)


@pytest.mark.parametrize(
    ("text", "first", "conditional"),
    [("Congo", "CG", "CD"), ("congolais", "CG", "CD"), ("Corée", "KR", "KP")],
)
def test_ambiguous_forms_list_the_plain_reading_first(text: str, first: str, conditional: str) -> None:
    forms = lookup(text)
    assert forms[0].code == first and not forms[0].conditional
    assert any(f.code == conditional and f.conditional for f in forms)


@pytest.mark.parametrize("text", ["Maurice", "Hollande", "Dominique"])
def test_country_names_that_are_also_given_names_are_guarded(text: str) -> None:
    assert all(f.guarded for f in lookup(text) if f.kind == NAME)


@pytest.mark.parametrize("text", ["Amérique", "Europe", "arabe", "québécois", "chinoiserie", "Washington"])
def test_not_countries(text: str) -> None:
    assert lookup(text) == ()


@given(st.text(max_size=30))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.sampled_from([f.form for f in all_forms()]))
def test_surface_variants_fold_to_the_form(form: str) -> None:
    variants = surface_variants(form)
    assert variants[0] == form
    assert {fold(v) for v in variants} == {fold(form)}


def test_generated_columns_are_up_to_date() -> None:
    """models/countries.tsv is what scripts/build_countries.py makes of CLDR and pycountry."""
    spec = importlib.util.spec_from_file_location("build_countries", ROOT / "scripts" / "build_countries.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (ROOT / "models" / "countries.tsv").read_text(encoding="utf-8")
    assert module.build(current) == current


def test_normaliser_imports_no_spacy() -> None:
    source = Path(countries.__file__).read_text(encoding="utf-8")
    assert "spacy" not in source


# The country matcher of nlpmeet_places on a blank pipeline (tokenizer only: no model entities or tags).


@pytest.fixture(scope="module")
def tagger(blank_nlp: Language) -> PlaceTagger:
    return PlaceTagger(blank_nlp)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le premier ministre libyen est arrivé.", ["LY"]),
        ("Les Libyennes ont manifesté.", ["LY"]),
        ("Les Etats-Unis et le Royaume Uni ont voté contre.", ["US", "GB"]),
        ("Un accord franco-allemand.", ["FR", "DE"]),
        ("Les relations belgo-néerlandaises.", ["BE", "NL"]),
        ("Il parle en russe.", []),
        ("Un groupe nord-américain.", []),
        ("Elle aime le chili.", []),
        ("La RDC et le Congo.", ["CD", "CD"]),
        ("Le Congo a voté.", ["CG"]),
        # an island state as running text writes it ("les îles Salomon") and as its name ("les Îles Salomon")
        ("Le Premier ministre des îles Salomon est arrivé.", ["SB"]),
        ("Les Îles Marshall et les îles Salomon ont voté contre.", ["MH", "SB"]),
        # ... while a state's name that is also a given name keeps its guard
        ("Hier, Dominique de Villepin a parlé.", []),
    ],
)
def test_matcher_on_blank_pipeline(blank_nlp: Language, tagger: PlaceTagger, text: str, expected: list[str]) -> None:
    doc = tagger(blank_nlp(text))
    assert [span._.norm for span in doc.spans[COUNTRIES_GROUP]] == expected
