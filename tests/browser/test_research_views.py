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
    assert cell_texts(page, "aanbieder_contracten", "waarde") == [euro(980000000)]

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
    assert cell_texts(page, "aanbieder_regios", "waarde") == [euro(1240000000)]


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
