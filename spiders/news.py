"""News and project pages of municipal and regional youth-care sites.

Driven by the source registry (``tenderarchive/sources.yaml``; another file with
``-a sources=FILE`` or the setting ``NEWS_SOURCES``). Living pages are re-checked
when the archived copy is older than ``NEWS_LIVING_RECHECK_HOURS``, a slower cycle
than news. For every enabled site it
discovers article URLs through the configured methods:

- ``feeds``: RSS 2.0 ``<item><link>`` (else its permalink ``<guid>``), RSS 1.0 (RDF) items and
  Atom ``<entry><link href>`` (relative to ``xml:base``); a feed address answering a sitemap or sitemap index is
  read as one (``news/feed_sitemap``); a feed address answering an HTML page that names its
  feeds in its head (:func:`advertised_feeds`, feed autodiscovery) is read through them; a paged feed's next page
  (RFC 5005 §3: ``<link rel="next">``, RSS 2.0's ``<atom:link rel="next">``: :func:`feed_page_links`) is read as the
  feed's, at most ``NEWS_FEED_MAX_PAGES`` pages, none after a page naming only archived items or dated newest first
  before the crawl's ``from_date``, none asked twice (:meth:`NewsSpider.feed_next_page`); WordPress's own feed, which
  names no next page, by its query ``?paged=N`` (a feed whose ``<generator>`` is WordPress, answered with its
  ``Link: <…/wp-json/>; rel="https://api.w.org/"``, or of a site registered ``cms: wordpress``; no other feed is
  probed) under the same bounds, to a page shorter than its first or the 404 past its last
  (:func:`wordpress_next_feed_page`); where an earlier crawl's walk of such a feed reached the bound, as many pages
  again from the deepest ``?paged=N`` (or ``rel="next"`` ``?page=N``) it read, past pages of archived items (:meth:`NewsSpider.feed_resume`), so the
  whole feed is read over crawls (also where the registry's address redirects: ``http://`` to ``https://``, to ``www.``);
- ``sitemaps`` and ``robots_sitemaps`` (XML, or the protocol's text form, one URL a line: :func:`text_sitemap`;
  the ``Sitemap:`` lines of robots.txt; when it names
  none or is missing, the CMS's sitemap at its usual address: ``/wp-sitemap.xml``, ``/sitemap.xml``, and where that
  is missing a TYPO3 site's EXT:seo page type ``?type=1533906435``, a WordPress site's SEO plugin's
  ``/sitemap_index.xml`` or core's ``?sitemap=index``: :data:`DEFAULT_SITEMAPS`):
  Scrapy's own sitemap parser, sitemap indexes followed (``NEWS_SITEMAP_MAX_DEPTH`` levels
  of indexes at most: a chain of indexes is a recorded error, not an endless crawl),
  ``<lastmod>`` kept, and a Google News sitemap's ``<news:publication_date>`` (:class:`NewsSitemap`); an RSS or Atom
  feed named as a sitemap (the protocol takes one: a robots.txt ``Sitemap:`` line naming the news feed) is read as the
  feed it is (:data:`FEED_ROOTS`, ``news/sitemap_feed``); an index's lists of archive pages (WordPress's
  ``wp-sitemap-users-1.xml``, ``wp-sitemap-taxonomies-category-1.xml``: :data:`ARCHIVE_SITEMAP`)
  are not followed, and the site's home page is no article;
- ``listing`` pages: links on the page that the site's allow/deny rules accept, outside its menus,
  breadcrumbs, cookie banner and footer (:data:`LISTING_LINKS`),
  and the next page through the ``next`` selector or, without one (or when it finds
  nothing), the listing's numbered pager (``?pager_page=N`` of iprox, ``?page=N`` of
  Drupal, Joomla's ``?start=N``, WordPress's ``/page/N/`` (``?paged=N`` on plain permalinks), ``/pagina/N`` or ``/pagina-N``: :func:`pager_links`; an iprox
  pager of ``data-page`` numbers alone: :func:`data_page_links`; else its ``rel="next"`` link:
  :func:`rel_next_links`; else the endpoint of its "Meer laden" button: :func:`load_more_links`, whose JSON
  answer is read as the rows its script would show, :func:`json_listing`, the standard library's ``json`` reading
  it, as no library knows such a theme's own keys; a button naming ``?page=1`` from a page with no page number or page 0
  numbers its endpoint from 0, one naming ``?page=2`` from a page with none from 1, a Drupal site's too:
  :func:`zero_based_load_more`), at most ``max_pages`` pages per listing URL; a listing whose first page is
  dated oldest first (:func:`oldest_first`) is read from its last pages, where its newest items are;
  a listing's archive pages by year (``/nieuws/archief/2021``, ``/nieuws?jaar=2021``, linked by the year, in its side
  menu too, or offered as a ``<select>``'s options, in a ``GET`` form's ``?jaar=`` too, or the address the select's
  ``onchange`` script builds from the bare year: :func:`year_archive_links`) are
  each read as a listing of their own, for the years of the crawl's dates; so are its archive pages by month
  (WordPress's archives widget: "juli 2021" to ``/2021/07/`` or ``?m=202107``), for the months of the crawl's dates;
- ``openpub``: the Open Webconcept's OpenPub REST API of a WordPress municipality
  (``wp-json/owc/openpub/v1/items``, news-sites.md §2.1): its JSON carries each item's
  title, HTML content and date, so an item is archived from the JSON (as a page of its
  ``portal_url``, else of the API's ``…/items/{id}``, one the active items' ``…/items/active`` or the search's
  ``…/search?s=…`` named too) without
  fetching a page; the API is
  paged with ``?page=N`` to its ``pagination.total_pages`` (a whole number however written: ``3``, ``3.0``, ``"3"``), at most
  ``NEWS_OPENPUB_MAX_PAGES`` pages, and no further than a page dated newest first before the crawl's ``from_date``
  (:meth:`NewsSpider.listed_before_window`); where an earlier crawl's walk was so bounded, as many pages again from the
  deepest page it read (:meth:`NewsSpider.openpub_resume`), so the whole archive is read over crawls;
- ``living_pages``: project or FAQ pages updated in place, fetched every crawl.

One page is fetched once however it is linked or redirected to (:meth:`NewsSpider.page_url`,
:meth:`NewsSpider.redirect_request`,
:func:`tenderarchive.urls.page_key`): tracking parameters (``utm_*``, ``pk_*``, ``fbclid`` …)
and fragments are dropped, so is a print version's parameter (``?print=1``, ``?afdrukken=true``, ``?view=print``:
:func:`tenderarchive.urls.without_print`; the page itself; on a site registered ``cms: drupal`` its print module's
``/print/<nid>``, ``/print/<alias>``: :func:`tenderarchive.urls.without_drupal_print`), a link to the other of a site's ``www.`` and bare hosts is fetched
from the registry's host, and a trailing slash makes no other page. A discovered page answered byte for
byte under a second address in one crawl (no canonical link joining them) is archived once, under the
first (``news/duplicate_page``; the copy's fetch row makes its address known to the next crawl).

It obeys robots.txt (one that answers a server error or not at all forbids the whole site for the crawl,
a recorded error: tenderarchive/middlewares.py ``RobotsTxtMiddleware``; a discovered page it forbids is skipped, not an error; a living page or
discovery URL of the registry that it forbids is an error) and is polite per site (each host a site is read at gets a download slot
with the registry's ``politeness`` delay and concurrency, the politest where several entries read one host: :func:`site_slots`). Article URLs already in
the archive (as archived or as fetched: a page whose canonical URL differs; an old address whose last answer
redirected or refreshed to one: ``queries.redirects_to_known``) are not fetched again unless a sitemap ``lastmod`` says they changed
since (to the second when it gives a time; a day that was the fetch's own once that day is over: :meth:`NewsSpider.changed_since`;
a year or a month, W3C Datetime's reduced precision, from its first day: :func:`changed_moment`), or, named by a listing or feed only,
they are recent and due a revisit (conditional, bounded per crawl: :meth:`NewsSpider.revisit_due`); living pages are always re-checked (the archive pipeline writes them only
when their content changed). ``from_date``/``until_date`` filter on the sitemap or
feed date before fetching (a ``lastmod`` or Atom ``updated``, when a page last changed, by ``from_date`` only:
:meth:`NewsSpider.lastmod_in_window`; ISO 8601 or RSS's RFC 822, by its Dutch day: WordPress writes UTC; a year or month by any of its days; with or without one,
a page not yet archived by the ``/YYYY/MM/DD/`` date in its address: :meth:`NewsSpider.outside_by_url`) and on the page's own date after
(pipelines/extract.py; a page outside is not archived and is no error; the default
``until_date``, today, is not applied to the page's date); pages without a date and
living pages are kept. ``sample=N`` stops after N pages.

A discovered link to a document (``.pdf``, ``.docx``, an image: :data:`DOCUMENT_PATH`) is not
requested, and a discovered URL that answers with something other than text is not archived
and no error (``news/skipped_document``, ``news/skipped_not_html``): a listing's "(download
PDF)" link (news-sites.md §2.4) must not make every crawl partial. A living page that is not
HTML is an error: the registry names it. A body that opens as HTML under a type that says nothing of it
(none, ``application/octet-stream``, a type that is none) is the page it is (:func:`sniffed_html`).

A feed item's date, a Google News sitemap entry's publication date and the date a listing shows beside
a link (:func:`listed_date`; one written relative to when the feed or listing was read, "2 dagen geleden",
"gisteren", is the day it names: :func:`absolute`) go with the page
(``ArticleItem.listed_date``): they date it when it states no date of its own (pipelines/extract.py).
Pages are asked after the discovery documents already known (:attr:`NewsSpider.PAGE_PRIORITY`), so
every date a feed or listing gives a page is in when it is read, in a crawl and in its replay.

The spider yields raw HTML (``ArticleItem``) with its ``Content-Type`` header, whose charset
decodes it (a page declared ``windows-1252`` only in the header is not guessed at);
extraction and analysis are pipelines. A listing whose declared charset does not decode its bytes (declared
Latin-1 over UTF-8, or UTF-8 over an older CMS's ``windows-1252``) is read as extraction reads such a page
(:func:`read_as_archived`): its links keep their "ö" and "ë".

Hostile input (issue 13): a feed, sitemap or robots.txt entry whose URL is malformed
or not http(s) is recorded as an error and skipped; a listing link that is not an
http(s) page (``mailto:``, ``javascript:``) is simply not followed; XML that is
broken is one recorded error for that document. XML that says UTF-8 over an older CMS's ``windows-1252``
bytes is read as a browser reads them (:func:`xml_windows_1252`).
"""

from __future__ import annotations

import calendar
import email.utils
import gzip
import html
import io
import itertools
import json
import re
import zlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import scrapy
from lxml import etree
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from w3lib.url import add_or_replace_parameter  # OpenPub's ?page=N (its pages count from 1)

from spiders.base import BaseSpider, failure_message
from tenderarchive.urls import http_url, page_key, without_drupal_print, without_print, without_tracking
from tenderarchive.arguments import AMSTERDAM, SpiderArgumentError, number_setting
from tenderarchive.extraction.dates import MONTHS
from tenderarchive.items import NEWS_PAGE_FAILED, ArticleItem
from tenderarchive.sources import SourceRegistryError, load_sources, select_sites
from tenderarchive.values import to_int


def _moment(value: str | None) -> datetime | date | None:
    """A sitemap ``lastmod`` or Atom date (ISO 8601, W3C) or an RSS ``pubDate`` (RFC 822: ``Thu, 14
    Oct 2021 16:05:00 +0200``), or one written the Dutch way (:func:`_dutch_moment`): an aware datetime
    when it gives a time (one without an offset is Amsterdam's), else its date; None when it is neither."""
    if not value or not value.strip():
        return None
    value = _twenty_four_hours(value.strip())
    try:
        moment = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        moment = None
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return _english_day(value) or _weekday_form(value) or _dutch_moment(value)
        if moment.tzinfo is None and re.search(r"-0000\s*$", value):
            # RFC 5322 §3.3: "-0000" is UTC (the sender's own zone unknown); Python leaves it naive, which read it
            # as Amsterdam's, two hours early in summer: an item of 23:30 UTC dated the day before its Dutch day
            moment = moment.replace(tzinfo=timezone.utc)
    if re.fullmatch(r"\d{4}-?\d{2}-?\d{2}", value):  # "2021-10-14": a date, no time
        return moment.date()
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


#: An OpenPub item's ``date`` given as a Unix timestamp: seconds (nine or ten digits, 2001..2286) or milliseconds
#: (twelve or thirteen, as a JavaScript layer writes them); eight digits would be a ``YYYYMMDD`` date, not a moment.
_UNIX_TIMESTAMP = re.compile(r"(?:\d{9,10}|\d{12,13})(?:\.\d+)?")


def _openpub_moment(value) -> str:
    """An OpenPub item's ``date`` or ``date_modified`` as the ISO text the archived page states: a string as it is;
    a Unix timestamp (a number, or its digits as a string: PHP's ``get_post_timestamp()`` a site's filter gives)
    as the moment it names, written in Amsterdam's time, so its day is the Dutch one; PHP's ``DateTime`` as its
    JSON writes it, ``{"date": "2021-10-14 16:05:00.000000", "timezone": "Europe/Amsterdam"}``, as its date in
    its zone. Anything else is no date ("").

    >>> _openpub_moment(1634220300)
    '2021-10-14T16:05:00+02:00'
    >>> _openpub_moment("1634220300000")
    '2021-10-14T16:05:00+02:00'
    >>> _openpub_moment({"date": "2021-10-14 16:05:00.000000", "timezone_type": 3, "timezone": "UTC"})
    '2021-10-14T16:05:00+00:00'
    >>> _openpub_moment("2021-10-14 10:00:00"), _openpub_moment(True)
    ('2021-10-14 10:00:00', '')
    """
    if isinstance(value, dict) and isinstance(value.get("date"), str):
        written, zone = value["date"].strip(), str(value.get("timezone") or "").strip()
        try:
            moment = datetime.fromisoformat(written[:19])
        except ValueError:
            return written
        try:  # timezone_type 3 names a zone, 1 an offset ("+02:00"); 2's abbreviation ("CEST") is left Amsterdam's
            moment = moment.replace(tzinfo=ZoneInfo(zone) if "/" in zone or zone == "UTC" else
                                    datetime.fromisoformat(f"2000-01-01T00:00:00{zone}").tzinfo)
        except (ValueError, ZoneInfoNotFoundError, OSError):  # OSError: a name longer than a file's may be
            pass
        return moment.isoformat()
    if isinstance(value, str) and not _UNIX_TIMESTAMP.fullmatch(value.strip()):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return ""
    seconds = float(value)
    if not _UNIX_TIMESTAMP.fullmatch(f"{seconds:.0f}"):
        return ""
    if seconds >= 1e11:  # milliseconds
        seconds /= 1000
    return datetime.fromtimestamp(int(seconds), tz=timezone.utc).astimezone(AMSTERDAM).isoformat()


#: A time on a twelve-hour clock in a feed's date, as a CMS template writes one (PHP's ``h:i:s A``: ``Thu, 14 Oct
#: 2021 11:30:00 PM +0000``; ``4:05 p.m.``). Email's parser skips the "PM": the time was read twelve hours early.
_TWELVE_HOURS = re.compile(r"\b(?P<h>0?[1-9]|1[0-2])(?P<rest>:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)\s*"
                           r"(?P<half>[ap])\.?\s?m\b\.?", re.I)


def _paged_address(url: str, parameter: str = "page") -> tuple[str, int | None]:
    """``url`` without its ``page`` parameter (or ``parameter``: WordPress's feeds are paged by ``paged``), and that
    page's number (None: none, or not a whole number): the OpenPub walk (or paged feed) an address is a page of, and
    where in it, whatever order its parameters are written in.

    >>> _paged_address("https://x.nl/wp-json/owc/openpub/v1/items?limit=50&page=21")
    ('https://x.nl/wp-json/owc/openpub/v1/items?limit=50', 21)
    >>> _paged_address("https://x.nl/items?page=2&limit=50") == _paged_address("https://x.nl/items?limit=50&page=2")
    True
    >>> _paged_address("https://x.nl/items?page=last")
    ('https://x.nl/items', None)
    >>> _paged_address("https://x.nl/feed/?paged=3", "paged")
    ('https://x.nl/feed/', 3)
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url, None
    query = parse_qsl(parts.query, keep_blank_values=True)
    pages = [value for key, value in query if key == parameter]
    rest = sorted((key, value) for key, value in query if key != parameter)
    number = int(pages[-1]) if pages and pages[-1].isascii() and pages[-1].isdigit() and len(pages[-1]) < 10 else None
    return urlunsplit(parts._replace(query=urlencode(rest), fragment="")), number


#: The OpenPub endpoints that list items besides ``…/items`` (plugin-openpub-base's REST API, news-sites.md §2.1:
#: the active items only, ``…/items/active``, and the search, ``…/search``, which answers as ``…/items`` does), at the
#: end of a path: an item either names is at its own ``…/items/{id}``.
_OPENPUB_ACTIVE = re.compile(r"/(?:items/active|search)$")


def _twenty_four_hours(value: str) -> str:
    """A feed's date with its twelve-hour clock (:data:`_TWELVE_HOURS`) written on the 24-hour one: "PM" adds twelve
    hours, "12:… AM" is just after midnight, "12:… PM" noon.

    >>> _twenty_four_hours("Thu, 14 Oct 2021 11:30:00 PM +0000")
    'Thu, 14 Oct 2021 23:30:00 +0000'
    >>> _twenty_four_hours("16 Oct 2021 12:15 am")
    '16 Oct 2021 00:15'
    """
    def clock(match: re.Match) -> str:
        hour = int(match.group("h")) % 12 + (12 if match.group("half").lower() == "p" else 0)
        return f"{hour:02d}{match.group('rest')}"

    return _TWELVE_HOURS.sub(clock, value)


_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
#: A feed date in English without a time, as RSS's RFC 822 is written but cut short: "Thu, 14 Oct 2021",
#: "14 Oct 2021", "Thursday, 14 October 2021", "October 14, 2021" (email's parser wants the time).
_ENGLISH_DAY = re.compile(r"(?:[a-z]{3,9}\.?,?\s+)?(?:(?P<d>\d{1,2})\s+(?P<mon>[a-z]{3,9})\.?|(?P<mon2>[a-z]{3,9})\.?"
                          r"\s+(?P<d2>\d{1,2}),?)\s+(?P<y>(?:19|20)\d{2})", re.I)


def _english_day(value: str) -> date | None:
    """The date of a feed date written in English without a time (:data:`_ENGLISH_DAY`), else None."""
    match = _ENGLISH_DAY.fullmatch(value)
    if match is None:
        return None
    name = (match.group("mon") or match.group("mon2")).lower()
    month = next((i for i, full in enumerate(_ENGLISH_MONTHS, 1) if full.startswith(name) and len(name) >= 3), None)
    try:
        return date(int(match.group("y")), month, int(match.group("d") or match.group("d2"))) if month else None
    except ValueError:  # "31 Nov 2021"
        return None


def _weekday_form(value: str) -> datetime | date | None:
    """A date as Drupal's default formats write it (weekday first, the time after " - ", a numeric date month first
    where its weekday says so: :func:`~tenderarchive.extraction.dates.weekday_form_date`), its time Amsterdam's, else
    None. Read as no date, a Drupal feed's or listing's items went undated where their pages state none, and a
    ``--from-date`` crawl asked every older one."""
    from tenderarchive.extraction.dates import weekday_form_date

    parsed = weekday_form_date(_twenty_four_hours(value))
    if parsed is None:
        return None
    if parsed.precision != "minute":
        return parsed.day
    return datetime.fromisoformat(parsed.iso).replace(tzinfo=AMSTERDAM)


#: A UTC offset or zone name ending a feed's date (``+0200``, ``+02:00``, ``GMT``, ``UTC``, ``Z``).
#: After a space or a time only: the year of ``14-10-2021`` is no offset.
_ZONE_AT_END = re.compile(r"(?:\s+|(?<=:\d\d))(?:(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})|GMT|UTC|Z)$", re.I)


def _dutch_moment(value: str) -> datetime | date | None:
    """A feed date written the Dutch way, as a CMS that translates its feed writes it: ``do, 14 okt
    2021 10:00:00 +0200`` (a Dutch RFC 822), ``14-10-2021``, ``14 oktober 2021 10:00`` (news-sites.md
    §2.3's forms, :func:`~tenderarchive.extraction.dates.parse_dutch_date`); its offset kept (none:
    Amsterdam's). Email's parser knows English names only, and the item lost its date: it went
    undated, and a ``--from-date`` crawl fetched it however old."""
    from tenderarchive.extraction.dates import parse_dutch_date

    zone = _ZONE_AT_END.search(value)
    parsed = parse_dutch_date(value[:zone.start()] if zone else value, anchored=True)
    if parsed is None:
        return None
    if parsed.precision != "minute":
        return parsed.day
    if zone is None:
        offset = AMSTERDAM
    elif zone.group("sign"):
        offset = timezone((-1 if zone.group("sign") == "-" else 1)
                          * timedelta(hours=int(zone.group("hours")), minutes=int(zone.group("minutes"))))
    else:
        offset = timezone.utc
    return datetime.fromisoformat(parsed.iso).replace(tzinfo=offset)


def registry_description(path) -> str:
    """How a crawl records the source registry it read (``crawls.arguments`` ``sources``, ``crawls.source``): a file of
    the user's by its absolute path, so that the command ``status`` names to crawl a stopped crawl's window again
    (tenderarchive/cli.py ``crawl_again_command``) reads the same file from any folder, as a ``--profile`` file is
    (profiles.profile_file_of); ``--sources sources.yaml`` was recorded as typed, a command that ran only from the
    folder the crawl ran in. The shipped registry (none given) as ``tenderarchive/sources.yaml``."""
    if not path:
        return "tenderarchive/sources.yaml"
    return str(Path(path).expanduser().resolve())


def fetched_moment(response, now: datetime) -> datetime:
    """When ``response`` was fetched (the raw store's ``fetched_at``, kept through a replay), else ``now``: the crawl's
    (``BaseSpider.now``, the product's clock: ``TENDERARCHIVE_NOW`` when set). It was the machine's: with the raw store
    off, a crawl run as of another day read a feed's "2 dagen geleden" against the machine's day."""
    try:
        moment = datetime.fromisoformat(response.meta.get("fetched_at") or "")
    except ValueError:
        return now
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def absolute(value: str | None, fetched: datetime) -> str | None:
    """A feed's date as written, or, written relative to when the feed was read ("2 dagen geleden",
    "gisteren", "3 hours ago": a feed plugin's or a listing's words,
    :func:`~tenderarchive.extraction.dates.relative_date`), the day it names against ``fetched``
    (``YYYY-MM-DD``, or with the time it gives). Such a date was no date: its item went undated and a
    ``--from-date`` crawl fetched it however old."""
    if not value or _moment(value) is not None:
        return value
    from tenderarchive.extraction.dates import relative_date

    parsed = relative_date(value, fetched)
    return parsed.iso if parsed else value


#: W3C Datetime's reduced precisions, which a sitemap's ``<lastmod>`` may use (sitemaps.org: "W3C Datetime
#: format"; the W3C note allows ``YYYY`` and ``YYYY-MM``): a year, or a month of one.
_W3C_PERIOD = re.compile(r"(?P<y>(?:1[6-9]|[2-9]\d)\d\d)(?:-(?P<m>0[1-9]|1[0-2]))?")


def lastmod_period(value: str | None) -> tuple[date, date] | None:
    """The first and last day of a ``lastmod`` written at W3C Datetime's reduced precision (``2024``: the year,
    ``2024-05``: May 2024), else None. Read as no date, such a ``lastmod`` never told that an archived page changed
    (it was never asked again), and a ``--from-date`` crawl fetched the pages of years before it."""
    match = _W3C_PERIOD.fullmatch((value or "").strip())
    if match is None:
        return None
    year, month = int(match.group("y")), match.group("m")
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    year_month = (year, int(month))
    return date(*year_month, 1), date(*year_month, calendar.monthrange(*year_month)[1])


def changed_moment(lastmod: str | None) -> datetime | date | None:
    """When a sitemap's or feed's date says a page last changed (:func:`_moment`); for a period
    (:func:`lastmod_period`), its first day: the page changed since a fetch made before that period began (asked
    once; a fetch within the period is not taken as older than the change, so a page is not asked every crawl
    while its ``lastmod`` names the current month or year)."""
    moment = _moment(lastmod)
    if moment is None and (period := lastmod_period(lastmod)) is not None:
        return period[0]
    return moment


def local_day(moment: datetime | date) -> date:
    """The Dutch calendar day of a moment (a date is its own)."""
    return moment.astimezone(AMSTERDAM).date() if isinstance(moment, datetime) else moment


def _day(value: str | None) -> date | None:
    """The Dutch (Europe/Amsterdam) day of a sitemap ``lastmod`` or feed date (:func:`_moment`), or
    None. WordPress writes its feeds' ``pubDate`` and Yoast its ``lastmod`` in UTC: a post of 00:30 on
    15 October is ``Thu, 14 Oct 2021 22:30:00 +0000``, which ``--from-date 2021-10-15`` must keep."""
    moment = _moment(value)
    return local_day(moment) if moment is not None else None


def xml_start(body: bytes) -> bytes:
    """An XML body without the blank lines a WordPress plugin or theme prints before its
    ``<?xml …?>`` declaration (which must come first), its UTF-8 byte-order mark kept.

    >>> xml_start(b'\\xef\\xbb\\xbf\\n  <?xml version="1.0"?><rss/>')
    b'\\xef\\xbb\\xbf<?xml version="1.0"?><rss/>'
    """
    bom = b"\xef\xbb\xbf" if body.startswith(b"\xef\xbb\xbf") else b""
    rest = body[len(bom):]
    stripped = rest.lstrip(b" \t\r\n")
    return bom + stripped if len(stripped) < len(rest) else body


def gunzipped(body: bytes, limit: int, what: str) -> bytes:
    """``body`` unpacked where it is a gzip file (its magic number: a sitemap's ``.xml.gz``, or a feed's or sitemap's
    pre-compressed copy a server sends without ``Content-Encoding``, which Scrapy leaves packed), at most ``limit``
    bytes (``DOWNLOAD_MAXSIZE``, as Scrapy's SitemapSpider unpacks; 1 GiB where it is 0); any other body as it is.
    Packed, a feed was one "malformed feed: Start tag expected" error of every crawl, all its items lost. Raises
    ``ValueError`` saying why, naming ``what`` ("sitemap", "feed"), for a gzip file that is broken or cut short, or
    that unpacks past ``limit`` (a gzip bomb).

    >>> import gzip as g
    >>> gunzipped(g.compress(b"<rss/>"), 100, "feed"), gunzipped(b"<rss/>", 100, "feed")
    (b'<rss/>', b'<rss/>')
    >>> gunzipped(g.compress(b"x" * 200), 100, "feed")
    Traceback (most recent call last):
    ...
    ValueError: gzipped feed larger than 100 bytes unpacked: not read
    """
    if body[:2] != b"\x1f\x8b":
        return body
    limit = limit or 1 << 30
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as packed:
            unpacked = packed.read(limit + 1)
    except (OSError, EOFError, ValueError, zlib.error) as exc:  # not gzip after all, or cut short
        raise ValueError(f"malformed gzipped {what}: {str(exc)[:200]}") from None
    if len(unpacked) > limit:
        raise ValueError(f"gzipped {what} larger than {limit} bytes unpacked: not read")
    return unpacked


def text_sitemap(body: bytes) -> list[str] | None:
    """The URLs of a sitemap in the protocol's text form (sitemaps.org: "a simple text file that contains one URL
    per line", UTF-8; ``Sitemap: /sitemap.txt`` in robots.txt), or None for a body that is not one (XML, or any
    line not an absolute http(s) URL). Read as XML, it was one "malformed sitemap" error of every crawl, every
    page it names never found. Blank lines are read over; at most 50,000 lines, the protocol's bound."""
    text = body.removeprefix(b"\xef\xbb\xbf").strip()
    if not text or text.startswith(b"<"):
        return None
    try:
        lines = [line.strip() for line in text.decode("utf-8").splitlines() if line.strip()]
    except UnicodeDecodeError:
        return None
    urls = [http_url(line) if re.match(r"https?://\S+$", line, re.I) else None for line in lines[:50000]]
    return None if not urls or None in urls else urls


def robots_lines(body: bytes) -> bytes:
    """A robots.txt body as Scrapy's ``sitemap_urls_from_robots`` reads it: without a UTF-8 byte order mark, and
    with its lines ended by ``\n``. That function reads a line only at ``\n`` and only when it starts with
    ``Sitemap:``: a robots.txt saved with a BOM (a Windows editor) hid its first line, a TYPO3 site's
    ``Sitemap: …?type=200`` announcement (news-sites.md §2.1) among them, and one with old-Mac ``\r`` line ends was one
    line, so no sitemap was read (RFC 9309 §2.2 allows CR, LF or CRLF; Protego, which reads the rules, already
    takes the BOM and each line end). One saved as UTF-16 or UTF-32 with its mark is read as such
    (:func:`tenderarchive.robots.utf8_body`), as the rules are."""
    from tenderarchive.robots import utf8_body

    return utf8_body(body).removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def html_answer(response) -> str | None:
    """The title (``""`` without one) of an answer that is an HTML page where a feed or a sitemap was asked (its body an
    HTML document: ``<!doctype html>``, ``<html>``), else None. A CMS answers an address it has nothing at with its
    home page, a redirect there or a "not found" page with status 200 (a WordPress plugin switching feeds off sends
    ``/feed/`` to the home page): read as XML, it was "malformed feed: StartTag: invalid element name" or "malformed
    sitemap: " (nothing more), naming the page it landed on."""
    head = xml_start(response.body[:4096]).removeprefix(b"\xef\xbb\xbf").lstrip()
    while head.startswith(b"<!--"):  # a comment before the document
        end = head.find(b"-->")
        head = head[end + 3:].lstrip() if end >= 0 else b""
    if not re.match(rb"<(?:!doctype\s+html|html)\b", head, re.I):
        return None
    title = re.search(rb"<title[^>]*>(.*?)</title", response.body[:1 << 16], re.I | re.S)
    return " ".join(html.unescape(title.group(1).decode("utf-8", "replace")).split())[:80] if title else ""


#: The media types of a page's ``<link rel="alternate">`` that name a feed (RSS Advisory Board, "RSS Autodiscovery").
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
#: A feed of a page's comments (WordPress's "Reacties feed", ``/comments/feed/``, a post's ``/feed/`` of its
#: comments): its items are comments, not news.
_COMMENTS_FEED = re.compile(r"(?:^|/)(?:comments?|reacties)(?:/|$)|\b(?:comments?|reacties)\b", re.I)
#: Feeds read from one page's autodiscovery links at most.
MAX_ADVERTISED_FEEDS = 5


def advertised_feeds(response) -> list[str]:
    """The feeds an HTML page names in its ``<head>`` (``<link rel="alternate" type="application/rss+xml"
    href>``, Atom's and RDF's too: feed autodiscovery, as every feed reader and browser reads it), absolute, in
    page order, its comments feeds left out (:data:`_COMMENTS_FEED`), at most :data:`MAX_ADVERTISED_FEEDS`.
    A site's news page or home page is where a user adding the site finds its "RSS" (news-sites.md §2.1:
    WordPress's ``/feed/``, a category's archive URL + ``/feed``; other CMSs name theirs so too). A relative ``href``
    is read against the page's ``<base href>`` (:func:`~tenderarchive.extraction.markup.document_base`)."""
    import lxml.html

    from tenderarchive.extraction.markup import document_base

    try:
        tree = lxml.html.document_fromstring(response.body)
    except (etree.ParserError, ValueError):
        return []
    feeds: list[str] = []
    base = document_base(tree, response.url)  # its <base href> (an older TYPO3 site's, §2.1), else its address
    for link in tree.xpath("//link[@href and @type]"):
        rel = (link.get("rel") or "").lower().split()
        if "alternate" not in rel or link.get("type").split(";")[0].strip().lower() not in FEED_TYPES:
            continue
        href = link.get("href").strip()
        try:
            url = http_url(urljoin(base, href))
        except ValueError:
            continue
        if url and url not in feeds and not _COMMENTS_FEED.search(f"{urlsplit(url).path} {link.get('title') or ''}"):
            feeds.append(url)
    return feeds[:MAX_ADVERTISED_FEEDS]


_CDATA = re.compile(rb"(<!\[CDATA\[.*?\]\]>)", re.S)
#: An ``&`` that starts no character or entity reference ("Jeugd & Gezin", "?a=1&b=2"), and an entity reference.
_BARE_AMPERSAND = re.compile(rb"&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
#: The control characters XML 1.0 forbids (a CMS copies them from a word processor into a title).
_XML_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})


#: The ``encoding`` of an ``<?xml …?>`` declaration (what :func:`xml_utf8` rewrites).
_XML_DECLARED_ENCODING = re.compile(rb"\A(<\?xml\b[^>]*?\bencoding\s*=\s*)([\"'])[A-Za-z0-9._-]{0,40}\2")


def xml_utf8(body: bytes) -> bytes:
    """An XML body saved as UTF-16 or UTF-32 with its byte order mark (a Windows editor's "Unicode") as UTF-8, its
    declaration saying so; any other as it is. :func:`mend_xml` mends bytes, and took every NUL byte of such a body out
    as a control character: its sitemap read as "malformed sitemap: " (no reason), its pages never asked.

    >>> xml_utf8('<?xml version="1.0" encoding="UTF-16"?><urlset/>'.encode("utf-16"))
    b'<?xml version="1.0" encoding="UTF-8"?><urlset/>'
    """
    from tenderarchive.robots import utf8_body  # the robots.txt's reading of the mark (w3lib's read_bom)

    utf8 = utf8_body(body)
    if utf8 is body:
        return body
    return _XML_DECLARED_ENCODING.sub(rb"\1\2UTF-8\2", utf8.lstrip(b" \t\r\n"), count=1)


#: The encoding an ``<?xml …?>`` declaration names (after a UTF-8 byte order mark).
_XML_ENCODING_NAME = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*([\"'])([A-Za-z0-9._-]{0,40})\1")


def xml_windows_1252(body: bytes) -> bytes:
    """An XML body that says UTF-8 (its declaration, or none: XML's default) over bytes that are not UTF-8 read as
    UTF-8 where they are and as ``windows-1252`` byte by byte where they are not (as a browser reads a Dutch page
    declared so, :func:`tenderarchive.extraction.markup.decode_html`), written as UTF-8; any other as it is. An
    older CMS writes ``encoding="UTF-8"`` over its ``windows-1252`` titles ("Coöperatie", curly quotes): the first
    such byte broke the parse, one "malformed feed" error of every crawl and all its items lost (a sitemap's
    entries lost from there on), news-sites.md §2.4 mojibake.

    >>> xml_windows_1252('<?xml version="1.0" encoding="UTF-8"?><t>Coöperatie</t>'.encode("cp1252")).decode()
    '<?xml version="1.0" encoding="UTF-8"?><t>Coöperatie</t>'
    >>> xml_windows_1252('<?xml version="1.0" encoding="ISO-8859-1"?><t>ö</t>'.encode("latin-1"))[-8:]
    b'<t>\\xf6</t>'
    """
    import codecs

    import tenderarchive.extraction.markup  # noqa: F401  registers the "tenderarchive-windows-1252" handler

    declared = _XML_ENCODING_NAME.match(body)
    if declared:
        try:
            if codecs.lookup(declared.group(2).decode("ascii")).name != "utf-8":
                return body
        except LookupError:
            return body
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("utf-8", errors="tenderarchive-windows-1252").encode("utf-8")
    return body


def mend_xml(body: bytes) -> bytes:
    """A feed's (or a sitemap's) bytes with what makes a CMS's XML not well-formed mended outside its CDATA sections:
    a bare ``&`` escaped, an HTML entity (``&nbsp;``, ``&euml;``: XML defines five) written as its character reference (the feed's
    encoding untouched), the control characters XML forbids dropped. Such a feed was one "malformed feed" error of
    every crawl, all its items lost; a feed reader (feedparser's loose mode) reads it. Written here because lxml's
    ``recover`` drops the text around the fault (a link's ``?a=1&b=2`` read as ``?a=1b=2``), and feedparser would
    be a second feed reader beside this one for these three repairs."""
    from html.entities import name2codepoint

    def entity(m: re.Match) -> bytes:
        name = m.group(1)
        if name in _XML_ENTITIES:
            return m.group(0)
        code = name2codepoint.get(name.decode("ascii"))
        return f"&#{code};".encode() if code else b"&amp;" + name + b";"

    def mend(part: bytes) -> bytes:
        return _ENTITY.sub(entity, _BARE_AMPERSAND.sub(b"&amp;", _XML_CONTROL.sub(b"", part)))

    body = xml_windows_1252(xml_utf8(body))
    return b"".join(part if part.startswith(b"<![CDATA[") else mend(part) for part in _CDATA.split(body))


#: The end of an XML document: the root's end tag (any prefix), then only white space and comments.
_XML_TAIL_COMMENT = re.compile(rb"<!--(?:(?!-->).)*-->\s*\Z", re.S)


def closes(xml: bytes, root: str) -> bool:
    """Whether the XML document ``xml`` ends with its root element's end tag ``</root>`` (or ``</prefix:root>``),
    only white space and comments after it: False for a document cut short. Reads its last few kilobytes only."""
    tail = xml[-4096:].rstrip()
    for _ in range(20):  # a generator's trailing comments ("<!-- generated in 0.2 s -->"), bounded
        comment = _XML_TAIL_COMMENT.search(tail, max(0, len(tail) - 1024)) if tail.endswith(b"-->") else None
        if comment is None:
            break
        tail = tail[:comment.start()].rstrip()
    return re.search(rb"</(?:[A-Za-z_][\w.-]*:)?" + re.escape(root.encode()) + rb"\s*>\Z", tail[-300:]) is not None


def feed_root(response):
    """A feed's XML root, read in the encoding it declares (its byte-order mark, its ``<?xml …
    encoding>``, else UTF-8); bytes that do not decode so are read in the charset of the HTTP
    ``Content-Type`` (RFC 7303: a ``windows-1252`` or ``ISO-8859-1`` feed of an older CMS that says so
    only in the header was one "malformed feed" error, all its items lost, on every crawl). Raises
    lxml's ``XMLSyntaxError`` (or ``ValueError``) when neither reads it."""
    from w3lib.encoding import http_content_type_encoding

    body = xml_start(response.body)

    def parse(encoding=None):
        return etree.fromstring(body, base_url=response.url,
                                parser=etree.XMLParser(recover=False, resolve_entities=False, encoding=encoding))

    try:
        return parse()
    except etree.XMLSyntaxError:
        declared = http_content_type_encoding((response.headers.get("Content-Type") or b"").decode("latin-1"))
        if declared and declared not in ("utf-8", "utf8") and not body.startswith(b"\xef\xbb\xbf"):
            try:
                return parse(declared)
            except (etree.XMLSyntaxError, LookupError, ValueError):
                pass
        mended = mend_xml(body)
        if mended == body:
            raise
        body = mended  # a bare "&", an HTML entity, a control character (mend_xml)
        try:
            return parse()
        except etree.XMLSyntaxError:
            if not declared or declared in ("utf-8", "utf8") or body.startswith(b"\xef\xbb\xbf"):
                raise
            return parse(declared)


_ATOM_LINK = "{http://www.w3.org/2005/Atom}link"


def feed_page_links(root, url: str) -> list[str]:
    """A feed's links to its next page (RFC 5005 §3: ``rel="next"``, one token of ``rel``): Atom's ``<link>`` of its
    ``<feed>``, RSS 2.0's ``<atom:link>`` of its ``<channel>``, each relative to its ``xml:base`` (else the feed's
    ``url``); http(s) addresses only, without their fragment."""
    parent = root.find("channel") if root.tag == "rss" else root
    found = []
    for node in (parent.findall(_ATOM_LINK) if parent is not None else ()):
        if "next" not in (node.get("rel") or "").lower().split() or not (node.get("href") or "").strip():
            continue
        try:
            link = http_url(urljoin(node.base or url, node.get("href").strip()).split("#")[0])
        except ValueError:
            continue
        if link and link not in found:
            found.append(link)
    return found


def wordpress_feed(root) -> bool:
    """Whether a feed says WordPress wrote it: RSS 2.0's ``<generator>https://wordpress.org/?v=6.4</generator>``,
    Atom's ``<generator uri="https://wordpress.org/">WordPress</generator>``, RSS 1.0's ``<admin:generatorAgent
    rdf:resource="https://wordpress.org/?v=…">``."""
    parent = root.find("channel") if root.tag == "rss" else root
    if parent is None:
        return False
    for node in itertools.chain(parent.findall("generator"), parent.findall("{http://www.w3.org/2005/Atom}generator"),
                                root.iter("{http://webns.net/mvcb/}generatorAgent")):
        said = " ".join([node.text or "", node.get("uri") or "",
                         node.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource") or ""])
        if re.search(r"\bwordpress\b", said[:300], re.I):
            return True
    return False


#: WordPress's HTTP header naming its REST API (``Link: <https://site/wp-json/>; rel="https://api.w.org/"``), sent with
#: every answer its templates give, a feed's too.
_WP_API_LINK = re.compile(r"""\brel\s*=\s*["']?https?://api\.w\.org/?["']?""", re.I)


def wordpress_answer(response) -> bool:
    """Whether an answer carries WordPress's ``Link`` header to its REST API (:data:`_WP_API_LINK`)."""
    return any(_WP_API_LINK.search(value.decode("latin-1")[:1000]) for value in response.headers.getlist("Link"))


def wordpress_next_feed_page(url: str) -> str:
    """The next page of a WordPress feed: WordPress pages its feeds by the query ``paged`` (``/feed/?paged=2``) and
    names no next page (news-sites.md §2.1: "RSS at ``/feed/``"); page 1 where ``url`` has none.

    >>> wordpress_next_feed_page("https://a.nl/feed/")
    'https://a.nl/feed/?paged=2'
    >>> wordpress_next_feed_page("https://a.nl/?feed=rss2&paged=2")
    'https://a.nl/?feed=rss2&paged=3'
    """
    number = next((to_int(value) for name, value in parse_qsl(urlsplit(url).query) if name == "paged"), None)
    return add_or_replace_parameter(url, "paged", str((number if number and number > 0 else 1) + 1))


#: MIME types that say nothing of the bytes (WHATWG MIME Sniffing §7.1 "unknown type"), and a type that is none.
_UNKNOWN_TYPES = ("", "application/octet-stream", "application/unknown", "unknown/unknown", "*/*")
#: The first tag of an HTML document, after white space (WHATWG MIME Sniffing §7.1, the "text/html" patterns):
#: the tag's name, then a space or ">".
_HTML_SIGNATURE = re.compile(rb"[\t\n\x0c\r ]*<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b"
                             rb"|body|br|p|!--)[ >]", re.I)


def sniffed_html(declared: str, body: bytes) -> bool:
    """Whether a response whose ``Content-Type`` is ``declared`` (its type alone, lower case) is an HTML page by its
    bytes: a type that says nothing of them (none, ``application/octet-stream``, or no type at all: ``x``) over a
    body that opens as HTML does (a byte-order mark, white space, then ``<!DOCTYPE html``, ``<html``, ``<head``, …).
    A document (a PDF, an image) or a page of a known other type is not."""
    if declared in _UNKNOWN_TYPES or "/" not in declared:
        if body[:3] == b"\xef\xbb\xbf":
            body = body[3:]
        return _HTML_SIGNATURE.match(body[:1024]) is not None
    return False


def read_as_archived(response):
    """An HTML response read in the charset the archive's extraction reads its bytes in
    (:func:`tenderarchive.extraction.markup.decode_html`, a browser's reading), where that is not the one Scrapy
    read it in; else ``response`` itself. A listing declared Latin-1 (``ISO-8859-1``, ``windows-1252``: a server's
    default ``Content-Type`` charset, or a template's ``<meta charset>``) whose bytes are UTF-8 is read as UTF-8
    (Latin-1 text is almost never valid UTF-8); one that says UTF-8 (the header by a server's default, or a new
    template's ``<meta charset>``) over an older CMS's ``windows-1252`` bytes is read in the ``<meta charset>`` that
    decodes them, else as ``windows-1252`` where its bytes are not UTF-8. Read as declared, a listing's link to
    ``/nieuws/coöperatie-jeugdhulp`` became ``/nieuws/coÃ¶peratie-jeugdhulp``, or ``/nieuws/co\ufffdperatie-jeugdhulp``
    (a replacement character): a 404, the item never archived (news-sites.md §2.4: ë/ö "damaged by a wrong
    decode"). One labelled UTF-16 or UTF-32 over bytes that cannot be (``wide_charset_impossible``) is read in the
    charset its markup declares, else UTF-8: its links were CJK characters, none followed, and the crawl complete; a
    UTF-16 or UTF-32 byte-order mark over such bytes (``wide_bom_impossible``) is dropped, the rest read so."""
    from tenderarchive.extraction.markup import decode_html, wide_bom_impossible, wide_charset_impossible

    if isinstance(response, scrapy.http.TextResponse) and (stray := wide_bom_impossible(response.body)):
        # a UTF-16/32 byte-order mark over bytes with no NUL: no part of the page, read as its header and markup say
        return read_as_archived(response.replace(body=response.body[stray:]))
    if isinstance(response, scrapy.http.TextResponse) and wide_charset_impossible(response.encoding, response.body):
        # labelled UTF-16/32 over bytes with no NUL (a misconfigured server): read as the markup says, else UTF-8
        from w3lib.encoding import html_body_declared_encoding

        in_markup = html_body_declared_encoding(response.body)
        if in_markup and wide_charset_impossible(in_markup, response.body):
            in_markup = None
        return read_as_archived(response.replace(encoding=in_markup or "utf-8"))
    if not isinstance(response, scrapy.http.HtmlResponse) or response.body.isascii():
        return response
    text = decode_html(response.body, (response.headers.get("Content-Type") or b"").decode("latin-1"))
    if text == response.text:
        return response
    for encoding in ("utf-8", "cp1252"):  # the names Scrapy's reading then gives the same text under
        try:
            if response.body.decode(encoding) == text:
                return response.replace(encoding=encoding)
        except UnicodeDecodeError:
            continue
    # a page mixing both (decode_html's reading byte by byte), or another charset its markup declares
    return response.replace(body=text.encode("utf-8"), encoding="utf-8")


#: Query parameters that number a listing's pages: iprox ``pager_page`` (from 1), Drupal ``page``
#: (from 0), WordPress's ``paged`` (plain permalinks: ``/?cat=5&paged=2``), and the Dutch and short forms
#: (docs/reference/news-sites.md §2.1).
PAGER_PARAMETERS = ("pager_page", "page", "paged", "pagina", "p", "pg")
#: Query parameters that give a listing page's first item instead (Joomla's ``?start=10`` and
#: ``?limitstart=10``, of local news sites such as voorschoten.online's ``/index.php/…``, news-sites.md §5):
#: pages of the listing to :func:`pager_links`, never counted up by :func:`data_page_links`.
OFFSET_PARAMETERS = ("start", "limitstart", "offset")
#: TYPO3 EXT:news's page-number parameter (news-sites.md §2.1 TYPO3: EXT:news): ``tx_news_pi1[currentPage]``,
#: in older versions ``tx_news_pi1[@widget_0][currentPage]``, each link signed with a ``cHash``.
TYPO3_PAGER = re.compile(r"^tx_\w+(?:\[@widget_\d+\])?\[(?:currentPage|page)\]$", re.I)


#: A pager's words for its neighbours and ends (Dutch and English), or a page's name and number ("Pagina 3", "Ga naar
#: pagina 3"), with its arrows beside them or not ("Volgende »", "« Vorige": how pagers write them), and its arrows.
_PAGER_ARROWS = r"[«»‹›<>→←]+"
PAGER_WORDS = re.compile(
    rf"(?:{_PAGER_ARROWS}\s*)?(?:(?:volgende|vorige|eerste|laatste|next|previous|prev|first|last|oudere?|nieuwere?)"
    r"(?:\s+(?:pagina|page|berichten|nieuws(?:berichten)?|posts?|items?))?|(?:ga\s+naar\s+|go\s+to\s+)?(?:pagina|page)\s+\d+)"
    rf"(?:\s*{_PAGER_ARROWS})?|{_PAGER_ARROWS}|\.\.\.|…", re.I)
#: A link standing in a listing's pager: an element around it (up to three levels) named so in its class, id or
#: ``aria-label`` (``pagination``, ``paginering``, ``pager``, ``paging``, ``page-numbers``, ``page-nav``), not a
#: theme's ``page-content`` around the entries.
_NAMES = "translate(concat(@class, ' ', @id, ' ', @aria-label), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
IN_PAGER = "ancestor-or-self::*[position() <= 4][" + " or ".join(
    f"contains({_NAMES}, '{word}')" for word in ("pagin", "pager", "paging", "page-numbers", "page-nav", "pagenav")) + "]"


def on_listing_host(url: str, root: str) -> str | None:
    """``url`` on the listing ``root``'s scheme and host when it names the listing's site (the same host, or the other
    of its ``www.`` and bare hosts, on the same port: news-sites.md §2.2, jeugdhulpmvs.nl "occurs both with and without
    ``www.``"; ``http`` for ``https`` too, a CMS behind a proxy writing its configured address into absolute links),
    else None. A pager written with absolute links to the CMS's configured host, the listing fetched on the other, was
    no pager: only the listing's first page was read."""
    try:
        parts, base = urlsplit(url), urlsplit(root)
        same = (parts.scheme in ("http", "https") and parts.port == base.port and not parts.username
                and (parts.hostname or "").removeprefix("www.") == (base.hostname or "").removeprefix("www."))
    except ValueError:
        return None
    return urlunsplit(parts._replace(scheme=base.scheme, netloc=base.netloc)) if same else None


#: A link naming one year, or one month, of a news archive: its text the year alone, or the archive's name and the
#: year ("2021", "Archief 2021", "Nieuwsarchief 2021", "Nieuws uit 2021", "Berichten 2021"), or a Dutch month and
#: the year, as WordPress's archives widget names its month archives ("juli 2021", "juli 2021 (3)" with its count).
def _archive_text() -> re.Pattern:
    months = "|".join(sorted(MONTHS, key=len, reverse=True))  # the project's one month table
    return re.compile(r"(?:(?:nieuws)?archief|nieuws(?:\s+uit)?|berichten(?:\s+uit)?|jaar)?\s*\(?"
                      r"(?:(?P<month>" + months + r")\.?\s+)?(?P<year>(?:19|20)\d\d)\)?(?:\s*\(\d{1,5}\))?", re.I)


_ARCHIVE_YEAR_TEXT = _archive_text()


def _month_address(parts, year: int, month: int) -> bool:
    """Whether an address names the archive of ``month`` of ``year``: its path ending in the year and the month
    (WordPress's ``/2021/07/``, ``/nieuws/archief/2021/7``), or its query naming them (WordPress's plain ``?m=202107``,
    ``?jaar=2021&maand=7``). An article's address under its month (``/2021/07/29/<slug>/``) is none."""
    segments = [segment for segment in parts.path.split("/") if segment]
    if segments[-2:] == [str(year), f"{month:02d}"] or segments[-2:] == [str(year), str(month)]:
        return True
    values = [value for _, value in parse_qsl(parts.query)]
    return f"{year}{month:02d}" in values or (str(year) in values and (str(month) in values
                                                                          or f"{month:02d}" in values))


def _form_address(select, value: str) -> str | None:
    """The address a ``GET`` form asks when its ``select`` is set to ``value`` (its ``action``, the page itself when
    it has none, with the form's query: its hidden fields and the select's name; the action's own query replaced, as
    a browser's is), or None: a select without a name or outside a form, a ``POST`` form."""
    name = select.get("name")
    form = next((node for node in select.iterancestors() if node.tag == "form"), None)
    if not name or form is None or (form.get("method") or "get").strip().lower() != "get":
        return None
    fields = [(field.get("name"), field.get("value") or "") for field in form.iter("input")
              if (field.get("type") or "").lower() == "hidden" and field.get("name")]
    try:
        action = urlsplit((form.get("action") or "").strip())
    except ValueError:
        return None
    return urlunsplit(action._replace(query=urlencode(fields + [(name, value)]), fragment=""))


#: A year chooser's script going to the address it builds from the chosen option (its ``onchange``):
#: ``location.href = '/nieuws/archief/' + this.value``, ``window.location = '?jaar=' + this.value + '&x=y'``,
#: ``document.location.assign("/nieuws/jaar-" + this.options[this.selectedIndex].value)``, jQuery's ``$(this).val()``;
#: the text before and after the value are string literals, each at most 200 characters.
_SCRIPT_NAVIGATION = re.compile(
    r"\blocation(?:\.href)?\s*(?:=|\.(?:assign|replace)\s*\()\s*"
    r"(?:(?P<q1>['\"])(?P<prefix>[^'\"<>\\]{0,200})(?P=q1)\s*\+\s*)?"
    r"(?:this\.value|this\.options\s*\[\s*this\.selectedIndex\s*\]\.value|\$\(\s*this\s*\)\.val\(\s*\))"
    r"(?:\s*\+\s*(?P<q2>['\"])(?P<suffix>[^'\"<>\\]{0,200})(?P=q2))?")


def _script_address(select, value: str) -> str | None:
    """The address a year chooser's ``onchange`` script goes to when ``value`` is chosen (:data:`_SCRIPT_NAVIGATION`:
    its literal text around the option's value), relative to the page as a browser takes it; None when its script
    builds none so (the first 500 characters of it are read)."""
    match = _SCRIPT_NAVIGATION.search((select.get("onchange") or "")[:500])
    if match is None:
        return None
    return f"{match.group('prefix') or ''}{value}{match.group('suffix') or ''}"


def _short_text(node, most: int = 30) -> str:
    """A link's text with its spaces made single, or "" when it holds more than ``most`` other characters (no year or
    month link is that long): read piece by piece up to there, not whole. A deeply nested page (a link left open holds
    the rest of the page) had each link's whole text joined, twice a listing (the fresh-clone CI's
    test_a_deeply_nested_listing_costs_about_what_a_flat_one_of_its_size_does)."""
    pieces, seen = [], 0
    for piece in node.itertext():
        seen += len("".join(piece.split()))
        if seen > most:
            return ""
        pieces.append(piece)
    return " ".join("".join(pieces).split())


def _year_choices(document):
    """The (text, address) of each way a page offers to go to another page of it: its links, and the options of a
    ``<select>`` (a year chooser: ``<option value="/nieuws/archief/2021">2021</option>``, navigated to by a script, or
    an option's bare value in a ``GET`` form, ``<form action="/nieuws"><select name="jaar">``: ``/nieuws?jaar=2021``,
    or in the address its ``onchange`` script builds, ``location.href='/nieuws/archief/'+this.value``:
    :func:`_script_address`, branch refnews69).
    An option without a ``value`` has its text as its value, as in HTML."""
    for node in document.iter("a", "option"):
        if node.tag == "a":
            yield _short_text(node), node.get("href") or ""
            continue
        text = " ".join("".join(node.itertext()).split())
        value = (node.get("value") if node.get("value") is not None else text).strip()
        if not value:
            continue
        if value.isdigit():
            select = next((n for n in node.iterancestors() if n.tag == "select"), None)
            address = (_script_address(select, value) or _form_address(select, value)) if select is not None else None
            if address is not None:
                yield text, address
        elif "/" in value or value.startswith("?"):
            yield text, value


def year_archive_links(response, root: str, first_year: int, last_year: int, first_month: int = 1,
                       last_month: int = 12, pages: list | None = None) -> list[str]:
    """The listing's archive pages by year (``/nieuws/archief/2021``, ``/nieuws/2021/``, ``/nieuws?jaar=2021``): the
    links on the listing's site whose text names a year (:data:`_ARCHIVE_YEAR_TEXT`) and whose address carries that
    year as a path segment or a query value, for the years ``first_year`` to ``last_year`` (the crawl's dates), newest
    first; a year chooser's options count as links (:func:`_year_choices`: ``<option value="/nieuws/archief/2021">``,
    or a ``GET`` form's ``<select name="jaar">``, branch refnews67: a site offering its years only so had its earlier
    years never read). A site that keeps its older news in one archive page a year (a list of years in the listing's side menu)
    showed its current year only: the articles of every earlier year were never discovered. Links in menus count here
    (a list of years is a sub-navigation); the page's own pager and articles do not have its shape.

    A link naming a month and its year ("juli 2021", WordPress's archives widget, as links or as its dropdown's
    options) whose address ends in them (:func:`_month_address`: ``/2021/07/``, ``?m=202107``) is that month's
    archive page, read so for the months from ``first_month`` of ``first_year`` to ``last_month`` of ``last_year``
    (branch refnews67: a WordPress site listing its older posts by month only had them never read).

    An article titled with a year alone at ``/nieuws/2021`` is read as that year's archive (a listing, whose own links
    are followed), never as an article; the registry's ``deny`` rules still apply to it."""
    found: dict[str, tuple[int, int]] = {}
    for url, year, month in archive_pages(response, root) if pages is None else pages:
        if not first_year <= year <= last_year or (month is not None and not (
                (first_year, first_month) <= (year, month) <= (last_year, last_month))):
            continue
        found.setdefault(url, (year, month or 13))
    return sorted(found, key=lambda u: (-found[u][0], -found[u][1], u))


def archive_pages(response, root: str) -> list[tuple[str, int, int | None]]:
    """Every archive page by year or month the listing offers (:func:`year_archive_links` without the crawl's dates),
    as (address, year, month or None) in the page's order: read once per listing page, for the pages to read and the
    addresses never to ask as articles alike."""
    root_node = response.selector.root
    if root_node is None or not isinstance(getattr(root_node, "tag", None), str):
        return []
    pages = []
    for text, href in _year_choices(root_node.getroottree().getroot()):
        match = _ARCHIVE_YEAR_TEXT.fullmatch(text) if len(text) <= 30 else None
        if not match or not href:
            continue
        year = int(match.group("year"))
        month = MONTHS[match.group("month").lower()] if match.group("month") else None
        try:
            url = on_listing_host(response.urljoin(href), root)
        except ValueError:
            continue
        if not url:
            continue
        parts = urlsplit(url)
        if month is not None:
            named = _month_address(parts, year, month)
        else:
            named = str(year) in [segment for segment in parts.path.split("/") if segment] \
                or any(value == str(year) for _, value in parse_qsl(parts.query))
        if named and without_tracking(url) != without_tracking(root):
            pages.append((without_tracking(url).split("#")[0], year, month))
    return pages


def pager_shaped(anchor) -> bool:
    """Whether a link reads as a pager's (its text a page number or :data:`PAGER_WORDS`, a ``rel`` of ``next`` or
    ``prev``, or standing in an element named a pager: :data:`IN_PAGER`) rather than as an entry's (its text
    the item's title)."""
    text = " ".join(" ".join(anchor.xpath(".//text()").getall()).split())
    rel = (anchor.root.get("rel") or "").lower().split()  # not .attrib: it reads every attribute
    return text.isdigit() or bool(PAGER_WORDS.fullmatch(text)) or "next" in rel or "prev" in rel \
        or bool(anchor.xpath(IN_PAGER))


def pager_links(response, root: str, newest_last: bool = False, cms: str | None = None) -> list[str]:
    """The links of a listing page to other pages of the same listing, nearest numbers first (``newest_last``:
    the highest first, for a listing ordered oldest first, whose newest items are on its last page):
    the listing's URL with one page-number parameter added or changed (``?pager_page=2``,
    ``?page=1``, Joomla's ``?start=10``, TYPO3 EXT:news's ``?tx_news_pi1[currentPage]=2&cHash=…``; in a link shaped
    as a pager's, other parameters beside it, as a Drupal view's exposed filters ``?type=All&page=1``), or a page number
    in the path: WordPress's ``…/page/2/`` and the Dutch ``…/pagina/2``, ``…/pagina-2``, or a bare ``…/2`` in a link
    shaped as a pager's (:func:`pager_shaped`, below 1000). Links to anything else are not pages of it.

    ``?p=123`` is a post on WordPress's plain permalinks, not page 123 of a listing at the site's root: on a site
    registered as WordPress (``cms``) ``p`` is never a page number, and on the others (the registry's ``cms`` is
    optional, and a guess from URL shape where given: news-sites.md §4) only in links all shaped as a pager's
    (:func:`pager_shaped`: "2", "Volgende »", "Pagina 3", in a ``nav.pagination``): an address linked under an entry's title is
    the entry (its comment count "3" too)."""
    try:
        base = urlsplit(root)
    except ValueError:
        return []
    # A parameter without a value is no parameter: Drupal's Search API pager writes its empty
    # exposed filters into every page link (``?search_api_fulltext=&page=1``).
    base_query = dict(parse_qsl(base.query))
    base_path = base.path.rstrip("/")
    found: dict[str, int] = {}
    entries: set[str] = set()  # `p` links read as an entry's
    for anchor in response.xpath("//a[@href]"):
        href = anchor.root.get("href", "")  # not .attrib (it copies every attribute; one may be unreadable)
        try:
            # a session id a server writes into each answer's links (the crawl sends no cookie) is no other page
            url = on_listing_host(without_tracking(response.urljoin(href.strip()).split("#")[0]), root)
            if url is None or http_url(url) is None:
                continue
            parts = urlsplit(url)
        except ValueError:
            continue
        query = dict(parse_qsl(parts.query))
        number = None
        if parts.path.rstrip("/") == base_path:
            # TYPO3 signs each link's parameters with a cHash, which changes with the page number
            changed = {k: v for k, v in query.items() if base_query.get(k) != v and k.lower() != "chash"}
            numbered = {k: v for k, v in changed.items()
                        if (k.lower() in PAGER_PARAMETERS + OFFSET_PARAMETERS or TYPO3_PAGER.search(k)) and v.isdigit()}
            # A Drupal view's pager writes its exposed filters' values into every page link (``?type=All&page=1``
            # of a listing at ``/nieuws``): other parameters beside the page number, in a link shaped as a pager's
            if len(numbered) == 1 and set(query) >= set(base_query) - set(changed) - {"cHash"} \
                    and (len(changed) == 1 or pager_shaped(anchor)):
                (name, value), = numbered.items()
                number = int(value)
                if number is not None and name.lower() == "p" and (cms == "wordpress" or not pager_shaped(anchor)):
                    entries.add(url)  # its comment count ("3", to `?p=123#comments`) is no pager either
                    number = None
        elif query == base_query:
            in_path = re.fullmatch(re.escape(base_path) + r"/((?:page|pagina)[/-])?(\d+)", parts.path.rstrip("/"), re.I)
            number = int(in_path.group(2)) if in_path else None
            if in_path and not in_path.group(1) and (number >= 1000 or not pager_shaped(anchor)):
                # a bare number (``/nieuws/2``, a Laravel or custom CMS's route) is a page only in a link shaped as
                # a pager's: ``/nieuws/4821`` under an entry's title is that entry, ``/nieuws/2024`` a year's archive
                number = None
        if number is not None and url != root:
            found.setdefault(url, number)
    return sorted((u for u in found if u not in entries), key=lambda u: (-found[u] if newest_last else found[u], u))


def listing_page_number(url: str, root: str) -> int | None:
    """The page number a page of a listing's pager (:func:`pager_links`, :func:`data_page_links`, ``rel="next"``)
    gives itself against the listing's URL ``root``: its one page-number parameter that ``root`` does not have with
    that value (``?pager_page=2``, ``?page=0``, ``?start=10``, TYPO3's ``tx_news_pi1[currentPage]``), or the number
    after the listing's path (``/page/2/``, ``/pagina-2``, ``/2``); None for another address, or ``root`` itself.

    >>> listing_page_number("https://www.gemeente.nl/nieuws?pager_page=1", "https://www.gemeente.nl/nieuws")
    1
    >>> listing_page_number("https://www.gemeente.nl/nieuws/page/3/", "https://www.gemeente.nl/nieuws/")
    3
    >>> listing_page_number("https://www.gemeente.nl/nieuws?type=All", "https://www.gemeente.nl/nieuws") is None
    True
    """
    try:
        parts, base = urlsplit(url), urlsplit(root)
    except ValueError:
        return None
    query, base_query = dict(parse_qsl(parts.query)), dict(parse_qsl(base.query))
    if parts.path.rstrip("/") == base.path.rstrip("/"):
        numbered = [v for k, v in query.items() if base_query.get(k) != v and v.isdigit()
                    and (k.lower() in PAGER_PARAMETERS + OFFSET_PARAMETERS or TYPO3_PAGER.search(k))]
        return int(numbered[0]) if len(numbered) == 1 else None
    in_path = re.fullmatch(re.escape(base.path.rstrip("/")) + r"/(?:(?:page|pagina)[/-])?(\d+)", parts.path.rstrip("/"),
                           re.I)
    return int(in_path.group(1)) if in_path and query == base_query else None


#: A pager's link to the page shown (a pager that links every number, its own too): marked as the current page.
CURRENT_PAGER_LINK = ("//a[@href][@aria-current='page' or contains(concat(' ', normalize-space(@class), ' '), ' active ')"
                      " or contains(concat(' ', normalize-space(@class), ' '), ' current ')"
                      " or contains(concat(' ', normalize-space(@class), ' '), ' is-active ')"
                      " or parent::li[contains(concat(' ', normalize-space(@class), ' '), ' active ')"
                      " or contains(concat(' ', normalize-space(@class), ' '), ' current ')"
                      " or contains(concat(' ', normalize-space(@class), ' '), ' is-active ')"
                      " or contains(@class, '--active') or contains(@class, '--current')]"
                      " or contains(@class, '--active') or contains(@class, '--current')]")


def current_pager_links(response, root: str) -> list[str]:
    """The addresses, on the listing ``root``'s host, of the links of a listing page marked as the page shown
    (:data:`CURRENT_PAGER_LINK`): the page itself, under its page number."""
    urls = []
    for href in response.xpath(CURRENT_PAGER_LINK + "/@href").getall():
        try:
            url = on_listing_host(without_tracking(response.urljoin(href.strip()).split("#")[0]), root)
        except ValueError:
            continue
        if url:
            urls.append(url)
    return urls


def data_page_links(response, root: str, cms: str | None, newest_last: bool = False) -> list[str]:
    """The pages of an iprox listing whose pager numbers its pages only in ``data-page="N"``
    attributes (news-sites.md §2.1: the Zuid-Holland listing ``?date_from=…&pager_page=N``,
    "last page from ``data-page``"): the listing URL with ``pager_page`` (or the page-number
    parameter the listing URL has already) set to each number up to the highest, nearest first.
    Empty for a listing of another CMS without such a parameter, or without ``data-page``."""
    numbers = {int(v) for v in response.xpath("//@data-page").getall() if v.strip().isdigit()}
    if not numbers:
        return []
    try:
        query = dict(parse_qsl(urlsplit(root).query))
    except ValueError:
        return []
    name = next((k for k in query if k.lower() in PAGER_PARAMETERS), None)
    if name is None and cms != "iprox":
        return []
    name = name or "pager_page"
    current = int(query[name]) if query.get(name, "").isdigit() else 1
    last = min(max(numbers), current + 1000)
    pages = sorted((n for n in range(1, last + 1) if n != current),
                   key=lambda n: -n if newest_last else (abs(n - current), n))
    return [add_or_replace_parameter(root, name, str(n)) for n in pages]


def oldest_first(days: list[str]) -> bool:
    """Whether a listing page's entries, in page order, are dated oldest first: the listed dates
    (``YYYY-MM-DD…``) of at least three entries, never falling, the last later than the first. Such a
    listing (an archive page sorted by date ascending, a CMS view left at its default order) has its
    newest items on its last page, which a crawl of ``max_pages`` pages from the first never reached."""
    days = [d[:10] for d in days if d]
    return len(days) >= 3 and all(a <= b for a, b in zip(days, days[1:])) and days[0] < days[-1]


#: A page's own link to the next page of its list (HTML's ``rel="next"``, one token of ``rel``): the
#: ``<link rel="next">`` in the head that WordPress (Yoast), Drupal's pager and TYPO3's EXT:seo write, or
#: an ``<a rel="next">``.
REL_NEXT = ("//link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
            " | //a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href")
#: The previous page of a listing (a "Vorige" link): a page of the listing, never an article.
REL_PREV = REL_NEXT.replace(" next ", " prev ")


def rel_next_links(response, root: str, rel: str = REL_NEXT) -> list[str]:
    """The next page of a listing named by ``rel="next"`` (:data:`REL_NEXT`) on the listing's host,
    for a listing whose pager numbers its pages in none of the ways :func:`pager_links` reads
    (``/nieuws/2``, ``?von=10``, a "load more" link); with ``rel=REL_PREV`` its previous page."""
    found = []
    for href in response.xpath(rel).getall():
        try:
            url = http_url(response.urljoin(href.strip()).split("#")[0])
            url = on_listing_host(url, root) if url else None
            if url and url != root and url not in found:
                found.append(url)
        except ValueError:
            continue
    return found


#: A "load more" control's words (Dutch and English): "Meer laden", "Laad meer nieuws", "Toon meer berichten", "Meer
#: nieuws laden", "Load more". Not "Meer nieuws" alone: a link to the news overview (extraction's navigation lines).
LOAD_MORE_WORDS = re.compile(
    r"(?:meer\s+(?:nieuws(?:berichten)?\s+|berichten\s+|items\s+|resultaten\s+)?(?:laden|tonen|weergeven)"
    r"|(?:laad|toon)\s+meer(?:\s+(?:nieuws(?:berichten)?|berichten|items|resultaten))?"
    r"|(?:load|show)\s+more(?:\s+(?:news|posts|items|results))?)\s*(?:\.\.\.|…|[+»›↓]+)?", re.I)
#: A "load more" control's class or id (``load-more``, ``loadmore``, ``js-load-more``, ``meer-laden``).
LOAD_MORE_NAME = re.compile(r"load[-_]?more|meer[-_]?laden", re.I)
#: Where a "load more" button names the endpoint its script asks (a button has no ``href``).
LOAD_MORE_ATTRIBUTES = ("data-url", "data-href", "data-next", "data-next-url", "data-next-page", "data-endpoint",
                        "data-load-more-url", "data-ajax-url", "data-src", "href")


def _short_words(el, limit: int = 200) -> str:
    """An element's words on one line, ``""`` past ``limit`` characters of them: read no further (a link or button of
    a broken page holding the rest of it, each of thousands, read whole)."""
    pieces, read = [], 0
    for text in el.itertext():
        text = text.strip()
        read += len(text)
        if read > limit:
            return ""
        pieces.append(text)
    return " ".join(" ".join(pieces).split())


def load_more_links(response, root: str) -> list[str]:
    """The endpoint a listing's "Meer laden" control names (news-sites.md §2.1 listing pages): a link or button whose
    words (:data:`LOAD_MORE_WORDS`) or class or id (:data:`LOAD_MORE_NAME`) say so, its address in ``href`` or in the
    ``data-url`` (:data:`LOAD_MORE_ATTRIBUTES`) its script reads, on the listing's host. Its answer (HTML rows, or
    JSON: :func:`json_listing`) holds the listing's next items: a page of the listing, where the page's pager has
    none to name (a button is no link, and the endpoint is rarely the listing's path with a page number)."""
    found = []
    for element in response.xpath("//a | //button | //*[@data-url or @data-href or @data-next or @data-next-url"
                                  " or @data-endpoint or @data-load-more-url or @data-ajax-url]"):
        words = _short_words(element.root)
        names = " ".join(element.root.get(a, "") for a in ("class", "id"))
        if not (LOAD_MORE_WORDS.fullmatch(words) or LOAD_MORE_NAME.search(names)):
            continue
        for attribute in LOAD_MORE_ATTRIBUTES:
            value = (element.root.get(attribute) or "").strip()
            if not value or value.startswith("#"):
                continue
            try:
                url = http_url(response.urljoin(value).split("#")[0])
                url = on_listing_host(without_tracking(url), root) if url else None
            except ValueError:
                url = None
            if url and page_key(url) not in (page_key(root), page_key(response.url)) and url not in found:
                found.append(url)
            break
    return found


def page_parameter(url: str) -> tuple[str, int] | None:
    """The page number a listing's address asks (its first :data:`PAGER_PARAMETERS` parameter of digits) and its
    name; None where it asks none."""
    for key, value in parse_qsl(urlsplit(url).query):
        if key.lower() in PAGER_PARAMETERS and value.isdigit() and len(value) < 7:
            return key, int(value)
    return None


def zero_based_load_more(url: str, next_url: str, more_links: list[str]) -> bool | None:
    """Whether ``next_url``, the endpoint a "Meer laden" control names (``more_links``: :func:`load_more_links`) on the
    listing page ``url``, numbers its pages from 0 (news-sites.md §2.1: Drupal's ``?page=0,1,2``; also outside Drupal):
    it asks page 1 for the items after those of a page with no page number or page 0, the page 0 of its count. Its
    count of pages (``total_pages: 3``: pages 0, 1 and 2) then ends one below it (:func:`json_listing`). False where
    it numbers them from 1: it asks page 2 after a page with no page number (its page 1), whatever the site's CMS (a
    Drupal theme's own handler, not Drupal's pager: read from 0, its count ended a page early). None where the control
    says neither (a page numbered 1 or more asks the next: both numberings count on alike)."""
    asked, own = page_parameter(next_url), page_parameter(url)
    if next_url not in more_links or asked is None:
        return None
    if asked[1] == 1 and (own is None or own[1] == 0):
        return True
    if asked[1] == 2 and own is None:
        return False
    return None


#: The keys of a "load more" endpoint's JSON that give an item's address, its title and date, the next endpoint, and
#: whether more items follow (a theme's AJAX handler, a headless CMS's list: each names them its own way).
_JSON_LINK_KEYS = ("url", "link", "permalink", "href", "path")
_JSON_TITLE_KEYS = ("title", "titel", "name", "naam")
_JSON_DATE_KEYS = ("date", "datum", "published", "publicatiedatum", "pubDate", "created")
_JSON_NEXT_KEYS = ("next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_link", "nextLink",
                   "load_more_url", "loadMoreUrl", "more_url")
#: The keys that give the number of an endpoint's next page (``"next_page": 3``; a paginator's ``"next": 3`` beside or in
#: its ``pagination``), not its address.
_JSON_NEXT_PAGE_KEYS = ("next_page", "nextPage", "next", "next_page_number", "nextPageNumber")
_JSON_MORE_KEYS = ("hasMore", "has_more", "more", "hasNext", "has_next", "moreAvailable", "more_available", "load_more")
#: The keys that count an endpoint's pages (a theme's ``total_pages`` or WordPress's ``max_num_pages``, Strapi's
#: ``meta.pagination.pageCount``, a paginator's ``lastPage``): more follow while the page asked is below the count.
_JSON_PAGE_COUNT_KEYS = ("total_pages", "totalPages", "pageCount", "page_count", "pages_count", "last_page", "lastPage",
                         "max_num_pages", "maxNumPages", "num_pages", "numPages", "max_pages", "maxPages")


#: The keys that count an endpoint's items, all of them (a theme's ``found_posts`` of WordPress's query, a search
#: API's ``total``/``totalCount``): asked by the offset of its first item, more follow while fewer were read.
_JSON_TOTAL_KEYS = ("total", "totalCount", "total_count", "totalItems", "total_items", "totalResults",
                    "total_results", "found_posts", "foundPosts")


def json_page_count(data, depth: int = 0, keys: tuple = _JSON_PAGE_COUNT_KEYS) -> int | None:
    """The count of pages a "load more" endpoint's JSON gives (:data:`_JSON_PAGE_COUNT_KEYS`; of its items with
    ``keys`` :data:`_JSON_TOTAL_KEYS`), in its object or an object within it (``meta.pagination``; not its items'
    lists), a whole number (PHP's ``ceil()`` writes ``3.0``)."""
    if not isinstance(data, dict) or depth > 3:
        return None
    for key in keys:
        value = data.get(key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 100000:
            return value
    for value in data.values():
        count = json_page_count(value, depth + 1, keys) if isinstance(value, dict) else None
        if count is not None:
            return count
    return None


def json_next_page(data) -> int | None:
    """The number of the next page a "load more" endpoint's JSON names (:data:`_JSON_NEXT_PAGE_KEYS`), in its object or
    an object within it (``pagination.next``), a whole number or the digits of one (PHP writes ``"3"``), not
    ``true``; None where it names none (``"next": null`` on its last page, or an address: read as one)."""
    for key in _JSON_NEXT_PAGE_KEYS:
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 6:
            return int(value)
    return json_page_count(data, keys=_JSON_NEXT_PAGE_KEYS)


_SURROGATE = re.compile("[\ud800-\udfff]")
#: One link of an HTTP ``Link`` header (RFC 8288): its target and its parameters.
_LINK_HEADER = re.compile(r'<([^<>]*)>((?:\s*;\s*[\w*-]+\s*(?:=\s*(?:"[^"]*"|[^",;]*))?)*)')


def header_next_links(response) -> list[str]:
    """The next page of a JSON listing its HTTP headers name, where its body does not: an RFC 8288
    ``Link: <…?page=3>; rel="next"``, else WordPress's REST API count of pages (``X-WP-TotalPages``, news-sites.md
    §2.1 WordPress) while the page asked (its ``page`` parameter; page 1 where it has none) is below it."""
    for value in response.headers.getlist("Link")[:10]:
        for target, params in _LINK_HEADER.findall(value.decode("latin-1")[:10000]):
            rel = re.search(r';\s*rel\s*=\s*(?:"([^"]*)"|([^",;\s]*))', params, re.I)
            if rel and "next" in (rel.group(1) or rel.group(2) or "").lower().split() and target.strip():
                return [response.urljoin(target.strip())]
    count = (response.headers.get("X-WP-TotalPages") or b"").strip()
    if count.isdigit() and len(count) < 7:
        query = dict(parse_qsl(urlsplit(response.url).query))
        pager = next((k for k in query if k.lower() in PAGER_PARAMETERS and query[k].isdigit()), None)
        if pager and int(query[pager]) < int(count):
            return [add_or_replace_parameter(response.url, pager, str(int(query[pager]) + 1))]
        if not pager and not any(k.lower() in OFFSET_PARAMETERS for k in query) and 1 < int(count):
            return [add_or_replace_parameter(response.url, "page", "2")]  # asked with no page number: its page 1
    return []


def utf8(text: str) -> bytes:
    """A page built of JSON strings as UTF-8: a lone surrogate (half a UTF-16 pair, which JSON may escape as
    ``"\\ud800"`` and UTF-8 cannot encode) becomes U+FFFD, as in :func:`tenderarchive.values.text_value`."""
    return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def unread_json(answer, page) -> bool:
    """Whether :func:`json_listing` gave back ``answer``, declared JSON (its ``Content-Type``), as it came: JSON it could
    not read (malformed, or nested past Python's stack). Read on, Scrapy's selector was a JSON one all the same, and
    the listing's look at it ended in "spider error: Cannot use xpath on a Selector of type 'json'" (or parsel's
    RecursionError)."""
    return page is answer and not isinstance(answer, scrapy.http.HtmlResponse) and \
        b"json" in (answer.headers.get("Content-Type") or b"").lower()


def json_listing(response, zero_based: bool = False):
    """A listing page that answered JSON (a "Meer laden" endpoint, :func:`load_more_links`) as the HTML page its
    script would build of it, so that it is read as any listing page: every string of it that holds a link (the
    rendered rows a theme returns, ``"html": "<li><a href=…>"``, its ``\\/`` and ``\\"`` read by :mod:`json`), an
    entry of each object naming an address (``url``, ``link``, ``permalink``) with its title and date, and a
    ``<link rel="next">`` to the next endpoint it names (``next``, ``next_url``), or to its own address with the page
    number (or offset) counted on while it says more follow (``hasMore``, ``has_more``) or while the page asked is
    below the count of its pages it gives (``total_pages``, ``meta.pagination.pageCount``, ``lastPage``:
    :func:`json_page_count`), or, asked by an offset, while the items read are fewer than the count of all it gives
    (``total``, ``found_posts``). A next page named by its number (``"next": 3``, ``"next_page": "3"``, in its object
    or its ``pagination``: :func:`json_next_page`) is asked where it follows the page asked (as ``?page=N`` where
    the address asked has no page number: its first page). Pages numbered from 0
    (``zero_based``: the endpoint first asked with ``?page=0``, or a Drupal site's, news-sites.md §2.1) end one below
    their count. JSON behind UTF-8 byte-order marks (a PHP endpoint's, served as ``text/html``) is JSON. Anything else
    is returned as it is (one declared JSON that is none that can be read: the listing's recorded error,
    :func:`unread_json`). The standard library reads the JSON; the keys are those such endpoints are seen to use."""
    declared = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
    # UTF-8 byte-order marks before it (one per PHP file included that an editor saved with one), whitespace
    body = re.match(rb"(?:\s|\xef\xbb\xbf)*", response.body[:4096]).end()
    if "json" not in declared and not response.body.startswith((b"{", b"["), body):
        return response
    try:
        data = json.loads(response.text.lstrip("\ufeff \t\r\n"))
    except (ValueError, AttributeError, RecursionError):  # RecursionError: "[[[[…" nested past Python's stack
        return response
    rows: list[str] = []
    nexts: list[str] = []
    linked: set[str] = set()  # the addresses of its items (a row links its item by its image and by its title)

    def text(value) -> str:
        if isinstance(value, dict):  # WordPress's REST API: {"rendered": "…"}
            value = value.get("rendered")
        return value.strip() if isinstance(value, str) else ""

    def walk(value, depth: int = 0) -> None:
        if depth > 8:
            return
        if isinstance(value, str):
            if re.search(r"<a\s[^>]*href", value, re.I):
                rows.append(value)
                linked.update(re.findall(r"<a\s[^>]*href\s*=\s*[\"']?([^\"'\s>]+)", value, re.I))
            return
        if isinstance(value, list):
            for v in value[:1000]:
                walk(v, depth + 1)
            return
        if not isinstance(value, dict):
            return
        link = next((text(value[k]) for k in _JSON_LINK_KEYS if text(value.get(k))), "")
        if link.startswith(("/", "http://", "https://")) and not re.search(r"\s", link):
            title = next((text(value[k]) for k in _JSON_TITLE_KEYS if text(value.get(k))), "") or link
            day = next((text(value[k]) for k in _JSON_DATE_KEYS if text(value.get(k))), "")
            when = f"<time datetime='{html.escape(day)}'>{html.escape(day)}</time> " if day else ""
            rows.append(f"<li>{when}<a href='{html.escape(link)}'>{html.escape(re.sub(r'<[^>]+>', '', title))}</a></li>")
            linked.add(link)
            return  # an item: the links in its text (its "content", "excerpt") are not the listing's
        for key, v in value.items():
            if key in _JSON_NEXT_KEYS and text(v).startswith(("/", "http://", "https://", "?")):
                nexts.append(text(v))
            elif not key.startswith("_"):  # not an API's own links ("_links", "_embedded": its endpoints)
                walk(v, depth + 1)

    walk(data)
    if not nexts and isinstance(data, dict) and rows:
        query = dict(parse_qsl(urlsplit(response.url).query))
        pager = next((k for k in query if k.lower() in PAGER_PARAMETERS and query[k].isdigit()), None)
        number = json_next_page(data)
        if number is not None and pager and number <= int(query[pager]):
            number = None  # not a page after this one (a paginator's "next" back to its first page): no next page
        more = any(data.get(k) is True for k in _JSON_MORE_KEYS)
        if number is not None or more:
            offset = next((k for k in query if k.lower() in OFFSET_PARAMETERS and query[k].isdigit()), None)
            if pager:
                nexts.append(add_or_replace_parameter(response.url, pager, str(number or int(query[pager]) + 1)))
            elif offset and number is None:
                nexts.append(add_or_replace_parameter(response.url, offset, str(int(query[offset]) + len(linked))))
            elif not offset and (number or (number is None and more)):
                # an address with no page number (the endpoint's first page: page 1, or 0 numbered from 0) naming its
                # next page's number or saying more follow: ``?page=N``
                nexts.append(add_or_replace_parameter(response.url, "page", str(number or 1 + (not zero_based))))
        elif not any(data.get(k) is False for k in _JSON_MORE_KEYS):  # "hasMore": false is the last, whatever counts
            # no next address, no "more follow": the count of its pages says whether this page (the endpoint's page
            # number asked) is the last, the count of its items whether this answer (asked by its first item's
            # offset) holds the last of them
            query = dict(parse_qsl(urlsplit(response.url).query))
            pager = next((k for k in query if k.lower() in PAGER_PARAMETERS and query[k].isdigit()), None)
            offset = next((k for k in query if k.lower() in OFFSET_PARAMETERS and query[k].isdigit()), None)
            if pager and (count := json_page_count(data)) is not None and int(query[pager]) + zero_based < count:
                nexts.append(add_or_replace_parameter(response.url, pager, str(int(query[pager]) + 1)))
            elif not pager and not offset and (count := json_page_count(data)) is not None and 1 < count:
                # no page number asked: its first page (1, or 0 numbered from 0), the next asked as ``?page=N``
                nexts.append(add_or_replace_parameter(response.url, "page", str(1 + (not zero_based))))
            elif not pager and offset and linked and (total := json_page_count(data, keys=_JSON_TOTAL_KEYS)) \
                    is not None and int(query[offset]) + len(linked) < total:
                nexts.append(add_or_replace_parameter(response.url, offset, str(int(query[offset]) + len(linked))))
    if not nexts and rows and not (isinstance(data, dict) and any(data.get(k) is False for k in _JSON_MORE_KEYS)):
        nexts = header_next_links(response)
    head = "".join(f"<link rel='next' href='{html.escape(n)}'>" for n in nexts[:1])
    page = f"<!doctype html><html><head>{head}</head><body><main><ul>{''.join(rows)}</ul></main></body></html>"
    return response.replace(cls=scrapy.http.HtmlResponse, body=utf8(page), encoding="utf-8")


#: A CMS's sitemap at its usual addresses, in the order they are tried where robots.txt names none
#: (:meth:`NewsSpider.default_sitemap`; news-sites.md §2.1): WordPress core's ``/wp-sitemap.xml``, else the index of the
#: SEO plugin that switched core's off (Yoast's and Rank Math's ``/sitemap_index.xml``; Yoast's archive sitemaps are
#: :data:`ARCHIVE_SITEMAP`'s), else core's index on a site without pretty permalinks (``?sitemap=index``, which only
#: its own robots.txt names); TYPO3's EXT:seo at ``/sitemap.xml`` where a PageType route enhancer maps that name, else
#: at its page type ``?type=1533906435`` (TYPO3's EXT:seo documentation, "How to access your XML sitemap"); any other
#: CMS's ``/sitemap.xml``.
DEFAULT_SITEMAPS = {"wordpress": ("wp-sitemap.xml", "sitemap_index.xml", "?sitemap=index"),
                    "typo3": ("sitemap.xml", "?type=1533906435"), None: ("sitemap.xml",)}


#: The root elements of a feed (RSS 2.0's ``rss``, RSS 1.0's ``RDF``, Atom's ``feed``) that a sitemap's address may
#: answer: the sitemap protocol takes an RSS 2.0 or Atom feed as a sitemap (sitemaps.org, "Syndication feed"), read
#: as the feed it is (:meth:`NewsSpider.parse_sitemap`).
FEED_ROOTS = ("rss", "RDF", "feed")


#: Sub-sitemaps of a sitemap index that list archive pages (an author's, a category's or a tag's
#: list of posts), not articles: WordPress core's ``wp-sitemap-users-1.xml`` and
#: ``wp-sitemap-taxonomies-category-1.xml`` (news-sites.md §2.1 ``/wp-sitemap.xml``), and Yoast's
#: ``author-sitemap.xml``, ``category-sitemap.xml``, ``post_tag-sitemap.xml``.
ARCHIVE_SITEMAP = re.compile(
    r"/(?:wp-sitemap-(?:users|taxonomies-[\w-]+)-\d+|(?:author|category|post_tag|post_format)-sitemap\d*)\.xml(?:\.gz)?$",
    re.I)


class NewsSitemap(Sitemap):
    """Scrapy's sitemap parser, which reads an entry's own elements only, also reading the
    ``<news:publication_date>`` inside a Google News sitemap's ``<news:news>`` (the sitemap a news
    site or a WordPress news plugin serves beside its others) as the entry's ``publication_date``:
    the page's publication, where ``<lastmod>`` is its last change."""

    def _process_sitemap_element(self, elem):
        published = next((el.text.strip() for el in elem.iter() if isinstance(el.tag, str)
                          and self._get_tag_name(el) == "publication_date" and (el.text or "").strip()), None)
        entry = super()._process_sitemap_element(elem)
        if entry is not None and published:
            entry["publication_date"] = published
        return entry


#: Links to documents and media, not pages: a listing's "(download PDF)" (news-sites.md §2.4).
DOCUMENT_PATH = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv|zip|jpe?g|png|gif|svg|webp|mp3|mp4|ics)$", re.I)


#: A consent page's address (a publisher's consent host such as ``myprivacy.…``'s ``/consent``, a plugin's
#: ``/cookie-instellingen``): a page redirected there met a cookie wall (news-sites.md §2.4).
CONSENT_ADDRESS = re.compile(r"consent|cookie|toestemming|myprivacy", re.I)
#: A path segment of a consent page: the consent word and at most one other ("consent", "cookies",
#: "cookie-instellingen", "privacy-consent"), not a page's slug that names it among its words
#: ("informed-consent-in-de-jeugdzorg", "toestemming-voor-gegevensdeling": a moved item's new address).
CONSENT_SEGMENT_WORDS = 2


def gate_redirect(asked: list[str], landed: str, admitted: bool = False) -> bool:
    """Whether a page request that was redirected to ``landed`` met a gate in front of the page, not a move: a
    consent page (:data:`CONSENT_ADDRESS` in its host or a short segment of its path, :data:`CONSENT_SEGMENT_WORDS`,
    unless ``admitted``: a page of the site's news,
    "/nieuws/nieuw-cookiebeleid", is a page), or any page whose query names the address asked to come back to
    (``?callbackUrl=<the article>``, ``?returnUrl=/nieuws/x``).

    >>> gate_redirect(["https://www.destentor.nl/regio/x"],
    ...               "https://myprivacy.dpgmedia.nl/consent?callbackUrl=https%3A%2F%2Fwww.destentor.nl%2Fregio%2Fx")
    True
    >>> gate_redirect(["https://a.nl/nieuws/x"], "https://a.nl/login?returnUrl=%2Fnieuws%2Fx")
    True
    >>> gate_redirect(["https://a.nl/nieuws/x"], "https://a.nl/")
    False
    >>> gate_redirect(["https://a.nl/nieuws/x"], "https://a.nl/nieuws/nieuw-cookiebeleid", admitted=True)
    False
    >>> gate_redirect(["https://a.nl/nieuws/x"], "https://a.nl/jeugd/informed-consent-in-de-jeugdzorg")
    False
    """
    try:
        parts = urlsplit(landed)
        if not admitted and (CONSENT_ADDRESS.search(parts.hostname or "") or any(
                CONSENT_ADDRESS.search(segment) and len(re.split(r"[-_.+ ]+", segment.strip("-_."))) <= CONSENT_SEGMENT_WORDS
                for segment in parts.path.split("/"))):
            return True
        keys = {page_key(url) for url in asked}
        return any(value.strip() and page_key(urljoin(url, value.strip())) in keys
                   for url in asked for _, value in parse_qsl(parts.query))
    except ValueError:
        return False


#: The links of a listing page that may be articles: not those of the site's menus, breadcrumbs,
#: cookie banner and footer (``<nav>``, ARIA ``navigation``/``contentinfo``/``banner``, a ``breadcrumb`` or
#: ``cookie`` class or id; news-sites.md §2.4): "Inwoner", "Contact", "Privacyverklaring" and the cookie page of every
#: page of the site, archived as its news when the registry gives no ``allow`` rule. A ``<header>`` or ``<footer>``
#: is the page's (its banner, its contentinfo) outside an entry only (:data:`_TEMPLATE_PART`): HTML5 gives each
#: ``<article>`` its own ("Lees meer" in a card's ``<footer>``), and a listing of cards writes one in each.
_TEMPLATE_PART = ("ancestor::{tag}[not(ancestor::article{also}) and not(../preceding-sibling::*/{tag}"
                  " or ../following-sibling::*/{tag})]")
LISTING_LINKS = ("//a[not(ancestor::nav or " + _TEMPLATE_PART.format(tag="footer", also="") +
                 " or ancestor::*[@role='navigation' or @role='contentinfo'"
                 " or @role='banner' or contains(@class,'breadcrumb') or contains(@id,'breadcrumb')"
                 " or contains(@class,'cookie') or contains(@id,'cookie')]"
                 " or " + _TEMPLATE_PART.format(tag="header", also=" or ancestor::main") + ")]/@href")
#: The same links as elements (:func:`listed_date` reads the date of each one's entry).
LISTING_ANCHORS = LISTING_LINKS.removesuffix("/@href")

_TEMPLATE_ROLES = frozenset({"navigation", "contentinfo", "banner"})


def listing_anchors(root) -> list:
    """The elements :data:`LISTING_ANCHORS` selects in the document of ``root``, in document order, found in one walk
    down the tree: each element passes its ancestors' verdict (in a menu, breadcrumb, cookie banner or the page's
    footer or header; inside an ``<article>`` or ``<main>``) to its children, and the walk leaves out what the
    template's parts hold. The XPath tests each link's ancestors up to the root: on a deeply nested page (broken
    markup whose every link holds the rest of the page) the page's depth per link, quadratic (≈ 1.5 s for 75 KB)."""
    if root is None or not isinstance(getattr(root, "tag", None), str):
        return []
    root = root.getroottree().getroot()
    beside: dict[tuple, bool] = {}  # (parent, tag): a sibling of the parent has such a child (keys keep them alive)

    def beside_its_like(el, tag: str) -> bool:
        """``../preceding-sibling::*/tag or ../following-sibling::*/tag``: a card's own footer among its siblings'."""
        parent = el.getparent()
        if parent is None:
            return False
        if (parent, tag) not in beside:
            siblings = [*parent.itersiblings(preceding=True), *parent.itersiblings()]
            beside[(parent, tag)] = any(isinstance(s.tag, str) and s.find(tag) is not None for s in siblings)
        return beside[(parent, tag)]

    found = []
    stack = [(root, False, False)]  # an element with no part of the template above it, in an <article>, in one or <main>
    while stack:
        el, in_article, in_main = stack.pop()
        tag = el.tag
        if tag == "a":
            found.append(el)
        classes, ids = el.get("class") or "", el.get("id") or ""
        if (tag == "nav" or el.get("role") in _TEMPLATE_ROLES
                or "breadcrumb" in classes or "cookie" in classes or "breadcrumb" in ids or "cookie" in ids
                or (tag == "footer" and not in_article and not beside_its_like(el, "footer"))
                or (tag == "header" and not in_main and not beside_its_like(el, "header"))):
            continue  # a part of the template: none of its links
        in_article = in_article or tag == "article"
        in_main = in_main or tag in ("article", "main")
        stack.extend((child, in_article, in_main) for child in reversed(el) if isinstance(child.tag, str))
    return found


def _listed_iso(moment: datetime | date | None) -> str:
    """A feed or listing date as the archive writes a page's: ``YYYY-MM-DD`` or, with a time,
    ``YYYY-MM-DDTHH:MM`` in Dutch time."""
    if isinstance(moment, datetime):
        return moment.astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M")
    return moment.isoformat() if isinstance(moment, date) else ""


def listed_date(anchor, href: str, other_article=lambda href: True, fetched: datetime | None = None) -> str:
    """The publication date a listing page gives beside its link to an article (news-sites.md §2.3:
    the iprox listing date "``dd maandnaam yyyy`` in ``div.iprox-date``", which may carry a suffix
    after " - "; the om.nl and provincial scrapers read the date from the listing): a ``<time
    datetime>``, a date element (class ``date``, ``datum``, ``iprox-date``) or a line that is only a
    date (or a labelled "Gepubliceerd op …" one) in the link's entry, the largest element around the
    link that links no other article (``other_article(href)``: a link to its author, category or
    tags does not end the entry). A date written relative to when the listing was read (``fetched``: "3
    dagen geleden", "gisteren") is the day it names; a date element's day without a year ("14 okt", this
    year's items) the latest such day not after it; one with a two-digit year or in English ("14-10-21", "October
    14, 2021") the day it names (:func:`short_listed_date`). ``""`` when there is none, or when the entry is nested deeper than
    Python's stack reads (parsel parses with ``huge_tree``): its link is followed all the same."""
    try:
        return _listed_date(anchor, href, other_article, fetched)
    except RecursionError:
        return ""


#: A listing's date element that dates an entry's publication (``time.entry-date.published``, ``datePublished``).
_PUBLISHED_MARK = re.compile(r"published|datePublished", re.I)


def _date_marks(el) -> str:
    """What an element says of the date it holds: its ``class`` and ``itemprop``."""
    return f"{el.get('class') or ''} {el.get('itemprop') or ''}"


def modification_marked(el) -> bool:
    """Whether a listing's date element says it dates the entry's last change (class ``updated`` or
    ``modified``, ``itemprop="dateModified"``), as :mod:`tenderarchive.extraction.core` reads a page's."""
    from tenderarchive.extraction.core import _MODIFIED_TIME

    return bool(_MODIFIED_TIME.search(_date_marks(el)))


#: How much of a listing entry is read for its date: its first characters of text (:func:`element_text`'s ``limit``)
#: and text pieces (:func:`_date_beside_title`). An entry's date stands by its title and intro; an "entry" longer is the
#: rest of a broken page that its link's unclosed markup swallowed (every link of a deeply nested page holds all after
#: it), read whole for each link: seconds of CPU for a listing of 35 KB.
ENTRY_TEXT_LIMIT = 3000
ENTRY_ELEMENTS_LIMIT = 300
ENTRY_PIECES_LIMIT = 200
#: A text piece that can be a date: every date form read has a digit.
_DIGIT = re.compile(r"\d")


def _text_pieces(root, anchor, within: bool = False):
    """Each text node of ``root`` (an element's text or a child's tail) as ``(text, element holding it, inside the
    link)``, read as they are asked for; ``within``: ``root`` lies inside the link ``anchor``."""
    # the link's elements as the walk meets them (its element, then each whose parent is one of them): walking each
    # piece's ancestors up to the root cost the page's depth per piece, and a set of all the link's elements up front
    # the link's size per entry, where a deeply nested listing's link holds the rest of the page (a broken page's
    # unclosed markup): seconds of CPU (lxml hands out one proxy per element while a reference to it lives, so the
    # set's identities hold)
    inside = set()
    for el in root.iter():
        if within or el is anchor or (inside and el.getparent() in inside):
            inside.add(el)
        if isinstance(el.tag, str) and el.text:
            yield el.text, el, within or el in inside
        if el is not root and el.tail:
            parent = el.getparent()
            yield el.tail, parent, within or parent in inside


#: Elements that hold a line of their own: a text piece's line is that of the nearest one around it.
_LINE_ELEMENTS = frozenset({"p", "li", "div", "td", "th", "dd", "dt", "tr", "article", "section", "header", "footer",
                            "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"})
#: The brackets and separators a listing writes around an entry's date: "Titel (14-10-2021)", "Titel - 14 oktober 2021".
_DATE_WRAPPING = " \t\r\n\u00a0()[]|-–—·•,:;"


def _date_beside_title(entry, anchor):
    """The date a listing writes on the title's line, after it or inside the link, as a text of its own: "<a>Titel</a>
    (14-10-2021)", "<a>Titel</a> <span>Geplaatst op 14 oktober 2021</span>", "<a><span>Titel</span><span>14 oktober
    2021</span></a>" (the entry's text reads "Titel14 oktober 2021", no line of a date). A piece of a sentence ("De
    raad besluit op <strong>14 oktober 2021</strong> over …", an event's date in the entry's intro) is none, nor a
    piece marked as the entry's last change."""
    from tenderarchive.extraction.dates import find_stated_date

    for text, holder, piece_in_link in itertools.islice(_text_pieces(entry, anchor), ENTRY_PIECES_LIMIT):
        piece = text.strip(_DATE_WRAPPING)
        if not piece or len(piece) > 60 or not _DIGIT.search(piece):
            continue
        stated = find_stated_date([piece], head_lines=1) or [short_listed_date(piece, None)]
        if not stated[0]:
            continue
        line, marked, passed = holder, False, holder is anchor
        while line is not entry and line.tag not in _LINE_ELEMENTS:
            marked = marked or modification_marked(line)
            line = line.getparent()
            passed = passed or line is anchor
        if marked or modification_marked(line):
            continue
        # the words on its line beside the title's and its own (a line inside the link: the climb from the link's piece
        # never reached the link)
        words = sum(len(re.findall(r"\w+", t)) for t, _, in_link in itertools.islice(
            _text_pieces(line, anchor, within=piece_in_link and not passed), ENTRY_PIECES_LIMIT) if not in_link)
        if words - (0 if piece_in_link else len(re.findall(r"\w+", text))) <= 5:
            return stated[0]
    return None


def _sibling_date(entry, href: str, other_article):
    """The date of an entry that a listing writes in an element beside it rather than inside it, its entries no
    elements of their own: a flat run of ``<h3><a>Titel</a></h3><p class="datum">14 oktober 2021</p><p>intro</p>``
    per entry in one container (a ``<dl>``'s name-value groups are :func:`_definition_group`'s). The date stands
    before each title where it stands right before the container's first one, else after each; an
    element linking another article ends the entry. Only a short element that is a date line (not an intro's
    sentence), not marked as the last change."""
    from tenderarchive.extraction.dates import find_stated_date
    from tenderarchive.extraction.markup import element_text, one_line

    container = entry.getparent()
    if container is None or container.tag == "dl":  # a definition list's groups: _definition_group
        return None

    def links_another(el) -> bool:
        return _links_another(el, href, other_article)

    def date_line(el):
        if el.tag == "a" or el.xpath(".//a[@href]") or modification_marked(el):
            return None
        text = element_text(el, ENTRY_TEXT_LIMIT, ENTRY_ELEMENTS_LIMIT).strip()
        if not text or len(text) > 80:
            return None
        stated = find_stated_date(text.split("\n"), head_lines=2) or find_stated_date([one_line(el)], head_lines=1)
        return stated[0] if stated else short_listed_date(text, None) or short_listed_date(one_line(el), None)

    children = [c for c in container if isinstance(c.tag, str)]
    if entry not in children:
        return None
    first = next((i for i, c in enumerate(children) if c.tag == "a" or c.xpath(".//a[@href]")), None)
    before = first is not None and first > 0 and date_line(children[first - 1]) is not None
    at = children.index(entry)
    for sibling in (reversed(children[:at]) if before else children[at + 1:]):
        if links_another(sibling):
            break
        found = date_line(sibling)
        if found is not None:
            return found
    return None


#: A listing's date element written short, as a Dutch template may write it: a two-digit year ("14-10-21", "14.10.21",
#: "14/10/21 16:05", "14 okt. '21"), day before month as the Dutch write numbers.
_SHORT_YEAR = re.compile(r"(?:(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)|(?P<d2>\d{1,2})\s+(?P<mon>[a-z]{3,9})\.?\s+['‘’])"
                         r"(?P<y>\d{2})(?:\s*(?:,|om|-|–|\|)?\s*(?P<H>[01]?\d|2[0-3])[:.](?P<M>[0-5]\d)(?:\s*uur)?)?", re.I)
#: An English date with an optional time after it ("October 14, 2021", "14 Oct 2021 at 4:05 PM"): a WordPress theme
#: left in its default language prints its dates so.
_ENGLISH_LISTED = re.compile(r"(?P<day>.+?\d{4})(?:,?\s+(?:at\s+)?(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::\d\d)?)?", re.I)
#: A label before a listing's date ("Gepubliceerd op:", "Posted on", "Datum:"; Drupal's "Submitted by redactie on",
#: in Dutch "Ingediend door redactie op").
_LISTED_LABEL = re.compile(r"^(?:gepubliceerd|geplaatst|ingediend|datum|published|posted|submitted)"
                           r"(?:\s+(?:by|door)\s+\S.{0,40}?(?=\s+(?:on|op)\s))?(?:\s+(?:op|on))?\s*:?\s*", re.I)


def short_listed_date(text: str | None, fetched: datetime | None):
    """The date a listing's date element holds as its whole text (a label before it allowed) where the Dutch forms of
    news-sites.md §2.3 do not read it: written with a two-digit year (:data:`_SHORT_YEAR`; the century the one rule of
    :func:`~tenderarchive.extraction.dates.two_digit_year`, a page's date line's too) or in English (:data:`_ENGLISH_LISTED`, :func:`_english_day`), or as
    Drupal's default formats write it (:func:`_weekday_form`).
    Read as no date, such a listing's items went undated where their pages state none, and a ``--from-date`` crawl
    asked every older one; a page's own text is not read so (a "14-10-21" in a sentence may be anything).

    >>> short_listed_date("14-10-21", datetime(2022, 1, 5, tzinfo=timezone.utc)).iso
    '2021-10-14'
    >>> short_listed_date("Posted on October 14, 2021 at 4:05 PM", None).iso
    '2021-10-14T16:05'
    """
    from tenderarchive.extraction.dates import MONTHS, ParsedDate, two_digit_year

    text = _LISTED_LABEL.sub("", " ".join((text or "").replace("\u00a0", " ").split()).strip(_DATE_WRAPPING))
    if not text or len(text) > 40:
        return None
    time = lambda m: f"T{int(m.group('H')):02d}:{m.group('M')}" if m.group("H") else ""  # noqa: E731
    if match := _SHORT_YEAR.fullmatch(text):
        month = int(match.group("m")) if match.group("m") else MONTHS.get(match.group("mon").lower())
        try:
            day = date(two_digit_year(int(match.group("y"))), month or 0, int(match.group("d") or match.group("d2")))
        except ValueError:
            return None
        return ParsedDate(day.isoformat() + time(match), "minute" if match.group("H") else "day")
    match = _ENGLISH_LISTED.fullmatch(_twenty_four_hours(text))
    day = _english_day(match.group("day")) if match else None
    if day:
        return ParsedDate(day.isoformat() + time(match), "minute" if match.group("H") else "day")
    return _weekday_listed(text)  # Drupal's "Thursday, October 14, 2021 - 16:05"


def _weekday_listed(text: str | None):
    """The date of a listing's date element written as :func:`_weekday_form` reads it (a label before it allowed), as a
    :class:`~tenderarchive.extraction.dates.ParsedDate`, else None."""
    from tenderarchive.extraction.dates import ParsedDate

    text = _LISTED_LABEL.sub("", " ".join((text or "").replace("\u00a0", " ").split()).strip(_DATE_WRAPPING))
    moment = _weekday_form(text) if text and len(text) <= 50 else None
    return ParsedDate(_listed_iso(moment), "minute" if isinstance(moment, datetime) else "day") if moment else None


def _links_another(el, href: str, other_article) -> bool:
    """Whether ``el`` (or a link in it) links another article than ``href`` (``other_article``), read up to the first
    such link: all of an element's links first, its other links each read once, were the rest of the page for each
    entry of a deeply nested listing (a broken page's unclosed markup)."""
    own, seen = href.strip().split("#")[0], set()
    for link in el.iter("a"):
        h = (link.get("href") or "").strip().split("#")[0]
        if h and h != own and h not in seen:
            seen.add(h)
            if other_article(h):
                return True
    return False


def _listed_date(anchor, href: str, other_article, fetched: datetime | None = None) -> str:
    entry = anchor
    for _ in range(5):
        parent = entry.getparent()
        if parent is None or parent.tag in ("body", "html", "main", "ul", "ol", "table", "tbody"):
            break
        if _links_another(parent, href, other_article):
            break
        entry = parent
    found = _entry_date(entry, anchor, fetched, href, other_article)
    if found is None:
        # a definition list's entry is a group of <dt> and <dd> (HTML: a name-value group): the date in the
        # <dt> above the linked <dd> ("<dt>14 oktober 2021</dt><dd><a>Titel</a></dd>"), or in the <dd> below
        # the linked <dt>
        for partner in _definition_group(entry, href, other_article):
            found = _entry_date(partner, None, fetched)
            if found:
                break
    return found.iso if found else ""


def _definition_group(entry, href: str, other_article) -> list:
    """The other elements of ``entry``'s name-value group when it is a ``<dt>`` or ``<dd>`` of a ``<dl>``:
    the ``<dt>`` names above a ``<dd>`` (over the group's other values), the ``<dd>`` values below a ``<dt>``;
    none that links another article (then the group is not one entry)."""
    tag = entry.tag if isinstance(entry.tag, str) else ""
    if tag not in ("dt", "dd") or entry.getparent() is None or entry.getparent().tag != "dl":
        return []
    partner = "dt" if tag == "dd" else "dd"
    group = []
    for sibling in entry.itersiblings(preceding=(tag == "dd")):
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag == partner:
            group.append(sibling)
        elif group or sibling.tag != tag:  # past the group: the next name, or another group's value
            break
    own = href.strip().split("#")[0]
    for el in group:
        if any(other_article(h) for h in {h.strip().split("#")[0] for h in el.xpath(".//a/@href") if h.strip()} - {own}):
            return []
    return group


def _entry_date(entry, anchor, fetched: datetime | None, href: str = "", other_article=None):
    """The publication date one listing entry (or a part of it) writes; ``anchor``: the entry's link, when in it
    (then also a date beside the entry, :func:`_sibling_date`)."""
    from tenderarchive.extraction.dates import find_relative_date, find_stated_date, listed_day, parse_dutch_date
    from tenderarchive.extraction.markup import element_text, one_line

    found = text = None
    # its first elements only (ENTRY_ELEMENTS_LIMIT): an "entry" of more is the rest of a broken page
    descendants = [el for el in itertools.islice(entry.iterdescendants(), ENTRY_ELEMENTS_LIMIT) if isinstance(el.tag, str)]
    dated = [el for el in descendants if "date" in (el.get("class") or "") or "datum" in (el.get("class") or "")]
    # the publication's <time>, one marked so first; never the last change's, which WordPress themes print
    # beside it (GeneratePress before it: ``time.updated[itemprop=dateModified]``), as a page's date is read
    times = [t for t in descendants if t.tag == "time" and t.get("datetime") is not None and not modification_marked(t)]
    for t in sorted(times, key=lambda t: not _PUBLISHED_MARK.search(_date_marks(t))):
        found = parse_dutch_date(t.get("datetime"), anchored=True)
        if found:
            break
    if found is None:
        for el in dated:
            if modification_marked(el):
                continue  # "updated" holds "date"
            # Drupal's "Thu, 04/10/2021 - 16:05" (month first, its weekday says so) before the Dutch reading (day first)
            found = _weekday_listed(one_line(el))
            if found:
                break
            shown = element_text(el, ENTRY_TEXT_LIMIT, ENTRY_ELEMENTS_LIMIT)
            stated = find_stated_date(shown.split("\n"), head_lines=3, suffix_limit=None) \
                or find_stated_date([one_line(el)], head_lines=1, suffix_limit=None)
            if stated:
                found = stated[0]
                break
            found = short_listed_date(shown, fetched) or short_listed_date(one_line(el), fetched)
            if found:
                break
    if found is None:
        text = element_text(entry, ENTRY_TEXT_LIMIT, ENTRY_ELEMENTS_LIMIT)  # read once, for a stated and a relative date
        stated = find_stated_date(text.split("\n"), head_lines=6)
        found = stated[0] if stated else None
    if found is None and anchor is not None:
        found = _date_beside_title(entry, anchor)
    if found is None and anchor is not None:
        found = _sibling_date(entry, href, other_article)
    if found is None and fetched is not None:
        for el in dated:
            shown = element_text(el, ENTRY_TEXT_LIMIT, ENTRY_ELEMENTS_LIMIT)
            relative = find_relative_date(shown.split("\n"), fetched, head_lines=3)
            # this year's items shown without their year ("14 okt"): the latest such day not after it
            found = relative[0] if relative else (listed_day(shown, fetched)
                                                  or listed_day(one_line(el), fetched))
            if found:
                break
        else:
            if text is None:
                text = element_text(entry, ENTRY_TEXT_LIMIT, ENTRY_ELEMENTS_LIMIT)
            relative = find_relative_date(text.split("\n"), fetched, head_lines=6)
            found = relative[0] if relative else None
    return found


def site_hosts(site) -> set[str]:
    """The hosts a registry entry is read at (Scrapy's download slot key: the host name, without its port): its
    ``base_url``'s, with and without ``www.`` (news-sites.md §2.2: jeugdhulpmvs.nl "occurs both with and without
    ``www.``"), and those of its discovery URLs and living pages, which may be on another host (a listing on
    ``www.gemeente.nl`` for items on ``nieuws.gemeente.nl``: tenderarchive/sources.py)."""
    discovery = site.discovery
    urls = [site.base_url, *discovery.feeds, *discovery.sitemaps, *discovery.openpub, *site.living_pages,
            *(discovery.listing.urls if discovery.listing else ())]
    hosts = set()
    for url in urls:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            continue
        if host:
            hosts.add(host)
    hosts.update(site.allowed_domains)
    return hosts


def site_slots(sites, configured: dict | None = None) -> dict:
    """Scrapy's ``DOWNLOAD_SLOTS`` for the registry's ``politeness``: per host (:func:`site_hosts`), the longest
    ``download_delay`` and the lowest ``concurrency`` any entry reading it gives, over ``configured``. Scrapy keeps one
    slot per host, and several entries may read one (news-sites.md §1: [S0], a Leidse Regio item, is hosted on the
    Leiderdorp site; a municipality's news and a region's project pages on its site): the host took the last entry's,
    and a site that asked for 2 s between requests was asked with none when the entry after it gave none; its
    listing's host, when another, was asked at Scrapy's default."""
    slots = {key: dict(value) for key, value in (configured or {}).items()}
    for site in sites:
        politeness = dict(site.politeness)
        for host in sorted(site_hosts(site)):
            slot = slots.setdefault(host, {})
            if "download_delay" in politeness:
                slot["delay"] = max(float(politeness["download_delay"]), float(slot.get("delay", 0.0)))
            if "concurrency" in politeness:
                slot["concurrency"] = min(int(politeness["concurrency"]), int(slot.get("concurrency") or 1 << 30))
            if not slot:
                del slots[host]
    return slots


#: A query parameter that numbers the pages of one item split over several (``?page=2``, ``?pagina=2``; iprox's
#: ``?pager_page=2``, its pagination parameter, news-sites.md §2.1).
PART_PARAMETERS = ("page", "pagina", "pg", "pager_page")

#: A class or id token of a block whose pager pages another list on the item's page, not the item: its readers'
#: comments (Drupal's ``comment-wrapper``, ``field--name-comment``; WordPress's ``#comments``, "reacties"), a views
#: block (Drupal's ``view``, ``views-element-container``, ``block-views-…``), related items, a sidebar.
OTHER_LIST = re.compile(r"comment|reactie|related|gerelateerd|sidebar|^views?(?:-|$)|^block-views", re.IGNORECASE)


def in_other_list(element) -> bool:
    """Whether ``element`` (lxml) is in an ``aside`` or a block :data:`OTHER_LIST` names (``body`` and ``html``, whose
    classes describe the whole page, are not read)."""
    for ancestor in element.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ("body", "html"):
            break
        if tag == "aside":
            return True
        tokens = (ancestor.get("class") or "").split() + (ancestor.get("id") or "").split()
        if any(OTHER_LIST.search(token) for token in tokens):
            return True
    return False


def article_part_links(response, first: str) -> dict[int, str]:
    """``{number: URL}`` of the other pages of a news item split over several, as the page links them (the pager of
    WordPress's ``<!--nextpage-->``, ``wp_link_pages``: ``/<slug>/2/``; a ``rel="next"`` link in the head; a CMS's
    ``?page=2``): a link on the item's host whose path is the item's (``first``) with a page number after it, or
    the item's path with a page number in :data:`PART_PARAMETERS` (2 and up; 1 is the item). An item's text on
    its second page and after was never read: the archive held its first page alone. A link to another item (the
    "next post" link WordPress marks ``rel="next"`` too) has another path and is none, and so is a link in another
    list's pager on the item's page (:func:`in_other_list`: Drupal pages its comments and a views block under the node
    with ``?page=N`` on the node's own path; their later pages were read as the item's, and their comments archived
    as its text).

    Parsel's CSS selectors here, not a library for "pagination": none reads an article's own pager."""
    try:
        base = urlsplit(first)
    except ValueError:
        return {}
    path = base.path.rstrip("/")
    if not path:  # the site's home page: its links are other pages, not its own
        return {}
    found: dict[int, str] = {}
    for link in response.css("a[href], link[rel~=next][href]"):
        if in_other_list(link.root):
            continue
        try:
            # against the page's <base href>, as a browser reads it (an older TYPO3 site's links are relative to
            # its root): read against the page's own address, its part's link named another path and was none
            url = response.urljoin(link.root.get("href", "").strip())
            parts = urlsplit(url)
        except ValueError:
            continue
        if parts.scheme not in ("http", "https") or parts.hostname != base.hostname:
            continue
        number = None
        tail = parts.path.rstrip("/")
        if tail.startswith(path + "/") and tail[len(path) + 1:].isdigit():
            number = int(tail[len(path) + 1:])
        elif tail == path:
            values = [v for k, v in parse_qsl(parts.query) if k.lower() in PART_PARAMETERS]
            number = int(values[0]) if len(values) == 1 and values[0].isdigit() else None
        if number is not None and 2 <= number <= 1000:
            found.setdefault(number, urlunsplit(parts._replace(fragment="")))
    return found


#: Lists in a page named an agenda (``class``/``id``), outside its navigation, header, footer and sidebars: the
#: agenda of a council meeting in a council information system (iBabs, Notubiz, a municipal "raadsinformatie").
AGENDA_LISTS = ("//*[self::ol or self::ul][contains(translate(concat(@class, ' ', @id), 'AGEND', 'agend'), 'agenda')]"
                "[not(ancestor::nav or ancestor::aside or ancestor::footer or ancestor::header)]")
#: Text nodes of a page's matter: none of its navigation, header, footer, sidebars, scripts or styles.
MATTER_TEXT = ("//body//text()[not(ancestor::nav or ancestor::aside or ancestor::footer or ancestor::header "
               "or ancestor::script or ancestor::style or ancestor::noscript)]")
#: At most this many characters of a meeting page's matter outside its agenda (its date, time, place, headings).
AGENDA_OTHER_TEXT = 600


def agenda_item_links(response, allows) -> list[str]:
    """The links to its agenda items when a page is the agenda of a meeting, else ``[]``.

    A council information system shows a meeting as a page whose matter is its agenda: an ordered list of
    agenda items (a "raadsvoorstel" about a youth-care purchase among the opening, the budget and a zoning
    plan), each linking its own page with its title, date and text. Read as one article, the agenda was a page
    about everything on it and its items were never fetched (pages reached from a page are not followed). Such
    a page is a listing of its items: a list named an agenda, of at least three items, most linking a page the
    site's rules allow (``allows``), with little text besides (:data:`AGENDA_OTHER_TEXT`). A news item with an
    events "agenda" beside its text has its text outside the list and stays an article. Written here because
    no library knows the markup of council information systems; the test is on the shape, not on one vendor."""
    matter = None  # read only for a page with such a list: a pass over every text node of the page (issue 13)
    for agenda in response.xpath(AGENDA_LISTS):
        entries = agenda.xpath("./li")
        links: list[str] = []
        for entry in entries:
            for href in entry.xpath(".//a/@href").getall():
                try:
                    url = http_url(response.urljoin(href))
                except ValueError:
                    continue
                if url and allows(url) and not DOCUMENT_PATH.search(urlsplit(url).path):
                    links.append(url.split("#")[0])
                    break
        if len(entries) < 3 or len(links) < 3 or 2 * len(links) < len(entries):
            continue
        if matter is None:
            matter = sum(len(t.strip()) for t in response.xpath(MATTER_TEXT).getall())
        listed = sum(len(t.strip()) for t in agenda.xpath(".//text()").getall())
        if matter - listed <= AGENDA_OTHER_TEXT:
            return list(dict.fromkeys(links))
    return []


class NewsSpider(BaseSpider):
    name = "news"
    default_window_days = None  # no lower date bound unless asked for
    custom_settings = {"ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": 1.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}

    own_arguments = ("sources", "site")

    def __init__(self, *args, sources=None, site=None, **kwargs):
        self.explicit_until_date = kwargs.get("until_date") is not None
        super().__init__(*args, **kwargs)
        self.sources_path = sources
        self.site_subset = site  # a few sites: names or municipalities, comma-separated (None: all)
        self.pages = 0
        self.requested: set[str] = set()
        #: per sha256 of a discovered page's answer: the first address that answered it in this crawl
        #: (:meth:`parse_page`: a byte-identical copy under another address is that page's other address)
        self.answered: dict[str, str] = {}
        #: per (site name, listing URL): its pages requested for that site (at most its max_pages), the links seen on
        #: them, and whether a page repeating the first (a pager's "1") was granted beyond max_pages
        self.listing_pages: dict[tuple[str, str], dict] = {}
        #: per page (:func:`page_key`): the date its feed item, news sitemap or listing entry gives, and which
        self.listed: dict[str, tuple[str, str]] = {}
        #: per site: how many feed, sitemap, listing and OpenPub addresses its registry entry names, and those of
        #: them that answered 404 or 410 with their error (:meth:`registry_gone`)
        self.registry_urls: dict[str, int] = {}
        self.registry_failures: dict[str, list] = {}
        #: (site name, request fingerprint) of each robots.txt, sitemap, feed and listing asked for a site
        #: (:meth:`for_site`)
        self.asked_for_site: set[tuple[str, bytes]] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider.sources_path or crawler.settings.get("NEWS_SOURCES")
        try:
            sites = load_sources(path)
        except (SourceRegistryError, OSError) as exc:
            raise SpiderArgumentError("sources", str(exc)) from None
        try:
            spider.sites = select_sites(sites, spider.site_subset) if spider.site_subset else [
                s for s in sites if s.enabled]
        except SourceRegistryError as exc:
            raise SpiderArgumentError("site", str(exc)) from None
        spider.source_description = registry_description(path)
        # run in a --jobdir whose duplicate filter remembers the crawl before (a crawl resumed): the pages that failed
        # in it are asked again past that filter (:meth:`start`), as the TenderNed spider's are (``retry_failed``)
        jobdir = crawler.settings.get("JOBDIR")
        seen = Path(jobdir, "requests.seen") if jobdir else None
        spider.resuming = bool(seen and seen.is_file() and seen.stat().st_size)
        from tenderarchive.sources import SHIPPED_REGISTRY
        spider.registry_text = (Path(path) if path else SHIPPED_REGISTRY).read_text(encoding="utf-8")
        crawler.settings.set("DOWNLOAD_SLOTS", site_slots(spider.sites, crawler.settings.getdict("DOWNLOAD_SLOTS")),
                             priority="spider")
        crawler.signals.connect(spider.check_moved_addresses, signal=scrapy.signals.spider_idle)
        spider.known = {}
        hours = number_setting(crawler.settings, "NEWS_LIVING_RECHECK_HOURS", float)
        # the crawl's now: a replay re-checks the living pages its crawl re-checked, whatever day it runs
        spider.living_recheck_after = (spider.now() - timedelta(hours=hours)).astimezone(timezone.utc).isoformat(
            timespec="seconds")
        spider.revisit_days = number_setting(crawler.settings, "NEWS_REVISIT_DAYS", int)
        spider.revisit_before = spider.now() - timedelta(hours=number_setting(crawler.settings, "NEWS_REVISIT_HOURS",
                                                                              float))
        spider.revisit_max = number_setting(crawler.settings, "NEWS_REVISIT_MAX", int)
        spider.redirect_recheck_before = spider.now() - timedelta(
            days=number_setting(crawler.settings, "NEWS_REDIRECT_RECHECK_DAYS", float))
        return spider

    def use_archive_state(self, state: dict) -> None:
        """``{url: fetched_at}`` of the archived pages (their URLs and the URLs they were fetched
        from), from the ``CrawlState`` extension, by :func:`~tenderarchive.urls.page_key`."""
        self.known = {}
        for url, fetched_at in state["known_articles"].items():
            key = page_key(url)
            self.known[key] = max(self.known.get(key, ""), fetched_at or "")
        #: per address (:func:`page_key`): where its last answer redirected, off the archived pages, and when
        #: (``queries.redirected_elsewhere``; :meth:`redirected_off_the_site`)
        self.redirected_elsewhere = {page_key(url): found for url, found in
                                     (state.get("redirected_elsewhere") or {}).items()}
        #: per (site, hash of its text): the archived news page of that site with that text, its title and date
        #: (:meth:`archived_copy_of`; pages archived in this crawl are added as they are handed to the store)
        self.known_contents = {}
        #: per archived address (its URL and the one it was fetched from): the page's own day, for :meth:`revisit_due`
        self.archived_days = {}
        #: per archived address (its URL and the one it was fetched from): the archived page, for a page an archived
        #: address redirects to (:meth:`parse_page`, :meth:`archived_url_of`)
        self.archived_pages = {}
        for row in state.get("known_contents") or ():
            self.known_contents.setdefault((row["site"], row["content_sha256"]), []).append(row)
            for address in (row.get("url"), row.get("source_url")):
                if address:
                    self.archived_pages.setdefault(page_key(address), row)
            for address in (row.get("url"), row.get("source_url")):
                if address and row.get("published"):
                    self.archived_days[page_key(address)] = str(row["published"])[:10]
        #: per address (:func:`page_key`): the archived URL of the page last fetched there under another URL
        #: (``queries.moved_article_urls``: a moved page, a canonical one), :meth:`archived_url_of`
        self.moved_articles = {page_key(address): row for address, row in (state.get("moved_articles") or {}).items()}
        #: Pages whose request failed since the last complete crawl and that are still not archived
        #: (``queries.failed_news_pages``): asked again, whether or not discovery still lists them.
        self.failed_pages = list(state.get("failed_pages") or [])
        #: per sitemap address (its ``page_key``: the fetch index holds a sitemap where it answered, ``https://`` or
        #: ``www.``, an index may name it at ``http://``): when a complete crawl of this crawl's source registry whose window began no later than
        #: this one's last read it whole (``queries.sitemaps_read``; :meth:`sitemap_unchanged`). A crawl of another
        #: registry (an entry tried in a file of its own) read it for that registry's rules: it spares none of this one.
        #: Per site of the crawls that read it (``{url: {site name: fetched_at}}``): two entries on one host read its
        #: sitemaps each for its own rules, and a ``--site`` crawl of one spared the other nothing.
        self.sitemaps_read = {}
        for row in state.get("sitemaps_read") or ():
            if row.get("sources") != self.source_description:
                continue
            try:
                covered = date.fromisoformat(str(row.get("from_date"))[:10]) <= self.arguments.from_date
                sites = json.loads(row.get("sites") or "[]")
            except (ValueError, TypeError):
                continue
            if covered and row.get("url") and row.get("fetched_at") and isinstance(sites, list):
                read = self.sitemaps_read.setdefault(page_key(row["url"]), {})
                for name in map(str, sites):
                    read[name] = max(read.get(name, ""), row["fetched_at"])

        #: per (site name, paged address without its ``page`` (its ``page_key``), ``"page"``; or a feed's without its
        #: ``paged``, ``"paged"``): the deepest page a finished crawl read at least as
        #: far back as this one (its ``from_date`` no later), for that site (``queries.paged_addresses_read``;
        #: :meth:`openpub_resume`). Whatever the registry's file: a replay reads each crawl's registry from a file of
        #: its own (reparse.registry_file), and its crawl would not read on where the recorded one did.
        self.paged_read = {}
        for row in state.get("paged_read") or ():
            try:
                covered = date.fromisoformat(str(row.get("from_date"))[:10]) <= self.arguments.from_date
                sites = json.loads(row.get("sites") or "[]")
            except (ValueError, TypeError):
                continue
            if not covered or not isinstance(sites, list):
                continue
            for parameter in ("page", "paged"):  # an OpenPub endpoint's page=N, a WordPress feed's paged=N
                root, number = _paged_address(str(row.get("url") or ""), parameter)
                if number is not None:
                    for name in map(str, sites):
                        # as one page (page_key): a walk the registry names at ``http://`` or a bare host was read,
                        # and archived, where it answered (``https://``, ``www.``, ``/feed/``): resumed all the same
                        key = (name, page_key(root), parameter)
                        self.paged_read[key] = max(self.paged_read.get(key, 0), number)

    def crawl_arguments(self) -> dict:
        subset = {"site": self.site_subset} if self.site_subset else {}
        # site_titles: each site's name as its registry entry gives it ("Gemeente Leiderdorp"), for the readers of
        # the archive's reports (watch/report.py ``site_titles``), who know no registry's short names
        return {**super().crawl_arguments(), "sources": self.source_description,
                "sites": [s.name for s in self.sites], **subset,
                "site_titles": {s.name: s.title for s in self.sites if s.title}}

    # --- discovery -------------------------------------------------------------------
    async def start(self):
        for site in self.sites:
            meta = {"site": site}
            # the addresses of the registry entry that the site's news is read from (its feeds, sitemaps, listings,
            # OpenPub API): every one of them gone is one error of the site (:meth:`registry_gone`). An entry that
            # also reads robots.txt's sitemaps or living pages has news from elsewhere: they count as addresses of
            # the entry that are never "gone" here, so its registry addresses' errors stay their own.
            registry = {"site": site, "registry": True}
            self.registry_urls[site.name] = len(site.discovery.feeds) + len(site.discovery.sitemaps) + len(
                site.discovery.listing.urls if site.discovery.listing else ()) + len(site.discovery.openpub) + (
                1 if site.discovery.robots_sitemaps else 0) + len(site.living_pages)
            failed = {page_key(url) for url in getattr(self, "failed_pages", ())}
            for url in site.living_pages:
                request = self.page_request(site, url, "living_page", living=True)
                if request:
                    # resumed from --jobdir with the living page failed (the request that gave its host up): its
                    # duplicate filter holds it, and the failed page's own retry below is not made for a page asked
                    # here already; dropped, the resumed crawl completed without the page
                    resumed_failed = getattr(self, "resuming", False) and page_key(request.url) in failed
                    yield request.replace(dont_filter=True) if resumed_failed else request
            for url in getattr(self, "failed_pages", ()):
                if site.allows(url):
                    request = self.page_request(site, url, "retry")
                    if request:
                        # resumed from --jobdir: its duplicate filter holds the failed request, which it dropped (the
                        # page was never asked again, the resumed crawl complete without it)
                        yield request.replace(dont_filter=True) if getattr(self, "resuming", False) else request
            for url in site.discovery.feeds:
                for request in self.for_site(scrapy.Request(url, self.parse_feed, errback=self.errback,
                                                            meta={**registry, "discovery_root": url})):
                    yield request
                following = self.feed_resume(site, url)
                if following:
                    # the older pages an earlier crawl's bounded walk left: read on from there, to a bound of its own,
                    # not ended by pages of archived items (those are the ones it reads past)
                    self.crawler.stats.inc_value("news/feed_resumed")
                    for request in self.for_site(scrapy.Request(following, self.parse_feed, errback=self.errback, meta={
                            "site": site, "discovery_root": url, "feed_chain": (following,), "feed_paged": True,
                            "feed_resumed": True})):
                        yield request
            for url in site.discovery.sitemaps:
                for request in self.for_site(scrapy.Request(url, self.parse_sitemap, errback=self.errback,
                                                            meta={**registry, "discovery_root": url})):
                    yield request
            if site.discovery.robots_sitemaps:
                for request in self.for_site(scrapy.Request(site.robots_url, self.parse_robots,
                                                            errback=self.robots_errback, meta=meta)):
                    yield request
            if site.discovery.listing:
                for url in site.discovery.listing.urls:
                    for request in self.for_site(scrapy.Request(url, self.parse_listing, errback=self.errback,
                                                                meta={**registry, "listing_page": 1})):
                        yield request
            for url in site.discovery.openpub:
                yield scrapy.Request(add_or_replace_parameter(url, "page", "1"), self.parse_openpub, errback=self.errback,
                                     meta={**registry, "openpub_page": 1, "openpub_root": url})
                resume = self.openpub_resume(site, url)
                if resume:
                    # the older items an earlier crawl's bounded walk left: read on from there (its last page read
                    # again: items published since moved the rest later), to a bound of its own
                    self.crawler.stats.inc_value("news/openpub_resumed")
                    yield scrapy.Request(add_or_replace_parameter(url, "page", str(resume)), self.parse_openpub,
                                         errback=self.errback, meta={"site": site, "openpub_page": resume,
                                                                     "openpub_root": url, "openpub_first": resume})

    def for_site(self, request: scrapy.Request):
        """``request`` (a robots.txt, sitemap, feed or listing asked for ``request.meta["site"]``) once for its site:
        asked again for another site. Two entries of the registry on one host (a region's news kept on a member
        municipality's site, news-sites.md §2.1) read the host's robots.txt, sitemaps, feeds and news overview each with
        its own rules (allow/deny, municipalities, site name); Scrapy's duplicate filter, one fingerprint per address,
        fetched them once in a crawl, for whichever site asked first, and the other site's items were never read. Such a
        request bypasses the filter (``dont_filter``) and is kept apart here by site and fingerprint instead: at most one
        fetch of an address per site that names it (an index naming a sitemap twice, or itself, still asks it once;
        nested indexes stay bounded by ``NEWS_SITEMAP_MAX_DEPTH``; a listing's next pages are counted per site and
        listing in :attr:`listing_pages`, to that site's ``max_pages``). Pages keep Scrapy's filter: a page is asked
        once, for one site."""
        key = (request.meta["site"].name, self.crawler.request_fingerprinter.fingerprint(request))
        if key not in self.asked_for_site:
            self.asked_for_site.add(key)
            yield request.replace(dont_filter=True)

    def follow(self, url, callback, response, meta) -> scrapy.Request | None:
        """A request for a discovered URL, or None (recorded) when it is not an http(s) URL."""
        checked = http_url(url)
        if checked is not None:
            if meta.get("site") is not None:  # a sitemap named on the site's other host (www.)
                checked = self.registry_host(meta["site"], checked)
            try:
                return scrapy.Request(checked, callback, errback=self.errback, meta=meta)
            except ValueError:
                pass
        self.record_error(response.url, f"malformed URL skipped: {str(url)[:200]!r}")
        return None

    def parse_robots(self, response):
        site = response.meta["site"]
        try:
            urls = list(sitemap_urls_from_robots(robots_lines(response.body), base_url=response.url))
        except (ValueError, UnicodeDecodeError) as exc:
            urls = []
            self.record_error(response.url, f"malformed robots.txt: {exc}")
        for url in urls:
            request = self.follow(url, self.parse_sitemap, response, {"site": site, "discovery_root": site.robots_url,
                                                                       "discovery_sitemap": url})
            if request:
                yield from self.for_site(request)
        if not urls:
            yield from self.default_sitemap(site)

    def default_sitemap(self, site, tried: int = 0):
        """The CMS's sitemap at its usual address, for a site whose robots.txt names none or that
        has no robots.txt (news-sites.md §2.1: TYPO3's and Drupal's ``/sitemap.xml``, "or the
        ``Sitemap:`` line in robots.txt"; WordPress's ``/wp-sitemap.xml``), and where that is missing the
        next address of :data:`DEFAULT_SITEMAPS` (TYPO3's EXT:seo page type ``/?type=1533906435``, which the
        ``/sitemap.xml`` of §2.1 is only a route enhancer's name for; WordPress's SEO plugin's ``/sitemap_index.xml``,
        core's ``?sitemap=index``): ``tried`` addresses were asked already.
        Not asked when the registry lists one of them already. Missing, it is logged (``news/no_default_sitemap``), no
        error."""
        addresses = [urljoin(site.base_url, address) for address in DEFAULT_SITEMAPS.get(site.cms, DEFAULT_SITEMAPS[None])]
        if any(url in site.discovery.sitemaps for url in addresses):
            return
        for number, url in enumerate(addresses[tried:], tried + 1):
            self.logger.info("%s: robots.txt names no sitemap%s; trying %s", site.name,
                             " and its usual address has none" if tried else "", url)
            # a guessed page type the site does not know may answer TYPO3's "page is not configured" (503): no retry
            yield from self.for_site(scrapy.Request(url, self.parse_sitemap, errback=self.errback,
                                                    meta={"site": site, "default_sitemap": number,
                                                          "dont_retry": number > 1, "discovery_root": site.robots_url,
                                                          "discovery_sitemap": url}))
            return

    def no_default_sitemap(self, site, url: str, tried: int):
        """A CMS's usual sitemap address ``url``, the ``tried``-th of :meth:`default_sitemap`, that has none: logged,
        no error, and the CMS's next address asked, if it has one."""
        self.logger.info("%s: no sitemap at %s either", site.name, url)
        self.crawler.stats.inc_value("news/no_default_sitemap")
        return self.default_sitemap(site, tried)

    def robots_errback(self, failure):
        """robots.txt that is not there (HTTP 4xx: no rules, RFC 9309 §2.3.1.3), or that redirects off the site's
        hosts (not followed: :meth:`redirect_allowed`), is no error: the site's sitemap is looked for at its usual
        address instead."""
        from tenderarchive.middlewares import RedirectRefused

        response = getattr(failure.value, "response", None)
        if response is not None and 400 <= response.status < 500:
            return self.default_sitemap(failure.request.meta["site"])
        if failure.check(RedirectRefused):
            # robots.txt sent off the site's hosts (a hosting provider's shared one): not followed, no rules of
            # the site's own there; its sitemap is looked for at its usual address, as for none
            self.logger.info("not followed: %s", failure.value)
            self.crawler.stats.inc_value("news/redirect_refused")
            return self.default_sitemap(failure.request.meta["site"])
        return self.errback(failure)

    def unpacked(self, response, what: str):
        """``response`` with its body unpacked where it is a gzip file (:func:`gunzipped`, at most
        ``DOWNLOAD_MAXSIZE`` bytes); None, the reason recorded as the URL's error, where it is broken, cut short or
        a gzip bomb. ``what`` names the document in that error ("sitemap", "feed", "listing")."""
        try:
            body = gunzipped(response.body, self.settings.getint("DOWNLOAD_MAXSIZE"), what)
        except ValueError as exc:
            self.record_error(response.url, str(exc))
            return None
        return response if body is response.body else response.replace(body=body)

    def parse_sitemap(self, response):
        site = response.meta["site"]
        depth = response.meta.get("sitemap_depth", 0)
        # sitemap.xml.gz: the body is the gzip file (no Content-Encoding, so Scrapy left it packed)
        response = self.unpacked(response, "sitemap")
        if response is None:
            return
        body = response.body
        page = html_answer(response)
        if page is not None:
            asked = (response.meta.get("redirect_urls") or [response.url])[0]
            landed = f" at {response.url}" if response.url != asked else ""
            if response.meta.get("default_sitemap"):
                # the CMS's usual address, guessed (default_sitemap): nothing there, as its 404 is (no error)
                self.logger.info("%s: an HTML page answered%s: %r", asked, landed, page)
                yield from self.no_default_sitemap(site, asked, response.meta["default_sitemap"])
            else:
                self.record_error(asked, f"no sitemap: the address answered an HTML page{landed} ({page!r})")
            return
        lines = text_sitemap(body)
        if lines is not None:
            for url in lines:
                request = self.page_request(self.sitemap_owner(site, response, url), url, "sitemap")
                if request:
                    yield request
            self.discovery_moved(site, response, lines, "sitemap")
            return
        try:
            # lxml's recover (Scrapy's sitemap parser) drops a bare "&": TYPO3's "index.php?id=12&L=0" was asked as
            # "?id=12=0"; mended first as a feed is (mend_xml), which leaves well-formed XML as it is
            mended = mend_xml(body)
            sitemap = NewsSitemap(mended)
            entries = list(sitemap)  # parsed lazily: broken XML or bytes fail while iterating
        except Exception as exc:  # lxml raises several types on broken XML
            # (Scrapy's Sitemap raises a bare StopIteration for a body with no root element: the reason said nothing)
            self.record_error(response.url, f"malformed sitemap: {str(exc)[:200] or 'no XML element in it'}")
            return
        if sitemap.type in FEED_ROOTS:
            # a feed where a sitemap was named (robots.txt's "Sitemap: /feeds/site", an index's entry): the protocol
            # takes an RSS or Atom feed as a sitemap (sitemaps.org, "Syndication feed"); read for <loc>, it named no
            # page, silently. Read as the feed it is (branch refnews74).
            self.crawler.stats.inc_value("news/sitemap_feed")
            yield from self.parse_feed(response)
            return
        if sitemap.type in ("urlset", "sitemapindex") and not closes(mended, sitemap.type):
            # lxml's recover read a sitemap cut short (a transfer broken off under a wrong Content-Length, a
            # generator that died half way) as a whole one: the entries after the cut were lost and nobody told.
            # The entry the cut went through is left out (its address may be cut: ".../nieuws/dr"), the ones closed
            # before it followed.
            entry_tag = "url" if sitemap.type == "urlset" else "sitemap"
            entries = entries[:len(re.findall(rb"</(?:[A-Za-z_][\w.-]*:)?" + entry_tag.encode() + rb"\s*>", mended))]
            self.record_error(response.url, f"sitemap cut short: it ends before its closing </{sitemap.type}>; "
                              f"the {len(entries)} entries before the cut are read")
        pages = []  # the page addresses it names (discovery_moved)
        for entry in entries:
            url = entry.get("loc")
            if not url:
                continue
            try:
                # the protocol asks for absolute URLs; a CMS plugin writing "/nieuws/x" or "//host/nieuws/x"
                # made each entry a "malformed URL" error (a feed's relative link was always read so)
                url = urljoin(response.url, url.strip())
            except ValueError:
                pass  # malformed: recorded below
            if sitemap.type == "sitemapindex":
                if depth >= self.settings.getint("NEWS_SITEMAP_MAX_DEPTH"):
                    self.record_error(response.url, f"sitemap index nested deeper than "
                                      f"{self.settings.getint('NEWS_SITEMAP_MAX_DEPTH')} levels: not followed")
                    return
                try:
                    archive_pages = bool(ARCHIVE_SITEMAP.search(urlsplit(url.strip()).path))
                except ValueError:
                    archive_pages = False
                if archive_pages:  # lists of posts by author, category or tag: no articles
                    self.crawler.stats.inc_value("news/skipped_archive_sitemap")
                    continue
                if self.sitemap_before_window(entry.get("lastmod")):
                    self.crawler.stats.inc_value("news/skipped_sitemap_out_of_window")
                    continue
                request = self.follow(url, self.parse_sitemap, response, {
                    "site": site, "sitemap_depth": depth + 1, "discovery_root": response.meta.get("discovery_root"),
                    "discovery_sitemap": response.meta.get("discovery_sitemap")})
                if request and self.sitemap_unchanged(request.url, entry.get("lastmod"), site.name):
                    self.crawler.stats.inc_value("news/skipped_sitemap_unchanged")
                    continue
                if request:
                    yield from self.for_site(request)
            elif http_url(url) is None:
                self.record_error(response.url, f"malformed URL skipped: {str(url)[:200]!r}")
            else:
                # a Google News entry's publication dates the page (as a feed item's does) and, without
                # a lastmod, stands for it, as a feed item's date does
                published = entry.get("publication_date")
                pages.append(url)
                request = self.page_request(self.sitemap_owner(site, response, url), url, "sitemap",
                                            lastmod=entry.get("lastmod") or published,
                                            listed=_listed_iso(_moment(published)))
                if request:
                    yield request
        self.discovery_moved(site, response, pages, "sitemap")

    def discovery_moved(self, site, response, pages: list[str], kind: str) -> None:
        """A sitemap or feed (``kind``) read on another host than the site's (``response``: the registry's, or
        robots.txt's sitemap, answering ``301`` to a new domain, or a sitemap an index there names) none of whose
        ``pages`` the registry's rules accept (all on that host): a whole site moved to a new domain, every address
        answering ``301`` to the same path there (news-sites.md §2.1, a site moved to another CMS or host). Its pages
        were dropped one by one as another site's, so the crawl was "complete" with nothing found, every crawl, the
        site's news no longer archived and no one told. An error of the crawl naming both addresses, for the
        registry's ``base_url`` to be brought up to date, as a listing moved so is (:meth:`listing_moved`), once a
        site; one on the site's host (the other of its ``www.`` and bare hosts, ``http`` or ``https``) or naming a
        page the rules accept is read as before."""
        def admitted(url: str) -> bool:
            try:
                return site.allows(self.page_url(site, url))
            except ValueError:  # a malformed address: recorded where it is read
                return False

        if not pages or on_listing_host(response.url, site.base_url) is not None or any(map(admitted, pages)) \
                or site.name in getattr(self, "discoveries_moved", set()):
            return
        if not hasattr(self, "discoveries_moved"):
            self.discoveries_moved = set()
        self.discoveries_moved.add(site.name)  # once a site: an index moved names many such sitemaps
        asked = (response.meta.get("redirect_urls") or [response.url])[0]
        where = f"moved to {response.url}" if asked != response.url else "is"
        self.record_error(asked, f"the {kind} {where} on another host than the site's {site.base_url}, and none of "
                                 f"its {len(pages)} pages pass the site's rules: its pages were not read (the site moved "
                                 "to a new domain? the registry's base_url and discovery need updating)")

    def sitemap_before_window(self, lastmod: str | None) -> bool:
        """Whether a sitemap that a sitemap index names last changed before the crawl's first day (its ``lastmod``
        in the index, sitemaps.org: "the time that the corresponding Sitemap file was modified"; Yoast's
        ``post-sitemap1.xml`` … ``post-sitemapN.xml``, a year's or a month's sitemap of TYPO3 or Drupal): every page it
        names was added, and last changed, before that day, and a ``--from-date`` crawl would skip each
        (:meth:`lastmod_in_window`). A big site's index names hundreds: each was fetched and read at every crawl, for
        nothing (Scrapy's ``SitemapSpider.sitemap_filter`` is the hook for it). A ``lastmod`` after today is no date
        (:meth:`admit`); without one the sitemap is read."""
        moment = changed_moment(lastmod)
        if moment is None or local_day(moment) > self.today():
            return False
        return not self.lastmod_in_window(lastmod, local_day(moment))

    def sitemap_unchanged(self, url: str, lastmod: str | None, site: str) -> bool:
        """Whether a sitemap that a sitemap index names is unchanged since an earlier complete crawl read it whole
        (:attr:`sitemaps_read`: one of this registry and of ``site``, whose window began no later than this one's):
        its ``lastmod`` in the index is not after that read (:meth:`changed_since`; a day alone is a change until that
        day is over). Every page it names was then archived, or is asked again as a failed page; those it names with a ``lastmod`` were changed no later
        than the sitemap. A crawl without ``--from-date`` (a weekly full crawl) fetched every sitemap of a big site's
        index (Yoast's ``post-sitemap1…N.xml``, a month's sitemap of TYPO3 or Drupal) each time, hundreds of
        requests for nothing new. Without a ``lastmod``, or with one in the future, it is read; so is one never read
        whole (a ``--from-date`` crawl's read skipped the pages before its window; a sample's). After a site's registry
        entry was widened to admit pages it did not, ``-s NEWS_SITEMAPS_REREAD=true`` reads every one. An index naming
        its sitemaps at an address that redirects (``http://`` of a site moved to ``https://``) names the ones read:
        addresses compare as one page (:func:`~tenderarchive.urls.page_key`; each was asked every crawl, refnews73)."""
        if self.settings.getbool("NEWS_SITEMAPS_REREAD"):
            return False
        # a crawl of this ``site`` read it, at this address or where it redirected (http:// to https://, to www.)
        fetched = getattr(self, "sitemaps_read", {}).get(page_key(url), {}).get(site)
        moment = changed_moment(lastmod)
        if not fetched or moment is None or local_day(moment) > self.today():
            return False
        return not self.changed_since(moment, fetched, self.today())

    def parse_feed(self, response):
        site = response.meta["site"]
        # a feed's pre-compressed copy (feed.xml.gz, a caching plugin's) sent without Content-Encoding
        response = self.unpacked(response, "feed")
        if response is None:
            return
        page = html_answer(response)
        if page is not None and response.meta.get("feed_paged"):
            # WordPress's feed asked past its last page (feed_next_page) answering its "not found" page: the end
            self.logger.info("%s: an HTML page, the WordPress feed has no page past its last", response.url)
            self.crawler.stats.inc_value("news/feed_paged_end")
            return
        if page is not None:
            asked = (response.meta.get("redirect_urls") or [response.url])[0]
            # a page that names its feeds (feed autodiscovery): the registry gave the news page, or the feed moved
            # and its old address sends there; read the feeds it names on the site's hosts, one level, none asked
            hosts, seen = site_hosts(site), {*(response.meta.get("redirect_urls") or ()), response.url}
            feeds = [] if response.meta.get("advertised_by") or response.meta.get("feed_chain") else [
                url for url in advertised_feeds(response)
                if url not in seen and (urlsplit(url).hostname or "").lower() in hosts]
            if feeds:
                self.logger.info("the feed address %s answered an HTML page that names its feeds: reading %s",
                                 asked, ", ".join(feeds))
                self.crawler.stats.inc_value("news/feed_advertised", len(feeds))
                for url in feeds:
                    yield from self.for_site(scrapy.Request(url, self.parse_feed, errback=self.errback, meta={
                        "site": site, "advertised_by": asked, "discovery_root": response.meta.get("discovery_root")}))
                return
            landed = f" at {response.url}" if response.url != asked else ""
            named = f"; the page that the registry's feed {response.meta['advertised_by']} answered named it as " \
                "its feed" if response.meta.get("advertised_by") else ""
            self.record_error(asked, f"no feed: the address answered an HTML page{landed} ({page!r}){named}")
            return
        try:
            root = feed_root(response)
        except (etree.XMLSyntaxError, ValueError) as exc:
            self.record_error(response.url, f"malformed feed: {str(exc)[:200]}")
            return
        if isinstance(root.tag, str) and etree.QName(root).localname in ("urlset", "sitemapindex"):
            # a sitemap (or index) where a feed was named (the registry's "/feeds/site", a page type's address): read
            # for <item>/<entry>, it named no page, silently. Read as the sitemap it is (branch refnews74).
            self.crawler.stats.inc_value("news/feed_sitemap")
            yield from self.parse_sitemap(response)
            return
        atom, rss1 = "{http://www.w3.org/2005/Atom}", "{http://purl.org/rss/1.0/}"
        dc = "{http://purl.org/dc/elements/1.1/}"
        links = []  # the page addresses it names (discovery_moved)
        days = []  # each item's publication day, in the feed's order (feed_next_page)
        for item in root.iter("item", f"{atom}entry", f"{rss1}item"):
            # RSS 2.0's <link>, else its <guid> when that is the permalink (isPermaLink defaults to
            # true); RSS 1.0's (RDF, WordPress's /feed/rdf/) <link>; Atom's alternate <link href>,
            # relative to its xml:base.
            node = item.find("link")
            if node is None or not (node.text or "").strip():
                node = item.find(f"{rss1}link")
            guid = item.find("guid")
            if (node is None or not (node.text or "").strip()) and guid is not None and \
                    guid.get("isPermaLink", "true").strip().lower() == "true" and \
                    (guid.text or "").strip().lower().startswith(("http://", "https://")):
                node = guid
            link = node.text if node is not None and (node.text or "").strip() else None
            if link is None:
                node = next((l for l in item.iter(f"{atom}link") if l.get("rel", "alternate") == "alternate"
                             and l.get("href")), None)
                link = node.get("href") if node is not None else None
            fetched = fetched_moment(response, self.now())
            published = absolute(item.findtext("pubDate") or item.findtext(f"{dc}date")
                                 or item.findtext(f"{atom}published"), fetched)
            days.append(_listed_iso(_moment(published))[:10])
            # an Atom entry's last change tells whether an archived page changed; its publication dates it
            when = absolute(item.findtext("pubDate") or item.findtext(f"{dc}date") or item.findtext(f"{atom}updated"),
                            fetched) or published
            try:
                base = (node.base if node is not None else None) or response.url
                link = urljoin(base, link.strip()) if link else None
            except ValueError:
                self.record_error(response.url, f"malformed URL skipped: {link[:200]!r}")
                continue
            if link and http_url(link) is None:
                self.record_error(response.url, f"malformed URL skipped: {link[:200]!r}")
            elif link:
                links.append(link)
                if self.taken_by_other(site, "feed", response.meta.get("discovery_root"), link):
                    continue
                request = self.page_request(site, link, "feed", lastmod=when, listed=_listed_iso(_moment(published)))
                if request:
                    yield request
        self.discovery_moved(site, response, links, "feed")
        yield from self.feed_next_page(site, response, root, links, days)

    def feed_next_page(self, site, response, root, links: list[str], days: list[str]):
        """The next page of a paged feed (RFC 5005 §3, "Paged Feeds": the feed's ``<link rel="next">``, in RSS 2.0 an
        ``<atom:link rel="next">`` in its ``<channel>``), whose older items the first page leaves out (a feed shows
        its newest ten or so): asked as a feed of the same site, on the site's or the feed's own host, at most
        ``NEWS_FEED_MAX_PAGES`` pages of one feed (:func:`feed_page_links`). The walk ends at a page naming no item,
        or none not archived already (an earlier crawl read on from there), at a page dated newest first whose newest
        item is before the crawl's ``--from-date`` (:meth:`listed_before_window`), and at a page it asked before (a
        feed whose next page is itself, or an earlier page: :meth:`for_site` asks an address once per site).

        WordPress's own feed names no next page but is paged by its query ``?paged=N`` (:func:`wordpress_next_feed_page`):
        read so, under the same bounds, where the feed says WordPress wrote it (:func:`wordpress_feed`), its answer
        names WordPress's REST API (:func:`wordpress_answer`) or the registry says the site is WordPress, to a page
        naming fewer items than the first (a first page of one item: the site's one post), or the one past its last
        (404, or an HTML page: the end, no error). Branch
        refnews69: only the first page's items were discovered. Such a walk bounded by an earlier crawl is read on
        from its deepest page (:meth:`feed_resume`, ``feed_resumed``: not ended by pages of archived items)."""
        # the pages of this feed read so far, this one included (its first: the address the registry or robots gave)
        asked = response.meta.get("feed_chain") or ((response.meta.get("redirect_urls") or [response.url])[0],)
        hosts = site_hosts(site) | {(urlsplit(u).hostname or "").lower() for u in (*asked, response.url)}
        following = [url for url in feed_page_links(root, response.url)
                     if (urlsplit(url).hostname or "").lower() in hosts and url not in asked and url != response.url]
        size = response.meta.get("feed_size") or len(days)  # the items of the feed's first page
        guessed = False
        if not following and (site.cms == "wordpress" or wordpress_feed(root) or wordpress_answer(response)) \
                and len(days) >= max(size, 2):
            # WordPress's own feed names no next page; ?paged=N+1 is it. A page shorter than the first is its last
            # (WordPress shows the same number on each page, 10 unless set otherwise), a first page of one item is a
            # site's one post, and the one past the last answers 404: the end (errback), no error. Never asked of a
            # feed of no known CMS or another one.
            guessed = True
            following = [url for url in [wordpress_next_feed_page(asked[-1])] if url not in asked]
        if not following or not links:
            return
        if not response.meta.get("feed_resumed") and all(page_key(self.page_url(site, link)) in self.known
                                                          for link in links):
            self.crawler.stats.inc_value("news/feed_pages_known")
            return
        if self.listed_before_window(days):
            self.logger.info("%s: every item of this feed page is dated before the crawl's dates: its later pages "
                             "are not read", response.url)
            self.crawler.stats.inc_value("news/feed_past_window")
            return
        most = self.settings.getint("NEWS_FEED_MAX_PAGES")
        if len(asked) >= most:
            self.logger.warning("%s: the feed has more pages than NEWS_FEED_MAX_PAGES (%d): %s and later not read",
                                asked[0], most, following[0])
            self.crawler.stats.inc_value("news/feed_bounded")
            return
        self.crawler.stats.inc_value("news/feed_next_page")
        yield from self.for_site(scrapy.Request(following[0], self.parse_feed, errback=self.errback, meta={
            "site": site, "discovery_root": response.meta.get("discovery_root"), "feed_chain": (*asked, following[0]),
            "feed_size": size, "feed_paged": guessed, "feed_resumed": response.meta.get("feed_resumed")}))

    def listing_gated(self, response) -> bool:
        """Whether a listing page is no listing: a cookie wall (news-sites.md §2.4) in front of it (its request
        redirected to a consent page or to one that sends back to it, :func:`gate_redirect`; or a ``200`` answer
        that is a consent page, ``pipelines.extract.is_cookie_wall`` or by its shape ``is_consent_page``), a "not found" page answered with ``200`` (a
        soft 404, ``is_not_found``) or a maintenance or error page (``is_unavailable``), linking no page of the
        site's news outside its template's menu, breadcrumb and footer (:data:`LISTING_LINKS`, where a listing's items
        are read; the template links the site's news sections on every page). The crawl read it as a listing without items: "complete", nothing found, every crawl. It is
        an error of the crawl (the next crawl asks the listing again), except a later page of a listing's pager
        that is not there, which ends the listing as its ``404`` does (``news/listing_page_gone``)."""
        from pipelines.extract import is_consent_page, is_cookie_wall, is_not_found, is_unavailable

        site, redirects = response.meta["site"], response.meta.get("redirect_urls") or []
        if redirects and gate_redirect(redirects, response.url):
            self.record_error(redirects[0], f"the listing redirected to a cookie wall or other gate {response.url}: "
                                            "its items were not read")
            return True
        lines = [" ".join(t.split()) for t in response.xpath(
            "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]").getall()]
        text = "\n".join(line for line in lines if line)
        titles = [t for t in (response.xpath("normalize-space(//h1)").get(),
                              response.xpath("normalize-space(//title)").get()) if t]
        what = next((why for why, test in (("a cookie wall", lambda t: is_cookie_wall(t, text)),
                                            ("a 'not found' page", is_not_found),
                                            ("a maintenance or error page", lambda t: is_unavailable(t, text)))
                     if any(test(t) for t in titles)), None)
        if what is None and is_consent_page(response.selector.root):
            # a consent about cookies with its control ("Ok", "Accept all": whatever its words) and next to no text of
            # the page's own, under the listing's own title
            what = "a cookie wall"
        if what is None:
            return False
        for href in [a.get("href") for a in listing_anchors(response.selector.root) if a.get("href") is not None]:
            # the links a listing's items are read from (parse_listing): not the menu, breadcrumb or footer of the
            # site's template, which a soft 404 or maintenance page has too, linking the site's news sections
            try:
                url = http_url(response.urljoin(href))
            except ValueError:
                continue
            if url and url.split("#")[0] != response.url.split("#")[0] and site.allows(url):
                return False  # a listing with such a text of its own (a cookie banner), and its items
        if what == "a 'not found' page" and response.meta.get("listing_page", 1) > 1:
            self.logger.warning("%s: a page of a listing's pager answers a 'not found' page: the listing ends",
                                response.url)
            self.crawler.stats.inc_value("news/listing_page_gone")
            return True
        self.record_error(response.url, f"the listing answered {what} ({(titles or [''])[0]!r}): its items were not "
                                        "read")
        return True

    def listed_before_window(self, days: list[str]) -> bool:
        """Whether a listing page shows it is dated newest first and past the crawl's ``--from-date``: every entry the
        site's rules accept dated (news-sites.md §2.3's listing dates), at least three, never rising down the page, the
        newest before the crawl's first day. Its later pages hold older items only, each of which
        :meth:`outside_as_listed` leaves unasked: a crawl of the last month read all of a listing's ``max_pages``
        pages, its items years old, every crawl."""
        if len(days) < 3 or not all(days) or any(a < b for a, b in zip(days, days[1:])):
            return False
        try:
            return date.fromisoformat(days[0]) < self.arguments.from_date
        except ValueError:
            return False

    def listing_moved(self, response, linked: int) -> None:
        """A listing the site redirected to another path (``/nieuws`` to ``/actueel/nieuws``: a site reorganised or
        moved to another CMS, news-sites.md §2.1), or to another host (a whole site moved to a new domain, the same
        path there), none of whose links the registry's ``allow``/``deny`` rules accept (its items under the new path,
        ``^/nieuws/`` allowed; on the new host): read as a listing without items, so the crawl was "complete" with
        nothing found, every crawl, the site's news no longer archived and no one told. An error of the crawl naming
        both addresses, for the registry to be brought up to date; a listing that redirects within its own path and
        host (the other of its ``www.`` and bare hosts, ``http`` or ``https``, being its own), or whose items the
        rules accept, is read as before."""
        asked = (response.meta.get("redirect_urls") or [None])[0]
        if not asked:
            return
        try:
            # another path, or another host (a whole site moved to a new domain: every address answers 301 to the
            # same path there), the other of its www. and bare hosts and http/https alike being the site's own
            moved = urlsplit(asked).path.rstrip("/").lower() != urlsplit(response.url).path.rstrip("/").lower() \
                or on_listing_host(response.url, asked) is None
        except ValueError:
            moved = False
        if moved:
            self.record_error(asked, f"the listing moved to {response.url}, and none of its {linked} links pass the "
                                     "site's allow/deny rules: its items were not read (the registry's listing URL "
                                     "and allow rules need updating)")

    def parse_listing(self, response):
        # a listing's pre-compressed copy sent without Content-Encoding: unpacked at most DOWNLOAD_MAXSIZE bytes
        # before it is read (read_as_archived would unpack it unbounded)
        response = self.unpacked(response, "listing")
        if response is None:
            return
        from tenderarchive.extraction.markup import MAX_TAG_ATTRIBUTES, crowded_tag

        if isinstance(response, scrapy.http.TextResponse) and crowded_tag(response.body):
            self.record_error(response.url, f"listing page not read: a tag of more than {MAX_TAG_ATTRIBUTES:,} "
                                            "attributes, markup no page needs (parsing it costs minutes)")
            return
        site = response.meta["site"]
        # a listing numbered from 0 (Drupal's ``?page=0,1,2``, news-sites.md §2.1; a "Meer laden" endpoint first asked
        # with ``?page=0``): a JSON page's count of pages ends one below it
        # (a numbering the listing's "Meer laden" control said, :func:`zero_based_load_more`, before the CMS's)
        numbering = response.meta.get("listing_zero_based")
        zero_based = bool((site.cms == "drupal" if numbering is None else numbering) or any(
            k.lower() in PAGER_PARAMETERS and v == "0" for k, v in parse_qsl(urlsplit(response.url).query)))
        read = read_as_archived(response)
        response = json_listing(read, zero_based)
        if unread_json(read, response) and read.body.lstrip().startswith(b"<"):
            response = read.replace(cls=scrapy.http.HtmlResponse)  # a page of markup mislabelled JSON: read as it is
        elif unread_json(read, response):
            self.record_error(response.url, "listing page not read: a JSON answer that is no JSON that can be read "
                                            "(malformed, or nested deeper than can be read)")
            return
        if self.listing_gated(response):
            return
        listing = site.discovery.listing
        page = response.meta["listing_page"]
        root = response.meta.get("listing_root") or response.url
        # the registry's address of the listing (before a redirect): the entries that read it (listing_owner)
        asked_root = response.meta.get("listing_asked") or (response.meta.get("redirect_urls") or [root])[0]
        next_href = None
        if listing.next:
            rule = listing.next.strip()
            nodes = response.xpath(rule) if rule.startswith(("/", "./", "(")) else response.css(rule)
            next_href = nodes.xpath("@href").get() or (nodes.get() if nodes and "@href" in rule else None)
        # per site and listing: two entries of one host naming one overview walk it each, to each one's max_pages
        state = self.listing_pages.setdefault((site.name, root), {"pages": {root}, "links": set(), "extra": 0})
        anchors = listing_anchors(response.selector.root)  # once, in one walk down the page (not its XPath)
        if page == 1:  # the listing's order, from its first page: its newest items first or last
            fetched = fetched_moment(response, self.now())
            state["newest_last"] = oldest_first([listed_date(a, a.get("href", ""), fetched=fetched) for a in anchors])
        newest_last = state.get("newest_last", False)
        pagers = pager_links(response, root, newest_last, site.cms) or data_page_links(response, root, site.cms, newest_last) \
            or rel_next_links(response, root)
        more_links = [] if pagers else load_more_links(response, root)
        pagers = pagers or more_links
        if next_href and not (newest_last and pagers):
            try:
                next_urls = [response.urljoin(next_href)]
            except ValueError:
                next_urls = [next_href]
        else:  # no next link (or none configured), or a listing whose newest items are on its last pages: its pager
            next_urls = pagers
        # without the session id or tracking parameters the answer wrote into its links: one page, asked once
        next_urls = list(dict.fromkeys(without_tracking(u) for u in next_urls))
        # Pages of the listing itself are never articles: its pager, its next and previous pages
        # ("Vorige", rel="prev") and every page of it read before (page 3 links back to page 2).
        # nor are its archive pages by year (:func:`year_archive_links`, within the crawl's dates)
        archives = archive_pages(response, root)   # read once: every year and month this page offers
        years = year_archive_links(response, root, self.arguments.from_date.year, self.arguments.until_date.year,
                                   self.arguments.from_date.month, self.arguments.until_date.month, archives)
        # an archive page of a year or month before the crawl's dates is not read, nor asked as an article (a list
        # of months in an <aside>, whose links are a listing's, had each older month asked as a page)
        not_articles = set(pagers) | set(next_urls) | {without_tracking(u) for u in rel_next_links(response, root, REL_PREV)} \
            | state["pages"] | {url for url, _, _ in archives}
        links = set()

        def other_article(href: str) -> bool:
            """Whether a link in a listing entry may be another article (not one the site's rules
            refuse: its author, category or tags); ends the entry whose date is read."""
            try:
                url = http_url(response.urljoin(href))
            except ValueError:
                return False
            return bool(url) and without_tracking(url) not in not_articles and site.allows(url) \
                and not DOCUMENT_PATH.search(urlsplit(url).path)

        entry_days: list[str] = []  # the listed day of each entry the site's rules accept, in page order
        for anchor in anchors:
            href = anchor.get("href", "")  # not .attrib: an attribute named with a control character raises
            try:
                url = http_url(response.urljoin(href))
            except ValueError:  # a malformed link (bad port, broken IPv6 host) is no page of ours
                url = None
            if not url or without_tracking(url) in not_articles or on_listing_host(without_tracking(url), root) in not_articles:
                continue
            links.add(url.split("#")[0])
            listed = listed_date(anchor, href, other_article, fetched_moment(response, self.now()))
            if site.allows(url):
                entry_days.append(listed[:10])
            owner = self.listing_owner(site, asked_root, page, url)
            if owner is not None and owner.name != site.name:
                # another entry reading this listing takes it, whichever of their answers is parsed first
                self.crawler.stats.inc_value("news/listing_shared_other_site")
                continue
            request = self.page_request(site, url, "listing", listed=listed)
            if request:
                yield request
        for year_url in years:
            # the listing's archive pages by year, each read as a listing of its own (to its max_pages), once
            if (site.name, year_url) in self.listing_pages:
                continue
            self.listing_pages[(site.name, year_url)] = {"pages": {year_url}, "links": set(), "extra": 0}
            self.crawler.stats.inc_value("news/listing_year_archive")
            request = self.follow(year_url, self.parse_listing, response,
                                  {"site": site, "listing_page": 1, "listing_root": year_url, "listing_asked": asked_root})
            if request:
                request.dont_filter = True  # counted here, by listing
                yield request
        if not newest_last and self.listed_before_window(entry_days):
            # newest first, and this page's newest entry before the crawl's dates: its later pages only older
            self.logger.info("%s: every entry of this listing page is dated before the crawl's dates: its later pages "
                             "are not read", response.url)
            self.crawler.stats.inc_value("news/listing_past_window")
            next_urls = []
        if page == 1 and links and not any(site.allows(url) for url in links):
            self.listing_moved(response, len(links))
        if page == 1:
            state["first_links"] = set(links)
        if page > 1 and links and links <= state.get("first_links", set()) and not state["extra"]:
            # The same links as the first page: the pager's link to the first page, which is
            # the listing URL itself (iprox's ?pager_page=1). Once per listing it does not count.
            state["extra"] = 1
        elif page > 1 and links <= state["links"] and next_urls:
            # Nothing on this page that an earlier page of the walk did not list: a page past the listing's end, which
            # a CMS answers with its last page again (or an empty list) under a rel="next" or ?page=N+1 of its own.
            # Its next pages repeat it: the walk went on to max_pages, asking the same page over and over every
            # crawl, and then warned of more pages than max_pages, for a user to raise it and be asked more.
            self.logger.info("%s: every link of this listing page was listed on an earlier page: the listing ends "
                             "here (%s not read)", response.url, next_urls[0])
            self.crawler.stats.inc_value("news/listing_repeated")
            next_urls = []
        state["links"] |= links
        pages = state["pages"]
        if page == 1 and not any((k.lower() in PAGER_PARAMETERS + OFFSET_PARAMETERS or TYPO3_PAGER.search(k))
                                 for k, _ in parse_qsl(urlsplit(root).query)):
            # The first page's own number in its pager: the number of its pager's link marked as the page shown
            # (``aria-current="page"``, an ``active`` or ``current`` class on the link or its list item), else one
            # below the lowest number it links to. A pager link to that number or a lower one (iprox's "1",
            # ``?pager_page=1``; a Drupal pager's "Eerste", ``?page=0``; a "Vorige" from page 2) is the first page
            # itself, read already.
            numbers = [n for n in (listing_page_number(u, root) for u in next_urls) if n is not None]
            shown = [n for n in (listing_page_number(u, root) for u in current_pager_links(response, root))
                     if n is not None]
            state["first_below"] = min(shown) + 1 if shown else min(numbers) if numbers else None
        for next_url in next_urls:
            if next_url in pages:
                continue
            number = listing_page_number(next_url, root)
            if number is not None and state.get("first_below") is not None and number < state["first_below"]:
                # Not asked again: asked, it took one of the listing's max_pages before its answer showed it the first
                # page once more (the "extra" above), and a listing of max_pages pages was read one page short, its
                # oldest items never archived, with a warning that it had more pages than its max_pages.
                self.crawler.stats.inc_value("news/listing_first_page_link")
                continue
            if len(pages) >= listing.max_pages + state["extra"]:
                if not state.get("bounded"):
                    # the registry's bound (max_pages, default 1) reached with more pages there: not asked, as it
                    # should not be, but said, once per listing; it was silent, and a site added with the default
                    # read one page of a listing of years without a word of the rest
                    state["bounded"] = True
                    self.logger.warning("%s: the listing has more pages than its max_pages (%d) in the registry: "
                                        "%s and later not read", root, listing.max_pages, next_url)
                    self.crawler.stats.inc_value("news/listing_bounded")
                continue
            pages.add(next_url)
            said = zero_based_load_more(response.url, next_url, more_links)  # by the "Meer laden" control, if it says
            request = self.follow(next_url, self.parse_listing, response,
                                  {"site": site, "listing_page": page + 1, "listing_root": root,
                                   "listing_asked": asked_root,
                                   "listing_zero_based": zero_based if said is None else said})
            if request:
                request.dont_filter = True  # counted here, by listing
                yield request

    def listing_owner(self, site, listing: str, page: int, url: str):
        """The registry entry that takes ``url``, linked on page ``page`` of the listing the registry names as
        ``listing``: ``site`` where no other entry of the crawl reads that listing, else, of the entries that read it
        (their ``listing.urls``, to their ``max_pages``) and whose rules take the page (``allows``), the one whose own
        address serves it (the page on its ``base_url``'s host, under the longest ``base_url`` path), else the first
        in the registry; None when none of them does (the entry's own rules decide). Two entries reading one
        overview (a region's news kept on a member municipality's site, news-sites.md §1 [S0]) each asked it and
        admitted its pages with their own rules: a page both took went to whichever answer was parsed first (a page
        is asked once, for one entry), so the article's site, municipalities and selectors changed from crawl to
        crawl and in a replay."""
        return self.discovery_owner(site, "listing", listing, url, page)

    def discovery_readers(self, kind: str, root: str) -> list:
        """The entries of the crawl that read the discovery document the registry names as ``root``, in registry
        order: a listing (``kind`` ``"listing"``, its ``listing.urls``), a feed (``"feed"``, its ``feeds``), a sitemap
        (``"sitemap"``: its ``sitemaps``, or the robots.txt whose ``Sitemap:`` lines an entry with ``robots_sitemaps``
        reads, its ``robots_url``; a sitemap an index names is read under its index's root)."""
        if getattr(self, "readers_of", None) is None:
            #: per (kind, page_key of a registry discovery address): the entries of the crawl that read it
            self.readers_of = {}
            for entry in self.sites:
                discovery = entry.discovery
                named = [("listing", a) for a in (discovery.listing.urls if discovery.listing else ())] \
                    + [("feed", a) for a in discovery.feeds] + [("sitemap", a) for a in discovery.sitemaps] \
                    + ([("sitemap", entry.robots_url)] if discovery.robots_sitemaps else [])
                for what, address in named:
                    readers = self.readers_of.setdefault((what, page_key(address)), [])
                    if entry not in readers:
                        readers.append(entry)
        try:
            return self.readers_of.get((kind, page_key(root)), [])
        except ValueError:
            return []

    def sitemap_readers(self, root: str | None, named: str | None) -> list:
        """The entries of the crawl that read, or may read, a sitemap (``named``: the address the registry or
        robots.txt names, of an index or of the sitemap itself) read under ``root`` (the registry's sitemap, or the
        robots.txt that named it), in registry order: those naming ``root`` or ``named`` (:meth:`discovery_readers`),
        and every entry reading the ``Sitemap:`` lines of robots.txt on its host (``robots_sitemaps``; the host
        without ``www.``), whose robots.txt may name it (news-sites.md §2.1: TYPO3's "``/sitemap.xml``, or the
        ``Sitemap:`` line in ``robots.txt``"). One entry naming ``/sitemap.xml`` and another reaching it through
        robots.txt each counted itself its only reader: whichever sitemap answer was parsed first took every page its
        rules allowed. Who may read it is known before any answer, so every answer names the same owner."""
        cache = self.__dict__.setdefault("sitemap_readers_of", {})
        if (root, named) not in cache:
            cache[(root, named)] = self._sitemap_readers(root, named)
        return cache[(root, named)]

    def _sitemap_readers(self, root: str | None, named: str | None) -> list:
        readers = [*self.discovery_readers("sitemap", root)] if root else []
        readers += [entry for entry in (self.discovery_readers("sitemap", named) if named else ()) if entry not in readers]
        try:
            address = urlsplit(named or root or "")
            host = ((address.hostname or "").removeprefix("www."), address.port)
        except ValueError:
            return readers
        for entry in self.sites:
            if entry.discovery.robots_sitemaps and entry not in readers:
                try:
                    robots = urlsplit(entry.robots_url)
                except ValueError:
                    continue
                if host[0] and ((robots.hostname or "").removeprefix("www."), robots.port) == host:
                    readers.append(entry)
        order = {id(entry): i for i, entry in enumerate(self.sites)}
        return sorted(readers, key=lambda entry: order.get(id(entry), len(order)))

    def sitemap_owner(self, site, response, url: str):
        """The entry a page that the sitemap ``response`` (read for ``site``) names is asked for
        (:meth:`discovery_owner` among :meth:`sitemap_readers`): ``site``'s, or another reader's where that one's
        address serves it; also when that one's own answer has not come, or never comes (its robots.txt names another
        sitemap): a page is asked once, for its owner, whichever answer names it first."""
        readers = self.sitemap_readers(response.meta.get("discovery_root"), response.meta.get("discovery_sitemap"))
        try:
            owner = self.discovery_owner(site, "sitemap", None, url, readers=readers)
        except ValueError:
            return site
        if owner is not None and owner.name != site.name:
            self.crawler.stats.inc_value("news/sitemap_shared_other_site")
            return owner
        return site

    def discovery_owner(self, site, kind: str, root: str | None, url: str, page: int = 1, readers=None):
        """The registry entry that takes ``url``, named by a listing, feed or sitemap (``kind``) that the registry
        names as ``root`` (:meth:`discovery_readers`; page ``page`` of a listing): ``site`` where no other entry of the
        crawl reads it, else, of the entries that read it (a listing to their ``max_pages``) and whose rules take the
        page (``allows``), the one whose own address serves it (the page on its ``base_url``'s host, under the longest
        ``base_url`` path), else the first in the registry; None when none of them does (the entry's own rules
        decide). Two entries reading one host's overview, feed or sitemap (a region's news kept on a member
        municipality's site, news-sites.md §1 [S0]; both with ``robots_sitemaps`` on that host) each read it and
        admitted its pages with their own rules: a page both took went to whichever answer was parsed first (a page
        is asked once, for one entry), so the article's site, municipalities and selectors changed from crawl to
        crawl and in a replay."""
        if readers is None:
            readers = self.discovery_readers(kind, root) if root else []
        if len(readers) < 2:
            return site
        candidates = [entry for entry in readers
                      if (kind != "listing" or entry.discovery.listing.max_pages >= page)
                      and entry.allows(self.page_url(entry, url))]
        if not candidates:
            return None

        def own(entry) -> tuple:
            try:
                parts, base = urlsplit(self.page_url(entry, url)), urlsplit(entry.base_url)
                same_host = (parts.hostname or "").removeprefix("www.") == (base.hostname or "").removeprefix("www.") \
                    and parts.port == base.port
            except ValueError:
                return (1, 0)
            path = base.path.rstrip("/") + "/"
            return (0 if same_host else 1, -len(path) if same_host and (parts.path + "/").startswith(path) else 0)

        return min(candidates, key=lambda entry: (*own(entry), readers.index(entry)))

    def taken_by_other(self, site, kind: str, root: str | None, url: str) -> bool:
        """Whether another entry reading the feed or sitemap ``root`` takes ``url`` (:meth:`discovery_owner`):
        this entry leaves it to that one, whichever of their answers is parsed first."""
        try:
            owner = self.discovery_owner(site, kind, root, url)
        except ValueError:
            return False
        if owner is not None and owner.name != site.name:
            self.crawler.stats.inc_value(f"news/{kind}_shared_other_site")
            return True
        return False

    @staticmethod
    def page_url(site, url: str) -> str:
        """The URL to fetch for a discovered page URL: no fragment, no tracking parameters
        (``utm_*``, Matomo's ``pk_*``, ``fbclid`` …), not its print version (``?print=1``: the page itself,
        :func:`~tenderarchive.urls.without_print`; on a site registered ``cms: drupal`` the print module's
        ``/print/<nid>``, ``/print/<alias>`` too: :func:`~tenderarchive.urls.without_drupal_print`, branch refnews69),
        and the site's own host where the link names the other of its ``www.`` and bare hosts (news-sites.md §2.2:
        jeugdhulpmvs.nl answers on both)."""
        url = without_print(without_tracking(url.split("#")[0]))
        if getattr(site, "cms", None) == "drupal":
            url = without_drupal_print(url)
        return NewsSpider.registry_host(site, url)

    @staticmethod
    def registry_host(site, url: str) -> str:
        """``url`` on the registry's host where it names the other of the site's ``www.`` and
        bare hosts (a page, or a sitemap that robots.txt or a sitemap index names there)."""
        try:
            parts, base = urlsplit(url), urlsplit(site.base_url)
            same_site = (parts.hostname != base.hostname and parts.port == base.port and not parts.username
                         and (parts.hostname or "").removeprefix("www.") == (base.hostname or "").removeprefix("www."))
        except ValueError:
            return url
        return urlunsplit(parts._replace(netloc=base.netloc)) if same_site else url

    def parse_openpub(self, response):
        """One page of an OpenPub ``items`` endpoint: ``{"data": [item, …], "pagination":
        {"total_pages": N, …}}`` (plugin-openpub-base); each new item is archived from the JSON. A ``data`` PHP wrote as an
        object keyed by index and an item's ``{"rendered": …}`` title or content (WordPress core's shape) are read
        as the list and the text they are."""
        site, page = response.meta["site"], response.meta["openpub_page"]
        try:
            data = json.loads(response.body)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested past Python's stack
            self.record_error(response.url, f"malformed OpenPub response: {str(exc)[:200]}")
            return
        items = data.get("data") if isinstance(data, dict) else data
        if isinstance(items, dict) and items and all(str(key).isdigit() for key in items):
            # PHP's json_encode writes an array whose keys are not 0, 1, 2 … (items filtered out by a plugin's
            # array_filter) as an object keyed by index, {"0": item, "2": item}: the same list of items
            items = [items[key] for key in sorted(items, key=int)]
        if not isinstance(items, list):
            self.record_error(response.url, "malformed OpenPub response: no list of items")
            return
        for entry in items:
            item = self.openpub_item(site, response, entry) if isinstance(entry, dict) else None
            if item:
                yield item
        pagination = data.get("pagination") if isinstance(data, dict) else None
        try:  # WordPress's max_num_pages is a PHP ceil(), a float its JSON writes "3.0"; a proxy's "3": the count all the same
            total = to_int(pagination.get("total_pages")) if isinstance(pagination, dict) else None
        except ValueError:
            total = None
        more = page < total if total is not None else bool(items)
        days = [_openpub_moment(e.get("date"))[:10] if isinstance(e, dict) else "" for e in items]
        if more and self.listed_before_window(days):
            # newest first (WordPress's order), and this page's newest item before the crawl's dates: its later pages
            # hold older items only, as a listing's do
            self.logger.info("%s: every item of this OpenPub page is dated before the crawl's dates: its later pages "
                             "are not read", response.url)
            self.crawler.stats.inc_value("news/openpub_past_window")
            more = False
        # the pages this walk read, this one included: from page 1, or from where an earlier crawl's walk stopped
        first = response.meta.get("openpub_first") or 1
        most = self.settings.getint("NEWS_OPENPUB_MAX_PAGES")
        if items and more and page - first + 1 >= most and first == 1 and self.openpub_resume(
                site, response.meta["openpub_root"]):
            # the pages past this one were read by earlier crawls, and this crawl reads on from the deepest of them
            self.logger.info("%s: page %d of the OpenPub API read (NEWS_OPENPUB_MAX_PAGES); the older pages are read "
                             "on from page %d", response.meta["openpub_root"], page,
                             self.openpub_resume(site, response.meta["openpub_root"]))
        elif items and more and page - first + 1 >= most:
            self.logger.warning("%s: the OpenPub API has more pages than NEWS_OPENPUB_MAX_PAGES (%d) read from page %d: "
                                "page %d and later are read by the next crawl", response.meta["openpub_root"], most,
                                first, page + 1)
            self.crawler.stats.inc_value("news/openpub_bounded")
        if items and more and page - first + 1 < most:
            root = response.meta["openpub_root"]
            yield scrapy.Request(add_or_replace_parameter(root, "page", str(page + 1)), self.parse_openpub, errback=self.errback,
                                 meta={"site": site, "openpub_page": page + 1, "openpub_root": root,
                                       "openpub_first": first})

    def openpub_resume(self, site, url: str) -> int | None:
        """The page of the OpenPub endpoint ``url`` that this crawl reads on from, besides its walk from page 1: past
        ``NEWS_OPENPUB_MAX_PAGES`` (where that walk ends), at the deepest page an earlier crawl read for ``site``
        (:attr:`paged_read`; read again, as items published since moved the rest later), when that crawl read at
        least as far back as this one (its ``from_date`` no later). None when no earlier crawl
        went past the bound: the walk from page 1 reaches all there is. Each crawl so reads at most twice the bound;
        over crawls, the whole archive of an endpoint (branch refnews71: only its newest 20 pages were ever read)."""
        return self.paged_resume(site, url, self.settings.getint("NEWS_OPENPUB_MAX_PAGES"))

    def paged_resume(self, site, url: str, most: int, parameter: str = "page") -> int | None:
        """The page (by the query ``parameter``) of the paged address ``url`` that this crawl reads on from, past
        the bound ``most`` of its walk from page 1: the deepest page an earlier crawl read of it for ``site``
        (:attr:`paged_read`), else ``most + 1``, when that crawl reached the bound; None otherwise. The OpenPub API
        (:meth:`openpub_resume`) and a WordPress feed's ``?paged=N`` (:meth:`feed_resume`) alike. Addresses compare as
        one page (:func:`~tenderarchive.urls.page_key`): the fetch index holds a page where it answered, and a registry
        address that redirects (``http://`` to ``https://``, a bare host to ``www.``, ``/feed`` to ``/feed/``) was
        never resumed (branch refnews73)."""
        root = page_key(_paged_address(url, parameter)[0])  # the address it answered on, redirected, as one page
        reached = max(getattr(self, "paged_read", {}).get((site.name, root, parameter), 0), 0)
        return max(reached, most + 1) if reached >= most > 0 else None

    def feed_resume(self, site, url: str) -> str | None:
        """The page of the feed ``url`` that this crawl reads on from besides its walk from page 1: where an earlier
        crawl's walk of the feed reached ``NEWS_FEED_MAX_PAGES``, the deepest page it read (:meth:`paged_resume`) of
        its pages addressed by the query ``paged=N`` (WordPress's) or ``page=N`` (``rel="next"`` links so written).
        That walk starts at page 1 each crawl and ends at a page naming only archived items: the older pages past the
        bound were never read (branch refnews72). A feed whose next pages are addressed otherwise is not resumed."""
        most = self.settings.getint("NEWS_FEED_MAX_PAGES")
        for parameter in ("paged", "page"):
            resume = self.paged_resume(site, url, most, parameter)
            if resume:
                return add_or_replace_parameter(url, parameter, str(resume))
        return None

    def openpub_item(self, site, response, entry: dict) -> ArticleItem | None:
        """An OpenPub item as an archived page: its ``portal_url`` (else the API's own
        ``…/items/{id}``, also for an item the active items' ``…/items/active`` or the search's ``…/search`` named), and an HTML page built from its ``title``, ``content`` (HTML; else the
        ``excerpt``) and ``date`` (``article:published_time``; a Unix timestamp or PHP ``DateTime`` as the moment
        it names, :func:`_openpub_moment`). None when it is not new."""
        def text(key: str) -> str:
            # WordPress core's REST shape, {"rendered": "…"}, as a site's own filter on the items gives it
            value = entry.get(key)
            value = value.get("rendered") if isinstance(value, dict) else value
            return value if isinstance(value, str) else ""

        ident = entry.get("id")
        root = urlsplit(response.meta["openpub_root"])
        # an item's own endpoint is …/items/{id}, whichever list named it: the active items' …/items/active too, and
        # the search's …/search (its answer is …/items', found by a query: ?s=jeugdhulp)
        items = _OPENPUB_ACTIVE.sub("/items", root.path.rstrip("/"))
        url = http_url(text("portal_url")) or (
            urlunsplit(root._replace(path=f"{items}/{ident}", query="", fragment=""))
            if isinstance(ident, (int, str)) and str(ident).strip().isalnum() else None)
        title, content = html.unescape(text("title")).strip(), text("content") or text("excerpt")
        if not url or not (title or content.strip()):
            self.record_error(response.url, f"OpenPub item without a URL or text skipped: id {str(ident)[:40]!r}")
            return None
        published, changed = _openpub_moment(entry.get("date")), _openpub_moment(entry.get("date_modified"))
        modified = changed or published
        admitted = self.admit(site, url, modified, filtered=False)
        if admitted is None:
            return None
        url = admitted[0]
        meta = "".join(f'<meta property="{name}" content="{html.escape(value)}">' for name, value in
                       (("article:published_time", published), ("article:modified_time", changed))
                       if value)
        page = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                f'{meta}<link rel="canonical" href="{html.escape(url)}"></head><body><article>'
                f"<h1>{html.escape(title)}</h1>{content}</article></body></html>")
        return ArticleItem(url=url, site=site.name, body=utf8(page), content_type="text/html; charset=utf-8",
                           site_config=site.to_dict(), discovered_via="openpub", **self.provenance(response))

    def archived_copy_of(self, article: dict) -> str | None:
        """The page archived by an earlier crawl that ``article`` (a news page about to be archived,
        under an address the archive does not hold) may be, answered at another address of its site:
        the same title and text (``content_sha256``), and the same day where both are dated. A site that
        moves to another CMS answers its items under new addresses in new markup (iprox's
        ``/Nieuws/Gunning_jeugdhulp`` as WordPress's ``/2021/10/14/gunning-jeugdhulp/``): byte for byte
        they differ, so each was archived a second time. A candidate only: it is the archived page at a
        new address only if that page's own address is gone (:meth:`still_answers`, decided when the
        crawl closes, pipelines/archive.py). Pages archived in this crawl are never matched: distinct
        addresses of a site that serve one text in one crawl (a print version, a second path) are pages
        of their own, as they always were, whichever is read first. A living page is always its own."""
        if getattr(self, "known_contents", None) is None:
            self.known_contents = {}
        if article.get("is_living_page") or not article.get("content_sha256"):
            return None
        if any(page_key(u) in self.known for u in (article.get("url"), article.get("source_url")) if u):
            return None  # an archived address's page is its own new version
        title = " ".join((article.get("title") or "").split()).casefold()
        for row in self.known_contents.get((article.get("site"), article["content_sha256"]), ()):
            days = {(d or "")[:10] for d in (row.get("published"), article.get("published")) if d}
            if row["url"] != article["url"] and len(days) <= 1 \
                    and " ".join((row.get("title") or "").split()).casefold() == title:
                if not hasattr(self, "moved_to_check"):
                    self.moved_to_check = {}
                self.moved_to_check.setdefault(page_key(row["url"]), row["url"])  # check_moved_addresses
                return row["url"]
        return None

    def case_variant_of(self, article: dict) -> str | None:
        """The URL of the page that ``article`` (a news page about to be archived) is, read at an address that differs
        from that page's only in the case of its letters, with the same title and text (``content_sha256``): the page
        archived by an earlier crawl, or handed to the store earlier in this one. A server that reads paths
        case-insensitively (IIS, which iprox sites run on; news-sites.md §2.2's ``/Informatie_en_nieuws/...``
        addresses) answers one item under ``/Nieuws/Gunning`` and ``/nieuws/gunning`` as a menu, a newsletter or an
        older listing spell it; each answer carrying a token of its own (ASP.NET's anti-forgery field), no two are
        byte for byte the same, and the item was archived twice. Only the same title and text join them: on a
        server that tells the two spellings apart, two pages stay two. The first spelling archived keeps the page;
        a living page is always its own. Each page this returns None for is remembered under its address."""
        if article.get("is_living_page") or not article.get("content_sha256") or not article.get("url"):
            return None
        key = page_key(article["url"])
        title = " ".join((article.get("title") or "").split()).casefold()
        if not hasattr(self, "case_spellings"):
            #: per (site, text hash, casefolded page_key): the URLs of the pages handed to the store in this crawl
            self.case_spellings = {}
        handed = self.case_spellings.setdefault((article.get("site"), article["content_sha256"], key.casefold()), [])
        archived = [row for row in (getattr(self, "known_contents", None) or {}).get(
            (article.get("site"), article["content_sha256"]), ()) if row.get("url")]
        for row in [*archived, *({"url": url, "title": t} for url, t in handed)]:
            other = page_key(row["url"])
            if other != key and other.casefold() == key.casefold() \
                    and " ".join((row.get("title") or "").split()).casefold() == title:
                return row["url"]
        handed.append((article["url"], article.get("title")))
        return None

    def shared_canonical(self, article: dict, fetched: str) -> bool:
        """Whether the canonical URL ``article`` (a news page about to be archived) is to be archived under, another
        than the address ``fetched`` (pipelines/extract.py ``canonical``), is another page's: one the archive holds,
        or handed to the store in this crawl, read at another address under another title. A template that writes one
        canonical URL for many pages (TYPO3 EXT:news's detail page without its record, news-sites.md §2.1:
        ``/nieuws/detail`` for every ``?tx_news_pi1[news]=N``) archived every item as one page, each the last one's
        next version, and every new item of a later crawl over them. Such a page is archived under the address it
        was read at (pipelines/archive.py). A page read at a second address under its own title (a print version,
        a tracking parameter) is still the page its canonical URL names; a page archived under its own address
        claims that address too."""
        if getattr(self, "canonical_claims", None) is None:
            #: per archived URL (page_key): the address its page was read at and its title, for shared_canonical
            self.canonical_claims = {}
            for rows in (getattr(self, "known_contents", None) or {}).values():
                for row in rows:
                    if row.get("url"):
                        self.canonical_claims.setdefault(page_key(row["url"]), (
                            page_key(row.get("source_url") or row["url"]),
                            " ".join((row.get("title") or "").split()).casefold()))
        url = article.get("url")
        if not url or article.get("is_living_page") or not fetched:
            return False
        key, own = page_key(url), page_key(fetched)
        title = " ".join((article.get("title") or "").split()).casefold()
        claim = self.canonical_claims.setdefault(key, (own, title))
        return key != own and claim[0] != own and claim[1] != title

    def archived_url_of(self, article: dict) -> str | None:
        """The archived URL of the page that ``article`` (a news page about to be archived, not a living page) is
        a later version of, where that is not its own URL: the page was archived under another URL and fetched
        last at this article's address (``queries.moved_article_urls``: a page moved to a new address, whose
        text changed there later). Without it that version was archived as a second page under the new address;
        the archived URL never changes (the address a user knows). Only with the archived page's title or day
        (where both are dated): an address that a site gave to another item is that item's. None for a page
        archived under its own URL. A living page of the registry read at the address its registry URL redirects
        to is archived under the registry URL: a second page under the new address, the registry's copy frozen
        and both counted, was what a site's reorganisation left."""
        if article.get("is_living_page") and article.get("url"):
            # a living page the registry names, redirected to another address of the site (a site reorganised, moved to
            # another CMS): the registry's page, its next version, as every crawl asks it there (parse_page)
            asked = getattr(self, "living_addresses", {}).get(page_key(article.get("source_url") or article["url"]))
            return asked if asked and page_key(asked) != page_key(article["url"]) else None
        moved = getattr(self, "moved_articles", None) or {}
        redirected = getattr(self, "redirected_archived", None) or {}
        if not (moved or redirected) or article.get("is_living_page") or not article.get("url"):
            return None
        title = " ".join((article.get("title") or "").split()).casefold()
        for row in (m.get(page_key(a)) for a in (article.get("url"), article.get("source_url")) if a
                    for m in (moved, redirected)):
            # ``redirected``: the page an archived page's address redirected to in this crawl (parse_page: an item
            # moved, 301, and edited in the move; news-sites.md "articles moved with 301"): its text changed, so it is
            # no archived copy (archived_copy_of), and it was archived as a second page beside the one it replaces
            if not row or page_key(row["url"]) == page_key(article["url"]):
                continue
            same_title = bool(title) and " ".join((row.get("title") or "").split()).casefold() == title
            same_day = bool(row.get("published") and article.get("published")) \
                and row["published"][:10] == article["published"][:10]
            if same_title or same_day:
                return row["url"]
        return None

    def still_answers(self, url: str) -> bool:
        """Whether ``url`` (an archived page's address) is still the site's in this crawl: a discovery
        (sitemap, feed, listing, link) named it, and asked, it did not redirect elsewhere nor answer that
        it is gone. Such a page is not moved: another address with its text is a page of its own (canonical
        and print versions, the old address still live), and the archived page keeps its address and
        provenance. A named address that was not asked (archived, no ``lastmod`` newer) is asked once
        before the crawl ends (:meth:`check_moved_addresses`)."""
        key = page_key(url)
        return key in getattr(self, "named_addresses", set()) and key not in getattr(self, "redirected_away", set())

    def move_unsettled(self, url: str) -> bool:
        """Whether the check of ``url`` (an archived page's address, :meth:`check_moved_addresses`) failed
        (a server error, no answer): whether a page with its text elsewhere is that page moved is not known,
        so that page is not archived in this crawl (a recorded error; the next crawl asks it again)."""
        return page_key(url) in getattr(self, "moved_unsettled", set())

    def check_moved_addresses(self):
        """On ``spider_idle``: ask once each archived address that a moved-page candidate's decision hangs
        on (:meth:`archived_copy_of`) and that this crawl named but did not ask (archived, its sitemap entry
        undated: :meth:`admit` skips it). A site that moved to another CMS and whose sitemap (or listing)
        still names the old addresses, each now redirecting to its new one, was taken to "still answer"
        there: the new address with the archived text was archived as a page of its own, the item twice.
        The request follows no redirect (:meth:`parse_moved_check` reads the answer) and is kept in the raw
        store like any other, so the next crawl knows where the old address leads."""
        from scrapy.exceptions import DontCloseSpider

        waiting = [url for key, url in getattr(self, "moved_to_check", {}).items()
                   if key not in self.requested and key not in getattr(self, "moved_checked", set())
                   and self.still_answers(url)]
        if not waiting:
            return
        if not hasattr(self, "moved_checked"):
            self.moved_checked = set()
        for url in waiting:
            self.moved_checked.add(page_key(url))
            self.crawler.stats.inc_value("news/moved_address_checked")
            self.crawler.engine.crawl(scrapy.Request(
                url, self.parse_moved_check, errback=self.moved_check_failed, dont_filter=True,
                meta={"dont_redirect": True, "handle_httpstatus_all": True, "moved_check": True}))
        raise DontCloseSpider

    def parse_moved_check(self, response):
        """The answer of an archived address checked by :meth:`check_moved_addresses`: a redirect (HTTP or a
        page's refresh) to another page, or gone (404, 410), is no longer the page's address; a page
        answered there is (the other address is a page of its own), and is read as the page (an edit made there
        is archived); a server error leaves it unsettled."""
        from tenderarchive.middlewares import REDIRECT_STATUSES, get_meta_refresh

        key = page_key(response.url)
        target = None
        if response.status in REDIRECT_STATUSES:
            target = response.headers.get("Location", b"").decode("latin-1")
        elif 200 <= response.status < 300 and isinstance(response, scrapy.http.HtmlResponse):
            interval, target = get_meta_refresh(
                response, ignore_tags=self.settings.getlist("METAREFRESH_IGNORE_TAGS"))
            target = target if interval is not None and interval < self.settings.getint("METAREFRESH_MAXDELAY", 100) \
                else None
        try:
            away = bool(target) and page_key(response.urljoin(target)) != key
        except ValueError:
            away = False
        if not hasattr(self, "redirected_away"):
            self.redirected_away = set()
        if away or response.status in (404, 410):
            self.logger.info("%s, an archived page's address, %s", response.url,
                             f"now leads to {target}" if away else f"is gone (HTTP {response.status})")
            self.redirected_away.add(key)
        elif response.status >= 500 or response.status == 429 or not 200 <= response.status < 400:
            self.moved_check_failed(None, response)
        elif 200 <= response.status < 300 and isinstance(response, scrapy.http.HtmlResponse):
            # the page answers at its archived address: read as the page, as any fetch of it is (its fetch is
            # recorded as the page's last, queries.known_article_urls: an edit left unread there was never
            # archived, the next crawls taking the page as fetched since)
            site = next((s for s in self.sites if s.allows(response.url)), None)
            if site is not None:
                response.meta.update(site=site, via="moved_check", living=False, lastmod=None)
                self.requested.add(key)
                return self.parse_page(response)
        return None

    def moved_check_failed(self, failure, response=None):
        """A check of :meth:`check_moved_addresses` that got no answer to go by: its candidate waits for the
        next crawl (:meth:`move_unsettled`), a recorded error. An address robots.txt forbids is not asked: the
        archived page keeps it, as before the check."""
        from scrapy.exceptions import IgnoreRequest

        request = response.request if response is not None else getattr(failure, "request", None)
        if failure is not None and failure.check(IgnoreRequest):
            if "replayed WARC" not in str(failure.value):
                self.logger.info("an archived page's address not checked: %s", failure.value)
            return
        if not hasattr(self, "moved_unsettled"):
            self.moved_unsettled = set()
        if request is not None:
            self.moved_unsettled.add(page_key(request.url))
        what = f"HTTP {response.status}" if response is not None else failure_message(failure)
        self.record_error(request.url if request is not None else None,
                          f"an archived page's address could not be checked ({what}): whether a page with its "
                          "text at another address is that page moved is left to the next crawl")

    #: A page is asked after the feeds, sitemaps and listings already known (a lower priority), so the
    #: dates they give it (:attr:`listed`) are in when it is read, in a crawl as in its replay.
    PAGE_PRIORITY = -10

    #: Whose date dates a page that several discoveries date: a feed's and a Google News sitemap's
    #: (machine-written, with its time) before a listing's; else the first.
    LISTED_RANK = {"feed": 0, "sitemap": 1, "listing": 2}

    def page_request(self, site, url, via, lastmod=None, living=False, listed=""):
        """``listed``: the date its feed item, Google News sitemap entry or listing entry gives, the
        page's date when the page states none (pipelines/extract.py). Every discovery's date is kept
        (:attr:`listed`), not only the first's: which of a feed, a sitemap and a listing names a page
        first must not change its date (a replay of the crawl asks them in another order)."""
        if listed and via in self.LISTED_RANK:
            key = page_key(self.page_url(site, url))
            if key not in self.listed or self.LISTED_RANK[via] < self.LISTED_RANK[self.listed[key][1]]:
                self.listed[key] = (listed, via)
        admitted = self.admit(site, url, lastmod, living, via=via, listed=listed)
        if admitted is None:
            return None
        url, living = admitted
        revisit = getattr(self, "revisits", {}).get(page_key(url))
        headers = {}
        if revisit:  # a conditional request: a server that keeps Last-Modified answers 304 for an unchanged page
            try:
                fetched = datetime.fromisoformat(revisit)
                headers["If-Modified-Since"] = email.utils.format_datetime(
                    (fetched if fetched.tzinfo else fetched.replace(tzinfo=timezone.utc)).astimezone(timezone.utc),
                    usegmt=True)
            except ValueError:
                pass
        try:
            return scrapy.Request(url, self.parse_page, errback=self.errback, priority=self.PAGE_PRIORITY,
                                  headers=headers or None,
                                  meta={"site": site, "via": via, "living": living, "lastmod": lastmod,
                                        "revisit": bool(revisit)})
        except (ValueError, UnicodeError) as exc:
            self.record_error(url, f"malformed URL skipped: {exc}")
            return None

    def admit(self, site, url, lastmod=None, living=False, filtered=True, via=None,
              listed: str = "") -> tuple[str, bool] | None:
        """``(url to fetch, living)`` for a discovered page that this crawl should have, or None:
        asked already, not the site's (``filtered``: its allow/deny rules), archived and not
        changed since (``lastmod``), a living page not due, outside the crawl's dates, or past
        ``sample``. An admitted page counts as requested."""
        url = self.page_url(site, url)
        key = page_key(url)  # one page under several URLs (a trailing slash, www.) is one page
        if not hasattr(self, "named_addresses"):
            self.named_addresses = set()
        self.named_addresses.add(key)  # still the site's (still_answers), whether or not it is asked
        living = living or site.is_living_page(url)
        if key in self.requested or not (living or not filtered or site.allows(url)):
            return None
        if not living and DOCUMENT_PATH.search(urlsplit(url).path):
            self.crawler.stats.inc_value("news/skipped_document")
            return None
        if not living and self.is_home(site, url):
            # The site's home page (WordPress's page sitemap names it, a listing links it): an
            # overview of the site, not an article of it.
            self.crawler.stats.inc_value("news/skipped_home")
            return None
        if not living and self.is_overview(site, url):
            # the registry's listing (a page of its pager, its address with a trailing slash) named by a sitemap
            # (TYPO3's and Drupal's name every page of the site) or linked by a page: the overview, no article
            self.crawler.stats.inc_value("news/skipped_overview")
            return None
        if self.sample and len(self.requested) >= self.sample:
            return None
        moment = changed_moment(lastmod)
        changed = local_day(moment) if moment is not None else None
        if changed is not None and changed > self.today():
            # A date after today (Amsterdam's) is a CMS's mistake, not a date (memorious ignores a
            # Last-Modified in the future: docs/reference/peers.md §3): read as no date, so a new
            # page is fetched (its own date decides) and an archived one is not fetched every crawl.
            self.crawler.stats.inc_value("news/lastmod_in_future")
            changed = None
        known = self.known.get(key)
        if not living and known is None and self.redirected_off_the_site(site, key, moment):
            self.crawler.stats.inc_value("news/skipped_redirected_away")
            return None
        if not living and known is not None:
            if (changed is None or not self.changed_since(moment, known, self.today())) \
                    and not self.revisit_due(key, known, via, lastmod):
                self.crawler.stats.inc_value("news/skipped_known")
                return None
        if living and known is not None and known > self.living_recheck_after:
            self.crawler.stats.inc_value("news/living_not_due")
            return None
        # a lastmod judges only the window's start, and an old post's moves on with every edit: a new page is judged
        # by the date in its address too (WordPress's /2021/07/29/<slug>/, its publication day)
        # an archived page changed since is its next version, whatever day it was published (pipelines/extract.py
        # check_window keeps it): only a page not yet archived is judged by its listed or address date
        if changed and not living and (not self.lastmod_in_window(lastmod, changed) or (
                known is None and (self.outside_as_listed(listed) or self.outside_by_url(url)))):
            self.crawler.stats.inc_value("news/skipped_out_of_window")
            return None
        if changed is None and not living and known is None and (self.outside_by_url(url) or self.outside_as_listed(listed)):
            self.crawler.stats.inc_value("news/skipped_out_of_window")
            return None
        self.requested.add(key)
        return url, living

    def redirected_off_the_site(self, site, key: str, moment: datetime | date | None) -> bool:
        """Whether an address is left alone because its last answer redirected off the site
        (``queries.redirected_elsewhere``): to a place outside the rules of the site's registry entry (another host,
        :meth:`redirect_lands_on_a_page`), and no sitemap ``lastmod`` says it changed since. Such an item (moved to a
        partner's host, a municipality's new one the registry does not read) was asked again, with where it leads,
        at every crawl, and never archived. An address whose redirect now leads onto the site (its rules widened),
        or that last answered so over ``NEWS_REDIRECT_RECHECK_DAYS`` ago, is asked. One sent to the site's home page
        or news overview (a withdrawn item, a soft 404) is asked by the next crawl, as a page that is gone is."""
        found = getattr(self, "redirected_elsewhere", {}).get(key)
        if found is None:
            return False
        target, fetched_at = found
        if moment is not None and self.changed_since(moment, fetched_at, self.today()):
            return False
        try:
            answered = datetime.fromisoformat(fetched_at)
        except (TypeError, ValueError):
            return False
        if (answered if answered.tzinfo else answered.replace(tzinfo=timezone.utc)) <= self.redirect_recheck_before:
            return False  # asked again now and then (NEWS_REDIRECT_RECHECK_DAYS): the item may be back
        try:
            home = urlsplit(target).path.strip("/") == urlsplit(site.base_url).path.strip("/")
        except ValueError:
            return False
        return not home and not self.is_overview(site, target) and not site.allows(target) \
            and not site.is_living_page(target)

    def revisit_due(self, key: str, fetched_at: str, via: str | None, lastmod) -> bool:
        """Whether an archived page that a listing or a feed names (or a sitemap entry without ``lastmod``),
        which nothing tells changed, is asked again: a recent item (its own day, else the day its feed or listing
        gives, within ``NEWS_REVISIT_DAYS`` of today) fetched last over ``NEWS_REVISIT_HOURS`` ago, at most
        ``NEWS_REVISIT_MAX`` of them per crawl (``news/revisited``; past the bound ``news/revisit_bounded``: a
        later crawl asks them). Such an item was never asked again, so a correction made the day after it
        appeared (a date moved, a name added) was never captured. The request is conditional
        (``If-Modified-Since`` its last fetch): a ``304`` is the page unchanged (``news/revisit_not_modified``).
        News items are edited in their first days; an older item is left alone (a site's sitemap ``lastmod``,
        where it has one, still tells of any change)."""
        if self.revisit_days <= 0 or not (via in ("listing", "feed")
                                          or (via == "sitemap" and (not lastmod or lastmod_period(lastmod)))):
            return False
        written = self.archived_days.get(key) if hasattr(self, "archived_days") else None
        listed = self.listed.get(key)
        try:
            day = date.fromisoformat(written or (listed[0][:10] if listed else ""))
        except ValueError:
            return False
        try:
            fetched = datetime.fromisoformat(fetched_at)
        except ValueError:
            return False
        fetched = fetched if fetched.tzinfo else fetched.replace(tzinfo=timezone.utc)
        if day < self.today() - timedelta(days=self.revisit_days) or fetched > self.revisit_before:
            return False
        if not hasattr(self, "revisits"):
            self.revisits = {}
        if len(self.revisits) >= self.revisit_max:
            self.crawler.stats.inc_value("news/revisit_bounded")
            return False
        self.revisits[key] = fetched_at
        self.crawler.stats.inc_value("news/revisited")
        return True

    def outside_by_url(self, url: str) -> bool:
        """Whether a page is outside the crawl's dates by the date in its
        address (news-sites.md §2.3 "ISO in URL", WordPress's ``/2021/07/29/<slug>/``: the page's date when
        it states none, pipelines/extract.py), judged as its own date is (:meth:`page_in_window`). A listing
        or a sitemap without ``lastmod`` names every post of a site since its start: a ``--from-date``
        crawl fetched each, to drop it once read; a ``lastmod`` judges only the window's start and moves on with every
        edit of an old post, so a page not yet archived is judged by its address with one too (:meth:`admit`)."""
        from tenderarchive.extraction.dates import url_date

        try:
            day = url_date(url, segments=False)  # a day opening a slug may be an event's: read the page
        except ValueError:
            return False
        return day is not None and not self.page_in_window(day.day)

    def outside_as_listed(self, listed: str) -> bool:
        """Whether a page is outside the crawl's dates by the date this listing entry (or Google News sitemap
        entry, or feed item) gives it (``listed``; :attr:`listed` keeps the best-ranked one, the page's date when it
        states none, pipelines/extract.py, before its address's), judged as its own date is (:meth:`page_in_window`).
        A listing shows every item's day beside its link (§2.3's iprox listing date): a ``--from-date`` crawl of a
        paged listing fetched each older item, to drop it once read, as :meth:`outside_by_url` says of a date in the
        address. The discovery's own date, not the best-ranked one known so far: a page one discovery dates inside
        is asked whichever was read first (a feed's older date read first skipped it for the listing too, so a crawl
        and its replay could differ)."""
        try:
            day = date.fromisoformat(listed[:10]) if listed else None
        except ValueError:
            return False
        return day is not None and not self.page_in_window(day)

    @staticmethod
    def changed_since(moment: datetime | date, fetched_at: str, today: date | None = None) -> bool:
        """Whether a page whose sitemap or feed date is ``moment`` changed after it was fetched at
        ``fetched_at`` (UTC ISO): compared as instants when the date gives a time (a page changed the
        afternoon after its morning fetch was never fetched again: its day was the fetch's), else by
        the Dutch day: a later day has; the fetch's own day has once that day is over (``today``, the crawl's, is
        later), since the change may have come after the fetch: a page fetched in the morning and edited that
        afternoon, its sitemap saying the day only, was never fetched again (the next crawls read the same day,
        "not later"). A crawl on that same day does not ask it again."""
        try:
            fetched = datetime.fromisoformat(fetched_at)
        except ValueError:
            return True
        if fetched.tzinfo is None:
            fetched = fetched.replace(tzinfo=timezone.utc)
        if isinstance(moment, datetime):
            return moment > fetched
        return moment > local_day(fetched) or (moment == local_day(fetched) and today is not None and today > moment)

    def is_overview(self, site, url: str) -> bool:
        """Whether ``url`` is a page the site's registry entry reads its news through (a listing, a page of its
        pager, a feed, a sitemap: ``pipelines.extract.discovery_pages``), however written."""
        from pipelines.extract import discovery_pages, listing_key

        if not hasattr(self, "overviews"):
            self.overviews = {}
        if site.name not in self.overviews:
            self.overviews[site.name] = discovery_pages(site.to_dict())
        return listing_key(url) in self.overviews[site.name]

    @staticmethod
    def is_home(site, url: str) -> bool:
        """Whether ``url`` is the site's home page: its base URL's path, with no query."""
        try:
            parts, base = urlsplit(url), urlsplit(site.base_url)
        except ValueError:
            return False
        return (parts.hostname == base.hostname and not parts.query
                and parts.path.strip("/") == base.path.strip("/"))

    #: What the crawl asks an address as, by the callback that reads its answer (:meth:`fetch_kind`).
    FETCH_KINDS = {"parse_robots": "robots", "parse_sitemap": "sitemap", "parse_feed": "feed",
                   "parse_listing": "listing", "parse_openpub": "openpub", "parse_page": "page",
                   "parse_part": "page", "parse_moved_check": "page"}

    def fetch_kind(self, request) -> str | None:
        """What ``request`` asks its address as (``robots``, ``sitemap``, ``feed``, ``listing``, ``openpub``, ``page``:
        the callback that parses its answer, :data:`FETCH_KINDS`), which the raw-store middleware records in the fetch
        index (``fetches.kind``). A sitemap is so known by what the crawl read it as, not by its address:
        ``queries.sitemaps_read`` knew one by ``sitemap`` or ``.xml`` in it, and a sitemap at another address (TYPO3's
        page type ``?type=1533906435``, an ``index.php?eID=…`` handler, a robots.txt ``Sitemap:`` line naming
        ``/feeds/site``) was read again by every crawl, unchanged (branch refnews74). None for any other request
        (Scrapy's own robots.txt)."""
        return self.FETCH_KINDS.get(getattr(request.callback, "__name__", None))

    def errback(self, failure):
        """A discovered page that robots.txt forbids is not fetched, as it should be, and is no
        error (``news/forbidden_by_robots``): a sitemap or listing that names one made every
        crawl partial. A living page or discovery URL of the registry that it forbids is one.
        So is a discovered page that is gone (404, 410; a soft 404 in pipelines/extract.py):
        logged and counted (``news/gone``), not an error; a living page that is gone is one. So is a
        sitemap that a sitemap index names (``news/sitemap_gone``). A later
        page of a listing that is gone ends the listing (``news/listing_page_gone``); the registry's
        listing URL that is gone is an error."""
        from scrapy.exceptions import IgnoreRequest

        from tenderarchive.middlewares import AskedAlready, NotAsked, RedirectRefused

        request = getattr(failure, "request", None)
        if failure.check(NotAsked):  # its host's one error says why (robots.txt or the host unreachable)
            return super().errback(failure)
        if failure.check(AskedAlready):
            self.logger.info("not followed: %s", failure.value)
            self.crawler.stats.inc_value("news/redirect_asked_already")
            return
        if failure.check(RedirectRefused):
            # a redirect off the site's registered hosts: that host is not contacted. A discovered page that leads
            # there would not be archived (outside the site's rules): logged, no error, as when it was followed; the
            # registry's own address (a living page, a feed, sitemap or listing) is an error of the crawl
            self.crawler.stats.inc_value("news/redirect_refused")
            first = (request.meta.get("redirect_urls") or [request.url])[0] if request is not None else ""
            if request is not None and request.callback == self.parse_page and not request.meta.get("living"):
                self.logger.info("not followed: %s", failure.value)
                return
            if request is not None and request.callback == self.parse_sitemap and request.meta.get("default_sitemap"):
                # a CMS's usual sitemap address, guessed (default_sitemap), sent off the site (a site sending every
                # address it does not know to its municipality's portal): no sitemap there, as a 404 is not one
                self.logger.info("not followed: %s", failure.value)
                return self.no_default_sitemap(request.meta["site"], first, request.meta["default_sitemap"])
            hint = " (add the host to the site's allowed_domains if it is the site's)" \
                if "off the site's hosts" in str(failure.value) else ""
            self.record_error(first, f"{failure.value}{hint}")
            return
        discovered = request is not None and request.callback == self.parse_page and not request.meta.get("living")
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value) and discovered:
            self.logger.info("forbidden by robots.txt, not fetched: %s", request.url)
            self.crawler.stats.inc_value("news/forbidden_by_robots")
            return
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value) and request is not None \
                and request.callback == self.parse_sitemap and request.meta.get("default_sitemap"):
            # a CMS's usual sitemap address, guessed (default_sitemap), that robots.txt forbids (a site's "Disallow: /*?"
            # forbids TYPO3's ?type=1533906435 and WordPress's ?sitemap=index): not read, as one missing is not
            self.crawler.stats.inc_value("news/forbidden_by_robots")
            return self.no_default_sitemap(request.meta["site"], request.url, request.meta["default_sitemap"])
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value) and request is not None and (
                (request.callback == self.parse_listing and request.meta.get("listing_page", 1) > 1)
                or (request.callback == self.parse_sitemap and request.meta.get("sitemap_depth", 0) > 0)):
            # A later page of a listing's pager, or a sitemap its index names, that robots.txt forbids (a site's
            # "Disallow: /*?" against its search pages forbids its pager's ?page=1 too): not fetched, as it should
            # not be, and found by the crawl, not named by the registry: the listing ends there, the sitemap is not
            # read. It made every crawl of the site partial. The registry's own URL that it forbids is an error.
            self.logger.warning("%s: forbidden by robots.txt: %s not read", request.url,
                                "the listing ends here" if request.callback == self.parse_listing else "this sitemap")
            self.crawler.stats.inc_value("news/forbidden_by_robots")
            return
        response = getattr(failure.value, "response", None)
        if request is not None and request.meta.get("default_sitemap") and response is not None \
                and (400 <= response.status < 500 or (request.meta["default_sitemap"] > 1 and response.status >= 400)):
            # a guess the site does not serve us: any refusal (404, 410, a firewall's 403) says so, and for a later
            # guess (TYPO3's page type) a server error too ("page is not configured", 503)
            return self.no_default_sitemap(request.meta["site"], request.url, request.meta["default_sitemap"])
        if request is not None and request.callback == self.parse_listing and request.meta.get("listing_page", 1) > 1 \
                and response is not None and response.status in (404, 410):
            # A later page of a listing that its pager links but that is not there (a pager's "last" one
            # past the end, a data-page number counted from 0): the listing ends there. It made every
            # crawl of the site partial. The listing URL of the registry that is gone is an error.
            self.logger.warning("%s: HTTP %d, a page of a listing's pager that is not there: the listing ends",
                                request.url, response.status)
            self.crawler.stats.inc_value("news/listing_page_gone")
            return
        if request is not None and request.meta.get("feed_paged") and response is not None \
                and response.status in (404, 410):
            # WordPress's feed asked past its last page (?paged=N+1, feed_next_page): the feed ends there
            self.logger.info("%s: HTTP %d, the WordPress feed has no page past its last", request.url, response.status)
            self.crawler.stats.inc_value("news/feed_paged_end")
            return
        if request is not None and request.callback == self.parse_sitemap and request.meta.get("sitemap_depth", 0) > 0 \
                and response is not None and response.status in (404, 410):
            # A sitemap index that still names a sitemap the site removed (a plugin's users or tags sitemap
            # switched off, a year's sitemap merged): the site answered, and what it names is not there to miss,
            # as for a discovered page that is gone. It made every crawl of the site partial. The registry's
            # sitemap, or robots.txt's, that is gone is still an error.
            self.logger.warning("%s: HTTP %d, a sitemap its index names is not there: not read", request.url,
                                response.status)
            self.crawler.stats.inc_value("news/sitemap_gone")
            return
        if discovered and request.meta.get("revisit") and response is not None and response.status == 304:
            # a revisit's conditional request (revisit_due): the archived page is unchanged
            self.logger.info("%s: not modified since its last fetch", request.url)
            self.crawler.stats.inc_value("news/revisit_not_modified")
            self.moved_unchanged(request, response)
            return
        if discovered and response is not None and response.status in (404, 410):
            # A sitemap or listing that still names a removed item: the site answered, nothing was
            # missed, and the next crawl asks again. It made every crawl of the site partial.
            self.logger.warning("%s: HTTP %d, a discovered page that is gone: not archived", request.url,
                                response.status)
            self.crawler.stats.inc_value("news/gone")
            return
        # a page's failure is marked so that the next crawl asks that page again (queries.failed_news_pages)
        super().errback(failure, note=NEWS_PAGE_FAILED if request is not None and request.callback == self.parse_page
                        else "")
        if request is not None and request.meta.get("registry") and response is not None \
                and response.status in (404, 410):
            self.registry_gone(request.meta["site"], self.crawl_errors[-1], response.status)

    def moved_unchanged(self, request, response) -> None:
        """A revisit of an archived page's address that redirected to another address of the site, which answered
        ``304 Not Modified``: the page moved there, unchanged. Answered ``200`` there, the page's provenance became
        the new address (the archived URL kept); answered ``304`` it stayed the old address and its first fetch,
        though every crawl went through the redirect: the move was never recorded. It is now, as for a ``200``
        (:attr:`unchanged_moves`, written by pipelines/archive.py ``write_moved_article``, content untouched). A
        target that is another archived page is none of this page's."""
        asked = (request.meta.get("redirect_urls") or [None])[0]
        if not asked or page_key(asked) == page_key(response.url):
            return
        archived = self.archived_page_at(asked)
        if archived is None or self.archived_page_at(response.url) not in (None, archived):
            return
        if not hasattr(self, "unchanged_moves"):
            self.unchanged_moves = []
        provenance = self.provenance(response)
        self.logger.info("%s, archived, now answers unchanged at %s: its new address", archived, response.url)
        self.unchanged_moves.append({"url": archived, "address": response.url, "source_url": response.url,
                                     "fetched_at": provenance["fetched_at"], "sha256": None})

    def archived_page_at(self, address: str) -> str | None:
        """The archived URL of the news page archived under ``address`` or last fetched there (by
        :func:`page_key`), or None."""
        key = page_key(address)
        for rows in (getattr(self, "known_contents", None) or {}).values():
            for row in rows:
                if row.get("url") and key in {page_key(u) for u in (row["url"], row.get("source_url")) if u}:
                    return row["url"]
        return None

    def registry_gone(self, site, error: dict, status: int) -> None:
        """A feed, sitemap, listing or OpenPub address of ``site``'s registry entry that answered 404 or 410 (its
        error, just recorded). When every one of them has, the site has moved or changed its addresses, or its
        entry is mistyped: one error of the site, under its ``base_url``, naming its registry entry and the
        addresses, where the crawl recorded "request failed: HTTP 404" once per address and named no site, so the
        user of a registry of many sites had to find whose entry was wrong from the URLs alone (as a site that is
        down is one error, its robots.txt's: tenderarchive/middlewares.py)."""
        gone = self.registry_failures.setdefault(site.name, [])
        gone.append((error, status))
        if len(gone) < self.registry_urls.get(site.name, 0):
            return
        errors = {id(e) for e, _ in gone}
        self.crawl_errors[:] = [e for e in self.crawl_errors if id(e) not in errors]
        if self.crawler:
            self.crawler.stats.inc_value("tenderarchive/errors", -len(gone))
        answers = " or ".join(f"HTTP {code}" for code in sorted({code for _, code in gone}))
        self.record_error(site.base_url, (
            f"site {site.name!r} of the registry: every address its entry reads news from answered {answers} "
            f"({', '.join(e['url'] for e, _ in gone)}): nothing of its news was read; has the site moved or changed "
            "its addresses? Check its entry in sources.yaml"))

    def lastmod_in_window(self, lastmod: str | None, changed: date) -> bool:
        """Whether a page whose sitemap or feed date is ``lastmod`` (its day ``changed``) may fall in the crawl's
        dates: a period (:func:`lastmod_period`) does when any of its days does (May 2024 for ``--from-date
        2024-05-20``). A page last changed before ``from_date`` was published before it too; one changed after
        ``until_date`` may well have been published inside the window (a municipal sitemap's ``lastmod`` is the
        day a page, or the site's template, last changed: TYPO3's and Drupal's move every page's on a site-wide
        change), so only the window's start is judged by it. Read against ``until_date`` too, a ``--until-date``
        crawl skipped every such page unread, the window's items lost; the end is judged by a date that says when
        the page was published (the page's own, an entry's ``listed``: :meth:`outside_as_listed`)."""
        period = lastmod_period(lastmod)
        return (period[1] if period is not None else changed) >= self.arguments.from_date

    def page_in_window(self, day: date) -> bool:
        """Whether a fetched page's own date keeps it (pipelines/extract.py). The upper bound
        only when ``until_date`` was given: by default it is today, and a page dated later (a
        date read wrong, a page published ahead) is kept rather than lost."""
        return self.arguments.from_date <= day and (not self.explicit_until_date or day <= self.arguments.until_date)

    # --- pages -----------------------------------------------------------------------------
    def redirect_request(self, request, redirected):
        """A discovered page's redirect (tenderarchive/middlewares.py ``RedirectMiddleware``), deduplicated
        by the page it lands on: a listing that links a moved item by its old address and its new one,
        or two old addresses of one page, fetched that page once per link (the redirect bypasses the
        duplicate filter); an archived page was fetched again by every crawl through an old link. A
        target this crawl asks already (:attr:`requested`) or that is archived and not changed since
        (its sitemap ``lastmod``: :meth:`admit`) is not followed (:class:`AskedAlready`, counted as
        ``news/redirect_asked_already``), and the target's tracking parameters are dropped (its host
        is the server's: a site that moved to its ``www.`` host redirects every page there). A
        living page of the registry is followed."""
        from scrapy.utils.httpobj import urlparse_cached

        from tenderarchive.middlewares import AskedAlready, RedirectRefused

        site = request.meta.get("site")
        if site is None and request.meta.get("dont_obey_robotstxt") and request.url.endswith("/robots.txt"):
            # Scrapy's own robots.txt request (RobotsTxtMiddleware) of a site's host: bounded as the site's requests
            host = (urlparse_cached(request).hostname or "").lower()
            owner = next((s for s in getattr(self, "sites", ()) if host in site_hosts(s)), None)
            if owner is not None and not self.redirect_allowed(owner, request, redirected.url):
                raise RedirectRefused(f"{request.url} redirects to {redirected.url}, off the site's hosts "
                                      f"({', '.join(sorted(site_hosts(owner)))}): not followed")
            return redirected
        if site is not None and not self.redirect_allowed(site, request, redirected.url):
            raise RedirectRefused(f"{request.url} redirects to {redirected.url}, off the site's hosts "
                                  f"({', '.join(sorted(site_hosts(site)))}): not followed")
        if request.callback != self.parse_page or site is None or request.meta.get("living"):
            return redirected
        url = without_tracking(redirected.url.split("#")[0])
        chain = {page_key(u) for u in [*request.meta.get("redirect_urls", []), request.url]}
        key = page_key(url)
        if key in chain:  # the same page written otherwise (a trailing slash, the www. host)
            return redirected
        if key in self.requested:
            raise AskedAlready(f"{request.url} redirects to {url}, asked already in this crawl")
        known = self.known.get(key)
        moment = changed_moment(request.meta.get("lastmod"))
        if known is not None and not request.meta.get("revisit") \
                and (moment is None or not self.changed_since(moment, known, self.today())):  # a revisit goes on
            raise AskedAlready(f"{request.url} redirects to {url}, archived already")
        self.requested.add(key)
        return redirected if url == redirected.url or url in {*request.meta.get("redirect_urls", []), request.url} \
            else redirected.replace(url=url)

    def redirect_allowed(self, site, request, target: str) -> bool:
        """Whether a redirect of a request for ``site`` to ``target`` is followed: to a host of the site's registry
        entry (:func:`site_hosts`), or, for the registry's own addresses (a living page, a feed, sitemap or listing:
        not a discovered page, which is not archived off the site anyway), to the same path on one other host, a
        site moved to a new domain (every address answering ``301`` to the same path there: news-sites.md §2.1,
        :meth:`discovery_moved` says so). Anything else would have the crawl contact hosts outside the registry: not
        followed (:class:`~tenderarchive.middlewares.RedirectRefused`), recorded by :meth:`errback`."""
        try:
            parts = urlsplit(target)
            host = (parts.hostname or "").lower()
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not host:
            return False
        hosts = site_hosts(site)
        if host in hosts:
            return True
        if request.callback == self.parse_page and not request.meta.get("living"):
            return False
        try:
            asked = urlsplit(request.url)
            chain = {(urlsplit(u).hostname or "").lower() for u in [*request.meta.get("redirect_urls", []), request.url]}
        except ValueError:
            return False
        off = chain - hosts
        if off and host not in off:
            return False  # one other host at most: a moved site's new domain, not a tour of the web
        return (parts.path.rstrip("/") or "/", parts.query) == (asked.path.rstrip("/") or "/", asked.query)

    def redirect_lands_on_a_page(self, site, response) -> bool:
        """Whether a page request that was redirected (HTTP 3xx or a meta refresh) landed on a
        page this crawl would archive: not the site's home page nor its news overview (a listing, feed or sitemap of
        its registry entry: ``pipelines.extract.discovery_pages``), and one the site's rules admit (any page, for a
        living page of the registry). A withdrawn news item often redirects to
        the home page (a soft 404), which was archived as an article of the site. A consent page or one that
        sends back to the page (:func:`gate_redirect`) is a cookie wall: an error, asked again. Elsewhere is
        logged, not archived and no error (the server answered; the next crawl asks again); for a
        living page of the registry, the home page or the overview is an error."""
        url = response.url
        if gate_redirect(response.meta["redirect_urls"], url, admitted=site.allows(url)):
            # a cookie wall (or another gate) in front of the page, not a move, wherever it is: an error of the page,
            # which the next crawl asks again (queries.failed_news_pages); a 200 cookie wall is one too
            self.record_error(response.meta["redirect_urls"][0], f"redirected to a cookie wall or other gate {url}: "
                              "not archived" + ("" if response.meta.get("living") else NEWS_PAGE_FAILED))
            return False
        try:
            home = urlsplit(url).path.strip("/") == urlsplit(site.base_url).path.strip("/")
        except ValueError:
            home = True
        # the site's news overview (a listing of the registry, a page of its pager, its feed): where a CMS sends a
        # withdrawn item, as to the home page; read as the item, the overview was archived as an article
        overview = not home and not site.is_living_page(url) and self.is_overview(site, url)
        if not home and not overview and (site.allows(url) or response.meta.get("living") or site.is_living_page(url)):
            return True
        first = response.meta["redirect_urls"][0]
        where = "the home page" if home else "the site's news overview" if overview else "outside the site's rules"
        if response.meta.get("living"):
            self.record_error(first, f"the living page redirects to {where} {url}")
        else:
            self.logger.info("%s redirects to %s (%s): not archived", first, url, where)
            self.crawler.stats.inc_value("news/redirected_away")
        return False

    def listed_for(self, response) -> str:
        """``"DATE feed"``, ``"DATE sitemap"`` or ``"DATE listing"``: the date a feed item, a Google News
        sitemap entry or a listing entry gave the page
        (under the URL asked, or the one a redirect came from), or ``""``."""
        for url in [response.url, *response.meta.get("redirect_urls", [])]:
            found = self.listed.get(page_key(url))
            if found:
                return " ".join(found)
        return ""

    def parse_page(self, response):
        site = response.meta["site"]
        if not hasattr(self, "redirected_away"):
            self.redirected_away = set()
        self.redirected_away.update(page_key(u) for u in response.meta.get("redirect_urls", ())
                                    if page_key(u) != page_key(response.url))
        if response.meta.get("redirect_urls") and not self.redirect_lands_on_a_page(site, response):
            return
        asked = (response.meta.get("redirect_urls") or [None])[0]
        archived = getattr(self, "archived_pages", {}).get(page_key(asked)) if asked else None
        if archived is not None and not response.meta["living"] and page_key(asked) != page_key(response.url) \
                and page_key(response.url) not in self.archived_pages:  # not onto another archived page
            # an archived page's address answered with a redirect onto the site (its item moved, 301, and edited in
            # the move): the page there may be that page's next version (archived_url_of)
            if not hasattr(self, "redirected_archived"):
                self.redirected_archived = {}
            self.redirected_archived[page_key(response.url)] = archived
        if response.meta["living"] and asked and site.is_living_page(asked) and page_key(asked) != page_key(response.url):
            if not hasattr(self, "living_addresses"):
                self.living_addresses = {}
            self.living_addresses[page_key(response.url)] = asked  # archived under it (archived_url_of)
        declared = (response.headers.get("Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
        if sniffed_html(declared, response.body):
            # an HTML page its server labels as no type or bytes of unknown type (application/octet-stream, a type
            # that is none: "x"), which a browser shows as the page it is (WHATWG MIME Sniffing §7.1): it was skipped
            # as a document, lost with no error
            declared = "text/html"
            if not isinstance(response, scrapy.http.HtmlResponse):
                response = response.replace(cls=scrapy.http.HtmlResponse)
        if not isinstance(response, scrapy.http.TextResponse) or not (
                not declared or "html" in declared or declared.startswith("text/")):
            if response.meta["living"]:  # the registry names it: worth an error
                self.record_error(response.url, "not an HTML page")
            else:  # a discovered link to a document ("(download PDF)"): not a page, no error
                self.logger.info("not an HTML page, not archived: %s", response.url)
                self.crawler.stats.inc_value("news/skipped_not_html")
            return
        if self.too_large(response, response.url):
            return
        provenance = self.provenance(response)
        if not response.meta["living"]:
            first = self.answered.setdefault(provenance["sha256"], response.url)
            if first == response.url:
                first = ""
            # The same bytes under a second address (no canonical link to join them) are not a second article
            # (``duplicate_of``: pipelines/extract.py reads the copy as the first, a soft 404, a cookie wall or a
            # page outside the dates as such, and archives no page). Its fetch row has the archived page's sha256,
            # so the next crawl knows the address too (queries.known_article_urls); nothing archived is touched.
        else:
            first = ""
        item = ArticleItem(
            url=response.url, site=site.name, body=response.body, site_config=site.to_dict(),
            content_type=(response.headers.get("Content-Type") or b"").decode("latin-1"),
            is_living_page=response.meta["living"], discovered_via=response.meta["via"],
            listed_date=self.listed_for(response), duplicate_of=first,
            **provenance,
        )
        if not response.meta["living"] and not first and not response.meta.get("agenda_item"):
            agenda = agenda_item_links(response, site.allows)
            if agenda:  # a meeting's agenda: a listing of its items, not an article about all of them
                self.logger.info("%s: the agenda of a meeting: its %d items are read, it is no article",
                                 response.url, len(agenda))
                self.crawler.stats.inc_value("news/agenda_pages")
                for url in agenda:
                    request = self.page_request(site, url, "listing")
                    if request:
                        request.meta["agenda_item"] = True  # one level: an item's page is not read as an agenda
                        yield request
                return
        links = {} if response.meta["living"] or first else article_part_links(response, response.url)
        if not links:
            yield item
            return
        # an item split over several pages: its other pages are read first, and it is handed on whole
        yield from self.next_part(item, {"links": links, "asked": set(), "seen": {provenance["sha256"]},
                                          "site": site})

    def next_part(self, item: ArticleItem, state: dict):
        """The request for the next page of an item split over several pages (:func:`article_part_links`), its
        lowest-numbered page not yet asked, or, when none is left (or ``NEWS_ARTICLE_MAX_PARTS`` pages are read:
        ``news/article_parts_bounded``), the item with the text of each (``ArticleItem.parts``)."""
        pending = sorted(n for n in state["links"] if n not in state["asked"])
        if pending and len(state["asked"]) + 1 >= self.settings.getint("NEWS_ARTICLE_MAX_PARTS"):
            self.logger.warning("%s: more than %d pages of one item: the rest not read", item.url,
                                self.settings.getint("NEWS_ARTICLE_MAX_PARTS"))
            self.crawler.stats.inc_value("news/article_parts_bounded")
            pending = []
        if not pending:
            if item.parts:
                self.crawler.stats.inc_value("news/article_parts", len(item.parts))
            yield item
            return
        state["asked"].add(pending[0])
        yield scrapy.Request(state["links"][pending[0]], self.parse_part, errback=self.part_failed, dont_filter=True,
                             meta={"part_of": item, "part_state": state, "site": state["site"]})

    def too_large(self, response, url: str, part_of: str = "") -> bool:
        """Whether a page's HTML is larger than ``NEWS_PAGE_MAX_BYTES`` (within ``DOWNLOAD_MAXSIZE``): then an error
        of the page (of its item, for a page of an item split over several), not read and not archived, and the next
        crawl asks again; what the archive holds of it is kept. Reading a page costs more than its size (the text's
        extraction, its reading): a 4 MB page took minutes, the 16 MB the download allows an hour, the crawl stalled on
        it. The page is measured without the images it carries inline (:func:`~tenderarchive.extraction.markup.reading_size`):
        a page of a few photographs as base64 is megabytes of markup and little to read.
        A page holding a tag of more than ``MAX_TAG_ATTRIBUTES`` attributes (:func:`~tenderarchive.extraction.markup.crowded_tag`)
        is refused the same way: parsing that tag costs minutes, whatever the page's size."""
        from tenderarchive.extraction.markup import MAX_TAG_ATTRIBUTES, crowded_tag, reading_size

        if not isinstance(response, scrapy.http.TextResponse):
            return False
        limit = self.settings.getint("NEWS_PAGE_MAX_BYTES", 0)
        if crowded_tag(response.body):
            self.crawler.stats.inc_value("news/page_unreadable")
            size, why = f"a tag of more than {MAX_TAG_ATTRIBUTES:,} attributes, markup no page needs", "page not read"
        else:
            if not limit or len(response.body) <= limit:
                return False
            measured = reading_size(response.body)  # without its inline images (data: URIs, <svg>): no text to read
            if measured <= limit:
                return False
            self.crawler.stats.inc_value("news/page_too_large")
            size = f"{measured / 1048576:.1f} MiB of HTML, more than NEWS_PAGE_MAX_BYTES ({limit / 1048576:.1f} MiB)"
            why = "page too large to read"
        if part_of:
            self.record_error(part_of, f"page {url} of the item: {size}: not read; the item is not archived"
                              + NEWS_PAGE_FAILED)
        else:
            self.record_error(url, f"{why}: {size}; not archived"
                              + ("" if response.meta.get("living") else NEWS_PAGE_FAILED))
        return True

    def parse_part(self, response):
        item, state = response.meta["part_of"], response.meta["part_state"]
        if self.too_large(response, response.url, part_of=item.source_url or item.url):
            return
        provenance = self.provenance(response)
        if isinstance(response, scrapy.http.TextResponse) and provenance["sha256"] not in state["seen"]:
            # a page that answers the item's own bytes again (a CMS sending a page number it lacks back to the item)
            # adds nothing
            state["seen"].add(provenance["sha256"])
            item.parts.append({"url": response.url, "body": response.body, "content_type": (
                response.headers.get("Content-Type") or b"").decode("latin-1")})
            for number, url in article_part_links(response, item.url).items():
                state["links"].setdefault(number, url)
        yield from self.next_part(item, state)

    def part_failed(self, failure):
        """A page of an item split over several pages that failed: the item is not archived from the rest (nor over
        its archived whole text), an error of its first page, which the next crawl asks again. One that is not there
        (404, 410: a pager's link to a page number the item lacks) or that robots.txt forbids has no text to read:
        the item is archived from its other pages (``news/article_part_gone``), else it was an error of every crawl."""
        from scrapy.exceptions import IgnoreRequest

        request = failure.request
        item = request.meta["part_of"]
        response = getattr(failure.value, "response", None)
        if (response is not None and response.status in (404, 410)) or (
                failure.check(IgnoreRequest) and "robots.txt" in str(failure.value)):
            self.logger.info("%s: page %s of the item not read (%s)", item.url, request.url,
                             failure_message(failure, 200))
            self.crawler.stats.inc_value("news/article_part_gone")
            yield from self.next_part(item, request.meta["part_state"])
            return
        self.record_error(item.source_url or item.url, f"page {request.url} of the item failed: "
                          f"{failure_message(failure, 200)}; the item is not archived{NEWS_PAGE_FAILED}")
