"""Custom attributes the nlpmeet components share on spaCy objects.

The components communicate only through these attributes and through span groups:

* ``doc.spans[GROUP]`` for each mention category (see the ``*_GROUP`` constants); every span
  carries ``span._.norm`` (the canonical name, ISO code or date value of what it mentions).
* ``Doc._.dct``: publication date (``YYYY-MM-DD``) or None; set by the caller before the pipeline
  runs, or found in the text by the dates component. ``Doc._.dct_source`` says where it came from.
* ``Doc._.people``: person norm -> {"roles": [...], "country": code|None}.
* ``Doc._.coref``: token index -> person norm, for descriptions and pronouns that refer to a person.
* ``Doc._.events``: event norm -> {"date": value|None, "location": name|None}.
* ``Doc._.meetings``: list of {"participants": [person norm, ...], "date", "location",
  "event": event norm|None, "start": char, "end": char}.
* ``Span._.country``: ISO code of a location span, when known.
"""

from __future__ import annotations

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
            Span.set_extension(name, default=None)


register()
