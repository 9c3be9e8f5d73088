"""URL hygiene at the source (issue 13): a news page whose canonical URL or og:url is not
http(s) is archived under the URL it was fetched from, end to end: a real news crawl of a
loopback site (synthetic pages, tests/fixtures/news/sites/leiderdorp/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html) into a real archive."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import sqlite_utils

from tests.conftest import FAST, ROOT
from tests import forkcli

ARTICLE = (ROOT / "tests" / "fixtures" / "news" / "sites" / "leiderdorp" / "inwoner" / "nieuws" / "voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html").read_text(encoding="utf-8")
CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')

HOSTILE_HEADS = {
    "/nieuws/javascript-canonical": '<link rel="canonical" href="javascript://{host}/%0aalert(document.domain)">',
    "/nieuws/javascript-og": '<meta property="og:url" content="javascript:alert(1)">',
    "/nieuws/data-canonical": '<link rel="canonical" href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">',
    "/nieuws/http-canonical": '<link rel="canonical" href="http://{host}/nieuws/de-echte-plek">',
}


class _Site(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        host = f"127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/robots.txt":
            body, kind = "User-agent: *\nAllow: /\n", "text/plain"
        elif self.path == "/sitemap.xml":
            urls = "".join(f"<url><loc>http://{host}{p}</loc></url>" for p in HOSTILE_HEADS)
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            kind = "application/xml"
        elif self.path in HOSTILE_HEADS or self.path == "/nieuws/de-echte-plek":
            head = HOSTILE_HEADS.get(self.path, "").format(host=host)
            body, kind = CANONICAL.sub(head.replace("\\", "\\\\"), ARTICLE), "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_non_http_canonical_never_becomes_the_archived_url(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        registry = tmp_path / "sources.yaml"
        registry.write_text(
            "# SYNTHETIC loopback site for tests/test_url_hygiene.py\nversion: 1\nsites:\n"
            f"  - name: hostile\n    title: Hostile canonicals (synthetic)\n    base_url: {base}\n"
            "    municipalities: [Leiderdorp]\n    discovery: {sitemaps: [sitemap.xml]}\n"
            "    allow: ['^/nieuws/']\n    politeness: {download_delay: 0, concurrency: 4}\n",
            encoding="utf-8")
        db = tmp_path / "archive.db"
        completed = forkcli.run(["crawl", "news", "--sources", str(registry), "--db", str(db), *FAST],
                                cwd=ROOT, timeout=240)
    finally:
        server.shutdown()
        server.server_close()
    assert completed.returncode == 0, completed.stderr[-3000:]
    urls = {row["url"] for row in sqlite_utils.Database(db).query("select url from articles")}
    assert urls == {base + "nieuws/javascript-canonical", base + "nieuws/javascript-og",
                    base + "nieuws/data-canonical", base + "nieuws/de-echte-plek"}, urls
    assert all(url.startswith("http://127.0.0.1:") for url in urls)


def test_an_atom_id_is_made_an_iri_and_one_that_is_stays_as_it_is():
    """An ``atom:id`` must be an IRI (RFC 4287 §4.2.6): saved searches built ids from a provider's name, spaces
    and all. What an IRI may not hold is percent-encoded (UTF-8); letters beyond ASCII, reserved characters and
    escapes already made are kept, so the ids a feed reader knows do not change."""
    from tenderarchive.urls import iri

    assert iri("tag:tenderarchive,2024:provider:name:jeugdteam zuid:JZ18") == \
        "tag:tenderarchive,2024:provider:name:jeugdteam%20zuid:JZ18"
    assert iri('tag:x,2024:a|b"c<d>[e]\\f^g`h{i}\x7f\x85') == "tag:x,2024:a%7Cb%22c%3Cd%3E%5Be%5D%5Cf%5Eg%60h%7Bi%7D%7F%C2%85"
    assert iri("tag:x,2024:100%25 en 7%") == "tag:x,2024:100%25%20en%207%25"
    kept = "tag:tenderarchive,2024:article:https://www.gemeente.nl/zorg-één?id=1&p=2#r"
    assert iri(kept) == kept


def test_an_iri_keeps_the_brackets_of_an_ip_literal_host():
    """RFC 3987 (as RFC 3986 §3.2.2) writes an IPv6 host in brackets: they are the host's, not characters to escape
    (``urls.iri`` says "the brackets outside a host"). Escaped, an entry's link to such a host (or the feed id of a
    site served on ``[::1]``) was no address at all; brackets elsewhere are still escaped."""
    from tenderarchive.urls import iri

    assert iri("http://[::1]:8001/archive/zoek.atom?q=a b") == "http://[::1]:8001/archive/zoek.atom?q=a%20b"
    assert iri("https://user@[2001:db8::7]/nieuws/[1]") == "https://user@[2001:db8::7]/nieuws/%5B1%5D"
    assert iri("tag:x,2024:[e]") == "tag:x,2024:%5Be%5D"
