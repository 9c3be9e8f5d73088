"""TenderNed API conformance, round 59, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a detail that now gives the very value its list row stood in for (§3, §4, §13: fields go missing) changes
where the value comes from, not the value. The records are SYNTHETIC."""

from __future__ import annotations

import json

from tests import forkcli
from tests.conftest import ROOT, by_id
from tests.test_reparse import dump

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
MAC = {"from_date": "2019-05-01", "until_date": "2019-05-03"}  # market consultation 500501 (2019-05-02)
AGAIN = ("-s", "TENDERNED_INCREMENTAL=False")  # a crawl that is not incremental fetches the notice with its row again
FLAGS = ("description_from_list", "deadline_from_list", "consultation_deadline_from_list")


def notice_versions(db, publication_id: int) -> list[dict]:
    return [v for v in db["versions"].rows_where("table_name = 'notices'")
            if str(publication_id) in v["row_key"]]


def test_a_detail_giving_the_value_its_list_row_stood_in_for_is_no_change(snapshot, serve_api, crawl, tmp_path):
    """Contract notice 300301's detail first names neither description nor closing date, market consultation
    500501's no ``sluitingsDatumMarktconsultatie``: the list rows' stand in (``*_from_list`` = 1). A later detail
    gives the very text and dates the rows gave. Nothing a reader sees changed: no new version, and the crawl counts
    no notice updated (it counted both, a "change" in every new-or-changed report). The archive records where the
    values now come from (the flags are cleared), and a reparse of the crawls gives the same archive."""
    contract, consultation = by_id(snapshot, 300301), by_id(snapshot, 500501)
    contract["list"]["sluitingsDatum"] = "2021-11-15T12:00:00"
    del contract["detail"]["opdrachtBeschrijving"], contract["detail"]["sluitingsDatum"]
    consultation["list"]["sluitingsDatumMarktconsultatie"] = "2019-06-14"
    consultation["detail"].pop("sluitingsDatumMarktconsultatie", None)
    server = serve_api(snapshot)
    (tmp_path / "mac").mkdir()  # an archive of its own: no crawl re-checks the other window's open notice
    mac = tmp_path / "mac" / "archive.db"
    first, first_mac = crawl(server.api_url, **OPEN), crawl(server.api_url, **MAC, db=mac)
    assert first.crawl["status"] == first_mac.crawl["status"] == "complete", (first.errors, first_mac.errors)
    row = first.db["notices"].get(300301)
    assert (row["description_from_list"], row["deadline_from_list"]) == (1, 1)
    assert first_mac.db["notices"].get(500501)["consultation_deadline_from_list"] == 1
    before = {300301: first.db["notices"].get(300301), 500501: first_mac.db["notices"].get(500501)}

    contract["detail"]["opdrachtBeschrijving"] = contract["list"]["opdrachtBeschrijving"]
    contract["detail"]["sluitingsDatum"] = contract["list"]["sluitingsDatum"]
    consultation["detail"]["sluitingsDatumMarktconsultatie"] = "2019-06-14"
    again, again_mac = crawl(server.api_url, *AGAIN, **OPEN), crawl(server.api_url, *AGAIN, **MAC, db=mac)
    assert again.crawl["status"] == again_mac.crawl["status"] == "complete", (again.errors, again_mac.errors)
    assert (again.crawl["items_updated"], again_mac.crawl["items_updated"]) == (0, 0)
    assert notice_versions(again.db, 300301) == notice_versions(again_mac.db, 500501) == []
    for key, db in ((300301, again.db), (500501, again_mac.db)):
        row = db["notices"].get(key)
        assert {f: row[f] for f in FLAGS} == dict.fromkeys(FLAGS)  # where they come from: the detail now
        assert {k: v for k, v in row.items() if k not in FLAGS} == \
               {k: v for k, v in before[key].items() if k not in FLAGS}

    server.__exit__(None, None, None)
    for db_path in (again.db_path, mac):
        archived = dump(db_path)
        reparsed = forkcli.run(["reparse", "--db", db_path], cwd=ROOT, timeout=300)
        assert reparsed.returncode == 0, reparsed.stderr[-2000:]
        assert dump(db_path) == archived


def test_a_changed_value_keeps_where_the_earlier_one_came_from_in_its_version(snapshot, serve_api, crawl):
    """A detail that gives a description other than the list row's that stood in is a change, counted and versioned
    as before; its version names where the earlier text came from (the row's: ``description_from_list`` 1)."""
    contract = by_id(snapshot, 300301)
    del contract["detail"]["opdrachtBeschrijving"]
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.db["notices"].get(300301)["description_from_list"] == 1
    own = "Volledige omschrijving van de jeugdhulp voor de gemeenten in de regio."
    contract["detail"]["opdrachtBeschrijving"] = own
    again = crawl(server.api_url, *AGAIN, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert again.crawl["items_updated"] >= 1
    row = again.db["notices"].get(300301)
    assert (row["description"], row["description_from_list"]) == (own, None)
    [version] = [v for v in notice_versions(again.db, 300301) if "description" in json.loads(v["changed_columns"])]
    assert json.loads(version["previous_values"])["description_from_list"] == 1
