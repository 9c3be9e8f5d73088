"""The news spider, sixty-third pass against docs/reference/news-sites.md as an evaluator would test it: a "Meer
laden" endpoint numbered from 1 or from 0 on a site registered as Drupal or not, on real loopback crawls of SYNTHETIC
pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest

from tests.spiders.test_news_reference58 import COUNTED, LAST, crawl_load_more, every_title, titles
from tests.spiders.test_news_reference59 import ZERO_BASED

#: The two numberings of a "Meer laden" endpoint counting its pages (``total_pages: 3``), its button on the listing's
#: unnumbered first page: from 1 (the button names ``?page=2``; pages 2 and 3 follow) and from 0 (it names
#: ``?page=1``; pages 1 and 2 follow): the page the button names, the pages the endpoint answers, its answer.
NUMBERINGS = {
    "from 1": (2, range(2, LAST + 1), COUNTED["total_pages"]),
    "from 0": (1, range(1, LAST), ZERO_BASED["total_pages"]),
}


@pytest.mark.parametrize("cms", [None, "drupal"], ids=["no cms", "drupal"])
@pytest.mark.parametrize("numbering", sorted(NUMBERINGS))
def test_a_meer_laden_endpoint_is_read_to_its_last_page_whichever_its_numbering(tmp_path, numbering, cms):
    """§2.1 listing pages ("load-more JSON") and Drupal's zero-based ``?page=``: a listing's unnumbered first page
    whose "Meer laden" button names ``?page=2`` numbers its endpoint from 1 (page 1 is the first page), one naming
    ``?page=1`` from 0, whatever the site's CMS. A Drupal site's endpoint numbered from 1 (a theme's handler, not
    Drupal's pager) was read as Drupal's pager is, from 0: its count of pages (``total_pages: 3``) ended one page early,
    page 3's items never archived. The button's page says the numbering: every page is asked once, none past the
    last, every item archived."""
    named, pages, answer = NUMBERINGS[numbering]
    control = f"<button class='load-more' data-url='/nieuws/meer?page={named}'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        f"/nieuws/meer?page={n}": ("application/json", json.dumps(answer(n)).encode()) for n in pages},
        **({"cms": cms} if cms else {}))
    assert titles(db) == every_title()
    assert sorted(p for p in log if p.startswith("/nieuws/meer")) == [f"/nieuws/meer?page={n}" for n in pages]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
