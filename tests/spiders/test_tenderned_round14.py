"""TenderNed API conformance, round 14: what the thirteen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's, edited into the
documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import pytest

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (deadline 2021-11-15) listed
LATER = {"from_date": "2021-11-16", "until_date": "2021-11-20"}  # 300301 not listed: its re-check (open) has no row


@pytest.mark.parametrize("field", ["aanbestedingNaam", "publicatieDatum"])
def test_a_recheck_whose_detail_leaves_out_the_title_or_date_keeps_the_archived_ones(snapshot, serve_api, crawl,
                                                                                     field):
    """Fields go missing (reference §13); the list row's title and date stand in for a detail without them (§3).
    A re-check of an archived notice (an open one, every crawl until its deadline) has no list row: its detail
    without a title or publication date was dropped ("… nor has its list row"), by every crawl, each partial, and
    what the detail did say (the deadline a rectification moved, §3 "Gotcha") was never archived. The archive
    keeps the title and date it has, as for any value a detail leaves out, and takes the rest."""
    notice = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    kept = first.db["notices"].get(300301)
    del notice["detail"][field]
    notice["detail"]["sluitingsDatum"] = "2021-12-01T12:00:00"  # moved
    second = crawl(server.api_url, **LATER)
    assert "/papi/tenderned-rs-tns/v2/publicaties/300301" in server.api.log[len(server.api.log) // 2:]
    assert second.crawl["status"] == "complete", second.errors
    row = second.db["notices"].get(300301)
    assert row["deadline"] == "2021-12-01T12:00:00+01:00"
    assert (row["title"], row["published"], row["youth_care"]) == (kept["title"], kept["published"], 1)


AWARD_DAY = {"from_date": "2021-01-20", "until_date": "2021-01-20"}  # award 200288 listed; its contract notice
CONTRACT = "/papi/tenderned-rs-tns/v2/publicaties/200201"              # 200201 (2020-06-15) only through /gerelateerd


@pytest.mark.parametrize("answer, times, said", [
    ('{"status": 500, "error": "Internal Server Error"}', 5, "item dropped"),  # an error object sent with 200,
    # retried (round 75): past its four retries
    ('{"publicatieId": 2002', 5, "malformed JSON"),                            # cut short, past its four retries
])
def test_a_related_notice_whose_detail_answer_is_no_record_is_fetched_by_the_next_run(snapshot, serve_api, crawl,
                                                                                       answer, times, said):
    """A notice found only through ``/gerelateerd`` (§6: the contract notice of an award notice listed in the window)
    whose detail failed is asked again by the next run through the notice that led to it ("related to N"). A detail
    answered with something that is no record (an error object with status 200, dropped in validation; JSON cut
    short past its retries) was recorded without saying so: no list lists it, the award notice is archived, and
    the contract notice was never asked for again (the window listed again, the procedure left without it)."""
    server = serve_api(snapshot, faults={CONTRACT: [{"status": 200, "body": answer}] * times})
    first = crawl(server.api_url, **AWARD_DAY)
    assert first.crawl["status"] == "partial"
    assert [e for e in first.errors if said in e["error"] and e["error"].endswith("(related to 200288)")], first.errors
    assert first.db["notices"].get(200288) and 200201 not in {r["publication_id"] for r in first.db["notices"].rows}
    second = crawl(server.api_url, **AWARD_DAY)
    assert second.crawl["status"] == "complete", second.errors
    assert second.db["notices"].get(200201)["procurement_id"] == "TN243310"


def test_a_past_window_that_comes_short_over_several_pages_is_listed_again_day_by_day(snapshot, serve_api, crawl):
    """Rows repeat across pages (reference §12: the list has no stable order within a day, "Geen server-side
    sortering → backfill per datumvenster, niet per cursor"; split backfills into date windows, one day at a time):
    a past window paged over several pages that comes short of its ``totalElements`` was recorded and left so, and
    the next run listed the same window the same way, short again, every run partial and its window never moving
    on. It is listed again in halves, down to single days, within the crawl: 14 publications over two days, pages
    of 5 that repeat 2 rows, are all archived and the crawl is complete. A single day that stays short is still
    recorded (``test_rows_repeated_across_pages_do_not_hide_a_publication_that_never_came``)."""
    from tests.spiders.test_tenderned import _many

    server = serve_api(_many(snapshot, days=2, per_day=7), max_size=5, page_overlap=2)
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1000",
                   from_date="2021-03-01", until_date="2021-03-02")
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].count == 14
    assert "listing it again in two windows" in result.output
    halves = [p for p in server.api.log if "publicatieDatumVanaf=2021-03-02&publicatieDatumTot=2021-03-02" in p]
    assert halves, server.api.log


def test_a_notice_open_by_its_detail_countdown_is_rechecked_though_no_current_deadline_is_known(snapshot, serve_api,
                                                                                              crawl):
    """The list keeps the original closing date (reference §3, "Gotcha": a rectification moves only the detail's,
    by up to four months) and the detail often has no ``sluitingsDatum`` (§13); its countdown
    ``numberOfDaysBeforeAanmeldenInschrijven`` (§4: days left, -1/0 closed) says whether it is still open. Such a
    notice was taken as closed at the list's passed date and never re-checked: the nota van inlichtingen published
    while it stayed open never archived. The day its countdown ends (the day fetched plus the days left) is
    ``open_until``, and the notice is re-checked while that day is not past, as for a deadline."""
    from datetime import timedelta

    from tenderarchive.arguments import today as amsterdam_today

    notice = by_id(snapshot, 300301)
    del notice["detail"]["sluitingsDatum"]  # the list row's 2021-11-15 (the original) is all a crawl knows
    notice["detail"]["numberOfDaysBeforeAanmeldenInschrijven"] = 30
    server = serve_api(snapshot)
    first = crawl(server.api_url, from_date="2021-10-01", until_date="2021-12-31")
    assert first.crawl["status"] == "complete", first.errors
    row = first.db["notices"].get(300301)
    assert (row["deadline"], row["open_until"]) == ("2021-11-15T12:00:00+01:00",
                                                    (amsterdam_today() + timedelta(days=30)).isoformat())
    nota = dict(notice["documenten"]["documenten"][0], documentId=30030199, documentNaam="Nota van inlichtingen 1.pdf")
    notice["documenten"]["documenten"].append(nota)
    second = crawl(server.api_url, from_date="2021-12-20", until_date="2021-12-31")  # 300301 not listed
    assert second.crawl["status"] == "complete", second.errors
    assert second.db["documents"].get((300301, "30030199"))["name"] == "Nota van inlichtingen 1.pdf"

    notice["detail"]["numberOfDaysBeforeAanmeldenInschrijven"] = -1  # closed: no longer re-checked
    third = crawl(server.api_url, from_date="2021-12-20", until_date="2021-12-31")
    fourth = crawl(server.api_url, from_date="2021-12-20", until_date="2021-12-31")
    assert third.db["notices"].get(300301)["open_until"] is None and fourth.crawl["status"] == "complete"
    assert server.api.log.count("/papi/tenderned-rs-tns/v2/publicaties/300301") == 3  # crawls 1, 2 and 3


def test_a_past_day_that_comes_short_over_several_pages_is_listed_once_more(snapshot, serve_api, crawl):
    """A working day has up to 105 publications (reference §2), more than one page of 100, and the list has no stable
    order within a day (§12: rows repeat across pages), so a day paged over several pages can come short while a
    second listing, in another order, shows the rows the first did not. Only a window reaching today was listed
    once more; a past day was recorded, and the next run listed it the same way. It is listed once more too: 13
    publications of one day in pages of 5, the first listing repeating 2 rows a page, are all archived. A day that
    stays short is still recorded (``test_rows_repeated_across_pages_do_not_hide_a_publication_that_never_came``)."""
    from tests.spiders.test_tenderned import _many

    server = serve_api(_many(snapshot, days=1, per_day=13), max_size=5, page_overlap=2)

    def another_order_after_the_first_listing(page, params):
        if page["number"] == 2:  # the first listing's last page: the next listing comes in another order
            server.api.page_overlap = 0
        return page

    server.api.envelope = another_order_after_the_first_listing
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].count == 13
    assert "listing the window once more" in result.output


@pytest.mark.parametrize("how", ["ended early", "VBE"])
def test_a_procedure_ended_early_awaits_no_award_notice(snapshot, serve_api, crawl, how):
    """A youth-care procedure with no award notice archived has its ``/gerelateerd`` asked by every crawl for a year
    after its last date, as its award notice can come months later. A procedure ended early (the detail's
    ``isVroegtijdigBeeindigd``, reference §4; a ``VBE`` notice, vroegtijdige beëindiging, §7.1) gets none: it was asked
    all the same, a request per crawl for a year. It is no longer asked once the archive says it ended."""
    contract = by_id(snapshot, 300301)
    if how == "VBE":
        contract["detail"]["aankondigingCode"] = {"code": "VBE", "omschrijving": "Vroegtijdige beëindiging"}
        contract["list"]["typePublicatie"] = {"code": "VBE", "omschrijving": "Vroegtijdige beëindiging"}
        contract["detail"]["formType"] = None
    else:
        contract["detail"]["isVroegtijdigBeeindigd"] = True
    server = serve_api([p for p in snapshot if p["list"]["publicatieId"] != "300377"])  # its award notice never came
    first = crawl(server.api_url, from_date="2021-10-01", until_date="2021-12-31")
    assert first.crawl["status"] == "complete", first.errors
    began = len(server.api.log)
    second = crawl(server.api_url, from_date="2022-01-10", until_date="2022-01-20")
    assert second.crawl["status"] == "complete", second.errors
    assert "/papi/tenderned-rs-tns/v2/publicaties/300301/gerelateerd" not in server.api.log[began:]
    assert "tenderned/awaiting_results" not in second.output
