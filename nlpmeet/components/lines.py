"""nlpmeet_lines: the model's entities end at a line break.

A name never runs over a line break: a heading, a dateline and the first paragraph are separate lines
("Ministère des Armées – Communiqué" / "Paris, le 8 février 2024"), but the model may read them as one
entity ("Ministère des Armées – Communiqué\\n\\nParis"). Such an entity is cut at its line breaks and a
piece is kept, with the entity's label, only when it opens with a proper noun ("Paris", "Bruxelles"): a
piece opening with a common noun is a heading ("Communiqué de presse", "Ministère des Armées –
Communiqué"), which the rule components read by their own lexicons and patterns, not as the model's entity.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlpmeet.components.tokens import TokenTable


@Language.factory("nlpmeet_lines")
def make_lines(nlp: Language, name: str) -> LineCutter:
    return LineCutter()


class LineCutter:
    def __call__(self, doc: Doc) -> Doc:
        table = TokenTable.of(doc)
        texts = table.texts  # (a line break is a white-space token of its own: a token's trailing space is " ")
        ents = doc.ents
        if not any("\n" in texts[i] for e in ents for i in range(e.start, e.end - 1)):
            return doc  # (also when the last token of an entity is followed by a line break: nothing to cut)
        out: list[Span] = []
        for ent in ents:
            start = ent.start
            pieces: list[Span] = []
            for i in range(ent.start, ent.end):
                if "\n" in texts[i]:  # the white-space token holding the break
                    pieces += self._piece(doc, start, i, ent)
                    start = i + 1
            pieces += self._piece(doc, start, ent.end, ent)
            if len(pieces) == 1 and pieces[0].start == ent.start and pieces[0].end == ent.end:
                out += pieces
            else:
                out += [p for p in pieces if table.pos[p.start] == "PROPN"]
        doc.ents = out
        return doc

    @staticmethod
    def _piece(doc: Doc, start: int, end: int, ent: Span) -> list[Span]:
        while start < end and (doc[start].is_space or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
            end -= 1
        if start >= end or not any(c.isalpha() for t in doc[start:end] for c in t.text):
            return []
        return [Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)]
