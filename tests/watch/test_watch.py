"""Watchlists and crawl reports: after a crawl, what is new or changed in the searches a journalist follows."""

import json
import socket
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tenderarchive.watch import (SMTPSettings, WatchlistError, build_report, load_watchlist, render_atom, render_html,
                                 render_markdown, render_text,
                                 report_after_crawl)
from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications
from tests.conftest import ROOT, CrawlResult, by_id, make_publication, run_crawl

CLI = [sys.executable, "-m", "tenderarchive.cli"]
ATOM = "{http://www.w3.org/2005/Atom}"

WATCHLIST = """\
title: Mijn jeugdhulp
watches:
  - name: Zuid-Limburg
    keywords: [jeugd]
    jeugdregio's: [JZ41]
  - name: Leiden
    municipalities: [Leiden]
    cpv: ["85311300-5"]
  - name: Almere Wmo
    buyers: Gemeente Almere
"""


def write(tmp_path, text, name="watchlist.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- the watchlist file -----------------------------------------------------------------------------------
def test_the_documented_example_is_a_valid_watchlist():
    watchlist = load_watchlist(ROOT / "docs" / "watchlist.example.yaml")
    assert len(watchlist.watches) >= 4
    zuid_limburg = watchlist.watches[0]
    assert zuid_limburg.jeugdregios == {"JZ41": "Zuid-Limburg"}
    leiden = watchlist.watches[1]
    assert "GM0546" in leiden.municipalities and leiden.cpv == ["8531"]


@pytest.mark.parametrize("entry, words", [
    ("- name: A\n  keywords: [x]\n- name: B\n  keyword: [jeugdhulp]", ['entry 2 ("B")', '"keyword"', "keywords"]),
    ("- name: A\n  keywords: [x]\n- name: B\n  municipalities: [Leidn]", ['entry 2 ("B")', '"municipalities"',
                                                                        "Leidn", "leiden"]),
    ("- name: A\n  jeugdregios: [JZ99]", ['entry 1 ("A")', '"jeugdregios"', "JZ99"]),
    ("- name: A\n  cpv: [853113-5]", ['entry 1 ("A")', '"cpv"', "853113-5"]),
    ("- name: A\n  keywords: []", ['entry 1 ("A")', '"keywords"', "non-empty"]),
    ("- name: A\n  keywords: [true]", ['entry 1 ("A")', '"keywords"', "not a non-empty text"]),
    ("- name: A", ['entry 1 ("A")', "no search fields"]),
    ("- keywords: [jeugd]", ["entry 1", '"name"', "required"]),
    ("- name: A\n  keywords: [x]\n- name: a\n  keywords: [y]", ["entry 2", "duplicate of entry 1"]),
    ("- name: X\n  gemeente: Leiden", ['entry 1 ("X")', '"gemeente"', "unknown field", "gemeenten"]),
    ("watches: {name: A}", ["list of watches"]),
    ("- name: A\n  keywords: [x\n", ["not valid YAML"]),
    ("- &a {name: A, keywords: [x]}\n- *a", ["aliases are not allowed"]),
])
def test_errors_name_the_entry_and_the_field(tmp_path, entry, words):
    path = write(tmp_path, entry + "\n")
    with pytest.raises(WatchlistError) as caught:
        load_watchlist(path)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message, message


# --- reports of real crawls ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory):
    """Crawl 1 archives the snapshot; then TenderNed renames notice 100101 and publishes 100150
    (Heerlen, Zuid-Limburg); crawl 2 archives those two changes (and the archive keeps the old
    title of 100101 in ``versions``). Made once for the module: reports only read the archive
    (a test that adds rows works on a copy)."""
    snapshot = load_publications()
    db = tmp_path_factory.mktemp("watch") / "archive.db"
    with APIServer(TenderNedAPI(snapshot)) as server:
        first = run_crawl(server.api_url, db)
        assert first.returncode == 0, first.output
        second = _second_crawl(server, snapshot, db)
    return second


def _second_crawl(server, snapshot, db):
    template = by_id(snapshot, 100101)
    renamed = make_publication(template, 100101, template["list"]["publicatieDatum"],
                               title="Basishulp Jeugd Heerlen, Landgraaf en Voerendaal (herzien)",
                               kenmerk=template["list"]["kenmerk"])
    renamed["documenten"] = template["documenten"]
    renamed["detail"]["publicatieDatum"] = template["detail"]["publicatieDatum"]   # only the title changes
    server.api.add(renamed)
    # 100150 is a new publication of the same procedure, so the incremental crawl re-checks 100101.
    server.api.add(make_publication(template, 100150, "2018-04-02", title="Aanvullende jeugdhulp Heerlen",
                                    kenmerk=template["list"]["kenmerk"]))
    second = run_crawl(server.api_url, db)
    assert second.returncode == 0, second.output
    return second


def archive_changed(two_crawls, folder: Path, sql: str) -> Path:
    """A copy of the module's archive in ``folder`` (which it makes) with ``sql`` run on it: the module's archive stays
    as the crawls left it, for the tests that change a crawl's outcome."""
    import shutil
    import sqlite3

    db = folder / "archive.db"
    folder.mkdir()
    shutil.copyfile(two_crawls.db_path, db)
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    conn.close()
    return db


def test_a_moved_closing_date_reads_in_the_report_and_its_feed_as_on_the_research_pages(tmp_path):
    """Two real loopback crawls, the report run as cron runs it (``report --out``): between them TenderNed moves
    notice 100101's closing date and renames it. The report and its feeds said "deadline: 2018-07-06T12:00:00+02:00
    → 2018-07-20T12:00:00+02:00", the stored column and the ISO date, where the research pages and the ``changes``
    view say "Current closing date for tenders (deadline): 6 juli 2018 12:00" (``change_words``). Every rendering
    says the change in those words; the feed's entry id is as before."""
    snapshot = load_publications()
    db = tmp_path / "archive.db"
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        template = by_id(snapshot, 100101)
        moved = make_publication(template, 100101, template["list"]["publicatieDatum"],
                                 title=template["detail"]["aanbestedingNaam"] + " (herzien)",
                                 kenmerk=template["list"]["kenmerk"])
        moved["documenten"] = template["documenten"]
        moved["detail"]["publicatieDatum"] = template["detail"]["publicatieDatum"]
        moved["detail"]["sluitingsDatum"] = "2018-07-20T12:00:00"
        server.api.add(moved)
        # a new publication of the same procedure: the incremental crawl re-checks 100101 (as in ``two_crawls``)
        server.api.add(make_publication(template, 100150, "2018-04-02", kenmerk=template["list"]["kenmerk"]))
        second = run_crawl(server.api_url, db)
        assert second.returncode == 0, second.output
    out = subprocess.run([*CLI, "report", "--watchlist", str(write(tmp_path, WATCHLIST)), "--db", str(db),
                          "--out", str(tmp_path / "reports")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    said = "Current closing date for tenders (deadline): 6 juli 2018 12:00 → 20 juli 2018 12:00"
    assert said in out.stdout and "Title of the procurement (title): Basishulp" in out.stdout
    assert "2018-07-06T" not in out.stdout and "deadline: " not in out.stdout
    markdown = (tmp_path / "reports" / "crawl-2.md").read_text(encoding="utf-8")
    assert "`Current closing date for tenders (deadline)`: 6 juli 2018 12:00 → 20 juli 2018 12:00" in markdown
    for name in ("crawl-2.atom", "feed.atom"):
        feed = ET.parse(tmp_path / "reports" / name).getroot()
        [entry] = [e for e in feed.findall(f"{ATOM}entry")
                   if e.findtext(f"{ATOM}id").endswith("/notices/100101/zuid-limburg")]
        assert entry.findtext(f"{ATOM}id") == "tag:tenderarchive,2024:archive/crawl-2/notices/100101/zuid-limburg"
        content = entry.findtext(f"{ATOM}content")
        assert ("<code>Current closing date for tenders (deadline)</code>: <del>6 juli 2018 12:00</del> → "
                "<ins>20 juli 2018 12:00</ins>") in content and "2018-07-20T" not in content


def test_the_report_lists_the_new_and_changed_matches_of_that_crawl(two_crawls, tmp_path):
    watchlist = load_watchlist(write(tmp_path, WATCHLIST))
    report = build_report(two_crawls.db_path, watchlist, datasette_url="http://127.0.0.1:8001/")
    assert report.crawl_id == 2
    by_watch = {watch.name: matches for watch, matches in report.results}
    zuid_limburg = {m.key: m for m in by_watch["Zuid-Limburg"]}
    assert set(zuid_limburg) == {100101, 100150}   # not 100131/100190: unchanged in crawl 2
    assert zuid_limburg[100150].status == "new"
    changed = zuid_limburg[100101]
    assert changed.status == "changed"
    # the column as the research pages name it (change_words), the stored column beside it
    assert changed.changes == [{"column": "Title of the procurement (title)", "field": "title",
                                "old": "Basishulp Jeugd Heerlen, Landgraaf en Voerendaal",
                                "new": "Basishulp Jeugd Heerlen, Landgraaf en Voerendaal (herzien)"}]
    assert changed.url == "https://www.tenderned.nl/aankondigingen/overzicht/100101"
    assert changed.datasette_url == "http://127.0.0.1:8001/archive/notices/100101"
    assert any("Zuid-Limburg" in reason for reason in changed.reasons)
    assert by_watch["Leiden"] == [] and by_watch["Almere Wmo"] == []

    text = render_text(report)
    assert "1 new, 1 changed in 1 of 3 watches" in text
    assert "Title of the procurement (title): Basishulp Jeugd Heerlen, Landgraaf en Voerendaal → Basishulp Jeugd " \
           "Heerlen, Landgraaf en Voerendaal (herzien)" in text
    assert "== Leiden: nothing new ==" in text

    first = {w.name: {m.key: m for m in ms} for w, ms in build_report(two_crawls.db_path, watchlist, 1).results}
    # crawl 1's report tells what crawl 1 found: 100101 new, by the title it had then (crawl 2 changed it)
    assert sorted(first["Zuid-Limburg"]) == [100101, 100131, 100190]
    assert (first["Zuid-Limburg"][100101].status, first["Zuid-Limburg"][100101].title) == (
        "new", "Basishulp Jeugd Heerlen, Landgraaf en Voerendaal")
    assert sorted(first["Leiden"]) == [200201, 200288] and list(first["Almere Wmo"]) == [600601]


def test_report_files_markdown_html_and_atom_feeds(two_crawls, tmp_path):
    path = write(tmp_path, WATCHLIST)
    out = tmp_path / "out"
    for crawl_id in (1, 2):
        report = report_after_crawl(two_crawls.db_path, crawl_id, path, out_dir=out, print_text=False,
                                    datasette_url="https://data.example.org")
    assert sorted(p.name for p in out.iterdir()) == [
        "crawl-1.atom", "crawl-1.html", "crawl-1.md", "crawl-2.atom", "crawl-2.html", "crawl-2.md", "feed.atom"]
    markdown = (out / "crawl-2.md").read_text(encoding="utf-8")
    assert "[Aanvullende jeugdhulp Heerlen](https://www.tenderned.nl/aankondigingen/overzicht/100150)" in markdown
    assert "[Datasette](https://data.example.org/archive/notices/100150)" in markdown
    page = (out / "crawl-2.html").read_text(encoding="utf-8")
    assert '<a href="https://www.tenderned.nl/aankondigingen/overzicht/100101">' in page
    assert "<del>Basishulp Jeugd Heerlen, Landgraaf en Voerendaal</del>" in page

    feed = ET.parse(out / "crawl-2.atom").getroot()
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{tag}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == report.count() == 2
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("tag:tenderarchive,2024:")
        assert entry.findtext(f"{ATOM}updated") and entry.findtext(f"{ATOM}title").startswith("[Zuid-Limburg]")
        links = {link.get("rel", "alternate"): link.get("href") for link in entry.findall(f"{ATOM}link")}
        assert links["alternate"].startswith("https://www.tenderned.nl/aankondigingen/overzicht/")
        assert links["related"].startswith("https://data.example.org/archive/notices/")
    # The rolling feed holds both crawls' entries, newest crawl first, without duplicates.
    rolling = ET.parse(out / "feed.atom").getroot().findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in rolling]
    assert len(ids) == len(set(ids)) == 2 + 6   # crawl 1's: the 5 notices it found unchanged since, and 100101
    assert "/crawl-2/" in ids[0] and "/crawl-1/" in ids[-1]


def test_report_command_and_its_exit_codes(two_crawls, tmp_path):
    path = write(tmp_path, WATCHLIST)
    out = subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(two_crawls.db_path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Mijn jeugdhulp: crawl 2 (tenderned, complete")
    assert "CHANGED" in out.stdout and "Aanvullende jeugdhulp Heerlen" in out.stdout
    assert (two_crawls.db_path.parent / "reports" / "crawl-2.html").exists()   # default: next to the archive

    bad = write(tmp_path, "- name: X\n  gemeente: Leiden\n", "bad.yaml")
    out = subprocess.run([*CLI, "report", "--watchlist", str(bad), "--db", str(two_crawls.db_path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and 'entry 1 ("X"): field "gemeente"' in out.stderr

    out = subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(two_crawls.db_path),
                          "--crawl", "99"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    # which crawls it has, not only which it has not (a mistyped id, a crawl of another archive)
    assert out.returncode == 1 and "no crawl 99: it has crawls 1 to 2 (`tenderarchive status --db" in out.stderr

    out = subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(two_crawls.db_path), "--email"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "TENDERARCHIVE_SMTP_TIMEOUT": "soon"})
    assert out.returncode == 2 and "TENDERARCHIVE_SMTP_TIMEOUT must be a number, not 'soon'" in out.stderr
    assert "Traceback" not in out.stderr


def test_email_with_no_recipient_is_a_bad_argument_before_anything_is_done(two_crawls, tmp_path, smtp_server):
    """``report --email`` with no recipient (no ``--mail-to``, no ``TENDERARCHIVE_SMTP_TO``) built, printed and wrote
    the report, then said "could not be mailed" (exit 1), and ``crawl --watchlist --email`` ran its whole crawl first.
    Nothing can be mailed to no one: exit 2 naming ``--email`` and how to give a recipient, no report printed or
    written, no crawl run. ``--email-empty`` alone mailed nothing ("mail the report even when nothing matched"): it
    implies ``--email``."""
    import os

    path = write(tmp_path, WATCHLIST)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENDERARCHIVE_SMTP_")}
    out = subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(two_crawls.db_path), "--email",
                          "--out", str(tmp_path / "r")], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 2, out.stderr
    assert "--email" in out.stderr and "--mail-to" in out.stderr and "TENDERARCHIVE_SMTP_TO" in out.stderr
    assert out.stdout == "" and not (tmp_path / "r").exists()
    crawl = subprocess.run([*CLI, "crawl", "tenderned", "--db", str(tmp_path / "new.db"), "--watchlist", str(path),
                            "--email", "-s", "TENDERNED_API_URL=http://127.0.0.1:9/"], cwd=ROOT, capture_output=True,
                           text=True, timeout=120, env=env)
    assert crawl.returncode == 2 and "no e-mail recipients" in crawl.stderr, crawl.stderr
    assert not (tmp_path / "new.db").exists()
    # --email-empty alone: mailed, though nothing matched in crawl 2 for this watchlist
    quiet = write(tmp_path, "- name: Almere\n  buyers: Gemeente Almere\n", "quiet.yaml")
    mailed = subprocess.run([*CLI, "report", "--watchlist", str(quiet), "--db", str(two_crawls.db_path),
                             "--email-empty", "--no-files", "--smtp-host", "127.0.0.1", "--smtp-port",
                             str(smtp_server.port), "--mail-to", "a@example.org"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env=env)
    assert mailed.returncode == 0, mailed.stderr
    assert [e.rcpt_tos for e in smtp_server.envelopes] == [["a@example.org"]]


# --- e-mail ----------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives and accepts
    one login (AUTH without TLS, which only a loopback test server may allow)."""
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")
    from aiosmtpd.smtp import AuthResult

    class Keep:
        def __init__(self):
            self.envelopes = []
            self.quits, self.quit_delay, self.hang_up = 0, 0, False   # how the next QUIT is answered

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
            self.envelopes.append(envelope)
            return "250 OK"

        async def handle_QUIT(self, server, session, envelope):  # noqa: N802
            import asyncio

            self.quits += 1
            delay, self.quit_delay = self.quit_delay, 0
            await asyncio.sleep(delay)   # a server slow to say goodbye
            if self.hang_up:   # or one that hangs up instead
                self.hang_up = False
                server.transport.abort()
            return "221 Bye"

    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login, auth_data.password) == (b"redactie", b"geheim")
        logins.append((auth_data.login, ok))
        return AuthResult(success=ok)

    handler = Keep()
    controller = aiosmtpd.Controller(handler, hostname="127.0.0.1", port=free_port(),
                                     authenticator=authenticator, auth_require_tls=False)
    controller.start()
    handler.port, handler.logins = controller.port, logins
    yield handler
    controller.stop()


def test_the_report_is_mailed_through_smtp_with_credentials_from_the_environment(two_crawls, tmp_path,
                                                                                   smtp_server):
    path = write(tmp_path, WATCHLIST)
    env = {"TENDERARCHIVE_SMTP_HOST": "127.0.0.1", "TENDERARCHIVE_SMTP_PORT": str(smtp_server.port),
           "TENDERARCHIVE_SMTP_FROM": "archief@example.org", "TENDERARCHIVE_SMTP_TO": "a@example.org, b@example.org",
           "TENDERARCHIVE_SMTP_USER": "redactie", "TENDERARCHIVE_SMTP_PASSWORD": "geheim",
           "TENDERARCHIVE_SMTP_TIMEOUT": "3"}   # aiosmtpd never answers after a refused login: the timeout ends it
    report_after_crawl(two_crawls.db_path, None, path, write_files=False, print_text=False, email=True,
                       smtp=SMTPSettings.from_env(env))
    [envelope] = smtp_server.envelopes
    assert smtp_server.logins == [(b"redactie", True)]
    assert envelope.mail_from == "archief@example.org"
    assert envelope.rcpt_tos == ["a@example.org", "b@example.org"]
    import email

    message = email.message_from_bytes(envelope.original_content)
    assert message["Subject"] == "Mijn jeugdhulp: 1 new, 1 changed in 1 of 3 watches (crawl 2)"
    parts = {part.get_content_type(): part.get_payload(decode=True).decode() for part in message.walk()
             if not part.is_multipart()}
    assert "Aanvullende jeugdhulp Heerlen" in parts["text/plain"]
    assert '<a href="https://www.tenderned.nl/aankondigingen/overzicht/100150">' in parts["text/html"]

    # Nothing matched in crawl 2 for this watchlist: no mail unless asked for.
    quiet = write(tmp_path, "- name: Almere\n  buyers: Gemeente Almere\n", "quiet.yaml")
    report_after_crawl(two_crawls.db_path, 2, quiet, write_files=False, print_text=False, email=True,
                       smtp=SMTPSettings.from_env(env))
    assert len(smtp_server.envelopes) == 1
    # Through the command line, with a wrong password: the files are written, the exit code says it failed.
    out = subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(two_crawls.db_path), "--email",
                          "--quiet", "--out", str(tmp_path / "r")], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={**__import__("os").environ, **env,
                                           "TENDERARCHIVE_SMTP_PASSWORD": "fout"})
    assert out.returncode == 1 and "could not be mailed" in out.stderr
    assert (tmp_path / "r" / "crawl-2.md").exists() and len(smtp_server.envelopes) == 1


def test_report_unreported_mails_a_report_once_though_killed_or_hung_up_on_after_the_server_took_it(
        two_crawls, tmp_path, smtp_server):
    """``report --unreported --email`` (the scheduled run) recorded that it reported a crawl after closing the SMTP
    connection. A server slow to answer QUIT kept it waiting (up to its timeout) with the mail delivered and the crawl
    not recorded: a run killed then (a systemd timer's or cron's time limit) mailed the same report again the next
    night; a server that hung up instead of answering QUIT made it "could not be mailed" (exit 1) and the next run
    mailed it again too. It records the crawl as soon as the server has taken the mail."""
    import os
    import signal
    import time

    path = write(tmp_path, WATCHLIST)
    env = {**os.environ, "TENDERARCHIVE_SMTP_HOST": "127.0.0.1", "TENDERARCHIVE_SMTP_PORT": str(smtp_server.port),
           "TENDERARCHIVE_SMTP_TO": "redactie@example.org", "TENDERARCHIVE_SMTP_TIMEOUT": "60"}
    out = tmp_path / "reports"
    command = [*CLI, "report", "--watchlist", str(path), "--db", str(two_crawls.db_path), "--unreported", "--email",
               "--quiet", "--out", str(out)]
    smtp_server.quit_delay = 60
    first = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not smtp_server.quits and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert smtp_server.quits == 1 and len(smtp_server.envelopes) == 1, first.stderr.read() if first.poll() else ""
    finally:
        os.kill(first.pid, signal.SIGKILL)   # killed while the server takes its time to say goodbye
        first.communicate(timeout=30)
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert len(smtp_server.envelopes) == 1   # the report of crawl 2 was mailed once
    assert (out / "last-reported.txt").read_text(encoding="utf-8") == "2\n"

    smtp_server.hang_up = True   # another folder, whose first report goes to a server that hangs up on QUIT
    hung_up = subprocess.run([*command[:-1], str(tmp_path / "other")], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=120)
    assert hung_up.returncode == 0 and "could not be mailed" not in hung_up.stderr, hung_up.stderr
    assert len(smtp_server.envelopes) == 2 and not list((tmp_path / "other").glob("*.unsent"))
    assert (tmp_path / "other" / "last-reported.txt").read_text(encoding="utf-8") == "2\n"


def test_articles_match_through_their_municipalities(two_crawls, tmp_path):
    """News articles (when the archive has them) are reported like notices, by their linked municipalities."""
    import shutil

    from tenderarchive.store.writes import open_archive

    copy = tmp_path / "archive.db"
    shutil.copyfile(two_crawls.db_path, copy)   # the module's archive stays as the crawls left it
    two_crawls = CrawlResult(subprocess.CompletedProcess([], 0, "", ""), copy)
    db = open_archive(two_crawls.db_path)
    if not db["articles"].exists() or not db["article_municipalities"].exists():
        pytest.skip("this archive has no articles table yet")
    url = "https://www.example.nl/nieuws/jeugdhulp-leiden"
    db["articles"].insert({"url": url, "site": "example", "title": "Leiden kiest nieuwe jeugdhulpaanbieders",
                           "text": "De gemeente gunt de opdracht.", "published": "2024-01-01", "crawl_id": 2},
                          alter=True)
    db["article_municipalities"].insert({"url": url, "cbs_code": "GM0546", "name": "Leiden",
                                         "jeugdregio_code": "JZ18"}, alter=True)
    db.close()
    both = write(tmp_path, """\
        - name: Leiden nieuws
          municipalities: Leiden
          keywords: jeugdhulp
        - name: Leiden met CPV
          municipalities: Leiden
          cpv: "8531"
        """, "articles.yaml")
    results = {w.name: ms for w, ms in build_report(two_crawls.db_path, load_watchlist(both), 2).results}
    assert [m.key for m in results["Leiden nieuws"]] == [url]
    assert results["Leiden nieuws"][0].source == "example" and results["Leiden nieuws"][0].url == url
    assert results["Leiden met CPV"] == []   # articles have no CPV codes


def test_articles_judged_not_about_a_procurement_match_only_watches_that_ask_for_all_news(two_crawls, tmp_path):
    """A vacancy or budget story on a watched municipality's site (``relevant`` = 0) is not reported:
    it was, to every watch of that municipality. ``news: all`` asks for it; an article not yet
    judged (``relevant`` NULL) is reported."""
    import shutil

    from tenderarchive.store.writes import open_archive

    copy = tmp_path / "archive.db"
    shutil.copyfile(two_crawls.db_path, copy)
    db = open_archive(copy)
    rows = {"https://www.example.nl/nieuws/vacature-jeugdconsulent": 0,
            "https://www.example.nl/nieuws/jeugdhulp-gegund": 1,
            "https://www.example.nl/nieuws/ongelezen": None}
    for url, relevant in rows.items():
        db["articles"].insert({"url": url, "site": "example", "title": "Leiden en de jeugdhulp", "text": "Jeugdhulp.",
                               "published": "2024-01-01", "crawl_id": 2, "relevant": relevant}, alter=True)
        db["article_municipalities"].insert({"url": url, "cbs_code": "GM0546", "name": "Leiden",
                                             "jeugdregio_code": "JZ18"}, alter=True)
    db.close()
    watchlist = write(tmp_path, """\
        - name: Leiden
          municipalities: Leiden
        - name: Leiden, alle nieuws
          municipalities: Leiden
          news: all
        """, "news.yaml")
    results = {w.name: sorted(m.key for m in ms if m.table == "articles")
               for w, ms in build_report(copy, load_watchlist(watchlist), 2).results}
    assert results["Leiden"] == ["https://www.example.nl/nieuws/jeugdhulp-gegund",
                                 "https://www.example.nl/nieuws/ongelezen"]
    assert results["Leiden, alle nieuws"] == sorted(rows)


def test_the_news_option_takes_relevant_or_all(tmp_path):
    with pytest.raises(WatchlistError, match="news"):
        load_watchlist(write(tmp_path, """\
            - name: x
              keywords: jeugdhulp
              news: alles
            """, "bad.yaml"))
    with pytest.raises(WatchlistError, match="no search fields"):
        load_watchlist(write(tmp_path, """\
            - name: x
              news: all
            """, "bad2.yaml"))


# --- rendering hostile rows (synthetic) ----------------------------------------------------------------------
def hostile_report(tmp_path):
    """A synthetic report whose rows carry what a hostile or broken page could: a ``javascript:``
    address, markup in titles, characters XML forbids, and a URL with parentheses and a space."""
    from tenderarchive.watch import Match, Report, Watch, Watchlist

    watch = Watch(name="Jeugdhulp <b>&</b>", keywords=["jeugdhulp"])
    hostile = Match("articles", "javascript:window.__xss=1", "Jeugdhulp <script>window.__xss=1</script>\x0b ]]> & co",
                    "javascript:window.__xss=1//https://example.org", "javascript:window.__xss=2", "2024-01-02",
                    "site\x00.example", "new", ["keyword “jeugdhulp”"],
                    [{"column": "title", "old": "a\x1fb", "new": "<img src=x onerror=window.__xss=1>"}])
    plain = Match("notices", 100101, "Gewone titel (herzien)",
                  "https://www.tenderned.nl/aankondigingen/overzicht/100101?a=(b) c",
                  "https://data.example.org/archive/notices/100101", "2024-01-02", "Gemeente Heerlen", "changed",
                  ["keyword “jeugdhulp”"], [])
    watchlist = Watchlist(path=tmp_path / "proef.yaml", title="Proef & <test>", watches=[watch])
    crawl = {"crawl_id": 7, "spider": "news", "status": "complete", "finished": "2024-01-02T03:00:00+00:00"}
    return Report(watchlist, crawl, "archive", [(watch, [hostile, plain])])


def test_renderers_link_only_http_urls_and_escape_everything(tmp_path):
    from tenderarchive.watch import render_atom, render_html, render_markdown

    report = hostile_report(tmp_path)
    page = render_html(report)
    assert "javascript:" not in page.replace("(javascript:window.__xss=1//https://example.org)", "")
    assert "href=\"javascript" not in page.lower() and "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    assert '<a href="https://www.tenderned.nl/aankondigingen/overzicht/100101?a=(b) c">' in page

    markdown = render_markdown(report)
    assert "](javascript" not in markdown and "<script>" not in markdown
    assert "[Gewone titel \\(herzien\\)](https://www.tenderned.nl/aankondigingen/overzicht/100101?a=%28b%29%20c)" \
        in markdown
    assert "[Datasette](https://data.example.org/archive/notices/100101)" in markdown

    feed = ET.fromstring(render_atom(report))   # forbidden characters would make this fail
    entries = feed.findall(f"{ATOM}entry")
    assert feed.findtext(f"{ATOM}title") == "Proef & <test>"
    assert entries[0].findtext(f"{ATOM}title") == \
        "[Jeugdhulp <b>&</b>] new: Jeugdhulp <script>window.__xss=1</script> ]]> & co"
    assert entries[0].findall(f"{ATOM}link") == []     # a javascript: address is no link
    hrefs = [link.get("href") for entry in entries for link in entry.findall(f"{ATOM}link")]
    assert hrefs == ["https://www.tenderned.nl/aankondigingen/overzicht/100101?a=(b) c",
                     "https://data.example.org/archive/notices/100101"]
    content = entries[0].findtext(f"{ATOM}content")
    assert "<script>" not in content and "href" not in content and "&lt;script&gt;" in content


def test_report_files_that_cannot_be_written_still_print_and_mail_the_report(two_crawls, tmp_path, smtp_server):
    # A file where the report folder should be (or a folder without write permission): the report
    # is printed and mailed all the same, and the one line names the folder, not the e-mail.
    path = write(tmp_path, WATCHLIST)
    blocked = tmp_path / "reports-file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = {"TENDERARCHIVE_SMTP_HOST": "127.0.0.1", "TENDERARCHIVE_SMTP_PORT": str(smtp_server.port),
           "TENDERARCHIVE_SMTP_FROM": "archief@example.org", "TENDERARCHIVE_SMTP_TO": "a@example.org",
           "TENDERARCHIVE_SMTP_USER": "redactie", "TENDERARCHIVE_SMTP_PASSWORD": "geheim",
           "TENDERARCHIVE_SMTP_TIMEOUT": "3"}
    out = subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(two_crawls.db_path), "--email",
                          "--out", str(blocked)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, **env})
    assert out.returncode == 6, out.stderr
    assert f"{blocked}: cannot write the report files" in out.stderr and "--no-files" in out.stderr
    assert "mailed" not in out.stderr and "Traceback" not in out.stderr
    assert out.stdout.startswith("Mijn jeugdhulp: crawl 2") and len(smtp_server.envelopes) == 1
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_text_changed_after_its_start_shows_the_changed_passage(tmp_path):
    """An article's text (or a notice's description) changed in its last paragraph read the same on
    both sides of the arrow: each side was cut at its start. Each side now starts a little before
    the first difference, in every rendering."""
    from tenderarchive.watch import Match, Report, Watch, Watchlist, render_html, render_markdown, render_text

    start = "De gemeenten in de regio hebben de inkoop van jeugdhulp voorbereid. " * 6
    old, new = start + "De aanbesteding start in maart 2025.", start + "De aanbesteding start in juni 2025."
    watch = Watch(name="Jeugdhulp", keywords=["jeugdhulp"])
    article = Match("articles", "https://www.example.nl/nieuws/inkoop", "Inkoop jeugdhulp", "https://www.example.nl/nieuws/inkoop",
                    None, "2024-01-02", "example.nl", "changed", ["keyword “jeugdhulp”"],
                    [{"column": "text", "old": old, "new": new}, {"column": "title", "old": "Kort", "new": "Korter"}])
    crawl = {"crawl_id": 8, "spider": "news", "status": "complete", "finished": "2024-01-03T03:00:00+00:00"}
    report = Report(Watchlist(path=tmp_path / "w.yaml", title="W", watches=[watch]), crawl, "archive",
                    [(watch, [article])])
    [line] = [x for x in render_text(report).splitlines() if x.strip().startswith("text:")]
    assert "maart 2025" in line.split("→")[0] and "juni 2025" in line.split("→")[1]
    [item] = [x for x in render_markdown(report).splitlines() if "`text`" in x]
    assert "maart 2025" in item.split("→")[0] and "juni 2025" in item.split("→")[1]
    page = render_html(report)
    assert "maart 2025.</del>" in page and "juni 2025.</ins>" in page
    assert "title</code>: <del>Kort</del> → <ins>Korter</ins>" in page   # short values stay whole


def test_a_notice_whose_only_change_is_the_archives_bookkeeping_is_not_reported_changed(tmp_path):
    """A re-check whose answer leaves a value out (a sparse detail) or sends it unreadable (``isGegund:
    "onbekend"``) keeps every archived value and changes only ``omitted_columns``: it was reported as
    "changed" with "`omitted_columns`: — → [...]", a change of nothing the reader sees. Not reported now; the
    new notice that made the crawl re-check it is."""
    snapshot = load_publications()
    db = tmp_path / "archive.db"
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        template = by_id(snapshot, 100101)
        template["detail"]["isGegund"] = "onbekend"
        del template["detail"]["opdrachtBeschrijving"]
        # 100150 is a new publication of the same procedure, so the incremental crawl re-checks 100101.
        server.api.add(make_publication(template, 100150, "2018-04-02", title="Aanvullende jeugdhulp Heerlen",
                                        kenmerk=template["list"]["kenmerk"]))
        second = run_crawl(server.api_url, db)
    row = second.db["notices"].get(100101)
    assert json.loads(row["omitted_columns"]) == ["description", "is_awarded (unreadable)"], row["omitted_columns"]
    # recorded, but no change of the notice: its provenance stays the first crawl's (schema origin, branch refapi60)
    assert row["crawl_id"] == 1
    report = build_report(db, load_watchlist(write(tmp_path, WATCHLIST)))
    zuid_limburg = {m.key: m for watch, matches in report.results if watch.name == "Zuid-Limburg" for m in matches}
    assert set(zuid_limburg) == {100150} and zuid_limburg[100150].status == "new"
    assert "0 changed" in render_text(report)


def test_a_notice_moved_to_another_procedure_is_reported_with_its_kenmerk_once(snapshot, serve_api, crawl, tmp_path):
    """TenderNed moved both publications of procedure 243310 to procedure 777001 (a changed ``kenmerk``, reference
    §3): each was reported changed with "kenmerk: 243310 → 777001" and, below it, "procurement_id: TN243310 →
    TN777001", the same move twice (the archive's procurement id is ``TN`` + kenmerk). The kenmerk alone says it."""
    from tests.test_derive import _renumbered_crawls

    again = _renumbered_crawls(snapshot, serve_api, crawl, moved=(200201, 200288),
                               window={"from_date": "2020-06-15", "until_date": "2021-01-20"})
    report = build_report(again.db_path, load_watchlist(write(tmp_path, "watches:\n  - name: Leiden\n"
                                                                        "    municipalities: [Leiden]\n")))
    [(_, matches)] = report.results
    assert {m.key: m.status for m in matches} == {200201: "changed", 200288: "changed"}
    for m in matches:
        assert [(ch["column"], ch["old"], ch["new"]) for ch in m.changes
                if "kenmerk" in ch["column"] or "procurement" in ch["column"]] == [
                    ("Kenmerk (kenmerk)", "243310", "777001")]
    text = render_text(report)
    assert text.count("Kenmerk (kenmerk): 243310 → 777001") == 2 and "procurement_id" not in text
    assert "→ TN777001" not in text


def test_a_procurement_whose_every_notice_moved_is_told_gone_once(snapshot, serve_api, crawl, tmp_path):
    """TenderNed moved both publications of procedure 243310 to procedure 777001: the derivation deleted TN243310
    and the report told only each notice's "kenmerk: 243310 → 777001", the reader left to infer that the procurement
    of an earlier report, feed entry or bookmark is no more. The report says it, once however many watches match its
    notices, from the version the derivation keeps of it; a later crawl's does not say it again."""
    from tests.test_derive import _renumbered_crawls

    window = {"from_date": "2020-06-15", "until_date": "2021-01-20"}
    again = _renumbered_crawls(snapshot, serve_api, crawl, moved=(200201, 200288), window=window)
    [kept] = again.db.query("select previous_values, new_values, crawl_id from versions "
                            "where table_name = 'procurements' and row_key = 'TN243310'")
    assert json.loads(kept["previous_values"])["publication_ids"] == "[200201, 200288]"
    assert json.loads(kept["new_values"])["procurement_id"] is None and kept["crawl_id"] == again.crawl["crawl_id"]
    watchlist = load_watchlist(write(tmp_path, "watches:\n  - name: Leiden\n    municipalities: [Leiden]\n"
                                               "  - name: Toegang\n    keywords: [toegang]\n"))
    report = build_report(again.db_path, watchlist, datasette_url="http://127.0.0.1:8001")
    assert all(matches for _, matches in report.results)    # both watches match the moved notices
    told = "procurement TN243310 Gemeentelijke toegang Jeugdhulp Leidse Regio is gone: its notices moved to TN777001"
    text = render_text(report)
    assert text.count(told) == 1 and "1 procurement gone" in text.splitlines()[1]
    assert "http://127.0.0.1:8001/-/aanbesteding?id=TN243310" in text
    assert render_markdown(report).count("is gone: its notices moved to TN777001") == 1
    assert render_html(report).count("is gone: its notices moved to TN777001") == 1
    feed = ET.fromstring(render_atom(report))
    gone = [e for e in feed.iter("{http://www.w3.org/2005/Atom}entry")
            if e.findtext("{http://www.w3.org/2005/Atom}title").startswith("gone: TN243310")]
    assert [e.findtext("{http://www.w3.org/2005/Atom}content") for e in gone] == [told]
    third = crawl(serve_api(snapshot).api_url, **window)
    assert third.crawl["status"] == "complete", third.errors
    assert "is gone" not in render_text(build_report(third.db_path, watchlist))


def test_a_notice_reported_withdrawn_that_a_later_crawl_finds_published_again_is_reported_so(tmp_path):
    """Crawl 2 asked TenderNed for notice 100131 again and got 404: its report listed it *withdrawn*. Crawl 3 found
    it published again (200, unchanged): its report said nothing, so the reader, told it was withdrawn, never heard
    it is back. It is *changed* in crawl 3's report, "published again"; in crawl 4's, found so again, it is not."""
    snapshot = load_publications()
    db = tmp_path / "archive.db"
    detail = "/papi/tenderned-rs-tns/v2/publicaties/100131"
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db, "-s", "TENDERNED_INCREMENTAL=False").returncode == 0
        server.api.faults[detail] = [{"status": 404, "body": '{"message": "Publicatie niet gevonden"}'}] * 10
        assert run_crawl(server.api_url, db, "-s", "TENDERNED_INCREMENTAL=False").returncode != 0
        server.api.faults.clear()
        for _ in range(2):
            assert run_crawl(server.api_url, db, "-s", "TENDERNED_INCREMENTAL=False").returncode == 0
    watchlist = load_watchlist(write(tmp_path, WATCHLIST))

    def zuid_limburg(crawl_id):
        report = build_report(db, watchlist, crawl_id)
        return {m.key: m for watch, matches in report.results if watch.name == "Zuid-Limburg" for m in matches}

    assert zuid_limburg(2)[100131].status == "withdrawn"
    back = zuid_limburg(3)[100131]
    assert back.status == "changed"
    assert back.changes == [{"column": "TenderNed", "old": "HTTP 404 in crawl 2: withdrawn or removed",
                             "new": "published again in crawl 3"}]
    assert 100131 not in zuid_limburg(4)


def test_a_partial_news_crawls_report_warns_of_missing_news_pages_not_notices(tmp_path):
    """The report of a partial news crawl warned "some new or changed notices may be missing": a news crawl
    archives news pages, never notices. The warning names what that crawl's spider archives."""
    from tenderarchive.store.writes import open_archive

    db = open_archive(tmp_path / "archive.db")
    db["crawls"].insert_all([
        {"crawl_id": 1, "spider": "news", "status": "partial", "started": "2026-12-03T05:47:00+00:00"},
        {"crawl_id": 2, "spider": "tenderned", "status": "partial", "started": "2026-12-04T04:17:00+00:00"}])
    db.close()
    watchlist = load_watchlist(ROOT / "docs" / "watchlist.example.yaml")
    news = build_report(tmp_path / "archive.db", watchlist, 1)
    assert news.warning == ("crawl 1 is partial: some new or changed news pages may be missing "
                            "(see `tenderarchive status`)")
    assert "WARNING: crawl 1 is partial: some new or changed news pages" in render_text(news)
    assert "some new or changed notices may be missing" in build_report(tmp_path / "archive.db", watchlist, 2).warning


def test_a_crawl_that_read_past_source_drift_is_reported_with_a_warning_that_its_notices_were_archived(tmp_path):
    """A crawl that read past fields TenderNed sent in another shape (``crawls.drift``) reported nothing of it: the
    report's reader saw a complete crawl. Its report warns, naming the fields, and says its notices were archived; a
    partial crawl's report says both; a crawl of no drift, or of an archive before the column, none."""
    from tenderarchive.store.writes import open_archive

    db = open_archive(tmp_path / "archive.db")
    db["crawls"].insert_all([
        {"crawl_id": 1, "spider": "tenderned", "status": "complete", "drift": '{"publicatieDatum": 3}'},
        {"crawl_id": 2, "spider": "tenderned", "status": "partial", "drift": '{"kenmerk": 1, "nieuwVeld": 2}'},
        {"crawl_id": 3, "spider": "tenderned", "status": "complete", "drift": "{}"},
        {"crawl_id": 4, "spider": "tenderned", "status": "complete", "drift": None}])
    db.close()
    watchlist = load_watchlist(ROOT / "docs" / "watchlist.example.yaml")
    warning = [build_report(tmp_path / "archive.db", watchlist, crawl).warning for crawl in (1, 2, 3, 4)]
    assert warning == [
        "crawl 1 read past source drift (fields sent in another shape than documented; the notices were archived: a "
        "warning, not an error): publicatieDatum in 3 notices (see `tenderarchive status`)",
        "crawl 2 is partial: some new or changed notices may be missing; crawl 2 read past source drift (fields sent "
        "in another shape than documented; the notices were archived: a warning, not an error): kenmerk in 1 notice, "
        "nieuwVeld in 2 notices (see `tenderarchive status`)",
        None, None]
    assert "WARNING: crawl 1 read past source drift" in render_text(build_report(tmp_path / "archive.db", watchlist, 1))


def test_the_feeds_and_the_mail_of_a_partial_crawl_say_it_is_partial(tmp_path):
    """Two real loopback crawls, the second partial (notice 100131's detail answers 500): its text, Markdown and
    HTML report warned, but ``crawl-2.atom`` and the rolling ``feed.atom`` a feed reader polls held its matches
    alone, read as complete as crawl 1's, and the mail's subject, what the inbox shows, said "(crawl 2)". The feeds
    carry the warning as an entry of its own (first, once per crawl, also when nothing matched); the subject says
    "(crawl 2, partial)". A complete crawl has neither."""
    import email.message

    from tenderarchive.watch.mail import SMTPSettings, email_message

    snapshot = load_publications()
    db, out = tmp_path / "archive.db", tmp_path / "reports"
    watchlist = write(tmp_path, WATCHLIST)
    quiet = write(tmp_path, "- name: Almere\n  buyers: Gemeente Almere\n", "quiet.yaml")
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        report_after_crawl(db, None, watchlist, out_dir=out, print_text=False)
        server.api.faults["/papi/tenderned-rs-tns/v2/publicaties/100131"] = [{"status": 500}] * 10
        template = by_id(snapshot, 100101)
        server.api.add(make_publication(template, 100150, "2018-04-02", title="Aanvullende jeugdhulp Heerlen",
                                        kenmerk=template["list"]["kenmerk"]))
        second = run_crawl(server.api_url, db, "-s", "RETRY_TIMES=0")
    assert second.returncode == 3 and second.crawl["status"] == "partial", second.output
    report = report_after_crawl(db, None, watchlist, out_dir=out, print_text=False)
    assert report.count("new") == 1

    def entries(path):
        return [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}id"), e.findtext(f"{ATOM}content"))
                for e in ET.parse(path).getroot().findall(f"{ATOM}entry")]

    warning = ("warning: crawl 2 (tenderned, partial)", "tag:tenderarchive,2024:archive/crawl-2/warning",
               "crawl 2 is partial: some new or changed notices may be missing (see `tenderarchive status`)\n"
               f"What went wrong in crawl 2 (1 error recorded):\n- {report.failures[0]}")
    crawl2, feed = entries(out / "crawl-2.atom"), entries(out / "feed.atom")
    assert crawl2[0] == warning and [e for e in crawl2 if "warning" in e[1]] == [warning]
    assert "new: Aanvullende jeugdhulp Heerlen" in crawl2[1][0]
    assert feed[0] == warning and [e for e in feed if "/warning" in e[1]] == [warning]
    assert not [e for e in entries(out / "crawl-1.atom") if "/warning" in e[1]]   # crawl 1 was complete
    # nothing matched: the feed of that crawl still says it is partial
    report_after_crawl(db, None, quiet, out_dir=tmp_path / "quiet", print_text=False)
    assert entries(tmp_path / "quiet" / "crawl-2.atom") == [warning]

    smtp = SMTPSettings(host="127.0.0.1", recipients=["a@example.org"])
    assert email_message(report, smtp)["Subject"] == "Mijn jeugdhulp: 1 new, 0 changed in 1 of 3 watches (crawl 2, partial)"
    complete = build_report(db, load_watchlist(watchlist), 1)
    assert email_message(complete, smtp)["Subject"].endswith(" watches (crawl 1)")


def test_a_partial_crawls_report_names_what_failed_for_a_reader_who_cannot_run_status(tmp_path):
    """Two real loopback crawls, the second partial (notice 100131's detail answers 500). Its report said only "some
    new or changed notices may be missing (see `tenderarchive status`)", a command the reader of the mail or the feed
    cannot run. The text, Markdown and HTML reports and the feed's warning entry name the notice's address and its
    error, as ``crawls.errors`` holds them; a crawl of many errors names the first 10 and counts the rest, and a
    crawl stopped by a signal says so."""
    from tenderarchive.store.writes import open_archive

    snapshot = load_publications()
    db, out = tmp_path / "archive.db", tmp_path / "reports"
    quiet = write(tmp_path, "- name: Niets\n  keywords: [zwembadrenovatie]\n", "quiet.yaml")
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.faults["/papi/tenderned-rs-tns/v2/publicaties/100131"] = [{"status": 500}] * 10
        template = by_id(snapshot, 100101)   # a new notice of its procedure: the crawl asks 100131 again
        server.api.add(make_publication(template, 100150, "2018-04-02", title="Aanvullende jeugdhulp Heerlen",
                                        kenmerk=template["list"]["kenmerk"]))
        second = run_crawl(server.api_url, db, "-s", "RETRY_TIMES=0")
    assert second.returncode == 3 and second.crawl["status"] == "partial", second.output
    [error] = json.loads(second.crawl["errors"])
    assert "/publicaties/100131" in error["url"] and "500" in error["error"]
    report = report_after_crawl(db, 2, quiet, out_dir=out, print_text=False)
    said = f"{error['url']}: {error['error']}"
    assert report.failures == [said]
    text = render_text(report)
    assert f"What went wrong in crawl 2 (1 error recorded):\n  ! {said}\n" in text
    assert "/publicaties/100131" in (out / "crawl-2.md").read_text(encoding="utf-8")
    assert "What went wrong in crawl 2" in (out / "crawl-2.md").read_text(encoding="utf-8")
    assert f"<li>{said}</li>" in (out / "crawl-2.html").read_text(encoding="utf-8").replace("&#x27;", "'")
    for feed in ("crawl-2.atom", "feed.atom"):
        [entry] = ET.parse(out / feed).getroot().findall(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}content").endswith(f"(1 error recorded):\n- {said}")
    assert build_report(db, load_watchlist(quiet), 1).failures == []   # crawl 1 was complete

    # many errors: the first 10 named, the rest counted; a crawl stopped by SIGTERM says how it ended
    archive = open_archive(tmp_path / "many.db")
    errors = [{"url": f"https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/{300000 + i}",
               "error": f"HTTP 503 (detail of {300000 + i})"} for i in range(25)]
    archive["crawls"].insert({"crawl_id": 7, "spider": "tenderned", "status": "partial", "finish_reason": "shutdown",
                              "error_count": 25, "errors": json.dumps(errors)})
    archive.close()
    many = build_report(tmp_path / "many.db", load_watchlist(quiet), 7)
    assert many.failures[0] == ("the crawl was stopped before it ended (close reason 'shutdown': a SIGTERM or "
                                "Ctrl-C)")
    assert many.failures[1:11] == [f"{e['url']}: {e['error']}" for e in errors[:10]]
    assert many.failures[11:] == ["… and 15 more errors (25 in all; `tenderarchive status --db many.db --crawl 7 "
                                  "--errors 25` lists them)"]
    assert "300010" not in render_text(many) and "publicaties/300009: HTTP 503" in render_markdown(many)
    assert "What went wrong in crawl 7 (25 errors recorded)" in render_html(many)


def test_a_failed_crawl_that_matched_nothing_is_printed_under_quiet_and_mailed_without_email_empty(tmp_path,
                                                                                                  smtp_server):
    """Two real loopback crawls, the second failed (TenderNed's list answers 500). For a watchlist that matched
    nothing in it, ``report --quiet`` printed nothing and ``--email`` without ``--email-empty`` mailed nothing (exit
    0): a journalist whose nightly crawl failed heard nothing, as on a night with no news. A crawl that did not
    complete is news: printed under ``--quiet`` (cron mails it) and mailed, its subject "(crawl 2, failed)", its
    body naming what failed. A complete crawl that matched nothing stays quiet; the exit stays 0 (the report was
    made and mailed; the crawl's own exit and ``status`` tell its outcome to a monitor)."""
    import email
    import email.policy

    snapshot = load_publications()
    db = tmp_path / "archive.db"
    quiet = write(tmp_path, "- name: Niets\n  keywords: [zwembadrenovatie]\n", "quiet.yaml")
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.faults["/papi/tenderned-rs-tns/v2/publicaties"] = [{"status": 500}] * 20
        second = run_crawl(server.api_url, db, "-s", "RETRY_TIMES=0")
    assert second.returncode == 1 and second.crawl["status"] == "failed", second.output

    def report(crawl, *options):
        return subprocess.run([*CLI, "report", "--watchlist", str(quiet), "--db", str(db), "--crawl", str(crawl),
                               "--no-files", "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_server.port),
                               "--mail-to", "a@example.org", *options], cwd=ROOT, capture_output=True, text=True,
                              timeout=120)

    complete = report(1, "--quiet", "--email")
    assert (complete.returncode, complete.stdout, smtp_server.envelopes) == (0, "", [])   # a quiet night
    failed = report(2, "--quiet")
    assert failed.returncode == 0, failed.stderr
    assert "WARNING: crawl 2 failed: some new or changed notices may be missing" in failed.stdout
    assert "What went wrong in crawl 2" in failed.stdout and "/publicaties" in failed.stdout
    assert "500" in failed.stdout and "== Niets: nothing new ==" in failed.stdout
    assert smtp_server.envelopes == []
    mailed = report(2, "--email")
    assert mailed.returncode == 0, mailed.stderr
    [envelope] = smtp_server.envelopes
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert message["Subject"] == "Watchlist quiet: 0 new, 0 changed in 0 of 1 watches (crawl 2, failed)"
    body = message.get_body(("plain",)).get_content()
    assert "What went wrong in crawl 2" in body and "/publicaties" in body


def test_a_notice_that_two_watches_match_is_counted_once_in_the_summary(tmp_path):
    """The demo's report said "9 new, 0 changed in 4 of 5 watches" (and so did its e-mail's subject) of eight
    new notices: the one both "Haarlem koopt in" and "Dyslexiezorg" match was counted in each watch. The
    summary counts each new or changed notice or article once; each watch still lists it."""
    from tenderarchive.watch import Match, Report, Watch, Watchlist

    haarlem, dyslexie = Watch(name="Haarlem", buyers=["Gemeente Haarlem"]), Watch(name="Dyslexie", keywords=["dyslexie"])
    def notice(key, status):
        return Match("notices", key, f"Notice {key}", None, None, "2021-10-15", "Gemeente Haarlem", status, [], [])
    crawl = {"crawl_id": 3, "spider": "tenderned", "status": "complete", "finished": "2026-12-04T03:00:00+00:00"}
    report = Report(Watchlist(path=tmp_path / "w.yaml", title="W", watches=[haarlem, dyslexie]), crawl, "archive",
                    [(haarlem, [notice(300301, "new"), notice(300377, "changed")]),
                     (dyslexie, [notice(300301, "new")])])
    assert report.summary == "1 new, 1 changed in 2 of 2 watches"
    assert report.count() == 2
    assert "== Dyslexie: 1 ==" in render_text(report)


def test_a_revised_news_article_is_reported_with_its_text_change_not_the_archives_rescoring(tmp_path):
    """Two news crawls of one site (SYNTHETIC pages): the second finds an article's last sentence revised
    and a paywalled page answering only its teaser. The report of crawl 2 lists the revised article as
    changed with its text, old → new; the model's rescoring of it ("relevance_model_score: 0.9149 →
    0.921", the archive's figure, not the page's) is not listed as a change. The teaser is kept out of
    the archive (the longer text stays), so that page is not reported at all."""
    from tests.pipelines.test_archive import a_revised_article_and_a_paywalled_one

    db, base = a_revised_article_and_a_paywalled_one(tmp_path)
    watchlist = write(tmp_path, "watches:\n  - name: Jeugdhulp\n    keywords: [jeugdhulp]\n    news: all\n")
    ((_, matches),) = build_report(db, load_watchlist(watchlist), 2).results
    assert [(m.key, m.status) for m in matches] == [(f"{base}project/a", "changed")]
    assert [change["field"] for change in matches[0].changes] == ["text"]
    assert [change["column"] for change in matches[0].changes] == ["Main text (text)"]   # as the research pages say it
    assert "relevance" not in render_text(build_report(db, load_watchlist(watchlist), 2))


def test_a_news_page_found_at_a_new_address_is_not_reported_again_as_new(tmp_path):
    """A site moved to another CMS (SYNTHETIC pages, tests/spiders/test_news_reference9.py): crawl 2 finds the
    archived page at a new address, its old one answering 301 there, with the same title and text. The archive
    keeps it as one page whose address is the new one; the report of crawl 2 listed it as NEW, telling the reader
    again of a page crawl 1 told of. It is not reported: nothing of it changed."""
    from tests.pipelines.test_archive import OLD, an_archived_page_found_at_a_new_address

    db, base = an_archived_page_found_at_a_new_address(tmp_path)
    watchlist = load_watchlist(write(tmp_path, "watches:\n  - name: Jeugdhulp\n    keywords: [jeugdhulp]\n"
                                               "    news: all\n"))
    article = next(iter(__import__("sqlite_utils").Database(db)["articles"].rows))
    assert (article["url"], article["crawl_id"]) == (base + OLD.lstrip("/"), 2)
    report = build_report(db, watchlist, 2)
    assert [m for _, ms in report.results for m in ms] == []
    assert "0 new, 0 changed" in render_text(report)


def test_an_article_no_notice_matched_is_told_as_known_only_from_news(tmp_path):
    """An article that matched no TenderNed notice is linked to a procurement known only from news; the report said
    "about NEWS-da7ec4f404 Aanbesteding jeugdhulp (linked: news_only)", the linker's reason code. It says so in
    words, in every rendering."""
    from tenderarchive.watch import render_html, render_markdown
    from tests.pipelines.test_archive import a_revised_article_and_a_paywalled_one

    db, _ = a_revised_article_and_a_paywalled_one(tmp_path)
    watchlist = write(tmp_path, "watches:\n  - name: Jeugdhulp\n    keywords: [jeugdhulp]\n    news: all\n")
    report = build_report(db, load_watchlist(watchlist), 2)
    for rendered in (render_text(report), render_markdown(report), render_html(report)):
        assert "news_only" not in rendered
        assert "known only from news: no TenderNed notice matched" in rendered


def test_the_reports_heading_and_dates_read_as_dates_on_amsterdams_clock(tmp_path):
    """The report's heading showed the crawl's finish time as stored, "finished 2026-12-05T08:51:14+00:00" (UTC),
    and an article's date as "2020-12-14T08:55": a journalist reads "5 december 2026 09:51" (Amsterdam's clock,
    an hour after UTC in winter, two in summer), "14 december 2020 08:55" (the page's own clock), a notice's date
    "15 oktober 2021", in every rendering and in the feed's entries; the Atom's own timestamps stay RFC 3339."""
    from tenderarchive.watch import Match, Report, Watch, Watchlist, render_atom, render_html, render_markdown, render_text

    watch = Watch(name="Jeugdhulp", keywords=["jeugdhulp"])
    article = Match("articles", "https://www.example.nl/nieuws/a", "Inkoop jeugdhulp", "https://www.example.nl/nieuws/a",
                    None, "2020-12-14T08:55", "example.nl", "new", ["keyword “jeugdhulp”"], [])
    notice = Match("notices", 300301, "Jeugdhulp Haarlem", None, None, "2021-10-15", "Gemeente Haarlem", "new",
                   ["keyword “jeugdhulp”"], [])
    summer = Match("notices", 300302, "Jeugdhulp Zandvoort", None, None, "2021-07-01T10:00:00Z", "Gemeente Zandvoort",
                   "new", ["keyword “jeugdhulp”"], [])
    crawl = {"crawl_id": 9, "spider": "news", "status": "complete", "finished": "2026-12-05T08:51:14+00:00"}
    report = Report(Watchlist(path=tmp_path / "w.yaml", title="W", watches=[watch]), crawl, "archive",
                    [(watch, [article, notice, summer])], generated="2026-12-05T08:52:00+00:00")
    text, markdown, page = render_text(report), render_markdown(report), render_html(report)
    for rendering in (text, markdown, page):
        assert "finished 5 december 2026 09:51" in rendering
        assert "2026-12-05T" not in rendering and "2020-12-14T" not in rendering and "2021-10-15" not in rendering
        assert "14 december 2020 08:55" in rendering and "15 oktober 2021" in rendering
        assert "1 juli 2021 12:00" in rendering   # 10:00 UTC in summer
    assert "generated 5 december 2026 09:52" in page
    feed = ET.fromstring(render_atom(report))
    assert feed.findtext(f"{ATOM}updated") == "2026-12-05T08:51:14+00:00"
    contents = [entry.findtext(f"{ATOM}content") for entry in feed.findall(f"{ATOM}entry")]
    assert "example.nl, 14 december 2020 08:55" in contents[0] and "15 oktober 2021" in contents[1]

    running = Report(report.watchlist, {"crawl_id": 10, "spider": "tenderned", "status": "running",
                                        "started": "2026-06-30T23:30:00+00:00", "finished": None}, "archive", [(watch, [])])
    assert render_text(running).startswith("W: crawl 10 (tenderned, running, started 1 juli 2026 01:30, not finished)")


def test_a_news_page_that_gives_no_date_is_reported_with_when_it_was_read(tmp_path_factory, tmp_path):
    """``report --watchlist`` on the demo: a news page that gives no date (Heerlen's living page, the Kennemer
    Dagblad story) was listed as "(heerlen, —)", a dash where a journalist looks for when it came out, in the text,
    Markdown and HTML alike. It says the page gives no date and when the archive read it; a dated page its date."""
    from tenderarchive.change_words import moment_words
    from tests.datasette.archive_fixtures import build_demo, run_dir

    demo = build_demo(tmp_path / "archive.db", run_dir(tmp_path_factory))
    watchlist = load_watchlist(ROOT / "docs" / "watchlist.example.yaml")
    report = build_report(demo, watchlist, 3)
    read = {m.key: m.read for _, matches in report.results for m in matches}
    heerlen = "https://www.heerlen.nl/inkoopjeugdhulp.html"
    assert read[heerlen] and read[heerlen].startswith("20")
    said = f"undated page, read {moment_words(read[heerlen])}"
    text = render_text(report)
    heerlen_site = "Gemeente Heerlen (synthetic fixture)"   # the demo registry's title of site "heerlen"
    assert f"Voerendaal ({heerlen_site}, {said})" in text
    assert "(Gemeente Leiderdorp (synthetic fixture), 14 december 2020 08:55)" in text
    assert ", —)" not in text
    assert f"Gemeente Heerlen \\(synthetic fixture\\), {said}" in render_markdown(report)
    assert f"{heerlen_site}, {said}" in render_html(report)


def test_a_news_page_is_reported_with_its_sites_name_and_links_to_the_page_and_its_archived_copy(
        tmp_path_factory, tmp_path, smtp_server):
    """A journalist reading the report's mail or feed: a news page's line named its site by the registry's short name
    ("(leiderdorp, 14 december 2020 08:55)"), and its links were two bare addresses (the text) or the title and
    "Datasette" (Markdown, HTML, Atom), not saying which is the site's page and which the archive's copy. Each names
    the site as its registry entry gives it ("Gemeente Leiderdorp"), links the page on the site ("source") and, with
    the Datasette address (``--datasette-url`` or ``TENDERARCHIVE_DATASETTE_URL``, as a unit's environment file sets
    it), its archived copy ("archived page"); the feed's entry has the site as its author. Through the command line
    the scheduled units run, with its e-mail; then an archive whose news crawl of the shipped registry recorded no
    titles (made before they were recorded): the shipped registry's title."""
    import email
    import os
    import shutil

    from tests.datasette.archive_fixtures import build_demo, run_dir

    demo = build_demo(tmp_path / "archive.db", run_dir(tmp_path_factory))
    page = "https://www.leiderdorp.nl/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend"
    from datasette.utils import tilde_encode

    archived = "https://data.example.org/archive/articles/" + tilde_encode(page)
    site = "Gemeente Leiderdorp (synthetic fixture)"
    env = {**os.environ, "TENDERARCHIVE_SMTP_HOST": "127.0.0.1", "TENDERARCHIVE_SMTP_PORT": str(smtp_server.port),
           "TENDERARCHIVE_SMTP_TO": "redactie@example.org", "TENDERARCHIVE_DATASETTE_URL": "https://data.example.org"}
    out = subprocess.run([*CLI, "report", "--watchlist", str(ROOT / "docs" / "watchlist.example.yaml"), "--db",
                          str(demo), "--crawl", "3", "--quiet", "--email", "--out", str(tmp_path / "r")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "Voorlopige gunning gemeentelijke toegang" in line)
    assert lines[at].endswith(f"({site}, 14 december 2020 08:55)"), lines[at]
    assert lines[at + 1:at + 3] == [f"          source: {page}", f"          archived: {archived}"], lines[at:at + 4]
    assert "(leiderdorp," not in out.stdout

    [envelope] = smtp_server.envelopes
    message = email.message_from_bytes(envelope.original_content)
    parts = {part.get_content_type(): part.get_payload(decode=True).decode() for part in message.walk()
             if not part.is_multipart()}
    assert f"({site}, 14 december 2020 08:55)" in parts["text/plain"]
    assert f"          source: {page}" in parts["text/plain"] and f"          archived: {archived}" in parts["text/plain"]
    assert f"{site}, 14 december 2020 08:55 · <a href=\"{page}\">source</a> · " \
           f"<a href=\"{archived}\">archived page</a>" in parts["text/html"], parts["text/html"]
    markdown = (tmp_path / "r" / "crawl-3.md").read_text(encoding="utf-8")
    assert f"[source]({page}) · [archived page]({archived})" in markdown, markdown
    assert "Gemeente Leiderdorp \\(synthetic fixture\\), 14 december 2020 08:55" in markdown, markdown

    feed = ET.fromstring((tmp_path / "r" / "crawl-3.atom").read_text(encoding="utf-8"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    [entry] = [e for e in feed.findall("a:entry", ns) if e.find("a:link", ns).get("href") == page]
    assert entry.findtext("a:author/a:name", namespaces=ns) == site
    links = {(link.get("rel"), link.get("title")): link.get("href") for link in entry.findall("a:link", ns)}
    assert links == {(None, None): page, ("related", "archived page"): archived}, links

    # A news crawl of the shipped registry that recorded no titles: the shipped registry's title
    older = tmp_path / "older.db"
    shutil.copyfile(demo, older)
    import sqlite_utils

    db = sqlite_utils.Database(older)
    [row] = db.query("select crawl_id, arguments from crawls where spider = 'news'")
    arguments = json.loads(row["arguments"])
    del arguments["site_titles"]
    arguments["sources"] = "tenderarchive/sources.yaml"
    db["crawls"].update(row["crawl_id"], {"arguments": json.dumps(arguments)})
    db.close()
    text = render_text(build_report(older, load_watchlist(ROOT / "docs" / "watchlist.example.yaml"), 3))
    assert "(Gemeente Leiderdorp, 14 december 2020 08:55)" in text, text


def test_the_first_unreported_run_reports_a_crawl_killed_before_it(two_crawls, tmp_path):
    """On the first scheduled night (no ``last-reported.txt`` yet) a crawl was SIGKILLed (the out-of-memory killer, a
    reboot), so no report ran after it; the next night's ``report --unreported`` reported its own crawl only, and the
    killed crawl never. With no record yet it reports from a crawl killed in the week before the last crawl on (as
    ``extensions.mark_killed`` marks it at the next crawl's start, or still ``running``); a crawl not killed, or killed
    longer ago, is history, as before: the last crawl only."""
    path = write(tmp_path, WATCHLIST)

    def first_run(name, sql):
        db = archive_changed(two_crawls, tmp_path / name, sql)
        out = subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(db), "--unreported", "--quiet"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        folder = db.parent / "reports"
        assert (folder / "last-reported.txt").read_text(encoding="utf-8") == "2\n"
        return sorted(p.name for p in folder.glob("crawl-*.md"))

    killed = "update crawls set status = 'failed', finish_reason = 'killed' where crawl_id = 1"
    assert first_run("killed", killed) == ["crawl-1.md", "crawl-2.md"]
    assert first_run("running", "update crawls set status = 'running' where crawl_id = 1") == [
        "crawl-1.md", "crawl-2.md"]
    assert first_run("complete", "select 1") == ["crawl-2.md"]
    long_ago = killed.replace("where", ", started = '2020-01-01T00:00:00+00:00' where")
    assert first_run("long-ago", long_ago) == ["crawl-2.md"]


def test_a_crawl_with_a_watchlist_leaves_no_wal_or_shm_beside_the_archive(snapshot, serve_api, crawl, tmp_path):
    """``crawl --watchlist`` reported under the crawl lock it held, so its report opened the archive ``mode=ro`` as if
    another process were writing it, and SQLite left ``archive.db-wal`` and ``archive.db-shm`` behind after every
    scheduled crawl, where a crawl without a watchlist leaves none. The report reads the archive as any reader with
    no crawl running does: nothing is left beside the archive but its lock file."""
    server = serve_api(snapshot)
    watchlist = write(tmp_path, WATCHLIST)
    result = crawl(server.api_url, "--watchlist", str(watchlist), "--out", str(tmp_path / "reports"),
                   from_date="2018-01-01", until_date="2018-12-31")
    assert result.returncode == 0, result.output
    assert "Mijn jeugdhulp" in result.output and "== Zuid-Limburg:" in result.output, result.output
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("archive.db"))
    assert beside == ["archive.db", "archive.db.lock"], beside


def test_the_reports_status_commands_name_a_non_default_archive_by_its_file_name_alone(tmp_path):
    """The report of a crawl of a non-default archive said "(see `tenderarchive status`)" and "`tenderarchive status
    --crawl 7 --errors 25` lists them", while ``status``'s own commands carry ``--db``: run as given, they read
    ``archive.db`` (another archive's crawls, or none). They carry ``--db`` and the archive's file name now, never its
    folder (the same text goes into the mail and the Atom feeds, which may leave the server), and run in the archive's
    folder they list the crawl's errors. The default archive's stay without ``--db``."""
    import shlex

    from tenderarchive.store.writes import open_archive
    from tenderarchive.watch import report_after_crawl
    from tests.test_cli import CLI

    folder = tmp_path / "srv" / "archives"
    folder.mkdir(parents=True)
    errors = [{"url": f"https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/{300000 + i}",
               "error": f"HTTP 503 (detail of {300000 + i})"} for i in range(25)]
    for name in ("archive-wmo.db", "archive.db"):
        archive = open_archive(folder / name)
        archive["crawls"].insert({"crawl_id": 7, "spider": "tenderned", "status": "partial", "error_count": 25,
                                  "errors": json.dumps(errors), "started": "2026-12-04T04:17:00+00:00"})
        archive.close()
    quiet = write(tmp_path, "- name: Niets\n  keywords: [zwembadrenovatie]\n", "quiet.yaml")
    out = tmp_path / "reports"
    report = report_after_crawl(folder / "archive-wmo.db", 7, quiet, out_dir=out, print_text=False)
    assert report.warning.endswith("(see `tenderarchive status --db archive-wmo.db`)"), report.warning
    assert report.failures[-1] == ("… and 15 more errors (25 in all; `tenderarchive status --db archive-wmo.db "
                                   "--crawl 7 --errors 25` lists them)")
    written = {path.name: path.read_text(encoding="utf-8") for path in out.iterdir() if path.is_file()}
    assert any(name.endswith(".atom") for name in written) and any(name.endswith(".md") for name in written)
    for name, text in written.items():
        assert "--db archive-wmo.db" in text.replace("&#x27;", "'"), name
        assert str(folder) not in text and "srv/archives" not in text, name   # no server path in mail or feed
    # the command as the report names it, run in the archive's folder, lists the crawl's errors
    command = report.failures[-1].split("`")[1]
    listed = subprocess.run([*CLI, *shlex.split(command)[1:]], cwd=folder, capture_output=True, text=True, timeout=120)
    assert "publicaties/300024" in listed.stdout, listed.stdout[-2000:] + listed.stderr[-2000:]
    default = build_report(folder / "archive.db", load_watchlist(quiet), 7)
    assert default.warning.endswith("(see `tenderarchive status`)")
    assert default.failures[-1].endswith("(25 in all; `tenderarchive status --crawl 7 --errors 25` lists them)")


def test_report_crawl_exit_gives_a_cron_wrapper_the_outcome_of_a_crawl_that_failed_half_way(tmp_path):
    """Two real loopback crawls, the second partial half-way (notice 100131's detail answers 500) while it archives a
    new notice (100150) and a renamed one (100101). ``report`` (and ``--unreported``, what cron runs after crawls
    that scrapyd or another unit made) says what is new, what changed and that the crawl was partial, but exits 0
    whatever the crawl's outcome: a cron wrapper or monitor that alerts on the exit code (only the report's job
    runs under it) heard nothing. ``--crawl-exit`` exits with the crawl's outcome as ``crawl`` does (3 partial; the
    worst of the crawls ``--unreported`` reports), once the report is made; without it the exit stays 0."""
    snapshot = load_publications()
    db, out = tmp_path / "archive.db", tmp_path / "reports"
    watchlist = write(tmp_path, WATCHLIST)
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.faults["/papi/tenderned-rs-tns/v2/publicaties/100131"] = [{"status": 500}] * 10
        template = by_id(snapshot, 100101)
        renamed = make_publication(template, 100101, template["list"]["publicatieDatum"],
                                   title="Basishulp Jeugd Heerlen, Landgraaf en Voerendaal (herzien)",
                                   kenmerk=template["list"]["kenmerk"])
        renamed["documenten"] = template["documenten"]
        renamed["detail"]["publicatieDatum"] = template["detail"]["publicatieDatum"]
        server.api.add(renamed)
        server.api.add(make_publication(template, 100150, "2018-04-02", title="Aanvullende jeugdhulp Heerlen",
                                        kenmerk=template["list"]["kenmerk"]))
        second = run_crawl(server.api_url, db, "-s", "RETRY_TIMES=0")
    assert second.returncode == 3 and second.crawl["status"] == "partial", second.output

    def report(*args):
        return subprocess.run([*CLI, "report", "--watchlist", str(watchlist), "--db", str(db), "--out", str(out),
                               "--quiet", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)

    plain = report()
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.startswith("Mijn jeugdhulp: crawl 2 (tenderned, partial")
    for said in ("WARNING: crawl 2 is partial: some new or changed notices may be missing",
                 "Aanvullende jeugdhulp Heerlen", "CHANGED", "(herzien)", "/publicaties/100131"):
        assert said in plain.stdout, said
    told = report("--crawl-exit")
    assert told.returncode == 3, told.stderr
    assert told.stdout == plain.stdout and "Traceback" not in told.stderr
    assert report("--crawl", "1", "--crawl-exit").returncode == 0   # crawl 1 was complete
    # --unreported: crawls 1 and 2 reported (and recorded) in order, the exit the worst of them
    out.mkdir(exist_ok=True)
    (out / "last-reported.txt").write_text("0\n", encoding="utf-8")
    both = report("--unreported", "--crawl-exit")
    assert both.returncode == 3, both.stderr
    assert (out / "last-reported.txt").read_text(encoding="utf-8").strip() == "2"
    assert "crawl 2 (tenderned, partial" in both.stdout
    again = report("--unreported", "--crawl-exit")
    assert again.returncode == 0 and again.stdout == ""


def test_report_crawl_exit_of_a_crawl_killed_or_failed_is_1_and_of_a_complete_one_0(two_crawls, tmp_path):
    """``--crawl-exit`` of a crawl SIGKILLed mid-run (``running`` in the archive, no process holding its lock: the
    report says it "was killed") or failed exits 1, as ``crawl`` would have; a complete crawl 0."""
    path = write(tmp_path, WATCHLIST)

    def report_of(name, sql):
        db = archive_changed(two_crawls, tmp_path / name, sql)
        return subprocess.run([*CLI, "report", "--watchlist", str(path), "--db", str(db), "--no-files",
                               "--crawl-exit"], cwd=ROOT, capture_output=True, text=True, timeout=120)

    killed = report_of("killed", "update crawls set status = 'running' where crawl_id = 2")
    assert killed.returncode == 1, killed.stderr
    assert "WARNING: crawl 2 was killed" in killed.stdout
    assert report_of("failed", "update crawls set status = 'failed' where crawl_id = 2").returncode == 1
    assert report_of("complete", "select 1").returncode == 0


def test_a_notice_tenderned_says_is_gone_in_an_error_object_sent_with_200_is_withdrawn_then_published_again(tmp_path):
    """As above, but TenderNed (a front that answers every request with 200) sends Spring's error object saying 404
    in place of 100131's detail (SYNTHETIC). Crawl 2 records it once: its report lists the notice *withdrawn*, with
    the status the object said. Crawl 3 still gets it: only logged, not listed again. Crawl 4 gets the detail again:
    its report says *published again*. The fetches of crawls 2 and 3 say 200, so the report knew no 404 to be back
    from: the notice, told withdrawn, was never said to be back."""
    snapshot = load_publications()
    db = tmp_path / "archive.db"
    detail = "/papi/tenderned-rs-tns/v2/publicaties/100131"
    gone = json.dumps({"timestamp": "2026-12-08T01:02:03.456+00:00", "status": 404, "error": "Not Found",
                       "message": "Publicatie niet gevonden", "path": detail})
    full = ("-s", "TENDERNED_INCREMENTAL=False")
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db, *full).returncode == 0
        server.api.faults[detail] = [{"status": 200, "body": gone}] * 2
        assert run_crawl(server.api_url, db, *full).returncode == 3
        assert run_crawl(server.api_url, db, *full).returncode == 0   # recorded by crawl 2: only logged now
        assert not server.api.faults[detail]
        assert run_crawl(server.api_url, db, *full).returncode == 0
    watchlist = load_watchlist(write(tmp_path, WATCHLIST))

    def zuid_limburg(crawl_id):
        report = build_report(db, watchlist, crawl_id)
        return {m.key: m for watch, matches in report.results if watch.name == "Zuid-Limburg" for m in matches}

    withdrawn = zuid_limburg(2)[100131]
    assert withdrawn.status == "withdrawn"
    assert withdrawn.changes == [{"column": "TenderNed", "old": "published",
                                  "new": "HTTP 404 in crawl 2: withdrawn or removed (kept in the archive)"}]
    assert 100131 not in zuid_limburg(3)
    back = zuid_limburg(4)[100131]
    assert back.status == "changed"
    assert back.changes == [{"column": "TenderNed",
                             "old": "HTTP 200 saying the page was not found in crawl 3: withdrawn or removed",
                             "new": "published again in crawl 4"}]
