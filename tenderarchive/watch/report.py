"""Crawl reports: which rows a crawl made new or changed, and which watches they match.

**Which rows a crawl report lists.** Archived rows carry ``crawl_id`` = the crawl
that last *changed* them (unchanged rows are not rewritten), so the rows of
``notices`` and ``articles`` (when that table exists) with ``crawl_id = N`` are
exactly the rows new or changed in crawl N. A row is *changed* when the
``versions`` table holds an earlier version of it; its latest version is the one
that crawl N superseded (a later change would have moved ``crawl_id`` on), and its
``changed_columns``/``previous_values`` give the old → new values, a notice's in words where its column is none
(``latest_rectification_id`` is "latest rectification: — → notice 100131": :func:`_notice_changes_as_read`). Without a
``versions`` table the report cannot tell the two apart and says "new or changed".
A notice whose own row did not change but whose CPV codes, documents, places or
awards did is stamped with the crawl too (``store/writes.py``): it is *changed*,
with the changes of its awards; so is a notice whose awards alone the crawl added
(``awards.crawl_id``: an OCDS backfill, a late ``/html``). Each notice comes with
its awards (lot, winners, value, superseded or current). Its lots' and awards' changes read as the site shows
them: amounts in euros, the archive's bookkeeping of them left out (:data:`RESULT_BOOKKEEPING_COLUMNS`).

**A past crawl's report.** ``report --crawl N`` after later crawls tells what crawl N found, as it found it: the rows
it made new or changed that a later crawl stamped again (:func:`_touched_in`, :func:`_articles_touched_in`) are in
it, each notice and its awards, each news page, as crawl N left them, each later change undone from ``versions`` (:func:`_as_found`). It left them out, or told a notice
NEW whose award N corrected (a later crawl had stamped the award), or with the award as a later crawl corrected it.

**New to the reader.** ``report --unreported`` reports crawls N, N+1, … that nobody was told of
(``last_reported``: the last crawl ``--unreported`` reported, ``reports/last-reported.txt``). A row
first archived in crawl N and changed again in N+1 is missing from N's report (above) and *changed* in N+1's; but the
reader never heard of it, so N+1's report lists it as *new*, without the changes (nothing the
reader saw changed). First archived after the last report: no version of it was made by a
reported crawl (``versions.crawl_id``), no award, document or result of a notice belongs to one,
and the first fetch of its URL that the source answered 200 (``fetches``) is a later crawl's.
Without a ``fetches`` table the report cannot tell and keeps *changed*. A notice new to the reader that gives an award
they were told of under another notice (an OCDS awardUpdate's release, a notice of its own) keeps that award's changes.

**A missed night.** In a catch-up (``last_reported``, ``through``: the last crawl it reports) a row changed in several
of its crawls is told once, in the report of the last crawl that changed it (a notice: its row, lots or awards;
:func:`_candidates` leaves it out of the earlier ones), with its changes since crawl ``last_reported``: each column from
its value before the first of those crawls (their oldest ``versions``) to its value now, none where it came back to
what it was. The report omitted it from the older crawl's report and told only the later crawl's own change (an award
value corrected in crawl 2, € 500.000 → € 900.000, and touched again in crawl 3 in its release list alone: never told).
``report --crawl N`` still says what crawl N did. An award or lot the catch-up's crawls added to a notice the reader
knows (``first_crawl_id``, the crawl that first archived it) is added, at its values now ("lot 2 value: — →
€ 1.300.000,00"), whatever a later one of them changed: the report told "€ 1.200.000,00 → € 1.300.000,00", a value
the reader was never told, as ``versions`` leave out the crawl that first archived a row.

**Withdrawn.** An archived notice or article that crawl N asked for again and the source
answered 404 or 410 (``crawls.errors``, ``fetches``), or 200 with a page saying it was not found (a soft 404,
``crawls.soft_404``), is listed as *withdrawn*, with that answer; the
archive keeps it as it was. Only the first crawl that finds it gone lists it (the last
earlier fetch of its URL, ``fetches``, was not already a 404, 410 or soft 404).
A notice or news page that a later crawl finds published again (its detail or page answered 200, the
last earlier fetch of it a 404, 410 or soft 404) is listed as *changed* by that crawl's report, "published again".
A document a notice's documents list no longer names (``documents.dropped_since``, marked by crawl N: a
rectification withdrew the file) makes the notice *changed* in crawl N's report, the file "no longer listed"; a later
list naming it again (``documents.listed_again``) makes it *changed* in that crawl's, the file "listed again".

**Matching.** Keywords match case-insensitively *inside* words (Dutch compounds:
``jeugdhulp`` finds ``jeugdhulpaanbieders``); buyers and providers match whole
words, case-insensitively; a provider also matches a notice it won (the current
winners of the notice's awards, ``award_suppliers``). Municipalities of a notice are those the places pipeline
archived in ``notice_municipalities`` (its buyer and the places its text names); of an
article, its ``article_municipalities`` rows. A notice's jeugdregio's are those of its
municipalities plus regions named in its text; an article's also its
``jeugdregio_code``. CPV codes match hierarchically on the notice's codes
(``notice_cpv`` and ``cpv_main``). Articles have none of their own: an article takes the
CPV codes and the buyer of the procurements it is linked to (``procurement_links`` with
status ``linked``; candidates lend nothing), and the reason names them.

**The story an article belongs to.** Each reported article names the procurements it is linked to
(``procurement_links``, status ``linked``), however it matched: id, title, the link's reasons, and
the procurement's research page (``/-/aanbesteding?id=…``) when ``--datasette-url`` is given.

**Language.** A report is written in English, deliberately and throughout (its heading, statuses, "lot 1: Winner
(superseded)", "was … in notice …", the link evidence, the mail's subject), with the Dutch domain words of
``docs/glossary.md`` (jeugdregio, kenmerk, …), Dutch dates (:func:`tenderarchive.change_words.moment_words`) and euro
amounts as the site writes them ("€ 1.250.000,00"). So an award's value reads "€ …" or "maximum € …"
(:func:`_award_value`), not the Dutch wording of the timeline's sentences and the saved searches' feeds
(:func:`tenderarchive.timeline.value_words`, SQL ``waarde_woorden``: "voor maximaal € …"), which would put a Dutch
phrase inside an English line.

The archive is only read (``tenderarchive/readonly.py``). Rendering is
``tenderarchive/watch/render.py``; mailing ``tenderarchive/watch/mail.py``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from tenderarchive import readonly
from tenderarchive.change_words import _flag, field_label, value_words
from tenderarchive.store.keys import version_key
from tenderarchive.store.schema import API_SOURCES
from tenderarchive.timeline import awards_nothing, euro
from tenderarchive.watch.watchlist import Watch, Watchlist

PROVENANCE_COLUMNS = {"source_url", "fetched_at", "sha256", "crawl_id", "content_sha256"}
#: The archive's own bookkeeping of a notice: what its last response left out or sent unreadable
#: (``omitted_columns``: their archived values kept), whether its documents list was read. A change of these
#: alone is no change of the notice: it was reported "changed" with only ``omitted_columns`` (a sparse answer,
#: ``isGegund: "onbekend"``), though every value a reader sees stayed as it was.
BOOKKEEPING_COLUMNS = {"omitted_columns", "documents_unread", "listed_as"}
#: The archive's scores of an article (the rules' and the model's relevance, a fraction): a revised text
#: rescores it, and the report listed "relevance_model_score: 0.9149 → 0.921" beside the text's change, a
#: figure of the archive's, not the page's. A change of ``relevant`` (its verdict) is still reported.
BOOKKEEPING_COLUMNS |= {"relevance_score", "relevance_model_score"}


#: A notice's columns whose name and value are the archive's, not words (``store/schema.py``), as the report says
#: them: it listed "latest_rectification_id: — → 100131" (a rectification was published) and "is_awarded: 0 → 1".
#: Each is named in words, its value a notice's number or yes/no (:func:`_notice_changes_as_read`).
NOTICE_COLUMN_WORDS = {
    "latest_rectification_id": ("latest rectification", lambda v: f"notice {v}"),
    **{column: (words, lambda v: {0: "no", 1: "yes"}.get(v, v)) for column, words in (
        ("is_awarded", "awarded"), ("is_cancelled", "cancelled"), ("is_european", "European"),
        ("is_digital", "digital"), ("is_completed", "completed"), ("is_imported", "imported"),
        ("award_only", "award notice without a prior call"), ("youth_care", "jeugdhulp"),
        ("deadline_placeholder", "deadline a placeholder"),
        ("consultation_deadline_placeholder", "consultation closing date a placeholder"))},
}
#: Columns the archive derives from another one a change names (``year``/``year_month`` of ``published``, the main
#: CPV code's 8 digits, the procurement id ``TN`` + ``kenmerk``): "year_month: 2018-06 → 2018-07" beside the date,
#: "procurement_id: TN243310 → TN777001" beside "kenmerk: 243310 → 777001", said nothing new.
NOTICE_DERIVED_COLUMNS = {"year": "published", "year_month": "published", "cpv_main_8": "cpv_main",
                          "procurement_id": "kenmerk"}
#: The archive's bookkeeping of a lot or an award, no change a reader sees: which notice describes it last
#: (``publication_id``: the yearly OCDS file's latest release of the procedure), the releases, file and year it was
#: read from, and the number of its winners (the "winners" change names them). A nightly OCDS crawl reading an award
#: value corrected by an awardUpdate reported "lot 1 publication_id: 300360 → 300361" (twice: the lot's and the
#: award's), "release_ids", "source_file", "year" and "winner_count" beside it, and a notice of which nothing but its
#: release list changed as CHANGED.
RESULT_BOOKKEEPING_COLUMNS = {"publication_id", "release_ids", "source_file", "year", "winner_count"}

# --- candidates: rows new or changed in a crawl --------------------------------------------------------------
@dataclass
class Candidate:
    table: str
    key: object
    row: dict
    text: str                       # title/description/text, for keywords and providers
    names: list[str]                # buyer / organisation names, for buyers
    municipalities: set[str]        # CBS codes
    jeugdregios: set[str]           # JZ codes
    cpv: list[str]                  # digit codes
    status: str = "new or changed"  # new | changed | new or changed; "unchanged" (bookkeeping only) is not reported
    changes: list[dict] = field(default_factory=list)   # {column, old, new}
    winners: list[str] = field(default_factory=list)    # winners of a notice's awards, for providers
    former_winners: list[str] = field(default_factory=list)  # winners the crawl took off a notice's awards
    via: dict[str, list[str]] = field(default_factory=dict)  # an article's CPV code / buyer -> its linked procurements
    awards: list[dict] = field(default_factory=list)    # a notice's awards: {lot_id, winners, value, current, …}
    published_again: dict | None = None  # a notice or news page found published again after a 404/410 (_published_again)


_table_exists = readonly.table_exists


def _columns(conn: sqlite3.Connection, name: str) -> set[str]:
    return {r[1] for r in conn.execute(f"pragma table_info([{name}])")}


def _notice_places(row: dict, archived: list[tuple[str, str | None]]) -> tuple[set[str], set[str]]:
    """A notice's municipalities as the places pipeline archived them (``notice_municipalities``:
    the buyer and the places its text names), and their jeugdregio's plus regions its text names."""
    from tenderarchive.analysis.places import find_regions

    municipalities = {code for code, _ in archived}
    regions = {region for _, region in archived if region} | ({row["jeugdregio_code"]} if row.get("jeugdregio_code") else set())
    named = find_regions(f"{row.get('title') or ''}\n{row.get('description') or ''}")
    return municipalities, regions | {r["code"] for r in named if r.get("code")}


def _notice_awards(conn: sqlite3.Connection, publication_ids: list, as_of: int | None = None) -> dict:
    """The awards each notice gives (``awards.publication_id``), its lots in order, each with its
    winners (``award_suppliers``), value and whether it is current (a later rectification
    supersedes it: ``current`` 0). ``as_of``: as they were at the end of that crawl (:func:`_as_found`), the awards a
    later crawl moved to another notice (an OCDS awardUpdate's release) back under the notice that gave them then,
    those a later crawl added left out."""
    if not publication_ids or not _table_exists(conn, "awards"):
        return {}
    suppliers = _table_exists(conn, "award_suppliers")
    history = as_of is not None and _table_exists(conn, "versions") and "crawl_id" in _columns(conn, "versions")
    out: dict = {}
    for start in range(0, len(publication_ids), 500):
        chunk = publication_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        moved = (f" or award_id in (select row_key from versions where table_name = 'awards' and crawl_id > ? "
                 f"and json_extract(previous_values, '$.publication_id') in ({marks}))") if history else ""
        rows = [dict(award) for award in conn.execute(
            f"select * from awards where publication_id in ({marks}){moved}", chunk + ([as_of, *chunk] if history else []))]
        if history:
            rows = [_as_found(conn, "awards", award["award_id"], award, as_of) for award in rows
                    if (award.get("crawl_id") or 0) <= as_of or _existed_at(conn, "awards", award["award_id"], as_of)]
            rows = [award for award in rows if award["publication_id"] in chunk]
        rows.sort(key=lambda a: (a["publication_id"], a["lot_id"] is not None, str(a["lot_id"] or ""), a["award_id"]))
        for award in rows:
            names = sorted({r[0] for r in conn.execute(
                "select name from award_suppliers where award_id = ? and name is not null", [award["award_id"]])}
            ) if suppliers else []
            if history and "winners" in award:   # the winners a later crawl changed, as they were
                names = sorted({n for n in str(award["winners"] or "").split("; ") if n})
            entry = {"award_id": award["award_id"],
                     "lot_id": str(award["lot_id"]) if award["lot_id"] is not None else None,
                     "winners": names, "value": _award_value(award),
                     "current": award.get("current") != 0, "crawl_id": award.get("crawl_id"),
                     "first_crawl_id": award.get("first_crawl_id"), "source": award.get("source")}
            if award.get("rectifies") is not None:
                # A rectification's award: what it replaces (the corrected notice's award of the lot).
                replaced = [dict(r) for r in conn.execute(
                    "select * from awards where procurement_id = ? and lot_id is ? and publication_id = ? "
                    "order by award_id", [award["procurement_id"], award["lot_id"], award["rectifies"]])]
                if replaced:
                    entry["replaces"] = {
                        "publication_id": award["rectifies"], "value": _award_value(replaced[0]),
                        "winners": sorted({r[0] for r in conn.execute(
                            f"select name from award_suppliers where award_id in ({', '.join('?' * len(replaced))}) "
                            "and name is not null", [r["award_id"] for r in replaced])}) if suppliers else []}
            out.setdefault(award["publication_id"], []).append(entry)
    return out


def _award_value(award: dict) -> str | None:
    """An award's value as euro text written the Dutch way ("€ 1.250.000,00"), the printed text when it has no exact
    euro amount, or its framework maximum ("maximum € 2.000.000,00"): English words, as the whole report is (module
    docstring, "Language"), not :func:`tenderarchive.timeline.value_words`'s Dutch sentence wording."""
    value = euro(award.get("value_cents")) or (
        f"{award['value_raw']} {award.get('value_currency') or ''}".strip() if award.get("value_raw") else None)
    maximum = euro(award.get("framework_maximum_cents"))
    return value or (f"maximum {maximum}" if maximum else None)


def _as_found(conn: sqlite3.Connection, table: str, key, row: dict, crawl_id: int) -> dict:
    """Row ``row`` of ``table`` as crawl ``crawl_id`` left it: each change a later crawl made (``versions`` with a
    later ``crawl_id``) undone, newest first, so each column has its value before the first of them. A past crawl's
    report (``report --crawl N``) told a notice whose award a later crawl corrected with the award as corrected, as
    if crawl N had found it so."""
    out = dict(row)
    for (previous,) in conn.execute(
            "select previous_values from versions where table_name = ? and row_key in (?, ?) and crawl_id > ? "
            "order by version desc", [table, str(key), version_key(key), crawl_id]):
        out.update(_load(previous, {}) or {})
    return out


def _touched_in(conn: sqlite3.Connection, crawl_id: int) -> list[int]:
    """The notices crawl ``crawl_id`` made new or changed that a later crawl stamped again (``crawl_id`` moved on),
    for a past crawl's report (:func:`_as_found`): a notice, lot or award with a version of crawl N (the notice as
    crawl N left it), and a notice whose address crawl N was the first to fetch (``fetches``, 200: new in N)."""
    if not _table_exists(conn, "versions") or "crawl_id" not in _columns(conn, "versions"):
        return []
    found = set()
    where = {"notices": "publication_id = ?", "awards": "award_id = ?", "lots": "procurement_id = ? and lot_id = ?"}
    for table, row_key in conn.execute("select distinct table_name, row_key from versions where crawl_id = ? and "
                                       "table_name in ('notices', 'awards', 'lots')", [crawl_id]).fetchall():
        if not _table_exists(conn, table) or "crawl_id" not in _columns(conn, table):
            continue
        key = json.loads(row_key) if table == "lots" else row_key
        row = conn.execute(f"select * from {table} where {where[table]} and crawl_id > ?",
                           [*(key if table == "lots" else [key]), crawl_id]).fetchone()
        if row is not None:
            found.add(_as_found(conn, table, tuple(key) if table == "lots" else key, dict(row), crawl_id).get("publication_id"))
    for table, key in (("awards", ("award_id",)), ("lots", ("procurement_id", "lot_id"))):
        # an award or lot crawl N added (``first_crawl_id``) that a later crawl changed: crawl N has no version of it
        if _table_exists(conn, table) and {"first_crawl_id", "crawl_id"} <= _columns(conn, table):
            for row in conn.execute(f"select * from [{table}] where first_crawl_id = ? and crawl_id > ?",
                                    [crawl_id, crawl_id]).fetchall():
                row = dict(row)
                found.add(_as_found(conn, table, tuple(row[k] for k in key) if len(key) > 1 else row[key[0]], row,
                                    crawl_id).get("publication_id"))
    if _table_exists(conn, "fetches") and _table_exists(conn, "notices"):
        found |= {r[0] for r in conn.execute(
            "select publication_id from notices n where crawl_id > :crawl and source_url in "
            "(select url from fetches where crawl_id = :crawl and status = 200) and not exists (select 1 from fetches f "
            "where f.url = n.source_url and f.status = 200 and f.crawl_id < :crawl)", {"crawl": crawl_id})}
    return sorted(pid for pid in found if isinstance(pid, int))


def _notice_stamped_in(conn: sqlite3.Connection, row: dict, crawl_id: int) -> bool:
    """True when crawl ``crawl_id`` wrote notice ``row`` itself: a version of it of that crawl (it changed the row), or
    that crawl was the first to fetch its address (``fetches``, 200: it archived the notice)."""
    if conn.execute("select 1 from versions where table_name = 'notices' and row_key = ? and crawl_id = ? limit 1",
                    [str(row["publication_id"]), crawl_id]).fetchone():
        return True
    if not row.get("source_url") or not _table_exists(conn, "fetches"):
        return False
    first = conn.execute("select min(crawl_id) from fetches where url = ? and status = 200",
                         [row["source_url"]]).fetchone()[0]
    return first == crawl_id


def _candidates(conn: sqlite3.Connection, crawl_id: int, since: int | None = None,
                through: int | None = None, as_found: bool = False) -> list[Candidate]:
    """The rows crawl ``crawl_id`` made new or changed. In a catch-up that reports crawls up to ``through``
    (``report --unreported``), a notice a later crawl of it touched again (its row, awards or lots) is left out: it
    is told once, in that later crawl's report, with its changes since crawl ``since`` (:func:`_classify_in_crawl`).
    ``as_found`` (a report of crawl N by hand, ``report --crawl N``): also those a later crawl touched again
    (:func:`_touched_in`), each notice with its awards as crawl N left them (:func:`_as_found`)."""
    out = []
    if _table_exists(conn, "notices"):
        # The notices this crawl changed, and those whose awards or lots it added or changed without
        # changing the notice (an OCDS backfill of a procedure the API archived).
        results = [table for table in ("awards", "lots")
                   if _table_exists(conn, table) and "crawl_id" in _columns(conn, table)]
        awarded = "".join(f" union select publication_id from {table} where crawl_id = :crawl" for table in results)
        selected = f"publication_id in (select publication_id from notices where crawl_id = :crawl{awarded})"
        if through is not None and through > crawl_id:
            later = " union ".join(f"select publication_id from {table} where crawl_id > :crawl and crawl_id <= :through"
                                   for table in ["notices", *results])
            selected += f" and publication_id not in ({later})"
        elif as_found and (again := _touched_in(conn, crawl_id)):
            selected = f"({selected} or publication_id in ({', '.join(map(str, again))}))"
        notices = _notice_candidates(conn, selected, {"crawl": crawl_id, "through": through},
                                     crawl_id if as_found else None)
        _former_winners(conn, notices, crawl_id, since)
        out += notices
    if _table_exists(conn, "articles"):
        selected, params = "crawl_id = :crawl", {"crawl": crawl_id}
        if as_found and through is None and (again := _articles_touched_in(conn, crawl_id)):
            selected += f" or url in ({', '.join('?' * len(again))})"
            params = [crawl_id, *again]
            selected = selected.replace(":crawl", "?")
        out += _article_candidates(conn, selected, params, crawl_id if as_found else None)
    return out


def _since(crawl_id: int, last_reported: int | None) -> int:
    """The crawl after which the changes a report of crawl ``crawl_id`` tells begin: the one before it, or in a
    catch-up (``last_reported``, ``report --unreported``) the last crawl the reader was told of."""
    return last_reported if last_reported is not None and last_reported < crawl_id else crawl_id - 1


def _former_winners(conn: sqlite3.Connection, candidates: list[Candidate], crawl_id: int,
                    since: int | None = None) -> None:
    """The winners crawl ``crawl_id`` took off the notices' awards (``versions`` of ``awards``, column ``winners``,
    ``tenderarchive/store/writes.py``): a provider watch is told of the lot its provider no longer wins."""
    if not _table_exists(conn, "versions") or "crawl_id" not in _columns(conn, "versions"):
        return
    since = crawl_id - 1 if since is None else since
    for c in candidates:
        for award in c.awards:
            for (previous,) in conn.execute("select previous_values from versions where table_name = 'awards' and "
                                            "row_key = ? and crawl_id > ? and crawl_id <= ? order by version",
                                            [award["award_id"], since, crawl_id]):
                names = (_load(previous, {}) or {}).get("winners") or ""
                c.former_winners += [n for n in names.split("; ") if n and n not in c.winners + c.former_winners]


# the status of the answer (spiders/base.py errback), not a 404 the quoted error body after it may mention
_GONE = re.compile(r"^request failed: HTTP (404|410)\b")
_DETAIL = re.compile(r"/publicaties/(\d+)/?$")


def _gone(conn: sqlite3.Connection, crawl: dict, known: set) -> list[Candidate]:
    """Archived notices and articles that the source no longer publishes: crawl N asked for
    them again (a notice re-checked, a living page or a page a sitemap said changed) and the
    source answered 404 or 410 (``crawls.errors``; for a page a sitemap or listing names, which is no error, the
    crawl's ``fetches``: :func:`_pages_gone`). The archive keeps them as they were; the
    report lists them as *withdrawn*, with the answer, so the journalist hears of it."""
    try:
        errors = json.loads(crawl.get("errors") or "[]")
    except ValueError:
        return []
    answers: dict = {}
    for error in errors if isinstance(errors, list) else []:
        url, message = (error or {}).get("url"), str((error or {}).get("error") or "")
        found = _GONE.search(message)
        if url and found and not _gone_before(conn, url, crawl["crawl_id"]):
            answers.setdefault(url, f"HTTP {found.group(1)}")
    pages = dict(answers)
    pages.update({url: answer for url, answer in _pages_gone(conn, crawl["crawl_id"]).items() if url not in pages})
    if not pages:
        return []
    out = []
    ids = {int(m.group(1)): answer for url, answer in answers.items() if (m := _DETAIL.search(url.split("?")[0]))}
    if ids and _table_exists(conn, "notices"):
        marks = ", ".join("?" * len(ids))
        out += [c for c in _notice_candidates(conn, f"publication_id in ({marks})", list(ids))
                if ("notices", c.key) not in known]
        for c in out:
            c.changes = [{"column": "TenderNed", "old": "published",
                          "new": f"{ids[c.key]} in crawl {crawl['crawl_id']}: withdrawn or removed (kept in the archive)"}]
    if _table_exists(conn, "articles"):
        urls = list(pages)
        for start in range(0, len(urls), 400):
            chunk = urls[start:start + 400]
            marks = ", ".join("?" * len(chunk))
            for c in _article_candidates(conn, f"url in ({marks}) or source_url in ({marks})", chunk + chunk):
                if ("articles", c.key) in known:
                    continue
                answer = pages.get(c.row.get("source_url")) or pages.get(c.key)
                c.changes = [{"column": "page", "old": "published",
                              "new": f"{answer} in crawl {crawl['crawl_id']}: withdrawn or removed (kept in the archive)"}]
                out.append(c)
    for c in out:
        c.status = "withdrawn"
    return out


def _back(conn: sqlite3.Connection, crawl: dict) -> tuple[dict[int, str], dict[str, str]]:
    """The archived notices and news pages crawl N found published again: its fetch of a notice's detail or of a
    page was answered 200, or ``304 Not Modified`` (a revisit's conditional request: the page there, unchanged; only
    a 200 counted, and a page back unchanged was never reported back), where the last earlier fetch of that URL
    (``fetches``) was a 404 or 410, or a soft 404 of its crawl (:func:`_soft_404`), which the report of that crawl listed as *withdrawn*. Publication id → what that crawl's answer was, and article (``url``) → the
    same; a page is found by its address or the one it was fetched from (``source_url``), as :func:`_gone` finds it.
    Without this the report of the crawl that found it back said nothing (its content unchanged, nothing was new),
    and the reader, told it was withdrawn, never heard it is published again."""
    if not _table_exists(conn, "fetches"):
        return {}, {}
    notices: dict[int, str] = {}
    pages: dict[str, str] = {}
    soft = _soft_404(conn, crawl["crawl_id"])  # a page still saying it was not found is not back
    for url, status, before in conn.execute(
            "select url, status, (select p.status || ' ' || coalesce(p.crawl_id, '') from fetches p where p.url = f.url "
            "and p.crawl_id < f.crawl_id order by p.crawl_id desc, p.fetched_at desc limit 1) from fetches f "
            "where f.crawl_id = ? and f.status in (200, 304)", [crawl["crawl_id"]]):
        answer, _, earlier = str(before or "").partition(" ")
        if answer == "200" and url not in soft and earlier.isdigit() and url in _soft_404(conn, int(earlier)):
            answer = SOFT_404  # a soft 404 of the crawl before (_pages_gone), a page again now
        elif answer not in ("404", "410"):
            continue
        said = (answer if answer == SOFT_404 else f"HTTP {answer}") + (f" in crawl {earlier}" if earlier else "")
        found = _DETAIL.search(str(url).split("?")[0])
        if found:
            notices[int(found.group(1))] = said
        pages[str(url)] = said
    if notices and _table_exists(conn, "notices"):
        marks = ", ".join("?" * len(notices))
        archived = {r[0] for r in conn.execute(f"select publication_id from notices where publication_id in ({marks})",
                                               list(notices))}
        notices = {pid: answer for pid, answer in notices.items() if pid in archived}
    else:
        notices = {}
    articles: dict[str, str] = {}
    if pages and _table_exists(conn, "articles"):
        urls = list(pages)
        for start in range(0, len(urls), 400):
            chunk = urls[start:start + 400]
            marks = ", ".join("?" * len(chunk))
            for url, source_url in conn.execute(f"select url, source_url from articles where url in ({marks}) "
                                                f"or source_url in ({marks})", chunk + chunk):
                articles[url] = pages.get(source_url) or pages[url]
    return notices, articles


def _published_again(conn: sqlite3.Connection, crawl: dict, candidates: list[Candidate]) -> list[Candidate]:
    """The notices and news pages of :func:`_back` as candidates, *changed*: one this crawl also changed gets the
    change first in its list (after :func:`_classify`, see :func:`build_report`); another is a candidate of its own."""
    notices, articles = _back(conn, crawl)
    out = []
    for table, back, column, select in (("notices", notices, "TenderNed", _notice_candidates),
                                        ("articles", articles, "page", _article_candidates)):
        if not back:
            continue
        known = {c.key: c for c in candidates if c.table == table}
        marks = ", ".join("?" * len(back))
        where = f"{'publication_id' if table == 'notices' else 'url'} in ({marks})"
        for c in [known[k] for k in back if k in known] + [
                c for c in select(conn, where, list(back)) if c.key not in known]:
            c.published_again = {"column": column, "old": f"{back[c.key]}: withdrawn or removed",
                                 "new": f"published again in crawl {crawl['crawl_id']}"}
            if c.key not in known:
                c.status, c.changes = "changed", [c.published_again]
                out.append(c)
    return out


def _pages_gone(conn: sqlite3.Connection, crawl_id: int) -> dict[str, str]:
    """URL → ``HTTP 404`` (or 410) of the pages that crawl ``crawl_id`` fetched and that answered 404 or 410 with no
    other answer of that crawl, recorded by the crawl's ``fetches`` and not by its errors: a page a sitemap or listing
    still names is no error of the crawl (``news/gone``, spiders/news.py), so an archived article whose page was
    gone was never reported *withdrawn*. A page that answered 200 but said it was not found (a soft 404, "Pagina
    niet gevonden": ``crawls.soft_404``, tenderarchive/extensions.py) is gone as well, though its fetch says 200:
    it was never reported. Those gone at the fetch before (:func:`_gone_before`) are left out."""
    if not _table_exists(conn, "fetches"):
        return {}
    rows = conn.execute(
        "select url, max(status) from fetches f where crawl_id = ? and status in (404, 410) and not exists "
        "(select 1 from fetches o where o.url = f.url and o.crawl_id = f.crawl_id and o.status not in (404, 410)) "
        "group by url", [crawl_id]).fetchall()
    gone = {url: f"HTTP {status}" for url, status in rows}
    for url in _soft_404(conn, crawl_id):
        gone.setdefault(url, SOFT_404)
    return {url: answer for url, answer in gone.items() if not _gone_before(conn, url, crawl_id)}


#: How the report names a soft 404's answer (a page answered 200 that says it was not found).
SOFT_404 = "HTTP 200 saying the page was not found"


def _soft_404(conn: sqlite3.Connection, crawl_id) -> set[str]:
    """The addresses crawl ``crawl_id`` fetched that answered 200 but said they were not found (``crawls.soft_404``;
    empty for an archive written before that column, or a crawl that met none)."""
    if crawl_id is None or "soft_404" not in {r[1] for r in conn.execute("pragma table_info(crawls)")}:
        return set()
    row = conn.execute("select soft_404 from crawls where crawl_id = ?", [crawl_id]).fetchone()
    found = _load(row[0], []) if row else []
    return {u for u in found if isinstance(u, str)} if isinstance(found, list) else set()


def _gone_before(conn: sqlite3.Connection, url: str, crawl_id: int) -> bool:
    """True when the last fetch of ``url`` before crawl ``crawl_id`` was already a 404 or 410, or a soft 404 of its
    crawl (:func:`_soft_404`) (``fetches``): that crawl's report told it; a re-check that finds it gone again is no
    news."""
    if not _table_exists(conn, "fetches"):
        return False
    last = conn.execute("select status, crawl_id from fetches where url = ? and crawl_id < ? "
                        "order by crawl_id desc, fetched_at desc limit 1", [url, crawl_id]).fetchone()
    return last is not None and (last[0] in (404, 410) or (last[0] == 200 and url in _soft_404(conn, last[1])))


def _notice_candidates(conn: sqlite3.Connection, selected: str, params, as_of: int | None = None) -> list[Candidate]:
    """The notices ``selected`` (an SQL condition on ``notices``) as candidates; ``as_of``: each as that crawl left it,
    with its awards (:func:`_as_found`)."""
    out = []
    cpv_by_notice: dict = {}
    if _table_exists(conn, "notice_cpv"):
        for pid, cpv in conn.execute(
                f"select publication_id, cpv from notice_cpv where {selected}", params):
            cpv_by_notice.setdefault(pid, []).append(cpv)
    places_by_notice: dict = {}
    if _table_exists(conn, "notice_municipalities"):
        for pid, code, region in conn.execute(
                "select publication_id, cbs_code, jeugdregio_code from notice_municipalities "
                f"where {selected}", params):
            places_by_notice.setdefault(pid, []).append((code, region))
    extra = [c for c in ("providers", "winners", "awardees") if c in _columns(conn, "notices")]
    rows = [dict(row) for row in conn.execute(
        f"select * from notices where {selected} order by published desc, publication_id", params)]
    if as_of is not None and _table_exists(conn, "versions") and "crawl_id" in _columns(conn, "versions"):
        rows = [_as_found(conn, "notices", row["publication_id"], row, as_of) for row in rows]
        for row in rows:
            if (row.get("crawl_id") or 0) > as_of and _notice_stamped_in(conn, row, as_of):
                row["crawl_id"] = as_of   # as crawl N stamped it (a later crawl stamped it again)
    awards = _notice_awards(conn, [row["publication_id"] for row in rows], as_of)
    for row in rows:
        municipalities, regions = _notice_places(row, places_by_notice.get(row["publication_id"], []))
        codes = cpv_by_notice.get(row["publication_id"], []) + [row.get("cpv_main") or ""]
        text = " \n".join(str(row.get(c) or "") for c in ("title", "description", *extra))
        given = awards.get(row["publication_id"], [])
        if given and awards_nothing(row):  # an award notice since corrected to a contract notice: its API awards
            given = [dict(award, withdrawn=True) if not award["current"] and award["source"] in API_SOURCES
                     else award for award in given]
        out.append(Candidate(
            "notices", row["publication_id"], row, text,
            [n for n in (row.get("buyer"), row.get("buyer_official")) if n],
            municipalities, regions, [re.sub(r"\D", "", c)[:8] for c in codes if c],
            winners=sorted({name for award in given if award["current"] for name in award["winners"]}),
            awards=given))
    return out


def _articles_touched_in(conn: sqlite3.Connection, crawl_id: int) -> list[str]:
    """The news pages crawl ``crawl_id`` archived or changed that a later crawl changed again (:func:`_touched_in`, for
    notices): a version of the page of crawl N, or crawl N was the first to fetch its address (200)."""
    if not _table_exists(conn, "versions") or "crawl_id" not in _columns(conn, "versions"):
        return []
    found = {r[0] for r in conn.execute(
        "select a.url from articles a where a.crawl_id > :crawl and exists (select 1 from versions v where "
        "v.table_name = 'articles' and v.row_key = a.url and v.crawl_id = :crawl)", {"crawl": crawl_id})}
    if _table_exists(conn, "fetches"):
        found |= {r[0] for r in conn.execute(
            "select url from articles a where crawl_id > :crawl and url in (select url from fetches where "
            "crawl_id = :crawl and status = 200) and not exists (select 1 from fetches f where f.url = a.url and "
            "f.status = 200 and f.crawl_id < :crawl)", {"crawl": crawl_id})}
    return sorted(found)


def _article_candidates(conn: sqlite3.Connection, selected: str, params, as_of: int | None = None) -> list[Candidate]:
    """The articles ``selected`` (an SQL condition on ``articles``) as candidates; ``as_of``: each as that crawl left
    it (:func:`_as_found`)."""
    out = []
    links = _table_exists(conn, "article_municipalities")
    organisations = _table_exists(conn, "article_organisations")
    has_region = "jeugdregio_code" in _columns(conn, "articles")
    procurement_links = all(_table_exists(conn, t) for t in ("procurement_links", "procurements", "notices"))
    notice_cpv = _table_exists(conn, "notice_cpv")
    for row in conn.execute(f"select * from articles where {selected} order by published desc, url", params).fetchall():
        row = dict(row)
        if as_of is not None and (row.get("crawl_id") or 0) > as_of:
            row = _as_found(conn, "articles", row["url"], row, as_of)
            if conn.execute("select 1 from versions where table_name = 'articles' and row_key = ? and crawl_id = ? "
                            "limit 1", [row["url"], as_of]).fetchone() or (_table_exists(conn, "fetches") and conn.execute(
                                "select min(crawl_id) from fetches where url = ? and status = 200",
                                [row["url"]]).fetchone()[0] == as_of):
                row["crawl_id"] = as_of   # as crawl N stamped it
        municipalities, regions = set(), set()
        if has_region and row.get("jeugdregio_code"):
            regions.add(row["jeugdregio_code"])
        if links:
            for code, region in conn.execute(
                    "select cbs_code, jeugdregio_code from article_municipalities where url = ?", [row["url"]]):
                municipalities.add(code)
                if region:
                    regions.add(region)
        names = []
        if organisations:
            names = [r[0] for r in conn.execute("select name from article_organisations where url = ?",
                                                [row["url"]])]
        text = f"{row.get('title') or ''} \n{row.get('text') or ''}"
        # The procurements the article is linked to (procurement_links, status 'linked') lend
        # it their buyers and CPV codes: news has none of its own.
        via: dict[str, list[str]] = {}
        for procurement_id, buyer in conn.execute(
                "select l.procurement_id, p.buyer from procurement_links l left join procurements p "
                "using (procurement_id) where l.url = ? and l.status = 'linked' order by l.procurement_id",
                [row["url"]]) if procurement_links else ():
            codes = {r[0] for r in conn.execute(
                "select c.cpv from notice_cpv c join notices n using (publication_id) where n.procurement_id = ? "
                "union select cpv_main from notices where procurement_id = ? and cpv_main is not null",
                [procurement_id, procurement_id])} if notice_cpv else set()
            for key in {re.sub(r"\D", "", code)[:8] for code in codes} | ({buyer} if buyer else set()):
                via.setdefault(key, []).append(procurement_id)
        linked_buyers = [k for k in via if not k.isdigit()]
        out.append(Candidate("articles", row["url"], row, text, names + linked_buyers, municipalities, regions,
                             sorted(k for k in via if k.isdigit()), via=via))
    return out


def _word(value: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, value.split())) + r"(?!\w)", re.IGNORECASE)


def match(watch: Watch, c: Candidate) -> list[str] | None:
    """Why ``c`` matches ``watch`` (one reason per field), or None when it does not."""
    if c.table == "articles" and not watch.all_news and c.row.get("relevant") == 0:
        return None  # judged not about a youth-care procurement (watchlist.py: ``news: all``)
    reasons = []
    if watch.keywords:
        text = " ".join(c.text.split()).casefold()
        hits = [k for k in watch.keywords if k in text]
        if not hits:
            return None
        reasons.append("keyword " + ", ".join(f"“{k}”" for k in hits))
    if watch.buyers:
        hits = [b for b in watch.buyers if any(_word(b).search(n) for n in c.names)
                or (c.table == "articles" and _word(b).search(c.text))]
        if not hits:
            return None
        reasons.append("buyer " + ", ".join(hits) + _via(c, [n for n in c.via if any(_word(b).search(n) for b in hits)
                                                              and not any(_word(b).search(c.text) for b in hits)]))
    if watch.providers:
        won = [p for p in watch.providers if any(_word(p).search(n) for n in c.winners)]
        lost = [p for p in watch.providers if p not in won and any(_word(p).search(n) for n in c.former_winners)]
        hits = [p for p in watch.providers if p not in won + lost and (
            _word(p).search(c.text) or (c.table == "articles" and any(_word(p).search(n) for n in c.names)))]
        if not hits and not won and not lost:
            return None
        reasons.append("provider " + ", ".join([f"{p} (winner)" for p in won] + [f"{p} (former winner)" for p in lost]
                                               + hits))
    if watch.municipalities:
        hits = [name for code, name in watch.municipalities.items() if code in c.municipalities]
        if not hits:
            return None
        reasons.append("municipality " + ", ".join(hits))
    if watch.jeugdregios:
        hits = [f"{name} ({code})" for code, name in watch.jeugdregios.items() if code in c.jeugdregios]
        if not hits:
            return None
        reasons.append("jeugdregio " + ", ".join(hits))
    if watch.cpv:
        hits = sorted({code for code in c.cpv for prefix in watch.cpv if code.startswith(prefix)})
        if not hits:
            return None
        reasons.append("CPV " + ", ".join(hits) + _via(c, hits))
    return reasons


def _via(c: Candidate, keys: list[str]) -> str:
    """" (procurement TN…)" when an article matched through the procurements it is linked to."""
    procurements = sorted({p for key in keys for p in c.via.get(key, [])})
    return f" (linked procurement {', '.join(procurements)})" if procurements else ""


def _load(value, default):
    try:
        return json.loads(value) if isinstance(value, str) else (value if value is not None else default)
    except ValueError:
        return default


def lot_label(lot_id) -> str:
    """What an award is of: "lot 2", "lots 1, 2" (one award of several lots together) or "contract"
    (an award of no named lot: a procedure without lots)."""
    if lot_id is None or str(lot_id).strip() == "":
        return "contract"
    return f"lots {lot_id}" if "," in str(lot_id) else f"lot {lot_id}"


def _changes(version: dict, row: dict, prefix: str = "", leave_out=frozenset()) -> list[dict]:
    """The old → new values a ``versions`` row records (provenance columns, and those of ``leave_out``, left out)."""
    previous = _load(version.get("previous_values"), {}) or {}
    new_values = _load(version.get("new_values"), {}) or {}
    columns = _load(version.get("changed_columns"), None) or sorted(
        k for k, v in previous.items() if k in row and row[k] != v)
    return [{"column": prefix + col, "old": previous.get(col), "new": new_values.get(col, row.get(col)), "field": col}
            for col in columns if col not in PROVENANCE_COLUMNS and col not in BOOKKEEPING_COLUMNS
            and col not in leave_out]


def _notice_changes_as_read(changes: list[dict]) -> list[dict]:
    """A notice's changes as a reader reads them: a column of a code and its label (``procedure`` and
    ``procedure_label``) is one change, the labels' ("Procedure (procedure): Openbaar → Niet-openbaar", :func:`_code_words`), not two; a column
    derived from another changed one is left out; an id or a 0/1 flag is named in words with its value a notice's
    number or yes/no (:data:`NOTICE_COLUMN_WORDS`); the rest as they are."""
    by_column = {ch["column"]: ch for ch in changes}
    out = []
    for ch in changes:
        column = ch["column"]
        if NOTICE_DERIVED_COLUMNS.get(column) in by_column:
            continue
        if column.endswith("_label") and column[:-len("_label")] in by_column:
            continue   # said under its code's name, below
        if f"{column}_label" in by_column or column.endswith("_label"):
            label = by_column.get(f"{column}_label", ch)
            out.append({"column": _code_words(column.removesuffix("_label")), "old": label["old"], "new": label["new"]})
        elif column in NOTICE_COLUMN_WORDS:
            words, said = NOTICE_COLUMN_WORDS[column]
            out.append({"column": words, "old": None if ch["old"] is None else said(ch["old"]),
                        "new": None if ch["new"] is None else said(ch["new"])})
        else:
            out.append(ch)
    return out


def _code_words(column: str) -> str:
    """A notice's code column, whose change is told by its label, named as the data dictionary names the code, without
    "code": "Notice type (notice_type)", "Procedure (procedure)", "How tenders are submitted digitally
    (digital_submission)". The report said the stored name, "notice_type: Aankondiging gegunde opdracht →
    Aankondiging opdracht", beside "Current closing date for tenders (deadline): …" (:func:`_in_words`)."""
    words, _, column_part = field_label("notices", column).rpartition(" (")
    words = re.sub(r" code(?: with check digit)?$", "", re.sub(r"^Code of ", "", words)) or column.replace("_", " ")
    return f"{words[:1].upper()}{words[1:]} ({column_part}"


def _in_words(table: str, changes: list[dict]) -> list[dict]:
    """A row's own changes (a notice's, an article's) as the research pages and the ``changes`` view say them
    (:mod:`tenderarchive.change_words`): each stored column as the data dictionary names it, "Current closing date
    for tenders (deadline): 31 mei 2018 12:00 → 14 juni 2018 12:00", dates as dates, JSON lists as lists. The
    report, its feeds and e-mail said "deadline: 2018-05-31T12:00:00+02:00 → …" and ``["AAO", "AGO"]``. A change
    :func:`_notice_changes_as_read` has put in words already (a code's label, a flag's yes/no) stays as it is;
    ``field`` (the stored column) stays with each change."""
    out = []
    for ch in changes:
        stored = ch.get("field")
        if stored is None or ch["column"] != stored:
            out.append(ch)
            continue
        out.append(dict(ch, column=field_label(table, stored),
                        **{side: None if ch[side] is None or ch[side] == "" else value_words(stored, ch[side])
                           for side in ("old", "new")}))
    return out


def _archived_before(conn: sqlite3.Connection, c: Candidate, crawl_id: int, first: int | None = None) -> bool:
    """True when notice ``c`` was archived before crawl ``crawl_id``, which only added or changed
    rows of it (awards, CPV codes, documents, places) and stamped it: the notice row still holds
    the response an earlier crawl fetched (``fetches``: same URL and sha256), or its awards or
    documents were archived by an earlier crawl, or it was not stamped at all (an OCDS backfill
    that added awards to a notice the API archived). ``first``: the first crawl of a catch-up's window (its
    crawls ``first`` … ``crawl_id``), "before" it."""
    row, first = c.row, crawl_id if first is None else first
    if not first <= (row.get("crawl_id") or 0) <= crawl_id:
        return True
    if row.get("sha256") and row.get("source_url") and _table_exists(conn, "fetches") and conn.execute(
            "select 1 from fetches where url = ? and sha256 = ? and crawl_id < ? limit 1",
            [row["source_url"], row["sha256"], first]).fetchone():
        return True
    for table in ("documents", "notice_results", "awards"):
        if _table_exists(conn, table) and "crawl_id" in _columns(conn, table) and conn.execute(
                f"select 1 from [{table}] where publication_id = ? and {_first_of(conn, table)} < ? limit 1",
                [c.key, first]).fetchone():
            return True
    return False


def _first_of(conn: sqlite3.Connection, table: str) -> str:
    """SQL of the crawl that first archived a row of ``table``: its ``first_crawl_id`` where the table has one (an
    award a later crawl changed was archived before that crawl), else the crawl that last changed it."""
    return "coalesce(first_crawl_id, crawl_id)" if "first_crawl_id" in _columns(conn, table) else "crawl_id"


def _new_since(conn: sqlite3.Connection, c: Candidate, last_reported: int) -> bool:
    """True when row ``c`` was first archived after crawl ``last_reported`` (module docstring,
    "New to the reader"): a reader told of crawls up to that one never heard of it."""
    if not _table_exists(conn, "fetches"):
        return False
    if _table_exists(conn, "versions") and "crawl_id" in _columns(conn, "versions") and conn.execute(
            "select 1 from versions where table_name = ? and row_key in (?, ?) and crawl_id <= ? limit 1",
            [c.table, str(c.key), version_key(c.key), last_reported]).fetchone():
        return False
    if c.table == "notices":
        for table in ("documents", "notice_results", "awards"):
            if _table_exists(conn, table) and "crawl_id" in _columns(conn, table) and conn.execute(
                    f"select 1 from [{table}] where publication_id = ? and {_first_of(conn, table)} <= ? limit 1",
                    [c.key, last_reported]).fetchone():
                return False
    urls = sorted({u for u in (c.row.get("source_url"), c.row.get("url") if c.table == "articles" else None) if u})
    if not urls:
        return False
    first = conn.execute(f"select min(crawl_id) from fetches where url in ({', '.join('?' * len(urls))}) "
                         "and status = 200", urls).fetchone()[0]
    return first is not None and first > last_reported


def _classify(conn: sqlite3.Connection, c: Candidate, versions: bool, crawl: dict,
              last_reported: int | None = None) -> None:
    """Set ``status`` and ``changes`` of ``c`` from the versions table (without one: from
    the crawl's counts when they leave no doubt, e.g. a first crawl has only new rows).

    A notice that crawl N stamped without changing its own row (N added its winners, CPV codes,
    documents or places) is *changed*, not new; the changes are those of its awards that N
    recorded (``versions`` of ``awards``), with the winners in ``awards``. With ``last_reported``
    (``report --unreported``), a changed row first archived after that crawl is *new*, and a row's changes are
    those of every crawl since that one (module docstring, "A missed night")."""
    _classify_in_crawl(conn, c, versions, crawl, _since(crawl["crawl_id"], last_reported))
    if (c.status == "changed" and last_reported is not None and last_reported < crawl["crawl_id"] - 1
            and _new_since(conn, c, last_reported)):
        # A notice new to the reader may give an award they were told of under another notice (an OCDS
        # awardUpdate's release: the award moves to its notice): that award's changes since are still told.
        told = {lot_label(a["lot_id"]) + " " for a in c.awards if _existed_at(conn, "awards", a["award_id"], last_reported)}
        kept = [ch for ch in c.changes if any(str(ch["column"]).startswith(label) for label in told)]
        c.status, c.changes = ("changed", kept) if kept else ("new", [])


def _existed_at(conn: sqlite3.Connection, table: str, key: str, crawl_id: int) -> bool:
    """True when row ``key`` of ``table`` was archived by the end of crawl ``crawl_id``: the crawl that first archived
    it (``first_crawl_id``, :data:`tenderarchive.store.schema.FIRST_CRAWL`) is that crawl or an earlier one. Where
    the archive does not know it (a row archived before the column, changed since), from ``versions``: a version of
    it made by that crawl or an earlier one, or its first later version made by the crawl right after it (it
    changed a row that was there) — which cannot tell a row added in crawl 2 from one archived in crawl 1 and
    first changed in crawl 3."""
    first = _first_crawl(conn, table, key)
    if first is not None:
        return first <= crawl_id
    if not _table_exists(conn, "versions") or "crawl_id" not in _columns(conn, "versions"):
        return False
    first = conn.execute("select min(crawl_id) from versions where table_name = ? and row_key = ?",
                         [table, key]).fetchone()[0]
    after = conn.execute("select min(crawl_id) from crawls where crawl_id > ?", [crawl_id]).fetchone()[0]
    return first is not None and (first <= crawl_id or first == after)


def _first_crawl(conn: sqlite3.Connection, table: str, key: str) -> int | None:
    """The crawl that first archived award or lot ``key`` (``first_crawl_id``), None where the archive does not say."""
    if table not in ("awards", "lots") or not _table_exists(conn, table) or "first_crawl_id" not in _columns(conn, table):
        return None
    where = "award_id = ?" if table == "awards" else "procurement_id = ? and lot_id = ?"
    row = conn.execute(f"select first_crawl_id from [{table}] where {where}",
                       json.loads(key) if table == "lots" else [key]).fetchone()
    return row[0] if row else None


def _classify_in_crawl(conn: sqlite3.Connection, c: Candidate, versions: bool, crawl: dict,
                       since: int | None = None) -> None:
    if not versions:
        if not crawl.get("items_updated") and crawl.get("items_new"):
            c.status = "new"
        elif not crawl.get("items_new") and crawl.get("items_updated"):
            c.status = "changed"
        return
    key, crawl_id = str(c.key), crawl["crawl_id"]
    since = crawl_id - 1 if since is None else since
    several = since < crawl_id - 1   # a catch-up: the changes of crawls since+1 … crawl_id, told once
    by_crawl = "crawl_id" in _columns(conn, "versions")
    rows = [dict(r) for r in conn.execute(
        "select * from versions where table_name = ? and row_key in (?, ?) order by version desc",
        [c.table, key, version_key(c.key)])]
    # The version crawl N made (versions.crawl_id); in an archive whose versions do not record
    # their crawl, the latest one, which is the one crawl N superseded (a later change would have
    # moved the row's crawl_id on). A version of another crawl is not this crawl's change.
    mine = [r for r in rows if since < (r.get("crawl_id") or 0) <= crawl_id] if by_crawl else rows[:1]
    if by_crawl and not mine and rows and all(r.get("crawl_id") is None for r in rows):
        mine = rows[:1]
    award_changes, results_versioned, results_added, added = [], False, False, []
    if c.table == "notices" and by_crawl:
        for award in c.awards:
            stamped = since < (award.get("crawl_id") or 0) <= crawl_id
            versions_of = [dict(v) for v in conn.execute(
                "select * from versions where table_name = 'awards' and row_key = ? and crawl_id > ? "
                "and crawl_id <= ? order by version", [award["award_id"], since, crawl_id])]
            if since < (award.get("first_crawl_id") or 0) <= crawl_id:
                # first archived by the report's crawls (``first_crawl_id``): an award they added, as crawl N left it,
                # whatever a later one of them changed (a value the reader was never told is no "old" value)
                stamped, versions_of = True, []
            if not stamped and not versions_of:   # a later crawl stamped it again: N's versions are N's change
                continue
            results_versioned |= bool(versions_of)
            results_added |= not versions_of   # stamped by crawl N without a version of it: an award N added
            if not versions_of:
                added += _added_award(conn, c, award, since)
            whole = _as_found(conn, "awards", award["award_id"], dict(conn.execute(
                "select * from awards where award_id = ?", [award["award_id"]]).fetchone()), crawl_id)
            award_changes += _window_changes(versions_of, whole, lot_label(award["lot_id"]), several)
    if c.table == "notices" and by_crawl:
        lot_changes, lots_versioned = _lot_changes(conn, c, crawl_id, since)
        results_versioned |= lots_versioned
        award_changes = lot_changes + award_changes
    if mine:
        award_changes += added
        c.status = "changed"
        made = _crawl_version(mine)
        if several and len({r.get("crawl_id") for r in mine}) > 1:
            # versions of several crawls: from the value the reader was told to the value now (the row's)
            made = _now(made, c.row)
        own = [ch for ch in _changes(made, c.row) if not several or ch["old"] != ch["new"]]
        c.changes = (_in_words(c.table, _notice_changes_as_read(own) if c.table == "notices" else own) + award_changes
                     + _document_changes(conn, c, crawl_id, since))
        if not c.changes and _load(made.get("changed_columns"), None) and (several or set(
                _load(made.get("changed_columns"), [])) <= BOOKKEEPING_COLUMNS | PROVENANCE_COLUMNS):
            c.status = "unchanged"  # only the archive's bookkeeping changed (or back as it was): not reported
    elif award_changes or (c.table == "notices" and _archived_before(conn, c, crawl_id, since + 1)):
        c.status = "changed"
        c.changes = award_changes + added + _document_changes(conn, c, crawl_id, since)
        if (not c.changes and results_versioned and not results_added
                and not since < (c.row.get("crawl_id") or 0) <= crawl_id):
            c.status = "unchanged"  # only the bookkeeping of its lots or awards changed: not reported
    elif c.table == "articles" and _moved_article(conn, c, crawl_id):
        c.status = "unchanged"  # the same page at a new address: not reported
    else:
        c.status = "new"


def _added_award(conn: sqlite3.Connection, c: Candidate, award: dict, since: int) -> list[dict]:
    """The changes an award the report's crawls added to notice ``c`` makes ("lot 2 winners: — → Jeugdhulp Nieuw
    B.V.", "lot 2 value: — → € 1.500.000,00"): a winner named for a lot of an archived notice (its ``/html`` read
    again, an OCDS file naming the lot's winner). The report listed the notice as CHANGED with the award among its
    award lines and nothing saying which lot's winner was new (a lot's "awarded: no → yes" at most). Its winners
    before are those of the notice's awards of the same lot archived by then (one it takes the place of), none
    otherwise. An award of a notice new to the reader is no change (the notice is new, :func:`_classify_in_crawl`)."""
    label = lot_label(award["lot_id"])
    before = [a for a in c.awards if a["award_id"] != award["award_id"] and a["lot_id"] == award["lot_id"]
              and ((a.get("crawl_id") or 0) <= since or _existed_at(conn, "awards", a["award_id"], since))]
    old_winners = sorted({name for a in before for name in a["winners"]})
    old_values = sorted({a["value"] for a in before if a.get("value")})
    out = []
    if award["winners"] and award["winners"] != old_winners:
        out.append({"column": f"{label} winners", "old": "; ".join(old_winners) or None,
                    "new": "; ".join(award["winners"])})
    if award.get("value") and [award["value"]] != old_values:
        out.append({"column": f"{label} value", "old": "; ".join(old_values) or None, "new": award["value"]})
    return out


def _crawl_version(versions: list[dict]) -> dict:
    """The change one crawl made to a row, from its ``versions`` of that crawl (newest first). A crawl may write a
    row twice (a notice archived, then the list row it was fetched with, ``listed_as``): the report read the newest
    version only, a bookkeeping column's, and said "nothing new" of a notice whose type the crawl had changed. Each
    column's value before the crawl is the oldest version's that names it, its value after the newest's."""
    if len(versions) == 1:
        return versions[0]
    previous, new, columns = {}, {}, []
    for version in reversed(versions):
        for column, value in (_load(version.get("previous_values"), {}) or {}).items():
            previous.setdefault(column, value)
        new.update(_load(version.get("new_values"), {}) or {})
        columns += [col for col in _load(version.get("changed_columns"), None) or [] if col not in columns]
    return {**versions[0], "previous_values": json.dumps(previous), "new_values": json.dumps(new) if new else None,
            "changed_columns": json.dumps(columns) if columns else None}


def _moved_article(conn: sqlite3.Connection, c: Candidate, crawl_id: int) -> bool:
    """True when article ``c``, stamped by crawl ``crawl_id`` with no version of it, is an archived page that
    crawl found at a new address with the same title and text (``store.writes.write_moved_article``: its
    provenance is the new address's fetch, ``source_url``, its URL the archived one, which an earlier crawl
    read). The report listed it as *new*: the reader was told again of a page told of before."""
    row = c.row
    return bool(row.get("source_url") and row["source_url"] != row.get("url") and _table_exists(conn, "fetches")
                and conn.execute("select 1 from fetches where url = ? and status = 200 and crawl_id < ? limit 1",
                                 [row.get("url"), crawl_id]).fetchone())


def _result_changes(version: dict, row: dict, label: str) -> list[dict]:
    """A lot's or an award's changes in one version, as a reader reads them ("lot 1 value: € 500.000,00 →
    € 900.000,00"): its bookkeeping left out (:data:`RESULT_BOOKKEEPING_COLUMNS`), its amounts as the site shows
    them (:func:`_amounts_as_read`); ``row`` is the lot or award as archived (the amount columns a version leaves
    out are unchanged)."""
    changed = _amounts_as_read(_changes(version, row, f"{label} ", leave_out=RESULT_BOOKKEEPING_COLUMNS), row, f"{label} ")
    flag = {0: "no", 1: "yes"}   # a lot's ``awarded``: "lot 2 awarded: — → 1" read as a figure
    table = version.get("table_name") or ("awards" if "award_id" in row else "lots")
    return [dict(ch, old=flag.get(ch["old"], ch["old"]), new=flag.get(ch["new"], ch["new"]))
            if ch["column"] == f"{label} awarded" else _result_words(table, label, ch) for ch in changed
            if not _beside_amount(ch.get("field"), row)]


def _beside_amount(column, row: dict) -> bool:
    """True for an amount's currency or placeholder flag (``framework_maximum_currency``) where the lot or award
    has the exact amount, which the report says in euros: "lot 1 framework_maximum_currency: — → EUR" beside the
    amount's change told nothing more (``change_words.AMOUNT_SIBLINGS``)."""
    stem = next((str(column)[:-len(s)] for s in ("_currency", "_placeholder") if str(column).endswith(s)), None)
    return stem is not None and row.get(f"{stem}_cents") is not None


def _result_words(table: str, label: str, ch: dict) -> dict:
    """A lot's or award's change of a column whose name is no word (``not_awarded_reason``, ``tenders_received``,
    ``framework_maximum``) as the data dictionary names the column, the column after it, as a notice's change is said
    (:func:`_in_words`), and its values as the research pages say them: the report said "lot 2 not_awarded_reason:
    De opdracht/het perceel wordt niet gegund → —", "lot 1 received_counts: {"Inschrijvingen": 3} → …" and "lot 1
    award_date: 2021-01-20 → …". A name that is a word ("lot 1 title", "lot 1 value", "lot 1 winners") stays."""
    name = ch["column"][len(label) + 1:]
    if "_" not in name:
        return ch
    stored = ch.get("field") or f"{name}_cents"   # an amount is said once (:func:`_amounts_as_read`), in euros
    words = field_label(table, stored)
    words = words if words[1:2].isupper() else words[:1].lower() + words[1:]   # "CPV code" keeps its capitals
    if ch.get("field") is None:
        return dict(ch, column=f"{label} {words}")

    def said(value):
        if value is None or value == "":
            return None
        if value in (0, 1) and type(value) is int and _flag(stored):
            return "yes" if value else "no"
        return value_words(stored, value)

    return dict(ch, column=f"{label} {words}", old=said(ch["old"]), new=said(ch["new"]))


def _amounts_as_read(changed: list[dict], row: dict, prefix: str) -> list[dict]:
    """A lot's or award's changes with each amount as the site and the report's award line show it: the euros of its
    cents ("lot 1 value: € 500.000,00 → € 900.000,00"), its text as printed only where it has no exact amount, one
    change named without "_cents" or "_raw". The report gave the printed text where it changed, and an OCDS amount's
    "text" is the release's JSON number ("lot 1 value_raw: 500000 → 900000"); raw cents are a hundred times the
    euros. A text read anew as the same amount is no change the site shows and is left out."""
    by_name = {ch["column"][len(prefix):]: ch for ch in changed}
    out, said = [], set()
    for ch in changed:
        name = ch["column"][len(prefix):]
        amount = next((name[:-len(part)] for part in ("_cents", "_raw") if name.endswith(part)), None)
        if amount is None:
            out.append(ch)
            continue
        if amount in said:
            continue
        said.add(amount)
        sides = []
        for side in ("old", "new"):
            cents, raw = (by_name[f"{amount}{part}"][side] if f"{amount}{part}" in by_name
                          else row.get(f"{amount}{part}") for part in ("_cents", "_raw"))
            sides.append(_euro_text(cents) if cents is not None else raw)
        if sides[0] != sides[1]:
            out.append({"column": prefix + amount, "old": sides[0], "new": sides[1]})
    return out


def _euro_text(cents):
    try:
        return euro(cents)
    except (TypeError, ValueError):
        return cents  # not a number of cents: as archived


def _lot_changes(conn: sqlite3.Connection, c: Candidate, crawl_id: int,
                 since: int | None = None) -> tuple[list[dict], bool]:
    """The changes crawl N made to the lots a notice describes (``versions`` of ``lots``: a lot's title, whether it
    was awarded, its estimate or tenders), each column as "lot 1 title": the report listed the notice as changed
    without them, or not at all when a lot was all that changed. With whether N made any version of them (its
    bookkeeping alone, :data:`RESULT_BOOKKEEPING_COLUMNS`, is no change to tell)."""
    if not _table_exists(conn, "lots") or "crawl_id" not in _columns(conn, "lots"):
        return [], False
    since = crawl_id - 1 if since is None else since
    first = "first_crawl_id" in _columns(conn, "lots")
    out, versioned = [], False
    # the lots the crawls stamped, and those whose versions of them a later crawl stamped again (a past crawl's
    # report, :func:`_as_found`: the lot as crawl N left it)
    for lot in conn.execute("select * from lots where publication_id = ? and crawl_id > ? order by lot_id",
                            [c.key, since]).fetchall():
        lot = dict(lot)
        key = (lot["procurement_id"], lot["lot_id"])
        found = [dict(v) for v in conn.execute(
            "select * from versions where table_name = 'lots' and row_key = ? and crawl_id > ? and crawl_id <= ? "
            "order by version", [version_key(key), since, crawl_id])]
        if lot["crawl_id"] > crawl_id and not found:
            continue   # a later crawl's lot, no change of it by these crawls
        versioned |= bool(found)
        if first and since < (lot.get("first_crawl_id") or 0) <= crawl_id:
            continue   # a lot the crawls added (``first_crawl_id``): new to the reader, no value of it was told
        out += _window_changes(found, _as_found(conn, "lots", key, lot, crawl_id), lot_label(lot["lot_id"]),
                               since < crawl_id - 1)
    return out, versioned


def _now(version: dict, row: dict) -> dict:
    """``version`` (several crawls' versions as one, :func:`_crawl_version`) with each value after it as the row holds
    it now; a value the row does not hold (an award's ``winners``, from ``award_suppliers``) the newest version's."""
    new = _load(version.get("new_values"), {}) or {}
    return dict(version, new_values=json.dumps({k: v for k, v in new.items() if k not in row}))


def _window_changes(found: list[dict], row: dict, label: str, several: bool) -> list[dict]:
    """A lot's or award's changes in its versions ``found`` (oldest first): one crawl's, each version's; several
    crawls' (a catch-up, ``report --unreported``), one change per column from its value before the first of them to
    its value now, and none where it came back to what it was (:func:`_crawl_version`)."""
    if not several or len(found) < 2:
        return [ch for version in found for ch in _result_changes(version, row, label)
                if not several or ch["old"] != ch["new"]]
    merged = _now(_crawl_version(found[::-1]), row)
    return [ch for ch in _result_changes(merged, row, label) if ch["old"] != ch["new"]]


def _document_changes(conn: sqlite3.Connection, c: Candidate, crawl_id: int, since: int | None = None) -> list[dict]:
    """The documents of a changed notice that crawl N added or changed (``documents.crawl_id``): a
    new "Nota van inlichtingen" is news to the journalist, and the notice row itself may not change.
    Those crawl N found no longer listed (``dropped_since``, marked by N: a rectification withdrew them) are
    named apart, "no longer listed": the report named only listed ones, and the file's withdrawal went untold. Those
    crawl N listed again after a list no longer named them (``listed_again``) are "listed again", not new."""
    if c.table != "notices" or not _table_exists(conn, "documents") or "crawl_id" not in _columns(conn, "documents"):
        return []
    since = crawl_id - 1 if since is None else since
    columns = _columns(conn, "documents")
    dropped = "dropped_since is not null" if "dropped_since" in columns else "0"
    again = "listed_again > :since and listed_again <= :crawl" if "listed_again" in columns else "0"
    listed, unlisted, relisted = [], [], []
    for name, document_id, is_dropped, is_again in conn.execute(
            f"select name, document_id, {dropped}, {again} from documents where publication_id = :key "
            "and crawl_id > :since and crawl_id <= :crawl order by name, document_id",
            {"key": c.key, "since": since, "crawl": crawl_id}):
        (unlisted if is_dropped else relisted if is_again else listed).append(name or str(document_id))
    out = [{"column": "documents", "old": None, "new": ", ".join(listed)}] if listed else []
    if unlisted:
        out.append({"column": "documents", "old": ", ".join(unlisted),
                    "new": f"no longer listed since crawl {crawl_id}: withdrawn (kept in the archive)"})
    if relisted:
        out.append({"column": "documents", "old": f"{', '.join(relisted)}: no longer listed",
                    "new": f"listed again in crawl {crawl_id}"})
    return out


# --- procurements gone ---------------------------------------------------------------------------------
def gone_procurements(conn: sqlite3.Connection, crawl_id: int, datasette_url: str | None = None) -> list[dict]:
    """The procurements crawl ``crawl_id`` took out of the archive: TenderNed moved every notice of one to another
    procedure (a changed ``kenmerk``, reference tenderned-api.md §3) and the derivation deleted it, keeping a version
    of it (``derive.record_gone``: ``procurement_id`` became null). Each with its title, its notices
    (``publication_ids``, as it listed them), the procurements those are in now, and its research page (which leads
    to them). A procurement derived again since (a notice came back to it) is not gone."""
    if not all(_table_exists(conn, t) for t in ("versions", "procurements", "notices")):
        return []
    out = []
    for key, previous in conn.execute(
            "select v.row_key, v.previous_values from versions v where v.table_name = 'procurements' "
            "and v.crawl_id = ? and v.changed_columns like '%\"procurement_id\"%' "
            "and json_extract(v.new_values, '$.procurement_id') is null "
            "and not exists (select 1 from procurements p where p.procurement_id = v.row_key) "
            "order by v.row_key", [crawl_id]):
        previous = _load(previous, {})
        ids = [i for i in _load(previous.get("publication_ids"), []) if isinstance(i, int)]
        marks = ", ".join("?" * len(ids))
        moved_to = [r[0] for r in conn.execute(
            f"select distinct procurement_id from notices where publication_id in ({marks}) "
            "and procurement_id is not null and procurement_id != ? order by procurement_id", [*ids, key])] if ids else []
        out.append({"procurement_id": key, "title": previous.get("title"), "publication_ids": ids,
                    "moved_to": moved_to,
                    "research_url": research_url(datasette_url, key) if datasette_url else None})
    return out


# --- the report --------------------------------------------------------------------------------------
@dataclass
class Match:
    table: str
    key: object
    title: str
    url: str | None
    datasette_url: str | None
    published: str | None
    source: str | None            # buyer of a notice, site of an article
    status: str
    reasons: list[str]
    changes: list[dict]
    awards: list[dict] = field(default_factory=list)   # a notice's awards: lot_id, winners, value, current
    #: an article's linked procurements (procurement_links, status linked): procurement_id, title, reasons,
    #: research_url (its research page, when the report knows the Datasette address)
    procurements: list[dict] = field(default_factory=list)
    #: when the archive read a news page that gives no date (``articles.fetched_at``): its report line said
    #: "(heerlen, —)", a dash where a journalist looks for when it was out (render.py ``when``)
    read: str | None = None


#: How many of a crawl's recorded errors its report names (:attr:`Report.failures`); the rest are counted
FAILURES_SHOWN = 10


@dataclass
class Report:
    watchlist: Watchlist
    crawl: dict
    db_name: str
    results: list[tuple[Watch, list[Match]]]
    generated: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    paths: dict[str, Path] = field(default_factory=dict)   # filled by report_after_crawl
    #: the procurements the crawl took out of the archive whose notices a watch matched (:func:`gone_procurements`)
    gone: list[dict] = field(default_factory=list)
    #: a catch-up's report of a crawl after the first it reports (``report --unreported`` after missed nights): the
    #: last crawl the reader was told of, since which its changes are told (:func:`_since`); None otherwise
    since: int | None = None
    #: the archive's file name (``archive-wmo.db``), never its folder: :attr:`status_command`
    archive_file: str = "archive.db"

    @property
    def crawl_id(self) -> int:
        return self.crawl["crawl_id"]

    @property
    def status_command(self) -> str:
        """``tenderarchive status`` of the report's archive, as the warning and the failures name it: with ``--db`` and
        the archive's file name for a non-default archive (``--db archive-wmo.db``), as ``status``'s own commands carry
        ``--db`` (tenderarchive/cli.py ``db_option``); without, that command read ``archive.db`` (another archive's
        crawls, or none). The file's name alone, never its folder: the same text goes into the mail and the Atom feeds,
        which may leave the server (a public feed), and a server path is no business of their readers; the operator
        runs it in the archive's folder (docs/operations.md, "What the report names")."""
        from tenderarchive.cli import db_option

        return f"tenderarchive status{db_option(self.archive_file)}"

    def count(self, status: str | None = None) -> int:
        """The rows (notices, articles) new or changed in the crawl that some watch matched, each once: a
        notice two watches match is one new notice, not two."""
        return len({(m.table, m.key) for _, matches in self.results for m in matches if status in (None, m.status)})

    @property
    def summary(self) -> str:
        new, changed, either = self.count("new"), self.count("changed"), self.count("new or changed")
        parts = [f"{new} new", f"{changed} changed"] + ([f"{either} new or changed"] if either else [])
        parts += [f"{self.count('withdrawn')} withdrawn"] if self.count("withdrawn") else []
        parts += [f"{len(self.gone)} procurement{'s' if len(self.gone) != 1 else ''} gone"] if self.gone else []
        watches = sum(1 for _, m in self.results if m)
        return f"{', '.join(parts)} in {watches} of {len(self.results)} watches"

    @property
    def window(self) -> str | None:
        """A catch-up's report of a later crawl (:attr:`since`): which crawls its changes are of. Crawl 3's report of a
        catch-up told "lot 2 value: — → € 1.300.000,00", an award crawl 2 added, and crawl 2's report said nothing of
        it: the reader could not place the change in a crawl."""
        if self.since is None or self.since >= self.crawl_id - 1:
            return None
        return (f"Changes since crawl {self.since}, the last crawl reported: crawls {self.since + 1}–{self.crawl_id} "
                "(a notice or page changed again by a later crawl is told once, in the later crawl's report)")

    @property
    def crawl_words(self) -> str:
        """"crawl 2 (tenderned, partial)": the crawl, its spider and its outcome (a killed crawl as killed)."""
        return f"crawl {self.crawl_id} ({self.crawl.get('spider')}, {self.crawl.get('status')})"

    @property
    def warning(self) -> str | None:
        """What the crawl's status means for the report: a news crawl misses news pages, not notices; a crawl
        killed mid-run (``running`` in the archive, no process runs it) was killed, not "is running". A crawl that
        read past source drift (``crawls.drift``) says so too, as a warning of its own: its notices were archived."""
        from tenderarchive.monitor import DRIFT_MEANS, drift_said

        status = self.crawl.get("status")
        said = {"partial": "is partial", "failed": "failed", "running": "is still running", "killed": "was killed"}
        warnings = []
        if status in said:
            rows = "news pages" if self.crawl.get("spider") == "news" else "notices"
            warnings.append(f"crawl {self.crawl_id} {said[status]}: some new or changed {rows} may be missing")
        drift = drift_said(self.crawl.get("drift"))
        if drift:
            warnings.append(f"crawl {self.crawl_id} read past source drift ({DRIFT_MEANS}): {drift}")
        return f"{'; '.join(warnings)} (see `{self.status_command}`)" if warnings else None

    @property
    def incomplete(self) -> bool:
        """Whether the crawl did not complete (partial, failed, killed, still running): its report is news even when
        nothing matched, so ``--quiet`` prints it and ``--email`` mails it (:func:`report_after_crawl`). A quiet
        night (no output, no mail) then means a complete crawl that matched nothing, never a crawl that failed."""
        return self.crawl.get("status") in ("partial", "failed", "running", "killed")

    @property
    def failures(self) -> list[str]:
        """What went wrong in the crawl, as ``crawls`` recorded it (the notices and pages asked and their error, how
        it was stopped), for a reader who cannot run ``tenderarchive status`` (the mail's, the feed's): the first
        :data:`FAILURES_SHOWN` errors, then how many more. The warning alone said "some new or changed notices may
        be missing (see `tenderarchive status`)", a command a journalist reading the mail cannot run."""
        from tenderarchive.monitor import _stopped

        lines = []
        stopped = _stopped(self.crawl)
        if stopped:
            lines.append(f"the crawl {stopped}")
        raw = self.crawl.get("errors")
        try:
            errors = json.loads(raw) if isinstance(raw, str) and raw.strip() else []
        except ValueError:
            errors = [{"url": None, "error": raw}]   # not JSON: as archived
        errors = errors if isinstance(errors, list) else [{"url": None, "error": str(errors)}]
        count = self.crawl.get("error_count")
        count = count if isinstance(count, int) and count >= len(errors) else len(errors)
        for error in errors[:FAILURES_SHOWN]:
            if not isinstance(error, dict):
                error = {"url": None, "error": error}
            url, said = error.get("url"), " ".join(str(error.get("error") or "error").split())
            lines.append(f"{url}: {said}" if url else said)
        if count > FAILURES_SHOWN:
            more = count - FAILURES_SHOWN
            # --crawl: status shows only the last crawls by default, and this one may be older (an --unreported
            # catch-up, a report by hand of crawl N)
            lines.append(f"… and {more} more error{'s' * (more != 1)} ({count} in all; `{self.status_command} "
                         f"--crawl {self.crawl_id} --errors {count}` lists them)")
        return lines

    @property
    def failures_heading(self) -> str:
        """"What went wrong in crawl 2 (1 error recorded)": the heading of :attr:`failures`."""
        count = self.crawl.get("error_count")
        count = count if isinstance(count, int) else None
        recorded = f" ({count} error{'s' * (count != 1)} recorded)" if count else ""
        return f"What went wrong in crawl {self.crawl_id}{recorded}"


def site_titles(conn: sqlite3.Connection) -> dict[str, str]:
    """Each news site's name as its registry entry gives it (``title``: "Gemeente Leiderdorp"), by its short name
    (``articles.site``: "leiderdorp"): from the news crawls' recorded arguments (``site_titles``), the latest crawl's
    where several give one; for a crawl of the shipped registry that recorded none (made before they were
    recorded), the shipped registry's titles. A site no crawl names keeps its short name (the reader's caller)."""
    if not _table_exists(conn, "crawls"):
        return {}
    titles: dict[str, str] = {}
    shipped = None
    for (arguments,) in conn.execute("select arguments from crawls where spider = 'news' order by crawl_id"):
        try:
            recorded = json.loads(arguments or "{}")
        except ValueError:
            continue
        if not isinstance(recorded, dict):
            continue
        given = recorded.get("site_titles")
        if isinstance(given, dict):
            titles.update({str(k): str(v) for k, v in given.items() if isinstance(v, str) and v.strip()})
        elif recorded.get("sources") == "tenderarchive/sources.yaml" and isinstance(recorded.get("sites"), list):
            if shipped is None:
                from tenderarchive.sources import SourceRegistryError, load_sources

                try:
                    shipped = {site.name: site.title for site in load_sources() if site.title}
                except (SourceRegistryError, OSError):
                    shipped = {}
            titles.update({name: shipped[name] for name in map(str, recorded["sites"]) if name in shipped})
    return titles


def datasette_row_url(base: str, db_name: str, table: str, key) -> str:
    """Datasette's URL of one row (tilde-encoded primary key)."""
    from datasette.utils import tilde_encode

    return f"{base.rstrip('/')}/{quote(db_name)}/{table}/{tilde_encode(str(key))}"


def research_url(base: str, procurement_id: str) -> str:
    """The research page of a procurement (tenderarchive/research.py, ``/-/aanbesteding``)."""
    return f"{base.rstrip('/')}/-/aanbesteding?id={quote(str(procurement_id), safe='')}"


def _linked_procurements(conn: sqlite3.Connection, url: str, datasette_url: str | None) -> list[dict]:
    """The procurements the article ``url`` is linked to (``procurement_links``, status linked), with
    the title and the reasons of the link: the story the article belongs to."""
    if not all(_table_exists(conn, t) for t in ("procurement_links", "procurements")):
        return []
    out = []
    for procurement_id, title, reasons in conn.execute(
            "select l.procurement_id, p.title, l.reasons from procurement_links l left join procurements p "
            "using (procurement_id) where l.url = ? and l.status = 'linked' order by l.procurement_id", [url]):
        reasons = _load(reasons, [])
        out.append({"procurement_id": procurement_id, "title": title,
                    "reasons": ", ".join(map(str, reasons)) if isinstance(reasons, list) else str(reasons),
                    "research_url": research_url(datasette_url, procurement_id) if datasette_url else None})
    return out


def build_report(db_path: str | Path, watchlist: Watchlist, crawl_id: int | None = None,
                 datasette_url: str | None = None, last_reported: int | None = None,
                 through: int | None = None) -> Report:
    """The matches of ``watchlist`` among the rows new or changed in crawl ``crawl_id``
    (default: the last crawl). ``last_reported``: the last crawl the reader was told of (rows first
    archived after it are new to them; a row's changes are those since it). ``through``: the last crawl of the
    catch-up this report is part of (``report --unreported``): a row a later crawl of it touched again is left to
    that crawl's report. Reads the archive through ``tenderarchive/readonly.py``;
    raises LookupError when the archive or the crawl does not exist."""
    db_path = Path(db_path)
    try:
        conn = readonly.connect(db_path)
    except readonly.ArchiveMissing as exc:
        raise LookupError(str(exc)) from None
    try:
        if not _table_exists(conn, "crawls"):
            raise LookupError(f"{db_path} has no crawls yet")
        if crawl_id is None:
            row = conn.execute("select * from crawls order by crawl_id desc limit 1").fetchone()
        else:
            row = conn.execute("select * from crawls where crawl_id = ?", [crawl_id]).fetchone()
        if row is None and crawl_id is not None:
            # which crawls it has, and what to give (a crawl id a user mistyped, or one of another archive)
            first, last, count = conn.execute("select min(crawl_id), max(crawl_id), count(*) from crawls").fetchone()
            has = ("no crawls yet" if not count else f"crawl {first} alone" if count == 1
                   else f"crawls {first} to {last}" if last - first + 1 == count else f"{count} crawls, {first} to {last}")
            raise LookupError(f"{db_path} has no crawl {crawl_id}: it has {has} (`tenderarchive status --db {db_path}` "
                              "lists them)")
        if row is None:
            raise LookupError(f"{db_path} has no crawls yet")
        crawl = dict(row)
        if crawl.get("status") == "running":
            from tenderarchive.monitor import killed_crawls

            if crawl["crawl_id"] in killed_crawls(conn, db_path):   # as `status` says it
                crawl["status"] = "killed"
        candidates = _candidates(conn, crawl["crawl_id"], _since(crawl["crawl_id"], last_reported), through,
                                 as_found=through is None and conn.execute(   # a later crawl may have changed them
                                     "select 1 from crawls where crawl_id > ? limit 1", [crawl["crawl_id"]]).fetchone() is not None)
        candidates += _published_again(conn, crawl, candidates)
        candidates += _gone(conn, crawl, {(c.table, c.key) for c in candidates})
        versions = _table_exists(conn, "versions")
        titles = site_titles(conn) if any(c.table == "articles" for c in candidates) else {}
        results = []
        classified = set()
        for watch in watchlist.watches:
            matches = []
            for c in candidates:
                reasons = match(watch, c)
                if reasons is None:
                    continue
                if id(c) not in classified and c.status != "withdrawn":
                    if c.changes != [c.published_again]:  # one found again alone is classified already
                        _classify(conn, c, versions, crawl, last_reported)
                        if c.published_again is not None:  # and changed (or bookkeeping only) besides
                            c.status, c.changes = "changed", [c.published_again, *c.changes]
                    classified.add(id(c))
                if c.status == "unchanged":
                    continue
                if c.table == "notices":
                    title, url, source = c.row.get("title"), c.row.get("url"), c.row.get("buyer")
                else:
                    title, url, source = c.row.get("title"), c.row.get("url"), c.row.get("site")
                    source = titles.get(source, source)   # the site's name, not the registry's short name
                matches.append(Match(
                    c.table, c.key, title or str(c.key), url,
                    datasette_row_url(datasette_url, db_path.stem, c.table, c.key) if datasette_url else None,
                    c.row.get("published"), source, c.status, reasons, c.changes, c.awards,
                    _linked_procurements(conn, c.key, datasette_url) if c.table == "articles" else [],
                    c.row.get("fetched_at") if c.table == "articles" else None))
            results.append((watch, matches))
        # told once, above the watches, when a watch matched one of its notices (they are in the report, moved)
        matched = {m.key for _, matches in results for m in matches if m.table == "notices"}
        gone = [g for g in gone_procurements(conn, crawl["crawl_id"], datasette_url)
                if matched & set(g["publication_ids"])]
    finally:
        conn.close()
    return Report(watchlist, crawl, db_path.stem, results, gone=gone,
                  since=last_reported if last_reported is not None and last_reported < crawl["crawl_id"] else None,
                  archive_file=db_path.name)
