"""The research pages of the Datasette site (issue 12): a jeugdregio, a buyer, a provider, the market
and a map, each put together from the saved searches (canned queries) that hold their SQL.

Routes (registered by ``tenderarchive/datasette_plugin.py``):

``/-/jeugdregio/<code>``
    one jeugdregio (code, name, alias or member municipality): member municipalities with their
    unverified flags, every procurement with its stage and timeline, lots, winners and values, news,
    and distinct winning providers per year;
``/-/aanbesteding?id=<procurement_id>``
    one procurement: its buyer and region, current stage, its notices (each with its deadline and
    TenderNed page), its lots (estimated value, awarded or not and why), every award per lot and
    winner (each winner a link to its provider page), its news and its timeline;
``/-/opdrachtgever?id=<organisation_id>``
    one buyer: its procurements and contracts over time, regions, values;
``/-/aanbieder?id=<organisation_id>``
    one provider: its contracts over time, the regions where it holds them, values;
``/-/markt``
    per region and year: procurements, awarded value, distinct winners, share of the largest provider;
``/-/kaart?maat=<figure>&jaar=<year>&laag=jeugdregios|gemeenten``
    the jeugdregio's (or the municipalities) coloured by a figure of ``jeugdregio_overzicht``,
    each shape a link to its region page;
``/-/woordenlijst``
    the glossary (docs/glossary.md, in an installed package its copy): the Dutch words of the names and what they mean.

Every table on these pages is the result of one canned query in
``tenderarchive/datasette/metadata.yaml`` (``jeugdregio_aanbestedingen`` …), run with the page's
parameters; each section links that query as a page, CSV and Atom feed, so the SQL lives in one place
and every list is downloadable. Column descriptions come from the query's ``columns`` entry; a query's ``labels``
are the Dutch words (docs/glossary.md) a section names its columns by where the saved search keeps English names
for its CSV, JSON and feed (``procurement_timeline``: datum, soort, fase … for date, kind, stage …).

The map is drawn by ``tenderarchive/research_map.py`` (inline SVG from the shipped boundaries).

Datasette serves the archive read-only; these pages only run SELECTs through the canned queries.

An archive written by an older version (``serve`` never migrates it) may lack a table or column a page reads: its
saved searches answer with one row that says so (``tenderarchive/metadata.py``), which is that section of the page
(the page reads no records from it: the region page's members, the map's figures); a page whose own SQL reads what
the archive lacks says the same in place of its sections. Both were an HTTP 500.
"""

from __future__ import annotations

import re
import sqlite3
import urllib.parse
from functools import lru_cache
from pathlib import Path
from importlib import resources

from markupsafe import Markup, escape

from tenderarchive.change_words import parsed_json
from tenderarchive.metadata import OLDER_ARCHIVE_NOTE
from tenderarchive.query_csv import reader_columns
from tenderarchive.query_params import BadParameter, checked_params, versions_said_words
from tenderarchive.research_map import map_svg, region_svg
from tenderarchive.timeline import current_stage_sql
from tenderarchive.urls import http_url

TEMPLATE = resources.files("tenderarchive") / "datasette" / "templates" / "research.html"  # works zipped too

# Figures the map can colour by: column of jeugdregio_overzicht -> Dutch label.
MAP_FIGURES = {
    "aanbestedingen": "aanbestedingen",
    "gunningen": "gunningen",
    "gegunde_waarde_cents": "gegunde waarde (€)",
    "winnaars": "verschillende winnaars",
    "aandeel_grootste_pct": "aandeel grootste aanbieder (%)",
    "gemeenten": "gemeenten",
}


# --- links -------------------------------------------------------------------------------------

@lru_cache(maxsize=8192, typed=True)   # a page links the same few ids row after row
def region_url(code) -> str:
    return "/-/jeugdregio/" + urllib.parse.quote(str(code), safe="")


@lru_cache(maxsize=8192, typed=True)   # a page links the same few ids row after row
def buyer_url(organisation_id) -> str:
    return "/-/opdrachtgever?" + urllib.parse.urlencode({"id": organisation_id})


@lru_cache(maxsize=8192, typed=True)   # a page links the same few ids row after row
def provider_url(organisation_id) -> str:
    return "/-/aanbieder?" + urllib.parse.urlencode({"id": organisation_id})


@lru_cache(maxsize=8192, typed=True)   # a page links the same few ids row after row
def procurement_url(procurement_id) -> str:
    return "/-/aanbesteding?" + urllib.parse.urlencode({"id": procurement_id})


def query_url(database: str, query: str, params: dict, ext: str = "") -> str:
    qs = urllib.parse.urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"/{database}/{query}{ext}" + (f"?{qs}" if qs else "")


# Column name -> the page a value links to (the same rule on these pages and in Datasette's tables).
LINKED_COLUMNS = {
    "jeugdregio_code": lambda db, v: region_url(v),
    "opdrachtgever_id": lambda db, v: buyer_url(v),
    "buyer_id": lambda db, v: buyer_url(v),
    "aanbieder_id": lambda db, v: provider_url(v),
    "grootste_aanbieder_id": lambda db, v: provider_url(v),
}


#: Tables whose ``organisation_id`` is a winner, linked to the provider page as ``aanbieder_id`` is: the winners
#: (``award_suppliers``), their shares (view ``award_winner_shares``) and the providers' summaries
#: (``summary_award_winners``, ``summary_org_regions``), whose ids linked nowhere, though the README promises that a
#: provider id in any table links to its page.
PROVIDER_TABLES = frozenset({"award_suppliers", "award_winner_shares", "summary_award_winners", "summary_org_regions"})


def cell_link(database: str, column: str, value, table: str | None) -> str | None:
    """Where a cell links to, or None. ``organisation_id`` of a table of winners (:data:`PROVIDER_TABLES`) is a
    provider;
    ``procurement_id`` links to the procurement page (except in ``procurements``, where it is the key)."""
    if value in (None, ""):
        return None
    if column in LINKED_COLUMNS:
        return LINKED_COLUMNS[column](database, value)
    if column == "organisation_id" and table in PROVIDER_TABLES:
        return provider_url(value)
    if column == "procurement_id" and table != "procurements":
        return procurement_url(value)
    if column == "named_in" and table == "organisations":
        return record_url(database, value)
    if column == "publication_id" and table is None:
        return record_url(database, f"notices:{value}")
    if column in NOTICE_COLUMNS and table in NOTICE_COLUMNS[column]:
        # a notice's publication id in a table without a foreign key to notices (keyed by procedure and lot)
        return record_url(database, f"notices:{value}")
    if column in CRAWL_COLUMNS and table != "crawls":
        return crawl_url(database, value)
    if column == "sha256" and table != "fetches":
        return fetch_url(database, value)
    if column == "warc_file" and table == "crawls":
        # the other way: a crawl's WARC file to the fetches it holds (the crawl's responses, each row's evidence)
        return f"/{database}/fetches?" + urllib.parse.urlencode({"warc_file": value})
    return None


#: A row's provenance (``store/schema.py`` ``PROVENANCE``): the crawl that wrote it (and an award's or a lot's first
#: crawl), key into ``crawls``, and the sha256 of the raw response it was read from, which ``fetches`` indexes with
#: the response's URL, status, time and WARC file and offset. The cells linked nowhere (no foreign key for Datasette
#: to follow): a researcher asking "which crawl, which response says this" copied the number into another page.
#: (``later_crawl_id``: the crawl that changed a record again, saved search ``crawl_wijzigingen``)
CRAWL_COLUMNS = frozenset({"crawl_id", "first_crawl_id", "later_crawl_id"})


@lru_cache(maxsize=8192, typed=True)   # a page links the same few crawls row after row
def crawl_url(database: str, crawl_id) -> str:
    """The crawl's row in Datasette: its spider, arguments, outcome, errors and WARC file."""
    return f"/{database}/crawls/" + urllib.parse.quote(str(crawl_id), safe="")


def fetch_url(database: str, sha256) -> str:
    """The fetches of the raw response whose body has this sha256 (the row's evidence: its URL, time, crawl, WARC
    file and offset; the same body fetched by several crawls is a row each), by ``fetches``' sha256 index."""
    return f"/{database}/fetches?" + urllib.parse.urlencode({"sha256": sha256})


#: Columns holding a notice's publication id, per table that has no foreign key to ``notices`` for Datasette to
#: link: the notice that gave an award's or a lot's values, the award notice a rectification corrects.
NOTICE_COLUMNS = {"publication_id": ("awards", "lots"), "rectifies": ("awards",)}


#: The record tables an organisation's ``named_in`` (``<table>:<key>``) can name.
NAMING_TABLES = ("notices", "awards", "articles")


def record_url(database: str, named_in: str) -> str | None:
    """The archived row of ``named_in`` (``notices:123``, ``awards:<award_id>``, ``articles:<url>``) in
    Datasette: the evidence an organisation cites."""
    from datasette.utils import tilde_encode

    table, _, key = str(named_in).partition(":")
    return f"/{database}/{table}/{tilde_encode(key)}" if table in NAMING_TABLES and key else None


#: A crawl's counts of what it wrote (``crawls``): each links to the notices and news pages it counts, the saved
#: search ``crawl_wijzigingen`` of the crawl. "Crawl 12: 5 new, 3 changed" led nowhere: the rows it wrote carry its
#: id (``crawl_id``), and a row's crawl linked to the crawl, but not the other way.
CRAWL_COUNT_COLUMNS = frozenset({"items_new", "items_updated"})


def crawl_changes_url(database: str, crawl_id) -> str:
    """The notices and news pages crawl ``crawl_id`` archived new or changed (saved search ``crawl_wijzigingen``)."""
    return f"/{database}/crawl_wijzigingen?" + urllib.parse.urlencode({"crawl_id": crawl_id})


#: The only columns :func:`render_cell` may link (a page of 50 notices has 3,000 cells).
CELL_COLUMNS = frozenset(LINKED_COLUMNS) | CRAWL_COLUMNS | CRAWL_COUNT_COLUMNS | {
    "organisation_id", "procurement_id", "name", "title", "named_in", "publication_id", "rectifies", "source_key",
    "sha256", "warc_file"}


#: Where a row names its archived record by the record's table and key: the ``search_documents`` table, and the
#: saved searches over it (``search_all``, ``new_this_week``) with the table as ``source``.
SOURCE_COLUMNS = {"search_documents": "source_table", None: "source"}


def render_cell(row, value, column, table, database):
    """A table, row or query cell's link, with the arguments of Datasette's ``render_cell`` hook (called by
    the row filters of tenderarchive/table_rows.py, not as a hook: Datasette would call that for every
    cell), or None: a linked column becomes a link (its text escaped). In the
    ``organisations`` table a name links to its provider or buyer page, in ``jeugdregios`` to the
    region page, a procurement's title to its page, and a search hit's ``source_key`` to the archived notice or
    article it is (``search_all``, ``new_this_week``, ``search_documents``)."""
    href = cell_link(database, column, value, table)
    if column == "source_key" and table in SOURCE_COLUMNS and value not in (None, ""):
        # a search hit's key: the archived notice or article it is (its ``url`` column links the source's page)
        try:
            href = record_url(database, f"{row[SOURCE_COLUMNS[table]]}:{value}")
        except (KeyError, IndexError):   # no source column (another query, or hidden by _col/_nocol)
            href = None
    if column in CRAWL_COUNT_COLUMNS and table == "crawls" and value:
        try:
            href = crawl_changes_url(database, row["crawl_id"])
        except (KeyError, IndexError):   # the key column was hidden (_col/_nocol)
            href = None
    if href is None and value not in (None, "") and (column == "name" or (column, table) == ("title", "procurements")):
        try:
            if table == "organisations":
                href = (provider_url(row["organisation_id"]) if row["kind"] == "provider"
                        else buyer_url(row["organisation_id"]))
            elif table == "jeugdregios":
                href = region_url(row["code"])
            elif table == "procurements":
                href = procurement_url(row["procurement_id"])
        except (KeyError, IndexError):   # the key column was hidden (_col/_nocol)
            href = None
    if href is None:
        return None
    # the same markup as Markup('<a href="{}">{}</a>').format(href, value), without a formatter per cell
    return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')


# --- running the canned queries ------------------------------------------------------------------

#: Rows a page of the saved searches with a ``pagina`` parameter (metadata.yaml).
PAGE_ROWS = 100


#: Columns of a saved search holding a JSON object of a record's values (``aanbesteding_wijzigingen``' was/werd,
#: from ``versions``), whose amounts in cents the page shows in euros.
VALUE_OBJECT_COLUMNS = {"was", "werd"}


def euro_values(value):
    """A JSON object of a record's values as the page shows it: each ``…_cents`` amount in euros under its name
    without ``_cents``: ``{"value_cents": 1200000000}`` → ``{"value": "€ 12.000.000,00"}``; the section showed
    the cents (a corrected award's "1200000000"), a hundred times the amount to a reader. Anything else as it is
    (the CSV and JSON of the saved search keep the stored values)."""
    import json

    from tenderarchive.timeline import euro

    try:
        values = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return value
    if not isinstance(values, dict) or not any(k.endswith("_cents") for k in values):
        return value
    shown = {(k[:-len("_cents")] if k.endswith("_cents") and (v is None or type(v) is int) else k):
             (euro(v) if k.endswith("_cents") and type(v) is int else v) for k, v in values.items()}
    return json.dumps(shown, ensure_ascii=False)


def _bookkeeping(column) -> bool:
    """True for a column of the archive's own bookkeeping of a record, no change a reader sees: which notice,
    releases, file and year a lot or an award was read from last and its number of winners
    (``watch.report.RESULT_BOOKKEEPING_COLUMNS``), what a notice's last response left out
    (``BOOKKEEPING_COLUMNS``), an article's scores, where and when a record was fetched (``PROVENANCE_COLUMNS``).
    A lot or award corrected by a later release read "release_ids: — → [\"…\"]; source_file: — → 2018b.json;
    value: … ; winner_count: 2 → 3" on the procurement page and in its change feed, which the crawl report leaves
    out."""
    from tenderarchive.watch.report import BOOKKEEPING_COLUMNS, PROVENANCE_COLUMNS, RESULT_BOOKKEEPING_COLUMNS

    return column in RESULT_BOOKKEEPING_COLUMNS or column in BOOKKEEPING_COLUMNS or column in PROVENANCE_COLUMNS


def shown_values(value):
    """A JSON object of a record's values (``aanbesteding_wijzigingen``' was/werd) as the procurement page shows
    it: amounts in euros (:func:`euro_values`), the archive's bookkeeping left out (:func:`_bookkeeping`)."""
    import json

    values = parsed_json(euro_values(value))
    if values is None:
        return value
    return json.dumps({k: v for k, v in values.items() if not _bookkeeping(k)}, ensure_ascii=False)


def change_text(previous, new=None, table=None):
    """A version's change as a feed reader reads it, one "column: was → now" a column, joined by "; ":
    ``{"deadline": "2018-07-06"}``, ``{"deadline": "2018-06-30"}`` → "deadline: 2018-07-06 → 2018-06-30"; a
    ``…_cents`` amount in euros under its name without ``_cents`` (:func:`euro_values`), an empty value "—", a long
    text from a little before where the two differ (``watch.render.change_pair``), and "was …" alone where the
    version recorded no new value (an older archive). The ``changed_notices`` feed gave its entries the two JSON
    objects as stored ("was: {"deadline": …} / now: {…}"). Not JSON objects: as they are.

    With ``table`` (the version's ``table_name``), in the words of the research pages and the ``changes`` view
    (:mod:`tenderarchive.change_words`): "Current closing date for tenders (deadline): 6 juli 2018 12:00 → 30 juni
    2018 12:00", lists as lists, an amount's printed text beside its exact amount left out. The saved searches'
    feeds said the stored column and the ISO date ("deadline: 2018-07-06T12:00:00+02:00 → …")."""
    from tenderarchive.watch.render import change_pair

    if table is not None:
        return _change_words_text(table, previous, new, change_pair)
    was, now = parsed_json(euro_values(previous)), parsed_json(euro_values(new))
    if was is None:
        return previous
    now = now or {}
    parts = []
    for column, old in was.items():
        if _derived_beside(column, was) or _bookkeeping(column):
            continue
        if column in now:
            a, b = change_pair(old, now[column], 160)
            parts.append(f"{column}: {a} → {b}")
        else:
            a, _ = change_pair(old, None, 160)
            parts.append(f"{column}: was {a}")
    return "; ".join(parts)


def _change_words_text(table, previous, new, change_pair):
    """:func:`change_text` with ``table``: each column as :func:`tenderarchive.change_words.field_label` names it,
    each value as :func:`tenderarchive.change_words.value_words` says it."""
    from tenderarchive.change_words import _shown, field_label, value_words

    was, now = parsed_json(previous), parsed_json(new)
    if was is None:
        return previous
    now = now or {}
    parts = []
    for column, old in was.items():
        if _derived_beside(column, was) or _bookkeeping(column) or not _shown(column, [was, now]):
            continue
        if column in now:
            a, b = change_pair(value_words(column, old), value_words(column, now[column]), 160)
            parts.append(f"{field_label(table, column)}: {a} → {b}")
        else:
            a, _ = change_pair(value_words(column, old), None, 160)
            parts.append(f"{field_label(table, column)}: was {a}")
    return "; ".join(parts)


def column_names(value, table=None):
    """A JSON list of column names (``versions.changed_columns``) as words, "deadline, title"; a feed's entry title
    gave the list as stored, ``["deadline", "title"]``. Not a JSON list: as it is."""
    import json

    try:
        names = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return value
    if not isinstance(names, list):
        return value
    if table is not None:   # as the data dictionary names them, as the research pages do (change_words)
        from tenderarchive.change_words import field_label

        return ", ".join(field_label(table, name) for name in names
                         if not _derived_beside(name, names) and not _bookkeeping(name))
    return ", ".join(str(name) for name in names if not _derived_beside(name, names) and not _bookkeeping(name))


def _derived_beside(column, changed) -> bool:
    """True when ``column`` is one the archive derives from another of the ``changed`` columns (``procurement_id``
    of ``kenmerk``, ``year_month`` of ``published``: ``watch.report.NOTICE_DERIVED_COLUMNS``), which says the change
    already: a notice moved to another procedure read "kenmerk: 243310 → 777001; procurement_id: TN243310 →
    TN777001", as the crawl report no longer says it."""
    from tenderarchive.watch.report import NOTICE_DERIVED_COLUMNS

    return isinstance(column, str) and NOTICE_DERIVED_COLUMNS.get(column) in changed


async def run_query(datasette, database: str, name: str, params: dict) -> dict:
    """One canned query run with ``params`` (missing ones empty), as a section of a page."""
    queries = await datasette.get_canned_queries(database, None)
    query = queries[name]
    names = query.get("params") or []
    # as the saved search's own page reads them (tenderarchive/query_params.py): a day-first date is that date, a
    # date, year or page that is none is refused (:func:`_checked_page`), not listed as every row or none
    values = checked_params({p: str(params.get(p) or "") for p in names})
    from tenderarchive.change_words import columns_words, values_words

    result = await datasette.get_database(database).execute(query["sql"], values)
    columns = reader_columns(result.columns)  # not its feed's columns, as its own page and CSV
    described = query.get("columns") or {}
    # a saved search's ``labels``: the Dutch word a page's section names a column by, its CSV and JSON keeping the
    # column's name (``procurement_timeline``: datum for date, soort for kind …; docs/glossary.md)
    labels = query.get("labels") or {}
    rows = []
    for row in result.rows:
        cells = []
        for column in columns:
            value = row[column]
            if column in VALUE_OBJECT_COLUMNS and "tabel" in columns:
                # in words (tenderarchive/change_words.py): each column as the data dictionary names it, amounts in
                # euros, dates as dates, lists as lists, bookkeeping left out; the saved search's CSV keeps the JSON
                other = "werd" if column == "was" else "was"
                value = values_words(row["tabel"], value, row[other] if other in columns else None)
            elif column in VALUE_OBJECT_COLUMNS:
                value = shown_values(value)
            if column == "kolommen":
                value = (columns_words(row["tabel"], value) if "tabel" in columns
                         else column_names(value))  # bookkeeping left out
            href = cell_link(database, column, value, None)
            if href is None and column == "url":
                href = http_url(value)
            cells.append({"value": "" if value is None else value, "href": href, "column": column})
        rows.append(cells)
    link_params = {p: values[p] for p in names}
    # A list paged by ``pagina`` (100 rows a page, metadata.yaml): the page shows the first
    # hundred and links the next; its CSV is every row (pagina=alle).
    paged = "pagina" in names and not values.get("pagina")
    more = paged and len(result.rows) >= PAGE_ROWS
    csv_params = {**link_params, "_stream": "on", **({"pagina": "alle"} if paged else {})}
    return {
        "name": name,
        "title": query.get("title", name),
        "description": query.get("description", ""),
        "note": query.get("note"),  # an archive-specific warning (tenderarchive/metadata.py)
        "columns": [{"name": c, "label": labels.get(c, c), "description": described.get(c, "")} for c in columns],
        "rows": rows,
        # the section of a search this archive cannot answer shows its one row, the note; the page reads no records
        "records": [] if query.get("older_archive") else [dict(zip(result.columns, r)) for r in result.rows],
        "html_url": query_url(database, name, link_params),
        "csv_url": query_url(database, name, csv_params, ".csv"),
        "more_url": query_url(database, name, {**link_params, "pagina": "2"}) if more else None,
        "atom_url": query_url(database, name, link_params, ".atom"),
        # why a search of what changed has no rows when the archive keeps no earlier version (the demo)
        "why": [] if result.rows else await versions_said_words(datasette, database, name),
    }


def archive_database(datasette) -> str:
    """The served archive: the first database that is not Datasette's internal one."""
    for name in datasette.databases:
        if not name.startswith("_"):
            return name
    raise LookupError("no database")


def page_template(datasette):
    """``research.html`` compiled once per Datasette (kept on its Jinja environment). Compiling it
    for every request was most of a research page's time: ≈ 40 ms of CPU on this machine, more
    than all of the procurement page's queries (bench/README.md, "Datasette's fixed cost per page")."""
    env = datasette.jinja_env
    template = getattr(env, "_tenderarchive_research_template", None)
    if template is None:
        template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
        env._tenderarchive_research_template = template
    return template


async def render(datasette, request, context: dict):
    from datasette.utils.asgi import Response

    template = page_template(datasette)
    html = await datasette.render_template(template, context, request=request, view_name="research")
    return Response.html(html, status=context.get("status", 200))


def not_found(datasette, request, database, message):
    return render(datasette, request, {"database": database, "heading": "Niet gevonden",
                                       "intro": message, "sections": [], "status": 404})


# --- pages ----------------------------------------------------------------------------------------

async def region_page(request, datasette):
    from tenderarchive.search.query import jeugdregio_code

    database = archive_database(datasette)
    asked = urllib.parse.unquote(request.url_vars["code"])
    code = jeugdregio_code(asked)
    db = datasette.get_database(database)
    found = (await db.execute("select code, name, aliases from jeugdregios where code = ?", [code or ""])).rows
    if not found:
        return await not_found(datasette, request, database, f"Geen jeugdregio gevonden voor “{asked}”.")
    region = dict(found[0])
    jaar = request.args.get("jaar", "")
    sinds = request.args.get("sinds", "")
    sections = [
        await run_query(datasette, database, "jeugdregio_gemeenten", {"jeugdregio": code, "jaar": jaar}),
        await run_query(datasette, database, "jeugdregio_aanbestedingen", {"jeugdregio": code, "sinds": sinds}),
        await run_query(datasette, database, "jeugdregio_percelen", {"jeugdregio": code}),
        await run_query(datasette, database, "jeugdregio_winnaars_per_jaar", {"jeugdregio": code}),
        await run_query(datasette, database, "jeugdregio_nieuws", {"jeugdregio": code}),
    ]
    members = sections[0]["records"]
    unverified = sum(1 for m in members if m["unverified"])
    facts = [("Code", region["code"]), ("Gemeenten", len(members)), ("Waarvan onbevestigd", unverified)]
    if region.get("aliases"):
        # stored separated by "|" (the data dictionary); a reader sees a list
        facts.append(("Ook bekend als", ", ".join(name for name in region["aliases"].split("|") if name)))
    buyers = (await db.execute(
        "select distinct name from regional_buyers where jeugdregio_code = ? order by name", [code])).rows
    if buyers:
        facts.append(("Regionale inkopers", "; ".join(b["name"] for b in buyers)))
    links = [("Op de kaart", "/-/kaart"),
             ("Marktbeeld van deze regio", query_url(database, "marktbeeld", {"jeugdregio": code})),
             ("Alle notices en nieuws van deze regio", query_url(database, "by_jeugdregio", {"jeugdregio": code}))]
    return await render(datasette, request, {
        "database": database, "heading": f"Jeugdregio {region['name']}", "kind": "jeugdregio",
        "intro": ("Alles over één jeugdregio: de gemeenten (onbevestigde lidmaatschappen gemarkeerd), elke "
                  "aanbesteding met fase en tijdlijn, percelen, winnaars en waarden, nieuws, en het aantal "
                  "verschillende winnende aanbieders per jaar."),
        "facts": facts, "links": links, "sections": sections,
        "svg": region_svg(code, region_url), "filters": {"jaar": jaar, "sinds": sinds},
    })


#: A procurement's current stage (the procurement page's "Fase"): ``timeline.CURRENT_STAGE_SQL``, written there once
#: for this page and the saved searches ``jeugdregio_aanbestedingen`` and ``opdrachtgever_aanbestedingen``.
STAGE_SQL = "select " + current_stage_sql("?1") + " as stage"


def fact_date(value) -> str | Markup:
    """A date of a page's fact box as the page's tables say it (``table_rows.moment_cell``): "2018-03-13" is
    ``<time datetime="2018-03-13" title="2018-03-13">13 maart 2018</time>``; the procurement page's "Eerste
    publicatie 2018-03-13" stood above tables that say "13 maart 2018". Anything else as it is, empty as empty."""
    from tenderarchive.table_rows import moment_cell

    if value in (None, ""):
        return ""
    shown = moment_cell(value)
    return value if shown is None else Markup(shown)


def procurement_key(asked: str) -> str:
    """A procurement id as asked, with a TN number as the glossary spells a kenmerk's
    (``TN`` + digits): "tn160417", "TN 160417" and "TN-160417" are TN160417."""
    m = re.fullmatch(r"(?i)tn[\s-]*(\d+)", asked.strip())
    return f"TN{m.group(1)}" if m else asked.strip()


async def moved_procurements(db, asked: str) -> list[str]:
    """The procurements the notices of procedure ``asked`` (``TN`` + kenmerk, or the kenmerk) are in now, when
    TenderNed moved every one of them to another procedure (reference tenderned-api.md §3: a detail's ``kenmerk``
    may change between versions; the derivation then removes the procurement they left, ``derive.py``). Read from
    the notices' ``versions`` (their former kenmerk); empty when none was in it, or the look-up ran out of time."""
    from datasette.database import QueryInterrupted

    m = re.fullmatch(r"(?:TN)?(\d{1,18})", asked)
    if not m or not await db.table_exists("versions"):
        return []
    try:
        rows = (await db.execute(
            "select distinct n.procurement_id from versions v join notices n "
            "on n.publication_id = cast(v.row_key as integer) where v.table_name = 'notices' "
            "and v.changed_columns like '%\"kenmerk\"%' and json_extract(v.previous_values, '$.kenmerk') = ? "
            "and n.procurement_id is not null and n.procurement_id is not ? order by n.procurement_id",
            [int(m.group(1)), f"TN{m.group(1)}"])).rows
    except QueryInterrupted:
        return []
    return [row[0] for row in rows]


async def procurement_page(request, datasette):
    database = archive_database(datasette)
    db = datasette.get_database(database)
    asked = procurement_key(request.args.get("id", ""))
    source = "source" if "source" in await db.table_columns("procurements") else "'tenderned'"
    found = (await db.execute(
        "select procurement_id, title, buyer, jeugdregio_code, first_published, last_published, url, youth_care, "
        f"{source} as source from procurements where procurement_id in (?, 'TN' || ?)", [asked, asked])).rows
    if not found:   # before the derivation (a first crawl killed before it) only the notices know it
        found = (await db.execute(
            "select procurement_id, title, buyer, jeugdregio_code, min(published) over () as first_published, "
            "max(published) over () as last_published, url, youth_care, 'tenderned' as source from notices "
            "where procurement_id in (?, 'TN' || ?) order by published desc limit 1", [asked, asked])).rows
    if not found and asked.isascii() and asked.isdigit() and len(asked) <= 18:  # (a number SQLite can bind)
        # TenderNed's notice page (…/aankondigingen/overzicht/300301), a report's line and a notice's row show
        # the publication id, not the kenmerk: a number that is no procurement's kenmerk but a notice's
        # publication id goes to that notice's procurement
        notice = (await db.execute("select procurement_id from notices where publication_id = ? "
                                   "and procurement_id is not null", [int(asked)])).rows
        if notice:
            from datasette.utils.asgi import Response

            return Response.redirect(procurement_url(notice[0][0]), status=302)
    if not found:
        moved = await moved_procurements(db, asked)
        if len(moved) == 1:
            from datasette.utils.asgi import Response

            return Response.redirect(procurement_url(moved[0]), status=302)
        if moved:
            return await render(datasette, request, {
                "database": database, "heading": "Niet gevonden", "status": 404,
                "intro": f"Aanbesteding “{asked}” staat niet meer in het archief: TenderNed verplaatste haar "
                         f"publicaties naar {len(moved)} andere aanbestedingen.",
                "links": [(pid, procurement_url(pid)) for pid in moved], "sections": []})
        return await not_found(datasette, request, database, f"Geen aanbesteding gevonden met id “{asked}”.")
    p = dict(found[0])
    pid = p["procurement_id"]
    buyer = (await db.execute("select buyer_id from notices where procurement_id = ? and buyer_id is not null "
                              "order by published desc limit 1", [pid])).rows
    stage = (await db.execute(STAGE_SQL, [pid])).rows
    region = (await db.execute("select name from jeugdregios where code = ?", [p["jeugdregio_code"] or ""])).rows
    # a procurement known only from the news (NEWS-…) has no kenmerk and no TenderNed page: its url is the news page
    from_news = p["source"] == "news"
    facts = [("Id", pid), ("Bekend uit", "nieuws (geen publicatie op TenderNed)")] if from_news else [("Kenmerk", pid)]
    facts += [("Opdrachtgever", p["buyer"] or ""), ("Jeugdregio", region[0]["name"] if region else ""),
             ("Fase", (stage[0]["stage"] or "") if stage else ""), ("Eerste publicatie", fact_date(p["first_published"])),
             ("Laatste publicatie", fact_date(p["last_published"]))]
    links = []
    if p["jeugdregio_code"]:
        links.append((f"Jeugdregio {region[0]['name'] if region else p['jeugdregio_code']}", region_url(p["jeugdregio_code"])))
    if buyer:
        links.append((f"Opdrachtgever {p['buyer'] or buyer[0]['buyer_id']}", buyer_url(buyer[0]["buyer_id"])))
    if http_url(p["url"]):
        links.append(("Het nieuwsbericht" if from_news else "Op TenderNed", p["url"]))
    sections = [
        await run_query(datasette, database, "aanbesteding_publicaties", {"procurement_id": pid}),
        await run_query(datasette, database, "aanbesteding_percelen", {"procurement_id": pid}),
        await run_query(datasette, database, "aanbesteding_gunningen", {"procurement_id": pid}),
        await run_query(datasette, database, "aanbesteding_nieuws", {"procurement_id": pid}),
        await run_query(datasette, database, "procurement_timeline", {"procurement_id": pid}),
        await run_query(datasette, database, "aanbesteding_wijzigingen", {"procurement_id": pid}),
    ]
    return await render(datasette, request, {
        "database": database, "heading": p["title"] or pid, "kind": "aanbesteding",
        "intro": "Eén aanbesteding: haar publicaties op TenderNed, haar percelen, wie won welk perceel voor "
                 "hoeveel, het nieuws erover, wat er tussendoor gebeurde (tijdlijn) en wat er tussen twee crawls "
                 "aan veranderde (wijzigingen).",
        "facts": facts, "links": links, "sections": sections,
    })


async def organisation(datasette, database, organisation_id):
    rows = (await datasette.get_database(database).execute(
        "select organisation_id, name, kind, jeugdregio_code, member_codes, kvk from organisations "
        "where organisation_id = ?", [organisation_id])).rows
    return dict(rows[0]) if rows else None


async def aliased(datasette, database, organisation_id):
    """The organisation an old id is now (``organisation_aliases``), or None."""
    db = datasette.get_database(database)
    if not await db.table_exists("organisation_aliases"):
        return None
    rows = (await db.execute("select organisation_id from organisation_aliases where alias_id = ?",
                             [organisation_id])).rows
    return rows[0][0] if rows else None


async def known_buyer(datasette, database, buyer_id):
    """A buyer the archive names before its derivation has filled ``organisations`` (an archive just
    created, a first crawl killed before its derivation): a regional buyer of the reference data or
    a notice's buyer. Their table rows link the buyer page, which should not answer 404."""
    db = datasette.get_database(database)
    if await db.table_exists("regional_buyers"):
        rows = (await db.execute("select buyer_id as organisation_id, name, kind, jeugdregio_code, member_codes, "
                                 "null as kvk from regional_buyers where buyer_id = ? limit 1", [buyer_id])).rows
        if rows:
            return dict(rows[0])
    rows = (await db.execute("select buyer_id as organisation_id, buyer as name, 'opdrachtgever' as kind, "
                             "null as jeugdregio_code, null as member_codes, null as kvk from notices "
                             "where buyer_id = ? order by published desc limit 1", [buyer_id])).rows
    return dict(rows[0]) if rows else None


async def buyer_named(datasette, database, asked):
    """The one buyer whose id (in any case) or name (in any case, "Gemeente " optional) is ``asked``, or None:
    the region page takes a name, the provider page too, and the buyer page answered 404 to "Gemeente Leiden"."""
    db = datasette.get_database(database)
    if not (await db.table_exists("summary_buyers") and await db.table_exists("organisations")):
        return None
    rows = (await db.execute(
        "select distinct b.buyer_id from summary_buyers b left join organisations o on o.organisation_id = b.buyer_id "
        "where upper(b.buyer_id) = upper(:asked) or lower(o.name) in (lower(:asked), lower('gemeente ' || :asked)) "
        "limit 2", {"asked": asked})).rows
    return rows[0][0] if len(rows) == 1 else None


#: The buyer page's "Soort" in Dutch (docs/glossary.md): it showed the stored kind id, "municipality", among Dutch
#: facts; the saved search ``opdrachtgevers`` and the ``organisations`` table keep the id. Another kind as stored.
BUYER_KIND_WORDS = {"municipality": "gemeente", "regional_buyer": "regionale inkoper", "other": "andere opdrachtgever"}


async def buyer_page(request, datasette):
    database = archive_database(datasette)
    buyer_id = request.args.get("id", "").strip()
    org = await organisation(datasette, database, buyer_id) if buyer_id else None
    if org is None and buyer_id:
        org = await known_buyer(datasette, database, buyer_id)
    if org is None and buyer_id and (found := await buyer_named(datasette, database, buyer_id)) not in (None, buyer_id):
        from datasette.utils.asgi import Response
        return Response.redirect(buyer_url(found), status=302)
    sections = [
        await run_query(datasette, database, "opdrachtgever_aanbestedingen", {"opdrachtgever": buyer_id}),
        await run_query(datasette, database, "opdrachtgever_contracten", {"opdrachtgever": buyer_id}),
    ]
    if org is None and not sections[0]["rows"]:
        return await not_found(datasette, request, database, f"Geen opdrachtgever gevonden met id “{buyer_id}”.")
    name = org["name"] if org else buyer_id
    facts = [("Id", buyer_id)]
    links = [("Alle opdrachtgevers", query_url(database, "opdrachtgevers", {}))]
    if org:
        facts.append(("Soort", BUYER_KIND_WORDS.get(org["kind"], org["kind"])))
        if org.get("jeugdregio_code"):
            # the region by its name, as the procurement page links it ("Jeugdregio JZ41" said only its code)
            region = (await datasette.get_database(database).execute(
                "select name from jeugdregios where code = ?", [org["jeugdregio_code"]])).rows
            links.insert(0, (f"Jeugdregio {region[0]['name'] if region else org['jeugdregio_code']}",
                             region_url(org["jeugdregio_code"])))
        if org.get("member_codes") and org["member_codes"] != buyer_id:
            facts.append(("Koopt in voor", org["member_codes"]))
    return await render(datasette, request, {
        "database": database, "heading": f"Opdrachtgever {name}", "kind": "opdrachtgever",
        "intro": "De aanbestedingen en contracten van één opdrachtgever door de jaren heen, met regio's en waarden.",
        "facts": facts, "links": links, "sections": sections,
    })


async def provider_page(request, datasette):
    database = archive_database(datasette)
    provider_id = request.args.get("id", "").strip()
    org = await organisation(datasette, database, provider_id) if provider_id else None
    if org is None and provider_id and (now := await aliased(datasette, database, provider_id)):
        # an id the archive no longer gives ("X B.V. h.o.d.n. Y" is X's: organisation_aliases): the provider now
        from datasette.utils.asgi import Response
        return Response.redirect(provider_url(now), status=301)
    sections = [
        await run_query(datasette, database, "aanbieder_regios", {"aanbieder": provider_id}),
        await run_query(datasette, database, "aanbieder_contracten", {"aanbieder": provider_id}),
    ]
    if org is None and not sections[1]["rows"]:
        return await not_found(datasette, request, database, f"Geen aanbieder gevonden met id “{provider_id}”.")
    name = org["name"] if org else provider_id
    facts = [("Id", provider_id)]
    if org and org.get("kvk"):
        facts.append(("KvK", org["kvk"]))
    return await render(datasette, request, {
        "database": database, "heading": f"Aanbieder {name}", "kind": "aanbieder",
        "intro": "Waar deze aanbieder contracten heeft: per jeugdregio, en elke gunning door de jaren heen met waarde.",
        "facts": facts, "links": [("Alle aanbieders", query_url(database, "aanbieders", {}))],
        "sections": sections,
    })


async def market_page(request, datasette):
    from tenderarchive.search.query import jeugdregio_code

    database = archive_database(datasette)
    params = {"jeugdregio": request.args.get("jeugdregio", ""), "jaar": request.args.get("jaar", "")}
    if params["jeugdregio"].strip() and not jeugdregio_code(params["jeugdregio"]):
        # a mistyped region showed the whole market under the region's name in the form
        return await not_found(datasette, request, database,
                               f"Geen jeugdregio gevonden voor “{params['jeugdregio']}”.")
    sections = [await run_query(datasette, database, "marktbeeld", params)]
    return await render(datasette, request, {
        "database": database, "heading": "Marktbeeld per jeugdregio en jaar", "kind": "markt",
        "intro": ("Hoeveel aanbieders delen de markt in elke regio? Per jeugdregio en jaar: aanbestedingen, "
                  "gegunde waarde, verschillende winnaars en het aandeel van de grootste aanbieder."),
        "links": [("Kaart", "/-/kaart"), ("Jeugdregio's in cijfers", query_url(database, "jeugdregio_overzicht", {}))],
        "sections": sections, "filters": params,
    })


async def map_page(request, datasette):
    database = archive_database(datasette)
    figure = request.args.get("maat", "aanbestedingen")
    if figure not in MAP_FIGURES:
        figure = "aanbestedingen"
    layer = "gemeenten" if request.args.get("laag") == "gemeenten" else "jeugdregios"
    jaar = request.args.get("jaar", "")
    section = await run_query(datasette, database, "jeugdregio_overzicht", {"jaar": jaar})
    cents = figure.endswith("_cents")
    values = {r["jeugdregio_code"]: (r[figure] / 100 if cents and r[figure] is not None else r[figure])
              for r in section["records"]}
    names = {r["jeugdregio_code"]: r["jeugdregio"] for r in section["records"]}
    from tenderarchive.datasette_plugin import euro

    shown = {r["jeugdregio_code"]: euro(r[figure]) for r in section["records"]} if cents else None  # exact cents
    svg, legend = map_svg(layer, values, names, MAP_FIGURES[figure], region_url, shown=shown)
    return await render(datasette, request, {
        "database": database, "heading": "Kaart van de jeugdregio's", "kind": "kaart",
        "intro": ("De jeugdregio's (CBS 2025, vereenvoudigde grenzen) gekleurd naar een gekozen cijfer; "
                  "klik op een regio (of gemeente) voor de regiopagina. Geen kaarttegels van internet."),
        "links": [("Marktbeeld", "/-/markt")],
        "map_form": {"figures": MAP_FIGURES, "figure": figure, "layer": layer, "jaar": jaar},
        "svg": svg, "legend": legend, "sections": [section],
    })


#: The glossary, served as ``/-/woordenlijst``: docs/glossary.md of a checkout (or an editable install), the copy
#: the build puts in an installed package (setup.py; read through importlib.resources, a zipped egg too).
CHECKOUT_GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
PACKAGED_GLOSSARY = resources.files("tenderarchive") / "glossary.md"


def glossary_text() -> str | None:
    """The glossary's Markdown, None where neither text is there (a wheel built from a tree without docs/)."""
    checkout = CHECKOUT_GLOSSARY.parent.parent / "pyproject.toml"
    for source in ([CHECKOUT_GLOSSARY] if checkout.is_file() else []) + [PACKAGED_GLOSSARY]:
        try:
            return source.read_text(encoding="utf-8")
        except OSError:
            continue
    return None


async def glossary_page(request, datasette):
    """``/-/woordenlijst``: docs/glossary.md as a page of the site. The saved searches, research pages and columns
    are named in Dutch and their descriptions cited "docs/glossary.md", which a researcher in the browser could
    not open; they point here (``/-/woordenlijst#stage-ids``, ``#event-kinds``). Markdown (the ``markdown`` package that datasette-render-markdown brings), headings with ids for
    its own anchors; a link to another file of docs/ is to the stage ids, which are in the glossary too."""
    import markdown

    database = archive_database(datasette)
    text = glossary_text()
    if text is None:
        return await not_found(datasette, request, database,
                               "De woordenlijst (docs/glossary.md) is met dit pakket niet meegebouwd.")
    title, _, text = text.partition("\n")
    text = re.sub(r"\]\(reference/stages\.md\)", "](#stage-ids)", text)  # docs/reference/: the stage table
    body = markdown.markdown(text, extensions=["tables", "toc"], output_format="html")
    # each table in a box of its own width (Datasette's table-wrapper scrolls it): on a phone the three columns of
    # words, meanings and names were 640 px wide and the page scrolled sideways
    body = body.replace("<table>", '<div class="table-wrapper"><table>').replace("</table>", "</table></div>")
    return await render(datasette, request, {
        "database": database, "heading": "Woordenlijst (glossary)", "kind": "woordenlijst",
        "intro": "De Nederlandse woorden van de tabellen, kolommen, zoekopdrachten en pagina's, en wat ze betekenen.",
        "body": Markup(body), "body_lang": "en", "sections": []})  # the glossary explains the Dutch words in English


async def _current_schema(datasette) -> bool:
    """Whether the served archive was last migrated by this version's schema (``PRAGMA user_version``)."""
    from tenderarchive.store.schema import schema_fingerprint

    version = (await datasette.get_database(archive_database(datasette)).execute("pragma user_version")).rows
    return bool(version) and abs(version[0][0]) == schema_fingerprint()


def older_archive_page(datasette, request, note: str):
    """The page in place of one this archive cannot answer: the note, as its saved searches give it (HTTP 200, as
    theirs)."""
    return render(datasette, request, {"database": archive_database(datasette),
                                       "heading": "Archief van een oudere versie", "intro": note, "sections": []})


def _checked_page(page):
    """``page`` answering 400 with the line naming a parameter that is not of its kind (``sinds=gisteren``,
    ``jaar=alle``: :func:`run_query`), as the saved searches' own pages do."""
    async def checked_page(request, datasette):
        try:
            return await page(request, datasette)
        except BadParameter as exc:
            return await render(datasette, request, {"database": archive_database(datasette),
                                                     "heading": "Ongeldige parameter", "intro": str(exc),
                                                     "sections": [], "status": 400})
        except sqlite3.OperationalError as exc:  # a page's own SQL, on an archive that lacks what it reads
            gap = re.fullmatch(r"no such (table|column): (\S+)", str(exc))
            if gap is None or await _current_schema(datasette):
                raise
            return await older_archive_page(datasette, request, OLDER_ARCHIVE_NOTE.format(what=" ".join(gap.groups())))

    return checked_page


def routes():
    return [(pattern, _checked_page(page)) for pattern, page in [
        (r"^/-/jeugdregio/(?P<code>[^/]+)$", region_page),
        (r"^/-/aanbesteding$", procurement_page),
        (r"^/-/opdrachtgever$", buyer_page),
        (r"^/-/aanbieder$", provider_page),
        (r"^/-/markt$", market_page),
        (r"^/-/kaart$", map_page),
        (r"^/-/woordenlijst$", glossary_page),
    ]]
