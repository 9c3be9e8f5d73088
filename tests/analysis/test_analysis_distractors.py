"""Texts from adjacent fields must not be classified as jeugdhulp procurement."""
import pytest

from tenderarchive.analysis import analyse
from tenderarchive.profiles import load_profile

WMO_TENDER = """Aanbesteding huishoudelijke hulp Wmo 2025
De gemeenten in de regio publiceren op TenderNed een marktconsultatie voor de inkoop van
huishoudelijke ondersteuning binnen de Wmo. Aanbieders kunnen tot 1 maart 2025 reageren.
De raamovereenkomst gaat in per 1 januari 2026."""

KINDEROPVANG_RULING = """Uitspraak voorzieningenrechter kinderopvang
In het kort geding van een kinderopvangorganisatie tegen de gemeente heeft de voorzieningenrechter
op 12 april 2023 uitspraak gedaan. De rechter wijst de vordering om de subsidie voor
kinderdagverblijven voort te zetten af."""

STATISTICS = """Steeds meer kinderen in de jeugdzorg
Volgens nieuwe cijfers van het CBS kreeg in 2023 bijna 10 procent van alle kinderen jeugdzorg.
Het aantal jongeren met jeugdhulp steeg met 3,5 % ten opzichte van een jaar eerder.
Jeugdbescherming en jeugdreclassering bleven gelijk."""

VERORDENING = """Verordening jeugdhulp gemeente Voorbeeld 2024
Artikel 1. Begripsbepalingen. In deze verordening wordt verstaan onder jeugdhulp: hulp als bedoeld in de Jeugdwet.
Artikel 2. Het college verstrekt een persoonsgebonden budget (pgb) voor jeugdhulp.
Artikel 3. Het tarief voor een pgb wordt vastgesteld in de nadere regels."""


@pytest.mark.parametrize("text,rule", [
    (WMO_TENDER, "procurement_term_only"),
    (KINDEROPVANG_RULING, "adjacent_only"),
    (STATISTICS, "youth_term_only"),
    (VERORDENING, "regulation"),
])
def test_distractor_is_not_relevant(text, rule):
    r = analyse(text)
    assert r["relevant"] is False
    assert r["relevance_rule"] == rule
    assert r["relevance_score"] < 0.5


def test_no_terms_at_all():
    r = analyse("Het weer wordt morgen zonnig met een zwakke wind uit het zuiden.")
    assert (r["relevant"], r["relevance_rule"], r["primary_stage"]) == (False, "no_terms", None)


def test_kinderopvang_kort_geding_is_not_a_tender_ruling_stage():
    stages = {s["stage"] for s in analyse(KINDEROPVANG_RULING)["stages"]}
    assert not {"kort_geding", "bodemprocedure", "hoger_beroep"} & set(stages)


def test_youth_tender_with_wmo_words_stays_relevant():
    text = ("De regio start de aanbesteding voor specialistische jeugdhulp. Ook de Wmo-begeleiding "
            "wordt later ingekocht. Inschrijven kan tot 1 juni 2024 via TenderNed.")
    assert analyse(text)["relevant"] is True


YOUTH_TERMS = load_profile("youth_care").relevance.terms


@pytest.mark.parametrize("term", YOUTH_TERMS)
def test_one_youth_care_vocabulary_for_notices_and_news(term):
    """One youth-care vocabulary (issue 9): every term of the youth_care topic profile makes
    a notice youth care (pipelines/classify.py) and, with a procedure act beside it, a news
    page about youth-care procurement (tenderarchive/analysis/relevance.py)."""
    from pipelines.classify import classify
    from tenderarchive.analysis.relevance import relevance
    notice = {"title": f"Inkoop {term} 2025", "description": "", "reference": None, "keywords": None}
    assert classify(notice, [], load_profile("youth_care").relevance)[0]
    page = relevance(f"De regio start de aanbesteding voor {term}. Inschrijven kan tot 1 mei.", title="Nieuws")
    assert page["relevant"], page
    assert any(t.startswith(term.split()[0].split("-")[0]) for t in page["matched_terms"]), page


@pytest.mark.parametrize("written", ["jeugd ggz", "jeugdggz", "jeugd-ggz", "Jeugd- en Gezinsteams",
                                     "jeugdhulpaanbieders", "gezinshuizen"])
def test_news_reads_profile_terms_with_their_spelling_variants(written):
    from tenderarchive.analysis.relevance import relevance
    page = relevance(f"De aanbesteding voor {written} is gegund.", title="Nieuws")
    assert page["relevant"] and page["relevance_rule"] == "youth_term+procedure", page


@pytest.mark.parametrize("word", ["crisishulp", "flexibel team"])
def test_news_only_words_do_not_make_a_notice_youth_care(word):
    """A few words mark youth care only in running news text; a notice about them alone
    (adult crisis care, a flexible team of another service) stays out of the youth-care archive."""
    from pipelines.classify import classify
    from tenderarchive.analysis.relevance import relevance
    notice = {"title": f"Aanbesteding {word}", "description": "", "reference": None, "keywords": None}
    assert not classify(notice, [], load_profile("youth_care").relevance)[0]
    assert relevance(f"De aanbesteding voor {word} jeugd is gestart.", title="Nieuws")["matched_terms"]

