"""nlpmeet_people: named people, their roles, and coreference of titles and pronouns."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import PEOPLE_GROUP, ROLES_GROUP


@Language.factory("nlpmeet_people")
def make_people(nlp: Language, name: str) -> PeopleTagger:
    return PeopleTagger()


class PeopleTagger:
    def __call__(self, doc: Doc) -> Doc:
        spans = [ent for ent in doc.ents if ent.label_ == "PER"]
        # Group short forms with the longest name that ends with them.
        names = sorted({s.text for s in spans}, key=len, reverse=True)
        for span in spans:
            full = next((n for n in names if n == span.text or n.endswith(" " + span.text)), span.text)
            span._.norm = full
        doc.spans[PEOPLE_GROUP] = spans
        doc.spans[ROLES_GROUP] = []
        doc._.people = {s._.norm: {"roles": [], "country": None} for s in spans}
        doc._.coref = {}
        return doc
