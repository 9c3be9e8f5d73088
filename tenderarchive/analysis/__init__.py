"""Dutch text analysis for jeugdhulp procurement news (pure Python, stdlib + data files).

Entry point::

    from tenderarchive.analysis import analyse
    result = analyse(text, title=None, published=None, url=None)

Modules, one job each: :mod:`.text` (normalise, sentences), :mod:`.vocabulary` (terms),
:mod:`.relevance`, :mod:`.dates` (dates and events), :mod:`.stages` (stages, tense,
primary stage), :mod:`.places` (municipalities, jeugdregio's), :mod:`.organisations`,
:mod:`.procedure` (procedure type, percelen, duration, TenderNed refs).

All rules are hand-written: no Dutch NLP library reachable without model downloads
handles procurement stages, tense-dependent stage status, jeugdregio's or Dutch vague
dates; the rules are tested against the five seed texts and their gold (gold.json).
On top of the relevance rules sits one learned layer, :mod:`.learned` (a logistic regression
trained on the news corpus' dev part, shipped as ``model.json``), which overrules them only
when it is confident.
"""
from __future__ import annotations

import datetime as dt
import re

__all__ = ["analyse", "MAX_TEXT_CHARS", "MAX_TITLE_CHARS"]

#: Longest text (characters) fed to the analysis steps; the rest of a longer page is not
#: analysed. Every step is linear in its input (issue 13: contract duration on one very long
#: word and municipality matching on many mentions were quadratic), and this bound keeps one
#: hostile page to about a second. A real news page or project page (a few thousand words)
#: is well under it.
MAX_TEXT_CHARS = 50_000
MAX_TITLE_CHARS = 1_000


def analyse(text: str, *, title: str | None = None, published: dt.date | None = None,
            url: str | None = None) -> dict:
    """Analyse one article text. Returns a JSON-serialisable dict (see README keys)."""
    # The steps are imported here, on the first page analysed, not with the package (issue 14): a TenderNed
    # crawl or reparse imports the package for .places alone (tenderarchive/organisations.py), and the other
    # steps' module-level patterns (.organisations, .stages, .dates, .relevance) cost ≈ 0.1–0.2 CPU-s a process.
    from .dates import events as _events
    from .organisations import find_awardees, find_organisations
    from .places import find_municipalities
    from .procedure import contract_duration, lots, procedure_type, tenderned_refs
    from .relevance import relevance
    from .rules import on
    from . import learned
    from .stages import (add_joint_purchase, add_preparation_under_way, add_procedure_running, detect_stages, primary_stage,
                         search_gives_way, title_steps)
    from .text import normalise, sentences
    from .vocabulary import STAGE_ORDER

    if isinstance(published, dt.datetime):
        published = published.date()
    norm = normalise((text or "")[:MAX_TEXT_CHARS])
    norm_title = normalise(title[:MAX_TITLE_CHARS]) if title else None
    sents = sentences(norm)
    evs, ref = _events(sents, published)
    # The title is read as the first heading: "Definitieve gunning ..." or "... wordt uitgesteld"
    # is often the only place a page names its step (issue 11 corpus).
    title_first = on("stage.title_first") and norm_title and not norm.lstrip().startswith(norm_title.strip())
    stage_sents = sentences(norm_title + "\n\n" + norm) if title_first else sents
    stage_list = add_preparation_under_way(search_gives_way(
        add_procedure_running(detect_stages(stage_sents, evs, ref), stage_sents, ref)))
    told = [STAGE_ORDER.index(s["stage"]) for s in stage_list if s["status"] in ("done", "current")]
    if (not title_first and norm_title and not norm.lstrip().startswith(norm_title.strip())
            and (not told or any(STAGE_ORDER.index(t) > max(told) for t in title_steps(norm_title, ref)))):
        # branch cv49 (core): a step told only in the title ("Inkoop jeugdzorg geaccordeerd door de raad") is the page's
        # step where the body tells none done or current -- the title read as the first heading, as the named rule
        # `stage.title_first` reads it always; a body that tells its own step is read alone, unless (branch cv71) the
        # title tells a step newer than any the body tells: the headline is the news, the body its background
        # ("Jeugdhulp voorlopig gegund aan twaalf aanbieders" over "Er hebben 25 aanbieders ingeschreven")
        titled = sentences(norm_title + "\n\n" + norm)
        with_title = add_preparation_under_way(search_gives_way(
            add_procedure_running(detect_stages(titled, evs, ref), titled, ref)))
        if any(s["status"] in ("done", "current") for s in with_title):
            stage_list = with_title
    stage_list = add_joint_purchase(stage_list, sentences(norm_title + "\n\n" + norm) if norm_title else sents)
    places = find_municipalities(norm, norm_title, year=ref.year if ref else None,
                                 published_year=published.year if published else None)
    proc_norm, proc_raw = procedure_type(norm)
    other_tenders: list[dict] = []  # winners of a tender for another service (branch orgs3)
    awardees = find_awardees(norm, norm_title, other_tenders)
    rel = relevance(norm, norm_title, stage_list)
    # title + first paragraph: what the page reports (stages.primary_stage, definition "lead")
    lead = (norm_title or "") + "\n" + re.split(r"\n\s*\n", norm.strip(), maxsplit=1)[0][:600]
    # round seven: a learned score over the rules' evidence and the title and lead words; it is kept as
    # evidence (relevance_model_score) and overrules the rules' decision only when it is confident
    rel = learned.decide_relevance(rel, stage_list, norm_title or "", lead)
    primary = primary_stage(stage_list, lead=lead, titled=title_steps(norm_title, ref))
    primary_rule = "newest_reported" if primary else None
    if primary is None and rel["relevant"] and on("stage.preparation_default"):
        # A page about a youth-care procurement that reports no step done or current: stages.md, "a page that only
        # reports preparation has voorbereiding" -- planned steps never count, so an award still to come ("volgt in
        # maart") does not make it `aankondiging` either (branch cv21 took out that "running" default: on the dev
        # part it fired on one page only, wrongly, with every rule on and held out by site; a procedure said to
        # run is read by stages.add_procedure_running).
        primary = "voorbereiding"
        primary_rule = "preparation_default"
    others_won: list[dict] = other_tenders
    if not rel["relevant"]:
        # winners of something else (a Wmo or transport tender) are not this archive's awardees; they are still
        # organisations the page names, as providers (branch orgs2)
        awardees, others_won = [], awardees + other_tenders
    result = {
        **rel,
        "stages": [{k: s[k] for k in ("stage", "status", "cue", "sentence")} | {"evidence": "strong" if s["strong"] else "weak"}
                   for s in stage_list],
        "primary_stage": primary,
        "primary_stage_rule": primary_rule,
        "events": evs,
        "reference_date": ref.isoformat() if ref else None,
        "reference_date_source": ("published" if published else "text") if ref else None,
        **places,
        "organisations": find_organisations(norm, awardees, places["municipalities"] + places["implied_municipalities"],
                                            providers=others_won, title=norm_title),
        "awardees": [a["name"] for a in awardees],
        "awardee_evidence": awardees,
        "procedure_type": proc_norm,
        "procedure_raw": proc_raw,
        "lots": lots(norm),
        "contract_duration": contract_duration(norm),
        "tenderned_refs": tenderned_refs(norm + (" " + url[:MAX_TITLE_CHARS] if url else "")),
    }
    return result
