"""Documents in, records out, whatever the documents hold.

``records_for(nlp, items)`` is what ``nlpmeet.api.extract`` runs on each batch. It guarantees:

* **Error isolation.** A batch goes through ``nlp.pipe``; if any component raises, the batch is
  redone document by document and component by component, so the exception costs only the
  document it happened on: that record is still written, with what the other components found
  and an ``errors`` list naming the failed component.
* **Long documents.** A text longer than ``nlp.max_length`` (or than ``PART_CHARS``, to bound
  memory, one part at a time) is cut at paragraph breaks, else line breaks, else sentence ends, else white space
  (else anywhere), the parts are processed with the publication date the first part found, and
  their records merged into one: offsets mapped back to the whole text, people, organisations,
  countries, places and events merged by their canonical name, ids renumbered.
* **Giant tokens.** spaCy's tokenizer is quadratic in the length of a run of punctuation without
  white space (20,000 ")" take ~30 s). A run of ``LONG_RUN`` or more non-space characters is made
  one token without going through the tokenizer rules; the Doc text stays the input text.

Input problems (``InputProblem``) pass through in place. Nothing here knows French.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlpmeet.io.readers import Document, InputProblem, Item
from nlpmeet.records import Record, doc_to_record, empty_record

PART_CHARS = 50_000
"""Longest text processed in one piece: measured with fr_core_news_md, a 100,000-character text
takes about 400 MB more at its peak, a 50,000-character one about 220 MB."""

PARTS_AT_ONCE = 1
"""Parts of a long document in the pipeline at the same time (memory grows with each)."""

BATCH_CHARS = 200_000
"""A batch of short documents is also cut once it holds this many characters."""

LONG_RUN = 500
"""Runs of this many non-space characters or more are kept as one token."""

_LONG_RUN = re.compile(r"\S{" + str(LONG_RUN) + ",}")

# Cut points, best first: each pattern's match end is where a part may end.
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # a blank line: paragraph break
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?…][\"'»”’)\]]*\s+"),  # a sentence end
    re.compile(r"\s+"),  # any white space
)

Result = Record | InputProblem


# --------------------------------------------------------------------------- docs


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc`` that takes linear time: long non-space runs become single tokens."""
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    docs: list[Doc] = []
    position = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > position:
            docs.append(nlp.make_doc(text[position : run.start()]))
        docs.append(Doc(nlp.vocab, words=[run.group()], spaces=[False]))
        position = run.end()
    if position < len(text):
        docs.append(nlp.make_doc(text[position:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def _prepare(nlp: Language, text: str, date: str | None, source: str | None = "given") -> Doc:
    from nlpmeet.api import valid_day

    doc = make_doc(nlp, text)
    if valid_day(date):
        doc._.dct = date
        doc._.dct_source = source
    return doc


def part_limit(nlp: Language) -> int:
    return max(1, min(PART_CHARS, nlp.max_length))


def split_text(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts covering ``text``, each at most ``limit`` characters long,
    cut at the best boundary found in the second half of each window."""
    parts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        floor = start + limit // 2
        cut = end
        for pattern in _CUTS:
            last = None
            for match in pattern.finditer(text, floor, end):
                last = match
            if last is not None and last.end() > start:
                cut = last.end()
                break
        parts.append((start, cut))
        start = cut
    parts.append((start, len(text)))
    return parts


# --------------------------------------------------------------------------- error isolation


def _describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _run_isolated(nlp: Language, doc: Doc) -> tuple[Doc, list[str]]:
    """Run every pipeline component on ``doc`` alone; a failing component is recorded and skipped."""
    errors = []
    for name, component in nlp.pipeline:
        try:
            doc = component(doc)
        except Exception as exc:  # noqa: BLE001 - isolating any component failure is the point
            errors.append(f"component {name} failed: {_describe(exc)}")
    return doc, errors


def _to_record(doc: Doc, doc_id: str, errors: list[str]) -> Record:
    try:
        record = doc_to_record(doc, doc_id)
    except Exception as exc:  # noqa: BLE001
        record = empty_record(doc_id, doc._.dct)
        errors = [*errors, f"building the record failed: {_describe(exc)}"]
    if errors:
        record["errors"] = errors
    return record


def _process_docs(nlp: Language, docs: Sequence[Doc], batch_size: int) -> list[tuple[Doc, list[str]]]:
    """Docs through the pipeline in one batch; on any exception, again one by one from fresh docs,
    component by component."""
    if not docs:
        return []
    dates = [(doc._.dct, doc._.dct_source) for doc in docs]
    try:
        return [(doc, []) for doc in nlp.pipe(docs, batch_size=batch_size)]
    except Exception:  # noqa: BLE001
        results = []
        for doc, (dct, source) in zip(docs, dates, strict=True):
            fresh = make_doc(nlp, doc.text)
            fresh._.dct, fresh._.dct_source = dct, source
            results.append(_run_isolated(nlp, fresh))
        return results


def _safe_prepare(nlp: Language, text: str, date: str | None, source: str | None = "given") -> tuple[Doc, list[str]]:
    try:
        return _prepare(nlp, text, date, source), []
    except Exception as exc:  # noqa: BLE001
        return _prepare(nlp, "", date, source), [f"tokenizing failed: {_describe(exc)}"]


# --------------------------------------------------------------------------- long documents


def shift_offsets(obj: Any, offset: int) -> Any:
    """Move every mention-like object (``text``, ``start``, ``end``) inside ``obj`` by ``offset``."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int) and "text" in obj:
            obj["start"] += offset
            obj["end"] += offset
        for value in obj.values():
            if isinstance(value, (dict, list)):
                shift_offsets(value, offset)
    elif isinstance(obj, list):
        for value in obj:
            shift_offsets(value, offset)
    return obj


def _merge_key(kind: str, item: dict[str, Any]) -> Any:
    return item["code"] if kind == "countries" else item["name"]


def merge_records(parts: Sequence[Record], doc_id: str) -> Record:
    """One record from the records of consecutive parts (offsets already shifted)."""
    merged = empty_record(doc_id, next((p["dct"] for p in parts if p["dct"]), None))
    errors: list[str] = []
    index: dict[str, dict[Any, dict[str, Any]]] = {
        k: {} for k in ("people", "organizations", "countries", "locations", "events")
    }
    prefixes = {"people": "P", "organizations": "O", "events": "E"}
    for part in parts:
        new_ids: dict[str, str] = {}
        for kind in index:
            for item in part[kind]:
                key = _merge_key(kind, item)
                target = index[kind].get(key)
                if target is None:
                    target = {**item, "mentions": []}
                    if kind == "people":
                        target["roles"] = []
                    if kind in prefixes:
                        target["id"] = f"{prefixes[kind]}{len(index[kind]) + 1}"
                    index[kind][key] = target
                    merged[kind].append(target)
                target["mentions"].extend(item["mentions"])
                if kind in prefixes:
                    new_ids[f"{kind}:{item['id']}"] = target["id"]
                if kind == "people":
                    for role in item["roles"]:
                        if role not in target["roles"]:
                            target["roles"].append(role)
                for field in ("country", "date", "location"):
                    if field in target and target[field] is None and item.get(field) is not None:
                        target[field] = item[field]
        merged["dates"].extend(part["dates"])
        for meeting in part["meetings"]:
            participants = [new_ids.get(f"people:{p}", p) for p in meeting["participants"]]
            event = new_ids.get(f"events:{meeting['event']}") if meeting.get("event") else None
            merged["meetings"].append({**meeting, "participants": participants, "event": event})
        errors.extend(part.get("errors", []))
    if errors:
        merged["errors"] = errors
    return merged


def _long_record(nlp: Language, document: Document, batch_size: int) -> Record:
    """Process a long document in parts and merge their records."""
    text = document.text
    spans = split_text(text, part_limit(nlp))
    first_doc, errors = _safe_prepare(nlp, text[spans[0][0] : spans[0][1]], document.date)
    ((first_doc, more),) = _process_docs(nlp, [first_doc], batch_size)
    records = [shift_offsets(_to_record(first_doc, document.id, errors + more), spans[0][0])]
    dct, source = first_doc._.dct, first_doc._.dct_source
    rest = spans[1:]
    for group in range(0, len(rest), PARTS_AT_ONCE):  # PARTS_AT_ONCE at a time: memory stays bounded
        chunk = rest[group : group + PARTS_AT_ONCE]
        prepared = [_safe_prepare(nlp, text[start:end], dct, source) for start, end in chunk]
        processed = _process_docs(nlp, [doc for doc, _ in prepared], batch_size)
        for (start, end), (_, prep_errors), (doc, run_errors) in zip(chunk, prepared, processed, strict=True):
            part_errors = [f"characters {start}-{end}: {e}" for e in prep_errors + run_errors]
            records.append(shift_offsets(_to_record(doc, document.id, part_errors), start))
    return merge_records(records, document.id)


# --------------------------------------------------------------------------- batches


def records_for(nlp: Language, items: Sequence[Item], batch_size: int = 32) -> list[Result]:
    """A record for every document of ``items`` (problems passed through), in order; never raises
    for what a document holds."""
    results: list[Result | None] = [None] * len(items)
    short: list[tuple[int, Doc, list[str]]] = []
    limit = part_limit(nlp)
    for i, item in enumerate(items):
        if isinstance(item, InputProblem):
            results[i] = item
        elif len(item.text) > limit:
            results[i] = _long_record(nlp, item, batch_size)
        else:
            doc, errors = _safe_prepare(nlp, item.text, item.date)
            short.append((i, doc, errors))
    processed = _process_docs(nlp, [doc for _, doc, _ in short], batch_size)
    for (i, _, prep_errors), (doc, run_errors) in zip(short, processed, strict=True):
        item = items[i]
        assert isinstance(item, Document)
        results[i] = _to_record(doc, item.id, prep_errors + run_errors)
    return [r for r in results if r is not None]


def extract_items(nlp: Language, items: Iterable[Item], batch_size: int = 32) -> Iterator[Result]:
    """``records_for`` over a stream, batch by batch, in input order."""
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if len(batch) >= batch_size or size >= BATCH_CHARS:
            yield from records_for(nlp, batch, batch_size)
            batch, size = [], 0
    if batch:
        yield from records_for(nlp, batch, batch_size)
