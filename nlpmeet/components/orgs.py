"""nlpmeet_orgs: organisations with canonical short names."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.extensions import ORGS_GROUP


@Language.factory("nlpmeet_orgs")
def make_orgs(nlp: Language, name: str) -> OrgTagger:
    return OrgTagger()


class OrgTagger:
    def __call__(self, doc: Doc) -> Doc:
        orgs = []
        for ent in doc.ents:
            if ent.label_ == "ORG":
                ent._.norm = ent.text
                orgs.append(ent)
        doc.spans[ORGS_GROUP] = orgs
        return doc
