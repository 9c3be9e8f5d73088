"""Specifications of the readings of branch cv60 (issue 11) -- in short synthetic pages (SYNTHETIC: written for these tests
in common Dutch news wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

from tests.analysis.reading import stage_statuses

PUBLISHED = dt.date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "Vanaf 1 juli 2024 gaan wij samen alle crisishulp voor jongeren in de regio aanbieden.",
    "De komende maanden werken we hard, zodat we per 1 januari 2025 specialistische hulp kunnen bieden in de wijk.",
    "Met ingang van 1 januari 2025 levert de stichting de ambulante jeugdhulp in vier gemeenten.",
    "Per 1 april 2024 verzorgt het nieuwe team de begeleiding van gezinnen in de stad.",
])
def test_care_delivered_from_a_date_ahead_is_the_start_to_come(read, text):
    # stages.md contractstart ("per 1 januari werken we met"): a party delivering the care from a date after the page's own
    result = read(text, published=PUBLISHED)
    assert stage_statuses(result).get("contractstart") == "planned"
    assert result["primary_stage"] != "contractstart"


@pytest.mark.parametrize("text", [
    # a budget, not care delivered
    "Per 2025 is er meer geld voor de jeugdhulp in de regio.",
    # a date before the page's own: left to the sentence's tense
    "Vanaf 1 januari 2023 biedt de stichting de jeugdhulp in vier gemeenten.",
    # an end of the delivery, not its start
    "Vanaf 1 januari 2025 levert de stichting geen jeugdhulp meer; het contract eindigt dan.",
])
def test_care_without_delivery_from_a_date_ahead_names_no_start_ahead(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("contractstart") != "planned"


def test_the_care_delivered_is_read_in_linear_time():
    # guard: 100 KB of care words with no delivering verb, and of delivering verbs with no care after them
    from tenderarchive.analysis.stages import _CARE_DELIVERED
    from tests.speed import LINEAR, linear_time

    for unit in ("jeugdhulp en de ", "bieden de grote ", "xzorgxxxxxxxxxxxxx"):
        assert linear_time(_CARE_DELIVERED.search, unit) < LINEAR, unit


@pytest.mark.parametrize("text", [
    "De gemeenten werken aan een nieuwe inkoopstrategie voor de jeugdhulp. De aanbesteding is op TenderNed gepubliceerd.",
    "De regio werkt aan een nieuwe inkoopstrategie voor de jeugdhulp. De opdracht is inmiddels gegund aan drie aanbieders.",
    "De regio bereidt de nieuwe inkoop van jeugdhulp voor. De contracten met twaalf aanbieders zijn getekend.",
])
def test_a_procedure_step_taken_puts_its_preparation_behind_it(read, text):
    # stages.md's steps follow one another: the tender started, the award made or the contracts signed tell a
    # procurement whose preparation is over
    statuses = stage_statuses(read(text, published=PUBLISHED))
    assert statuses.get("voorbereiding") == "done"
    assert any(st in ("done", "current") for stage, st in statuses.items() if stage != "voorbereiding")


@pytest.mark.parametrize("text", [
    # a failed round: the next one is being prepared
    "De aanbesteding jeugdhulp is mislukt. De regio werkt nu aan een nieuwe inkoopstrategie voor de jeugdhulp.",
    # the contracts extended while the new purchase is prepared
    "De contracten jeugdhulp zijn met een jaar verlengd. Intussen werkt de regio aan een nieuwe inkoopstrategie.",
    # only steps to come: the preparation is under way (cv47)
    "De regio werkt aan een nieuwe inkoopstrategie voor de jeugdhulp. Volgend jaar start de aanbesteding.",
])
def test_a_preparation_after_a_failure_an_extension_or_before_any_step_still_runs(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("voorbereiding") == "current"


@pytest.mark.parametrize("text, court", [
    ("Drie aanbieders hebben een kort geding aangespannen tegen de aanbesteding jeugdhulp van de regio. De rechter heeft "
     "hun eisen afgewezen.", "kort_geding"),
    ("Het gerechtshof heeft de gemeente in het ongelijk gesteld in de zaak over de aanbestedingsprocedure voor "
     "jeugdzorg.", "hoger_beroep"),
])
def test_a_court_step_about_a_tender_presupposes_the_tender_put_out(read, text, court):
    # a case about a tender is about one put out (stages.md aankondiging, done); the court step stays the page's news
    result = read(text, published=PUBLISHED)
    statuses = stage_statuses(result)
    assert statuses.get("aankondiging") == "done"
    assert result["primary_stage"] == court


@pytest.mark.parametrize("text", [
    # a case against extending instead of tendering: no tender put out
    "Een aanbieder heeft een kort geding aangespannen omdat de gemeente de contracten jeugdhulp heeft verlengd zonder "
    "aanbesteding. De rechter heeft de eis afgewezen.",
    # no tender named
    "De rechter heeft in kort geding bepaald dat de gemeente de tarieven voor jeugdhulp moet verhogen.",
])
def test_a_court_step_about_an_extension_or_no_tender_names_no_tender_put_out(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("aankondiging") is None


def test_the_tender_noun_is_read_in_linear_time():
    # guard: 100 KB of near-misses of the procedure nouns
    from tenderarchive.analysis.stages import _TENDER_NOUN
    from tests.speed import LINEAR, linear_time

    for unit in ("open-house-proceduur ", "aanbestedingsprocedur", "xinkoopprocedurex "):
        assert linear_time(_TENDER_NOUN.search, unit) < LINEAR, unit


@pytest.mark.parametrize("text", [
    "Vorige maand diende een van de aanbieders een klacht in over het geboden tarief voor de jeugdhulp.",
    "Twee aanbieders hebben een klacht ingediend bij het meldpunt over de eisen in de aanbesteding jeugdhulp.",
    "De bezwaartermijn is verlopen en daarmee is de opdracht jeugdhulp definitief gegund aan Kwadraad.",
    "De standstill periode is inmiddels verstreken; de gemeente heeft de opdracht jeugdhulp gegund.",
])
def test_a_complaint_about_the_terms_or_a_passed_objection_term_is_no_objection(read, text):
    # stages.md `bezwaar`: the objection during the standstill an award opens -- not a complaint about the tender's
    # terms, nor the term for objecting told as passed
    assert "bezwaar" not in stage_statuses(read(text, published=PUBLISHED))


@pytest.mark.parametrize("text", [
    "Een aanbieder heeft een klacht ingediend tegen de voorlopige gunning van de opdracht jeugdhulp.",
    "Twee aanbieders hebben bezwaar gemaakt tegen de gunning van de opdracht jeugdhulp.",
])
def test_a_complaint_or_objection_against_the_award_is_the_objection(read, text):
    assert stage_statuses(read(text, published=PUBLISHED)).get("bezwaar") == "done"


def test_the_passed_term_is_read_in_linear_time():
    from tenderarchive.analysis.stages import _TERM_PASSED
    from tests.speed import LINEAR, linear_time

    for unit in ("de bezwaartermijn is ", "is is is verlopenx "):
        assert linear_time(lambda t: [_TERM_PASSED.match(t, i) for i in range(0, len(t), 997)], unit) < LINEAR, unit
