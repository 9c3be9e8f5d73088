"""TenderNed API conformance, round 33: a LIST row's schema drift (reference §3 gives the row's shape, §13 has ids
change type between endpoints, several timestamp formats, fields missing or changing), by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC); the list
pages are rewritten as they are sent (the server's ``envelope``), its own records untouched."""

from __future__ import annotations

import json
import re

import pytest

WINDOW = {"from_date": "2020-02-01", "until_date": "2020-12-31"}  # notices 600601 (10 Feb) and 200201 (15 June)
DRIFTED = ("600601", "200201")


def drifting(changes: dict, ids=DRIFTED):
    """An ``envelope`` that sends the rows of ``ids`` with ``changes`` (copies: the server's records stay readable)."""
    def envelope(page, params):
        page["content"] = [dict(row, **changes) if str(row.get("publicatieId")).strip() in ids else row
                           for row in page["content"]]
        return page
    return envelope


@pytest.mark.parametrize("field, value", [
    ("publicatieId", 600601),  # a number, as the detail sends it
    ("publicatieDatum", "2020-02-10T09:30:00"),  # with a time
    ("publicatieDatum", "2020-02-10T09:30:00+01:00"),  # with a zone
    ("publicatieDatum", 1581323400000),  # milliseconds since 1970
    ("publicatieDatum", "1581323400000"),
    ("kenmerk", {"kenmerk": 344002}),
    ("aanbestedingNaam", {"nl": "Huishoudelijke ondersteuning"}),
    ("opdrachtgeverNaam", ["Gemeente Almere"]),
    ("typePublicatie", ["AAO"]),
    ("typePublicatie", {"code": "AAO", "omschrijving": {"nl": "Aankondiging opdracht"}}),
    ("procedure", ["OPE"]),
    ("typeOpdracht", {"code": ["D"]}),
    ("publicatiecode", ["EF20"]),
    ("publicatiestatus", ["PUB"]),
    ("nieuwVeld", {"onbekend": True}),  # a field §3 does not name
])
def test_a_list_row_drifted_is_listed_fetched_logged_once_and_counted(snapshot, serve_api, crawl, field, value):
    """A list row whose field drifted from §3's shape is still listed and its detail fetched; the detail decides what
    is archived. The drift is logged once a crawl per field, however many rows send it, and counted per row
    (``tenderned/drifted/FIELD``); the crawl is complete, as nothing is lost. A ``publicatieDatum`` in milliseconds
    was recorded as an error ("archived without it") though the detail gave the date: a partial crawl, exit code 3,
    for a notice archived whole; every drift was read past without a word."""
    changes = {field: value}
    if field == "publicatieId":  # each row its own id, as a number
        server = serve_api(snapshot, envelope=lambda page, params: dict(page, content=[
            dict(row, publicatieId=int(row["publicatieId"])) for row in page["content"]]))
    else:
        server = serve_api(snapshot, envelope=drifting(changes))
    result = crawl(server.api_url, **WINDOW)
    assert (result.returncode, result.crawl["status"]) == (0, "complete"), result.errors
    row = result.db["notices"].get(600601)
    assert (row["title"], row["published"], row["kenmerk"], row["buyer"]) == (
        "Huishoudelijke ondersteuning Wmo 2015 & begeleiding", "2020-02-10", 344002, "Gemeente Almere")
    assert result.db["notices"].get(200201)["published"] == "2020-06-15"
    warned = [line for line in result.output.splitlines() if f"drifted: the list row's {field} " in line]
    assert len(warned) == 1, result.output[-3000:]
    assert f"'tenderned/drifted/{field}': 2," in result.output


def test_a_list_row_whose_id_does_not_read_is_a_shortfall_the_next_run_lists_again(snapshot, serve_api, crawl):
    """A list row whose ``publicatieId`` reads as no id (an object) cannot be fetched. It was counted as listed, so its
    window looked whole; the window now comes short of its ``totalElements``, split down to the day it is of and
    recorded as that day's shortfall, the row logged; the rest of the window is archived, and the next run lists the
    day again and fetches the notice once its id reads."""
    server = serve_api(snapshot, envelope=drifting({"publicatieId": {"id": 600601}}, ids=("600601",)))
    first = crawl(server.api_url, **WINDOW)
    assert first.returncode == 3 and first.crawl["status"] == "partial"
    assert [e["error"] for e in first.errors] == ["shortfall: cpv 2020-02-10..2020-02-10: fetched 0 of 1 rows"]
    assert "a list row without a publicatieId that reads (dict {'id': 600601})" in first.output
    assert "'tenderned/unreadable_ids': " in first.output
    assert first.db["notices"].get(200201)["published"] == "2020-06-15"
    assert not list(first.db["notices"].rows_where("publication_id = 600601"))

    server.api.envelope = None  # the API sends the id readably again
    second = crawl(server.api_url, from_date=None, until_date="2020-12-31")
    assert second.crawl["status"] == "complete", second.errors
    assert second.db["notices"].get(600601)["published"] == "2020-02-10"


def test_a_crawls_drift_is_recorded_in_its_row_and_shown_by_status_as_a_warning(snapshot, serve_api, crawl):
    """The drift read past was in the log and Scrapy's stats alone: a crawl run by cron showed nobody that TenderNed's
    JSON had drifted. Its ``crawls`` row now names each field read past with how many notices sent it so
    (``crawls.drift``), and ``tenderarchive status`` says it in plain words under the crawl and in the source's
    verdict, as a warning: the notices were archived, so the crawl stays complete and its exit code 0, as does that of
    ``status`` (5 with ``--strict``, as for every warning)."""
    from tests import forkcli
    from tests.conftest import ROOT

    in_milliseconds, new_field = drifting({"publicatieDatum": 1581323400000}, ids=("600601",)), drifting({"nieuwVeld": 1})
    server = serve_api(snapshot, envelope=lambda page, params: new_field(in_milliseconds(page, params), params))
    result = crawl(server.api_url, **WINDOW)
    assert (result.returncode, result.crawl["status"], result.errors) == (0, "complete", [])
    assert json.loads(result.crawl["drift"]) == {"nieuwVeld": 2, "publicatieDatum": 1}

    status = forkcli.run(["status", "--db", str(result.db_path)], cwd=ROOT, timeout=120)
    # (the archive's path, which the line naming what the crawl archived new gives, holds this test's name)
    shown = [line.strip() for line in status.stdout.splitlines() if "drift" in line.replace(str(result.db_path), "")]
    assert shown == ["~ source drift read past (fields sent in another shape than documented; the notices were "
                     "archived: a warning, not an error): nieuwVeld in 2 notices, publicatieDatum in 1 notice",
                     "~ drift: the last finished crawl (1) read past source drift (fields sent in another shape than "
                     "documented; the notices were archived: a warning, not an error): nieuwVeld in 2 notices, "
                     "publicatieDatum in 1 notice"], status.stdout
    assert re.search(r"^ +tenderned +warning ", status.stdout, re.M), status.stdout
    assert status.returncode == 0, status.stdout  # a warning: exit 5 with --strict only
    assert forkcli.run(["status", "--db", str(result.db_path), "--strict"], cwd=ROOT, timeout=120).returncode == 5

    server.api.envelope = None  # a crawl that meets no drift records none, and status says none
    clean = crawl(server.api_url, **WINDOW)
    assert (clean.returncode, json.loads(clean.crawl["drift"])) == (0, {})
    status = forkcli.run(["status", "--db", str(clean.db_path), "--limit", "1"], cwd=ROOT, timeout=120)
    assert ("drift" not in status.stdout, status.returncode) == (True, 0), status.stdout
