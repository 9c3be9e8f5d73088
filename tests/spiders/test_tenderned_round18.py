"""TenderNed API conformance, round 18: what the seventeen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC), edited
into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import pytest

from tests.spiders.test_tenderned import hidden_rectification

MAINTENANCE = "/storing"  # SYNTHETIC: a maintenance page the API redirects to while it is down


@pytest.mark.parametrize("answer", [{"status": 503}, {"status": 200, "headers": {"Content-Type": "text/html"},
                                                      "body": "<html><title>Onderhoud</title></html>"}])
def test_a_related_notice_redirected_to_a_failing_page_is_fetched_by_the_next_run(snapshot, serve_api, crawl, answer):
    """A related notice (found only through its procedure's ``/gerelateerd``) whose detail redirects to a page that
    fails (503, or a maintenance page answering HTML) was recorded under the page it was redirected to: the next run,
    which asks again the notices whose ``/publicaties/{id}`` failed, did not know it, and the notice was never
    archived. The error is recorded under the address asked, saying where it was redirected."""
    path = hidden_rectification(snapshot)
    server = serve_api(snapshot, faults={path: [{"status": 302, "headers": {"Location": MAINTENANCE}}],
                                         MAINTENANCE: [answer] * 5})
    first = crawl(server.api_url)
    assert first.returncode == 3
    failed = [e for e in first.errors if "200299" in e["url"] or MAINTENANCE in e["url"]]
    assert len(failed) == 1 and failed[0]["url"].endswith(path), first.errors
    if answer["status"] == 503:
        assert failed[0]["error"] == (f"request failed: HTTP 503 (redirected to {server.api_url.split('/papi')[0]}"
                                      f"{MAINTENANCE}) (related to 200201)")
    again = crawl(server.api_url)
    assert again.returncode == 0, again.errors
    notice = again.db["notices"].get(200299)
    assert notice["youth_care"] == 1 and "related to 200201" in notice["youth_care_reasons"]
