"""A loopback implementation of the documented TenderNed API.

It serves a set of publications, each given as the three shapes the live API
returns for it (``docs/reference/tenderned-api.md`` §3–§6, docs/awards.md): the list row
(string ``publicatieId``, no CPV codes, the *original* deadline), the detail
record (numeric ``publicatieId``, ``*Code`` objects, the current deadline) and
the documents list. It enforces the API's documented behaviour:

- ``size`` 1..100 and ``page`` 0..99, otherwise HTTP 400;
- ``cpvCodes`` repeated, with check digit, hierarchical; a comma list is HTTP 400;
- ``search``: loose words are ORed, one quoted phrase is a phrase, two phrases
  find nothing;
- ``publicatieDatumVanaf``/``Tot`` (inclusive), ``publicatieType``,
  ``typeOpdracht``, ``nationaalOfEuropees``;
- every other parameter is silently ignored; newest publications first; a CPV code in ``refused_cpv`` is
  answered 400 (a code the API does not take);
- ``/publicaties/{id}/html`` answers ``{"html": …}`` with the publication's
  rendering (a ``<id>.html`` file next to its JSON, or a minimal eForms table
  made from the detail) and ``/publicaties/{id}/gerelateerd`` the array of every
  publication with the same ``kenmerk``, the queried one included, in the row
  shape of docs/awards.md ("Complete procedures"); ``/publicaties/{id}/pdf`` the publication's
  ``pdf`` bytes (404 without; 406 to a request whose ``Accept`` admits no PDF), and ``html_status`` makes its
  ``/html`` answer that status every time;
- outside the API: TenderNed's datasets page and the yearly OCDS release
  packages it links (``load_datasets``), streamed from disk so a generated
  package of hundreds of MB can be served; the page's absolute
  ``https://www.tenderned.nl`` links are rewritten to this server.

Tests, the demo build and the benchmarks point spiders at it. It binds only to
127.0.0.1. Faults can be planted per path, or per path and query (``faults``): each is
served once, in order, before the normal answer, e.g. ``{"status": 429, "headers":
{"Retry-After": "1"}}`` or ``{"status": 200, "body": "{\\"publicatieId\\": 4"}``.
Hand-written because it *is* the thing under test's counterpart: no library
implements TenderNed's API.
"""

from __future__ import annotations

import json
import re
from html import escape as html_escape
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tenderarchive import TENDERNED_API_PATH as API_PATH, TENDERNED_SITE as LIVE_ORIGIN

SNAPSHOT_DIR = Path(__file__).parent / "snapshot"
DATASETS_PAGE = "/cms/nl/aanbesteden-in-cijfers/datasets-aanbestedingen"
DATASETS_FILES = "/cms/sites/default/files/"
#: The eForms form type (reference §8.4) of a notice type (§7.1) whose detail names none, for its /gerelateerd row.
FORM_TYPES = {"AGO": "result", "REC": "result", "AAO": "competition", "VAK": "planning", "MAC": "consultation",
              "AAW": "cont-modif"}


def load_publications(folder: str | Path = SNAPSHOT_DIR) -> list[dict]:
    """Publications from a snapshot folder (``publications/*.json``, each with an optional ``<id>.html``)."""
    publications = []
    for path in sorted(Path(folder, "publications").glob("*.json")):
        publication = json.loads(path.read_text(encoding="utf-8"))
        html = path.with_suffix(".html")
        if html.is_file() and "html" not in publication:
            publication["html"] = html.read_text(encoding="utf-8")
        publications.append(publication)
    return publications


def load_datasets(folder: str | Path) -> dict:
    """``{"page": html, "files": {url path: file}}`` from ``folder/page.html`` and ``folder/files/**``."""
    folder = Path(folder)
    files = {DATASETS_FILES + p.relative_to(folder / "files").as_posix(): p
             for p in sorted((folder / "files").rglob("*")) if p.is_file()}
    page = folder / "page.html"
    return {"page": page.read_text(encoding="utf-8") if page.is_file() else None, "files": files}


def minimal_html(detail: dict) -> str:
    """A bare eForms rendering (buyer and title) for a publication that has no recorded ``/html``."""
    def row(label, value):
        return (f'<tr><td><span class="label">{label}</span><span class="text">: </span></td>'
                f'<td><span class="value">{html_escape(str(value or ""))}</span></td></tr>')
    return ('<table><tbody><tr class="header1"><th colspan="2">1. Koper</th></tr>'
            + row("Officiële naam", detail.get("opdrachtgeverNaam") or detail.get("aanbestedendeDienstNaam"))
            + '<tr class="header1"><th colspan="2">2. Procedure</th></tr>'
            + row("Titel", detail.get("aanbestedingNaam")) + "</tbody></table>")


def accepts(accept: str | None, media_type: str) -> bool:
    """Whether an ``Accept`` header (RFC 9110 §12.5.1) admits ``media_type``: no header admits anything; a range
    (``type/subtype``, ``type/*``, ``*/*``) with a quality above 0 admits what it matches. The API's ``/pdf``
    produces only ``application/pdf`` and answers 406 to a request that accepts only JSON, as a Spring endpoint
    declaring what it produces does."""
    if not accept or not accept.strip():
        return True
    kind, _, sub = media_type.partition("/")
    for item in accept.split(","):
        name, *parameters = (part.strip() for part in item.split(";"))
        quality = next((p.partition("=")[2] for p in parameters if p.lower().startswith("q=")), "1")
        try:
            if float(quality) <= 0:
                continue
        except ValueError:
            continue
        wanted_kind, _, wanted_sub = name.lower().partition("/")
        if wanted_kind in ("*", kind) and wanted_sub in ("*", sub):
            return True
    return False


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.lower())


class TenderNedAPI:
    """The API's behaviour over an in-memory list of publications."""

    def __init__(self, publications: list[dict], *, max_size=100, max_page=99,
                 ignore_params=(), faults=None, datasets: dict | None = None,
                 page_overlap: int = 0, omit_envelope=(), envelope=None, refused_cpv=()):
        self.publications = publications
        # A list that shifts while it is read: each page after the first starts ``page_overlap``
        # rows early, repeating rows of the page before and never reaching the last ones; and
        # envelope fields left out (``omit_envelope``, e.g. ("totalPages",)).
        self.page_overlap, self.omit_envelope = page_overlap, set(omit_envelope)
        # ``envelope(page_dict, params) -> page_dict``: rewrites every list page as it is sent
        # (counts as strings, totals that disagree with the content …), for the property tests.
        self.envelope = envelope
        self.datasets = datasets or {"page": None, "files": {}}
        self.origin = ""  # set by APIServer: http://127.0.0.1:PORT
        self.max_size, self.max_page = max_size, max_page
        self.ignore_params = set(ignore_params)
        # CPV codes the API does not take (``refused_cpv``): a list query naming one answers 400, as a Spring
        # endpoint validating a parameter against its code list does
        self.refused_cpv = set(refused_cpv)
        self.faults: dict[str, list[dict]] = defaultdict(list, {k: list(v) for k, v in (faults or {}).items()})
        self.log: list[str] = []
        self.times: list[float] = []  # time.monotonic() of every request, in the order of ``log``
        self.accept: list[str | None] = []  # the Accept header of every request, in order
        self.lock = threading.Lock()

    def add(self, publication: dict) -> None:
        with self.lock:
            self.publications = [p for p in self.publications
                                 if str(p["list"]["publicatieId"]) != str(publication["list"]["publicatieId"])]
            self.publications.append(publication)

    # --- request handling --------------------------------------------------------
    def handle(self, path: str, query: str, accept: str | None = None) -> tuple[int, dict, bytes]:
        """The answer to one request: a planted fault, else the API's. A fault ``{"truncate": n}`` is the
        normal answer cut off after ``n`` bytes, its ``Content-Length`` the whole body's (a transfer broken off)."""
        truncate = None
        with self.lock:
            self.log.append(path + (f"?{query}" if query else ""))
            self.times.append(time.monotonic())
            pending = self.faults.get(f"{path}?{query}") or self.faults.get(path)
            if pending and "truncate" in pending[0]:
                truncate = pending.pop(0)["truncate"]
            elif pending:
                fault = pending.pop(0)
                body = fault.get("body", json.dumps({"status": fault.get("status", 500)}))
                return fault.get("status", 500), fault.get("headers", {}), \
                    body if isinstance(body, bytes) else body.encode()  # bytes: any encoding
        if truncate is not None:
            status, headers, body = self.answer(path, query, accept)
            body = body.read_bytes() if isinstance(body, Path) else body
            return status, dict(headers, **{"Content-Length": str(len(body))}), body[:truncate]
        return self.answer(path, query, accept)

    def answer(self, path: str, query: str, accept: str | None = None) -> tuple[int, dict, bytes]:
        if path == DATASETS_PAGE or path.startswith(DATASETS_FILES):
            return self.dataset(path)
        if not path.startswith(API_PATH):
            return 404, {}, b'{"message": "Not Found"}'
        rest = path[len(API_PATH):].rstrip("/")
        params = parse_qs(query, keep_blank_values=True)
        if rest == "/publicaties":
            return self.list_page(params)
        match = re.fullmatch(r"/publicaties/(\d+)(/documenten|/html|/gerelateerd|/pdf)?", rest)
        if match:
            publication = self.find(match.group(1))
            if publication is None:
                return 404, {}, b'{"message": "Publicatie niet gevonden"}'
            if match.group(2) == "/documenten":
                return 200, {}, json.dumps(publication.get("documenten") or {"documenten": []}).encode()
            if match.group(2) == "/pdf":
                pdf = publication.get("pdf")
                if pdf is None:
                    return 404, {}, b'{"message": "Not Found"}'
                if not accepts(accept, "application/pdf"):  # a Spring endpoint that produces only PDF
                    return 406, {}, b'{"message": "Could not find acceptable representation"}'
                return 200, {"Content-Type": "application/pdf"}, pdf
            if match.group(2) == "/html":
                if publication.get("html_status"):  # a rendering that keeps failing (a PDF-only notice)
                    return publication["html_status"], {}, json.dumps({"status": publication["html_status"]}).encode()
                html = publication.get("html") or minimal_html(publication["detail"])
                return 200, {}, json.dumps({"html": html}, ensure_ascii=False).encode()
            if match.group(2) == "/gerelateerd":
                return 200, {}, json.dumps(self.related(publication), ensure_ascii=False).encode()
            return 200, {}, json.dumps(publication["detail"]).encode()
        return 404, {}, b'{"message": "Not Found"}'

    def related(self, publication: dict) -> list[dict]:
        """Every publication of the same procedure (same ``kenmerk``), the queried one included, newest first."""
        kenmerk = publication["detail"].get("kenmerk")
        with self.lock:
            same = [p for p in self.publications
                    if p is publication or (kenmerk is not None and p["detail"].get("kenmerk") == kenmerk)]
        rows = []
        for p in sorted(same, key=lambda p: str(p["detail"].get("publicatieDatum") or ""), reverse=True):
            detail = p["detail"]
            code = detail.get("aankondigingCode")  # an object, or a bare code (the spider reads either)
            code = code.get("code") if isinstance(code, dict) else code
            rows.append({"publicatieId": int(detail["publicatieId"]), "kenmerk": detail.get("kenmerk"),
                         "formType": detail.get("formType") or FORM_TYPES.get(code, "competition"),
                         "publicatieDatum": detail.get("publicatieDatum"),
                         "typePublicatie": detail.get("typePublicatie")})
        return rows

    def dataset(self, path: str) -> tuple[int, dict, bytes | Path]:
        """The datasets page (HTML) or one of its files (streamed from disk)."""
        if path == DATASETS_PAGE:
            page = self.datasets.get("page")
            if page is None:
                return 404, {"Content-Type": "text/html"}, b"<html><body>Not Found</body></html>"
            page = page.replace(LIVE_ORIGIN, self.origin) if self.origin else page
            return 200, {"Content-Type": "text/html; charset=UTF-8"}, page.encode()
        file = self.datasets.get("files", {}).get(path)
        if file is None:
            return 404, {"Content-Type": "text/html"}, b"<html><body>Not Found</body></html>"
        kind = "application/json" if path.endswith(".json") else "application/octet-stream"
        return 200, {"Content-Type": kind}, Path(file)

    def find(self, publication_id: str) -> dict | None:
        for publication in self.publications:
            if str(publication["list"]["publicatieId"]) == publication_id:
                return publication
        return None

    def list_page(self, params: dict) -> tuple[int, dict, bytes]:
        def one(name, default=None):
            return params.get(name, [default])[0] if name not in self.ignore_params else default

        try:
            page, size = int(one("page", "0")), int(one("size", "20"))
        except ValueError:
            return 400, {}, b'{"message": "Bad Request"}'
        if not (1 <= size <= self.max_size) or not (0 <= page <= self.max_page):
            return 400, {}, b'{"message": "Bad Request: page or size out of range"}'
        refused = sorted(set(params.get("cpvCodes", [])) & self.refused_cpv)
        if refused:
            return 400, {}, json.dumps({"error": "Bad Request", "message": f"Unknown CPV code {refused[0]}"}).encode()
        selected = [p for p in self.publications if self.matches(p, params)]
        selected.sort(key=lambda p: (p["list"]["publicatieDatum"], int(p["list"]["publicatieId"])), reverse=True)
        total = len(selected)
        begin = max(0, page * size - page * self.page_overlap)
        content = [p["list"] for p in selected[begin:begin + size]]
        total_pages = (total + size - 1) // size
        envelope = {
            "content": content, "totalElements": total, "totalPages": total_pages,
            "size": size, "number": page, "numberOfElements": len(content),
            "first": page == 0, "last": page >= total_pages - 1,
        }
        for field in self.omit_envelope:
            envelope.pop(field, None)
        if self.envelope is not None:
            envelope = self.envelope(envelope, params)
        return 200, {}, json.dumps(envelope).encode()

    def matches(self, publication: dict, params: dict) -> bool:
        row, detail = publication["list"], publication["detail"]

        def values(name):
            return [] if name in self.ignore_params else params.get(name, [])

        day = row["publicatieDatum"][:10]
        for low in values("publicatieDatumVanaf"):
            if day < low:
                return False
        for high in values("publicatieDatumTot"):
            if day > high:
                return False
        cpvs = values("cpvCodes")
        if cpvs:
            listed = detail.get("cpvCodes") or []  # a list, or one code alone (a {code, …} object or a string)
            listed = [listed] if isinstance(listed, (dict, str)) else listed
            codes = [(c.get("code") if isinstance(c, dict) else c).split("-")[0] for c in listed]
            prefixes = [c.split("-")[0].rstrip("0") for c in cpvs]
            if not any(code.startswith(prefix) for code in codes for prefix in prefixes):
                return False
        for name, field in (("publicatieType", "typePublicatie"), ("typeOpdracht", "typeOpdracht")):
            wanted = values(name)
            value = row.get(field)
            if wanted and (value.get("code") if isinstance(value, dict) else value) not in wanted:
                return False
        wanted = values("nationaalOfEuropees")
        if wanted and ("EU" if row.get("europees") else "NL") not in wanted:
            return False
        for search in values("search"):
            text = f"{row.get('aanbestedingNaam', '')} {row.get('opdrachtBeschrijving', '')}".lower()
            phrases = re.findall(r'"([^"]*)"', search)
            if len(phrases) > 1:
                return False
            if phrases:
                if phrases[0].lower() not in text:
                    return False
            elif not set(_words(search)) & set(_words(text)):
                return False
        return True


class _Handler(BaseHTTPRequestHandler):
    api: TenderNedAPI

    def do_GET(self):  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        self.server.api.accept.append(self.headers.get("Accept"))
        cpv_lists = [v for v in parse_qs(parts.query).get("cpvCodes", []) if "," in v]
        if cpv_lists:
            status, headers, body = 400, {}, b'{"message": "cpvCodes: repeat the parameter"}'
        else:
            status, headers, body = self.server.api.handle(parts.path, parts.query, self.headers.get("Accept"))
        headers = dict(headers)
        self.send_response(status)
        self.send_header("Content-Type", headers.pop("Content-Type", "application/json;charset=UTF-8"))
        self.send_header("Content-Length", headers.pop("Content-Length", None)  # a truncated answer's: the whole body's
                         or str(body.stat().st_size if isinstance(body, Path) else len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if isinstance(body, Path):  # a dataset file: stream it, never hold it in memory
            with body.open("rb") as stream:
                while chunk := stream.read(1 << 20):
                    self.wfile.write(chunk)
        else:
            self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


class APIServer:
    """``with APIServer(api) as server: server.api_url`` — the API on a free loopback port."""

    def __init__(self, api: TenderNedAPI, port: int = 0):
        self.api = api
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self.httpd.api = api
        self.httpd.daemon_threads = True
        api.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{API_PATH}"

    @property
    def datasets_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{DATASETS_PAGE}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
