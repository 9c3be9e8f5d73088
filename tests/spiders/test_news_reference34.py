"""The news spider, thirty-fourth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) around real texts, crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference19 import S1_LATER, S1_OPENING, SPLIT_SLUG, crawl_split_post, split_page

#: The TenderNed notice the item's second page links to (news-sites.md §2.2: ``/aankondigingen/overzicht/<id>``).
NOTICE = "https://www.tenderned.nl/aankondigingen/overzicht/100701"


def test_a_tenderned_notice_linked_on_the_second_page_of_a_split_item_is_its_reference(tmp_path):
    """§2.2 tenderned.nl links in a WordPress post split with ``<!--nextpage-->`` (refnews19) whose notice link
    ("de stukken staan op TenderNed", refnews33) is on its second page: the text of both pages was archived, but the
    notice addresses were read from the first page only, so the item had no TenderNed reference and was never linked
    to the procurement by it. The notices every page of the item links to are its references."""
    slug = SPLIT_SLUG
    later = f"{S1_LATER}</p><p>De stukken staan op <a href='{NOTICE}'>TenderNed</a>."
    crawl = crawl_split_post(tmp_path, {
        slug: split_page(S1_OPENING, f"1 <a href='{slug}2/' class='post-page-numbers'>2</a>"),
        f"{slug}2/": split_page(later, f"<a href='{slug}' class='post-page-numbers'>1</a> 2")})
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    [article] = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    assert S1_OPENING in article["text"] and S1_LATER in article["text"]
    assert json.loads(article["tenderned_refs"] or "{}").get("publication_ids") == ["100701"], article["tenderned_refs"]


def test_an_archived_page_whose_old_address_redirects_to_a_new_one_answering_not_modified_records_the_move(tmp_path):
    """§2.1 a site moved to another CMS, redirects and incremental re-crawls: a recent item archived at
    ``/nieuws/gunning`` is revisited (a conditional request, refnews9) after the site moved it: the old address answers
    ``301`` to ``/actueel/nieuws/gunning-jeugdhulp``, which answers ``304 Not Modified``. Answered ``200`` there, the
    archived page's provenance became the new address; answered ``304`` it stayed the old address and its first
    fetch, every crawl going through the redirect: the move was never recorded. Now it is, the content untouched
    (no version, the same text and hash), the crawl complete, and a reparse gives the same row."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import days_ago
    from tests.spiders.test_news_reference9 import dated_item

    old, new = "/nieuws/gunning", "/actueel/nieuws/gunning-jeugdhulp"
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of(old), old: dated_item("Gunning jeugdhulp", days_ago(1))}
    redirects: dict = {}
    server, base = redirecting(routes, redirects)
    db_path = tmp_path / "archive.db"
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                        allow=["^/nieuws/", "^/actueel/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        before = next(sqlite_utils.Database(db_path)["articles"].rows)
        routes[new] = routes.pop(old)
        redirects[old] = base + new[1:]
        routes["304"] = True
        crawls.append(crawl_news(path, db_path, "-s", "NEWS_REVISIT_HOURS=0"))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    [after] = db["articles"].rows
    assert (after["url"], after["source_url"], after["crawl_id"]) == (base + old[1:], base + new[1:], 2)
    assert after["fetched_at"] >= before["fetched_at"]
    assert (after["text"], after["sha256"], after["content_sha256"]) == (
        before["text"], before["sha256"], before["content_sha256"])
    assert db.execute("select count(*) from versions").fetchone()[0] == 0
    assert db.execute("select status, errors from crawls where crawl_id = 2").fetchone() == ("complete", "[]")
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)  # the recorded crawls again
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert next(sqlite_utils.Database(db_path)["articles"].rows) == after
