"""nlpmeet_meetings: encounters between named people, with date, place and event."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("nlpmeet_meetings")
def make_meetings(nlp: Language, name: str) -> MeetingFinder:
    return MeetingFinder()


class MeetingFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.meetings = []
        return doc
