"""nlpmeet_places: countries (ISO codes, also from adjectives) and other locations."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import COUNTRIES_GROUP, LOCATIONS_GROUP


@Language.factory("nlpmeet_places")
def make_places(nlp: Language, name: str) -> PlaceTagger:
    return PlaceTagger()


class PlaceTagger:
    def __call__(self, doc: Doc) -> Doc:
        locations = []
        for ent in doc.ents:
            if ent.label_ == "LOC":
                ent._.norm = ent.text
                locations.append(ent)
        doc.spans[COUNTRIES_GROUP] = []
        doc.spans[LOCATIONS_GROUP] = locations
        return doc
