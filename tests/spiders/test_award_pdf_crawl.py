"""The PDF fallback (reference tenderned-awards.md §7), end to end: SYNTHETIC award notices whose /html fails or
names no winner are crawled from the loopback API, which serves their PDF (written by the test), into a real
archive."""

from __future__ import annotations

import hashlib

import pytest
import sqlite_utils

from tenderarchive.apiserver import load_publications
from tests.awards.conftest import FIXTURES
from tests.fixtures.awards.make_fixtures import amount, h3, only, row
from tests.fixtures.awards.pdf_writer import text_pdf
from tests.awards.test_html_shapes import eforms, h1, h2
from tests.spiders.test_award_variants_crawl import publication
from tests import forkcli
from tests.conftest import ROOT

WINDOW = {"from_date": "2024-06-01", "until_date": "2024-12-31"}

#: An eForms award notice as its PDF prints it: a lot header and labels broken over lines, a lone colon, a page
#: header inside a label, a ligature, punctuation spaces as thousands separators, a glyph missing from the font
#: ("#"), two winners of one lot, a KvK number after "KvK-nummer" and one in section 8.
EFORMS_PAGES = [
    ["Aankondiging van een gegunde opdracht", "1. Koper", "O\ufb03ciële naam: Gemeente Rijnstad",
     "6. Resultaten", "6.1 ID resultaat", "perceel: LOT-0001", "Er is ten minste één winnaar gekozen.",
     "6.1.2 Informatie over winnaars", "Winnaar:", "O#ciële", "naam:", "Jeugdhulp Rijn B.V.", "Inschrijving:",
     "Waarde van de"],
    ["Pagina 2 van 2", "aanbesteding", ":", "1\u2008200\u2008000 Euro", "Winnaar:", "Officiële naam:",
     "Stichting Zorg Oost", "KvK-nummer: 01234567", "Inschrijving:", "Waarde van de aanbesteding: 300 000 Euro",
     "6.1.4 Statistische informatie", "Aantal ontvangen inschrijvingen of", "verzoeken tot deelname: 3",
     "8. Organisaties", "8.1 ORG-0002", "Officiële naam: Jeugdhulp Rijn B.V.", "Registratienummer: 12345678"],
]

#: The same notice read later from a working /html: its awards replace the PDF's.
RENDERING = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                   h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                   h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdhulp Rijn B.V."),
                   only("Inschrijving"), amount("Waarde van de aanbesteding", "1 250 000", "Euro"))

#: A readable rendering that names no winner (only its buyer and title)
BARE = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("2. Procedure"),
              row("Titel", "Jeugdhulp Rijnstad"))

#: An older standard form as a PDF: a group award, two contractors, a label broken over two lines
STANDARD_PAGES = [[
    "Afdeling I: Aanbestedende dienst", "Officiële benaming: Gemeente Rijnstad",
    "Afdeling V: Gunning van een opdracht", "Opdracht nr.: 1", "Perceel nr.: -", "Benaming: Dyslexiezorg",
    "V.2.1) Datum van de sluiting van de overeenkomst:", "24/06/2022",
    "De opdracht is gegund aan een groep ondernemers: ja",
    "V.2.3) Naam en adres van de contractant", "Officiële benaming: ECLG expertisecentrum", "Plaats: Maastricht",
    "V.2.3) Naam en adres van de contractant", "Officiële benaming: Berkel-B B.V.", "Plaats: Lochem",
    "V.2.4) Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)",
    "Totale waarde van de opdracht/het", "perceel: 1 800 000,00", "Munt: EUR",
    "Afdeling VI: Aanvullende inlichtingen"]]


def award(template, pid, html, **extra):
    new = publication(template, pid, 960000 + pid % 10, "AGO", "result", "2024-06-10", f"Gunning {pid}", html)
    new.update(extra)
    return new


def template():
    return next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")


def test_an_award_notice_whose_html_fails_gets_every_winner_from_its_pdf_until_the_html_reads(serve_api, crawl):
    """§7: the PDF is the fallback when the /html fails. Both winners of the lot are archived (not only the first,
    as IJ's parser does) with their values and KvK numbers, source tenderned_pdf and the PDF's own provenance; the
    /html's failure stays recorded and is asked again, and when it reads, its awards replace the PDF's."""
    pdf = text_pdf(EFORMS_PAGES)
    server = serve_api([award(template(), 960001, None, html_status=404, pdf=pdf)])
    first = crawl(server.api_url, **WINDOW)
    assert first.crawl["status"] == "partial", first.output[-3000:]      # the /html's failure is recorded
    assert any(e["url"].endswith("/960001/html") for e in first.errors), first.errors
    db = sqlite_utils.Database(first.db_path)
    (result,) = db.query("select * from notice_results where publication_id = 960001")
    assert result["layout"] == "pdf" and result["source_url"].endswith("/publicaties/960001/pdf")
    assert result["sha256"] == hashlib.sha256(pdf).hexdigest() and result["supplier_count"] == 2
    assert "awards read from the PDF" in result["problems"]
    awards = list(db.query("select lot_id, source, source_url, sha256, winner_count from awards"))
    assert awards == [{"lot_id": "1", "source": "tenderned_pdf", "source_url": result["source_url"],
                       "sha256": result["sha256"], "winner_count": 2}]
    winners = [tuple(r.values()) for r in db.query(
        "select name, kvk, tender_value_cents, tender_value_raw from award_suppliers order by name")]
    assert winners == [("Jeugdhulp Rijn B.V.", "12345678", 120000000, "1 200 000 Euro"),
                       ("Stichting Zorg Oost", "01234567", 30000000, "300 000 Euro")]
    assert [r["tenders_received"] for r in db.query("select tenders_received from lots")] == [3]
    assert_reparse_gives_the_same(first.db_path)        # the PDF is in the WARC store: a replay reads it again
    # the next crawl asks the /html again; it now reads, and its award replaces the PDF's
    server.api.add(award(template(), 960001, RENDERING, pdf=pdf))
    began = len(server.api.log)
    second = crawl(server.api_url, **WINDOW)
    assert second.crawl["status"] == "complete", second.errors
    assert "/papi/tenderned-rs-tns/v2/publicaties/960001/html" in server.api.log[began:]
    assert not any(path.endswith("/pdf") for path in server.api.log[began:])
    db = sqlite_utils.Database(second.db_path)              # the reparse put a new file in the archive's place
    assert [tuple(r.values()) for r in db.query("select source, value_cents from awards")] == [("tenderned_html", 125000000)]
    assert [r["name"] for r in db.query("select name from award_suppliers")] == ["Jeugdhulp Rijn B.V."]
    assert [r["layout"] for r in db.query("select layout from notice_results")] == ["eforms"]


def test_a_readable_html_without_winners_takes_them_from_a_standard_form_pdf(serve_api, crawl):
    """§7 (TED-style V.2.x sections in the PDF) and the brief: a rendering that yields no award rows gets the PDF
    read too; the group's two contractors are the lot's winners with one shared value, the notice's row stays
    the rendering's; a PDF that cannot be read is named in the problems and loses nothing."""
    server = serve_api([award(template(), 960002, BARE, pdf=text_pdf(STANDARD_PAGES)),
                        award(template(), 960003, BARE, pdf=b"%PDF-1.4 this is not a real PDF")])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    (result,) = db.query("select * from notice_results where publication_id = 960002")
    assert result["layout"] == "eforms" and result["source_url"].endswith("/960002/html")
    (row_,) = db.query("select * from awards where publication_id = 960002")
    assert (row_["source"], row_["value_cents"], row_["contract_date"]) == ("tenderned_pdf", 180000000, "2022-06-24")
    assert row_["source_url"].endswith("/960002/pdf")
    assert sorted(r["name"] for r in db.query("select name from award_suppliers where award_id = ?",
                                              [row_["award_id"]])) == ["Berkel-B B.V.", "ECLG expertisecentrum"]
    (broken,) = db.query("select * from notice_results where publication_id = 960003")
    assert broken["layout"] == "eforms" and "the PDF gave no award either" in broken["problems"]
    assert not list(db.query("select * from awards where publication_id = 960003"))
    assert_reparse_gives_the_same(done.db_path, "--jobs", "2")


def assert_reparse_gives_the_same(db, *args):
    tables = ("lots", "awards", "award_suppliers", "notice_results", "organisations", "notices")
    before = {t: sorted(map(repr, sqlite_utils.Database(db).query(f"select * from [{t}]"))) for t in tables}
    completed = forkcli.run(["reparse", "--db", db, *args], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert {t: sorted(map(repr, sqlite_utils.Database(db).query(f"select * from [{t}]"))) for t in tables} == before


def test_a_rectification_read_from_html_supersedes_the_award_read_from_the_originals_pdf(serve_api, crawl):
    """Reference §4 "Rectified award" / §8.6: the API's notices are one source whether an award was read from the
    /html or from the PDF; a later REC giving the lot again makes the PDF's award not current (both were current)."""
    original = publication(template(), 960021, 960020, "AGO", "result", "2024-06-10", "Gunning", None)
    original.update(html_status=404, pdf=text_pdf(EFORMS_PAGES))
    rectification = publication(template(), 960022, 960020, "REC", "result", "2024-07-10", "Rectificatie", RENDERING)
    done = crawl(serve_api([original, rectification]).api_url, **WINDOW)
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r.values()) for r in db.query(
        "select publication_id, source, current, rectifies from awards order by publication_id")] == [
        (960021, "tenderned_pdf", 0, None), (960022, "tenderned_html", 1, 960021)]


PDF_PATH = "/papi/tenderned-rs-tns/v2/publicaties/{}/pdf"


def test_a_pdf_that_fails_after_a_readable_html_naming_no_winner_is_recorded_and_asked_again(serve_api, crawl):
    """The PDF a readable /html naming no winner needed answers 503 past its retries: the failure is recorded (the
    crawl ends partial), no row takes the notice's awards for read, and the next run asks the /html and the PDF
    again and archives the PDF's winners. The /html's row was written and counted as read: never asked again."""
    server = serve_api([award(template(), 960004, BARE, pdf=text_pdf(EFORMS_PAGES))])
    server.api.faults[PDF_PATH.format(960004)] = [{"status": 503}] * 30
    first = crawl(server.api_url, **WINDOW)
    assert first.crawl["status"] == "partial", first.output[-3000:]
    assert any(e["url"].endswith("/960004/pdf") for e in first.errors), first.errors
    server.api.faults.clear()
    db = assert_the_next_crawl_reads_the_pdf(server, crawl, first, 960004)
    assert [r["source"] for r in db.query("select source from awards")] == ["tenderned_pdf"]


@pytest.mark.parametrize("pdf_later", ["503", "404"])
def test_a_pdf_row_is_not_downgraded_by_a_later_html_naming_no_winner_whose_pdf_fails(serve_api, crawl, pdf_later):
    """An award notice archived from its PDF (the /html failed) whose /html later reads but names no winner, and
    whose PDF then fails (503 past its retries) or is gone (404: no failure to retry, the /html's row is written
    for a notice without a PDF): the PDF's row (its counts, its problems) stands, as its award does; it was
    replaced by the bare /html's row (no award, no winner, no problem) while the PDF's award stayed current."""
    pdf = text_pdf(EFORMS_PAGES)
    server = serve_api([award(template(), 960005, None, html_status=404, pdf=pdf)])
    first = crawl(server.api_url, **WINDOW)
    db = sqlite_utils.Database(first.db_path)
    before = list(db.query("select * from notice_results"))
    assert [(r["layout"], r["award_count"], r["supplier_count"]) for r in before] == [("pdf", 1, 2)]
    if pdf_later == "503":
        server.api.add(award(template(), 960005, BARE, pdf=pdf))
        server.api.faults[PDF_PATH.format(960005)] = [{"status": 503}] * 30
    else:
        server.api.add(award(template(), 960005, BARE))
    began = len(server.api.log)
    second = crawl(server.api_url, **WINDOW)
    assert PDF_PATH.format(960005) in server.api.log[began:]
    db = sqlite_utils.Database(second.db_path)
    assert list(db.query("select * from notice_results")) == before
    assert [(r["source"], r["current"]) for r in db.query("select source, current from awards")] == [("tenderned_pdf", 1)]

def test_the_html_replacing_the_pdfs_awards_leaves_no_winner_only_the_pdf_named(serve_api, crawl, tmp_path):
    """When the /html reads and its awards replace the PDF's, a winner only the PDF named ("Stichting Zorg Oost",
    kvk:01234567) and the PDF's key of a winner the /html names by name only (kvk:12345678) are no organisations
    any more, and those left have the /html's provenance: the archive's organisations are those of an archive
    whose /html read first."""
    pdf = text_pdf(EFORMS_PAGES)
    server = serve_api([award(template(), 960006, None, html_status=404, pdf=pdf)])
    first = crawl(server.api_url, **WINDOW)
    assert {"kvk:01234567", "kvk:12345678"} <= {r["organisation_id"] for r in sqlite_utils.Database(
        first.db_path).query("select organisation_id from organisations")}
    server.api.add(award(template(), 960006, RENDERING, pdf=pdf))
    crawl(server.api_url, **WINDOW)
    fresh = crawl(server.api_url, **WINDOW, db=tmp_path / "fresh.db")

    def organisations(path):
        return sorted(map(repr, sqlite_utils.Database(path).query(
            "select organisation_id, name, kind, kvk, name_key, named_in, source_url, sha256 from organisations")))
    assert organisations(first.db_path) == organisations(fresh.db_path)



def test_a_pdf_over_its_cpu_time_is_refused_named_and_settled_and_the_crawl_goes_on(serve_api, crawl):
    """An award notice whose /html names no winner and whose PDF (a fuzzer's find: scattered glyphs, minutes of
    pdfminer's layout analysis) is over AWARDS_PDF_CPU_SECONDS: the crawl goes on and completes, the notice is
    archived with the /html's row naming the refusal, and the next crawl does not ask it again (the same bytes
    are refused again). Without the bound the crawl sat in pdfminer for minutes."""
    from tests.awards.test_pdf import scattered_glyphs_pdf

    server = serve_api([award(template(), 960006, BARE, pdf=scattered_glyphs_pdf(4000))])
    first = crawl(server.api_url, "-s", "AWARDS_PDF_CPU_SECONDS=1", **WINDOW)
    assert first.crawl["status"] == "complete", first.errors
    assert "PDF of the award notice refused (over the 1 s of CPU time its reading may take)" in first.output
    db = sqlite_utils.Database(first.db_path)
    (result,) = db.query("select layout, award_count, problems from notice_results where publication_id = 960006")
    assert result["layout"] == "eforms" and result["award_count"] == 0
    assert "PDF refused: over the 1 s of CPU time its reading may take; not read" in result["problems"]
    began = len(server.api.log)
    second = crawl(server.api_url, "-s", "AWARDS_PDF_CPU_SECONDS=1", **WINDOW)
    assert second.crawl["status"] == "complete", second.errors
    assert PDF_PATH.format(960006) not in server.api.log[began:]


def test_a_pdf_whose_winners_run_across_page_breaks_archives_each_winner_whole(serve_api, crawl):
    """§7 (page headers fall inside a label): an award PDF of three pages, each with the notice's running header and a
    dated footer with its page number (SYNTHETIC), a winner's name and the next winner's block split by the page
    breaks: each winner is archived by its whole name and value, with no header or footer text in it (the name was
    "Stichting Jeugdhulp Publicatiedatum 12/03/2024 - TenderNed - 1/3 Aankondiging … Rijnmond")."""
    def page(number, lines):
        return ["Aankondiging van een gegunde opdracht 960031", *lines,
                f"Publicatiedatum 12/03/2024 - TenderNed - {number}/3"]
    pdf = text_pdf([
        page(1, ["1. Koper", "Officiële naam: Gemeente Rijnstad", "6. Resultaten", "6.1 ID resultaat perceel: LOT-0001",
                 "6.1.2 Informatie over winnaars", "Winnaar:", "Officiële naam: Stichting Jeugdhulp"]),
        page(2, ["Rijnmond", "KvK-nummer: 23456789", "Inschrijving:", "Waarde van de aanbesteding: 800 000 Euro",
                 "Winnaar:", "Officiële naam:"]),
        page(3, ["Zorg Oost B.V.", "Inschrijving:", "Waarde van de aanbesteding:", "1 200 000 Euro"])])
    done = crawl(serve_api([award(template(), 960031, None, html_status=404, pdf=pdf)]).api_url, **WINDOW)
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r.values()) for r in db.query(
        "select name, kvk, tender_value_cents from award_suppliers order by name")] == [
        ("Stichting Jeugdhulp Rijnmond", "23456789", 80000000), ("Zorg Oost B.V.", None, 120000000)]


def test_a_standard_form_pdf_whose_contractors_name_runs_on_the_next_page_archives_the_whole_name(serve_api, crawl):
    """§3.1, §7: an older-form award PDF (SYNTHETIC) whose contractor's "Officiële benaming" a page break splits: the
    winner is archived, and named as a provider, by its whole name ("Stichting Jeugdhulp" alone, before)."""
    pages = [STANDARD_PAGES[0][:9] + ["V.2.3) Naam en adres van de contractant", "Officiële benaming: Stichting Jeugdhulp",
                                      "Pagina 1 van 2"],
             ["Pagina 2 van 2", "Rijnmond Zuid", "Nationale identificatie: 23456789", "Plaats: Rotterdam",
              *STANDARD_PAGES[0][-5:]]]
    done = crawl(serve_api([award(template(), 960032, None, html_status=404, pdf=text_pdf(pages))]).api_url, **WINDOW)
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r.values()) for r in db.query("select name, kvk from award_suppliers")] == \
        [("Stichting Jeugdhulp Rijnmond Zuid", "23456789")]
    assert [r["value_cents"] for r in db.query("select value_cents from awards")] == [180000000]


#: a login page, as a proxy or sign-on gateway in front of the API answers (SYNTHETIC)
LOGIN_PAGE = (b'<!DOCTYPE html><html><head><title>Inloggen - TenderNed</title></head><body><form action="/login" '
              b'method="post"><label>Gebruikersnaam <input name="username"></label><button>Inloggen</button></form>'
              b'</body></html>')


@pytest.mark.parametrize("faults", [
    lambda pid: {PDF_PATH.format(pid): [{"status": 200, "headers": {"Content-Type": "text/html;charset=UTF-8"},
                                         "body": LOGIN_PAGE}]},
    lambda pid: {PDF_PATH.format(pid): [{"status": 302, "headers": {"Location": "/login"}, "body": ""}],
                 "/login": [{"status": 200, "headers": {"Content-Type": "text/html;charset=UTF-8"}, "body": LOGIN_PAGE}]},
], ids=["login-page", "redirected-to-login"])
def test_a_pdf_answered_by_a_login_page_is_a_failed_pdf_recorded_and_asked_again(serve_api, crawl, faults):
    """The PDF (``/pdf``: ``application/pdf``, reference §1, §6) a readable /html naming no winner needed, answered
    with HTTP 200 by a page that is no PDF (a login page, sent or redirected to), was read as a PDF that gave no award:
    the /html's row written and counted as read, the crawl complete, and the notice's winners never asked for again.
    It is a PDF that failed: recorded (the crawl partial), no row taking the awards for read, and the next run asks
    the /html and the PDF again and archives the PDF's winners."""
    server = serve_api([award(template(), 960006, BARE, pdf=text_pdf(EFORMS_PAGES))])
    server.api.faults.update(faults(960006))
    first = crawl(server.api_url, **WINDOW)
    assert first.crawl["status"] == "partial", first.output[-3000:]
    (error,) = [e for e in first.errors if e["url"].endswith("/960006/pdf")]
    assert "not a PDF" in error["error"] and "Inloggen" in error["error"], error
    assert_the_next_crawl_reads_the_pdf(server, crawl, first, 960006)


def assert_the_next_crawl_reads_the_pdf(server, crawl, first, publication_id: int) -> sqlite_utils.Database:
    """After a first crawl whose PDF failed (no award archived), the next crawl asks the PDF again, ends complete
    and archives its one award of two winners; → the archive."""
    assert not list(sqlite_utils.Database(first.db_path).query("select * from awards"))
    began = len(server.api.log)
    second = crawl(server.api_url, **WINDOW)
    assert second.crawl["status"] == "complete", second.errors
    assert PDF_PATH.format(publication_id) in server.api.log[began:]
    db = sqlite_utils.Database(second.db_path)
    (result,) = db.query("select layout, award_count, supplier_count from notice_results")
    assert result == {"layout": "eforms", "award_count": 1, "supplier_count": 2}
    return db


@pytest.mark.parametrize("html", ["fails", "names-no-winner"])
def test_a_voluntary_ex_ante_notice_gets_its_winners_from_its_pdf_as_any_award_notice(serve_api, crawl, html):
    """Reference §7.1 (an AGO is "about 16%" a VEAT), §8.4 (form type ``dir-awa-pre``) and docs/awards.md ("The PDF
    fallback": every award notice but a rectification of a contract notice): a voluntary ex-ante transparency notice
    names the provider the buyer awards directly (glossary: ``voorlopige_gunning``). Its /html failing, or read and
    naming no winner, got no PDF asked: only the forms ``result``, ``cont-modif`` and ``completion`` did, so the
    VEAT was archived with no winner (the failed /html recorded, asked again, the PDF never), a direct award to a
    youth-care provider missing from the provider lists. Its PDF's winners are archived now."""
    pdf = text_pdf(EFORMS_PAGES)
    veat = publication(template(), 960031, 960030, "AGO", "dir-awa-pre", "2024-06-10", "Jeugdhulp Rijnstad (VEAT)",
                       None if html == "fails" else BARE)
    veat.update(pdf=pdf, **({"html_status": 404} if html == "fails" else {}))
    server = serve_api([veat])
    done = crawl(server.api_url, **WINDOW)
    assert PDF_PATH.format(960031) in server.api.log, server.api.log
    db = sqlite_utils.Database(done.db_path)
    assert [(r["source"], r["winner_count"]) for r in db.query("select source, winner_count from awards")] == [
        ("tenderned_pdf", 2)]
    assert sorted(r["name"] for r in db.query("select name from award_suppliers")) == [
        "Jeugdhulp Rijn B.V.", "Stichting Zorg Oost"]
    assert done.crawl["status"] == ("partial" if html == "fails" else "complete"), done.errors
