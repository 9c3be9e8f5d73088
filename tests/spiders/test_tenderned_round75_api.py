"""TenderNed API conformance, round 75, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive, as an evaluator with a server of exactly the documented shapes (docs/reference/tenderned-api.md) would test
it. The records are SYNTHETIC."""

from __future__ import annotations

import json

import pytest

from tests.conftest import by_id

API = "/papi/tenderned-rs-tns/v2"
ENDPOINTS = ["/publicaties/300301", "/publicaties/100101/documenten", "/publicaties/200201/gerelateerd",
             "/publicaties/200288/html"]


def answer(value) -> dict:
    return {"status": 200, "body": json.dumps(value)}


# --- 1. an error object without ``timestamp`` (round 74 left it recorded) ------------------------------------------

@pytest.mark.parametrize("path", ENDPOINTS)
def test_an_error_object_without_a_timestamp_sent_with_200_is_retried_within_the_crawl(
        snapshot, serve_api, crawl, path):
    """``{"status": 503, "error": "Service Unavailable", "path": …}`` (a gateway's or a filter's error object, Spring's
    without its ``timestamp``) for a detail, ``/documenten``, ``/gerelateerd`` or an award notice's ``/html`` was read
    as that endpoint's answer: the notice dropped or its documents unread, recorded, the crawl partial. It is made of
    error keys alone, which no record of those endpoints is (§4–§6: a detail has its ``publicatieId``, a documents list
    its ``documenten``, a rendering its ``html``, ``/gerelateerd`` is an array): retried as a 503 is."""
    path = API + path
    server = serve_api(snapshot, faults={path: [answer({"status": 503, "error": "Service Unavailable",
                                                        "path": path})]})
    result = crawl(server.api_url)
    assert result.returncode == 0, result.errors
    assert result.crawl["status"] == "complete"
    assert server.api.log.count(path) == 2
    assert "error object sent with 200 (status 503)" in result.output
    assert result.db["notices"].get(300301) and result.db["notices"].get(100101)["documents_unread"] is None


def test_a_problem_details_object_sent_with_200_is_retried_within_the_crawl(snapshot, serve_api, crawl):
    """RFC 9457's problem details (Spring 6's ``ProblemDetail``: ``type``, ``title``, ``status``, ``detail``,
    ``instance``) saying 500, for a detail: the same error in another of Spring's shapes, retried."""
    path = API + "/publicaties/300301"
    problem = {"type": "about:blank", "title": "Internal Server Error", "status": 500,
               "detail": "Failed to read the publication", "instance": path}
    server = serve_api(snapshot, faults={path: [answer(problem)]})
    result = crawl(server.api_url)
    assert result.returncode == 0, result.errors
    assert server.api.log.count(path) == 2
    assert result.db["notices"].get(300301)["title"] == by_id(snapshot, 300301)["detail"]["aanbestedingNaam"]


def test_a_record_that_also_carries_status_and_error_is_read_as_the_record_not_asked_again(
        snapshot, serve_api, crawl):
    """A detail with its own ``publicatieId`` (and every other field) that also carries ``status`` 503 and ``error``
    is no unambiguous error object: a record of that endpoint (§4's list is not closed) could carry such keys. It is
    archived as sent, asked once."""
    path = API + "/publicaties/300301"
    detail = {**by_id(snapshot, 300301)["detail"], "status": 503, "error": "Service Unavailable"}
    server = serve_api(snapshot, faults={path: [answer(detail)]})
    result = crawl(server.api_url)
    assert result.returncode == 0, result.errors
    assert server.api.log.count(path) == 1
    assert result.db["notices"].get(300301)["title"] == detail["aanbestedingNaam"]


def test_an_object_of_a_status_alone_is_no_error_object_and_is_recorded_once(snapshot, serve_api, crawl):
    """``{"status": 503, "path": …}``: no ``error`` (nor ``title``) says it is an error object, and it is no
    detail either: recorded as before (the crawl partial, the notice asked by the next run), not asked again."""
    path = API + "/publicaties/300301"
    server = serve_api(snapshot, faults={path: [answer({"status": 503, "path": path})]})
    result = crawl(server.api_url)
    assert server.api.log.count(path) == 1
    assert result.crawl["status"] == "partial" and result.returncode == 3
    assert [e for e in result.errors if (e["url"] or "").endswith(path)], result.errors
    assert not result.db["notices"].count_where("publication_id = 300301")


# --- 2. documented behaviours no test checked yet ------------------------------------------------------------------

@pytest.mark.parametrize("error", [
    {"timestamp": "2026-12-07T23:01:02.123+00:00", "status": 503, "error": "Service Unavailable"},
    {"status": 500, "error": "Internal Server Error"}], ids=["spring", "without timestamp"])
def test_a_notice_pdf_answered_by_an_error_object_is_retried_and_its_winners_archived(serve_api, crawl, error):
    """§1 [H]: ``/publicaties/{id}/pdf`` answers ``application/pdf``, the official notice (§6: the winners of an award
    notice whose ``/html`` names none). An error object sent with 200 in its place, saying 503 or 500, was taken for
    "not a PDF": recorded, the winners left to the next run, the crawl partial. It is the server failing as that
    status does, as it is on every other endpoint: retried, and the retry's PDF read, the crawl complete."""
    import sqlite_utils

    from tests.fixtures.awards.pdf_writer import text_pdf
    from tests.spiders.test_award_pdf_crawl import BARE, EFORMS_PAGES, PDF_PATH, WINDOW, award, template

    server = serve_api([award(template(), 960011, BARE, pdf=text_pdf(EFORMS_PAGES))])
    path = PDF_PATH.format(960011)
    server.api.faults[path] = [{**answer({**error, "path": path}),
                                "headers": {"Content-Type": "application/json"}}]
    result = crawl(server.api_url, **WINDOW)
    assert result.crawl["status"] == "complete", result.errors
    assert server.api.log.count(path) == 2
    db = sqlite_utils.Database(result.db_path)
    assert [r["source"] for r in db.query("select source from awards where publication_id = 960011")] == [
        "tenderned_pdf"]
    if error.get("timestamp") is None:  # the WARC holds the error object and the PDF: rebuilt as the crawl read it
        from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same

        assert_reparse_gives_the_same(result.db_path)


def test_a_notice_pdf_answered_by_a_refusal_object_is_recorded_not_asked_again(serve_api, crawl):
    """The other way: an error object saying 400 (the request refused, not retried as that status is not) in place
    of the PDF is recorded as no PDF, asked once, saying what the server said (it said only "not a PDF (HTTP 200,
    application/json, N bytes)")."""
    from tests.fixtures.awards.pdf_writer import text_pdf
    from tests.spiders.test_award_pdf_crawl import BARE, EFORMS_PAGES, PDF_PATH, WINDOW, award, template

    server = serve_api([award(template(), 960012, BARE, pdf=text_pdf(EFORMS_PAGES))])
    path = PDF_PATH.format(960012)
    server.api.faults[path] = [answer({"status": 400, "error": "Bad Request", "path": path})]
    result = crawl(server.api_url, **WINDOW)
    assert result.crawl["status"] == "partial" and server.api.log.count(path) == 1
    (said,) = [e["error"] for e in result.errors if e["url"].endswith(path)]
    assert said.startswith("not a PDF (HTTP 200, application/json, ") and (
        "): an error object sent with HTTP 200: 400 Bad Request (the PDF of an award notice") in said, said


def windows_of(api) -> dict[str, list[tuple[str, str]]]:
    """The date windows each list query (its parameters but ``page``, ``size`` and the dates) was paged over."""
    from urllib.parse import parse_qs, urlsplit

    from tests.spiders.test_tenderned import list_requests

    out: dict[str, set] = {}
    for path in list_requests(api):
        params = parse_qs(urlsplit(path).query)
        if params["size"] == ["1"]:
            continue  # the window's count and the filter checks' controls, not pages
        query = "&".join(f"{k}={v}" for k, values in sorted(params.items()) for v in values
                         if k not in ("page", "size", "publicatieDatumVanaf", "publicatieDatumTot"))
        out.setdefault(query, set()).add((params["publicatieDatumVanaf"][0], params["publicatieDatumTot"][0]))
    return {query: sorted(windows) for query, windows in out.items()}


def test_a_window_split_to_fit_the_cap_covers_every_day_once_both_ends_inclusive(snapshot, serve_api, crawl):
    """§2 [H]: ``publicatieDatumVanaf`` and ``publicatieDatumTot`` are both inclusive, a single day the same date on
    both ends; only the first (``page`` ≤ 99) × ``size`` rows of a query are reachable, so a backfill is split into
    date windows (§2, §12.1). Four days of 6 notices, pages of 5 and at most 2 pages (10 rows): every query's window
    is halved until it fits, down to single days asked ``Vanaf == Tot``; the windows paged (those not split) cover
    each day exactly once, no day asked twice by two halves nor skipped between them, and every notice is archived."""
    from datetime import date, timedelta

    from tests.spiders.test_tenderned import _many

    days = [(date(2021, 3, 1) + timedelta(days=d)).isoformat() for d in range(4)]
    server = serve_api(_many(snapshot, days=4, per_day=6), max_size=5, max_page=1)
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_MAX_PAGE=1",
                   from_date=days[0], until_date=days[-1])
    assert result.returncode == 0, result.errors
    assert result.db["notices"].count == 24 and result.crawl["status"] == "complete"
    (windows,) = windows_of(server.api).values()
    split = {w for w in windows if any(o != w and w[0] <= o[0] and o[1] <= w[1] for o in windows)}
    paged = sorted(set(windows) - split)
    assert paged == [(day, day) for day in days], windows
    assert result.crawl["expected_rows"] == result.crawl["fetched_rows"] == 24


@pytest.mark.parametrize("rows, pages, cap", [(10, [0, 1], 1), (12, [0, 1, 2], 2), (5, [0], 2)],
                         ids=["exactly the cap", "last page short", "one full page"])
@pytest.mark.parametrize("omit", [(), ("totalPages", "last")], ids=["whole envelope", "without totalPages, last"])
def test_paging_ends_at_the_last_page_without_asking_past_it_or_splitting_a_window_that_fits(
        snapshot, serve_api, crawl, rows, pages, cap, omit):
    """§3 [H]: stop paging on ``last == true``, or when ``number + 1 >= totalPages``, or at page 99 (here
    ``TENDERNED_MAX_PAGE``, the last page asked): a day of exactly as many rows as the query can reach (2 pages of
    5) is paged whole and not split, a last page that comes short ends the paging, a single full page is the only
    one; no page past the end is asked, whether the envelope says ``totalPages`` and ``last`` or only
    ``totalElements`` and ``size``."""
    from tests.spiders.test_tenderned import _many

    day = "2021-03-01"
    server = serve_api(_many(snapshot, days=1, per_day=rows), max_size=5, max_page=cap, omit_envelope=omit)
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", "-s", f"TENDERNED_MAX_PAGE={cap}",
                   from_date=day, until_date=day)
    assert result.returncode == 0, result.errors
    assert result.db["notices"].count == rows and result.crawl["status"] == "complete"
    import re

    from tests.spiders.test_tenderned import list_requests
    asked = sorted(int(re.search(r"[?&]page=(\d+)", p).group(1)) for p in list_requests(server.api) if "size=5" in p)
    assert asked == pages, asked
    assert "splitting the window" not in result.output


def test_a_list_page_refused_in_problem_details_is_recorded_with_what_it_said(snapshot, serve_api, crawl):
    """A list page answered with RFC 9457 problem details (Spring 6's ``ProblemDetail``) saying 400: not asked again
    (the request refused), recorded with its title and detail as Spring's error object is with its error and message
    (it said only "an error object sent with HTTP 200: 400")."""
    from tests.spiders.test_tenderned import _many

    day = "2021-03-01"
    path = f"{API}/publicaties?page=1&size=5&publicatieDatumVanaf={day}&publicatieDatumTot={day}"
    problem = {"type": "about:blank", "title": "Bad Request", "status": 400,
               "detail": "Failed to convert value of type 'java.lang.String'", "instance": f"{API}/publicaties"}
    server = serve_api(_many(snapshot, days=1, per_day=13), max_size=5, faults={path: [answer(problem)]})
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=day, until_date=day)
    assert server.api.log.count(path) == 1 and result.returncode == 3
    assert [e["error"] for e in result.errors if (e["url"] or "").endswith(path)] == [
        "list page without totalElements: not a page envelope (an error object sent with HTTP 200: 400 Bad Request "
        "Failed to convert value of type 'java.lang.String')"], result.errors
