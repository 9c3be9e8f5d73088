"""Specifications of the readings of branch cv45 (issue 11): a condition after the main clause and the "als" of a role,
and (below) relevance near misses -- in short synthetic pages (SYNTHETIC: written for these tests in common Dutch news
wording, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): a condition's verb and
the "als" of a role are Dutch grammar, not a rule a held-out site may lose.
"""
import pytest

from tests.analysis.reading import stage_statuses
from tenderarchive.analysis import MAX_TEXT_CHARS
from tests.speed import LINEAR, linear_time, repeat


# --- a condition after the main clause makes its step a contingency, planned ---

@pytest.mark.parametrize("text", [
    "De regio verlengt de contracten met de huidige jeugdhulpaanbieders met een jaar, als de aanbesteding mislukt.",
    "De regio verlengt de contracten met de huidige jeugdhulpaanbieders als de aanbesteding jeugdhulp mislukt.",
    "De gemeenten verlengen de contracten jeugdhulp, indien de nieuwe aanbesteding niet op tijd wordt gegund.",
])
def test_an_extension_under_a_following_condition_is_planned(read, text):
    result = read(text)
    assert stage_statuses(result).get("verlenging") == "planned"
    assert result["primary_stage"] != "verlenging"


@pytest.mark.parametrize("text, status", [
    # a purpose clause or a comparison is no condition
    ("De regio verlengt de contracten met de jeugdhulpaanbieders met een jaar, zodat de aanbesteding goed kan worden "
     "voorbereid.", "current"),
    ("De regio verlengt de contracten met de jeugdhulpaanbieders, net als de gemeente Utrecht.", "current"),
    # an extension made stays made
    ("De gemeente heeft de contracten met de jeugdhulpaanbieders al verlengd, als de aanbesteding mislukt.", "done"),
])
def test_a_step_without_a_following_condition_keeps_its_tense(read, text, status):
    assert stage_statuses(read(text)).get("verlenging") == status


# --- "als" before a noun phrase without a verb is "as": a role, no condition ---

@pytest.mark.parametrize("text", [
    "Zorgbureau Noord, als de winnaar van de aanbesteding jeugdhulp, is per 1 januari 2024 gestart.",
    "De gemeente maakte bekend dat Kwadraad, als de winnaar van de aanbesteding jeugdhulp, de zorg gaat leveren.",
    "Stichting Jeugdzorg Noord is vorige maand, als de winnaar van de aanbesteding jeugdhulp voor de gemeenten, "
    "begonnen met de overdracht.",
])
def test_als_before_a_role_is_no_condition(read, text):
    result = read(text)
    assert stage_statuses(result).get("definitieve_gunning") == "done"
    assert result["primary_stage"] == "definitieve_gunning"


def test_als_with_a_verb_still_opens_a_condition(read):
    result = read("De regio houdt de huidige aanbieders achter de hand, als de winnaar van de aanbesteding jeugdhulp "
                  "zich terugtrekt.")
    assert "definitieve_gunning" not in stage_statuses(result)


def test_condition_reading_stays_fast_on_a_long_page(read):
    unit = "De regio verlengt de contracten met de jeugdhulpaanbieders, als de winnaar van de aanbesteding en "
    # (the analysis reads a page's first MAX_TEXT_CHARS = 50,000 characters: the ratio is taken up to them)
    assert linear_time(read, lambda n: repeat(unit, n) + "de rest.", MAX_TEXT_CHARS) < LINEAR


# --- relevance: a buyer's other purchase beside youth care, national politics about procurement ---

@pytest.mark.parametrize("title, text", [
    ("Nieuws uit de gemeenteraad",
     "De gemeenteraad besprak dinsdag de jeugdhulp en de tekorten in het sociaal domein. Daarnaast is de aanbesteding "
     "voor het leerlingenvervoer gegund aan Connexxion. De contracten voor de jeugdhulp lopen nog door."),
    ("Gemeente gunt opdracht schoonmaak",
     "De gemeente Zwolle heeft de aanbesteding voor de schoonmaak van gemeentelijke gebouwen gegund aan CSU. Het gaat "
     "onder meer om het stadhuis, de bibliotheek en het jeugdhulpcentrum aan de Kerkstraat."),
    ("Besluitenlijst van het college",
     "Het college besluit de jeugdhulp in de wijkteams te versterken.\n\nDe aanbesteding voor huishoudelijke hulp is "
     "gepubliceerd op TenderNed. Aanbieders kunnen tot 1 april inschrijven."),
])
def test_another_service_bought_beside_youth_care_is_no_youth_care_procurement(read, title, text):
    result = read(text, title=title)
    assert result["relevant"] is False


@pytest.mark.parametrize("title, text", [
    ("Kabinet wil aanbesteding in de jeugdzorg beperken",
     "Minister De Jonge wil dat gemeenten jeugdzorg minder vaak aanbesteden. Dat staat in een wetsvoorstel dat vandaag "
     "naar de Tweede Kamer is gestuurd. Volgens de minister leiden aanbestedingen tot veel administratieve lasten voor "
     "jeugdhulpaanbieders."),
    ("Tweede Kamer debatteert over marktwerking in de jeugdzorg",
     "De Tweede Kamer heeft woensdag gedebatteerd over de jeugdzorg. Meerdere partijen willen af van de aanbestedingen. "
     "'De aanbesteding van jeugdzorg leidt tot versnippering', zei Kamerlid Westerveld."),
])
def test_national_politics_about_procurement_is_no_procurement(read, title, text):
    assert read(text, title=title)["relevant"] is False


@pytest.mark.parametrize("title, text", [
    ("Regio Twente gunt jeugdhulp",
     "De regio Twente heeft de aanbesteding voor specialistische jeugdhulp gegund aan twaalf aanbieders. De aanbesteding "
     "voor huishoudelijke hulp volgt later dit jaar."),
    ("Jeugdzorg op Saba gegund",
     "Het ministerie van VWS heeft de opdracht voor de jeugdzorg op Saba gegund aan Stichting Jeugdzorg Caribisch "
     "Nederland. De minister is tevreden over de aanbesteding."),
    ("Minister kritisch over aanbesteding jeugdzorg Zeeland",
     "De minister is kritisch over de aanbesteding van de jeugdzorg in Zeeland. De Zeeuwse gemeenten hebben de "
     "opdracht vorige maand gegund aan drie aanbieders."),
])
def test_youth_care_procurement_beside_another_purchase_or_a_minister_stays_relevant(read, title, text):
    assert read(text, title=title)["relevant"] is True


def test_relevance_masks_stay_fast_on_a_long_page(read):
    unit = "De aanbesteding voor het leerlingenvervoer en de jeugdhulp van de minister in de gemeente "
    assert linear_time(lambda text: read(text, title="Aanbesteding"), lambda n: repeat(unit, n) + ".",
                       MAX_TEXT_CHARS) < LINEAR


# --- stage cues in plain news wording: the award as where the work goes, the provider-to-be, the start, the notice ---

@pytest.mark.parametrize("title, text", [
    ("Opdracht jeugdhulp naar Kwadraad",
     "De opdracht voor de jeugd- en gezinsteams in Alphen aan den Rijn gaat naar Kwadraad. Dat heeft het college "
     "dinsdag bekendgemaakt."),
    ("Nieuwe aanbieder jeugdhulp",
     "Timon wordt de nieuwe aanbieder van de ambulante jeugdhulp in de regio Gooi en Vechtstreek. Dat blijkt uit de "
     "aanbesteding van de gemeenten."),
])
def test_the_award_told_as_where_the_work_goes_is_the_award_made(read, title, text):
    result = read(text, title=title)
    assert result["relevant"] is True
    # (done; "wordt" with no other marker reads current where the named rule stage.event_default_done is off)
    assert stage_statuses(result).get("definitieve_gunning") in ("done", "current")
    assert result["primary_stage"] == "definitieve_gunning"


@pytest.mark.parametrize("text", [
    "De opdracht voor de jeugdhulp gaat naar verwachting in juni naar een van de drie inschrijvers.",
    "De aanbesteding jeugdhulp loopt nog. Het geschil over de opdracht gaat naar de rechter.",
])
def test_work_that_will_go_or_a_case_that_goes_to_court_is_no_award_made(read, text):
    assert stage_statuses(read(text)).get("definitieve_gunning") != "done"


def test_working_with_the_new_providers_since_a_date_is_the_contract_start(read):
    result = read("Sinds 1 januari werken de gemeenten in de regio met de nieuwe aanbieders van jeugdhulp. De "
                  "aanbesteding werd vorig jaar gegund aan zes partijen.", title="Nieuwe contracten jeugdhulp")
    assert stage_statuses(result).get("contractstart") == "done"
    assert result["primary_stage"] == "contractstart"


def test_a_publication_expected_in_the_present_tense_is_the_prior_notice(read):
    result = read("De regio Holland Rijnland publiceert de aanbesteding voor jeugdhulp naar verwachting in mei op "
                  "TenderNed.", title="Aanbesteding jeugdhulp in mei")
    assert stage_statuses(result).get("vooraankondiging") == "current"
    assert result["primary_stage"] == "vooraankondiging"


# --- the period of the service bought dates the contract, not the step; a time ahead without a date is planned ---

@pytest.mark.parametrize("text, stage, status", [
    ("De regio heeft de aanbesteding voor de jeugdhulp vanaf 1 januari 2025 gepubliceerd op TenderNed.",
     "aankondiging", "done"),
    ("De gemeenten in de regio Amersfoort schrijven een aanbesteding uit voor de jeugdhulp vanaf 2025.",
     "aankondiging", "current"),
    ("De regio heeft de jeugdhulp voor de periode 2025-2028 gegund aan vier aanbieders.", "definitieve_gunning", "done"),
    # the period still dates the contract start itself
    ("De aanbesteding jeugdhulp is afgerond. De nieuwe contracten gaan in vanaf 1 januari 2025.", "contractstart",
     "planned"),
])
def test_the_service_period_does_not_date_the_step(read, text, stage, status):
    assert stage_statuses(read(text)).get(stage) == status


def test_a_step_in_a_season_ahead_is_planned(read):
    result = read("De gemeenteraad van Ede heeft ingestemd met de nieuwe inkoopstrategie voor de jeugdhulp. De "
                  "aanbesteding start in het najaar.", title="Raad stemt in met inkoopstrategie jeugdhulp")
    assert stage_statuses(result).get("aankondiging") in (None, "planned")  # to come, not running
    assert result["primary_stage"] == "voorbereiding"


# --- selected for the dialogue: the selection is the step told, the dialogue to come ---

def test_parties_selected_for_the_dialogue_are_at_the_selection(read):
    result = read("Vijf partijen zijn geselecteerd voor de dialoogfase van de aanbesteding jeugdbescherming in de regio. "
                  "In totaal meldden zich negen gegadigden.", title="Vijf partijen door naar dialoogfase")
    assert stage_statuses(result).get("dialoog") == "planned"
    assert result["primary_stage"] == "selectie"


def test_a_dialogue_running_stays_current(read):
    result = read("De regio voert nu gesprekken in de dialoogfase met vier aanbieders van jeugdhulp.")
    assert stage_statuses(result).get("dialoog") == "current"
