"""Fourteenth pass over tenderned-awards.md, end to end: SYNTHETIC award notices of one procedure crawled from the
loopback API into a real archive, and what its awards, timeline and provider lists make of them."""

from __future__ import annotations

import json

import sqlite_utils

from tenderarchive.apiserver import load_datasets
from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import JEUGD, h3, only, package, release, row, supplier
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_round13_crawl import chosen
from tests.spiders.test_award_variants_crawl import publication


def test_a_contract_modification_repeating_the_lots_winner_is_no_second_award_of_its_contract(serve_api, crawl):
    """Reference §5 (every publication of a procedure shares its kenmerk: "… award, modification") and §4 (the current
    winners are those of the award, not counted twice): a contract modification notice (form type cont-modif) repeats
    the lot's winner with the contract's value after the change, a completion notice (completion) with its final one. It was a second current award of one contract beside
    the award notice's: the provider had two gunningen and € 2.700.000 for a contract of € 1.200.000. Its award is kept
    (superseded); a modification whose award notice is not archived still names the lot's winner."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    award = publication(template(), 971302, 971300, "AGO", "result", "2024-06-20", "Jeugdhulp Rijnstad",
                        chosen("Jeugdhulp Rijn B.V.", "1 200 000", "15/06/2024"))
    modification = publication(template(), 971303, 971300, "AGO", "cont-modif", "2024-09-20",
                               "Jeugdhulp Rijnstad (wijziging)", chosen("Jeugdhulp Rijn B.V.", "1 500 000", "15/06/2024"))
    # a completion notice (form type completion) repeats the winner and the final value once more
    completion = publication(template(), 971304, 971300, "AGO", "completion", "2024-11-20",
                             "Jeugdhulp Rijnstad (voltooiing)", chosen("Jeugdhulp Rijn B.V.", "1 450 000", "15/06/2024"))
    # a modification of a contract whose award notice lies before the window: the only record of its winner
    alone = publication(template(), 971311, 971310, "AGO", "cont-modif", "2024-07-01", "Jeugdhulp Oost (wijziging)",
                        chosen("Stichting Zorg Oost", "300 000", "10/01/2023"))
    done = crawl(serve_api([award, modification, completion, alone]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    awards = {r["publication_id"]: (r["current"], r["value_cents"]) for r in db.query(
        "select publication_id, current, value_cents from awards")}
    assert awards == {971302: (1, 120000000), 971303: (0, 150000000), 971304: (0, 145000000),
                      971311: (1, 30000000)}
    events = {(r["date"], r["kind"], r["stage"]) for r in db.query(
        "select date, kind, stage from events where procurement_id = 'TN971300' and source_type = 'award'")}
    assert events == {("2024-06-15", "award", "definitieve_gunning")}
    # the modification stays on the timeline as its notice's own publication
    assert [tuple(r) for r in db.execute("select date, stage from events where source_type = 'notice' "
                                         "and source_id = '971303'")] == [("2024-09-20", "verlenging")]
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["gunningen"], r["waarde_gunningen_cents"]) for r in rows(datasette, "aanbieders")}
        assert listed["name:jeugdhulp rijn"] == (1, 120000000)
        assert listed["name:zorg oost"] == (1, 30000000)
    finally:
        datasette.stop()


def test_one_publications_award_in_two_packages_of_the_same_year_is_one_award(serve_api, tmp_path):
    """Reference §6.1 (the old naming "2023-04/2021.json" and the newer "2026-07/Dataset_Tenderned-2021-01-01-2021-12-31
    .json"), §9 ("whether the 2023-04 year files still exist beside the 2026-07 ones") and §6.3 (one release per Excel
    row with ids "<publication>-<hash>" and award ids "<kvk>-0-<lot>", or one per publication with digit ids: "handle
    both"): a page listing both files of one year gave the publication's award of the lot twice under two award ids,
    both current: the provider had two gunningen and twice the value of one contract. The file uploaded last stands;
    the other's award is kept, not current."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    def award(award_id, release_id):
        return release("ocds-1l04xe-313457", release_id, "2021-11-23", "Jeugdhulp Leiden 2022", JEUGD, awards=[
            {"id": award_id, "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
             "value": {"amount": 2300000, "currency": "EUR"}, "relatedLots": ["1"]}],
            parties=[supplier("41165432", "Stichting Jeugdhulp Leiden")], lots=[("1", "Ambulante jeugdhulp")])

    folder = tmp_path / "datasets"
    files = {"2023-04/2021.json": package([award("41165432-0-1", "298765-a1b2c3")], published="2023-04-12T00:00:00Z"),
             "2026-07/Dataset_Tenderned-2021-01-01-2021-12-31.json": package([award("1", "298765")])}
    for name, content in files.items():
        (folder / "files" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "files" / name).write_text(json.dumps(content), encoding="utf-8")
    (folder / "page.html").write_text("<html><body><article><ul>" + "".join(
        f'<li><a href="/cms/sites/default/files/{name}">JSON</a></li>' for name in files) + "</ul></article></body></html>",
        encoding="utf-8")
    db_path = tmp_path / "archive.db"
    done = scrapy_ocds(db_path, serve_api([], datasets=load_datasets(folder)).datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert {(r["source_file"], r["current"]) for r in db.query("select source_file, current from awards")} == {
        ("2021.json", 0), ("Dataset_Tenderned-2021-01-01-2021-12-31.json", 1)}
    assert [r[0] for r in db.execute("select count(*) from events where source_type = 'award'")] == [1]
    datasette = Server(db_path)
    try:
        listed = {r["aanbieder_id"]: (r["gunningen"], r["waarde_gunningen_cents"]) for r in rows(datasette, "aanbieders")}
        assert listed == {"kvk:41165432": (1, 230000000)}
    finally:
        datasette.stop()


def test_the_rectification_of_one_admission_rounds_award_keeps_the_other_rounds_winners(serve_api, crawl):
    """Reference §4 (open house: "each admission round can publish its own award notice under the same kenmerk; the
    winners of a procedure are the union"; a rectified award: "the original's detail gets
    publicatieIDLaatsteRectificatie … the current winners and values are those of the latest version") and §8.6: the
    rectification of the second round's award notice (which names it as its latest rectification) put the first
    round's winners out of currency too, as if it corrected every award of the lot: they were gone from the provider
    lists. A rectification corrects the notice that names it; the first round's winners stand, also when the
    rectification says the second round awarded nothing. One that no award notice of its lot names (the field empty, or
    on the procedure's contract notice) still corrects every earlier award of its lot."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    def admitted(*names: str, day: str) -> str:
        winners = [r for name in names for r in (only("Winnaar"), row("Officiële naam", name))]
        return eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                      h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                      h3("6.1.2 Informatie over winnaars"), *winners, only("Informatie over het contract"),
                      row("Datum waarop de winnaar is gekozen", day))

    closed = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                    h2("6.1 ID resultaat perceel: LOT-0001"),
                    only("Er is geen winnaar gekozen en de mededinging is gesloten."),
                    row("De reden waarom geen winnaar is gekozen", "Andere"))
    notices = []
    for kenmerk, second, correction in ((974300, "Zorg Drie B.V.", admitted("Zorg Drie Jeugd B.V.", day="15/08/2024")),
                                        (975300, "Zorg Vijf B.V.", closed)):
        first_round = publication(template(), kenmerk + 2, kenmerk, "AGO", "result", "2024-06-20", "Open house ronde 1",
                                  admitted("Zorg Een B.V.", "Zorg Twee B.V.", day="15/06/2024"))
        second_round = publication(template(), kenmerk + 3, kenmerk, "AGO", "result", "2024-08-20",
                                   "Open house ronde 2", admitted(second, day="15/08/2024"))
        second_round["detail"]["publicatieIDLaatsteRectificatie"] = kenmerk + 4
        rectification = publication(template(), kenmerk + 4, kenmerk, "REC", "result", "2024-10-20",
                                    "Open house ronde 2 (rectificatie)", correction)
        notices += [first_round, second_round, rectification]
    # a rectification no award notice names (the detail's field empty, or set on the procedure's contract notice):
    # it corrects every earlier award of its lot
    contract = publication(template(), 976301, 976300, "AAO", "competition", "2024-06-01", "Jeugdhulp Oost",
                           eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad")))
    contract["detail"]["publicatieIDLaatsteRectificatie"] = 976304
    notices += [contract, publication(template(), 976302, 976300, "AGO", "result", "2024-06-20", "Jeugdhulp Oost",
                                      admitted("Zorg Zes B.V.", day="15/06/2024")),
                publication(template(), 976304, 976300, "REC", "result", "2024-07-20", "Jeugdhulp Oost (rectificatie)",
                            admitted("Zorg Zeven B.V.", day="15/06/2024")),
                publication(template(), 977302, 977300, "AGO", "result", "2024-06-20", "Jeugdhulp West",
                            admitted("Zorg Acht B.V.", day="15/06/2024")),
                publication(template(), 977304, 977300, "REC", "result", "2024-07-20", "Jeugdhulp West (rectificatie)",
                            admitted("Zorg Negen B.V.", day="15/06/2024"))]
    done = crawl(serve_api(notices).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    awards = {r["publication_id"]: (r["current"], r["rectifies"]) for r in db.query(
        "select publication_id, current, rectifies from awards")}
    assert awards == {974302: (1, None), 974303: (0, None), 974304: (1, 974303),
                      975302: (1, None), 975303: (0, None), 976302: (0, None), 976304: (1, 976302),
                      977302: (0, None), 977304: (1, 977302)}
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"] for r in rows(datasette, "aanbieders")}
        assert listed == {"name:zorg een", "name:zorg twee", "name:zorg drie jeugd", "name:zorg zeven",
                          "name:zorg negen"}
    finally:
        datasette.stop()


def test_a_correction_of_the_contract_notice_after_the_award_leaves_each_lot_awarded_or_not(serve_api, crawl, tmp_path):
    """Reference §5 (rectifications share the procedure's kenmerk; /gerelateerd lists them all) and §8.5 (a lot keeps
    its status: awarded / not awarded + reason): a rectification (REC) of the contract notice published after the
    award notice renders sections 2 and 5 alone. Its lots replaced the award notice's: the awarded lot became "not
    known yet" and the lot not awarded lost its status and its reason. Its titles and estimates are taken, the
    lots' results stay the award notice's, whichever of the two is read first."""
    from tests.spiders.test_award_variants_crawl import AWARD, CONTRACT

    award = publication(template(), 978302, 978300, "AGO", "result", "2024-06-20", "Gunning Rijnstad", AWARD)
    correction = publication(template(), 978303, 978300, "REC", "competition", "2024-07-20",
                             "Jeugdhulp Rijnstad (rectificatie)", CONTRACT)
    expected = [("1", 978303, "Ambulante jeugdhulp", 200000000, 1, None),
                ("2", 978303, "Crisishulp", 100000000, 0, "Besluit van de koper, wegens ontoereikende middelen")]
    query = ("select lot_id, publication_id, title, estimated_cents, awarded, not_awarded_reason from lots "
             "where procurement_id = 'TN978300' order by lot_id")
    # an open house whose second round chose no winner, its contract notice corrected after: the correction keeps
    # the lot's "not awarded" and is no rectification of the first round's award
    rounds = [publication(template(), 979302, 979300, "AGO", "result", "2024-06-20", "Ronde 1",
                          AWARD.replace("Jeugdhulp Rijn B.V.", "Zorg Elf B.V.")),
              publication(template(), 979303, 979300, "AGO", "result", "2024-07-20", "Ronde 2", eforms(
                  h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                  h2("6.1 ID resultaat perceel: LOT-0001"),
                  only("Er is geen winnaar gekozen en de mededinging is gesloten."))),
              publication(template(), 979304, 979300, "REC", "competition", "2024-08-20", "Rectificatie", CONTRACT)]
    done = crawl(serve_api([award, correction, *rounds]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r.values()) for r in db.query(query)] == expected
    assert [tuple(r) for r in db.execute("select publication_id, current from awards order by 1")] == [
        (978302, 1), (979302, 1)]
    # read in the other order: the correction archived first, the award notice in a later crawl
    db_path = tmp_path / "other-order.db"
    crawl(serve_api([correction]).api_url, db=db_path, **WINDOW)
    later = crawl(serve_api([award, correction]).api_url, db=db_path, **WINDOW)
    assert later.crawl["status"] == "complete", later.errors
    assert [tuple(r.values()) for r in sqlite_utils.Database(db_path).query(query)] == expected
