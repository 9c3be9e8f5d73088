"""The ``tenderarchive`` command: crawl, build-demo, serve, status, report, export, reparse, extract.

Argument parsing for every subcommand is here; the work is in the modules each ``cmd_*``
calls. Exit codes are ``tenderarchive/exitcodes.py`` (0 complete, 1 failed, 2 bad arguments,
3 partial, 4 locked, 5 stale or failed source, 6 unusable file). The readers (``serve``, ``status``,
``report``, ``export``) open the archive only through ``tenderarchive/readonly.py``: they
never write it.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys
from pathlib import Path

from tenderarchive.exitcodes import ExitCode
from tenderarchive.files import ArchiveBusy, UnusableFile, busy, check_archive, check_warc


def project_settings(db: str | None = None, overrides: list[str] | None = None, quiet: bool = False):
    from scrapy.settings import Settings

    from tenderarchive.arguments import SpiderArgumentError, check_setting

    settings = Settings()
    settings.setmodule("tenderarchive.settings", priority="project")
    if db:
        settings.set("ARCHIVE_DB", db, priority="cmdline")
    for pair in overrides or []:
        if "=" not in pair:
            raise SystemExit(_bad("-s", f"{pair!r} is not NAME=VALUE"))
        name, value = pair.split("=", 1)
        try:
            check_setting(name, value)  # a boolean or number setting that is none: exit 2, one line
        except SpiderArgumentError as exc:
            raise SystemExit(_refused(exc)) from None
        settings.set(name, value, priority="cmdline")
    if quiet:
        settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    return settings


def _port(value: str) -> int:
    """argparse type of ``--port``: a TCP port, 1-65535 (a bad one was a uvicorn traceback)."""
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, not {port}")
    return port


def _wait_seconds(value: str) -> float:
    """argparse type of ``crawl --wait-lock``: seconds (``900``, ``90.5``), or minutes or hours (``30m``, ``4h``);
    at most a day."""
    import math

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value or "", re.IGNORECASE)
    if match is None:
        raise argparse.ArgumentTypeError(f"not a duration: {value!r} (give seconds, or 30m, 4h)")
    seconds = float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2).lower()]
    if not math.isfinite(seconds) or seconds > 86400:
        raise argparse.ArgumentTypeError(f"at most a day (24h, 86400 s), not {value!r}")
    return seconds


#: The largest whole number SQLite stores (64 bits): a larger one given as ``status --limit`` or ``report --crawl``
#: reached SQLite as a query parameter and ended in a traceback ("Python int too large to convert to SQLite INTEGER").
SQLITE_MAX_INT = 2 ** 63 - 1


def _count(value: str) -> int:
    """argparse type of a number of lines to show: 0 or more (-1 showed all but the last), at most SQLite's."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    if number > SQLITE_MAX_INT:
        raise argparse.ArgumentTypeError(f"must be at most {SQLITE_MAX_INT}, not {number}")
    return number


def _crawl_id(value: str) -> int:
    """argparse type of ``report --crawl``: a whole number SQLite can compare (a crawl id)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not -SQLITE_MAX_INT - 1 <= number <= SQLITE_MAX_INT:
        raise argparse.ArgumentTypeError(f"no crawl id is that large: {number}")
    return number


def _hours(value: str) -> float:
    """argparse type of ``--max-age-hours``: a finite number of hours, 0 or more (``nan`` made every
    source fresh for ever, a negative number every source stale; 0 asks for a crawl this instant)."""
    import math

    try:
        hours = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of hours: {value!r}") from None
    if not math.isfinite(hours) or hours < 0:
        raise argparse.ArgumentTypeError(f"must be a number of hours, 0 or more, not {value}")
    return hours


def _bad(argument: str, message: str) -> int:
    print(f"tenderarchive: bad argument {argument}: {message}", file=sys.stderr)
    return ExitCode.BAD_ARGUMENTS


def _refused(exc) -> int:
    """A :class:`~tenderarchive.arguments.SpiderArgumentError` told as what it names: a setting (``-s NAME=VALUE``)
    as "bad setting NAME: …", where it was "bad argument NAME: bad spider argument 'NAME': …" for a setting the
    spider refused as it started; a spider argument as before. Exit code 2 either way."""
    from tenderarchive.arguments import SETTING

    if exc.kind == SETTING:
        print(f"tenderarchive: bad setting {exc.argument}: {exc.message}", file=sys.stderr)
        return ExitCode.BAD_ARGUMENTS
    return _bad(exc.argument, str(exc))


def run_crawl(spider: str, settings, spider_args: dict, recorded: dict | None = None) -> str:
    """Run one crawl in this process; return its status (complete/partial/failed). Raises
    ``SpiderArgumentError`` when the spider refuses an argument or setting as it starts. ``recorded`` gets the
    ``crawl_id`` of the archive's row of this crawl (None: it failed before it recorded one)."""
    # Scrapy's TLS module makes deprecated class aliases at import, and each one walks the whole
    # call stack with its source lines (inspect.stack()). Imported here, a few frames deep, that
    # takes milliseconds; imported by the engine's start-up, deep in Twisted, about 0.4 s.
    import scrapy.core.downloader.contextfactory  # noqa: F401
    from scrapy.crawler import CrawlerProcess

    from tenderarchive.arguments import SpiderArgumentError

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    refused = []  # a spider that refuses its arguments or settings as it starts: nothing was requested
    process.crawl(crawler, **{k: v for k, v in spider_args.items() if v is not None}).addErrback(
        lambda failure: refused.append(failure.value) if failure.check(SpiderArgumentError) else failure)
    process.start()
    if refused:
        raise refused[0]
    if recorded is not None:
        recorded["crawl_id"] = None if process.bootstrap_failed else crawler.stats.get_value("tenderarchive/crawl_id")
    if process.bootstrap_failed:
        return "failed"
    return crawler.stats.get_value("tenderarchive/status") or "failed"


def cmd_crawl(args) -> int:
    settings = project_settings(args.db, args.set, args.quiet)
    if args.api_url:
        from tenderarchive.arguments import SpiderArgumentError, check_setting

        try:
            check_setting("TENDERNED_API_URL", args.api_url)
        except SpiderArgumentError as exc:
            return _bad("--api-url", exc.message)
        settings.set("TENDERNED_API_URL", args.api_url, priority="cmdline")
    if args.spider == "all" and not args.dry_run:
        return _bad("SPIDER", "'all' is for --dry-run (the smoke test of every source); crawl one spider at a time")
    if args.dry_run:
        if args.watchlist or args.jobdir:
            return _bad("--dry-run", "cannot be combined with --watchlist or --jobdir: a dry run keeps nothing")
        if args.spider == "all":
            return dry_run_all(args, settings)
        return dry_run(args, settings)
    return crawl_into(args, settings)


#: The exit codes of dry runs from best to worst: the worst is the exit code of ``crawl all --dry-run``.
_SEVERITY = [ExitCode.COMPLETE, ExitCode.PARTIAL, ExitCode.FAILED, ExitCode.BAD_ARGUMENTS, ExitCode.UNUSABLE_FILE]


def dry_run_all(args, settings) -> int:
    """``crawl all --dry-run``: the dry run of every spider, one after another, each in a process
    of its own (Twisted's reactor runs once per process), with the options given (a spider's own
    options only to it). Prints each one's outcome; exits with the worst (kingfisher-collect's
    ``crawlall --dry-run``: docs/reference/peers.md §0.9, §1)."""
    import subprocess

    from scrapy.spiderloader import SpiderLoader

    common = []
    for flag, value in (("--from-date", args.from_date), ("--until-date", args.until_date),
                        ("--sample", args.sample), ("--api-url", args.api_url), ("--note", args.note),
                        ("--replay", args.replay)):
        if value is not None:  # one given empty is passed on (each dry run refuses an empty date or sample)
            common += [flag, value]
    for pair in args.set or []:
        common += ["-s", pair]
    if args.quiet:
        common.append("--quiet")
    own = {"tenderned": ["--profile", args.profile] if args.profile else [],
           "tenderned_ocds": ["--profile", args.profile] if args.profile else [],
           "news": [*(["--sources", args.sources] if args.sources else []),
                    *[part for site in args.site or [] for part in ("--site", site)]]}
    worst = ExitCode.COMPLETE
    outcomes = []
    for name in sorted(SpiderLoader.from_settings(settings).list()):
        print(f"== {name}", flush=True)
        code = subprocess.run([sys.executable, "-m", "tenderarchive.cli", "crawl", name, "--dry-run",
                               *common, *own.get(name, [])]).returncode
        code = ExitCode(code) if code in ExitCode._value2member_map_ else ExitCode.FAILED
        outcomes.append(f"{name}: {code.name.lower()}")
        worst = max(worst, code, key=_SEVERITY.index) if code in _SEVERITY else ExitCode.FAILED
    print("dry runs: " + ", ".join(outcomes))
    return worst


def crawl_into(args, settings, dry_run: bool = False) -> int:
    """Check the arguments, then crawl under the archive's lock; the crawl's exit code."""
    from tenderarchive.arguments import CrawlArguments, SpiderArgumentError, today
    from tenderarchive.profiles import ProfileError, load_profile

    if args.jobdir:
        try:  # made here, as Scrapy would as it starts: one that cannot be made was a traceback, exit 1
            Path(args.jobdir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _bad("--jobdir", f"{args.jobdir}: cannot make the folder: {exc.strerror or exc}")
        settings.set("JOBDIR", args.jobdir, priority="cmdline")  # Scrapy persists queue and dupefilter there
    if args.replay and (refused := replay_settings(args, settings)) is not None:
        return refused
    check_archive(settings.get("ARCHIVE_DB"), write=True)
    try:
        today()  # the crawl's today (TENDERARCHIVE_NOW when set): a bad one told here, whatever dates are given
        CrawlArguments.parse(args.from_date, args.until_date, args.sample)
        if args.spider == "tenderned":
            load_profile(args.profile or settings.get("TENDERNED_PROFILE"))
    except SpiderArgumentError as exc:  # named as the command line gave it, not as the spider takes it
        if exc.argument == "TENDERARCHIVE_NOW":  # the environment's, said as serve, status and export say it
            print(f"tenderarchive: {exc.message}", file=sys.stderr)
            return ExitCode.BAD_ARGUMENTS
        until = "--until-date" if args.until_date is not None else "--until-date (default today)"
        return _bad("--" + exc.argument.replace("_", "-"), exc.message.replace("until_date", until))
    except ProfileError as exc:
        return _bad("--profile", str(exc))
    from scrapy.spiderloader import SpiderLoader

    if args.spider not in SpiderLoader.from_settings(settings).list():
        return _bad("SPIDER", f"no spider named {args.spider!r}")
    spider_args = {"from_date": args.from_date, "until_date": args.until_date,
                   "sample": args.sample, "note": args.note}
    if args.spider in ("tenderned", "tenderned_ocds"):
        spider_args["profile"] = args.profile
        if getattr(args, "profile_file", None):  # a replay's (replay_settings)
            spider_args["profile_file"] = args.profile_file
    if args.spider == "news":
        from tenderarchive.sources import SourceRegistryError, load_sources, select_sites

        try:
            sites = load_sources(args.sources or settings.get("NEWS_SOURCES"))
        except (SourceRegistryError, OSError) as exc:
            return _bad("--sources", str(exc))
        try:
            select_sites(sites, args.site)
        except SourceRegistryError as exc:
            return _bad("--site", str(exc))
        spider_args["sources"] = args.sources
        spider_args["site"] = ",".join(args.site) if args.site else None
    elif args.site:
        return _bad("--site", "only the news spider crawls sites")
    from tenderarchive.lock import CrawlLocked, crawl_lock
    from tenderarchive.watch import WatchlistError, load_watchlist

    if args.watchlist:
        try:
            load_watchlist(args.watchlist)
        except WatchlistError as exc:
            return _bad("--watchlist", str(exc))
        refused = mail_settings(args)[1]   # before the crawl, not after it
        if refused is not None:
            return refused
    try:
        def waiting(exc):
            if not args.quiet:
                print(f"tenderarchive: {exc}; waiting for it (at most {args.wait_lock:g} s, --wait-lock)",
                      file=sys.stderr)

        with crawl_lock(settings.get("ARCHIVE_DB"), wait=args.wait_lock or 0, waiting=waiting):
            recorded: dict = {}
            try:
                status = run_crawl(args.spider, settings, spider_args, recorded)
            except SpiderArgumentError as exc:  # e.g. -s TENDERNED_PAGE_SIZE=500, a setting: named as one
                return _refused(exc)
            report_exit = ExitCode.COMPLETE
            crawl_id = recorded.get("crawl_id")
            # The report of this crawl, also of a failed one (it says what went wrong, printed under --quiet and
            # mailed under --email, as `report` does: a failed night was as silent as one with no news); none when
            # the crawl failed before it recorded itself (the last crawl then is an earlier one, already told)
            if args.watchlist and (status != "failed" or crawl_id is not None):
                from tenderarchive import readonly

                args.db, args.crawl = settings.get("ARCHIVE_DB"), crawl_id
                with readonly.after_own_crawl(args.db):   # read immutable: no -wal/-shm left behind by the report
                    report_exit = cmd_report(args)
    except CrawlLocked as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return ExitCode.LOCKED
    if not dry_run and (not args.quiet or status != "complete"):
        print(f"crawl {status}; see `tenderarchive status --db {settings.get('ARCHIVE_DB')}`", file=sys.stderr)
    return report_exit or ExitCode.of_crawl(status)


def replay_settings(args, settings) -> int | None:
    """``crawl --replay PATH``: check the WARC file or folder and set what replaying it needs; None, or the exit
    code of a refusal (nothing written). A replay repeats one recorded crawl of the spider, as of its own date
    (``CRAWL_DATE``, as ``reparse`` gives it) and with its recorded settings (``WARC_INFO_SETTINGS``; ``-s`` wins): a file or folder whose files record crawls of other spiders
    only is refused (it replayed as a failed crawl with no error, recorded in the archive), and so is a folder
    of several crawls of the spider (answered as one, each URL with the first crawl's response); a crawl
    resumed from ``--jobdir`` and the crawl it resumed are one crawl, the resuming one."""
    from tenderarchive.rawstore import warc_files
    from tenderarchive.reparse import ResumedFileMissing, resumed_in_folder, warc_info

    path = Path(args.replay)
    if not path.exists():
        return _bad("--replay", f"{args.replay} does not exist")
    if not settings.getbool("WARC_REPLAY_DAMAGED_OK"):  # set by `reparse --force` only
        check_warc(args.replay)  # garbage or cut short: exit 6 before anything is written
    settings.set("WARC_REPLAY", args.replay, priority="cmdline")
    recorded = [(file, warc_info(file, quiet=True)) for file in warc_files(path)]
    spiders = {info.get("spider") for _, info in recorded}
    crawls = [(file, info) for file, info in recorded if info.get("spider") == args.spider]
    if recorded and not crawls and None not in spiders:  # every file names its crawl's spider, none this one
        return _bad("--replay", f"{args.replay} holds no crawl of {args.spider}, only of "
                                f"{', '.join(sorted(spiders))}")
    # a crawl resumed from --jobdir and the crawl it resumed (its list pages) are one crawl in two files: the
    # folder that holds both replays the resuming one, as the refusal of its file alone below asks
    resumed = {str(info["resumes"]) for _, info in crawls if str(info.get("resumes") or "").isdigit()}
    crawls = [(file, info) for file, info in crawls if str(info.get("crawl_id")) not in resumed] or crawls
    if len(crawls) > 1:
        return _bad("--replay", f"{args.replay} holds {len(crawls)} crawls of {args.spider} "
                                f"({', '.join(file.name for file, _ in crawls)}); a replay repeats one crawl: give "
                                f"its file, or rebuild the archive from them all with `tenderarchive reparse --warc "
                                f"{args.replay}`")
    if path.is_file() and not settings.get("WARC_REPLAY_RESUMED"):
        # a crawl resumed from --jobdir: its list pages are in the file of the crawl it resumed
        try:
            resumed = resumed_in_folder(path, recorded[0][1])
        except ResumedFileMissing as exc:
            return _bad("--replay", f"{exc}; replayed alone it would archive less than the crawl did: give "
                                    "the folder that holds both, or -s 'WARC_REPLAY_RESUMED=[\"FILE\"]'")
        settings.set("WARC_REPLAY_RESUMED", [str(file) for file in resumed], priority="cmdline")
    from scrapy.settings import SETTINGS_PRIORITIES

    if crawls:
        # the crawl's own arguments, as reparse gives them (reparse.crawl_plan), unless given here: a date-bounded crawl
        # replayed without its dates asked the default window (the last week), which no recorded response answered
        recorded_args = crawls[0][1].get("arguments") or {}
        for name in ("from_date", "until_date", "sample"):
            if getattr(args, name, None) is None and recorded_args.get(name) is not None:
                setattr(args, name, str(recorded_args[name]))
        if args.spider == "news" and not args.site and recorded_args.get("site"):
            args.site = [str(recorded_args["site"])]  # the sites a crawl of a few recorded: as reparse gives them
        if args.spider in ("tenderned", "tenderned_ocds") and args.profile is None and \
                (settings.getpriority("TENDERNED_PROFILE") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            # its topic profile, as reparse gives it (reparse.crawl_plan), unless given here (--profile, -s
            # TENDERNED_PROFILE): replayed under the default one, it asked queries no recorded response answered
            args.profile = recorded_profile(crawls[0][1], recorded_args)
            # the file the crawl named (profiles.profile_file_of), not the temporary one it is replayed from
            args.profile_file = recorded_args.get("profile_file")
    if crawls and not settings.get("CRAWL_DATE"):  # the crawl's own date (settings.py CRAWL_DATE), as reparse gives it
        from tenderarchive.reparse import recorded_moments

        crawl_date, crawl_now = recorded_moments(crawls[0][1])
        settings.set("CRAWL_DATE", crawl_date, priority="cmdline")
        if crawl_now and not settings.get("CRAWL_NOW"):  # run under TENDERARCHIVE_NOW: its pages as of that moment
            settings.set("CRAWL_NOW", crawl_now, priority="cmdline")
    if crawls:
        # the settings the crawl ran with (WARC_INFO_SETTINGS: its source URLs, its news revisits and re-checks),
        # as reparse replays it, unless given here (-s): under the defaults a news crawl run with its own schedule
        # replayed without the pages it asked again
        for name, value in (crawls[0][1].get("settings") or {}).items():
            if value is not None and (settings.getpriority(name) or 0) < SETTINGS_PRIORITIES["cmdline"]:
                settings.set(name, value, priority="cmdline")
    return None


def recorded_profile(info: dict, recorded_args: dict) -> str | None:
    """The topic profile a recorded crawl ran with (its WARC file's warcinfo ``info``): a profile file of the user's
    from the document the crawl recorded whole (spiders/tenderned.py ``profile_document``; the file itself may be
    gone or changed since), written to a temporary file removed when the process ends; else a shipped profile by the
    name its arguments record; None when it recorded none."""
    if isinstance(info.get("profile"), dict):
        import atexit
        import shutil
        import tempfile

        import yaml

        folder = Path(tempfile.mkdtemp(prefix="tenderarchive-replay-profile-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "profile.yaml"
        path.write_text(yaml.safe_dump(info["profile"], allow_unicode=True, sort_keys=False), encoding="utf-8")
        return str(path)
    return None if recorded_args.get("profile") is None else str(recorded_args["profile"])


def dry_run(args, settings) -> int:
    """``crawl --dry-run``: the crawl as asked (one record unless ``--sample`` says more), fetched
    and parsed through every pipeline and the derivation, into a throwaway archive and WARC store
    in a temporary folder that is removed afterwards. The archive (``--db``) is not opened, not
    locked and not changed, and no WARC file is written next to it. Prints the crawl's outcome,
    counts and errors, and exits as the crawl would (0 complete, 3 partial, 1 failed). The
    throwaway archive is empty, so a dry run does not continue from the last crawl: it is the
    check that a source still answers and still parses (kingfisher-collect's
    ``crawlall --dry-run``: docs/reference/peers.md §1, §7)."""
    import shutil
    import tempfile

    real = settings.get("ARCHIVE_DB")
    scratch = Path(tempfile.mkdtemp(prefix="tenderarchive-dry-run-"))
    try:
        settings.set("ARCHIVE_DB", str(scratch / "archive.db"), priority="cmdline")
        settings.set("WARC_DIR", str(scratch / "warc"), priority="cmdline")
        settings.set("JOBDIR", None, priority="cmdline")
        args.sample = "1" if args.sample is None else args.sample  # one given empty is refused (crawl_into)
        args.db, args.jobdir = str(scratch / "archive.db"), None
        code = crawl_into(args, settings, dry_run=True)
        from tenderarchive import readonly

        if (scratch / "archive.db").is_file():
            conn = readonly.connect(scratch / "archive.db")
            try:
                rows = [dict(r) for r in conn.execute("select * from crawls order by crawl_id")] \
                    if readonly.table_exists(conn, "crawls") else []
            finally:
                conn.close()
            print(f"dry run of {args.spider} (sample {args.sample}): nothing was written to {real}")
            print_crawls(rows, errors=20)
        return code
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _gone_in(conn, crawl_ids: list[int]) -> dict[int, list[dict]]:
    """The procurements each of ``crawl_ids`` took out of the archive, every notice of one moved to another
    procedure (``watch.report.gone_procurements``): ``status`` listed the crawl's counts alone."""
    from tenderarchive.watch.report import gone_procurements

    return {crawl_id: found for crawl_id in crawl_ids if (found := gone_procurements(conn, crawl_id))}


def _archived_by_unfinished(conn, rows: list[dict], killed: set[int]) -> dict[int, dict]:
    """What each crawl of ``rows`` that never closed (killed: ``running`` with no process, or marked ``killed`` by
    the next crawl) had archived, as the archive holds it: the notices and news pages it wrote last (``crawl_id``)
    and the responses it fetched (``fetches``). Its counts (``items_new`` …) are written when a crawl closes, so
    ``status`` showed "0 new, 0 changed" for a crawl killed after archiving hundreds of notices. Read-only, each
    count by an index."""
    from tenderarchive import readonly

    said = {}
    for r in rows:
        if r["crawl_id"] not in killed and r.get("finish_reason") != "killed":
            continue
        counts = {}
        for table in ("notices", "articles", "fetches"):
            counts[table] = conn.execute(f"select count(*) from [{table}] where crawl_id = ?",
                                         [r["crawl_id"]]).fetchone()[0] if readonly.table_exists(conn, table) else 0
        said[r["crawl_id"]] = counts
    return said


def unfinished_said(crawl_id: int, counts: dict, row: dict | None = None, db: str | None = None) -> str:
    """The line ``status`` gives a crawl that never closed (:func:`_archived_by_unfinished`); ``row``: its
    ``crawls`` row, whose spider and arguments give the command that crawls its window again
    (:func:`crawl_again_command`); ``db``: the archive ``status`` read, which both commands name (:func:`db_option`)."""
    again = crawl_again_command(row, db) if row else None
    from tenderarchive.store.queries import crawl_arguments

    arguments = crawl_arguments(row or {}) or {}
    # the TenderNed spider's incremental run lists again from the first day of an unfinished crawl of its profile
    # (spiders/tenderned.py, queries.unfinished_crawls); a sample crawl is not reached back to
    profile = arguments.get("profile") if (row or {}).get("spider") == "tenderned" and not arguments.get("sample") \
        else None
    return (f"unfinished: killed before it closed, so its counts were never recorded; it had archived "
            f"{counts['notices']} notice{'s' * (counts['notices'] != 1)} and {counts['articles']} news "
            f"page{'s' * (counts['articles'] != 1)} (written last by it) from {counts['fetches']} "
            f"response{'s' * (counts['fetches'] != 1)} fetched; nothing it archived was removed "
            f"(`tenderarchive export crawl_wijzigingen{db_option(db)} --param crawl_id={crawl_id}` lists them; "
            + (f"the next crawl of profile {profile} lists again from its first day" if profile
               else "the next crawl fetches what it left")
            + (f"; to crawl its window again now, run `{again}` (with the --jobdir it had, if any: its queue was "
               f"never written, so the run sets the folder's state aside and crawls the window afresh)" if again
               else "") + ")")


def db_option(db: str | None) -> str:
    """`` --db PATH`` for a command ``status`` names, of the archive it read (``--db``), or "" for the default
    (``archive.db``) or none. The commands a killed or stopped crawl's line named had no ``--db``: run as given,
    from the folder cron or the unit runs in, the rerun crawled (and made) ``archive.db`` there, not the archive
    the crawl was killed on, and its export listed another archive's crawl or none."""
    import shlex

    return "" if db is None or str(db) == "archive.db" else f" --db {shlex.quote(str(db))}"


def crawl_again_command(row: dict, db: str | None = None) -> str | None:
    """The ``tenderarchive crawl`` command that crawls again what the crawl of ``row`` set out to (its spider, profile,
    source registry, sites, sample and window, from ``crawls.arguments``), or None where its arguments do not say. A
    crawl killed before it closed (its line in ``status``) said "the next crawl fetches what it left", which the next
    scheduled crawl does only for its own profile (a killed ``--profile wmo`` backfill was never listed again by the
    nightly youth-care crawl) or sites."""
    import shlex

    from tenderarchive.store.queries import crawl_arguments

    arguments = crawl_arguments(row) or {}
    spider = row.get("spider")
    if not spider or not arguments.get("from_date") or not arguments.get("until_date"):
        return None
    parts = ["tenderarchive", "crawl", spider, *(["--db", str(db)] if db_option(db) else [])]
    # a profile file of the user's by its path (profiles.profile_file_of): its name is no profile the package has
    if arguments.get("profile_file") or arguments.get("profile"):
        parts += ["--profile", str(arguments.get("profile_file") or arguments["profile"])]
    if arguments.get("sources") and arguments["sources"] != "tenderarchive/sources.yaml":
        parts += ["--sources", str(arguments["sources"])]
    # the news spider records its site subset as the command line gave it, comma-separated ("leiden,alphen":
    # spiders/news.py ``site_subset``); read as a list alone, a killed one-site crawl's command crawled every site
    site = arguments.get("site")
    for name in site.split(",") if isinstance(site, str) else site if isinstance(site, list) else ():
        if str(name).strip():
            parts += ["--site", str(name).strip()]
    parts += ["--from-date", str(arguments["from_date"]), "--until-date", str(arguments["until_date"])]
    if arguments.get("sample"):
        parts += ["--sample", str(arguments["sample"])]
    return shlex.join(parts)


def print_crawls(rows: list[dict], errors: int, gone: dict[int, list[dict]] | None = None,
                 unfinished: dict[int, dict] | None = None, db: str | None = None) -> None:
    """The crawls table of ``status`` (and of a dry run); with ``db``, the archive the rows are of, a line under the
    latest crawl that archived something naming the command that lists those records (:func:`changes_said`)."""
    from tenderarchive import monitor
    from tenderarchive.change_words import moment_words

    # The spider column as wide as its longest name ("tenderned_ocds" pushed its row out of line).
    width = max([10, *(len(str(r["spider"] or "")) for r in rows)])
    # when it started as a person reads it, on Amsterdam's clock ("5 december 2026 12:31"; --json keeps the ISO text)
    started = [moment_words(r.get("started")) if r.get("started") else "" for r in rows]
    when = max([23, *map(len, started)])
    print(f"{'crawl':>5}  {'spider':<{width}} {'status':<9} {'started':<{when}} {'req':>5} {'new':>5} {'upd':>5} "
          f"{'same':>5} {'err':>4}")
    said = changes_said(rows, db) if db is not None else None
    for r, begun in zip(rows, started):
        replayed = _replayed(r)
        print(f"{r['crawl_id']:>5}  {str(r['spider'] or ''):<{width}} {r['status']:<9} {begun:<{when}} "
              f"{'—' if replayed or r.get('requests') is None else r['requests']:>5} {r['items_new'] or 0:>5} "
              f"{r['items_updated'] or 0:>5} {r['items_unchanged'] or 0:>5} {r['error_count'] or 0:>4}")
        for error in json.loads(r["errors"] or "[]")[: errors]:
            print(f"         ! {error.get('url') or '-'}: {error['error']}")
        bounds = _bounds_reached(r.get("bounds"))
        if bounds:
            print(f"         ~ bounds reached (part of a site left unread, no error): {bounds}")
        drift = monitor.drift_said(r.get("drift"))  # a warning: the crawl's notices were archived
        if drift:
            print(f"         ~ source drift read past ({monitor.DRIFT_MEANS}): {drift}")
        for procurement in (gone or {}).get(r["crawl_id"], []):
            from tenderarchive.watch.render import gone_line

            print(f"         - {gone_line(procurement)}")
        if replayed:
            print(f"         ~ {replayed}")
        resumes = _resumes(r.get("arguments"))
        if resumes:
            print(f"         ~ resumes crawl {', '.join(map(str, resumes))} (--jobdir): one crawl with it; a record "
                  f"one of them archived new and this run wrote again is counted (and listed in crawl_wijzigingen) "
                  f"by that run")
        if said is not None and r["crawl_id"] == said[0]:
            print(f"         + {said[1]}")
        if r["crawl_id"] in (unfinished or {}):
            print(f"         ! {unfinished_said(r['crawl_id'], unfinished[r['crawl_id']], r, db)}")
        elif r["status"] in ("partial", "failed") and (stopped := monitor._stopped(r)):
            # stopped by a signal (a deploy's SIGTERM, Ctrl-C) or a limit: the next scheduled crawl reads only its own
            # profile's or registry's window, not a backfill's or a one-site crawl's; its own command, as a killed
            # crawl's line gives it (:func:`crawl_again_command`)
            again = crawl_again_command(r, db)
            print(f"         ~ {stopped}; what it archived is kept"
                  + (f"; to crawl its window again now, run `{again}`" if again else ""))


def changes_said(rows: list[dict], db: str) -> tuple[int, str] | None:
    """Where the records a crawl of ``rows`` counted are listed: status gave "new 1, upd 0" with no word of which
    record, and the site's crawls page alone linked the counts to them (saved search ``crawl_wijzigingen``). The
    latest crawl of ``rows`` that archived something new or changed and the line under its row naming the command
    that lists them, on the archive ``db``; None when none did. A crawl killed before it closed has its counts
    unrecorded and says so on its own line."""
    changed = [r["crawl_id"] for r in rows if (r.get("items_new") or 0) + (r.get("items_updated") or 0) > 0]
    if not changed:
        return None
    where = db_option(db)
    return changed[0], (f"new, upd: the records archived new or changed (same: fetched again unchanged); "
                        f"`tenderarchive export crawl_wijzigingen{where} --param crawl_id={changed[0]}` lists them "
                        f"(another crawl's: its id; on the site, each crawl's counts link there)")


def _resumes(arguments) -> list[int]:
    """The crawls a run resumed with ``--jobdir`` (``crawls.arguments`` ``resumes``, nearest first), or []."""
    try:
        resumes = json.loads(arguments or "{}").get("resumes") if isinstance(arguments, str) else None
    except (ValueError, AttributeError):
        return []
    return [int(c) for c in resumes if str(c).isdigit()] if isinstance(resumes, list) else []


def _replayed(row: dict) -> str | None:
    """What ``status`` knows of a crawl rebuilt from its WARC file (``reparse``, ``build-demo``, ``crawl --replay``):
    it made no request (``requests`` 0) but read its recorded responses, "rebuilt from its WARC file (no request made):
    54 recorded responses read from tenderned-000001-….warc.gz" (``responses``: the records read, each once, not the
    requests they answered; the demo's said 61 of a file of 54). Its ``req`` column said 0, as of a crawl that asked
    nothing. None for a crawl that made its requests."""
    responses = row.get("responses") or 0
    if row.get("requests") or not isinstance(responses, int) or responses <= 0:
        return None
    source = f" from {row['warc_file']}" if row.get("warc_file") else ""
    return (f"rebuilt from its WARC file (no request made): {responses} recorded "
            f"response{'s' * (responses != 1)} read{source}")


def _bounds_reached(value) -> str | None:
    """The bounds a crawl reached (``crawls.bounds``, ``tenderarchive/extensions.py``) as "news/listing_bounded 1×":
    a complete crawl that left part of a site unread said so in its row and its log alone, not in ``status``.
    None when it reached none, or its archive predates the column."""
    try:
        bounds = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return value  # not JSON: as archived
    if not isinstance(bounds, dict) or not bounds:
        return None
    return ", ".join(f"{name} {count}×" for name, count in sorted(bounds.items()))


def real_crawls(db_path: Path) -> list[int]:
    """The crawls of the archive at ``db_path`` that are not the demo's, whose note calls them
    synthetic (as ``tenderarchive/metadata.py::is_synthetic`` reads it); read-only, none when
    there is no archive yet."""
    from tenderarchive import readonly

    wal = db_path.with_name(db_path.name + "-wal")
    try:  # the caller holds the crawl lock: nothing else writes, so no -wal/-shm files are made
        conn = readonly.connect(db_path, immutable=not (wal.exists() and wal.stat().st_size > 0))
    except readonly.ArchiveMissing:
        return []
    try:
        if not readonly.table_exists(conn, "crawls"):
            return []
        return [crawl_id for (crawl_id,) in conn.execute(
            "select crawl_id from crawls where coalesce(note, '') not like '%synthetic%' order by crawl_id")]
    finally:
        conn.close()


def cmd_build_demo(args) -> int:
    """Replay the bundled synthetic snapshot (WARC files of a TenderNed and a news crawl), under
    the archive's crawl lock, and never over an archive that holds crawls of its own."""
    from importlib import resources

    from tenderarchive.lock import CrawlLocked, crawl_lock
    from tenderarchive.reparse import reparse
    from tenderarchive.sources import DEMO_REGISTRY

    settings = project_settings(args.db, args.set, args.quiet)
    db = Path(settings.get("ARCHIVE_DB"))
    try:
        with crawl_lock(db):
            real = real_crawls(db)
            if real:
                print(f"tenderarchive: {db} holds {len(real)} crawl(s) that are not the demo's: the demo is not "
                      f"built over it (give another --db, e.g. --db demo.db); {db} is unchanged", file=sys.stderr)
                return ExitCode.FAILED
            with resources.as_file(resources.files("tenderarchive") / "snapshot" / "warc") as root:
                # dated when built, not when the snapshot was recorded: the demo is shown fresh
                # its -s settings go to every replay (under each crawl's own), --quiet to its lines
                # its news crawl read a copy of the bundled sites' registry in the recording machine's temporary
                # folder, a path gone (snapshot/record.py): the rows name the registry it was made from
                code = reparse(db, Path(root), original_times=False, settings=args.set, quiet=args.quiet,
                               registry_name=DEMO_REGISTRY)
    except CrawlLocked as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return ExitCode.LOCKED
    if not args.quiet:
        print(f"demo archive {db} built from the synthetic snapshot", file=sys.stderr)
    return code


def cmd_serve(args) -> int:
    """Datasette on the archive, read-only: the archive is opened ``immutable=1`` when no crawl
    holds its lock, ``mode=ro`` while one runs, once one has written it since (serve.py), or with
    ``--live``. Nothing is
    written: a missing or outdated search index is reported, not rebuilt (the crawl's
    derivation step builds it)."""
    from tenderarchive import clock, readonly
    from tenderarchive.metadata import at_current_schema, build_metadata, older_archive_searches
    from tenderarchive.store.search_index import index_state

    settings, problem = datasette_settings(args.setting or [])
    if problem:
        return _bad("--setting", problem)
    try:  # the moment the saved searches take for now, told before serving, not as every page's SQL error
        clock.now()
    except ValueError as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return ExitCode.BAD_ARGUMENTS
    db_path = Path(args.db)
    try:
        db = readonly.database(db_path)
    except readonly.ArchiveMissing:
        db = None
    if db is not None and readonly.is_empty(db.conn):  # not "written by an older version": no archive at all
        db.close()
        db = None
    if db is None:
        # `make archive` is the checkout's: an installed package (README) has no Makefile
        print(f"tenderarchive: no archive at {db_path}{' (an empty file)' if db_path.is_file() else ''}; build one "
              f"first: `tenderarchive build-demo --db {db_path}` (the synthetic demo) or `tenderarchive crawl --db "
              f"{db_path}`", file=sys.stderr)
        return ExitCode.FAILED
    immutable = not args.live and readonly.can_be_immutable(db_path)
    try:
        search = index_state(db)
        metadata = build_metadata(db, db_path.stem, search_index=search)
        older = [] if at_current_schema(db) else older_archive_searches(metadata)
    finally:
        db.close()
    if search != "current":
        print(f"tenderarchive: the search index of {db_path} is {search}: the saved searches "
              f"{'cannot run' if search == 'missing' else 'may miss recent rows'}; a crawl or "
              f"`tenderarchive reparse` builds it (serve never writes the archive)", file=sys.stderr)
    if older:
        print(f"tenderarchive: {db_path} was written by an older version of tenderarchive: {len(older)} saved "
              f"searches ({', '.join(older[:3])}{' …' if len(older) > 3 else ''}) answer with a note until the "
              f"next crawl or `tenderarchive reparse` migrates it and serve is started again (it builds them when it "
              f"starts; it never writes the archive)", file=sys.stderr)
    from tenderarchive.serve import run

    problem = _cannot_listen(args.host, args.port)
    if problem:
        hint = ("; serve it on another port: --port N (`make demo PORT=N`, `make serve PORT=N`)"
                if problem == IN_USE else "")
        print(f"tenderarchive: cannot serve on {args.host}:{args.port}: {problem}{hint}", file=sys.stderr)
        return ExitCode.FAILED
    mode = "immutable" if immutable else "read-only"
    print(f"serving {db_path} ({mode}) at http://{args.host}:{args.port}/", file=sys.stderr)
    run(db_path, metadata, immutable, args.host, args.port, settings=settings)
    return ExitCode.COMPLETE


def datasette_settings(pairs) -> tuple[dict, str | None]:
    """``serve --setting NAME VALUE`` pairs as Datasette settings, each checked as Datasette's own
    ``--setting`` checks it (a known name, a value of the default's type: an integer, on/off), or
    the first problem. An unknown name was taken silently and a wrong type started a server whose
    every page answered 500."""
    import click
    from datasette.cli import Setting

    settings = {}
    for name, value in pairs:
        try:
            name, value = Setting().convert((name, value), None, None)
        except click.BadParameter as exc:
            message = exc.message.replace("(--help-settings to see all)", "(`datasette --help-settings` lists them)")
            return {}, f"{message}; serve --setting NAME VALUE takes Datasette's settings"
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_DATASETTE_NUMBER:
            # max_returned_rows or default_page_size beyond SQLite's 64 bits: every table page answered 500
            return {}, f'"{name}" is at most {MAX_DATASETTE_NUMBER}, not {value}'
        settings[name] = value
    return settings, None


#: The largest number ``serve --setting`` takes (rows, milliseconds, megabytes): a page's SQL adds to a page size.
MAX_DATASETTE_NUMBER = 2 ** 31 - 1


IN_USE = os.strerror(errno.EADDRINUSE)  # "Address already in use": serve names how to choose another port


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host:port`` (a port in use, a host not of this machine),
    or None. Asked before Datasette starts: uvicorn logged the error and exited 3, which is
    ``PARTIAL`` in the project's exit codes."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        return f"unknown host ({exc})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


#: ``reparse --jobs``: at most this many processes (one writer, the rest workers).
MAX_JOBS = 64


def cmd_reparse(args) -> int:
    from tenderarchive.replay import gc_paused

    with gc_paused():  # its imports: no garbage collector passes over them (issue 14)
        from tenderarchive.reparse import guarded_reparse

    try:
        jobs = int(args.jobs.strip())
    except ValueError:
        return _bad("--jobs", f"{args.jobs!r} is not a whole number")
    if not 1 <= jobs <= MAX_JOBS:
        return _bad("--jobs", f"{args.jobs!r} must be from 1 to {MAX_JOBS}")
    return guarded_reparse(Path(args.db), Path(args.warc) if args.warc else None, force=args.force,
                           accept_dropped=args.accept_dropped, jobs=jobs)


def cmd_extract(args) -> int:
    from tenderarchive.extract_page import extract_page

    settings = project_settings(None, args.set)
    try:
        result = extract_page(args.source, url=args.url, timeout=settings.getfloat("EXTRACT_TIMEOUT"),
                              maxsize=settings.getint("EXTRACT_MAXSIZE"),
                              max_page=settings.getint("NEWS_PAGE_MAX_BYTES"))
    except (OSError, ValueError) as exc:
        print(f"tenderarchive: cannot read {args.source}: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return ExitCode.COMPLETE


def spider_names() -> list[str]:
    """The names of the project's spiders, for ``status`` (a spider never run is listed; ``--expect``
    is checked against them), read without importing Scrapy.

    Scrapy's ``SpiderLoader`` imports every spider module, and with them Scrapy, Twisted, the
    pipelines and the readers: 0.3 s of a ``status`` that takes 0.1 s otherwise, 2 s on a loaded
    machine, for a check cron or a monitoring agent runs every few minutes. The names are the same
    registry read from source: ``SPIDER_MODULES`` of ``tenderarchive/settings.py`` and, in those
    modules and their submodules, each top-level class with a string ``name`` that derives from a
    ``…Spider`` (Scrapy's ``Spider``, ``CrawlSpider``, ``SitemapSpider`` …), directly or through
    these modules' own classes. Anything this reading cannot
    follow (a computed ``SPIDER_MODULES`` or ``name``, a module without source) falls back to the
    ``SpiderLoader``; ``tests/test_cli.py`` checks both give the same list."""
    import ast
    import importlib.util
    import pkgutil

    def source(module: str) -> ast.Module:
        spec = importlib.util.find_spec(module)
        text = spec.loader.get_source(module) if spec and spec.loader else None
        if text is None:
            raise LookupError(module)
        return ast.parse(text)

    def modules(name: str):  # Scrapy's walk_modules, by source
        yield name, source(name)
        spec = importlib.util.find_spec(name)
        for info in pkgutil.iter_modules(spec.submodule_search_locations or []):
            yield from modules(f"{name}.{info.name}")

    try:
        settings = next(node.value for node in source("tenderarchive.settings").body
                        if isinstance(node, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == "SPIDER_MODULES" for t in node.targets))
        bases: dict[str, list[str]] = {}  # class -> its bases' last names
        named: dict[str, str] = {}  # class -> its own string name
        for module in ast.literal_eval(settings):
            for _, tree in modules(module):
                for node in tree.body:
                    if not isinstance(node, ast.ClassDef):
                        continue
                    bases[node.name] = [b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "")
                                        for b in node.bases]
                    for item in node.body:
                        target = (item.targets[0] if isinstance(item, ast.Assign) and len(item.targets) == 1
                                  else item.target if isinstance(item, ast.AnnAssign) else None)
                        if isinstance(target, ast.Name) and target.id == "name":
                            if not (isinstance(item.value, ast.Constant) and isinstance(item.value.value, str)):
                                raise LookupError(node.name)  # a computed name: Scrapy knows it
                            named[node.name] = item.value.value
    except (LookupError, StopIteration, ValueError, SyntaxError, ImportError):
        from scrapy.spiderloader import SpiderLoader

        return SpiderLoader.from_settings(project_settings()).list()

    def is_spider(cls: str, seen=()) -> bool:
        return any(is_spider(base, (*seen, cls)) if base in bases and base not in seen else base.endswith("Spider")
                   for base in bases.get(cls, []))

    return sorted({name for cls, name in named.items() if is_spider(cls)})


def cmd_status(args) -> int:
    """The last crawls and the health of every source; read-only (no migration, no lock)."""
    from tenderarchive import clock, monitor, readonly

    try:  # the moment the sources are aged at (as the freshness view does): told, not a traceback after the table
        clock.now()
    except ValueError as exc:
        print(f"tenderarchive status: {exc}", file=sys.stderr)
        return ExitCode.BAD_ARGUMENTS
    args.known = spider_names()  # a spider never run is listed too
    given = args.expect
    args.expect = [name.strip() for value in args.expect or [] for name in value.split(",") if name.strip()]
    if given and not args.expect:
        # `--expect "$SPIDERS"` with the variable unset, or `--expect ,`: it checked no spider as expected, so a
        # scheduled spider that never ran passed the health check unseen
        return _bad("--expect", f"names no spider ({', '.join(repr(v) for v in given)}): give one or more of "
                                f"{', '.join(sorted(args.known))}, or leave the option out")
    unknown = [name for name in args.expect if name not in args.known]
    if unknown:
        return _bad("--expect", f"no spider named {unknown[0]!r} (spiders: {', '.join(sorted(args.known))})")
    try:
        conn = readonly.connect(args.db)
    except readonly.ArchiveMissing as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    try:
        crawls = readonly.table_exists(conn, "crawls")
        if args.crawl is not None:
            # one crawl, however old: the report's "`tenderarchive status --crawl 7 --errors 25` lists them" named a
            # crawl the last --limit crawls no longer showed
            rows = ([dict(r) for r in conn.execute("select * from crawls where crawl_id = ?", [args.crawl])]
                    if crawls else [])
            if not rows:
                first, last, count = (
                    conn.execute("select min(crawl_id), max(crawl_id), count(*) from crawls").fetchone()
                    if crawls else (None, None, 0))
                has = ("no crawls yet" if not count else f"crawl {first} alone" if count == 1
                       else f"crawls {first} to {last}" if last - first + 1 == count
                       else f"{count} crawls, {first} to {last}")
                return _bad("--crawl", f"{args.db} has no crawl {args.crawl}: it has {has}")
        else:
            rows = ([dict(r) for r in conn.execute("select * from crawls order by crawl_id desc limit ?", [args.limit])]
                    if crawls else [])
        killed = monitor.killed_crawls(conn, args.db)  # "running" in the archive, but no process runs them
        gone = _gone_in(conn, [r["crawl_id"] for r in rows])
        unfinished = _archived_by_unfinished(conn, rows, killed)
    finally:
        conn.close()
    # a killed crawl is "killed" in the table and in --json alike, as in --sources-json and the exit code (a script
    # reading the JSON took it for a crawl still running)
    rows = [{**r, "status": "killed"} if r["crawl_id"] in killed else r for r in rows]
    if args.json:  # what a crawl that never closed had archived (its counts are NULL or 0), for scripts too
        rows = [{**r, "archived_before_kill": unfinished[r["crawl_id"]]} if r["crawl_id"] in unfinished else r
                for r in rows]
    try:
        if args.json and not args.sources_json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        elif not args.sources_json and not rows:
            # a table header over no rows read as a table gone wrong: --limit 0 asks for the sources' health alone
            print("no crawls shown (--limit 0)" if args.limit == 0 else f"no crawls in {args.db} yet")
        elif not args.sources_json:
            print_crawls(rows, args.errors, gone, unfinished, db=args.db)
        return monitor.status_check(args.db, args, sys.stdout, killed)  # exit 5: a source is stale or failed
    except BrokenPipeError:
        # The reader stopped early (`status | head`): no traceback, and the exit code still tells the
        # sources' health (a monitoring check reads it). Python would report the pipe again as it
        # flushes stdout at exit, so stdout points to /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        with open(os.devnull, "w") as sink:
            return monitor.status_check(args.db, args, sink, killed)
    except OSError as exc:
        if exc.filename is not None:   # a file the status read (named by the error), not its output
            raise
        # Standard output cannot take the text (`> /dev/full`, a full disk): one line, not a traceback. Its unwritten
        # buffer would fail again as Python flushes stdout at exit, so stdout points to /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"tenderarchive: status: standard output cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return ExitCode.UNUSABLE_FILE


def mail_settings(args):
    """``--email``'s SMTP settings (``--smtp-*``, ``--mail-*``, ``TENDERARCHIVE_SMTP_*``), and None or the exit code of
    a refusal: a ``TENDERARCHIVE_SMTP_*`` number that is none, or no recipient at all. Without a recipient the report
    was built, printed and written, then "could not be mailed" (exit 1), and ``crawl --watchlist --email`` ran its
    whole crawl first; nothing can be mailed to no one, so it is a bad argument before anything is done."""
    from tenderarchive.watch import SMTPSettings

    if getattr(args, "email_empty", False):
        args.email = True   # "mail the report even when nothing matched" mailed nothing without --email
    if not getattr(args, "email", False):
        return None, None
    try:
        smtp = SMTPSettings.from_env(host=args.smtp_host, port=args.smtp_port, sender=args.mail_from,
                                     recipients=args.mail_to, starttls=True if args.smtp_starttls else None)
    except ValueError as exc:  # a TENDERARCHIVE_SMTP_* variable that is not a number
        return None, _bad("--email", str(exc))
    if not smtp.recipients:
        return None, _bad("--email", "no e-mail recipients: give --mail-to ADDRESS or set TENDERARCHIVE_SMTP_TO")
    return smtp, None


def cmd_report(args) -> int:
    """The watchlist report of one crawl (``--unreported``: of every crawl not reported yet, in
    order): printed, written as files, optionally mailed."""
    from tenderarchive.watch import WatchlistError, load_watchlist

    db = args.db or "archive.db"
    try:
        load_watchlist(args.watchlist)
    except WatchlistError as exc:
        return _bad("--watchlist", str(exc))
    smtp, refused = mail_settings(args)
    if refused is not None:
        return refused
    if args.datasette_url is None:   # the scheduled units' and cron's line: set once beside the SMTP settings
        args.datasette_url = os.environ.get("TENDERARCHIVE_DATASETTE_URL", "").strip() or None
    crawls, last = [args.crawl], None
    if getattr(args, "unreported", False):
        from tenderarchive.watch import unreported_crawls

        if args.crawl is not None:
            return _bad("--unreported", "cannot be combined with --crawl")
        if args.no_files:
            return _bad("--unreported", "needs the report files (--out): they record which crawls were reported")
        try:
            last, crawls = unreported_crawls(db, args.out)
        except LookupError as exc:
            print(f"tenderarchive: {exc.args[0]}", file=sys.stderr)
            return ExitCode.FAILED
        if not crawls:
            if not args.quiet:
                print(f"no crawl since the last report (crawl {last})" if last is not None
                      else "nothing to report yet (no crawl, or the first one still running)")
            return ExitCode.COMPLETE
    folder, parts = None, [(last, crawls)]
    if getattr(args, "unreported", False):
        from tenderarchive.watch import catch_up_since, default_out_dir, mark_catch_up

        # A catch-up an earlier run left unfinished (a report's e-mail failed): its reports left rows out for the
        # later crawls' reports, which tell their changes since the crawl it began after (watch/__init__.py). The
        # crawls after the last one it covered are no part of it: their rows were told in its reports, so they are
        # a catch-up of their own, after it (their changes since its last crawl, not since the crawl it began after).
        folder, pending = Path(args.out or default_out_dir(db)), catch_up_since(args.out or default_out_dir(db))
        if pending is not None and last is not None and pending[0] < last:
            since, covered = pending
            rest = [c for c in crawls if covered is not None and c > covered]
            finish = crawls[:len(crawls) - len(rest)]
            parts = [(since, finish)] * bool(finish) + [(finish[-1] if finish else last, rest)] * bool(rest)
    recorded, outcomes = last, []
    for told, part in parts:
        if folder is not None and told is not None and (len(part) > 1 or told != recorded):
            mark_catch_up(folder, told, part[-1])
        for crawl_id in part:
            # the reader was told of crawls up to `told` (watch/report.py: "New to the reader"), and a row changed in
            # several of these crawls is told once, in the last one's report ("A missed night")
            code = _report_one(args, db, crawl_id, smtp, told, part[-1] if told is not None else None, outcomes)
            if code != ExitCode.COMPLETE:
                return code  # the crawls after it stay unreported: the next run reports them
        recorded = part[-1]
        if folder is not None:
            mark_catch_up(folder, None)
    if getattr(args, "crawl_exit", False):
        # the report went out; its exit is the worst outcome of the crawls it reported (a cron wrapper's alert)
        return max(outcomes, key=_SEVERITY.index, default=ExitCode.COMPLETE)
    return ExitCode.COMPLETE


#: ``report --crawl-exit``: the exit code of a reported crawl's outcome (``Report.crawl``'s status, a crawl killed
#: mid-run as ``killed``); a crawl still running has no outcome yet.
_CRAWL_EXIT = {"partial": ExitCode.PARTIAL, "failed": ExitCode.FAILED, "killed": ExitCode.FAILED}


def _report_one(args, db, crawl_id, smtp, last_reported=None, through=None, outcomes=None) -> int:
    import smtplib

    from tenderarchive.watch import ReportFilesError, ReportPrintError, report_after_crawl

    recorded = {}

    def mailed():
        # --unreported: reported once the SMTP server took the mail, recorded there and then (watch/mail.py): a run
        # killed before it recorded the crawl (waiting on the server's goodbye) mailed the report again next time
        recorded["error"] = _record_reported(args, db, crawl_id)

    try:
        report = report_after_crawl(db, crawl_id, args.watchlist, out_dir=args.out,
                                    datasette_url=args.datasette_url, write_files=not args.no_files,
                                    email=args.email, smtp=smtp, email_empty=args.email_empty,
                                    print_empty=not args.quiet, last_reported=last_reported, through=through,
                                    mailed=mailed if getattr(args, "unreported", False) else None)
    except LookupError as exc:
        print(f"tenderarchive: {exc.args[0]}", file=sys.stderr)
        return ExitCode.FAILED
    except ReportFilesError as exc:  # printed (and mailed) all the same
        mail = exc.__context__
        also = f"; nor could it be mailed: {mail}" if mail is not None else ""
        print(f"tenderarchive: {exc} (give --out DIR, or --no-files){also}", file=sys.stderr)
        return ExitCode.UNUSABLE_FILE
    except ReportPrintError as exc:
        # The output cannot take the report (`> /dev/full`): printing comes first, so no file written, nothing mailed;
        # its unwritten buffer would fail again as Python flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"tenderarchive: the report could not be printed ({exc}); no report files written, nothing mailed",
              file=sys.stderr)
        return ExitCode.UNUSABLE_FILE
    except BrokenPipeError:
        # The reader of the printed report closed it (`| head`): printing comes first, so no file
        # was written and nothing mailed (it was "could not be mailed: Broken pipe", the crawl-N.md
        # of --unreported removed). Python would report the pipe again as it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("tenderarchive: the report could not be printed (its reader closed the output); "
              "no report files written, nothing mailed", file=sys.stderr)
        return ExitCode.FAILED
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        again = ""
        if getattr(args, "unreported", False):
            # Not reported until mailed: not recorded (last-reported.txt), the next --unreported run reports it
            # again; its crawl-N.md goes, and the mark says why (with no record yet, the mark is what tells).
            from tenderarchive.watch import default_out_dir, mark_unsent

            folder = Path(args.out or default_out_dir(db))
            (folder / f"crawl-{crawl_id}.md").unlink(missing_ok=True)
            mark_unsent(folder, crawl_id, f"the report could not be mailed: {exc}")
            again = f"; crawl {crawl_id} is reported again by the next --unreported run"
        print(f"tenderarchive: the report was written but could not be mailed: {exc}{again}", file=sys.stderr)
        return ExitCode.FAILED
    if getattr(args, "unreported", False):
        problem = recorded["error"] if "error" in recorded else _record_reported(args, db, crawl_id)
        if problem is not None:
            print(problem, file=sys.stderr)
            return ExitCode.UNUSABLE_FILE
    if not args.quiet and report.paths:
        print(f"report files: {', '.join(str(p) for p in report.paths.values())}", file=sys.stderr)
    if outcomes is not None:
        outcomes.append(_CRAWL_EXIT.get(report.crawl.get("status"), ExitCode.COMPLETE))
    return ExitCode.COMPLETE


def _record_reported(args, db, crawl_id) -> str | None:
    """Record in the report folder that ``report --unreported`` reported crawl ``crawl_id`` (its ``crawl-N.unsent``
    mark removed); the problem in words when the record cannot be written, else None."""
    from tenderarchive.watch import default_out_dir, mark_reported, mark_unsent

    folder = Path(args.out or default_out_dir(db))
    mark_unsent(folder, crawl_id, None)  # reported now
    try:
        mark_reported(folder, crawl_id)
    except OSError as exc:
        return (f"tenderarchive: {folder}: cannot record that crawl {crawl_id} was reported: {exc}; "
                f"the next --unreported run reports it again")
    return None


def cmd_export(args) -> int:
    """A table, view or query, every row, as CSV or JSON; read-only."""
    from tenderarchive import clock
    from tenderarchive.export import ExportError, OlderArchive, OutputError, export

    try:  # the moment the saved searches take for now: told, not a traceback and "query failed" per row
        clock.now()
    except ValueError as exc:
        print(f"tenderarchive export: {exc}", file=sys.stderr)
        return ExitCode.BAD_ARGUMENTS
    try:
        params = {}
        for item in args.param or []:
            name, sep, value = item.partition("=")
            if not sep or not name.strip():
                raise ExportError(f"--param {item!r}: give NAME=VALUE")
            params[name.strip()] = value
        source = args.source
        from tenderarchive.metadata import renamed_query

        if renamed := renamed_query(source, params):
            source, params = renamed
            print(f"tenderarchive export: the saved search {args.source.strip()} is now {source} "
                  f"(its parameters and columns are that search's)", file=sys.stderr)
        notes: list[str] = []
        count = export(args.db, source, args.format, args.excel, args.output, args.null, params, notes)
        for note in notes:
            print(f"tenderarchive export: {note}", file=sys.stderr)
    except OutputError as exc:
        print(f"tenderarchive export: {exc}", file=sys.stderr)
        return ExitCode.UNUSABLE_FILE
    except OlderArchive as exc:  # nothing wrong with the arguments: the archive lacks it until a crawl or reparse
        print(f"tenderarchive export: {exc}", file=sys.stderr)
        return ExitCode.FAILED
    except ExportError as exc:
        print(f"tenderarchive export: {exc}", file=sys.stderr)
        return ExitCode.FAILED if "no archive" in str(exc) else ExitCode.BAD_ARGUMENTS
    except BrokenPipeError:
        # The reader stopped early (`| head`): no traceback. Python would also report the
        # broken pipe again when it flushes stdout at exit, so stdout points to /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.COMPLETE
    if args.output not in (None, "-"):
        print(f"{count} rows written to {args.output}", file=sys.stderr)
    return ExitCode.COMPLETE


def add_report_options(p: argparse.ArgumentParser) -> None:
    """Options shared by ``report`` and ``crawl --watchlist``."""
    p.add_argument("--out", help="directory for crawl-N.md/.html/.atom and feed.atom (default: reports/ "
                                 "next to archive.db, reports/NAME/ next to NAME.db)")
    p.add_argument("--no-files", action="store_true", help="print only; write no report files")
    p.add_argument("--datasette-url", help="base URL of the Datasette serving the archive, for row links: a news "
                                           "page's archived copy, a notice's row (e.g. http://127.0.0.1:8001; env "
                                           "TENDERARCHIVE_DATASETTE_URL)")
    p.add_argument("--email", action="store_true", help="mail the report when something matched or the crawl did "
                                                        "not complete (partial, failed, killed) (SMTP settings below "
                                                        "or TENDERARCHIVE_SMTP_*)")
    p.add_argument("--email-empty", action="store_true", help="mail the report even when nothing matched "
                                                              "(implies --email)")
    p.add_argument("--smtp-host", help="SMTP server (env TENDERARCHIVE_SMTP_HOST, default localhost)")
    p.add_argument("--smtp-port", type=int, help="SMTP port (env TENDERARCHIVE_SMTP_PORT, default 25)")
    p.add_argument("--smtp-starttls", action="store_true", help="use STARTTLS (env TENDERARCHIVE_SMTP_STARTTLS)")
    p.add_argument("--mail-from", help="sender address (env TENDERARCHIVE_SMTP_FROM)")
    p.add_argument("--mail-to", action="append", help="recipient (repeatable; env TENDERARCHIVE_SMTP_TO, "
                                                      "comma-separated)")


#: What each exit code means, at the foot of every ``--help`` (README "Exit codes"; tenderarchive/exitcodes.py):
#: the help of a command run from cron or systemd did not say which numbers it returns.
EXIT_CODES_HELP = """exit codes (the same for every command):
  0 COMPLETE       done; a crawl completed (status: every source fresh)
  1 FAILED         a crawl archived nothing or could not reach its source; a command could not run
  2 BAD_ARGUMENTS  a bad argument (the message names it); nothing was requested
  3 PARTIAL        the crawl went on past errors; see tenderarchive status
  4 LOCKED         another crawl holds the archive's lock; this run did nothing
  5 STALE          status: a source is stale, its last crawl failed or was killed, or no crawl yet
  6 UNUSABLE_FILE  the archive, a WARC file, report's folder or export's --output cannot be used"""


def parser() -> argparse.ArgumentParser:
    import textwrap

    p = argparse.ArgumentParser(
        prog="tenderarchive", epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill("Crawl, archive and publish Dutch youth-care (jeugdhulp) procurement: crawl, "
                                  "build-demo, serve, status, report, export, reparse, extract.", 78))
    sub = p.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        """A subcommand whose --help says what it does (its line in the list) and its exit codes."""
        return sub.add_parser(name, help=help, description=textwrap.fill(help, 78), epilog=EXIT_CODES_HELP,
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    def common(sp):
        sp.add_argument("--db", default=None, help="archive path (setting ARCHIVE_DB; default archive.db)")
        sp.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="Scrapy setting")
        sp.add_argument("--quiet", action="store_true", help="warnings and errors only (for cron)")

    crawl = command("crawl", help="crawl a source into the archive")
    crawl.add_argument("spider", nargs="?", default="tenderned",
                       help="tenderned (the default), tenderned_ocds or news; all: every spider, with --dry-run only")
    crawl.add_argument("--from-date", help="first publication date, YYYY-MM-DD (default: tenderned continues "
                                           "from the last complete crawl, 7 days ago when there is none; news "
                                           "and tenderned_ocds: no lower bound)")
    crawl.add_argument("--until-date", help="last publication date, YYYY-MM-DD (default: today)")
    crawl.add_argument("--sample", help="fetch only N records")
    crawl.add_argument("--profile", help="topic profile name or YAML path (default youth_care)")
    crawl.add_argument("--api-url", help="TenderNed API base URL (setting TENDERNED_API_URL)")
    crawl.add_argument("--note", help="free text stored with the crawl")
    crawl.add_argument("--sources", help="news source registry YAML (default: the shipped one)")
    crawl.add_argument("--site", action="append", metavar="NAME",
                       help="news: crawl only this site of the registry (its name or a municipality; repeatable)")
    crawl.add_argument("--replay", metavar="PATH", help="serve responses from this WARC file or folder, not the network")
    crawl.add_argument("--watchlist", help="after the crawl (complete, partial or failed), report what is new or changed for this "
                                            "watchlist; a failed crawl's report says what went wrong")
    crawl.add_argument("--dry-run", action="store_true",
                       help="fetch and parse (one record unless --sample says more) into a throwaway archive; "
                            "print the outcome; the archive is not touched")
    crawl.add_argument("--wait-lock", type=_wait_seconds, default=0, metavar="DURATION",
                       help="when another crawl holds the archive's lock, wait for it at most this long "
                            "(seconds, or 30m, 4h) and crawl when it ends; still held then: exit 4 (default: exit 4 "
                            "at once)")
    crawl.add_argument("--jobdir", help="keep the crawl's queue here, so an interrupted backfill (Ctrl-C) "
                                        "resumes where it stopped when run again with the same --jobdir")
    common(crawl)
    add_report_options(crawl)
    crawl.set_defaults(func=cmd_crawl)

    demo = command("build-demo", help="build the archive from the bundled synthetic snapshot")
    common(demo)
    demo.set_defaults(func=cmd_build_demo)

    serve = command("serve", help="publish the archive with Datasette (read-only)")
    serve.add_argument("--db", default="archive.db", help="archive path (default archive.db)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8001, help="port (default 8001)")
    serve.add_argument("--live", action="store_true",
                       help="open the archive mode=ro, not immutable, so crawls that run while it is "
                            "served show up (SQLite may then keep -wal/-shm files next to it)")
    serve.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"),
                       help="override one Datasette setting (see tenderarchive/serve.py SETTINGS), "
                            "e.g. --setting max_csv_mb 1 or --setting trace_debug 1")
    serve.set_defaults(func=cmd_serve)

    reparse = command("reparse", help="rebuild the archive from the WARC store with the current parsers")
    reparse.add_argument("--db", default="archive.db", help="archive path (default archive.db)")
    reparse.add_argument("--warc", help="WARC store (default: warc/ next to the archive)")
    reparse.add_argument("--force", action="store_true",
                         help="replace the archive even with fewer notices, articles, documents, lots or awards than it holds now "
                              "(never fewer than the store's fetch index implies), and read a damaged store")
    reparse.add_argument("--accept-dropped", action="store_true",
                         help="accept a rebuild without rows whose responses the store holds (the current "
                              "parsers reject those pages on purpose, e.g. a soft 404); warns and names some; "
                              "the old archive is kept at <archive>.before-reparse")
    reparse.add_argument("--jobs", default="1", metavar="N",
                         help="processes to use (default 1): the replay and the archive writes stay in one "
                              "process, in the crawl's order; parsing the stored responses' items (details, "
                              "award pages, news pages, places) runs in N-1 worker processes. Same archive "
                              f"for any N (1 to {MAX_JOBS})")
    reparse.set_defaults(func=cmd_reparse)

    extract = command("extract", help="extract and analyse one page (HTML or text file, or a URL); prints JSON")
    extract.add_argument("source", metavar="PATH_OR_URL")
    extract.add_argument("--url", help="the page's address, when PATH_OR_URL is a local file (default: an HTML file's "
                         "file: URL; a text file none, its title not taken from the file's name)")
    extract.add_argument("-s", "--set", action="append", metavar="NAME=VALUE",
                         help="setting, e.g. EXTRACT_TIMEOUT=30 or EXTRACT_MAXSIZE=1000000")
    extract.set_defaults(func=cmd_extract)

    status = command("status", help="show the last crawls and whether every source is fresh")
    status.add_argument("--db", default="archive.db", help="archive path (default archive.db)")
    status.add_argument("--limit", type=_count, default=10,
                        help="crawls to show (default 10; 0: the sources' health alone)")
    status.add_argument("--errors", type=_count, default=5, help="errors to show per crawl (default 5)")
    status.add_argument("--crawl", type=_crawl_id, metavar="N",
                        help="show crawl N alone, however old (instead of the last --limit crawls), e.g. with "
                             "--errors to list all its errors")
    status.add_argument("--json", action="store_true", help="the last crawls as JSON")
    status.add_argument("--max-age-hours", type=_hours, default=48,
                        help="a source whose last successful crawl is older is stale: exit 5 (default 48)")
    status.add_argument("--strict", action="store_true",
                        help="also exit 5 on a warning: a crawl's item count or field coverage dropped sharply, "
                             "the last crawl partial or reading past source drift")
    status.add_argument("--sources-json", action="store_true",
                        help="print the per-source health as JSON (for monitoring scripts)")
    status.add_argument("--expect", action="append", metavar="SPIDER",
                        help="a spider the schedule runs (repeat, or comma-separated): one with no crawl in "
                             "the archive is a problem, exit 5 (without it, a spider never run is only listed); "
                             "given, a spider not named (a one-off backfill) is not judged stale")
    status.set_defaults(func=cmd_status)

    report = command("report", help="what is new or changed for a watchlist in a crawl")
    report.add_argument("--watchlist", required=True, help="watchlist YAML (see docs/watchlist.example.yaml)")
    report.add_argument("--crawl", type=_crawl_id, help="crawl id (default: the last crawl)")
    report.add_argument("--unreported", action="store_true",
                        help="report, in order, every crawl after the last one --unreported reported (recorded in "
                             "the report folder's last-reported.txt; a report by hand does not count; with none there "
                             "yet, the last crawl only, or every crawl from one whose e-mailed report failed or one "
                             "killed in the 7 days before the last): for "
                             "scrapyd, several spiders, or a missed night")
    report.add_argument("--db", default="archive.db", help="archive path (default archive.db)")
    report.add_argument("--quiet", action="store_true",
                        help="print the report only when something matched or the crawl did not complete "
                             "(partial, failed, killed) (for cron, which mails output)")
    report.add_argument("--crawl-exit", action="store_true",
                        help="once the report is made (and mailed), exit with the reported crawl's outcome, as "
                             "crawl does: 3 partial, 1 failed or killed, 0 complete (--unreported: the worst of "
                             "its crawls), for a cron wrapper or monitor that alerts on the exit code; a report "
                             "that failed keeps its own code")
    add_report_options(report)
    report.set_defaults(func=cmd_report)

    export = command("export", help="export a table, view, saved search or SQL query completely as CSV or JSON")
    export.add_argument("source", metavar="TABLE_OR_SQL",
                        help="a table or view name, a saved search of the Datasette site by name, or a SELECT query")
    export.add_argument("--param", action="append", metavar="NAME=VALUE",
                        help="value of :NAME in the saved search or query (repeatable; one not given is empty, "
                             "or the saved search's default for an empty one; no rows for want of one with no default: "
                             "refused, exit 2)")
    export.add_argument("--format", choices=["csv", "json"], default=None, help="csv (default; a saved search's CSV holds the columns its page on the site shows, "
                        "not its Atom feed's atom_*) or json (every column)")
    export.add_argument("--excel", action="store_true", help="CSV for a Dutch Excel: UTF-8 with BOM, ';' separator, decimal comma, "
                        "an apostrophe before a text Excel would run as a formula (=, +, -, @)")
    export.add_argument("--db", default="archive.db", help="archive path (default archive.db)")
    export.add_argument("--output", "-o", default=None, help="output file (default: standard output)")
    export.add_argument("--null", default=None, metavar="TEXT",
                        help="CSV: write TEXT for NULL (default: an empty field, as for an empty text)")
    export.set_defaults(func=cmd_export)
    return p


#: Commands that write to the archive (the others only read it).
WRITERS = {"crawl", "build-demo", "reparse"}

#: Options naming a file, folder, source or site, whose empty value (an unset variable in a cron line:
#: ``--replay "$WARC"``) was taken as no value: the crawl fell back to the default one, the real TenderNed API
#: instead of ``--api-url ''``, the network instead of ``--replay ''``, every news site instead of ``--site ''``.
NOT_EMPTY = {"db", "api_url", "replay", "profile", "sources", "site", "jobdir", "watchlist", "out", "output", "warc",
             "datasette_url"}
#: Options naming a file or folder: any bytes the file system allows (the others are text, see ``_check_values``).
PATHS = {"db", "replay", "profile", "sources", "jobdir", "watchlist", "out", "output", "warc"}


def _check_values(args) -> int | None:
    """A value of the command line that cannot be used as it was given: exit 2 naming the option, before anything
    runs, else None. Empty where it names a file, source or site (``NOT_EMPTY``); text that is no UTF-8 (a Latin-1
    terminal's ``--note 'café'``, which Python keeps as lone surrogates) where it is stored, matched or sent as
    text: it ended in a UnicodeEncodeError traceback as SQLite or the output took it (``export --param``,
    ``--null``, a crawl's ``--note``, which lost the crawl's record). A file name may hold any bytes."""
    positional = {"spider": "SPIDER", "source": "PATH_OR_URL" if args.command == "extract" else "TABLE_OR_SQL",
                  "set": "-s"}
    for dest, value in vars(args).items():
        if dest in ("func", "command"):
            continue
        option = positional.get(dest) or "--" + dest.replace("_", "-")
        values = value if isinstance(value, list) else [value]
        for given in [v for item in values for v in (item if isinstance(item, list) else [item])]:
            if not isinstance(given, str):
                continue
            if dest in NOT_EMPTY and not given.strip():
                return _bad(option, "is empty (leave the option out for its default)")
            if dest in PATHS or (dest == "source" and args.command == "extract"):
                continue
            try:
                given.encode("utf-8")
            except UnicodeEncodeError:
                shown = given.encode("utf-8", "surrogateescape").decode("latin-1")
                return _bad(option, f"{shown!r} is not UTF-8 text (is the terminal's or cron's locale UTF-8?)")
    return None


def main(argv: list[str] | None = None) -> int:
    """Run one command. The error boundary: a broken file is one line on stderr naming the
    file and the problem, with exit code 6 (see tenderarchive/files.py), never a traceback."""
    import sqlite3

    args = parser().parse_args(argv)  # argparse itself exits 2 (ExitCode.BAD_ARGUMENTS) on a bad option
    if (refused := _check_values(args)) is not None:
        return refused
    db = getattr(args, "db", None)
    try:
        if db is not None or args.command in WRITERS - {"crawl"}:
            check_archive(db or "archive.db", write=args.command in WRITERS)
        return int(args.func(args))
    except UnusableFile as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return ExitCode.LOCKED if isinstance(exc, ArchiveBusy) else ExitCode.UNUSABLE_FILE
    except sqlite3.DatabaseError as exc:  # damage found only while reading (a corrupt page)
        if busy(exc):  # or a writer that took the file for itself after the check: busy, not damaged
            print(f"tenderarchive: {ArchiveBusy(db or 'archive.db', exc)}", file=sys.stderr)
            return ExitCode.LOCKED
        print(f"tenderarchive: {db or 'archive.db'}: the archive is damaged: {exc}", file=sys.stderr)
        return ExitCode.UNUSABLE_FILE


if __name__ == "__main__":
    sys.exit(main())
