"""Published amounts as exact numbers, with the printed text kept.

TenderNed prints one amount in many ways (docs/awards.md, "Amounts"):
"800 000" with a separate "Euro" span, "3 583 200 EUR", "1 800 000,00",
"€ 1.234.567,89", "EUR 1234567.89", "Waarde: 2.500.000 EUR excl. btw", groups
separated by U+00A0/U+2008/U+202F, ranges ("Laagste offerte: 1,00 / Hoogste
offerte: 2,00"), placeholders ("0", "1 Euro", "nihil") and no value at all ("-",
"niet gepubliceerd").

The number itself is read by ``price-parser`` (a library made for exactly
this: it returns a ``Decimal`` and decides between decimal comma and
decimal point). This module adds what it does not know: the currency *names*
of the eForms rendering ("Euro", "Pond sterling"), ranges, missing-value
words, "miljoen", "miljard" and "duizend" (and "million", "Millionen", "milliard" …), and the placeholder rule (every amount under € 1.000 is a
placeholder or a rate, never a contract value). Amounts are integer cents —
never floats — and :attr:`Amount.decimal` gives exact decimal text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_EVEN, Decimal

from price_parser import Price

PLACEHOLDER_BELOW_CENTS = 100_000  # € 1.000

#: Currency words and symbols (eForms SDK ``currency.*`` Dutch names, ISO codes, symbols).
CURRENCIES = {
    "euro": "EUR", "eur": "EUR", "€": "EUR", "euros": "EUR",
    "pond sterling": "GBP", "gbp": "GBP", "£": "GBP",
    "us-dollar": "USD", "usd": "USD", "$": "USD", "amerikaanse dollar": "USD",
    "zwitserse frank": "CHF", "chf": "CHF", "deense kroon": "DKK", "dkk": "DKK",
    "zweedse kroon": "SEK", "sek": "SEK", "noorse kroon": "NOK", "nok": "NOK",
    # the eForms SDK's English names (an English rendering, reference §2.3): "Pound sterling" was read as euro
    "pound sterling": "GBP", "us dollar": "USD", "swiss franc": "CHF", "danish krone": "DKK",
    "swedish krona": "SEK", "norwegian krone": "NOK",
    # the SDK's German and French names (code_de.xml, code_fr.xml), as a German or French rendering spans them
    "pfund sterling": "GBP", "schweizer franc": "CHF", "dänische krone": "DKK", "schwedische krone": "SEK",
    "norwegische krone": "NOK", "livre sterling": "GBP", "franc suisse": "CHF", "couronne danoise": "DKK",
    "couronne suédoise": "SEK", "couronne norvégienne": "NOK", "dollar des états-unis": "USD", "zloty": "PLN",
}


@functools.lru_cache(maxsize=1)
def _cldr() -> tuple[re.Pattern, dict[str, str], re.Pattern]:
    """Every currency the CLDR (Babel) knows, for a name or code not in :data:`CURRENCIES`: its names in the
    languages whose renderings are read (Dutch, English, German, French: "Poolse zloty", "Japanese Yen", "Pfund
    Sterling", "Livre sterling") and its ISO 4217 code in capitals ("800 000 PLN").
    Built on first use (a rendering in euro never needs it)."""
    from babel import Locale

    names: dict[str, str] = {}
    for locale in ("nl", "en", "de", "fr"):
        for code, name in Locale.parse(locale).currencies.items():
            if len(name) > 3 and re.fullmatch(r"[A-Z]{3}", code):
                names.setdefault(name.lower(), code)
    codes = sorted(c for c in Locale.parse("en").currencies if re.fullmatch(r"[A-Z]{3}", c))
    by_name = re.compile(r"(?i)(?<![a-z])(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
                         + r")(?![a-z])")
    return by_name, names, re.compile(r"(?<![A-Za-z])(" + "|".join(codes) + r")(?![A-Za-z])")
_WORDS = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
#: The words amounts are written with that name no currency: text of only these (and numbers) skips the
#: search through every currency name and code Babel knows (≈ 0.1 ms an amount).
_NOT_CURRENCY = frozenset("""excl incl exclusief inclusief btw vat tax omzetbelasting miljoen mln mio miljard mld mrd duizend ton
    million millions millionen billion billions milliard milliards milliarde milliarden thousand tausend
    per jaar jaarlijks maandelijks wekelijks dagelijks maand maanden kalenderjaar contractjaar kwartaal half
    halfjaar jaarbasis maandbasis jaarwaarde
    week uur circa ongeveer max maximaal minimaal totaal totale waarde bedrag geraamde geschatte value
    total estimated excluding including year month hour and tot van een euro euros eur""".split())
_CURRENCY_RE = re.compile(
    r"(?i)(?<![a-z])(" + "|".join(sorted((re.escape(c) for c in CURRENCIES), key=len, reverse=True)) + r")(?![a-z])")
MISSING = {"", "-", "–", "—", "n.v.t.", "nvt", "niet gepubliceerd", "onbekend", "not published", "none", "null",
           # a German rendering's unpublished field (eForms SDK auxiliary_de.xml), as printed and accents folded
           "nicht veröffentlicht", "nicht veroffentlicht", "unbekannt",
           # and a French one's (auxiliary_fr.xml "dépublié", "Inconnu")
           "dépublié", "depublie", "inconnu"}
#: "nihil" (nil), alone or with a currency: the amount 0
_NIHIL = re.compile(r"(?i)(?:€|eur\w*)?\s*nihil\.?\s*(?:€|eur\w*)?")
_SPACES = re.compile(r"[\u00a0\u2007\u2008\u2009\u202f]")
#: an apostrophe grouping thousands, as the Swiss locales write them ("1'234'567.50", "1’234’567.50"): the
#: typographic one was no separator ("more than one number", read € 1), the plain one read with that problem
_APOSTROPHE_GROUPS = re.compile(r"(?<=\d)['\u2019](?=\d{3}(?!\d))")
#: the scale words of :data:`_SCALES` as a range's ends may carry them ("€ 1,5 ton tot € 2 ton", "200k - 300k")
_SCALE_WORDS = (r"(?:(?:miljoen|mln\.?|mio\.?|millions?|millionen|mn\.?|miljard|mld\.?|mrd\.?|billions?|bn\.?|milliards?|"
                r"milliarden?|duizend|thousand|tausend|ton)\b|k(?![a-z])|k(?=eur\b))")
_RANGE = re.compile((
    r"(?i)laagste\s+(?:offerte|inschrijving)\s*:?\s*(?P<low>[^/]*?\d[^/]*?)\s*(?:/|en)\s*"
    r"hoogste\s+(?:offerte|inschrijving)\s*:?\s*(?P<high>.*?\d[\d.,  ]*)"
    r"|(?P<low2>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*{_SCALE_WORDS})?(?:\s*(?:€|eur\w*))?)\s*(?:-|–|tot|à|to|bis)\s*"
    r"(?P<high2>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*{_SCALE_WORDS})?(?:\s*(?:€|eur\w*))?)"
    # "tussen (de) € 100.000 en € 200.000": a range said in words, also in the languages of the renderings read
    # (English "between … and …", German "zwischen … und …", French "entre … et …")
    r"|\b(?:tussen(?:\s+de)?|between|zwischen|entre)\s+"
    r"(?P<low3>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*{_SCALE_WORDS})?(?:\s*(?:€|eur\w*))?)\s+(?:en|and|und|et)\s+"
    r"(?P<high3>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*{_SCALE_WORDS})?(?:\s*(?:€|eur\w*))?)"
    # "minimaal € 100.000 en maximaal € 200.000", "min. € 100.000 max. € 200.000": the ends named
    r"|\bmin(?:imaal|imum|\.)?\s*:?\s*(?P<low4>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*{_SCALE_WORDS})?(?:\s*(?:€|eur\w*))?)"
    r"\s*(?:,|;|/|en|and|und|et|-)?\s*max(?:imaal|imum|\.)?\s*:?\s*"
    r"(?P<high4>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*{_SCALE_WORDS})?(?:\s*(?:€|eur\w*))?)").replace("{_SCALE_WORDS}", _SCALE_WORDS))
#: whole euros written with a dash for the cents ("€ 100.000,-", "100.000,--"): the dash is no range sign
_DASH_CENTS = re.compile(r"(?<=\d)[.,]-{1,2}(?![\d-])")
#: a span of years, not of money ("€ 100.000 voor de jaren 2025-2027", "periode 2024 - 2026", "2025 t/m 2027"):
#: two years (1990-2099) written without grouping or decimals, at most 30 apart, neither end carrying a currency or
#: a scale word. Read as years where a year word stands before it or another number is in the text (the amount);
#: a lone "2000 - 2025" stays a range of money
_YEAR = r"(?:199\d|20\d\d)"
_YEAR_SPAN = re.compile(
    rf"(?i)(?<![\d.,€$£])(?<!€\s)(?<!eur\s)(?P<from>{_YEAR})\s*(?:-|–|—|/|t/m|t\.m\.|tot en met|tot|en)\s*"
    # a currency after the span that begins an amount ("2024-2026 € 1.200.000") is that amount's
    rf"(?P<to>{_YEAR})(?![\d]|[.,]\d|\s*{_SCALE_WORDS}|\s*(?:€|eur\w*)(?!\s*\d))")
#: a word that makes the number after it a year ("in 2025", "vanaf 2026", "jaren 2025-2027", "periode 2024 - 2026")
_YEAR_WORD = re.compile(r"(?i)\b(?:in|vanaf|sinds|tussen|jaar|jaren|boekjaar|boekjaren|periode|looptijd|contractperiode|"
                        r"contractjaren|t/m|tot en met|voor|over|van|uit)\s*:?\s*\(?\s*$")
_YEAR_ALONE = re.compile(rf"(?i)\b(?:in|vanaf|sinds|boekjaar|jaar|t/m|tot en met)\s+(?P<year>{_YEAR})"
                         rf"(?![\d]|[.,]\d|\s*{_SCALE_WORDS}|\s*(?:€|eur\w*)(?!\s*\d))")

#: a year that ends a label before the amount ("Totaal 2024: € 1.000.000", "Raming 2025: € 3 miljoen"): it dates the
#: amount after its colon (the text opening with it is :func:`_per_year`'s)
_YEAR_LABEL = re.compile(rf"(?i)(?<![\d.,€$£])(?<!€\s)(?<!eur\s)(?P<year>{_YEAR})\s*:(?=\s*(?:€|eur\w*)?\s*\d)")


_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|"
           "march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec")
#: a whole date beside an amount ("(01-01-2025 t/m 31-12-2027)", "van 1 januari 2025 tot 31 december 2027",
#: "2025-01-01"): no money either
_DATE = re.compile(rf"(?i)(?<![\d.,])(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]{_YEAR}|{_YEAR}-\d{{1,2}}-\d{{1,2}}"
                   rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+{_YEAR})(?![\d]|[.,]\d)")


#: one entry of a list of values per year: "2024: € 100.000", "jaar 2: € 120.000", "2025 € 120.000" (a currency right
#: after a bare year), "€ 100.000 (2024)", "€ 100.000 in 2024"
_AMOUNT_PART = r"(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*" + _SCALE_WORDS + r")?(?:\s*(?:€|eur\w*))?(?:\s*,-)?"
_YEAR_ENTRY = re.compile(
    rf"(?i)^\s*(?:(?:(?:boek|contract)?jaar|year)\s*(?P<n>\d{{1,2}}|{_YEAR})|(?P<year>{_YEAR}))\s*"
    rf"(?:[:=]\s*|-\s+|–\s*|(?=€|eur))(?P<amount>{_AMOUNT_PART})\s*(?:\(?\s*(?:excl\.?|exclusief|incl\.?|inclusief)\s*btw\s*\)?)?\.?\s*$"
    rf"|^\s*(?P<amount2>{_AMOUNT_PART})\s*(?:\(?\s*(?:excl\.?|exclusief|incl\.?|inclusief)\s*btw\s*\)?)?\s*(?:\(\s*(?P<year2>{_YEAR})\s*\)"
    rf"|(?:in|voor|over)\s+(?P<year3>{_YEAR}))\.?\s*$")
#: where a list of values per year splits: ";", a line break, " / ", "|", or a comma (or "en") before the next year
_YEAR_LIST_SPLIT = re.compile(
    rf"(?i)\s*(?:[;|\n]|\s/\s|,\s*(?:en\s+)?(?=(?:(?:boek|contract)?jaar|year)\s*\d|{_YEAR}\s*(?:[:=]|€|eur))"
    rf"|,\s*(?=€|eur)|\s+en\s+(?=(?:(?:boek|contract)?jaar|year)\s*\d|{_YEAR}\s*[:=]|€))\s*")


def _per_year(text: str, code: str | None) -> Amount | None:
    """The total of a list of values per year ("2024: € 100.000; 2025: € 120.000", "jaar 1: € 100.000, jaar 2:
    € 120.000", "€ 100.000 (2024), € 120.000 (2025)"): each year's value is part of the contract's value, so the
    award's value is their sum (the problems say so). Its years were read as amounts (€ 20,24) and the rest as
    "more than one number". One entry alone, its year first ("2024: € 100.000", which gave € 2.024), is that year's value. None when
    ``text`` is no such list (every entry a year and an amount, no year twice)."""
    parts = [part for part in _YEAR_LIST_SPLIT.split(text.strip()) if part.strip()]
    if not parts:
        return None
    years, total, with_vat = [], 0, set()
    for part in parts:
        match = _YEAR_ENTRY.match(part)
        if not match:
            return None
        with_vat.add(bool(_WITH_VAT.search(part)))
        years.append(f"jaar {match.group('n')}" if match.group("n") else
                     match.group("year") or match.group("year2") or match.group("year3"))
        amount_text = match.group("amount") or match.group("amount2")
        if _RANGE.search(amount_text) or _PERIOD_AFTER.match(part[match.end("amount") if match.group("amount")
                                                                    else match.end("amount2"):]):
            return None
        cents, _ = _number(amount_text)
        if cents is None:
            return None
        total += cents
    if len(set(years)) != len(years) or len(with_vat) > 1:
        return None  # (years some with VAT and some without are not summed: no one basis)
    # each year's value "incl. btw" (as "excl. btw" is): summed, and said to include VAT as one amount is
    vat = (f"value includes VAT (btw), stored as printed: {text!r}",) if with_vat == {True} else ()
    if len(years) == 1:
        if not match.group("amount"):
            return None  # "€ 50.000 in 2025", "€ 100.000 (2024)": the year after the amount is read as it was
        return Amount(text, total, code, problems=(f"the value of {years[0]} alone: {text!r}", *vat))
    return Amount(text, total, code, problems=(f"values per year ({', '.join(years)}) summed: {text!r}", *vat))


def _without_years(text: str) -> str:
    """``text`` with its dates, its spans of years, the single years a year word introduces ("in 2025") and a year
    ending a label before its amount ("Totaal 2024: € 1.000.000": :data:`_YEAR_LABEL`) blanked: they
    date the amount and are no money (a range "2025-2027" read as € 20,25 – € 20,27 hid the € 100.000 beside it)."""
    def span(match: re.Match) -> str:
        low, high = int(match.group("from")), int(match.group("to"))
        if not 0 < high - low <= 30:
            return match.group(0)
        before, rest = text[:match.start()], text[:match.start()] + text[match.end():]
        if _YEAR_WORD.search(before) or re.search(r"\d", rest):
            return " " * len(match.group(0))
        return match.group(0)
    dated = _DATE.sub(lambda m: " " * len(m.group(0)), text)
    if dated != text and re.search(r"\d", dated):  # "€ 500.000 (01-01-2025 t/m 31-12-2027)": the dates go
        text = dated
    text = _YEAR_SPAN.sub(span, text)
    blanked = _YEAR_ALONE.sub(lambda m: m.group(0)[:m.start("year") - m.start()] + " " * 4, text)
    if re.search(r"\d", blanked):  # "€ 50.000 in 2025": the year goes; "in 2025" alone stays
        text = blanked
    blanked = _YEAR_LABEL.sub(lambda m: " " * len(m.group(0)), text)
    if re.search(r"\d", blanked):  # "Totaal 2024: € 1.000.000": the year goes, the amount after it stays
        text = blanked
    return text


#: the words that scale a number: "1,2 miljoen", "€ 1,5 mln", "2,1 miljard", "250 duizend". Only right after
#: the number (or at the text's start): a word elsewhere is no scale of it ("€ 25.000,- (zegge: vijfentwintig
#: duizend euro)" is € 25.000, not € 25 miljoen; "€ 1.200.000 (1,2 miljoen)" is € 1.200.000)
#: The English, German and French words too ("3.5 million", "2 Millionen", "1,2 milliard", "250 thousand"), as a
#: rendering in those languages (reference §2.1) or a package's amount written as text may give them: "3.5 million
#: EUR" was € 3,50, a placeholder.
_SCALES = ((re.compile(r"(?i)(?:(?<=\d)|^)\s*(?:miljoen|mln\.?|mio\.?|millions?|millionen|mn\.?)\b"), 1_000_000),
           (re.compile(r"(?i)(?:(?<=\d)|^)\s*(?:miljard|mld\.?|mrd\.?|billions?|bn\.?|milliards?|milliarden?)\b"),
            1_000_000_000),
           (re.compile(r"(?i)(?:(?<=\d)|^)\s*(?:duizend|thousand|tausend)\b"), 1_000),
           # "2 ton", "€ 3,5 ton": a ton is € 100.000 (a weight has no place in an amount field)
           (re.compile(r"(?i)(?:(?<=\d)|^)\s*ton\b"), 100_000),
           # "€ 250k", "250 K", "250 k€", "250 kEUR": thousands; only right after the number ("K" alone is no scale;
           # "k€ 250" before it: _KILO_EURO)
           (re.compile(r"(?i)(?<=\d)\s?k(?:(?![a-z€])|(?=\s?(?:€|eur\b)))"), 1_000))
#: a rate: "per jaar", "/jaar", "p.j.", "per maand", "per uur", "per cliënt", "per traject" right after the amount (its currency and "excl. btw"
#: between), or "jaarlijks"/"per jaar" before it
_PERIOD_AFTER = re.compile(r"(?i)^[\s,.\-]*(?:(?:€|(?:euro?s?|eur)\b)\s*)?"
                           r"(?:[\s,(]*(?:excl|incl|exclusief|inclusief)\.?\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%\s*)?btw\)?)?"
                           # the rate in brackets ("€ 500.000 (per jaar)", "(jaarlijks)")
                           r"[\s,(]*(?:(?:per\s+|/\s*|p\.\s*)(?P<period>kalenderjaar|contractjaar|half\s*jaar|jaar|jr\b|j\b"
                           r"|kwartaal|maand|mnd|week|dag|uur"
                           # youth care's prices per client or care path ("€ 5.000 per cliënt", "trajectprijs")
                           r"|cli[eë]nt(?:en)?|jeugdigen?|deelnemers?|zorgtraject(?:en)?|traject(?:en)?"
                           # and in English ("per year", "per annum"), German ("pro Jahr") and French ("par an")
                           r"|year|annum|month|day|hour)\b|(?:pro\s+)(?P<de>jahr|monat|woche|tag|stunde)\b"
                           r"|(?:par\s+)(?P<fr>an|année|mois|semaine|jour|heure)\b"
                           # "€ 500.000 jaarlijks", "€ 20.000 maandelijks": the adverb after the amount
                           r"|(?P<adverb>jaarlijks|maandelijks|wekelijks|dagelijks|kwartaallijks|annually|yearly|monthly|"
                           r"jährlich|monatlich)\b"
                           # "€ 500.000 op jaarbasis" / "op maandbasis", "€ 500.000 p/j" / "pj"
                           r"|op\s+(?P<basis>jaar|maand|week|dag|uur)basis\b|(?P<pj>p\s*/\s*j|pj)\b)")
#: ("4 jaar à € 2,4 mln": years at an amount each)
_PERIOD_BEFORE = re.compile(r"(?i)\b(?:jaarlijks|per jaar|op jaarbasis|jaarwaarde)\b|\d\s*(?:jaar|jaren)\s+(?:à|á|a)\s")
_PERIODS = {"j": "jaar", "jr": "jaar", "pj": "jaar", "kalenderjaar": "jaar", "contractjaar": "jaar",
            "halfjaar": "halfjaar", "client": "cliënt", "clienten": "cliënt", "cliënten": "cliënt",
            "jeugdigen": "jeugdige", "deelnemers": "deelnemer", "zorgtraject": "traject", "zorgtrajecten": "traject",
            "trajecten": "traject", "kwartaallijks": "kwartaal", "mnd": "maand", "jaarlijks": "jaar", "maandelijks": "maand", "wekelijks": "week",
            "dagelijks": "dag", "year": "jaar", "annum": "jaar", "month": "maand", "day": "dag", "hour": "uur",
            "annually": "jaar", "yearly": "jaar", "monthly": "maand", "jahr": "jaar", "monat": "maand", "woche": "week",
            "tag": "dag", "stunde": "uur", "jährlich": "jaar", "monatlich": "maand", "an": "jaar", "année": "jaar",
            "mois": "maand", "semaine": "week", "jour": "dag", "heure": "uur"}
#: "incl. btw", "inclusief BTW", "inclusief omzetbelasting" (btw's full name), "incl. VAT", "including VAT": the amount
#: includes VAT ("excl." is the usual basis) ("incl. 21% btw": the rate between)
_WITH_VAT = re.compile(r"(?i)\b(?:incl\.?|inclusief|including|inc\.?)\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s*%\s*)?"
                       r"(?:btw|vat|omzetbelasting)\b")
#: "excl. btw", "exclusief BTW", "zonder btw", "exclusief omzetbelasting", "excl. 21% btw", "excluding VAT": the amount
#: is exclusive of VAT
_WITHOUT_VAT = re.compile(r"(?i)\b(?:excl\.?|exclusief|excluding|exclusive\s+of|ex\.?|zonder|without)\s*"
                          r"(?:\d{1,2}(?:[.,]\d{1,2})?\s*%\s*)?(?:btw|vat|omzetbelasting)\b")
#: a VAT-inclusive marker as :func:`includes_vat` knows them: :data:`_WITH_VAT` and the older forms' "Met BTW"
_WITH_VAT_ANY = re.compile(_WITH_VAT.pattern + r"|(?i:\bmet\s+btw\b)")
#: where the amount after a VAT marker starts: its currency or its first digit
_AMOUNT_START = re.compile(r"(?i)€|\beur|\d")
#: the total beside a rate: "€ 100.000 per jaar, totaal € 400.000", "€ 100.000 per jaar (in totaal € 400.000)", the
#: total over a duration ("jaarlijks € 2,4 mln, totaal over 4 jaar € 9,6 mln", "totaal (4 jaar): …", "totaal voor de
#: looptijd van 4 jaar …") or the rate times the duration ("€ 2,4 mln per jaar gedurende 4 jaar = € 9,6 mln")
_DURATION = (r"(?:\(?\s*(?:over|voor|gedurende|in)?\s*(?:de\s+(?:gehele\s+|totale\s+)?(?:loop|contract)tijd\s*(?:van\s+)?)?"
             r"\d+(?:[.,]\d+)?(?:\s*\+\s*\d+)*\s*(?:jaar|jaren|maanden|maand)\s*\)?\s*)?")
_TOTAL_AFTER = re.compile(r"(?i)(?:\b(?:(?:in\s+)?totaal|totale\s+(?:contract)?waarde|total(?:\s+value)?)\s*" + _DURATION
                          + r"|=\s*)\s*:?\s*"
                          r"(?:van\s+)?(?:ca\.?\s*|circa\s+|maximaal\s+|max\.?\s*)?"
                          r"(?P<total>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*" + _SCALE_WORDS + r")?(?:\s*(?:€|eur\w*))?)(?![\d.,]*\s*(?:jaar|jaren|maanden|maand|weken|week|dagen|dag|uur|uren)\b)")
#: the total beside a rate, its word after it: "€ 2,4 mln per jaar; € 9,6 mln in totaal", "… (€ 9,6 mln totaal)"
_TOTAL_WORD_AFTER = re.compile(r"(?i)(?P<total>(?:€|eur\w*)?\s*\d[\d.,  ]*(?:\s*" + _SCALE_WORDS + r")?"
                               r"(?:\s*(?:€|eur\w*))?)\s*,?\s*(?:in\s+)?(?:totaal|total)\b")
#: "k€ 250", "K€ 1.200": thousands of euros
_KILO_EURO = re.compile(r"(?i)^\s*k\s?(?=€|eur\b)")
_LABEL = re.compile(r"(?i)^\s*(waarde|totale waarde|bedrag|value)\s*:\s*")


@dataclass(frozen=True)
class Amount:
    """One published amount. ``cents`` is the number as printed (exact); see :attr:`value_cents`."""

    raw: str | None
    cents: int | None = None
    currency: str | None = None
    low_cents: int | None = None
    high_cents: int | None = None
    missing: bool = False
    problems: tuple[str, ...] = field(default_factory=tuple)
    #: "jaar", "maand", "week", "dag", "uur" for an amount written as a rate ("€ 500.000 per jaar",
    #: "jaarlijks € 500.000"): not the contract's total value
    period: str | None = None
    #: True where the text prints the amount both exclusive and inclusive of VAT and the exclusive one was read
    #: (:func:`_excl_of_both`): its text names VAT but the amount does not include it
    excl_vat: bool = False

    @property
    def is_range(self) -> bool:
        return self.low_cents is not None or self.high_cents is not None

    @property
    def placeholder(self) -> bool:
        """True for "0", "1,00" and every amount under € 1.000: a placeholder or a rate."""
        return self.cents is not None and self.cents < PLACEHOLDER_BELOW_CENTS

    @property
    def foreign(self) -> bool:
        """True for an amount in another currency than the euro ("1 000 GBP", "800.000 Pond sterling")."""
        return self.currency is not None and self.currency != "EUR"

    @property
    def value_cents(self) -> int | None:
        """The amount in euro cents, to use as a contract value: None when missing, a range, a placeholder
        or in another currency (the archive's ``*_cents`` are euro cents, summed per region and year;
        reference tenderned-awards.md §2.4, §4: non-euro amounts are refused, not converted), or a rate per
        year, month … (:attr:`period`: summed with total values it would count a year as a whole contract)."""
        return None if self.placeholder or self.foreign or self.period else self.cents

    @property
    def decimal(self) -> str | None:
        """Exact decimal text of :attr:`cents` ("1234567.89"), for storing as TEXT."""
        return cents_to_text(self.cents)


def includes_vat(amount: Amount | None) -> bool:
    """True for an amount whose printed text says it includes VAT: "incl. btw", "inclusief BTW", "including VAT" (as
    :func:`parse_amount` names it) or the older forms' "Met BTW" (reference §3.2)."""
    raw = amount.raw if amount is not None else None
    if amount is not None and amount.excl_vat:
        return False  # "€ 1.800.000 excl. btw, € 2.178.000 incl. btw": the exclusive one was read
    return bool(raw) and bool(_WITH_VAT.search(raw) or re.search(r"(?i)\bmet\s+btw\b", raw))


def vat_words(text: str | None) -> str | None:
    """The words of ``text`` that say an amount's VAT basis ("incl. btw", "inclusief omzetbelasting", "Met BTW", "excl.
    btw", "Zonder BTW"), as printed; None where it says nothing of VAT."""
    match = _WITH_VAT_ANY.search(text or "") or _WITHOUT_VAT.search(text or "")
    return match.group(0) if match else None


def vat_basis(amount: Amount | None) -> int | None:
    """Whether a value as printed says it includes VAT (``awards.value_has_tax``, as an OCDS ``hasTax`` says it): 1 for
    "incl. btw", "inclusief BTW", "inclusief omzetbelasting", the older forms' "Met BTW" (:func:`includes_vat`); 0 for
    "excl. btw", "exclusief omzetbelasting", "Zonder BTW", or a value printed both ways whose exclusive amount was
    read; None where the value says nothing of VAT (not assumed either way) or there is none."""
    if amount is None or amount.missing or not amount.raw:
        return None
    if includes_vat(amount):
        return 1
    return 0 if amount.excl_vat or _WITHOUT_VAT.search(amount.raw) else None


def excl_vat_first(kept: Amount | None, new: Amount | None) -> Amount | None:
    """The amount to keep where one field (a winner's tender value, a lot's value, a total) is printed twice, once
    exclusive and once inclusive of VAT: the archive's values are exclusive of it (eForms BT-720, V.2.4 "exclusief
    btw", reference §2.3/§3.1), so a VAT-inclusive amount never replaces an exclusive one read before it, in
    whichever order they are printed. A range ("Laagste offerte: … / Hoogste offerte: …") never replaces a value read
    before it: it is printed instead of a value (reference §3.1, §4 "Ranges": neither end is the award value), so
    where both are printed the value is the value, in whichever order (:func:`range_beside_value`); otherwise the
    later amount is kept, as before."""
    if new is None or kept is None or kept.missing or (kept.cents is None and not kept.is_range):
        return new
    if includes_vat(new) and not includes_vat(kept):
        return kept
    if range_beside_value(kept, new):
        return kept
    return new


def range_beside_value(kept: Amount | None, new: Amount | None) -> bool:
    """True when ``new`` is a range and ``kept`` a value (not a placeholder, a rate or a range) read before it."""
    return new is not None and new.is_range and kept is not None and not kept.is_range \
        and kept.value_cents is not None


def cents_to_text(cents: int | None) -> str | None:
    if cents is None:
        return None
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def to_cents(number) -> int | None:
    """An exact number (Decimal, int, or the str/float of a JSON number) as integer cents.

    Floats from JSON (OCDS ``value.amount``) go through ``repr`` (the shortest
    text that reads back as the same float), so 2300000.5 becomes 230000050.
    """
    if number is None or isinstance(number, bool):
        return None
    if isinstance(number, float):
        number = repr(number)
    try:
        value = Decimal(str(number))
    except Exception:  # noqa: BLE001 — anything that is not a number
        return None
    if not value.is_finite():
        return None
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def currency_code(text: str | None) -> str | None:
    """ISO code of a currency word or symbol ("Euro" → "EUR"), or None."""
    if not text:
        return None
    match = _CURRENCY_RE.search(text.strip())
    if match:
        return CURRENCIES[match.group(1).lower()]
    words = {w.lower() for w in _WORDS.findall(text)}
    if not words or words <= _NOT_CURRENCY:  # "1.000.000 excl. btw": no word that could name one
        return None
    by_name, names, iso = _cldr()
    if match := by_name.search(text):
        return names[match.group(1).lower()]
    match = iso.search(text)
    return match.group(1) if match else None


def _scale(text: str, number: str | None = None) -> int:
    """The factor of the scale word right after ``number`` in ``text`` (where it stands as a whole number:
    "Perceel 2: € 2 miljoen"), or, without it, right after any digit of ``text``; 1 where there is none."""
    if number:
        places = list(re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text))
        if places:
            return next((factor for place in places for word, factor in _SCALES if word.match(text, place.end())), 1)
    return next((factor for word, factor in _SCALES if word.search(text)), 1)


#: a number written with its currency beside it ("€ 300.000", "300.000 EUR", "EUR1.000.000", "1 000 000 Euro"): the
#: money of a text that gives a lot's number or a duration before it ("Perceel 2: € 300.000", "48 maanden: € 2.000.000")
_NUM = r"\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?:[.,]\d{1,2}|,-+)?|\d+(?:[.,]\d+)?"
_MARKED_BEFORE = re.compile(rf"(?i)(?:€|(?<![a-z])eur(?:o|os)?)\s*(?:{_NUM})")
_MARKED_AFTER = re.compile(rf"(?i)(?<![\d.,])(?:{_NUM})\s*(?:k\s?)?(?:€|eur(?:o|os)?(?![a-z]))(?!\s*\d)")


def _marked(text: str) -> int | None:
    """Where the first number written with its currency starts; a currency sign between two numbers ("Perceel 12 €
    45.000,50") is the one after it's, as Dutch amounts write it."""
    starts = [m.start() for m in (_MARKED_BEFORE.search(text), _MARKED_AFTER.search(text)) if m]
    return min(starts) if starts else None


def _number(text: str) -> tuple[int | None, str | None]:
    price = Price.fromstring(text)
    marked = _marked(text)
    if marked is not None and (price.amount is None or text.find(price.amount_text or "") < marked):
        # price-parser reads the first number; a number before the one written with the currency ("Perceel 2: €
        # 300.000") is no money: it was read as € 2, a placeholder, and the value lost ("Perceel 12 € 45.000,50":
        # no number at all)
        money = Price.fromstring(text[marked:])
        if money.amount is not None:
            price = money
    if price.amount is None:
        return None, None
    amount = price.amount * _scale(text, price.amount_text)
    return to_cents(amount), price.amount_text


def parse_amount(text: str | None, currency: str | None = None) -> Amount:
    """Read one published amount; ``currency`` is a separate currency text (the eForms span), if any.

    Never raises: text that is not an amount gives ``cents=None`` and a problem.
    """
    raw = text
    if text is None or not str(text).strip():
        return Amount(raw, currency=currency_code(currency), missing=True)
    text = _APOSTROPHE_GROUPS.sub("", _SPACES.sub(" ", str(text))).strip()
    if text.lower().rstrip(".") in MISSING or text.lower() in MISSING:
        return Amount(raw, currency=currency_code(currency), missing=True)
    text = _LABEL.sub("", text)
    kilo = _KILO_EURO.match(text)
    if kilo:
        text = text[kilo.end():]
    code = currency_code(currency) or currency_code(text)
    if _NIHIL.fullmatch(text):  # nil: zero, a placeholder like "0"
        return Amount(raw, 0, code)
    problems: list[str] = []
    if currency and currency.strip() and not currency_code(currency):
        # a currency named but not known: not taken for the euro (no cents), its name kept
        problems.append(f"unknown currency {currency!r}")
        code = currency.strip()[:40]
    if (both := _excl_of_both(raw, text, currency or code, problems)) is not None:
        return both
    if (listed := _per_year(text, code)) is not None:
        return Amount(raw, listed.cents, code, problems=tuple(problems) + listed.problems)
    text = _DASH_CENTS.sub("", _without_years(text)).strip()
    match = _RANGE.search(text)
    if match:
        low_text = match.group("low") or match.group("low2") or match.group("low3") or match.group("low4")
        high_text = match.group("high") or match.group("high2") or match.group("high3") or match.group("high4")
        low, _ = _number(low_text)
        high, _ = _number(high_text)
        # "tussen 1 en 2 miljoen", "1 - 1,5 mln": the word after the range's high end scales its low end too
        scale = _scale(high_text)
        if scale > 1 and _scale(low_text) == 1 and low is not None and high is not None and low * scale <= high:
            low *= scale
        if low is not None and high is not None:
            if kilo:
                low, high = low * 1000, high * 1000
            period = _period(text, text[match.end():], match.start())
            if period:
                problems.append(f"a rate per {period}, not a total value: {raw!r}")
            return Amount(raw, None, code, low, high, problems=tuple(problems), period=period)
    cents, amount_text = _number(text)
    if cents is None:
        problems.append(f"no amount in {raw!r}")
        return Amount(raw, None, code, problems=tuple(problems))
    if kilo:
        cents *= 1000
    at = text.find(amount_text or "")
    rest = text.replace(amount_text or "", " ", 1)
    if re.search(r"\d", rest) and not re.search(r"(?i)btw|%|\b(19|21|6|9)\b", rest):
        problems.append(f"more than one number in {raw!r}; read {amount_text!r}")
    if _WITH_VAT.search(text):
        # the archive's values are without VAT (eForms BT-720, V.2.4 "exclusief btw"): this one is not, which is said
        problems.append(f"value includes VAT (btw), stored as printed: {raw!r}")
    period = _period(text, text[at + len(amount_text or ""):] if at >= 0 else "", max(at, 0))
    if period:
        total = (_TOTAL_AFTER.search(text, at + len(amount_text or ""))
                 or _TOTAL_WORD_AFTER.search(text, at + len(amount_text or ""))) if at >= 0 else None
        total_cents = _number(total.group("total"))[0] if total else None
        if total_cents is not None and total_cents * (1000 if kilo else 1) >= cents and not _period(text, text[total.end("total"):], 0) \
                and not _PERIOD_BEFORE.search(text[total.start():total.start("total")]):
            # a rate with its total beside it: the total is the value, the rate a note
            problems = [p for p in problems if not p.startswith("more than one number")]
            problems.append(f"a rate per {period} and a total: read the total of {raw!r}")
            return Amount(raw, total_cents * (1000 if kilo else 1), code, problems=tuple(problems))
        problems.append(f"a rate per {period}, not a total value: {raw!r}")
    return Amount(raw, cents, code, problems=tuple(problems), period=period)


def _excl_of_both(raw, text: str, currency: str | None, problems: list[str]) -> Amount | None:
    """The amount exclusive of VAT of a text that prints it both exclusive and inclusive of VAT ("2.178.000 incl. BTW
    (1.800.000 excl. BTW)", "€ 1.800.000 exclusief btw, € 2.178.000 inclusief btw", "excl. btw € 1.800.000; incl. btw
    € 2.178.000", the older forms' "1800000 Zonder BTW, 2178000 Met BTW"): the archive's values are exclusive of VAT
    (eForms BT-720, V.2.4 "exclusief btw"; the same rule as :func:`excl_vat_first` for a value printed twice on two
    lines), so the first number, read as the value, kept the inclusive one where it came first, and where it came
    second said the kept value included VAT. None where the text does not give exactly one exclusive amount beside an
    inclusive one (the amount is then read as before).

    Written here, not with a library: price-parser reads one number and knows nothing of VAT; the markers split the
    text into one part per amount, the marker after its amount (the usual order) or before it."""
    without = list(_WITHOUT_VAT.finditer(text))
    with_vat = list(_WITH_VAT_ANY.finditer(text))
    if not without or not with_vat:
        return None
    markers = sorted([*without, *with_vat], key=lambda m: m.start())
    amount_first = bool(re.search(r"\d", text[:markers[0].start()]))
    if len(without) > 1:
        # values per year (or per lot) each printed both ways, "2024: € 100.000 excl. btw (€ 121.000 incl. btw);
        # 2025: …": each VAT-inclusive amount and its marker left out, the rest read as any amount (the years summed)
        if len(with_vat) != len(without) or not amount_first:
            return None
        pieces, last = [], 0
        for inclusive in with_vat:
            start = max([m.end() for m in markers if m.end() <= inclusive.start()], default=0)
            # from its amount on ("€ 100.000 excl. btw per jaar (€ 121.000 incl. btw)": the rate stays with the
            # amount before it), with the bracket it opens
            following = _AMOUNT_START.search(text, start)
            if following and following.start() < inclusive.start():
                start = following.start()
                start -= len(text[:start]) - len(text[:start].rstrip(" (["))
            # (a separator before the inclusive amount goes with it: "€ 100.000 excl. btw / € 121.000 incl. btw")
            piece = re.sub(r"[\s/]+$", "", text[last:start])
            pieces.append(re.sub(r"^\s*[)\]]", "", piece) if last else piece)
            last = inclusive.end()
        part = "".join([*pieces, re.sub(r"^\s*[)\]]", "", text[last:])]).strip(" ,;/()[]-–")
        if _WITH_VAT_ANY.search(part):
            return None
        amount = parse_amount(part, currency)
        if amount.cents is None and not amount.is_range:
            return None
        note = f"printed exclusive and inclusive of VAT (btw): read the amounts exclusive of it, {part!r}, of {raw!r}"
        return replace(amount, raw=raw, problems=tuple(problems) + amount.problems + (note,), excl_vat=True)
    marker = without[0]
    if amount_first:
        # the marker after its amount: the part from the end of the marker before it (or the start) up to the next
        # amount or marker after it, so a rate's "per jaar" after the marker stays with its amount
        before = [m.end() for m in markers if m.end() <= marker.start()]
        start = max(before) if before else 0
        following = _AMOUNT_START.search(text, marker.end())
        ends = [m.start() for m in markers if m.start() >= marker.end()] + ([following.start()] if following else [])
        part = text[start:min(ends) if ends else len(text)]
    else:
        # the marker before its amount: from it up to the next marker
        after = [m.start() for m in markers if m.start() > marker.start()]
        part = text[marker.start():min(after) if after else len(text)]
    part = part.strip(" ,;/()[]-–")
    if _WITH_VAT_ANY.search(part) or not re.search(r"\d", _WITHOUT_VAT.sub("", part)):
        return None
    amount = parse_amount(part, currency)
    if amount.cents is None and not amount.is_range or any(p.startswith("the value of ") for p in amount.problems):
        # (one year's value of a list of values per year, "2024: € 100.000 excl. btw; 2025: € 145.200 incl. btw", is
        # no amount printed twice)
        return None
    note = f"printed exclusive and inclusive of VAT (btw): read the amount exclusive of it, {part!r}, of {raw!r}"
    return replace(amount, raw=raw, problems=tuple(problems) + amount.problems + (note,), excl_vat=True)


def _period(text: str, after: str, start: int) -> str | None:
    """The period of an amount written as a rate: the words right after its number (``after``, its scale
    word skipped) or "jaarlijks"/"per jaar" before it (``text[:start]``); None for a total."""
    after = re.sub(r"(?i)^\s*(?:[\d.,]*\s*)(?:(?:miljoen|mln\.?|mio\.?|millions?|millionen|mn\.?|miljard|mld\.?|mrd\.?|"
                   r"billions?|bn\.?|milliards?|milliarden?|duizend|thousand|tausend|ton|k)(?![a-z])|k(?=\s?(?:€|eur\b)))",
                   "", after)
    match = _PERIOD_AFTER.match(after)
    if match:
        word = match.group("period") or match.group("de") or match.group("fr") or match.group("adverb")
        word = re.sub(r"\s+", "", word).lower() if word else match.group("basis").lower() if match.group("basis") else "pj"
        return _PERIODS.get(word, word)
    return "jaar" if _PERIOD_BEFORE.search(text[:start]) else None
