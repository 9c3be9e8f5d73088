"""The news spider, sixty-fourth pass against docs/reference/news-sites.md as an evaluator would test it: §2.3's date
lines with a two-digit year after an apostrophe in a numeric date, a comma before the year, the "Datum bericht" label
family, and a weekday that is not the date's day, on real loopback crawls of SYNTHETIC pages (labelled like
tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest

from tests.spiders.test_news_reference60 import ARTICLE
from tests.spiders.test_news_reference61 import assert_only_the_article
from tests.spiders.test_news_reference62 import crawl_at

#: SYNTHETIC info lines under an article's title that §2.3's grammar did not read, and the date each states.
INFO_LINES = {
    "short numeric year": ("<p class='byline'>Redactie 14-10-'21</p>", "2021-10-14"),
    "comma before the year": ("<p class='meta'>Gepubliceerd op 14 maart, 2021 om 10.15 uur</p>", "2021-03-14T10:15"),
    "datum bericht": ("<p class='meta'>Datum bericht 14 oktober 2021</p>", "2021-10-14"),
    "datum bericht above": ("<dl class='meta'><dt>Datum nieuwsbericht</dt><dd>14-10-2021</dd></dl>", "2021-10-14"),
}


@pytest.mark.parametrize("form", sorted(INFO_LINES))
def test_an_info_line_in_a_form_the_grammar_missed_dates_the_article(tmp_path, form):
    """§2.3 "byline + numeric" with the year short ("Redactie 14-10-'21"), a long date with a comma before its year,
    and a label of the publication family naming the item ("Datum bericht", "Datum nieuwsbericht" above its date in a
    ``<dl>``): the article was archived undated with its info line in its text. The line's date is its publication
    date (stated), and the line is metadata, not text."""
    info, day = INFO_LINES[form]
    rows = crawl_at(tmp_path, "/nieuws/inkoop", info + ARTICLE)
    text = assert_only_the_article(rows, absent=("Datum", "Redactie", "Gepubliceerd"))
    assert [(r["published"], r["published_source"]) for r in rows] == [(day, "stated")]
    assert text.startswith("De gemeenten Heerlen")


@pytest.mark.parametrize("line", ["Wednesday 14 October 2021", "woensdag 14 oktober 2021"])
def test_a_date_line_whose_weekday_is_not_its_day_gives_way_to_the_address_date(tmp_path, line):
    """A date line whose weekday is another day's ("Wednesday 14 October 2021": the 14th was a Thursday), in English
    or Dutch, dated the article the 14th over the day its address gives. It states no date: the address's day
    (``/nieuws/2021-10-13-…``) dates the article."""
    rows = crawl_at(tmp_path, "/nieuws/2021-10-13-inkoop-jeugdhulp", f"<p class='date'>{line}</p>" + ARTICLE)
    assert [(r["published"], r["published_source"]) for r in rows] == [("2021-10-13", "url")]
