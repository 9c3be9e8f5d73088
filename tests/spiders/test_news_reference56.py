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
    from tests.spiders.test_news_reference8 import HTML
    from tests.spiders.test_news_reference13 import crawl_listing

    items = {"/nieuws/bericht-oud": ("Inkoop jeugdhulp gestart", "14 oktober 2020", "10:05"),
             "/nieuws/bericht-nieuw": ("Voorlopige gunning jeugdhulp", "14 oktober 2021", "08:55")}
    entries = "".join(f"<li><h2><a href='{path}'>{title}</a></h2>{ENTRY_DATES[shape].format(day=day, time=time)}"
                      "<p>Lees meer over de inkoop van jeugdhulp in de regio.</p></li>"
                      for path, (title, day, time) in items.items())
    listing = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      f"</head><body><main><h1>Nieuws</h1><ul>{entries}</ul></main></body></html>").encode())
    rows, log = crawl_listing(tmp_path, listing, {path: title for path, (title, _, _) in items.items()},
                              "--from-date", "2021-01-01")
    assert [p for p in log if p.startswith("/nieuws/")] == ["/nieuws/bericht-nieuw"]
    assert rows == {"/nieuws/bericht-nieuw": "2021-10-14T08:55" if "time" in shape else "2021-10-14"}
