"""TenderNed API conformance, round 56, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a detail without its full description (``opdrachtBeschrijving``, §4) while the list row carries its shorter
text (§3), a notice fetched through ``/gerelateerd`` (§6) before the list lists it, and a closing date only the list
row gave through a reparse. The records are SYNTHETIC."""

from __future__ import annotations

import json

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT, by_id
from tests.test_reparse import dump

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
#: market consultation 500501 (published 2019-05-02, kenmerk 333001), a youth-care procedure awaiting its results
MAC = {"from_date": "2019-05-01", "until_date": "2019-05-03"}
#: a list row's publicatiestatus other than the archived one fetches the notice again with its row (round 12)
STATUSES = ({"code": "ING", "omschrijving": "Ingetrokken"}, {"code": "PUB", "omschrijving": "Gepubliceerd"})
FULL = (" Perceel 1 omvat ook de crisisopvang en het verblijf in gezinshuizen; perceel 2 ook de ambulante"
        " begeleiding thuis en op school, met de toelichting op de inkoopstrategie van de regio.")


def test_a_detail_without_its_description_keeps_the_full_text_an_earlier_detail_gave(snapshot, serve_api, crawl):
    """Contract notice 300301's detail gives its full description, its list row a shorter text (about 1,000
    characters in the list: §3). Fetched again with its row (a crawl that is not incremental) while its detail leaves
    ``opdrachtBeschrijving`` out (§13: fields go missing), the row's text replaced the full one. The detail's is kept
    and the row's archived apart (``description_list``); a later detail naming a text is still taken."""
    notice = by_id(snapshot, 300301)
    short = notice["list"]["opdrachtBeschrijving"]
    notice["detail"]["opdrachtBeschrijving"] = short + FULL
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    row = first.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (short + FULL, short)

    del notice["detail"]["opdrachtBeschrijving"]
    again = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (short + FULL, short)
    assert "description" in json.loads(row["omitted_columns"])  # the detail left it out: kept, as omitted
    assert json.loads(row["youth_care_reasons"]) == json.loads(first.db["notices"].get(300301)["youth_care_reasons"])
    assert not [v for v in again.db["versions"].rows_where("table_name = 'notices'")
                if "description" in v["changed_columns"]]

    notice["detail"]["opdrachtBeschrijving"] = "Synthetische demodata. Gewijzigde omschrijving van de opdracht."
    later = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **OPEN)
    assert later.db["notices"].get(300301)["description"] == (
        "Synthetische demodata. Gewijzigde omschrijving van de opdracht.")


def test_a_description_only_the_list_row_gave_still_follows_the_list_row(snapshot, serve_api, crawl):
    """A notice whose details never gave a description has its list row's; a row that gives another is taken."""
    notice = by_id(snapshot, 300301)
    del notice["detail"]["opdrachtBeschrijving"]
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    short = notice["list"]["opdrachtBeschrijving"]
    row = first.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (short, short)
    notice["list"]["opdrachtBeschrijving"] = short + " Aangevuld."
    again = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (short + " Aangevuld.", short + " Aangevuld.")


def test_a_consultation_awaiting_its_results_takes_its_list_row_on_a_crawl_that_is_not_incremental(
        snapshot, serve_api, crawl):
    """Market consultation 500501 is a youth-care procedure with no result notice: every crawl asks its
    ``/gerelateerd`` (awaiting results), which lists the notice itself (§6). A crawl that is not incremental fetched
    it through that list before its list page came, rowless, and then passed over its list row as seen: the columns
    only the row gives (its ``publicatiestatus``, here withdrawn) were never refreshed. The row is taken."""
    notice = by_id(snapshot, 500501)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **MAC)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(500501)["publication_status"] == "PUB"

    notice["list"]["publicatiestatus"] = dict(STATUSES[0])
    notice["list"]["sluitingsDatumMarktconsultatie"] = "2019-06-07"
    again = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **MAC)
    assert again.crawl["status"] == "complete", again.errors
    assert "tenderned/awaiting_results" in again.output
    assert "tenderned/listed_after_rowless" in again.output
    row = again.db["notices"].get(500501)
    assert (row["publication_status"], row["consultation_deadline_list"]) == ("ING", "2019-06-07")
    server.__exit__(None, None, None)  # a reparse replays the raw store: the same
    before = dump(again.db_path)
    reparsed = forkcli.run(["reparse", "--db", again.db_path], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-2000:]
    assert dump(again.db_path) == before


CLOSED = {"from_date": "2021-10-01", "until_date": "2022-03-01"}  # 300301 closed (15 November) and past its re-check


def test_a_list_row_without_its_closing_date_makes_no_sparse_notice_and_reparses_the_same(snapshot, serve_api, crawl):
    """Contract notice 300301's closing date only its list row gives (its detail names none: §13). A crawl that is not
    incremental lists it with a row that leaves ``sluitingsDatum`` out (fields go missing): the deadline and the row's
    own (``deadline_list``) are kept as omitted. The row's own closing date counted as a value the detail left out:
    the notice was sparse and the next incremental crawl fetched it again ("recheck:sparse"), though a detail never
    gives that column. A column only the row gives makes no sparse notice (as ``consultation_deadline_list``); a
    reparse of the three crawls gives the same archive."""
    notice = by_id(snapshot, 300301)
    notice["list"]["sluitingsDatum"] = "2021-11-15T12:00:00"
    notice["detail"].pop("sluitingsDatum", None)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **CLOSED)
    assert first.crawl["status"] == "complete", first.errors
    del notice["list"]["sluitingsDatum"]
    again = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **CLOSED)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert (row["deadline"], row["deadline_list"]) == ("2021-11-15T12:00:00+01:00", "2021-11-15T12:00:00+01:00")
    third = crawl(server.api_url, **CLOSED)
    assert third.crawl["status"] == "complete", third.errors
    assert "tenderned/rechecked_sparse" not in third.output
    row = third.db["notices"].get(300301)
    assert (row["deadline"], row["deadline_list"]) == ("2021-11-15T12:00:00+01:00", "2021-11-15T12:00:00+01:00")

    server.__exit__(None, None, None)
    before = dump(third.db_path)
    reparsed = forkcli.run(["reparse", "--db", third.db_path], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-2000:]
    assert dump(third.db_path) == before
    row = sqlite_utils.Database(third.db_path)["notices"].get(300301)
    assert (row["deadline"], row["deadline_list"]) == ("2021-11-15T12:00:00+01:00", "2021-11-15T12:00:00+01:00")
