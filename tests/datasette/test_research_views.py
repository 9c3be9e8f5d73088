"""The research views (issue 12) on the synthetic demo archive, served by a real ``tenderarchive serve``:
each is a documented list with CSV and Atom, the figures they show equal figures computed here from
the archive's own tables (in Python, not with the views' SQL), the rows link to the pages that
summarise them, the map is drawn from the shipped boundaries without tiles, and the SQL uses indexes.
"""

import csv
import io
import json
import re
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from html import unescape as html_unescape

import pytest

from tenderarchive import datasette_plugin
from tenderarchive.datasette_plugin import euro
from tenderarchive.metadata import load_metadata
from tests.conftest import by_id

ATOM = "{http://www.w3.org/2005/Atom}"
QUERIES = load_metadata()["databases"]["archive"]["queries"]
#: The saved searches of the README's list (tests/datasette/test_saved_searches.py, test_award_searches.py): they
#: describe their columns too, but are no research views.
SAVED_SEARCHES = {"search_all", "open_youth_care_tenders", "new_this_week", "by_jeugdregio", "award_notices",
                  "awards_by_region_year", "who_won_in_jeugdregio", "lots_not_awarded", "awards_without_prior_call",
                  "values_per_year", "changed_notices"}
RESEARCH = [name for name, query in QUERIES.items() if "columns" in query and name not in SAVED_SEARCHES]
#: Research views that list nothing on the demo archive: no crawl of its snapshot changed a record.
NOTHING_ON_THE_DEMO = {"aanbesteding_wijzigingen"}
EXAMPLE = {"jeugdregio": "JZ18", "opdrachtgever": "GM0546", "aanbieder": "kvk:14012345",
           "procurement_id": "TN312877", "jaar": "", "sinds": "", "pagina": "", "alle_gunningen": "", "voor": "",
           "crawl_id": "1"}


def get_json(server, path, **params):
    qs = urllib.parse.urlencode({**params, "_shape": "array"})
    return json.loads(server.get(f"{path}.json?{qs}"))


def query_rows(server, name, **params):
    return get_json(server, f"/{server.database}/{name}", **params)


def html(server, path):
    return server.get(path).decode("utf-8")


@pytest.fixture(scope="module")
def archive(demo_archive):
    conn = sqlite3.connect(demo_archive)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def current_awards(archive):
    """(region, year, award_id, value_cents, [winner ids]) of current youth-care awards, from the tables."""
    procurements = {r["procurement_id"]: r for r in archive.execute("select * from procurements")}
    winners = defaultdict(list)
    for r in archive.execute("select award_id, organisation_id from award_suppliers"):
        winners[r["award_id"]].append(r["organisation_id"])
    out = []
    for a in archive.execute("select * from awards where current = 1"):
        p = procurements.get(a["procurement_id"])
        if p is not None and p["youth_care"] == 1:
            out.append((p["jeugdregio_code"], a["year"], a["award_id"], a["value_cents"], winners[a["award_id"]],
                        a["procurement_id"]))
    return out


def test_the_research_views_are_configured():
    assert {"jeugdregio_overzicht", "jeugdregio_gemeenten", "jeugdregio_aanbestedingen", "jeugdregio_percelen",
            "jeugdregio_nieuws", "jeugdregio_winnaars_per_jaar", "marktbeeld", "opdrachtgevers",
            "opdrachtgever_aanbestedingen", "opdrachtgever_contracten", "aanbieders", "aanbieder_contracten",
            "aanbieder_regios", "aanbesteding_gunningen"} <= set(RESEARCH)
    for name in RESEARCH:
        assert QUERIES[name]["title"] and QUERIES[name]["description"], name


@pytest.mark.parametrize("name", RESEARCH)
def test_every_research_view_is_a_documented_list_with_csv_and_atom(server, name):
    params = {p: EXAMPLE[p] for p in QUERIES[name].get("params", [])}
    rows = query_rows(server, name, **params)
    if name in NOTHING_ON_THE_DEMO:
        return   # test_the_procurement_page_shows_what_changed_in_it_between_crawls
    assert rows, f"{name} shows nothing on the demo archive"
    shown = [c for c in rows[0] if not c.startswith("atom_")]
    documented = QUERIES[name]["columns"]
    assert set(shown) == set(documented), name
    assert all(str(text).strip() for text in documented.values()), name
    qs = urllib.parse.urlencode(params)
    table = list(csv.reader(io.StringIO(server.get(f"/{server.database}/{name}.csv?{qs}").decode("utf-8"))))
    assert set(shown) <= set(table[0]) and len(table) == len(rows) + 1
    feed = ET.fromstring(server.get(f"/{server.database}/{name}.atom?{qs}"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(rows) and len({e.find(f"{ATOM}id").text for e in entries}) == len(rows)
    # the query's page documents its columns too
    page = html(server, f"/{server.database}/{name}?{qs}")
    assert all(f"<dt>{c}</dt>" in page for c in documented)


def test_the_region_page_names_a_region_s_other_names_as_a_list_not_as_stored(server, archive):
    """A region's other names (those news uses) are stored separated by "|"; its page showed them so, "Ook bekend
    als West-Friesland|Westfriesland|West-Friese", one word too wide for a phone. They read as a list."""
    for code in ["JZ05", "JZ17"]:
        aliases = archive.execute("select aliases from jeugdregios where code = ?", [code]).fetchone()[0]
        fact = re.search(r'data-fact="Ook bekend als">([^<]*)<', html(server, f"/-/jeugdregio/{code}")).group(1)
        assert html_unescape(fact) == ", ".join(aliases.split("|"))


def test_the_region_page_says_what_holland_rijnland_bought_from_whom_for_how_much(server, archive):
    page = html(server, "/-/jeugdregio/" + urllib.parse.quote("Holland Rijnland"))
    year = archive.execute("select max(year) from jeugdregio_membership").fetchone()[0]
    members = [r["name"] for r in archive.execute(
        "select name from jeugdregio_membership where jeugdregio_code = 'JZ18' and year = ?", [year])]
    assert len(members) == 13
    assert all(name in page for name in members)
    assert re.search(r'data-fact="Gemeenten">13<', page)
    assert "Holland Rijnland (Serviceorganisatie Zorg Holland Rijnland)" in page     # its regional buyers
    awards = [a for a in current_awards(archive) if a[0] == "JZ18"]
    assert {a[5] for a in awards} == {"TN243310"}
    assert euro(sum(a[3] for a in awards)) in page                                  # € 9.800.000,00
    names = {r["name"] for r in archive.execute(
        "select name from award_suppliers where procurement_id = 'TN243310'")}
    assert names == {"Cardea", "Gemiva-SVG Groep", "Kwadraad", "MEE ZHN"} and all(n in page for n in names)
    assert 'href="/-/aanbesteding?id=TN243310"' in page                            # the procurement and its timeline
    assert "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend" in page     # the news
    per_year = query_rows(server, "jeugdregio_winnaars_per_jaar", jeugdregio="JZ18")
    assert [(r["jaar"], r["winnaars"]) for r in per_year] == [(2021, 4)]
    stage = archive.execute("select stage from events where procurement_id = 'TN243310' and stage != '' "
                            "order by date desc, event_id desc limit 1").fetchone()[0]
    assert query_rows(server, "jeugdregio_aanbestedingen", jeugdregio="JZ18")[0]["fase"] == stage


def test_a_procurement_whose_notices_name_a_member_is_listed_under_that_region_too(server, archive):
    # TN312877 (Zuid-Kennemerland's buyer) names Beverwijk, Heemskerk and Velsen (IJmond, JZ10).
    rows = query_rows(server, "jeugdregio_aanbestedingen", jeugdregio="JZ10")
    assert [(r["procurement_id"], r["hoe"], r["jeugdregio_code"]) for r in rows] == [("TN312877", "genoemd", "JZ11")]


def test_since_keeps_only_procurements_active_since_that_day(server):
    assert [r["procurement_id"] for r in query_rows(server, "jeugdregio_aanbestedingen", jeugdregio="JZ38")]
    assert query_rows(server, "jeugdregio_aanbestedingen", jeugdregio="JZ38", sinds="2020-01-01") == []


def test_the_market_view_matches_the_awards(server, archive):
    expected = {}
    groups = defaultdict(list)
    for region, year, award_id, cents, winners, _ in current_awards(archive):
        groups[(region, year)].append((award_id, cents, winners))
    for key, awards in groups.items():
        won = Counter(w for _, _, ws in awards for w in set(ws))
        top = max(won.values())
        expected[key] = (len(awards), sum(c or 0 for _, c, _ in awards) or None, len(won),
                         round(100.0 * top / len(awards), 1))
    rows = query_rows(server, "marktbeeld")
    got = {(r["jeugdregio_code"], r["jaar"]): (r["gunningen"], r["gegunde_waarde_cents"], r["winnaars"],
                                                r["aandeel_grootste_pct"]) for r in rows if r["gunningen"]}
    assert got == expected
    zk = [r for r in rows if r["jeugdregio_code"] == "JZ11" and r["jaar"] == 2022][0]
    assert zk["winnaars"] == 14 and zk["gunningen"] == 3 and zk["aandeel_grootste_pct"] == 33.3
    started = Counter((r["jeugdregio_code"], int(r["first_published"][:4])) for r in archive.execute(
        "select * from procurements where youth_care = 1"))
    assert {(r["jeugdregio_code"], r["jaar"]): r["aanbestedingen"] for r in rows if r["aanbestedingen"]} == dict(started)
    assert query_rows(server, "marktbeeld", jeugdregio="Zeeland", jaar="2017")[0]["gegunde_waarde"] == "€ 4.650.000,75"


def test_where_a_provider_holds_contracts(server, archive):
    for provider in query_rows(server, "aanbieders"):
        mine = [a for a in current_awards(archive) if provider["aanbieder_id"] in a[4]]
        regions = query_rows(server, "aanbieder_regios", aanbieder=provider["aanbieder_id"])
        assert {(r["jeugdregio_code"], r["gunningen"]) for r in regions} == set(Counter(a[0] for a in mine).items())
        assert provider["gunningen"] == len(mine)
        contracts = query_rows(server, "aanbieder_contracten", aanbieder=provider["aanbieder_id"])
        assert sorted(c["award_id"] for c in contracts) == sorted(a[2] for a in mine)
    page = html(server, "/-/aanbieder?id=kvk%3A14012345")
    assert "Aanbieder Stichting Basishulp Parkstad" in page and "€ 12.400.000,00" in page
    assert 'href="/-/jeugdregio/JZ41"' in page


def test_the_buyer_page_lists_procurements_and_contracts(server, archive):
    procurements = {r[0] for r in archive.execute(
        "select distinct n.procurement_id from notices n join procurements p using (procurement_id) "
        "where n.buyer_id = 'GM0392' and p.youth_care = 1")}
    rows = query_rows(server, "opdrachtgever_aanbestedingen", opdrachtgever="GM0392")
    assert {r["procurement_id"] for r in rows} == procurements == {"TN312877"}
    contracts = query_rows(server, "opdrachtgever_contracten", opdrachtgever="GM0392")
    assert len(contracts) == archive.execute(
        "select count(*) from award_suppliers s join awards a using (award_id) "
        "where a.procurement_id = 'TN312877' and a.current = 1").fetchone()[0]
    page = html(server, "/-/opdrachtgever?id=GM0392")
    assert "Opdrachtgever Gemeente Haarlem" in page and 'href="/-/jeugdregio/JZ11"' in page
    assert 'href="/-/aanbieder?id=kvk%3A34012345"' in page


def test_the_buyer_page_says_its_kind_in_dutch(server, archive):
    """The buyer page's facts are Dutch (Id, Soort, Koopt in voor) but "Soort" showed the stored kind id,
    "municipality": it says "gemeente" (a regional buyer "regionale inkoper", as the region page's "Regionale
    inkopers"), each buyer kind ``organisations.kind`` gives; the saved search ``opdrachtgevers`` keeps the id."""
    assert archive.execute("select kind from organisations where organisation_id = 'GM0392'").fetchone()[0] == (
        "municipality")
    page = html(server, "/-/opdrachtgever?id=GM0392")
    assert '<dt>Soort</dt><dd data-fact="Soort">gemeente</dd>' in page
    from tenderarchive.research import BUYER_KIND_WORDS

    assert set(BUYER_KIND_WORDS) == {"municipality", "regional_buyer", "other"}   # organisations.yaml's buyers
    assert {r["soort"] for r in query_rows(server, "opdrachtgevers")} == {"municipality"}


def test_the_procurement_page_lists_its_news(server, archive):
    """The research page of a procurement showed its awards and timeline, and its news only as
    timeline events; the articles linked to it (procurement_links, status linked) are a section of
    their own, with the score of the link, and a saved search with CSV and Atom."""
    links = {r["url"]: r["score"] for r in archive.execute(
        "select url, score from procurement_links where procurement_id = 'TN312877' and status = 'linked'")}
    linked = set(links)
    assert len(linked) == 1
    rows = query_rows(server, "aanbesteding_nieuws", procurement_id="TN312877")
    assert {r["url"]: r["score"] for r in rows} == links  # the score the link stored, not a fixed number
    assert {r["url"] for r in query_rows(server, "aanbesteding_nieuws", procurement_id="312877")} == linked
    page = html(server, "/-/aanbesteding?id=TN312877")
    assert 'data-query="aanbesteding_nieuws"' in page
    section = page[page.index('data-query="aanbesteding_nieuws"'):page.index('data-query="procurement_timeline"')]
    assert f'href="{next(iter(linked))}"' in section
    candidates = {r["url"] for r in archive.execute(
        "select url from procurement_links where procurement_id = 'TN333001' and status = 'candidate'")}
    assert candidates and query_rows(server, "aanbesteding_nieuws", procurement_id="TN333001") == []


def test_the_procurement_page_lists_every_notice_and_lot_as_the_tables_hold_them(server, archive):
    """The page of a procurement showed its awards, news and timeline; its notices (with their
    deadlines and TenderNed pages) and a lot that was not awarded (TN243310 lot 2) were nowhere."""
    for (pid,) in archive.execute("select procurement_id from procurements where procurement_id like 'TN%'"):
        notices = [dict(r) for r in archive.execute(
            "select publication_id, url, deadline from notices where procurement_id = ? order by published, "
            "publication_id", [pid])]
        lots = [dict(r) for r in archive.execute(
            "select lot_id, awarded, not_awarded_reason from lots where procurement_id = ? order by lot_id", [pid])]
        shown = query_rows(server, "aanbesteding_publicaties", procurement_id=pid)
        assert [(r["publication_id"], r["url"], r["sluitingsdatum"]) for r in shown] == \
            [(n["publication_id"], n["url"], n["deadline"]) for n in notices]
        assert [(r["perceel"], r["gegund"], r["reden_niet_gegund"])
                for r in query_rows(server, "aanbesteding_percelen", procurement_id=pid[2:])] == \
            [(lot["lot_id"], lot["awarded"], lot["not_awarded_reason"]) for lot in lots]
        page = html(server, f"/-/aanbesteding?id={pid}")
        assert f"Publicaties van een aanbesteding <small>({len(notices)})</small>" in page
        assert all(f'href="{n["url"]}"' in page for n in notices)
        if lots:
            assert f"Percelen van een aanbesteding <small>({len(lots)})</small>" in page
    page = html(server, "/-/aanbesteding?id=TN243310")
    section = page[page.index('data-query="aanbesteding_percelen"'):page.index('data-query="aanbesteding_gunningen"')]
    assert "Specialistische diagnostiek" in section and "De opdracht/het perceel wordt niet gegund" in section

def test_rows_link_to_the_pages_that_summarise_them(server):
    procurements = html(server, f"/{server.database}/procurements")
    assert 'href="/-/jeugdregio/JZ18"' in procurements
    assert 'href="/-/aanbesteding?id=TN243310">Gemeentelijke toegang Jeugdhulp Leidse Regio<' in procurements
    assert 'href="/-/aanbesteding?id=TN243310"' in html(server, f"/{server.database}/awards")
    assert 'href="/-/aanbieder?id=kvk%3A14012345"' in html(server, f"/{server.database}/award_suppliers")
    organisations = html(server, f"/{server.database}/organisations")
    assert 'href="/-/aanbieder?id=name%3Acardea">Cardea<' in organisations
    assert 'href="/-/opdrachtgever?id=GM0546">Gemeente Leiden<' in organisations
    assert 'href="/-/opdrachtgever?id=GM0546"' in html(server, f"/{server.database}/notices")
    assert 'href="/-/jeugdregio/JZ18">Holland Rijnland<' in html(server, f"/{server.database}/jeugdregios")
    home = html(server, "/")
    for href in ("/-/kaart", "/-/markt", f"/{server.database}/opdrachtgevers", f"/{server.database}/aanbieders",
                 f"/{server.database}/jeugdregio_overzicht"):
        assert f'href="{href}"' in home, href


def test_unknown_regions_buyers_and_providers_are_404(server):
    for path in ("/-/jeugdregio/JZ99", "/-/opdrachtgever?id=nobody", "/-/aanbieder?id=nobody",
                 "/-/aanbesteding?id=TN1"):
        with pytest.raises(urllib.error.HTTPError) as error:
            server.get(path)
        assert error.value.code == 404, path


def test_a_market_view_of_a_region_that_is_none_is_refused_and_its_page_says_so(server):
    """``marktbeeld?jeugdregio=Atlantis`` (a typo, a region that does not exist) listed every region's market, and
    ``/-/markt?jeugdregio=Atlantis`` showed it under the asked name in the form: a researcher read the whole
    country as that region. The saved search is answered 400 naming it (its CSV and export too,
    ``tests/datasette/test_query_params.py``); the page is a 404 naming it. A region given by code, name or
    municipality, and none, are as before."""
    everything = query_rows(server, "marktbeeld")
    assert len({r["jeugdregio_code"] for r in everything}) > 1
    for typo in ("Atlantis", "JZ99", "Holand Rijnland xyz"):
        with pytest.raises(urllib.error.HTTPError) as error:
            query_rows(server, "marktbeeld", jeugdregio=typo)
        assert error.value.code == 400 and f"jeugdregio: {typo!r} is no jeugdregio" in error.value.read().decode()
        with pytest.raises(urllib.error.HTTPError) as error:
            server.get("/-/markt?" + urllib.parse.urlencode({"jeugdregio": typo}))
        assert error.value.code == 404 and typo in html_unescape(error.value.read().decode()), typo
    for region in ("JZ18", "Holland Rijnland", "Leiden"):
        rows = query_rows(server, "marktbeeld", jeugdregio=region)
        assert rows and {r["jeugdregio_code"] for r in rows} == {"JZ18"}, region
        assert "JZ18" in html(server, "/-/markt?" + urllib.parse.urlencode({"jeugdregio": region}))
    assert query_rows(server, "marktbeeld", jeugdregio="  ") == everything


def test_the_map_colours_every_region_by_the_chosen_figure_and_links_it(server):
    overview = {r["jeugdregio_code"]: r for r in query_rows(server, "jeugdregio_overzicht")}
    for figure in ("aanbestedingen", "winnaars"):
        page = html(server, f"/-/kaart?maat={figure}")
        start = page.index('<svg xmlns="http://www.w3.org/2000/svg" role="group"')
        svg = page[start:page.index("</svg>", start)]
        shapes = re.findall(r'<a href="/-/jeugdregio/(JZ\d\d)" data-code="(JZ\d\d)" data-value="([^"]*)">'
                            r'<path d="[^"]+" fill="(#[0-9a-f]{6})"', svg)
        assert len(shapes) == 42 and {s[0] for s in shapes} == set(overview)
        for href, code, value, fill in shapes:
            assert href == code and value == str(overview[code][figure])
            assert (fill == "#f0f0f0") == (overview[code][figure] == 0)
        assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")     # no tiles, no remote images
    municipalities = html(server, "/-/kaart?laag=gemeenten&maat=gegunde_waarde_cents")
    assert len(re.findall(r'<a href="/-/jeugdregio/JZ\d\d" data-code="GM\d{4}"', municipalities)) == 342


def test_euro_is_exact_and_dutch():
    assert euro(1240000000) == "€ 12.400.000,00"
    assert euro(1125000050) == "€ 11.250.000,50"
    assert euro(5) == "€ 0,05" and euro(None) is None


def test_a_printed_amount_names_its_currency_where_it_is_not_the_euro_and_the_text_does_not():
    """What a view shows of a value without exact euro cents (``coalesce(euro(…), as_printed(…))``): an eForms amount's
    currency is a span of its own, an older form's a "Munt:" line, an OCDS amount's a field (tenderned-awards.md §2.4,
    §3.1, §4 "Currencies"), so the printed text alone read as euros."""
    from tenderarchive.datasette_plugin import as_printed

    assert as_printed("800 000", "GBP") == "800 000 GBP"
    assert as_printed("1 800 000,00", "USD") == "1 800 000,00 USD"
    assert as_printed("800 000", "Ruritaanse kroon") == "800 000 Ruritaanse kroon"  # an unknown currency, by its name
    # the text names it already; a euro's text and a placeholder's stay as printed
    assert as_printed("1 000 GBP", "GBP") == "1 000 GBP" and as_printed("800.000 Pond sterling", "GBP") == \
        "800.000 Pond sterling"
    assert as_printed("1", "EUR") == "1" and as_printed("n.v.t.", None) == "n.v.t." and as_printed(None, "GBP") is None


PLAN_PARAMS = {"jeugdregio": "JZ11", "opdrachtgever": "GM0392", "aanbieder": "kvk:34012345",
               "procurement_id": "TN312877", "jaar": "", "sinds": "", "pagina": "", "alle_gunningen": "", "voor": "",
           "crawl_id": "1"}
PER_ENTITY = [n for n in RESEARCH if set(QUERIES[n].get("params", [])) & {"jeugdregio", "opdrachtgever",
                                                                           "aanbieder", "procurement_id"}
              and n != "marktbeeld"]


@pytest.mark.parametrize("name", PER_ENTITY)
def test_a_region_buyer_or_provider_view_reads_through_indexes(demo_archive, name):
    """No full scan of a base table, and no lookup through an index that picks out most of a table
    (awards.current, procurements.youth_care, procurement_links.status) per row."""
    conn = sqlite3.connect(demo_archive)
    datasette_plugin.prepare_connection(conn, "_plan", None)
    params = {p: PLAN_PARAMS[p] for p in QUERIES[name].get("params", [])}
    plan = [row[3] for row in conn.execute("explain query plan " + QUERIES[name]["sql"], params)]
    aliases = set(re.findall(r"\b(?:from|join)\s+(?:notices|articles|awards|award_suppliers|procurements|events|"
                             r"lots|procurement_links|notice_municipalities|jeugdregio_membership)\s+(\w+)",
                             QUERIES[name]["sql"]))
    scans = [line for line in plan if re.match(r"SCAN (\w+)( |$)", line)
             and re.match(r"SCAN (\w+)", line).group(1) in aliases]
    assert not scans, (name, plan)
    assert not [line for line in plan if re.search(r"\((current|youth_care|status)=\?\)", line)], (name, plan)
    conn.close()


def test_an_unverified_membership_is_shown_flagged_not_hidden(demo_archive, tmp_path):
    from tests.datasette.archive_fixtures import Server, copy_archive

    path = copy_archive(demo_archive, tmp_path / "archive.db")
    conn = sqlite3.connect(path)
    year = conn.execute("select max(year) from jeugdregio_membership").fetchone()[0]
    with conn:   # synthetic: mark Katwijk's membership of Holland Rijnland as unverified
        conn.execute("update jeugdregio_membership set unverified = 1 where cbs_code = 'GM0537' and year = ?", [year])
    conn.close()
    server = Server(path)
    try:
        page = html(server, "/-/jeugdregio/JZ18")
        assert re.search(r'data-fact="Gemeenten">13<', page) and re.search(r'data-fact="Waarvan onbevestigd">1<', page)
        assert re.search(r'Katwijk</td>(?:(?!</tr>).)*<strong class="ta-unverified">onbevestigd</strong>', page, re.S)
        overview = {r["jeugdregio_code"]: r for r in query_rows(server, "jeugdregio_overzicht")}
        assert overview["JZ18"]["onbevestigd"] == 1 and overview["JZ18"]["gemeenten"] == 13
    finally:
        server.stop()


def test_each_organisation_links_to_the_record_that_first_named_it(server, demo_archive):
    """The organisations table's named_in (notices:…, awards:…, articles:…) links to that archived row,
    whose page shows the record: the evidence for the organisation, one click away."""
    with sqlite3.connect(demo_archive) as conn:
        named = dict(conn.execute("select organisation_id, named_in from organisations"))
    page = server.get(f"/{server.database}/organisations?_size=max").decode("utf-8")
    links = dict(re.findall(r'<a href="(/[^"]+/(?:notices|awards|articles)/[^"]+)">([^<]+)</a>', page))
    assert {html_unescape(v) for v in links.values()} == set(named.values())   # every row's record, linked
    assert {v.split(":", 1)[0] for v in named.values()} == {"notices", "awards", "articles"}
    for href, named_in in links.items():
        key = html_unescape(named_in).split(":", 1)[1]
        assert key in server.get(html_unescape(href)).decode("utf-8").replace("&amp;", "&"), href


@pytest.mark.parametrize("asked", ["tn312877", "TN 312877", "TN-312877", " 312877 "])
def test_the_procurement_page_takes_a_tn_number_however_it_is_written(server, asked):
    """``/-/aanbesteding?id=tn160417`` or ``id=TN 160417`` answered 404: the id is read as the glossary
    spells a kenmerk (TN + digits)."""
    page = html(server, "/-/aanbesteding?" + urllib.parse.urlencode({"id": asked}))
    assert 'data-query="aanbesteding_publicaties"' in page and "TN312877" in page


def test_the_procurement_page_takes_a_notices_publication_id_for_its_procurement(server, archive):
    """TenderNed's notice page (``…/aankondigingen/overzicht/300301``), a report's line and a notice's row show the
    publication id; ``/-/aanbesteding?id=300301`` answered "Geen aanbesteding gevonden". A number that is no
    procurement's kenmerk but a notice's publication id goes to that notice's procurement; a number that is
    neither is still not found."""
    publication_id, procurement_id = archive.execute(
        "select publication_id, procurement_id from notices where procurement_id = 'TN312877' "
        "order by publication_id limit 1").fetchone()
    assert str(publication_id) != "312877"
    page = html(server, f"/-/aanbesteding?id={publication_id}")
    assert 'data-query="aanbesteding_publicaties"' in page and "TN312877" in page
    with pytest.raises(urllib.error.HTTPError) as missing:
        server.get("/-/aanbesteding?id=999999999")
    assert missing.value.code == 404


@pytest.mark.parametrize("to", [(777001,), (777001, 777002)], ids=["to one", "to two"])
def test_the_page_of_a_procurement_whose_every_notice_moved_leads_to_where_they_are(snapshot, serve_api, crawl, to):
    """TenderNed moved both publications of procedure 243310 to another procedure (a changed ``kenmerk``, reference
    §3), and the archive keeps no procurement TN243310 any more: ``/-/aanbesteding?id=TN243310``, the page a crawl
    report, a feed entry or a bookmark of a journalist links, answered "Geen aanbesteding gevonden", though the
    archive knows where its notices went (their ``versions``). It goes to the procurement they are in now; to more
    than one, a page linking each. A kenmerk no notice ever had is still not found."""
    from tests.datasette.archive_fixtures import Server
    from tests.test_derive import _renumbered_crawls

    again = _renumbered_crawls(snapshot, serve_api, crawl, moved=(200201, 200288), to=to,
                               window={"from_date": "2020-06-15", "until_date": "2021-01-20"})
    assert not list(again.db.query("select 1 from procurements where procurement_id = 'TN243310'"))
    server = Server(again.db_path)
    try:
        if len(to) == 1:
            with urllib.request.urlopen(server.base + "/-/aanbesteding?id=TN243310", timeout=30) as response:
                landed, page = response.url, response.read().decode("utf-8")
            assert landed == server.base + "/-/aanbesteding?id=TN777001"
            assert 'data-query="aanbesteding_publicaties"' in page and "200201" in page and "200288" in page
        else:
            with pytest.raises(urllib.error.HTTPError) as moved:
                server.get("/-/aanbesteding?id=243310")
            page = moved.value.read().decode("utf-8")
            assert moved.value.code == 404 and "TenderNed verplaatste" in page
            assert 'href="/-/aanbesteding?id=TN777001"' in page and 'href="/-/aanbesteding?id=TN777002"' in page
        with pytest.raises(urllib.error.HTTPError) as missing:
            server.get("/-/aanbesteding?id=TN999999")
        assert missing.value.code == 404
    finally:
        server.stop()


def test_a_research_page_reads_its_dates_and_years_as_the_saved_searches_do(server, archive):
    """The research pages run the saved searches themselves, past ``query_params``: ``sinds=14-3-2021`` (a date as
    the Dutch write it, compared as text with "2021-…") listed every procurement of the region or none,
    ``sinds=gisteren`` none, ``jaar=alle`` (the form's placeholder) no market figure, each without a word, while the
    page's own links to the saved search were sent on or refused. A day-first date is that date; a value that is
    none is a 400 naming it."""
    import datetime as dt

    # the region whose procurements were last published on more than one day: the newest lists some, not all
    region, newest = archive.execute(
        "select jeugdregio_code, max(substr(last_published, 1, 10)) from summary_procurement_regions group by 1 "
        "having count(distinct substr(last_published, 1, 10)) > 1 order by 1 limit 1").fetchone()
    day = dt.date.fromisoformat(newest)

    def listed(path):
        return re.findall(r'href="/-/aanbesteding\?id=([^"]+)"', html(server, path))

    iso = listed(f"/-/jeugdregio/{region}?sinds={day.isoformat()}")
    assert iso and iso != listed(f"/-/jeugdregio/{region}")
    assert listed(f"/-/jeugdregio/{region}?sinds={day.day}-{day.month}-{day.year}") == iso
    for path in ("/-/jeugdregio/JZ18?sinds=gisteren", "/-/markt?jaar=alle", "/-/kaart?jaar=twintig"):
        with pytest.raises(urllib.error.HTTPError) as error:
            server.get(path)
        assert error.value.code == 400, path
        assert "is not a" in error.value.read().decode("utf-8"), path


def test_the_glossary_is_a_page_of_the_site_linked_from_the_home_page(server):
    """The saved searches, research pages and columns are named in Dutch, and their descriptions send the reader
    to "docs/glossary.md", a file of the repository a researcher in the browser cannot open: the site had no
    glossary. ``/-/woordenlijst`` is docs/glossary.md as a page (every word of its tables, its anchors working),
    linked from the home page, with the demo's label."""
    from tests.conftest import ROOT

    assert 'href="/-/woordenlijst"' in server.get("/").decode()
    page = server.get("/-/woordenlijst").decode()
    assert 'class="synthetic-demo"' in page
    text = html_unescape(re.sub(r"<[^>]+>", "", page))
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    words = [re.sub(r"[`*]", "", row.split("|")[1]).strip() for row in glossary.splitlines()
             if row.startswith("| ") and not row.startswith(("| word", "| id", "|---"))]
    assert len(words) > 50
    missing = [w for w in words if w and w not in text]
    assert missing == []
    anchors = set(re.findall(r'href="#([^"]+)"', page))
    assert anchors and all(f'id="{a}"' in page for a in anchors), anchors
    assert 'href="reference/' not in page  # a file of docs/ is no address of the site


def test_a_research_page_compiles_its_template_once(demo_archive):
    """research.html was compiled for every request: most of a research page's time (the procurement
    page ≈ 40 ms of CPU for a few milliseconds of SQL). It is compiled once per served Datasette."""
    from tests.datasette.archive_fixtures import run, served

    datasette = served(demo_archive)
    compiled = []
    from_string = datasette.jinja_env.from_string
    datasette.jinja_env.from_string = lambda source, *a, **k: compiled.append(1) or from_string(source, *a, **k)
    pages = ["/-/aanbesteding?id=TN243310", "/-/jeugdregio/JZ18", "/-/markt", "/-/aanbesteding?id=TN243310"]
    texts = [run(datasette.client.get(page)) for page in pages]
    assert all(r.status_code == 200 for r in texts)
    assert texts[0].text == texts[-1].text and "TN243310" in texts[0].text
    assert len(compiled) <= 1


@pytest.mark.parametrize("path", ["/-/jeugdregio/JZ18", "/-/aanbesteding?id=TN243310", "/-/markt", "/-/kaart",
                                  "/-/woordenlijst"])
def test_a_research_page_says_its_text_is_dutch(server, path):
    """The research pages are written in Dutch in a site whose pages say no language (Datasette's ``<html>`` has no
    ``lang``): a screen reader read "Marktbeeld per jeugdregio en jaar" with its English voice (WCAG 3.1.1). The
    page's own part is ``lang="nl"``, the heading and text in it."""
    page = server.get(path).decode("utf-8")
    match = re.search(r'<div class="ta-research"[^>]*\blang="nl"[^>]*>\s*<h1>', page)
    assert match, page[:400]


@pytest.mark.parametrize("path", ["/-/jeugdregio/JZ18", "/-/aanbesteding?id=TN243310", "/-/markt"])
def test_a_research_page_names_each_link_so_that_one_name_is_one_target(server, path):
    """Each section of a research page linked "als zoekopdracht", "CSV" and "Atom": a screen reader's list of the
    page's links (how its users find a link) had five "CSV"s leading to five files, nothing to tell them apart.
    A link's name (its ``aria-label``, else its text) is one target on the page, and holds the word it shows."""
    page = server.get(path).decode("utf-8")
    targets: dict[str, set[str]] = {}
    for attributes, text in re.findall(r"<a\s([^>]*)>(.*?)</a>", page, re.S):
        href = re.search(r'href="([^"]*)"', attributes)
        label = re.search(r'aria-label="([^"]*)"', attributes)
        shown = html_unescape(re.sub(r"<[^>]+>", "", text)).strip()
        name = html_unescape(label.group(1)) if label else shown
        assert shown.lower() in name.lower()
        if href and name:
            targets.setdefault(" ".join(name.split()).lower(), set()).add(html_unescape(href.group(1)))
    assert any(name.startswith("csv van") for name in targets), sorted(targets)
    assert {name: hrefs for name, hrefs in targets.items() if len(hrefs) > 1} == {}


@pytest.mark.parametrize("path", ["/-/kaart", "/-/kaart?laag=gemeenten", "/-/jeugdregio/JZ18"])
def test_the_map_s_links_are_not_inside_an_image(server, path):
    """The map was ``<svg role="img">`` around a link per region: WAI-ARIA 1.2 makes an img's children
    presentational, so a screen reader that follows it (VoiceOver) announced one picture and none of the 42 (or 342)
    links a sighted user clicks. The map is a named group; no element with role img holds a link."""
    page = html(server, path)
    maps = re.findall(r'<svg\b[^>]*class="ta-map"[^>]*>.*?</svg>', page, re.S)
    assert maps and all("<a " in svg for svg in maps)
    for svg in maps:
        opening = re.match(r"<svg\b[^>]*>", svg).group(0)
        assert 'role="img"' not in opening and re.search(r'aria-label="Kaart: [^"]+"', opening), opening


def test_the_glossary_s_english_text_is_marked_english(server):
    """The research pages' part is ``lang="nl"``; the glossary explains the Dutch words in English, and its tables
    and paragraphs say so, the page's Dutch heading and introduction staying Dutch."""
    page = server.get("/-/woordenlijst").decode("utf-8")
    body = re.search(r'<div class="ta-body" lang="en">(.*)', page, re.S)
    assert body and "<table>" in body.group(1) and "a procurement (tender) procedure" in body.group(1)


def test_the_procurement_pages_news_says_why_each_article_is_linked(server, archive):
    """The news section of a procurement's research page gave each linked article's score but not
    the evidence behind it (TenderNed reference, places, jeugdregio, title words, time): a reader could
    not tell a link by kenmerk from one by shared places alone. Each row now names its reasons, those
    the link stored."""
    stored = {r["url"]: json.loads(r["reasons"]) for r in archive.execute(
        "select url, reasons from procurement_links where procurement_id = 'TN160417' and status = 'linked'")}
    assert stored
    rows = query_rows(server, "aanbesteding_nieuws", procurement_id="TN160417")
    assert {r["url"]: r["redenen"].split(", ") for r in rows} == stored
    page = html(server, "/-/aanbesteding?id=TN160417")
    section = page[page.index('data-query="aanbesteding_nieuws"'):page.index('data-query="procurement_timeline"')]
    for reasons in stored.values():
        assert all(reason in section for reason in reasons)


@pytest.mark.parametrize("path", ["/-/jeugdregio/JZ18", "/-/aanbesteding?id=TN160417", "/-/opdrachtgever?id=GM0546",
                                  "/-/aanbieder?id=kvk:14012345", "/-/markt", "/-/kaart"])
def test_every_column_of_a_research_page_is_described(server, path):
    """The README promises that every table on the research pages is a saved search "with its columns documented";
    the procurement page's timeline (``procurement_timeline``) listed its nine columns under "Kolommen" with no word
    on any of them (date, precision, kind, source_type …). Every column a section shows has its description."""
    page = html(server, path)
    described = re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", page)
    assert described
    assert [column for column, text in described if not text.strip()] == []


#: What a column's description says it links to, and where such a link goes.
LINK_TARGETS = {"the region page": "/-/jeugdregio/", "the buyer page": "/-/opdrachtgever?id=",
                "the provider page": "/-/aanbieder?id=", "the procurement's page": "/-/aanbesteding?id=",
                "the procurement's timeline": "/archive/procurement_timeline?", "its row": "/archive/notices/"}


@pytest.mark.parametrize("name", [name for name in RESEARCH
                                  if any("links to" in text for text in QUERIES[name]["columns"].values())])
def test_a_column_links_where_its_description_says(server, name):
    """The column descriptions said procurement_id "links to the procurement's timeline", where it links to the
    procurement's page (/-/aanbesteding: its notices, lots, winners, news and timeline), and the publication_id of
    a procurement's notices "links to its row", where it linked nowhere. Every filled cell of a column described as
    linking links where the description says."""
    params = {p: EXAMPLE[p] for p in QUERIES[name].get("params", [])}
    page = html(server, f"/{server.database}/{name}?{urllib.parse.urlencode(params)}")
    for column, text in QUERIES[name]["columns"].items():
        if "links to" not in text:
            continue
        target = [href for said, href in LINK_TARGETS.items() if f"links to {said}" in text]
        assert len(target) == 1, (column, text)
        cells = re.findall(rf'<td class="col-{column}">(.*?)</td>', page, re.S)
        assert cells, (name, column)
        for cell in [c for c in cells if c.strip() not in ("", "&nbsp;")]:
            link = re.fullmatch(r'<a href="([^"]*)">[^<]*</a>', cell.strip())
            assert link and html_unescape(link.group(1)).startswith(target[0]), (name, column, cell)


def test_the_region_pages_small_map_names_the_regions_without_figures_it_does_not_have(server):
    """The small map of a region page highlights the region; its shapes' titles (what a pointer shows, and each
    link's name to a screen reader) said "Holland Rijnland: geen gegevens" on Zuid Kennemerland's page, though the
    archive holds Holland Rijnland's procurements, and "Zuid Kennemerland: 1", a figure of nothing. Each shape is
    named by its region; the highlighted one says it is this region."""
    page = html(server, "/-/jeugdregio/JZ11")
    svg = re.search(r'<svg\b[^>]*class="ta-map".*?</svg>', page, re.S).group(0)
    titles = dict(re.findall(r'data-code="(JZ\d\d)"[^>]*>.*?<title>([^<]*)</title>', svg, re.S))
    assert len(titles) == 42
    assert titles["JZ11"] == "Zuid Kennemerland (deze jeugdregio)"
    assert titles["JZ18"] == "Holland Rijnland"
    assert not [t for t in titles.values() if "gegevens" in t or ":" in t]


def test_the_maps_titles_give_money_and_fractions_the_dutch_way(server, archive):
    """The map's titles (what a pointer shows over a region, and each region link's name to a screen reader) gave
    the awarded value as Python wrote the float of euros: "Zuid Kennemerland: 17250000.5", "Holland Rijnland:
    9800000.0", beside a legend and pages that write "€ 17.250.000,50". Money is exact Dutch euro text, a share a
    decimal comma, a count as it is."""
    overview = {r["jeugdregio_code"]: r for r in query_rows(server, "jeugdregio_overzicht")}

    def titles(path):
        return dict(re.findall(r'data-code="(JZ\d\d|GM\d{4})"[^>]*>.*?<title>([^<]*)</title>', html(server, path), re.S))

    value = titles("/-/kaart?maat=gegunde_waarde_cents")
    assert value["JZ11"] == "Zuid Kennemerland: " + euro(overview["JZ11"]["gegunde_waarde_cents"])  # € 17.250.000,50
    assert value["JZ18"] == "Holland Rijnland: € 9.800.000,00"
    assert titles("/-/kaart?maat=gegunde_waarde_cents&laag=gemeenten")["GM0546"] == \
        "Leiden (Holland Rijnland): € 9.800.000,00"
    share = overview["JZ11"]["aandeel_grootste_pct"]
    assert titles("/-/kaart?maat=aandeel_grootste_pct")["JZ11"] == f"Zuid Kennemerland: {share:.1f}".replace(".", ",")
    assert titles("/-/kaart?maat=aanbestedingen")["JZ18"] == f"Holland Rijnland: {overview['JZ18']['aanbestedingen']}"


@pytest.mark.parametrize("asked", ["gm0546", "Gemeente Leiden", "gemeente leiden", "Leiden"])
def test_the_buyer_page_finds_a_buyer_by_its_id_in_any_case_or_by_its_name(server, asked):
    """The region page takes a code, a name or a municipality (/-/jeugdregio/leiden), the procurement page a TN
    number however written, the provider page a KvK number or a name; the buyer page answered 404 "Geen
    opdrachtgever gevonden met id “Gemeente Leiden”" to the buyer's own name, and to its id in lower case. The one
    buyer so named is found: the page sends the reader to its id's page."""
    with urllib.request.urlopen(f"{server.base}/-/opdrachtgever?{urllib.parse.urlencode({'id': asked})}",
                                timeout=30) as response:
        assert response.url == f"{server.base}/-/opdrachtgever?id=GM0546"
        assert "<h1>Opdrachtgever Gemeente Leiden</h1>" in response.read().decode("utf-8")


def test_a_procurement_known_only_from_news_links_its_news_page_not_tenderned(tmp_path):
    """A procurement known only from the news (``NEWS-…``: no TenderNed publication) had its page say "Kenmerk
    NEWS-0d4eed8a15", as if TenderNed's, and link "Op TenderNed" to the municipality's news page it came from.
    Its page names it by its id, says it is known from the news, and links "Het nieuwsbericht"; a TenderNed
    procurement keeps its kenmerk and "Op TenderNed"."""
    from tests.datasette.archive_fixtures import run, served
    from tests.fixtures.news.serve import serve_sites
    from tests.spiders.test_news import crawl_news, write_registry

    with serve_sites() as base_urls:
        assert crawl_news(write_registry(tmp_path, base_urls), tmp_path / "news.db").returncode == 0
    conn = sqlite3.connect(tmp_path / "news.db")
    pid, url = conn.execute("select procurement_id, url from procurements where source = 'news' "
                            "order by procurement_id limit 1").fetchone()
    conn.close()
    assert pid.startswith("NEWS-")
    page = run(served(tmp_path / "news.db").client.get("/-/aanbesteding?" + urllib.parse.urlencode({"id": pid}))).text
    assert 'data-fact="Kenmerk"' not in page and re.search(rf'data-fact="Id">{pid}<', page)
    assert re.search(r'data-fact="Bekend uit">nieuws', page)
    assert "Op TenderNed" not in page and f'<a href="{url}">Het nieuwsbericht</a>' in page


def test_a_url_column_says_where_a_news_only_procurement_links(tmp_path):
    """The region's and the buyer's procurements described their url as "the procurement on TenderNed"; for a
    procurement known only from the news it is the news page it came from. Every research list whose rows give
    such a procurement's url says so."""
    from tests.datasette.archive_fixtures import run, served
    from tests.fixtures.news.serve import serve_sites
    from tests.spiders.test_news import crawl_news, write_registry

    with serve_sites() as base_urls:
        assert crawl_news(write_registry(tmp_path, base_urls), tmp_path / "news.db").returncode == 0
    datasette = served(tmp_path / "news.db")
    checked = 0
    for name in RESEARCH:
        columns = QUERIES[name]["columns"]
        if not {"procurement_id", "url"} <= set(columns):
            continue
        params = {p: {"jeugdregio": "JZ29"}.get(p, "") for p in QUERIES[name].get("params", [])}
        answer = run(datasette.client.get(f"/news/{name}.json?" + urllib.parse.urlencode({**params, "_shape": "array"})))
        news_only = [r for r in answer.json() if str(r["procurement_id"]).startswith("NEWS-")]
        if news_only:
            checked += 1
            assert all("tenderned" not in r["url"] for r in news_only)
            assert "news" in columns["url"], (name, columns["url"])
    assert checked


def test_an_awards_and_a_lots_notice_links_to_the_notice_that_gave_them(server):
    """`awards.publication_id` (the notice that gave the award's current values, a rectification's once it corrected
    them), `awards.rectifies` (the award notice it corrects) and `lots.publication_id` are notices' publication ids,
    but the tables have no foreign key to `notices` (they are keyed by procedure and lot): the cells linked nowhere,
    and a researcher asking "which notice says this" copied the number into another page. Each links to the
    notice's row, as `aanbesteding_gunningen`'s notice does."""
    for table in ("awards", "lots"):
        ids = {str(r["publication_id"]) for r in get_json(server, f"/{server.database}/{table}", _size="max")
               if r["publication_id"]}
        assert ids, table
        page = html(server, f"/{server.database}/{table}?_size=max")
        cells = re.findall(r'<td class="col-publication_id[^"]*">(.*?)</td>', page, re.S)
        linked = {m.group(1) for c in cells if (m := re.fullmatch(
            rf'<a href="/{server.database}/notices/(\d+)">\d+</a>', c.strip()))}
        assert linked == ids, table
    awards = query_rows(server, "aanbesteding_gunningen", procurement_id="TN243310")
    assert awards and all(r["publication_id"] for r in awards)


#: The tables whose rows carry their provenance (store/schema.py PROVENANCE) and have some on the demo archive.
PROVENANCE_TABLES = ("notices", "documents", "articles", "organisations", "notice_results", "lots", "awards",
                     "ocds_parties", "events", "article_events", "fetches")


@pytest.mark.parametrize("table", PROVENANCE_TABLES)
def test_every_rows_crawl_and_raw_response_link_to_their_rows(server, archive, table):
    """A row's evidence is its crawl (`crawl_id`, an award's or a lot's `first_crawl_id`) and the raw response it
    was read from (`sha256`, which `fetches` indexes with the response's URL, time, WARC file and offset). The cells
    linked nowhere (no foreign key for Datasette to follow), on the table page and the row's own: a researcher asking
    "which crawl, which response says this" copied the number into another page. Each filled cell links to the
    crawl's row, and each sha256 to the fetches of that response, which hold it (the response is in the raw store);
    `fetches`' own sha256 is the response itself."""
    columns = [r["name"] for r in archive.execute(f"select name from pragma_table_info('{table}')")]
    page = html(server, f"/{server.database}/{table}?_size=max")
    rows = get_json(server, f"/{server.database}/{table}", _size="max")
    checked = 0
    for column in [c for c in ("crawl_id", "first_crawl_id") if c in columns]:
        values = {str(r[column]) for r in rows if r[column] is not None}
        cells = re.findall(rf'<td class="col-{column}[^"]*">(.*?)</td>', page, re.S)
        linked = {m.group(1) for c in cells if (m := re.fullmatch(
            rf'<a href="/{server.database}/crawls/(\d+)">\d+</a>', c.strip()))}
        assert values and linked == values, (table, column)
        for crawl_id in linked:
            assert get_json(server, f"/{server.database}/crawls/{crawl_id}")[0]["crawl_id"] == int(crawl_id)
        checked += 1
    cells = re.findall(r'<td class="col-sha256[^"]*">(.*?)</td>', page, re.S)
    if table == "fetches":
        assert cells and all(re.fullmatch(r"[0-9a-f]{64}", c.strip()) for c in cells)
    elif "sha256" in columns:
        values = {r["sha256"] for r in rows if r["sha256"]}
        linked = {m.group(1) for c in cells if (m := re.fullmatch(
            rf'<a href="/{server.database}/fetches\?sha256=([0-9a-f]{{64}})">\1</a>', c.strip()))}
        assert values and linked == values, table
        for sha256 in sorted(linked)[:3]:
            fetched = get_json(server, f"/{server.database}/fetches", sha256=sha256)
            assert fetched and {f["sha256"] for f in fetched} == {sha256}
            assert all(f["warc_file"] and f["warc_offset"] is not None for f in fetched)
        checked += 1
    assert checked
    # the row's own page links them alike
    first = rows[0]
    key = archive.execute(f"select group_concat(name) from (select name from pragma_table_info('{table}') "
                          "where pk order by pk)").fetchone()[0]
    if key and "," not in key and first.get("crawl_id") is not None:
        from datasette.utils import tilde_encode

        row_page = html(server, f"/{server.database}/{table}/{tilde_encode(str(first[key]))}")
        assert f'<a href="/{server.database}/crawls/{first["crawl_id"]}">' in row_page, table


def test_a_crawls_warc_file_links_to_the_fetches_it_holds(server, archive):
    """The other way from a row's crawl: a crawl's row named its WARC file as text, and nothing on the crawl's page
    led to the responses it fetched. Each crawl's `warc_file` links to the fetches that file holds, on the table page
    and the crawl's own page, and those are the crawl's."""
    crawls = get_json(server, f"/{server.database}/crawls", _size="max")
    page = html(server, f"/{server.database}/crawls?_size=max")
    cells = re.findall(r'<td class="col-warc_file[^"]*">(.*?)</td>', page, re.S)
    linked = {html_unescape(m.group(1)) for c in cells if (m := re.fullmatch(
        rf'<a href="/{server.database}/fetches\?warc_file=([^"]+)">[^<]+</a>', c.strip()))}
    files = {urllib.parse.quote_plus(c["warc_file"]) for c in crawls if c["warc_file"]}
    assert files and linked == files
    for crawl in crawls:
        fetched = get_json(server, f"/{server.database}/fetches", warc_file=crawl["warc_file"], _size="max")
        assert fetched and {f["crawl_id"] for f in fetched} == {crawl["crawl_id"]}
        assert len(fetched) == archive.execute("select count(*) from fetches where crawl_id = ?",
                                               [crawl["crawl_id"]]).fetchone()[0]
        row_page = html(server, f"/{server.database}/crawls/{crawl['crawl_id']}")
        assert f'<a href="/{server.database}/fetches?warc_file={urllib.parse.quote_plus(crawl["warc_file"])}">' \
            in row_page


def _a_demo_archive_with_changes(demo_archive, tmp_path) -> str:
    """A copy of the demo archive whose procurement TN160417 changed between crawls (``versions`` rows of it, its
    notice, lot and award), and a notice of another procurement too."""
    import shutil

    import sqlite_utils

    path = shutil.copy(demo_archive, tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    changed = [("procurements", "TN160417", "2018-07-03T10:00:00+00:00", {"deadline": "2018-05-31T12:00:00+02:00"},
                {"deadline": "2018-06-07T12:00:00+02:00"}),
               ("notices", "100101", "2018-07-03T10:00:00+00:00", {"deadline": "2018-05-31T12:00:00+02:00"}, {}),
               ("lots", '["TN160417", "1"]', "2018-11-21T10:00:00+00:00", {"tenders_received": 2},
                {"tenders_received": 3}),
               ("awards", "TN160417/100190/1", "2018-11-22T10:00:00+00:00", {"value_cents": 1200000000},
                {"value_cents": 1150000000}),
               ("notices", "200201", "2020-07-01T10:00:00+00:00", {"title": "Jeugdhulp"}, {})]   # another procurement
    db["versions"].insert_all([{"table_name": table, "row_key": key, "version": 1, "valid_from": None,
                                "valid_to": when, "changed_columns": json.dumps(list(was)),
                                "previous_values": json.dumps(was), "new_values": json.dumps(now), "crawl_id": 2}
                               for table, key, when, was, now in changed])
    db.close()
    return path


def test_the_procurement_page_shows_what_changed_in_it_between_crawls(demo_archive, tmp_path):
    """Researchers follow "what changed" per procurement (a moved deadline, a winner corrected), and the archive
    keeps it (``versions``), but the procurement page showed its notices, lots, awards, news and timeline and
    not one change: only the ``changes`` view of every record, by row key. The page has a section "Wijzigingen van
    een aanbesteding" (``aanbesteding_wijzigingen``): the changes of the procurement, its notices and their
    results, its lots and its awards, latest first, and none of another procurement."""
    from tests.datasette.archive_fixtures import Server

    path = _a_demo_archive_with_changes(demo_archive, tmp_path)
    server = Server(path)
    try:
        rows = query_rows(server, "aanbesteding_wijzigingen", procurement_id="160417")
        page = html_unescape(html(server, "/-/aanbesteding?id=TN160417"))
        feed = ET.fromstring(server.get(f"/{server.database}/aanbesteding_wijzigingen.atom?procurement_id=TN160417"))
    finally:
        server.stop()
    assert [(r["tabel"], r["sleutel"]) for r in rows] == [
        ("awards", "TN160417/100190/1"), ("lots", '["TN160417", "1"]'), ("notices", "100101"),
        ("procurements", "TN160417")]
    assert "<h2>Wijzigingen van een aanbesteding <small>(4)</small></h2>" in page
    assert "Number of tenders received (tenders_received): 2" in page
    assert len(feed.findall(f"{ATOM}entry")) == 4


def test_the_change_feed_of_a_procurement_whose_every_notice_moved_says_it_is_gone(snapshot, serve_api, crawl):
    """TenderNed moved both publications of procedure 243310 to procedure 777001 and the derivation took TN243310
    out of the archive: the feed of its changes a journalist follows (``aanbesteding_wijzigingen``) went silent, its
    keys read from the procurements left. It tells the removal once, from the version the derivation keeps, where
    the notices went, linking the procurement's page (which leads there); the rows keep the stored values."""
    from tests.datasette.archive_fixtures import Server
    from tests.test_derive import _renumbered_crawls

    again = _renumbered_crawls(snapshot, serve_api, crawl, moved=(200201, 200288),
                               window={"from_date": "2020-06-15", "until_date": "2021-01-20"})
    server = Server(again.db_path)
    try:
        feed = ET.fromstring(server.get(f"/{server.database}/aanbesteding_wijzigingen.atom?procurement_id=TN243310"))
        rows = query_rows(server, "aanbesteding_wijzigingen", procurement_id="243310")
    finally:
        server.stop()
    [entry] = [e for e in feed.findall(f"{ATOM}entry") if "TN243310" in e.findtext(f"{ATOM}title")]
    assert entry.findtext(f"{ATOM}title") == "procurements TN243310 — verdwenen"
    assert (entry.findtext(f"{ATOM}content") or entry.findtext(f"{ATOM}summary")) == (
        "procurement TN243310 is gone: its notices moved to TN777001")
    assert entry.find(f"{ATOM}link").get("href").endswith("/-/aanbesteding?id=TN243310")
    [row] = [r for r in rows if r["tabel"] == "procurements"]
    assert json.loads(row["was"])["publication_ids"] == "[200201, 200288]" and json.loads(row["werd"])["title"] is None


def test_the_procurement_pages_changes_show_amounts_in_euros(demo_archive, tmp_path):
    """The section "Wijzigingen van een aanbesteding" showed a corrected award's earlier value as the archive stores
    it, ``{"value_cents": 1200000000}``: a hundred times the amount to a reader. The page shows it in euros,
    "Value of the award (value_cents): € 12.000.000,00" (since refusers41 in words); the saved search's own rows
    keep the stored cents."""
    from tests.datasette.archive_fixtures import Server

    server = Server(_a_demo_archive_with_changes(demo_archive, tmp_path))
    try:
        rows = query_rows(server, "aanbesteding_wijzigingen", procurement_id="160417")
        page = html_unescape(html(server, "/-/aanbesteding?id=TN160417"))
    finally:
        server.stop()
    assert "Value of the award (value_cents): € 12.000.000,00" in page and "1200000000" not in page
    assert "Number of tenders received (tenders_received): 2" in page
    assert json.loads(next(r["was"] for r in rows if r["tabel"] == "awards")) == {"value_cents": 1200000000}


def test_a_procurements_changes_leave_out_the_archives_bookkeeping_of_a_corrected_award(demo_archive, tmp_path):
    """A crawl re-reads award notice 100190 from a later release that corrects lot 1's award (€ 12.400.000,00 →
    € 11.900.000,00, SYNTHETIC) and names a third winner: the store keeps the award's earlier values in
    ``versions`` with its bookkeeping (``release_ids``, ``source_file``, ``winner_count``), which the crawl report
    leaves out. The procurement page's section "Wijzigingen van een aanbesteding" and its Atom feed showed them
    beside the amount ("release_ids: — → ["r2"]; source_file: — → 2018b.json; value: …; winner_count: 2 → 3"). They
    say the value alone, its columns in words; the saved search's rows keep what the archive stored. A later crawl
    reading the award from yet another release (its bookkeeping alone changed) is no change there, as in
    ``changed_notices``."""
    import shutil

    import sqlite_utils

    from tenderarchive.store.writes import write_results
    from tests.datasette.archive_fixtures import Server

    path = shutil.copy(demo_archive, tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    notice = next(db.query("select * from notices where publication_id = 100190"))
    awards = [{"award": dict(award, value_cents=award["value_cents"] - 50000000, release_ids='["r2"]',
                             source_file="2018b.json", winner_count=award["winner_count"] + 1),
               "lot_id": award["lot_id"],
               "suppliers": list(db.query("select * from award_suppliers where award_id = ?", [award["award_id"]]))}
              for award in db.query("select * from awards where publication_id = 100190")]
    results = {"notice_result": next(db.query("select * from notice_results where publication_id = 100190")),
               "lots": list(db.query("select * from lots where publication_id = 100190")), "awards": awards}
    db["crawls"].insert({"crawl_id": 4, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    with db.conn:
        assert write_results(db, notice, results, 4)
    # crawl 5 reads the award from yet another release, nothing else changed: no change a reader sees
    for award in awards:
        award["award"] = dict(award["award"], release_ids='["r3"]')
    db["crawls"].insert({"crawl_id": 5, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    with db.conn:
        write_results(db, notice, results, 5)
    assert db.execute("select count(*) from versions where crawl_id = 5").fetchone()[0] == 1
    db.close()
    server = Server(path)
    try:
        page = html_unescape(html(server, "/-/aanbesteding?id=TN160417"))
        feed = ET.fromstring(server.get(f"/{server.database}/aanbesteding_wijzigingen.atom?procurement_id=TN160417"))
        rows = query_rows(server, "aanbesteding_wijzigingen", procurement_id="160417")
    finally:
        server.stop()
    section = page[page.index("<h2>Wijzigingen van een aanbesteding"):]
    section = section[section.index("<tbody>"):section.index("</tbody>")]
    assert '<td class="col-was">Value of the award (value_cents): € 12.400.000,00</td>' in section
    assert '<td class="col-werd">Value of the award (value_cents): € 11.900.000,00</td>' in section
    assert '<td class="col-kolommen">Value of the award (value_cents)</td>' in section
    assert not any(word in section for word in ("release_ids", "source_file", "2018b.json", "winner_count"))
    entries = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}content") or e.findtext(f"{ATOM}summary")
               for e in feed.findall(f"{ATOM}entry")}
    assert entries == {"awards TN160417/100190/1 — gewijzigd: Value of the award (value_cents)":
                       "Value of the award (value_cents): € 12.400.000,00 → € 11.900.000,00"}   # the page's words
    [row] = rows
    assert json.loads(row["werd"]) == {"release_ids": '["r2"]', "source_file": "2018b.json", "value_cents": 1190000000,
                                       "winner_count": 3}


def test_the_feed_of_a_procurements_changes_tells_each_change_in_words(demo_archive, tmp_path):
    """The Atom feed of ``aanbesteding_wijzigingen`` (journalists follow a procurement's changes in a feed reader)
    gave each entry's text as the two JSON objects, ``was: {"value": "€ 12.000.000,00"} / werd: {…}``, and its
    title the stored list, ``gewijzigd: ["value_cents"]``: JSON to a reader, where the ``changed_notices`` feed
    says each change in words since refusers22. The title names the columns ("gewijzigd: tenders_received") and
    the text says each change, "value: € 12.000.000,00 → € 11.500.000,00", an amount in euros, "was …" alone
    where the version recorded no new value; since refusers42 each in the research pages' words (``change_words``:
    "Current closing date for tenders (deadline): 31 mei 2018 12:00", not the stored column and an ISO date); the
    rows, CSV and JSON keep the stored JSON."""
    from tests.datasette.archive_fixtures import Server

    server = Server(_a_demo_archive_with_changes(demo_archive, tmp_path))
    try:
        feed = ET.fromstring(server.get(f"/{server.database}/aanbesteding_wijzigingen.atom?procurement_id=TN160417"))
        rows = query_rows(server, "aanbesteding_wijzigingen", procurement_id="160417")
    finally:
        server.stop()
    entries = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}content") or e.findtext(f"{ATOM}summary")
               for e in feed.findall(f"{ATOM}entry")}
    assert entries == {
        "awards TN160417/100190/1 — gewijzigd: Value of the award (value_cents)":
            "Value of the award (value_cents): € 12.000.000,00 → € 11.500.000,00",
        'lots ["TN160417", "1"] — gewijzigd: Number of tenders received (tenders_received)':
            "Number of tenders received (tenders_received): 2 → 3",
        "notices 100101 — gewijzigd: Current closing date for tenders (deadline)":
            "Current closing date for tenders (deadline): was 31 mei 2018 12:00",
        "procurements TN160417 — gewijzigd: Current closing date (deadline)":
            "Current closing date (deadline): 31 mei 2018 12:00 → 7 juni 2018 12:00"}
    award = next(r for r in rows if r["tabel"] == "awards")
    assert json.loads(award["was"]) == {"value_cents": 1200000000} and award["kolommen"] == '["value_cents"]'


def test_a_crawls_counts_link_to_the_notices_it_archived_new_or_changed(snapshot, serve_api, crawl):
    """A journalist reading "crawl 2: 0 new, 1 changed" in ``crawls`` could not click through: the rows a crawl wrote
    carry its id, but nothing led from the crawl to them. Its ``items_new`` and ``items_updated`` link to the saved
    search ``crawl_wijzigingen`` of the crawl, which lists as many new and changed records as they count, with the
    columns the crawl changed; a notice crawl 1 archived and crawl 2 changed stays in crawl 1's list, as new."""
    from tests.datasette.archive_fixtures import Server

    server = serve_api(snapshot)
    first = crawl(server.api_url)
    assert first.returncode == 0, first.output
    by_id(server.api.publications, 100101)["detail"]["sluitingsDatum"] = "2018-07-13T12:00:00"
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False")
    assert second.returncode == 0, second.output
    crawls = {c["crawl_id"]: c for c in second.db["crawls"].rows}
    assert crawls[1]["items_new"] > 1 and crawls[2]["items_new"] == 0 and crawls[2]["items_updated"] >= 1
    site = Server(second.db_path)
    try:
        lists = {crawl_id: query_rows(site, "crawl_wijzigingen", crawl_id=crawl_id) for crawl_id in crawls}
        table_page = html(site, f"/{site.database}/crawls")
        row_page = html(site, f"/{site.database}/crawls/2")
    finally:
        site.stop()
    for crawl_id, row in crawls.items():
        said = Counter(r["wat"] for r in lists[crawl_id])
        assert (said["nieuw"], said["gewijzigd"]) == (row["items_new"], row["items_updated"]), (crawl_id, said)
    [changed] = [r for r in lists[2] if r["wat"] == "gewijzigd" and r["sleutel"] == "100101"]
    assert "deadline" in json.loads(changed["kolommen"]) and changed["later_crawl_id"] is None
    [first_seen] = [r for r in lists[1] if r["sleutel"] == "100101"]
    assert (first_seen["wat"], first_seen["later_crawl_id"], first_seen["kolommen"]) == ("nieuw", 2, None)
    for crawl_id, row in crawls.items():
        for column in ("items_new", "items_updated"):
            link = f'<a href="/{site.database}/crawl_wijzigingen?crawl_id={crawl_id}">{row[column]}</a>'
            assert (link in table_page) == bool(row[column]), (crawl_id, column)
    assert f'<a href="/{site.database}/crawl_wijzigingen?crawl_id=2">{crawls[2]["items_updated"]}</a>' in row_page


def test_the_procurement_pages_timeline_is_named_in_dutch_as_its_other_sections(server):
    """The procurement page's sections are Dutch ("Publicaties van een aanbesteding": gepubliceerd, soort, titel …)
    but its timeline was "Timeline of a procurement" with the columns date, precision, kind, stage, sentence,
    source_type …. It is "Tijdlijn van een aanbesteding", its columns named with the glossary's words
    (docs/glossary.md); the saved search's CSV, JSON and feed keep their column names (exports read them)."""
    page = html(server, "/-/aanbesteding?id=TN160417")
    section = page[page.index('data-query="procurement_timeline"'):]
    section = section[:section.index("</section>")]
    assert "<h2>Tijdlijn van een aanbesteding <small>" in section
    headers = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', section)
    assert headers == ["datum", "precisie", "soort", "fase", "zin", "bron", "bron_id", "url", "procurement_id"]
    assert re.findall(r"<dt>([^<]*)</dt>", section) == headers   # its "Kolommen" too
    from tests.conftest import ROOT

    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    words = {w.strip(" `") for row in glossary.splitlines() if row.startswith("| ")
             for w in re.split(r"[,;()]", row.split("|")[1])}
    assert [h for h in headers if h not in words and h not in ("url", "procurement_id")] == []
    assert "| tijdlijn |" in glossary
    # the data keep the stored names, as the saved search's page, CSV and feed do
    rows = query_rows(server, "procurement_timeline", procurement_id="TN160417")
    assert rows and {"date", "precision", "kind", "stage", "sentence", "source_type"} <= set(rows[0])
    csv_header = server.get(f"/{server.database}/procurement_timeline.csv?procurement_id=TN160417").decode()
    assert csv_header.splitlines()[0].startswith("date,precision,kind,stage,sentence,source_type")


def test_the_procurement_pages_facts_say_their_dates_as_its_tables_do(server, archive):
    """The fact box of a procurement page gave "Eerste publicatie 2018-03-13" above tables that say "13 maart
    2018": one date style, the stored date in the element's ``datetime`` and ``title``."""
    first, last = archive.execute(
        "select first_published, last_published from procurements where procurement_id = 'TN160417'").fetchone()
    assert (first, last) == ("2018-03-13", "2018-11-20")
    page = html(server, "/-/aanbesteding?id=TN160417")
    facts = dict(re.findall(r'<dd data-fact="([^"]+)">(.*?)</dd>', page, re.S))
    assert facts["Eerste publicatie"] == '<time datetime="2018-03-13" title="2018-03-13">13 maart 2018</time>'
    assert facts["Laatste publicatie"] == '<time datetime="2018-11-20" title="2018-11-20">20 november 2018</time>'
    section = page[page.index('data-query="aanbesteding_publicaties"'):page.index('data-query="aanbesteding_percelen"')]
    assert facts["Eerste publicatie"] in section   # as the notices' table says the same day


def test_the_home_page_names_the_timeline_as_the_procurement_page_does(server):
    """The home page linked the saved search as "timeline of a procurement" while its title, and the procurement
    page's section, is "Tijdlijn van een aanbesteding" (docs/glossary.md: tijdlijn)."""
    page = html(server, "/")
    link = re.search(r'<a href="/[^"]+/procurement_timeline">([^<]*)</a>', page)
    assert link and link[1] == "tijdlijn van een aanbesteding"
    assert "timeline of a procurement" not in page
    assert load_metadata()["databases"]["archive"]["queries"]["procurement_timeline"]["title"].lower() == link[1]


def test_the_region_pages_municipalities_are_named_in_dutch_as_its_other_sections(server):
    """The region page's sections name their columns in Dutch (gemeenten, onbevestigd, aanbestedingen …), but its
    "Gemeenten van een jeugdregio" read gemeente, cbs_code, jaar, status, unverified, basis, area_share, sources: three
    English words among Dutch ones. They are named with the glossary's words (docs/glossary.md); the saved search's
    CSV and JSON keep their column names (exports read them)."""
    page = html(server, "/-/jeugdregio/JZ11")
    section = page[page.index('data-query="jeugdregio_gemeenten"'):]
    section = section[:section.index("</section>")]
    headers = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', section)
    assert headers == ["gemeente", "cbs_code", "jaar", "status", "onbevestigd", "basis", "aandeel_oppervlakte",
                       "bronnen", "jeugdregio_code"]
    assert re.findall(r"<dt>([^<]*)</dt>", section) == headers   # its "Kolommen" too
    from tests.conftest import ROOT

    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    words = {w.strip(" `") for row in glossary.splitlines() if row.startswith("| ")
             for w in re.split(r"[,;()]", row.split("|")[1])}
    named = {w for h in headers for w in h.split("_")} - {"cbs", "code", "status", "basis"}
    assert named - words == set()
    rows = query_rows(server, "jeugdregio_gemeenten", jeugdregio="JZ11")
    assert rows and {"unverified", "area_share", "sources"} <= set(rows[0])


@pytest.mark.parametrize("table", ["award_suppliers", "award_winner_shares", "summary_award_winners",
                                   "summary_org_regions"])
def test_a_winners_id_in_every_table_of_winners_links_to_the_provider_page(server, table):
    """The README promises that a provider id in any table links to its page; a winner's ``organisation_id`` linked
    to the provider page in ``award_suppliers`` alone: in ``summary_org_regions`` (a provider per region),
    ``summary_award_winners`` and ``award_winner_shares`` the same id was plain text. Each filled cell links to
    ``/-/aanbieder?id=…`` of its own id, and that page answers."""
    page = html(server, f"/{server.database}/{table}?_size=max")
    cells = [c.strip() for c in re.findall(r'<td class="col-organisation_id[^"]*">(.*?)</td>', page, re.S)]
    cells = [c for c in cells if c not in ("", "&nbsp;")]
    assert cells, table
    for cell in cells:
        link = re.fullmatch(r'<a href="([^"]*)">([^<]*)</a>', cell)
        assert link, (table, cell)
        href, shown = html_unescape(link.group(1)), html_unescape(link.group(2))
        assert href == "/-/aanbieder?" + urllib.parse.urlencode({"id": shown}), (table, cell)
    assert "<h1>Aanbieder " in html(server, html_unescape(re.search(r'href="([^"]*)"', cells[0]).group(1)))


def test_the_procurement_pages_news_sends_the_reader_where_an_articles_candidates_are(server, archive):
    """The procurement page's news section said "Candidates below the threshold are on the article's own page, for
    review", and the README that each article lists its linked procurement and its candidates: the article's row page
    lists no procurement link at all (``procurement_links`` has no foreign key to ``articles``). The description
    names where they are, ``procurement_links?url=`` the article's address, and that page lists the article's linked
    procurement and its candidates."""
    description = QUERIES["aanbesteding_nieuws"]["description"]
    assert "article's own page, for review" not in description
    assert "procurement_links?url=" in description
    [(url, candidate)] = archive.execute("select url, procurement_id from procurement_links where status = 'candidate' "
                                         "and url like '%heerlen%'").fetchall()
    rows = json.loads(server.get(f"/{server.database}/procurement_links.json?"
                                 + urllib.parse.urlencode({"url": url, "_shape": "array"})))
    assert {(r["procurement_id"], r["status"]) for r in rows} == {("TN160417", "linked"), (candidate, "candidate")}


def test_the_buyer_page_names_its_jeugdregio_as_the_procurement_page_does(server):
    """The buyer page linked its region as "Jeugdregio JZ41", a code, where the procurement page of the same buyer's
    procurement links "Jeugdregio Zuid-Limburg". Both name the region by its name and link its page."""
    link = '<a href="/-/jeugdregio/JZ41">Jeugdregio Zuid-Limburg</a>'
    assert link in html(server, "/-/aanbesteding?id=TN160417")
    buyer = html(server, "/-/opdrachtgever?id=GM0917")
    assert link in buyer and ">Jeugdregio JZ41<" not in buyer
