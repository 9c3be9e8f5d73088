"""The log line of a dropped item names it; it does not print it (tenderarchive/logformatter.py)."""

from __future__ import annotations

from tests.conftest import by_id, run_crawl


def test_a_dropped_notice_is_named_in_the_log_not_printed_whole(tmp_path, serve_api, snapshot):
    """A crawl whose notices are all dropped (a notice URL template that cannot be filled: an http URL, as a setting must be, with an unmatched brace) logs one
    line per notice with its reason and URL, at Scrapy's level, and exits as a crawl that archived
    nothing; the detail record's text (its description) is not in the log. Scrapy's own formatter
    printed the whole item: detail record, list row, documents and the award page's HTML."""
    api = serve_api(snapshot)
    result = run_crawl(api.api_url, tmp_path / "archive.db", "-s", "TENDERNED_NOTICE_URL=http://127.0.0.1/x{",
                       from_date="2018-01-01", until_date="2018-12-31")
    dropped = [line for line in result.output.splitlines() if "Dropped " in line]
    assert dropped, result.output[-3000:]
    assert all("NoticeItem http" in line for line in dropped), dropped[:3]
    description = by_id(snapshot, 100101)["detail"]["opdrachtBeschrijving"]
    assert description[:60] not in result.output
    assert "'detail':" not in result.output and '"detail":' not in result.output
    assert result.crawl["items_dropped"] == len(dropped)
