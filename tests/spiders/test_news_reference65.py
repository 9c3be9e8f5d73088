"""The news spider, sixty-fifth pass against docs/reference/news-sites.md as an evaluator would test it: §2.3's label
family naming the kind of message the page is before "van" or "d.d." and its day ("Bericht van 14 oktober 2021",
"Persbericht d.d. 14-10-2021"), on real loopback crawls of SYNTHETIC pages (labelled like tests/fixtures/news),
crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest

from tests.spiders.test_news_reference60 import ARTICLE
from tests.spiders.test_news_reference61 import assert_only_the_article
from tests.spiders.test_news_reference62 import crawl_at

#: SYNTHETIC info lines under an article's title: the kind of message, "van" or "d.d.", its day; and the day meant.
MESSAGE_LINES = {
    "bericht van": ("<p class='meta'>Bericht van 14 oktober 2021</p>", "2021-10-14"),
    "nieuwsbericht van": ("<p class='meta'>Nieuwsbericht van 3 maart 2022 om 10.15 uur</p>", "2022-03-03T10:15"),
    "persbericht d.d.": ("<p class='meta'>Persbericht d.d. 14-10-2021</p>", "2021-10-14"),
    "mededeling van above": ("<dl class='meta'><dt>Mededeling van</dt><dd>14-10-2021</dd></dl>", "2021-10-14"),
}


@pytest.mark.parametrize("form", sorted(MESSAGE_LINES))
def test_a_message_label_with_van_or_dd_dates_the_article(tmp_path, form):
    """An info line naming the kind of message the page is, then "van" or "d.d." (de dato) and its day ("Bericht van
    14 oktober 2021", "Nieuwsbericht van 3 maart 2022", "Persbericht d.d. 14-10-2021", the label above its date in a
    ``<dl>``): the article was archived undated with the line in its text. Its day is the publication date (stated),
    and the line is metadata, not text."""
    info, day = MESSAGE_LINES[form]
    rows = crawl_at(tmp_path, "/nieuws/inkoop", info + ARTICLE)
    text = assert_only_the_article(rows, absent=("bericht van", "bericht d.d.", "Mededeling"))
    assert [(r["published"], r["published_source"]) for r in rows] == [(day, "stated")]
    assert text.startswith("De gemeenten Heerlen")


def test_a_release_named_in_a_list_of_links_does_not_date_the_page(tmp_path):
    """A line naming an earlier release and more than its day ("Persbericht van 3 maart 2022 (pdf)", a living page's
    list of documents) is a link's, not the page's date line: the address's day dates the article."""
    links = "<p>Persbericht van 3 maart 2022 (pdf)</p>"
    rows = crawl_at(tmp_path, "/nieuws/2021-10-13-inkoop-jeugdhulp", ARTICLE + links)
    assert [(r["published"], r["published_source"]) for r in rows] == [("2021-10-13", "url")]
