"""Procedure type (news-sites §3.4), lots (percelen), contract duration and TenderNed
references.

Normalised procedure ids: ``open``, ``restricted``, ``competitive_dialogue``,
``competitive_negotiation``, ``negotiated_without_publication``,
``innovation_partnership``, ``national`` (below-threshold national procedures),
``dialogue_based`` (own-design social-services procedure, e.g. "dialooggerichte
aanbesteding"; legal form unstated), ``dynamic_purchasing``, ``not_a_tender`` (open house,
bestuurlijk contracteren, subsidie, inbesteden). Hand-written regexes: the label
variants are a closed list taken from TenderNed/eForms and the seeds.
"""
from __future__ import annotations

import re

from .vocabulary import PROCEDURE_TYPES

_NUM = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
        "negen": 9, "tien": 10}


def procedure_type(text: str) -> tuple[str | None, str | None]:
    for norm, rx in PROCEDURE_TYPES:
        m = re.search(rx, text, re.I)
        if m:
            return norm, m.group(0)
    return None, None


def lots(text: str) -> dict:
    labels = sorted({m.group(0) for m in re.finditer(r"\b[Pp]erceel \d+[a-z]?\b|\b[Ss]egment [A-Z0-9]\b", text)})
    count = None
    m = re.search(r"(?:bestaat uit|verdeeld in|in) (\w+|\d+) (percelen|segmenten|onderdelen|delen)\b", text, re.I)
    raw = None
    if m:
        word = m.group(1).lower()
        count = int(word) if word.isdigit() else _NUM.get(word)
        raw = m.group(0)
    if count is None and labels:
        count = len(labels)
    return {"count": count, "labels": labels, "text": raw}


def contract_duration(text: str) -> dict | None:
    m = re.search(r"(?:periode|looptijd|duur|contract|overeenkomst)\s+(?:van|voor)\s+(?P<n>\d+|\w+)\s+(?P<u>jaar|jaren|maanden)"
                  r"(?P<ext>[^.]{0,80}?(?:optie|opties|verlenging|verlengd)[^.]{0,60})?", text, re.I)
    if not m:
        # \b: the number starts a word; without it every position inside one long word
        # starts a new scan to the word's end (quadratic; issue 13).
        m = re.search(r"\b(?P<n>\d+|\w+)[- ]jarig(?:e)? (?:contract|overeenkomst)(?P<ext>)", text, re.I)
        if not m:
            return None
    n = m.group("n").lower()
    n_val = int(n) if n.isdigit() else _NUM.get(n)
    if n_val is None:
        return None
    unit = (m.groupdict().get("u") or "jaar").lower()
    months = n_val * (1 if unit == "maanden" else 12)
    return {"text": m.group(0).strip(), "months": months, "extension_options": bool(m.group("ext"))}


#: A TenderNed number written out: five to seven digits standing alone, not part of a dated or
#: compound reference ("2024/160417", "160417-2", "160.417" are no TenderNed numbers).
_NUMBER = r"(?<![\d/.-])(\d{5,7})(?![\d]|[/.-]\d)"
#: Words between a label and its number: a colon, "nr.", "nummer", "is", "van"...
_GAP = r"(?:\s*:\s*|\s+(?:(?:nr\.?|nummer|is|van)\s*:?\s*)?|\s*\(\s*)"
#: The kenmerk (TN number) written without "TN": "TenderNed-kenmerk 160417", "TenderNed 160417",
#: "TenderNed-nummer 160417", "TN-nummer 160417", "kenmerk 160417", "kenmerknummer: 160417".
_KENMERK = re.compile(r"\b(?:tenderned[- ]?(?:kenmerk(?:nummer)?|nummer|referentie(?:nummer)?)?|tn[- ]?nummer"
                      r"|kenmerk(?:nummer)?)" + _GAP + _NUMBER, re.I)
#: A publication id written out: "publicatienummer 407238", "publicatie-ID 407238", "publicatieId: 407238".
_PUBLICATIE = re.compile(r"\bpublicatie[- ]?(?:nummer|id)" + _GAP + _NUMBER, re.I)


def tenderned_refs(text: str) -> dict:
    """TenderNed references: TN numbers (kenmerken, written "TN469379", "TN 469379" or "TN-469379", given
    as "TN469379"), TenderNed addresses, and the publication ids of notice addresses, the current
    ``aankondigingen/overzicht/<id>`` and the older ``tenderned-tap/aankondigingen/<id>``
    (docs/reference/tenderned-awards.md, "Old notice URL").

    The kenmerk is the procedure's reference and the publicatieId a notice's (tenderned-api.md §3-4,
    tenderned-awards.md §5); news writes them out as well: "TenderNed-kenmerk 160417", "TenderNed
    160417", "kenmerk 160417", "publicatienummer 407238". "kenmerk" and "publicatienummer" alone are
    also a municipality's own letter or gazette references, so those count only on a page that names
    TenderNed; a number must stand alone (five to seven digits, not "2024/160417" nor "160417-2")."""
    mentioned = bool(re.search(r"tenderned", text, re.I))
    numbers = set(re.findall(r"\bTN[ -]?(\d{5,7})\b", text))
    publications = set(re.findall(r"(?:aankondigingen/overzicht|tenderned-tap/aankondigingen)/(\d+)", text))
    if mentioned:
        numbers |= {m.group(1) for m in _KENMERK.finditer(text)}
        publications |= {m.group(1) for m in _PUBLICATIE.finditer(text)}
    urls = sorted(set(re.findall(r"(?:https?://)?(?:www\.)?tenderned\.nl[^\s,;)]*", text, re.I)))
    return {"platform": "TenderNed" if mentioned else None, "tn_numbers": sorted(f"TN{n}" for n in numbers),
            "urls": urls, "publication_ids": sorted(publications)}
