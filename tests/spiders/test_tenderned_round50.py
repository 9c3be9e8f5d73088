"""TenderNed API conformance, round 50, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a page envelope's ``last`` flag ends the paging (reference §3: "Stop paging on ``last == true``"), and an
empty ``sample`` argument is refused by ``scrapy crawl -a`` (and so scrapyd) as by the CLI. The records are
SYNTHETIC."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.spiders.test_tenderned import _many, list_requests

DAY = "2021-03-01"


@pytest.mark.parametrize("omit, lie", [
    (("totalPages",), {}),                           # paged from totalElements over size
    ((), {"totalPages": 99}),                        # a totalPages that overstates too
])
def test_a_page_that_says_it_is_the_last_ends_the_paging(snapshot, serve_api, crawl, omit, lie):
    """10 publications in pages of 5, every envelope counting one more (``totalElements`` 11): page 1 says
    ``last: true``, yet the next page was asked (``totalElements`` over ``size`` is 3 pages), an empty one, for every
    query and window. The page that says it is the last ends the query; the overstated total stays a shortfall,
    recorded, nothing lost."""
    publications = _many(snapshot, days=1, per_day=10)
    server = serve_api(publications, max_size=5, omit_envelope=omit,
                       envelope=lambda page, params: {**page, **lie, "totalElements": page["totalElements"] + 1})
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=DAY, until_date=DAY)
    assert result.db["notices"].count == 10
    pages = sorted(int(re.search(r"[?&]page=(\d+)", p).group(1)) for p in list_requests(server.api)
                   if "size=5" in p)
    assert pages == [0, 1], pages
    assert result.returncode == 3 and [e["error"] for e in result.errors] == [
        f"shortfall: all {DAY}..{DAY}: fetched 10 of 11 rows"], result.errors


@pytest.mark.parametrize("argument", ["sample=", "sample= ", "from_date="])
def test_scrapy_crawl_refuses_an_empty_argument_before_anything(tmp_path, argument):
    """``scrapy crawl -a sample=`` (scrapyd's ``-d sample=``: a variable not set) was read as no sample: the whole
    window crawled where a quick look was meant."""
    db = tmp_path / "a.db"
    completed = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tenderned", "-a", argument,
         "-s", f"ARCHIVE_DB={db}", "-s", "TENDERNED_API_URL=http://127.0.0.1:9/x"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode != 0
    name, value = argument.split("=")
    assert f"bad spider argument {name!r}: {value!r} is empty" in completed.stderr, completed.stderr[-2000:]
    assert not db.exists()
