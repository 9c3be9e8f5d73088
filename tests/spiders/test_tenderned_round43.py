"""TenderNed API conformance, round 43, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: an ``/html`` (reference §6) answered HTTP 200 by a login page where the archive holds a read rendering's row
of the notice: one an OCDS package wrote (tenderned-awards.md §6, §8.8), one read while the notice was a contract
notice that is now an award notice (§7.1). The records and the package are SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id, run_crawl
from tests.spiders.test_awards_crawl import WINDOW, _datasets, award_server, rows, scrapy_ocds  # noqa: F401 (a fixture)
from tests.spiders.test_tenderned_round34 import LOGIN

HTML = "/papi/tenderned-rs-tns/v2/publicaties/{}/html"


def test_a_row_an_ocds_package_wrote_is_not_replaced_by_the_apis_first_login_page_read(award_server, tmp_path):
    """An award notice an OCDS package archived first (its winner, its value: layout "ocds") whose ``/html`` the API
    crawl asks (a package's row is no rendering read) and the API answers HTTP 200 with a login page: the row of layout
    "unknown" that counts nothing replaced the package's, its award gone from the archive's readers. The package's row
    and award are kept, the rendering still unread (recorded, the crawl partial: no crawl recorded it before, and
    only one given up after ``TENDERNED_HTML_ATTEMPTS`` is just logged), and the next run reads it."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    dump = package([release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                            "85311300-5", lots=[("LOT-0001", "Jeugd-GGZ")],
                            parties=[supplier("01234567", "Stichting Jeugdhulp Noord")],
                            awards=[{"id": "a1", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                                     "value": {"amount": 999999.99, "currency": "EUR"}, "relatedLots": ["LOT-0001"]}])])
    award_server.api.datasets = _datasets(tmp_path / "datasets", {"Dataset_Tenderned-2025-01-01-2025-12-31.json": dump})
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    package_row = rows(db, "select layout, award_count from notice_results where publication_id = 900102")
    assert package_row == [{"layout": "ocds", "award_count": 1}]

    award_server.api.faults[HTML.format(900102)] = [LOGIN]
    first = run_crawl(award_server.api_url, db, **WINDOW)
    assert [e["url"].rsplit("/", 2)[-2:] for e in first.errors] == [["900102", "html"]], first.output[-3000:]
    assert first.crawl["status"] == "partial"
    assert rows(db, "select layout, award_count from notice_results where publication_id = 900102") == package_row
    assert rows(db, "select count(*) as n from awards where publication_id = 900102") == [{"n": 1}]

    second = run_crawl(award_server.api_url, db, **WINDOW)  # the rendering answers again
    assert rows(db, "select layout from notice_results where publication_id = 900102") == [{"layout": "eforms"}], \
        second.output[-3000:]


OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (deadline 2021-11-15) listed
LATER = {"from_date": "2021-11-16", "until_date": "2021-11-20"}  # 300301 not listed: re-checked (open)


def test_a_contract_notice_become_an_award_notice_whose_html_is_a_login_page_keeps_its_row_and_is_read_next_run(
        snapshot, serve_api, crawl):
    """A contract notice whose detail now gives it as an award notice (reference §7.1: ``aankondigingCode`` AGO,
    ``formType`` "result") has its ``/html`` read again; answered HTTP 200 by a login page, the row of layout
    "unknown" replaced the contract notice's (its lots, its estimated value), and, its type now archived as the award
    notice's, the rendering was never asked again. The archived row is kept, the failure recorded (the crawl
    partial), and the next run asks the ``/html`` again and reads the award notice's rendering."""
    from tests.spiders.test_tenderned_round34 import contract_rendering

    notice = by_id(snapshot, 300301)
    award_html = by_id(snapshot, 300377)["html"]
    notice["html"] = contract_rendering()
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    kept = first.db["notice_results"].get(300301)
    assert (kept["layout"], kept["lot_count"], kept["award_count"]) == ("eforms", 3, 0)

    notice["detail"]["aankondigingCode"] = {"code": "AGO", "omschrijving": "Aankondiging gegunde opdracht"}
    notice["detail"]["formType"] = "result"
    notice["html"] = award_html
    server.api.faults[HTML.format(300301)] = [LOGIN]
    second = crawl(server.api_url, **LATER)
    assert second.crawl["status"] == "partial", second.errors
    assert any(e["url"].endswith("/300301/html") for e in second.errors), second.errors
    assert second.db["notice_results"].get(300301) == kept
    assert second.db["notices"].get(300301)["notice_type"] == "AGO"

    third = crawl(server.api_url, **LATER)  # the rendering answers again
    now = third.db["notice_results"].get(300301)
    assert (now["layout"], now["award_count"]) == ("eforms", 3), third.output[-3000:]
    assert third.crawl["status"] == "complete", third.errors


CLOSED = {"from_date": "2021-10-01", "until_date": "2021-12-31"}  # 300301 listed, past its deadline and the margin


def test_a_closed_contract_notices_html_that_fails_is_recorded_and_read_next_run(snapshot, serve_api, crawl):
    """A closed contract notice's ``/html`` (its lots and their estimated values: tenderned-awards.md §1) that fails
    (an HTTP 500 past its retries) was only logged: no re-check while open asks it again, so its lots' estimates were
    lost for good and the crawl said complete. It is recorded (the crawl partial), and the next run asks it again
    (the notice not listed as new: its detail re-checked) and reads it."""
    from tests.spiders.test_tenderned_round34 import contract_rendering

    by_id(snapshot, 300301)["html"] = contract_rendering()
    server = serve_api(snapshot)
    server.api.faults[HTML.format(300301)] = [{"status": 500}] * 5  # the request and its 4 retries
    first = crawl(server.api_url, **CLOSED)
    assert first.crawl["status"] == "partial", first.output[-3000:]
    assert [e["url"].rsplit("/", 2)[-2:] for e in first.errors] == [["300301", "html"]], first.errors
    assert "/html of a contract notice" in first.errors[0]["error"], first.errors
    assert first.db["notice_results"].count_where("publication_id = 300301") == 0

    second = crawl(server.api_url, **CLOSED)
    assert second.crawl["status"] == "complete", second.errors
    read = second.db["notice_results"].get(300301)
    assert (read["layout"], read["lot_count"], read["estimated_cents"]) == ("eforms", 3, 2_100_000_000)


def test_a_closed_contract_notices_html_that_never_reads_is_asked_a_bounded_number_of_times(
        snapshot, serve_api, crawl):
    """A closed contract notice whose ``/html`` answers a login page every time is recorded and asked again by the
    crawls after it, ``TENDERNED_HTML_ATTEMPTS`` (3) times in all: then given up (logged), and the crawl completes
    rather than every crawl staying partial for ever."""
    server = serve_api(snapshot)
    server.api.faults[HTML.format(300301)] = [LOGIN] * 10
    statuses = [crawl(server.api_url, **CLOSED).crawl["status"] for _ in range(3)]
    assert statuses == ["partial"] * 3
    last = crawl(server.api_url, **CLOSED)
    assert last.crawl["status"] == "complete", last.errors
    assert "publication 300301: /html failed in 3 crawls; given up" in last.output
    asked = [path for path in server.api.log if path.endswith("/300301/html")]
    assert len(asked) == 3, asked
