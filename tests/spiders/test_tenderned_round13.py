"""TenderNed API conformance, round 13: what the twelve earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's, edited into the
documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

DAY = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; its award 200288 related
DATE_FILTER = ("publicatieDatumVanaf", "publicatieDatumTot")


def archived(result) -> list[int]:
    return [row["publication_id"] for row in result.db.query("select publication_id from notices order by 1")]


def test_a_list_that_ignores_the_date_window_is_recorded_and_not_paged(snapshot, serve_api, crawl):
    """Unknown parameters are silently ignored (reference §2, §12.5: check every filter) and TenderNed may change its
    web service without notice (§1). A list answering every publication whatever ``publicatieDatumVanaf``/``Tot``
    say was paged as the window's: a crawl of one day fetched the notices of five years and ended complete (live,
    the whole dataset: 145k notices). A page whose rows were mostly published outside the window is the API
    ignoring the date filter: recorded per query, naming the days listed, the window not paged further (its own
    rows on that page fetched), the crawl partial so the next run lists the window again."""
    server = serve_api(snapshot, ignore_params=DATE_FILTER)
    result = crawl(server.api_url, **DAY)
    assert result.returncode != 0
    assert result.crawl["status"] == "partial"
    errors = [e["error"] for e in result.errors]
    assert errors and all("the API ignored the date filter?" in e for e in errors), errors
    assert any("query 'cpv' on 2020-06-15..2020-06-15: 10 of the 11 rows of page 0 were published outside the "
               "window (2018-03-13..2022-10-21)" in e for e in errors), errors
    assert archived(result) == [200201, 200288]  # the day's notice, and its award through /gerelateerd

    honoured = crawl(serve_api(snapshot).api_url, **DAY)  # the same day, the filter honoured: complete as ever
    assert honoured.crawl["status"] == "complete", honoured.errors
    assert archived(honoured) == [200201, 200288]


def test_a_stray_row_dated_outside_the_window_is_no_ignored_filter(snapshot, serve_api, crawl):
    """A minority of rows dated outside the window (one of eleven: a clock read in another zone, a back-dated row) is
    no ignored filter: the window is paged and every row fetched, as before."""
    def one_stray_row(page, params):
        if len(page["content"]) > 2:
            page["content"][0] = {**page["content"][0], "publicatieDatum": "2016-12-30"}
        return page

    server = serve_api(snapshot, envelope=one_stray_row)
    result = crawl(server.api_url, from_date="2018-01-01", until_date="2022-12-31")
    assert result.crawl["status"] == "complete", result.errors
    assert "tenderned/date_filter_ignored" not in result.output
    assert len(archived(result)) == 12


def test_the_pdf_is_asked_for_as_a_pdf_not_as_json(serve_api, crawl):
    """``/pdf`` returns ``application/pdf`` (reference §1, §6); every request carried the spider's default ``Accept:
    application/json``, so an endpoint that negotiates (a Spring endpoint producing PDF answers 406 Not Acceptable)
    refused the PDF fallback of every award notice whose /html named no winner: the winners never read, the crawl
    partial every run. The PDF is asked for as one; every other request still asks for JSON."""
    from tests.spiders.test_award_pdf_crawl import BARE, EFORMS_PAGES, WINDOW, award, template
    from tests.fixtures.awards.pdf_writer import text_pdf

    server = serve_api([award(template(), 960007, BARE, pdf=text_pdf(EFORMS_PAGES))])
    result = crawl(server.api_url, **WINDOW)
    assert result.crawl["status"] == "complete", result.errors
    asked = dict(zip(server.api.log, server.api.accept))
    assert asked["/papi/tenderned-rs-tns/v2/publicaties/960007/pdf"].startswith("application/pdf")
    assert {accept for path, accept in asked.items() if not path.endswith("/pdf")} == {"application/json"}
    assert [r["source"] for r in result.db.query("select source from awards")] == ["tenderned_pdf"]
    assert [r["name"] for r in result.db.query("select name from award_suppliers order by name")] == \
        ["Jeugdhulp Rijn B.V.", "Stichting Zorg Oost"]
