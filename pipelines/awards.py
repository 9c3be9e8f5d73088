"""Awards: award data onto the item's record, and notices found through ``/gerelateerd``.

A thin adapter over the library (tenderarchive/awards/):

- a notice whose ``/html`` the spider fetched gets ``record["results"]``: its lots,
  awards and winners as parsed by :func:`tenderarchive.awards.html.parse_response`
  (both layouts), shaped by :func:`tenderarchive.awards.rows.html_results`; what the
  parser could not read is kept in ``notice_results.problems``, never fatal;
- a notice that only ``/gerelateerd`` led to belongs to a youth-care procedure even when
  its own CPV codes and words are not youth care (an award notice often is not):
  it is archived with ``youth_care = 1`` and the reason ``related to <publicatieId>``.
  Runs after the classifier, so its own reasons are kept too;
- an OCDS procedure (``tenderned_ocds``) becomes notices, lots, awards and winners
  with provenance (package file and release ids).
"""

from __future__ import annotations

import json
import logging

from pipelines.normalise import PROCEDURE_LABELS
from tenderarchive.awards.html import empty_parse, parse_response
from tenderarchive.awards.pdf import PdfLimits, parse_pdf
from tenderarchive.awards.rows import html_results, ocds_results, only_columns, pdf_results, year
from tenderarchive.items import NoticeItem, OCDSProcedureItem
from tenderarchive.organisations import organisation
from tenderarchive.store.keys import dumps
from tenderarchive.timeline import OCDS_TENDER_RECTIFICATION

logger = logging.getLogger(__name__)


class AwardsPipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def __init__(self, settings, stats=None):
        self.notice_url = settings.get("TENDERNED_NOTICE_URL")
        self.stats = stats

        def number(name, default):  # a setting as a number (tests pass a plain mapping)
            return int(settings.get(name) or default)

        self.pdf_limits = PdfLimits(
            max_bytes=number("DOWNLOAD_MAXSIZE", PdfLimits.max_bytes),
            pages=number("AWARDS_PDF_MAX_PAGES", PdfLimits.pages),
            cpu_seconds=number("AWARDS_PDF_CPU_SECONDS", PdfLimits.cpu_seconds),
            memory=number("AWARDS_PDF_MEMORY_MB", PdfLimits.memory >> 20) << 20,
            wall_seconds=number("AWARDS_PDF_TIMEOUT", PdfLimits.wall_seconds))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings, crawler.stats)

    def process_item(self, item):
        if isinstance(item, NoticeItem) and item.record:
            notice = item.record["notice"]
            if item.related_to and not notice.get("youth_care"):
                reasons = json.loads(notice.get("youth_care_reasons") or "[]")
                reasons.append(f"related to {item.related_to}")
                notice["youth_care"], notice["youth_care_reasons"] = 1, dumps(reasons)
            if item.html_body is not None or item.pdf_body is not None:
                parsed = parse_response(item.html_body) if item.html_body is not None else None
                provenance = {"source_url": item.html_url, "fetched_at": item.html_fetched_at or item.fetched_at,
                              "sha256": item.html_sha256}
                # the PDF, fetched where the /html failed or named no winner (docs/awards.md, "The PDF fallback")
                pdf = parse_pdf(item.pdf_body, self.pdf_limits) if item.pdf_body is not None and (
                    parsed is None or not parsed["awards"]) else None
                if pdf is not None and pdf.get("refused"):
                    # over its size, pages, CPU time or memory the same bytes are refused again: settled, named in the
                    # problems (a /html that failed is asked again anyway). Not read within its time in all (a
                    # machine under load): the notice's award data is not written, and asked again next run.
                    logger.warning("%s: PDF of the award notice refused (%s); %s", item.pdf_url, pdf["refused"],
                                   "asked again next run" if pdf.get("retry") else "not read")
                    if self.stats:
                        self.stats.inc_value("awards/pdf_refused")
                    if pdf.get("retry"):
                        return item
                if pdf is not None and (pdf["awards"] or (pdf["layout"] != "unknown" and (
                        parsed is None or parsed["layout"] == "unknown"))):
                    pdf_provenance = {"source_url": item.pdf_url, "fetched_at": item.pdf_fetched_at or item.fetched_at,
                                      "sha256": item.pdf_sha256}
                    item.record["results"] = pdf_results(notice, parsed, provenance, pdf, pdf_provenance)
                    parsed = pdf
                    if self.stats:
                        self.stats.inc_value("awards/pdf_parsed")
                elif parsed is not None:
                    if pdf is not None:
                        parsed["problems"].append("the PDF gave no award either: " + "; ".join(pdf["problems"])[:300])
                    item.record["results"] = html_results(notice, parsed, provenance)
                else:
                    return item
                if self.stats:
                    self.stats.inc_value("awards/html_parsed")
                    self.stats.inc_value("awards/awards", len(parsed["awards"]))
            elif item.html_absent:
                # a contract notice TenderNed has no rendering of (its /html answered 404 or 410): read, of nothing
                # (layout "none"), so the next crawl does not ask it again (spiders/tenderned.py html_failed)
                provenance = {"source_url": item.html_url, "fetched_at": item.html_fetched_at or item.fetched_at,
                              "sha256": item.html_sha256}
                item.record["results"] = html_results(
                    notice, empty_parse("none", [f"no rendering: HTTP {item.html_absent}"]), provenance)
        elif isinstance(item, OCDSProcedureItem):
            item.record = ocds_record(item, self.notice_url)
        return item


#: The API's procedure code (``procedureCode.code``) of each Dutch label TenderNed's own dataset writes for it (an OCDS
#: package's ``procurementMethodDetails``, reference tenderned-awards.md §6.3), the labels tenderned-api.md §7.2 gives the
#: codes: "Openbaar" OPE, "Niet-openbaar" NOP, … Keyed lower-case with single spaces.
PROCEDURE_CODES = {" ".join(label.lower().split()): code for code, label in PROCEDURE_LABELS.items()}


def procedure_code(label) -> str | None:
    """The API's procedure code of a package's ``procurementMethodDetails`` ("Openbaar": OPE), in any case and spacing;
    None for a label whose code the reference does not know ("Onderhandse procedure", "Innovatiepartnerschap") and for
    none: no code is guessed, and OCDS's own ``procurementMethod`` ("open", "selective") names none of them."""
    return PROCEDURE_CODES.get(" ".join(label.lower().split())) if isinstance(label, str) else None


def ocds_record(item: OCDSProcedureItem, notice_url: str) -> dict:
    provenance = {"source_url": item.source_url, "fetched_at": item.fetched_at, "sha256": item.sha256}
    record = ocds_results(item.procedure, provenance)
    record["partial"] = bool(item.procedure.get("partial"))  # a release of it was skipped (ocds.read_package)
    n = record["notice"]
    day = n.get("first_date")
    cpv = n["cpv"][0] if n.get("cpv") else None
    buyer = organisation(n.get("buyer")) or {}
    dates, awarding = n.get("publication_dates") or {}, set(n.get("award_publications") or [])
    updating = set(n.get("update_publications") or [])
    modifying = set(n.get("modification_publications") or [])
    cancelling = set(n.get("cancellation_publications") or [])
    amending = set(n.get("amendment_publications") or [])  # tag tenderAmendment or tenderUpdate: a rectification
    planning = set(n.get("planning_publications") or [])  # tag planning alone: a prior information notice
    # a procedure the package says was stopped: its latest publication says so (notices.is_cancelled, the API's
    # isVroegtijdigBeeindigd), so the procedure's stage is a stopped one
    latest = max(((dates.get(str(pid)) or "", int(pid)) for pid in n.get("publication_ids") or [] if str(pid).isdigit()),
                  default=(None, None))[1] if n.get("stopped") else None
    if latest is not None and str(latest) not in awarding | updating | modifying:
        cancelling.add(str(latest))  # the publication that says the procedure stopped, where it gives no award

    record["notices"] = [only_columns("notices", {
        "publication_id": int(pid), "kenmerk": record["kenmerk"], "procurement_id": record["procurement_id"],
        "title": n.get("title"), "description": n.get("description"), "buyer": n.get("buyer"),
        # each publication is dated by its own releases (a rectification months later was dated the procedure's
        # first day), and named for the timeline, which read "TenderNed: None — …" (the package gives no code)
        **_published(dates.get(str(pid)) or day),
        "notice_type_label": "Rectificatie gunning (OCDS-dataset)" if str(pid) in updating else
                             "Wijziging opdracht (OCDS-dataset)" if str(pid) in modifying else
                             "Vroegtijdige beëindiging (OCDS-dataset)" if str(pid) in cancelling else
                             "Gunning (OCDS-dataset)" if str(pid) in awarding else
                             OCDS_TENDER_RECTIFICATION if str(pid) in amending else
                             "Vooraankondiging (OCDS-dataset)" if str(pid) in planning else "Publicatie (OCDS-dataset)",
        # an award update (tag awardUpdate) is a rectification: its awards supersede the earlier ones of their
        # lots (derive.refresh_award_currency), also when it names another winner under a new award id
        # and one giving an award is an award notice (AGO): the awards saved search and the open tenders list
        # it, the timeline has its award; it is no award notice the API crawl has archived (queries.py)
        # and a contract modification (tag contractAmendment alone) is the API's AAW: the timeline's verlenging
        # and one cancelling the tender (tag tenderCancellation, or the stopped procedure's latest publication where
        # it gives no award) the API's VBE: the timeline's cancellation (mislukt), not a publication of no stage
        # and one amending or updating the tender (tag tenderAmendment, tenderUpdate) the API's REC of a contract notice: a rectification on the
        # timeline at `aankondiging` (timeline.OCDS_TENDER_RECTIFICATION), listed with the changes
        # and one only planning it (tag planning) the API's VAK: the timeline's vooraankondiging
        "notice_type": "REC" if str(pid) in updating else "AAW" if str(pid) in modifying else
                       "AGO" if str(pid) in awarding else "VBE" if str(pid) in cancelling else
                       "REC" if str(pid) in amending else "VAK" if str(pid) in planning else None,
        # the procedure's code as the API's notices give it (procedureCode): the label's, where the reference gives one
        "procedure": procedure_code(n.get("procedure")), "procedure_label": n.get("procedure"),
        # the nature (tender.techniques: a framework agreement RAA, a DAS IDA), as the API's opdrachtAardCode gives it
        "contract_nature": n.get("contract_nature"), "contract_nature_label": n.get("contract_nature_label"),
        # and the type of contract (tender.mainProcurementCategory), as the API's typeOpdrachtCode
        "contract_type": n.get("contract_type"), "contract_type_label": n.get("contract_type_label"),
        # the contract's period (tender.contractPeriod, the API's aanvangOpdrachtDatum / voltooiingOpdrachtDatum):
        # its dates as given and, given as a length alone ("durationInDays": 1095), that length, no end date invented
        "start_date": n.get("start_date"), "end_date": n.get("end_date"), "duration_days": n.get("duration_days"),
        "cpv_main": cpv, "cpv_main_8": cpv.split("-")[0] if cpv else None,
        "is_awarded": 1 if record["awards"] else 0, "is_cancelled": 1 if int(pid) == latest else None,
        "youth_care": 1,
        "youth_care_reasons": dumps(list(n.get("youth_care_reasons") or []) + [f"OCDS {n['ocid']}"]),
        "form_type": "ocds", "url": notice_url.format(id=pid), "buyer_id": buyer.get("organisation_id"),
        "jeugdregio_code": buyer.get("jeugdregio_code"), **provenance,
    }) for pid in n.get("publication_ids") or [] if str(pid).isdigit()]
    return record


def _published(day: str | None) -> dict:
    return {"published": day, "published_at": day, "year": year(day), "year_month": day[:7] if day else None}
