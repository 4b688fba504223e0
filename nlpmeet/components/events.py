"""nlpmeet_events: named events (sessions, summits, conferences, exercises, elections, visits)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import EVENTS_GROUP


@Language.factory("nlpmeet_events")
def make_events(nlp: Language, name: str) -> EventTagger:
    return EventTagger()


class EventTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[EVENTS_GROUP] = []
        doc._.events = {}
        return doc
