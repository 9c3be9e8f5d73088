"""The typed parameters of the saved searches: a date, a year, a page, a jeugdregio or a crawl that is none is a clear
error.

The saved searches compare their date parameters (``before``, ``since``, ``as_of``, ``sinds``, ``voor``) with ISO
dates as text and cast their years (``year``, ``jaar``) and pages (``pagina``) to integers, so a value that
is none answered without a word: ``before=31-12-2022`` (the Dutch way of writing a date) listed every row,
since "2022-…" sorts before "31-…"; ``since=gisteren`` and ``jaar=twintig`` listed nothing; ``pagina=twee``
showed the first page; ``jeugdregio=Zuid-Limbrug`` (a region misspelt, or a code that is none) listed nothing at
exit 0, as a region without procurements would; ``crawl_id=twaalf`` listed nothing, as a crawl that wrote nothing
would (and ``tenderarchive export`` says when a crawl number names no crawl of the archive). A date written day first (``31-12-2022``, ``1-2-2024``) is that date: the page is
sent (302) to the same address with it as ``2022-12-31``, a date with spaces around it without them, and a date
parameter (``since``, ``before``, ``as_of``, ``sinds``, ``voor``: each a day, as the searches compare days) given
as a moment (``2021-12-22T10:00``, ``2021-12-22 10:00``, ``2021-12-22T23:30:00Z``) as its day on Amsterdam's clock:
``as_of`` compared it as text and left out that day's deadlines, while its page, CSV note and ``export`` named the
day; ``before`` kept that day's rows published before the hour, though it keeps "only those published before that
day"; ``since`` read the day of the text's first ten characters (UTC's, for a moment in UTC) while the feed's title
named the moment. ``export --param`` reads them the same;
the day ``as_of_days`` names is one only as the query reads it (a query of one's own reads ``as_of=gisteren`` as
typed: no day named). Anything else is answered 400 naming the
parameter and what it takes: the site's error page (its header, footer and the demo's label, and a link to
the search without that parameter) for the HTML page, one line for ``.csv`` and ``.atom``, JSON
``{"ok": false, "error": …}`` for ``.json``; and
``tenderarchive export`` exits 2 with that line. The research pages (``tenderarchive/research.py``), which run
the saved searches themselves, read them the same way (a 400 page naming the parameter).
"""

from __future__ import annotations

import re
import urllib.parse
from datetime import date, datetime

#: Parameters that take a date (YYYY-MM-DD, or an ISO date and time), a year, a page of 100 rows, a jeugdregio
#: (a code, a region name or alias, or a municipality: what the searches' SQL function ``jeugdregio_code`` reads).
DATES = frozenset({"before", "since", "as_of", "sinds", "voor"})
#: The date parameters that keep what is new or active from that day on: one after today leaves nothing.
SINCE_DATES = frozenset({"since", "sinds"})
YEARS = frozenset({"year", "jaar"})
PAGES = frozenset({"pagina"})
REGIONS = frozenset({"jeugdregio"})
#: Parameters that take a crawl's number (``crawls.crawl_id``: the saved search ``crawl_wijzigingen``)
CRAWLS = frozenset({"crawl_id"})
TYPED = DATES | YEARS | PAGES | REGIONS | CRAWLS

_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\S+)?")
#: A day as the saved searches read one (:func:`checked` gives it so): what :func:`as_of_days` names.
_DAY = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])")
_PATH = re.compile(r"^/([^/]+)/([^/.]+)(\.\w+)?$")


class BadParameter(ValueError):
    """A saved search's parameter whose value is not of its kind (the message names both)."""


def checked(name: str, value: str | None) -> str | None:
    """``value`` of saved-search parameter ``name`` as the search reads it: as given, or a day-first date as
    ``YYYY-MM-DD``. Raises :class:`BadParameter` for a value that is not of the parameter's kind; an empty
    value is "not given" and stays."""
    if value is not None and name in DATES and not value.strip():
        return ""   # as_of=" " (a space) was read by the query as a day before every date, and said "as of today"
    if value is None or not value.strip() or name not in TYPED:
        return value
    text = value.strip()
    if name in REGIONS:
        return _region(name, value)
    if name in DATES:
        # a date is read without the spaces around it: the searches compare it as text, so as_of=" 2021-12-01" was a
        # day before every date (no rows) while the page, the CSV note and export said "as of 2021-12-01"
        if day_first := _DAY_FIRST.fullmatch(text):
            day, month, year = (int(part) for part in day_first.groups())
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                pass
        elif _ISO.fullmatch(text):  # as the archive writes dates ("20241231" sorts as no date does)
            try:
                if len(text) == 10:
                    date.fromisoformat(text)
                    return text
                moment = datetime.fromisoformat(text)
                # every date parameter is a day (the searches compare days): a moment is its day on Amsterdam's clock.
                # as_of=2021-12-22T10:00 left out the deadlines of the 22nd (compared as text) that the page, the CSV
                # note and export said it was as of; before=2021-03-03T12:00 kept that day's rows that "before (a
                # date) keeps only those published before that day" leaves out, since "2021-03-03T10:15" sorts before
                # it; since=2021-03-02T23:30:00Z (the 3rd in Amsterdam) read the 2nd, the SQL cutting it to its
                # first ten characters, while the feed's title said "New since 2021-03-02T23:30:00Z"
                if moment.tzinfo is not None:
                    from tenderarchive.arguments import AMSTERDAM

                    moment = moment.astimezone(AMSTERDAM)
                return moment.date().isoformat()
            except ValueError:
                pass
        raise BadParameter(f"{name}: {value!r} is not a date: give YYYY-MM-DD, such as 2024-12-31")
    if name in CRAWLS:
        # crawl_wijzigingen?crawl_id=twaalf (or "#12", "12a") listed nothing at exit 0, as a crawl that wrote nothing
        if text.isdigit() and text.isascii() and int(text) >= 1:
            return value
        raise BadParameter(f"{name}: {value!r} is not a crawl number: give a crawl_id, such as 12 "
                           "(tenderarchive status lists the crawls)")
    if name in YEARS:
        if re.fullmatch(r"\d{4}", text):
            return value
        raise BadParameter(f"{name}: {value!r} is not a year: give four digits, such as 2024")
    if text == "alle" or (text.isdigit() and text.isascii() and int(text) >= 1):
        return value
    raise BadParameter(f"{name}: {value!r} is not a page: give 1, 2, 3 … or alle (every row)")


def _region(name: str, value: str) -> str:
    """``value`` when it names a jeugdregio as the searches read it, else :class:`BadParameter` (with the
    nearest region names, as a watchlist's unknown jeugdregio has)."""
    import difflib

    from tenderarchive import reference
    from tenderarchive.search.query import jeugdregio_code

    if jeugdregio_code(value):
        return value
    names = sorted(row["name"] for row in reference.load().regions.values())
    near = difflib.get_close_matches(value.strip(), names, n=2, cutoff=0.6)
    hint = f" (did you mean {' or '.join(repr(n) for n in near)}?)" if near else ""
    raise BadParameter(f"{name}: {value!r} is no jeugdregio{hint}: give its code, its name or a municipality in it, "
                       f"such as JZ41, Zuid-Limburg or Heerlen")


def days_to_come(params: dict, today: str | None = None) -> list[tuple[str, str]]:
    """``(name, value)`` of each "since" parameter (:data:`SINCE_DATES`) in ``params`` given a day after today
    (Amsterdam's, ``tenderarchive/clock.py``; ``today`` as ``YYYY-MM-DD`` to fix it): nothing archived can be new
    since a day still to come, so a search of no rows says why (``since=2999-01-01``, a year mistyped), where it
    showed an empty table or wrote a bare header as a quiet week does. ``tenderarchive export`` notes it on
    stderr, the saved search's page under its "0 results"."""
    if today is None:
        from tenderarchive.clock import vandaag

        today = vandaag()
    return [(name, params[name]) for name in sorted(SINCE_DATES & set(params))
            if isinstance(params[name], str) and params[name].strip()[:10] > today]


def days_to_come_words(params: dict | None) -> list[str]:
    """The saved search's page's words for :func:`days_to_come`, today as a reader reads it ("since=2999-01-01 is
    after today (5 december 2026): nothing archived is that new"); ``templates/query.html``."""
    from tenderarchive.change_words import moment_words
    from tenderarchive.clock import vandaag

    today = vandaag()
    return [f"{name}={value.strip()} is after today ({moment_words(today)}): nothing archived is that new"
            for name, value in days_to_come(params or {}, today)]


#: The date parameters that set the day a search is as of (``open_youth_care_tenders``' ``as_of``): empty, today.
AS_OF_DATES = frozenset({"as_of"})


def as_of_words(sql, params: dict | None) -> list[str]:
    """The words under a saved search's "0 results" for each parameter of :data:`AS_OF_DATES` its ``sql`` reads: the
    day it was as of and how to set another (``templates/query.html``). "Open youth-care tenders by deadline", the
    home page's first saved search, said "0 results" and nothing else where every archived deadline had passed (the
    demo's): as of today, on Amsterdam's clock, when ``as_of`` is empty; as of the day given otherwise (the days
    of :func:`as_of_days`, as the export and the CSV note name them)."""
    if params is None:
        return []
    from tenderarchive.change_words import moment_words

    said = []
    for name, day, given in as_of_days(sql, params, empty=True):
        if given:
            said.append(f"{name}={day}: this search is as of {moment_words(day)} and has no rows that day. "
                        f"Fill in another day as {name} (YYYY-MM-DD), or leave it empty for today")
        else:
            said.append(f"{name} is empty: this search is as of today, {moment_words(day)} (Amsterdam's clock), "
                        f"and has no rows today. Fill in an earlier day as {name} (YYYY-MM-DD) "
                        "to see what was so that day")
    return said


def as_of_days(sql, params: dict | None, today: str | None = None, *,
               empty: bool = False) -> list[tuple[str, str, bool]]:
    """``(name, day, given)`` for each parameter of :data:`AS_OF_DATES` ``sql`` reads that sets a day: the day given
    (only a ``YYYY-MM-DD``, as the query reads a day) or, empty and defaulted by the query
    (``coalesce(nullif(:as_of, ''), vandaag())``, ``export.defaulted_parameters``), today on Amsterdam's clock
    (``today`` to fix it; else ``tenderarchive/clock.py``, which ``TENDERARCHIVE_NOW`` sets). ``tenderarchive
    export`` names that day on stderr (:func:`as_of_export_words`) and the served CSV of no rows in its
    ``Tenderarchive-Note``: a file of "open tenders" did not say which day they were open, where the search's page
    shows its as_of field. ``empty`` names today also for an empty parameter the query does not default: a saved
    search's page reads as of today then (:func:`as_of_words`, whose form says so), where a file says only what its
    query read."""
    if not isinstance(sql, str):
        return []
    from tenderarchive.export import defaulted_parameters, named_parameters

    names = sorted(AS_OF_DATES & set(named_parameters(sql)))
    if not names:
        return []
    defaulted = defaulted_parameters(sql)
    said = []
    for name in names:
        value = str((params or {}).get(name) or "")
        if value.strip():
            # a day only as the query reads one (a saved search's as_of is one, query_params.checked): a query of
            # one's own reads --param as_of=gisteren or 1-3-2024 as typed, which was named as the day it was as of
            if _DAY.fullmatch(value):
                said.append((name, value, True))
        elif empty or name in defaulted:
            if today is None:
                from tenderarchive.clock import vandaag

                today = vandaag()
            said.append((name, today, False))
    return said


def as_of_export_words(sql, params: dict | None, rows: int, today: str | None = None) -> list[str]:
    """The notes ``tenderarchive export`` prints on stderr (stdout stays the CSV) of the day a search that reads
    ``as_of`` was exported as of (:func:`as_of_days`): "as of 2021-12-01 (--param as_of=2021-12-01): 2 rows" or "as
    of today, 2026-12-07 on Amsterdam's clock (as_of not given; --param as_of=YYYY-MM-DD for another day): no rows
    that day"."""
    said = []
    for name, day, given in as_of_days(sql, params, today):
        count = f"{rows} row{'s' * (rows != 1)}" if rows else "no rows that day"
        if given:
            said.append(f"as of {day} (--param {name}={day}): {count}")
        else:
            said.append(f"as of today, {day} on Amsterdam's clock ({name} not given; --param {name}=YYYY-MM-DD "
                        f"for another day): {count}")
    return said


#: What :func:`crawl_said` reads of a crawl's row (``crawls``), and of all of them.
CRAWL_SQL = "select crawl_id, spider, status, items_new, items_updated, items_unchanged from crawls where crawl_id = ?"
CRAWLS_SPAN_SQL = "select min(crawl_id), max(crawl_id), count(*) from crawls"


def crawl_said(value: str, crawl: dict | None, span: tuple) -> str | None:
    """Why a saved search of what one crawl wrote (``crawl_wijzigingen?crawl_id=N``) has no rows, in the words the
    saved search's page shows under its "0 results" and ``tenderarchive export`` notes on stderr (both showed an
    empty table, or wrote a bare header, alike for a crawl that changed nothing and one the archive does not have):
    ``crawl`` (its row of :data:`CRAWL_SQL`, None for none) archived nothing new or changed, with how many records
    it fetched again unchanged, or the number names no crawl, with the crawls there are (``span``: the row of
    :data:`CRAWLS_SPAN_SQL`). None for a crawl that counts records new or changed (the search says nothing else)."""
    if crawl is None:
        low, high, count = span
        has = ("it has no crawl yet" if not count else f"its crawl is {low}" if count == 1
               else f"its crawls are {low} to {high}")
        return f"{value} names no crawl of this archive: {has} (tenderarchive status lists them)"
    if crawl.get("items_new") or crawl.get("items_updated"):
        return None
    unchanged = crawl.get("items_unchanged") or 0
    running = crawl.get("status") == "running"
    done = ("has archived nothing new or changed so far (its status is running: still under way, or killed)"
            if running else "archived nothing new or changed")
    again = (f"; it fetched {unchanged} archived record{'s' * (unchanged != 1)} again, unchanged" if unchanged
             else "; it archived no record at all")
    what = f"{crawl.get('spider') or 'spider unknown'}, {crawl.get('status') or 'status unknown'}"
    return f"crawl {crawl['crawl_id']} ({what}) {done}{again}"


async def crawl_said_words(datasette, database: str | None, sql: str | None, values: dict | None) -> list[str]:
    """The words under a saved search's "0 results" when it lists what one crawl wrote (a parameter of
    :data:`CRAWLS`) and that crawl changed nothing or is none of the archive's (:func:`crawl_said`), read from
    ``crawls`` (templates/query.html); empty for any other empty page, or where ``crawls`` cannot be read."""
    if not sql or not database or not values or database not in datasette.databases:
        return []
    said = []
    for name in sorted(CRAWLS & set(values)):
        value = str(values.get(name) or "").strip()
        if not (value.isdigit() and value.isascii()):
            continue
        db = datasette.databases[database]
        try:
            rows = (await db.execute(CRAWL_SQL, [int(value)])).rows
            span = tuple((await db.execute(CRAWLS_SPAN_SQL)).rows[0])
        except Exception:  # an archive without crawls, a time-out: "0 results" alone
            continue
        why = crawl_said(f"{name}={value}", dict(rows[0]) if rows else None, span)
        if why:
            said.append(why)
    return said


#: Parameters that name one thing of the archive (a procurement, a buyer), what it is, the SQL that finds it as the
#: saved searches read the value (``?1``; ``procurement_id in (:procurement_id, 'TN' || :procurement_id)``,
#: ``buyer_id = trim(:opdrachtgever)``) and the page of the same database that lists them (:func:`unknown_said`).
NAMED = {
    "procurement_id": ("procurement", "select 1 from procurements where procurement_id in (?1, 'TN' || ?1) limit 1",
                       "procurements"),
    "opdrachtgever": ("buyer", "select 1 from notices where buyer_id = trim(?1) limit 1", "opdrachtgevers"),
}


def unknown_said(name: str, value: str) -> str:
    """Why a saved search of one procurement or buyer has no rows when its value names none of the archive's (a
    kenmerk mistyped, ``procurement_timeline?procurement_id=TN999``): its page said "0 results", its CSV and
    ``tenderarchive export`` gave a header alone at exit 0, as for a procurement with nothing to show."""
    what, _, listing = NAMED[name]
    shown = "".join(c if c.isprintable() else "?" for c in value.strip())[:80]
    return f"{name}={shown} names no {what} of this archive ({listing} lists them)"


def unknown_named(sql, params: dict | None, found) -> list[str]:
    """:func:`unknown_said` of each parameter of :data:`NAMED` that ``sql`` reads, given a value for which ``found(sql,
    [value])`` (the database's answer: True when the SQL of :data:`NAMED` has a row) finds nothing. A search asks it
    only when it has no rows."""
    if not isinstance(sql, str) or not params:
        return []
    from tenderarchive.export import named_parameters

    said = []
    for name in sorted(set(NAMED) & set(named_parameters(sql))):
        value = str(params.get(name) or "")
        if value.strip() and not found(NAMED[name][1], [value]):
            said.append(unknown_said(name, value))
    return said


async def unknown_named_words(datasette, database: str | None, sql: str | None, values: dict | None) -> list[str]:
    """The words under a saved search's "0 results" for :func:`unknown_named` (templates/query.html); empty where
    the archive cannot be read."""
    if not sql or not database or not values or database not in datasette.databases:
        return []
    db = datasette.databases[database]
    said = []
    for name in sorted(set(NAMED) & set(values)):
        try:
            rows = (await db.execute(NAMED[name][1], [str(values.get(name) or "")])).rows
        except Exception:  # an archive without the table, a time-out: "0 results" alone
            continue
        said += unknown_named(sql, {name: values.get(name)}, lambda _sql, _args, rows=rows: bool(rows))
    return said


#: The saved searches of what changed between crawls, read from ``versions`` alone: with no earlier version in the
#: archive they have no rows, and say why (:func:`versions_said`). ``changed_notices`` falls back on the
#: rectifications then, ``crawl_wijzigingen`` says what its crawl did (:func:`crawl_said`).
CHANGE_SEARCHES = frozenset({"aanbesteding_wijzigingen"})
#: The table and view that hold the versions themselves: with none in the archive their table page said "0 rows" and
#: nothing else (``templates/table.html``), where the searches of them said why (:func:`versions_said_table_words`).
CHANGE_TABLES = frozenset({"changes", "versions"})


def versions_said(crawls: int, synthetic_demo: bool, what: str = "search") -> str:
    """Why a search of what changed has no rows when the archive holds no earlier version at all (``versions``
    empty): no crawl found a record it had archived changed; on the synthetic demo, because its bundled snapshot
    holds one state of each notice and article. "Changed notices" on ``make demo`` said "0 results" and nothing else,
    which read as a broken search."""
    said = (f"Nothing in this archive has changed yet (versions is empty): a change is kept when a later crawl "
            f"fetches a notice, news page or award again and finds it different, and none of its {crawls} crawl"
            f"{'s' * (crawls != 1)} has.")
    if synthetic_demo:
        said += (" This is the synthetic demo: its bundled snapshot holds one state of each notice and article, "
                 "each fetched by one crawl, so there is no change to show.")
    return said + f" An archive crawled again (tenderarchive crawl, from cron: docs/operations.md) fills this {what}."


async def versions_said_words(datasette, database: str | None, name: str | None) -> list[str]:
    """The words under a saved search's "0 results", or its section's "Geen rijen." on a procurement's page, when it
    is one of :data:`CHANGE_SEARCHES` and the archive holds no earlier version at all (:func:`versions_said`;
    templates/query.html, research.py); empty for any other empty page, or where it cannot be read."""
    if name not in CHANGE_SEARCHES:
        return []
    return await _versions_said_words(datasette, database, "search")


async def versions_said_table_words(datasette, database: str | None, table: str | None) -> list[str]:
    """:func:`versions_said_words` for the table page of :data:`CHANGE_TABLES` (``/archive/changes``, the view behind
    the searches of what changed, and ``versions``): "0 rows" and nothing else, on the demo, read as a broken view.
    Empty for any other table, or where the archive holds a version."""
    if table not in CHANGE_TABLES:
        return []
    return await _versions_said_words(datasette, database, "view" if table == "changes" else "table")


async def _versions_said_words(datasette, database: str | None, what: str) -> list[str]:
    """:func:`versions_said` of ``database`` when its ``versions`` is empty, else (or unreadable) nothing."""
    if not database or database not in datasette.databases:
        return []
    db = datasette.databases[database]
    try:
        if (await db.execute("select exists (select 1 from versions)")).rows[0][0]:
            return []
        crawls = (await db.execute("select count(*) from crawls")).rows[0][0]
    except Exception:  # an archive without versions or crawls, a time-out: "0 results" alone
        return []
    synthetic = bool((datasette.plugin_config("tenderarchive") or {}).get("synthetic_demo"))
    return [versions_said(crawls, synthetic, what)]


def checked_params(params: dict) -> dict:
    """Every parameter :func:`checked` (raises :class:`BadParameter` at the first that is not of its kind)."""
    return {name: checked(name, value) for name, value in params.items()}


async def response_for(datasette, path: str, query_string: str):
    """The answer to a saved search's address whose typed parameter is not of its kind (a redirect to the
    day-first date as ISO, or a 400 naming it), or None to let Datasette answer."""
    from datasette.utils import tilde_decode
    from datasette.utils.asgi import Response

    match = _PATH.match(path)
    if not match or not query_string:
        return None
    args = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    if not any(name in TYPED for name, _ in args):
        return None
    database, name = (tilde_decode(urllib.parse.unquote(part)) for part in match.groups()[:2])
    if database not in datasette.databases:
        return None
    query = (await datasette.get_canned_queries(database, None)).get(name)
    if not query:
        return None
    declared = set(query.get("params") or ())
    bad = None
    try:
        fixed = []
        for key, value in args:
            bad = key
            fixed.append((key, checked(key, value) if key in declared else value))
    except BadParameter as exc:
        if match.group(3) == ".json":
            return Response.json({"ok": False, "error": str(exc), "status": 400, "title": "Invalid parameter"},
                                 status=400)
        if match.group(3):  # .csv, .atom …: one line
            return Response.text(f"{name}: {exc}\n", status=400)
        return Response.html(await _error_page(datasette, path, query_string, args, bad, f"{name}: {exc}"),
                             status=400)
    if fixed != args:
        return Response.redirect(f"{path}?{urllib.parse.urlencode(fixed)}")
    return None


async def _error_page(datasette, path: str, query_string: str, args: list, bad: str, message: str) -> str:
    """The saved search's 400 as an HTML page of the site, as Datasette's own errors are (its header and
    footer, with the demo's label): a researcher who typed a date the Dutch way wrong into the form had a
    bare line of text and no way back. It links the search without the parameter."""
    from datasette.utils.asgi import Request
    from markupsafe import Markup

    rest = urllib.parse.urlencode([(k, v) for k, v in args if k != bad])
    back = path + (f"?{rest}" if rest else "")
    error = Markup("{}<br><a href=\"{}\">The search without {}</a>").format(message, back, bad)
    request = Request.fake(f"{path}?{query_string}")
    request.scope["csrftoken"] = lambda: ""  # a GET page with no form to protect (Datasette's own 4xx has none)
    return await datasette.render_template(
        ["400.html", "error.html"], {"ok": False, "error": error, "status": 400, "title": "Ongeldige parameter"},
        request=request)


#: A saved search's parameter whose words it searches: ``nl_fts_query(:q)`` (search_all).
_SEARCHED = re.compile(r"\bnl_fts_query\s*\(\s*:(\w+)\s*\)", re.IGNORECASE)


def wordless_searches(sql, params: dict | None) -> list[tuple[str, str]]:
    """``(name, value)`` of each parameter whose words ``sql`` searches (``nl_fts_query(:q)``) that holds no word to
    search for: empty, or only quotes, operators' signs or punctuation (``q=***``, ``q="``). The search matches nothing
    then (``search/query.py`` ``MATCH_NOTHING``), and its page said "0 results" as for words the archive does not
    hold; ``export`` wrote a bare header at exit 0."""
    if not isinstance(sql, str) or not params:
        return []
    from tenderarchive.search.query import query_terms

    names = dict.fromkeys(match.group(1) for match in _SEARCHED.finditer(sql))
    return [(name, params[name]) for name in names
            if name in params and isinstance(params[name], str) and not query_terms(params[name])]


#: What an empty parameter a saved search needs takes (as its 400 says it: :func:`_region`), and the table or saved
#: search of the same database that lists the values to choose from (:func:`unasked_words`).
ASKED = {
    "procurement_id": ("a procurement's id (TN + its kenmerk, or the kenmerk: TN160417, 160417)", "procurements"),
    "jeugdregio": ("a jeugdregio (its code, its name or a municipality in it: JZ41, Zuid-Limburg, Heerlen)",
                   "jeugdregio_overzicht"),
    "opdrachtgever": ("a buyer's organisation id (GM0546)", "opdrachtgevers"),
    "aanbieder": ("a provider (its organisation id, KvK number or name: kvk:14012345)", "aanbieders"),
    "crawl_id": ("a crawl's number", "crawls"),
}


def unasked(sql, params: dict | None) -> list[str]:
    """The parameters a saved search needs that ``params`` leaves empty: ``sql`` reads them (``:name``) and gives them
    no meaning when empty (``export.defaulted_parameters``), so without them it has no rows. Opened from the home
    page's link or the database's list of searches (``procurement_timeline``, ``aanbieder_contracten``), such a
    search said "0 results" as for a procurement without events, where ``tenderarchive export`` refuses it naming
    the parameter (``export._refuse_unasked``). A parameter whose words are searched is told by
    :func:`wordless_searches` instead."""
    if not isinstance(sql, str) or params is None:
        return []
    from tenderarchive.export import defaulted_parameters, named_parameters

    searched = set(_SEARCHED.findall(sql))
    defaulted = defaulted_parameters(sql)
    return [name for name in named_parameters(sql)
            if name not in defaulted and name not in searched and not str(params.get(name) or "").strip()]


def unasked_words(sql, params: dict | None) -> list:
    """The saved search's page's words for :func:`unasked` under its "0 results" (``templates/query.html``): the
    parameter is empty, what it takes, and a link to the page of the same database listing its values (relative:
    the page is ``/DATABASE/SEARCH``)."""
    from markupsafe import Markup

    said = []
    for name in unasked(sql, params):
        takes, listing = ASKED.get(name, ("its value", None))
        words = Markup("{} is empty: this search has no rows without it. Fill in {}").format(name, takes)
        if listing:
            words += Markup('; <a href="{}">{}</a> lists them').format(listing, listing)
        said.append(words)
    return said


#: What a searcher types as a search engine's operator (``jeugdhulp OR wmo``, ``jeugdhulp -wmo``): the searches read
#: every word as one that must be in a hit (``search/query.py``), so ``-wmo`` kept only the hits that have wmo.
_OPERATORS = re.compile(r"(?<!\S)(?:(AND|OR|NOT)|-(\w[\w-]*))(?!\S)")


def operator_words(sql, params: dict | None) -> list[str]:
    """For each parameter whose words ``sql`` searches (``nl_fts_query(:q)``) given an operator of another search
    engine (``OR``, ``AND``, ``NOT``, a ``-`` before a word): that it is read as a word, where ``search_all?q=jeugdhulp
    -wmo`` listed, without a word, the hits that do mention wmo, and ``jeugdhulp OR wmo`` only those holding the word
    "or" too. On the saved search's page above its rows (templates/query.html) and on ``export``'s stderr."""
    if not isinstance(sql, str) or not params:
        return []
    said = []
    for name in dict.fromkeys(_SEARCHED.findall(sql)):
        value = params.get(name)
        if not isinstance(value, str):
            continue
        found = _OPERATORS.findall(value[:1000])
        if not found:
            continue
        parts = [f'"{word}" is searched as the word "{word.lower()}"' if word else
                 f'"-{excluded}" is searched as "{excluded}" (no word is left out)' for word, excluded in
                 dict.fromkeys(found)]
        said.append(f"{name}: {'; '.join(parts)}. Every word must be in a hit (its synonyms count): this search has "
                    "no operators")
    return said


def wordless_search_words(sql, params: dict | None) -> list[str]:
    """The saved search's page's words for :func:`wordless_searches` (``templates/query.html``)."""
    return [(f"{name} is empty" if not value.strip() else f"{name}={value.strip()[:80]} holds no word to search for")
            + ": type one or more words to search for" for name, value in
            wordless_searches(sql, params)]
