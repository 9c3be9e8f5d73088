"""Property-based crawls: generated TenderNed answers within and just outside the documented shapes
(docs/reference/tenderned-api.md §3-§6, §12, §13), served over loopback HTTP to real crawls
(``tenderarchive crawl tenderned``, its own process) into a real SQLite archive.

The properties (the crawl contract):

- a crawl never crashes or hangs: it ends by itself with a documented exit code (0 complete,
  3 partial), no traceback, a bounded number of requests;
- every well-formed publication is archived, with the values a clean answer gives;
- every bad answer is recorded where a user sees it (the ``crawls`` row's errors and status, the
  exit code) and the next run fetches what it cost;
- nothing archived is deleted or downgraded by a worse answer.

Hypothesis draws the variation (profile ``crawls`` in tests/conftest.py: derandomised, a few
examples each, so CI runs the same cases every time; ``CRAWL_EXAMPLES=50`` runs more). The bugs
they found have plain regression tests besides (tests/spiders/test_tenderned.py).
"""

from __future__ import annotations

import copy
import json
import tempfile
import zlib
from pathlib import Path

import brotli
import pytest
import sqlite_utils
from hypothesis import given, settings, strategies as st

from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications
from tenderarchive.exitcodes import ExitCode
from tenderarchive.profiles import load_profile
from tenderarchive.store.schema import FIRST_CRAWL, PROVENANCE
from tests.conftest import by_id, make_publication, run_crawl

API = "/papi/tenderned-rs-tns/v2/publicaties"
FIRST_ID = 910001
WINDOW = {"from_date": "2020-06-01", "until_date": "2020-06-30"}
#: Columns that say when and from where, not what: a redirected or re-fetched answer changes them.
NOT_CONTENT = set(PROVENANCE) | set(FIRST_CRAWL) | {"documents_unread", "omitted_columns"}
CRAWLS = settings.get_profile("crawls")


def generated(count: int, days: list[int] | None = None) -> list[dict]:
    """``count`` youth-care contract notices (AAO, two CPV codes, one document) made from snapshot
    notice 200201, each its own procedure, published on ``days`` of June 2020."""
    template = by_id(load_publications(), 200201)
    days = days or [1 + i % 28 for i in range(count)]
    publications = [make_publication(template, FIRST_ID + i, f"2020-06-{days[i]:02d}", title=f"Jeugdhulp perceel {i}")
                    for i in range(count)]
    for publication in publications:   # its own PDF link, as the notice without links gets
        publication["detail"]["links"]["pdf"]["href"] = f"{API}/{publication['detail']['publicatieId']}/pdf"
    return publications


def crawl(api: TenderNedAPI, db: Path, *args):
    with APIServer(api) as server:
        return run_crawl(server.api_url, db, *args, **WINDOW)


def archived(result) -> dict[int, dict]:
    if not result.db["notices"].exists():
        return {}
    return {row["publication_id"]: {k: v for k, v in row.items() if k not in NOT_CONTENT}
            for row in result.db["notices"].rows}


def assert_ended_cleanly(result):
    """Ended by itself, with a documented exit code matching its crawl row, no traceback. (Exit 1,
    ``failed``: the crawl archived nothing and had errors, or no response came back.)"""
    assert result.returncode in (0, 1, 3), result.output[-3000:]
    assert "Traceback" not in result.output, result.output[-5000:]
    assert result.returncode == ExitCode.of_crawl(result.crawl["status"]), result.crawl
    assert result.returncode == 0 or result.errors, result.crawl
    assert result.crawl["finished"], result.crawl


# --- list pages: optional fields, ids as numbers, counts as strings, envelopes without fields -------

ROW_DROPPABLE = ["kenmerk", "aanbestedendeDienstNaam", "opdrachtgeverNaam", "sluitingsDatum", "opdrachtBeschrijving",
                 "typePublicatie", "link", "procedure", "typeOpdracht", "publicatiecode", "publicatiestatus",
                 "aantalDagenTotSluitingsDatum", "digitaal", "europees", "score"]
TEXTS = st.sampled_from([
    "", "   ", "Jeugdhulp &amp; Wmo&nbsp;regio", "Zorg voor jeugd – één café “Zeeuws-Vlaanderen” 😀",
    "<p>Jeugdhulp</p><br/>ambulant", "x" * 5000, "Jeugd\u0000hulp\ufeff", "jeugdzorg\r\n\tGGZ",
])
LIST_DATES = st.sampled_from(["2020-07-01T12:00:00", "2020-07-01", "2020-07-01T12:00:00.123456",
                              "2020-07-01T12:00:00+02:00", "2099-12-31T00:00:00", "", None])


@st.composite
def list_row_variant(draw):
    """How one list row departs from the example (§3, §13: missing fields, ids as numbers)."""
    return {
        "drop": draw(st.sets(st.sampled_from(ROW_DROPPABLE), max_size=6)),
        "null": draw(st.sets(st.sampled_from(ROW_DROPPABLE), max_size=3)),
        "id_as_number": draw(st.booleans()),
        "kenmerk_as_string": draw(st.booleans()),
        "description": draw(st.none() | TEXTS),
        "deadline": draw(st.none() | LIST_DATES),
    }


def apply_row_variant(row: dict, variant: dict) -> None:
    if variant["id_as_number"]:
        row["publicatieId"] = int(row["publicatieId"])
    if variant["kenmerk_as_string"] and row.get("kenmerk") is not None:
        row["kenmerk"] = str(row["kenmerk"])
    if variant["description"] is not None:
        row["opdrachtBeschrijving"] = variant["description"]
    if variant["deadline"] is not None:
        row["sluitingsDatum"] = variant["deadline"]
    for field in variant["null"]:
        row[field] = None
    for field in variant["drop"]:
        row.pop(field, None)


ENVELOPE_FIELDS = ["totalPages", "size", "number", "numberOfElements", "first", "last"]
COUNTS = ["totalElements", "totalPages", "size", "number", "numberOfElements"]


@settings(CRAWLS)
@given(count=st.integers(0, 6), page_size=st.integers(1, 3), rows=st.lists(list_row_variant(), min_size=6, max_size=6),
       omit=st.sets(st.sampled_from(ENVELOPE_FIELDS)), as_strings=st.sets(st.sampled_from(COUNTS)),
       days=st.lists(st.integers(1, 28), min_size=6, max_size=6))
def test_well_formed_list_pages_archive_every_publication(count, page_size, rows, omit, as_strings, days):
    publications = generated(count, days)
    for publication, variant in zip(publications, rows):
        apply_row_variant(publication["list"], variant)

    def envelope(page, params):
        return {k: (str(v) if k in as_strings and isinstance(v, int) and not isinstance(v, bool) else v)
                for k, v in page.items()}

    api = TenderNedAPI(publications, omit_envelope=omit, envelope=envelope)
    with tempfile.TemporaryDirectory() as folder:
        result = crawl(api, Path(folder) / "archive.db", "-s", f"TENDERNED_PAGE_SIZE={page_size}")
        assert_ended_cleanly(result)
        assert result.returncode == 0, (result.errors, result.output[-3000:])
        assert set(archived(result)) == {FIRST_ID + i for i in range(count)}
        assert_bounded(api.log, count, page_size)


QUERIES = len(load_profile("youth_care").queries())


def assert_bounded(log: list[str], count: int, page_size: int) -> None:
    """Per profile query its pages and one confirmation or control, and the window count; per
    publication its detail, /documenten, /html and /gerelateerd (a retried request counts again)."""
    lists = [entry for entry in log if entry.startswith(f"{API}?")]
    assert len(lists) <= 1 + QUERIES * (-(-count // page_size) + 2), lists
    assert len(log) - len(lists) <= 4 * count, log


# --- list pages that disagree with themselves ----------------------------------------------------

@settings(CRAWLS)
@given(count=st.integers(1, 6), page_size=st.integers(1, 3),
       total_delta=st.integers(-3, 3), pages_delta=st.integers(-1, 2),
       drop_last=st.integers(0, 2), repeat=st.integers(0, 2), empty_page=st.none() | st.integers(0, 3))
def test_inconsistent_list_pages_are_archived_as_far_as_they_go_or_recorded(
        count, page_size, total_delta, pages_delta, drop_last, repeat, empty_page):
    """``totalElements``/``totalPages`` that disagree with the content, a short or empty page, rows
    repeated from the page before: every row listed is archived; a query that listed fewer distinct
    publications than its ``totalElements`` claims is recorded (a shortfall), and only then; a window of several
    days that comes short over several pages is listed again in halves, which then account for it."""
    publications = generated(count)
    claimed: dict[tuple, int] = {}      # per query: the totalElements of its page 0
    sent: dict[tuple, set[str]] = {}    # per query: the distinct publicatieIds its pages listed

    def envelope(page, params):
        query = tuple(sorted((k, tuple(v)) for k, v in params.items() if k not in ("page", "size")))
        if not {"cpvCodes", "search"} & set(params):   # the unfiltered window count
            return page
        if {"03000000-1", "qxzqxzqxz"} & {v for values in params.values() for v in values}:
            return page   # the check for an ignored filter (values that match nothing): a lie there is an ignored filter
        page = copy.deepcopy(page)
        number = page["number"]
        page["totalElements"] = max(0, page["totalElements"] + total_delta)
        page["totalPages"] = max(0, page["totalPages"] + pages_delta)
        if number == empty_page:
            page["content"] = []
        elif page.get("last") and drop_last:
            page["content"] = page["content"][:-drop_last]
        if repeat and number > 0:
            page["content"] = [dict(publications[0]["list"])] * repeat + page["content"]
        if number == 0:
            claimed[query] = page["totalElements"]
        sent.setdefault(query, set()).update(str(row["publicatieId"]) for row in page["content"])
        return page

    api = TenderNedAPI(publications, envelope=envelope)
    with tempfile.TemporaryDirectory() as folder:
        result = crawl(api, Path(folder) / "archive.db", "-s", f"TENDERNED_PAGE_SIZE={page_size}")
        assert_ended_cleanly(result)
        got = {str(i) for i in archived(result)}
        listed = set().union(*sent.values()) if sent else set()
        assert listed <= got, f"listed but not archived: {sorted(listed - got)}"
        split = {query for query in claimed if any(halves(query, other) for other in claimed)}
        short = sorted(query for query, total in claimed.items()
                       if query not in split and len(sent.get(query, ())) < total)
        shortfalls = [e for e in result.errors if e["error"].startswith("shortfall: ")]
        assert len(shortfalls) == len(short), (short, result.errors)
        assert (result.returncode == 0) == (not short and not result.errors), (short, result.errors)


def halves(query: tuple, other: tuple) -> bool:
    """Whether ``other`` is the same query over a part of ``query``'s window (a half it was listed again in)."""
    def window(q):
        params = dict(q)
        return params.get("publicatieDatumVanaf", ("",))[0], params.get("publicatieDatumTot", ("",))[0]

    def filters(q):
        return tuple(item for item in q if not item[0].startswith("publicatieDatum"))

    return other != query and filters(other) == filters(query) and window(query)[0] <= window(other)[0] \
        and window(other)[1] <= window(query)[1]


# --- single answers that fail, arrive oddly or lie -------------------------------------------------

def detail_body(publication) -> bytes:
    return json.dumps(publication["detail"], ensure_ascii=False).encode()


def documents_body(publication) -> bytes:
    return json.dumps(publication["documenten"], ensure_ascii=False).encode()


def gzipped(body: bytes) -> bytes:
    import gzip
    return gzip.compress(body)


def raw_deflated(body: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-15)
    return compressor.compress(body) + compressor.flush()


#: Answers that carry the record (after a retry, a redirect, a decoding): archived as a clean one is.
#: ``body`` is the endpoint's clean body (detail or documents), ``path`` its path.
GOOD = {
    "text/plain": lambda body, path: [{"status": 200, "body": body, "headers": {"Content-Type": "text/plain"}}],
    "octet-stream": lambda body, path: [{"status": 200, "body": body,
                                         "headers": {"Content-Type": "application/octet-stream"}}],
    "no content type": lambda body, path: [{"status": 200, "body": body, "headers": {"Content-Type": ""}}],
    "latin-1 label": lambda body, path: [{"status": 200, "body": body,
                                          "headers": {"Content-Type": "application/json;charset=ISO-8859-1"}}],
    "BOM": lambda body, path: [{"status": 200, "body": b"\xef\xbb\xbf" + body}],
    "gzip": lambda body, path: [{"status": 200, "body": gzipped(body), "headers": {"Content-Encoding": "gzip"}}],
    # the other codings Scrapy asks for (Accept-Encoding: gzip, deflate, br, zstd), deflate in both its forms
    # (RFC 9110's zlib stream, and the bare one some servers send)
    "deflate": lambda body, path: [{"status": 200, "body": zlib.compress(body), "headers": {"Content-Encoding": "deflate"}}],
    "raw deflate": lambda body, path: [{"status": 200, "body": raw_deflated(body),
                                        "headers": {"Content-Encoding": "deflate"}}],
    "br": lambda body, path: [{"status": 200, "body": brotli.compress(body), "headers": {"Content-Encoding": "br"}}],
    "redirect": lambda body, path: [{"status": 301, "body": b"", "headers": {"Location": f"{path}?via=mirror"}}],
    "500 once": lambda body, path: [{"status": 500}],
    "502 twice": lambda body, path: [{"status": 502}, {"status": 502}],
    # a 200 that is no JSON is retried like a 5xx (not for /html: NOT_RETRIED_BY_HTML)
    "truncated once": lambda body, path: [{"status": 200, "body": body[: len(body) // 2]}],
    "maintenance page once": lambda body, path: [{"status": 200, "body": b"<html><body>Onderhoud</body></html>",
                                                  "headers": {"Content-Type": "text/html"}}],
    "empty body once": lambda body, path: [{"status": 200, "body": b""}],
    # an error object saying a retried status (a gateway's: no ``timestamp``) is retried like a 5xx too
    "error object once": lambda body, path: [{"status": 200, "body": json.dumps(
        {"status": 503, "error": "Service Unavailable", "path": path}).encode()}],
}
#: GOOD answers only where the request expects JSON: ``/html`` is read bare too (an HTML rendering), so it
#: does not retry an HTML page sent with 200, which leaves its notice unread (recorded, asked next run).
NOT_RETRIED_BY_HTML = {"maintenance page once"}
#: Answers that carry no usable record: recorded, and fetched by the next run.
BAD = {
    "404": lambda body, path: [{"status": 404, "body": b'{"message": "Publicatie niet gevonden"}'}],
    "410": lambda body, path: [{"status": 410, "body": b""}],
    "500 outlasting the retries": lambda body, path: [{"status": 500}] * 5,
    "truncated past the retries": lambda body, path: [{"status": 200, "body": body[: len(body) // 2]}] * 5,
    "maintenance page past the retries": lambda body, path: [
        {"status": 200, "body": b"<html><body>Onderhoud</body></html>", "headers": {"Content-Type": "text/html"}}] * 5,
    "empty body past the retries": lambda body, path: [{"status": 200, "body": b""}] * 5,
    "error object past the retries": lambda body, path: [
        {"status": 200, "body": b'{"status": 500, "error": "Internal Server Error"}'}] * 5,
    "array": lambda body, path: [{"status": 200, "body": b"[]"}],
}


def content(db, table: str, key: str) -> dict:
    if not db[table].exists():
        return {}
    return {row[key]: {k: v for k, v in row.items() if k not in NOT_CONTENT} for row in db[table].rows}


@pytest.fixture(scope="module")
def clean_archive(tmp_path_factory):
    """What a clean crawl of ``generated(4)`` archives: notices and documents."""
    result = crawl(TenderNedAPI(generated(4)), tmp_path_factory.mktemp("clean") / "archive.db")
    assert result.returncode == 0, result.output[-3000:]
    return content(result.db, "notices", "publication_id"), content(result.db, "documents", "document_id")


@settings(CRAWLS)
@given(details=st.lists(st.none() | st.sampled_from(sorted(GOOD)) | st.sampled_from(sorted(BAD)), min_size=4, max_size=4),
       documents=st.lists(st.none() | st.sampled_from(sorted(GOOD)) | st.sampled_from(sorted(BAD)),
                          min_size=4, max_size=4))
def test_single_answers_that_fail_are_recorded_and_fetched_by_the_next_run(clean_archive, details, documents):
    notices, documents_clean = clean_archive
    publications = generated(4)
    faults, lost, unread = {}, set(), set()
    for publication, detail_fault, documents_fault in zip(publications, details, documents):
        pid = publication["detail"]["publicatieId"]
        path = f"{API}/{pid}"
        if detail_fault:
            faults[path] = {**GOOD, **BAD}[detail_fault](detail_body(publication), path)
            if detail_fault in BAD:
                lost.add(pid)
                continue   # its /documenten is never asked
        if documents_fault:
            faults[f"{path}/documenten"] = {**GOOD, **BAD}[documents_fault](documents_body(publication),
                                                                            f"{path}/documenten")
            if documents_fault in BAD:
                unread.add(pid)
    api = TenderNedAPI(publications, faults=faults)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "archive.db"
        first = crawl(api, db)
        assert_ended_cleanly(first)
        got = content(first.db, "notices", "publication_id")
        assert set(got) == set(notices) - lost, (sorted(lost), first.errors)
        for pid in set(got) - unread:
            assert got[pid] == notices[pid], pid
        for pid in lost | unread:   # recorded where a user sees it
            assert any(str(pid) in json.dumps(e) for e in first.errors), (pid, first.errors)
        assert (first.returncode == 0) == (not lost and not unread), first.errors

        api.faults.clear()
        second = crawl(api, db)
        assert_ended_cleanly(second)
        assert second.returncode == 0, second.errors
        assert content(second.db, "notices", "publication_id") == notices
        # every notice is still open (its deadline is after the window), so re-checked: its documents
        # come back, also after a 404 or 410 (TenderNed's answer "none", not asked again when closed)
        assert content(second.db, "documents", "document_id") == documents_clean


# --- detail records: every documented shape, and some just outside ---------------------------------

#: Per detail field, values of its documented shapes (§4, §13); MISSING drops the field.
MISSING = object()
TIMESTAMPS = ["2020-06-15T09:00:00", "2020-06-15T09:00:00.637087", "2020-06-15T09:00:00+02:00"]
DOCUMENTED_DETAIL = {
    "publicatieDatum": [*TIMESTAMPS, MISSING, None],   # the list row's date stands in (§13)
    "sluitingsDatum": ["2020-09-01T12:00:00", "2099-12-31T00:00:00", "2125-12-31T00:00:00", MISSING, None],
    "sluitingsDatumMarktconsultatie": ["2020-10-15", MISSING, None],
    "aanvangOpdrachtDatum": [*TIMESTAMPS, MISSING, None],
    "voltooiingOpdrachtDatum": [*TIMESTAMPS, MISSING, None],
    "kenmerk": [MISSING, None, "KEEP_AS_STRING"],
    "publicatieId": ["KEEP_AS_STRING"],                 # a number in details, a string in lists
    "opdrachtBeschrijving": ["", None, MISSING, "Jeugdhulp &amp; Wmo&nbsp;in de regio<br/>" * 200,
                             "één café “jeugd” 😀 info@gemeente.nl"],
    "aanbestedendeDienstNaam": ["", None, MISSING],
    "opdrachtgeverNaam": ["", None, MISSING],
    "cpvCodes": [[], MISSING, None, [{"code": "85311300-5", "omschrijving": "Welzijnszorg", "isHoofdOpdracht": False}]],
    "nutsCodes": [["NL33"], [{"code": "NL33", "omschrijving": "Zuid-Holland"}], [], MISSING, None],
    "typePublicatie": [MISSING, None, "Aankondiging van een opdracht"],
    "publicatieCode": [MISSING, None],
    "aankondigingCode": [MISSING, None],
    "procedureCode": [MISSING, None], "typeOpdrachtCode": [MISSING, None], "opdrachtAardCode": [MISSING, None],
    "juridischKaderCode": [MISSING, None], "nationaalOfEuropeesCode": [MISSING, None],
    "looptijdCode": [{"code": "OBP", "omschrijving": "Onbepaald"}, MISSING],
    "isGegund": [MISSING, None], "isVroegtijdigBeeindigd": [MISSING, None],
    # a rectification the API serves (OWN_RECTIFICATION: one of the notice's procedure, published after the window)
    "publicatieIDLaatsteRectificatie": [None, "OWN_RECTIFICATION", MISSING],
    "links": [MISSING, None, {"pdf": {"href": "/papi/tenderned-rs-tns/v2/publicaties/1/pdf", "title": "pdf"}}],
    "formType": ["competition", "consultation", MISSING, None],
    "trefwoord1": ["jeugdhulp", "", None],
    "gerelateerdePublicaties": [None, []],
    "pbNummerTed": [None, "2020/S 115-281234", 2020115281234],
    "numberOfDaysBeforeAanmeldenInschrijven": [-1, 14, "14", MISSING],
}


def set_field(record: dict, field: str, value) -> None:
    if value is MISSING:
        record.pop(field, None)
    elif value == "KEEP_AS_STRING":
        if record.get(field) is not None:
            record[field] = str(record[field])
    else:
        record[field] = copy.deepcopy(value)


def rectification_of(publication: dict) -> dict:
    """A rectification (REC, made from snapshot notice 100131) of ``publication``'s procedure, published after the
    window, so only the publicatieIDLaatsteRectificatie its detail names leads to it."""
    pid = int(publication["list"]["publicatieId"])
    return make_publication(by_id(load_publications(), 100131), pid + 500, "2020-07-15",
                            title=f"Rectificatie: {publication['detail']['aanbestedingNaam']}", kenmerk=900000 + pid)


@st.composite
def detail_variant(draw, shapes: dict):
    fields = draw(st.sets(st.sampled_from(sorted(shapes)), min_size=1, max_size=8))
    return {field: draw(st.sampled_from(range(len(shapes[field])))) for field in sorted(fields)}


@settings(CRAWLS)
@given(variants=st.lists(detail_variant(DOCUMENTED_DETAIL), min_size=3, max_size=3))
def test_every_documented_detail_shape_is_archived(variants):
    publications = generated(3)
    rectifications = []
    for publication, variant in zip(publications, variants):
        for field, choice in variant.items():
            value = DOCUMENTED_DETAIL[field][choice]
            if value == "OWN_RECTIFICATION":
                rectifications.append(rectification_of(publication))
                value = rectifications[-1]["detail"]["publicatieId"]
            set_field(publication["detail"], field, value)
    api = TenderNedAPI(publications + rectifications)
    with tempfile.TemporaryDirectory() as folder:
        result = crawl(api, Path(folder) / "archive.db")
        assert_ended_cleanly(result)
        assert result.returncode == 0, result.errors
        got = archived(result)
        named = {r["detail"]["publicatieId"] for r in rectifications}
        assert set(got) == {FIRST_ID, FIRST_ID + 1, FIRST_ID + 2} | named   # the named rectifications too
        for publication in publications:
            assert got[publication["list"]["publicatieId"] and int(publication["list"]["publicatieId"])]["title"] \
                == publication["detail"]["aanbestedingNaam"]


#: Just outside the documented shapes: other date spellings, numbers for texts, texts for numbers.
UNDOCUMENTED = {
    "publicatieDatum": ["2020-06-15T07:00:00Z", "2020-06-15 09:00:00", "15-06-2020", "2020-06-15T09:00", "   ",
                        1592211600000, "2020-06-15T09:00:00.637087123", "gisteren"],
    "sluitingsDatum": ["01-09-2020", "2020-09-01 12:00", "   ", 1598954400000, "2020-09-01T12:00:00+0200", "n.v.t."],
    "sluitingsDatumMarktconsultatie": ["15-10-2020", "   ", 20201015, "2020-10-15T12:00:00Z", "onbekend"],
    "aanvangOpdrachtDatum": ["01-01-2021", "2021", "   ", 1609459200000],
    "voltooiingOpdrachtDatum": ["31-12-2025", "2025-12", "   "],
    "kenmerk": ["TN311520", "", " 311520 ", 3.5, True, {"code": 1}],
    "aanbestedingNaam": [12345, ["Jeugdhulp"], "x" * 100_000],
    "opdrachtBeschrijving": [12345, {"nl": "Jeugdhulp"}, ["a", "b"]],
    "opdrachtgeverNaam": [12345, True],
    "cpvCodes": ["85311300-5", [None, 85311300, "85311300-5"], {"code": "85311300-5"}],
    "nutsCodes": ["NL33", [None, 33]],
    "aankondigingCode": ["AAO", {"code": None}, {"code": 7}],
    "procedureCode": ["OPE", []],
    "isGegund": ["Ja", "false", 1],
    "publicatieIDLaatsteRectificatie": ["910999", "", "n.v.t."],
    "links": ["https://www.tenderned.nl", {"pdf": "x"}, {"pdf": {"href": None}}],
    "formType": [7, ["result"]],
}
LIST_UNDOCUMENTED = {
    "sluitingsDatum": ["01-09-2020", "   ", 1598954400000, "n.v.t."],
    "sluitingsDatumMarktconsultatie": ["15-10-2020", "   ", 20201015],
    "publicatieDatum": ["2020-06-15T09:00:00"],   # (the loopback API selects the window on this text)
    "kenmerk": ["TN311520", 3.5, {"code": 1}],
    "typePublicatie": ["AAO", {"code": None}],
    "europees": ["ja", None],
}


@settings(CRAWLS)
@given(variants=st.lists(detail_variant(UNDOCUMENTED), min_size=3, max_size=3),
       rows=st.lists(st.none() | detail_variant(LIST_UNDOCUMENTED), min_size=3, max_size=3))
def test_detail_shapes_outside_the_documented_ones_are_archived_or_recorded(variants, rows):
    """No traceback whatever the fields hold; a notice that is not archived is recorded by id."""
    publications = generated(3)
    for publication, variant, row in zip(publications, variants, rows):
        for field, choice in variant.items():
            set_field(publication["detail"], field, UNDOCUMENTED[field][choice])
        for field, choice in (row or {}).items():
            set_field(publication["list"], field, LIST_UNDOCUMENTED[field][choice])
    api = TenderNedAPI(publications)
    with tempfile.TemporaryDirectory() as folder:
        result = crawl(api, Path(folder) / "archive.db")
        assert_ended_cleanly(result)
        got = archived(result)
        for pid in {FIRST_ID, FIRST_ID + 1, FIRST_ID + 2} - set(got):
            assert any(str(pid) in json.dumps(e) for e in result.errors), (pid, result.errors)


# --- a worse answer never downgrades what is archived ----------------------------------------------

#: Detail fields a worse answer leaves out, nulls or blanks (a sparse record, §13).
WORSE = ["kenmerk", "opdrachtBeschrijving", "aanbestedendeDienstNaam", "opdrachtgeverNaam", "publicatieDatum",
         "sluitingsDatum", "aanvangOpdrachtDatum", "voltooiingOpdrachtDatum", "cpvCodes", "nutsCodes",
         "aankondigingCode", "procedureCode", "typeOpdrachtCode", "opdrachtAardCode", "juridischKaderCode",
         "nationaalOfEuropeesCode", "typePublicatie", "publicatieCode", "links", "formType", "isGegund",
         "referentieNummer", "trefwoord1"]
CHILD_TABLES = {"notices": "publication_id", "notice_cpv": "publication_id", "documents": "publication_id"}


def archive_content(db) -> dict[str, list[dict]]:
    return {table: sorted(({k: v for k, v in row.items() if k not in NOT_CONTENT} for row in db[table].rows),
                          key=lambda row: json.dumps(row, sort_keys=True, default=str))
            for table in CHILD_TABLES if db[table].exists()}


@settings(CRAWLS)
@given(worse=st.lists(st.dictionaries(st.sampled_from(WORSE), st.sampled_from([MISSING, None, ""]), min_size=1,
                                      max_size=10), min_size=3, max_size=3),
       whole_list=st.booleans())
def test_a_worse_answer_never_downgrades_the_archive(worse, whole_list):
    """A second crawl that fetches every detail again (``TENDERNED_INCREMENTAL=False``) gets records
    with fields left out, null or blank: every archived row and value stays."""
    publications = generated(3)
    api = TenderNedAPI(publications)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "archive.db"
        first = crawl(api, db)
        assert first.returncode == 0, first.errors
        before = archive_content(first.db)
        for publication, fields in zip(publications, worse):
            for field, value in fields.items():
                set_field(publication["detail"], field, value)
                if whole_list and field in publication["list"]:
                    set_field(publication["list"], field, value)
        second = crawl(api, db, "-s", "TENDERNED_INCREMENTAL=False")
        assert_ended_cleanly(second)
        after = archive_content(second.db)
        for table, rows in before.items():
            lost = [row for row in rows if row not in after.get(table, [])]
            changed = [{k: (old[k], new.get(k)) for k in old if old[k] != new.get(k)}
                       for old in lost for new in after.get(table, []) if new[CHILD_TABLES[table]] == old[CHILD_TABLES[table]]]
            assert not lost, (table, changed or lost, second.errors)


# --- award data: a procedure's /gerelateerd and its award notice's /html --------------------------

AWARD_WINDOW = {"from_date": "2020-06-01", "until_date": "2021-06-30"}
AWARD_TABLES_COMPARED = ("notices", "notice_results", "lots", "awards", "award_suppliers")


def procedure() -> list[dict]:
    """Snapshot contract notice 200201 and its award notice 200288, which no profile query lists
    (other CPV code, no youth-care word): only the contract notice's /gerelateerd finds it."""
    publications = load_publications()
    contract, award = by_id(publications, 200201), by_id(publications, 200288)
    award["detail"]["cpvCodes"] = [{"code": "79411000-8", "omschrijving": "Advies", "isHoofdOpdracht": True}]
    for record in (award["detail"], award["list"]):
        record["aanbestedingNaam"] = "Gunning toegang Leidse Regio"
        record["opdrachtBeschrijving"] = "Gunning."
    return [contract, award]


def award_content(db) -> dict[str, list]:
    return {table: sorted((json.dumps({k: v for k, v in row.items() if k not in NOT_CONTENT | {"rectifies"}},
                                      sort_keys=True, default=str) for row in db[table].rows))
            for table in AWARD_TABLES_COMPARED if db[table].exists()}


@pytest.fixture(scope="module")
def clean_awards(tmp_path_factory):
    with APIServer(TenderNedAPI(procedure())) as server:
        result = run_crawl(server.api_url, tmp_path_factory.mktemp("awards") / "archive.db", **AWARD_WINDOW)
    assert result.returncode == 0, result.output[-3000:]
    content = award_content(result.db)
    assert content["awards"] and any('"publication_id": 200288' in row for row in content["notices"])
    return content


def differences(got: dict, wanted: dict) -> dict:
    """Per table, the columns whose values differ between rows only one side has."""
    out = {}
    for table in wanted:
        extra = [json.loads(row) for row in got.get(table, []) if row not in wanted[table]]
        missing = [json.loads(row) for row in wanted[table] if row not in got.get(table, [])]
        if extra or missing:
            out[table] = [{k: (m.get(k), e.get(k)) for k in m if m.get(k) != e.get(k)}
                          for m, e in zip(missing, extra)] or {"missing": missing, "extra": extra}
    return out


ANSWERS = st.none() | st.sampled_from(sorted(GOOD)) | st.sampled_from(sorted(BAD))


@settings(CRAWLS)
@given(related=ANSWERS, html=ANSWERS)
def test_award_data_that_fails_is_recorded_and_fetched_by_the_next_run(clean_awards, related, html):
    publications = procedure()
    api = TenderNedAPI(publications)
    faults = {}
    if related:
        path = f"{API}/200201/gerelateerd"
        faults[path] = {**GOOD, **BAD}[related](json.dumps(api.related(publications[0])).encode(), path)
    if html:
        path = f"{API}/200288/html"
        faults[path] = {**GOOD, **BAD}[html](json.dumps({"html": publications[1]["html"]}).encode(), path)
    api.faults.update(faults)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "archive.db"
        with APIServer(api) as server:
            first = run_crawl(server.api_url, db, **AWARD_WINDOW)
            assert_ended_cleanly(first)
            # An empty array is a /gerelateerd of the right shape (a list), only short of the notice
            # itself: not an error; the procedure, still without an award notice, is asked again
            # next run (tenderned spider: awaiting results).
            bad = {name for name, answer in (("gerelateerd", related), ("html", html))
                   if answer in BAD and not (name == "gerelateerd" and answer == "array")}
            if html in NOT_RETRIED_BY_HTML:
                bad.add("html")
            if related in BAD:
                bad.discard("html")   # the award notice is never found, so its /html never asked
            for name in bad:
                assert any(f"/{name}" in (e["url"] or "") for e in first.errors), (name, first.errors)
            if not bad and related != "array":
                assert first.returncode == 0, first.errors
                assert award_content(first.db) == clean_awards, differences(award_content(first.db), clean_awards)
            api.faults.clear()
            second = run_crawl(server.api_url, db, **AWARD_WINDOW)
        assert_ended_cleanly(second)
        assert second.returncode == 0, second.errors
        assert award_content(second.db) == clean_awards, differences(award_content(second.db), clean_awards)


# --- news pages: charsets, encodings, redirects, pages gone or failing (docs/reference/news-sites.md) --

NEWS_COLUMNS = ("title", "text", "published", "published_source", "relevant", "primary_stage", "site")


def news_articles() -> list[tuple[str, str]]:
    from tests.fixtures.news.serve import load_manifest
    return [(site, route["path"]) for site, spec in load_manifest()["sites"].items()
            for route in spec["routes"] if route.get("kind") == "article" or "relevant" in route]


def living_pages() -> set[tuple[str, str]]:
    import yaml

    registry = yaml.safe_load((Path(__file__).parent.parent / "fixtures" / "news" / "sources.yaml").read_text("utf-8"))
    return {(site["name"], "/" + page.lstrip("/")) for site in registry["sites"]
            for page in site.get("living_pages") or []}


LIVING_PAGES = living_pages()


def recode(body: bytes, encoding: str) -> bytes:
    return body.decode("utf-8").encode(encoding, "xmlcharrefreplace")


#: Answers that carry the page: archived as the clean one is.
NEWS_GOOD = {
    "windows-1252 said in the header": lambda h, b: (200, {"Content-Type": "text/html; charset=windows-1252"},
                                                     recode(b, "cp1252")),
    "no charset": lambda h, b: (200, {"Content-Type": "text/html"}, b),
    "no Content-Type": lambda h, b: (200, {"Content-Type": None}, b),
    "BOM": lambda h, b: (200, h, b"\xef\xbb\xbf" + b),
    "UTF-8 labelled ISO-8859-1": lambda h, b: (200, {"Content-Type": "text/html; charset=iso-8859-1"}, b),
    "gzip": lambda h, b: (200, {**h, "Content-Encoding": "gzip"}, gzipped(b)),
    "UTF-16": lambda h, b: (200, {"Content-Type": "text/html; charset=utf-16"}, recode(b, "utf-16")),
}
#: A discovered page that is gone: logged, not archived, not an error (spiders/news.py).
NEWS_GONE = {"404": lambda h, b: (404, h, b"<html><body>Pagina niet gevonden</body></html>"),
             "410": lambda h, b: (410, h, b"")}
#: Answers that carry nothing: recorded, and archived by the next run.
NEWS_BAD = {"500": lambda h, b: (500, h, b""), "503": lambda h, b: (503, {**h, "Retry-After": "0"}, b""),
            "empty 200": lambda h, b: (200, h, b"")}
NEWS_ANSWERS = {**NEWS_GOOD, **NEWS_GONE, **NEWS_BAD}


def news_crawl(folder: Path, db: Path, base_urls: dict):
    """A news crawl of the fixture sites at ``base_urls`` (the same servers for crawls that share an
    archive: URLs are keys); its exit, crawl row, errors and articles by (site, path)."""
    from tests.spiders.test_news import crawl_news, write_registry

    completed = crawl_news(write_registry(folder, base_urls), db)
    hosts = {base_urls[site].rstrip("/"): site for site in base_urls}
    archive = sqlite_utils.Database(db)
    crawl_row = next(archive.query("select * from crawls order by crawl_id desc limit 1"))
    articles = {}
    for row in archive["articles"].rows:
        origin, path = row["url"].split("/", 3)[:3], "/" + row["url"].split("/", 3)[3]
        articles[(hosts["/".join(origin)], path)] = {k: row[k] for k in NEWS_COLUMNS}
    return completed, crawl_row, json.loads(crawl_row["errors"] or "[]"), articles


@pytest.fixture(scope="module")
def clean_news(tmp_path_factory):
    from tests.fixtures.news.serve import serve_sites

    folder = tmp_path_factory.mktemp("news")
    with serve_sites() as base_urls:
        completed, crawl_row, errors, articles = news_crawl(folder, folder / "archive.db", base_urls)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert {key for key in articles} >= set(news_articles()), sorted(articles)
    return articles


@settings(CRAWLS)
@given(answers=st.dictionaries(st.sampled_from(news_articles()), st.sampled_from(sorted(NEWS_ANSWERS)),
                               min_size=1, max_size=4))
def test_news_pages_that_arrive_oddly_are_archived_and_failing_ones_recorded(clean_news, answers):
    from tests.fixtures.news.serve import serve_sites

    healed = []

    def transform(site, route, status, headers, body):
        answer = None if healed else answers.get((site, route["path"]))
        return NEWS_ANSWERS[answer](headers, body) if answer else (status, headers, body)

    with tempfile.TemporaryDirectory() as folder, serve_sites(transform=transform) as base_urls:
        db = Path(folder) / "archive.db"
        completed, crawl_row, errors, articles = news_crawl(Path(folder), db, base_urls)
        assert completed.returncode in (0, 3), completed.stderr[-3000:]
        assert "Traceback" not in completed.stdout + completed.stderr, completed.stderr[-5000:]
        # a living page of the registry that is gone is an error, a discovered one is not
        bad = {key for key, answer in answers.items()
               if answer in NEWS_BAD or (answer in NEWS_GONE and key in LIVING_PAGES)}
        absent = bad | {key for key, answer in answers.items() if answer in NEWS_GONE}
        assert set(articles) == set(clean_news) - absent, (sorted(set(clean_news) - set(articles)), errors)
        for key in set(articles):
            assert articles[key] == clean_news[key], (key, answers.get(key))
        for site, path in bad:
            assert any(path in json.dumps(e) for e in errors), ((site, path), errors)
        assert (completed.returncode == 0) == (not bad), errors
        healed.append(True)   # the sites answer well again
        again = news_crawl(Path(folder), db, base_urls)
        assert again[0].returncode == 0, again[2]
        assert set(again[3]) == set(clean_news)
