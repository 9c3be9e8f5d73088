"""The pages at a phone's width (375 px): nothing makes the page scroll sideways."""

import pytest

PAGES = ["/archive/notices", "/archive/articles", "/archive/procurements", "/archive/events", "/archive/fetches",
         "/archive/award_notices", "/archive/changed_notices", "/archive/search_all?q=jeugdhulp",
         "/-/jeugdregio/JZ18", "/-/jeugdregio/JZ05", "/-/aanbesteding?id=TN243310", "/-/markt", "/-/woordenlijst"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_fits_a_phone(page, browser_server, path):
    """On a phone Datasette shows each row as a card; a long address in a cell (a notice's TenderNed URL, an
    article's) did not wrap and ran off it, and a table page's CREATE TABLE at its foot was wider still: the
    whole page scrolled sideways (459 px of 375 on the notices table; the glossary's tables 641 px). Cells wrap,
    the SQL and the glossary's tables scroll in their boxes."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(browser_server.base + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


#: per section of a research page: its header's words, the label each cell shows on a phone (its ``::before``),
#: and how far its rows run past their box (the table's wrapper scrolls sideways)
RESEARCH_CARDS = """() => [...document.querySelectorAll('section[data-query] table.rows-and-columns')].map(table => {
  const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
  const wrapper = table.closest('.table-wrapper');
  const unlabelled = [];
  for (const tr of table.querySelectorAll('tbody tr')) [...tr.children].forEach((td, i) => {
    const label = getComputedStyle(td, '::before').content;
    if (label !== JSON.stringify(heads[i])) unlabelled.push([heads[i], label]);
  });
  return {section: table.closest('section').dataset.query, unlabelled: unlabelled.slice(0, 3),
          runs_off: wrapper.scrollWidth - wrapper.clientWidth};
})"""


@pytest.mark.parametrize("path", ["/-/aanbesteding?id=TN243310", "/-/jeugdregio/JZ18", "/-/aanbieder?id=name%3Acardea"])
def test_a_research_page_on_a_phone_names_each_value_on_its_card(page, browser_server, path):
    """A phone shows each row as a card and hides the header row; Datasette's own pages label each value with its
    column, the research pages labelled none: a procurement's lot was a card of "1", "1", "2", "200288" (which was
    the lot, which the tenders received?), and a notice's or article's address ran off the card, to be scrolled
    to sideways. Each value is now named by its column, and every card keeps its text on it."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(browser_server.base + path)
    sections = page.evaluate(RESEARCH_CARDS)
    assert len(sections) >= 2
    assert [s for s in sections if s["unlabelled"] or s["runs_off"] > 0] == []
