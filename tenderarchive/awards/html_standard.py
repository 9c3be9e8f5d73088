"""The older standard-forms layout of the ``/html`` rendering ("Afdeling V: Gunning van een opdracht").

One block per contract or lot: the markup is linearised into text lines (headings,
paragraphs split at ``<br>``, ``<dt>``/``<dd>`` pairs) and read line by line.

Pages before 2016 (docs/awards.md) number section V differently: "PERCEEL nr. 1" /
"BENAMING:" open each lot inside one section V, V.1 is the award date (not the 2016 form's
"Inlichtingen over niet-gunning"), V.2 the tender counts, V.3 the contractor as bare lines
(name, an optional id, the address) and V.4 "Aanvankelijke geraamde totale waarde van de
opdracht:" / "Totale definitieve waarde van de opdracht:" with the value on the next line.
Entry point and rows: :mod:`tenderarchive.awards.html`.
"""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html

from tenderarchive.awards.amounts import (Amount, currency_code, excl_vat_first, includes_vat, parse_amount,
                                          range_beside_value)
from tenderarchive.awards.html import (_clean, _finish, _lot, _norm, parse_notice_date, parse_notice_day_or_month,
                                      party_name, tender_count)
from tenderarchive.awards.names import kvk_number, nuts_code, postcode_place, street_line


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
    # a lot's heading written on one line ("Opdracht nr.: 1 Perceel nr.: 2 Benaming: Jeugdhulp", "PERCEEL nr.: 1
    # BENAMING: …", as a paragraph without its <br /> or a PDF's text gives it): one line per item, as the <br />s
    # give them (read as one, the lot was "2 Benaming: Jeugdhulp" and its title was lost)
    return [part for line in lines for part in (_HEADING_ITEMS.split(line) if _HEADING_START.match(line) else [line])]


#: the items of a lot's heading in section V (reference §3.1, §3.2)
_HEADING_START = re.compile(r"(?i)^(?:opdracht|perceel)\s+nr\.?\s*:")
_HEADING_ITEMS = re.compile(r"(?i)\s+(?=(?:opdracht\s+nr\.?|perceel\s+nr\.?|benaming)\s*:)")


_ROMAN = re.compile(r"^Afdeling\s+([IVX]+)\s*:?\s*(.*)$", re.I)
_LOT_NO = re.compile(r"^perceel\s+nr\.?\s*:?\s*(.*)$", re.I)
_ANCIENT_ID = re.compile(r"^(NL)?\d+(B\d{2})?$")   # an id line in a pre-2016 V.3 contractor (DW)


class StandardReader:
    def __init__(self, html: str):
        self.root = lxml.html.fromstring(html)
        self.problems: list[str] = []
        self._replaced: dict = {}  # (id of a dict, key): the value the last one read replaced (see _keep)

    def parse(self) -> dict:
        lines = _lines(self.root)
        section, sub = "", ""
        buyer = buyer_kvk = None
        procedure: dict = {}
        last_total = None  # the procedure amount read last (a "Met BTW" line after it is about it)
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

        def with_highest(line):
            """A range's "Laagste offerte: …" line, joined to the "Hoogste offerte: …" line after it when the
            range is printed over two lines (else its lowest tender was read as the value)."""
            if "hoogste" not in line.lower() and i + 1 < len(lines) and _norm(lines[i + 1]).startswith("hoogste"):
                return f"{line} / {lines[i + 1]}", True
            return line, False

        while i < len(lines):
            line = lines[i]
            low = _norm(line)
            skip = False
            if m := _ROMAN.match(line):
                section = m.group(1).upper()
                sub, contractor, value_kind = "", None, None
                if section == "V":
                    blocks += 1
                    block = new_block()
                    results[f"#{blocks}"] = block
                i += 1
                continue
            if m := re.match(r"^([IVX]+\.\d+(?:\.\d+)*)\)", line):
                sub = m.group(1)
                if sub in ("V.2.3", "V.3"):  # V.3: the contractor of a page before 2016, as bare lines
                    contractor = {"name": None, "value": None, "empty": True, "in_group": block and block.get("group"),
                                  "lines": 0 if sub == "V.3" else None}
                    if block is not None:
                        block["winners"].append(contractor)
                    if sub == "V.3":
                        i += 1
                        continue
                if sub == "V.1" and block is not None and "niet-gunning" in low:
                    block["awarded"], block["closed"] = False, True
            if section == "II" and low.startswith("munt"):
                code = value_of(line)[0]
                for key in ("total_awarded", "estimated"):
                    if procedure.get(key) is not None:
                        procedure[key] = _with_currency(procedure[key], code)
            elif section == "II" and re.match(r"met\s+btw\b", low) and last_total in procedure:
                self._keep(procedure, last_total, self._with_vat(procedure[last_total], line), marked=True)
            elif section == "I" and low.startswith("officiele benaming") and not buyer:
                buyer = _clean(value_of(line)[0])
            elif section == "I" and low.startswith("nationale identificatie") and buyer and not buyer_kvk:
                buyer_kvk = kvk_number(value_of(line)[0])  # the buyer's KvK number: a namesake winner is no buyer
            elif section == "II" and ("totale waarde van de aanbesteding" in low or sub == "II.1.7"):
                if low.startswith("waarde") or low.startswith("laagste"):
                    text, skip = with_highest(line)
                    last_total = "total_awarded"
                    self._keep(procedure, "total_awarded", self._value(text))
            elif section == "II" and sub == "II.1.5" and (low.startswith("waarde") or "geraamde totale waarde" in low):
                text, skip = value_of(line)
                if re.search(r"\d", text):
                    procedure["estimated"], last_total = self._value(text), "estimated"
            elif section == "V" and block is not None:
                if sub == "V.3" and contractor is not None and contractor.get("lines") is not None:
                    # before 2016: the name, then an optional id (KvK number or VAT id), then the address
                    contractor["lines"] += 1
                    # a street line is the address's only just before its postcode and place: a name's second line
                    # ("Regio 2") looks like one too
                    street, contractor["street_before"] = contractor.get("street_before"), None
                    if contractor["lines"] == 1:
                        contractor["name"], contractor["empty"] = _clean(line), False
                    elif contractor["lines"] == 2 and _ANCIENT_ID.match(line.replace(" ", "")):
                        contractor["kvk"] = kvk_number(line)
                    elif found := postcode_place(line):
                        contractor["postcode"], contractor["place"] = found  # the address's "1234 AB Oudstad"
                        contractor["street"] = contractor.get("street") or street  # and its "Dorpsstraat 1" before
                    elif not contractor.get("place") and (found := street_line(line)):
                        contractor["street_before"] = found
                    elif contractor.get("place") and not contractor.get("country") and re.fullmatch(r"[^\W\d_][^\d]*", line):
                        # the line after the postcode and place is the country ("Nederland", "Duitsland"): a
                        # foreign contractor's 8-digit id is then its own country's, no KvK number (html._award_rows)
                        contractor["country"] = _clean(line)
                elif m := _LOT_NO.match(line):
                    if block["lot_id"] is not None or block["winners"]:
                        # before 2016 one section V holds every lot, each opened by "PERCEEL nr."
                        blocks += 1
                        block = new_block()
                        results[f"#{blocks}"] = block
                        sub, contractor = "V", None
                    block["lot_id"] = lot_number(m.group(1) or value_of(line)[0])
                elif low.startswith("opdracht nr"):
                    block["contract_no"] = _clean(value_of(line)[0])
                elif low.startswith("benaming"):
                    block["title"] = _clean(value_of(line)[0])
                elif low.startswith("een opdracht/perceel wordt gegund"):
                    block["awarded"] = low.endswith("ja")
                    if not block["awarded"]:
                        block["closed"] = True
                elif sub.startswith("V.1") and block.get("closed") and not re.match(r"^V\.1\)", line):
                    block["not_awarded_reason"] = " ".join(filter(None, (block.get("not_awarded_reason"), line)))
                elif sub == "V.1" and not block.get("closed") and parse_notice_date(line) \
                        and not re.match(r"^V\.1\)", line):
                    block["award_date"] = parse_notice_date(line)  # before 2016: V.1 is the date of the award
                elif "datum van de sluiting van de overeenkomst" in low or sub == "V.2.1" and parse_notice_day_or_month(line):
                    text, skip = value_of(line) if ":" in line else (line, False)
                    # the conclusion of the contract, not the choice; printed to its month only, that month ("2022-06")
                    block["contract_date"] = parse_notice_day_or_month(text)
                elif low.startswith(("aantal inschrijvingen", "aantal ontvangen inschrijvingen",
                                     "aantal langs elektronische weg")):
                    # V.2.2 gives the number of tenders and, after it, the counts of kinds of tenders (the
                    # 2014 form: "Aantal inschrijvingen van kmo's", "… uit andere EU-lidstaten", "… uit
                    # niet-EU-lidstaten", "… langs elektronische weg …"): only the plain label is the number
                    text = value_of(line)[0]
                    count = tender_count(text) if text.strip().isdigit() else None
                    kind = _count_kind(line.split(":", 1)[0])
                    if count is not None:
                        block["received_counts"][kind] = count
                        if kind == "Inschrijvingen":
                            block["tenders_received"] = count
                elif low.startswith("de opdracht is gegund aan een groep ondernemers"):
                    block["group"] = low.endswith("ja")
                elif contractor is not None and sub == "V.2.3":
                    if low.startswith("officiele benaming"):
                        contractor["name"] = party_name(value_of(line)[0])
                        contractor["empty"] = contractor["name"] is None
                    elif low.startswith("nationale identificatie"):
                        contractor["kvk"] = kvk_number(value_of(line)[0])
                    elif low.startswith("plaats"):
                        contractor["place"] = _clean(value_of(line)[0])
                    elif low.startswith("postcode"):
                        contractor["postcode"] = _clean(value_of(line)[0])
                    elif low.startswith("postadres"):
                        contractor["street"] = _clean(value_of(line)[0])
                    elif low.startswith("nuts"):
                        text, skip = value_of(line)  # "NUTS-code: NL310", the region
                        contractor["nuts"] = nuts_code(text)
                    elif low.startswith("land"):
                        contractor["country"] = _clean(value_of(line)[0])
                    elif low.startswith("de contractant is een kmo"):
                        # the 2014 form's SME flag: ja / neen
                        answer = _norm(line.rsplit(":", 1)[-1]) if ":" in line else ""
                        contractor["scale"] = {"ja": "sme", "neen": "large", "nee": "large"}.get(answer)
                elif sub in ("V.2.4", "V.4"):
                    if re.match(r"met\s+btw\b", low) and block.get("last_value") in block:
                        # "Met BTW" on a line of its own after its value and currency: that value includes VAT
                        key = block["last_value"]
                        self._keep(block, key, self._with_vat(block[key], line), marked=True)
                    elif re.match(r"zonder\s+btw\b", low) and block.get(block.get("last_value")) is not None:
                        # "Zonder BTW" on a line of its own after its value and currency: that value is exclusive of
                        # VAT (awards.value_has_tax 0, amounts.vat_basis), its text kept as printed; it was unsaid (NULL)
                        key = block["last_value"]
                        if not includes_vat(block[key]):
                            block[key] = replace(block[key], excl_vat=True)
                    elif low.startswith("munt"):
                        code = value_of(line)[0]
                        for key in ("estimated", "shared_value"):
                            if block.get(key) is not None:
                                block[key] = _with_currency(block[key], code)
                    elif re.match(r"aanvankelijke? geraamde totale waarde", low):
                        text, skip = value_of(line)
                        block["last_value"] = "estimated"
                        self._keep(block, "estimated", self._value(text))
                    elif low.startswith(("totale waarde van de opdracht", "totale definitieve waarde van de opdracht",
                                         "laagste offerte")):
                        text, skip = value_of(line) if low.startswith("totale") else with_highest(line)
                        block["last_value"] = "shared_value"
                        self._keep(block, "shared_value", self._value(text))
            i += 2 if skip else 1
        # key the blocks by lot: "Perceel nr.: -" is the procedure's single lot (reference §3.1), "1" as the other
        # notices of the procedure name it, whatever the contract's number: the contracts "Opdracht nr.: 1" and "2"
        # of a procedure without lots are two awards of its one lot (they were lots "1" and "2", a lot no notice
        # of the procedure has, counted among its percelen). A block naming neither is the single lot too, or,
        # among blocks that name their lots, the lot of its contract's number.
        numbered = any(block["lot_id"] not in (None, "-") for block in results.values())
        for key, block in list(results.items()):
            lot_id = block["lot_id"] if block["lot_id"] not in (None, "-") else (
                block["contract_no"] or "1") if block["lot_id"] is None and numbered else "1"
            del results[key]
            if block.get("group"):
                names = [c["name"] for c in block["winners"] if c.get("name")]
                for c in block["winners"]:
                    c["in_group"], c["group_label"] = True, " / ".join(names) or None
            if lot_id in results:
                # one block per contract: another contract of the same lot is another award of it
                results[lot_id].setdefault("contracts", []).append(block)
                lot = lots[lot_id]
                lot["title"] = lot["title"] or block["title"]
                lot["estimated"] = lot["estimated"] or block.get("estimated")
                continue
            results[lot_id] = block
            lot = lots.setdefault(lot_id, _lot(lot_id))
            lot["title"], lot["estimated"] = block["title"], block.get("estimated")
        if not results and not procedure and not buyer:
            self.problems.append("no 'Afdeling' section could be read")
        # the buyer as an organisation of the role "Koper" (section 8's in eForms): its number is the buyer's
        orgs = [{"name": buyer, "registration": buyer_kvk, "roles": ["Koper"], "winner_of": []}] if buyer_kvk else []
        return _finish("standard", "nl", buyer, procedure, lots, results, orgs, self.problems)

    def _keep(self, target: dict, key: str, amount: Amount | None, marked: bool = False) -> None:
        """``target[key] = amount``, but a value printed twice, exclusive and inclusive of VAT ("Zonder BTW" and "Met
        BTW", before 2016), keeps the exclusive one in whichever order (:func:`excl_vat_first`). ``marked``: the
        amount is the last one read, now said to include VAT by a "Met BTW" line of its own; it is weighed against
        the value it replaced (kept aside for this), as an amount printed "… Met BTW" on one line is."""
        replaced = self._replaced.get((id(target), key)) if marked else target.get(key)
        kept = excl_vat_first(replaced, amount)
        if kept is not amount and range_beside_value(replaced, amount) and not includes_vat(amount):
            self.problems.append(f"two values for {key!r}: kept {kept.raw!r:.60}, not the range {amount.raw!r:.80}")
        elif kept is not amount:
            while self.problems and "includes VAT" in self.problems[-1]:
                self.problems.pop()  # said of the value just read, which is not stored
            self.problems.append(f"two values for {key!r}: kept {kept.raw!r:.60} (excl. btw), "
                                 f"not {amount.raw!r:.60} (incl. btw)")
        elif not marked and replaced is not None and includes_vat(replaced) and amount is not None \
                and not includes_vat(amount) and (amount.cents is not None or amount.is_range):
            self.problems.append(f"two values for {key!r}: kept {amount.raw!r:.60} (excl. btw), "
                                 f"not {replaced.raw!r:.60} (incl. btw)")
            # the value read before, said to be stored as printed with VAT, is not stored
            self.problems = [p for p in self.problems[:-1] if not ("includes VAT" in p and re.split(r"(?i)\s+met\s+btw", replaced.raw)[0] in p)] \
                + self.problems[-1:]
        if not marked:
            self._replaced[(id(target), key)] = target.get(key)
        target[key] = kept

    def _with_vat(self, amount: Amount | None, line: str) -> Amount | None:
        """``amount`` said to include VAT by a line of its own ("Met BTW BTW-tarief (%): 21"): its text says so, as
        a value printed "… Met BTW" does, and the problem is recorded; the cents stay as printed."""
        if amount is None or amount.raw is None or re.search(r"(?i)\bmet\s+btw\b", amount.raw):
            return amount
        self.problems.append(f"value includes VAT (BTW), stored as printed: {amount.raw!r:.80} ({_clean(line)!r:.40})")
        return replace(amount, raw=f"{amount.raw} {_clean(line)}")

    def _value(self, text: str) -> Amount:
        """A V.2.4/V.4 amount; one printed "Met BTW" (before 2016) includes VAT, which is said."""
        amount = parse_amount(text)
        self.problems.extend(f"{text!r:.120}: {problem}" for problem in amount.problems
                             if not problem.startswith("unknown currency"))
        if re.search(r"(?i)\bmet\s+btw\b", text or "") and not amount.excl_vat:
            self.problems.append(f"value includes VAT (BTW), stored as printed: {text!r:.120}")
        return amount


def lot_number(text: str | None) -> str | None:
    """The lot of "Perceel nr.: 2" as its number, however the value repeats the word: "Perceel 2", "Lot 2",
    "perceel nr. 2" and "2" are lot "2" (as the other notices of the procedure name it); "-" (a single lot)
    and text without a number stay as printed."""
    text = _clean(text)
    if text is None:
        return None
    bare = re.sub(r"(?i)^(?:perceel|lot|kavel)\s*(?:nr\.?|nummer|no\.?)?\s*:?\s*", "", text)
    m = re.match(r"(\d+)(?:\s*$|\s*[-:.–]\s+\S)", bare)
    return m.group(1) if m else (bare or text)


def _count_kind(label: str) -> str:
    """The kind of a V.2.2 count under the names the eForms rendering gives the same counts (reference §4.2):
    "Aantal inschrijvingen" is "Inschrijvingen", "Aantal inschrijvingen van kmo's" "Inschrijvingen van kmo’s";
    another kind keeps its label without "Aantal"."""
    low = _norm(label)
    if low in ("aantal inschrijvingen", "aantal ontvangen inschrijvingen"):
        return "Inschrijvingen"
    if low.startswith("aantal langs elektronische weg"):
        return "Elektronisch ingediende inschrijvingen"
    if re.search(r"\bkmo", low):
        return "Inschrijvingen van kmo’s"
    kind = re.sub(r"(?i)^\s*aantal\s+(ontvangen\s+)?", "", _clean(label) or "").strip()
    return kind[:1].upper() + kind[1:]


def new_block() -> dict:
    return {"lot_id": None, "title": None, "contract_no": None, "winners": [], "awarded": None, "received_counts": {}}


def _with_currency(amount: Amount, code: str) -> Amount:
    return replace(amount, currency=currency_code(code) or amount.currency)
