"""The research views in Chromium (issue 12), on the synthetic demo archive behind ``tenderarchive serve``:
each view opened from the home page, a walk region → procurement → provider and back, and the figures
on screen checked against SQL on the same archive file. Every request outside 127.0.0.1 is aborted
(``tests/browser/conftest.py``).
"""

import re
import sqlite3
from pathlib import Path

import pytest

from tenderarchive.datasette_plugin import euro


@pytest.fixture(scope="module")
def archive(browser_server):
    args = browser_server.process.args
    conn = sqlite3.connect(Path(args[args.index("--db") + 1]))
    yield conn
    conn.close()


def home(page, browser_server):
    page.goto(browser_server.base + "/")
    return page


def cell_texts(page, section, column):
    return page.locator(f'section[data-query="{section}"] td.col-{column}').all_inner_texts()


def test_region_to_procurement_to_provider_and_back(page, browser_server, archive):
    home(page, browser_server).get_by_role("link", name="kaart van de jeugdregio's").click()
    page.wait_for_url("**/-/kaart")
    page.locator('.ta-mapwrap a[data-code="JZ18"]').click()
    page.wait_for_url("**/-/jeugdregio/JZ18")
    assert page.locator("h1").inner_text() == "Jeugdregio Holland Rijnland"

    year = archive.execute("select max(year) from jeugdregio_membership").fetchone()[0]
    members, unverified = archive.execute(
        "select count(*), sum(unverified) from jeugdregio_membership where jeugdregio_code = 'JZ18' and year = ?",
        [year]).fetchone()
    assert page.locator('dd[data-fact="Gemeenten"]').inner_text() == str(members)
    assert page.locator('dd[data-fact="Waarvan onbevestigd"]').inner_text() == str(unverified)
    assert len(cell_texts(page, "jeugdregio_gemeenten", "gemeente")) == members
    statuses = cell_texts(page, "jeugdregio_gemeenten", "status")
    assert statuses.count("onbevestigd") == unverified

    # what did the region buy, from whom, for how much
    value = archive.execute("select sum(a.value_cents) from awards a join procurements p using (procurement_id) "
                            "where p.jeugdregio_code = 'JZ18' and a.current = 1 and p.youth_care = 1").fetchone()[0]
    assert cell_texts(page, "jeugdregio_aanbestedingen", "gegunde_waarde") == [euro(value)]
    assert cell_texts(page, "jeugdregio_winnaars_per_jaar", "winnaars") == ["4"]

    page.locator('section[data-query="jeugdregio_aanbestedingen"] td.col-procurement_id a',
                 has_text="TN243310").click()
    page.wait_for_url("**/-/aanbesteding?id=TN243310")
    assert page.locator("h1").inner_text() == "Gemeentelijke toegang Jeugdhulp Leidse Regio"
    timeline = page.locator('section[data-query="procurement_timeline"] tbody tr').count()
    assert timeline == archive.execute("select count(*) from events where procurement_id = 'TN243310'").fetchone()[0]

    page.locator('section[data-query="aanbesteding_gunningen"] td.col-aanbieder_id a', has_text="name:cardea").click()
    page.wait_for_url("**/-/aanbieder?id=name%3Acardea")
    assert page.locator("h1").inner_text() == "Aanbieder Cardea"
    assert cell_texts(page, "aanbieder_regios", "jeugdregio_code") == ["JZ18"]
    # Cardea shares TN243310's framework value with three co-winners: under waarde_gedeeld, not its own (refawards63)
    assert cell_texts(page, "aanbieder_contracten", "waarde_gedeeld") == [euro(980000000)]
    assert cell_texts(page, "aanbieder_contracten", "waarde") == [""]

    page.go_back()
    page.wait_for_url("**/-/aanbesteding?id=TN243310")
    page.go_back()
    page.wait_for_url("**/-/jeugdregio/JZ18")
    assert page.locator("h1").inner_text() == "Jeugdregio Holland Rijnland"
    # and from the provider page straight back to the region
    page.go_forward()
    page.go_forward()
    page.wait_for_url("**/-/aanbieder?id=name%3Acardea")
    page.locator('section[data-query="aanbieder_regios"] td.col-jeugdregio_code a', has_text="JZ18").click()
    page.wait_for_url("**/-/jeugdregio/JZ18")


def test_the_market_view_from_the_home_page(page, browser_server, archive):
    home(page, browser_server).get_by_role("link", name="marktbeeld per jeugdregio en jaar").click()
    page.wait_for_url("**/-/markt")
    rows = page.locator('section[data-query="marktbeeld"] tbody tr')
    keys = archive.execute("""
        select count(*) from (
          select jeugdregio_code, cast(substr(first_published, 1, 4) as integer) from procurements
          where youth_care = 1 and jeugdregio_code is not null
          union
          select p.jeugdregio_code, a.year from awards a join procurements p using (procurement_id)
          where a.current = 1 and p.youth_care = 1 and a.year is not null)""").fetchone()[0]
    assert rows.count() == keys
    winners = archive.execute("""
        select count(distinct s.organisation_id) from award_suppliers s join awards a using (award_id)
        join procurements p on p.procurement_id = a.procurement_id
        where a.current = 1 and p.youth_care = 1 and p.jeugdregio_code = 'JZ11' and a.year = 2022""").fetchone()[0]
    row = rows.filter(has_text="Zuid Kennemerland").filter(has_text="2022")
    assert row.locator("td.col-winnaars").inner_text() == str(winners) == "14"
    assert row.locator("td.col-aandeel_grootste_pct").inner_text() == "33.3"
    page.get_by_role("textbox", name="Jeugdregio").fill("Zeeland")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"[?&]jeugdregio=Zeeland"))  # the filtered page, not the one it replaces
    page.wait_for_load_state()
    assert set(cell_texts(page, "marktbeeld", "jeugdregio")) == {"Zeeland"}


def test_buyers_and_providers_from_the_home_page(page, browser_server, archive):
    home(page, browser_server).get_by_role("link", name="opdrachtgevers", exact=True).click()
    page.get_by_role("link", name="GM0392").click()
    page.wait_for_url("**/-/opdrachtgever?id=GM0392")
    assert page.locator("h1").inner_text() == "Opdrachtgever Gemeente Haarlem"
    contracts = archive.execute("select count(*) from award_suppliers s join awards a using (award_id) "
                                "where a.procurement_id = 'TN312877' and a.current = 1").fetchone()[0]
    assert page.locator('section[data-query="opdrachtgever_contracten"] tbody tr').count() == contracts

    home(page, browser_server).get_by_role("link", name="aanbieders", exact=True).click()
    page.get_by_role("link", name="kvk:14012345").click()
    page.wait_for_url("**/-/aanbieder?id=kvk%3A14012345")
    assert page.locator("h1").inner_text() == "Aanbieder Stichting Basishulp Parkstad"
    # the award's one value it shares with its co-winners is no provider's own (refawards62): apart, whole
    assert cell_texts(page, "aanbieder_regios", "waarde") == [""]
    assert cell_texts(page, "aanbieder_regios", "waarde_gedeeld") == [euro(1240000000)]


def test_the_map_colours_by_a_chosen_figure_without_tiles(page, browser_server, archive):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    home(page, browser_server).get_by_role("link", name="kaart van de jeugdregio's").click()
    page.get_by_label("Kleur naar").select_option("winnaars")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r".*/-/kaart\?maat=winnaars.*"))
    shape = page.locator('.ta-mapwrap a[data-code="JZ11"]')
    assert shape.get_attribute("data-value") == "14"
    assert shape.locator("path").get_attribute("fill") != "#f0f0f0"
    assert page.locator(".ta-mapwrap path").count() == 42
    assert all(url.startswith(browser_server.base) for url in requests)      # nothing else was even asked for
    page.get_by_label("Laag").select_option("gemeenten")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r".*/-/kaart\?.*laag=gemeenten.*"))   # the new page, not the old one
    page.wait_for_load_state("load")
    assert page.locator(".ta-mapwrap path").count() == 342
    page.locator('.ta-mapwrap a[data-code="GM0546"]').click()                # Leiden
    page.wait_for_url("**/-/jeugdregio/JZ18")


@pytest.fixture(scope="module", params=[900102, 900101], ids=["contract-notice-first", "award-notice-first"])
def changed_archive(tmp_path_factory, request):
    """An archive of two real crawls of the award fixtures (tests/fixtures/awards) over loopback. Crawl 1 serves
    procedure 900001 before its rectification 900103, with contract notice 900101's closing date a fortnight
    earlier and lot 1's estimated value € 1.200.000 (SYNTHETIC changes of the synthetic fixtures); crawl 2 serves
    them as they are: the closing date moved, the lot's value corrected, the lots' results and award notice 900102
    rectified, the procedure's notice types a list grown by REC. In crawl 1 one notice's rendering answers "503,
    Retry-After: 2" once (``request.param``), so the other's arrives first: the lot's corrected estimate is a change
    of that lot in either order."""
    import copy

    from tenderarchive.apiserver import APIServer, TenderNedAPI, load_datasets, load_publications
    from tests.awards.conftest import FIXTURES
    from tests.conftest import by_id, run_crawl

    db = tmp_path_factory.mktemp("changes") / "archive.db"
    publications, datasets = load_publications(FIXTURES), load_datasets(FIXTURES / "datasets")
    before = copy.deepcopy([p for p in publications if p["detail"]["publicatieId"] != 900103])
    by_id(before, 900101)["detail"]["sluitingsDatum"] = "2025-04-01T12:00:00"
    by_id(before, 900101)["html"] = by_id(before, 900101)["html"].replace(
        '<span class="value">1 300 000</span>', '<span class="value">1 200 000</span>')
    by_id(before, 900102)["detail"]["publicatieIDLaatsteRectificatie"] = None   # not yet rectified
    late = f"/papi/tenderned-rs-tns/v2/publicaties/{request.param}/html"
    for served, faults in ((before, {late: [{"status": 503, "headers": {"Retry-After": "2"}}]}), (publications, None)):
        with APIServer(TenderNedAPI(served, datasets=datasets, faults=faults)) as api:
            crawled = run_crawl(api.api_url, db, "-s", "CONCURRENT_REQUESTS=1", from_date="2021-01-01",
                                until_date="2026-06-30")
        assert crawled.returncode == 0, crawled.output[-3000:]
        if faults:   # the other notice's rendering was read before this one's
            other = f"/papi/tenderned-rs-tns/v2/publicaties/{900101 + 900102 - request.param}/html"
            assert api.api.log.index(other) < len(api.api.log) - 1 - api.api.log[::-1].index(late)
    from tests.datasette.archive_fixtures import Server

    server = Server(db)
    yield server
    server.stop()


def test_what_changed_in_a_procurement_reads_in_words_on_its_page_and_in_the_changes_view(browser, changed_archive):
    """A researcher reads what changed in procedure 900001 between two crawls. The procurement page's section
    "Wijzigingen van een aanbesteding" showed each change as small JSON (``{"deadline":
    "2025-04-01T12:00:00+02:00"}``, ``{"notice_types": "[\\"AAO\\", \\"AGO\\"]"}``, its columns as stored names)
    and the ``changes`` view the raw table and column names and JSON. Both say each change as the site does: the
    column as the data dictionary names it, amounts in euros, dates as dates, a list as a list, flags as ja/nee,
    the archive's bookkeeping (a lot's publication_id) and an amount's printed text beside it left out; the CSV
    of both keeps the stored JSON. So do the saved searches' own pages (``aanbesteding_wijzigingen``,
    ``changed_notices``)."""
    import csv
    import io
    import json

    from tests.browser.conftest import local_page

    context = browser.new_context()
    try:
        page = local_page(context, changed_archive)
        page.goto(changed_archive.base + "/-/aanbesteding?id=TN900001")
        section = page.locator('section[data-query="aanbesteding_wijzigingen"]')
        rows = [dict(zip(["tabel", "sleutel", "kolommen", "was", "werd"],
                         [row.locator(f"td.col-{c}").inner_text() for c in ("tabel", "sleutel", "kolommen", "was", "werd")]))
                for row in section.locator("tbody tr").all()]
        page.goto(changed_archive.db + "/changes?_size=max")
        view = [{c: row.locator(f"td.col-{c}").inner_text() for c in ("table_name", "row_key", "changed_columns",
                                                                        "previous_values", "new_values")}
                for row in page.locator("table.rows-and-columns tbody tr").all()]
        searches = []   # the saved searches' own pages, which the page's sections and the feeds link
        for path, columns in ((f"/aanbesteding_wijzigingen?procurement_id=TN900001", ("kolommen", "was", "werd")),
                              ("/changed_notices", ("changed_columns", "previous_values", "new_values"))):
            page.goto(changed_archive.db + path)
            searches += [{c: row.locator(f"td.col-{c}").inner_text() for c in columns}
                         for row in page.locator("table.rows-and-columns tbody tr").all()]
    finally:
        context.close()
    assert len(searches) == len(rows) + 2   # the two changed notices
    assert {"Current closing date for tenders (deadline): 1 april 2025 12:00"} <= {
        r.get("was", r.get("previous_values")) for r in searches}
    shown = " ".join(" ".join(r.values()) for r in searches) + " " + " ".join(" ".join(v for k, v in r.items() if k not in ("sleutel", "row_key")) for r in rows + view)
    assert not any(raw in shown for raw in ("{", "[\"", "_cents\"", "120000000", "T12:00:00", "1 200 000")), shown

    procurement = next(r for r in rows if r["tabel"] == "procurements")
    assert procurement["was"] == ("Current closing date (deadline): 1 april 2025 12:00; "
                                  "Date of the latest publication (last_published): 1 september 2025; "
                                  "Notice types (notice_types): AAO, AGO; "
                                  "Number of archived publications (publication_count): 2; "
                                  "PublicatieIds (publication_ids): 900101, 900102")
    assert procurement["werd"].startswith("Current closing date (deadline): 15 april 2025 12:00; ")
    assert "Notice types (notice_types): AAO, AGO, REC" in procurement["werd"]
    notice = next(r for r in view if (r["table_name"], r["row_key"]) == ("notices", "900101"))
    assert (notice["changed_columns"], notice["previous_values"], notice["new_values"]) == (
        "Current closing date for tenders (deadline)", "Current closing date for tenders (deadline): 1 april 2025 12:00",
        "Current closing date for tenders (deadline): 15 april 2025 12:00")
    lot = next(r for r in rows if r["tabel"] == "lots" and "estimated_cents" in r["kolommen"])
    assert "Estimated value of the lot (estimated_cents): € 1.200.000,00" in lot["was"]
    assert "Estimated value of the lot (estimated_cents): € 1.300.000,00" in lot["werd"]
    assert "Awarded (awarded): —" in lot["was"] and "Awarded (awarded): ja" in lot["werd"]
    assert "Value of the highest admissible tender (highest_tender_cents): € 1.400.000,50" in lot["werd"]
    assert not any(word in lot["kolommen"] + lot["werd"] for word in ("publication_id", "_raw", "_currency",
                                                                       "_placeholder"))
    assert "archive bookkeeping only (publication_id)" in [r["changed_columns"] for r in view if r["table_name"] == "lots"]
    rectified = next(r for r in view if (r["table_name"], r["row_key"]) == ("notices", "900102"))
    assert rectified["new_values"].endswith(": 900103") and "—" in rectified["previous_values"]

    stored = list(csv.DictReader(io.StringIO(changed_archive.get(
        f"/{changed_archive.database}/changes.csv?_stream=on&table_name=notices&row_key=900101").decode())))
    assert [json.loads(r["previous_values"]) for r in stored] == [{"deadline": "2025-04-01T12:00:00+02:00"}]
    page_csv = list(csv.DictReader(io.StringIO(changed_archive.get(
        f"/{changed_archive.database}/aanbesteding_wijzigingen.csv?procurement_id=TN900001").decode())))
    assert json.loads(next(r["was"] for r in page_csv if r["tabel"] == "procurements"))["deadline"] == (
        "2025-04-01T12:00:00+02:00")


def test_a_provider_in_the_summary_of_providers_per_region_is_a_click_from_its_page(page, browser_server, archive):
    """A researcher reading ``summary_org_regions`` (a provider's awards per jeugdregio) saw the provider's id as
    plain text, where ``award_suppliers`` links the same id to the provider page (and the README says any table
    does). The id is a link; clicked, the provider page opens and lists the same regions."""
    page.goto(browser_server.base + "/archive/summary_org_regions?organisation_id=kvk%3A14012345")
    with page.expect_navigation():
        page.locator("td.col-organisation_id a", has_text="kvk:14012345").first.click()
    assert page.url == browser_server.base + "/-/aanbieder?id=kvk%3A14012345"
    assert page.locator("h1").inner_text() == "Aanbieder Stichting Basishulp Parkstad"
    regions = {r[0] for r in archive.execute("select jeugdregio_code from summary_org_regions "
                                             "where organisation_id = 'kvk:14012345' and jeugdregio_code != ''")}
    assert set(cell_texts(page, "aanbieder_regios", "jeugdregio_code")) == regions
