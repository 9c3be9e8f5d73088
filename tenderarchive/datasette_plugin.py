"""Datasette plugin of tenderarchive (registered through the ``datasette`` entry point).

* SQL functions for the saved searches (every connection):

  ``nl_fts_query(q)``
      a Dutch user query as a safe FTS5 query over ``search_documents_fts`` (stemmed,
      synonyms expanded, every term quoted; see ``tenderarchive/search/query.py``);
  ``fts_quote(q)``
      the user's words as quoted FTS5 terms, for the raw indexes (``notices_fts`` …);
  ``nl_stem(text)``
      the Dutch-stemmed mirror of a text;
  ``jeugdregio_code(text)``
      JZnn for a jeugdregio code, name or alias, or a municipality name;
  ``atom_time(value, ...)``
      a date or timestamp (``2021``, ``2021-05``, ``2021-05-02``, naive or aware ISO 8601)
      as ISO 8601 with an offset (Europe/Amsterdam when none is given), as Atom needs;
  ``atom_changed(changed, value, ...)``
      an entry's ``updated``: its date (the first value that parses, as ``atom_time``) or, when later,
      ``changed``, the moment the archive read its last change a reader sees (``reader_change(changed_columns)``
      of its ``versions``: 1 unless the version changed only the archive's bookkeeping);
  ``awarded_to(text)``
      the phrase after "gegund aan" in a notice text (TenderNed's public records carry no
      structured winner), or NULL;
  ``euro(cents)``
      exact integer cents as Dutch euro text (``€ 12.400.000,00``), NULL stays NULL;
  ``as_printed(raw, currency)``
      an amount's printed text, with its currency where that is not the euro and the text does not name it
      (``800 000 GBP``): what a view shows of a value without exact euro cents, ``coalesce(euro(…), as_printed(…))``;
  ``waarde_woorden(value, cents, raw, currency)``
      the words an award's value text (``coalesce(euro(…), as_printed(…))``) is given with after its winners in an
      Atom entry, as the timeline's sentences give it (``timeline.value_phrase``): "voor € 1.250.000,00", "voor
      maximaal € 2.000.000,00" (a value published "maximaal € 2 miljoen"), "voor een bedrag tussen € 1 en € 2
      miljoen", "tegen € 85 per uur"; NULL stays NULL;
  ``euro_values(json)``
      a JSON object of a record's values (``versions``' previous/new values) with each ``…_cents`` amount in
      euros under its name without ``_cents`` (``research.euro_values``), for the feed of a procurement's changes;
  ``change_text(previous_values, new_values[, table])``, ``column_names(changed_columns[, table])``
      a version's change as words, "deadline: 2018-07-06 → 2018-06-30; title: … → …" (amounts in euros), and its
      changed columns as "deadline, title" (``research.change_text``, ``research.column_names``); with the
      version's table, in the research pages' words ("Current closing date for tenders (deadline): 6 juli 2018
      12:00 → …", ``change_words``), for the entries of the ``changed_notices`` and ``aanbesteding_wijzigingen``
      feeds, which gave the stored JSON and then the stored columns and ISO dates;
  ``notice_stage(notice_type, form_type, is_cancelled)``
      the stage id (``docs/reference/stages.md``) a notice's publication puts on the timeline
      (``tenderarchive/timeline.py``), for the dashboard's stages chart of an archive without news;
  ``stage_rank(stage)``
      the place of a stage id in ``docs/reference/stages.md`` (0 = voorbereiding; -1 for NULL or
      an unknown id), to order a day's events by stage;
  ``date_order(date)``
      where a timeline puts an event's date (``tenderarchive/timeline.py``): a month ("2018-03") after that month's
      days, a year after its days and months ("2018-03-99", "2019-99-99"); the order of ``procurement_timeline`` and
      of a procurement's current stage (its "Fase", ``timeline.CURRENT_STAGE_SQL``) alike;
  ``kvk(text)``
      the 8-digit KvK number a user typed ("01234567", "1234567" without its leading zero, "KvK 0123 4567"),
      as the archive stores it (``tenderarchive/awards/names.py``: ``kvk_number``), or NULL;
  ``vandaag()``, ``nu()``
      today (``YYYY-MM-DD``) as Amsterdam counts it and now (UTC, as ``julianday`` reads it), not SQLite's UTC
      ``date('now')``: the day of ``new_this_week``, of the open tenders and of a procurement's current stage
      turns at Amsterdam's midnight (``tenderarchive/clock.py``; ``TENDERARCHIVE_NOW`` fixes the moment; set, it is
      also the views' ``julianday('now')``, the ages of ``freshness`` and ``news_sites``: ``clock.julianday``);
  ``amsterdam_day(ts)``
      the Amsterdam day (``YYYY-MM-DD``) of an archived UTC moment (``fetches.fetched_at``): the day
      ``new_this_week`` counts an undated news page from, the day the archive first read it;
  ``http_url(value)``
      the value if it is an absolute http(s) URL, else NULL (``tenderarchive/urls.py``): every
      saved search's ``atom_link`` goes through it, so a feed never links another scheme;
  ``site_link(path, name, value, …)``
      a page of this site: ``path`` with the non-empty ``name=value`` pairs as its query string
      (``site_link('/-/aanbieder', 'id', 'name:zorg & co')`` is ``/-/aanbieder?id=name%3Azorg+%26+co``), the
      ``atom_link`` of an entry with no page elsewhere (a provider, a buyer, a region, a year);
      :func:`render_atom` makes it absolute on the address the feed was asked at.

* The research pages (``tenderarchive/research.py``): a jeugdregio, a buyer, a provider, the
  market, a map and the glossary (``register_routes``), and links from table and query cells to them
  (written by the row filters of ``tenderarchive/table_rows.py``, with no ``render_cell`` hook:
  Datasette calls that for every cell; ``jeugdregio_code`` to the region page, a winner's ``organisation_id`` (in
  ``award_suppliers``, ``award_winner_shares``, ``summary_award_winners``, ``summary_org_regions``) and
  ``aanbieder_id`` to the provider page, ``buyer_id`` and ``opdrachtgever_id`` to the buyer page,
  ``procurement_id`` and a procurement's title to the procurement page with its timeline).

* The facet type ``counted`` (:class:`CountedFacet`): a column facet that, on a page showing a
  whole table, reads the counts the archive keeps in ``facet_counts``
  (``tenderarchive/store/facet_counts.py``) instead of grouping a million rows per facet; on a
  filtered or searched page it is Datasette's column facet.

* Read-only: every connection to an archive database gets ``PRAGMA query_only``, so not
  even a misconfigured canned query or plugin can write through Datasette.

* ``/-/search?q=…`` is the saved search ``search_all`` (:func:`search_everything`).

* A table search that matches more than ``table_search_limit`` rows shows its rows without
  Datasette's count and facets over every match, and says how many match
  (``tenderarchive/table_search.py``: ``asgi_wrapper``, ``filters_from_request`` and
  ``extra_template_vars``).

* A saved search's CSV (its page's CSV link, the research pages' "every row" links) holds every
  row, not Datasette's first 1,000 (``tenderarchive/query_csv.py``: ``asgi_wrapper``).

* A table sorted by a column (notices newest first) lists each row once on its pages and in its CSV of
  every row: the first page's ties by the primary key, as Datasette orders the next pages
  (``tenderarchive/table_order.py``: ``asgi_wrapper`` and ``ArchiveDatabase.execute`` in ``serve.py``).

* A table page's and a saved search's rows are written a row at a time, with their links (``prepare_jinja2_environment``:
  the ``table_row`` and ``query_row`` filters of ``tenderarchive/table_rows.py``, used by
  ``templates/_table.html`` and ``templates/query.html``).

* Atom feeds of saved searches (:func:`render_atom`, in place of datasette-atom's renderer)
  are valid XML whatever the archived text holds, link only http(s) URLs, name their author
  (RFC 4287), and are valid empty feeds when a search has no rows.

* A saved search shown a hundred rows a page (``pagina``) links its previous and next page
  (``prepare_jinja2_environment``: ``saved_search_pages`` of ``tenderarchive/query_pages.py``, used by
  ``templates/query.html``); Datasette's own error pages carry the demo's label (a Jinja global). A search of no
  rows since a day still to come says why under its "0 results" (``days_to_come``, ``tenderarchive/query_params.py``),
  and so does one opened without a parameter it needs (``procurement_timeline`` without ``procurement_id``:
  ``unasked_search``), and one of a day (``open_youth_care_tenders``' ``as_of``) names the day it was as of and how to
  set another (``as_of_search``).
"""

from __future__ import annotations

import copy
import functools
import os
import re
from datetime import date, datetime
from tenderarchive.arguments import AMSTERDAM  # the one Europe/Amsterdam zone

from datasette import hookimpl
from datasette.facets import ColumnFacet
from datasette.utils import path_with_added_args, path_with_removed_args

from tenderarchive import clock, research
from tenderarchive.search import query as search_query
from tenderarchive.store import facet_counts
from tenderarchive.timeline import date_order, notice_stage, value_phrase
from tenderarchive.urls import http_url, iri
from tenderarchive.search import text as search_text



def atom_time(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            moment = datetime(int(text), 1, 1)
        elif re.fullmatch(r"\d{4}-\d{2}", text):
            moment = datetime(int(text[:4]), int(text[5:7]), 1)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            moment = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment.isoformat()


UNDATED = "1970-01-01T00:00:00+00:00"


def atom_time_first(*values) -> str:
    """SQL ``atom_time(a, b, …)``: the first value that parses as a date, else the epoch.

    An Atom entry must have an ``updated`` time (datasette-atom sorts on it), but a
    living project page may state no date at all: such entries say 1970 and sort last
    instead of breaking the feed."""
    for value in values:
        moment = atom_time(value)
        if moment:
            return moment
    return UNDATED


def latest_moment(values) -> str:
    """The latest of Atom times (RFC 3339 text) by the moment each names, not by its text: a feed's ``updated`` was
    the greatest text, and "2026-12-08T09:00:00+01:00" (a notice, 08:00 UTC) is greater than
    "2026-12-08T08:30:00+00:00" (an article's fetch, later). A text that is no time counts as earliest; none that is
    one: the greatest text."""
    values = list(values)

    def moment(value):
        try:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=AMSTERDAM)

    dated = [(found, value) for value in values if (found := moment(value)) is not None]
    return max(dated, key=lambda pair: pair[0])[1] if dated else max(values, key=str)


def atom_changed(changed, *values) -> str:
    """SQL ``atom_changed(changed, a, b, …)``: an entry's ``updated``, the moment it last changed. Its date (the first
    of ``a, b, …`` that parses, as ``atom_time``: a notice's or an article's publication, an undated page's first
    fetch) or, when later, ``changed``, the moment the archive read its last change a reader sees
    (``versions.valid_to``, :func:`reader_change`). An undated news page whose text was rewritten a month after the
    archive first read it kept the first fetch as its ``updated``, so a feed reader never showed it changed (RFC
    4287 §4.2.15: the most recent instant the entry was changed in a way the publisher considers significant)."""
    dated, moment = atom_time_first(*values), atom_time(changed)
    if moment is None:
        return dated
    return moment if datetime.fromisoformat(moment) > datetime.fromisoformat(dated) else dated


def reader_change(changed_columns) -> int:
    """SQL ``reader_change(versions.changed_columns)``: 1 when a version changed a column a reader reads, 0 when it
    changed only the archive's bookkeeping (an article's scores from a newer model, what a response left out:
    ``research._bookkeeping``), which brings no entry back as updated. Not a JSON list: 1 (a change all the same)."""
    import json

    try:
        columns = json.loads(changed_columns) if isinstance(changed_columns, str) else None
    except ValueError:
        return 1
    if not isinstance(columns, list):
        return 1
    return int(any(not research._bookkeeping(column) for column in columns))


_AWARDED = re.compile(r"\bgegund\s+aan\s+(.+?)(?:\.(?:\s|$)|;|\n|$)", re.IGNORECASE | re.DOTALL)


def awarded_to(text) -> str | None:
    match = _AWARDED.search(str(text or ""))
    return match.group(1).strip() if match else None


def euro(cents) -> str | None:
    """Exact cents as Dutch euro text: 1240000000 -> "€ 12.400.000,00"."""
    if cents is None or cents == "":
        return None
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"€ {sign}{whole:,}".replace(",", ".") + f",{rest:02d}"


def as_printed(raw, currency) -> str | None:
    """An amount's printed text as a view shows it where it has no exact euro amount (``coalesce(euro(…_cents),
    as_printed(…_raw, …_currency))``), with its currency where that is another than the euro and the text does not
    name it: an eForms amount's currency is a span of its own ("800 000" and "Pond sterling", tenderned-awards.md
    §2.4), an older form's a line of its own ("Munt: USD", §3.1), an OCDS amount's a field of its own, so the text
    alone ("800 000") read as euros beside the view's euro amounts; a currency the readers did not know is kept by
    its name, which is shown so too. A euro amount's text (a placeholder's "1", "n.v.t.") is shown as printed."""
    if raw is None or raw == "":
        return None
    text = str(raw)
    code = str(currency or "").strip()
    if not code or code.upper() == "EUR":
        return text
    from tenderarchive.awards.amounts import currency_code  # on first use: the plugin loads without the award readers

    named = code.casefold() in text.casefold() or currency_code(text) == code.upper()
    return text if named else f"{text} {code}"


def aantal(n, singular, plural) -> str | None:
    """A count with its noun, one in the singular: (1, "gunning", "gunningen") -> "1 gunning", 4 -> "4 gunningen"
    (the feeds' titles and texts said "1 gunningen"); NULL stays NULL, as ``n || ' gunningen'`` did."""
    if n is None or n == "":
        return None
    return f"{n} {singular if str(n) == '1' else plural}"


def stage_rank(stage) -> int:
    """The place of a stage id in docs/reference/stages.md; -1 for NULL or an id outside it."""
    from tenderarchive.analysis.vocabulary import STAGE_RANK  # on first use: the plugin loads without the analysis

    return STAGE_RANK.get(stage, -1)


def _safe(function):
    def wrapped(*args):
        try:
            return function(*args)
        except Exception:  # a SQL function must never break a page
            return None
    return wrapped


@hookimpl
def prepare_connection(conn, database, datasette):
    register_functions(conn)
    if not database.startswith("_"):
        conn.execute("PRAGMA query_only = 1")


def register_functions(conn) -> None:
    """The SQL functions the saved searches, dashboards and templates call."""
    conn.create_function("nl_fts_query", 1, lambda q: search_query.nl_fts_query("" if q is None else str(q)), deterministic=True)
    conn.create_function("fts_quote", 1, lambda q: search_query.fts_quote("" if q is None else str(q)), deterministic=True)
    conn.create_function("nl_stem", 1, _safe(search_text.stem_text), deterministic=True)
    conn.create_function("jeugdregio_code", 1, _safe(search_query.jeugdregio_code), deterministic=True)
    conn.create_function("atom_time", -1, _safe(atom_time_first), deterministic=True)
    conn.create_function("atom_changed", -1, _safe(atom_changed), deterministic=True)
    conn.create_function("reader_change", 1, _safe(reader_change), deterministic=True)
    conn.create_function("awarded_to", 1, _safe(awarded_to), deterministic=True)
    conn.create_function("notice_stage", 3, _safe(notice_stage), deterministic=True)
    conn.create_function("stage_rank", 1, stage_rank, deterministic=True)
    conn.create_function("date_order", 1, _safe(date_order), deterministic=True)
    conn.create_function("http_url", 1, _safe(http_url), deterministic=True)
    conn.create_function("euro", 1, _safe(euro), deterministic=True)
    conn.create_function("as_printed", 2, _safe(as_printed), deterministic=True)
    conn.create_function("waarde_woorden", 4, _safe(value_phrase), deterministic=True)
    conn.create_function("euro_values", 1, _safe(research.euro_values), deterministic=True)
    conn.create_function("change_text", -1, _safe(research.change_text), deterministic=True)
    conn.create_function("column_names", -1, _safe(research.column_names), deterministic=True)
    conn.create_function("aantal", 3, _safe(aantal), deterministic=True)
    conn.create_function("kvk", 1, _safe(_kvk), deterministic=True)
    conn.create_function("name_key", 1, _safe(_name_key), deterministic=True)
    conn.create_function("site_link", -1, _safe(site_link), deterministic=True)
    # not deterministic: SQLite must ask them again for every statement (a bad TENDERARCHIVE_NOW is the query's error)
    conn.create_function("amsterdam_day", 1, _safe(clock.amsterdam_day), deterministic=True)
    conn.create_function("vandaag", 0, clock.vandaag)
    conn.create_function("nu", 0, clock.nu)
    if os.environ.get(clock.NOW, "").strip():
        # the moment fixed: the views' julianday('now') (freshness, news_sites) is it too; unset, SQLite's own (no
        # Python call for every julianday of a query)
        conn.create_function("julianday", 1, clock.julianday)


def site_link(path, *pairs) -> str | None:
    """SQL ``site_link(path, name, value, …)``: a page of this site, ``path`` (starting with one ``/``) with the
    pairs whose value is not NULL or empty as its query string, else NULL."""
    import urllib.parse

    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//") or len(pairs) % 2:
        return None
    query = urllib.parse.urlencode([(str(name), str(value)) for name, value in zip(pairs[::2], pairs[1::2])
                                    if value not in (None, "")])
    return path + (f"?{query}" if query else "")


def _entry_link(datasette, request, value) -> str | None:
    """An Atom entry's link: an absolute http(s) URL as it is, a page of this site (``site_link``) made absolute on
    the address the feed was asked at (Datasette's ``base_url`` and ``force_https_urls`` kept), else None."""
    if http_url(value):
        return http_url(value)
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//") and site_link(value) == value:
        return http_url(datasette.absolute_url(request, datasette.urls.path(value)))
    return None


def _name_key(text) -> str | None:
    """An organisation's name as typed, folded as the archive folds winners' names (``organisations.name_key``)."""
    from tenderarchive.awards.names import name_key

    return name_key(None if text is None else str(text))


def _kvk(text) -> str | None:
    from tenderarchive.awards.names import kvk_number

    return kvk_number(None if text is None else str(text))


@hookimpl
def register_routes(datasette):
    from tenderarchive.metadata import RENAMED_QUERIES

    renamed = "|".join(RENAMED_QUERIES)
    return research.routes() + [(r"^/-/search$", search_everything),
                                (rf"^/(?P<database>[^/]+)/(?P<query>{renamed})(?P<ext>\.\w+)?$", old_saved_search),
                                (rf"^{DASHBOARD_SCRIPT}$", dashboard_script)]


#: The dashboard pages' script: a chart with no rows for the chosen jeugdregio says so, and each chart has the schema of
#: the vega-lite loaded (``datasette/dashboard.js``).
DASHBOARD_SCRIPT = "/-/tenderarchive/dashboard.js"


@hookimpl
def extra_js_urls(template, database, table, columns, view_name, request, datasette):
    """``datasette/dashboard.js`` in the head of datasette-dashboards' pages (a dashboard, one chart of it): it wraps
    the plugin's renderers as soon as they are loaded, before the page calls them, and says "No data for this
    jeugdregio" where a chart has no rows (an empty axis with a lone 0, a table card left blank by an error); it gives
    each chart the ``$schema`` of the vega-lite bundled (6; the plugin writes 5's, a console warning per chart)."""
    if template in ("dashboard_view.html", "dashboard_chart.html"):
        return [{"url": DASHBOARD_SCRIPT}]
    return []


async def dashboard_script(datasette, request):
    from importlib import resources

    from datasette.utils.asgi import Response

    # package data, read through importlib.resources: it works from a zipped egg too
    text = resources.files("tenderarchive").joinpath("datasette", "dashboard.js").read_text(encoding="utf-8")
    return Response(text, content_type="text/javascript; charset=utf-8")


async def search_everything(datasette, request):
    """``/-/search?q=…``, Datasette's address for searching all tables: the saved search
    ``search_all`` of the served archive, one ranked search over notices and news (issue 14).

    datasette-search-all answered it before by running every searchable table's own search, a
    count and a list per table; at a million notices a common word took five seconds. This is a
    redirect, so the result has the saved search's address, feeds and CSV."""
    from datasette.utils.asgi import Response

    from tenderarchive.research import archive_database, query_url

    database = archive_database(datasette)
    if "search_all" not in await datasette.get_canned_queries(database, None):
        return Response.text("No archive with the saved search search_all is served.", status=404)
    return Response.redirect(query_url(database, "search_all", {"q": request.args.get("q", "")}))


async def old_saved_search(datasette, request):
    """An old saved search's address (``tenderarchive.metadata.RENAMED_QUERIES``): a redirect to its new
    name, the parameters renamed (``before`` of provider_contracts is ``voor``) and the rest (``_size``,
    ``_stream`` …) kept; a parameter the new search does not take is dropped."""
    from datasette.utils.asgi import Response

    from tenderarchive.metadata import renamed_query

    database, query = request.url_vars["database"], request.url_vars["query"]
    target, renamed = renamed_query(query, {k: request.args.get(k) for k in request.args})
    if database not in datasette.databases or target not in await datasette.get_canned_queries(database, None):
        return Response.text(f"No saved search {target} (formerly {query}) in a database {database}.", status=404)
    params = (await datasette.get_canned_queries(database, None))[target].get("params") or []
    args = {k: v for k, v in renamed.items() if k in params or k.startswith("_")}
    return Response.redirect(research.query_url(database, target, args, request.url_vars.get("ext") or ""))


#: Characters no HTML page may carry (a parse error, "unexpected-null-character", "control-character-in-input-
#: stream"): the C0 controls but the white space HTML reads (tab, line feed, form feed, carriage return), and DEL.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def writable(value):
    """A value as a page may write it (the ``finalize`` of every ``{{ … }}`` of the site's templates): its control
    characters (:data:`_UNWRITABLE`) each written as U+FFFD, as an HTML parser reads a NUL, the rest as it is.

    A NUL or another control character typed into a parameter (``/-/search?q=x%00y``, a saved search's
    ``procurement_id``, a table's ``_search`` or filter, a research page's ``id``) was written raw into the search
    form's ``value``, the page's title and its "not found" line: an HTML parse error. The search itself reads it as the
    space between two words (``x`` and ``y``), and reads U+FFFD the same, so the form sent again searches the same.
    Markup stays markup; anything not text (numbers, None) as it is."""
    if isinstance(value, str) and _UNWRITABLE.search(value):
        from markupsafe import Markup

        written = _UNWRITABLE.sub("\ufffd", value)
        return Markup(written) if isinstance(value, Markup) else written
    return value


@hookimpl
def prepare_jinja2_environment(env, datasette):
    from datasette import __version__

    from tenderarchive import query_csv, query_pages, query_params, table_rows

    env.finalize = writable  # no control character written raw into a page (:func:`writable`)
    env.filters["table_row"] = table_rows.table_row
    env.globals["saved_search_pages"] = query_pages.page_links  # templates/query.html
    # why a saved search's page past its last is empty (templates/query.html; awaited by Jinja's async mode)
    env.globals["saved_search_past_last"] = functools.partial(query_pages.past_last_page_words, datasette)
    # why a saved search of what one crawl wrote is empty: it changed nothing, or is no crawl (templates/query.html)
    env.globals["saved_search_crawl"] = functools.partial(query_params.crawl_said_words, datasette)
    env.globals["saved_search_versions"] = functools.partial(query_params.versions_said_words, datasette)
    # why a saved search of one procurement or buyer is empty: the value names none of the archive's
    env.globals["saved_search_unknown"] = functools.partial(query_params.unknown_named_words, datasette)
    env.globals["days_to_come"] = query_params.days_to_come_words  # why a search since a day to come is empty
    env.globals["wordless_search"] = query_params.wordless_search_words  # why a search of no word is empty
    env.globals["search_operators"] = query_params.operator_words  # OR, AND, NOT, -word: read as words
    env.globals["unasked_search"] = query_params.unasked_words  # why a search missing what it needs is empty
    env.globals["as_of_search"] = query_params.as_of_words  # the day an empty search of as_of was as of
    # Datasette renders its error pages (a 404 of an address it does not know, a 403, a 500) from this
    # environment without the template variables of extra_template_vars: the demo's label and the version
    # in the footer (templates/_footer.html) are globals, so those pages carry them too.
    env.globals["synthetic_demo"] = bool((datasette.plugin_config("tenderarchive") or {}).get("synthetic_demo"))
    env.globals.setdefault("datasette_version", __version__)
    env.filters["query_row"] = table_rows.query_row
    env.globals["reader_columns"] = query_csv.reader_columns  # a saved search's page leaves its feed's columns out
    env.filters["research_row"] = table_rows.research_row
    # an SQL page or saved search over the freshness view: its negative age_hours in words, as the view's own page
    # and ``status`` say it; over an aged view, the moment its ages are as of (templates/query.html)
    env.globals["reads_view"] = table_rows.reads_view
    env.globals["query_ages_as_of"] = query_ages_as_of


@hookimpl
def asgi_wrapper(datasette):
    """Addresses answered before Datasette sees them, each by the first that answers (None: not its address): a
    saved search's typed parameter that is none (``query_params``), a saved search's complete CSV
    (``query_csv``), the CSV of SQL typed by the user that SQLite refuses (``query_csv.sql_error_for``), a table
    search without a word (``table_search.wordless_search``), a big table search sent on
    (``table_search``). Any other address goes to Datasette, a table's with its name in ``table_order.TABLE_PAGE``."""
    from datasette.utils.asgi import Response

    from tenderarchive import query_csv, query_params, table_order, table_search

    async def big_search(datasette, path, query_string):
        target = await table_search.redirect_for(datasette, path, query_string)
        return None if target is None else Response.redirect(target)

    answers = [(("GET", "HEAD"), query_params.response_for), (("GET",), query_csv.response_for),
               (("GET", "HEAD"), query_csv.sql_error_for),
               (("GET", "HEAD"), table_search.wordless_search), (("GET", "HEAD"), big_search)]

    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope.get("type") == "http":
                for methods, answer in answers:
                    if scope.get("method") in methods:
                        response = await answer(datasette, scope.get("path", ""),
                                                scope.get("query_string", b"").decode("latin-1"))
                        if response is not None:
                            await response.asgi_send(send)
                            return
                # a table's address: its first page sorted by a column is ordered as the next ones
                # (ties by the primary key, tenderarchive/table_order.py)
                token = table_order.TABLE_PAGE.set(table_order.table_of(scope.get("path", "")))
                try:
                    await app(scope, receive, send)
                finally:
                    table_order.TABLE_PAGE.reset(token)
                return
            await app(scope, receive, send)

        return wrapped

    return wrap


@hookimpl
def filters_from_request(request, database, table, datasette):
    from tenderarchive import table_search

    return table_search.search_filter(request, database, table, datasette)


#: The views whose ages are as of ``TENDERARCHIVE_NOW`` when it is set (``julianday('now')``): their page says so.
AGED_TABLES = frozenset({"freshness", "news_sites"})


def ages_as_of() -> str | None:
    """``TENDERARCHIVE_NOW=…`` when it is set (the moment the aged views' ages are as of), else None."""
    value = os.environ.get(clock.NOW, "").strip()
    return f"{clock.NOW}={value}" if value else None


def query_ages_as_of(sql) -> str | None:
    """:func:`ages_as_of` for a query that reads one of :data:`AGED_TABLES`, else None: an SQL page over
    ``freshness`` showed its ages without a word that they were not the clock's, where the view's page said so."""
    from tenderarchive import table_rows

    moment = ages_as_of()
    return moment if moment and any(table_rows.reads_view(sql, view) for view in sorted(AGED_TABLES)) else None


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    # the demo's label at the foot of every page (templates/_footer.html; metadata.py sets it)
    synthetic = {"synthetic_demo": bool((datasette.plugin_config("tenderarchive") or {}).get("synthetic_demo"))}
    if view_name != "table" or request is None or not table:
        return synthetic
    from tenderarchive import query_params, table_search

    if table in AGED_TABLES and ages_as_of():
        # the ages on the page are as of that moment, as ``status`` says in its header (monitor.render)
        synthetic["ages_as_of"] = ages_as_of()

    async def inner():
        return {**synthetic, "table_search_note": await table_search.note(datasette, request, database, table),
                "table_search_dutch": table_search.dutch_search_url(datasette, request, table),
                # /archive/changes on the demo (no earlier version of anything) said "0 rows" alone, as if broken
                "versions_said": await query_params.versions_said_table_words(datasette, database, table)}

    return inner


#: Datasette's errors about a request's own parameters that it raises with status 500.
_BAD_SORT = ("Cannot sort table by ", "Cannot use _sort and _sort_desc at the same time")


def client_error(request, exception):
    """The 4xx error for an exception Datasette would answer with HTTP 500 although the request
    itself is at fault, or None (then Datasette's own answer stands).

    * ``_sort``/``_sort_desc`` on a column the table lacks (or both at once): 400, Datasette's message;
    * a row address with fewer values than the table's compound primary key
      (``/archive/lots/x``): SQLite's "You did not supply a value for binding parameter", 404
      "Record not found" as for any row that is not there;
    * a NUL character in a parameter Datasette puts into its SQL (``_facet``, ``_facet_array``,
      ``_facet_date``, ``_where``: ``%00``): SQLite's "the query contains a null character", 400.
    """
    import sqlite3

    from datasette.utils.asgi import NotFound
    from datasette.views.base import DatasetteError

    if isinstance(exception, DatasetteError) and exception.status == 500 \
            and str(exception.message).startswith(_BAD_SORT):
        return DatasetteError(exception.message, status=400, title="Ongeldige sortering")
    url_vars = request.url_vars if request is not None and request.scope.get("url_route") else {}
    if isinstance(exception, sqlite3.ProgrammingError) and "null character" in str(exception):
        return DatasetteError("Een parameter bevat een NUL-teken (%00).", status=400, title="Ongeldige invoer")
    if isinstance(exception, sqlite3.ProgrammingError) and "pks" in url_vars:
        return NotFound("Record not found")
    return None


@hookimpl
def handle_exception(datasette, request, exception):
    """Answer a bad request with 400/404 instead of 500 (:func:`client_error`), rendered by
    Datasette's own error handler as HTML or JSON."""
    from datasette.utils.asgi import NotFound

    if isinstance(exception, NotFound) and str(exception) == "Table not found" and request is not None \
            and request.scope.get("url_route") and "table" in request.url_vars:
        return _table_not_found(datasette, request)
    replacement = client_error(request, exception)
    if replacement is None:
        return None
    from datasette.handle_exception import handle_exception as datasette_errors

    return datasette_errors(datasette, request, replacement)


def _table_not_found(datasette, request):
    """Datasette's 404 of an address that is no table, view or saved search (``/archive/notice``,
    ``/archive/new_this_weeks.csv``) said "Table not found", naming neither it nor what there is, and answered a
    CSV client an HTML page. It names the address's table and the nearest tables, views and saved searches
    ("did you mean notices or notice_cpv?", as ``tenderarchive export`` does); ``.csv`` and other data formats
    answer that one line as text (as a saved search's bad parameter does), ``.json`` as Datasette's JSON error,
    the page as Datasette's error page."""
    import difflib

    from datasette.handle_exception import handle_exception as datasette_errors
    from datasette.utils import tilde_decode
    from datasette.utils.asgi import NotFound, Response

    async def inner():
        name = tilde_decode(request.url_vars["table"])
        fmt = request.url_vars.get("format")
        known = []
        try:
            db = datasette.get_database(route=tilde_decode(request.url_vars["database"]))
            known = [*await db.table_names(), *await db.view_names(),
                     *(await datasette.get_canned_queries(db.name, request.actor))]
        except Exception:   # no such database: Datasette's own answer
            pass
        by_lower = {}
        for known_name in known:
            if not known_name.startswith("sqlite_") and "_fts" not in known_name:
                by_lower.setdefault(known_name.lower(), known_name)
        near = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.75)
        message = f"No table, view or saved search named {name!r}" + (
            f" (did you mean {' or '.join(by_lower[n] for n in near)}?)" if near else "")
        if fmt and fmt != "json":
            return Response.text(message + "\n", status=404)
        return await datasette_errors(datasette, request, NotFound(message))()

    return inner


def _feed_title(datasette, request, sql, database, table, query_name, data) -> str:
    """datasette-atom's title rule: the canned query's configured title, else the SQL/table."""
    title = request.args.get("_feed_title", sql)
    if table:
        title += "/" + table
    if data.get("human_description_en"):
        title += ": " + data["human_description_en"]
    if query_name:
        try:
            query = datasette.metadata(database=database)["queries"][query_name]
            title = query["title"]
        except (KeyError, TypeError):
            return title
        # The parameters given name the feed: "New in the last 7 days" with since=2022-03-01 listed everything
        # since that day under a title that said otherwise, and each region's by_jeugdregio feed had one title.
        # A query's ``feed_title`` (metadata.yaml) words a given parameter, e.g. "New since {since}"; any other
        # given parameter is added as "(name: value)".
        given = {name: request.args.get(name, "").strip() for name in query.get("params") or []}
        given = {name: value for name, value in given.items() if value}
        worded = {name: wording for name, wording in (query.get("feed_title") or {}).items() if name in given}
        for name, wording in worded.items():
            title = wording.format(**given)
        rest = [f"{name}: {value}" for name, value in given.items() if name not in worded]
        if rest:
            title += " (" + ", ".join(rest) + ")"
    return title


def render_atom(datasette, request, sql, columns, rows, database, table, query_name, view_name, data):
    """datasette-atom's renderer, made safe for text from the open web.

    Same feed as datasette-atom (``atom_id``, ``atom_updated``, ``atom_title``, optional
    ``atom_content``/``atom_content_html``, ``atom_link``, ``atom_author_*``; HTML content
    cleaned with datasette-atom's bleach allowlist), except that:

    - characters XML 1.0 forbids are dropped from every value (feedgen's lxml refuses them,
      so one scraped title with a control character used to fail the whole feed);
    - an entry links only to an http(s) ``atom_link`` (``tenderarchive/urls.py``) or a page of this site
      (``site_link``: a provider's, a buyer's, a region's, made absolute); an entry whose link is NULL or another
      scheme gets none (feedgen failed on NULL);
    - a query with no rows gives a valid, empty feed (datasette-atom failed on it);
    - the feed names its author, "tenderarchive" (as the report's feed does): RFC 4287 §4.1.1 wants an
      ``atom:author`` in the feed unless every entry has one, and no saved search gives ``atom_author_name``,
      so every feed of the site failed a feed validator;
    - every id and link is an IRI (RFC 4287 §4.2.6, §4.2.7.1; ``urls.iri``): an id built from a name held its
      spaces, a scraped address may.
    """
    import datasette_atom
    from datasette import __version__
    from datasette.utils.asgi import Response
    from feedgen.feed import FeedGenerator

    from tenderarchive.watch.render import xml_text

    if not datasette_atom.REQUIRED_COLUMNS.issubset(columns):
        return datasette_atom.render_atom.original(datasette, request, sql, columns, rows, database, table,
                                                   query_name, view_name, data)   # its error message
    feed = FeedGenerator()
    feed.generator(generator="Datasette", version=__version__, uri="https://github.com/simonw/datasette")
    feed.id(iri(xml_text(request.url)))
    feed.link(href=request.url, rel="self")
    feed.author({"name": "tenderarchive"})
    if rows:
        feed.updated(latest_moment(row["atom_updated"] for row in rows))
    feed.title(xml_text(_feed_title(datasette, request, sql, database, table, query_name, data)))
    for row in reversed(rows):
        entry = feed.add_entry()
        entry.id(iri(xml_text(row["atom_id"])))
        if "atom_content_html" in columns:
            entry.content(xml_text(datasette_atom.clean(row["atom_content_html"] or "")), type="html")
        elif "atom_content" in columns:
            entry.content(xml_text(row["atom_content"]), type="text")
        entry.updated(row["atom_updated"])
        entry.title(xml_text(row["atom_title"]))
        link = _entry_link(datasette, request, row["atom_link"]) if "atom_link" in columns else None
        if link:
            entry.link(href=iri(link))  # an IRI reference too (RFC 4287 §4.2.7.1): a scraped address may hold a space
        elif "atom_content_html" not in columns and "atom_content" not in columns:
            # an entry needs content or an alternate link (RFC 4287 §4.1.2): a query of the SQL page with neither
            # (its id, title and updated alone) was an error page (HTTP 500), now its title is its content
            entry.content(xml_text(row["atom_title"] or ""), type="text")
        if "atom_author_name" in columns and row["atom_author_name"]:
            author = {"name": xml_text(row["atom_author_name"])}
            for key in ("uri", "email"):
                if f"atom_author_{key}" in columns and row[f"atom_author_{key}"]:
                    author[key] = xml_text(row[f"atom_author_{key}"])
            entry.author(author)
    return Response(feed.atom_str(pretty=True), content_type="application/xml; charset=utf-8", status=200)


def _install_safe_atom_feeds() -> None:
    """Make datasette-atom's ``.atom`` renderer (looked up at request time) :func:`render_atom`."""
    try:
        import datasette_atom
    except ImportError:  # pragma: no cover - datasette-atom is a dependency
        return
    if getattr(datasette_atom.render_atom, "tenderarchive", False):
        return
    render_atom.original = datasette_atom.render_atom
    render_atom.tenderarchive = True
    datasette_atom.render_atom = render_atom


_install_safe_atom_feeds()


class CountedFacet(ColumnFacet):
    """A column facet read from ``facet_counts`` when the page shows the whole table (no filter,
    no search), else Datasette's own query. Same rows, order and links as a column facet."""

    type = "counted"

    async def facet_results(self):
        if " where " in f" {self.sql.lower()} " or self.params:
            return await super().facet_results()
        results, timed_out = [], []
        size = self.get_facet_size()
        db = self.ds.get_database(self.database)
        configs = self.get_configs()
        columns = [c["config"].get("column") or c["config"]["simple"] for c in configs]
        # every facet's kept counts in one call (one trip to a SQL thread, not one per facet)
        kept = await db.execute_fn(lambda conn: [facet_counts.facet_rows(conn, self.table, c, size + 1)
                                                 for c in columns])
        for source_and_config, column, rows in zip(configs, columns, kept):
            source = source_and_config["source"]
            if rows is None:  # counts not kept in this archive: Datasette's query for this facet alone
                alone = copy.copy(self)
                alone.get_configs = lambda config=source_and_config: [config]
                ran, late = await ColumnFacet.facet_results(alone)
                results += ran
                timed_out += late
                continue
            expanded = await self.ds.expand_foreign_keys(self.database, self.table, column,
                                                         [value for value, _ in rows[:size]])
            column_qs = f"{column}__exact" if column.startswith("_") else column
            results.append({
                "name": column, "type": self.type, "hideable": source != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_counted": column})),
                "results": [{"value": value, "label": expanded.get((column, value), value), "count": n,
                             "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(
                                 path_with_added_args(self.request, {column_qs: value}))),
                             "selected": False} for value, n in rows[:size]],
                "truncated": len(rows) > size,
            })
        return results, timed_out


@hookimpl
def register_facet_classes():
    return [CountedFacet]
