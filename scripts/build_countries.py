#!/usr/bin/env python3
"""Regenerate the generated columns of models/countries.tsv from Babel (CLDR) and pycountry.

usage: python scripts/build_countries.py [--check]

The file has one row per sovereign state. Two columns are generated here and must not be edited by hand:

* ``name``: the French short name, CLDR ``fr`` territory name (a parenthesised alternative such as
  "Myanmar (Birmanie)" is cut off), unless the curated ``preferred`` column gives one;
* ``names``: every French name form the sources know, '|'-separated: CLDR territory names in the
  French locales (fr, fr_CA, fr_BE, fr_CH) and pycountry's French translations of the ISO 3166-1
  name, official name and common name (ISO's inverted "Corée, République de" forms are turned
  around to "République de Corée"; an inverted form not ending in a preposition is left out).

The curated columns (``preferred``, ``variants``, ``adjectives``, ``prefixes``) and the comment header are
kept verbatim. ``--check`` exits 1 when the file is not up to date (for CI).
Needs the ``dev`` extra (babel).
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from pathlib import Path

import pycountry
from babel import Locale

PATH = Path(__file__).resolve().parent.parent / "models" / "countries.tsv"
LOCALES = ("fr", "fr_CA", "fr_BE", "fr_CH")
COLUMNS = ("code", "name", "preferred", "names", "variants", "adjectives", "prefixes")
# An inverted ISO name "X, Y" is read as "Y X" when Y ends in one of these (ISO's own convention).
_INVERTED_TAIL = re.compile(r"(?:^|\s)(?:de|du|des|d['’])$", re.IGNORECASE)


def _clean(name: str) -> str:
    name = unicodedata.normalize("NFC", name.replace("\u2011", "-"))
    name = re.sub(r"\s+", " ", name).strip()
    return re.sub(r"^[Ll]['’]", "", name)  # an elided leading article is not part of the name


def _uninvert(name: str) -> str | None:
    if "," not in name:
        return name
    head, _, tail = name.partition(",")
    tail = tail.strip()
    if not _INVERTED_TAIL.search(tail):
        return None
    sep = "" if tail.endswith(("'", "’")) else " "
    return f"{tail}{sep}{head.strip()}"


def cldr_names(code: str) -> list[str]:
    names = []
    for loc in LOCALES:
        value = Locale.parse(loc).territories.get(code)
        if value:
            names.append(_clean(value))
    return names


def pycountry_names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    out = []
    for attr in ("name", "official_name", "common_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        name = _uninvert(_clean(fr.gettext(value)))
        if name:
            out.append(name)
    return out


def split_alternatives(name: str) -> list[str]:
    """ "Myanmar (Birmanie)" -> ["Myanmar", "Birmanie"]."""
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    return [match.group(1), match.group(2)] if match else [name]


def generate(code: str, preferred: str) -> tuple[str, list[str]]:
    forms: list[str] = []
    for raw in cldr_names(code) + pycountry_names(code):
        for form in split_alternatives(raw):
            if form.casefold() not in {f.casefold() for f in forms}:
                forms.append(form)
    if not forms and not preferred:
        raise SystemExit(f"{code}: no French name in CLDR or pycountry")
    cldr = cldr_names(code)
    name = preferred or (split_alternatives(cldr[0])[0] if cldr else forms[0])
    return name, forms


def build(text: str) -> str:
    header: list[str] = []
    out: list[str] = []
    columns: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            (out if columns else header).append(line)
            continue
        cells = line.split("\t")
        if columns is None:
            columns = cells
            if tuple(columns) != COLUMNS:
                raise SystemExit(f"unexpected header {columns}")
            out.append(line)
            continue
        row = dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))
        row["name"], names = generate(row["code"], row["preferred"])
        row["names"] = "|".join(names)
        out.append("\t".join(row[c] for c in COLUMNS))
    return "\n".join(header + out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if models/countries.tsv is stale")
    args = parser.parse_args()
    current = PATH.read_text(encoding="utf-8")
    new = build(current)
    if args.check:
        if new != current:
            print("models/countries.tsv is stale: run scripts/build_countries.py", file=sys.stderr)
            return 1
        return 0
    PATH.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
