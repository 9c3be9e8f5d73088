"""TenderNed publications (https://www.tenderned.nl), through the public JSON API.

Selects publications with a topic profile (``-a profile=youth_care``, the default,
or ``all``, or a path to a YAML profile), over a publication-date window
(``-a from_date=YYYY-MM-DD -a until_date=YYYY-MM-DD``), and archives for every
selected publication its detail record and its documents list (metadata only).

How it crawls (the API's shapes and caps: docs/reference/tenderned-api.md):

1. One unfiltered request (``size=1``) counts the publications in the window.
   A filtered query that returns the same total (give or take the notices published or
   withdrawn between the two requests) is asked once more with values
   that match nothing: if that too returns the whole window, the API silently
   ignored the filter, which is recorded as an error and not paged (it would be
   the whole dataset); otherwise every publication of the window matches, and the
   query is paged. A count that fails is recorded, and each query is checked
   against its own total instead.
2. Each profile query (repeated ``cpvCodes``; one ``search`` per term) is paged
   with ``size`` ≤ 100 and ``page`` ≤ 99. When ``totalElements`` is more than a
   query can reach (10,000 rows), the date window is halved until it fits; a
   single day that still does not fit is paged as far as the API allows and the
   shortfall is recorded. The distinct publications listed are compared with
   ``totalElements``, the largest its pages gave (a notice published while the window is
   paged pushes the rows down and is itself never listed; rows can repeat across pages; a window reaching today that comes
   short is listed once more, and today's alone is then only logged, its list still changes; today is the day the
   crawl started on, by the product's clock, ``TENDERARCHIVE_NOW`` when set: :meth:`today`);
   an envelope without ``totalPages`` is paged from
   ``totalElements`` and ``size``. Pages are asked one after another, until the window has
   listed its ``totalElements`` or a page lists nothing new (a ``totalPages`` that overstates
   costs one page, not 99). A query that answers "no publications" (or a first page of no rows while its
   envelope counts some) is asked once
   more before that is believed, and so is a later page that comes empty while its envelope
   says more pages follow (:meth:`empty_amid`). A page whose rows were mostly published outside the window is
   the API ignoring the date filter: recorded, and the window not paged further
   (:meth:`date_filter_ignored`).
   A past window of several days that comes short, or a window reaching today still short when listed
   once more, is listed again in halves, down to single days (:meth:`split_short`); a past day short of the
   same total as a crawl before recorded is only logged (:meth:`short_as_before`); a past day that comes short after
   its ``totalElements`` fell between its pages (a notice withdrawn from its list shifts the rows after it up) is
   listed once more too. A query the API refuses
   (400) is asked again value by value when it repeats one parameter (:meth:`first_page_failed`).
3. Publications are de-duplicated on ``publicatieId`` across queries and pages;
   each gets one detail request (CPV, NUTS, the current deadline and the notice
   type ``aankondigingCode`` live only there) and one ``/documenten`` request. A detail that redirects to
   another publication's (merged or renumbered) archives that one under its own id (:meth:`merged_into`).

Incremental by default (``TENDERNED_INCREMENTAL``): without ``from_date`` the window
starts at the last complete crawl's ``until_date`` minus ``TENDERNED_OVERLAP_DAYS``, or at the
``from_date`` of a crawl since then that did not complete, if earlier, or at the first day the profile's complete
crawls listed when one of its queries (a word added to the profile) has not listed from that day
(:meth:`TenderNedSpider.reach_back_for_new_queries`);
publications already archived get no detail request, except (a) all publications of
a procedure that has a new one in this crawl (a rectification changes the original
notice's detail, never its list row) and (b) open procedures (not one ended early), re-checked until
their deadline (or, for a detail that gives none, the day its countdown ends: ``open_until``; for a placeholder
deadline, the day its contract ends, at most ``TENDERNED_OPEN_ENDED_DAYS`` after publication:
:meth:`open_ended_until`) plus
``TENDERNED_RECHECK_MARGIN_DAYS`` (one whose detail answers 404 or 410, or 200 with an error object saying so:
:meth:`answered_gone`, is kept as archived, recorded by the first crawl that meets it and only logged by the next ones), and (c) notices whose last detail
record omitted values the archive kept (not values it sent unreadable, "onbekend": the same would come), and (d) notices whose ``/documenten`` failed when
they were archived (``documents_unread``), and (e) listed notices whose list row gives another
``publicatiestatus`` than archived (:meth:`status_changed`; a re-check of this crawl takes the row instead), another
``kenmerk`` (:meth:`kenmerk_changed`), another notice type (:meth:`type_listed`), another publication day
(:meth:`published_listed`: its ``publicatieDatum`` corrected), or that say the procedure ended
early while the archive has it running, or running while the archive has it ended early (reinstated:
:meth:`listed_ended_early`), and (f) notices whose detail, asked again for any of these reasons, failed in a crawl
since the last complete one and that no crawl had answered since (``queries.failed_rechecks``: the procedure's new
publication that asked it does not ask again). A
day with nothing new costs only list
requests, and one ``/gerelateerd`` per youth-care procedure still without an award
notice, until ``TENDERNED_RESULTS_HORIZON_DAYS`` after its last deadline (an award
notice can come months later under other CPV codes or words), and one per notice whose related
notice's detail failed in a crawl since the last complete one (recorded "related to N")
or whose own ``/gerelateerd`` failed, or that a crawl cut short since (killed, stopped) archived: its ``/gerelateerd``,
asked after everything else, may never have been answered. What the archive has reaches the spider through the ``CrawlState``
extension (:meth:`use_archive_state`); the spider never opens the archive.

Award data (docs/awards.md): every result notice (``formType`` "result", or a contract modification's or completion's,
"cont-modif", "completion", or ``aankondigingCode`` AGO/REC/AAW, or for a detail with neither the list row's
``typePublicatie``, or
for a notice found through ``/gerelateerd`` its row's ``formType``)
and every contract notice (``formType`` "competition" or
``aankondigingCode`` AAO: its lots and estimated values) gets one ``/html`` request, kept in the WARC store like
every response and never repeated once its parse is archived (unless a detail fetched since gives the
notice another ``aankondigingCode`` or ``formType`` than the archive has); every notice whose detail
this crawl fetches gets one ``/gerelateerd`` request (and a result notice whose ``/html`` fails, is unreadable
or names no winner one ``/pdf`` request: its PDF is the fallback; a 200 that is no rendering or no PDF, such as a
login page, is one that failed), and the related notices not
archived yet are fetched whatever their CPV codes, words or date (their ``related_to``
says which notice led to them), as is the latest rectification a detail names
(``publicatieIDLaatsteRectificatie``) when ``/gerelateerd`` did not list it. So an incremental run asks ``/gerelateerd`` again only
for procedures with something new or still open (re-checked notices). An archived result
notice whose ``/html`` was never read (archived before award data, or a broken answer) is
re-checked once, like a sparse one.

Settings: ``TENDERNED_API_URL``, ``TENDERNED_PROFILE``, ``TENDERNED_PAGE_SIZE``,
``TENDERNED_MAX_PAGE``, ``TENDERNED_FILTER_CHECK_MIN``.
"""

from __future__ import annotations

import json
import re
from collections import namedtuple
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import scrapy

from pipelines.normalise import (FIELD_COLUMNS, LIST_FALLBACK, PUBLISHED, document_problems, drifted_fields,
                                 drifted_row_fields, listed_as, publication_status,
                                 unreadable_flags)
from spiders.base import BaseSpider, Request, failure_message
from tenderarchive import arguments
from tenderarchive.arguments import SpiderArgumentError
from tenderarchive.awards.html import detect_layout, parse_html, unwrap
from tenderarchive.items import NoticeItem
from tenderarchive.middlewares import NOT_JSON, SAID_BY_ERROR_OBJECT, read_json, said_gone, utf8_body
from tenderarchive.profiles import ProfileError, load_profile, profile_file_of
from tenderarchive.store.queries import NULL_DOCUMENTS, RESULT_CODES, RESULT_FORMS, ran_on
from tenderarchive.store.writes import omitted_sparse, omitted_unreadable
from tenderarchive.values import (clean_field, code_label, code_text, flag, kenmerk_number, local_date, parse_timestamp,
                                  readable_timestamp, unreadable_dates)


#: The meta of every request for JSON: a 200 whose body is no JSON is retried like a 5xx
#: (tenderarchive.middlewares.RetryAfterMiddleware). /html's: JSON or an HTML page (a bare rendering is
#: read too; docs/reference/tenderned-api.md §6), so a body that is neither (truncated, empty). Not /pdf.
JSON = {"expects_json": True}
JSON_OR_HTML = {"expects_json": "or html"}
#: A list request's (``/publicaties``: a query's page, the window's count, a control): JSON that is no page envelope
#: (a Spring error object sent with 200: ``{"timestamp", "status": 500, "error", "path"}``) is retried like a 5xx
#: too (tenderarchive.middlewares.no_page); past its retries it is recorded (:meth:`TenderNedSpider.count`) under the
#: page's address, which the next run asks again (its window reaches back; ``queries.failed_list_pages``).
PAGE = {"expects_json": "page"}
#: The URLs whose answers are list pages (:data:`PAGE`): a reparse's direct replay tells by them a stored answer the
#: crawl asked again (tenderarchive/replay/direct.py ``replayable``).
PAGE_URLS = r"/publicaties\?"

#: The ``Accept`` of a ``/pdf`` request: the endpoint produces ``application/pdf`` (docs/reference/tenderned-api.md §1,
#: §6), and the spider's default (``application/json``, every other endpoint's) asked it for JSON: a server that
#: negotiates, as a Spring endpoint declaring what it produces does, answers 406 Not Acceptable, and the PDF fallback
#: of every award notice failed. Anything else is admitted at a low quality (an error answer's JSON, a mislabelled PDF).
PDF_ACCEPT = {"Accept": "application/pdf, */*;q=0.1"}
#: A ``/pdf`` request's: an error object sent with 200 in place of the PDF and saying a retried status (503, 500) is
#: retried like that status (tenderarchive.middlewares.retry_reason); a PDF, or anything else that is no JSON (a login
#: page), goes to :meth:`TenderNedSpider.parse_pdf`, which records what is no PDF.
PDF = {"expects_json": "pdf"}

#: A list row's dates that only stand in for the detail's (pipelines/normalise.py ``normalise_notice``): one that does
#: not read costs nothing when the detail gives it. The row's ``sluitingsDatum`` is archived too (``deadline_list``).
ROW_STANDS_IN = ("publicatieDatum", "sluitingsDatumMarktconsultatie")

#: What a list page's handling needs of its response: its url and these meta fields (kept in a
#: control request's meta, which must pickle for ``--jobdir``).
LIST_META = ("query", "params", "window", "page", "top", "baseline", "relist", "confirming")
Listed = namedtuple("Listed", "url meta")


#: What :func:`publication_key` keeps: ASCII digits, at most 18. Compiled once: ``re.fullmatch`` with the
#: pattern's text looked it up in ``re``'s cache at every call (issue 14: five calls a notice).
_PUBLICATION_ID = re.compile(r"[0-9]{1,18}")


def publication_key(raw) -> str | None:
    """A ``publicatieId`` as the crawl keys it: its ASCII digits, from a string (list rows) or a number
    (details, ``/gerelateerd``: docs/reference/tenderned-api.md §3, §6), at most 18 (it is archived as a
    64-bit integer); None for anything else. A related notice's id was taken when ``str.isdigit`` said
    so, which "²", "٤٠٠" and a 30-digit number pass: each was asked for (a URL no notice has) and
    recorded as a failed related notice by every crawl. Leading zeros are dropped: "0300377" is notice
    300377 (archived as that integer), not another notice the incremental skip does not know."""
    if type(raw) is str and raw.isdigit() and raw.isascii() and len(raw) <= 18:
        return raw.lstrip("0") or None  # the list's digits, as below without the pattern (issue 14)
    if isinstance(raw, float) and raw.is_integer():  # a whole number written as a float (values.to_int)
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        return None
    text = str(raw).strip()
    return (text.lstrip("0") or None) if _PUBLICATION_ID.fullmatch(text) else None


def code_of(value) -> str | None:
    """A coded field's code, from a ``{code, omschrijving}`` object or a bare code, as the archive reads it
    (``values.code_label``, pipelines/normalise.py). The notice type and the form type come in either shape: the list's
    ``typePublicatie`` is an object and the detail's a string, the list's ``publicatiecode`` an object and the detail's
    ``publicatieCode`` a string, and the detail gives its other codes as ``*Code`` objects (docs/reference/tenderned-api.md
    §3, §4, §7.3; §13: types change between endpoints). The spider read ``aankondigingCode`` and ``typePublicatie``
    only as objects and ``formType`` only as a string, while the archive read both shapes: an award notice whose code
    came bare (``"AGO"``) was archived as one with its ``/html`` (its winners) never asked, and a ``formType`` sent as
    an object (``{"code": "result", …}``) dropped the notice, by every crawl. None for no code or one of no readable
    shape.

    The code as ``code_label`` reads it, without cleaning the object's label (``omschrijving``), which it
    would clean only to be thrown away here (issue 14: markup, entities and Unicode composition of a label,
    2.1 → 0.6 µs a call, four calls a notice); the label still decides what it decided there: one of
    no readable shape (what ``values.text_value`` refuses: a list, an object, a yes/no) is no code.
    ``tests/spiders/test_tenderned_code_of.py`` compares it with ``code_label``'s reading."""
    try:
        if isinstance(value, dict):
            label = value.get("omschrijving")
            if label is not None and (isinstance(label, bool) or not isinstance(label, (str, int, float))):
                return None
            code = code_text(value.get("code"))
        else:
            code = code_text(value)
    except ValueError:
        return None
    return code.strip() if code and code.strip() else None


def listed_day(row) -> date | None:
    """A list row's ``publicatieDatum`` (a date, Amsterdam's: docs/reference/tenderned-api.md §3) as a date, or None
    when the row has none that reads."""
    try:
        day = local_date(parse_timestamp(row.get("publicatieDatum"))) if isinstance(row, dict) else None
        return date.fromisoformat(day) if day else None
    except (TypeError, ValueError, OverflowError):
        return None


def html_page(response) -> str | None:
    """What an answer that is an HTML page instead of JSON says, for the crawl's errors: a maintenance
    or error page sent with status 200 (a proxy's, a load balancer's) was recorded as "malformed JSON
    (35 bytes): Expecting value: line 1 column 1", which names neither the page nor what it said.
    None for a body that is no HTML page (truncated or garbled JSON)."""
    body = response.body or b""
    if not body.lstrip()[:1] == b"<":
        return None
    page = scrapy.Selector(text=body[:65536].decode("utf-8", "replace"), type="html")
    said = " ".join(" ".join(page.xpath("//title//text()").getall()).split()) or " ".join(
        " ".join(page.xpath("//body//text()[not(ancestor::script or ancestor::style)]").getall()).split())
    kind = response.headers.get("Content-Type", b"").decode("latin-1").split(";")[0].strip() or "no Content-Type"
    return f"an HTML page, not JSON (HTTP {response.status}, {kind}, {len(body)} bytes): {said[:120]!r}"


class TenderNedSpider(BaseSpider):
    name = "tenderned"
    # Every API request asks for JSON (the API's default can differ per endpoint).
    custom_settings = {"DEFAULT_REQUEST_HEADERS": {"Accept": "application/json", "Accept-Language": "nl"}}

    own_arguments = ("profile", "profile_file")
    #: Its API requests carry :data:`JSON` (a 200 that is no JSON is retried): a reparse replays a crawl
    #: that retried one through the engine (tenderarchive/replay/direct.py ``replayable``).
    expects_json = True
    #: ... and those of its list requests a page envelope (:data:`PAGE`), by their URLs.
    page_urls = PAGE_URLS

    def __init__(self, *args, profile=None, profile_file=None, **kwargs):
        self.explicit_from_date = kwargs.get("from_date") is not None
        super().__init__(*args, **kwargs)
        self.profile_name = profile
        self.replayed_profile_file = profile_file  # a replay's: the file the recorded crawl named (profile_file_of)
        self.seen: set[str] = set()  # publicatieIds already requested in this crawl
        self.known: dict[str, dict] = {}
        self.known_by_kenmerk: dict[str, list[str]] = {}
        self.known_results: set[str] = set()  # notices whose /html is archived (from the CrawlState extension)
        self.results_missing: set[str] = set()  # archived result notices whose /html is not
        self.html_retry: set[str] = set()  # archived notices whose /html failed (recorded) since last read
        self.html_given_up: set[str] = set()  # ... TENDERNED_HTML_ATTEMPTS times: a failure of it only logged
        self.related_checked: set[str] = set()  # notices whose /gerelateerd this crawl asked
        self.rechecked_kenmerken: set = set()
        self.awaiting_results: dict[str, dict] = {}  # kenmerk -> newest notice, latest date (no result notice yet)
        self.related_failed: set[str] = set()  # notices whose related notice failed since the last complete crawl
        self.failed_details: set[str] = set()  # notices not archived whose own detail failed since then
        self.failed_rechecks: set[str] = set()  # archived notices whose detail failed since then, not archived again
        self.failed_lists: list[str] = []  # list pages whose request failed since then (queries.failed_list_pages)
        self.resuming = False  # run in a --jobdir whose duplicate filter remembers a crawl before (retry_failed)
        self.interrupted: set[str] = set()  # notices archived by a crawl cut short since (killed, stopped)
        self.unavailable: set[str] = set()  # archived notices whose detail answered 404/410 in a recorded crawl
        self.unavailable_lists: set[str] = set()  # ... whose /gerelateerd answered so
        self.unavailable_documents: set[str] = set()  # ... whose /documenten answered so
        self.null_documents: set[str] = set()  # ... whose /documenten answered {"documenten": null} in a recorded crawl
        self.document_problems: dict[str, set[str]] = {}  # archived notices' documents recorded unreadable before
        self.unavailable_related: set[str] = set()  # notices not archived (related or listed) whose detail answered so
        self.window_rows: dict[str, set[str]] = {}  # per query window: the distinct publicatieIds listed
        self.window_listed: dict[str, int] = {}  # ... and how many rows its pages listed (repeats too)
        self.window_unreadable: dict[str, int] = {}  # ... and how many of its rows had no id that reads (not listed)
        self.split_windows: dict[str, list[str]] = {}  # a window short over its pages -> the halves listed instead
        self.window_start: dict[str, date] = {}
        self.window_end: dict[str, date] = {}
        self.archived: dict[str, dict] = {}  # publicatieId -> the archived notice (CrawlState's known_notices)
        self.status_rows: dict[str, dict] = {}  # archived notices listed with another publicatiestatus: their row
        self.rowless: dict[str, NoticeItem] = {}  # archived notices re-checked (no list row) past their /documenten
        # notices the incremental skip does not know (all, in a crawl that is not incremental) asked in this crawl with
        # no list row (through /gerelateerd, a rectification a detail names): a list row of theirs after it is taken
        self.fetched_rowless: set[str] = set()
        self.short_before: dict[str, tuple[int, int]] = {}  # single days short in a recorded crawl (shortfalls)
        self.totals_fell: set[str] = set()  # query windows whose totalElements fell between their pages
        self.pages_out: dict[str, int] = {}  # per query window: its list pages asked and not yet answered
        self.soft_404: set[str] = set()  # addresses answered 200 with an error object saying 404/410 (answered_gone)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        try:
            spider.profile = load_profile(spider.profile_name or settings.get("TENDERNED_PROFILE"))
        except ProfileError as exc:
            raise SpiderArgumentError("profile", str(exc)) from None
        # a profile file of the user's is recorded whole in the crawl's WARC file (middlewares.RawStoreMiddleware),
        # as a news crawl's source registry is: a reparse replays the crawl with it (its name alone, in the crawl's
        # arguments, is no profile the package has)
        spider.profile_document = None if spider.profile.shipped else spider.profile.document()
        spider.api_url = settings.get("TENDERNED_API_URL").rstrip("/")
        spider.page_size = arguments.number_setting(settings, "TENDERNED_PAGE_SIZE")
        spider.max_page = arguments.number_setting(settings, "TENDERNED_MAX_PAGE")
        spider.filter_check_min = arguments.number_setting(settings, "TENDERNED_FILTER_CHECK_MIN")
        if not 1 <= spider.page_size <= 100:  # a bad setting, named as one (exit 2 before any request)
            raise SpiderArgumentError("TENDERNED_PAGE_SIZE",
                                      f"{spider.page_size}: page size must be 1..100 (the API's cap)",
                                      arguments.SETTING)
        if not 0 <= spider.max_page <= 99:
            raise SpiderArgumentError("TENDERNED_MAX_PAGE",
                                      f"{spider.max_page}: max page must be 0..99 (the API's cap)", arguments.SETTING)
        jobdir = settings.get("JOBDIR")
        seen = Path(jobdir, "requests.seen") if jobdir else None
        spider.resuming = bool(seen and seen.is_file() and seen.stat().st_size)
        spider.incremental = arguments.bool_setting(settings, "TENDERNED_INCREMENTAL")
        spider.overlap_days = arguments.number_setting(settings, "TENDERNED_OVERLAP_DAYS")
        # open (a deadline plus the margin not past), awaiting its results: as of the window's last day, or of today
        # when the window reaches past it (an --until-date ahead: a crawl lists nothing published after it ran, and
        # judged by that day a notice closing in the weeks before it was taken for closed, never re-checked)
        as_of = min(spider.arguments.until_date, spider.today())
        spider.recheck_until = as_of - timedelta(
            days=arguments.number_setting(settings, "TENDERNED_RECHECK_MARGIN_DAYS"))
        spider.open_ended_days = arguments.number_setting(settings, "TENDERNED_OPEN_ENDED_DAYS")
        horizon = arguments.number_setting(settings, "TENDERNED_RESULTS_HORIZON_DAYS")
        spider.results_since = as_of - timedelta(days=horizon) if horizon > 0 else None
        spider.html_attempts = arguments.number_setting(settings, "TENDERNED_HTML_ATTEMPTS")
        return spider

    def use_archive_state(self, state: dict) -> None:
        """Continue from the last complete crawl; know what the archive already has.

        Called by the ``CrawlState`` extension before the crawl starts."""
        self.known_results = set(state.get("known_results") or ())
        self.results_missing = set(state.get("results_missing") or ())
        # an /html that failed (recorded) in the crawls since its rendering was last read: asked again, at most
        # TENDERNED_HTML_ATTEMPTS times (a rendering that never reads does not leave every crawl partial for ever);
        # then given up: not asked again for it, and a failure of it (an award notice's unread rendering is asked by
        # its every re-check) only logged
        for publication_id, attempts in sorted((state.get("html_failed") or {}).items()):
            if attempts < self.html_attempts:
                self.html_retry.add(publication_id)
            else:
                self.html_given_up.add(publication_id)
                self.logger.info("publication %s: /html failed in %d crawls; given up (not asked again for it, a "
                                 "failure of it only logged)", publication_id, attempts)
                self.crawler.stats.inc_value("tenderned/html_given_up")
        self.awaiting_results = dict(state.get("awaiting_results") or {})
        self.related_failed = set(state.get("related_failed") or ())
        self.failed_details = set(state.get("failed_details") or ())
        self.failed_rechecks = set(state.get("failed_rechecks") or ())
        self.failed_lists = list(state.get("failed_list_pages") or ())
        self.interrupted = set(state.get("interrupted_notices") or ())
        self.unavailable = set(state.get("unavailable_notices") or ())
        self.unavailable_lists = set(state.get("unavailable_related_lists") or ())
        self.unavailable_documents = set(state.get("unavailable_documents") or ())
        self.null_documents = set(state.get("null_documents") or ())
        self.document_problems = {key: set(problems) for key, problems in (state.get("document_problems") or {}).items()}
        self.unavailable_related = set(state.get("unavailable_related") or ())
        # single days a query came short on in a recorded crawl of this profile: (fetched, expected) by window key
        self.short_before = dict((state.get("short_days") or {}).get(self.profile.name) or {})
        # every crawl, incremental or not: a detail that now gives another notice type has its /html read again
        # (the archive's notices as the state gives them, not a copy: a million-notice archive's are large)
        self.archived = state.get("known_notices") or {}
        if not self.incremental:
            return
        self.known = state["known_notices"]
        for publication_id, notice in sorted(self.known.items()):
            self.known_by_kenmerk.setdefault(str(notice["kenmerk"]), []).append(publication_id)
        if self.explicit_from_date:
            return
        starts = []
        last = state["last_complete_crawl"]
        if last:
            previous = json.loads(last["arguments"] or "{}")
            if previous.get("profile") == self.profile.name and previous.get("until_date"):
                until = date.fromisoformat(previous["until_date"])
                # a crawl lists nothing published after it ran: an until_date in the future (a
                # `--until-date` ahead of today) ends at the day it ran as (its recorded today, the product's clock's;
                # an older crawl's: the Amsterdam day of its started)
                ran = ran_on(previous, last.get("started"))
                starts.append(min(until, ran or until) - timedelta(days=self.overlap_days))
        # The windows of the crawls since (partial, failed, killed: a backfill whose details failed,
        # a first crawl that never completed) have not been listed completely: the window reaches
        # back to their start too. Without a complete crawl it was the default window, and what
        # those crawls missed was never asked for again.
        unfinished = []
        for previous in state.get("unfinished_crawls") or ():
            try:
                if previous.get("profile") == self.profile.name and previous.get("from_date"):
                    unfinished.append(date.fromisoformat(str(previous["from_date"])))
            except ValueError:
                continue
        if unfinished and (not starts or min(unfinished) < starts[0]):
            starts.append(min(unfinished))
            self.logger.info("incremental: crawls since the last complete one began at %s; listing from there",
                             min(unfinished))
        if starts:
            first = self.reach_back_for_new_queries(state.get("complete_crawls") or ())
            if first is not None and first < min(starts):
                starts.append(first)
            self.arguments = replace(self.arguments, from_date=min(min(starts), self.arguments.until_date))
            self.logger.info("incremental: continuing from crawl %s, window %s..%s",
                             last["crawl_id"] if last else "-", self.arguments.from_date, self.arguments.until_date)

    def reach_back_for_new_queries(self, complete: list[dict]) -> date | None:
        """The first day the archive's complete crawls of this profile listed, when one of the profile's queries
        (a word or CPV code the user added to it: :meth:`Profile.query_keys`) has not listed back to it; else None.

        An incremental window is the days since the last crawl: a query added to the profile listed only those, and
        what it finds in the years the archive holds was never asked for, silently. Each crawl records its queries
        (``crawls.arguments.queries``); a query no complete crawl from the profile's first day ran lists from that
        day, the whole crawl with it (its window's count checks each query for an ignored filter; the notices
        archived cost list rows only, no detail). A crawl recorded before its queries were counts as having run the
        profile's present queries (unknown: not every archive's years listed again on an upgrade)."""
        begun: dict[str, date] = {}  # a query (or None: every one) -> the first day a complete crawl listed it from
        for arguments in complete:
            try:
                if arguments.get("profile") != self.profile.name or not arguments.get("from_date"):
                    continue
                start = date.fromisoformat(str(arguments["from_date"]))
            except (AttributeError, ValueError):
                continue
            recorded = arguments.get("queries")
            keys = [None] if not isinstance(recorded, list) or "all" in recorded else [str(k) for k in recorded]
            for key in keys:
                begun[key] = min(begun.get(key, start), start)
        if not begun:
            return None
        first = min(begun.values())
        new = [key for key in self.profile.query_keys()
               if min(begun.get(key, date.max), begun.get(None, date.max)) > first]
        if not new:
            return None
        self.logger.warning("incremental: profile %s has queries no crawl listed back to %s (%s): the window "
                            "reaches back to that day", self.profile.name, first, ", ".join(new))
        return first

    def is_open(self, notice: dict, until: date | None = None) -> bool:
        """Still open: the latest of its deadline, its consultation deadline (``sluitingsDatumMarktconsultatie``,
        docs/reference/tenderned-api.md §3, §4) and the day its detail's countdown ends when the detail gave no deadline
        (``open_until``: the archived one is then the list's original, which a rectification moved, or none), plus the
        margin, is not past. The consultation deadline counted only without a deadline: a notice with both (the list's
        original closing date, passed, and a consultation that runs on) was taken as closed and never re-checked.

        Not a notice whose procedure ended early (``is_cancelled``: the detail's ``isVroegtijdigBeeindigd``, §4, else
        the list row's ``isVroegtijdigeBeeindiging``, §3), as for a placeholder deadline (:meth:`open_ended_until`):
        TenderNed keeps the closing date it announced, and such a notice was re-checked (its detail, ``/documenten``,
        ``/gerelateerd``) by every crawl until then for a procedure that is over. A new publication of its procedure
        still fetches it again (:meth:`recheck_procedure`), as does a list row that now gives it another status or type
        (:meth:`status_changed`, :meth:`type_listed`). Not ``afgerondeAanbesteding`` (``is_completed``): the reference
        gives that flag no meaning for a notice still open (a market consultation's may be set), so it stops nothing
        here.

        Except one whose early end its detail alone gave (:meth:`end_listed`: fetched with no list row, a row
        without ``isVroegtijdigeBeeindiging``, or a row saying it runs, ``false``, while its detail said it ended): no
        list row will say that TenderNed reinstated it (the row's flag back to false, :meth:`listed_ended_early`; a
        row that said false all along says nothing new, :meth:`listed_before`), so it is re-checked while open (its
        deadline plus the margin) as any notice is and its detail, the authority (reference §4), decides; not
        re-checked, it stayed ended early, its procedure ``mislukt``, for ever.

        ``until``: the day the latest date must reach (this crawl's ``recheck_until`` when None)."""
        if notice.get("is_cancelled") == 1 and self.end_listed(notice):
            return False
        dates = (notice.get("deadline"), notice.get("consultation_deadline"), notice.get("open_until"),
                 self.open_ended_until(notice))
        days = [date.fromisoformat(value[:10]) for value in dates if value]
        return bool(days) and max(days) >= (until or self.recheck_until)

    @staticmethod
    def end_listed(notice: dict) -> bool:
        """The archived notice was last fetched with a list row saying its procedure ended early
        (``isVroegtijdigeBeeindiging: true``, reference §3: ``notices.listed_as``), so its row agrees with its detail
        and tells of a reinstatement (:meth:`listed_ended_early`). False for a notice fetched with no row (found
        through ``/gerelateerd`` or the re-check of its procedure), with a row without the flag (§13: fields go
        missing), or with a row saying it runs (``false``) where its detail said it ended: that row, the same each
        crawl, is no news (:meth:`listed_before`), so only its detail can tell of a reinstatement."""
        try:
            listed = json.loads(notice.get("listed_as") or "{}")
        except (TypeError, ValueError):
            return False
        return isinstance(listed, dict) and listed.get("ended_early") == 1

    def open_ended_until(self, notice: dict) -> str | None:
        """The day an open-ended notice is re-checked until: one whose closing date is a placeholder (a year ≥ 2090, "no
        real deadline": docs/reference/tenderned-api.md §4, §12.4; ``deadline_placeholder``), as an open house
        or a dynamic purchasing system for jeugdhulp announces a procedure that admits providers for years, is
        open until its contract ends (``end_date``, the detail's ``voltooiingOpdrachtDatum``), at most
        ``TENDERNED_OPEN_ENDED_DAYS`` after its publication (an end date that is a placeholder too bounds
        nothing). Archived with no deadline, it was taken as closed the crawl after it was listed and never
        re-checked: its documents added later (a new admission round, a nota van inlichtingen), its detail's
        changes and its end (``isVroegtijdigBeeindigd``, ``afgerondeAanbesteding``) never reached the archive.
        Only a contract notice (``AAO``, form type ``competition``: a market consultation's or a result notice's
        placeholder announces no open procedure), not one ended early or completed.
        None otherwise."""
        contract_notice = notice.get("form_type") == "competition" or notice.get("notice_type") == "AAO"
        if notice.get("deadline_placeholder") != 1 or notice.get("deadline") or self.open_ended_days <= 0 \
                or not contract_notice or notice.get("is_cancelled") == 1 or notice.get("is_completed") == 1:
            return None
        try:
            published = date.fromisoformat(str(notice.get("published") or "")[:10])
        except ValueError:
            return None
        # at most the days after publication: a contract end that is a placeholder too (2099) is no bound
        bound = (published + timedelta(days=self.open_ended_days)).isoformat()
        return min(bound, str(notice["end_date"])[:10]) if notice.get("end_date") else bound

    @staticmethod
    def sparse(notice: dict) -> bool:
        """The notice's last detail omitted values the archive keeps, other than those only its list
        row gives when the detail has none (a re-check has no list row): the detail often has no
        closing date (docs/reference/tenderned-api.md §13), so a notice re-checked once (an award
        notice re-checks its procedure's contract notice) was fetched again by every crawl, for ever."""
        # a column the detail sent unreadable ("isGegund": "onbekend") is no sparse answer: asked again, the same
        # came, and the notice was fetched by every crawl, for ever (pipelines/normalise.py unreadable_columns)
        return bool(omitted_sparse(notice.get("omitted_columns")) - LIST_FALLBACK)

    async def recheck_open(self):
        open_kenmerken = set()
        for publication_id, notice in sorted(self.known.items()):
            if self.is_open(notice):
                open_kenmerken.add(str(notice["kenmerk"]))
                self.crawler.stats.inc_value("tenderned/rechecked_open")
                yield self.detail_request(publication_id, None, "recheck:open")
            elif self.sparse(notice):
                self.crawler.stats.inc_value("tenderned/rechecked_sparse")
                yield self.detail_request(publication_id, None, "recheck:sparse")
            elif notice.get("documents_unread"):
                # its /documenten failed when it was archived: the notice is fetched again with it
                self.crawler.stats.inc_value("tenderned/rechecked_documents")
                yield self.detail_request(publication_id, None, "recheck:documents")
            elif publication_id in self.results_missing:
                # an archived result notice whose /html was never read (an older crawl, a broken answer)
                self.crawler.stats.inc_value("tenderned/rechecked_results")
                yield self.detail_request(publication_id, None, "recheck:results")
            elif publication_id in self.failed_rechecks:
                # its detail, asked again since it was archived (its procedure's new publication, a changed list row,
                # open), failed: asked once more (queries.failed_rechecks). What asked it does not ask again (the new
                # publication is archived now), and the window listed again asks no archived notice
                # (let through the duplicate filter of a crawl resumed from --jobdir, which remembers it: retry_failed)
                self.crawler.stats.inc_value("tenderned/rechecked_failed")
                yield self.detail_request(publication_id, None, "recheck:failed").replace(dont_filter=self.resuming)
            elif publication_id in self.html_retry:
                # its /html failed in a crawl since the last complete one (a contract notice's lots and
                # estimates, an award notice's rendering that replaced a contract notice's): asked again
                self.crawler.stats.inc_value("tenderned/rechecked_html")
                yield self.detail_request(publication_id, None, "recheck:html")
        # A youth-care procedure past its re-check with no award notice yet: its award can come
        # months later under other CPV codes or words (docs/reference/tenderned-awards.md §5), so
        # its /gerelateerd is asked once per crawl until TENDERNED_RESULTS_HORIZON_DAYS after its
        # last deadline or publication.
        for request in self.retry_failed():
            yield request
        if self.profile.all or self.sample:
            return
        # notices whose related notice's detail, or whose /gerelateerd, failed since the last complete
        # crawl: their /gerelateerd again
        for publication_id in sorted(self.related_failed - self.related_checked):
            self.related_checked.add(publication_id)
            self.crawler.stats.inc_value("tenderned/related_retried")
            yield self.related(publication_id).replace(dont_filter=self.resuming)
        # notices archived by a crawl cut short since (killed, stopped by a signal): their /gerelateerd, asked
        # after everything else, may never have been answered, and no error says so
        for publication_id in sorted(self.interrupted - self.related_checked):
            self.related_checked.add(publication_id)
            self.crawler.stats.inc_value("tenderned/related_interrupted")
            yield self.related(publication_id)
        if self.results_since is None:
            return
        for kenmerk, awaiting in sorted(self.awaiting_results.items()):
            last = str(awaiting.get("last") or "")[:10]
            if kenmerk in open_kenmerken or not last or last < self.results_since.isoformat():
                continue
            publication_id = str(awaiting["publication_id"])
            if publication_id in self.related_checked:
                continue
            self.related_checked.add(publication_id)
            self.crawler.stats.inc_value("tenderned/awaiting_results")
            yield self.related(publication_id)

    def retry_failed(self):
        """A crawl resumed from ``--jobdir`` (Scrapy keeps the duplicate filter there: ``resuming``) asks again the
        details that failed since the last complete crawl (``queries.failed_details``), not through its list pages:
        those are in the queue it resumes or were read by the crawl before, and every request that crawl made is
        filtered as a duplicate. A detail that failed before the interrupt (a 500 past its retries) was never asked
        again: the resumed crawl completed, its window (the same) covered the interrupted crawl's, and no later run
        listed it again. The ``/gerelateerd`` asked again for a related notice that failed (``related_failed``) is
        let through the filter the same way. Without ``--jobdir`` the window is listed again instead, and the list
        row comes with the notice.

        The list pages that failed (``queries.failed_list_pages``: a query's page 0 or a later one, a 500 past its
        retries) are asked again the same way: the resumed crawl asked none of them, and the notices only they
        listed were never fetched (a backfill whose list requests all failed before the interrupt asked nothing
        at all when resumed)."""
        if not self.resuming:
            return
        for publication_id in sorted(self.failed_details - self.seen - set(self.known)):
            self.crawler.stats.inc_value("tenderned/failed_retried")
            yield self.detail_request(publication_id, None, "retry:failed").replace(dont_filter=True)
        for url in self.failed_lists:
            request = self.list_request_for(url)
            if request is not None:
                self.crawler.stats.inc_value("tenderned/failed_lists_retried")
                yield request

    def list_request_for(self, url: str) -> Request | None:
        """The list page ``url`` (recorded as failed) as :meth:`page_request` makes it: its query by its
        parameters (one of this profile's queries; the window's count and the control, with values that match
        nothing, are none), its window and page; ``None`` for another API, profile or shape."""
        head, _, query = url.partition("?")
        if head != f"{self.api_url}/publicaties":
            return None
        pairs = parse_qsl(query, keep_blank_values=True)
        fixed = {key: value for key, value in pairs
                 if key in ("page", "size", "publicatieDatumVanaf", "publicatieDatumTot")}
        rest = [(key, value) for key, value in pairs if key not in fixed]
        try:
            page = int(fixed["page"])
            start = date.fromisoformat(fixed["publicatieDatumVanaf"])
            end = date.fromisoformat(fixed["publicatieDatumTot"])
        except (KeyError, ValueError):
            return None
        for name, params in self.profile.queries():
            if sorted(params) == sorted(rest):
                request = self.page_request(name, params, start, end, page, top=page == 0)
                return request.replace(url=url, dont_filter=True)
        return None

    def crawl_arguments(self) -> dict:
        # its queries too: a query added to the profile later reaches back to the years the others listed
        # (reach_back_for_new_queries)
        return {**super().crawl_arguments(), "profile": self.profile.name, "queries": self.profile.query_keys(),
                **profile_file_of(self.profile, self.replayed_profile_file)}

    # --- where an error is recorded ------------------------------------------------------
    @staticmethod
    def asked(request_or_response) -> str:
        """The API address a request was made for, or a response answers: the first of its redirect chain. An
        error after a redirect (to a maintenance page, another host) was recorded under the target's address, and
        the next run reads the recorded addresses to know what to ask again (``queries.related_failed``: a notice's
        ``/publicaties/{id}``, its ``/gerelateerd``; ``queries._error_key``): a related notice whose detail was
        redirected and failed was never asked again."""
        return (request_or_response.meta.get("redirect_urls") or [request_or_response.url])[0]

    def failed_url(self, request) -> str:
        return self.asked(request)

    def errback(self, failure, note: str = ""):
        """:meth:`BaseSpider.errback`, recorded under the address asked; one redirected says where it went."""
        request = getattr(failure, "request", None)
        if request is not None and request.meta.get("redirect_urls"):
            note = f" (redirected to {request.url}){note}"  # before the note: "(related to N)" stays the end
        super().errback(failure, note=note)

    # --- URLs ----------------------------------------------------------------------
    def list_url(self, params: list[tuple[str, str]], start: date, end: date, page: int, size: int) -> str:
        query = [
            ("page", str(page)),
            ("size", str(size)),
            ("publicatieDatumVanaf", start.isoformat()),
            ("publicatieDatumTot", end.isoformat()),
            *params,
        ]
        return f"{self.api_url}/publicaties?{urlencode(query)}"

    def detail_url(self, publication_id: str) -> str:
        return f"{self.api_url}/publicaties/{publication_id}"

    # --- crawl -----------------------------------------------------------------------
    async def start(self):
        start, end = self.arguments.from_date, self.arguments.until_date
        async for request in self.recheck_open():
            yield request
        if self.profile.all:
            for request in self.query_requests(None):
                yield request
            return
        yield Request(
            self.list_url([], start, end, 0, 1),
            callback=self.parse_baseline,
            errback=self.baseline_failed,
            priority=10,
            meta=PAGE,
        )

    def parse_baseline(self, response):
        page = self.load_json(response)
        baseline = self.count(response, page, "totalElements") if page is not None else None
        if baseline is None:  # recorded (load_json, count)
            yield from self.without_baseline()
            return
        self.logger.info("window %s..%s holds %d publications in all",
                         self.arguments.from_date, self.arguments.until_date, baseline)
        yield from self.query_requests(baseline)

    def baseline_failed(self, failure):
        self.errback(failure)
        yield from self.without_baseline()

    def without_baseline(self):
        """The profile's queries when the window's unfiltered count failed (recorded): each query of at
        least ``TENDERNED_FILTER_CHECK_MIN`` rows is checked against its own total (the control, with values
        that match nothing, matches as many again when the API ignores the filter). The count failing (an
        error page sent with 200, a 500 past its retries) ended the crawl there: nothing listed."""
        self.logger.warning("the window's count failed: each query is checked for an ignored filter by its "
                            "own total")
        yield from self.query_requests(None)

    def query_requests(self, baseline: int | None):
        start, end = self.arguments.from_date, self.arguments.until_date
        for name, params in self.profile.queries():
            yield self.page_request(name, params, start, end, 0, top=True, baseline=baseline)

    def page_request(self, name, params, start, end, page, top=False, baseline=None, pages=None, relist=False):
        """A list page; ``pages``: how many the page before said the query has (for pages after 0);
        ``relist``: of the second listing of a window that came short (:meth:`list_page`)."""
        size = self.page_size if not self.sample else min(self.page_size, max(self.sample, 1))
        key = f"{name} {start}..{end}"
        self.pages_out[key] = self.pages_out.get(key, 0) + 1  # answered: :meth:`page_answered`
        return Request(
            self.list_url(params, start, end, page, size),
            callback=self.parse_list,
            errback=self.list_failed if page else self.first_page_failed,
            dont_filter=relist,
            meta={"query": name, "params": params, "window": (start, end), "page": page,
                  "top": top, "baseline": baseline, "pages": pages, "relist": relist, "paged": key, **PAGE},
        )

    def page_answered(self, meta, failure=None) -> None:
        """A list page of :meth:`page_request` answered (or failed for good): its window's listing goes on only by
        what its callback asks next (:meth:`listing_cut_short`). Not a page a replay skips, which the recorded crawl
        never got (it stopped first): the replay of a stopped crawl recorded the shortfall the crawl did not."""
        key = meta.get("paged")
        if failure is not None and self.never_fetched(failure):
            return
        if key in self.pages_out:
            self.pages_out[key] -= 1

    def listing_cut_short(self, key: str) -> bool:
        """Whether the window's listing was still going on when the crawl stopped: a page of it, or of the halves it
        was split into to be listed again (:meth:`split_short`), asked and never answered."""
        return self.pages_out.get(key, 0) > 0 or any(self.listing_cut_short(half)
                                                     for half in self.split_windows.get(key, ()))

    def first_page_failed(self, failure):
        """Page 0 of a query that failed is recorded (the query lists nothing in its window; the next run's window
        reaches back to it). A 400 is the API refusing the query itself (a value it does not take: a CPV code not on
        its list, a comma list, docs/reference/tenderned-api.md §2), which asking again will not change: the error
        names the query and its window. A query of several values of one parameter (the profile's repeated
        ``cpvCodes``) is asked again value by value, so the refused value costs only its own publications: one code
        refused left the profile's whole CPV query unlisted, every crawl, its notices found only by its words."""
        response = getattr(failure.value, "response", None)
        meta = failure.request.meta
        self.page_answered(meta, failure)
        params, (start, end) = meta["params"], meta["window"]
        if response is None or response.status != 400 or meta.get("relist"):
            self.errback(failure)
            return
        if len(params) > 1 and len({key for key, _value in params}) == 1:
            self.logger.warning("%s: query %r refused (HTTP 400): asking its %d %s values one by one",
                                failure.request.url, meta["query"], len(params), params[0][0])
            self.crawler.stats.inc_value("tenderned/query_split_refused")
            for key, value in params:
                yield self.page_request(f"{meta['query']}[{value}]", [(key, value)], start, end, 0,
                                        top=meta.get("top"), baseline=meta.get("baseline"))
            return
        self.errback(failure, note=f" (query {meta['query']!r} refused by the API: none of its publications on "
                                   f"{start}..{end} listed; check the profile's values)")

    def list_failed(self, failure):
        """A list page after the first that failed is recorded (its rows are a shortfall), and the
        query goes on with the page after it: pages are asked one after another, so one failed page
        cost the rest of the query. Except a 400: the API refused the request itself, and page 0 of the same query
        was answered, so what it refuses is the page number (page > 99 answers 400: docs/reference/tenderned-api.md
        §2); a cap lower than ``TENDERNED_MAX_PAGE`` refuses every page after it too, which were asked and recorded,
        one request and one error each, up to 98 per query and window. The query ends there (its shortfall is
        recorded with the window's)."""
        self.page_answered(failure.request.meta, failure)
        response = getattr(failure.value, "response", None)
        if response is not None and response.status == 400:
            self.errback(failure, note=f" (page {failure.request.meta.get('page')} refused: the API's page cap? its "
                                       "later pages are not asked; TENDERNED_MAX_PAGE sets the last page asked)")
            return
        self.errback(failure)
        yield from self.past_page(failure.request.meta)

    def past_page(self, meta):
        """The page after a list page that failed or was no page, when the page before it said there
        are more."""
        page, pages = meta.get("page") or 0, meta.get("pages") or 0
        if page and page + 1 < pages and page + 1 <= self.max_page:
            yield self.page_request(meta["query"], meta["params"], *meta["window"], page + 1, pages=pages,
                                    relist=bool(meta.get("relist")))

    def parse_list(self, response):
        meta = response.meta
        self.page_answered(meta)
        page_data = self.load_json(response)
        if page_data is None:
            yield from self.past_page(meta)
            return
        params, (start, end), page = meta["params"], meta["window"], meta["page"]
        total = self.count(response, page_data, "totalElements")
        rows = page_data.get("content") or []
        if total is None:
            yield from self.past_page(meta)
            return
        if not isinstance(rows, list):
            self.record_error(self.asked(response), f"list page: 'content' is {type(rows).__name__}, not a list")
            yield from self.past_page(meta)
            return
        if page == 0 and (total == 0 or not rows) and not meta.get("confirming"):
            # "nothing", or a first page of no rows while its envelope counts some (``content: []`` with a
            # ``totalElements``: the same glitch, a replica behind, a cache; an empty later page is asked again too,
            # :meth:`empty_amid`): believed at once, a past day's was a shortfall recorded, its notices not fetched
            said = "" if total == 0 else f" (an empty first page of {total} rows)"
            yield self.confirm_empty(response, f"query {meta['query']!r} on {start}..{end}{said}")
            return
        listed = Listed(response.url, {k: meta.get(k) for k in LIST_META})
        if page == 0 and meta["top"] and params:
            # without the window's count (it failed: :meth:`without_baseline`), the query's own total: the
            # control alone tells an ignored filter (it matches as many again) from one that works
            baseline = meta["baseline"] if meta["baseline"] is not None else total
            if self.whole_window(total, baseline) and baseline >= self.filter_check_min:
                # Every publication matches, or the API ignored the filter: the same query with
                # values that match nothing tells which (a filter it honours then finds none).
                yield Request(
                    self.list_url(self.control_params(params), start, end, 0, 1), callback=self.parse_control,
                    errback=self.control_failed, dont_filter=True, priority=10,
                    meta={"listed": listed, "list_data": page_data, "baseline": baseline, **PAGE})
                return
        yield from self.list_page(listed, page_data)

    def confirm_empty(self, response, what: str) -> Request:
        """The same list request once more, for an answer of "nothing": an empty answer is believed
        only when it comes twice (pge-outages' rule: docs/reference/peers.md §0.3, §2). A glitch, a
        cache or a replica behind that answered a well-formed empty page was taken for an empty
        window: the crawl ended complete, the incremental window moved past those days, and their
        notices were never fetched. Asked after what is already queued (a lower priority)."""
        self.logger.info("%s: %s answered no publications; asking once more before believing it",
                         response.url, what)
        self.crawler.stats.inc_value("tenderned/empty_confirmations")
        request = response.request
        return request.replace(dont_filter=True, priority=request.priority - 1,
                               meta={**{k: response.meta[k] for k in LIST_META if k in response.meta},
                                     "confirming": True, **PAGE})

    @staticmethod
    def control_params(params: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The query's filters with values the window's publications do not have: a real CPV
        division far from care (03000000-1, agricultural products: a made-up code may be refused
        or, all zeros, match everything hierarchically), a word in no text, a code in no list."""
        nothing = {"cpvCodes": "03000000-1", "search": "qxzqxzqxz"}
        return [(key, nothing.get(key, "QXZ")) for key, _ in params]

    @staticmethod
    def whole_window(total: int, baseline: int) -> bool:
        """A filtered query's ``total`` that is the window's unfiltered ``baseline``, give or take the
        publications published or withdrawn between the two requests (``max(2, 2%)``): the window's list
        changes while it is read (docs/reference/tenderned-api.md §12). Compared for equality, one notice
        published between them made an ignored filter look honoured, and the whole window was paged."""
        return total >= baseline - max(2, baseline // 50)

    @staticmethod
    def skipped(listed: Listed) -> str:
        """What a control that failed cost, for the crawl's errors: the control's URL alone (values that match
        nothing) did not say which query went unpaged."""
        return (f" (the check of query {listed.meta['query']!r} for an ignored filter; the query is not paged "
                "this run, the next run asks again)")

    def control_failed(self, failure):
        """A control that failed (past its retries) is recorded with the query it checked: not knowing whether
        the API ignored the filter, the query is not paged (it could be the whole window); the crawl is partial
        and the next run, whose window reaches back to this one's, lists it again."""
        self.errback(failure, note=self.skipped(failure.request.meta["listed"]))

    def parse_control(self, response):
        """The control of a query whose total equalled the unfiltered total: if it matches as
        many, the API ignored the filter (recorded, not paged: it would be the whole dataset);
        otherwise every publication of the window really matches, and the query goes on."""
        listed = response.meta["listed"]
        control = self.load_json(response, note=self.skipped(listed))
        if control is None:
            return
        total = self.count(response, control, "totalElements", note=self.skipped(listed))
        if total is None:
            return
        if total and self.whole_window(total, response.meta["baseline"]):  # a filter that works finds none
            self.record_error(listed.url, (
                f"query {listed.meta['query']!r}: filter ignored by the API (totalElements "
                f"{response.meta['list_data'].get('totalElements')} is the unfiltered total "
                f"{response.meta['baseline']}, also for values that match nothing: {total}); not paged"))
            return
        self.crawler.stats.inc_value("tenderned/filter_checked")
        yield from self.list_page(listed, response.meta["list_data"])

    def list_page(self, listed: Listed, page_data: dict):
        """Page 0 of a query: split the window or page it; any page: count and select its rows.
        ``listed`` is the list response's url and meta (what count, select and the errors read of it)."""
        meta = listed.meta
        name, params, (start, end), page = meta["query"], meta["params"], meta["window"], meta["page"]
        key = f"{name} {start}..{end}"
        total = self.count(listed, page_data, "totalElements")
        rows = page_data.get("content") or []
        in_window = self.date_filter_ignored(listed, rows)
        if in_window is not None:
            for row in in_window:
                yield from self.select(row, name, listed)
            return
        if page == 0:
            reachable = (self.max_page + 1) * (self.count(listed, page_data, "size", quiet=True) or self.page_size)
            if total > reachable and not self.sample:
                if start < end:
                    middle = start + timedelta(days=(end - start).days // 2)
                    self.logger.info("%s: %d rows exceed the %d a query can reach; splitting the window",
                                     key, total, reachable)
                    yield self.page_request(name, params, start, middle, 0)
                    yield self.page_request(name, params, middle + timedelta(days=1), end, 0)
                    return
                self.record_error(listed.url, (
                    f"query {name!r} on {start}: {total} rows exceed the {reachable} the API lets one "
                    f"query reach; only {reachable} fetched"))
            self.expect(key, total if not self.sample else len(rows))
            self.window_start[key], self.window_end[key] = start, end
        elif key in self.window_end and not self.sample and total > self.accounting[key]["expected"]:
            # The list grew while it was read: a notice published into the window (an older day too: an
            # imported or back-dated notice) shifts the rows after it down a page, and one before the page
            # being read is never listed. Held to page 0's total, the window listed as many as that said and
            # ended complete; the notice was never fetched (the next run's window need not reach its day).
            # Held to the larger total, the window comes short: listed once more if it reaches today, else
            # recorded, and the next run lists it again.
            self.logger.info("%s: totalElements rose from %d to %d while the window was paged",
                             key, self.accounting[key]["expected"], total)
            self.expect(key, total)
        elif key in self.window_end and not self.sample and total < self.accounting[key]["expected"]:
            # The list shrank while it was read: a notice withdrawn from the window's list (its day corrected, its
            # status changed) shifts every row after it up a place, so the row at the next page boundary is never
            # listed and no row repeats. Page 0's total is kept (the rows it counted may still be missed); the
            # window is listed once more when it comes short (``totals_fell``).
            self.logger.info("%s: totalElements fell from %d to %d while the window was paged",
                             key, self.accounting[key]["expected"], total)
            self.totals_fell.add(key)

        # Rows can repeat across pages (docs/reference/tenderned-api.md §12): a window's count is of
        # distinct publications, so a repeated row cannot hide one that never came. By the notice
        # (publication_key, as :meth:`select` fetches it): "0300377" repeating 300377 is no other publication.
        # A row whose id does not read (an object, no id; reference §13) is not listed: its notice is never fetched,
        # so the window comes short of its totalElements (relisted, split to its day, recorded: the next run lists
        # it again), as for a row its pages never showed. Counted as listed, the window ended complete and the
        # notice was lost to every incremental run after it (:meth:`select` logs the row).
        distinct = self.window_rows.setdefault(key, set())
        before = len(distinct)
        ids = [publication_id for row in rows
               if (publication_id := publication_key(row.get("publicatieId") if isinstance(row, dict) else None))]
        distinct.update(ids)
        self.window_listed[key] = self.window_listed.get(key, 0) + len(ids)  # rows listed, repeats too
        if len(rows) > len(ids):
            self.window_unreadable[key] = self.window_unreadable.get(key, 0) + len(rows) - len(ids)
        self.fetched(key, len(distinct) - before)
        for row in rows:
            yield from self.select(row, name, listed)
        # the second listing goes through every page: most of its rows were listed by the first. A page of rows whose
        # ids do not read may hold new ones: it ended the listing, the later pages' notices never fetched
        more = len(distinct) > before or bool(meta.get("relist") and rows) or len(ids) < len(rows)
        if not rows and page and not self.sample and not meta.get("confirming") \
                and self.empty_amid(listed, page_data, key):
            yield self.confirm_empty_page(listed, key)
            return
        pages = self.next_page_wanted(listed, page_data, key, more) if not self.sample else 0
        if pages:
            yield self.page_request(name, params, start, end, page + 1, pages=pages, relist=bool(meta.get("relist")))
        elif not self.sample and key in self.window_end:
            if meta.get("relist"):
                # Still short when listed once more (a window reaching today, or a past day): a window of several
                # days is listed again in halves, down to single days, to tell which day comes short (today's alone
                # is excused; a past day short as a crawl before found it is recorded once: :meth:`short_as_before`).
                # Recorded whole, the next run's window held that day and came short again, every run partial.
                if start < end:
                    yield from self.split_short(listed, key)
            elif end >= self.today():
                # A window reaching today that came short: its list changed while it was read. A notice
                # withdrawn from the newest-first list during paging shifts every later row up a place, so
                # the row at the next page boundary is never listed: anywhere in the window (a backfill
                # from January loses a March notice), and the next incremental run lists only its last
                # days. The window is listed once more, every page, for the rows the first listing missed.
                yield from self.relist_short(listed, key, "the list changed while it was read")
            elif start < end:
                # a past window of several days that came short (rows repeated across pages, a total that
                # overstates, a page that failed): its halves, down to single days (:meth:`split_short`)
                yield from self.split_short(listed, key)
            elif page and self.repeated(key):
                # A past day paged over several pages (a working day has up to 105 publications, §2) that came
                # short: the list has no stable order within a day (§12: rows repeat across pages), so another
                # listing shows rows this one did not. Recorded at once, the next run listed it the same way.
                yield from self.relist_short(listed, key, "rows repeat across pages")
            elif page and key in self.totals_fell:
                # A past day whose list shrank while it was paged (its totalElements fell between pages): the row
                # shifted past a page boundary is listed by the day listed again. Recorded at once, the crawl was
                # partial and that notice, still listed on its day, was not archived until the next run.
                yield from self.relist_short(listed, key, "its totalElements fell while it was read")

    def empty_amid(self, listed: Listed, page_data: dict, key: str) -> bool:
        """Whether a later page that came empty (``content: []``) is one in the middle of its query: its envelope
        says more pages follow (``last`` not true and ``number + 1 < totalPages``, docs/reference/tenderned-api.md §3:
        "Stop paging on ``last == true``, or when ``number + 1 >= totalPages``") and the window has not listed its
        ``totalElements``. An empty page ended the query (:meth:`next_page_wanted`): one glitch (a replica behind, a
        cache) left that page's rows and every later page's unasked, the day a shortfall and the crawl partial."""
        if page_data.get("last") is True or listed.meta["page"] + 1 >= self.envelope_pages(listed, page_data):
            return False
        counts = self.accounting.get(key, {})
        if key in self.window_end:
            return counts.get("fetched", 0) < counts.get("expected", 0)
        return len(self.window_rows.get(key, ())) < (self.count(listed, page_data, "totalElements", quiet=True) or 0)

    def confirm_empty_page(self, listed: Listed, key: str) -> Request:
        """The empty page in the middle of a query (:meth:`empty_amid`) asked once more before it is believed, as an
        empty page 0 is (:meth:`confirm_empty`); empty again, it ends the query as before (a ``totalPages`` that
        overstates costs one request more, not a page per page it claims), the shortfall recorded."""
        meta = listed.meta
        self.logger.info("%s: page %d came empty amid the %s list (its envelope says more pages follow); asking "
                         "it once more before believing it", listed.url, meta["page"], key)
        self.crawler.stats.inc_value("tenderned/empty_page_confirmations")
        request = self.page_request(meta["query"], meta["params"], *meta["window"], meta["page"],
                                    relist=bool(meta.get("relist")))
        return request.replace(dont_filter=True, meta={**request.meta, "confirming": True})

    def envelope_pages(self, listed: Listed, page_data: dict) -> int:
        """How many pages a list page's envelope says its query has: ``totalPages``, else ``totalElements`` over
        ``size`` (an envelope without it)."""
        if page_data.get("totalPages") is None:
            size = self.count(listed, page_data, "size", quiet=True) or self.page_size
            return -(-(self.count(listed, page_data, "totalElements", quiet=True) or 0) // size)
        return self.count(listed, page_data, "totalPages", quiet=listed.meta["page"] > 0) or 0

    def repeated(self, key: str) -> bool:
        """Whether the window's pages listed a row more than once: the list's order changed while it was paged (rows
        repeat across pages, docs/reference/tenderned-api.md §12), so others were never shown and another listing
        may show them. A shortfall without repeats (a ``totalElements`` that overstates, a page that failed) is
        recorded as it is: listing again would show the same."""
        return self.window_listed.get(key, 0) > len(self.window_rows.get(key, ()))

    def relist_short(self, listed: Listed, key: str, why: str):
        """The window listed once more, every page, when it came short of its ``totalElements``: the distinct rows of
        both listings count (a shortfall left after the second is recorded, except today's alone)."""
        counts = self.accounting.get(key, {})
        if counts.get("fetched", 0) >= counts.get("expected", 0):
            return
        self.logger.info("%s: listed %d of %d publications; %s: listing the window once more",
                         key, counts.get("fetched", 0), counts["expected"], why)
        self.crawler.stats.inc_value("tenderned/windows_relisted")
        meta = listed.meta
        yield self.page_request(meta["query"], meta["params"], *meta["window"], 0, relist=True)

    def split_short(self, listed: Listed, key: str):
        """A past window of several days that came short of its ``totalElements`` (its pages repeating rows:
        :meth:`repeated`; a total that overstates; a page that failed), or a window reaching today still short when
        listed once more: listed again in two halves (each split again if it comes short so), within this crawl, so a
        shortfall is brought down to the day it is of (today's alone is excused; a past day short as a crawl before
        found it is recorded once, :meth:`short_as_before`: recorded whole, the window's shortfall held the next
        run's window back to it, every run partial).
        Rows repeat across pages
        (docs/reference/tenderned-api.md §12): the list has no stable order within a day, so paging a window of many
        days repeats rows and never shows others ("Geen server-side sortering → backfill per datumvenster, niet per
        cursor"; split backfills into date windows, one day at a time). Recorded and left so, the next run listed the
        same window the same way: short again, every run partial, its window never moving on. The halves account for
        the window (their own shortfalls are recorded); a single day that stays short is recorded. A window reaching
        today is listed once more whole first (:meth:`list_page`)."""
        counts = self.accounting.get(key, {})
        if counts.get("fetched", 0) >= counts.get("expected", 0):
            return
        meta = listed.meta
        start, end = meta["window"]
        middle = start + timedelta(days=(end - start).days // 2)
        self.logger.info("%s: listed %d of %d publications over %d pages%s: listing it again "
                         "in two windows, %s..%s and %s..%s", key, counts.get("fetched", 0), counts["expected"],
                         meta["page"] + 1, " (rows repeat across pages)" if self.repeated(key) else "",
                         start, middle, middle + timedelta(days=1), end)
        self.crawler.stats.inc_value("tenderned/windows_split_short")
        # its rows are its halves' once both are listed (:meth:`shortfalls`); a half not answered (failed, or not in
        # the WARC store of a crawl replayed that did not split) leaves the window's own shortfall recorded
        self.split_windows[key] = [f"{meta['query']} {start}..{middle}",
                                   f"{meta['query']} {middle + timedelta(days=1)}..{end}"]
        yield self.page_request(meta["query"], meta["params"], start, middle, 0)
        yield self.page_request(meta["query"], meta["params"], middle + timedelta(days=1), end, 0)

    def date_filter_ignored(self, listed: Listed, rows: list) -> list | None:
        """Whether the API ignored the window's date filter (``publicatieDatumVanaf``/``Tot``): most of the page's
        dated rows were published outside the window (a day's margin either side, for a clock read in another
        zone). Unknown parameters are silently ignored (docs/reference/tenderned-api.md §2, §12.5: "check every
        filter"), and TenderNed may rename its parameters without notice (§1): the window's own filter was never
        checked, so a list answering every publication whatever the window was paged as the window's, each
        publication of the whole dataset fetched (the ``all`` profile's window split down to single days of
        10,000 rows each), and the crawl ended complete for days it never listed. Recorded, naming the query, the
        window and the days listed; the query's window is not paged further (the rows in the window on this page
        are fetched), so the crawl is partial and the next run lists the window again. None when the filter
        held, else the page's rows published in the window."""
        meta = listed.meta
        start, end = meta["window"]
        days = [day for day in map(listed_day, rows) if day is not None]
        outside = [day for day in days if not start - timedelta(days=1) <= day <= end + timedelta(days=1)]
        if not outside or len(outside) * 2 <= len(days):
            return None
        self.crawler.stats.inc_value("tenderned/date_filter_ignored")
        self.record_error(listed.url, (
            f"query {meta['query']!r} on {start}..{end}: {len(outside)} of the {len(days)} rows of page "
            f"{meta['page']} were published outside the window ({min(outside)}..{max(outside)}): the API ignored "
            "the date filter? The window is not paged further; listed again next run"))
        return [row for row in rows if (day := listed_day(row)) is not None and start <= day <= end]

    def next_page_wanted(self, listed: Listed, page_data: dict, key: str, new_rows: bool) -> int:
        """Pages are asked one after another: the next while the envelope says there are more
        (``totalPages``; without it, ``totalElements`` over ``size``) within the API's page cap,
        this page brought publications not listed before, and the window has not yet listed
        its ``totalElements``. Asked all at once from page 0's ``totalPages``, a list whose
        ``totalPages`` overstated its pages (99 for one page of rows) cost 98 empty pages per
        query and window; an empty page, or one repeating rows already listed, ends the query
        (a shortfall, if any, is recorded as for any window). A page whose envelope says ``last: true``
        ends the query too ("Stop paging on ``last == true``", docs/reference/tenderned-api.md §3): paged
        from a ``totalElements`` that overstated (101 for 100 rows), an empty page was asked after it. The
        number of pages when the next is wanted, else 0."""
        page = listed.meta["page"]
        if page + 1 > self.max_page or not new_rows:
            return 0
        if page_data.get("last") is True:  # the page says it is the last (reference §3), whatever the counts say
            return 0
        total_pages = self.envelope_pages(listed, page_data)  # without totalPages: pages from the total
        if listed.meta.get("relist"):  # the second listing: every page (its first listed what it could)
            return total_pages if page + 1 < total_pages else 0
        if key in self.window_end:  # its page 0 was read by this process
            counts = self.accounting.get(key, {})
            fetched, expected = counts.get("fetched", 0), counts.get("expected", 0)
        else:  # a crawl resumed from --jobdir: this page's own total, and what this process listed
            fetched = len(self.window_rows.get(key, ()))
            expected = self.count(listed, page_data, "totalElements", quiet=True) or 0
        return total_pages if page + 1 < total_pages and fetched < expected else 0

    def shortfalls(self, reason: str = "finished") -> list[dict]:
        """Windows that listed fewer distinct publications than their ``totalElements``, except
        today's alone, whose list still changes while it is read (logged only; the next incremental
        run lists it again: its window starts ``TENDERNED_OVERLAP_DAYS`` before this one's end).
        "A day that comes back short of totalElements is an error, except for today"
        (docs/reference/tenderned-api.md §12): a longer window reaching today that is still short
        after it was listed once more (:meth:`list_page`) is recorded, so the next run lists it again;
        the rows it missed may be of any of its days, which the next run's window need not reach.

        A crawl stopped before it ended (``reason``: a SIGTERM or Ctrl-C's ``shutdown``, a ``CLOSESPIDER_*`` bound, the
        memory limit) leaves windows it was still paging (:meth:`listing_cut_short`): their rows not listed are no
        shortfall of the API's, and are only logged. Recorded, a first ``all`` crawl stopped after hours said
        "shortfall: all 2021-04-11..2021-07-19: fetched 1300 of 10000 rows" as its first error, blaming the API for
        pages it never asked; and a single day's count so recorded, (30, 100), excused that day coming short for real
        in a later crawl (:meth:`short_as_before`: the same total, no fewer rows), which then ended complete. The
        crawl is partial by its close reason and the next run lists those windows again."""
        today = self.today()  # TenderNed's calendar (Europe/Amsterdam), not the machine's; a replay's: its crawl's
        out = []
        for shortfall in super().shortfalls(reason):
            if reason != "finished" and self.listing_cut_short(shortfall["key"]):
                self.logger.info("%s: listed %d of %d publications when the crawl stopped (%s): the next run lists "
                                 "it again", shortfall["key"], shortfall["fetched"], shortfall["expected"], reason)
                self.crawler.stats.inc_value("tenderned/windows_cut_short")
                continue
            halves = self.split_windows.get(shortfall["key"])
            if halves and all(half in self.window_end for half in halves):
                continue  # listed again in halves, which account for it (split_short)
            end = self.window_end.get(shortfall["key"])
            if end is not None and self.window_start.get(shortfall["key"], end) >= today:
                self.logger.info("%s: listed %d of %d publications; today's list still changes: not an error",
                                 shortfall["key"], shortfall["fetched"], shortfall["expected"])
                continue
            if self.short_as_before(shortfall):
                continue
            out.append(shortfall)
        return out

    def short_as_before(self, shortfall: dict) -> bool:
        """A single past day (the windows are split and listed again down to days: :meth:`split_short`) that comes
        short of the same ``totalElements`` as a recorded crawl found it, listing no fewer rows than then: the API
        counts a publication its pages never list (a notice withdrawn from the list and still counted; rows that
        repeat across pages, §12, listed twice already). Recorded by the first crawl that meets it; listed again, the
        day said the same, and it left every later crawl partial, for ever, each incremental window reaching back to
        that day (:func:`~tenderarchive.store.queries.unfinished_crawls`). Only logged now, as a withdrawn notice's
        404 is (:meth:`detail_unavailable`). A day whose total changed, or that lists fewer rows, is recorded again.

        So is a day whose pages showed a row whose ``publicatieId`` does not read (:meth:`select`): that notice is
        listed, not withdrawn, and was not fetched. Excused, the crawl ended complete, the next run's window moved on
        past the day, and the notice, once its id read, was never fetched."""
        key = shortfall["key"]
        start, end = self.window_start.get(key), self.window_end.get(key)
        before = self.short_before.get(key)
        if start is None or start != end or before is None or self.window_unreadable.get(key):
            return False
        fetched, expected = before
        if shortfall["expected"] != expected or shortfall["fetched"] < fetched:
            return False
        self.logger.info("%s: listed %d of %d publications, as a crawl before found it (its pages list no more than "
                         "that): recorded then, not an error again", key, shortfall["fetched"], shortfall["expected"])
        self.crawler.stats.inc_value("tenderned/short_day_as_before")
        return True

    def select(self, row: dict, query: str, response):
        raw_id = row.get("publicatieId") if isinstance(row, dict) else None
        publication_id = publication_key(raw_id)
        if publication_id is None:
            # not listed (:meth:`list_page`): the window's shortfall is recorded for it, and the next run lists it again
            self.crawler.stats.inc_value("tenderned/unreadable_ids")
            self.logger.warning("%s: query %r: a list row without a publicatieId that reads (%s); its notice is "
                                "not fetched, its window comes short (listed again by the next run)",
                                self.asked(response), query, f"{type(raw_id).__name__} {raw_id!r:.80}")
            return
        if publication_id not in self.seen and self.sample and len(self.seen) >= self.sample:
            return
        if publication_id in self.known and publication_id not in self.status_rows \
                and (self.status_changed(publication_id, row) or self.kenmerk_changed(publication_id, row)
                     or self.listed_ended_early(publication_id, row) or self.type_listed(publication_id, row)
                     or self.published_listed(publication_id, row)):
            self.status_rows[publication_id] = row
            if publication_id in self.seen:  # re-checked before the list listed it (an open notice)
                yield from self.listed_again(publication_id)
                return
        elif publication_id in self.seen:
            if publication_id in self.fetched_rowless and publication_id not in self.status_rows:
                yield from self.listed_after(publication_id, row)
            return
        self.note_drift(self.asked(response), publication_id, drifted_row_fields(row), "list row")
        self.seen.add(publication_id)
        if publication_id in self.known and publication_id not in self.status_rows:
            self.crawler.stats.inc_value("tenderned/known_skipped")
            return
        yield self.detail_request(publication_id, row, query)
        yield from self.recheck_procedure(row.get("kenmerk"))

    def fetched_again(self, stat: str, message: str, *args) -> bool:
        """An archived notice whose list row says something new (:meth:`status_changed`, :meth:`kenmerk_changed`,
        :meth:`listed_ended_early`, :meth:`type_listed`): logged ("…: fetched again"), counted
        (``tenderned/<stat>``); True."""
        self.logger.info(message + ": fetched again", *args)
        self.crawler.stats.inc_value(f"tenderned/{stat}")
        return True

    def status_changed(self, publication_id: str, row: dict) -> bool:
        """The list row of an archived notice gives another ``publicatiestatus`` than the archive has (its one
        source: docs/reference/tenderned-api.md §3): fetched again, so the archive follows the list (a notice
        withdrawn while listed, a status back to ``PUB``). The incremental skip kept the first status for ever.
        A notice archived before the status was (none archived) is fetched again only for a status other than
        ``PUB``, so an archive of that age is not fetched whole again for what the list always said."""
        code, _label = publication_status(row)
        archived = self.known[publication_id].get("publication_status")
        if code is None or code == archived or (archived is None and code == PUBLISHED):
            return False
        return self.fetched_again("status_changed", "publication %s: listed with publicatiestatus %s, archived %s",
                                  publication_id, code, archived or "without one")

    def kenmerk_changed(self, publication_id: str, row: dict) -> bool:
        """The list row of an archived notice names another procedure (``kenmerk``, per procedure: reference §3)
        than the archive has: TenderNed renumbered it, or moved the publication to another procedure. Fetched again
        (with the row, as for a changed status), so the notice and its procurement follow; the incremental skip kept
        the first kenmerk for ever, the notice counted in a procedure that no longer has it. A row without a kenmerk
        that reads (the list schema may lack it: §3) is no change."""
        try:
            listed = kenmerk_number(row.get("kenmerk"))
        except (TypeError, ValueError):
            return False
        archived = self.known[publication_id].get("kenmerk")
        if listed is None or archived is None or str(listed) == str(archived) \
                or self.listed_before(publication_id, row, "kenmerk"):
            return False
        return self.fetched_again("kenmerk_changed", "publication %s: listed in procedure %s, archived in %s",
                                  publication_id, listed, archived)

    def listed_ended_early(self, publication_id: str, row: dict) -> bool:
        """The list row of an archived notice says otherwise than the archive whether its procedure ended early
        (``isVroegtijdigeBeeindiging``, reference §3; the detail's ``isVroegtijdigBeeindigd``, §4). Fetched again with
        the row (as for a changed status), so the archive follows the detail; the incremental skip kept the first
        state for ever when no other publication of the procedure came:

        - the row says it ended (``true``) and the archive has it running: TenderNed stopped the procedure after it was
          archived; archived as ended early, its procurement's fase follows (``mislukt``);
        - the row says it runs (``false``) and the archive has it ended early: TenderNed reinstated it (an early end
          withdrawn). An ended-early notice is no longer re-checked as open (:meth:`is_open`), so only its row could
          tell: it stayed ``mislukt``, its documents and deadline never followed. Archived as its detail now says (the
          earlier row kept in ``versions``), re-checked as open again if its deadline is ahead.

        A row without the flag says neither; a row that keeps disagreeing with its detail (its detail said it ended
        while the row said it ran, §13) is news once (:meth:`listed_before`), and an archive that keeps no flag
        (``is_cancelled`` not in its state) has nothing to compare."""
        archived = self.known[publication_id]
        listed = flag(row.get("isVroegtijdigeBeeindiging"))
        if "is_cancelled" not in archived or listed is None or listed == (1 if archived["is_cancelled"] == 1 else 0) \
                or self.listed_before(publication_id, row, "ended_early"):
            return False
        if listed == 0:
            return self.fetched_again("reinstated_listed", "publication %s: listed as running "
                                      "(isVroegtijdigeBeeindiging false), archived as ended early", publication_id)
        return self.fetched_again("cancelled_listed", "publication %s: listed as ended early "
                                  "(isVroegtijdigeBeeindiging), archived as running", publication_id)

    def listed_before(self, publication_id: str, row: dict, field: str) -> bool:
        """The archived notice was last fetched with a list row saying the same of ``field`` (``kenmerk``, ``type``,
        ``ended_early``, ``published``: :func:`~pipelines.normalise.listed_as`, ``notices.listed_as``): its detail,
        which the archive follows, said otherwise then. A row that keeps disagreeing with its detail (reference §13)
        is no news: it was fetched again by every crawl, for ever, for an answer that did not change. Logged, counted
        (``tenderned/disagreement_seen``)."""
        try:
            before = json.loads(self.known[publication_id].get("listed_as") or "{}")
        except ValueError:
            return False
        said = json.loads(listed_as(row) or "{}").get(field)
        if not isinstance(before, dict) or said is None or before.get(field) != said:
            return False
        self.logger.debug("publication %s: list row's %s (%s) disagrees with its detail as when it was archived: "
                          "not fetched again", publication_id, field, said)
        self.crawler.stats.inc_value("tenderned/disagreement_seen")
        return True

    def type_listed(self, publication_id: str, row: dict) -> bool:
        """The list row of an archived notice gives another notice type (``typePublicatie.code``, the detail's
        ``aankondigingCode``: reference §3, §4, §7.1) than the archive has: TenderNed corrected the publication's
        type under the same ``publicatieId`` (a contract notice now a cancellation, VBE, or an award notice). Fetched
        again with the row, so the notice, its /html (:meth:`changed_type`) and its procurement's fase follow; the
        incremental skip kept the first type for ever. A row or an archive without a type that reads is no change."""
        listed, archived = self._row_code(row), self.known[publication_id].get("notice_type")
        if not listed or not archived or listed.upper() == str(archived).upper() \
                or self.listed_before(publication_id, row, "type"):
            return False
        return self.fetched_again("type_listed", "publication %s: listed as notice type %s, archived as %s",
                                  publication_id, listed, archived)

    def published_listed(self, publication_id: str, row: dict) -> bool:
        """The list row of an archived notice gives another day (``publicatieDatum``, Amsterdam's: reference §3) than
        the archive has (``published``, the detail's timestamp's Amsterdam day, §4): TenderNed corrected the
        publication's date after it was archived, and the corrected day still falls in a window this crawl lists (an
        incremental window overlaps the nights before it). Fetched again with the row, so ``published`` (and the
        saved searches, timelines and the watch report that count notices by it) follow; the incremental skip kept
        the first date for ever. A row or an archive without a date that reads is no change; a row that keeps
        disagreeing with its detail is news once (:meth:`listed_before`)."""
        listed, archived = listed_day(row), self.known[publication_id].get("published")
        if listed is None or not archived or listed.isoformat() == str(archived)[:10] \
                or self.listed_before(publication_id, row, "published"):
            return False
        return self.fetched_again("published_listed", "publication %s: listed as published on %s, archived as %s",
                                  publication_id, listed, str(archived)[:10])

    def with_status_row(self, item: NoticeItem) -> NoticeItem:
        """The item of an archived notice fetched without its list row (a re-check) gets the row this crawl listed it
        with, when that row gives another ``publicatiestatus`` (:meth:`status_changed`): archived with it."""
        row = self.status_rows.get(item.publication_id) if item.list_record is None else None
        if row is not None:
            item.list_record = row
            self.check_status(item.source_url, item.publication_id, row)
        return item

    def listed_again(self, publication_id: str):
        """An archived notice whose re-check (no list row) is past its ``/documenten`` when the list gives its changed
        status: its item once more with the list row, no request (the detail and documents were just read; its
        /html and PDF bodies left out: their parse is archived by the item that went out). A re-check not that far
        yet takes the row itself (:meth:`with_status_row`). Kept by the spider's own callbacks, not by a signal
        after the pipelines, so a replay (``reparse``, also ``--jobs``) does as the crawl did."""
        done = self.rowless.pop(publication_id, None)
        if done is not None:
            self.crawler.stats.inc_value("tenderned/status_relisted")
            yield self.with_status_row(replace(
                done, list_record=None, record=None, html_body=None, html_url=None, html_fetched_at=None,
                html_sha256=None, pdf_body=None, pdf_url=None, pdf_fetched_at=None, pdf_sha256=None))

    def listed_after(self, publication_id: str, row: dict):
        """A notice this crawl asked with no list row (:attr:`fetched_rowless`: found through ``/gerelateerd``, as a
        procedure awaiting its results asks its newest notice's every crawl, reference §6, or named as a detail's
        latest rectification) that a list page lists after it: archived with that row too, as :meth:`listed_again`
        does for a re-check, so the columns only the row gives (``publication_status``, ``deadline_list``,
        ``consultation_deadline_list``, ``description_list``, ``listed_as``) follow it. Passed over as seen, a crawl
        that is not incremental (which fetches every listed notice with its row) left them as archived, and a new
        notice was archived without them for good (the incremental skip knows it since)."""
        self.status_rows[publication_id] = row
        self.crawler.stats.inc_value("tenderned/listed_after_rowless")
        yield from self.listed_again(publication_id)

    def recheck_procedure(self, kenmerk):
        """A new publication of a known procedure (a rectification, an award) can change the
        procedure's other notices: the list never shows that, so fetch their details again, once
        per procedure. From the list row's ``kenmerk`` when it has one, else from the new
        notice's detail (a list row need not carry it: docs/reference/tenderned-api.md §3)."""
        try:
            number = kenmerk_number(kenmerk)  # "TN243310" is procedure 243310, as archived
        except ValueError:
            return
        kenmerk = str(number) if number is not None else ""
        if not kenmerk or kenmerk in self.rechecked_kenmerken:
            return
        self.rechecked_kenmerken.add(kenmerk)
        for other in self.known_by_kenmerk.get(kenmerk, []):
            self.crawler.stats.inc_value("tenderned/rechecked_procedure")
            yield self.detail_request(other, None, f"recheck:TN{kenmerk}")

    def detail_request(self, publication_id: str, row: dict | None, query: str, related_to: str | None = None,
                       related_row: dict | None = None):
        self.seen.add(publication_id)
        if row is None and publication_id not in self.known:
            self.fetched_rowless.add(publication_id)  # a list row of it after this is taken (:meth:`listed_after`)
        return Request(
            self.detail_url(publication_id),
            callback=self.parse_detail,
            errback=self.detail_failed if related_to else self.detail_unavailable,
            meta={"publication_id": publication_id, "list_record": row, "related_to": related_to,
                  **({"related_record": related_row} if related_row else {}), **JSON},
        )

    def answered_gone(self, response):
        """The request's errback's outputs (a list) when its 2xx answer is an error object saying 404 or 410
        (:func:`~tenderarchive.middlewares.said_gone`), else None: the answer is read as that status, as Scrapy's
        ``HttpError`` hands a 404 sent as such to the errback. A detail (an archived notice re-checked, a related
        one), a ``/documenten``, ``/gerelateerd``, ``/html`` or ``/pdf`` that says so is then what TenderNed's 404 of it
        is: recorded once, the archived record kept (:meth:`detail_unavailable`, :meth:`documents_failed` …), where it
        was read as a broken record by every crawl and recorded each time. Recorded as ``request failed: HTTP 404
        (said by an error object sent with HTTP 200) …``, which the archive's queries read as the 404 it says
        (``store.queries.unavailable_notices``). Done in the spider, not a middleware, so that a reparse's direct
        replay (which calls the callbacks with the stored 200) reads it the same."""
        status = said_gone(response)
        request = getattr(response, "request", None)
        if status is None or request is None or request.errback is None:
            return None
        from scrapy.spidermiddlewares.httperror import HttpError
        from twisted.python.failure import Failure

        said = response.replace(status=status, flags=[*response.flags, SAID_BY_ERROR_OBJECT])
        failure = Failure(HttpError(said, f"HTTP {status} said by an error object sent with HTTP 200"))
        failure.request = request
        self.crawler.stats.inc_value("tenderned/gone_said_with_200")
        # ``crawls.soft_404`` (tenderarchive/extensions.py): its fetch says 200, so the watch report reads the address
        # as gone in this crawl by this (watch/report.py ``_gone_before``, ``_back``: published again after it)
        self.soft_404.add(response.url)
        return list(request.errback(failure) or ())

    def detail_unavailable(self, failure):
        """A detail that failed is recorded, except the 404 or 410 of an archived notice whose detail
        answered so in a crawl before (recorded then): a notice withdrawn from TenderNed while open is
        still asked for until its deadline plus the re-check margin, in case it comes back, and its
        archived record is kept, but it no longer leaves every one of those crawls partial. Likewise a
        notice not archived that the list still lists (withdrawn between list and detail; the list's index
        lags) whose detail answered so before: recorded by every run, every crawl was partial and each
        incremental window reached back to the first such crawl's start, never moving on."""
        response = getattr(failure.value, "response", None)
        publication_id = failure.request.meta["publication_id"]
        # archived: the incremental skip's ``known``, or, in a crawl that is not incremental (``known`` empty: every
        # detail fetched again), the archive's notices (``archived``). Judged by ``known`` alone, such a crawl took an
        # archived notice gone for one it never had, and recorded its 404 in every full crawl, each partial for ever.
        archived = publication_id in self.known or publication_id in self.archived
        if (response is not None and response.status in (404, 410) and not archived
                and publication_id in self.unavailable_related):
            self.logger.info("%s: publication %s (listed) still unavailable (HTTP %d); not archived",
                             failure.request.url, publication_id, response.status)
            self.crawler.stats.inc_value("tenderned/listed_still_unavailable")
            return
        if response is not None and response.status in (404, 410) and archived:
            if publication_id in self.unavailable:
                self.logger.info("%s: publication %s still unavailable (HTTP %d); its archived notice is kept",
                                 failure.request.url, publication_id, response.status)
                self.crawler.stats.inc_value("tenderned/still_unavailable")
                return
            self.errback(failure, note="; no longer published? its archived notice is kept")
            return
        self.errback(failure)

    def detail_failed(self, failure):
        """A related notice's detail that failed is recorded with the notice that led to it
        (``related to N``): the next run asks that notice's /gerelateerd again
        (:func:`tenderarchive.store.queries.related_failed`). No list lists it, and once its
        procedure has an award notice archived nothing else asks: it was never fetched. A 404 or 410 of
        one whose detail answered so in a crawl before (recorded then: a withdrawn notice the list still
        names) is only logged: every later crawl asked again and ended failed or partial, for ever. So is
        that of an archived one recorded so before (``unavailable``): a crawl fetching every detail again
        (not incremental) asks the archived rectification a detail names, or the archived notices a
        ``/gerelateerd`` lists, as related notices; withdrawn, each such crawl was partial. Its record is kept."""
        response = getattr(failure.value, "response", None)
        publication_id, origin = failure.request.meta["publication_id"], failure.request.meta["related_to"]
        if response is not None and response.status in (404, 410) and (
                publication_id in self.unavailable_related or publication_id in self.unavailable):
            self.logger.info("%s: publication %s (related to %s) still unavailable (HTTP %d)",
                             failure.request.url, publication_id, origin, response.status)
            self.crawler.stats.inc_value("tenderned/related_still_unavailable")
            return
        self.errback(failure, note=f" (related to {origin})")

    def parse_detail(self, response):
        if (gone := self.answered_gone(response)) is not None:
            yield from gone
            return
        # a related notice's answer that is no record (cut short, an HTML page) is recorded "related to N", as its failed
        # request is: the next run asks N's /gerelateerd again (queries.related_failed); no list lists it
        origin = response.meta.get("related_to")
        detail = self.load_json(response, note=f" (related to {origin})" if origin else "")
        if detail is None:
            return
        publication_id = response.meta["publication_id"]
        row = response.meta["list_record"] or self.status_rows.get(publication_id)
        merged = self.merged_into(response, publication_id, detail)
        if merged is not None:
            if merged in self.seen:
                return  # asked in this crawl already, or to be: archived by that request
            self.seen.add(merged)
            # the list row is the notice asked for's, not this one's; that notice led to it
            publication_id, row, origin = merged, None, origin or publication_id
        # An unreadable optional date ("n.v.t.", an impossible day) or yes/no ("onbekend") costs that field, not
        # the notice (values.OPTIONAL_DATES, normalise.FLAG_FIELDS): recorded here, so the crawl is partial. It
        # makes no sparse answer: not asked again for it (the same would come), only when fetched anyway.
        # Recorded once: the re-check of an archived notice (an open one's, every crawl) that sends what its archived
        # record says it sent unreadable only logs it (left every such crawl partial until its deadline).
        said = omitted_unreadable((self.known.get(publication_id) or {}).get("omitted_columns"))
        # A list row's publication or consultation date that does not read (milliseconds since 1970, "n.v.t.") where
        # the detail gives that date readably costs nothing: the detail's is archived, the row's only stands in for
        # it. Recorded, it left the crawl partial for a notice archived whole; it is the list's drift, logged and
        # counted (:meth:`select`). Its closing date is archived as the row's own (``deadline_list``): recorded.
        row_dates = {field: problem for field, problem in unreadable_dates(row).items()
                     if field not in ROW_STANDS_IN or readable_timestamp(detail.get(field)) is None}
        for where, problems in (("detail", {**unreadable_dates(detail), **unreadable_flags(detail)}),
                                ("list row", {**row_dates, **unreadable_flags(row, detail)})):
            for field, problem in problems.items():
                if said and set(FIELD_COLUMNS.get(field, ())) <= said:
                    self.logger.info("%s: publication %s: %s %s, as archived; archived without it",
                                     response.url, publication_id, where, problem)
                    self.crawler.stats.inc_value("tenderned/still_unreadable")
                    continue
                self.record_error(self.asked(response), f"publication {publication_id}: {where} {problem}; archived without it")
        self.check_status(response.url, publication_id, row)
        self.note_reinstated(response.url, publication_id, detail)
        self.note_drift(response.url, publication_id, drifted_fields(detail))
        item = NoticeItem(
            publication_id=publication_id,
            detail=detail,
            list_record=row,
            related_to=origin,
            related_record=response.meta.get("related_record") if merged is None else None,
            archived=publication_id in self.archived,
            **self.provenance(response),
        )
        if publication_id not in self.known:
            yield from self.recheck_procedure(detail.get("kenmerk"))
        yield from self.latest_rectification(publication_id, detail)
        documents_url = f"{self.detail_url(publication_id)}/documenten"
        yield Request(
            documents_url,
            callback=self.parse_documents,
            errback=self.documents_failed,
            meta={"item": item, **JSON},
        )

    def note_reinstated(self, url: str, publication_id: str, detail) -> None:
        """A notice archived as ended early whose detail now says it runs (``isVroegtijdigBeeindigd: false``,
        reference §4): TenderNed reinstated it. Archived as its detail says (the earlier row kept in ``versions``),
        whichever way it was fetched (its list row, ``/gerelateerd``, the re-check of its procedure or of an open
        notice whose early end only its detail gave: :meth:`is_open`); logged and counted
        (``tenderned/reinstated_detail``), as the list's word is (:meth:`listed_ended_early`)."""
        archived = self.known.get(publication_id) or self.archived.get(publication_id) or {}
        if archived.get("is_cancelled") == 1 and isinstance(detail, dict) \
                and flag(detail.get("isVroegtijdigBeeindigd")) == 0:
            self.logger.info("%s: publication %s: its detail says it runs (isVroegtijdigBeeindigd false), archived as "
                             "ended early: archived running", url, publication_id)
            self.crawler.stats.inc_value("tenderned/reinstated_detail")

    def note_drift(self, url: str, publication_id: str, drifted: dict[str, str], where: str = "detail") -> None:
        """Fields read past because they came in another shape (reference §13): a detail's
        (``normalise.drifted_fields``: a label of no shape, a title the list row stands in for, ``"n.v.t."`` for an
        id) or a list row's (``normalise.drifted_row_fields``: an id as a number, a ``publicatieDatum`` with a time
        or in milliseconds, a title or ``kenmerk`` as an object, a field the list does not document; the detail
        decides what is archived): counted per field (``tenderned/drifted/FIELD``) and logged once per field and
        ``where`` a crawl, however many notices send it. Read past silently, TenderNed's JSON drifting went unseen.
        The notices of each field are kept for the crawl's row (:meth:`drift`)."""
        logged = self.__dict__.setdefault("drift_logged", set())
        notices = self.__dict__.setdefault("drift_notices", {})
        for field, what in drifted.items():
            self.crawler.stats.inc_value(f"tenderned/drifted/{field}")
            notices.setdefault(field, set()).add(publication_id)
            if (where, field) not in logged:
                logged.add((where, field))
                self.logger.warning("%s: publication %s: drifted: the %s's %s came as %s; read past, the rest "
                                    "of the notice archived (logged once a crawl; counted in tenderned/drifted/%s)",
                                    url, publication_id, where, field, what, field)

    def drift(self) -> dict[str, int]:
        """The fields this crawl read past in another shape (:meth:`note_drift`), each with how many notices sent it
        so: ``crawls.drift`` (tenderarchive/extensions.py), shown by ``tenderarchive status``. The drift was in the
        log and Scrapy's stats alone, which a crawl run by cron shows nobody. A warning, not an error: the notices
        were archived, so the crawl's status and exit code do not change for it."""
        return {field: len(ids) for field, ids in sorted(self.__dict__.get("drift_notices", {}).items())}

    def merged_into(self, response, publication_id: str, detail: dict) -> str | None:
        """The publication a detail request redirected to (a ``301``/``302`` to another ``/publicaties/{id}``: a
        notice TenderNed merged into another or renumbered) when its detail is that publication's record: its
        ``publicatieId`` names it. That record is archived under its own id, as a notice related to the one asked
        for (whose archived record, if any, is kept); logged and counted (``tenderned/detail_redirected``), no error.
        It was dropped as "detail record is for publicatieId N" and recorded, by every run while the list lists the
        notice: each crawl partial for ever, and the notice it now is never archived unless something else led to
        it. None when the answer is the asked notice's own (not redirected, or redirected to its own record)."""
        if not response.meta.get("redirect_urls"):
            return None
        target = publication_key(detail.get("publicatieId"))
        if target is None or target == publication_id:
            return None
        self.logger.warning("%s: publication %s redirects to publication %s (%s); archived as %s%s",
                            self.asked(response), publication_id, target, response.url, target,
                            " (asked in this crawl already)" if target in self.seen else "")
        self.crawler.stats.inc_value("tenderned/detail_redirected")
        return target

    def check_status(self, url: str, publication_id: str, row) -> None:
        """A list row whose ``publicatiestatus`` is not the documented ``PUB`` (docs/reference/tenderned-api.md
        §3, §7.3), or is no code at all: archived as TenderNed lists it (``notices.publication_status``; a
        notice the list still shows is one a user may look for), logged as a warning naming the notice and
        counted (``tenderned/publication_status/CODE``, ``…/unreadable``), so a new status is seen, not lost in
        the archive. No error: the answer is whole, and asked again the list would say the same."""
        value = row.get("publicatiestatus") if isinstance(row, dict) else None
        if value is None:
            return
        code, label = publication_status(row)
        if code == PUBLISHED:
            return
        if code is None:
            self.logger.warning("%s: publication %s: list row's publicatiestatus %.80r is no status code; "
                                "archived without it", url, publication_id, value)
            self.crawler.stats.inc_value("tenderned/publication_status/unreadable")
            return
        self.logger.warning("%s: publication %s is listed with publicatiestatus %s (%s), not %s; archived as listed",
                            url, publication_id, code, label or "no label", PUBLISHED)
        self.crawler.stats.inc_value(f"tenderned/publication_status/{code[:20]}")

    def latest_rectification(self, publication_id: str, detail: dict):
        """The notice's latest rectification, which its detail names (``publicatieIDLaatsteRectificatie``,
        docs/reference/tenderned-api.md §4, [H]), when the archive has not got it: it was found only through
        ``/gerelateerd`` ([M]) or a list query, so one ``/gerelateerd`` that answered without it (an index
        behind: it listed the notice alone) or a rectification published after the window (a backfill of
        January whose deadline moved in March) left the procedure's moved deadline unknown. Asked as a
        related notice (``related to`` the notice, recorded so if it fails), once, as ``/gerelateerd``
        is: not for the ``all`` profile or a sample."""
        if self.profile.all or self.sample:
            return
        rectification = publication_key(detail.get("publicatieIDLaatsteRectificatie"))
        if rectification is None or rectification == publication_id or rectification in self.seen \
                or rectification in self.known:
            return
        self.crawler.stats.inc_value("tenderned/rectification_fetched")
        yield self.detail_request(rectification, None, f"rectification:{publication_id}", related_to=publication_id)

    def parse_documents(self, response):
        if (gone := self.answered_gone(response)) is not None:
            yield from gone
            return
        item = response.meta["item"]
        provenance = self.provenance(response)  # the documents' own response, not the detail's
        item.documents_url = provenance["source_url"]
        item.documents_fetched_at, item.documents_sha256 = provenance["fetched_at"], provenance["sha256"]
        # 204 No Content: TenderNed's answer that the notice has no documents, as a 404 is (documents_failed); it
        # was taken for a broken answer, retried, recorded and asked again by every crawl, each partial. No body is
        # no list read whole either (reference §5): the archived documents and zip link stay (documents_not_found);
        # read as a list naming nothing, it marked every archived document dropped and cleared the zip link
        documents = {"documenten": []} if response.status == 204 else self.load_json(response)  # None: malformed
        item.documents_not_found = response.status == 204
        if documents is not None and not isinstance(documents.get("documenten"), list):
            # An error object with status 200 ({"status": 500, …}) is no list of documents: taken for
            # "no documents", the notice was archived complete and its documents never asked again;
            # a "documenten" that is no list (null too) dropped the whole notice in validation.
            if "documenten" in documents and documents["documenten"] is None:
                # null: no list (the documents on an external platform, or a one-off): never "no documents" for
                # good, so asked again next run (documents_unread). Recorded once: an open notice is re-checked, its
                # list with it, by every crawl until its deadline, and a null recorded again each time left every
                # such crawl partial for an answer that did not change (as a 404 of it: documents_failed)
                if item.publication_id in self.null_documents:
                    self.logger.info("%s: publication %s: %s, as recorded before; its archived documents are kept, "
                                     "asked again next run", response.url, item.publication_id, NULL_DOCUMENTS)
                    self.crawler.stats.inc_value("tenderned/documents_still_null")
                else:
                    self.record_error(self.asked(response), "documents answer without a 'documenten' list "
                                                    f"({NULL_DOCUMENTS}); asked again next run")
            else:
                self.record_error(self.asked(response), "documents answer without a 'documenten' list "
                                                f"({', '.join(sorted(map(str, documents))[:5]) or 'empty object'}); "
                                                "asked again next run")
            documents = None
        # Recorded once: an open notice is re-checked, its documents list with it, by every crawl until its deadline,
        # and a document value that does not read ("1,2 MB") recorded again each time left every such crawl partial
        # for an answer that did not change (as the detail's own unreadable values are: parse_detail). Only logged
        # while the list says what a crawl recorded; another value is recorded.
        said = self.document_problems.get(item.publication_id, ())
        for problem in document_problems(documents):
            if problem in said:
                self.logger.info("%s: publication %s: %s, as recorded before; archived without it",
                                 response.url, item.publication_id, problem)
                self.crawler.stats.inc_value("tenderned/documents_still_unreadable")
                continue
            self.record_error(self.asked(response), f"publication {item.publication_id}: {problem}; archived without it")
        item.documents = documents
        yield from self.after_documents(item)

    def documents_failed(self, failure):
        """Recorded; the notice goes on without documents and, after an error or no answer, is
        fetched again next run (``documents_unread``). A 404 or 410 is TenderNed's answer: the
        notice has no documents list there, so it is not asked again every run. It is no list read
        whole either (docs/reference/tenderned-api.md §5 documents none): the notice's archived
        documents stay listed and its zip link stays (``documents_not_found``); they were all marked
        dropped by it, for a notice whose detail still answered.

        Recorded by the first crawl that meets it, as a withdrawn notice's detail is (:meth:`detail_unavailable`): the
        404 or 410 of an archived notice whose ``/documenten`` answered so in a crawl before is only logged. An open
        notice is re-checked, its documents list with it, by every crawl until its deadline (an open-ended one for
        years: :meth:`open_ended_until`), and each such crawl was partial for an answer that did not change."""
        item = failure.request.meta["item"]
        response = getattr(failure.value, "response", None)
        gone = response is not None and response.status in (404, 410)
        if gone and item.publication_id in self.unavailable_documents:
            self.logger.info("%s: publication %s still no documents list (HTTP %d); its archived documents are kept",
                             failure.request.url, item.publication_id, response.status)
            self.crawler.stats.inc_value("tenderned/documents_still_unavailable")
        else:
            self.errback(failure)
        if gone:
            item.documents_url, item.documents = failure.request.url, {"documenten": []}
            item.documents_not_found = True
        yield from self.after_documents(item)

    # --- award data: /html of result notices, /gerelateerd of procedures (docs/awards.md) ------------
    @staticmethod
    def _code(detail: dict) -> str | None:
        """The detail's notice type (``aankondigingCode``), an object or a bare code (:func:`code_of`)."""
        return code_of(detail.get("aankondigingCode"))

    @staticmethod
    def _form(detail: dict) -> str | None:
        """The detail's eForms form type (``formType``), a string or a ``{code, …}`` object (:func:`code_of`)."""
        return code_of(detail.get("formType"))

    @classmethod
    def carries_results(cls, detail: dict) -> bool:
        return cls._form(detail) in RESULT_FORMS or cls._code(detail) in RESULT_CODES

    @classmethod
    def is_contract_notice(cls, detail: dict) -> bool:
        """A contract notice: its /html has the estimated value and the lots
        (docs/reference/tenderned-awards.md §1, §8.1)."""
        return cls._form(detail) == "competition" or cls._code(detail) == "AAO"

    @staticmethod
    def _row_code(row) -> str | None:
        """The list row's notice type (``typePublicatie.code``: the detail's ``aankondigingCode``), an object or a
        bare code (:func:`code_of`)."""
        return code_of(row.get("typePublicatie")) if isinstance(row, dict) else None

    @staticmethod
    def related_form(item: NoticeItem) -> str | None:
        """The ``formType`` of a notice's /gerelateerd row (reference §6) when its detail names neither
        ``formType`` nor ``aankondigingCode`` (§13: fields go missing): a notice found through /gerelateerd has
        no list row whose ``typePublicatie`` could type it, and went untyped, its /html (its awards) unread."""
        detail, row = item.detail, item.related_record
        if not isinstance(row, dict) or code_of(detail.get("formType")) or code_of(detail.get("aankondigingCode")):
            return None
        return code_of(row.get("formType"))

    def is_result(self, item: NoticeItem) -> bool:
        """A result notice by its detail, else by its list row (or its /gerelateerd row), else because the
        archive has it as one whose /html is unread (a re-check has no list row)."""
        return (self.carries_results(item.detail) or self._row_code(item.list_record) in RESULT_CODES
                or self.related_form(item) in RESULT_FORMS or item.publication_id in self.results_missing)

    def changed_type(self, item: NoticeItem) -> bool:
        """Whether the detail gives another notice type (``aankondigingCode``) or ``formType`` than the archive has
        for the notice: a contract notice that now says it is an award notice under the same ``publicatieId`` (a
        correction, or the API's type fixed later). Its /html, read as the other type's, is read again: the
        rendering read as a contract notice's counted as read, and its winners were never asked for. A detail that
        leaves a type out is no change of it (the archive keeps what it had)."""
        notice = self.archived.get(item.publication_id)
        if not notice:
            return False
        archived = (notice.get("notice_type"), notice.get("form_type"))
        try:  # as the notice is archived (pipelines/normalise.py)
            now = (code_label(item.detail.get("aankondigingCode"))[0], code_of(item.detail.get("formType")))
        except ValueError:  # a type of the wrong shape: recorded where the notice is normalised
            return False
        changed = [f"{was} -> {new}" for was, new in zip(archived, now) if was and new and new != was]
        if changed:
            self.logger.info("publication %s changed type (%s): its /html is read again", item.publication_id,
                             ", ".join(changed))
            self.crawler.stats.inc_value("tenderned/changed_type")
        return bool(changed)

    def moved(self, item: NoticeItem) -> bool:
        """Whether the detail names another procedure (``kenmerk``, per procedure: reference §3, §12) than the
        archive has the notice in: TenderNed renumbered it, or moved the publication to another procedure. Its
        /html is read again, so its lots and awards are written under the procurement it is now in: read once and
        never again, they stayed on the former procurement (gone once its every notice left), and the one the
        notice is now in had none. A detail without a kenmerk that reads is no move."""
        notice = self.archived.get(item.publication_id)
        try:
            now = kenmerk_number(item.detail.get("kenmerk"))
        except (TypeError, ValueError):
            return False
        was = notice.get("kenmerk") if notice else None
        if now is None or was is None or str(now) == str(was):
            return False
        self.logger.info("publication %s moved from procedure %s to %s: its /html is read again",
                         item.publication_id, was, now)
        self.crawler.stats.inc_value("tenderned/moved_results")
        return True

    def after_documents(self, item: NoticeItem):
        """Fetch the /html of a result notice (its awards) or a contract notice (its lots and
        estimated values) once, never again once archived; then the item goes on, and the
        procedure's /gerelateerd is asked once per crawl."""
        self.with_status_row(item)
        if item.list_record is None and (item.publication_id in self.known or item.publication_id in self.fetched_rowless):
            # a re-check, or a notice found with no row (through /gerelateerd): see listed_again, listed_after
            self.rowless[item.publication_id] = replace(item)  # as it is now: no /html or PDF body held
        yield from self.related_request(item)
        read = item.publication_id in self.known_results and item.publication_id not in self.html_retry
        changed = read and self.changed_type(item)
        # read here before, in the procedure the notice has left: that row stays unread here (queries.READ_HERE), so
        # the next run asks the /html again whatever this answer is; an unreadable one need not replace the row
        moved = read and not changed and self.moved(item)
        if (not read or changed or moved) and (
                self.is_result(item) or self.is_contract_notice(item.detail)
                or self._row_code(item.list_record) == "AAO" or self.related_form(item) == "competition"):
            yield Request(f"{self.detail_url(item.publication_id)}/html", callback=self.parse_html,
                                 errback=self.html_failed, meta={"item": item, "moved": moved, **JSON_OR_HTML})
            return
        yield item

    def keep(self, response, kind: str) -> NoticeItem:
        """The response's item with the response kept as its ``{kind}_body`` (``html``, ``pdf``), with its URL,
        time and hash."""
        item = self.with_status_row(response.meta["item"])
        provenance = self.provenance(response)
        # the rendering as UTF-8 (middlewares.utf8_body): its readers have only the bytes, not the declared charset
        setattr(item, f"{kind}_body", utf8_body(response) if kind == "html" else response.body)
        setattr(item, f"{kind}_url", response.url)
        setattr(item, f"{kind}_fetched_at", provenance["fetched_at"])
        setattr(item, f"{kind}_sha256", provenance["sha256"])
        self.crawler.stats.inc_value(f"tenderned/{kind}")
        return item

    def parse_html(self, response):
        if (gone := self.answered_gone(response)) is not None:
            yield from gone
            return
        item = self.keep(response, "html")
        if self.is_result(item):
            html, problems = unwrap(item.html_body)
            if html is None or detect_layout(html) == "unknown":
                # A 200 that is no rendering (an empty body, an error object, a maintenance page) is
                # archived as unread (layout "unknown", asked again next run) and recorded like a
                # failed request: it left the crawl complete with the awards missing. Only logged once
                # given up (recorded TENDERNED_HTML_ATTEMPTS times), as in html_failed.
                why = "; ".join(problems) or "no award notice layout"
                if response.meta.get("moved"):
                    # An award notice read again because it moved (its rendering read before, in the procedure it
                    # left): the archived row (its layout, lots, awards, totals) is kept, as a failed /html keeps it,
                    # and the next run asks again (queries.results_missing: that row is not of the procedure the
                    # notice is in now). Kept as its rendering, the page (a login page, an error object) replaced the
                    # row with one of layout "unknown" that counted nothing: its awards lost to the archive's readers
                    # until the /html read again, and for good if it never did.
                    why += "; the rendering archived before kept"
                    item.html_body = item.html_url = item.html_fetched_at = item.html_sha256 = None
                elif item.publication_id in self.known_results:
                    # read before as another type's (a contract notice's, now an award notice: changed_type), or
                    # asked again after a failure: that row (its lots, its estimates) is kept, and the next run asks
                    # again (html_retry), the failure recorded below
                    why += "; the rendering archived before kept"
                    item.html_body = item.html_url = item.html_fetched_at = item.html_sha256 = None
                if item.publication_id in self.html_given_up:
                    # recorded TENDERNED_HTML_ATTEMPTS times: only logged. Not for any award notice re-checked with its
                    # rendering unread: one an OCDS package wrote, or archived before award data, was never recorded,
                    # its first page that is no rendering (a login page) only logged and the crawl complete
                    self.logger.info("%s: /html of the award notice still unreadable (%s); given up, asked again next "
                                     "run", response.url, why)
                else:
                    self.record_error(self.asked(response), f"/html of the award notice unreadable ({why}); "
                                                    "asked again next run")
                yield from self.pdf_request(item)
                return
            if self.names_no_winner(html):
                yield from self.pdf_request(item, named_no_winner=True)
                return
        elif (rendering := unwrap(item.html_body))[0] is None or detect_layout(rendering[0]) == "unknown":
            # A contract notice's 200 that is no rendering (a login or maintenance page, one redirected to, an
            # error object, an empty body) is its /html unavailable, as a failed request is (html_failed): recorded
            # (but given up), and the notice goes on without it, asked again next run. Kept as its rendering, it
            # replaced the archived one's row (layout "unknown", no lots): a moved notice's estimated value and
            # lots, read before, were lost to a login page, and the crawl said complete.
            where = f", redirected to {response.url}" if response.meta.get("redirect_urls") else ""
            why = f"{'; '.join(rendering[1]) or 'no notice layout'}{where}"
            if item.publication_id in self.html_given_up:
                # given up (recorded TENDERNED_HTML_ATTEMPTS times: its detail fetched again for another reason, or
                # re-checked while open, asks it once more, a failure only logged)
                self.logger.info("%s: /html of the contract notice unreadable (%s); the notice archived without "
                                 "it, any rendering archived before kept", self.asked(response), why)
            else:
                # recorded, open or closed (html_failed): the next run asks it again whatever its window and schedule
                self.record_error(self.asked(response), f"/html of the contract notice unreadable ({why}); "
                                                        "any rendering archived before kept, asked again next run")
            self.crawler.stats.inc_value("tenderned/html_unavailable")
            item.html_body = item.html_url = item.html_fetched_at = item.html_sha256 = None
        yield item

    @staticmethod
    def names_no_winner(html: str) -> bool:
        """Whether a readable award notice's rendering gives no award row while not every lot it describes is
        closed without a winner: its PDF may name the winners (reference §7; a lot "niet gegund" needs none)."""
        parsed = parse_html(html)
        return not parsed["awards"] and not (parsed["lots"] and all(lot["awarded"] == 0 for lot in parsed["lots"]))

    def pdf_request(self, item: NoticeItem, named_no_winner: bool = False):
        """The notice's PDF (``/publicaties/{id}/pdf``): the fallback for the awards of an award notice whose
        /html failed, was unreadable or named no winner (docs/awards.md, "The PDF fallback"). Not for a
        rectification of a contract notice (code REC, ``formType`` "competition": a moved deadline, no award;
        tenderned-api.md §7.1): the item goes on. A VEAT (AGO of ``formType`` "dir-awa-pre", :data:`RESULT_FORMS`)
        names the provider awarded directly: its PDF is asked as any award notice's."""
        if self._form(item.detail) not in (None, *RESULT_FORMS):
            yield item
            return
        self.crawler.stats.inc_value("tenderned/pdf_fallback")
        yield Request(f"{self.detail_url(item.publication_id)}/pdf", callback=self.parse_pdf,
                              errback=self.pdf_failed,
                              meta={"item": item, "named_no_winner": named_no_winner, **PDF},
                              headers=PDF_ACCEPT, dont_filter=True)

    def parse_pdf(self, response):
        """The notice's PDF; an answer that is no PDF (no ``%PDF-`` header in its first 1024 bytes, where readers
        look for it: a login or maintenance page with HTTP 200, sent or redirected to) is a PDF that failed
        (:meth:`pdf_unavailable`). It was read as a PDF giving no award: the /html's row taken for read and the
        notice's winners never asked for again, the crawl complete."""
        if (gone := self.answered_gone(response)) is not None:
            yield from gone
            return
        if b"%PDF-" not in response.body[:1024]:
            body = response.body or b""
            kind = response.headers.get("Content-Type", b"").decode("latin-1").split(";")[0].strip() or "no Content-Type"
            page = html_page(response)
            said = page[page.index("):") + 1:] if page else ""
            if not page:  # an error object in its place (past its retries, or a status not retried): what it said
                try:
                    value = read_json(response)
                except NOT_JSON:
                    value = None
                if isinstance(value, dict) and ("error" in value or "status" in value):
                    said = ": " + self.no_envelope(value)
            where = f", redirected to {response.url}" if response.meta.get("redirect_urls") else ""
            yield from self.pdf_unavailable(response.meta, self.asked(response), (
                f"not a PDF (HTTP {response.status}, {kind}, {len(body)} bytes{where}){said}"))
            return
        yield self.keep(response, "pdf")

    def pdf_failed(self, failure):
        """The PDF of a readable /html that named no winner that fails (an error status, a timeout) is recorded
        (the crawl ends partial) and the notice goes on without its award data: the /html's row, written, was
        taken for read and neither asked again, and would replace a row the PDF wrote before (its counts,
        its problems). The notice is asked again next run; on that re-check a failure is only logged, as the
        /html's is. A 404 or 410 (the notice has no PDF) is no failure to retry: the /html's row is written.
        Only logged, too, where the PDF is the fallback of an /html that failed or was unreadable (recorded
        there, and asked again next run)."""
        response = getattr(failure.value, "response", None)
        yield from self.pdf_unavailable(failure.request.meta, failure.request.url, failure_message(failure),
                                        gone=response is not None and response.status in (404, 410), failure=failure)

    def pdf_unavailable(self, meta: dict, url: str, why: str, gone: bool = False, failure=None):
        """:meth:`pdf_failed`'s handling of a PDF that failed (``failure``, recorded by the errback) or answered
        no PDF (``why`` recorded under ``url``)."""
        item = meta["item"]
        self.crawler.stats.inc_value("tenderned/pdf_unavailable")
        if meta.get("named_no_winner") and not gone:
            item.html_body = item.html_url = item.html_fetched_at = item.html_sha256 = None
            note = " (the PDF of an award notice whose /html named no winner; asked again next run)"
            if item.publication_id in self.results_missing:
                self.logger.info("%s: PDF of the award notice still unavailable (%s); asked again next run",
                                 url, why[:200])
            elif failure is not None:
                self.errback(failure, note)
            else:
                self.record_error(url, why[:300] + note)
            yield item
            return
        self.logger.info("%s: PDF of the award notice unavailable (%s)", url, why[:200])
        yield item

    def html_failed(self, failure):
        """A result notice's /html that fails is recorded (the crawl ends partial, the next run
        asks again: its awards are the point). A contract notice's only adds its lots' estimated
        values: recorded (but a 404 or 410: no rendering to retry), open or closed, and asked again next run (at most
        ``TENDERNED_HTML_ATTEMPTS`` times; a rendering read clears it). Only logged while open, on the ground that a
        later run re-checks the notice, it was lost when none did: a backfill whose ``--until-date`` is past, a weekly
        schedule, the notice's last re-check. A 404 or 410
        on the re-check of an archived result notice (recorded when it was archived) is only
        logged: it is asked again next run, but does not leave every crawl partial; so is any failure of a result
        notice's /html given up (recorded ``TENDERNED_HTML_ATTEMPTS`` times: ``html_given_up``). A result notice's
        PDF is asked either way: its winners, until the /html reads (docs/awards.md, "The PDF fallback"). "Logged" is
        INFO: a crawl these leave complete prints nothing under ``--quiet`` (cron)."""
        item = failure.request.meta["item"]
        response = getattr(failure.value, "response", None)
        if self.is_result(item) and item.publication_id in self.html_given_up:  # a contract notice's: below
            # recorded TENDERNED_HTML_ATTEMPTS times (a 500 past its retries, every crawl): only logged now, as a login
            # page is (parse_html); recorded, every crawl re-checking the award notice was partial, for ever
            self.logger.info("%s: /html of the award notice still unavailable (%s); given up, asked again next run",
                             failure.request.url, failure_message(failure, 200))
            self.crawler.stats.inc_value("tenderned/html_still_missing")
            yield from self.pdf_request(item)
            return
        if (item.publication_id in self.results_missing and response is not None
                and response.status in (404, 410)):
            self.logger.info("%s: /html of the award notice still unavailable (HTTP %d); asked again next run",
                             failure.request.url, response.status)
            self.crawler.stats.inc_value("tenderned/html_still_missing")
            yield from self.pdf_request(item)
            return
        elif self.is_result(item):
            self.errback(failure)
            yield from self.pdf_request(item)
            return
        elif (response is not None and response.status in (404, 410)) or item.publication_id in self.html_given_up:
            # a notice with no rendering (404, 410: nothing to retry), or one given up (recorded
            # TENDERNED_HTML_ATTEMPTS times)
            self.logger.info("%s: /html of the contract notice unavailable (%s); archived without it",
                             failure.request.url, failure_message(failure, 200))
            self.crawler.stats.inc_value("tenderned/html_unavailable")
            if response is not None and response.status in (404, 410):
                # TenderNed's answer that the notice has no rendering: the fetch is complete, nothing to read. It
                # was archived as never read, so every crawl that fetched the notice's detail again (its window
                # listed again) asked the /html again, for the same 404. Recorded as read, of no rendering
                # (notice_results layout "none"): asked again only when the notice changes type or procedure.
                item = self.with_status_row(item)
                provenance = self.provenance(response)
                item.html_absent = response.status
                item.html_url, item.html_fetched_at, item.html_sha256 = (
                    response.url, provenance["fetched_at"], provenance["sha256"])
        else:
            # open or closed: recorded, and asked again next run (html_retry) until read or given up. Only logged
            # while open ("asked again when next re-checked"), it was lost for good when no later run re-checked the
            # notice: a backfill (--until-date in the past), a run less often than nightly, the last re-check.
            self.errback(failure, note=" (the /html of a contract notice; asked again next run)")
            self.crawler.stats.inc_value("tenderned/html_unavailable")
        yield item

    def related_request(self, item: NoticeItem):
        """/gerelateerd once per notice fetched in this crawl: per notice, not per procedure, so the
        requests do not depend on the order responses arrive in (a replay asks exactly the same)."""
        if self.profile.all or self.sample or item.publication_id in self.related_checked:
            return  # the `all` profile fetches every notice anyway; a sample stays a sample
        self.related_checked.add(item.publication_id)
        yield self.related(item.publication_id)

    def related(self, publication_id: str) -> Request:
        """The ``/gerelateerd`` of a notice (after what is queued: a lower priority)."""
        return Request(f"{self.detail_url(publication_id)}/gerelateerd", callback=self.parse_related,
                              errback=self.related_list_failed, meta={"origin": publication_id, **JSON}, priority=-1)

    def related_list_failed(self, failure):
        """A ``/gerelateerd`` that failed is recorded (the next run asks again: :func:`related_failed
        <tenderarchive.store.queries.related_failed>`), except the 404 or 410 of an archived notice whose
        ``/gerelateerd`` answered so in a crawl before (recorded then), as for its detail
        (:meth:`detail_unavailable`): a youth-care procedure awaiting its award asks its newest notice's
        every crawl, and one withdrawn from TenderNed left every crawl partial, for ever."""
        response = getattr(failure.value, "response", None)
        origin = failure.request.meta["origin"]
        if response is not None and response.status in (404, 410) and origin in self.unavailable_lists:
            self.logger.info("%s: related notices of %s still unavailable (HTTP %d)",
                             failure.request.url, origin, response.status)
            self.crawler.stats.inc_value("tenderned/related_list_still_unavailable")
            return
        self.errback(failure)

    #: Where an object answer to ``/gerelateerd`` holds its rows: a Spring page's ``content`` (the envelope every
    #: list of the API has, docs/reference/tenderned-api.md §3) and the detail's own name for them
    #: (``gerelateerdePublicaties``, §4).
    RELATED_ROWS = ("content", "gerelateerdePublicaties")

    def related_rows(self, response):
        """The rows of a ``/gerelateerd`` answer, and the URL of its next page (or None). The reference gives a
        JSON array (§6, [M]: one test fixture); every other list of the API comes in a Spring page envelope (§3),
        so an answer wrapped in one (``{"content": [...], "totalPages": 2, …}``), or in an object holding the list
        under the detail's name for it, is read too, and a page envelope that says more pages follow is paged
        (``page``, ``size`` as for ``/publicaties``; at most ``TENDERNED_MAX_PAGE``). It was recorded as "JSON is
        dict, not a list" and the procedure's other notices stayed unknown, every crawl. Anything else is
        recorded with what came (its keys, or its type): None. A 204 No Content is no related notice (the list
        names the notice itself, §6, but an answer of nothing is an answer, not a broken one)."""
        if response.status == 204:
            return [], None
        try:
            value = read_json(response)
        except NOT_JSON:
            return self.load_json(response, shape=list), None  # recorded as any broken answer
        if isinstance(value, list):
            return value, None
        held = [key for key in self.RELATED_ROWS if isinstance(value, dict) and isinstance(value.get(key), list)]
        if not held:
            what = (f"an object ({', '.join(sorted(map(str, value))[:6]) or 'empty'})" if isinstance(value, dict)
                    else f"{type(value).__name__} {value!r:.60}")
            self.record_error(self.asked(response), f"/gerelateerd answered {what}, not a list of related notices; "
                                            "asked again next run")
            return None, None
        rows, following = value[held[0]], None
        number = self.count(response, value, "number", quiet=True)
        pages = self.count(response, value, "totalPages", quiet=True)
        size = self.count(response, value, "size", quiet=True) or len(rows)
        if (number is not None and value.get("last") is not True and pages and number + 1 < pages
                and number + 1 <= self.max_page and rows and size):
            base = response.url.split("?")[0]
            following = f"{base}?{urlencode([('page', str(number + 1)), ('size', str(size))])}"
        return rows, following

    def parse_related(self, response):
        if (gone := self.answered_gone(response)) is not None:
            yield from gone
            return
        rows, following = self.related_rows(response)  # not a list: recorded, related notices unknown
        if rows is None:
            return
        self.crawler.stats.inc_value("tenderned/gerelateerd")
        origin = response.meta["origin"]
        if following:
            self.crawler.stats.inc_value("tenderned/gerelateerd_pages")
            yield Request(following, callback=self.parse_related, errback=self.related_list_failed,
                                 meta={"origin": origin, **JSON}, priority=-1)
        for row in rows:
            related = publication_key(row.get("publicatieId")) if isinstance(row, dict) else None
            if related is None or related in self.seen or related in self.known:
                continue
            self.crawler.stats.inc_value("tenderned/related_fetched")
            request = self.detail_request(related, None, f"related:{origin}", related_to=origin, related_row=row)
            # asked again for a related notice that failed: in a resumed --jobdir its detail is a duplicate (retry_failed)
            yield request.replace(dont_filter=True) if self.resuming and origin in self.related_failed else request

    # --- helpers -----------------------------------------------------------------------
    def load_json(self, response, shape: type = dict, note: str = ""):
        """The response's JSON object (or list, for ``shape=list``), or None (recorded) when it
        is not one. Deep nesting (RecursionError) and bad bytes count as malformed.

        JSON is read as :func:`~tenderarchive.middlewares.read_json` reads it: as UTF-8 whatever
        charset the Content-Type declares (a server or proxy that labels UTF-8 JSON
        ``charset=iso-8859-1`` otherwise archived every accented title as mojibake, silently).
        A body that is no JSON reaches here after its retries (``expects_json``: the retry middleware)."""
        try:
            value = read_json(response)
        except NOT_JSON as exc:
            said = ("HTTP 204 No Content: no JSON answer" if response.status == 204 and not response.body.strip()
                    else html_page(response) or f"malformed JSON ({len(response.body)} bytes): {str(exc)[:200]}")
            self.record_error(self.asked(response), said + note)
            return None
        if not isinstance(value, shape):
            self.record_error(self.asked(response), f"JSON is {type(value).__name__}, not "
                                            f"{'an object' if shape is dict else 'a list'}{note}")
            return None
        return value

    @staticmethod
    def no_envelope(data: dict) -> str:
        """What a list answer that is no page envelope was, for the crawl's errors: a Spring error object (sent with
        200, past its retries: :data:`PAGE`) by its status, error and message (RFC 9457 problem details, Spring 6's
        ``ProblemDetail``, by its status, title and detail), anything else by its first keys."""
        said = [str(data[key])[:80] for key in ("status", "error", "title", "message", "detail")
                if isinstance(data.get(key), (str, int)) and not isinstance(data.get(key), bool)]
        if said:
            return "an error object sent with HTTP 200: " + " ".join(said)
        return ", ".join(sorted(map(str, data))[:5]) or "empty object"

    def count(self, response, data: dict, field: str, quiet: bool = False, note: str = "") -> int | None:
        """A non-negative integer field of a list page (``totalElements``, ``totalPages``,
        ``size``), or None (recorded) when it is something else or, for ``totalElements``, missing;
        a missing ``totalPages`` or ``size`` counts 0."""
        value = data.get(field)
        if value is None and field == "totalElements":
            # Every page has it, an empty one too (0): an answer without it (an error object with
            # status 200) is no list page, not an empty window.
            if not quiet:
                self.record_error(self.asked(response), f"list page without totalElements: not a page envelope "
                                                f"({self.no_envelope(data)}){note}")
            return None
        if value is None:  # absent or null: none
            return 0
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2 ** 31:
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,9}\s*", value):
            return int(value)
        if not quiet:
            self.record_error(self.asked(response), f"list page: {field} {value!r:.80} is not a count{note}")
        return None
