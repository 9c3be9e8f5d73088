"""Thirty-first pass over tenderned-awards.md, end to end: SYNTHETIC notices crawled from the loopback API into a
real archive, and what it shows of them."""

from __future__ import annotations

import pytest

from tests.awards.test_html_shapes import amount, eforms, h1, h2, row
from tests.conftest import by_id
from tests.spiders.test_tenderned_round29 import BOTH, move_procedure


def leiden_contract_notice() -> str:
    """A SYNTHETIC eForms rendering of contract notice 200201 naming the two lots award 200288 gives (reference §2.3,
    section 5: "5.1 Perceel: LOT-nnnn", its "Titel" and "Geraamde waarde exclusief btw")."""
    return eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"), h1("5. Perceel"),
                  h2("5.1 Perceel: LOT-0001"), row("Titel", "Gemeentelijke toegang jeugdhulp"),
                  amount("Geraamde waarde exclusief btw", "10 000 000", "Euro"),
                  h2("5.1 Perceel: LOT-0002"), row("Titel", "Specialistische diagnostiek"),
                  amount("Geraamde waarde exclusief btw", "500 000", "Euro"))


def lots(db) -> list[tuple]:
    return [tuple(r.values()) for r in db.query(
        "select procurement_id, lot_id, publication_id, title, awarded, tenders_received, estimated_cents "
        "from lots order by 1, 2")]


#: both notices read from the list, the contract notice first; the award alone listed, its contract notice read after
#: it through /gerelateerd (reference §8.2), so the lot was the award's and the contract notice only filled its estimate
WINDOWS = [pytest.param(BOTH, id="contract-notice-first"),
           pytest.param({"from_date": "2021-01-01", "until_date": "2021-01-20"}, id="award-first")]


@pytest.mark.parametrize("window", WINDOWS)
def test_an_award_moved_alone_leaves_its_former_procedures_lots_as_their_contract_notice_gives_them(
        window, snapshot, serve_api, crawl):
    """Reference §5 (every publication of a procedure shares its kenmerk) and §8.5 (a lot's status and counts are the
    award notice's). Contract notice 200201 names lots 1 and 2 with their titles and estimates; award notice 200288
    of the same procedure awards lot 1 after two tenders and not lot 2. TenderNed then moves the award alone to
    procedure 777001. Its awards and lots go along, but TN243310 kept both lots as the award had left them: credited
    to the award notice no longer in it, lot 1 awarded after two tenders, lot 2 not awarded, so the procedure with
    no award notice showed awarded lots and "Lots not awarded" listed lot 2 twice, under both procedures. The lots
    it keeps are its contract notice's: its titles and estimates, no result and no tenders, whichever notice was read
    first."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    by_id(snapshot, 200201)["html"] = leiden_contract_notice()
    first = crawl(serve_api(snapshot).api_url, **window)
    assert first.crawl["status"] == "complete", first.errors
    assert lots(first.db) == [
        ("TN243310", "1", 200288, "Gemeentelijke toegang jeugdhulp", 1, 2, 1000000000),
        ("TN243310", "2", 200288, "Specialistische diagnostiek", 0, None, 50000000)]
    move_procedure(snapshot, 777001, 200288)
    again = crawl(serve_api(snapshot).api_url, **window)
    assert again.crawl["status"] == "complete", again.errors
    assert lots(again.db) == [
        ("TN243310", "1", 200201, "Gemeentelijke toegang jeugdhulp", None, None, 1000000000),
        ("TN243310", "2", 200201, "Specialistische diagnostiek", None, None, 50000000),
        ("TN777001", "1", 200288, "Gemeentelijke toegang jeugdhulp", 1, 2, None),
        ("TN777001", "2", 200288, "Specialistische diagnostiek", 0, None, None)]
    assert [(r["procurement_id"], r["lot_id"], r["awarded"]) for r in again.db.query(
        "select * from summary_region_lots where awarded is not null order by 1, 2")] == [
        ("TN777001", "1", 1), ("TN777001", "2", 0)]
    datasette = Server(again.db_path)
    try:
        not_awarded = [(r["procurement_id"], r["lot"], r["publication_id"]) for r in rows(datasette, "lots_not_awarded")]
    finally:
        datasette.stop()
    assert not_awarded == [("TN777001", "2", 200288)]

