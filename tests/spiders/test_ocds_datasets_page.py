"""The datasets page as an evaluator who read reference §6.1 would serve it (SYNTHETIC pages, real Scrapy crawls
of the loopback server): a changed layout still leads to the packages, and a page without any is an error."""

from __future__ import annotations

import json

from tenderarchive.apiserver import load_datasets
from tests.awards.conftest import PACKAGE_2021
from tests.spiders.test_awards_crawl import rows, scrapy_ocds


def datasets(folder, page: str):
    (folder / "files" / "2026-07").mkdir(parents=True, exist_ok=True)
    (folder / "files" / "2026-07" / PACKAGE_2021.name).write_bytes(PACKAGE_2021.read_bytes())
    (folder / "page.html").write_text(page, encoding="utf-8")
    return load_datasets(folder)


def test_packages_linked_outside_a_list_are_read(serve_api, tmp_path):
    """Reference §6.1: the files are found with kingfisher-collect's ``//article//li//@href``, an XPath it had
    to relax once already when the page changed. A page that links the packages from a table found none: the
    backfill archived nothing (and said the page lists no JSON)."""
    page = ('<html><body><main><h1>Datasets aanbestedingen</h1><table><tr><td>2021</td><td>'
            f'<a href="/cms/sites/default/files/2026-07/{PACKAGE_2021.name}">JSON</a></td></tr></table></main></body></html>')
    server = serve_api([], datasets=datasets(tmp_path / "ds", page))
    done = scrapy_ocds(tmp_path / "archive.db", server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    crawl = rows(tmp_path / "archive.db", "select status, errors from crawls")[-1]
    assert crawl["status"] == "complete", crawl
    assert {r["procurement_id"] for r in rows(tmp_path / "archive.db", "select procurement_id from awards")} >= {"TN313457"}


def test_a_page_that_lists_no_package_is_an_error_not_an_empty_success(serve_api, tmp_path):
    """Reference §6.1 availability: the JSON files were once missing from the page (kingfisher-collect issue
    #1154); a backfill must cope with a page that lists no JSON at all: it is a recorded error, and the crawl
    is not complete."""
    page = ('<html><body><article><ul><li><a href="/cms/sites/default/files/2026-07/Dataset.xlsx">Excel</a></li>'
            '</ul></article></body></html>')
    server = serve_api([], datasets=datasets(tmp_path / "ds", page))
    scrapy_ocds(tmp_path / "archive.db", server.datasets_url)
    crawl = rows(tmp_path / "archive.db", "select status, errors from crawls")[-1]
    assert crawl["status"] != "complete"
    assert any("lists no JSON" in e["error"] for e in json.loads(crawl["errors"]))
    assert rows(tmp_path / "archive.db", "select count(*) as n from awards") == [{"n": 0}]
