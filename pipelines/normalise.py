"""Normalise: turn a TenderNed detail record (plus its list row and documents)
into archive rows.

- ids have one type (integers), whatever the endpoint sent (string in lists,
  number in details);
- dates are ISO 8601 in Europe/Amsterdam time (naive timestamps read as such, others
  converted: the first ten characters are the Amsterdam day); ``published`` is
  the local publication date, ``year``/``year_month`` are kept for facets;
- the detail's ``sluitingsDatum`` is the deadline (the list keeps the original
  one, stored as ``deadline_list``, and is the deadline when the detail has
  none); placeholder years ≥ 2090 become NULL with
  ``deadline_placeholder = 1``; so for a market consultation's
  ``sluitingsDatumMarktconsultatie`` (the list's stored as ``consultation_deadline_list``;
  ``consultation_deadline_placeholder = 1``). A placeholder is "no date" said, not a value left
  out: it replaces an archived date (the record's ``placeholders``, store/writes.py keep_omitted); the contract's
  start and end (``aanvangOpdrachtDatum``, ``voltooiingOpdrachtDatum``) follow the same rule (NULL, said);
- text loses HTML tags, entities and NBSPs; a detail without a title takes its list row's; so does one without
  its description (the list's shorter text, stored as ``description_list`` too);
- ``{code, omschrijving}`` objects become a code and a label column;
- CPV codes are kept in one form, with their check digit (``85311300 - 5`` → ``85311300-5``;
  a missing digit only where the shipped profiles document it: ``values.cpv_parts``), as 8 digits,
  and as TenderNed sent them (``cpv_raw``);
- the notice PDF, each document's download and the zip of all documents come from the
  record's links, else from the documented endpoints (``/pdf``,
  ``/documenten/{documentId}/content``, ``/documenten/zip``);
- volatile counters (days until the deadline) are not archived at all, so they
  can never count as a change;
- a field of the wrong shape (a list where an object belongs, a number out of range)
  costs the record, never the crawl: the value helpers raise ``ValueError`` and the
  item is dropped with a message naming the publication, which the crawl records
  (partial) so the next run fetches it again. An unreadable date in one of the
  optional date fields (``values.OPTIONAL_DATES``: ``"n.v.t."``, an impossible day), or a
  yes/no that is none (``"onbekend"``), costs only that field: it is read as omitted (an
  archived value is kept), and the spider records it, so the crawl is partial;
  ``omitted_columns`` marks it ``"COLUMN (unreadable)"`` (:func:`unreadable_columns`), which
  is no sparse answer to ask again (TenderNed would send the same). So is an informative detail field of no
  shape (:data:`INFORMATIVE_FIELDS`: ``looptijdCode`` as a list, ``publicatiePdfId`` or
  ``publicatieIDLaatsteRectificatie`` as ``"n.v.t."``), and
  ``trefwoord1`` … ``trefwoord10`` sent with none of them text, which cost that field alone and are not recorded.
- the detail fields award data needs are kept too: ``onlyGunningProcedure``
  (``award_only``), ``urlTsenderWebsite``, ``trefwoord1..10`` (``keywords``, JSON),
  ``looptijdCode``, ``formType``, ``aanbestedingStatus``, ``afgerondeAanbesteding``,
  ``pbNummerTed`` and the NUTS labels (docs/reference/tenderned-api.md §4); ``publicatiePdfId`` is
  ``pdf_id``.
- the list row's ``publicatiestatus`` (§3, §7.3: ``PUB`` Gepubliceerd, the only documented value) is
  ``publication_status`` and its label, whatever its code: a notice listed under another status
  (withdrawn, corrected) is archived with the status TenderNed gives it, never dropped (the spider
  logs and counts such codes: :func:`publication_status`); one of another shape (a list, a number
  that is no code) is no status, the notice kept. A re-check has no list row: the archived status
  stays.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import DropItem

from tenderarchive import TENDERNED_API_PATH as API_PATH  # a record without a link: the documented endpoint
from tenderarchive import values
from tenderarchive.items import NoticeItem
from tenderarchive.urls import http_url
from tenderarchive.store.keys import dumps
from tenderarchive.values import (amsterdam, contract_day, cpv_parts, deadline, flag, iso, local_date,
                                  parse_timestamp, readable_timestamp, text_value, to_int)

#: What ``values.clean_field`` would change in a text: markup and entities, NBSP and zero-width
#: spaces, invisible characters, Unicode hyphens, line breaks, tabs and other ASCII spacing and C0 controls (a NUL), runs of spaces, lone
#: surrogates (and a text not composed: :func:`clean_field`).
_NEEDS_CLEANING = re.compile("[<&\u00a0\u00ad\u200b\u2010\u2011\u2060\ufeff\x00-\x1f\x7f\ud800-\udfff]|  ")


def clean_field(value) -> str | None:
    """``tenderarchive.values.clean_field``, faster (issue 14: a tenth of a reparse's pipelines):
    a text with nothing to clean (:data:`_NEEDS_CLEANING`, no space at either end, composed) is returned as
    it is, which is what ``values.clean_field`` returns for it; other texts are cleaned once and
    remembered (labels, buyer names and a procedure's descriptions repeat across notices).
    ``tests/pipelines/test_normalise.py`` checks it against ``values.clean_field``."""
    if type(value) is not str:
        return values.clean_field(value)
    if not _NEEDS_CLEANING.search(value) and value == value.strip() and unicodedata.is_normalized("NFC", value):
        return value or None
    return _clean_text(value)


@lru_cache(maxsize=2048)
def _clean_text(value: str) -> str | None:
    return values.clean_field(value)


_PLAIN_PATH = re.compile(r"/[A-Za-z0-9._~/-]*")


@lru_cache(maxsize=8)
def _origin(site_url: str) -> str | None:
    parts = urlsplit(site_url + "/")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def site_link(site_url: str, href: str) -> str:
    """``urljoin(site_url + "/", href)``: for a plain absolute path (TenderNed's links: no dot
    segments, no empty segments, no query) the site's origin and the path, which is what
    ``urljoin`` gives for it (it took a fifth of normalising a notice, issue 14)."""
    origin = _origin(site_url)
    if origin and _PLAIN_PATH.fullmatch(href) and "/." not in href and "//" not in href:
        return origin + href
    return urljoin(site_url + "/", href)


def informative_code(value) -> tuple[str | None, str | None]:
    """:func:`code_label` of a field only informative (``digitaalInschrijvenCode``): one of no shape (a list, a
    code that is an object) costs that field, not the notice."""
    try:
        return code_label(value)
    except (TypeError, ValueError):
        return None, None


def text_or_label(value) -> str | None:
    """A documented string field as text, also when it comes as a ``{code, omschrijving}`` object (its label, else
    its code); a yes/no or a list, no text, is None (``afwijkendReglement``: "string", reference §4, [M])."""
    if isinstance(value, dict):
        code, label = code_label(value)
        return label or code
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return clean_field(value)
    return None


def readable_text(value) -> str | None:
    """:func:`first_text` of one candidate, None where it does not read (no text shape: the other candidate, or the
    error of :func:`first_text` over both, decides)."""
    try:
        return first_text(value)
    except ValueError:
        return None


def first_text(*candidates) -> str | None:
    """The first of a field's candidates (the detail's, then its list row's: docs/reference/tenderned-api.md §3, §4)
    that reads as a text. One of no shape (an object ``{"nl": …}``, a list, a yes/no: §13, fields change shape) is
    passed over for the next; only when none reads is it an error (``ValueError``: the record is dropped, saying what
    came), as it was for the detail's alone, which dropped the notice though its list row gave the field readably."""
    drifted = None
    for value in candidates:
        if isinstance(value, bool) or (value is not None and not isinstance(value, (str, int, float))):
            drifted = value if drifted is None else drifted
            continue
        text = clean_field(value)
        if text:
            return text
    if drifted is not None:
        raise ValueError(f"expected text, got {type(drifted).__name__} {drifted!r:.60}")
    return None


def first_kenmerk(detail_value, row_value) -> int | None:
    """The detail's ``kenmerk`` (§4), else the list row's (§3): a detail's of no shape (an object, a list, a yes/no:
    §13) gives way to a readable list row's instead of dropping the notice; ValueError only when neither reads."""
    if detail_value is None:  # left out: the list row's stands in (a re-check has none)
        return values.kenmerk_number(row_value)
    try:
        return values.kenmerk_number(detail_value)
    except (TypeError, ValueError):
        if row_value is None:
            raise
        return values.kenmerk_number(row_value)


def pdf_id(value) -> int | None:
    """A detail's ``publicatiePdfId`` (docs/reference/tenderned-api.md §4: "int", the reference's example has ``0``) as
    TenderNed gives it: a whole number, also as digits or ``470012.0``. It is informative only: one of no readable
    shape (``"n.v.t."``, a list, a yes/no, a negative number) costs that field, not the notice."""
    try:
        number = values.to_int(value)
    except (TypeError, ValueError):
        return None
    return number if number is not None and number >= 0 else None


def rectification_id(value) -> int | None:
    """A detail's ``publicatieIDLaatsteRectificatie`` (docs/reference/tenderned-api.md §4: "id of the latest
    rectification", no type given; ids change type between endpoints, §13) as :func:`values.to_int` reads an id. It is
    informative (the spider fetches the rectification it names, ``spiders/tenderned.py`` ``publication_key``): one of
    no readable shape (``"n.v.t."``, an object, a list, a yes/no, a negative number) costs that field, not the notice.
    It dropped the notice, by every crawl, each partial, its archived record never updated."""
    try:
        number = values.to_int(value)
    except (TypeError, ValueError):
        return None
    return number if number is not None and number >= 0 else None


def form_type(value) -> str | None:
    """A detail's ``formType`` (the eForms form type, docs/reference/tenderned-api.md §4, §8.4): a string, or its code
    when it comes as a ``{code, omschrijving}`` object like the detail's other codes; a list or a yes/no is none."""
    code = value.get("code") if isinstance(value, dict) else value
    if isinstance(code, str) and not isinstance(code, bool):
        return clean_field(code)
    return None


def label_text(value) -> str | None:
    """A ``{code, omschrijving}`` object's label: a text (a number as its digits), cleaned; one of another shape (an
    object of languages ``{"nl": …, "en": …}``, a list, a yes/no: §13, fields change shape) is no label, which costs
    that label alone (:data:`LABEL_COLUMNS`). Read as text, it dropped the whole notice ("expected text"), whose
    code still read, by every crawl, each partial."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return clean_field(value)


#: The detail's code lists (reference §4): ``[{code, omschrijving, …}]``, or plain codes.
CODE_LISTS = ("nutsCodes", "cpvCodes")


def plain_codes(value) -> bool:
    """Whether a code list came as plain codes (``["NL33"]``, or one alone: reference §4, ``nutsCodes`` "sometimes
    plain strings"), a form with no label (``omschrijving``) in it."""
    entries = value if isinstance(value, list) else [value]
    return bool(entries) and all(isinstance(entry, str) and entry.strip() for entry in entries)


def label_drifted(value) -> bool:
    """Whether a ``{code, omschrijving}`` object (or a list of them) sent a label of no shape (:func:`label_text`).
    A text label is checked once per text (:func:`_blank_label`: the spider asks this of every detail's seven coded
    fields and of every list row's five, and the labels repeat; issue 14)."""
    for entry in (value if isinstance(value, list) else (value,)):
        if not isinstance(entry, dict):
            continue
        label = entry.get("omschrijving")
        if type(label) is str:
            if label.strip() and _blank_label(label):  # sent (not blank), and cleans to nothing
                return True
        elif _sent(label) and label_text(label) is None:
            return True
    return False


@lru_cache(maxsize=4096)
def _blank_label(label: str) -> bool:
    """Whether a text label cleans to nothing (:func:`label_text` of a text is its :func:`clean_field`)."""
    return clean_field(label) is None


def _listed_code(value) -> str | None:
    """``values.code_label(value)[0]``, with this module's :func:`clean_field` (cached) for the label it reads only to
    raise, as ``values.code_label`` does, ValueError for one of no shape (:func:`drifted_row_fields`)."""
    if isinstance(value, dict):
        code = values.code_text(value.get("code"))
        clean_field(value.get("omschrijving"))
        return code
    return values.code_text(value)


#: The notice column of each detail code's label (docs/reference/tenderned-api.md §4): one sent of no shape that no
#: list row or reference label stands in for is kept as archived and marked unreadable (:func:`normalise_notice`).
LABEL_COLUMNS = {"aankondigingCode": "notice_type_label", "procedureCode": "procedure_label",
                 "typeOpdrachtCode": "contract_type_label", "juridischKaderCode": "legal_framework_label",
                 "publicatieCode": "form_label", "nutsCodes": "nuts_labels", "cpvCodes": "cpv_main_label"}


def code_label(value) -> tuple[str | None, str | None]:
    """``tenderarchive.values.code_label`` with this module's :func:`clean_field`; a label of no shape is none
    (:func:`label_text`)."""
    if isinstance(value, dict):
        code, label = value.get("code"), value.get("omschrijving")
        if type(code) is str and type(label) is str:  # the usual shape: read once per pair (:func:`_code_label_texts`)
            return _code_label_texts(code, label)
        return values.code_text(code), label_text(label)
    return values.code_label(value)


@lru_cache(maxsize=4096)
def _code_label_texts(code: str, label: str) -> tuple[str | None, str | None]:
    """:func:`code_label` of a ``{code, omschrijving}`` object of two texts, kept per pair: a notice reads a dozen
    such objects (its type, procedure, contract type, legal framework, NUTS and CPV codes …), and they repeat from
    notice to notice (issue 14: ≈ a fifth of normalising a notice). The answer is two immutable texts."""
    return values.code_text(code), label_text(label)


#: Columns the list row gives when the detail has no value (:func:`normalise_notice`). A re-check has no
#: list row: one of these it leaves empty is kept as archived (omitted), but says nothing of whether
#: the detail is sparse (the TenderNed spider re-checks sparse notices only for the other columns).
LIST_FALLBACK = frozenset({
    "kenmerk", "procurement_id", "notice_type", "notice_type_label", "procedure", "procedure_label",
    "contract_type", "contract_type_label", "is_european", "deadline", "deadline_placeholder",
    "consultation_deadline", "consultation_deadline_placeholder", "form_code", "form_label", "description", "buyer", "buyer_official", "is_cancelled",
    "is_digital", "published", "published_at", "year", "year_month", "title",
    # a /gerelateerd row's when the detail names none (TenderNedSpider.related_form)
    "form_type",
    # the list row's alone (publicatiestatus, sluitingsDatum, sluitingsDatumMarktconsultatie and opdrachtBeschrijving
    # as listed): a row without it is no sparse detail (deadline_list left out made the next crawl fetch it again)
    "publication_status", "publication_status_label", "deadline_list", "consultation_deadline_list",
    "description_list"})

#: The label of each code docs/reference/tenderned-api.md gives, for a notice whose answers send the code without
#: its ``omschrijving``: the notice types of §7.1 (list ``typePublicatie`` = detail ``aankondigingCode``), the
#: procedures of §7.2 whose label is known (``OZB`` and ``CCD`` as TenderNed's own dataset labels them), the
#: contract types of §7.3.
NOTICE_TYPE_LABELS = {
    "AAO": "Aankondiging opdracht", "AGO": "Aankondiging gegunde opdracht", "VAK": "Vooraankondiging",
    "MAC": "Marktconsultatie", "REC": "Rectificatie", "AAW": "Aankondiging van een wijziging",
    "VBE": "Vroegtijdige beëindiging",
}
PROCEDURE_LABELS = {"OPE": "Openbaar", "NOP": "Niet-openbaar", "APM": "Andere procedure in meerdere fasen",
                    "MAC": "Marktconsultatie", "OZB": "Onderhandeling zonder bekendmaking",
                    "CCD": "Concurrentiegerichte dialoog"}
CONTRACT_TYPE_LABELS = {"D": "Diensten", "L": "Leveringen", "W": "Werken"}


def coded(detail_value, row_value, labels: dict[str, str]) -> tuple[str | None, str | None]:
    """A code and its label: the detail's (``aankondigingCode``, ``procedureCode``, ``typeOpdrachtCode``), else the
    list row's (``typePublicatie``, ``procedure``, ``typeOpdracht``) (§3, §4). Either may send the code alone (a
    bare ``"AGO"``, an object without ``omschrijving``: §13, fields go missing and change shape); the label then
    is the list row's for the same code, else the one the reference gives the code (``labels``). A label left
    out was no label at all: the notices' type and procedure columns, and the timeline's "… per <label>", empty."""
    code, label = code_label(detail_value or row_value)
    if code and not label:
        try:
            listed_code, listed_label = code_label(row_value)
        except ValueError:  # a list row's code of no shape, beside the detail's: the detail's code stands
            listed_code = listed_label = None
        label = (listed_label if listed_code == code else None) or labels.get(code.upper())
    return code, label


#: The one ``publicatiestatus`` code docs/reference/tenderned-api.md documents (§3, §7.3).
PUBLISHED = "PUB"


def publication_status(row) -> tuple[str | None, str | None]:
    """A list row's ``publicatiestatus`` (``{code:"PUB", omschrijving:"Gepubliceerd"}``, or a bare code) as
    code and label; (None, None) without one, or for one of no readable shape (a list, a bool, an
    object whose code is none): an informative value of the list alone, which costs itself, not the notice."""
    value = row.get("publicatiestatus") if isinstance(row, dict) else None
    code, label = (value.get("code"), value.get("omschrijving")) if isinstance(value, dict) else (value, None)
    if isinstance(code, bool) or not isinstance(code, (str, int)):
        return None, None
    code = values.code_text(code)
    code = code.strip().upper() if code else None
    try:
        label = clean_field(label) if isinstance(label, str) else None  # a label of another shape: none
    except ValueError:
        label = None
    return (code, label) if code else (None, None)


def document_size(value) -> int | None:
    """A document's ``grootte`` (bytes) as an integer: a whole number, also written as text or as a
    float with nothing after the point (``12345.0``); anything else is no size (None)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        return to_int(value)
    except (ValueError, TypeError):
        return None


#: Key of a document row whose ``file_type`` came from its name, not ``typeDocument``: popped by the writer, which
#: keeps an archived type instead (tenderarchive/store/writes.py ``write_notice``).
FILE_TYPE_GUESSED = "_file_type_guessed"

#: File extensions a document name or link ends in that say its type (reference §5: ``typeDocument.code`` is ``pdf``,
#: ``zip``, ``xlsx`` …): only these, so a name ending in a version (``Bestek v1.2``) or a date gives none.
DOCUMENT_EXTENSIONS = frozenset({
    "pdf", "doc", "docx", "docm", "dot", "dotx", "xls", "xlsx", "xlsm", "xlsb", "csv", "ppt", "pptx", "odt", "ods",
    "odp", "rtf", "txt", "xml", "json", "html", "htm", "zip", "7z", "rar", "gz", "tar", "jpg", "jpeg", "png", "gif",
    "tif", "tiff", "bmp", "svg", "dwg", "dxf", "msg", "eml", "p7s", "asice", "ifc", "mp4"})
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,5})\s*$")


def document_extension(*names) -> str | None:
    """The type a document's name says (its extension, lower case, if a known one: ``DOCUMENT_EXTENSIONS``), from
    the first of ``names`` (its ``documentNaam``, then its download link's path) that has one; None when none does."""
    for name in names:
        if not isinstance(name, str):
            continue
        if "/" in name:  # a link: its path's last segment
            name = urlsplit(name.strip()).path.rsplit("/", 1)[-1]
        found = _EXTENSION.search(name[-64:])
        if found and found.group(1).lower() in DOCUMENT_EXTENSIONS:
            return found.group(1).lower()
    return None


def document_type(doc: dict) -> tuple[str | None, bool]:
    """A document's type: ``typeDocument.code`` as TenderNed gives it (reference §5), else the extension its name or
    download link ends in (:func:`document_extension`). Returns ``(type, guessed)``: ``guessed`` when the type came
    from the name, so the archive keeps a type TenderNed gave before (tenderarchive/store/writes.py)."""
    given = code_label(doc.get("typeDocument"))[0]
    if given:
        return given, False
    download = doc.get("links", {}).get("download") if isinstance(doc.get("links"), dict) else None
    download = download if isinstance(download, dict) else {}
    guessed = document_extension(doc.get("documentNaam"), download.get("href"))
    return guessed, guessed is not None


def document_key(doc) -> str | None:
    """A document's ``documentId`` as text (a whole number sent as ``123.0`` as ``123``), or None when
    the entry has none to key it by: no object, no ``documentId``, an empty one, or a list or object."""
    value = doc.get("documentId") if isinstance(doc, dict) else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return text_value(value).strip() or None


def document_problems(documents) -> list[str]:
    """What of a ``/documenten`` answer's documents cannot be read and is archived without: an
    unreadable ``datumPublicatie`` or ``grootte`` (docs/reference/tenderned-api.md §5 gives neither's form),
    and a document with no ``documentId`` to key it by (an entry that is no object, too): left out, the
    notice's other documents kept. Either failed the whole notice (a NOT NULL key, or a list entry that
    was no object), which every later crawl fetched and failed again."""
    problems = []
    listed = documents.get("documenten") if isinstance(documents, dict) else None
    for doc in listed if isinstance(listed, list) else ():
        if document_key(doc) is None:
            what = (f"named {str(doc.get('documentNaam'))[:80]!r}" if isinstance(doc, dict)
                    else f"{type(doc).__name__} {doc!r:.60}")
            problems.append(f"a document without a documentId ({what})")
            continue
        name = f"document {document_key(doc)[:40]}"
        date_text = doc.get("datumPublicatie")
        if date_text not in (None, "") and readable_timestamp(date_text) is None:
            problems.append(f"{name}: datumPublicatie {date_text!r:.80} is not a date or timestamp")
        if doc.get("grootte") not in (None, "") and document_size(doc.get("grootte")) is None:
            problems.append(f"{name}: grootte {doc.get('grootte')!r:.80} is not a number of bytes")
    return problems


class NormalisePipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def __init__(self, settings):
        self.notice_url = settings.get("TENDERNED_NOTICE_URL")
        self.site_url = settings.get("TENDERNED_SITE_URL")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings)

    def process_item(self, item):
        if isinstance(item, NoticeItem):
            try:
                item.record = normalise_notice(item, self.notice_url, self.site_url)
            except ValueError as exc:
                raise DropItem(f"publication {item.publication_id}: {exc}") from None
        return item


def _object(value) -> dict:
    """An optional JSON object: absent is {}, anything but an object is a bad field."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"expected an object, got {type(value).__name__} {value!r:.60}")
    return value


def _array(value) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {type(value).__name__} {value!r:.60}")
    return value


def _link(site_url: str, links, name: str, endpoint: str) -> str:
    """The absolute URL of ``links[name]``: the API's ``{"href": …}``, relative to the site
    (docs/reference/tenderned-api.md §4, §5), or an href sent as plain text; else the documented
    endpoint ``endpoint`` (§1). A link of another shape (a list, a number, ``links`` no object) or one
    that is no http(s) URL once joined (``javascript:…``) is no link: the endpoint stands in. It
    dropped the whole notice, in every crawl, or stored the ``javascript:`` URL."""
    link = links.get(name) if isinstance(links, dict) else None
    href = link.get("href") if isinstance(link, dict) else link
    url = http_url(site_link(site_url, href.strip())) if isinstance(href, str) and href.strip() else None
    return url or site_link(site_url, endpoint)


def _first(*candidates):
    """The first value that is not None (a detail's ``false`` is a value, not an absence)."""
    return next((v for v in candidates if v is not None), None)


def scalar_text(value) -> str | None:
    """A documented text field (``trefwoord1``, ``pbNummerTed``: strings, reference §4) as text, also when it comes
    as a number (a whole one as ``470012``, not ``470012.0``); a yes/no, a list or an object is no text: None, that
    field alone. Written with ``str()``, they were archived as ``"True"``, ``"['jeugd']"``, ``"{'code': 'x'}"``:
    Python's rendering of the value, a keyword or TED number nobody sent."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return clean_field(str(value))


#: The detail's keyword fields, ``trefwoord1`` … ``trefwoord10`` (named once, not per notice: issue 14).
KEYWORD_FIELDS = tuple(f"trefwoord{i}" for i in range(1, 11))


def keywords(detail: dict) -> str | None:
    """``trefwoord1`` … ``trefwoord10`` as a JSON list (None when there are none). A field left out or ``null`` is
    no text (:func:`scalar_text` of None): passed over without reading it (issue 14: most details send none)."""
    words = [scalar_text(value) for value in map(detail.get, KEYWORD_FIELDS) if value is not None]
    return dumps([w for w in words if w]) if any(words) else None


#: The columns of the yes/no fields (:func:`values.flag`) and optional dates (``values.OPTIONAL_DATES``) a response
#: can send unreadable: sent, but no value (``"onbekend"``, ``"n.v.t."``). Archived as omitted (an earlier value
#: kept), they are no sparse answer: asked again, TenderNed sends the same (:func:`unreadable_columns`).
FLAG_FIELDS = {"isGegund": "is_awarded", "isVroegtijdigBeeindigd": "is_cancelled",
               "isVroegtijdigeBeeindiging": "is_cancelled", "isDigitaalInschrijvenMogelijk": "is_digital",
               "digitaal": "is_digital", "onlyGunningProcedure": "award_only", "afgerondeAanbesteding": "is_completed",
               "isGeimporteerd": "is_imported"}
DATE_COLUMNS = {"aanvangOpdrachtDatum": ("start_date",), "voltooiingOpdrachtDatum": ("end_date",),
                "sluitingsDatum": ("deadline", "deadline_placeholder"),
                "sluitingsDatumMarktconsultatie": ("consultation_deadline", "consultation_deadline_placeholder"),
                "publicatieDatum": ("published", "published_at", "year", "year_month")}
#: The notice columns of each such field (the flags' one, the dates' first: the one an unreadable value always costs).
FIELD_COLUMNS = {**{field: (column,) for field, column in FLAG_FIELDS.items()},
                 **{field: columns[:1] for field, columns in DATE_COLUMNS.items()}}


#: The list row's names of the detail's flags (docs/reference/tenderned-api.md §3, §4): read only without the detail's.
DETAIL_FLAG_OF = {"isVroegtijdigeBeeindiging": "isVroegtijdigBeeindigd", "digitaal": "isDigitaalInschrijvenMogelijk"}


#: The days-left counters (docs/reference/tenderned-api.md §3, §4): the detail's, else the list row's.
COUNTDOWNS = (("detail", "numberOfDaysBeforeAanmeldenInschrijven"), ("row", "aantalDagenTotSluitingsDatum"))


def countdown_end(detail: dict, row: dict, fetched_at) -> str | None:
    """The Amsterdam day a notice's countdown ends (the day fetched plus the days left), when its detail gives no
    closing date (``sluitingsDatum`` is often absent there, §13; the list keeps the original one, which a
    rectification moved, §3 "Gotcha") and the countdown says it is open (``-1``/``0``: closed). The counter
    changes every day and is not archived; the day it ends does not. None otherwise, or for a counter of no
    readable shape (it is informative only: it costs nothing else)."""
    if detail.get("sluitingsDatum") not in (None, ""):
        return None
    for record, field in COUNTDOWNS:
        days = (detail if record == "detail" else row).get(field)
        if isinstance(days, str) and re.fullmatch(r"\s*-?[0-9]{1,5}\s*", days):
            days = int(days)
        if isinstance(days, int) and not isinstance(days, bool):
            fetched = local_date(values.readable_timestamp(fetched_at)) if fetched_at else None
            if not 0 < days <= 3650 or fetched is None:
                return None
            return (date.fromisoformat(fetched) + timedelta(days=days)).isoformat()
    return None


def unreadable_flags(record, detail=None) -> dict[str, str]:
    """``{field: why}`` of the yes/no fields (:data:`FLAG_FIELDS`) of ``record`` sent with a value that is no
    yes/no (``"onbekend"``, ``2``, a list): read as omitted (:func:`values.flag`). ``detail``: ``record`` is its
    list row, whose flags count only where the detail has none (the list row's others are not read)."""
    if not isinstance(record, dict):
        return {}
    return {field: f"{field} {record[field]!r:.80} is not a yes/no" for field in FLAG_FIELDS
            if record.get(field) is not None and flag(record[field]) is None
            and (detail is None or (isinstance(detail, dict) and field in DETAIL_FLAG_OF
                                    and detail.get(DETAIL_FLAG_OF[field]) is None))}


#: The detail's informative fields (docs/reference/tenderned-api.md §4, [M]) whose value of no shape costs that field
#: alone (a list where a code belongs, a yes/no for a text, ``"n.v.t."`` for a number): their reader and the notice
#: columns it fills. Read as omitted, such a value kept the archived one but made the answer sparse, so every later
#: crawl fetched the notice again, met the same shape, and never settled: they are unreadable (:func:`unreadable_columns`).
INFORMATIVE_FIELDS = {
    "opdrachtAardCode": (informative_code, ("contract_nature", "contract_nature_label")),
    "looptijdCode": (informative_code, ("duration_code", "duration_label")),
    "digitaalInschrijvenCode": (informative_code, ("digital_submission", "digital_submission_label")),
    "referentieNummer": (scalar_text, ("reference",)),
    "urlTsenderNaam": (scalar_text, ("tender_platform",)),
    "urlTsenderWebsite": (scalar_text, ("tender_platform_url",)),
    "pbNummerTed": (scalar_text, ("ted_number",)),
    "afwijkendReglement": (text_or_label, ("deviating_rules",)),
    "publicatiePdfId": (pdf_id, ("pdf_id",)),
    "publicatieIDLaatsteRectificatie": (rectification_id, ("latest_rectification_id",)),
}


_UNREAD = object()  #: the keywords not read yet (:func:`unreadable_informative`)


def informative_values(detail: dict) -> dict:
    """``{field: what its reader reads}`` of the detail's :data:`INFORMATIVE_FIELDS` (None, or ``(None, None)`` for
    a code, where it reads nothing): read once a notice for both :func:`unreadable_informative` and the notice's
    columns (:func:`normalise_notice`; issue 14: each was read twice)."""
    return {field: read(detail.get(field)) for field, (read, _columns) in INFORMATIVE_FIELDS.items()}


def unreadable_informative(detail, words=_UNREAD, informative=None) -> list[str]:
    """The notice columns of the detail's :data:`INFORMATIVE_FIELDS` sent with a value (not none, not blank) that
    their reader finds nothing in, and ``keywords`` when ``trefwoord1`` … ``trefwoord10`` were sent and none is text
    (:func:`keywords`): kept as omitted, the keywords made every crawl fetch the notice again for the same shape.
    ``words``: ``keywords(detail)`` when the caller has read them already (:func:`normalise_notice`); ``informative``:
    :func:`informative_values` of ``detail``, likewise."""
    columns = []
    for field, (read, field_columns) in INFORMATIVE_FIELDS.items():
        value = detail.get(field)
        if not _sent(value):
            continue
        got = read(value) if informative is None else informative[field]
        if got is None or got == (None, None):
            columns.extend(field_columns)
    if (keywords(detail) if words is _UNREAD else words) is None and any(_sent(detail.get(f)) for f in KEYWORD_FIELDS):
        # keywords sent, none of them text (a yes/no, a list): as unreadable as one informative field of no shape
        columns.append("keywords")
    return columns


def _sent(value) -> bool:
    """A detail field sent with a value: not none, not blank."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def unreadable_columns(detail, row, read: tuple | None = None) -> list[str]:
    """The notice columns a response sent unreadable (the detail's, else for a field the detail has not, its
    list row's): the archive keeps their earlier value, as for an omitted one, but they do not make the answer
    sparse. A notice whose detail sent ``isGegund: "onbekend"`` (or an unreadable start date) was taken for a
    sparse answer and fetched again by every crawl, for ever: TenderNed sends the same again. A changed detail
    is fetched all the same (a new notice of the procedure, an open one's re-check). ``read``: the detail's
    ``values.unreadable_dates`` and :func:`keywords`, when the caller has them (:func:`normalise_notice`, issue 14:
    each was worked out twice a notice)."""
    detail, row = (r if isinstance(r, dict) else {} for r in (detail, row))
    bad_dates, words, informative = read if read is not None else (values.unreadable_dates(detail), _UNREAD, None)
    columns = {FLAG_FIELDS[f] for f in [*unreadable_flags(detail), *unreadable_flags(row, detail)]}
    for field in bad_dates:
        columns.update(DATE_COLUMNS.get(field, ()))
    columns.update(unreadable_informative(detail, words, informative))
    return sorted(columns)


#: The detail's text fields a list row's stands in for (:func:`first_text`) and its ``kenmerk`` (:func:`first_kenmerk`).
DRIFT_TEXTS = ("aanbestedingNaam", "opdrachtBeschrijving", "opdrachtgeverNaam", "aanbestedendeDienstNaam")


def drifted_fields(detail) -> dict[str, str]:
    """``{field: what came}`` of the detail's fields read past because they came in another shape
    (docs/reference/tenderned-api.md §13): an informative field (:data:`INFORMATIVE_FIELDS`), a code's label
    (:data:`LABEL_COLUMNS`), a text or ``kenmerk`` the list row stands in for. The spider logs each field once a
    crawl and counts it (``tenderned/drifted/FIELD``): read past silently, a drift of TenderNed's JSON went unseen."""
    if not isinstance(detail, dict):
        return {}
    drifted = {}
    for field, (read, _columns) in INFORMATIVE_FIELDS.items():
        if _sent(detail.get(field)) and read(detail[field]) in (None, (None, None)):
            drifted[field] = detail[field]
    for field in LABEL_COLUMNS:
        if label_drifted(detail.get(field)):
            drifted[field] = detail[field]
    drifted.update(_drifted_texts(detail))
    return {field: f"{type(value).__name__} {value!r:.60}" for field, value in drifted.items()}


def _drifted_texts(record: dict) -> dict:
    """``{field: what came}`` of a detail's or list row's texts (:data:`DRIFT_TEXTS`) that came as no text or number
    (an object, a list, a boolean), and of a ``kenmerk`` that reads as no number."""
    drifted = {}
    for field in DRIFT_TEXTS:
        value = record.get(field)
        if isinstance(value, bool) or (value is not None and not isinstance(value, (str, int, float))):
            drifted[field] = value
    try:
        values.kenmerk_number(record.get("kenmerk"))
    except (TypeError, ValueError):
        drifted["kenmerk"] = record.get("kenmerk")
    return drifted


#: The fields of a list row (docs/reference/tenderned-api.md §3: its table and example item; ``cpvCodes``, which JSM's
#: types mark optional). Another is news of the list's schema drifting (:func:`drifted_row_fields`).
LIST_ROW_FIELDS = frozenset({
    "publicatieId", "publicatieDatum", "typePublicatie", "aanbestedingNaam", "aanbestedendeDienstNaam",
    "opdrachtgeverNaam", "sluitingsDatum", "sluitingsDatumMarktconsultatie", "aantalDagenTotSluitingsDatum",
    "procedure", "typeOpdracht", "digitaal", "europees", "publicatiecode", "publicatiestatus",
    "isVroegtijdigeBeeindiging", "opdrachtBeschrijving", "kenmerk", "score", "link", "cpvCodes"})

#: A list row's coded fields (§3: ``{code, omschrijving}`` objects).
LIST_ROW_CODES = ("typePublicatie", "procedure", "typeOpdracht", "publicatiecode", "publicatiestatus")

#: A list row's ``publicatieDatum`` as §3 gives it: a date alone (``"2026-01-06"``).
_LISTED_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def drifted_row_fields(row) -> dict[str, str]:
    """``{field: what came}`` of a list row's fields that came in another shape than §3 gives them (§13: ids change
    type between endpoints, several timestamp formats, fields missing): a ``publicatieId`` that reads but is no
    string of digits (a number), a ``publicatieDatum`` that is no date alone (with a time, a zone, milliseconds
    since 1970, no date), a title, buyer or description of no text shape, a ``kenmerk`` that is no number, a code of
    no shape, an unreadable closing date, and a field §3 does not name. The detail decides what is archived (the
    list row stands in only for what it leaves out), so none of these costs the notice; the spider logs each field
    once a crawl and counts it (``tenderned/drifted/FIELD``): read past silently, the list's schema drifting went
    unseen. A field left out or ``null`` is no drift (§13: fields go missing)."""
    if not isinstance(row, dict):
        return {}
    drifted, unknown = {}, {}
    raw_id = row.get("publicatieId")
    if raw_id is not None and not (isinstance(raw_id, str) and raw_id.isascii() and raw_id.isdigit()):
        drifted["publicatieId"] = raw_id
    day = row.get("publicatieDatum")
    if day is not None and not (isinstance(day, str) and _LISTED_DAY.fullmatch(day.strip())):
        drifted["publicatieDatum"] = day
    for field in ("sluitingsDatum", "sluitingsDatumMarktconsultatie"):
        if values.readable_timestamp(row.get(field)) is None and _sent(row.get(field)):
            drifted[field] = row[field]
    drifted.update(_drifted_texts(row))
    for field in LIST_ROW_CODES:
        value = row.get(field)
        if value is None:  # left out: no drift (§13)
            continue
        if type(value) is dict and type(code := value.get("code")) is str and type(label := value.get("omschrijving")) is str:
            if _text_code_drifted(code, label):  # the usual shape: judged once per pair (issue 14)
                drifted[field] = value
            continue
        if _code_drifted(value):
            drifted[field] = value
    if not LIST_ROW_FIELDS.issuperset(row):  # a field §3 does not name (seldom: looked for one by one only then)
        for field, value in row.items():
            if field not in LIST_ROW_FIELDS:
                unknown[field] = value
    out = {field: f"{type(value).__name__} {value!r:.60}" for field, value in drifted.items()}
    out.update({field: f"a field the list does not document: {type(value).__name__} {value!r:.60}"
                for field, value in unknown.items()})
    return out


def _code_drifted(value) -> bool:
    """Whether a list row's coded field (:data:`LIST_ROW_CODES`, sent) is of no shape: no code reads, or its label
    does not (:func:`drifted_row_fields`)."""
    try:
        code = _listed_code(value)
    except ValueError:
        code = None
    return code is None or label_drifted(value)


@lru_cache(maxsize=4096)
def _text_code_drifted(code: str, label: str) -> bool:
    """:func:`_code_drifted` of a ``{code, omschrijving}`` object of two texts, kept per pair (a list row's five codes
    repeat from row to row; both readers look at these two keys alone). The answer is a yes/no."""
    return _code_drifted({"code": code, "omschrijving": label})


def _distinct_cpv(rows: list[dict]) -> dict[str, dict]:
    """A detail's CPV rows by code, each code once (``notice_cpv`` is keyed by it): a code listed twice is main when
    either entry says so, with the first label given. Written one after the other, the second entry replaced the
    first, and a main code listed again as a secondary one left the notice without a main code in ``notice_cpv``
    while ``cpv_main`` named it."""
    distinct: dict[str, dict] = {}
    for row in rows:
        seen = distinct.setdefault(row["cpv"], dict(row))
        said = [flag for flag in (seen["is_main"], row["is_main"]) if flag is not None]  # None: not said (unknown)
        seen["is_main"] = max(said) if said else None
        seen["label"] = seen["label"] or row["label"]
    return distinct


def related_published(related_row):
    """The ``publicatieDatum`` of a notice's ``/gerelateerd`` row (docs/reference/tenderned-api.md §6: every row
    gives it, ``"2026-05-14T15:24:38"``), or None (no row, none, none readable). A notice found through
    ``/gerelateerd`` has no list row, so a detail that left its date out (fields go missing, §13) or sent it
    unreadable had none: the notice (an award notice, its winners) was dropped, by every crawl, each partial."""
    return readable_timestamp(related_row.get("publicatieDatum")) if isinstance(related_row, dict) else None


def related_kenmerk(related_row) -> int | None:
    """The ``kenmerk`` of a notice's ``/gerelateerd`` row (docs/reference/tenderned-api.md §6: every row gives it), or
    None (no row, none, none readable): a notice found through ``/gerelateerd`` has no list row, so a detail that left
    its ``kenmerk`` out (fields go missing, §13) was archived in no procedure (no ``procurement_id``). One that does
    not read is no error here: the notice goes on without it, as it did."""
    try:
        return values.kenmerk_number(related_row.get("kenmerk")) if isinstance(related_row, dict) else None
    except (TypeError, ValueError):
        return None


def listed_as(row) -> str | None:
    """What a list row says of the values its detail gives authoritatively (the procedure, ``kenmerk``; the notice
    type, ``typePublicatie``; ended early, ``isVroegtijdigeBeeindiging``; the day, ``publicatieDatum``, Amsterdam's:
    docs/reference/tenderned-api.md §3, §4,
    §12), as JSON: archived (``notices.listed_as``) when the notice is fetched with its row, so a row that keeps
    disagreeing with its detail (§13: fields differ between endpoints) is news once, not every crawl
    (``TenderNedSpider.listed_before``). None for no row."""
    if not isinstance(row, dict):
        return None
    try:
        kenmerk = values.kenmerk_number(row.get("kenmerk"))
    except (TypeError, ValueError):
        kenmerk = None
    try:
        code = code_label(row.get("typePublicatie"))[0]  # its label cleaned as normalise_notice's (cached), unread here
    except ValueError:  # a type of no shape (a list, §13): the row says nothing of it; it dropped the notice
        code = None
    return dumps({"kenmerk": None if kenmerk is None else str(kenmerk), "type": code.upper() if code else None,
                  "ended_early": flag(row.get("isVroegtijdigeBeeindiging")),
                  "published": local_date(values.readable_timestamp(row.get("publicatieDatum")))})


#: The detail's code lists (docs/reference/tenderned-api.md §4) whose null or absence is no "none": their notice column.
NOT_GIVEN_FIELDS = {"cpvCodes": "cpv_main", "nutsCodes": "nuts"}


def normalise_notice(item: NoticeItem, notice_url: str, site_url: str) -> dict:
    # an unreadable optional date is left out, as if the response omitted it (the spider recorded it;
    # the archive keeps an earlier readable value): it costs the field, not the notice
    # the detail's unreadable dates and keywords, read once for both unreadable_columns and the row (issue 14)
    bad_dates = values.unreadable_dates(item.detail)
    detail_keywords = keywords(item.detail) if isinstance(item.detail, dict) else None
    d = _object(item.detail)
    # the informative fields read once, for unreadable_columns and the row (no date among them: the same in d)
    informative = informative_values(d)
    unreadable = unreadable_columns(item.detail, item.list_record, (bad_dates, detail_keywords, informative))
    d = {**d, **dict.fromkeys(bad_dates)} if bad_dates else d  # values.without_unreadable_dates
    row = values.without_unreadable_dates(_object(item.list_record))
    publication_id = to_int(item.publication_id)  # the detail's own, when it has one (validate)
    kenmerk = first_kenmerk(d.get("kenmerk"), row.get("kenmerk"))
    if kenmerk is None:  # a notice found through /gerelateerd: that list's row gives its procedure's (§6)
        kenmerk = related_kenmerk(item.related_record)
    # the detail's timestamp, else the list row's date (a detail may leave it out: §13), else, for a notice found
    # through /gerelateerd (no list row), that list's row's timestamp (§6 gives every row its publicatieDatum)
    detail_published = parse_timestamp(d.get("publicatieDatum"))
    listed_published = None if detail_published is not None else parse_timestamp(row.get("publicatieDatum"))
    published_at = detail_published or listed_published or related_published(item.related_record)
    published = local_date(published_at)
    notice_type, notice_type_label = coded(d.get("aankondigingCode"), row.get("typePublicatie"), NOTICE_TYPE_LABELS)
    procedure, procedure_label = coded(d.get("procedureCode"), row.get("procedure"), PROCEDURE_LABELS)
    contract_type, contract_type_label = coded(d.get("typeOpdrachtCode"), row.get("typeOpdracht"),
                                               CONTRACT_TYPE_LABELS)
    # informative codes (§4, [M]): one of no shape (a list, an object for a code) costs that field, not the notice
    nature, nature_label = informative["opdrachtAardCode"]
    framework, framework_label = code_label(d.get("juridischKaderCode"))
    form_code, form_label = code_label(d.get("publicatieCode"))
    eu_code, _ = code_label(d.get("nationaalOfEuropeesCode"))
    is_european = (1 if eu_code == "EU" else 0) if eu_code else flag(row.get("europees"))
    list_deadline, list_placeholder = deadline(row.get("sluitingsDatum"))
    if d.get("sluitingsDatum") in (None, ""):
        # The detail often has none (docs/reference/tenderned-api.md §13): the list row's
        # (the original deadline) is the best known one.
        the_deadline, placeholder = list_deadline, list_placeholder
    else:
        the_deadline, placeholder = deadline(d.get("sluitingsDatum"))
    # the detail's, else its list row's, which the list keeps as first published (§3 "Gotcha", as ``sluitingsDatum``):
    # archived apart (``consultation_deadline_list``), so the writer can tell a moved date from the row's
    list_consultation, list_consultation_placeholder = deadline(row.get("sluitingsDatumMarktconsultatie"))
    if not d.get("sluitingsDatumMarktconsultatie"):
        consultation, consultation_placeholder = list_consultation, list_consultation_placeholder
    else:
        consultation, consultation_placeholder = deadline(d.get("sluitingsDatumMarktconsultatie"))
    # the detail's full description, else its list row's shorter text (about 1,000 characters: §3), archived apart
    # (``description_list``) so the writer can tell a detail's text from the row's (``detail_description``)
    detail_description, list_description = readable_text(d.get("opdrachtBeschrijving")), readable_text(
        row.get("opdrachtBeschrijving"))
    description = detail_description or list_description or first_text(  # none reads: an error as before
        d.get("opdrachtBeschrijving"), row.get("opdrachtBeschrijving"))
    open_until = countdown_end(d, row, item.fetched_at)
    (start_date, start_placeholder), (end_date, end_placeholder) = (
        contract_day(d.get("aanvangOpdrachtDatum")), contract_day(d.get("voltooiingOpdrachtDatum")))
    status_code, status_label = publication_status(row)
    digital, digital_label = informative["digitaalInschrijvenCode"]

    cpv_rows = []
    # a list of {code, omschrijving, isHoofdOpdracht} (docs/reference/tenderned-api.md §4), of plain codes, or one of
    # them alone, as nutsCodes comes (a serialiser that writes a one-element list as its element): a lone
    # {"code": "85311300-5", …} dropped the notice ("expected a list, got dict"), by every crawl, each partial
    listed_cpv = d.get("cpvCodes")
    for entry in [listed_cpv] if isinstance(listed_cpv, (str, dict)) else _array(listed_cpv):
        raw = entry.get("code") if isinstance(entry, dict) else entry
        if not raw:
            continue
        code, code8 = cpv_parts(text_value(raw))
        cpv_rows.append({
            # one form for a code however TenderNed wrote it (values.cpv_parts); what it sent is kept in cpv_raw
            "publication_id": publication_id, "cpv": code, "cpv_8": code8, "cpv_raw": text_value(raw),
            # a label of no shape is none (label_text); the writer keeps the code's archived label for none
            "label": label_text(entry.get("omschrijving")) if isinstance(entry, dict) else None,
            # a plain code (§4: codes "sometimes plain strings") or an object without ``isHoofdOpdracht`` says not
            # whether it is the main code: None (unknown), which the writer fills from the archive
            # (writes.with_archived_labels); it was 0, so a plain list flipped the main code's flag at every crawl
            "is_main": flag(entry.get("isHoofdOpdracht")) if isinstance(entry, dict) else None,
        })
    cpv_rows = list(_distinct_cpv(cpv_rows).values())
    if any(c["is_main"] == 1 for c in cpv_rows):  # a code said main: the others are not (§4: usually exactly one)
        cpv_rows = [c if c["is_main"] is not None else {**c, "is_main": 0} for c in cpv_rows]
    main = next((c for c in cpv_rows if c["is_main"]), cpv_rows[0] if cpv_rows else None)
    # a list of {code, omschrijving} or of plain strings (docs/reference/tenderned-api.md §4: "sometimes
    # plain strings"), or one of them alone: a lone "NL33" dropped the notice in every crawl
    listed_nuts = d.get("nutsCodes")
    nuts_codes = [code_label(n) for n in ([listed_nuts] if isinstance(listed_nuts, (str, dict)) else _array(listed_nuts))]
    nuts = [code for code, _label in nuts_codes]
    duration_code, duration_label = informative["looptijdCode"]

    notice = {
        "publication_id": publication_id,
        "kenmerk": kenmerk,
        "procurement_id": f"TN{kenmerk}" if kenmerk is not None else None,
        "notice_type": notice_type, "notice_type_label": notice_type_label,
        # the detail's publicatieCode is a string, the list's publicatiecode an object (§3, §4): either
        # shape in either place (an object in the detail dropped the notice)
        "form_code": form_code or code_label(row.get("publicatiecode"))[0],
        "form_label": clean_field(d.get("typePublicatie")) if isinstance(d.get("typePublicatie"), str)
        else form_label or code_label(row.get("publicatiecode"))[1],
        # the detail's, else the list row's: one of no shape gives way to the next (first_text, first_kenmerk)
        "title": first_text(d.get("aanbestedingNaam"), row.get("aanbestedingNaam")),
        "description": description, "description_list": list_description,
        # the row's text stood in for a detail that gave none (the writer keeps a detail's over it); NULL: a detail's,
        # though equal to the row's
        "description_from_list": 1 if detail_description is None and list_description is not None else None,
        # the authority's name last, the list row's too (§3): a detail naming no buyer left the buyer NULL though the
        # row named the authority (buyer_official)
        "buyer": first_text(d.get("opdrachtgeverNaam"), row.get("opdrachtgeverNaam"), d.get("aanbestedendeDienstNaam"),
                            row.get("aanbestedendeDienstNaam")),
        "buyer_official": first_text(d.get("aanbestedendeDienstNaam"), row.get("aanbestedendeDienstNaam")),
        "published": published, "published_at": iso(amsterdam(published_at)),
        "year": int(published[:4]) if published else None,
        "year_month": published[:7] if published else None,
        "deadline": the_deadline, "deadline_placeholder": placeholder, "deadline_list": list_deadline,
        # the row's date stood in for a detail that named none (the writer keeps a detail's over it); NULL: a detail's,
        # though equal to the row's. Left out below where no date came at all
        "deadline_from_list": 1 if d.get("sluitingsDatum") in (None, "") else None,
        "listed_as": listed_as(row) if item.list_record is not None else None,
        "consultation_deadline": consultation, "consultation_deadline_list": list_consultation,
        # a placeholder year (≥ 2090: "no real date", §4, §12.4) is no closing date: NULL, and this says so
        "consultation_deadline_placeholder": consultation_placeholder,
        "consultation_deadline_from_list": 1 if not d.get("sluitingsDatumMarktconsultatie") else None,
        "open_until": open_until,
        "procedure": procedure, "procedure_label": procedure_label,
        "contract_type": contract_type, "contract_type_label": contract_type_label,
        "contract_nature": nature, "contract_nature_label": nature_label,
        "legal_framework": framework, "legal_framework_label": framework_label,
        "is_european": is_european,
        "cpv_main": main["cpv"] if main else None,
        "cpv_main_8": main["cpv_8"] if main else None,
        "cpv_main_label": main["label"] if main else None,
        "nuts": ",".join(n for n in nuts if n) or None,
        # a placeholder year (≥ 2090) is no date here either, as in the closing dates (one rule: values.contract_day)
        "start_date": start_date, "end_date": end_date,
        "is_awarded": flag(d.get("isGegund")),
        # the detail's flags, else the list row's (other names: docs/reference/tenderned-api.md §3)
        "is_cancelled": flag(_first(d.get("isVroegtijdigBeeindigd"), row.get("isVroegtijdigeBeeindiging"))),
        "is_digital": flag(_first(d.get("isDigitaalInschrijvenMogelijk"), row.get("digitaal"))),
        "latest_rectification_id": informative["publicatieIDLaatsteRectificatie"],
        # the buyer's reference and the external platform (strings, §4, [M]): a number is its digits, a yes/no, a
        # list or an object no text (that field alone); they dropped the notice, by every crawl
        "reference": informative["referentieNummer"],
        "tender_platform": informative["urlTsenderNaam"],
        # detail fields kept for award data (issue 10)
        "award_only": flag(d.get("onlyGunningProcedure")),
        "tender_platform_url": informative["urlTsenderWebsite"],
        "keywords": detail_keywords,  # keywords(d): the dates left out are no trefwoord
        "duration_code": duration_code,
        "duration_label": duration_label,
        # a code of the eForms list (§7.3, §8.4), as a string or, as the detail's other codes, a {code, …} object: the
        # object dropped the notice, by every crawl (spiders/tenderned.py code_of reads it so too)
        # else, for a notice found through /gerelateerd whose detail names neither it nor its type (§13), that list's
        # row's (§6), as the spider reads it to ask the /html (TenderNedSpider.related_form): it had no stage
        "form_type": form_type(d.get("formType")) or (
            form_type(item.related_record.get("formType"))
            if notice_type is None and isinstance(item.related_record, dict) else None),
        "status": text_or_label(d.get("aanbestedingStatus")),
        "publication_status": status_code, "publication_status_label": status_label,
        "is_completed": flag(d.get("afgerondeAanbesteding")),
        # the rest of the detail's documented fields (docs/reference/tenderned-api.md §4)
        "is_imported": flag(d.get("isGeimporteerd")),
        "digital_submission": digital, "digital_submission_label": digital_label,
        "deviating_rules": informative["afwijkendReglement"],
        "pdf_id": informative["publicatiePdfId"],
        "ted_number": informative["pbNummerTed"],
        "nuts_labels": ", ".join(label for _code, label in nuts_codes if label)
                       or None,
        # A documents list that could not be read (an error or a broken answer: recorded) leaves
        # the archived documents as they were and makes the next crawl fetch the notice again.
        "documents_unread": 1 if item.documents is None else None,
        "url": notice_url.format(id=publication_id),
        # no link: the documented endpoint (docs/reference/tenderned-api.md §1) is the notice's PDF
        "pdf_url": _link(site_url, d.get("links"), "pdf", f"{API_PATH}/publicaties/{publication_id}/pdf"),
        "source_url": item.source_url, "fetched_at": item.fetched_at, "sha256": item.sha256,
    }

    if description is None:
        del notice["description_from_list"]  # no description at all: the archived one is kept (omitted), its origin too
    if the_deadline is None and placeholder != 1:
        del notice["deadline_from_list"]  # likewise for the closing date
    if consultation is None and consultation_placeholder != 1:
        del notice["consultation_deadline_from_list"]
    # a label sent of no shape with nothing to stand in for it: the archived one is kept, and it is no sparse answer
    # ... and a code list sent as plain codes (``nutsCodes: ["NL33"]``, reference §4: "sometimes plain strings"), a form
    # that carries no labels: none said, not left out. Read as omitted, the answer was sparse, and the notice was
    # fetched again by every crawl, for ever (the same form came)
    drifted = [column for field, column in LABEL_COLUMNS.items()
               if notice[column] is None and (label_drifted(d.get(field)) or field in CODE_LISTS and plain_codes(d.get(field)))]
    if drifted:
        unreadable = sorted({*unreadable, *drifted})

    if item.list_record is None:
        del notice["deadline_list"], notice["consultation_deadline_list"], notice["description_list"]  # a re-check
        # fetched no list row: keep what the list said before
        del notice["listed_as"]
        del notice["publication_status"], notice["publication_status_label"]  # the list's alone, likewise
        # no closing date in the detail (often: docs/reference/tenderned-api.md §13): the list row's, which
        # a re-check has not, stands, placeholder flag included; not this response's business (absent),
        # so the re-check neither changes nor omits it (a version and "changed" in reports every time)
        if d.get("sluitingsDatum") in (None, ""):
            del notice["deadline"], notice["deadline_placeholder"]
            notice.pop("deadline_from_list", None)
        if d.get("sluitingsDatumMarktconsultatie") in (None, ""):
            del notice["consultation_deadline"], notice["consultation_deadline_placeholder"]
            notice.pop("consultation_deadline_from_list", None)

    documents = None
    if item.documents is not None:
        documents = []
        # the zip of all its documents (docs/reference/tenderned-api.md §1, §5): `links.downloadZip`, else the
        # documented endpoint; none for a notice without documents. An unread list leaves it as archived.
        listed = _object(item.documents).get("documenten")
        notice["documents_zip_url"] = _link(
            site_url, _object(item.documents).get("links"), "downloadZip",
            f"{API_PATH}/publicaties/{publication_id}/documenten/zip") if listed else None
        for doc in _array(_object(item.documents).get("documenten")):
            document_id = document_key(doc)
            if document_id is None:
                continue  # nothing to key it by: recorded by the spider (document_problems)
            category, category_label = code_label(doc.get("publicatieCategorie"))
            file_type, guessed = document_type(doc)
            documents.append({
                "document_id": document_id,
                "publication_id": publication_id,
                "name": clean_field(doc.get("documentNaam")),
                # no typeDocument (§13: fields go missing): its name's extension; FILE_TYPE_GUESSED for the writer
                "file_type": file_type, **({FILE_TYPE_GUESSED: True} if guessed else {}),
                "category": category, "category_label": category_label,
                # a document's date or size that cannot be read costs that value, not the notice (the
                # spider records it: document_problems); it dropped the notice with all its documents
                "published": local_date(readable_timestamp(doc.get("datumPublicatie"))),
                "size_bytes": document_size(doc.get("grootte")),
                "virus_flag": flag(doc.get("virusIndicatie")),
                # FIN reads the link; JSM and PP the endpoint
                "download_url": _link(site_url, doc.get("links"), "download",
                                      f"{API_PATH}/publicaties/{publication_id}/documenten/{document_id}/content"),
                "source_url": item.documents_url, "fetched_at": item.documents_fetched_at or item.fetched_at,
                "sha256": item.documents_sha256,
            })
    if item.documents_not_found:
        # /documenten answered 404/410 or 204 No Content: no list, so no document is dropped and the zip link stays as archived
        notice.pop("documents_zip_url", None)
        documents = None
    # CPV and NUTS codes live only in the detail (docs/reference/tenderned-api.md §4, §12.2): one that sends them null
    # (or leaves them out) says nothing of them, where ``[]`` lists none. Archived so on a first fetch, the notice was
    # one "without codes" to a researcher: marked "COLUMN (not given)" (store/writes.py keep_omitted); codes archived
    # before are kept, the answer sparse, as for any omitted value.
    not_given = [column for field, column in NOT_GIVEN_FIELDS.items() if not _sent(d.get(field))]
    # The detail names no closing date (often: §13) and its list row's stands in: the list keeps the ORIGINAL closing
    # date, a rectification moves only the detail's (§3 "Gotcha": take it from the detail). The writer keeps a
    # deadline archived from an earlier detail over it (store/writes.py ``write_notice``): the moved deadline was
    # set back to the one the rectification replaced, the procedure's timeline with it.
    deadline_from_list = item.list_record is not None and d.get("sluitingsDatum") in (None, "")
    # So for a market consultation's closing date (sluitingsDatumMarktconsultatie, §3, §4): the list's stands in where
    # the detail names none, and the writer keeps the one an earlier detail gave over it (``detail_consultation``).
    consultation_from_list = item.list_record is not None and not d.get("sluitingsDatumMarktconsultatie")
    # A detail without its publicatieDatum (§13: fields go missing): the list row's date stands in (§3: a date alone),
    # which is no other day than the archived timestamp an earlier detail gave: the writer keeps that timestamp
    # (``write_notice``); it became the day alone ("2021-10-15T09:00:00+02:00" → "2021-10-15"), a change recorded.
    published_from_list = item.list_record is not None and listed_published is not None
    # A detail without its opdrachtBeschrijving (§13): the list row's text stands in, shorter (§3: about 1,000
    # characters) and as first published; the writer keeps the full text an earlier detail gave over it
    # (``detail_description``): it was replaced by the row's, the terms and places only the full text named with it.
    description_from_list = item.list_record is not None and detail_description is None and list_description is not None
    return {"notice": notice, "cpv": cpv_rows, "documents": documents, "unreadable": unreadable,
            "not_given": not_given, "deadline_from_list": deadline_from_list,
            "consultation_from_list": consultation_from_list, "published_from_list": published_from_list,
            "description_from_list": description_from_list,
            # dates this response sent as a placeholder (a year ≥ 2090: "no real date", §4, §12.4): said, not
            # left out, so an archived real date is not kept over them (store/writes.py keep_omitted)
            "placeholders": [column for column, said in (
                ("deadline", placeholder), ("deadline_list", list_placeholder),
                ("consultation_deadline", consultation_placeholder),
                ("consultation_deadline_list", list_consultation_placeholder),
                ("start_date", start_placeholder), ("end_date", end_placeholder))
                if said == 1 and column in notice and notice[column] is None]}
