"""nlpmeet_coref: definite descriptions and subject pronouns that refer to a named person.

Writes ``Doc._.coref`` = {token index: person norm}:

* a description with a title that is not attached to a name ("le secrétaire général a déclaré",
  "la chancelière") -> the person holding that role in the document (the last one mentioned
  before it, else the first one after); key = the index of the title's head noun;
* "il"/"elle" as subject (a third-person singular personal pronoun by the parser's morphology,
  not an impersonal "il faut", "il y a") -> the last person subject before it (in practice the
  previous sentence's); key = the pronoun's index.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlpmeet.components.lexicon import TitleFinder, TitlePhrase, lexicon
from nlpmeet.components.roles import describes, is_subject, person_index, titles_compatible
from nlpmeet.components.tokens import TokenTable
from nlpmeet.extensions import ROLES_GROUP
from nlpmeet.normalise.names import fold

IMPERSONAL_PASSIVE_DEPS = frozenset({"expl:subj", "nsubj:pass"})
SUBJECT_DEPS = ("nsubj", "nsubj:pass")


@Language.factory("nlpmeet_coref")
def make_coref(nlp: Language, name: str) -> CorefResolver:
    return CorefResolver()


class CorefResolver:
    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        people: dict[str, Any] = doc._.people or {}
        persons = person_index(doc)
        finder = TitleFinder(doc, lex, set(persons))
        coref: dict[int, str] = {}
        first_mention: dict[str, int] = {}
        for span in sorted({id(s): s for s in persons.values()}.values(), key=lambda s: s.start):
            first_mention.setdefault(span._.norm, span.start)
        for ph in finder.find_all():
            if ph.counterpart or ph.plural or not self._is_description(doc, finder, ph, persons):
                continue  # (a plural description, "les ministres", is a group, not one person named before)
            norm = self._holder(ph, people, persons, first_mention)
            if norm is not None:
                coref[ph.head] = norm
        if doc.has_annotation("DEP") and doc.has_annotation("MORPH"):
            self._pronouns(doc, finder, persons, coref)
        doc._.coref = coref
        return doc

    @staticmethod
    def _is_description(doc: Doc, finder: TitleFinder, ph: TitlePhrase, persons: dict[int, Span]) -> bool:
        """A title after a determiner, with no name attached right after it."""
        if ph.start == 0 or finder.gclass(ph.start - 1)[1] != "det":
            return False
        j = ph.end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        while j < len(doc) and finder.words.phrase(finder.lex.honorifics, j)[0]:
            j += finder.words.phrase(finder.lex.honorifics, j)[0]
        return not (j < len(doc) and j in persons)

    @staticmethod
    def _holder(
        ph: TitlePhrase, people: dict[str, Any], persons: dict[int, Span], first_mention: dict[str, int]
    ) -> str | None:
        affiliations = {(o, c) for o, c in ph.affiliations} | {(None, c) for c in ph.countries}
        holders = []
        for norm, info in people.items():
            for role in info.get("roles", []):
                # "le chef de l'État" refers to "le président de la République X" (models/title_descriptions.tsv)
                described = describes(ph.title, role)
                if not described and not titles_compatible(fold(role["title"]), fold(ph.title)):
                    continue
                if any(
                    (o is None or o == role["org"])
                    and (c is None or c == role["country"] or (described and role["country"] is None))
                    for o, c in affiliations
                ):
                    holders.append(norm)
                    break
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        # several holders ("le secrétaire général" of NATO and of the UN): the one the text is
        # about (most mentions), then the one mentioned last before the description
        # a description without a country ("le chef de l'État") is the home one: a holder whose
        # role states no country before a foreign one known by it ("son homologue algérien")
        bare = not any(c for _, c in affiliations)
        home = {n for n in holders if any(r["country"] is None for r in people[n].get("roles", []))}
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        for span in {id(s): s for s in persons.values()}.values():
            counts[span._.norm] = counts.get(span._.norm, 0) + 1
            if span.start < ph.start:
                last[span._.norm] = max(last.get(span._.norm, -1), span.start)
        return max(
            holders,
            key=lambda n: (
                counts.get(n, 0),
                bare and n in home,
                last.get(n, -1),
                -first_mention.get(n, 1 << 30),
            ),
        )

    def _pronouns(self, doc: Doc, finder: TitleFinder, persons: dict[int, Span], coref: dict[int, str]) -> None:
        last_subject: str | None = None
        first_person: str | None = None  # the sentence's first person, while no verb has come
        seen_subject = seen_verb = False
        table = TokenTable.of(doc)
        pos = table.pos
        starts = doc.to_array(SENT_START).tolist() if len(doc) else []
        # a paragraph or line break ends a sentence, whatever the parser joined over it
        broken = [i > 0 and ("\n" in table.texts[i - 1] or "\n" in table.ws[i - 1]) for i in range(len(doc))]
        # the participles of a title ("le ministre délégué chargé de ...") are no clause verb
        in_title = {i for s in doc.spans.get(ROLES_GROUP, []) for i in range(s.start, s.end)}
        for i, part in enumerate(pos):
            if starts[i] == 1 or broken[i]:  # Token.is_sent_start
                first_person, seen_subject, seen_verb = None, False, False
            span = persons.get(i)
            if span is None and i not in coref and part not in ("VERB", "AUX", "PRON"):
                continue  # nothing below reads this token
            tok = doc[i]
            if span is not None and tok.i == span.root.i and is_subject(span):
                # a subject coordinated with another person ("X et Y ont été invités") is plural:
                # no antecedent of a singular "il"/"elle"
                if not self._coordinated(span, persons):
                    last_subject = span._.norm
                seen_subject = True
                continue
            if tok.i in coref and tok.dep_ in SUBJECT_DEPS:
                last_subject, seen_subject = coref[tok.i], True
                continue
            if span is not None:
                if first_person is None and not seen_verb:
                    first_person = span._.norm
                continue
            if tok.pos_ in ("VERB", "AUX") and not seen_verb and i not in in_title:
                seen_verb = True
                # a misparsed sentence: the person before the first verb is its subject
                if not seen_subject and first_person is not None:
                    last_subject = first_person
            if self._subject_pronoun(tok, finder) and last_subject is not None:
                coref[tok.i] = last_subject

    @staticmethod
    def _coordinated(span: Span, persons: dict[int, Span]) -> bool:
        """The subject phrase of this person has a conjunct holding another person."""
        tok = span.root
        for _ in range(3):
            if tok.dep_ in SUBJECT_DEPS:
                break
            tok = tok.head
        else:
            return False
        return any(
            child.dep_ == "conj" and any(persons.get(t.i) not in (None, span) for t in child.subtree)
            for child in tok.children
        )

    @staticmethod
    def _subject_pronoun(tok: Token, finder: TitleFinder) -> bool:
        if tok.pos_ != "PRON":
            return False
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        # a pronominal verb ("il s'est entretenu", "elle s'est rendue"): a personal subject, though
        # the parser may call it expletive; "il s'agit" is ruled out by the impersonal lemmas below
        reflexive = nxt is not None and "Reflex=Yes" in str(nxt.morph)
        modal = nxt is not None and finder.lex.grammar.get(nxt.lemma_) == "modal"
        if not reflexive and modal and nxt is not None and nxt.i + 1 < len(tok.doc):
            # "Il doit s'entretenir vendredi avec X", "Elle va se rendre à Rome": a modal before a pronominal
            # infinitive, whose subject is personal though the parser may call it expletive
            reflexive = "Reflex=Yes" in str(tok.doc[nxt.i + 1].morph)
        # "Il y rencontrera X": a personal subject before the clitic "y", though the parser may call it
        # expletive; not the "il" of "il y a"
        locative = nxt is not None and finder.lex.grammar.get(nxt.lower_) == "locative_clitic"
        if locative and finder.lex.grammar.get(tok.head.lemma_) == "existential":
            return False
        if not (tok.dep_ in SUBJECT_DEPS or (reflexive or locative) and tok.dep_ == "expl:subj"):
            return False
        morph = tok.morph.to_dict()
        if morph.get("Person") != "3" or morph.get("Number") != "Sing" or morph.get("PronType", "Prs") != "Prs":
            return False
        if not tok.text.isalpha() or "Gender" not in morph:  # "on" has no gender
            return False
        head = tok.head
        if finder.lex.grammar.get(head.lemma_) == "impersonal":
            return False
        if tok.dep_ in IMPERSONAL_PASSIVE_DEPS and any(
            c.dep_ == "iobj" and c.pos_ == "PRON" and not (locative and c.i == tok.i + 1) for c in head.children
        ):
            return False  # an impersonal passive: "Il lui est reproché de …", "Il leur a été demandé de …"
        if reflexive or locative:
            return True
        return not (nxt is not None and nxt.pos_ == "PRON" and nxt.dep_.startswith("expl"))
