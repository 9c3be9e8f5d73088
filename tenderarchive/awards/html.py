"""Award data from a notice's ``/publicaties/{id}/html`` rendering, both layouts.

The endpoint answers ``{"html": "<table>…"}``. Two layouts occur
(docs/awards.md, "The /html rendering"):

- **eForms** (late 2023 on): one table whose ``<tr class="header1|2|3">`` rows
  open sections ("6. Resultaten"), sub-sections ("6.1 ID resultaat perceel:
  LOT-0001") and sub-sub-sections ("6.1.2 Informatie over winnaars"); other
  rows are label/value pairs, amounts (value span + currency span) or
  label-only rows that open a block ("Winnaar", "Inschrijving", …). Rows are
  read in document order and keyed by their *label text* (both Dutch label
  sets and English), never by position.
- **Older standard forms** ("Afdeling V: Gunning van een opdracht", one block
  per contract or lot): the markup is linearised into text lines (headings,
  paragraphs split at ``<br>``, ``<dt>``/``<dd>`` pairs) and read line by line.

Anything else is an unknown layout: nothing is guessed.

Output is plain dicts — ``lots``, ``awards`` (one per awarded lot result),
``suppliers`` (one per winner, consortium members each their own row) — plus
``problems``, a list of what could not be read. Malformed input never raises.
The HTML is parsed with lxml; the reading rules are written here because no
library knows TenderNed's rendering.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

from dataclasses import replace

import lxml.html

from tenderarchive.awards.amounts import Amount, currency_code, parse_amount
from tenderarchive.awards.names import kvk_number, name_key

# --- labels (docs/awards.md, "Labels"): normalised with _norm ---------------------------------------------
ESTIMATED = {"geraamde waarde exclusief btw", "estimated value excluding vat"}
TOTAL_AWARDED = {"waarde van alle contracten toegekend in deze kennisgeving",
                 "waarde van alle in het kader van deze procedure gegunde opdrachten",
                 "value of all contracts awarded in this notice", "value of all contracts awarded in this procedure"}
FRAMEWORK_NOTICE = {"maximumwaarde van de raamovereenkomsten in deze aankondiging",
                    "maximumwaarde van de raamovereenkomsten in deze procedure",
                    "maximum value of the framework agreements in this notice",
                    "maximum value of the framework agreements in this procedure"}
FRAMEWORK_APPROX = {"waarde bij benadering van de raamovereenkomsten", "geschatte waarde van de raamovereenkomsten",
                    "approximate value of the framework agreements"}
FRAMEWORK_LOT = {"maximumwaarde van de raamovereenkomst", "maximum value of the framework agreement"}
FRAMEWORK_REESTIMATE = {"opnieuw geraamde waarde van de raamovereenkomst", "herraming van de waarde van de raamovereenkomst",
                        "re-estimated value of the framework agreement"}
TENDER_VALUE = {"waarde van de aanbesteding", "waarde van het resultaat", "value of the tender", "value of the result"}
LOWEST = {"waarde van de laagste ontvankelijke inschrijving", "value of the lowest admissible tender"}
HIGHEST = {"waarde van de hoogste ontvankelijke inschrijving", "value of the highest admissible tender"}
CONCESSION = {"geraamde inkomsten afkomstig van de gebruikers van de concessie"}
OFFICIAL_NAME = {"officiele naam", "official name"}
GROUP_NAME = {"naam van de aanbiedende partij", "name of the tendering party"}
GROUP_LEADER = {"leider van de inschrijver", "leader of the tenderer"}
GROUP_MEMBERS = {"officiele namen van de ondernemingen die deel uitmaken van een inschrijvende groep, "
                 "maar niet de leider van de groep zijn"}
TENDER_LOT = {"identificatiecode van het perceel of de groep percelen", "identifier of lot or group of lots"}
TENDER_ID = {"identificatiecode van de inschrijving", "tender identifier"}
CONTRACT_ID = {"identificatiecode van het contract", "contract identifier"}
WINNER_DATE = {"datum waarop de winnaar is gekozen", "date on which the winner was chosen"}
CONTRACT_DATE = {"datum van sluiting van het contract", "date of the conclusion of the contract"}
NO_WINNER_REASON = {"de reden waarom geen winnaar is gekozen", "the reason why a winner was not chosen"}
RECEIVED_COUNT = {"aantal ontvangen inschrijvingen of verzoeken tot deelname",
                  "number of tenders or requests to participate received"}
RECEIVED_TYPE = {"type van de ontvangen inschrijvingen", "type of received submissions"}
REGISTRATION = {"registratienummer", "registration number"}
CITY = {"stad", "plaats", "town", "city"}
COUNTRY = {"land", "country"}
WINNER_OF_LOTS = {"winnaar van deze percelen", "winner of these lots"}
TITLE = {"titel", "title"}
CPV = {"hoofdclassificatie (cpv)", "belangrijkste classificatiecode (cpv)", "main classification (cpv)",
       "main classification code (cpv)", "hoofdclassificatie", "cpv-code"}
# label-only rows that open a block
OPEN_WINNER = {"winnaar", "winner"}
OPEN_TENDER = {"inschrijving", "inschrijver", "tender", "tenderer"}
OPEN_CONTRACT = {"informatie over het contract", "contract information"}
OPEN_FRAMEWORK = {"raamovereenkomst", "framework agreement"}
OPEN_SUBCONTRACTORS = {"aannemers van de inschrijver", "onderaannemer", "subcontractor", "subcontractors"}
# BT-142 winner-selection-status (eForms SDK code_nl.xml)
STATUS_AWARDED = {"er is ten minste een winnaar gekozen.", "at least one winner was chosen."}
STATUS_CLOSED = {"er is geen winnaar gekozen en de mededinging is gesloten.",
                 "no winner was chosen and the competition is closed."}
STATUS_OPEN = {"er is nog geen winnaar gekozen, maar de mededinging loopt nog.",
               "no winner has yet been chosen, but the competition is still ongoing."}


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip().lower()


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = re.sub(r"^\[\s*(.*?)\s*\]\s*-*$", r"\1", text)  # older rendering: "[ Marsh B.V. ] ---"
    return text or None


def parse_notice_date(text: str | None) -> str | None:
    """"15/05/2026" or "2023-06-26+02:00" → "2026-05-15" / "2023-06-26"; None when not a date."""
    if not text:
        return None
    text = text.strip()
    try:
        if m := re.search(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b", text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})", text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
    return None


def amount_fields(prefix: str, amount: Amount | None) -> dict:
    """Flatten an amount into ``{prefix}_cents`` (NULL for placeholders and ranges), ``_raw``, ``_currency``,
    ``_placeholder``; ranges also give ``_low_cents``/``_high_cents``."""
    if amount is None:
        amount = Amount(None, missing=True)
    out = {f"{prefix}_cents": amount.value_cents, f"{prefix}_raw": amount.raw,
           f"{prefix}_currency": amount.currency if not amount.missing else None,
           f"{prefix}_placeholder": 1 if amount.placeholder else (None if amount.cents is None else 0)}
    if amount.is_range:
        out[f"{prefix}_low_cents"], out[f"{prefix}_high_cents"] = amount.low_cents, amount.high_cents
    return out


def unwrap(body) -> tuple[str | None, list[str]]:
    """The HTML inside the ``{"html": …}`` envelope (bytes, text or a parsed dict)."""
    try:
        if isinstance(body, (bytes, bytearray)):
            body = body.decode("utf-8", errors="replace")
        data = json.loads(body) if isinstance(body, str) else body
    except (ValueError, TypeError) as exc:
        return None, [f"envelope is not JSON: {exc}"]
    if not isinstance(data, dict):
        return None, ["envelope is not an object"]
    html = data.get("html")
    if not isinstance(html, str) or not html.strip():
        return None, ["envelope has no html"]
    return html, []


def detect_layout(html: str) -> str:
    if re.search(r"<tr[^>]*class=[\"'][^\"']*\bheader1\b", html):
        return "eforms"
    if re.search(r"Afdeling\s+(I|V)\b", html):
        return "standard"
    return "unknown"


def parse_response(body) -> dict:
    """Parse a ``/html`` response body (the JSON envelope). Never raises."""
    html, problems = unwrap(body)
    if html is None:
        return _empty("unknown", problems)
    result = parse_html(html)
    result["problems"] = problems + result["problems"]
    return result


def parse_html(html: str) -> dict:
    """Parse the rendering itself (the envelope's ``html``). Never raises."""
    layout = detect_layout(html or "")
    try:
        if layout == "eforms":
            return _EForms(html).parse()
        if layout == "standard":
            return _Standard(html).parse()
    except Exception as exc:  # noqa: BLE001 — malformed markup must never stop a crawl
        return _empty(layout, [f"parser failed: {type(exc).__name__}: {exc}"])
    return _empty("unknown", ["unknown layout: neither eForms rows nor 'Afdeling' sections"] if html else [])


def _empty(layout, problems):
    return {"layout": layout, "language": None, "buyer": None, "procedure": {}, "lots": [], "awards": [],
            "suppliers": [], "problems": list(problems)}


def _lot(lot_id):
    return {"lot_id": lot_id, "title": None, "cpv": None, "awarded": None, "not_awarded_reason": None,
            "tenders_received": None, "received_counts": {}, "estimated": None, "framework_maximum": None,
            "framework_reestimate": None, "lowest_tender": None, "highest_tender": None, "shared_value": None}


def _finish(layout, language, buyer, procedure, lots: dict, results: dict, orgs: list, problems) -> dict:
    """Turn the collected lot results into lots / awards / suppliers rows."""
    by_key = {}
    for org in orgs:
        if org.get("name"):
            by_key.setdefault(name_key(org["name"]), org)
    # Fallback: "Winnaar van deze percelen" in section 8 when a lot result names no winner.
    for org in orgs:
        for lot_id in org.get("winner_of", []):
            result = results.setdefault(lot_id, {"winners": [], "awarded": None})
            if not result["winners"]:
                result["winners"].append({"name": org.get("name"), "from_section_8": True})
    out_lots, awards, suppliers = [], [], []
    for lot_id in list(dict.fromkeys([*lots, *results])):
        lot = lots.get(lot_id) or _lot(lot_id)
        result = results.get(lot_id, {})
        for key in ("tenders_received", "lowest_tender", "highest_tender", "framework_maximum",
                    "framework_reestimate", "not_awarded_reason", "shared_value"):
            if result.get(key) is not None:
                lot[key] = result[key]
        lot["received_counts"] = result.get("received_counts") or lot["received_counts"]
        winners = [w for w in result.get("winners", []) if not w.get("empty")]
        awarded = result.get("awarded")
        if awarded is None and result:
            awarded = bool(winners) if (winners or result.get("closed")) else None
        lot["awarded"] = awarded
        row = {"lot_id": lot_id, "title": lot["title"], "cpv": lot["cpv"],
               "awarded": None if awarded is None else int(bool(awarded)),
               "not_awarded_reason": lot["not_awarded_reason"], "tenders_received": lot["tenders_received"],
               "received_counts": json.dumps(lot["received_counts"], ensure_ascii=False) if lot["received_counts"] else None}
        row.update(amount_fields("estimated", lot["estimated"]))
        row.update(amount_fields("framework_maximum", lot["framework_maximum"]))
        row.update(amount_fields("lowest_tender", lot["lowest_tender"]))
        row.update(amount_fields("highest_tender", lot["highest_tender"]))
        out_lots.append(row)
        nameless = [w for w in result.get("winners", []) if w.get("empty")]
        if nameless:
            problems.append(f"{lot_id}: {len(nameless)} winner(s) without an official name")
        if not winners:
            continue
        values = [w.get("value") for w in winners if w.get("value") is not None and w["value"].cents is not None]
        value = lot["shared_value"] or (values[0] if len(winners) == 1 and values else None)
        award = {"lot_id": lot_id, "award_index": len(awards),
                 "award_date": next((w.get("award_date") for w in winners if w.get("award_date")), result.get("award_date")),
                 "contract_date": next((w.get("contract_date") for w in winners if w.get("contract_date")),
                                      result.get("contract_date")),
                 "contract_id": next((w.get("contract_id") for w in winners if w.get("contract_id")), None),
                 "tenders_received": lot["tenders_received"], "winner_count": 0}
        award.update(amount_fields("value", value))
        award.update(amount_fields("framework_maximum", lot["framework_maximum"]))
        for winner in winners:
            members = winner.get("members") or []
            group = winner.get("group_name")
            parties = ([{"name": winner.get("leader") or group, "leader": 1}] if winner.get("leader") or (group and not members)
                       else []) + [{"name": m, "leader": 0} for m in members]
            if not parties:
                parties = [{"name": winner.get("name"), "leader": None}]
            for party in parties:
                name = _clean(party["name"])
                org = by_key.get(name_key(name)) if name else None
                kvk = winner.get("kvk") if len(parties) == 1 else None
                kvk = kvk or (kvk_number(org.get("registration")) if org else None)
                row = {"lot_id": lot_id, "award_index": award["award_index"], "name": name, "name_key": name_key(name),
                       "kvk": kvk, "place": winner.get("place") if len(parties) == 1 else None,
                       "country": winner.get("country") if len(parties) == 1 else None,
                       "group_name": group or (winner.get("group_label") if winner.get("in_group") else None),
                       "group_member": 1 if (group or members or winner.get("in_group")) else 0,
                       "group_leader": party["leader"] if (group or members) else None,
                       "from_section_8": 1 if winner.get("from_section_8") else 0}
                if org:
                    row["place"] = row["place"] or org.get("city")
                    row["country"] = row["country"] or org.get("country")
                row.update(amount_fields("tender_value", winner.get("value") if party is parties[0] else None))
                suppliers.append(row)
                award["winner_count"] += 1
        awards.append(award)
    flat = {}
    for key, value in procedure.items():
        flat.update(amount_fields(key, value) if isinstance(value, Amount) else {key: value})
    return {"layout": layout, "language": language, "buyer": buyer, "procedure": flat, "lots": out_lots,
            "awards": awards, "suppliers": suppliers, "problems": problems}


class _EForms:
    def __init__(self, html: str):
        self.root = lxml.html.fromstring(html)
        self.problems: list[str] = []
        self.section = 0
        self.sub = ""            # the last header3 number ("6.1.2")
        self.block = None        # the open label-only block
        self.lots: dict[str, dict] = {}
        self.results: dict[str, dict] = {}
        self.lot5 = None         # current lot in section 5
        self.result = None       # current lot result in section 6
        self.winner = None
        self.org = None
        self.orgs: list[dict] = []
        self.procedure: dict = {}
        self.buyer = None
        self.language = None
        self.pending_type = None

    @staticmethod
    def _cells(tr):
        cells = tr.xpath("./td|./th")
        label = value = currency = None
        spans = tr.xpath(".//span[contains(concat(' ', normalize-space(@class), ' '), ' label ')]")
        if spans:
            label = spans[0].text_content()
        values = tr.xpath(".//span[contains(concat(' ', normalize-space(@class), ' '), ' value ')]")
        if values:
            value = " ".join(v.text_content() for v in values)
        dyn = tr.xpath(".//span[contains(concat(' ', normalize-space(@class), ' '), ' dynamic-label ')]")
        if dyn:
            currency = dyn[0].text_content()
        if label is None and cells:
            label = cells[0].text_content()
            if value is None and len(cells) > 1:
                value = cells[1].text_content()
        return len(cells), _clean(label), _clean(value), _clean(currency)

    def parse(self) -> dict:
        for tr in self.root.iter("tr"):
            cls = (tr.get("class") or "").split()
            text = _clean(tr.text_content()) or ""
            if "header1" in cls:
                self._header1(text)
            elif "header2" in cls:
                self._header2(text)
            elif "header3" in cls:
                self.sub = (re.match(r"\s*([\d.]+)", text) or [None, ""])[1].rstrip(".")
                self.block = None
                self.pending_type = None
            else:
                ncells, label, value, currency = self._cells(tr)
                if value is None and ncells <= 1:
                    self._label_only(label or text)
                else:
                    self._row(_norm(label), value, currency)
        return _finish("eforms", self.language, self.buyer, self.procedure, self.lots, self.results,
                       self.orgs, self.problems)

    def _header1(self, text):
        m = re.match(r"\s*(\d+)\.?\s*(.*)", text)
        self.section = int(m.group(1)) if m else 0
        if self.section == 1 and m:
            self.language = "en" if _norm(m.group(2)).startswith("buyer") else "nl"
        self.sub, self.block, self.result, self.winner, self.lot5, self.org = "", None, None, None, None, None

    def _header2(self, text):
        lot_id = _clean(text.rsplit(":", 1)[1]) if ":" in text else None
        self.block, self.winner, self.sub = None, None, ""
        if self.section == 5:
            lot_id = lot_id or f"LOT-{len(self.lots) + 1:04d}"
            self.lot5 = self.lots.setdefault(lot_id, _lot(lot_id))
        elif self.section == 6:
            if not lot_id:
                self.problems.append(f"lot result header without a lot id: {text!r}")
                lot_id = f"?{len(self.results) + 1}"
            self.result = self.results.setdefault(lot_id, {"winners": [], "awarded": None, "received_counts": {}})
        elif self.section == 8:
            self.org = {"id": _clean(re.sub(r"^\s*[\d.]+\s*", "", text)), "name": None, "registration": None,
                        "city": None, "country": None, "winner_of": [], "roles": []}
            self.orgs.append(self.org)

    def _label_only(self, label):
        key = _norm(label)
        if self.section == 6 and self.result is not None:
            if key in STATUS_AWARDED:
                self.result["awarded"] = True
                return
            if key in STATUS_CLOSED:
                self.result["awarded"], self.result["closed"] = False, True
                return
            if key in STATUS_OPEN:
                self.result["awarded"] = None
                self.result["open"] = True
                return
        if key in OPEN_WINNER and self.section == 6 and self.result is not None and not self.sub.startswith("6.1.3"):
            self.winner = {"name": None, "value": None, "empty": True}
            self.result["winners"].append(self.winner)
            self.block = "winner"
        elif key in OPEN_TENDER:
            self.block = "tender"
        elif key in OPEN_CONTRACT:
            self.block = "contract"
        elif key in OPEN_FRAMEWORK:
            self.block = "framework"
        elif key in OPEN_SUBCONTRACTORS:
            self.block = "subcontractor"
        elif self.section == 8 and self.org is not None:
            if key not in {"rollen van deze organisatie", "roles of this organisation"}:
                self.org["roles"].append(label)
        else:
            self.block = key

    def _row(self, key, value, currency):
        amount = parse_amount(value, currency) if value is not None else None
        sec = self.section
        if sec == 1 and key in OFFICIAL_NAME and not self.buyer:
            self.buyer = _clean(value)
        elif sec == 2:
            if key in ESTIMATED:
                self.procedure["estimated"] = amount
            elif key in TITLE and "title" not in self.procedure:
                self.procedure["title"] = _clean(value)
        elif sec == 5 and self.lot5 is not None:
            if key in ESTIMATED:
                self.lot5["estimated"] = amount
            elif key in TITLE and not self.lot5["title"]:
                self.lot5["title"] = _clean(value)
            elif key in CPV or ("classificatie" in key and re.search(r"\d{8}", value or "")):
                if not self.lot5["cpv"] and (m := re.search(r"\d{8}(-\d)?", value or "")):
                    self.lot5["cpv"] = m.group(0)
        elif sec == 6:
            self._result_row(key, value, amount)
        elif sec == 8 and self.org is not None:
            if key in OFFICIAL_NAME:
                self.org["name"] = _clean(value)
            elif key in REGISTRATION:
                self.org["registration"] = _clean(value)
            elif key in CITY:
                self.org["city"] = _clean(value)
            elif key in COUNTRY:
                self.org["country"] = _clean(value)
            elif key in WINNER_OF_LOTS:
                self.org["winner_of"] = re.findall(r"LOT-\d+|[\w-]+", value or "")

    def _result_row(self, key, value, amount):
        if self.result is None:  # notice-level rows before the first lot result
            if key in TOTAL_AWARDED:
                self.procedure["total_awarded"] = amount
            elif key in FRAMEWORK_NOTICE:
                self.procedure["framework_maximum"] = amount
            elif key in FRAMEWORK_APPROX:
                self.procedure["framework_approximate"] = amount
            elif amount is not None and amount.cents is not None and key not in CONCESSION:
                self.problems.append(f"unread amount in section 6: {key!r} = {value!r}")
            return
        result, winner = self.result, self.winner
        if _norm(value) in STATUS_AWARDED:
            result["awarded"] = True
        elif _norm(value) in STATUS_CLOSED:
            result["awarded"], result["closed"] = False, True
        elif key in NO_WINNER_REASON:
            result["not_awarded_reason"] = _clean(value)
            result["awarded"], result["closed"] = False, True
        elif key in FRAMEWORK_LOT:
            result["framework_maximum"] = amount
        elif key in FRAMEWORK_REESTIMATE:
            result["framework_reestimate"] = amount
        elif key in LOWEST:
            result["lowest_tender"] = amount
        elif key in HIGHEST:
            result["highest_tender"] = amount
        elif key in RECEIVED_TYPE:
            self.pending_type = _clean(value)
        elif key in RECEIVED_COUNT:
            try:
                count = int(re.sub(r"\D", "", value or "") or "x")
            except ValueError:
                self.problems.append(f"tender count is not a number: {value!r}")
                return
            kind = self.pending_type or "Inschrijvingen"
            result["received_counts"][kind] = count
            if _norm(kind) in {"inschrijvingen", "tenders"}:
                result["tenders_received"] = count
            self.pending_type = None
        elif self.sub.startswith("6.1.3") or self.block == "subcontractor":
            return  # non-winners and subcontractors are not winners
        elif winner is not None and key in OFFICIAL_NAME and self.block == "winner":
            winner["name"], winner["empty"] = _clean(value), False
        elif winner is not None and key in GROUP_NAME:
            winner["group_name"], winner["empty"] = _clean(value), False
        elif winner is not None and key in GROUP_LEADER:
            winner["leader"], winner["empty"] = _clean(value), False
        elif winner is not None and key in GROUP_MEMBERS:
            winner["members"] = [m.strip() for m in re.split(r",|;", value or "") if m.strip()]
            winner["empty"] = False
        elif winner is not None and key in TENDER_VALUE:
            winner["value"] = amount
        elif winner is not None and key in TENDER_LOT:
            winner["tender_lot"] = _clean(value)
        elif winner is not None and key in TENDER_ID:
            winner["tender_id"] = _clean(value)
        elif winner is not None and key in CONTRACT_ID:
            winner["contract_id"] = _clean(value)
        elif key in WINNER_DATE:
            (winner if winner is not None else result)["award_date"] = parse_notice_date(value)
        elif key in CONTRACT_DATE:
            (winner if winner is not None else result)["contract_date"] = parse_notice_date(value)
        elif key in TENDER_VALUE:
            result["shared_value"] = amount
        elif amount is not None and amount.cents is not None and key not in CONCESSION and currency_like(value):
            self.problems.append(f"unread amount in section 6: {key!r} = {value!r}")


def currency_like(value) -> bool:
    return bool(re.fullmatch(r"[\d\s.,\u00a0€A-Za-z]*\d[\d\s.,\u00a0]*(euro|eur)?\s*", (value or "").strip(), re.I)) \
        and not re.search(r"LOT-|ORG-|TEN-|CON-|RES-|/", value or "")


# --- older standard forms ----------------------------------------------------------------------------------
_BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "div"}


def _lines(root) -> list[str]:
    """Linearise the rendering: one line per heading/paragraph/<br> part; a <dt> joins its <dd>."""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCK_TAGS:
            continue
        if el.tag == "div" and any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el.iterdescendants()):
            continue
        if el.tag != "dd" and any(isinstance(a.tag, str) and a.tag in (_BLOCK_TAGS - {"div"}) for a in el.iterancestors()):
            continue
        text = el.text_content()
        if el.tag == "dd" and lines and lines[-1].endswith(":"):
            lines[-1] = lines[-1] + " " + (_clean(text) or "")
            continue
        lines.extend(filter(None, (_clean(t) for t in text.split("\n"))))
    return lines


_ROMAN = re.compile(r"^Afdeling\s+([IVX]+)\s*:?\s*(.*)$", re.I)


class _Standard:
    def __init__(self, html: str):
        self.root = lxml.html.fromstring(html)
        self.problems: list[str] = []

    def parse(self) -> dict:
        lines = _lines(self.root)
        section, sub = "", ""
        buyer = None
        procedure: dict = {}
        lots: dict[str, dict] = {}
        results: dict[str, dict] = {}
        block = None            # the current Afdeling V block
        contractor = None
        value_kind = None       # the V.2.4 value awaiting its number on the next line
        blocks = 0
        i = 0

        def value_of(line):
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if not rest and i + 1 < len(lines) and not re.match(r"^[IVX]+\.\d", lines[i + 1]):
                return lines[i + 1], True
            return rest, False

        while i < len(lines):
            line = lines[i]
            low = _norm(line)
            skip = False
            if m := _ROMAN.match(line):
                section = m.group(1).upper()
                sub, contractor, value_kind = "", None, None
                if section == "V":
                    blocks += 1
                    block = {"lot_id": None, "title": None, "contract_no": None, "winners": [], "awarded": None,
                             "received_counts": {}}
                    results[f"#{blocks}"] = block
                i += 1
                continue
            if m := re.match(r"^([IVX]+\.\d+(?:\.\d+)*)\)", line):
                sub = m.group(1)
                if sub == "V.2.3":
                    contractor = {"name": None, "value": None, "empty": True, "in_group": block and block.get("group")}
                    if block is not None:
                        block["winners"].append(contractor)
                if sub.startswith("V.1") and block is not None:
                    block["awarded"], block["closed"] = False, True
            if section == "II" and low.startswith("munt"):
                code = value_of(line)[0]
                for key in ("total_awarded", "estimated"):
                    if procedure.get(key) is not None:
                        procedure[key] = _with_currency(procedure[key], code)
            elif section == "I" and low.startswith("officiele benaming") and not buyer:
                buyer = _clean(value_of(line)[0])
            elif section == "II" and ("totale waarde van de aanbesteding" in low or sub == "II.1.7"):
                if low.startswith("waarde") or low.startswith("laagste"):
                    procedure["total_awarded"] = parse_amount(line)
            elif section == "II" and sub == "II.1.5" and (low.startswith("waarde") or "geraamde totale waarde" in low):
                text, skip = value_of(line)
                if re.search(r"\d", text):
                    procedure["estimated"] = parse_amount(text)
            elif section == "V" and block is not None:
                if low.startswith("opdracht nr"):
                    block["contract_no"] = _clean(value_of(line)[0])
                elif low.startswith("perceel nr"):
                    block["lot_id"] = _clean(value_of(line)[0])
                elif low.startswith("benaming"):
                    block["title"] = _clean(value_of(line)[0])
                elif low.startswith("een opdracht/perceel wordt gegund"):
                    block["awarded"] = low.endswith("ja")
                    if not block["awarded"]:
                        block["closed"] = True
                elif sub.startswith("V.1") and not re.match(r"^V\.1\)", line):
                    block["not_awarded_reason"] = (block.get("not_awarded_reason") or "") + line
                elif "datum van de sluiting van de overeenkomst" in low or sub == "V.2.1" and parse_notice_date(line):
                    text, skip = value_of(line) if ":" in line else (line, False)
                    block["contract_date"] = parse_notice_date(text)  # the conclusion of the contract, not the choice
                elif low.startswith("aantal inschrijvingen") or low.startswith("aantal ontvangen inschrijvingen"):
                    text = value_of(line)[0]
                    if text.strip().isdigit():
                        block["tenders_received"] = int(text)
                        block["received_counts"]["Inschrijvingen"] = int(text)
                elif low.startswith("aantal langs elektronische weg"):
                    text = value_of(line)[0]
                    if text.strip().isdigit():
                        block["received_counts"]["Elektronisch ingediende inschrijvingen"] = int(text)
                elif low.startswith("de opdracht is gegund aan een groep ondernemers"):
                    block["group"] = low.endswith("ja")
                elif contractor is not None and sub == "V.2.3":
                    if low.startswith("officiele benaming"):
                        contractor["name"], contractor["empty"] = _clean(value_of(line)[0]), False
                    elif low.startswith("nationale identificatie"):
                        contractor["kvk"] = kvk_number(value_of(line)[0])
                    elif low.startswith("plaats"):
                        contractor["place"] = _clean(value_of(line)[0])
                    elif low.startswith("land"):
                        contractor["country"] = _clean(value_of(line)[0])
                elif sub == "V.2.4":
                    if low.startswith("munt"):
                        code = value_of(line)[0]
                        for key in ("estimated", "shared_value"):
                            if block.get(key) is not None:
                                block[key] = _with_currency(block[key], code)
                    elif low.startswith("aanvankelijk geraamde totale waarde"):
                        text, skip = value_of(line)
                        block["estimated"] = parse_amount(text)
                    elif low.startswith("totale waarde van de opdracht") or low.startswith("laagste offerte"):
                        text, skip = value_of(line) if low.startswith("totale") else (line, False)
                        block["shared_value"] = parse_amount(text)
            i += 2 if skip else 1
        # key the blocks by lot: "Perceel nr.: -" is the procedure's single lot
        for key, block in list(results.items()):
            lot_id = block["lot_id"] if block["lot_id"] not in (None, "-") else (block["contract_no"] or "1")
            del results[key]
            if lot_id in results:
                self.problems.append(f"lot {lot_id} has two 'Afdeling V' blocks; the later one is kept")
            results[lot_id] = block
            lot = lots.setdefault(lot_id, _lot(lot_id))
            lot["title"], lot["estimated"] = block["title"], block.get("estimated")
            if block.get("group"):
                names = [c["name"] for c in block["winners"] if c.get("name")]
                for c in block["winners"]:
                    c["in_group"], c["group_label"] = True, " / ".join(names) or None
        if not results and not procedure and not buyer:
            self.problems.append("no 'Afdeling' section could be read")
        return _finish("standard", "nl", buyer, procedure, lots, results, [], self.problems)


def _with_currency(amount: Amount, code: str) -> Amount:
    return replace(amount, currency=currency_code(code) or amount.currency)
