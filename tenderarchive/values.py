"""Value normalisation shared by the pipelines: timestamps, text, codes, ids.

- Timestamps become ISO 8601 with an offset; naive ones are Europe/Amsterdam
  (TenderNed sends local times without a zone), and are written as Amsterdam's clock shows
  the instant. Date-only values stay dates, also with a zone (``2026-10-15+02:00``) or in ISO 8601's
  basic form (``20261015``). A number is no date (epoch seconds or milliseconds: the API sends dates as
  text); refused, naming the instant or day it would be.
- Deadlines in year 2090 or later (Amsterdam's year) are TenderNed placeholders for "no deadline"; a date in
  year 1900 or before (``0001-01-01``, .NET's minimum, in any form) is no date at all.
- Text loses HTML tags and entities (also double-escaped ones such as
  ``&amp;nbsp;``), no-break spaces and invisible characters (soft hyphens), and is
  composed (NFC); paragraph breaks survive as newlines.
- Hostile input (issue 13): a value of the wrong type (a list where text or a
  number belongs), an impossible date, an integer beyond SQLite's 64 bits raise
  ``ValueError`` naming the problem (the normalise pipeline turns that into one
  dropped, recorded record); lone surrogates (``"\ud800"`` in JSON), which SQLite
  cannot encode, become U+FFFD.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date, datetime, timezone
from functools import lru_cache

from tenderarchive.arguments import AMSTERDAM

PLACEHOLDER_YEAR = 2090
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_HTML_TAGS = ("p|br|b|i|u|em|strong|span|div|a|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|"
              "font|sup|sub|small|blockquote|pre|code|hr|img")
_TAG = re.compile(rf"</?({_HTML_TAGS})\b[^<>]*/?>", re.I)
_BLOCK = re.compile(r"<\s*(br|/p|/div|/li|/h\d|/tr)\b[^>]*>", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters a text shows nothing of (soft hyphen, zero-width space, word joiner, byte order mark), and
#: the hyphens a word processor puts for "-" (U+2010, the non-breaking U+2011: "jeugd‑ggz" was no "jeugd-ggz").
_INVISIBLE = {**dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff")), 0x2010: "-", 0x2011: "-"}
#: C0 control characters (and DEL) a text shows nothing of, besides tab, line breaks and the other ASCII spacing the
#: spacing rule reads: a NUL in a TenderNed description (a C string's end, a UTF-16 text read as UTF-8: "J\0e\0u\0g\0d")
#: was stored with it, and cut a search excerpt at it. They go; the information separators (U+001C to U+001F, which
#: Python's ``str.split`` reads as spacing) are spaces, so the words they part stay apart. The raw response in the
#: WARC keeps them.
_CONTROL = {**dict.fromkeys([*range(0x00, 0x09), *range(0x0e, 0x1c), 0x7f]), **dict.fromkeys(range(0x1c, 0x20), " ")}
_INVISIBLE = {**_INVISIBLE, **_CONTROL}
INT64 = range(-(2 ** 63), 2 ** 63)
#: A day: ISO 8601's extended form (``2026-09-10``) or its basic one (``20260910``), with an optional zone.
_DAY = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{8})(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?", re.I)
#: A number of seconds or milliseconds since 1970 (9 to 13 digits: 1973 to 2286), as a JSON number or a text.
_EPOCH = re.compile(r"[0-9]{9,13}")


def text_value(value) -> str | None:
    """A scalar as text SQLite can store: str (surrogates replaced), int or float as text;
    None stays None; a list, object or bool raises ValueError."""
    if type(value) is str and value.isascii():  # no surrogate to replace (issue 14: ≈ 200,000 calls a 5,000-notice reparse)
        return value
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"expected text, got {type(value).__name__} {value!r:.60}")
    return _SURROGATE.sub("\ufffd", str(value))


#: A date in this year or before is a serialiser's "no date" (.NET's ``DateTime.MinValue`` 0001-01-01, SQL
#: Server's 1753-01-01, Excel's and ``smalldatetime``'s 1900-01-01), never a TenderNed date: refused as one.
FLOOR_YEAR = 1900


def _not_a_floor(moment):
    """``moment``, or ValueError when it is a "no date" placeholder at the calendar's start (:data:`FLOOR_YEAR`):
    only a naive one (read as Amsterdam's, whose zone puts year 1 in year 0) was refused, by the OverflowError
    of its conversion; sent in UTC (``0001-01-01T00:00:00Z``), with an offset or as a day it was archived as a
    start date in year 1, a publication on 1 January 0001."""
    if moment.year <= FLOOR_YEAR:
        raise ValueError(f"year {moment.year} is a placeholder for no date")
    return moment


def parse_timestamp(value) -> datetime | date | None:
    """A TenderNed date or timestamp as an aware datetime (or a date for date-only values).

    A text is read once (:func:`_parse_text`, kept per text: a notice's dates are asked for 30-odd times a
    notice — the spider's and the pipelines' checks of each optional date, then its value — and the
    procedure's other notices repeat them; issue 14). The values are immutable, so sharing them is safe;
    a text that is no date raises each time (nothing is kept for it)."""
    if isinstance(value, str):
        return _parse_text(value)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(_epoch_problem(value))
    raise ValueError(f"expected a date text, got {type(value).__name__} {value!r:.60}")


#: How many date texts :func:`parse_timestamp` keeps (a crawl's are mostly a few per notice; the bound keeps
#: a long run's memory flat).
PARSED_TEXTS_MAX = 8192


@lru_cache(maxsize=PARSED_TEXTS_MAX)
def _parse_text(value: str) -> datetime | date | None:
    """:func:`parse_timestamp` of a text."""
    if not value.strip():
        return None
    if _EPOCH.fullmatch(value.strip()):
        raise ValueError(_epoch_problem(value))
    text, zone = _zone_suffix(value.strip())
    day = _DAY.fullmatch(text)
    if day:
        # a day, also with a zone (XML Schema's xs:date, ``2026-10-15+02:00``; TED's dates, reference
        # §10.3): Python's fromisoformat took the sign for the date-time separator, "+02:00" for a time
        # of day, and archived the closing day as a deadline at 02:00 (``-05:00``: at 05:00). Also in ISO
        # 8601's basic form (``20260910``, the form TED's query dates take, §10.4), which fromisoformat read
        # as midnight: a closing day archived as a deadline at 00:00, the day before it ends.
        return _not_a_floor(date.fromisoformat(day.group(1)))
    text = text.replace("Z", "+00:00")
    moment = _not_a_floor(datetime.fromisoformat(text))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or AMSTERDAM)
    if moment.year < PLACEHOLDER_YEAR:
        try:
            amsterdam(moment)
        except OverflowError:
            # a minimum date standing for "none" (0001-01-01T00:00:00: Amsterdam's zone in year 1 puts its UTC
            # instant in year 0) raised OverflowError where the pipeline converted it, and the notice was dropped
            raise ValueError("outside the calendar Python can convert") from None
    return moment


#: RFC 9557's suffix: a time zone name and tags in brackets after a timestamp (``…+02:00[Europe/Amsterdam]``), the
#: form Java's ``ZonedDateTime`` (TenderNed's backend is Spring) writes; ``!`` marks one critical, ``key=value`` a tag.
_SUFFIX = re.compile(r"((?:\[!?[^\[\]]*\])+)$")
#: A zone name as the zone database writes one (``Europe/Amsterdam``, ``America/Argentina/Buenos_Aires``, ``Etc/GMT+1``,
#: ``UTC``): parts of letters, digits, ``_``, ``+`` and ``-``, no longer than its longest name.
_ZONE_NAME = re.compile(r"(?=.{1,64}$)[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")


def _zone_suffix(text: str):
    """``text`` without an RFC 9557 suffix, and the zone it names (None: none named). The offset, when the
    timestamp has one, stands (RFC 9557 §3: the zone only says where); a naive one is the named zone's local time.
    It was unreadable ("Invalid isoformat string"): a publication date lost to the list row's, a deadline to none."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    suffix = _SUFFIX.search(text)
    if not suffix or suffix.start() == 0:
        return text, None
    names = [tag.lstrip("!") for tag in re.findall(r"\[([^\]]*)\]", suffix.group(1)) if "=" not in tag]
    zone = None
    if names:
        # only a name of the zone database (``Europe/Amsterdam``) is looked up: ZoneInfo reads any other as a path
        # under it, and a folder (``[Europe]``) or a name too long for a file raised IsADirectoryError or OSError,
        # which failed the spider's callback and lost the notice, where a zone no database has is this ValueError
        try:
            if not _ZONE_NAME.fullmatch(names[0]):
                raise ZoneInfoNotFoundError(names[0])
            zone = timezone.utc if names[0] in ("Z", "UTC", "Etc/UTC") else ZoneInfo(names[0])
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError(f"unknown time zone {names[0]!r:.40}") from None
    return text[:suffix.start()].strip(), zone


def _epoch_problem(value) -> str:
    """Why a number is no date: the API documents dates as text (``2026-09-10``, ``2026-09-10T10:26:00.637087``,
    with or without an offset: docs/reference/tenderned-api.md §3, §4), never as a count of seconds or milliseconds
    since 1970 (Jackson's default for a Java date) nor as a JSON number. Such a number is not read, since the
    reference allows no such form and a count can be of either unit; what it would be is named, so the error
    says what came (it said "expected a date text, got int", or for the digits as text "day is out of range")."""
    text = str(value).strip()
    said = "a number"
    if re.fullmatch(r"[0-9]{8}", text):
        try:
            said = f"a number ({text} would be the day {date.fromisoformat(text).isoformat()})"
        except ValueError:
            pass
    elif isinstance(value, str) or float(value) >= 1e9:
        number = float(text)
        unit, seconds = ("milliseconds", number / 1000) if number >= 1e11 else ("seconds", number)
        try:
            instant = datetime.fromtimestamp(seconds, timezone.utc).astimezone(AMSTERDAM).replace(microsecond=0)
            said = f"a number ({unit} since 1970 would be {instant.isoformat()})"
        except (ValueError, OverflowError, OSError):
            pass
    return f"{said}, not a date text as the API sends dates: {value!r:.40}"


#: The date fields of a detail record or list row that a notice can do without: one that holds no
#: readable date (``"n.v.t."``, an impossible day) costs that field, not the notice (the spider
#: records it; ``publicatieDatum`` is required, from the detail or else its list row).
OPTIONAL_DATES = ("sluitingsDatum", "sluitingsDatumMarktconsultatie", "aanvangOpdrachtDatum",
                  "voltooiingOpdrachtDatum", "publicatieDatum")


def readable_timestamp(value):
    """:func:`parse_timestamp`, or None when ``value`` is no date or timestamp."""
    try:
        return parse_timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None


def unreadable_dates(record) -> dict[str, str]:
    """``{field: why}`` for the :data:`OPTIONAL_DATES` of ``record`` whose value is no date or timestamp."""
    found = {}
    if isinstance(record, dict):
        for field, value in zip(OPTIONAL_DATES, map(record.get, OPTIONAL_DATES)):
            if value is None:  # left out or null: no date, none unreadable (parse_timestamp's None; issue 14)
                continue
            try:
                parse_timestamp(value)
            except (ValueError, TypeError, OverflowError) as exc:
                found[field] = f"{field} {value!r:.80} is not a date or timestamp ({exc})"
    return found


def without_unreadable_dates(record):
    """``record`` with its unreadable optional dates as ``None`` (the value the response omitted)."""
    bad = unreadable_dates(record)
    return {**record, **dict.fromkeys(bad)} if bad else record


def iso(value) -> str | None:
    """ISO 8601 text of a parsed timestamp (seconds precision) or date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def local_date(value) -> str | None:
    """The Europe/Amsterdam calendar date of a timestamp, as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return amsterdam(value).date().isoformat()
    return value.isoformat()


def amsterdam(value):
    """A parsed timestamp in Europe/Amsterdam time (a date as it is): an instant sent in UTC or
    another offset is archived as Amsterdam's clock shows it, so its text's first ten characters
    are its Amsterdam day (the timelines and saved searches read ``substr(deadline, 1, 10)``) and
    the same instant is always the same text."""
    # through UTC: a naive time of the night clocks go forward (02:30 on the last Sunday of March, which
    # Amsterdam's clock never shows) is read with the offset before the change, and is written as the
    # clock shows that instant (03:30+02:00); astimezone to the zone it already has changed nothing, and
    # one instant had two texts (02:30+01:00 sent naive, 03:30+02:00 sent in UTC)
    if not isinstance(value, datetime):
        return value
    try:
        return value.astimezone(timezone.utc).astimezone(AMSTERDAM)
    except OverflowError:
        # a placeholder at the calendar's end (9999-12-31T23:59:59Z is in year 10000 in Amsterdam; earlier
        # years are refused by parse_timestamp): its own clock, as sent
        if value.year < PLACEHOLDER_YEAR:
            raise
        return value


def deadline(value) -> tuple[str | None, int]:
    """(ISO deadline in Amsterdam time or None, 1 if the value was a placeholder year ≥ 2090).

    The year is Amsterdam's, the zone TenderNed's dates are given in and archived in (reference §3, §12.4): an instant
    sent in another zone (``2089-12-31T23:00:00Z``) is checked as Amsterdam's clock shows it (2090-01-01, a
    placeholder), not in its own zone, where it was a real closing date archived as ``2090-01-01T00:00:00+01:00``, a
    year no archived date has (readers take it for the placeholder it is, the spider re-checked it as open); and
    ``2090-01-01T00:30:00+02:00`` is 31 December 2089 in Amsterdam, a real date."""
    return _in_amsterdam(value, iso)


def contract_day(value) -> tuple[str | None, int]:
    """(Amsterdam day of a date field as YYYY-MM-DD or None, 1 if the value was a placeholder year ≥ 2090).

    :func:`deadline`'s rule for a field archived as a day (the contract's start and end, ``aanvangOpdrachtDatum``
    and ``voltooiingOpdrachtDatum``: reference §4): a year ≥ 2090 in Amsterdam is TenderNed's "no real date"
    (§4, §12.4) in every date field, not only in the closing dates; it was archived as the contract's end."""
    return _in_amsterdam(value, local_date)


def _in_amsterdam(value, form) -> tuple[str | None, int]:
    """(``form`` of the value's moment on Amsterdam's clock or None, the placeholder flag): :func:`deadline` and
    :func:`contract_day`, a text's answer kept per text and form (:func:`_in_amsterdam_text`)."""
    if type(value) is str:
        return _in_amsterdam_text(value, form)
    local, placeholder = _amsterdam_moment(value)
    return (form(local) if local else None), placeholder


@lru_cache(maxsize=2 * PARSED_TEXTS_MAX)
def _in_amsterdam_text(value: str, form) -> tuple[str | None, int]:
    """:func:`_in_amsterdam` of a text, kept per text and form as :func:`_parse_text` keeps its moment (issue 14: a
    notice asks for its detail's and its list row's closing dates, the same texts, and the conversion to Amsterdam's
    clock was redone each time). The answer is a text and a number, immutable; a text that is no date raises each
    time."""
    local, placeholder = _amsterdam_moment(value)
    return (form(local) if local else None), placeholder


def _amsterdam_moment(value):
    """(the value's moment on Amsterdam's clock or None, 1 if its Amsterdam year is a placeholder ≥ 2090): the one
    placeholder rule :func:`deadline` and :func:`contract_day` share."""
    moment = parse_timestamp(value)
    if moment is None:
        return None, 0
    local = amsterdam(moment)
    if local.year >= PLACEHOLDER_YEAR:
        return None, 1
    return local, 0


def clean_field(value) -> str | None:
    """Plain text from a value that may hold HTML tags, entities and NBSPs."""
    if value is None:
        return None
    text = _strip_tags(text_value(value))
    for _ in range(3):  # double-escaped entities (&amp;nbsp;) need more than one pass
        if not _ENTITY.search(text):
            break
        text = _strip_tags(html.unescape(text))  # escaped markup (&lt;p&gt;) is markup too
    # invisible characters and C0 controls (a NUL: _CONTROL) go (soft hyphens: "jeugd\u00adhulp" from a word processor was no "jeugdhulp" to
    # the youth-care test or a search), hyphens are "-", and the text is composed (NFC: "Fryslân" sent decomposed, as
    # macOS writes it, was another text to a search and to every comparison)
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " ").translate(_INVISIBLE))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text or None


def _strip_tags(text: str) -> str:
    """Remove HTML tags, keeping block breaks as newlines. Only known HTML tags go,
    so text such as ``<TenderNed>`` or ``a < b`` survives."""
    if not _TAG.search(text):
        return text
    return _TAG.sub("", _BLOCK.sub("\n", text))


def code_label(value) -> tuple[str | None, str | None]:
    """Split a ``{code, omschrijving}`` object (or a bare string) into code and label."""
    if value is None:
        return None, None
    if isinstance(value, dict):
        return code_text(value.get("code")), clean_field(value.get("omschrijving"))
    return code_text(value), None


def code_text(value) -> str | None:
    """A code as text (``text_value``); a blank one is no code (None), so a response that sends
    ``""`` where the archive has a code is a value omitted, not a new value."""
    text = text_value(value)
    return text if text is None or text.strip() else None


def to_int(value) -> int | None:
    """An id (``publicatieId``, ``kenmerk``, ``publicatieIDLaatsteRectificatie``) as an integer: a number, its digits
    as text, or a whole number a serialiser wrote as a float (``407238.0``; ids change type between endpoints,
    docs/reference/tenderned-api.md §3, §13: a string in the list, a number in the detail). A float id dropped the
    notice, by every crawl, as a document's ``123.0`` no longer does. None for none; ValueError for what is no
    whole number."""
    kind = type(value)
    if kind is int:  # the usual ids (a detail's number, a list's digits) without the checks the rest needs (issue 14)
        if value in INT64:
            return value
    elif kind is str and value.isdigit() and value.isascii():
        number = int(value)
        if number in INT64:
            return number
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected an integer, got {type(value).__name__} {value!r:.60}")
    number = int(str(value).strip())
    if number not in INT64:
        raise ValueError(f"integer {number} is out of range")
    return number


_TN_NUMBER = re.compile(r"\s*TN[\s-]?([0-9]{1,18})\s*", re.I)


def kenmerk_number(value) -> int | None:
    """A ``kenmerk`` (the procedure's TN number: docs/reference/tenderned-api.md §3, §12) as an
    integer: a number, its digits as text, or the TN number as written (``"TN243310"``, ``"TN 243310"``),
    which the procedure is known by (its PDF is ``TN{kenmerk} - ….pdf``, §1). Anything else is
    :func:`to_int`'s: None for none, ValueError for what is no number."""
    if type(value) is int or (type(value) is str and value.isdigit() and value.isascii()):
        return to_int(value)  # no TN number: the usual number or digits, without the pattern (issue 14)
    match = _TN_NUMBER.fullmatch(value) if isinstance(value, str) else None
    return to_int(match.group(1) if match else value)


#: How a yes/no reads when it comes as text: JSON's ``true``/``false`` in quotes, 1/0, Dutch ja/nee.
_YES = frozenset({"true", "1", "ja", "j", "yes", "y"})
_NO = frozenset({"false", "0", "nee", "n", "no"})


def flag(value) -> int | None:
    """A yes/no field (TenderNed's ``isGegund``, ``isVroegtijdigBeeindigd``, ``isHoofdOpdracht`` …: JSON
    booleans, docs/reference/tenderned-api.md §3, §4) as 1, 0 or None. Read by Python's truth value, the text
    ``"false"`` (a boolean sent quoted, a serialiser's or a proxy's doing) and ``"0"`` or ``"nee"`` were 1: a
    notice not awarded was archived awarded, one not ended early as cancelled (its procurement ``mislukt``), a
    side CPV code as the main one. A boolean, the numbers 0 and 1, and those words are read; anything else
    (``"onbekend"``, a list, an object) is no value: None, as if omitted (the archive keeps what it had)."""
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, (int, float)):
        return 1 if value == 1 else 0 if value == 0 else None
    if isinstance(value, str):
        text = value.strip().lower()
        return 1 if text in _YES else 0 if text in _NO else None
    return None


#: A CPV code as sources write it: 8 digits, then optionally its check digit after a hyphen (any dash), with or without
#: spaces around it ("85311300-5", "85311300 - 5", "85311300–5"); the 8 digits alone ("85311300", TED's form). Bounded
#: (no nested repetition): linear on any input. Not inside a longer number.
CPV_CODE = re.compile(r"(?<!\d)(\d{8})(?:[ \t\u00a0]{0,3}[-\u2010-\u2015\u2212][ \t\u00a0]{0,3}(\d)(?!\d))?(?!\d)")


@lru_cache(maxsize=1)
def known_cpv_codes() -> dict[str, str]:
    """8 digits → full code with check digit, for the CPV codes the shipped profiles name (their check digits from the
    eForms SDK's social-service CPV list, docs/reference/tenderned-api.md §11). No check-digit rule for CPV is
    documented here or in a library this project uses, so a code sent without its digit is completed only from this
    list, never computed or guessed."""
    from tenderarchive.profiles import PROFILE_DIR, load_profile

    known: dict[str, str] = {}
    for name in sorted(p.name[:-5] for p in PROFILE_DIR.iterdir() if p.name.endswith(".yaml")):
        try:
            profile = load_profile(name)
        except Exception:  # a shipped profile that does not load is tested elsewhere; it names no codes here
            continue
        relevance = profile.relevance
        for code in (*profile.cpv, *(relevance.cpv_strong if relevance else ()),
                     *(relevance.cpv_context if relevance else ())):
            known.setdefault(code[:8], code)
    return known


def cpv_parts(code: str) -> tuple[str, str]:
    """(archived code, 8-digit code), one form for a code however it was written: ``85311300-5``,
    ``85311300 - 5`` → (``85311300-5``, ``85311300``). A code sent without its check digit (``85311300``) takes
    the digit :func:`known_cpv_codes` knows for it, else stays 8 digits (``cpv_8`` groups it with its full form);
    a digit is never invented. Text that is no CPV code is kept as given (stripped), its first 8 characters before
    a hyphen as ``cpv_8``, as before."""
    code = code.strip()
    if m := CPV_CODE.fullmatch(code):
        eight, digit = m.groups()
        return (f"{eight}-{digit}" if digit else known_cpv_codes().get(eight, eight)), eight
    return code, code.split("-")[0][:8]
