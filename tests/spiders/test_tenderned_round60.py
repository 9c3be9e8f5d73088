"""TenderNed API conformance, round 60, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: an answer that leaves out a value the archive keeps (§13: fields go missing) changes the archive's
bookkeeping of what was left out (``omitted_columns``), not the notice. The records are SYNTHETIC."""

from __future__ import annotations

import json

from tests import forkcli
from tests.conftest import ROOT, by_id
from tests.test_reparse import dump

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15)
AGAIN = ("-s", "TENDERNED_INCREMENTAL=False")  # a crawl that is not incremental fetches the notice with its row again


def notice_versions(db, publication_id: int) -> list[dict]:
    return [v for v in db["versions"].rows_where("table_name = 'notices'")
            if str(publication_id) in v["row_key"]]


def test_a_change_only_in_what_an_answer_left_out_is_no_change(snapshot, serve_api, crawl, tmp_path):
    """Contract notice 300301's detail once leaves out ``opdrachtAardCode`` (the archived RAA is kept, and
    ``omitted_columns`` names it), and later gives it again. Neither answer changes a value a reader sees: no new
    version and no notice counted updated (each was, a "change" in every new-or-changed report). The archive still
    records what the last answer left out (so the notice is asked again), and a reparse gives the same archive."""
    contract = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(300301)
    assert (before["contract_nature"], before["omitted_columns"]) == ("RAA", None)

    nature = contract["detail"].pop("opdrachtAardCode")
    sparse = crawl(server.api_url, *AGAIN, **OPEN)
    assert sparse.crawl["status"] == "complete", sparse.errors
    row = sparse.db["notices"].get(300301)
    assert row["contract_nature"] == "RAA" and "contract_nature" in json.loads(row["omitted_columns"])
    assert sparse.crawl["items_updated"] == 0
    assert notice_versions(sparse.db, 300301) == []
    assert {k: v for k, v in row.items() if k != "omitted_columns"} == \
           {k: v for k, v in before.items() if k != "omitted_columns"}  # provenance too: the content is as it was

    contract["detail"]["opdrachtAardCode"] = nature
    whole = crawl(server.api_url, *AGAIN, **OPEN)
    assert whole.crawl["status"] == "complete", whole.errors
    assert whole.crawl["items_updated"] == 0
    assert notice_versions(whole.db, 300301) == []
    assert whole.db["notices"].get(300301) == before

    server.__exit__(None, None, None)
    archived = dump(whole.db_path)
    reparsed = forkcli.run(["reparse", "--db", whole.db_path], cwd=ROOT, timeout=300)
    assert reparsed.returncode == 0, reparsed.stderr[-2000:]
    assert dump(whole.db_path) == archived


MAC = {"from_date": "2019-05-01", "until_date": "2019-05-03"}  # market consultation 500501 (2019-05-02)
DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"


def test_a_consultation_closing_date_moved_to_a_placeholder_year_is_no_date(snapshot, serve_api, crawl):
    """Market consultation 500501 runs to 14 June 2027; a rectification moves its detail's
    ``sluitingsDatumMarktconsultatie`` to 2099-12-31, TenderNed's "no real date" (§4, §12.4: years ≥ 2090; the list
    keeps the original, §3). It was read as a value left out: the archived 2027 date kept, as the list's too, so the
    consultation stayed open (re-checked by every crawl, a sparse answer asked again for ever). Now the placeholder is
    no date (``consultation_deadline`` NULL, ``consultation_deadline_placeholder`` 1): a change, versioned and counted,
    and the notice is no longer re-checked as open."""
    consultation = by_id(snapshot, 500501)
    consultation["list"]["sluitingsDatumMarktconsultatie"] = "2027-06-14"
    consultation["detail"]["sluitingsDatumMarktconsultatie"] = "2027-06-14"
    server = serve_api(snapshot)
    first = crawl(server.api_url, **MAC)
    assert first.crawl["status"] == "complete", first.errors
    row = first.db["notices"].get(500501)
    assert (row["consultation_deadline"], row["consultation_deadline_placeholder"]) == ("2027-06-14", 0)

    consultation["detail"]["sluitingsDatumMarktconsultatie"] = "2099-12-31"
    moved = crawl(server.api_url, **MAC)  # re-checked: it is open
    assert moved.crawl["status"] == "complete", moved.errors
    row = moved.db["notices"].get(500501)
    assert (row["consultation_deadline"], row["consultation_deadline_placeholder"]) == (None, 1)
    assert row["consultation_deadline_list"] == "2027-06-14" and row["omitted_columns"] is None
    assert moved.crawl["items_updated"] == 1
    [version] = notice_versions(moved.db, 500501)
    assert json.loads(version["previous_values"])["consultation_deadline"] == "2027-06-14"

    asked = server.api.log.count(f"{DETAIL}500501")
    again = crawl(server.api_url, **MAC)
    assert again.crawl["status"] == "complete", again.errors
    assert server.api.log.count(f"{DETAIL}500501") == asked  # no longer open, no sparse answer: not asked again
