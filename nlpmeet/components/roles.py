"""nlpmeet_roles: the functions the text attaches directly to named people (spec/annotation.md, Roles).

Constructions (the title phrase grammar is in :mod:`nlpmeet.components.lexicon`):

* title before the name: "le président Macron", "le premier ministre libyen, Fayez Al-Sarraj";
  plural: "les ministres russe et français des Affaires étrangères, Sergueï Lavrov et Jean-Yves
  Le Drian" (the adjectives' countries go to the names in order);
* apposition after the name: "Fayez Al-Sarraj, premier ministre libyen";
* predicate: "X, qui est ministre de ...", "X a été nommé premier ministre", "X, en tant que ...";
* counterpart: "son homologue de l'OSCE, Thomas Greminger" takes the title of the person it is the
  counterpart of (the previous person of the sentence who has a role), with the phrase's own
  organisation or country.

A description that only refers back to someone ("le secrétaire général a déclaré") adds no role:
it is left to nlpmeet_coref. Writes ``Doc._.people[norm]["roles"]``, the person's ``country`` (the
country a role of theirs represents) and ROLES_GROUP spans (``_.norm`` = title).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlpmeet.components.lexicon import TitleFinder, TitlePhrase, lexicon
from nlpmeet.extensions import PEOPLE_GROUP, ROLES_GROUP
from nlpmeet.normalise.names import fold, words
from nlpmeet.resources import load_tsv

Role = dict[str, Any]
MAX_PREDICATE = 8
FRONTED_GAP = 4  # tokens between a fronted appointment participle and its title ("Nommé mardi 6 mai ministre …")
PARENTHESIS = 5  # tokens inside the parentheses after a person in a list ("Maxime Prévot (Les Engagés)")
MAX_FRONTED = 16  # tokens from a fronted title to the comma before its holder (over "dans le gouvernement de X")
MAX_WHERE = 12  # tokens between a title and "où", and between "où" and the organisation or country before it


@Language.factory("nlpmeet_roles")
def make_roles(nlp: Language, name: str) -> RoleTagger:
    return RoleTagger()


def titles_compatible(a: str, b: str) -> bool:
    """Same function, one title a word-prefix of the other ("ministre" / "ministre des finances")."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


@cache
def _title_descriptions() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Folded description -> (folded title, needs a country) of models/title_descriptions.tsv."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for row in load_tsv("title_descriptions.tsv"):
        out.setdefault(fold(row["description"]), []).append((fold(row["title"]), row["needs_country"] == "yes"))
    return {k: tuple(v) for k, v in out.items()}


def describes(description: str, role: Role) -> bool:
    """A description by function ("le chef de l'État") refers to the holder of ``role`` ("président de la
    république"; "président" of a state only, with its country)."""
    title = fold(role["title"])
    # the holder's title is the fitting one or a longer one starting with it ("ministre des affaires
    # étrangères et de la coopération", an enumerated portfolio "ministre des affaires étrangères, de la migration
    # et des tunisiens à l'étranger"); a shorter one is not: a bare "président" fits "président de la
    # république" only as the president of a state, with its country
    return any(
        (title == fitting or title.startswith((fitting + " ", fitting + ",")))
        and (role.get("country") or not needs_country)
        for fitting, needs_country in _title_descriptions().get(fold(description), ())
    )


def _content(title: str) -> list[str]:
    return [w for w in words(title) if len(w) > 3]


def same_function(a: str, b: str) -> bool:
    """Same function: one title a word-prefix of the other, or the same head with a portfolio
    that the other includes ("ministre des affaires étrangères" / "ministre de l'europe et des
    affaires étrangères")."""
    if titles_compatible(a, b):
        return True
    wa, wb = words(a), words(b)
    if not wa or not wb or wa[0] != wb[0]:
        return False
    ca, cb = set(_content(a)), set(_content(b))
    return len(ca) > 1 and len(cb) > 1 and (ca <= cb or cb <= ca)


def merge_role(roles: list[Role], new: Role) -> None:
    """Add ``new`` to ``roles`` unless it restates one of them (then keep the fuller of the two)."""
    for old in roles:
        if not same_function(old["title"], new["title"]):
            continue
        aff_old = {k: old[k] for k in ("org", "country") if old[k]}
        aff_new = {k: new[k] for k in ("org", "country") if new[k]}
        if aff_old.items() <= aff_new.items() or aff_new.items() <= aff_old.items():
            if len(new["title"]) > len(old["title"]):
                old["title"] = new["title"]
            for k in ("org", "country"):
                old[k] = old[k] or new[k]
            return
    roles.append(dict(new))


SUBJECT_DEPS = ("nsubj", "nsubj:pass")
NAME_DEPS = ("appos", "flat:name", "flat", "nmod", "amod", "compound")


def is_subject(span: Span) -> bool:
    """The mention is its clause's subject, alone or inside a title phrase ("Le Premier ministre
    indien Narendra Modi a été reçu": the parser makes "ministre" the subject, the name hangs on it)."""
    tok = span.root
    for _ in range(3):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ not in NAME_DEPS or tok.head is tok:
            return False
        tok = tok.head
    return False


def person_index(doc: Doc) -> dict[int, Span]:
    """Token index -> person mention covering it."""
    index: dict[int, Span] = {}
    for span in doc.spans[PEOPLE_GROUP] if PEOPLE_GROUP in doc.spans else []:
        for i in range(span.start, span.end):
            index[i] = span
    return index


def _where(finder: TitleFinder, i: int) -> bool:
    return finder.gclass(i)[1] == "where"


class RoleTagger:
    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        people = doc._.people if doc._.people is not None else {}
        for info in people.values():
            info.setdefault("roles", [])
            info.setdefault("country", None)
        persons = person_index(doc)
        finder = TitleFinder(doc, lex, set(persons))
        phrases = finder.find_all()
        spans: list[Span] = []
        counterparts: list[TitlePhrase] = []
        found: list[tuple[TitlePhrase, list[tuple[Span, str | None]], bool]] = []
        for ph in phrases:
            if ph.counterpart:
                counterparts.append(ph)
                continue
            holders, after = self._holders(doc, finder, ph, persons)
            found.append((ph, holders, after))
        self._chain(doc, finder, found)
        for ph, holders, _after in found:
            if holders and ph.affiliations == [(None, None)] and not ph.countries:
                where = self._place_of_encounter(doc, finder, ph) or self._possessor(doc, finder, ph)
                if where is not None:
                    ph.affiliations = [where]
        for ph, holders, _after in found:
            for mention, country in holders:
                self._attach(people, mention._.norm, ph, country)
            if holders:
                spans.append(self._span(doc, ph))
        for ph in counterparts:
            holders, _ = self._holders(doc, finder, ph, persons)
            found_owner = self._owner(doc, ph, persons, people, phrases)
            if found_owner is None:
                continue
            owner, title = found_owner
            for mention, country in holders:
                if mention._.norm == owner:
                    continue
                for org, aff_country in ph.affiliations:
                    role = {"title": title, "org": org, "country": aff_country or country}
                    merge_role(people[mention._.norm]["roles"], role)
                    self._set_country(people, mention._.norm, role)
                spans.append(self._span(doc, ph, title))
        for norm, info in people.items():
            if info["country"] is None:
                info["country"] = next((r["country"] for r in info["roles"] if r["country"]), None)
            people[norm] = info
        doc._.people = people
        doc.spans[ROLES_GROUP] = spans
        return doc

    @staticmethod
    def _place_of_encounter(doc: Doc, finder: TitleFinder, ph: TitlePhrase) -> tuple[str | None, str | None] | None:
        """A title with no complement of its own, in a clause opened by "où" right after an organisation or
        a country named in the sentence, belongs to it: "il s'est rendu au siège de l'OTAN le 8 juin, où il
        a rencontré le secrétaire général, Jaap de Hoop Scheffer" (OTAN); "une visite d'État au Brésil, où
        il retrouvera le président Lula" (BR). Spec: the role's sentence states the affiliation."""
        first = ph.start  # the sentence's first token (a blank pipeline has no sentences: the whole window)
        while first > max(0, ph.start - 2 * MAX_WHERE) and not doc[first].is_sent_start:
            first -= 1
        window = range(ph.start - 1, max(first, ph.start - MAX_WHERE) - 1, -1)
        where = next((i for i in window if _where(finder, i)), None)
        if where is None:
            return None
        for i in range(where - 1, max(first, where - MAX_WHERE) - 1, -1):
            named = RoleTagger._affiliation_named_at(doc, finder, i)
            if named is not None:
                return named
        return None

    @staticmethod
    def _affiliation_named_at(doc: Doc, finder: TitleFinder, i: int) -> tuple[str | None, str | None] | None:
        """(organisation, None) or (None, country) when token ``i`` is inside an organisation or a country
        name written with a capital (not a lower-case adjective)."""
        org = finder.spans.org.get(i)
        if org is not None:
            return org._.norm or org.text, None
        country = finder.spans.country.get(i)
        if country is not None and doc[country.start].text[:1].isupper():
            return None, country._.norm
        return None

    @staticmethod
    def _possessor(doc: Doc, finder: TitleFinder, ph: TitlePhrase) -> tuple[str | None, str | None] | None:
        """A title with no complement of its own after a possessive determiner belongs to the organisation or
        country named last before it in the sentence, with no person between: "reçu au siège du conseil régional
        des Hauts-de-France par son président, Xavier Bertrand"; "la France et son président". Spec: the role's
        sentence states the affiliation (no verb between: another clause's organisation is not the possessor)."""
        det = ph.start - 1
        if det < 0 or doc[det].pos_ != "DET" or "Yes" not in doc[det].morph.get("Poss", []):
            return None
        for i in range(det - 1, max(-1, det - 1 - MAX_WHERE), -1):
            if i in finder.person_tokens or doc[i].pos_ in {"VERB", "AUX"} or doc[i + 1].is_sent_start:
                return None  # (the possessor is of the same clause: "X, président de Renault, est venu avec son
                # conseiller" is X's adviser)
            named = RoleTagger._affiliation_named_at(doc, finder, i)
            if named is not None:
                return named
        return None

    @staticmethod
    def _span(doc: Doc, ph: TitlePhrase, title: str | None = None) -> Span:
        span = doc[ph.start : ph.end]
        span._.norm = title or ph.title
        return span

    @staticmethod
    def _set_country(people: dict[str, Any], norm: str, role: Role) -> None:
        if people[norm].get("country") is None and role.get("country"):
            people[norm]["country"] = role["country"]

    def _attach(self, people: dict[str, Any], norm: str, ph: TitlePhrase, country: str | None) -> None:
        info = people.setdefault(norm, {"roles": [], "country": None})
        affiliations = ph.affiliations
        if country is not None and any(c == country for _o, c in affiliations):
            # a name of a plural phrase gets its own country complement only
            affiliations = [(o, c) for o, c in affiliations if c == country]
        for org, aff_country in affiliations:
            merge_role(info["roles"], {"title": ph.title, "org": org, "country": aff_country or country})

    def _holders(
        self, doc: Doc, finder: TitleFinder, ph: TitlePhrase, persons: dict[int, Span]
    ) -> tuple[list[tuple[Span, str | None]], bool]:
        """The people the phrase is attached to, each with the country the phrase gives them,
        and whether the names follow the title."""
        single = ph.countries[0] if len(set(ph.countries)) == 1 else None
        # title before the name(s)
        after = self._names_after(doc, finder, ph, persons)
        if after and self._bare_apposition(doc, finder, ph, persons):
            # "Alassane Ouattara, Président de la République de Côte d'Ivoire, Nana Akufo-Addo, Président de la
            # République du Ghana": a title with no determiner between two names describes the one before it
            after = []
        if after:
            if ph.plural and len(ph.countries) == len(after) > 1:
                return list(zip(after, ph.countries, strict=True)), True
            # "les ministres des Affaires étrangères de l'Arménie et de l'Azerbaïdjan, X et Y":
            # the coordinated country complements go to the names in order
            complements = [c for _o, c in ph.affiliations]
            if ph.plural and len(after) > 1 and len(complements) == len(after) and len(set(complements)) == len(after):
                if all(complements) and not ph.countries:
                    return list(zip(after, complements, strict=True)), True
            return [(m, single) for m in after], True
        # apposition after the name, or predicate
        before = self._name_before(doc, finder, ph, persons)
        if before is not None:
            return [(before, single)], False
        fronted = self._fronted_appointee(doc, finder, ph, persons)
        if fronted is not None:
            return [(fronted, single)], False
        return [], False

    @staticmethod
    def _fronted_appointee(doc: Doc, finder: TitleFinder, ph: TitlePhrase, persons: dict[int, Span]) -> Span | None:
        """"Nommé mardi ministre des Affaires étrangères dans le gouvernement de Friedrich Merz, Johann Wadephul
        est …", "Élue en mars présidente du Sénat, Mme X a …": an appointment participle opening the sentence
        (over a date or an adverb) gives its title to the person who opens the main clause after the comma."""
        # (by the words, not the parse's sentences: the parser may cut "Nommé mardi" from its title)
        back = range(ph.start - 1, max(-1, ph.start - 2 - FRONTED_GAP), -1)
        i = next((k for k in back if finder.gclass(k)[1] == "appoint"), None)
        if i is None or not (i == 0 or doc[i - 1].text in (".", "!", "?") or "\n" in doc[i - 1].text_with_ws):
            return None
        n = finder.gclass(i)[0]
        if any(doc[k].pos_ in ("VERB", "AUX") or k in persons for k in range(i + n, ph.start)):
            return None
        for k in range(ph.end, min(len(doc) - 1, ph.end + MAX_FRONTED)):
            if doc[k].text in (".", ";") or doc[k].pos_ in ("VERB", "AUX") and k not in persons:
                return None  # a clause of its own before any comma
            if doc[k].text == ",":
                j = k + 1
                while j < len(doc) and finder.words.phrase(finder.lex.honorifics, j)[0]:
                    j += finder.words.phrase(finder.lex.honorifics, j)[0]
                span = persons.get(j)
                return span if span is not None and span.start == j else None
        return None

    @staticmethod
    def _bare_apposition(doc: Doc, finder: TitleFinder, ph: TitlePhrase, persons: dict[int, Span]) -> bool:
        """A singular title right after "NAME," (so with no determiner of its own)."""
        i = ph.start
        return (
            not ph.plural
            and i >= 2
            and doc[i - 1].text == ","
            and i - 2 in persons
            and persons[i - 2].end == i - 1
        )

    @staticmethod
    def _linked(doc: Doc, finder: TitleFinder, a: TitlePhrase, b: TitlePhrase) -> str | None:
        """How title phrase a runs on into b: "," or "et" (a determiner may follow), else None."""
        if not 0 < b.start - a.end <= 3:
            return None
        gap = list(doc[a.end : b.start])
        link = None
        for t in gap:
            cls = finder.gclass(t.i)[1]
            if t.text == "," and link is None:
                link = ","
            elif cls == "and" and link in (None, ","):
                link = "and"
            elif cls == "det" and t.i == b.start - 1 and link is not None:
                continue
            else:
                return None
        return link

    def _chain(
        self, doc: Doc, finder: TitleFinder, found: list[tuple[TitlePhrase, list[tuple[Span, str | None]], bool]]
    ) -> None:
        """Titles in a row share their holder: "le Premier ministre, ministre d'État, Xavier Bettel",
        "le Vice-Premier Ministre et Ministre des affaires étrangères du Népal, K. P. Sharma Oli"."""
        for k in range(len(found) - 2, -1, -1):  # right to left: the name after the last title
            a, ha, _ = found[k]
            b, hb, b_after = found[k + 1]
            link = self._linked(doc, finder, a, b)
            if link == "and" and finder.gclass(b.start - 1)[1] == "det":
                continue  # "le secrétaire général et le président Sall": two people
            if link and hb and b_after and not ha:
                if link == "and" and a.affiliations == [(None, None)] and not a.countries:
                    a.affiliations = list(b.affiliations)
                    a.countries = list(b.countries)
                found[k] = (a, [(m, c) for m, c in hb], True)
        for k in range(1, len(found)):  # left to right: the name before the first title
            a, ha, a_after = found[k - 1]
            b, hb, _ = found[k]
            if ha and not a_after and not hb and self._linked(doc, finder, a, b):
                found[k] = (b, [(m, None) for m, _c in ha], False)

    @staticmethod
    def _names_after(doc: Doc, finder: TitleFinder, ph: TitlePhrase, persons: dict[int, Span]) -> list[Span]:
        out: list[Span] = []
        j = ph.end
        if j < len(doc) and doc[j].text in (",", "("):
            j += 1
            # "son homologue grec, le général X": a second title in apposition, then the name
            k = j
            while k < len(doc) and finder.gclass(k)[1] == "det":
                k += finder.gclass(k)[0]
            inner = finder.at(k) if k > j else None
            if inner is not None and inner.end in persons and persons[inner.end].start == inner.end:
                j = inner.end
            elif k > j and finder.words.phrase(finder.lex.honorifics, k)[0]:
                j = k  # "le directeur général de l'OMS, le Dr Tedros": a determiner before an honorific
        while j < len(doc) and finder.words.phrase(finder.lex.honorifics, j)[0]:
            j += finder.words.phrase(finder.lex.honorifics, j)[0]
        while j < len(doc) and j in persons and persons[j].start == j:
            out.append(persons[j])
            if not ph.plural:
                break
            j = persons[j].end
            if j < len(doc) and doc[j].text == "(":
                # "Jan Jambon (N-VA), David Clarinval (MR) et …": over each person's party in parentheses
                close = next((k for k in range(j + 1, min(len(doc), j + 2 + PARENTHESIS)) if doc[k].text == ")"), None)
                if close is not None:
                    j = close + 1
            if j + 1 < len(doc) and (doc[j].text == "," or finder.gclass(j)[1] == "and"):
                j += 1
                continue
            break
        return out

    @staticmethod
    def _name_before(doc: Doc, finder: TitleFinder, ph: TitlePhrase, persons: dict[int, Span]) -> Span | None:
        """"X, premier ministre libyen", "X, le secrétaire général", "X, qui est ministre",
        "X a été nommé (au poste de) premier ministre": the gap between the name and the title
        holds only punctuation, determiners, copulas, appointment participles and adverbs."""
        i = ph.start - 1
        while i >= 0 and ph.start - i <= MAX_PREDICATE and i not in persons:
            i -= 1
        if i < 0 or i not in persons or i == ph.start - 1:
            return None
        gap_start, j = i + 1, i + 1
        predicate = apposition = False
        while j < ph.start:
            tok = doc[j]
            n, cls = finder.gclass(j)
            if tok.text in (",", "(", ":"):
                apposition = apposition or j == gap_start
                j += 1
            elif cls in ("copula", "appoint", "as", "rel") and j + n <= ph.start:
                predicate = True
                j += n
            elif cls == "det" and j + n == ph.start:
                j += n
            elif tok.pos_ == "ADV" and j > gap_start:
                j += 1
            else:
                return None
        if not predicate and not RoleTagger._closed(doc, ph, finder):
            return None  # "X, le secrétaire général a dit": the title is the next clause's subject
        return persons[i] if predicate or apposition else None

    @staticmethod
    def _closed(doc: Doc, ph: TitlePhrase, finder: TitleFinder) -> bool:
        """An apposition is not followed by the verb of a clause: "X, le secrétaire général a
        souligné" makes the title the subject of what follows, not a description of X."""
        if ph.end >= len(doc):
            return True
        tok = doc[ph.end]
        if finder.gclass(ph.end)[1] in ("copula", "appoint"):
            return False
        return tok.pos_ not in ("VERB", "AUX", "PRON", "ADV")

    @staticmethod
    def _owner(
        doc: Doc, ph: TitlePhrase, persons: dict[int, Span], people: dict[str, Any], phrases: list[TitlePhrase]
    ) -> tuple[str | None, str] | None:
        """Who "son homologue" is the counterpart of, and that one's title: the sentence's subject
        with a role, else the title of an earlier phrase of the sentence ("entre le secrétaire
        général et son homologue de l'OSCE"), else the closest earlier person with a role."""
        sent_start = doc[ph.start].sent.start if doc.has_annotation("SENT_START") else 0
        ranks = lexicon().ranks
        here = [o.title for o in phrases if sent_start <= o.start < ph.start and not o.counterpart]

        def function(span: Span) -> str | None:
            # a function before a military rank: "le président de la Transition, le colonel X, et son homologue
            # burkinabè" (the rank when it is all the person has: "le général X … son homologue grec")
            # (the one this sentence gives first: "le ministre des Affaires étrangères, X, … avec son homologue", of
            # a person who is also "vice-Premier ministre")
            titles = [r["title"] for r in people.get(span._.norm, {}).get("roles", [])]
            stated = [t for t in titles if t in here]
            return next((t for t in stated + titles if t not in ranks), titles[0] if titles else None)

        for i in range(sent_start, ph.start):
            span = persons.get(i)
            subject = span is not None and is_subject(span)
            if span is not None and subject and function(span):
                return str(span._.norm), str(function(span))
        earlier = [o for o in reversed(phrases) if o.end <= ph.start and o.start >= sent_start and not o.counterpart]
        # (a function before a rank: "le président de la Transition malienne, le colonel X, et son homologue")
        earlier = [o for o in earlier if o.entry.kind != "rank"][:1] or earlier[:1]
        for other in earlier:
            # "le voyage du chef de l'État, où il devait rencontrer son homologue": the description refers
            # to an earlier holder ("le président X"), whose title the counterpart takes
            for i in range(other.start - 1, -1, -1):
                span = persons.get(i)
                roles = people.get(span._.norm, {}).get("roles", []) if span is not None else []
                role = next((r for r in roles if describes(other.title, r)), None)
                if span is not None and role is not None:
                    return str(span._.norm), role["title"]
            return None, other.title
        for start in (sent_start, 0):
            for i in range(ph.start - 1, start - 1, -1):
                span = persons.get(i)
                if span is not None and function(span):
                    return str(span._.norm), str(function(span))
        return None
