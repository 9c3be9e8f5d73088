"""The ``tenderarchive`` command: crawl, build-demo, serve, status, reparse, extract.

Exit codes (also in docs/operations.md):

====  =====================================================
0     ok: the crawl completed
1     failed: the crawl archived nothing or could not reach its source
2     bad arguments (the message names the argument)
3     partial: the crawl went on past errors; see ``tenderarchive status``
4     locked: another crawl runs on this archive
5     stale or failed source (``status``)
6     unusable file: the archive, or a WARC file, is broken (the message names it)
====  =====================================================
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from tenderarchive.files import EXIT_UNUSABLE_FILE, UnusableFile, check_archive, check_warc

EXIT_OK, EXIT_FAILED, EXIT_BAD_ARGUMENTS, EXIT_PARTIAL = 0, 1, 2, 3
STATUS_EXIT = {"complete": EXIT_OK, "partial": EXIT_PARTIAL, "failed": EXIT_FAILED}



def project_settings(db: str | None = None, overrides: list[str] | None = None, quiet: bool = False):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("tenderarchive.settings", priority="project")
    if db:
        settings.set("ARCHIVE_DB", db, priority="cmdline")
    for pair in overrides or []:
        if "=" not in pair:
            raise SystemExit(_bad("-s", f"{pair!r} is not NAME=VALUE"))
        name, value = pair.split("=", 1)
        settings.set(name, value, priority="cmdline")
    if quiet:
        settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    return settings


def _bad(argument: str, message: str) -> int:
    print(f"tenderarchive: bad argument {argument}: {message}", file=sys.stderr)
    return EXIT_BAD_ARGUMENTS


def run_crawl(spider: str, settings, spider_args: dict) -> str:
    """Run one crawl in this process; return its status (complete/partial/failed)."""
    from scrapy.crawler import CrawlerProcess

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **{k: v for k, v in spider_args.items() if v is not None})
    process.start()
    if process.bootstrap_failed:
        return "failed"
    return crawler.stats.get_value("tenderarchive/status") or "failed"


def cmd_crawl(args) -> int:
    from tenderarchive.arguments import CrawlArguments, SpiderArgumentError
    from tenderarchive.profiles import ProfileError, load_profile

    settings = project_settings(args.db, args.set, args.quiet)
    if args.api_url:
        settings.set("TENDERNED_API_URL", args.api_url, priority="cmdline")
    if args.jobdir:
        settings.set("JOBDIR", args.jobdir, priority="cmdline")  # Scrapy persists queue and dupefilter there
    if args.replay:
        if not Path(args.replay).exists():
            return _bad("--replay", f"{args.replay} does not exist")
        if not settings.getbool("WARC_REPLAY_DAMAGED_OK"):  # set by `reparse --force` only
            check_warc(args.replay)  # garbage or cut short: exit 6 before anything is written
        settings.set("WARC_REPLAY", args.replay, priority="cmdline")
    check_archive(settings.get("ARCHIVE_DB"), write=True)
    try:
        CrawlArguments.parse(args.from_date, args.until_date, args.sample)
        if args.spider == "tenderned":
            load_profile(args.profile or settings.get("TENDERNED_PROFILE"))
    except SpiderArgumentError as exc:
        return _bad(exc.argument, str(exc))
    except ProfileError as exc:
        return _bad("--profile", str(exc))
    from scrapy.spiderloader import SpiderLoader

    if args.spider not in SpiderLoader.from_settings(settings).list():
        return _bad("SPIDER", f"no spider named {args.spider!r}")
    spider_args = {"from_date": args.from_date, "until_date": args.until_date,
                   "sample": args.sample, "note": args.note}
    if args.spider == "tenderned":
        spider_args["profile"] = args.profile
    if args.spider == "news":
        from tenderarchive.sources import SourceRegistryError, load_sources

        try:
            load_sources(args.sources or settings.get("NEWS_SOURCES"))
        except (SourceRegistryError, OSError) as exc:
            return _bad("--sources", str(exc))
        spider_args["sources"] = args.sources
    from tenderarchive import watch
    from tenderarchive.lock import EXIT_LOCKED, CrawlLocked, crawl_lock

    if args.watchlist:
        try:
            watch.load_watchlist(args.watchlist)
        except watch.WatchlistError as exc:
            return _bad("--watchlist", str(exc))
    try:
        with crawl_lock(settings.get("ARCHIVE_DB")):
            status = run_crawl(args.spider, settings, spider_args)
            report_exit = EXIT_OK
            if args.watchlist and status != "failed":
                args.db, args.crawl = settings.get("ARCHIVE_DB"), None  # the report of this (last) crawl
                report_exit = watch.cmd_report(args)
    except CrawlLocked as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    if not args.quiet or status != "complete":
        print(f"crawl {status}; see `tenderarchive status --db {settings.get('ARCHIVE_DB')}`", file=sys.stderr)
    return report_exit or STATUS_EXIT[status]


def cmd_build_demo(args) -> int:
    """Replay the bundled synthetic snapshot (WARC files of a TenderNed and a news crawl)."""
    from importlib import resources

    from tenderarchive.reparse import reparse

    settings = project_settings(args.db, args.set, args.quiet)
    with resources.as_file(resources.files("tenderarchive") / "snapshot" / "warc") as root:
        code = reparse(Path(settings.get("ARCHIVE_DB")), Path(root))
    print(f"demo archive {settings.get('ARCHIVE_DB')} built from the synthetic snapshot", file=sys.stderr)
    return code


def cmd_serve(args) -> int:
    from tenderarchive.archive import open_archive
    from tenderarchive.metadata import build_metadata

    db_path = Path(args.db)
    if not db_path.exists():
        print(f"tenderarchive: no archive at {db_path}; run `make archive` or `tenderarchive crawl` first",
              file=sys.stderr)
        return EXIT_FAILED
    db = open_archive(db_path)  # migrate an older archive before Datasette opens it
    from tenderarchive.search import ensure_search

    ensure_search(db)  # Dutch search indexes, rebuilt only when the archive changed
    metadata = build_metadata(db, db_path.stem)
    db.close()
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="tenderarchive-metadata-", delete=False)
    json.dump(metadata, handle, ensure_ascii=False)
    handle.close()
    command = [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", handle.name,
               "--host", args.host, "--port", str(args.port),
               "--setting", "default_page_size", "50", "--setting", "sql_time_limit_ms", "5000",
               # CSV of every row (`_stream=1`); read-only: Datasette opens the file mode=ro and
               # the tenderarchive plugin sets PRAGMA query_only (no write plugins, no write queries).
               "--setting", "allow_csv_stream", "on", "--setting", "max_csv_mb", "1000"]
    print(f"serving {db_path} at http://{args.host}:{args.port}/", file=sys.stderr)
    os.execv(sys.executable, command)


def cmd_reparse(args) -> int:
    from tenderarchive.reparse import guarded_reparse

    return guarded_reparse(Path(args.db), Path(args.warc) if args.warc else None, force=args.force)


def cmd_extract(args) -> int:
    from tenderarchive.extract_page import extract_page

    settings = project_settings(None, args.set)
    try:
        result = extract_page(args.source, url=args.url, timeout=settings.getfloat("EXTRACT_TIMEOUT"),
                              maxsize=settings.getint("EXTRACT_MAXSIZE"))
    except (OSError, ValueError) as exc:
        print(f"tenderarchive: cannot read {args.source}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_status(args) -> int:
    from tenderarchive.archive import open_archive

    if not Path(args.db).exists():
        print(f"tenderarchive: no archive at {args.db}", file=sys.stderr)
        return EXIT_FAILED
    db = open_archive(args.db)
    rows = list(db.query("select * from crawls order by crawl_id desc limit ?", [args.limit]))
    from tenderarchive import monitor

    if args.json and not args.sources_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    if args.json or args.sources_json:
        return monitor.status_check(args.db, args, sys.stdout)  # exit 5: a source is stale or failed
    print(f"{'crawl':>5}  {'spider':<10} {'status':<9} {'started':<25} {'req':>5} {'new':>5} {'upd':>5} {'same':>5} {'err':>4}")
    for r in rows:
        print(f"{r['crawl_id']:>5}  {r['spider']:<10} {r['status']:<9} {r['started']:<25} "
              f"{r['requests'] or 0:>5} {r['items_new'] or 0:>5} {r['items_updated'] or 0:>5} "
              f"{r['items_unchanged'] or 0:>5} {r['error_count'] or 0:>4}")
        for error in json.loads(r["errors"] or "[]")[: args.errors]:
            print(f"         ! {error.get('url') or '-'}: {error['error']}")
    return monitor.status_check(args.db, args, sys.stdout)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tenderarchive", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp):
        sp.add_argument("--db", default=None, help="archive path (setting ARCHIVE_DB; default archive.db)")
        sp.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="Scrapy setting")
        sp.add_argument("--quiet", action="store_true", help="warnings and errors only (for cron)")

    crawl = sub.add_parser("crawl", help="crawl a source into the archive")
    crawl.add_argument("spider", nargs="?", default="tenderned")
    crawl.add_argument("--from-date", help="first publication date, YYYY-MM-DD (default: 7 days ago)")
    crawl.add_argument("--until-date", help="last publication date, YYYY-MM-DD (default: today)")
    crawl.add_argument("--sample", help="fetch only N records")
    crawl.add_argument("--profile", help="topic profile name or YAML path (default youth_care)")
    crawl.add_argument("--api-url", help="TenderNed API base URL (setting TENDERNED_API_URL)")
    crawl.add_argument("--note", help="free text stored with the crawl")
    crawl.add_argument("--sources", help="news source registry YAML (default: the shipped one)")
    crawl.add_argument("--replay", metavar="PATH", help="serve responses from this WARC file or folder, not the network")
    crawl.add_argument("--watchlist", help="after the crawl, report what is new or changed for this watchlist")
    crawl.add_argument("--jobdir", help="keep the crawl's queue here, so an interrupted backfill (Ctrl-C) "
                                        "resumes where it stopped when run again with the same --jobdir")
    common(crawl)
    from tenderarchive.watch import add_report_options

    add_report_options(crawl)
    crawl.set_defaults(func=cmd_crawl)

    demo = sub.add_parser("build-demo", help="build the archive from the bundled synthetic snapshot")
    common(demo)
    demo.set_defaults(func=cmd_build_demo)

    serve = sub.add_parser("serve", help="publish the archive with Datasette")
    serve.add_argument("--db", default="archive.db")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    serve.set_defaults(func=cmd_serve)

    reparse = sub.add_parser("reparse", help="rebuild the archive from the WARC store with the current parsers")
    reparse.add_argument("--db", default="archive.db")
    reparse.add_argument("--warc", help="WARC store (default: warc/ next to the archive)")
    reparse.add_argument("--force", action="store_true",
                         help="replace the archive even with fewer notices or articles than it holds now "
                              "(never fewer than the store's fetch index implies), and read a damaged store")
    reparse.set_defaults(func=cmd_reparse)

    extract = sub.add_parser("extract", help="extract and analyse one page (HTML or text file, or a URL); prints JSON")
    extract.add_argument("source", metavar="PATH_OR_URL")
    extract.add_argument("--url", help="the page's address, when SOURCE is a local file")
    extract.add_argument("-s", "--set", action="append", metavar="NAME=VALUE",
                         help="setting, e.g. EXTRACT_TIMEOUT=30 or EXTRACT_MAXSIZE=1000000")
    extract.set_defaults(func=cmd_extract)

    status = sub.add_parser("status", help="show the last crawls")
    status.add_argument("--db", default="archive.db")
    status.add_argument("--limit", type=int, default=10)
    status.add_argument("--errors", type=int, default=5, help="errors to show per crawl")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)

    from tenderarchive import monitor, watch

    monitor.add_status_arguments(status)
    watch.add_parser(sub)
    from tenderarchive.export import add_parser as add_export_parser
    add_export_parser(sub)
    return p


#: Commands that write to the archive (the others only read it).
WRITERS = {"crawl", "build-demo", "reparse"}


def main(argv: list[str] | None = None) -> int:
    """Run one command. The error boundary: a broken file is one line on stderr naming the
    file and the problem, with exit code 6 (see tenderarchive/files.py), never a traceback."""
    import sqlite3

    args = parser().parse_args(argv)
    db = getattr(args, "db", None)
    try:
        if db is not None or args.command in WRITERS - {"crawl"}:
            check_archive(db or "archive.db", write=args.command in WRITERS)
        return args.func(args)
    except UnusableFile as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE_FILE
    except sqlite3.DatabaseError as exc:  # damage found only while reading (a corrupt page)
        print(f"tenderarchive: {db or 'archive.db'}: the archive is damaged: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE_FILE


if __name__ == "__main__":
    sys.exit(main())
