"""Seventy-first pass over tenderned-awards.md, end to end: a SYNTHETIC eForms award notice whose winners' values are
published as a ceiling, a range and a rate (reference §2.4 "Keep the printed text next to the parsed number", §4
"Ranges", amounts.py rates) is crawled from the loopback API into a real archive; the timeline's award sentences and
the award feeds' entries give each value as published, in Dutch that reads."""

from __future__ import annotations

import sqlite_utils

from tenderarchive.apiserver import load_publications
from tenderarchive.datasette_plugin import register_functions
from tenderarchive.metadata import load_metadata
from tests.awards.conftest import FIXTURES
from tests.awards.test_html_shapes import amount, eforms, h1, h2, h3, only, row
from tests.spiders.test_award_shapes_crawl import WINDOW, publication


def _lot(lot: str, name: str, value: str) -> list[str]:
    return [h2(f"6.1 ID resultaat perceel: LOT-000{lot}"), only("Er is ten minste één winnaar gekozen."),
            h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", name), only("Inschrijving"),
            row("Identificatiecode van het perceel of de groep percelen", f"LOT-000{lot}"),
            amount("Waarde van de aanbesteding", value, "Euro"), only("Informatie over het contract"),
            row("Datum waarop de winnaar is gekozen", "15/05/2025")]


RENDERING = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldrijk"), h1("6. Resultaten"),
                   *_lot("1", "Jeugdhulp Noord B.V.", "maximaal € 2 miljoen"),
                   *_lot("2", "Stichting Zorg Oost", "tussen € 1 en € 2 miljoen"),
                   *_lot("3", "Praktijk West", "€ 85 per uur"))


def test_a_ceiling_a_range_and_a_rate_are_worded_as_published_on_the_timeline_and_in_the_feeds(serve_api, crawl):
    """The timeline read "Perceel 1 gegund aan Jeugdhulp Noord B.V. voor € 2.000.000,00" of a value published
    "maximaal € 2 miljoen" (a ceiling, as if the contract were worth that), "… voor tussen € 1 en € 2 miljoen" and
    "… voor € 85 per uur"; the feed entries so too. Now: "voor maximaal € 2.000.000,00", "voor een bedrag tussen € 1
    en € 2 miljoen", "tegen € 85 per uur", never converted."""
    template = next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")
    notice = publication(template, 907101, 907100)
    notice["html"] = RENDERING
    server = serve_api([notice])
    result = crawl(server.api_url, **WINDOW)
    assert result.returncode == 0, result.output[-3000:]
    db = sqlite_utils.Database(result.db_path)
    assert [(r["lot_id"], r["value_cents"], r["value_raw"]) for r in db.query(
        "select lot_id, value_cents, value_raw from awards where procurement_id = 'TN907100' order by lot_id")] == [
        ("1", 200000000, "maximaal € 2 miljoen"), ("2", None, "tussen € 1 en € 2 miljoen"), ("3", None, "€ 85 per uur")]
    assert [r["sentence"] for r in db.query(
        "select sentence from events where procurement_id = 'TN907100' and source_type = 'award' order by sentence")] == [
        "Perceel 1 gegund aan Jeugdhulp Noord B.V. voor maximaal € 2.000.000,00",
        "Perceel 2 gegund aan Stichting Zorg Oost voor een bedrag tussen € 1 en € 2 miljoen",
        "Perceel 3 gegund aan Praktijk West tegen € 85 per uur"]
    register_functions(db.conn)
    cursor = db.conn.execute(load_metadata()["databases"]["archive"]["queries"]["awards_by_region_year"]["sql"],
                             {"jeugdregio": "", "year": "", "pagina": "alle"})
    names = [c[0] for c in cursor.description]
    entries = sorted(dict(zip(names, r))["atom_content"] for r in cursor)
    assert [e for e in entries if "Jeugdhulp Noord" in e or "Zorg Oost" in e or "Praktijk West" in e] == [
        "Gegund aan Jeugdhulp Noord B.V. voor maximaal € 2.000.000,00",
        "Gegund aan Praktijk West tegen € 85 per uur",
        "Gegund aan Stichting Zorg Oost voor een bedrag tussen € 1 en € 2 miljoen"], entries
