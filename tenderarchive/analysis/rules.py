"""Named reading rules that can be switched off, for the cross-site rule view (issue 11).

Every rule of :mod:`.relevance` and :mod:`.stages` that was added for a kind of page (not
the core definitions of stages.md) carries a name and is guarded by :func:`on`. In normal
use nothing is disabled. ``bench/news_fidelity.py --rules`` switches each one off in turn
on the dev part of the corpus and reports on how many different *sites* the rule fixes
pages and on how many it breaks pages; a rule earns its place only when it helps at least
two sites and breaks none (a rule read off one site's pages is likely fitted to that site).

Written by hand: a module-level set is all this needs.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

#: Names of the rules, with what each does (the bench lists them; tests check they exist).
RULES: dict[str, str] = {
    # relevance.py
    "rel.vacancy": ("two vacancy/hiring signals -> not relevant (branch rel17: not on a page whose title and lead tell a "
                    "youth-care purchase step, unless two core advert signs)"),
    "rel.title_genre": ("the title names a non-procurement genre (guidance, report, money, regulation) "
                        "and no step is reported -> not relevant; not when the body names a particular youth-care "
                        "procedure ('de aanbesteding voor de jeugdzorg', branch news15r) or a particular buyer's purchase of youth care "
                        "('Het college wil ... jeugdhulp gaan inkopen', core since branch cv40)"),
    "rel.adjacent_topic": ("title and lead about an adjacent field (pupil/Wmo transport too; 'jeugdzorgvervoer' is transport, "
                           "round five), no youth term there "
                           "-> not relevant"),
    "rel.regulation": "regulation text (two or more regulation terms) with at most one strong procurement term -> not relevant",
    "rel.together": ("the procedure must be named with youth care (title, one sentence, or -- branch cv48 -- a "
                     "particular procedure act in the sentence right after one about youth care)"),
    "rel.title_cue": "a stage cue in the title counts as strong evidence",
    "rel.step_beside_youth": "a reported step in a paragraph about youth care counts as together",
    # stages.py
    "stage.title_first": "the title is read as the first heading",
    "stage.implied_award": ("'krijgen vanaf ... een contract' implies a definitive award; so does a purchase reported "
                            "in the perfect ('hebben ... ingekocht', round four)"),
    "stage.implied_start": "implied contract start",
    "stage.redo": "the procedure must be done again, in any word order ('opnieuw aanbesteden', 'intrekking') -> mislukt",
    "stage.tender_context": "'vragen stellen' is inlichtingen only in a tender's context",
    "stage.implementation_context": "'implementatie' only of new contracts (or of a procurement's results)",
    "stage.negation": "a negated step did not happen",
    "stage.legal_other_field": "a ruling about pgb/Wmo is no tender ruling (stages.md rule b)",
    "stage.legal_filed": ("a legal stage brought ('kort geding aangespannen', 'naar de rechter gestapt') with no ruling "
                          "anywhere in the text is current, not done"),
    "stage.ongoing": "'gestart met' / 'bezig met' keeps preparation current",
    "stage.deadline_ahead": "a deadline 'a.s.' keeps the step current",
    "stage.contract_ends": "'contracten lopen af' is no contract start",
    "stage.undated_start_planned": "'vanaf 1 januari' in an undated text is planned",
    "stage.event_default_done": "an event stage without tense marker is done",
    "stage.postponed": "'uitgesteld tot nader order' keeps mislukt current (a delay with an end in view is no failure: core, news15r)",
    "stage.faq": "an FAQ is written while the tender runs",
    "stage.preparation_default": "a relevant page that reports no step done or current is at voorbereiding",
    "stage.restart": "a done legal stage yields to a current restarted step",
    # round three (branch news11c): read on the 40 pages of 38 new dev sites
    "stage.court_verb": "'de rechter (in X) wees/gaf/heeft ... uitgesproken' reports a (kort geding) ruling",
    "stage.contracts_closed": ("'contracten (worden) afgesloten', 'sluit contracten af' is the contract step; so is the passive "
                               "'het contract ... is gesloten' (round eight)"),
    "rel.registered_resident": "'(waar het kind) staat ingeschreven' is a residence, not a tender enrolment",
    "rel.purchasing_body": "an 'inkoopbureau' (like an inkooporganisatie) names a procurement act",
    # round four (branch news11e)
    "stage.tender_open": ("'moeten/kunnen zich inschrijven', 'offerteaanvraag', 'het indienen van een offerte', 'een "
                          "aanbod doen', 'offerte uitbrengen' is the tendering step, open now unless a date in the clause "
                          "says it closed (not in a sentence about a dialogue procedure; round three's stage.offer_cue "
                          "folded in); a party that will, or will not, enrol in a named tender ('niet zullen inschrijven "
                          "op de aanbesteding') tells the enrolment open (branch cv35)"),
    # read on the false positives of six dev sites
    "rel.particular_procedure": ("a procedure term counts only when it names a particular procurement: not the modifier of "
                                 "a law/rule/body compound, not after 'elke/soort/verplichte' (nor 'een' in a conditional, "
                                 "modal or habitual sentence -- its modal read outside relative clauses, branch cv35), not a bare "
                                 "plural, not in a sentence stating rules -- unless "
                                 "the sentence reports a dated or finished step; a stage cue in such a sentence is no "
                                 "reported step"),
    # round six (branch news11g): read on the leave-one-site-out misses of the dev part
    "rel.plain_purchase": ("a purchase of youth care told in plain verbs ('in te kopen', 'contracten ... onderbrengen "
                           "bij', 'contracten voor jeugdhulp ... verlengen') in a sentence that names youth care and "
                           "reports it decided, done or dated counts as a procurement act; not an aim in the future tense "
                           "without a decision ('zal ... om te komen tot nieuwe contracten', branch cv35)"),
    # round eight (branch news11i): cues the reading did not find at all (corpus README, round eight)
    "stage.service_statement": ("a provider named as delivering the youth care from a full date on ('Sinds 1 januari 2024 "
                                "verzorgt X', 'Vanaf 1 januari 2024 is X verantwoordelijk', 'liet deze uitvoeren door') "
                                "implies the award done and the contract start"),
    # branch cv36
    "stage.start_told": ("the contract start told as the delivery starting ('De uitvoering start vanaf 1 januari 2019'), "
                         "the new providers at work ('per 1 januari zijn de nieuwe aanbieders aan de slag') or a facility "
                         "opened where the text names a purchase ('de woonvoorziening werd geopend')"),
    # branch news12
    "stage.purchase_decision": ("a decision taken about the purchase itself ('besloten deze inkoop zelf te regelen', "
                                "'gekozen bij inkoop jeugdzorg') is voorbereiding"),
}

DISABLED: set[str] = set()
#: The rules asked about since :func:`tracing` began (None: nobody is tracing). The bench's cross-site view
#: re-reads a page under another set of disabled rules only when that set differs on a rule the page's
#: reading asked about (branch news20): a reading that never asks about a rule cannot depend on it.
CONSULTED: set[str] | None = None


def on(name: str) -> bool:
    """Is rule ``name`` switched on? (Unknown names raise: a typo must not silently pass.)"""
    if name not in RULES:
        raise KeyError(name)
    if CONSULTED is not None:
        CONSULTED.add(name)
    return name not in DISABLED


@contextlib.contextmanager
def tracing() -> Iterator[set[str]]:
    """Collect the names of the rules :func:`on` is asked about inside the block (the bench's reading cache)."""
    global CONSULTED
    before = CONSULTED
    CONSULTED = seen = set()
    try:
        yield seen
    finally:
        CONSULTED = before
        if before is not None:
            before.update(seen)


@contextlib.contextmanager
def disabled(*names: str) -> Iterator[None]:
    """Switch rules off inside a ``with`` block (the bench's ablation)."""
    for n in names:
        if n not in RULES:
            raise KeyError(n)
    before = set(DISABLED)
    DISABLED.update(names)
    try:
        yield
    finally:
        DISABLED.clear()
        DISABLED.update(before)
