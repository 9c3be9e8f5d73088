"""The project's ``scrapy crawl`` command (tenderarchive/commands/crawl.py), run as scrapyd runs a job."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("argument, words", [
    ("from_date=bad", "bad spider argument 'from_date': 'bad' is not an ISO date"),
    ("until_date=", "bad spider argument 'until_date': '' is empty"),
    ("sample=0", "bad spider argument 'sample': '0' must be at least 1"),
    ("fromdate=2020-01-01", "bad spider argument 'fromdate'"),
])
def test_scrapy_crawl_refuses_a_bad_argument_with_exit_2_as_the_cli_does(tmp_path, argument, words):
    """``scrapy crawl tenderned -a from_date=bad`` (and scrapyd's ``-d from_date=bad``, which runs ``scrapy crawl``)
    ended with Scrapy's exit 1, a traceback, where ``tenderarchive crawl --from-date bad`` exits 2 (a bad argument,
    tenderarchive/exitcodes.py): a monitor reading the code took a typo for a failed crawl. The project's ``crawl``
    command (COMMANDS_MODULE) exits 2 with the message naming the argument, no traceback; nothing is requested."""
    db = tmp_path / "a.db"
    completed = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tenderned", "-a", argument,
         "-s", f"ARCHIVE_DB={db}", "-s", "TENDERNED_API_URL=http://127.0.0.1:9/x"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 2, completed.stderr[-2000:]
    assert words in completed.stderr
    assert "Traceback" not in completed.stderr
    assert not db.exists()


@pytest.mark.parametrize("setting, words", [
    ("TENDERNED_PAGE_SIZE=500", "bad setting 'TENDERNED_PAGE_SIZE': 500: page size must be 1..100"),
    ("TENDERNED_INCREMENTAL=maybe", "bad setting 'TENDERNED_INCREMENTAL': 'maybe' is not a boolean"),
])
def test_scrapy_crawl_names_a_bad_setting_a_setting(tmp_path, setting, words):
    """A setting the spider refuses as it starts (``-s TENDERNED_PAGE_SIZE=500``; scrapyd's ``-d setting=…``) was
    told as "bad spider argument 'TENDERNED_PAGE_SIZE'", though no ``-a`` gave it: named a setting, exit 2 as
    before, nothing requested."""
    db = tmp_path / "a.db"
    completed = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tenderned", "-s", setting,
         "-s", f"ARCHIVE_DB={db}", "-s", "TENDERNED_API_URL=http://127.0.0.1:9/x"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 2, completed.stderr[-2000:]
    assert words in completed.stderr and "spider argument" not in completed.stderr, completed.stderr[-2000:]
    assert "Traceback" not in completed.stderr
    assert not db.exists()
