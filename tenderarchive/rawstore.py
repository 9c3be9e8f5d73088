"""The raw store: every HTTP response, as received, in WARC files (ISO 28500) via warcio.

Layout: one file per crawl, ``<WARC_DIR>/<spider>-<crawl_id>-<UTC time>.warc.gz``,
opened with a ``warcinfo`` record that holds the spider, its arguments and the
settings needed to repeat it (so ``tenderarchive reparse`` can replay every crawl
with the current parsers). Each response is one gzip member, built in memory
and appended with a single write and flush: a crash mid-write can leave at most
one truncated member at the end of the file, which :func:`repair` cuts off
before the file is used again, so the store always stays readable by standard
WARC tools.

The ``fetches`` index is written in batches (``tenderarchive/middlewares.py``, issue 14),
so a killed crawl can leave WARC records that no ``fetches`` row indexes yet; the next
crawl's start (``mark_killed`` in ``tenderarchive/extensions.py``) repairs the file and
then indexes its tail with :func:`index_tail`, from the records themselves (URL, status,
WARC-Date, the body's sha256, offset and length, a redirect's ``Location`` or a page's meta refresh target,
read as the middleware reads them, and what the crawl asked the address as, ``fetches.kind``, kept in each record's
``Tenderarchive-Fetch-Kind`` field). Nothing a kill interrupts is lost: a
record is either whole in the WARC file (and indexed, now or then) or cut off by repair.

Bodies are stored decoded (after Scrapy's HTTP decompression); ``Content-Encoding``,
``Transfer-Encoding`` and ``Content-Length`` are rewritten to match the stored body.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

from w3lib.url import safe_url_string
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DROPPED_HEADERS = {b"content-encoding", b"transfer-encoding", b"content-length"}
#: The WARC named field of a response record that holds what the crawl asked its address as (the spider's
#: ``fetch_kind``: ``sitemap``, ``feed``, ``page`` …; ``fetches.kind``): an extension field, named outside the
#: standard's ``WARC-`` fields (a reader ignores a field it does not know). Records written before it, or for a spider
#: that says nothing, have none.
KIND_HEADER = "Tenderarchive-Fetch-Kind"


def warc_dir(settings) -> Path:
    """``WARC_DIR``, or ``warc/`` next to the archive."""
    configured = settings.get("WARC_DIR")
    if configured:
        return Path(configured)
    return Path(settings.get("ARCHIVE_DB")).resolve().parent / "warc"


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def warc_date(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcFile:
    """An append-only WARC file of one crawl."""

    def __init__(self, path: Path, info: dict):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(path, "ab")
        if self.handle.tell() == 0:
            self._append(lambda w: w.create_warcinfo_record(path.name, info))

    def _append(self, make_record) -> tuple[int, int]:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        writer.write_record(make_record(writer))
        data = buffer.getvalue()
        offset = self.handle.tell()
        self.handle.write(data)
        self.handle.flush()
        os.fsync(self.handle.fileno())
        return offset, len(data)

    def write_response(self, url: str, status: int, reason: str, headers: list[tuple[bytes, bytes]],
                       body: bytes, moment: datetime, kind: str | None = None) -> tuple[int, int]:
        """Append one response record; ``kind``: what the crawl asked the address as (``fetches.kind``), kept in the
        record's :data:`KIND_HEADER` so that :func:`index_tail` gives a killed crawl's unindexed record the kind
        the middleware would have."""
        kept = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers if k.lower() not in DROPPED_HEADERS]
        kept.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")
        return self._append(lambda w: w.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict={"WARC-Date": warc_date(moment),
                               "WARC-Payload-Digest": "sha256:" + hashlib.sha256(body).hexdigest(),
                               **({KIND_HEADER: kind} if kind else {})}))

    def close(self):
        self.handle.close()


def whole_members_end(path: Path, start: int = 0) -> int:
    """The byte offset where the last complete gzip member of ``path`` ends (streamed), from
    ``start`` (the start of a member) on.

    Every record is its own gzip member, so this is where the whole records end. warcio is
    not asked: it counts a few stray bytes after the last whole record as part of it."""
    import zlib

    end = offset = start
    with open(path, "rb") as handle:
        handle.seek(start)
        pending = b""
        while True:
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            used = 0
            while not member.eof:
                chunk = pending or handle.read(1 << 20)
                pending = b""
                if not chunk:
                    return end
                try:
                    member.decompress(chunk)
                except zlib.error:
                    return end
                used += len(chunk) - len(member.unused_data)
            offset += used
            end = offset
            pending = member.unused_data


def repair(path: Path) -> int:
    """Cut a truncated last record off ``path``; returns the bytes removed."""
    good = whole_members_end(path)
    size = path.stat().st_size
    if good < size:
        with open(path, "r+b") as handle:
            handle.truncate(good)
    return size - good


def redirect_location(url: str, location) -> str | None:
    """Where an answer sends the client, as an absolute URL: ``location`` (a redirect's ``Location``
    header, ``bytes`` or ``str``, or a refresh's target) read against ``url``, as Scrapy follows it;
    None without one."""
    if not location:
        return None
    try:
        # as Scrapy's redirect middleware: raw UTF-8 bytes ("/nieuws/café") are percent-encoded
        # ("caf%C3%A9"), the address Scrapy asks and the raw store keys the page by
        return urljoin(url, safe_url_string(location.strip())) or None
    except ValueError:  # a Location no redirect follows (a broken IPv6 host)
        return None


def fetch_row(url: str, status: int, fetched_at: str, body: bytes, warc_file: str, offset: int, length: int,
              crawl_id, method: str = "GET", location=None, kind=None) -> dict:
    """The ``fetches`` row of one stored response (the fetch index); ``location``: where a redirect's
    ``Location`` header or a page's refresh sends the client (:func:`redirect_location`); ``kind``: what the crawl
    asked the address as (the spider's ``fetch_kind``: ``sitemap``, ``feed``, ``page`` …; None where it says nothing,
    and for a killed crawl's records written before the raw store kept it, :func:`index_tail`)."""
    return {"url": url, "method": method, "status": status, "fetched_at": fetched_at,
            "sha256": hashlib.sha256(body).hexdigest(), "warc_file": warc_file, "warc_offset": offset,
            "warc_length": length, "crawl_id": crawl_id, "location": redirect_location(url, location), "kind": kind}


def index_tail(db, path: Path, crawl_id, settings=None) -> int:
    """Add the ``fetches`` rows of the responses in WARC file ``path`` past the last one
    indexed (a crawl killed before its batch of fetch rows was committed); returns how
    many. Every crawl fetches with GET, so that is the method recorded. ``location`` is read
    as the middleware reads it (``middlewares.fetch_location``: a redirect's ``Location``
    or a page's meta refresh, under ``settings``' ``METAREFRESH_*``; Scrapy's defaults without). ``kind`` is the
    record's own (:data:`KIND_HEADER`, written by the middleware with the response): these rows had none, and the
    archive knew a sitemap the killed crawl read only by its address (branch refnews76)."""
    from scrapy import Request
    from scrapy.http import Headers
    from scrapy.http.response import Response
    from scrapy.responsetypes import responsetypes
    from scrapy.settings import Settings

    from tenderarchive.middlewares import fetch_location

    settings = settings if settings is not None else Settings()
    name = path.name
    last = db.execute("select max(warc_offset) from fetches where warc_file = ?", [name]).fetchone()[0]
    rows = []
    with open(path, "rb") as handle:
        iterator = ArchiveIterator(handle)
        for record in iterator:
            if record.rec_type != "response":
                continue
            body = record.content_stream().read()
            offset = iterator.get_record_offset()
            if last is not None and offset <= last:
                continue
            status = int(record.http_headers.statusline.partition(" ")[0])
            fetched_at = record.rec_headers.get_header("WARC-Date").replace("Z", "+00:00")
            url = record.rec_headers.get_header("WARC-Target-URI")
            headers = Headers()
            for key, value in record.http_headers.headers:
                headers.appendlist(key, value)
            cls: type[Response] = responsetypes.from_args(headers=headers, url=url, body=body)
            response = cls(url=url, status=status, headers=headers, body=body, request=Request(url))
            rows.append(fetch_row(url, status, fetched_at, body, name, offset, iterator.get_record_length(), crawl_id,
                                  location=fetch_location(response.request, response, settings),
                                  kind=record.rec_headers.get_header(KIND_HEADER) or None))
    if rows:
        with db.atomic():
            db["fetches"].insert_all(rows, pk=("warc_file", "warc_offset"), ignore=True)
    return len(rows)


@dataclass
class StoredResponse:
    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    date: str
    warc_file: str
    offset: int
    length: int
    cached: bytes | None = None  # the body, read while indexing (ResponseIndex(keep_bodies=...))

    def body(self, root: Path) -> bytes:
        if self.cached is not None:
            return self.cached
        handle = _open_warc(root / self.warc_file)
        handle.seek(self.offset)
        body = _plain_body(handle.read(self.length)) if self.length else None
        if body is not None:
            return body
        handle.seek(self.offset)
        record = next(iter(ArchiveIterator(handle)))
        return record.content_stream().read()


def _plain_body(member: bytes) -> bytes | None:
    """The HTTP body of one gzipped WARC response record as this store writes it (decoded body,
    no Content-Encoding or Transfer-Encoding, a WARC Content-Length), cut out directly: a
    replay reads thousands and warcio's record parser took most of the time. None for anything
    else (then warcio reads it)."""
    import zlib

    try:
        raw = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(member)
    except zlib.error:
        return None
    head_end = raw.find(b"\r\n\r\n")
    if head_end < 0 or not raw.startswith(b"WARC/"):
        return None
    length = None
    for line in raw[:head_end].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length is None:
        return None
    block = raw[head_end + 4: head_end + 4 + length]
    http_end = block.find(b"\r\n\r\n")
    if len(block) != length or http_end < 0 or not block.startswith(b"HTTP/"):
        return None
    head = block[:http_end].lower()
    if b"\ntransfer-encoding:" in head or b"\ncontent-encoding:" in head:
        return None  # warcio decodes these
    return block[http_end + 4:]


class BadRecord(ValueError):
    """A WARC record warcio reads but no response can be made of; the message says which and why."""


_STATUS_CODE = re.compile(r"[1-9][0-9]{2}")


def status_code(statusline: str | None) -> int | None:
    """The HTTP status code a response's status line (after the protocol: ``200 OK``) begins with, or None when it
    begins with none (``abc``, empty, ``99999999999999999999``: a damaged or hostile record, which was a
    ValueError as the index was built, or a status SQLite could not store)."""
    code = (statusline or "").strip().partition(" ")[0]
    return int(code) if _STATUS_CODE.fullmatch(code) else None


def response_status(record) -> int:
    """The status of a warcio response record; :class:`BadRecord` naming it when it has no HTTP status code."""
    http = record.http_headers
    status = status_code(http.statusline) if http is not None else None
    if status is None:
        line = http.statusline if http is not None else None
        raise BadRecord(f"the response for {record.rec_headers.get_header('WARC-Target-URI')!r:.200} has no HTTP "
                        f"status code (status line {line!r:.80})")
    return status


class _NotPlain(Exception):
    """A WARC file :func:`_plain_records` leaves to warcio."""


def _gzip_members(handle):
    """(offset, compressed length, decompressed bytes) of every gzip member of ``handle``, in
    order; raises :class:`_NotPlain` at anything but whole gzip members to the end. Each member
    is fed in small windows of a larger buffer: zlib copies what follows a member's end into
    ``unused_data``, which for a record of a few hundred bytes read from a 1 MB buffer was most
    of the time."""
    import zlib

    buffer, pos, base = b"", 0, 0  # base: the file offset of buffer[0]
    while True:
        if len(buffer) - pos < WINDOW:
            buffer, base, pos = buffer[pos:] + handle.read(BUFFER), base + pos, 0
            if not buffer:
                return
        view = memoryview(buffer)
        start, parts = base + pos, []
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while True:
            if len(buffer) - pos < WINDOW:  # a long member: read on
                more = handle.read(BUFFER)
                if more:
                    view.release()
                    buffer, base, pos = buffer[pos:] + more, base + pos, 0
                    view = memoryview(buffer)
            window = view[pos: pos + WINDOW]
            if not window:
                raise _NotPlain("a gzip member cut short")
            try:
                parts.append(member.decompress(window))
            except zlib.error:
                raise _NotPlain("not gzip") from None
            if member.eof:
                pos += len(window) - len(member.unused_data)
                break
            pos += len(window)
        window.release()
        view.release()
        yield start, base + pos - start, b"".join(parts)


WINDOW, BUFFER = 16 * 1024, 4 * 1024 * 1024


def _header_lines(head: bytes) -> list[tuple[str, str]]:
    """``Name: value`` lines as warcio's ``StatusAndHeadersParser`` reads them (each line UTF-8,
    else Latin-1; the name right-stripped, the value stripped), for header blocks with nothing
    it treats specially (a bare LF, a continuation line, a line without a colon, a blank line)."""
    if head.count(b"\n") != head.count(b"\r\n"):
        raise _NotPlain("bare LF in a header")
    try:
        lines = head.decode("utf-8").split("\r\n")  # each line is UTF-8 then too
    except UnicodeDecodeError:
        lines = []
        for raw in head.split(b"\r\n"):
            try:
                lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                lines.append(raw.decode("iso-8859-1"))
    headers = []
    for line in lines:
        line = line.rstrip()
        if not line or line[0] in " \t" or ":" not in line:
            raise _NotPlain("a header line warcio reads differently")
        name, value = line.split(":", 1)
        headers.append((name.rstrip(" \t"), value.lstrip()))
    return headers


def _first_values(headers: list[tuple[str, str]]) -> dict[str, str]:
    """Each header's first value by its lower-cased name (warcio's ``get_header``)."""
    values: dict[str, str] = {}
    for name, value in headers:
        values.setdefault(name.lower(), value)
    return values


def _plain_records(file: Path, keep_bodies: int = 0) -> list[StoredResponse] | None:
    """Every response of a WARC file as :meth:`ResponseIndex._read` takes it from warcio (the
    bodies kept while they fit in ``keep_bodies`` bytes, as there), or None when the file holds
    anything this store does not write itself: then warcio reads it (and ``_checked`` reports
    what is wrong with it).

    Why not warcio here (issue 14): its record parser (a buffered reader, line by line, header
    objects) took 1 of the 10 CPU-seconds of a 2,000-notice reparse, about 6 times the
    decompression itself. Each record of this store is one gzip member holding a WARC/1.x record
    with a ``Content-Length``; a response's block is an HTTP/1.x head and the body, stored
    decoded (no ``Content-Encoding``, no ``Transfer-Encoding``). Anything else (a record of
    another shape, a cut or padded file, a header line warcio reads in its own way) returns
    None. ``tests/test_rawstore.py`` checks the result against warcio's on recorded stores."""
    if file.suffix != ".gz":
        return None
    out = []
    try:
        with open(file, "rb") as handle:
            for offset, length, raw in _gzip_members(handle):
                if not raw.startswith((b"WARC/1.0\r\n", b"WARC/1.1\r\n")):
                    return None
                head_end = raw.find(b"\r\n\r\n")
                if head_end < 0:
                    return None
                warc = _first_values(_header_lines(raw[raw.index(b"\r\n") + 2: head_end]))
                if not (warc.get("warc-record-id") and warc.get("warc-date")):
                    return None
                size = int(warc.get("content-length"))
                block = raw[head_end + 4: head_end + 4 + size]
                if size < 0 or len(block) != size or raw[head_end + 4 + size:] != b"\r\n\r\n":
                    return None
                record_type = warc.get("warc-type")
                if record_type in ("request", "revisit"):
                    return None
                if record_type != "response":
                    continue
                url = warc.get("warc-target-uri")
                if not url or not url.startswith(("http:", "https:")) or " " in url or url.startswith("<") \
                        or not size:
                    return None
                http_end = block.find(b"\r\n\r\n")
                status_end = block.find(b"\r\n")
                if http_end < 0 or block[:8].upper() not in (b"HTTP/1.0", b"HTTP/1.1"):
                    return None
                statusline = block[8:status_end].decode("utf-8").strip()
                if status_code(statusline) is None:
                    return None  # warcio's reader says what is wrong with it
                http_head = block[status_end + 2: http_end]
                lowered = http_head.lower()
                if b"content-encoding" in lowered or b"transfer-encoding" in lowered:
                    return None  # warcio decodes such bodies
                headers = _header_lines(http_head) if http_end > status_end else []
                status, _, reason = statusline.partition(" ")
                stored = StoredResponse(url=url, status=int(status), reason=reason, headers=headers,
                                        date=warc["warc-date"], warc_file="", offset=offset, length=length)
                body_length = len(block) - http_end - 4
                if body_length <= keep_bodies:
                    stored.cached, keep_bodies = block[http_end + 4:], keep_bodies - body_length
                out.append(stored)
    except (_NotPlain, ValueError, TypeError, UnicodeDecodeError):
        return None
    return out if out or file.stat().st_size else None


#: WARC files open for reading bodies (a replay reads thousands from the same few files).
_READERS: dict[Path, object] = {}


def _open_warc(path: Path):
    handle = _READERS.get(path)
    if handle is None or handle.closed:
        while len(_READERS) >= 8:
            _READERS.pop(next(iter(_READERS))).close()
        handle = _READERS[path] = open(path, "rb")
    return handle


#: The WARC files of a store folder: as a crawl writes them (``.warc.gz``, a gzip member a record) and uncompressed
#: (``.warc``: the same records after ``gunzip`` or ``warcio extract``; ISO 28500 allows both, and warcio reads both).
WARC_PATTERNS = ("*.warc.gz", "*.warc")


def warc_files(path: Path) -> list[Path]:
    """The WARC files of a store (a folder: :data:`WARC_PATTERNS`), or the one file ``path`` names."""
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted({file for pattern in WARC_PATTERNS for file in path.glob(pattern)})


def warc_key(name: str) -> str:
    """A WARC file's name without its ``.gz``: the crawl it holds whichever way it is compressed, so the fetch
    index's ``X.warc.gz`` finds the store's ``X.warc`` (a gunzipped store), and ``X.warc`` finds ``X.warc.gz``."""
    return name[:-3] if name.endswith(".warc.gz") else name


def whole_records_end(path: Path, start: int = 0) -> int:
    """The byte offset where the last whole record of the uncompressed WARC file ``path`` ends (its head, the
    ``Content-Length`` of its block and the blank line after it all in the file), from ``start`` (the start of a
    record) on: :func:`whole_members_end` for a ``.warc``, whose record cut short warcio reads as a shorter one."""
    end = start
    size = path.stat().st_size
    with open(path, "rb") as handle:
        while end < size:
            handle.seek(end)
            head = handle.read(1 << 16)  # a record's WARC head is a few hundred bytes
            head_end = head.find(b"\r\n\r\n")
            if not head.startswith(b"WARC/") or head_end < 0:
                return end
            length = re.search(rb"\r\ncontent-length:[ \t]*(\d{1,15})[ \t]*\r\n", head[:head_end + 2], re.I)
            if length is None:
                return end
            record_end = end + head_end + 4 + int(length.group(1)) + 4
            if record_end > size:
                return end
            handle.seek(record_end - 4)
            if handle.read(4) != b"\r\n\r\n":
                return end
            end = record_end
            while end < size:  # blank lines between records
                handle.seek(end)
                if handle.read(2) != b"\r\n":
                    break
                end += 2
    return end


def records_end(file: Path, end: int, size: int) -> int:
    """Where the records warcio read of ``file`` end (``end``), past the blank lines that close the last record of
    an uncompressed WARC file, which warcio leaves to the next record it never reads: ``size`` when only those follow."""
    if file.suffix != ".gz" and 0 < size - end <= 4:
        with open(file, "rb") as handle:
            handle.seek(end)
            if not handle.read().strip(b"\r\n"):
                return size
    return end


def load_failure(exc: BaseException) -> str:
    """Why warcio could not read a file, in one line: its first line that says something (warcio's
    ``ArchiveLoadFailed`` message starts with a blank line), or what to do for a WARC file gzipped whole
    (``gzip X.warc``: one gzip stream, not one member a record, which no WARC reader can seek in)."""
    text = str(exc)
    if "non-chunked gzip" in text:
        return ("gzipped as one stream, not a gzip member a record (a .warc compressed with gzip?): "
                "`gunzip` it back to .warc, or run `warcio recompress FILE NEW`")
    detail = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return f"{type(exc).__name__}: {detail[:120] if detail else 'no detail'}"


def read_info(path: Path) -> dict:
    """The tenderarchive fields of a WARC file's warcinfo record, and its ``WARC-Date`` (``warc_date``:
    when the crawl began writing the file, its first response)."""
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "warcinfo":
                fields = {}
                for line in record.content_stream().read().decode("utf-8").splitlines():
                    if ": " in line:
                        key, value = line.split(": ", 1)
                        fields[key] = value
                for key in ("arguments", "settings", "registry", "profile"):
                    if key in fields:
                        fields[key] = json.loads(fields[key])
                if fields and record.rec_headers.get_header("WARC-Date"):
                    fields.setdefault("warc_date", record.rec_headers.get_header("WARC-Date"))
                return fields
            break
    return {}


class ResponseIndex:
    """Every stored response under a WARC file or folder, by URL, in recorded order.

    ``keep_bodies``: keep up to that many bytes of bodies in memory as they are read while
    indexing, so serving them does not decompress every record a second time (the direct
    replay, ``tenderarchive/replay/direct.py``; 0 = read each body again when served)."""

    def __init__(self, path: str | Path, keep_bodies: int = 0, check: bool = False, resumed=()):
        self.root = Path(path) if Path(path).is_dir() else Path(path).parent
        self.by_url: dict[str, list[StoredResponse]] = {}
        self.served: dict[str, int] = {}
        #: the recorded responses of its own file(s) served at least once (a request asked again is answered by the
        #: last one again: counted once), what a rebuilt crawl's ``responses`` says it read (``CrawlRecorder``)
        self.records_read = 0
        #: those served from the files of the crawls it resumed (``resumed``): counted apart, as the crawl's row names
        #: its own file alone (``status``: "N recorded responses read from <its file>"), and the crawl it resumed
        #: counted them already (a rebuilt resumed crawl said more responses than it received)
        self.resumed_read = 0
        self.resumed_urls: set[str] = set()
        for file in warc_files(Path(path)):
            if check:
                self._checked(file, keep_bodies)
            else:
                self._read(file, keep_bodies)
        if resumed:
            # the files of the crawls a --jobdir crawl resumed (its warcinfo's ``resumes``, in this
            # store): what the crawl did not fetch because the crawl it resumed had (the list pages
            # its queue came from) is served from them, for the URLs its own file does not hold
            earlier = ResponseIndex.__new__(ResponseIndex)
            earlier.root, earlier.by_url = self.root, {}
            for file in resumed:
                earlier._read(Path(file), keep_bodies)
            for url, responses in earlier.by_url.items():
                if url not in self.by_url:
                    self.by_url[url] = responses
                    self.resumed_urls.add(url)

    def _checked(self, file: Path, keep_bodies: int) -> None:
        """:meth:`_read`, checking the file as ``tenderarchive.files.check_warc`` does (every
        record has an id and a date, the records reach the end of the file, the last gzip
        member is whole) in the same pass: ``reparse`` reads its store once (issue 14).
        Raises ``tenderarchive.files.UnusableFile`` with check_warc's messages."""
        from tenderarchive.files import UnusableFile

        seen = {"records": 0, "end": 0, "last": 0}
        try:
            self._read(file, keep_bodies, seen)
        except OSError as exc:
            raise UnusableFile(file, f"cannot be read ({exc.strerror or exc})") from None
        except BadRecord as exc:
            raise UnusableFile(file, f"damaged: record {seen['records']}: {exc}") from None
        except Exception as exc:  # warcio raises several types (ArchiveLoadFailed, zlib, EOFError)
            records = seen["records"]
            where = f"after {records} record(s)" if records else "at its first record"
            raise UnusableFile(file, f"not a WARC file or cut short {where} ({load_failure(exc)})") from None
        records, size = seen["records"], file.stat().st_size
        if records == -1:  # read by _plain_records, which accepts only whole, well-formed files
            return
        if records == 0:
            raise UnusableFile(file, "not a WARC file (no records)")
        if records_end(file, seen["end"], size) < size:  # warcio stops quietly at a gzip member cut short
            raise UnusableFile(file, f"cut short: {records} whole record(s) end at byte {seen['end']} of {size}")
        if file.suffix == ".gz" and whole_members_end(file, seen["last"]) < size:
            raise UnusableFile(file, f"cut short: its last gzip member is incomplete ({records} whole record(s))")
        if file.suffix != ".gz" and whole_records_end(file, seen["last"]) < size:
            raise UnusableFile(file, f"cut short: its last record is incomplete ({records} record(s))")

    def _read(self, file: Path, keep_bodies: int, seen: dict | None = None) -> None:
        plain = _plain_records(file, keep_bodies)
        if plain is not None:  # the common case: read without warcio's record parser
            # the file's name in the fetch index, once per file (issue 14: ``relative_to`` per record was
            # ~6 µs, 0.05 CPU-s of a 2,000-notice reparse); raises, as before, only for a file with records
            name = str(file.relative_to(self.root)) if plain else ""
            by_url = self.by_url
            for stored in plain:
                stored.warc_file = name
                by_url.setdefault(stored.url, []).append(stored)
            if seen is not None:  # _plain_records read every record whole to the end of the file
                seen["records"], seen["end"] = -1, file.stat().st_size
                seen["last"] = seen["end"]
            return
        with open(file, "rb") as handle:
            iterator = ArchiveIterator(handle)
            for record in iterator:
                if seen is not None:
                    if not (record.rec_headers.get_header("WARC-Record-ID")
                            and record.rec_headers.get_header("WARC-Date")):
                        raise ValueError("a record without WARC-Record-ID or WARC-Date")
                    if record.rec_type != "response":
                        record.content_stream().read()
                    seen["records"] += 1
                if record.rec_type != "response":
                    if seen is not None:  # (warcio's offset and length read the record to its end)
                        seen["last"] = iterator.get_record_offset()
                        seen["end"] = seen["last"] + iterator.get_record_length()
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    status = response_status(record)
                except BadRecord:
                    if seen is not None:  # checked: the file is damaged (check_warc says the same)
                        raise
                    continue  # read as it is (reparse --force): the response no status can be read of is left out
                http = record.http_headers
                reason = http.statusline.strip().partition(" ")[2]
                date = record.rec_headers.get_header("WARC-Date")
                body = record.content_stream().read()
                kept = None
                if len(body) <= keep_bodies:
                    kept, keep_bodies = body, keep_bodies - len(body)
                self.by_url.setdefault(url, []).append(StoredResponse(
                    url=url, status=int(status), reason=reason, headers=list(http.headers), date=date,
                    warc_file=str(file.relative_to(self.root)),
                    offset=iterator.get_record_offset(), length=iterator.get_record_length(), cached=kept))
                if seen is not None:
                    seen["last"] = iterator.get_record_offset()
                    seen["end"] = seen["last"] + iterator.get_record_length()

    def next_for(self, url: str) -> StoredResponse | None:
        """The next recorded response for ``url`` (the last one again once all were served)."""
        responses = self.by_url.get(url)
        if not responses:
            return None
        position = self.served.get(url, 0)
        self.served[url] = position + 1
        if position < len(responses):
            if url in self.resumed_urls:
                self.resumed_read += 1
            else:
                self.records_read += 1
            return responses[position]
        return responses[-1]
