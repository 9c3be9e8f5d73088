"""Organisations named in a text, with their role, and the awardees of the procedure.

Roles (issue 11): ``buyer`` (gemeente, inkoopbureau, inkooporganisatie, regional
backoffice), ``awardee`` (a party the text says was awarded or contracted),
``provider`` (a care provider named otherwise: Stichting X, X B.V., zorgaanbieder X,
members of a consortium), ``adviser`` (adviesbureau, VNG), ``court`` (rechtbank,
gerechtshof). Every organisation keeps the ``rule`` that found it and the ``sentence``.

Awardee rules (:func:`find_awardees`), each a fixed Dutch phrase:

* ``award_list``: a line announcing the awarded parties and ending in a colon ("De
  gegunde partijen zijn:", "hebben de volgende GI's de opdracht gegund gekregen:"),
  followed by list lines; in a list line "Voor stadsdeel Noord: A, B en C" the part
  after the colon is the list;
* ``award_inline``: "De volgende 3 aanbieders zijn gecontracteerd: A, B, C.";
* ``gegund_aan``: "gegund aan (het samenwerkingsverband) X", the verb also in quotes;
* ``winner``: "X, de winnaar van de aanbesteding", "X wint de aanbesteding";
* ``aanbesteding_aan``: "de aanbesteding aan X";
* ``contract_met``: "overeenkomst/contract met X" in a sentence that says it was signed
  or closed (sluiten, tekenen);
* ``gegund_gekregen``: "X heeft ... gegund gekregen";
* ``contracted_list``: "De betrokken GI's zijn, naast de William Schrikker Stichting, het
  Leger des Heils, ... en Jeugd Veilig Verder." (also gecontracteerde/gegunde aanbieders zijn);
* ``afgerond_met``: "een gezamenlijk inkooptraject afgerond met de William Schrikker Stichting";
* ``onderbrengen_bij``: "de contracten onderbrengen bij één organisatie: MetMaya";
* ``aanbieders_vanaf``: "(zorg)aanbieders X en Y leveren/zorgen ... vanaf <date>";
* ``bij_aanbieder``: "ingekocht bij de regionale aanbieder X", "terecht bij zorgaanbieder X";
* ``winner_side`` (branch cv24): "X heeft de opdracht gekregen om vanaf <date> ...", "X heeft de aanbesteding
  gewonnen / het contract binnengehaald / de opdracht verworven": the award told by the winner;
* ``signing_parties`` (branch cv24): "van twee samenwerkingsverbanden, X en Y, hun handtekening gezet onder de
  overeenkomst": the providers who signed the agreement;
* ``levert_vanaf``: "Sinds 1 januari 2024 verzorgt X ... jeugdhulp", "Vanaf <date> is X
  verantwoordelijk voor de ... jeugdhulp" (a full date: "Sinds 2015 zijn gemeenten
  verantwoordelijk" names no party).

Names are runs of capitalised words (with ``van``, ``de``, ``der``, ``voor``, ``en``
inside a name, ``&``, ``!``, digits and legal forms); a bare municipality name in a list
is a place, not a party. Hand-written: a general Dutch NER model would need a model
download and still would not know who was *awarded*.
"""
from __future__ import annotations

import re

_UP = r"(?:[A-ZÀ-Ý0-9][\w&'!+-]*|[a-z][A-Z][\w!+-]*)"
_CONN = r"(?:van|de|der|den|des|het|voor|in|op|&|'t|en(?= [A-Z][\w-]*(?: [A-Z]|$)))"
# At most 16 words after the first (with up to 3 joining words each): a name unbounded made a rule
# that starts with one quadratic on a run of capitalised words ("Gemeente " x 3000: 15 s).
_NAME = rf"(?:{_UP}|GGZ)(?:[ -](?:{_CONN}[ -]){{0,3}}(?:{_UP}|B\.V\.|U\.A\.)){{0,16}}"
# a name written as a brand with a lower-case start ("rondomJou"): read only where the kind of party is named before it
_BRAND = rf"(?:[a-z]+[A-Z][\w!+-]*|{_NAME})"
_LIST_SEP = re.compile(r"\s*(?:,|;|\b(?i:en)\b|\bof\b|&(?= [A-Z][\w-]* [A-Z]))\s*|(?<=!)\s+(?=[A-Z])")
_STOP = {"De", "Het", "Een", "Jeugdhulp", "Op", "In", "Tot", "Voor", "Deze", "Die", "Dat", "Alle", "Ook", "Zij",
         "Wij", "We", "Gemeenten", "Gemeente", "Regio", "De gemeente", "Jeugd", "Wmo", "GI", "GI's"}
_PROVINCES = {"Groningen", "Friesland", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
              "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Brabant", "Limburg", "Twente",
              "Nederland", "de regio"}
_SERVICE = re.compile(r"^(?:Ambulante|Specialistische|Enkelvoudige|Jeugdhulp|Jeugdzorg|Jeugd(?! [A-Z][a-z]+ [A-Z][a-z]+$)|Crisis\w*|Dyslexie\w*|"
                      r"Pleegzorg|Wmo|Gezin|Kinderen|Ouders|Onderwijs)\b")
_AWARD_HEAD = re.compile(
    r"(?:gegunde (?:partijen|aanbieders|organisaties|\w*aanbieders)|gegund gekregen|opdracht (?:\w+ ){0,3}gegund|"
    r"(?:zijn|is|worden) (?:\w+ ){0,4}gecontracteerd|gecontracteerde (?:\w+ ){0,2}aanbieders|winnaars?)"
    r"[^:]{0,80}:\s*$|(?:partijen|aanbieders) zijn:\s*$", re.I)
_LIST_LINE = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_Q = "['‘’\"“”]?"  # a verb in quotes: "de zorg werd 'gegund' aan Horizon"
_FOR_AMOUNT = r"(?: voor (?:€|EUR|euro)?\s?\d[\d.,]*(?:\s?(?:miljoen|mln\.?|miljard|duizend))?(?: euro)?)?"
_MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"


def _clean_name(n: str) -> str | None:
    n = n.strip(" .,:;'\"()")
    n = re.sub(r"^(?:de|het|aanbieders?|zorgaanbieders?|organisaties?|partijen)\s+", "", n, flags=re.I)
    n = re.sub(r"^\S*(?:instelling|aanbieder)\s+", "", n)
    tail = re.match(r"^(?P<head>.+?)\s+in\s+(?P<place>[A-Z][\w' -]+)$", n)
    if tail and (_is_place(tail["place"]) or tail["place"] in _PROVINCES):
        n = tail["head"]  # "Horizon in Zuid-Holland": the place is where, not who
    if _SERVICE.match(n) or re.fullmatch(r"[A-Z][\w-]*se", n):
        return None  # a service ("Ambulante Jeugdhulp") or a regional adjective ("Noord-Hollandse")
    if not n or n in _STOP or len(n) < 2 or not re.match(r"[A-ZÀ-Ý0-9]|[a-z]+[A-Z]", n):
        return None
    if re.fullmatch(r"\d+[.)]?", n):
        return None
    return n


def _is_place(name: str) -> bool:
    from .places import load
    munis, _ = load()
    return name in munis or name in {"Den Haag", "Weesp", "Nederland", "Zeeland", "Brabant", "Groningen"}


def _split_names(chunk: str, name: str = _NAME) -> list[str]:
    chunk = re.split(r"\.\s|\.$|\s[-–(]\s?|\bvormt\b|\bwerkt\b|\bmet onderaannemer", chunk)[0]
    out = []
    for part in _LIST_SEP.split(chunk):
        part = re.sub(r"^(?:de|het)\s+(?=[A-Z])", "", part.strip()) if part else part
        m = re.match(name, part) if part else None
        if not m:
            continue
        n = _clean_name(m.group(0))
        if n and not _is_place(n):
            out.append(n)
    return out


def _add(out: list[dict], seen: set, name: str, rule: str, sentence: str) -> None:
    key = name.casefold()
    if key in seen:
        return
    seen.add(key)
    out.append({"name": name, "rule": rule, "sentence": sentence.strip()[:300]})


def find_awardees(text: str) -> list[dict]:
    """Parties the text says were awarded or contracted, with the rule that found them."""
    out: list[dict] = []
    seen: set[str] = set()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _AWARD_HEAD.search(line):
            continue
        items_seen = numbered = False
        for nxt in lines[i + 1: i + 40]:
            s = nxt.strip()
            if not s:
                if items_seen:
                    break
                continue
            if _LIST_LINE.match(s):
                numbered = True
                item = _LIST_LINE.sub("", s)
                if ":" in item:
                    item = item.rsplit(":", 1)[1]
                for n in _split_names(item):
                    _add(out, seen, n, "award_list", line + " " + s)
                items_seen = True
                continue
            if numbered:  # a note under a list item (subcontractors, combination members)
                if len(s) > 240:
                    break
                continue
            if len(s) > 90 or (s.endswith(".") and len(s.split()) > 8):
                break
            for n in _split_names(s):
                _add(out, seen, n, "award_list", line + " " + s)
            items_seen = True
    for m in re.finditer(r"(?:zijn|is|worden|werden) (?:in [\w ]{2,40} )?gecontracteerd:\s*([^\n]+)|"
                         r"(?:gegunde|gecontracteerde) (?:\w+ ){0,2}(?:zijn|is):\s*([^\n]+)", text, re.I):
        for n in _split_names(m.group(1) or m.group(2)):
            _add(out, seen, n, "award_inline", m.group(0))
    rules = [
        # (an amount between: "definitief gegund voor € 1,5 miljoen aan Stichting X")
        ("gegund_aan", rf"{_Q}gegund{_Q}{_FOR_AMOUNT} aan (?:een |het |de )?(?:samenwerkingsverband|consortium|combinatie|zorgaanbieder|aanbieder)?\s*"
                       rf"(?:van |tussen )?(?P<names>{_NAME}(?:\s*(?:,|en)\s*{_NAME})*)"),
        ("winner", rf"(?P<names>{_NAME}),? (?:\w+ )?de winnaar van de aanbesteding"),
        ("winner", rf"(?P<names>{_NAME}) wint (?:de )?aanbesteding"),
        ("aanbesteding_aan", rf"(?:aanbesteding|aanbesteed|gegund) aan (?:zorgaanbieder |jeugdzorgaanbieder |aanbieder )?(?P<names>{_NAME})"),
        ("contract_met", rf"(?:tekenden|ondertekenden|sloten|sluiten)\b[^.\n]{{0,80}}? en (?P<names>{_NAME}) (?:de|een) (?:overeenkomst|contract)"),
        ("contract_met", rf"(?:sluit\w*|sloten|gesloten|tekenen|ondertekend|getekend)\b[^.\n]{{0,80}}"
                         rf"(?:overeenkomst|contract)\w* met (?P<names>{_NAME})"),
        ("contract_met", rf"(?:overeenkomst|contract)\w* met (?P<names>{_NAME})[^.\n]{{0,60}}"
                         rf"(?:gesloten|getekend|ondertekend|afgesloten)"),
        ("contracted_list", rf"(?:betrokken|gecontracteerde|geselecteerde|gegunde) (?:GI'?s|aanbieders|partijen|"
                            rf"instellingen|organisaties) zijn,? (?:naast (?:de |het )?(?P<first>{_NAME}),\s*)?"
                            rf"(?P<names>(?:de |het )?{_NAME}(?:\s*(?:,|en)\s*(?:de |het )?{_NAME})*)"),
        ("afgerond_met", rf"(?:inkoop ?traject|aanbesteding|inkoop)\w* afgerond met (?:de |het )?(?P<names>{_NAME})"),
        ("onderbrengen_bij", rf"(?:onder(?:brengen|gebracht)|contracten?) bij (?:één|een) (?:organisatie|aanbieder|partij)"
                             rf"\s*:\s*(?P<names>{_NAME})"),
        ("gegund_gekregen", rf"(?P<names>{_NAME}) (?:heeft|hebben) (?:[\w ]{{0,60}} )?gegund gekregen"),
        # branch cv24: the award told by the winner (stages.md definitieve_gunning from the awardee's side): "MetMaya
        # heeft de opdracht gekregen om vanaf 1 januari 2024 ...", "X heeft de aanbesteding gewonnen", "X heeft het
        # contract binnengehaald"
        ("winner_side", rf"(?P<names>{_NAME}) (?:heeft|hebben) (?:[a-z]+ ){{0,2}}(?:de|het|een) (?:[a-z]+ )?(?:opdracht|contract|aanbesteding)\w* "
                        rf"(?:(?:gegund )?gekregen (?:om )?(?:per|vanaf|met ingang van|sinds)\b|(?:[\w'-]+ ){{0,6}}(?:verworven|binnengehaald|gewonnen))"),
        # branch cv24: the providers who put their signature under the agreement (stages.md contract_ondertekend), named
        # after their kind: "van twee samenwerkingsverbanden, rondomJou en Kracht jeugd en gezin, hun handtekening gezet
        # onder de overeenkomst"
        ("signing_parties", rf"(?:samenwerkingsverband|consortium|consortia|combinatie|aanbieder|organisatie)\w*,?\s+"
                            rf"(?P<names>{_BRAND}(?:\s*(?:,|en)\s*{_BRAND})*)[^.\n,]{{0,30}},?\s+(?:[a-z]+ ){{0,2}}"
                            rf"(?:hun|zijn|haar) handtekening(?:en)? (?:[\w'-]+ ){{0,2}}onder (?:de|het) (?:\w*overeenkomst|\w*contract)"),
        ("bij_aanbieder", rf"(?:ingekocht|ondergebracht|belegd|terecht) bij (?:de |het )?(?:[a-z]+ )?"
                          rf"(?:jeugdhulp|jeugdzorg|zorg)?aanbieder (?P<names>{_NAME})"),
        ("levert_vanaf", rf"(?:[Vv]anaf|[Ss]inds|[Pp]er) \d{{1,2}} {_MONTH} \d{{4}},? (?:verzorgt|levert|biedt) "
                         rf"(?P<names>{_NAME}) [^.\n]{{0,60}}?\b(?:jeugdhulp|jeugdzorg|jeugdbescherming)"),
        ("levert_vanaf", rf"(?:[Vv]anaf|[Ss]inds|[Pp]er) \d{{1,2}} {_MONTH} \d{{4}},? is (?P<names>{_NAME}) "
                         rf"verantwoordelijk voor [^.\n]{{0,60}}?\b(?:jeugdhulp|jeugdzorg|jeugdbescherming)"),
        ("aanbieders_vanaf", rf"(?:[Zz]org)?[Aa]anbieders (?P<names>{_NAME}(?:\s*(?:,|en)\s*{_NAME})*) "
                             rf"(?:leveren|zorgen|verzorgen|voeren|gaan|nemen)\b[^.\n]{{0,80}}\bvanaf\b"),
    ]
    for rule, rx in rules:
        for m in re.finditer(rx, text):
            found = _split_names(m.group("names"), _BRAND if rule == "signing_parties" else _NAME)
            if "first" in m.groupdict() and m.group("first"):
                found = _split_names(m.group("first")) + found
            for n in found:
                if rule == "gegund_gekregen" and n in ("Alle", "Middin"):
                    continue
                _add(out, seen, n, rule, m.group(0))
    return out


ROLE_PATTERNS: list[tuple[str, str, re.Pattern]] = [
    ("court", "court_name", re.compile(r"(?P<names>(?:[Rr]echtbank|[Gg]erechtshof|Centrale Raad van Beroep)"
                                       r"(?: [A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)?)?)")),
    ("buyer", "buyer_office", re.compile(rf"(?P<names>(?:Inkoopbureau|Aankoopcentrale|Serviceorganisatie Jeugd|"
                                         rf"(?:Regionale )?Inkooporganisatie|Regionale Backoffice|Organisatie voor Zorg en Jeugdhulp)"
                                         rf"(?: {_NAME})?)")),
    ("buyer", "acronym", re.compile(r"\b(?P<names>RIGG|OZJT|H10 Inkoopbureau|GRJR|SOJ|TWO Jeugdhulp)\b")),
    ("adviser", "adviser", re.compile(rf"(?P<names>(?:Adviesbureau|adviesbureau|Bureau) {_NAME}|"
                                      r"Vereniging van Nederlandse Gemeenten|\bVNG\b)")),
    ("provider", "incumbent", re.compile(rf"huidige (?:aan ?bieder|opdrachtnemer|partij)\s+(?P<names>(?:[Cc]oöperatie|[Ss]tichting) {_NAME})")),
    ("provider", "legal_form", re.compile(rf"(?P<names>(?:[Ss]tichting|[Cc]oöperatie) {_NAME}|{_NAME} B\.V\.)")),
    ("provider", "aanbieder_x", re.compile(rf"(?:[Jj]eugdzorg|[Jj]eugdhulp|[Zz]org)?aanbieders? (?P<names>{_NAME}"
                                           rf"(?:\s*(?:,|en)\s*{_NAME})*)")),
    ("provider", "consortium", re.compile(rf"(?:samenwerkingsverband|consortium|combinatie) (?:tussen |van )?"
                                          rf"(?P<names>{_NAME}(?:\s*(?:,|en)\s*{_NAME})*)")),
]


def find_organisations(text: str, awardees: list[dict] | None = None,
                       municipalities: list[dict] | None = None) -> list[dict]:
    """Organisations with ``name``, ``role``, ``rule`` and ``sentence``. Awardees come
    first (role ``awardee``); buyers include each municipality named as "gemeente X"."""
    out: list[dict] = []
    seen: set[str] = set()
    for a in awardees if awardees is not None else find_awardees(text):
        seen.add(a["name"].casefold())
        out.append({"name": a["name"], "role": "awardee", "rule": a["rule"], "sentence": a["sentence"]})
    for role, rule, rx in ROLE_PATTERNS:
        for m in rx.finditer(text):
            names = _split_names(m.group("names")) if rule in ("aanbieder_x", "consortium") else [m.group("names").strip(" .")]
            for n in names:
                key = n.casefold()
                if rule not in ("court_name",) and n != m.group("names").strip(" .") and not _clean_name(n):
                    continue
                if rule == "court_name" and " " not in n.strip():
                    continue  # "Rechtbank" without a seat names no organisation
                if not n or key in seen or any(k.startswith(key + " ") or key.endswith(" " + k) for k in seen) \
                        or n in _STOP or len(n) < 3:
                    continue
                seen.add(key)
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                out.append({"name": n, "role": role, "rule": rule,
                            "sentence": text[line_start: line_end if line_end > 0 else None][:300]})
    for mun in municipalities or []:
        name = mun["name"]
        plain = re.sub(r"\s*\([^)]*\)", "", name)
        forms = {plain, "Den Haag"} if name == "'s-Gravenhage" else {plain}
        for form in forms:
            m = re.search(r"\b[Gg]emeenten?\s+(?:[\w-]+,\s+|[\w-]+\s+en\s+)*" + re.escape(form) + r"\b", text)
            if m and f"gemeente {name}".casefold() not in seen:
                seen.add(f"gemeente {name}".casefold())
                out.append({"name": f"gemeente {name}", "role": "buyer", "rule": "gemeente_x",
                            "sentence": text[text.rfind(chr(10), 0, m.start()) + 1:][:300].split("\n")[0]})
                break
    return out
