"""What researchers, analysts and journalists see in a browser."""

import csv
import io
import xml.etree.ElementTree as ET

from tests.datasette.archive_fixtures import DEMO_NOTICES, XSS_ID

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_home_page_explains_the_archive_and_its_caveats(page, browser_server):
    page.goto(browser_server.base + "/")
    text = page.inner_text("body")
    assert "youth-care" in text and "Synthetic demo data" in text
    for caveat in ("Winners and values come from", "relevance classifier", "Youth care is a classification"):
        assert caveat in text
    assert page.locator("a", has_text="award notices and who won them").count() == 1


def test_a_dutch_search_from_the_home_page_finds_the_notices(page, browser_server):
    page.goto(browser_server.base + "/")
    page.fill("#tenderarchive-q", "aanbestedingen jeugdzorg")
    page.click("button:has-text('Zoek')")
    page.wait_for_url("**/search_all?**")
    titles = page.locator("table.rows-and-columns td.col-title").all_inner_texts()
    assert "Verwerving jeugdhulp Zuid-Kennemerland en IJmond 2023" in titles
    assert "Marktconsultatie inkoop jeugdhulp Zeeland" in titles
    assert not any("Wmo" in t for t in titles)


def test_a_facet_click_filters_the_notices(page, browser_server):
    page.goto(f"{browser_server.db}/notices")
    assert f"{DEMO_NOTICES + 1} rows" in page.inner_text("h3")
    page.click("ul.tight-bullets li a:has-text('AGO')")
    page.wait_for_url("**notice_type=AGO**")
    assert "5 rows" in page.inner_text("h3")   # four API award notices and the OCDS package's award publication
    assert set(page.locator("td.col-notice_type").all_inner_texts()) == {"AGO"}


def test_a_saved_search_renders_and_its_atom_feed_parses(page, browser_server):
    page.goto(f"{browser_server.db}/award_notices")
    assert page.inner_text("h1").startswith("Award notices and who won them")
    assert "Cardea, Gemiva-SVG Groep" in page.inner_text("table.rows-and-columns")
    response = page.request.get(f"{browser_server.db}/award_notices.atom")
    assert response.ok
    feed = ET.fromstring(response.body())
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert len(titles) == 5 and any("Cardea" in t for t in titles)   # the OCDS package's award among them


def test_a_csv_download_has_every_row(page, browser_server):
    page.goto(f"{browser_server.db}/notices?_size=5")
    page.goto(f"{browser_server.db}/notices?_size=5#export")
    page.check("input[name=_dl]")
    page.check("input[name=_stream]")
    with page.expect_download() as info:
        page.click("form[action$='notices.csv'] input[type=submit]")
    content = open(info.value.path(), encoding="utf-8").read()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == DEMO_NOTICES + 1  # all rows, not the page of 5
    assert {int(r["publication_id"]) for r in rows} >= {100101, 800801, XSS_ID}


def test_scraped_html_is_shown_as_text_and_never_runs(page, browser_server):
    for path in (f"/notices/{XSS_ID}", f"/notices?publication_id={XSS_ID}",
                 "/search_all?q=XSS-proef", "/by_jeugdregio?jeugdregio=JZ18"):
        page.goto(browser_server.db + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert "<script>window.__xss=1</script>" in page.inner_text("body"), path
    assert page.locator("img[src=x]").count() == 0
