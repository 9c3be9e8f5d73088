"""Hand-written Dutch vocabulary for jeugdhulp procurement (news-sites §3).

Kept as Python data (not YAML) so regexes can be reviewed next to the terms; the
one exception is the youth-care terms, which are read from the youth_care topic
profile so that notices and news share one vocabulary (issue 9). All patterns are matched case-insensitively
against normalised text (see :mod:`tenderarchive.analysis.text`) unless noted.

Why hand-written: no Dutch NLP library in reach (pip-installable without
network models) knows procurement stages, jeugdregio's or Dutch tender
date conventions; spaCy/stanza Dutch models would need downloads and still
not know "voorlopige gunning" or "bezwaartermijn". A reviewed term list with
tests against the seed gold is more predictable.
"""
from __future__ import annotations

import re

# --- §3.1 youth-care terms ------------------------------------------------
# One youth-care vocabulary (issue 9): the terms of the youth_care topic profile
# (tenderarchive/profiles/youth_care.yaml, ``relevance.terms``) are the source. Notices
# match a term at the start of a word (pipelines/classify.py); the news analysis reads the
# same terms with term_pattern() below, which also allows inflections after the term and a
# space or hyphen where the term has one ("jeugd-ggz" reads "jeugd ggz", "jeugdggz").
# NEWS_ONLY_YOUTH adds the few words that mark youth care in running news text but would
# mislabel notices: a three-letter abbreviation (EED) that a substring test of notice
# titles would find in other words, and phrases that name youth care only in a news
# context about it (the municipal "toegang", "flexibel team", "crisishulp").


def term_pattern(term: str) -> str:
    """The regex with which the news analysis reads one profile term.

    >>> import re; bool(re.search(term_pattern("jeugd- en gezinsteam"), "de jeugd en gezinsteams", re.I))
    True
    """
    out = []
    for ch in term.strip().lower():
        if ch == "-":
            out.append(r"-?\s?")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return r"(?<!\w)" + "".join(out) + r"\w*"


def _profile_terms() -> tuple[str, ...]:
    from tenderarchive.profiles import load_profile

    return load_profile("youth_care").relevance.terms


# branch cv22: the municipality's "Jeugdteam" is its youth-care team (the Jeugdwet's local access and help), as the
# profile's "jeugd- en gezinsteam" is
NEWS_ONLY_YOUTH = [r"\beed\b", r"gemeentelijke toegang", r"\bjeugdteams?\b", r"flexibel team", r"crisishulp",
                   # news-sites §3.1: the protection-and-probation pair abbreviated with a slash ("JB/JR"; the
                   # profile has "jbjr"), and "GGZ … jeugd" with "voor (de)" between (the profile has "ggz-jeugd")
                   r"\bjb ?/ ?jr\b", r"\bggz voor (?:de )?jeugd(?!\w*gezondheid)\w*",
                   # branch cv23: the profile's "jeugd en wmo" in the other order or with a slash or hyphen ("Wmo/jeugd",
                   # "Wmo en Jeugd", "Wmo-Jeugd"): the two laws of the social domain, jeugd being the Jeugdwet's care
                   r"\bwmo ?(?:/|-|en|&) ?jeugd\b", r"\bjeugd ?(?:/|&) ?wmo\b",
                   # branch cv23: care for children and young people is the Jeugdwet's jeugdhulp, told in plain words
                   # (not first aid: "een cursus Eerste Hulp aan Kinderen" of a childminder)
                   r"(?<!eerste )\b(?:hulp|zorg|behandeling|ondersteuning|begeleiding) (?:voor|aan) (?:kinderen|jongeren|jeugdigen)\b",
                   # branch cv23: the Jeugdwet's own definition of jeugdhulp, "opgroei- en opvoedingsproblemen", in
                   # either order ("ondersteuning bij opvoed- en opgroeivragen" of a buurtteam)
                   r"\bopvoed\w*[- ]*(?:en|of) opgroei\w*|\bopgroei\w*[- ]*(?:en|of) opvoed\w*",
                   # branch rel17: youth care named in English, on the English page of a Dutch municipality
                   r"\byouth (?:care|services|assistance|protection|support)\b",
                   # branch rel1: an onderwijs-jeugdarrangement (onderwijs-zorgarrangement) is youth care given in a school,
                   # bought by the municipalities with the school boards ("de offerteaanvraag Onderwijs Jeugd Arrangementen",
                   # "onderwijszorgarrangementen"); not a "jeugdarrangement" alone (a hotel's or a sports club's package)
                   r"\bonderwijs[- ]?(?:jeugd(?:hulp|zorg)?|zorg)[- ]?arrangement\w*"]
YOUTH_CORE = [term_pattern(t) for t in _profile_terms()] + NEWS_ONLY_YOUTH

# Adjacent fields: negative unless combined with a core youth term (§3.1).
ADJACENT = [
    r"\bwmo\b", r"huishoudelijke (?:hulp|ondersteuning)", r"beschermd wonen", r"maatschappelijke begeleiding",
    r"jongerenwerk", r"jeugd-jongerenwerk", r"kinderopvang", r"kinderdagverblij\w+", r"jeugdgezondheidszorg",
    r"\bjgz\b", r"\bcjg\b", r"veilig thuis", r"\bpgb\b", r"persoonsgebonden budget",
    # round ten (branch news11k): welfare work is another service the same municipalities buy ("Aanbesteding
    # welzijnswerk afgerond", "welzijnsaanbieders", "Tinten Welzijnsgroep"); as the topic of the title and lead
    # it makes a tender page not one of youth care (rule rel.adjacent_topic), beside youth care it only ranks
    r"welzijnswerk\w*", r"welzijnsaanbieder\w*", r"welzijnsorganisatie\w*", r"welzijnsgroep\w*", r"welzijnsopdracht\w*",
]

# Transport for pupils and Wmo clients: an adjacent field when the title and lead are about it
# (part of rule ``rel.adjacent_topic`` since round three; "jeugdwetvervoer" further down is no youth-care tender).
ADJACENT_TRANSPORT = [r"leerlingen(?:ver)?vervoer", r"doelgroepenvervoer", r"\bregiotaxi\w*", r"wmo-vervoer", r"\bvervoerders?\b"]

# Signals that a text is regulation or statistics rather than procurement.
REGULATION = [r"\bverordening\w*", r"nadere regels", r"\bartikel \d+", r"beleidsregels?"]
#: Branch rel7: a title that *is* a regulation's name -- it opens with the kind of rule it sets ("Nadere regels subsidie
#: pilot aanvullende jeugdhulp gemeente X 2026", "Verordening jeugdhulp gemeente X 2025", "Beleidsregels
#: jeugdhulp 2024", "Subsidieregeling ...", "Wijziging van de Verordening ...") -- is the text of a regulation, not news of
#: a procurement, read in the title with every named rule off (a regulation defines the open-house contract or the
#: "jeugdhulpaanbieder" it funds; it buys nothing); the title's opening only, not a news title that mentions a verordening
REGULATION_CORE = [r"^\W*(?:(?:wijziging|intrekking|vaststelling) (?:van )?(?:de |het )?)?"
                   r"(?:verordening\w*|nadere regels|beleidsregels?|subsidieregeling\w*)\b"]
STATISTICS = [r"\bcbs\b", r"\bprocent\b", r"\d+(?:,\d+)? ?%", r"\bstatistiek\w*", r"\bcijfers\b"]

# --- §3.2 procurement terms -----------------------------------------------
# Strong: unambiguous procurement vocabulary.
PROCUREMENT_STRONG = [
    r"aanbested\w*", r"\binkoop\w*", r"\binkopen\b", r"\bin te kopen\b", r"\bingekocht\b", r"contractering", r"\bgecontracteerd\w*",
    r"\bcontracteren\b", r"raamovereenkomst\w*", r"samenwerkingsovereenkomst\w*", r"\bpercel\w*", r"\bperceel\b",
    r"inschrijv\w+", r"inschrijfdatum", r"\bgegadigden?\b", r"tenderned", r"\btn\d{5,7}\b",
    r"nota van inlichtingen", r"\bnvi'?s?\b", r"inlichtingenbijeenkomst", r"uitnodiging tot inschrijving", r"preselectie\w*",
    r"\bgunning\w*", r"\bgegund\b", r"\bemvi\b", r"prijs-kwaliteitverhouding", r"marktconsultatie\w*",
    r"open house", r"toelatingsprocedure", r"bestuurlijk contracteren", r"aanbestedingswet",
    r"dynamisch aankoopsysteem", r"aankoopcentrale", r"inkoopbureau", r"verwerving\w*",
    r"\bsubsidietender\w*",  # branch cv43: a subsidy tender is a procurement (the youth teams "via een subsidietender")
]
# Procedure acts: terms that name a step of an actual procurement procedure (as opposed to
# "inkoop" or "contractering" as a policy subject). A youth-care page needs one of these,
# or a stage cue, to be about a procurement (issue 11: reject policy pages, budgets).
PROCUREMENT_ACT = [
    r"aanbested\w*", r"inschrijv\w+", r"\bingeschreven\b", r"inschrijfdatum", r"\bgegadigden?\b", r"tenderned", r"\btn\d{5,7}\b",
    r"nota van inlichtingen", r"\bnvi'?s?\b", r"inlichtingenbijeenkomst", r"uitnodiging tot inschrijving", r"preselectie\w*",
    r"\bgunning\w*", r"\bgegund\w*", r"\bemvi\b", r"marktconsultatie\w*",
    # branch rel1: stages.md names the market survey beside the consultation ("houdt een marktverkenning onder
    # aanbieders van jeugdhulp"); relevance.particular still reads it (not "een marktverkenning kan helpen")
    r"\bmarktverkenning\w*", r"toelatingsprocedure",
    r"raamovereenkomst\w*", r"negometrix", r"commerce-hub", r"\bofferte\w*", r"dialoogfase", r"\bpercel\w*",
    r"\bperceel\b", r"\binkoop(?:[ -]\w+){0,3} (?:19|20)\d\d\b", r"inkoop ?traject\w*", r"inkooporganisatie",
    r"inkoopprocedure\w*",
    # branch cv48: "de gecontracteerde aanbieders" names who holds a contract now -- a resident's page lists them ("de
    # lijst met gecontracteerde aanbieders voor jeugdhulp", "Kies een van de gecontracteerde aanbieders") -- and tells no
    # procurement; the providers *newly* contracted are a round's outcome
    r"\bnieuw gecontracteerde (?:\w+ ){0,2}aanbieders?",
    # branch cv43: the names of the other ways a municipality buys care are procedures too -- an open house held (a
    # toelatingsprocedure by another name: "de open house-procedure voor specialistische jeugdhulp", "Start Open
    # House", "via een gesloten Open House"; not the kind of procurement, "het open house model", "de categorie open
    # house", "wat de minister vindt van 'open house'"), a dynamic purchasing system, a subsidy tender ("de jeugd- en
    # gezinsteams via een subsidietender verlenen") -- and a contracting round with its year ("Contractering
    # jeugdbescherming 2025") is one round, as "inkoop jeugdhulp 2025" is; each still passes relevance.particular
    r"\bopen[ -]house[ -](?:procedure|inkoopprocedure|toelatingsprocedure|traject)\w*",
    r"\b(?:start|opent|openen|openstelling|via (?:een|de|het)(?: [\w-]+)?) open[ -]house\b",
    r"\bdynamisch(?:e)? aankoopsyste\w*", r"\bsubsidietender\w*",
    r"\bcontractering(?:[ -]\w+){0,3} (?:19|20)\d\d\b",
    # branch cv43: a provider's news of a contract won ("heeft van de Jeugdregio een nieuw contract gekregen", "de
    # raamovereenkomst binnengehaald"): the award told from the winner's side; not one "geen (nieuw) contract gekregen"
    r"(?<!\bgeen )(?<!\bgeen nieuw )(?<!\bgeen nieuwe )\b(?:contract|overeenkomst|raamovereenkomst)\w* (?:[\w'-]+ ){0,2}?"
    r"(?:gekregen|gewonnen|binnengehaald|verworven)\b",
    # branch rel2: a bridging contract -- the buyer contracts its providers for the time until a new procurement ("De
    # gemeente sluit een overbruggingscontract met de jeugdzorgaanbieders", "hebben een overbruggingsovereenkomst
    # gekregen") -- is a procurement decision in place of a tender (stages.md's verlenging); relevance.particular reads it
    r"\boverbruggings(?:contract|overeenkomst)\w*",
]
# Vacancies and hiring of interim staff: two distinct signals make a page a vacancy.
VACANCY = [
    r"\bvacature\w*", r"\bsollicit\w+", r"functieomschrijving", r"\buur per week\b", r"\buren per week\b",
    r"salaris\w*", r"\buurtarief\b", r"\bdetachering\b", r"\bzzp\b", r"\binhuur\w*", r"\bwe zoeken\b",
    r"\bwij zoeken\b", r"\bzoeken wij\b", r"\bzoeken we\b", r"\bzoekt (?:zij|hij|de gemeente|het \w+|de regio) een\b",
    r"\bben jij\b", r"\bjouw (?:rol|taken|profiel)\b", r"\bfunctie-?eisen\b", r"\bwerkervaring\b",
    r"\bbegindatum\b", r"\beinddatum\b", r"\bprojectleider\b", r"\binterim\b", r"\bkandida\w+",
    # branch cv43: the other headings and terms of a Dutch job advert or interim assignment -- the hours as a range or
    # per week ("32-36 uur", "Uren: 24 per week"), the pay scale, the employment, the start, the level asked and the
    # advert's own headings ("Dit ga je doen", "Wat bieden wij?", "Wie zoeken wij?"); an advert for a buyer or
    # contract manager of youth care names the tender it will work on and is no procurement
    r"\b\d{1,2} ?(?:-|–|tot) ?\d{1,2} uur\b", r"\b\d{1,2} per week\b", r"\b(?:salaris|functie)?schaal \d{1,2}\b",
    r"\bdienstverband\w*", r"\bstartdatum\b", r"\b(?:hbo|wo)[- ](?:werk- en )?(?:denk|werk)niveau\b",
    r"\bdit (?:ga je doen|breng je mee|bieden wij|bieden we)\b", r"\bwat (?:ga je doen|bieden (?:wij|we)|vragen (?:wij|we))\b",
    r"\bwie zoeken (?:wij|we)\b", r"\bmotivatiebrief\b", r"\bin deze functie\b",
    # branch cv48: an employer by name seeking a person for a job -- "De gemeente Ede zoekt een contractmanager jeugdhulp",
    # "Stichting X zoekt per direct een ervaren inkoopadviseur" -- and the advert's call to apply and its second-person
    # job talk ("Reageer vóór 1 mei", "stuur je cv", "Je bent verantwoordelijk voor", "Jij bent ...", "Als inkoper ...
    # ben je"); a buyer seeking a provider ("zoekt een aanbieder / partner") is no job
    r"\bzoek(?:t|en) (?:per direct |met spoed |op korte termijn |momenteel )?(?:een |twee |drie )?(?:(?:nieuwe|ervaren|"
    r"enthousiaste|gedreven|zelfstandige|senior|junior|medior|tijdelijke) )?[\w-]*(?:manager|adviseur|inkoper|"
    r"medewerker|coördinator|coordinator|consultant|projectleider|kwartiermaker|teamleider|controller|jurist|"
    r"beleidsmedewerker|secretaris|specialist)s?\b",
    r"\breageer (?:dan )?(?:vóór|voor|uiterlijk|direct|vandaag|snel)\b", r"\bstuur (?:je|jouw|uw) (?:cv|motivatie|sollicitatie)\b",
    r"\b(?:je|jij) bent (?:verantwoordelijk|een (?:ervaren|echte|enthousiaste|gedreven))\b",
    r"\bals (?:[\w-]*(?:inkoper|adviseur|manager|coördinator|medewerker|projectleider)) (?:ben|ga|werk|heb) (?:je|jij)\b",
]
#: Branch rel3: the signs of a job advert no procurement news uses -- the advert's own words (vacature, solliciteren,
#: functieomschrijving, salaris, hours per week, pay scale, employment, the call to apply, the employer seeking a person
#: for a job, second-person job talk) -- two of them make a page a job advert in core, with every named rule off (an
#: advert for a buyer of youth care names the tender it will work on: "De gemeente zoekt een inkoper jeugdhulp voor 32-36
#: uur. Je werkt aan de aanbesteding ..."); the words news of a procurement uses too -- "interim", "inhuur", "zzp",
#: "projectleider", "kandidaat", "begindatum", "we zoeken" -- count only with rule ``rel.vacancy``
VACANCY_CORE = [p for p in VACANCY if p not in (
    r"\bdetachering\b", r"\bzzp\b", r"\binhuur\w*", r"\bwe zoeken\b", r"\bwij zoeken\b", r"\bzoeken wij\b",
    r"\bzoeken we\b", r"\bben jij\b", r"\bbegindatum\b", r"\beinddatum\b", r"\bprojectleider\b", r"\binterim\b",
    r"\bkandida\w+", r"\buurtarief\b", r"\bstartdatum\b")]
# Guidance rather than a procurement: a handbook, brochure, standard or course about buying care
# (issue 11). Read in the title and lead only: what the page is *about*.
GUIDANCE = [r"\bhandreiking\w*", r"\bhandleiding\w*", r"\bhandboek\w*", r"\bbrochure\w*", r"\bwhitepaper\w*",
            r"\bgoede gewoonten\b", r"\bstappenplan\w*", r"\bcontractstandaard\w*", r"\binhoudsopgave\b",
            r"\bleeswijzer\b", r"\bwebinar\w*", r"\bmodelovereenkomst\w*", r"\bkennisbank\b"]
#: Branch rel4: the genre words of guidance only a guide's own title uses (a handbook, a brochure, a webinar), read in
#: the title with every named rule off too: "Aanbesteden Wmo en Jeugdwet: een handreiking" is a guide, not a tender
GUIDANCE_CORE = [r"\bhandreiking\w*", r"\bhandleiding\w*", r"\bhandboek\w*", r"\bbrochure\w*", r"\bwhitepaper\w*",
                 r"\bwebinar\w*"]
# Reports and evaluations about procurement (issue 11): what the page is about when its title
# or lead says so.
REPORT = [r"\bevaluatie\w*", r"\bevalueer\w*", r"\brapport\w*", r"\bonderzoeksrapport\w*", r"\benqu[eê]te\w*",
          r"\bpeiling\w*", r"\bkamerbrief\w*", r"\bkamervragen\b", r"\bwetsvoorstel\w*", r"\bmonitor\b",
          r"\bkamermotie\w*", r"\bmotie\b"]
BUDGET = [r"\btekort\w*", r"\bbegroting\w*", r"\bbezuinig\w*", r"\bkadernota\b", r"\bjaarrekening\b",
          r"\bmiljoen\w*", r"\boverschrijding\w*", r"\bzienswijze\b",
          # round ten (branch news11k): the other money words of council and trade-press titles ("meer grip op
          # uitgaven jeugdzorg", "korte termijn financiering", "extra geld", "oplopende kosten", "730 euro")
          r"\buitgaven\b", r"\bfinanciering\w*", r"\bbudget(?:ten)?\b", r"\bgeld\b", r"\bkosten\b", r"\beuro\b"]
#: Branch rel4: the money words of a title that only money news uses -- a deficit, a budget, cuts, millions, an overrun,
#: the spending -- read in the title with every named rule off (a page titled "Raad trekt 4,4 miljoen uit voor jeugdzorg"
#: is a budget page, its one "aanbesteding" a mention); not "geld", "kosten", "euro" or "financiering", which news of
#: a procurement's tariffs or a tender's value puts in its title too
BUDGET_CORE = [r"\btekort\w*", r"\bbegroting\w*", r"\bbezuinig\w*", r"\bkadernota\b", r"\bjaarrekening\b",
               r"\bmiljoen\w*", r"\bmiljard\w*", r"\boverschrijding\w*", r"\buitgaven\b", r"\bbudget(?:ten)?\b"]

# Weak: also used outside procurement; two distinct weak terms count as one strong.
PROCUREMENT_WEAK = [
    r"\bcontract(?:en)?\b", r"\bovereenkomst\w*", r"\bopdracht\b", r"\bsegment(?:en)?\b", r"\btarie(?:f|ven)\b",
    r"kostprijsonderzoek", r"lumpsum\w*", r"\bsubsidie\w*", r"centrumgemeente", r"centrumregeling",
]

# --- §3.3 stages ---------------------------------------------------------------
# One vocabulary: the ids and order of docs/reference/stages.md (issue 11).
# Nothing outside this list is ever stored as a stage.
STAGE_ORDER = [
    "voorbereiding", "marktconsultatie", "vooraankondiging", "aankondiging", "inlichtingen", "selectie", "dialoog",
    "inschrijving", "beoordeling", "voorlopige_gunning", "bezwaar", "definitieve_gunning", "kort_geding",
    "bodemprocedure", "hoger_beroep", "contract_ondertekend", "contractstart", "verlenging", "mislukt",
    "implementatie",
]
STAGE_RANK = {s: i for i, s in enumerate(STAGE_ORDER)}
# The procedure must be done again (stages.md, mislukt: "re-procurement ordered"), in any word
# order: "moet deze opnieuw aanbesteden", "de aanbesteding ... overnieuw moet", "veroordeeld tot
# intrekking van de aanbestedingsprocedure" (issue 11 round two; read by stages._hits).
REDO = (r"\b(?:opnieuw|overnieuw)\b(?: [\w'-]+){0,2} (?:aanbested\w*|aanbesteed|in de markt)|"
        r"\baanbested\w*\b(?: [\w'-]+){0,8} (?:overnieuw|opnieuw|over) (?:moet|moeten|doen|worden gedaan)\b|"
        r"\bintrekking van de (?:aanbestedings\w*|inkoop\w*|gunning\w*)")
# Nobody enrolled (stages.md, mislukt: "no tenders received"): "er hebben zich geen partijen ingeschreven",
# "heeft zich geen enkele aanbieder ingeschreven", "er zijn geen inschrijvingen ontvangen". Read before the
# stage cues (stages._hits), so that its "ingeschreven" or "inschrijvingen ontvangen" is not the enrolment
# done, as one named party that did not enrol is (branch news17); "geen nieuwe aanbieders" is no failure.
NOBODY_ENROLLED = (r"\bgeen (?:enkele )?(?:partij(?:en)?|(?:zorg|jeugdhulp)?aanbieders?|inschrijvers?|"
                   r"inschrijvingen|inschrijving|gegadigden?|organisaties?|bedrijven|bedrijf)\b"
                   r"(?: [\w'-]+){0,4} (?:ingeschreven|ingetekend)\b|"
                   r"\bgeen (?:enkele |geldige |geschikte )?(?:inschrijvingen|inschrijving|offertes?|aanbiedingen|aanbieding)\b"
                   r"(?: [\w'-]+){0,3} (?:ontvangen|binnengekomen|binnen gekomen|ingediend)\b|"
                   r"\bniemand (?:heeft )?(?:zich )?(?:[\w'-]+ ){0,3}ingeschreven\b")
# The award denied (stages.md, mislukt: "procedure stopped, failed"): "de opdracht is niet gegund", "heeft besloten niet
# tot gunning over te gaan", "besluit de opdracht niet te gunnen" -- the procedure ends without an award. Read before the
# stage cues (stages._hits), like NOBODY_ENROLLED, so that its "is ... gegund" is not the award done (branch cv32). Not "nog
# niet gegund" (not yet: the award is to come), not "niet gegund aan X" (X lost; another may have won), not the idiom "het
# is hem niet gegund" (he was not granted it).
NOT_AWARDED = (r"\bniet (?:tot|over tot) (?:de |het )?(?:definitieve |voorlopige )?(?:gunning|gunnen)\b"
               r"(?: (?:(?:[\w'-]+ ){0,3}?(?:overgegaan|over te gaan|overgaan|overgaat|overgaan|gekomen|komen|komt))\b)?|"
               r"\b(?:is|zijn|werd|werden|wordt|worden)\b (?:(?!nog\b|hem\b|haar\b|ons\b|hen\b|hun\b|mij\b|jou\b|je\b)[\w'-]+ ){0,4}"
               r"niet (?:definitief )?gegund\b(?! aan\b)|"
               r"(?<!\bnog )\bniet (?:definitief )?te gunnen\b")
STAGES = list(STAGE_ORDER)
LEGAL_STAGES = ("kort_geding", "bodemprocedure", "hoger_beroep")
# A legal stage or a failure reported in the text's own period outranks the stage it interrupted.
INTERRUPTING = LEGAL_STAGES + ("mislukt",)

#: Cues added in issue 11 round three, each behind a named rule of :mod:`.rules` so the bench's
#: ablation shows on how many dev sites it fixes or breaks pages: (rule, stage, regex).
EXTRA_CUES: list[tuple[str, str, str]] = [
    # branch cv36: the contract start told as the delivery starting, the new providers at work, or a facility opened
    # after a purchase (stages.md contractstart; the status from the tense and the date as for every cue): "De
    # uitvoering start vanaf 1 januari 2019", "per 1 januari zijn de nieuwe aanbieders aan de slag", "de voorziening
    # werd geopend". Not the start of a procedure ("de aanbesteding start"): the subject is the delivery or the
    # provider. An opening counts only where the text names a purchase (stages.detect_stages: ":opened")
    ("stage.start_told", "contractstart",
     r"\b(?:uitvoering|dienstverlening|zorgverlening)(?: van (?:de|het) (?:opdracht|contract\w*|overeenkomst\w*))? "
     r"(?:start|startte|begint|begon|gaat van start|ging van start|gaat in|ging in)(?: (?:al|pas|dan|officieel))? "
     r"(?:per|vanaf|op|met ingang van) (?:1 \w+ )?(?:19|20)\d\d\b|"
     r"\b(?:[Pp]er|[Vv]anaf|[Mm]et ingang van|[Ss]inds) 1 \w+(?: (?:19|20)\d\d)?,? (?:zijn|is|gaan|gaat|gingen|waren|was) "
     r"(?:de |het )?(?:nieuwe|gecontracteerde|gekozen) (?:\w*aanbieders?|opdrachtnemers?|partijen|consortium|"
     r"samenwerkingsverband)\b(?: [\w'-]+){0,3} aan de slag\b|"
     r"\b(?:[Dd]e|[Hh]et) (?:nieuwe|gecontracteerde|gekozen) (?:\w*aanbieders?|opdrachtnemers?|partijen|consortium|"
     r"samenwerkingsverband) (?:zijn|is|gaan|gaat|gingen|waren|was) (?:per|vanaf|met ingang van|sinds) 1 \w+"
     r"(?: (?:19|20)\d\d)? aan de slag\b|"
     r"\b(?:(?:woon)?voorziening|woonvorm|woongelegenheid|woongroep|locatie|gezinshuis)\w*\b[^.]{0,120}?"
     r"\b(?:werd|is|zijn|werden) (?:[\w'-]+ ){0,4}?geopend\b"),
    ("stage.court_verb", "kort_geding",
     r"\brechter\b(?: (?!en\b|of\b)[\w'-]+){0,3} (?:oordeelde|bepaalde|besliste|besloot|wees|gaf|verklaarde|vond)\b|"
     r"\brechter\b (?:heeft|had)\b[^.]{0,60}\b(?:uitgesproken|afgewezen|toegewezen|in het gelijk gesteld|gelijk gegeven)\b"),
    # round four (branch news11e): the tender is open to providers now -- a modal present of the verb
    # family "zich inschrijven", an "offerteaanvraag" (stages._hits skips it in a sentence about a
    # dialogue procedure, where signing up to take part is the notice's call for interest: seed 001)
    ("stage.tender_open", "inschrijving",
     r"\b(?:moeten|moet|kunnen|kan|mogen|mag) zich (?:[\w'()-]+ ){0,3}inschrijven\b|(?<!\bconcept )(?<!\bconcept-)(?<!\bhet concept van de )\bofferteaanvraag\b|"
     r"\b(?:het )?indienen van (?:een|hun|uw) (?:\w+ )?offerte\b|"
     # the offer verbs (round three's stage.offer_cue, one family with the above since round four)
     r"(?:een )?aanbod (?:te )?doen|offerte (?:[\w'-]+ ){0,3}(?:indienen|in te dienen|uitbrengen)|biedingen? (?:in te dienen|indienen)"),
    # round four: the purchase reported in the perfect -- "hebben gezamenlijk de jeugdhulp ... ingekocht" --
    # implies the award like IMPLIED_AWARD below (one rule, stage.implied_award)
    ("stage.implied_award", "definitieve_gunning",
     r"\b(?:heeft|hebben|is|zijn|werd|werden)\b(?: (?!niet\b|geen\b)[\w'’-]+){0,8} ingekocht\b"),
    ("stage.contracts_closed", "contract_ondertekend",
     # the present "sluit contracten af" and a signing "bekrachtigd"; not the perfect "heeft contracten
     # afgesloten", which in the dev pages describes the contracts already in force (background)
     r"\bsluit(?:en)? (?:[\w'-]+ ){0,4}contract(?:en)? af\b|(?:samenwerking|contracten|overeenkomsten) (?:[\w'-]+ ){0,8}bekrachtigd|"
     # round eight: the passive of "sluiten" with a contract, as the core cues have it for "overeenkomst"
     # ("het contract dat met Go! voor Jeugd ... is gesloten"); not "gesloten jeugdzorg" (the verb must follow)
     r"\bcontract(?:en)?\b[^.;]{0,80}\b(?:is|zijn|werd|werden) gesloten\b"),
    # branch news12: a decision taken about the purchase itself -- "heeft ... besloten deze inkoop zelf te regelen",
    # "de koers die is gekozen bij inkoop jeugdzorg" -- is the preparation step (stages.md: "besloten om ... voor
    # te bereiden", "inkoopsamenwerking besloten"); the verb in the past or perfect only (not "welke procedure
    # kiezen zij voor de inkoop", a question about purchasing in general), the purchase its object
    ("stage.purchase_decision", "voorbereiding",
     r"\b(?:besloten|besloot|gekozen|koos|kozen)\b(?: (?!niet\b|geen\b)[\w'’-]+){0,6}? (?:(?:bij|voor|over|met) )?"
     r"(?:(?:de|deze|die|een|hun|haar) )?(?:(?:gezamenlijke|regionale|eigen|nieuwe) )?inkoop\b"),
]

#: branch cv42: a time after a start verb: a day and month, a month or a year ("op 1 januari 2025", "in januari", "per 2025")
#: branch cv51: a noun that is no subject, right after a preposition, its article and one adjective ("De inkoop van
#: jeugdhulp", "de aanbesteding voor de nieuwe jeugdzorg"): fixed-width lookbehinds, checked only where the noun is.
_NOT_AFTER_PREPOSITION = "".join(
    r"(?<!\b" + prep + " " + det + ")" for prep in ("van", "voor", "naar", "over", "met", "bij", "om", "in", "op")
    for det in ("", "de ", "het ", "de nieuwe ", "het nieuwe "))
#: branch cv56: "ingegaan op" a subject ("is uitgebreid ingegaan op de vragen") is to address it, no start
_NOT_ADDRESSED = r"(?! op (?:de|het|een|deze|die|dit|dat|vragen|zijn|haar|hun|onze|uw|alle|wat|hoe)\b)"
_WHEN = (r"(?:(?:begin|medio|eind|half) )?(?:\d{1,2} )?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|"
         r"oktober|november|december)(?: (?:19|20)\d\d)?\b|(?:(?:begin|medio|eind|half) )?(?:19|20)\d\d\b")

#: branch cv44: the verbs of a court's verdict, finite (present and past) and as a participle
_VERDICT_FINITE = (r"(?:vernietigde|vernietigden|vernietigt|oordeelde|oordeelt|bepaalde|bepaalt|besliste|besloot|verbood|"
                   r"verbiedt|verklaarde|verklaart|schorste|schorst|veroordeelde|veroordeelt|bekrachtigde|bekrachtigt|wees|"
                   r"wijst|stelde|gaf)")
_VERDICT = (r"(?:vernietigde|vernietigden|vernietigt|vernietigd|oordeelde|oordeelt|geoordeeld|bepaalde|besliste|"
            r"afwees|afwijst|afgewezen|toewees|toewijst|toegewezen|verbood|verbiedt|verboden|verklaarde|verklaard|"
            r"schorste|geschorst|veroordeelde|veroordeeld|bekrachtigde|bekrachtigd|uitsprak|uitgesproken|"
            r"gelijk (?:gaf|geeft|gegeven)|in het gelijk (?:stelde|stelt|gesteld)|terugdraaide|teruggedraaid)")

# (stage, regex) in priority order: the first matching pattern at a position wins.
STAGE_CUES: list[tuple[str, str]] = [
    # branch cv74: the draft of the tender documents ("de concept-offerteaanvraag", "het concept van de
    # offerteaanvraag", "de conceptaanbestedingsleidraad"), shared for advice or comment: the documents are being
    # prepared, stages.md's `voorbereiding` (a consultation of the market on them names its own cue, marktconsultatie);
    # not the call to tender the word "offerteaanvraag" alone is (stage.tender_open)
    ("voorbereiding", r"\bconcept(?:-| )?(?:versie van (?:de|het) |van (?:de|het) )?(?:offerteaanvraag|aanbestedingsdocument\w*|"
                      r"aanbestedingsstukken|aanbestedingsleidraad|inkoopdocument\w*|inkoopleidraad|bestek)\b"),
    ("voorlopige_gunning", r"voorlopig(?:e)? (?:gegund|gunning)|voornemen tot gunning|gunningsvoornemen\w*|voorlopig gunnen|"
                           r"gunningsbeslissing|voornemens (?:is|zijn) (?:om )?(?:de opdracht )?te gunnen|"
                           r"van plan (?:zijn|is) .{0,80}te laten uitvoeren|winnaar (?:hebben |heeft )?aangewezen|"
                           r"(?:hebben|heeft) (?:[\w'-]+ ){0,6}uitgekozen|organisatie uitgekozen|"
                           r"winnende (?:aanbieding|inschrijving|inschrijver|partij)|"
                           # the eForms notice type (news-sites §3.4) that announces the intention to award without a
                           # call for competition; its standstill starts with it (stages.md voorlopige_gunning)
                           r"(?:aankondiging (?:in het kader )?van )?vrijwillige transparantie vooraf|"
                           # branch cv42: stages.md's "voornemen tot gunning" in its other forms -- the adjective ("de
                           # voorgenomen gunning", "het gunningsvoornemen") and the noun with the infinitive ("het
                           # voornemen om de opdracht jeugdhulp te gunnen aan X")
                           r"\bvoorgenomen gunning\w*|\bvoornemen (?:om |tot )?(?:[\w'-]+ ){0,6}?te gunnen\b|"
                           # branch cv75: the intention to award made known -- "De gemeente laat weten aan wie zij de
                           # opdracht wil gunnen", "maakt bekend aan wie zij gunt", "heeft bekendgemaakt aan wie de
                           # jeugdhulp wordt gegund": whom the buyer means to award to, told to the bidders, opens the
                           # standstill (stages.md voorlopige_gunning); the award it names is that intention, no final one
                           r"\b(?:weten|bekend|bekendgemaakt|bekendmaken|bekendmaakt|meegedeeld|mee) aan wie "
                           r"(?:(?!(?:en|of|maar|die|dat|omdat|want)\b)[\w'-]+ ){0,10}?(?:gunt|gunnen|gegund)\b"),
    ("bezwaar", r"bezwaar (?:te )?maken|"
                # branch cv44: lodged, with the verb last in a subordinate clause ("nadat twee aanbieders bezwaar tegen de
                # voorlopige gunning hadden ingediend", "die bezwaar tegen de voorlopige gunning maakte"). The cue is
                # "bezwaar" alone, the verb read ahead, so that "de voorlopige gunning" between stays a cue; tried before
                # the longer forms below, which would swallow it
                # (branch cv56: the plural as well, "Er zijn twee bezwaren ingediend tegen de voorlopige gunning")
                r"\bbezwa(?:ar|ren)(?= (?:(?!niet\b|geen\b)[\w'-]+ ){1,5}?(?:ingediend|aangetekend|indiende|indienden|aantekende|"
                r"aantekenden|gemaakt|maakte|maakten)\b)|"
                # news-sites §3.3 "bezwaar maken" in its other forms ("bezwaar kunnen maken", "bezwaar gemaakt")
                r"bezwaar (?:[\w'-]+ ){0,4}(?:maken|gemaakt|maakt|maakte|maakten)\b|bezwa(?:ar|ren) (?:ingediend|aangetekend)|bezwaartermijn|bezwaarperiode|standstill|"
                # branch cv72: the objection named against the award, a headline's way ("Bezwaar tegen voorlopige
                # gunning jeugdhulp", "Bezwaar tegen gunningsbesluit"); the cue is "bezwaar" alone, so that the award
                # named after it stays a cue of its own (as cv44's). The singular only: "bezwaren tegen" is as often
                # the objections a party voices ("procedurele bezwaren tegen de voorlopige gunning") as one lodged
                r"\bbezwaar(?= tegen (?:de |het )?(?:voorlopige |voorgenomen )?(?:gunning\w*|voornemen tot gunning))|"
                r"termijn waarin men bezwaar|klacht (?:ingediend|in over)|diende .{0,60}een klacht in"),
    ("definitieve_gunning", r"definitieve gunning\w*|definitief gegund|definitief (?:te )?gunnen|gegund aan|"
                            r"gecontracteerde (?:jeugdhulp)?aanbieders?|bekend wie|uitkomst van de aanbesteding|"
                            r"gegunde (?:opdracht|partij(?:en)?|\w*aanbieders?|organisaties?|partners?|percelen)\b|\bde gunning\b|"
                            r"gunning (?:volgt|vindt|heeft)|\bgunning (?=van (?:de|het|deze) (?:opdracht|overeenkomst|contract|raamovereenkomst))|gegund gekregen|(?:is|zijn|werd|werden) (?:[\w'-]+ ){0,6}gegund|"
                            r"aan (?:deze |beide )?(?:[\w'-]+ )?partijen gegund|winnaars? van de aanbesteding|\bals (?:[\w'-]+ )?winnaars? uit de bus\b|"
                            r"wint (?:de )?aanbesteding|aanbesteding (?:[\w'-]+ ){0,5}gewonnen|"
                            r"(?:zijn|is|worden|wordt) (?:[\w'-]+ ){0,4}gecontracteerd|nieuw gegunde|"
                            r"aanbesteding aan [A-Z]\w+|(?:opnieuw )?gegund\b|"
                            r"(?:duidelijk|bekend) (?:zijn|worden|is|wordt) welke (?:organisatie|partij|aanbieder|partner)\w*|"
                            r"bepalen welke (?:organisatie|partij|aanbieder|partner)\w*|"
                            # branch cv24: the award told from the winner's side (stages.md definitieve_gunning):
                            # "de opdracht verworven", "het contract binnengehaald", "verwierf de opdracht", and "de
                            # opdracht gekregen" with the start of the service it was given ("heeft de opdracht
                            # gekregen om vanaf 1 januari 2024 ... te bieden") -- not a task set by a council ("heeft
                            # de opdracht gekregen een plan te maken")
                            r"(?:opdracht|contract|aanbesteding|perce(?:el|len))\w* (?:[\w'-]+ ){0,6}(?:verworven|binnengehaald|binnengesleept)\b|"
                            r"\b(?:verwierf|verwierven|verwerft|verwerven) (?:[\w'-]+ ){0,4}(?:de|het|een) (?:[\w'-]+ )?(?:opdracht|contract|aanbesteding)\w*|"
                            r"\bopdracht (?:gegund )?gekregen (?:om )?(?:per|vanaf|met ingang van|sinds) |"
                            # branch cv45: the award told as where the work goes or who becomes the provider -- "De
                            # opdracht voor de jeugd- en gezinsteams gaat naar Kwadraad", "de percelen gingen naar",
                            # "Timon wordt de nieuwe aanbieder van de ambulante jeugdhulp" (a name, then "wordt/worden de
                            # nieuwe aanbieder(s)"); not "gaat naar de rechter" (a court step) nor a future "zal ... gaan"
                            r"\b(?:opdracht|aanbesteding|contract|perce(?:el|len)|gunning)\w*(?: [\w'-]+){0,12}? "
                            r"(?:gaat|gaan|ging|gingen) naar (?=(?-i:[A-Z]))|"
                            r"(?<![\w'-])(?-i:[A-Z])[\w'-]+(?: (?-i:[A-Z])[\w'-]+){0,3} (?:wordt|worden|werd|werden) (?:de )?nieuwe "
                            r"(?:\w*aanbieders?|opdrachtnemers?|uitvoerders?|partners?)\b|"
                            # branch cv34: a procedure told finished -- "Aanbesteding afgerond", "het inkooptraject
                            # JeugdZorgPlus afgerond door kennis te nemen van de gunning" -- ends with the award made (the
                            # signing is the contract's own step); finished "met" a party is the agreement with it
                            # (contract_ondertekend below)
                            r"\b(?:aanbesteding(?:sprocedure|straject)?|inkoop ?traject|inkoopprocedure)\b(?: (?!met\b)[\w'-]+){0,6} "
                            r"afgerond\b(?! met\b)"),
    ("hoger_beroep", r"hoger beroep|gerechtshof|\bin appel\b|\bhet hof\b|centrale raad van beroep|\bcrvb\b|\barrest\b"),
    ("bodemprocedure", r"bodemprocedure|bodemzaak"),
    ("kort_geding", r"kort ?geding\w*|kortgedingen|voorzieningenrechter|\bvonnis\b|voorlopige voorziening|"
                    r"uitspraak (?:van de |gedaan)?(?:rechter|rechtbank)|uitspraak van de rechtbank|"
                    r"(?:de )?rechter (?:oordeel|bepaal|beslis|besloot|stelde|wees|heeft|laat)\w*|\brechtbank\b|"
                    r"naar de rechter|voor de rechter|rechtszaak|"
                    # branch cv44: the verdict with its verb where Dutch puts it -- last in a subordinate clause ("nadat
                    # de rechter de gunning vernietigde", "dat de rechter het verzoek van X heeft afgewezen"), before the
                    # subject in an inverted main clause ("Vorige week vernietigde de rechter de gunning"); the words
                    # between stay in the clause (no comma, no conjunction of a new clause)
                    # (the cue is "rechter" alone, the verdict read ahead: the words between may hold another stage's
                    # cue, "de gunning", that must not hide the court's)
                    r"\brechter\b(?=(?: (?!en\b|of\b|maar\b|die\b|dat\b|omdat\b|want\b)[\w'-]+){1,12}? " + _VERDICT + r"\b)|"
                    r"\b" + _VERDICT_FINITE + r" (?:de |het )?rechter\b|"
                    # round nine: the outcome told with the verbs of winning and losing ("Zorggroep verliest zaak
                    # om aanbesteding"), or as being proved right by the court
                    r"\b(?:verliest|verloor|verloren|verliezen|wint|won|wonnen|winnen) (?:de |een |het )?(?:rechts)?zaak\b|"
                    r"\b(?:krijgt|kreeg|kregen|krijgen) (?:[\w'-]+ ){0,3}(?:geen )?gelijk van de rechter\b"),
    ("marktconsultatie", r"marktconsultatie\w*|marktverkenning|"
                         # branch cv64: the market explored told with its verb ("De regio verkent de markt voor de
                         # jeugdhulp", "heeft de markt verkend"): stages.md's marktverkenning
                         r"\b(?:verkent|verkennen|verkende|verkenden) (?:[\w'-]+ ){0,2}?de markt\b|\bde markt (?:[\w'-]+ ){0,3}?verkend\b|consultatiebijeenkomst|ontwikkeldialo\w+|"
                         r"ontwikkeltafels?|predialoog\w*|informatiebijeenkomst(?:en)?|bijeenkomsten voor potenti\w+ inschrijvers"),
    ("vooraankondiging", r"vooraankondiging|voorinformatie|streven is om .{0,60}te publiceren|"
                         r"verwacht\w* .{0,60}te publiceren|publicatie (?:is )?gepland|"
                         # branch cv45: the publication expected in the present ("De regio publiceert de aanbesteding
                         # naar verwachting in mei", "naar verwachting wordt de aanbesteding in juni gepubliceerd")
                         r"\bpublice(?:ert|ren) (?:[\w'-]+ ){0,8}?naar verwachting\b|"
                         r"\bnaar verwachting (?:[\w'-]+ ){0,8}?(?:gepubliceerd|publiceert|publiceren)\b|"
                         # branch cv50: the procedure or the purchase is what starts ("De regionale inkoop jeugdhulp 2018
                         # gaat begin juli 2016 van start"); care starting ("De zorg gaat in januari van start") is the
                         # contract start (`contractstart`), no prior notice
                         r"\b(?:aanbesteding\w*|inkoop\w*|procedure|publicatie|uitvraag|tender\w*)\b(?: (?!en\b|of\b)[\w'-]+){0,4}? "
                         r"(?:gaat|start) (?:[\w'-]+ ){0,3}(?:begin|medio|eind|in) \w+ (?:\d{4} )?van start|"
                         r"\b(?:gaat|start) (?:de|het|een) (?:[\w'-]+ ){0,2}?(?:aanbesteding\w*|inkoop\w*|procedure|uitvraag)\b"
                         r"(?: [\w'-]+){0,2}? (?:begin|medio|eind|in) \w+ (?:\d{4} )?van start"),
    ("inlichtingen", r"nota van inlichtingen|\bnvi'?s?\b|inlichtingenbijeenkomst|vragenronde|vragen (?:te )?stellen|vragen (?:in te dienen|indienen)\b|"
                     r"vragen kon stellen"),
    # round nine (branch news11j): the publication on a tender platform in any word order and of any
    # tender document -- "gepubliceerd op www.Negometrix.nl", "De selectieleidraad is ... gepubliceerd",
    # the fronted "Op TenderNed ... staat de opdracht" (Dutch verb-second after a fronted place)
    ("aankondiging", r"aanbesteding(?:sopdracht|sprocedure|en)? (?:[\w'-]+ ){0,6}gepubliceerd|"
                     # branch cv74: the tender's documents the subject ("De aanbestedingsstukken zijn gepubliceerd")
                     r"\b(?:aanbestedings|inkoop)(?:documenten|stukken) (?:[\w'-]+ ){0,6}gepubliceerd|"
                     r"gepubliceerd op (?:www\.)?(?:tenderned|negometrix|mercell|s2c|ctm)\b|"
                     # branch cv68: the tender's documents told as published ("Via TenderNed kunt u de gepubliceerde
                     # documenten raadplegen"): the notice is out, done whatever the clause's tense (stages.py); "de
                     # aanbestedingsstukken staan op TenderNed" is cv42's cue below
                     r"\bgepubliceerde (?:aanbestedings|inkoop)?(?:documenten|stukken)\b|"
                     r"(?:selectie|aanbestedings|inkoop)leidraad (?:[\w'-]+ ){0,8}gepubliceerd|"
                     r"\bop (?:www\.)?(?:tenderned|negometrix|mercell)\b[^.;]{0,80}\b(?:staat|staan|stond|stonden) "
                     r"(?:nu )?(?:de|het|een) (?:opdracht|aanbesteding|uitvraag)|"
                     r"aankondiging van een (?:aanbestedings)?opdracht|"
                     # branch cv64: the procedure as the step that follows at a time -- "Na de marktconsultatie volgt in
                     # mei de aanbesteding", "Daarna volgt de aanbesteding" -- its start told (the present "volgt" reads it
                     # to come, "volgde" done); with the time, not "de raad volgt de aanbesteding kritisch" (monitors it)
                     r"\bvolg(?:t|en|de|den)\s+(?:[\w'-]+\s+){0,2}?(?:in (?:januari|februari|maart|april|mei|juni|juli|"
                     r"augustus|september|oktober|november|december|het voorjaar|het najaar|de zomer)|volgend(?:e)? \w+|"
                     r"na de zomer|(?:begin|eind|medio) \w+|later|daarna|vervolgens|nog dit jaar)\s+(?:[\w'-]+\s+){0,2}?"
                     r"(?:de|een) (?:[\w-]+ )?(?:aanbesteding|aanbestedingsprocedure|inkoopprocedure|tender)\b|"
                     r"\b(?:daarna|vervolgens|dan) volg(?:t|en|de|den) (?:de|een) (?:[\w-]+ )?"
                     r"(?:aanbesteding|aanbestedingsprocedure|inkoopprocedure|tender)\b|"
                     # branch cv42: stages.md's "documenten staan op TenderNed", the documents or the tender the subject
                     r"\b(?:documenten|stukken|aanbesteding\w*|opdracht|uitvraag)\b(?: (?!en\b|of\b)[\w'-]+){0,6}? "
                     r"(?:staan|staat|stonden|stond) (?:[\w'-]+ ){0,3}?op (?:www\.)?(?:tenderned|negometrix|mercell)\b|publicatie (?:van de )?(?:inkoop|aanbestedings)documenten|"
                     r"aanbesteding(?:sprocedure)? (?:[\w'-]+ ){0,4}(?:is )?(?:gestart|van start)|"
                     # branch cv52: the procedure the subject of its start however long its name ("De aanbesteding van de
                     # nieuwe jeugdhulp ging in januari van start", "Het inkooptraject voor de specialistische jeugdzorg
                     # in de regio is op 1 maart gestart"): stages.md's "aanbesteding gestart", the step told with its
                     # own verb and tense, not the fallback of a procedure merely named. Within its clause (no
                     # conjunction or relative pronoun between, but for "en"/"of" between two inflected adjectives,
                     # "de specialistische en ambulante jeugdzorg")
                     r"\b(?:de|het|deze|dit|een) (?:[\w-]+ ){0,2}?(?:aanbesteding(?:sprocedure|straject|sronde)?|inkoop(?:procedure|traject|ronde)?)\b"
                     r"(?: (?!(?:en|of|maar|die|dat|waarin|waarna|nadat|toen|omdat|want|terwijl)\b)[\w'-]+|(?<=e) (?:en|of)(?= [\w-]+e )){0,14}? "
                     r"(?:van start(?: gegaan| gaan)?|gestart|begonnen)\b|"
                     r"start(?:en)? (?:de|met de) (?:inkoop|aanbesteding)\w*|"
                     # branch cv23: a procedure of a named kind started, with an indefinite too ("Veendam start een
                     # Europees openbare SAS-procedure"): stages.md's "aanbesteding gestart"
                     r"\bstart(?:en|t)? (?:met )?(?:een|de) (?:[\w'-]+ ){0,3}(?:aanbesteding(?:sprocedure)?|inkoop(?:procedure|traject)|"
                     r"(?:sas|dialoog|europese|openbare)[ -]?procedure)\b|"
                     # branch cv66: ... with its time between ("De gemeente start in mei een openbare aanbesteding",
                     # "startte in januari een Europese aanbesteding"): the status from that time
                     r"\bstart(?:en|te|ten)? (?:in|begin|medio|eind|op|per|vanaf|volgende?|na|deze|dit|nog) (?:[\w'-]+ ){0,2}?"
                     r"(?:een|de) (?:[\w'-]+ ){0,3}?(?:aanbesteding(?:sprocedure)?|inkoop(?:procedure|traject)|"
                     r"(?:sas|dialoog|europese|openbare)[ -]?procedure)\b|(?:is )?(?:gestart|begonnen) met (?:de )?(?:gezamenlijke )?(?:aanbesteding|inkoop)\w*|"
                     r"interesse kenbaar|inschrijven via (?:het )?(?:aanbestedingsplatform )?tenderned|"
                     r"openbaar beschikbaar op tenderned|in de markt gezet|publiceerde (?:de gemeente )?de uitvraag|"
                     r"(?:opdracht|aanbesteding) (?:[\w'-]+ ){0,3}op tenderned|aanbestedingsleidraad op|"
                     r"aanbesteding (?:[\w'-]+ ){0,5}in gang gezet|(?:inkoop|aanbestedings)?procedure (?:[\w'-]+ ){0,4}gestart|"
                     r"aanbesteding (?:[\w'-]+ ){0,2}openbaar (?:werd|gemaakt)|(?:schreven|schreef|schrijft|schrijven) (?:[\w'-]+ ){0,6}(?:een |de )?aanbesteding\w* uit|"
                     r"aanbesteding\w* (?:[\w'-]+ ){0,3}uitgeschreven|publicatie van de aanbesteding|(?:weer|opnieuw) open te zetten|"
                     r"start\w* (?:[\w'-]+ ){0,8}met de (?:gezamenlijke )?(?:aanbesteding|inkoop)\w*|start\w* (?:[\w'-]+ ){0,2}aanbesteding|"
                     # branch cv47: the procedure beginning, "beginnen" as "starten" -- "Volgende week begint de
                     # aanbesteding voor de jeugdzorg", "De aanbesteding jeugdhulp begint op 1 maart" -- its status from
                     # the clause's time (the week ahead: planned). The procedure the subject: not "begint de
                     # besluitvorming over onze inkoopcontracten", nor "de contracten beginnen"
                     r"\b(?:begint|beginnen|begon|begonnen) (?:[\w'-]+ ){0,2}?(?:de|het|een|deze) (?:[\w'-]+ )?"
                     r"(?:aanbesteding(?:sprocedure)?|inkoopprocedure|inkooptraject|inkoopronde)\b|"
                     r"\b(?:de|het|deze) (?:[\w'-]+ )?(?:aanbesteding(?:sprocedure)?|inkoopprocedure|inkooptraject|inkoopronde)\b"
                     r"(?: (?!en\b|of\b|die\b|dat\b|waarin\b)[\w'-]+){0,6}? (?:begint|beginnen|begon)\b"),
    ("selectie", r"pre-?selectie\w*|voorselectie|\bselectie\b|geselecteerde (?:aanbieders|gegadigden)|"
                 r"verzoek tot deelneming|toegelaten tot de (?:dialoog\w*|volgende fase|tweede fase|onderhandelingen)|in de pre-selectie|\bgegadigden?\b"),
    ("dialoog", r"dialoogfase|dialoogronde\w*|kick-off dialoog\w*|dialoogbijeenkomst\w*|dialoogsessie\w*|dialooggesprek\w*|"
                r"onderhandelingsronde\w*|dialoogtafel\w*|"
                # branch cv77: the negotiation phase in its other nouns ("zijn gemeenten een onderhandelingstraject
                # ingegaan met de ingeschreven partij", "de onderhandelingsfase"): stages.md's "dialogue or negotiation
                # rounds" (not the procedure type "onderhandelingsprocedure")
                r"onderhandelingstraject\w*|onderhandelingsfase\w*"),
    ("inschrijving", r"uitnodiging tot inschrijving|inschrijfdatum|inschrijftermijn|inschrijvingsperiode|"
                     # branch news17: the long forms of the closing date and term ("het verstrijken van de
                     # inschrijvingstermijn"), as the short ones above
                     r"inschrijvings(?:termijn|datum)|"
                     r"deadline om in te schrijven|sluitingsdatum|inschrijven voor|(?:hebben|heeft) (?:zich )?(?:[\w'-]+ ){0,3}ingeschreven|"
                     r"inschrijvingen (?:[\w'-]+ ){0,3}?(?:ontvangen|binnengekomen|binnen gekomen|ingediend|zijn binnen)\b|inzenddatum|"
                     # branch cv42: the enrolment told with its infinitive ("hebben tot 1 april de tijd om zich in te
                     # schrijven") and its opening or closing with words between ("De inschrijving voor de aanbesteding
                     # jeugdhulp sloot op 1 februari")
                     r"\bzich (?:[\w'-]+ ){0,3}?in te schrijven\b|"
                     # branch cv77: the enrolment said possible ("Inschrijven is mogelijk via TenderNed", "Overigens is
                     # inschrijving ook nog steeds mogelijk voor nieuwe partners", an Open House): open, its verb's tense
                     # tells when; not "niet (meer) mogelijk"
                     r"\binschrijv(?:ing|en)\b(?: (?!niet\b|geen\b|nooit\b|en\b|maar\b)[\w'-]+){0,4}? mogelijk\b|"
                     # branch cv72: the tender handed in as a noun with its infinitive ("hebben nog tot 25 maart de tijd
                     # om een inschrijving in te dienen", "kunnen hun inschrijving indienen")
                     r"\b(?:een|hun|zijn|haar|de|uw) inschrijving(?:en)? (?:in te dienen|indienen)\b|"
                     r"\binschrijving(?:en)?\b(?: (?!en\b|of\b)[\w'-]+){0,5}? (?:sluit|sloot|sluiten|sloten|gesloten|opent|opende|geopend)\b|offerte (?:uit te brengen|in te dienen)|"
                     # branch cv66: the enrolment's opening told with "starten/beginnen" in either order ("De inschrijving
                     # start begin juni", "Begin juni start de inschrijving"), the enrolment possible until a deadline
                     # ("Inschrijven kan tot 1 mei via TenderNed", "Inschrijven is mogelijk tot ...") and the modal with a
                     # time between ("kunnen zich tot 1 mei inschrijven"): the status from the clause's date or month
                     r"\binschrijving(?:en|stermijn|speriode)?\b(?: (?!en\b|of\b|die\b|dat\b)[\w'-]+){0,5}? (?:start|startte|begint|begon|gaat open|ging open)\b|"
                     r"\b(?:start|startte|begint|begon|opent|opende) (?:(?:dan|daarna|vervolgens|ook|nu) )?de inschrijving(?:stermijn|speriode)?\b|"
                     r"\binschrijven (?:kan|kon|mag|mocht|is mogelijk|was mogelijk)\b(?! (?:niet|geen|nooit)\b)|"
                     r"(?:kunnen|kan) (?:[\w'-]+ ){0,5}?inschrijven|inschrijving (?:vindt|sluit)|\bingeschreven\b|"
                     r"(?:schreef|schreven|schrijft|schrijven) (?:[\w'-]+ ){0,8}in op (?:de|het|een) (?:aanbesteding|opdracht|perce\w+)|"
                     r"\binschrijvers\b|offerte (?:[\w'-]+ ){0,2}uitgebracht|offerte heeft uitgebracht|"
                     # round nine: a tender listing's closing date, "Sluit op 23-06-2023"
                     r"\bsluit op \d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d\b"),
    ("beoordeling", r"beoordeling van de inschrijvingen|inschrijvingen (?:worden )?beoordeeld|"
                    # branch cv42: the tenders being evaluated with words between ("De inschrijvingen voor de
                    # aanbesteding jeugdhulp worden op dit moment beoordeeld")
                    r"\binschrijvingen\b(?: (?!en\b|of\b)[\w'-]+){0,6}? (?:worden|zijn|werden|wordt|is) (?:[\w'-]+ ){0,3}?beoordeeld\b|"
                    # news-sites §3.3 "beoordeling (inschrijvingen)" without "van de", of every tender ("alle")
                    r"beoordeling (?:van )?(?:de |alle )?(?:ontvangen )?(?:inschrijvingen|offertes|aanbiedingen)\b|verificatiegesprek\w*|"
                    # branch cv77: the one tender evaluated ("Na de beoordeling van de inschrijving zijn gemeenten ...",
                    # a procedure with a single tenderer), as the plural
                    r"beoordeling van (?:de|het|een|haar|hun|zijn) (?:ontvangen )?(?:inschrijving|offerte|aanbieding)\b|"
                    r"ingeschreven partijen beoordeeld|hebben wij de ingeschreven"),
    # round ten: an "intentieovereenkomst" (a letter of intent before the dialogue) is no contract signed
    ("contract_ondertekend", r"(?:contract|(?<!intentie)overeenkomst)(?:en)? (?:[\w'-]+,? ){0,7}(?:getekend|ondertekend|tekenen|ondertekenen)|"
                             r"samenwerkingsovereenkomst (?:[\w'-]+ ){0,3}(?:getekend|ondertekend)|tekendag\w*|contracten gereed|"
                             r"(?:sluiten|sloten|gesloten) (?:[\w'-]+ ){0,3}overeenkomst|overeenkomst(?:en)? (?:[\w'-]+ ){0,3}gesloten|"
                             r"contracten? (?:[\w'-]+ ){0,4}rond (?:komen|gekomen)|akkoord (?:bereikt |gesloten )?over (?:de |het )?(?:nieuwe )?(?:contract|overeenkomst)\w*|"
                             r"contracten afsluiten|nieuwe contracten (?:[\w'-]+ ){0,3}afgesloten|\bondertekening\b|"
                             r"(?:tekenden|ondertekenden|tekent|tekende|tekenen) (?:[\w'-]+ ){0,10}(?:de |een )?(?:overeenkomst|contract)\w*|"
                             # branch cv24: the signing told with the noun -- "hun handtekening gezet onder de
                             # overeenkomst Doorontwikkeling Jeugd- en Gezinshulp", "zetten hun handtekeningen onder het
                             # contract" (stages.md contract_ondertekend; not under a letter of intent)
                             r"\bhandtekening(?:en)? (?:[\w'-]+ ){0,3}onder (?:de|het|een|hun|deze) (?:[\w'-]+ )?(?!intentie)(?:\w*overeenkomst|\w*contract)\w*|"
                             r"(?:contract|overeenkomst)\w*\b[^.]{0,120}\brond (?:komen|gekomen|komt)|"
                             r"inkoop ?traject (?:[\w'-]+ ){0,6}afgerond met\b|sluiten overeenkomst|"
                             # branch news17: the agreement told as arrangements made with the providers ("hebben 7
                             # gemeenten ... afspraken gemaakt met jeugdhulpaanbieder X", "afspraken gemaakt met ongeveer 40
                             # zorgaanbieders"): stages.md "contracts signed / agreed"
                             r"\bafspraken gemaakt met (?:[\w'-]+ ){0,2}(?:jeugdhulp|zorg)?aanbieders?\b|"
                             # branch news18: "een contract sluiten (met)" in the present and simple past, as "sluiten ...
                             # overeenkomst" above ("De SO Jeugd sluit een contract met alle jeugdhulpaanbieders"); not the
                             # separable "aansluiten" ("sluiten de contracten straks ook goed aan bij"), not "sluit geen",
                             # nor a negation between verb and contract ("sluit nog geen", "sluit niet langer", rfix6b)
                             r"\b(?:sluit|sluiten|sloot|sloten) (?:(?!geen\b|niet\b|nooit\b)[\w'-]+ ){0,3}?(?:een |de |het |nieuwe )?"
                             r"contract(?:en)?\b(?! (?:[\w'-]+ ){0,8}aan\b)"),
    ("contractstart", # branch cv50: the care itself starting at a time ahead or past ("De zorg gaat in januari van
                      # start", "de nieuwe jeugdhulp ging op 1 januari van start"): stages.md's "services start"
                      # (branch cv51: the care the subject, not a noun after a preposition, _NOT_AFTER_PREPOSITION:
                      # not "De inkoop van jeugdhulp ging op 1 januari van start", the purchase starting)
                      _NOT_AFTER_PREPOSITION + r"\b(?:zorg|jeugdhulp|jeugdzorg|hulpverlening|dienstverlening)\b (?:gaat|ging|start|startte) "
                      r"(?:[\w'-]+ ){0,2}?(?:begin|medio|eind|in|op|per|vanaf) (?:\d{1,2} )?\w+ (?:\d{4} )?van start|"
                      # branch cv51: told with its participle ("De nieuwe jeugdhulp is op 1 januari 2024 van start
                      # gegaan", "is begin januari gestart"), the auxiliary's tense deciding as the date does; the care
                      # the subject (not "De aanbesteding voor de jeugdzorg is ... gestart")
                      + _NOT_AFTER_PREPOSITION + r"\b(?:zorg|jeugdhulp|jeugdzorg|hulpverlening|dienstverlening)\b (?:is|was) (?:[\w'-]+ ){0,2}?"
                      r"(?:begin|medio|eind|in|op|per|vanaf) (?:\d{1,2} )?\w+ (?:\d{4} )?(?:van start gegaan|gestart)\b|"
                      r"(?:contract\w*|overeenkomst\w*)[^.]{0,80}\b(?:per|vanaf|met ingang van|ingaan op|gaan in op)\s+1\s+[a-z]+\s+\d{4}|"
                      r"(?:[Pp]er|[Vv]anaf|[Mm]et ingang van)\s+1\s+[a-z]+\s+\d{4}[^.]{0,80}(?:contract\w*|overeenkomst\w*)|"
                      r"[Vv]anaf 1 januari \d{4} (?:zorgen|leveren|verzorgen|realiseren|voeren)|contracten? gaan in|gaan (?:de )?(?:nieuwe )?contract(?:en)? in\b|gaan in (?:per|op)|ingangsdatum|nieuwe contract(?:en)? (?:start|gaan|gaat)|"
                      r"overeenkomsten (?:zijn )?ingegaan" + _NOT_ADDRESSED + r"|contract(?:en)? (?:is |zijn )?ingegaan" + _NOT_ADDRESSED + r"|"
                      r"(?:gaan|gaat) (?:[\w'-]+ ){0,2}in op 1|"
                      # news-sites §3.3 "contractperiode" when it begins ("Op 1 juli gaat een nieuwe contractperiode
                      # in"); not "geen nieuwe contractperiode", nor the running time ("in de eerste contractperiode")
                      r"\b(?:gaat|ging|start|startte|begint|begon) (?:een|de) (?:nieuwe )?contractperiode\b|"
                      # branch cv42: the contracts' start with words between, the verb agreeing with the contract noun
                      # (so "de aanbesteding voor de nieuwe contracten start op 1 maart" is no contract start) and a time
                      # after it: "De nieuwe contracten voor de jeugdhulp starten op 1 januari 2025", "... gaan op 1
                      # januari 2025 in"; and stages.md's "per 1 januari werken we met" the new providers
                      r"\bcontract\b(?: (?!en\b|of\b)[\w'-]+){0,5}? (?:start|startte|begint|begon|gaat|ging)"
                      r" (?:op|per|vanaf|met ingang van|in) (?:" + _WHEN + r")(?: in\b)?|"
                      r"\bcontracten\b(?: (?!en\b|of\b)[\w'-]+){0,5}? (?:starten|startten|beginnen|begonnen|gaan|gingen)"
                      r" (?:op|per|vanaf|met ingang van|in) (?:" + _WHEN + r")(?: in\b)?|"
                      # branch cv51: and with the participle ("De nieuwe contracten voor de jeugdhulp zijn op 1 januari
                      # ingegaan", "Het nieuwe contract is per 1 april ingegaan")
                      r"\bcontract(?:en)?\b(?: (?!en\b|of\b)[\w'-]+){0,5}? (?:is|zijn|was|waren)"
                      r" (?:op|per|vanaf|met ingang van|in) (?:" + _WHEN + r") (?:ingegaan|gestart|begonnen)\b|"
                      # branch cv72: the new providers at work from a day on, no "met" after ("Sinds 1 maart werken de
                      # nieuwe aanbieders", "Vanaf 1 juli zijn de nieuwe zorgaanbieders aan de slag"): the day's side of
                      # the page decides done/current or planned
                      r"\b(?:[Pp]er|[Vv]anaf|[Mm]et ingang van|[Ss]inds) \d{1,2} \w+(?: (?:19|20)\d\d)?,? (?:werken|zijn|starten|"
                      r"beginnen|gaan|leveren|bieden) (?:de |alle )?(?:[\w'-]+ )?nieuwe (?:[\w-]*aanbieders|partijen|leveranciers)\b|"
                      # branch cv74: the same with the subject first ("De nieuwe aanbieders starten op 1 januari",
                      # "De nieuwe jeugdhulpaanbieders beginnen per 1 juli met de zorg")
                      r"\b(?:de|alle) (?:[\w'-]+ )?nieuwe (?:[\w-]*aanbieders|partijen|leveranciers|opdrachtnemers)\b "
                      r"(?:starten|startten|beginnen|begonnen|werken|leveren|zijn|waren) (?:[\w'-]+ ){0,2}?"
                      r"(?:op|per|vanaf|met ingang van|sinds) (?:" + _WHEN + r")|"
                      # (branch cv45: "sinds" as well, and any subject: "Sinds 1 januari werken de twaalf gemeenten ...")
                      r"\b(?:[Pp]er|[Vv]anaf|[Mm]et ingang van|[Ss]inds) 1 \w+(?: (?:19|20)\d\d)?,? werk(?:en|t) (?:we|wij|zij|ze|(?:de|het) [\w'-]+|(?-i:[A-Z])[\w'-]+)"
                      r" (?:[\w'-]+ ){0,3}?met (?:de |een |het )?(?:nieuwe|gecontracteerde|andere)\b|"
                      r"\bcontractperiode (?:[\w'-]+ ){0,3}(?:gaat in|ging in|ingaat|start|startte|begint|begon|loopt van)\b|contract(?:en)? (?:[\w'-]+ ){0,4}(?:per|vanaf) 1 \w+ \d{4}|"
                      # branch cv56: the contract (any compound, "jeugdhulpcontracten", or the agreement) told in force
                      # with the words between that Dutch puts there, with or without a time ("Het nieuwe contract
                      # jeugdhulp is ingegaan", "De overeenkomst is op 1 januari ingegaan", "zijn begin dit jaar in
                      # werking getreden"), and inverted after a time ("Op 1 januari 2024 is het nieuwe contract voor de
                      # jeugdhulp ingegaan"); not "ingegaan op" a subject ("Het contract is ingegaan op de vragen")
                      r"\b(?:[\w-]*contract\w*|[\w-]*overeenkomst\w*)(?: (?!en\b|of\b|dat\b|die\b|maar\b)[\w'-]+){0,6}? "
                      r"(?:is|zijn|was|waren)(?: [\w'-]+){0,5}? (?:ingegaan|in werking getreden|van kracht geworden)\b" + _NOT_ADDRESSED + "|"
                      r"\b(?:is|zijn|was|waren) (?:de|het) (?:[\w'-]+ ){0,2}?(?:[\w-]*contract\w*|[\w-]*overeenkomst\w*)"
                      r"(?: [\w'-]+){0,5}? (?:ingegaan|in werking getreden|van kracht geworden)\b" + _NOT_ADDRESSED + "|"
                      # branch cv65: the start told in a relative clause on the contract -- "ondertekenden ze het contract
                      # dat vanaf juli ingaat", "de overeenkomsten, die per 1 januari starten" -- read from the pronoun on,
                      # beside the step the main clause tells of the contract (the signing, the award); the verb of
                      # starting closes the relative clause, with a time before it
                      # (branch cv66: after any word, so that stages._hits can read the contract noun a word or two
                      # before the pronoun -- "de overeenkomsten voor de jeugdhulp die per 1 juli ingaan", "de opdracht
                      # die in april ingaat": stages._CONTRACT_BEFORE_RELATIVE)
                      r"(?:(?<=\w )|(?<=\w, ))(?:dat|die) (?:[\w'-]+ ){0,3}?"
                      r"(?:op|per|vanaf|met ingang van|in|begin|medio) (?:[\w'-]+ ){0,2}?"
                      r"(?:ingaat|ingaan|start|starten|begint|beginnen|in werking treedt|in werking treden)\b|"
                      # branch cv66: the contract's start as the aim of an infinitive ("met als doel om per 4 februari
                      # 2023 een nieuw contract in te laten gaan", "besloten om het contract met X vanaf februari 2019
                      # in te laten gaan"): stages._AIMED_START reads it to come unless its date is behind the page's
                      r"\b(?:[\w-]*contract(?:en)?|[\w-]*overeenkomst(?:en)?)\b(?: (?!(?:en|of|maar|die|dat)\b)[\w'-]+){0,6}? "
                      r"(?:in te (?:laten )?gaan|te laten (?:ingaan|starten|beginnen))\b(?! op\b)|"
                      # branch cv76: the separable "ingaan" split around a time without a date ("De nieuwe contracten
                      # gaan volgend jaar in", "de overeenkomst gaat na de zomer in"), the particle closing the clause
                      r"\b(?:[\w-]*contract(?:en)?|[\w-]*overeenkomst(?:en)?)\b(?: (?!(?:en|of|maar|die|dat)\b)[\w'-]+){0,5}? "
                      r"(?:gaat|gaan|ging|gingen)(?: (?!(?:en|of|maar|die|dat|op)\b)[\w'-]+){1,4}? in(?=\s*(?:[.;:!?,]|$))"),
    ("verlenging", r"(?:contract|overeenkomst)\w* (?:[\w'-]+ ){0,5}verlengd|verleng(?:en|t|ing) (?:van )?(?:[\w'-]+ ){0,3}(?:contract|overeenkomst)\w*|"
                   r"wijziging van een gegunde opdracht|contractverlenging|verlenging (?:[\w'-]+ ){0,3}(?:met|tot|voor)|"
                   r"\bverlengd\b|\bverlengt\b|\bverlengen\b|"
                   # branch cv21: a bridging contract ("overbruggingscontract 2020": the care of the ending contracts
                   # goes on, "Uitgangspunt ... zijn de contractvoorwaarden 2018-2019") is stages.md's `verlenging`,
                   # "existing contracts extended or modified instead of (re)procuring" -- not itself a failure (it was a
                   # `mislukt` cue, after news-sites.md §3.3's coarser row; stages.md supersedes that row)
                   r"overbruggingscontract\w*|"
                   # branch cv62: the contracts continued ("De contracten jeugdhulp worden gecontinueerd", "continueert de
                   # overeenkomsten", "continuering van de contracten"): stages.md's "existing contracts extended ...
                   # instead of (re)procuring". The contracts the object: care continued ("de zorg wordt gecontinueerd")
                   # is continuity of care, no extension
                   r"\b(?:[\w-]*contract\w*|[\w-]*overeenkomst\w*) (?:[\w'-]+ ){0,8}?gecontinueerd\b|"
                   r"\bcontinu(?:eren|eert|eerde|eerden|ering) (?:van )?(?:[\w'-]+ ){0,3}?(?:[\w-]*contract\w*|[\w-]*overeenkomst\w*)|"
                   # branch cv74: the contracts running on longer ("De bestaande overeenkomsten lopen een jaar langer door")
                   r"\b(?:[\w-]*contract\w*|[\w-]*overeenkomst\w*) (?:(?!en\b|of\b|maar\b|die\b|dat\b)[\w'-]+ ){0,5}?"
                   r"(?:lopen|loopt|liepen|liep) (?:[\w'-]+ ){0,4}?langer door\b|"
                   # branch cv76: the existing contracts carried on while the new round runs ("De huidige contracten
                   # worden voortgezet", "De bestaande overeenkomsten lopen door tot de nieuwe aanbesteding is
                   # afgerond"): not the contracts' own term running to a date ("lopen door tot 1 januari")
                   r"\b(?:huidige|bestaande|oude|lopende)\s+(?:[\w-]*contract(?:en)?|[\w-]*overeenkomst(?:en)?)\b"
                   r"(?: (?!en\b|of\b|maar\b|die\b|dat\b)[\w'-]+){0,5}? (?:(?:wordt|worden|werd|werden|is|zijn) "
                   r"(?:[\w'-]+ ){0,2}?voortgezet|(?:lopen|loopt|liepen|liep) (?:[\w'-]+ ){0,3}?door(?= (?:tot|totdat|zolang) "
                   r"(?:de|het|er|een) (?:[\w'-]+ ){0,3}?(?:nieuwe?|aanbested\w*|inkoop\w*|opvolg\w*)\b))\b"),
    ("mislukt", r"geen (?:geschikte |enkele )?(?:inschrijvingen|inschrijving|intekening)|onderhandelingsprocedure zonder|"
                r"stopgezet|stop (?:te |moeten )?zetten|"
                # news-sites §3.3 "stopzetten/intrekken", in the one-word and separable forms ("stopzetting",
                # "trekt de aanbesteding in", "de procedure in te trekken")
                # the object must be the procurement: "de ongeldigverklaring intrekken" is no failed tender
                r"\bstopzet\w*|\btrek(?:t|ken)\b (?:[\w'-]+ ){0,4}(?:aanbesteding|procedure|gunning|opdracht)\w*(?: [\w'-]+){0,2} in\b|"
                r"(?:aanbesteding|procedure|gunning|opdracht)\w* (?:[\w'-]+ ){0,3}(?:in te trekken|intrekken|intrekt)\b|stop van (?:de )?(?:regionale )?inko(?:op|pen)\w*|"
                r"ingetrokken|tot nader order|"
                r"over (?:moeten )?doen|moet over\b|(?:moet|moeten) opnieuw (?:worden )?aanbesteed|opnieuw moeten aanbesteden|"
                # branch cv47: the duty with its subject and the active infinitive ("dus we moeten opnieuw aanbesteden",
                # "moet de gemeente de opdracht opnieuw aanbesteden"); with nothing failed or ruled on in the text it is
                # the next round's preparation (stages.detect_stages, branch cv34)
                r"\b(?:moet|moeten)\b(?: (?!niet\b|geen\b|nooit\b)[\w'-]+){0,4}? opnieuw aanbesteden\b|"
                r"aanbesteding (?:is )?mislukt|mislukte (?:gezamenlijke )?inkoop|"
                # branch cv21: stages.md's "procedure stopped, failed": the failed procedure named with its adjective
                # ("de mislukte aanbestedingsprocedure"), a procedure halted ("het lopende inkoopproces tijdelijk is
                # onderbroken", "stopt met de aanbesteding") and a U-turn in it ("Regio maakt u-bocht bij inkoop")
                r"\bmislukte (?:[\w'-]+ )?(?:aanbesteding|inkoop|procedure|tender)\w*|"
                r"\b(?:aanbesteding|inkoop|procedure|tender)\w* (?:[\w'-]+ ){0,2}(?:onderbroken|stilgelegd)\b|"
                r"\b(?:stopt|stoppen|stopte|stopten|gestopt) (?:[\w'-]+ ){0,3}met (?:de|het|deze) (?:[\w'-]+ )?(?:aanbesteding|inkoop|procedure|tender)\w*|"
                r"\bu-bocht\b(?: [\w'-]+){0,3} (?:bij|in|met|rond) (?:de |het )?(?:[\w'-]+ )?(?:aanbesteding|inkoop|procedure|tender)\w*|"
                r"geweigerd (?:om )?(?:een )?(?:nieuw )?contract|(?:wordt|worden|is) (?:[\w'-]+ ){0,3}uitgesteld|"
                r"uit te stellen|terug naar de tekentafel|gestaakt|"
                # round nine: the failure told with the verb alone, pointing back ("Maar dat mislukte omdat",
                # "dat blijkt niet gelukt")
                r"\b(?:dat|dit|die|deze) (?:[\w'-]+ ){0,2}(?:mislukte|mislukten|mislukt)\b|\b(?:dat|dit) (?:is |blijkt |bleek )?niet gelukt\b|"
                # branch cv42: stages.md's "procedure stopped, withdrawn" in the words of the press, the procedure the
                # subject or object: "De aanbesteding jeugdhulp is geannuleerd", "heeft de aanbesteding ... afgeblazen",
                # "afgebroken", "is gestopt", "besloten de aanbesteding ... over te doen"
                r"\b(?:aanbesteding|aanbestedingsprocedure|inkoopprocedure|tender)\b(?: (?!en\b|of\b|die\b|dat\b)[\w'-]+){0,5}? "
                r"(?:afgeblazen|geannuleerd|afgebroken|gestopt|over te doen)\b|"
                r"\b(?:annuleert|annuleerde|annuleren|annulering van|blaast|blies|bliezen) (?:[\w'-]+ ){0,3}?(?:de|het|deze) "
                r"(?:[\w'-]+ )?(?:aanbesteding|aanbestedingsprocedure|inkoopprocedure|tender)\b"),
    ("implementatie", r"implementatie(?!\s+(?:van\s+(?:de\s+)?)?contractstandaard)\w*|goede start|voorbereidingen? voor de uitvoering|"
                      r"overname van (?:de )?zorg|overgang van (?:jeugdigen|cli[eë]nten)|nemen de zorg over|overdragen|"
                      # news-sites §3.3 "overdracht" (stages.md: "transitieperiode") of the care to the new providers
                      r"overdracht van (?:de )?(?:zorg|cli[eë]nt\w*|jeugdigen|dossiers)\b|transitieperiode|transitiefase|"
                      # branch cv76: the clients moving to another provider ("sommige jongeren gaan per 1 januari over
                      # naar een andere aanbieder", "cliënten stappen over naar de nieuwe aanbieder") and the run-in of
                      # the new contracts ("2025 is een transitiejaar voor de nieuwe contracten", "de aanloopfase van
                      # de nieuwe overeenkomsten") -- tied to the contracts or providers, not the 2015 decentralisation
                      # ("de transitie van de jeugdzorg")
                      r"\b(?:jeugdigen|cli[eë]nten|jongeren|kinderen|gezinnen)\b(?: (?!en\b|of\b|maar\b|die\b|dat\b)[\w'-]+){0,5}? "
                      r"(?:(?:gaan|gaat|stappen|stapt)(?: (?!en\b|of\b|maar\b)[\w'-]+){0,5}? over|over (?:gaan|gaat|stappen|stapt)|overgaan|"
                      r"overstappen|overgezet worden|worden overgezet) naar "
                      r"(?:een |de )?(?:andere|nieuwe) (?:[\w-]*aanbieder|partij|organisatie|zorgverlener)\w*\b|"
                      r"\b(?:transitie|overgangs|aanloop)(?:jaar|periode|fase)\b(?: (?!en\b|of\b|maar\b)[\w'-]+){0,4}? "
                      r"(?:[\w-]*contract(?:en)?|[\w-]*overeenkomst(?:en)?|[\w-]*aanbieders?|opdrachtnemers?)\b|"
                      r"\b(?:[\w-]*contract(?:en)?|[\w-]*overeenkomst(?:en)?)\b(?: (?!en\b|of\b|maar\b)[\w'-]+){0,5}? "
                      r"(?:is|wordt|geldt als|zal zijn) (?:een |het )?(?:[\w-]+ )?(?:transitie|overgangs|aanloop)(?:jaar|periode|fase)\b"),
    ("voorbereiding", r"inkoopstrategie|inkoopkoers|verwervingsstrategie|koersdocument|contourenbesluit|reikwijdte|programmaplan|"
                      # branch cv46: the planning documents of a municipal purchase ("De startnotitie voor deze nieuwe
                      # inkoop is in 2023 vastgesteld", "het inkoopplan jeugdhulp", "de aanbestedingsstrategie")
                      r"\b(?:aanbestedingsstrategie|contracteringsstrategie|inkoopvisie|inkoopplan(?:nen)?)\b|"
                      r"\bstartnotitie\b(?: [\w'’-]+){0,4}? (?:inkoop|aanbesteding|aanbesteden|contractering)\w*|"
                      r"regiovisie|opdracht gegeven tot de inkoop|inkoopkeuzes|"
                      # branch cv64: the procedure itself being prepared ("De aanbesteding voor de jeugdhulp is in
                      # voorbereiding", "De nieuwe inkoop wordt voorbereid"): stages.md's preparation, under way
                      r"\b(?:aanbesteding|aanbestedingsprocedure|inkoop|inkoopprocedure|inkooptraject)\b(?: (?!en\b|maar\b)[\w'-]+){0,6}? "
                      r"(?:is|zijn|wordt|worden) (?:[\w'-]+ ){0,2}?(?:in voorbereiding|voorbereid)\b(?! op\b)|"
                      r"voorbereiding van (?:het|de) (?:nieuwe )?(?:inkoop\w*|aanbesteding\w*)|"
                      r"besloten om .{0,80}voor(?:\s|\w)*te bereiden|voorbereiden van een nieuwe inkoop|"
                      r"gekozen voor (?:het )?(?:opnieuw )?aanbesteden|inrichten van een inkooporganisatie|"
                      r"nieuwe opdracht in te zetten|kader voor de inkoop|inkoopkader|in te kopen zorgvormen|"
                      r"werkgroep .?inkoop|stelsel .{0,40}(?:te )?herzien|werkt (?:momenteel )?aan de voorbereiding|"
                      # branch cv23: stages.md's "inkoopsamenwerking besloten" -- municipalities that decide or are going
                      # to buy together from now on ("gaan vanaf 2018 samen de inkoop ... uitvoeren"), not a joint
                      # purchase that runs ("De GGD voert de gezamenlijke inkoop ... uit")
                      r"\b(?:besloten|besluiten|besloot|kiezen|kozen)\b(?: [\w'-]+){0,5} (?:samen|gezamenlijk) (?:de |het )?"
                      r"(?:inkoop\w*|in te kopen|inkopen)\b|inkoopsamenwerking (?:aan ?te ?gaan|aangaan|besloten)|"
                      # branch cv38: the separable verb split in a main clause, its particle closing the clause -- "Tot
                      # eind 2020 bereidt de gemeente de nieuwe aanbesteding voor de jeugdhulp en de Wmo voor." -- is
                      # stages.md's "besluit to prepare" told in the present: the preparation under way, told
                      r"\bbereid(?:t|en|de|den)\b[^.;:!?]{0,80}?\b(?:aanbesteding|inkoop)\w*\b[^.;:!?]{0,120}?"
                      r"\bvoor(?=\s*['\"’”]?\s*(?:[.;:!?]|$))|"
                      # branch cv38: the procedure chosen -- "Gemeenten hebben voor de inkoopprocedure in 2023 opnieuw
                      # gekozen voor open house", "kiest opnieuw voor open house voor inkoop jeugdhulp" -- is the decision
                      # on how to procure (stages.md: "decision or plan to procure")
                      r"\b(?:gekozen|kiest|kiezen|koos|kozen)\b(?: [\w'-]+){0,3}? voor (?:de |een |het )?(?:open[ -]?house|"
                      r"(?:europese |openbare |onderhandse |nieuwe )?(?:aanbestedingsprocedure|aanbesteding|inkoopprocedure))\b"),
]

#: branch cv46: a plan to procure told with a verb of will or of the near future -- "Het college wil per 1 januari 2022
#: de jeugdzorg anders aanbesteden", "De regio gaat de jeugdhulp opnieuw inkopen", "willen de gemeenten de zorg samen
#: inkopen": stages.md's `voorbereiding`,
#: "decision or plan to procure". The plan is made now, whatever time the purchase itself takes: read as current (as a
#: purchase decision), unless the clause is denied or hypothetical. Present forms only ("wilde ... aanbesteden, maar"
#: is a past wish); no "moet" (a duty to procure again is cv34's re-procurement); no negation between verb and purchase;
#: a definite object, the care or the service bought ("gemeenten willen vooral goedkoop inkopen" is an opinion on
#: purchasing in general, no plan).
PLAN_TO_PROCURE = (r"\b(?:wil|willen|gaat|gaan|zal|zullen)\b(?: (?!niet\b|geen\b|nooit\b|nog\b)[\w'’/-]+){0,4}? "
                   r"(?:de|het|hun|haar|deze|dit) (?:(?!niet\b|geen\b|nooit\b|nog\b)[\w'’/-]+ ){0,5}?"
                   r"(?:(?:opnieuw|anders|zelf|samen|gezamenlijk|regionaal) )?(?:aanbesteden|inkopen|in te kopen|"
                   r"aan te besteden|contracteren)\b|"
                   # "De gemeenten gaan vanaf 2026 samen de inkoop ... uitvoeren": stages.md's "inkoopsamenwerking
                   # besloten" (cv23's cue), the decision made now, however far off the joint purchase starts
                   r"\b(?:gaan|gaat)\b(?: [\w'-]+){0,5} (?:samen|gezamenlijk) (?:de |het )?(?:inkoop\w*|in te kopen|inkopen)\b")
#: branch cv70: the tender's own start to come, told with a future auxiliary and the procedure the subject or object of
#: starting or publishing -- "In eerste instantie zou de aanbesteding ... starten op 26 augustus", "De gemeente zal de
#: opdracht in het voorjaar publiceren", "gaat de aanbesteding na de zomer van start gaan" -- stages.md's `aankondiging`,
#: planned (the future told in the cue), read beside any plan to procure. Not denied in between. (The infinitive of
#: tendering alone, "zal de gemeente de jeugdzorg gaan aanbesteden", read the same way, cost held-out half 1 a status
#: reading: left to PLAN_TO_PROCURE's `voorbereiding`.)
_NOT_DENIED = r"(?: (?!niet\b|geen\b|nooit\b|en\b|maar\b|of\b)[\w'’/-]+)"
TENDER_TO_COME = (r"\b(?:zal|zullen|zou|zouden|gaat|gaan)\b" + _NOT_DENIED + r"{0,4}? (?:de|het|een) (?:[\w-]+ ){0,2}?"
                  r"(?:aanbesteding(?:sprocedure)?|inkoopprocedure|tender|opdracht)\b" + _NOT_DENIED + r"{0,8}? "
                  r"(?:starten|beginnen|van start gaan|publiceren|worden gepubliceerd|gepubliceerd worden)\b")
#: branch cv47: a choice on how to procure, for or against a tender -- "het voorgenomen aanbestedingstraject voor jeugdhulp",
#: "Daarom kiezen we niet voor een nieuwe aanbesteding", "De gemeentes zien voor de komende jaren ... af van een openbare
#: aanbesteding", "besloten niet opnieuw aan te besteden": stages.md's `voorbereiding` ("decision or plan to procure"), the
#: choice made now (current). The negation is the choice's content, not a denial of the step. The procedure the object.
PREPARATION_CHOICE = (r"\b(?:voorgenomen|beoogde) (?:[\w-]+ )?(?:aanbesteding(?:straject|sprocedure)?|inkoopprocedure|"
                      r"inkooptraject|inkoopronde)\b|"
                      r"\b(?:kiest|kiezen|koos|kozen|gekozen)\b(?: (?!en\b|of\b|maar\b)[\w'-]+){0,3}? niet voor "
                      r"(?:een |de |het )?(?:[\w-]+ )?(?:aanbesteding(?:sprocedure)?|inkoopprocedure|aanbesteden)\b|"
                      r"\b(?:afzien|afziet|afgezien|zien|ziet|zag|zagen)\b(?: (?!en\b|of\b|maar\b)[\w'-]+){0,12}? af van "
                      r"(?:een |de |het )?(?:[\w-]+ )?(?:aanbesteding(?:sprocedure)?|inkoopprocedure|aanbesteden)\b|"
                      r"\b(?:afzien|afziet|afgezien) van (?:een |de |het )?(?:[\w-]+ )?(?:aanbesteding(?:sprocedure)?|"
                      r"inkoopprocedure|aanbesteden)\b|"
                      r"\b(?:besloten|besluit|besluiten|besloot|kiest|kiezen|gekozen)\b(?: (?!en\b|of\b|maar\b)[\w'-]+){0,6}? "
                      r"niet (?:opnieuw |meer |zelf )?(?:aan te besteden|in te kopen)\b")
#: branch cv47: the council debating or deciding on the procurement -- "Vandaag sprak de gemeenteraad over de aanbesteding
#: van de jeugdhulp", "de raadscommissie bespreekt de inkoop jeugdhulp", "de besluitvorming over de aanbesteding" --
#: stages.md's `voorbereiding` ("besluit" on the purchase), its status from the clause's tense. Weak evidence, as the
#: new round named: a council also debates a tender that runs or failed, and any step the text tells outranks it.
COUNCIL_DEBATE = (r"\b(?:gemeenteraad|raad|raadscommissie|commissie|raadsleden|staten)\b(?: (?!en\b|of\b)[\w'’-]+){0,3}? "
                  r"(?:spreekt|sprak|spraken|spreken|bespreekt|besprak|bespraken|bespreken|debatteert|debatteerde|"
                  r"debatteerden|debatteren|vergadert|vergaderde) (?:(?:vandaag|vanavond|morgen|dinsdag|woensdag|donderdag|"
                  r"maandag|vrijdag|opnieuw|uitgebreid|nog) )?(?:over |op )?(?:de|het|deze) (?:[\w'’-]+ ){0,2}?"
                  r"(?:aanbesteding|inkoop|inkoopstrategie|inkoopprocedure)\w*|"
                  r"\b(?:spreekt|sprak|bespreekt|besprak|debatteert|debatteerde|vergadert|vergaderde) (?:de |het )?"
                  r"(?:gemeenteraad|raad|raadscommissie|commissie)\b(?: [\w'’-]+){0,2}? (?:over |op )?(?:de|het|deze) "
                  r"(?:[\w'’-]+ ){0,2}?(?:aanbesteding|inkoop|inkoopstrategie|inkoopprocedure)\w*|"
                  r"\bbesluitvorming\w* (?:over|voor|rond|omtrent) (?:de |het |onze |hun |deze )?(?:[\w'’-]+ )?"
                  r"(?:aanbesteding|inkoop)\w*")
#: branch cv49: a decision-making procedure on the purchase beginning -- "op 24 oktober begint de besluitvormingsprocedure
#: over onze inkoopcontracten", "Volgende maand start de besluitvorming over de inkoop van de jeugdhulp", "De
#: besluitvormingsprocedure over de aanbesteding begint op 24 oktober" -- is stages.md's `voorbereiding` under way (current),
#: whatever date the decision itself is planned for. The purchase named after the decision making ("over/voor/rond ...").
_DECISION_MAKING = r"besluitvorming(?:sprocedure|straject|sproces|sronde)?"
_ON_PURCHASE = (r"(?:over|voor|rond|omtrent|van) (?:de |het |onze |hun |deze |een )?(?:[\w'’-]+ ){0,2}?"
                r"(?:aanbesteding|inkoop|contractering|aanbesteden|inkopen)\w*")
DECISION_STARTS = (r"\b(?:begint|beginnen|start|starten)\b(?: (?!en\b|of\b|niet\b|geen\b)[\w'’-]+){0,3}? (?:de|het) "
                   + _DECISION_MAKING + r" " + _ON_PURCHASE + r"|"
                   r"\b" + _DECISION_MAKING + r" " + _ON_PURCHASE + r"(?: (?!en\b|of\b|die\b|dat\b|niet\b)[\w'’-]+){0,6}? "
                   r"(?:begint|beginnen|start|starten)\b")
#: branch cv57: a decision to start the tender -- "Het college besloot op 5 maart de aanbesteding te starten", "heeft besloten
#: om de aanbesteding jeugdhulp uit te schrijven" -- is stages.md's "decision or plan to procure", `voorbereiding` (the
#: decision taken: the preparation under way, as any decided cue); the tender itself is not yet said to have started
#: (`aankondiging` is "the procedure has started"). Not denied ("besloot de aanbesteding niet te starten").
DECIDED_TO_TENDER = (r"\b(?:besluit|besluiten|besloot|besloten)\b(?: (?!niet\b|geen\b|nooit\b|en\b|maar\b)[\w'’-]+){0,6}? "
                     r"(?:om )?(?:de|een|het|hun|haar) (?:(?!niet\b|geen\b)[\w'’-]+ ){0,3}?"
                     r"(?:aanbesteding|aanbestedingsprocedure|inkoopprocedure|tender|procedure)\w* "
                     r"(?:(?!niet\b|geen\b|nooit\b)[\w'’-]+ ){0,4}?"
                     r"(?:te (?:starten|beginnen|publiceren|openen)|op te starten|uit te schrijven|in gang te zetten)\b")
#: branch cv49: the purchase approved by the council -- "Inkoop jeugdzorg geaccordeerd door de raad", "De gemeenteraad heeft
#: de inkoop van de jeugdhulp goedgekeurd" -- is stages.md's "besluit" to procure: `voorbereiding`, done (the approval
#: given). The purchase or its plan the object, the approval's participle within a few words.
PURCHASE_APPROVED = (r"\b(?:inkoop|aanbesteding|inkoopstrategie|inkoopplan|inkoopkoers)\b(?: (?!en\b|of\b|niet\b|nog\b|die\b|"
                     r"dat\b)[\w'’-]+){0,4}? (?:(?:is|werd|zijn|werden) )?(?:geaccordeerd|goedgekeurd)\b")
#: branch cv49: the joint purchase named as a noun -- "Inkoopsamenwerking 2015", "de inkoopsamenwerking" -- the municipalities'
#: decision to buy together (stages.md's "inkoopsamenwerking besloten"): weak `voorbereiding` evidence, read only where the
#: page tells no other step (stages.add_joint_purchase).
JOINT_PURCHASE = r"\binkoopsamenwerking(?:en)?\b"
#: branch cv46: the coming round named with a definite article ("Bij de nieuwe aanbesteding moet het naar circa veertig
#: aanbieders", "in de nieuwe inkoop veel aandacht voor samenwerking"): `voorbereiding`, its status from the clause's
#: tense (a noun alone is weak evidence: any step the text tells outranks it). Not "een nieuwe aanbestedingsprocedure"
#: (a kind of procedure in general).
NEW_ROUND = r"\b(?:de|deze) nieuwe (?:inkoop|aanbesteding)(?:sronde|straject)?\b"

# A known outcome said without the word "gunning": "krijgen vanaf 2020 een kleine honderd
# aanbieders een contract", "Vanaf 2020 gaan twee samenwerkingsverbanden ... de jeugdhulp
# uitvoeren". The future verb is the delivery; the award itself is done (issue 11).
IMPLIED_AWARD = (r"\b(?:krijgen|krijgt) (?:[\w'-]+ ){0,6}(?:aanbieders?|partijen|organisaties|samenwerkingsverband\w*) "
                 r"(?:[\w'-]+ ){0,2}(?:een|het) contract|"
                 r"\b(?:[Vv]anaf|[Pp]er) (?:1 \w+ )?(?:19|20)\d\d (?:gaan|gaat) (?:[\w'-]+ ){0,4}(?:aanbieders?|"
                 r"samenwerkingsverband\w*|partijen|organisaties) (?:[\w'-]+ ){0,6}(?:uitvoeren|leveren|bieden)\b")
# A start date of the new delivery: "Vanaf 2020 gaan ...", "per 2021 krijgen ...".
IMPLIED_START = r"\b(?:[Vv]anaf|[Pp]er|[Mm]et ingang van) (?:1 \w+ )?(?:19|20)\d\d\b(?= (?:gaan|gaat|krijgen|krijgt)\b)|" \
                r"\b(?:[Vv]anaf|[Pp]er) (?:1 \w+ )?(?:19|20)\d\d\b(?= een (?:[\w'-]+ ){0,3}(?:aanbieders?|partijen) )"

# Month and weekday names: the one table of tenderarchive/extraction/dates.py (issue 9).
from tenderarchive.extraction.dates import MONTHS, WEEKDAYS  # noqa: E402,F401

# Who delivers the youth care from a date on, told as a present or past service statement (issue 11
# round eight, rule ``stage.service_statement``): "Sinds 1 januari 2024 verzorgt MetMaya bijna alle ...",
# "Vanaf 1 januari 2024 is MetMaya verantwoordelijk voor ...", "Vanaf 1 januari 2024 is hiervoor één
# organisatie ...", "liet deze uitvoeren door een klein consortium". The provider is chosen (the award is
# made) and the delivery starts on that date. Case-sensitive: the provider is a name (a capital after the
# verb), not "de gemeenten" of the decentralisation ("Sinds 1 januari 2015 zijn gemeenten verantwoordelijk");
# a full date ("1 januari 2024") is required for the same reason.
# the full month names of the one month table (tenderarchive/extraction/dates.py): the longest name of each month
_MONTH_RX = "(?:" + "|".join(max((k for k, v in MONTHS.items() if v == n), key=len) for n in range(1, 13)) + ")"
#: From a date on, a named provider delivers (present): the award made and the contract start.
SERVICE_FROM = (
    r"\b(?:[Ss]inds|[Vv]anaf|[Pp]er|[Mm]et ingang van) 1 " + _MONTH_RX + r" (?:19|20)\d\d,? "
    r"(?:verzorgt|verzorgen|levert|leveren|biedt|bieden|voert|voeren|is|zijn)(?: (?:hiervoor|daarvoor|nu|er))? "
    r"(?:(?:één|1) (?:nieuwe )?(?:organisatie|aanbieder|partij|partner|consortium|samenwerkingsverband)\b|"
    r"(?!(?:De|Het|Een|Er|Wij|We|Zij|Ze|Dit|Dat|Deze|Die|Gemeente\w*|Jeugd\w*|Regio\w*)\b)[A-Z][\w'’!&.-]*(?: [A-Z][\w'’!&.-]*){0,3}"
    r" (?:verantwoordelijk|de|het|bijna|alle|\w*jeugd\w*|zorg\w*|hulp\w*)\b)"
)
#: "liet deze uitvoeren door ...": the same, told in the past (the delivery began).
SERVICE_DONE = r"\b(?:liet|lieten) (?:deze|die|dit|hem|haar|de [\w-]+|het [\w-]+) uitvoeren door\b"

# --- §3.4 procedure types -----------------------------------------------------
PROCEDURE_TYPES: list[tuple[str, str]] = [
    ("negotiated_without_publication", r"onderhandelingsprocedure zonder (?:voorafgaande )?(?:bekendmaking|aankondiging|oproep|mededinging)|"
                                       r"vrijwillige transparantie vooraf"),
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



# branch cv52: the step told by the procurement's verb and its object in one clause, in either order and with any words
# between -- "De gemeenten hebben de aanbesteding voor de specialistische jeugdhulp op 1 februari gepubliceerd", "De
# gemeente gunde de opdracht voor de jeugdhulp in februari aan Kwadraad", "Zes aanbieders zijn geselecteerd voor de
# aanbesteding", "De gemeente beoordeelt nu de inschrijvingen" -- where the fixed cues above allow a few words
# only. Only for steps up to the award: a signing or a failure read this loosely outranked the court step a page
# reports (a claim "dat de aanbesteding wordt gestaakt", "gesloten raamovereenkomsten" in a ruling's summary), worse on
# held-out dev sites. Read after them (a cue they find is kept), with the same tense, negation and condition logic. The clause: no
# conjunction, relative pronoun or punctuation between verb and object; at most ten words.
_GAP = r"(?: (?!(?:en|of|maar|die|dat|wat|waarin|waarna|waarmee|nadat|toen|omdat|want|terwijl|zodat|voordat|als)\b)[\w'-]+){0,10}? "


def _verb_object(verbs: str, objects: str) -> str:
    # not the infinitive with "te" ("om ... nieuwe zorgaanbieders te selecteren": a purpose, no step) nor the verbal noun
    # ("het definitief gunnen van de opdracht")
    # nor the plural present, which is also the infinitive and tells how a step is taken ("De opdracht gunnen we dan aan
    # de economisch meest voordelige inschrijving")
    verbs = rf"(?<!\bte )(?<!\bhet )(?<!\bhet definitief )(?:{verbs})"
    return (rf"\b(?:{objects})\b{_GAP}(?:{verbs})\b|\b(?:{verbs})\b{_GAP}(?:de |het |een |alle |hun |zijn |haar )?"
            rf"(?:[\w-]+ ){{0,2}}?(?:{objects})\b")


_PROVIDERS = (r"aanbieders?|zorgaanbieders?|jeugdhulpaanbieders?|partij(?:en)?|gegadigden?|inschrijvers?|"
              r"organisaties?|zorgpartij(?:en)?|uitvoerders?|opdrachtnemers?")
_PROCEDURE_OBJECT = r"aanbesteding(?:en|sprocedure|sopdracht)?|opdracht(?:en)?|uitvraag|inkoopprocedure|tender"
VERB_OBJECT_CUES: list[tuple[str, str]] = [
    ("aankondiging", _verb_object(r"publiceert|publiceerde|publiceerden|gepubliceerd", _PROCEDURE_OBJECT)),
    ("beoordeling", _verb_object(r"beoordeelt|beoordeelde|beoordeelden|beoordeeld",
                                 r"inschrijvingen|offertes|aanbiedingen|inschrijvers")),
    ("selectie", _verb_object(r"selecteert|selecteerde|selecteerden|geselecteerd",
                              r"gegadigden|kandidaten|aanbieders|partijen|zorgaanbieders|jeugdhulpaanbieders")),
    # the tenders submitted ("Zorgaanbieders konden tot 1 februari een offerte indienen", "Er zijn twaalf offertes
    # ingediend"): the infinitive too, as the call to tender is told with a modal
    # (branch cv74: and a bid brought out, "een bod uitbrengen", "hebben een offerte uitgebracht")
    ("inschrijving", _verb_object(r"indienen|ingediend|diende|dienden|uitbrengen|uitgebracht",
                                  r"offertes?|inschrijvingen|aanbiedingen|bod|biedingen")),
    # the tender open: "De aanbesteding voor de jeugdhulp staat sinds 1 februari open", "... is opengesteld"
    ("aankondiging", rf"\b(?:{_PROCEDURE_OBJECT})\b{_GAP}(?:(?:staat|staan|stond|stonden)\b{_GAP}open\b|opengesteld\b)"),
    # the intention to award told with its adjective ("De gemeente is voornemens de opdracht ... te gunnen aan")
    ("voorlopige_gunning", rf"\bvoornemens\b{_GAP}te gunnen\b"),
    # branch cv61: the award to come told with a future or expectation verb and the infinitive -- "De gemeente zal de
    # opdracht in juni gunnen", "verwacht de opdracht in juni te gunnen", "gaat de percelen gunnen", "is van plan de
    # opdracht te gunnen" -- the award named (its tense marks read it planned); not "besloot ... te gunnen", nor the
    # plural present that tells how a step is taken ("De opdracht gunnen we aan de beste inschrijving")
    ("definitieve_gunning", rf"\b(?:zal|zullen|gaat|gaan|wil|willen|verwacht|verwachten|hoopt|hopen|van plan|streeft|"
                            rf"streven)\b{_GAP}(?:de |het |een |alle |hun |zijn |haar )?(?:[\w-]+ ){{0,2}}?"
                            rf"(?:{_PROCEDURE_OBJECT}|perce(?:el|len)|contract(?:en)?)\b{_GAP}(?:te )?gunnen\b"),
    # the care awarded to a party ("Gemeente gunt jeugdhulp aan Kwadraad"): "aan" after the care, not the idiom of
    # wishing someone something ("we gunnen elk kind goede jeugdhulp")
    ("definitieve_gunning", r"\b(?:gunt|gunde|gunden|gegund) (?:de |het |alle )?(?:[\w-]+ ){0,2}?"
                            r"(?:jeugdhulp|jeugdzorg|zorg|hulp|ondersteuning)\w*(?: (?!(?:en|of|maar|die|dat)\b)[\w'-]+){0,4}? aan\b"),
    # the procedure the subject of its failure, the verb after it ("Aanbesteding jeugdhulp mislukt", "De aanbesteding
    # voor de jeugdhulp is geflopt"); not "gestaakt" or "geschrapt", a claim's or a plan's verbs as often
    ("mislukt", rf"\b(?:{_PROCEDURE_OBJECT}|inkoop)\b{_GAP}(?:mislukt|mislukte|geflopt|gestrand|afgeblazen)\b"),
    # branch cv74: the award told with the verbs a municipal page uses beside "gegund" -- "De opdracht is verstrekt aan
    # Stichting Kompas", "toegekend aan", "het contract is toegewezen aan", "verleend aan" -- the procedure the subject
    # and a party after "aan"; not a task given to a party to do something ("opdracht verleend aan een bureau om ...")
    ("definitieve_gunning", rf"\b(?:{_PROCEDURE_OBJECT}|perce(?:el|len)|contract(?:en)?)\b{_GAP}"
                            rf"(?:verstrekt|toegekend|toegewezen|verleend) aan\b(?! [^.;:]{{0,100}}\b(?:om|te)\b)"),
    # branch cv74: the procedure ended or the tender put on the market, in the words beside the fixed cues ("De
    # aanbesteding is beëindigd", "afgebroken"; "De gemeente heeft de opdracht op de markt gezet"); not a contract
    # ended ("de opdracht is beëindigd": the procedure nouns only)
    ("mislukt", rf"\b(?:aanbesteding(?:en|sprocedure)?|inkoopprocedure|tender)\b{_GAP}(?:beëindigd|afgebroken)\b"),
    ("aankondiging", rf"\b(?:{_PROCEDURE_OBJECT})\b{_GAP}(?:op|in) de markt (?:gezet|zet|zetten)\b|"
                     rf"\b(?:zet|zetten|zette|zetten) (?:de |het |een )?(?:[\w-]+ ){{0,2}}?(?:{_PROCEDURE_OBJECT})\b{_GAP}(?:op|in) de markt\b"),
    # not "voorlopig gunt/gegund": the provisional award's own cue reads it first
    ("definitieve_gunning", _verb_object(r"(?<!voorlopig )(?:gunt|gunde|gunden|gegund)",
                                         _PROCEDURE_OBJECT + r"|perce(?:el|len)|contract(?:en)?")),
    # branch cv53: the tenders received told by the providers who came forward ("Er hebben zich 25 aanbieders gemeld",
    # "25 aanbieders hebben zich aangemeld"): "zich" with the past participle, not a provider reporting something
    # ("aanbieders hebben zorgen gemeld")
    ("inschrijving", rf"\bzich (?:[\w'-]+ ){{0,3}}?(?:{_PROVIDERS})\b(?: (?!(?:en|of|maar|die|dat)\b)[\w'-]+){{0,6}}? "
                     rf"(?:aan)?gemeld\b|\b(?:{_PROVIDERS})\b{_GAP}zich(?: (?!(?:en|of|maar|die|dat)\b)[\w'-]+){{0,6}}? "
                     rf"(?:aan)?gemeld\b"),
    # the award told by the party chosen ("Kwadraad is gekozen als nieuwe aanbieder", "Kwadraad wordt de nieuwe
    # aanbieder van de jeugdhulp"): a provider's role, not a choice of anything else ("gekozen als voorzitter")
    ("definitieve_gunning:chosen", rf"\b(?:is|zijn|werd|werden) (?:[\w'-]+ ){{0,3}}?gekozen (?:als|tot) (?:de )?"
                                   rf"(?:nieuwe |enige |twee |drie |vier |vijf |\d+ )?(?:{_PROVIDERS})\b|"
                                   rf"\b(?:wordt|worden) (?:de |het )?nieuwe (?:{_PROVIDERS})\b"),
    # the procedure to be held again ("De aanbesteding wordt overgedaan"): re-procurement ordered (stages.md, mislukt)
    # "hoeft niet te worden overgedaan": no failure (a failure's cue is read past the negation logic)
    ("mislukt", rf"\b(?:{_PROCEDURE_OBJECT}|inkoop|inkoopprocedure)\b"
                rf"(?: (?!(?:en|of|maar|die|dat|wat|niet|geen|nooit|hoeft|hoeven|nadat|toen|omdat|als|indien)\b)[\w'-]+){{0,10}}? "
                rf"(?:overgedaan|overdoen|over te doen)\b"),
    # branch cv68: the enrolment told with a past modal ("Geïnteresseerde partijen konden zich tot oktober
    # inschrijven", and inverted, "Tot oktober konden aanbieders zich inschrijven"): the tender was open and is read by
    # its tense (the present modal is stage.tender_open's)
    ("inschrijving", r"\b(?:konden|kon|mochten|mocht|moesten|moest)(?: (?!(?:en|of|maar|die|dat|niet|geen)\b)[\w'-]+){0,3}? "
                     r"zich (?:[\w'()-]+ ){0,3}?inschrijven\b"),
    # the contracts concluded with the parties ("contracten gesloten met 40 aanbieders"): the verb right after the
    # noun and "met" after it, not "gesloten raamovereenkomsten" named in a ruling's summary
    # (weak evidence: a contract with a party is ordinary business too, no procurement on its own; stages.py)
    ("contract_ondertekend:weak", r"\b(?:contract(?:en)?|overeenkomst(?:en)?|raamovereenkomst(?:en)?|raamcontract(?:en)?) "
                             r"(?:(?!en\b|of\b|maar\b|die\b|dat\b|niet\b|geen\b)[\w'-]+ ){0,4}?(?:(?:is|zijn|werd|werden) )?(?:gesloten|afgesloten|getekend|ondertekend) met\b"),
]
