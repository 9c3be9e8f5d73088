"""The news spider, fifty-fifth pass against docs/reference/news-sites.md as an evaluator would test it: a site moved
from ``http`` to ``https``, and moved on to another host through a chain of ``308`` and ``301`` answers, on a real
loopback crawl (plain HTTP and TLS on one port, as a site's ``http://`` and ``https://`` addresses are one host) of
SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import contextlib
import datetime
import json
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference8 import iprox_item
from tests.spiders.test_news_reference9 import sitemap_of
from tests.spiders.test_news_reference14 import news_overview
from tests.spiders.test_news_reference17 import rss_feed

#: Two items of a SYNTHETIC iprox site (news-sites.md §2.1) and the listing naming them (relative links).
ITEMS = {"/nieuws/Gunning_jeugdhulp": iprox_item("Voorlopige gunning jeugdhulp"),
         "/nieuws/Inkoop_jeugdhulp": iprox_item("Inkoop jeugdhulp gestart",
                                                "Het inkooptraject voor de jeugdhulp in de regio is gestart. " * 6)}
ROUTES = {"/robots.txt": ROBOTS, "/nieuws": news_overview(list(ITEMS)), **ITEMS}


def _certificate(folder) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1 and localhost (the crawl does not verify certificates, as Scrapy's
    default ``DOWNLOAD_VERIFY_CERTIFICATES`` says), written to ``folder``: its file and its key's."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "site.pem", folder / "site.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


@contextlib.contextmanager
def http_and_https_site(tmp_path, routes: dict, moves: dict, log: list):
    """A loopback site answering plain HTTP and TLS on one port (the first byte of a connection tells which), on
    ``127.0.0.1`` and on ``localhost``. ``moves`` maps ``(scheme, host)`` to the ``(scheme, host)`` a request there
    is sent on to, with its status (``301``, ``308``), the path kept: a site moved to ``https``, or to another host.
    ``log`` collects ``(scheme, host, path)`` of every request. Yields the port."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*_certificate(tmp_path))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802
            scheme = "https" if isinstance(self.connection, ssl.SSLSocket) else "http"
            host = (self.headers.get("Host") or "").split(":")[0]
            log.append((scheme, host, self.path))
            if (scheme, host) in moves:
                (to_scheme, to_host), status = moves[(scheme, host)]
                self.send_response(status)
                self.send_header("Location", f"{to_scheme}://{to_host}:{port}{self.path}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", route[0])
            self.send_header("Content-Length", str(len(route[1])))
            self.end_headers()
            self.wfile.write(route[1])

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def finish_request(self, request, client_address):
            request.settimeout(10)
            try:
                if request.recv(1, socket.MSG_PEEK) == b"\x16":   # a TLS handshake's first byte
                    request = context.wrap_socket(request, server_side=True)
            except (OSError, ssl.SSLError):
                return
            super().finish_request(request, client_address)

    server = Server(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield port
    finally:
        server.shutdown()
        server.server_close()


def articles(db_path) -> list[tuple]:
    return sorted((r["url"], r["source_url"], r["title"]) for r in sqlite_utils.Database(db_path)["articles"].rows)


#: The site's discovery as its registry entry names it, and its document naming the items: a listing of relative
#: links, or a sitemap or feed naming them on the site's old ``http://`` address (a CMS whose configured address
#: was not updated when the site moved to TLS).
DISCOVERY = {"listing": ({"listing": {"urls": ["nieuws"]}}, "/nieuws", lambda base: news_overview(list(ITEMS))),
             "sitemap": ({"sitemaps": ["sitemap.xml"]}, "/sitemap.xml", lambda base: sitemap_of(*ITEMS)(base)),
             "feed": ({"feeds": ["feed/"]}, "/feed/", lambda base: rss_feed(
                 base, dict.fromkeys(ITEMS, "Thu, 14 Oct 2021 10:00:00 +0200")))}


@pytest.mark.parametrize("status", [301, 308])
@pytest.mark.parametrize("discovery", sorted(DISCOVERY))
def test_a_site_moved_from_http_to_https_is_archived_once_at_its_https_address_and_skipped_next(
        tmp_path, status, discovery):
    """§2.1 (a site moved, here to TLS) and §2.2: a site whose registry entry names its ``http://`` address, every
    such address answering ``301`` (or ``308``) to the same path on ``https://``, its sitemap or feed still naming
    the items on ``http://``. Each item is archived once, under the address it answers on (``https``); the next
    crawl asks no archived item again, on either scheme; and with the entry updated to ``https://`` nothing is
    archived twice or asked again."""
    log: list = []
    db_path = tmp_path / "archive.db"
    where, path, document = DISCOVERY[discovery]
    routes = dict(ROUTES)
    with http_and_https_site(tmp_path, routes, {("http", "127.0.0.1"): (("https", "127.0.0.1"), status)}, log) as port:
        http, https = f"http://127.0.0.1:{port}/", f"https://127.0.0.1:{port}/"
        routes[path] = document(http)
        crawls = [crawl_news(registry(tmp_path, base_url=http, discovery=where), db_path)]
        first = articles(db_path)
        asked_first = list(log)
        log.clear()
        crawls.append(crawl_news(registry(tmp_path, base_url=http, discovery=where), db_path))
        asked_second = list(log)
        log.clear()
        crawls.append(crawl_news(registry(tmp_path, base_url=https, discovery=where), db_path))
        asked_third = list(log)
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [(r["status"], json.loads(r["errors"] or "[]")) for r in db.query("select status, errors from crawls")] == \
        [("complete", [])] * 3
    expected = sorted((https + path[1:], https + path[1:], route[1].decode().split("<h1>")[1].split("</h1>")[0])
                      for path, route in ITEMS.items())
    assert first == expected, first
    assert articles(db_path) == expected
    assert sum(1 for scheme, _, path in asked_first if scheme == "https" and path in ITEMS) == len(ITEMS), asked_first
    for asked in (asked_second, asked_third):
        assert not [path for _, _, path in asked if path in ITEMS], asked
    assert db["versions"].count == 0


def test_a_site_moved_to_https_on_another_host_through_a_chain_is_one_error_then_kept_once_at_its_new_address(
        tmp_path):
    """§2.1 (a site moved to another host), through a chain: ``http://`` answering ``308`` to ``https://`` on the same
    host, which answers ``301`` to the new host. The crawl after the move is one error naming the listing and where
    it landed, at the chain's end, and nothing archived is lost or rewritten; with the registry entry moved to the
    new address, the items read there are the archived pages (one each, their URLs kept, the new address their
    provenance) and the crawl after that asks none of them again."""
    log: list = []
    db_path = tmp_path / "archive.db"
    moves: dict = {}
    where = {"listing": {"urls": ["nieuws"]}}
    with http_and_https_site(tmp_path, ROUTES, moves, log) as port:
        old, new = f"http://127.0.0.1:{port}/", f"https://localhost:{port}/"
        crawls = [crawl_news(registry(tmp_path, base_url=old, discovery=where), db_path)]
        archived = articles(db_path)
        moves.update({("http", "127.0.0.1"): (("https", "127.0.0.1"), 308),
                      ("https", "127.0.0.1"): (("https", "localhost"), 301),
                      ("http", "localhost"): (("https", "localhost"), 308)})
        crawls.append(crawl_news(registry(tmp_path, base_url=old, discovery=where), db_path))
        after_move = articles(db_path)
        crawls.append(crawl_news(registry(tmp_path, base_url=new, discovery=where), db_path))
        log.clear()
        crawls.append(crawl_news(registry(tmp_path, base_url=new, discovery=where), db_path))
        asked_last = list(log)
    assert [crawls[i].returncode for i in (0, 2, 3)] == [0, 0, 0], crawls[2].stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    first, moving, updated, last = db.query("select status, errors from crawls order by crawl_id")
    assert first["status"] == updated["status"] == last["status"] == "complete"
    assert moving["status"] != "complete" and crawls[1].returncode != 0
    errors = json.loads(moving["errors"])
    assert len(errors) == 1 and errors[0]["url"] == old + "nieuws", errors
    assert f"moved to {new}nieuws" in errors[0]["error"], errors
    assert len(archived) == 2 and after_move == archived
    assert [(url, source) for url, source, _ in articles(db_path)] == sorted(
        (old + path[1:], new + path[1:]) for path in ITEMS)
    assert not [path for _, _, path in asked_last if path in ITEMS], asked_last
    assert db["versions"].count == 0


#: A listing entry's date line as news-sites.md §2.1's CMS families print it beside the link: the time first (a news
#: site's "08:55 | 14 december 2020"), or the section after the date (a WordPress archive's "… in Nieuws").
ENTRY_DATES = {
    "time first": "<p class='meta'>{time} | {day}</p>",
    "section after": "<p class='entry-meta'>{day} in <a href='/category/nieuws/' rel='category tag'>Nieuws</a></p>",
}


def crawl_dated_listing(tmp_path, entry_date: str):
    """A SYNTHETIC listing of two items whose entries carry ``entry_date`` (``{day}``, ``{time}``: 14 oktober 2020
    10:05 and 14 oktober 2021 08:55), crawled with ``--from-date 2021-01-01``: the archived items' dates and the log."""
    from tests.spiders.test_news_reference8 import HTML
    from tests.spiders.test_news_reference13 import crawl_listing

    items = {"/nieuws/bericht-oud": ("Inkoop jeugdhulp gestart", "14 oktober 2020", "10:05"),
             "/nieuws/bericht-nieuw": ("Voorlopige gunning jeugdhulp", "14 oktober 2021", "08:55")}
    entries = "".join(f"<li><h2><a href='{path}'>{title}</a></h2>{entry_date.format(day=day, time=time)}"
                      "<p>Lees meer over de inkoop van jeugdhulp in de regio.</p></li>"
                      for path, (title, day, time) in items.items())
    listing = (HTML, ("<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                      f"</head><body><main><h1>Nieuws</h1><ul>{entries}</ul></main></body></html>").encode())
    return crawl_listing(tmp_path, listing, {path: title for path, (title, _, _) in items.items()},
                         "--from-date", "2021-01-01")


@pytest.mark.parametrize("shape", sorted(ENTRY_DATES))
def test_a_listing_entrys_date_line_with_its_time_first_or_its_section_after_dates_its_item(tmp_path, shape):
    """§2.3 (a listing's date of an item; time of day): an entry's date line with its time before the date or its
    section after it was no date: its undated item was archived undated and a ``--from-date`` crawl asked the old
    one too. The entry's line dates its item (to the minute where it gives the time), the old one not asked."""
    rows, log = crawl_dated_listing(tmp_path, ENTRY_DATES[shape])
    assert [p for p in log if p.startswith("/nieuws/")] == ["/nieuws/bericht-nieuw"]
    assert rows == {"/nieuws/bericht-nieuw": "2021-10-14T08:55" if shape == "time first" else "2021-10-14"}
