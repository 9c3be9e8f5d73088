"""Organisations and their role in the tender: ``awardee``, ``consortium``, ``incumbent``,
``buyer``, ``adviser``, ``court``.

Pattern based (hand-written): names follow fixed Dutch phrases ("gegund aan",
"huidige aanbieder", "Adviesbureau", "Rechtbank <plaats>"). A general Dutch NER model
would need a model download and still not know the roles.
"""
from __future__ import annotations

import re

_NAME = r"(?:[A-Z][\w&'-]*|MEE|GGZ)(?:[ -](?:[A-Z][\w&'-]*|van|de|der|en(?= [A-Z][\w-]* [A-Z])|voor))*"
_LIST = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s+en\s+{_NAME})?"

ROLE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("awardee", re.compile(rf"gegund aan (?:een |het )?(?:samenwerkingsverband|consortium|combinatie)?\s*(?:van |tussen )?(?P<names>{_LIST})")),
    ("consortium", re.compile(rf"(?:samenwerkingsverband|consortium|combinatie) (?:tussen |van )?(?P<names>{_LIST})")),
    ("incumbent", re.compile(rf"huidige (?:aan ?bieder|opdrachtnemer|partij)\s+(?P<names>(?:coöperatie|stichting|Coöperatie|Stichting) {_NAME})")),
    ("adviser", re.compile(rf"(?P<names>(?:Adviesbureau|adviesbureau|Bureau) {_NAME})")),
    ("court", re.compile(r"(?P<names>(?:Rechtbank|Gerechtshof|Centrale Raad van Beroep) (?:[A-Z][\w-]+(?: [A-Z][\w-]+)?))")),
    ("buyer", re.compile(rf"(?P<names>(?:Inkoopbureau|Aankoopcentrale|Serviceorganisatie Jeugd|Inkooporganisatie) {_NAME})")),
]
_STOP = {"De", "Het", "Een", "Jeugdhulp", "Op", "In", "Tot", "Voor"}


def _split(names: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+en\s+", names)
    return [p.strip(" .") for p in parts if p.strip(" .") and p.strip(" .") not in _STOP]


def find_organisations(text: str) -> list[dict]:
    out: list[dict] = []
    seen: set[str] = set()
    for role, rx in ROLE_PATTERNS:
        for m in rx.finditer(text):
            names = _split(m.group("names")) if role in ("awardee", "consortium") else [m.group("names").strip(" .")]
            for n in names:
                key = n.casefold()
                if key in seen or any(k.startswith(key + " ") for k in seen):
                    continue
                seen.add(key)
                out.append({"name": n, "role": role})
    return out
