"""Archive rows from parsed award data: the ``/html`` parse of one notice, or one OCDS procedure.

The parsers (:mod:`tenderarchive.awards.html`, :mod:`tenderarchive.awards.ocds`) return
plain dicts; this module shapes them into rows of ``notice_results``, ``lots``,
``awards`` and ``award_suppliers`` (schema: tenderarchive/store/schema.py) with
provenance. Award ids are given by the store, which can see which earlier award a
rectification replaces (:func:`tenderarchive.store.writes.write_results`).
"""

from __future__ import annotations

import json
import re

from tenderarchive.awards.names import country_code, foreign_country, kvk_number, lot_keys, name_key, split_name
from tenderarchive.store.keys import dumps
from tenderarchive.store.schema import TABLES


def only_columns(table: str, row: dict) -> dict:
    columns = TABLES[table]["columns"]
    return {k: v for k, v in row.items() if k in columns}


def organisation_id(name: str | None, kvk: str | None, country: str | None = None) -> str | None:
    """``kvk:01234567`` where the KvK number is known (given, or written in the name: "X (KvK 01234567)"), else
    ``name:<folded name>`` ("X B.V. h.o.d.n. Y" is X's). A winner of another ``country`` has no KvK number: a
    registration written in its name ("X GmbH (Handelsregister 12345678)") is its own country's, as a foreign
    number in the KvK field is (names.foreign_country); it is no ``kvk:`` id, which a Dutch firm's may be."""
    number = kvk_number(kvk) or (None if foreign_country(country) else split_name(name)[2])
    if number:
        return f"kvk:{number}"
    key = name_key(name)
    return f"name:{key}" if key else None


def html_results(notice: dict, parsed: dict, provenance: dict, source: str = "tenderned_html") -> dict:
    """Rows of one notice's ``/html`` parse (or of its PDF's, ``source`` "tenderned_pdf"). ``provenance``:
    source_url, fetched_at, sha256 of the response read."""
    procurement_id, publication_id = notice.get("procurement_id"), notice["publication_id"]
    result = only_columns("notice_results", {
        "publication_id": publication_id, "procurement_id": procurement_id, "layout": parsed["layout"],
        "language": parsed.get("language"), "lot_count": len(parsed["lots"]), "award_count": len(parsed["awards"]),
        "supplier_count": len(parsed["suppliers"]), "problems": dumps(parsed["problems"]) if parsed["problems"] else None,
        **parsed.get("procedure", {}), **provenance})
    # one key per lot ("LOT-0001" is lot "1", as older forms and the OCDS packages name it: names.lot_keys),
    # the notice's own id kept beside it
    keys = lot_keys(row["lot_id"] for row in (*parsed["lots"], *parsed["awards"], *parsed["suppliers"]))
    lots = [only_columns("lots", dict(lot, procurement_id=procurement_id, publication_id=publication_id,
                                      source=source, **provenance, **_keyed(lot, keys)))
            for lot in parsed["lots"]]
    awards = [dict(award, **_keyed(award, keys)) for award in parsed["awards"]]
    suppliers = [dict(supplier, lot_id=keys.get(supplier["lot_id"], supplier["lot_id"])) for supplier in parsed["suppliers"]]
    return {"notice_result": result, "lots": lots, **_awards(awards, suppliers, {
        "procurement_id": procurement_id, "publication_id": publication_id, "source": source,
        "year": year(notice.get("published")), **provenance})}


def pdf_results(notice: dict, html: dict | None, html_provenance: dict, pdf: dict, pdf_provenance: dict) -> dict:
    """Rows of a notice whose awards come from its PDF (``html``: the ``/html`` parse, None when it failed).

    The awards, winners and the lots the PDF describes are the PDF's (source ``tenderned_pdf``, its URL,
    time and hash as provenance). Where the ``/html`` was read (it named no winner), the notice's row stays
    the rendering's (layout, language, provenance) with the PDF's counts and the amounts it left out, and a
    lot it described keeps its values, the PDF's filling what it left out; where it was not, the row is the
    PDF's (layout ``pdf``: the ``/html`` is asked again next crawl)."""
    read = html is not None and html["layout"] != "unknown"
    why = ("the /html named no winner" if read else "the /html failed or was unreadable")
    pdf = dict(pdf, problems=([*html["problems"]] if html is not None else []) + [
        f"awards read from the PDF ({pdf.get('pdf_layout')} sections): {why}"] + [f"PDF: {p}" for p in pdf["problems"]])
    rows = html_results(notice, pdf, pdf_provenance, source="tenderned_pdf")
    if not read:
        return rows
    own = html_results(notice, html, html_provenance)
    result = dict(own["notice_result"])
    for key, value in rows["notice_result"].items():
        if key in ("award_count", "supplier_count", "problems") or (value is not None and result.get(key) is None
                                                                    and key not in PROVENANCE_KEYS):
            result[key] = value
    lots = {lot["lot_id"]: lot for lot in own["lots"]}
    for lot in rows["lots"]:
        old = lots.get(lot["lot_id"])
        lots[lot["lot_id"]] = lot if old is None else dict(old, **{
            k: v for k, v in lot.items() if v is not None and old.get(k) is None and k not in PROVENANCE_KEYS})
    return dict(rows, notice_result=result, lots=list(lots.values()))


PROVENANCE_KEYS = {"source_url", "fetched_at", "sha256", "crawl_id", "source", "layout", "language"}


def _keyed(row: dict, keys: dict) -> dict:
    """``lot_id`` as its key, ``source_lot_id`` the id as published."""
    return {"lot_id": keys.get(row["lot_id"], row["lot_id"]), "source_lot_id": row["lot_id"]}


def year(day: str | None) -> int | None:
    """The year of an ISO date ("2021-03-04" → 2021); None for anything else (a source's date is text)."""
    return int(day[:4]) if isinstance(day, str) and re.match(r"\d{4}-", day) else None


def _awards(awards: list[dict], suppliers: list[dict], common: dict) -> dict:
    out = []
    by_award: dict[tuple, list[dict]] = {}
    for supplier in suppliers:  # grouped once: awards × suppliers would be quadratic on a large package
        by_award.setdefault((supplier["award_index"], supplier["lot_id"]), []).append(supplier)
    for award in awards:
        row = only_columns("awards", dict(award, **common))
        if year(row.get("award_date") or row.get("contract_date")):
            row["year"] = year(row.get("award_date") or row.get("contract_date"))
        winners, by_id = [], []
        for supplier in by_award.get((award["award_index"], award["lot_id"]), []):
            if supplier.get("party_id") is not None and not supplier.get("name"):
                # an OCDS winner named by its id alone, its party not in this package: the archive names it where an
                # earlier package's party of that id is kept (store.writes.write_ocds_procedure); else as it is here
                by_id.append(dict(supplier, procurement_id=common["procurement_id"]))
                continue
            if (winner := winner_row(supplier, common["procurement_id"])) is not None:
                winners.append(winner)
        out.append({"award": row, "suppliers": winners, "lot_id": award["lot_id"],
                    "source_lot_id": award.get("source_lot_id", award["lot_id"]), "index": award["award_index"],
                    **({"by_id": by_id} if by_id else {})})
    return {"awards": out}


def name_of_supplier_id(party_id) -> str | None:
    """The name an OCDS supplier id is, or None: the converter gives a supplier without a KvK number its name as id
    (reference tenderned-awards.md §6.3 "The supplier id is the KvK number when the row has one, otherwise the
    supplier's name"). An id written as a name (a lower-case letter or a space in it: "Stichting Een B.V.") is one; a
    registration number ("12345678", "NL-KVK-12345678") or a code ("BE0123456789", "ORG-0001") is none."""
    text = re.sub(r"\s+", " ", str(party_id or "")).strip()
    if not text or kvk_number(text) or not re.search(r"[a-zà-ÿ]|\s", text) or not re.search(r"[^\W\d_]{2}", text):
        return None
    return text


def winner_row(supplier: dict, procurement_id: str) -> dict | None:
    """The ``award_suppliers`` row of one winner (without its award id), or None when it has neither a name nor a KvK
    number to be an organisation by."""
    org = organisation_id(supplier.get("name"), supplier.get("kvk"), supplier.get("country"))
    if org is None:
        return None
    # the trade name ("h.o.d.n. Y") and a KvK number written in the name: the winner's, its name as printed kept
    _, trade, number = split_name(supplier.get("name"))
    number = None if foreign_country(supplier.get("country")) else number
    return only_columns("award_suppliers", dict(
        supplier, organisation_id=org, procurement_id=procurement_id, trade_name=trade,
        trade_key=name_key(trade) if trade else None, country_code=country_code(supplier.get("country")),
        kvk=kvk_number(supplier.get("kvk")) or number or supplier.get("kvk")))


def ocds_results(procedure: dict, provenance: dict) -> dict:
    """Rows of one OCDS procedure: its notices (one per publication id), lots, awards and winners."""
    notice, prov = procedure["notice"], procedure["provenance"]
    kenmerk = notice.get("kenmerk")
    procurement_id = f"TN{kenmerk}" if kenmerk is not None else f"OCDS:{notice['ocid']}"
    common = {"procurement_id": procurement_id, "source": "tenderned_ocds", "source_file": prov.get("source_file"),
              "release_ids": dumps(prov.get("release_ids") or []), **provenance}
    first_publication = int(notice["publication_ids"][0]) if notice.get("publication_ids") else None
    # a lot as the package describes it now: its latest publication's (the compiled release's title and status),
    # so that a package of an earlier year read later never replaces it (store.writes.write_ocds_procedure)
    dates = notice.get("publication_dates") or {}
    latest_publication = max(((dates.get(str(pid)) or "", int(pid)) for pid in notice.get("publication_ids") or []
                              if str(pid).isdigit()), default=(None, first_publication))[1]
    lots = [only_columns("lots", dict(lot, procurement_id=procurement_id, publication_id=latest_publication,
                                      source="tenderned_ocds", **provenance)) for lot in procedure["lots"]]
    awards = _awards(procedure["awards"], procedure["suppliers"], dict(common, publication_id=first_publication))
    for entry, award in zip(awards["awards"], procedure["awards"]):
        # an award of no lot named (several lots, no relatedLots) has no lot in its id
        # (the lot as the package names it: an award keeps its id when the lot's key is not its id)
        entry["award"]["award_id"] = f"{procurement_id}/ocds/{award['award_id']}" + (
            f"/{entry['source_lot_id']}" if award["lot_id"] is not None else "")
        entry["award"]["publication_id"] = award.get("publication_id") or first_publication
        # the ids sorted: the order the releases were read in (one file, or two in either order) never shows (the row
        # is named by the first id the package gives the lot, above)
        entry["award"]["ocds_award_ids"] = dumps(sorted(award.get("award_ids") or [award["award_id"]]))
        entry["award"]["ocds_award_values"] = dumps(award["award_values"]) if award.get("award_values") else None
        entry["award"]["year"] = year(award.get("award_date"))
    # The procedure's estimate (tender.value) at notice level, where /html puts it (2.1.3 "Geraamde waarde",
    # notice_results.estimated_*): a procedure of several lots had it stored nowhere (one lot's is its lot's too).
    # Layout "ocds": the publication's /html is still fetched, and its row replaces this one.
    result = only_columns("notice_results", {
        "publication_id": first_publication, "procurement_id": procurement_id, "layout": "ocds",
        "lot_count": len(lots), "award_count": len(procedure["awards"]), "supplier_count": len(procedure["suppliers"]),
        "problems": dumps(flagged) if (flagged := [f"{s['lot_id']}: winner {s['name']!r} is the buyer (a buyer listed "
                                                   f"as supplier)" for s in procedure["suppliers"] if s.get("is_buyer")]) else None,
        **{k: v for k, v in notice.items() if k.startswith("estimated_")}, **provenance}) \
        if first_publication is not None else None
    # the parties of the package's winners (and tenderers): a later package's award naming one by its id alone
    parties = [only_columns("ocds_parties", dict(party, ocid=notice["ocid"], source_file=prov.get("source_file"),
                                                 award_ids=dumps(party.get("award_ids") or []), **provenance))
               for party in procedure.get("parties") or []]
    for entry, award in zip(awards["awards"], procedure["awards"]):
        entry["source_award_id"] = award["award_id"]  # the package's id of the award (ocds_parties.award_ids)
    return {"procurement_id": procurement_id, "kenmerk": kenmerk, "notice": notice, "lots": lots, **awards,
            "parties": parties, "notice_result": result, "source_file": prov.get("source_file"),
            "reasons": notice.get("youth_care_reasons") or []}


def reasons_json(reasons) -> str:
    return json.dumps(list(reasons), ensure_ascii=False)
