"""Scrapy settings for tenderarchive.

Every source URL and every politeness knob is a setting, so a test or a user can
point a spider at a loopback server or a mirror (``-s TENDERNED_API_URL=...``)
and slow it down or speed it up without touching code.
"""

from tenderarchive import CONTACT_URL, __version__
# lower-case names: Scrapy takes every upper-case name of this module for a setting
from tenderarchive import TENDERNED_API_PATH as _api_path, TENDERNED_SITE as _site
from scrapy.settings import default_settings as _default_settings

BOT_NAME = "tenderarchive"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# --- sources -------------------------------------------------------------
TENDERNED_API_URL = _site + _api_path
# TenderNed's open-data page that links the yearly OCDS release packages (spider tenderned_ocds).
TENDERNED_DATASETS_URL = _site + "/cms/nl/aanbesteden-in-cijfers/datasets-aanbestedingen"
# The largest OCDS release package read, in bytes as sent and as unpacked (Content-Encoding gzip, a .json.gz): TenderNed
# publishes no sizes; its consumers cap a file at 128 Mi characters and 160 MiB, and expect tens to over a hundred
# MB a year (docs/reference/tenderned-awards.md §6.1). One over it is the crawl's recorded error, asked again by
# the next crawl, its archived data kept; 0: no cap (the body is held in memory while it is received).
TENDERNED_OCDS_MAXSIZE = 512 * 1024 * 1024
TENDERNED_OCDS_WARNSIZE = 256 * 1024 * 1024   # a package larger than this is logged (nearing the cap)
# Human notice page; ``{id}`` is the publicatieId.
TENDERNED_NOTICE_URL = _site + "/aankondigingen/overzicht/{id}"
# Relative hrefs in the API (document downloads, PDFs) are resolved against this.
TENDERNED_SITE_URL = _site
# Topic profile: a name of a shipped profile (tenderarchive/profiles/NAME.yaml) or a path.
TENDERNED_PROFILE = "youth_care"
# Incremental crawls (the default): without from_date, continue from the last complete
# crawl minus an overlap; fetch details only of publications not archived yet, of the
# other publications of a procedure that got a new one (a rectification), and of open
# procedures until their deadline plus a margin. TENDERNED_INCREMENTAL = False fetches all.
TENDERNED_INCREMENTAL = True
TENDERNED_OVERLAP_DAYS = 3
TENDERNED_RECHECK_MARGIN_DAYS = 14
# A notice whose closing date is a placeholder (year >= 2090: "no real deadline", tenderned-api.md §4, §12.4: an
# open-ended procedure, an open house or dynamic purchasing system) is re-checked as an open one until its contract
# ends (voltooiingOpdrachtDatum), at most this many days after its publication (0: never).
TENDERNED_OPEN_ENDED_DAYS = 1461
# A youth-care procedure with no award notice yet has its /gerelateerd asked every crawl until this
# many days after its last deadline or publication (0: never).
TENDERNED_RESULTS_HORIZON_DAYS = 365
# A notice's /html that failed (recorded: an error status, a timeout, over DOWNLOAD_MAXSIZE, a login page) is asked
# again by the crawls after it, at most this many times in crawls that did not complete (0: never).
TENDERNED_HTML_ATTEMPTS = 3
# The API's caps (tenderned-api.md §2): size ≤ 100, page ≤ 99.
TENDERNED_PAGE_SIZE = 100
TENDERNED_MAX_PAGE = 99
# A filtered query whose totalElements is the unfiltered total of the same window (give or take
# max(2, 2%): the list changes between the two requests), when that total is at least this large,
# is asked again with values that match nothing: the same total again is an ignored filter. 1: every
# window with publications (a few dozen in a small window or a simulated server are checked too: one
# request per query whose total is the window's; the live API's daily windows hold hundreds).
TENDERNED_FILTER_CHECK_MIN = 1

# News source registry (YAML); None = the one shipped in tenderarchive/sources.yaml.
NEWS_SOURCES = None
# What to do with pages the analysis judges not about youth-care procurement:
# "flag" archives them with relevant = 0; "drop" keeps them out of the archive.
NEWS_IRRELEVANT = "flag"
# Living project pages are re-checked when their archived copy is older than this.
NEWS_LIVING_RECHECK_HOURS = 20
# Recent news items that only a listing or a feed names (no sitemap lastmod tells when they change) are
# asked again, conditionally (If-Modified-Since), when dated within NEWS_REVISIT_DAYS days and fetched last
# more than NEWS_REVISIT_HOURS hours ago; at most NEWS_REVISIT_MAX of them per crawl (0 days: never).
NEWS_REVISIT_DAYS = 14
NEWS_REVISIT_HOURS = 24
NEWS_REVISIT_MAX = 50
# A discovered address whose last answer redirected outside its site's rules (another host) is left alone
# until that answer is older than this many days (0: asked every crawl).
NEWS_REDIRECT_RECHECK_DAYS = 30
# A news page of more HTML than this (within DOWNLOAD_MAXSIZE) is an error of the page, not read: reading a page
# costs more than its size (a 4 MB page took minutes: trafilatura's "//p//text()" is quadratic in a page's paragraphs
# in libxml2, docs/operations.md). 0: no limit.
NEWS_PAGE_MAX_BYTES = 4 * 1024 * 1024
# Pages of an OpenPub items endpoint (registry discovery.openpub) read per crawl from page 1, at most; as many again
# from where an earlier crawl's walk stopped, so the whole archive is read over crawls.
NEWS_OPENPUB_MAX_PAGES = 20
# Pages of one paged feed (RFC 5005: its rel="next" link; WordPress's ?paged=N) read per crawl, the first included.
NEWS_FEED_MAX_PAGES = 20
# Sitemap indexes followed below a site's sitemap (WordPress and TYPO3 have one level; the
# protocol has no nesting): a deeper chain is recorded and not followed.
NEWS_SITEMAP_MAX_DEPTH = 3
# A sitemap that a sitemap index names, its lastmod not after an earlier complete crawl read it whole, is not
# asked again; True reads every one (after widening a site's rules in the registry).
NEWS_SITEMAPS_REREAD = False
# Pages of one news item split over several (``/<slug>/2/``) read, the first included.
NEWS_ARTICLE_MAX_PARTS = 10

# A crawl id to use instead of the next one (reparse replays crawls under their own ids).
CRAWL_ID = None
# A replay records its crawl's started/finished as the WARC-Dates of the first and last response
# it replays, not the replay's own clock (reparse sets it: a rebuilt archive keeps when each crawl
# ran, so `tenderarchive status` does not take a rebuilt archive for freshly crawled).
CRAWL_TIMES_FROM_WARC = False
# While a crawl runs it renews `crawls.alive_until` (now + 3 × this, seconds) from the reactor, between its writes: the
# `freshness` view tells a crawl killed with SIGKILL (its row left `running`) by that time passing, as SQL cannot
# see the crawl lock `status` looks at (tenderarchive/extensions.py `Heartbeat`). 0: no heartbeat (a replay).
CRAWL_HEARTBEAT_SECONDS = 60
# The moment a crawl runs as (ISO 8601), where a spider judges by the day: TenderNed's window reaching
# today, a news page dated after today, a living page due for a re-check. reparse sets a replayed crawl's
# own start (its WARC file's warcinfo), so a rebuild on a later day judges as the crawl did. None: now. Without an
# offset it is Amsterdam's time (as TENDERARCHIVE_NOW's), CRAWL_NOW's too.
CRAWL_DATE = None
# The moment a replayed crawl reads every page as of (ISO 8601): the crawl ran under TENDERARCHIVE_NOW, which its
# WARC file's warcinfo records (``now``); reparse and ``crawl --replay`` set it. None: each page as of its WARC-Date.
CRAWL_NOW = None

# --- archive -------------------------------------------------------------
ARCHIVE_DB = "archive.db"
# Items written per transaction, and the longest an item waits for its batch (pipelines/archive.py).
ARCHIVE_BATCH_ITEMS = 200
ARCHIVE_BATCH_SECONDS = 2.0
# Rows of the raw store's fetch index (``fetches``) per transaction; 0: ARCHIVE_BATCH_ITEMS. A reparse
# sets 2,000 (tenderarchive/reparse.py): its rows are small, and each commit rewrites the pages of the
# table's five indexes that the batch touched.
FETCHES_BATCH_ROWS = 0

# --- politeness ------------------------------------------------------------
USER_AGENT = f"tenderarchive/{__version__} (+{CONTACT_URL})"
ROBOTSTXT_OBEY = False  # APIs; web spiders switch it on in custom_settings
ROBOTSTXT_PARSER = "tenderarchive.robots.RobotsParser"  # Protego; "Crawl-delay: 2,5" read as 2.5 seconds
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
ROBOTSTXT_CRAWL_DELAY_MAX = 30.0      # a robots.txt Crawl-delay (or Request-rate) is honoured up to this many seconds
DOWNLOAD_TIMEOUT = 60
# Scrapy's HTTP/1.1 handler, also failing an answer whose body runs on past its Content-Length (it was archived cut)
DOWNLOAD_HANDLERS = {"http": "tenderarchive.downloader.WholeBodyDownloadHandler",
                     "https": "tenderarchive.downloader.WholeBodyDownloadHandler"}
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- bounds (issue 13; the table in docs/operations.md) ---------------------------------------
# DOWNLOAD_TIMEOUT above is per request, the whole download: a server that drips bytes is cut
# off after it like one that never answers.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024   # a response larger than this is cancelled and recorded
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024   # a response larger than this is logged
REDIRECT_MAX_TIMES = 5                # a longer chain (a redirect loop) is a recorded error
UNREACHABLE_HOST_FAILURES = 3         # requests to one host failed for good in a row: skip its others (0: off)
RETRY_BUDGET = 200                    # retries in one crawl, all requests together; then no more
MEMUSAGE_LIMIT_MB = 2048              # the crawl stops (partial) rather than eat the machine
REMOTE_CONTROL_ENABLED = False        # Scrapy's remote-control endpoint: unused, so off
# `tenderarchive extract URL`: the same bounds for its one download.
EXTRACT_TIMEOUT = 60
EXTRACT_MAXSIZE = DOWNLOAD_MAXSIZE
# An award notice's PDF (the /html's fallback) is read by pdfminer in a process of its own under these bounds
# (and DOWNLOAD_MAXSIZE bytes); one over them is refused: named in its notice's problems and logged
# (tenderarchive/awards/pdf.py PdfLimits). A malicious page or a compressed-stream bomb stalls no crawl or reparse.
AWARDS_PDF_MAX_PAGES = 100
AWARDS_PDF_CPU_SECONDS = 15
AWARDS_PDF_MEMORY_MB = 1024
AWARDS_PDF_TIMEOUT = 120              # seconds in all, waiting included

RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# Longest Retry-After we honour; longer values are capped to this many seconds.
RETRY_AFTER_MAX = 300
RETRY_BACKOFF_BASE = 1.0              # a 429/503 without Retry-After waits 1, 2, 4, 8 s (0: no wait)
RETRY_BACKOFF_HTTP_CODES = [429, 503]

SPIDER_MIDDLEWARES = {
    # marks the requests a crawl resuming its --jobdir asks again by itself (its roots past the duplicate filter),
    # which the requests kept for it leave out (UnreachableHostMiddleware.leave)
    "tenderarchive.middlewares.FromStartMiddleware": 30,
}

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    # Redirect loops are recorded errors. Below the raw store (Scrapy's is at 600), which keeps the
    # 3xx answer before it is followed: a replay follows it again, and the next crawl knows the address.
    "tenderarchive.middlewares.RedirectMiddleware": 578,
    # Scrapy's (580), shown to the spider first; below the raw store too, which keeps the refreshing page
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    # Scrapy's (100): a robots.txt that is unreachable (5xx, no answer) is "complete disallow" (RFC 9309)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "tenderarchive.middlewares.RobotsTxtMiddleware": 100,
    "tenderarchive.middlewares.MetaRefreshMiddleware": 577,
    "tenderarchive.middlewares.RetryAfterMiddleware": 550,
    # Before the retries: sees a request's network failure once its retries are spent.
    "tenderarchive.middlewares.UnreachableHostMiddleware": 540,
    # After decompression (590), before redirects (578) and retries (550): every response, 3xx and 429s included.
    "tenderarchive.middlewares.RawStoreMiddleware": 580,
    "tenderarchive.middlewares.ReplayMiddleware": 585,
}

# --- raw store (WARC) and replay ---------------------------------------------------
WARC_STORE_ENABLED = True
WARC_DIR = None        # default: warc/ next to ARCHIVE_DB
WARC_REPLAY = None     # a WARC file or folder: serve responses from it, never the network
WARC_REPLAY_DAMAGED_OK = False  # replay a cut-short WARC file as far as it goes (reparse --force)
# with WARC_REPLAY: the close reason of the crawl replayed when it did not end by itself ("shutdown", "closespider_*",
# "memusage_exceeded", "killed"), from the archive rebuilt (reparse.recorded_stops); the replay closes with it
REPLAY_CLOSE_REASON = ""
WARC_REPLAY_RESUMED = []   # with WARC_REPLAY: the files of the crawls it resumed (--jobdir), for what it did not fetch
RESUMED_CRAWLS = []   # the crawls a crawl resumed (--jobdir), nearest first: one crawl with it (pipelines/archive.py)
# Settings recorded in each WARC file's warcinfo, so a crawl can be replayed as it ran: every source
# URL it used (the notice and site URLs make the archived links) and what selects and pages its records.
WARC_INFO_SETTINGS = ["TENDERNED_API_URL", "TENDERNED_DATASETS_URL", "TENDERNED_NOTICE_URL", "TENDERNED_SITE_URL",
                      "TENDERNED_PROFILE", "TENDERNED_PAGE_SIZE", "TENDERNED_MAX_PAGE",
                      "TENDERNED_FILTER_CHECK_MIN", "TENDERNED_INCREMENTAL", "TENDERNED_OVERLAP_DAYS",
                      "TENDERNED_RECHECK_MARGIN_DAYS", "TENDERNED_OPEN_ENDED_DAYS", "TENDERNED_RESULTS_HORIZON_DAYS",
                      "TENDERNED_HTML_ATTEMPTS", "NEWS_IRRELEVANT",
                      # which archived news pages a crawl asks again, and how far it follows sitemaps and OpenPub:
                      # a replay under the defaults skipped the revisits and re-checks of a crawl run with its own
                      "NEWS_LIVING_RECHECK_HOURS", "NEWS_REVISIT_DAYS", "NEWS_REVISIT_HOURS", "NEWS_REVISIT_MAX",
                      "NEWS_OPENPUB_MAX_PAGES", "NEWS_FEED_MAX_PAGES", "NEWS_SITEMAP_MAX_DEPTH", "NEWS_SITEMAPS_REREAD",
                      "NEWS_ARTICLE_MAX_PARTS",
                      # the largest page it read: a page a crawl read under a raised limit is read by its replay too
                      "NEWS_PAGE_MAX_BYTES"]

ITEM_PIPELINES = {
    "pipelines.validate.ValidatePipeline": 100,
    "pipelines.normalise.NormalisePipeline": 200,
    "pipelines.classify.ClassifyPipeline": 300,
    "pipelines.extract.ExtractPipeline": 210,
    "pipelines.analyse.AnalysePipeline": 310,
    "pipelines.places.PlacesPipeline": 320,
    "pipelines.awards.AwardsPipeline": 350,
    "pipelines.archive.ArchivePipeline": 900,
}

# Order matters: the crawl lock is taken first (tenderarchive/lock.py; every crawl holds it,
# `scrapy crawl` and scrapyd jobs too), state is handed to the spider before the crawl is
# recorded as started, and the derivation runs before the crawl is recorded as finished (so
# its errors count).
EXTENSIONS = {
    "tenderarchive.extensions.CrawlLock": 10,
    "tenderarchive.extensions.CrawlState": 50,
    "tenderarchive.extensions.Derivation": 90,
    "tenderarchive.extensions.CrawlRecorder": 100,
    # before Derivation: its close (the time the derivation takes) is given first; the row, CrawlRecorder's, is read
    # at each beat
    "tenderarchive.extensions.Heartbeat": 85,
    # After AutoThrottle (0): a site's registry delay and robots.txt Crawl-delay stay a floor.
    "tenderarchive.extensions.SiteDelayFloor": 10,
}
# Scrapy's MemoryStatsCollector without its per-call wrapper (tenderarchive/stats.py; issue 14: ~10 counts a
# notice, each ~20 times the dictionary update it is).
STATS_CLASS = "tenderarchive.stats.StatsCollector"
# Scrapy's telnet console and remote-control endpoint are off (TELNETCONSOLE_ENABLED,
# REMOTE_CONTROL_ENABLED) and left out of the base list too: Scrapy imports every class
# named in EXTENSIONS_BASE and EXTENSIONS to compose them, even one set to None, and the
# remote control's module imports aiohttp, about 0.3 s of every crawl's start-up.
_unused_extensions = ("scrapy.extensions.remote_control.RemoteControl", "scrapy.extensions.telnet.TelnetConsole")
EXTENSIONS_BASE = {name: order for name, order in _default_settings.EXTENSIONS_BASE.items()
                   if name not in _unused_extensions}

LOG_LEVEL = "INFO"
# A dropped or failed item's log line names it by kind and URL instead of printing it whole
# (a notice's /html page, a news page's HTML: mailed by cron): tenderarchive/logformatter.py.
LOG_FORMATTER = "tenderarchive.logformatter.ItemLogFormatter"
# Scrapy reads the source of every callback (inspect + ast) to warn about a generator that also
# returns a value: a check for spider authors, about 0.1-0.3 s of each crawl's start-up. The
# spiders here are checked by tests/spiders instead.
WARN_ON_GENERATOR_RETURN_VALUE = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
# `scrapy crawl` (and a scrapyd job, which runs it) exits 2 for a refused argument, as `tenderarchive crawl` does
# (tenderarchive/commands/crawl.py); Scrapy's own ended with 1 and a traceback.
COMMANDS_MODULE = "tenderarchive.commands"
FEED_EXPORT_ENCODING = "utf-8"
