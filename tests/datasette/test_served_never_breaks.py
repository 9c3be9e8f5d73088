"""The published archive never breaks: a breadth-first walk over every internal link a real
``tenderarchive serve`` answers, and odd parameters on the project's own pages and saved searches.

Three archives are served, each built the way a user gets one:

* the demo archive (``tenderarchive build-demo``);
* an empty archive, just created by the schema (``open_archive``);
* an archive a first crawl left when it was killed before its derivation: the rows a crawl writes
  (crawls, fetches, notices, their CPV codes and documents, articles) without the derived tables
  (procurements, organisations, awards roll-ups, search index, facet counts).

The walk (bounded: a page budget, and at most ``VARIANTS`` addresses of one shape — the same path
with digits masked and the same query parameter names) checks that no page answers 5xx or shows a
Python traceback, that no internal link leads to a 404, that every HTML page has a title, that the
JSON and CSV of every table and saved-search page answer, and that pages answer quickly. Row links
into tables Datasette hides (FTS shadow tables, the search and facet-count helpers) are not
followed: their keys are blobs or untyped values that Datasette's row page cannot look up, and
nothing but ``?_show_hidden=1`` leads there.

The fuzz sends missing, empty, unknown, very long, non-numeric, SQL-ish, unicode and
out-of-range values to the research pages and to every saved search, and ``_sort``, ``_sort_desc``
and ``_facet`` on every column of every table: each answers 200, 400 or 404, never 5xx or a
traceback, and the archive file is byte-identical afterwards.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tenderarchive.metadata import load_metadata
from tests.datasette.archive_fixtures import Server, build_demo, run_dir

QUERIES = load_metadata()["databases"]["archive"]["queries"]
VARIANTS = 2
TIMEOUT = 30
START = ["/", "/archive", "/-/kaart", "/-/markt", "/-/dashboards", "/-/search?q=jeugdhulp", "/-/jeugdregio/JZ18"]
#: Rows a crawl writes itself (the store), before any derivation.
CRAWLED = ("crawls", "fetches", "notices", "notice_cpv", "documents", "articles")

ODD = ["", "onbekend", "x" * 3000, "-1", "0", "99999999999999999999999", "1e309", "abc", "'", '"',
       "' or 1=1 --", "\"); drop table notices; --", "ÿ€😀ĳ", "\x00", "NaN", "2021-13-45", "JZ99",
       "*", "NEAR(", "\\", "<script>", "alle"]


# --- archives and servers ------------------------------------------------------------------------

def fingerprint(path: Path):
    files = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))
    return files, hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def empty_archive(path: Path) -> Path:
    from tenderarchive.store.writes import open_archive

    open_archive(path).conn.close()
    return path


def killed_archive(path: Path, demo: Path) -> Path:
    """An archive with a crawl's own rows and no derivation (copied from the demo archive)."""
    from tenderarchive.store.writes import open_archive

    db = open_archive(path)
    source = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    for table in CRAWLED:
        columns = [r[1] for r in db.conn.execute(f"pragma table_info({table})")]
        rows = source.execute(f"select {', '.join(columns)} from {table}").fetchall()
        assert rows, table
        db.conn.executemany(f"insert or ignore into {table} ({', '.join(columns)}) "
                            f"values ({', '.join('?' * len(columns))})", rows)
    db.conn.commit()
    assert db.conn.execute("select count(*) from procurements").fetchone()[0] == 0
    assert not db["dashboard_counts"].exists()
    source.close()
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """name → (Server, archive path, fingerprint before) for the demo, empty and killed archives."""
    base = tmp_path_factory.mktemp("never-breaks")
    for folder in ("demo", "empty", "killed"):
        (base / folder).mkdir()
    demo = build_demo(base / "demo" / "archive.db", run_dir(tmp_path_factory))
    paths = {"demo": demo, "empty": empty_archive(base / "empty" / "archive.db"),
             "killed": killed_archive(base / "killed" / "archive.db", demo)}
    before = {name: fingerprint(path) for name, path in paths.items()}
    servers = {}
    try:
        for name, path in paths.items():
            servers[name] = Server(path)
        yield {name: (servers[name], paths[name], before[name]) for name in paths}
    finally:
        for server in servers.values():
            server.stop()
    for name, path in paths.items():   # readers never write: after every test of this module
        assert fingerprint(path) == before[name], name


# --- HTTP ------------------------------------------------------------------------------------------

def fetch(url: str):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            body, status, ctype, final = response.read(), response.status, response.headers.get("content-type", ""), response.url
    except urllib.error.HTTPError as error:
        body, status, ctype, final = error.read(), error.code, error.headers.get("content-type", ""), url
    return status, ctype, body.decode("utf-8", "replace"), time.monotonic() - started, final


def broken(status: int, body: str) -> bool:
    return status >= 500 or "Traceback (most recent call last)" in body


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.title, self._in_title = [], "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag in ("script", "img", "iframe") and attrs.get("src"):
            self.links.append(attrs["src"])
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def hidden_tables(server) -> set[str]:
    status, _, body, _, _ = fetch(f"{server.db}.json?_show_hidden=1")
    assert status == 200
    return {t["name"] for t in json.loads(body)["tables"] if t["hidden"]}


def table_or_query(server, path: str, names: set[str]) -> bool:
    parts = urllib.parse.unquote(path).split("/")
    return len(parts) == 3 and parts[1] == server.database and parts[2] in names


def walk(server, budget: int):
    """Breadth-first over internal links; returns (pages fetched, problems, seconds per page)."""
    host = urllib.parse.urlsplit(server.base).netloc
    hidden = hidden_tables(server)
    listing = json.loads(fetch(f"{server.db}.json?_show_hidden=1")[2])
    names = {t["name"] for t in listing["tables"]} | {v["name"] for v in listing.get("views", [])} | set(QUERIES)
    queue = deque((path, "(start)") for path in START)
    seen, shapes, problems, timings = set(START), defaultdict(int), [], []
    fetched = 0
    while queue and fetched < budget:
        path, referrer = queue.popleft()
        fetched += 1
        status, ctype, body, seconds, final = fetch(server.base + path)
        timings.append((seconds, path))
        where = f"{path} (linked from {referrer})"
        if broken(status, body):
            problems.append(f"HTTP {status} or traceback: {where}: {body[:200]!r}")
            continue
        if status == 404:
            problems.append(f"dead link: {where}")
            continue
        if status != 200 or "html" not in ctype:
            continue
        page = Page()
        page.feed(body)
        if not page.title.strip():
            problems.append(f"no title: {where}")
        split = urllib.parse.urlsplit(final)
        if table_or_query(server, split.path, names):
            for ext in (".json", ".csv"):   # the data behind every table and saved-search page
                data = split.path + ext + (f"?{split.query}" if split.query else "")
                fetched += 1
                d_status, _, d_body, d_seconds, _ = fetch(server.base + data)
                timings.append((d_seconds, data))
                if d_status != 200 or broken(d_status, d_body):
                    problems.append(f"HTTP {d_status}: {data} (of {path})")
                elif ext == ".json":
                    json.loads(d_body)
                else:
                    next(csv.reader(io.StringIO(d_body)))
        for href in page.links:
            link = urllib.parse.urlsplit(urllib.parse.urljoin(final, href))
            if link.scheme not in ("http", "https") or link.netloc != host:
                continue   # outside the archive (TenderNed, news sites): not ours to check
            parts = urllib.parse.unquote(link.path).split("/")
            if len(parts) >= 4 and parts[1] == server.database and parts[2] in hidden:
                continue   # a row of a hidden helper table (see the module docstring)
            relative = urllib.parse.quote(link.path + (f"?{link.query}" if link.query else ""),
                                          safe="/?&=%:+,;@!$'()*~-._")
            if relative in seen:
                continue
            seen.add(relative)
            shape = (re.sub(r"[0-9]+", "N", urllib.parse.unquote(link.path)),
                     tuple(sorted(k for k, _ in urllib.parse.parse_qsl(link.query, keep_blank_values=True))))
            shapes[shape] += 1
            if shapes[shape] <= VARIANTS:
                queue.append((relative, path))
    return fetched, problems, timings


# --- the walk --------------------------------------------------------------------------------------

@pytest.mark.parametrize("archive,budget", [("demo", 900), ("empty", 400), ("killed", 400)])
def test_every_internal_link_answers(served, archive, budget):
    server, _, _ = served[archive]
    fetched, problems, timings = walk(server, budget)
    assert fetched >= min(budget, 100), fetched   # the walk got somewhere
    assert problems == []
    if archive == "demo":
        slowest = max(timings)
        mean = sum(t for t, _ in timings) / len(timings)
        assert slowest[0] < 10, slowest   # two shared cores under a full test run
        assert mean < 1.0, mean


# --- regressions the walk and the fuzz found ----------------------------------------------------

@pytest.mark.parametrize("query", ["_sort=bestaat_niet", "_sort_desc=bestaat_niet",
                                   "_sort=lot_id&_sort_desc=lot_id"])
@pytest.mark.parametrize("ext", ["", ".json", ".csv"])
def test_a_bad_sort_is_a_400_not_a_500(served, query, ext):
    """Datasette answers a sort on an unknown column (or ``_sort`` with ``_sort_desc``) with HTTP 500."""
    server, _, _ = served["demo"]
    status, _, body, _, _ = fetch(f"{server.db}/lots{ext}?{query}")
    assert status == 400, (status, body[:200])
    assert "sort" in body and "Traceback" not in body
    if ext == ".json":
        assert json.loads(body)["ok"] is False


@pytest.mark.parametrize("param", ["_facet", "_facet_array", "_facet_date", "_where"])
@pytest.mark.parametrize("ext", ["", ".json"])
def test_a_nul_character_in_a_parameter_datasette_puts_in_its_sql_is_a_400(served, param, ext):
    """``%00`` in ``_facet``, ``_facet_array``, ``_facet_date`` or ``_where``: SQLite refused the query
    ("the query contains a null character") and Datasette answered HTTP 500."""
    server, _, _ = served["demo"]
    for value in ("%00", "notice_type%00"):
        status, _, body, _, _ = fetch(f"{server.db}/notices{ext}?{param}={value}")
        assert status == 400, (param, value, status, body[:200])
        assert "NUL" in body and "Traceback" not in body
        if ext == ".json":
            assert json.loads(body)["ok"] is False


@pytest.mark.parametrize("ext", ["", ".json"])
def test_a_row_address_short_of_a_compound_key_is_a_404(served, ext):
    """``/archive/lots/x`` (lots has a two-column key) made SQLite miss a parameter: HTTP 500."""
    server, _, _ = served["demo"]
    status, _, body, _, _ = fetch(f"{server.db}/lots/x{ext}")
    assert status == 404, (status, body[:200])
    assert "Record not found" in body


@pytest.mark.parametrize("archive,buyer_id,name", [
    ("empty", "drenthe", "Jeugdhulpregio Drenthe"),       # a regional buyer of the reference data
    ("killed", "GM0392", "Gemeente Haarlem"),             # a notice's buyer, before the derivation
])
def test_a_linked_buyer_page_opens_before_the_derivation(served, archive, buyer_id, name):
    """The regional_buyers and notices tables link every buyer to /-/opdrachtgever; before the
    derivation has filled ``organisations`` that page answered 404 (a dead link)."""
    server, _, _ = served[archive]
    status, _, body, _, _ = fetch(f"{server.base}/-/opdrachtgever?id={buyer_id}")
    assert status == 200, status
    assert name in body
    status, _, _, _, _ = fetch(f"{server.base}/-/opdrachtgever?id=bestaat-niet")
    assert status == 404


def test_a_procurement_page_opens_before_the_derivation(served):
    """The awards table's description links an example procurement; with notices but no derived
    ``procurements`` (a first crawl killed before its derivation) its page answered 404."""
    server, _, _ = served["killed"]
    status, _, body, _, _ = fetch(f"{server.base}/-/aanbesteding?id=TN312877")
    assert status == 200, status
    assert "Verwerving jeugdhulp Zuid-Kennemerland en IJmond 2023 - gunning" in body
    assert "2021-10-15" in body   # the first publication, from the earlier notice
    assert fetch(f"{server.base}/-/aanbesteding?id=TN1")[0] == 404


# --- the fuzz --------------------------------------------------------------------------------------

def answers_cleanly(server, paths):
    def one(path):
        try:
            status, _, body, _, _ = fetch(server.base + path)
        except OSError as error:   # a timeout: as broken as a 500
            return path, 599, repr(error)
        return path, status, body
    with ThreadPoolExecutor(4) as pool:
        return [(path, status, body[:200]) for path, status, body in pool.map(one, paths)
                if broken(status, body) or status not in (200, 400, 404)]


def q(params: dict) -> str:
    return urllib.parse.urlencode(params)


@pytest.mark.parametrize("archive", ["demo", "empty"])
def test_odd_parameters_on_the_research_pages(served, archive):
    server, _, _ = served[archive]
    paths = ["/-/aanbesteding", "/-/opdrachtgever", "/-/aanbieder", "/-/markt", "/-/kaart", "/-/search",
             "/-/jeugdregio/", "/-/dashboards/jeugdhulp", "/-/aanbesteding?id=1&id=2"]
    for value in ODD:
        paths += [f"/-/jeugdregio/{urllib.parse.quote(value, safe='') or '%20'}",
                  f"/-/jeugdregio/JZ18?{q({'jaar': value, 'sinds': value})}",
                  f"/-/markt?{q({'jeugdregio': value, 'jaar': value})}",
                  f"/-/kaart?{q({'maat': value, 'laag': value, 'jaar': value})}",
                  f"/-/search?{q({'q': value})}",
                  f"/-/dashboards/jeugdhulp?{q({'jeugdregio': value, 'jaar': value})}"]
        paths += [f"/-/{page}?{q({'id': value})}" for page in ("aanbesteding", "opdrachtgever", "aanbieder")]
    assert answers_cleanly(server, paths) == []


@pytest.mark.parametrize("archive", ["demo", "empty"])
def test_odd_parameters_on_every_saved_search(served, archive):
    server, _, _ = served[archive]
    paths = []
    for name, query in QUERIES.items():
        params = query.get("params") or sorted(set(re.findall(r"(?<![:\w]):(\w+)", query["sql"])))
        paths += [f"/{server.database}/{name}", f"/{server.database}/{name}.json"]
        for value in ODD:
            paths.append(f"/{server.database}/{name}?{q({p: value for p in params})}")
        for value in ("'", "x" * 3000, "ÿ€😀ĳ"):
            for ext in (".json", ".csv", ".atom"):
                paths.append(f"/{server.database}/{name}{ext}?{q({p: value for p in params})}")
        for extra in ("_size=max", "_size=abc", "_size=-1", "pagina=-1", "pagina=abc", "pagina=99999999",
                      "pagina=alle", "_next=abc", "_shape=bogus", "_sort=nope", "_facet=nope"):
            paths += [f"/{server.database}/{name}?{extra}", f"/{server.database}/{name}.json?{extra}"]
    assert answers_cleanly(server, paths) == []


@pytest.mark.parametrize("archive", ["demo", "empty"])
def test_sort_and_facet_on_every_column_of_every_table(served, archive):
    server, _, _ = served[archive]
    listing = json.loads(fetch(f"{server.db}.json?_show_hidden=1")[2])
    paths = []
    for table in listing["tables"]:
        name = urllib.parse.quote(table["name"])
        for column in table["columns"]:
            paths += [f"/{server.database}/{name}?{q({'_sort': column})}",
                      f"/{server.database}/{name}.json?{q({'_sort_desc': column})}",
                      f"/{server.database}/{name}?{q({'_facet': column})}",
                      f"/{server.database}/{name}.json?{q({column: chr(39), '_size': 'max'})}"]
        paths += [f"/{server.database}/{name}?{extra}" for extra in
                  ("_size=max", "_size=abc", "_sort=nope", "_facet=nope", "_next=abc", "_search=%22",
                   "_search=NEAR(", "_where=%27", "_col=nope")]
        paths += [f"/{server.database}/{name}/x", f"/{server.database}/{name}/%27"]
    assert answers_cleanly(server, paths) == []


def test_default_facets_and_sorts_of_columns_an_older_archive_lacks_are_left_out(served, tmp_path):
    """An archive of an older version (serve never migrates it) lacks columns the shipped metadata
    facets, sorts or labels by (``award_suppliers.is_buyer``): every page of such a table was HTTP 400
    "no such column". Each such column that SQLite lets go is dropped from a copy of the demo archive."""
    from tenderarchive.metadata import load_metadata

    _, demo, _ = served["demo"]
    old = tmp_path / "archive.db"
    source = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    conn = sqlite3.connect(old)
    source.backup(conn)
    source.close()
    dropped = set()
    for table, meta in load_metadata()["databases"]["archive"]["tables"].items():
        wanted = [f if isinstance(f, str) else next(iter(f.values())) for f in meta.get("facets", [])]
        wanted += [meta[k] for k in ("sort", "sort_desc", "label_column") if k in meta]
        for column in wanted:
            indexes = conn.execute("select name from sqlite_master where type = 'index' and tbl_name = ? "
                                   "and sql like ?", (table, f"%{column}%")).fetchall()
            # a view that reads the column came later than it too (SQLite refuses to drop a column a
            # view reads: ``award_winner_shares`` reads ``award_suppliers.is_buyer``)
            views = conn.execute("select name from sqlite_master where type = 'view' and sql like ? "
                                 "and sql like ?", (f"%{table}%", f"%{column}%")).fetchall()
            try:
                for (index,) in indexes:
                    conn.execute(f"drop index [{index}]")
                for (view,) in views:
                    conn.execute(f"drop view [{view}]")
                conn.execute(f"alter table [{table}] drop column [{column}]")
                conn.commit()
                dropped.add((table, column))
            except sqlite3.Error:
                conn.rollback()
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    assert ("award_suppliers", "is_buyer") in dropped, dropped
    before = fingerprint(old)
    server = Server(old)
    try:
        paths = [f"/{server.database}/{table}{ext}" for table in sorted({t for t, _ in dropped})
                 for ext in ("", ".json")]
        answers = {path: fetch(server.base + path)[0] for path in paths}
    finally:
        server.stop()
    assert {path: status for path, status in answers.items() if status != 200} == {}
    assert fingerprint(old) == before


def test_a_control_character_in_a_parameter_is_never_written_raw_into_the_page(served):
    """A NUL (or another control character) in ``/-/search?q=x%00y`` was written raw into the search form's
    ``value`` (an HTML parse error), and so in every saved search's form, a table's title under ``_search`` or a
    filter and a research page's "not found" line. Each page writes it as U+FFFD (as an HTML parser reads a NUL),
    and the search still answers: the NUL parts two words, found as the same words parted by a space."""
    server, _, _ = served["demo"]
    control = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
    paths = [f"/-/search?{q({'q': 'jeugdhulp' + c + 'aanbesteding'})}" for c in ("\x00", "\x01", "\x1f")]
    paths += [f"/{server.database}/notices?{q({key: 'jeugd' + chr(0) + 'hulp'})}" for key in ("_search", "title__contains")]
    paths += [f"/-/{page}?{q({'id': 'x' + chr(0) + 'y'})}" for page in ("aanbesteding", "opdrachtgever", "aanbieder")]
    paths += [f"/-/markt?{q({'jeugdregio': chr(0)})}"]
    for name, query in QUERIES.items():
        params = query.get("params") or sorted(set(re.findall(r"(?<![:\w]):(\w+)", query["sql"])))
        if params:
            paths.append(f"/{server.database}/{name}?{q({p: 'x' + chr(0) + 'y' for p in params})}")
    for path in paths:
        status, ctype, body, _, _ = fetch(server.base + path)
        assert status in (200, 400, 404) and "html" in ctype and not broken(status, body), (path, status)
        assert not control.search(body), (path, body[max(0, control.search(body).start() - 120):][:160])
    # the search: its form holds what was typed, the NUL written as U+FFFD; it finds what the two words find
    status, _, body, _, final = fetch(f"{server.base}/-/search?{q({'q': 'jeugdhulp' + chr(0) + 'aanbesteding'})}")
    assert status == 200 and 'name="q" value="jeugdhulp\ufffdaanbesteding"' in body, body[:300]
    spaced = fetch(f"{server.base}/-/search?{q({'q': 'jeugdhulp aanbesteding'})}")[2]
    hits = re.compile(r"returning (\d+) rows?")
    assert hits.search(body) and hits.search(body).group(1) == hits.search(spaced).group(1) != "0"
