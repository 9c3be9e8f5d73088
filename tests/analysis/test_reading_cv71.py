"""Specifications of the readings of branch cv71 (issue 11): the PRIMARY stage of a page whose title tells its news and
whose body adds the background of earlier steps -- in short synthetic pages (SYNTHETIC: written for these tests in plain
news Dutch, the way a regional paper or a municipality tells each stage of stages.md, not taken from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture).
"""
import datetime as dt

import pytest

PUBLISHED = dt.date(2024, 3, 4)

PAGES = [
    ("marktconsultatie", "Regio houdt marktconsultatie over nieuwe inkoop jeugdhulp",
     "De zes gemeenten in de regio houden deze maand een marktconsultatie over de nieuwe inkoop van jeugdhulp. "
     "In november heeft de raad de inkoopstrategie vastgesteld. Aanbieders kunnen tot 20 maart reageren."),
    ("aankondiging", "Aanbesteding jeugdhulp gepubliceerd op TenderNed",
     "De regio heeft vorig jaar een marktconsultatie gehouden. Aanbieders konden toen reageren op de plannen.\n\n"
     "De aanbesteding voor de jeugdhulp is maandag gepubliceerd op TenderNed."),
    ("inschrijving", "Inschrijving aanbesteding jeugdzorg sluit op 15 maart",
     "De aanbesteding van de jeugdzorg is in januari gepubliceerd op TenderNed. In februari verscheen de nota van "
     "inlichtingen met antwoorden op 120 vragen. Aanbieders kunnen nog tot 15 maart inschrijven."),
    ("voorlopige_gunning", "Jeugdhulp voorlopig gegund aan twaalf aanbieders",
     "De aanbesteding van de jeugdhulp startte in oktober. Er hebben 25 aanbieders ingeschreven. De regio heeft de "
     "opdracht nu voorlopig gegund aan twaalf aanbieders."),
    ("definitieve_gunning", "Jeugdzorg definitief gegund aan Stichting Kompas",
     "In januari maakte de gemeente bekend de jeugdzorg voorlopig te gunnen aan Stichting Kompas. De gemeente heeft de "
     "opdracht nu definitief gegund."),
    ("bezwaar", "Aanbieders maken bezwaar tegen gunning jeugdhulp",
     "De regio maakte in februari bekend de jeugdhulp voorlopig te gunnen aan vier aanbieders. Drie aanbieders die "
     "buiten de boot vielen, hebben bezwaar ingediend bij de regio."),
    ("kort_geding", "Zorgaanbieder spant kort geding aan om aanbesteding jeugdzorg",
     "De gemeente gunde de jeugdzorg in januari voorlopig aan een andere aanbieder. Zorgaanbieder De Brug heeft "
     "daarom een kort geding aangespannen tegen de gemeente."),
    ("bodemprocedure", "Aanbieder start bodemprocedure over aanbesteding jeugdzorg",
     "In januari verloor de aanbieder een kort geding tegen de regio over de aanbesteding van de jeugdzorg. De "
     "aanbieder is nu een bodemprocedure begonnen."),
    ("hoger_beroep", "Aanbieder in hoger beroep tegen vonnis over jeugdzorgaanbesteding",
     "De voorzieningenrechter wees in januari de eisen van De Brug af in het kort geding over de aanbesteding van de "
     "jeugdzorg. De Brug heeft hoger beroep ingesteld bij het gerechtshof."),
    ("contract_ondertekend", "Contracten jeugdhulp ondertekend",
     "De regio gunde de jeugdhulp in december aan achttien aanbieders. Woensdag hebben de wethouders en de aanbieders "
     "de contracten ondertekend. De contracten gaan in per 1 januari 2025."),
    ("contractstart", "Nieuwe jeugdhulpaanbieders aan de slag",
     "De aanbesteding van de jeugdhulp werd vorig jaar gegund aan vijftien aanbieders. Na een kort geding van een "
     "afgewezen aanbieder bleef de gunning in stand. Sinds 1 maart zijn de nieuwe contracten ingegaan."),
]


@pytest.mark.parametrize("stage, title, body", PAGES, ids=[p[0] for p in PAGES])
def test_the_title_told_step_is_primary_over_the_background(read, stage, title, body):
    assert read(body, title=title, published=PUBLISHED)["primary_stage"] == stage


# the background a new round's news most often carries: the previous round's award, contracts or court case (a later
# step of an earlier procedure)
PREVIOUS_ROUND = [
    ("marktconsultatie", "Regio houdt marktconsultatie over nieuwe inkoop jeugdhulp",
     "De zes gemeenten in de regio houden deze maand een marktconsultatie over de nieuwe inkoop van jeugdhulp. De "
     "huidige contracten zijn in 2020 gegund aan ruim zestig aanbieders en lopen eind 2025 af."),
    ("aankondiging", "Regio start aanbesteding jeugdhulp",
     "De aanbesteding voor de jeugdhulp is maandag gepubliceerd op TenderNed. De huidige contracten werden in 2019 "
     "gegund en lopen eind dit jaar af."),
    ("marktconsultatie", "Marktconsultatie voor nieuwe jeugdzorgcontracten",
     "De gemeente is een marktconsultatie gestart voor aanbieders van jeugdzorg. De vorige aanbesteding liep in "
     "2021 uit op een kort geding, dat de gemeente won."),
]


@pytest.mark.parametrize("stage, title, body", PREVIOUS_ROUND, ids=[f"{p[0]}-{i}" for i, p in enumerate(PREVIOUS_ROUND)])
def test_the_previous_rounds_steps_do_not_outrank_the_new_rounds_news(read, stage, title, body):
    assert read(body, title=title, published=PUBLISHED)["primary_stage"] == stage


@pytest.mark.parametrize("stage, text", [
    # guards: the new round's own award in a sentence naming the contracts in force; the contracts in force extended
    # (news of its own); a page that tells the previous round's award and nothing else
    ("definitieve_gunning", "Nu de huidige contracten aflopen, is de nieuwe opdracht voor de jeugdhulp gegund aan vijf "
                            "aanbieders. De regio hield vorig jaar een marktconsultatie."),
    ("verlenging", "De regio houdt deze maand een marktconsultatie over de jeugdhulp. De huidige contracten zijn "
                   "verlengd tot 2026."),
    ("definitieve_gunning", "De huidige contracten voor de jeugdhulp zijn in 2020 gegund aan ruim zestig aanbieders."),
])
def test_a_step_of_the_new_round_or_the_only_round_stays_primary(read, stage, text):
    assert read(text, published=PUBLISHED)["primary_stage"] == stage


def test_the_previous_round_is_read_in_linear_time():
    # guard: 100 KB of round adjectives with no procedure noun after them
    from tenderarchive.analysis.stages import _PREVIOUS_ROUND
    from tests.speed import LINEAR, linear_time

    for unit in ("de vorige ", "huidige lopende ", "oude eerdere jeugdhulp "):
        assert linear_time(_PREVIOUS_ROUND.search, unit) < LINEAR, unit


@pytest.mark.parametrize("stage, title, body", [
    ("aankondiging", "Aanbesteding Wmo en jeugdhulp gepubliceerd",
     "De aanbesteding is gisteren gepubliceerd op TenderNed. De gemeente had de aanbesteding in 2023 ingetrokken na "
     "bezwaren van aanbieders."),
    ("aankondiging", "Aanbesteding jeugdzorg van start",
     "De gemeenten in de regio zijn een Europese aanbesteding gestart voor de specialistische jeugdzorg. Vorig jaar "
     "hielden zij een marktconsultatie. Eerder werd de aanbesteding in 2021 stopgezet."),
    ("definitieve_gunning", "Jeugdzorg gegund aan Stichting Kompas",
     "De gemeente heeft de jeugdzorg definitief gegund aan Stichting Kompas. Eerder spande een afgewezen aanbieder een "
     "kort geding aan, dat hij verloor."),
    ("marktconsultatie", "Regio start marktconsultatie jeugdhulp",
     "De regio is een marktconsultatie gestart over de inkoop van jeugdhulp. De vorige aanbesteding is in 2022 mislukt."),
])
def test_a_failure_or_court_step_told_as_back_story_yields_to_the_pages_step(read, stage, title, body):
    # stages.md: a failure or legal stage outranks the step it interrupted when "reported in the text's own period";
    # "eerder", the pluperfect or the previous procedure tells it before the page's
    assert read(body, title=title, published=PUBLISHED)["primary_stage"] == stage


@pytest.mark.parametrize("stage, text", [
    # guards: a failure or court step in the page's own period still outranks the step it interrupted; a relative
    # clause in the pluperfect is no back-story of the ruling told in the main clause
    ("mislukt", "De gemeente heeft de aanbesteding voor de jeugdhulp stopgezet. De aanbesteding werd in januari "
                "gepubliceerd."),
    ("kort_geding", "De voorzieningenrechter heeft dinsdag uitspraak gedaan in het kort geding dat Stichting De Brug "
                    "had aangespannen. De gemeente had de jeugdzorg in december voorlopig gegund aan Kompas."),
])
def test_a_failure_or_court_step_of_the_pages_own_period_still_outranks(read, stage, text):
    assert read(text, published=PUBLISHED)["primary_stage"] == stage


def test_the_back_story_is_read_in_linear_time():
    from tenderarchive.analysis.stages import _backstory
    from tests.speed import LINEAR, linear_time

    for unit in ("de gemeente ", "dat had ", "- "):
        assert linear_time(_backstory, unit) < LINEAR, unit


@pytest.mark.parametrize("stage, title, body", [
    ("voorlopige_gunning", "Jeugdhulp voorlopig gegund aan twaalf aanbieders",
     "De aanbesteding van de jeugdhulp startte in oktober. Er hebben 25 aanbieders ingeschreven. Het gaat om twaalf "
     "aanbieders uit de regio."),
    ("contract_ondertekend", "Contracten jeugdhulp ondertekend",
     "De regio gunde de jeugdhulp in december aan achttien aanbieders. De wethouder is blij met het resultaat."),
    ("kort_geding", "Aanbieder spant kort geding aan tegen gemeente",
     "De gemeente gunde de jeugdzorg in januari aan Kompas. De Brug is het daar niet mee eens."),
    ("mislukt", "Aanbesteding jeugdzorg stopgezet",
     "De gemeente publiceerde de aanbesteding in januari. Er schreven drie aanbieders in."),
])
def test_a_step_told_only_in_the_title_and_newer_than_the_bodys_is_primary(read, stage, title, body):
    # the headline tells the news, the body only its background (earlier steps): the title is read as the first heading
    assert read(body, title=title, published=PUBLISHED)["primary_stage"] == stage


def test_a_title_telling_an_earlier_step_leaves_the_bodys_newer_step_primary(read):
    # guard: a body that tells a newer step than the title is read alone
    text = "De regio heeft de jeugdhulp definitief gegund aan achttien aanbieders."
    assert read(text, title="Aanbesteding jeugdhulp gestart", published=PUBLISHED)["primary_stage"] == "definitieve_gunning"
