"""Is a text about youth-care *procurement*? (news-sites §3.1, §3.2; issue 11)

Rules, in order (the name goes into ``relevance_rule``):

* ``vacancy``: two distinct vacancy/hiring signals (vacature, uur per week, salaris,
  "zoekt zij een projectleider", interim ...; since branch cv43 also a job advert's hours, pay scale, employment,
  start date and headings: "32-36 uur", "schaal 11", "dienstverband", "Wat bieden wij?") -> not relevant;
* ``no_terms``: neither youth-care nor procurement nor adjacent terms;
* ``adjacent_only``: only adjacent-field terms (Wmo, kinderopvang, JGZ, pgb, ...);
* ``procurement_term_only``: procurement vocabulary without a youth-care term
  (e.g. a Wmo huishoudelijke hulp tender) -> not relevant;
* ``regulation``: youth-care terms in a regulation text (verordening, nadere regels,
  artikelen) with at most one strong procurement term -> not relevant;
* ``guidance`` / ``report`` / ``budget_topic`` / ``regulation_title`` -- one rule, "the title
  names the page's genre" (switch ``rel.title_genre``): the *title* (the lead only when a page
  has no title) names a handbook, brochure, standard or webinar ("handreiking", "goede
  gewoonten"), an evaluation, report, survey, letter to parliament or bill, money (tekort,
  begroting, bezuinigen, miljoenen) or a regulation (verordening, nadere regels), and no
  procedure step from ``aankondiging`` on is reported done or current -> not relevant (advice
  about buying care, a budget or a regulation is not a procurement). Read in the title only
  since issue 11 round two: a table of contents in a tender document's opening made two
  procurement documents "guidance";
* ``motion``: (branch rel8, core) the page is a council motion's or amendment's own text, with no step reported and
  no youth-care procedure named -> not relevant (a proposal, :func:`motion_text`);
* ``adjacent_topic``: the title and lead are about an adjacent field (Wmo, huishoudelijke
  hulp, beschermd wonen, kinderopvang ...) and name no youth care -> not relevant (a Wmo
  tender that mentions youth care further down);
* ``youth_term+procedure``: a core youth term and either a *procedure act* term
  (aanbesteding, inschrijving, gunning, TenderNed, marktconsultatie ...) or a stage cue
  with strong evidence from ``aankondiging`` on (a contract signed, a kort geding with
  procurement vocabulary) -> relevant; a stage cue in the title counts as strong (the title
  says what the page is about: "Eerste opzet van het kader voor de inkoop");
  since round four a procedure term counts only when it names a *particular* procurement
  (rule ``rel.particular_procedure``: not "de Aanbestedingswet", "elke gecontracteerde
  aanbieder", "wanneer een instelling een aanbesteding verliest"), see :func:`particular`;
  since branch cv40 a particular buyer buying youth care with the purchase verb ("Het college wil ...
  jeugdhulp gaan inkopen", "Almere, ... en Urk kopen ... jeugdzorg in") is a procedure act too, in core, and
  outweighs a genre title (:func:`buyer_purchases`); since branch cv43 the other ways of buying named as held -- an
  open house procedure, a dynamic purchasing system, a subsidy tender, a contracting round with its year -- and a
  provider's "nieuw contract gekregen" are procedure acts too (:data:`.vocabulary.PROCUREMENT_ACT`); since branch cv48 a purchasing round
  of youth care told as a step taken in the other words buyers use ("is gestart met het inkoopproces", "start de contractering",
  "de contracteringsronde ... is afgerond", "te gunnen aan", an open house call with its date) is one, in core (:func:`told_rounds`), and so is its outcome told from either side
  (a buyer selects or contracts a counted set of providers, extends its contracts; providers get a new contract);
* ``procedure_not_about_youth``: both kinds of terms, but never in the title or in one
  sentence together (a Wmo tender page mentioning "jeugd" in passing) -> not relevant;
* ``youth_term_no_procedure``: youth terms and only policy-level procurement words
  (inkoop, contractering, contracten) with no stage -> not relevant (policy pages,
  budgets and deficits: ``budget_terms`` are reported as evidence);
* ``youth_term_only``: youth-care terms and no procurement evidence -> not relevant.

Since branch cv48 an enrolment whose object is no tender (an event, a course, a mailing list, a register, the municipality
where a child is registered: :data:`NON_TENDER_ENROLMENT`) is no procedure act and no enrolment stage (core).

Since branch cv45 two kinds of sentence give no procedure evidence at all (core): those about another service's
procurement ("de aanbesteding voor het leerlingenvervoer is gegund", :func:`other_purchase_sentences`) and those of
national politics about procurement in general (:func:`national_debate_sentences`).

Since branch rel1 (core): another service bought with the verb ("hebben het Wmo-vervoer opnieuw aanbesteed") is another
service's procurement too; a word of participle shape after an article ("een besluit", "het beleid") is a noun, so a
council agenda listing "de beleidsuitgangspunten voor inkoop van jeugdhulp" among the subjects it will decide on reports no
purchase; a court that rules ("De rechtbank oordeelt ...") is a procurement step only on a page with procurement vocabulary
beside "contract" or when the proceedings are named (a kort geding); and a market survey ("marktverkenning", stages.md's
marktconsultatie) is a procedure act and an onderwijs-jeugdarrangement youth care (:mod:`.vocabulary`).
Also since branch rel1: the service as the subject of the verb ("Het leerlingenvervoer in de gemeente Venlo is opnieuw
aanbesteed"); a call with its closing day ("kunnen tot 1 april een offerte indienen") names a particular procedure; and a
counted set of (strategic) partners chosen is a round's outcome ("heeft na een lange procedure vier strategische partners
voor de specialistische jeugdhulp gekozen").
Since branch rel2 (core): a bridging contract ("overbruggingscontract", :data:`.vocabulary.PROCUREMENT_ACT`), contracts
told to run on ("lopen een jaar langer door") and a buyer that has bought or contracted youth care ("De gemeente Utrecht
heeft de jeugdhulp per 2025 gecontracteerd bij vier aanbieders") are procurement acts; a provider contracted for another
service ("gecontracteerd voor huishoudelijke hulp") tells another service's procurement.
Since branch rel3 (core): a decision not to extend the contracts ("heeft besloten de huidige contracten voor jeugdhulp niet
te verlengen") is a round's outcome; an outcome sentence whose youth care is named in the next sentence of its paragraph
("De contracten worden met een jaar verlengd. Zo houden kinderen in de jeugdhulp ...") is one of youth care unless either
sentence is about another service or money; and two signs of a job advert no procurement news uses
(:data:`.vocabulary.VACANCY_CORE`) make a job advert with rule ``rel.vacancy`` off too.
Since branch rel4 (core): the decision not to extend also when the words between are written with a slash ("de
contracten voor jeugdhulp en Wmo/Wonen niet te verlengen") or told as an extension option not taken ("geen gebruik te
maken van de verlengingsoptie"), and a round of youth care bought jointly with another service ("contracten voor
jeugdhulp en Wmo") is youth care's; a title in the words only money news (:data:`.vocabulary.BUDGET_CORE`) or a guide
(:data:`.vocabulary.GUIDANCE_CORE`) uses makes a budget page or a guide with rule ``rel.title_genre`` off too, when no
step is reported and no youth-care procedure is named; and under a title of national politics that names no local
buyer every sentence of the page is of that debate (:func:`national_debate_sentences`).
Since branch rel5 (core): transport to youth care ("jeugdwetvervoer", "jeugdzorgvervoer") is read as transport; under a
title naming another service and no youth care every sentence naming no youth care is that service's
(:func:`other_purchase_sentences`); a procedure word that is the modifier of a law, rule or body or the thing of a kind
noun ("het systeem van aanbesteding") names no procurement without rule ``rel.particular_procedure`` too (:func:`kind_of`).
Since branch rel6 (core): a particular buyer buying youth care is read past where it is and an aside in brackets ("De 7
gemeenten in Zuid-Drenthe (Borger-Odoorn, ... en Westerveld) hebben gezamenlijk de jeugdhulp ... ingekocht") and with the
om-te infinitive ("... de handen ineen geslagen om jeugdhulp en Wmo-hulp in te kopen"); a question tells no purchase
(:func:`buyer_purchases`).
Since branch rel7 (core): "maatschappelijke ondersteuning", the Wmo's own name for its service, is another service
(:data:`OTHER_SERVICE`: "Nieuw contract maatschappelijke ondersteuning" is a Wmo tender); a title that is a regulation's
name ("Nadere regels subsidie ... jeugdhulp", "Verordening jeugdhulp ...": :data:`.vocabulary.REGULATION_CORE`) makes a
regulation page with rule ``rel.title_genre`` off too, when no step is reported and no youth-care procedure is named;
and contracts closed or signed with a counted set of providers ("heeft overeenkomsten gesloten met zes aanbieders van
jeugdhulp") are a round's outcome (:func:`told_rounds`); an administration or its software bought for youth care ("een
nieuwe zorgadministratie voor jeugdhulp en Wmo aanbesteed") is no youth care bought (:func:`_as_administration`).
Since branch rel8 (core): the text of a council motion or amendment -- a consideration ("Constaterende dat",
"Overwegende dat") and a request to the executive ("Verzoekt het college", "En gaat over tot de orde van de dag") -- is
a proposal, read as a genre that reports no procurement (rule name ``motion``; :func:`motion_text`), unless a step is
reported or a youth-care procedure named; and the award told from the winner's side ("heeft de tender voor de jeugdhulp
gewonnen", "heeft de opdracht gekregen voor de jeugdhulp", "gekozen als nieuwe aanbieder van jeugdhulp") is a round's
outcome (:func:`told_rounds`); a bare plural procedure term in a sentence that reports no step ("aanbestedingen elkaar
snel opvolgen", "moeten inkoopprocedures tijdig starten") names the kind, no procurement (:func:`bare_plural`, as rule
``rel.particular_procedure`` (c) reads it).
Since branch rel9 (core): the mood of a sentence -- a question ("Wanneer wordt de aanbesteding gegund?", written questions
of a council) or a supposition ("Stel dat de contracten ... aflopen, dan moet zij nu de inkoop voorbereiden", "Als de
aanbesteding mislukt, dan ...", and the sentences after it carrying its consequent "dan") -- reports no procurement: such
sentences give no procedure evidence (:func:`asking_or_supposing`); the title is left alone.
Since branch rel10 (core): a general statement about tenders -- a conditional, concessive or circumstantial opener with
an indefinite tender ("wanneer een instelling een aanbesteding verliest", "Bij een aanbesteding moet ..."), a modal with a
bare plural of the trade ("Volgens de regels moeten instellingen die ... inschrijven") -- gives no procedure evidence
(:func:`general_statements`); on a page of questions (:func:`questions_page`: read from its structure) the title is read
in the page's mood; and a civil summary judgement against a public body ("Vonnis in kort geding", "de publiekrechtelijke
rechtspersoon ..., gedaagde") is the buyer's kort geding, a procedure act, about youth care when it names youth care
anywhere (:func:`judgement_against_buyer`).

Since branch rel11 (core): a youth-care body's call for a partner or provider that closes on a date ("is Jeugdzorg X op
zoek naar een ervaren samenwerkingspartner ... Neem dan vóór 1 september contact op") is the buyer's approach to the
market, a procedure act told without a procedure word (:func:`partner_calls`); a wish without a date, foster parents or a
person sought, another service's call stay out.

Since branch rel12 (core): a purchasing round referred back to with a demonstrative ("Vanaf 1 januari 2024 is MetMaya
verantwoordelijk voor de specialistische jeugdhulp in de regio. ... Met deze inkoop willen de gemeenten ...") is one
particular round, a procedure act, when youth care is named in its sentence, earlier in its line or in the line before
(:func:`referred_rounds`); a modal or conditional sentence, another service's round, "die inkoop" (a relative pronoun as
often) stay out. And a particular buyer's purchase still to be made told attributively, the buyer the agent after "door"
("het kader van de, door de negen gemeenten in de regio WBO, in te kopen zorgvormen van gespecialiseerde jeugdzorg") is a
buyer buying youth care (:func:`buyer_purchases`); a bare plural agent ("de door gemeenten in te kopen jeugdhulp") and the
participle ("de door de gemeente gecontracteerde aanbieders") stay out.

Since branch rel15 (core): a provider's own news of the contract it closed with a named buyer ("Goed nieuws: wij hebben
een contract gesloten met de gemeente Ede voor jeugdhulp", "Wij hebben een nieuw contract met de regio Utrecht West voor
de jeugdhulp") is a round's outcome when the sentence tells news (a year, "nieuw", "opnieuw", "onlangs", "trots"); a
contract held, a fee page's condition ("met de betreffende gemeente") or a list of contracting municipalities stay out
(:func:`told_rounds`). "De gemeenten" placed in a region, also one named with its article ("De gemeenten in de Hoeksche
Waard kopen de Wmo-begeleiding en de jeugdhulp vanaf 2026 samen in"), are particular buyers; placed in the country they
are the municipalities in general (:func:`buyer_purchases`). And a council's or college's consent to or adoption of a
definite round, strategy or plan of youth care ("De raad wordt voorgesteld in te stemmen met de regionale inkoop van
specialistische jeugdhulp per 2026", "Het college stelt de inkoopstrategie jeugdhulp 2026 vast") is stages.md's
voorbereiding decided, a procedure act (:func:`told_rounds`); an agenda's subject, an arrangement ("in te stemmen met de
wijze waarop ...") and things set for the purchase ("De tarieven voor de inkoop ... zijn vastgesteld") stay out. A
contract of rent, a building or employment signed ("Het contract voor de huur is getekend", "huurovereenkomst") is no
step of a purchase: its stage cue is no procedure evidence unless its sentence names the purchase (``relevance``).

Since branch rel17 (kinds of page a site never seen brings, in wording the dev part does not have): the definite plural
with its article alone ("Door de aanbestedingen zijn er te veel aanbieders gekomen", national news on market forces) on a
page that names no buyer is the practice, no procurement (:func:`bare_plural`, core); the buyer after its finite verb
and the page's own "wij" ("In 2025 kopen wij de jeugdhulp opnieuw in", a municipality's "inkoop sociaal domein" page)
buy youth care, and up to five words (a date) may stand between the youth care and the participle (:func:`buyer_purchases`,
core); a Dutch municipality's page in English tells a purchase in English words (:func:`english_procurements`, core);
with rule ``rel.vacancy`` the looser hiring signs make no job advert of a page whose title and lead tell a youth-care
purchase step (a provider's news of a tender won with a hiring line) -- an advert still has two core advert signs.

Since branch rel18 (what round seventeen left, in core): the links and tags a page shows ("Lees ook: Jeugdhulp in
Veldhoven | Aanbestedingen 2026", "Tags: jeugdhulp, aanbesteding", a "Gerelateerde berichten" box and its headlines) are not
its own text: they give no evidence (:func:`link_lines`); the other verbs of buying tell a purchase -- contracting out
("besteedt de jeugdhulp uit", "uit te besteden", "uitbesteed"), youth care placed with a provider ("onderbrengen bij een
nieuwe aanbieder", "hevelt ... over naar een nieuwe aanbieder"; not "bij het wijkteam", "naar het Rijk") and contracting
told finite ("contracteerde in 2024 twaalf aanbieders"; the present tense with a date or "nieuw", not the buyer's habit);
and a purchasing body ("het inkoopbureau", "de inkooporganisatie", "Inkoopbureau H-10 koopt namens tien gemeenten ...")
and a region by its name ("De regio Twente heeft ...") are particular buyers (:func:`buyer_purchases`).

Since branch rel19 (what round eighteen left, in core): a box of other pages under its heading ("Gerelateerde berichten",
"Meer nieuws", "Lees ook") is cut with its headlines also when they end in a full stop (one short sentence a line), and
a line that is a run of menu items or a breadcrumb ("Home | Nieuws | Aanbesteding jeugdhulp | Contact", "Home > Nieuws >
...") with no label too (:func:`link_lines`); a meeting's agenda listing four or more numbered items, youth care in one
of them only, is about the meeting, not the procurement (:func:`agenda_page`, rule name ``agenda``); and national
politics is read also where the sentence after names the national source ("... minder vaak aanbesteden. Dat blijkt uit
een Kamerbrief"), in the words of the "Hervormingsagenda", and in a title naming tendering over a national lead
(:func:`national_debate_sentences`).

Since branch rel20 (core): an agenda is read also when its items are bulleted ("- Opening", as a site's list is
extracted) or "Agendapunt N" lines and when the meeting in the title or the line opening the items names it
(:func:`agenda_page`); and a directory of providers -- the line introducing a list of three or more names ("Er zijn 6
aanbieders gecontracteerd door de gemeente Opmeer:", "In onderstaande lijst vindt u alle gecontracteerde aanbieders")
and the list itself -- gives no procedure evidence unless it reports the step (:func:`directory_sentences`).

``relevance_score`` is a bounded sum of distinct youth and procurement terms, damped by
adjacent/regulation/statistics/budget terms; it ranks, the rules decide.
Hand-written term lists (:mod:`.vocabulary`): see that module for why.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import on
from .vocabulary import (ADJACENT, ADJACENT_TRANSPORT, BUDGET, BUDGET_CORE, GUIDANCE, GUIDANCE_CORE, REPORT, PROCUREMENT_ACT, PROCUREMENT_STRONG, PROCUREMENT_WEAK, REGULATION, REGULATION_CORE,
                         SERVICE_DONE, SERVICE_FROM, STAGE_RANK, STATISTICS, VACANCY, VACANCY_CORE, YOUTH_CORE)


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``: blocks between blank lines; in a text without blank lines (as the extraction gives
    many pages: one line per paragraph) each line with the lines either side of it (a heading or lead-in and the
    paragraph it introduces) -- else the whole page would be one "paragraph" and any youth term anywhere would stand
    beside any step (a Wmo tender naming "basishulp Jeugd" four paragraphs from its enrolment term, branch news16)."""
    if re.search(r"\n\s*\n", text.strip()):
        return re.split(r"\n\s*\n", text)
    lines = text.split("\n")
    return ["\n".join(lines[max(0, i - 1):i + 2]) for i in range(len(lines))]


def _matches(patterns: list[str], text: str) -> list[str]:
    found: dict[str, None] = {}
    for p in patterns:
        for m in re.finditer(p, text, re.I):
            found.setdefault(m.group(0).lower(), None)
    return list(found)


#: Branch cv33: the genre words of the title are also the *heads* of Dutch compounds -- "Inkoophandreiking jeugd-GGZ"
#: is a handreiking as much as "Handreiking inkoop" is (the last part of a compound names the thing; the first only
#: what it is about). A modifier of three letters or more before the word.
GUIDANCE_HEADS = [re.sub(r"^\\b", r"\\b(?:[a-zà-ÿ]{3,})?", p) for p in GUIDANCE]
GUIDANCE_CORE_HEADS = [re.sub(r"^\\b", r"\\b(?:[a-zà-ÿ]{3,})?", p) for p in GUIDANCE_CORE]


#: "waar het kind staat ingeschreven": registered as a resident, not enrolled in a tender (round three)
RESIDENT = re.compile(r"\b(?:staat|staan|stond|is|zijn) (?:[\w'-]+ ){0,2}ingeschreven\b(?! (?:op|voor) (?:de|het|een) (?:aanbesteding|opdracht|perce))|"
                      r"\bingeschreven (?:staat|staan|stond)\b", re.I)


#: Branch cv48: an enrolment whose object is no tender -- "zich inschrijven voor de informatieavond over jeugdhulp",
#: "inschrijven voor de training van het jeugdteam", "inschrijving voor onze nieuwsbrief", "De inschrijving is gratis",
#: "ingeschreven zijn in de Basisregistratie Personen" -- is an event, a course, a mailing list or a register, not the
#: tendering step; its "inschrijv-" is no procedure act and no enrolment stage (core: what the word means in Dutch, as
#: rel.registered_resident reads "staat ingeschreven" of a resident). The object follows the enrolment, with at most
#: five words between ("inschrijven via de website voor de cursus"); an object before it is left alone ("Op de
#: informatieavond kunnen aanbieders zich inschrijven voor de aanbesteding" still enrols in the tender).
_ENROL_WORD = r"(?:inschrijv\w*|ingeschreven)"
_NON_TENDER_OBJECT = (r"(?:informatie(?:avond|bijeenkomst|middag|ochtend|sessie)\w*|ouderavond\w*|thema-?avond\w*|bijeenkomst\w*|"
                      r"training\w*|cursus\w*|cursussen|workshop\w*|webinar\w*|congres\w*|symposium|"
                      r"lezing\w*|masterclass\w*|nieuwsbrie\w*|mailinglijst|wachtlijst\w*|basisregistratie\w*|brp|gba|"
                      r"(?:basis)?school|opleiding\w*|huisarts\w*|tandarts\w*|kinderopvang|peuteropvang|sportclub\w*|"
                      r"vereniging|zwemles\w*|(?:zomer)?kamp(?:en)?|activiteit\w*|vakantie\w*|spreekuur|kamer van koophandel|kvk|"
                      r"handelsregister|lrkp?|big-?register|skj(?:-register)?|kwaliteitsregister\w*|register|huurwoning\w*|"
                      r"woningzoekende\w*|verkiezing\w*|loting)")
NON_TENDER_ENROLMENT = re.compile(
    r"\b" + _ENROL_WORD + r"(?: (?!voor de aanbesteding|op de aanbesteding)[\w'-]+){0,5}? (?:voor|op|in|bij|via|van) "
    r"(?:(?:de|het|een|onze|uw|je|jouw|deze|dit|hun) )?(?:[\w-]+ )?" + _NON_TENDER_OBJECT + r"\b|"
    r"\b" + _ENROL_WORD + r" (?:is |was )?(?:gratis|kosteloos|verplicht voor (?:alle )?(?:ouders|deelnemers|jongeren))\b|"
    # the municipality where the child lives: "de gemeente waar jouw kind staat ingeschreven", "waarin zij ingeschreven staan"
    r"\bgemeente (?:waar|waarin) (?:[\w'-]+ ){0,4}?(?:(?:staat|staan|stond|is|zijn) )?ingeschreven\b(?: (?:staat|staan|stond))?|"
    r"\bingeschreven (?:(?:staan|staat|stond|zijn|is) )?(?:in|bij) (?:de|uw|jouw|een|die|deze|hun|zijn|haar) gemeente\b", re.I)


#: Round four (branch news11e): a procedure term counts as a procurement act only when it names a
#: *particular* procurement. Read off the dev pages' false positives on six sites, one rule for
#: three kinds of generic mention:
#: (a) the term is the modifier of a compound whose head is a law, rule, duty or body --
#:     "Aanbestedingswet", "Aanbestedingsrichtlijn", "aanbestedingsplicht", "Zorginkooporganisatie" -- or (branch
#:     cv22) a person of the trade or a kind of procurement: "aanbestedingsjurist", "aanbestedingsmodel",
#:     "aanbestedingssysteem", "aanbestedingsvorm", "aanbestedingspraktijken" (a lawyer's interview on the
#:     tariff war and its "aanbestedingsmodel" tells no procedure);
#: (b) a kind word before it -- "elke gecontracteerde aanbieder", "nieuw soort aanbesteding", "de verplichte
#:     aanbesteding" -- or "een" in a conditional, modal or habitual sentence ("wanneer een instelling een
#:     aanbesteding verliest"); a stage cue in such a sentence is no reported step either;
#: (c) a bare plural ("aanbestedingen elkaar snel opvolgen", "moeten inkoopprocedures tijdig starten"),
#:     or a sentence that states rules ("volgens de regels van de aanbesteding ...", "wetsvoorstel").
#: A sentence that reports a dated or finished step ("in 2018 is gestart met een aanbestedingstraject",
#: "afgewezen inschrijvers") keeps its terms particular. Hand-written for the same reason as the term lists (vocabulary.py).
_NON_ACT_HEAD = re.compile(r"(?:wet|wetgeving|richtlijn\w*|regels?|regime|recht|plicht\w*|organisatie\w*|beleid\w*|"
                           r"expert\w*|adviseur\w*|adviesbureau\w*|kennis\w*|markt|"
                           # branch cv22: a person of the trade ("aanbestedingsjurist") or a kind of procurement
                           # ("aanbestedingsmodel", "aanbestedingssysteem", "aanbestedingsvorm", "aanbestedingspraktijk")
                           r"jurist\w*|advocat\w*|advocaa?t|specialist\w*|deskundige?n?|"
                           r"model|modellen|systeem|systemen|vorm|vormen|praktijk\w*)$", re.I)
# the procurement bodies the vocabulary names on purpose (vocabulary.PROCUREMENT_ACT): a page about setting one
# up is about the procurement; a "Zorginkooporganisatie" that stops funding a provider is not
_ACT_BODIES = {"inkooporganisatie", "inkooporganisaties",
               # branch cv43: a dynamic purchasing system is a procedure of the Aanbestedingswet, not a kind of one
               "aankoopsysteem", "aankoopsystemen"}
_GENERIC_BEFORE = re.compile(r"(?:\b(?:elke|iedere|soort|type|vorm van|verplichte|zo'?n)\s+(?:[\w'-]+\s+)?)$", re.I)
# "een aanbesteding" is generic in a conditional, modal or habitual sentence ("wanneer een instelling een
# aanbesteding verliest"), not in a report ("zien af van een openbare aanbesteding")
_INDEFINITE_BEFORE = re.compile(r"\been\s+$", re.I)
_GENERIC_SENTENCE = re.compile(r"\b(?:wanneer|indien|hoewel|vaak|meestal|doorgaans|kan|kunnen|moet|moeten|mag|mogen|zou|zouden)\b", re.I)
# branch cv35: a modal inside a relative clause ("... plaats aan vier jeugdigen, die niet thuis kunnen wonen") says what
# the noun it follows can do, not that the sentence is general: "De woonvoorziening in Dordrecht is een aanbesteding
# vanuit Landsdeel Zuid-West en biedt ... plaats aan vier jeugdigen ..., die niet thuis kunnen wonen" reports one
# procurement. The relative clause runs from ", die/dat/wat/waar..." to the next comma or the sentence's end.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:die|dat|wat|waar\w*|wie)\b[^,;:]*", re.I)


# branch rel16: a duty still pending ("De raad moet nog instemmen met de inkoopstrategie voor de jeugdhulp", "De
# contracten moeten nog worden getekend") is a step of one procurement not yet taken -- stages.md's voorbereiding or a
# planned step, as the conditional "Als de raad instemt met de inkoopstrategie ..." is read -- not a general duty
_PENDING = re.compile(r"\b(?:moet|moeten) nog\b", re.I)


def _generic(sentence: str) -> bool:
    """Is the sentence conditional, modal or habitual -- read outside its relative clauses (a duty still pending,
    "moet nog", is none)?"""
    return bool(_GENERIC_SENTENCE.search(_PENDING.sub(" ", _RELATIVE_CLAUSE.sub(" ", sentence))))
# Round ten (branch news11k): a sentence that introduces a list ("Er zijn 6 aanbieders gecontracteerd door de
# gemeente Opmeer :") is a directory of who is contracted, not a reported step -- unless it reports one
# ("De gegunde partijen zijn:", a year; _REPORTED is checked first)
# (d) branch cv22: the term without a determiner paired with the field or another way of funding -- "inkoop en
# aanbesteden in het sociaal domein", "de rol die inkoop en aanbesteding hierin spelen", "subsidie boven aanbesteden"
# -- names the activity in general (a minister's programme, a trade body's position), not a procurement
_FIELD_PAIR = re.compile(r"(?<!\bde )(?<!\bhet )(?<!\bdeze )\b(?:inkoop|subsidie\w*|subsidiëren|financiering|bekostiging) "
                         r"(?:en|of|boven|versus|dan|in plaats van) $", re.I)
# (e) branch cv33: the infinitive used as the name of the activity -- after a preposition, with at most "het" and
# one adverb between ("op het gebied van beter aanbesteden", "de worsteling rond het aanbesteden", "deze vorm van
# aanbesteden") -- is procurement in general; with its object after it ("de wijze van aanbesteden van de gemeenten",
# "het opnieuw aanbesteden van de jeugdhulp") or reported (a year, a step done) it stays the procedure it names
_ACTIVITY_BEFORE = re.compile(r"\b(?:van|rond|rondom|bij|over|op|voor|met|tot)\s+(?:het\s+)?(?:[\w'-]+\s+)?$", re.I)
_OBJECT_AFTER = re.compile(r"^\s+van\b", re.I)
_LIST_INTRO = re.compile(r":\s*$")
_BARE_PLURAL = re.compile(r"^(?:aanbestedingen|inkoopprocedures|aanbestedingsprocedures|inschrijvingen|offertes|gunningen|percelen)$", re.I)
_DETERMINED = re.compile(r"\b(?:de|deze|die|twee|drie|beide|alle \w+|onze|hun|zijn|haar|\d+)\s+(?:[\w'-]+\s+)?$", re.I)
# branch rel1: a call with its closing day ("Aanbieders van jeugdhulp kunnen tot 1 april een offerte indienen") is one
# procedure open now: its "kunnen" is the call's, not a general possibility (as told_rounds reads an open call with its date)
_DEADLINE = re.compile(r"\b(?:tot|vóór|uiterlijk|tot en met|t/m) (?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
                       r"zondag) )?\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                       r"december)\b", re.I)
_RULES_SENTENCE = re.compile(r"\bregels?\b|\bwetsvoorstel\w*|\bwetgeving\b|\baanbestedingsplicht|\bverplicht\w*", re.I)
_REPORTED = re.compile(r"\b(?:19|20)\d\d\b|\b(?:is|zijn|werd|werden|heeft|hebben)\b[^.]{0,60}\b(?:gestart|gepubliceerd|gegund|"
                       r"uitgeschreven|doorlopen|afgerond|gehouden|aangekondigd|ingeschreven)\b|"
                       # participles that presuppose a procedure held: "afgewezen inschrijvers", "de gegunde partijen"
                       r"\b(?:afgewezen|gegunde|geselecteerde|winnende|afgevallen)\b", re.I)


# branch cv50: an earlier tender named by its year as a point in time or a cause, in passing -- "Sinds de aanbesteding
# van 2022 zijn de tarieven hoger", "Dat komt door de aanbesteding van 2022" (a budget story) -- where the rest of the
# sentence names no procurement: the sentence is about something else (core). The tender as the subject ("De
# aanbesteding van 2022 is gegund") and one after "over" (a story about it) stay.
_PASSING_TENDER = re.compile(
    r"\b(?:sinds|door|na|dankzij|vanwege|tijdens|uit|vergeleken met|ten opzichte van) (?:de|het) (?:[\w-]+ )?"
    r"(?:aanbesteding|aanbestedingsronde|aanbestedingsprocedure|inkoopronde|inkoopprocedure|inkoop|contractering) "
    r"(?:van|in|uit) (?:19|20)\d\d\b", re.I)


def without_passing_tenders(full: str) -> str:
    """``full`` with each earlier tender named in passing (see above) blanked out."""
    if not _PASSING_TENDER.search(full):
        return full
    out = []
    for sent in re.split(r"(\n+|(?<=[.!?])\s+(?=[A-Z]))", full):
        rest = _PASSING_TENDER.sub(" ", sent)
        if rest != sent and not _matches(PROCUREMENT_ACT, rest) and not _matches(PROCUREMENT_STRONG, rest):
            sent = rest
        out.append(sent)
    return "".join(out)


#: Branch rel18: the links and tags a page shows beside its own text -- "Lees ook: Jeugdhulp in Veldhoven | Aanbestedingen
#: 2026", "Meer over: Jeugdhulp | Aanbesteding", "Tags: jeugdhulp, aanbesteding", a related-links box under its heading
#: ("Gerelateerde berichten" and the headlines after it) -- name other pages, not what this page tells: a page whose only
#: tender words stand there reports no procurement (core). A line opened by a link-box label with a colon is one to its
#: end; a label standing alone as a heading takes the short lines after it that end in no full stop (headlines, at most
#: ten), up to a blank line. The labels are the boxes' own (not "Onderwerpen", which opens a council's agenda).
_LINK_LABEL = (r"(?:lees (?:ook|meer|verder)|zie ook|bekijk ook|meer (?:over(?: dit onderwerp)?|nieuws|lezen|berichten)|"
               r"ook interessant|interessant voor u|misschien ook interessant|gerelateerd(?:e)?(?: (?:berichten|artikelen|nieuws|"
               r"items|links|pagina's|onderwerpen))?|related(?: (?:articles|posts|news))?|tags?|trefwoorden|labels?|"
               r"categorie(?:ën|en)?|gelinkte berichten|u bent hier|kruimelpad)")
_LINK_LINE = re.compile(r"(?:^|(?<=[.!?] ))[ \t]*[•\-*>]?[ \t]*" + _LINK_LABEL + r"[ \t]*:[^\n]*", re.I | re.M)
_LINK_HEAD = re.compile(r"^[ \t]*" + _LINK_LABEL + r"[ \t]*:?[ \t]*\n((?:[^\n]{1,100}(?<![.!?])(?:\n|\Z)){1,10})", re.I | re.M)
#: Branch rel19: a box of other pages under its own heading ("Gerelateerde berichten", "Meer nieuws", "Lees ook", "Ook
#: interessant") lists headlines, and a site may end them in a full stop ("Gemeente start aanbesteding jeugdhulp 2026.")
#: -- each still one short line of one sentence, not this page's text (core). Only the headings of a box of pages take
#: such lines: "Lees meer", "Lees verder" and "Meer lezen" may open the page's own next paragraph, tags end in no stop.
_BOX_LABEL = (r"(?:lees ook|zie ook|bekijk ook|meer (?:over(?: dit onderwerp)?|nieuws|berichten)|ook interessant|"
              r"interessant voor u|misschien ook interessant|gerelateerde? (?:berichten|artikelen|nieuws|items|links|"
              r"pagina's)|related(?: (?:articles|posts|news))?|gelinkte berichten)")
_BOX_HEAD = re.compile(r"^[ \t]*" + _BOX_LABEL + r"[ \t]*:?[ \t]*\n((?:(?![^\n]*[.!?][ \t]+\S)[^\n]{1,100}(?:\n|\Z)){1,10})",
                       re.I | re.M)
#: Branch rel19: a line that is a run of menu items or a breadcrumb -- "Home | Nieuws | Aanbestedingen | Jeugd", "Wonen |
#: Werken | Aanbesteding jeugdhulp | Contact", "Home > Jeugd > Aanbesteding", "Home / Nieuws / ...", "Home · Nieuws · ..."
#: -- names the site's sections, not what the page tells (core; opened by "U bent hier:" it is a labelled line above):
#: three or more items, each one to four words that open with a letter ("Aanbestedingen 2026") and hold no sentence mark,
#: on a line of their own. A table's rows (amounts and years as items, trailing bars) and a
#: metadata line ("Geschreven op: 12-08-2025 | ...") are no run.
_NAV_ITEM = r"[^\W\d_][^|>›»/·•:;,.!?\n]{0,39}?"
_NAV_RUN = re.compile(r"^[ \t]*" + _NAV_ITEM + r"(?:[ \t]+[|>›»/·•][ \t]+" + _NAV_ITEM + r"){2,}[ \t]*$", re.M)


def _nav_run(m: re.Match) -> bool:
    return all(len(item.split()) <= 4 for item in re.split(r"\s[|>›»/·•]\s", m.group(0).strip()))


def link_lines(text: str) -> tuple[str, list[str]]:
    """``text`` with its link and tag lines blanked out (see above), and the lines blanked; the page's own unchanged."""
    labelled, piped = re.search(_LINK_LABEL, text, re.I), re.search(r" [|>›»/·•] ", text)
    if not labelled and not piped:
        return text, []
    cut: list[str] = []
    def blank(m: re.Match, keep: str) -> str:
        cut.append(m.group(0))
        return keep * max(1, m.group(0).count("\n")) if keep == "\n" else keep
    if piped:
        text = _NAV_RUN.sub(lambda m: blank(m, " ") if _nav_run(m) else m.group(0), text)
    if not labelled:
        return text, cut
    text = _BOX_HEAD.sub(lambda m: blank(m, "\n"), text)
    text = _LINK_HEAD.sub(lambda m: blank(m, "\n"), text)
    return _LINK_LINE.sub(lambda m: blank(m, " "), text), cut


def _word_at(text: str, start: int, end: int) -> str:
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


#: Branch rel5: the same kind of head told analytically, the noun of the kind before "van" -- "Het systeem van
#: aanbesteding, dat door de samenwerkende gemeenten was gebruikt", "deze manier van aanbesteden", "het model van
#: inkoop", "een nieuw soort aanbesteding", "de verplichte aanbesteding" (the "aanbestedingsplicht") -- names a way of
#: buying or a duty, as the compounds "aanbestedingssysteem" and "aanbestedingsplicht" do ((a) below), not a procurement
#: Not the manner nouns ("de wijze/manier van aanbesteden van de gemeenten ... is niet toegestaan"): a manner is as often
#: a particular procurement's, how it was done, as a kind (test_reading_cv33).
_KIND_OF_BEFORE = re.compile(r"\b(?:systeem|systemen|model|modellen|vorm|vormen|soort|type|principe|"
                             r"instrument|praktijk|praktijken|regels?|wet)\s+van\s+(?:het\s+|de\s+)?$|"
                             # the kind noun right before ("een nieuw soort aanbesteding", "dit type inkoopprocedure") and
                             # the duty told with its adjective ("de verplichte aanbesteding": the "aanbestedingsplicht")
                             r"\b(?:soort|soorten|type|typen|verplichte)\s+$", re.I)


def kind_of(term_match: re.Match, text: str) -> bool:
    """Is this procedure-term match the modifier of a law, rule, duty, body or kind -- "Aanbestedingswet",
    "Zorginkooporganisatie", "aanbestedingssysteem" -- or the thing of a kind noun before "van" ("het systeem van
    aanbesteding")? Then it names no procurement. Dutch word formation, so read in core as well (branch rel5): the rest
    of :func:`particular` stays rule ``rel.particular_procedure``."""
    word = _word_at(text, term_match.start(), term_match.end())
    if _NON_ACT_HEAD.search(word) and word.lower().split()[-1] not in _ACT_BODIES:
        return True
    return bool(_KIND_OF_BEFORE.search(text, max(0, term_match.start() - 30), term_match.start()))


def particular(term_match: re.Match, text: str) -> bool:
    """Does this procedure-term match name a particular procurement? (rule ``rel.particular_procedure``)"""
    if kind_of(term_match, text):
        return False  # (a) the head of the compound is a law, rule, duty or body, or a kind (branch rel5: also "systeem van")
    word = _word_at(text, term_match.start(), term_match.end())
    sent_start = max(text.rfind(".", 0, term_match.start()), text.rfind("\n", 0, term_match.start())) + 1
    sent_end = min((i for i in (text.find(".", term_match.end()), text.find("\n", term_match.end())) if i >= 0), default=len(text))
    before = text[max(sent_start, term_match.start() - 40):term_match.start()]
    reported, generic, rules = _sentence_reads(text, sent_start, sent_end)
    if _FIELD_PAIR.search(before):
        # (d) the field or an instrument of funding, not a procedure -- also in a dated sentence (branch cv33: "heeft
        # op 24 januari 2018 de Kamer geïnformeerd over de verbetering van inkoop en aanbesteden": the date is the letter's)
        return False
    if reported:
        return True
    if _GENERIC_BEFORE.search(before) or (_INDEFINITE_BEFORE.search(before) and generic):
        return False  # (b)
    if (word.lower() == "aanbesteden" and _ACTIVITY_BEFORE.search(before) and not re.search(r"\bte\s+$", before)
            and not _OBJECT_AFTER.match(text[term_match.end():term_match.end() + 8])):
        return False  # (e) the activity named by its infinitive
    if _BARE_PLURAL.match(word) and not _DETERMINED.search(before):
        return False  # (c) a bare plural
    if _generic_definite_plural(word, before, text[sent_start:sent_end], text):
        return False  # (c) branch rel17: the definite plural alone on a page naming no buyer
    return not rules  # (c) a sentence stating rules


@lru_cache(maxsize=64)
def _sentence_reads(text: str, start: int, end: int) -> tuple[bool, bool, bool]:
    """Whether the sentence ``text[start:end]`` reports a step, is generic, states rules: read once a
    sentence, not once a term in it (a page without full stops is one sentence, and reading it for
    each of its 2,000 terms took 11 s)."""
    sentence = text[start:end]
    return (bool(_REPORTED.search(sentence) or _DEADLINE.search(sentence)), _generic(sentence),
            bool(_RULES_SENTENCE.search(sentence)))


def _lead_text(text: str, size: int = 300) -> str:
    """The first paragraph's first ``size`` characters, completed to the end of the sentence they stop in
    (round six: a lead cut mid-sentence read "ambulante diensten in de Wmo en" without the "Jeugdhulp" that
    ends the sentence, and called a youth-care award a Wmo page)."""
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    if len(first) <= size:
        return first
    end = re.search(r"[.!?](?=\s|$)|\n", first[size:])
    return first[:size + (end.end() if end and end.start() < 200 else 0)]


#: Round six (branch news11g): a purchase of youth care told in plain verbs, without a procedure term
#: (corpus README, round six, groups R1/R2: "om jeugdhulp en Wmo-hulp in te kopen", "de contracten in de
#: gespecialiseerde jeugdhulp onderbrengen bij één organisatie", "de huidige contracten voor jeugdhulp niet te
#: verlengen"). It names a particular procurement when the same sentence names youth care and reports the
#: purchase as decided, done or dated -- not in a general or modal statement ("Gemeenten kunnen jeugdhulp
#: inkopen"), and not the background "heeft contracten afgesloten" (round three, stage.contracts_closed).
# branch rel16: not the purchase as the purpose of another thing ("De tarieven voor de inkoop van jeugdhulp zijn
# vastgesteld", "de regels bij de inkoop van ..."): the participle then reports the tariffs or rules set, no purchase
_PLAIN_PURCHASE = re.compile(
    r"\b(?:in te kopen|ingekocht|(?<!\bvoor de )(?<!\bbij de )(?<!\bover de )(?<!\bvoor )(?<!\bbij )inkoop van|nieuwe inkoop|"
    r"contract(?:en)? (?:voor|in|met) (?:de )?(?:[\w-]+ )?jeugd\w*|(?:contract\w*|opdracht\w*) (?:[\w'-]+ ){0,6}"
    r"(?:onderbrengen|ondergebracht|uitvoeren|verlengen|verlengd) (?:bij|door|aan)?|"
    r"in één opdracht)", re.I)
# reported as decided, done or dated: a year, a decision, a simple past, or an auxiliary with a participle
# branch rel1: "besluit" as the verb ("Het college besluit ... in te kopen"), not the noun of a decision still to take ("Op 7
# februari neemt de raad een besluit over ... de beleidsuitgangspunten voor inkoop van jeugdhulp", a council agenda listing
# its subjects): a decision to be taken reports nothing decided (a decision taken has its participle: "een besluit genomen")
_PURCHASE_REPORTED = re.compile(r"\b(?:19|20)\d\d\b|\b(?:besloten|besloot|gekozen|kozen|koos|bundelde\w*|liet|lieten|"
                                r"kocht|kochten)\b|"
                                r"(?<!\been )(?<!\bhet )(?<!\bdit )(?<!\bdat )(?<!\bdeze )(?<!\bzijn )(?<!\bhaar )(?<!\bhun )"
                                r"(?<!\bons )(?<!\buw )(?<!\bjullie )\bbesluit\b", re.I)
# branch cv24: a purchase of care named by examples of the field ("bij de inkoop van bijvoorbeeld jeugdzorg, Wmo of
# schuldhulp", a handbook for managers) is the kind of purchase, not one purchase
_PURCHASE_GENERIC = re.compile(r"\b(?:hoeven|hoeft|veel van|vaak|meestal|elke|iedere|bijvoorbeeld|bv|bijv)\b", re.I)
# branch cv35: a purchase in the future tense without a decision ("Het jaar 2026 zal verder vooral in het teken staan om
# te komen tot herziene/nieuwe contracten met jeugdhulpaanbieders per 1 januari", a budget programme) is an aim: its
# year is the plan's, not a purchase dated. "zal/zullen" with "besloten/gekozen" is a decision taken and still counts.
_PURCHASE_AIM = re.compile(r"\b(?:zal|zullen)\b|\bom te komen tot\b", re.I)
# branch cv50: how purchasing is arranged ("De gemeente heeft de inkoop van jeugdhulp goed geregeld", "is goed
# georganiseerd") is a statement about the buyer's way of working: its participle reports no purchase step
_ARRANGED = frozenset({"geregeld", "georganiseerd", "ingericht", "vormgegeven", "belegd"})
# branch rel1: a word of participle shape right after an article or demonstrative is a noun ("een besluit", "het beleid",
# "de gemeenteraad", "het bericht"; a participle after an article takes -e: "de gegunde opdracht"), no tense marker
_NOUN_BEFORE = re.compile(r"\b(?:de|het|een|dit|dat|deze|die)\s+$", re.I)
_PURCHASE_DECIDED = re.compile(r"\b(?:besloten|besloot|besluit|gekozen|kozen|koos)\b", re.I)


# branch cv33: a contract cancelled ("hebben contracten met jeugdzorgorganisatie X opgezegd", "zeggen het contract op",
# "beëindigd", "ontbonden") ends a purchase; the sentence reports no purchase of youth care
_CANCELLED = re.compile(r"\b(?:opgezegd|opzeggen|opzegging|opzegt|"
                        r"zeg(?:t|gen) (?:[\w'-]+ ){0,3}(?:contract\w*|overeenkomst\w*) (?:[\w'-]+ ){0,4}op|"
                        r"beëindig\w*|ontbonden|ontbinden|ontbindt)\b", re.I)


def plain_purchases(full: str) -> list[str]:
    """Sentences reporting a particular purchase of youth care in plain verbs (rule ``rel.plain_purchase``)."""
    from .stages import AUX, _participles  # the tense markers of the stage reading (no import cycle)

    out = []
    for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", full):
        m = _PLAIN_PURCHASE.search(sent)
        if not m or not _matches(YOUTH_CORE, sent):
            continue
        if not (_PURCHASE_REPORTED.search(sent)
                or (AUX.search(sent) and [p for p in _participles(sent) if p.group(0).lower() not in _ARRANGED
                                          and not _NOUN_BEFORE.search(sent, 0, p.start())])):
            continue
        if _PURCHASE_AIM.search(sent) and not _PURCHASE_DECIDED.search(sent):
            continue
        if (_GENERIC_SENTENCE.search(sent) or _PURCHASE_GENERIC.search(sent) or _CANCELLED.search(sent)
                or re.search(r"contract\w* (?:[\w'-]+ ){0,3}afgesloten", sent, re.I) and not re.search(r"\b(?:19|20)\d\d\b", sent)):
            continue
        out.append(m.group(0).lower())
    return out


#: Branch cv40: a *particular buyer* buys youth care, told with the purchase verb and youth care as its object -- "Het
#: college wil nu zonder andere partners jeugdhulp gaan inkopen", "Omdat Amstelveen zelfstandig de jeugdzorg wil gaan
#: inkopen", "de elf regiogemeenten die gezamenlijk jeugdhulp inkopen", "Almere, Lelystad, Dronten, Noordoostpolder en
#: Urk kopen gezamenlijk specialistische jeugdzorg in" (the separable verb split). That is stages.md's `voorbereiding`
#: ("decision or plan to procure") or a purchase running, of one buyer: a particular procurement, as "de aanbesteding
#: voor de jeugdzorg" is (:func:`named_procedures`). What tells it from the general statement is Dutch's own sign of
#: the particular: the buyer is definite -- "het college", "de gemeente", a municipality by name, a counted or
#: qualified set ("de elf regiogemeenten", "beide gemeenten") -- while the general statement has a bare plural
#: ("hoe gemeenten jeugdhulp inkopen", "het feit dat gemeenten hun jeugdbescherming ... inkopen"), a modal of duty or
#: possibility ("Sinds 2015 moeten gemeenten de jeugdzorg inkopen", "Gemeente moet jeugdhulp ... contracteren"), or no
#: subject at all ("handiger om samen jeugdzorg in te kopen"). In core: the definition, not a kind of page.
_BUYER_NUMBER = (r"(?:\d{1,2}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
                 r"zeventien|achttien|negentien|twintig)")
_BUYER_DEFINITE = (r"\b(?:[Hh]et college|[Dd]e gemeente|[Dd]e gemeenteraad|[Dd]e (?:jeugd)?regio|[Hh]et samenwerkingsverband|"
                   # branch rel18: a purchasing body of municipalities buys for them -- "het (regionale) inkoopbureau", "de
                   # inkooporganisatie", one by name ("Inkoopbureau H-10", "Inkooporganisatie Jeugd Zuid-Holland Zuid")
                   # branch rel18: a region by its name ("De regio Twente heeft de jeugdhulp uitbesteed")
                   r"[Dd]e (?:jeugd)?regio(?: (?-i:[A-Z])[\w'-]*){1,3}|"
                   r"[Hh]et (?:regionale? )?inkoopbureau|[Dd]e (?:regionale? )?inkooporganisatie|"
                   r"[Ii]nkoop(?:bureau|organisatie)(?: (?:[A-Z][\w-]*|\d[\w-]*)){1,3}|"
                   # "de elf regiogemeenten", "beide gemeenten", "de Twentse gemeenten", "de H10 gemeenten" -- a determiner
                   # or a number, then at most two adjectives or names; not "de gemeenten" alone (see buyer_purchases), nor
                   # "de Nederlandse / andere / meeste gemeenten" (the municipalities in general)
                   r"(?:(?:[Dd]e|[Dd]eze|[Bb]eide|[Oo]nze|[Aa]lle) (?:" + _BUYER_NUMBER + r" )?|" + _BUYER_NUMBER + r" )"
                   r"(?!(?:[Nn]ederlandse|andere|meeste|overige|sommige|vele)\b)(?:(?:[A-Z][\w-]*|[\w-]+e) ){0,2}"
                   r"(?:regio|jeugdregio)?gemeenten)\b")
_NAME = r"[A-Z][a-z][\w'-]*"
# branch rel6: where the buyer is ("De 7 gemeenten in Zuid-Drenthe", "vijf gemeenten in Utrecht West") is part of the buyer
# branch rel15: a region named with its article ("in de Hoeksche Waard", "in de Achterhoek", "uit het Gooi") is a place too
_BUYER_PLACE = r"(?P<place> (?:in|uit|van) (?:(?:de (?:regio|provincie)|de|het) )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)?"
# branch rel17: the page's own voice -- "In 2025 kopen wij de jeugdhulp opnieuw in" on a municipality's "inkoop sociaal
# domein" page -- is a particular buyer too (as the market consulted reads "we" and "wij", _CONSULT_BUYER); "we" of the
# country ("In Nederland kopen we de jeugdzorg in") is the general one (buyer_purchases)
_WE = r"(?<![\w'-])(?:[Ww]ij|[Ww]e)(?![\w'-])"
_BUYER = rf"(?P<buyer>{_BUYER_DEFINITE}|{_WE}|(?<![\w'-]){_NAME}(?:(?:, | en ){_NAME}){{0,8}}){_BUYER_PLACE}"
#: branch rel15: "de gemeenten" placed in a region ("De gemeenten in de Hoeksche Waard kopen ... in") are particular
#: buyers, as "de vier gemeenten in West-Brabant" are; placed in the country they are the municipalities in general
_COUNTRY = re.compile(r" (?:in|van|uit) (?:heel )?(?:Nederland|het land)\b")
_YOUTH_OBJECT = r"(?:(?:de|het|hun|onze) )?(?:[\w-]+ )?jeugd[\w-]*"
# branch rel16: youth care as one of a list of services bought ("de huishoudelijke hulp, de Wmo-begeleiding en de
# jeugdhulp"): each item a determiner and at most three words, joined by a comma, "en" or "of"
_SERVICE_LIST = r"(?:(?:de|het) [\w'-]+(?: [\w'-]+){0,2}?(?:,| en| of) )*"
#: branch rel18: a provider youth care is placed with ("bij een nieuwe aanbieder", "naar twee jeugdhulpaanbieders")
_PROVIDER_NP = (r"(?:een|de|één|twee|drie|vier|vijf|\d{1,2}) (?:[\w-]+ ){0,2}?(?:(?:jeugd(?:hulp|zorg)?|zorg)?aanbieders?|"
                r"opdrachtnemers?|consorti(?:um|a)|(?:markt)?partij(?:en)?|hoofdaannemers?)\b")
_BUYER_PURCHASE = (
    # the verb closing the clause (a subordinate clause, a modal or "gaan"): "... jeugdhulp (gaan) inkopen"
    re.compile(_BUYER + r" (?:[\w'-]+ ){0,6}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,2}?(?:(?:gaan|gaat|wil|willen) )?"
               r"(?:inkopen|aanbesteden|contracteren|in te kopen|aan te besteden|te contracteren)\b"),
    # the finite verb second, its particle closing the clause: "... kopen gezamenlijk specialistische jeugdzorg in";
    # branch rel15: up to four words between the object and the particle ("... de jeugdhulp vanaf 2026 samen in")
    re.compile(_BUYER + r" (?:koopt|kopen|kocht|kochten) (?:[\w'-]+ ){0,4}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,4}?in\b"),
    # branch rel17: the subject after the finite verb, a time or place opening the main clause ("In 2025 kopen wij de
    # jeugdhulp opnieuw in", "Sinds dit jaar koopt de regio de jeugdzorg samen in", "Per 2025 heeft de gemeente de
    # jeugdhulp opnieuw ingekocht")
    re.compile(r"\b(?:koopt|kopen|kocht|kochten) " + _BUYER + r" (?:[\w'-]+ ){0,4}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,4}?in\b"),
    re.compile(r"\b(?:heeft|hebben|had|hadden) " + _BUYER + r" (?:[\w'-]+ ){0,4}?" + _SERVICE_LIST + _YOUTH_OBJECT
               + r" (?:[\w'-]+ ){0,5}?(?:ingekocht|aanbesteed|gecontracteerd)\b"),
    # branch rel2: the purchase done, the auxiliary second and the participle closing the clause: "De gemeente Utrecht
    # heeft de jeugdhulp per 2025 gecontracteerd bij vier aanbieders", "Het college heeft de jeugdzorg opnieuw ingekocht"
    # branch rel17: up to five words between the youth care and the participle, a date among them ("De regio heeft de
    # jeugdhulp per 1 januari 2025 opnieuw aanbesteed", a budget page naming the costs of the new contracts)
    # branch rel16: also with youth care the last of a list ("heeft de huishoudelijke hulp, de Wmo-begeleiding en de
    # jeugdhulp opnieuw aanbesteed"), or the list after a colon naming what was bought ("heeft het sociaal domein opnieuw
    # aanbesteed: de huishoudelijke hulp, de Wmo-begeleiding en de jeugdhulp")
    re.compile(_BUYER + r" (?:heeft|hebben|had|hadden) (?:[\w'-]+ ){0,4}?" + _SERVICE_LIST + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,5}?"
               r"(?:ingekocht|aanbesteed|gecontracteerd)\b"),
    re.compile(_BUYER + r" (?:heeft|hebben|had|hadden) (?:[\w'-]+ ){1,6}?(?:ingekocht|aanbesteed|gecontracteerd): "
               + _SERVICE_LIST + _YOUTH_OBJECT + r"\b"),
    # branch rel12: the purchase still to be made told attributively, the buyer the agent after "door" and the youth care
    # the noun the infinitive qualifies: "het kader van de, door de negen gemeenten in de regio WBO, in te kopen zorgvormen
    # van gespecialiseerde jeugdzorg", "de door de gemeente aan te besteden jeugdhulp" (stages.md's voorbereiding); not
    # the participle ("de door de gemeente gecontracteerde aanbieders", who holds a contract now)
    # branch rel18: the other verbs of buying -- contracting out ("De gemeente besteedt de jeugdhulp vanaf 2026 uit aan een
    # nieuwe aanbieder", "heeft besloten de ambulante jeugdhulp uit te besteden", "heeft de jeugdhulp uitbesteed") and
    # contracting told finite ("De regio contracteert vanaf 2026 minder aanbieders voor de jeugdhulp", "contracteerde in
    # 2024 twaalf aanbieders van jeugdhulp"; the present one with a date or "nieuw", see buyer_purchases)
    re.compile(_BUYER + r" (?:besteedt|besteden|besteedde|besteedden) (?:[\w'-]+ ){0,4}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,4}?uit\b"),
    re.compile(r"\b(?:besteedt|besteden|besteedde|besteedden) " + _BUYER + r" (?:[\w'-]+ ){0,4}?" + _YOUTH_OBJECT
               + r" (?:[\w'-]+ ){0,4}?uit\b"),
    re.compile(_BUYER + r" (?:[\w'-]+ ){0,6}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,2}?(?:(?:gaan|gaat|wil|willen) )?"
               r"(?:uitbesteden|uit te besteden)\b"),
    re.compile(_BUYER + r" (?:heeft|hebben|had|hadden) (?:[\w'-]+ ){0,4}?" + _SERVICE_LIST + _YOUTH_OBJECT
               + r" (?:[\w'-]+ ){0,5}?uitbesteed\b"),
    re.compile(_BUYER + r" (?P<contract>contracteert|contracteren|contracteerde|contracteerden) (?:[\w'-]+ ){0,6}?" + _YOUTH_OBJECT),
    re.compile(r"\b(?P<contract>contracteert|contracteren|contracteerde|contracteerden) " + _BUYER + r" (?:[\w'-]+ ){0,6}?"
               + _YOUTH_OBJECT),
    # branch rel18: youth care placed with a provider -- "De gemeente brengt de jeugdhulp per 2026 onder bij een nieuwe
    # aanbieder", "heeft de jeugdhulp ondergebracht bij een nieuwe aanbieder", "hevelt de jeugdhulp over naar een nieuwe
    # aanbieder": a provider after "bij" or "naar" (not "bij het wijkteam", not "naar het Rijk")
    re.compile(_BUYER + r" (?:brengt|brengen|bracht|brachten) (?:[\w'-]+ ){0,4}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,4}?onder bij "
               + _PROVIDER_NP),
    re.compile(_BUYER + r" (?:hevelt|hevelen|hevelde|hevelden) (?:[\w'-]+ ){0,4}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,4}?over naar "
               + _PROVIDER_NP),
    re.compile(_BUYER + r" (?:heeft|hebben|had|hadden) (?:[\w'-]+ ){0,4}?" + _YOUTH_OBJECT + r" (?:[\w'-]+ ){0,4}?"
               r"(?:ondergebracht bij|overgeheveld naar) " + _PROVIDER_NP),
    re.compile(_BUYER + r" (?:[\w'-]+ ){0,6}?" + _YOUTH_OBJECT + r" (?:(?:bij|naar) " + _PROVIDER_NP + r" )?(?:[\w'-]+ ){0,2}?"
               r"(?:(?:gaan|gaat|wil|willen) )?(?:onderbrengen|onder te brengen|overhevelen|over te hevelen)(?: (?:bij|naar) "
               + _PROVIDER_NP + r")?"),
    re.compile(r"(?<=\bdoor )" + _BUYER + r"(?: [A-Z][\w'-]+){0,2},? (?:in te kopen|aan te besteden|te contracteren) (?:[\w'-]+ ){0,3}?"
               + _YOUTH_OBJECT))
# inside the clause: a modal of duty or possibility, a question word, a future aim (branch cv35's "zal ... om te komen
# tot"), or a bare plural subject of its own ("hoe gemeenten jeugdhulp inkopen") make it general
_BUYER_GENERAL = re.compile(r"\b(?:moet|moeten|kan|kunnen|mag|mogen|zou|zouden|hoeft|hoeven|zal|zullen|hoe|wanneer|indien|"
                            r"vaak|meestal|doorgaans|bijvoorbeeld)\b|"
                            r"(?<!\bde )(?<!\bdeze )(?<!\bdie )(?<!\bbeide )(?<!\bonze )(?<!\bhun )\bgemeenten\b", re.I)


_CLAUSE_BREAK = re.compile(r",|\b(?:dat|of|hoe|omdat|waarom|wat|wie|die|zien|zag|zagen|vinden|vond|vonden|merken)\b", re.I)
_WE_GENERAL = re.compile(r"\b(?:Nederland|ons land|het land|Europa)\b|\bals (?:samenleving|land|maatschappij)\b", re.I)


@lru_cache(maxsize=1)
def _municipality_names() -> frozenset[str]:
    from .places import load  # the reference table of municipalities (no import cycle)
    munis, _ = load()
    return frozenset(munis) | {a for r in munis.values() for a in (r.get("aliases") or "").split("|") if a}


#: Branch rel6: an aside in brackets between the buyer and its verb -- the members it names ("De 7 gemeenten in
#: Zuid-Drenthe (Borger-Odoorn, Coevorden, ... en Westerveld) hebben gezamenlijk de jeugdhulp ... ingekocht") -- is no
#: part of the clause: read without it. Bounded (no bracket inside, at most 200 characters): linear on long text.
_ASIDE = re.compile(r" ?\([^()\n]{0,200}\)")


_PLACED = re.compile(r"\b(?:onderbrengen|onder te brengen|overhevelen|over te hevelen)\b", re.I)
_FROM_DATE = re.compile(r"\b(?:vanaf|per|met ingang van|sinds)\b", re.I)
# branch rel18: the municipalities a body buys for ("Inkoopbureau H-10 koopt namens tien gemeenten de jeugdhulp in") are no
# bare plural subject of their own
_ON_BEHALF = re.compile(r"\bnamens (?:de |alle |(?:" + _BUYER_NUMBER + r") |de " + _BUYER_NUMBER + r" )?(?:[\w-]+ )?$", re.I)


def _general_between(sent: str, start: int, end: int) -> bool:
    """A sign of the general statement (:data:`_BUYER_GENERAL`) inside the clause, past the municipalities bought for."""
    return any(not (m.group(0).lower() == "gemeenten" and _ON_BEHALF.search(sent, max(start, m.start() - 40), m.start()))
               for m in _BUYER_GENERAL.finditer(sent, start, end))


def buyer_purchases(full: str) -> list[str]:
    """Clauses in which a particular buyer buys youth care with the purchase verb (branch cv40, see above)."""
    out = []
    for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", full):
        # branch rel6: a question asks whether or how a buyer buys ("Hoe kunnen de vier gemeenten ... jeugdhulp
        # inkopen?", a council's written question); it tells no purchase
        if "jeugd" not in sent.lower() or sent.rstrip().endswith("?"):
            continue
        sent = _ASIDE.sub("", sent) if "(" in sent else sent
        for rx in _BUYER_PURCHASE:
            pos = 0
            while (m := rx.search(sent, pos)) is not None:
                pos = m.start() + 1  # a capital that is no buyer ("Omdat Amstelveen ..."): try from the next word
                clause, buyer = m.group(0), m.group("buyer")
                if not _matches(YOUTH_CORE, clause) or _general_between(sent, m.end("buyer"), m.end()):
                    continue
                # branch rel18: youth care placed needs the provider it goes to; contracting in the present tense is a
                # step with its date or "nieuw" ("contracteert vanaf 2026 ..."), else the buyer's habit ("De gemeente
                # contracteert aanbieders van jeugdhulp die aan de eisen voldoen")
                if _PLACED.search(clause) and not re.search(_PROVIDER_NP, clause):
                    continue
                if ((m.groupdict().get("contract") or "").lower() in ("contracteert", "contracteren")
                        and not (_NEWS_MARK.search(sent) or _FROM_DATE.search(sent))):
                    continue
                we = bool(re.fullmatch(_WE, buyer))
                if we and (_WE_GENERAL.search(sent) or _CLAUSE_BREAK.search(sent, m.end("buyer"), m.end())):
                    continue  # "we" of the country ("In Nederland kopen we ..."), or the subject of another clause
                    # ("Sinds jaren zien wij dat jeugdhulp inkopen ingewikkeld is")
                place = m.group("place") or ""
                if buyer.lower() == "de gemeenten" and (not place or _COUNTRY.match(place)):
                    continue  # the municipalities in general ("De gemeenten kopen de jeugdzorg in sinds 2015")
                if not we and not re.match(_BUYER_DEFINITE, buyer) and not {
                        n.strip() for n in re.split(r", | en ", buyer)} <= _municipality_names():
                    continue  # a capital that is no municipality ("Sinds", "Gemeente", "Nederlands Jeugdinstituut")
                out.append(clause.lower())
                break
    return out


#: Branch cv48: a purchasing round of youth care told as a step taken, in the words buyers use beside "aanbesteding" --
#: "De gemeente Zwolle is gestart met het inkoopproces voor de specialistische jeugdhulp", "De regio start de
#: contractering van de jeugdhulp", "De contracteringsronde voor jeugdhulp is afgerond", "zijn gestart met de verwerving
#: van jeugdhulp per 2027", "de uitkomst van de inkoopronde", "publiceert het programma van eisen voor de ambulante
#: jeugdhulp" -- and the award told with the verb ("besloten de opdracht voor jeugdhulp te gunnen aan X"). stages.md
#: names these rounds (inkooptraject, contractering, verwerving, open house, toetreding); the procedure-act list knew
#: them only with a year or as "aanbesteding". Particular the Dutch way: the round has a definite determiner ("de",
#: "het", "deze") and a verb in its sentence tells it started, closed, published or opened -- not "de inkoop van
#: jeugdhulp loopt via de regio" (how it is arranged), not a modal, conditional or habitual sentence ("Gemeenten moeten
#: de contractering ... starten"), not a bare plural; the sentence names youth care. In core: the definition of a
#: procurement step, no kind of page.
_ROUND = (r"(?:inkoop(?:proces|ronde|traject|procedure)?|contractering(?:sronde|sproces|straject|sprocedure)?|"
          r"verwerving(?:sronde|sproces|straject|sprocedure)?|aanbesteding(?:sronde|sproces|straject|sprocedure)?|"
          r"open[ -]house(?:[ -]?(?:procedure|ronde))?|toetreding(?:sronde|sprocedure)?|subsidietender|"
          r"programma van eisen|selectieleidraad|inschrijvingsleidraad|beschrijvend document)")
_ROUND_DET = r"\b(?:de|het|deze) (?:(?:nieuwe|regionale|gezamenlijke|eerste|tweede|volgende|huidige) )?" + _ROUND + r"\b"
_ROUND_STEP = (r"\b(?:gestart|start|starten|startte|startten|begint|beginnen|begon|begonnen|afgerond|afgesloten|rondt|"
               r"ronden|gepubliceerd|publiceert|publiceren|publiceerde|publiceerden|opengesteld|opent|openen|opende|"
               r"geopend|uitgezet|uitgeschreven|gegund|voltooid|beëindigd)\b")
_ROUND_TOLD = re.compile(_ROUND_DET + r"(?: [^.!?\n]{0,100}?)? " + _ROUND_STEP + "|"
                         + _ROUND_STEP + r"(?: (?:met|van))? (?:[^.!?\n]{0,60}? )?" + _ROUND_DET + "|"
                         r"\b(?:uitkomst|resultaat|resultaten|afronding|start) van (?:de|het) " + _ROUND + r"\b", re.I)
# the award told with its verb: "(besloten) de opdracht voor jeugdhulp te gunnen aan", "gunt de opdracht aan"
_AWARD_VERB = re.compile(r"\b(?:te gunnen|gunt|gunde|gunden)\b(?: [^.!?\n]{0,80}?)? aan\b|"
                         r"\b(?:opdracht|overeenkomst|contract|percee?l\w*)\b [^.!?\n]{0,80}?\b(?:te gunnen|gunt|gunnen|gunde|gunden) aan\b",
                         re.I)
# branch rel8: the award told from the winner's side -- "Stichting X heeft de tender voor de jeugdhulp gewonnen", "Kompas
# wint de tender voor de jeugd-ggz", "heeft de opdracht gekregen voor de jeugdhulp in de regio" -- or the buyer's choice
# of one provider told with its role ("heeft X gekozen als nieuwe aanbieder van jeugdhulp", "is geselecteerd als
# hoofdaannemer"): stages.md's gunning, as "gegund aan X" is. The thing won or received is a procurement with a definite
# determiner (not "een tender winnen", advice; not "de prijs gewonnen", a prize); the sentence names youth care and is no
# modal, conditional or question (told_rounds' _ROUND_GENERAL).
_WON_THING = r"(?:de|het|deze) (?:[\w-]+ )?(?:aanbesteding\w*|tender|opdracht|gunning|perce(?:el|len)|raamovereenkomst)\b"
# not a task set ("Het college heeft de opdracht gekregen om een plan ... te maken": the om-te infinitive of a task)
_WON = re.compile(r"\b(?:wint|winnen|won|wonnen|krijgt|krijgen|kreeg|kregen)\b (?:[\w'’-]+ ){0,2}?" + _WON_THING + r"(?! om\b)|"
                  + _WON_THING + r" (?:[^.!?\n]{0,80}? )?(?:gewonnen|gekregen|binnengehaald|verworven)\b(?! om\b)|"
                  r"\b(?:gekozen|geselecteerd|gecontracteerd) als (?:de )?(?:(?:nieuwe|enige|eerste) )?(?:[\w-]+ )?"
                  r"(?:aanbieder|zorgaanbieder|opdrachtnemer|hoofdaannemer|uitvoerder|partner)\b", re.I)
# branch rel15: a council's or college's decision on a particular round of youth care -- "De raad wordt voorgesteld in te
# stemmen met de regionale inkoop van specialistische jeugdhulp per 2026", "De raad stemde in met de inkoopstrategie
# jeugdhulp", "Het college heeft het inkoopplan voor de jeugdzorg vastgesteld", "stelt de inkoopstrategie jeugdhulp 2026
# vast" -- is stages.md's voorbereiding ("decision or plan to procure") taken by the buyer's own body: consent to or
# adoption of a definite round or its strategy or plan, in a sentence naming youth care. Not the subjects an agenda lists
# ("een besluit over de beleidsuitgangspunten voor inkoop van jeugdhulp": no consent verb, no definite round after it),
# not consent to how purchasing is arranged ("in te stemmen met de wijze waarop ..."), not a modal or conditional.
_PLAN_ADJ = r"(?:(?:nieuwe|regionale|gezamenlijke|voorgestelde|concept-?)\s?)?"
_PLAN_DET = r"\b(?:de|het|deze) " + _PLAN_ADJ + r"(?:" + _ROUND + r"|inkoopstrategie|inkoopplan|aanbestedingsstrategie|contracteringsstrategie)\b"
# adopted ("vastgesteld"): the strategy or plan itself, the subject or object of the verb -- not "de inkoop" that other
# things are set for ("De tarieven voor de inkoop van jeugdhulp zijn vastgesteld")
_STRATEGY_DET = (r"(?<!\bvoor )(?<!\bvan )(?<!\bbij )(?<!\bover )(?<!\bin )\b(?:de|het|deze) " + _PLAN_ADJ
                 + r"(?:inkoopstrategie|inkoopplan|aanbestedingsstrategie|contracteringsstrategie)\b")
_ROUND_CONSENTED = re.compile(
    r"\b(?:in te stemmen|instemmen|ingestemd|(?:stemt|stemmen|stemde|stemden) (?:[\w'’-]+ ){0,3}?in)\b met " + _PLAN_DET + "|"
    + _STRATEGY_DET + r"(?: [^.!?\n]{0,80}?)? (?:vastgesteld|vast te stellen|vaststellen)\b|"
    r"\b(?:stelt|stellen|stelde|stelden)\b (?:[\w'’-]+ ){0,3}?" + _STRATEGY_DET + r"(?: [^.!?\n]{0,80}?)? vast\b", re.I)



# an open call with its date: "Aanbieders van jeugdhulp kunnen zich vanaf 1 maart aanmelden voor de open house", "kunnen
# tot 15 mei een aanvraag doen voor toetreding tot de overeenkomst" -- the "kunnen" of a call is its opening, not a
# general possibility, when a day of a month dates it
_OPEN_CALL = re.compile(r"\b(?:aanmelden|inschrijven|aanvraag (?:doen|indienen)|verzoek (?:doen|indienen))\b (?:[^.!?\n]{0,40}? )?"
                        r"(?:voor|op|tot) (?:de|het) (?:[\w-]+ )?(?:" + _ROUND + r"|overeenkomst|raamovereenkomst)\b|"
                        r"\btoetreding tot (?:de|het) (?:[\w-]+ )?(?:overeenkomst|raamovereenkomst|open[ -]house|contract)\b", re.I)
_DAY_OF_MONTH = re.compile(r"\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
                           r"december)\b", re.I)
_ROUND_GENERAL = re.compile(r"\b(?:moet|moeten|kan|kunnen|mag|mogen|zou|zouden|hoeft|hoeven|hoe|wanneer|indien|als|vaak|meestal|"
                            r"doorgaans|bijvoorbeeld|elke|iedere)\b", re.I)


# the outcome of a round told from either side (branch cv48): a buyer selects a counted set of providers ("Regio Twente
# selecteert negen aanbieders voor de specialistische jeugdhulp", "heeft vijf consortia geselecteerd / dertig
# jeugdhulpaanbieders gecontracteerd"; not "Er zijn 6 aanbieders gecontracteerd:", a directory), extends its contracts
# ("De gemeente verlengt de contracten met jeugdhulpaanbieders", stages.md's verlenging), or providers get a new contract
# ("Jeugdhulpaanbieders in de regio krijgen vanaf 2025 een nieuw contract"; not "krijgen geen contract")
_COUNT = (r"(?:\d{1,3}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|"
          r"veertig|vijftig|zestig|enkele|meerdere|diverse)")
_PROVIDERS = (r"(?:(?:jeugd(?:hulp|zorg)?|zorg)?aanbieders|partijen|consortia|organisaties|combinaties|zorgpartijen|"
              r"jeugdhulppartners|(?:strategische )?partners|samenwerkingsverbanden)")
_EXTENSION_OPTION = r"(?:verlengingsoptie|verlengingsmogelijkheid|(?:optie|mogelijkheid) (?:tot|om te) verleng(?:ing|en))\b"
_CONTRACTS = r"(?:een |het |de )?(?:nieuwe? )?(?:contract(?:en)?|overeenkomst(?:en)?|raamovereenkomst(?:en)?)"
_CLOSED = r"(?:gesloten|afgesloten|getekend|ondertekend)\b"
_OUTCOME = re.compile(
    r"\b(?:selecteert|selecteerde|selecteren|selecteerden|kiest|koos|kozen)\b (?:[\w'’-]+ ){0,3}?" + _COUNT + r" (?:[\w-]+ )?"
    + _PROVIDERS + r"\b|"
    r"\b(?:heeft|hebben|had|hadden)\b (?:[\w'’-]+ ){0,4}?" + _COUNT + r" (?:[\w-]+ )?" + _PROVIDERS
    + r" (?:[\w'’-]+ ){0,4}?(?:geselecteerd|gekozen|gecontracteerd)\b|"
    r"\b" + _COUNT + r" (?:[\w-]+ )?" + _PROVIDERS + r" (?:[\w'’-]+ ){0,2}?(?:zijn|werden) (?:[\w'’-]+ ){0,2}?(?:geselecteerd|gekozen)\b|"
    r"\b(?:verlengt|verlengen|verlengde|verlengden)\b (?:[\w'’-]+ ){0,4}?(?:contract\w*|overeenkomst\w*|raamovereenkomst\w*)\b|"
    r"\b(?:contract(?:en)?|overeenkomst(?:en)?|raamovereenkomst(?:en)?) (?:[\w'’-]+ ){0,6}?(?:is|zijn|wordt|worden|werd|werden) "
    r"(?:[\w'’-]+ ){0,3}?verlengd\b|"
    # branch rel2: the extension told with "langer (door)lopen" ("De contracten met de jeugdzorgaanbieders lopen een jaar
    # langer door", "het contract voor jeugdhulp loopt een half jaar langer")
    r"\b(?:contract(?:en)?|overeenkomst(?:en)?|raamovereenkomst(?:en)?) (?:[\w'’-]+ ){0,6}?(?:loopt|lopen|liep|liepen) "
    r"(?:[\w'’-]+ ){0,4}?langer\b|"
    # branch rel7: contracts closed or signed with a counted set of providers, told without a procedure word ("De gemeente
    # heeft overeenkomsten gesloten met zes aanbieders van jeugdhulp", "heeft met 35 jeugdhulpaanbieders een contract
    # getekend", "Er zijn contracten gesloten met twaalf zorgaanbieders"): the outcome of a contracting round, as "heeft
    # dertig jeugdhulpaanbieders gecontracteerd" is; not the background "heeft contracten afgesloten" (no counted set)
    r"\b(?:heeft|hebben|had|hadden|is|zijn|werd|werden)\b (?:[\w'’-]+ ){0,4}?" + _CONTRACTS + r" (?:[\w'’-]+ ){0,2}?"
    + _CLOSED + r" met (?:de )?" + _COUNT + r" (?:[\w-]+ )?" + _PROVIDERS + r"\b|"
    r"\b(?:heeft|hebben|had|hadden|is|zijn|werd|werden)\b (?:[\w'’-]+ ){0,3}?met (?:de )?" + _COUNT + r" (?:[\w-]+ )?"
    + _PROVIDERS + r" (?:[\w'’-]+ ){0,4}?" + _CONTRACTS + r" (?:[\w'’-]+ ){0,2}?" + _CLOSED + r"|"
    # branch cv50: a buyer working with a counted set of *new* providers ("Vanaf volgend jaar werken de gemeenten met 35
    # nieuwe jeugdhulpaanbieders"): the providers the round contracted; not "werkt met 35 jeugdhulpaanbieders", a directory
    r"\b(?:werken|werkt|werkten|werkte|gaan werken|gaat werken)\b (?:[\w'’-]+ ){0,6}?met (?:de )?" + _COUNT + r" nieuwe (?:[\w-]+ )?"
    + _PROVIDERS + r"\b|"
    # branch rel3: a decision not to extend the contracts ("Het college heeft besloten de huidige contracten voor jeugdhulp
    # niet te verlengen en opnieuw in te kopen"): the contracts end and the care is bought anew, a procurement decision
    # branch rel4: the words between may be written with a slash ("de huidige contracten voor jeugdhulp en Wmo/Wonen niet
    # te verlengen"), and the decision may be told as an option not taken ("besloten geen gebruik te maken van de
    # verlengingsoptie in de contracten voor jeugdhulp", "de mogelijkheid tot verlenging van de contracten niet te benutten")
    r"\b(?:besloten|besluit|besluiten|besloot|kiest|kiezen|koos|kozen|gekozen)\b (?:[\w'’/-]+ ){0,3}?"
    r"(?:contract(?:en)?|overeenkomst(?:en)?|raamovereenkomst(?:en)?) (?:[\w'’/-]+ ){0,6}?niet (?:meer )?te verlengen\b|"
    r"\b(?:besloten|besluit|besluiten|besloot|kiest|kiezen|koos|kozen|gekozen)\b (?:[\w'’/-]+ ){0,3}?geen gebruik (?:te )?"
    r"(?:maken|gemaakt) van (?:de|het|een) (?:[\w'’/-]+ ){0,2}?" + _EXTENSION_OPTION + r"|"
    r"\b(?:besloten|besluit|besluiten|besloot|kiest|kiezen|koos|kozen|gekozen)\b (?:[\w'’/-]+ ){0,3}?(?:de|het|een) "
    r"(?:[\w'’/-]+ ){0,2}?" + _EXTENSION_OPTION + r" (?:[\w'’/-]+ ){0,8}?niet te (?:benutten|gebruiken)\b|"
    r"\b(?:krijgen|krijgt|kregen|kreeg)\b (?:(?!geen\b)[\w'’-]+ ){0,4}?(?:een |het )?(?:nieuw |nieuwe )?"
    r"(?:contract|overeenkomst|raamovereenkomst)\b", re.I)


# branch rel15: a provider's own news of the contract it closed with a particular buyer -- "Goed nieuws: wij hebben een
# contract gesloten met de gemeente Ede voor jeugdhulp", "Stichting Kompas heeft met de regio Twente een nieuwe
# overeenkomst getekend voor de jeugdzorg", "Wij hebben een nieuw contract met de regio Utrecht West voor de jeugdhulp" --
# is a round's outcome (stages.md's contract_ondertekend) told from the winner's side. The buyer is named (a capital
# after "gemeente" or "regio"): not "met de betreffende gemeente" (a condition of a provider's fee page), not "met de
# volgende gemeenten:" (a provider's list of the municipalities it holds contracts with). The sentence tells news: a year,
# a date, "nieuw", "opnieuw", "onlangs", "trots", "goed nieuws" (:data:`_NEWS_MARK`); a contract merely held ("Wij hebben
# een contract met de gemeente Arnhem") is the provider's standing, no step.
_NAMED_BUYER = r"(?:de )?(?:gemeente|(?:jeugd)?regio) (?-i:[A-Z])[\w'-]+"
_CONTRACT_WITH_BUYER = re.compile(
    r"\b(?:heeft|hebben|had|hadden|is|zijn)\b (?:[\w'’-]+ ){0,4}?" + _CONTRACTS + r" (?:[\w'’-]+ ){0,2}?" + _CLOSED
    + r" met " + _NAMED_BUYER + "|"
    r"\b(?:heeft|hebben|had|hadden)\b (?:[\w'’-]+ ){0,3}?met " + _NAMED_BUYER + r"(?: [\w'’-]+){0,3}? " + _CONTRACTS
    + r" (?:[\w'’-]+ ){0,3}?" + _CLOSED + "|"
    r"\b(?:heeft|hebben)\b (?:[\w'’-]+ ){0,2}?(?:een )?nieuwe? (?:contract|overeenkomst|raamovereenkomst) met "
    + _NAMED_BUYER, re.I)
_NEWS_MARK = re.compile(r"\b(?:(?:19|20)\d\d|nieuwe?|opnieuw|onlangs|recent(?:elijk)?|vandaag|gisteren|deze week|trots|"
                        r"blij|verheugd|goed nieuws)\b", re.I)



# a sentence that goes on about the one before it ("Vanaf 2025 is X de enige aanbieder van jeugdbescherming. Dat is de
# uitkomst van de inkoopronde.") names its youth care through the anaphor it opens with
_ANAPHOR = re.compile(r"^\W*(?:Dat|Dit|Daar\w*|Hier\w*|Die|Deze)\b")


# Branch rel3: the outcome of a round told in one sentence and its youth care in the next one of the same paragraph ("De
# contracten worden met een jaar verlengd. Zo houden kinderen in de jeugdhulp hun vertrouwde hulpverlener.") -- one
# sentence, no further, and only when neither sentence is about another service (Wmo, huishoudelijke hulp, ...) or
# money (a budget page: "De kosten van de jeugdzorg stijgen met 3 miljoen")
def _aside(sent: str) -> bool:
    return bool(_matches(ADJACENT, sent) or _matches(BUDGET, sent) or re.search(OTHER_SERVICE, sent, re.I))


def told_rounds(full: str) -> list[str]:
    """Sentences telling a step of a particular purchasing round of youth care (branch cv48, see above)."""
    out = []
    for line in full.split("\n"):
        prev_youth = False
        pending = None  # branch rel3: an outcome told with its youth care in the next sentence
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line):
            youth = bool(("jeugd" in sent.lower() or "kind" in sent.lower()) and _matches(YOUTH_CORE, sent))
            about_youth = youth or (prev_youth and bool(_ANAPHOR.match(sent)))
            prev_youth = youth
            if pending and youth and not _aside(sent):
                out.append(pending)
            pending = None
            if not about_youth:
                m = _OUTCOME.search(sent)
                if m and not _aside(sent) and not _ROUND_GENERAL.search(_RELATIVE_CLAUSE.sub(" ", sent)) \
                        and not _LIST_INTRO.search(sent.rstrip()):
                    pending = m.group(0).lower()
                continue
            m = (_ROUND_TOLD.search(sent) or _AWARD_VERB.search(sent) or _OUTCOME.search(sent)
                 or _ROUND_CONSENTED.search(sent))
            if m and _ROUND_GENERAL.search(_RELATIVE_CLAUSE.sub(" ", sent)):
                m = None
            # branch rel8: the winner's side; its "als" of the role ("gekozen als aanbieder") is no conditional
            if not m and (won := _WON.search(sent)) and not _ROUND_GENERAL.search(
                    _RELATIVE_CLAUSE.sub(" ", sent[:won.start()] + " " + sent[won.end():])):
                m = won
            if not m and _DAY_OF_MONTH.search(sent):
                m = _OPEN_CALL.search(sent)
            if not m and (signed := _CONTRACT_WITH_BUYER.search(sent)) and _NEWS_MARK.search(sent) \
                    and not _ROUND_GENERAL.search(_RELATIVE_CLAUSE.sub(" ", sent)):
                m = signed
            if not m or _LIST_INTRO.search(sent.rstrip()):
                continue
            other = _OTHER_PURCHASE.search(sent[m.start():m.end() + 60])
            # the round of another service ("het inkoopproces voor de huishoudelijke hulp is gestart"); branch rel4: not
            # a joint one that names youth care among its services ("de contracten voor jeugdhulp en Wmo/Wonen")
            if other and not _matches(YOUTH_CORE, other.group(0)):
                continue
            out.append(m.group(0).lower())
    return out


# Branch rel11: a youth-care body's call for a partner or provider that closes on a date -- "is Jeugdzorg Caribisch
# Nederland op zoek naar een ervaren samenwerkingspartner die ... Neem dan vóór 1 september 2021 contact op" -- is the
# buyer's approach to the market (stages.md's marktconsultatie), told without a procedure word. The sought party is an
# organisation (partner, aanbieder, organisatie, partij, uitvoerder; not a person of a job advert, not foster parents);
# youth care is named in the call's own sentence; the page gives a day of a month by which to respond (contact opnemen,
# reageren, zich aanmelden, interesse tonen, een voorstel/offerte indienen) after "vóór", "uiterlijk" or "tot".
_PARTNER_CALL = re.compile(
    r"\b(?:zoekt|zoeken|op zoek naar)\b (?:(?:een|één|meerdere|enkele|twee|drie) )?(?:(?:ervaren|nieuwe?|geschikte|"
    r"betrouwbare|regionale|externe|professionele|deskundige) )?(?:samenwerkings)?(?:partners?|(?:zorg|jeugdhulp|jeugdzorg)?"
    r"aanbieders?|organisaties?|partij(?:en)?|uitvoerders?|opdrachtnemers?)\b", re.I)
_RESPONSE_BY = re.compile(
    r"\b(?:vóór|voor|uiterlijk|tot(?: en met)?|t/m) (?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?"
    r"\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b"
    r"[^.!?\n]{0,80}?\b(?:contact op|contact opnemen|reageren|reageer|aanmelden|meld\w*|interesse|indienen|dien\w*|"
    r"insturen|stuur\w*|mailen|mail)\b|"
    r"\b(?:contact op|contact opnemen|reageren|reageer|aanmelden|meld\w*|interesse|indienen|dien\w*|insturen|stuur\w*|mailen|"
    r"mail)\b[^.!?\n]{0,80}?\b(?:vóór|uiterlijk|tot(?: en met)?|t/m) (?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag) )?\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december)\b", re.I)


def partner_calls(full: str, shown: str) -> list[str]:
    """A youth-care body's call for a partner or provider with a closing date (branch rel11, see above); the date is
    looked for in ``shown``, the page with its questions ("Heeft uw organisatie interesse? Neem dan vóór ... contact op")."""
    if not _RESPONSE_BY.search(shown):
        return []
    out = []
    for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", full):
        m = _PARTNER_CALL.search(sent)
        if m and _matches(YOUTH_CORE, sent) and not _aside(sent) and not _ROUND_GENERAL.search(_RELATIVE_CLAUSE.sub(" ", sent)):
            out.append(m.group(0).lower())
    return out


# Branch rel12: a purchasing round referred back to with a demonstrative -- "Vanaf 1 januari 2024 is MetMaya
# verantwoordelijk voor de specialistische jeugdhulp in de regio. Met deze inkoop willen de gemeenten ..." -- says that the
# sentence before it told a particular purchase: "deze inkoop" is one round, as "de aanbesteding" is. About youth care when
# its own sentence, an earlier one of its line or the line before it (a paragraph after its lead) names youth care; not in a
# modal, conditional or habitual sentence (told_rounds' _ROUND_GENERAL), nor beside another service or money (_aside).
# Not "die" (a relative pronoun as often: "aanbieders die inkoop doen"); questions and suppositions are left out before.
_REFERRED_ROUND = re.compile(r"\b(?:deze|dit) (?:(?:nieuwe|regionale|gezamenlijke|huidige) )?" + _ROUND + r"\b", re.I)


def referred_rounds(full: str) -> list[str]:
    """Sentences referring back to a purchasing round of youth care with a demonstrative (branch rel12, see above)."""
    out = []
    before = False  # youth care named in the line before or earlier in this line
    for line in full.split("\n"):
        seen = False
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line):
            youth = bool(_matches(YOUTH_CORE, sent)) if ("jeugd" in sent.lower() or "kind" in sent.lower()) else False
            m = _REFERRED_ROUND.search(sent)
            if m and (youth or seen or before) and not _aside(sent) \
                    and not _ROUND_GENERAL.search(_RELATIVE_CLAUSE.sub(" ", sent)):
                out.append(m.group(0).lower())
            seen = seen or youth
        if line.strip():
            before = seen
    return out


#: Branch rel14: two ways a buyer's youth-care purchase is told without a procedure word (stages.md's `voorbereiding`, a
#: "decision or plan to procure", and `marktconsultatie`, the market consulted), in core.
#:
#: The market consulted with its verbs: the buyer asked or consulted the providers what they would change, to think
#: along, for their ideas or input -- "Twee jaar geleden hebben we alle jeugdhulpaanbieders gevraagd wat ze zouden
#: willen veranderen in de jeugdhulp", "De regio heeft de zorgaanbieders geraadpleegd over hun wensen voor de jeugdhulp",
#: "De gemeente vroeg de aanbieders mee te denken". The buyer is a municipality, a region, the college or "we" (an
#: official quoted); the question is about what should change, not a survey of experiences ("naar hun ervaringen", a
#: trade body polling its members) nor a request to report (waiting lists). The sentence names youth care; not a
#: modal, conditional or question sentence.
_CONSULT_BUYER = r"(?:[Ww]e|[Ww]ij|[Dd]e gemeente(?:n|raad)?|[Dd]e (?:jeugd)?regio|[Hh]et college|[Dd]e wethouder)"
_CONSULT_PROVIDERS = r"(?:(?:alle|de|onze|hun|veel|diverse|verschillende) )?(?:[\w-]+ )?[\w-]*(?:aanbieders|zorgpartijen)"
_CONSULT_ABOUT = (r"(?:wat (?:ze|zij) \w+|hoe (?:ze|zij) \w+|(?:om )?mee te denken|(?:om |naar |over )?(?:hun |de )?"
                  r"(?:ideeën|input|wensen|visie|suggesties|inbreng|advies|mening)\b)")
_CONSULTED = re.compile(
    # the auxiliary or the past verb, then the buyer (inverted) or the buyer then the verb: "hebben we alle
    # jeugdhulpaanbieders gevraagd wat", "De gemeente heeft de aanbieders geraadpleegd over hun wensen"
    r"\b(?:(?:(?:hebben|heeft|had|hadden) " + _CONSULT_BUYER + r"|" + _CONSULT_BUYER + r" (?:[\w'-]+ ){0,2}?(?:hebben|heeft|had|hadden))"
    r" (?:[\w'-]+ ){0,3}?" + _CONSULT_PROVIDERS + r" (?:[\w'-]+ ){0,2}?(?:gevraagd|geraadpleegd|bevraagd|geconsulteerd)|"
    r"(?:(?:vroeg|vroegen|raadpleegde|raadpleegden|consulteerde|consulteerden) " + _CONSULT_BUYER + r"|" + _CONSULT_BUYER +
    r" (?:[\w'-]+ ){0,2}?(?:vroeg|vroegen|raadpleegde|raadpleegden|consulteerde|consulteerden)) (?:[\w'-]+ ){0,3}?"
    + _CONSULT_PROVIDERS + r"),? (?P<about>" + _CONSULT_ABOUT + r")")
_CONSULT_GENERAL = re.compile(r"\b(?:moet|moeten|kan|kunnen|mag|mogen|zou|zouden|hoeft|hoeven|wanneer|indien|als)\b", re.I)


def consulted_markets(full: str) -> list[str]:
    """Sentences in which a buyer consults the youth-care providers about what to change (branch rel14, see above)."""
    out = []
    for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", full):
        low = sent.lower()
        if ("aanbieders" not in low and "zorgpartijen" not in low) or sent.rstrip().endswith("?"):
            continue
        m = _CONSULTED.search(sent)
        if m and _matches(YOUTH_CORE, sent) and not _CONSULT_GENERAL.search(sent[:m.start("about")]):
            out.append(m.group(0).lower())
    return out


#: The youth care reorganised beside the contracts it runs on: a sentence telling a buyer will set up its youth care
#: anew ("de jeugdzorg opnieuw wil inrichten", "de jeugdhulp anders gaan organiseren / inkopen", "De organisatie van de
#: jeugdzorg gaat op de schop", "de herinrichting van de jeugdhulp"), and in its paragraph or the next one the contracts
#: of the care ("iedere hulpverlener die aan de voorwaarden voldoet krijgt een contract met de gemeente", "de contracten
#: met de aanbieders lopen eind 2025 af"): a reorganisation of how youth care is contracted is the preparation of a
#: purchase. A reorganisation told alone (a council agreeing to work with its neighbours) or the national reform agenda
#: ("Hervormingsagenda", not a word read here) is none; nor a provider's own reorganisation (the contract is then
#: staff's, with no buyer or provider beside it); not a modal, conditional or question sentence.
_REORGANISED = re.compile(
    r"\bopnieuw (?:[\w'-]+ ){0,2}?(?:inrichten|in te richten|ingericht|inricht)\b|"
    r"\banders (?:[\w'-]+ ){0,2}?(?:organiseren|te organiseren|georganiseerd|organiseert|inrichten|in te richten|ingericht|"
    r"inkopen|in te kopen|ingekocht|contracteren|te contracteren|gecontracteerd)\b|"
    r"\bop de schop\b|\bherinrichting\b|\bheringericht\b", re.I)
_CARE_CONTRACT = re.compile(r"\b(?:contract(?:en)?|overeenkomst(?:en)?|gecontracteerd\w*|contractering)\b", re.I)
_CONTRACT_PARTY = re.compile(r"\b(?:gemeente\w*|regio\w*|[\w-]*aanbieder\w*|hulpverlen\w*|zorgverlen\w*)\b", re.I)


def reorganised_contracting(full: str) -> list[str]:
    """Sentences telling youth care reorganised beside its contracts with providers (branch rel14, see above)."""
    if not _REORGANISED.search(full):
        return []
    pars = re.split(r"\n\s*\n", full) if re.search(r"\n\s*\n", full.strip()) else full.split("\n")
    contracted = [any(_CARE_CONTRACT.search(s) and _CONTRACT_PARTY.search(s)
                      for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", par)) if _CARE_CONTRACT.search(par) else False
                  for par in pars]
    out = []
    for i, par in enumerate(pars):
        if not (contracted[i] or (i + 1 < len(pars) and contracted[i + 1])) or not _REORGANISED.search(par):
            continue
        for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", par):
            m = _REORGANISED.search(sent)
            if m and not sent.rstrip().endswith("?") and _matches(YOUTH_CORE, sent) \
                    and not _CONSULT_GENERAL.search(sent):
                out.append(m.group(0).lower())
    return out


#: Branch rel17: a Dutch municipality's page in English -- "The municipalities of the Twente region have started the tender
#: for specialist youth care", "The new contracts for youth care were awarded to twelve providers in 2024", "Leiden
#: purchases youth care together with the other municipalities in Holland Rijnland" -- tells a purchase in words no Dutch
#: term list has. Read as the Dutch is (the ``particular`` way, in core): a sentence naming youth care (the English
#: terms are in vocabulary.NEWS_ONLY_YOUTH) and a procurement word, told of a particular buyer ("the municipality",
#: "the region", "we", a capital name before the verb) or as a step taken or dated (a year, "started", "awarded"), not
#: in a modal, conditional or question sentence ("Municipalities must procure youth care", "if a tender fails").
#: A list of the providers "contracted by the municipality" is who holds a contract now (as "de gecontracteerde
#: aanbieders" is), and a subsidy, grant or prize awarded is no contract.
_EN_YOUTH = re.compile(r"\byouth (?:care|services|assistance|protection|support)\b|\bjeugd(?:hulp|zorg|bescherming)\b", re.I)
_EN_ACT = re.compile(r"\b(?:tender(?:s|ed|ing)?|procur(?:ement|ing|es|ed|e)|purchas(?:es|ed|ing|e)|"
                     r"(?:has|have|had) (?:[\w-]+ ){0,2}?contracted|awarded(?! (?:a |an |the )?(?:subsid|grant|prize|award)))\b", re.I)
_EN_BUYER = re.compile(r"\b(?:the (?:[\w-]+ )?(?:municipality|municipalities|region|council|college)|we|our municipality)\b|"
                       r"\b\w+ (?:purchases|procures|is procuring)\b", re.I)
_EN_STEP = re.compile(r"\b(?:19|20)\d\d\b|\b(?:started|launched|published|awarded|signed|closed|opened|procured|purchased)\b", re.I)
_EN_GENERAL = re.compile(r"\b(?:can|could|must|should|may|might|would|if|when|whether|often|usually|how)\b", re.I)


def english_procurements(full: str) -> list[str]:
    """Sentences of an English page telling a particular purchase of youth care (branch rel17, see above)."""
    out = []
    for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", full):
        if not _EN_YOUTH.search(sent) or sent.rstrip().endswith("?"):
            continue
        m = _EN_ACT.search(sent)
        if m and not _EN_GENERAL.search(sent) and (_EN_BUYER.search(sent) or _EN_STEP.search(sent)):
            out.append(m.group(0).lower())
    return out


#: Branch news15r: a particular youth-care procedure *named* -- the noun with a definite determiner ("de
#: aanbesteding voor de jeugdzorg voor 2016", "de mislukte aanbestedingsprocedure voor jeugdhulp in Alphen") and a
#: youth-care term in one sentence -- says the page is about that procurement whatever genre its title names: a
#: money or questions title over a named tender is news of the tender (rule ``rel.title_genre``). Not the
#: infinitive ("het aanbesteden van jeugdhulptaken"), not an indefinite ("een afwijkende aanbesteding").
_NAMED_PROCEDURE = re.compile(
    r"\b(?:de|deze) (?:[\w-]+ )?(?:aanbesteding|aanbestedingsprocedure|aanbestedingsronde|aanbestedingstraject|"
    r"inkoopprocedure|inkooptraject)\b", re.I)


def named_procedures(full: str) -> list[str]:
    """Sentences naming a particular procurement of youth care by its noun with a definite determiner."""
    out = []
    for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", full):
        m = _NAMED_PROCEDURE.search(sent)
        if m and _matches(YOUTH_CORE, sent) and particular(m, sent):
            out.append(m.group(0).lower())
    return out


#: Branch cv45: a procurement of *another* service the same buyer holds -- "de aanbesteding voor huishoudelijke hulp",
#: "is de aanbesteding voor het leerlingenvervoer gegund aan Connexxion", "de opdracht voor de schoonmaak van
#: gemeentelijke gebouwen", "Aanbesteding welzijnswerk" -- names its object, and the object is no youth care. Its steps
#: are that purchase's, not youth care's, even on a page that names jeugdhulp elsewhere (the council's other business,
#: the youth centre among the buildings cleaned). Read the Dutch way: the procedure noun, then its object -- after
#: "voor"/"van" (with a determiner and up to three words between) or right after it as in a headline -- or the object
#: as the first part of a compound ("schoonmaakaanbesteding"). The object is another service when it names an
#: adjacent field, transport, or one of the common purchases of a municipality, and no youth care.
OTHER_SERVICE = (r"(?:wmo\b|huishoudelijke (?:hulp|ondersteuning)|beschermd wonen|maatschappelijke (?:opvang|begeleiding|ondersteuning)|"
                 r"kinderopvang|peuteropvang|welzijn\w*|leerlingen(?:ver)?vervoer|doelgroepenvervoer|regiotaxi\w*|"
                 r"(?:wmo-|zorg)?vervoer\b|hulpmiddel\w*|woningaanpassing\w*|rolstoel\w*|scootmobiel\w*|schuldhulp\w*|"
                 r"schuldhulpverlening|re-integratie|inburgering|participatie\w*|mantelzorg\w*|schoonmaak\w*|catering|"
                 r"ict\b|software\w*|hardware|telefonie|energie\w*|afval\w*|groenonderhoud|onderhoud\w*|nieuwbouw|"
                 r"renovatie|bouw\b|sloop\w*|riolering|straatverlichting|beveiliging|accountan\w*|verzekering\w*|"
                 r"drukwerk|zendtijd\w*|omroep\w*|sportaccommodatie\w*|zwembad\w*|parkeer\w*|kantoorartikelen|"
                 r"meubilair|uitzendkrachten|ouderenzorg|thuiszorg)")
_PROCEDURE_NOUN = (r"(?:aanbesteding\w*|inkoop(?:traject|procedure)?\w*|opdracht(?:en)?|raamovereenkomst\w*|"
                   r"contract(?:en)?|overeenkomst(?:en)?|tender\w*|gunning)")
_OTHER_PURCHASE = re.compile(
    r"\b" + _PROCEDURE_NOUN + r" (?:(?:voor|van|rond|rondom|inzake|op het gebied van) (?:(?:de|het|een|onze|hun) )?"
    r"(?:[\w'-]+ ){0,3}?)?" + OTHER_SERVICE + r"|"
    r"\b" + OTHER_SERVICE + r"(?:-)?(?:aanbesteding|inkoop|opdracht|contract)\w*|"
    # branch rel1: the service as the object or subject of the purchase verb, with a determiner and at most six words
    # between ("hebben het Wmo-vervoer opnieuw aanbesteed", "Het leerlingenvervoer in de gemeente Venlo is opnieuw
    # aanbesteed", "de huishoudelijke hulp per 2025 opnieuw inkopen")
    r"\b(?:de|het) (?:[\w'-]+ )?" + OTHER_SERVICE + r"(?:[\w-]*)? (?:[\w'-]+ ){0,6}?"
    r"(?:aanbesteed|aanbesteden|ingekocht|inkopen|in te kopen|gegund|gecontracteerd|contracteren)\b|"
    # branch rel2: the service after the verb, as a provider tells its contract ("Wij zijn door de gemeente Utrecht
    # gecontracteerd voor huishoudelijke hulp", "is per 2025 gecontracteerd voor Wmo-begeleiding", "gecontracteerd voor
    # de levering van hulpmiddelen"): "voor", an optional determiner and at most three words before the service
    r"\b(?:gecontracteerd|ingekocht|aanbesteed|gegund|geselecteerd) (?:[\w'-]+ ){0,3}?voor (?:(?:de|het|een) )?(?:[\w'-]+ ){0,3}?"
    + OTHER_SERVICE, re.I)


#: Branch rel5: the title says what the page is about. Under a title that names another service and no youth care
#: ("Vertraging en moeizame start voor leerlingenvervoer in Utrecht na aanbesteding", "Limburgse gemeenten starten met
#: gemeenschappelijke regeling doelgroepenvervoer") a sentence naming no youth care goes on about that service, as a
#: sentence after one naming the service's procurement does within a paragraph; a sentence naming youth care keeps its
#: own evidence (as rel4 reads a title of national politics).
_TITLE_SERVICE = re.compile(r"\b" + OTHER_SERVICE + r"|\b(?:leerlingen|doelgroepen)vervoer\w*", re.I)


def other_service_title(title: str | None) -> bool:
    """Does ``title`` name another service than youth care, and no youth care?"""
    return bool(title and _TITLE_SERVICE.search(title) and not _matches(YOUTH_CORE, title))


def other_purchase_sentences(full: str, title: str | None = None) -> set[str]:
    """The sentences about a procurement of another service (branch cv45, see above): one that names it, with no
    youth-care term, and the sentences after it in its paragraph that name no youth care either (they go on about it:
    "De opdracht is gepubliceerd op TenderNed. Aanbieders kunnen tot 1 april inschrijven."); under a title naming
    another service and no youth care, every sentence naming no youth care (branch rel5)."""
    out: set[str] = set()
    whole_page = other_service_title(title)
    for par in re.split(r"\n\s*\n", full):
        going_on = False
        for sent in re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z'\"‘“])", par):
            if _matches(YOUTH_CORE, sent):
                going_on = False
                continue
            if whole_page or _OTHER_PURCHASE.search(sent):
                going_on = True
            if going_on:
                out.add(sent)
    return out


#: Branch cv45: national politics about procurement -- "Minister De Jonge wil dat gemeenten jeugdzorg minder vaak
#: aanbesteden", "'De aanbesteding van jeugdzorg leidt tot versnippering', zei Kamerlid X", "Een Kamermotie om aanbesteden
#: in het sociaal domein te verbieden werd aangenomen", "De Tweede Kamer debatteerde over de jeugdzorg. Meerdere partijen
#: willen af van de aanbestedingen" -- is about the law and the practice, not a procurement: the speaker is national (in
#: the sentence or the one before it in its paragraph), no particular buyer is named (a municipality or region by name,
#: "de gemeente", "het college", "de Zeeuwse gemeenten") and no step is told as taken ("heeft ... gegund", "werd
#: gepubliceerd"). A ministry that buys ("Het ministerie van VWS heeft de opdracht voor jeugdzorg op Saba gegund") tells
#: its step and stays a procurement.
_NATIONAL = re.compile(r"\b(?:minister(?:s|ie\w*)?|staatssecretaris\w*|kabinet\w*|(?:Tweede|Eerste) Kamer|Kamerl(?:id|eden)|"
                       r"Kamerbrief\w*|Kamervragen|Kamerdebat\w*|wetsvoorstel\w*|wetswijziging\w*|wetgever|"
                       r"Kamermotie\w*|Rijksoverheid|Hervormingsagenda\w*)\b", re.I)  # not "motie" (a council's) nor "Den Haag" (a municipality)
_PROVINCES = (r"Groningen|Friesland|Fryslân|Drenthe|Overijssel|Flevoland|Gelderland|Utrecht|Noord-Holland|Zuid-Holland|"
              r"Zeeland|Noord-Brabant|Brabant|Limburg|Bonaire|Saba|Sint Eustatius|Twente|Achterhoek|Haaglanden|Rijnmond|"
              r"Holland Rijnland|West-Brabant|Midden-Brabant|Noordoost-Brabant|Zuidoost-Brabant")
_LOCAL_BUYER = re.compile(r"\b(?:[Dd]e gemeente|[Hh]et college|[Dd]e (?:jeugd)?regio|[Hh]et samenwerkingsverband|"
                          r"(?:gemeenten?|regio|jeugdregio|provincie) [A-Z][\w'-]+|[A-Z][a-z]+se gemeenten|"
                          r"(?:" + _BUYER_NUMBER + r") (?:regio)?gemeenten|"
                          r"(?:in|van|uit|voor|door) (?:" + _PROVINCES + r"))\b")
_NAMED_PLACE = re.compile(r"\b(?:in|van|uit|voor|door|gemeente|regio) ((?:'s-)?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)")
_STEP_TOLD = re.compile(r"\b(?:is|zijn|werd|werden|heeft|hebben)\b[^.]{0,60}\b(?:gestart|gepubliceerd|gegund|uitgeschreven|"
                        r"doorlopen|afgerond|gehouden|aangekondigd|ingeschreven|gecontracteerd|ondertekend|getekend)\b|"
                        r"\b(?:gunde|gunden|publiceerde|publiceerden|tekende|tekenden)\b|"
                        # a participle that tells the procedure's fate: "de mislukte aanbestedingsprocedure voor jeugdhulp"
                        r"\b(?:mislukte|gegunde|afgeblazen|stopgezette|ingetrokken|afgeronde|lopende|gestarte|vernietigde|"
                        r"omstreden|gewonnen)\b", re.I)


#: Branch rel19: a sentence that names where the one before it comes from -- "Dat staat in een wetsvoorstel", "Dit blijkt uit
#: een Kamerbrief", "Dat schrijft de staatssecretaris", "Zo staat het in de Hervormingsagenda" (the source, national or not).
_SOURCE_AFTER = re.compile(r"(?:Dat|Dit|Zo)\b[^.!?\n]{0,20}?\b(?:staat|stond|staan|blijkt|bleek|schrijft|schreef|schrijven|"
                           r"meldt|meldde|zegt|zei|zeggen|stelt|stelde|wil|willen|wilde|besloot|besloten|bevestigt|"
                           r"bevestigde|heeft|hebben)\b")


def _local_buyer(text: str) -> bool:
    if _LOCAL_BUYER.search(text):
        return True
    names = _municipality_names()
    return any(m.group(1) in names for m in _NAMED_PLACE.finditer(text))


def national_debate_sentences(full: str, title: str | None = None) -> set[str]:
    """The sentences of national politics about procurement in general (branch cv45, see above). Branch rel4: under a
    title of national politics that names no local buyer ("Kamer wil meer actie kabinet om jeugdzorg te verbeteren",
    "Kamermotie aangenomen over dialoog bij aanbesteden jeugdhulp") the whole page is that debate: its speaker need not
    be named again in each paragraph (a sentence naming a local buyer or telling a step taken still stays)."""
    out: set[str] = set()
    national_page = bool(title and _NATIONAL.search(title) and not _local_buyer(title))
    for par in re.split(r"\n\s*\n", full):
        prev = ""
        sents = re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z'\"‘“])", par)
        for i, sent in enumerate(sents):
            # branch rel19: or its source in the next sentence, pointed back to ("... niet meer aan te besteden. Dat staat
            # in een wetsvoorstel van de minister.")
            nxt = sents[i + 1] if i + 1 < len(sents) else ""
            source = bool(_SOURCE_AFTER.match(nxt) and _NATIONAL.search(nxt) and not _local_buyer(nxt))
            if i == 0 and title and sent.strip() == title.strip():
                # the title speaks for its lead: a national lead ("Einde aan aanbesteden jeugdzorg in zicht" over "De
                # Hervormingsagenda Jeugd regelt dat ...") makes the title's tendering the national debate's
                lead = " ".join(sents[1:3])
                source = source or bool(_NATIONAL.search(lead) and not _local_buyer(lead))
            if (national_page or _NATIONAL.search(sent) or _NATIONAL.search(prev) or source) \
                    and _matches(PROCUREMENT_ACT, sent) \
                    and not _local_buyer(sent) and not _local_buyer(prev) and not _STEP_TOLD.search(sent):
                out.add(sent)
            prev = sent
    return out


def _without(full: str, sentences: set[str]) -> str:
    for sent in sorted(sentences, key=len, reverse=True):
        if sent.strip():
            full = full.replace(sent, " ")
    return full


def _sentence_pairs(full: str) -> list[tuple[str, str]]:
    """Each sentence with the next one in its paragraph (a line or a block between blank lines)."""
    pairs = []
    for par in re.split(r"\n", full):
        sents = re.split(r"(?<=[.!?])\s+(?=[A-Z])", par)
        pairs.extend(zip(sents, sents[1:]))
    return pairs


def _core_acts(patterns: list[str], text: str) -> list[str]:
    """The procedure terms of ``text`` that are no law, rule, body or kind (:func:`kind_of`): the reading without rule
    ``rel.particular_procedure``."""
    found: dict[str, None] = {}
    for p in patterns:
        for m in re.finditer(p, text, re.I):
            if not kind_of(m, text) and not bare_plural(m, text):
                found.setdefault(m.group(0).lower(), None)
    return list(found)


#: Branch rel17: the definite plural with nothing but its article -- "Door de aanbestedingen zijn er te veel aanbieders
#: gekomen", "de aanbestedingen leiden tot versnippering" (national news on market forces in youth care) -- names the
#: practice, as "de gemeenten" alone names the municipalities in general (:func:`buyer_purchases`), when the page names
#: no particular buyer anywhere (:func:`_local_buyer`: no municipality, region, college or province) and the sentence
#: tells no step taken. A page of a buyer ("De gemeente Ede ... De aanbestedingen starten in maart") keeps its
#: procurements; "de twee aanbestedingen", "onze aanbestedingen", "de regionale aanbestedingen" are determined.
_THE_BEFORE = re.compile(r"\bde\s+$", re.I)


@lru_cache(maxsize=8)
def _page_without_buyer(text: str) -> bool:
    return not _local_buyer(text)


def _generic_definite_plural(word: str, before: str, sentence: str, text: str) -> bool:
    return bool(_BARE_PLURAL.match(word) and _THE_BEFORE.search(before) and not _STEP_TOLD.search(sentence)
                and not _REPORTED.search(sentence) and not _DEADLINE.search(sentence) and _page_without_buyer(text))


def bare_plural(term_match: re.Match, text: str) -> bool:
    """Is this procedure-term match a bare plural in a sentence that reports no step ("aanbestedingen elkaar snel
    opvolgen", "moeten inkoopprocedures tijdig starten")? Branch rel8: the Dutch bare plural names the kind, not one
    procurement (as :func:`particular` (c) reads it); read in core as well. Branch rel17: so does the definite plural
    with its article alone on a page naming no buyer (:func:`_generic_definite_plural`)."""
    word = _word_at(text, term_match.start(), term_match.end())
    if not _BARE_PLURAL.match(word):
        return False
    # the sentence around it, read at most 400 characters either side (linear on a page without full stops)
    lo, hi = max(0, term_match.start() - 400), min(len(text), term_match.end() + 400)
    sent_start = max(text.rfind(".", lo, term_match.start()), text.rfind("\n", lo, term_match.start()), lo - 1) + 1
    sent_end = min((i for i in (text.find(".", term_match.end(), hi), text.find("\n", term_match.end(), hi)) if i >= 0), default=hi)
    before = text[max(sent_start, term_match.start() - 40):term_match.start()]
    if _generic_definite_plural(word, before, text[sent_start:sent_end], text):
        return True
    return not _DETERMINED.search(before) and not _sentence_reads(text, sent_start, sent_end)[0]


def _particular_acts(patterns: list[str], text: str) -> list[str]:
    found: dict[str, None] = {}
    for p in patterns:
        for m in re.finditer(p, text, re.I):
            if particular(m, text):
                found.setdefault(m.group(0).lower(), None)
    return list(found)


_COURT_STAGES = frozenset({"kort_geding", "bodemprocedure", "hoger_beroep"})
# the proceedings named ("een kort geding aangespannen over de tarieven", "in hoger beroep"), not only the court
_PROCEEDINGS = re.compile(r"\bgeding\w*|\bbodemprocedure\w*|\bberoep\w*|\bdagvaard\w*", re.I)


#: Branch rel5: transport to youth care -- "jeugdwetvervoer", "Wmo-begeleid/jeugdzorgvervoer", "jeugdhulpvervoer" -- is
#: transport, bought with the pupils' and Wmo clients' transport ("het leerlingenvervoer en jeugdwetvervoer in de
#: aanbesteding opgenomen"), not youth care: the head of a Dutch compound names the thing, its first part only what it is
#: for (as branch cv33 reads "Inkoophandreiking" as a handreiking). Read as its head, "vervoer", everywhere (core; rule
#: rel.adjacent_topic did so in the title and lead only).
_TRANSPORT_COMPOUND = re.compile(r"jeugd\w*?vervoer", re.I)


def _as_transport(text: str | None) -> str | None:
    return (_TRANSPORT_COMPOUND.sub(lambda m: "Vervoer" if m.group(0)[0].isupper() else "vervoer", text)
            if text and "ervoer" in text else text)


#: Branch rel7: an administration, its registration system or software *for* youth care -- "een nieuwe zorgadministratie
#: voor jeugdhulp en Wmo aanbesteed", "het registratiesysteem voor de jeugdzorg ingekocht", "de software voor de jeugdhulp"
#: -- is the administration bought, youth care only what it serves (as "jeugdwetvervoer" is transport), also in a headline
#: without the preposition ("Zorgadministratie jeugdhulp en Wmo"): the youth term after it is read as a plain "doelgroep".
#: Not "het systeem van de jeugdzorg" (the youth-care system is youth care). Bounded: one word, a preposition, at most an
#: article.
_FOR_YOUTH_CARE = re.compile(r"\b(\w+) ((?:(?:voor|van) )?(?:de |het )?)jeugd\w*", re.I)
_ADMINISTRATION = re.compile(r"administratie|registratiesystee?m|software|applicatie", re.I)


def _as_administration(text: str | None) -> str | None:
    return (_FOR_YOUTH_CARE.sub(lambda m: f"{m.group(1)} {m.group(2)}doelgroep" if _ADMINISTRATION.search(m.group(1))
                                else m.group(0), text)
            if text and _ADMINISTRATION.search(text) else text)


#: Branch rel8: the text of a council motion or amendment -- "Constaterende dat ... Overwegende dat ... Verzoekt het
#: college om ... En gaat over tot de orde van de dag" -- is a proposal in the fixed form of Dutch council (and
#: parliamentary) motions: its considerations state what the council sees, its request what it wants done; it reports no
#: step of a procurement, as a regulation or a handbook does not (the title genres). Read in the text, with both parts of
#: the form: a consideration and a request to the executive (or the closing formula). A news report about a motion ("De
#: motie verzoekt het college ...") tells the request without the considerations; a regulation's preamble considers and
#: decides ("overwegende dat ...; besluit vast te stellen"), it requests nothing. A motion about a named youth-care tender
#: ("verzoekt het college de aanbesteding van de specialistische jeugdhulp op te schorten") and one beside a step reported
#: stay relevant (the genre rule's exceptions). In core: the document's own form, no kind of site.
_MOTION_CONSIDER = re.compile(r"\b(?:constaterende|overwegende|van oordeel|voorts overwegende)(?: dat\b|\s*:)", re.I)
_MOTION_REQUEST = re.compile(r"\b(?:verzoekt|verzoeken|draagt|dragen) (?:het college|de wethouder|de burgemeester|het presidium|"
                             r"de regering|het kabinet|de minister|het dagelijks bestuur|het algemeen bestuur)\b|"
                             r"\bgaat over tot de orde van de dag\b|\bals volgt te wijzigen\b", re.I)


def motion_text(text: str) -> bool:
    """Is ``text`` a motion's or amendment's own text (a consideration and a request, see above)?"""
    return bool(_MOTION_CONSIDER.search(text) and _MOTION_REQUEST.search(text))


#: Branch rel19: a meeting's agenda (the title names it: "Agenda gemeenteraad 12 maart", "Raadsagenda", "Agenda
#: commissie Samenleving") that lists four or more numbered items, youth care named in one of them only and nowhere else
#: on the page, is about the meeting, not the procurement (the gold rules: the page is about the procurement; the corpus's
#: council agenda whose side item is "beleidsuitgangspunten voor inkoop van jeugdhulp" is `other`). An agenda whose title
#: names youth care, or that names it in its intro or in two items, stays read as its words say. In core: the page's own
#: form.
#: Branch rel20 widened the form to the other ways an agenda is written (core): its items as a bulleted list ("- Opening",
#: "• Vaststellen van de agenda", as a site's ``<li>`` is extracted) or as "Agendapunt 4: ..." lines, and the agenda named
#: by the meeting in the title ("Raadsvergadering 12 maart", "Vergadering commissie Samenleving") or in the line that opens
#: the items ("Op de agenda staan de volgende onderwerpen:", "Agenda") when the title names no meeting.
_AGENDA_TITLE = re.compile(r"\b(?:raads|commissie)?agenda\b|\b(?:raads|commissie)vergadering\b|"
                           r"\bvergadering (?:van )?(?:de )?(?:gemeenteraad|raad|commissie|raadscommissie)\b", re.I)
_AGENDA_OPENS = re.compile(r"\bagenda(?:punten)?\b", re.I)
_AGENDA_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[a-z]?[.)]|[-•*–·▪◦]|agendapunt \d{1,2}[a-z]?\s*[:.)-]?)[ \t]+\S[^\n]*",
                          re.M | re.I)


def agenda_page(title: str | None, text: str) -> bool:
    """Whether ``text`` is a meeting's agenda with youth care as one item among others (see above)."""
    if not title or _matches(YOUTH_CORE, title):
        return False
    items = list(_AGENDA_ITEM.finditer(text))
    if len(items) < 4 or sum(1 for it in items if _matches(YOUTH_CORE, it.group(0))) != 1:
        return False
    if not _AGENDA_TITLE.search(title):
        opening = [ln for ln in text[:items[0].start()].split("\n") if ln.strip()]
        if not opening or not _AGENDA_OPENS.search(opening[-1]):
            return False
    return not _matches(YOUTH_CORE, _AGENDA_ITEM.sub(" ", text))


#: Branch rel20: a directory of providers -- a municipality's or region's page listing the providers it holds contracts
#: with, for a parent to choose from ("Er zijn 6 aanbieders gecontracteerd door de gemeente Opmeer:", "In onderstaande
#: lijst vindt u alle gecontracteerde aanbieders per perceel", then one provider's name a line) -- tells who is contracted
#: now, no step of a purchase (the gold rules: such a page is `youth_care_no_procurement`; its providers are `provider`,
#: no awardees). Read from the page's form: a list of three or more short lines of names (a list mark, at most eight
#: words, no sentence in them; short headings such as "Perceel 1 Ambulante jeugdhulp" between them) and the line before
#: it, which introduces the list -- it ends in a colon or points to it ("hieronder", "onderstaande", "de volgende", "deze
#: lijst", "overzicht", "gids") -- and names the providers as a set. The introducing sentences that name the set, and the
#: list's own lines, give no procedure evidence; the page's other sentences are read as they stand. A sentence that
#: reports the step -- a year, a step done ("is gegund", "de gegunde partijen", :data:`_REPORTED`) or the winners' side
#: ("hebben de aanbesteding gewonnen", "hebben een contract gekregen", contracts closed) -- stays evidence: an award news
#: with its list of winners is no directory. In core: the page's form, no words of one site.
_LIST_NAME = re.compile(r"^[ \t]*(?:[-•*–·▪◦]|\d{1,2}[.)])[ \t]+(\S[^\n]{0,79})$")
_LIST_HEADING = re.compile(r"^[ \t]*[^\W\d_][^.!?:\n]{0,59}$")
_LIST_POINTER = re.compile(r"\b(?:hieronder|onderstaande?|(?:de|het) volgende|deze lijst|de lijst|overzicht|\w*gids)\b", re.I)
_PROVIDER_SET = re.compile(r"\b\w*(?:aanbieders|partijen|organisaties|instellingen|praktijken|zorgverleners)\b", re.I)
_WINNERS_TOLD = re.compile(r"\b(?:gewonnen|gekregen|gegund|gesloten|afgesloten|ondertekend|getekend|geselecteerd|gekozen)\b",
                           re.I)


def _name_line(line: str) -> bool:
    m = _LIST_NAME.match(line)
    return bool(m) and len(m.group(1).split()) <= 8 and not re.search(r"[.!?;]\s+\S|[!?;]\s*$", m.group(1))


def _heading_line(line: str) -> bool:
    return bool(_LIST_HEADING.match(line)) and len(line.split()) <= 6


def directory_sentences(text: str) -> set[str]:
    """The introducing sentences and the lines of a directory of providers in ``text`` (branch rel20, see above)."""
    lines = text.split("\n")
    out: set[str] = set()
    i = 0
    while i < len(lines):
        if not _name_line(lines[i]):
            i += 1
            continue
        j, names = i, 0
        while j < len(lines) and (_name_line(lines[j]) or not lines[j].strip() or _heading_line(lines[j])):
            names += _name_line(lines[j])
            j += 1
        block = lines[i:j]
        while block and not _name_line(block[-1]):  # a heading after the last name opens the page's next part
            block.pop()
        k = i  # the headings right above the first name ("Perceel 1 Ambulante jeugdhulp") are the list's
        while k > 0 and (not lines[k - 1].strip() or _heading_line(lines[k - 1])):
            k -= 1
        if names >= 3 and k > 0:  # lines[k - 1]: the first line above that is neither blank nor a heading
            intro = lines[k - 1]
            sents = re.split(r"(?<=[.!?])\s+(?=[A-Z'\"‘“])", intro.strip())
            if intro.rstrip().endswith(":") or any(_LIST_POINTER.search(x) for x in sents):
                told = [x for x in sents if _PROVIDER_SET.search(x)
                        and not _REPORTED.search(x) and not _WINNERS_TOLD.search(x)]
                if told:
                    out.update(told)
                    out.update(b for b in lines[k:i] + block if b.strip())
        i = max(j, i + 1)
    return out


#: Branch rel9: the mood of a sentence -- a question asks, a supposition supposes; neither reports a procurement. "Wanneer
#: wordt de aanbesteding jeugdhulp gegund?" (a council's written question), "Stel dat de contracten van de gemeente ...
#: aflopen op 1 januari 2022, dan moet zij nu de inkoop voorbereiden. De nieuwe contracten gaan dan in per 2022" (an
#: adviser's example), "Als de aanbesteding mislukt, dan staan kinderen in de kou" (an opinion) tell what is asked or
#: what would follow, not a step taken. Read by Dutch's own marks: the question mark; a sentence opening a supposition
#: ("Stel dat", "Stel je voor", "Gesteld dat", "Veronderstel dat", "Mocht ...") or an if-then ("Als/Indien/Wanneer ...,
#: dan ..."); and the sentences after it on its line that carry its consequent "dan" (not the "dan" of a comparison,
#: "meer dan", nor "dan ook"). The title is left alone: a headline's question names what the page is about. In core:
#: grammar, no kind of site.
_SUPPOSE = re.compile(r"^\W*(?:stel(?: nu| nou| eens)?(?: dat\b|,)|stel je (?:eens )?voor\b|gesteld dat\b|veronderstel(?: nu)? dat\b|"
                      r"aangenomen dat\b|mocht(?:en)?\b|(?:als|indien|wanneer|ingeval)\b[^.!?\n]{0,300}?,\s*dan\b)", re.I)
_CONSEQUENT = re.compile(r"(?<!er )(?<!anders )(?<!niet )\bdan\b(?! ook\b)", re.I)


def asking_or_supposing(full: str, title: str | None = None) -> set[str]:
    """The sentences of ``full`` in the mood of a question or a supposition (branch rel9, see above)."""
    out: set[str] = set()
    head = (title or "").strip()
    for line in full.split("\n"):
        supposing = False
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z'\"‘“])", line):
            s = sent.strip()
            if not s or s == head:
                continue
            if s.endswith("?"):
                out.add(sent)
                continue
            if _SUPPOSE.match(s) or (supposing and _CONSEQUENT.search(s)):
                supposing = True
                out.add(sent)
            else:
                supposing = False
    return out


#: Branch rel10: a general statement about tenders -- "wanneer een instelling een aanbesteding verliest, ...", "Hoewel de
#: problemen geen direct gevolg zijn van een aanbesteding", "Bij een aanbesteding moet de gemeente ... ", "Volgens de
#: regels moeten instellingen die op jeugdzorg inschrijven ..." -- tells what happens with tenders in general (a habit, a
#: rule, a condition without its "dan"), not a report of one procurement. Read by Dutch's own sign of the general: a
#: conditional, concessive or circumstantial opener (wanneer, als, indien, zodra, hoewel, bij) whose procedure noun is
#: indefinite ("een aanbesteding": any tender), or a modal whose subject is a bare plural of the trade ("moeten
#: instellingen", "aanbieders moeten": any provider). Not when the sentence reports a step (a year, a step done, a closing
#: day: "Bij een aanbesteding in 2019 ..."); a definite tender ("Als de aanbesteding is afgerond, ...") is a plan of one
#: procurement and stays. Bounded (at most 120 characters between opener and noun): linear on long text. In core: grammar.
_PROC_NOUN = (r"(?:aanbesteding|aanbestedingsprocedure|aanbestedingstraject|inkoopprocedure|inkooptraject|inkoopronde|"
              r"tender|gunning|inschrijving|offerteaanvraag)")
_GENERAL_CONDITION = re.compile(r"\b(?:wanneer|als|indien|zodra|hoewel|bij|ingeval)\b[^.!?\n]{0,120}?\been (?:[\w-]+ ){0,2}?"
                                + _PROC_NOUN + r"\b", re.I)
_TRADE_PLURAL = r"(?:aanbieders|zorgaanbieders|jeugdhulpaanbieders|jeugdzorgaanbieders|instellingen|zorginstellingen|gemeenten|partijen|organisaties|inschrijvers)"
_GENERAL_MODAL = re.compile(r"\b(?:moeten|kunnen|mogen|hoeven) " + _TRADE_PLURAL + r"\b(?! van (?:de|het|deze|die) )|"
                            r"(?:^|[,:;]\s*)" + _TRADE_PLURAL + r" (?:moeten|kunnen|mogen|hoeven)\b", re.I)


def general_statements(full: str, title: str | None = None) -> set[str]:
    """The sentences of ``full`` that state what happens with tenders in general (branch rel10, see above)."""
    out: set[str] = set()
    head = (title or "").strip()
    for line in full.split("\n"):
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z'\"‘“„])", line):
            s = sent.strip()
            if not s or s == head or not re.search(r"aanbest|inkoop|tender|gunning|inschrijv|offerte", s, re.I):
                continue
            if (_GENERAL_CONDITION.search(s) or _GENERAL_MODAL.search(s)) and not (_REPORTED.search(s) or _DEADLINE.search(s)):
                out.add(sent)
    return out


#: Branch rel10: the page's own kind read from its structure -- written questions ("Vraag 1: Wanneer wordt ...?", a
#: council member's questions to the executive) are a page of questions when two or more of its sentences ask and at least
#: half of the sentences naming a procurement ask, and no answer is given ("Antwoord", "Beantwoording"). Its title names
#: the subject asked about ("Schriftelijke vragen over de aanbesteding jeugdhulp"), not a step taken: on such a page the
#: title is read in the page's mood (rel9 left the title alone: a headline's question names what a news page reports).
_ANSWER = re.compile(r"\b(?:antwoord(?:en)?|beantwoording)\b", re.I)
_PROC_WORD = re.compile(r"aanbest|inkoop|tender|gunning|gegund|inschrijv|offerte|contract|percel|perceel", re.I)


def questions_page(text: str, asked: set[str]) -> bool:
    """Is ``text`` (the page without its title) a page of questions (see above)? ``asked``: its sentences in the mood
    of a question or supposition (:func:`asking_or_supposing`)."""
    if _ANSWER.search(text):
        return False
    questions = [s for s in asked if s.strip().endswith("?")]
    if len(questions) < 2:
        return False
    proc = [s for line in text.split("\n") for s in re.split(r"(?<=[.!?])\s+(?=[A-Z'\"‘“„])", line)
            if s.strip() and _PROC_WORD.search(s)]
    return bool(proc) and 2 * sum(1 for s in proc if s.strip().endswith("?")) >= len(proc)


#: Branch rel10: a judgement's own text of civil summary proceedings -- "Vonnis in kort geding", a "KG ZA" case number --
#: against a public body ("de publiekrechtelijke rechtspersoon Gemeente X ..., gedaagde(n)") is stages.md's kort_geding
#: brought by providers against a buyer: the provider's civil claim against a municipality is about its purchase (the
#: award, the terms, the tariffs), as an administrative case of a client (pgb, Wmo) is not (that is no "vonnis in kort
#: geding" against a "gedaagde"). It is a procedure act even when the stored text names no procurement word (a
#: judgement's published opening: the parties and the facts); it is about youth care when the judgement names youth
#: care anywhere (one case, one subject). In core: the document's own form.
_SUMMARY_JUDGEMENT = re.compile(r"\bvonnis in kort geding\b|\bKG ZA\b", re.I)
_PUBLIC_DEFENDANT = re.compile(r"\bpubliekrechtelijke rechtspersoon\b[^\n]{0,200}(?:\n[^\n]{0,200}){0,4}?\n?[^\n]{0,40}\bgedaagden?\b",
                               re.I)


def judgement_against_buyer(text: str) -> list[str]:
    """``["vonnis in kort geding"]`` when ``text`` is a civil summary judgement against a public body (see above)."""
    if _SUMMARY_JUDGEMENT.search(text) and _PUBLIC_DEFENDANT.search(text):
        return ["vonnis in kort geding"]
    return []


#: Branch rel15: a contract whose object is rent, a building or a site, or employment -- "Het contract voor de huur is
#: getekend" (a provider opening a new location), "huurovereenkomst", "arbeidscontract" -- is no contract for care: its
#: signing or start is no step of a purchase (stages.md's contract_ondertekend is the contract of the procurement), unless
#: the sentence names the purchase itself.
_NON_CARE_CONTRACT = re.compile(r"\b(?:contract|overeenkomst)(?:en)? (?:voor|van) (?:de |het |een )?(?:huur|pand|gebouw|"
                                r"locatie|woning|kantoor\w*|grond|verkoop|aankoop)\b|"
                                r"\b(?:huur|arbeids|koop|pacht)(?:contract|overeenkomst)(?:en)?\b", re.I)
_CARE_PURCHASE_WORD = re.compile(r"aanbest|inkoop|ingekocht|gegund|gunning|tender|inschrijv|offerte",
                                 re.I)


def relevance(text: str, title: str | None = None, stages: list[dict] | None = None) -> dict:
    title, text = _as_administration(_as_transport(title)), _as_administration(_as_transport(text))
    # branch rel18: the links and tags a page shows are not its own text (core)
    text, linked = link_lines(text)
    if linked:  # a step read in a link line goes with it; the page's own stay
        stages = [s for s in stages or [] if not ((sent := (s.get("sentence") or "").strip())
                                                 and any(sent in c for c in linked))]
    full = (title + "\n" if title else "") + text
    if on("rel.registered_resident"):
        full = RESIDENT.sub(" ", full)
        stages = [s for s in stages or [] if not (s["stage"] == "inschrijving" and RESIDENT.search(s.get("cue") or "")
                                                 or s["stage"] == "inschrijving" and RESIDENT.search(s.get("sentence") or "")
                                                 and (s.get("cue") or "").lower() == "ingeschreven")]
    # branch cv48: an enrolment in an event, a course, a mailing list or a register is no tender enrolment (core)
    if NON_TENDER_ENROLMENT.search(full):
        stages = [s for s in stages or [] if not (s["stage"] == "inschrijving" and NON_TENDER_ENROLMENT.search(s.get("sentence") or "")
                                                 and not re.search(r"aanbested|tender|inschrijvingstermijn|offerte", s.get("sentence") or "", re.I))]
        full = NON_TENDER_ENROLMENT.sub(" ", full)
    # branch rel15: a contract of rent, property or employment signed is no care contract (core)
    stages = [s for s in stages or [] if not (_NON_CARE_CONTRACT.search(s.get("sentence") or "")
                                             and not _CARE_PURCHASE_WORD.search(s.get("sentence") or ""))]
    full = without_passing_tenders(full)
    youth = _matches(YOUTH_CORE, full)
    # branch cv45: the steps of another service's procurement, and national politics about procurement in general, are
    # no evidence of a youth-care procurement (core)
    # (the terms are still counted for the rule's name and the score: a Wmo tender keeps "procurement_term_only")
    other = other_purchase_sentences(full, title) | national_debate_sentences(full, title)
    asked = asking_or_supposing(full, title)  # branch rel9: no procedure evidence; the page's other cues stay
    if title and title.strip() and questions_page(text, asked):
        asked.add(title.strip())  # branch rel10: a page of questions asks about what its title names (core)
    asked |= general_statements(full, title)  # branch rel10: a general statement about tenders reports none (core)
    asked |= directory_sentences(text)  # branch rel20: a directory of providers tells who is contracted (core)
    strong = _matches(PROCUREMENT_STRONG, full)
    weak = _matches(PROCUREMENT_WEAK, full)
    if other:
        full = _without(full, other)
        stages = [s for s in stages or [] if not any((s.get("sentence") or "").strip() and (s.get("sentence") or "").strip() in o
                                                     for o in other)]
    shown = full  # branch rel9: the page with its questions (a job advert's "Wat bieden wij?" is its own cue)
    if asked:
        full = _without(full, asked)
        stages = [s for s in stages or [] if not any((s.get("sentence") or "").strip() and (s.get("sentence") or "").strip() in o
                                                     for o in asked)]
    acts = ((_particular_acts if on("rel.particular_procedure") else _core_acts)(PROCUREMENT_ACT, full)
            + (_matches([r"\binkoopbureau\w*"], full) if on("rel.purchasing_body") else [])
            + (plain := plain_purchases(full) if on("rel.plain_purchase") else [])
            # branch cv40: a particular buyer buys youth care ("Het college wil ... jeugdhulp gaan inkopen"), in core
            + (bought := buyer_purchases(full))
            # branch cv48: a purchasing round of youth care told as a step taken, in core
            + (rounds := told_rounds(full))
            # branch rel10: a civil summary judgement against a public body is the buyer's kort geding, in core
            + (judged := judgement_against_buyer(text))
            # branch rel11: a youth-care body's call for a partner with a closing date, in core
            + (called := partner_calls(full, shown))
            # branch rel12: a purchasing round of youth care referred back to ("Met deze inkoop ..."), in core
            + (referred := referred_rounds(full))
            # branch rel14: the market consulted with its verbs, youth care reorganised beside its contracts, in core
            + (consulted := consulted_markets(full))
            + (reorganised := reorganised_contracting(full))
            # branch rel17: a Dutch municipality's page in English, in core
            + (english := english_procurements(full))
            # round ten: who delivers the youth care from a date on (stage.service_statement, "Vanaf 1 januari 2024 is
            # hiervoor één organisatie ...: MetMaya") is the outcome of a purchase, told without a procedure word
            + ([m.group(0).lower() for rx in (SERVICE_FROM, SERVICE_DONE) for m in re.finditer(rx, full)]
               if on("stage.service_statement") else []))
    adjacent = _matches(ADJACENT, shown)
    regulation = _matches(REGULATION, shown)
    stats = _matches(STATISTICS, shown)
    vacancy = _matches(VACANCY, shown)
    budget = _matches(BUDGET, shown)
    procurement = bool(strong) or len(weak) >= 2
    floor = STAGE_RANK["aankondiging"]
    in_title = (lambda s: on("rel.title_cue") and bool(title) and (s.get("sentence") or "").strip() == title.strip())
    def generic_cue(s: dict) -> bool:  # "elke gecontracteerde aanbieder ontvangt ...": a statement, not a step
        sent, cue = s.get("sentence") or "", s.get("cue") or ""
        i = sent.find(cue)
        return (on("rel.particular_procedure") and i >= 0 and not _REPORTED.search(sent)
                and bool(_GENERIC_BEFORE.search(sent[max(0, i - 40):i]) or _generic(sent)
                         or _LIST_INTRO.search(sent)))
    # branch rel1: a court that rules is a step of a procurement only on a page with procurement vocabulary beside
    # "contract" or when the proceedings are named (a kort geding providers brought over the tariffs) -- a ruling about
    # youth care whose only such word is the care contract ("De rechtbank oordeelt dat jeugdzorgaanbieder X het geld niet
    # hoeft terug te betalen. Het contract liep tot 2022.") is a dispute about care, money or a contract ended (core)
    court_case_of_tender = bool(strong or _matches(PROCUREMENT_ACT, full))
    stage_cues = [s for s in stages or [] if (s.get("strong", s.get("evidence") == "strong") or in_title(s)) and not generic_cue(s)
                  and (STAGE_RANK.get(s["stage"], -1) >= floor
                       or re.search(r"inkoop|aanbest|verwerving|contract", s.get("sentence") or "", re.I))
                  and (s["stage"] not in _COURT_STAGES or court_case_of_tender or _PROCEEDINGS.search(s.get("cue") or ""))]
    procedure = bool(acts) or (bool(stage_cues) and (procurement or bool(weak)))
    # "about": the procedure must be one *of youth care* -- a youth term in the title, or in a
    # paragraph that also names the procedure step (a Wmo tender page that mentions "jeugd"
    # in passing is not about youth-care procurement).
    # (a plain purchase names youth care in its own sentence: rel.plain_purchase)
    # branch rel9: a question may name the youth care of the step told beside it (the page with its questions)
    together = not on("rel.together") or bool(plain) or bool(bought) or bool(rounds) or bool(judged) or bool(called) or bool(referred) or bool(consulted) or bool(reorganised) or bool(english) or bool(title and _matches(YOUTH_CORE, title)) or any(
        _matches(YOUTH_CORE, par) and (_matches(PROCUREMENT_ACT, par) or _matches(PROCUREMENT_STRONG, par))
        for par in re.split(r"\n\s*\n|(?<=[.!?])\s+(?=[A-Z])", shown)) or any(
        # a reported step in a paragraph about youth care ("contracten ... ondertekend" beside
        # "jeugdhulpvoorzieningen")
        on("rel.step_beside_youth") and _matches(YOUTH_CORE, par)
        and any((s.get("sentence") or "") and s["sentence"] in par for s in stage_cues)
        for par in _paragraphs(shown)) or any(
        # branch cv48: a particular procedure act in the sentence after one about youth care, in one paragraph ("De regio
        # sluit nieuwe contracten met aanbieders van jeugdhulp. De selectieleidraad staat op TenderNed.")
        _matches(YOUTH_CORE, a) and _particular_acts(PROCUREMENT_ACT, b) for a, b in _sentence_pairs(shown))
    lead = (title or "") + "\n" + _lead_text(text)
    # the title says what kind of page this is (issue 11 round two: one rule for the genres, read
    # in the title only -- a table of contents in a tender document's opening is no handbook)
    head = title or lead
    guidance = _matches(GUIDANCE_HEADS, head)
    report = _matches(REPORT, title or "")
    budget_topic = _matches(BUDGET, title or "")
    budget_core = _matches(BUDGET_CORE, title or "")
    guidance_core = _matches(GUIDANCE_CORE_HEADS, title or "")
    regulation_title = _matches(REGULATION, title or "")
    regulation_core = _matches(REGULATION_CORE, (title or "").strip())
    adjacent_lead = _matches(ADJACENT, lead) or _matches(ADJACENT_TRANSPORT, lead)
    # "Wmo-begeleid/jeugdzorgvervoer", "jeugdwetvervoer": transport to youth care is no youth-care term
    # (rule rel.adjacent_topic, widened in round five)
    lead_youth = re.sub(r"jeugd\w*vervoer", " ", lead, flags=re.I) if on("rel.adjacent_topic") else lead
    adjacent_topic = bool(adjacent_lead) and not _matches(YOUTH_CORE, lead_youth)
    reported = [s for s in stage_cues if s.get("status") in ("done", "current") and STAGE_RANK.get(s["stage"], -1) >= floor]
    motion = motion_text(text)  # branch rel8: a motion's own text proposes (core)
    # branch rel3: two signs of a job advert no procurement news uses make a job advert in core (VACANCY_CORE)
    # branch rel17: with rule rel.vacancy the looser signs ("zoeken wij", "vacatures") make a job advert too -- but not of a
    # page whose title and lead tell a step of a youth-care purchase ("Jeugdzorg X heeft de aanbesteding voor jeugdhulp in
    # Twente gewonnen. ... Daarom zoeken wij nieuwe collega's; kijk op onze vacaturepagina"): that is the provider's news
    # of the tender won, its hiring an aside; an advert that names the tender won keeps two advert signs (VACANCY_CORE)
    if len(vacancy) >= 2 and (len(_matches(VACANCY_CORE, shown)) >= 2
                              or on("rel.vacancy") and not told_rounds(lead)):
        rule, relevant = "vacancy", False
    # branch rel4: a title about money in the words only money news uses (BUDGET_CORE: "4,4 miljoen uit voor jeugdzorg",
    # "Veranderingen in de begroting", "Tekort jeugdzorg loopt op") makes a budget page in core as well, and a title
    # naming a guide's own genre (GUIDANCE_CORE: "Aanbesteden Wmo en Jeugdwet: een handreiking") a guide
    elif (((guidance or report or budget_topic or regulation_title) and on("rel.title_genre"))
          or budget_core or guidance_core or regulation_core or motion) and not reported and not named_procedures(text) and not bought:
        rule = ("motion" if motion else "guidance" if guidance_core and not on("rel.title_genre") else
                "budget_topic" if budget_core and not on("rel.title_genre") else
                "regulation_title" if regulation_core and not on("rel.title_genre") else "guidance" if guidance else "report"
                if report else "budget_topic" if budget_topic
                else "regulation_title")
        relevant = False
    elif agenda_page(title, text):  # branch rel19: youth care one item of a meeting's agenda (core)
        rule, relevant = "agenda", False
    elif adjacent_topic and youth and on("rel.adjacent_topic"):
        rule, relevant = "adjacent_topic", False
    elif youth and len(regulation) >= 2 and len(strong) <= 1 and on("rel.regulation"):
        # round ten: a regulation text names itself in more than one form (verordening, artikel 4, nadere
        # regels, beleidsregels); one "de verordening" in a council debate on a tender is no regulation
        rule, relevant = "regulation", False
    elif youth and procedure and together:
        rule, relevant = "youth_term+procedure", True
    elif youth and procedure:
        rule, relevant = "procedure_not_about_youth", False
    elif youth and (procurement or weak):
        rule, relevant = "youth_term_no_procedure", False
    elif youth:
        rule, relevant = "youth_term_only", False
    elif strong or weak:
        rule, relevant = ("procurement_term_only" if procurement else "adjacent_only" if adjacent else "no_terms"), False
    elif adjacent:
        rule, relevant = "adjacent_only", False
    else:
        rule, relevant = "no_terms", False
    score = 0.5 * min(len(youth), 3) / 3 + 0.5 * min(len(strong) + 0.5 * len(weak), 4) / 4
    score -= 0.1 * min(len(adjacent), 3) + 0.1 * min(len(regulation), 2) + 0.05 * min(len(stats), 2)
    score -= 0.05 * min(len(budget), 2) + 0.1 * min(len(vacancy), 2)
    if not relevant:
        score = min(score, 0.49)
    score = round(max(0.0, min(1.0, score)), 3)
    return {"relevant": relevant, "relevance_score": score, "relevance_rule": rule,
            "matched_terms": youth + strong + weak, "adjacent_terms": adjacent,
            "procedure_terms": acts, "stage_cues": sorted({s["stage"] for s in stage_cues}),
            "vacancy_terms": vacancy, "budget_terms": budget, "guidance_terms": guidance, "report_terms": report}
