"""TenderNed API conformance, round 12: what the eleven earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's, edited into the
documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

from tests import forkcli
from tests.conftest import ROOT, by_id

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"
DAY = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; its award 200288 related
WITHDRAWN = {"code": "ING", "omschrijving": "Ingetrokken"}  # synthetic: a code the reference does not document


def statuses(result, *ids):
    return [(row["publication_status"], row["publication_status_label"]) for row in
            (result.db["notices"].get(i) for i in ids)]


def test_the_list_rows_publicatiestatus_is_archived_and_another_code_than_pub_is_kept_and_logged(
        snapshot, serve_api, crawl):
    """Reference §3 gives list rows a ``publicatiestatus`` (``{code:"PUB", omschrijving:"Gepubliceerd"}``, §7.3 the
    only code). It was not archived: a notice listed under another status (withdrawn, corrected) could not be told
    from a published one. It is ``notices.publication_status`` and its label, as listed, whatever the code; another
    code than PUB is a warning naming the notice (counted), not an error nor a dropped notice. A notice never listed
    (found through /gerelateerd) has none."""
    by_id(snapshot, 200201)["list"]["publicatiestatus"] = dict(WITHDRAWN)
    result = crawl(serve_api(snapshot).api_url, **DAY)
    assert result.crawl["status"] == "complete", result.errors
    assert statuses(result, 200201, 200288) == [("ING", "Ingetrokken"), (None, None)]
    assert "publication 200201 is listed with publicatiestatus ING (Ingetrokken), not PUB" in result.output
    assert "'tenderned/publication_status/ING': 1" in result.output


def test_a_status_of_no_readable_shape_costs_the_status_not_the_notice(snapshot, serve_api, crawl):
    """Unexpected types in the field (§13: shapes vary): a list, or an object whose code is a list. The notice is
    archived without a status, with a warning; a bare code string is a code."""
    by_id(snapshot, 200201)["list"]["publicatiestatus"] = [{"code": "PUB"}]
    by_id(snapshot, 600601)["list"]["publicatiestatus"] = "pub"
    server = serve_api(snapshot)
    result = crawl(server.api_url, from_date="2020-02-10", until_date="2020-06-15")
    assert result.crawl["status"] == "complete", result.errors
    assert statuses(result, 200201, 600601) == [(None, None), ("PUB", None)]
    assert "publication 200201: list row's publicatiestatus [{'code': 'PUB'}] is no status code" in result.output


def test_an_archived_notice_whose_listed_status_changes_is_archived_with_it(snapshot, serve_api, crawl, tmp_path):
    """The status lives in the list row alone, and an incremental crawl asks no detail of a notice it has archived
    (or re-checks an open one without its list row): a notice listed PUB, then withdrawn (listed ING in the next
    run's window), kept PUB for ever. A listed status other than the archived one is archived (the earlier one kept
    in ``versions``): the notice is fetched again with its row, or its re-check takes the row. An unchanged status
    changes nothing, nor does a PUB of a notice archived without a status (archived before statuses were: not
    the whole window fetched again for what the list always said)."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **DAY)
    assert first.crawl["status"] == "complete", first.errors
    assert statuses(first, 200201) == [("PUB", "Gepubliceerd")]

    again = crawl(server.api_url, **DAY)  # nothing changed
    assert again.crawl["status"] == "complete", again.errors
    assert "tenderned/status_changed" not in again.output
    assert again.db["versions"].count_where("table_name = 'notices' and row_key = '200201'") == 0

    by_id(snapshot, 200201)["list"]["publicatiestatus"] = dict(WITHDRAWN)
    changed = crawl(server.api_url, **DAY)
    assert changed.crawl["status"] == "complete", changed.errors
    assert "'tenderned/status_changed': 1" in changed.output
    assert statuses(changed, 200201) == [("ING", "Ingetrokken")]
    version = next(changed.db.query(
        "select previous_values, new_values from versions where table_name = 'notices' and row_key = '200201' "
        "order by version desc limit 1"))
    assert '"publication_status": "PUB"' in version["previous_values"]
    assert '"publication_status": "ING"' in version["new_values"]
    # the morning report says so
    from tenderarchive.watch import build_report, load_watchlist, render_text
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: alles\n    cpv: ['85']\n", encoding="utf-8")
    text = render_text(build_report(changed.db_path, load_watchlist(watchlist), changed.crawl["crawl_id"]))
    assert "Publication status as TenderNed's list gives it (publication_status): Gepubliceerd → Ingetrokken" in text, text  # a code is told by its label (refusers23)
    # a reparse replays the crawls as they ran (the re-check's item given the row once more), with workers too
    for jobs in ([], ["--jobs", "2"]):
        rebuilt = forkcli.run(["reparse", "--db", changed.db_path, *jobs], cwd=ROOT, timeout=300)
        assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
        assert statuses(changed, 200201) == [("ING", "Ingetrokken")], jobs

    # an archive from before statuses were archived: a PUB listing is no change, another code is
    db = changed.db
    db.execute("update notices set publication_status = null, publication_status_label = null")
    db.conn.commit()
    by_id(snapshot, 200201)["list"]["publicatiestatus"] = {"code": "PUB", "omschrijving": "Gepubliceerd"}
    older = crawl(server.api_url, **DAY)
    assert older.crawl["status"] == "complete", older.errors
    assert "tenderned/status_changed" not in older.output
    by_id(snapshot, 200201)["list"]["publicatiestatus"] = dict(WITHDRAWN)
    last = crawl(server.api_url, **DAY)
    assert "'tenderned/status_changed': 1" in last.output
    assert statuses(last, 200201) == [("ING", "Ingetrokken")]
