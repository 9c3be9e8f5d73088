"""Procurement timelines: TenderNed notices and the news about them, linked and in date order."""

import json

import pytest
import sqlite_utils

from tests import forkcli
from tests.fixtures.news.serve import serve_sites
from tests.spiders.test_news import crawl_news, seed_pages, write_registry

SEED_PROCUREMENTS = {
    "000_a37aabeefc19e5c0.txt": "TN243310",  # Leidse Regio, gemeentelijke toegang
    "001_e12dcf1d5b689632.txt": "TN312877",  # Zuid-Kennemerland en IJmond
    "002_073f7f13558f592c.txt": "TN160417",  # Heerlen, Landgraaf, Voerendaal
    "003_bc1c8c8b7a62acc5.txt": "TN311520",  # MVS
    "004_8f2571db6545498e.txt": "TN311520",  # MVS (FAQ)
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory, request):
    from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications
    from tests.conftest import FAST, ROOT

    tmp = tmp_path_factory.mktemp("linking")
    db = tmp / "archive.db"
    with APIServer(TenderNedAPI(load_publications())) as server:
        done = forkcli.run(["crawl", "tenderned", "--db", db, "--api-url", server.api_url, "--from-date", "2017-01-01",
                            "--until-date", "2022-12-31", *FAST], cwd=ROOT)
        assert done.returncode == 0, done.stderr[-2000:]
    with serve_sites() as base_urls:
        completed = crawl_news(write_registry(tmp, base_urls), db)
        assert completed.returncode == 0, completed.stderr[-2000:]
        pages = seed_pages(base_urls)
    return sqlite_utils.Database(db), pages


def test_each_seed_article_is_linked_to_its_tenderned_procurement(archive):
    db, pages = archive
    for url, gold in pages.items():
        [link] = list(db["procurement_links"].rows_where("url = ? and status = 'linked'", [url]))
        assert link["procurement_id"] == SEED_PROCUREMENTS[gold["seed"]], url
        assert link["score"] >= 0.6 and json.loads(link["reasons"])


def test_each_seed_timeline_joins_news_events_and_notices_in_date_order(archive):
    db, pages = archive
    for procurement_id in set(SEED_PROCUREMENTS.values()):
        timeline = list(db.query("select * from events where procurement_id = ? order by date, event_id",
                                 [procurement_id]))
        sources = {e["source_type"] for e in timeline}
        assert {"notice", "article"} <= sources <= {"notice", "article", "award"}, procurement_id
        assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
        assert db["procurements"].get(procurement_id)["article_count"] >= 1


def test_the_heerlen_timeline_tells_the_story(archive):
    db, _ = archive
    kinds = [(e["date"], e["kind"], e["source_type"]) for e in db.query(
        "select * from events where procurement_id = 'TN160417' order by date, event_id")]
    dates = [d for d, _, _ in kinds]
    assert ("2018-03-13", "tender_publication", "notice") in kinds
    assert ("2018-07-06", "inschrijf_deadline", "notice") in kinds
    assert any(d == "2017-05-31" and s == "article" for d, _, s in kinds)  # the market consultation in the news
    assert dates.index("2017-05-31") < dates.index("2018-03-13") < dates.index("2018-11-20")


def test_distractors_are_not_linked_and_links_keep_their_reasons(archive):
    db, pages = archive
    linked = {r["url"] for r in db["procurement_links"].rows_where("status = 'linked'")}
    irrelevant = {r["url"] for r in db["articles"].rows_where("relevant = 0")}
    assert irrelevant and not (linked & irrelevant)
    assert not list(db["procurement_links"].rows_where("procurement_id = 'TN344002'"))  # the Wmo notice


def test_buyers_are_organisations_with_municipality_and_jeugdregio(archive):
    db, _ = archive
    leiden = db["organisations"].get("GM0546")
    assert leiden["name"] == "Gemeente Leiden" and leiden["jeugdregio_code"] == "JZ18"
    assert db["notices"].get(200201)["buyer_id"] == "GM0546"
    assert db["notices"].get(200201)["jeugdregio_code"] == "JZ18"
    facet = dict(db.execute("select jeugdregio_code, count(*) from notices group by 1").fetchall())
    assert facet["JZ41"] == 3 and facet["JZ29"] == 2
    zk = {r["name"] for r in db["notice_municipalities"].rows_where("publication_id = 300301")}
    assert {"Haarlem", "Velsen", "Zandvoort"} <= zk


def test_freshness_shows_the_last_complete_crawl_per_source(archive):
    db, _ = archive
    rows = {r["spider"]: r for r in db.query("select * from freshness")}
    assert set(rows) == {"tenderned", "news"}
    assert rows["tenderned"]["age_hours"] < 1 and rows["news"]["last_status"] == "complete"


def test_without_tenderned_the_news_makes_news_only_procurements(tmp_path):
    with serve_sites() as base_urls:
        assert crawl_news(write_registry(tmp_path, base_urls), tmp_path / "news.db").returncode == 0
        pages = seed_pages(base_urls)
    db = sqlite_utils.Database(tmp_path / "news.db")
    procurement_of = {r["url"]: r["procurement_id"] for r in db["procurement_links"].rows_where("status = 'linked'")}
    assert set(procurement_of) == set(pages)
    mvs = {procurement_of[u] for u, g in pages.items() if g["seed"].startswith(("003", "004"))}
    assert len(mvs) == 1 and next(iter(mvs)).startswith("NEWS-")  # one procurement, two articles
    row = db["procurements"].get(next(iter(mvs)))
    assert row["source"] == "news" and row["article_count"] == 2 and row["youth_care"] == 1


def test_the_reachability_index_drops_no_candidate(archive):
    """Linking scores an article only against the procurements its places, title words or
    references reach (tenderarchive/linking.py ``Profiles``); scoring every procurement gives the
    same links on the crawled archive."""
    from tenderarchive.linking import (CANDIDATE_THRESHOLD, Profiles, article_features, article_links, decide,
                                       procurement_profiles, score)
    from tenderarchive.store.keys import dumps

    db, _ = archive
    profiles = procurement_profiles(db)
    index = Profiles(profiles)
    articles = list(db.query("select * from articles where relevant = 1 order by url"))
    assert articles and len(profiles) > 1
    for article in articles:
        features = article_features(db, article)
        everything = [(total, dumps(reasons), p["procurement_id"]) for p in profiles
                      for total, reasons in [score(features, p)] if total >= CANDIDATE_THRESHOLD]
        assert article_links(features, index) == decide(features, everything), article["url"]
        assert len(index.reachable(features)) <= len(profiles)
