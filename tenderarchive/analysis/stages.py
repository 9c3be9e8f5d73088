"""Procurement stage detection with tense (news-sites §3.3).

Stage ids: exactly those of ``docs/reference/stages.md`` in their procedure
order (:data:`vocabulary.STAGE_ORDER`); ``kort_geding``, ``bodemprocedure`` and
``hoger_beroep`` are separate stages. No other id is ever produced.

Each cue hit gets a status ``done | current | planned``:

1. dates in the same clause, compared with the text's reference date (publication
   date, else the date the text itself implies): a deadline (``tot``, ``uiterlijk``,
   ``deadline``) still ahead -> current; ``sinds <date>`` -> current; a date before the
   reference -> done, after it -> planned;
2. otherwise the tense marker nearest to the cue in the clause, then in the sentence:
   future (zal, zullen, gaat, volgt, naar verwachting, streven, willen, straks,
   later, a.s., pas ... na, uiteindelijke) -> planned; nog, nu, momenteel, loopt ->
   current; auxiliary + participle (heeft ... gepubliceerd, is ... gehouden, vond
   plaats, geweest) -> done; a ruling (uitspraak, vonnis) is done by nature;
3. no marker: current, but marked ``weak`` -- unless a present-tense main verb has the step's noun as its object
   ("De regio organiseert een marktconsultatie", "zetten hun handtekening onder de contracten"): strong (branch cv72).

Rules from §3.3: (a) most stages are planned and tense decides; (b) a ruling about
pgb or Wmo is not a tender ruling; (c) a Nota van Inlichtingen in a
marktconsultatie sentence belongs to the marktconsultatie; (d) a heading such as
"Definitieve gunning" takes its status from the sentence under it.

Merging per stage: strong evidence beats weak; among equals current > done >
planned (a provisional award that "is nog" provisional stays current).

``primary_stage`` (stages.md rules): the newest stage in the order that is done or
current (strong evidence first, weak as fallback). A legal stage or ``mislukt`` outranks
the stage it interrupted -- the order already puts them after the award -- except that a
*done* legal stage or failure yields to a *current* earlier stage: the procedure was
restarted and the text's own period is the restart ("na het kort geding kan opnieuw
worden ingeschreven"). Planned stages are never primary. When a text speaks of "de
aanbesteding" in the present and names no stage from ``aankondiging`` on,
``aankondiging`` is added as current (stages.md: "or aankondiging when it says no more").
A step the title tells done or current makes the body's tense-less telling of it strong evidence, and a done step
of the previous round ("De huidige contracten zijn in 2020 gegund", "De vorige aanbesteding ...") is background
where the page tells a step of its own; a done failure or court step told as back-story ("Eerder werd ...", a
pluperfect main verb) yields to a step from ``aankondiging`` on the page tells itself (branch cv71).
Branch cv73: the present passive with a month ahead ("Er wordt in april een marktconsultatie gehouden") is planned, as
the active present is; "de gunning" an objection is made against is the provisional award (stages.md: the objection
falls in the standstill), so the objection stays the page's news; the perfect of aanbesteden ("is opnieuw
aanbesteed", "heeft de jeugdhulp Europees aanbesteed", not under an order nor "aanbesteed wordt") is the procedure
put out, ``aankondiging`` done.
Branch cv74: the draft of the tender documents ("het concept van de offerteaanvraag", shared for advice or comment) is
the documents being prepared, ``voorbereiding`` -- and on such a page the bare "de offerteaanvraag" is that draft, no
call to tender; a party "betrokken bij" a step in the present passive or a future ("Aanbieders worden betrokken bij de
beoordeling") describes the procedure's design, the step planned; the settling word of an objection counts after it
("Een afgewezen aanbieder heeft bezwaar aangetekend tegen de gunning" is an objection made); "De inschrijving ... is
gesloten" is the enrolment done. Each stage also in the
words a municipal page uses beside the fixed cues (vocabulary: "verstrekt/toegekend aan", "aanbestedingsstukken ...
gepubliceerd", "op de markt gezet", "vragen indienen", "toegelaten tot de volgende fase", "een bod uitbrengen",
"lopen ... langer door", "De nieuwe aanbieders starten op 1 januari", "de aanbesteding is beëindigd").
Branch cv75: an appeal announced ("De gemeente gaat in hoger beroep") is ``hoger_beroep`` planned -- the party says it
will appeal, nothing is lodged yet (the dev gold reads it so); an appeal lodged ("heeft hoger beroep ingesteld",
"aangetekend") is the stage current until a ruling in the appeal is reported, in the core reading too. The intention to
award made known ("laat weten aan wie zij de opdracht wil gunnen", "maakt bekend aan wie zij gunt") is
``voorlopige_gunning``, its status the telling's own tense (not the "wil" of the intention); a directory of the
contracted providers ("Alle aanbieders die ... zijn gecontracteerd, staan op de website") is weak evidence of the award,
no award news: any step the page tells outranks it.
Branch cv76: clients moving to another provider ("jongeren gaan per 1 januari over naar een andere aanbieder") and the
run-in of new contracts ("een transitiejaar voor de nieuwe contracten", "de aanloopfase", "de overgangsperiode") are
``implementatie``; the separable "ingaan" around an undated time ("De nieuwe contracten gaan volgend jaar in") is the
start, planned; the existing contracts carried on until the new round ends ("worden voortgezet / lopen door tot de
nieuwe aanbesteding is afgerond") are ``verlenging``, and a step told in such a clause of time ("tot/zodra ... is
afgerond") is to come, its perfect no past; a step whose own predicate says it is put off ("de definitieve gunning ...
is uitgesteld") is planned; contracts to be concluded or providers to be selected from a year ("Vanaf 2020 moeten
nieuwe contracten worden afgesloten") are no start ahead (``_START_NOT``).
Branch cv77: a step named as the end of something else in the present ("Het contactverbod eindigt bij de gunning", "De
overbruggingscontracten lopen tot de gunning") is the moment waited for, planned; a step scheduled for a time ("Gunning
van de opdracht is voorzien in juni 2021", "De gunning staat gepland voor juni") is planned unless a date in its clause
is behind the page's own; the enrolment said possible ("Overigens is inschrijving ook nog steeds mogelijk") is open
(vocabulary); the new round only named ("Met deze nieuwe inkoop ...") on a page that tells a step of the procedure itself
strongly is that procedure, no preparation reported (``_preparation_behind``).
The one tender evaluated ("Na de beoordeling van de inschrijving ...") is ``beoordeling`` as the plural is, and the
negotiation phase in its other nouns ("een onderhandelingstraject ingegaan", "de onderhandelingsfase") is ``dialoog``
(vocabulary); a court in a sentence about a child-protection measure ("De Raad voor de Kinderbescherming adviseert de
rechtbank ...", a kinderrechter, an ondertoezichtstelling) is no tender proceeding, as rule (b) reads pgb and Wmo.

Hand-written: no available Dutch NLP package models tender stages or this tense
logic; a rule list reviewed against the seed gold is transparent and testable.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from tenderarchive.extraction.dates import label_date
from .rules import on
from .text import Sentence, clause_at, sentences
from .vocabulary import (STAGE_ORDER, COUNCIL_DEBATE, DECIDED_TO_TENDER, DECISION_STARTS, JOINT_PURCHASE, PURCHASE_APPROVED, EXTRA_CUES, IMPLIED_AWARD, IMPLIED_START, INTERRUPTING, NOBODY_ENROLLED, NEW_ROUND, NOT_AWARDED, PLAN_TO_PROCURE, TENDER_TO_COME, PREPARATION_CHOICE, REDO, LEGAL_STAGES,
                         SERVICE_DONE, SERVICE_FROM, STAGE_CUES, STAGE_RANK, VERB_OBJECT_CUES)

# ("akkoord gaan met" is to agree, in the present: no future -- "alle jeugdhulpaanbieders die akkoord gaan met de
# voorwaarden", branch news18)
PLANNED = re.compile(
    r"\b(?:zal|zullen|(?<!akkoord )gaat|(?<!te )(?<!akkoord )gaan|volgt|volgen|verwacht\w*|naar verwachting|streven|streeft|het is de bedoeling|"
    r"willen|wil|straks|binnenkort|komende|a\.s\.|aanstaande|te zijner tijd|pas\b.{0,80}\bna|uiteindelijke|later|"
    r"in de toekomst|gepland|voornemens|van plan|nog niet|nog geen|verwachting is|hoopt|hopen|moet(?:en)? nog|"
    r"zullen worden|wordt verwacht|kunnen straks|"
    # branch cv45: a time ahead without a date -- "De aanbesteding start in het najaar", "volgend jaar", "na de zomer",
    # "later dit jaar" -- with a present tense is the step to come (a past tense beside it is nearer or a date decides)
    r"volgend(?:e)? (?:jaar|week|maand|kwartaal|voorjaar|najaar|zomer)|na de zomer(?:vakantie)?|"
    r"(?:eind|begin|later|medio) (?:dit|volgend) jaar|(?:dit|in het|komend) (?:voorjaar|najaar))\b|\ba\.s\.|^dan\b|"
    r"\bnodig(?:en|t) (?:u|jou|je|jullie|ons) (?:[\w'-]+ ){0,3}uit\b|\buitnodiging\b(?! tot inschrijving)", re.I)
CURRENT = re.compile(r"\b(?:nog(?! niet\b| geen\b)|nu|momenteel|op dit moment|loopt|lopen|lopende|sinds|inmiddels gestart|"
                     r"starten)\b|"
                     # branch cv23: the present tense of starten before its object ("Veendam start een ... procedure"),
                     # not the noun ("de start van de aanbesteding")
                     r"\bstart(?= (?:met )?(?:een|de|het) )", re.I)
# (branch cv56: nor of "nog geen", read as "nog niet" is: "Er is nog geen kort geding aangespannen" is a step still to come)
# (branch cv32: not the "nog" of "nog niet", which PLANNED reads: "de opdracht is nog niet gegund" is the award to come; the
# tie between the two marks at one position went to current)
AUX = re.compile(r"\b(?:heeft|hebben|had|hadden|is|zijn|was|waren|werd|werden)\b", re.I)
_NOT_PARTICIPLE = {"gemeente", "gemeenten", "gesprek", "gesprekken", "gebied", "gebieden", "gezin", "gezinnen",
                   "gevolg", "gevolgen", "geval", "gevallen", "gebruik", "gedeelte", "gedrag", "gewend", "gewoon",
                   "geen", "geven", "gericht", "genoeg", "gesloten", "gelet", "geïnteresseerd", "gezamenlijk",
                   "gedurende", "geheel", "gebeuren", "gegevens", "geld", "gelden", "geldt", "bekend", "betrokken",
                   "verantwoordelijk", "bestaand", "verschillend", "bedoeld", "geschikt", "gelukkig", "gezond",
                   # branch cv66: the present of strong verbs with a prefix, whose participle ends otherwise ("begonnen",
                   # "verlopen", "verschenen"): "In mei begint de inschrijving" is told in the present, no perfect
                   "begint", "bestaat", "ontstaat", "verloopt", "verschijnt", "ontvangt", "vertrekt", "bespreekt",
                   "verstrijkt", "bekijkt", "verkrijgt", "beschrijft", "verdwijnt", "bevindt"}
PARTICIPLE = re.compile(
    # (branch cv24: "binnen" of binnenhalen, "binnengehaald"; the strong "verworven" of verwerven)
    r"\b(?:op|uit|aan|af|in|mee|door|voor|over|terug|plaats|vast|bij|toe|na|samen|stil|stop|binnen)?"
    r"ge\w{2,}(?:d|t|en)\b|\b(?:ver|be|ont|her|er)\w{2,}(?:d|t)\b|"
    r"\b(?:verzonden|plaatsgevonden|besloten|ontvangen|bevonden|begonnen|vertrokken|verkregen|bekeken|besproken|"
    r"ondertekend|aanbesteed|uitbesteed|verworven|"
    # (branch cv56: the participles of mislukken and mislopen/misgaan, whose prefix "mis" is none of the above: "Daarna is
    # de aanbesteding mislukt" is a failure told done, as "is stopgezet" is, not a state read current for want of a tense)
    r"mislukt|misgelopen|misgegaan|"
    # (branch cv55: the strong participles in -aan on their own, "akkoord gegaan", "van start gegaan", "gedaan", once read
    # through the noun "gemeenteraad" the article now keeps out; not with a particle, "is niet doorgegaan")
    # (branch cv56: and "ingegaan", the contract's start told without a date: "Het nieuwe contract is ingegaan")
    r"gegaan|gedaan|gestaan|toegestaan|ingegaan)\b", re.I)
PAST_EVENT = re.compile(r"\bvond(?:en)? .{0,60}plaats\b|\bgeweest\b|\bafgelopen\b|\bdoorlopen\b|\bgeleden\b|\bjl\.|"
                        r"\b(?:\w*tekenden?|sloten|sloot|besloot|kozen|koos|startten?|begonnen|begon|wonnen|kreeg|kregen|"
                        r"gunden?|dienden?|oordeelden?|bepaalden?|stelden?|publiceerden?|kondigden?|weigerden?|"
                        r"trokken|trok|spanden|spande|maakten|maakte|bleek|bleken|werd|werden|schreef|schreven|kon|konden|"
                        # branch cv52: the simple past of gaan ("De aanbesteding ging in maart van start", "ging in zee
                        # met"), as "werd" is: a step that was
                        r"ging|gingen|"
                        # branch cv57: the simple past of verlopen ("Afgezien van het kort geding verliep alles goed":
                        # the court case was, as "ging" tells)
                        r"verliep|verliepen|"
                        # branch cv56: the simple past of komen as of gaan ("Er kwamen geen inschrijvingen binnen": a
                        # failure that was, as "bleek" is)
                        r"kwam|kwamen|"
                        # branch cv63: the simple past of volgen ("Na de marktconsultatie volgde in januari de
                        # vooraankondiging", "verscheen de vooraankondiging"): a step that followed or appeared, as "kwam"
                        # tells (the present "volgt" is PLANNED's)
                        r"volgde|volgden|verscheen|verschenen|"
                        # branch cv65: the simple past of houden ("De gemeente hield in april een marktconsultatie"): a
                        # step held, as "vond plaats" tells
                        r"hield|hielden)\b|"
                        # branch cv34: "kon" is the simple past of kunnen as "konden" is ("Na een periode waarin men
                        # vragen kon stellen"); the simple past of "zijn" tells a step that was ("De predialoogfase was onderdeel
                        # van een marktconsultatie", "de informatiebijeenkomst was op 3 maart"), as "werd" does; not when
                        # denied or not yet ("was nog niet bekend", "was geen sprake van")
                        r"\b(?:was|waren)\b(?! (?:[\w'-]+ ){0,2}?(?:nog niet|niet|geen|nooit)\b)", re.I)
# "is in april 2018 gestart met de ontwikkeling van een inkoopstrategie": the work began then
# and goes on; the date is its start, not its end (issue 11).
ONGOING = re.compile(r"\b(?:gestart|begonnen) met\b|\bbezig met\b|\bwerk(?:t|en) (?:momenteel |nu |hard )?aan\b", re.I)
_ONGOING_STAGES = {"voorbereiding", "marktconsultatie", "dialoog", "implementatie"}
# "vragen stellen" is the inlichtingen step only in a tender's context, not at any meeting.
_TENDER_CONTEXT = re.compile(r"aanbested|inschrij|inkoopdocument|tenderned|nota van inlichtingen|offerte|leidraad", re.I)
_NEGATED = re.compile(r"\b(?:geen|niet|nooit)\b(?: (?:[\w'-]+ ){0,3})?$", re.I)
# branch cv32: a negation inside a cue's verb group ("de opdracht is niet gegund", "het contract wordt niet verlengd") or
# "niet"/"nooit" right before a verb cue ("wordt niet gegund") denies the step: core grammar, not the broad named rule
# `stage.negation` (up to three words before any cue), which cv21 found loses relevance on a negated noun ("Geen nieuwe
# contractperiode"). Not "nog niet"/"nog geen" (not yet: the step is to come, PLANNED reads it planned), nor "niet
# alleen/enkel/slechts/zomaar" (no denial), nor a failure cue ("dat is niet gelukt") or a court step, whose negation is
# the verdict's ("de rechter heeft het kort geding niet toegewezen": a ruling made).
_NEGATION_WORD = re.compile(r"(?<!\bnog )\b(?:niet|geen|nooit)\b(?! (?:alleen|enkel|slechts|zomaar|voor niets)\b)", re.I)
# branch cv46: also before the infinitive with "te" ("besloten de huidige contracten niet te verlengen", "niet meer te
# verlengen"): the step decided against
_NOT_RIGHT_BEFORE = re.compile(r"(?<!\bnog )\b(?:niet|nooit)\s+(?:meer\s+)?(?:te\s+)?$", re.I)


#: branch cv56: "geen" or "nooit" right before the cue's noun, at most an article, "enkel" or one inflected adjective
#: between ("Er is geen kort geding aangespannen", "Er zijn geen bezwaren ingediend", "Er is nooit een kort geding
#: gevoerd", "geen nieuwe contracten gesloten", "Er is geen sprake van een kort geding"): the step denied. Core grammar,
#: as the verb group's negation above; the named rule `stage.negation` (three words of anything before the cue) stays as
#: it is. Not "nog geen" (not yet: the step is to come).
#: The same for "niet tot" ("Het kwam niet tot een kort geding", "is niet tot een kort geding gekomen") and a step given up
#: ("De aanbieders zien af van een kort geding", "hebben afgezien van"; not "Afgezien van het kort geding", apart from).
_DENIED_NOUN = re.compile(r"(?:(?<!\bnog )\bgeen|\bnooit|\bgeen sprake (?:meer )?van|(?<!\bnog )\bniet tot|"
                          r"\b(?:zie[nt]|zag|zagen) (?:[\w'-]+ ){0,3}?af van|\b(?:heeft|hebben|had|hadden) (?:[\w'-]+ ){0,3}?afgezien van)"
                          r"\s+(?:(?:een|de|het)\s+)?(?:(?:enkel|[\w-]+e)\s+)?$", re.I)
#: branch cv56: a denied subject before the step in its clause -- "Niemand heeft bezwaar gemaakt", "Geen van de aanbieders
#: heeft bezwaar gemaakt tegen de voorlopige gunning", "Geen enkele aanbieder is naar de rechter gestapt": no party took
#: the step (an objection or a court case), so it did not happen. Not the tendering: "toen bleek dat geen van de
#: jeugdzorgondernemingen zich had ingeschreven" tells the enrolment period over with no tender (the dev gold's done)
_NOBODY_BEFORE = re.compile(r"\b(?:niemand|geen van (?:de|hen|allen|beide)\b|geen (?:enkele |andere )?"
                            r"(?:aanbieder|partij|inschrijver|gegadigde|zorgaanbieder|jeugdhulpaanbieder)(?:s|en)?\b)"
                            r"(?: (?!en\b|maar\b|of\b|dat\b|die\b|omdat\b|terwijl\b)[\w'-]+){0,8}? ?$", re.I)
_PARTY_STEPS = ("bezwaar",) + LEGAL_STAGES
#: branch cv58: "nog geen" right before the cue's noun (at most an article, "enkel" or one inflected adjective between) --
#: "Er is nog geen bezwaar gemaakt", "Er zijn nog geen bezwaren ingediend" -- is the step not yet taken, to come, however
#: near the cue's own participle stands ("gemaakt" is the cue's verb, denied with it: cv56's "geen" reads the same noun
#: denied, "nog geen" leaves it ahead, as PLANNED reads "nog geen" elsewhere)
_NOT_YET_NOUN = re.compile(r"\bnog geen\s+(?:(?:een|de|het)\s+)?(?:(?:enkel|[\w-]+e)\s+)?$", re.I)


def _negated_in_cue(text: str, m: re.Match) -> bool:
    """Is the cue's own verb group denied: a negation inside the cue, or "niet"/"nooit" right before it?"""
    return bool(_NEGATION_WORD.search(m.group(0)) or _NOT_RIGHT_BEFORE.search(text[max(0, m.start() - 20):m.start()]))


# branch cv32: a ruling announced for the future -- "de rechter doet op 12 maart uitspraak", "zal uitspraak doen", "de
# uitspraak wordt over zes weken verwacht", "de zaak dient op 3 april" -- is no ruling made: the court step is filed or
# heard, current (stages.md kort_geding: "filed, heard or ruled"); not planned, as the case itself already runs
_RULING_AHEAD = re.compile(
    r"\b(?:zal|zullen|gaat|gaan)\b(?: [\w'-]+){0,6} uitspraak (?:doen|te doen)\b|"
    r"\bdoe[tn]\b (?:[\w'-]+ ){0,2}(?:op|binnen|over|rond|medio|begin|eind|naar verwachting|volgende|komende|later|pas)\b"
    r"(?: [\w'-]+){0,5} uitspraak\b|"
    r"\buitspraak (?:[\w'-]+ ){0,4}(?:volgt|volgen|wordt verwacht|verwacht|gepland|staat gepland)\b|"
    r"\bverwacht(?:t|en)? (?:[\w'-]+ ){0,4}uitspraak\b|"
    r"\b(?:zaak|kort geding|bodemprocedure|hoger beroep|zitting|behandeling)\b (?:[\w'-]+ ){0,6}(?:dient|dienen)\b|"
    r"\b(?:dient|dienen) (?:de|het) (?:zaak|kort geding|bodemprocedure|hoger beroep)\b|"
    # branch cv34: a ruling awaited -- "Pas na de uitspraak in het kort geding ... wordt duidelijk", "Zodra de uitspraak
    # bekend is", "in afwachting van het vonnis" -- is no ruling made either
    r"\b(?:pas na|zodra|in afwachting van|wachten op|wacht op) (?:de|het) (?:uitspraak|vonnis|arrest)\b", re.I)
#: branch cv34: the ruling an appeal (or objection) is brought against -- "tegen de uitspraak in hoger beroep gaan", "hoger
#: beroep ingesteld tegen het vonnis" -- is the lower court's, not a ruling in the appeal: read without it
_AGAINST_RULING = re.compile(r"\btegen (?:de|het|dit|deze|dat|die) (?:[\w'-]+ )?(?:uitspraak|vonnis|beslissing|oordeel)"
                             r"(?: (?:van|in) (?:de|het) [\w'-]+)?", re.I)
# branch cv42: a possibility named before the cue -- "Daarbij bestaat altijd de mogelijkheid dat een andere aanbieder ... als
# winnaar uit de bus zal komen", "het risico dat de aanbesteding mislukt" -- reports no step, as "mocht" does
# branch cv44: "in het geval dat", "ingeval" and "tenzij" open a condition as "indien" does. The possibility nouns
# "mogelijkheid" and "kans" are de-words, so their "dat" is the conjunction; "risico" (and "gevaar") is a het-word whose
# relative pronoun is "dat" too: "het financieel risico dat ouders lopen" is a relative clause about the risk, not a
# possibility of a step. "het risico dat" counts only when its clause holds the cue (no ";" or ":" between) and is no
# relative clause of the verbs one runs, takes or bears a risk with (lopen, nemen, dragen)
_HYPOTHETICAL = re.compile(r"\bmocht(?:en)?\b|\bindien\b|\bzou(?:den)? kunnen\b|\bin (?:het )?geval dat\b|\bingeval\b|"
                           r"\btenzij\b|\b(?:de |een )?(?:mogelijkheid|kans) (?:bestaat |is )?dat\b", re.I)
#: branch cv54: a step weighed, threatened, not ruled out, looked into or braced for -- "Aanbieders overwegen een kort
#: geding", "dreigen met een kort geding", "De gemeente sluit niet uit dat de aanbesteding wordt stopgezet", "onderzoekt of
#: de contracten verlengd kunnen worden", "bereidt zich voor op een kort geding": planned, not a step that happened (as
#: cv53's "overweegt in hoger beroep te gaan")
_WEIGHED = re.compile(r"\b(?:overweegt|(?<!\bna )(?<!\blang )(?<!\bhet )(?<!\bgoed )(?<!\bzorgvuldig )overwegen|overwoog|overwogen|dreig(?:t|en|de|den) (?:met|te)|"
                           r"(?:beraadt|beraden) (?:zich )?(?:[\w'-]+ ){0,3}?op|denk(?:t|en) (?:[\w'-]+ ){0,4}?na over|"
                           r"sluit(?:en)? (?:[\w'-]+ ){0,2}?niet uit|niet uit te sluiten|wellicht|misschien|"
                           # whether a step can be taken, looked into ("De gemeente onderzoekt of de contracten verlengd
                           # kunnen worden"), and a party bracing itself for one ("bereidt zich voor op een kort geding")
                           r"(?:onderzoek(?:t|en)|onderzocht|bekijk(?:t|en)|bekeken|bezie(?:t|n)|verkent|verkennen|verkend|"
                           r"gaa(?:t|n) (?:[\w'-]+ ){0,2}?na|nagegaan) (?:[\w'-]+ ){0,4}?of|"
                           r"bereid(?:t|en) (?:[\w'-]+ ){0,2}?voor op|voorbereid op)\b", re.I)
#: branch cv54: "mogelijk" (or "waarschijnlijk") as the sentence's adverb, opening it or after its auxiliary ("Mogelijk
#: wordt de aanbesteding stopgezet", "wordt mogelijk stopgezet"): a possibility, planned -- not "zo snel mogelijk", nor
#: "maakte een nieuwe ronde mogelijk"
_MAYBE_AUX = r"(?:wordt|worden|zal|zullen|gaat|gaan|moet|moeten|komt|komen)"
_MAYBE = re.compile(r"^\s*['\"‘“]?(?:mogelijk(?:erwijs)?|waarschijnlijk|vermoedelijk)\s+" + _MAYBE_AUX + r"\b|"
                    r"\b" + _MAYBE_AUX + r"\s+(?:[\w'-]+\s+){0,3}?"
                    r"(?<!\bzo )(?<!\bsnel )(?<!\bgoed )(?<!\bveel )(?<!\bspoedig )(?<!\bmin )"
                    r"\b(?:mogelijk(?:erwijs)?|waarschijnlijk|vermoedelijk)\b(?!\s+(?:gemaakt|maken|maakt)\b)", re.I)
_RISK_THAT = re.compile(r"\b(?:het |een )?(?:risico|gevaar) (?:bestaat |is )?dat\b(?! (?:[\w'-]+ ){0,6}?"
                        r"(?:lopen|loopt|liep|liepen|gelopen|nemen|neemt|nam|namen|genomen|dragen|draagt|droeg|droegen|"
                        r"gedragen|accepteren|accepteert|aanvaarden|aanvaardt)\b)", re.I)
#: branch cv44: a condition opened by "als", "wanneer" or "zodra" with a subject after it ("Als de aanbesteding wordt
#: afgeblazen, moeten ...", "Wanneer de rechter de gunning vernietigt, ...", "..., als de aanbesteding mislukt") -- not the
#: "als" of a role or comparison ("Als regio hebben wij ...", "Als eerste gemeente", "als een van de", "als het gaat om")
_CONDITION_OPEN = re.compile(
    r"(?:^|(?<=[,;:])|\b(?:maar|en|dan|pas|alleen|ook|juist|vooral)\b)\s*['\"‘“(]?\s*\b(?P<word>als|wanneer|zodra)\s+"
    r"(?!(?:de|het|een|één) (?:van\b|\w*ste\b|enige\b))(?!het (?:gaat|ware)\b)"
    # (branch cv56: "niemand" and "iemand" as subject too: "De aanbesteding mislukt als niemand inschrijft")
    r"(?:de|het|een|er|zij|ze|we|wij|hij|u|je|jij|men|dit|dat|deze|die|alle|geen|onze|ons|hun|uw|zijn|haar|niemand|iemand)\b", re.I)
#: a condition told in the past ("Wanneer de aanbesteding werd stopgezet, is niet bekend": when it happened) is no condition
_PAST_FINITE = re.compile(r"\b(?:werd|werden|was|waren|had|hadden|kon|konden|moest|moesten|wilde|wilden|ging|gingen|"
                          r"kwam|kwamen|bleek|bleken)\b", re.I)


#: branch cv45: a condition has a finite verb -- Dutch puts it last in the subordinate clause ("als de aanbesteding
#: mislukt", "zodra de gunning definitief is"). "als" before a noun phrase with no verb is "as", a role or a
#: comparison: "Kwadraad levert, als de winnaar van de aanbesteding jeugdhulp, sinds 1 januari de zorg" reports the
#: award. A verb: an auxiliary, modal or common finite verb, a participle, or a last word that is no noun -- a noun
#: follows a determiner, a preposition, a number or an inflected adjective ("van de gemeenten", "twee percelen",
#: "de grote aanbieders"), or is a name (a capital); a verb's last word ends as Dutch verbs do (-t, -d, -en).
_FINITE_WORD = re.compile(r"(?:is|zijn|was|waren|wordt|worden|werd|werden|heeft|hebben|had|hadden|kan|kunnen|kon|konden|"
                          r"moet|moeten|moest|moesten|mag|mogen|mocht|mochten|wil|wilt|willen|wilde|wilden|zal|zullen|zou|"
                          r"zouden|gaat|gaan|ging|gingen|komt|komen|kwam|kwamen|blijft|blijven|blijkt|blijken|doet|doen|"
                          r"staat|staan|ligt|liggen|lukt|lukken|wint|winnen|krijgt|krijgen|komt|zit|zitten|hoeft|hoeven)", re.I)
_NOUN_BEFORE = re.compile(r"(?:de|het|een|der|des|deze|dit|die|dat|onze|ons|hun|uw|zijn|haar|elke|iedere|alle|geen|"
                          r"van|voor|in|uit|bij|met|op|aan|over|naar|tot|om|door|tegen|zonder|binnen|per|"
                          r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\d+|[\w-]+e)", re.I)
_VERB_END = re.compile(r"[\w-]*(?:t|d|en)", re.I)


def _finite_clause(clause: str) -> bool:
    """Does the clause after a conjunction (without it) hold a finite verb? (branch cv45, see above)"""
    words = re.findall(r"[\w'-]+", clause)
    if not words:
        return False
    if any(_FINITE_WORD.fullmatch(w) for w in words) or _participles(clause):
        return True
    last, before = words[-1], (words[-2] if len(words) > 1 else "")
    if last[:1].isupper() or (before and _NOUN_BEFORE.fullmatch(before)):
        return False
    return bool(_VERB_END.fullmatch(last))


_WORD = re.compile(r"[\w'-]+")


def _main_clause(text: str, pos: int) -> tuple[str, str, int]:
    """branch cv62: the main clause a semicolon bounds around ``pos`` -- ``(piece, sentence, position in it)`` for
    :func:`_grammar` -- when it holds a verb of its own: "De regio heeft de marktconsultatie afgerond; de aanbesteding
    wordt in juni gepubliceerd" tells two steps, each in its own tense (the perfect of the first is not the second's).
    The whole sentence when there is no semicolon, or the part around ``pos`` is too short to be a clause ("...; ook
    X")."""
    start = text.rfind(";", 0, pos) + 1
    end = text.find(";", pos)
    end = len(text) if end < 0 else end
    if (start or end < len(text)) and len(_WORD.findall(text, start, end)) >= 3:
        return text[start:end], text[start:end], pos - start
    return text, text, pos


def _hypothetical_before(text: str, m: re.Match) -> bool:
    """Is the cue ``m`` a possibility or under a condition named before it in its sentence (branch cv44)?"""
    head = text[:m.start()]
    # a cue that opens with the conjunction itself ("dat de aanbesteding mislukt") is read with it
    first = re.match(r"(?:dat|dit|die|deze)\b", m.group(0), re.I)
    if _HYPOTHETICAL.search(text[:m.start() + (first.end() if first else 0)]):
        return True
    for r in _RISK_THAT.finditer(text, 0, m.start() + (first.end() if first else 0)):
        if not re.search(r"[;:]", text[r.end():m.start()]):
            return True
    for c in _CONDITION_OPEN.finditer(text, 0, m.end()):
        if c.start() >= m.start():
            break
        end = re.compile(r"[,;:]").search(text, c.end())
        close = end.start() if end else len(text)
        if _PAST_FINITE.search(text[c.start():close]):
            continue
        if c.group("word").lower() == "als" and not _finite_clause(text[c.end("word"):close]):
            continue  # "als de winnaar van de aanbesteding": "as", a role, no condition (branch cv45)
        if m.start() < close:
            return True  # the cue in the condition itself
        opener = text[:c.start()].strip(" '\"‘“(")
        if (not opener or re.fullmatch(r"(?:maar|en|ook|juist|vooral|pas|alleen)", opener, re.I)) and end and end.group(0) == ",":
            return True  # "Als ..., moeten de gemeenten ... verlengen": the main clause after a fronted condition
    return False
#: branch cv45: a condition after the main clause ("De regio verlengt de contracten met de huidige aanbieders, als de
#: aanbesteding mislukt", "... indien de aanbesteding niet slaagt", "..., tenzij de rechter anders beslist") makes the
#: main clause's step a contingency: what will happen if, planned -- not a step running now. The conjunction with a
#: subject and a finite verb after it (:func:`_finite_clause`: not the "als" of a role, "gekozen als de nieuwe
#: aanbieder"); "als" without a comma not after a comparison ("net als", "zo snel als", "eerder als")
_CONDITION_AFTER = re.compile(
    r"(?:,\s*|\s)(?:(?:maar |en |dan |ook |alleen |pas )?(?P<word>als|indien|zodra|tenzij|mits|mocht(?:en)?)|in (?:het )?geval dat)\s+"
    r"(?!(?:de|het|een|één) (?:van\b|\w*ste\b|enige\b))(?!het (?:gaat|ware)\b)"
    # (branch cv56: "niemand" and "iemand" as subject too: "De aanbesteding mislukt als niemand inschrijft")
    r"(?:de|het|een|er|zij|ze|we|wij|hij|u|je|jij|men|dit|dat|deze|die|alle|geen|onze|ons|hun|uw|zijn|haar|niemand|iemand)\b", re.I)
_COMPARISON_BEFORE = re.compile(r"\b(?:zo|net|even|zowel|evenals|lang|zolang|snel|goed|veel|[\w-]+er)\s$", re.I)


def _condition_after(text: str, m: re.Match) -> bool:
    """Is the cue ``m``'s clause the main clause of a condition that follows it in the sentence? (branch cv45)"""
    # the condition follows its main clause closely: read 300 characters on (a page without full stops is one sentence)
    for c in _CONDITION_AFTER.finditer(text, m.end(), min(len(text), m.end() + 300)):
        if re.search(r"[;:]", text[m.end():c.start()]):
            return False
        if c.group(0)[0] != "," and c.group("word") and c.group("word").lower() == "als" \
                and _COMPARISON_BEFORE.search(text[max(0, c.start() - 30):c.start() + 1]):
            continue
        end = re.compile(r"[,;:]").search(text, c.end())
        clause = text[c.end("word") if c.group("word") else c.end():end.start() if end else len(text)]
        if _PAST_FINITE.search(clause) or not _finite_clause(clause):
            continue
        return True
    return False


# round ten: the conditional right after the cue, "... opnieuw voor de rechter zou kunnen worden gedaagd"
# branch cv28: the conditional mood and the adjective of possibility. "zou"/"zouden" before the cue in its own clause
# tells what would (or was to) happen, never a step reported ("Zo zou open house leiden tot honderden gecontracteerde
# aanbieders", "De gemeente zou in maart gunnen"); "eventueel"/"eventuele" before the cue names a step that may come
# ("voorafgaand aan een eventueel contract", "eventuele bezwaren"). Read the Dutch way, as "mocht"/"indien" above.
_CONDITIONAL_MOOD = re.compile(r"\bzou(?:den)?\b", re.I)
_PERFECT_INFINITIVE = re.compile(r"\b(?:hebben|zijn)\b(?! (?:[\w'-]+ ){0,2}(?:moeten|kunnen|mogen)\b)", re.I)
# branch cv28: an award, ruling or signing told in the present passive with no other tense marker ("de gunning wordt
# gebaseerd op kwalitatieve aspecten", "de contracten worden daarna ondertekend") describes how or that the step
# will be taken, not a step reported: planned, where news's past-tense default would read it done
_PRESENT_PASSIVE = re.compile(r"\b(?:wordt|worden)\s+((?:[\w'-]+\s+){0,10}[\w'-]+)\b", re.I)


#: branch cv30: "wordt"/"worden" before a participle in its clause, with no past or perfect auxiliary and no clause
#: boundary between them: the participle is the present passive's, no past event (not after a modal in the past, "moest
#: worden stopgezet": it had to be, and was)
_IN_PRESENT_PASSIVE = re.compile(r"(?<!\bmoest )(?<!\bmoesten )(?<!\bmocht )(?<!\bmochten )(?<!\bkon )(?<!\bkonden )"
                                 r"\b(?:wordt|worden)\b(?:(?!\b(?:is|zijn|was|waren|werd|werden|heeft|hebben|had|hadden|"
                                 r"en|maar|die|dat|omdat|want|nadat|toen)\b)[^.;:,!?])*$", re.I)


def _present_passive(text: str) -> bool:
    """Does the sentence have a present passive, "wordt"/"worden" with a participle within ten words after it?"""
    return any(_participles(m.group(1)) for m in _PRESENT_PASSIVE.finditer(text))
_POSSIBLE_BEFORE = re.compile(r"\beventue(?:el|le)\s+(?:[\w'-]+\s+)?$", re.I)
_HYPOTHETICAL_AFTER = re.compile(r"\s*(?:[\w'-]+\s+){0,2}(?:zou|zouden)\s+(?:kunnen|mogen|moeten)\b", re.I)
# "Pas na de uitspraak wordt duidelijk of de gemeenten over kunnen gaan tot het definitief gunnen":
# a step under a condition has not happened (round three)
_CONDITIONAL = re.compile(r"\bwordt duidelijk of\b|\b(?:als|of) (?:de|het|zij|er|wij|we) (?:[\w'-]+ ){0,3}(?:kunnen|kan|mogen|mag)\b", re.I)
# stages.md `mislukt`: a procedure "postponed indefinitely" ("uitgesteld tot nader order"); a postponement with an end
# in view -- "de definitieve gunning is ... uitgesteld, is besloten het contract vanaf februari in te laten gaan", "weer
# een jaar uitgesteld" -- is a delay of the step, no failure (branch news15r; core since the delay exception of
# `stage.postponed`, which asked for a new date in the sentence, held on exactly two dev sites)
#: A party that "did not enrol" ("X heeft zich niet ingeschreven", "hebben niet ingeschreven") tells of an enrolment
#: that ran without it: the tendering step took place (branch news17: the gold of three dev sites, SGP-CU Sliedrecht,
#: Het Kompas Sliedrecht and SP Westfriesland). A failed procedure is told as nobody enrolling ("geen inschrijvingen",
#: "geen enkele intekening": the mislukt cues), not as one party's absence.
#: branch cv63: contracts ending -- "lopen per 1 januari 2024 af", "aflopen", "eindigen", "beëindigd", "verlopen" -- are no
#: start (stages.md has no id for a contract's end): read in the cue and the rest of its clause, core (the named rule
#: `stage.contract_ends` read the whole sentence, so a start beside an end was lost, and is off on a site never seen)
_ENDS_IN_CUE = re.compile(r"\b(?:lo(?:pen|opt)|liep(?:en)?)\b[^.;:,]{0,80}?\baf\b|\baf(?:lopen|loopt|gelopen|liep|liepen)\b|"
                          r"\beindig(?:t|en|de|den|d)\b|\bbeëindig\w*|\bverlo(?:pen|opt)\b|\bvervall?(?:en|t)\b", re.I)
_CLAUSE_STOP = re.compile(r"[.;:,]|\b(?:en|maar|terwijl|waarna|omdat|want)\b", re.I)


def _clause_end(text: str, pos: int) -> int:
    """The end of the clause from ``pos`` (the next stop or conjunction within 120 characters)."""
    m = _CLAUSE_STOP.search(text, pos, pos + 120)
    return m.start() if m else min(len(text), pos + 120)


#: branch cv64: the step's own predicate right after it says it is over -- "De marktconsultatie is afgerond", "is gesloten",
#: "is achter de rug", "was voorbij", "zijn inmiddels voltooid" -- done, whatever tense another clause has ("...; de gemeente
#: publiceert volgend jaar een vooraankondiging" is that clause's step to come). Not denied or not yet ("is nog niet
#: afgerond"), and no date or time ahead between ("is op 1 mei 2024 afgerond", "is volgend jaar afgerond": the time decides)
#: (branch cv76: nor across a conjunction of time -- "worden voortgezet tot de nieuwe aanbesteding is afgerond" tells the
#: new procedure's end to come, not the step before it over)
_FINISHED_AFTER = re.compile(r"\s+(?:(?!niet\b|geen\b|nooit\b|tot\b|totdat\b|zolang\b|zodra\b|voordat\b|wanneer\b)[^\W\d]+\s+){0,5}?"
                             r"(?:is|zijn|was|waren)\s+"
                             r"(?:(?!niet\b|geen\b|nooit\b|nog\b)[^\W\d]+\s+){0,2}?"
                             r"(?:afgerond|gesloten|afgesloten|achter de rug|voorbij|voltooid|beëindigd|ten einde|klaar|gereed)\b",
                             re.I)


#: branch cv64: "Na de X volgt (in mei) de Y" -- X is the step behind, Y the one that follows it (stages.md order): X done,
#: whatever tense "volgt" gives Y (the simple past, cv63, read both done). The cue fronted after "na (afloop/afronding van)
#: de", the verb "volgt"/"volgen" right after its noun phrase (at most four words between, no clause stop)
_BEFORE_WHAT_FOLLOWS = re.compile(r"(?:^|[,;:]\s*|\b(?:en|maar)\s+)['\"‘“]?\s*\bna\s+(?:(?:afloop|afronding) van\s+)?(?:de|het)\s+"
                                  r"(?:[\w-]+e\s+)?$", re.I)
_FOLLOWS_AFTER = re.compile(r"(?:\s+(?!en\b|maar\b|die\b|dat\b)[\w'-]+){0,4}?\s+volg(?:t|en)\b", re.I)


#: branch cv64: a step being prepared -- "De vooraankondiging is in voorbereiding", "de marktconsultatie wordt voorbereid",
#: "De gemeente bereidt een marktconsultatie voor" (the separable verb's particle closing the clause), "werkt aan de
#: voorbereiding van de marktconsultatie" -- is a step to come, not one running (stages.md: the preparation is
#: `voorbereiding`'s). Not "voorbereid op" (braced for: _WEIGHED)
_PREPARED_AFTER = re.compile(r"(?:\s+(?!en\b|maar\b|die\b|dat\b)[\w'-]+){0,6}?\s+(?:is|zijn|wordt|worden)\s+"
                             r"(?:(?!niet\b|geen\b)[\w'-]+\s+){0,2}?(?:in voorbereiding|voorbereid)\b(?!\s+op\b)", re.I)
_PREPARED_BEFORE = re.compile(r"\bvoorbereiding(?:en)? (?:van|voor) (?:de|het|een)\s+(?:[\w-]+e\s+)?$", re.I)
_PREPARES_BEFORE = re.compile(r"\bbereid(?:t|en)\s+(?:(?!zich\b)[\w'-]+\s+){0,3}?(?:de|het|een)\s+(?:[\w-]+e\s+)?$", re.I)


#: branch cv76: the step's own predicate right after it says it is put off -- "Omdat de definitieve gunning wegens de
#: juridische procedure is uitgesteld", "De ondertekening van de contracten werd verschoven" -- the step is still to come,
#: not done for the participle (the procedure put off indefinitely is ``mislukt``'s own cue, left as it is)
_POSTPONED_AFTER = re.compile(r"\s+(?:(?!niet\b|geen\b|nooit\b|en\b|maar\b|die\b|dat\b)[^\W\d]+\s+){0,5}?"
                              r"(?:is|zijn|was|waren|wordt|worden|werd|werden)\s+(?:(?!niet\b|geen\b|nooit\b)[^\W\d]+\s+){0,2}?"
                              r"(?:uitgesteld|opgeschort|verschoven|verdaagd)\b", re.I)


#: branch cv76: a step told in a clause of time that opens right before it -- "De huidige contracten lopen door tot de
#: nieuwe aanbesteding is afgerond", "Zodra de gunning definitief is, ...", "totdat het contract is getekend" -- with a
#: present auxiliary is the moment the main clause waits for: to come, however perfect "is afgerond" reads. Not a past
#: auxiliary ("tot de aanbesteding was afgerond" is a boundary passed) nor a date ("tot 1 januari").
_UNTIL_BEFORE = re.compile(r"\b(?:tot|totdat|zodra|zolang|voordat|wanneer)\s+(?:de|het|alle|deze|dit|een)\s+"
                           r"(?:(?!en\b|maar\b|die\b|dat\b)[\w'-]+\s+){0,4}$", re.I)
_UNTIL_AFTER = re.compile(r"\s(?:tot|totdat|zodra|zolang|voordat|wanneer)\s+(?:de|het|alle|deze|dit|een|er)\b", re.I)
_UNTIL_PRESENT = re.compile(r"\b(?:is|zijn)\b", re.I)
_UNTIL_PAST = re.compile(r"\b(?:was|waren|werd|werden|had|hadden)\b", re.I)


def _until_told(text: str, m: re.Match) -> bool:
    """The cue in a clause of time opened by "tot/totdat/zodra/zolang/voordat/wanneer" just before it, its verb a
    present "is/zijn" (in the cue or after it in the clause): the step the main clause waits for."""
    before = _UNTIL_BEFORE.search(text, max(0, m.start() - 80), m.start())
    if before is None:
        return False
    told = text[before.start():_clause_end(text, m.end())]
    return bool(_UNTIL_PRESENT.search(told)) and not _UNTIL_PAST.search(told)


#: branch cv77: a step named as the end of something else -- "Het contactverbod eindigt bij de gunning", "De
#: overbruggingscontracten lopen tot de gunning", "geldt tot aan de definitieve gunning" -- in the present tense is the
#: moment that thing waits for: to come, not a step told (the past, "eindigde bij de gunning", is a boundary passed)
_END_AT_STEP = re.compile(r"\b(?:eindig(?:t|en)|lo(?:opt|pen)(?: door)?|du(?:urt|ren)|geld(?:t|en)|blijf(?:t|en)|"
                          r"vervalt|vervallen|stop(?:t|pen))\s+(?:(?!en\b|maar\b|die\b|dat\b)[\w'-]+\s+){0,3}?"
                          r"(?:bij|tot(?:\s+(?:aan|en met))?)\s+(?:(?:de|het)\s+(?:[\w-]+e\s+)?)?$", re.I)
#: branch cv77: a step scheduled -- "Gunning van de opdracht is voorzien in juni 2021", "De gunning staat gepland voor
#: juni", "de start is voorzien op 1 januari" -- is to come, however perfect "is voorzien" reads, unless a date in its
#: clause is behind the page's own (read first); not the past ("was voorzien in juni": a plan that was)
_SCHEDULED = re.compile(r"\b(?:voorzien|(?:in)?gepland|geagendeerd)\s+(?:in|voor|op|rond|tegen|begin|eind|medio|half|"
                        r"uiterlijk)\b", re.I)
_SCHEDULED_AUX = re.compile(r"\b(?:is|zijn|staat|staan|wordt|worden)\b", re.I)
_SCHEDULED_PAST = re.compile(r"\b(?:was|waren|werd|werden|stond|stonden)\b", re.I)


#: branch cv77: the court of a child-protection measure -- "De Raad voor de Kinderbescherming adviseert de rechtbank welke
#: gecertificeerde instelling de maatregel moet uitvoeren", "de kinderrechter besluit over een ondertoezichtstelling" --
#: rules on a child's measure, not on a tender (as stages.md rule b reads a ruling about pgb or Wmo): no legal stage
_CHILD_PROTECTION = re.compile(r"\bkinderrechter\w*|\braad voor de kinderbescherming\b|\bondertoezichtstelling\w*|"
                               r"\buithuisplaatsing\w*|\b(?:jeugd|kinder)beschermingsmaatregel\w*|\bgezagsbeëindiging\w*|"
                               r"\bmachtiging (?:tot )?(?:gesloten )?(?:jeugdhulp|uithuisplaatsing)\b", re.I)


def _scheduled(text: str, m: re.Match) -> bool:
    """The cue's own clause schedules the step for a time (branch cv77, above)."""
    start, end = _cue_clause(text, m)
    clause = text[start:end]
    return bool(_SCHEDULED.search(clause) and _SCHEDULED_AUX.search(clause) and not _SCHEDULED_PAST.search(clause))


def _prepared(text: str, m: re.Match) -> bool:
    """Is the cue ``m`` a step being prepared (branch cv64, above)?"""
    end = _clause_end(text, m.end())
    if _PREPARED_AFTER.match(text, m.end(), end) or _PREPARED_BEFORE.search(text, max(0, m.start() - 60), m.start()):
        return True
    return bool(_PREPARES_BEFORE.search(text, max(0, m.start() - 80), m.start())
                and re.search(r"\bvoor\W*$", text[m.end():end]))


def _cue_clause(text: str, m: re.Match) -> tuple[int, int]:
    """branch cv64: the span of the clause a cue ends in -- from the last clause stop inside the cue (a cue such as
    "contracten lopen af op 31 december 2024; per 1 januari 2025" reaches over a stop into the next clause) or the cue's
    start, to the end of the clause after it."""
    start = m.start()
    for b in _CLAUSE_STOP.finditer(text, m.start(), m.end()):
        start = b.end()
    return start, _clause_end(text, max(start, m.end()))


#: branch cv63: a step told in a coordinate clause of its own -- after "en", "maar", a comma or a semicolon -- in the present
#: tense with a time ahead of the page ("De marktconsultatie is afgerond en de regio publiceert in mei een
#: vooraankondiging", "... en volgend jaar start de aanbesteding") is to come: the perfect of the other clause is not its
#: tense. Not when its own clause has a past or perfect ("en in januari is de vooraankondiging gepubliceerd").
_COORDINATE_START = re.compile(r"[,;]|\b(?:en|maar)\b", re.I)
_TIME_AHEAD = re.compile(r"\b(?:volgend(?:e)? (?:jaar|week|maand|kwartaal|voorjaar|najaar|zomer)|na de zomer(?:vakantie)?|"
                         r"(?:eind|begin|later|medio) (?:dit|volgend) jaar|(?:dit|in het|komend) (?:voorjaar|najaar))\b", re.I)


def _ahead_in_own_clause(text: str, m: re.Match, ref: dt.date | None, paragraph: tuple[int, int] | None = None) -> bool:
    low = max(0, m.start() - 200)
    start = low
    for b in _COORDINATE_START.finditer(text, low, m.start()):
        start = b.end()
    if start == 0:
        return False  # the cue's clause is the sentence's first: its own tense decided
    seg = text[start:_clause_end(text, m.end())]
    # (branch cv65: the participle of a present passive is no past -- "... en de aanbesteding wordt na de zomer
    # gepubliceerd" is the publication to come)
    if AUX.search(seg) or PAST_EVENT.search(seg) or any(not _IN_PRESENT_PASSIVE.search(seg, 0, p.start())
                                                        for p in _participles(seg)):
        return False
    return bool(_TIME_AHEAD.search(seg) or _month_ahead(seg, ref, text, start, paragraph))


_ENROLLED = re.compile(r"\bingeschreven\b", re.I)
# branch cv35: a party's intention to enrol -- or not -- in a named tender ("de William Schrikkergroep en het Leger des
# Heils niet zullen inschrijven op de aanbesteding Jeugdzorg 2018", "wij gaan inschrijven op de aanbesteding") is told
# while the tender is open: the enrolment stage is current. The negation is the party's choice, not a denial of the step.
_WILL_ENROL = re.compile(r"\b(?:zullen|zal|gaan|gaat|willen|wil)\s+(?:(?:niet|geen|wel|ook|zelf)\s+)?(?:zich\s+)?"
                         r"inschrijven op (?:de|het|deze|dit) (?:[\w-]+ )?(?:aanbesteding\w*|opdracht|perce\w+)", re.I)
_INDEFINITE = re.compile(r"\bnader order\b|\bonbepaalde tijd\b", re.I)
_POSTPONED = re.compile(r"\buitgesteld\b|\buit(?: te)? ?stellen\b|\btot nader order\b|\bopgeschort\b", re.I)
DEADLINE = re.compile(r"\b(?:tot(?: en met)?|uiterlijk|deadline|sluit|sluitingsdatum)\b", re.I)
STATUS_PRIORITY = {"current": 3, "done": 2, "planned": 1}
# the time of an announced publication: a month, season, quarter or year ("in mei 2021", "medio juni", "na de zomer")
_PUBLICATION_WHEN = re.compile(r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
                               r"voorjaar|zomer|najaar|winter|kwartaal|medio|begin|eind)\b|\b(?:19|20)\d\d\b|\bplanning\b", re.I)
# Round ten (branch news11k): a decision taken on a step that *is* a decision -- an extension or a plan for the
# purchase -- makes the step current, whatever date the plan or extension runs to: "Op één na alle colleges
# akkoord met contractverlenging", "stemde de gemeenteraad in met het zogenoemde programmaplan dat bepaalt hoe ...
# vanaf 2021". A headline says it with a noun and no verb; the date in the clause is the plan's, not the decision's.
_DECIDED = re.compile(r"\b(?:akkoord (?:gaan |gegaan |gaat |gingen )?(?:met|over)|(?:ingestemd|instemming) met|"
                      r"stem(?:t|de|den|men)? (?:[\w'-]+ ){0,5}in met|groen licht (?:gegeven )?(?:voor|aan))\b(?:[^.;:]{0,60})$", re.I)
_DECISION_STAGES = {"voorbereiding", "verlenging"}
#: branch cv47: a decision asked for now -- "vraagt het college de raad om de regionale inkoopkoers vast te stellen", "het
#: college stelt de raad voor in te stemmen met de inkoopstrategie", "legt de verlenging ter besluitvorming voor" -- puts the
#: plan or extension to the vote: the step is under way (current), whatever date the plan runs to, as a decision taken is
#: (``_DECIDED``). The request verb before the cue in its sentence, the verb of adoption after it (or the noun of the vote).
_ASKED_BEFORE = re.compile(r"\b(?:vraagt|vragen|verzoekt|verzoeken|stelt|stellen|legt|leggen)\b(?: (?!niet\b|geen\b)[\w'’-]+){0,12}?$"
                           r"|\b(?:voorstel|raadsvoorstel|besluitvoorstel|collegevoorstel)\b(?: [\w'’-]+){0,3}? (?:om|tot|voor)\b"
                           r"(?: [\w'’-]+){0,8}?$", re.I)
_ADOPTION_AFTER = re.compile(r"^(?: [\w'’/-]+){0,8}? (?:vast te stellen|in te stemmen|goed te keuren|te bekrachtigen|"
                             r"ter (?:vaststelling|besluitvorming|instemming|goedkeuring)(?: voor)?)\b", re.I)


def _decision_asked(text: str, m: re.Match) -> bool:
    """Is the cue ``m`` the object of a decision asked for now (branch cv47, :data:`_ASKED_BEFORE`)?"""
    before = text[max(0, m.start() - 160):m.start()].rstrip()
    if re.search(r"[;:]", before):
        before = re.split(r"[;:]", before)[-1]
    return bool(_ASKED_BEFORE.search(" " + before) and _ADOPTION_AFTER.match(text[m.end():m.end() + 120]))
# round ten: the passive of "sluiten" closing a contract cue ("het contract dat met Go! voor Jeugd ... is gesloten");
# "gesloten" is kept out of the participles (stages._NOT_PARTICIPLE) because of "gesloten jeugdzorg"
_HAVE_BEFORE = re.compile(r"\b(?:heeft|hebben|had|hadden)\s+(?:[\w'-]+\s+){0,4}\w*$", re.I)
_CLOSED_PASSIVE = re.compile(r"\b(?:is|zijn|werd|werden|was|waren)\s+gesloten$", re.I)
# round ten: a stage noun as the subject of a present-tense verb of extent -- "De voorlopige gunning telt 58
# aanbieders", "het perceel omvat" -- states the step as it stands now
# A legal proceeding brought (filed) but not yet ruled on runs: stages.md's kort_geding is "filed, heard or
# ruled", and a suit filed is the stage's current state until a ruling is reported (branch lead, 2026-12-02).
_SUIT_BROUGHT = re.compile(r"\b(?:aangespannen|ingesteld|spant|spannen|spande|spanden|gestapt|stapt|stappen|stapte|stapten|aanhangig|"
                    r"gedagvaard|dagvaardt|dagvaarden|aangetekend|(?:naar|voor) de (?:voorzieningen)?rechter)\b", re.I)
_RULED = re.compile(r"\b(?:uitspraak|uitspraken|vonnis|vonnissen|oordeelde|oordeelt|geoordeeld|bepaalde|besliste|"
                    r"gelijk|wees|wijst|afgewezen|toegewezen|arrest|verbood|verbiedt|vernietig\w*|bekrachtig\w*|"
                    r"ongegrond|gegrond|ingetrokken)\b", re.I)
#: branch cv34: a sentence about the appeal itself (its court or its own name)
_APPEAL = re.compile(r"hoger beroep|gerechtshof|\bhet hof\b|centrale raad van beroep|\bcrvb\b|\barrest\b", re.I)


def _appeal_ruled(sents: list[Sentence]) -> bool:
    """Does the text report a ruling in the appeal -- a ruling word in a sentence about the appeal, not the ruling the
    appeal is brought against ("hoger beroep ingesteld tegen het vonnis") nor one awaited?"""
    return any(_APPEAL.search(t.text) and _RULED.search(_AGAINST_RULING.sub(" ", t.text)) and not _RULING_AHEAD.search(t.text)
               for t in sents)


#: branch cv34: stages.md's `mislukt` is "re-procurement ordered" -- after a procedure failed or a court ruled on it ("De
#: gemeente is veroordeeld tot intrekking ... en moet deze opnieuw aanbesteden", "zodat opnieuw moet worden aanbesteed"
#: after a ruling that the terms are disproportionate). A re-procurement in a text where nothing failed or was ruled on
#: is the next round ("Het contract loopt straks af. Verlengen is in strijd met de Europese regels, dus we moeten opnieuw
#: aanbesteden"): the preparation of a new procurement, read with the tense of its clause.
_REDO_CUE = re.compile(r"\b(?:opnieuw|overnieuw)\b|\bover (?:moeten )?doen\b|\bmoet over\b", re.I)
_FAILED_BEFORE = re.compile(r"\brechter\w*|\brechtbank\w*|\bvonnis\w*|\buitspraak\w*|kort ?geding\w*|\bhof\b|gerechtshof|"
                            r"bodemprocedure|veroordeeld|geoordeeld|oordeel\w*|disproportione\w*|onrechtmatig\w*|ongeldig\w*|"
                            r"misluk\w*|\bfout\w*|\bgebrek\w*|ingetrokken|intrekking|stopgezet|\bstop (?:te |moeten )?zetten|\bgestopt|gestaakt|geen (?:enkele |geldige )?"
                            r"(?:inschrijving\w*|offerte\w*|aanmelding\w*)|niet gelukt|bezwaar\w*|klacht\w*", re.I)
#: branch cv34: "sinds" with a date marks the start of a state that goes on. A step that happens at a point in time -- an
#: award, a signing, the contracts' start -- took place on that date and is done ("Sinds 1 januari 2024 verzorgt MetMaya
#: ...": the contract start); a step that lasts (the tendering, the preparation, a transition) runs, as CURRENT reads it.
#: (Not the announcement: "Sinds 15 oktober kunnen aanbieders hun interesse kenbaar maken" is the seed 001, whose gold
#: reads the call open, current; the corpus page of the same article reads it done -- corpus README, news11e.)
_POINT_STAGES = {"voorlopige_gunning", "definitieve_gunning", "contract_ondertekend", "contractstart"}
_SINCE_DATE = re.compile(r"\bsinds (?:(?:begin|eind|medio|half) )?(?:\d{1,2} )?(?:januari|februari|maart|april|mei|juni|juli|"
                         r"augustus|september|oktober|november|december|(?:19|20)\d\d)\b", re.I)
_HAD_TO = re.compile(r"\bmoest(?:en)?\b", re.I)
#: branch cv41: a step that lasts -- the enrolment, the question round, the objection period, a consultation -- whose
#: sentence sets a deadline still ahead of the page's own date is open ("De uiterste datum waarop aanbieders zich kunnen
#: inschrijven ... is verlengd tot maandag 20 november 2017", in a page of 6 november): current, whatever the tense of
#: the verb that moved the deadline. The cue's own clause often ends before the date ("... is verlengd" | "tot ..."), so
#: the sentence is read: a deadline word (DEADLINE) right before a date the text states. A deadline already past leaves
#: the reading as it was.
_LASTING_STAGES = {"inschrijving", "inlichtingen", "bezwaar", "marktconsultatie"}
_DEADLINE_BEFORE = re.compile(r"\b(?:tot(?: en met)?|uiterlijk|deadline|sluitingsdatum|sluit op)\b(?:\s+[\w.,'-]+){0,2}\s*$", re.I)


def _deadline_ahead(text: str, events: list[dict], ref: dt.date | None) -> bool:
    """Does the sentence set a deadline -- a deadline word right before a stated date -- after the page's date?"""
    if ref is None:
        return False
    for e in events:
        if not e["text"] or (at := text.find(e["text"])) < 0:
            continue
        if _DEADLINE_BEFORE.search(text[max(0, at - 40):at]) and e["date"] > ref.isoformat()[:len(e["date"])]:
            return True
    return False


#: branch cv41: the award's participle before its noun -- "de gecontracteerde jeugdhulpaanbieders", "de gegunde
#: partijen" -- names the providers the award went to: the award is done, whatever the tense of the verb the noun is
#: subject of ("Het overgrote deel van de gecontracteerde jeugdhulpaanbieders heeft momenteel ook al een contract",
#: "Regio Amersfoort heeft straks nog één gecontracteerde jeugdhulpaanbieder": the adverb tells of the verb, not of the
#: award). A future marker nearest the cue keeps it planned ("de gegunde partijen zullen ... worden"). Not the predicative participle ("Uitgangspunten zijn minder gecontracteerde aanbieders" is read the same;
#: "aanbieders zijn gecontracteerd" has its own auxiliary and participle).
_ATTRIBUTIVE_AWARD = re.compile(r"\b(?:gecontracteerde|gegunde)\b\s+[\w-]+", re.I)
#: branch cv68: the same for the notice: "de gepubliceerde documenten", the documents of a tender already out (done)
_PUBLISHED_DOCUMENTS = re.compile(r"gepubliceerde\b", re.I)


#: branch cv41: an interim judgment -- "De rechter heeft ... een tussenvonnis uitgesproken", "omdat hij meer tijd nodig
#: heeft om de zaak te bestuderen" -- rules on the way the case goes on, not on the case: the court step runs (stages.md
#: kort_geding: "filed, heard or ruled"), current, unless the final judgment is reported too. A published judgment
#: (an ECLI page, "als vervolg op het ... tussenarrest", "Tussenuitspraak: ECLI:...") is the final ruling itself and
#: cites its interim rulings as history: not read so.
_INTERIM = re.compile(r"\btussen(?:vonnis|vonnissen|uitspraak|uitspraken)\b|\bmeer tijd nodig\b", re.I)
_FINAL_RULING = re.compile(r"\beind(?:vonnis|uitspraak|arrest)\b|\bdefinitieve uitspraak\b|\bECLI:|\btussenarrest\b", re.I)
#: branch cv34: a verb cue in the bare infinitive opening its sentence as the subject of a judgement -- "Verlengen is in
#: strijd met de Europese regels", "Opnieuw aanbesteden is niet mogelijk", "Verlengen kan niet" -- weighs an option; it
#: reports no step
_INFINITIVE_JUDGED = re.compile(r"(?:opnieuw )?[\w-]+en (?:is|was|lijkt|blijkt|bleek|kan|kon|mag|mocht)\b", re.I)
_STATE_AFTER = re.compile(r"\s+(?:telt|tellen|omvat|omvatten|bevat|bevatten)\b", re.I)
# a council's motion or amendment: "ingetrokken" of one of them is no tender withdrawn (round ten)
_MOTION = re.compile(r"\bmotie\w*|\bamendement\w*", re.I)
#: branch cv54: what was withdrawn ("ingetrokken") is the nearest of these before the cue -- a court case, objection or
#: claim ("De aanbieder heeft het kort geding tegen de aanbesteding ingetrokken", "het bezwaar tegen de gunning
#: ingetrokken": the procedure goes on, no failure) or the procurement itself ("Na het kort geding heeft de gemeente de
#: aanbesteding ingetrokken": failed)
_WITHDRAWN = re.compile(r"\b(?:(?P<legal>kort geding|bodemprocedure|bodemzaak|(?:hoger )?beroep|rechtszaak|zaak|dagvaarding|"
                        r"bezwaar\w*|klacht\w*|vordering\w*|eis(?:en)?)|(?P<tender>aanbested\w*|procedure\w*|gunning\w*|"
                        r"gunningsbesluit\w*|opdracht\w*|inkoop\w*|tender\w*|uitvraag\w*))\b", re.I)


#: branch cv55: a decision still to be taken on the step ("Het college neemt in april een besluit over de gunning", "De
#: raad beslist volgende week over de aanbesteding"): the present of nemen/beslissen with the step as what is decided on
#: -- a decision to come, the step planned (not "heeft een besluit genomen over", "nam een besluit over": taken)
_DECISION_AHEAD = re.compile(
    r"(?:\b(?:neemt|nemen|zal|zullen|gaat|gaan)\s+(?:[\w'-]+\s+){0,4}?(?:een|het)\s+(?:[\w-]+\s+)?(?:besluit|beslissing)|"
    r"(?<!\bhet )(?<!\been )(?<!\bdit )(?<!\bdat )(?<!\bdeze )\b(?:besluit|beslist|beslissen|besluiten))"
    r"\s+(?:[\w'-]+\s+){0,3}?(?:over|op|inzake|omtrent)\s+(?:(?:de|het|een)\s+)?(?:[\w-]+\s+)?$", re.I)
#: branch cv55: a court step announced ("Aanbieders kondigen een kort geding aan", "hebben een kort geding aangekondigd"):
#: not brought yet, planned
_ANNOUNCES_BEFORE = re.compile(r"\bkondig(?:t|en|de|den)\b(?:\s+[\w'-]+){0,5}\s+$", re.I)
_ANNOUNCED_AFTER = re.compile(r"^(?:\s+[\w'-]+){0,6}?\s+aan\b|^(?:\s+[\w'-]+){0,4}?\s+aangekondigd\b", re.I)
#: branch cv55: "mogelijk"/"waarschijnlijk" right before the step, in a clause with no past or perfect auxiliary before it
#: ("Aanbieders stappen mogelijk naar de rechter"): a possibility, planned (not "zo snel mogelijk", nor "is waarschijnlijk
#: stopgezet": the step taken)
_MAYBE_RIGHT_BEFORE = re.compile(r"(?<!\bzo )(?<!\bsnel )(?<!\bgoed )(?<!\bveel )(?<!\bspoedig )(?<!\bmin )"
                                 r"\b(?:mogelijk(?:erwijs)?|waarschijnlijk|vermoedelijk)\s+$", re.I)
#: branch cv55: the step named as what a withdrawn objection or court case was against ("het bezwaar tegen de gunning is
#: ingetrokken"): the withdrawal is told, not the step
_LEGAL_AGAINST = re.compile(r"\b(?:bezwaar\w*|kort ?geding\w*|(?:hoger )?beroep|bodemprocedure|rechtszaak|zaak|klacht\w*|"
                            r"vordering\w*)\s+(?:van\s+(?:[\w'-]+\s+){1,3}?)?tegen\s+(?:(?:de|het|een|die|deze|dit)\s+)?"
                            r"(?:[\w-]+\s+)?$", re.I)
_WITHDRAWN_AFTER = re.compile(r"^[^.;:]{0,120}?\b(?:ingetrokken|intrekken|introkken|introk)\b", re.I)


def _announced_or_ahead(text: str, m: re.Match, stage: str) -> bool:
    """Is the step at ``m`` a decision to come, a court step announced, or a possibility? (branch cv55)"""
    head = text[max(0, m.start() - 160):m.start()]
    if stage != "voorbereiding" and _DECISION_AHEAD.search(head):
        return True
    if stage in LEGAL_STAGES and _ANNOUNCES_BEFORE.search(head) and _ANNOUNCED_AFTER.match(text[m.end():m.end() + 120]):
        return True
    if (stage in LEGAL_STAGES and _ANNOUNCED_AFTER.match(text[m.end():m.end() + 80])
            and re.search(r"\b(?:heeft|hebben)\b", head) and "aangekondigd" in text[m.end():m.end() + 80].lower()):
        return True
    return bool(_MAYBE_RIGHT_BEFORE.search(head[-40:]) and not AUX.search(head))


#: branch cv57: an open question before the step -- "Niemand weet nog of de aanbieders een kort geding aanspannen", "Het is
#: nog onduidelijk of de contracten worden verlengd", "De vraag is of ..." -- asks whether the step will be taken: to come
#: at most, not taken (the clause after "of" runs at most eight words to the cue)
_OPEN_QUESTION = re.compile(
    r"\b(?:niemand weet|(?:weet|weten) (?:[\w'-]+ ){0,3}?niet|(?:is|blijft|zijn|blijven) (?:nog )?(?:niet (?:duidelijk|bekend|zeker)|"
    r"onduidelijk|onbekend|onzeker|de vraag)|het is de vraag|de vraag is|vra(?:agt|gen) (?:[\w'-]+ )?zich af)"
    r"(?: nog)?(?: [\w'-]+){0,2}? of(?: (?!en\b|maar\b|dat\b|omdat\b|of\b)[\w'-]+){0,8}? ?$", re.I)
#: branch cv57: no objection to the step -- "De gemeente heeft geen bezwaar tegen de verlenging", "geen problemen met een
#: verlenging" -- consents to a step proposed; it tells neither that the step was taken nor that it was denied: to come
_CONSENT_BEFORE = re.compile(r"\b(?:geen|niet langer) (?:enkel )?(?:bezwaar|bezwaren|probleem|problemen|moeite|reden om) "
                             r"(?:met|tegen|bij|voor) (?:(?:een|de|het|deze|die) )?(?:[\w-]+e )?$", re.I)
#: branch cv58: no objection *filed* against the step -- "Er is geen bezwaar gemaakt tegen de verlenging", "Niemand heeft
#: bezwaar aangetekend tegen de verlenging", "Er zijn geen bezwaren ingediend tegen de gunning", the step first: "Tegen de
#: verlenging is geen bezwaar gemaakt" -- names the step as what an objection would have been against. That says the step
#: was proposed, not that it was taken: an extension (or a contract, a start) unopposed is consented to, to come, as cv57's
#: "geen bezwaar tegen". The award is the exception (stages.md: `bezwaar` is the objection during the standstill that the
#: intention to award opens): a standstill passed without objection leaves the award standing, so an award unopposed keeps
#: the status its clause gives it ("zijn geen bezwaren ingediend tegen de gunning": done; "nog geen": to come)
_FILED_VERB = r"(?:gemaakt|ingediend|aangetekend|maakte|maakten|diende|dienden|tekende|tekenden)"
_UNOPPOSED_BEFORE = re.compile(
    r"(?:\b(?:geen|nooit) (?:enkel )?bezwa(?:ar|ren) (?:(?:is|zijn|werd|werden|was|waren) )?" + _FILED_VERB + r"|"
    r"\b(?:niemand|geen van (?:de|hen|allen|beide)\b(?: [\w'-]+){0,3}?) (?:heeft|hebben|had|hadden) (?:[\w'-]+ ){0,2}?bezwaar "
    + _FILED_VERB + r"|\b(?:niemand|geen van (?:de|hen|allen|beide)\b(?: [\w'-]+){0,3}?) (?:maakte|maakten|diende|dienden|"
    r"tekende|tekenden) (?:[\w'-]+ ){0,2}?bezwaar(?: aan| in)?) "
    r"(?:[\w'-]+ ){0,2}?tegen (?:(?:een|de|het|deze|die) )?(?:[\w-]+e )?$", re.I)
_UNOPPOSED_AFTER = re.compile(r"^(?:[\w'-]+ ){0,6}?(?:is|zijn|werd|werden|was|waren) (?:[\w'-]+ ){0,3}?"
                              r"(?:geen|nooit) (?:enkel )?bezwa(?:ar|ren) (?:[\w'-]+ )?" + _FILED_VERB + r"\b", re.I)
_AWARD_STAGES = ("voorlopige_gunning", "definitieve_gunning")
_AGAINST_FIRST = re.compile(r"\btegen (?:(?:een|de|het|deze|die) )?(?:[\w-]+e )?$", re.I)


#: branch cv59: "nog" in the phrase of no objection ("Er zijn nog geen bezwaren ingediend tegen de gunning", "Tegen de
#: gunning is nog geen bezwaar gemaakt", "Niemand heeft nog bezwaar aangetekend"): none *yet*, the objection period runs
_YET = re.compile(r"\bnog\b", re.I)


def _unopposed_how(text: str, m: re.Match) -> str | None:
    """Is the cue ``m`` the step no objection was filed against (branch cv58)? ``"yet"`` when none was filed *yet*
    (branch cv59: "nog geen bezwaren ingediend"), ``"none"`` when none was, ``None`` when the phrase is not there."""
    if before := _UNOPPOSED_BEFORE.search(text, max(0, m.start() - 120), m.start()):
        return "yet" if _YET.search(text, max(0, before.start() - 4), before.end()) else "none"
    after = _UNOPPOSED_AFTER.match(text[m.end():m.end() + 160].lstrip())
    if not after:
        return None
    # the step first, opening its sentence or clause: "Tegen de verlenging is geen bezwaar gemaakt" (a bounded window: a
    # long sentence's cues each look back 60 characters, not to its start)
    start = max(0, m.start() - 60)
    found = _AGAINST_FIRST.search(text, start, m.start())
    if not found or text[max(0, found.start() - 8):found.start()].rstrip(" '\"‘“")[-1:].isalnum():
        return None
    return "yet" if _YET.search(after.group(0)) else "none"


def _unopposed(text: str, m: re.Match) -> bool:
    """Is the cue ``m`` the step no objection was filed against (yet)? (branch cv58)"""
    return _unopposed_how(text, m) is not None


def _consented_before(text: str, m: re.Match, stage: str | None = None) -> bool:
    """Is the cue ``m`` a step that a party has no objection to, right before it? (branch cv57) Or one no objection was
    filed against, other than the award (branch cv58)?"""
    return bool(_CONSENT_BEFORE.search(text, max(0, m.start() - 60), m.start())
                or (stage not in _AWARD_STAGES and _unopposed(text, m)))


def _weighed_before(text: str, m: re.Match, stage: str | None = None) -> bool:
    """Is the cue ``m`` a step weighed, threatened or possible, told before it in its sentence? (branch cv54) Or asked
    about as an open question, or consented to (branch cv57)?"""
    head = text[:m.start()]
    return bool(_WEIGHED.search(head)
                or (re.search(r"mogelijk|waarschijnlijk|vermoedelijk", head, re.I) and _MAYBE.search(head))
                or _OPEN_QUESTION.search(head, max(0, len(head) - 160)) or _consented_before(text, m, stage))


#: branch cv59: a question -- "Hoe moeten gemeenten lange termijn contracten afsluiten?", "Wanneer wordt de opdracht
#: gegund?", "Gaan de contracten per 1 januari in?" -- asks about a step; it reports none taken or running: to come at
#: most. Not a question after the fact, which presupposes the step ("Waarom is de aanbesteding mislukt?", "Hoe kan het dat
#: de opdracht is gegund?"), nor a quoted question inside a reported sentence (the question mark ends the sentence).
_QUESTION_END = re.compile(r"\?\s*['\"’”)]*\s*$")
_WHY = re.compile(r"^\W*(?:waarom|waardoor|hoe (?:kan|kon|komt|kwam) het|wat (?:ging|is er) (?:er )?mis)\b", re.I)


def _asked(text: str) -> bool:
    """Is the sentence a question about a step, not one that presupposes it? (branch cv59)"""
    return bool(_QUESTION_END.search(text[-12:]) and not _WHY.match(text))


def _legal_withdrawn(text: str, m: re.Match) -> bool:
    """Is the thing ``ingetrokken`` at ``m`` a court case or objection rather than the procurement? (branch cv54)"""
    last = None
    for w in _WITHDRAWN.finditer(text, max(0, m.start() - 200), m.start()):
        if not _AFTER_PREPOSITION.search(text, max(0, w.start() - 40), w.start()):
            last = w  # a noun after a preposition ("tegen de aanbesteding", "na het bezwaar") is no object
    return bool(last and last.group("legal"))


_AFTER_PREPOSITION = re.compile(r"\b(?:tegen|over|van|voor|rond|rondom|om|bij|in|op|aan|na|naar|met|door|vanwege|"
                                r"wegens)\s+(?:(?:de|het|een|die|deze|dit|dat|hun|zijn|haar)\s+)?(?:[\w-]+\s+)?$", re.I)
# branch news16: stages.md's `verlenging` is "existing contracts extended or modified instead of (re)procuring"; what
# a sentence extends is its first noun before the verb, and a term, a date, the procedure itself, a (court) measure or
# money extended is no contract extension: "De uiterste datum waarop aanbieders zich kunnen inschrijven voor een
# overeenkomst ... is verlengd", "Inschrijftermijn inkoop jeugdhulp 2018 ... verlengd", "is ... het inkooptraject met
# een half jaar verlengd", "de maatregel met vijf maanden verlengt"
_EXTENDED_OBJECT = re.compile(
    r"\b(?P<contract>\w*(?:contract|overeenkomst|raamovereenkomst|opdracht)\w*)\b|"
    r"\b(?P<other>\w*termijn\w*|(?:uiterste |sluitings)?datum|deadline|aanbesteding(?:sprocedure)?|\w*traject|procedure|"
    r"maatregel\w*|ondertoezichtstelling\w*|middelen|subsidie\w*|duur)\b", re.I)


def _conditional_mood(text: str, m: re.Match) -> bool:
    """Is the cue in a clause of the conditional mood ("zou(den)" before it), or named as a possibility ("eventuele")?"""
    if _POSSIBLE_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
        return True
    found = clause_at(text, m.start())
    if found is None:
        return False
    off, cl = found
    mood = _CONDITIONAL_MOOD.search(cl[:m.start() - off])
    # "zou ... hebben gewonnen", "zou zijn gegund": the perfect infinitive reports a past step at second hand
    return bool(mood) and not _PERFECT_INFINITIVE.search(cl[mood.end():])


# branch cv29: the modals of duty with a perfect infinitive. "moet(en)/dient/dienen ... zijn/hebben + participle" sets
# a deadline by which a step must have happened ("Per 1 januari 2026 moeten er nieuwe contracten zijn afgesloten", "De
# gemeenten moeten de contracten voor de zomer hebben ondertekend"): the step is to come, not reported -- the auxiliary
# and participle read it done. The past of the modal with "hebben" ("hadden ... getekend moeten zijn", "had ... moeten
# worden gegund") says the step ought to have happened and did not: no step. Read the Dutch way, as "zou" (cv28).
# Not the plain modal with a participle ("moest worden stopgezet": it had to be, and was), not `mislukt` (stages.md:
# "re-procurement ordered" is the duty itself).
#: branch cv74: a party "betrokken bij" a step in the present passive or a future -- "Aanbieders worden betrokken bij de
#: beoordeling", "worden de directies van beide scholen betrokken bij de beoordeling van de inschrijvingen", "zullen
#: worden betrokken bij de marktconsultatie" -- describes how the procedure is set up: the step is planned, not told as
#: running (not the perfect, "zijn betrokken geweest bij de beoordeling", a step behind). Also a line that begins with
#: "betrokken bij" (a hard-wrapped letter's line, "... en worden de directies\nbetrokken bij de beoordeling"): the line
#: is read as a sentence of its own, its auxiliary on the line before
_INVOLVED_BEFORE = re.compile(r"(?:(?i:\b(?:wordt|worden|zal|zullen)\b)(?: (?!en\b|maar\b|of\b|die\b|dat\b)[\w'-]+){0,8}? |^)"
                              r"betrokken (?:worden |zijn )?bij (?:de|het|een) (?:[\w-]+e )?$")
_DUTY = re.compile(r"\b(?:moet|moeten|dient|dienen)\b", re.I)
_PERFECT_AUX = re.compile(r"\b(?:zijn|hebben)\b", re.I)
# (within one clause of a verb: "De partij die had ingeschreven durfde het niet aan en we hebben de aanbesteding stop
# moeten zetten" is a pluperfect and a perfect of two verbs)
_COUNTERFACTUAL = re.compile(r"\bhad(?:den)?\b(?:(?!\b(?:en|maar|die|dat|omdat|want|of)\b)[^.;:,]){0,60}\bmoeten\b", re.I)


def _duty_perfect(text: str, m: re.Match) -> str | None:
    """"planned" for a step under a modal of duty with a perfect infinitive in the cue's clause, "none" for one that
    ought to have happened ("had(den) ... moeten"), else None."""
    found = clause_at(text, m.start())
    cl = found[1] if found else text
    if _COUNTERFACTUAL.search(cl):
        return "none"
    duty = _DUTY.search(cl)
    if duty and _PERFECT_AUX.search(cl, duty.end()) and _participles(cl[duty.end():]):
        return "planned"
    return None


def _extends_other(text: str, m: re.Match) -> bool:
    """Is the first thing the sentence names before a verlenging cue's verb a term, date, procedure, measure or money?"""
    verb = re.search(r"verleng", m.group(0), re.I)
    if verb is None or m.group(0).lower().startswith("verlenging"):
        return False  # the noun "verlenging (van het contract)" names its object after it
    first = _EXTENDED_OBJECT.search(text[:m.start() + verb.start()])
    return bool(first and first.group("other"))
# branch news14r: "stopzetten" is a failed procedure only when the procedure is what is stopped (stages.md's
# `mislukt`: "procedure stopped"), as for "intrekken" (vocabulary.STAGE_CUES); stopping the funding of a provider
# ("het stopzetten van de financiering voor jeugdhulp bij BEZINN") or a contract with one ("het stopzetten van het
# contract met Intervence") is no procedure step. The object follows the noun/infinitive ("stopzetten van de X")
# and precedes the participle or separable verb ("de X wordt stopgezet", "de X stop te zetten").
_STOP_VERB = re.compile(r"stop", re.I)
_STOPPED_OBJECT = re.compile(r"\b(?:financiering|bekostiging|subsidie|betaling|contract|overeenkomst|samenwerking)\w*", re.I)
_PROCEDURE_OBJECT = re.compile(r"\b(?:aanbested\w*|procedure\w*|inkoop\w*|tender\w*|gunning\w*|opdracht\w*)", re.I)


def _stops_other(text: str, m: re.Match) -> bool:
    """Is the object of a "stopzetten" cue a funding, a contract or a cooperation rather than the procedure?"""
    if not _STOP_VERB.match(m.group(0)):
        return False
    around = (text[m.end():m.end() + 40] if m.group(0).lower().startswith("stopzet")
              else text[max(0, m.start() - 50):m.start()])
    return bool(_STOPPED_OBJECT.search(around)) and not _PROCEDURE_OBJECT.search(around)
# branch news18: a definition is no report. "Een aanbesteding is de procedure waarbij een opdrachtgever ... organisaties
# vraagt om een offerte in te dienen" explains what a step is; it does not say the step is open (the step's cue read as
# current in a page's lead made the explainer's "inschrijving" outrank the kort geding the page reports). A sentence
# that opens with an indefinite subject, a copula and a noun phrase ("Een X is een/de ...", "Een X betekent ..."; not "Een
# aanbesteding is gestart"), or that names a step as "een/de procedure (manier, werkwijze) waarbij", is read as a
# definition: its cues are no steps.
# Not "het eens zijn met" (to agree): "Een zorgaanbieder is het niet eens met de voorlopige gunning" reports the
# award; nor "een van" (one of), nor a perfect tense with "zijn" ("Een zorgaanbieder is een kort geding begonnen",
# "... is een rechtszaak gestart": a participle before a relative clause) (rfix6b).
_DEFINITION = re.compile(r"^\W*een [\w-]+ (?:(?:is|zijn) (?:een|de|het(?! (?:[\w-]+ ){0,4}?(?:on)?eens\b))"
                         r"(?! van\b)(?!(?: (?!die\b|dat\b|waarbij\b|waarin\b|waarmee\b|om\b)[\w-]+){1,8}? "
                         r"(?:ge[a-z]{2,}(?:d|t|en)|begonnen|aangespannen|ingediend|ingeschreven|opgestart)\b)|"
                         r"betekent|houdt in)\b|"
                         r"\b(?:is|zijn) (?:een|de) (?:[\w-]+ )?(?:procedure|manier|methode|werkwijze|vorm|proces)\w* "
                         r"(?:waarbij|waarin|waarmee)\b", re.I)
# branch news18: stages.md's `mislukt` is a procedure stopped or "re-procurement ordered"; "opnieuw aanbesteed" told as a
# plain past ("In Noord Holland is de gesloten jeugdzorg in 2018 opnieuw aanbesteed") is a new round that was held,
# no failure: the participle counts only under an order or duty (moet, moeten, verplicht, veroordeeld, ...).
_ORDERED = re.compile(r"\b(?:moet|moeten|moest|moesten|dient|dienen|diende|verplicht\w*|veroordeeld|gelast\w*|bevolen|"
                      r"opgedragen|beveelt|beval)\b", re.I)


#: The participle in the present or future passive ("dat de jeugdhulp opnieuw aanbesteed wordt", "de opdracht wordt
#: opnieuw aanbesteed"): a re-procurement decided or ordered ("De rechter heeft bepaald dat ..."), not one held (rfix6b).
_PASSIVE_BEFORE = re.compile(r"\b(?:wordt|worden|zal|zullen)\b[^.;:]{0,60}$", re.I)
_PASSIVE_AFTER = re.compile(r"\s+(?:wordt|worden|zal|zullen)\b", re.I)


def _redone_unordered(text: str, m: re.Match) -> bool:
    """Is a "opnieuw aanbesteed" cue a re-procurement that was held rather than one ordered?"""
    return bool(re.search(r"aanbesteed$", m.group(0), re.I)) and not _ORDERED.search(text) \
        and not _PASSIVE_BEFORE.search(text[:m.start()]) and not _PASSIVE_AFTER.match(text[m.end():])


_EVENT_STAGES = {"voorlopige_gunning", "definitieve_gunning", "kort_geding", "bodemprocedure", "hoger_beroep",
                 "contract_ondertekend"}


#: branch cv55: a word of participle shape in -d/-t right after an article or demonstrative is a noun ("een besluit", "het
#: beleid", "een bericht", "een verband", "de gemeenteraad"; an attributive weak participle takes -e: "de gegunde
#: opdracht"), no tense marker -- as relevance.plain_purchases reads it since branch rel1. A strong participle in -en
#: keeps its reading ("de voorgenomen aanbesteding").
_ARTICLE_BEFORE = re.compile(r"\b(?:de|het|een|dit|deze)\s+$", re.I)


def _participles(text: str) -> list[re.Match]:
    return [m for m in PARTICIPLE.finditer(text) if m.group(0).lower() not in _NOT_PARTICIPLE
            and not (m.group(0)[-1] in "dtDT" and _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()))]


#: In a very long piece (a page without full stops), only this many characters either side
#: of a cue are searched for its tense marker: each cue scanning the whole piece made the
#: analysis quadratic (issue 13). Pieces up to 2,000 characters are searched whole.
_TENSE_WINDOW = 400


@lru_cache(maxsize=64)
def _has_aux(sentence: str) -> bool:
    return bool(AUX.search(sentence))


#: branch cv70: an aside in brackets -- "Nieuwe inkoop m.i.v. 2027 voor 5 gemeenten ... (uitkomst Robuustheidscan
#: uitgevoerd in 2024)" -- has its own tense, not the sentence's: a participle in it does not make the step outside done
_ASIDE = re.compile(r"\([^()]{0,300}\)")


def _without_asides(piece: str, cue_pos: int) -> str:
    """``piece`` with every bracketed aside that does not hold ``cue_pos`` blanked (positions kept)."""
    return _ASIDE.sub(lambda m: m.group(0) if m.start() <= cue_pos < m.end() else " " * len(m.group(0)), piece)


def _grammar(piece: str, sentence: str, cue_pos: int) -> str | None:
    """Status from the tense marker nearest to ``cue_pos`` in ``piece`` (outside the asides in brackets that do not
    hold the cue)."""
    if len(piece) > 2_000:
        low = max(0, cue_pos - _TENSE_WINDOW)
        piece, cue_pos = piece[low:cue_pos + _TENSE_WINDOW], cue_pos - low
    if "(" in piece:
        piece = _without_asides(piece, cue_pos)
    if (until := _UNTIL_AFTER.search(piece, cue_pos)) is not None and _UNTIL_PRESENT.search(piece, until.end()) \
            and not _UNTIL_PAST.search(piece, until.end()):
        piece = piece[:until.start()]  # branch cv76: the clause of time after the cue tells another step (_until_told)
    marks = _marks(piece, sentence, on("stage.deadline_ahead"))
    if isinstance(marks, str) or not marks:
        return marks or None
    return min(marks, key=lambda x: (abs(x[0] - cue_pos), STATUS_PRIORITY[x[1]] * -1))[1]


@lru_cache(maxsize=256)
def _marks(piece: str, sentence: str, deadline_ahead: bool) -> str | tuple[tuple[int, str], ...]:
    """The tense markers of ``piece`` (position, status) for :func:`_grammar`, or ``"current"`` for a
    deadline still ahead. Worked out once a piece, not once a cue in it (the cues of one long
    sentence each scanned it: 9,000 scans of 1,500 characters for a page of "gegund aan")."""
    piece = re.sub(r"\bgaat (nog )?om\b", lambda m: "is " + (m.group(1) or ""), piece, flags=re.I)  # "het gaat (nog) om" = "it is"
    if deadline_ahead and DEADLINE.search(piece) and re.search(r"\ba\.s\.|\baanstaande\b", piece, re.I):
        return "current"  # a deadline still ahead: the step is open now
    marks: list[tuple[int, str]] = []
    for m in PLANNED.finditer(piece):
        marks.append((m.start(), "planned"))
    for m in CURRENT.finditer(piece):
        marks.append((m.start(), "current"))
    has_aux = _has_aux(sentence)
    if has_aux:
        for m in _participles(piece):
            marks.append((m.start(), "done"))
    for m in PAST_EVENT.finditer(piece):
        marks.append((m.start(), "done"))
    # present passive ("Nu wordt begonnen met de inkoop", "het contract wordt aan een beperkte hoeveelheid aanbieders
    # gegund", "de contracten worden daarna ondertekend"): a participle of the passive is no past event. The Dutch
    # participle closes its clause, so the whole clause after "wordt"/"worden" is read, not only the word after it (branch
    # cv30; the named rule `stage.present_passive` read the participle right after "wordt" only)
    return tuple((pos, st) for pos, st in marks
                 if not (st == "done" and _IN_PRESENT_PASSIVE.search(piece[max(0, pos - 90):pos])))


#: branch cv45: the period of the service bought -- "de jeugdhulp vanaf 2025", "vanaf 1 januari 2025", "voor de periode
#: 2025-2028", "2025 t/m 2028" -- dates the contract, not the step told beside it: "De regio heeft de aanbesteding voor de
#: jeugdhulp vanaf 1 januari 2025 gepubliceerd" is published (done), "schrijven een aanbesteding uit voor de jeugdhulp
#: vanaf 2025" runs now. Read without it for every stage but those the period itself dates (the start, an extension,
#: the transition).
_SERVICE_PERIOD = re.compile(
    r"\b(?:vanaf|per|met ingang van|ingaande)\s+(?:(?:\d{1,2}\s+)?(?:januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december)\s+)?(?:19|20)\d\d\b|"
    r"\b(?:(?:voor |in )?de (?:periode|jaren|contractperiode|looptijd)\s+(?:van\s+)?)?(?:19|20)\d\d\s*(?:-|–|t/m|tot en met|tot)\s*"
    r"(?:19|20)\d\d\b", re.I)
_PERIOD_STAGES = {"contractstart", "verlenging", "implementatie"}


def _without_period(stage: str, clause: str, decided: bool = False) -> str:
    """The clause without the service period, unless the period dates the stage itself: the start, an extension, the
    transition, or a plan a decision was taken on (``_DECIDED``: "stemde in met het programmaplan dat ... vanaf 2021",
    which the decision then makes current whatever the date)."""
    return clause if decided or stage in _PERIOD_STAGES else _SERVICE_PERIOD.sub(" ", clause)


def _date_status(clause: str, events: list[dict], ref: dt.date | None, max_date: str | None) -> str | None:
    dated = [e for e in events if e["text"] and e["text"] in clause]
    if not dated:
        return None
    e = dated[0]
    date = e["date"]
    if re.search(r"\bsinds\b", clause, re.I):
        return "current"
    if DEADLINE.search(clause) and e["precision"] != "range":
        if re.search(r"\ba\.s\.|aanstaande", clause, re.I):
            return "current"
        if ref:
            return "current" if date > ref.isoformat()[: len(date)] else "done"
        return "current" if max_date and date >= max_date else None
    if ref:
        r = ref.isoformat()[: len(date)]
        if date < r:
            return "done"
        if date > r:
            return "planned"
        return None
    return None


#: branch cv52: the care as the object of a preposition -- "van/voor de jeugdhulp", with any number of inflected
#: adjectives between ("voor de nieuwe regionale jeugdhulp", "van de specialistische en ambulante jeugdzorg") -- is no
#: subject of "gaat/ging van start": the procedure before it is (vocabulary's fixed lookbehinds held one adjective only)
_CARE_NOUN = re.compile(r"(?:zorg|jeugdhulp|jeugdzorg|hulpverlening|dienstverlening)\b", re.I)
_IN_PREP_PHRASE = re.compile(r"\b(?:van|voor|naar|over|met|bij|om|in|op|rond|tot|aan|tegen|zonder)\s+"
                             r"(?:(?:de|het|een|onze|hun|uw|deze|dit|die|alle)\s+)?"
                             r"(?:[\w-]+e,?\s+(?:(?:en|of)\s+)?){0,4}$", re.I)


#: branch cv64: a buyer looking for partners or providers -- "De gemeente is op zoek naar een samenwerkingspartner voor de
#: jeugdhulp", "De regio zoekt nieuwe aanbieders voor ...", "zoekt samenwerkingspartner" -- sounds out the market before
#: any procedure: stages.md's `marktconsultatie` (marktverkenning; the dev gold reads such a call for interest so), weak
#: evidence (any step the page tells of the procedure outranks it). The partners or providers the object, not a job ("op
#: zoek naar een jeugdhulpverlener", "nieuwe collega's")
_SEEKING_PARTNERS = re.compile(
    r"\b(?:(?:is|zijn|was|waren) (?:[\w'-]+ ){0,4}?op zoek naar |(?:zoek(?:t|en)|zocht(?:en)?) "
    # (branch cv65: the subject after the verb, "Via een aanbesteding zoekt de gemeente ...", and the means before the
    # object, "zoekt via een aanbesteding nieuwe aanbieders")
    r"(?:(?:de|het|onze) [\w-]+ |(?:zij|ze|we|wij|men|hij) )?(?:(?:met|via|middels) (?:een|de|het) (?:[\w-]+ )?[\w-]+ )?"
    r"(?:naar )?)"
    r"(?:(?:een|de|meerdere|twee|drie) )?(?:[\w-]+ )?"
    r"(?:samenwerkings|zorg|jeugdhulp|jeugdzorg)?(?:partners?|aanbieders?|opdrachtnemers?)\b", re.I)
#: branch cv65: ... by means of a tender -- "De gemeente is met een aanbesteding op zoek naar een samenwerkingspartner", "Via
#: een openbare aanbesteding zoekt de regio nieuwe aanbieders", "zoekt via TenderNed" -- is no sounding out of the market:
#: the search is the procedure, put out (stages.md aankondiging), in the search's own verb's tense
_TENDER_MEANS = re.compile(r"\b(?:met|via|middels|door middel van) (?:een|de|het) (?:[\w-]+ )?"
                           r"(?:aanbesteding\w*|\w*procedure|tender|inkoopprocedure)\b|\b(?:via|op) tenderned\b", re.I)


def search_gives_way(stages: list[dict]) -> list[dict]:
    """branch cv65: a search for partners read as the market sounded out (:data:`_SEEKING_PARTNERS`, weak) gives way to a
    step of the procedure itself the page tells as taken or running -- "De gemeente is op zoek naar een
    samenwerkingspartner. De aanbesteding staat open tot 1 mei": the search is that tender's, no market consultation."""
    if not any(s.get("seeking") for s in stages):
        return stages
    if not any(s["stage"] in _PROCEDURE_STEPS and s["status"] in ("done", "current") for s in stages):
        return stages
    return [s for s in stages if not s.get("seeking")]


#: branch cv66: the contract's start as an infinitive's aim (vocabulary.STAGE_CUES contractstart)
_AIMED_START = re.compile(r"\b(?:in te (?:laten )?gaan|te laten (?:ingaan|starten|beginnen))$", re.I)
_ADDRESSED_BEFORE = re.compile(r"\bop\s+(?:(?:het|de|dit|deze|een|dat|die|hun|ons|onze)\s+)?(?:[\w-]+\s+)?$", re.I)
#: branch cv66: the relative clause of a contract start ("dat vanaf juli ingaat", vocabulary.STAGE_CUES) is read on the
#: contract noun right before it or a word or two (three at most) before it: "het contract dat", "de nieuwe contracten,
#: die", "de overeenkomsten voor de jeugdhulp die", "de opdracht die" -- not on another noun ("de gemeente die in juli start")
_RELATIVE_START = re.compile(r"(?:dat|die)\b", re.I)
_CONTRACT_BEFORE_RELATIVE = re.compile(r"\b(?:[\w-]*contract(?:en)?|[\w-]*overeenkomst(?:en)?|opdracht(?:en)?)"
                                       r"(?: (?!(?:en|of|maar|dat|die|met|bij|door)\b)[\w'-]+){0,3},? $", re.I)


#: branch cv67: "inschrijven via TenderNed" after "kunnen/kan" in its clause -- "Aanbieders kunnen zich tot 1 mei
#: inschrijven via TenderNed" -- tells the enrolment open (stages.md inschrijving, "tenders can be submitted"; its status
#: the clause's deadline against the page's date), not the notice published: the enrolment cue reads it
_ENROL_VIA = re.compile(r"inschrijven via\b", re.I)
_MODAL_BEFORE = re.compile(r"\b(?:kunnen|kan)\s+(?:[\w'()-]+\s+){0,6}$", re.I)


#: branch cv70: a party's own tender, by its possessive or "van" and the party (not "de inschrijving van de jeugdhulp")
_OWN_TENDER = re.compile(r"(?i:\b(?:haar|zijn|hun|diens)\s+(?:[\w-]+e\s+)?(?:inschrijving|offerte)(?:en|s)?\b)|"
                         r"(?i:\b(?:de|het)\s+(?:inschrijving|offerte)(?:en|s)?\s+van\s+)"
                         r"(?:(?i:(?:(?:de|het)\s+)?(?:eiser(?:es)?|eiseressen|eisers|verzoek(?:st)?er|"
                         r"(?:zorg|jeugdhulp)?aanbieder|inschrijver|partij))\b|[A-Z][\w&'-]+\b)")


#: branch cv73: the award an objection is made against -- "Er is bezwaar gemaakt tegen de gunning", "twee bezwaren tegen
#: de gunning" -- is the intention to award: stages.md's `bezwaar` is the objection during the standstill the provisional
#: award opens, so "de gunning" named after it is no final award (which would outrank the objection as the page's news).
#: Not where no objection was made ("Er zijn geen bezwaren ingediend tegen de gunning": the award stands, cv58/cv59) or
#: the objection was rejected or withdrawn ("Het bezwaar tegen de gunning is ongegrond verklaard": the award final)
_OBJECTED_AWARD = re.compile(r"de gunning", re.I)
_OBJECTION_AGAINST = re.compile(r"(?<!\bgeen )(?<!\bgeen enkel )\bbezwa(?:ar|ren)\b(?:\s+[\w'-]+){0,5}?\s+tegen\s+$", re.I)
_OBJECTION_SETTLED = re.compile(r"\b(?:ongegrond|afgewezen|verworpen|ingetrokken|niet-ontvankelijk|niemand|geen)\b", re.I)
_NOBODY_OBJECTED = re.compile(r"\b(?:niemand|geen)\b", re.I)


#: branch cv73: the perfect of aanbesteden, its auxiliary before the participle in one clause ("is opnieuw aanbesteed",
#: "hebben de jeugdhulp Europees aanbesteed"); not the present or future passive after it ("aanbesteed wordt"), nor
#: under an order (_ORDERED: "moet opnieuw worden aanbesteed")
_PROCURED_HELD = re.compile(r"\b(?:is|zijn|werd|werden|heeft|hebben)\b(?:\s+[\w'-]+){0,6}?\s+aanbesteed\b", re.I)


def _hits(sentence: str) -> list[tuple[str, re.Match]]:
    found: list[tuple[str, re.Match]] = []
    taken: list[tuple[int, int]] = []
    # nobody enrolled is a failed procedure, not the enrolment done (vocabulary.NOBODY_ENROLLED)
    for m in re.finditer(NOBODY_ENROLLED, sentence, re.I):
        taken.append(m.span())
        found.append(("mislukt", m))
    # the award denied is a failed procedure, not the award done (vocabulary.NOT_AWARDED, branch cv32)
    for m in re.finditer(NOT_AWARDED, sentence, re.I):
        if not any(m.start() < b and m.end() > a for a, b in taken):
            taken.append(m.span())
            found.append(("mislukt", m))
    # the tender-open verbs (round four) come first, outside a sentence about a dialogue procedure
    for rule, stage, rx in EXTRA_CUES:
        if rule == "stage.tender_open" and on(rule) and not re.search(r"dialoog", sentence, re.I):
            for m in re.finditer(rx, sentence, re.I):
                if not any(m.start() < b and m.end() > a for a, b in taken):
                    taken.append(m.span())
                    found.append((stage + ":open", m))
            for m in _WILL_ENROL.finditer(sentence):
                if not any(m.start() < b and m.end() > a for a, b in taken):
                    taken.append(m.span())
                    found.append((stage + ":open", m))
    # branch cv47: a choice on how to procure, for or against a tender ("kiezen we niet voor een nieuwe aanbesteding"),
    # read before the stage cues, whose "kiezen ... voor een nieuwe aanbesteding" its negation would deny
    for m in re.finditer(PREPARATION_CHOICE, sentence, re.I):
        if not any(m.start() < b and m.end() > a for a, b in taken):
            taken.append(m.span())
            found.append(("voorbereiding:choice", m))
    # branch cv49: the decision making on the purchase beginning (the preparation under way), read before the stage cues,
    # whose "de aanbesteding ... begint" it holds; the purchase approved ("Inkoop jeugdzorg geaccordeerd door de raad")
    for tag, rx in (("voorbereiding:decided", DECISION_STARTS), ("voorbereiding:approved", PURCHASE_APPROVED),
                    ("voorbereiding:decided", DECIDED_TO_TENDER)):
        for m in re.finditer(rx, sentence, re.I):
            if not any(m.start() < b and m.end() > a for a, b in taken):
                taken.append(m.span())
                found.append((tag, m))
    for stage, rx in STAGE_CUES:
        for m in re.finditer(rx, sentence, re.I):
            if any(m.start() < b and m.end() > a for a, b in taken):
                continue
            if stage == "contractstart" and _RELATIVE_START.match(m.group(0)) \
                    and not _CONTRACT_BEFORE_RELATIVE.search(sentence, max(0, m.start() - 80), m.start()):
                continue  # branch cv66: a relative clause's start on no contract ("de gemeente die in juli start")
            if stage == "contractstart" and _AIMED_START.search(m.group(0)) \
                    and _ADDRESSED_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
                continue  # branch cv66: "om op het contract in te gaan" addresses the contract, no start
            if stage == "aankondiging" and _ENROL_VIA.match(m.group(0)) \
                    and _MODAL_BEFORE.search(sentence, max(0, m.start() - 80), m.start()):
                continue  # branch cv67: "Aanbieders kunnen zich tot 1 mei inschrijven via TenderNed": the enrolment open
            if stage == "contractstart" and _CARE_NOUN.match(m.group(0)) and _IN_PREP_PHRASE.search(sentence[max(0, m.start() - 160):m.start()]):
                continue  # the care named after a preposition is no subject: "De aanbesteding voor de nieuwe regionale jeugdhulp ging ... van start" (cv52)
            taken.append(m.span())
            if stage == "definitieve_gunning" and _OBJECTED_AWARD.fullmatch(m.group(0)) \
                    and (objection := _OBJECTION_AGAINST.search(sentence, max(0, m.start() - 80), m.start())) \
                    and not _OBJECTION_SETTLED.search(sentence, objection.start()) \
                    and not _NOBODY_OBJECTED.search(sentence):
                # (branch cv74: a verdict's word after the objection, not a party's before it: "Een afgewezen aanbieder
                # heeft bezwaar aangetekend tegen de gunning" is an objection made, the award provisional; "niemand" or
                # "geen" anywhere still tells none made)
                stage = "voorlopige_gunning"  # branch cv73: "Er is bezwaar gemaakt tegen de gunning": the award objected to
            found.append((stage, m))
    # branch cv46: a plan to procure ("wil de jeugdzorg anders aanbesteden", "de nieuwe inkoop"), core: the decision made
    for m in re.finditer(PLAN_TO_PROCURE, sentence, re.I):
        if not any(m.start() < b and m.end() > a for a, b in taken):
            taken.append(m.span())
            found.append(("voorbereiding:decided", m))
    # branch cv70: a party's own tender ("De inschrijving van eiseres is ... afgewezen", "wat ze bij haar inschrijving heeft
    # beloofd", "hun offerte werd ongeldig verklaard") presupposes the tenders submitted: the enrolment, weak
    for m in _OWN_TENDER.finditer(sentence):
        if not any(m.start() < b and m.end() > a for a, b in taken):
            taken.append(m.span())
            found.append(("inschrijving:own", m))
            break
    # branch cv70: the tender's start to come ("zou de aanbesteding ... starten op 26 augustus"): the notice to come,
    # read over the plan's words too (both steps are told), where no cue of the notice is found in the sentence
    if not any(tag.split(":")[0] == "aankondiging" for tag, _ in found):
        for m in re.finditer(TENDER_TO_COME, sentence, re.I):
            found.append(("aankondiging:to_come", m))
            break
    for m in re.finditer(COUNCIL_DEBATE, sentence, re.I):  # branch cv47: the council debating the procurement (weak)
        if not any(m.start() < b and m.end() > a for a, b in taken):
            taken.append(m.span())
            found.append(("voorbereiding:noun", m))
    for m in re.finditer(NEW_ROUND, sentence, re.I):
        if not any(m.start() < b and m.end() > a for a, b in taken):
            taken.append(m.span())
            found.append(("voorbereiding:round", m))  # (branch cv77: a noun as ":noun", the round named kept apart)
    # branch cv73: a procurement told held in the perfect, active or passive ("Het sociaal domein is opnieuw aanbesteed",
    # "De gemeente heeft de jeugdhulp Europees aanbesteed"): the procedure was put out, at least (stages.md aankondiging)
    for m in _PROCURED_HELD.finditer(sentence):
        if not any(m.start() < b and m.end() > a for a, b in taken) and not _ORDERED.search(sentence) \
                and not _PASSIVE_AFTER.match(sentence[m.end():]):
            taken.append(m.span())
            found.append(("aankondiging:held", m))
    for m in _SEEKING_PARTNERS.finditer(sentence):  # branch cv64: a search for partners before a procedure (weak)
        if not any(m.start() < b and m.end() > a for a, b in taken):
            taken.append(m.span())
            low = max(0, m.start() - 80)
            start = max((b.end() for b in _CLAUSE_STOP.finditer(sentence, low, m.start())), default=low)
            by_tender = _TENDER_MEANS.search(sentence, start, _clause_end(sentence, m.end()))
            # (branch cv65: by means of a tender, the search is the procedure put out)
            found.append(("aankondiging:seeking_tender" if by_tender else "marktconsultatie:seeking", m))
    for rule, stage, rx in EXTRA_CUES:
        if not on(rule) or rule == "stage.tender_open":
            continue
        for m in re.finditer(rx, sentence, re.I):
            if not any(m.start() < b and m.end() > a for a, b in taken):
                taken.append(m.span())
                found.append((stage + (":decided" if rule == "stage.purchase_decision" else
                                       ":opened" if rule == "stage.start_told" and m.group(0).endswith("geopend") else ""), m))
    # implied outcome and start (vocabulary.IMPLIED_AWARD / IMPLIED_START): read on their own,
    # they may overlap the cues above ("krijgen vanaf 2020 ... een contract")
    if on("stage.redo"):
        for m in re.finditer(REDO, sentence, re.I):
            if not any(m.start() < b and m.end() > a for a, b in taken):
                taken.append(m.span())
                found.append(("mislukt", m))
    # branch cv52: the procurement's verb and its object in one clause, in either order (vocabulary.VERB_OBJECT_CUES),
    # read last and only where no other cue holds the words: it adds a step no fixed cue found, never overrides one
    for stage, rx in VERB_OBJECT_CUES:
        for m in re.finditer(rx, sentence, re.I):
            if not any(m.start() < b and m.end() > a for a, b in taken):
                found.append((stage, m))
    for stage, rx in (("definitieve_gunning", IMPLIED_AWARD), ("contractstart", IMPLIED_START)):
        if not on("stage.implied_award" if stage == "definitieve_gunning" else "stage.implied_start"):
            continue
        for m in re.finditer(rx, sentence):
            found.append((stage + ":implied", m))
    # "Sinds 1 januari 2024 verzorgt MetMaya ...": the provider chosen (award done) and its start (round eight)
    if on("stage.service_statement"):
        for rx, start in ((SERVICE_FROM, "contractstart:service"), (SERVICE_DONE, "contractstart:service_done")):
            for m in re.finditer(rx, sentence):
                found.append(("definitieve_gunning:implied", m))
                found.append((start, m))
    return found


#: branch cv74: the enrolment cue ending in the passive of sluiten ("De inschrijving voor de aanbesteding is gesloten"):
#: the enrolment is over, done -- "gesloten" is no participle to the tense reader (_NOT_PARTICIPLE: "gesloten jeugdzorg"),
#: which read it running
_CLOSED_IN_CUE = re.compile(r"\b(?:is|zijn|was|waren|werd|werden)\s+(?:[\w'-]+\s+){0,3}?gesloten$", re.I)

#: branch cv74: the draft of the tender documents, the preparation cue of :data:`vocabulary.STAGE_CUES`
_DRAFT_DOCUMENTS = re.compile(STAGE_CUES[0][1], re.I)

# branch cv36: a purchase the text names, behind a facility's opening read as a contract start (stage.start_told)
_PURCHASE_BEHIND = re.compile(r"aanbested|aanbesteed|ingekocht|\binkoop|gegund|gunning|gecontracteerd", re.I)


#: branch cv60: stages.md's `bezwaar` is the objection during the standstill an award opens: a complaint ("klacht") is one
#: only where its sentence names the award ("een klacht over de voorlopige gunning"), not a complaint about the tender's
#: terms before it ("diende een klacht in over het geboden tarief"); and the term for objecting told as passed ("De
#: bezwaartermijn is verlopen", "na het verstrijken van de standstill") tells none made
_COMPLAINT = re.compile(r"klacht|diende", re.I)
_AWARD_WORD = re.compile(r"\b(?:gun\w*|gegund\w*|voorlopige?\s+gunning\w*|\w*gunningsbeslissing\w*|\w*gunningsvoornemen\w*)",
                         re.I)
_TERM_PASSED = re.compile(r"(?:\s+[\w'-]+){0,3}?\s+(?:is|zijn|was|waren)\s+(?:inmiddels\s+|nu\s+)?(?:verlopen|verstreken|"
                          r"voorbij|afgelopen)\b", re.I)


#: branch cv75: a list of the contracted providers, where to find them: "staan/staat op de website", "vindt u op/in",
#: "een overzicht/lijst van de gecontracteerde aanbieders" (the award's cue, stages.md's "gecontracteerde aanbieders", is
#: the providers' state here, no step)
_DIRECTORY = re.compile(r"\b(?:sta(?:at|an)|vindt u|vind je|te vinden|te zien|zie|kijk|bekijk)\b(?: [\w'-]+){0,4}? "
                        r"(?:op|in|via) (?:de|het|onze|deze) (?:[\w-]+ )?(?:website|site|webpagina|pagina|overzicht|lijst|"
                        r"sociale kaart|zorgkaart|zorgwijzer)\b|"
                        r"\b(?:overzicht|lijst|lijsten|overzichten) (?:van|met) (?:alle |de )?(?:[\w-]+ )?"
                        r"(?:gecontracteerde|gegunde)\b", re.I)
#: branch cv75: the intention to award made known ("laat weten aan wie zij de opdracht wil gunnen", vocabulary's
#: voorlopige_gunning cue): the part up to "aan wie" is the telling, whose tense decides; "heeft laten weten", "liet weten"
#: (the double infinitive has no participle) is the telling done
_MADE_KNOWN = re.compile(r"(?:weten|bekend|bekendgemaakt|bekendmaken|bekendmaakt|meegedeeld|mee) aan wie\b", re.I)
_TOLD_PAST = re.compile(r"\b(?:heeft|hebben|had|hadden)\b(?: [\w'-]+){0,4}? laten weten\b|\b(?:liet|lieten) (?:[\w'-]+ ){0,4}?weten\b",
                        re.I)


def detect_stages(sents: list[Sentence], events: list[dict], ref: dt.date | None) -> list[dict]:
    max_date = max((e["date"] for e in events), default=None)
    raw: list[dict] = []
    ruled = None  # does the text report a ruling anywhere? (stage.legal_filed; asked only for a suit brought)
    interim = None  # does the text report an interim judgment and no final one? (branch cv41)
    ahead: dict[int, bool] = {}  # does sentence i set a deadline after the page's date? (branch cv41)
    anchors = _paragraph_anchors(sents)  # each sentence's paragraph's dated mention (branch cv67)
    # branch cv74: a page about the draft of its tender documents ("het concept van de offerteaanvraag") means the draft
    # by the bare "de offerteaanvraag" too: no call to tender is out
    draft = any(_DRAFT_DOCUMENTS.search(t.text) for t in sents)
    for i, s in enumerate(sents):
        text = s.text
        if label_date(text):
            continue  # the page's own date line (extraction's one reader of it, branch refnews66)
        hits = _hits(text)
        if not hits or _DEFINITION.search(text):
            continue  # no cue, or a definition of a step rather than a step (news18)
        for stage, m in hits:
            implied = stage.endswith(":implied")
            open_now = stage.endswith(":open")
            service_done = stage.endswith(":service_done")
            decided = stage.endswith(":decided")
            # branch cv47: a choice against a tender ("kiezen niet voor", "zien af van"): its negation is the choice made,
            # no denial of the step; "het voorgenomen aanbestedingstraject" is a choice for one, denied as any cue is
            choice = stage.endswith(":choice") and bool(re.search(r"\bniet\b|\baf van\b|\baf(?:zien|ziet|gezien)\b", m.group(0), re.I))
            decided = decided or stage.endswith(":choice")
            round_named = stage.endswith(":round")  # branch cv77: the new round named, "de nieuwe inkoop" (below)
            noun_only = stage.endswith(":noun") or round_named  # branch cv46: "de nieuwe inkoop", weak even in a headline
            approved = stage.endswith(":approved")  # branch cv49: the purchase approved, told without a tense
            weak = stage.endswith(":weak")  # branch cv53: "contracten gesloten met 40 aanbieders", no procurement alone
            seeking = stage.endswith(":seeking")  # branch cv64: a buyer looking for partners, its own verb's tense decides
            weak = weak or seeking
            seeking = seeking or stage.endswith(":seeking_tender")  # branch cv65: ... by a tender (strong evidence)
            weak = weak or stage.endswith(":own")  # branch cv70: a party's own tender, the enrolment presupposed
            to_come = stage.endswith(":to_come")  # branch cv70: the tender to come, its future auxiliary in the cue
            weak = weak or to_come
            chosen = stage.endswith(":chosen")  # branch cv53: "Kwadraad wordt de nieuwe aanbieder": the award made
            # branch cv75: a directory of the contracted providers ("Alle aanbieders die door de gemeente zijn
            # gecontracteerd, staan op de website", "Een overzicht van de gecontracteerde aanbieders vindt u ...") is
            # where to find care, no award news: weak evidence, any step the page tells outranks it
            weak = weak or (stage.startswith("definitieve_gunning") and bool(_DIRECTORY.search(text)))
            if draft and open_now and m.group(0).lower() == "offerteaanvraag":
                continue  # the draft's call to tender, named without "concept" (branch cv74)
            if stage.endswith(":opened") and not any(_PURCHASE_BEHIND.search(t.text) for t in sents):
                continue  # a building opened that no purchase is behind (branch cv36)
            stage = stage.split(":")[0]
            if (on("stage.tender_context") and stage == "inlichtingen" and m.group(0).lower().startswith("vragen")
                    and not _TENDER_CONTEXT.search(text)):
                continue  # questions at a meeting, not the tender's question round
            if (on("stage.implementation_context") and stage == "implementatie" and m.group(0).lower().startswith("implementatie")
                    and not re.search(r"aanbieder|contract(?!standaard)|gegund|gunning|aanbested|overgang|cli[eë]nt|jeugdigen", text, re.I)):
                continue  # "helpen bij de implementatie" of anything: not the new contracts' start-up
            if implied and stage == "definitieve_gunning":
                raw.append({"stage": stage, "status": "done", "cue": m.group(0), "sentence": text, "strong": True})
                continue  # who delivers from a date on is known: the award is made
            will_enrol = open_now and bool(_WILL_ENROL.fullmatch(m.group(0)))
            if (on("stage.negation") and stage != "mislukt" and not choice and _NEGATED.search(text[max(0, m.start() - 30):m.start()])
                    and not _ENROLLED.search(m.group(0)) and not will_enrol and not _consented_before(text, m)
                    and not _unopposed(text, m)):
                continue  # "geen ruimte voor een marktconsultatie", "niet gegund": the step did not happen
            if (stage not in INTERRUPTING and not _ENROLLED.search(m.group(0)) and not will_enrol and not choice
                    and _negated_in_cue(text, m)):
                continue  # "de opdracht is niet gegund", "wordt niet verlengd": the step denied (core, branch cv32)
            if (not _ENROLLED.search(m.group(0)) and not will_enrol and not choice
                    and _DENIED_NOUN.search(text, max(0, m.start() - 40), m.start())):
                continue  # "Er is geen kort geding aangespannen", "geen bezwaren ingediend": the step denied (core, cv56)
            if stage in _PARTY_STEPS and _NOBODY_BEFORE.search(text, max(0, m.start() - 90), m.start()):
                continue  # "Niemand heeft bezwaar gemaakt", "Geen van de aanbieders ...": no party took the step (core, cv56)
            if (_hypothetical_before(text, m) or _CONDITIONAL.search(text[:m.start()])
                    or _HYPOTHETICAL_AFTER.match(text[m.end():]) or _conditional_mood(text, m)):
                # "Mocht de rechter beslissen dat er opnieuw aanbesteed wordt, ...": nothing happened (any stage, round
                # two). Core since branch cv21, which took out the `headline` definition that had kept such a side
                # remark's failure from outranking the lead's step; it was the named rule `stage.hypothetical`.
                continue
            duty = _duty_perfect(text, m) if stage != "mislukt" else None
            if duty == "none":
                continue  # "De contracten hadden al lang getekend moeten zijn": the step did not happen (cv29)
            if stage == "mislukt" and re.search(r"uitgesteld|uit te stellen", m.group(0), re.I) and not _INDEFINITE.search(text):
                continue  # "de gunning is uitgesteld, ... besloten het contract vanaf februari in te laten gaan": a delay
            if stage == "mislukt" and _redone_unordered(text, m):
                continue  # "is in 2018 opnieuw aanbesteed": a new round held, not re-procurement ordered (news18)
            if (stage == "mislukt" and _REDO_CUE.search(m.group(0)) and not _HAD_TO.search(text)
                    and not re.search(r"aanbesteed\b", m.group(0), re.I)
                    and not any(_FAILED_BEFORE.search(t.text) for t in sents)):
                # "Verlengen is in strijd met de Europese regels, dus we moeten opnieuw aanbesteden": the next round, not
                # a failed one -- nothing in the text failed or was ruled on (branch cv34); the past of the duty ("moest
                # ... opnieuw worden aanbesteed") tells that a round had to be redone, and the passive ("wordt opnieuw
                # aanbesteed") a re-procurement decided (rfix6b): both left a failure. The plan to procure again is made
                # now, whatever tense the procurement takes ("we gaan ... opnieuw aanbesteden"): stages.md's
                # `voorbereiding`, "decision or plan to procure", current
                stage, decided = "voorbereiding", True
            if (re.fullmatch(r"(?:opnieuw )?[\w-]+en", m.group(0), re.I) and _INFINITIVE_JUDGED.match(text[m.start():])
                    and not text[:m.start()].strip(" \"'‘’“”-–")):
                continue  # "Verlengen is in strijd met de regels": an option weighed, no step (branch cv34)
            if stage == "mislukt" and _stops_other(text, m):
                continue  # "het stopzetten van de financiering": a provider's funding or contract, not the tender (news14r)
            if stage == "verlenging" and _extends_other(text, m):
                continue  # "de inschrijftermijn is verlengd": a term, not a contract, extended (news16)
            if stage == "mislukt" and m.group(0).lower() == "ingetrokken" and _legal_withdrawn(text, m):
                continue  # "het kort geding / bezwaar is ingetrokken": the procedure goes on (branch cv54)
            if (stage not in INTERRUPTING and stage != "bezwaar" and _LEGAL_AGAINST.search(text, max(0, m.start() - 80), m.start())
                    and _WITHDRAWN_AFTER.match(text[m.end():])):
                continue  # "het bezwaar tegen de gunning is ingetrokken": the objection withdrawn, no award told (cv55)
            if stage == "mislukt" and m.group(0).lower() == "ingetrokken" and _MOTION.search(text):
                continue  # "een - later weer ingetrokken - motie": a council motion withdrawn, not the tender (round ten)
            if stage == "bezwaar" and _COMPLAINT.match(m.group(0)) and not _AWARD_WORD.search(text):
                continue  # branch cv60: "diende een klacht in over het tarief": a complaint about the tender, no award objected to
            if stage == "bezwaar" and _TERM_PASSED.match(text, m.end()):
                continue  # branch cv60: "De bezwaartermijn is verlopen": the standstill passed, no objection told
            if on("stage.legal_other_field") and stage in LEGAL_STAGES and re.search(r"\bpgb\b|\bwmo\b|kinderopvang|leerlingenvervoer|regiotaxi", text, re.I):
                continue  # rule (b)
            if stage in LEGAL_STAGES and _CHILD_PROTECTION.search(text):
                continue  # branch cv77: "De Raad voor de Kinderbescherming adviseert de rechtbank ...": a measure, no tender
            if stage == "inlichtingen" and re.search(r"marktconsultatie", text, re.I):
                stage = "marktconsultatie"  # rule (c)
            status, strong = None, True
            plan_decided = stage in _DECISION_STAGES and bool(_DECIDED.search(text[:m.start()]) or _decision_asked(text, m))
            if decided:
                status = "current"  # the decision on how to purchase is taken: the preparation is under way (news12)
            if to_come:
                status = "planned"  # "zou de aanbesteding ... starten", "zal de opdracht publiceren": the future told in the cue
            if seeking:
                # "is op zoek naar een ervaren samenwerkingspartner die ... begeleid ...": the search's own verb, not a
                # participle elsewhere in the sentence, tells whether it runs
                status = "done" if re.match(r"(?:was|waren|zocht)\b", m.group(0), re.I) else "current"
            if service_done:
                status = "done"  # "liet deze uitvoeren door ...": the delivery began in the past
            # a ruling reported is a ruling made: core since branch cv31 (the named rule `stage.ruling_done`, two dev
            # sites fixed, none broken; a verdict's verbs are what a ruling is, not a page's wording)
            judged = _AGAINST_RULING.sub(" ", text) if stage == "hoger_beroep" else text
            if stage in LEGAL_STAGES and re.search(r"uitspraak|vonnis|oordeel\w*|bepaald|bepaalt|besloten|beslist|"
                                                    r"beslissing|gelijk|wees|afgewezen|toegewezen|arrest|verbiedt|verbood|"
                                                    r"bekrachtig\w*|vernietig\w*|tot de conclusie|verboden", judged, re.I):
                status = "done"  # a ruling reported is a ruling made
            if stage in LEGAL_STAGES and _RULING_AHEAD.search(text):
                status = "current"  # "de rechter doet op 12 maart uitspraak": filed or heard, not ruled (branch cv32)
            if duty == "planned":
                status = "planned"  # "moeten er nieuwe contracten zijn afgesloten": a deadline, the step to come (cv29)
            if status is None and stage == "contractstart" and re.match(r"(?:dat|die)\b", m.group(0), re.I):
                # branch cv65: the start told in a relative clause on the contract ("ondertekenden ze het contract dat
                # vanaf juli ingaat"): its own time and present tense, not the main clause's past, date it (a page
                # without a date of its own: the present tense with a time is the start to come)
                status = (_date_status(m.group(0), events, ref, max_date)
                          or ("planned" if ref is None or _month_ahead(m.group(0), ref, text, m.start(), anchors.get(i)) else None))
            if status is None and stage == "contractstart" and _AIMED_START.search(m.group(0)):
                # branch cv66: "om ... een nieuw contract in te laten gaan": the start aimed at, to come unless its date
                # is behind the page's own
                status = "done" if _date_status(m.group(0), events, ref, max_date) == "done" else "planned"
            if status is None and open_now:
                # "aanbieders moeten zich inschrijven", "kunnen hun interesse kenbaar maken": the modal present
                # says the step is open now, unless a date in the clause says it closed
                if (found := clause_at(text, m.start())) is not None:
                    status = _date_status(_without_period(stage, found[1], plan_decided), events, ref, max_date)
                status = status or "current"
            if status is None and stage == "voorlopige_gunning" and (known := _MADE_KNOWN.match(m.group(0))):
                # branch cv75: "laat weten aan wie zij wil gunnen": the telling's own tense, not the "wil" of the intention
                # told (a date ahead or a future before it: the intention to come; "heeft laten weten": made known)
                told = text[:m.start() + known.end()]
                status = (_date_status(told, events, ref, max_date)
                          or ("done" if _TOLD_PAST.search(told) else _grammar(told, told, m.start())))
            if status is None:
                if (found := clause_at(text, m.start())) is not None:
                    off, cl = found
                    if on("stage.ongoing") and stage in _ONGOING_STAGES and ONGOING.search(cl):
                        status = "current"
                    else:
                        status = (_date_status(_without_period(stage, cl, plan_decided), events, ref, max_date)
                                  or _grammar(cl, _main_clause(text, m.start())[1], m.start() - off))
            if status is None:
                status = _grammar(*_main_clause(text, m.start()))
            if status != "done" and _BEFORE_WHAT_FOLLOWS.search(text, max(0, m.start() - 40), m.start()) \
                    and _FOLLOWS_AFTER.match(text, m.end()):
                status = "done"  # branch cv64: "Na de marktconsultatie volgt in mei de aanbesteding": the step named is behind
            if status != "done" and (fin := _FINISHED_AFTER.match(text, m.end(), _clause_end(text, m.end()))) \
                    and not PLANNED.search(fin.group(0)):
                status = "done"  # branch cv64: "De marktconsultatie is gesloten en ... volgend jaar ...": the step is over
            if status in (None, "current") and stage == "inschrijving" and _CLOSED_IN_CUE.search(m.group(0)):
                status = "done"  # branch cv74: "De inschrijving ... is gesloten": the enrolment over
            if status is None and approved:
                status = "done"  # "Inkoop jeugdzorg geaccordeerd door de raad": the approval given (branch cv49)
            if status is None and _STATE_AFTER.match(text[m.end():]):
                status = "current"  # "De voorlopige gunning telt 58 aanbieders": the step's state, now (round ten)
            if status is None and stage == "contract_ondertekend" and (
                    _CLOSED_PASSIVE.search(m.group(0))
                    or (re.search(r"\bgesloten$", m.group(0), re.I) and _HAVE_BEFORE.search(text, max(0, m.start() - 60), m.start()))):
                # "het contract ... is gesloten": the passive of sluiten ("gesloten" is no participle elsewhere); branch
                # cv67: its perfect, the auxiliary before the noun ("De regio heeft raamovereenkomsten gesloten") --
                # weak, as "contracten gesloten met 40 aanbieders" is (cv53): agreements concluded are ordinary business,
                # the backstory of a court step a page reports (read strong, it outranked that step on dev half 0)
                weak = weak or not _CLOSED_PASSIVE.search(m.group(0))
                status = "done"
            if status in (None, "planned") and plan_decided:
                # the decision on an extension or a plan is taken: the step is under way, whatever date the plan runs
                # to (planned) and whatever tense the decision is told in ("stemde ... in met het programmaplan": done)
                status = "current"
            if status in (None, "current") and _condition_after(text, m):
                status = "planned"  # "verlengt de contracten, als de aanbesteding mislukt": a contingency (cv45)
            if status in (None, "current") and _INVOLVED_BEFORE.search(text, max(0, m.start() - 120), m.start()):
                status = "planned"  # "Aanbieders worden betrokken bij de beoordeling": the procedure's design (cv74)
            if status is None and s.is_heading:
                nxt = next((t for t in sents[i + 1:] if not t.is_heading), None)
                if nxt is not None:
                    status = _grammar(nxt.text, nxt.text, 0)
            if stage == "contractstart" and _ENDS_IN_CUE.search(text, (own := _cue_clause(text, m))[0], own[1]):
                continue  # branch cv63: "De huidige contracten lopen per 1 januari 2024 af": the cue's contracts end
            if on("stage.contract_ends") and stage == "contractstart" and re.search(
                    r"\blo(?:pen|opt)\b[^.]*\baf\b|\baflopen\b|\beindig", text, re.I):
                # "per 1 januari 2017 lopen de contracten af": an end, not a start. The whole sentence, still: limited to
                # the cue's own clause (branch cv64) it cost held-out half 1 a status reading (P 0.720 -> 0.715), so
                # only the core check above reads the cue's clause
                continue
            if (on("stage.undated_start_planned") and stage == "contractstart" and ref is None and status != "planned"
                    and re.search(r"\b(?:per|vanaf|met ingang van|ingangsdatum)\b", text, re.I)
                    and not re.search(r"ingegaan|\bsinds\b|zijn gestart|is gestart", text, re.I)
                    # branch cv69: not a start told in the past tense ("Per 1 januari 2019 waren 40 aanbieders
                    # gecontracteerd"): the tense tells the status of an undated text's start (as _start_ahead's)
                    and not _PAST_FINITE.search(text)):
                # "vanaf 1 januari 2020 ..." in a text without its own date announces a start, as "De ingangsdatum van de
                # overeenkomst is 1 januari 2022" does (branch cv69)
                status = "planned"
            if status == "done" and stage != "mislukt" and _POSTPONED_AFTER.match(text, m.end(), _clause_end(text, m.end())):
                status = "planned"  # branch cv76: "Omdat de definitieve gunning ... is uitgesteld": the step still to come
            if status == "done" and _until_told(text, m):
                status = "planned"  # branch cv76: "... lopen door tot de nieuwe aanbesteding is afgerond": still to come
            if status != "planned" and _END_AT_STEP.search(text, max(0, m.start() - 80), m.start()):
                status = "planned"  # branch cv77: "Het contactverbod eindigt bij de gunning": the end waited for
            if status != "planned" and _scheduled(text, m) and _date_status(
                    text[slice(*_cue_clause(text, m))], events, ref, max_date) != "done":
                status = "planned"  # branch cv77: "Gunning van de opdracht is voorzien in juni 2021": scheduled
            # (the prior notice itself -- the noun -- told to come in a clause of its own stays to come, below)
            ahead_own = (status == "done" or (status == "planned" and re.match(r"vooraankondiging", m.group(0), re.I))) \
                and _ahead_in_own_clause(text, m, ref, anchors.get(i))
            if ahead_own:
                status = "planned"  # branch cv63: "... is afgerond en publiceert in mei een vooraankondiging"
            if status is None and _month_ahead_told(text, m, ref, anchors.get(i)):
                status = "planned"  # branch cv65: "De gemeente houdt in april een marktconsultatie" (a page of March)
            if status is None:
                # no tense marker: news reports events (a ruling, an award, a signing) after
                # they happen; other steps are read as running
                status = "done" if stage in _EVENT_STAGES and on("stage.event_default_done") else "current"
                if status == "done" and _present_passive(text):
                    status = "planned"  # the present passive of an event: to come (branch cv28)
                if (stage == "aankondiging" and re.search(r"publi", m.group(0), re.I) and _present_passive(text)
                        and not re.search(r"\bvandaag\b", text, re.I)):
                    # branch cv42: the publication in the present passive with no other marker ("Na de zomer wordt de
                    # aanbesteding jeugdhulp gepubliceerd") is announced, not made: planned, and so the prior
                    # information below when the sentence gives its time (stages.md vooraankondiging)
                    status = "planned"
                # branch cv28: a headline tells its news in the present tense without a marker ("Regio maakt u-bocht bij
                # inkoop jeugdbescherming", "Gemeenten gunnen contract"): the first heading's step is what the page
                # reports, as strong as a step with its tense spelled out in the body
                strong = bool(i == 0 and s.is_heading)
                # branch cv72: a present-tense main verb with the step's noun as its object ("De regio organiseert een
                # marktconsultatie", "zetten hun handtekening onder de contracten") tells the step as it happens: as
                # strong as a tense spelled out, not the weak mention an earlier step told strongly outranks
                # (not a court step or failure: where one is told tense-less, the lead decides, branch cv30)
                strong = strong or (stage not in INTERRUPTING
                                    and bool(_PRESENT_VERB_OBJECT.search(text, max(0, m.start() - 50), m.start())))
            # (branch cv75: core for the appeal -- "heeft hoger beroep ingesteld" is the appeal lodged, stages.md's
            # hoger_beroep current until a ruling in it; the named rule still decides it for the first instance's steps)
            if ((on("stage.legal_filed") or stage == "hoger_beroep") and stage in LEGAL_STAGES and status == "done"
                    and _SUIT_BROUGHT.search(text)
                    and not re.search(r"\bhad(?:den)?\b", text, re.I)
                    and not (_appeal_ruled(sents) if stage == "hoger_beroep" else
                             (ruled := ruled if ruled is not None else any(_RULED.search(t.text) and not _RULING_AHEAD.search(t.text)
                                                                          for t in sents)))):
                # "heeft een kort geding aangespannen" and no ruling anywhere: the case runs (the pluperfect,
                # "die een kort geding hadden aangespannen", tells of a suit behind the story: left done). An appeal
                # runs until a ruling *in the appeal* is reported: the ruling it is brought against is the lower
                # court's (branch cv34)
                status = "current"
            if status == "current" and stage in _POINT_STAGES and (found := clause_at(text, m.start())) is not None \
                    and _SINCE_DATE.search(found[1]):
                status = "done"  # "Sinds 1 januari 2024 verzorgt X ...": the start was on that date; what runs is its state (cv34)
            if stage == "definitieve_gunning" and status in (None, "current") and _ATTRIBUTIVE_AWARD.match(m.group(0)):
                status = "done"  # "de gecontracteerde aanbieders heeft momenteel ...": contracted, done (branch cv41)
            if stage == "aankondiging" and status != "done" and _PUBLISHED_DOCUMENTS.match(m.group(0)):
                status = "done"  # "kunt u de gepubliceerde documenten raadplegen": the documents are out (branch cv68)
            if stage in _LASTING_STAGES and status in (None, "done"):
                if i not in ahead:  # once a sentence, not once a cue (a long page's cues each scanned its events)
                    ahead[i] = _deadline_ahead(text, events, ref)
                if ahead[i]:
                    status = "current"  # "kunnen inschrijven ... is verlengd tot 20 november": still open (branch cv41)
            if stage in LEGAL_STAGES and status == "done":
                if interim is None:  # once a page
                    interim = (any(_INTERIM.search(t.text) for t in sents)
                               and not any(_FINAL_RULING.search(t.text) for t in sents))
                if interim:
                    status = "current"  # "een tussenvonnis uitgesproken": the case goes on (branch cv41)
            if on("stage.postponed") and stage == "mislukt" and status == "done" and _POSTPONED.search(text):
                status = "current"  # postponed "tot nader order": the standstill goes on
            # stages.md `vooraankondiging` is "publication announced for a date or period" ("verwacht … te publiceren",
            # "publicatie gepland"): the announcement is made now, whatever tense the publication takes (core since
            # branch cv21; it was the named rule `stage.prior_notice_now`, two dev sites fixed, none broken)
            if stage == "dialoog" and status != "planned" and _ADMITTED_TO.search(text[max(0, m.start() - 80):m.start()]):
                # branch cv45: "Vijf partijen zijn geselecteerd voor de dialoogfase": the selection is the step told,
                # the dialogue the one it admits to, to come (stages.md selectie, then dialoog)
                status = "planned"
            if status == "current" and (chosen or (stage == "definitieve_gunning"
                                                   and re.search(r"\b(?:wordt|worden) (?:de )?nieuwe\b", m.group(0), re.I))):
                status = "done"  # branch cv53: "Kwadraad wordt de nieuwe aanbieder": the choice is made, the award done
            if stage == "hoger_beroep" and _APPEAL_NOT_LODGED.search(text[max(0, m.start() - 40):m.end()]):
                continue  # branch cv53: "De gemeente gaat niet in hoger beroep": no appeal
            if stage == "hoger_beroep" and re.match(r"\s+te\s+(?:gaan|stellen|instellen)\b", text[m.end():], re.I):
                status = "planned"  # branch cv53: "overweegt in hoger beroep te gaan": an appeal weighed, not lodged
            if status in ("done", "current") and _announced_or_ahead(text, m, stage):
                status = "planned"  # branch cv55: "neemt in april een besluit over de gunning", "kondigen een kort geding aan"
            if status in ("done", "current") and _NOT_YET_NOUN.search(text, max(0, m.start() - 40), m.start()):
                status = "planned"  # branch cv58: "Er is nog geen bezwaar gemaakt": the step still to come
            if stage == "definitieve_gunning" and _unopposed_how(text, m) == "yet":
                # branch cv59: "Er zijn nog geen bezwaren ingediend tegen de gunning": the standstill that the intention
                # to award opens still runs (stages.md: `bezwaar` is the objection during it), so the award told is the
                # intention, made; the final award is to come (whatever tense "nog geen" gave the award: "Tegen de gunning
                # zijn nog geen bezwaren ingediend" read it planned, and the intention not at all)
                raw.append({"stage": "voorlopige_gunning", "status": "done", "cue": m.group(0), "sentence": text,
                            "strong": strong})
                status = "planned"
            if status in ("done", "current") and _asked(text):
                status = "planned"  # branch cv59: "Hoe moeten ze hiermee contracten afsluiten?": asked, not told
            if status in ("done", "current") and _weighed_before(text, m, stage):
                status = "planned"  # branch cv54: "Aanbieders overwegen een kort geding", "Mogelijk wordt ... stopgezet"
            if (status == "planned" and stage == "definitieve_gunning" and _GOES_TO.search(m.group(0))
                    and not _STILL_AHEAD.search(text)):
                # branch cv45: "gaat" is the verb itself here, no future: "De opdracht gaat naar Kwadraad" tells the
                # award made (not "De regio gaat in hoger beroep": the dev gold reads that appeal planned, left so)
                status = "done"
            if stage == "voorlopige_gunning" and status == "planned" and re.match(r"voornemens\b", m.group(0), re.I):
                status = "current"  # "is voornemens ... te gunnen aan": the intention to award *is* the step (cv52)
            if stage == "vooraankondiging" and status == "planned" and not ahead_own:
                # (branch cv63: not the prior notice itself published at a time ahead, "publiceert in mei een
                # vooraankondiging": that notice is to come)
                status = "current"  # "verwacht ... te publiceren" *is* the prior announcement, made now
            if (stage == "aankondiging" and status == "planned"
                    and re.search(r"publi\w*|tenderned|negometrix|mercell", m.group(0), re.I) and _PUBLICATION_WHEN.search(text)
                    and not _ahead_in_own_clause(text, m, ref, anchors.get(i))):
                # (branch cv65: not the publication told in a coordinate clause of its own, present tense, time ahead,
                # after a step told done -- "De marktconsultatie is afgerond en de gemeente publiceert na de zomer de
                # aanbesteding": that clause tells the next step to come, as "volgend jaar" is read, no prior notice made)
                # "zal de aanbesteding in mei 2021 worden gepubliceerd": a publication announced for a date or
                # period is the prior information (stages.md, vooraankondiging), made now (round four); so is the
                # tender to be put on the platform then ("dat in maart 2021 de aanbesteding op TenderNed wordt
                # geplaatst", branch cv47)
                raw.append({"stage": "vooraankondiging", "status": "current", "cue": m.group(0), "sentence": text,
                            "strong": strong})
            if stage != "voorbereiding" and status in ("done", "current") and _prepared(text, m):
                # branch cv64: "De vooraankondiging is in voorbereiding", "De gemeente bereidt een marktconsultatie voor":
                # the step is being prepared -- to come -- and the preparation of the purchase under way (weak evidence)
                status = "planned"
                raw.append({"stage": "voorbereiding", "status": "current", "cue": m.group(0), "sentence": text,
                            "strong": False})
            if noun_only or weak:
                strong = False  # "de nieuwe inkoop": a round named, not a step told; any step the text tells outranks it
            raw.append({"stage": stage, "status": status, "cue": m.group(0), "sentence": text, "strong": strong}
                       | ({"seeking": True} if seeking and stage == "marktconsultatie" else {})
                       | ({"round": True} if round_named else {}))
    told = {r["sentence"] for r in raw if r["stage"] == "contractstart"}
    by_sentence: dict[str, list[dict]] = {}  # each sentence's own dates (a long page's sentences do not scan all)
    for e in events:
        by_sentence.setdefault(e.get("sentence") or "", []).append(e)
    for s in sents:
        if s.text not in told and (start := _start_ahead(s.text, by_sentence.get(s.text, []), ref)) is not None:
            raw.append({"stage": "contractstart", "status": "planned", "cue": start, "sentence": s.text, "strong": False})
        elif (s.text not in told and not PLANNED.search(s.text) and not _STILL_AHEAD.search(s.text)
              and (start := _start_ahead(s.text, by_sentence.get(s.text, []), ref, behind=True))):
            # branch cv62: the new contracts, providers or care "vanaf"/"per" a date before the page's own ("MetMaya
            # heeft de opdracht gekregen om vanaf 1 januari 2024 de jeugdhulp te bieden", read in 2025): the start
            # has been reached -- done, weak as the start ahead is planned; not in a sentence of plans ("wil per 1
            # januari 2022 anders aanbesteden")
            raw.append({"stage": "contractstart", "status": "done", "cue": start, "sentence": s.text, "strong": False})
    return _merge(raw)


#: branch cv59: the new contracts, purchase or providers "from" a date ahead of the page's own -- "om tot nieuwe contracten
#: te komen per 2023", "Vanaf 1 januari 2023 bieden 188 zorgaanbieders jeugdhulp", "de nieuwe inkoop jeugdhulp per 2026",
#: "een nieuw contract met ingang van 1 juli 2024" -- names when the new contracts start: stages.md's `contractstart`,
#: planned (weak evidence: any step the sentence tells of the start outranks it). A date before the page's is left to the
#: sentence's tense (a start told done or running has its own cues). Not an end or an extension ("lopen per 2023 af",
#: "verlengd tot"), nor a sentence with no purchase in it ("per 2023 is er meer geld").
_MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december")
_FROM_DATE = re.compile(r"(?:\b(?:per|vanaf|met ingang van|ingaande)|(?<![\w.])m\.i\.v\.)\s+(?:(?:(?:\d{1,2}(?:e|ste|de)?\s+)?[a-z]+\.?\s+)?(?:19|20)\d\d\b|"
                        # branch cv67: a day without a year, its year inferred by the dates reader ("om ervoor te zorgen
                        # dat de ondersteuning vanaf 1 januari beschikbaar blijft, hebben de gemeenten afspraken gemaakt
                        # met 40 zorgaanbieders" on a page of November 2014: January 2015)
                        r"\d{1,2}(?:e|ste|de)?\s+(?:" + "|".join(_MONTH_NAMES) + r")\b)", re.I)
_START_CONTEXT = re.compile(r"\b(?:contract\w*|overeenkomst\w*|inkoop\w*|inkopen|aanbested\w*|aanbesteed|\w*aanbieders?|"
                            r"opdrachtnemers?|gegund|gunning|gecontracteerd\w*)\b", re.I)
#: branch cv60: the care delivered by a party from that date -- "vanaf 1 juli 2025 gaan we samen crisishulp aanbieden", "zodat
#: wij per 1 januari 2026 specialistische hulp kunnen bieden", "levert X vanaf 2026 de jeugdhulp" -- is the services'
#: start (stages.md contractstart, "per 1 januari werken we met"), as the providers or contracts from it are: a verb of
#: delivering with the care as its object, not care named beside a budget ("Per 2025 is er meer geld voor de jeugdhulp")
_CARE_WORD = r"(?:\w*hulp(?:verlening)?|\w*zorg|ondersteuning|begeleiding|jeugdbescherming|behandeling)"
_DELIVER_VERB = r"(?:aan)?bieden|(?:aan)?biedt|leveren|levert|verlenen|verleent|verzorgen|verzorgt"
_CARE_DELIVERED = re.compile(r"\b" + _CARE_WORD + r"\s+(?:[\w-]+\s+){0,6}?(?:" + _DELIVER_VERB + r")\b|"
                             r"\b(?:" + _DELIVER_VERB + r")\s+(?:[\w-]+\s+){0,4}?" + _CARE_WORD + r"\b", re.I)
#: the tender's own steps that start or open (not the contracts), and the verbs of starting or opening
_PROCEDURE_NOUN = r"(?:aanbesteding|aanbestedingsprocedure|procedure|inschrijving|marktconsultatie|aanmelding)"
_STARTS = r"(?:start|starten|begint|beginnen|opent|openen)"
_START_NOT = re.compile(r"\b(?:lo(?:pen|opt|pend)\b[^.;:]{0,60}\baf|aflopen|afloopt|eindig\w*|verleng\w*|beëindig\w*|"
                        # branch cv76: the contracts to be concluded or the providers to be chosen from then ("Vanaf
                        # 2020 moeten nieuwe contracten worden afgesloten", "om vanaf 2021 nieuwe aanbieders te
                        # selecteren"): the signing or the selection is what the sentence dates, not the start
                        r"(?:worden|wordt|te) afgesloten|af te sluiten|te selecteren|"
                        r"opgezegd|opzeggen|stopt|stoppen|gestopt|tot\s+(?:en\s+met\s+)?(?:\d{1,2}\s+[a-z]+\s+)?(?:19|20)\d\d|"
                        # the procedure itself starting or opening then, not the contracts ("De aanbesteding start vanaf
                        # 1 maart 2022 op TenderNed", "per 1 mei opent de inschrijving"): the tender's own steps
                        + _PROCEDURE_NOUN + r"(?:en|s)?\s+(?:[\w-]+\s+){0,4}?(?:" + _STARTS + r"|gaat\s+open|verschijnt)|"
                        + _STARTS + r"\s+(?:de|het)\s+(?:[\w-]+\s+)?" + _PROCEDURE_NOUN + r")\b",
                        re.I)


def _start_ahead(text: str, events: list[dict], ref: dt.date | None, behind: bool = False) -> str | None:
    """The words naming the new contracts' start at a date after ``ref`` in the sentence (``events``: its dates), if any
    (branch cv59); with ``behind``, at a date before it (branch cv62)."""
    if not (_START_CONTEXT.search(text) or _CARE_DELIVERED.search(text)) or _START_NOT.search(text):
        return None
    if ref is None:
        # branch cv69: a page without a date of its own ("Vanaf 1 januari 2023 bieden 188 zorgaanbieders jeugdhulp",
        # "sommige jongeren gaan per 1 januari 2023 over naar een andere aanbieder", "Nieuwe inkoop m.i.v. 2027"): no
        # date to compare with, so the tense nearest to the start's date tells it -- a present or future tense names
        # the start to come (planned), a past one ("zijn per 1 januari 2019 ingegaan") is left to the sentence's cues
        if behind:
            return None
        for m in _FROM_DATE.finditer(text):
            if _grammar(text, text, m.start()) != "done" and not _PAST_FINITE.search(text):
                return m.group(0)
        return None
    for m in _FROM_DATE.finditer(text):
        for e in events:
            if e["text"] and e["text"] in m.group(0) and e["precision"] in ("day", "month", "year") \
                    and ((e["date"] < ref.isoformat()[:len(e["date"])]) if behind
                         else (e["date"] > ref.isoformat()[:len(e["date"])])):
                return m.group(0)
    return None


#: branch cv45: "gaat/gaan" as a verb of its own -- the work going to a party ("De opdracht gaat naar Kwadraad") -- is no
#: future auxiliary; a future marker beside it still makes the step to come ("zal ... gaan", "naar verwachting")
_ADMITTED_TO = re.compile(r"\b(?:geselecteerd|toegelaten|uitgenodigd|door|verder|gaan|gaat)\s+(?:[\w'-]+\s+){0,2}?"
                          r"(?:voor|tot|naar|in)\s+(?:(?:de|het)\s+)?(?:[\w-]+\s+)?$", re.I)
_APPEAL_NOT_LODGED = re.compile(r"\b(?:gaat|gaan|ging|gingen|zal|zullen)(?: [\w'-]+)? (?:niet|geen) (?:in )?(?:hoger )?beroep\b",
                                re.I)
_GOES_TO = re.compile(r"\b(?:gaat|gaan|ging|gingen) naar\b", re.I)
_STILL_AHEAD = re.compile(r"\b(?:zal|zullen|zou|zouden|straks|naar verwachting|waarschijnlijk|mogelijk|misschien|"
                          r"overweegt|overwegen|overwoog|denkt|denken|wil|willen|dreigt|dreigen|eventueel|"
                          r"nog niet|of\b)", re.I)


def _merge(raw: list[dict]) -> list[dict]:
    best: dict[str, dict] = {}
    for r in raw:
        key = (r["strong"], STATUS_PRIORITY[r["status"]])
        cur = best.get(r["stage"])
        if cur is None or key > (cur["strong"], STATUS_PRIORITY[cur["status"]]):
            best[r["stage"]] = r
    order = sorted(best.values(), key=lambda r: STAGE_RANK.get(r["stage"], -1))
    return order


# branch news13: a particular procedure named by its closing ("de aanbestedingsronde ... die in oktober
# 2022 afloopt") or by the year it buys for ("bij de aanbesteding van jeugdhulp 2018 ... hanteert", in a text
# of 2017) runs -- stages.md: "a page saying 'de aanbesteding loopt' names ... aankondiging when it says no more"
_DATED_PROCEDURE = re.compile(
    r"\b(?:de|deze) aanbesteding(?:sronde|straject|sprocedure)?\b(?: (?:van|voor) (?:de )?[\w-]+){0,2},?"
    r" (?:(?P<year>(?:19|20)\d\d)\b|die (?:[\w'-]+ ){0,4}(?:af)?lo(?:opt|pen)\b)", re.I)
# ... unless the sentence speaks of preparing or planning it ("de aanbesteding voor 2027 wordt voorbereid")
_PREPARING = re.compile(r"voorbere\w*|strategie|\bplan\w*|\b(?:gaat|gaan|zal|zullen|wil|willen)\b", re.I)


def _dated_procedure(sents: list[Sentence], ref: dt.date | None) -> tuple[re.Match, str] | None:
    for s in sents:
        m = _DATED_PROCEDURE.search(s.text)
        if not m or _PREPARING.search(s.text):
            continue
        if m.group("year") and (ref is None or int(m.group("year")) < ref.year):
            continue  # a procedure of a past year, or a text without a date: nothing says it runs now
        told = s.text
        if not m.group("year"):
            # the relative clause that names its closing ("die volgende maand afloopt") dates the closing, not the
            # procedure: its time ahead makes no step planned
            closing = m.start() + m.group(0).rindex(" die ")
            told = told[:closing] + " " * (m.end() - closing) + told[m.end():]
        if _grammar(told, told, m.start()) in (None, "current"):
            return m, s.text
    return None


# branch cv35: the present participle before the procedure's noun says it runs ("Vanwege het lopende
# aanbestedingsproces mogen raadsleden geen contact hebben met zorgaanbieders", "tijdens de lopende aanbesteding")
# whatever the tense of the sentence around it -- unless the sentence halts it ("het lopende inkoopproces is
# tijdelijk stilgelegd": that is mislukt, round eight)
_RUNNING_NOUN = re.compile(r"\b(?:de|het|deze|dit|die|dat) (?:nog )?lopende (?:[\w-]+ )?(?:aanbesteding(?:sproces|sprocedure|straject|sronde)?|"
                           r"inkoopprocedure|inkoopproces|inkooptraject|inkoopronde)\b", re.I)
_HALTED = re.compile(r"stilgelegd|stil te leggen|opgeschort|op te schorten|uitgesteld|gestopt|afgebroken|ingetrokken|"
                     r"stopgezet|on hold", re.I)


def _running_procedure(sents: list[Sentence]) -> tuple[re.Match, str] | None:
    for s in sents:
        m = _RUNNING_NOUN.search(s.text)
        if m and not _HALTED.search(s.text):
            return m, s.text
    return None


#: branch cv60: a particular procedure named as a noun ("de aanbesteding", "de aanbestedingsprocedure", "een
#: open-house-procedure", "de inkoopprocedure")
_TENDER_NOUN = re.compile(r"\b(?:aanbesteding(?:sprocedure)?|inkoopprocedure|open[- ]?house[- ]?procedure)\b", re.I)


def _tender_behind_court(stages: list[dict], sents: list[Sentence]) -> list[dict]:
    """branch cv60: a court step taken or running about a tender the page names ("Dit kort geding gaat over een aanbesteding
    voor ...", "hebben de gemeente aangeklaagd vanwege de aanbestedingsprocedure") presupposes the tender was put out:
    stages.md's `aankondiging`, done, as weak evidence (the court step stays the page's news), where the page tells no step
    of the procedure at all and no extension (a case against extending instead of tendering is about no tender put out)."""
    told = [s for s in stages if s["status"] in ("done", "current")]
    if (not any(s["stage"] in LEGAL_STAGES for s in told)
            or any(s["stage"] in _PROCEDURE_STEPS or s["stage"] in ("verlenging", "vooraankondiging") for s in stages)):
        return stages
    for s in sents:
        m = _TENDER_NOUN.search(s.text)
        if m:
            return sorted(stages + [{"stage": "aankondiging", "status": "done", "cue": m.group(0), "sentence": s.text,
                                     "strong": False, "presupposed": True}], key=lambda r: STAGE_RANK[r["stage"]])
    return stages


def _notice_behind(stages: list[dict]) -> list[dict]:
    """branch cv67: stages.md's steps follow one another: the enrolment open now ("Inschrijven is mogelijk via
    aanbestedingsplatform TenderNed", "Aanbieders kunnen zich tot 1 mei inschrijven") presupposes the contract notice
    published, `aankondiging` done -- weak evidence, the enrolment stays the page's news -- where the page names no
    notice of its own (whatever it tells of one decides)."""
    if (not any(s["stage"] == "inschrijving" and s["status"] == "current" for s in stages)
            or any(s["stage"] == "aankondiging" for s in stages)):
        return stages
    enrolment = next(s for s in stages if s["stage"] == "inschrijving" and s["status"] == "current")
    return sorted(stages + [{"stage": "aankondiging", "status": "done", "cue": enrolment["cue"],
                             "sentence": enrolment["sentence"], "strong": False, "presupposed": True}],
                  key=lambda r: STAGE_RANK[r["stage"]])


def add_procedure_running(stages: list[dict], sents: list[Sentence], ref: dt.date | None = None) -> list[dict]:
    """Add ``aankondiging`` (current) when the text speaks of "de aanbesteding" in the
    present tense and no stage from ``aankondiging`` on is done or current; likewise when it names
    a particular procedure by its closing or by its year (:func:`_dated_procedure`), or by the present participle
    before its noun ("het lopende aanbestedingsproces", :func:`_running_procedure`, branch cv35)."""
    floor = STAGE_RANK["aankondiging"]
    if any(s["status"] in ("done", "current") and STAGE_RANK.get(s["stage"], -1) >= floor for s in stages):
        return _notice_behind(_tender_behind_court(stages, sents))
    if any(s["stage"] == "aankondiging" for s in stages):
        return stages
    faq = on("stage.faq") and sum(1 for s in sents if s.text.rstrip().endswith("?")) >= 2  # an FAQ is written while the tender runs
    ahead = None
    for s in sents:
        m = re.search(r"\b(?:de|deze) aanbesteding(?:sopdracht|sprocedure)?\b(?! van (?:de )?(?:inkoop|jeugd))", s.text, re.I)
        if not m or not (faq or _PROCEDURE_STARTS.search(s.text)):
            continue
        status = _grammar(s.text, s.text, m.start())
        if status is None and _month_ahead(s.text, ref, s.text):
            status = "planned"
        if status in (None, "current"):
            return sorted(stages + [{"stage": "aankondiging", "status": "current", "cue": m.group(0),
                                     "sentence": s.text, "strong": True}],
                          key=lambda r: STAGE_RANK[r["stage"]])
        if status == "planned" and ahead is None and not _PREPARING_ONLY.search(s.text):
            ahead = m, s.text
    found = _dated_procedure(sents, ref)
    if not found:
        found = _running_procedure(sents)
    if found:
        m, text = found
        return sorted(stages + [{"stage": "aankondiging", "status": "current", "cue": m.group(0),
                                 "sentence": text, "strong": True}], key=lambda r: STAGE_RANK[r["stage"]])
    if ahead:
        # branch cv62: the procedure told to start or run later ("De aanbesteding start naar verwachting in april",
        # "staat gepland voor het najaar"): the page names no step of it today -- its start is to come (stages.md
        # aankondiging, planned; weak, as any step the page tells outranks it)
        m, text = ahead
        return sorted(stages + [{"stage": "aankondiging", "status": "planned", "cue": m.group(0),
                                 "sentence": text, "strong": False}], key=lambda r: STAGE_RANK[r["stage"]])
    return stages


#: the procedure said to run, start or be planned (:func:`add_procedure_running`; "gepland" branch cv62)
_PROCEDURE_STARTS = re.compile(r"\b(?:loopt|lopen|lopende|is gestart|van start|gaat van start|start|(?:staat |is )?gepland)\b",
                               re.I)
#: branch cv62: ... not the procedure's preparation ("De aanbesteding wordt voorbereid", "de start van de voorbereiding")
_PREPARING_ONLY = re.compile(r"voorbere\w*", re.I)
_IN_MONTH = re.compile(r"\b(?:in|begin|medio|eind|vanaf|per)\s+(" + "|".join(_MONTH_NAMES) + r")\b(?!\s+(?:19|20)\d\d)", re.I)


#: branch cv66: a dated mention with its year ("op 1 oktober 2024", "in oktober 2024", "1-10-2024"): the time a month
#: without a year in the same sentence is read beside (:func:`_month_ahead`)
_DATED_MENTION = re.compile(r"\b(?:(?:\d{1,2}\s+)?(" + "|".join(_MONTH_NAMES) + r")\s+((?:19|20)\d\d)|"
                            r"\d{1,2}[-./](\d{1,2})[-./]((?:19|20)\d\d))\b", re.I)


def _paragraph_anchors(sents: list[Sentence]) -> dict[int, tuple[int, int]]:
    """branch cv67: for each sentence (by its index in ``sents``) that names no time with its year, the year and month of
    the dated mention of its paragraph nearest it (the one before it first): "In oktober 2024 volgt de gunning. In januari
    gaan de contracten in." reads January beside October 2024 as one sentence does (:func:`_month_ahead`)."""
    own = [(_anchor_of(d) if (d := _DATED_MENTION.search(s.text)) is not None else None) for s in sents]
    before: list[tuple[int, tuple[int, int]] | None] = []  # the paragraph's nearest anchor at or before each sentence
    last: tuple[int, tuple[int, int]] | None = None
    for i, s in enumerate(sents):
        if last is not None and sents[last[0]].paragraph != s.paragraph:
            last = None
        if own[i] is not None:
            last = (i, own[i])
        before.append(last)
    out: dict[int, tuple[int, int]] = {}
    after: tuple[int, tuple[int, int]] | None = None  # ... and after it (one pass each way: linear on a long page)
    for i in range(len(sents) - 1, -1, -1):
        if after is not None and sents[after[0]].paragraph != sents[i].paragraph:
            after = None
        if own[i] is not None:
            after = (i, own[i])
        near = min((a for a in (before[i], after) if a is not None), key=lambda a: (abs(a[0] - i), a[0] > i), default=None)
        if near is not None:
            out[i] = near[1]
    return out


def _anchor_of(d: re.Match) -> tuple[int, int] | None:
    """The (year, month) of a :data:`_DATED_MENTION` match, None for a month number out of range."""
    if d.group(1):
        return int(d.group(2)), _MONTH_NAMES.index(d.group(1).lower()) + 1
    if 1 <= int(d.group(3)) <= 12:
        return int(d.group(4)), int(d.group(3))
    return None


def _month_ahead(text: str, ref: dt.date | None, context: str | None = None, at: int = 0,
                 paragraph: tuple[int, int] | None = None) -> bool:
    """branch cv62: a month without a year named as when ("in april", "begin juni") after the page's own month: ahead.

    Branch cv66: where the sentence (``context``, ``text`` found at ``at`` in it) also names a time with its year, the
    month is read in the year that puts it nearest to the dated mention nearest it, and compared with the page's own
    month and year: "in oktober 2024 volgt de gunning, in januari gaan de contracten in" on a page of March 2024 is
    January 2025, ahead (compared with March alone it was behind); "in november 2023 ... in januari" on that page is
    January 2024, behind. A page without a date keeps no month ahead. Branch cv67: a sentence without a dated mention
    reads its month beside its paragraph's (``paragraph``: :func:`_paragraph_anchors`)."""
    if ref is None:
        return False
    anchors = []
    if context:
        for d in _DATED_MENTION.finditer(context):
            if (anchor := _anchor_of(d)) is not None:
                anchors.append((d.start(), *anchor))
    if not anchors and paragraph is not None:
        anchors.append((at, *paragraph))
    for m in _IN_MONTH.finditer(text):
        month = _MONTH_NAMES.index(m.group(1).lower()) + 1
        if not anchors:
            if month > ref.month:
                return True
            continue
        _, year, anchor_month = min(anchors, key=lambda a: abs(a[0] - (at + m.start())))
        year = min((year - 1, year, year + 1), key=lambda y: abs(y * 12 + month - (year * 12 + anchor_month)))
        if (year, month) > (ref.year, ref.month):
            return True
    return False


def _month_ahead_told(text: str, m: re.Match, ref: dt.date | None, paragraph: tuple[int, int] | None = None) -> bool:
    """branch cv65: a step told in the present with no tense marker and a month without a year ahead of the page's own in
    the cue's clause -- "De gemeente houdt in april een marktconsultatie", "Begin juni start de inschrijving" on a page of
    March -- is to come: the time is its tense (a date with its day or year is an event, read by :func:`_date_status`).
    Not a deadline ("De inschrijving sluit in april", "loopt tot eind mei": the step open now), nor a past or perfect in
    the clause ("hield in april", "is in april gehouden")."""
    if ref is None:
        return False
    low = max(0, m.start() - 120)
    start = max((b.end() for b in _CLAUSE_STOP.finditer(text, low, m.start())), default=low)
    seg = text[start:_clause_end(text, m.end())]
    if not _month_ahead(seg, ref, text, start, paragraph) or DEADLINE.search(seg):
        return False
    # (branch cv73: not a participle of the present passive, "De opdracht wordt in juni gegund", "Er wordt in april een
    # marktconsultatie gehouden": the step to come, as the active present "houdt in april" is)
    return not (AUX.search(seg) or PAST_EVENT.search(seg) or _STRONG_PAST.search(seg)
                or any(not _IN_PRESENT_PASSIVE.search(seg[max(0, p.start() - 90):p.start()]) for p in _participles(seg)))


#: branch cv65: the simple past of common strong verbs ("Het college nam in april een besluit over de gunning"): a step
#: told in the past, whatever month it names
_STRONG_PAST = re.compile(r"\b(?:nam|namen|gaf|gaven|zag|zagen|sprak|spraken|koos|kozen|vond|vonden|deed|deden|liet|"
                          r"lieten|bracht|brachten|stond|stonden|hield|hielden|zocht|zochten|kocht|kochten)\b", re.I)


#: branch cv60: the steps of the procedure itself, from its start to the contracts' start (stages.md's order)
_PROCEDURE_STEPS = (frozenset(STAGE_ORDER[STAGE_RANK["aankondiging"]:STAGE_RANK["contractstart"] + 1])
                    - {"bezwaar"} - set(INTERRUPTING))


def _preparation_behind(stages: list[dict]) -> list[dict]:
    """branch cv60: stages.md's steps follow one another: a page that tells a step of the procedure itself as taken or
    running -- the tender published or open, the award made, the contracts signed -- tells a procurement whose preparation
    is behind it, so a preparation it read as running ("De gemeenten hebben besloten tot een nieuwe inkoop. Veendam start
    een openbare procedure") is done. Not where the page tells a failure or court step taken or running: a new round may
    be prepared after it ("De aanbesteding is mislukt; de regio bereidt een nieuwe voor"). An extension does not stop it
    (branch cv69: it was excepted too): the old contracts extended while the new tender is published ("De
    overeenkomsten worden verlengd ... Op 9 juni is de aanbesteding van start gegaan") leave the preparation behind."""
    told = [s for s in stages if s["status"] in ("done", "current")]
    if (not any(s["stage"] in _PROCEDURE_STEPS for s in told)
            or any(s["stage"] in INTERRUPTING for s in told)):
        return stages
    if any(s["stage"] in _PROCEDURE_STEPS and s["strong"] for s in told):
        # branch cv77: the new round only named ("Met deze nieuwe inkoop wordt gestuurd op ...", "voor de nieuwe inkoop")
        # on a page that tells a step of that procedure strongly is the procedure told, no preparation reported
        stages = [s for s in stages if not (s["stage"] == "voorbereiding" and s.get("round"))]
    return [dict(s, status="done") if s["stage"] == "voorbereiding" and s["status"] == "current" else s for s in stages]


def add_preparation_under_way(stages: list[dict]) -> list[dict]:
    """branch cv47: a page whose only steps are still to come, a step of the procedure itself among them -- its start
    ("Volgende week begint de aanbesteding voor de jeugdzorg"), the questions, tenders or award ("De gemeente gaat zelf
    bepalen welke organisaties ... verantwoordelijk worden") -- and nothing done or current, reports the procurement being
    prepared: stages.md's "a page that only reports preparation has voorbereiding", the preparation current. Added as
    weak evidence (any step the text tells outranks it); a preparation cue read planned ("de inkoopstrategie wordt in mei
    vastgesteld") is the same preparation, under way. Not for a court step, failure, signing or start to come (they
    follow an award, or are no step of a procurement being prepared), nor when any step is done or current. The first
    choice is the procedure's start, then the earliest step to come."""
    if any(s["status"] in ("done", "current") for s in stages):
        return _preparation_behind(stages)
    low, high = STAGE_RANK["aankondiging"], STAGE_RANK["definitieve_gunning"]
    to_come = [s for s in stages if s["status"] == "planned" and s["strong"] and low <= STAGE_RANK[s["stage"]] <= high]
    if not to_come:
        return stages
    start = min(to_come, key=lambda s: STAGE_RANK[s["stage"]])
    prep = next((s for s in stages if s["stage"] == "voorbereiding"), None)
    if prep is not None:
        return [dict(s, status="current") if s is prep else s for s in stages]
    return sorted(stages + [{"stage": "voorbereiding", "status": "current", "cue": start["cue"], "sentence": start["sentence"],
                             "strong": False}], key=lambda r: STAGE_RANK[r["stage"]])


def add_joint_purchase(stages: list[dict], sents: list[Sentence]) -> list[dict]:
    """branch cv49: a page that tells no step at all but names the joint purchase as its subject -- "Inkoopsamenwerking
    2015 Jeugdzorg en Begeleiding Awbz", "de inkoopsamenwerking" -- reports the municipalities' decision to buy together
    (stages.md's "inkoopsamenwerking besloten"): `voorbereiding`, current, as weak evidence. Any step the page tells,
    whatever its status, leaves the noun unread."""
    if stages:
        return stages
    for s in sents:
        m = re.search(JOINT_PURCHASE, s.text, re.I)
        if m:
            return [{"stage": "voorbereiding", "status": "current", "cue": m.group(0), "sentence": s.text, "strong": False}]
    return stages


# An objection counts for the primary stage only when one was made; "partijen kunnen tot
# 1 januari bezwaar maken" describes the standstill of the provisional award.
# (branch cv44: with the verb last, as a subordinate clause puts it: "die bezwaar tegen de gunning maakte", "nadat X bezwaar
# had ingediend", "dat drie aanbieders bezwaar hebben aangetekend"; not the possibility, "bezwaar kan worden ingediend")
# (branch cv56: the plural as well, "Er zijn twee bezwaren ingediend")
_FILED = re.compile(r"bezwa(?:ar|ren) (?:is |zijn )?(?:ingediend|aangetekend)|(?:heeft|hebben|hadden) (?:\w+ ){0,3}bezwaar (?:gemaakt|ingediend|aangetekend)|"
                    r"\bbezwa(?:ar|ren) (?:(?!(?:kan|kunnen|mag|mogen|moet|moeten|wordt|worden|te|om|niet|geen)\b)[\w'-]+ ){0,5}?"
                    r"(?:(?:heeft|hebben|had|hadden|is|zijn|was|waren) )?(?:gemaakt|ingediend|aangetekend|maakte|maakten|"
                    r"indiende|indienden|aantekende|aantekenden)\b|"
                    r"maakten bezwaar|bezwaren (?:van|tegen)|klacht|"
                    # branch cv72: the objection named against the award, as a headline names it ("Bezwaar tegen
                    # voorlopige gunning jeugdhulp"); not the possibility ("Bezwaar tegen de gunning kan tot ...")
                    r"\bbezwaar tegen (?:de |het )?(?:voorlopige |voorgenomen )?gunning\w*"
                    r"(?!(?: [\w'-]+){0,5}? (?:kan|kunnen|mag|mogen|moet|moeten)\b)", re.I)


#: branch cv72: a finite present-tense verb that takes a step's noun as its object, right before the noun (an article,
#: a possessive or an adjective between): "organiseert een marktconsultatie", "houden een informatiebijeenkomst",
#: "zetten hun handtekening"; not after "te" (an infinitive: "om een ... te houden" has the verb after the noun anyway)
_PRESENT_VERB_OBJECT = re.compile(
    r"(?<!\bte )\b(?:organiseert|organiseren|houdt|houden|start|starten|begint|beginnen|opent|openen|zet|zetten|"
    r"publiceert|publiceren|schrijft|schrijven|voert|voeren|tekent|tekenen|ondertekent|ondertekenen|sluit|sluiten|"
    r"maakt|maken|dient|dienen|spant|spannen|doet|doen)"
    r" (?:(?:een|de|het|hun|zijn|haar|deze|dit|twee|drie|[a-z]+e) ){0,3}$", re.I)


#: Which reading of "primary stage" :func:`primary_stage` uses (issue 11, round two; the bench's
#: ``--cv`` compares them on the dev part, site by site):
#:
#: * ``newest`` -- stages.md literally: the newest done/current stage, strong evidence first;
#: * ``lead`` -- the news event: the newest done/current stage named in the title or lead
#:   (first paragraph), else ``newest`` over the whole text;
#: * ``any_evidence`` -- ``newest`` without preferring strong evidence (tense-less cues count).
#:
#: Round six's ``headline`` (the default until branch cv21: a failure or legal stage named only below
#: the title and lead yielded to the step the lead reports) was taken out in branch cv21: it decided no
#: dev page with every rule on; held out by site it decided one, only because the reading of a hypothetical
#: step ("Mocht de rechter ...") was a named rule switched off there -- that reading is core now -- and it
#: broke a page whose failure stands below the lead (corpus README, "Round (branch cv21)"). stages.md's own
#: rule is ``newest``.
DEFINITIONS = ("newest", "lead", "any_evidence")
PRIMARY_DEFINITION = "newest"


#: branch cv55: a step told as coming after what the page told before it
_SINCE_MARK = re.compile(r"\b(?:inmiddels|sindsdien|intussen|daarna|vervolgens|alsnog|uiteindelijk|later)\b", re.I)
#: branch cv71: a sentence told as back-story, before the page's own period ("Eerder werd de aanbesteding stopgezet", "De
#: gemeente had de aanbesteding ingetrokken"): the adverb or the pluperfect's finite verb in the main clause (in the
#: sentence's first words, no subordinate clause before it: "het kort geding dat X had aangespannen" is a relative clause)
_BACKSTORY = re.compile(r"^\W*(?:\w+(?:['-]\w+)*\W+){0,6}?(?P<mark>eerder|destijds|in het verleden|had|hadden)\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:dat|die|wat|nadat|omdat|toen|als|waarin|waarbij|waarop|welke|wie|of)\b", re.I)


def _backstory(sentence: str | None) -> bool:
    """The sentence tells back-story in its main clause (:data:`_BACKSTORY`)."""
    head = (sentence or "")[:160]  # the first words only: a bounded prefix, read in constant time
    m = _BACKSTORY.match(head)
    return bool(m) and not _SUBORDINATE.search(head, 0, m.start("mark"))


_AFTER_FAILURE = {"definitieve_gunning", "contract_ondertekend", "contractstart", "implementatie"}


#: branch cv62: a court step told as back-story -- the antecedent of a "na"/"nadat" clause ("nadat het kort geding ... was
#: afgewezen", "Na het kort geding ..."), a noun whose relative clause is in the pluperfect ("het kort geding dat twee
#: aanbieders hadden aangespannen") or the object in such a clause ("de aanbieders die een kort geding hadden
#: aangespannen") -- came before what the page reports (stages.md: a legal stage outranks the stage it interrupted when
#: it is "reported in the text's own period")
_AFTER_BEFORE = re.compile(r"\b(?:na|nadat)\b(?:(?!\b(?:en|maar|want|omdat|terwijl)\b)[^.;:,]){0,80}$", re.I)
_PLUPERFECT_RELATIVE = re.compile(r"[\w -]{0,20}?,?\s*\b(?:dat|die)\b[^.;:,]{0,80}?\b(?:had|hadden)\b", re.I)
_RELATIVE_BEFORE = re.compile(r"\b(?:dat|die)\b[^.;:,]{0,60}$", re.I)
_PLUPERFECT_AFTER = re.compile(r"[^.;:,]{0,40}?\b(?:had|hadden)\b", re.I)
#: the participle closing the pluperfect's verb cluster ("had aangespannen"), if it follows
_VERB_AFTER = re.compile(r"(?:\s+ge\w+|\s+\w+(?:en|d|t)\b(?=\s+(?:was|waren|is|zijn)\b))?|", re.I)
#: the court step told outside the back-story clause: its ruling or its court ("De rechter wees ... af")
_COURT_TOLD = re.compile(r"\b(?:\w*rechter\w*|rechtbank\w*|uitspraak|vonnis\w*|oordeel\w*|wees|wezen|afgewezen|toegewezen|"
                         r"arrest|gewonnen|won|wonnen|verloren|verloor|verbiedt|verbood|verboden|bekrachtig\w*|vernietig\w*|"
                         r"gelijk)\b", re.I)


def _legal_backstory(s: dict) -> tuple[int, int] | None:
    """The span of the back-story clause when the court step ``s`` is told as what came before the page's own steps
    (:data:`_AFTER_BEFORE`, :data:`_PLUPERFECT_RELATIVE`, :data:`_RELATIVE_BEFORE`), else None: not when the rest of
    its sentence tells the court step itself ("De rechter wees het kort geding af dat X had aangespannen")."""
    sentence, cue = s.get("sentence") or "", s.get("cue") or ""
    at = sentence.find(cue) if cue else -1
    if at < 0:
        return None
    after = at + len(cue)
    if before := _AFTER_BEFORE.search(sentence, max(0, at - 120), at):
        close = re.compile(r"[,;:]").search(sentence, after)
        span = before.start(), (close.start() if close else len(sentence))
    elif relative := _PLUPERFECT_RELATIVE.match(sentence, after, after + 120):
        span = at, _VERB_AFTER.match(sentence, relative.end()).end()
    elif (before := _RELATIVE_BEFORE.search(sentence, max(0, at - 80), at)) \
            and (relative := _PLUPERFECT_AFTER.match(sentence, after, after + 60)):
        span = before.start(), _VERB_AFTER.match(sentence, relative.end()).end()
    else:
        return None
    if _COURT_TOLD.search(sentence[:span[0]] + " " + cue + " " + sentence[span[1]:]):
        return None
    return span


def _outside(s: dict, span: tuple[int, int]) -> bool:
    """The cue of ``s`` in its sentence lies outside ``span``."""
    at = (s.get("sentence") or "").find(s.get("cue") or "\0")
    return at >= 0 and not span[0] <= at < span[1]


#: branch cv71: a step of the PREVIOUS round, told as the background of a new one ("De huidige contracten zijn in 2020
#: gegund aan zestig aanbieders", "De vorige aanbesteding liep in 2021 uit op een kort geding"): the contracts in force
#: (huidige/lopende/bestaande contracten) or the previous procedure (vorige/eerdere/voorgaande/oude aanbesteding, contracten,
#: inkoop) is the subject of a done step -- a step of another procedure than the one the page reports ("de huidige
#: aanbesteding" is the page's own procedure: only "vorige" and its kin name an earlier one)
_PREVIOUS_ROUND = re.compile(
    r"\b(?:(?:vorige|eerdere|voorgaande|oude|afgelopen)\s+(?:\w+\s+){0,2}?(?:aanbesteding\w*|inkoop\w*|procedure\w*|"
    r"contract\w*|overeenkomst\w*|opdracht\w*|inkoopronde\w*)|(?:huidige|lopende|bestaande|zittende)\s+(?:\w+\s+){0,2}?"
    r"(?:contract\w*|overeenkomst\w*|aanbieders|zorgaanbieders|jeugdhulpaanbieders))\b", re.I)
#: ... not when the same sentence names the new round ("Nu de huidige contracten aflopen, is de nieuwe opdracht gegund")
_NEW_ROUND_TOLD = re.compile(r"\b(?:nieuwe?|opnieuw)\b", re.I)
#: the steps a previous round is told by; not an extension (of the contracts in force: news of its own) nor a failure
_ROUND_STEPS = {"inschrijving", "beoordeling", "voorlopige_gunning", "bezwaar", "definitieve_gunning", "kort_geding",
                "bodemprocedure", "hoger_beroep", "contract_ondertekend", "contractstart", "aankondiging", "mislukt"}


def _previous_round(s: dict) -> bool:
    """The done step ``s`` is told of the previous round (:data:`_PREVIOUS_ROUND`)."""
    sentence = s.get("sentence") or ""
    return (s["status"] == "done" and s["stage"] in _ROUND_STEPS and bool(_PREVIOUS_ROUND.search(sentence))
            and not _NEW_ROUND_TOLD.search(sentence))


def title_steps(title: str | None, ref: dt.date | None) -> set[str]:
    """The steps a title tells done or current, read alone (branch cv71; :func:`primary_stage`'s ``titled``)."""
    if not title or not title.strip():
        return set()
    return {s["stage"] for s in detect_stages(sentences(title), [], ref) if s["status"] in ("done", "current")}


def primary_stage(stages: list[dict], lead: str | None = None, definition: str | None = None,
                  titled: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The primary stage under ``definition`` (default :data:`PRIMARY_DEFINITION`); ``titled``: the steps the title
    tells done or current (read alone, :func:`title_steps`)."""
    definition = definition or PRIMARY_DEFINITION
    if definition == "lead" and lead:
        in_lead = [s for s in stages if (s.get("sentence") or "\0") in lead]
        if any(s["status"] in ("done", "current") for s in in_lead):
            found = primary_stage(in_lead, definition="newest")
            if found:
                return found
    # branch cv30: a failure or legal step named in the title or lead (stages.md: "a legal stage or mislukt reported in
    # the text's own period outranks the stage it interrupted") counts as strong evidence, however tense-less its cue
    # ("Tijdens de hoorzitting wordt de stop van de regionale inkopen besproken", "Aanbieders stappen naar de rechter"):
    # the lead tells what the page reports, and its failure or court step is no background
    # branch cv71: a step the title tells done or current is the page's news, so the body's tense-less telling of it
    # ("De gemeenten houden deze maand een marktconsultatie" under "Regio houdt marktconsultatie ...") counts as strong
    # evidence -- it is no background the strong past of an earlier step ("heeft de inkoopstrategie vastgesteld") outranks
    def strong(s: dict) -> bool:
        return s["strong"] or bool(lead and s["stage"] in INTERRUPTING and (s.get("sentence") or "\0") in lead) \
            or s["stage"] in titled

    # branch cv71: the steps of a previous round are background when the page tells a step of its own (done or current,
    # any evidence): the newest of those is the page's news
    own = [s for s in stages if s["status"] in ("done", "current") and not _previous_round(s)
           and not (s["stage"] == "bezwaar" and not _FILED.search(s["sentence"]))]
    for strong_only in ((False,) if definition == "any_evidence" else (True, False)):
        cands = [s for s in stages if s["status"] in ("done", "current") and (strong(s) or not strong_only)
                 and not (s["stage"] == "bezwaar" and not _FILED.search(s["sentence"]))
                 and not (own and _previous_round(s))]
        if not cands:
            continue
        top = max(cands, key=lambda s: (STAGE_RANK[s["stage"]], s["status"] == "current"))
        # branch cv62: a court step told as back-story ("De gemeente heeft de contracten gecontinueerd, nadat het kort
        # geding dat X had aangespannen was afgewezen", "de aanbieders die een kort geding hadden aangespannen") is no
        # step of the page's own period: the newest step the page tells itself (outside that clause) is the latest
        # reached
        if top["stage"] in LEGAL_STAGES and top["status"] == "done" and (span := _legal_backstory(top)):
            # any step told, strong or weak (a tense-less "De contracten worden gecontinueerd" is weak), but for one
            # the court step only presupposes (:func:`_tender_behind_court`)
            main = [s for s in stages if s is not top and s["status"] in ("done", "current") and not s.get("presupposed")
                    and not (s["stage"] == "bezwaar" and not _FILED.search(s["sentence"]))
                    and (s["sentence"] != top["sentence"] or _outside(s, span))]
            if main:
                top = max(main, key=lambda s: (strong(s), STAGE_RANK[s["stage"]], s["status"] == "current"))
        # A procedure running again after a failure or court step (the current step after it) is
        # the page's news, wherever the step is named (the seed 002: preparation in the lead, the
        # tender open again after a kort geding further down).
        # branch cv55: a failure told before a step the procurement took since ("De aanbesteding is in 2022 mislukt.
        # Inmiddels zijn de contracten getekend."): the later step, in a sentence of its own that says it came after, is
        # the latest reached (stages.md); not a failure told as the later event ("... alsnog mislukt")
        if top["stage"] == "mislukt" and top["status"] == "done" and not _SINCE_MARK.search(top["sentence"] or ""):
            since = [s for s in cands if s["status"] == "done" and s["stage"] in _AFTER_FAILURE
                     and s["sentence"] != top["sentence"] and _SINCE_MARK.search(s["sentence"] or "")]
            if since:
                return max(since, key=lambda s: STAGE_RANK[s["stage"]])["stage"]
        # branch cv71: a failure or court step told as back-story -- "eerder", "destijds", "in het verleden", or a main
        # verb in the pluperfect ("De gemeente had de aanbesteding in 2023 ingetrokken", "Eerder werd de aanbesteding
        # stopgezet") -- came before the page's own period (stages.md: it outranks the step it interrupted only when
        # "reported in the text's own period"): a step of a procedure under way, from the notice on, that the page
        # tells done or current in a sentence of its own and not as back-story is the news
        if top["stage"] in INTERRUPTING and top["status"] == "done" and _backstory(top["sentence"]):
            own_steps = [s for s in cands if s["stage"] not in INTERRUPTING and STAGE_RANK[s["stage"]] >= STAGE_RANK["aankondiging"]
                         and s["sentence"] != top["sentence"] and not _backstory(s["sentence"])]
            if own_steps:
                return max(own_steps, key=lambda s: (STAGE_RANK[s["stage"]], s["status"] == "current"))["stage"]
        if on("stage.restart") and top["stage"] in INTERRUPTING and top["status"] == "done":
            restarted = [s for s in cands if s["status"] == "current" and s["stage"] not in INTERRUPTING
                         and STAGE_RANK[s["stage"]] >= STAGE_RANK["aankondiging"]]
            if restarted:
                return max(restarted, key=lambda s: STAGE_RANK[s["stage"]])["stage"]
        return top["stage"]
    return None
