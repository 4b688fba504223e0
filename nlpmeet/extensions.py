"""Custom attributes the nlpmeet components share on spaCy objects.

The components communicate only through these attributes and through span groups:

* ``doc.spans[GROUP]`` for each mention category (see the ``*_GROUP`` constants); every span
  carries ``span._.norm`` (the canonical name, ISO code or date value of what it mentions).
* ``Doc._.dct``: publication date (``YYYY-MM-DD``) or None; set by the caller before the pipeline
  runs, or found in the text by the dates component. ``Doc._.dct_source`` says where it came from.
* ``Doc._.people``: person norm -> {"roles": [...], "country": code|None}.
* ``Doc._.coref``: token index -> person norm, for descriptions and pronouns that refer to a person.
  Written by ``nlpmeet_coref`` (after ``nlpmeet_people`` and ``nlpmeet_roles``): a description's key
  is its title's head noun ("secrétaire" in "le secrétaire général"), a pronoun's its own index.
  ``nlpmeet_people`` removes from ORGS_GROUP/LOCATIONS_GROUP a span lying wholly inside a name it
  found after an honorific or a title (the model's "Harlem Désir" as ORG).
* ``Doc._.events``: event norm -> {"date": value|None, "location": name|None}.
* ``Doc._.meetings``: list of {"participants": [person norm, ...], "date", "location",
  "event": event norm|None, "start": char, "end": char}.
* ``Span._.country``: ISO code of a location span, when known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

PEOPLE_GROUP = "nlpmeet_people"
ORGS_GROUP = "nlpmeet_orgs"
COUNTRIES_GROUP = "nlpmeet_countries"
LOCATIONS_GROUP = "nlpmeet_locations"
DATES_GROUP = "nlpmeet_dates"
EVENTS_GROUP = "nlpmeet_events"
ROLES_GROUP = "nlpmeet_roles"

GROUPS = (PEOPLE_GROUP, ORGS_GROUP, COUNTRIES_GROUP, LOCATIONS_GROUP, DATES_GROUP, EVENTS_GROUP, ROLES_GROUP)


def register() -> None:
    """Register the attributes once (idempotent)."""
    doc_attrs = {
        "dct": None,
        "dct_source": None,
        "people": None,
        "coref": None,
        "events": None,
        "meetings": None,
    }
    for name, default in doc_attrs.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("norm", "country"):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_span_getter(name), setter=_span_setter(name))


# Span attributes are keyed by (offsets, label), not by offsets alone as spaCy's default does: two groups
# may hold spans on the same characters with different values (the country "Fédération de Russie" -> RU
# and the organisation of the same text; "franco-allemand" split into FR and DE). Set and read them on
# the span objects of the group (or spans with the same label).
def _span_key(name: str, span: Span) -> tuple[str, str, int, int, int]:
    return ("nlpmeet._.", name, span.start_char, span.end_char, span.label)


def _user_data(span: Span) -> dict[Any, Any]:
    data: dict[Any, Any] = span.doc.user_data
    return data


def _span_getter(name: str) -> Callable[[Span], Any]:
    return lambda span: _user_data(span).get(_span_key(name, span))


def _span_setter(name: str) -> Callable[[Span, Any], None]:
    def setter(span: Span, value: Any) -> None:
        _user_data(span)[_span_key(name, span)] = value

    return setter


register()
