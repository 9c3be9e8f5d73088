"""TenderNed API conformance, round 27: what the twenty-six earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

from tenderarchive import TENDERNED_API_PATH
from tests.conftest import by_id, make_publication

PROCEDURE = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; award 200288 is later


def redirect(source: int, target: int, times: int = 1) -> dict:
    """Faults for the loopback API: ``source``'s detail answers ``301`` to ``target``'s, ``times`` times."""
    return {f"{TENDERNED_API_PATH}/publicaties/{source}": [
        {"status": 301, "headers": {"Location": f"{TENDERNED_API_PATH}/publicaties/{target}"}, "body": ""}] * times}


def test_a_detail_redirected_to_another_publication_archives_that_one_and_is_no_error(snapshot, serve_api, crawl):
    """Contract notice 200201 is listed, but its detail answers ``301`` to ``/publicaties/200260`` (TenderNed merged
    or renumbered it: §13, ids change between endpoints), whose record names ``publicatieId`` 200260, of another
    procedure (so no ``/gerelateerd`` leads to it) and published after the window (no list row). The record was
    dropped as "detail record is for publicatieId 200260" and recorded: the notice it now is was never archived, and
    since the list still lists 200201, every crawl ended partial, for ever. It is archived under its own id, with its own
    documents (a notice 200201 led to, as a related one is); the redirect is logged, not an error, and the next crawl is complete too."""
    snapshot.append(make_publication(by_id(snapshot, 200201), 200260, "2020-06-20", title="Jeugdhulp Leidse Regio 2"))
    server = serve_api(snapshot, faults=redirect(200201, 200260, times=2))
    result = crawl(server.api_url, **PROCEDURE)
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].get(200260)["title"] == "Jeugdhulp Leidse Regio 2"
    assert {row["publication_id"] for row in result.db.query("select publication_id from documents")} >= {200260}
    assert f"{TENDERNED_API_PATH}/publicaties/200260/documenten" in server.api.log
    assert f"{TENDERNED_API_PATH}/publicaties/200201/documenten" not in server.api.log
    assert "200201 redirects to publication 200260" in result.output
    again = crawl(server.api_url, **PROCEDURE)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(200260)["title"] == "Jeugdhulp Leidse Regio 2"


def test_a_detail_redirected_to_a_publication_the_crawl_asks_anyway_is_archived_once(snapshot, serve_api, crawl):
    """Contract notice 200201 redirects to award notice 200288 of its own procedure, which its ``/gerelateerd`` lists
    as well: 200288 is asked and archived once (with the award it is), not once more for the redirect."""
    server = serve_api(snapshot, faults=redirect(200201, 200288))
    result = crawl(server.api_url, **PROCEDURE)
    assert result.crawl["status"] == "complete", result.errors
    assert [row["publication_id"] for row in result.db.query("select publication_id from notices")] == [200288]
    assert server.api.log.count(f"{TENDERNED_API_PATH}/publicaties/200288/documenten") == 1


def test_an_archived_notice_whose_detail_now_redirects_is_kept_beside_the_one_it_redirects_to(snapshot, serve_api,
                                                                                             crawl):
    """Contract notice 200201, archived by a first crawl, answers ``301`` to 200260 in the next: its archived record
    is kept as it was (nothing archived is lost), 200260 is archived beside it, and the crawl is complete."""
    snapshot.append(make_publication(by_id(snapshot, 200201), 200260, "2020-06-20", title="Jeugdhulp Leidse Regio 2"))
    first = crawl(serve_api(snapshot).api_url, **PROCEDURE)
    assert first.crawl["status"] == "complete", first.errors
    before = first.db["notices"].get(200201)
    server = serve_api(snapshot, faults=redirect(200201, 200260, times=2))
    again = crawl(server.api_url, **PROCEDURE)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(200201) == before
    assert again.db["notices"].get(200260)["title"] == "Jeugdhulp Leidse Regio 2"
