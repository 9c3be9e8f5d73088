"""TenderNed API conformance, round 55, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a market consultation's closing date (``sluitingsDatumMarktconsultatie``) a rectification moved in the detail
while the list row keeps the original (§3 "Gotcha", §4), as round 54 for ``sluitingsDatum``. The records are
SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id

#: market consultation 500501 (published 2019-05-02, kenmerk 333001), its closing date placeholder (2099)
MAC = {"from_date": "2019-05-01", "until_date": "2019-05-03"}
FIELD = "sluitingsDatumMarktconsultatie"
#: a list row's publicatiestatus other than the archived one fetches the notice again with its row (round 12)
STATUSES = ({"code": "ING", "omschrijving": "Ingetrokken"}, {"code": "PUB", "omschrijving": "Gepubliceerd"})


def replies(db) -> list[str]:
    return [row["date"] for row in db["events"].rows_where(
        "source_type = 'notice' and source_id = '500501' and kind = 'reply_deadline'")]


def test_a_moved_consultation_date_is_not_set_back_to_the_lists_original_by_a_detail_naming_none(
        snapshot, serve_api, crawl):
    """Market consultation 500501's list row keeps its original closing date (14 June), its detail the one a
    rectification moved it to (28 June): archived 28 June. Fetched again with its row (here a changed status; as well
    a changed type or procedure, a crawl that is not incremental, or a reparse) while its detail names no
    consultation date, the row's original stood in: the notice and its timeline went back to 14 June. The one an earlier detail
    gave is kept and the row's is archived apart (``consultation_deadline_list``); a later detail naming a date is
    still taken."""
    notice = by_id(snapshot, 500501)
    notice["list"][FIELD] = "2019-06-14"
    notice["detail"][FIELD] = "2019-06-28"
    server = serve_api(snapshot)
    first = crawl(server.api_url, **MAC)
    assert first.crawl["status"] == "complete", first.errors
    row = first.db["notices"].get(500501)
    assert (row["consultation_deadline"], row["consultation_deadline_list"]) == ("2019-06-28", "2019-06-14")

    del notice["detail"][FIELD]
    notice["list"]["publicatiestatus"] = dict(STATUSES[0])
    again = crawl(server.api_url, **MAC)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(500501)
    assert row["publication_status"] == "ING"  # fetched again with its row
    assert (row["consultation_deadline"], row["consultation_deadline_list"]) == ("2019-06-28", "2019-06-14")
    assert replies(again.db) == ["2019-06-28"]

    notice["detail"][FIELD] = "2019-07-05"  # moved once more: the detail's word is taken
    notice["list"]["publicatiestatus"] = dict(STATUSES[1])
    later = crawl(server.api_url, **MAC)
    assert later.db["notices"].get(500501)["publication_status"] == "PUB"
    assert later.db["notices"].get(500501)["consultation_deadline"] == "2019-07-05"
    assert replies(later.db) == ["2019-07-05"]


def test_a_consultation_date_archived_from_the_list_row_still_follows_the_list_row(snapshot, serve_api, crawl):
    """A consultation whose details never named its closing date has its list row's; a row that gives another is
    taken, the notice's date and the row's alike."""
    notice = by_id(snapshot, 500501)
    notice["list"][FIELD] = "2019-06-14"
    del notice["detail"][FIELD]
    server = serve_api(snapshot)
    first = crawl(server.api_url, **MAC)
    row = first.db["notices"].get(500501)
    assert (row["consultation_deadline"], row["consultation_deadline_list"]) == ("2019-06-14", "2019-06-14")
    notice["list"][FIELD] = "2019-06-21"
    notice["list"]["publicatiestatus"] = dict(STATUSES[0])
    again = crawl(server.api_url, **MAC)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(500501)
    assert row["publication_status"] == "ING"
    assert (row["consultation_deadline"], row["consultation_deadline_list"]) == ("2019-06-21", "2019-06-21")
    assert replies(again.db) == ["2019-06-21"]


OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15


def test_a_detail_without_its_publication_timestamp_does_not_cut_the_archived_one_to_the_lists_day(
        snapshot, serve_api, crawl):
    """Contract notice 300301's detail gives its publication timestamp (15 October, 09:00), its list row the day alone
    (§3). Fetched again with its row (a changed status) while its detail leaves ``publicatieDatum`` out (§13: fields go
    missing), the row's day stood in: ``published_at`` became "2021-10-15", the time lost and a change recorded. The
    timestamp of that day is kept; a row naming another day is still taken."""
    notice = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.db["notices"].get(300301)["published_at"] == "2021-10-15T09:00:00+02:00"

    del notice["detail"]["publicatieDatum"]
    notice["list"]["publicatiestatus"] = dict(STATUSES[0])
    again = crawl(server.api_url, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert row["publication_status"] == "ING"  # fetched again with its row
    assert (row["published"], row["published_at"]) == ("2021-10-15", "2021-10-15T09:00:00+02:00")
    assert not [v for v in again.db["versions"].rows_where("table_name = 'notices'")
                if "published_at" in v["changed_columns"]]

    notice["list"]["publicatieDatum"] = "2021-10-16"  # another day: the row's word, the only one given
    notice["list"]["publicatiestatus"] = dict(STATUSES[1])
    later = crawl(server.api_url, **{**OPEN, "from_date": "2021-10-16"})
    row = later.db["notices"].get(300301)
    assert row["publication_status"] == "PUB"
    assert (row["published"], row["published_at"]) == ("2021-10-16", "2021-10-16")
