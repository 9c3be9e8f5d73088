"""Crawl reports and award data: a journalist following a provider or a region is told who won
which lot for how much, also when the winners arrive in a later crawl than their notice."""

import copy
import json
import re
import shutil
import sqlite3
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from tenderarchive.apiserver import API_PATH, APIServer, TenderNedAPI, load_publications
from tenderarchive.watch import build_report, load_watchlist, render_html, render_markdown, render_text
from tests.conftest import by_id, make_publication, run_crawl

WATCHLIST = """\
watches:
  - name: Jeugdteam Zuid
    providers: ["Jeugdteam Zuid B.V."]
  - name: Zuid-Limburg
    jeugdregios: [Zuid-Limburg]
"""


@pytest.fixture(scope="module")
def late_winners(tmp_path_factory):
    """Crawl 1 archives award notice 100190 while its ``/html`` (the winners) answers 404: the
    crawl is partial and the notice has no awards. Crawl 2 reads the ``/html``: the winners of
    lot 1 (Stichting Basishulp Parkstad and Jeugdteam Zuid B.V., € 12.400.000,00) are new in
    crawl 2, the notice row itself is unchanged. Crawl 2 also renames notice 100101 (a version
    of crawl 2); crawl 3 changes only the size of one of its documents."""
    folder = tmp_path_factory.mktemp("watch-awards")
    db = folder / "archive.db"
    snapshot = load_publications()
    faults = {f"{API_PATH}/publicaties/100190/html": [{"status": 404}]}
    with APIServer(TenderNedAPI(snapshot, faults=faults)) as server:
        first = run_crawl(server.api_url, db)
        assert first.returncode == 3, first.output[-3000:]
        assert not list(first.db.query("select * from awards where publication_id = 100190"))
        template = by_id(snapshot, 100101)
        renamed = make_publication(template, 100101, template["list"]["publicatieDatum"],
                                   title="Basishulp Jeugd Heerlen (herzien)", kenmerk=template["list"]["kenmerk"])
        renamed["documenten"] = copy.deepcopy(template["documenten"])
        renamed["detail"]["publicatieDatum"] = template["detail"]["publicatieDatum"]
        server.api.add(renamed)
        # A new publication of the procedure makes the crawl re-check its other notices.
        server.api.add(make_publication(template, 100150, "2018-04-02", kenmerk=template["list"]["kenmerk"]))
        second = run_crawl(server.api_url, db)
        assert second.returncode == 0, second.output[-3000:]
        resized = copy.deepcopy(renamed)
        resized["documenten"]["documenten"][0]["grootte"] += 1
        server.api.add(resized)
        server.api.add(make_publication(template, 100151, "2018-04-03", kenmerk=template["list"]["kenmerk"]))
        third = run_crawl(server.api_url, db)
        assert third.returncode == 0, third.output[-3000:]
    assert [r["crawl_id"] for r in second.db.query("select crawl_id from awards where publication_id = 100190")] == [2]
    assert [r["crawl_id"] for r in third.db.query("select crawl_id from notices where publication_id = 100101")] == [3]
    watchlist = folder / "watchlist.yaml"
    watchlist.write_text(textwrap.dedent(WATCHLIST), encoding="utf-8")
    return db, load_watchlist(watchlist)


def test_a_provider_watch_is_told_of_the_lots_the_provider_won(late_winners):
    """The winners of an award notice are whom a ``providers`` watch follows: they are named in
    ``award_suppliers``, not in the notice's title or description, so the watch matched nothing."""
    db, watchlist = late_winners
    report = build_report(db, watchlist, 2)
    by_watch = {watch.name: matches for watch, matches in report.results}
    (won,) = by_watch["Jeugdteam Zuid"]
    assert won.key == 100190
    assert won.reasons == ["provider Jeugdteam Zuid B.V. (winner)"]
    assert [(a["lot_id"], a["winners"], a["value"], a["current"]) for a in won.awards] == [
        ("1", ["Jeugdteam Zuid B.V.", "Stichting Basishulp Parkstad"], "€ 12.400.000,00", True)]


def test_winners_read_in_a_later_crawl_are_a_change_of_the_notice_not_a_new_notice(late_winners):
    """Notice 100190 was archived by crawl 1; crawl 2 only added its winners. The report of crawl 2
    says the notice changed and shows the winners in every rendering; crawl 1's report does not
    claim winners it did not have."""
    db, watchlist = late_winners
    report = build_report(db, watchlist, 2)
    (notice,) = [m for watch, matches in report.results if watch.name == "Zuid-Limburg" for m in matches
                 if m.key == 100190]
    assert notice.status == "changed" and notice.changes == [   # the winners the crawl added, as a change of lot 1
        {"column": "lot 1 winners", "old": None, "new": "Jeugdteam Zuid B.V.; Stichting Basishulp Parkstad"},
        {"column": "lot 1 value", "old": None, "new": "€ 12.400.000,00"}]
    line = "lot 1: Jeugdteam Zuid B.V., Stichting Basishulp Parkstad (€ 12.400.000,00)"
    assert line in render_text(report)
    assert line.replace("(", "\\(").replace(")", "\\)") in render_markdown(report)
    assert line in render_html(report)

    first = {m.key: m for watch, matches in build_report(db, watchlist, 1).results for m in matches}
    assert (first[100190].status, first[100190].awards) == ("new", [])   # as crawl 1 found it, though crawl 2 stamped it
    assert all(m.awards == [] for m in first.values() if m.table == "notices")


def test_a_notice_stamped_for_its_documents_does_not_repeat_an_earlier_crawls_changes(late_winners):
    """Crawl 3 changed only a document of notice 100101, whose title crawl 2 changed. The report of
    crawl 3 lists it as changed without the title change of crawl 2 (it showed that again, as if
    the title had changed in crawl 3), and names the document that changed (it named nothing)."""
    db, watchlist = late_winners
    third = {m.key: m for watch, matches in build_report(db, watchlist, 3).results for m in matches}
    assert third[100101].status == "changed"
    assert third[100101].changes == [{"column": "documents", "old": None,
                                      "new": "Aanbestedingsleidraad Basishulp Jeugd.pdf"}]   # the document crawl 3 changed
    assert third[100151].status == "new"
    versions = sqlite3.connect(db).execute(
        "select crawl_id, changed_columns from versions where table_name = 'notices' and row_key = '100101'")
    assert versions.fetchall() == [(2, '["title"]')]


def test_winners_an_ocds_backfill_adds_to_an_archived_notice_are_reported(tmp_path):
    """The API archived notice 170101 (Middelburg) without winners; the OCDS backfill (crawl 2)
    adds its two lots' winners and values without touching the notice row. Crawl 2's report lists
    the notice as changed, with the winners, for the watch that follows one of them; it listed
    nothing (only rows stamped with the crawl were candidates)."""
    from tenderarchive.apiserver import SNAPSHOT_DIR, load_datasets
    from tests import forkcli
    from tests.conftest import FAST, ROOT

    snapshot = load_publications()
    notice = make_publication(by_id(snapshot, 500501), 170101, "2017-06-12", title="Jeugdhulp Zeeland 2018",
                              kenmerk=170101)
    db = tmp_path / "archive.db"
    with APIServer(TenderNedAPI([notice], datasets=load_datasets(SNAPSHOT_DIR / "datasets"))) as server:
        first = run_crawl(server.api_url, db, from_date="2017-01-01", until_date="2017-12-31")
        assert first.returncode == 0, first.output[-3000:]
        ocds = forkcli.run(["crawl", "tenderned_ocds", "--db", str(db), "-s",
                            f"TENDERNED_DATASETS_URL={server.datasets_url}", *FAST], cwd=ROOT, timeout=240)
        assert ocds.returncode == 0, (ocds.stdout + ocds.stderr)[-3000:]
    connection = sqlite3.connect(db)
    assert connection.execute("select crawl_id from notices where publication_id = 170101").fetchall() == [(1,)]
    assert connection.execute("select distinct crawl_id from awards where publication_id = 170101").fetchall() == [(2,)]
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text('watches:\n  - name: Zeeland\n    providers: ["Jeugdzorg Walcheren"]\n', encoding="utf-8")
    report = build_report(db, load_watchlist(watchlist), 2)
    ((_, (match,)),) = report.results
    assert (match.key, match.status, match.reasons) == (170101, "changed", ["provider Jeugdzorg Walcheren (winner)"])
    assert "lot 2: Jeugdzorg Walcheren (€ 1.200.000,00)" in render_text(report)
    # each lot's winner the backfill named is a change of the notice, not only an award line (refusers43)
    assert "lot 2 winners: — → Jeugdzorg Walcheren" in render_text(report)
    assert "lot 2 value: — → € 1.200.000,00" in render_text(report)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from tests.datasette.archive_fixtures import build_demo, run_dir

    return build_demo(tmp_path_factory.mktemp("watch-demo") / "archive.db", run_dir(tmp_path_factory))


def test_a_crawl_that_gives_a_lot_other_winners_reports_who_won_before_and_who_wins_now(demo, tmp_path):
    """Crawl 4 re-reads award notice 100190 (the demo's lot 1: Stichting Basishulp Parkstad and Jeugdteam Zuid
    B.V.) and its /html now names another winner, at the same value. The winners are rows of their own
    (award_suppliers), so no version said what changed: the report listed the notice as CHANGED with the new
    winner alone, and the providers that lost the lot were named nowhere. The award keeps its former winners in
    ``versions`` (column ``winners``) and the report says "lot 1 winners: old → new", also to a watch on a provider
    that lost the lot."""
    import shutil

    import sqlite_utils

    from tenderarchive.store.writes import write_results

    path = shutil.copy(demo, tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    notice = next(db.query("select * from notices where publication_id = 100190"))
    awards = []
    for award in db.query("select * from awards where publication_id = 100190"):
        suppliers = [dict(s) for s in db.query("select * from award_suppliers where award_id = ?", [award["award_id"]])]
        winner = dict(suppliers[0], name="Jeugdhulp Nieuw B.V.", organisation_id="name:jeugdhulp nieuw",
                      name_key="jeugdhulp nieuw", kvk=None, place="Sittard")   # SYNTHETIC: another winner
        awards.append({"award": dict(award), "lot_id": award["lot_id"], "suppliers": [winner]})
    results = {"notice_result": next(db.query("select * from notice_results where publication_id = 100190")),
               "lots": list(db.query("select * from lots where publication_id = 100190")), "awards": awards}
    db["crawls"].insert({"crawl_id": 4, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    with db.conn:
        assert write_results(db, notice, results, 4)
    db.close()
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text('watches:\n  - name: Parkstad\n    jeugdregios: [Zuid-Limburg]\n'
                         '  - name: Jeugdteam Zuid\n    providers: ["Jeugdteam Zuid B.V."]\n', encoding="utf-8")
    report = build_report(path, load_watchlist(watchlist), 4)
    text = render_text(report)
    assert "CHANGED   Gegund: Basishulp Jeugd Heerlen" in text
    assert "lot 1 winners: Jeugdteam Zuid B.V.; Stichting Basishulp Parkstad → Jeugdhulp Nieuw B.V." in text
    # a journalist following the provider that lost the lot is told so
    assert [m.reasons for m in dict((w.name, ms) for w, ms in report.results)["Jeugdteam Zuid"]] == [
        ["provider Jeugdteam Zuid B.V. (former winner)"]]
    # the same notice re-read unchanged is no change
    db = sqlite_utils.Database(path)
    db["crawls"].insert({"crawl_id": 5, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    with db.conn:
        assert not write_results(db, notice, results, 5)
    assert list(db.query("select * from versions where crawl_id = 5")) == []


def test_a_winner_a_later_crawl_names_for_a_lot_is_reported_as_a_change_of_that_lot(demo, tmp_path):
    """The demo's award notice 200288 (Leiden) gives lot 1 and says lot 2 "wordt niet gegund". Crawl 4 re-reads it
    and lot 2 now has a winner (SYNTHETIC: Jeugdhulp Nieuw B.V., € 1.500.000,00), a new award row. The report listed
    the notice as CHANGED with "lot 2 awarded: no → yes" and an award line per lot, nothing saying whom lot 2 went to
    as a change (the award lines read alike for lot 1, told before, and lot 2). It says "lot 2 winners: — → …" and
    the value, in every rendering; a notice new to the reader still lists its awards without such changes."""
    import shutil

    import sqlite_utils

    from tenderarchive.store.writes import write_results

    path = shutil.copy(demo, tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    notice = next(db.query("select * from notices where publication_id = 200288"))
    (award,) = [dict(a) for a in db.query("select * from awards where publication_id = 200288")]
    suppliers = list(db.query("select * from award_suppliers where award_id = ?", [award["award_id"]]))
    lots = [dict(lot, awarded=1, not_awarded_reason=None) if lot["lot_id"] == "2" else dict(lot)
            for lot in db.query("select * from lots where publication_id = 200288 order by lot_id")]
    winner = dict(suppliers[0], award_id="TN243310/200288/2", lot_id="2", name="Jeugdhulp Nieuw B.V.",  # SYNTHETIC
                  organisation_id="name:jeugdhulp nieuw", name_key="jeugdhulp nieuw", group_name=None, group_member=0)
    second = dict(award, award_id="TN243310/200288/2", lot_id="2", source_lot_id="2", value_cents=150000000,
                  value_raw="1 500 000,00", tenders_received=1)
    results = {"notice_result": next(db.query("select * from notice_results where publication_id = 200288")),
               "lots": lots, "awards": [{"award": award, "lot_id": "1", "suppliers": suppliers},
                                        {"award": second, "lot_id": "2", "suppliers": [winner]}]}
    db["crawls"].insert({"crawl_id": 4, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    with db.conn:
        assert write_results(db, notice, results, 4)
    db.close()
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text('watches:\n  - name: Leiden\n    jeugdregios: [JZ18]\n', encoding="utf-8")
    report = build_report(path, load_watchlist(watchlist), 4)
    ((_, (match,)),) = report.results
    assert (match.key, match.status) == (200288, "changed")
    changes = {ch["column"]: (ch["old"], ch["new"]) for ch in match.changes}
    assert changes["lot 2 winners"] == (None, "Jeugdhulp Nieuw B.V.")
    assert changes["lot 2 value"] == (None, "€ 1.500.000,00")
    assert not any(column.startswith("lot 1 ") for column in changes)   # lot 1's award is as it was
    assert "lot 2 winners: — → Jeugdhulp Nieuw B.V." in render_text(report)
    assert "<code>lot 2 winners</code>" in render_html(report) and "`lot 2 winners`" in render_markdown(report)
    first = {m.key: m for _, matches in build_report(path, load_watchlist(watchlist), 1).results for m in matches}
    assert first[200288].status == "new" and first[200288].changes == []


def _rewrite_lots_of_100190(demo, tmp_path, **changed) -> str:
    """The text report of crawl 4, which re-reads award notice 100190 of the demo with its lots changed by
    ``changed`` (column: function of the lot's row giving the new value) and its awards as they were."""
    import shutil

    import sqlite_utils

    from tenderarchive.store.writes import write_results

    path = shutil.copy(demo, tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    notice = next(db.query("select * from notices where publication_id = 100190"))
    awards = [{"award": dict(award), "lot_id": award["lot_id"],
               "suppliers": list(db.query("select * from award_suppliers where award_id = ?", [award["award_id"]]))}
              for award in db.query("select * from awards where publication_id = 100190")]
    lots = [dict(lot, **{column: change(lot) for column, change in changed.items()})
            for lot in db.query("select * from lots where publication_id = 100190")]
    results = {"notice_result": next(db.query("select * from notice_results where publication_id = 100190")),
               "lots": lots, "awards": awards}
    db["crawls"].insert({"crawl_id": 4, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    with db.conn:
        assert write_results(db, notice, results, 4)
    db.close()
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text('watches:\n  - name: Parkstad\n    jeugdregios: [Zuid-Limburg]\n', encoding="utf-8")
    return render_text(build_report(path, load_watchlist(watchlist), 4))


def test_a_crawl_that_changes_only_a_lot_of_a_notice_reports_what_changed_in_the_lot(demo, tmp_path):
    """Crawl 4 re-reads award notice 100190 and only its lot 1 changed (another title, one tender fewer): the lot
    keeps its former values in ``versions``, but the report listed nothing (a lot was no candidate) or, with
    another change of the notice, left the lot out. It lists the notice as changed with "lot 1 title: old → new"."""
    text = _rewrite_lots_of_100190(demo, tmp_path, title=lambda lot: lot["title"] + " (herzien)",  # SYNTHETIC
                                   tenders_received=lambda lot: lot["tenders_received"] - 1)
    assert "CHANGED   Gegund: Basishulp Jeugd Heerlen" in text
    assert ("lot 1 title: Basishulp Jeugd Heerlen, Landgraaf en Voerendaal → Basishulp Jeugd Heerlen, Landgraaf en "
            "Voerendaal (herzien)") in text
    assert "lot 1 number of tenders received (tenders_received): 3 → 2" in text


def test_a_lots_columns_whose_names_are_no_words_are_reported_in_the_data_dictionarys_words(demo, tmp_path):
    """Crawl 4 re-reads lot 1 of award notice 100190 with other counts of tenders and a framework maximum (SYNTHETIC).
    The report said the lot's stored columns, "lot 1 tenders_received: 3 → 2", "lot 1 received_counts:
    {"Inschrijvingen": 3} → {"Inschrijvingen": 2, …}", "lot 1 framework_maximum: — → € 15.000.000,00", where a
    notice's change reads as the data dictionary names its column (as on the research pages). A lot's column that
    is no word is named so too, its value as the site says it; "lot 1 title" and "lot 1 value" stay."""
    counts = json.dumps({"Inschrijvingen": 2, "Elektronisch ingediende inschrijvingen": 2})
    text = _rewrite_lots_of_100190(demo, tmp_path, tenders_received=lambda lot: 2, received_counts=lambda lot: counts,
                                   framework_maximum_cents=lambda lot: 1500000000,
                                   framework_maximum_raw=lambda lot: "15 000 000,00",
                                   framework_maximum_currency=lambda lot: "EUR",
                                   framework_maximum_placeholder=lambda lot: 0)
    assert "lot 1 number of tenders received (tenders_received): 3 → 2" in text
    assert ("lot 1 every published count by submission type (received_counts): Inschrijvingen: 3 → Inschrijvingen: "
            "2, Elektronisch ingediende inschrijvingen: 2") in text
    assert ("lot 1 maximum value of the lot's framework agreement (framework_maximum_cents): — → € 15.000.000,00"
            in text)
    assert not re.search(r"lot 1 (?:tenders_received|received_counts|framework_maximum):", text)
    assert "currency" not in text and "placeholder" not in text   # beside the amount in euros: nothing more
    assert "{" not in text


def test_an_amount_changed_in_cents_alone_is_reported_in_euros(demo, tmp_path):
    """Crawl 4 reads lot 1's estimate "13 000 000,00" (the text unchanged) as another amount, as a re-read with a
    better amount reader does (SYNTHETIC: € 13.000.000,50). A changed text is reported as text and its cents left
    out, but a change in the cents alone was reported as raw integers ("lot 1 estimated_cents: 1300000000 →
    1300000050"), a hundred times the euros. It is the amount in euros, named without "_cents"."""
    text = _rewrite_lots_of_100190(demo, tmp_path, estimated_cents=lambda lot: lot["estimated_cents"] + 50)
    assert "CHANGED   Gegund: Basishulp Jeugd Heerlen" in text
    assert "lot 1 estimated: € 13.000.000,00 → € 13.000.000,50" in text
    assert "1300000000" not in text and "estimated_cents" not in text


def test_a_news_article_linked_to_a_procurement_matches_through_its_cpv_codes_and_buyer(demo, tmp_path):
    """The demo's news crawl (crawl 3) archives the Leiderdorp page on the provisional award of
    TN243310 (Leiden, CPV 85311300), which the derivation links to it. A watch on the Leidse regio's
    youth-care CPV codes (the documented example) never matched news: articles have no CPV codes.
    They now take those of the procurements they are linked to, and the reason names the procurement;
    a buyer watch matches the linked procurement's buyer as well (the page names only Leiderdorp)."""
    connection = sqlite3.connect(demo)
    assert connection.execute("select status from procurement_links where procurement_id = 'TN243310' and url like "
                              "'%leiderdorp.nl%voorlopige_gunning%'").fetchall() == [("linked",)]
    assert "Gemeente Leiden" not in connection.execute(
        "select text from articles where url like '%voorlopige_gunning%'").fetchone()[0]
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(textwrap.dedent("""\
        watches:
          - name: Leidse regio, CPV
            municipalities: [Leiden, Leiderdorp]
            cpv: ["8531"]
          - name: Leiden koopt in
            buyers: ["Gemeente Leiden"]
        """), encoding="utf-8")
    report = build_report(demo, load_watchlist(watchlist), 3)
    by_watch = {watch.name: matches for watch, matches in report.results}
    (article,) = by_watch["Leidse regio, CPV"]
    assert article.key.endswith("voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend")
    assert article.reasons[-1] == "CPV 85311300, 85312300 (linked procurement TN243310)"
    assert [(m.key, m.reasons) for m in by_watch["Leiden koopt in"]] == [
        (article.key, ["buyer Gemeente Leiden (linked procurement TN243310)"])]


def test_report_unreported_reports_every_crawl_since_the_last_report_once(late_winners, tmp_path):
    """A journalist's schedule reported crawl 1 (its record, ``last-reported.txt``, says so); then two
    crawls ran (by scrapyd, or a second spider, or the report of a night failed). ``report`` without
    ``--crawl`` reports only the last crawl: crawl 2's winners of 100190 were never told.
    ``--unreported`` reports crawls 2 and 3, in order, and then nothing until another crawl; a
    report whose e-mail failed is reported again."""
    from tests.conftest import cli

    db, watchlist = late_winners
    out = tmp_path / "reports"
    assert cli("report", "--watchlist", watchlist.path, "--db", db, "--crawl", 1, "--out", out).returncode == 0
    (out / "last-reported.txt").write_text("1\n", encoding="utf-8")
    caught_up = cli("report", "--watchlist", watchlist.path, "--db", db, "--unreported", "--out", out, "--quiet")
    assert caught_up.returncode == 0, caught_up.stderr
    headings = [line for line in caught_up.stdout.splitlines() if line.startswith("Watchlist watchlist: crawl")]
    assert [h.split(" (")[0] for h in headings] == ["Watchlist watchlist: crawl 2", "Watchlist watchlist: crawl 3"]
    assert "lot 1: Jeugdteam Zuid B.V., Stichting Basishulp Parkstad (€ 12.400.000,00)" in caught_up.stdout
    assert sorted(p.name for p in out.glob("crawl-*.md")) == ["crawl-1.md", "crawl-2.md", "crawl-3.md"]
    again = cli("report", "--watchlist", watchlist.path, "--db", db, "--unreported", "--out", out)
    assert (again.returncode, again.stdout) == (0, "no crawl since the last report (crawl 3)\n")

    (out / "last-reported.txt").write_text("2\n", encoding="utf-8")   # as if crawl 3 were not reported yet
    refused = cli("report", "--watchlist", watchlist.path, "--db", db, "--unreported", "--out", out, "--email",
                  "--smtp-host", "127.0.0.1", "--smtp-port", _closed_port(), "--mail-to", "r@example.org")
    assert refused.returncode == 1 and "reported again" in refused.stderr
    assert not (out / "crawl-3.md").exists() and (out / "last-reported.txt").read_text(encoding="utf-8") == "2\n"
    assert cli("report", "--watchlist", watchlist.path, "--db", db, "--unreported", "--out", out,
               "--quiet").stdout.startswith("Watchlist watchlist: crawl 3")

    for bad in (["--crawl", "2"], ["--no-files"]):
        refused = cli("report", "--watchlist", watchlist.path, "--db", db, "--unreported", "--out", out, *bad)
        assert refused.returncode == 2 and "--unreported" in refused.stderr


def unrectified_100101() -> tuple[dict, str]:
    """The snapshot's notice 100101 served without its rectification, and its kenmerk."""
    template = by_id(load_publications(), 100101)
    template["detail"]["publicatieIDLaatsteRectificatie"] = None
    return template, template["list"]["kenmerk"]


def test_report_unreported_reports_again_a_first_report_whose_e_mail_failed(tmp_path):
    """The first night of a schedule: crawl 1 runs, its ``report --unreported --email`` finds the
    SMTP server down (exit 1, "reported again"), and the report folder holds no ``crawl-N.md`` yet.
    The next night crawl 2 runs and its report is mailed. It reported crawl 2 only (with no report
    in the folder, ``--unreported`` took the last crawl), so crawl 1's notice 100101 was never
    told. The failed report is remembered (``crawl-1.unsent``): the next run reports crawls 1 and
    2, in order, and forgets the mark."""
    from tests.conftest import cli

    template, kenmerk = unrectified_100101()
    db, out = tmp_path / "archive.db", tmp_path / "reports"
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(textwrap.dedent(WATCHLIST), encoding="utf-8")
    report = ("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet")
    with APIServer(TenderNedAPI([template])) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        refused = cli(*report, "--email", "--smtp-host", "127.0.0.1", "--smtp-port", _closed_port(),
                      "--mail-to", "r@example.org")
        assert refused.returncode == 1 and "crawl 1 is reported again" in refused.stderr, refused.stderr
        assert not list(out.glob("crawl-*.md"))
        server.api.add(make_publication(template, 100150, "2018-04-02", kenmerk=kenmerk))
        assert run_crawl(server.api_url, db).returncode == 0
    caught_up = cli(*report)
    assert caught_up.returncode == 0, caught_up.stderr
    headings = [line.split(" (")[0] for line in caught_up.stdout.splitlines() if line.startswith("Watchlist")]
    assert headings == ["Watchlist watchlist: crawl 1", "Watchlist watchlist: crawl 2"]
    assert "100101" in caught_up.stdout.split("Watchlist watchlist: crawl 2")[0]
    assert sorted(p.name for p in out.glob("crawl-*.*") if p.suffix in (".md", ".unsent")) == [
        "crawl-1.md", "crawl-2.md"]
    assert cli(*report).stdout == ""


def test_report_unreported_is_not_put_off_by_a_report_run_by_hand(tmp_path):
    """The schedule reported crawl 1 (``--unreported``). Crawls 2 and 3 ran with no report (the report
    line did not run those nights); then someone ran ``report`` by hand, which wrote ``crawl-3.md``
    into the same folder. ``--unreported`` took the highest ``crawl-N.md`` as the last crawl
    reported: "no crawl since the last report (crawl 3)", and the journalist never heard of crawl 2's
    notice 100150. What ``--unreported`` reported is recorded by it alone (``last-reported.txt``):
    the next run reports crawls 2 and 3, in order."""
    from tests.conftest import cli

    template, kenmerk = unrectified_100101()
    db, out = tmp_path / "archive.db", tmp_path / "reports"
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Heerlen\n    keywords: [heerlen]\n", encoding="utf-8")
    scheduled = ("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet")
    with APIServer(TenderNedAPI([template])) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        assert cli(*scheduled).stdout.startswith("Watchlist watchlist: crawl 1")
        server.api.add(make_publication(template, 100150, "2018-04-02", kenmerk=kenmerk,
                                        title="Basishulp Jeugd Heerlen, perceel 2"))
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.add(make_publication(template, 100151, "2018-04-03", kenmerk=kenmerk,
                                        title="Basishulp Jeugd Heerlen, perceel 3"))
        assert run_crawl(server.api_url, db).returncode == 0
    by_hand = cli("report", "--watchlist", watchlist, "--db", db, "--out", out)
    assert by_hand.returncode == 0 and (out / "crawl-3.md").exists(), by_hand.stderr
    caught_up = cli(*scheduled)
    assert caught_up.returncode == 0, caught_up.stderr
    headings = [line.split(" (")[0] for line in caught_up.stdout.splitlines() if line.startswith("Watchlist")]
    assert headings == ["Watchlist watchlist: crawl 2", "Watchlist watchlist: crawl 3"]
    assert "perceel 2" in caught_up.stdout.split("Watchlist watchlist: crawl 3")[0]
    assert (out / "last-reported.txt").read_text(encoding="utf-8") == "3\n"
    assert cli(*scheduled).stdout == ""
    (out / "last-reported.txt").write_text("crawl 3\n", encoding="utf-8")   # edited by hand, wrongly
    refused = cli(*scheduled)
    assert refused.returncode == 1 and "holds 'crawl 3', not a crawl number" in refused.stderr, refused.stderr


def test_report_unreported_that_cannot_record_what_it_reported_exits_6_and_reports_it_again(late_winners, tmp_path):
    """The report folder takes the report files but not the record of the crawl reported
    (``last-reported.txt``; here a folder is in the way of the file it is written through): the
    report is printed and written, the run exits 6 (an unusable file) with one line saying so, and
    the next run reports the crawl again rather than skip or repeat others."""
    from tests.conftest import cli

    db, watchlist = late_winners
    out = tmp_path / "reports"
    (out / "last-reported.txt.tmp").mkdir(parents=True)
    scheduled = ("report", "--watchlist", watchlist.path, "--db", db, "--unreported", "--out", out, "--quiet")
    blocked = cli(*scheduled)
    assert blocked.returncode == 6 and blocked.stdout.startswith("Watchlist watchlist: crawl 3"), blocked.stderr
    assert "cannot record that crawl 3 was reported" in blocked.stderr and "Traceback" not in blocked.stderr
    assert (out / "crawl-3.md").exists() and not (out / "last-reported.txt").exists()
    (out / "last-reported.txt.tmp").rmdir()
    again = cli(*scheduled)
    assert again.returncode == 0 and again.stdout.startswith("Watchlist watchlist: crawl 3"), again.stderr
    assert (out / "last-reported.txt").read_text(encoding="utf-8") == "3\n"


def test_report_unreported_tells_a_notice_first_archived_in_an_unreported_crawl_as_new(tmp_path):
    """The journalist was told of crawl 1. Crawl 2 archives notice 100150 (a second notice of the
    Heerlen procedure); crawl 3 renames it and 100101. ``--unreported`` reports crawls 2 and 3:
    crawl 2's report leaves 100150 out (crawl 3 changed it again, it belongs to crawl 3's report),
    and crawl 3's listed it as *changed*, with a title change, so the journalist never heard it
    is new. It is *new* in crawl 3's report; 100101, told of in crawl 1, is *changed*. A report of
    crawl 3 alone (``--crawl 3``) still says what crawl 3 did: both changed."""
    from tests.conftest import cli

    template, kenmerk = unrectified_100101()

    def notice(publication_id, day, title, base=template):
        publication = make_publication(base, publication_id, day, title=title, kenmerk=kenmerk)
        if publication_id == 100101:   # the same notice: its own documents and publication time
            publication["documenten"] = copy.deepcopy(template["documenten"])
            publication["detail"]["publicatieDatum"] = template["detail"]["publicatieDatum"]
        return publication

    db = tmp_path / "archive.db"
    with APIServer(TenderNedAPI([template])) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.add(notice(100150, "2018-04-02", "Basishulp Jeugd Heerlen, perceel 2"))
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.add(notice(100150, "2018-04-02", "Basishulp Jeugd Heerlen, perceel 2 (herzien)"))
        server.api.add(notice(100101, "2018-03-13", "Basishulp Jeugd Heerlen (herzien)"))
        # A new publication of the procedure makes the crawl re-check its other notices.
        server.api.add(notice(100151, "2018-04-03", "Basishulp Jeugd Heerlen, perceel 3"))
        assert run_crawl(server.api_url, db).returncode == 0
    connection = sqlite3.connect(db)
    assert connection.execute("select row_key, crawl_id from versions where table_name = 'notices' "
                              "order by row_key").fetchall() == [("100101", 3), ("100150", 3)]
    connection.close()
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Heerlen\n    keywords: [heerlen]\n", encoding="utf-8")
    out = tmp_path / "reports"
    assert cli("report", "--watchlist", watchlist, "--db", db, "--crawl", 1, "--out", out).returncode == 0
    (out / "last-reported.txt").write_text("1\n", encoding="utf-8")   # the schedule reported crawl 1
    caught_up = cli("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out)
    assert caught_up.returncode == 0, caught_up.stderr
    crawl_2, crawl_3 = caught_up.stdout.split("Watchlist watchlist: crawl ")[1:]
    assert "100150" not in crawl_2 and "perceel 2" not in crawl_2
    lines = [line for line in crawl_3.splitlines() if line.startswith(("NEW", "CHANGED"))]
    assert [line.rsplit(" (", 1)[0] for line in lines] == [
        "NEW       Basishulp Jeugd Heerlen, perceel 3", "NEW       Basishulp Jeugd Heerlen, perceel 2 (herzien)",
        "CHANGED   Basishulp Jeugd Heerlen (herzien)"]
    watch = load_watchlist(watchlist)
    alone = {m.key: m.status for _, matches in build_report(db, watch, 3).results for m in matches}
    assert alone == {100151: "new", 100150: "changed", 100101: "changed"}
    told = {m.key: m.status for _, matches in build_report(db, watch, 3, last_reported=2).results for m in matches}
    assert told == alone   # told of crawl 2, the journalist heard of 100150 then


def test_two_archives_in_one_folder_keep_their_own_record_of_what_was_reported(late_winners, tmp_path):
    """``archive.db`` and ``news.db`` in one folder, each with crawls 1-3 (a journalist's TenderNed
    and news archives). The report folder holds the record of what ``--unreported`` has reported: in
    one shared ``reports/`` the archive's ``last-reported.txt`` would mark the news archive's crawl 3 as
    reported, and its journalist would never hear of it. ``archive.db`` keeps ``reports/``, any
    other archive gets ``reports/<name>/``."""
    import sqlite3

    from tests.conftest import cli

    db, watchlist = late_winners
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("archive.db", "news.db"):   # SQLite's backup: the copy includes what the WAL holds
        with sqlite3.connect(db) as source, sqlite3.connect(folder / name) as copy:
            source.backup(copy)
        source.close()
        copy.close()
    for name, files in (("archive.db", folder / "reports"), ("news.db", folder / "reports" / "news")):
        done = cli("report", "--watchlist", watchlist.path, "--db", folder / name, "--unreported", "--quiet")
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("Watchlist watchlist: crawl 3"), (name, done.stdout)
        assert sorted(p.name for p in files.glob("crawl-*.md")) == ["crawl-3.md"]
    assert sorted(p.name for p in (folder / "reports").iterdir()) == [
        "crawl-3.atom", "crawl-3.html", "crawl-3.md", "feed.atom", "last-reported.txt", "news"]


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_notice_tenderned_no_longer_publishes_is_reported_withdrawn_once(tmp_path):
    """TenderNed withdraws notice 100101: its detail answers 404. A new notice of the procedure makes
    crawl 2 re-check it; the crawl records the 404 (partial) and the archive keeps the notice. The
    report of crawl 2 said nothing about it; it lists it as withdrawn, with TenderNed's answer. The
    404 of the next re-check (crawl 3) is no news: only logged (the crawl completes), not listed again."""
    snapshot = load_publications()
    template = by_id(snapshot, 100101)
    db = tmp_path / "archive.db"
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.publications = [p for p in server.api.publications if p is not template]
        server.api.add(make_publication(template, 100150, "2018-04-02", kenmerk=template["list"]["kenmerk"]))
        assert run_crawl(server.api_url, db).returncode == 3
        server.api.add(make_publication(template, 100151, "2018-04-03", kenmerk=template["list"]["kenmerk"]))
        assert run_crawl(server.api_url, db).returncode == 0   # recorded by crawl 2: only logged now
    assert sqlite3.connect(db).execute("select title, crawl_id from notices where publication_id = 100101").fetchall() \
        == [(template["detail"]["aanbestedingNaam"], 1)]
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Heerlen\n    municipalities: [Heerlen]\n", encoding="utf-8")
    report = build_report(db, load_watchlist(watchlist), 2)
    by_key = {m.key: m for _, matches in report.results for m in matches}
    assert (by_key[100150].status, by_key[100101].status) == ("new", "withdrawn")
    assert by_key[100101].changes == [{"column": "TenderNed", "old": "published",
                                       "new": "HTTP 404 in crawl 2: withdrawn or removed (kept in the archive)"}]
    text = render_text(report)
    assert "1 new, 0 changed, 1 withdrawn in 1 of 1 watches" in text and "WITHDRAWN Basishulp Jeugd Heerlen" in text
    assert [m.key for _, matches in build_report(db, load_watchlist(watchlist), 3).results for m in matches] == [100151]


def test_an_error_whose_body_mentions_a_404_is_no_withdrawal(tmp_path):
    """A failed request's recorded error keeps what its JSON body said (spiders/base.py): a 500 whose
    message names an upstream "HTTP 404" is a failure, not TenderNed's answer that the notice is gone.
    Only the answer's own status makes a notice *withdrawn*."""
    import json

    snapshot = load_publications()
    template = by_id(snapshot, 100101)
    db = tmp_path / "archive.db"
    body = json.dumps({"status": 500, "error": "Internal Server Error", "message": "upstream answered HTTP 404"})
    with APIServer(TenderNedAPI(snapshot)) as server:
        assert run_crawl(server.api_url, db).returncode == 0
        server.api.faults[f"{API_PATH}/publicaties/100101"] = [{"status": 500, "body": body}] * 5
        server.api.add(make_publication(template, 100150, "2018-04-02", kenmerk=template["list"]["kenmerk"]))
        assert run_crawl(server.api_url, db).returncode == 3   # 100101 re-checked: its detail failed
    errors = json.loads(sqlite3.connect(db).execute("select errors from crawls where crawl_id = 2").fetchone()[0])
    assert [e["error"] for e in errors] == ["request failed: HTTP 500 'Internal Server Error: upstream answered HTTP 404'"]
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Heerlen\n    municipalities: [Heerlen]\n", encoding="utf-8")
    statuses = {m.key: m.status for _, matches in build_report(db, load_watchlist(watchlist), 2).results for m in matches}
    assert statuses.get(100150) == "new" and statuses.get(100101) != "withdrawn"



def _jeugdhulp_matches(db, tmp_path, crawl_id):
    """The matches of a keyword watch on "jeugdhulp" in crawl ``crawl_id``'s report, by key (the watch list is
    written to ``tmp_path/watchlist.yaml``)."""
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Jeugdhulp\n    keywords: [jeugdhulp]\n", encoding="utf-8")
    ((_, found),) = build_report(db, load_watchlist(watchlist), crawl_id).results
    return {m.key: m for m in found}


def _two_living_pages():
    """A site's routes with two living pages (SYNTHETIC articles), and the first page's response."""
    from tests.spiders.test_news_reference import ARTICLE, ROBOTS

    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    other = ("text/html; charset=utf-8", ARTICLE.format(title="Inkoop jeugdzorg", extra="De regio koopt in.").encode())
    return {"/robots.txt": ROBOTS, "/project/inkoop-jeugdhulp": page, "/project/inkoop-jeugdzorg": other}, page


LIVING_PAGES = ["project/inkoop-jeugdhulp", "project/inkoop-jeugdzorg"]


def test_a_news_page_that_is_gone_is_reported_withdrawn(tmp_path):
    """A living page of the registry answers 404 at its re-check: the archive keeps it, the crawl is
    partial, and the report of that crawl lists the page as withdrawn for a watch that follows it."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import registry, serve

    routes, page = _two_living_pages()
    db = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=LIVING_PAGES)
        assert crawl_news(path, db).returncode == 0
        del routes["/project/inkoop-jeugdhulp"]
        assert crawl_news(path, db).returncode == 3
    assert [(key, m.status, m.changes[0]["new"]) for key, m in _jeugdhulp_matches(db, tmp_path, 2).items()] == [
        (f"{base}project/inkoop-jeugdhulp", "withdrawn",
         "HTTP 404 in crawl 2: withdrawn or removed (kept in the archive)")]



def _one_sitemapped_article():
    """A site whose sitemap names one article, ``/nieuws/gunning`` (SYNTHETIC): its routes, the article's answer,
    and ``touch()``, which moves the sitemap's ``lastmod`` to now, a second after the last fetch (``lastmod`` is
    to the second), so the page counts as changed since it was fetched."""
    import time
    from datetime import datetime, timezone

    from tests.spiders.test_news_reference import ARTICLE, ROBOTS

    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    lastmod = ["2020-12-14"]

    def sitemap(base):
        return ("application/xml", (
            '<?xml version="1.0"?><!-- SYNTHETIC --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}nieuws/gunning</loc><lastmod>{lastmod[0]}</lastmod></url></urlset>").encode())

    def touch():
        time.sleep(1)
        lastmod[0] = datetime.now(timezone.utc).isoformat(timespec="seconds")

    return {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap, "/nieuws/gunning": page}, page, touch


def test_an_archived_page_its_sitemap_still_names_that_answers_404_is_reported_withdrawn(tmp_path):
    """The sitemap of the site still names an archived article, with a new ``lastmod``, and the page answers 404.
    A discovered page that is gone is no error of the crawl (``news/gone``: the crawl completes), so the report,
    which read only the crawl's errors, never said the archived page was withdrawn: the journalist did not hear
    of it. It is listed *withdrawn* with the site's answer (the crawl's ``fetches``), and once only."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import registry, serve

    routes, page, touch = _one_sitemapped_article()
    db = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        assert crawl_news(path, db).returncode == 0
        del routes["/nieuws/gunning"]
        for _ in range(2):
            touch()
            gone = crawl_news(path, db)
            assert gone.returncode == 0 and "'news/gone': 1" in gone.stdout + gone.stderr, gone.stderr[-3000:]
    assert [(key, m.status, m.changes[0]["new"]) for key, m in _jeugdhulp_matches(db, tmp_path, 2).items()] == [
        (f"{base}nieuws/gunning", "withdrawn", "HTTP 404 in crawl 2: withdrawn or removed (kept in the archive)")]
    assert _jeugdhulp_matches(db, tmp_path, 3) == {}


#: SYNTHETIC: a municipal CMS's "not found" page, answered with status 200 (a soft 404)
SOFT_404_PAGE = ("text/html; charset=utf-8", (
    '<!doctype html><html lang="nl"><head><title>Pagina niet gevonden | Gemeente Voorbeeldstad</title>'
    '<meta name="tenderarchive-fixture" content="synthetic"></head><body><main><h1>Pagina niet gevonden</h1>'
    "<p>De pagina die u zoekt bestaat niet (meer) of is verplaatst. Gebruik de zoekfunctie of ga naar de "
    "homepage van de gemeente.</p></main></body></html>").encode())


def test_an_archived_page_that_answers_200_saying_it_was_not_found_is_reported_withdrawn_and_back(tmp_path):
    """The sitemap still names an archived article, with a new ``lastmod``, and the site answers its address with
    status 200 and a page "Pagina niet gevonden" (a soft 404, as municipal CMSs answer a removed item). The crawl
    reads it as gone (``news/gone``, not archived over the article), but its fetch says 200 and no error names
    it, so the report never said the article was withdrawn, where a 404 is reported. It is listed *withdrawn*
    once (the crawl's ``soft_404``), not again while the site still answers so, and *published again* when the
    page is back."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import registry, serve

    routes, page, touch = _one_sitemapped_article()
    db = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        assert crawl_news(path, db).returncode == 0
        for answer in (SOFT_404_PAGE, SOFT_404_PAGE, page):
            routes["/nieuws/gunning"] = answer
            touch()
            crawl = crawl_news(path, db)
            assert crawl.returncode == 0, crawl.stderr[-3000:]
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Jeugdhulp\n    keywords: [jeugdhulp]\n", encoding="utf-8")

    def matches(crawl_id):
        ((_, found),) = build_report(db, load_watchlist(watchlist), crawl_id).results
        return [(m.key, m.status, m.changes) for m in found]

    url = f"{base}nieuws/gunning"
    assert matches(2) == [(url, "withdrawn", [{"column": "page", "old": "published", "new": (
        "HTTP 200 saying the page was not found in crawl 2: withdrawn or removed (kept in the archive)")}])]
    assert matches(3) == []
    assert matches(4) == [(url, "changed", [{"column": "page", "new": "published again in crawl 4", "old": (
        "HTTP 200 saying the page was not found in crawl 3: withdrawn or removed")}])]


def test_a_news_page_reported_withdrawn_that_a_later_crawl_finds_published_again_is_reported_so(tmp_path):
    """A living page answered 404 in crawl 2 (reported *withdrawn*) and is back, unchanged, in crawl 3. Crawl 3's
    report said nothing (only notices were looked for back), so the reader, told the page was withdrawn, never
    heard it is published again. It is *changed* in crawl 3's report, "published again"; not in crawl 4's."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import registry, serve

    routes, page = _two_living_pages()
    db = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=LIVING_PAGES)
        assert crawl_news(path, db).returncode == 0
        del routes["/project/inkoop-jeugdhulp"]
        assert crawl_news(path, db).returncode == 3
        routes["/project/inkoop-jeugdhulp"] = page
        for _ in range(2):
            assert crawl_news(path, db).returncode == 0

    def matches(crawl_id):
        return _jeugdhulp_matches(db, tmp_path, crawl_id)

    url = f"{base}project/inkoop-jeugdhulp"
    assert matches(2)[url].status == "withdrawn"
    back = matches(3)[url]
    assert (back.status, back.changes) == ("changed", [{"column": "page", "old": "HTTP 404 in crawl 2: withdrawn or removed",
                                                        "new": "published again in crawl 3"}])
    assert "published again in crawl 3" in render_text(build_report(db, load_watchlist(tmp_path / "watchlist.yaml"), 3))
    assert url not in matches(4)


def test_a_page_reported_withdrawn_whose_return_fetch_answers_not_modified_is_reported_published_again(tmp_path):
    """A listed item answered 404 in crawl 2 (reported *withdrawn*); in crawl 3 it is back, unchanged, and the
    revisit's conditional request (``If-Modified-Since`` its archived fetch) is answered ``304 Not Modified``. Only a
    ``200`` counted as found back, so the reader, told the page was withdrawn, never heard it is published again.
    The ``304`` is the page there, unchanged: *changed* in crawl 3's report, "published again"."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import registry
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import days_ago
    from tests.spiders.test_news_reference9 import ROBOTS, conditional, dated_item

    item = dated_item("Gunning jeugdhulp", days_ago(1))
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning"), "/nieuws/gunning": item}
    db = tmp_path / "archive.db"
    server, base = conditional(routes, [])
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db)]
        del routes["/nieuws/gunning"]
        crawls.append(crawl_news(path, db, "-s", "NEWS_REVISIT_HOURS=0"))
        routes.update({"/nieuws/gunning": item, "304": True})
        crawls.append(crawl_news(path, db, "-s", "NEWS_REVISIT_HOURS=0"))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    url = f"{base}nieuws/gunning"
    assert [r[0] for r in sqlite3.connect(db).execute("select status from fetches where url = ? order by rowid", [url])] \
        == [200, 404, 304]

    def matches(crawl_id):
        return _jeugdhulp_matches(db, tmp_path, crawl_id)

    assert matches(2)[url].status == "withdrawn"
    assert (matches(3)[url].status, matches(3)[url].changes) == (
        "changed", [{"column": "page", "old": "HTTP 404 in crawl 2: withdrawn or removed", "new": "published again in crawl 3"}])


def test_a_rectified_award_says_what_it_replaced(tmp_path):
    """Rectification 900103 corrects lot 1 of award notice 900102 (€ 1.234.567,89 -> € 1.250.000,00;
    tests/fixtures/awards). The journalist saw the new value only, with nothing to say it changed:
    the award line says what it was and where, and the earlier award is marked superseded."""
    from tenderarchive.apiserver import load_datasets
    from tests.awards.conftest import FIXTURES

    db = tmp_path / "archive.db"
    with APIServer(TenderNedAPI(load_publications(FIXTURES), datasets=load_datasets(FIXTURES / "datasets"))) as server:
        crawled = run_crawl(server.api_url, db, from_date="2021-01-01", until_date="2026-06-30")
    assert crawled.returncode == 0, crawled.output[-3000:]
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Voorbeeld\n    buyers: [Gemeente Voorbeeldstad]\n", encoding="utf-8")
    text = render_text(build_report(db, load_watchlist(watchlist), 1))
    assert "lot 1: Stichting Jeugdhulp Noord (€ 1.250.000,00, was € 1.234.567,89 in notice 900102)" in text
    assert "lot 2: Jeugdzorg Zuid B.V., Zorggroep Oost (maximum € 800.000,00, as in notice 900102)" in text
    assert "lot 1: Stichting Jeugdhulp Noord (€ 1.234.567,89, superseded)" in text


def test_a_report_whose_reader_closes_the_output_is_not_called_a_mail_failure(late_winners, tmp_path):
    """``tenderarchive report … | head -0``: the printed report's pipe is closed. The report said "the
    report was written but could not be mailed: [Errno 32] Broken pipe" although no mail was asked
    for and no file written."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    db, watchlist = late_winners
    out = tmp_path / "reports"
    command = subprocess.Popen([sys.executable, "-m", "tenderarchive.cli", "report", "--watchlist", str(watchlist.path),
                                "--db", str(db), "--crawl", "1", "--out", str(out)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    command.stdout.close()   # before the report is printed: the interpreter takes far longer to start
    stderr = command.stderr.read().decode()
    assert command.wait(timeout=120) == 1
    assert "could not be printed" in stderr and "mailed: " not in stderr and "Traceback" not in stderr
    assert not out.exists()


def test_report_unreported_waits_for_a_running_crawl_and_reports_a_killed_one(late_winners, tmp_path):
    """Crawl 4 is recorded as running. While a crawl holds the archive's lock it is still running:
    ``--unreported`` leaves it for the next run (its rows are not all written). Once no crawl holds
    the lock, crawl 4 was killed: it is reported, with the warning that rows may be missing."""
    import shutil

    from tenderarchive.lock import crawl_lock
    from tests.conftest import cli

    source, watchlist = late_winners
    db = tmp_path / "archive.db"
    shutil.copy(source, db)
    with sqlite3.connect(db) as conn:
        conn.execute("insert into crawls (crawl_id, spider, status, started) values "
                     "(4, 'tenderned', 'running', '2026-12-02T04:17:00+00:00')")
    conn.close()
    out = tmp_path / "reports"
    out.mkdir()
    (out / "last-reported.txt").write_text("3\n", encoding="utf-8")   # the schedule reported crawl 3
    command = ["report", "--watchlist", watchlist.path, "--db", db, "--unreported", "--out", out]
    with crawl_lock(db):
        waiting = cli(*command)
    assert (waiting.returncode, waiting.stdout) == (0, "no crawl since the last report (crawl 3)\n")
    assert not (out / "crawl-4.md").exists()
    killed = cli(*command)
    assert killed.returncode == 0 and "WARNING: crawl 4 was killed: some new or changed notices" in killed.stdout
    assert "crawl 4 (tenderned, killed, " in killed.stdout   # as `tenderarchive status` says it
    assert (out / "crawl-4.md").exists()


def test_an_award_of_no_named_lot_reads_as_the_contract_and_its_rectification_says_what_it_replaced(tmp_path):
    """An award of a procedure without lots has no ``lot_id`` (NULL, branch refawards3): its line read
    "lot —", its changes "lot None …", and a rectification of it never found what it replaced (SQL's
    ``lot_id = NULL`` matches nothing). Several lots in one award ("1, 2") read as lots."""
    from tenderarchive.store.writes import open_archive
    from tenderarchive.watch.render import award_line
    from tenderarchive.watch.report import _notice_awards

    db = open_archive(tmp_path / "archive.db")
    db["awards"].insert_all([
        {"award_id": "900102-x", "procurement_id": "TN9", "lot_id": None, "publication_id": 900102,
         "value_cents": 123456789, "value_raw": "1.234.567,89", "value_currency": "EUR", "current": 0},
        {"award_id": "900103-x", "procurement_id": "TN9", "lot_id": None, "publication_id": 900103,
         "rectifies": 900102, "value_cents": 125000000, "value_raw": "1.250.000,00", "value_currency": "EUR",
         "current": 1}])
    db.conn.commit()
    conn = sqlite3.connect(tmp_path / "archive.db")
    conn.row_factory = sqlite3.Row
    [award] = _notice_awards(conn, [900103])[900103]
    assert award["replaces"]["publication_id"] == 900102
    line = award_line(award)
    assert line.startswith("contract: no winner named (") and "was € 1.234.567,89 in notice 900102" in line
    assert award_line({"lot_id": "1, 2", "winners": ["A"]}) == "lots 1, 2: A"
    assert award_line({"lot_id": "2", "winners": ["A"]}) == "lot 2: A"


def test_a_reported_article_names_the_procurement_it_is_linked_to(demo, tmp_path):
    """A journalist's report listed a new article with what matched, but not which procurement it
    is about: the story (its notices, winners, timeline) was one search away, and an article matched
    by a place alone never named it. Each reported article names the procurements it is linked to
    (``procurement_links``, status linked): id, title and the link's reasons, and the research page
    of each when the report knows the Datasette address; in every rendering."""
    from tenderarchive.watch import render_atom

    connection = sqlite3.connect(demo)
    (url,) = connection.execute("select url from articles where url like '%leiderdorp.nl%voorlopige_gunning%'").fetchone()
    (title,) = connection.execute("select title from procurements where procurement_id = 'TN243310'").fetchone()
    links = connection.execute("select procurement_id, reasons from procurement_links where url = ? "
                               "and status = 'linked'", [url]).fetchall()
    assert [pid for pid, _ in links] == ["TN243310"]
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Leiderdorp\n    municipalities: [Leiderdorp]\n", encoding="utf-8")
    report = build_report(demo, load_watchlist(watchlist), 3, datasette_url="http://127.0.0.1:8001")
    ((_, matches),) = report.results
    (article,) = [m for m in matches if m.key == url]
    assert "TN243310" not in "; ".join(article.reasons)   # matched by its place, not through the procurement
    assert [(p["procurement_id"], p["title"], p["reasons"]) for p in article.procurements] == [
        ("TN243310", title, ", ".join(json.loads(links[0][1])))]
    research = "http://127.0.0.1:8001/-/aanbesteding?id=TN243310"
    assert article.procurements[0]["research_url"] == research
    for rendered in (render_text(report), render_markdown(report), render_html(report), render_atom(report)):
        assert "TN243310" in rendered and title.split()[0] in rendered and "aanbesteding?id=TN243310" in rendered


def test_a_reported_articles_link_evidence_is_told_in_words(demo, tmp_path):
    """The report named the procurement an article is linked to with the linker's evidence codes, "(linked:
    places:1/1, jeugdregio:JZ41, title:0.50, time:within)": the notation of the ``procurement_links.reasons``
    column, which a journalist cannot read. The evidence is told in words, in every rendering; a code the words
    do not know is kept as it is."""
    from tenderarchive.watch import render_atom
    from tenderarchive.watch.render import link_evidence

    connection = sqlite3.connect(demo)
    (url,) = connection.execute("select url from articles where url like '%leiderdorp.nl%voorlopige_gunning%'").fetchone()
    (reasons,) = connection.execute("select reasons from procurement_links where url = ? and status = 'linked'",
                                    [url]).fetchone()
    assert any(code.startswith(("places:", "time:")) for code in json.loads(reasons))
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Leiderdorp\n    municipalities: [Leiderdorp]\n", encoding="utf-8")
    report = build_report(demo, load_watchlist(watchlist), 3)
    for rendered in (render_text(report), render_markdown(report), render_html(report), render_atom(report)):
        assert not any(code in rendered for code in ("places:", "jeugdregio:", "title:0", "title:1", "time:"))
        assert "dated within the procurement" in rendered
    assert link_evidence("tenderned_ref:TN243310, places:3/4, jeugdregio:JZ41, title:1.00, time:outside, new_code") == (
        "names TN243310; shares 3 of its 4 municipalities; same jeugdregio JZ41; has 100% of the title's words; "
        "dated outside the procurement's time span; new_code")
    assert link_evidence("places:1/1") == "shares its municipality"


@pytest.fixture(scope="module")
def rectified_documents(tmp_path_factory):
    """Contract notice 100101 listed two documents (crawl 1); its rectification 100131 withdrew one, and crawl 2 reads
    the notice's /documenten whole, naming the other alone; crawl 3 lists the same; crawl 4 lists both again. Gives
    the archive, the
    watchlist (Heerlen), the documents' names by id and the kept and withdrawn ids."""
    tmp_path = tmp_path_factory.mktemp("rectified-documents")
    snapshot = load_publications()
    notice = by_id(snapshot, 100101)
    names = {str(d["documentId"]): d["documentNaam"] for d in notice["documenten"]["documenten"]}
    kept, withdrawn = names
    before = copy.deepcopy(notice)
    before["detail"]["publicatieIDLaatsteRectificatie"] = None  # not yet rectified
    rectified = copy.deepcopy(notice)
    rectified["documenten"]["documenten"] = rectified["documenten"]["documenten"][:1]
    db = tmp_path / "archive.db"
    day = {"from_date": "2018-07-03", "until_date": "2018-07-03"}   # rectification 100131
    with APIServer(TenderNedAPI([before])) as server:
        assert run_crawl(server.api_url, db, from_date="2018-03-13", until_date="2018-03-13").returncode == 0
    with APIServer(TenderNedAPI([rectified, by_id(snapshot, 100131)])) as server:
        second = run_crawl(server.api_url, db, **day)
        assert second.returncode == 0, second.output[-3000:]
        assert run_crawl(server.api_url, db, **day).returncode == 0
    assert second.db["documents"].get((100101, withdrawn))["dropped_since"]
    relisted = Path(shutil.copy(db, tmp_path / "relisted.db"))   # crawl 4 of a copy: 2's report stays 2's
    with APIServer(TenderNedAPI([notice, by_id(snapshot, 100131)])) as server:   # both listed again
        fourth = run_crawl(server.api_url, relisted, **day)
        assert fourth.returncode == 0, fourth.output[-3000:]
    assert fourth.db["documents"].get((100101, withdrawn))["dropped_since"] is None
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Heerlen\n    municipalities: [Heerlen]\n", encoding="utf-8")
    return SimpleNamespace(db=db, relisted=relisted, watchlist=load_watchlist(watchlist), names=names, kept=kept,
                           withdrawn=withdrawn)


def test_a_document_a_rectification_withdrew_is_reported_no_longer_listed(rectified_documents):
    """The archive keeps the withdrawn file's row and marks it ``dropped_since``. The report of crawl 2 said nothing
    of it (it named only documents added or changed), so the journalist was not told a tender document is gone.
    It lists the notice as changed, naming the file no longer listed, in every rendering; crawl 3, which lists the
    same, says nothing of it again."""
    from tenderarchive.watch import render_atom

    docs = rectified_documents
    report = build_report(docs.db, docs.watchlist, 2)
    by_key = {m.key: m for _, matches in report.results for m in matches}
    assert by_key[100101].status == "changed"
    assert {"column": "documents", "old": docs.names[docs.withdrawn],
            "new": "no longer listed since crawl 2: withdrawn (kept in the archive)"} in by_key[100101].changes
    assert docs.names[docs.kept] not in json.dumps(by_key[100101].changes)   # still listed, unchanged
    for rendered in (render_text(report), render_markdown(report), render_html(report), render_atom(report)):
        assert "no longer listed since crawl 2" in rendered
    third = {m.key: m for _, matches in build_report(docs.db, docs.watchlist, 3).results for m in matches}
    assert 100101 not in third


def test_a_document_listed_again_after_it_was_withdrawn_is_reported_listed_again_not_new(rectified_documents):
    """Crawl 4 reads the notice's /documenten naming the withdrawn file again: the report said "documents: — →
    Nota van inlichtingen 1.pdf", as of a document never seen, though crawl 2's report told it withdrawn. It
    says the file is listed again, in every rendering, and not as new."""
    from tenderarchive.watch import render_atom

    docs = rectified_documents
    report = build_report(docs.relisted, docs.watchlist, 4)
    notice = next(m for _, matches in report.results for m in matches if m.key == 100101)
    assert notice.status == "changed"
    assert notice.changes == [{"column": "documents", "old": f"{docs.names[docs.withdrawn]}: no longer listed",
                               "new": "listed again in crawl 4"}]
    for rendered in (render_text(report), render_markdown(report), render_html(report), render_atom(report)):
        assert "listed again in crawl 4" in rendered


def test_a_notices_rectification_is_reported_in_words_not_by_its_column(rectified_documents):
    """Crawl 2 archives rectification 100131 of notice 100101, whose ``latest_rectification_id`` it sets: the report
    said "latest_rectification_id: — → 100131", the archive's column and a bare number. It says "latest
    rectification: — → notice 100131" in every rendering."""
    from tenderarchive.watch import render_atom

    report = build_report(rectified_documents.db, rectified_documents.watchlist, 2)
    notice = next(m for _, matches in report.results for m in matches if m.key == 100101)
    assert {"column": "latest rectification", "old": None, "new": "notice 100131"} in notice.changes
    for rendered in (render_text(report), render_markdown(report), render_html(report), render_atom(report)):
        assert "latest rectification" in rendered and "notice 100131" in rendered
        assert "latest_rectification_id" not in rendered


def test_a_notices_code_and_label_flags_and_derived_columns_are_reported_as_a_reader_reads_them():
    """A notice whose procedure changed was reported with two changes, "procedure: OPEN → NIET_OPEN" and
    "procedure_label: Openbaar → Niet-openbaar", a moved publication date with "year_month: 2018-06 → 2018-07"
    beside it, and an award with "is_awarded: 0 → 1". It is one change of the labels under the code's name as the
    data dictionary names the code ("Procedure (procedure)", as "Current closing date for tenders (deadline)" is
    said: the report said the stored "procedure", "notice_type"), the derived month is left out, a flag is named in
    words with yes/no; other columns stay as they are."""
    from tenderarchive.watch.report import _notice_changes_as_read

    changes = [{"column": "procedure", "old": "OPEN", "new": "NIET_OPEN"},
               {"column": "procedure_label", "old": "Openbaar", "new": "Niet-openbaar"},
               {"column": "contract_type_label", "old": "Diensten", "new": "Leveringen"},
               {"column": "published", "old": "2018-06-30", "new": "2018-07-02"},
               {"column": "year_month", "old": "2018-06", "new": "2018-07"},
               {"column": "is_awarded", "old": 0, "new": 1},
               {"column": "title", "old": "Jeugdhulp", "new": "Jeugdhulp Heerlen"}]
    assert _notice_changes_as_read(changes) == [
        {"column": "Procedure (procedure)", "old": "Openbaar", "new": "Niet-openbaar"},
        {"column": "Type of contract (contract_type)", "old": "Diensten", "new": "Leveringen"},
        {"column": "published", "old": "2018-06-30", "new": "2018-07-02"},
        {"column": "awarded", "old": "no", "new": "yes"},
        {"column": "title", "old": "Jeugdhulp", "new": "Jeugdhulp Heerlen"}]


def _three_ocds_nights(serve_api, tmp_path, after_night) -> tuple[Path, Path]:
    """Three nightly OCDS crawls of SYNTHETIC yearly files (tests/fixtures/awards/make_fixtures.py), with a watch of
    the provider Jeugdzorg Rijnland B.V.: night 1 the 2021 file (lot 1 of procedure 314036 to Stichting Jeugdhulp
    Leiden, € 500.000), night 2 also the 2022 file, whose awardUpdate corrects the value to € 900.000 and adds
    Jeugdzorg Rijnland B.V. as co-winner, night 3 the 2022 file with another release (lot 2's award).
    ``after_night(db, watchlist, night)`` runs after each night's crawl (its number). The archive and watchlist."""
    from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
    from tests.spiders.test_awards_crawl import scrapy_ocds
    from tests.spiders.test_tenderned_ocds import datasets

    def leiden(rid, day, awards, tag=("tender", "award")):
        return release("ocds-1l04xe-314036", rid, day, "Jeugdhulp Leiden", JEUGD, lots=[("1", "Ambulant"), ("2", "Verblijf")],
                       parties=[supplier("41165432", "Stichting Jeugdhulp Leiden"),
                                supplier("12345678", "Jeugdzorg Rijnland B.V.")], awards=awards, tag=tag)

    awarded = leiden("300360-a", "2021-11-01", [{"id": "a1", "status": "active", "relatedLots": ["1"], "suppliers": [
        {"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}], "value": {"amount": 500000, "currency": "EUR"}}])
    corrected = leiden("300361-a", "2022-02-01", [{"id": "a1", "status": "active", "relatedLots": ["1"], "suppliers": [
        {"id": "41165432"}, {"id": "12345678"}], "value": {"amount": 900000, "currency": "EUR"}}], tag=("awardUpdate",))
    lot_2 = leiden("300362-a", "2022-03-01", [{"id": "a2", "status": "active", "relatedLots": ["2"], "suppliers": [
        {"id": "12345678"}], "value": {"amount": 1234567.5, "currency": "EUR"}}])
    folder, db = tmp_path / "datasets", tmp_path / "archive.db"
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text('watches:\n  - name: Rijnland\n    providers: ["Jeugdzorg Rijnland B.V."]\n', encoding="utf-8")
    server = serve_api([], datasets=datasets(folder, {"2021": [awarded]}))
    for night, files in enumerate(({}, {"2022": [corrected]}, {"2022": [corrected, lot_2]}), start=1):
        server.api.datasets = datasets(folder, {"2021": [awarded], **files})
        done = scrapy_ocds(db, server.datasets_url, "-a", "from_date=2021-01-01")
        assert done.returncode == 0, done.stderr[-3000:]
        after_night(db, watchlist, night)
    return db, watchlist


def test_an_award_value_an_ocds_award_update_corrects_is_reported_in_euros_without_the_archives_bookkeeping(
        serve_api, tmp_path):
    """Three nightly OCDS crawls of SYNTHETIC yearly files (tests/fixtures/awards/make_fixtures.py): night 1 the 2021
    file (lot 1 to Stichting Jeugdhulp Leiden, € 500.000), night 2 also the 2022 file, whose awardUpdate corrects the
    value to € 900.000 and adds Jeugdzorg Rijnland B.V. as co-winner, night 3 the 2022 file with another release (lot
    2's award). Night 2's report said "lot 1 value_raw: 500000 → 900000" (the release's JSON number, not the amount
    the site and the award line show) amid "lot 1 publication_id: 300360 → 300361" twice, "release_ids",
    "source_file", "year" and "winner_count"; night 3's listed notice 300361 as CHANGED for its release list alone.
    The value is told in euros, the winners by name, the bookkeeping not, and 300361 not again."""
    reports = []
    db, watchlist = _three_ocds_nights(serve_api, tmp_path, lambda db, watchlist, night: reports.append(
        build_report(db, load_watchlist(watchlist), night)))
    first, second, third = reports

    assert first.results[0][1] == []   # night 1: the provider won nothing yet
    ((_, (match,)),) = second.results
    assert (match.key, match.status, match.reasons) == (300361, "changed", ["provider Jeugdzorg Rijnland B.V. (winner)"])
    assert {(ch["column"], ch["old"], ch["new"]) for ch in match.changes} >= {
        ("lot 1 value", "€ 500.000,00", "€ 900.000,00"),
        ("lot 1 winners", "Stichting Jeugdhulp Leiden", "Jeugdzorg Rijnland B.V.; Stichting Jeugdhulp Leiden")}
    for rendered, said in ((render_text(second), "lot 1 value: € 500.000,00 → € 900.000,00"),
                           (render_markdown(second), "`lot 1 value`: € 500.000,00 → € 900.000,00"),
                           (render_html(second), "<code>lot 1 value</code>: <del>€ 500.000,00</del> → <ins>€ 900.000,00</ins>")):
        assert said in rendered
        for bookkeeping in ("value_raw", "500000 ", "publication_id", "release_ids", "source_file", "winner_count",
                            "lot 1 year"):
            assert bookkeeping not in rendered, bookkeeping

    ((_, matches),) = third.results
    assert [(m.key, m.status) for m in matches] == [(300362, "changed")]
    assert "lot 2: Jeugdzorg Rijnland B.V. (€ 1.234.567,50)" in render_text(third)
    assert "lot 2 awarded: — → yes" in render_text(third)   # a yes/no in words, as a notice's "awarded" is



def test_report_unreported_after_a_missed_night_tells_an_award_correction_once_in_the_latest_report(serve_api, tmp_path):
    """The three OCDS nights of :func:`_three_ocds_nights`, reported by a schedule (``report --unreported``) with a
    watch of each winner; night 2's report did not run. Night 2 corrected lot 1's award (€ 500.000 → € 900.000, a
    co-winner), night 3 touched that award again (its release list only). The catch-up's report of night 2 listed
    notice 300361 as *new* without the correction (its award now belongs to night 3), and night 3's report left it
    out (its own change bookkeeping alone): the correction was never told. It is told once, in the latest report,
    from the value the reader was told (night 1's) to the value now; ``report --crawl 2`` still says what night 2
    did."""
    from tests.conftest import cli

    out = tmp_path / "reports"

    def schedule(db, watchlist, night):
        if night == 1:
            watchlist.write_text('watches:\n  - name: Rijnland\n    providers: ["Jeugdzorg Rijnland B.V."]\n'
                                 '  - name: Leiden\n    providers: ["Stichting Jeugdhulp Leiden"]\n', encoding="utf-8")
        if night != 2:   # night 2's report did not run
            done = cli("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet")
            assert done.returncode == 0, done.stderr
            told.append(done.stdout)

    told = []
    db, watchlist = _three_ocds_nights(serve_api, tmp_path, schedule)
    first, caught_up = told
    assert "lot 1: Stichting Jeugdhulp Leiden (€ 500.000,00)" in first
    night_2, _, night_3 = caught_up.partition("Watchlist watchlist: crawl 3")
    assert "300361" not in night_2 and "300361" not in (out / "crawl-2.md").read_text(encoding="utf-8")
    assert night_3.count("lot 1 value: € 500.000,00 → € 900.000,00") == 2   # under each watch that matched it
    assert "lot 1 winners: Stichting Jeugdhulp Leiden → Jeugdzorg Rijnland B.V.; Stichting Jeugdhulp Leiden" in night_3
    assert "300361" in night_3 and "lot 2: Jeugdzorg Rijnland B.V. (€ 1.234.567,50)" in night_3
    assert "value_raw" not in caught_up and "release_ids" not in caught_up

    by_hand = build_report(db, load_watchlist(watchlist), 2)   # what night 2 did, the award as archived now
    assert [m.key for _, matches in by_hand.results for m in matches] == [300361, 300361]


def test_report_unreported_after_a_missed_night_tells_a_news_pages_changes_of_both_nights_once(tmp_path):
    """A living news page (SYNTHETIC) re-read each night: night 2 revises its text, night 3 its title; the reader was
    told of night 1. The catch-up's report of night 3 told only the new title (against night 2's), and night 2's
    report left the page out (night 3 changed it again): the revised text was never told. Night 3's report tells
    both, the text from the one the reader was told; night 2's leaves the page to it."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import ARTICLE, registry, serve

    routes, _ = _two_living_pages()
    db, url = tmp_path / "archive.db", "/project/inkoop-jeugdhulp"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=LIVING_PAGES)
        for title, extra in (("Aanbesteding jeugdhulp", "Het college gunt."),
                             ("Aanbesteding jeugdhulp", "Het college gunt aan Stichting Jeugdhulp Leiden."),
                             ("Aanbesteding jeugdhulp gegund", "Het college gunt aan Stichting Jeugdhulp Leiden.")):
            routes[url] = ("text/html; charset=utf-8", ARTICLE.format(title=title, extra=extra).encode())
            assert crawl_news(path, db).returncode == 0
    _jeugdhulp_matches(db, tmp_path, 1)   # writes the watch list
    watchlist = load_watchlist(tmp_path / "watchlist.yaml")
    night_2, night_3 = (build_report(db, watchlist, n, last_reported=1, through=3) for n in (2, 3))
    assert f"{base}{url[1:]}" not in {m.key for _, matches in night_2.results for m in matches}
    ((_, matches),) = night_3.results
    (page,) = [m for m in matches if m.key == f"{base}{url[1:]}"]
    changed = {ch["field"]: (ch["old"], ch["new"]) for ch in page.changes}   # each named in words, its column kept
    assert page.status == "changed" and changed["title"] == ("Aanbesteding jeugdhulp", "Aanbesteding jeugdhulp gegund")
    assert "Stichting Jeugdhulp Leiden" not in str(changed["text"][0]) and "Stichting Jeugdhulp Leiden" in str(changed["text"][1])


def test_a_catch_up_whose_last_report_failed_tells_the_award_correction_in_the_next_run(serve_api, tmp_path):
    """The nights of :func:`_three_ocds_nights`, night 2's report missed; the catch-up after night 3 reports night 2
    (it leaves the award corrected on night 2 to night 3's report; nothing else matched, nothing to mail) and fails to
    mail night 3's. The next run reported night 3 with its changes since night 2, as recorded: the correction of
    night 2 was lost. It tells them since night 1, the last crawl the catch-up began after."""
    from tests.conftest import cli

    out = tmp_path / "reports"
    runs = []

    def schedule(db, watchlist, night):
        if night == 3:
            runs.append(cli("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet",
                            "--email", "--smtp-host", "127.0.0.1", "--smtp-port", _closed_port(),
                            "--mail-to", "r@example.org"))
            runs.append(cli("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet"))
        elif night == 1:
            runs.append(cli("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet"))

    _three_ocds_nights(serve_api, tmp_path, schedule)
    first, failed, again = runs
    assert first.returncode == 0 and failed.returncode == 1 and "reported again" in failed.stderr
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Watchlist watchlist: crawl 3")
    assert "lot 1 value: € 500.000,00 → € 900.000,00" in again.stdout
    assert not (out / "catch-up-since.txt").exists()   # the catch-up is done


def test_a_past_crawls_report_tells_what_that_crawl_found_though_a_later_crawl_changed_its_award(serve_api, tmp_path):
    """The OCDS nights of :func:`_three_ocds_nights`, each reported the night it ran (``report --crawl N``); after night
    3 a journalist asks again for the reports of nights 1 and 2. Night 2's awardUpdate moved lot 1's award to its
    release (notice 300361, € 500.000 → € 900.000), night 3 touched it again (its release list). ``report --crawl 1``
    then said nothing (notice 300360 gives no award now: the provider matched nothing), ``report --crawl 2`` said
    300361 NEW without the correction (its award belongs to night 3 now). A past crawl's report tells what that crawl
    found, as it found it: each says what it said the night it ran."""
    from tests.conftest import cli

    def report(db, watchlist, crawl_id):
        done = cli("report", "--watchlist", watchlist, "--db", db, "--crawl", crawl_id, "--no-files")
        assert done.returncode == 0, done.stderr
        return done.stdout

    nightly = {}

    def each_night(db, watchlist, night):
        watchlist.write_text('watches:\n  - name: Rijnland\n    providers: ["Jeugdzorg Rijnland B.V."]\n'
                             '  - name: Leiden\n    providers: ["Stichting Jeugdhulp Leiden"]\n', encoding="utf-8")
        nightly[night] = report(db, watchlist, night)

    db, watchlist = _three_ocds_nights(serve_api, tmp_path, each_night)
    assert "NEW       Jeugdhulp Leiden" in nightly[1] and "lot 1: Stichting Jeugdhulp Leiden (€ 500.000,00)" in nightly[1]
    assert "lot 1 value: € 500.000,00 → € 900.000,00" in nightly[2]
    assert report(db, watchlist, 1) == nightly[1]
    assert report(db, watchlist, 2) == nightly[2]
    assert report(db, watchlist, 3) == nightly[3]


def test_a_catch_up_that_failed_mid_way_neither_retells_nor_loses_a_change_of_a_later_night(tmp_path):
    """Night 1 is reported; night 2 (notice 100150 new) is missed; the catch-up after night 3 (100151 new) mails
    night 2's report, and the mail server refuses night 3's. Night 4 renames 100150. The next run reports nights 3 and
    4 as the rest of that catch-up, its changes since night 1 (``catch-up-since.txt``), night 4 included, which it
    never covered: night 4's report told 100150 NEW again (the reader was told of it in night 2's report) and left
    out its new title. Night 4 is told as its own night: 100150 changed, "title: … → … (herzien)"."""
    import email

    from aiosmtpd.controller import Controller

    from tests.conftest import cli
    from tests.watch.test_watch import free_port

    class OnlyTheFirst:   # a real SMTP server on 127.0.0.1 that takes night 2's report and refuses night 3's
        refuse, subjects = False, []

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
            if self.refuse:
                return "554 refused"
            self.subjects.append(email.message_from_bytes(envelope.original_content)["Subject"])
            self.refuse = len(self.subjects) == 1 and "(crawl 2)" in self.subjects[0]
            return "250 OK"

    handler = OnlyTheFirst()
    smtp = Controller(handler, hostname="127.0.0.1", port=free_port())
    smtp.start()
    db, out, watchlist = tmp_path / "archive.db", tmp_path / "reports", tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: Zuid-Limburg\n    jeugdregios: [Zuid-Limburg]\n", encoding="utf-8")

    def unreported():
        return cli("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet", "--email",
                   "--smtp-host", "127.0.0.1", "--smtp-port", smtp.port, "--mail-to", "r@example.org")

    snapshot = load_publications()
    template = by_id(snapshot, 100101)
    kenmerk = template["list"]["kenmerk"]
    try:
        with APIServer(TenderNedAPI(snapshot)) as server:
            assert run_crawl(server.api_url, db).returncode == 0
            (out / "last-reported.txt").parent.mkdir()
            (out / "last-reported.txt").write_text("1\n", encoding="utf-8")   # night 1 was reported
            for night, number in ((2, 100150), (3, 100151)):
                server.api.add(make_publication(template, number, f"2018-04-0{night}", kenmerk=kenmerk))
                assert run_crawl(server.api_url, db).returncode == 0
            failed = unreported()
            assert failed.returncode == 1 and "crawl 3 is reported again" in failed.stderr
            assert handler.subjects == ["Watchlist watchlist: 1 new, 0 changed in 1 of 1 watches (crawl 2)"]
            renamed = make_publication(template, 100150, "2018-04-02", kenmerk=kenmerk,
                                       title="Basishulp Jeugd Heerlen (herzien)")   # SYNTHETIC: a new title
            server.api.add(renamed)
            server.api.add(make_publication(template, 100152, "2018-04-04", kenmerk=kenmerk))
            assert run_crawl(server.api_url, db).returncode == 0
        handler.refuse = False
        again = unreported()
    finally:
        smtp.stop()
    assert again.returncode == 0, again.stderr
    night_3, _, night_4 = again.stdout.partition("Watchlist watchlist: crawl 4")
    assert "100151" in night_3 and "100150" not in night_3
    (entry,) = [block for block in re.split(r"\n(?=NEW|CHANGED)", night_4) if "overzicht/100150" in block]
    assert "CHANGED" in entry and "NEW" not in entry, entry
    assert "→ Basishulp Jeugd Heerlen (herzien)" in entry
    assert not (out / "catch-up-since.txt").exists()


def test_a_past_crawls_report_tells_a_news_page_as_that_crawl_found_it_though_a_later_crawl_revised_it(tmp_path):
    """A living news page (SYNTHETIC) re-read each night: night 1 archives it, night 2 revises its text, night 3 its
    title. Asked again after night 3, ``report --crawl 1`` and ``--crawl 2`` left the page out (a later crawl stamped
    it), though nights 1 and 2 found it new and revised. Each past report says what it said the night it ran: the page
    new by its first title, then changed in its text."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import ARTICLE, registry, serve

    routes, _ = _two_living_pages()
    db, url, nightly = tmp_path / "archive.db", "/project/inkoop-jeugdhulp", {}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=LIVING_PAGES)
        for night, (title, extra) in enumerate((
                ("Aanbesteding jeugdhulp", "Het college gunt."),
                ("Aanbesteding jeugdhulp", "Het college gunt aan Stichting Jeugdhulp Leiden."),
                ("Aanbesteding jeugdhulp gegund", "Het college gunt aan Stichting Jeugdhulp Leiden.")), start=1):
            routes[url] = ("text/html; charset=utf-8", ARTICLE.format(title=title, extra=extra).encode())
            assert crawl_news(path, db).returncode == 0
            nightly[night] = _jeugdhulp_matches(db, tmp_path, night)
    page = f"{base}{url[1:]}"
    assert nightly[1][page].status == "new" and nightly[2][page].status == "changed"
    for night in (1, 2, 3):
        again = _jeugdhulp_matches(db, tmp_path, night)
        assert {key: (m.status, m.title, m.changes) for key, m in again.items()} == {
            key: (m.status, m.title, m.changes) for key, m in nightly[night].items()}, night


def _leiden_nights(serve_api, tmp_path, after_night, nights=(((("1", "Ambulant"), ("2", "Verblijf")), None),
                                                              ((("1", "Ambulant"), ("2", "Verblijf")), 1200000),
                                                              ((("1", "Ambulant"), ("2", "Verblijf")), 1300000)),
                   watch='providers: ["Jeugdzorg Rijnland B.V."]') -> tuple[Path, Path]:
    """Nightly OCDS crawls of a SYNTHETIC 2021 file (tests/fixtures/awards/make_fixtures.py) whose release 300360-a
    (notice 300360, Leiden) gives lot 1's award (Stichting Jeugdhulp Leiden, € 500.000) and, each night, the lots
    (id, title) and lot 2's award value (Jeugdzorg Rijnland B.V.; None: no award of lot 2) of ``nights``. By default:
    night 1 lot 1's award alone, night 2 lot 2's award besides (€ 1.200.000: added), night 3 lot 2's value corrected
    (€ 1.300.000). ``after_night(db, watchlist, night)`` runs after each night's crawl. The archive and watchlist
    (one watch, ``watch``)."""
    from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
    from tests.spiders.test_awards_crawl import scrapy_ocds
    from tests.spiders.test_tenderned_ocds import datasets

    lot_1 = {"id": "a1", "status": "active", "relatedLots": ["1"], "suppliers": [
        {"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}], "value": {"amount": 500000, "currency": "EUR"}}

    def night(lots, lot_2_amount):
        awards = [lot_1] + [{"id": "a2", "status": "active", "relatedLots": ["2"], "suppliers": [
            {"id": "12345678", "name": "Jeugdzorg Rijnland B.V."}], "value": {"amount": lot_2_amount, "currency": "EUR"}}
            ] * (lot_2_amount is not None)
        return {"2021": [release("ocds-1l04xe-314036", "300360-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD,
                                 lots=list(lots), parties=[supplier("41165432", "Stichting Jeugdhulp Leiden"),
                                                           supplier("12345678", "Jeugdzorg Rijnland B.V.")],
                                 awards=awards)]}

    folder, db = tmp_path / "datasets", tmp_path / "archive.db"
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(f"watches:\n  - name: Leiden\n    {watch}\n", encoding="utf-8")
    server = serve_api([], datasets=datasets(folder, night(*nights[0])))
    for number, files in enumerate(nights, start=1):
        server.api.datasets = datasets(folder, night(*files))
        done = scrapy_ocds(db, server.datasets_url, "-a", "from_date=2021-01-01")
        assert done.returncode == 0, done.stderr[-3000:]
        after_night(db, watchlist, number)
    return db, watchlist


def test_an_award_added_in_one_crawl_and_corrected_in_the_next_is_told_as_each_crawl_found_it(serve_api, tmp_path):
    """Notice 300360, told of on night 1, gets lot 2's award on night 2 (€ 1.200.000) and its correction on night 3
    (€ 1.300.000): :func:`_leiden_nights`. A catch-up of nights 2 and 3 (``report --unreported`` after
    missed nights) told "lot 2 value: € 1.200.000,00 → € 1.300.000,00", a value the reader was never told; asked
    after night 3, ``report --crawl 2`` left the award out (night 3 stamped it again). The archive keeps the crawl
    that first archived each award (``awards.first_crawl_id``): the catch-up tells lot 2's award as added, at its
    value now; each past crawl's report says what it said the night it ran."""
    from tests.conftest import cli

    def report(db, watchlist, crawl_id):
        done = cli("report", "--watchlist", watchlist, "--db", db, "--crawl", crawl_id, "--no-files")
        assert done.returncode == 0, done.stderr
        return done.stdout

    nightly = {}
    db, watchlist = _leiden_nights(
        serve_api, tmp_path, lambda db, watchlist, night: nightly.__setitem__(night, report(db, watchlist, night)))
    assert "300360" not in nightly[1]   # the provider won nothing yet
    assert "lot 2 winners: — → Jeugdzorg Rijnland B.V." in nightly[2]
    assert "lot 2 value: — → € 1.200.000,00" in nightly[2]
    assert "lot 2 value: € 1.200.000,00 → € 1.300.000,00" in nightly[3]
    for crawl_id in (1, 2, 3):
        assert report(db, watchlist, crawl_id) == nightly[crawl_id], crawl_id

    loaded = load_watchlist(watchlist)
    night_2, night_3 = (build_report(db, loaded, n, last_reported=1, through=3) for n in (2, 3))
    assert [m.key for _, matches in night_2.results for m in matches] == []   # told once, in night 3's report
    ((_, (match,)),) = night_3.results
    assert (match.key, match.status) == (300360, "changed")
    changes = {ch["column"]: (ch["old"], ch["new"]) for ch in match.changes}
    assert changes["lot 2 value"] == (None, "€ 1.300.000,00")
    assert changes["lot 2 winners"] == (None, "Jeugdzorg Rijnland B.V.")
    assert "€ 1.200.000,00" not in render_text(night_3)
    assert [r[0] for r in sqlite3.connect(db).execute(
        "select first_crawl_id from awards where publication_id = 300360 order by lot_id")] == [1, 2]


def test_a_lot_added_in_one_crawl_and_changed_in_the_next_is_told_as_each_crawl_found_it(serve_api, tmp_path):
    """Notice 300360 (:func:`_leiden_nights`), told of on night 1 with lot 1 alone; night 2 retitles lot 1 and adds lot
    2, night 3 retitles both. Asked after night 3, ``report --crawl 2`` left out lot 1's new title (night 3 stamped
    the lot again); a catch-up of nights 2 and 3 told "lot 2 title: Verblijf → …", a title the reader was never told.
    Each past crawl's report says what it said the night it ran; the catch-up tells lot 1's title from the one the
    reader was told, and lot 2 as a lot it never heard of (no change of it)."""
    from tests.conftest import cli

    def report(db, watchlist, crawl_id):
        done = cli("report", "--watchlist", watchlist, "--db", db, "--crawl", crawl_id, "--no-files")
        assert done.returncode == 0, done.stderr
        return done.stdout

    nightly = {}
    db, watchlist = _leiden_nights(
        serve_api, tmp_path, lambda db, watchlist, night: nightly.__setitem__(night, report(db, watchlist, night)),
        nights=[((("1", "Ambulant"),), None), ((("1", "Ambulant jeugd"), ("2", "Verblijf")), None),   # SYNTHETIC
                ((("1", "Ambulant jeugdhulp"), ("2", "Verblijf (herzien)")), None)],
        watch='buyers: ["Gemeente Leiden"]')
    assert "lot 1 title: Ambulant → Ambulant jeugd\n" in nightly[2]
    assert "lot 2 title: Verblijf → Verblijf (herzien)" in nightly[3]
    for crawl_id in (1, 2, 3):
        assert report(db, watchlist, crawl_id) == nightly[crawl_id], crawl_id

    loaded = load_watchlist(watchlist)
    night_3 = render_text(build_report(db, loaded, 3, last_reported=1, through=3))
    assert "lot 1 title: Ambulant → Ambulant jeugdhulp" in night_3
    assert "Verblijf →" not in night_3


def test_a_catch_ups_later_report_says_which_crawls_its_changes_are_of(serve_api, tmp_path):
    """The nights of :func:`_leiden_nights` reported by a schedule (``report --unreported``), night 2's report missed:
    the catch-up after night 3 reports night 2 ("nothing new": notice 300360, changed again on night 3, is left to
    night 3's report) and night 3, whose report tells lot 2's award night 2 added. It said "crawl 3" alone, so the
    reader could not place a change of night 2 there. A later report of a catch-up says its changes are those since
    the last crawl reported, and of which crawls; a night reported on its own says nothing of the kind."""
    from tests.conftest import cli

    out = tmp_path / "reports"

    def schedule(db, watchlist, night):
        if night != 2:   # night 2's report did not run
            done = cli("report", "--watchlist", watchlist, "--db", db, "--unreported", "--out", out, "--quiet")
            assert done.returncode == 0, done.stderr

    _leiden_nights(serve_api, tmp_path, schedule)
    said = "Changes since crawl 1, the last crawl reported: crawls 2–3"
    assert said in (out / "crawl-3.md").read_text(encoding="utf-8")
    assert said in (out / "crawl-3.html").read_text(encoding="utf-8")
    assert "lot 2 winners: — → Jeugdzorg Rijnland B.V." in (out / "crawl-3.md").read_text(encoding="utf-8").replace(
        "`", "")
    for night in (1, 2):
        assert "Changes since" not in (out / f"crawl-{night}.md").read_text(encoding="utf-8")
