"""nlpmeet_dates: French date and time expressions as spans with an ISO value."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import DATES_GROUP


@Language.factory("nlpmeet_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    return DateTagger()


class DateTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[DATES_GROUP] = []
        return doc
