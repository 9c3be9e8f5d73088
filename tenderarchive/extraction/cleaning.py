"""Hand-written text cleaning for Dutch municipal news and project pages.

Everything here is plain ``re``/``str`` code: trafilatura removes most page
chrome from *HTML*, but the same boilerplate also reaches us as plain text
(the seed texts are copies of rendered pages) and trafilatura leaves some of
it in place (cookie modals inside ``<main>``, template labels inside the
``<h1>``, image captions glued to the next sentence).  The rules below are the
ones documented in ``news-sites.md`` §2.4; each is small, line-based and
conservative, so real text (including real typos such as "Maasluis") is left
alone.

Public functions:

* :func:`clean_text` -- the whole pipeline, usable on its own;
* :func:`fix_mojibake` -- repair ë/ö/ï/é damaged by a wrong decode;
* :func:`normalize_whitespace` -- NBSP and invisible characters;
* :func:`strip_template_label` -- "Nieuwsbericht Titel" -> "Titel".
"""

from __future__ import annotations

import re

__all__ = [
    "clean_text",
    "fix_mojibake",
    "normalize_whitespace",
    "strip_template_label",
    "remove_cookie_block",
    "drop_repeated_tables",
    "NAVIGATION_LINES",
]

# --------------------------------------------------------------------------
# Mojibake
# --------------------------------------------------------------------------

# UTF-8 lead byte 0xC3 shown as a single character: "Ã" (cp1252/latin-1),
# "Ă" (cp1250) and "Ć" (seen on oegstgeest.nl: "cliĆ«nten").
_LEAD_C3 = "ÃĂĆ"
# The continuation byte (0x80-0xBF) as cp1252 shows it, and as ISO-8859-1 does: 0x80-0x9F are
# then C1 control characters ("â\x80\x93" for "–", "Ã\x89" for "É"), never text of their own.
_CONT = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
) + "".join(chr(b) for b in range(0x80, 0xA0))
_PAIR_RE = re.compile("[" + _LEAD_C3 + "][" + re.escape(_CONT) + "]")
# Three-byte sequences such as "â€™" (’) or "â€œ" (“).
_TRIPLE_RE = re.compile("â[" + re.escape(_CONT) + "]{2}")
# "Â" + NBSP/«/° ... : a stray 0xC2 lead byte.
_LEAD_C2_RE = re.compile("Â([\u00a0-\u00bf])")
# Single characters shifted by +0xC0 (U+0180-U+01BF), e.g. "cliƫnten",
# "coƶperatie", "financiƫn".  Only letters Dutch actually uses, and only
# between/after letters, so a real "ƒ" (florin) is never touched.
_SHIFTED = {chr(ord(c) + 0xC0): c for c in "äëïöüáéíóúàèìòùâêîôûç"}
_SHIFTED_RE = re.compile(
    r"(?<=[A-Za-z\u00c0-\u00ff])[" + "".join(_SHIFTED) + r"]|[" + "".join(_SHIFTED) + r"](?=[a-z])"
)


def _fix_pair(m: re.Match) -> str:
    b = _cp1252_byte(m.group(0)[1])
    if not 0x80 <= b <= 0xBF:
        return m.group(0)
    return chr(0xC0 + (b - 0x80))


def _cp1252_byte(ch: str) -> int:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch)  # the five bytes cp1252 leaves undefined (0x81, 0x9D, ...)


def _fix_triple(m: re.Match) -> str:
    try:
        return bytes(_cp1252_byte(c) for c in m.group(0)).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return m.group(0)


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 text that was decoded with the wrong code page.

    Handles the forms seen in Dutch municipal text: ``"Ã«"``/``"Ć«"`` -> ë,
    ``"ƫ"`` -> ë and ``"ƶ"`` -> ö (the one-character variant), ``"â€™"`` -> ’.
    It never changes letters that are plain ASCII, so spelling mistakes in
    the source stay as they are.

    >>> fix_mojibake("cliĆ«nten, coƶperatie en financiÃ«le")
    'cliënten, coöperatie en financiële'
    """
    if not text:
        return text
    text = _TRIPLE_RE.sub(_fix_triple, text)
    text = _PAIR_RE.sub(_fix_pair, text)
    text = _LEAD_C2_RE.sub(r"\1", text)
    text = _SHIFTED_RE.sub(lambda m: _SHIFTED[m.group(0)], text)
    return text


# --------------------------------------------------------------------------
# Whitespace
# --------------------------------------------------------------------------

_SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\f\v\x1c-\x1f]")
#: soft hyphen, zero-width characters, and the C0 controls (and DEL) a page shows nothing of: a NUL (``&#0;``, a
#: stray byte) was archived with the page's text and cut a search excerpt at it; the information separators
#: (U+001C to U+001F) are spacing (``_SPACE_LIKE``)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x7f]")


def normalize_whitespace(text: str) -> str:
    """NBSP (U+00A0) and other space-like characters -> a plain space;
    soft hyphens and zero-width characters removed; runs of spaces collapsed;
    trailing spaces stripped; at most one empty line between paragraphs.

    Curly quotes and bullets are *not* changed: they are real content.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = re.sub(r" {2,}", " ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# --------------------------------------------------------------------------
# Boilerplate
# --------------------------------------------------------------------------

_COOKIE_START = re.compile(
    r"^(deze (web)?site (gebruikt|maakt gebruik van) cookies|wij gebruiken cookies|"
    r"we gebruiken cookies|(deze|onze) website gebruikt cookies|cookie-?instellingen$|"
    r"this (web)?site uses cookies)",
    re.I,
)
_COOKIE_END = re.compile(
    r"^(meer weten(\.\.\.|…)?|meer informatie( over cookies)?|accepteren|alles accepteren|"
    r"akkoord|ik ga akkoord|instellingen opslaan|voorkeuren opslaan|cookies accepteren|"
    r"alleen noodzakelijke cookies|weigeren)$",
    re.I,
)
_COOKIE_LINE = re.compile(r"cookie|^selecteer de typen", re.I)
_COOKIE_MAX_LINES = 30
#: A label of a cookie modal's control or category ("Statistieken", "Alleen noodzakelijke", "Toon details"): a few
#: words, no sentence.
_BANNER_LABEL_MAX_CHARS = 40


def _is_banner_line(line: str) -> bool:
    """Whether ``line`` can be a cookie modal's between its opening and its closing marker: empty, about cookies
    (:data:`_COOKIE_LINE`: [S2]'s "Selecteer de typen cookies …", "Strictly necessary cookies", "These cookies …"),
    or a control's or category's label (a few words, no sentence). An article's sentence is none."""
    s = line.strip()
    return not s or bool(_COOKIE_LINE.search(s)) or (
        len(s) <= _BANNER_LABEL_MAX_CHARS and len(s.split()) <= 4 and not re.search(r"[.!?:;,]$", s))
#: The opening of a consent banner that says who places cookies, as a sentence of an article may open too ("Voor een
#: goede werking van deze website plaatsen wij cookies.", "Wij maken gebruik van cookies om …", "Op deze website
#: gebruiken wij (analytische) cookies …"): a banner only with its links under it (:data:`_CONSENT_LINKS`), a few
#: lines on (:data:`_CONSENT_OPENING_MAX_LINES`) and every line between about cookies. A banner that links only its
#: policy and its settings ("Meer weten", "Cookie-instellingen") holds no control giving consent, so is not dropped
#: by its shape (pipelines/extract.py ``gives_consent``); the cleaner drops it by these lines.
_CONSENT_OPENING = re.compile(
    r"^(?:(?:voor een goede werking van|om) (?:deze|onze) (?:web)?site(?: goed te laten werken)?,? |"
    r"op (?:deze|onze) (?:web)?site )?"
    r"(?:(?:wij|we) (?:gebruiken|plaatsen|maken gebruik van)|(?:gebruiken|plaatsen) (?:wij|we)|maken (?:wij|we) gebruik van)"
    r" (?:[a-zà-ÿ-]+ ){0,3}?cookies\b", re.I)
#: The one vocabulary of the words a consent banner names its policy and its settings by, in its links and on its
#: controls ("Meer weten", "Cookie-instellingen", "Cookieverklaring"): read by a banner's links-only last line
#: (:data:`_CONSENT_LINKS`) and by a consent control's label (pipelines/extract.py ``_CONSENT_CONTROL_LABEL``), two
#: patterns for two purposes. A setting's name alone (:data:`CONSENT_SETTING_WORDS`: "Instellingen") is a control's
#: label; a banner's links line names it with its verb ("Instellingen aanpassen").
CONSENT_POLICY_WORDS = r"meer weten|cookie-?(?:instellingen|voorkeuren|verklaring|beleid)"
CONSENT_SETTING_WORDS = r"instellingen|voorkeuren"
#: A line of a consent banner's links only, naming its policy or settings ("Meer weten", "Meer weten
#: Cookie-instellingen", "Cookieverklaring | Privacyverklaring"): a banner's last line.
_CONSENT_LINKS = re.compile(
    rf"(?:(?:meer weten(?:\.\.\.|…)|{CONSENT_POLICY_WORDS}|meer informatie(?: over cookies)?|"
    r"privacy-?(?:verklaring|beleid)|(?:wijzig |pas )?(?:uw |je )?(?:cookie-?)?instellingen (?:aanpassen|wijzigen))"
    r"[ |·•,/]*){1,4}", re.I)
_CONSENT_OPENING_MAX_LINES = 6


def _consent_banner_end(lines: list[str], i: int) -> int | None:
    """The index of the links line closing a consent banner that opens at ``lines[i]`` (:data:`_CONSENT_OPENING`),
    every non-empty line between about cookies; None where ``lines[i]`` opens none (an article's sentence)."""
    if not _CONSENT_OPENING.match(lines[i].strip()):
        return None
    for j in range(i + 1, min(len(lines), i + 1 + _CONSENT_OPENING_MAX_LINES)):
        line = lines[j].strip()
        if not line:
            continue
        if len(line) <= 80 and _CONSENT_LINKS.fullmatch(line):
            return j
        if not _COOKIE_LINE.search(line):
            return None
    return None


def remove_cookie_block(lines: list[str]) -> list[str]:
    """Remove a cookie-consent modal rendered as text.

    The block starts at a line like "Deze site gebruikt cookies ..." and runs
    to an end marker ("Meer weten...", "Accepteren", ...) at most
    30 lines further, every line between a banner's (:func:`_is_banner_line`: about
    cookies, or a control's label): a line "Meer informatie" or "Akkoord" after an
    article's sentence is the article's, and the short banner over it takes only its
    own lines. Without an end marker only the adjacent lines that
    mention cookies (including the English category texts) are removed. A banner opening as a sentence may
    ("Wij maken gebruik van cookies …") goes only with its links line a few lines under it
    (:func:`_consent_banner_end`): without one the sentence is an article's.
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        banner_end = _consent_banner_end(lines, i)
        if banner_end is not None:  # "Voor een goede werking van deze website plaatsen wij cookies." … "Meer weten"
            i = banner_end + 1
            continue
        if _COOKIE_START.search(lines[i].strip()):
            end = None
            for j in range(i + 1, min(len(lines), i + _COOKIE_MAX_LINES)):
                if _COOKIE_END.match(lines[j].strip()):
                    end = j
                    break
                if not _is_banner_line(lines[j]):
                    break  # an article's sentence: the banner ended before it, its closing marker is the article's
            if end is None:
                end = i
                while end + 1 < len(lines) and (
                    not lines[end + 1].strip() or _COOKIE_LINE.search(lines[end + 1])
                ):
                    end += 1
            i = end + 1
            continue
        out.append(lines[i])
        i += 1
    return out


#: Whole lines that are navigation or page chrome, compared case-insensitively.
NAVIGATION_LINES = frozenset(
    s.lower()
    for s in (
        "Overslaan en naar de inhoud gaan", "Naar de inhoud", "Ga direct naar de inhoud",
        "Direct naar de inhoud", "Ga naar de inhoud", "Skip to content", "Skip to main content",
        "Hoofdnavigatie", "Hoofdmenu", "Secondary navigation", "Main navigation", "Navigatie",
        "Menu", "Menu Sluiten", "Menu sluiten", "Sluiten", "Zoeken", "Zoek", "Zoekterm",
        "Search", "Home", "Terug", "Terug naar overzicht", "Naar boven", "Terug naar boven",
        "Deel deze pagina", "Deel dit bericht", "Delen", "Share", "Print", "Printen",
        "Print deze pagina", "Kruimelpad", "Breadcrumb", "Voorlezen", "Lees voor",
        "Contrast", "Inloggen", "Mijn omgeving",
        # a "back to the listing" link above or under the item
        "Terug naar het overzicht", "Terug naar nieuwsoverzicht", "Terug naar het nieuwsoverzicht",
        "Terug naar nieuws", "Terug naar alle nieuwsberichten", "Naar het nieuwsoverzicht", "Naar nieuwsoverzicht",
        "Bekijk alle nieuwsberichten", "Alle nieuwsberichten", "Meer nieuws", "Terug naar vorige pagina",
        # a page-feedback widget (its "Ja"/"Nee" buttons are dropped with the buttons)
        "Was deze informatie nuttig?", "Was deze pagina nuttig?", "Is deze informatie nuttig?",
        "Vond u deze informatie nuttig?", "Vond u deze pagina nuttig?", "Heeft u gevonden wat u zocht?",
        "Hebt u gevonden wat u zocht?", "Vond u wat u zocht?", "Heeft u wat aan deze informatie?",
    )
)
#: The placeholder a consent plugin leaves for embedded content (a video, a map, a form) until its cookies are
#: accepted (news-sites.md §2.4, cookie boilerplate): "Deze video kan niet worden afgespeeld omdat u geen cookies
#: heeft geaccepteerd. Wijzig uw cookie-instellingen.", "Accepteer marketingcookies om deze video te bekijken." A
#: short line (two sentences at most) naming cookies, their consent and what they would show.
_CONSENT_WORDS = re.compile(r"accept|toestemming|akkoord|toestaan|instellingen|voorkeuren|consent|allow", re.I)
_EMBED_WORDS = re.compile(r"\b(?:video|filmpje|inhoud|content|kaart|formulier|youtube|vimeo|twitter|instagram|facebook|"
                          r"bekijken|weergeven|weergegeven|tonen|getoond|afspelen|afgespeeld|laden|geladen|zien)\b", re.I)
CONSENT_PLACEHOLDER_MAX_CHARS = 220
#: A photo's credit on a line of its own ("Foto: ANP", "Beeld: Shutterstock", "Fotografie: Jan de Vries"): a name of
#: four words at most (a caption saying what the photo shows is longer, and stays).
_PHOTO_CREDIT = re.compile(r"(?:foto|beeld|afbeelding|illustratie|fotografie|fotograaf)\s*:\s*[^.!?:\s]+(?:\s+[^.!?:\s]+){0,3}",
                           re.I)


def _is_placeholder_or_credit(line: str) -> bool:
    s = line.strip()
    if len(s) <= 80 and _PHOTO_CREDIT.fullmatch(s.rstrip(".")):
        return True
    return (len(s) <= CONSENT_PLACEHOLDER_MAX_CHARS and "cookie" in s.lower() and s.rstrip(".").count(". ") <= 1
            and bool(_CONSENT_WORDS.search(s)) and bool(_EMBED_WORDS.search(s)))


#: Of :data:`NAVIGATION_LINES`, those of a page's header: a skip link, a menu's name or button, the search. The
#: short lines between them are that menu's items (:func:`drop_header_menu`).
HEADER_MARKERS = frozenset(
    s.lower()
    for s in (
        "Overslaan en naar de inhoud gaan", "Naar de inhoud", "Ga direct naar de inhoud", "Direct naar de inhoud",
        "Ga naar de inhoud", "Skip to content", "Skip to main content", "Hoofdnavigatie", "Hoofdmenu",
        "Secondary navigation", "Main navigation", "Navigatie", "Menu", "Menu Sluiten", "Menu sluiten", "Sluiten",
        "Zoeken", "Zoek", "Zoekterm", "Search", "Home", "Kruimelpad", "Breadcrumb", "Inloggen", "Mijn omgeving",
    )
)
#: How many lines a page's header may take up at the start of its text.
HEADER_MAX_LINES = 40


def _is_menu_item(line: str) -> bool:
    """A line that can be a menu's item: a few words, no sentence."""
    s = line.strip()
    return len(s) <= 40 and len(s.split()) <= 5 and not re.search(r"[.!?:;,]$", s)


def drop_header_menu(lines: list[str]) -> list[str]:
    """``lines`` without the page header's menus when the text opens with them (news-sites.md §2.4: pianoo.nl's text
    starts "Overslaan en naar de inhoud gaan / Secondary navigation / … Hoofdnavigatie … Menu Sluiten / Zoeken"):
    everything up to the last header line (:data:`HEADER_MARKERS`) of an opening that starts with one and is made
    only of such lines and menu items (:func:`_is_menu_item`). The lines after it stay: the title among them."""
    last = None
    for i, line in enumerate(lines[:HEADER_MAX_LINES]):
        s = line.strip()
        if not s:
            continue
        if s.lower() in HEADER_MARKERS:
            last = i
        elif last is None or not _is_menu_item(s):
            break
    return lines if last is None else lines[last + 1:]


#: A share block's heading, and the lines of its buttons that follow it ("Deel dit bericht" /
#: "Facebook" / "X" / "LinkedIn" / "WhatsApp" / "E-mail"): only right after such a heading is a
#: line "X" or "E-mail" a button.
_SHARE_HEADING = re.compile(r"^(deel (dit|deze) (bericht|pagina|artikel|nieuwsbericht)|delen|share|deel via)\s*:?$", re.I)
_SHARE_BUTTON = re.compile(
    r"^((deel )?(op|via) )?(facebook|twitter|x|linkedin|whatsapp|e-?mail|mail|pinterest|telegram|bluesky|mastodon|"
    r"print|printen|kopieer (de )?link|link kopi[eë]ren)$", re.I)
_NAV_PREFIX = re.compile(r"^(u bent hier|je bent hier|u bevindt zich hier)\s*:", re.I)
# A breadcrumb trail on one line: "Home > Inwoner > Nieuws > Titel", "Home / Actueel / …".
_BREADCRUMB = re.compile(r"^(home|homepage|start|startpagina)(\s*[>›»/|]\s*[^>›»/|]{1,80}){1,8}$", re.I)

#: A page-view counter on a line of its own ("Dit bericht is 1.234 keer gelezen", "1.234 keer bekeken",
#: "1.234 weergaven", "Gelezen: 1.234x", "Aantal keer bekeken: 1.234", Joomla's "Hits: 1234"): a CMS plugin's
#: count, which the crawl's own visit raises, so a page whose words never changed read as changed at every fetch
#: (a new version of a living page each crawl). Only a count and its words: "Gelezen: 12 reacties" is text.
_COUNT = r"\d{1,3}(?:[.\u00a0 ]\d{3})+|\d+"
_VIEW_COUNTER = re.compile(
    rf"(?:(?:dit|deze|het) (?:artikel|bericht|nieuwsbericht|nieuwsitem|item|pagina) is (?:al )?)?(?:{_COUNT})\s*"
    r"(?:x|keer|maal)\s+(?:gelezen|bekeken|bezocht|geopend)"
    rf"|(?:aantal (?:keer )?)?(?:gelezen|bekeken|weergaven|views|hits|pageviews)\s*:?\s*(?:{_COUNT})\s*(?:x|keer|maal)?"
    rf"|(?:{_COUNT})\s*(?:weergaven|views|hits|pageviews)",
    re.I)

# "Jongeren_op_bankje 640x480", "IMG_2041.jpg", "foto-1.png 800x600"
_IMAGE_RESIDUE_INLINE = re.compile(
    r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+(?:\.(?:jpe?g|png|gif|webp))?\s+\d{2,4}[x×]\d{2,4}\b\s*", re.I
)
# A lowercase word run glued to a capitalised sentence start, at the start of
# a paragraph: "kind tussen oudersDe aanbesteding" -> "De aanbesteding".
_GLUED_ALT = re.compile(
    r"^(?P<alt>[a-zà-ÿ][a-zà-ÿ'\-]*(?: [a-zà-ÿ][a-zà-ÿ'\-]*){0,7}?[a-zà-ÿ])"
    r"(?P<start>[A-Z][a-zà-ÿ]*)(?=[\s,.:;]|$)"
)
_SENTENCE_STARTERS = frozenset(
    "De Het Een In Op Om Met Voor Na Bij Als Dit Deze Dat Er Wij We U Ook Vanaf Tot Sinds "
    "Door Naast Zo Maar Wat Wie Hoe Waarom Wanneer Daarnaast Vanuit Nu Al Alle".split()
)

TEMPLATE_LABELS = ("Nieuwsbericht", "Nieuws", "Persbericht", "Nieuwsbrief", "Artikel")
#: The labels a template writes with the item's date in its heading ("Nieuwsbericht 14 oktober 2021"):
#: not a newsletter's ("Nieuwsbrief 14 oktober 2021" is that issue's title) nor "Artikel".
DATELINE_LABELS = ("Nieuwsbericht", "Nieuws", "Persbericht")
# after a colon ("Nieuwsbericht: Voorlopige …", "Nieuws: 12 aanbieders …"), after a space or glued to a
# capital: an inline element's label with nothing between ("<span>Nieuwsbericht</span>Voorlopige gunning").
# A number after a bare space belongs to the title ("Artikel 8 Jeugdwet", "Nieuws 2024 in cijfers").
_TEMPLATE_LABEL = re.compile(r"^(" + "|".join(TEMPLATE_LABELS) + r")(?:\s*:\s*(?=[A-Z0-9])|\s+(?=[A-Z])|(?=[A-Z]))")
_TAG_PREFIX = re.compile(r"^(tags?|trefwoorden|onderwerpen?|categorie(ën)?|labels?)\s*:", re.I)


def strip_template_label(title: str | None) -> str | None:
    """Drop a CMS template label glued in front of a title.

    "Nieuwsbericht Voorlopige gunning ..." -> "Voorlopige gunning ...",
    "Nieuws Update aanbesteding ..." -> "Update aanbesteding ...".  The label
    is only removed when a capitalised word follows, so a real title such as
    "Nieuws uit de raad" is kept.
    """
    if not title:
        return title
    title = title.strip()
    stripped = _TEMPLATE_LABEL.sub("", title, count=1)
    return stripped or title


#: An item's pager as a line of its own: the page shown ("Pagina 1 van 3", "Pagina 2/3") or only the links to the
#: previous and next item or page ("« Vorige bericht | Volgende bericht »", "Vorige Volgende", "Volgende pagina").
_PAGE_OF = re.compile(r"(?:pagina|page|blz\.?)\s*\d{1,4}\s*(?:van|of|/)\s*\d{1,4}", re.I)
_PREV_NEXT = r"[«‹<←]?\s*(?:vorige?|volgende?)(?:\s+(?:bericht|nieuwsbericht|artikel|item|pagina))?\s*[»›>→]?"
_PREV_NEXT_LINE = re.compile(rf"{_PREV_NEXT}(?:\s*[|/·•\-–]?\s*{_PREV_NEXT})?", re.I)


#: A footer's copyright line inside the content ("© 2024 Gemeente Voorbeeld", "Copyright © 2019-2024 Jeugdhulp
#: Regio. Alle rechten voorbehouden."): the site's, not the article's. Only the mark, years, a name and the
#: reservation: a sentence that mentions copyright is text.
_COPYRIGHT = re.compile(
    r"(?:©|copyright\b)(?:\s*©)?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2}|heden))?)?"
    r"[\s,]*[\w&'’.\-]*(?:\s+[\w&'’.\-]+){0,6}?[\s.,|]*(?:alle rechten voorbehouden|all rights reserved)?\.?", re.I)


def _is_navigation(line: str) -> bool:
    s = line.strip()
    return s.lower() in NAVIGATION_LINES or bool(_NAV_PREFIX.match(s)) or bool(_BREADCRUMB.match(s)) or (
        len(s) <= 60 and bool(_PAGE_OF.fullmatch(s) or _PREV_NEXT_LINE.fullmatch(s))) or (
        len(s) <= 120 and bool(_COPYRIGHT.fullmatch(s)))


def is_view_counter(line: str) -> bool:
    """Whether ``line`` is a page-view counter and nothing else (:data:`_VIEW_COUNTER`)."""
    s = line.strip().rstrip(".").strip()
    return len(s) <= 60 and bool(_VIEW_COUNTER.fullmatch(s))


def _is_image_residue(line: str) -> bool:
    m = re.fullmatch(r"([\w.\-]+)(?:\s+(\d{2,4}\s?[x×]\s?\d{2,4}))?", line.strip())
    if not m:
        return False
    name, dims = m.groups()
    return bool(dims) or "_" in name or bool(re.search(r"\.(jpe?g|png|gif|webp|svg)$", name, re.I))


def _unglue_alt_text(line: str) -> str:
    m = _GLUED_ALT.match(line)
    if not m:
        return line
    alt, start = m.group("alt"), m.group("start")
    if " " not in alt and start not in _SENTENCE_STARTERS:
        return line  # one glued word such as "eHerkenning": leave it
    return line[len(alt):]


def _is_trailing_tag(line: str, previous: str | None) -> bool:
    s = line.strip()
    if _TAG_PREFIX.match(s):
        return True
    if previous is None or len(s) > 40 or len(s.split()) > 3:
        return False
    if re.search(r"[.!?:;,”\")]$", s) or not s[:1].isupper():
        return False
    # a tag line follows a finished sentence; a signature follows "groet,"
    return bool(re.search(r"[.!?”\")]$", previous.strip()))


def _is_table_line(line: str) -> bool:
    """A table row as extracted text: cells between ``|`` ("| Datum publicatie | Organisatie |",
    "Datum publicatie | Organisatie | Type")."""
    return line.count("|") >= 2


def drop_repeated_tables(lines: list[str]) -> list[str]:
    """Drop a table (a run of table lines) that repeats an earlier one line for line: pages of
    officielebekendmakingen.nl repeat their ``Datum publicatie | Organisatie |…`` header table
    (news-sites.md §2.4). Rows repeated inside one table, and other repeated text, stay."""
    out: list[str] = []
    seen: set[tuple[str, ...]] = set()
    i = 0
    while i < len(lines):
        if not _is_table_line(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and _is_table_line(lines[j]):
            j += 1
        run = tuple(line.strip() for line in lines[i:j])
        if run not in seen:
            seen.add(run)
            out.extend(lines[i:j])
        i = j
    return out


#: A paragraph this long that occurs twice in an extracted text is a copy, not a repetition.
REPEATED_PARAGRAPH_CHARS = 60


def drop_repeated_paragraphs(text: str) -> str:
    """Drop a copy of a run of two or more lines that starts with a line of at least
    :data:`REPEATED_PARAGRAPH_CHARS` characters repeated exactly: the lines after it that go
    on repeating the lines after the earlier one, short ones too. trafilatura (``favor_recall``)
    returns a WordPress post twice, the second time after the page's skip link ("Ga naar de
    inhoud"), when any inline element stands loose in the page's wrapper before the article.
    A post of one paragraph is dropped when the text ends with it as it began. Otherwise one
    paragraph repeated alone (a lead repeated as the first paragraph) stays, as do short lines
    ("Meer informatie")."""
    lines = text.split("\n")
    keys = [" ".join(line.split()) for line in lines]
    first: dict[str, int] = {}
    drop: set[int] = set()
    head = next((k for k, key in enumerate(keys) if key), 0)
    n = 0
    while n < len(lines):
        key = keys[n]
        if len(key) >= REPEATED_PARAGRAPH_CHARS and key in first:
            i, j = first[key], n
            while j < len(lines) and i < n and keys[j] and keys[i] == keys[j]:
                i, j = i + 1, j + 1
            # a run, not a single paragraph; or the text's end repeating its start (the whole post)
            if j - n >= 2 or (j == len(lines) and first[key] == head):
                drop.update(range(n, j))
                n = j
                continue
        if len(key) >= REPEATED_PARAGRAPH_CHARS:
            first.setdefault(key, n)
        n += 1
    return "\n".join(line for k, line in enumerate(lines) if k not in drop)


def clean_text(text: str, *, strip_label: bool = True, strip_trailing_tag: bool = True) -> str:
    """Clean extracted or copied page text.

    Steps, in order: mojibake repair; NBSP/invisible characters; cookie
    block; a table repeated line for line (officielebekendmakingen.nl's
    header table); the header's menus opening the text (:func:`drop_header_menu`);
    the site's copyright line; a page-view counter ("Dit bericht is 1.234 keer gelezen"); navigation lines ("Overslaan en naar de inhoud gaan", "Menu",
    "Zoeken", breadcrumbs also as one line "Home > Nieuws > …", "Terug naar
    overzicht"); a share block ("Deel dit
    bericht" and the Facebook/X/LinkedIn/WhatsApp/E-mail buttons under it); image file-name residue ("Jongeren_op_bankje
    640x480"); alt text glued to a paragraph start ("kind tussen oudersDe
    aanbesteding" -> "De aanbesteding"); the template label on the first line
    ("Nieuwsbericht ", "Nieuws "); the trailing tag lines ("Jeugdhulp" after the
    last sentence, "Onderwerpen: ...", "Tags: ...").

    Link stubs whose targets were lost ("Zie hier:", "(download PDF)") are
    kept: they are part of the page text and harmless for analysis.
    """
    if not text:
        return ""
    text = fix_mojibake(text)
    text = normalize_whitespace(text)
    lines = drop_header_menu(drop_repeated_tables(remove_cookie_block(text.split("\n"))))
    kept: list[str] = []
    sharing = False  # inside a share block: its heading was the last line kept out
    for line in lines:
        if sharing and (not line.strip() or _SHARE_BUTTON.match(line.strip())):
            continue
        sharing = bool(_SHARE_HEADING.match(line.strip()))
        if sharing or _is_navigation(line) or _is_image_residue(line) or is_view_counter(line) or (
                _is_placeholder_or_credit(line)):
            continue
        line = _IMAGE_RESIDUE_INLINE.sub("", line)
        line = _unglue_alt_text(line)
        kept.append(line)
    # first non-empty line: template label
    if strip_label:
        for i, line in enumerate(kept):
            if line.strip():
                kept[i] = strip_template_label(line)
                break
    if strip_trailing_tag:
        # the tag lines closing the item ("Onderwerpen: Jeugd, Zorg" over "Tags: jeugdhulp, inkoop"), each
        # labelled one, and at most one bare tag ("Jeugdhulp") after the last sentence
        bare = False
        while True:
            nonempty = [i for i, line in enumerate(kept) if line.strip()]
            if len(nonempty) < 2:
                break
            last, prev = nonempty[-1], nonempty[-2]
            if _TAG_PREFIX.match(kept[last].strip()) or (not bare and _is_trailing_tag(kept[last], kept[prev])):
                bare = bare or not _TAG_PREFIX.match(kept[last].strip())
                del kept[last]
                continue
            break
    return normalize_whitespace("\n".join(kept))
