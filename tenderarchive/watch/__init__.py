"""Watchlists and crawl reports: what is new or changed in the procurements a journalist follows.

One module per job:

- ``watchlist.py``: the watchlist file (YAML), read and checked (:func:`load_watchlist`);
- ``report.py``: which rows a crawl made new or changed and which watches they match
  (:func:`build_report`; reads the archive read-only);
- ``render.py``: the report as text, Markdown, HTML and Atom, and the report files
  (:func:`write_report`); links only through ``tenderarchive/urls.py``;
- ``mail.py``: the report by e-mail over SMTP (:func:`send_email`).

:func:`report_after_crawl` runs them in order; ``tenderarchive report`` and
``tenderarchive crawl --watchlist`` (``tenderarchive/cli.py``, which also parses their
options) call it. Outputs: plain text (printed), Markdown and HTML (``reports/crawl-N.md`` /
``.html`` next to the archive), an Atom feed of the crawl (``crawl-N.atom``) and a rolling
feed (``feed.atom``), each with an entry of the crawl's warning when it did not complete; optionally an e-mail
(text + HTML, its subject naming an outcome other than complete). Links go to the TenderNed notice
page (or the article) and, given a Datasette base URL, to the row in Datasette.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tenderarchive.watch.mail import SMTPSettings, email_message, send_email
from tenderarchive.watch.render import (FEED_MAX_ENTRIES, merge_feed, render_atom, render_html, render_markdown,
                                        render_text, write_report, xml_text)
from tenderarchive.watch.report import Match, Report, build_report, datasette_row_url, match
from tenderarchive.watch.watchlist import FIELDS, Watch, Watchlist, WatchlistError, load_watchlist

__all__ = ["FEED_MAX_ENTRIES", "FIELDS", "Match", "REPORTED_FILE", "Report", "ReportFilesError", "SMTPSettings", "Watch",
           "Watchlist", "WatchlistError", "build_report", "datasette_row_url", "default_out_dir", "email_message",
           "last_reported", "load_watchlist", "mark_reported", "match", "merge_feed", "render_atom", "render_html", "render_markdown", "render_text", "report_after_crawl",
           "send_email", "unreported_crawls", "write_report", "xml_text", "catch_up_since", "mark_catch_up"]


class ReportPrintError(OSError):
    """The printed report could not be written to its output (a full disk); nothing was written or mailed."""

    def __init__(self, problem: OSError):
        super().__init__(f"standard output: {problem.strerror or problem}")


class ReportFilesError(OSError):
    """The report files could not be written (the folder is not writable, a file is in the way,
    the old ``feed.atom`` cannot be read); the report was built, printed and mailed all the same."""

    def __init__(self, out_dir: Path, problem: Exception):
        self.out_dir = out_dir
        super().__init__(f"{out_dir}: cannot write the report files: {problem}")


def default_out_dir(db_path: str | Path) -> Path:
    """Where report files go by default: ``reports/`` next to the archive for the default name
    ``archive.db``, ``reports/<name>/`` for any other (``reports/news/`` for ``news.db``).

    The folder's ``last-reported.txt`` is the record of what ``--unreported`` reported
    (:func:`unreported_crawls`), so two archives in one folder must not share it: the crawl
    numbers of one would mark the other's crawls as reported."""
    path = Path(db_path).expanduser().resolve()
    folder = path.parent / "reports"
    return folder if path.stem == "archive" else folder / path.stem


REPORTED_FILE = "last-reported.txt"
"""In the report folder: the last crawl ``report --unreported`` reported (its number, one line)."""


def last_reported(out_dir: str | Path) -> int | None:
    """The last crawl ``report --unreported`` reported into ``out_dir`` (:data:`REPORTED_FILE`),
    None when it has reported none there yet. Not the folder's ``crawl-N.md`` files: a report run
    by hand (``report``, ``report --crawl N``, ``crawl --watchlist``) writes them too, and told
    only whoever ran it, so a crawl it covered is still the scheduled run's to report (its
    recipients were not told). Raises LookupError for a record that holds no crawl number."""
    path = Path(out_dir) / REPORTED_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise LookupError(f"{path}: cannot read the record of the last crawl reported: {exc}") from None
    if not text.isdigit():
        raise LookupError(f"{path}: the record of the last crawl reported holds {text[:40]!r}, not a crawl "
                          f"number (write the number of the last crawl its readers were told of, or remove "
                          f"the file to report the last crawl only)")
    return int(text)


CATCH_UP_FILE = "catch-up-since.txt"
"""In the report folder, while a catch-up of ``report --unreported`` (several crawls) is not done: the last crawl
reported before it, and on its second line the last crawl it covers. Its earlier reports leave out a row a later crawl
of it changed again, for the later report to tell with its changes since the first crawl (watch/report.py, "A missed
night"); when that report fails (its e-mail) and the next run reports it, its changes begin there, not at the crawl
recorded since, or the earlier crawls' changes of the row were never told. A crawl after the last one it covers is
no part of it: its changes begin at the crawl before it (its rows were told in the catch-up's reports)."""


def catch_up_since(out_dir: str | Path) -> tuple[int, int | None] | None:
    """The crawl an unfinished catch-up began after and the last crawl it covers (:data:`CATCH_UP_FILE`; None for a
    record written without it), or None."""
    try:
        lines = (Path(out_dir) / CATCH_UP_FILE).read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or not lines[0].isdigit():
        return None
    return int(lines[0]), int(lines[1]) if len(lines) > 1 and lines[1].isdigit() else None


def mark_catch_up(out_dir: str | Path, since: int | None, through: int | None = None) -> None:
    """Record that a catch-up after crawl ``since`` through crawl ``through`` is under way (:data:`CATCH_UP_FILE`),
    or, ``since`` None, that it is done."""
    path = Path(out_dir) / CATCH_UP_FILE
    try:
        if since is None:
            path.unlink(missing_ok=True)
        else:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
            path.write_text(f"{since}\n" + (f"{through}\n" if through is not None else ""), encoding="utf-8")
    except OSError:  # the record of what was reported (mark_reported) tells its own failure
        pass


def mark_reported(out_dir: str | Path, crawl_id: int) -> None:
    """Record in ``out_dir`` that ``report --unreported`` reported crawl ``crawl_id``
    (:data:`REPORTED_FILE`, written whole or not at all). Raises OSError."""
    path = Path(out_dir) / REPORTED_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(f"{crawl_id}\n", encoding="utf-8")
    tmp.replace(path)


#: ``report --unreported`` with no record yet (the first scheduled run) reports from a crawl killed in these many days
#: before the last crawl started (:func:`unreported_crawls`): no report ran after it; an older one is history.
FIRST_RUN_DAYS = 7


def unreported_crawls(db_path: str | Path, out_dir: str | Path | None = None) -> tuple[int | None, list[int]]:
    """``(last reported crawl, crawls to report)`` for ``report --unreported``: the crawls after
    the last one it reported into the report folder (``out_dir``, default ``reports/`` next to
    the archive, :func:`default_out_dir`; recorded in :data:`REPORTED_FILE`,
    :func:`last_reported`), in order. Only ``--unreported`` (the scheduled run) records, so a
    crawl is reported once to its readers whatever ran the crawl (cron, systemd, scrapyd, by
    hand), a report by hand does not stand for it, and a night whose report failed is caught up.
    With no record in the folder yet, the last crawl only (as ``report`` without ``--crawl``),
    unless a report whose e-mail failed left its mark there (``crawl-N.unsent``,
    :func:`mark_unsent`): then from the first such crawl on, so the first night's failed report
    is not lost to the next night's; and unless a crawl was killed (SIGKILL, the out-of-memory killer, a reboot:
    ``finish_reason`` ``killed``, or ``running`` with no crawl holding the lock) in the :data:`FIRST_RUN_DAYS` days
    before the last crawl started: then from the first such crawl on, as no report ran after it (the first night's
    killed crawl was never reported: the next night's run reported its own crawl only). A crawl that is still running (it holds the archive's
    lock) is left for the next run, with the crawls after it; a crawl recorded as running that
    holds no lock was killed, and is reported (its report warns). Raises LookupError for a
    missing archive or an unreadable record."""
    import re

    from tenderarchive import readonly

    folder = Path(out_dir or default_out_dir(db_path))
    last = last_reported(folder)
    unsent = [int(m.group(1)) for f in (folder.glob("crawl-*.unsent") if folder.is_dir() else [])
              if (m := re.fullmatch(r"crawl-(\d+)\.unsent", f.name))]
    first_unsent = min((n for n in unsent if last is None or n > last), default=None)
    try:
        conn = readonly.connect(db_path)
    except readonly.ArchiveMissing as exc:
        raise LookupError(str(exc)) from None
    try:
        if not readonly.table_exists(conn, "crawls"):
            return last, []
        columns = {row[1] for row in conn.execute("select * from pragma_table_info('crawls')")}
        killed_sql = "finish_reason = 'killed'" if "finish_reason" in columns else "0"
        rows = conn.execute(f"select crawl_id, status, {killed_sql}, julianday(started) from crawls"
                            " where crawl_id > ? order by crawl_id", [last if last is not None else -1]).fetchall()
    finally:
        conn.close()
    running = readonly.crawl_running(db_path)
    if last is None and rows:
        # the first run: the last crawl, or from the first crawl killed (SIGKILL, OOM, a reboot: no report ran after
        # it) in the FIRST_RUN_DAYS before the last crawl started, or from a crawl whose mailed report failed
        newest = rows[-1][3]
        killed = [r[0] for r in rows[:-1] if (r[2] or r[1] == "running")  # an older crawl running: dead (the lock)
                  and r[3] is not None and newest is not None and newest - r[3] <= FIRST_RUN_DAYS]
        first = min([rows[-1][0], *killed, *([first_unsent] if first_unsent is not None else [])])
        rows = [r for r in rows if r[0] >= first]
    todo = []
    for crawl_id, status, *_ in rows:
        if status == "running" and running and crawl_id == rows[-1][0]:
            break
        todo.append(crawl_id)
    return last, todo


def mark_unsent(out_dir: Path, crawl_id: int, problem: str | None) -> None:
    """Record in the report folder that crawl ``crawl_id``'s report was not mailed
    (``crawl-N.unsent``, holding why), or, ``problem`` None, that it now was. Its crawl is not
    recorded as reported (:func:`mark_reported`), so a later ``--unreported`` reports it again
    when an earlier crawl was recorded; with none recorded yet (the first night), only this mark
    does (:func:`unreported_crawls`)."""
    path = Path(out_dir) / f"crawl-{crawl_id}.unsent"
    try:
        if problem is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(problem + "\n", encoding="utf-8")
    except OSError:  # the folder took the report files just now; failing here, its own error is what to tell
        pass


def report_after_crawl(db_path: str | Path, crawl_id: int | None, watchlist_path: str | Path, *,
                       out_dir: str | Path | None = None, datasette_url: str | None = None,
                       write_files: bool = True, email: bool = False, smtp: SMTPSettings | None = None,
                       email_empty: bool = False, print_text: bool = True, print_empty: bool = True,
                       stream=None, last_reported: int | None = None, through: int | None = None,
                       mailed=None) -> Report:
    """Build, print, write and (optionally) mail the watchlist report of one crawl.

    ``crawl_id=None`` means the last crawl; ``last_reported`` the last crawl the reader was told
    of (``report --unreported``: rows first archived after it are new, a row's changes are those since it),
    ``through`` the last crawl that catch-up reports (a row it touched again is left to its report). Files go to ``out_dir``
    (default: ``reports/`` next to the archive). The text report is printed to ``stream`` (default stdout) when
    ``print_text``, and with ``print_empty=False`` only when something matched or the crawl did not complete
    (:attr:`Report.incomplete`; under cron, whatever is printed is mailed: quiet nights send nothing, and a night
    whose crawl failed is no quiet night). E-mail is sent when ``email`` and there are matches or the crawl did not
    complete (or ``email_empty``), with ``smtp`` or :meth:`SMTPSettings.from_env`.
    Raises :class:`WatchlistError` for a bad watchlist, LookupError for a missing archive or
    crawl, smtplib/OSError/ValueError when mailing fails (after the files are written), and
    :class:`ReportFilesError` when the files cannot be written (after the report is mailed).
    ``mailed`` (no arguments) is called as soon as the SMTP server has accepted the mail (:func:`send_email`).
    """
    watchlist = load_watchlist(watchlist_path)
    report = build_report(db_path, watchlist, crawl_id, datasette_url, last_reported, through)
    # a crawl that did not complete is news though nothing matched: a quiet night (nothing printed under cron,
    # nothing mailed) told the journalist whose nightly crawl failed nothing at all
    news = bool(report.count()) or report.incomplete
    if print_text and (print_empty or news):
        out = stream or sys.stdout
        try:
            out.write(render_text(report))
            out.flush()   # printing comes first: a failed print is told before any file or mail
        except BrokenPipeError:
            raise
        except OSError as exc:   # `> /dev/full`, a full disk: not "could not be mailed"
            raise ReportPrintError(exc) from None
    files_error = None
    if write_files:
        folder = Path(out_dir or default_out_dir(db_path))
        try:
            report.paths = write_report(report, folder)
        except (OSError, ValueError) as exc:  # the mail still goes out: a report is not lost for a folder
            files_error = ReportFilesError(folder, exc)
    try:
        if email and (news or email_empty):
            send_email(report, smtp or SMTPSettings.from_env(), accepted=mailed)
    finally:
        if files_error:
            raise files_error
    return report
