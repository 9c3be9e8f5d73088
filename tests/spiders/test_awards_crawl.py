"""Real crawls on the loopback API with the SYNTHETIC award fixtures (tests/fixtures/awards/):
award notices' /html and /gerelateerd become lots, awards and winners; the OCDS backfill fills the
same tables from the datasets page; re-runs fetch and write nothing new; reparse rebuilds it all."""

from __future__ import annotations

import json
import urllib.request
import subprocess
import sys

import pytest
import sqlite_utils

from tenderarchive.apiserver import APIServer, TenderNedAPI, load_datasets, load_publications
from tests.awards.conftest import FIXTURES
from tests.conftest import FAST, ROOT, run_crawl
from tests import forkcli

WINDOW = {"from_date": "2021-01-01", "until_date": "2026-06-30"}


def rows(db, sql, params=()):
    return list(sqlite_utils.Database(db).query(sql, params))


def kinds(log):
    out = {"html": 0, "gerelateerd": 0, "detail": 0}
    for path in log:
        path = path.split("?")[0]
        if path.endswith("/html"):
            out["html"] += 1
        elif path.endswith("/gerelateerd"):
            out["gerelateerd"] += 1
        elif path.rsplit("/", 1)[-1].isdigit():
            out["detail"] += 1
    return out


@pytest.fixture
def award_server(serve_api):
    return serve_api(load_publications(FIXTURES), datasets=load_datasets(FIXTURES / "datasets"))


@pytest.fixture(scope="module")
def crawled_once(tmp_path_factory):
    """One crawl for the tests that only read its archive, request log and Accept headers."""
    api = TenderNedAPI(load_publications(FIXTURES), datasets=load_datasets(FIXTURES / "datasets"))
    with APIServer(api) as server:
        first = run_crawl(server.api_url, tmp_path_factory.mktemp("awards") / "archive.db", **WINDOW)
    assert first.returncode == 0, first.output[-3000:]
    return first, list(api.log), list(api.accept)


@pytest.fixture
def crawled(award_server, crawl, tmp_path):
    first = crawl(award_server.api_url, **WINDOW)
    assert first.returncode == 0, first.output[-3000:]
    return first, list(award_server.api.log)


def test_every_notice_of_a_youth_care_procedure_is_archived_even_the_non_youth_care_award(crawled_once):
    result, log, _ = crawled_once
    assert result.crawl["status"] == "complete", result.errors
    notices = {r["publication_id"]: r for r in rows(result.db_path, "select * from notices")}
    assert set(notices) == {900101, 900102, 900103, 900201, 900301, 900302}
    related = notices[900302]                  # CPV 85000000-9, title "Gunningsbeslissing EED 2022"
    assert related["youth_care"] == 1 and json.loads(related["youth_care_reasons"]) == ["related to 900301"]
    assert "/papi/tenderned-rs-tns/v2/publicaties/900302" in log   # asked only because /gerelateerd listed it
    assert rows(result.db_path, "select youth_care from procurements where procurement_id = 'TN900003'") == \
        [{"youth_care": 1}]


def test_each_result_and_contract_notice_gets_one_html_and_each_notice_one_gerelateerd(crawled_once):
    _, log, accept = crawled_once
    asked = [p for p in log if p.endswith("/html")]
    # results (awards) and contract notices (900101, 900301: lots and estimated values)
    assert sorted(p.split("/")[-2] for p in asked) == ["900101", "900102", "900103", "900201", "900301", "900302"]
    assert kinds(log)["gerelateerd"] == 6                        # one per notice fetched
    assert accept and all(a == "application/json" for a in accept)


def test_lots_winners_kvk_and_values_to_the_cent(crawled_once):
    db = crawled_once[0].db_path
    lots = {(r["procurement_id"], r["lot_id"]): r for r in rows(db, "select * from lots")}
    assert lots[("TN900001", "3")]["awarded"] == 0
    assert lots[("TN900001", "3")]["not_awarded_reason"].startswith("Er zijn geen inschrijvingen")
    assert lots[("TN900003", "2")]["awarded"] == 0
    assert lots[("TN900001", "1")]["tenders_received"] == 4
    current = {(r["procurement_id"], r["lot_id"]): r for r in rows(db, "select * from awards where current = 1")}
    assert current[("TN900001", "1")]["value_cents"] == 125000000      # the rectified value
    assert current[("TN900001", "1")]["value_raw"] == "1 250 000,00"
    assert current[("TN900003", "1")]["value_cents"] == 180000000
    winners = rows(db, "select s.name, s.kvk, s.group_member, s.lot_id, a.procurement_id from award_suppliers s "
                       "join awards a using (award_id) where a.current = 1 order by a.procurement_id, s.lot_id, s.name")
    by_lot = {}
    for w in winners:
        by_lot.setdefault((w["procurement_id"], w["lot_id"]), []).append((w["name"], w["kvk"]))
    assert by_lot[("TN900001", "1")] == [("Stichting Jeugdhulp Noord", "01234567")]
    assert by_lot[("TN900001", "2")] == [("Jeugdzorg Zuid B.V.", "76543210"), ("Zorggroep Oost", None)]
    assert len(by_lot[("TN900002", "1")]) == 36                          # the open house
    assert {n for n, _ in by_lot[("TN900001", "4")]} == {"Stichting Kompas", "Horizon Jeugdzorg B.V.", "De Bascule"}
    providers = rows(db, "select organisation_id, kvk from organisations where kind = 'provider'")
    assert {"organisation_id": "kvk:01234567", "kvk": "01234567"} in providers
    assert len(providers) == len({p["organisation_id"] for p in providers}) >= 36 + 6


def test_a_rectified_award_supersedes_and_the_earlier_award_is_kept(crawled_once):
    db = crawled_once[0].db_path
    lot1 = {r["publication_id"]: r for r in rows(
        db, "select * from awards where procurement_id = 'TN900001' and lot_id = '1'")}
    assert (lot1[900102]["value_cents"], lot1[900102]["current"]) == (123456789, 0)   # kept, superseded
    assert (lot1[900103]["value_cents"], lot1[900103]["current"], lot1[900103]["rectifies"]) == (125000000, 1, 900102)
    assert rows(db, "select count(*) as n from awards where current = 0") == [{"n": 3}]  # the three lots of 900102


def test_a_second_identical_run_fetches_no_html_and_writes_nothing(crawled, award_server, crawl):
    first, _ = crawled
    tables = ("notices", "lots", "awards", "award_suppliers", "notice_results", "organisations", "versions")
    before = {t: rows(first.db_path, f"select * from [{t}]") for t in tables}
    began = len(award_server.api.log)
    second = crawl(award_server.api_url, **WINDOW)
    assert second.returncode == 0, second.output[-3000:]
    again = kinds(award_server.api.log[began:])
    assert again["html"] == 0 and again["detail"] == 0 and again["gerelateerd"] == 0
    assert (second.crawl["items_new"], second.crawl["items_updated"]) == (0, 0)
    assert {t: rows(first.db_path, f"select * from [{t}]") for t in tables} == before


def scrapy_ocds(db, datasets_url, *args):
    command = [sys.executable, "-m", "scrapy", "crawl", "tenderned_ocds", "-s", f"TENDERNED_DATASETS_URL={datasets_url}",
               "-s", f"ARCHIVE_DB={db}", *FAST, *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240)


def test_ocds_backfill_fills_the_same_tables_and_a_truncated_package_writes_nothing(award_server, tmp_path):
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    crawl = rows(db, "select * from crawls")[-1]
    assert crawl["status"] == "partial"                                   # the truncated 2022 package
    errors = json.loads(crawl["errors"])
    assert any("Dataset_Tenderned-2022-01-01-2022-12-31.json" in e["error"] and "not a complete" in e["error"]
               for e in errors)
    assert not [e for e in errors if "\n" in e["error"]], errors     # one line, not the JSON lexer's caret drawing
    assert not rows(db, "select * from awards where release_ids like '%-22%'")      # nothing half-written
    awards = {(r["procurement_id"], r["lot_id"], r["value_cents"]) for r in rows(db, "select * from awards")}
    assert ("TN313457", "1", 230000050) in awards and ("TN313457", "2", None) in awards
    # lot 2's two winners, each with a value of its own (the one 0, a placeholder): on their rows
    assert rows(db, "select name, tender_value_cents, tender_value_raw from award_suppliers "
                    "where procurement_id = 'TN313457' and lot_id = '2' order by name") == [
        {"name": "Jeugdzorg Rijnland B.V.", "tender_value_cents": 123456789, "tender_value_raw": "1234567.89"},
        {"name": "Zorg Zonder Nummer", "tender_value_cents": None, "tender_value_raw": "0"}]
    assert ("TN170001", "1", 75000000) in awards                           # the old "2017.json" name
    assert not rows(db, "select * from notices where procurement_id = 'TN313500'")  # the ERP procedure
    one = rows(db, "select * from awards where procurement_id = 'TN313457' and lot_id = '1'")[0]
    assert one["source"] == "tenderned_ocds" and one["source_file"] == "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    assert json.loads(one["release_ids"]) == ["298765-a1", "298765-b2"]
    assert rows(db, "select kvk from award_suppliers where award_id = ?", [one["award_id"]]) == [{"kvk": "41165432"}]
    assert rows(db, "select youth_care from procurements where procurement_id = 'TN313457'") == [{"youth_care": 1}]
    before = rows(db, "select * from awards")
    again = scrapy_ocds(db, award_server.datasets_url)
    assert again.returncode == 0
    last = rows(db, "select * from crawls")[-1]
    assert (last["items_new"], last["items_updated"]) == (0, 0) and rows(db, "select * from awards") == before


def test_from_date_selects_the_packages_by_year(award_server, tmp_path):
    db = tmp_path / "archive.db"
    began = len(award_server.api.log)
    done = scrapy_ocds(db, award_server.datasets_url, "-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31")
    assert done.returncode == 0, done.stderr[-3000:]
    asked = [p.rsplit("/", 1)[-1] for p in award_server.api.log[began:] if p.endswith(".json")]
    assert asked == ["Dataset_Tenderned-2021-01-01-2021-12-31.json"]
    assert rows(db, "select status from crawls") == [{"status": "complete"}]


def test_reparse_rebuilds_the_award_tables_from_the_warc_store(crawled, award_server, tmp_path):
    db = crawled[0].db_path
    assert scrapy_ocds(db, award_server.datasets_url).returncode == 0
    award_server.__exit__(None, None, None)  # no server from here on
    tables = ("lots", "awards", "award_suppliers", "notice_results", "organisations", "notices")
    before = {t: sorted(map(repr, rows(db, f"select * from [{t}]"))) for t in tables}
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert {t: sorted(map(repr, rows(db, f"select * from [{t}]"))) for t in tables} == before


def test_where_api_and_package_both_describe_a_procedure_the_api_wins_and_differences_are_kept(
        crawled, award_server, tmp_path):
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    db = crawled[0].db_path
    folder = tmp_path / "datasets"
    (folder / "files" / "2026-07").mkdir(parents=True)
    (folder / "page.html").write_text('<article><ul><li><a href="/cms/sites/default/files/2026-07/'
                                      'Dataset_Tenderned-2025-01-01-2025-12-31.json">2025</a></li></ul></article>')
    dump = package([release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                            "85311300-5", lots=[("LOT-0001", "Jeugd-GGZ")],
                            awards=[{"id": "a1", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                                     "value": {"amount": 999999.99, "currency": "EUR"}, "relatedLots": ["LOT-0001"]}],
                            parties=[supplier("01234567", "Stichting Jeugdhulp Noord")])])
    (folder / "files" / "2026-07" / "Dataset_Tenderned-2025-01-01-2025-12-31.json").write_text(json.dumps(dump))
    award_server.api.datasets = load_datasets(folder)
    before = rows(db, "select * from awards order by award_id")
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select * from awards order by award_id") == before       # the API's awards stand
    differences = rows(db, "select * from ocds_differences")
    assert [(d["procurement_id"], d["source_file"]) for d in differences] == \
        [("TN900001", "Dataset_Tenderned-2025-01-01-2025-12-31.json")]
    assert "99999999 cents" in differences[0]["difference"]


def test_a_package_naming_other_winners_than_the_api_keeps_that_as_a_difference(crawled, award_server, tmp_path):
    """Reference §8.8 and §4: where the API and a package describe one procedure the API's awards stand and the
    differences are kept. Only values were compared, so a package giving lot 1 (at the API's own value) to another
    firm said nothing. A winner is the API's by KvK number, or by folded name where one of the two has none
    ("Jeugdhulp Noord B.V." is the API's "Stichting Jeugdhulp Noord"); "Andere Zorg B.V." is a difference.
    SYNTHETIC package and API."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    db = crawled[0].db_path
    dump = package([release("ocds-1l04xe-900001", "900103", "2025-09-15", "Specialistische jeugdhulp Regio Voorbeeld",
                            "85311300-5", lots=[("1", "Jeugd-GGZ")],
                            awards=[{"id": "a1", "suppliers": [{"id": "Jeugdhulp Noord B.V.", "name": "Jeugdhulp Noord B.V."},
                                                               {"id": "99999999", "name": "Andere Zorg B.V."}],
                                     "value": {"amount": 1250000, "currency": "EUR"}, "relatedLots": ["1"]}],
                            parties=[supplier("Jeugdhulp Noord B.V.", "Jeugdhulp Noord B.V."),
                                     supplier("99999999", "Andere Zorg B.V.")])])
    award_server.api.datasets = _datasets(tmp_path / "datasets", {"Dataset_Tenderned-2025-01-01-2025-12-31.json": dump})
    before = rows(db, "select * from awards order by award_id")
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select * from awards order by award_id") == before       # the API's awards stand
    assert [d["difference"] for d in rows(db, "select difference from ocds_differences")] == [
        "OCDS winner 'Andere Zorg B.V.' (lot 1) is not among the API's winners of the lot"]


def test_a_broken_gerelateerd_or_html_is_recorded_and_the_notice_still_archived(serve_api, crawl):
    faults = {"/papi/tenderned-rs-tns/v2/publicaties/900301/gerelateerd": [{"status": 200, "body": '{"rows": []}'}],
              "/papi/tenderned-rs-tns/v2/publicaties/900201/html": [{"status": 200, "body": '{"html": 5}'}]}
    server = serve_api(load_publications(FIXTURES), faults=faults)
    result = crawl(server.api_url, **WINDOW)
    errors = " ".join(e["error"] for e in result.errors)
    assert result.crawl["status"] == "partial" and "/gerelateerd answered an object (rows), not a list" in errors
    ids = {r["publication_id"] for r in rows(result.db_path, "select publication_id from notices")}
    assert 900301 in ids and 900302 not in ids            # unknown related notices are not guessed
    (parsed,) = rows(result.db_path, "select * from notice_results where publication_id = 900201")
    assert parsed["award_count"] == 0 and "envelope has no html" in parsed["problems"]
    began = len(server.api.log)
    again = crawl(server.api_url, **WINDOW)                # the faults were served once: now it all reads
    assert again.crawl["status"] == "complete", again.errors
    assert f"/papi/tenderned-rs-tns/v2/publicaties/900201/html" in server.api.log[began:]
    assert rows(result.db_path, "select award_count from notice_results where publication_id = 900201") == \
        [{"award_count": 1}]


def test_a_contract_notice_whose_html_fails_is_archived_without_it_and_the_crawl_completes(serve_api, crawl):
    """A contract notice's /html only adds its lots' estimated values: when the site answers 404,
    the notice is archived without them and the crawl stays complete; a result notice's failing
    /html (its awards) keeps the crawl partial, as above."""
    faults = {"/papi/tenderned-rs-tns/v2/publicaties/900101/html": [{"status": 404}] * 6,
              "/papi/tenderned-rs-tns/v2/publicaties/900103/html": [{"status": 404}] * 6}
    server = serve_api(load_publications(FIXTURES), faults=faults)
    result = crawl(server.api_url, **WINDOW)
    failed = {e["url"].rsplit("/", 2)[-2] for e in result.errors if (e["url"] or "").endswith("/html")}
    assert failed == {"900103"}, result.errors
    assert result.crawl["status"] == "partial"
    layouts = {r["publication_id"]: r["layout"] for r in rows(result.db_path,
                                                            "select publication_id, layout from notice_results")}
    # the contract notice's 404 is a complete fetch with nothing to read (layout "none", not asked again);
    # the result notice's failing /html is no result at all, so the next crawl asks it again
    assert layouts.get(900101) == "none" and 900103 not in layouts and layouts.get(900102) not in (None, "none")
    assert rows(result.db_path, "select count(*) as n from notices where publication_id = 900101") == [{"n": 1}]
    assert "/html of the contract notice unavailable" in result.output


@pytest.mark.parametrize("horizon, found", [("365", True), ("0", False)])
def test_an_award_published_months_later_under_other_cpv_codes_is_found_through_gerelateerd(
        serve_api, crawl, horizon, found):
    """900302 (CPV 85000000-9, "Gunningsbeslissing EED 2022") is found by no profile query. Five
    months after the contract notice, past any re-check of it, the next crawl still asks the
    procedure's /gerelateerd because it has no award notice yet (TENDERNED_RESULTS_HORIZON_DAYS)."""
    publications = load_publications(FIXTURES)
    award = next(p for p in publications if str(p["list"]["publicatieId"]) == "900302")
    server = serve_api([p for p in publications if p is not award])
    first = crawl(server.api_url, "-s", f"TENDERNED_RESULTS_HORIZON_DAYS={horizon}",
                  from_date="2022-01-01", until_date="2022-03-01")
    assert first.returncode == 0, first.output[-3000:]
    assert 900301 in {r["publication_id"] for r in rows(first.db_path, "select publication_id from notices")}
    server.api.add(award)
    began = len(server.api.log)
    second = crawl(server.api_url, "-s", f"TENDERNED_RESULTS_HORIZON_DAYS={horizon}",
                   from_date="2022-07-01", until_date="2022-07-31")
    assert second.returncode == 0, second.output[-3000:]
    asked = "/papi/tenderned-rs-tns/v2/publicaties/900301/gerelateerd" in server.api.log[began:]
    archived = rows(second.db_path, "select youth_care, youth_care_reasons from notices where publication_id = 900302")
    assert asked is found
    if found:
        assert [(r["youth_care"], json.loads(r["youth_care_reasons"])) for r in archived] == [(1, ["related to 900301"])]
    else:
        assert archived == []


def test_an_html_rendering_sent_bare_not_in_its_json_envelope_is_read_the_same(serve_api, crawl):
    """``/html`` answers ``{"html": "<table>…"}`` (tenderned-api.md §6, one source [M]); asked
    otherwise, or from a mirror, the rendering comes bare, as ``text/html``. It was "envelope is not
    JSON": the award notice's winners and values were lost, and the notice never asked again."""
    publications = load_publications(FIXTURES)
    html = next(p for p in publications if str(p["list"]["publicatieId"]) == "900201")["html"]
    faults = {"/papi/tenderned-rs-tns/v2/publicaties/900201/html": [
        {"status": 200, "body": "\n" + html, "headers": {"Content-Type": "text/html; charset=UTF-8"}}]}
    bare = crawl(serve_api(publications, faults=faults).api_url, **WINDOW)
    enveloped = crawl(serve_api(load_publications(FIXTURES)).api_url, db=bare.db_path.parent / "enveloped.db", **WINDOW)
    assert bare.crawl["status"] == "complete", bare.errors
    query = ("select award_count, problems, layout from notice_results where publication_id = 900201")
    assert rows(bare.db_path, query) == rows(enveloped.db_path, query) and rows(bare.db_path, query)[0]["award_count"] == 1
    query = "select * from awards order by award_id"
    strip = lambda rs: [{k: v for k, v in r.items() if k not in ("crawl_id", "fetched_at", "sha256", "source_url")}
                        for r in rs]  # noqa: E731
    assert strip(rows(bare.db_path, query)) == strip(rows(enveloped.db_path, query))


def test_crawl_all_dry_run_smoke_tests_every_spider_and_exits_with_the_worst(award_server, tmp_path):
    """``tenderarchive crawl all --dry-run`` (kingfisher-collect's ``crawlall --dry-run``,
    docs/reference/peers.md §0.9, §1): every spider's dry run, each given its own options; the
    exit code is the worst outcome, so a nightly smoke test alerts on any source."""
    import socket

    from tests.spiders.test_news_reference import ARTICLE, ROBOTS, registry, serve

    page = ("text/html; charset=utf-8", ARTICLE.format(title="Aanbesteding jeugdhulp", extra="Het college gunt.").encode())
    db = tmp_path / "archive.db"
    command = ["crawl", "all", "--dry-run", "--db", str(db), "--api-url", award_server.api_url, *FAST,
               "-s", f"TENDERNED_DATASETS_URL={award_server.datasets_url}", "--from-date", "2021-01-01",
               "--until-date", "2026-06-30"]
    with serve({"/robots.txt": ROBOTS, "/project/jeugdhulp": page}) as base:
        sources = registry(tmp_path, base_url=base, living_pages=["project/jeugdhulp"])
        good = forkcli.run([*command, "--sources", sources], cwd=ROOT, timeout=240)
    assert good.returncode == 0, good.stdout[-3000:] + good.stderr[-3000:]
    assert "dry runs: news: complete, tenderned: complete, tenderned_ocds: complete" in good.stdout
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    (tmp_path / "down").mkdir()
    down = registry(tmp_path / "down", base_url=f"http://127.0.0.1:{closed}/", living_pages=["project/jeugdhulp"])
    bad = forkcli.run([*command, "--sources", down, "-s", "RETRY_TIMES=0"], cwd=ROOT, timeout=240)
    assert bad.returncode == 1, bad.stdout[-3000:] + bad.stderr[-3000:]
    assert "dry runs: news: failed, tenderned: complete, tenderned_ocds: complete" in bad.stdout
    assert list(tmp_path.glob("*.db")) == [] and not (tmp_path / "warc").exists()
    nothing = forkcli.run(["crawl", "all", "--db", str(db)], cwd=ROOT, timeout=60)
    assert nothing.returncode == 2 and "--dry-run" in nothing.stderr


def _datasets(folder, packages):
    """A SYNTHETIC datasets page linking ``packages`` ({file name: package}) in that order."""
    (folder / "files" / "2026-07").mkdir(parents=True, exist_ok=True)
    links = ""
    for name, dump in packages.items():
        (folder / "files" / "2026-07" / name).write_text(json.dumps(dump))
        links += f'<li><a href="/cms/sites/default/files/2026-07/{name}">{name}</a></li>'
    (folder / "page.html").write_text(f"<article><ul>{links}</ul></article>")
    return load_datasets(folder)


@pytest.mark.parametrize("order", ["tender first", "award first"])
def test_a_procedure_split_over_two_packages_keeps_its_award_and_a_changed_package_replaces_its_own(
        award_server, tmp_path, order):
    """Reference §6.1/§6.3, as a backfill user meets it: the tender of a procedure in the 2021 package and
    its award (one release per winner, each repeating the lot's value) in 2022's. The lot is awarded
    whichever package is read last (the tender's package set it back to not awarded), the value counts
    once, and when the 2022 package is published again with the award corrected, its earlier rows (and
    their timeline events) go instead of standing beside the new ones. SYNTHETIC packages."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    ocid, lots = "ocds-1l04xe-313480", [("1", "Jeugdhulp met verblijf")]
    tender = package([release(ocid, "298801", "2021-11-01", "Jeugdhulp Leiden 2022", "85311300-5", lots=lots,
                              tag=("tender",))])

    def award_package(*winners):
        return package([release(ocid, f"298900-{sid}", "2022-02-01", "Jeugdhulp Leiden 2022", "85311300-5",
                                lots=lots, parties=[supplier(sid, name)],
                                awards=[{"id": f"{sid}-0-1", "suppliers": [{"id": sid, "name": name}],
                                         "value": {"amount": amount, "currency": "EUR"}, "relatedLots": ["1"]}])
                        for sid, name, amount in winners])

    names = {"t": "Dataset_Tenderned-2021-01-01-2021-12-31.json", "a": "Dataset_Tenderned-2022-01-01-2022-12-31.json"}
    first = {"t": tender, "a": award_package(("11111111", "Alpha Jeugdzorg B.V.", 900000),
                                             ("22222222", "Beta Jeugdhulp B.V.", 900000))}
    keys = ["t", "a"] if order == "tender first" else ["a", "t"]
    award_server.api.datasets = _datasets(tmp_path / "one", {names[k]: first[k] for k in keys})
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select lot_id, awarded, title from lots where procurement_id = 'TN313480'") == [
        {"lot_id": "1", "awarded": 1, "title": "Jeugdhulp met verblijf"}]
    assert rows(db, "select sum(value_cents) as total, count(*) as n, sum(winner_count) as winners from awards "
                    "where procurement_id = 'TN313480'") == [{"total": 90000000, "n": 1, "winners": 2}]
    corrected = {"t": tender, "a": award_package(("33333333", "Gamma Jeugdzorg B.V.", 950000))}
    award_server.api.datasets = _datasets(tmp_path / "two", {names[k]: corrected[k] for k in keys})
    again = scrapy_ocds(db, award_server.datasets_url)
    assert again.returncode == 0, again.stderr[-3000:]
    awards = rows(db, "select award_id, value_cents from awards where procurement_id = 'TN313480'")
    assert [a["value_cents"] for a in awards] == [95000000]
    assert [r["name"] for r in rows(db, "select name from award_suppliers where procurement_id = 'TN313480'")] == [
        "Gamma Jeugdzorg B.V."]
    assert {r["source_id"] for r in rows(db, "select source_id from events where source_type = 'award' "
                                             "and procurement_id = 'TN313480'")} == {awards[0]["award_id"]}


def test_a_gzipped_package_and_a_record_package_are_read_and_a_truncated_gzip_is_an_error(award_server, tmp_path):
    """Packaging a backfill user meets beside the plain release package: a ``.json.gz`` file (read
    decompressed; it was not even fetched, as its link does not end in ``.json``), OCDS's record package
    (``records[]`` with embedded releases, or a compiled release where the releases are only linked: it
    was "no releases") and a gzip cut short (a recorded error, nothing archived). SYNTHETIC packages."""
    import gzip

    from tests.fixtures.awards.make_fixtures import package, release, supplier

    def one(ocid, rid, sid, name, amount):
        return release(ocid, rid, "2021-05-01", "Jeugdhulp Leiden 2022", "85311300-5", lots=[("1", "Jeugdhulp")],
                       parties=[supplier(sid, name)],
                       awards=[{"id": f"{sid}-0-1", "suppliers": [{"id": sid, "name": name}],
                                "value": {"amount": amount, "currency": "EUR"}, "relatedLots": ["1"]}])

    gzipped = package([one("ocds-1l04xe-313491", "298911", "11111111", "Alpha Jeugdzorg B.V.", 100000)])
    embedded = one("ocds-1l04xe-313492", "298912", "22222222", "Beta Jeugdhulp B.V.", 200000)
    compiled = one("ocds-1l04xe-313493", "298913", "33333333", "Gamma Jeugdzorg B.V.", 300000)
    records = {key: value for key, value in package([]).items() if key != "releases"}
    records["records"] = [{"ocid": embedded["ocid"], "releases": [embedded]},
                          {"ocid": compiled["ocid"], "releases": [{"url": "https://example.org/r.json#298913",
                                                                  "date": compiled["date"], "tag": ["award"]}],
                           "compiledRelease": dict(compiled, id="ocds-1l04xe-313493-compiled")}]
    cut = gzip.compress(json.dumps(package([one("ocds-1l04xe-313494", "298914", "44444444", "Delta B.V.",
                                                 400000)])).encode())
    files = {"Dataset_Tenderned-2021-01-01-2021-06-30.json.gz": gzip.compress(json.dumps(gzipped).encode()),
             "Dataset_Tenderned-2021-07-01-2021-12-31.json": json.dumps(records).encode(),
             "Dataset_Tenderned-2022-01-01-2022-12-31.json.gz": cut[:len(cut) // 2]}
    folder = tmp_path / "datasets"
    (folder / "files" / "2026-07").mkdir(parents=True)
    for name, body in files.items():
        (folder / "files" / "2026-07" / name).write_bytes(body)
    (folder / "page.html").write_text("<article><ul>" + "".join(
        f'<li><a href="/cms/sites/default/files/2026-07/{name}">{name}</a></li>' for name in files) + "</ul></article>")
    award_server.api.datasets = load_datasets(folder)
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select procurement_id, value_cents from awards order by procurement_id") == [
        {"procurement_id": "TN313491", "value_cents": 10000000}, {"procurement_id": "TN313492", "value_cents": 20000000},
        {"procurement_id": "TN313493", "value_cents": 30000000}]
    crawl = rows(db, "select status, errors from crawls")[-1]
    assert crawl["status"] == "partial"
    assert [e["error"] for e in json.loads(crawl["errors"]) if "2022" in (e.get("url") or "")] == [
        "Dataset_Tenderned-2022-01-01-2022-12-31.json.gz: not a complete gzip file (Compressed file ended before "
        "the end-of-stream marker was reached); nothing from it was archived"]


@pytest.mark.parametrize("ocid, first", [("ocds-1l04xe-900001", "package"), ("ocds-1l04xe-777777", "package"),
                                         ("ocds-1l04xe-777777", "api")])
def test_a_procedure_in_a_package_and_in_the_api_is_counted_once_whatever_came_first(
        award_server, tmp_path, ocid, first):
    """Reference §8.8: link a release to API notices by the kenmerk in the ocid or by its publication id,
    and do not count a procedure in both twice (§6.3: the ocid's suffix is probably, not certainly, the
    kenmerk). The backfill run before the API crawl left the package's award current beside the API's
    (the procedure's value counted twice); with an ocid that is not the kenmerk the API crawl did not even
    fetch the award notice the package had named (it counted as archived), and a backfill after the API
    crawl filed the package's award under a procurement of its own. SYNTHETIC package and API."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    folder = tmp_path / "datasets"
    dump = package([release(ocid, "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld", "85311300-5",
                            lots=[("LOT-0001", "Jeugd-GGZ")], parties=[supplier("01234567", "Stichting Jeugdhulp Noord")],
                            awards=[{"id": "a1", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                                     "value": {"amount": 999999.99, "currency": "EUR"}, "relatedLots": ["LOT-0001"]}])])
    award_server.api.datasets = _datasets(folder, {"Dataset_Tenderned-2025-01-01-2025-12-31.json": dump})
    db = tmp_path / "archive.db"
    steps = ["package", "api"] if first == "package" else ["api", "package"]
    for step in steps:
        done = (scrapy_ocds(db, award_server.datasets_url) if step == "package"
                else run_crawl(award_server.api_url, db, **WINDOW))
        assert done.returncode == 0, (done.stderr if step == "package" else done.output)[-3000:]
    # the API's award notice 900102 is archived from the API, its /html read
    assert rows(db, "select procurement_id, form_type from notices where publication_id = 900102") == [
        {"procurement_id": "TN900001", "form_type": "result"}]
    assert rows(db, "select layout from notice_results where publication_id = 900102") == [{"layout": "eforms"}]
    # only the API's awards count: the rectification's (900103), 1 250 000,00 on 1
    current = rows(db, "select procurement_id, lot_id, value_cents, source from awards where current = 1 "
                       "and lot_id = '1' and procurement_id in ('TN900001', 'TN777777')")
    assert current == [{"procurement_id": "TN900001", "lot_id": "1", "value_cents": 125000000,
                        "source": "tenderned_html"}]
    # the API's notice first known from the package is new to the archive, not a changed notice: no version
    # of the package's row (a watch report and the changes view told it as changed)
    assert rows(db, "select count(*) as n from versions where table_name = 'notices' and row_key = '900102'") == [
        {"n": 0}]
    if first == "api":  # the package's procedure is the API's: its differences are kept there, nothing beside
        assert rows(db, "select count(*) as n from awards where procurement_id = 'TN777777'") == [{"n": 0}]
        assert [d["procurement_id"] for d in rows(db, "select * from ocds_differences")] == ["TN900001"]


@pytest.mark.parametrize("order", ["in order", "correction first"])
def test_an_award_corrected_in_a_later_package_keeps_the_correction_whatever_order_they_are_read(
        award_server, tmp_path, order):
    """Reference §4 (rectified award: the current values are the latest version's) across a split dump: the
    award given in the 2021 package and given again, corrected, by a later publication in the 2022 one.
    Read in the other order, the older package's copy overwrote the correction. SYNTHETIC packages."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    def one(rid, day, sid, name, amount):
        return package([release("ocds-1l04xe-313485", rid, day, "Jeugdhulp Leiden 2022", "85311300-5",
                                lots=[("1", "Jeugdhulp")], parties=[supplier(sid, name)],
                                awards=[{"id": "a", "suppliers": [{"id": sid, "name": name}], "relatedLots": ["1"],
                                         "value": {"amount": amount, "currency": "EUR"}}])])

    files = {"Dataset_Tenderned-2021-01-01-2021-12-31.json": one("298950", "2021-11-01", "11111111", "Alpha B.V.", 100000),
             "Dataset_Tenderned-2022-01-01-2022-12-31.json": one("298990", "2022-02-01", "22222222", "Beta B.V.", 150000)}
    names = list(files) if order == "in order" else list(reversed(files))
    db = tmp_path / "archive.db"
    for name in names:  # one package a run, so the order is the test's
        award_server.api.datasets = _datasets(tmp_path / name, {name: files[name]})
        done = scrapy_ocds(db, award_server.datasets_url)
        assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select publication_id, value_cents, current from awards where procurement_id = 'TN313485'") == [
        {"publication_id": 298990, "value_cents": 15000000, "current": 1}]
    assert rows(db, "select name from award_suppliers where procurement_id = 'TN313485'") == [{"name": "Beta B.V."}]


def test_a_package_read_again_with_a_malformed_release_keeps_the_archived_award(award_server, tmp_path):
    """A package read again replaces its own rows of a procedure, but not when one of the procedure's
    releases was skipped as malformed: the procedure was read from its other releases only, and the
    award that release gave was deleted (the crawl partial, the archive downgraded). SYNTHETIC packages."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    ocid, lots = "ocds-1l04xe-313495", [("1", "Jeugdhulp met verblijf")]
    tender = release(ocid, "298951", "2021-11-01", "Jeugdhulp Leiden 2022", "85311300-5", lots=lots, tag=("tender",))
    award = release(ocid, "298952", "2022-02-01", "Jeugdhulp Leiden 2022", "85311300-5", lots=lots,
                    parties=[supplier("11111111", "Alpha Jeugdzorg B.V.")],
                    awards=[{"id": "11111111-0-1", "suppliers": [{"id": "11111111", "name": "Alpha Jeugdzorg B.V."}],
                             "value": {"amount": 900000, "currency": "EUR"}, "relatedLots": ["1"]}])
    name = "Dataset_Tenderned-2021-01-01-2022-12-31.json"
    award_server.api.datasets = _datasets(tmp_path / "one", {name: package([tender, award])})
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    before = rows(db, "select award_id, value_cents from awards where procurement_id = 'TN313495'")
    assert [a["value_cents"] for a in before] == [90000000]
    broken = dict(award, awards="oops")
    award_server.api.datasets = _datasets(tmp_path / "two", {name: package([tender, broken])})
    scrapy_ocds(db, award_server.datasets_url)
    assert rows(db, "select award_id, value_cents from awards where procurement_id = 'TN313495'") == before
    [crawl] = rows(db, "select status, errors from crawls order by crawl_id desc limit 1")
    assert crawl["status"] != "complete" and "skipped" in crawl["errors"]


@pytest.mark.parametrize("first", ["package", "api"])
def test_a_lot_the_package_calls_1_and_the_api_lot_0001_is_one_lot_with_every_award_kept(
        award_server, tmp_path, first):
    """Reference §2.3 (eForms lot ids LOT-nnnn), §3.1 (older forms' "Perceel nr.: 1") and §6.3 (the OCDS
    lot id of the row): the package's lot "1" and the API notices' LOT-0001 are one lot of procedure
    900001. It was two rows of ``lots`` (the package's "1" beside the API's LOT-0001, the procurement page
    listing lot 1 twice, once with the package's award as if it were another lot). Now one row keyed "1"
    with the API's values and its own id kept; the package's award is kept, not current, on lot "1".
    SYNTHETIC package and API."""
    from tests.datasette.archive_fixtures import Server
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    dump = package([release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                            "85311300-5", lots=[("1", "Jeugd-GGZ (OCDS)")],
                            parties=[supplier("01234567", "Stichting Jeugdhulp Noord")],
                            awards=[{"id": "a1", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                                     "value": {"amount": 1250000, "currency": "EUR"}, "relatedLots": ["1"]}])])
    award_server.api.datasets = _datasets(tmp_path / "datasets", {"Dataset_Tenderned-2025-01-01-2025-12-31.json": dump})
    db = tmp_path / "archive.db"
    for step in (["package", "api"] if first == "package" else ["api", "package"]):
        done = (scrapy_ocds(db, award_server.datasets_url) if step == "package"
                else run_crawl(award_server.api_url, db, **WINDOW))
        assert done.returncode == 0, (done.stderr if step == "package" else done.output)[-3000:]
    lots = rows(db, "select lot_id, source_lot_id, title, source from lots where procurement_id = 'TN900001' "
                    "order by lot_id")
    assert [lot["lot_id"] for lot in lots] == ["1", "2", "3", "4"]
    assert lots[0] == {"lot_id": "1", "source_lot_id": "LOT-0001", "title": "Jeugd-GGZ", "source": "tenderned_html"}
    awards = rows(db, "select lot_id, source_lot_id, source, current, value_cents from awards "
                      "where procurement_id = 'TN900001' and lot_id = '1' order by source, publication_id")
    assert [(a["source"], a["current"], a["value_cents"]) for a in awards] == [
        ("tenderned_html", 0, 123456789), ("tenderned_html", 1, 125000000)] + (
        [("tenderned_ocds", 0, 125000000)] if first == "package" else [])
    assert {a["source_lot_id"] for a in awards} == {"LOT-0001"} | ({"1"} if first == "package" else set())
    # the package's award of lot 1 is the API's current award of lot 1: no difference (it was lot "1" beside LOT-0001)
    assert rows(db, "select difference from ocds_differences") == []
    server = Server(db)
    try:
        shown = json.loads(server.get(f"/{server.database}/aanbesteding_percelen.json?procurement_id=TN900001&_shape=array"))
        assert [r["perceel"] for r in shown] == ["1", "2", "3", "4"]
        current = json.loads(server.get(f"/{server.database}/aanbesteding_gunningen.json?procurement_id=TN900001"
                                        "&_shape=array"))
        assert sorted(r["perceel"] for r in current if r["actueel"] == 1 and r["perceel"] == "1") == ["1"]
        assert {r["perceel_titel"] for r in current if r["perceel"] == "1"} == {"Jeugd-GGZ"}
        page = server.get("/-/aanbesteding?id=TN900001").decode("utf-8")
        assert "Percelen van een aanbesteding <small>(4)</small>" in page
    finally:
        server.stop()


def test_a_package_whose_name_gives_no_period_is_read_for_the_window_by_its_release_dates(award_server, tmp_path):
    """Reference §6.1: the file names changed before ("2017.json", then "Dataset_Tenderned-<from>-<to>.json");
    "parse the period out of the name, or read releases[].date". A package whose name gives no period is
    fetched whatever the window (it may hold it), and archived every procedure it held: a backfill from 2022
    archived 2019's too. Its procedures are now selected by their releases' dates. A span of years in a name
    ("Dataset_TenderNed_2016_2022.json") is a period. SYNTHETIC packages."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    def one(ocid, rid, day, name):
        return release(ocid, rid, day, "Jeugdhulp Leiden", "85311300-5", lots=[("1", "Jeugdhulp")],
                       parties=[supplier("11111111", name)],
                       awards=[{"id": "a", "suppliers": [{"id": "11111111", "name": name}],
                                "value": {"amount": 100000, "currency": "EUR"}, "relatedLots": ["1"]}])
    award_server.api.datasets = _datasets(tmp_path / "datasets", {
        "tenderned-export.json": package([one("ocds-1l04xe-313601", "299601", "2019-05-01", "Alpha B.V."),
                                          one("ocds-1l04xe-313602", "299602", "2022-05-01", "Beta B.V.")]),
        "Dataset_TenderNed_2016_2020.json": package([one("ocds-1l04xe-313603", "299603", "2020-05-01", "Gamma B.V.")])})
    db = tmp_path / "archive.db"
    began = len(award_server.api.log)
    done = scrapy_ocds(db, award_server.datasets_url, "-a", "from_date=2022-01-01")
    assert done.returncode == 0, done.stderr[-3000:]
    assert [p.rsplit("/", 1)[-1] for p in award_server.api.log[began:] if p.endswith(".json")] == [
        "tenderned-export.json"]
    assert rows(db, "select distinct procurement_id from awards") == [{"procurement_id": "TN313602"}]
    assert rows(db, "select status from crawls") == [{"status": "complete"}]


def _trade_name_archive(award_server, tmp_path):
    """A backfill (SYNTHETIC package) whose winners are printed with a trade name and a KvK number in the name:
    "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg" (no KvK number: its id is its name, reference §6.3) in one procedure,
    "Stichting Jeugdhulp Noord" in another, "Zorg West (KvK 12345678)" in a third, and "Kompas Zorg B.V. h.o.d.n.
    Kindhuis" with its KvK number as its id in a fourth."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    def one(kenmerk, rid, sid, name):
        ocid = f"ocds-1l04xe-{kenmerk}"
        return release(ocid, rid, "2022-03-01", f"Jeugdhulp {kenmerk}", "85311300-5", lots=[("1", "Jeugdhulp")],
                       parties=[supplier(sid, name)],
                       awards=[{"id": f"{rid}-1", "suppliers": [{"id": sid, "name": name}],
                                "value": {"amount": 2500000, "currency": "EUR"}, "relatedLots": ["1"]}])
    winners = [("313601", "299601", None, "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg"),
               ("313602", "299602", None, "Stichting Jeugdhulp Noord"),
               ("313603", "299603", None, "Zorg West (KvK 12345678)"),
               ("313604", "299604", "87654321", "Kompas Zorg B.V. h.o.d.n. Kindhuis")]
    award_server.api.datasets = _datasets(tmp_path / "datasets", {
        "Dataset_Tenderned-2022-01-01-2022-12-31.json": package([one(k, r, i or n, n) for k, r, i, n in winners])})
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    return db


def _winners(db):
    return rows(db, "select procurement_id, organisation_id, name, kvk, trade_name from award_suppliers "
                    "where procurement_id in ('TN313601', 'TN313602', 'TN313603', 'TN313604') order by procurement_id")


def test_a_winner_printed_with_its_trade_name_or_kvk_number_is_one_organisation(award_server, tmp_path):
    """Round 9's leftover: "X B.V. h.o.d.n. Y" (handelend onder de naam) and "X (KvK 12345678)" were organisations
    of their own (``name:jeugdhulp noord b v h o d n kindzorg``, ``name:zorg west kvk 12345678``), so a provider's
    awards were split over two. They fold to X; the trade name is kept as the winner's, the number is its KvK
    number, the printed name stays as printed."""
    db = _trade_name_archive(award_server, tmp_path)
    assert _winners(db) == [
        {"procurement_id": "TN313601", "organisation_id": "name:jeugdhulp noord",
         "name": "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg", "kvk": None, "trade_name": "Kindzorg"},
        {"procurement_id": "TN313602", "organisation_id": "name:jeugdhulp noord",
         "name": "Stichting Jeugdhulp Noord", "kvk": None, "trade_name": None},
        {"procurement_id": "TN313603", "organisation_id": "kvk:12345678",
         "name": "Zorg West (KvK 12345678)", "kvk": "12345678", "trade_name": None},
        {"procurement_id": "TN313604", "organisation_id": "kvk:87654321",
         "name": "Kompas Zorg B.V. h.o.d.n. Kindhuis", "kvk": "87654321", "trade_name": "Kindhuis"}]
    orgs = rows(db, "select organisation_id, name, kvk, name_key from organisations where organisation_id in "
                    "('name:jeugdhulp noord', 'kvk:12345678', 'kvk:87654321') order by 1")
    assert orgs == [{"organisation_id": "kvk:12345678", "name": "Zorg West", "kvk": "12345678", "name_key": "zorg west"},
                    {"organisation_id": "kvk:87654321", "name": "Kompas Zorg B.V.", "kvk": "87654321",
                     "name_key": "kompas zorg"},
                    {"organisation_id": "name:jeugdhulp noord", "name": "Jeugdhulp Noord B.V.", "kvk": None,
                     "name_key": "jeugdhulp noord"}]
    assert not rows(db, "select * from organisations where organisation_id like '%h o d n%' or name_key like '%kvk%'")


def test_an_archive_with_trade_name_organisations_is_migrated_and_the_old_ids_still_find_the_provider(
        award_server, tmp_path):
    """An archive written before (the winners under ``name:jeugdhulp noord b v h o d n kindzorg`` and
    ``name:zorg west kvk 12345678``, organisations of their own) is migrated on opening: every winner row kept
    and moved to the organisation a fresh read gives, the old organisation rows (with their provenance) in
    ``organisation_aliases``, and the old id still gives the provider's contracts."""
    import sqlite3

    from tenderarchive.store.writes import open_archive

    db = _trade_name_archive(award_server, tmp_path)
    fresh_winners = _winners(db)
    fresh_orgs = rows(db, "select * from organisations where kind = 'provider' order by organisation_id")
    old = {"TN313601": ("name:jeugdhulp noord b v h o d n kindzorg", "jeugdhulp noord b v h o d n kindzorg",
                        "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg", None),
           "TN313603": ("name:zorg west kvk 12345678", "zorg west kvk 12345678", "Zorg West (KvK 12345678)", None)}
    with sqlite3.connect(db) as conn:     # as the earlier version wrote it
        for procurement_id, (org_id, key, name, kvk) in old.items():
            new_id, = conn.execute("select organisation_id from award_suppliers where procurement_id = ?",
                                   [procurement_id]).fetchone()
            conn.execute("update award_suppliers set organisation_id = ?, name_key = ?, kvk = ?, trade_name = null "
                         "where procurement_id = ?", [org_id, key, kvk, procurement_id])
            conn.execute("update organisations set organisation_id = ?, name = ?, name_key = ?, kvk = null "
                         "where organisation_id = ?", [org_id, name, key, new_id])
        conn.execute("update award_suppliers set name_key = 'kompas zorg b v h o d n kindhuis', trade_name = null "
                     "where procurement_id = 'TN313604'")
        conn.execute("update organisations set name = 'Kompas Zorg B.V. h.o.d.n. Kindhuis', "
                     "name_key = 'kompas zorg b v h o d n kindhuis' where organisation_id = 'kvk:87654321'")
        conn.execute("drop table organisation_aliases")
        conn.execute("insert into organisations (organisation_id, name, kind, name_key, named_in) "
                     "select 'name:jeugdhulp noord', 'Stichting Jeugdhulp Noord', 'provider', 'jeugdhulp noord', "
                     "'awards:' || award_id from award_suppliers where procurement_id = 'TN313602' "
                     "and not exists (select 1 from organisations where organisation_id = 'name:jeugdhulp noord')")
        conn.execute("PRAGMA user_version = 7")
    assert len(rows(db, "select * from award_suppliers")) == 4
    open_archive(db).close()
    assert _winners(db) == fresh_winners
    migrated = rows(db, "select * from organisations where kind = 'provider' order by organisation_id")
    assert [(o["organisation_id"], o["name"], o["kvk"], o["name_key"], o["named_in"], o["source_url"])
            for o in migrated] == [(o["organisation_id"], o["name"], o["kvk"], o["name_key"], o["named_in"],
                                    o["source_url"]) for o in fresh_orgs]
    aliases = rows(db, "select alias_id, organisation_id, name, named_in from organisation_aliases order by 1")
    assert [(a["alias_id"], a["organisation_id"], a["name"]) for a in aliases] == [
        ("name:jeugdhulp noord b v h o d n kindzorg", "name:jeugdhulp noord", "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg"),
        ("name:zorg west kvk 12345678", "kvk:12345678", "Zorg West (KvK 12345678)")]
    assert all(a["named_in"] and a["named_in"].startswith("awards:") for a in aliases)
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows as saved

    server = Server(db)
    try:
        by_new = saved(server, "aanbieder_contracten", aanbieder="name:jeugdhulp noord")
        assert sorted(r["procurement_id"] for r in by_new) == ["TN313601", "TN313602"]
        assert saved(server, "aanbieder_contracten", aanbieder="name:jeugdhulp noord b v h o d n kindzorg") == by_new
        # the trade name a researcher knows the provider by: that provider's contracts
        assert saved(server, "aanbieder_contracten", aanbieder="Kindzorg") == by_new
        assert [r["procurement_id"] for r in saved(server, "aanbieder_contracten",
                                                   aanbieder="name:zorg west kvk 12345678")] == ["TN313603"]
        assert saved(server, "aanbieder_regios", aanbieder="name:zorg west kvk 12345678") == \
            saved(server, "aanbieder_regios", aanbieder="kvk:12345678")
        page = urllib.request.urlopen(server.base + "/-/aanbieder?id=name%3Azorg+west+kvk+12345678", timeout=30)
        assert page.url.endswith("/-/aanbieder?id=kvk%3A12345678") and b"Zorg West" in page.read()
    finally:
        server.stop()


def test_each_winner_of_a_lot_is_stored_with_its_own_award_and_signing_dates(award_server, tmp_path):
    """Reference §8.4 (one row per lot and winner, keeping the date the winner was chosen and the contract date):
    a backfill (SYNTHETIC package, crawled over loopback) of a lot won by two parties, chosen and signed on other
    days. The archive kept one pair of dates per lot (``awards``); each winner's row (``award_suppliers``) now has
    its own."""
    from tests.fixtures.awards.make_fixtures import package, release, supplier

    ocid = "ocds-1l04xe-313611"
    awards = [{"id": "a", "date": "2022-02-15T00:00:00Z", "suppliers": [{"id": "11111111", "name": "Alpha B.V."}],
               "value": {"amount": 600000, "currency": "EUR"}, "relatedLots": ["1"]},
              {"id": "b", "date": "2022-02-20T00:00:00Z", "suppliers": [{"id": "22222222", "name": "Beta B.V."}],
               "value": {"amount": 500000, "currency": "EUR"}, "relatedLots": ["1"]}]
    award = release(ocid, "299611", "2022-03-01", "Jeugdhulp Leiden", "85311300-5", lots=[("1", "Jeugdhulp")],
                    parties=[supplier("11111111", "Alpha B.V."), supplier("22222222", "Beta B.V.")], awards=awards)
    signed = dict(release(ocid, "299612", "2022-05-01", "Jeugdhulp Leiden", "85311300-5", lots=[("1", "Jeugdhulp")],
                          tag=("contract",)),
                  contracts=[{"id": "c1", "awardID": "a", "dateSigned": "2022-04-01T00:00:00Z"},
                             {"id": "c2", "awardID": "b", "dateSigned": "2022-05-01T00:00:00Z"}])
    award_server.api.datasets = _datasets(tmp_path / "datasets", {
        "Dataset_Tenderned-2022-01-01-2022-12-31.json": package([award, signed])})
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, award_server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select name, award_date, contract_date from award_suppliers where procurement_id = 'TN313611' "
                    "order by name") == [
        {"name": "Alpha B.V.", "award_date": "2022-02-15", "contract_date": "2022-04-01"},
        {"name": "Beta B.V.", "award_date": "2022-02-20", "contract_date": "2022-05-01"}]
