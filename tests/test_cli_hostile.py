"""Hostile command lines (branch fuzz2): every one is one line on stderr naming the option, exit 2, no traceback,
nothing written. Found by the CLI fuzz target (tests/fuzz/harness.py ``cli.read``) and by hand."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, cli
from tests.datasette.archive_fixtures import build_demo, run_dir

WATCHLIST = ROOT / "docs" / "watchlist.example.yaml"
#: Should a refusal regress, the crawl it lets through asks only loopback addresses.
LOOPBACK = ["-s", "TENDERNED_API_URL=http://127.0.0.1:9/papi", "-s",
            f"NEWS_SOURCES={ROOT / 'tests' / 'fixtures' / 'fuzz' / 'sources.yaml'}", "-s", "RETRY_ENABLED=false"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "archive.db", run_dir(tmp_path_factory))


def refused(out, option: str, words: str = "") -> None:
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    lines = [line for line in out.stderr.strip().splitlines() if not line.startswith(("usage:", " "))]  # argparse's
    # an option is told as an argument; a setting (``-s NAME=VALUE``, given as "setting NAME") as a setting (refusers72)
    told = option if option.startswith("setting ") else f"argument {option}"
    assert len(lines) == 1 and told in lines[0] and words in lines[0], lines


@pytest.mark.parametrize("args, option", [
    (["status", "--limit", "99999999999999999999"], "--limit"),  # OverflowError: int too large for SQLite
    (["report", "--watchlist", str(WATCHLIST), "--no-files", "--crawl", "99999999999999999999"], "--crawl"),
])
def test_a_number_beyond_sqlite_s_64_bits_is_a_bad_argument(demo_db, args, option):
    refused(cli(*args, "--db", demo_db), option)


@pytest.mark.parametrize("args, option", [
    (["export", "\udcff"], "TABLE_OR_SQL"),
    (["export", "select :x", "--param", "x=caf\udce9"], "--param"),  # a Latin-1 terminal's "café"
    (["export", "notices", "--null", "\udcff"], "--null"),
    (["status", "--expect", "news,\udcff"], "--expect"),
])
def test_text_that_is_no_utf8_is_a_bad_argument(demo_db, args, option):
    """Bytes a non-UTF-8 locale passes (Python keeps them as lone surrogates) ended in a UnicodeEncodeError
    traceback where SQLite or the output took them."""
    refused(cli(*args, "--db", demo_db), option, "is not UTF-8 text")


def test_a_file_name_that_is_no_utf8_is_still_a_file_name(demo_db, tmp_path):
    out = cli("export", "notices", "--db", demo_db, "--output", str(tmp_path / "caf\udce9.csv"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "caf\udce9.csv").stat().st_size > 0


@pytest.mark.parametrize("args, option", [
    (["crawl", "--api-url", ""], "--api-url"),         # crawled the real TenderNed API
    (["crawl", "--replay", ""], "--replay"),           # crawled the network instead of replaying
    (["crawl", "--profile", " "], "--profile"),        # the default profile
    (["crawl", "news", "--site", ""], "--site"),       # every news site
    (["crawl", "news", "--sources", ""], "--sources"),  # the shipped registry
    (["status", "--db", ""], "--db"),
])
def test_an_empty_file_source_or_site_is_a_bad_argument_not_the_default(tmp_path, args, option):
    out = cli(*args, *([] if "--db" in args else ["--db", tmp_path / "a.db", *LOOPBACK]))
    refused(out, option, "is empty")
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("args, option, words", [
    (["--until-date", "0001-01-01"], "--until-date", "is not between 1900-01-01 and 2999-12-31"),  # OverflowError
    (["--from-date", "9999-12-31", "--until-date", "2021-01-01"], "--from-date", "is not between"),
    (["--api-url", "http://[::1"], "--api-url", "is not an http(s) URL with a host"),  # a traceback per request
    (["--api-url", "javascript:alert(1)"], "--api-url", "is not an http(s) URL"),
    (["-s", "TENDERNED_API_URL=file:///etc/passwd"], "setting TENDERNED_API_URL", "is not an http(s) URL"),
    (["-s", "DOWNLOAD_TIMEOUT=nan"], "setting DOWNLOAD_TIMEOUT", "(a finite one)"),  # 39 tracebacks in Twisted
    (["-s", "LOG_LEVEL=debug"], "setting LOG_LEVEL", "is not a log level"),  # ValueError: Unknown level
    (["--jobdir", "/dev/null/queue"], "--jobdir", "cannot make the folder"),  # NotADirectoryError
    # an empty date (a shell variable not set) crawled the default window, for tenderned a fixed 7 days, silently
    (["--from-date", ""], "--from-date", "'' is empty: give a date (YYYY-MM-DD)"),
    (["--until-date", ""], "--until-date", "'' is empty: give a date (YYYY-MM-DD)"),
    # an empty sample crawled the whole window where a quick look was meant
    (["--sample", ""], "--sample", "'' is empty: give a number of records"),
    (["--sample", " "], "--sample", "' ' is empty: give a number of records"),
    (["--sample", "", "--dry-run"], "--sample", "'' is empty"),  # the dry run's sample of one was taken
])
def test_a_crawl_argument_no_crawl_can_use_is_refused_before_the_crawl(tmp_path, args, option, words):
    out = cli("crawl", "tenderned", "--db", tmp_path / "a.db", "--api-url", "http://127.0.0.1:9/papi", *LOOPBACK, *args)
    refused(out, option, words)
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("setting", ["max_returned_rows", "default_page_size"])
def test_a_datasette_number_beyond_what_its_sql_can_hold_is_a_bad_argument(demo_db, setting):
    """`serve --setting max_returned_rows 99999999999999999999` started a site whose every table page answered
    HTTP 500 (the number reached SQLite's LIMIT); it is refused before serving. (Its own process, bounded: a
    regression would serve until killed.)"""
    from tests.conftest import installed

    out = installed("serve", "--db", demo_db, "--port", "9", "--setting", setting, "99999999999999999999", timeout=60)
    refused(out, "--setting", f'"{setting}" is at most 2147483647')


@pytest.mark.parametrize("option", ["--from-date", "--sample"])
def test_an_empty_date_is_refused_by_every_dry_run_not_dropped(tmp_path, option):
    """``crawl all --dry-run --from-date ''`` passed only the dates that were not empty on to each spider's dry run,
    so the empty one was dropped and every dry run took the default window (``--sample ''``: a sample of one); each
    refuses it now, and so does the whole (exit 2)."""
    out = cli("crawl", "all", "--dry-run", option, "", "--db", tmp_path / "a.db", *LOOPBACK,
              "-s", "TENDERNED_DATASETS_URL=http://127.0.0.1:9/datasets")  # a regression asks loopback only
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    outcomes = out.stdout.split("dry runs: ")[1].strip().split(", ")  # each dry run's own stderr is not captured
    assert len(outcomes) == out.stdout.count("== ") > 1 and all(o.endswith(": bad_arguments") for o in outcomes), \
        out.stdout
