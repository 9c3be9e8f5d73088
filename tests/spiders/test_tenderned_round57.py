"""TenderNed API conformance, round 57, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a detail whose full description (``opdrachtBeschrijving``, §4) is as short as the list row's and the same
text (§3). The records are SYNTHETIC."""

from __future__ import annotations

from tests import forkcli
from tests.conftest import ROOT, by_id
from tests.test_reparse import dump

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
AGAIN = ("-s", "TENDERNED_INCREMENTAL=False")  # a crawl that is not incremental fetches the notice with its row again


def crawl_with_detail_description(snapshot, text, serve_api, crawl):
    """Serve ``snapshot`` with contract notice 300301's detail giving ``text`` as its ``opdrachtBeschrijving`` (None:
    leaving it out) and crawl its window into a fresh archive: (the notice, the server, the complete crawl)."""
    notice = by_id(snapshot, 300301)
    if text is None:
        del notice["detail"]["opdrachtBeschrijving"]
    else:
        notice["detail"]["opdrachtBeschrijving"] = text
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    return notice, server, first


def test_a_detail_description_equal_to_the_list_rows_is_the_details_when_the_list_text_changes(
        snapshot, serve_api, crawl):
    """Contract notice 300301's detail gives a description shorter than 1,000 characters, the very text its list row
    gives (§3: the list's is about 1,000 characters, so a short description is the same in both). Archived, the text
    read as the row's: fetched again with a row whose text changed while the detail left ``opdrachtBeschrijving`` out
    (§13: fields go missing), the row's replaced the detail's. It is the detail's, kept; the row's is archived apart.
    A later detail naming a text is taken, and its row's text then follows the row; a reparse of the four crawls gives
    the same archive."""
    text = by_id(snapshot, 300301)["list"]["opdrachtBeschrijving"]
    notice, server, first = crawl_with_detail_description(snapshot, text, serve_api, crawl)
    row = first.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (text, text)

    changed = text + " Aangevuld in de lijst."
    notice["list"]["opdrachtBeschrijving"] = changed
    del notice["detail"]["opdrachtBeschrijving"]
    again = crawl(server.api_url, *AGAIN, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (text, changed)
    assert not [v for v in again.db["versions"].rows_where("table_name = 'notices'")
                if "description" in v["changed_columns"].split('"')]

    notice["detail"]["opdrachtBeschrijving"] = changed  # the detail gives the row's new text: its own again
    third = crawl(server.api_url, *AGAIN, **OPEN)
    assert third.crawl["status"] == "complete", third.errors
    row = third.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (changed, changed)
    notice["list"]["opdrachtBeschrijving"] = text  # and the row another, the detail none: the detail's is kept
    del notice["detail"]["opdrachtBeschrijving"]
    fourth = crawl(server.api_url, *AGAIN, **OPEN)
    row = fourth.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (changed, text)

    server.__exit__(None, None, None)  # a reparse replays the raw store: the same
    before = dump(fourth.db_path)
    reparsed = forkcli.run(["reparse", "--db", fourth.db_path], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-2000:]
    assert dump(fourth.db_path) == before


def test_a_list_rows_description_that_stood_in_still_follows_the_list_row(snapshot, serve_api, crawl):
    """A notice whose detail never gave a description has its list row's, and a row that changes it is taken: the
    row's text stood in, it is no detail's."""
    notice, server, first = crawl_with_detail_description(snapshot, None, serve_api, crawl)
    text = notice["list"]["opdrachtBeschrijving"]
    assert first.db["notices"].get(300301)["description"] == text
    notice["list"]["opdrachtBeschrijving"] = text + " Aangevuld in de lijst."
    again = crawl(server.api_url, *AGAIN, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    row = again.db["notices"].get(300301)
    assert (row["description"], row["description_list"]) == (text + " Aangevuld in de lijst.",) * 2


#: market consultation 500501 (published 2019-05-02, kenmerk 333001)
MAC = {"from_date": "2019-05-01", "until_date": "2019-05-03"}


def test_a_closing_date_a_detail_gave_equal_to_the_list_rows_is_the_details_when_the_row_changes(
        snapshot, serve_api, crawl):
    """As for the description: contract notice 300301's detail names the closing date its list row names (not moved
    by a rectification, §3 "Gotcha"), and market consultation 500501's detail its row's ``sluitingsDatumMarktconsultatie``.
    Each read as the row's date: fetched again with a row naming another while the detail named none (§13), the row's
    replaced the detail's. The detail's is kept, the row's archived apart."""
    contract, consultation = by_id(snapshot, 300301), by_id(snapshot, 500501)
    contract["list"]["sluitingsDatum"] = contract["detail"]["sluitingsDatum"] = "2021-11-15T12:00:00"
    consultation["list"]["sluitingsDatumMarktconsultatie"] = "2019-06-14"
    consultation["detail"]["sluitingsDatumMarktconsultatie"] = "2019-06-14"
    server = serve_api(snapshot)
    first, first_mac = crawl(server.api_url, **OPEN), crawl(server.api_url, **MAC)
    assert first.crawl["status"] == first_mac.crawl["status"] == "complete", (first.errors, first_mac.errors)
    row = first.db["notices"].get(300301)
    assert (row["deadline"], row["deadline_list"]) == ("2021-11-15T12:00:00+01:00",) * 2
    assert (first.db["notices"].get(500501)["consultation_deadline"]) == "2019-06-14"

    contract["list"]["sluitingsDatum"] = "2021-11-22T12:00:00"
    del contract["detail"]["sluitingsDatum"]
    consultation["list"]["sluitingsDatumMarktconsultatie"] = "2019-06-21"
    del consultation["detail"]["sluitingsDatumMarktconsultatie"]
    again, again_mac = crawl(server.api_url, *AGAIN, **OPEN), crawl(server.api_url, *AGAIN, **MAC)
    assert again.crawl["status"] == again_mac.crawl["status"] == "complete", (again.errors, again_mac.errors)
    row = again.db["notices"].get(300301)
    assert (row["deadline"], row["deadline_list"]) == ("2021-11-15T12:00:00+01:00", "2021-11-22T12:00:00+01:00")
    row = again.db["notices"].get(500501)
    assert (row["consultation_deadline"], row["consultation_deadline_list"]) == ("2019-06-14", "2019-06-21")
