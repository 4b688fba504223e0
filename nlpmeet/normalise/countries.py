"""Country codes and French names (pure, no spaCy).

The data is ``models/countries.tsv``: one row per sovereign state (UN members plus XK, PS, TW, EH, VA),
French names generated from CLDR/pycountry by ``scripts/build_countries.py`` and curated variants,
adjectives/demonyms (four forms each) and combining prefixes ("franco-").

* :func:`country_name` -- code -> French short name ("LY" -> "Libye").
* :func:`lookup` -- surface form -> the country forms it can be ("libyennes" -> LY adjective).
* :func:`fold` -- the comparison key (case, accents, hyphens and apostrophes folded).
* :func:`surface_variants` -- spelling variants of a form that texts use (no accents, space for hyphen...).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import pycountry

from nlpmeet.resources import load_tsv

COUNTRIES_FILE = "countries.tsv"
# user-assigned or otherwise not in ISO 3166-1 as pycountry ships it, but states for nlpmeet
EXTRA_CODES = frozenset({"XK"})

NAME = "name"
ADJECTIVE = "adjective"
PREFIX = "prefix"


@dataclass(frozen=True)
class CountryForm:
    """One way of writing a reference to a country."""

    form: str  # as written in the data
    code: str  # ISO 3166-1 alpha-2
    kind: str  # NAME, ADJECTIVE or PREFIX
    conditional: bool = False  # only when the document supports this code over the alternatives
    guarded: bool = False  # also a person's name: needs an article/preposition before it
    acronym: bool = False  # all capitals ("USA", "RDC"): matched case-sensitively

    @property
    def key(self) -> str:
        return fold(self.form)


_SPACES = re.compile(r"[-‐‑–\s]+")
_APOSTROPHE_SPACES = re.compile(r"\s*'\s*")


@lru_cache(maxsize=1 << 16)  # memoised per distinct string (token texts recur); bounded for long dumps
def fold(text: str) -> str:
    """Comparison key: NFKD without accents, case-folded, hyphens/apostrophes/white space unified."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = _SPACES.sub(" ", text)
    text = _APOSTROPHE_SPACES.sub("'", text)
    return text.strip()


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def surface_variants(form: str) -> list[str]:
    """The spellings of ``form`` found in running text: as is, without accents (capitals often lose
    them), with a space for a hyphen or a hyphen for a space, with either apostrophe."""
    out: list[str] = []
    bases = [form, strip_accents(form)]
    for base in bases:
        for spaced in (base, base.replace("-", " "), base.replace(" ", "-")):
            for quoted in (spaced, spaced.replace("’", "'"), spaced.replace("'", "’")):
                if quoted not in out:
                    out.append(quoted)
    return out


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _name_form(raw: str, code: str) -> CountryForm:
    conditional = raw.startswith("?")
    guarded = raw.startswith("~")
    form = raw.lstrip("?~")
    acronym = len(form) >= 2 and form.replace(".", "").isupper() and " " not in form
    return CountryForm(form, code, NAME, conditional=conditional, guarded=guarded, acronym=acronym)


@cache
def rows() -> tuple[dict[str, str], ...]:
    return load_tsv(COUNTRIES_FILE)


@cache
def all_forms() -> tuple[CountryForm, ...]:
    """Every name, adjective (each of its forms) and prefix of every state, in file order."""
    out: list[CountryForm] = []
    for row in rows():
        code = row["code"]
        seen: set[tuple[str, bool, bool]] = set()
        for raw in [row["name"], *_split(row["names"]), *_split(row["variants"])]:
            form = _name_form(raw, code)
            if (form.form, form.conditional, form.guarded) in seen:
                continue
            seen.add((form.form, form.conditional, form.guarded))
            out.append(form)
        for group in _split(row["adjectives"]):
            conditional = group.startswith("?")
            for adj in group.lstrip("?").split(","):
                out.append(CountryForm(adj.strip(), code, ADJECTIVE, conditional=conditional))
        for prefix in _split(row["prefixes"]):
            out.append(CountryForm(prefix, code, PREFIX))
    return tuple(out)


@cache
def _by_key() -> dict[str, tuple[CountryForm, ...]]:
    """fold(form) -> forms; the same form listed twice for one state is merged (guarded if either is)."""
    index: dict[str, list[CountryForm]] = {}
    for form in all_forms():
        bucket = index.setdefault(form.key, [])
        for i, other in enumerate(bucket):
            if other.code == form.code and other.kind == form.kind:
                bucket[i] = replace(
                    other,
                    guarded=other.guarded or form.guarded,
                    conditional=other.conditional and form.conditional,
                    acronym=other.acronym and form.acronym,
                )
                break
        else:
            bucket.append(form)
    return {key: tuple(forms) for key, forms in index.items()}


def lookup(text: str) -> tuple[CountryForm, ...]:
    """The country forms a surface string can be (several when ambiguous), unconditional ones first."""
    forms = _by_key().get(fold(text), ())
    return tuple(sorted(forms, key=lambda f: f.conditional))


def adjective_groups(code: str) -> list[list[str]]:
    """The curated adjective groups (masc. sg., fem. sg., masc. pl., fem. pl.) of a state."""
    for row in rows():
        if row["code"] == code:
            return [group.lstrip("?").split(",") for group in _split(row["adjectives"])]
    return []


@cache
def state_codes() -> tuple[str, ...]:
    return tuple(row["code"] for row in rows())


def is_state(code: str | None) -> bool:
    return code in set(state_codes())


def is_valid_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code pycountry knows, or one of the user-assigned codes nlpmeet accepts."""
    return code in EXTRA_CODES or pycountry.countries.get(alpha_2=code) is not None


@cache
def _names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in rows()}


@cache
def country_name(code: str) -> str:
    """French short name for an ISO 3166-1 alpha-2 code ("LY" -> "Libye"); the code itself if unknown."""
    name = _names().get(code)
    if name:
        return name
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country is not None else code


def iter_codes_and_names() -> Iterator[tuple[str, str]]:
    for row in rows():
        yield row["code"], row["name"]
