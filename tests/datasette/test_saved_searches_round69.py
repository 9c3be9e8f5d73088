"""Saved searches that date an undated news page by when the archive first read it, round 69, by a real crawl of a
loopback site into a real archive, served by real Datasette. The pages are SYNTHETIC.

A crawl as of another moment (``TENDERARCHIVE_NOW``; its replay and reparse) reads every page as of that moment, and
the archive's rows carry it (``articles.fetched_at``: ``BaseSpider.read_at``), while the raw store keeps the machine's
fetch time as its evidence (``fetches.fetched_at``). ``new_this_week``, ``search_all``, ``by_jeugdregio``,
``jeugdregio_nieuws`` and ``aanbesteding_nieuws`` dated an undated page by its first fetch in ``fetches``: the
machine's day, so a page a crawl as of 2021-03-05 read was new in the machine's week, not in that one."""

from __future__ import annotations

import json
import os
import urllib.parse
import xml.etree.ElementTree as ET

import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT
from tests.datasette.archive_fixtures import Server
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference5 import HTML

ATOM = "{http://www.w3.org/2005/Atom}"
PAGE = "/nieuws/aanbesteding-jeugdhulp"


def undated_page(title: str) -> tuple[str, bytes]:
    """A SYNTHETIC youth-care news page of Holland Rijnland that states no date (no date line, no meta date, none in
    its URL)."""
    return (HTML, f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title>
<meta name="tenderarchive-fixture" content="synthetic"></head><body><main><article><h1>{title}</h1>
<p>De gemeente Leiden en de andere gemeenten van de regio Holland Rijnland hebben de aanbesteding van
specialistische jeugdhulp voorlopig gegund aan drie aanbieders. Aanbieders die niet zijn gegund kunnen binnen
twintig dagen bezwaar maken.</p></article></main></body></html>""".encode())


def test_an_undated_page_read_by_a_crawl_as_of_another_day_is_first_seen_on_that_day(tmp_path):
    """An undated youth-care page read by a news crawl as of 2021-03-05 12:00 (the raw store on) is first seen on
    2021-03-05: ``new_this_week`` as of 2021-03-07 lists it with that ``first_seen``, and its entry in that feed and
    in those of Search everything and of its jeugdregio is dated by the crawl's moment, not by the machine's fetch
    (years later: new in the machine's week, so in every week of 2021 after it too), and a week on no longer new;
    so after a reparse."""
    routes = {"/robots.txt": ROBOTS, PAGE: undated_page("Aanbesteding specialistische jeugdhulp")}
    db = tmp_path / "archive.db"
    with serve(routes, []) as base:
        path = registry(tmp_path, base_url=base, living_pages=[PAGE.lstrip("/")])
        result = forkcli.run(["crawl", "news", "--sources", path, "--db", str(db), *FAST, "--from-date", "2021-02-01"],
                             cwd=ROOT, timeout=240, env=dict(os.environ, TENDERARCHIVE_NOW="2021-03-05T12:00"))
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    archive = sqlite_utils.Database(db)
    [article] = archive.query("select url, published, fetched_at from articles")
    assert (article["published"], article["fetched_at"]) == (None, "2021-03-05T11:00:00+00:00")
    assert all(not r["fetched_at"].startswith("2021") for r in archive["fetches"].rows)  # the machine's fetches
    url = article["url"]
    entry_id = f"tag:tenderarchive,2024:article:{url}"

    server = Server(db, env={"TENDERARCHIVE_NOW": "2021-03-07T12:00"})
    try:
        def get(query, fmt, **params):
            return server.get(f"/{server.database}/{query}.{fmt}?{urllib.parse.urlencode(params)}")

        listed = {r["source_key"]: r for r in json.loads(get("new_this_week", "json", _shape="array"))}
        assert url in listed and listed[url]["first_seen"] == "2021-03-05"
        for query, params in (("new_this_week", {}), ("search_all", {"q": "jeugdhulp"}),
                              ("by_jeugdregio", {"jeugdregio": "Leiden"})):
            entries = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
                       for e in ET.fromstring(get(query, "atom", **params)).findall(f"{ATOM}entry")}
            assert entries.get(entry_id, "").startswith("2021-03-05T11:00:00"), (query, entries)
    finally:
        server.stop()
    later = Server(db, env={"TENDERARCHIVE_NOW": "2021-03-20T12:00"})  # the week after: no longer new
    try:
        assert url not in {r["source_key"] for r in json.loads(later.get(
            f"/{later.database}/new_this_week.json?_shape=array"))}
    finally:
        later.stop()

    # a reparse on the machine's clock reads the crawl's pages as of its moment again: first seen on that day still
    rebuilt = forkcli.run(["reparse", "--db", str(db)], cwd=ROOT, timeout=300,
                          env={k: v for k, v in os.environ.items() if k != "TENDERARCHIVE_NOW"})
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr[-3000:]
    again = Server(db, env={"TENDERARCHIVE_NOW": "2021-03-07T12:00"})
    try:
        listed = {r["source_key"]: r for r in json.loads(again.get(
            f"/{again.database}/new_this_week.json?_shape=array"))}
        assert listed[url]["first_seen"] == "2021-03-05"
    finally:
        again.stop()


def test_the_five_saved_searches_read_when_a_page_was_first_read_from_one_fragment():
    """``__FIRST_READ__(url)`` in metadata.yaml stands for one SQL (``metadata.first_read_sql``), put in by
    ``load_metadata``: no saved search dates a page by the machine's fetch (``fetches.fetched_at``) alone."""
    from tenderarchive.metadata import FIRST_READ, first_read_sql, load_metadata

    queries = load_metadata()["databases"]["archive"]["queries"]
    reading = {name for name, q in queries.items() if "from articles first_read where first_read.url" in q["sql"]}
    assert reading == {"new_this_week", "search_all", "by_jeugdregio", "jeugdregio_nieuws", "aanbesteding_nieuws"}
    for name in reading:
        sql = queries[name]["sql"]
        assert FIRST_READ not in sql and (first_read_sql("a.url") in sql or first_read_sql("d.source_key") in sql)
        assert "min(f.fetched_at) from fetches f where f.url = a.url" not in sql
        assert "min(f.fetched_at) from fetches f where f.url = d.source_key" not in sql
