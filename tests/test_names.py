"""nlpmeet.normalise.names and .titles: pure name and title keys (no spaCy)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlpmeet.normalise.names import fold, fullest, is_part, name_key, strip_honorifics, words
from nlpmeet.normalise.titles import PhraseTable, join_title, phrase_key, word_key
from nlpmeet.resources import load_tsv

HONORIFICS = [row["form"] for row in load_tsv("honorifics.tsv")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M. Jens Stoltenberg", "Jens Stoltenberg"),
        ("Mme Angela Merkel", "Angela Merkel"),
        ("S.E.M. Jean Ping", "Jean Ping"),
        ("S.E. Ali Treki", "Ali Treki"),
        ("Son Excellence M. Ali Treki", "Ali Treki"),
        ("l’honorable Mélanie Joly", "Mélanie Joly"),
        ("Dr Abiy Ahmed", "Abiy Ahmed"),
        ("Sa Majesté le roi", "le roi"),
        ("Marine Le Pen", "Marine Le Pen"),
        ("Mme", "Mme"),  # nothing left: keep the text
        ("Melania Trump", "Melania Trump"),  # "Me" is not a prefix of a word
    ],
)
def test_strip_honorifics(text: str, expected: str) -> None:
    assert strip_honorifics(text, HONORIFICS) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("António Guterres", "Antonio Guterres"),
        ("Nicolas SARKOZY", "Nicolas Sarkozy"),
        ("Fayez Al-Sarraj", "Fayez Al Sarraj"),
        ("Jean-Yves Le Drian", "Jean Yves Le Drian"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
    ],
)
def test_same_name_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Stoltenberg", "Jens Stoltenberg", True),
        ("de Hoop Scheffer", "Jaap de Hoop Scheffer", True),
        ("Moussa Faki", "Moussa Faki Mahamat", True),
        ("Sarraj", "Fayez Al-Sarraj", True),
        ("Jens Stoltenberg", "Jens Stoltenberg", False),  # same, not shorter
        ("Hollande", "Jens Stoltenberg", False),
        ("Jens Stoltenberg", "Stoltenberg", False),
    ],
)
def test_is_part(short: str, full: str, expected: bool) -> None:
    assert is_part(name_key(short), name_key(full)) is expected


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["Stoltenberg", "Jens Stoltenberg", "Stoltenberg"], "Jens Stoltenberg"),
        (["Angela MERKEL", "Angela Merkel", "Merkel"], "Angela Merkel"),
        (["HARPER"], "HARPER"),
        (["António Guterres", "Antonio Guterres", "António Guterres"], "António Guterres"),
    ],
)
def test_fullest(forms: list[str], expected: str) -> None:
    assert fullest(forms) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secrétaires généraux", ("secretaire", "general")),
        ("ministres", ("ministre",)),
        ("chef d’état-major", ("chef", "d", "etat", "major")),
        ("Ambassadrices", ("ambassadrice",)),
        ("à", ("à",)),  # the preposition stays apart from the verb "a"
        ("a", ("a",)),
    ],
)
def test_phrase_key(text: str, expected: tuple[str, ...]) -> None:
    assert phrase_key(text) == expected


def test_phrase_table_longest_match() -> None:
    table = PhraseTable([("ministre", 1), ("premier ministre", 2), ("vice-premier ministre", 3)])
    keys = [word_key(w) for w in words("le Vice-Premier Ministre et ministre")]
    assert table.match(keys, 1) == (3, 3)
    assert table.match(keys, 2) == (2, 2)
    assert table.match(keys, 5) == (1, 1)
    assert table.match(keys, 0) == (0, None)


def test_join_title() -> None:
    assert join_title([("Ministre", " "), ("des", " "), ("Affaires", " "), ("étrangères", "")]) == (
        "ministre des affaires étrangères"
    )
    assert join_title([("Chef", " "), ("de", " "), ("l’", ""), ("État", " ")]) == "chef de l'état"


NAME_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèçöü", min_size=2, max_size=8).map(str.capitalize)


@given(st.lists(NAME_WORD, min_size=1, max_size=4))
def test_name_key_ignores_case_and_accents(parts: list[str]) -> None:
    name = " ".join(parts)
    assert name_key(name) == name_key(name.upper()) == name_key(fold(name))


@given(st.lists(NAME_WORD, min_size=2, max_size=4))
def test_family_name_is_part_of_full_name(parts: list[str]) -> None:
    full = " ".join(parts)
    assert is_part(name_key(parts[-1]), name_key(full))
    assert fullest([parts[-1], full, parts[-1]]) == full


# a name's words are no honorifics themselves ("Me", "Dr" would be read as a second honorific: "M. Me Aa")
HONORIFIC_WORDS = {w.lower().rstrip(".") for form in HONORIFICS for w in form.split()}
PLAIN_NAME_WORD = NAME_WORD.filter(lambda w: w.lower() not in HONORIFIC_WORDS)


@given(st.sampled_from(HONORIFICS), st.lists(PLAIN_NAME_WORD, min_size=1, max_size=3))
def test_strip_any_honorific(honorific: str, parts: list[str]) -> None:
    name = " ".join(parts)
    stripped = strip_honorifics(f"{honorific} {name}", HONORIFICS)
    assert name_key(stripped) == name_key(name) or name_key(stripped)[-len(parts) :] == name_key(name)
