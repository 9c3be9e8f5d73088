"""Award data from a notice's PDF (``/publicaties/{id}/pdf``): the fallback when its ``/html`` fails or
names no winner (docs/awards.md, "The PDF fallback"; reference tenderned-awards.md §7).

The PDF carries the same sections as the ``/html`` rendering, as text: eForms ("6.1 ID resultaat
perceel: LOT-0001", "6.1.2 Informatie over winnaars", "Winnaar:", "Officiële naam: …") or the older
standard form ("Afdeling V", "V.2.3) Naam en adres van de contractant"). Its text is read with
pdfminer.six and tidied of what the reference says PDFs do to it:

- labels broken over two or three lines, and the value after a lone colon on the next line;
- page headers ("Pagina 2 van 5", "Page 2 of 5", "Seite 2 von 5", "Page 2 sur 5") falling inside a label;
- ligatures (U+FB03 "ﬃ") and U+2008 (punctuation space) as the thousands separator;
- a character missing from the PDF's font printed as ``#`` ("O#ciële naam").

The lines are then rebuilt as the rendering they came from — the eForms rows (header, label/value,
label-only) or the standard form's lines — and read by the ``/html`` readers
(:mod:`tenderarchive.awards.html_eforms`, :mod:`tenderarchive.awards.html_standard`), so every label,
both label sets, English, several winners per lot, consortia, section 8's "Registratienummer" and
"Winnaar van deze percelen" and the no-winner reasons are read as they are in ``/html``. A KvK number
printed as "KvK-nummer", "KVK" or "Handelsregister" followed by 8 digits (reference §7, IJ's patterns; or 7, a number whose leading zero was dropped)
is the winner's registration number. Never raises: what cannot be read is in ``problems``.
"""

from __future__ import annotations

import functools
import re
import signal
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from html import escape
from importlib import resources

from tenderarchive.awards.html import _norm, currency_like, empty_parse
from tenderarchive.awards import html_eforms as ef
from tenderarchive.awards.pdf_child import MORE_PAGES

#: A page header or footer that PDFs print on every page and text extraction puts inside a label (BH).
#: Dutch, English, and the German ("Seite 2 von 5") and French ("Page 2 sur 5") of a rendering in those languages
_PAGE_HEADER = re.compile(r"^(pagina|page|seite)\s+\d+(\s*(van|of|von|sur|/)\s*\d+)?$"
                          r"|\b(pagina|page|seite)\s+\d+\s*(van|of|von|sur|/)\s*\d+$", re.I)
_H1 = re.compile(r"^(\d{1,2})\.\s+([^\W\d_].*)$")
_H2 = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S.*$")
_H3 = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S.*$")
#: IJ's KvK patterns: "KVK 12345678", "KvK-nummer: 12345678", "Handelsregister 12345678" (7 digits: names.kvk_number pads)
_KVK_LINE = re.compile(r"^(kvk|k\.v\.k\.|kvk-nummer|kvk nummer|kvknummer|handelsregister|inschrijving handelsregister|"
                       r"kamer van koophandel)\b\D{0,20}?(\d{7,8})\b", re.I)
_KVK_LABELS = {"kvk", "kvk-nummer", "kvk nummer", "kvknummer", "handelsregister", "inschrijving handelsregister",
               "kamer van koophandel", "kvk-nr", "kvk nr", "kvk-nr."}
#: the label-only rows (block openers, a lot result's status) and the labels of label/value rows
_ONLY = {_norm(label) for label in ef.LABEL_ONLY}
_LABELS = (ef.AMOUNT_LABELS | ef.CONCESSION | ef.OFFICIAL_NAME | ef.GROUP_NAME | ef.GROUP_LEADER | ef.GROUP_MEMBERS
           | ef.TENDER_LOT | ef.TENDER_ID | ef.CONTRACT_ID | ef.WINNER_DATE | ef.CONTRACT_DATE | ef.NO_WINNER_REASON
           | ef.RECEIVED_COUNT | ef.RECEIVED_TYPE | ef.REGISTRATION | ef.CITY | ef.COUNTRY | ef.POSTCODE | ef.STREET
           | ef.NUTS | ef.WINNER_OF_LOTS | ef.TITLE | ef.CPV | ef.CHANGED_VERSION | _KVK_LABELS)


@dataclass(frozen=True)
class PdfLimits:
    """What one PDF may take to read (docs/awards.md, "The PDF fallback"): a PDF is a few pages of text, and
    pdfminer reads it in pure Python (about 50,000 characters a second) and decompresses a stream whole, so
    a huge, malicious or fuzzed PDF (a compressed-stream bomb, a page of millions of glyphs) is refused
    rather than stalling a crawl or a reparse: ``max_bytes`` of PDF (the crawl's DOWNLOAD_MAXSIZE), its first
    ``pages``, ``cpu_seconds`` of CPU time and ``memory`` bytes of address space for the reading process,
    ``wall_seconds`` in all (a reader that waits on nothing)."""

    max_bytes: int = 16 * 1024 * 1024
    pages: int = 100
    cpu_seconds: int = 15
    memory: int = 1024 * 1024 * 1024
    wall_seconds: int = 120


LIMITS = PdfLimits()


@functools.cache
def _child_source() -> str:
    """The source of :mod:`tenderarchive.awards.pdf_child`, run with ``python -c``: read as package data
    (importlib.resources), since scrapyd runs the project from a zipped egg, where the module is no file a
    ``python path/to/pdf_child.py`` can open (every PDF was refused there: "can't find '__main__' module")."""
    return resources.files("tenderarchive.awards").joinpath("pdf_child.py").read_text(encoding="utf-8")


class PdfRefused(Exception):
    """A PDF not read because it is over one of its :class:`PdfLimits`: the same bytes are refused again, except
    where ``retry`` (not read within its time in all, ``wall_seconds``: a machine under load, not the PDF)."""

    def __init__(self, message: str, retry: bool = False):
        super().__init__(message)
        self.retry = retry


def pdf_text(body: bytes, limits: PdfLimits = LIMITS) -> str:
    """The text of a PDF's first ``limits.pages`` pages (:func:`pdf_pages`)."""
    return pdf_pages(body, limits)[0]


def pdf_pages(body: bytes, limits: PdfLimits = LIMITS) -> tuple[str, bool]:
    """The text of a PDF's first ``limits.pages`` pages, read by pdfminer.six in a process of its own under
    ``limits`` (:mod:`tenderarchive.awards.pdf_child`), and whether the PDF has more pages than that. Raises
    :class:`PdfRefused` for a PDF over a limit and ValueError (pdfminer's error) for a body that is no PDF or a
    damaged one."""
    if len(body) > limits.max_bytes:
        raise PdfRefused(f"{len(body):,} bytes, over the {limits.max_bytes:,} read")
    try:
        done = subprocess.run([sys.executable, "-I", "-c", _child_source(), str(limits.pages), str(limits.cpu_seconds),
                               str(limits.memory)], input=body, capture_output=True, timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        raise PdfRefused(f"not read within {limits.wall_seconds} s", retry=True) from None
    if done.returncode == 0:
        return done.stdout.decode("utf-8", "replace"), MORE_PAGES.encode() in done.stderr
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    if done.returncode == 2:
        raise ValueError(said[-1] if said else "pdfminer failed")
    if done.returncode == 3 or "MemoryError" in "".join(said[-1:]):
        raise PdfRefused(f"over the {limits.memory:,} bytes of memory its reading may take")
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise PdfRefused(f"over the {limits.cpu_seconds} s of CPU time its reading may take")
    raise PdfRefused(f"its reader ended with exit status {done.returncode}" + (f" ({said[-1][:200]})" if said else ""))


def text_lines(text: str) -> list[str]:
    """The PDF's text as tidy lines: ligatures and odd spaces folded (NFKC: "ﬃ" is "ffi", U+2008 a
    space), page headers dropped, a label's lone colon joined to it, blank lines gone. So are the running
    headers and footers of a PDF's pages (:func:`_running_lines`): a winner's row that a page break splits
    ("Officiële naam: Stichting Jeugdhulp" / footer / header / "Rijnmond") is its row again."""
    pages = []
    for page in unicodedata.normalize("NFKC", text or "").split("\x0c"):
        lines = []
        for raw in page.splitlines():
            line = re.sub(r"\s+", " ", raw).strip()
            if not line or (_PAGE_HEADER.search(line) and ":" not in line):
                continue
            lines.append(line)
        pages.append(lines)
    while pages and not pages[-1]:  # the form feed after the last page
        pages.pop()
    running = _running_lines(pages)
    return [line for number, page in enumerate(pages) for at, line in enumerate(page)
            if (number, at) not in running]


#: A page's number alone, as a footer or header prints it: "2", "- 2 -", "2/5", "2 / 5", "(2)"
_PAGE_NUMBER = re.compile(r"^[-–(\[]?\s*(\d{1,4})\s*(?:/\s*(\d{1,4}))?\s*[-–)\]]?$")
#: the lines at a page's top and bottom read as its running header and footer
_EDGE = 3


def _running_lines(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page, line) of the running headers and footers of a PDF of several pages, which text extraction puts between
    the lines of a row that a page break splits (reference tenderned-awards.md §7: page headers fall inside a label;
    a winner's name or value ran on with them, "Alpha Zorg 12/03/2024 TenderNed 1/2 B.V."). Written here: pdfminer
    gives a page's text, not which of its lines repeat on every page. A running line is one of a page's first or last
    :data:`_EDGE` lines that, its digits aside, is among the first (or the last) lines of another page too, and of
    half the pages of a long PDF (a notice's number and date, "TenderNed", the page count), and is no section heading,
    no label and no amount or date (two values of one shape that a page break put at two pages' tops stay); or a
    page's number alone
    ("2", "2/5", "- 2 -") as its own first or last line, the page count after the slash the PDF's. A number alone
    is the page number except where a count's label before it ("Aantal …:") waits for its value."""
    if len(pages) < 2:
        return set()

    def shape(line: str) -> str:
        return re.sub(r"\d+", "#", line.casefold())

    def labelled(line: str) -> bool:
        if _heading(line) or line.endswith(":") or _label(line):
            return True
        split = _split([], line)
        return bool(split and _label(split[1] or ""))

    def value_like(line: str) -> bool:  # an amount or a date: a value, however often its shape recurs
        return bool(re.fullmatch(r"(?i)(€|eur|euro)?\s*\d[\d\s.,]*(€|eur|euro|[a-z ]{0,20})?|[\d\s/.:+-]+", line))

    # the top and the bottom lines of every page, by their shape: on how many pages each is
    tops: dict[str, set[int]] = {}
    bottoms: dict[str, set[int]] = {}
    for number, page in enumerate(pages):
        for at, line in enumerate(page):
            if at < _EDGE:
                tops.setdefault(shape(line), set()).add(number)
            if at >= len(page) - _EDGE:
                bottoms.setdefault(shape(line), set()).add(number)
    # on two pages at least, and on half of a long PDF's: a recurring line, not a coincidence of two values
    enough = max(2, (len(pages) + 1) // 2)
    running = set()
    for number, page in enumerate(pages):
        for at, line in enumerate(page):
            recurs = (at < _EDGE and len(tops[shape(line)]) >= enough
                      or at >= len(page) - _EDGE and len(bottoms[shape(line)]) >= enough)
            if recurs and not labelled(line) and not value_like(line) and not _PAGE_NUMBER.match(line):
                running.add((number, at))
        for at in (0, len(page) - 1):
            if not page:
                break
            match = _PAGE_NUMBER.match(page[at])
            if not match or int(match.group(1)) != number + 1 or (match.group(2) and int(match.group(2)) != len(pages)):
                continue
            before = page[at - 1] if at else (pages[number - 1][-1] if number and pages[number - 1] else "")
            # a number a count's label waits for ("Aantal ontvangen inschrijvingen …:" / "2") is that count; a page
            # number after a name's label waiting for its value on the next page is the footer
            if match.group(2) or not (before.endswith(":") and re.search(r"(?i)\b(aantal|number|anzahl|nombre)\b", before)):
                running.add((number, at))
    return running


@functools.lru_cache(maxsize=4096)
def _label(text: str) -> str | None:
    """The known label ``text`` is (normalised), also with a glyph missing from the font printed as
    ``#`` ("o#ciele naam" is "officiele naam"); None when it is none."""
    key = _norm(text)
    if key in _LABELS or key in _ONLY:
        return key
    if "#" in key:
        pattern = re.compile(".{1,3}".join(re.escape(part) for part in key.split("#")))
        return next((label for label in sorted(_LABELS | _ONLY) if pattern.fullmatch(label)), None)
    return None


def _heading(line: str) -> str | None:
    if _H3.match(line):
        return "header3"
    if _H2.match(line):
        return "header2"
    if _H1.match(line) and not currency_like(line):
        return "header1"
    return None


def _split(pending: list[str], line: str) -> tuple[list[str], str, str] | None:
    """A label/value line: (lines before the label that belong to the previous value, label, value);
    the label is the longest run of the pending lines and the text before a colon that is a known
    label, or the text before the line's first colon. The longest: a label broken over lines ends in a word
    that is a label of its own ("Waarde van de laagste ontvankelijke" / "inschrijving: 300 000 Euro",
    "Maximumwaarde van de" / "raamovereenkomst: …"), which the shortest run took for the label, the lowest tender
    or the framework maximum lost and its first line given to the value above."""
    colons = [m.start() for m in re.finditer(r":(?!//)(?!\d{2}\b)", line)]
    if not colons:
        return None
    for at in colons:
        left, value = line[:at].strip(), line[at + 1:].strip()
        for start in range(len(pending) + 1):
            candidate = " ".join([*pending[start:], left]).strip()
            if candidate and _label(candidate):
                return pending[:start], _label(candidate), value
    at = colons[0]
    left = line[:at].strip()
    if left:
        return pending, left, line[at + 1:].strip()
    return [], " ".join(pending), line[at + 1:].strip()


def eforms_rows(lines: list[str]) -> list[tuple]:
    """The eForms rows of the PDF's lines: ("header1" | "header2" | "header3", text), ("row", label, value)
    and ("only", label)."""
    rows: list[list] = []
    pending: list[str] = []          # lines of a label not closed by its colon yet
    awaiting = None                  # the row whose value is on the next line
    i = 0

    def to_previous(extra):          # lines that continue the previous row's value
        if extra and rows and rows[-1][0] == "row":
            rows[-1][2] = " ".join(filter(None, [rows[-1][2], *extra]))

    while i < len(lines):
        line = lines[i]
        i += 1
        kind = _heading(line)
        if kind and not (awaiting is not None and currency_like(line)):
            to_previous(pending)
            pending, awaiting = [], None
            if kind == "header2" and not re.search(r":\s*\S|\b(LOT|GLO|ORG)-\d+", line):
                # a lot header broken over lines ("6.1 ID resultaat" / "perceel: LOT-0001")
                ahead = []
                for nxt in lines[i:i + 2]:
                    if _heading(nxt):
                        break
                    ahead.append(nxt)
                    if re.search(r"\b(LOT|GLO|ORG)-\d+", nxt):
                        line = " ".join([line, *ahead])
                        i += len(ahead)
                        break
            rows.append([kind, line])
            continue
        if awaiting is not None:
            if line == ":":
                continue
            if _label(line) in _ONLY or (_split([], line) and _label(_split([], line)[1] or "")):
                awaiting = None      # no value: the next row follows
            else:
                awaiting[2] = line
                awaiting = None
                continue
        if line == ":":              # a lone colon closes the label above it
            if pending:
                label = _label(" ".join(pending)) or " ".join(pending)
                rows.append(["row", label, None])
                awaiting, pending = rows[-1], []
            continue
        if m := _KVK_LINE.match(line):
            to_previous(pending)
            pending = []
            rows.append(["row", "registratienummer", m.group(2)])
            continue
        split = _split(pending, line)
        if split is not None:
            before, label, value = split
            to_previous(before)
            pending = []
            if not value and _label(label) in _ONLY:
                rows.append(["only", label])
            else:
                rows.append(["row", _label(label) or label, value or None])
                if not value:
                    awaiting = rows[-1]
            continue
        pending.append(line)
        joined = " ".join(pending)
        if _label(joined) in _ONLY:
            rows.append(["only", _label(joined)])
            pending = []
        elif len(pending) > 3:       # no label ends here: text that continues the value above
            to_previous(pending[:1])
            pending = pending[1:]
    to_previous(pending)
    if not any(row[0] == "header1" for row in rows):
        # a PDF that starts at its lot results: they are section 6's
        first = next((n for n, row in enumerate(rows) if row[0].startswith("header") and row[1].startswith("6.")), 0)
        rows.insert(first, ["header1", "6. Resultaten"])
    for row in rows:
        if row[0] == "row" and row[1] in ef.REGISTRATION | _KVK_LABELS:
            row[1] = "registratienummer"
    return [tuple(row) for row in rows]


def eforms_html(rows: list[tuple]) -> str:
    """The rows as the eForms ``/html`` table they were printed from."""
    out = ["<table><tbody>"]
    for row in rows:
        if row[0].startswith("header"):
            out.append(f'<tr class="{row[0]}"><th colspan="2">{escape(row[1])}</th></tr>')
        elif row[0] == "only":
            out.append(f'<tr><td colspan="2"><span class="label">{escape(row[1])}</span></td></tr>')
        else:
            out.append(f'<tr><td><span class="label">{escape(row[1])}</span></td>'
                       f'<td><span class="value">{escape(row[2] or "")}</span></td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


#: the standard form's labels of a name or title, whose value a PDF wraps onto the next line (reference §3.1)
_WRAPPED_VALUE = re.compile(r"^(offici[eë]le\s+benaming|benaming)\s*:\s*\S", re.I)


def standard_html(lines: list[str]) -> str:
    """The lines of a standard-form PDF as the older rendering (one paragraph a line); a label broken over
    two lines ("Totale waarde van de opdracht/het" / "perceel: 1 800 000,00") is one line again, and so is a
    contractor's name or a lot's title that runs on the next line (a long name wrapped, a name a page break split:
    "Officiële benaming: Stichting Jeugdhulp" / "Rijnmond"), which the reader skipped as a line of its own: the
    winner was archived by half its name. A line with a colon, a heading or a date is no such continuation."""
    joined: list[str] = []
    for line in lines:
        if joined and ":" not in joined[-1] and ":" in line and line[:1].islower():
            joined[-1] = f"{joined[-1]} {line}"
        elif joined and line.startswith(":"):
            joined[-1] = f"{joined[-1]}{line}"
        elif joined and _WRAPPED_VALUE.match(joined[-1]) and ":" not in line \
                and not re.match(r"^([IVX]+(\.\d+)*\)|afdeling\s|perceel\s+nr|met\s+btw|zonder\s+btw)", line, re.I) \
                and not re.fullmatch(r"[\d\s/.-]+", line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "<div>" + "".join(f"<p>{escape(line)}</p>" for line in joined) + "</div>"


def pdf_layout(lines: list[str]) -> str:
    """eforms (section 6's lot results), standard ("Afdeling V", V.2.x) or unknown."""
    text = "\n".join(lines)
    if re.search(r"^Afdeling\s+(I|V)\b", text, re.M):
        return "standard"
    if re.search(r"^6\.1(\.\d)?\.?\s", text, re.M) or re.search(r"^(6\.\s+)?(Resultaten|Results)$", text, re.M | re.I):
        return "eforms"
    return "unknown"


def parse_pdf(body: bytes | None, limits: PdfLimits = LIMITS) -> dict:
    """Parse a ``/pdf`` response body: the dict :func:`tenderarchive.awards.html.parse_html` gives, with
    ``layout`` "pdf" and the rendering the PDF shows in ``pdf_layout``. Never raises. A PDF over ``limits``
    is not read: ``refused`` says why (and the problems), ``retry`` whether reading it again may succeed."""
    from tenderarchive.awards.html import parse_html

    if not body or not bytes(body[:1024]).lstrip().startswith(b"%PDF"):
        return dict(empty_parse("unknown", ["the PDF answer is no PDF"]), pdf_layout="unknown")
    try:
        text, cut = pdf_pages(bytes(body), limits)
        lines = text_lines(text)
    except PdfRefused as exc:
        return dict(empty_parse("unknown", [f"PDF refused: {exc}; not read"]), pdf_layout="unknown", refused=str(exc),
                    retry=exc.retry)
    except Exception as exc:  # noqa: BLE001 — a damaged PDF must never stop a crawl
        return dict(empty_parse("unknown", [f"PDF unreadable: {type(exc).__name__}: {str(exc)[:200]}"]), pdf_layout="unknown")
    # a PDF over its pages is read in part: what its later pages say is missing (docs/awards.md)
    more = [f"PDF longer than the {limits.pages} page(s) read: winners and lots on later pages are missing"] if cut else []
    if not lines and not cut:  # page images only: no text recognition is done
        return dict(empty_parse("unknown", ["PDF without text (a scan?): not read, no text recognition is done"]),
                    pdf_layout="unknown")
    layout = pdf_layout(lines)
    if layout == "unknown":
        return dict(empty_parse("unknown", ["PDF without award sections (neither eForms 6.1 nor 'Afdeling V')", *more]),
                    pdf_layout="unknown")
    parsed = parse_html(eforms_html(eforms_rows(lines)) if layout == "eforms" else standard_html(lines))
    parsed["problems"].extend(more)
    if any("#" in line for line in lines):
        parsed["problems"].append("PDF text has characters missing from its font ('#'): names may be incomplete")
    return dict(parsed, layout="pdf", pdf_layout=layout)
