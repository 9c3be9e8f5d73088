"""Extraction and analysis of one page, for ``tenderarchive extract`` and the fidelity bench.

The same library steps as the news pipelines (:func:`tenderarchive.extraction.extract_html`
or :func:`~tenderarchive.extraction.extract_text`, then
:func:`tenderarchive.analysis.analyse`), on a local HTML or plain-text file or a URL,
without a crawl or an archive. The pipelines are thin adapters over the same calls, so
what ``extract`` prints is what a crawl archives. ``bench/news_fidelity.py`` calls
:func:`analyse_html` on the wrapped corpus pages.

A URL is downloaded with the crawl's bounds (settings ``EXTRACT_TIMEOUT``, seconds for
the whole download, and ``EXTRACT_MAXSIZE``, bytes): a server that drips bytes or sends
too much is cut off with a ``ValueError`` naming the limit. urllib has only a per-read
socket timeout (each read waits at most ``EXTRACT_TIMEOUT``), so :func:`download` reads
in chunks against a deadline for the whole download.
"""

from __future__ import annotations

import urllib.request
import time
from datetime import date, datetime, timezone
from pathlib import Path

from tenderarchive import CONTACT_URL, __version__
from tenderarchive.analysis import analyse
from tenderarchive.extraction import extract_html, extract_text


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head or b"<body" in head or b"<div" in head


#: Bytes of a text that are control characters (not tab, newline, form feed, carriage return).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13)) + b"\x7f"


def not_text(data: bytes, content_type: str | None = None) -> str | None:
    """Why ``data`` is neither HTML nor text (a PDF, an image, random bytes), or None. ``extract``
    of a binary file printed its bytes as the article's text with exit 0. Text is what decodes as
    UTF-8 (or, for a Windows-1252/Latin-1 file, has few bytes that do not) with few control
    characters; a ``Content-Type`` that names a binary type says so too."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind.startswith(("image/", "audio/", "video/", "font/")) or kind in (
            "application/pdf", "application/zip", "application/octet-stream", "application/gzip"):
        return f"its Content-Type is {kind}"
    head = data[:8192]
    if head.startswith(b"%PDF-"):
        return "it is a PDF"
    if not head:
        return None
    if b"\x00" in head:
        return "it holds NUL bytes (binary data)"
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    undecodable = head.decode("utf-8", errors="replace").count("\ufffd")
    if controls > len(head) * 0.05 or undecodable > len(head) * 0.3:
        return "most of it is not text (binary data)"
    return None


def download(source: str, timeout: float = 60, maxsize: int = 16 * 1024 * 1024) -> tuple[bytes, str, str]:
    """(body, final URL, ``Content-Type`` header) of ``source``, within ``timeout`` seconds and
    ``maxsize`` bytes."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(source, headers={"User-Agent": f"tenderarchive/{__version__} (+{CONTACT_URL})"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        chunks, size = [], 0
        announced = response.length  # the Content-Length (None: none, or chunked)
        while True:
            if time.monotonic() > deadline:
                raise ValueError(f"download took longer than {timeout:g} s (EXTRACT_TIMEOUT)")
            chunk = response.read1(_arrived(response, announced))  # returns what has arrived: a drip cannot hold it
            if not chunk:
                break
            size += len(chunk)
            if size > maxsize:
                raise ValueError(f"response larger than {maxsize} bytes (EXTRACT_MAXSIZE)")
            chunks.append(chunk)
        if announced is not None and size < announced:
            raise ValueError(f"answer cut short: the connection closed after {size} of the {announced} bytes its "
                             "Content-Length announced")
        return b"".join(chunks), response.geturl(), response.headers.get("Content-Type") or ""


def _arrived(response, announced: int | None) -> int:
    """How much of ``response``'s body to read next: with a ``Content-Length``, what has arrived (its buffered
    bytes, waiting for some when there are none), so that bytes after the announced length show there: http.client
    reads up to the length and drops the rest, and a page whose body ran on past it (a CMS or proxy announcing its
    first part's length) was read cut, as whole. Such bytes are an error; white space alone (a stray CRLF) is none."""
    fp = getattr(response, "fp", None)
    if announced is None or response.length is None or fp is None or not hasattr(fp, "peek"):
        return 65536
    buffered = fp.peek()
    if len(buffered) > response.length and buffered[response.length:].strip():
        raise ValueError(f"answer longer than its Content-Length: {len(buffered) - response.length} bytes or more "
                         f"came after the {announced} bytes it announced (not read cut)")
    return max(1, min(len(buffered), 65536))


def _summary(page: dict, url: str | None) -> dict:
    from pipelines.analyse import with_linked_notices  # the crawl's rule, the same references

    published = date.fromisoformat(page["published"][:10]) if page.get("published") else None
    result = analyse(page.get("text") or "", title=page.get("title"), published=published, url=url)
    return {
        "url": url, "title": page.get("title"), "title_source": page.get("title_source"),
        "published": page.get("published"), "published_source": page.get("published_source"),
        "published_precision": page.get("published_precision"), "page_type": page.get("page_type"),
        "relevant": result["relevant"], "relevance_score": result["relevance_score"],
        "relevance_rule": result["relevance_rule"], "relevance_model_score": result.get("relevance_model_score"),
        "matched_terms": result["matched_terms"],
        "primary_stage": result["primary_stage"], "primary_stage_rule": result.get("primary_stage_rule"),
        "stages": [{"stage": s["stage"], "status": s["status"], "cue": s.get("cue"), "evidence": s.get("evidence")}
                   for s in result["stages"]],
        "events": [{"date": e["date"], "date_end": e.get("date_end"), "precision": e["precision"],
                    "kind": e.get("kind"), "stage": e.get("stage"), "sentence": e.get("sentence"),
                    "year_inferred": bool(e.get("year_inferred"))} for e in result["events"]],
        "municipalities": [{"name": m["name"], "cbs_code": m["cbs_code"], "jeugdregio": m.get("jeugdregio"),
                            "jeugdregio_code": m.get("jeugdregio_code")} for m in result["municipalities"]],
        # the members a sub-region's name implies (H10, Parkstad), with that name as evidence: not named by the text
        "implied_municipalities": [{"name": m["name"], "cbs_code": m["cbs_code"], "jeugdregio_code": m.get("jeugdregio_code"),
                                    "matched": m.get("matched")} for m in result.get("implied_municipalities") or []],
        "regions": result.get("regions"),
        "organisations": result.get("organisations"),
        "awardees": result.get("awardees"),
        "procedure_type": result.get("procedure_type"), "procedure_raw": result.get("procedure_raw"),
        "lots": result.get("lots"), "contract_duration": result.get("contract_duration"),
        "tenderned_refs": with_linked_notices(result.get("tenderned_refs"), page.get("tenderned_links")),
        "text": page.get("text"),
    }


def analyse_html(data: str | bytes, url: str, fetched_at: datetime | None = None,
                 content_type: str | None = None) -> dict:
    """Extract (trafilatura + stated dates) and analyse one HTML page; ``content_type`` is the
    ``Content-Type`` header it was served with (its charset decodes it, as in a crawl)."""
    page = extract_html(data, url, fetched_at=fetched_at or datetime.now(timezone.utc), content_type=content_type)
    return _summary(page, url)


class PageTooLarge(ValueError):
    """A page larger than ``NEWS_PAGE_MAX_BYTES`` (without its inline images): not read, as a crawl reads none."""


def extract_page(source: str, url: str | None = None, timeout: float = 60,
                 maxsize: int = 16 * 1024 * 1024, max_page: int = 0) -> dict:
    """The page at ``source`` (a URL or a file) extracted and analysed. ``max_page``: ``NEWS_PAGE_MAX_BYTES``, the
    crawl's limit on a page to read (0: none): a larger one raises :class:`PageTooLarge` (reading it takes minutes to
    hours), as a crawl records it an error of the page."""
    content_type = None
    if source.startswith(("http://", "https://")):
        data, final, content_type = download(source, timeout, maxsize)
        url = url or final
    else:
        data = Path(source).read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 file (Notepad's "Unicode"): read as text
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    if max_page and len(data) > max_page:
        from tenderarchive.extraction.markup import reading_size

        measured = reading_size(data)
        if measured > max_page:
            raise PageTooLarge(f"page too large to read: {measured / 1048576:.1f} MiB of HTML, more than "
                               f"NEWS_PAGE_MAX_BYTES ({max_page / 1048576:.1f} MiB); raise it with "
                               f"--set NEWS_PAGE_MAX_BYTES=N (0: no limit) to read it anyway")
    problem = not_text(data, content_type)
    if problem:
        raise ValueError(f"not an HTML page or a text: {problem}")
    if _looks_like_html(data):
        return analyse_html(data, url or Path(source).resolve().as_uri(), content_type=content_type)
    page = extract_text(data.decode("utf-8", errors="replace"), url=url)
    return _summary(page, url)
