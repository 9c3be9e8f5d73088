"""TenderNed API conformance, round 34: a contract notice's ``/html`` (reference §6) answered by a page that is no
rendering (a login page, also one a redirect leads to), by a real crawl of the loopback API
(tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC); the contract
notice's rendering is cut from the snapshot's award notice 300377's (SYNTHETIC)."""

from __future__ import annotations

import pytest

from tenderarchive.apiserver import SNAPSHOT_DIR
from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (deadline 2021-11-15) listed
LATER = {"from_date": "2021-11-16", "until_date": "2021-11-20"}  # 300301 not listed: its re-check (open) has no row
HTML = "/papi/tenderned-rs-tns/v2/publicaties/300301/html"
#: a login page, as a proxy or sign-on gateway in front of the API answers (SYNTHETIC)
LOGIN_PAGE = ('<!DOCTYPE html><html><head><title>Inloggen - TenderNed</title></head><body><form action="/login" '
              'method="post"><label>Gebruikersnaam <input name="username"></label><label>Wachtwoord <input '
              'name="password" type="password"></label><button>Inloggen</button></form></body></html>')
LOGIN = {"status": 200, "headers": {"Content-Type": "text/html;charset=UTF-8"}, "body": LOGIN_PAGE}


def contract_rendering() -> str:
    """Award notice 300377's rendering up to its results: a contract notice's (sections 1, 2 and 5), with values."""
    html = (SNAPSHOT_DIR / "publications" / "300377.html").read_text(encoding="utf-8")
    return html[:html.index('<tr class="header1"><th colspan="2">6. Resultaten')] + "</tbody></table>"


@pytest.mark.parametrize("faults", [
    {HTML: [LOGIN]},
    {HTML: [{"status": 302, "headers": {"Location": "/login?next=/aankondigingen"}, "body": ""}], "/login": [LOGIN]},
], ids=["login-page", "redirected-to-login"])
def test_a_contract_notices_html_answered_by_a_login_page_leaves_the_archived_rendering_and_is_asked_again(
        snapshot, serve_api, crawl, faults):
    """A contract notice's ``/html`` read again (the open notice moved to another procedure: §3, ``kenmerk`` is per
    procedure) answered with HTTP 200 by a page that is no rendering (a login page, sent or redirected to) was kept as
    its rendering: the archived row was replaced by one of layout "unknown" with no lots under the new procedure, the
    crawl complete with no word. It is the /html unavailable, as a failed request is: recorded (round 65: open or
    closed), the archived row (its estimated value, its lots) kept, and the next run reads the rendering under the
    procedure it is in now."""
    notice = by_id(snapshot, 300301)
    notice["html"] = contract_rendering()
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    kept = first.db["notice_results"].get(300301)
    assert (kept["layout"], kept["lot_count"], kept["estimated_cents"]) == ("eforms", 3, 2_100_000_000)
    lots = sorted(lot["title"] for lot in first.db["lots"].rows_where("procurement_id = 'TN312877'"))
    assert len(lots) == 3

    notice["detail"]["kenmerk"] = notice["list"]["kenmerk"] = 312999  # moved: its /html is read again
    server.api.faults.update(faults)
    second = crawl(server.api_url, **LATER)
    assert second.crawl["status"] == "partial", second.errors
    assert second.db["notice_results"].get(300301) == kept
    assert sorted(lot["title"] for lot in second.db["lots"].rows_where("procurement_id = 'TN312877'")) == lots
    assert [e["url"].rsplit("/", 2)[-2:] for e in second.errors] == [["300301", "html"]], second.errors
    assert "/html of the contract notice unreadable (no notice layout" in second.errors[0]["error"], second.errors
    assert "'tenderned/html_unavailable': 1" in second.output

    third = crawl(server.api_url, **LATER)  # the rendering answers again
    assert third.crawl["status"] == "complete", third.errors
    now = third.db["notice_results"].get(300301)
    assert (now["procurement_id"], now["layout"], now["lot_count"], now["estimated_cents"]) == (
        "TN312999", "eforms", 3, 2_100_000_000)
