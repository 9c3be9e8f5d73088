"""Items: what spiders hand to the pipelines.

A spider yields raw source records plus provenance; it never normalises.
Pipelines fill ``record`` (the normalised rows) on the way to the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class NoticeItem:
    """One TenderNed publication as fetched: list row, detail record, documents list."""

    publication_id: str                 # as the list gave it (a string there)
    detail: dict                        # GET /publicaties/{id}: authoritative values
    list_record: dict | None = None     # the list row that selected it (original deadline)
    documents: dict | None = None       # GET /publicaties/{id}/documenten; None = not fetched
    source_url: str = ""                # detail URL
    documents_url: str | None = None
    documents_fetched_at: str | None = None  # when the documents list was received, and its body's sha256
    documents_sha256: str | None = None
    documents_not_found: bool = False   # /documenten answered 404/410 or 204: no list, so nothing archived is dropped
    fetched_at: str = ""                # ISO 8601 UTC time the detail was received
    sha256: str = ""                    # sha256 of the detail response body
    record: dict | None = None          # filled by pipelines: {"notice": {...}, "cpv": [...], "documents": [...]}
    # Award data (docs/awards.md): the raw GET /publicaties/{id}/html response of a result notice.
    html_body: bytes | None = None      # None = not fetched (not a result notice, or already archived)
    html_url: str | None = None
    html_fetched_at: str | None = None
    html_sha256: str | None = None
    # the HTTP status (404, 410) of a contract notice's /html that TenderNed answered "no rendering": a complete
    # fetch with nothing to read, archived as such (notice_results layout "none"), so not asked again
    html_absent: int | None = None
    # GET /publicaties/{id}/pdf of a result notice whose /html failed or named no winner (the fallback)
    pdf_body: bytes | None = None
    pdf_url: str | None = None
    pdf_fetched_at: str | None = None
    pdf_sha256: str | None = None
    related_to: str | None = None       # publicatieId whose /gerelateerd list led to this notice
    related_record: dict | None = None  # that list's row of this notice (its formType types a detail naming none)
    archived: bool = False              # the archive has the notice (a re-check): what its detail leaves out, it keeps


@dataclass
class ArticleItem:
    """One news page or living project page as fetched."""

    url: str                            # the URL fetched (after redirects)
    site: str                           # registry entry name
    body: bytes                         # raw HTML
    content_type: str = ""              # the response's Content-Type header (its charset decodes body)
    site_config: dict = field(default_factory=dict)   # the registry entry (selectors …)
    is_living_page: bool = False
    discovered_via: str = ""            # feed / sitemap / listing / living_page
    listed_date: str = ""               # "DATE feed" / "DATE sitemap" / "DATE listing": the date its feed item, Google News sitemap entry or listing entry gave
    source_url: str = ""
    fetched_at: str = ""
    sha256: str = ""
    duplicate_of: str = ""              # the address that answered the same bytes earlier in this crawl (not archived again)
    parts: list = field(default_factory=list)  # the item's further pages, split over several: {url, body, content_type}
    record: dict | None = None          # filled by pipelines: {"article": {...}, "events": [...], ...}


@dataclass
class OCDSProcedureItem:
    """One youth-care procedure from a yearly OCDS release package, merged per ocid.

    ``procedure`` is :func:`tenderarchive.awards.ocds.to_procedure`'s dict (notice, lots,
    awards, suppliers, provenance); the provenance fields are the package download's."""

    procedure: dict
    source_url: str = ""
    fetched_at: str = ""
    sha256: str = ""
    record: dict | None = None          # filled by pipelines/awards.py


#: The note the news spider adds to the error of a discovered page whose request failed
#: (``request failed: HTTP 503 (news page)``): ``tenderarchive.store.queries.failed_news_pages``
#: finds those pages by it, so the next crawl asks them again.
NEWS_PAGE_FAILED = " (news page)"
