"""TenderNed's yearly OCDS release packages: the award backfill before the API window.

    scrapy crawl tenderned_ocds [-a from_date=2016-01-01] [-a until_date=2022-12-31]
    tenderarchive crawl tenderned_ocds --from-date 2016-01-01

1. Reads the datasets page (setting ``TENDERNED_DATASETS_URL``) and takes the links of
   its list items that end in ``.json`` or ``.json.gz`` (gzipped: read decompressed) (the XPath of kingfisher-collect's
   ``netherlands`` spider, ``//article//li//@href``), resolved against the page; when no list item links one,
   the page's other links (its layout changed before).
   Excel files and the reader's guide are skipped. A page that lists no JSON is an
   error, not an empty success (the JSON files have been missing from it before). The page is read as HTML
   whatever its Content-Type; one that lists nothing under another type (a JSON error envelope with status 200)
   says which type it answered.
2. ``from_date``/``until_date`` select packages by the period in their file name
   (``2017.json``; ``Dataset_Tenderned-2021-01-01-2021-12-31.json``; past the ``_0``, ``_1``, … Drupal adds to a
   file uploaded again under a name already taken, ``…-2021-12-31_0.json``); a name without
   a period is fetched, and its procedures selected by their releases' dates. Without
   ``from_date`` every year is taken.
3. Each package is downloaded (a long timeout; at most ``TENDERNED_OCDS_MAXSIZE`` bytes as sent and as unpacked, a
   gzip bomb included: one over it is the package's recorded error, asked again by the next crawl), kept in the WARC store
   like every response, written to a temporary file and read with
   :func:`tenderarchive.awards.ocds.read_package`: two streaming passes, releases
   merged per ``ocid`` with ocdsmerge, youth-care procedures selected by the topic
   profile. A truncated package is recorded as an error and yields nothing; an answer that is no JSON object
   (an HTML page with status 200) too, in one line naming its Content-Type and first bytes (:meth:`not_a_package`).

Memory: parsing is flat (one release at a time), but Scrapy's downloader holds one
response body in memory while it is received, so the peak is about one package;
``CONCURRENT_REQUESTS_PER_DOMAIN = 1`` keeps it to one at a time.

Imports: Scrapy's spider loader imports every spider module for every crawl, so the
OCDS reader (ocdsmerge, the compiled release schema) is imported inside the methods
that use it; a TenderNed or news crawl does not load it.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import shutil
import tempfile
import zlib
from datetime import date
from urllib.parse import urlsplit

import scrapy

from spiders.base import BaseSpider
from tenderarchive.arguments import SpiderArgumentError
from tenderarchive.items import OCDSProcedureItem
from tenderarchive.profiles import ProfileError, load_profile, profile_file_of

LINKS_XPATH = "//article//li//@href"
#: Scrapy's failure of an answer over ``download_maxsize``: as sent (the downloader) or unpacked (HttpCompressionMiddleware)
OVER_MAXSIZE = re.compile(r"\b(?:larger than (?:the )?download max size|exceeded DOWNLOAD_MAXSIZE)\b", re.IGNORECASE)
GZIP_MAGIC = b"\x1f\x8b"


class TenderNedOCDSSpider(BaseSpider):
    name = "tenderned_ocds"
    default_window_days = None  # every year unless from_date says otherwise
    custom_settings = {
        "DOWNLOAD_TIMEOUT": 1800,   # the packages' size cap: TENDERNED_OCDS_MAXSIZE (next_package)
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    }

    own_arguments = ("profile", "profile_file")

    def __init__(self, *args, profile=None, profile_file=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile_name = profile
        self.replayed_profile_file = profile_file  # a replay's: the file the recorded crawl named (profile_file_of)
        # the awards a package left pending, by ocid, for the packages read after it (read_package ``carried``)
        self.carried: dict = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        try:
            spider.profile = load_profile(spider.profile_name or crawler.settings.get("TENDERNED_PROFILE"))
        except ProfileError as exc:
            raise SpiderArgumentError("profile", str(exc)) from None
        spider.datasets_url = crawler.settings.get("TENDERNED_DATASETS_URL")
        return spider

    def crawl_arguments(self) -> dict:
        return {**super().crawl_arguments(), "profile": self.profile.name,
                **profile_file_of(self.profile, self.replayed_profile_file)}

    async def start(self):
        yield scrapy.Request(self.datasets_url, callback=self.parse_page, errback=self.errback)

    def wanted(self, url: str) -> bool:
        from tenderarchive.awards.ocds import file_period  # see "Imports" in the module docstring

        start, end = file_period(urlsplit(url).path)
        if start is None:
            return True
        low, high = self.arguments.from_date, self.arguments.until_date
        return (low is None or date.fromisoformat(end) >= low) and (high is None or date.fromisoformat(start) <= high)

    def parse_page(self, response):
        said = response.headers.get("Content-Type", b"").decode("latin-1").split(";")[0].strip().lower()
        if not isinstance(response, scrapy.http.HtmlResponse):
            # read as the HTML page it is meant to be whatever its type: an answer under another Content-Type
            # (``application/json``: an API gateway's error envelope with status 200, or the page mislabelled) ended
            # the backfill with "spider error: Cannot use xpath on a Selector of type 'json'"
            response = scrapy.http.HtmlResponse(url=response.url, status=response.status, body=response.body,
                                                request=response.request)
        links = self.package_links(response, LINKS_XPATH)
        if not links:
            # the page's layout changed before (kingfisher-collect relaxed its XPath in 2025): packages linked
            # outside a list (a table, paragraphs) are the page's packages too, said in the log
            links = self.package_links(response, "//a/@href")
            if links:
                self.logger.warning("datasets page: no JSON package in a list item; %d linked elsewhere on the page",
                                    len(links))
        if not links:
            html = said in ("", "text/html", "application/xhtml+xml")
            self.record_error(response.url, "the datasets page lists no JSON release package" + (
                "" if html else f" (it answered {said}, not an HTML page)"))
            return
        selected = [url for url in links if self.wanted(url)]
        self.logger.info("datasets page: %d JSON packages, %d in the window", len(links), len(selected))
        if self.sample:
            selected = selected[: self.sample]
        self.expect("packages", len(selected))
        from tenderarchive.awards.ocds import file_period

        # oldest period first, then in the page's order (Scrapy's queue is last in, first out): the awards a
        # package leaves pending are carried to the later packages of the ocid (read_package ``carried``)
        # One after another, not only queued in that order: two packages in flight at once were read in the order
        # their answers came, and a pending award's winner was lost when the later file came first.
        order = sorted(range(len(selected)), key=lambda n: (file_period(urlsplit(selected[n]).path)[0] or "9999", n))
        self.packages_waiting = [selected[n] for n in order]
        yield from self.next_package()

    def next_package(self):
        """The request of the next package to read, if any (each is asked once the one before was read)."""
        waiting = getattr(self, "packages_waiting", [])
        if waiting:
            # the cap Scrapy's downloader honours for the bytes sent and HttpCompressionMiddleware for the bytes unpacked
            yield scrapy.Request(waiting.pop(0), callback=self.parse_package, errback=self.package_failed,
                                 meta={"download_maxsize": self.maxsize,
                                       "download_warnsize": self.settings.getint("TENDERNED_OCDS_WARNSIZE")})

    @property
    def maxsize(self) -> int:
        return self.settings.getint("TENDERNED_OCDS_MAXSIZE")

    def package_failed(self, failure):
        request = getattr(failure, "request", None)
        if request is not None and self.maxsize and OVER_MAXSIZE.search(str(failure.value)):
            # Scrapy's words ("Ignored response … larger than the download max size", "Cancelling download of …:
            # expected response size … larger than download max size") name neither the setting nor the way out
            name = os.path.basename(urlsplit(request.url).path) or request.url
            self.record_error(request.url, f"{name}: larger than TENDERNED_OCDS_MAXSIZE ({self.maxsize:,} bytes, as "
                                           f"sent or unpacked); nothing from it was archived (raise the setting for "
                                           f"a package this large; the next crawl asks it again)")
        else:
            self.errback(failure)
        yield from self.next_package()

    @staticmethod
    def package_links(response, xpath: str) -> list[str]:
        links = []
        for href in response.xpath(xpath).getall():
            try:
                url = response.urljoin(href.strip())
                parts = urlsplit(url)
            except ValueError:  # a link no URL can be made of ("http://[::1…"): not a package the crawl could ask
                continue
            if parts.scheme in ("http", "https") and parts.path.lower().endswith((".json", ".json.gz")) \
                    and url not in links:
                links.append(url)
        return links

    def parse_package(self, response):
        yield from self.read_one_package(response)
        yield from self.next_package()

    @staticmethod
    def not_a_package(response, path: str) -> str | None:
        """One line saying what came where a package was asked, when the file at ``path`` (the answer, unpacked) is no
        JSON object (past a UTF-8 byte order mark and white space): its Content-Type and first bytes. None when it
        begins as a package does (``{``): the JSON parser reads the rest. A CMS's maintenance page with status 200 was
        recorded as "not a complete release package (IncompleteJSONError: lexical error: …)" with the lexer's lines and
        a caret under the byte."""
        with open(path, "rb") as package:
            head = package.read(4096)
        begins = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
        begins = begins.lstrip(b" \t\r\n")
        if begins.startswith(b"{"):
            return None
        said = response.headers.get("Content-Type", b"").decode("latin-1").strip() or "no Content-Type"
        shown = " ".join(begins[:200].decode("utf-8", "replace").split())[:80]
        name = os.path.basename(urlsplit(response.url).path) or response.url
        return (f"{name}: not a JSON release package: the answer was {said}, "
                + (f"beginning \u201c{shown}\u201d" if shown else "of white space only" if head else "with an empty body")
                + "; nothing from it was archived")

    def read_one_package(self, response):
        from tenderarchive.awards.ocds import ReadReport, file_period, read_package

        provenance = self.provenance(response)
        report = ReadReport(response.url)
        folder = tempfile.mkdtemp(prefix="tenderned-ocds-")
        path = os.path.join(folder, os.path.basename(urlsplit(response.url).path) or "package.json")
        try:
            with open(path, "wb") as out:
                if response.body[:2] == GZIP_MAGIC:
                    # a gzipped package (a .json.gz link, or gzip bytes sent without Content-Encoding, which
                    # Scrapy's HttpCompressionMiddleware decompresses itself): written out decompressed
                    # at most TENDERNED_OCDS_MAXSIZE bytes unpacked, as a Content-Encoding is (a gzip bomb)
                    try:
                        with gzip.GzipFile(fileobj=io.BytesIO(response.body)) as packed:
                            written = 0
                            while chunk := packed.read(1 << 20):
                                written += len(chunk)
                                if self.maxsize and written > self.maxsize:
                                    self.record_error(response.url, f"{os.path.basename(urlsplit(response.url).path)}"
                                                      f": larger than TENDERNED_OCDS_MAXSIZE ({self.maxsize:,} bytes) "
                                                      f"unpacked; nothing from it was archived (raise the setting for "
                                                      f"a package this large; the next crawl asks it again)")
                                    return
                                out.write(chunk)
                    except (OSError, EOFError, zlib.error) as exc:
                        self.record_error(response.url, f"{os.path.basename(urlsplit(response.url).path)}: not a "
                                                        f"complete gzip file ({exc}); nothing from it was archived")
                        return
                else:
                    out.write(response.body)
            if problem := self.not_a_package(response, path):
                self.record_error(response.url, problem)
                return
            # a package whose name gives no period was fetched whatever the window: its procedures are selected
            # by their releases' dates instead (reference §6.1: "parse the period out of the name, or read
            # releases[].date"); it archived every year it holds
            low, high = self.arguments.from_date, self.arguments.until_date
            window = {} if file_period(urlsplit(response.url).path)[0] else {
                "since": low.isoformat() if low else None, "until": high.isoformat() if high else None}
            for procedure in read_package(path, relevance=self.profile.relevance, report=report,
                                      carried=self.carried, **window):
                procedure["provenance"]["source_url"] = response.url
                yield OCDSProcedureItem(procedure=procedure, **provenance)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        for error in report.errors:
            self.record_error(response.url, error)
        # a party's field of the wrong shape, read as NULL with its release kept (ocds_schema.soften): said, as the
        # column it would have filled is empty; the package itself was read whole
        for note in report.field_notes:
            self.record_error(response.url, f"{note} (the release was read without it)")
        if report.more_field_notes:
            self.record_error(response.url, f"and {report.more_field_notes:,} more fields of parties of the wrong "
                                            f"shape, read as NULL")
        if not report.errors:
            self.fetched("packages", 1)
        self.crawler.stats.inc_value("tenderned_ocds/releases", report.releases)
        self.crawler.stats.inc_value("tenderned_ocds/procedures", report.yielded)
        self.logger.info("%s: %d releases, %d procedures, %d youth care, %d archived",
                         response.url, report.releases, report.procedures, report.selected, report.yielded)
