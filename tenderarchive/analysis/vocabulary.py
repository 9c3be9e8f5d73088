"""Hand-written Dutch vocabulary for jeugdhulp procurement (news-sites §3).

Kept as Python data (not YAML) so regexes can be reviewed next to the terms
and the module imports with no I/O. All patterns are matched case-insensitively
against normalised text (see :mod:`tenderarchive.analysis.text`) unless noted.

Why hand-written: no Dutch NLP library in reach (pip-installable without
network models) knows procurement stages, jeugdregio's or Dutch tender
date conventions; spaCy/stanza Dutch models would need downloads and still
not know "voorlopige gunning" or "bezwaartermijn". A reviewed term list with
tests against the seed gold is more predictable.
"""
from __future__ import annotations

# --- §3.1 youth-care terms ------------------------------------------------
YOUTH_CORE = [
    r"jeugdhulp\w*", r"jeugdzorg\w*", r"jeugdwet", r"jeugdregio\w*", r"jeugd-?\s?ggz", r"ggz[- ]jeugd",
    r"dyslexiezorg", r"\beed\b", r"jeugdbescherming", r"jeugdreclassering", r"\bjbjr\b",
    r"gecertificeerde instelling(?:en)?", r"jeugdzorgplus", r"gesloten jeugdhulp", r"residenti[eë]le jeugdhulp",
    r"pleegzorg", r"gezinshuiz?(?:en)?", r"basishulp jeugd", r"jeugd- en gezinsteams?", r"jeugd en gezinsteams?",
    r"\bjgt\b", r"gemeentelijke toegang", r"ondersteuners? jeugd", r"poh[- ]jeugd", r"flexibel team",
    r"jeugdmodel", r"jeugd- en gezinsdeel", r"crisishulp",
]

# Adjacent fields: negative unless combined with a core youth term (§3.1).
ADJACENT = [
    r"\bwmo\b", r"huishoudelijke (?:hulp|ondersteuning)", r"beschermd wonen", r"maatschappelijke begeleiding",
    r"jongerenwerk", r"jeugd-jongerenwerk", r"kinderopvang", r"kinderdagverblij\w+", r"jeugdgezondheidszorg",
    r"\bjgz\b", r"\bcjg\b", r"veilig thuis", r"\bpgb\b", r"persoonsgebonden budget",
]

# Signals that a text is regulation or statistics rather than procurement.
REGULATION = [r"\bverordening\w*", r"nadere regels", r"\bartikel \d+", r"beleidsregels?"]
STATISTICS = [r"\bcbs\b", r"\bprocent\b", r"\d+(?:,\d+)? ?%", r"\bstatistiek\w*", r"\bcijfers\b"]

# --- §3.2 procurement terms -----------------------------------------------
# Strong: unambiguous procurement vocabulary.
PROCUREMENT_STRONG = [
    r"aanbested\w*", r"\binkoop\w*", r"\binkopen\b", r"\bingekocht\b", r"contractering", r"\bgecontracteerd\w*",
    r"\bcontracteren\b", r"raamovereenkomst\w*", r"samenwerkingsovereenkomst\w*", r"\bpercel\w*", r"\bperceel\b",
    r"inschrijv\w+", r"inschrijfdatum", r"\bgegadigden?\b", r"tenderned", r"\btn\d{5,7}\b",
    r"nota van inlichtingen", r"inlichtingenbijeenkomst", r"uitnodiging tot inschrijving", r"preselectie\w*",
    r"\bgunning\w*", r"\bgegund\b", r"\bemvi\b", r"prijs-kwaliteitverhouding", r"marktconsultatie\w*",
    r"open house", r"toelatingsprocedure", r"bestuurlijk contracteren", r"aanbestedingswet",
    r"dynamisch aankoopsysteem", r"aankoopcentrale", r"inkoopbureau", r"verwerving\w*",
]
# Weak: also used outside procurement; two distinct weak terms count as one strong.
PROCUREMENT_WEAK = [
    r"\bcontract(?:en)?\b", r"\bovereenkomst\w*", r"\bopdracht\b", r"\bsegment(?:en)?\b", r"\btarie(?:f|ven)\b",
    r"kostprijsonderzoek", r"lumpsum\w*", r"\bsubsidie\w*", r"centrumgemeente", r"centrumregeling",
]

# --- §3.3 stages ---------------------------------------------------------------
# Procedure order used for primary_stage. rechtsgang is a side track with no
# position (primary only when nothing else is done/current); bezwaar shares
# the rank of voorlopige_gunning because the standstill belongs to the
# provisional award; aanbesteding_lopend sits just below aankondiging.
STAGE_ORDER = [
    "voorbereiding", "marktconsultatie", "vooraankondiging", "aanbesteding_lopend", "aankondiging",
    "inlichtingen", "selectie", "dialoog", "inschrijving", "beoordeling", "voorlopige_gunning", "bezwaar",
    "definitieve_gunning", "contract_ondertekend", "contractstart", "verlenging", "implementatie", "mislukt",
]
STAGE_RANK = {s: i for i, s in enumerate(STAGE_ORDER)}
STAGE_RANK["bezwaar"] = STAGE_RANK["voorlopige_gunning"]
STAGES = STAGE_ORDER + ["rechtsgang"]

# (stage, regex) in priority order: the first matching pattern at a position wins.
STAGE_CUES: list[tuple[str, str]] = [
    ("voorlopige_gunning", r"voorlopig(?:e)? (?:gegund|gunning)|voornemen tot gunning|gunningsvoornemen|voorlopig gunnen"),
    ("bezwaar", r"bezwaar (?:te )?maken|bezwaartermijn|bezwaarperiode|standstill|termijn waarin men bezwaar"),
    ("definitieve_gunning", r"definitieve gunning|definitief gegund|definitief (?:te )?gunnen|gegund aan|"
                            r"gecontracteerde jeugdhulpaanbieders|bekend wie|uitkomst van de aanbesteding|"
                            r"gegunde opdracht|\bde gunning\b|gunning (?:volgt|vindt)"),
    ("rechtsgang", r"kort geding|voorzieningenrechter|\bvonnis\b|hoger beroep|gerechtshof|bodemprocedure|"
                   r"uitspraak (?:van de |gedaan)?(?:rechter|rechtbank)|uitspraak van de rechtbank|rechtbank"),
    ("marktconsultatie", r"marktconsultatie\w*|marktverkenning|consultatiebijeenkomst|ontwikkeldialo\w+|"
                         r"ontwikkeltafels?|predialoog\w*|informatiebijeenkomst(?:en)? voor aanbieders"),
    ("vooraankondiging", r"vooraankondiging|voorinformatie|streven is om .{0,60}te publiceren|"
                         r"verwachten .{0,40}te publiceren"),
    ("inlichtingen", r"nota van inlichtingen|inlichtingenbijeenkomst|vragenronde"),
    ("aankondiging", r"aanbesteding(?:sopdracht|sprocedure)? (?:\w+ ){0,6}gepubliceerd|gepubliceerd op tenderned|"
                     r"aankondiging van een (?:aanbestedings)?opdracht|publicatie (?:van de )?inkoopdocumenten|"
                     r"aanbesteding (?:is )?gestart|start de aanbestedingsprocedure|interesse kenbaar|"
                     r"inschrijven via (?:het )?(?:aanbestedingsplatform )?tenderned|"
                     r"openbaar beschikbaar op tenderned"),
    ("selectie", r"preselectie\w*|\bselectie\b|geselecteerde aanbieders|verzoek tot deelneming"),
    ("dialoog", r"dialoogfase|kick-off dialoog\w*|dialoogbijeenkomst\w*|dialoogsessie\w*"),
    ("inschrijving", r"uitnodiging tot inschrijving|inschrijfdatum|inschrijftermijn|inschrijvingsperiode|"
                     r"deadline om in te schrijven|sluitingsdatum|inschrijven voor|ingeschreven|"
                     r"inschrijvingen (?:ontvangen|zijn binnen)"),
    ("beoordeling", r"beoordeling van de inschrijvingen|inschrijvingen (?:worden )?beoordeeld|verificatiegesprek\w*"),
    ("contract_ondertekend", r"contract(?:en)? (?:\w+ ){0,5}(?:getekend|ondertekend|tekenen|ondertekenen)|"
                             r"samenwerkingsovereenkomst (?:\w+ ){0,3}(?:getekend|ondertekend)|tekendag\w*|contracten gereed"),
    ("contractstart", r"contractperiode|contracten gaan in|gaan in per|ingangsdatum|\bcontracteren\b|"
                      r"nieuwe contract(?:en)? (?:start|gaan|gaat)"),
    ("verlenging", r"contract(?:en)? (?:\w+ ){0,3}verlengd|verlengen van (?:het|de) contract\w*|"
                   r"wijziging van een gegunde opdracht"),
    ("mislukt", r"geen (?:geschikte )?inschrijvingen|onderhandelingsprocedure zonder|stopgezet|stop te zetten|"
                r"ingetrokken|tot nader order|opnieuw (?:aan ?te ?besteden|aanbesteden|open te zetten)|"
                r"overbruggingscontract\w*|aanbesteding (?:is )?mislukt"),
    ("implementatie", r"implementatie\w*|transitie|goede start|voorbereidingen? voor de uitvoering"),
    ("voorbereiding", r"inkoopstrategie|koersdocument|contourenbesluit|reikwijdte|programmaplan|"
                      r"voorbereiding van (?:het|de) (?:nieuwe )?(?:inkoop\w*|aanbesteding)|"
                      r"besloten om .{0,80}voor(?:\s|\w)*te bereiden|voorbereiden van een nieuwe inkoop"),
]

# --- §3.4 procedure types -----------------------------------------------------
PROCEDURE_TYPES: list[tuple[str, str]] = [
    ("negotiated_without_publication", r"onderhandelingsprocedure zonder (?:voorafgaande )?(?:bekendmaking|aankondiging|oproep|mededinging)"),
    ("competitive_negotiation", r"mededingingsprocedure met onderhandeling|onderhandelingsprocedure met (?:voorafgaande )?(?:oproep|bekendmaking)"),
    ("competitive_dialogue", r"concurrentiegerichte dialoog"),
    ("innovation_partnership", r"innovatiepartnerschap"),
    ("national", r"nationaal (?:niet-)?openbaar\w*|meervoudig onderhands\w*|enkelvoudig onderhands\w*|onderhandse procedure"),
    ("restricted", r"niet-openbare (?:aanbestedings)?procedure|niet-openbaar|procedure met voorafgaande selectie"),
    ("open", r"europese openbare aanbestedingsprocedure|europees openbare?|openbare (?:aanbestedings)?procedure"),
    ("dialogue_based", r"dialooggerichte aanbesteding|aanbesteding .{0,40}met de dialoog als basis|sui generis procedure"),
    ("dynamic_purchasing", r"dynamisch aankoopsysteem|\bdas\b"),
    ("not_a_tender", r"open house|toelatingsprocedure|bestuurlijk contracteren|inbesteden|subsidierelatie"),
]

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}
