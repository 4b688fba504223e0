"""Country codes and French short names (pure, no spaCy)."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def country_name(code: str) -> str:
    """French short name for an ISO 3166-1 alpha-2 code (falls back to the English name)."""
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country is not None else code
