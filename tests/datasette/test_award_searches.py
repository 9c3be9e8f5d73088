"""The award saved searches on the demo archive (its SYNTHETIC award notices and OCDS package):
each runs, is an Atom feed, and answers its question with the right rows."""

import json
import re

import pytest

from tenderarchive.metadata import load_metadata
from tests.datasette.test_saved_searches import ATOM, feed, rows

AWARD_QUERIES = ["awards_by_region_year", "who_won_in_jeugdregio", "aanbieder_contracten", "lots_not_awarded",
                 "awards_without_prior_call", "values_per_year"]


def _derived(db, youth_care=True, full=False):
    """``db`` as a served archive reads it: derived after crawl 1, its procurements marked youth care (as the
    relevance pipeline marks them; ``youth_care`` False leaves them as the derivation gave them) and, with ``full``,
    derived again in full so the summaries count them; the SQL functions of the saved searches (euro …) registered.
    Returns ``db``."""
    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.derive import derive

    derive(db, 1)
    if youth_care:
        db.execute("update procurements set youth_care = 1")
    db.conn.commit()
    if full:
        derive(db, 1, full=True)
    register_functions(db.conn)
    return db



def test_the_award_searches_are_listed_with_a_title_and_description():
    queries = load_metadata()["databases"]["archive"]["queries"]
    for name in AWARD_QUERIES:
        assert queries[name]["title"] and queries[name]["description"], name


@pytest.mark.parametrize("query", AWARD_QUERIES)
def test_every_award_search_runs_and_is_an_atom_feed(server, query):
    params = {"aanbieder": "Kennemer"} if query == "aanbieder_contracten" else {}
    assert isinstance(rows(server, query, **params), list)
    root = feed(server, query, **params)
    assert root.tag == f"{ATOM}feed"


def test_awards_by_region_and_year_show_winners_and_exact_values(server):
    found = rows(server, "awards_by_region_year", jeugdregio="Zuid-Kennemerland", year="2022")
    assert {r["procurement_id"] for r in found} == {"TN312877"}
    lot1 = next(r for r in found if r["lot"] == "1")
    assert lot1["winners"] == "Stichting Kennemer Jeugd"
    assert (lot1["value"], lot1["value_cents"]) == ("€ 11.250.000,50", 1125000050)   # as euro() writes it
    assert len(next(r for r in found if r["lot"] == "3")["winners"].split("; ")) == 12   # open house
    everything = rows(server, "awards_by_region_year")
    assert {"TN160417", "TN170101"} <= {r["procurement_id"] for r in everything}          # /html and OCDS


def test_who_won_in_a_jeugdregio_and_a_providers_contracts(server):
    winners = {r["provider"]: r for r in rows(server, "who_won_in_jeugdregio", jeugdregio="JZ29")}
    assert set(winners) == {"Stichting Jeugdhulp Waterweg", "Gezinsteam Schiedam B.V.", "Vlaardingen Jeugdzorg"}
    assert winners["Stichting Jeugdhulp Waterweg"]["kvk"] == "24012345"
    contracts = rows(server, "aanbieder_contracten", aanbieder="34012345")      # by KvK number
    assert [(c["procurement_id"], c["perceel"]) for c in contracts] == [("TN312877", "1")]
    assert rows(server, "aanbieder_contracten", aanbieder="kvk:34012345") == contracts   # by organisation id
    assert [c["procurement_id"] for c in rows(server, "aanbieder_contracten", aanbieder="zeeuwse jeugdhulp")] == \
        ["TN170101"]                                                               # by folded name, from OCDS
    assert rows(server, "aanbieder_contracten", aanbieder="") == []


def test_the_english_twin_of_a_saved_search_redirects_to_the_dutch_one(server):
    """provider_contracts and aanbieder_contracten answered one question twice; the glossary's word
    (aanbieder) stays, and the old address redirects there with its format and its provider argument."""
    import urllib.request

    queries = load_metadata()["databases"]["archive"]["queries"]
    assert "provider_contracts" not in queries and "aanbieder_contracten" in queries
    with urllib.request.urlopen(f"{server.db}/provider_contracts.json?provider=34012345&_shape=array&before=2030-01-01",
                                timeout=30) as response:
        assert response.url == (f"{server.db}/aanbieder_contracten.json?aanbieder=34012345&_shape=array&voor=2030-01-01"
                                "&alle_gunningen=ja")
        assert [c["procurement_id"] for c in json.loads(response.read())] == ["TN312877"]
    with urllib.request.urlopen(f"{server.db}/provider_contracts.atom?provider=Kennemer", timeout=30) as response:
        assert response.url.endswith("/aanbieder_contracten.atom?aanbieder=Kennemer&alle_gunningen=ja")
    with urllib.request.urlopen(f"{server.db}/provider_contracts", timeout=30) as response:
        assert response.url == f"{server.db}/aanbieder_contracten?alle_gunningen=ja" and response.status == 200


def test_the_old_provider_contracts_still_gives_every_award_the_provider_won(demo_archive, tmp_path):
    """provider_contracts gave every award a provider won: a superseded one (current 0, a rectification replaced
    it) and one of a procurement outside youth care too. Its redirect gave aanbieder_contracten's current
    youth-care awards only, so an old link or feed lost rows without a word. It redirects with alle_gunningen
    ja, which gives them all, marked (actueel); without it the search is as it was."""
    import shutil
    import sqlite3
    import urllib.request

    from tests.datasette.archive_fixtures import Server

    path = tmp_path / "archive.db"
    shutil.copy(demo_archive, path)
    with sqlite3.connect(path) as conn:
        [superseded, other_topic, *_] = [r[0] for r in conn.execute(
            "select a.award_id from awards a join award_suppliers s using (award_id) where s.name like '%Kennemer%' "
            "order by a.award_id")]
        conn.execute("update awards set current = 0 where award_id = ?", [superseded])
        conn.execute("update procurements set youth_care = 0 where procurement_id = "
                     "(select procurement_id from awards where award_id = ?)", [other_topic])
        every = conn.execute("select count(*) from award_suppliers where name like '%Kennemer%'").fetchone()[0]
    server = Server(path)
    try:
        current = rows(server, "aanbieder_contracten", aanbieder="Kennemer")
        assert superseded not in {r["award_id"] for r in current} and other_topic not in {r["award_id"] for r in current}
        every_row = rows(server, "aanbieder_contracten", aanbieder="Kennemer", alle_gunningen="ja")
        assert len(every_row) == every > len(current)
        assert {r["award_id"]: r["actueel"] for r in every_row}[superseded] == 0
        with urllib.request.urlopen(f"{server.db}/provider_contracts.json?provider=Kennemer&_shape=array",
                                    timeout=30) as response:
            assert json.loads(response.read()) == every_row
    finally:
        server.stop()



def test_the_old_provider_contracts_before_is_kept_as_voor(demo_archive, tmp_path):
    """provider_contracts paged back with ``before`` (awards dated before that day); its redirect dropped it, so
    an old "earlier contracts" link gave the newest again. It is aanbieder_contracten's ``voor``: the awards
    dated before that day (a day-first date too, as every date parameter). A synthetic date on a copy of the demo."""
    import shutil
    import sqlite3
    import urllib.request

    from tests.datasette.archive_fixtures import Server

    path = tmp_path / "archive.db"
    shutil.copy(demo_archive, path)
    with sqlite3.connect(path) as conn:
        [earlier, *later] = [r[0] for r in conn.execute(
            "select a.award_id from awards a join award_suppliers s using (award_id) where s.name like '%Kennemer%' "
            "order by a.award_id")]
        conn.execute("update awards set award_date = '2019-05-01' where award_id = ?", [earlier])
        # a winner is dated by its own award date where it has one (award_suppliers.award_date)
        conn.execute("update award_suppliers set award_date = '2019-05-01' where award_id = ?", [earlier])
    assert later
    server = Server(path)
    try:
        every = rows(server, "aanbieder_contracten", aanbieder="Kennemer", alle_gunningen="ja")
        assert len(every) == 1 + len(later)
        for before in ("2020-01-01", "01-01-2020"):
            with urllib.request.urlopen(f"{server.db}/provider_contracts.json?provider=Kennemer&_shape=array"
                                        f"&before={before}", timeout=30) as response:
                assert "voor=2020-01-01" in response.url
                assert [r["award_id"] for r in json.loads(response.read())] == [earlier]
        assert rows(server, "aanbieder_contracten", aanbieder="Kennemer", alle_gunningen="ja", voor="") == every
    finally:
        server.stop()


def test_lots_not_awarded_and_values_per_year(server):
    assert [(r["procurement_id"], r["lot"]) for r in rows(server, "lots_not_awarded")] == [("TN243310", "2")]
    years = {r["year"]: r for r in rows(server, "values_per_year")}
    assert years[2018]["awarded_value_cents"] == 1240000000
    # exact: the 75 cents of an OCDS award were cut off ("€ 4650000"), which marktbeeld gives as € 4.650.000,75
    assert years[2017]["awards"] == 2 and years[2017]["awarded_value"] == "€ 4.650.000,75"
    assert years[2017]["awarded_value_cents"] == 465000075
    # no framework agreement awarded that year: no framework maxima, not "€ 0,00" (branch refusers29)
    assert (years[2017]["framework_maxima"], years[2017]["framework_maxima_cents"]) == (None, None)
    winners = {r["provider"]: r for r in rows(server, "who_won_in_jeugdregio", jeugdregio="")}
    assert winners["Stichting Kennemer Jeugd"]["total_published_value"] == "€ 11.250.000,50"


def test_the_award_notices_feed_says_who_won_and_for_how_much(server):
    """"Award notices and who won them" is a feed a journalist follows, but its entries gave the buyer and the
    notice's text only: the winners and the awarded value were columns of the list and absent from the feed
    ("Verwerving jeugdhulp Zuid-Kennemerland en IJmond 2023 - gunning", and who won it nowhere). Each entry's
    text names the winners and the value, as the list's row does."""
    listed = {r["publication_id"]: r for r in rows(server, "award_notices")}
    entries = {e.find(f"{ATOM}id").text.rsplit(":", 1)[1]: e.find(f"{ATOM}content").text
               for e in feed(server, "award_notices").findall(f"{ATOM}entry")}
    assert set(entries) == {str(p) for p in listed}
    for publication_id, row in listed.items():
        text = entries[str(publication_id)]
        assert row["winners"] and row["awarded_value"], row
        assert all(name in text for name in row["winners"].split("; ")) and row["awarded_value"] in text, text
        assert text.endswith(row["award_text"])


@pytest.mark.parametrize("query, params", [("aanbesteding_gunningen", {"procurement_id": "TN243310"}),
                                           ("opdrachtgever_contracten", {"opdrachtgever": "GM0546", "pagina": "alle"})])
def test_an_award_shared_by_co_winners_gives_its_value_once(server, demo_archive, query, params):
    """A procurement's awards (its page's "Gunningen") and a buyer's contracts list an award once per winner, and gave
    each winner of a shared award its whole value: the four winners of TN243310's framework read as 4 x € 9.800.000,
    and a sum over the CSV counted it four times. The value is given once, on the first winner's row; the co-winners'
    rows say whose row holds it, and every row how many others share it (`medewinnaars`, as a provider's contracts)."""
    import csv
    import io
    import sqlite3
    import urllib.parse

    body = server.get(f"/{server.database}/{query}.csv?{urllib.parse.urlencode(params)}").decode("utf-8")
    shared = [r for r in csv.DictReader(io.StringIO(body)) if r["award_id"] == "TN243310/200288/1"]
    assert [(r["aanbieder"], r["medewinnaars"], r["waarde"], r["waarde_cents"]) for r in shared] == [
        ("Cardea", "3", "€ 9.800.000,00", "980000000")] + [
        (name, "3", "gedeeld, waarde bij Cardea", "") for name in ("Gemiva-SVG Groep", "Kwadraad", "MEE ZHN")]
    with sqlite3.connect(demo_archive) as db:
        (value,) = db.execute("select value_cents from awards where award_id = 'TN243310/200288/1'").fetchone()
    assert sum(int(r["waarde_cents"] or 0) for r in shared) == value
    if query == "aanbesteding_gunningen":
        page = server.get("/-/aanbesteding?id=TN243310").decode("utf-8")
        section = page[page.index(f'data-query="{query}"'):]
        section = section[:section.index("</section>")]
        assert section.count("€ 9.800.000,00") == 1 and section.count("gedeeld, waarde bij Cardea") == 3


def test_aanbesteding_gunningen_lists_the_winners_not_named_so_its_columns_add_up_to_the_procurements_total(tmp_path):
    """Reference §2.5 "No name" and §4 several winners per lot and consortium. A SYNTHETIC package: lot 1 to Stichting
    Een (€ 300.000); lot 2 to a winner no source names (€ 200.000), its only winner; lot 3 to the consortium of
    Stichting Twee and Drie (€ 500.000 together), Stichting Vier (€ 100.000) and a winner not named (€ 50.000):
    € 1.150.000 in all (summary_procurements). aanbesteding_gunningen gave no row for lot 3's winner not named, so
    waarde_cents and inschrijving_cents summed to € 1.100.000. It now lists that part as "niet genoemd"."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.awards.test_store_awards import named_unnamed_and_joint_winners, ocds_archive

    package = named_unnamed_and_joint_winners("ocds-1l04xe-313956", "299856")
    db = ocds_archive(tmp_path / "ocds.db", to_procedure([package], source="one.json"))
    _derived(db, youth_care=False)
    total = db.execute("select gegunde_waarde_cents from summary_procurements").fetchone()[0]
    assert total == 115000000
    sql = load_metadata()["databases"]["archive"]["queries"]["aanbesteding_gunningen"]["sql"]
    cursor = db.conn.execute(sql, {"procurement_id": "TN313956"})
    names = [c[0] for c in cursor.description]
    found = [dict(zip(names, r)) for r in cursor]
    assert sum((r["waarde_cents"] or 0) + (r["inschrijving_cents"] or 0) for r in found if r["actueel"]) == total
    assert [(r["perceel"], r["aanbieder"], r["waarde_cents"], r["inschrijving"]) for r in found] == [
        ("1", "Stichting Een", 30000000, None),
        ("2", "niet genoemd", 20000000, None),
        ("3", "Stichting Drie", None, "€ 500.000,00 (gezamenlijk)"),
        ("3", "Stichting Twee", None, "gezamenlijk, waarde bij Stichting Drie"),
        ("3", "Stichting Vier", None, "€ 100.000,00"),
        ("3", "niet genoemd", None, "€ 50.000,00")], found


def test_aanbieder_contracten_counts_the_winners_not_named_among_a_contracts_medewinnaars(tmp_path):
    """Reference §2.5 "No name", §4 several winners per lot. SYNTHETIC package: lot 1 to Stichting Een (€ 1.000.000)
    and, as award a3, € 200.000 to a winner no source names. aanbieder_contracten said Stichting Een won the lot
    without co-winners (``medewinnaars`` 0) and its award the whole lot's; the award's other winner, not named, is one
    of its co-winners (``awards.unnamed_winners``): 1."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.awards.test_store_awards import a_winner_and_one_not_named, ocds_archive

    db = ocds_archive(tmp_path / "ocds.db", to_procedure([a_winner_and_one_not_named("57")], source="one.json"))
    _derived(db)
    sql = load_metadata()["databases"]["archive"]["queries"]["aanbieder_contracten"]["sql"]
    cursor = db.conn.execute(sql, {"aanbieder": "11111111", "pagina": "alle", "alle_gunningen": "", "voor": ""})
    names = [c[0] for c in cursor.description]
    found = [dict(zip(names, r)) for r in cursor]
    assert [(r["procurement_id"], r["medewinnaars"], r["inschrijving_cents"]) for r in found] == [
        ("TN313957", 1, 100000000)], found


def test_aanbieder_contracten_gives_a_contracts_value_in_one_column_the_awards_or_the_providers_own(tmp_path):
    """Reference §2.5 (the value of a winner is "Waarde van de aanbesteding" inside its winner block), §4 "Total vs
    per-winner values" (store both; derive neither from the other). The shared SYNTHETIC package: lot 1 to Stichting
    Een alone (€ 300.000, the award's value and its only winner's tender); lot 3 to the consortium Twee/Drie
    (€ 500.000 together) and Stichting Vier (€ 100.000), an award without a value of its own. aanbieder_contracten
    gave Stichting Een's lot 1 its € 300.000 both as waarde (the award's) and as inschrijving (its own tender): a
    provider's contracts summed to € 600.000. waarde is the award's (the provider's when it won the lot alone),
    inschrijving the provider's own part of an award without a value; each provider's rows now add up to what the
    summaries count for it (summary_award_winners: its own values and, apart, those it shared with co-winners,
    gedeeld_cents, as the consortium Twee/Drie's joint value; branch refawards62)."""
    db, _ = _named_unnamed_and_joint_archive(tmp_path)
    sql = load_metadata()["databases"]["archive"]["queries"]["aanbieder_contracten"]["sql"]
    found = {}
    for kvk in ("11111111", "22222222", "33333333", "44444444"):
        cursor = db.conn.execute(sql, {"aanbieder": kvk, "pagina": "alle", "alle_gunningen": "", "voor": ""})
        names = [c[0] for c in cursor.description]
        found[kvk] = [dict(zip(names, r)) for r in cursor]
    assert [(r["perceel"], r["waarde"], r["waarde_cents"], r["inschrijving"], r["inschrijving_cents"])
            for r in found["11111111"]] == [("1", "€ 300.000,00", 30000000, None, None)], found["11111111"]
    assert [(r["perceel"], r["waarde_cents"], r["inschrijving"], r["inschrijving_cents"])
            for r in found["44444444"]] == [("3", None, "€ 100.000,00", 10000000)], found["44444444"]
    # the consortium Twee/Drie's joint value is shared (branch refawards63): under waarde_gedeeld, not its own tender
    assert [(r["perceel"], r["waarde_gedeeld"], r["waarde_gedeeld_cents"], r["inschrijving_cents"])
            for r in found["22222222"]] == [("3", "€ 500.000,00", 50000000, None)], found["22222222"]
    for kvk, rows_ in found.items():
        own, shared = db.execute("select sum(w.value_cents), sum(w.gedeeld_cents) "
                                 "from summary_award_winners w join organisations o "
                                 "on o.organisation_id = w.organisation_id where o.kvk = ?", [kvk]).fetchone()
        assert sum((r["waarde_cents"] or 0) + (r["inschrijving_cents"] or 0) for r in rows_) == (own or 0), (kvk, rows_)
        assert sum(r["waarde_gedeeld_cents"] or 0 for r in rows_) == (shared or 0), (kvk, rows_)


def test_aanbieder_contracten_gives_a_value_shared_with_co_winners_apart_not_as_the_providers_own(tmp_path):
    """Reference §4 "Several winners on one lot (framework with several parties)", §3.1 (one shared value for the lot,
    given to no member), as round 62 keeps it apart (summary_award_winners.gedeeld_cents; aanbieders, aanbieder_regios).
    SYNTHETIC: a framework lot of three providers sharing € 3.000.000, lot 2 won by Stichting Een alone for € 200.000.
    aanbieder_contracten gave each framework winner the € 3.000.000 under waarde, as its own: Stichting Een's contracts
    summed to € 3.200.000 where aanbieder_regios counts € 200.000 its own. Now waarde is the value of an award won alone
    and waarde_gedeeld, apart, the one shared (whole), each euro text the euro of its cents (branch refawards63)."""
    db = _framework_archive(tmp_path)
    contracts = {kvk: _saved(db, "aanbieder_contracten", aanbieder=kvk, pagina="alle", alle_gunningen="", voor="")
                 for kvk in ("kvk:11111111", "kvk:22222222", "kvk:33333333")}
    assert sorted((r["perceel"], r["medewinnaars"], r["waarde_cents"], r["waarde_gedeeld_cents"])
                  for r in contracts["kvk:11111111"]) == [("1", 2, None, 300000000), ("2", 0, 20000000, None)]
    for kvk in ("kvk:22222222", "kvk:33333333"):
        assert [(r["waarde"], r["waarde_gedeeld"]) for r in contracts[kvk]] == [(None, "€ 3.000.000,00")], contracts
    for kvk, found in contracts.items():
        for r in found:
            for column in ("waarde", "waarde_gedeeld"):
                if r[f"{column}_cents"] is not None:
                    assert r[column] == db.execute("select euro(?)", [r[f"{column}_cents"]]).fetchone()[0]
        (region,) = _saved(db, "aanbieder_regios", aanbieder=kvk)
        assert sum(r["waarde_cents"] or 0 for r in found) == (region["waarde_cents"] or 0), (found, region)
        assert sum(r["waarde_gedeeld_cents"] or 0 for r in found) == (region["waarde_gedeeld_cents"] or 0)


def _named_unnamed_and_joint_archive(tmp_path):
    """The archive of the shared SYNTHETIC package of lots won by named, unnamed and joint winners
    (tests/awards/test_store_awards.py), with a second winner not named on lot 3 (€ 25.000), and the procurement's
    total as summary_procurements keeps it."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.awards.test_store_awards import named_unnamed_and_joint_winners, ocds_archive

    package = named_unnamed_and_joint_winners("ocds-1l04xe-313958", "299858")
    package["awards"].append({"id": "a6", "status": "active", "relatedLots": ["3"],
                              "value": {"amount": 25000, "currency": "EUR"}})
    db = ocds_archive(tmp_path / "ocds.db", to_procedure([package], source="one.json"))
    _derived(db)
    return db, db.execute("select gegunde_waarde_cents from summary_procurements").fetchone()[0]


def _named_unnamed_and_joint_rows(tmp_path, query, params):
    """The rows of saved search ``query`` over :func:`_named_unnamed_and_joint_archive`, and the procurement's
    total."""
    db, total = _named_unnamed_and_joint_archive(tmp_path)
    cursor = db.conn.execute(load_metadata()["databases"]["archive"]["queries"][query]["sql"], params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor], total


@pytest.mark.parametrize("query, params", [
    ("aanbesteding_gunningen", {"procurement_id": "TN313958"}),
    ("opdrachtgever_contracten", {"opdrachtgever": "GM0546", "pagina": "alle"})])
def test_a_procurements_and_a_buyers_awards_list_every_winner_not_named_and_count_them_as_co_winners(
        tmp_path, query, params):
    """Reference §2.5 "No name", §4 several winners per lot and consortium. SYNTHETIC package: lot 1 to Stichting Een
    (€ 300.000); lot 2 to one winner no source names (€ 200.000), its only winner; lot 3 to the consortium Twee/Drie
    (€ 500.000), Stichting Vier (€ 100.000) and two winners not named (€ 50.000 and € 25.000): € 1.175.000.
    opdrachtgever_contracten joined the named winners only: lot 2's award was missing and lot 3's unnamed part too, so
    the buyer's contracts summed to € 900.000. And a "niet genoemd (2 winnaars)" row counted as one co-winner: lot 3's
    winners said 3 medewinnaars where they have 4 (Twee, Drie, Vier and two not named)."""
    found, total = _named_unnamed_and_joint_rows(tmp_path, query, params)
    assert total == 117500000
    assert sum((r["waarde_cents"] or 0) + (r["inschrijving_cents"] or 0) for r in found) == total, found
    assert sorted((r["perceel"], r["aanbieder"], r["medewinnaars"], r["waarde_cents"], r["inschrijving_cents"])
                  for r in found) == [
        ("1", "Stichting Een", 0, 30000000, None),
        ("2", "niet genoemd", 0, 20000000, None),
        ("3", "Stichting Drie", 4, None, 50000000),
        ("3", "Stichting Twee", 4, None, None),
        ("3", "Stichting Vier", 4, None, 10000000),
        ("3", "niet genoemd (2 winnaars)", 4, None, 7500000)], found


@pytest.mark.parametrize("query, params, column", [
    ("awards_by_region_year", {"jeugdregio": "", "year": "", "pagina": "alle"}, "winners"),
    ("jeugdregio_percelen", {"jeugdregio": "JZ18", "pagina": "alle"}, "winnaars")])
def test_a_lots_winners_name_those_no_source_names(tmp_path, query, params, column):
    """Reference §2.5 "No name". The shared SYNTHETIC package (lot 2 to one winner not named, lot 3 to Twee/Drie,
    Vier and two winners not named): the lists of a region's awards and lots gave lot 2 no winner at all (its feed
    entry "Gegund aan onbekend", "Geen winnaar") though it was awarded, and lot 3 its named winners only. The winners
    not named are listed last, "niet genoemd" ("niet genoemd (2 winnaars)")."""
    found, _ = _named_unnamed_and_joint_rows(tmp_path, query, params)
    listed = {r["lot"] if "lot" in r else r["perceel"]: (r[column] or "").split("; ") for r in found}
    # the named winners in the order the archive holds them (as before), those not named last
    assert {lot: (sorted(names[:-1]), names[-1]) for lot, names in listed.items()} == {
        "1": ([], "Stichting Een"), "2": ([], "niet genoemd"),
        "3": (["Stichting Drie", "Stichting Twee", "Stichting Vier"], "niet genoemd (2 winnaars)")}, found
    assert all("onbekend" not in r["atom_content"] and "Geen winnaar" not in r["atom_content"] for r in found), found


@pytest.mark.parametrize("region", ["", "Holland Rijnland", "Flevoland"])
def test_the_awarded_value_per_year_chart_adds_up_to_the_awards_totals(tmp_path, region):
    """Reference §2.5 "No name", §4 several winners per lot, consortium, total vs per-winner values. The shared
    SYNTHETIC package (lot 1 € 300.000, lot 2 € 200.000 to a winner not named, lot 3 without a value of its own: the
    consortium's € 500.000, Stichting Vier's € 100.000 and € 75.000 of two winners not named): the dashboard's
    "awarded-value-per-year" summed awards.value_cents alone, € 500.000 in 2021, where summary_awards and
    summary_procurements give € 1.175.000. The chart now gives each year what summary_awards gives (and, over all
    years, summary_procurements' total), for all regions and for the procurement's own."""
    import re

    db, total = _named_unnamed_and_joint_archive(tmp_path)
    sql = load_metadata()["plugins"]["datasette-dashboards"]["jeugdhulp"]["charts"]["awarded-value-per-year"]["query"]
    sql = re.sub(r"\[\[(.*?)\]\]", r"\1", sql, flags=re.S) if region else re.sub(r"\[\[.*?\]\]", "", sql, flags=re.S)
    got = [tuple(r) for r in db.execute(sql, {"jeugdregio": region}).fetchall()]
    expected = [tuple(r) for r in db.execute(
        "select year || '-01-01', sum(value_cents) / 100, count(*) from summary_awards where year is not null "
        "and (:jeugdregio = '' or jeugdregio = :jeugdregio) group by year order by year", {"jeugdregio": region})]
    assert got == expected
    if region == "Flevoland":
        assert got == []
    else:
        assert total == 117500000
        assert got == [("2021-01-01", 1175000, 3)]
        assert sum(euro for _, euro, _ in got) * 100 == db.execute(
            "select sum(gegunde_waarde_cents) from summary_procurements").fetchone()[0]


@pytest.mark.parametrize("query, params, column", [
    ("opdrachtgever_aanbestedingen", {"opdrachtgever": "GM0546"}, "winnaars"),
    ("award_notices", {"before": "", "pagina": "alle"}, "winners"),
    ("awards_without_prior_call", {"before": "", "pagina": "alle"}, "winners"),
    (None, None, "winnaars")])
def test_a_procurements_winners_name_those_no_source_names_last(tmp_path, query, params, column):
    """Reference §2.5 "No name", §4 several winners per lot. The shared SYNTHETIC package (lot 2 to one winner not
    named, lot 3 to Twee/Drie, Vier and two winners not named): the lists of a procurement's winners (a buyer's
    procurements, the award notices, the awards without a prior call, summary_procurements) named the four named
    winners only, though three more won. They now end with "niet genoemd (3 winnaars)"; the named winners stay each
    once, in name order."""
    db, _ = _named_unnamed_and_joint_archive(tmp_path)
    db.execute("update notices set award_only = 1")  # (SYNTHETIC: as an award-only procedure's notice)
    db.conn.commit()
    if query is None:
        found = [dict(r) for r in db.query("select * from summary_procurements")]
    else:
        cursor = db.conn.execute(load_metadata()["databases"]["archive"]["queries"][query]["sql"], params)
        names = [c[0] for c in cursor.description]
        found = [dict(zip(names, r)) for r in cursor]
    assert [r[column] for r in found] == [
        "Stichting Drie; Stichting Een; Stichting Twee; Stichting Vier; niet genoemd (3 winnaars)"], found
    if query == "award_notices":  # its feed says who won as its list does
        assert "gegund aan Stichting Drie; Stichting Een; Stichting Twee; Stichting Vier; niet genoemd (3 winnaars) " \
               "voor € 1.175.000,00." in found[0]["atom_content"], found


def test_a_procurement_whose_only_winner_is_not_named_says_so_in_its_winners(tmp_path):
    """Reference §2.5 "No name": a procurement whose one award names no winner listed no winner at all (empty
    winnaars), as though it were not awarded; it says "niet genoemd". An archive summarised before is rebuilt."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tenderarchive.store.schema import ensure_schema
    from tests.awards.test_store_awards import named_unnamed_and_joint_winners, ocds_archive

    package = named_unnamed_and_joint_winners("ocds-1l04xe-313959", "299859")
    package["awards"] = [a for a in package["awards"] if a["id"] == "a2"]
    db = ocds_archive(tmp_path / "ocds.db", to_procedure([package], source="one.json"))
    derive(db, 1)
    assert [r["winnaars"] for r in db.query("select winnaars from summary_procurements")] == ["niet genoemd"]
    # summaries written before (no "niet genoemd"): emptied by the migration, rebuilt by the next derivation
    db.execute("update summary_procurements set winnaars = null")
    db.execute("pragma user_version = 1")  # (migrated by an older version)
    db.conn.commit()
    ensure_schema(db)
    # (a crawl that touched nothing: only the emptied summaries make the derivation rebuild this procurement's row)
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned_ocds", "status": "running"}, pk="crawl_id")
    derive(db, 2)
    assert [r["winnaars"] for r in db.query("select winnaars from summary_procurements")] == ["niet genoemd"]


def _framework_archive(tmp_path, release_id="299891", currency=None, taxed=()):
    """SYNTHETIC package: lot 1 a framework agreement (raamovereenkomst) of three providers, each award printing the
    lot's one value € 3.000.000 (read as the lot's value, counted once: tests/awards/test_store_awards.py); lot 2 won by
    Stichting Een alone for € 200.000; the procurement's total € 3.200.000. With ``currency``, lot 3 to Stichting Vier
    for 1 000 000 in that currency. The awards whose ids are ``taxed`` give their value including VAT (hasTax true)."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.awards.test_store_awards import ocds_archive
    from tests.fixtures.awards.make_fixtures import release, supplier

    names = {"11111111": "Stichting Een", "22222222": "Stichting Twee", "33333333": "Stichting Drie",
             "44444444": "Stichting Vier"}
    awards = [{"id": f"a{n}", "status": "active", "relatedLots": ["1"], "value": {"amount": 3000000, "currency": "EUR"},
               "suppliers": [{"id": kvk, "name": names[kvk]}]}
              for n, kvk in enumerate(("11111111", "22222222", "33333333"), 1)]
    awards.append({"id": "a4", "status": "active", "relatedLots": ["2"], "value": {"amount": 200000, "currency": "EUR"},
                   "suppliers": [{"id": "11111111", "name": "Stichting Een"}]})
    for award in awards:
        if award["id"] in taxed:
            award["value"]["hasTax"] = True
    if currency:
        awards.append({"id": "a5", "status": "active", "relatedLots": ["3"],
                       "value": {"amount": 1000000, "currency": currency},
                       "suppliers": [{"id": "44444444", "name": "Stichting Vier"}]})
    package = release(f"ocds-1l04xe-3{release_id[1:]}", release_id, "2021-11-01", "Raamovereenkomst jeugdhulp Leiden",
                      "85311300-5", lots=[("1", "Ambulant"), ("2", "Crisis"), ("3", "Verblijf")],
                      parties=[supplier(kvk, name) for kvk, name in names.items()], awards=awards)
    package["tender"]["techniques"] = {"hasFrameworkAgreement": True}
    db = ocds_archive(tmp_path / "framework.db", to_procedure([package], source="one.json"))
    _derived(db)
    return db


def _sql(query):
    return load_metadata()["databases"]["archive"]["queries"][query]["sql"]


def _saved(db, query, **params):
    cursor = db.conn.execute(load_metadata()["databases"]["archive"]["queries"][query]["sql"], params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor]


def test_a_framework_value_shared_by_its_winners_is_no_providers_own_and_the_providers_sum_to_the_procurements(
        tmp_path):
    """Reference §4 "Several winners on one lot (framework with several parties)", §3.1 (one shared value for the lot:
    WAI keeps it at lot level and does not give it to each member), §4 "Total vs per-winner values" (derive neither
    from the other). SYNTHETIC: a framework lot of three providers sharing € 3.000.000, and lot 2 won by Stichting Een
    alone for € 200.000 (the procurement € 3.200.000). The provider totals (summary_org_regions.cents: aanbieders,
    who_won_in_jeugdregio, aanbieder_regios) credited each framework winner with the whole € 3.000.000: the providers
    summed to € 9.200.000. A shared value is now apart ("gedeeld", whole, not split into shares no source published);
    the providers' own values sum to at most the procurement's total."""
    db = _framework_archive(tmp_path)
    total = db.execute("select gegunde_waarde_cents from summary_procurements").fetchone()[0]
    assert total == 320000000
    providers = _saved(db, "aanbieders")
    own = {r["aanbieder"]: (r["waarde_gunningen_cents"], r["waarde_gedeeld_cents"]) for r in providers}
    assert own == {"Stichting Een": (20000000, 300000000), "Stichting Twee": (None, 300000000),
                   "Stichting Drie": (None, 300000000)}, providers
    assert sum(r["waarde_gunningen_cents"] or 0 for r in providers) <= total
    for r in providers:  # the analyst's invariant of every saved search: the euro text is euro(its cents)
        assert r["waarde_gedeeld"] == db.execute("select euro(?)", [r["waarde_gedeeld_cents"]]).fetchone()[0]
    won = _saved(db, "who_won_in_jeugdregio", jeugdregio="")
    assert {r["provider"]: (r["total_published_value_cents"], r["shared_value_cents"]) for r in won} == own, won
    for kvk, name in (("kvk:11111111", "Stichting Een"), ("kvk:22222222", "Stichting Twee")):
        regions = _saved(db, "aanbieder_regios", aanbieder=kvk)
        assert [(r["waarde_cents"], r["waarde_gedeeld_cents"]) for r in regions] == [own[name]], regions
    # the per-award rows say the same: a winner's own value or a shared one, never both
    assert [tuple(r) for r in db.execute(
        "select organisation_id, value_cents, gedeeld_cents from summary_award_winners order by 1, 2")] == [
        ("kvk:11111111", None, 300000000), ("kvk:11111111", 20000000, None),
        ("kvk:22222222", None, 300000000), ("kvk:33333333", None, 300000000)]


def test_a_consortiums_joint_value_is_shared_by_its_members_not_each_ones_own(tmp_path):
    """Reference §4 consortium (one award with several suppliers, one value), §3.1. The shared SYNTHETIC package: the
    consortium Twee/Drie's € 500.000 together on lot 3 was € 500.000 in each member's provider total; it is each one's
    gedeeld value now, and the providers' own values (Een € 300.000, Vier € 100.000) sum to at most the total."""
    db, total = _named_unnamed_and_joint_archive(tmp_path)
    providers = {r["aanbieder"]: (r["waarde_gunningen_cents"], r["waarde_gedeeld_cents"])
                 for r in _saved(db, "aanbieders")}
    assert providers == {"Stichting Een": (30000000, None), "Stichting Twee": (None, 50000000),
                         "Stichting Drie": (None, 50000000), "Stichting Vier": (10000000, None)}, providers
    assert sum(own or 0 for own, _ in providers.values()) <= total


@pytest.mark.parametrize("currency, said", [("GBP", "1000000 GBP"), (None, None)])
def test_an_award_in_another_currency_is_said_beside_the_euro_totals_not_converted(tmp_path, currency, said):
    """Reference §2.4 (currency names: "Pond sterling" …), §4 "Currencies" (nearly always Euro; WAI refuses non-euro
    amounts; no exchange rate given). SYNTHETIC: the framework package with lot 3 to Stichting Vier for 1 000 000 GBP.
    The award was left out of gegunde_waarde_cents (euro cents) silently: the procurement's total read as if every award
    were counted. It stays out, never converted, and summary_procurements.waarde_andere_munt says what was left out."""
    db = _framework_archive(tmp_path, currency=currency)
    row = dict(next(db.query("select * from summary_procurements")))
    assert (row["gegunde_waarde_cents"], row["waarde_andere_munt"]) == (320000000, said), row
    if currency:
        assert [tuple(r) for r in db.execute("select value_cents, value_currency from awards where lot_id = '3'")] \
            == [(None, "GBP")]
        # nor does the provider's total count it
        vier = _saved(db, "aanbieders")
        assert [(r["waarde_gunningen_cents"], r["waarde_gedeeld_cents"]) for r in vier
                if r["aanbieder"] == "Stichting Vier"] == [(None, None)], vier


def test_an_archive_summarised_before_shared_values_and_other_currencies_were_kept_apart_is_rebuilt(tmp_path):
    """An archive whose summaries were written before gedeeld_cents and waarde_andere_munt: the columns are added and the
    summaries rebuilt by the next derivation, so the framework's shared value is no longer each provider's own."""
    from tenderarchive.derive import derive
    from tenderarchive.store.schema import ensure_schema

    db = _framework_archive(tmp_path, currency="GBP")
    for table, column in (("summary_org_regions", "gedeeld_cents"), ("summary_award_winners", "gedeeld_cents"),
                          ("summary_procurements", "waarde_andere_munt")):
        db.execute(f"alter table {table} drop column {column}")
    db.execute("update summary_org_regions set cents = 300000000 where organisation_id = 'kvk:22222222'")
    db.conn.commit()
    ensure_schema(db)
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned_ocds", "status": "running"}, pk="crawl_id")
    derive(db, 2)
    assert [tuple(r) for r in db.execute("select cents, gedeeld_cents from summary_org_regions "
                                         "where organisation_id = 'kvk:22222222' and jeugdregio_code = ''")] \
        == [(None, 300000000)]
    assert db.execute("select waarde_andere_munt from summary_procurements").fetchone()[0] == "1000000 GBP"


@pytest.mark.parametrize("taxed, own, shared, with_tax", [
    (("a4",), None, 300000000, [("1", None), ("2", 20000000)]),
    (("a1", "a2", "a3"), 20000000, None, [("1", 300000000), ("2", None)]),
    ((), 20000000, 300000000, [("1", None), ("2", None)]),
])
def test_aanbieder_contracten_says_about_vat_what_the_totals_say(tmp_path, taxed, own, shared, with_tax):
    """Reference §3.1/§6.3: the forms' values are exclusive of VAT (btw); an OCDS value may say ``hasTax`` true. The
    totals (summary_award_winners, EX_VAT: aanbieders, aanbieder_regios) leave a value including VAT out, but
    aanbieder_contracten listed it under waarde or waarde_gedeeld as if exclusive: a provider's contracts summed to more
    than its total, with no word of VAT. SYNTHETIC: the framework package (lot 1 shared € 3.000.000, lot 2 Stichting
    Een alone € 200.000), the ``taxed`` awards including VAT. Now such a value stands apart under waarde_incl_btw, and
    waarde and waarde_gedeeld sum to the provider's totals; each euro text is the euro of its cents."""
    db = _framework_archive(tmp_path, taxed=taxed)
    found = _saved(db, "aanbieder_contracten", aanbieder="kvk:11111111", pagina="alle", alle_gunningen="", voor="")
    assert sorted((r["perceel"], r["waarde_incl_btw_cents"]) for r in found) == with_tax, found
    (region,) = _saved(db, "aanbieder_regios", aanbieder="kvk:11111111")
    assert (region["waarde_cents"], region["waarde_gedeeld_cents"]) == (own, shared), region
    assert (sum(r["waarde_cents"] or 0 for r in found) or None, sum(r["waarde_gedeeld_cents"] or 0 for r in found)
            or None) == (own, shared), found
    for r in found:
        # a value in one column only, and each euro text the euro of its cents
        assert sum(r[c] is not None for c in ("waarde_cents", "waarde_gedeeld_cents", "waarde_incl_btw_cents")) == 1
        for column in ("waarde", "waarde_gedeeld", "waarde_incl_btw"):
            assert r[column] == db.execute("select euro(?)", [r[f"{column}_cents"]]).fetchone()[0], (column, r)


@pytest.mark.parametrize("taxed, with_tax", [
    (("a4",), {"2": 20000000}),
    (("a1", "a2", "a3"), {"1": 300000000}),
    ((), {}),
])
def test_every_search_listing_award_values_says_about_vat_what_the_totals_say(tmp_path, taxed, with_tax):
    """Reference §3.1/§6.3: the forms' values are exclusive of VAT (btw); an OCDS value may say ``hasTax`` true, and
    the totals (EX_VAT: summary_procurements.gegunde_waarde_cents, the region years) leave it out. Round 64 set such a
    value apart in aanbieder_contracten only: awards_by_region_year, jeugdregio_percelen, opdrachtgever_contracten and
    aanbesteding_gunningen still listed it under value/waarde as if exclusive, so their rows summed to more than the
    procurement's total, with no word of VAT. SYNTHETIC: the framework package (lot 1 shared € 3.000.000, lot 2
    Stichting Een alone € 200.000), the ``taxed`` awards including VAT. Now every one of them gives such a value apart,
    under value_incl_btw / waarde_incl_btw, its values summing to the procurement's total exclusive of VAT."""
    db = _framework_archive(tmp_path, taxed=taxed)
    (total, incl) = db.execute("select gegunde_waarde_cents, waarde_incl_btw_cents from summary_procurements").fetchone()
    assert (incl or 0) == sum(with_tax.values())
    region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
    buyer = db.execute("select buyer_id from notices where buyer_id is not null").fetchone()
    searches = [("awards_by_region_year", "lot", "value", dict(jeugdregio="", year="", pagina="alle")),
                ("aanbesteding_gunningen", "perceel", "waarde",
                 dict(procurement_id=db.execute("select procurement_id from procurements").fetchone()[0]))]
    assert region and buyer  # (Gemeente Leiden's region and buyer id: the region's and the buyer's searches too)
    searches += [("jeugdregio_percelen", "perceel", "waarde", dict(jeugdregio=region, pagina="alle")),
                 ("opdrachtgever_contracten", "perceel", "waarde", dict(opdrachtgever=buyer[0], pagina="alle"))]
    for query, column, params in [("award_notices", "awarded_value", {}),
                                  ("jeugdregio_aanbestedingen", "waarde", dict(jeugdregio=region, sinds="", pagina="alle")),
                                  ("opdrachtgever_aanbestedingen", "waarde", dict(opdrachtgever=buyer[0], pagina="alle"))]:
        # the procurement's totals: the values given including VAT beside the total that leaves them out
        found = _saved(db, query, **{p: params.get(p, "") for p in re.findall(r":(\w+)", _sql(query))})
        assert found or query == "award_notices", query  # (a package has no award notice)
        for r in found:
            assert r[f"{column}_incl_btw_cents"] == incl, (query, r)
            assert r[f"{column}_incl_btw"] == db.execute("select euro(?)", [incl]).fetchone()[0], (query, r)
    for query, lot, value, params in searches:
        found = _saved(db, query, **params)
        assert found, query
        listed = {}
        for r in found:
            if r[f"{value}_incl_btw_cents"] is not None:
                listed[r[lot]] = listed.get(r[lot], 0) + r[f"{value}_incl_btw_cents"]
            # never both, and each euro text the euro of its cents
            assert r[f"{value}_cents"] is None or r[f"{value}_incl_btw_cents"] is None, (query, r)
            for column in (value, f"{value}_incl_btw"):
                if r[f"{column}_cents"] is not None:
                    assert r[column] == db.execute("select euro(?)", [r[f"{column}_cents"]]).fetchone()[0], (query, r)
        assert listed == with_tax, (query, found)
        assert sum(r[f"{value}_cents"] or 0 for r in found) == (total or 0), (query, found)


def test_every_award_value_column_of_a_saved_search_says_whether_it_includes_vat():
    """Reference §2.3/§3.1 (values exclusive of btw) and §6.3 (``hasTax``): the totals leave a value given including
    VAT out, and aanbieder_contracten said so, but the region, year and provider totals (values_per_year, marktbeeld,
    aanbieders, who_won_in_jeugdregio …) and the award lists did not: a reader could not tell what their sums mean.
    Every column of a saved search that gives an award value or total in euros with its cents beside it (an estimate
    or framework maximum aside) now says in its description whether it includes VAT."""
    queries = load_metadata()["databases"]["archive"]["queries"]
    silent = {}
    for name, query in queries.items():
        columns = query.get("columns") or {}
        for column, text in columns.items():
            if f"{column}_cents" in columns and re.search(r"waarde|value", column) \
                    and not re.search(r"geraamd|estimat|raamwerk|framework", column) \
                    and not re.search(r"(?i)\b(?:btw|VAT)\b", f"{text} {columns[f'{column}_cents']}"):
                silent.setdefault(name, []).append(column)
    assert silent == {}


def test_aanbieder_contracten_reads_the_award_winner_shares_view_and_an_older_archive_its_definition(
        demo_archive, tmp_path):
    """aanbieder_contracten wrote whether a value is shared with co-winners (gedeeld) or a consortium's joint value
    (gezamenlijk) inline, each four times; it now reads them from one view, ``award_winner_shares``. An archive of an
    older version has no such view and serve never migrates it: the search reads the view's definition in its place
    (VIEW_STANDINS) and answers every provider's contracts with the same rows, not with the older-archive note.
    SYNTHETIC: the demo archive (frameworks, consortia, winners no source names), and a copy without the view."""
    import shutil
    import sqlite3

    from tenderarchive import datasette_plugin, readonly
    from tenderarchive.metadata import build_metadata

    older = tmp_path / "older.db"
    shutil.copy(demo_archive, older)
    with sqlite3.connect(older) as conn:
        conn.execute("drop view award_winner_shares")

    def contracts(path):
        db = readonly.database(path)
        try:
            sql = build_metadata(db, "archive")["databases"]["archive"]["queries"]["aanbieder_contracten"]["sql"]
            datasette_plugin.prepare_connection(db.conn, "archive", None)
            providers = [r[0] for r in db.execute("select distinct organisation_id from award_suppliers order by 1")]
            return {p: db.execute(sql, dict(aanbieder=p, pagina="alle", alle_gunningen="ja", voor="")).fetchall()
                    for p in providers}
        finally:
            db.close()

    found = contracts(demo_archive)
    assert sum(map(len, found.values())) > 20
    shared = [r for rows in found.values() for r in rows]
    assert shared and all("older version" not in str(r) for r in shared)
    assert contracts(older) == found


def _twin_archive(tmp_path, order=(0, 1)):
    """SYNTHETIC package (reference §6.3, one release per publication × lot × winner, the supplier id the KvK number or
    else the name): lot 1 of TN299891 to Stichting Jeugdhulp Leiden for € 500.000, in one release as 41165432, in the
    other by its name; the releases in ``order``."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.awards.test_store_awards import ocds_archive
    from tests.fixtures.awards.make_fixtures import release, supplier

    name = "Stichting Jeugdhulp Leiden"
    releases = [release("ocds-1l04xe-299891", f"299891-{n}", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                        lots=[("1", "Ambulant")], parties=[supplier(sid, name)],
                        awards=[{"id": f"a{n}", "status": "active", "relatedLots": ["1"],
                                 "value": {"amount": 500000, "currency": "EUR"},
                                 "suppliers": [{"id": sid, "name": name}]}])
                for n, sid in enumerate(("41165432", name))]
    db = ocds_archive(tmp_path / "twin.db", to_procedure([releases[i] for i in order], source="one.json"))
    _derived(db, full=True)
    return db


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_winner_listed_under_its_kvk_number_and_its_name_in_one_award_is_one_winner(tmp_path, order):
    """Reference §6.3: the older converter writes one release per publication × lot × winner and gives the supplier id
    as the KvK number when the row has one, otherwise the supplier's name; two rows of one winner can then name it
    both ways. The award keeps both listings (kvk:… and name:…), which the summaries count as one provider (its value
    its own), but aanbieder_contracten counted the listing under its name as a co-winner: two rows for one contract,
    each with medewinnaars 1 and the value under waarde_gedeeld, summing to twice nothing of the provider's own total.
    SYNTHETIC: lot 1 to Stichting Jeugdhulp Leiden for € 500.000, in one release as 41165432, in the other by name."""
    db = _twin_archive(tmp_path, order)
    assert db.execute("select count(*) from award_suppliers").fetchone()[0] == 2  # both listings kept
    for aanbieder in ("kvk:41165432", "41165432", "Jeugdhulp Leiden"):
        found = _saved(db, "aanbieder_contracten", aanbieder=aanbieder, pagina="alle", alle_gunningen="", voor="")
        assert [(r["perceel"], r["medewinnaars"], r["waarde_cents"], r["waarde_gedeeld_cents"]) for r in found] == \
            [("1", 0, 50000000, None)], (aanbieder, found)
    (region,) = _saved(db, "aanbieder_regios", aanbieder="kvk:41165432")
    assert (region["waarde_cents"], region["waarde_gedeeld_cents"]) == (50000000, None), region


@pytest.mark.parametrize("layout", ["eforms", "pdf"])
def test_an_award_notice_giving_its_value_including_vat_says_so_as_an_ocds_package_does(tmp_path, layout):
    """Reference §2.3/§3.1 (the forms' values are exclusive of VAT) and §6.3 (OCDS ``hasTax``): ``awards.value_has_tax``
    was set from an OCDS package alone, so an award notice's own value printed "incl. btw" (in its /html or its PDF) was
    stored as if exclusive: counted in the totals and listed under waarde. Now the notice's own words set it: "incl.
    btw", "inclusief omzetbelasting" 1 (apart under waarde_incl_btw, out of the totals), "exclusief BTW" 0, a value
    saying nothing of VAT NULL (not assumed). SYNTHETIC rendering of four lots, and the PDF of the same rows."""
    from tests.awards.test_store_awards import _zero_based_award, archive
    from tests.fixtures.awards.make_fixtures import publication

    lots = [("LOT-0001", "Ambulant", "Alpha B.V.", "800 000 incl. btw"),
            ("LOT-0002", "Crisis", "Beta B.V.", "500 000 exclusief BTW"),
            ("LOT-0003", "Verblijf", "Gamma B.V.", "300 000"),
            ("LOT-0004", "Pleegzorg", "Delta B.V.", "200 000 inclusief omzetbelasting")]
    youth = [("85311300-5", "Welzijnszorg voor kinderen en jongeren")]
    made = publication(900901, 900009, "AGO", "2026-05-14", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                       _zero_based_award(*lots))
    if layout == "pdf":
        from tenderarchive.awards.pdf import parse_pdf
        from tenderarchive.awards.rows import html_results
        from tests.fixtures.awards.pdf_writer import text_pdf
        lines = ["1. Koper", "Officiële naam: Gemeente Voorbeeldstad", "6. Resultaten"]
        for lot, _, name, value in lots:
            lines += [f"6.1 ID resultaat perceel: {lot}", "6.1.2 Informatie over winnaars", "Winnaar:",
                      f"Officiële naam: {name}", "Inschrijving:", f"Waarde van de aanbesteding: {value} Euro"]
        parsed = parse_pdf(text_pdf([lines]))
        rows = html_results({"publication_id": 900901, "procurement_id": "TN900009", "published": "2026-05-14"},
                            parsed, {})
        assert [a["award"]["value_has_tax"] for a in rows["awards"]] == [1, 0, None, 1]
        return
    db = archive(tmp_path, [dict(made[0], html=made[1])], "vat")
    _derived(db, full=True)
    assert [(r["lot_id"], r["value_cents"], r["value_has_tax"]) for r in db.query(
        "select * from awards order by lot_id")] == [("1", 80000000, 1), ("2", 50000000, 0),
                                                     ("3", 30000000, None), ("4", 20000000, 1)]
    (total, incl) = db.execute("select gegunde_waarde_cents, waarde_incl_btw_cents from summary_procurements").fetchone()
    assert (total, incl) == (80000000, 100000000)
    found = _saved(db, "aanbesteding_gunningen", procurement_id="TN900009")
    assert [(r["perceel"], r["waarde_cents"], r["waarde_incl_btw_cents"], r["waarde_incl_btw"]) for r in found] == [
        ("1", None, 80000000, "€ 800.000,00"), ("2", 50000000, None, None),
        ("3", 30000000, None, None), ("4", None, 20000000, "€ 200.000,00")], found


def test_every_list_of_an_awards_winners_counts_a_winner_listed_under_its_kvk_number_and_its_name_once(tmp_path):
    """Reference §6.3 (a supplier id the KvK number in one release, the name in another): round 65 counted such a
    winner once in aanbieder_contracten alone (award_winner_shares.dubbel), as the summaries do. The award lists named
    it twice ("Stichting Jeugdhulp Leiden; Stichting Jeugdhulp Leiden" in awards_by_region_year and
    jeugdregio_percelen), opdrachtgever_contracten and aanbesteding_gunningen gave two rows, each with a co-winner and
    one "gedeeld, waarde bij" itself, the timeline said "gegund aan X (KvK …), X" and the top-providers chart counted
    the listing under its name as a provider of its own. Now each reads the one view and names it once. SYNTHETIC."""
    from tenderarchive.metadata import load_metadata

    db = _twin_archive(tmp_path)
    region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
    buyer = db.execute("select buyer_id from notices where buyer_id is not null").fetchone()[0]
    name, award = "Stichting Jeugdhulp Leiden", "TN299891/ocds/a0/1"
    (row,) = _saved(db, "awards_by_region_year", jeugdregio="", year="", pagina="alle")
    assert (row["winners"], row["value_cents"]) == (name, 50000000), row
    assert name + ";" not in row["atom_content"], row
    (row,) = _saved(db, "jeugdregio_percelen", jeugdregio=region, pagina="alle")
    assert (row["winnaars"], row["waarde_cents"]) == (name, 50000000), row
    for query, params in [("opdrachtgever_contracten", dict(opdrachtgever=buyer, pagina="alle")),
                          ("aanbesteding_gunningen", dict(procurement_id="TN299891"))]:
        found = _saved(db, query, **params)
        assert [(r["aanbieder_id"], r["medewinnaars"], r["waarde_cents"], r["waarde"]) for r in found] == [
            ("kvk:41165432", 0, 50000000, "€ 500.000,00")], (query, found)
    assert [r["sentence"] for r in db.query("select sentence from events where source_type = 'award'")] == [
        f"Perceel 1 (Ambulant) gegund aan {name} (KvK 41165432) voor € 500.000,00"]
    charts = load_metadata()["plugins"]["datasette-dashboards"]
    chart = next(c for d in charts.values() for n, c in (d.get("charts") or {}).items() if n == "top-providers")
    query = re.sub(r"\[\[.*?\]\]", "", chart["query"])
    assert [tuple(r) for r in db.execute(query).fetchall()] == [(name, 1, 1)]


def _winner_vat_archive(tmp_path):
    """SYNTHETIC rendering (reference §2.3 BT-720, §4 several winners on one lot): lot 1 without a value of its own,
    its four winners each printing their own: Alpha € 400.000 "incl. btw", Beta € 300.000 "inclusief
    omzetbelasting", Gamma € 200.000 "exclusief BTW", Delta € 100.000 saying nothing of VAT."""
    from tests.awards.test_store_awards import archive
    from tests.fixtures.awards.make_fixtures import h1, h2, h3, only, publication, row, table, winner

    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("6. Resultaten"),
            h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
            h3("6.1.2 Informatie over winnaars")]
    for name, value in [("Alpha B.V.", "400 000 incl. btw"), ("Beta B.V.", "300 000 inclusief omzetbelasting"),
                        ("Gamma B.V.", "200 000 exclusief BTW"), ("Delta B.V.", "100 000")]:
        rows += winner(name, "LOT-0001", value)
    youth = [("85311300-5", "Welzijnszorg voor kinderen en jongeren")]
    made = publication(900911, 900019, "AGO", "2026-05-14", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                       table(rows))
    db = archive(tmp_path, [dict(made[0], html=made[1])], "winner_vat")
    # (a youth-care procurement of a buyer in a region, as the pipelines give it: the region's and the buyer's
    # searches list it)
    db.execute("update notices set buyer_id = 'tn:900019', jeugdregio_code = (select min(code) from jeugdregios)")
    _derived(db, full=True)
    return db


def test_every_search_listing_a_winners_own_value_says_about_vat_what_the_totals_say(tmp_path):
    """Reference §2.3/§3.1 (the forms' values are exclusive of VAT), §6.3 (``hasTax``). Round 67 kept a winner's own
    value's VAT basis (award_suppliers.tender_value_has_tax) and took such values including VAT out of the totals, but
    aanbieder_contracten, opdrachtgever_contracten and aanbesteding_gunningen still listed them under inschrijving (the
    exclusive column, its cents summing past the procurement's gegunde_waarde_cents), and the lists of the winners'
    values (jeugdregio_percelen, awards_by_region_year) gave them with no word of VAT. Now the rows give such a value
    apart under inschrijving_incl_btw, the column sums equal the procurement's two totals, each euro text is the euro
    of its cents, and the lists say "incl. btw" after it. SYNTHETIC (_winner_vat_archive)."""
    db = _winner_vat_archive(tmp_path)
    (total, incl) = db.execute("select gegunde_waarde_cents, waarde_incl_btw_cents from summary_procurements").fetchone()
    assert (total, incl) == (30000000, 70000000)
    region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
    buyer = db.execute("select buyer_id from notices where buyer_id is not null").fetchone()[0]
    rows = {"aanbesteding_gunningen": _saved(db, "aanbesteding_gunningen", procurement_id="TN900019"),
            "opdrachtgever_contracten": _saved(db, "opdrachtgever_contracten", opdrachtgever=buyer, pagina="alle"),
            "aanbieder_contracten": [r for o in db.execute("select organisation_id from award_suppliers").fetchall()
                                     for r in _saved(db, "aanbieder_contracten", aanbieder=o[0], pagina="alle",
                                                     alle_gunningen="", voor="")]}
    for query, found in rows.items():
        assert len(found) == 4, (query, found)
        assert {(r["inschrijving_cents"], r["inschrijving_incl_btw_cents"]) for r in found} == {
            (None, 30000000), (None, 40000000), (10000000, None), (20000000, None)}, (query, found)
        assert sum(r["inschrijving_cents"] or 0 for r in found) == total, (query, found)
        assert sum(r["inschrijving_incl_btw_cents"] or 0 for r in found) == incl, (query, found)
        for r in found:
            for column in ("inschrijving", "inschrijving_incl_btw"):
                assert r[column] == db.execute("select euro(?)", [r[f"{column}_cents"]]).fetchone()[0], (query, r)
    listed = "Alpha B.V.: € 400.000,00 incl. btw; Beta B.V.: € 300.000,00 incl. btw; " \
             "Delta B.V.: € 100.000,00; Gamma B.V.: € 200.000,00"
    (row,) = _saved(db, "jeugdregio_percelen", jeugdregio=region, pagina="alle")
    assert sorted(row["inschrijvingen"].split("; ")) == listed.split("; "), row
    (row,) = _saved(db, "awards_by_region_year", jeugdregio="", year="", pagina="alle")
    assert sorted(row["tender_values"].split("; ")) == listed.split("; "), row


def test_an_archive_written_before_a_winners_vat_basis_was_kept_gains_it_from_the_stored_text(tmp_path):
    """Round 67 added award_suppliers.tender_value_has_tax; an older archive gained the column empty, filled only by a
    reparse, so until then its winners' values printed "incl. btw" still counted in the totals as if exclusive and
    stood under inschrijving. The stored text says the basis (tender_value_raw "400 000 incl. btw"; an OCDS value with
    hasTax true is stored "… incl. btw"): opening the archive now fills it from there (schema.migrate_winner_vat_basis)
    and empties the summaries, so the next derivation gives the totals a reparse gives. SYNTHETIC (_winner_vat_archive),
    its basis and summaries as an archive of round 66 holds them."""
    from tenderarchive.derive import derive
    from tenderarchive.store.schema import ensure_schema

    db = _winner_vat_archive(tmp_path)
    fresh = db.execute("select name, tender_value_has_tax from award_suppliers order by name").fetchall()
    db.execute("update award_suppliers set tender_value_has_tax = null")
    db.conn.commit()
    derive(db, 1, full=True)
    assert db.execute("select gegunde_waarde_cents, waarde_incl_btw_cents from summary_procurements").fetchone() \
        == (100000000, None)  # (as the older archive counted them)
    db.execute("pragma user_version = 1")  # (an older version's schema fingerprint)
    ensure_schema(db)
    assert db.execute("select name, tender_value_has_tax from award_suppliers order by name").fetchall() == fresh \
        == [("Alpha B.V.", 1), ("Beta B.V.", 1), ("Delta B.V.", None), ("Gamma B.V.", 0)]
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    derive(db, 2)
    assert db.execute("select gegunde_waarde_cents, waarde_incl_btw_cents from summary_procurements").fetchone() \
        == (30000000, 70000000)
    found = _saved(db, "aanbesteding_gunningen", procurement_id="TN900019")
    assert sum(r["inschrijving_incl_btw_cents"] or 0 for r in found) == 70000000, found


def test_the_searches_giving_a_winners_value_including_vat_apart_answer_on_an_archive_without_its_basis(tmp_path):
    """serve never migrates: an archive written before award_suppliers.tender_value_has_tax lacks it, and the searches
    that now read it (inschrijving_incl_btw, the "incl. btw" of the lists) answered with the older-archive note. They
    read NULL in its place (metadata.COLUMN_STANDINS): every winner's value under inschrijving, as before. SYNTHETIC."""
    from tenderarchive.metadata import build_metadata

    db = _winner_vat_archive(tmp_path)
    buyer = db.execute("select buyer_id from notices where buyer_id is not null").fetchone()[0]
    region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
    db.execute("alter table award_suppliers drop column tender_value_has_tax")
    db.conn.commit()
    queries = build_metadata(db, "archive")["databases"]["archive"]["queries"]
    for query, params in [("aanbesteding_gunningen", dict(procurement_id="TN900019")),
                          ("opdrachtgever_contracten", dict(opdrachtgever=buyer, pagina="alle")),
                          ("aanbieder_contracten", dict(aanbieder="Alpha", pagina="alle", alle_gunningen="",
                                                        voor="")),
                          ("jeugdregio_percelen", dict(jeugdregio=region, pagina="alle")),
                          ("awards_by_region_year", dict(jeugdregio="", year="", pagina="alle"))]:
        cursor = db.conn.execute(queries[query]["sql"], params)
        names = [c[0] for c in cursor.description]
        found = [dict(zip(names, r)) for r in cursor]
        assert found and ("perceel" in names or "lot" in names), (query, found)  # (not the older-archive note)
        if "inschrijving_cents" in names:
            assert all(r["inschrijving_incl_btw_cents"] is None for r in found), (query, found)
            assert sum(r["inschrijving_cents"] for r in found) >= 40000000, (query, found)


def test_an_archive_written_before_an_award_notices_vat_basis_was_read_gains_it_from_the_stored_text(tmp_path):
    """Round 66 read an award notice's own "incl. btw" into awards.value_has_tax (before, only an OCDS hasTax set it);
    an archive written before holds NULL there until a reparse, its value counted in the totals as exclusive and listed
    under waarde. Opening it now fills it from the stored value text, as for the winners' own values
    (schema.migrate_winner_vat_basis), and the next derivation gives a reparse's totals. SYNTHETIC rendering of two
    lots, "800 000 incl. btw" and "500 000"."""
    from tenderarchive.derive import derive
    from tenderarchive.store.schema import ensure_schema
    from tests.awards.test_store_awards import _zero_based_award, archive
    from tests.fixtures.awards.make_fixtures import publication

    youth = [("85311300-5", "Welzijnszorg voor kinderen en jongeren")]
    made = publication(900921, 900029, "AGO", "2026-05-14", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                       _zero_based_award(("LOT-0001", "Ambulant", "Alpha B.V.", "800 000 incl. btw"),
                                         ("LOT-0002", "Crisis", "Beta B.V.", "500 000")))
    db = archive(tmp_path, [dict(made[0], html=made[1])], "award_vat")
    db.execute("update awards set value_has_tax = null")  # (as an archive of round 65 holds it)
    db.conn.commit()
    _derived(db, full=True)
    assert db.execute("select gegunde_waarde_cents from summary_procurements").fetchone()[0] == 130000000
    db.execute("pragma user_version = 1")  # (an older version's schema fingerprint)
    ensure_schema(db)
    assert db.execute("select lot_id, value_has_tax from awards order by lot_id").fetchall() == [("1", 1), ("2", None)]
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    derive(db, 2)
    assert db.execute("select gegunde_waarde_cents, waarde_incl_btw_cents from summary_procurements").fetchone() \
        == (50000000, 80000000)
    found = _saved(db, "aanbesteding_gunningen", procurement_id="TN900029")
    assert [(r["perceel"], r["waarde_cents"], r["waarde_incl_btw_cents"]) for r in found] == [
        ("1", None, 80000000), ("2", 50000000, None)], found


def test_the_award_feeds_word_a_range_a_rate_and_a_bound_value_as_the_timeline_does(tmp_path):
    """The Atom entries of awards_by_region_year and jeugdregio_percelen said "Gegund aan X voor tussen € 1 en € 2
    miljoen", "voor € 85 per uur" and, of a value published "maximaal € 2 miljoen", "voor € 2.000.000,00", as the
    timeline did. They now read as its sentences do (SQL ``waarde_woorden``, timeline.value_phrase): "voor een bedrag
    tussen …", "tegen € 85 per uur", "voor maximaal € 2.000.000,00"; a plain value and a placeholder as before.
    SYNTHETIC award of the shared twin archive, its value rewritten."""
    db = _twin_archive(tmp_path)
    region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
    name, award = "Stichting Jeugdhulp Leiden", "TN299891/ocds/a0/1"
    for values, words in (
            ({"value_cents": None, "value_raw": "tussen € 1 en € 2 miljoen", "value_low_cents": 100000000,
              "value_high_cents": 200000000}, "voor een bedrag tussen € 1 en € 2 miljoen"),
            ({"value_cents": None, "value_raw": "€ 85 per uur", "value_placeholder": 1}, "tegen € 85 per uur"),
            ({"value_cents": 200000000, "value_raw": "maximaal € 2 miljoen"}, "voor maximaal € 2.000.000,00"),
            ({"value_cents": 200000000, "value_raw": "maximaal € 2 miljoen", "value_has_tax": 1},
             "voor maximaal € 2.000.000,00 incl. btw"),
            ({"value_cents": 50000000, "value_raw": "500000"}, "voor € 500.000,00"),
            ({"value_cents": None, "value_raw": "1", "value_placeholder": 1}, "voor 1")):
        db.execute("update awards set value_cents = null, value_raw = null, value_low_cents = null, value_high_cents "
                   "= null, value_placeholder = 0, value_has_tax = null where award_id = ?", [award])
        db.execute(f"update awards set {', '.join(f'{k} = ?' for k in values)} where award_id = ?",
                   [*values.values(), award])
        (row,) = _saved(db, "awards_by_region_year", jeugdregio="", year="", pagina="alle")
        assert row["atom_content"] == f"Gegund aan {name} {words}", row
        (row,) = _saved(db, "jeugdregio_percelen", jeugdregio=region, pagina="alle")
        assert row["atom_content"] == f"Gegund aan {name} {words}", row
