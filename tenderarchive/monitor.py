"""Monitoring scheduled crawls: is every source fresh, did its last crawl work, does it still look right?

``tenderarchive status`` prints, per source (spider), its recent crawls and a verdict, and
exits ``ExitCode.STALE`` (5, ``tenderarchive/exitcodes.py``) when a source needs a human:

- **stale**: its last successful crawl (status ``complete`` or ``partial``) finished more
  than ``--max-age-hours`` ago (default 48), or it never had one; given the schedule (``--expect``),
  a spider outside it (a one-off backfill such as ``tenderned_ocds``, a crawl by hand) is listed
  with its age, not judged stale: the OCDS backfill failed every morning's check two days after
  it ran, though it is not meant to run again. "Last successful crawl"
  has one definition, :data:`FRESHNESS_SQL`, which is also the archive's ``freshness`` view,
  so Datasette and ``status`` never disagree about how old a source is;
- **failed**: its last finished crawl has status ``failed``;
- **partial** (a warning, see below): its last finished crawl went on past errors (a site of the news registry
  down, a page failing) or was stopped before it ended (a SIGTERM: said so, and how, ``_stopped``): fresh, but its
  verdict said "ok", the errors told only by the crawl's own row;
- **drift** (a warning): its last finished crawl read past fields the source sent in another shape than its
  reference documents (``crawls.drift``: TenderNed's JSON drifting, reference §13): its notices were archived, but
  the spider may need a look, which only the crawl's log said;
- a sample crawl (``--sample N``: a quick look at N records) or a crawl of a few news sites
  (``--site``) is none of these: it does not make a source fresh, is not its last crawl, and is
  not judged (:data:`FULL_CRAWL_SQL`);
- **killed**: a crawl the archive lists as ``running`` whose process is gone (kill -9, the out-of-memory
  killer, a reboot: a killed crawl keeps status ``running`` until the next crawl's start marks it failed,
  ``extensions.mark_killed``). The kernel releases the crawl lock of a process that dies, so a ``running``
  crawl while no crawl holds the archive's lock, or an older one while the newest holds it, is dead
  (:func:`killed_crawls`); it is a problem at once, as the next crawl will record it (status showed
  it ``running``, exit 0, until ``max_age_hours`` passed);
- a crawl still ``running`` after ``max_age_hours`` while it holds the lock hangs; it is reported as a
  problem too;
- **never crawled**: a spider the schedule runs (``--expect SPIDER``) with no crawl in the archive
  (its timer never enabled, its cron line mistyped): without it, status judged only the spiders
  that had crawled, so such a source was invisible and the check passed. The project's other
  spiders that never crawled are listed as ``never run``, not judged.

It also *flags* (warnings; exit 5 only with ``--strict``) crawls that look wrong although
they finished:

- **item count drop**: ``items_new + items_updated + items_unchanged`` below
  ``(1 - drop)`` × the median of the previous (up to ``baseline``) complete crawls of the
  same spider whose window (``from_date``..``until_date``) is like its own (neither more than
  twice as long as the other), the spider's first successful crawl left out: a source that
  changed its API or HTML and now yields little. A spider that reads lists (TenderNed's API,
  ``crawls.fetched_rows``) is judged by the list rows it read instead: its incremental crawl
  archives only what is new, and a night with nothing new (flagged "items dropped to 0") read its
  lists as every night. A first crawl (it found nothing archived and
  fetched every page the nightly crawls skip as known: news crawls all have one window) or a
  backfill of years is no yardstick for the nightly incremental crawls after it (it flagged the
  first nights after every new archive);
- **coverage drop**: for the key columns of ``notices`` / ``articles`` (:data:`KEY_COLUMNS`),
  the share of non-empty values among the rows that crawl wrote falls more than
  ``coverage_drop`` (absolute) below the median share of the previous complete crawls: a
  parser that silently stopped finding the buyer or the publication date. Crawls that wrote
  fewer than ``min_rows`` rows in a table are not judged on it (too few to tell), and since
  unchanged rows are not rewritten, "rows written" are the new and changed ones.

Why not Spidermon: Spidermon's monitors run inside one crawl, on that crawl's stats and
items; they cannot see the crawl history (median of earlier crawls, age of the last good
crawl, a crawl that never started because cron or the machine was down). Staleness in
particular can only be checked from outside the crawl. The history is already in the
``crawls`` table, so a few queries do it.
"""

from __future__ import annotations

import json
import os
import statistics
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from tenderarchive import clock, readonly
from tenderarchive.exitcodes import ExitCode

KEY_COLUMNS = {
    "notices": ["title", "description", "buyer", "published", "cpv_main", "url"],
    "articles": ["title", "text", "published", "site"],
}
#: Crawl statuses that count as a success: the crawl archived what it fetched (a partial crawl
#: went on past some errors). Freshness is measured from the last of these.
SUCCESS = ("complete", "partial")
#: A crawl of the whole source, not a quick look: ``sample=N`` fetched N records of its window and
#: ``site=…`` a few sites of the news registry, so neither makes a source fresh nor moves the
#: incremental window (``store/queries.py``), and neither is judged nor a baseline for the drop
#: checks (peers.md §1: kingfisher #1163).
FULL_CRAWL_SQL = ("not (json_valid(arguments) and (json_extract(arguments, '$.sample') is not null "
                  "or json_extract(arguments, '$.site') is not null))")
_SUCCESS_SQL = "status in (" + ", ".join(f"'{s}'" for s in SUCCESS) + f") and {FULL_CRAWL_SQL}"

#: Per source (spider): its last successful crawl (finish time, else start time), that crawl's
#: age in hours, the status of its very last crawl, and how many crawls succeeded. This is the
#: archive's ``freshness`` view (the store creates the view from this text) and what
#: :func:`source_health` reads, so both say the same. A last crawl still ``running`` whose heartbeat
#: (``crawls.alive_until``, renewed while it runs: ``extensions.Heartbeat``) has passed is ``killed``: SQL cannot
#: see the crawl lock by which :func:`killed_crawls` knows at once, and a killed crawl's row says ``running``
#: until the next crawl starts.
FRESHNESS_SQL = f"""
select spider,
       max(case when {_SUCCESS_SQL} then coalesce(finished, started) end) as last_success,
       round((julianday('now')
              - julianday(max(case when {_SUCCESS_SQL} then coalesce(finished, started) end))) * 24, 1)
           as age_hours,
       (select case when c2.status = 'running' and julianday(c2.alive_until) < julianday('now') then 'killed'
                    else c2.status end
          from crawls c2 where c2.spider = c.spider
          and {FULL_CRAWL_SQL.replace("arguments", "c2.arguments")}
        order by c2.crawl_id desc limit 1) as last_status,
       sum({_SUCCESS_SQL}) as successful_crawls
from crawls c
group by spider
""".strip()


def freshness_sql(conn: sqlite3.Connection) -> str:
    """:data:`FRESHNESS_SQL` as an archive can run it: one written before the heartbeat (``crawls`` without
    ``alive_until``; ``status`` reads, it never migrates, and the next crawl adds the column) has no heartbeat to
    look at, so its last status is the row's, as its own ``freshness`` view says. Read with the column, it was
    "the archive is damaged: no such column", exit 6, until the next crawl."""
    columns = {row[1] for row in conn.execute("select * from pragma_table_info('crawls')")}
    return FRESHNESS_SQL if "alive_until" in columns else FRESHNESS_SQL.replace("c2.alive_until", "null")


#: Per news site of the registry (as the last successful full news crawl had it): how many pages
#: the archive holds, how many relevant, and when the last new or changed page was archived, in
#: days. The archive's ``news_sites`` view: a site that yields nothing for weeks (moved, redesigned,
#: its feed gone) shows here, though every crawl of the registry succeeds (peers.md §7, §8.18:
#: freshness per source). Read from one covering index (``articles (site, fetched_at, relevant,
#: published)``, store/schema.py), grouped once: joining each site to its article rows read 200,000
#: rows for 200,000 articles (0.6-0.9 s, a page over the 500 ms of issue 14; now ~30 ms).
NEWS_SITES_SQL = f"""
select s.value as site,
       coalesce(g.pages, 0) as pages,
       coalesce(g.relevant_pages, 0) as relevant_pages,
       g.last_archived,
       g.last_published,
       round(julianday('now') - julianday(g.last_archived), 1) as days_since_last_archived
from (select arguments from crawls where spider = 'news' and {_SUCCESS_SQL}
      order by crawl_id desc limit 1) as c
join json_each(c.arguments, '$.sites') as s
left join (select site, count(*) as pages, sum(relevant) as relevant_pages, max(fetched_at) as last_archived,
                  max(published) as last_published
           from articles group by site) as g on g.site = s.value
""".strip()


def window_days(arguments: str | None) -> int | None:
    """Days of a crawl's window (``from_date`` to ``until_date`` of its recorded arguments, both
    counted), or None when the crawl records no such window."""
    try:
        args = json.loads(arguments or "")
        return (date.fromisoformat(args["until_date"]) - date.fromisoformat(args["from_date"])).days + 1
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


#: A crawl's item count is compared with earlier crawls whose window is neither more than this
#: many times as long as its own nor less than its share: a nightly window that grew by a missed
#: night still counts, a backfill of years (or a nightly window, for a backfill) not.
ALIKE_WINDOW_RATIO = 2


def _alike_windows(earlier: int | None, this: int | None) -> bool:
    return (earlier is None or this is None
            or max(earlier, this) <= ALIKE_WINDOW_RATIO * min(earlier, this))


@dataclass
class CrawlCheck:
    crawl_id: int
    spider: str
    status: str
    started: str | None
    finished: str | None
    items: int
    errors: int
    rows: dict[str, int] = field(default_factory=dict)                     # table -> rows written
    coverage: dict[str, dict[str, float]] = field(default_factory=dict)    # table -> column -> share
    flags: list[str] = field(default_factory=list)
    #: list rows the crawl read (``crawls.fetched_rows``: TenderNed's API lists; 0 for a spider that reads none)
    list_rows: int = 0


@dataclass
class SourceHealth:
    spider: str
    crawls: list[CrawlCheck]                 # newest first
    last_success: str | None                 # finished time of the last complete/partial crawl
    age_hours: float | None
    problems: list[str] = field(default_factory=list)   # make the exit code 5
    warnings: list[str] = field(default_factory=list)   # flags; exit 5 only with strict
    crawled: bool = True                     # False: the spider has no crawl in the archive
    #: False: ``--expect`` gave the schedule and this spider is not in it (a one-off backfill such as the OCDS
    #: packages, a crawl by hand): its age is shown, not judged stale
    age_judged: bool = True

    @property
    def verdict(self) -> str:
        return ("PROBLEM" if self.problems else "warning" if self.warnings else "ok" if self.crawled
                else "never run")

    def as_dict(self) -> dict:
        return {**asdict(self), "verdict": self.verdict}


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _table_columns(conn, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"pragma table_info([{table}])")}


def _coverage(conn, crawl_ids: list[int]) -> dict[int, tuple[dict, dict]]:
    """{crawl_id: ({table: rows}, {table: {column: share}})} for the rows each crawl wrote."""
    out: dict[int, tuple[dict, dict]] = {cid: ({}, {}) for cid in crawl_ids}
    if not crawl_ids:
        return out
    for table, wanted in KEY_COLUMNS.items():
        present = _table_columns(conn, table)
        columns = [c for c in wanted if c in present]
        if "crawl_id" not in present or not columns:
            continue
        sums = ", ".join(f"sum([{c}] is not null and trim([{c}]) != '')" for c in columns)
        marks = ",".join("?" * len(crawl_ids))
        for row in conn.execute(f"select crawl_id, count(*), {sums} from [{table}] "
                                f"where crawl_id in ({marks}) group by crawl_id", crawl_ids):
            crawl_id, count, filled = row[0], row[1], row[2:]
            out[crawl_id][0][table] = count
            out[crawl_id][1][table] = {c: (f or 0) / count for c, f in zip(columns, filled)}
    return out


def killed_crawls(conn, db_path: str | Path) -> set[int]:
    """The crawls the archive lists as ``running`` that no process runs any more.

    A running crawl holds the archive's crawl lock (``tenderarchive/lock.py``, an flock the kernel releases
    when its process dies) and only one can, so when no crawl holds it every ``running`` crawl is dead, and
    when one does every ``running`` crawl but the newest is. The lock is looked at before and after the
    rows are read: a crawl that starts in between holds it at the second look."""
    if not readonly.table_exists(conn, "crawls"):
        return set()
    held = readonly.crawl_running(db_path)
    running = [r[0] for r in conn.execute("select crawl_id from crawls where status = 'running' "
                                          "order by crawl_id desc")]
    held = held or readonly.crawl_running(db_path)
    return set(running[1:] if held else running)


def source_health(db_path: str | Path, *, max_age_hours: float = 48, recent: int = 10, baseline: int = 5,
                  drop: float = 0.5, coverage_drop: float = 0.2, min_rows: int = 5,
                  now: datetime | None = None, expected=(), known=(),
                  killed: set[int] | None = None) -> list[SourceHealth]:
    """Health of every source (spider) that has crawls in the archive at ``db_path``, of every
    ``expected`` spider (one without a crawl is a problem: never crawled) and of every ``known``
    spider (the project's; one without a crawl is listed as never run, not judged).

    Reads the archive read-only. ``recent`` crawls per spider are checked and listed; each
    is compared with the median of up to ``baseline`` complete crawls before it. ``killed``: the
    crawls :func:`killed_crawls` found, when the caller has looked already (``status`` shows them in
    its table: one look, so the table and the exit code cannot disagree); otherwise looked up here. ``now``: the
    moment ages are judged at, by default ``TENDERARCHIVE_NOW``'s when that is set (``tenderarchive/clock.py``), as
    the ``freshness`` view's ``age_hours`` reads it, else the clock's.
    """
    now = now or clock.now()
    conn = readonly.connect(db_path)
    try:
        freshness = ({r["spider"]: r["last_success"] for r in conn.execute(freshness_sql(conn))}
                     if readonly.table_exists(conn, "crawls") else {})
        killed = killed_crawls(conn, db_path) if killed is None else killed
        result = []
        for spider in sorted((set(expected) | set(known)) - set(freshness)):
            health = SourceHealth(spider, [], None, None, crawled=False, age_judged=not expected or spider in expected)
            if spider in expected:
                health.problems.append("never crawled: the archive has no crawl of this spider, which "
                                       "is expected (--expect)")
            result.append(health)
        for spider in sorted(freshness):
            history = [dict(r) for r in conn.execute(
                f"select * from crawls where spider = ? and {FULL_CRAWL_SQL} order by crawl_id desc limit ?",
                [spider, recent + baseline])]
            coverage = _coverage(conn, [c["crawl_id"] for c in history])
            windows = {c["crawl_id"]: window_days(c.get("arguments")) for c in history}
            # The spider's first successful crawl found nothing archived: it fetched every page that the
            # crawls after it skip as known (news: the same window every night), so it is no yardstick.
            first = conn.execute(f"select min(crawl_id) from crawls where spider = ? and {_SUCCESS_SQL}",
                                 [spider]).fetchone()[0]
            checks = []
            for c in history:
                rows, shares = coverage[c["crawl_id"]]
                checks.append(CrawlCheck(
                    c["crawl_id"], spider, "killed" if c["crawl_id"] in killed else c["status"] or "?",
                    c["started"], c["finished"],
                    sum(int(c[k] or 0) for k in ("items_new", "items_updated", "items_unchanged")),
                    int(c["error_count"] or 0), rows, shares, list_rows=int(c.get("fetched_rows") or 0)))
            for i, check in enumerate(checks[:recent]):
                if check.status not in SUCCESS:
                    continue
                earlier = [e for e in checks[i + 1:] if e.status == "complete"][:baseline]
                if not earlier:
                    continue
                # Items are judged only against crawls of a like window, not the first: a first crawl
                # or a backfill of years is no yardstick for the nightly incremental crawl after it.
                alike = [e for e in checks[i + 1:] if e.status == "complete" and e.crawl_id != first
                         and _alike_windows(windows[e.crawl_id], windows[check.crawl_id])][:baseline]
                # A spider that reads lists (TenderNed's API) is judged by the list rows it read: its nightly
                # incremental crawl archives only the publications that are new, so a night with nothing new
                # (a Sunday) archives nothing from the lists it read as every night; a source that changed
                # shape yields fewer list rows.
                median_rows = statistics.median(e.list_rows for e in alike) if alike else 0
                measure, count, median = (("list rows", check.list_rows, median_rows) if median_rows > 0 else
                                          ("items", check.items,
                                           statistics.median(e.items for e in alike) if alike else 0))
                if median > 0 and count < (1 - drop) * median:
                    check.flags.append(f"{measure} dropped to {count} (median of the {len(alike)} "
                                       f"complete crawls before: {median:g})")
                for table, shares in check.coverage.items():
                    if check.rows.get(table, 0) < min_rows:
                        continue
                    for column, share in shares.items():
                        before = [e.coverage[table][column] for e in earlier
                                  if e.rows.get(table, 0) >= min_rows and column in e.coverage.get(table, {})]
                        if not before:
                            continue
                        median_share = statistics.median(before)
                        if share < median_share - coverage_drop:
                            check.flags.append(
                                f"{table}.{column} filled in {share:.0%} of {check.rows[table]} rows written "
                                f"(median before: {median_share:.0%})")
            checks = checks[:recent]
            last_success = freshness[spider]
            when = _parse_time(last_success)
            age = (now - when).total_seconds() / 3600 if when else None
            health = SourceHealth(spider, checks, last_success, age, age_judged=not expected or spider in expected)
            if when is None:
                health.problems.append("stale: no successful crawl ever")
            elif age > max_age_hours and health.age_judged:
                health.problems.append(f"stale: last successful crawl finished {age:.1f} h ago "
                                       f"(more than {max_age_hours:g} h)")
            finished = [c for c in checks if c.status != "running"]
            if finished and finished[0].status == "failed":
                last = next(c for c in history if c["crawl_id"] == finished[0].crawl_id)
                stopped = _stopped(last)
                health.problems.append(f"failed: the last finished crawl ({finished[0].crawl_id}) failed"
                                       + (f": it {stopped}" if stopped else ""))
            if finished and finished[0].status == "killed":
                health.problems.append(
                    f"killed: crawl {finished[0].crawl_id} still 'running' since {finished[0].started} in the "
                    f"archive, but no process runs it (it holds no crawl lock): stopped without finishing "
                    f"(kill -9, out of memory, a reboot); what it archived is kept, the next crawl records it "
                    f"failed and starts from the last complete crawl")
            if finished and finished[0].status == "partial":
                # a success (fresh), but something went wrong that the crawl went on past: the verdict said "ok" and
                # only the list of recent statuses told it, so cron's check and a reader of status missed a site of
                # the registry down, or a page failing, night after night (a warning: exit 5 only with --strict)
                last = next(c for c in history if c["crawl_id"] == finished[0].crawl_id)
                stopped = _stopped(last)
                if stopped:
                    # a crawl stopped by a signal (a deploy, a shutdown, scrapyd's cancel) recorded no error: it "went
                    # on past something that went wrong (no error recorded ...)", as if it had ended and dropped a row
                    errors = f", after {_errors_said(last)}" if last.get("error_count") else ""
                    health.warnings.append(f"partial: the last finished crawl ({finished[0].crawl_id}) {stopped}"
                                           f"{errors}; what it archived is kept, the next crawl asks the rest again")
                else:
                    health.warnings.append(f"partial: the last finished crawl ({finished[0].crawl_id}) went on past "
                                           f"{_errors_said(last)}; the next crawl asks again")
            if finished and finished[0].status in SUCCESS:
                # fields the source sent in another shape (TenderNed's JSON drifting, reference §13): archived
                # nonetheless, so no problem; but the spider may need a look, and only the crawl's log said so
                last = next(c for c in history if c["crawl_id"] == finished[0].crawl_id)
                drift = drift_said(last.get("drift"))
                if drift:
                    health.warnings.append(f"drift: the last finished crawl ({finished[0].crawl_id}) read past "
                                           f"source drift ({DRIFT_MEANS}): {drift}")
            for c in checks:
                started = _parse_time(c.started)
                if c.status == "running" and started and (now - started).total_seconds() / 3600 > max_age_hours:
                    health.problems.append(f"crawl {c.crawl_id} still 'running' since {c.started}: "
                                           f"hanging (it holds the archive's crawl lock)")
            for c in checks:
                health.warnings += [f"crawl {c.crawl_id}: {flag}" for flag in c.flags]
            result.append(health)
        return sorted(result, key=lambda h: h.spider)
    finally:
        conn.close()


#: Scrapy's close reasons for a crawl stopped before it ended, in a user's words (others are said as they are)
_CLOSE_REASONS = {"shutdown": "a SIGTERM or Ctrl-C", "cancelled": "cancelled",
                  "closespider_timeout": "CLOSESPIDER_TIMEOUT reached"}


def _stopped(crawl: dict) -> str:
    """How a finished crawl that did not end by itself was stopped (``crawls.finish_reason`` other than
    ``finished``; ``killed`` has its own word), or "" when it ended by itself."""
    reason = crawl.get("finish_reason")
    if not reason or reason in ("finished", "killed"):
        return ""
    said = _CLOSE_REASONS.get(str(reason))
    return f"was stopped before it ended (close reason {reason!r}{': ' + said if said else ''})"


def drift_said(value) -> str | None:
    """The fields a crawl read past because the source sent them in another shape (``crawls.drift``, a JSON object
    field → notices; ``spiders/tenderned.py`` ``drift``) as "publicatieDatum in 1 notice, nieuwVeld in 2 notices";
    None when it met none, or its archive predates the column (NULL)."""
    try:
        drift = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return value  # not JSON: as archived
    if not isinstance(drift, dict) or not drift:
        return None
    return ", ".join(f"{field} in {count} notice{'s' if count != 1 else ''}" for field, count in sorted(drift.items()))


#: What drift read past means, in a user's words: shown by ``status`` under the crawl and in the source's verdict, and
#: in the crawl's watch report (``watch.report.Report.warning``)
DRIFT_MEANS = "fields sent in another shape than documented; the notices were archived: a warning, not an error"


def _errors_said(crawl: dict) -> str:
    """A partial crawl's errors in a few words: how many, and the first (``crawls.errors``) cut short."""
    try:
        errors = json.loads(crawl.get("errors") or "[]")
    except ValueError:
        errors = []
    errors = [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
    count = int(crawl.get("error_count") or len(errors))
    if not count:
        return "something that went wrong (no error recorded: a dropped item, a shortfall, its close reason)"
    said = f"{count} error{'s' if count != 1 else ''}"
    if errors:
        first = f"{errors[0].get('url') or '-'}: {errors[0].get('error') or ''}"
        said += f", the first {first[:160] + ('…' if len(first) > 160 else '')!r}"
    return said


def exit_code(healths: list[SourceHealth], strict: bool = False) -> int:
    """5 when a source is stale or failed (or, with ``strict``, flagged), or when no source has a crawl (an
    archive no crawl has written to: a crawl that never started, its unit failing with a bad argument or a
    locked archive, passed the health check as healthy); else 0."""
    if not any(h.crawled for h in healths) or any(h.problems or (strict and h.warnings) for h in healths):
        return ExitCode.STALE
    return ExitCode.COMPLETE


def age_words(age_hours: float, fixed: str | None = None) -> str:
    """A source's age (``freshness.age_hours``) in words, as ``status`` prints it and the ``freshness`` page shows a
    negative one (tenderarchive/table_rows.py): "2.0 h ago"; a crawl that finished after the moment judged at (one
    looked back at with TENDERARCHIVE_NOW, ``fixed`` its value, or this machine's clock behind the one that wrote the
    archive) "10.7 h after TENDERARCHIVE_NOW" or "10.7 h from now (…)", where "-10.7 h ago" read as nonsense."""
    if age_hours >= 0:
        return f"{age_hours:.1f} h ago"
    return (f"{-age_hours:.1f} h after {clock.NOW}" if fixed else
            f"{-age_hours:.1f} h from now (this machine's clock is behind the archive's)")


def render(healths: list[SourceHealth], fixed: str | None = None) -> str:
    """The sources' health as text; ``fixed``: the ``TENDERARCHIVE_NOW`` the ages were judged at, said in the header
    (a check read with it set is no check of the machine's crawls now)."""
    lines = [f"sources (ages as of {clock.NOW}={fixed}, not the clock):" if fixed else "sources:"]
    if not any(h.crawled for h in healths):
        lines = ["sources: none: PROBLEM, no crawl yet, so nothing is fresh (is a crawl scheduled and does it start?)"]
    width = max([12, *(len(h.spider) for h in healths)])
    for h in healths:
        if not h.crawled:
            lines.append(f"  {h.spider:<{width}} {h.verdict:<9} " + (
                "no crawl in the archive" if h.problems else "not judged (not in --expect)" if not h.age_judged
                else f"not judged (give --expect {h.spider} to require a crawl)"))
            lines += [f"    ! {p}" for p in h.problems]
            continue
        age = "never" if h.age_hours is None else age_words(h.age_hours, fixed)
        recent = ", ".join(f"{c.crawl_id}:{c.status}" for c in h.crawls[:5])
        lines.append(f"  {h.spider:<{width}} {h.verdict:<9} last success {age}; recent {recent}"
                     + ("" if h.age_judged else " (not in --expect: its age is not judged)"))
        lines += [f"    ! {p}" for p in h.problems]
        lines += [f"    ~ {w}" for w in h.warnings]
    return "\n".join(lines) + "\n"


def status_check(db_path: str | Path, args, stream, killed: set[int] | None = None) -> int:
    """Print the per-source health (text, or JSON with ``--sources-json``) and return the exit code. Ages are judged
    as of ``TENDERARCHIVE_NOW`` when it is set, as Datasette's ``freshness`` view and ``export`` read it."""
    healths = source_health(db_path, max_age_hours=getattr(args, "max_age_hours", 48),
                            expected=getattr(args, "expect", None) or (), known=getattr(args, "known", None) or (),
                            killed=killed, now=clock.now())
    if getattr(args, "sources_json", False):
        stream.write(json.dumps([h.as_dict() for h in healths], ensure_ascii=False, indent=1) + "\n")
    elif not getattr(args, "json", False):
        stream.write("\n" + render(healths, os.environ.get(clock.NOW, "").strip() or None))
    return exit_code(healths, strict=getattr(args, "strict", False))
