"""French date expressions -> ISO 8601 values (pure, no spaCy).

``resolve(text, dct, tense, anchor)`` reads a date expression ("mercredi soir", "du 3 au 5 mars
2019", "il y a trois jours", "22 Sep. 2017 11:16") and returns its value as in spec/output.md:
``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-MM-DDTHH:MM``, a range ``A/B``, or None when it
cannot be resolved (a relative expression with no publication date, a reference to the present).

The vocabulary is data (``models/date_words.tsv``): this module knows the grammar, not the words.
An expression is read into one *frame* per end of a range (day, month, year, weekday, time,
relative day, shift ...), then each frame is resolved against:

* ``dct``: the publication date; relative expressions ("hier", "mercredi", "la semaine
  dernière") count from it;
* ``tense``: ``"past"``, ``"future"``, ``"present"`` or None, the tense of the expression's clause:
  a bare weekday in past-tense reporting is the closest such day on or before the dct, in future
  tense the closest on or after it, otherwise the nearest; a day-month or a month without year
  takes the dct's year unless the tense forces the neighbouring one;
* ``anchor``: the last day the text stated before the expression, for "le lendemain", "la
  veille", "le même jour" and bare times ("à 15 heures"); the dct when not given.

Weeks run Monday to Sunday ("la semaine dernière" is a range of seven days); "cette année" or
"l'an dernier" is a year; a season is its stated year ("l'automne 1999") or no value ("cet hiver":
no day, month or year); a decade ("les années 1990") the range of its years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from nlpmeet.resources import load_tsv

WORDS_FILE = "date_words.tsv"

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "\u00a0": " ", "\u202f": " "})
# numeric dates with one separator throughout (21/09/2017, 22.04.2016, 2017-09-21), clock times
# (11h16, 11:16, 22h), numbers with an ordinal suffix (1er), words with inner hyphens/apostrophes
_ATOM = re.compile(
    r"(?P<date3>\d{1,4}([./-])\d{1,2}\2\d{2,4})"
    r"|(?P<clock>\d{1,2}\s?[h:]\s?\d{2}(?!\d)|\d{1,2}h(?![a-zà-ÿ]))"
    r"|(?P<num>\d+)(?:er|re|ère|e|è)?(?![\d])"
    r"|(?P<word>[^\W\d_]+(?:['-][^\W\d_]+)*'?)"
    r"|(?P<dash>[-/])"
)
_CLOCK_SPLIT = re.compile(r"\s?[h:]\s?")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?(/\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?)?$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
PAST_TOLERANCE_DAYS = 60  # a day-month this close after the dct stays in its year even in past tense
MAX_WORDS = 4  # longest multi-word form in the vocabulary


@dataclass(frozen=True)
class Vocabulary:
    entries: dict[tuple[str, ...], tuple[tuple[str, str], ...]]  # words -> ((class, value), ...)

    def classes(self, words: tuple[str, ...]) -> dict[str, str]:
        return dict(self.entries.get(words, ()))


@cache
def vocabulary() -> Vocabulary:
    entries: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for row in load_tsv(WORDS_FILE):
        key = tuple(_raw_words(row["form"]))
        entries.setdefault(key, []).append((row["class"], row["value"]))
    return Vocabulary({k: tuple(v) for k, v in entries.items()})


def _raw_words(text: str) -> list[str]:
    out = []
    for m in _ATOM.finditer(text.translate(_APOSTROPHES).casefold()):
        out.append(m.group(0).replace(" ", ""))
    return out


# ---------------------------------------------------------------------------------- reading


@dataclass
class Atom:
    kind: str  # "num", "date3", "clock", "word", "dash"
    text: str
    classes: dict[str, str] = field(default_factory=dict)
    num: int = 0
    digits: int = 0
    parts: tuple[int, int, int] = (0, 0, 0)


def atoms(text: str) -> list[Atom]:
    """The expression as atoms: numbers, numeric dates, clock times and vocabulary entries
    (multi-word forms joined, elided articles and unknown hyphenated words split)."""
    vocab = vocabulary()
    raw: list[tuple[str, re.Match[str]]] = []
    for m in _ATOM.finditer(text.translate(_APOSTROPHES).casefold()):
        kind = m.lastgroup or "word"
        if kind == "word":
            word = m.group(0)
            if (word,) not in vocab.entries and ("'" in word.rstrip("'") or "-" in word):
                head, sep, rest = word.partition("'") if "'" in word.rstrip("'") else ("", "", word)
                if sep:
                    raw.append(("word", _fake(head + "'")))
                    word = rest
                if (word,) not in vocab.entries and "-" in word:
                    for piece in word.split("-"):
                        if piece:
                            raw.append(("word", _fake(piece)))
                    continue
                raw.append(("word", _fake(word)))
                continue
        raw.append((kind, m))
    out: list[Atom] = []
    i = 0
    while i < len(raw):
        kind, m = raw[i]
        if kind == "word":
            for n in range(min(MAX_WORDS, len(raw) - i), 0, -1):
                span = raw[i : i + n]
                if any(k not in ("word", "dash") for k, _ in span):
                    continue
                key = tuple(x.group(0) for _, x in span)
                if key in vocab.entries:
                    out.append(Atom("word", " ".join(key), vocab.classes(key)))
                    i += n
                    break
            else:
                out.append(Atom("word", m.group(0)))
                i += 1
            continue
        if kind == "dash":
            out.append(Atom("word", "-", vocab.classes(("-",))))
        elif kind == "num":
            digits = m.group("num")
            out.append(Atom("num", m.group(0), num=int(digits), digits=len(digits)))
        elif kind == "date3":
            out.append(Atom("date3", m.group(0), parts=_split3(m.group("date3"))))
        elif kind == "clock":
            h, mi = _CLOCK_SPLIT.split(m.group("clock"), maxsplit=1)
            out.append(Atom("clock", m.group(0), parts=(int(h), int(mi or 0), 0)))
        i += 1
    return out


class _Fake:
    """A stand-in match object for a piece of a split word."""

    def __init__(self, text: str) -> None:
        self.text = text

    def group(self, _i: object = 0) -> str:
        return self.text


def _fake(text: str) -> re.Match[str]:
    return _Fake(text)  # type: ignore[return-value]


def _split3(text: str) -> tuple[int, int, int]:
    a, b, c = (int(x) for x in re.split(r"[./-]", text))
    if a > 31:  # 2017-09-21
        return c, b, a
    return a, b, c  # day first, as French writes it


@dataclass
class Frame:
    """What one end of a date expression states."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int = 0
    relday: int | None = None
    anchor: int | None = None
    same: bool = False
    daypart: str | None = None
    shift: int = 0
    this: bool = False
    period: str | None = None
    qual: str | None = None
    season: int | None = None
    decade: int | None = None
    count: int | None = None
    direction: int = 0  # -1 "il y a", +1 "dans"
    present: bool = False

    def has(self, name: str) -> bool:
        return getattr(self, name) is not None

    @property
    def empty(self) -> bool:
        return self == Frame()


def frames(text: str) -> list[Frame]:
    """The frames of an expression: one, or one per end of a range."""
    items = atoms(text)
    out = [Frame()]
    joined = False

    def cur() -> Frame:
        return out[-1]

    def start_if(name: str) -> None:
        """A second value of a field opens the next end of a range."""
        if cur().has(name) and not cur().empty:
            out.append(Frame())

    skip = 0
    for k, a in enumerate(items):
        if skip:
            skip -= 1
            continue
        prev = items[k - 1] if k else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        f = cur()
        if a.kind == "clock":
            f.hour, f.minute = a.parts[0], a.parts[1]
        elif a.kind == "date3":
            start_if("day")
            d, m, y = a.parts
            cur().day, cur().month, cur().year = d, m, _full_year(y)
        elif a.kind == "num":
            n = a.num
            counting = prev is not None and ("ago" in prev.classes or "ahead" in prev.classes)
            if counting:
                f.count = n
            elif nxt is not None and "hour_unit" in nxt.classes and n <= 24:
                f.hour, f.minute = n % 24, 0
                after = items[k + 2] if k + 2 < len(items) else None
                skip = 1
                if after is not None and after.kind == "num" and after.digits == 2 and after.num < 60:
                    f.minute = after.num
                    skip = 2
            elif prev is not None and "decade" in prev.classes and (a.digits == 2 or a.digits == 4):
                f.decade = n if a.digits == 4 else 1900 + n
                f.period = None
            elif a.digits == 2 and n > 31 or (a.digits == 2 and prev is not None and prev.text == "en" and n < 10):
                f.year = _full_year(n)  # "en 98", "en 05"
            elif a.digits == 4:
                if joined and f.has("year") and not (f.has("day") or f.has("month")):
                    out.append(Frame())
                cur().year = n
            elif (
                a.digits == 2
                and prev is not None
                and prev.kind == "word"
                and ("month" in prev.classes or "month_abbr" in prev.classes)
                and f.has("month")
                and not f.has("year")
            ):
                f.year = _full_year(n)
            elif 1 <= n <= 31:
                start_if("day")
                cur().day = n
        else:
            c = a.classes
            if "to" in c and prev is not None:
                joined = True
                continue
            if "ago" in c or "ahead" in c:
                f.direction = -1 if "ago" in c else 1
                continue
            is_month = "month" in c or (
                "month_abbr" in c and ("number" not in c or f.has("day") or (prev is not None and prev.kind == "num"))
            )
            if is_month:
                if f.has("month") and joined:
                    out.append(Frame())
                cur().month = int(c.get("month") or c["month_abbr"])
            elif "number" in c:
                if prev is not None and ("ago" in prev.classes or "ahead" in prev.classes):
                    f.count = int(c["number"])
                elif c["number"] == "1" and nxt is not None and ("month" in nxt.classes or "month_abbr" in nxt.classes):
                    start_if("day")
                    cur().day = 1
            elif "weekday" in c:
                start_if("weekday")
                cur().weekday = int(c["weekday"])
            elif "relday" in c:
                f.relday = int(c["relday"])
            elif "anchor" in c:
                f.anchor = int(c["anchor"])
            elif "same" in c:
                f.same = True
            elif "daypart" in c:
                f.daypart = c["daypart"]
            elif "clock" in c:
                h, mi = c["clock"].split(":")
                f.hour, f.minute = int(h), int(mi)
            elif "shift" in c:
                f.shift = int(c["shift"])
            elif "this" in c:
                f.this = True
            elif "season" in c:
                f.season = int(c["season"])
            elif "decade" in c and nxt is not None and nxt.kind == "num":
                pass  # read with the number
            elif "period" in c:
                f.period = c["period"]
            elif "qual" in c:
                f.qual = c["qual"]
            elif "present" in c:
                f.present = True
        joined = joined and a.kind == "word" and "to" in a.classes
    frames_ = [f for f in out if not f.empty]
    # the first end of a range takes what only the last one states: "du 3 au 5 mars 2019"
    if len(frames_) > 1:
        last = frames_[-1]
        for i, f in enumerate(frames_[:-1]):
            frames_[i] = replace(
                f,
                month=last.month if f.has("day") and not f.has("month") else f.month,
                year=last.year if (f.has("day") or f.has("month")) and not f.has("year") else f.year,
                shift=last.shift if f.weekday is not None and not f.shift else f.shift,
                this=f.this or last.this,
            )
    return frames_


def _full_year(y: int) -> int:
    if y >= 100:
        return y
    return 1900 + y if y >= 50 else 2000 + y


# ---------------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class Value:
    start: date | int  # a date, or a year
    grain: str  # "day", "time", "month", "year"
    end: date | int | None = None  # ranges
    time: tuple[int, int] | None = None

    def iso(self) -> str:
        def one(x: date | int, grain: str) -> str:
            if isinstance(x, int):
                return f"{x:04d}"
            if grain == "month":
                return f"{x.year:04d}-{x.month:02d}"
            if grain == "year":
                return f"{x.year:04d}"
            return x.isoformat()

        text = one(self.start, self.grain)
        if self.grain == "time" and self.time and isinstance(self.start, date):
            text = f"{self.start.isoformat()}T{self.time[0]:02d}:{self.time[1]:02d}"
        if self.end is not None:
            end = one(self.end, "day" if self.grain == "time" else self.grain)
            if end != text:
                text = f"{text}/{end}"
        return text


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _weekday(dct: date, weekday: int, tense: str | None, shift: int, this: bool) -> date:
    back = (dct.weekday() - weekday) % 7  # days back to the closest such day on or before the dct
    ahead = (weekday - dct.weekday()) % 7
    if shift < 0:
        return dct - timedelta(days=back or 7)
    if shift > 0:
        return dct + timedelta(days=ahead or 7)
    if tense == "past":
        return dct - timedelta(days=back)
    if tense == "future":
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back) if back <= ahead else dct + timedelta(days=ahead)


def _year_for(dct: date, month: int, day: int | None, tense: str | None, shift: int) -> int:
    """The year of a day-month or month without year: the dct's, or the neighbouring one that the
    tense or "dernier"/"prochain" requires."""
    probe = (month, day or (31 if shift < 0 or tense == "past" else 1))
    here = (dct.month, dct.day)
    if shift < 0 and (probe >= here if day is None else probe > here):
        return dct.year - 1
    if shift > 0 and (probe <= here if day is None else probe < here):
        return dct.year + 1
    if not shift and tense == "past" and day is not None and probe > here:
        later = _safe_date(dct.year, month, day)
        if later is None or (later - dct).days > PAST_TOLERANCE_DAYS:
            return dct.year - 1  # a deadline may lie ahead of a past verb ("a donné jusqu'au 30 juin")
    if not shift and tense == "past" and day is None and month > dct.month:
        return dct.year - 1
    if not shift and tense == "future" and probe < here and (day is not None or month < dct.month):
        return dct.year + 1
    return dct.year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    return date(total // 12, total % 12 + 1, 1)


def _frame_value(
    f: Frame, dct: date | None, tense: str | None, anchor: date | None, year_hint: int | None = None
) -> Value | None:
    base = anchor or dct
    value: Value | None = None
    if f.present and f.relday is None:
        return None
    if f.decade is not None:
        return Value(f.decade, "year", f.decade + 9)
    if f.relday is not None:
        value = Value(dct + timedelta(days=f.relday), "day") if dct else None
    elif f.anchor is not None or (f.same and f.day is None and f.weekday is None):
        value = Value(base + timedelta(days=f.anchor or 0), "day") if base else None
    elif f.direction and f.count is not None and f.period:
        if dct is None:
            return None
        n = f.count * f.direction
        if f.period == "day":
            value = Value(dct + timedelta(days=n), "day")
        elif f.period == "week":
            value = Value(dct + timedelta(days=7 * n), "day")
        elif f.period == "month":
            value = Value(_add_months(dct, n), "month")
        elif f.period == "year":
            value = Value(dct.year + n, "year")
    elif f.day is not None:
        month = f.month or (dct.month if dct else None)
        year = f.year or (year_hint if f.month and not f.shift else None)
        if month is None:
            return None
        if year is None:
            if dct is None:
                return None
            if f.month is None:  # "le 15": the dct's month, or the neighbouring one
                d = _safe_date(dct.year, dct.month, f.day)
                if d is None:
                    return None
                if (tense == "past" or f.shift < 0) and d > dct:
                    d = _safe_date(_add_months(dct, -1).year, _add_months(dct, -1).month, f.day)
                elif (tense == "future" or f.shift > 0) and d < dct:
                    d = _safe_date(_add_months(dct, 1).year, _add_months(dct, 1).month, f.day)
                if f.weekday is not None and (d is None or d.weekday() != f.weekday):
                    # "mardi 12": the month, of the dct's and its neighbours, where the 12th is a Tuesday
                    fits = [
                        c
                        for k in (0, -1, 1)
                        if (c := _safe_date(_add_months(dct, k).year, _add_months(dct, k).month, f.day))
                        and c.weekday() == f.weekday
                    ]
                    d = fits[0] if fits else d
                value = Value(d, "day") if d else None
            else:
                year = _year_for(dct, month, f.day, tense, f.shift)
                if f.weekday is not None:  # "mardi 10 août": the year where that day is a Tuesday
                    for y in (year, dct.year, dct.year - 1, dct.year + 1):
                        d = _safe_date(y, month, f.day)
                        if d and d.weekday() == f.weekday:
                            year = y
                            break
        if value is None and year is not None:
            d = _safe_date(year, month, f.day)
            if d is None:
                return None
            value = Value(d, "day")
    elif f.weekday is not None:
        if dct is None:
            return None
        value = Value(_weekday(dct, f.weekday, tense, f.shift, f.this), "day")
    elif f.month is not None:
        year = f.year or (year_hint if not f.shift else None)
        if year is None:
            if dct is None:
                return None
            year = _year_for(dct, f.month, None, tense, f.shift)
        return Value(date(year, f.month, 1), "month")
    elif f.season is not None:
        # a season is no day, month or year (spec: Dates), and the output has no season value: only the
        # year it states ("l'automne 1999") is a value; "l'été dernier", "cet hiver" have none
        return Value(f.year, "year") if f.year is not None else None
    elif f.year is not None:
        return Value(f.year, "year")
    elif f.period is not None:
        if dct is None or not (f.this or f.shift or f.qual):
            return None
        if f.period == "week":
            monday = dct - timedelta(days=dct.weekday()) + timedelta(days=7 * f.shift)
            return Value(monday, "day", monday + timedelta(days=6))
        if f.period == "weekend":
            saturday = dct - timedelta(days=(dct.weekday() - 5) % 7)  # on or before the dct
            if f.shift > 0 or (not f.shift and saturday + timedelta(days=1) < dct):
                later = saturday + timedelta(days=7)
                if f.shift > 0 or tense == "future" or (tense != "past" and (later - dct) < (dct - saturday)):
                    saturday = later
            return Value(saturday, "day", saturday + timedelta(days=1))
        if f.period == "month":
            return Value(_add_months(dct, f.shift), "month")
        if f.period == "year":
            return Value(dct.year + f.shift, "year")
        if f.period == "day":
            value = Value(dct, "day")
    elif f.hour is not None or f.daypart is not None:
        day = dct if f.this else base
        value = Value(day, "day") if day else None
    if value is None:
        return None
    if f.hour is not None and value.grain == "day" and value.end is None:
        value = Value(value.start, "time", time=(f.hour, f.minute))
    return value


def resolve(
    text: str,
    dct: date | str | None = None,
    tense: str | None = None,
    anchor: date | str | None = None,
    year: int | None = None,
) -> str | None:
    """The ISO value of a French date expression, or None (see the module docstring). ``year``: the
    year the context has just stated ("en 1997 ... en janvier"), for a day-month or month without one."""
    try:
        parsed = frames(text)
    except (ValueError, KeyError, IndexError):
        return None
    if not parsed:
        return None
    day0, anchor_day = _as_date(dct), _as_date(anchor)
    try:
        values = [_frame_value(f, day0, tense, anchor_day, year) for f in parsed]
    except (ValueError, OverflowError):
        return None
    if any(v is None for v in values):
        return None
    first, last = values[0], values[-1]
    assert first is not None and last is not None
    if len(values) == 1:
        result = first.iso()
    else:
        a, b = first, last
        dayish = ("day", "time")
        if isinstance(a.start, date) and isinstance(b.start, date) and a.grain in dayish and b.grain in dayish:
            start, end = a.start, (b.end or b.start)
            assert isinstance(end, date)
            while start > end and parsed[0].weekday is not None and parsed[0].day is None:
                start -= timedelta(days=7)  # "samedi et dimanche" across the dct
            if start > end:
                return None
            result = Value(start, "day", end).iso()
        elif a.grain == b.grain:
            end_value = b.end if b.end is not None else b.start
            if _order_key(end_value) < _order_key(a.start):
                return None
            result = Value(a.start, a.grain, end_value).iso()
        else:
            result = first.iso()
    return result if _ISO.match(result) and _valid(result) else None


def _order_key(x: date | int) -> tuple[int, int, int]:
    return (x, 0, 0) if isinstance(x, int) else (x.year, x.month, x.day)


def _valid(value: str) -> bool:
    for part in value.split("/"):
        m = _DAY.match(part)
        if m and _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) is None:
            return False
    return True


def day_of(value: str | None) -> date | None:
    """The day of a single-day (or time) value; None for months, years and ranges."""
    if not value or "/" in value or len(value) < 10:
        return None
    return _as_date(value)


def pick_dct(values: list[str | None]) -> str | None:
    """The publication date among the values of a text's header dates (in text order): the first
    single day ("21 Sep. 2017 -", "Bruxelles, 27/06/2023"); ranges, months and years are not."""
    for value in values:
        day = day_of(value)
        if day is not None:
            return day.isoformat()
    return None
