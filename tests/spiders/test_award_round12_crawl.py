"""Twelfth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive and read where the researcher reads them (Datasette's `who_won_in_jeugdregio`, `aanbieder_contracten`)."""

from __future__ import annotations

import sqlite_utils

from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import amount, h3, only, row
from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW

#: a French rendering (reference §2.1 "other languages occur as well"), the eForms SDK's French labels verbatim;
#: its winner is Dutch ("Pays-Bas") with a KvK number that starts with a zero
FRENCH = eforms(h1("1. Acheteur"), row("Nom officiel", "Gemeente Rijnstad"),
                h1("6. Résultats"), h2("6.1 Identifiant du résultat du lot: LOT-0001"),
                only("Au moins un lauréat a été choisi."), h3("6.1.2 Informations sur les lauréats"),
                only("Adjudicataire/attributaire"), row("Nom officiel", "Jeugdzorg Grens B.V."), only("Offre"),
                amount("Valeur de l’offre", "1 250 000", "Euro"),
                h1("8. Organisations"), h2("8.1 ORG-0001"), row("Nom officiel", "Jeugdzorg Grens B.V."),
                row("Numéro d’enregistrement", "04012345"), row("Pays", "Pays-Bas"))


def test_a_french_award_notice_is_read_and_its_winner_found_by_its_kvk_number_as_typed(serve_api, crawl):
    """A French rendering was named a problem and not read: its winner and value were in no provider list. Read
    now, its Dutch winner keeps its KvK number 04012345, and `aanbieder_contracten` finds it by that number also
    typed without its leading zero (it found nothing)."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    done = crawl(serve_api([award(template(), 960121, FRENCH)]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    (result,) = db.query("select language, problems from notice_results where publication_id = 960121")
    assert result["language"] == "fr" and "language" not in (result["problems"] or "")
    datasette = Server(done.db_path)
    try:
        won = {r["organisation_id"]: (r["kvk"], r["awards"]) for r in rows(datasette, "who_won_in_jeugdregio", jeugdregio="")}
        assert won == {"kvk:04012345": ("04012345", 1)}
        for typed in ("04012345", "4012345", "KvK 0401 2345", "kvk:04012345"):
            contracts = rows(datasette, "aanbieder_contracten", aanbieder=typed)
            assert [(c["procurement_id"], c["waarde_cents"]) for c in contracts] == [
                (f"TN{960000 + 960121 % 10}", 125000000)], typed
    finally:
        datasette.stop()
