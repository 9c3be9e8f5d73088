"""One key for the many ways an organisation's name is written.

"Stichting Jeugdhulp Noord", "Jeugdhulp Noord B.V.", "jeugdhulp noord bv" and
"St. Jeugdhulp Noord" are one organisation: :func:`name_key` folds them to
``jeugdhulp noord``. Where a KvK number is known it is the key instead
(:func:`organisation_key` → ``kvk:01234567``): a name can change, the number
does not. The printed name is always kept next to the key by the caller.

Legal-form *suffixes* in every language ("B.V.", "BV", "N.V.", "GmbH", "Ltd")
are stripped by ``cleanco``, the library made for that. Dutch legal-form
*prefixes* and cooperative suffixes ("Stichting", "St.", "Vereniging",
"Coöperatie … U.A.", "Maatschap", "V.O.F.") are not in cleanco's lists and are
handled here, as is a legal form written after the name ("Jeugdhulp Noord, Stichting",
"… (Stichting)"), as a register sorted by name writes it. KvK numbers are 8 digits and a leading zero is significant, so
they stay text. An 8-digit registration number of a winner in another country
(a Danish CVR number, for one) is not a KvK number (:func:`foreign_country`).

A winner is also written with its trade name or its registration in the name:
"Jeugdhulp Noord B.V. h.o.d.n. Kindzorg" (handelend onder de naam) and
"Jeugdhulp Noord (KvK 12345678)" are Jeugdhulp Noord (:func:`split_name`): the key
folds the legal name, the trade name is kept as the winner's ``trade_name`` and the
number is its KvK number (:func:`kvk_in_name`). No library reads these Dutch forms
(cleanco knows legal-form suffixes only), so the patterns are here.

A winner's seat written after its name is no part of the name (:func:`_without_place`): "Jeugdhulp Noord B.V. te
Leiden", "Stichting Jeugdhulp Noord, gevestigd te Leiden", "Jeugdhulp Noord (Leiden)" and "Jeugdhulp Noord, Leiden"
are Jeugdhulp Noord. "gevestigd te/in" is followed by a place only; after a bare "te", a comma, a bracket or a dash
the word is a place only when it is a Dutch municipality of the shipped reference data (``tenderarchive.reference``:
names, aliases and merged-away names), so "Zorg te Huis" and "Jeugdhulp - Noord" keep their words.

A winner printed with its address in one line ("Jeugdzorg Oost B.V., Stationsstraat 1, 3511 AB Utrecht") is its name;
the address gives its street, postcode and place (:func:`split_address`, :func:`postcode_place`, :func:`street_line`).
Address parsers (libpostal) need a model of hundreds of megabytes and do not say where a name ends, so the few shapes
of a postcode after a name are here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cleanco import basename

_PREFIX = re.compile(
    r"^(?:de\s+)?(?:stichting|st\.|stg\.?|vereniging|ver\.|cooperatie(?:ve)?(?:\s+vereniging)?|cooperatieve|"
    r"maatschap|vof|v\.o\.f\.|commanditaire vennootschap|cv|c\.v\.|besloten vennootschap|naamloze vennootschap)\s+",
    re.I)
#: a Dutch legal form abbreviated after a name, with or without its dots ("B.V.", "BV", "U.A.", "V.O.F.", "i.o."): one
#: list for the key that drops it (:func:`name_key`) and the one that keeps it folded (``keep_legal_form=True``)
_FORM_ABBREVIATION = r"u\.?\s?a\.?|w\.?\s?a\.?|b\.?\s?a\.?|vof|v\.o\.f\.?|c\.?v\.?|b\.?v\.?|n\.?v\.?|i\.?o\.?"
_SUFFIX = re.compile(r"[\s,]+(?:" + _FORM_ABBREVIATION + r")\.?$", re.I)
#: the same abbreviation anywhere in a name, as a word of its own, for the key that keeps it (dots and spaces go:
#: "X B.V." and "X BV" are one party, "X B.V." and "X" are not)
_FORM_ABBREVIATION_WORD = re.compile(r"(?<![\w.])(?:" + _FORM_ABBREVIATION + r"|v\.?o\.?f\.?)(?![\w])", re.I)
#: a Dutch legal form written after the name, as a register sorted by name writes it ("Jeugdhulp Noord, Stichting",
#: "Jeugdhulp Noord (Stichting)", "Jeugdhulp Noord, B.V."): the name of "Stichting Jeugdhulp Noord"
_FORM_AFTER = re.compile(r"(?:,\s*|\s*\(\s*)(?:stichting|vereniging|cooperatie(?:ve vereniging)?|maatschap|"
                         r"besloten vennootschap|naamloze vennootschap|b\.?\s?v\.?|n\.?\s?v\.?)\s*\)?\.?$", re.I)
_KVK = re.compile(r"(?<!\d)(\d{8})(?!\d)")
#: a KvK number after its label ("KvK-nummer: 01234567", reference §7, IJ's patterns), in the text without spaces and
#: dots: the number even where a longer one follows it (the 12-digit vestigingsnummer, an RSIN)
_KVK_LABELLED = re.compile(r"(?i)(?<![a-z])(?:kvk|kamervankoophandel|handelsregister)(?:-?(?:nummer|nr|no))?[:\-]*"
                           r"(\d{8})(?!\d)")
#: a legal form left as a word at the end once "U.A." is gone ("Jeugd en Gezin Coöperatie U.A.")
_FORM_WORD_AFTER = re.compile(r"(?i)\s+(?:cooperatie(?:ve)?(?:\s+vereniging)?)$")
#: another register's number after its own label, written beside the KvK number in one registration field: the
#: 12-digit vestigingsnummer (branch number, "vestigingsnr. 0000 1234 5678"), the 9-digit RSIN / fiscal number, a
#: VAT number ("btw-nummer NL812345678B01"). Without its label the KvK number beside it is not read: a longer number
#: beside 8 digits may be a foreign id the 8 digits belong to
_OTHER_REGISTER = re.compile(
    r"(?i)(?<![a-z])(?:vestigings?[\s\-]*(?:nummer|nr\.?|no\.?)?|branch(?:\s+(?:number|no\.?))?|establishment\s+number"
    r"|rsin|fiscaal\s+nummer|btw(?:[\s\-]*(?:nummer|nr\.?|id(?:entificatienummer)?))?|vat(?:\s+(?:number|no\.?|id))?)"
    r"[\s:.\-]*(?:nl\s*)?\d(?:[\s.]?\d){8,11}(?:\s*b\s*\d{2})?(?!\d)")
_KVK_SEVEN = re.compile(r"(?i)(?:(?:kvk|k\.?v\.?k\.?|kamervankoophandel|handelsregister|registratienummer|nationale"
                        r"identificatie)(?:-?(?:nummer|nr|no))?[:\-]*|nl)?(\d{7})")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


MAX_NAME = 300  # characters of a name that are folded
#: raised when :func:`name_key` folds a name differently: it is part of the archive's schema fingerprint
#: (``store/schema.py``), so an archive opened after the change has its winners re-keyed (2: a seat after the name)
NAME_KEY_VERSION = 2

_PLACE_WORDS = r"(?:['’]s[\s\-])?[^\W\d_][\w'’./]*(?:[\s\-]+[^\W\d_][\w'’./]*){0,3}"  # "'s-Hertogenbosch", "a/d"
#: "… gevestigd te Leiden", ", statutair gevestigd in Leiden", "(gevestigd te Leiden)", "… te Leiden"
_PLACE_TE = re.compile(r"(?i)(?:[\s,]+|\s*\(\s*)(?:(?P<seat>(?:statutair\s+)?gevestigd\s+(?:te|in))|te)\s+"
                       rf"(?P<place>{_PLACE_WORDS})\s*\)?\.?$")
#: "…, Leiden", "… (Leiden)", "… - Leiden", "…, vestiging Leiden", "…, locatie Leiden"
_PLACE_AFTER = re.compile(r"(?i)(?:\s*,\s*|\s*\(\s*|\s+[-–]\s+)(?:(?:vestiging|locatie)\s+)?"
                          rf"(?P<place>{_PLACE_WORDS})\s*\)?\.?$")


def _is_place(text: str) -> bool:
    """True when ``text`` is a Dutch municipality (its name, an alias or a merged-away name); a region or a
    municipality as a buyer ("regio Utrecht", "Gemeente Leiden") is not a winner's seat."""
    from tenderarchive.reference import load, normalise

    if re.match(r"(?i)(?:de\s+)?(?:gemeenten?|gem\.|jeugdregio|jeugdhulpregio|jeugdzorgregio|regio)\b", text.strip()):
        return False
    key = normalise(text)
    ref = load()
    return bool(key) and (key in ref.municipality_keys or key in ref.merger_keys)


def _without_place(text: str) -> str:
    """``text`` without the seat written after the name (module docstring); the name when nothing else is left."""
    if (m := _PLACE_TE.search(text)) and m.start() > 0 and (m.group("seat") or _is_place(m.group("place"))):
        return text[:m.start()].strip(" ,") or text
    if (m := _PLACE_AFTER.search(text)) and m.start() > 0 and _is_place(m.group("place")):
        return text[:m.start()].strip(" ,") or text
    return text

#: "h.o.d.n." (handelend onder de naam) and its spellings, "t.h.o.d.n." (tevens …), "h.o.n.", "onder de naam", the
#: English "trading as"/"t/a": what follows is a trade name, not the organisation's legal name
_TRADE = re.compile(
    r"(?i)[\s,;(\[]+(?:(?:tevens|ook)\s+)?(?:t\.?\s?)?(?:h\.?\s?o\.?\s?d\.?\s?n\.?|h/o/d/n|h\.o\.n\.?|"
    r"handelend(?:e)?\s+onder\s+(?:de\s+)?naam|(?<![a-z])onder\s+de\s+naam|trading\s+as|t/a)(?![a-z])[\s:]*"
    r"(?P<trade>.+?)[\s)\]]*$")
#: a registration written into the name: "(KvK 12345678)", ", KvK-nummer: 01234567", "(Handelsregister 12345678)"
_REGISTRATION = re.compile(
    r"(?i)[\s,;(\[\-–]*(?<![a-z])(?:kvk|k\.v\.k\.?|kamer\s+van\s+koophandel|handelsregister|chamber\s+of\s+commerce|coc)"
    r"(?:[\s\-]*(?:nummer|nr\.?|no\.?|number))?[\s:.\-]*(?P<number>\d[\d .]{5,11}\d)[\s)\]]*")


def split_name(name: str | None) -> tuple[str | None, str | None, str | None]:
    """``(legal name, trade name, KvK number)`` of a printed name: "X B.V. h.o.d.n. Y (KvK 12345678)" is
    ("X B.V.", "Y", "12345678"); a name without either is itself, None, None."""
    if not name or not name.strip():
        return name, None, None
    text = re.sub(r"\s+", " ", name).strip()
    number = None
    registration = _REGISTRATION.search(text)
    if registration and kvk_number(registration.group("number")):
        number = kvk_number(registration.group("number"))
        text = (text[:registration.start()] + " " + text[registration.end():]).strip(" ,;-–")
    trade = None
    match = _TRADE.search(text)
    if match and match.start() > 0 and text[:match.start()].strip(" ,;([-–"):
        trade = match.group("trade").strip(" ,;()[]") or None
        text = text[:match.start()].strip(" ,;([-–")
    return text, trade, number


#: a postcode: Dutch "3511 AB", Belgian and Danish 4 digits, German 5, with a country prefix as a letterhead writes
#: one ("B-1000", "D-28195", "NL-3511 AB")
_POSTCODE = r"(?:[a-z]{1,2}\s?-\s?)?(?:\d{4}\s?[a-z]{2}(?![\w])|\d{4,5}(?!\d))"
#: a street with its house number ("Stationsstraat 1", "Oudegracht 12-bis", "Rue de la Loi 16"), or a Postbus
_STREET = r"(?:postbus\s+\d+|[^\W\d_][^,\d]*?\s\d{1,5}(?:\s?[a-z]{1,3}(?![\w])|[\-/]\w{1,4})?)"
#: a name and its address written in one line (reference §2.3/§3.1 give them as rows of their own; a winner block or
#: a V.3 contractor printed as one line gives them together): "X B.V., Stationsstraat 1, 3511 AB Utrecht",
#: "X GmbH, Hauptstraße 5, D-28195 Bremen, Duitsland", "X, 3511 AB Utrecht"
_ADDRESS = re.compile(
    r"(?i)\s*[,;]\s*(?:(?P<street>" + _STREET + r")\s*,?\s*)?(?P<postcode>" + _POSTCODE + r")\s+"
    r"(?P<place>[^\W\d_][^,\d]*?)(?:\s*,\s*(?P<country>[^\W\d_][^,\d]*?))?\s*\.?$")
#: the same without a postcode: the street, then a place that is a Dutch municipality ("X, Stationsstraat 1, Utrecht")
_ADDRESS_NO_POSTCODE = re.compile(r"(?i)\s*[,;]\s*(?P<street>" + _STREET + r")\s*,\s*(?P<place>[^\W\d_][^,\d]*?)\s*\.?$")


_POSTCODE_PLACE = re.compile(r"(?i)^(?P<postcode>" + _POSTCODE + r")\s+(?P<place>[^\W\d_][^,\d]*?)\s*\.?$")


def postcode_place(line: str | None) -> tuple[str, str] | None:
    """``(postcode, place)`` of an address line that is a postcode and a place ("1234 AB Oudstad", "D-28195
    Bremen", "1000 Brussel"), else None."""
    match = _POSTCODE_PLACE.match(re.sub(r"\s+", " ", line or "").strip())
    return (match.group("postcode"), match.group("place").strip()) if match else None


_STREET_LINE = re.compile(r"(?i)^(?:" + _STREET + r")$")


def street_line(line: str | None) -> str | None:
    """The street address of an address line that is one ("Dorpsstraat 1", "Hauptstraße 5a", "Postbus 12"), else
    None."""
    text = re.sub(r"\s+", " ", line or "").strip()
    return text if _STREET_LINE.match(text) else None


#: a NUTS code (Eurostat's regions: two letters of the country, then up to three letters or digits of the region, e.g.
#: "NL310", "DE21H", "UKE42", "NLZZZ" outside any region) as an award notice prints a winner's (V.2.3 "NUTS-code:",
#: eForms BT-507 "Onderverdeling land (NUTS)"): a word of its own, upper case as the code lists write it
_NUTS = re.compile(r"(?<![\w-])[A-Z]{2}(?P<region>[0-9A-Z]{0,3})(?![\w-])")


def nuts_code(value: str | None) -> str | None:
    """The NUTS code of a winner's region as printed ("NL310", "UKE42", "Utrecht (NL310)" → "NL310"), else None: an
    unpublished field ("niet gepubliceerd", "-") or a text without a code names no region. A region part of letters
    alone is a code only when it is the extra-regio "Z"s (an upper-case word such as "NVT" is none); the country
    alone ("NL") is one."""
    for found in _NUTS.finditer(re.sub(r"\s+", " ", value or "").strip()[:200]):
        region = found.group("region")
        if not region or re.search(r"\d", region) or set(region) == {"Z"}:
            return found.group(0)
    return None


def split_address(name: str | None) -> tuple[str | None, dict | None]:
    """``(name, address)`` of a winner printed with its address in one line: "Jeugdzorg Oost B.V., Stationsstraat 1,
    3511 AB Utrecht" is ("Jeugdzorg Oost B.V.", {"street": "Stationsstraat 1", "postcode": "3511 AB", "place":
    "Utrecht", "country": None}). The address needs a postcode and a place, or a street and a Dutch municipality;
    digits alone are a postcode only after a street: "Zorg, Welzijn en Wonen", "Zorggroep, 2000 Plus" and
    "Jeugdzorg 2000" keep their words. A name without one is itself, None."""
    if not name or not name.strip():
        return name, None
    text = re.sub(r"\s+", " ", name).strip()
    match = _ADDRESS.search(text)
    if match is None:
        match = _ADDRESS_NO_POSTCODE.search(text)
        if match is not None and not _is_place(match.group("place")):
            match = None
    if match is None or not text[:match.start()].strip(" ,;"):
        return name, None
    if not match.group("street") and re.fullmatch(r"\d{4,5}", match.group("postcode") or ""):
        return name, None  # "Zorggroep, 2000 Plus": bare digits without a street are no postcode
    found = match.groupdict()
    address = {"street": found.get("street"), "postcode": found.get("postcode"), "place": found.get("place"),
               "country": found.get("country")}
    return text[:match.start()].strip(" ,;"), {k: (v.strip() if v else None) for k, v in address.items()}


def kvk_in_name(name: str | None) -> str | None:
    """The KvK number a printed name carries ("Jeugdhulp Noord (KvK 12345678)"), or None."""
    return split_name(name)[2]


@lru_cache(maxsize=16384)
def name_key(name: str | None, keep_legal_form: bool = False) -> str | None:
    """The folded name: no legal form, lower case, no diacritics or punctuation, "&" as "en".

    With ``keep_legal_form`` (branch orgs16: the news reading's party list, where "Eikenrode" and "Eikenrode B.V." may
    be read apart) the name keeps its words and its legal form, folded: case, diacritics, runs of spaces, and the dots
    of an abbreviated legal form ("Eikenrode Zorg B.V." == "eikenrode zorg bv" == "Eikenrode Zorg B.V").

    Cached (issue 14): it is a function of the text alone, cleanco's ``basename`` makes it ~0.3 ms a
    name, and an award notice names the same winners lot after lot (and section 8 again), as do the
    other notices of its procedure."""
    if not name or not name.strip():
        return None
    if keep_legal_form:
        return _FORM_ABBREVIATION_WORD.sub(lambda m: re.sub(r"[.\s]", "", m.group(0)),
                                           _fold(name[:MAX_NAME]).casefold()) or None
    name = split_name(name[:MAX_NAME])[0] or name  # "X B.V. h.o.d.n. Y", "X (KvK 12345678)": X
    text = _fold(name[:MAX_NAME])  # cleanco's basename is slow on very long text; no name is this long
    text = re.sub(r"^\[\s*|\s*\]\s*-*$", "", text)
    for _ in range(3):  # "Stichting X B.V." and "X B.V. i.o." need more than one pass
        before = text
        text = _without_place(text)  # "X B.V. te Leiden": the legal form before the seat goes in this pass
        text = _PREFIX.sub("", text).strip()
        text = _FORM_AFTER.sub("", text).strip() or text
        text = basename(text).strip() or text
        text = _SUFFIX.sub("", text).strip()
        text = _FORM_WORD_AFTER.sub("", text).strip() or text
        if text == before:
            break
    text = text.lower().replace("&", " en ").replace("+", " en ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    # "X & Co" loses "& Co" to cleanco, "X en Co" only its "Co": the "en" left over is no part of the name
    text = re.sub(r"(?<=\w) en$", "", text)
    return text or None


def kvk_number(text: str | None) -> str | None:
    """The 8-digit KvK number in a published identifier ("KvK 01234567", "NL01234567", "01234567"), as text."""
    if not text:
        return None
    # "01234567 (vestigingsnummer 000012345678)": the labelled branch number is no part of the KvK number
    text = _OTHER_REGISTER.sub(" ", str(text))
    digits = re.sub(r"[\s.]", "", text)
    if labelled := _KVK_LABELLED.search(digits):
        return labelled.group(1)
    match = _KVK.search(digits)
    if not match:
        # 7 digits alone (after a KvK label, "NL" or nothing): a number whose leading zero was dropped on the way (a
        # number column of a spreadsheet, a form that took it for a number); reference §4: "a leading zero is
        # significant". The OCDS reader gives it back (ocds._kvk); the notices' renderings and PDFs did not, so
        # one winner was two organisations (kvk:01234567 and name:…) and its number matched no other notice's
        if seven := _KVK_SEVEN.fullmatch(digits):
            return seven.group(1).zfill(8)
        return None
    if re.search(r"\d{9,}", digits.replace(match.group(1), "", 1)) or re.search(r"\d{9,}", digits):
        return None  # a longer number (RSIN/VAT with suffix digits, a foreign id) is not a KvK number
    return match.group(1)


#: a text that is a KvK number and nothing else, as a person writes one: its label ("KvK", "KvK-nummer: ",
#: "Handelsregister", "NL"), the digits grouped by spaces or dots, brackets or punctuation around them; no name
_KVK_ALONE = re.compile(r"(?i)[\s(\[]*(?:(?:kvk|k\.v\.k\.?|kamer\s+van\s+koophandel|handelsregister)"
                        r"(?:[\s\-]*(?:nummer|nr\.?|no\.?))?|nl)?[\s:.\-]*\d(?:[\s.]?\d){6,7}[\s()\[\],;/\-]*")


def kvk_only(text: str | None) -> str | None:
    """The KvK number of a text that is nothing else ("0123 4567", "KvK 01234567", "01234567 (vestigingsnummer
    000012345678)"): an identifier that may be a name ("Jeugdzorg 2000 B.V.") only gives a number written alone."""
    if not text:
        return None
    rest = _OTHER_REGISTER.sub(" ", str(text))
    return kvk_number(rest) if _KVK_ALONE.fullmatch(rest) else None


#: the Netherlands however written: "NL", "Nederland", "The Netherlands", ISO 3166's "Netherlands (the)" and
#: "Netherlands (Kingdom of the)", "Koninkrijk der Nederlanden", a German rendering's "Niederlande", a French one's "Pays-Bas" (eForms SDK code_fr.xml
#: ``country.NLD``) (not the former Antilles, which keep registers of their own)
_DUTCH = re.compile(r"^(?:nl|nld|holland)$|\(nl\)$|^(?!.*antill)(?:.*\b)?(?:nederland|netherlands|nederlanden|niederlande)\b"
                    r"|^(?:royaume des )?pays-bas\b")


def foreign_country(country: str | None) -> bool:
    """True when a winner's printed country is given and is not the Netherlands ("Denemarken",
    "DE"): its registration number is then a foreign id, not a KvK number, even with 8 digits."""
    if not country or not country.strip():
        return False
    return not _DUTCH.search(re.sub(r"\s+", " ", _fold(country)).lower().strip(" ."))


#: ISO 3166-1 codes that name no country (the CLDR's EU, eurozone, UN, outlying Oceania, unknown region); the EU's own
#: codes for Greece and the United Kingdom ("EL", "UK") are GR and GB
_NO_COUNTRY = {"EU", "EZ", "UN", "QO", "ZZ"}
_EU_CODES = {"EL": "GR", "UK": "GB"}
#: raised when :func:`country_code` reads codes it read as None before: part of the archive's schema fingerprint
#: (``store/schema.py``), so an archive opened after the change gives its winners still without one their code
#: (``migrate_country_codes``) (2: ISO 3166-1 alpha-3 codes other than "NLD")
COUNTRY_CODE_VERSION = 2
#: a country's name is short: ISO 3166's longest ("United Kingdom of Great Britain and Northern Ireland (the)") has 58
MAX_COUNTRY = 80


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Every country the CLDR (Babel) names, by its name folded (accents off, lower case) in the languages whose
    renderings are read (Dutch, English, German, French: "België", "Belgium", "Belgien", "Belgique"): its ISO 3166-1
    alpha-2 code. Built on first use."""
    from babel import Locale

    names: dict[str, str] = {}
    for locale in ("nl", "en", "de", "fr"):
        for code, name in Locale.parse(locale).territories.items():
            if re.fullmatch(r"[A-Z]{2}", code) and code not in _NO_COUNTRY:
                names.setdefault(_fold(name).lower(), code)
    return names


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    """ISO 3166-1 alpha-3 codes ("BEL", "DEU", "GBR"; eForms writes a country so, ``country.BEL``) to their alpha-2
    code: the CLDR's territory aliases (Babel, as :func:`_countries`), each alpha-3 code naming the one country it
    is now. A code that was a country split since ("ANT", the Antilles; "SUN") names no one country and is left out,
    as are the user-assigned codes ("AAA", "QMM", "XXX", "ZZZ") that alias no named country."""
    from babel.core import get_global

    named = set(_countries().values())
    return {code: now[0] for code, now in get_global("territory_aliases").items()
            if re.fullmatch(r"[A-Z]{3}", code) and len(now) == 1 and now[0] in named}


def country_code(country: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code of a winner's country however printed (reference §6.3: "Nederland" or "NL"; a
    rendering's "Land" in its own language): the Netherlands as :func:`foreign_country` reads it ("NL", "NLD",
    "Nederland", "The Netherlands", "Niederlande", "Pays-Bas"), a code in capitals, ISO 3166-1 alpha-2 or alpha-3 ("BE",
    "BEL", "Belgium (BE)"; the EU's "EL", "UK" as GR, GB), a name the CLDR gives in Dutch, English, German or French ("België", "Germany"; a leading "the", an ISO
    suffix "(the)"). None for a text naming no country (an unpublished field, "-", a word)."""
    text = re.sub(r"\s+", " ", country or "").strip(" .")
    if not text or len(text) > MAX_COUNTRY:
        return None
    if not foreign_country(text):
        return "NL"
    # the code alone ("BE", "BEL") or after the name in brackets ("Belgium (BE)", "België (BEL)")
    if found := re.fullmatch(r"([A-Z]{2,3})|.*\(([A-Z]{2,3})\)", text):
        code = found.group(1) or found.group(2)
        code = _alpha3().get(code) if len(code) == 3 else _EU_CODES.get(code, code)
        if code in _countries().values():
            return code
    folded = re.sub(r"^the |\s*\(the\)$", "", _fold(text).lower())
    return _countries().get(folded)


def organisation_key(name: str | None, kvk: str | None = None, country: str | None = None) -> str | None:
    """``kvk:01234567`` when the KvK number is known (given, or written in the name of a winner not of another
    ``country``: :func:`foreign_country`), else ``name:<name_key>``; None without either."""
    number = kvk_number(kvk) or (None if foreign_country(country) else kvk_in_name(name))
    if number:
        return f"kvk:{number}"
    key = name_key(name)
    return f"name:{key}" if key else None


def same_organisation(a: str | None, b: str | None) -> bool:
    return name_key(a) is not None and name_key(a) == name_key(b)


#: an eForms lot id ("LOT-0001"; BT-137 and BT-13713 print it so, whatever the label)
_EFORMS_LOT = re.compile(r"(?i)lot[-\s]?(\d{1,9})")


def lot_keys(ids) -> dict[str, str]:
    """One key per lot for the ids one notice (or one OCDS procedure) gives its lots, ``{id: key}``.

    A lot is "LOT-0001" in an eForms notice, "1" in an older form's "Perceel nr." and in an OCDS
    package (reference §2.3, §3.1, §6.3): each is lot "1", so the procedure's lot is one row whichever
    source described it. "LOT-0000", a notice's only lot (eForms' lot of a procedure not divided into
    lots), is lot "1" as the older forms' single lot is. Where a notice numbers its lots from LOT-0000
    beside others, the number is not the perceel number: its ids stay as printed. Leading zeros of a
    number go ("01" is "1"); any other id ("GLO-0001", "A") stays as printed. An award of several lots
    together ("LOT-0001, LOT-0002") becomes "1, 2"."""
    ids = [i for i in dict.fromkeys(ids) if i is not None]
    parts = {p.strip() for i in ids for p in str(i).split(",")}
    eforms = {p: int(m.group(1)) for p in parts if (m := _EFORMS_LOT.fullmatch(p))}
    zero_based = 0 in eforms.values() and len(set(eforms.values())) > 1

    def key(part: str) -> str:
        part = part.strip()
        if part in eforms:
            return part if zero_based else str(eforms[part] or 1)
        return str(int(part)) if re.fullmatch(r"[0-9]{1,9}", part) else part
    return {i: ", ".join(key(p) for p in str(i).split(",")) for i in ids}
