"""News listings written as a definition list (HTML ``<dl>``: each entry a name-value group of ``<dt>`` and
``<dd>``): the date in the ``<dt>`` above the linked ``<dd>``, or in the ``<dd>`` under the linked ``<dt>``, dates
the entry (news-sites.md §2.3: the listing's date of an item), crawled over a loopback server of SYNTHETIC pages
into a real archive with a ``--from-date`` window."""

from __future__ import annotations

import pytest
from parsel import Selector

from spiders.news import listed_date
from tests.spiders.test_news_reference8 import HTML
from tests.spiders.test_news_reference13 import crawl_listing

ITEMS = {"/nieuws/bericht-oud": ("Inkoop jeugdhulp gestart", "14 oktober 2020"),
         "/nieuws/bericht-nieuw": ("Voorlopige gunning jeugdhulp", "14-okt-2021")}

GROUPS = {
    "date above the link": "<dt>{day}</dt><dd><a href='{path}'>{title}</a></dd>",
    "link above the date": "<dt><a href='{path}'>{title}</a></dt><dd>Geplaatst op {day}</dd>",
    "two values under one date": "<dt><span class='datum'>{day}</span></dt><dd>Nieuwsbericht</dd>"
                                 "<dd><a href='{path}'>{title}</a></dd>",
}


def definition_listing(group: str) -> tuple[str, bytes]:
    entries = "".join(GROUPS[group].format(path=path, title=title, day=day) for path, (title, day) in ITEMS.items())
    return (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'></head>"
                   f"<body><main><h1>Nieuws</h1><dl class='nieuwslijst'>{entries}</dl></main></body></html>").encode())


@pytest.mark.parametrize("group", GROUPS)
def test_a_definition_lists_date_dates_its_entry(tmp_path, group):
    """The entry's link and its date sit in sibling elements of one group: the date was no date of the entry, so its
    item was archived undated and a ``--from-date`` crawl asked the old one too."""
    rows, log = crawl_listing(tmp_path, definition_listing(group), {path: title for path, (title, _) in ITEMS.items()},
                              "--from-date", "2021-01-01")
    assert rows == {"/nieuws/bericht-nieuw": "2021-10-14"}
    assert [p for p in log if p.startswith("/nieuws/")] == ["/nieuws/bericht-nieuw"]


@pytest.mark.parametrize("listing", [
    # the date's group links another article: it is that article's group, not this one's
    "<dl><dt><a href='/b'>Ander bericht</a> 14 oktober 2021</dt><dd><a href='/a'>Titel</a></dd></dl>",
    # the date belongs to the group before: past this group's own name
    "<dl><dt>14 oktober 2021</dt><dd><a href='/b'>Ander bericht</a></dd><dt>Ongedateerd</dt>"
    "<dd><a href='/a'>Titel</a></dd></dl>",
], ids=["a group linking another article", "the group before"])
def test_a_date_of_another_group_does_not_date_the_entry(listing):
    page = Selector(text=f"<html><body><main>{listing}</main></body></html>")
    assert listed_date(page.css("a[href='/a']")[0].root, "/a") == ""
