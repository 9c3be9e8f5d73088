"""A saved search's date, year, page or jeugdregio that is none is a clear error, not a silent answer
(``tenderarchive/query_params.py``): on the site and in ``tenderarchive export``."""

import html
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tenderarchive.metadata import load_metadata
from tenderarchive.query_params import CRAWLS, DATES, PAGES, REGIONS, YEARS, BadParameter, checked
from tests.conftest import ROOT
from tests.datasette.test_saved_searches import rows


def test_every_typed_parameter_of_a_saved_search_is_known():
    """Every saved-search parameter named like a date, a year or a page is checked (a new one with a new name
    would go unchecked)."""
    params = {p for q in load_metadata()["databases"]["archive"]["queries"].values() for p in q.get("params") or ()}
    assert {p for p in params if p in ("before", "since", "as_of", "sinds", "voor", "year", "jaar", "pagina",
                                       "jeugdregio", "crawl_id")} == DATES | YEARS | PAGES | REGIONS | CRAWLS


@pytest.mark.parametrize("name, value, meant", [
    ("before", "2022-12-31", "2022-12-31"), ("before", "31-12-2022", "2022-12-31"), ("sinds", "1-2-2024", "2024-02-01"),
    ("since", "2024-01-01T00:00:00+00:00", "2024-01-01"), ("as_of", "", ""), ("jaar", "2023", "2023"),
    ("pagina", "alle", "alle"), ("pagina", "2", "2"), ("aanbieder", "31-12-2022", "31-12-2022"),
    ("jeugdregio", "JZ41", "JZ41"), ("jeugdregio", "Zuid-Limburg", "Zuid-Limburg"), ("jeugdregio", "heerlen", "heerlen"),
    ("jeugdregio", "", ""), ("crawl_id", "12", "12"), ("crawl_id", "", ""),
    # the spaces around a date are not the date's (the searches compare dates as text); as_of is a day: a moment is
    # its day on Amsterdam's clock
    ("as_of", " 2021-12-22", "2021-12-22"), ("since", "2024-01-01 ", "2024-01-01"), ("as_of", " ", ""),
    ("as_of", "2021-12-22T10:00", "2021-12-22"), ("as_of", "2021-12-22 10:00", "2021-12-22"),
    ("as_of", "2021-12-22T23:30:00Z", "2021-12-23"), ("as_of", " 22-12-2021 ", "2021-12-22"),
    # so is every date parameter: since, before, sinds, voor (the searches compare days)
    ("before", "2021-12-22T10:00", "2021-12-22"), ("before", "2021-12-22 10:00", "2021-12-22"),
    ("since", "2021-12-22T23:30:00Z", "2021-12-23"), ("sinds", "2021-06-30T22:00:00+00:00", "2021-07-01"),
    ("voor", " 2021-12-22T10:00:00+01:00 ", "2021-12-22")])
def test_a_value_of_its_kind_is_read_as_the_search_reads_it(name, value, meant):
    assert checked(name, value) == meant


@pytest.mark.parametrize("name, value", [("before", "abc"), ("before", "2022-13-01"), ("since", "31-02-2024"),
                                         ("before", "20221231"), ("as_of", "2024-W05"),
                                         ("jaar", "twintig"), ("year", "23"), ("pagina", "twee"), ("pagina", "0"),
                                         ("pagina", "-1"), ("crawl_id", "twaalf"), ("crawl_id", "#12"),
                                         ("crawl_id", "0"), ("crawl_id", "1.5")])
def test_a_value_not_of_its_kind_is_refused_naming_it(name, value):
    with pytest.raises(BadParameter, match=f"^{name}: {value!r} is not a"):
        checked(name, value)


def test_a_jeugdregio_that_names_no_region_is_refused_with_the_nearest_names():
    """``by_jeugdregio?jeugdregio=Zuid Limbrug`` (misspelt) or ``JZ99`` listed nothing, as a region without
    notices would: the searches' ``jeugdregio_code`` reads no region in it."""
    with pytest.raises(BadParameter) as refused:
        checked("jeugdregio", "Zuid Limbrug")
    assert str(refused.value) == ("jeugdregio: 'Zuid Limbrug' is no jeugdregio (did you mean 'Zuid-Limburg'?): give "
                                  "its code, its name or a municipality in it, such as JZ41, Zuid-Limburg or Heerlen")
    with pytest.raises(BadParameter, match=r"^jeugdregio: 'JZ99' is no jeugdregio: give its code"):
        checked("jeugdregio", "JZ99")


def test_the_site_sends_a_day_first_date_on_and_refuses_a_date_that_is_none(server):
    """``award_notices?before=1-1-2022`` (a date as the Dutch write it) listed no award notice, "2017-…" sorting
    after "1-…" (and ``31-12-2021`` every one); ``since=gisteren`` listed nothing, without a word. The first is
    sent on as 2022-01-01, the second answered 400 naming the parameter (JSON for ``.json``)."""
    with urllib.request.urlopen(f"{server.db}/award_notices.json?before=1-1-2022&_shape=array",
                                timeout=30) as response:
        assert response.url == f"{server.db}/award_notices.json?before=2022-01-01&_shape=array"
        earlier = json.loads(response.read())
    assert earlier == rows(server, "award_notices", before="2022-01-01")
    assert 0 < len(earlier) < len(rows(server, "award_notices"))
    for path, words in (("new_this_week?since=gisteren", b"since: 'gisteren' is not a date: give YYYY-MM-DD"),
                        ("awards_by_region_year.csv?year=abc", b"year: 'abc' is not a year"),
                        ("aanbieder_contracten?aanbieder=Kennemer&pagina=twee", b"pagina: 'twee' is not a page"),
                        ("by_jeugdregio?jeugdregio=JZ99", b"jeugdregio: 'JZ99' is no jeugdregio"),
                        ("jeugdregio_aanbestedingen.csv?jeugdregio=Nergensland", b"'Nergensland' is no jeugdregio")):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{server.db}/{path}", timeout=30)
        assert refused.value.code == 400 and words in html.unescape(refused.value.read().decode()).encode(), path
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server.db}/award_notices.json?before=abc", timeout=30)
    assert json.loads(refused.value.read())["error"] == "before: 'abc' is not a date: give YYYY-MM-DD, such as 2024-12-31"


def test_a_refused_parameter_is_a_page_of_the_site_with_a_way_back(server):
    """The 400 of a saved search's page was one line of plain text: no header, no footer (the demo's label), no
    way back to the search. It is the site's error page, naming the parameter, with a link to the search
    without it (the other parameters kept); ``.csv`` stays one line."""
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server.db}/award_notices?before=2020-01-01&pagina=0", timeout=30)
    assert refused.value.code == 400 and refused.value.headers["content-type"].startswith("text/html")
    page = refused.value.read().decode()
    assert 'class="synthetic-demo"' in page and '<footer class="ft">' in page
    assert "award_notices: pagina: '0' is not a page" in html.unescape(page)
    [back] = re.findall(r'<a href="([^"]+)">The search without pagina</a>', page)
    assert html.unescape(back) == f"/{server.database}/award_notices?before=2020-01-01"
    urllib.request.urlopen(f"{server.base}{html.unescape(back)}", timeout=30).close()  # 200
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server.db}/award_notices.csv?pagina=0", timeout=30)
    assert refused.value.read() == b"award_notices: pagina: '0' is not a page: give 1, 2, 3 \xe2\x80\xa6 or alle (every row)\n"


def test_export_refuses_a_date_that_is_none_and_reads_a_day_first_one(demo_archive):
    def export(*args):
        return subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", *args, "--db", str(demo_archive)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)

    wrong = export("award_notices", "--param", "before=gisteren")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.strip() == ("tenderarchive export: --param before: 'gisteren' is not a date: give YYYY-MM-DD, "
                                    "such as 2024-12-31")
    assert export("award_notices", "--param", "before=1-1-2022").stdout == \
        export("award_notices", "--param", "before=2022-01-01").stdout
    unknown = export("jeugdregio_aanbestedingen", "--param", "jeugdregio=Zuid Limbrug")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert "--param jeugdregio: 'Zuid Limbrug' is no jeugdregio (did you mean 'Zuid-Limburg'?)" in unknown.stderr
    assert export("jeugdregio_aanbestedingen", "--param", "jeugdregio=Heerlen").stdout == \
        export("jeugdregio_aanbestedingen", "--param", "jeugdregio=JZ41").stdout
    # a query of one's own reads its parameters as given
    assert export("select :before as b", "--param", "before=gisteren").stdout.split() == ["b", "gisteren"]


def test_an_as_of_the_search_would_read_otherwise_is_sent_on_as_the_day_the_page_and_its_csv_name(server):
    """``open_youth_care_tenders?as_of=%202021-12-22`` (a space pasted with the day) listed nothing, the search
    comparing " 2021-12-22" as text, while the page said "as of 22 december 2021 and has no rows that day" and the
    CSV's note the same: that day has a tender open. ``as_of=2021-12-22T10:00`` left out the tender whose deadline is
    15:00 that day, said the same. Both are sent on (302) as the day, which has its row and no word of none."""
    day = rows(server, "open_youth_care_tenders", as_of="2021-12-22")
    assert len(day) == 1 and day[0]["deadline"] == "2021-12-22T15:00"
    for typed in (" 2021-12-22", "2021-12-22 ", "2021-12-22T10:00", "22-12-2021"):
        for suffix in ("", ".csv", ".json"):
            query = urllib.parse.urlencode({"as_of": typed})
            with urllib.request.urlopen(f"{server.db}/open_youth_care_tenders{suffix}?{query}", timeout=30) as answer:
                assert answer.url.endswith(f"/open_youth_care_tenders{suffix}?as_of=2021-12-22"), (typed, answer.url)
                assert "Tenderarchive-Note" not in answer.headers
                body = answer.read().decode()
            if suffix == ".csv":
                assert body.count("\n") == 2 and "2021-12-22T15:00" in body
            elif not suffix:
                assert "has no rows that day" not in body and "2021-12-22T15:00" in body
    # a day without rows, typed with a time, is named as the day the search read
    with urllib.request.urlopen(f"{server.db}/open_youth_care_tenders.csv?as_of=2017-01-01T10:00", timeout=30) as answer:
        assert answer.headers["Tenderarchive-Note"] == ("as_of=2017-01-01: this search is as of 2017-01-01 and has "
                                                        "no rows that day")
    # a space alone is empty (today), as the page says, not a day before every date
    with urllib.request.urlopen(f"{server.db}/open_youth_care_tenders?as_of=%20", timeout=30) as answer:
        assert answer.url.endswith("/open_youth_care_tenders?as_of=")


@pytest.mark.parametrize("search, name, typed, day, left_out", [
    # before keeps "only those published before that day": the rectification of 2018-07-03 sorted, as text, before
    # "2018-07-03T10:00" and was kept
    ("by_jeugdregio", "before", "2018-07-03T10:00", "2018-07-03", "Rectificatie: Basishulp Jeugd"),
    ("by_jeugdregio", "before", "2018-07-03 10:00", "2018-07-03", "Rectificatie: Basishulp Jeugd"),
    # 23:30 UTC on the 3rd is the 4th in Amsterdam: the search read the 3rd (the text's first ten characters)
    ("new_this_week", "since", "2018-07-03T23:30:00Z", "2018-07-04", "Rectificatie: Basishulp Jeugd")])
def test_since_and_before_given_with_a_time_are_read_as_their_day_on_the_page_the_csv_and_the_export(
        server, demo_archive, search, name, typed, day, left_out):
    """``since`` and ``before`` given with a time were passed on as typed, where ``as_of`` was read as its day: each
    search then read its own thing of it (``before`` compared the text, ``since`` its first ten characters) and the
    feed's title said "New since 2018-07-03T23:30:00Z". Every date parameter is a day: a moment is sent on (302) as its
    day on Amsterdam's clock, the page, the CSV, the JSON and the feed alike, and ``export --param`` reads the same
    day, so all of them hold the rows of that day and name it."""
    the_day = rows(server, search, **{name: day})
    assert the_day and not any(left_out in (row.get("title") or "") for row in the_day)
    for suffix in ("", ".csv", ".json", ".atom"):
        query = urllib.parse.urlencode({name: typed})
        with urllib.request.urlopen(f"{server.db}/{search}{suffix}?{query}", timeout=30) as answer:
            assert answer.url.endswith(f"/{search}{suffix}?{name}={day}"), (typed, answer.url)
            body = answer.read().decode()
        assert left_out not in body, (suffix, typed)
        if suffix == ".atom" and name == "since":
            assert f"New since {day}" in body
    assert rows(server, search, **{name: typed}) == the_day

    def export(value):
        return subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", search, "--param",
                               f"{name}={value}", "--db", str(demo_archive)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)

    typed_out, day_out = export(typed), export(day)
    assert typed_out.returncode == 0 and typed_out.stdout == day_out.stdout, typed_out.stderr
    assert left_out not in typed_out.stdout and typed_out.stdout.count("\n") == len(the_day) + 1


def test_export_reads_as_of_as_the_day_it_names_and_names_no_day_of_a_query_of_ones_own(demo_archive):
    """``export open_youth_care_tenders --param "as_of= 2021-12-22"`` (or ``…T10:00``) wrote no row and said "as of
    2021-12-22 …: no rows that day" on stderr; it reads the day and says it. A query of one's own reads its as_of as
    typed (``gisteren``, ``1-3-2024``): stderr said "as of gisteren" as if that were the day it was read as."""
    def export(*args):
        return subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", *args, "--db", str(demo_archive)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)

    plain = export("open_youth_care_tenders", "--param", "as_of=2021-12-22")
    assert plain.stdout.count("\n") == 2
    for typed in (" 2021-12-22", "2021-12-22T10:00", "22-12-2021"):
        read = export("open_youth_care_tenders", "--param", f"as_of={typed}")
        assert read.returncode == 0 and read.stdout == plain.stdout, typed
        assert read.stderr == "tenderarchive export: as of 2021-12-22 (--param as_of=2021-12-22): 1 row\n", typed
    for typed in ("gisteren", "1-3-2024", " 2021-12-22"):
        own = export("select :as_of as d", "--param", f"as_of={typed}")
        assert own.returncode == 0 and own.stdout.splitlines()[1] == typed and "as of" not in own.stderr, typed
    wrong = export("open_youth_care_tenders", "--param", "as_of=2024/03/01")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.strip() == ("tenderarchive export: --param as_of: '2024/03/01' is not a date: give YYYY-MM-DD, "
                                    "such as 2024-12-31")


def test_export_of_what_a_crawl_wrote_refuses_a_crawl_number_that_is_none_and_names_the_crawls_there_are(
        demo_archive):
    """``export crawl_wijzigingen --param crawl_id=twaalf`` (or a crawl the archive does not have, a number mistyped)
    wrote a header and nothing else at exit 0, as for a crawl that archived nothing new or changed. A value that is
    no crawl number is refused (exit 2, as on the site: 400); a number that names no crawl says which there are."""
    import sqlite3

    def export(*args):
        return subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", "crawl_wijzigingen", *args,
                               "--db", str(demo_archive)], cwd=ROOT, capture_output=True, text=True, timeout=60)

    wrong = export("--param", "crawl_id=twaalf")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.strip() == ("tenderarchive export: --param crawl_id: 'twaalf' is not a crawl number: give a "
                                    "crawl_id, such as 12 (tenderarchive status lists the crawls)")
    conn = sqlite3.connect(demo_archive)
    crawls = [row[0] for row in conn.execute("select crawl_id from crawls order by crawl_id")]
    conn.close()
    assert crawls, "the demo archive records its crawl"
    absent = export("--param", f"crawl_id={crawls[-1] + 1}")
    assert absent.returncode == 0 and absent.stdout.splitlines()[0].startswith("wat,tabel,sleutel")
    assert len(absent.stdout.splitlines()) == 1
    has = f"its crawl is {crawls[0]}" if len(crawls) == 1 else f"its crawls are {crawls[0]} to {crawls[-1]}"
    assert f"--param crawl_id={crawls[-1] + 1} names no crawl of this archive: {has}" in absent.stderr
    known = export("--param", f"crawl_id={crawls[0]}")
    assert known.returncode == 0 and "names no crawl" not in known.stderr


def test_a_saved_search_page_since_a_day_to_come_says_why_it_is_empty(server):
    """``/archive/new_this_week?since=2999-01-01`` (a year mistyped) showed "0 results" and no word why, where
    ``export`` says the day is after today. The page says so under its "0 results", today in words; its CSV stays
    a bare header, and a day past or a search with rows says nothing of it."""
    from tenderarchive.change_words import moment_words
    from tenderarchive.clock import vandaag

    for path, name, day in (("new_this_week?since=2999-01-01", "since", "2999-01-01"),
                            ("new_this_week?since=01-01-2999", "since", "2999-01-01"),  # sent on as ISO first
                            ("jeugdregio_aanbestedingen?jeugdregio=JZ18&sinds=2030-01-01", "sinds", "2030-01-01")):
        page = html.unescape(server.get(f"/{server.database}/{path}").decode())
        assert 'class="zero-results"' in page, path
        [why] = re.findall(r'<p class="zero-results-why">([^<]*)</p>', page)
        assert why == f"{name}={day} is after today ({moment_words(vandaag())}): nothing archived is that new", path
    csv = server.get(f"/{server.database}/new_this_week.csv?since=2999-01-01")
    assert csv.count(b"\n") == 1 and b"after today" not in csv
    past = server.get(f"/{server.database}/new_this_week?since=2020-01-01").decode()
    assert "zero-results" not in past and "after today" not in past


def test_a_saved_search_csv_since_a_day_to_come_says_why_in_a_header_and_keeps_its_body(server):
    """``/archive/new_this_week.csv?since=2999-01-01`` (a year mistyped) was a header row and no word why, where
    its page and ``export`` say the day is after today. The answer says so in its ``Tenderarchive-Note`` header; the
    body stays the header row alone, which every CSV reader reads as no rows (a line of words in it would be read
    as a row). A day past, or a search with rows, has no such header."""
    from tenderarchive.clock import vandaag

    def csv_of(path):
        with urllib.request.urlopen(f"{server.base}/{server.database}/{path}", timeout=30) as response:
            return response.headers, response.read()

    for path, said in (("new_this_week.csv?since=2999-01-01", "since=2999-01-01"),
                       ("new_this_week.csv?since=2999-01-01&_dl=1", "since=2999-01-01"),
                       ("jeugdregio_aanbestedingen.csv?jeugdregio=JZ18&sinds=2030-01-01", "sinds=2030-01-01")):
        headers, body = csv_of(path)
        assert headers["Tenderarchive-Note"] == f"{said} is after today ({vandaag()}): nothing archived is that new"
        assert body.count(b"\n") == 1 and b"procurement_id" in body and b"after today" not in body, body
    for path in ("new_this_week.csv?since=2020-01-01", "jeugdregio_aanbestedingen.csv?jeugdregio=JZ18"):
        headers, body = csv_of(path)
        assert "Tenderarchive-Note" not in headers and body.count(b"\n") > 1, path


def test_a_saved_search_csv_as_of_a_day_without_rows_names_the_day_in_its_note(server):
    """``/archive/open_youth_care_tenders.csv`` on the demo (every deadline past) was a header row and no word of the
    day it was as of, where its page says it under "0 results" and ``export`` on stderr. Its ``Tenderarchive-Note``
    names the day (today when as_of is empty); a day with rows has no note."""
    from tenderarchive.clock import vandaag

    def csv_of(path):
        with urllib.request.urlopen(f"{server.base}/{server.database}/{path}", timeout=30) as response:
            return response.headers, response.read()

    headers, body = csv_of("open_youth_care_tenders.csv")
    assert headers["Tenderarchive-Note"] == (f"as_of is empty: this search is as of today ({vandaag()}, Amsterdam's "
                                             "clock) and has no rows that day; give as_of=YYYY-MM-DD for another day")
    assert body.count(b"\n") == 1
    headers, _ = csv_of("open_youth_care_tenders.csv?as_of=2017-01-01")
    assert headers["Tenderarchive-Note"] == "as_of=2017-01-01: this search is as of 2017-01-01 and has no rows that day"
    headers, body = csv_of("open_youth_care_tenders.csv?as_of=2021-12-01")
    assert "Tenderarchive-Note" not in headers and body.count(b"\n") == 2


def test_a_saved_search_csv_of_a_page_past_the_last_says_which_pages_there_are(server):
    """``/archive/jeugdregio_aanbestedingen.csv?jeugdregio=JZ18&pagina=2`` (the CSV of a page, as the page's own CSV
    link asks it) of a region whose procurements fill one page was a header row and no word why, where ``export``
    now says the page is past the last. The answer says so in its ``Tenderarchive-Note`` header, the body the header
    row alone; the first page, every row, or a page with rows has no such header."""

    def csv_of(path):
        with urllib.request.urlopen(f"{server.base}/{server.database}/{path}", timeout=30) as response:
            return response.headers, response.read()

    _, every = csv_of("jeugdregio_aanbestedingen.csv?jeugdregio=JZ18&pagina=alle")
    total = every.count(b"\n") - 1
    assert 0 < total <= 100
    headers, body = csv_of("jeugdregio_aanbestedingen.csv?jeugdregio=JZ18&pagina=2")
    assert headers["Tenderarchive-Note"] == (f"pagina=2 is past the last page: the search gives {total} "
                                             f"row{'s' * (total != 1)}, page 1 alone (pagina=alle: every row)")
    assert body.count(b"\n") == 1 and b"procurement_id" in body
    for path in ("jeugdregio_aanbestedingen.csv?jeugdregio=JZ18&pagina=1", "jeugdregio_aanbestedingen.csv?jeugdregio=JZ18",
                 "jeugdregio_aanbestedingen.csv?jeugdregio=JZ18&sinds=2030-01-01&pagina=2"):
        headers, _ = csv_of(path)
        assert "past the last page" not in headers.get("Tenderarchive-Note", ""), path


def test_a_search_page_of_no_word_says_why_it_found_nothing(server):
    """``search_all`` opened without words (``q=``), or with signs alone (``q=***``), said "0 results" as for words the
    archive does not hold. Its page says, under "0 results", that q is empty or holds no word to search for; a word
    the archive does not hold gets no such line, and a word it holds finds rows."""
    for query, said in (("q=", "q is empty"), ("q=%2A%2A%2A", "q=*** holds no word to search for"),
                        ("q=%22", 'q=" holds no word to search for')):
        page = html.unescape(server.get(f"/{server.database}/search_all?{query}").decode())
        assert 'class="zero-results"' in page, query
        assert re.findall(r'<p class="zero-results-why wordless-search">([^<]*)</p>', page) == [
            f"{said}: type one or more words to search for"], query
    unknown = server.get(f"/{server.database}/search_all?q=xyzzyquux").decode()
    assert 'class="zero-results"' in unknown and "wordless-search" not in unknown
    found = server.get(f"/{server.database}/search_all?q=jeugdhulp").decode()
    assert "zero-results" not in found and "wordless-search" not in found


def test_what_a_crawl_wrote_says_why_it_is_empty_for_a_crawl_that_changed_nothing_or_none(demo_archive, tmp_path):
    """``crawl_wijzigingen?crawl_id=N`` of a crawl that archived nothing new or changed (a nightly run that found the
    archive up to date), and of a number that is no crawl of the archive, both showed "0 results" and nothing else:
    the reader could not tell "nothing happened" from "no such crawl". The page says which under its "0 results",
    as ``export`` says on stderr; a crawl that wrote records is listed without either word."""
    import sqlite3

    from tests.datasette.archive_fixtures import copy_archive, run, served

    path = copy_archive(demo_archive, tmp_path / "archive.db")
    conn = sqlite3.connect(path)
    written = conn.execute("select max(crawl_id) from crawls").fetchone()[0]
    quiet, killed = written + 1, written + 2
    conn.executemany("insert into crawls (crawl_id, spider, status, started, items_new, items_updated, items_unchanged)"
                     " values (?, 'tenderned', ?, '2026-12-01T02:00:00+00:00', 0, 0, ?)",
                     [(quiet, "complete", 3), (killed, "running", 0)])
    conn.commit()
    low = conn.execute("select min(crawl_id) from crawls").fetchone()[0]
    conn.close()
    datasette = served(path)

    def why(crawl_id) -> list[str]:
        page = html.unescape(run(datasette.client.get(f"/archive/crawl_wijzigingen?crawl_id={crawl_id}")).text)
        return re.findall(r'<p class="zero-results-why saved-search-crawl">([^<]*)</p>', page)

    assert why(quiet) == [f"crawl {quiet} (tenderned, complete) archived nothing new or changed; it fetched 3 "
                          "archived records again, unchanged"]
    assert why(killed) == [f"crawl {killed} (tenderned, running) has archived nothing new or changed so far (its "
                           "status is running: still under way, or killed); it archived no record at all"]
    assert why(killed + 7) == [f"crawl_id={killed + 7} names no crawl of this archive: its crawls are {low} to "
                               f"{killed} (tenderarchive status lists them)"]
    listed = html.unescape(run(datasette.client.get(f"/archive/crawl_wijzigingen?crawl_id={written}")).text)
    assert "zero-results" not in listed and "saved-search-crawl" not in listed
    quiet_export = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", "crawl_wijzigingen", "--param",
                                   f"crawl_id={quiet}", "--db", str(path)], cwd=ROOT, capture_output=True, text=True,
                                  timeout=60)
    assert quiet_export.returncode == 0 and len(quiet_export.stdout.splitlines()) == 1
    assert f"no rows; crawl {quiet} (tenderned, complete) archived nothing new or " \
           "changed; it fetched 3 archived records again, unchanged" in quiet_export.stderr


def test_a_saved_search_opened_without_what_it_needs_says_so_under_its_zero_results(server):
    """A saved search that has no rows without a parameter (it gives an empty one no meaning: ``procurement_timeline``
    without ``procurement_id``, ``crawl_wijzigingen`` without ``crawl_id``) said "0 results" alone when opened from
    the database's list or the home page, where ``export`` refuses it naming the parameter. Each says which
    parameter is empty and links a page that lists its values; a search that needs nothing, one given what it
    needs, and ``search_all`` (its empty q is told as a search of no word) say nothing of it."""
    from tenderarchive.export import defaulted_parameters, named_parameters

    queries = load_metadata()["databases"]["archive"]["queries"]

    def unasked(path: str) -> list[str]:
        page = server.get(f"/{server.database}/{path}").decode()
        return re.findall(r'<p class="zero-results-why unasked-search">(.*?)</p>', page)

    needing = {name: [p for p in named_parameters(q["sql"]) if p not in defaulted_parameters(q["sql"])]
               for name, q in queries.items()}
    assert needing["procurement_timeline"] == ["procurement_id"] and needing["crawl_wijzigingen"] == ["crawl_id"]
    for name, needs in needing.items():
        said = unasked(name)
        if not needs or name == "search_all":
            assert said == [], name
            continue
        assert len(said) == len(needs), name
        for param, why in zip(needs, said):
            opening = f"{param} is empty: this search has no rows without it. Fill in "
            assert html.unescape(why).startswith(opening), name
            [listing] = re.findall(r'<a href="([^"]+)">', why)
            assert server.get(f"/{server.database}/{listing}"), (name, listing)  # answers 200 (a 404 raises)
    assert unasked("procurement_timeline?procurement_id=TN160417") == []
    assert unasked("procurement_timeline?procurement_id=TN999999") == []  # given, unknown: no rows, not unasked
    assert unasked("aanbieder_regios?aanbieder=kvk%3A14012345") == []


def test_the_csv_of_a_saved_search_missing_what_it_needs_says_so_in_its_note(server):
    """The CSV link of such a page (``procurement_timeline.csv`` without ``procurement_id``) gave the header row alone
    and no word why, as for a procurement without events; its ``Tenderarchive-Note`` header says which parameter is
    empty, as the CSV of a search since a day to come does. Given, the CSV has rows and no note."""
    def csv_of(path: str):
        with urllib.request.urlopen(f"{server.base}/{server.database}/{path}", timeout=30) as response:
            return dict(response.headers), response.read().decode()

    headers, body = csv_of("procurement_timeline.csv?procurement_id=&_size=max")
    assert headers["Tenderarchive-Note"] == ("procurement_id is empty: this search has no rows without it "
                                             "(give procurement_id=VALUE)")
    assert body.count("\n") == 1
    headers, _ = csv_of("aanbieder_contracten.csv?_size=max")
    assert headers["Tenderarchive-Note"].startswith("aanbieder is empty: this search has no rows without it")
    headers, body = csv_of("procurement_timeline.csv?procurement_id=TN160417")
    assert "Tenderarchive-Note" not in headers and body.count("\n") > 1
    headers, _ = csv_of("search_all.csv?q=")  # an empty search is a search of no word, not a search unasked
    assert "is empty: this search has no rows without it" not in headers.get("Tenderarchive-Note", "")


@pytest.mark.parametrize("search, name, none, known, what, listing", [
    ("procurement_timeline", "procurement_id", "TN999", "160417", "procurement", "procurements"),
    ("opdrachtgever_aanbestedingen", "opdrachtgever", "GM9999", "GM0917", "buyer", "opdrachtgevers")])
def test_a_search_of_one_procurement_or_buyer_the_archive_does_not_have_says_so(
        server, demo_archive, search, name, none, known, what, listing):
    """``procurement_timeline?procurement_id=TN999`` (a kenmerk mistyped) said "0 results" and nothing else, as for a
    procurement with no events; its CSV and ``tenderarchive export`` wrote a header alone at exit 0. The page says
    under "0 results", the CSV in its note and export on stderr that the value names no procurement (buyer) of the
    archive and where they are listed; one the archive has says nothing of it."""
    said = f"{name}={none} names no {what} of this archive ({listing} lists them)"
    page = server.get(f"/{server.database}/{search}?{urllib.parse.urlencode({name: none})}").decode()
    assert '<p class="zero-results">0 results</p>' in page and html.escape(said, quote=False) in page
    with urllib.request.urlopen(f"{server.db}/{search}.csv?{urllib.parse.urlencode({name: none})}",
                                timeout=30) as answer:
        assert answer.headers["Tenderarchive-Note"] == said
        assert answer.read().decode().count("\n") == 1
    has = server.get(f"/{server.database}/{search}?{urllib.parse.urlencode({name: known})}").decode()
    assert "zero-results" not in has and "names no" not in has

    def export(value):
        return subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", search, "--param",
                               f"{name}={value}", "--db", str(demo_archive)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)

    unknown = export(none)
    assert unknown.returncode == 0 and unknown.stdout.count("\n") == 1
    assert unknown.stderr == f"tenderarchive export: no rows; --param {said}\n"
    found = export(known)
    assert found.returncode == 0 and found.stdout.count("\n") > 1 and "names no" not in found.stderr


def test_a_search_given_another_engines_operators_says_they_are_read_as_words(server, demo_archive):
    """``search_all?q=jeugdhulp -wmo`` listed, without a word, the hits that DO mention wmo (every word must be in a
    hit, ``-`` a separator), and ``jeugd AND`` said "0 results" (the word "and" is in no hit). The page says above its
    rows, and ``export`` on stderr, how the operator was read; a search without one says nothing of it."""
    def page(q):
        return html.unescape(server.get(f"/{server.database}/search_all?{urllib.parse.urlencode({'q': q})}").decode())

    excluded = page("jeugdhulp -wmo")
    said = ('q: "-wmo" is searched as "wmo" (no word is left out). Every word must be in a hit (its synonyms count): '
            'this search has no operators')
    assert f'<p class="message-info search-operators">{said}</p>' in excluded
    assert rows(server, "search_all", q="jeugdhulp -wmo") == rows(server, "search_all", q="jeugdhulp wmo")
    anded = page("jeugd AND")
    assert 'q: "AND" is searched as the word "and".' in anded and "0 results" in anded
    assert "search-operators" not in page("jeugdhulp wmo") and "search-operators" not in page("jeugdhulp-wmo")
    out = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "export", "search_all", "--param",
                          "q=jeugdhulp -wmo OR", "--db", str(demo_archive)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("published,")
    assert ('tenderarchive export: q: "-wmo" is searched as "wmo" (no word is left out); "OR" is searched as the word '
            '"or". Every word must be in a hit') in out.stderr, out.stderr
