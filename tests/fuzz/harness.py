"""Fuzz harness: every parser entry point of tenderarchive, called in-process on mutated input.

Used twice: by the bounded, seeded Hypothesis tests in ``tests/fuzz/test_*.py`` (part of
``make test``) and by the long run ``make fuzz`` (``python -m tests.fuzz.run``, ≥ 100,000
cases, printing cases, failures and hangs per target).

A *target* takes one input (bytes or text) and runs a parser the way the crawl runs it:
Scrapy callbacks get real ``TextResponse``/``HtmlResponse`` objects built from the bytes
(real Scrapy, no mock), items go through the real pipelines, loaders read a real file. The
oracle is the project's contract for hostile input (issue 13): a parser either returns, or
raises the *one* exception class it documents for bad input (``DropItem`` for an item,
``ProfileError``/``SourceRegistryError``/``WatchlistError`` for a file); anything else is a
failure, and so is a row value SQLite cannot store (not str/int/float/None, a str with
surrogates, an int beyond 64 bits) or a search query SQLite's FTS5 rejects. A case that runs
longer than the per-case limit of CPU time is a hang (``signal.setitimer(ITIMER_PROF)``; the ``re`` engine checks
signals, so a runaway regex is interrupted).

Why a hand-written mutator besides Hypothesis: the tests use Hypothesis (seeded, shrinking,
``derandomize``) to draw mutation programs; the long run needs every failure and hang counted
over 100,000 cases, where Hypothesis would stop at the first failure to shrink it. Both drive
the same mutators below (byte-level: flips, splices, truncation, bad UTF-8, surrogates, deep
nesting; structure-aware for JSON: a value of the wrong type, an impossible date, a huge
number, a malformed URL).
"""

from __future__ import annotations

import json
import random
import re
import signal
import sqlite3
import tempfile
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "fuzz"
PUBLICATIONS = ROOT / "tenderarchive" / "snapshot" / "publications"
SEED_TEXTS = ROOT / "tests" / "fixtures" / "news" / "seeds"
SITE = "http://127.0.0.1:8123/"


class Hang(BaseException):
    """Raised by the per-case timer (a BaseException, so ``except Exception`` cannot swallow it)."""


class Unstorable(AssertionError):
    """A value the archive cannot store in SQLite."""


@contextmanager
def time_limit(seconds: float):
    def alarm(signum, frame):
        raise Hang(f"over {seconds} s")

    # CPU time (ITIMER_PROF), not wall time: other processes on a busy machine do not make
    # a parser look hung.
    previous = signal.signal(signal.SIGPROF, alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# --- mutators ---------------------------------------------------------------------------------------
INTERESTING_BYTES = [
    b"\x00", b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80",
    b"\\ud800", b"\\udfff", b"&#xD800;", b"&#0;", b"&#x110000;", b"\r\n", "\u2028".encode(),
    b"javascript:alert(1)", b"http://[::1", b"http://%zz", b"//", b"https://", b"file:///etc/passwd",
    b"99999999999999999999999", b"-1", b"1e309", b"NaN", b"2021-02-30", b"0000-00-00", b"9999-12-31T25:61:61",
    b"2018-13-45T09:00:00", b"<![CDATA[", b"]]>", b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
    b"&e;", b"<a href='javascript:x'>", b"<link rel='canonical' href='javascript:alert(1)'>",
    b"&a [*a]", b"*a", b"!!python/object/apply:os.system ['true']", b"{", b"[", b"}", b"]", b":", b"- ",
]


def _deep(kind: str, depth: int) -> bytes:
    if kind == "json":
        return b"[" * depth + b"]" * depth
    if kind == "yaml":
        return b"[" * depth + b"]" * depth
    return b"<div>" * depth + b"x" + b"</div>" * depth


def mutate_bytes(data: bytes, rng: random.Random, kind: str, others: list[bytes] = ()) -> bytes:
    """One byte-level mutation of ``data``."""
    choice = rng.randrange(11)
    n = len(data)
    pos = rng.randrange(n + 1) if n else 0
    if choice == 0 and n:  # flip bits
        b = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(n)
            b[i] ^= 1 << rng.randrange(8)
        return bytes(b)
    if choice == 1:  # insert an interesting token
        return data[:pos] + rng.choice(INTERESTING_BYTES) + data[pos:]
    if choice == 2 and n:  # delete a range
        end = min(n, pos + rng.randint(1, 64))
        return data[:pos] + data[end:]
    if choice == 3 and n:  # duplicate a range (also many times: long input)
        start = rng.randrange(n)
        chunk = data[start:start + rng.randint(1, 200)]
        return data[:pos] + chunk * rng.choice([1, 2, 10, 200]) + data[pos:]
    if choice == 4:  # truncate
        return data[:pos]
    if choice == 5:  # deep nesting
        return data[:pos] + _deep(kind, rng.choice([50, 1000, 20000])) + data[pos:]
    if choice == 6 and others:  # splice with another seed
        other = rng.choice(list(others))
        cut = rng.randrange(len(other) + 1)
        return data[:pos] + other[cut:]
    if choice == 7:  # random bytes
        return data[:pos] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 32))) + data[pos:]
    if choice == 8:  # one very long word
        return data[:pos] + b" " + b"jaar" * rng.choice([1000, 25000]) + b" " + data[pos:]
    if choice == 9 and n:  # replace a run of text by digits / a date
        end = min(n, pos + rng.randint(1, 12))
        return data[:pos] + rng.choice([b"2021", b"31-02-2021", b"1 december 99999", b"0", b"-"]) + data[end:]
    return data + rng.choice(INTERESTING_BYTES)


INTERESTING_VALUES = [
    None, True, False, 0, -1, 2 ** 63, -(2 ** 63) - 1, 10 ** 30, 1.5, float("inf"), "", " ", "x" * 5000,
    "\ud800", "a\udfffb", "\x00", "2021-02-30", "2018-13-01T09:00:00", "0000-00-00", "9999-12-31T23:59:59",
    "2090-01-01T00:00:00", "not a date", "javascript:alert(1)", "http://[::1", "//evil.example/x", "85311300-5",
    "<p>jeugd&amp;nbsp;hulp</p>", "&lt;script&gt;alert(1)&lt;/script&gt;", [], {}, [None], [1, 2], {"code": None},
    {"code": ["x"], "omschrijving": {"a": 1}}, {"href": 5}, [[[[[]]]]],
]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _set(root, path, new):
    if not path:
        return new
    parent = root
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = new
    return root


def _delete(root, path):
    if path:
        parent = root
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]
    return root


def mutate_json_value(value, rng: random.Random):
    """One structure-aware mutation of a decoded JSON value."""
    paths = list(_paths(value))
    path = rng.choice(paths)
    choice = rng.randrange(5)
    if choice == 0 and path:
        return _delete(value, path)
    if choice == 1:  # wrap the value in a list or an object
        node = value
        for key in path:
            node = node[key]
        return _set(value, path, rng.choice([[node], {"value": node}]))
    if choice == 2:  # deep nesting
        nested = None
        for _ in range(rng.choice([10, 200, 3000])):
            nested = [nested]
        return _set(value, path, nested)
    return _set(value, path, rng.choice(INTERESTING_VALUES))


def json_bytes(value, rng: random.Random) -> bytes:
    try:
        text = json.dumps(value, ensure_ascii=rng.random() < 0.7, allow_nan=True)
    except (ValueError, RecursionError):
        return b"[]"
    return text.encode("utf-8", "surrogatepass")


def yaml_value(data: bytes):
    """A YAML configuration file's value, or None when it does not parse (then it is mutated as bytes)."""
    import yaml

    try:
        value = yaml.safe_load(data)
    except Exception:  # noqa: BLE001 - any YAML error, a recursion, a bad encoding
        return None
    return value if isinstance(value, (dict, list)) else None


def yaml_bytes(value, rng: random.Random) -> bytes:
    """``value`` written as YAML (a configuration file a user or a script wrote with wrong types)."""
    import yaml

    try:
        text = yaml.safe_dump(value, allow_unicode=rng.random() < 0.7, default_flow_style=rng.random() < 0.3)
    except (yaml.YAMLError, RecursionError, ValueError):
        return b"[]"
    return text.encode("utf-8", "surrogatepass")


def mutate(data: bytes, rng: random.Random, kind: str, others=()) -> bytes:
    """1-4 stacked mutations; JSON and YAML inputs get structure-aware ones half of the time (a value of
    the wrong type, a deleted or wrapped key, deep nesting: ``sources.yaml`` with a list where a text goes)."""
    for _ in range(rng.randint(1, 4)):
        if kind == "yaml" and rng.random() < 0.5:
            value = yaml_value(data)
            if value is not None:
                data = yaml_bytes(mutate_json_value(value, rng), rng)
                continue
        if kind == "json" and rng.random() < 0.5:
            try:
                value = json.loads(data)
            except (ValueError, RecursionError):
                value = None
            if value is not None:
                data = json_bytes(mutate_json_value(value, rng), rng)
                continue
        data = mutate_bytes(data, rng, kind, others)
    return data


# --- oracles ----------------------------------------------------------------------------------------
def check_storable(value, where="record", depth=0):
    """Every value SQLite must store: None, int (64-bit), float, or UTF-8-encodable str."""
    if isinstance(value, dict):
        for k, v in value.items():
            check_storable(v, f"{where}.{k}", depth + 1)
        return
    if isinstance(value, list) and depth < 2:  # lists of rows
        for i, v in enumerate(value):
            check_storable(v, f"{where}[{i}]", depth + 1)
        return
    if value is None or isinstance(value, float):
        return
    if isinstance(value, bool) or isinstance(value, int):
        if not -(2 ** 63) <= int(value) < 2 ** 63:
            raise Unstorable(f"{where}: integer {value} does not fit SQLite's 64 bits")
        return
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise Unstorable(f"{where}: text SQLite cannot encode: {exc}") from None
        return
    if isinstance(value, bytes):
        return
    raise Unstorable(f"{where}: {type(value).__name__} is not a SQLite value: {value!r:.80}")


def store_rows(record: dict) -> None:
    """The rows of an item's record (notice/article and child tables) are storable."""
    for key, rows in record.items():
        if rows is None or isinstance(rows, bool):
            continue  # a flag to the writer (normalise_notice's ``deadline_from_list`` …), no rows
        if isinstance(rows, dict):
            check_storable(rows, key)
        else:
            for i, row in enumerate(rows):
                check_storable(row, f"{key}[{i}]", 1)


# --- Scrapy objects -----------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _settings_dict() -> dict:
    import tenderarchive.settings as module

    return {k: getattr(module, k) for k in dir(module) if k.isupper()}


def _spider(spidercls, settings: dict, **kwargs):
    """A spider on a real, unstarted Scrapy crawler, configured the way ``scrapy crawl`` does
    it (the spider first, as it may adjust settings, then the settings are frozen)."""
    from scrapy.crawler import AsyncCrawlerRunner, CrawlerRunner
    from scrapy.utils.reactor import is_reactor_installed
    from scrapy.utils.test import get_reactor_settings

    runner = CrawlerRunner if is_reactor_installed() else AsyncCrawlerRunner
    options = {**_settings_dict(), "TWISTED_REACTOR": None, **get_reactor_settings(), **settings}
    # A crawler that is never run takes no crawl lock: the CrawlLock extension would hold it for
    # the life of the process, and the fuzz workers build the same spiders side by side.
    options["EXTENSIONS"] = {**options["EXTENSIONS"], "tenderarchive.extensions.CrawlLock": None}
    crawler = runner(options).create_crawler(spidercls)
    crawler.spider = crawler._create_spider(**kwargs)
    crawler._apply_settings()
    return crawler.spider


@lru_cache(maxsize=None)
def tenderned_spider():
    from spiders.tenderned import TenderNedSpider

    return _spider(TenderNedSpider, {"TENDERNED_INCREMENTAL": False}, from_date="2018-01-01",
                   until_date="2018-12-31")


@lru_cache(maxsize=None)
def news_spider():
    from spiders.news import NewsSpider

    missing = Path(tempfile.gettempdir()) / "tenderarchive-fuzz-no-archive.db"
    return _spider(NewsSpider, {"ARCHIVE_DB": str(missing)}, sources=str(FIXTURES / "sources.yaml"))


@lru_cache(maxsize=None)
def notice_pipelines():
    from pipelines.classify import ClassifyPipeline
    from pipelines.normalise import NormalisePipeline
    from pipelines.validate import ValidatePipeline

    crawler = tenderned_spider().crawler
    return [ValidatePipeline(), NormalisePipeline.from_crawler(crawler), ClassifyPipeline.from_crawler(crawler)]


@lru_cache(maxsize=None)
def article_pipelines():
    from pipelines.analyse import AnalysePipeline
    from pipelines.extract import ExtractPipeline

    crawler = news_spider().crawler
    pipelines = [ExtractPipeline.from_crawler(crawler), AnalysePipeline.from_crawler(crawler)]
    try:
        from pipelines.places import PlacesPipeline

        pipelines.append(PlacesPipeline.from_crawler(crawler) if hasattr(PlacesPipeline, "from_crawler")
                         else PlacesPipeline())
    except ImportError:  # pragma: no cover
        pass
    return pipelines


def response(url: str, body: bytes, meta: dict | None = None, html: bool = False, headers=None):
    from scrapy import Request
    from scrapy.http import HtmlResponse, TextResponse

    cls = HtmlResponse if html else TextResponse
    return cls(url=url, body=body, request=Request(url, meta=dict(meta or {})), headers=headers or {})


def drain(result) -> list:
    return list(result or [])


def run_pipelines(item, pipelines) -> None:
    from scrapy.exceptions import DropItem

    try:
        for pipeline in pipelines:
            item = pipeline.process_item(item)
            if item is None:
                return
    except DropItem:
        return
    if item.record:
        store_rows(item.record)


# --- targets ----------------------------------------------------------------------------------------
@dataclass
class Target:
    name: str
    kind: str                      # json / xml / html / text / yaml / query
    seeds: Callable[[], list[bytes]]
    run: Callable[[bytes], None]
    weight: int = 10               # share of the long run (cheap targets get more cases)
    expected: tuple = field(default_factory=tuple)  # exception classes that are a documented answer


@lru_cache(maxsize=None)
def publications() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(PUBLICATIONS.glob("*.json"))]


def _list_pages() -> list[bytes]:
    rows = [p["list"] for p in publications()]
    return [json.dumps({"content": rows[i:i + 3], "totalElements": 7, "totalPages": 3, "size": 3,
                        "number": 0}).encode() for i in range(0, len(rows), 3)]


def run_list(body: bytes) -> None:
    spider = tenderned_spider()
    spider.seen.clear()
    url = f"{spider.api_url}/publicaties?page=0&size=3"
    meta = {"query": "cpv", "params": [("cpvCodes", "85311300-5")],
            "window": (date(2018, 1, 1), date(2018, 12, 31)), "page": 0, "top": True, "baseline": 100}
    drain(spider.parse_list(response(url, body, meta)))
    drain(spider.parse_baseline(response(url, body, {})))


def _publication_seeds() -> list[bytes]:
    return [json.dumps(p).encode() for p in publications()]


def run_publication(body: bytes) -> None:
    """A whole publication (list row, detail, documents) through callbacks and pipelines."""
    spider = tenderned_spider()
    try:
        bundle = json.loads(body)
    except (ValueError, RecursionError):
        bundle = None
    if isinstance(bundle, dict) and {"detail", "documenten"} <= set(bundle):
        detail_body = json_bytes(bundle.get("detail"), random.Random(0))
        documents_body = json_bytes(bundle.get("documenten"), random.Random(0))
        row = bundle.get("list")
    else:  # the mutation broke the bundle: use the raw bytes as the detail response
        detail_body, documents_body, row = body, b'{"documenten": []}', None
    # The spider requests a detail only for a list row with a numeric id (TenderNedSpider.select).
    publication_id = str(row.get("publicatieId")) if isinstance(row, dict) else ""
    if not re.fullmatch(r"[0-9]{1,18}", publication_id):
        publication_id = "100101"
    url = spider.detail_url(publication_id)
    follow = drain(spider.parse_detail(response(url, detail_body, {"publication_id": publication_id,
                                                                    "list_record": row})))
    import scrapy

    for request in follow:
        if not request.url.endswith("/documenten"):
            continue  # award data (/html, /gerelateerd) has targets of its own
        for item in drain(request.callback(response(request.url, documents_body, request.meta))):
            if isinstance(item, scrapy.Request) and item.url.endswith("/html"):
                # A notice whose /html is asked (an announcement, a result) is yielded only from that answer: without
                # one its record never reached the pipelines. Answered with a rendering-less envelope (archived
                # unread), so the notice's own fields are what is fuzzed (the /html has a target of its own).
                for notice in drain(item.callback(response(item.url, b'{"html": ""}', item.meta))):
                    if not isinstance(notice, scrapy.Request):
                        run_pipelines(notice, notice_pipelines())
            elif not isinstance(item, scrapy.Request):
                run_pipelines(item, notice_pipelines())


# --- award data (docs/awards.md): /html, /gerelateerd, OCDS packages -----------------------------------
AWARDS = ROOT / "tests" / "fixtures" / "awards"


@lru_cache(maxsize=None)
def award_item_bundle() -> dict:
    """A result notice of the synthetic award fixtures (900102, several lots) as the spider has it
    when it asks for the /html: list row, detail, documents."""
    return json.loads((AWARDS / "publications" / "900102.json").read_text(encoding="utf-8"))


def _html_seeds() -> list[bytes]:
    return [json.dumps({"html": p.read_text(encoding="utf-8")}, ensure_ascii=False).encode()
            for p in sorted((AWARDS / "publications").glob("*.html"))]


@lru_cache(maxsize=None)
def scratch_archive():
    """A real archive (the project's schema) in a temporary folder, one per process."""
    from tenderarchive.store.writes import open_archive

    return open_archive(Path(tempfile.mkdtemp(prefix="tenderarchive-fuzz-")) / "archive.db")


def write_to_scratch(write, record: dict) -> None:
    """Write ``record`` with the store's own ``write`` into the scratch archive, then roll it back:
    every case meets the same archive, and a record the store cannot take is a finding."""
    db = scratch_archive()
    db.conn.execute("SAVEPOINT fuzz")
    try:
        write(db, record, 1)
    finally:
        db.conn.execute("ROLLBACK TO fuzz")
        db.conn.execute("RELEASE fuzz")


def run_html(body: bytes, pdf: bytes = b"") -> None:
    """A result notice's /html response (the JSON envelope) through the spider and the pipelines,
    awards included: the notice's lots, awards and winners must be storable. The PDF the spider asks
    when the /html names no winner answers ``pdf``."""
    import scrapy
    from pipelines.awards import AwardsPipeline
    from tenderarchive.store.writes import write_notice

    spider = tenderned_spider()
    bundle = award_item_bundle()
    publication_id = str(bundle["list"]["publicatieId"])
    url = spider.detail_url(publication_id)
    detail = response(url, json.dumps(bundle["detail"]).encode(), {"publication_id": publication_id,
                                                                    "list_record": bundle["list"]})
    for request in drain(spider.parse_detail(detail)):
        if not request.url.endswith("/documenten"):
            continue
        documents = response(request.url, json.dumps(bundle["documenten"]).encode(), request.meta)
        for follow in drain(request.callback(documents)):
            if not isinstance(follow, scrapy.Request) or not follow.url.endswith("/html"):
                continue
            for item in drain(follow.callback(response(follow.url, body, follow.meta))):
                if isinstance(item, scrapy.Request):  # the PDF fallback (docs/awards.md)
                    (item,) = drain(item.callback(response(item.url, pdf, item.meta)))
                for pipeline in [*notice_pipelines(), AwardsPipeline(spider.crawler.settings)]:
                    item = pipeline.process_item(item)
                write_to_scratch(write_notice, item.record)


def _pdf_seeds() -> list[bytes]:
    from tests.fixtures.awards.pdf_writer import text_pdf
    from tests.spiders.test_award_pdf_crawl import EFORMS_PAGES, STANDARD_PAGES

    return [text_pdf(EFORMS_PAGES), text_pdf(STANDARD_PAGES)]


def run_pdf(body: bytes) -> None:
    """A result notice's PDF, asked because its /html names no winner, through the spider and the pipelines."""
    from tests.spiders.test_award_pdf_crawl import BARE

    run_html(json.dumps({"html": BARE}).encode(), body)


def _related_seeds() -> list[bytes]:
    from tenderarchive.apiserver import TenderNedAPI, load_publications

    api = TenderNedAPI(load_publications(AWARDS))
    return [json.dumps(api.related(p), ensure_ascii=False).encode() for p in api.publications[:4]]


def run_related(body: bytes) -> None:
    """A /gerelateerd response: the related notices the spider would ask for next."""
    spider = tenderned_spider()
    spider.related_checked.clear()
    url = spider.detail_url("900301") + "/gerelateerd"
    for request in drain(spider.parse_related(response(url, body, {"origin": "900301"}))):
        assert request.url.startswith(spider.api_url), request.url
    spider.seen.clear()


def _ocds_seeds() -> list[bytes]:
    return [p.read_bytes() for p in sorted((AWARDS / "datasets" / "files").rglob("*.json"))]


@lru_cache(maxsize=None)
def ocds_spider():
    from spiders.tenderned_ocds import TenderNedOCDSSpider

    return _spider(TenderNedOCDSSpider, {})


def run_ocds(body: bytes) -> None:
    """An OCDS release package (streamed, merged per ocid) through the spider and the awards pipeline."""
    from pipelines.awards import AwardsPipeline
    from tenderarchive.store.writes import write_ocds_procedure

    spider = ocds_spider()
    # the spider is shared with run_datasets_page, whose page leaves packages waiting: the package read here would
    # then end by asking the next one (a Request, no item), so the target failed on its own seed when the datasets
    # page ran before it in the same process
    spider.packages_waiting = []
    pipeline = AwardsPipeline(spider.crawler.settings)
    url = SITE + "files/2026-07/Dataset_Tenderned-2021-01-01-2021-12-31.json"
    for item in drain(spider.parse_package(response(url, body, {}))):
        item = pipeline.process_item(item)
        write_to_scratch(write_ocds_procedure, item.record)


def run_datasets_page(body: bytes) -> None:
    """The TenderNed datasets page (HTML listing the OCDS release packages): the packages the spider asks for."""
    spider = ocds_spider()
    spider.packages_waiting = []
    url = SITE + "datasets"
    for request in drain(spider.parse_page(response(url, body, {}, html=True))):
        assert request.url.startswith(("http://", "https://")), request.url


#: SYNTHETIC OpenPub items pages (the REST shape of plugin-openpub-base, as tests/spiders/test_news_reference.py serves)
OPENPUB_ROOT = SITE + "wp-json/owc/openpub/v1/items"
OPENPUB_SEEDS = [json.dumps({
    "data": [{"id": 11, "title": "Aanbesteding jeugdhulp &#8211; perceel 1",
              "content": "<p>De regio heeft de aanbesteding voor specialistische jeugdhulp gepubliceerd.</p>",
              "excerpt": "", "date": "2021-10-14 16:05:00", "date_modified": 1634220300, "slug": "perceel-1",
              "portal_url": SITE + "nieuws/perceel-1"},
             {"id": "12", "title": {"rendered": "Voorlopige gunning jeugdhulp"}, "content": {"rendered": "<p>Gegund.</p>"},
              "date": {"date": "2021-11-01 10:30:00.000000", "timezone_type": 3, "timezone": "Europe/Amsterdam"}}],
    "pagination": {"total_count": 5, "total_pages": 3, "current_page": 1, "limit": 2}}).encode(),
    json.dumps({"data": {"0": {"id": 13, "title": "Perceel 3", "excerpt": "Inschrijven kan tot 1 december 2021.",
                               "date": "1634220300"}, "2": {"id": 14, "title": "Perceel 4", "content": "x"}},
                "pagination": {"total_pages": "3.0"}}).encode()]


def run_openpub(body: bytes) -> None:
    """A page of an OpenPub items endpoint: its items as archived pages, through the article pipelines."""
    spider = news_spider()
    spider.requested.clear()
    url = add_page(OPENPUB_ROOT, 1)
    for item in drain(spider.parse_openpub(response(url, body, {"site": spider.sites[0], "openpub_page": 1,
                                                                  "openpub_root": OPENPUB_ROOT}))):
        if isinstance(item, scrapy_request()):
            continue
        item.fetched_at = "2026-11-30T12:00:00+00:00"
        run_pipelines(item, article_pipelines())


def add_page(url: str, page: int) -> str:
    return f"{url}?page={page}"


def scrapy_request():
    import scrapy

    return scrapy.Request


def run_feed(body: bytes) -> None:
    spider = news_spider()
    spider.requested.clear()
    drain(spider.parse_feed(response(SITE + "rss", body, {"site": spider.sites[0]})))


def run_sitemap(body: bytes) -> None:
    spider = news_spider()
    spider.requested.clear()
    drain(spider.parse_sitemap(response(SITE + "sitemap.xml", body, {"site": spider.sites[0]})))


def run_robots(body: bytes) -> None:
    spider = news_spider()
    drain(spider.parse_robots(response(SITE + "robots.txt", body, {"site": spider.sites[0]})))


#: SYNTHETIC: the robots.txt rules a municipal site writes (Dutch decimal comma, wildcards, an end anchor, a rate)
ROBOTS_RULES = ("User-agent: *\nDisallow: /zoeken\nDisallow: /*?sort=\nAllow: /zoeken/nieuws$\nCrawl-delay: 2,5\n"
                "Request-rate: 1/5s\n\nUser-agent: tenderarchive\nDisallow: /intern/\nCrawl-delay: 1\n\n"
                "Sitemap: http://127.0.0.1:8123/sitemap.xml\n").encode()


def run_robots_rules(body: bytes) -> None:
    """A robots.txt as the downloader's RobotsTxtMiddleware reads it (``ROBOTSTXT_PARSER``): rules and delays."""
    from tenderarchive.robots import RobotsParser

    spider = news_spider()
    parser = RobotsParser.from_crawler(spider.crawler, body)
    for path in ("", "inwoner/nieuws", "zoeken?q=jeugdhulp", "nieuws/%E9t%C3%A9", "a" * 2000):
        parser.allowed(SITE + path, "tenderarchive")
    for agent in ("tenderarchive", "*", ""):
        parser.rp.crawl_delay(agent)
        parser.rp.request_rate(agent)
    list(parser.rp.sitemaps)


def run_listing(body: bytes) -> None:
    spider = news_spider()
    spider.requested.clear()
    drain(spider.parse_listing(response(SITE + "inwoner/nieuws", body,
                                        {"site": spider.sites[0], "listing_page": 1}, html=True)))


def run_article(body: bytes) -> None:
    """A news page: the spider's callback, then extraction and analysis pipelines."""
    spider = news_spider()
    url = SITE + "inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html"
    page = response(url, body, {"site": spider.sites[0], "via": "listing", "living": False}, html=True)
    for item in drain(spider.parse_page(page)):
        item.fetched_at = "2026-11-30T12:00:00+00:00"
        run_pipelines(item, article_pipelines())
    from tenderarchive.extraction import extract_text

    check_storable(extract_text(body.decode("utf-8", "replace"), url=url), "extract_text")  # as extract_page


def run_article_part(body: bytes) -> None:
    """The second page of a news item split over several (its first page links ``?page=2``): the spider's
    callbacks, then extraction and analysis of the item's pages together."""
    import scrapy

    spider = news_spider()
    url = SITE + "inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html"
    first = ARTICLE_SEEDS[0].read_bytes().replace(b"</body>", b'<p><a href="?page=2">2</a></p></body>', 1)
    pending = drain(spider.parse_page(response(url, first, {"site": spider.sites[0], "via": "listing",
                                                            "living": False}, html=True)))
    for _ in range(10):  # every page the parts link answers ``body``: bounded, each is asked once
        requests = [r for r in pending if isinstance(r, scrapy.Request)]
        if not requests:
            break
        pending = drain(requests[0].callback(response(requests[0].url, body, requests[0].meta, html=True)))
    for item in pending:
        assert not isinstance(item, scrapy.Request), item
        item.fetched_at = "2026-11-30T12:00:00+00:00"
        run_pipelines(item, article_pipelines())


#: SYNTHETIC "Meer laden" endpoints answering JSON (spiders/news.py ``json_listing``): rendered rows, items naming their
#: address, title and date, and the ways such endpoints say more follow (a next address, hasMore, a count of pages).
JSON_LISTING_SEEDS = [json.dumps(value, ensure_ascii=False).encode() for value in (
    {"html": "<ul><li><a href='/inwoner/nieuws/aanbesteding-jeugdhulp'>Aanbesteding jeugdhulp</a> 14 oktober 2021</li>"
             "<li><a href=\"/inwoner/nieuws/gunning\">Voorlopige gunning</a></li></ul>", "hasMore": True},
    {"data": [{"url": "/inwoner/nieuws/perceel-1", "title": {"rendered": "Perceel 1 &#8211; jeugd-GGZ"},
               "date": "2021-10-14T16:05:00"}, {"link": SITE + "inwoner/nieuws/perceel-2", "titel": "Perceel 2",
                                                 "datum": "15-10-2021"}],
     "meta": {"pagination": {"page": 1, "pageCount": 4}}, "total": 37, "next_page": "2"},
    {"items": [{"permalink": "/nieuws/2021/10/14/inkoop", "name": "Inkoop", "published": "gisteren"}],
     "next": "/inwoner/nieuws?page=2&_format=json", "_links": {"self": [{"href": "/wp-json/x"}]}},
    [{"path": "/nieuws/a", "naam": "A"}, {"href": "javascript:alert(1)", "title": "x"}, "<a href='//evil/x'>y</a>"],
)]


def run_json_listing(body: bytes) -> None:
    """A listing page that answers JSON (a "Meer laden" endpoint) through the spider's listing callback, as it reads
    one: the pages it links and the next page it asks (each an http(s) address)."""
    import scrapy

    spider = news_spider()
    spider.requested.clear()
    url = SITE + "inwoner/nieuws?page=1"
    answer = response(url, body, {"site": spider.sites[0], "listing_page": 1}, headers={
        "Content-Type": "application/json; charset=utf-8"})
    for request in drain(spider.parse_listing(answer)):
        if isinstance(request, scrapy.Request):
            assert request.url.startswith(("http://", "https://")), request.url


#: SYNTHETIC: an archived page's address answering a refresh to its new one (a CMS moved), as the moved-address check reads it
MOVED_SEEDS = [b'<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/nieuws/nieuw-adres">'
               b"<title>Verplaatst</title></head><body><p>Deze pagina is verplaatst.</p></body></html>"]


def run_moved_check(body: bytes) -> None:
    """The answer at an archived page's address (spiders/news.py ``parse_moved_check``): a page (its refresh read),
    and a redirect whose ``Location`` is the body's first line."""
    from scrapy import Request
    from scrapy.http import HtmlResponse

    spider = news_spider()
    url = SITE + "nieuws/oud-adres"
    meta = {"dont_redirect": True, "handle_httpstatus_all": True, "moved_check": True}
    location = body.split(b"\n", 1)[0][:4000].replace(b"\r", b"")
    for status, headers in ((200, {}), (301, {"Location": location})):
        spider.requested.clear()
        answer = HtmlResponse(url=url, status=status, body=body, headers=headers, request=Request(url, meta=dict(meta)))
        for item in drain(spider.parse_moved_check(answer)):
            if hasattr(item, "record"):
                item.fetched_at = "2026-11-30T12:00:00+00:00"
                run_pipelines(item, article_pipelines())


def _texts() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SEED_TEXTS.glob("*.txt"))]


def run_analysis(body: bytes) -> None:
    from tenderarchive.analysis import analyse

    text = body.decode("utf-8", "surrogateescape")  # lone surrogates reach analyse, as from JSON
    lines = text.split("\n", 1)
    result = analyse(text, title=lines[0][:300], published=date(2021, 10, 14), url=SITE + "x")
    json.dumps(result)


QUERY_SEEDS = [b"aanbestedingen jeugdzorg", b'"jeugdhulp regio" -wmo', b"jeugd* OR ggz", b"NEAR(a b)",
               b"Zuid-Limburg perceel 3", b"'s-Hertogenbosch", b"AND", b'"', b"(", b"col:val", b"^x", b"a + b"]


@lru_cache(maxsize=None)
def _fts():
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("insert into t values ('aanbesteding jeugdhulp', 'jeugdzorg regio')")
    return conn


def run_search(body: bytes) -> None:
    from tenderarchive import search

    query = body.decode("utf-8", "replace")
    for make in (search.nl_fts_query, search.fts_quote):
        expression = make(query)
        if expression:
            _fts().execute("select count(*) from t where t match ?", [expression]).fetchone()
    search.query_terms(query)
    search.jeugdregio_code(query)


def _loader(load, error_class_name: str, module: str, suffix: str = ".yaml"):
    def run(body: bytes) -> None:
        import importlib

        mod = importlib.import_module(module)
        error = getattr(mod, error_class_name)
        with tempfile.NamedTemporaryFile("wb", suffix=suffix, delete=False) as handle:
            handle.write(body)
        path = Path(handle.name)
        try:
            getattr(mod, load)(str(path))
        except error:
            pass
        finally:
            path.unlink(missing_ok=True)
    return run


def _file(name: str) -> Callable[[], list[bytes]]:
    return lambda: [(FIXTURES / name).read_bytes()]


# --- the raw store: WARC files as reparse and a replay read them ---------------------------------------------
@lru_cache(maxsize=None)
def _warc_seed_records() -> list[bytes]:
    """The records (decompressed) of the bundled snapshot's OCDS crawl and the first ones of its TenderNed crawl."""
    import zlib

    records = []
    for name, keep in (("tenderned_ocds-*.warc.gz", 99), ("tenderned-*.warc.gz", 6)):
        (path,) = (ROOT / "tenderarchive" / "snapshot" / "warc").glob(name)
        data, taken = path.read_bytes(), []
        while data and len(taken) < keep:
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            taken.append(member.decompress(data))
            data = member.unused_data
        records.append(b"".join(taken))
    return records


def warc_gz(body: bytes) -> bytes:
    """``body`` (WARC records, uncompressed) as this store writes it: one gzip member per record."""
    import gzip

    parts = re.split(rb"(?=WARC/1\.[01]\r\n)", body)
    return b"".join(gzip.compress(part, mtime=0) for part in parts if part)


def run_warc(body: bytes) -> None:
    """A WARC file (records mutated, then one gzip member each; also that file cut short where the input's
    length says) as ``reparse`` and ``crawl --replay`` read it: its warcinfo read, checked by ``check_warc`` and by
    ``ResponseIndex(check=True)`` (both pass it, or both raise ``UnusableFile``, the one documented answer), and
    every response of a file they pass served: a body, and a status code of three digits."""
    import contextlib
    import io

    folder = Path(tempfile.mkdtemp(prefix="tenderarchive-fuzz-warc-"))
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # warcio prints a warning per record of a wrong length
            read_warcs(body, folder)
    finally:
        import shutil

        from tenderarchive import rawstore

        for handle in rawstore._READERS.values():
            handle.close()
        rawstore._READERS.clear()
        shutil.rmtree(folder, ignore_errors=True)


def read_warcs(body: bytes, folder: Path) -> None:
    from tenderarchive.files import UnusableFile, check_warc
    from tenderarchive.rawstore import ResponseIndex
    from tenderarchive.reparse import warc_info

    whole = warc_gz(body)
    for data in (whole, whole[: len(whole) * (len(body) % 7 + 1) // 8]):
        path = folder / "tenderned-000001-20261201T133547Z.warc.gz"
        path.write_bytes(data)
        warc_info(path, quiet=True)
        try:
            check_warc(path)
            checked = True
        except UnusableFile:
            checked = False
        try:
            index = ResponseIndex(path, keep_bodies=len(data) // 2, check=True)
        except UnusableFile:
            assert not checked, "check_warc passed a file ResponseIndex(check=True) refuses"
            continue
        assert checked, "ResponseIndex(check=True) read a file check_warc refuses"
        for responses in index.by_url.values():
            for stored in responses:
                assert isinstance(stored.body(folder), bytes)
                assert 100 <= stored.status <= 999, stored.status


# --- the site: query parameters of the plugin's own pages and the saved searches ----------------------------
#: Seeds: addresses on the demo archive's site (database ``archive``) with the parameters each page takes.
DATASETTE_SEEDS = [url.encode() for url in (
    "/-/search?q=jeugdhulp+regio", "/-/jeugdregio/JZ02?jaar=2021&sinds=2020-01-01", "/-/aanbesteding?id=TN160417",
    "/-/opdrachtgever?id=GM0687", "/-/aanbieder?id=14012345", "/-/markt?jeugdregio=JZ02&jaar=2021",
    "/-/kaart?maat=aanbestedingen&laag=gemeenten&jaar=2021", "/-/woordenlijst",
    "/archive/search_all?q=jeugdzorg+perceel", "/archive/search_all.csv?q=jeugd*&_dl=1",
    "/archive/by_jeugdregio?jeugdregio=JZ02&pagina=2", "/archive/new_this_week.atom?since=2021-01-01",
    "/archive/open_youth_care_tenders?as_of=2021-06-01&_size=5", "/archive/notices?_search=jeugdhulp&_sort=title",
    "/archive/articles?_search=gunning&_size=3&_next=2", "/archive/procurements.json?_sort_desc=procurement_id",
    # every other saved search with the parameters it takes (branch fuzz3: the five above were the only ones asked)
    "/archive/award_notices?before=2022-01-01&pagina=2", "/archive/awards_by_region_year?jeugdregio=JZ02&year=2021",
    "/archive/who_won_in_jeugdregio?jeugdregio=JZ41", "/archive/lots_not_awarded", "/archive/values_per_year.json",
    "/archive/awards_without_prior_call?before=2021-06-01&pagina=1", "/archive/procurement_timeline?procurement_id=TN160417",
    "/archive/changed_notices?before=2026-12-01T00:00:00&pagina=2", "/archive/jeugdregio_overzicht?jeugdregio=JZ02&jaar=2021",
    "/archive/jeugdregio_gemeenten?jeugdregio=JZ41&jaar=2020", "/archive/jeugdregio_aanbestedingen?jeugdregio=JZ41&sinds=2019-01-01&pagina=1",
    "/archive/jeugdregio_percelen?jeugdregio=JZ41&pagina=1", "/archive/jeugdregio_nieuws.atom?jeugdregio=JZ41",
    "/archive/jeugdregio_winnaars_per_jaar?jeugdregio=JZ41", "/archive/marktbeeld?jeugdregio=JZ41&jaar=2021",
    "/archive/opdrachtgevers", "/archive/opdrachtgever_aanbestedingen?opdrachtgever=GM0917",
    "/archive/opdrachtgever_contracten?opdrachtgever=GM0917&pagina=1", "/archive/aanbieders.csv",
    "/archive/aanbieder_contracten?aanbieder=14012345&alle_gunningen=1&pagina=1", "/archive/aanbieder_regios?aanbieder=14012345",
    "/archive/aanbesteding_gunningen?procurement_id=TN160417", "/archive/aanbesteding_publicaties?procurement_id=TN160417",
    "/archive/aanbesteding_percelen?procurement_id=TN160417", "/archive/aanbesteding_nieuws.atom?procurement_id=TN160417",
    "/archive/aanbesteding_wijzigingen?procurement_id=TN160417",
)]


def run_coroutine(coroutine):
    """Datasette's coroutines run on a loop of their own thread (``archive_fixtures.run``): a browser test of the same
    pytest worker leaves Playwright's loop marked running in this one, where ``asyncio.run`` refuses to start."""
    from tests.datasette.archive_fixtures import run

    return run(coroutine)


@lru_cache(maxsize=None)
def site():
    """The demo archive's site as ``tenderarchive serve`` makes it (``serve.make_datasette``, immutable), in this
    process: a real Datasette, asked through its own ASGI client."""
    from tenderarchive import readonly
    from tenderarchive.metadata import build_metadata
    from tenderarchive.serve import make_datasette
    from tenderarchive.store.search_index import index_state

    path = cli_folder() / "archive.db"
    db = readonly.database(path)
    try:
        metadata = build_metadata(db, path.stem, search_index=index_state(db))
    finally:
        db.close()
    datasette = make_datasette(path, metadata, True)
    run_coroutine(datasette.invoke_startup())
    return datasette


def run_datasette(body: bytes) -> None:
    """One page of the site with mutated query parameters (the bytes percent-encoded where a URL cannot hold them,
    as a browser sends them): any answer but a server error (5xx), which is a page's code failing on the value."""
    from urllib.parse import quote

    import contextlib
    import io

    # at most 8 KB, as servers and browsers take an address (uvicorn's h11 refuses a longer request line)
    url = ("/" + quote(body.lstrip(b"/"), safe="/?&=%+:,;-_.~*()'!"))[:8192]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # its SQL errors
        response = run_coroutine(site().client.get(url))
    assert response.status_code < 500, f"{response.status_code} for {url[:300]}: {response.text[-500:]}"


# --- spider arguments (``scrapy crawl SPIDER -a NAME=VALUE``, scrapyd's schedule.json) -----------------------
#: Seeds: the spider's name, then its arguments as NAME=VALUE, NUL-separated.
SPIDER_ARGUMENT_SEEDS = [b"\0".join(part.encode() for part in parts) for parts in (
    ["tenderned", "from_date=2021-01-01", "until_date=2021-12-31", "sample=5", "profile=youth_care", "note=cron"],
    ["tenderned", "from_date=2026-11-01", "profile=all"],
    ["tenderned_ocds", "from_date=2018-01-01", "until_date=2019-06-30", "profile=youth_care"],
    ["news", f"sources={FIXTURES / 'sources.yaml'}", "site=Leiderdorp", "from_date=2021-01-01", "sample=true"],
)]


def run_spider_arguments(body: bytes) -> None:
    """A spider made with hostile arguments, as ``scrapy crawl -a`` and scrapyd make it (the spider's
    ``from_crawler`` on a real, unstarted crawler): it takes them, or refuses with ``SpiderArgumentError`` naming
    the argument (tenderarchive/arguments.py), nothing else."""
    import os

    from tenderarchive.arguments import SpiderArgumentError

    parts = [os.fsdecode(part) for part in body.split(b"\0")]
    spiders = {"tenderned": "spiders.tenderned.TenderNedSpider", "tenderned_ocds":
               "spiders.tenderned_ocds.TenderNedOCDSSpider", "news": "spiders.news.NewsSpider"}
    name = parts[0] if parts[0] in spiders else "tenderned"
    module, cls = spiders[name].rsplit(".", 1)
    import importlib

    spidercls = getattr(importlib.import_module(module), cls)
    kwargs = dict(part.partition("=")[::2] for part in parts[1:] if "=" in part)
    missing = Path(tempfile.gettempdir()) / "tenderarchive-fuzz-no-archive.db"
    settings = {"ARCHIVE_DB": str(missing), "NEWS_SOURCES": str(FIXTURES / "sources.yaml"),
                "TENDERNED_INCREMENTAL": False}
    try:
        spider = _spider(spidercls, settings, **kwargs)
    except SpiderArgumentError:
        return
    json.dumps(spider.arguments.as_dict())  # what the crawl records of its arguments


# --- the command line: the readers (status, export, report) with hostile arguments ------------------------
#: Seeds: argument lists as the shell hands them over, NUL-separated (no argument holds a NUL). The archive is
#: ``archive.db`` in the case's own folder (the demo's), so what a mutated path names stays in that folder.
CLI_SEEDS = [b"\0".join(arg.encode() for arg in args) for args in (
    ["status", "--db", "archive.db", "--limit", "3", "--errors", "2", "--expect", "tenderned,news"],
    ["status", "--db", "archive.db", "--json", "--max-age-hours", "48", "--strict"],
    ["status", "--db", "archive.db", "--sources-json"],
    ["export", "notices", "--db", "archive.db", "--format", "json", "--null", "NULL"],
    ["export", "select publication_id, title from notices where title like :q", "--db", "archive.db",
     "--param", "q=%jeugd%", "--excel"],
    ["export", "search_all", "--db", "archive.db", "--param", "q=jeugdhulp regio"],
    ["export", "by_jeugdregio", "--db", "archive.db", "--param", "jeugdregio=JR02", "--param", "pagina=2"],
    ["report", "--db", "archive.db", "--watchlist", "watchlist.yaml", "--no-files", "--crawl", "1"],
    ["report", "--db", "archive.db", "--watchlist", "watchlist.yaml", "--unreported", "--quiet"],
)]
READERS = ("status", "export", "report")


@lru_cache(maxsize=None)
def cli_folder() -> Path:
    """A folder with the demo archive (``build-demo``, made once per process) and a watchlist."""
    from tests.datasette.archive_fixtures import build_demo

    folder = Path(tempfile.mkdtemp(prefix="tenderarchive-fuzz-cli-"))
    build_demo(folder / "archive.db")
    (folder / "watchlist.yaml").write_bytes((ROOT / "docs" / "watchlist.example.yaml").read_bytes())
    return folder


def run_cli(body: bytes) -> None:
    """``tenderarchive status/export/report ARGS`` in this process, the arguments decoded as Python decodes a
    command line (bytes that are not UTF-8 as lone surrogates). The contract (cli.py, exitcodes.py): an exit code
    of the table, or argparse's exit 2 (0 for ``--help``), one line on stderr; never a traceback. Only the readers:
    a mutation that names another command or mail (``--email``, ``--smtp-host``) is taken back to the seed's."""
    import contextlib
    import io
    import os

    from tenderarchive.cli import main
    from tenderarchive.exitcodes import ExitCode

    args = [os.fsdecode(part) for part in body.split(b"\0")]
    if not args or args[0] not in READERS:
        args[:1] = ["status"]
    # abbreviations argparse takes (--em → --email) of the options that would mail or leave the folder
    args = [a for a in args if not a.startswith(("--e", "--sm", "--m", "--da"))]
    args = [("." + a if a.startswith("/") else a) for a in args]  # a path stays in the case's folder
    err = io.StringIO()
    # stdout a real file (export writes its CSV to stdout's file descriptor), and nowhere
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), contextlib.redirect_stderr(err), \
            contextlib.chdir(cli_folder()):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse: a bad option (2), --help (0)
            code = exc.code
    assert code in set(ExitCode), f"exit code {code!r} of {args!r}"
    assert "Traceback" not in err.getvalue(), err.getvalue()[-2000:]


def run_report_watchlist(body: bytes) -> None:
    """``tenderarchive report --watchlist FILE`` over the demo archive with a mutated watchlist (a journalist's file
    with a typo, a value of the wrong type, a huge or deeply nested value, bytes that are not UTF-8): the watches read
    and matched against the archive's notices and articles, the report built (not written: ``--no-files``). The
    contract is ``run_cli``'s: an exit code of the table (a bad watchlist is a bad argument naming it), one line on
    stderr, never a traceback."""
    import contextlib
    import io
    import os

    from tenderarchive.cli import main
    from tenderarchive.exitcodes import ExitCode

    folder = cli_folder()
    path = folder / "fuzzed-watchlist.yaml"
    path.write_bytes(body)
    err = io.StringIO()
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), contextlib.redirect_stderr(err), \
            contextlib.chdir(folder):
        try:
            code = main(["report", "--db", "archive.db", "--watchlist", path.name, "--no-files"])
        except SystemExit as exc:
            code = exc.code
    assert code in set(ExitCode), f"exit code {code!r}"
    assert "Traceback" not in err.getvalue(), err.getvalue()[-2000:]


#: HTML seeds are the synthetic news-site pages the crawl tests serve (no copies kept here).
SITES = ROOT / "tests" / "fixtures" / "news" / "sites"
LISTING_SEED = SITES / "leiderdorp" / "inwoner" / "nieuws" / "index.html"
ARTICLE_SEEDS = (SITES / "leiderdorp" / "inwoner" / "nieuws" / "voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html",
                 SITES / "heerlen" / "inkoopjeugdhulp.html")


# --- date strings: TenderNed's timestamps, a page's Dutch date lines, a crawl's argument dates ----------------------
#: SYNTHETIC date texts, one a line, in the forms the API, pages, URLs and the command line write them.
DATE_SEEDS = [b"\n".join(line.encode() for line in lines) for lines in (
    ["2021-10-14", "2021-10-14T09:30:00", "2021-10-14T09:30:00.637087+02:00", "2021-10-14T07:30:00Z",
     "20211014", "2026-10-15+02:00", "2021-10-14T09:30:00+02:00[Europe/Amsterdam]", "2090-01-01T00:00:00",
     "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1634196600", "2021-03-28T02:30:00"],
    ["Gepubliceerd op: 14 december 2020 08:55", "Redactie 14-10-2021", "donderdag 7 okt. 2021 om 15.00 uur",
     "14-dec-2020 10:12", "14 december '20", "woensdag, 8. november 2006", "14 oktober 2021 (10u15)",
     "2 dagen geleden", "gisteren om 14:05", "vandaag", "do 14 oktober", "Laatst gewijzigd: 3 maart 2021"],
    ["Nieuws", "Datum publicatie", "27-11-2020", "Door Jan Jansen | 3 maart 2021", "22 april 2021 - Verkeer",
     "LEIDERDORP - Het college heeft vandaag besloten", "2021-04-09T10:15:30+02:00"],
)]


def run_dates(body: bytes) -> None:
    """Date texts, one a line: ``values.parse_timestamp`` (a TenderNed date: a value, or ``ValueError`` naming the
    problem) and the archive's texts of what it reads (``deadline``, ``iso``, ``local_date``); the page date rules
    of ``tenderarchive/extraction/dates.py`` (a date or None, never an exception, and a date a calendar has); a
    crawl argument's date (``parse_argument_date``: a day, or ``SpiderArgumentError``)."""
    from datetime import datetime as _datetime, timezone as _timezone

    from tenderarchive import values
    from tenderarchive.arguments import SpiderArgumentError, parse_argument_date
    from tenderarchive.extraction import dates

    text = body.decode("utf-8", "surrogateescape")
    lines = text.split("\n")[:200]
    now = _datetime(2021, 10, 16, 12, 0, tzinfo=_timezone.utc)
    found = []
    for line in lines:
        try:
            moment = values.parse_timestamp(line)
        except ValueError:
            moment = None
        if moment is not None:
            check_storable({"iso": values.iso(values.amsterdam(moment)), "day": values.local_date(moment)}, "timestamp")
        try:
            check_storable(dict(zip(("deadline", "placeholder"), values.deadline(line))), "deadline")
        except ValueError:
            pass
        try:
            parse_argument_date("from_date", line)
        except SpiderArgumentError:
            pass
        found += [dates.parse_dutch_date(line), dates.parse_dutch_date(line, anchored=True),
                  dates.relative_date(line, now), dates.listed_day(line, now), dates.weekday_form_date(line),
                  dates.url_date(SITE + line)]
    stated = dates.find_stated_date(lines)
    found += [stated[0] if stated else None, dates.find_modified_date(lines), dates.find_dateline_date(lines)]
    relative = dates.find_relative_date(lines, now)
    found.append(relative[0] if relative else None)
    for parsed in found:
        if parsed is not None:
            parsed.day  # a day a calendar has
            check_storable({"iso": parsed.iso, "precision": parsed.precision}, "date")
            _datetime.fromisoformat(parsed.iso)


# --- CSV and JSON exports of odd values (tenderarchive/export.py) ---------------------------------------------------
#: Seeds: JSON rows of values for a table of four columns; a value ``{"blob": HEX}`` is stored as a blob and
#: ``{"real": TEXT}`` as a float Python reads from TEXT (``inf``, ``-0.0``, ``1e308``).
EXPORT_SEEDS = [json.dumps(rows, ensure_ascii=False).encode() for rows in (
    [["Perceel 1", 12345, 0.85, None], ["- Perceel 2", -5, {"real": "-0.0"}, "=HYPERLINK(\"x\")"],
     ["regel 1\r\nregel 2", 2 ** 63 - 1, {"real": "1e308"}, "\"aanhalingstekens\", en; puntkomma"],
     ["\u00e9\u00e8 jeugdhulp \u2028 \ufeffBOM", -(2 ** 63), {"blob": "00ff10"}, "\t tab"],
     ["@SUM(A1)", 0, {"real": "inf"}, "+31 6 12345678"]],
    [["a\x00b", 1, 1.5, ""], [None, None, None, None], ["\r", "\n", " ", "\"\""]],
)]


def _export_value(value):
    if isinstance(value, dict):
        if "blob" in value:
            try:
                return bytes.fromhex(str(value["blob"]))
            except ValueError:
                return str(value["blob"]).encode("utf-8", "surrogatepass")
        if "real" in value:
            try:
                return float(str(value["real"]))
            except ValueError:
                return 0.0
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    if isinstance(value, int) and not isinstance(value, bool) and value not in range(-(2 ** 63), 2 ** 63):
        return str(value)
    return value


def run_export(body: bytes) -> None:
    """A table of odd values (text with NUL, line breaks, quotes and formula starts, 64-bit extremes, infinities,
    blobs) exported by ``tenderarchive/export.py`` as CSV, Excel CSV and JSON to a file: every row written, and the
    file read back by a standard reader (``csv``, ``json``) gives every row, with each value as the export
    documents it (NULL empty or ``--null``; bytes as hex; text as it is, ``--excel`` with an apostrophe before a
    formula start)."""
    import csv as _csv
    import io
    import math

    from tenderarchive.export import export

    try:
        rows = json.loads(body)
    except (ValueError, RecursionError):
        rows = [[body.decode("utf-8", "surrogateescape")]]
    if not isinstance(rows, list):
        rows = [[rows]]
    rows = [[_export_value(v) for v in (row if isinstance(row, list) else [row])][:4] for row in rows[:50]]
    rows = [row + [None] * (4 - len(row)) for row in rows]
    folder = Path(tempfile.mkdtemp(prefix="tenderarchive-fuzz-export-"))
    try:
        db = folder / "odd.db"
        conn = sqlite3.connect(db)
        try:
            conn.execute("create table odd (a, b, c, d)")
            for row in rows:
                try:
                    conn.execute("insert into odd values (?, ?, ?, ?)", row)
                except (sqlite3.Error, UnicodeEncodeError, OverflowError):
                    continue  # a value SQLite does not take: not the export's
            conn.commit()
            stored = conn.execute("select a, b, c, d from odd order by rowid").fetchall()
        except sqlite3.Error:
            return
        finally:
            conn.close()
        if not stored:
            return
        # the export orders a table without a key by its columns: compare as sorted by the same cells' text
        for fmt, excel in (("csv", False), ("csv", True), ("json", False)):
            out = folder / f"odd.{fmt}{'x' if excel else ''}"
            count = export(db, "odd", fmt=fmt, excel=excel, output=str(out), null="NULL" if fmt == "csv" else None,
                           notes=[])
            assert count == len(stored), f"{count} rows written of {len(stored)}"
            text = out.read_bytes().decode("utf-8-sig" if excel else "utf-8")  # its line ends as written
            if fmt == "json":
                read = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(
                    AssertionError(f"JSON export wrote {c}, which JSON has no word for")))
                assert len(read) == len(stored), (len(read), len(stored))
                continue
            _csv.field_size_limit(2 ** 31 - 1)  # a long text is one field (README: read with a raised field limit)
            lines = list(_csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))
            assert lines[0] == ["a", "b", "c", "d"], lines[0]
            assert len(lines) - 1 == len(stored), f"{len(lines) - 1} CSV records read back of {len(stored)} rows"
            expected = sorted(tuple("NULL" if v is None else v.hex() if isinstance(v, bytes) else
                                    (repr(v).replace(".", ",") if excel else repr(v)) if isinstance(v, float) else
                                    ("'" + v if excel and isinstance(v, str) and v.startswith(
                                        ("=", "+", "-", "@", "\t", "\r")) else str(v)) for v in row)
                              for row in stored if not any(isinstance(v, float) and math.isnan(v) for v in row))
            got = sorted(tuple(line) for line in lines[1:])
            if len(expected) == len(stored):
                assert got == expected, next((g, e) for g, e in zip(got, expected) if g != e)
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


TARGETS = [
    Target("tenderned.list", "json", _list_pages, run_list, weight=20),
    Target("tenderned.publication", "json", _publication_seeds, run_publication, weight=20),
    Target("tenderned.html", "json", _html_seeds, run_html, weight=4),
    Target("tenderned.pdf", "text", _pdf_seeds, run_pdf, weight=2),
    Target("tenderned.gerelateerd", "json", _related_seeds, run_related, weight=10),
    Target("tenderned.ocds", "json", _ocds_seeds, run_ocds, weight=4),
    Target("tenderned.datasets", "html", lambda: [(AWARDS / "datasets" / "page.html").read_bytes()],
           run_datasets_page, weight=5),
    Target("news.openpub", "json", lambda: OPENPUB_SEEDS, run_openpub, weight=5),
    Target("news.feed", "xml", lambda: [(FIXTURES / n).read_bytes() for n in ("feed-rss.xml", "feed-atom.xml")],
           run_feed, weight=15),
    Target("news.sitemap", "xml", lambda: [(FIXTURES / n).read_bytes() for n in ("sitemap.xml", "sitemap-index.xml")],
           run_sitemap, weight=15),
    Target("news.robots", "text", _file("robots.txt"), run_robots, weight=10),
    Target("news.robots.rules", "text", lambda: [*_file("robots.txt")(), ROBOTS_RULES], run_robots_rules, weight=10),
    Target("news.listing", "html", lambda: [LISTING_SEED.read_bytes()], run_listing, weight=10),
    Target("news.listing.json", "json", lambda: JSON_LISTING_SEEDS, run_json_listing, weight=10),
    Target("news.article", "html", lambda: [p.read_bytes() for p in ARTICLE_SEEDS],
           run_article, weight=1),
    Target("news.article.part", "html", lambda: [p.read_bytes() for p in ARTICLE_SEEDS], run_article_part, weight=1),
    Target("news.moved_check", "html", lambda: [*MOVED_SEEDS, ARTICLE_SEEDS[0].read_bytes()], run_moved_check, weight=2),
    Target("analysis", "text", _texts, run_analysis, weight=2),
    Target("search.query", "query", lambda: QUERY_SEEDS, run_search, weight=20),
    Target("profile.load", "yaml", _file("profile.yaml"), _loader("load_profile", "ProfileError", "tenderarchive.profiles"),
           weight=5),
    Target("sources.load", "yaml", _file("sources.yaml"),
           _loader("load_sources", "SourceRegistryError", "tenderarchive.sources"), weight=5),
    Target("cli.readers", "argv", lambda: CLI_SEEDS, run_cli, weight=3),
    Target("datasette.params", "query", lambda: DATASETTE_SEEDS, run_datasette, weight=5),
    Target("spider.arguments", "argv", lambda: SPIDER_ARGUMENT_SEEDS, run_spider_arguments, weight=5),
    Target("warc.reparse", "warc", _warc_seed_records, run_warc, weight=5),
    Target("dates", "text", lambda: DATE_SEEDS, run_dates, weight=10),
    Target("export.odd_values", "json", lambda: EXPORT_SEEDS, run_export, weight=3),
    Target("watchlist.load", "yaml", _file("watchlist.yaml"),
           _loader("load_watchlist", "WatchlistError", "tenderarchive.watch"), weight=5),
    Target("report.watchlist", "yaml", lambda: [(ROOT / "docs" / "watchlist.example.yaml").read_bytes(),
                                                *_file("watchlist.yaml")()], run_report_watchlist, weight=3),
]
BY_NAME = {t.name: t for t in TARGETS}


@dataclass
class Outcome:
    status: str            # ok / fail / hang
    where: str = ""        # file:line of the innermost project frame
    message: str = ""
    trace: str = ""


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        if str(ROOT) in frame.filename and "/tests/fuzz/" not in frame.filename:
            return f"{Path(frame.filename).relative_to(ROOT)}:{frame.lineno}"
    last = frames[-1] if frames else None
    return f"{Path(last.filename).name}:{last.lineno}" if last else "?"


def run_case(target: Target, data: bytes, seconds: float = 2.0) -> Outcome:
    try:
        with time_limit(seconds):
            target.run(data)
    except Hang as exc:
        return Outcome("hang", _where(exc), str(exc), traceback.format_exc())
    except Exception as exc:  # the harness's point: every exception is a finding
        return Outcome("fail", _where(exc), f"{type(exc).__name__}: {exc}"[:300], traceback.format_exc())
    return Outcome("ok")
