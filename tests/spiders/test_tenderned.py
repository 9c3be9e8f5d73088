"""The TenderNed spider, crawling the loopback API over real HTTP into a real archive."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications
from tests import forkcli
from tests.conftest import ROOT, by_id, cli, make_publication, run_crawl

YOUTH_CARE_IDS = {100101, 100131, 100190, 200201, 200288, 300301, 300377, 400401, 400466, 500501, 800801}


def notice(db, publication_id):
    return db["notices"].get(publication_id)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of the snapshot, with the API's request log, for the tests that only read them."""
    api = TenderNedAPI(load_publications())
    with APIServer(api) as server:
        result = run_crawl(server.api_url, tmp_path_factory.mktemp("tenderned") / "archive.db")
    assert result.returncode == 0, result.output
    return result, list(api.log)


def test_crawl_archives_every_youth_care_publication_once_with_detail_values(crawled):
    result, log = crawled
    db = result.db
    ids = [r["publication_id"] for r in db.query("select publication_id from notices")]
    assert len(ids) == len(set(ids))
    youth = {r["publication_id"] for r in db.query("select publication_id from notices where youth_care = 1")}
    assert youth == YOUTH_CARE_IDS
    # The ERP notice is found by no youth-care query; the Wmo notice is found (shared CPV) but judged no youth care.
    assert db["notices"].count == len(YOUTH_CARE_IDS) + 1
    wmo = notice(db, 600601)
    assert wmo["youth_care"] == 0
    assert "not youth care" in wmo["youth_care_reasons"]
    # One detail and one documents request per publication, never two (award data: one /html per
    # result notice and one /gerelateerd per procedure, tested in tests/spiders/test_awards_crawl.py).
    details = [p for p in log if p.startswith("/papi/tenderned-rs-tns/v2/publicaties/")
               and not p.endswith(("/html", "/gerelateerd"))]
    assert len(details) == len(set(details)) == 2 * db["notices"].count
    crawl_row = result.crawl
    assert crawl_row["status"] == "complete"
    assert crawl_row["items_new"] == db["notices"].count
    assert crawl_row["expected_rows"] == crawl_row["fetched_rows"] > 0


def test_values_come_from_the_detail_record_not_the_list(crawled):
    result, _ = crawled
    row = notice(result.db, 100101)
    # The list keeps the original deadline; the detail has the one moved by the rectification.
    assert row["deadline_list"] == "2018-05-31T12:00:00+02:00"
    assert row["deadline"] == "2018-07-06T12:00:00+02:00"
    assert row["notice_type"] == "AAO" and row["form_code"] == "EF20"
    assert row["cpv_main"] == "85311300-5" and row["cpv_main_8"] == "85311300"
    assert row["nuts"] == "NL423"
    assert row["is_european"] == 1 and row["kenmerk"] == 160417
    assert row["published"] == "2018-03-13" and row["published_at"] == "2018-03-13T09:12:00+01:00"
    assert "residentiële" in row["description"] and "&" not in row["description"]
    cpvs = {(r["cpv"], r["is_main"]) for r in result.db["notice_cpv"].rows_where("publication_id = 100101")}
    assert cpvs == {("85311300-5", 1), ("85312400-3", 0)}
    documents = list(result.db["documents"].rows_where("publication_id = 100101", order_by="document_id"))
    assert [d["category"] for d in documents] == ["DOC", "NVI"]
    assert documents[0]["download_url"].startswith("https://www.tenderned.nl/papi/")
    assert row["documents_zip_url"] == "https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/100101/documenten/zip"


def test_placeholder_deadline_becomes_null_with_a_flag(crawled):
    row = notice(crawled[0].db, 500501)
    assert row["deadline"] is None and row["deadline_placeholder"] == 1
    assert row["consultation_deadline"] == "2019-06-14"


def test_html_and_entities_are_removed_from_text(crawled):
    row = notice(crawled[0].db, 600601)
    assert row["title"] == "Huishoudelijke ondersteuning Wmo 2015 & begeleiding"
    assert "<p>" not in row["description"] and "&amp;" not in row["description"]
    assert "\u00a0" not in row["description"]
    assert "Nota van Inlichtingen <TenderNed>." in row["description"]  # escaped text is text


def test_a_second_run_that_differs_only_in_volatile_day_counters_writes_nothing(snapshot, serve_api, crawl):
    """Every detail fetched again (not incremental): the notices are unchanged although TenderNed's
    day counters ("days until the deadline") moved, so nothing is rewritten, not even provenance."""
    server = serve_api(snapshot)
    first = crawl(server.api_url)
    before = {t: list(first.db[t].rows) for t in ("notices", "notice_cpv", "documents", "procurements")}
    for publication in server.api.publications:
        publication["list"]["aantalDagenTotSluitingsDatum"] = -999
        publication["detail"]["numberOfDaysBeforeAanmeldenInschrijven"] = -999
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False")  # fetch every detail again
    assert second.returncode == 0, second.output
    assert second.crawl["items_new"] == second.crawl["items_updated"] == 0
    assert second.crawl["items_unchanged"] == len(before["notices"]) == 12
    after = {t: list(second.db[t].rows) for t in before}
    assert after == before  # not even provenance (fetched_at, crawl_id) was rewritten


def test_an_unreadable_optional_date_is_recorded_and_never_downgrades_the_archive(snapshot, serve_api, crawl):
    """A detail whose start date becomes "n.v.t." (or any other text that is no date): the notice is
    still archived and keeps the start date an earlier crawl read; the crawl is partial with the field
    named, so the next run asks again. A new notice with such a date is archived without it (it was
    dropped whole)."""
    server = serve_api(snapshot)
    first = crawl(server.api_url)
    assert first.returncode == 0, first.output
    kept = notice(first.db, 100101)["start_date"]
    assert kept is not None
    by_id(server.api.publications, 100101)["detail"]["aanvangOpdrachtDatum"] = "n.v.t."
    new = by_id(server.api.publications, 100131)
    new["detail"]["voltooiingOpdrachtDatum"] = "onbekend"
    first.db["notices"].delete(100131)   # as if the first crawl had not met it
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False")
    assert second.crawl["status"] == "partial", second.output
    assert notice(second.db, 100101)["start_date"] == kept
    assert notice(second.db, 100131)["title"] and notice(second.db, 100131)["end_date"] is None
    errors = " ".join(e["error"] for e in json.loads(second.crawl["errors"]))
    assert "aanvangOpdrachtDatum 'n.v.t.'" in errors and "voltooiingOpdrachtDatum 'onbekend'" in errors


@pytest.mark.parametrize("zone", ["Europe", "Europe/" + "A" * 300])
def test_a_zone_suffix_naming_no_zone_file_costs_that_field_not_the_notice(snapshot, serve_api, crawl, zone):
    """An RFC 9557 zone suffix naming a folder of the zone database (``[Europe]``) or a name too long for a file
    raised IsADirectoryError or OSError out of ``values.parse_timestamp`` (found by the fuzz target ``dates``): the
    spider's callback failed and the notice was lost to the crawl. It is an unknown time zone: the field recorded as unreadable, the notice archived without it."""
    by_id(snapshot, 100101)["detail"]["aanvangOpdrachtDatum"] = f"2020-09-01T00:00:00[{zone}]"
    result = crawl(serve_api(snapshot).api_url)
    assert result.crawl["status"] == "partial", result.output
    archived = notice(result.db, 100101)
    assert archived["title"] and archived["start_date"] is None
    errors = [e["error"] for e in json.loads(result.crawl["errors"])]
    assert any("aanvangOpdrachtDatum" in e and "unknown time zone" in e for e in errors), errors
    assert not any("Error:" in e for e in errors), errors


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z",
                                   "0001-01-01"])
def test_a_date_at_the_start_of_the_calendar_costs_that_field_not_the_notice(snapshot, serve_api, crawl, value):
    """A minimum date as a "no date" placeholder (``0001-01-01T00:00:00``: a naive time is Amsterdam's, whose
    zone in year 1 puts its UTC instant in year 0): read, but the instant Python cannot convert raised
    OverflowError in the pipeline, and the notice was dropped by every run. Now it is an unreadable date:
    recorded, the notice archived without it. Sent in UTC or as a day, it was archived as a date in year 1."""
    publication = by_id(snapshot, 400401)
    publication["detail"]["aanvangOpdrachtDatum"] = publication["detail"]["sluitingsDatum"] = value
    publication["list"]["sluitingsDatum"] = value
    result = crawl(serve_api(snapshot).api_url)
    archived = notice(result.db, 400401)
    assert archived and archived["title"] and archived["start_date"] is None, result.errors
    assert archived["deadline"] is None and archived["deadline_placeholder"] == 0
    assert result.crawl["status"] == "partial"
    errors = " ".join(e["error"] for e in result.errors)
    assert f"aanvangOpdrachtDatum {value!r}" in errors and f"sluitingsDatum {value!r}" in errors


def test_a_placeholder_at_the_end_of_the_calendar_is_a_placeholder(snapshot, serve_api, crawl):
    """``9999-12-31T23:59:59Z`` is in year 10000 on Amsterdam's clock: the deadline is the placeholder it
    stands for (no deadline, flagged), and so is the start date (one rule for every date field, round 62: no date);
    nothing dropped, nothing recorded."""
    publication = by_id(snapshot, 400401)
    value = "9999-12-31T23:59:59Z"
    publication["detail"]["aanvangOpdrachtDatum"] = publication["detail"]["sluitingsDatum"] = value
    publication["list"]["sluitingsDatum"] = value
    result = crawl(serve_api(snapshot).api_url)
    assert result.returncode == 0, result.errors
    archived = notice(result.db, 400401)
    assert (archived["deadline"], archived["deadline_placeholder"], archived["start_date"]) == (None, 1, None)


def test_a_detail_without_its_publication_id_is_the_publication_its_url_names(snapshot, serve_api, crawl):
    """A detail record whose ``publicatieId`` is absent or null: the notice asked for, archived as such (it was
    dropped as "publicatieId None is not a number" by every run). One naming another notice is still refused."""
    faults = {}
    for publication_id, value in ((400401, "absent"), (300301, None), (200201, 999999)):
        detail = dict(by_id(snapshot, publication_id)["detail"])
        if value == "absent":
            del detail["publicatieId"]
        else:
            detail["publicatieId"] = value
        faults[f"/papi/tenderned-rs-tns/v2/publicaties/{publication_id}"] = [{"status": 200, "body": json.dumps(detail)}]
    result = crawl(serve_api(snapshot, faults=faults).api_url)
    assert notice(result.db, 400401)["title"] == "Integrale jeugdhulp MVS (MVS Jeugdmodel)", result.errors
    assert notice(result.db, 300301)["title"]
    assert [e["error"] for e in result.errors] == ["item dropped: publication 200201: detail record is for publicatieId 999999"]


@pytest.mark.parametrize("list_kenmerk", [True, False], ids=["list-rows-with-kenmerk", "list-rows-without-kenmerk"])
def test_rectification_updates_the_notice_and_the_procedure(snapshot, serve_api, crawl, list_kenmerk):
    """Also when the list rows carry no ``kenmerk`` (AIT's list schema has none,
    docs/reference/tenderned-api.md §3): the new notice's detail names its procedure."""
    if not list_kenmerk:
        for publication in snapshot:
            publication["list"].pop("kenmerk", None)
    rectification = by_id(snapshot, 100131)
    original = by_id(snapshot, 100101)
    original["detail"]["sluitingsDatum"] = "2018-05-31T12:00:00"  # before the kort geding
    original["detail"]["publicatieIDLaatsteRectificatie"] = None
    server = serve_api([p for p in snapshot if p is not rectification])
    first = crawl(server.api_url)
    assert first.db["procurements"].get("TN160417")["deadline"] == "2018-05-31T12:00:00+02:00"

    moved = json.loads(json.dumps(original))
    moved["detail"]["sluitingsDatum"] = "2018-07-06T12:00:00"
    moved["detail"]["publicatieIDLaatsteRectificatie"] = 100131
    server.api.add(moved)
    server.api.add(rectification)
    second = crawl(server.api_url)
    assert second.crawl["items_new"] == 1 and second.crawl["items_updated"] == 1
    row = notice(second.db, 100101)
    assert row["deadline"] == "2018-07-06T12:00:00+02:00"
    assert row["latest_rectification_id"] == 100131
    assert row["crawl_id"] == second.crawl["crawl_id"]
    procurement = second.db["procurements"].get("TN160417")
    assert json.loads(procurement["notice_types"]) == ["AAO", "REC", "AGO"]
    assert procurement["deadline"] == "2018-07-06T12:00:00+02:00"
    # The history shows both deadlines with their dates.
    version = next(second.db["versions"].rows_where("table_name = 'notices' and row_key = '100101'"))
    assert json.loads(version["previous_values"])["deadline"] == "2018-05-31T12:00:00+02:00"
    assert json.loads(version["new_values"])["deadline"] == "2018-07-06T12:00:00+02:00"
    # Whole seconds: two crawls on loopback may fall within the same one.
    assert version["valid_from"] <= version["valid_to"] == row["fetched_at"]
    assert {"deadline", "latest_rectification_id"} <= set(json.loads(version["changed_columns"]))
    changes = list(second.db.query("select * from changes where table_name = 'procurements'"))
    assert len(changes) == 1  # one new version per crawl, not one per notice
    assert changes[0]["row_key"] == "TN160417" and "deadline" in changes[0]["changed_columns"]


def _many(snapshot, days: int, per_day: int, start=date(2021, 3, 1)):
    template = by_id(snapshot, 200201)
    out, next_id = [], 1000
    for d in range(days):
        for _ in range(per_day):
            out.append(make_publication(template, next_id, (start + timedelta(days=d)).isoformat(),
                                        title=f"Jeugdhulp perceel {next_id}"))
            next_id += 1
    return out


def test_paging_and_window_splitting_fetch_everything_within_the_caps(snapshot, serve_api, crawl):
    publications = _many(snapshot, days=8, per_day=4)  # 32 rows; one query reaches only 2 pages of 5
    server = serve_api(publications, max_size=5, max_page=1)
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_MAX_PAGE=1",
                   from_date="2021-03-01", until_date="2021-03-08")
    assert result.returncode == 0, result.output
    assert result.db["notices"].count == 32
    assert "splitting the window" in result.output
    lists = [p for p in server.api.log if p.startswith("/papi/tenderned-rs-tns/v2/publicaties?")]
    assert all("size=5" in p or "size=1" in p for p in lists)
    assert not any("page=2" in p for p in lists)  # never asked past the cap
    assert result.crawl["expected_rows"] == result.crawl["fetched_rows"]


def test_a_day_beyond_the_cap_is_fetched_as_far_as_possible_and_recorded(snapshot, serve_api, crawl):
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5, max_page=1)
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_MAX_PAGE=1",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.returncode == 3, result.output  # partial
    assert result.crawl["status"] == "partial"
    assert result.db["notices"].count == 10
    assert any("exceed" in e["error"] for e in result.errors)
    assert any(e["error"].startswith("shortfall") for e in result.errors)


def assert_11_of_13_listed(server, crawl):
    """The crawl of 2021-03-01 (13 publications, pages of 5 that repeat 2 rows) lists 11: partial, the
    shortfall recorded."""
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1000",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.returncode == 3, result.output  # partial
    assert result.db["notices"].count == 11
    shortfalls = [e["error"] for e in result.errors if e["error"].startswith("shortfall")]
    assert shortfalls and all("fetched 11 of 13" in e for e in shortfalls), result.errors


def test_rows_repeated_across_pages_do_not_hide_a_publication_that_never_came(snapshot, serve_api, crawl):
    """A list that shifts while it is read repeats rows on the next page and never reaches the
    last ones (docs/reference/tenderned-api.md §12): 15 rows listed, 11 distinct of 13."""
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5, page_overlap=2)
    assert_11_of_13_listed(server, crawl)


def test_a_repeated_row_written_with_leading_zeros_is_counted_once(snapshot, serve_api, crawl):
    """The window's count of distinct publications is by the notice (``publication_key``), as the rows are
    fetched: a row repeated on the next page with its publicatieId written with leading zeros ("0300377",
    the notice 300377) counted as one more publication, the count reached the total and the two never
    listed were lost with the window ended complete."""
    publications = _many(snapshot, days=1, per_day=13)

    def zeros_after_page_0(page, params):  # synthetic: later pages write every id with a leading zero
        if params.get("page", ["0"]) != ["0"]:
            page = dict(page, content=[dict(row, publicatieId=f"0{row['publicatieId']}") for row in page["content"]])
        return page

    server = serve_api(publications, max_size=5, page_overlap=2, envelope=zeros_after_page_0)
    assert_11_of_13_listed(server, crawl)


def test_a_shortfall_in_todays_window_is_not_an_error(snapshot, serve_api, crawl):
    from tenderarchive.arguments import today as amsterdam_today

    today = amsterdam_today()  # TenderNed's today
    publications = _many(snapshot, days=1, per_day=13, start=today)
    server = serve_api(publications, max_size=5, page_overlap=2)
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1000",
                   from_date=today.isoformat(), until_date=today.isoformat())
    assert result.returncode == 0, result.output
    assert result.crawl["status"] == "complete" and result.db["notices"].count == 11
    assert "listing the window once more" in result.output   # the same shortfall again
    assert "today's list still changes: not an error" in result.output


def withdrawn_after_page_0(api, publication: dict):
    """An ``envelope`` for the loopback API: right after the first page 0 of the whole window is
    served, ``publication`` (on that page) leaves the list (its detail is still served), as a notice
    withdrawn from TenderNed's newest-first list while a crawl pages it."""
    def envelope(page, params):
        if params.get("page") == ["0"] and params.get("size") == ["5"] and not api.withdrawn:
            api.withdrawn = True
            publication["list"]["publicatieDatum"] = "2000-01-01"   # out of every window
        return page
    api.withdrawn = False
    return envelope


def test_a_notice_withdrawn_while_a_window_reaching_today_is_paged_costs_no_other_notice(snapshot, serve_api, crawl):
    """16 publications over the eight days up to today, pages of 5: a notice on page 0 leaves the list
    after page 0 was served, every later row moves up a place and the first row of page 1 is never
    listed. That row can be of any day of the window (a backfill from January loses a March
    notice), which the next incremental run (the last three days) does not list: the window came
    short, so it is listed once more, and every notice is archived by this crawl."""
    from tenderarchive.arguments import today as amsterdam_today

    today = amsterdam_today()
    publications = _many(snapshot, days=8, per_day=2, start=today - timedelta(days=7))
    newest = max(publications, key=lambda p: (p["list"]["publicatieDatum"], int(p["list"]["publicatieId"])))
    server = serve_api(publications, max_size=5)
    server.api.envelope = withdrawn_after_page_0(server.api, newest)
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5",
                   from_date=(today - timedelta(days=7)).isoformat(), until_date=today.isoformat())
    assert server.api.withdrawn
    assert result.returncode == 0, result.output
    assert result.db["notices"].count == 16, result.output
    assert "listing the window once more" in result.output


def test_a_longer_window_reaching_today_that_stays_short_is_recorded(snapshot, serve_api, crawl):
    """Only today's list is excused a shortfall (docs/reference/tenderned-api.md §12): a two-day window
    ending today that is still short when listed once more is listed again day by day (refapi17), and its past day
    that stays short (SYNTHETIC: it counts one notice more than its pages list) is recorded, so the next run lists it
    again."""
    from tenderarchive.arguments import today as amsterdam_today

    today = amsterdam_today()
    yesterday = (today - timedelta(days=1)).isoformat()
    publications = _many(snapshot, days=2, per_day=7, start=today - timedelta(days=1))

    def overstates_yesterday(page, params):
        if params["publicatieDatumVanaf"][0] <= yesterday <= params["publicatieDatumTot"][0]:
            return dict(page, totalElements=page["totalElements"] + 1)
        return page

    server = serve_api(publications, max_size=5, page_overlap=2, envelope=overstates_yesterday)
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5",
                   from_date=yesterday, until_date=today.isoformat())
    assert result.returncode == 3, result.output
    assert [e["error"] for e in result.errors] == [f"shortfall: all {yesterday}..{yesterday}: fetched 7 of 8 rows"]
    assert result.db["notices"].count == 14


def test_a_window_whose_listing_a_stop_cut_short_is_no_shortfall_and_excuses_no_later_one(snapshot, serve_api, crawl,
                                                                                          tmp_path):
    """A crawl stopped before it ended (here ``CLOSESPIDER_PAGECOUNT``; a SIGTERM's ``shutdown`` or the memory limit
    alike) leaves the window it was paging half listed. Its rows not listed are no shortfall of the API's: recorded,
    a first ``all`` crawl stopped after hours named "shortfall: … fetched 1300 of 10000 rows" as its first error, and
    a single day's count so recorded excused that day coming short for real in the next crawl (the same total, no
    fewer rows: ``short_as_before``), which ended complete. SYNTHETIC: a past day whose ``totalElements`` counts one
    notice more than its pages list; the stopped crawl records nothing of it, nor does its rebuild (``reparse``: the
    pages the crawl never got are skipped by the replay, and were taken for answered), and the next crawl (not stopped)
    records it."""
    day = "2021-03-02"
    publications = _many(snapshot, days=1, per_day=200, start=date(2021, 3, 2))
    server = serve_api(publications, max_size=5,
                       envelope=lambda page, params: dict(page, totalElements=page["totalElements"] + 1))
    args = ("--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_INCREMENTAL=False")
    stopped = crawl(server.api_url, *args, "-s", "CLOSESPIDER_PAGECOUNT=20", from_date=day, until_date=day)
    pages = [u for u in server.api.log if u.startswith("/papi/tenderned-rs-tns/v2/publicaties?")]
    assert 1 <= len(pages) <= 20 + 8  # the stop came while the day was paged (201 rows: 41 pages of 5)
    assert stopped.crawl["finish_reason"] == "closespider_pagecount" and stopped.crawl["status"] != "complete"
    assert not [e for e in stopped.errors if e["error"].startswith("shortfall:")], stopped.errors
    assert re.search(rf"all {day}\.\.{day}: listed \d+ of 201 publications when the crawl stopped", stopped.output)
    rebuilt = forkcli.run(["reparse", "--db", tmp_path / "archive.db"], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert not [e for e in stopped.errors if e["error"].startswith("shortfall:")], stopped.errors  # the rebuilt row

    again = crawl(server.api_url, *args, from_date=day, until_date=day)
    assert again.returncode == 3, again.output
    assert [e["error"] for e in again.errors] == [f"shortfall: all {day}..{day}: fetched 200 of 201 rows"]
    assert again.db["notices"].count == 200


def test_an_envelope_without_total_pages_is_paged_from_its_total(snapshot, serve_api, crawl):
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5, omit_envelope=("totalPages", "last", "first"))
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1000",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.returncode == 0, result.output
    assert result.db["notices"].count == 13
    assert result.crawl["expected_rows"] == result.crawl["fetched_rows"]


def test_cpv_filter_is_sent_repeated_with_check_digits(crawled):
    _, log = crawled
    cpv_query = next(p for p in log if "cpvCodes" in p)
    assert cpv_query.count("cpvCodes=") == 12 and "cpvCodes=85311300-5" in cpv_query
    assert "cpvCodes=85310000-5" in cpv_query  # the core code itself: its children do not match it
    searches = [p for p in log if "search=" in p]
    assert any("search=jeugdhulp" in p for p in searches)


def test_an_ignored_filter_is_recorded_not_crawled(snapshot, serve_api, crawl):
    """Also in a window of a few publications (13 here), by default: checked only from 50 on, an ignored
    filter there was paged as data, the whole window archived and the crawl complete."""
    server = serve_api(snapshot, ignore_params={"cpvCodes"})
    result = crawl(server.api_url)
    assert result.crawl["status"] == "partial"
    assert any("filter ignored" in e["error"] for e in result.errors)
    assert result.db["notices"].get(800801)  # keyword queries still ran
    assert 700701 not in {r["publication_id"] for r in result.db["notices"].rows}


@pytest.mark.parametrize("change", [1, -1])
def test_an_ignored_filter_is_recorded_when_the_list_changed_between_the_count_and_the_query(
        snapshot, serve_api, crawl, change):
    """The window's unfiltered count and the filtered query are two requests: a notice published
    (``change`` 1) or withdrawn (-1) between them made an ignored filter's total differ by one from
    the count, which was taken for an honoured filter, and the whole window was paged."""
    def moved(page, params):  # the count (no filter) saw one notice less or more than the queries
        if not any(name in params for name in ("cpvCodes", "search")):
            page["totalElements"] -= change
        return page

    server = serve_api(snapshot, ignore_params={"cpvCodes"}, envelope=moved)
    result = crawl(server.api_url, "-s", "TENDERNED_FILTER_CHECK_MIN=1")
    assert result.crawl["status"] == "partial"
    assert [e["error"] for e in result.errors if "filter ignored" in e["error"]] == [
        f"query 'cpv': filter ignored by the API (totalElements 13 is the unfiltered total {13 - change}, "
        "also for values that match nothing: 13); not paged"]
    assert 700701 not in {r["publication_id"] for r in result.db["notices"].rows}
    assert result.db["notices"].get(800801)  # keyword queries still ran


@pytest.mark.parametrize("fault", [
    [{"status": 200, "body": "<html><head><title>Onderhoud</title></head></html>", "headers": {"Content-Type": "text/html"}}] * 5,
    [{"status": 503}] * 5,
    [{"status": 200, "body": '{"status": 500, "error": "Internal Server Error"}'}] * 5,  # past its retries
], ids=["html page", "503 past the retries", "error object"])
def test_a_window_count_that_fails_costs_the_filter_check_not_the_crawl(snapshot, serve_api, crawl, fault):
    """The window's unfiltered count (``size=1``, the first list request) that fails is recorded, and the
    profile's queries are paged all the same (without the check for an ignored filter, which needs it):
    the crawl ended there, nothing listed, status failed."""
    count = ("/papi/tenderned-rs-tns/v2/publicaties?page=0&size=1&publicatieDatumVanaf=2017-01-01"
             "&publicatieDatumTot=2022-12-31")
    server = serve_api(snapshot, faults={count: fault})
    result = crawl(server.api_url)
    assert result.crawl["status"] == "partial" and len(result.errors) == 1, result.errors
    assert result.errors[0]["url"].endswith(count)
    assert {r["publication_id"] for r in result.db["notices"].rows_where("youth_care = 1")} == YOUTH_CARE_IDS
    assert "each query is checked for an ignored filter by its own total" in result.output


def test_without_the_window_count_an_ignored_filter_is_still_found_by_its_control(snapshot, serve_api, crawl):
    count = ("/papi/tenderned-rs-tns/v2/publicaties?page=0&size=1&publicatieDatumVanaf=2017-01-01"
             "&publicatieDatumTot=2022-12-31")
    server = serve_api(snapshot, ignore_params={"cpvCodes"}, faults={count: [{"status": 503}] * 5})
    result = crawl(server.api_url, "-s", "TENDERNED_FILTER_CHECK_MIN=1")
    assert [e["error"].split(" (")[0] for e in result.errors] == [
        "request failed: HTTP 503", "query 'cpv': filter ignored by the API"]
    assert 700701 not in {r["publication_id"] for r in result.db["notices"].rows}  # the whole window: not paged
    assert result.db["notices"].get(800801)  # keyword queries still ran


def test_a_window_where_every_publication_matches_is_paged_after_a_control(snapshot, serve_api, crawl):
    """A filtered total equal to the unfiltered one is not always an ignored filter: here every
    publication of the window is youth care. The query asked with values that match nothing
    finds none, so the filter works and the query is paged."""
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5)
    result = crawl(server.api_url, "-s", "TENDERNED_PAGE_SIZE=5", "-s", "TENDERNED_FILTER_CHECK_MIN=1",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.returncode == 0, result.output
    assert result.crawl["status"] == "complete" and result.db["notices"].count == 13
    assert any("search=qxzqxzqxz" in p for p in server.api.log)
    assert not any("filter ignored" in e["error"] for e in result.errors)


@pytest.mark.parametrize("fault", [[{"status": 503}] * 5, [{"status": 200, "body": '{"error": "Bad Gateway"}'}] * 5],
                         ids=["503 past the retries", "no page"])
def test_a_control_that_fails_names_the_query_it_cost_and_the_next_run_pages_it(snapshot, serve_api, crawl, fault):
    """The control of a query matching the whole window fails: whether the API ignored the filter is not
    known, so the query is not paged this run (it could be the whole dataset). The error named only the
    control's URL (values that match nothing), not the query left unpaged; the next run pages it."""
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5)
    control = next(p for p in _control_paths(server, publications))
    server.api.faults[control] = list(fault)
    args = ("-s", "TENDERNED_PAGE_SIZE=5")
    cpv_pages = lambda: [p for p in server.api.log if "page=1&" in p and "cpvCodes=85311300-5" in p]  # noqa: E731
    first = crawl(server.api_url, *args, from_date="2021-03-01", until_date="2021-03-01")
    assert first.crawl["status"] == "partial" and not cpv_pages(), first.errors
    [error] = [e["error"] for e in first.errors]
    assert error.endswith("(the check of query 'cpv' for an ignored filter; the query is not paged this run, "
                          "the next run asks again)"), error
    again = crawl(server.api_url, *args, from_date="2021-03-01", until_date="2021-03-01")
    assert again.crawl["status"] == "complete" and len(cpv_pages()) == 1, again.errors


def _control_paths(server, publications):
    """The path and query of the cpv query's control (a clean crawl's, on a copy of the server)."""
    with APIServer(TenderNedAPI(publications, max_size=5)) as probe:
        run_crawl(probe.api_url, probe_db := Path(tempfile.mkdtemp()) / "probe.db", "-s", "TENDERNED_PAGE_SIZE=5",
                  from_date="2021-03-01", until_date="2021-03-01")
        probe_db.unlink()
        return [p for p in probe.api.log if "cpvCodes=03000000-1" in p]


def test_profile_all_takes_every_publication_and_still_judges_youth_care(snapshot, serve_api, crawl):
    result = crawl(serve_api(snapshot).api_url, "--profile", "all")
    assert result.db["notices"].count == 13
    erp = result.db["notices"].get(700701)
    assert erp["youth_care"] == 0 and "cpv_context" not in erp["youth_care_reasons"]


def test_429_with_retry_after_and_500_are_retried(snapshot, serve_api, crawl):
    faults = {
        "/papi/tenderned-rs-tns/v2/publicaties/200201": [{"status": 429, "headers": {"Retry-After": "1"}}],
        "/papi/tenderned-rs-tns/v2/publicaties/300301": [{"status": 500}, {"status": 503}],
    }
    server = serve_api(snapshot, faults=faults)
    result = crawl(server.api_url)
    assert result.returncode == 0, result.output
    assert result.crawl["status"] == "complete"
    assert server.api.log.count("/papi/tenderned-rs-tns/v2/publicaties/200201") == 2
    assert server.api.log.count("/papi/tenderned-rs-tns/v2/publicaties/300301") == 3
    assert "Retry-After; waiting 1.0s" in result.output
    assert result.db["notices"].get(200201) and result.db["notices"].get(300301)


def test_retry_after_as_an_http_date_is_honoured(snapshot, serve_api, crawl):
    """``Retry-After`` in its other form, an HTTP date (RFC 9110 §10.2.3): thirty seconds ahead, so the
    wait is the cap the test crawl sets (RETRY_AFTER_MAX=2), not the 1 s back-off of a 429 without one."""
    from email.utils import formatdate

    path = "/papi/tenderned-rs-tns/v2/publicaties/200201"
    when = formatdate(time.time() + 30, usegmt=True)
    server = serve_api(snapshot, faults={path: [{"status": 429, "headers": {"Retry-After": when}}]})
    result = crawl(server.api_url)
    assert result.returncode == 0, result.output
    assert "Retry-After; waiting 2.0s" in result.output
    first, second = (t for p, t in zip(server.api.log, server.api.times) if p == path)
    assert second - first >= 1.9
    assert result.db["notices"].get(200201)


def test_429_and_503_without_retry_after_back_off_doubling_and_a_429_slows_the_site(snapshot, serve_api, crawl):
    """TenderNed sends no Retry-After (docs/reference/tenderned-api.md §2): a 429 or 503 without it
    is retried after 1, 2, 4 s (``RETRY_BACKOFF_BASE``), not at the download delay; with
    AutoThrottle on, the site's next requests after a 429 wait too."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/200201"
    server = serve_api(snapshot, faults={path: [{"status": 429}, {"status": 503}, {"status": 429}]})
    result = crawl(server.api_url, "-s", "RETRY_AFTER_MAX=10", "-s", "AUTOTHROTTLE_ENABLED=True",
                   "-s", "AUTOTHROTTLE_START_DELAY=0")
    assert result.returncode == 0, result.output
    assert result.crawl["status"] == "complete" and result.db["notices"].get(200201)
    log = list(zip(server.api.log, server.api.times))
    times = [t for p, t in log if p == path]
    assert len(times) == 4
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    assert gaps[0] >= 1.0 and gaps[1] >= 2.0 and gaps[2] >= 4.0, gaps
    assert "without Retry-After; backing off 4.0s" in result.output
    # After the first 429, the site's slot waits a second before its next request (the requests
    # already under way or sent as the 429 came in go on; AutoThrottle then halves the delay with
    # every answer): within the next four requests there is a pause of at least a few tenths of a
    # second. Without the slow-down they follow one another within milliseconds.
    assert "'retry_backoff/site_slowed': 2" in result.output
    first = next(i for i, (p, _) in enumerate(log) if p == path)
    after = [t for _, t in log[first:first + 5]]
    assert len(after) == 5 and max(b - a for a, b in zip(after, after[1:])) >= 0.3, log[first:first + 5]


def test_an_error_body_says_why_in_the_recorded_error(snapshot, serve_api, crawl):
    """TenderNed's API is a Spring application: an HTTP error comes with a JSON body that says what was
    refused (``error``, ``message``; RFC 9457's ``title``, ``detail`` elsewhere). It was recorded as
    ``HTTP 400`` alone. The reason is kept, on one line and quoted, before any note; a body without
    one (HTML, ``{"status": 500}``) adds nothing."""
    detail, missing = "/papi/tenderned-rs-tns/v2/publicaties/300301", "/papi/tenderned-rs-tns/v2/publicaties/400401"
    server = serve_api(snapshot, faults={
        detail: [{"status": 400, "body": json.dumps({
            "timestamp": "2026-12-01T10:00:00.000+00:00", "status": 400, "error": "Bad Request",
            "message": "Failed to convert value of type 'java.lang.String'\nto required type 'long'", "path": detail})}],
        missing: [{"status": 404, "body": "<html><body>Not Found</body></html>"}]})
    result = crawl(server.api_url)
    assert result.returncode == 3, result.output
    errors = {e["url"].split("/v2")[1]: e["error"] for e in result.errors}
    assert errors["/publicaties/300301"] == ("request failed: HTTP 400 \"Bad Request: Failed to convert value of type "
                                            "'java.lang.String' to required type 'long'\"")
    assert errors["/publicaties/400401"] == "request failed: HTTP 404"


def test_an_error_that_outlasts_the_retries_is_recorded_and_the_crawl_goes_on(snapshot, serve_api, crawl):
    path = "/papi/tenderned-rs-tns/v2/publicaties/300301"
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    result = crawl(server.api_url)
    assert result.returncode == 3
    assert result.crawl["status"] == "partial"
    assert {"url": f"http://127.0.0.1:{server.httpd.server_address[1]}{path}",
            "error": "request failed: HTTP 500"} in result.errors
    assert result.db["notices"].count == len(YOUTH_CARE_IDS)  # all but the failed one
    again = crawl(server.api_url)  # the next run fetches it
    assert again.crawl["status"] == "complete" and again.db["notices"].get(300301)


def test_a_200_that_is_no_json_is_retried_within_the_crawl_like_a_5xx(snapshot, serve_api, crawl, tmp_path):
    """Truncated JSON, an HTML page (synthetic) or an empty body sent once with 200, for the window's count,
    a list page, a detail, a documents list, a /gerelateerd and an award notice's /html (its truncated envelope;
    an HTML page there may be its bare rendering): each is asked again within the crawl, which
    ends complete with what a clean crawl archives. Each was recorded and asked only by the next run: one
    garbled answer left the crawl partial (and a list page's rows, a procedure's related notices, unread)."""
    plain = serve_api(snapshot)
    clean = crawl(plain.api_url, db=tmp_path / "clean.db")
    assert clean.returncode == 0, clean.errors
    api = "/papi/tenderned-rs-tns/v2/publicaties"
    count = f"{api}?page=0&size=1&publicatieDatumVanaf=2017-01-01&publicatieDatumTot=2022-12-31"
    page = next(p for p in list_requests(plain.api) if "page=0&size=100&" in p and "cpvCodes" in p)
    maintenance = {"status": 200, "headers": {"Content-Type": "text/html"},
                   "body": "<html><head><title>Onderhoud</title></head></html>"}
    faults = {count: [maintenance], page: [{"status": 200, "body": '{"content": [{"publicatieId"'}],
              f"{api}/400401": [{"status": 200, "body": '{"publicatieId": 400401, "kenm'}],
              f"{api}/300301/documenten": [{"status": 200, "body": ""}],
              f"{api}/200201/gerelateerd": [maintenance],
              f"{api}/200288/html": [{"status": 200, "body": '{"html": "<table><tr class=\\"header1'}]}  # an award notice
    server = serve_api(snapshot, faults=faults)
    result = crawl(server.api_url)
    assert result.returncode == 0 and result.crawl["status"] == "complete", result.errors
    assert {path: server.api.log.count(path) for path in faults} == {path: 2 for path in faults}
    assert "malformed JSON" in result.output  # Scrapy's retry line: "Retrying … (failed 1 times): malformed JSON"
    strip = lambda rows: {r["publication_id"]: {k: v for k, v in r.items() if k not in (  # noqa: E731
        "crawl_id", "fetched_at", "sha256", "source_url", "documents_fetched_at", "documents_sha256",
        "documents_url", "html_fetched_at", "html_sha256", "html_url")} for r in rows}
    assert strip(result.db["notices"].rows) == strip(clean.db["notices"].rows)


def test_a_pdf_is_not_taken_for_broken_json(snapshot, serve_api, crawl):
    """The award notice's PDF (the /html's fallback) is no JSON and is not asked again as if it were."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/200288"
    server = serve_api(snapshot, faults={f"{path}/html": [{"status": 503}] * 5, f"{path}/pdf": [
        {"status": 200, "body": b"%PDF-1.4 synthetic", "headers": {"Content-Type": "application/pdf"}}]})
    result = crawl(server.api_url)
    assert server.api.log.count(f"{path}/pdf") == 1, result.errors


def test_truncated_json_is_recorded_and_fetched_by_the_next_run(snapshot, serve_api, crawl):
    """Truncated past its retries: recorded, the crawl goes on, the next run fetches it."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/400401"
    server = serve_api(snapshot, faults={path: [{"status": 200, "body": '{"publicatieId": 400401, "kenm'}] * 5})
    result = crawl(server.api_url)
    assert result.returncode == 3
    assert any(e["url"].endswith(path) and "malformed JSON" in e["error"] for e in result.errors)
    assert "malformed JSON" in result.output  # and in the log
    assert result.db["notices"].count == len(YOUTH_CARE_IDS)  # the crawl went on
    assert 400401 not in {r["publication_id"] for r in result.db["notices"].rows}
    again = crawl(server.api_url)
    assert again.db["notices"].get(400401)["title"] == "Integrale jeugdhulp MVS (MVS Jeugdmodel)"


def test_an_html_page_sent_with_200_instead_of_json_is_recorded_as_such_and_fetched_by_the_next_run(
        snapshot, serve_api, crawl):
    """A maintenance or error page (synthetic) sent with status 200 where JSON belongs, as a proxy or load
    balancer does: recorded as what it is, with what it says, not as "malformed JSON … line 1 column 1"."""
    detail, documents = "/papi/tenderned-rs-tns/v2/publicaties/400401", "/papi/tenderned-rs-tns/v2/publicaties/300301/documenten"
    maintenance = ("<!DOCTYPE html><html><head><title>Onderhoud | TenderNed</title><style>p{}</style></head>"
                   "<body><p>We zijn zo terug.</p></body></html>")
    unavailable = "\n <html><body><script>x()</script><h1>Service  Unavailable</h1></body></html>"
    server = serve_api(snapshot, faults={  # past the retries
        detail: [{"status": 200, "headers": {"Content-Type": "text/html; charset=UTF-8"}, "body": maintenance}] * 5,
        documents: [{"status": 200, "body": unavailable}] * 5})
    result = crawl(server.api_url)
    assert result.returncode == 3
    errors = {e["url"].split("/v2")[1]: e["error"] for e in result.errors}
    assert errors == {
        "/publicaties/400401": f"an HTML page, not JSON (HTTP 200, text/html, {len(maintenance)} bytes): 'Onderhoud | TenderNed'",
        "/publicaties/300301/documenten": (f"an HTML page, not JSON (HTTP 200, application/json, {len(unavailable)} "
                                           "bytes): 'Service Unavailable'")}
    assert result.db["notices"].get(300301)["documents_unread"] == 1
    assert 400401 not in {r["publication_id"] for r in result.db["notices"].rows}
    again = crawl(server.api_url)
    assert again.crawl["status"] == "complete"
    assert again.db["notices"].get(400401) and again.db["notices"].get(300301)["documents_unread"] is None


ACCENTED = "Jeugdhulp één — café “Zeeuws-Vlaanderen” 😀"


@pytest.mark.parametrize("content_type, encoding", [
    ("application/json; charset=iso-8859-1", "utf-8"),   # UTF-8 JSON mislabelled: read as UTF-8
    ("text/plain; charset=windows-1252", "utf-8"),
    ("application/json", "utf-8-sig"),                   # a BOM
    ("application/json; charset=UTF-16", "utf-16"),      # UTF-16 (with its BOM): JSON's other encodings
])
def test_a_detail_is_read_as_json_whatever_charset_its_content_type_declares(snapshot, serve_api, crawl,
                                                                              content_type, encoding):
    publication = by_id(snapshot, 400401)
    publication["list"]["aanbestedingNaam"] = publication["detail"]["aanbestedingNaam"] = ACCENTED
    body = json.dumps(publication["detail"], ensure_ascii=False).encode(encoding)
    path = "/papi/tenderned-rs-tns/v2/publicaties/400401"
    server = serve_api(snapshot, faults={path: [{"status": 200, "body": body,
                                                  "headers": {"Content-Type": content_type}}]})
    result = crawl(server.api_url)
    assert result.returncode == 0, result.output
    assert result.db["notices"].get(400401)["title"] == ACCENTED


def test_a_latin1_detail_that_says_so_is_still_read(snapshot, serve_api, crawl):
    publication = by_id(snapshot, 400401)
    publication["detail"]["aanbestedingNaam"] = "Jeugdhulp één café"
    path = "/papi/tenderned-rs-tns/v2/publicaties/400401"
    body = json.dumps(publication["detail"], ensure_ascii=False).encode("latin-1")
    server = serve_api(snapshot, faults={path: [{"status": 200, "body": body, "headers": {
        "Content-Type": "application/json; charset=iso-8859-1"}}]})
    result = crawl(server.api_url)
    assert result.returncode == 0, result.output
    assert result.db["notices"].get(400401)["title"] == "Jeugdhulp één café"


def test_a_sparse_recheck_keeps_the_youth_care_decision_and_places_its_omitted_values_gave(snapshot, serve_api,
                                                                                         crawl):
    """A re-fetched detail that leaves out the CPV codes, the description and the buyer's names (a
    sparse record, §13): their archived values are kept, and so is what was judged on them. The
    notice fell out of youth care (its title names no youth-care term) and lost its buyer and
    jeugdregio, although the archive still held every value they came from."""
    template = by_id(snapshot, 200201)
    publication = make_publication(template, 920001, "2020-06-15", title="Begeleiding en dagbesteding")
    publication["detail"]["opdrachtBeschrijving"] = "Jeugdhulp ambulant voor de gemeente Leiden."
    server = serve_api([publication])
    first = crawl(server.api_url, from_date="2020-06-01", until_date="2020-06-30")
    assert first.returncode == 0, first.output
    before = first.db["notices"].get(920001)
    assert before["youth_care"] == 1 and before["buyer_id"] and before["jeugdregio_code"]
    for field in ("cpvCodes", "opdrachtBeschrijving", "opdrachtgeverNaam", "aanbestedendeDienstNaam"):
        del publication["detail"][field]
    for field in ("opdrachtBeschrijving", "opdrachtgeverNaam", "aanbestedendeDienstNaam"):
        publication["list"].pop(field, None)
    publication["detail"]["opdrachtAardCode"] = ""   # a blank code: omitted, not a new (empty) code
    # every publication of the window, each detail fetched again (no longer listed by CPV or words)
    again = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_INCREMENTAL=False",
                  from_date="2020-06-01", until_date="2020-06-30")
    assert again.returncode == 0, again.output
    after = again.db["notices"].get(920001)
    assert "cpv_main" in json.loads(after["omitted_columns"])
    for column in ("youth_care", "youth_care_reasons", "buyer_id", "jeugdregio_code", "description",
                   "contract_nature"):
        assert after[column] == before[column], column


def test_sample_limits_the_number_of_publications(snapshot, serve_api, crawl):
    result = crawl(serve_api(snapshot).api_url, "--sample", "2")
    assert result.db["notices"].count == 2
    assert json.loads(result.crawl["arguments"])["sample"] == 2


def test_bad_arguments_stop_the_cli_with_a_message_naming_the_argument(tmp_path):
    for args, kwargs, name in [
        ((), {"from_date": "2021-13-01"}, "--from-date"),  # the option as the user typed it (refusers25)
        ((), {"until_date": "yesterday"}, "--until-date"),
        ((), {"from_date": "2022-01-02", "until_date": "2022-01-01"}, "--from-date"),
        (("--sample", "abc"), {}, "--sample"),
        (("--profile", "nonsense"), {}, "--profile"),
    ]:
        dates = {"from_date": "2017-01-01", "until_date": "2022-12-31", **kwargs}
        db = tmp_path / "archive.db"
        result = cli("crawl", "tenderned", "--db", db, "--api-url", "http://127.0.0.1:9/unused", *args,
                     "--from-date", dates["from_date"], "--until-date", dates["until_date"])
        assert result.returncode == 2, (args, kwargs, result.stderr)
        assert name in result.stderr
        assert not db.exists()  # stopped before anything (so no crawl started: this runs in-process)


@pytest.mark.parametrize("setting, value, words", [
    ("TENDERNED_PAGE_SIZE", "500", "page size must be 1..100"),
    ("TENDERNED_MAX_PAGE", "100", "max page must be 0..99"),
    ("TENDERNED_OVERLAP_DAYS", "three", "'three' is not a whole number"),
])
def test_a_setting_the_spider_refuses_is_a_bad_argument_exit_2(tmp_path, setting, value, words):
    # The spider checks these as it starts (inside the crawl's process): before, a traceback, exit 1
    # and "crawl failed; see tenderarchive status" for an archive that was never made. Named as a setting (it
    # said "bad spider argument 'TENDERNED_PAGE_SIZE'" of a -s setting; a too high max page named the page size).
    db = tmp_path / "archive.db"
    result = run_crawl("http://127.0.0.1:9/unused", db, "-s", f"{setting}={value}")
    assert result.returncode == 2, result.output
    assert f"bad setting {setting}: " in result.output and words in result.output, result.output
    assert "spider argument" not in result.output and "bad argument" not in result.output
    assert "Traceback" not in result.output and "crawl failed" not in result.output
    assert not db.exists()  # nothing requested, nothing written


def test_scrapy_crawl_rejects_bad_arguments_with_a_non_zero_exit(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tenderned", "-a", "from_date=2021-02-30",
         "-s", f"ARCHIVE_DB={tmp_path / 'a.db'}", "-s", "TENDERNED_API_URL=http://127.0.0.1:9/x"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode != 0
    assert "from_date" in completed.stderr


def test_scrapy_crawl_rejects_a_misspelt_argument_before_anything(tmp_path):
    # `-a fromdate=…` (scrapy crawl, or scrapyd's `-d fromdate=…`) silently crawled the default window.
    db = tmp_path / "a.db"
    completed = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tenderned", "-a", "fromdate=2020-01-01",
         "-s", f"ARCHIVE_DB={db}", "-s", "TENDERNED_API_URL=http://127.0.0.1:9/x"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode != 0
    assert "bad spider argument 'fromdate'" in completed.stderr and "from_date" in completed.stderr
    assert not db.exists()


def test_scrapy_crawl_runs_the_spider_with_settings(snapshot, serve_api, tmp_path):
    server = serve_api(snapshot)
    db = tmp_path / "via-scrapy.db"
    completed = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tenderned", "-a", "from_date=2021-10-01",
         "-a", "until_date=2021-10-31", "-a", "_job=scrapyd-job-id",   # scrapyd's own argument is taken
         "-s", f"ARCHIVE_DB={db}", "-s", f"TENDERNED_API_URL={server.api_url}",
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    import sqlite_utils
    ids = {r["publication_id"] for r in sqlite_utils.Database(db)["notices"].rows}
    # The window's two notices, and through /gerelateerd the later award notices of their procedures.
    assert ids == {300301, 400401, 300377, 400466}


@pytest.mark.parametrize("status", [404, 410])
def test_a_withdrawn_notice_awaiting_its_award_is_recorded_once(snapshot, serve_api, crawl, status):
    """800801 is a youth-care procedure with no award notice: every crawl within
    TENDERNED_RESULTS_HORIZON_DAYS asks its ``/gerelateerd``. Withdrawn from TenderNed, that answers 404
    (or 410): recorded by the crawl that meets it, and by every crawl after it, which all ended partial,
    for ever (the failed /gerelateerd was asked again as failed). As for a withdrawn notice's detail:
    recorded once, then asked and only logged."""
    server = serve_api(snapshot)
    window = {"until_date": "2020-06-30"}
    assert crawl(server.api_url, **window).crawl["status"] == "complete"
    related = "/papi/tenderned-rs-tns/v2/publicaties/800801/gerelateerd"
    server.api.faults[related] = [{"status": status}] * 3
    second = crawl(server.api_url, **window)
    assert second.returncode == 3, second.output
    assert [(e["url"].split("/v2")[1], e["error"]) for e in second.errors] == [
        ("/publicaties/800801/gerelateerd", f"request failed: HTTP {status}")]
    for _ in range(2):
        again = crawl(server.api_url, **window)
        assert again.returncode == 0 and again.errors == [], again.output
        assert "related notices of 800801 still unavailable" in again.output
    assert not server.api.faults[related]   # asked by each: it may come back
    assert notice(again.db, 800801)["title"]


def test_a_related_notice_without_a_detail_is_recorded_once(snapshot, serve_api, crawl):
    """300301's ``/gerelateerd`` lists 300399, whose detail answers 404 (a withdrawn notice the list still
    names). The crawl that meets it records it ("related to 300301"); the next asks that /gerelateerd
    again (the related notice may come), and every crawl after it ended failed, for ever, on the same
    404. Recorded once, then asked and only logged."""
    server = serve_api(snapshot)
    related = "/papi/tenderned-rs-tns/v2/publicaties/300301/gerelateerd"
    listing = json.dumps([{"publicatieId": 300301, "kenmerk": 312877}, {"publicatieId": 300399, "kenmerk": 312877},
                          {"publicatieId": 300377, "kenmerk": 312877}])   # synthetic
    server.api.faults[related] = [{"status": 200, "body": listing}] * 5
    first = crawl(server.api_url)
    assert first.returncode == 3, first.output
    assert [(e["url"].split("/v2")[1], e["error"].split(" '")[0], e["error"][-19:]) for e in first.errors] == [
        ("/publicaties/300399", "request failed: HTTP 404", "(related to 300301)")]
    outputs = []
    for _ in range(2):
        again = crawl(server.api_url)
        assert again.returncode == 0 and again.errors == [], again.output
        outputs.append(again.output)
    assert "publication 300399 (related to 300301) still unavailable (HTTP 404)" in outputs[0]
    assert server.api.log.count("/papi/tenderned-rs-tns/v2/publicaties/300399") == 2   # asked again once, then not
    assert notice(again.db, 300377)["title"]


def test_a_related_row_whose_id_is_no_ascii_number_is_not_asked_for(snapshot, serve_api, crawl):
    """``/gerelateerd`` rows whose ``publicatieId`` is digits to ``str.isdigit`` but no number of TenderNed's
    (a superscript, Arabic-Indic digits, more than an archived id holds) are not asked for: each was
    requested (a URL no notice has) and recorded as a failed related notice by every crawl. One written
    with leading zeros is the notice without them (asked for under its own number, at most once)."""
    server = serve_api(snapshot)
    listing = json.dumps([{"publicatieId": 300301}, {"publicatieId": "²"}, {"publicatieId": "٣٠٠٣٧٧"},
                          {"publicatieId": 10 ** 30}, {"publicatieId": " 300377 "}, {"publicatieId": "000300377"}],
                         ensure_ascii=False)  # synthetic
    server.api.faults["/papi/tenderned-rs-tns/v2/publicaties/300301/gerelateerd"] = [{"status": 200, "body": listing}]
    result = crawl(server.api_url)
    assert result.returncode == 0 and result.errors == [], result.output
    asked = [p for p in server.api.log if p.startswith("/papi/tenderned-rs-tns/v2/publicaties/")]
    assert not [p for p in asked if not re.fullmatch(r"/papi/tenderned-rs-tns/v2/publicaties/[1-9][0-9]*(/[a-z]+)?", p)]
    assert asked.count("/papi/tenderned-rs-tns/v2/publicaties/300377") == 1
    assert notice(result.db, 300377)["title"]


def test_a_listed_notice_withdrawn_before_its_detail_is_recorded_once(snapshot, serve_api, crawl):
    """A new notice the list still lists (its search index lags) whose detail answers 404: the crawl that meets
    it records it (partial) and the next run asks again. Recorded by every run, every crawl was partial, and
    each incremental window reached back to the first partial one's start: the window never moved on. Asked
    again and still 404, it is only logged; the notice is not archived."""
    detail = "/papi/tenderned-rs-tns/v2/publicaties/400401"
    server = serve_api(snapshot, faults={detail: [{"status": 404, "body": '{"message": "Publicatie niet gevonden"}'}] * 3})
    first = crawl(server.api_url)
    assert first.returncode == 3 and [e["url"] for e in first.errors] == [f"{server.api_url}/publicaties/400401"]
    second = crawl(server.api_url)
    assert server.api.log.count(detail) == 2  # asked again
    assert second.returncode == 0 and second.crawl["status"] == "complete", second.errors
    assert "publication 400401 (listed) still unavailable (HTTP 404)" in second.output
    assert 400401 not in {r["publication_id"] for r in second.db["notices"].rows}


def test_an_open_notice_withdrawn_from_tenderned_is_kept_and_recorded_once(snapshot, serve_api, crawl):
    """300301 is open (deadline 2021-11-15) and re-checked by every crawl; then its detail answers
    410 Gone. The crawl that meets it first records it (partial) and keeps the archived notice; the
    runs after it still ask (it may come back) but no longer end partial every night until the
    deadline plus the re-check margin."""
    detail = "/papi/tenderned-rs-tns/v2/publicaties/300301"
    server = serve_api(snapshot)
    window = {"from_date": "2021-10-01", "until_date": "2021-11-20"}
    first = crawl(server.api_url, **window)
    assert first.returncode == 0, first.output
    kept = dict(notice(first.db, 300301))
    server.api.faults[detail] = [{"status": 410}, {"status": 410}]
    second = crawl(server.api_url, **window)
    assert second.returncode == 3, second.output
    assert [e["url"] for e in second.errors] == [f"{server.api_url}/publicaties/300301"]
    assert "HTTP 410" in second.errors[0]["error"] and "kept" in second.errors[0]["error"]
    third = crawl(server.api_url, **window)
    assert not server.api.faults[detail]   # asked again
    assert third.returncode == 0, third.output
    assert "publication 300301 still unavailable (HTTP 410)" in third.output
    assert dict(notice(third.db, 300301)) == kept


def test_a_kenmerk_written_as_its_tn_number_is_the_procedure(snapshot, serve_api, crawl):
    """A ``kenmerk`` is the procedure's TN number (docs/reference/tenderned-api.md §3; ids change type
    between endpoints, §13). Sent as ``"TN243310"`` it dropped the award notice in every crawl ("invalid
    literal for int()") and, from the list row, re-checked no archived notice of the procedure. It is
    procedure 243310: archived as such, and its contract notice re-checked."""
    award = by_id(snapshot, 200288)
    server = serve_api([p for p in snapshot if p is not award])
    first = crawl(server.api_url)
    assert first.returncode == 0, first.output
    award["list"]["kenmerk"], award["detail"]["kenmerk"] = "TN243310", "TN 243310"
    server.api.add(award)
    server.api.log.clear()
    second = crawl(server.api_url)
    assert second.returncode == 0, second.output
    archived = notice(second.db, 200288)
    assert (archived["kenmerk"], archived["procurement_id"]) == (243310, "TN243310")
    assert "/papi/tenderned-rs-tns/v2/publicaties/200201" in server.api.log   # re-checked: a new notice of its procedure


def test_a_detail_without_a_closing_date_is_not_fetched_again_by_every_run(snapshot, serve_api, crawl):
    """The detail often has no ``sluitingsDatum`` (docs/reference/tenderned-api.md §13): 200201's
    deadline comes from its list row. Its award notice 200288 re-checks it (no list row then): the
    archived deadline stands, and the detail does not count as having omitted it, which made every
    later run fetch the closed contract notice again as "sparse", for ever. The same for a value
    such as the kenmerk that only the list row gave."""
    contract = by_id(snapshot, 200201)
    del contract["detail"]["sluitingsDatum"]
    contract["detail"]["kenmerk"] = None   # the list row's kenmerk stands in too
    award = by_id(snapshot, 200288)
    server = serve_api([p for p in snapshot if p is not award])
    first = crawl(server.api_url)
    assert first.returncode == 0, first.output
    assert notice(first.db, 200201)["deadline"] == "2020-09-01T12:00:00+02:00"
    server.api.add(award)
    server.api.log.clear()
    second = crawl(server.api_url)
    assert second.returncode == 0, second.output
    assert "/papi/tenderned-rs-tns/v2/publicaties/200201" in server.api.log   # re-checked: a new notice of its procedure
    row = notice(second.db, 200201)
    assert row["deadline"] == "2020-09-01T12:00:00+02:00" and row["kenmerk"] == 243310   # kept
    server.api.log.clear()
    third = crawl(server.api_url)
    assert third.returncode == 0, third.output
    assert "/papi/tenderned-rs-tns/v2/publicaties/200201" not in server.api.log


def test_a_document_whose_date_or_size_cannot_be_read_costs_that_value_not_the_notice(snapshot, serve_api, crawl):
    """The reference gives no form for a document's ``datumPublicatie`` or ``grootte`` (§5): one written
    the Dutch way ("13-03-2018"), or a size sent as 127919.0, dropped the whole notice, which was then
    never archived. The notice and its documents are archived; the date that cannot be read is
    recorded (the crawl is partial) and left out; a whole number with ".0" is a size."""
    documents = by_id(snapshot, 100101)["documenten"]["documenten"]
    documents[0]["datumPublicatie"] = "13-03-2018"
    documents[1]["grootte"] = float(documents[1]["grootte"])
    result = crawl(serve_api(snapshot).api_url)
    assert result.returncode == 3, result.output
    assert notice(result.db, 100101)["title"]
    archived = {d["document_id"]: d for d in result.db["documents"].rows_where("publication_id = 100101")}
    assert archived[str(documents[0]["documentId"])]["published"] is None
    assert archived[str(documents[1]["documentId"])]["size_bytes"] == int(documents[1]["grootte"])
    assert [e["error"] for e in result.errors] == [
        f"publication 100101: document {documents[0]['documentId']}: datumPublicatie '13-03-2018' is not a date "
        "or timestamp; archived without it"]


def test_a_document_listed_by_two_publications_is_kept_for_both(snapshot, serve_api, crawl):
    """TenderNed addresses a document within its publication (``/publicaties/{id}/documenten/{documentId}``,
    docs/reference/tenderned-api.md §1), and a rectification lists its procedure's documents again under
    the same ids. Keyed on ``document_id`` alone, the rectification's row replaced the notice's: the
    notice lost its tender document. Both keep it."""
    import copy

    shared = copy.deepcopy(by_id(snapshot, 100101)["documenten"]["documenten"][0])
    by_id(snapshot, 100131)["documenten"]["documenten"].append(shared)
    result = crawl(serve_api(snapshot).api_url)
    assert result.returncode == 0, result.output
    listing = {(d["publication_id"], d["document_id"]) for d in result.db["documents"].rows_where(
        "publication_id in (100101, 100131)")}
    document = str(shared["documentId"])
    assert {(100101, document), (100131, document)} <= listing and len(listing) == 4
    rows = list(result.db["documents"].rows_where("document_id = ?", [document], order_by="publication_id"))
    assert [r["source_url"].split("/publicaties/")[1] for r in rows] == ["100101/documenten", "100131/documenten"]


@pytest.mark.parametrize("entry", [{"documentNaam": "zonder-id.pdf"}, {"documentId": "", "documentNaam": "leeg.pdf"},
                                   {"documentId": [1], "documentNaam": "lijst.pdf"}, "bijlage.pdf", None])
def test_a_document_without_a_document_id_costs_that_document_not_the_notice(snapshot, serve_api, crawl, entry):
    """A ``/documenten`` entry with nothing to key it by (no ``documentId``, an empty or odd one, no object at
    all) failed the whole notice in the archive (a NOT NULL key, or "expected an object") and every later
    crawl fetched it and failed again. It is left out and recorded; the notice and its other documents are
    archived."""
    by_id(snapshot, 200201)["documenten"]["documenten"].append(entry)
    result = crawl(serve_api(snapshot).api_url)
    assert result.returncode == 3, result.output
    assert notice(result.db, 200201)["title"]
    assert [d["document_id"] for d in result.db["documents"].rows_where("publication_id = 200201")] == ["20020101"]
    [error] = result.errors
    assert error["error"].startswith("publication 200201: a document without a documentId (") and \
        error["error"].endswith("); archived without it") and error["url"].endswith("/publicaties/200201/documenten")


def test_a_documents_list_that_failed_is_fetched_by_the_next_run(snapshot, serve_api, crawl):
    """A notice archived while its ``/documenten`` failed (5xx beyond the retries, or a broken
    answer) is re-checked by the next run, although it is closed and already archived: otherwise
    its documents were never fetched (docs/reference/tenderned-api.md §5)."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/100101/documenten"
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3 and first.crawl["status"] == "partial"
    assert first.db["notices"].get(100101)["documents_unread"] == 1
    assert not list(first.db["documents"].rows_where("publication_id = 100101"))
    again = crawl(server.api_url)
    assert again.returncode == 0, again.output
    assert again.crawl["status"] == "complete"
    assert server.api.log.count(path) == 6
    assert [d["category"] for d in again.db["documents"].rows_where("publication_id = 100101",
                                                                    order_by="document_id")] == ["DOC", "NVI"]
    assert again.db["notices"].get(100101)["documents_unread"] is None
    third = crawl(server.api_url)  # read once: not asked again
    assert server.api.log.count(path) == 6 and third.crawl["status"] == "complete"


@pytest.mark.parametrize("body", ['{"status": 500, "error": "Internal Server Error"}', '{}',
                                  '{"documenten": "niet beschikbaar"}', '{"documenten": null}'])
def test_a_documents_answer_without_a_documents_list_is_recorded_and_asked_again(snapshot, serve_api, crawl, body):
    """HTTP 200 with an error object (or anything without a ``documenten`` list, §5) is no answer
    "no documents": recorded, the notice archived with its documents unread, asked again next run.
    It was archived as a notice without documents in a complete crawl, and never asked again (or,
    for a ``documenten`` that is no list, null too, the whole notice was dropped)."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/100101/documenten"
    # an error object saying a retried status is retried within the crawl (round 75): past its retries here
    server = serve_api(snapshot, faults={path: [{"status": 200, "body": body}] * (5 if "error" in body else 1)})
    first = crawl(server.api_url)
    assert first.returncode == 3, first.output
    assert any(e["url"].endswith(path) and "without a 'documenten' list" in e["error"] for e in first.errors)
    assert first.db["notices"].get(100101)["documents_unread"] == 1
    again = crawl(server.api_url)
    assert again.returncode == 0, again.output
    assert [d["category"] for d in again.db["documents"].rows_where("publication_id = 100101",
                                                                    order_by="document_id")] == ["DOC", "NVI"]


def test_a_list_answer_that_is_not_a_page_is_recorded_not_taken_for_an_empty_window(snapshot, serve_api, crawl):
    """A 200 whose JSON is no page envelope (an error object, ``{}``) has no ``totalElements``; an
    empty result still has ``totalElements: 0`` (docs/reference/tenderned-api.md §3). It was read
    as an empty window: a complete crawl that archived nothing."""
    path = "/papi/tenderned-rs-tns/v2/publicaties"
    # past its retries (it is retried like a 5xx: tests/spiders/test_tenderned_round74_api.py)
    server = serve_api(snapshot, faults={path: [{"status": 200, "body": '{"error": "Service Unavailable"}'}] * 5})
    result = crawl(server.api_url, "--profile", "all")
    assert result.returncode == 1, result.output  # its only list query failed: nothing archived
    assert result.crawl["status"] == "failed"
    assert any("totalElements" in e["error"] for e in result.errors), result.errors
    again = crawl(server.api_url, "--profile", "all")
    assert again.crawl["status"] == "complete" and again.db["notices"].count == 13


def test_a_documents_list_that_is_not_found_is_recorded_once_not_asked_every_run(snapshot, serve_api, crawl):
    """A 404 (or 410) is TenderNed's answer, not a failure to get one: recorded, the notice
    archived as having no documents list, and not re-checked for it every run (which would leave
    every crawl partial and stop the incremental window from moving on)."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/100101/documenten"
    server = serve_api(snapshot, faults={path: [{"status": 404, "body": '{"message": "Not Found"}'}]})
    first = crawl(server.api_url)
    assert first.crawl["status"] == "partial"
    assert any(e["url"].endswith(path) and "HTTP 404" in e["error"] for e in first.errors)
    assert first.db["notices"].get(100101)["documents_unread"] is None
    again = crawl(server.api_url)
    assert again.crawl["status"] == "complete" and server.api.log.count(path) == 1


def test_a_result_notice_known_only_from_its_list_row_gets_its_html(snapshot, serve_api, crawl):
    """The list row's ``typePublicatie`` is the notice type the detail calls ``aankondigingCode``
    (docs/reference/tenderned-api.md §7.1): a detail with neither that nor ``formType`` is still
    an award notice, whose ``/html`` holds the awards; and re-checked for it, still read."""
    award = by_id(snapshot, 100190)
    award["detail"].pop("aankondigingCode", None)
    award["detail"].pop("formType", None)
    assert award["list"]["typePublicatie"]["code"] == "AGO"
    path = "/papi/tenderned-rs-tns/v2/publicaties/100190/html"
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    first = crawl(server.api_url)
    assert first.crawl["status"] == "partial" and server.api.log.count(path) == 5
    assert first.db["notices"].get(100190)["notice_type"] == "AGO"
    again = crawl(server.api_url)  # re-checked without a list row: still an award notice
    assert again.crawl["status"] == "complete", again.errors
    assert server.api.log.count(path) == 6
    assert list(again.db.query("select * from notice_results where publication_id = 100190"))


def hidden_award(snapshot) -> dict:
    """Award notice 200288 of contract notice 200201's procedure, under a CPV code and words no
    profile query lists: only 200201's /gerelateerd finds it ("related to 200201")."""
    award = by_id(snapshot, 200288)
    award["detail"]["cpvCodes"] = [{"code": "79411000-8", "omschrijving": "Advies", "isHoofdOpdracht": True}]
    for record in (award["detail"], award["list"]):
        record["aanbestedingNaam"], record["opdrachtBeschrijving"] = "Gunning toegang Leidse Regio", "Gunning."
    return award


def hidden_rectification(snapshot) -> str:
    """:func:`hidden_award` and a rectification of it, 200299, also found only through 200201's
    /gerelateerd; the path of the rectification's detail."""
    hidden_award(snapshot)
    rectification = make_publication(by_id(snapshot, 200288), 200299, "2021-02-01", kenmerk=243310,
                                      title="Rectificatie gunning toegang Leidse Regio")
    rectification["detail"]["aankondigingCode"] = {"code": "REC", "omschrijving": "Rectificatie"}
    snapshot.append(rectification)
    return "/papi/tenderned-rs-tns/v2/publicaties/200299"


def test_a_notice_found_through_its_procedure_stays_youth_care_when_fetched_again(snapshot, serve_api, crawl):
    """Its /html failed, so the next run re-checks it, by itself: it was archived as "not youth
    care" (its own CPV code and words say nothing of youth care), and left every youth-care view."""
    hidden_award(snapshot)
    path = "/papi/tenderned-rs-tns/v2/publicaties/200288/html"
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3
    assert first.db["notices"].get(200288)["youth_care_reasons"] == '["related to 200201"]'
    again = crawl(server.api_url)
    assert again.returncode == 0, again.errors
    assert server.api.log.count(path) == 6   # re-checked, its /html read
    notice = again.db["notices"].get(200288)
    assert (notice["youth_care"], notice["youth_care_reasons"]) == (1, '["related to 200201"]')


def test_a_related_notice_that_failed_is_fetched_by_the_next_run(snapshot, serve_api, crawl):
    """A second award notice of a procedure (a rectification of the award), found only through the
    contract notice's /gerelateerd, whose detail fails: recorded with the notice that led to it, and
    the next run asks that /gerelateerd again. The procedure already had its award notice, so
    nothing asked again and it was never fetched."""
    path = hidden_rectification(snapshot)
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3
    assert any(e["url"].endswith(path) and e["error"] == "request failed: HTTP 500 (related to 200201)"
               for e in first.errors), first.errors
    assert first.db["notices"].get(200288)   # the procedure has its award notice
    again = crawl(server.api_url)
    assert again.returncode == 0, again.errors
    notice = again.db["notices"].get(200299)
    assert notice["youth_care"] == 1 and "related to 200201" in notice["youth_care_reasons"]
    third = crawl(server.api_url)   # fetched: not asked again
    assert third.returncode == 0 and server.api.log.count(path) == 6


@pytest.mark.parametrize("body, content_type", [
    ("", "application/json"), ('{"status": 500, "error": "Internal Server Error"}', "application/json"),
    ("<html><body><h1>Onderhoud</h1></body></html>", "text/html")])
def test_an_award_notice_html_that_is_no_rendering_is_recorded_and_asked_again(snapshot, serve_api, crawl,
                                                                               body, content_type):
    """HTTP 200 with an empty body (past its retries), an error object or a maintenance page for an award
    notice's /html: archived as unread and asked again next run, as before, and now recorded (the crawl
    ended complete with the awards missing)."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/200288/html"
    # an empty body (no JSON, no HTML page) and an error object are retried within the crawl: past their retries here
    server = serve_api(snapshot, faults={path: [{"status": 200, "body": body, "headers": {
        "Content-Type": content_type}}] * (5 if not body or "error" in body else 1)})
    first = crawl(server.api_url)
    assert first.returncode == 3, first.errors
    assert any(e["url"].endswith(path) and "unreadable" in e["error"] for e in first.errors), first.errors
    assert not list(first.db.query("select * from awards where publication_id = 200288"))
    again = crawl(server.api_url)
    assert again.returncode == 0, again.errors
    assert list(again.db.query("select * from awards where publication_id = 200288"))


def test_today_is_amsterdams_today_whatever_the_machines_time_zone(monkeypatch):
    """A window reaching today is judged by TenderNed's calendar (Europe/Amsterdam, the one the
    default ``until_date`` and the list's ``publicatieDatum`` use), not the machine's: a machine
    at UTC+14 or UTC-10 is a day apart from Amsterdam for hours every day."""
    from spiders.tenderned import TenderNedSpider
    from tenderarchive import arguments

    def spider():  # the crawl's today is the day it starts on (round 66)
        crawl = TenderNedSpider(from_date="2020-01-01", until_date="2020-01-01")
        crawl.expect("cpv 2020-01-01..2020-01-01", 13)
        crawl.fetched("cpv 2020-01-01..2020-01-01", 11)
        crawl.window_end["cpv 2020-01-01..2020-01-01"] = date(2020, 1, 1)
        return crawl

    monkeypatch.setattr(arguments, "today", lambda: date(2020, 1, 1))
    assert spider().shortfalls() == []  # Amsterdam's today: its list still changes
    monkeypatch.setattr(arguments, "today", lambda: date(2020, 1, 2))
    assert [s["key"] for s in spider().shortfalls()] == ["cpv 2020-01-01..2020-01-01"]


def test_an_award_notice_whose_html_is_not_found_leaves_one_crawl_partial_not_every_one(snapshot, serve_api, crawl):
    """A result notice's ``/html`` answered 404 is recorded when the notice is archived (partial);
    the re-checks that follow ask again (it may come), but a 404 there is only logged: otherwise
    every later crawl was partial and the incremental window never moved on. Nor is it a
    warning: under cron (``--quiet``) such a complete crawl prints nothing, night after night."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/100190/html"
    server = serve_api(snapshot, faults={path: [{"status": 404, "body": '{"message": "Not Found"}'}] * 3})
    first = crawl(server.api_url)
    assert first.crawl["status"] == "partial"
    assert any(e["url"].endswith(path) and "HTTP 404" in e["error"] for e in first.errors)
    quiet = crawl(server.api_url, "--quiet")
    assert quiet.crawl["status"] == "complete" and quiet.returncode == 0, quiet.errors
    assert server.api.log.count(path) == 2 and quiet.output == ""
    again = crawl(server.api_url)
    assert again.crawl["status"] == "complete", again.errors
    assert server.api.log.count(path) == 3 and "/html of the award notice still unavailable" in again.output
    third = crawl(server.api_url)  # it came: read, and not asked again
    assert server.api.log.count(path) == 4 and third.crawl["status"] == "complete"
    assert list(third.db.query("select * from notice_results where publication_id = 100190"))
    crawl(server.api_url)
    assert server.api.log.count(path) == 4



EMPTY_PAGE = ('{"content": [], "totalElements": 0, "totalPages": 0, "size": 100, "number": 0, '
              '"numberOfElements": 0, "first": true, "last": true}')


def list_requests(api) -> list[str]:
    return [p for p in api.log if p.startswith("/papi/tenderned-rs-tns/v2/publicaties?")]


@pytest.mark.parametrize("profile", ["all", "youth_care"])
def test_an_empty_list_answer_is_asked_again_before_it_is_believed(snapshot, serve_api, crawl, tmp_path, profile):
    """A list query that answers "nothing in this window" (a well-formed empty page from a glitch,
    a cache, a replica behind) is asked once more before it is believed (pge-outages' rule,
    docs/reference/peers.md §0.3 and §2). It was believed at once: the crawl ended complete with
    nothing archived, and the next incremental run started after the window, so its notices were
    never fetched."""
    plain = serve_api(snapshot)
    assert crawl(plain.api_url, "--profile", profile, db=tmp_path / "plain.db").crawl["status"] == "complete"
    queries = {p for p in list_requests(plain.api) if "page=0&size=100&" in p}
    # the first answer of every list query is empty
    server = serve_api(snapshot, faults={query: [{"status": 200, "body": EMPTY_PAGE}] for query in queries})
    result = crawl(server.api_url, "--profile", profile)
    assert result.returncode == 0, result.output
    assert result.crawl["status"] == "complete"
    assert result.db["notices"].count == (13 if profile == "all" else len(YOUTH_CARE_IDS) + 1)
    # each query was asked twice (its first answer was empty), and nothing else was
    asked = list_requests(server.api)
    assert {p: asked.count(p) for p in queries} == {p: 2 for p in queries}
    controls = [p for p in asked if "03000000-1" in p or "qxzqxzqxz" in p]  # a query matching (almost) all
    assert len(asked) == 2 * len(queries) + (profile != "all") + len(controls)


def test_a_window_that_is_empty_twice_is_complete_and_asked_no_more(snapshot, serve_api, crawl):
    server = serve_api(snapshot)
    result = crawl(server.api_url, "--profile", "all", from_date="2030-01-01", until_date="2030-01-31")
    assert result.returncode == 0, result.output
    assert result.crawl["status"] == "complete" and result.db["notices"].count == 0
    assert len(list_requests(server.api)) == 2


def test_a_dry_run_fetches_and_parses_one_record_and_writes_nothing(snapshot, serve_api, crawl, tmp_path):
    """``crawl --dry-run`` (kingfisher-collect's ``crawlall --dry-run``, docs/reference/peers.md
    §1, §7): the source is asked, one record fetched and run through the pipelines into a
    throwaway archive, the outcome printed; the archive named by ``--db`` is not created."""
    server = serve_api(snapshot)
    result = crawl(server.api_url, "--dry-run")
    assert result.returncode == 0, result.output
    assert "dry run of tenderned (sample 1): nothing was written to" in result.output
    assert re.search(r"\n\s+1\s+tenderned\s+complete\s", result.output), result.output
    assert not result.db_path.exists() and not (result.db_path.parent / "warc").exists()
    details = [p for p in server.api.log if re.fullmatch(r"/papi/tenderned-rs-tns/v2/publicaties/\d+", p)]
    assert len(details) == 1  # one record, fetched for real


def test_a_dry_run_leaves_an_archive_byte_identical_and_reports_the_errors(snapshot, serve_api, crawl):
    server = serve_api(snapshot)
    first = crawl(server.api_url)
    assert first.crawl["status"] == "complete"
    files = sorted(p for p in first.db_path.parent.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    # the first record's detail fails beyond the retries: the dry run failed and says why
    server.api.faults["/papi/tenderned-rs-tns/v2/publicaties/300377"] = [{"status": 500}] * 5
    dry = crawl(server.api_url, "--dry-run", "--profile", "all")
    assert dry.returncode == 1, dry.output  # its one record could not be fetched: nothing archived
    assert re.search(r"\n\s+1\s+tenderned\s+failed\s", dry.output), dry.output
    assert "! http://127.0.0.1" in dry.output and "publicaties/300377: request failed: HTTP 500" in dry.output
    after = sorted(p for p in first.db_path.parent.rglob("*") if p.is_file())
    assert after == files and {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in after} == before
    assert first.db["crawls"].count == 1


def test_a_dry_run_keeps_nothing_so_it_takes_no_watchlist_or_jobdir(tmp_path):
    result = cli("crawl", "--dry-run", "--jobdir", tmp_path / "job", "--db", tmp_path / "archive.db")
    assert result.returncode == 2 and "--dry-run" in result.stderr
    assert not (tmp_path / "archive.db").exists() and not (tmp_path / "job").exists()


def test_a_sample_crawl_does_not_move_the_incremental_window(snapshot, serve_api, crawl):
    """A quick look (``--sample N``) archives N records of its window, not the window: the next
    incremental run must not continue from it. It did (a sample crawl ends ``complete``), so a
    cron run after a journalist's sample skipped every notice of the days the sample stood for
    (kingfisher-collect #1163: a crawl that stopped early counted as a pass; peers.md §1, §0.3)."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, until_date="2019-12-31")  # the cron crawl: up to the end of 2019
    assert first.crawl["status"] == "complete" and first.db["notices"].count == 5
    sample = crawl(server.api_url, "--sample", "1", until_date="2022-12-31")
    assert sample.crawl["status"] == "complete" and sample.db["notices"].count < len(YOUTH_CARE_IDS)
    # the next cron run without --from-date continues from the cron crawl, not from the sample
    later = crawl(server.api_url, from_date=None, until_date="2022-12-31")
    assert later.crawl["status"] == "complete", later.output
    assert json.loads(later.crawl["arguments"])["from_date"] == "2019-12-28"
    assert later.db["notices"].count == len(YOUTH_CARE_IDS) + 1


def test_a_rectification_of_the_contract_notice_does_not_end_the_wait_for_the_award_notice(serve_api, crawl):
    """A rectification (REC) of a contract notice (a moved deadline: formType "competition",
    tenderned-api.md §7.1, tenderned-awards.md §6) is no award. It counted as one, so the procedure
    no longer awaited its award notice, and an award published months later under other CPV codes
    and words (900302) was never fetched: the next crawl asked no /gerelateerd."""
    from tenderarchive.apiserver import load_publications
    from tests.awards.conftest import FIXTURES

    publications = load_publications(FIXTURES)
    award = next(p for p in publications if str(p["list"]["publicatieId"]) == "900302")
    contract = next(p for p in publications if str(p["list"]["publicatieId"]) == "900301")
    rectification = make_publication(contract, 900309, "2022-02-10", kenmerk=contract["detail"]["kenmerk"],
                                     title="Rectificatie Dyslexiezorg (EED) Regio Voorbeeld 2022")
    rectification["list"]["typePublicatie"] = {"code": "REC", "omschrijving": "Rectificatie"}
    rectification["detail"]["aankondigingCode"] = {"code": "REC", "omschrijving": "Rectificatie"}
    assert rectification["detail"]["formType"] == "competition"
    server = serve_api([p for p in publications if p is not award] + [rectification])
    first = crawl(server.api_url, from_date="2022-01-01", until_date="2022-03-01")
    assert first.returncode == 0, first.errors
    assert first.db["notices"].get(900309)["notice_type"] == "REC"
    server.api.add(award)
    began = len(server.api.log)
    second = crawl(server.api_url, from_date="2022-07-01", until_date="2022-07-31")
    assert second.returncode == 0, second.errors
    assert "/papi/tenderned-rs-tns/v2/publicaties/900309/gerelateerd" in server.api.log[began:]
    notice = second.db["notices"].get(900302)
    assert (notice["youth_care"], notice["youth_care_reasons"]) == (1, '["related to 900309"]')


def test_a_related_notice_still_missing_after_a_failed_retry_is_asked_for_by_the_run_after(snapshot, serve_api,
                                                                                          crawl):
    """The related notice's detail fails (recorded "related to 200201"); the next run's retry of
    200201's /gerelateerd fails too (an outage): that run records no "related to" error. The run
    after read only the last crawl's errors, so the related notice was never asked for again."""
    path = hidden_rectification(snapshot)
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3 and first.db["notices"].get(200288)
    related = "/papi/tenderned-rs-tns/v2/publicaties/200201/gerelateerd"
    server.api.faults[related] = [{"status": 503}] * 5
    began = len(server.api.log)
    second = crawl(server.api_url)
    assert second.returncode != 0 and server.api.log[began:].count(related) == 5
    assert not any("related to" in e["error"] for e in second.errors), second.errors
    third = crawl(server.api_url)
    assert third.returncode == 0, third.errors
    assert third.db["notices"].get(200299)["youth_care_reasons"] == '["related to 200201"]'
    began = len(server.api.log)
    fourth = crawl(server.api_url)   # archived: not asked again
    assert fourth.returncode == 0 and related not in server.api.log[began:]


@pytest.mark.parametrize("lie", [{"totalPages": 99, "last": False}, {"totalPages": 99, "totalElements": 500}])
def test_a_list_whose_total_pages_overstates_its_pages_is_not_asked_for_empty_pages(snapshot, serve_api, crawl,
                                                                                    lie):
    """13 publications in pages of 5, but every envelope says 99 pages (and, in the second case, 500
    publications). Pages were all asked at once from page 0's totalPages: 98 pages per query, all
    empty. Asked one after another, a query ends when its window has listed its totalElements, or
    at the first page that lists nothing new (an overstated total is a shortfall, recorded)."""
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5, envelope=lambda page, params: {**page, **lie})
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.db["notices"].count == 13
    pages = sorted(int(re.search(r"[?&]page=(\d+)", p).group(1)) for p in list_requests(server.api))
    if "totalElements" in lie:
        assert pages == [0, 1, 2]   # page 2 says `last: true` (round 50: page 3, empty, was asked)
        assert result.returncode == 3 and any("fetched 13 of 500" in e["error"] for e in result.errors)
    else:
        assert pages == [0, 1, 2]
        assert result.returncode == 0, result.errors


def test_a_notice_published_into_a_window_while_it_is_paged_is_not_lost(snapshot, serve_api, crawl):
    """A notice published into the window (newest first: at the top) after page 0 was read shifts every
    row down: page 1 repeats page 0's last row and the new notice is never listed. The window listed as
    many publications as page 0's totalElements and ended complete; the notice was lost (the next run's
    window need not reach its day). The larger total of the pages after is the window's: it comes short,
    and is listed again in halves (round 14: a past window short over several pages), which list it."""
    publications = _many(snapshot, days=5, per_day=1)
    late = make_publication(by_id(snapshot, 200201), 2000, "2021-03-05", title="Jeugdhulp laat gepubliceerd")
    published = []

    def publish_after_page_0(page, params):
        if page["number"] == 0 and not published:
            published.append(late)
            server.api.add(late)
        return page

    server = serve_api(publications, max_size=2, envelope=publish_after_page_0)
    args = ("--profile", "all", "-s", "TENDERNED_PAGE_SIZE=2")
    first = crawl(server.api_url, *args, from_date="2021-03-01", until_date="2021-03-05")
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].count == 6 and "listing it again in two windows" in first.output
    second = crawl(server.api_url, *args, from_date=None, until_date="2021-03-05")
    assert second.crawl["status"] == "complete", second.errors
    assert second.db["notices"].get(2000)["title"] == "Jeugdhulp laat gepubliceerd"


def test_an_incremental_run_after_a_crawl_that_never_completed_lists_that_crawls_window_again(snapshot, serve_api,
                                                                                             crawl):
    """A first backfill (2019) whose detail of 800801 failed ends partial; the next run, from cron
    with no --from-date, had no complete crawl to continue from and listed only the default week
    before its until_date, so 800801 was never asked for again. It lists from the unfinished
    crawl's start, and once complete the run after continues from it as before."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/800801"
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 5})
    first = crawl(server.api_url, from_date="2019-01-01", until_date="2019-12-31")
    assert first.returncode == 3 and 800801 not in {r["publication_id"] for r in first.db["notices"].rows}
    second = crawl(server.api_url, from_date=None, until_date="2020-12-31")
    assert second.returncode == 0, second.errors
    assert json.loads(second.crawl["arguments"])["from_date"] == "2019-01-01"
    assert second.db["notices"].get(800801)["youth_care"] == 1
    third = crawl(server.api_url, from_date=None, until_date="2021-01-31")
    assert third.returncode == 0 and json.loads(third.crawl["arguments"])["from_date"] == "2020-12-28"


def test_a_complete_crawl_of_a_narrower_window_leaves_an_earlier_partial_crawls_window_to_be_listed(
        snapshot, serve_api, crawl):
    """A backfill 2018-2023 ends partial (800801's detail answers 500 every time). A crawl with
    --from-date 2022-06-01 completes: it never listed 2019, yet it settled the backfill, and the
    runs after continued from it, so 800801 was never archived. A complete crawl settles only the
    crawls whose window, profile and source registry it covers."""
    path = "/papi/tenderned-rs-tns/v2/publicaties/800801"
    server = serve_api(snapshot, faults={path: [{"status": 500}] * 50})
    first = crawl(server.api_url, from_date="2018-01-01", until_date="2023-12-31")
    assert first.returncode == 3 and 800801 not in {r["publication_id"] for r in first.db["notices"].rows}
    server.api.faults.clear()
    second = crawl(server.api_url, from_date="2022-06-01", until_date="2024-01-31")
    assert second.returncode == 0, second.errors
    assert 800801 not in {r["publication_id"] for r in second.db["notices"].rows}
    third = crawl(server.api_url, from_date=None, until_date="2024-02-29")
    assert third.returncode == 0, third.errors
    assert json.loads(third.crawl["arguments"])["from_date"] == "2018-01-01"
    assert third.db["notices"].get(800801)["youth_care"] == 1
    fourth = crawl(server.api_url, from_date=None, until_date="2024-03-31")   # the third covered the backfill
    assert fourth.returncode == 0 and json.loads(fourth.crawl["arguments"])["from_date"] == "2024-02-26"


def test_a_procedure_whose_gerelateerd_failed_is_asked_again_by_the_next_run(snapshot, serve_api, crawl):
    """200201's /gerelateerd fails (an outage of that endpoint): its award notice 200288, under a CPV
    code and words no profile query lists, is found only through it. The failure was recorded but
    nothing asked again (200201 is closed, and past the results horizon), so the award notice was
    never fetched; the next run asks that /gerelateerd again."""
    hidden_award(snapshot)
    related = "/papi/tenderned-rs-tns/v2/publicaties/200201/gerelateerd"
    server = serve_api(snapshot, faults={related: [{"status": 500}] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3 and any(e["url"].endswith(related) for e in first.errors), first.errors
    assert 200288 not in {r["publication_id"] for r in first.db["notices"].rows}
    second = crawl(server.api_url)
    assert second.returncode == 0, second.errors
    assert second.db["notices"].get(200288)["youth_care_reasons"] == '["related to 200201"]'
    began = len(server.api.log)
    third = crawl(server.api_url)   # a complete crawl since: not asked again
    assert third.returncode == 0 and related not in server.api.log[began:]


def test_an_until_date_in_the_future_does_not_skip_the_days_after_that_crawl_ran(snapshot, serve_api, crawl):
    """A crawl run ten days ago with --until-date a month ahead (complete): the next incremental run
    continued from that until_date minus the overlap, capped at today, so it listed only today, and a
    notice published five days ago was never fetched. A crawl lists nothing published after it ran:
    the next run continues from the day it started. The crawl here is an older archive's, recorded without the day
    it ran as (``today`` in its arguments, refapi67): judged by its ``started``."""
    from tenderarchive.arguments import today as amsterdam_today

    today = amsterdam_today()
    server = serve_api([by_id(snapshot, 100101)])
    first = crawl(server.api_url, from_date=(today - timedelta(days=20)).isoformat(),
                  until_date=(today + timedelta(days=30)).isoformat())
    assert first.returncode == 0, first.errors
    ran = (today - timedelta(days=10)).isoformat() + "T09:00:00+00:00"
    first.db.execute("update crawls set started = ?, finished = ?, arguments = json_remove(arguments, '$.today') "
                     "where crawl_id = ?", [ran, ran, first.crawl["crawl_id"]])
    first.db.conn.commit()
    server.api.add(make_publication(by_id(snapshot, 700701), 7777, (today - timedelta(days=5)).isoformat(),
                                    title="Jeugdhulp na de vorige crawl"))
    second = crawl(server.api_url, from_date=None, until_date=None)
    assert second.returncode == 0, second.errors
    assert json.loads(second.crawl["arguments"])["from_date"] == (today - timedelta(days=13)).isoformat()
    assert second.db["notices"].get(7777)["youth_care"] == 1


@pytest.mark.parametrize("fault", [{"status": 500}, {"status": 200, "body": '{"content": [{"publicatieId"'}])
def test_a_list_page_that_fails_costs_its_rows_not_the_rest_of_the_query(snapshot, serve_api, crawl, fault):
    """13 publications in pages of 5: page 1 fails (an error that outlasts the retries, or a broken
    body). Pages are asked one after another, so the failure ended the query and page 2's rows
    were lost too; now only page 1's five are (a recorded shortfall, asked again next run)."""
    publications = _many(snapshot, days=1, per_day=13)
    query = "page=1&size=5&publicatieDatumVanaf=2021-03-01&publicatieDatumTot=2021-03-01"
    server = serve_api(publications, max_size=5,
                       faults={f"/papi/tenderned-rs-tns/v2/publicaties?{query}": [fault] * 5})
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5",
                   from_date="2021-03-01", until_date="2021-03-01")
    assert result.returncode == 3
    assert result.db["notices"].count == 8
    assert any("fetched 8 of 13" in e["error"] for e in result.errors), result.errors
