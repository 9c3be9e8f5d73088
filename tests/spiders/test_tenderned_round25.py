"""TenderNed API conformance, round 25: what the twenty-four earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from tests import forkcli
from tests.conftest import FAST, ROOT, slowed_publications, wait_for_notices

PROFILE = """\
# SYNTHETIC: a user's own topic profile, edited between crawls
name: leiden_jeugd
queries:
  search:
{terms}
relevance:
  terms:
    - jeugdhulp
"""


def write_profile(folder: Path, *terms: str) -> Path:
    """The user's profile file with these search terms (written again: the user edits it)."""
    path = folder / "leiden.yaml"
    path.write_text(PROFILE.format(terms="\n".join(f"    - {term}" for term in terms)), encoding="utf-8")
    return path


def window(result) -> tuple[str, str]:
    arguments = json.loads(result.crawl["arguments"])
    return arguments["from_date"], arguments["until_date"]


def test_a_word_added_to_a_profile_lists_the_years_the_archive_holds(snapshot, serve_api, crawl, tmp_path):
    """An incremental run lists the days since the last crawl (``TENDERNED_INCREMENTAL``). A word the user added to
    the profile was asked for those days alone: the notices it finds in the years the archive already holds (Wmo
    notice 600601, February 2020) were never archived, every crawl complete. The crawl records its queries, and one a
    complete crawl has not listed from the profile's first day reaches back to that day, once; a word dropped
    reaches back for nothing."""
    server = serve_api(snapshot)
    profile = write_profile(tmp_path, "jeugdhulp")
    first = crawl(server.api_url, "--profile", str(profile), from_date="2020-01-01", until_date="2020-12-31")
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].count_where("publication_id = '200201'") == 1
    assert first.db["notices"].count_where("publication_id = '600601'") == 0

    write_profile(tmp_path, "jeugdhulp", "Wmo")
    widened = crawl(server.api_url, "--profile", str(profile), from_date=None, until_date="2021-01-31")
    assert widened.crawl["status"] == "complete", widened.errors
    assert window(widened) == ("2020-01-01", "2021-01-31")
    assert "profile leiden_jeugd has queries no crawl listed back to 2020-01-01 (search:Wmo)" in widened.output
    assert widened.db["notices"].count_where("publication_id = '600601'") == 1

    # once listed back, the next run continues from the last crawl again, the added word as the others
    later = crawl(server.api_url, "--profile", str(profile), from_date=None, until_date="2021-02-28")
    assert later.crawl["status"] == "complete", later.errors
    assert window(later)[0] > "2021-01-01"
    assert "no crawl listed back" not in later.output

    # a word dropped has nothing to list again
    write_profile(tmp_path, "Wmo")
    narrowed = crawl(server.api_url, "--profile", str(profile), from_date=None, until_date="2021-03-31")
    assert narrowed.crawl["status"] == "complete", narrowed.errors
    assert window(narrowed)[0] > "2021-02-01"


def test_a_crawl_stopped_by_sigterm_ends_unfinished_and_the_next_run_lists_its_window_again(snapshot, serve_api, crawl,
                                                                                             tmp_path):
    """A nightly incremental crawl stopped by SIGTERM (a deploy, a shutdown, scrapyd's cancel) while its details are
    asked: the crawl is recorded as not complete, its exit code and ``status`` say so, nothing archived is lost, and
    the next incremental run lists the stopped crawl's window again, archiving what it never reached."""
    publications, faults = slowed_publications(snapshot, 6000, 30, "2021-05")
    server = serve_api(snapshot + publications, faults=faults)
    first = crawl(server.api_url, from_date="2021-01-01", until_date="2021-04-30")
    assert first.crawl["status"] == "complete", first.errors
    archived = first.db["notices"].count

    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db), "--api-url",
               server.api_url, "--until-date", "2021-05-31", *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
               "-s", "ARCHIVE_BATCH_ITEMS=1"]
    nightly = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_notices(db, archived + 3)
    nightly.send_signal(signal.SIGTERM)
    _, log = nightly.communicate(timeout=120)
    assert nightly.returncode in (1, 3), log[-3000:]
    stopped = next(sqlite_utils.Database(db).query("select * from crawls order by crawl_id desc limit 1"))
    assert stopped["status"] in ("partial", "failed"), stopped
    may = "publication_id between 6000 and 6029"
    reached = sqlite_utils.Database(db)["notices"].count_where(may)
    assert 3 <= reached < 30  # stopped mid-crawl
    status = forkcli.run(["status", "--db", str(db)], cwd=ROOT, timeout=120)
    assert "stopped before it ended (close reason 'shutdown'" in status.stdout, status.stdout + log[-3000:]

    server.api.faults.clear()
    again = crawl(server.api_url, from_date=None, until_date="2021-06-05")
    assert again.returncode == 0, again.errors
    assert window(again)[0] <= "2021-05-01"
    assert again.db["notices"].count_where(may) == 30
    assert again.db["notices"].count >= archived + 30
