"""Journalists' messages, round 72, by real crawls into a real archive: a TenderNed crawl whose API host does not
answer (nothing listens on the loopback port) lists each address it asked once, and counts what it lists."""

from __future__ import annotations

import json
import socket

from tests import forkcli
from tests.conftest import ROOT


def test_a_failed_crawl_of_an_unreachable_api_lists_each_address_once_and_counts_right(crawl):
    """The request whose failure gave the API's host up was listed twice, a "host … unreachable" line and a "request
    failed" line under one address, and counted twice in ``crawls`` and ``status``: one error per cause and address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        api = f"http://127.0.0.1:{s.getsockname()[1]}/papi"   # nothing listens here once the socket is closed
    result = crawl(api, "-s", "RETRY_TIMES=0", from_date="2021-03-01", until_date="2021-03-01")
    assert result.crawl["status"] == "failed", result.output[-2000:]
    errors = result.errors
    addresses = [e["url"] for e in errors]
    assert len(addresses) == len(set(addresses)), errors
    assert len([e for e in errors if " unreachable: " in e["error"]]) == 1, errors
    # the list pages of the window's queries: three in a row gave the host up (the third's error is the host's), those
    # in flight then failed after it and, as the rest not asked, record no error of their own (round72_api)
    assert result.crawl["error_count"] == len(errors), errors
    shown = forkcli.run(["status", "--db", str(result.db_path), "--json"], cwd=ROOT, timeout=120)
    [row] = json.loads(shown.stdout)
    assert row["error_count"] == len(errors) and len(json.loads(row["errors"])) == len(errors), shown.stdout[-2000:]
