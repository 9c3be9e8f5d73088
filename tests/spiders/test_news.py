"""The news spider crawling loopback copies of the seed sites (synthetic HTML around the
seed texts, tests/fixtures/news/) into a real archive, scored against gold.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils
import yaml

from bench.gold_score import gold_precision, gold_stage
from tests.conftest import FAST, ROOT
from tests.fixtures.news.serve import load_manifest, serve_sites
from tests import forkcli

FIXTURES = ROOT / "tests" / "fixtures" / "news"
GOLD = json.loads((FIXTURES / "seeds" / "gold.json").read_text(encoding="utf-8"))


def seed_pages(base_urls):
    """{url on the loopback server: gold record} for the five seed pages."""
    gold = {g["seed"]: g for g in GOLD}
    out = {}
    for site, spec in load_manifest()["sites"].items():
        for route in spec["routes"]:
            if route.get("seed"):
                out[base_urls[site].rstrip("/") + route["path"]] = gold[route["seed"]]
    return out


def distractor_pages(base_urls):
    return [base_urls[site].rstrip("/") + route["path"]
            for site, spec in load_manifest()["sites"].items()
            for route in spec["routes"] if route.get("relevant") is False]


def write_registry(tmp_path: Path, base_urls: dict) -> Path:
    data = yaml.safe_load((FIXTURES / "sources.yaml").read_text(encoding="utf-8"))
    for site in data["sites"]:
        site["base_url"] = base_urls[site["name"]]
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def crawl_news(registry: Path, db: Path, *args):
    command = ["crawl", "news", "--sources", str(registry), "--db", str(db), *FAST, *args]
    return forkcli.run(command, cwd=ROOT, timeout=240)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("news")
    with serve_sites() as base_urls:
        registry = write_registry(tmp, base_urls)
        completed = crawl_news(registry, tmp / "archive.db")
        yield {"base_urls": base_urls, "completed": completed, "db": sqlite_utils.Database(tmp / "archive.db"),
               "registry": registry, "tmp": tmp}


def test_the_crawl_completes(crawled):
    assert crawled["completed"].returncode == 0, crawled["completed"].stderr[-3000:]
    crawl = next(crawled["db"].query("select * from crawls"))
    assert crawl["spider"] == "news" and crawl["status"] == "complete"


def test_seed_pages_are_archived_as_relevant_with_gold_title_date_stage_and_places(crawled):
    db = crawled["db"]
    for url, gold in seed_pages(crawled["base_urls"]).items():
        article = db["articles"].get(url)
        assert article["relevant"] == 1, url
        assert article["title"] == (gold["title"] or gold.get("title_from_slug")), url
        assert article["published"] == gold["published"], url
        if gold["published"]:
            assert article["published_source"] == gold["published_source"]
        assert article["primary_stage"] == gold_stage(gold["primary_stage"]), url
        names = {r["name"] for r in db["article_municipalities"].rows_where("url = ?", [url])}
        expected = set(gold["municipalities"]) | set(gold.get("municipalities_expanded_from_acronym") or [])
        assert names == expected, url
        codes = {r["cbs_code"] for r in db["article_municipalities"].rows_where("url = ?", [url])}
        assert all(c.startswith("GM") for c in codes)


def test_distractors_are_archived_as_not_relevant(crawled):
    urls = distractor_pages(crawled["base_urls"])
    assert len(urls) >= 3
    for url in urls:
        assert crawled["db"]["articles"].get(url)["relevant"] == 0, url


def test_at_least_80_percent_of_gold_events_found_with_date_and_precision(crawled):
    db, found, total = crawled["db"], 0, 0
    for url, gold in seed_pages(crawled["base_urls"]).items():
        have = set()
        for e in db["events"].rows_where("source_id = ?", [url]):
            precision = "month" if e["precision"] == "part_of_month" else e["precision"]
            date = f"{e['date']}/{e['date_end']}" if e["precision"] == "range" else e["date"]
            have.add((date, precision))
        for gold_event in gold["dates"]:
            total += 1
            found += (gold_event[0], gold_precision(gold_event[0])) in have
    assert total == 29
    assert found / total >= 0.8, f"{found}/{total}"


def test_text_is_clean(crawled):
    for article in crawled["db"]["articles"].rows:
        assert "\u00a0" not in article["text"]
        assert "cookies" not in article["text"].lower() or article["site"] != "heerlen"
        assert "SYNTHETIC" not in article["text"]


def test_second_crawl_skips_known_articles_but_rechecks_living_pages(tmp_path):
    with serve_sites() as base_urls:  # both crawls must see the same ports (URLs are keys)
        registry = write_registry(tmp_path, base_urls)
        db2 = tmp_path / "second.db"
        first = crawl_news(registry, db2)
        second = crawl_news(registry, db2)
    assert first.returncode == 0 and second.returncode == 0, second.stderr[-2000:]
    db = sqlite_utils.Database(db2)
    crawls = list(db.query("select * from crawls order by crawl_id"))
    assert crawls[1]["items_new"] == 0 and crawls[1]["items_updated"] == 0
    living = [r for r in db["articles"].rows if r["is_living_page"]]
    assert len(living) == 2
    assert crawls[1]["items_unchanged"] == len(living)  # only living pages were fetched again
    assert crawls[1]["requests"] < crawls[0]["requests"]


def test_a_malformed_registry_is_a_bad_argument_naming_the_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nsites:\n  - name: x\n    title: X\n    base_url: not-a-url\n")
    completed = crawl_news(bad, tmp_path / "a.db")
    assert completed.returncode == 2 and "base_url" in completed.stderr
