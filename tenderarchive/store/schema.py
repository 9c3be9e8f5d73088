"""The archive's schema: every table with its columns, keys and indexes, and the views.

Tables are created (and missing columns added) by :func:`ensure_schema`, which the
writer (:func:`tenderarchive.store.writes.open_archive`) runs, so an archive written
by an older version is migrated in place; nothing is ever dropped. Readers never
migrate. The column lists below are the schema; the data dictionary
(``tenderarchive/datasette/tables/*.yaml``) describes every one of them, and a test
keeps the two in step.

Indexes (issue 14): every default facet and sort of ``tenderarchive/datasette/tables/*.yaml``
and every filter of a saved search or dashboard chart has an index whose first column it is, so
no page scans a big table (``tests/datasette/test_query_plans.py`` checks the plans; figures in
``bench/README.md``).

Table options: ``versioned`` (a changed row keeps its earlier values in ``versions``),
``volatile`` (columns that change without the content changing), ``keep_omitted``
(source columns a sparse response may leave out: they keep their archived value,
see :func:`tenderarchive.store.writes.keep_omitted`), ``origin`` (columns that say where a
value came from, or which values the last answer left out: a change of them alone is written,
but is no change of the content, so no version and not counted as updated; with another change
they are versioned with it, see
:func:`tenderarchive.store.writes.upsert_if_changed`).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

import sqlite_utils

from tenderarchive.monitor import FRESHNESS_SQL, NEWS_SITES_SQL
from tenderarchive.store.facet_counts import COUNTED, ensure_facet_counts


PROVENANCE = {"source_url": str, "fetched_at": str, "sha256": str, "crawl_id": int}

#: The crawl that first archived a row (``awards``, ``lots``, ``notices``, ``articles``), beside ``crawl_id``, the
#: crawl that last changed it: set when the row is inserted (:func:`tenderarchive.store.writes.upsert_if_changed`),
#: never changed, never versioned. An award's or lot's is no fetch of its own, and its ``versions`` leave
#: ``crawl_id`` out, so a crawl report could not tell an award a crawl added from one it changed (watch/report.py).
#: A notice's or news page's was read from its address's first answer (``fetches``): a crawl resumed with
#: ``--jobdir`` whose second run wrote a page again from another address (its print version) lost which run archived
#: it (saved search ``crawl_wijzigingen``). Archived before the column: an award's or lot's crawl where no version
#: says a later crawl changed it (:func:`migrate_first_crawls`), else unknown (NULL); a notice's or news page's
#: NULL, read by its address as before (a notice whose CPV codes alone a later crawl changed has no version).
FIRST_CRAWL = {"first_crawl_id": int}


def _amounts(*names: str) -> dict:
    """The four columns of each exact amount (see tenderarchive/awards/amounts.py)."""
    return {f"{n}_{part}": kind for n in names
            for part, kind in (("cents", int), ("raw", str), ("currency", str), ("placeholder", int))}

#: The sources of award rows read from TenderNed's API for one notice: its ``/html`` rendering, or its PDF where the
#: rendering failed or named no winner (docs/awards.md, "The PDF fallback"). Both are the API's notice: they win
#: over an OCDS package (``tenderned_ocds``).
API_SOURCES = ("tenderned_html", "tenderned_pdf")

TABLES: dict[str, dict] = {
    "notices": {
        "pk": "publication_id",
        "columns": {
            "publication_id": int, "kenmerk": int, "procurement_id": str,
            "notice_type": str, "notice_type_label": str, "form_code": str, "form_label": str,
            "title": str, "description": str, "buyer": str, "buyer_official": str,
            "published": str, "published_at": str, "year": int, "year_month": str,
            "deadline": str, "deadline_placeholder": int, "deadline_list": str,
            # 1 when the closing date is the list row's standing in for a detail that named none, NULL when a detail
            # named it: a detail's date equal to the row's (not moved) is still the detail's (store/writes.py
            # detail_deadline); so for the consultation's and the description below
            "deadline_from_list": int,
            # what the list row said of kenmerk, type and early end when the notice was last fetched with it
            # (pipelines/normalise.py listed_as): a row that keeps disagreeing with its detail is fetched once
            "listed_as": str,
            "consultation_deadline": str,
            # the list row's sluitingsDatumMarktconsultatie (the date first published: a rectification moves the
            # detail's alone, reference §3), kept apart as deadline_list is: store/writes.py detail_consultation
            "consultation_deadline_list": str,
            "consultation_deadline_from_list": int,
            # 1 when the consultation's closing date sent was a placeholder year (≥ 2090: "no real date", reference §4,
            # §12.4), as deadline_placeholder: consultation_deadline is then NULL, no date (pipelines/normalise.py)
            "consultation_deadline_placeholder": int,
            # the list row's opdrachtBeschrijving (a shorter text, about 1,000 characters: reference §3), kept apart so
            # the full text a detail gave is not replaced by it: store/writes.py detail_description
            "description_list": str,
            # 1 when the description is the list row's text standing in for a detail that gave none, NULL when a
            # detail gave it: a detail's text equal to the row's (a short one, reference §3) is still the detail's
            # (store/writes.py detail_description)
            "description_from_list": int,
            # the day the detail's countdown ends when the detail gives no closing date (pipelines/normalise.py)
            "open_until": str,
            "procedure": str, "procedure_label": str,
            "contract_type": str, "contract_type_label": str,
            "contract_nature": str, "contract_nature_label": str,
            "legal_framework": str, "legal_framework_label": str,
            "is_european": int, "cpv_main": str, "cpv_main_8": str, "cpv_main_label": str,
            "nuts": str, "start_date": str, "end_date": str,
            # the contract's length in days where a source gives it as a length (an OCDS package's
            # tender.contractPeriod.durationInDays, reference tenderned-awards.md §6.3); no end date is derived from it
            "duration_days": int,
            "is_awarded": int, "is_cancelled": int, "is_digital": int,
            "latest_rectification_id": int, "reference": str, "tender_platform": str,
            "url": str, "pdf_url": str,
            "youth_care": int, "youth_care_reasons": str, "buyer_id": str, "jeugdregio_code": str,
            "omitted_columns": str,
            # detail fields added for award data (issue 10, docs/awards.md)
            "award_only": int, "tender_platform_url": str, "keywords": str, "duration_code": str,
            "duration_label": str, "form_type": str, "status": str, "is_completed": int, "ted_number": str,
            "nuts_labels": str,
            # 1 when the last crawl could not read the notice's /documenten: the next one asks again
            "documents_unread": int,
            # all of its documents in one zip (/documenten's links.downloadZip)
            "documents_zip_url": str,
            # the list row's publicatiestatus (reference §3: PUB Gepubliceerd); kept when a re-check has no list row
            "publication_status": str, "publication_status_label": str,
            # more of the detail (reference §4): isGeimporteerd, digitaalInschrijvenCode, afwijkendReglement
            "is_imported": int, "digital_submission": str, "digital_submission_label": str, "deviating_rules": str,
            # the detail's publicatiePdfId (reference §4: int)
            "pdf_id": int,
            **PROVENANCE, **FIRST_CRAWL,
        },
        "indexes": [["kenmerk"], ["published"], ["year"], ["year_month"], ["notice_type"],
                    ["buyer"], ["procedure"], ["youth_care"], ["cpv_main"], ["buyer_id"], ["jeugdregio_code"],
                    ["procurement_id"],
                    # saved searches and dashboard (issue 14): open tenders by deadline, awards,
                    # awards without a prior call, procedure and notice types, stages by year
                    ["deadline"], ["youth_care", "notice_type", "published"],
                    ["award_only", "youth_care", "published"], ["procedure_label", "procedure"],
                    ["notice_type_label", "notice_type"], ["youth_care", "year", "notice_type"],
                    # what a crawl touched: the incremental derivation (tenderarchive/derive.py); what a crawl
                    # archived first (first_crawl_id; before the column, by the address it fetched: source_url; the
                    # saved search crawl_wijzigingen)
                    ["crawl_id"], ["source_url"], ["first_crawl_id"]],
        "versioned": True,
        # keep_omitted: everything the detail record says (set below); what classify and places add is recomputed.
    },
    "notice_cpv": {
        "pk": ("publication_id", "cpv"),
        # cpv: one form (85311300-5, or 8 digits where no check digit was sent: values.cpv_parts); cpv_raw: as sent
        "columns": {"publication_id": int, "cpv": str, "cpv_8": str, "label": str, "is_main": int, "cpv_raw": str},
        "indexes": [["cpv_8"], ["is_main"]],
        "foreign_keys": [("publication_id", "notices", "publication_id")],
    },
    # Keyed by the publication that lists the document: TenderNed addresses a document within its
    # publication (/publicaties/{id}/documenten/{documentId}/content, docs/reference/tenderned-api.md §1),
    # and a rectification lists its procedure's documents again: keyed on document_id alone, one
    # publication's row replaced the other's (migrated by migrate_keys).
    "documents": {
        "pk": ("publication_id", "document_id"),
        "columns": {
            "document_id": str, "publication_id": int, "name": str, "file_type": str,
            "category": str, "category_label": str, "published": str, "size_bytes": int,
            "virus_flag": int, "download_url": str,
            # when the notice's documents list, read whole, first no longer named it (writes.unlist_documents)
            "dropped_since": str,
            # the crawl whose list named it again after one no longer did (writes.write_notice): the crawl report
            # says "listed again", not a new document
            "listed_again": int, "omitted_columns": str, **PROVENANCE,
        },
        "indexes": [["publication_id"], ["category"], ["file_type"]],
        "foreign_keys": [("publication_id", "notices", "publication_id")],
        # what a documents list that still names the document leaves out or sends unreadable (no documentNaam, a
        # datumPublicatie or grootte of no readable form: reference §5, §13) keeps its archived value: it was written
        # over with nothing, the document losing its name, date and size though TenderNed still lists it
        "keep_omitted": {"name", "file_type", "category", "category_label", "published", "size_bytes", "virus_flag"},
    },
    "procurements": {
        "pk": "procurement_id",
        "columns": {
            "procurement_id": str, "kenmerk": int, "title": str, "buyer": str,
            "first_published": str, "last_published": str, "publication_count": int,
            "publication_ids": str, "notice_types": str, "deadline": str,
            "is_awarded": int, "youth_care": int, "url": str,
            "source": str, "jeugdregio_code": str, "article_count": int,
        },
        "indexes": [["kenmerk"], ["buyer"], ["youth_care"], ["source"], ["jeugdregio_code"], ["last_published"],
                    ["is_awarded"]],
        "versioned": True,
    },
    "versions": {
        "pk": ("table_name", "row_key", "version"),
        "columns": {
            "table_name": str, "row_key": str, "version": int, "valid_from": str, "valid_to": str,
            "changed_columns": str, "previous_values": str, "new_values": str, "crawl_id": int,
        },
        # crawl_id: what one crawl changed (the saved search crawl_wijzigingen, linked from a crawl's counts)
        "indexes": [["table_name", "row_key"], ["valid_to"], ["table_name", "valid_to"], ["crawl_id"]],
    },
    "articles": {
        "pk": "url",
        "columns": {
            "url": str, "site": str, "title": str, "title_source": str,
            "published": str, "published_source": str, "published_precision": str, "modified": str,
            "year": int, "year_month": str, "page_type": str, "language": str, "text": str,
            "relevant": int, "relevance_score": float, "relevance_rule": str, "relevance_model_score": float,
            "matched_terms": str,
            "primary_stage": str, "primary_stage_rule": str, "stages": str, "procedure_type": str, "procedure_raw": str,
            "lots": str, "contract_duration": str, "tenderned_refs": str,
            "jeugdregio_code": str, "regions": str, "is_living_page": int, "extractor": str,
            "content_sha256": str, "omitted_columns": str, **PROVENANCE, **FIRST_CRAWL,
        },
        # (site, fetched_at, relevant, published): the site facet and filter, and the covering index the
        # news_sites view reads (monitor.NEWS_SITES_SQL)
        "indexes": [["crawl_id"], ["site", "fetched_at", "relevant", "published"], ["published"], ["year"],
                    ["year_month"], ["relevant"],
                    ["primary_stage"], ["jeugdregio_code"], ["relevant", "primary_stage", "published"],
                    # what a crawl archived first, by the address it fetched (the saved search crawl_wijzigingen)
                    ["source_url"], ["first_crawl_id"]],
        "versioned": True,
        # The raw response's hash changes with every template tweak; what counts is the content.
        "volatile": {"content_sha256"},
        "keep_omitted": {"title", "published", "published_source", "published_precision", "modified", "text"},
    },
    "notice_municipalities": {
        "pk": ("publication_id", "cbs_code"),
        "columns": {"publication_id": int, "cbs_code": str, "name": str, "jeugdregio_code": str, "matched": str},
        "indexes": [["cbs_code"], ["jeugdregio_code"], ["name"]],
        "foreign_keys": [("publication_id", "notices", "publication_id")],
    },
    "organisations": {
        "pk": "organisation_id",
        # provenance of the record that first named the organisation (named_in: its table and key,
        # "notices:123", "awards:<award_id>", "articles:<url>"); kept when later records name it again
        "columns": {"organisation_id": str, "name": str, "kind": str, "cbs_code": str, "jeugdregio_code": str,
                    "member_codes": str, "kvk": str, "name_key": str, "named_in": str, **PROVENANCE},
        "indexes": [["kind"], ["jeugdregio_code"], ["kvk"], ["name_key"], ["crawl_id"]],
        "volatile": {"named_in"},
    },
    # --- award data (issue 10; docs/awards.md) ------------------------------------------------------
    # Amounts: <name>_cents is exact integer cents (NULL when missing, a range or a placeholder under
    # € 1.000), <name>_raw the text as published, <name>_currency the ISO code, <name>_placeholder 1/0.
    "notice_results": {
        "pk": "publication_id",
        "columns": {
            "publication_id": int, "procurement_id": str, "layout": str, "language": str,
            "lot_count": int, "award_count": int, "supplier_count": int, "problems": str,
            "change_notice": int, "changed_notice": str,
            **_amounts("estimated", "total_awarded", "framework_maximum", "framework_approximate"), **PROVENANCE,
        },
        "indexes": [["procurement_id"], ["layout"], ["language"],
                    ["crawl_id"]],  # the results a crawl wrote: their notices' events (derive.refresh_notice_events)
        "versioned": True,
    },
    "lots": {
        "pk": ("procurement_id", "lot_id"),
        "columns": {
            "procurement_id": str, "lot_id": str, "source_lot_id": str, "publication_id": int, "title": str, "cpv": str,
            "awarded": int, "not_awarded_reason": str, "tenders_received": int, "received_counts": str,
            # the lot's own contract period an OCDS package gives (tender.lots[].contractPeriod, the lots extension):
            # start, end, length in days, each as given (awards/ocds.py contract_period); NULL for /html and PDF lots
            "contract_start": str, "contract_end": str, "duration_days": int,
            **_amounts("estimated", "framework_maximum", "framework_reestimate", "lowest_tender", "highest_tender"),
            "source": str, "omitted_columns": str, **PROVENANCE, **FIRST_CRAWL,
        },
        "indexes": [["publication_id"], ["awarded"], ["source"],
                    ["crawl_id"],  # the lots a crawl wrote (summaries.touched_procurements), not a scan
                    ["first_crawl_id"]],  # the lots a crawl first archived (watch/report.py), not a scan
        "versioned": True,
        "keep_omitted": {"title", "cpv", "estimated_cents", "estimated_raw", "estimated_currency",
                         "estimated_placeholder", "tenders_received", "received_counts",
                         "contract_start", "contract_end", "duration_days"},
    },
    "awards": {
        "pk": "award_id",
        "columns": {
            "award_id": str, "procurement_id": str, "lot_id": str, "source_lot_id": str, "publication_id": int,
            "rectifies": int,
            "award_date": str, "contract_date": str, "contract_id": str,
            # the contract's period an OCDS award gives (awards[].contractPeriod): start, end, length in days, each as
            # given (a length alone gives no end date: awards/ocds.py contract_period); NULL for /html and PDF awards
            "contract_start": str, "contract_end": str, "duration_days": int,
            **_amounts("value"), "value_low_cents": int, "value_high_cents": int,
            **_amounts("framework_maximum"), "tenders_received": int, "winner_count": int,
            "current": int, "year": int, "source": str, "source_file": str, "release_ids": str,
            # an OCDS award of a lot: the package's award ids it holds (JSON list; the row is named by the first), so
            # that another file's award of the lot under the same first id is kept apart (store.writes)
            "ocds_award_ids": str,
            # whether the value stated its VAT basis (OCDS hasTax: 1 true, 0 false; NULL not stated): an update leaving
            # it out keeps another file's, one stating it does not (store.writes); for /html and PDF awards the
            # notice's own words next to the value ("incl. btw" 1, "excl. btw" 0, unsaid NULL: amounts.vat_basis)
            "value_has_tax": int,
            # an OCDS award of a lot whose package gives several of its award ids a value and no supplier (an update of
            # each amount alone): JSON {award id: its value's cents, raw, currency, placeholder}, so that each id's
            # winner another file named keeps its own value, in either order of the files (store.writes)
            "ocds_award_values": str,
            # an OCDS award of a lot in force whose package gives an award id a value and no supplier, no file's party
            # naming that id's winner (reference §2.5 "No name": a winner not named, no name invented): how many such
            # ids, and their values summed (cents; raw the printed amounts), part of the lot's awarded value in the
            # totals (store/summaries.py AWARD_VALUE_SQL); set by the derivation (derive.refresh_unnamed_winners).
            # unnamed_value_* are parts of an award without a value of its own: NULL where value_cents is set (a lot's
            # only winner not named: its value is value_*), so no amount stands in two columns
            "unnamed_winners": int, **_amounts("unnamed_value"), **PROVENANCE,
            **FIRST_CRAWL,
        },
        "indexes": [["procurement_id", "lot_id"], ["publication_id"], ["current"], ["year"], ["award_date"], ["source"],
                    ["crawl_id"], ["first_crawl_id"],
                    # a procedure's current awards (the awards saved search's winners and value per row)
                    ["procurement_id", "current"]],
        "versioned": True,
        "volatile": {"current", "rectifies", "ocds_award_ids", "value_has_tax", "ocds_award_values", "unnamed_winners",
                     "unnamed_value_cents", "unnamed_value_raw", "unnamed_value_currency", "unnamed_value_placeholder"},
    },
    "award_suppliers": {
        "pk": ("award_id", "organisation_id"),
        "columns": {
            "award_id": str, "organisation_id": str, "procurement_id": str, "lot_id": str,
            "name": str, "name_key": str, "kvk": str, "place": str, "country": str,
            # its country's ISO 3166-1 code however the country is printed ("Nederland", "NL", "Netherlands": NL;
            # names.country_code), filled on opening an archive written before the column (migrate_country_codes)
            "country_code": str,
            # the winner's postcode as published (section 8 / V.2.3 "Postcode", OCDS address.postalCode)
            "postcode": str,
            # its street address as published (section 8 / V.2.3 "Postadres", OCDS address.streetAddress)
            "street": str,
            # its region, a NUTS code (section 8 / winner block "Onderverdeling land (NUTS)", V.2.3 "NUTS-code:")
            "nuts": str,
            "group_name": str, "group_member": int, "group_leader": int, "from_section_8": int, "scale": str,
            "is_buyer": int,
            # the trade name a winner was printed with ("X B.V. h.o.d.n. Y": Y); the organisation is X's
            "trade_name": str,
            # its folded trade name (names.name_key): a winner printed by that name alone is the organisation's
            # (store/summaries.py PROVIDER_SQL, aanbieder_contracten)
            "trade_key": str,
            **_amounts("tender_value"),
            # 1 where tender_value is a consortium's joint value (one award of several suppliers, OCDS: reference §4
            # "Consortium", §3.1 one shared value for the group): the whole group's, on each member's row, counted
            # once per group in the totals (store/summaries.py AWARD_VALUE_SQL); NULL for a winner's own value
            "tender_value_of_group": int,
            # whether tender_value stated its VAT basis, as awards.value_has_tax of the award's value: OCDS hasTax (1
            # true, 0 false), /html and PDF the notice's own words next to the winner's value ("incl. btw" 1, "excl.
            # btw" 0: amounts.vat_basis); NULL unsaid or no value of its own
            "tender_value_has_tax": int,
            # the winner's own dates and contracts (reference §8.4), where a lot's winners differ in them
            "award_date": str, "contract_date": str, "contract_id": str,
            # an OCDS winner named by its id alone: the party (of an earlier package) that gave its name
            "party_source": str,
        },
        "indexes": [["organisation_id"], ["procurement_id"], ["kvk"], ["group_member"], ["place"], ["is_buyer"],
                    # aanbieder_contracten's search of trade names: the rows that have one, not every winner
                    ["trade_name", "organisation_id"], ["trade_key", "organisation_id"]],
        "foreign_keys": [("award_id", "awards", "award_id")],
    },
    # an organisation id no longer given (round 9: "X B.V. h.o.d.n. Y" and "X (KvK 12345678)" were organisations of
    # their own, now X's): the old id, the organisation it is now, the old row's name and provenance
    "organisation_aliases": {
        "pk": "alias_id",
        "columns": {"alias_id": str, "organisation_id": str, "name": str, "kind": str, "reason": str,
                    "named_in": str, **PROVENANCE},
        "indexes": [["organisation_id"]],
    },
    # the winners' (and tenderers') parties of OCDS packages, by ocid and file: a later package's award that names a
    # winner by its id alone is named by them (reference §6.3; store.writes.write_ocds_procedure)
    "ocds_parties": {
        "pk": ("ocid", "party_id", "source_file"),
        "columns": {"ocid": str, "party_id": str, "source_file": str, "release_id": str, "name": str, "kvk": str,
                    "place": str, "country": str, "scale": str,
                    # the party's postcode (address.postalCode), given to a winner another file names by id alone
                    "postcode": str,
                    # its street address (address.streetAddress), given to such a winner likewise
                    "street": str,
                    # the ids (JSON list) of the file's awards naming the party as supplier, a pending award's too
                    "award_ids": str, **PROVENANCE},
    },
    "ocds_differences": {
        "pk": ("procurement_id", "difference"),
        "columns": {"procurement_id": str, "difference": str, "source_file": str, "crawl_id": int},
    },
    "procurement_links": {
        "pk": ("procurement_id", "url"),
        "columns": {"procurement_id": str, "url": str, "score": float, "status": str, "reasons": str},
        # (url, score, procurement_id) covers the reads of a list's size and weakest link by the
        # triggers that keep article_link_floor (tenderarchive/linking.py); it replaces the index on url.
        "indexes": [["url", "score", "procurement_id"], ["status"], ["score"]],
    },
    "article_municipalities": {
        "pk": ("url", "cbs_code"),
        "columns": {"url": str, "cbs_code": str, "name": str, "jeugdregio_code": str, "matched": str,
                    "implied": int},
        "indexes": [["cbs_code"], ["jeugdregio_code"], ["name"]],
        "foreign_keys": [("url", "articles", "url")],
    },
    "article_organisations": {
        "pk": ("url", "name", "role"),
        "columns": {"url": str, "name": str, "role": str, "rule": str, "sentence": str, "name_key": str},
        "indexes": [["name"], ["role"], ["name_key"]],
        "foreign_keys": [("url", "articles", "url")],
    },
    "article_awardees": {
        "pk": ("url", "name"),
        "columns": {"url": str, "name": str, "rule": str, "sentence": str, "name_key": str},
        "indexes": [["name"], ["rule"], ["name_key"]],
        "foreign_keys": [("url", "articles", "url")],
    },
    "article_stages": {
        "pk": ("url", "stage"),
        "columns": {"url": str, "stage": str, "status": str, "evidence": str, "cue": str, "sentence": str},
        "indexes": [["stage", "status"], ["status"]],
        "foreign_keys": [("url", "articles", "url")],
    },
    "article_events": {
        "pk": "event_id",
        "columns": {
            "event_id": str, "url": str, "date": str, "date_end": str, "precision": str, "kind": str,
            "stage": str, "sentence": str, "year_inferred": int, "inference": str, "crawl_id": int,
        },
        "indexes": [["url"], ["kind"], ["stage"], ["precision"]],
        "foreign_keys": [("url", "articles", "url")],
    },
    "events": {
        "pk": "event_id",
        "columns": {
            "event_id": str, "procurement_id": str, "source_type": str, "source_id": str,
            "date": str, "date_end": str, "date_order": str, "precision": str, "kind": str, "stage": str,
            "sentence": str, "year_inferred": int, "inference": str, "source_url": str, "crawl_id": int,
        },
        # date_order: the sort key of the table page (timeline.ordered; migrate_event_order fills an older archive's)
        "indexes": [["procurement_id", "date"], ["source_type", "source_id"], ["date"], ["date_order"], ["kind"],
                    ["precision"]],
    },
    # Reference data (tenderarchive/data/, read by tenderarchive/reference.py).
    "municipalities": {
        "pk": "cbs_code",
        "columns": {"cbs_code": str, "name": str, "jeugdregio_code": str, "jeugdregio_name": str,
                    "province": str, "aliases": str},
        "indexes": [["jeugdregio_code"], ["name"], ["province"]],
        "reference": True,
    },
    "jeugdregios": {
        "pk": "code",
        "columns": {"code": str, "name": str, "aliases": str, "sources": str},
        "reference": True,
    },
    "jeugdregio_membership": {
        "pk": ("year", "cbs_code"),
        "columns": {"year": int, "cbs_code": str, "name": str, "jeugdregio_code": str, "basis": str,
                    "area_share": float, "unverified": int, "sources": str},
        "indexes": [["jeugdregio_code", "year"], ["unverified"], ["basis"]],
        "reference": True,
    },
    "mergers": {
        "pk": ("old_name", "new_cbs_code"),
        "columns": {"old_name": str, "old_cbs_code": str, "date": str, "kind": str, "new_cbs_code": str,
                    "new_name": str, "main": int, "jeugdregio_before": str, "unverified": int, "sources": str},
        "indexes": [["kind"], ["unverified"]],
        "reference": True,
    },
    "regional_buyers": {
        "pk": ("buyer_id", "valid_from"),
        "columns": {"buyer_id": str, "name": str, "kind": str, "jeugdregio_code": str, "members": str,
                    "aliases": str, "valid_from": str, "valid_to": str, "unverified": int, "sources": str,
                    "member_codes": str},
        "indexes": [["jeugdregio_code"], ["kind"], ["unverified"]],
        "reference": True,
    },
    "reference_sources": {
        "pk": "id",
        "columns": {"id": str, "title": str, "url": str, "date": str, "used_for": str},
        "reference": True,
    },
    "fetches": {
        "pk": ("warc_file", "warc_offset"),
        "columns": {
            "url": str, "method": str, "status": int, "fetched_at": str, "sha256": str,
            "warc_file": str, "warc_offset": int, "warc_length": int, "crawl_id": int, "location": str,
            "kind": str,
        },
        "indexes": [["url"], ["sha256"], ["crawl_id"], ["fetched_at"], ["status"], ["location"]],
    },
    "crawls": {
        "pk": "crawl_id",
        "columns": {
            "crawl_id": int, "spider": str, "arguments": str, "note": str, "source": str,
            "started": str, "finished": str, "status": str, "finish_reason": str,
            "requests": int, "responses": int, "http_errors": int,
            "items_new": int, "items_updated": int, "items_unchanged": int, "items_dropped": int,
            "expected_rows": int, "fetched_rows": int, "error_count": int, "errors": str,
            "warc_file": str, "alive_until": str, "bounds": str, "soft_404": str, "drift": str,
        },
        "indexes": [["spider", "started"], ["status"]],
    },
}


TABLES["notices"]["keep_omitted"] = set(TABLES["notices"]["columns"]) - set(PROVENANCE) - set(FIRST_CRAWL) - {
    "publication_id", "youth_care", "youth_care_reasons", "buyer_id", "jeugdregio_code", "omitted_columns",
    "documents_unread", "documents_zip_url",  # from /documenten: absent when it was not read, empty when it lists none
    "open_until",  # the countdown of the detail fetched last: none when it gives a closing date, or is closed
    # where the closing dates and the description came from: NULL is "a detail's", no value left out
    # (pipelines/normalise.py drops the column where no value came at all)
    "deadline_from_list", "consultation_deadline_from_list", "description_from_list"}
#: Where a notice's closing dates and description came from (a detail, or its list row standing in): a detail that
#: now gives the very value its row gave changes the origin alone, which is no news (no version, no "updated" in a
#: crawl's counts and reports), though the archive records it (store/writes.py upsert_if_changed).
TABLES["notices"]["origin"] = {"deadline_from_list", "consultation_deadline_from_list", "description_from_list"}
#: What the notice's last answer left out or sent unreadable (its archived values kept: store/writes.py keep_omitted):
#: the archive's bookkeeping, as where a value came from is. An answer that leaves out a value the archive keeps, or
#: gives it again, changes no value a reader sees: recorded on the row (the spider asks a sparse notice again), no
#: version, not counted updated (each was: a "change" in every new-or-changed report; watch/report.py
#: BOOKKEEPING_COLUMNS already said none). With another change it is versioned with it.
TABLES["notices"]["origin"] |= {"omitted_columns"}
#: So for the rest of the archive's bookkeeping of a notice: whether its last crawl could not read its documents list
#: (``documents_unread``: the spider asks it again) and what the list row said when it was last fetched with one
#: (``listed_as``: the spider fetches a row that keeps disagreeing with its detail once; the detail is the notice).
#: A change of them alone is no change a reader sees: no version, not counted updated (each was, a "change" in every
#: new-or-changed report; watch/report.py BOOKKEEPING_COLUMNS already said none).
TABLES["notices"]["origin"] |= {"documents_unread", "listed_as"}
#: ... and for a notice's documents and lots: what the documents list or the ``/html`` rendering left out of a row
#: whose archived values are kept (``keep_omitted``) changes no value a reader sees; it made the document or lot, and
#: so its notice, "updated" (a version of the lot) each time an answer left a value out or gave it again.
for _table in ("documents", "lots"):
    TABLES[_table]["origin"] = {"omitted_columns"}
#: ... and for a notice's CPV codes: how TenderNed wrote a code (``cpv_raw``: ``85311300 - 5`` for ``85311300-5``,
#: archived in one form, ``cpv``) is recorded as sent, but the same code written otherwise is no change of the notice
#: (reference tenderned-api.md §4: the code, its label and whether it is the main one are what it says); it made the
#: notice "updated" in a crawl's counts and every new-or-changed report. A changed code, label or main code still is.
TABLES["notice_cpv"]["origin"] = {"cpv_raw"}


#: How an archive written before each ``notices.*_from_list`` column marks the values it held as the list row's: as
#: they were told apart before (store/writes.py ``detail_deadline``, ``detail_consultation``, ``detail_description``),
#: a value equal to its row's (a placeholder deadline with no row's date too).
FROM_LIST_MARKED = {
    "deadline_from_list": "(deadline is not null or deadline_placeholder = 1) and deadline is deadline_list",
    "consultation_deadline_from_list": "consultation_deadline is not null "
                                       "and consultation_deadline = consultation_deadline_list",
    "description_from_list": "description is not null and description = description_list",
}


#: The addresses of the fetch index that are a page of a paged address (an OpenPub endpoint's or a feed's ``?page=N``,
#: WordPress's ``?paged=N``, a listing's ``?pager_page=N``): the rows the news crawl's resume reads
#: (``queries.paged_addresses_read``), each crawl, from a fetch index that grows with every crawl (issue 14).
PAGED_FETCHES_WHERE = "url like '%page=%' or url like '%paged=%'"
#: ... and those that are a sitemap: the sitemaps earlier crawls read whole (``queries.sitemaps_read``), read at the
#: start of every news crawl as well. A sitemap is what the crawl asked as one (``kind``, the news spider's
#: ``fetch_kind``), whatever its address (TYPO3's ``?type=1533906435``, an ``index.php?eID=…``, a robots.txt
#: ``Sitemap:`` line naming ``/feeds/site``: each was read again by every crawl, branch refnews74); a fetch recorded
#: before ``kind`` was (NULL), one with ``sitemap`` or ``.xml`` in its address, as they were told apart then.
SITEMAP_FETCHES_WHERE = "kind = 'sitemap' or (kind is null and (url like '%sitemap%' or url like '%.xml%'))"

#: Partial indexes (``name: (table, columns, where)``): an index of the few rows of a big table that one reader needs,
#: whose ``where`` that reader's query repeats word for word (SQLite uses a partial index only for a query whose
#: conditions include its own). ``fetches_paged``: the paged addresses of each crawl, so the news crawl's resume looks
#: up its crawls' pages instead of reading every fetch of every crawl with ``LIKE`` (issue 14); ``fetches_sitemaps``:
#: the sitemaps of each crawl, so for the sitemaps it need not read again.
PARTIAL_INDEXES = {
    "fetches_paged": ("fetches", ["crawl_id", "url", "status"], PAGED_FETCHES_WHERE),
    "fetches_sitemaps": ("fetches", ["crawl_id", "url", "status", "fetched_at", "kind"], SITEMAP_FETCHES_WHERE),
}


def ensure_partial_indexes(db: sqlite_utils.Database) -> None:
    """Create the :data:`PARTIAL_INDEXES` an archive lacks (those of :data:`DEFERRED_INDEX_TABLES` a build in bulk
    leaves out with the rest: :func:`start_bulk`, :func:`finish_bulk`), and again one made for another condition."""
    for name, (table, columns, where) in PARTIAL_INDEXES.items():
        if db[table].exists():
            made = db.execute("select sql from sqlite_master where type = 'index' and name = ?", [name]).fetchone()
            if made is not None and not " ".join(str(made[0]).split()).endswith(
                    f"on [{table}] ({', '.join(columns)}) where {where}"):
                # an index of older columns or condition (a sitemap known by its address alone): its reader's query,
                # which repeats the present condition and reads the present columns, would no longer use it
                db.execute(f"drop index [{name}]")
            db.execute(f"create index if not exists [{name}] on [{table}] ({', '.join(columns)}) where {where}")


def ensure_schema(db: sqlite_utils.Database, bulk: bool = False) -> None:
    """Create and migrate the tables, indexes, views and reference data, unless the archive was
    last migrated by this very schema: ``PRAGMA user_version`` holds :func:`schema_fingerprint`
    and every table exists. Writers open the archive several times per crawl; comparing the
    reference tables row by row on each open cost about a quarter of a second.

    ``bulk``: the archive is being built by this process with the indexes of
    :data:`DEFERRED_INDEX_TABLES` left out (:func:`start_bulk`); its ``user_version`` then says so
    and counts as current. Opened otherwise (a reparse killed before :func:`finish_bulk`), that
    ``user_version`` is not the fingerprint, so the full migration runs and creates them."""
    fingerprint = schema_fingerprint()
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if (version == fingerprint or (bulk and version == -fingerprint)) and set(TABLES) <= {
            r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}:
        return
    first_crawls: list[str] = []
    for name, spec in TABLES.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"),
                         not_null={spec["pk"]} if isinstance(spec["pk"], str) else None)
        else:
            existing = table.columns_dict
            for column, kind in spec["columns"].items():
                if column not in existing:
                    table.add_column(column, kind)
                    if column in FIRST_CRAWL and name not in ("notices", "articles"):
                        # a notice's or news page's first crawl before the column stays unknown (NULL): a notice
                        # whose CPV codes alone a later crawl changed has no version, so its crawl_id is no first
                        # crawl; readers take its address's first answer (fetches), as before the column
                        first_crawls.append(name)
                    if (name, column) == ("article_municipalities", "implied"):
                        # rows archived before the column: a sub-region's member is matched "subregion:..."
                        db.execute("update article_municipalities set implied = (matched like 'subregion:%')")
                    if (name, column) == ("notices", "consultation_deadline_placeholder"):
                        # rows the API's notices wrote before the column (deadline_placeholder 0 or 1 then, as
                        # pipelines/normalise.py gives both): no placeholder known, 0 as a fresh answer gives it, so a
                        # notice fetched again after the upgrade is no change (NULL → 0 was a version of every one)
                        db.execute("update notices set consultation_deadline_placeholder = 0 "
                                   "where deadline_placeholder is not null")
                    if (name, column) == ("events", "date_order"):
                        migrate_event_order(db)
                    if name == "notices" and column in FROM_LIST_MARKED:
                        # rows archived before the column: a value equal to the list row's was taken as the row's
                        db.execute(f"update notices set {column} = 1 where {FROM_LIST_MARKED[column]}")
            migrate_key(table, spec["pk"])
            migrate_column_order(db, table, list(spec["columns"]))
        for columns in spec.get("indexes", []):
            table.create_index(columns, if_not_exists=True)
    ensure_partial_indexes(db)
    migrate_version_keys(db)
    migrate_first_crawls(db, first_crawls)
    migrate_organisation_provenance(db)
    migrate_lot_keys(db)
    migrate_summary_winner_values(db)
    migrate_summary_winner_twins(db)
    migrate_summary_winner_dates(db)
    migrate_summary_framework_once(db)
    migrate_summary_award_winner_totals(db)
    migrate_summary_unnamed_winner_names(db)
    migrate_summary_unnamed_winner_count(db)
    migrate_summary_unnamed_region_winners(db)
    migrate_summary_lot_results(db)
    migrate_summary_group_lots(db)
    migrate_unnamed_repeats(db)
    migrate_organisation_names(db)
    migrate_trade_keys(db)
    migrate_winner_vat_basis(db)
    migrate_award_wording(db)
    migrate_cpv_codes(db)
    migrate_country_codes(db)
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
    load_reference_data(db)
    ensure_facet_counts(db)
    db.execute(f"PRAGMA user_version = {fingerprint}")


#: Tables whose secondary indexes a rebuild into a new archive (``reparse``) creates once, after its
#: first crawl's items are written and before that crawl's derivation, instead of updating them
#: with every row (issue 14: a notice row has 19 of them, the fetch index 6). The item writers and
#: the fetch index find rows of these tables by their primary key alone (a scan of a table without
#: its indexes per row written would make the rebuild quadratic); tables the writers search by
#: another column (awards by notice or procurement, organisations by name) keep their indexes.
DEFERRED_INDEX_TABLES = ("notices", "notice_cpv", "documents", "notice_municipalities", "notice_results",
                         "articles", "article_municipalities", "article_organisations", "article_awardees",
                         "article_stages", "article_events", "fetches")


def start_bulk(db: sqlite_utils.Database) -> None:
    """Drop the indexes of :data:`DEFERRED_INDEX_TABLES` from a new, empty archive and mark it
    (``PRAGMA user_version`` = minus the fingerprint) as built in bulk: :func:`ensure_schema` opened
    with ``bulk`` leaves it so, any other open creates the indexes (a killed rebuild is repaired
    by the next open), and :func:`finish_bulk` creates them once the rows are in."""
    for name in DEFERRED_INDEX_TABLES:
        wanted = [list(columns) for columns in TABLES[name].get("indexes", [])]
        for index in db[name].indexes:
            if list(index.columns) in wanted:
                db.execute(f"DROP INDEX [{index.name}]")
    for name, (table, _, _) in PARTIAL_INDEXES.items():
        if table in DEFERRED_INDEX_TABLES:
            db.execute(f"DROP INDEX IF EXISTS [{name}]")
    db.execute(f"PRAGMA user_version = {-schema_fingerprint()}")


def finish_bulk(db: sqlite_utils.Database) -> bool:
    """Create the indexes :func:`start_bulk` left out, each in one pass over its table, and mark
    the archive current; False (nothing done) for an archive not built in bulk."""
    if db.execute("PRAGMA user_version").fetchone()[0] != -schema_fingerprint():
        return False
    with db.atomic():
        for name in DEFERRED_INDEX_TABLES:
            for columns in TABLES[name].get("indexes", []):
                db[name].create_index(columns, if_not_exists=True)
        ensure_partial_indexes(db)
        db.execute(f"PRAGMA user_version = {schema_fingerprint()}")
    return True


def migrate_key(table: sqlite_utils.db.Table, pk) -> None:
    """A table whose key was widened since the archive was written (``documents``: ``document_id``,
    then ``(publication_id, document_id)``) is rebuilt under the new key with every row, its
    columns, indexes and foreign keys (sqlite-utils' ``transform``: a new table, the rows copied,
    the old one dropped, all in one transaction). Rows unique under the old key are unique under
    a wider one, so nothing is lost. A key that is not a widening of the old one is left as it is:
    rows could collide."""
    wanted = [pk] if isinstance(pk, str) else list(pk)
    if table.pks != wanted and set(table.pks) < set(wanted):
        table.transform(pk=tuple(wanted) if len(wanted) > 1 else wanted[0])


def migrate_column_order(db: sqlite_utils.Database, table: sqlite_utils.db.Table, columns: list[str]) -> None:
    """A table whose columns are not in the schema's order is rebuilt in that order, with every row, rowid,
    index and trigger (sqlite-utils' ``transform``: a new table, the rows copied, the old one dropped, in one
    transaction; the triggers, which a dropped table takes with it, created again from their SQL). SQLite adds a
    column at the end of a table only, so an archive written by an older version, migrated in place, had the
    columns added since (``notices.pdf_id``, ``documents.dropped_since`` …) after its provenance: its CSV (the
    site's and ``tenderarchive export``'s), JSON and ``select *`` had another column order than a fresh archive's,
    and a script reading by position read another column. Columns the schema does not name stay, after its own.
    Rebuilt once: an archive in the schema's order is left as it is. The rowids are kept, so the full-text
    indexes (``content_rowid``) still point at their rows."""
    present = [c.name for c in table.columns]
    wanted = [c for c in columns if c in present] + [c for c in present if c not in columns]
    if present == wanted:
        return
    triggers = [sql for (sql,) in db.execute("select sql from sqlite_master where type = 'trigger' "
                                             "and tbl_name = ? and sql is not null order by name", [table.name])]
    with db.atomic():
        table.transform(column_order=wanted)
        for sql in triggers:
            db.execute(sql)


def migrate_first_crawls(db: sqlite_utils.Database, tables: list[str]) -> None:
    """``first_crawl_id`` (:data:`FIRST_CRAWL`) of the rows an archive held when the column was added to ``tables``:
    a row no version of which a later crawl made was first archived by the crawl that wrote it (``crawl_id``); one a
    later crawl changed was archived by an earlier crawl that no column records, so its first crawl stays unknown
    (NULL) and the reports tell it as they did before the column."""
    from tenderarchive.store.keys import version_key

    for table in tables:
        pk = TABLES[table]["pk"]
        keys = pk if isinstance(pk, tuple) else (pk,)
        versioned = {key for (key,) in db.execute("select distinct row_key from versions where table_name = ?", [table])}
        rows = db.execute(f"select rowid, {', '.join(keys)}, crawl_id from [{table}] "
                          "where first_crawl_id is null and crawl_id is not null").fetchall()
        first = [(row[-1], row[0]) for row in rows
                 if version_key(tuple(row[1:-1]) if len(keys) > 1 else row[1]) not in versioned]
        with db.atomic():
            db.conn.executemany(f"update [{table}] set first_crawl_id = ? where rowid = ?", first)


def migrate_version_keys(db: sqlite_utils.Database) -> None:
    """Earlier versions of a lot were keyed by the Python text of its compound key
    (``('TN123', '2')``); they are rewritten as the JSON array new versions carry
    (``["TN123", "2"]``, :func:`tenderarchive.store.keys.version_key`), the same key in a form SQL
    and the watch reports read. Only the key's spelling changes; a key that does not read as a
    tuple of two is left as it is."""
    import ast

    from tenderarchive.store.keys import version_key

    keys = [key for (key,) in db.execute("select distinct row_key from versions where table_name = 'lots' "
                                         "and row_key like '(%'").fetchall()]
    with db.atomic():
        for key in keys:
            try:
                value = ast.literal_eval(key)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                continue
            if isinstance(value, tuple) and len(value) == 2:
                db.execute("update versions set row_key = ? where table_name = 'lots' and row_key = ?",
                           [version_key(value), key])


#: The records that name an organisation, the earliest fetched of each kind: a notice whose buyer it is, an
#: award it won, a relevant article that names it (only an organisation known by name, ``name:<name key>``).
#: Of the three, the earliest fetched is the one that first named it (ties: the lower ``named_in``; a record
#: without ``fetched_at`` last): the rule the store applies as it writes (writes.named_by), so a migrated
#: archive and a freshly built one agree.
ORGANISATION_FIRST_NAMED = [
    "select n.source_url, n.fetched_at, n.sha256, n.crawl_id, 'notices:' || n.publication_id as named_in "
    "from notices n where n.buyer_id = organisations.organisation_id "
    "order by coalesce(n.fetched_at, '~'), named_in limit 1",
    "select a.source_url, a.fetched_at, a.sha256, a.crawl_id, 'awards:' || a.award_id as named_in "
    "from award_suppliers s join awards a on a.award_id = s.award_id "
    # a winner flagged as the buyer (award_suppliers.is_buyer) names no provider
    "where s.organisation_id = organisations.organisation_id and coalesce(s.is_buyer, 0) = 0 "
    "order by coalesce(a.fetched_at, '~'), named_in limit 1",
    "select a.source_url, a.fetched_at, a.sha256, a.crawl_id, 'articles:' || a.url as named_in from articles a "
    # by the name_key indexes (``'name:' || name_key = …`` read both tables in full for every organisation)
    "where a.relevant = 1 and a.url in (select url from article_organisations where name_key = "
    "substr(organisations.organisation_id, 6) union select url from article_awardees where name_key = "
    "substr(organisations.organisation_id, 6)) and organisations.organisation_id like 'name:%' "
    "order by coalesce(a.fetched_at, '~'), named_in limit 1",
]


#: The provenance columns of an organisation, and the record that first named it (correlated with ``organisations``).
FIRST_NAMED_COLUMNS = "(source_url, fetched_at, sha256, crawl_id, named_in)"
FIRST_NAMED_RECORD = (f"select source_url, fetched_at, sha256, crawl_id, named_in from ("
                      + " union all ".join(f"select * from ({sql})" for sql in ORGANISATION_FIRST_NAMED)
                      + ") order by coalesce(fetched_at, '~'), named_in limit 1")


def migrate_organisation_provenance(db: sqlite_utils.Database) -> None:
    """Organisations archived before they carried provenance get that of the record that first named
    them (:data:`ORGANISATION_FIRST_NAMED`); one the archive no longer shows a record for keeps NULL.
    Rows that have provenance are left alone, so the migration runs once in effect."""
    if not db.execute("select 1 from organisations where source_url is null limit 1").fetchone():
        return
    first = FIRST_NAMED_RECORD
    with db.atomic():
        db.execute(f"update organisations set {FIRST_NAMED_COLUMNS} = ({first}) "
                   f"where source_url is null and exists ({first})")


def migrate_lot_keys(db: sqlite_utils.Database) -> None:
    """Lots archived under the id their source printed are keyed by their number
    (:func:`tenderarchive.awards.names.lot_keys`): a lot the API's notice called "LOT-0001" and an OCDS
    package "1" was two rows, its award on one and the package's on the other. Each such row is renamed
    to its key, its own id kept in ``source_lot_id``; where the key's row exists the two are merged (the
    API's row, else the later notice's, keeps its values and takes what it lacks from the other; the
    versions of both are the lot's, in the order they happened: :func:`_join_versions`). Awards and winners
    follow the key, every one kept (their ids do not change); their currency and the summary tables are
    derived again by the next derivation."""
    from tenderarchive.awards.names import lot_keys
    from tenderarchive.store.keys import version_key

    found = db.execute(
        "select procurement_id, source, lot_id from lots where lot_id glob '*[Ll][Oo][Tt]*' or lot_id glob '0*' "
        "union select procurement_id, source, lot_id from awards where lot_id glob '*[Ll][Oo][Tt]*' "
        "or lot_id glob '0*' or lot_id glob '*, 0*'").fetchall()
    columns = [c for c in TABLES["lots"]["columns"] if c not in ("procurement_id", "lot_id") and c not in PROVENANCE]
    changed = False
    with db.atomic():
        for procurement_id, source in sorted({(p, s) for p, s, _ in found}, key=str):
            ids = [r[0] for r in db.execute(
                "select lot_id from lots where procurement_id = ? and source is ? union "
                "select lot_id from awards where procurement_id = ? and source is ? and lot_id is not null",
                [procurement_id, source, procurement_id, source])]
            for old_id, key in lot_keys(ids).items():
                if key == old_id:
                    continue
                changed = True
                db.execute("update awards set lot_id = ?, source_lot_id = coalesce(source_lot_id, lot_id), "
                           "current = null where procurement_id = ? and source is ? and lot_id = ?",
                           [key, procurement_id, source, old_id])
                db.execute("update award_suppliers set lot_id = ? where lot_id = ? and award_id in (select award_id "
                           "from awards where procurement_id = ? and source is ?)", [key, old_id, procurement_id, source])
                row = db.execute("select * from lots where procurement_id = ? and lot_id = ? and source is ?",
                                 [procurement_id, old_id, source]).fetchone()
                if row is None:
                    continue
                row = dict(zip([d[0] for d in db.execute("select * from lots limit 0").description], row))
                row["source_lot_id"] = row.get("source_lot_id") or old_id
                kept = db.execute("select * from lots where procurement_id = ? and lot_id = ?",
                                  [procurement_id, key]).fetchone()
                if kept is None:
                    db.execute("update lots set lot_id = ?, source_lot_id = ? where procurement_id = ? and lot_id = ?",
                               [key, row["source_lot_id"], procurement_id, old_id])
                    _join_versions(db, "lots", version_key((procurement_id, old_id)), version_key((procurement_id, key)))
                    continue
                kept = dict(zip([d[0] for d in db.execute("select * from lots limit 0").description], kept))
                kept["source_lot_id"] = kept.get("source_lot_id") or key
                first, second = (kept, row) if _wins(db, kept, row) else (row, kept)
                merged = dict(first, **{c: second[c] for c in columns if first.get(c) is None
                                        and second.get(c) is not None}, lot_id=key)
                db.execute("delete from lots where procurement_id = ? and lot_id = ?", [procurement_id, old_id])
                db["lots"].upsert(merged, pk=("procurement_id", "lot_id"), alter=False)
                _join_versions(db, "lots", version_key((procurement_id, old_id)), version_key((procurement_id, key)))
        # rows from before source_lot_id whose id is their key: that id as published
        for table in ("lots", "awards"):
            db.execute(f"update {table} set source_lot_id = lot_id where source_lot_id is null and lot_id is not null")
        if not changed:
            return
        # derived from the old keys: rebuilt in one pass by the next derivation (store/summaries.py)
        for (table,) in db.execute("select name from sqlite_master where type = 'table' and name in "
                                   "('summary_region_lots', 'summary_awards', 'summary_procurements')").fetchall():
            db.execute(f"delete from [{table}]")


def migrate_summary_winner_values(db: sqlite_utils.Database) -> None:
    """Summaries written before a winner's own tender value counted where its award has none
    (``store/summaries.py`` ``WINNERS_SQL``): emptied, so the next derivation rebuilds them in one pass."""
    if not all(db[t].exists() for t in ("summary_award_winners", "summary_procurements", "award_suppliers", "awards")):
        return
    stale = db.execute(
        "select 1 from summary_award_winners w join awards a on a.award_id = w.award_id "
        "join award_suppliers s on s.award_id = w.award_id and s.organisation_id = w.organisation_id "
        "where a.value_cents is null and s.tender_value_cents is not null and w.value_cents is null limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


#: An award's own value repeated as that of its winners not named (a lot whose only winner is not named: its value in
#: ``value_*`` and again in ``unnamed_value_*``, read as two amounts), as archives written before round 53 hold it:
#: ``unnamed_value_*`` are the parts of an award without a value of its own (awards.html._award_rows,
#: derive.refresh_unnamed_winners). Part of :func:`schema_fingerprint`, so an archive runs it once.
UNNAMED_REPEATS_SQL = """update awards set unnamed_value_cents = null, unnamed_value_raw = null,
  unnamed_value_currency = null, unnamed_value_placeholder = null
where unnamed_winners is not null and coalesce(winner_count, 0) = 0 and value_raw is not null
  and unnamed_value_raw is not null and unnamed_value_raw = value_raw
  and unnamed_value_cents is value_cents"""


#: A CPV code archived in the one form (values.cpv_parts): 8 digits, a hyphen, the check digit. Others are looked at.
_CPV_FORM = "'[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]'"


def migrate_cpv_codes(db: sqlite_utils.Database) -> None:
    """Archives written before CPV codes had one form: ``notice_cpv.cpv`` was the code as TenderNed sent it, so that is
    its ``cpv_raw``; a code archived as ``85311300 - 5`` (or 8 digits the shipped profiles know the check digit of) is
    re-keyed to ``85311300-5``, merged into that code's row where the notice has both (main if either was, the label
    kept), and ``notices.cpv_main``, ``lots.cpv`` follow. Nothing else changes; a code of no CPV form stays as it is."""
    from tenderarchive.values import cpv_parts

    if db["notice_cpv"].exists() and "cpv_raw" in db["notice_cpv"].columns_dict:
        db.execute("update notice_cpv set cpv_raw = cpv where cpv_raw is null")
        odd = db.execute(f"select publication_id, cpv, label, is_main from notice_cpv where cpv not glob {_CPV_FORM}")
        for pid, code, label, is_main in odd.fetchall():
            new, eight = cpv_parts(code)
            if new == code:
                continue
            if db.execute("select 1 from notice_cpv where publication_id = ? and cpv = ?", [pid, new]).fetchone():
                db.execute("update notice_cpv set is_main = max(coalesce(is_main, 0), ?), label = coalesce(label, ?) "
                           "where publication_id = ? and cpv = ?", [is_main or 0, label, pid, new])
                db.execute("delete from notice_cpv where publication_id = ? and cpv = ?", [pid, code])
            else:
                db.execute("update notice_cpv set cpv = ?, cpv_8 = ? where publication_id = ? and cpv = ?",
                           [new, eight, pid, code])
    for table, column, eight_column in (("notices", "cpv_main", "cpv_main_8"), ("lots", "cpv", None)):
        if not db[table].exists() or column not in db[table].columns_dict:
            continue
        for (code,) in db.execute(f"select distinct {column} from {table} where {column} is not null "
                                  f"and {column} not glob {_CPV_FORM}").fetchall():
            new, eight = cpv_parts(code)
            if new != code:
                also = f", {eight_column} = ?" if eight_column else ""
                db.execute(f"update {table} set {column} = ?{also} where {column} = ?",
                           [new, *([eight] if eight_column else []), code])


def migrate_unnamed_repeats(db: sqlite_utils.Database) -> None:
    """Archives written before: the repeat of an award's own value in ``unnamed_value_*`` emptied
    (:data:`UNNAMED_REPEATS_SQL`; the value stays in ``value_*``, the totals do not change)."""
    if db["awards"].exists() and "unnamed_value_raw" in db["awards"].columns_dict:
        db.execute(UNNAMED_REPEATS_SQL)


def migrate_summary_framework_once(db: sqlite_utils.Database) -> None:
    """Summaries written before a lot's framework maximum counted once (``store/summaries.py`` ``_AWARDS_SQL``: the
    admission rounds of an open house each summed the lot's ceiling in ``summary_region_years``): emptied where a later
    current award of a lot repeats the maximum an earlier one gives, so the next derivation rebuilds them in one pass."""
    if not all(db[t].exists() for t in ("summary_awards", "summary_procurements", "awards")):
        return
    stale = db.execute(
        "select 1 from summary_awards w join awards a on a.award_id = w.award_id "
        "where w.framework_maximum_cents is not null and exists (select 1 from awards b "
        "where b.procurement_id = a.procurement_id and b.lot_id is a.lot_id and +b.current = 1 "
        "and b.framework_maximum_cents = a.framework_maximum_cents and (coalesce(b.award_date, b.contract_date, ''), "
        "b.award_id) < (coalesce(a.award_date, a.contract_date, ''), a.award_id)) limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_award_winner_totals(db: sqlite_utils.Database) -> None:
    """Summaries written before an award without a value of its own counted its winners' own values
    (``store/summaries.py`` ``AWARD_VALUE_SQL``: such a lot counted as nothing in ``gegunde_waarde_cents`` and the region
    years): emptied where such an award is summarised without a value, so the next derivation rebuilds them in one pass."""
    if not all(db[t].exists() for t in ("summary_awards", "summary_procurements", "award_suppliers", "awards")):
        return
    stale = db.execute(
        "select 1 from summary_awards w join awards a on a.award_id = w.award_id "
        "where w.value_cents is null and a.value_cents is null and exists (select 1 from award_suppliers s "
        "where s.award_id = w.award_id and s.tender_value_cents is not null and coalesce(s.is_buyer, 0) = 0) "
        "limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_unnamed_winner_names(db: sqlite_utils.Database) -> None:
    """Summaries written before ``summary_procurements.winnaars`` listed the winners no source names ("niet genoemd
    (2 winnaars)", ``store/summaries.py`` ``UNNAMED_WINNERS_SQL``): emptied where a procurement with such winners has a
    list without them, so the next derivation rebuilds them in one pass."""
    if not all(db[t].exists() for t in ("summary_procurements", "awards")) \
            or "unnamed_winners" not in db["awards"].columns_dict:
        return
    stale = db.execute(
        "select 1 from summary_procurements v where coalesce(v.winnaars, '') not like '%niet genoemd%' "
        "and exists (select 1 from awards a where a.procurement_id = v.procurement_id and +a.current = 1 "
        "and a.unnamed_winners > 0) limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_unnamed_winner_count(db: sqlite_utils.Database) -> None:
    """Summaries written before ``summary_procurements.aantal_winnaars`` counted the winners no source names
    (``store/summaries.py`` ``WINNER_COUNT_SQL``): emptied where a procurement with such winners has another count,
    so the next derivation rebuilds them in one pass (read from its awards with unnamed winners only)."""
    if not all(db[t].exists() for t in ("summary_procurements", "awards", "award_suppliers", "organisations")) \
            or "unnamed_winners" not in db["awards"].columns_dict \
            or "trade_key" not in db["award_suppliers"].columns_dict:
        return
    from tenderarchive.store.summaries import WINNER_COUNT_SQL
    stale = db.execute(
        "select 1 from awards w join summary_procurements v on v.procurement_id = w.procurement_id "
        "join procurements p on p.procurement_id = w.procurement_id "
        f"where +w.current = 1 and w.unnamed_winners > 0 and v.aantal_winnaars is not {WINNER_COUNT_SQL} "
        "limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_unnamed_region_winners(db: sqlite_utils.Database) -> None:
    """Summaries written before ``summary_region_years.winnaars`` counted the winners no source names as
    ``summary_procurements.aantal_winnaars`` does (``store/summaries.py`` ``UNNAMED_IN_KEY_SQL``): emptied where a
    region-year with such winners has another count, so the next derivation rebuilds them in one pass."""
    if not all(db[t].exists() for t in ("summary_region_years", "summary_awards", "summary_award_winners",
                                        "summary_procurements", "awards")) \
            or "unnamed_winners" not in db["awards"].columns_dict:
        return
    from tenderarchive.store.summaries import UNNAMED_IN_KEY_SQL
    unnamed = UNNAMED_IN_KEY_SQL.replace("is ? and w.year is ?", "is y.jeugdregio_code and w.year is y.jaar")
    stale = db.execute(
        "select 1 from summary_region_years y where exists (select 1 from summary_awards w join awards a "
        "on a.award_id = w.award_id where w.jeugdregio_code is y.jeugdregio_code and w.year is y.jaar "
        "and a.unnamed_winners > 0) and y.winnaars is not (select count(*) from (select 1 from summary_award_winners v "
        "where v.jeugdregio_code is y.jeugdregio_code and v.year is y.jaar group by v.organisation_id)) "
        f"+ coalesce(({unnamed}), 0) limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_lot_results(db: sqlite_utils.Database) -> None:
    """Summaries written before an award of several lots together ("1, 2") counted as the lot results it is
    (``store/summaries.py`` ``lot_results``: ``gunningen``, a provider's awards won, as the ``/html`` gives the same award
    per lot): emptied where a procurement with such an award has another count, so the next derivation rebuilds them in
    one pass."""
    if not all(db[t].exists() for t in ("summary_procurements", "awards")):
        return
    from tenderarchive.store.summaries import lot_results
    stale = db.execute(
        "select 1 from awards a join summary_procurements v on v.procurement_id = a.procurement_id "
        "where +a.current = 1 and a.lot_id like '%, %' and v.gunningen is not (select coalesce(sum("
        f"{lot_results('b.lot_id')}), 0) from awards b where b.procurement_id = a.procurement_id and +b.current = 1) "
        "limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_group_lots(db: sqlite_utils.Database) -> None:
    """Summaries written before each lot of an award of several lots together ("1, 2") was listed as awarded by it
    (``store/summaries.py`` ``AWARD_OF_LOT_SQL``: the region's lot listing showed lots 1 and 2 without an award and a row
    "1, 2"): emptied where such a row stands beside lot rows of its lots, so the next derivation rebuilds them."""
    if not all(db[t].exists() for t in ("summary_region_lots", "summary_procurements", "lots")):
        return
    stale = db.execute(
        "select 1 from summary_region_lots r join lots l on l.procurement_id = r.procurement_id "
        "where r.lot_id like '%, %' and instr(', ' || r.lot_id || ', ', ', ' || l.lot_id || ', ') > 0 limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_winner_dates(db: sqlite_utils.Database) -> None:
    """Summaries written before a winner row was dated by the winner's own award (``store/summaries.py``
    ``WINNERS_SQL``: a provider's last award and years in ``aanbieders`` and ``who_won_in_jeugdregio`` were its
    co-winner's): emptied where a winner chosen on a day of its own has a row dated otherwise, so the next
    derivation rebuilds them in one pass."""
    if not all(db[t].exists() for t in ("summary_award_winners", "summary_procurements", "award_suppliers")):
        return
    # (an award whose winners were chosen on days of their own, summarised with one date for all of them)
    stale = db.execute(
        "select 1 from summary_award_winners w where (select count(distinct coalesce(s.award_date, s.contract_date)) "
        "from award_suppliers s where s.award_id = w.award_id) > 1 group by w.award_id "
        "having count(distinct w.last_award) = 1 and count(*) > 1 limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


def migrate_summary_winner_twins(db: sqlite_utils.Database) -> None:
    """Summaries written before a winner known by name only counted for the one numbered provider of its folded
    name (``store/summaries.py`` ``PROVIDER_SQL``: two rows in ``aanbieders`` and ``who_won_in_jeugdregio``):
    emptied where such a winner has rows of its own, so the next derivation rebuilds them in one pass."""
    if not all(db[t].exists() for t in ("summary_award_winners", "summary_procurements", "organisations")):
        return
    stale = db.execute(
        "select 1 from organisations v join summary_award_winners w on w.organisation_id = 'name:' || v.name_key "
        "where v.kvk is not null and v.kind = 'provider' and (select count(distinct x.kvk) from organisations x "
        "where x.name_key = v.name_key and x.kind = 'provider') = 1 limit 1").fetchone()
    if stale:
        db.execute("delete from summary_procurements")


#: names that may carry a trade name or a registration (names.split_name), or their seat after the name ("… te
#: Leiden", "…, gevestigd te …", "… (Leiden)", "…, Leiden", "… - Leiden": names.name_key): the rows a migration
#: reads in Python
_SPLIT_NAME_LIKE = ("%h.o.d.n%", "%h. o. d. n%", "%hodn%", "%h o d n%", "%h/o/d/n%", "%h.o.n%", "%onder de naam%",
                    "%onder naam%", "%kvk%", "%k.v.k%", "%koophandel%", "%handelsregister%", "%trading as%", "%t/a%",
                    "%commerce%", "%coc%", "% te %", "%gevestigd%", "%,%", "%(%", "% - %", "% – %")


def migrate_trade_keys(db: sqlite_utils.Database) -> None:
    """Winners archived with a trade name before ``award_suppliers.trade_key``: their folded trade name, so a winner
    printed by that name alone counts for them (``store/summaries.py`` ``PROVIDER_SQL``); the summaries that
    counted such a winner as a provider of its own are emptied, so the next derivation rebuilds them in one pass.
    Reads the rows with a trade name by their index, so it costs little once done."""
    from tenderarchive.awards.names import name_key

    if not db["award_suppliers"].exists():
        return
    with db.atomic():
        for rowid, trade in db.execute("select rowid, trade_name from award_suppliers "
                                       "where trade_name > '' and trade_key is null").fetchall():
            db.execute("update award_suppliers set trade_key = ? where rowid = ?", [name_key(trade), rowid])
        if db["summary_award_winners"].exists() and db["summary_procurements"].exists() and db.execute(
                "select 1 from award_suppliers t join summary_award_winners w on w.organisation_id = "
                "'name:' || t.trade_key where t.trade_key > '' and w.organisation_id <> t.organisation_id "
                "limit 1").fetchone():
            db.execute("delete from summary_procurements")


#: The winners' own values whose printed text states a VAT basis ("400 000 incl. btw", "Met BTW", an OCDS value with
#: ``hasTax`` true, written "… incl. btw") while ``award_suppliers.tender_value_has_tax`` is unset: rows archived before
#: the column (round 67), which a crawl's open added empty. Read by :func:`migrate_winner_vat_basis`; part of
#: :func:`schema_fingerprint`, so an archive runs it once. (The words are those of amounts.vat_basis; LIKE ignores case.)
WINNER_VAT_SQL = """select rowid, tender_value_raw from award_suppliers
where tender_value_has_tax is null and tender_value_raw is not null
  and (tender_value_raw like '%btw%' or tender_value_raw like '%vat%' or tender_value_raw like '%omzetbelasting%')"""

#: The same of an award's own value (``awards.value_has_tax``: an award notice's own "incl. btw", read since round 66;
#: an OCDS ``hasTax`` true is stored "… incl. btw").
AWARD_VAT_SQL = """select rowid, value_raw from awards
where value_has_tax is null and value_raw is not null
  and (value_raw like '%btw%' or value_raw like '%vat%' or value_raw like '%omzetbelasting%')"""


def migrate_winner_vat_basis(db: sqlite_utils.Database) -> None:
    """Winners archived before ``award_suppliers.tender_value_has_tax`` (an older archive gains the column empty): the
    basis their stored value's printed text states, as a reparse reads it (amounts.vat_basis of the /html and PDF
    text; an OCDS value with ``hasTax`` true is stored "… incl. btw"), so their values including VAT leave the totals
    and stand apart in the saved searches without a reparse. Only what the text says: an OCDS ``hasTax`` false, not
    written in the text, stays NULL (read as exclusive, as 0 is). Where one is found including VAT, the summaries are
    emptied, so the next derivation rebuilds them in one pass. An award's own value (``awards.value_has_tax``, read
    from the award notices' text since round 66, an archive of before holding it NULL) likewise (:data:`AWARD_VAT_SQL`)."""
    from tenderarchive.awards.amounts import parse_amount, vat_basis

    with db.atomic():
        taxed = False
        for table, column, sql in (("award_suppliers", "tender_value_has_tax", WINNER_VAT_SQL),
                                   ("awards", "value_has_tax", AWARD_VAT_SQL)):
            if not db[table].exists() or column not in db[table].columns_dict:
                continue
            for rowid, raw in db.execute(sql).fetchall():
                basis = vat_basis(parse_amount(raw))
                if basis is not None:
                    db.execute(f"update {table} set {column} = ? where rowid = ?", [basis, rowid])
                    taxed = taxed or basis == 1
        if taxed and db["summary_procurements"].exists():
            db.execute("delete from summary_procurements")


def migrate_award_wording(db: sqlite_utils.Database) -> None:
    """The award sentences an older timeline worded ("voor € 121.000,00" of a value given including VAT, which
    :func:`migrate_winner_vat_basis` has just filled; no value at all of one in another currency, a range or a rate)
    take the current wording (tenderarchive/derive.py ``reword_stale_awards``). Its query, ``derive.STALE_WORDING_SQL``,
    is part of :func:`schema_fingerprint`, so an archive runs it once on opening, not every derivation (issue 14)."""
    from tenderarchive.derive import reword_stale_awards

    if db["events"].exists():
        reword_stale_awards(db)


def migrate_country_codes(db: sqlite_utils.Database) -> None:
    """The country codes of the winners an older archive holds (``award_suppliers.country_code``, added empty): each
    winner's printed country read as a crawl reads it (:func:`tenderarchive.awards.names.country_code`), so a filter on
    the code finds them without a reparse. Run when the column is added, and again when :func:`country_code` reads
    more (``names.COUNTRY_CODE_VERSION``, part of :func:`schema_fingerprint`; 2: the ISO alpha-3 codes "BEL", "DEU"
    an older version left without a code): only the winners still without a code are looked at, each distinct country
    once."""
    from tenderarchive.awards.names import country_code

    rows = db.execute("select distinct country from award_suppliers where country is not null "
                      "and country_code is null").fetchall()
    for (country,) in rows:
        code = country_code(country)
        if code is not None:
            db.execute("update award_suppliers set country_code = ? where country = ? and country_code is null",
                       [code, country])


def migrate_event_order(db: sqlite_utils.Database) -> None:
    """The sort key of the events an older archive holds (``events.date_order``, added empty): the timeline's order
    of each event's date (:func:`tenderarchive.timeline.date_order`, the function the derivation fills it with through
    ``timeline.ordered``), so the table page sorts them as a fresh derivation would, without one."""
    from tenderarchive.timeline import date_order

    db.conn.create_function("date_order", 1, date_order, deterministic=True)
    with db.atomic():
        db.execute("update events set date_order = date_order(date)")


def migrate_organisation_names(db: sqlite_utils.Database) -> None:
    """Winners written with their trade name or registration ("X B.V. h.o.d.n. Y", "X (KvK 12345678)") were
    organisations of their own (``name:x b v h o d n y``); they are X's (:func:`tenderarchive.awards.names.split_name`:
    ``name:x``, or ``kvk:12345678`` where the name carries the number). Each winner row follows its new id, its
    trade name kept (``award_suppliers.trade_name``) and its printed name as it was; the new organisation is added
    where missing, with the provenance of the record that first names it (:data:`ORGANISATION_FIRST_NAMED`). The
    old organisation row goes to ``organisation_aliases`` (its id, name and provenance, and the id it is now), so
    an old id still finds the provider (``aanbieder_contracten``, the provider page). A news row's folded name
    follows too. A winner row whose award already names the new id is that same winner: one row stays (as a
    fresh read gives). The summaries are rebuilt by the next derivation. Reads only names that may carry such
    words (:data:`_SPLIT_NAME_LIKE`), so it costs little once done."""
    from tenderarchive.awards.names import name_key, split_name
    from tenderarchive.awards.rows import organisation_id as new_id

    if not all(db[t].exists() for t in ("award_suppliers", "organisations", "organisation_aliases")):
        return
    like = " or ".join(["lower(name) like ?"] * len(_SPLIT_NAME_LIKE))
    moved: dict[str, str] = {}
    with db.atomic():
        rows = db.execute(f"select award_id, organisation_id, name, kvk, name_key, country from award_suppliers "
                          f"where {like}", _SPLIT_NAME_LIKE).fetchall()
        for award_id, old, name, kvk, key, country in rows:
            # a kvk: id stays; its folded name follows (a foreign winner's number in its name is no KvK number)
            new = new_id(name, kvk, country) if old.startswith("name:") else old
            if new is None or new == old:
                if key is not None and name_key(name) != key:
                    db.execute("update award_suppliers set name_key = ?, trade_name = coalesce(trade_name, ?) "
                               "where award_id = ? and organisation_id = ?",
                               [name_key(name), split_name(name)[1], award_id, old])
                continue
            moved.setdefault(old, new)
            _, trade, number = split_name(name)
            number = None if new.startswith("name:") else number
            if db.execute("select 1 from award_suppliers where award_id = ? and organisation_id = ?",
                          [award_id, new]).fetchone():
                db.execute("delete from award_suppliers where award_id = ? and organisation_id = ?", [award_id, old])
                continue
            db.execute("update award_suppliers set organisation_id = ?, name_key = ?, kvk = coalesce(kvk, ?), "
                       "trade_name = coalesce(trade_name, ?) where award_id = ? and organisation_id = ?",
                       [new, name_key(name), number, trade, award_id, old])
        for table in ("article_organisations", "article_awardees"):
            if not db[table].exists():
                continue
            for rowid, name, key in db.execute(f"select rowid, name, name_key from [{table}] where {like}",
                                               _SPLIT_NAME_LIKE).fetchall():
                if key is not None and name_key(name) != key:
                    moved.setdefault(f"name:{key}", f"name:{name_key(name)}")
                    db.execute(f"update [{table}] set name_key = ? where rowid = ?", [name_key(name), rowid])
        for org_id, name, key in db.execute(f"select organisation_id, name, name_key from organisations "
                                            f"where organisation_id like 'kvk:%' and ({like})", _SPLIT_NAME_LIKE).fetchall():
            legal = split_name(name)[0] or name
            if key != name_key(legal) or legal != name:
                db.execute("update organisations set name = ?, name_key = ? where organisation_id = ?",
                           [legal, name_key(legal), org_id])
        if not moved:
            return
        columns = [d[0] for d in db.execute("select * from organisations limit 0").description]
        for old, new in sorted(moved.items()):
            found = db.execute("select * from organisations where organisation_id = ?", [old]).fetchone()
            if found is None:
                continue
            row = dict(zip(columns, found))
            legal = split_name(row["name"])[0] or row["name"]
            if not db.execute("select 1 from organisations where organisation_id = ?", [new]).fetchone():
                number = new[4:] if new.startswith("kvk:") else row.get("kvk")
                db["organisations"].insert(dict(row, organisation_id=new, name=legal, kvk=number,
                                                name_key=name_key(legal)), pk="organisation_id")
            elif row["kind"] == "provider" and legal:
                # of the names, the first in sort order (writes._provider's rule)
                db.execute("update organisations set name = ? where organisation_id = ? and kind = 'provider' "
                           "and coalesce(name, '~') > ?", [legal, new, legal])
            db["organisation_aliases"].upsert(
                {"alias_id": old, "organisation_id": new, "name": row["name"], "kind": row["kind"],
                 "reason": "trade name, registration or seat in the name (names.split_name, names.name_key)",
                 **{c: row.get(c) for c in ("named_in", *PROVENANCE)}}, pk="alias_id")
            db.execute("delete from organisations where organisation_id = ?", [old])
            db.execute(f"update organisations set {FIRST_NAMED_COLUMNS} = ({FIRST_NAMED_RECORD}) "
                       f"where organisation_id = ? and exists ({FIRST_NAMED_RECORD})", [new])
        # an alias of an alias: the id it is now
        db.execute("update organisation_aliases set organisation_id = (select b.organisation_id from organisation_aliases b "
                   "where b.alias_id = organisation_aliases.organisation_id) "
                   "where organisation_id in (select alias_id from organisation_aliases)")
        if db["summary_procurements"].exists():
            db.execute("delete from summary_procurements")


def _join_versions(db: sqlite_utils.Database, table: str, old_key: str, key: str) -> None:
    """The versions of ``table``'s row ``old_key`` become the row ``key``'s, with those it has: one history,
    numbered again in the order the changes happened (``valid_to``, then ``valid_from``). A merged lot's
    history was split: the renamed row's stayed under its old key, which no row has, so the lot showed
    only the other row's changes."""
    cursor = db.execute("select * from versions where table_name = ? and row_key in (?, ?) "
                        "order by coalesce(valid_to, '~'), coalesce(valid_from, ''), row_key = ?, version",
                        [table, old_key, key, old_key])
    rows = [dict(zip([d[0] for d in cursor.description], r)) for r in cursor.fetchall()]
    if not any(r["row_key"] == old_key for r in rows):
        return
    db.execute("delete from versions where table_name = ? and row_key in (?, ?)", [table, old_key, key])
    for number, row in enumerate(rows, 1):
        db["versions"].insert(dict(row, row_key=key, version=number))


def _wins(db: sqlite_utils.Database, one: dict, other: dict) -> bool:
    """Whether lot row ``one`` keeps its values over ``other`` when the two are one lot: the API's notice
    over an OCDS package (the API's values win), else the later notice."""
    if (one.get("source") in API_SOURCES) != (other.get("source") in API_SOURCES):
        return one.get("source") in API_SOURCES

    def published(row):
        found = db.execute("select published_at from notices where publication_id = ?",
                           [row.get("publication_id")]).fetchone()
        return ((found[0] if found else None) or "", int(row.get("publication_id") or 0))
    return published(one) >= published(other)


#: A winner row ``{x}`` that is a second listing of another winner of its award: listed under its name alone
#: (``name:<name key>``, no KvK number) where the award also lists, under its KvK number, the one numbered provider of
#: that folded name (an OCDS package whose rows give the supplier id as the KvK number in one row and as the name in
#: another, reference tenderned-awards.md §6.3 "The supplier id is the KvK number when the row has one, otherwise the
#: supplier's name"). The summaries count them as one provider (summaries.PROVIDER_SQL, WINNERS_SQL).
_TWIN_SQL = """({x}.kvk is null and {x}.organisation_id like 'name:%' and exists (select 1 from award_suppliers u
               where u.award_id = {x}.award_id and coalesce(u.is_buyer, 0) = 0 and u.organisation_id = (
                 select max(v.organisation_id) from organisations v where v.name_key = substr({x}.organisation_id, 6)
                   and v.kind = 'provider' and v.kvk is not null having count(distinct v.kvk) = 1)))"""

#: The ``award_winner_shares`` view (:data:`VIEWS`); the expressions the saved searches had inline (a NULL
#: ``tender_value_of_group`` leaves ``gezamenlijk`` NULL where its group has other members, as before), the award's
#: winners counted without a second listing of one of them (``dubbel``, :data:`_TWIN_SQL`).
AWARD_WINNER_SHARES_SQL = """
    select s.award_id, s.organisation_id,
           (select count(*) - 1 from award_suppliers t where t.award_id = s.award_id and coalesce(t.is_buyer, 0) = 0
              and not {twin_t})
             + coalesce(a.unnamed_winners, 0) as medewinnaars,
           (coalesce(a.value_cents, a.value_raw) is not null
             and (select count(*) from award_suppliers t where t.award_id = s.award_id and coalesce(t.is_buyer, 0) = 0
                    and not {twin_t})
                 + coalesce(a.unnamed_winners, 0) > 1) as gedeeld,
           (coalesce(a.value_cents, a.value_raw) is null and s.tender_value_of_group = 1
             and coalesce(s.tender_value_cents, s.tender_value_raw) is not null
             and (select count(*) from award_suppliers t where t.award_id = s.award_id
                  and t.tender_value_of_group = 1 and coalesce(t.is_buyer, 0) = 0
                  and coalesce(t.group_name, '') = coalesce(s.group_name, '')) > 1) as gezamenlijk,
           {twin_s} as dubbel
    from award_suppliers s join awards a on a.award_id = s.award_id
""".format(twin_t=_TWIN_SQL.format(x="t"), twin_s=_TWIN_SQL.format(x="s"))


@lru_cache(maxsize=1)
def schema_fingerprint() -> int:
    """A 31-bit hash of the tables, views, the summaries' winner rows and shipped reference files (tenderarchive/data/):
    it changes whenever a migration or a reference update has something to do."""
    from tenderarchive.reference import DATA, REFERENCE_FILES

    from tenderarchive.store.summaries import _AWARDS_SQL, _PROCUREMENT_SQL, UNNAMED_IN_KEY_SQL, WINNERS_SQL

    from tenderarchive.awards.names import COUNTRY_CODE_VERSION, NAME_KEY_VERSION
    from tenderarchive.derive import STALE_WORDING_SQL

    # NAME_KEY_VERSION: a change to how names fold re-keys archived winners (migrate_organisation_names) on opening;
    # COUNTRY_CODE_VERSION: a country_code reading more codes fills the archived winners' (migrate_country_codes)
    # _AWARDS_SQL: how the summaries count an award's amounts (migrate_summary_framework_once,
    # migrate_summary_award_winner_totals); UNNAMED_REPEATS_SQL: migrate_unnamed_repeats; _PROCUREMENT_SQL: how the
    # summaries list a procurement's winners (migrate_summary_unnamed_winner_names); UNNAMED_IN_KEY_SQL: how the region
    # years count the winners no source names (migrate_summary_unnamed_region_winners); WINNER_VAT_SQL,
    # AWARD_VAT_SQL: migrate_winner_vat_basis; STALE_WORDING_SQL: migrate_award_wording
    digest = hashlib.sha256(json.dumps([TABLES, PARTIAL_INDEXES, VIEWS, COUNTED, WINNERS_SQL, _AWARDS_SQL, NAME_KEY_VERSION,
                                        UNNAMED_REPEATS_SQL, _PROCUREMENT_SQL, UNNAMED_IN_KEY_SQL, WINNER_VAT_SQL,
                                        AWARD_VAT_SQL, STALE_WORDING_SQL, COUNTRY_CODE_VERSION],
                                       sort_keys=True,
                                       default=lambda o: sorted(o) if isinstance(o, set) else repr(o)).encode())
    for name in REFERENCE_FILES:
        digest.update((DATA / name).read_bytes())
    return int(digest.hexdigest()[:8], 16) & 0x7FFFFFFF


def load_reference_data(db: sqlite_utils.Database) -> None:
    """The reference tables from the shipped CSVs (tenderarchive/data/README.md), rewritten
    only when they differ from what the archive holds (run by :func:`ensure_schema`, which
    skips it when the archive is already at the schema fingerprint). An empty table (a new
    archive: every crawl's first open, every ``reparse``) is filled without reading it back and
    sorting the shipped rows to compare them (issue 14: ⅔ of a new archive's reference data)."""
    from tenderarchive.reference import archive_rows

    with db.atomic():
        for table, rows in archive_rows().items():
            columns = list(TABLES[table]["columns"])
            empty = db.execute(f"select 1 from [{table}] limit 1").fetchone() is None
            if not empty:
                rows = [{c: r.get(c) for c in columns} for r in rows]
                order = TABLES[table]["pk"] if isinstance(TABLES[table]["pk"], str) else ", ".join(TABLES[table]["pk"])
            if empty or list(db.query(f"select {', '.join(columns)} from [{table}] order by {order}")) != sorted(
                    rows, key=lambda r: [r[k] for k in ([TABLES[table]["pk"]] if isinstance(TABLES[table]["pk"], str)
                                                        else TABLES[table]["pk"])]):
                if not empty:
                    db[table].delete_where()
                # Plain values in the table's own columns: one executemany (sqlite-utils' insert_all
                # inspects every value of every row, half the cost of creating an archive).
                db.conn.executemany(
                    f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                    f"values ({', '.join('?' for _ in columns)})", [[r.get(c) for c in columns] for r in rows])


VIEWS = {
    # Per winner of an award (award_suppliers' key): whether the value it is listed with is shared, one definition
    # for the saved searches (aanbieder_contracten wrote each condition inline four times). medewinnaars: the award's
    # other winners, those no source names too (awards.unnamed_winners); gedeeld: the award has a value (exact or
    # printed) and several winners, so the value is the lot's, no one winner's (reference §3.1, §4); gezamenlijk:
    # the award has none and this winner's tender value is its consortium's joint value (tender_value_of_group),
    # printed on the rows of several members of its group (§2.5). As summary_award_winners keeps them
    # (summaries.WINNERS_SQL). An archive of an older version lacks it: the saved searches read this definition in
    # its place (tenderarchive/metadata.py VIEW_STANDINS), serve never migrating.
    "award_winner_shares": AWARD_WINNER_SHARES_SQL,
    # Per source, the last successful crawl and its age: one definition, shared with `status`.
    "freshness": FRESHNESS_SQL,
    # Per news site of the registry: pages archived and the age of the newest (monitor.NEWS_SITES_SQL).
    "news_sites": NEWS_SITES_SQL,
    # What changed, when, per record: the data behind the "changed notices" searches, with the
    # record's title and link: a notice, its results and its awards (through the award's notice)
    # the notice's; a lot (row_key a JSON array [procurement_id, lot_id]) its procurement's.
    # Notices are joined by their key (publication_id is INTEGER: SQLite compares the text row_key,
    # or the CASE's value, as a number; a key that is no number matches nothing);
    # ``cast(n.publication_id as text)`` read every notice for each version row.
    # A procurement that is gone (every notice of it moved: ``derive.record_gone`` keeps its last values as a
    # version) has no row to join: its versions and its lots' take the title and link it was last seen with, from
    # its newest version that holds them (joined as `g`, by the (table_name, row_key) index; only for a row that is
    # gone).
    "changes": """
        select v.table_name, v.row_key, v.version, v.valid_from, v.valid_to,
               v.changed_columns, v.previous_values, v.new_values, v.crawl_id,
               coalesce(n.title, a.title, p.title, json_extract(g.previous_values, '$.title')) as title,
               coalesce(n.url, a.url, p.url, json_extract(g.previous_values, '$.url')) as url
        from versions v
        left join awards aw on v.table_name = 'awards' and aw.award_id = v.row_key
        left join notices n on v.table_name in ('notices', 'notice_results', 'awards')
             and n.publication_id = (case when v.table_name = 'awards' then aw.publication_id else v.row_key end)
        left join articles a on v.table_name = 'articles' and v.row_key = a.url
        left join procurements p on v.table_name in ('procurements', 'lots')
             and p.procurement_id = (case when v.table_name = 'procurements' then v.row_key
                                          when json_valid(v.row_key) then json_extract(v.row_key, '$[0]') end)
        left join versions g on v.table_name in ('procurements', 'lots') and p.procurement_id is null
             and g.rowid = (select l.rowid from versions l
                            where l.table_name = 'procurements' and l.row_key = (case when v.table_name = 'procurements'
                                  then v.row_key when json_valid(v.row_key) then json_extract(v.row_key, '$[0]') end)
                              and json_valid(l.previous_values) and json_extract(l.previous_values, '$.title') is not null
                            order by l.version desc limit 1)
    """,
}
