"""Watchlists and crawl reports: what is new or changed in the procurements a journalist follows.

A **watchlist** is a YAML file of searches (see ``docs/watchlist.example.yaml``)::

    title: Jeugdhulp-inkoop Limburg          # optional, heads the report
    watches:
      - name: Jeugdhulp Zuid-Limburg
        keywords: [jeugdhulp, jeugdzorg]      # any of them, in title/description/text
        jeugdregios: [JZ41]                   # code or name ("Zuid-Limburg")
        municipalities: [Heerlen, GM0882]     # CBS name, alias or GM code
        buyers: ["Gemeente Heerlen"]          # buyer name, whole words
        cpv: ["85311300", "8531"]             # CPV code or prefix (hierarchical)
        providers: ["Stichting Jeugdzorg X"]  # organisation named in the text

Within one watch, every *field* given must match (AND); within a field, any *value*
may match (OR). So ``keywords: [jeugdhulp]`` plus ``jeugdregios: [JZ41]`` means
"youth care in Zuid-Limburg". A watch needs at least one field. Errors name the
entry (number and name) and the field.

**Which rows a crawl report lists.** Archived rows carry ``crawl_id`` = the crawl
that last *changed* them (unchanged rows are not rewritten), so the rows of
``notices`` and ``articles`` (when that table exists) with ``crawl_id = N`` are
exactly the rows new or changed in crawl N. A row is *changed* when the
``versions`` table holds an earlier version of it; its latest version is the one
that crawl N superseded (a later change would have moved ``crawl_id`` on), and its
``changed_columns``/``previous_values`` give the old → new values. Without a
``versions`` table the report cannot tell the two apart and says "new or changed".
Consequences: a notice whose only change was in its CPV codes or documents keeps
its ``crawl_id`` and is not listed; a report for an older crawl omits rows that a
later crawl changed again (they belong to the later report).

**Matching.** Keywords match case-insensitively *inside* words (Dutch compounds:
``jeugdhulp`` finds ``jeugdhulpaanbieders``); buyers and providers match whole
words, case-insensitively. Municipalities of a notice are its buyer and the places
named in its title and description (``tenderarchive.analysis.places``); of an article,
its ``article_municipalities`` rows. A notice's jeugdregio's are those of its
municipalities plus regions named in its text; an article's also its
``jeugdregio_code``. CPV codes match hierarchically on the notice's codes
(``notice_cpv`` and ``cpv_main``); articles have none, so a watch with ``cpv``
never matches an article.

**Outputs** (:func:`build_report`, :func:`write_report`): plain text (printed),
Markdown and HTML (``reports/crawl-N.md`` / ``.html`` next to the archive), an Atom
feed of the crawl (``crawl-N.atom``) and a rolling feed (``feed.atom``, the latest
:data:`FEED_MAX_ENTRIES` entries of all reports) for feed readers; optionally an
e-mail (text + HTML) through SMTP. Links go to the TenderNed notice page (or the
article) and, given a Datasette base URL, to the row in Datasette.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import re
import smtplib
import sqlite3
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import yaml

from tenderarchive.analysis import places

FIELDS = ("keywords", "jeugdregios", "municipalities", "buyers", "cpv", "providers")
FIELD_ALIASES = {"jeugdregio's": "jeugdregios", "regions": "jeugdregios", "cpv_codes": "cpv",
                 "gemeenten": "municipalities"}
FEED_MAX_ENTRIES = 200
ATOM = "http://www.w3.org/2005/Atom"
PROVENANCE_COLUMNS = {"source_url", "fetched_at", "sha256", "crawl_id", "content_sha256"}
EXIT_OK, EXIT_FAILED, EXIT_BAD_ARGUMENTS = 0, 1, 2


class WatchlistError(ValueError):
    """A watchlist that cannot be used; the message names the file, entry and field."""


# --- reference data ----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _places() -> tuple[dict, dict]:
    """({lookup key: municipality row}, {lookup key: jeugdregio row}); keys are codes and
    case-folded names and aliases."""
    municipalities, regions = {}, {}
    by_name, by_code = places.load()  # the shipped CBS tables, read once for the whole package
    for row in by_name.values():
        plain = re.sub(r"\s*\([^)]*\)", "", row["name"])
        for key in [row["cbs_code"], row["name"], plain, *row["aliases"].split("|")]:
            if key:
                municipalities.setdefault(key.casefold(), row)
    for row in by_code.values():
        for key in [row["code"], row["name"], *row["aliases"].split("|")]:
            if key:
                regions.setdefault(key.casefold(), row)
    return municipalities, regions


def _members(region_code: str) -> set[str]:
    municipalities, _ = _places()
    return {r["cbs_code"] for r in municipalities.values() if r["jeugdregio_code"] == region_code}


# --- the watchlist -------------------------------------------------------------------------------
@dataclass
class Watch:
    name: str
    keywords: list[str] = field(default_factory=list)
    jeugdregios: dict[str, str] = field(default_factory=dict)      # code -> name
    municipalities: dict[str, str] = field(default_factory=dict)   # CBS code -> name
    buyers: list[str] = field(default_factory=list)
    cpv: list[str] = field(default_factory=list)                   # digit prefixes
    providers: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.casefold()).strip("-") or "watch"


@dataclass
class Watchlist:
    path: Path
    title: str
    watches: list[Watch]


def _strings(value, where: str, name: str) -> list[str]:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not value:
        raise WatchlistError(f"{where}, field {name!r}: expected a value or a non-empty list of values")
    out = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
            raise WatchlistError(f"{where}, field {name!r}: {item!r} is not a non-empty text value")
        out.append(str(item).strip())
    return out


def _suggest(value: str, choices) -> str:
    close = difflib.get_close_matches(value.casefold(), list(choices), n=3, cutoff=0.75)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def _watch(entry, number: int, source: str) -> Watch:
    where = f"{source}: entry {number}"
    if not isinstance(entry, dict):
        raise WatchlistError(f"{where}: expected a mapping with a name and search fields, got {entry!r}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise WatchlistError(f"{where}, field 'name': every watch needs a name")
    where = f"{source}: entry {number} ({name.strip()!r})"
    watch = Watch(name=name.strip())
    given = 0
    for raw_key, value in entry.items():
        if raw_key == "name":
            continue
        key = FIELD_ALIASES.get(raw_key, raw_key)
        if key not in FIELDS:
            raise WatchlistError(f"{where}, field {raw_key!r}: unknown field{_suggest(str(raw_key), FIELDS)}; "
                                 f"known fields: name, {', '.join(FIELDS)}")
        values = _strings(value, where, raw_key)
        given += 1
        municipalities, regions = _places()
        if key == "keywords":
            watch.keywords = [" ".join(v.split()).casefold() for v in values]
        elif key in ("buyers", "providers"):
            setattr(watch, key, [" ".join(v.split()) for v in values])
        elif key == "municipalities":
            for v in values:
                row = municipalities.get(v.casefold())
                if row is None:
                    raise WatchlistError(f"{where}, field {raw_key!r}: unknown municipality {v!r}"
                                         f"{_suggest(v, municipalities)}; use a CBS name or GM code")
                watch.municipalities[row["cbs_code"]] = row["name"]
        elif key == "jeugdregios":
            for v in values:
                row = regions.get(v.casefold())
                if row is None:
                    raise WatchlistError(f"{where}, field {raw_key!r}: unknown jeugdregio {v!r}"
                                         f"{_suggest(v, regions)}; use a JZ code or region name")
                watch.jeugdregios[row["code"]] = row["name"]
        elif key == "cpv":
            for v in values:
                match = re.fullmatch(r"(\d{2,8})(?:-\d)?", v.replace(" ", ""))
                if not match or (len(match.group(1)) < 8 and "-" in v):
                    raise WatchlistError(f"{where}, field {raw_key!r}: {v!r} is not a CPV code: give 8 digits "
                                         f"(optionally with its check digit, 85311300-5) or a prefix of 2-7 "
                                         f"digits (8531)")
                code = match.group(1)
                watch.cpv.append(code.rstrip("0") if len(code) == 8 else code)
    if not given:
        raise WatchlistError(f"{where}: no search fields; give at least one of {', '.join(FIELDS)}")
    return watch


def load_watchlist(path: str | Path) -> Watchlist:
    """Read and validate a watchlist file; raises :class:`WatchlistError`."""
    from tenderarchive.configfile import read_yaml

    path = Path(path)
    data = read_yaml(path, WatchlistError, "watchlist")
    title = f"Watchlist {path.stem}"
    if isinstance(data, dict):
        unknown = set(data) - {"title", "watches"}
        if unknown:
            raise WatchlistError(f"{path}: unknown top-level field(s) {', '.join(map(repr, sorted(unknown)))}; "
                                 f"known: title, watches")
        title = str(data.get("title") or title)
        entries = data.get("watches")
    else:
        entries = data
    if not isinstance(entries, list) or not entries:
        raise WatchlistError(f"{path}: expected a list of watches (top-level list or 'watches:'), found none")
    watches = [_watch(entry, number, str(path)) for number, entry in enumerate(entries, 1)]
    seen = set()
    for number, watch in enumerate(watches, 1):
        if watch.name.casefold() in seen:
            raise WatchlistError(f"{path}: entry {number} ({watch.name!r}), field 'name': duplicate name")
        seen.add(watch.name.casefold())
    return Watchlist(path=path, title=title, watches=watches)


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
    status: str = "new or changed"  # new | changed | new or changed
    changes: list[dict] = field(default_factory=list)   # {column, old, new}


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("select 1 from sqlite_master where type='table' and name=?", [name]).fetchone() is not None


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


def _candidates(conn: sqlite3.Connection, crawl_id: int) -> list[Candidate]:
    out = []
    if _table_exists(conn, "notices"):
        cpv_by_notice: dict = {}
        if _table_exists(conn, "notice_cpv"):
            for pid, cpv in conn.execute(
                    "select c.publication_id, c.cpv from notice_cpv c join notices n using (publication_id) "
                    "where n.crawl_id = ?", [crawl_id]):
                cpv_by_notice.setdefault(pid, []).append(cpv)
        places_by_notice: dict = {}
        if _table_exists(conn, "notice_municipalities"):
            for pid, code, region in conn.execute(
                    "select m.publication_id, m.cbs_code, m.jeugdregio_code from notice_municipalities m "
                    "join notices n using (publication_id) where n.crawl_id = ?", [crawl_id]):
                places_by_notice.setdefault(pid, []).append((code, region))
        extra = [c for c in ("providers", "winners", "awardees") if c in _columns(conn, "notices")]
        for row in conn.execute("select * from notices where crawl_id = ? order by published desc, "
                                "publication_id", [crawl_id]):
            row = dict(row)
            municipalities, regions = _notice_places(row, places_by_notice.get(row["publication_id"], []))
            codes = cpv_by_notice.get(row["publication_id"], []) + [row.get("cpv_main") or ""]
            text = " \n".join(str(row.get(c) or "") for c in ("title", "description", *extra))
            out.append(Candidate(
                "notices", row["publication_id"], row, text,
                [n for n in (row.get("buyer"), row.get("buyer_official")) if n],
                municipalities, regions, [re.sub(r"\D", "", c)[:8] for c in codes if c]))
    if _table_exists(conn, "articles"):
        links = _table_exists(conn, "article_municipalities")
        organisations = _table_exists(conn, "article_organisations")
        has_region = "jeugdregio_code" in _columns(conn, "articles")
        for row in conn.execute("select * from articles where crawl_id = ? order by published desc, url",
                                [crawl_id]):
            row = dict(row)
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
            out.append(Candidate("articles", row["url"], row, text, names, municipalities, regions, []))
    return out


def _word(value: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, value.split())) + r"(?!\w)", re.IGNORECASE)


def match(watch: Watch, c: Candidate) -> list[str] | None:
    """Why ``c`` matches ``watch`` (one reason per field), or None when it does not."""
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
        reasons.append("buyer " + ", ".join(hits))
    if watch.providers:
        hits = [p for p in watch.providers if _word(p).search(c.text)
                or (c.table == "articles" and any(_word(p).search(n) for n in c.names))]
        if not hits:
            return None
        reasons.append("provider " + ", ".join(hits))
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
        reasons.append("CPV " + ", ".join(hits))
    return reasons


def _classify(conn: sqlite3.Connection, c: Candidate, versions: bool, crawl: dict) -> None:
    """Set ``status`` and ``changes`` of ``c`` from the versions table (without one: from
    the crawl's counts when they leave no doubt, e.g. a first crawl has only new rows)."""
    if not versions:
        if not crawl.get("items_updated") and crawl.get("items_new"):
            c.status = "new"
        elif not crawl.get("items_new") and crawl.get("items_updated"):
            c.status = "changed"
        return
    key = str(c.key)
    # The version crawl N made (versions.crawl_id) if recorded; else the latest one, which is
    # the one crawl N superseded (a later change would have moved the row's crawl_id on).
    by_crawl = "crawl_id = ? desc, " if "crawl_id" in _columns(conn, "versions") else ""
    params = [c.table, key, json.dumps(c.key)] + ([crawl["crawl_id"]] if by_crawl else [])
    latest = conn.execute(
        f"select * from versions where table_name = ? and row_key in (?, ?) order by {by_crawl}version desc "
        f"limit 1", params).fetchone()
    if latest is None:
        c.status = "new"
        return
    c.status = "changed"
    latest = dict(latest)

    def load(value, default):
        try:
            return json.loads(value) if isinstance(value, str) else (value if value is not None else default)
        except ValueError:
            return default

    previous = load(latest.get("previous_values"), {}) or {}
    new_values = load(latest.get("new_values"), {}) or {}
    columns = load(latest.get("changed_columns"), None) or sorted(
        k for k, v in previous.items() if k in c.row and c.row[k] != v)
    c.changes = [{"column": col, "old": previous.get(col), "new": new_values.get(col, c.row.get(col))}
                 for col in columns if col not in PROVENANCE_COLUMNS]


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


@dataclass
class Report:
    watchlist: Watchlist
    crawl: dict
    db_name: str
    results: list[tuple[Watch, list[Match]]]
    generated: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    paths: dict[str, Path] = field(default_factory=dict)   # filled by report_after_crawl

    @property
    def crawl_id(self) -> int:
        return self.crawl["crawl_id"]

    def count(self, status: str | None = None) -> int:
        return sum(1 for _, matches in self.results for m in matches if status in (None, m.status))

    @property
    def summary(self) -> str:
        new, changed, either = self.count("new"), self.count("changed"), self.count("new or changed")
        parts = [f"{new} new", f"{changed} changed"] + ([f"{either} new or changed"] if either else [])
        watches = sum(1 for _, m in self.results if m)
        return f"{', '.join(parts)} in {watches} of {len(self.results)} watches"

    @property
    def warning(self) -> str | None:
        status = self.crawl.get("status")
        if status in ("partial", "failed", "running"):
            return (f"crawl {self.crawl_id} is {status}: some new or changed notices may be missing "
                    f"(see `tenderarchive status`)")
        return None


def datasette_row_url(base: str, db_name: str, table: str, key) -> str:
    """Datasette's URL of one row (tilde-encoded primary key)."""
    try:
        from datasette.utils import tilde_encode
    except ImportError:  # pragma: no cover - datasette is a dependency
        tilde_encode = lambda s: quote(s, safe="")  # noqa: E731
    return f"{base.rstrip('/')}/{quote(db_name)}/{table}/{tilde_encode(str(key))}"


def build_report(db_path: str | Path, watchlist: Watchlist, crawl_id: int | None = None,
                 datasette_url: str | None = None) -> Report:
    """The matches of ``watchlist`` among the rows new or changed in crawl ``crawl_id``
    (default: the last crawl). Reads the archive read-only; raises LookupError when the
    archive or the crawl does not exist."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise LookupError(f"no archive at {db_path}")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        if not _table_exists(conn, "crawls"):
            raise LookupError(f"{db_path} has no crawls yet")
        if crawl_id is None:
            row = conn.execute("select * from crawls order by crawl_id desc limit 1").fetchone()
        else:
            row = conn.execute("select * from crawls where crawl_id = ?", [crawl_id]).fetchone()
        if row is None:
            raise LookupError(f"{db_path} has no crawl {crawl_id}" if crawl_id is not None
                              else f"{db_path} has no crawls yet")
        crawl = dict(row)
        candidates = _candidates(conn, crawl["crawl_id"])
        versions = _table_exists(conn, "versions")
        results = []
        classified = set()
        for watch in watchlist.watches:
            matches = []
            for c in candidates:
                reasons = match(watch, c)
                if reasons is None:
                    continue
                if id(c) not in classified:
                    _classify(conn, c, versions, crawl)
                    classified.add(id(c))
                if c.table == "notices":
                    title, url, source = c.row.get("title"), c.row.get("url"), c.row.get("buyer")
                else:
                    title, url, source = c.row.get("title"), c.row.get("url"), c.row.get("site")
                matches.append(Match(
                    c.table, c.key, title or str(c.key), url,
                    datasette_row_url(datasette_url, db_path.stem, c.table, c.key) if datasette_url else None,
                    c.row.get("published"), source, c.status, reasons, c.changes))
            results.append((watch, matches))
    finally:
        conn.close()
    return Report(watchlist, crawl, db_path.stem, results)


def _short(value, limit: int = 160) -> str:
    text = "—" if value is None or value == "" else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _heading(report: Report) -> str:
    c = report.crawl
    return (f"{report.watchlist.title}: crawl {report.crawl_id} ({c.get('spider')}, {c.get('status')}, "
            f"finished {c.get('finished') or '—'})")


def render_text(report: Report) -> str:
    lines = [_heading(report), report.summary + "."]
    if report.warning:
        lines.append(f"WARNING: {report.warning}")
    for watch, matches in report.results:
        lines += ["", f"== {watch.name}: {len(matches)} ==" if matches else f"== {watch.name}: nothing new =="]
        for m in matches:
            lines.append(f"{m.status.upper():<9} {_short(m.title)} ({_short(m.source)}, {m.published or '—'})")
            for link in (m.url, m.datasette_url):
                if link:
                    lines.append(f"          {link}")
            lines.append(f"          matched: {'; '.join(m.reasons)}")
            for ch in m.changes:
                lines.append(f"          {ch['column']}: {_short(ch['old'], 80)} → {_short(ch['new'], 80)}")
    return "\n".join(lines) + "\n"


def _md(text) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", _short(text))


def render_markdown(report: Report) -> str:
    lines = [f"# {_md(_heading(report))}", "", report.summary + "."]
    if report.warning:
        lines += ["", f"> **Warning:** {_md(report.warning)}"]
    for watch, matches in report.results:
        lines += ["", f"## {_md(watch.name)} ({len(matches) or 'nothing new'})", ""]
        for m in matches:
            title = f"[{_md(m.title)}]({m.url})" if m.url else _md(m.title)
            extra = f" · [Datasette]({m.datasette_url})" if m.datasette_url else ""
            lines.append(f"- **{m.status}** {title}: {_md(m.source)}, {m.published or '—'}{extra}  ")
            lines.append(f"  matched: {_md('; '.join(m.reasons))}")
            for ch in m.changes:
                lines.append(f"  - `{ch['column']}`: {_md(ch['old'])} → {_md(ch['new'])}")
    return "\n".join(lines) + "\n"


def _match_html(m: Match) -> str:
    e = html.escape
    title = f'<a href="{e(m.url)}">{e(_short(m.title))}</a>' if m.url else e(_short(m.title))
    extra = f' · <a href="{e(m.datasette_url)}">Datasette</a>' if m.datasette_url else ""
    changes = "".join(f"<li><code>{e(ch['column'])}</code>: <del>{e(_short(ch['old']))}</del> → "
                      f"<ins>{e(_short(ch['new']))}</ins></li>" for ch in m.changes)
    return (f'<p><strong class="{e(m.status.replace(" ", "-"))}">{e(m.status)}</strong> {title}: '
            f"{e(_short(m.source))}, {e(m.published or '—')}{extra}<br>"
            f"<small>matched: {e('; '.join(m.reasons))}</small></p>" + (f"<ul>{changes}</ul>" if changes else ""))


def render_html(report: Report) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
             f"<title>{e(_heading(report))}</title>",
             "<style>body{font-family:sans-serif;max-width:50em;margin:1em auto}del{color:#a00}"
             "ins{color:#070;text-decoration:none}.changed{color:#a60}.new{color:#070}</style></head><body>",
             f"<h1>{e(_heading(report))}</h1>", f"<p>{e(report.summary)}.</p>"]
    if report.warning:
        parts.append(f"<p><strong>Warning:</strong> {e(report.warning)}</p>")
    for watch, matches in report.results:
        parts.append(f"<h2>{e(watch.name)} ({len(matches) or 'nothing new'})</h2>")
        parts += [_match_html(m) for m in matches]
    parts.append(f"<p><small>tenderarchive, generated {e(report.generated)}</small></p></body></html>")
    return "\n".join(parts) + "\n"


def _entry_id(report: Report, watch: Watch, m: Match) -> str:
    return (f"tag:tenderarchive,2024:{quote(report.db_name)}/crawl-{report.crawl_id}/{m.table}/"
            f"{quote(str(m.key), safe='')}/{watch.slug}")


def render_atom(report: Report) -> str:
    """An Atom (RFC 4287) feed with one entry per match of this crawl."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    updated = report.crawl.get("finished") or report.crawl.get("started") or report.generated
    sub(feed, "title", report.watchlist.title)
    sub(feed, "id", f"tag:tenderarchive,2024:{quote(report.db_name)}/watchlist/{quote(report.watchlist.path.stem)}")
    sub(feed, "updated", updated)
    sub(sub(feed, "author"), "name", "tenderarchive")
    for watch, matches in report.results:
        for m in matches:
            entry = sub(feed, "entry")
            sub(entry, "title", f"[{watch.name}] {m.status}: {m.title}")
            sub(entry, "id", _entry_id(report, watch, m))
            sub(entry, "updated", updated)
            if m.url:
                sub(entry, "link", href=m.url)
            if m.datasette_url:
                sub(entry, "link", rel="related", href=m.datasette_url, title="Datasette")
            sub(entry, "category", term=watch.slug, label=watch.name)
            sub(entry, "content", _match_html(m), type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def merge_feed(existing: str | None, new: str, limit: int = FEED_MAX_ENTRIES) -> str:
    """The rolling feed: entries of ``new`` first, then older entries of ``existing`` not in
    ``new``, at most ``limit``; feed metadata from ``new``."""
    ET.register_namespace("", ATOM)
    feed = ET.fromstring(new)
    ids = {e.findtext(f"{{{ATOM}}}id") for e in feed.findall(f"{{{ATOM}}}entry")}
    if existing:
        try:
            old = ET.fromstring(existing)
        except ET.ParseError:
            old = None
        for entry in [] if old is None else old.findall(f"{{{ATOM}}}entry"):
            if entry.findtext(f"{{{ATOM}}}id") not in ids:
                feed.append(entry)
    for entry in feed.findall(f"{{{ATOM}}}entry")[limit:]:
        feed.remove(entry)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def write_report(report: Report, out_dir: str | Path) -> dict[str, Path]:
    """Write crawl-N.md/.html/.atom and update feed.atom in ``out_dir``; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"crawl-{report.crawl_id}"
    paths = {"markdown": out / f"{stem}.md", "html": out / f"{stem}.html", "atom": out / f"{stem}.atom",
             "feed": out / "feed.atom"}
    atom = render_atom(report)
    previous = paths["feed"].read_text(encoding="utf-8") if paths["feed"].exists() else None
    for kind, text in (("markdown", render_markdown(report)), ("html", render_html(report)), ("atom", atom),
                       ("feed", merge_feed(previous, atom))):
        tmp = paths[kind].with_name(paths[kind].name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(paths[kind])  # readers (a feed reader polling feed.atom) never see half a file
    return paths


# --- e-mail ------------------------------------------------------------------------------------------
@dataclass
class SMTPSettings:
    """Where the report is mailed. ``user``/``password`` come from the environment only
    (``TENDERARCHIVE_SMTP_USER``, ``TENDERARCHIVE_SMTP_PASSWORD``), never from the command line."""

    host: str
    port: int = 25
    sender: str = "tenderarchive@localhost"
    recipients: list[str] = field(default_factory=list)
    starttls: bool = False
    user: str | None = None
    password: str | None = None
    timeout: float = 30

    @classmethod
    def from_env(cls, env=None, **overrides) -> "SMTPSettings":
        env = os.environ if env is None else env
        to = overrides.pop("recipients", None) or [
            a.strip() for a in env.get("TENDERARCHIVE_SMTP_TO", "").split(",") if a.strip()]
        values = {
            "host": env.get("TENDERARCHIVE_SMTP_HOST", "localhost"),
            "port": int(env.get("TENDERARCHIVE_SMTP_PORT", "25")),
            "sender": env.get("TENDERARCHIVE_SMTP_FROM", "tenderarchive@localhost"),
            "starttls": env.get("TENDERARCHIVE_SMTP_STARTTLS", "").lower() in ("1", "true", "yes", "on"),
            "user": env.get("TENDERARCHIVE_SMTP_USER") or None,
            "password": env.get("TENDERARCHIVE_SMTP_PASSWORD") or None,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(recipients=to, **values)


def email_message(report: Report, smtp: SMTPSettings) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"{report.watchlist.title}: {report.summary} (crawl {report.crawl_id})"
    message["From"] = smtp.sender
    message["To"] = ", ".join(smtp.recipients)
    message.set_content(render_text(report))
    message.add_alternative(render_html(report), subtype="html")
    return message


def send_email(report: Report, smtp: SMTPSettings) -> EmailMessage:
    """Mail the report (text and HTML alternative); raises ValueError without recipients
    and smtplib/OSError errors when the server refuses."""
    if not smtp.recipients:
        raise ValueError("no e-mail recipients: set --mail-to or TENDERARCHIVE_SMTP_TO")
    message = email_message(report, smtp)
    with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
        if smtp.starttls:
            client.starttls()
        if smtp.user:
            client.login(smtp.user, smtp.password or "")
        client.send_message(message)
    return message


# --- entry points ------------------------------------------------------------------------------------
def default_out_dir(db_path: str | Path) -> Path:
    return Path(db_path).expanduser().resolve().parent / "reports"


def report_after_crawl(db_path: str | Path, crawl_id: int | None, watchlist_path: str | Path, *,
                       out_dir: str | Path | None = None, datasette_url: str | None = None,
                       write_files: bool = True, email: bool = False, smtp: SMTPSettings | None = None,
                       email_empty: bool = False, print_text: bool = True, print_empty: bool = True,
                       stream=None) -> Report:
    """Build, print, write and (optionally) mail the watchlist report of one crawl.

    ``crawl_id=None`` means the last crawl. Files go to ``out_dir`` (default: ``reports/``
    next to the archive). The text report is printed to ``stream`` (default stdout) when
    ``print_text``, and with ``print_empty=False`` only when something matched (under cron,
    whatever is printed is mailed: quiet nights send nothing). E-mail is sent when ``email`` and there are matches (or ``email_empty``),
    with ``smtp`` or :meth:`SMTPSettings.from_env`. Raises :class:`WatchlistError` for a
    bad watchlist, LookupError for a missing archive or crawl, and smtplib/OSError/ValueError
    when mailing fails (after the files are written).
    """
    watchlist = load_watchlist(watchlist_path)
    report = build_report(db_path, watchlist, crawl_id, datasette_url)
    if print_text and (print_empty or report.count()):
        (stream or sys.stdout).write(render_text(report))
    if write_files:
        report.paths = write_report(report, out_dir or default_out_dir(db_path))
    if email and (report.count() or email_empty):
        send_email(report, smtp or SMTPSettings.from_env())
    return report


def cmd_report(args) -> int:
    db = args.db or "archive.db"
    try:
        load_watchlist(args.watchlist)
    except WatchlistError as exc:
        print(f"tenderarchive: bad argument --watchlist: {exc}", file=sys.stderr)
        return EXIT_BAD_ARGUMENTS
    smtp = None
    if args.email:
        smtp = SMTPSettings.from_env(host=args.smtp_host, port=args.smtp_port, sender=args.mail_from,
                                     recipients=args.mail_to, starttls=True if args.smtp_starttls else None)
    try:
        report = report_after_crawl(db, args.crawl, args.watchlist, out_dir=args.out,
                                    datasette_url=args.datasette_url, write_files=not args.no_files,
                                    email=args.email, smtp=smtp, email_empty=args.email_empty,
                                    print_empty=not args.quiet)
    except LookupError as exc:
        print(f"tenderarchive: {exc.args[0]}", file=sys.stderr)
        return EXIT_FAILED
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        print(f"tenderarchive: the report was written but could not be mailed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet and report.paths:
        print(f"report files: {', '.join(str(p) for p in report.paths.values())}", file=sys.stderr)
    return EXIT_OK


def add_report_options(p: argparse.ArgumentParser) -> None:
    """Options shared by ``report`` and (for the lead) ``crawl --watchlist``."""
    p.add_argument("--out", help="directory for crawl-N.md/.html/.atom and feed.atom (default: reports/ "
                                 "next to the archive)")
    p.add_argument("--no-files", action="store_true", help="print only; write no report files")
    p.add_argument("--datasette-url", help="base URL of the Datasette serving the archive, for row links "
                                           "(e.g. http://127.0.0.1:8001)")
    p.add_argument("--email", action="store_true", help="mail the report when something matched "
                                                        "(SMTP settings below or TENDERARCHIVE_SMTP_*)")
    p.add_argument("--email-empty", action="store_true", help="mail the report even when nothing matched")
    p.add_argument("--smtp-host", help="SMTP server (env TENDERARCHIVE_SMTP_HOST, default localhost)")
    p.add_argument("--smtp-port", type=int, help="SMTP port (env TENDERARCHIVE_SMTP_PORT, default 25)")
    p.add_argument("--smtp-starttls", action="store_true", help="use STARTTLS (env TENDERARCHIVE_SMTP_STARTTLS)")
    p.add_argument("--mail-from", help="sender address (env TENDERARCHIVE_SMTP_FROM)")
    p.add_argument("--mail-to", action="append", help="recipient (repeatable; env TENDERARCHIVE_SMTP_TO, "
                                                      "comma-separated)")


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``report`` subcommand to the CLI's subparsers."""
    p = subparsers.add_parser("report", help="what is new or changed for a watchlist in a crawl")
    p.add_argument("--watchlist", required=True, help="watchlist YAML (see docs/watchlist.example.yaml)")
    p.add_argument("--crawl", type=int, help="crawl id (default: the last crawl)")
    p.add_argument("--db", default="archive.db", help="archive path (default archive.db)")
    p.add_argument("--quiet", action="store_true",
                   help="print the report only when something matched (for cron, which mails output)")
    add_report_options(p)
    p.set_defaults(func=cmd_report)
    return p
