"""nlpmeet's spaCy components, one registered factory per concern.

Importing this package registers the factories; ``nlpmeet.pipeline.build_nlp`` adds them in order.
"""

from __future__ import annotations

from nlpmeet.components import coref, dates, events, lines, meetings, orgs, people, places, roles  # noqa: F401

# Order matters: later components read what earlier ones wrote.
PIPELINE_ORDER = (
    "nlpmeet_lines",
    "nlpmeet_dates",
    "nlpmeet_places",
    "nlpmeet_orgs",
    "nlpmeet_people",
    "nlpmeet_roles",
    "nlpmeet_coref",
    "nlpmeet_events",
    "nlpmeet_meetings",
)
