"""TenderNed API conformance, round 17: what the sixteen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC), edited
into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import pytest

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15) listed


@pytest.mark.parametrize("lone", ["object", "code"])
def test_cpv_codes_sent_as_one_code_instead_of_a_list_are_read_not_a_dropped_notice(snapshot, serve_api, crawl, lone):
    """§4: ``cpvCodes`` is a list of ``{code, omschrijving, isHoofdOpdracht}``; ``nutsCodes``, its neighbour, comes as
    plain strings too (JI), and a serialiser that writes a one-element list as its element sends the one code alone.
    A notice whose ``cpvCodes`` came so was dropped ("expected a list, got dict"), by every crawl, each partial, and
    the youth-care notice never archived. The lone code is the notice's (main) code."""
    notice = by_id(snapshot, 300301)
    main = notice["detail"]["cpvCodes"][0]
    notice["detail"]["cpvCodes"] = main if lone == "object" else main["code"]
    server = serve_api(snapshot)
    done = crawl(server.api_url, **OPEN)
    assert done.crawl["status"] == "complete", done.errors
    row = done.db["notices"].get(300301)
    assert (row["cpv_main"], row["youth_care"]) == ("85311300-5", 1)
    assert [r["cpv"] for r in done.db["notice_cpv"].rows_where("publication_id = 300301")] == ["85311300-5"]
