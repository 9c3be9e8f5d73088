"""Rebuild the archive from the WARC store with the current parsers and pipelines.

Every WARC file holds one crawl and starts with a ``warcinfo`` record naming the
spider, its arguments and the settings it ran with. ``reparse`` replays the crawls
in their original order (what ``crawl --replay FILE`` does, with the original crawl
id) into a new archive, with no network at all, then swaps it in;
the previous archive is kept as ``<archive>.before-reparse``. Because replay
serves the recorded responses in their recorded order and provenance comes from
the WARC-Date (or, for a crawl run under ``TENDERARCHIVE_NOW``, the moment its warcinfo records as
``now``, which it read every page as of: :func:`recorded_moments`), a crawl followed by a reparse
yields the same rows.

All crawls replay in this one process, one after the other (:func:`replay_all`; issue 14): a
store of daily crawls is thousands of WARC files, and a subprocess per file paid Python's,
Scrapy's and the reference data's start-up each time. A crawl whose WARC file holds only 2xx
responses is fed straight to the spider's callbacks, the item pipelines and the store, with no
engine, scheduler, downloader or reactor (``tenderarchive/replay/direct.py``, about 10× faster
than the engine); a file with retries, redirects or HTTP errors recorded replays through
Scrapy's engine on one Twisted reactor, as ``crawl --replay`` does. Both give the rows the
crawl gave (``tests/test_reparse.py``).

The swap never leaves the archive path empty: the new archive is built beside the
old one (``<archive>.reparse``), both are checkpointed (their WAL folded in), the
old one is kept complete as ``<archive>.before-reparse`` (its own file under a second name, a hard
link, when its checkpoint folded in every page; else a copy by SQLite's backup API: :func:`swap`),
and the new one is renamed over the old path in one atomic ``os.replace``. The new archive is
built in bulk (issue 14): no facet-counting triggers, and the secondary indexes of the tables the
item writers fill (``schema.DEFERRED_INDEX_TABLES``) created once, after the first crawl's items and
before its derivation, not updated row by row; its rollback journal in memory instead of a WAL (``writes.BULK_JOURNAL``),
the finished file put back in WAL mode and synced before the swap (``writes.wal_again``). A rebuild killed before that leaves
``<archive>.reparse`` marked so that the next open creates them (and the next reparse deletes it).

:func:`guarded_reparse` (what ``tenderarchive reparse`` runs; issue 13) adds the
safety around it: it holds the archive's crawl lock for the whole rebuild (or exits
4 at once when a crawl runs), refuses a damaged WARC store (exit 6, the checks of
tenderarchive/files.py made while the replay reads each file, so the store is read once;
the rebuild so far is deleted), and refuses to swap in a rebuild that holds fewer notices
or articles than the store's fetch index says it holds the responses for, or (unless
``--force``) fewer than the archive it would replace (exit 1; the rebuild is left at
``<archive>.reparse`` for inspection and the archive is untouched). The first refusal names
some of the pages not rebuilt; ``--accept-dropped`` accepts it with a warning, for a parser
fixed on purpose to reject pages it used to archive.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml

from tenderarchive import readonly
from tenderarchive.exitcodes import ExitCode
from tenderarchive.lock import lock_path_for
from tenderarchive.rawstore import read_info, warc_files, warc_key
from tenderarchive.store import facet_counts
from tenderarchive.store.schema import finish_bulk, start_bulk
from tenderarchive.store.writes import bulk_build, open_archive, wal_again

#: The arguments a crawl recorded that a replay gives its spider again (``note`` and ``sources`` are given below): a
#: ``site`` crawl replayed without its ``site`` was a crawl of the whole registry, counted as the source's last.
#: A ``profile_file`` (the path of a profile file of the user's) is given so that the rebuilt crawl names that file, not
#: the temporary one its replay reads the recorded profile from.
SPIDER_ARGUMENTS = ("from_date", "until_date", "sample", "profile", "profile_file", "site")


def crawl_plan(path: Path, info: dict, root: Path, workdir: Path, force: bool = False,
               original_times: bool = True) -> tuple[list[str], dict]:
    """How to replay one recorded crawl: its ``NAME=VALUE`` setting overrides and spider arguments.
    ``original_times``: the crawl keeps the times it ran (``CRAWL_TIMES_FROM_WARC``)."""
    args = info.get("arguments") or {}
    overrides = [f"WARC_REPLAY={path}", f"WARC_DIR={root}", f"CRAWL_ID={info['crawl_id']}", "DOWNLOAD_DELAY=0",
                 "AUTOTHROTTLE_ENABLED=False",
                 # Scrapy starts CONCURRENT_ITEMS asyncio workers for every response's output (100 by
                 # default: ~100 tasks per response, a third of a replay's time); a response yields a
                 # handful of items, and the pipelines are synchronous, so one worker does the same work.
                 "CONCURRENT_ITEMS=1",
                 # The fetch index 2,000 rows per commit, and no batch committed early for its age: nothing
                 # reads the rebuild before the swap, and a killed reparse discards it (issue 14: each
                 # commit rewrote the pages of the five indexes it touched; 40,000 rows took 1.2 CPU-s in
                 # batches of 200, 0.8 in batches of 2,000). Items stay ARCHIVE_BATCH_ITEMS a batch (an
                 # item holds its response bodies).
                 "FETCHES_BATCH_ROWS=2000", "ARCHIVE_BATCH_SECONDS=60"]
    if force:
        overrides.append("WARC_REPLAY_DAMAGED_OK=True")  # replay what a cut file still holds
    if info.get("resumed_files"):
        # a JSON list (middlewares.path_list): a folder's name may hold a comma
        overrides.append("WARC_REPLAY_RESUMED=" + json.dumps([str(file) for file in info["resumed_files"]]))
        if info.get("resumed_crawls"):  # their crawl ids: one crawl with this one (pipelines/archive.py)
            overrides.append("RESUMED_CRAWLS=" + json.dumps(info["resumed_crawls"]))
    if original_times:
        overrides.append("CRAWL_TIMES_FROM_WARC=True")
    if info.get("close_reason"):  # a crawl stopped before it ended stays so (recorded_stops)
        overrides.append(f"REPLAY_CLOSE_REASON={info['close_reason']}")
    crawl_date, crawl_now = recorded_moments(info)
    if crawl_date:
        # the crawl's own date, where its spider judges by the day (settings.py CRAWL_DATE): a rebuild on
        # a later day excuses the shortfall of the crawl's today, re-checks the living pages it re-checked
        overrides.append(f"CRAWL_DATE={crawl_date}")
    if crawl_now:  # run under TENDERARCHIVE_NOW: its pages read as of that moment again (settings.py CRAWL_NOW)
        overrides.append(f"CRAWL_NOW={crawl_now}")
    spider_args = {name: str(args[name]) for name in SPIDER_ARGUMENTS if args.get(name) is not None}
    if info.get("note"):
        spider_args["note"] = info["note"]
    if isinstance(info.get("profile"), dict):
        # the topic profile file of the user's the crawl ran with, as it recorded it (spiders/tenderned.py): the
        # crawl's arguments name it only, which is no profile the package has
        profile = workdir / f"profile-{info['crawl_id']}.yaml"
        profile.write_text(yaml.safe_dump(info["profile"], allow_unicode=True, sort_keys=False), encoding="utf-8")
        spider_args["profile"] = str(profile)
    if info.get("registry"):
        registry = registry_file(workdir, info)
        registry.write_text(info["registry"], encoding="utf-8")
        spider_args["sources"] = str(registry)
    overrides += [f"{name}={value}" for name, value in (info.get("settings") or {}).items() if value is not None]
    return overrides, spider_args


def recorded_moments(info: dict) -> tuple[str | None, str | None]:
    """The moments a recorded crawl (its WARC file's warcinfo ``info``) is replayed as of: ``CRAWL_DATE`` (its now,
    whose day is its today) and ``CRAWL_NOW`` (the moment it read every page as of, or None: each as of its
    WARC-Date). A crawl run under ``TENDERARCHIVE_NOW`` recorded that moment (``now``): both. Else its file's start
    (``warc_date``), the machine's time; but a file that records no ``now`` and a ``today`` (its arguments') of another
    day than its start's (a crawl as of another day, recorded before round 68) runs as of that day, at the hour its
    file began: the rebuild re-recorded the WARC-Date's day as the crawl's today, and the next incremental window
    started from it (``store/queries.py`` ``ran_on``)."""
    if info.get("now"):
        return str(info["now"]), str(info["now"])
    began = info.get("warc_date")
    today = (info.get("arguments") or {}).get("today")
    if not began or not isinstance(today, str):
        return began, None
    from datetime import date, datetime

    from tenderarchive.arguments import AMSTERDAM

    try:
        moment = datetime.fromisoformat(str(began).replace("Z", "+00:00")).astimezone(AMSTERDAM)
        day = date.fromisoformat(today)
    except ValueError:
        return began, None
    if day == moment.date():
        return began, None
    return moment.replace(year=day.year, month=day.month, day=day.day).isoformat(), None


def registry_file(workdir: Path, info: dict) -> Path:
    """Where a replay writes the source registry a crawl recorded (its spider reads it from there)."""
    return workdir / f"sources-{info['crawl_id']}.yaml"


def record_registries(db, crawls: list[tuple[int, Path, dict]], workdir: Path,
                      registry_name: str | None = None) -> None:
    """The registry each replayed crawl read, as the crawl recorded it (``crawls.source``, ``arguments.sources``):
    a replay reads it from a file of the reparse's temporary folder (:func:`registry_file`), and the rebuilt
    archive named that file, gone once the reparse ended, where the crawl had named its registry.
    ``registry_name``: the name to give it instead (``build-demo``: the bundled snapshot was recorded from a
    registry in the recording machine's temporary folder, a path no reader can open)."""
    from tenderarchive.store.keys import dumps

    for crawl_id, _, info in crawls:
        recorded = (info.get("arguments") or {}).get("sources")
        if not info.get("registry") or not recorded:
            continue
        recorded = registry_name or recorded
        replayed = str(registry_file(workdir, info))
        for row in db.query("select source, arguments from crawls where crawl_id = ? "
                            "and json_extract(arguments, '$.sources') = ?", [crawl_id, replayed]):
            arguments = {**json.loads(row["arguments"]), "sources": recorded}
            db["crawls"].update(crawl_id, {"arguments": dumps(arguments),
                                           "source": recorded if row["source"] == replayed else row["source"]})
    db.conn.commit()


def replay_all(crawls: list[tuple[int, Path, dict]], db: Path, root: Path, workdir: Path,
               force: bool = False, direct: bool = True, check: bool = False,
               original_times: bool = True, jobs: int = 1, settings: list[str] | None = None,
               quiet: bool = False) -> list[int]:
    """Replay ``crawls`` (crawl id, WARC file, warcinfo) into ``db``, in order, in this process;
    the exit code of each (as ``tenderarchive crawl`` would have returned).

    A crawl whose WARC file holds only 2xx responses is replayed straight through the spider's
    callbacks and the pipelines (``tenderarchive/replay/direct.py``); any other (retries,
    redirects, HTTP errors recorded; a file warcio cannot read to the end) through Scrapy's
    engine, on one reactor started only when such a crawl comes. ``direct=False`` replays every
    crawl through the engine (``bench/reparse_speed.py`` compares the two). ``check``: each
    file is checked as it is read (``ResponseIndex(check=True)``), and a damaged one raises
    ``tenderarchive.files.UnusableFile`` instead of going to the engine. ``jobs``: a direct replay
    runs the item pipelines that need no archive in ``jobs - 1`` worker processes
    (``tenderarchive/replay/workers.py``); a worker that fails raises ``ReplayWorkerFailed``.
    ``settings``: ``NAME=VALUE`` settings of every replay (``build-demo -s``), under each crawl's own
    (:func:`crawl_plan`, which wins); ``quiet``: no line per crawl, warnings and errors only."""
    from tenderarchive.replay import ReplayWorkerFailed, gc_paused

    crawls = with_resumed(crawls)
    with gc_paused():  # start-up: imports, settings, the spider loader (issue 14)
        from tenderarchive.files import UnusableFile
        from scrapy.utils.log import configure_logging
        from scrapy.utils.misc import load_object

        from tenderarchive.cli import project_settings
        from tenderarchive.lock import crawl_lock
        from tenderarchive.rawstore import ResponseIndex

        base = project_settings(str(db), settings, quiet=True)
        if "twisted.internet.reactor" not in sys.modules:  # the reactor Scrapy wants, before anything imports one
            from scrapy.utils.reactor import install_reactor

            install_reactor(base.get("TWISTED_REACTOR") or "twisted.internet.asyncioreactor.AsyncioSelectorReactor")
        configure_logging(base)
        base = with_spider_modules_of(base, {info.get("spider") for _, _, info in crawls})
        loader = load_object(base["SPIDER_LOADER_CLASS"]).from_settings(base.frozencopy())

    def direct_replay(crawl_id: int, path: Path, info: dict) -> int | None:
        """The crawl's exit code, or None when it needs the engine."""
        with gc_paused():  # the direct replay's modules live through the replay (round 33)
            from tenderarchive.replay.direct import replay_crawl, replayable

        if not direct:
            return None
        began, cpu = time.perf_counter(), time.process_time()
        try:
            with gc_paused():  # the index's objects live through the replay (issue 14)
                index = ResponseIndex(path, keep_bodies=KEEP_BODIES, check=check,
                                      resumed=info.get("resumed_files") or ())
        except UnusableFile:
            raise
        except Exception:  # a cut or damaged file (--force): the engine replays what it can
            return None
        spidercls = loader.load(info["spider"])
        if not replayable(index, expects_json=getattr(spidercls, "expects_json", False),
                          page_urls=getattr(spidercls, "page_urls", None)):
            return None
        overrides, spider_args = crawl_plan(path, info, root, workdir, force, original_times)
        seconds = {"read WARC": time.process_time() - cpu}
        read_wall = time.perf_counter() - began
        try:
            status = replay_crawl(spidercls,
                                  project_settings(str(db), [*(settings or []), *overrides], quiet=True),
                                  spider_args, index, seconds, jobs)
            wall, total = seconds.pop("wall") + read_wall, seconds.pop("total") + seconds["read WARC"]
            if not quiet:
                print(f"replayed crawl {crawl_id}: {index_said(index)} in {wall:.2f} s ({total:.2f} CPU-s; "
                      "per step, CPU-s: " + ", ".join(f"{step} {value:.2f}" for step, value in seconds.items()) + ")",
                      file=sys.stderr)
        except ReplayWorkerFailed:  # not the crawl's fault: the whole reparse fails
            raise
        except Exception as exc:  # a spider argument or registry the current code refuses
            print(f"tenderarchive: replay of crawl {crawl_id} failed: {exc!r}", file=sys.stderr)
            status = "failed"
        return ExitCode.of_crawl(status)

    codes: list[int] = []

    def note(crawl_id, path, info, how):
        if not quiet:
            print(f"reparsed crawl {crawl_id} ({info['spider']}, {path.name}, {how}): exit {codes[-1]}",
                  file=sys.stderr)

    with crawl_lock(db):
        rest = list(crawls)
        while rest:
            code = direct_replay(*rest[0])
            if code is None:
                break
            codes.append(code)
            note(*rest[0], "direct")
            rest.pop(0)
        if rest:
            codes += _engine_replay(rest, db, root, workdir, force, base, direct_replay, note, codes,
                                    original_times, settings, quiet)
    return codes


def replay_said(read: int, answered: int, resumed: int = 0, unread: int = 0) -> str:
    """What a replay read, for its line on stderr: "54 recorded responses read, answering 61 requests (2 records not
    asked for; 5 read from the files of the crawls it resumed)". ``read``: the records of the crawl's own file served
    (each once: the crawl's ``responses``, ``CrawlRecorder``); ``answered``: the requests they answered (a request
    asked again is answered by its URL's last record again); ``resumed``: the records served from the files of the
    crawls it resumed (``--jobdir``), not its own; ``unread``: its own file's records no request asked for. The line
    said "replayed N responses", N the records indexed: neither the responses served nor the records read (round 26
    made ``crawls.responses`` the records read), the resumed crawls' records counted in."""
    said = (f"{read} recorded response{'s' * (read != 1)} read, answering {answered} "
            f"request{'s' * (answered != 1)}")
    notes = []
    if unread:
        notes.append(f"{unread} record{'s' * (unread != 1)} not asked for")
    if resumed:
        notes.append(f"{resumed} read from the files of the crawls it resumed")
    return said + (f" ({'; '.join(notes)})" if notes else "")


def index_said(index) -> str:
    """:func:`replay_said` of a direct replay's ``tenderarchive.rawstore.ResponseIndex``."""
    # its own file's records that no request asked for (a page the current spider no longer follows)
    unread = sum(len(r) for url, r in index.by_url.items() if url not in index.resumed_urls) - index.records_read
    return replay_said(index.records_read, sum(index.served.values()), index.resumed_read, unread)


def with_spider_modules_of(settings, names):
    """``settings`` (a copy) whose ``SPIDER_MODULES`` are only the modules of the spiders ``names``, when
    Scrapy's own loader finds every one of them there; else ``settings`` unchanged.

    Why (issue 14): Scrapy's ``SpiderLoader`` imports every module under ``SPIDER_MODULES`` to find a
    spider by name, and a reparse of a store of TenderNed crawls paid for compiling and importing the
    news spider and its source registry (≈ 0.045 CPU-s a process without ``.pyc``). A reparse knows the
    spiders its crawls ran (their warcinfo). The candidate module of a spider is ``PACKAGE.NAME`` for
    each package of ``SPIDER_MODULES`` (this project's layout: ``spiders/tenderned.py`` holds the spider
    ``tenderned``); which of them holds which spider is still Scrapy's loader's answer, not a list kept
    here: the narrowed loader must find every name, and where one is not found (a spider whose module
    is named otherwise, a name no spider has) the full ``SPIDER_MODULES`` are kept, as before."""
    import importlib.util

    from scrapy.utils.misc import load_object

    names = {name for name in names if name}
    if not names:
        return settings
    modules = []
    for package in settings.getlist("SPIDER_MODULES"):
        for name in sorted(names):
            module = f"{package}.{name}"
            try:
                found = importlib.util.find_spec(module) is not None
            except (ImportError, ValueError):  # the package itself is not importable as one
                found = False
            if found:
                modules.append(module)
    if not modules:
        return settings
    narrowed = settings.copy()
    narrowed.set("SPIDER_MODULES", modules, priority=settings.getpriority("SPIDER_MODULES") or "project")
    try:
        loader = load_object(narrowed["SPIDER_LOADER_CLASS"]).from_settings(narrowed.frozencopy())
        if names <= set(loader.list()):
            return narrowed
    except Exception:  # a candidate module that fails to import: the full loader says what is wrong
        pass
    return settings


def with_resumed(crawls: list[tuple[int, Path, dict]]) -> list[tuple[int, Path, dict]]:
    """``crawls``, the warcinfo of a crawl that resumed another (``--jobdir``: its warcinfo's ``resumes``,
    written by ``tenderarchive/middlewares.py`` RawStoreMiddleware) given ``resumed_files``: the WARC files of
    the crawls it resumed, nearest first, those of ``crawls``. Its own file has no list pages (the crawl it
    resumed fetched them and queued what it found): replayed from ``start()`` with its own file alone, its
    list requests went unanswered and its notices were never reached."""
    files = {crawl_id: path for crawl_id, path, _ in crawls}
    infos = {crawl_id: info for crawl_id, _, info in crawls}
    out = []
    for crawl_id, path, info in crawls:
        chain, ids, resumes = [], [], info.get("resumes")
        while resumes and str(resumes).isdigit() and int(resumes) in files and files[int(resumes)] not in chain \
                and int(resumes) != crawl_id:
            chain.append(files[int(resumes)])
            ids.append(int(resumes))
            resumes = infos[int(resumes)].get("resumes")
        out.append((crawl_id, path, {**info, "resumed_files": chain, "resumed_crawls": ids} if chain else info))
    return out


class ResumedFileMissing(LookupError):
    """The WARC file of a crawl that another resumed is not where that one's file is (or is not one file)."""


def resumed_in_folder(path: Path, info: dict | None = None) -> list[Path]:
    """The WARC files of the crawls that the crawl recorded in ``path`` resumed (its warcinfo's
    ``resumes``, followed back: see :func:`with_resumed`), nearest first, found by their warcinfo
    (same spider, that crawl id) in the folder that holds ``path``; [] for a crawl that resumed
    none. Raises :class:`ResumedFileMissing` naming the crawl when its file is not in the folder,
    or when two files there are that crawl (two archives' crawls in one store): replayed without
    it, the crawl's list requests go unanswered and it archives less than it did."""
    path = Path(path)
    info = warc_info(path, quiet=True) if info is None else info
    chain, seen, resumes = [], {path.resolve()}, info.get("resumes")
    others = None
    while resumes and str(resumes).isdigit():
        if others is None:
            others = [(other, warc_info(other, quiet=True)) for other in warc_files(path.parent)
                      if other.resolve() not in seen]
        found = [other for other, other_info in others if other.resolve() not in seen
                 and other_info.get("crawl_id") == str(resumes) and other_info.get("spider") == info.get("spider")]
        named = chain[-1].name if chain else path.name
        if len(found) != 1:
            what = ("is not in " if not found
                    else f"is one of {', '.join(f.name for f in found)} in ")
            raise ResumedFileMissing(
                f"{named} is a crawl that resumed crawl {resumes} (--jobdir), whose WARC file (its list pages) "
                f"{what}{path.parent}")
        chain.append(found[0])
        seen.add(found[0].resolve())
        resumes = dict(others)[found[0]].get("resumes")
    return chain


#: Bytes of response bodies a direct replay keeps in memory from indexing a WARC file (beyond it,
#: bodies are read again from the file when served).
KEEP_BODIES = 512 * 1024 * 1024


def _engine_replay(crawls, db, root, workdir, force, base, direct_replay, note, codes,
                   original_times=True, settings: list[str] | None = None, quiet: bool = False) -> list[int]:
    """Replay ``crawls`` on one Twisted reactor: through Scrapy's engine, or directly where they can
    (``settings``: the ``NAME=VALUE`` settings of every replay, :func:`replay_all`)."""
    from scrapy.crawler import Crawler, CrawlerProcess
    from twisted.internet import defer

    from tenderarchive.cli import project_settings

    from tenderarchive.replay import ReplayWorkerFailed

    process = CrawlerProcess(base)
    start = len(codes)
    failed: list[ReplayWorkerFailed] = []

    interrupted: list[int] = []

    def note_signals():
        # Scrapy's handlers (installed once the reactor started) stop the crawl gracefully and the
        # reactor then returns as if the replay had ended: a Ctrl-C or SIGTERM while the engine ran
        # would let the reparse go on to swap in an archive rebuilt from part of the store. Each
        # handler is wrapped to remember the signal; it is raised below, once the reactor stopped.
        for signum in (signal.SIGINT, signal.SIGTERM):
            handler = signal.getsignal(signum)
            if callable(handler):
                def remember(number, frame, handler=handler):
                    interrupted.append(number)
                    handler(number, frame)
                signal.signal(signum, remember)

    @defer.inlineCallbacks
    def run():
        from twisted.internet import reactor

        reactor.callLater(0, note_signals)  # after the startup triggers that install Scrapy's handlers
        try:
            for crawl_id, path, info in crawls:
                try:
                    code = direct_replay(crawl_id, path, info)
                except ReplayWorkerFailed as exc:  # raised below, once the reactor stopped
                    failed.append(exc)
                    return
                if code is not None:
                    codes.append(code)
                    note(crawl_id, path, info, "direct")
                    continue
                overrides, spider_args = crawl_plan(path, info, root, workdir, force, original_times)
                crawl_settings = project_settings(str(db), [*(settings or []), *overrides], quiet=True)
                try:
                    crawler = Crawler(process.spider_loader.load(info["spider"]), crawl_settings)
                    yield process.crawl(crawler, **spider_args)
                    status = crawler.stats.get_value("tenderarchive/status") or "failed"
                    stat = lambda key: int(crawler.stats.get_value(key) or 0)  # noqa: E731
                    if not quiet:
                        print(f"replayed crawl {crawl_id}: " + replay_said(
                            stat("replay/records_read"), stat("downloader/response_count"),
                            stat("replay/resumed_records_read")) + " (through Scrapy's engine)", file=sys.stderr)
                except Exception as exc:  # a spider argument or registry the current code refuses
                    print(f"tenderarchive: replay of crawl {crawl_id} failed: {exc!r}", file=sys.stderr)
                    status = "failed"
                codes.append(ExitCode.of_crawl(status))
                note(crawl_id, path, info, "engine")
        finally:
            from twisted.internet import reactor

            reactor.callLater(0, reactor.stop)

    from twisted.internet import reactor  # the one CrawlerProcess installed

    reactor.callWhenRunning(run)
    process.start(stop_after_crawl=False)
    if interrupted:
        del codes[start:]
        raise KeyboardInterrupt(f"reparse stopped by signal {interrupted[0]}; the archive is unchanged")
    if failed:
        del codes[start:]
        raise failed[0]
    added = codes[start:]
    del codes[start:]
    return added


def warc_info(path: Path, quiet: bool = False) -> dict:
    """``read_info``, or {} (with a warning unless ``quiet``) for a file that is not WARC."""
    try:
        return read_info(path)
    except Exception as exc:  # warcio raises several types on a file that is not WARC
        if not quiet:
            print(f"tenderarchive: warning: {path}: skipped, not a WARC file ({type(exc).__name__})",
                  file=sys.stderr)
        return {}


def reparse(db_path: Path, warc_root: Path | None = None,
            accept: Callable[[Path], str | None] | None = None, force: bool = False, direct: bool = True,
            check: bool = False, original_times: bool = True, jobs: int = 1, own_files: bool = False,
            settings: list[str] | None = None, quiet: bool = False, registry_name: str | None = None) -> int:
    """Rebuild ``db_path`` from the WARC store; ``accept(new_db)`` may veto the swap by
    returning the reason (then nothing is replaced and the exit code is 1). ``direct=False``
    replays every crawl through Scrapy's engine (see :func:`replay_all`). ``check``: every
    file is checked as ``tenderarchive.files.check_warc`` would, while it is read for the
    replay; a damaged one raises ``UnusableFile`` and leaves nothing behind. ``original_times``:
    each crawl keeps the times it ran, from its WARC file (the demo build, ``False``, is dated
    when it is built). ``jobs``: processes for a direct replay (:func:`replay_all`). ``own_files``
    (``tenderarchive reparse``): when the archive exists and its ``crawls`` name WARC files, only
    those are replayed (:func:`own_crawls`). ``settings`` and ``quiet``: as :func:`replay_all` takes
    them (``build-demo -s NAME=VALUE --quiet``); quiet, only warnings and errors are printed. ``registry_name``:
    what the rebuilt crawls name the source registry they recorded (:func:`record_registries`)."""
    from tenderarchive.files import check_warc

    root = warc_root or db_path.resolve().parent / "warc"
    files = warc_files(root)
    if not files:
        print(f"tenderarchive: no WARC files in {root}", file=sys.stderr)
        return ExitCode.FAILED
    crawls = []
    for path in files:
        info = warc_info(path, quiet=check)
        if info.get("spider"):
            crawls.append((int(info.get("crawl_id", 0)), path, info))
        elif check:
            check_warc(path)  # not a crawl's file: checked on its own (raises when unusable)
    crawls.sort(key=lambda c: c[0])
    stops = recorded_stops(db_path)
    crawls = [(crawl_id, path, {**info, "close_reason": stops[warc_key(path.name)]}) if warc_key(path.name) in stops
              else (crawl_id, path, info) for crawl_id, path, info in crawls]
    if own_files:
        crawls = own_crawls(db_path, crawls)
    if root.is_file():  # --warc FILE: a crawl it resumed is in the folder that holds it (with_resumed)
        try:
            crawls = [(crawl_id, path, {**info, "resumed_files": resumed_in_folder(path, info)})
                      if info.get("resumes") else (crawl_id, path, info) for crawl_id, path, info in crawls]
        except ResumedFileMissing as exc:
            print(f"tenderarchive: reparse refused: {exc}; {db_path} is unchanged", file=sys.stderr)
            return ExitCode.FAILED
    clash = _same_crawl_id(crawls)
    if clash:
        print(f"tenderarchive: reparse refused: {clash}; {db_path} is unchanged", file=sys.stderr)
        return ExitCode.FAILED
    new_db = db_path.with_name(db_path.name + ".reparse")
    leftovers = (new_db, Path(f"{new_db}-wal"), Path(f"{new_db}-shm"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        with tempfile.TemporaryDirectory() as workdir, bulk_build(new_db):
            _on_archive(new_db, _start_rebuild)  # created within the build: its journal in memory from the start
            # --warc FILE: the store is the folder that holds it (crawls.warc_file is named from there)
            store = root.parent if root.is_file() else root
            worst = max(replay_all(crawls, new_db, store, Path(workdir), force, direct, check, original_times,
                                   jobs, settings, quiet), default=ExitCode.COMPLETE)
            if new_db.exists():
                _on_archive(new_db, lambda db: record_registries(db, crawls, Path(workdir), registry_name))
                _on_archive(new_db, _finish_rebuild)
        if new_db.exists():
            wal_again(new_db)  # built with its journal in memory (writes.BULK_JOURNAL): a WAL archive again
    except BaseException:  # a failure or Ctrl-C: nothing of the rebuild is left behind
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        raise
    finally:
        lock_path_for(new_db).unlink(missing_ok=True)  # the replay crawls' lock on the temporary archive
    if not _replayed(new_db):
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        print(f"tenderarchive: reparse refused: the WARC store {root} gave no archive; {db_path} is unchanged",
              file=sys.stderr)
        return ExitCode.FAILED
    carried = carry_unrecorded_crawls(db_path, new_db)
    if carried and not quiet:
        print(f"kept crawl(s) {', '.join(map(str, carried))} of {db_path.name}, which recorded no WARC file "
              "(no response)", file=sys.stderr)
    refusal = accept(new_db) if accept else None
    if refusal:
        print(f"tenderarchive: reparse refused: {refusal}; {db_path} is unchanged "
              f"(the rebuild is kept at {new_db})", file=sys.stderr)
        return ExitCode.FAILED
    swap(new_db, db_path)
    if not quiet:
        print(f"rebuilt {db_path} from {len(crawls)} WARC file(s) in {root}", file=sys.stderr)
    return ExitCode.COMPLETE if worst in (ExitCode.COMPLETE, ExitCode.PARTIAL) else worst


def recorded_stops(db_path: Path) -> dict[str, str]:
    """The close reasons of the archive's crawls that did not end by themselves (a SIGTERM's ``shutdown``, a
    ``CLOSESPIDER_*`` bound, the memory limit, ``killed``), by WARC file name. A replay has every response the crawl
    recorded and nothing after, so it ended ``finished``: a crawl stopped with details still to fetch was rebuilt
    ``complete``, and the next incremental run, continuing from it, never asked what the stop left (its window's
    days in the past). The WARC file records no close; the archive rebuilt does (an archive gone: none known).
    Keyed by :func:`~tenderarchive.rawstore.warc_key` (the file may have been gunzipped since)."""
    if not db_path.exists():
        return {}
    try:
        conn = readonly.connect(db_path, row_factory=None)
        try:
            return {warc_key(name): reason for name, reason in conn.execute(
                "select warc_file, finish_reason from crawls where warc_file is not null and finish_reason is not null "
                "and finish_reason != 'finished'")}
        finally:
            conn.close()
    except sqlite3.Error:  # not an archive (yet), or one before finish_reason
        return {}


def own_crawls(db_path: Path, crawls: list[tuple[int, Path, dict]]) -> list[tuple[int, Path, dict]]:
    """The crawls of the store whose WARC file the archive's ``crawls`` table names, when it names
    any; the others are left out with a warning naming them.

    Why: the store is ``warc/`` next to the archive, so two archives in one folder (``a.db`` and
    ``b.db``), or an archive deleted and crawled again, share it; replaying every file rebuilt one
    archive from the other's crawls too (its crawl 1 overwritten by the other's crawl 1). An archive
    that is gone, or names no file, is rebuilt from the whole store ("from the WARC store alone").
    A file is the archive's whichever way it is compressed now (:func:`~tenderarchive.rawstore.warc_key`): the
    ``X.warc`` of a store gunzipped since was left out as another archive's, and with ``--force`` the rebuild
    lost every row of that crawl."""
    if not db_path.exists():
        return crawls
    try:
        conn = readonly.connect(db_path, row_factory=None)
        try:
            names = {warc_key(name) for (name,) in conn.execute("select warc_file from crawls where warc_file is not null")}
        finally:
            conn.close()
    except sqlite3.Error:  # not an archive (yet): the whole store
        return crawls
    if not names:
        return crawls
    own = [crawl for crawl in crawls if warc_key(crawl[1].name) in names]
    for _, path, _ in crawls:
        if warc_key(path.name) not in names:
            print(f"tenderarchive: warning: {path.name}: left out, not a crawl of {db_path.name} (another "
                  f"archive's crawl in the same store?)", file=sys.stderr)
    return own


def carry_unrecorded_crawls(db_path: Path, new_db: Path) -> list[int]:
    """Copy the ``crawls`` rows of the archive at ``db_path`` that name no WARC file (a crawl that got
    no response: the network down, every request failed) into the rebuild ``new_db``, under their own
    ids, unless the rebuild has a crawl of that id; their ids. Nothing replays them, and without them a
    rebuilt archive forgot such a failed crawl: ``status`` judged it healthy and the next crawl did not
    list that crawl's window again (docs/operations.md: each rebuilt crawl keeps its id)."""
    if not db_path.exists():
        return []
    try:
        conn = readonly.connect(db_path)
        try:
            rows = [dict(row) for row in conn.execute("select * from crawls where warc_file is null order by crawl_id")]
        finally:
            conn.close()
    except sqlite3.Error:  # not an archive: nothing to carry
        return []
    if not rows:
        return []
    db = open_archive(new_db)
    try:
        columns = set(db["crawls"].columns_dict)
        have = {crawl_id for (crawl_id,) in db.execute("select crawl_id from crawls")}
        rows = [{k: v for k, v in row.items() if k in columns} for row in rows if row["crawl_id"] not in have]
        with db.conn:
            db["crawls"].insert_all(rows)
    finally:
        db.close()
    return [row["crawl_id"] for row in rows]


def _same_crawl_id(crawls: list[tuple[int, Path, dict]]) -> str | None:
    """Why the store cannot be replayed when two of its files are one crawl (the second would
    replace the first's ``crawls`` row), or None."""
    seen: dict[int, Path] = {}
    for crawl_id, path, _ in crawls:
        if crawl_id and crawl_id in seen:
            if warc_key(seen[crawl_id].name) == warc_key(path.name):
                return (f"the WARC files {seen[crawl_id].name} and {path.name} are one crawl ({crawl_id}), compressed "
                        f"and not: keep one of them in the store")
            return (f"the WARC files {seen[crawl_id].name} and {path.name} are both crawl {crawl_id} (crawls of two "
                    f"archives in one store? give --warc a folder of one archive's files)")
        seen[crawl_id] = path
    return None


def _start_rebuild(db) -> None:
    """The new archive, empty: no counting triggers, and the indexes of the tables the replay's item
    writers fill left out (``schema.start_bulk``; created before the first crawl's derivation)."""
    facet_counts.suspend(db)
    start_bulk(db)


def _finish_rebuild(db) -> None:
    """After the replay: the indexes, if no derivation created them (the first crawl failed before
    it), and the facet counts, once."""
    finish_bulk(db)
    facet_counts.ensure_facet_counts(db)


def _on_archive(path: Path, step: Callable) -> None:
    """Run ``step(db)`` on the archive at ``path`` opened for writing.

    Used around the replay (:func:`_start_rebuild`, :func:`_finish_rebuild`): the new archive is
    created without the counting triggers (facet_counts.py ``suspend``; the replay's writers open it
    migrated already, so they leave them off) and counted once at the end (``ensure_facet_counts``),
    and without the indexes of ``schema.DEFERRED_INDEX_TABLES`` (``start_bulk``), created once when
    the first crawl's items are in (``finish_bulk``)."""
    db = open_archive(path)
    try:
        step(db)
    finally:
        db.close()


def _replayed(new_db: Path) -> bool:
    """Whether the replay wrote the new archive: it exists (created empty by
    :func:`_on_archive`) and holds at least one crawl."""
    if not new_db.exists():
        return False
    conn = sqlite3.connect(new_db)
    try:
        return bool(conn.execute("select 1 from crawls limit 1").fetchone())
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def checkpoint(path: Path) -> bool:
    """Fold the WAL into the database file and empty it (TRUNCATE), so the file alone is complete;
    whether it was (SQLite's answer: not busy, every frame of the WAL copied back)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    busy, log, copied = rows[0] if rows else (1, -1, -1)
    wal = Path(f"{path}-wal")
    # (a database not in WAL mode answers (0, -1, -1): its file is all of it)
    return busy == 0 and log == copied and (not wal.exists() or wal.stat().st_size == 0)


def swap(new_db: Path, db_path: Path) -> None:
    """Put ``new_db`` at ``db_path``; keep a complete copy of the old archive as
    ``<archive>.before-reparse``. The path is never empty: the last step is one rename.

    The copy is the old file itself, given its second name by a hard link, when its checkpoint was
    complete (every committed page in the file, the WAL empty; the crawl lock keeps writers out): the
    rename then takes only the archive's name from it (issue 14: SQLite's backup wrote every page of the
    old archive again, ≈ 0.06 CPU-s and 0.17 s for a 5,000-notice archive of 48 MB, and as many bytes
    as the archive holds for a whole TenderNed's). Where the checkpoint was not complete (a reader held
    the WAL) or the file system has no hard links, SQLite's online backup copies it, as before."""
    checkpoint(new_db)
    for suffix in ("-wal", "-shm"):
        Path(f"{new_db}{suffix}").unlink(missing_ok=True)  # empty after the checkpoint
    if db_path.exists():
        complete = checkpoint(db_path)
        backup = db_path.with_name(db_path.name + ".before-reparse")
        partial = backup.with_name(backup.name + ".tmp")
        partial.unlink(missing_ok=True)
        linked = False
        if complete:
            try:
                os.link(db_path, partial)
                linked = True
            except OSError:  # no hard links here (or another device): copied below
                partial.unlink(missing_ok=True)
        if not linked:
            source, target = sqlite3.connect(db_path), sqlite3.connect(partial)
            try:
                source.backup(target)  # SQLite's online backup: every committed page, WAL included
            finally:
                target.close()
                source.close()
        os.replace(partial, backup)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)  # empty after the checkpoint
    os.replace(new_db, db_path)


# --- the guard (issue 13) -------------------------------------------------------------------
#: The record tables a rebuild must not shrink: the notices and articles, and what the award
#: notices' parsers give (a parser that stopped reading awards must not empty them unnoticed).
#: ``award_suppliers`` has no ``source_url``: only its count against the old archive's.
COUNTED_TABLES = ("notices", "articles", "documents", "lots", "awards", "award_suppliers")


def _count(conn: sqlite3.Connection, table: str, where: str = "", args=()) -> int:
    exists = conn.execute("select 1 from sqlite_master where type = 'table' and name = ?", [table]).fetchone()
    return conn.execute(f"select count(*) from [{table}] {where}", args).fetchone()[0] if exists else 0


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"pragma table_info([{table}])"))


def expected_counts(db_path: Path, root: Path) -> dict[str, dict[str, int]]:
    """Per counted table: rows in the archive now (``old``) and rows whose response the store
    still holds whole according to the fetch index (``implied``: a ``fetches`` row for the
    row's ``source_url`` in a WARC file under ``root`` that reaches past its record; a file the index names
    that the store holds compressed the other way, ``X.warc`` for ``X.warc.gz`` or the reverse, holds all its
    rows: its offsets are of the other form, and the replay checks it whole)."""
    counts = {table: {"old": 0, "implied": 0} for table in COUNTED_TABLES}
    if not db_path.exists():
        return counts
    files = warc_files(root)
    sizes = {p.name: p.stat().st_size for p in files}
    recompressed = {warc_key(p.name) for p in files}
    conn = readonly.connect(db_path, row_factory=None)
    try:
        held: set[str] = set()
        if _count(conn, "fetches"):
            for url, warc_file, offset, length in conn.execute(
                    "select url, warc_file, warc_offset, warc_length from fetches where status = 200"):
                if warc_file in sizes:
                    if offset is not None and (offset + (length or 0)) <= sizes[warc_file]:
                        held.add(url)
                elif warc_file and warc_key(warc_file) in recompressed:
                    held.add(url)
        for table in COUNTED_TABLES:
            counts[table]["old"] = _count(conn, table)
            if counts[table]["old"] and _has_column(conn, table, "source_url"):
                counts[table]["implied"] = sum(
                    1 for (url,) in conn.execute(f"select source_url from [{table}]") if url in held)
    finally:
        conn.close()
    return counts


def dropped_urls(old_db: Path, new_db: Path, table: str, limit: int = 5) -> list[str]:
    """Up to ``limit`` ``source_url`` of ``table`` rows in ``old_db`` that ``new_db`` has no row for
    (both read-only): what a refusal names, so the user sees which pages a parser now drops."""
    conn = readonly.connect(old_db, row_factory=None)
    try:
        conn.execute("attach database ? as rebuilt", [readonly.uri(Path(new_db))])
        return [url for (url,) in conn.execute(
            f"select source_url from main.[{table}] where source_url is not null and source_url not in "
            f"(select source_url from rebuilt.[{table}] where source_url is not null) order by source_url limit ?",
            [limit])]
    except sqlite3.Error:  # a table missing on either side: no examples, the counts still speak
        return []
    finally:
        conn.close()


def verdict(new_db: Path, old_db: Path, expected: dict, force: bool, accept_dropped: bool = False) -> str | None:
    """Why ``new_db`` must not replace the archive, or None.

    ``accept_dropped`` (``reparse --accept-dropped``) lets a rebuild hold fewer rows than the
    store holds responses for -- a parser fixed to reject pages it used to archive (a soft 404,
    a redirect to the home page) -- with a warning naming some of them; the old archive is kept
    whole at ``<archive>.before-reparse`` as always."""
    conn = readonly.connect(new_db, row_factory=None)
    try:
        for table in COUNTED_TABLES:
            new = _count(conn, table)
            if new < expected[table]["implied"]:
                examples = dropped_urls(old_db, new_db, table)
                named = f"; not rebuilt, e.g.: {', '.join(examples)}" if examples else ""
                if accept_dropped:
                    print(f"tenderarchive: warning: the rebuild holds {new} {table}, the store holds the "
                          f"responses of {expected[table]['implied']}; accepted (--accept-dropped){named}",
                          file=sys.stderr)
                    continue
                return (f"the rebuild holds {new} {table}, but the store's fetch index holds the responses "
                        f"of {expected[table]['implied']} (a WARC file damaged or a parser failing?{named}); "
                        f"run with --accept-dropped if the current parsers reject those pages on purpose")
            if new < expected[table]["old"] and not force:
                return (f"the rebuild holds {new} {table}, fewer than the {expected[table]['old']} in the "
                        f"archive; run with --force to accept that")
    finally:
        conn.close()
    return None


DEMO_WARC = Path(__file__).resolve().parent / "snapshot" / "warc"  # the bundled snapshot's store (build-demo)


def demo_archive(db_path: Path) -> bool:
    """Whether ``db_path`` is an archive of the demo alone: it holds crawls and every one is the bundled
    synthetic snapshot's (its note calls it synthetic, as ``cli.real_crawls`` and ``build-demo`` read it);
    read-only, false when there is no archive."""
    try:
        conn = readonly.connect(db_path)
    except readonly.ArchiveMissing:
        return False
    try:
        if not readonly.table_exists(conn, "crawls"):
            return False
        crawls, synthetic = conn.execute(
            "select count(*), count(*) filter (where coalesce(note, '') like '%synthetic%') from crawls").fetchone()
        return crawls > 0 and crawls == synthetic
    finally:
        conn.close()


def guarded_reparse(db_path: Path, warc_root: Path | None = None, force: bool = False,
                    accept_dropped: bool = False, jobs: int = 1) -> int:
    """``reparse`` under the crawl lock, from a checked store, refusing a shrinking rebuild;
    ``jobs`` processes (``reparse --jobs N``; a worker that fails fails the reparse, exit 1)."""
    from tenderarchive.files import UnusableFile, check_warc
    from tenderarchive.lock import CrawlLocked, crawl_lock
    from tenderarchive.replay import ReplayWorkerFailed
    from tenderarchive.sources import DEMO_REGISTRY

    root = warc_root or db_path.resolve().parent / "warc"
    # `make demo`'s archive: its WARC files are the bundled snapshot's (no warc/ next to it, or --warc names them)
    demo = ((not root.exists() if warc_root is None else root.resolve() == DEMO_WARC)
            and demo_archive(db_path))
    if demo:  # rebuilt as build-demo builds it: dated now, naming the bundled registry
        root = DEMO_WARC
        print(f"tenderarchive: {db_path} is the demo archive (its every crawl the synthetic snapshot's): rebuilt "
              f"from the bundled snapshot's WARC files ({root}), dated now, as build-demo does", file=sys.stderr)
    # a store that is not there (a mistyped --warc) is refused before the lock is taken: the lock file
    # it would leave next to the archive is a stray one where no archive is (nothing to reparse either)
    missing = (UnusableFile(root, "does not exist") if not root.exists() else
               None if warc_files(root) else UnusableFile(root, "holds no WARC files (*.warc.gz, *.warc)"))
    if missing is not None:
        print(f"tenderarchive: {missing}", file=sys.stderr)
        return ExitCode.UNUSABLE_FILE
    try:
        with crawl_lock(db_path):
            try:
                if force:
                    check_warc(root)
                # else: every file is checked while the replay reads it (one pass over the store)
            except UnusableFile as exc:
                if not force or not warc_files(root):
                    print(f"tenderarchive: {exc}", file=sys.stderr)
                    return ExitCode.UNUSABLE_FILE
                print(f"tenderarchive: warning: {exc}; going on (--force)", file=sys.stderr)
            expected = expected_counts(db_path, root)
            try:
                return reparse(db_path, root, force=force,
                               accept=lambda new_db: verdict(new_db, db_path, expected, force, accept_dropped),
                               check=not force, jobs=jobs, own_files=True,
                               **({"original_times": False, "registry_name": DEMO_REGISTRY} if demo else {}))
            except UnusableFile as exc:  # found while reading: nothing was swapped in
                print(f"tenderarchive: {exc}", file=sys.stderr)
                return ExitCode.UNUSABLE_FILE
            except ReplayWorkerFailed as exc:  # nothing was swapped in, the rebuild is deleted
                print(f"tenderarchive: reparse failed: {exc}; {db_path} is unchanged", file=sys.stderr)
                return ExitCode.FAILED
    except CrawlLocked as exc:
        print(f"tenderarchive: {exc}", file=sys.stderr)
        return ExitCode.LOCKED
