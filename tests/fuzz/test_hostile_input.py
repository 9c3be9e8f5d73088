"""One test per class of hostile input the fuzzer found (issue 13), each failing before its fix.

Callbacks get real Scrapy responses built in-process (tests/fuzz/harness.py); records go
through the real pipelines; the oracle is the contract: the bad record is dropped or the bad
document recorded as an error, nothing else raises, and what is kept can be stored.
"""

from __future__ import annotations

import copy
import json
import time
from datetime import date

import pytest
import scrapy
from scrapy.exceptions import DropItem

from tests.fuzz import harness
from tests.fuzz.harness import SITE, check_storable, news_spider, publications, response, tenderned_spider

LIST_META = {"query": "cpv", "params": [("cpvCodes", "85311300-5")],
             "window": (date(2018, 1, 1), date(2018, 12, 31)), "page": 0, "top": True, "baseline": 100}


@pytest.fixture
def spider():
    spider = tenderned_spider()
    spider.crawl_errors.clear()
    spider.seen.clear()
    return spider


def list_page(spider, body: bytes) -> list:
    url = f"{spider.api_url}/publicaties?page=0"
    return list(spider.parse_list(response(url, body, LIST_META)))


def test_deeply_nested_json_is_one_recorded_error(spider):
    assert list_page(spider, b"[" * 100_000 + b"]" * 100_000) == []
    assert "malformed JSON" in spider.crawl_errors[-1]["error"]


@pytest.mark.parametrize("page", [
    [1, 2], "text", {"totalElements": [5], "content": []}, {"totalElements": 1e309, "content": []},
    {"totalElements": "javascript:alert(1)", "content": []}, {"totalElements": 3, "content": 7},
])
def test_list_page_of_the_wrong_shape_is_recorded(spider, page):
    assert list_page(spider, json.dumps(page).encode()) == []
    assert spider.crawl_errors, "the bad page is recorded"


@pytest.mark.parametrize("row", [["x"], "100101", {"publicatieId": "\ud800"},
                                 {"publicatieId": "1", "kenmerk": {"a": 1}}])
def test_bad_list_row_costs_only_that_row(spider, row):
    good = publications()[0]["list"]
    body = json.dumps({"content": [row, good], "totalElements": 2, "totalPages": 1, "size": 100}).encode()
    requests = list_page(spider, body)
    assert any(r.url.endswith(f"/publicaties/{good['publicatieId']}") for r in requests)


def run_notice(detail=None, documents=None, row=None, errors=None) -> dict | None:
    """One publication through parse_detail, parse_documents and the notice pipelines (``errors``: a
    list that receives what the spider recorded)."""
    spider = tenderned_spider()
    if errors is not None:
        spider.crawl_errors = errors
    spider.known_results.add("100101")  # its /html (lots, estimated values) is not this test's either
    publication = copy.deepcopy(publications()[0])
    detail = publication["detail"] if detail is None else detail(publication["detail"])
    documents = publication["documenten"] if documents is None else documents(publication["documenten"])
    row = publication["list"] if row is None else row(publication["list"])
    url = spider.detail_url("100101")
    [request] = [r for r in spider.parse_detail(response(url, json.dumps(detail).encode(),
                                                         {"publication_id": "100101", "list_record": row}))
                 if r.url.endswith("/documenten")]  # award data (/html, /gerelateerd) is not this test's
    [item] = [i for i in request.callback(response(request.url, json.dumps(documents).encode(), request.meta))
              if not isinstance(i, scrapy.Request)]
    for pipeline in harness.notice_pipelines():
        item = pipeline.process_item(item)
    harness.store_rows(item.record)
    return item.record


def edit(**changes):
    def apply(record):
        record.update(changes)
        return record
    return apply


@pytest.mark.parametrize("field, value, message", [
    ("cpvCodes", 5, "expected a list"),                         # int where a list belongs
    ("nutsCodes", [["NL33"]], "expected text"),
    # (formType of another shape costs the form type only, refapi16: tests/spiders/test_tenderned_round16.py)
    ("procedureCode", {"code": ["OPE"]}, "expected text"),
])
def test_one_bad_field_drops_one_record_with_a_message(field, value, message):
    with pytest.raises(DropItem, match=f"publication 100101: .*{message}"):
        run_notice(detail=edit(**{field: value}))


@pytest.mark.parametrize("field, value", [
    ("kenmerk", 10 ** 30),                                       # beyond SQLite's 64 bits
    ("publicatieIDLaatsteRectificatie", "//evil.example/x"),
])
def test_a_detail_field_drifted_past_reading_costs_that_field_not_the_record(field, value):
    """Schema drift (branch refapi36, tests/spiders/test_tenderned_round21.py): a detail's kenmerk beyond 64 bits
    takes the list row's, a rectification id that is no number is left unread; the rest of the notice is archived
    (both dropped the whole notice on every crawl)."""
    notice, plain = run_notice(detail=edit(**{field: value}))["notice"], run_notice()["notice"]
    assert notice["publication_id"] == 100101 and notice["title"] == plain["title"]
    if field == "kenmerk":
        assert notice["kenmerk"] == plain["kenmerk"]
    else:
        assert notice["latest_rectification_id"] is None and plain["latest_rectification_id"] is not None


@pytest.mark.parametrize("where, field, value", [
    ("detail", "sluitingsDatumMarktconsultatie", "2021-02-30"),   # an impossible day
    ("detail", "sluitingsDatum", "n.v.t."),
    ("detail", "aanvangOpdrachtDatum", "\u2026"),                 # the reference's own placeholder
    ("detail", "voltooiingOpdrachtDatum", "2025-13"),
    ("list row", "sluitingsDatum", "2018-13-45T09:00:00"),
])
def test_an_unreadable_optional_date_costs_the_field_not_the_record(where, field, value):
    """A notice whose closing, start, end or consultation date holds no date is archived without that
    date, and the spider records it (the crawl is partial; the next run asks again). It dropped the
    whole notice, which a source that writes "n.v.t." there would keep out of the archive for good."""
    spider_errors = []
    change = edit(**{field: value})
    record = run_notice(**({"detail": change} if where == "detail" else {"row": change}), errors=spider_errors)
    column = {"sluitingsDatumMarktconsultatie": "consultation_deadline", "sluitingsDatum": "deadline",
              "aanvangOpdrachtDatum": "start_date", "voltooiingOpdrachtDatum": "end_date"}[field]
    notice = record["notice"]
    assert notice["publication_id"] == 100101 and notice["title"]
    if where == "detail" and field == "sluitingsDatum":
        assert notice["deadline"] == notice["deadline_list"] is not None   # the list row's deadline stands in
    elif where == "detail":
        assert notice[column] is None
    else:
        assert notice["deadline_list"] is None
    [error] = spider_errors
    assert f"{where} {field} {value!r}" in error["error"] and "archived without it" in error["error"]


def test_an_unreadable_publication_date_with_none_in_the_list_row_drops_the_record():
    with pytest.raises(DropItem, match="no readable publicatieDatum"):
        run_notice(detail=edit(publicatieDatum="gisteren"), row=edit(publicatieDatum=None))
    assert run_notice(detail=edit(publicatieDatum="gisteren"))["notice"]["published"]  # the list row's date


def test_bad_documents_entry_costs_that_entry_not_the_record():
    """An entry of ``documenten`` that is no document (nothing to key it by) is left out and recorded;
    it dropped the notice, which every later crawl fetched and dropped again."""
    spider_errors = []
    record = run_notice(documents=lambda d: {"documenten": ["not a document", *d["documenten"]]}, errors=spider_errors)
    assert record["notice"]["title"] and [d["document_id"] for d in record["documents"]] == ["10010101", "10010102"]
    [error] = spider_errors
    assert "a document without a documentId (str 'not a document'); archived without it" in error["error"]


def test_lone_surrogates_are_replaced_before_sqlite():
    record = run_notice(detail=edit(aanbestedingNaam="Jeugdhulp \ud800 regio", referentieNummer="x\udfff"))
    assert record["notice"]["title"] == "Jeugdhulp \ufffd regio"
    check_storable(record)


@pytest.fixture
def news():
    spider = news_spider()
    spider.crawl_errors.clear()
    spider.requested.clear()
    return spider


SITEMAP = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b"<url><loc>http://127.0.0.1:8123]/x</loc></url><url><loc>http://127.0.0.1:notaport/y</loc></url>"
           b"<url><loc>javascript:alert(1)</loc></url><url><loc>http://127.0.0.1:8123/nieuws/ok</loc></url></urlset>")


def test_malformed_urls_in_a_sitemap_are_recorded_and_skipped(news):
    requests = list(news.parse_sitemap(response(SITE + "sitemap.xml", SITEMAP, {"site": news.sites[0]})))
    assert [r.url for r in requests] == ["http://127.0.0.1:8123/nieuws/ok"]
    assert any("malformed URL" in e["error"] for e in news.crawl_errors)


def test_malformed_sitemap_url_in_robots_txt_is_recorded(news):
    body = b"User-agent: *\nSitemap: http://[::1/sitemap.xml\nSitemap: http-agent: *\n"
    assert list(news.parse_robots(response(SITE + "robots.txt", body, {"site": news.sites[0]}))) == []
    assert news.crawl_errors


def test_listing_ignores_links_that_are_not_pages(news):
    body = (b'<html><body><a href="http://[::1">x</a><a href="http://127.0.0.1:99999999/">y</a>'
            b'<a href="mailto:a@b">m</a><a href="/nieuws/echt">ok</a></body></html>')
    requests = list(news.parse_listing(response(SITE + "inwoner/nieuws", body,
                                                {"site": news.sites[0], "listing_page": 1}, html=True)))
    assert [r.url for r in requests] == ["http://127.0.0.1:8123/nieuws/echt"]


REGRESSIONS = sorted((harness.FIXTURES / "regressions").glob("*.bin"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.stem for p in REGRESSIONS])
def test_every_input_the_fuzzer_once_broke_a_parser_with(path):
    """The saved inputs of earlier ``make fuzz`` findings (tests/fixtures/fuzz/regressions)."""
    target = harness.BY_NAME[path.stem.rsplit("-", 1)[0]]
    outcome = harness.run_case(target, path.read_bytes(), 10)
    assert outcome.status == "ok", f"{outcome.status} at {outcome.where}: {outcome.message}\n{outcome.trace}"


# --- super-linear analysis -------------------------------------------------------------------
def cpu(function, *args):
    start = time.process_time()
    function(*args)
    return time.process_time() - start


def test_contract_duration_is_linear_on_one_very_long_word():
    from tenderarchive.analysis.procedure import contract_duration

    from tests.speed import LINEAR, linear_time

    assert linear_time(contract_duration, "jaar", 80_000) < LINEAR


def test_municipality_matching_is_linear_in_mentions():
    from tenderarchive.analysis.places import find_municipalities

    find_municipalities("Leiden")  # load the patterns
    small = cpu(find_municipalities, "gemeente Leiden, Delft en Gouda. " * 200)
    large = cpu(find_municipalities, "gemeente Leiden, Delft en Gouda. " * 2000)
    assert large < 30 * max(small, 0.01)


def test_dates_and_stages_are_linear_on_one_long_sentence():
    """A page without full stops: every date and stage cue once scanned the whole sentence."""
    from tenderarchive.analysis import analyse

    analyse("gegund")  # load the vocabularies
    piece = "de opdracht is op 1 juli 2021 voorlopig gegund en wordt uitgevoerd, "
    small = cpu(analyse, piece * 40)
    large = cpu(analyse, piece * 400)
    assert large < 30 * max(small, 0.01)  # 10× input: quadratic would be 100×


def test_sentence_splitting_is_linear_on_one_long_line():
    """A paragraph of many sentences on one line: each break once looked back over the whole line."""
    from tenderarchive.analysis.text import sentences

    piece = "De gemeente gunt o.a. de opdracht. J. Jansen tekent op do. 7 okt. 2021 het contract. "
    small = cpu(sentences, piece * 100)
    large = cpu(sentences, piece * 1000)
    assert large < 30 * max(small, 0.01)  # 10× input: quadratic would be 100×
    assert [s.text for s in sentences(piece.strip())] == [   # the breaks are the same as before
        "De gemeente gunt o.a. de opdracht.", "J. Jansen tekent op do. 7 okt. 2021 het contract."]


def test_analysis_input_is_capped():
    from tenderarchive.analysis import MAX_TEXT_CHARS, analyse
    from tests.speed import linear_time

    # a capped reader does the same work on four times the input (ratio about 1); an uncapped one 4 or more
    assert linear_time(analyse, "De gemeente Leiden besteedt jeugdhulp aan. ", size=8 * MAX_TEXT_CHARS) < 2


def test_long_search_query_is_capped():
    from tenderarchive import search
    from tests.speed import linear_time

    # 1 MB of query words: the same work as a quarter of it (ratio about 1; parsed whole, 4 or more)
    for read in (search.nl_fts_query, search.jeugdregio_code):
        assert linear_time(read, "jeugdhulp Zuid-Limburg ", size=1_000_000) < 2, read.__name__


# --- profile / registry / watchlist files -------------------------------------------------------
LOADERS = [
    ("tenderarchive.profiles", "load_profile", "ProfileError"),
    ("tenderarchive.sources", "load_sources", "SourceRegistryError"),
    ("tenderarchive.watch", "load_watchlist", "WatchlistError"),
]


@pytest.mark.parametrize("module, load, error", LOADERS)
@pytest.mark.parametrize("content, problem", [
    (b"name: caf\xe9\n", "not UTF-8"),
    (b"a: &a [*a]\n", "aliases are not allowed"),
    (b"a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
     b"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
     b"f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "aliases are not allowed"),
    (b"[" * 1500 + b"]" * 1500, "not valid YAML"),
    (b"a: " + b"[" * 200 + b"]" * 200 + b"\n", "nested more than"),
    (b"- 1\n- [2\n", "not valid YAML"),
    # a timestamp no calendar has (found by make fuzz, branch fuzz3): datetime's ValueError came out of PyYAML
    (b"a: 2021-02-30\n", "a date or time no calendar has .day is out of range"),
    (b"a: [9999-12-31T25:61:61]\n", "a date or time no calendar has .hour must be in"),
])
def test_broken_config_file_is_one_error_naming_the_file(tmp_path, module, load, error, content, problem):
    import importlib

    mod = importlib.import_module(module)
    path = tmp_path / "config.yaml"
    path.write_bytes(content)
    with pytest.raises(getattr(mod, error), match=problem) as raised:
        getattr(mod, load)(str(path))
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content


@pytest.mark.parametrize("module, load, error", LOADERS[1:])   # a profile is a regular file (a device is "not found")
def test_a_config_file_without_end_is_refused_as_too_large_in_bounded_memory(module, load, error):
    """``--sources /dev/zero`` (or a watchlist, a profile): the size check read the file's ``stat``, which says 0 for a
    device, then read it whole: memory grew until the process died (here MemoryError under a 1.5 GB limit). At most
    one byte past ``MAX_CONFIG_BYTES`` is read; more is the file's one error, too large."""
    import resource
    import subprocess
    import sys

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    code = (f"from {module} import {load}, {error}\n"
            f"try:\n    {load}('/dev/zero')\nexcept {error} as exc:\n    print(exc)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=harness.ROOT, capture_output=True, text=True, timeout=120,
                         preexec_fn=limited)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("/dev/zero: more than 1000000 bytes is too large for a configuration file"), out.stdout


def test_a_config_file_given_as_a_pipe_is_still_read(tmp_path):
    """A registry handed over through a pipe (a shell's process substitution, ``--sources <(…)``: a FIFO, whose size
    ``stat`` says is 0) is read as a file."""
    import os
    import threading

    from tenderarchive.sources import load_sources

    fifo = tmp_path / "sources.yaml"
    os.mkfifo(fifo)
    content = (harness.FIXTURES / "sources.yaml").read_bytes()
    writer = threading.Thread(target=fifo.write_bytes, args=(content,))
    writer.start()
    try:
        assert load_sources(str(fifo))
    finally:
        writer.join(10)


def test_profile_that_refers_to_itself(tmp_path):
    from tenderarchive.profiles import ProfileError, load_profile

    path = tmp_path / "loop.yaml"
    path.write_text(f"name: loop\nqueries: {{search: [jeugdhulp]}}\nrelevance_from: {path}\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="refers back"):
        load_profile(str(path))


def test_registry_with_a_malformed_url(tmp_path):
    from tenderarchive.sources import SourceRegistryError, load_sources

    path = tmp_path / "sources.yaml"
    path.write_text("sites:\n  - name: x\n    title: X\n    base_url: 'http://[::1/'\n    discovery: {feeds: [rss]}\n",
                    encoding="utf-8")
    with pytest.raises(SourceRegistryError, match="base_url"):
        load_sources(path)


def test_deeply_nested_yaml_is_refused_quickly(tmp_path):
    """The pure-Python YAML parser spent seconds on a few KB of brackets before failing."""
    from tenderarchive.profiles import ProfileError, load_profile

    path = tmp_path / "deep.yaml"
    path.write_bytes(b"name: x\nqueries: " + b"[" * 3000 + b"]" * 3000 + b"\n")
    start = time.process_time()
    with pytest.raises(ProfileError, match="not valid YAML"):
        load_profile(str(path))
    assert time.process_time() - start < 0.5


def _provider_list_page(count: int) -> tuple[str, list[str]]:
    """SYNTHETIC: a page of about 50,000 characters naming ``count`` made-up providers, each in an award sentence or a
    guard sentence (objected, the former provider, an earlier round), in the phrasings of the dev pages."""
    syllables = ["ka", "lo", "ri", "men", "to", "sa", "vel", "dor", "bu", "nik", "ter", "wes", "han", "gol", "pi", "mar"]

    def name(i: int) -> str:
        word, n = "", i + 17
        while n:
            word, n = word + syllables[n % 16], n // 16
        return word.capitalize() + "rode"

    forms = ["Het is gegund aan Stichting {}.", "{} wint de aanbesteding.", "Het is gegund aan {0}. {0} maakte bezwaar.",
             "Eerder gegund aan {} B.V.", "Het is gegund aan {0}. De vorige aanbieder, {0}, stopt."]
    text = " ".join(forms[i % 5].format(name(i)) for i in range(count))[:50_000]
    return text, [n for n in {name(i) for i in range(count)} if n in text]


def test_awardees_are_found_in_near_linear_time_on_a_page_of_many_providers():
    """Each awardee candidate's checks (lost, objected, former provider, earlier round, full name) once compiled their
    patterns anew and scanned the whole text per name: on this page of 50,000 characters and 1,040 providers analyse
    took 18.0 s of CPU before branch orgs8 and 0.76 s after, with the same result (a long list of contracted providers,
    or a council's annex, stalled a crawl or a reparse for minutes)."""
    from tenderarchive.analysis import analyse

    from tests.speed import LINEAR, linear_time

    text, names = _provider_list_page(2000)
    assert len(text) == 50_000 and len(names) >= 600
    # a quarter of the page names a quarter of the providers; per name the checks scanned the whole text (quadratic)
    assert linear_time(lambda page: analyse(page, title="Jeugdhulp gegund"), lambda n: text[:n], 50_000) < LINEAR
    result = analyse(text, title="Jeugdhulp gegund")
    assert len(result["awardees"]) > 100 and len(result["organisations"]) >= 600
