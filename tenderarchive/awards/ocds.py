"""Youth-care procedures out of TenderNed's yearly OCDS release packages.

A package is one JSON object (``{"uri", "version", "releases": [...]}``; a record package's
``records[]`` are read too, by their releases or compiled release) of
tens to hundreds of MB (docs/awards.md, "OCDS release packages"). It is read
with ``ijson`` (an incremental parser: one release in memory at a time) in
two passes over the file:

1. **select**: every release is judged youth care or not (its CPV codes,
   title and description, by the crawl's topic profile through
   :func:`pipelines.classify.classify`); a procedure (``ocid``) is youth care
   when any of its releases is. This pass also counts each selected ocid's
   releases and proves the file is complete JSON: a truncated download fails
   here, before anything is yielded, and is reported as an error — nothing
   half-written.
2. **merge**: the releases of the selected ocids are collected; as soon as an
   ocid has all its releases they are merged with ``ocdsmerge`` (the OCDS
   reference merge, so no merge rules are written here) and mapped to the
   same notice / lot / award / supplier dicts the ``/html`` parser gives, with
   provenance (file name and release ids). Memory stays bounded by the
   youth-care releases not yet complete, not by the file.

Bid statistics (``bids.statistics``): ``requests`` is read as the number of tenders and, with
``electronicBids``, fills the lot's ``received_counts``; ``lowestValidBidValue`` and
``highestValidBidValue`` are the lot's lowest and highest tender. A statistic without
``relatedLot`` belongs to the lot of a single-lot procedure and to no lot otherwise.

TenderNed's converter writes one release per publication × lot × winner, the
2026 files one release per publication: both merge to one compiled release
per ocid. Award ids can repeat across the per-row releases with different
suppliers, so awards are taken from every release (deduplicated on award id
plus suppliers) rather than from the compiled release alone.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from datetime import date
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Iterator

import ijson
from ocdsmerge import Merger

from tenderarchive.awards.amounts import Amount, currency_code, parse_amount, to_cents
from tenderarchive.awards.html import amount_fields, buyer_as_supplier, parse_notice_date
from tenderarchive.awards.names import foreign_country, kvk_number, kvk_only, lot_keys, name_key
from tenderarchive.awards.ocds_schema import MAX_AMOUNT, project, release_problem, soften
from tenderarchive.profiles import Relevance, load_profile
from tenderarchive.values import contract_day, cpv_parts

OCID_PREFIX = "ocds-1l04xe-"
NOTICE_URL = re.compile(r"/aankondigingen/(?:overzicht/)?(\d+)")
#: the end of a package's name: "_0", "_1", … before the extension is the counter Drupal (TenderNed's CMS, its
#: ``/cms/sites/default/files/<yyyy-mm>/`` folders) adds to a file uploaded under a name already taken, no part of
#: the period ("Dataset_Tenderned-2022-01-01-2022-12-31_0.json", "2017_0.json")
_FILE_END = r"(?:_\d+)?\.json(?:\.gz)?$"
FILE_PERIOD = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})[-_](\d{4}-\d{2}-\d{2})" + _FILE_END, re.I)
FILE_YEAR = re.compile(r"(?:^|/)((?:19|20)\d{2})" + _FILE_END, re.I)
#: a span of years in a name ("Dataset_TenderNed_2016_2022.json", as TenderNed's converter names its Excel); read
#: before :data:`FILE_YEAR`, so "2016_2022.json" is the span, not 2016 with a counter 2022
FILE_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_]((?:19|20)\d{2})" + _FILE_END, re.I)
#: OCDS award and lot statuses (codelist awardStatus, the lots extension's lotStatus) that mean no winner
NO_WINNER = {"unsuccessful", "cancelled"}
#: the awardStatus of an award proposed but not yet in force (a standstill period, a challenge): no winner yet, its
#: lot not known yet, until a later release gives the award ``active``
NOT_YET = {"pending"}

# OCDS 1.1 release-schema merge rules (https://standard.open-contracting.org/1.1/en/schema/merging/),
# given explicitly so ocdsmerge never downloads the schema: release id/date/tag are omitted when merging,
# identifier and classification lists are replaced whole. Arrays of objects with ``id`` merge by id.
MERGE_RULES = {
    ("id",): "omitWhenMerged", ("date",): "omitWhenMerged", ("tag",): "omitWhenMerged",
    ("parties", "additionalIdentifiers"): "wholeListMerge",
    ("tender", "items", "additionalClassifications"): "wholeListMerge",
    ("awards", "items", "additionalClassifications"): "wholeListMerge",
    ("contracts", "items", "additionalClassifications"): "wholeListMerge",
    ("tender", "tenderers"): "wholeListMerge", ("awards", "suppliers"): "wholeListMerge",
}


class PackageError(Exception):
    """The package cannot be read completely (truncated, not JSON, not a release package)."""


@dataclass
class ReadReport:
    """What one package held: counts and problems, for the crawl's record."""

    source: str
    releases: int = 0
    procedures: int = 0
    selected: int = 0
    yielded: int = 0
    period: tuple[str | None, str | None] = (None, None)
    errors: list[str] = field(default_factory=list)
    #: a party's field of the wrong shape read as NULL, its release read (ocds_schema.soften): the first
    #: :data:`MAX_FIELD_NOTES`, then how many more; recorded as the crawl's errors (the column lost), but the package
    #: was read whole
    field_notes: list[str] = field(default_factory=list)
    more_field_notes: int = 0


#: at most this many field notes of one package are kept word for word (a package of 100,000 releases written with
#: one wrong shape throughout says so once per release): the rest are counted
MAX_FIELD_NOTES = 20


def file_period(name: str) -> tuple[str | None, str | None]:
    """The period a package covers, from its file name (new and old naming: "Dataset_Tenderned-2021-01-01-
    2021-12-31.json", "2017.json"; also a name with more before its dates, "…-compleet-2021-01-01-2026-06-30.json",
    or a span of years, "…_2016_2022.json"; past the "_0", "_1", … Drupal adds to a name uploaded again,
    "…-2021-12-31_0.json", "2017_0.json"), or (None, None). Dates no calendar has ("2021-13-01") name no period:
    (None, None), so the package is read whatever the crawl's window and its releases' dates select."""
    if m := FILE_PERIOD.search(name):
        try:
            date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        except ValueError:
            return None, None
        return m.group(1), m.group(2)
    if m := FILE_YEARS.search(name):
        return f"{m.group(1)}-01-01", f"{m.group(2)}-12-31"
    if m := FILE_YEAR.search(name):
        return f"{m.group(1)}-01-01", f"{m.group(1)}-12-31"
    return None, None


def _release_cpvs(release: dict) -> list[dict]:
    tender = release.get("tender") or {}
    rows = []
    classifications = [tender.get("classification")] + [
        c for item in tender.get("items") or [] if isinstance(item, dict)
        for c in [item.get("classification"), *(item.get("additionalClassifications") or [])]]
    for c in classifications:
        if isinstance(c, dict) and str(c.get("scheme", "CPV")).upper() == "CPV" and c.get("id"):
            # one form whatever the file wrote ("85311300 - 5", "85311300", "85311300-5": values.cpv_parts), so a
            # package's codes group with the API's; the id as the file gave it is kept beside it
            code = str(c["id"])
            rows.append({"cpv": cpv_parts(code)[0], "cpv_raw": code, "label": c.get("description")})
    return rows


def is_youth_care(release: dict, relevance: Relevance) -> tuple[bool, list[str]]:
    """The profile's decision for one release (CPV codes, title, description)."""
    from pipelines.classify import classify, cpv_covers  # the one youth-care rule set, shared with the API path

    tender = release.get("tender") or {}
    notice = {"title": tender.get("title"), "description": tender.get("description"), "reference": None}
    titles = " ".join(str(lot.get("title") or "") for lot in tender.get("lots") or [] if isinstance(lot, dict))
    if titles:
        notice["description"] = f"{notice['description'] or ''} {titles}".strip()
    cpvs = _release_cpvs(release)
    # Quick refusal, same outcome as classify(): no strong CPV and no term as a plain substring means
    # not youth care. Most releases of a package end here (a package is mostly other procurement).
    text = f"{notice['title'] or ''} {notice['description'] or ''}".lower()
    if not any(term in text for term in relevance.terms) and not any(
            cpv_covers(p, row["cpv"]) for p in relevance.cpv_strong for row in cpvs):
        return False, []
    return classify(notice, cpvs, relevance)


def _package_kind(stream: IO[bytes]) -> str | None:
    """``"releases"`` or ``"records"``: the first of the two keys of the package object (read only up to
    it), or None when it has neither. The stream is rewound."""
    start = stream.tell()
    try:
        for prefix, event, value in ijson.parse(stream):
            if prefix == "" and event == "map_key" and value in ("releases", "records"):
                return value
    finally:
        stream.seek(start)
    return None


def _releases(stream: IO[bytes]) -> Iterator[dict]:
    """The releases of a release package, or of a record package (OCDS's other packaging): each record's
    embedded releases, or its ``compiledRelease`` where the releases are only linked (``url``, no ``ocid``)."""
    # numbers come as Decimal: exact, never float
    if _package_kind(stream) != "records":
        yield from ijson.items(stream, "releases.item")
        return
    for record in ijson.items(stream, "records.item"):
        if not isinstance(record, dict):
            yield record  # recorded as malformed by the caller
            continue
        embedded = [r for r in record.get("releases") or [] if isinstance(r, dict) and "ocid" in r]
        compiled = record.get("compiledRelease")
        if embedded or not isinstance(compiled, dict):
            yield from embedded or [record]  # a record with neither is one malformed release
        else:
            yield compiled


def _open(source) -> IO[bytes]:
    """The package, past a UTF-8 byte order mark (a file saved by a Windows tool starts with one, and the
    JSON parser refuses it as a lexical error: the whole package was "not complete")."""
    stream = open(source, "rb") if isinstance(source, (str, Path)) else source
    start = stream.tell()
    if stream.read(3) != b"\xef\xbb\xbf":
        stream.seek(start)
    return stream


def read_package(source, *, relevance: Relevance | None = None, report: ReadReport | None = None,
                 since: str | None = None, until: str | None = None, carried: dict | None = None) -> Iterator[dict]:
    """Yield one procedure dict per youth-care ocid in the package at ``source`` (a path).

    ``since``/``until`` (ISO dates) keep procedures with a release dated in the window. Errors (a truncated
    file) go to ``report.errors`` and end the iteration before any procedure is yielded.

    ``carried`` (one dict for the packages of a crawl, read in turn): the awards a package leaves pending, with
    their suppliers, by ocid (:func:`_carry`). A later package's releases of the ocid are merged after them, so
    its release making the award active, naming no supplier, gives the winner the earlier file named
    (reference §6.3: one ocid in several files, "merge them"); a youth-care ocid stays one in the later file.
    """
    relevance = relevance or load_profile("youth_care").relevance
    name = str(source)
    report = report if report is not None else ReadReport(name)
    report.period = file_period(name)
    counts: Counter = Counter()
    reasons: dict[str, list[str]] = {}
    in_window: set[str] = set()
    seen: set[str] = set()
    damaged: set[str | None] = set()  # ocids with a release skipped as malformed (None: one without a readable ocid)
    # pass 1: select and validate
    try:
        with _open(source) as stream:
            for release in _releases(stream):
                report.releases += 1
                for note in soften(release):  # a party's odd country or place costs itself, not the release
                    ocid = release.get("ocid") if isinstance(release.get("ocid"), str) else None
                    if len(report.field_notes) < MAX_FIELD_NOTES:
                        report.field_notes.append(f"release {report.releases}{f' ({ocid[:60]})' if ocid else ''}: "
                                                  f"{note}")
                    else:
                        report.more_field_notes += 1
                problem = release_problem(release)
                if problem:  # one malformed release costs itself, recorded (ocds_schema.py)
                    ocid = release.get("ocid") if isinstance(release, dict) and isinstance(
                        release.get("ocid"), str) else None
                    report.errors.append(f"release {report.releases}{f' ({ocid[:60]})' if ocid else ''} skipped: "
                                         f"{problem}")
                    damaged.add(ocid)
                    continue
                ocid = release["ocid"]
                seen.add(ocid)
                counts[ocid] += 1
                day = _day(release.get("date")) or ""
                if (not since or day >= since) and (not until or day <= until):
                    in_window.add(ocid)
                relevant, why = is_youth_care(release, relevance)
                if relevant:
                    reasons.setdefault(ocid, [])
                    reasons[ocid].extend(r for r in why if r not in reasons[ocid])
    except (ijson.common.IncompleteJSONError, ijson.common.JSONError, ValueError, OSError) as exc:
        # one line: the JSON lexer's message spans several, drawing a caret under the byte it stopped at
        said = " ".join(str(exc).split("\n", 1)[0].split())[:200]
        report.errors.append(f"{Path(name).name}: not a complete release package ({type(exc).__name__}: {said}); "
                             f"nothing from it was archived")
        return
    report.procedures = len(seen)
    for ocid in seen & set(carried or ()):
        reasons.setdefault(ocid, [])
        reasons[ocid].extend(r for r in carried[ocid]["reasons"] if r not in reasons[ocid])
    selected = {ocid for ocid in reasons if ocid in in_window}
    report.selected = len(selected)
    if report.releases == 0:
        report.errors.append(f"{Path(name).name}: no releases")
        return
    # pass 2: collect and merge
    merger = Merger(merge_rules=MERGE_RULES)
    pending: dict[str, list[dict]] = {}
    with _open(source) as stream:
        for release in _releases(stream):
            ocid = release.get("ocid") if isinstance(release, dict) else None
            if isinstance(ocid, str) and ocid in selected:
                soften(release)  # as in pass 1, where its notes were taken
            if not isinstance(ocid, str) or ocid not in selected or release_problem(release):
                continue  # as in pass 1: a malformed release was recorded there and is not counted
            pending.setdefault(ocid, []).append(project(release))
            if len(pending[ocid]) == counts[ocid]:
                own = pending.pop(ocid)
                earlier = carried.pop(ocid)["releases"] if carried is not None and ocid in carried else []
                procedure = to_procedure(earlier + own, merger, name, reasons[ocid])
                if carried is not None:
                    _carry(carried, ocid, earlier + own, reasons[ocid])
                if ocid in damaged or None in damaged:
                    # read without a release the package has for it (or may have: one without a readable
                    # ocid): what it gives is added, nothing archived is taken away on its account
                    procedure["partial"] = True
                report.yielded += 1
                yield procedure


#: at most this many ocids' pending awards are carried from one package to the next (a bound on memory)
CARRIED_MAX = 10_000


def _carry(carried: dict, ocid: str, releases: list[dict], reasons: list[str]) -> None:
    """Keep for the next package the awards of ``ocid`` still ``pending`` after ``releases`` (their last status),
    each as a release of its own date and id holding the award and its suppliers' parties: nothing else of the
    earlier file is merged into the later one's procedure."""
    last: dict[str, tuple[dict, dict]] = {}
    for release in releases:
        for award in release.get("awards") or []:
            if isinstance(award, dict) and award.get("id") is not None:
                before = last.get(str(award["id"]), (None, {}))[1]
                last[str(award["id"])] = (release, {**before, **{k: v for k, v in award.items() if v is not None}})
    kept = []
    for release, award in last.values():
        if str(award.get("status") or "").lower() not in NOT_YET or not award.get("suppliers"):
            continue
        ids = {str(s.get("id")) for s in award["suppliers"] if isinstance(s, dict)}
        kept.append({"ocid": ocid, "id": release.get("id"), "date": release.get("date"), "awards": [award],
                     "parties": [p for p in release.get("parties") or [] if isinstance(p, dict) and str(p.get("id")) in ids]})
    if kept and (ocid in carried or len(carried) < CARRIED_MAX):
        carried[ocid] = {"releases": kept, "reasons": list(reasons)}


def _day(value) -> str | None:
    """The day of an OCDS date as ``YYYY-MM-DD``: TenderNed's converter writes "2021-11-23T00:00:00Z" from the
    Excel's dd-mm-yyyy (reference §6.3); a date left as the Excel wrote it ("23-11-2021") is the same day (its
    first ten characters were taken for a date, "23-11-2021", which sorts and filters as no date does); text
    that is no date is None."""
    return parse_notice_date(value) if isinstance(value, str) else None


def _contract_day(value) -> str | None:
    """The day of a contract period's date (:func:`_day`), or None for a placeholder: a year ≥ 2090 in Amsterdam is
    TenderNed's "no real date" (reference tenderned-api.md §4, §12.4), the rule the API's contract dates follow
    (``values.contract_day``, applied here, not copied). A date the converter wrote (``2099-12-31T00:00:00Z``, or the
    Excel's ``31-12-2099``) was archived as a contract "ending" in 2099, on the lot and the procedure."""
    if not isinstance(value, str) or (day := _day(value[:100])) is None:
        return None
    try:
        placeholder = contract_day(value[:100])[1]  # a timestamp: its year on Amsterdam's clock (2089-12-31T23:30Z)
    except (ValueError, OverflowError):
        placeholder = contract_day(day)[1]  # a form only _day reads (the Excel's dd-mm-yyyy): its day
    return None if placeholder else day


#: the longest contract length read, in days (a century): a larger number is no contract's length
MAX_DURATION_DAYS = 36_525


#: The API's nature of a contract (``opdrachtAardCode``, tenderned-api.md §4, §9) a package's techniques give: TenderNed's
#: converter sets ``hasFrameworkAgreement`` for the nature "Raamovereenkomst" and ``hasDynamicPurchasingSystem`` for
#: "Instellen van dynamisch aankoopsysteem (DAS)" (reference tenderned-awards.md §6.3); the labels are the dataset's.
NATURES = (("hasDynamicPurchasingSystem", "IDA", "Instellen van dynamisch aankoopsysteem (DAS)"),
           ("hasFrameworkAgreement", "RAA", "Raamovereenkomst"))


def contract_nature(techniques) -> dict:
    """``{"contract_nature", "contract_nature_label"}`` of a package's ``tender.techniques``: RAA for a framework
    agreement, IDA for a dynamic purchasing system (a DAS is set up under its own nature, so it is said first), None
    for neither or for no techniques. Only a JSON ``true`` says so."""
    techniques = techniques if isinstance(techniques, dict) else {}
    for flag, code, label in NATURES:
        if techniques.get(flag) is True:
            return {"contract_nature": code, "contract_nature_label": label}
    return {"contract_nature": None, "contract_nature_label": None}


#: The API's type of contract (``typeOpdrachtCode``, tenderned-api.md §4: D Diensten, L Leveringen, W Werken) of OCDS's
#: ``tender.mainProcurementCategory`` (its closed code list: goods, works, services; reference tenderned-awards.md §6.3).
CATEGORIES = {"services": ("D", "Diensten"), "goods": ("L", "Leveringen"), "works": ("W", "Werken")}


def contract_type(category) -> dict:
    """``{"contract_type", "contract_type_label"}`` of a package's ``tender.mainProcurementCategory`` as the API's
    notices give them ("services" is D "Diensten"); None for another value or none."""
    code, label = CATEGORIES.get(category.strip().lower(), (None, None)) if isinstance(category, str) else (None, None)
    return {"contract_type": code, "contract_type_label": label}


def contract_period(period) -> dict:
    """An OCDS ``contractPeriod`` (Period) as ``{"start_date", "end_date", "duration_days"}``: its dates as
    ``YYYY-MM-DD`` and its length in whole days as given (``durationInDays``; a whole number written as text or as
    1095.0 too). Nothing is derived: a period given only as a length keeps that length and no end date (the reference
    gives the converter's ``{"durationInDays": 1095}``, §6.3, and no start to count from), a period of two dates no
    length. A value that is no date or no whole number of days (negative, beyond a century, a fraction) is None, and
    so is a placeholder date (a year ≥ 2090: :func:`_contract_day`)."""
    period = period if isinstance(period, dict) else {}
    days = period.get("durationInDays")
    if isinstance(days, str) and re.fullmatch(r"\s*\d{1,9}(?:\.0+)?\s*", days):
        days = Decimal(days.strip())
    if isinstance(days, bool) or not isinstance(days, (int, float, Decimal)) or not math.isfinite(days) \
            or days != int(days) or not 0 <= days <= MAX_DURATION_DAYS:
        days = None
    return {"start_date": _contract_day(period.get("startDate")), "end_date": _contract_day(period.get("endDate")),
            "duration_days": int(days) if days is not None else None}


def _lot_period(lot: dict) -> dict:
    """``contract_start``, ``contract_end``, ``duration_days`` of a lot's own period (the lots extension's
    ``tender.lots[].contractPeriod``, which the converter declares, reference §6.2): as given (:func:`contract_period`),
    never the procedure's (``tender.contractPeriod``, on the notices) copied onto the lot."""
    period = contract_period(lot.get("contractPeriod"))
    return {"contract_start": period["start_date"], "contract_end": period["end_date"],
            "duration_days": period["duration_days"]}


def _award_period(awards) -> dict:
    """``contract_start``, ``contract_end``, ``duration_days`` of the awards of one lot's award row: the period they
    give (:func:`contract_period`) where they give one and the same, else None (winners of periods of their own)."""
    given = {tuple(period.items()) for award in awards
             for period in [contract_period(award.get("contractPeriod"))] if any(period.values())}
    period = dict(given.pop()) if len(given) == 1 else {}
    return {"contract_start": period.get("start_date"), "contract_end": period.get("end_date"),
            "duration_days": period.get("duration_days")}


def _publication(release: dict) -> int | None:
    """The TenderNed publication of a release: the digits before the converter's ``-<hash>`` in its id, or
    the notice URL in ``tender.documents``."""
    head = str(release.get("id") or "").split("-")[0]
    if head.isdigit() and len(head) <= 18:
        return int(head)
    for document in (release.get("tender") or {}).get("documents") or []:
        if isinstance(document, dict) and (m := NOTICE_URL.search(str(document.get("url") or ""))):
            return int(m.group(1)) if len(m.group(1)) <= 18 else None
    return None


#: release tags (OCDS codelist releaseTag) of a publication that gives an award or its contract
AWARD_TAGS = {"award", "awardUpdate", "awardCancellation", "contract", "contractUpdate", "contractAmendment"}


def _publications(releases: list[dict]) -> dict:
    """Each publication's own date (its earliest release's) and whether its releases give an award (their
    ``tag``): a later publication of the procedure (a rectification) is dated by its own releases, not the
    procedure's first."""
    dates: dict[str, str] = {}
    awards: set[str] = set()
    tagged: dict[str, set[str]] = {}
    statuses: dict[str, set[str]] = {}  # the awardStatus of each award a publication gives
    for release in releases:
        publication = _publication(release)
        day = _day(release.get("date"))
        if publication is None or not day:
            continue
        key = str(publication)
        dates[key] = min(dates.get(key, day), day)
        tags = release.get("tag")
        tags = {t for t in (tags if isinstance(tags, list) else [tags]) if isinstance(t, str)}
        if AWARD_TAGS & tags or release.get("awards"):
            awards.add(key)
        tagged.setdefault(key, set()).update(tags)
        for award in release.get("awards") or []:
            if isinstance(award, dict):
                statuses.setdefault(key, set()).add(str(award.get("status") or "").lower())
    # a publication whose releases only update an award (tag awardUpdate, no award of its own) corrects an
    # earlier one: a rectification, whose awards supersede the earlier awards of their lots (reference §4)
    # (so is one that only cancels an award, tag awardCancellation: it corrects the award notice, the lot now without
    # a winner; it was an award notice, "Gunning", of the award stage)
    # So is one whose every award is withdrawn (awardStatus cancelled: "the award has been cancelled", an award given
    # before), whatever its tag: TenderNed's converter tags each release "tender" plus "award" where it names a
    # supplier, so a withdrawal comes tagged "award". Within one package OCDS merging by award id already withdrew it;
    # from a later year's file the earlier file's award stood, current, its winner and value counted (a lot the package
    # closed, still with a winner). Not one of status unsuccessful alone: that is a lot awarded to nobody, no correction.
    # So is one that withdraws an award beside others it repeats or gives (mixed statuses: a 2026 file's release of a
    # whole publication gives the whole state, a1 active again and a2 cancelled): it corrects the award notice all the
    # same, and read from a later year's file its cancelled award's earlier version stayed current, as it did when only
    # a publication cancelling every award it gives was one. Decided from the publication's own releases, so two
    # yearly files in either order give what one file holding both gives.
    updates = sorted(key for key, tags in tagged.items()
                     if tags & {"awardUpdate", "awardCancellation"} and "award" not in tags
                     or "cancelled" in statuses.get(key, ()))
    # a publication whose releases amend a contract (tag contractAmendment) and give no award of their own: a
    # contract modification ("Wijziging van een gegunde opdracht", the API's AAW), not an award notice
    modifications = sorted(key for key, tags in tagged.items()
                           if "contractAmendment" in tags and not tags & {"award", "awardUpdate"})
    # a publication whose releases cancel the tender (tag tenderCancellation) and give no award: the procedure ended
    # early (the API's VBE)
    cancellations = sorted(key for key, tags in tagged.items() if "tenderCancellation" in tags and key not in awards)
    # a publication whose releases amend the tender (tag tenderAmendment, OCDS's "amendment to an existing tender")
    # or update it (tag tenderUpdate, "an update to an existing tender release": the contract notice corrected, OCDS's
    # commoner tag for it) and neither tender, award, update an award nor cancel: a rectification of the contract
    # notice (the API's REC of a contract notice), not an award notice where it repeats the awards given before (a
    # release giving the whole state), nor a publication of no type; one that tenders too is the contract notice
    amendments = sorted(key for key, tags in tagged.items()
                        if ("tenderAmendment" in tags or "tenderUpdate" in tags and "tender" not in tags)
                        and not tags & (AWARD_TAGS | {"tenderCancellation"}))
    # a publication whose releases only plan the procurement (tag planning or planningUpdate: OCDS's planning stage,
    # before a tender) is a prior information notice (the API's VAK, `vooraankondiging`), not a publication of no type
    plans = sorted(key for key, tags in tagged.items() if tags & {"planning", "planningUpdate"} and key not in awards
                   and not tags & {"tender", "tenderAmendment", "tenderUpdate", "tenderCancellation"})
    return {"publication_dates": dates, "award_publications": sorted(awards - set(amendments)),
            "update_publications": updates, "modification_publications": modifications,
            "cancellation_publications": cancellations, "amendment_publications": amendments,
            "planning_publications": plans}


def _amount(prefix: str, value) -> dict:
    """``{prefix}_cents/_raw/_currency/_placeholder`` of an OCDS ``Value`` (the same fields as the /html parser)."""
    if not isinstance(value, dict) or value.get("amount") is None:
        return amount_fields(prefix, None)
    number = value["amount"]
    # hasTax true: the amount includes VAT (btw), where the forms print values exclusive of it; kept as
    # given and said in the text, as the /html reader does for a value printed "Met BTW"; also where the package
    # writes it as text ("true", as a converter writing the Excel's cells may: the schema lets text through)
    raw = f"{number} incl. btw" if _with_tax(value) else str(number)
    return amount_fields(prefix, Amount(raw, _cents(number), _currency(value.get("currency"))))


def _roles(party: dict) -> set[str]:
    """A party's roles, in lower case: a list, or text as TenderNed's converter may write them ("buyer;supplier")."""
    roles = party.get("roles") if isinstance(party.get("roles"), list) else [party.get("roles")]
    return {part.strip().lower() for role in roles if role is not None for part in str(role).split(";")}


def _buyer(compiled: dict) -> dict:
    """The procedure's buyer (``id``, ``name``): the release's ``buyer``, its name (where the reference gives only the
    id, OCDS's OrganizationReference) from the party of that id; where the release has no ``buyer`` (an OCDS 1.1
    release may name it in ``parties`` alone), the party of the role "buyer" (the one that is not also a supplier
    where the converter gave a supplier the roles buyer;supplier, reference §6.3). {} when none is named."""
    parties = [p for p in compiled.get("parties") or [] if isinstance(p, dict)]
    buyer = dict(compiled["buyer"]) if isinstance(compiled.get("buyer"), dict) else {}
    if buyer.get("id") is None and not _text(buyer.get("name")):
        named = sorted((p for p in parties if "buyer" in _roles(p)), key=lambda p: "supplier" in _roles(p))
        buyer = {"id": named[0].get("id"), "name": named[0].get("name")} if named else {}
    if not _text(buyer.get("name")) and buyer.get("id") is not None:
        party = next((p for p in parties if str(p.get("id")) == str(buyer["id"])), {})
        buyer["name"] = party.get("name")
    return buyer


def _value_key(value) -> tuple | None:
    """What makes two OCDS ``Value`` objects the same value: the amount in cents (its text where it is no amount), the
    currency (none is the euro, as :attr:`Amount.foreign` reads it) and whether it includes VAT; None for no value."""
    if not isinstance(value, dict) or value.get("amount") is None:
        return None
    cents = _cents(value["amount"])
    return (cents if cents is not None else str(value["amount"]).strip(),
            _currency(value.get("currency")) or "EUR", _with_tax(value))


def _has_tax(value) -> int | None:
    """A ``Value``'s ``hasTax`` as stated: 1 (includes VAT), 0 (stated otherwise), None where it is left out (OCDS
    merging: it is then as an earlier release gave it) or there is no amount."""
    if not isinstance(value, dict) or value.get("amount") is None or value.get("hasTax") is None:
        return None
    return 1 if _with_tax(value) else 0


def _with_tax(value) -> bool:
    """True for a ``Value`` whose ``hasTax`` says it includes VAT (also written as text, "true")."""
    tax = value.get("hasTax") if isinstance(value, dict) else None
    return tax is True or isinstance(tax, str) and tax.strip().lower() in ("true", "1", "ja", "yes")


def _kvk(supplier_id: str, party: dict) -> str | None:
    """The winner's KvK number: the supplier id of TenderNed's converter (8 digits), an org-id "NL-KVK-<number>"
    (general OCDS practice, reference §6.3), or the party's ``identifier`` or one of its
    ``additionalIdentifiers`` in the KvK register's scheme ("NL-KVK"; a number whose leading zero a
    spreadsheet dropped is given it back there) or without a scheme. An id in another register's scheme (a
    VAT number, a Danish CVR number) is no KvK number, even of 8 digits. The converter's id is the Excel's
    KvK column or else the name (reference §6.3): a number of 7 digits, or one written as a spreadsheet's
    float ("41165432.0"), is a KvK number that lost its leading zero or gained a decimal on the way; one written
    with spaces or its label, or beside its labelled branch number, is that number (an id that is a name is none)."""
    if m := re.fullmatch(r"(\d{7,8})(?:\.0+)?", supplier_id.strip()):
        return m.group(1).zfill(8)
    if m := re.fullmatch(r"(?i)NL-KVK-(\d{1,8})", supplier_id.strip()):
        return m.group(1).zfill(8)
    if kvk := kvk_only(supplier_id):
        # the Excel's KvK cell as the buyer wrote it: "0123 4567", "KvK 01234567", the number beside its labelled
        # branch number; the /html and PDF readers read the same text as this number (names.kvk_number)
        return kvk
    identifiers = [party.get("identifier"), *(party.get("additionalIdentifiers") or [])]
    for identifier in identifiers:
        if not isinstance(identifier, dict) or identifier.get("id") is None:
            continue
        scheme, number = str(identifier.get("scheme") or "").strip().upper(), str(identifier["id"]).strip()
        if "KVK" in scheme and (m := re.fullmatch(r"(?i)(?:NL-KVK-)?(\d{1,8})", re.sub(r"[\s.]", "", number))):
            return m.group(1).zfill(8)
        if not scheme and (kvk := kvk_number(number)):
            return kvk
    return None


def _postcode(address: dict) -> str | None:
    """A party's ``address.postalCode`` as text (reference §6.3), a number written as one too; None for another shape."""
    code = address.get("postalCode")
    return _text(str(code)) if isinstance(code, (str, int)) and not isinstance(code, bool) else None


def _text(value) -> str | None:
    return value.strip()[:2000] or None if isinstance(value, str) else None


def _cents(number) -> int | None:
    """Cents of an OCDS amount: a JSON number, or a number written as text (a plain decimal "2300000.50", or
    printed as the forms do, "2.300.000,50"); None for text that is no amount and for one beyond what the
    archive holds (ocds_schema.MAX_AMOUNT bounds the numbers only)."""
    if isinstance(number, str):
        text = number.strip()
        cents = to_cents(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else parse_amount(text).cents
        return cents if cents is not None and abs(cents) <= MAX_AMOUNT * 100 else None
    return to_cents(number)


def _currency(code) -> str | None:
    """An OCDS currency as its ISO code: "eur" or " EUR" is the euro (a currency the archive did not know as
    the euro kept its amount out of every sum); a code not known is kept in capitals."""
    if not isinstance(code, str) or not code.strip():
        return None
    return currency_code(code) or code.strip().upper()


def _lot_groups_as_lots(releases: list[dict]) -> list[dict]:
    """The releases with each award's ``relatedLots`` naming a group of lots (the lots extension's
    ``tender.lotGroups``, eForms' "GLO-0001": reference §2.3, BT-13714 "het perceel of de groep percelen") given as
    the group's lots: an award of the group is one award of its lots together, its one value counted once, each lot
    awarded (as an award naming the lots themselves is). It was an award of a lot "GLO-0001" that the procedure does
    not have, its lots left not known to be awarded. A group no release describes stays as named."""
    groups: dict[str, list[str]] = {}
    for release in releases:
        for group in (release.get("tender") or {}).get("lotGroups") or []:
            if isinstance(group, dict) and group.get("id") is not None and group.get("relatedLots"):
                groups[str(group["id"])] = [str(x) for x in group["relatedLots"] if x is not None]
    if not groups:
        return list(releases)

    def expanded(award):
        if not isinstance(award, dict) or not any(str(x) in groups for x in award.get("relatedLots") or []):
            return award
        lots = [lot for x in award["relatedLots"] for lot in groups.get(str(x), [str(x)])]
        return {**award, "relatedLots": list(dict.fromkeys(lots))}
    return [dict(r, awards=[expanded(a) for a in r["awards"]]) if r.get("awards") else r for r in releases]


def _one_award_of_its_lots(releases: list[dict]) -> list[dict]:
    """The releases with an award id that one publication gives on each of several lots (the converter's one row per
    publication x lot x winner, reference §6.3: one award of a group of lots, its one value repeated on each lot's row,
    no ``tender.lotGroups`` describing the group) given as one award of those lots together, as an award naming them
    all (or a described group) is: an OCDS award id is one award of its contracting process, so its value is counted
    once and each of its lots is awarded. Each row but the last was dropped as the same award given again: lot 1 was
    left without its winner, not known to be awarded. Only where every row of the id gives the same value (or none);
    awards of distinct ids keep each lot's own value, however equal the amounts (reference §4: a total is never derived
    from the lots' values, nor theirs from it)."""
    lots: dict[tuple, list[str]] = {}
    values: dict[tuple, set] = {}
    for release in releases:
        for award in release.get("awards") or []:
            if isinstance(award, dict) and award.get("id") is not None and isinstance(award.get("relatedLots"), list):
                key = (_publication(release) or str(release.get("id")), str(award["id"]))
                lots.setdefault(key, [])
                lots[key] += [str(x) for x in award["relatedLots"] if x is not None and str(x) not in lots[key]]
                values.setdefault(key, set()).add(_value_key(award.get("value")))
    several = {key: related for key, related in lots.items()
               if len(related) > 1 and len(values[key] - {None}) <= 1}
    if not several:
        return list(releases)

    def joined(release, award):
        if not isinstance(award, dict) or award.get("id") is None or not isinstance(award.get("relatedLots"), list):
            return award
        key = (_publication(release) or str(release.get("id")), str(award["id"]))
        return {**award, "relatedLots": list(several[key])} if key in several else award
    return [dict(r, awards=[joined(r, a) for a in r["awards"]]) if r.get("awards") else r for r in releases]


def _lot_ids(award: dict) -> tuple[str, ...]:
    """The lots an award names (``relatedLots``, as text), or none where it names no list of lots."""
    lots = award.get("relatedLots")
    return tuple(str(x) for x in lots if x is not None) if isinstance(lots, list) else ()


def to_procedure(releases: list[dict], merger: Merger | None = None, source: str = "",
                 reasons: list[str] | None = None) -> dict:
    """Merge one ocid's releases and map them to notice / lots / awards / suppliers dicts."""
    merger = merger or Merger(merge_rules=MERGE_RULES)
    releases = sorted(_one_award_of_its_lots(_lot_groups_as_lots(releases)),
                      key=lambda r: (_day(r.get("date")) or "", str(r.get("date") or ""), str(r.get("id"))))
    # ocdsmerge orders the releases by their date text: given in the order read here (a date as the Excel writes
    # it, "23-11-2021", sorted before "2021-03-01" and made the older release's title and lots the current ones)
    compiled = merger.create_compiled_release([dict(r, date=f"{position:09d}") for position, r in enumerate(releases)])
    ocid = compiled["ocid"]
    tender = compiled.get("tender") or {}
    release_ids = [str(r.get("id")) for r in releases]
    publication_ids = sorted({m.group(1) for r in releases for d in (r.get("tender") or {}).get("documents") or []
                              if isinstance(d, dict) for m in [NOTICE_URL.search(str(d.get("url") or ""))] if m}
                             | {rid.split("-")[0] for rid in release_ids if rid.split("-")[0].isdigit()},
                             # in number order: as text "100001" came before "99999", the procedure's first
                             # publication (its estimate and counts, rows.ocds_results) another one
                             key=lambda pid: (len(pid.lstrip("0")), pid.lstrip("0")))
    provenance = {"source_file": Path(source).name if source else None, "ocid": ocid, "release_ids": release_ids}
    suffix = ocid[len(OCID_PREFIX):] if ocid.startswith(OCID_PREFIX) else None
    notice = {"ocid": ocid, "kenmerk": int(suffix) if suffix and suffix.isdigit() and len(suffix) <= 18 else None,
              "publication_ids": publication_ids, "title": tender.get("title"), "description": tender.get("description"),
              "buyer": _buyer(compiled).get("name"), "procedure": tender.get("procurementMethodDetails"),
              "framework": 1 if isinstance(tender.get("techniques"), dict)
              and tender["techniques"].get("hasFrameworkAgreement") is True else 0,
              # the nature as the API's notices give it (opdrachtAardCode): a framework agreement or a DAS
              **contract_nature(tender.get("techniques")),
              # the type of contract as the API's notices give it (typeOpdrachtCode): services D, goods L, works W
              **contract_type(tender.get("mainProcurementCategory")),
              # the contract's period as the package gives it (the latest release's: ocdsmerge), dates and length
              **contract_period(tender.get("contractPeriod")),
              "first_date": _day(releases[0].get("date")),
              "last_date": _day(releases[-1].get("date")),
              "cpv": [row["cpv"] for row in _release_cpvs(compiled)],
              **_amount("estimated", tender.get("value")), "youth_care_reasons": reasons or [],
              # the whole procedure stopped (tender status cancelled or unsuccessful)
              "stopped": str(tender.get("status") or "").lower() in NO_WINNER,
              **_publications(releases)}
    # one key per lot whatever the package calls it ("LOT-0001" in a file converted from eForms, "1"), the
    # key the API's notices give the same lot (names.lot_keys); the package's own id stays beside it
    keys = lot_keys(str(x) for r in releases for x in [
        *(lot.get("id") for lot in (r.get("tender") or {}).get("lots") or [] if isinstance(lot, dict)),
        *(lot for a in r.get("awards") or [] if isinstance(a, dict) for lot in a.get("relatedLots") or []),
        *(s.get("relatedLot") for s in (r.get("bids") or {}).get("statistics") or [] if isinstance(s, dict))]
        if x is not None)

    def key(lot_id) -> str:
        return keys.get(str(lot_id), str(lot_id))
    counts, money = _statistics(releases, key)
    tenderers = tender.get("numberOfTenderers")
    if not any("Inschrijvingen" in kinds for kinds in counts.values()) and isinstance(tenderers, int) \
            and not isinstance(tenderers, bool) and 0 <= tenderers < 2 ** 31:
        # OCDS's own field for the number of tenders, where no bid statistic gives it (TenderNed's converter
        # writes statistics, reference §6.3; another publisher of the same data may write this instead)
        counts.setdefault("", {})["Inschrijvingen"] = tenderers
    stats = {lot: kinds["Inschrijvingen"] for lot, kinds in counts.items() if "Inschrijvingen" in kinds}
    lots = {}
    for lot in tender.get("lots") or []:
        if isinstance(lot, dict) and lot.get("id") is not None:
            # awarded: 1 with a winner, 0 when the package says no winner (an unsuccessful or cancelled lot or
            # award), None when it does not say: a lot of a release without awards (the tender, or an award
            # published in another package) is not "not awarded"
            closed = str(lot.get("status") or "").lower() in NO_WINNER
            lots[key(lot["id"])] = {"lot_id": key(lot["id"]), "source_lot_id": str(lot["id"]), "title": lot.get("title"),
                                    "awarded": 0 if closed else None,
                                    # why no winner, as the package says it (lot or award statusDetails)
                                    "not_awarded_reason": _text(lot.get("statusDetails")) if closed else None,
                                    "tenders_received": stats.get(key(lot["id"])),
                                    # the lot's own contract period (per perceel), where the package gives one
                                    **_lot_period(lot),
                                    **_amount("estimated", lot.get("value"))}
    parties = {str(p.get("id")): p for p in compiled.get("parties") or [] if isinstance(p, dict)}

    printed = {}
    for source_id, lot_key in keys.items():
        printed.setdefault(lot_key, source_id)

    def lot_of(lot_id: str) -> dict:
        return lots.setdefault(lot_id, {"lot_id": lot_id, "source_lot_id": printed.get(lot_id, lot_id),
                                        "title": None, "awarded": None,
                                        "tenders_received": stats.get(lot_id), **_amount("estimated", None)})

    # One award (id and suppliers) given by several releases (a publication and its rectification) is
    # the latest release's: its value and date are the current ones (reference §4, §8.6); it keeps the
    # place where it first appeared. Releases are in date order.
    latest: dict[tuple, tuple[dict, dict, tuple]] = {}
    seen: dict[str, dict] = {}  # each award id as its releases so far give it
    seen_in: dict[str, object] = {}  # the publication of the release that gave it last
    # a contract modification or a tender amendment repeating an award given before is no award of its own
    modifications = set(notice["modification_publications"]) | set(notice["amendment_publications"])
    # each award as each publication gave it (its state after that publication's releases), in release order
    versions: dict[tuple, tuple[dict, dict, tuple]] = {}
    # the publication of the latest release giving each award id, and each award id on each of its lots (in release
    # order: read off ``latest``'s keys, whose order is where a key first appeared, a rectification of the first
    # winner's row of a1 was taken for older than the second winner's row it replaces)
    given_last: dict[str, object] = {}
    on_lots: dict[str, dict[tuple, tuple[int, object]]] = {}  # each award id's lots: (position, publication) last given
    positions = {id(release): n for n, release in enumerate(releases)}  # the releases in order
    for release in releases:
        modification = str(_publication(release)) in modifications
        for award in release.get("awards") or []:
            if not isinstance(award, dict):
                continue
            if modification and str(award.get("id")) in seen:
                # a contract modification repeating the award it modifies (a release giving the whole state): the
                # award stays the award notice's, its value and date (the modified contract's value, the
                # modification's day, are no award's), as the API's modification of an awarded lot is no award
                continue
            # the lots the award is given on (one award id a publication gives on each of several lots with a value
            # of its own: each lot's award, not the last lot's alone)
            own_lots = _lot_ids(award)
            if award.get("id") is not None:
                # a release with only some of an award's fields (an update giving its new value alone): what it
                # leaves out is as the earlier releases gave it (OCDS merging), not gone; the award, suppliers
                # and lots, was dropped as naming no winner
                earlier = seen.get(str(award["id"]))
                if earlier is not None:
                    value = award.get("value")
                    # an object field merges with the earlier one's, as OCDS merging does: an update giving the value's
                    # new amount alone keeps its currency and VAT basis (900.000 pounds updated to 950.000 became
                    # 950.000 euros, counted in the euro totals)
                    award = {**earlier, **{k: {**earlier[k], **{kk: vv for kk, vv in v.items() if vv is not None}}
                                           if isinstance(v, dict) and isinstance(earlier.get(k), dict) else v
                                           for k, v in award.items() if v is not None}}
                    if _publication(release) is not None and _publication(release) == seen_in.get(str(award["id"])) \
                            and _with_tax(value) and (not own_lots or own_lots == _lot_ids(earlier)) \
                            and isinstance(earlier.get("value"), dict) and earlier["value"].get("amount") is not None \
                            and not _with_tax(earlier["value"]):
                        # one publication giving the award's value twice, exclusive and inclusive of VAT (hasTax):
                        # the archive's values are exclusive of it, as the /html and PDF readers keep (amounts.
                        # excl_vat_first); a later publication's value (a correction) is the current one as before
                        award["value"] = earlier["value"]
                seen[str(award["id"])] = award
                seen_in[str(award["id"])] = _publication(release)
            names = tuple((str(s.get("id")), s.get("name")) for s in award.get("suppliers") or [] if isinstance(s, dict))
            # keyed by its lots too: the same award id given by one publication on lot 1 with € 1.000.000 and on lot 2
            # with € 400.000 (values of their own, so no one award of the lots together: _one_award_of_its_lots) is an
            # award of each lot with its own value; keyed by id and winners alone, lot 2's replaced lot 1's (OCDS
            # merging by id), lot 1 left without its winner and its value out of the totals. A later publication
            # giving the id on a lot replaces that lot's award (``in_force``), winners and all
            # (as merged: a release leaving relatedLots out gives the award's earlier lots)
            merged_lots = _lot_ids(award)
            latest[(str(award.get("id")), names, merged_lots)] = (release, award, names)
            given_last[str(award.get("id"))] = _publication(release) or str(release.get("id"))
            on_lots.setdefault(str(award.get("id")), {})[merged_lots] = (positions[id(release)],
                                                                         given_last[str(award.get("id"))])
            versions[(_publication(release) or str(release.get("id")), str(award.get("id")), names)] = (
                release, award, names)
    # Within one publication an award id repeated with other suppliers is one award's further winners (one
    # row per winner); a later publication that gives the award id again replaces it, winners and all
    # (the OCDS way to correct an award: reference §4 "Rectified award").
    # A later publication giving the id on any of an award's lots (or on no lot) replaces it; one giving it on other
    # lots alone (an update of lot 1's award a1, where a1 was lot 1's and lot 2's with values of their own) leaves it
    # in force, as two yearly files holding the two publications give it (store.writes)

    def in_force(key, entry) -> bool:
        own, publication = positions[id(entry[0])], _publication(entry[0]) or str(entry[0].get("id"))
        return not any(position > own and later != publication and (not key[2] or not lots or set(key[2]) & set(lots))
                       for lots, (position, later) in on_lots[key[0]].items())
    latest = {key: entry for key, entry in latest.items() if in_force(key, entry)}
    entries = [(None, entry) for entry in latest.values()]
    # A publication that only updates awards (tag awardUpdate: a rectification) gives the awards that changed; OCDS
    # merges awards by id, so a lot's other awards stay in force as the earlier publications left them. Its award of
    # the lot is the lot's awards in force after it (it held the updated award alone and put the lot's other winners
    # out of currency: reference §4 "Rectified award", the current winners are those of the latest version); the
    # award an earlier publication gave of the lot stays as that publication gave it (its history, superseded), as
    # a yearly file holding that publication alone gives it.
    updates = set(notice["update_publications"])
    order: dict[str, int] = {}
    for release in releases:
        order.setdefault(str(_publication(release) or release.get("id")), len(order))
    given = {(str(p), aid, names): entry for (p, aid, names), entry in versions.items()}

    def lots_of(award) -> list:
        return [key(x) for x in award.get("relatedLots") or []] or (
            [next(iter(lots))] if len(lots) == 1 else [] if lots else ["1"])

    by_update: dict[str, set] = {}
    for update in sorted({p for p, _, _ in given if p in updates}, key=order.__getitem__):
        own = [(aid, entry) for (p, aid, _), entry in given.items() if p == update]
        earlier = {aid for p, aid, _ in given if order[p] < order[update]}
        # the lots whose awards it updates, each an award given before: a lot it gives under an award id of its own (a
        # converter's id carries the supplier, so another winner is a new id) is given anew, its earlier winners gone
        by_update[update] = {lot for _, (_, award, _) in own for lot in lots_of(award)} - {
            lot for aid, (_, award, _) in own if aid not in earlier for lot in lots_of(award)}
        for lots_before in by_update.values():
            # (only the lot's last update holds its other awards: an earlier one's award is superseded by it, and the
            # lot's winners are not written once per update)
            if lots_before is not by_update[update]:
                lots_before -= by_update[update]
    for update, touched in by_update.items():
        if not touched:
            continue
        own = [(aid, entry) for (p, aid, _), entry in given.items() if p == update]
        # each other award as the last publication before this one giving it left it
        last: dict[str, str] = {}
        own_ids = {a for a, _ in own}
        for p, aid, _ in given:
            if order[p] < order[update] and aid not in own_ids:
                last[aid] = max(last.get(aid, p), p, key=order.__getitem__)
        for (p, aid, names), (release, award, _) in given.items():
            related = lots_of(award)
            # (an award a later publication gives again is that publication's, not held here too)
            if last.get(aid) == p == str(given_last.get(aid)) and names \
                    and str(award.get("status") or "").lower() not in NO_WINNER | NOT_YET \
                    and len(related) == 1 and related[0] in touched:
                entries.append((int(update) if update.isdigit() else update, (release, award, names)))
    for (p, aid, names), entry in given.items():
        if str(given_last.get(aid)) in updates and p != str(given_last[aid]):
            # an earlier publication's version of an award an update gives again, in that publication's award of the
            # lot where it has one (it lost the updated winner)
            entries.append((p, entry))
    joins = len(latest)  # the entries after these join an award of their lot and publication, none of their own
    # The awards of one lot in one publication are one award with its winners, as the /html reader gives
    # them: TenderNed's converter writes one release (and award) per publication x lot x winner, each
    # repeating the lot's value, so an award per OCDS award would count that value once per winner.
    groups: dict[tuple, list[tuple[dict, dict, tuple]]] = {}
    held: dict[tuple, set[tuple]] = {}  # each group's award versions: (release, award id, winners), looked up at once
    together: set[str] = set()  # the lot ids of awards of several lots ("1, 2")
    for position, (carried_to, (release, award, names)) in enumerate(entries):
        if position >= joins:
            carried_to = int(carried_to) if str(carried_to).isdigit() else carried_to
            if not names or str(award.get("status") or "").lower() in NO_WINNER | NOT_YET or \
                    len(lots_of(award)) != 1 or (lots_of(award)[0], carried_to) not in groups:
                continue
            if (id(release), str(award.get("id")), names) in held.get((lots_of(award)[0], carried_to), ()):
                # the very award version the group already holds (an update that moved the award to another lot
                # leaves its earlier lot's award in force there, and gives it again as the version it updates):
                # joined once more, its winners were counted twice (winner_count 2 for one winner)
                continue
        related = [key(x) for x in award.get("relatedLots") or []]
        if not related:
            # no relatedLots: the award of a single-lot procedure, or of no lot we can name in one of several
            related = [next(iter(lots))] if len(lots) == 1 else ([None] if lots else ["1"])
        closed = str(award.get("status") or "").lower() in NO_WINNER
        if str(award.get("status") or "").lower() in NOT_YET:
            continue  # proposed, not in force: no winner, no value, its lot not awarded yet (nor closed)
        tags = release.get("tag") if isinstance(release.get("tag"), list) else [release.get("tag")]
        if not names and not closed and (str(award.get("status") or "").lower() == "active" or (
                award.get("status") is None and "awardUpdate" in tags)):
            # an award in force naming no supplier (a later package's release making an earlier one's pending award
            # active, giving its status and value alone; a withheld winner): its lot is awarded and its value
            # kept, an award without a winner's name, as the /html reader keeps a winner block without a name
            # (store.writes.write_ocds_procedure gives it the winner another package's award of its id named).
            # So is an update (tag awardUpdate) of an award another package gave, its new value alone: the status it
            # leaves out is as the earlier release gave it (OCDS merging); it was dropped, the correction lost
            pass
        elif not names or closed:
            # an award naming no supplier is no winner; an unsuccessful or cancelled one (an awardCancellation
            # release repeats the award, suppliers and all, with status cancelled) closes its lots
            if closed:
                for lot_id in related:
                    if lot_id is not None and lot_of(lot_id)["awarded"] != 1:
                        lot_of(lot_id)["awarded"] = 0
                        lot_of(lot_id)["not_awarded_reason"] = (lot_of(lot_id).get("not_awarded_reason")
                                                                or _text(award.get("statusDetails")))
            continue
        publication = _publication(release) if carried_to is None else carried_to
        if len(related) > 1:
            # one award of several lots together (a group of lots): its winners won each lot, but its one
            # value is counted once, on an award of the lots together ("1, 2"), not once per lot
            for lot_id in related:
                lot_of(lot_id)["awarded"] = 1
            related = [", ".join(related)]
            together.add(related[0])
        for lot_id in related:
            groups.setdefault((lot_id, publication), []).append((release, award, names))
            held.setdefault((lot_id, publication), set()).add((id(release), str(award.get("id")), names))
    # the contracts' signing dates by the award they carry out (``contracts[].awardID``, a contract release)
    contract_dates: dict[str, list[str]] = {}
    for release in releases:
        for contract in release.get("contracts") or []:
            if isinstance(contract, dict) and contract.get("awardID") is not None and _day(contract.get("dateSigned")):
                contract_dates.setdefault(str(contract["awardID"]), []).append(_day(contract["dateSigned"]))
    awards, suppliers = [], []
    buyer = _buyer(compiled)
    # the buyer's KvK number: a winner of its name but another number is a namesake, not the buyer
    buyer_kvk = _kvk(str(buyer["id"]), parties.get(str(buyer["id"])) or {}) if buyer.get("id") is not None else None
    for (lot_id, publication), members in groups.items():
        if lot_id is not None and lot_id not in together:
            lot_of(lot_id)["awarded"] = 1
        values = [award.get("value") if isinstance(award.get("value"), dict) and
                  award["value"].get("amount") is not None else None for _, award, _ in members]
        # one value when every winner's row gives the same amount, currency and VAT basis: as JSON text, 900000 and
        # 900000.0, or "hasTax": false and no hasTax, were different values and the lot's award lost its value
        shared = len({_value_key(v) for v in values}) == 1
        release, first, _ = members[0]
        index = len(awards)
        # the award's own date (OCDS: the decision to award); the release's (its publication) only where no
        # award of the group has one: a winner's row without it made the publication day the award date
        dates = [_day(a.get("date")) for _, a, _ in members if _day(a.get("date"))] or \
            [_day(r.get("date")) or "" for r, _, _ in members]
        signed = [day for _, a, _ in members for day in contract_dates.get(str(a.get("id")), [])]
        awards.append({"lot_id": lot_id, "award_index": index, "award_id": str(first.get("id")),
                       # every award id of the group, in order (the row is named by the first)
                       "award_ids": list(dict.fromkeys(str(a.get("id")) for _, a, _ in members)),
                       # the lot as the package names it ("LOT-0001"; "1, 2" for lots together)
                       "source_lot_id": ", ".join(str(x) for x in first.get("relatedLots") or []) or (
                           printed.get(lot_id, lot_id) if lot_id is not None else None),
                       "release_id": str(release.get("id")), "publication_id": publication,
                       "award_date": max(dates) or None, "contract_date": max(signed) if signed else None,
                       # one value for the lot (one award, or every winner's row repeating it); winners of
                       # their own values keep them on their rows and the award has none (as /html)
                       **_amount("value", values[0] if shared else None),
                       # whether that value stated its VAT basis (hasTax), as the text alone does not say
                       "value_has_tax": _has_tax(values[0]) if shared else None,
                       "tenders_received": stats.get(lot_id) or stats.get(""),
                       "winner_count": sum(len(names) for _, _, names in members),
                       # the award's own contract period (OCDS awards[].contractPeriod): where its winners' awards
                       # give one period; never the procedure's (tender.contractPeriod, on the notices) copied here
                       **_award_period(a for _, a, _ in members)})
        if {str(a.get("id")) for _, a, names in members if not names} and len(awards[-1]["award_ids"]) > 1:
            # award ids of the lot naming no supplier beside others (an update giving each its new amount alone, or one
            # of them beside a new award id with its winner): each such id's own value, so that its winner another
            # file's award of that id named keeps it (store.writes)
            awards[-1]["award_values"] = {str(a.get("id")): {part.removeprefix("value_"): v
                                                             for part, v in _amount("value", value).items()}
                                          for (_, a, names), value in zip(members, values) if not names}
        # the suppliers of each award id of the group: the converter's rows (one release per publication x lot x winner,
        # reference §6.3) give one award's suppliers each on a row of its own, repeating the award's value: one award of
        # several suppliers, a group (§4 "Consortium"), as one award object listing them all gives it
        # (an award without an id is an award of its own)
        by_id: dict[str, list] = {}
        values_of_id: dict[str, set] = {}  # (an id whose rows give their suppliers values of their own: no joint value)
        for (_, award, names), value in zip(members, values):
            if award.get("id") is not None:
                suppliers_of = by_id.setdefault(str(award["id"]), [])
                suppliers_of += [n for n in names if n not in suppliers_of]
                values_of_id.setdefault(str(award["id"]), set()).add(_value_key(value))
        # the lot's one award (one award id, however many rows repeat it) with its value: the value of its winner's
        # tender (or its group's), on the winner's row as well as on the award, as the /html gives the lot's only
        # winner block's "Waarde van de aanbesteding" (reference §2.5, §4); the row had none, the /html's had it
        alone = shared and len(awards[-1]["award_ids"]) == 1 and values[0] is not None
        for (_, award, names), value in zip(members, values):
            group = (by_id.get(str(award["id"])) if award.get("id") is not None else None) or list(names)
            # each winner's own award and signing dates (reference §8.4); where no award of the lot gives a date, the
            # publication's day as for the award, never another winner's date
            own_signed = contract_dates.get(str(award.get("id"))) or []
            own_dates = {"award_date": _day(award.get("date")) or (
                             None if any(_day(a.get("date")) for _, a, _ in members) else awards[-1]["award_date"]),
                         "contract_date": max(own_signed) if own_signed else None}
            for sid, sname in names:
                party = parties.get(sid) or {}
                kvk = _kvk(sid, party)
                address = party.get("address") or {}
                if kvk and foreign_country(address.get("countryName")):
                    kvk = None  # reference §4: a foreign winner's 8-digit id (a Danish CVR number) is no KvK number
                suppliers.append({"lot_id": lot_id, "award_index": index, "name": sname or party.get("name"),
                                  # the package's id of the winner: a winner named by it alone, its party in an
                                  # earlier file, is named by that party (store.writes.write_ocds_procedure)
                                  "party_id": sid,
                                  "name_key": name_key(sname or party.get("name")), "kvk": kvk,
                                  "place": address.get("locality"), "country": address.get("countryName"),
                                  # its postcode as the package gives it (reference §6.3 address.postalCode)
                                  "postcode": _postcode(address),
                                  # and its street (address.streetAddress), text alone
                                  "street": _text(address.get("streetAddress")),
                                  "group_member": 1 if len(group) > 1 else 0,
                                  "group_name": " / ".join(n for _, n in group if n) if len(group) > 1 else None,
                                  "scale": (party.get("details") or {}).get("scale"), **own_dates,
                                  # a buyer given as the supplier ("due to a quality issue", reference §6.3: the
                                  # converter gives the party the roles buyer;supplier): kept, and flagged
                                  "is_buyer": buyer_as_supplier(sname or party.get("name"), buyer.get("name"), [
                                      *(party["roles"] if isinstance(party.get("roles"), list) else [party.get("roles")]),
                                      *(["buyer"] if buyer.get("id") is not None and str(buyer["id"]) == sid else [])],
                                      kvk=kvk, buyer_kvk=buyer_kvk),
                                  # a consortium's value (one award of several suppliers, beside other winners of
                                  # their own values) is the group's, not its first member's own tender (reference
                                  # §3.1, §4 "Consortium"): on each member's row, marked joint, counted once
                                  **_amount("tender_value", value if not shared or alone else None),
                                  # whether that value stated its VAT basis (hasTax), as awards.value_has_tax
                                  "tender_value_has_tax": _has_tax(value) if not shared or alone else None,
                                  "tender_value_of_group": 1 if (not shared or alone) and len(group) > 1
                                  and value is not None
                                  and len(values_of_id.get(str(award.get("id")), ())) <= 1 else None})
    # a group of lots no release describes (relatedLots "GLO-0001" without tender.lotGroups) is never a lot: its
    # award stays the group's, as named, but no lot "GLO-0001" is made beside the procedure's lots (as the /html)
    declared = {key(lot["id"]) for lot in tender.get("lots") or [] if isinstance(lot, dict) and lot.get("id") is not None}
    for lot_id in [lot_id for lot_id in lots if lot_id not in declared and re.fullmatch(r"(?i)GLO-\w+", lot_id)]:
        del lots[lot_id]
    if notice["stopped"]:
        # the whole procedure stopped (tender status cancelled or unsuccessful; the API's VBE, reference §4): a
        # lot without a winner is not awarded, for the reason the package gives; it was "not known yet"
        for lot in (list(lots.values()) or [lot_of("1")]):
            if lot["awarded"] is None:
                lot["awarded"] = 0
                lot["not_awarded_reason"] = lot.get("not_awarded_reason") or _text(tender.get("statusDetails"))
    if len(lots) == 1 and next(iter(lots.values()))["estimated_cents"] is None:
        # the procedure's estimate (tender.value) is its single lot's: it is stored nowhere else for a
        # procedure known only from a package
        lot = next(iter(lots.values()))
        if lot.get("estimated_raw") is None:
            lot.update(_amount("estimated", tender.get("value")))
    for lot_id, lot in lots.items():
        # a statistic that names no lot belongs to a lot only when the procedure has one
        own_counts = counts.get(lot_id) or (counts.get("") if len(lots) == 1 else None) or {}
        own_money = money.get(lot_id) or (money.get("") if len(lots) == 1 else None) or {}
        lot["received_counts"] = json.dumps(own_counts, ensure_ascii=False) if own_counts else None
        lot["tenders_received"] = own_counts.get("Inschrijvingen", lot["tenders_received"])
        for prefix in ("lowest_tender", "highest_tender"):
            lot.update(_amount(prefix, own_money.get(prefix)))
    return {"notice": notice, "lots": list(lots.values()), "awards": awards, "suppliers": suppliers,
            "parties": _winner_parties(releases), "provenance": provenance}


def _winner_parties(releases: list[dict]) -> list[dict]:
    """The parties of the releases that are winners or may become them (role supplier or tenderer, or named in an
    award's ``suppliers``, a pending award's too), as the latest release naming each gives it, with that release's
    id: the archive keeps them (``ocds_parties``) so that a later file's award naming a winner by its id alone (its
    party only in this file, read in an earlier crawl) keeps the winner's name (reference §6.3)."""
    named: dict[str, set[str]] = {}  # each supplier id: the ids of the awards naming it (a pending one's too)
    for release in releases:
        for award in release.get("awards") or []:
            if isinstance(award, dict):
                for s in award.get("suppliers") or []:
                    if isinstance(s, dict) and s.get("id") is not None:
                        named.setdefault(str(s["id"]), set()).update([str(award["id"])] if award.get("id") is not None
                                                                     else [])
    out: dict[str, dict] = {}
    for release in releases:  # in date order: the latest release's party stands
        for party in release.get("parties") or []:
            if not isinstance(party, dict) or party.get("id") is None or not _text(party.get("name")):
                continue
            sid = str(party["id"])
            if sid not in named and not _roles(party) & {"supplier", "tenderer"}:
                continue
            address = party.get("address") if isinstance(party.get("address"), dict) else {}
            kvk = _kvk(sid, party)
            if kvk and foreign_country(address.get("countryName")):
                kvk = None
            out[sid] = {"party_id": sid, "name": _text(party.get("name")), "kvk": kvk,
                        "place": address.get("locality"), "country": address.get("countryName"),
                        "postcode": _postcode(address), "street": _text(address.get("streetAddress")),
                        "scale": (party.get("details") or {}).get("scale") if isinstance(party.get("details"), dict)
                        else None, "release_id": str(release.get("id")), "award_ids": sorted(named.get(sid, ()))}
    return list(out.values())


#: ``bids.statistics`` measures of TenderNed's converter: counts under the names the ``/html`` parsers
#: give the same counts (``received_counts``), and the lowest/highest valid bid as lot amounts.
COUNT_MEASURES = {"requests": "Inschrijvingen", "electronicBids": "Elektronisch ingediende inschrijvingen"}
VALUE_MEASURES = {"lowestValidBidValue": "lowest_tender", "highestValidBidValue": "highest_tender"}


def _statistics(releases: list[dict], key=str) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, dict]]]:
    """The bid statistics of a procedure's releases, per ``relatedLot`` (its ``key``; "" when none is named):
    counts (whole numbers only) and lowest/highest valid bid values (OCDS ``Value`` dicts)."""
    counts: dict[str, dict[str, int]] = {}
    money: dict[str, dict[str, dict]] = {}
    for release in releases:
        # the converter's release (id "<publication>-<row hash>") is one publication x lot x winner (reference
        # §6.3), its lowest and highest bid ("1", "2") naming no lot where its counts ("3-<lot>") do: a statistic
        # naming no lot is the lot of such a release's awards when they are of one lot (it was no lot's in a
        # procedure of several, and lost). A release of a whole publication (an all-digit id, the 2026 files)
        # may hold other lots' rows: its statistic naming no lot stays no lot's there
        own = {str(x) for a in release.get("awards") or [] if isinstance(a, dict)
               for x in (a.get("relatedLots") if isinstance(a.get("relatedLots"), list) else [])}
        per_row = re.fullmatch(r"\d+-\S+", str(release.get("id") or "")) is not None
        default = key(next(iter(own))) if per_row and len(own) == 1 else ""
        for stat in (release.get("bids") or {}).get("statistics") or []:
            if not isinstance(stat, dict):
                continue
            measure, value = stat.get("measure"), stat.get("value")
            lot = key(stat["relatedLot"]) if stat.get("relatedLot") else default
            if isinstance(value, str):  # a number written as text
                cents = _cents(value)
                value = None if cents is None else Decimal(cents) / 100
            if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)) or not math.isfinite(value):
                continue
            if measure in COUNT_MEASURES and value == int(value) and 0 <= value < 2 ** 31:
                counts.setdefault(lot, {})[COUNT_MEASURES[measure]] = int(value)
            elif measure in VALUE_MEASURES:
                money.setdefault(lot, {})[VALUE_MEASURES[measure]] = {"amount": value, "currency": stat.get("currency")}
    return counts, money
