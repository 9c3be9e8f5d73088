"""Twenty-eighth pass over tenderned-awards.md, end to end: SYNTHETIC notices crawled from the loopback servers
into a real archive, and what the procurement's timeline shows of them."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import standard_award_900302, standard_contract_900301
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_variants_crawl import publication


def notice_stages(db_path) -> dict:
    db = sqlite_utils.Database(db_path)
    return {int(r["source_id"]): (r["kind"], r["stage"]) for r in db.query(
        "select source_id, kind, stage from events where source_type = 'notice' and kind != 'inschrijf_deadline'")}


def test_a_rectification_archived_before_the_award_notice_naming_it_takes_the_award_stage_when_it_arrives(
        serve_api, crawl):
    """Reference §4 "Rectified award" (the original's detail names its latest rectification in
    publicatieIDLaatsteRectificatie) and §3 (older standard forms carry no eForms form type): a rectification
    without a form type whose rendering gives no award is of the stage of the notice naming it. When that award
    notice came in a later crawl, the rectification's event was
    derived once, at `aankondiging`, and never again: the procurement's latest event put it back before its
    award. The crawl that writes the award notice re-derives the rectification it names."""
    tender = publication(template(), 972901, 972900, "AAO", "competition", "2024-01-10", "Jeugdhulp Rijnstad",
                         standard_contract_900301())
    award = publication(template(), 972903, 972900, "AGO", "result", "2024-06-20", "Jeugdhulp Rijnstad",
                        standard_award_900302())
    award["detail"]["publicatieIDLaatsteRectificatie"] = 972904
    # SYNTHETIC: a rectification that corrects a date; its rendering gives no award
    corrected = publication(template(), 972904, 972900, "REC", "result", "2024-07-01",
                            "Jeugdhulp Rijnstad (rectificatie gunning)", standard_contract_900301())
    for notice in (tender, award, corrected):
        del notice["detail"]["formType"]
    # the API first lists the rectification alone (a crawl follows a notice's /gerelateerd, so one listing of all
    # three would archive them together), then all three
    first = crawl(serve_api([corrected]).api_url, from_date="2024-01-01", until_date="2024-12-31")
    assert first.crawl["status"] == "complete", first.errors
    assert notice_stages(first.db_path) == {972904: ("rectification", "aankondiging")}  # nothing names it yet
    second = crawl(serve_api([tender, award, corrected]).api_url, from_date="2024-01-01", until_date="2024-12-31")
    assert second.crawl["status"] == "complete", second.errors
    assert notice_stages(second.db_path) == {972901: ("tender_publication", "aankondiging"),
                                              972903: ("award", "definitieve_gunning"),
                                              972904: ("rectification", "definitieve_gunning")}
