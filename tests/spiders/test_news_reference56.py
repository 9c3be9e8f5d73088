"""The news spider, fifty-sixth pass against docs/reference/news-sites.md as an evaluator would test it: a listing
entry's date line opening with "Op" ("Op 14 december 2020 in Nieuws"), on a real loopback crawl of SYNTHETIC pages
(labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest

#: A listing entry's date line as a WordPress theme's "Posted on DATE in CATEGORY" prints it in Dutch without its verb
#: (news-sites.md §2.1), with and without the time.
ENTRY_DATES = {
    "op, section after": "<p class='entry-meta'>Op {day} in <a href='/category/nieuws/' rel='category tag'>Nieuws</a></p>",
    "op, time, section after": "<p class='entry-meta'>Op {day} om {time} in Persberichten</p>",
}


@pytest.mark.parametrize("shape", sorted(ENTRY_DATES))
def test_a_listing_entrys_date_line_opening_with_op_dates_its_item(tmp_path, shape):
    """§2.3 (a listing's date of an item): an entry's "Op 14 oktober 2021 in Nieuws" was no date: its undated item was
    archived undated and a ``--from-date`` crawl asked the old one too. The entry's line dates its item, the old one
    not asked."""
    from tests.spiders.test_news_reference55 import crawl_dated_listing

    rows, log = crawl_dated_listing(tmp_path, ENTRY_DATES[shape])
    assert [p for p in log if p.startswith("/nieuws/")] == ["/nieuws/bericht-nieuw"]
    assert rows == {"/nieuws/bericht-nieuw": "2021-10-14T08:55" if "time" in shape else "2021-10-14"}
