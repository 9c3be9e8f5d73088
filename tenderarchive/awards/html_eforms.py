"""The eForms layout of the ``/html`` rendering (late 2023 on): read row by row, keyed by label.

One table whose ``<tr class="header1|2|3">`` rows open sections ("6. Resultaten"),
sub-sections ("6.1 ID resultaat perceel: LOT-0001") and sub-sub-sections ("6.1.2
Informatie over winnaars"); other rows are label/value pairs, amounts (value span +
currency span) or label-only rows that open a block ("Winnaar", "Inschrijving", …).
Labels are matched in Dutch, English, German and French (docs/awards.md, "Labels"), never by
position; a rendering in another language (section 1 not "Koper"/"Buyer"/"Beschaffer"/"Acheteur") is recorded as a
problem and its language left empty. Entry point and rows: :mod:`tenderarchive.awards.html`.
"""

from __future__ import annotations

import re

from lxml import etree

from tenderarchive.awards.amounts import excl_vat_first, includes_vat, parse_amount, range_beside_value, vat_words
from tenderarchive.awards.names import kvk_number, nuts_code
from tenderarchive.values import CPV_CODE, cpv_parts
from tenderarchive.awards.html import (_clean, _finish, _lot, _norm, currency_like, parse_notice_day_or_month,
                                      party_name, tender_count)

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
#: BT-512, the organisation's postcode (section 8 or a winner's block: reference §2.3 "Postcode")
POSTCODE = {"postcode", "postal code"}
#: BT-510(a), the organisation's street address (section 8 or a winner's block: reference §2.3 "Postadres")
STREET = {"postadres", "postal address"}
#: BT-507, the organisation's region, a NUTS code (section 8 or a winner's block; SDK "Onderverdeling land (NUTS)")
NUTS = {"onderverdeling land (nuts)", "country subdivision (nuts)"}
WINNER_OF_LOTS = {"winnaar van deze percelen", "winner of these lots"}
TITLE = {"titel", "title"}
CPV = {"hoofdclassificatie (cpv)", "belangrijkste classificatiecode (cpv)", "main classification (cpv)",
       "main classification code (cpv)", "hoofdclassificatie", "cpv-code"}
# the name of section 1 ("1. Koper") tells the rendering's language
LANGUAGES = {"koper": "nl", "buyer": "en"}
# a row whose value says it is not published (SDK auxiliary_nl.xml: "niet gepubliceerd"): no problem then
UNPUBLISHED = {"", "-", "niet gepubliceerd", "not published", "onbekend", "unknown"}
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



#: The German rendering (reference §2.1: "other languages occur as well (WAI has a German test)"): the eForms SDK's
#: German labels, verbatim from ``translations/field_de.xml``, ``auxiliary_de.xml`` and ``code_de.xml`` (the keys
#: whose Dutch text is the label above; the "Winnaar" row is ``auxiliary|text|winner``, "1. Beschaffer" is section 1).
#: It was named as a rendering whose labels are not read, and its winners and values were lost.
GERMAN = {
    "ESTIMATED": ["Geschätzter Wert ohne MwSt."],
    "TOTAL_AWARDED": ["Wert aller in dieser Bekanntmachung vergebenen Verträge"],
    "FRAMEWORK_NOTICE": ["Höchstwert der Rahmenvereinbarungen in dieser Bekanntmachung"],
    "FRAMEWORK_APPROX": ["Ungefährer Wert der Rahmenvereinbarungen"],
    "FRAMEWORK_LOT": ["Höchstwert der Rahmenvereinbarung"],
    "FRAMEWORK_REESTIMATE": ["Neu geschätzter Wert der Rahmenvereinbarung"],
    "TENDER_VALUE": ["Wert des Angebots"],
    "LOWEST": ["Wert des niedrigsten zulässigen Angebots"],
    "HIGHEST": ["Wert des höchsten zulässigen Angebots"],
    "CONCESSION": ["Schätzung der Einnahmen, die von den Nutzern der Konzession stammen"],
    "OFFICIAL_NAME": ["Offizielle Bezeichnung"],
    "GROUP_NAME": ["Name der anbietenden Partei"],
    "GROUP_LEADER": ["Leiter der anbietenden Partei"],
    "GROUP_MEMBERS": ["Offizielle Namen der nicht federführenden Mitglieder der Bieterpartei"],
    "TENDER_LOT": ["Kennung des Loses oder der Gruppe von Losen"],
    "TENDER_ID": ["Kennung des Angebots"],
    "CONTRACT_ID": ["Kennung des Auftrags"],
    "WINNER_DATE": ["Datum der Auswahl des Gewinners"],
    "CONTRACT_DATE": ["Datum des Vertragsabschlusses"],
    "NO_WINNER_REASON": ["Grund, warum kein Gewinner ausgewählt wurde"],
    "RECEIVED_COUNT": ["Anzahl der eingegangenen Angebote oder Teilnahmeanträge"],
    "RECEIVED_TYPE": ["Art der eingegangenen Einreichungen"],
    "REGISTRATION": ["Registrierungsnummer"],
    "CITY": ["Stadt"],
    "COUNTRY": ["Land"],
    "POSTCODE": ["Postleitzahl"],
    "STREET": ["Postanschrift"],
    "WINNER_OF_LOTS": ["Gewinner dieser Lose"],
    "TITLE": ["Titel"],
    "CPV": ["Haupteinstufung"],
    "UNPUBLISHED": ["Nicht veröffentlicht", "Unbekannt"],
    # "Gewinner" as WAI's German fixture writes it (its section 1 "Käufer" too)
    "OPEN_WINNER": ["Wettbewerbsgewinner", "Gewinner"],
    "OPEN_TENDER": ["Angebot", "Bieter"],
    "OPEN_CONTRACT": ["Informationen zum Auftrag"],
    "OPEN_FRAMEWORK": ["Rahmenvereinbarung"],
    "OPEN_SUBCONTRACTORS": ["Unterauftragnehmer des Bieters", "Unterauftragnehmer"],
    "STATUS_AWARDED": ["Es wurde mindestens ein Gewinner ermittelt."],
    "STATUS_CLOSED": ["Es wurde kein Wettbewerbsgewinner ermittelt, und der Wettbewerb ist abgeschlossen."],
    "STATUS_OPEN": ["Ein Wettbewerbsgewinner wurde noch nicht ermittelt, der Wettbewerb ist noch nicht abgeschlossen."],
}
#: The French rendering (the known leftover of round 11: named a problem, its winners and values lost): the eForms
#: SDK's French labels, verbatim from ``translations/field_fr.xml``, ``auxiliary_fr.xml`` and ``code_fr.xml`` under
#: the keys of the German ones above ("1. Acheteur" is section 1; the "Winnaar" row is ``auxiliary|text|winner``
#: "Adjudicataire/attributaire", its role ``organisation-role.winner`` "Lauréat"). The SDK writes "l'offre" and
#: "l’offre" both; :func:`_norm` folds the apostrophes. The other EU languages stay named and not read.
FRENCH = {
    "ESTIMATED": ["Valeur estimée hors TVA"],
    "TOTAL_AWARDED": ["Valeur de tous les contrats attribués dans cet avis"],
    "FRAMEWORK_NOTICE": ["Valeur maximale des accords-cadres dans cet avis"],
    "FRAMEWORK_APPROX": ["Valeur approximative des accords-cadres"],
    "FRAMEWORK_LOT": ["Valeur maximale de l’accord-cadre"],
    "FRAMEWORK_REESTIMATE": ["Valeur réestimée de l’accord-cadre"],
    "TENDER_VALUE": ["Valeur de l’offre"],
    "LOWEST": ["Valeur de l’offre recevable la plus basse"],
    "HIGHEST": ["Valeur de l’offre recevable la plus élevée"],
    "CONCESSION": ["Recettes estimées provenant des utilisateurs de la concession"],
    "OFFICIAL_NAME": ["Nom officiel"],
    "GROUP_NAME": ["Nom de la partie soumissionnaire"],
    "GROUP_LEADER": ["Chef de file du soumissionnaire"],
    "GROUP_MEMBERS": ["Noms officiels des non-chefs de file du soumissionnaire"],
    "TENDER_LOT": ["Identifiant du lot ou groupe de lots"],
    "TENDER_ID": ["Identifiant de l’offre"],
    "CONTRACT_ID": ["Identifiant du contrat"],
    "WINNER_DATE": ["Date à laquelle l’adjudicataire/attributaire a été choisi"],
    "CONTRACT_DATE": ["Date de conclusion du marché/concession"],
    "NO_WINNER_REASON": ["La raison pour laquelle un adjudicataire/attributaire n’a pas été choisi"],
    "RECEIVED_COUNT": ["Nombre d’offres ou de demandes de participation/candidatures reçues"],
    "RECEIVED_TYPE": ["Type de soumissions reçues"],
    "REGISTRATION": ["Numéro d’enregistrement"],
    "CITY": ["Ville"],
    "COUNTRY": ["Pays"],
    "POSTCODE": ["Code postal"],
    "STREET": ["Adresse postale"],
    "WINNER_OF_LOTS": ["adjudicataire/attributaire de ces lots"],
    "TITLE": ["Titre"],
    "CPV": ["Nomenclature principale"],
    "UNPUBLISHED": ["dépublié", "Inconnu"],
    "OPEN_WINNER": ["Adjudicataire/attributaire", "Adjudicataire / Attributaire", "Lauréat"],
    "OPEN_TENDER": ["Offre", "Soumissionnaire"],
    "OPEN_CONTRACT": ["Informations relatives au marché"],
    "OPEN_FRAMEWORK": ["Accord-cadre"],
    "OPEN_SUBCONTRACTORS": ["Sous-traitants de l’offrant", "Sous-traitant"],
    "STATUS_AWARDED": ["Au moins un lauréat a été choisi."],
    "STATUS_CLOSED": ["Aucun lauréat n’a été choisi et la mise en concurrence est clos."],
    "STATUS_OPEN": ["Le lauréat n’a pas encore été choisi, mais la mise en concurrence est toujours en cours."],
}
for _labels_of in (GERMAN, FRENCH):
    for _name, _labels in _labels_of.items():
        globals()[_name] |= {_norm(label) for label in _labels}
LANGUAGES.update({"beschaffer": "de", _norm("Käufer"): "de", "acheteur": "fr"})
#: the label-only row before an organisation's roles in section 8 (SDK ``auxiliary|text|roles``)
ROLES = {"rollen van deze organisatie", "roles of this organisation", _norm("Rollen dieser Organisation"),
         _norm("Rôles de cette organisation")}
#: the kinds of received submissions that are tenders (SDK ``received-submission-type.tenders``), reference §4.2
TENDERS_KIND = {"inschrijvingen", "tenders", "angebote", "offres"}

#: the labels of the amounts that are stored
AMOUNT_LABELS = (ESTIMATED | TOTAL_AWARDED | FRAMEWORK_NOTICE | FRAMEWORK_APPROX | FRAMEWORK_LOT | FRAMEWORK_REESTIMATE
                 | TENDER_VALUE | LOWEST | HIGHEST)

#: the label-only rows that open a block or give a lot result's status, known also beside an empty cell
LABEL_ONLY = (OPEN_WINNER | OPEN_TENDER | OPEN_CONTRACT | OPEN_FRAMEWORK | OPEN_SUBCONTRACTORS | STATUS_AWARDED
              | STATUS_CLOSED | STATUS_OPEN | ROLES | {"ontvangen inschrijvingen of verzoeken tot deelname",
                                                       _norm("Eingegangene Angebote oder Teilnahmeanträge"),
                                                       _norm("Offres ou demandes de participation/candidatures reçues")})

#: Section 10's title (SDK) and BT-758, the notice (eForms id and version) a change notice corrects
CHANGE_SECTION = {"wijziging", "wijzigingen", "change", "changes", _norm("Änderung"), "changement", "modification"}
CHANGED_VERSION = {"versie van de eerdere aankondiging die moet worden gewijzigd",
                   "version of the previous notice to be changed", _norm("Fassung der zu ändernden vorigen Bekanntmachung"),
                   _norm("Version de l’avis antérieur à modifier")}


#: lxml's HTML parser as ``lxml.html`` configures it (the same options, so the same tree), without
#: ``lxml.html``'s element classes: their class lookup is a Python call for every element the reader
#: touches (issue 14: ≈ a sixth of reading a small rendering), and the reader needs only the text of an
#: element, which :data:`_text` gives as ``HtmlElement.text_content`` does (the same XPath).
_PARSER = etree.HTMLParser()
#: ``lxml.html.HtmlMixin.text_content``: every text node under an element, as plain ``str``.
_text = etree.XPath("string()", smart_strings=False)


class EFormsReader:
    def __init__(self, html: str):
        # The parsed document itself, not ``lxml.html.fromstring``'s pick of an element in it (the table of a
        # fragment, the body, or the document): the reader only walks the rows (``iter("tr")``), and every row
        # is inside whichever element that picks, in the same order. ``fromstring`` is ``document_fromstring``
        # plus the pick (a pattern match and four ``findall``), ≈ 40 % of the parse of a small rendering
        # (issue 14; ``tests/awards/test_html_eforms.py`` reads renderings of every shape both ways).
        # ``document_fromstring``'s "Document is empty" is kept (the parser answers None for such a text).
        self.root = etree.fromstring(html, _PARSER)
        if self.root is None:
            raise etree.ParserError("Document is empty")
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
        """(number of cells, label, value, currency) of a row: the first ``label`` span, every
        ``value`` span joined, the first ``dynamic-label`` span (the currency), in document order;
        without spans the first two cells. One walk over the row's spans (this runs for every row
        of every notice a reparse reads, and four XPath queries a row cost more than the rest)."""
        cells = [c for c in tr if c.tag in ("td", "th")]
        label = currency = None
        values = []
        for span in tr.iter("span"):
            if span is tr:
                continue
            classes = (span.get("class") or "").split()
            if not classes:
                continue
            if label is None and "label" in classes:
                label = _text(span)
            if "value" in classes:
                for br in span.iter("br"):  # a list of names one per line
                    br.tail = "\n" + (br.tail or "")
                values.append(_text(span))
            if currency is None and "dynamic-label" in classes:
                currency = _text(span)
        value = " ".join(values) if values else None
        if currency is not None and value is not None and len(cells) > 1 and not vat_words(value) \
                and (said := vat_words(_text(cells[1]))):
            # an amount's VAT basis printed after its currency, in a span of its own in the value's cell ("800 000
            # Euro (incl. btw)"): the value's, next to it (reference §2.3, values exclusive of VAT); it was read as
            # nothing, a value including VAT stored as if exclusive
            value = f"{value} ({said})"
        if label is None and cells:
            label = _text(cells[0])
            if value is None and len(cells) > 1:
                value = _text(cells[1])
        # the value's parts: its spans, or its lines (a <br> between names)
        parts = [part for text in values for part in map(_clean, text.split("\n")) if part]
        return len(cells), _clean(label), _clean(value), _clean(currency), parts

    def parse(self) -> dict:
        for tr in self.root.iter("tr"):
            cls = (tr.get("class") or "").split()
            header = "header1" in cls or "header2" in cls or "header3" in cls
            text = _clean(_text(tr)) or "" if header else None
            if "header1" in cls:
                self._header1(text)
            elif "header2" in cls:
                self._header2(text)
            elif "header3" in cls:
                self.sub = (re.match(r"\s*([\d.]+)", text) or [None, ""])[1].rstrip(".")
                self.block = None
                self.pending_type = None
            else:
                ncells, label, value, currency, parts = self._cells(tr)
                # a label-only row is one cell ("<td colspan=2>"), or a block's opening label beside an empty
                # cell (a winner, and everything under it, was lost when the opener came as a pair of cells)
                if value is None and (ncells <= 1 or _norm(label) in LABEL_ONLY):
                    self._label_only(label or _clean(_text(tr)) or "")
                else:
                    self._row(_norm(label), value, currency, parts)
        self._lot_of_headerless()
        return _finish("eforms", self.language, self.buyer, self.procedure, self.lots, self.results,
                       self.orgs, self.problems)

    def _header1(self, text):
        m = re.match(r"\s*(\d+)\.?\s*(.*)", text)
        self.section = int(m.group(1)) if m else 0
        if self.section == 1 and m:
            # The rendering is in the notice's own language: Dutch ("1. Koper"), English ("1. Buyer"), German
            # ("1. Beschaffer") and French ("1. Acheteur", the SDK's labels) are read; another language is named, not read with guessed labels.
            self.language = LANGUAGES.get(_norm(m.group(2)).split(" ")[0])
            if self.language is None:
                self.problems.append(f"rendering in a language whose labels are not read (section 1 is {text!r:.80})")
        if self.section == 10 and m and _norm(m.group(2)).split(" ")[0] in CHANGE_SECTION:
            # "10. Wijziging": a change notice, which corrects an earlier notice of the procedure (reference §4,
            # rectified award): its awards supersede the earlier ones whatever the notice's code
            self.procedure["change_notice"] = 1
        self.sub, self.block, self.result, self.winner, self.lot5, self.org = "", None, None, None, None, None

    def _header2(self, text):
        lot_id = _clean(text.rsplit(":", 1)[1]) if ":" in text else None
        self.block, self.winner, self.sub = None, None, ""
        if self.section == 5:
            if lot_id and re.fullmatch(r"(?i)GLO-\w+", lot_id):
                # a group of lots (BT-13714 "het perceel of de groep percelen", GLO-…) is never a lot: its
                # header and the rows under it (the group's title and estimate) are no lot's (they made a lot
                # "GLO-0001", never awarded, beside the notice's lots)
                self.lot5 = None
                return
            lot_id = lot_id or f"LOT-{len(self.lots) + 1:04d}"
            self.lot5 = self.lots.setdefault(lot_id, _lot(lot_id))
        elif self.section == 6:
            if not lot_id:
                self.problems.append(f"lot result header without a lot id: {text!r}")
                lot_id = f"?{len(self.results) + 1}"
                self.result = self.results.setdefault(lot_id, {"winners": [], "awarded": None, "received_counts": {},
                                                               "headerless": True})
            else:
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
        if key in OPEN_WINNER and self.section == 6 and not self.sub.startswith("6.1.3"):
            if self.result is None:
                # a winner block with no lot result header before it ("6.1 ID resultaat perceel" left out: BH reads
                # 6.1.2 by its blocks): a winner all the same, found by the block's shape (a "Winnaar" row opening a
                # name, a tender and its lot); its lot is the one its tender names (:meth:`_to_tender_lot`), else the
                # notice's one lot (:meth:`_lot_of_headerless`). It was lost, its value an "unread amount".
                self.result = self.results.setdefault(f"?{len(self.results) + 1}", {
                    "winners": [], "awarded": None, "received_counts": {}, "headerless": True})
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
            if key not in ROLES:
                self.org["roles"].append(label)
        else:
            self.block = key

    def _row(self, key, value, currency, parts=()):
        sec = self.section
        # The amount is read only where a row's amount is used: section 6, and the estimated
        # value of sections 2 and 5 (parse_amount is pure; reading every name, title and
        # address as an amount was most of a notice's awards step, issue 14).
        amount = parse_amount(value, currency) if value is not None and (
            sec == 6 or (sec in (2, 5) and key in ESTIMATED)) else None
        if amount is not None and amount.problems and key in AMOUNT_LABELS:
            # what could not be read of an amount that is stored ("€ 250.000 per jaar, 4 jaar": read 250.000, a rate)
            self.problems.extend(f"{key}: {problem}" for problem in amount.problems
                                 if not problem.startswith("unknown currency"))  # said once, by html._finish
        if sec == 1 and key in OFFICIAL_NAME and not self.buyer:
            self.buyer = _clean(value)
        elif sec == 2:
            if key in ESTIMATED:
                self._keep(self.procedure, "estimated", amount)
            elif key in TITLE and "title" not in self.procedure:
                self.procedure["title"] = _clean(value)
        elif sec == 5 and self.lot5 is not None:
            if key in ESTIMATED:
                self._keep(self.lot5, "estimated", amount)
            elif key in TITLE and not self.lot5["title"]:
                self.lot5["title"] = _clean(value)
            elif key in CPV or ("classificatie" in key and re.search(r"\d{8}", value or "")):
                if not self.lot5["cpv"] and (m := CPV_CODE.search(value or "")):
                    self.lot5["cpv"] = cpv_parts(m.group(0))[0]  # "85311300 - 5" as "85311300-5": one form
        elif sec == 6:
            self._result_row(key, value, amount, parts)
        elif sec == 10 and key in CHANGED_VERSION and value:
            self.procedure["changed_notice"] = _clean(value)[:200]
        elif sec == 8 and self.org is not None:
            if key in OFFICIAL_NAME:
                self.org["name"] = party_name(value)
            elif key in REGISTRATION:
                self.org["registration"] = _clean(value)
            elif key in CITY:
                self.org["city"] = _clean(value)
            elif key in COUNTRY:
                self.org["country"] = _clean(value)
            elif key in POSTCODE:
                self.org["postcode"] = _clean(value)
            elif key in STREET:
                self.org["street"] = _clean(value)
            elif key in NUTS:
                self.org["nuts"] = nuts_code(value)
            elif key in WINNER_OF_LOTS:
                # an unpublished field ("niet gepubliceerd", "-") names no lot: its words were taken for lot ids,
                # each a lot of its own won by the organisation
                self.org["winner_of"] = [] if _norm(value).rstrip(".") in UNPUBLISHED else \
                    re.findall(r"LOT-\d+|[\w-]*\w[\w-]*", value or "")

    def _to_tender_lot(self, winner: dict, lot_id: str | None) -> None:
        """Move ``winner``, read in a lot result of no lot id (no "6.1 ID resultaat perceel" header, or one without
        its id), to the lot its tender names ("Identificatiecode van het perceel of de groep percelen: LOT-0001";
        reference §2.3, BT-13714). A group of lots (GLO-…) or a text that is no id names no one lot: it stays."""
        if not lot_id or not re.fullmatch(r"[\w.-]{1,40}", lot_id) or lot_id.upper().startswith("GLO-") \
                or _norm(lot_id).rstrip(".") in UNPUBLISHED:
            return
        source = self.result
        target = self.results.setdefault(lot_id, {"winners": [], "awarded": None, "received_counts": {},
                                                  "headerless": True})
        if target is source:
            return
        source["winners"].remove(winner)
        target["winners"].append(winner)
        if not source["winners"]:
            # what the header-less result held besides its winners (a status, counts) is its lot's
            for key, value in source.items():
                if key not in ("winners", "headerless") and value not in (None, {}) and target.get(key) in (None, {}):
                    target[key] = value
            self.results = {k: v for k, v in self.results.items() if v is not source}
        self.result = target

    def _lot_of_headerless(self) -> None:
        """A lot result of no lot id whose winners name no lot is the notice's one lot (section 5 describes one lot and
        no other result is of it); otherwise it stays unnamed ("?1"), said as a problem."""
        unnamed = [k for k, r in self.results.items() if k.startswith("?") and r.get("headerless")]
        for key in unnamed:
            if len(self.lots) == 1 and len(unnamed) == 1 and next(iter(self.lots)) not in self.results:
                lot_id = next(iter(self.lots))
                self.results = {(lot_id if k == key else k): v for k, v in self.results.items()}
            elif self.results[key]["winners"]:
                self.problems.append(f"{key}: winner(s) of no lot result header and no lot named by their tender")

    def _keep(self, target: dict, key: str, amount) -> None:
        """``target[key] = amount``, but a value printed twice, exclusive and inclusive of VAT ("… Euro" and "… Euro
        incl. btw"), keeps the exclusive one whichever comes last (:func:`excl_vat_first`), the other named."""
        kept = excl_vat_first(target.get(key), amount)
        if kept is not amount and range_beside_value(target.get(key), amount) and not includes_vat(amount):
            self.problems.append(f"two values for {key!r}: kept {kept.raw!r:.60}, not the range {amount.raw!r:.80}")
        elif kept is not amount and includes_vat(amount):
            while self.problems and "includes VAT" in self.problems[-1]:
                self.problems.pop()  # said of the amount just read, which is not stored
            self.problems.append(f"two values for {key!r}: kept {kept.raw!r:.60} (excl. btw), "
                                 f"not {amount.raw!r:.60} (incl. btw)")
        elif kept is amount and includes_vat(target.get(key)) and amount is not None and not includes_vat(amount) \
                and (amount.cents is not None or amount.is_range):
            self.problems.append(f"two values for {key!r}: kept {amount.raw!r:.60} (excl. btw), "
                                 f"not {target[key].raw!r:.60} (incl. btw)")
            # the value read before, said to be stored as printed with VAT, is not stored
            self.problems = [p for p in self.problems[:-1] if not ("includes VAT" in p and target[key].raw in p)] \
                + self.problems[-1:]
        target[key] = kept

    def _result_row(self, key, value, amount, parts=()):
        if self.result is None:  # notice-level rows before the first lot result
            if key in TOTAL_AWARDED:
                self._keep(self.procedure, "total_awarded", amount)
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
            count = tender_count(value)
            if count is None:
                if _norm(value).rstrip(".") not in UNPUBLISHED:
                    self.problems.append(f"tender count is not a number: {value!r:.100}")
                self.pending_type = None
                return
            kind = self.pending_type or "Inschrijvingen"
            result["received_counts"][kind] = count
            if _norm(kind) in TENDERS_KIND:
                result["tenders_received"] = count
            self.pending_type = None
        elif self.sub.startswith("6.1.3") or self.block == "subcontractor":
            return  # non-winners and subcontractors are not winners
        elif winner is not None and key in OFFICIAL_NAME and self.block == "winner":
            winner["name"] = party_name(value)
            winner["empty"] = winner["empty"] and winner["name"] is None
        elif winner is not None and key in GROUP_NAME:
            winner["group_name"] = party_name(value)
            winner["empty"] = winner["empty"] and winner["group_name"] is None
        elif winner is not None and key in GROUP_LEADER:
            winner["leader"] = party_name(value)
            winner["empty"] = winner["empty"] and winner["leader"] is None
        elif winner is not None and key in GROUP_MEMBERS:
            # one comma-separated row (the SDK template), or a name per value span or per line
            pieces = parts if len(parts) > 1 else [value or ""]
            winner["members"] = [m for piece in pieces for m in map(party_name, re.split(r",|;", piece)) if m]
            winner["empty"] = winner["empty"] and not winner["members"]
        elif winner is not None and self.block == "winner" and key in (REGISTRATION | CITY | COUNTRY | POSTCODE | STREET
                                                                        | NUTS):
            # the winner's registration number and address printed in its block (section 8 gives them too)
            if key in REGISTRATION:
                winner["kvk"] = kvk_number(value)
            elif key in NUTS:
                winner["nuts"] = nuts_code(value)
            else:
                winner["place" if key in CITY else "postcode" if key in POSTCODE else "street" if key in STREET
                       else "country"] = _clean(value)
        elif winner is not None and key in TENDER_VALUE:
            self._keep(winner, "value", amount)
        elif winner is not None and key in TENDER_LOT:
            winner["tender_lot"] = _clean(value)
            if result.get("headerless"):
                self._to_tender_lot(winner, winner["tender_lot"])
        elif winner is not None and key in TENDER_ID:
            winner["tender_id"] = _clean(value)
        elif winner is not None and key in CONTRACT_ID:
            # a winner can sign several contracts, a lot's winners one each: every id is kept, in order
            if (contract := _clean(value)) and _norm(contract).rstrip(".") not in UNPUBLISHED:
                winner.setdefault("contract_ids", [])
                if contract not in winner["contract_ids"]:
                    winner["contract_ids"].append(contract)
        elif key in WINNER_DATE or key in CONTRACT_DATE:
            day = parse_notice_day_or_month(value)   # a date printed to its month only is that month, "2021-01"
            if day is None and _norm(value) not in UNPUBLISHED:
                self.problems.append(f"date is not a date: {key!r} = {value!r:.100}")
            (winner if winner is not None else result)["award_date" if key in WINNER_DATE else "contract_date"] = day
        elif key in TENDER_VALUE:
            self._keep(result, "shared_value", amount)
        elif amount is not None and amount.cents is not None and key not in CONCESSION and currency_like(value):
            self.problems.append(f"unread amount in section 6: {key!r} = {value!r}")
