"""``tenderarchive/middlewares.py``: the responses ``ReplayMiddleware`` builds from a real WARC file, and how
``RetryAfterMiddleware`` treats a rate-limited site in a real crawl of the loopback TenderNed API."""

from __future__ import annotations

import random
from datetime import datetime, timezone

from scrapy import Request
from scrapy.http import Headers, HtmlResponse, Response, TextResponse

from tenderarchive import TENDERNED_API_PATH
from tenderarchive.middlewares import ReplayMiddleware, replayed_headers, utf8_body
from tenderarchive.rawstore import WarcFile

_NAMES = ["Content-Type", "content-type", "CONTENT-TYPE", "Server", "server", "X-Request-Id", "x-request-id",
          "Set-Cookie", "set-cookie", "Cache-Control", "ETag", "Last-Modified", "Vary",
          "link", "Link", "x_under_score", "X-Dup"]
_TYPES = ["application/json", "application/json; charset=utf-8", "text/html; charset=ISO-8859-1", "text/html",
          "application/xml", "text/plain; charset=windows-1252", "application/pdf", "application/octet-stream",
          "TEXT/HTML", "image/png"]


def _random_headers(rng: random.Random) -> list[tuple[bytes, bytes]]:
    headers = []
    for _ in range(rng.randint(0, 9)):
        name = rng.choice(_NAMES)
        value = rng.choice(_TYPES) if name.lower() == "content-type" else rng.choice(
            ["", "a", "nginx/1.25", "max-age=0, no-cache", "café; naïve", "x=1; Path=/; HttpOnly", "  spaced  ",
             "\u00e9t\u00e9", str(rng.randint(0, 10 ** 9))])
        headers.append((name.encode("latin-1"), value.encode("latin-1")))
    return headers


def test_a_replayed_response_has_the_headers_and_class_scrapy_gives_it(tmp_path):
    """Issue 14: the replay builds a response's ``Headers`` without Scrapy's per-value normalisation
    (:func:`replayed_headers`). Randomised (synthetic headers, 400 responses written to a real WARC file and read
    back): every response has the class, headers (keys, values, their order, names differing only in case
    merged), encoding and text of the response built with Scrapy's ``Headers`` from the same stored headers."""
    rng = random.Random(1414)
    path = tmp_path / "warc" / "test-000001.warc.gz"
    warc = WarcFile(path, {"spider": "test"})
    moment = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    urls = []
    for n in range(400):
        body = rng.choice([b'{"a": 1}', "<html><head><title>caf\u00e9</title></head><body>x</body></html>".encode(),
                           b"\x00\x01binary", b"", "plain \u00e9".encode("cp1252")])
        url = f"http://127.0.0.1:8000/r/{n}"
        warc.write_response(url, rng.choice([200, 201, 204]), "OK", _random_headers(rng), body, moment)
        urls.append(url)
    warc.close()
    replay = ReplayMiddleware(path, _Stats())
    for url in urls:
        stored = replay.index.by_url[url][0]
        response = replay.process_request(Request(url))
        grouped: dict = {}
        for name, value in stored.headers:
            grouped.setdefault(name, []).append(value)
        expected = Headers(grouped)
        assert type(response.headers) is Headers
        assert list(response.headers.items()) == list(expected.items()), stored.headers
        assert response.headers.encoding == expected.encoding
        # the class as the middleware chose it before (unchanged): by the stored name's own spelling
        content_type = " ".join(grouped.get("Content-Type", grouped.get("content-type", [""]))).lower()
        cls = HtmlResponse if "html" in content_type else TextResponse if (
            "json" in content_type or "xml" in content_type or "text" in content_type) else Response
        reference = cls(url, status=stored.status, headers=grouped, body=response.body, request=Request(url))
        assert type(response) is cls
        assert response.status == reference.status and response.body == reference.body
        if isinstance(response, TextResponse):
            assert response.encoding == reference.encoding and response.text == reference.text


def test_replayed_headers_are_scrapys_headers_without_normalising_each_value(monkeypatch):
    """What the replay saves (issue 14): ``replayed_headers`` gives ``Headers(grouped)`` without calling
    ``Headers.normvalue`` per header (a spy that counts and calls Scrapy's own); anything but text goes to
    Scrapy's ``Headers`` as before (same result, same error)."""
    import pytest

    calls = []
    normvalue = Headers.normvalue
    monkeypatch.setattr(Headers, "normvalue", lambda self, value: calls.append(value) or normvalue(self, value))
    grouped = {"content-type": ["text/html"], "Content-Type": ["application/json"], "Server": ["caf\u00e9"],
               "x-a": ["1", "2"], "X-A": ["3"]}
    headers = replayed_headers(grouped)
    assert not calls
    assert list(headers.items()) == list(Headers(grouped).items())
    assert headers[b"Content-Type"] == b"application/json" and headers.getlist("x-a") == [b"1", b"2", b"3"]
    assert list(replayed_headers({b"Raw": [b"bytes"], "N": [5]}).items()) == [(b"Raw", [b"bytes"]), (b"N", [b"5"])]
    with pytest.raises(UnicodeEncodeError):
        replayed_headers({"Bad": ["\ud800"]})
    with pytest.raises(UnicodeEncodeError):
        Headers({"Bad": ["\ud800"]})


class _Stats:
    def inc_value(self, *args, **kwargs):
        pass


def test_the_fetch_index_reads_no_setting_for_an_answer_that_is_no_html_page():
    """Issue 14: ``fetch_location`` (each response's ``fetches.location``) asked the settings whether meta refreshes
    are followed before looking at the response; for the API's JSON answers (most of a crawl) that read was most
    of the check. The settings are read only for an HTML page; the locations are those Scrapy's rules give."""
    from scrapy.settings import Settings

    from tenderarchive.middlewares import fetch_location

    class CountingSettings(Settings):  # Scrapy's own settings, counting the reads
        reads = 0

        def get(self, name, default=None):
            CountingSettings.reads += 1
            return super().get(name, default)

    settings = CountingSettings()
    request = Request("http://127.0.0.1:8000/api/publicaties/1")
    json_answer = TextResponse(request.url, body=b"{}", headers={"Content-Type": "application/json"}, request=request)
    assert fetch_location(request, json_answer, settings) is None
    assert CountingSettings.reads == 0
    page = b'<html><head><meta http-equiv="refresh" content="0; url=/elders"></head><body></body></html>'
    html = HtmlResponse("http://127.0.0.1:8000/oud", body=page, request=Request("http://127.0.0.1:8000/oud"))
    assert fetch_location(html.request, html, settings) == "http://127.0.0.1:8000/elders"
    assert CountingSettings.reads > 0
    settings.set("METAREFRESH_ENABLED", False)
    assert fetch_location(html.request, html, settings) is None
    redirect = Response("http://127.0.0.1:8000/a", status=301, headers={"Location": "/b"}, request=request)
    assert fetch_location(request, redirect, settings) == b"/b"


def test_network_reason_names_a_tls_handshake_and_a_dns_lookup_that_failed():
    """How Scrapy hands them over: a TLS failure is a ``DownloadFailedError`` raised from twisted's
    ``ResponseFailed`` holding the OpenSSL error; a name that does not resolve is a ``CannotResolveHostError``."""
    from OpenSSL.SSL import Error as SSLError
    from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError, DownloadFailedError
    from twisted.python.failure import Failure
    from twisted.web._newclient import ResponseFailed

    from tenderarchive.middlewares import network_reason

    def raised(exc, cause=None):
        try:
            raise exc from cause
        except Exception as e:  # noqa: BLE001
            return e

    try:
        raise SSLError([("SSL routines", "", "wrong version number")])
    except SSLError:
        tls = raised(DownloadFailedError("tls"), ResponseFailed([Failure()]))
    assert network_reason(tls) == "DownloadFailedError: TLS handshake failed: wrong version number"
    assert network_reason(CannotResolveHostError("x")) == (
        "CannotResolveHostError: DNS lookup failed, no address for the host")
    assert network_reason(DownloadConnectionRefusedError("x")) == "DownloadConnectionRefusedError"


def test_a_body_is_made_utf8_by_its_declared_charset_only_when_it_is_no_utf8():
    """JSON's own encoding wins over a declared charset (RFC 8259, as read_json reads it); a body that is not UTF-8
    is read by the charset declared for it, and one with none declared is left as it came."""
    url = "http://127.0.0.1/publicaties/1/html"
    latin = TextResponse(url, body='{"html": "Officiële"}'.encode("iso-8859-1"),
                         headers={"Content-Type": "application/json;charset=ISO-8859-1"})
    assert utf8_body(latin) == '{"html": "Officiële"}'.encode()
    mislabelled = TextResponse(url, body='{"html": "Officiële"}'.encode(),
                               headers={"Content-Type": "application/json;charset=ISO-8859-1"})
    assert utf8_body(mislabelled) is mislabelled.body
    assert utf8_body(Response(url, body=b"\xe9")) == b"\xe9"


#: The middlewares' functions that run for every response of a crawl or a replay.
PER_RESPONSE = ["ReplayMiddleware.process_request", "stored_headers", "replayed_headers",
                "RawStoreMiddleware.process_response", "MetaRefreshMiddleware.process_response", "meta_refresh_target",
                "refreshes_to_itself"]


def test_the_per_response_middleware_code_runs_no_import_statement():
    """Issue 14: ``from scrapy.http import ...`` and ``from tenderarchive.rawstore import ...`` inside the
    functions that handle each response ran the import machinery three or four times a response (≈ 0.3 µs each,
    four responses a notice); they are imported with the module. None of these functions holds an import."""
    import dis

    from tenderarchive import middlewares

    for name in PER_RESPONSE:
        function = middlewares
        for part in name.split("."):
            function = getattr(function, part)
        imports = [i.argval for i in dis.get_instructions(function) if i.opname == "IMPORT_NAME"]
        assert imports == [], (name, imports)


def test_a_replayed_response_enters_no_import_machinery(tmp_path):
    """The same seen from a replay: building a recorded response (HTML, JSON and a missing one) enters no frame of
    Python's import machinery."""
    from scrapy.exceptions import IgnoreRequest

    from tests.frames import frames_entered, imports_entered

    path = tmp_path / "warc" / "test-000001.warc.gz"
    warc = WarcFile(path, {"spider": "test"})
    moment = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)
    warc.write_response("http://127.0.0.1:8000/a", 200, "OK", [(b"Content-Type", b"text/html")], b"<html></html>", moment)
    warc.write_response("http://127.0.0.1:8000/b", 200, "OK", [(b"Content-Type", b"application/json")], b"{}", moment)
    warc.close()
    replay = ReplayMiddleware(path, _Stats())
    for url, cls in (("http://127.0.0.1:8000/a", HtmlResponse), ("http://127.0.0.1:8000/b", TextResponse)):
        response, frames = frames_entered(replay.process_request, Request(url))
        assert type(response) is cls and imports_entered(frames) == []
    try:
        frames_entered(replay.process_request, Request("http://127.0.0.1:8000/missing"))
    except IgnoreRequest:
        pass
    else:
        raise AssertionError("a request the WARC does not hold is ignored")


def test_a_429_past_the_retry_budget_still_slows_the_site_down(snapshot, serve_api, crawl):
    """A first crawl of the ``all`` profile over years asks a detail per publication (~145k), and ``RETRY_BUDGET``
    (200 retries a crawl) is spent long before it ends. A 429 (with ``Retry-After`` or without) answered after that
    is not retried, as designed, but it also no longer raised the site's download delay: the server said "too many
    requests, come back in a second" and the crawl went on asking at full speed, every answer another 429, each one
    a failed detail (a loopback run of 600 publications: 400 details failed in a burst after the 200th retry). Past
    the budget (or a request's own retries) a 429 still slows the site down with AutoThrottle on, as a retried
    one does; the crawl is partial and the next run asks the rest."""
    lists = f"{TENDERNED_API_PATH}/publicaties"
    details = [f"{lists}/{p['list']['publicatieId']}" for p in snapshot]
    faults = {lists: [{"status": 500}],  # the first list page's retry spends the budget (a 500 slows nothing)
              **{path: [{"status": 429, "headers": {"Retry-After": "1"}}] for path in details}}
    server = serve_api(snapshot, faults=faults)
    result = crawl(server.api_url, "--profile", "all", "-s", "RETRY_BUDGET=1", "-s", "AUTOTHROTTLE_ENABLED=True",
                   "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    assert result.crawl["status"] in ("partial", "failed"), result.output[-3000:]
    assert "retry budget of 1 retries spent" in result.output
    asked = [t for p, t in zip(server.api.log, server.api.times) if p in details]
    assert len(asked) == len(details)  # each once: not retried
    # Scrapy's downloader frees the slot when a response's transfer ends and may send the next queued request
    # before the downloader middlewares see that response, so the detail after the first 429 can leave at once
    # (CI saw a 4 ms first gap); every gap after it follows a 429 the middleware has seen.
    gaps = [later - earlier for earlier, later in zip(asked[1:], asked[2:])]
    # the site's delay is the Retry-After's second, randomised by Scrapy to 0.5..1.5 of it
    # (RANDOMIZE_DOWNLOAD_DELAY); without the slow-down the details were asked milliseconds apart
    assert len(gaps) >= 3 and min(gaps) >= 0.45 and sum(gaps) >= 0.8 * len(gaps), gaps
    assert "'retry_backoff/site_slowed'" in result.output


def test_a_replayed_response_with_distinct_header_names_is_built_in_one_pass(tmp_path, monkeypatch):
    """Issue 14: a stored response whose header names are distinct (the store's own four: Server, Date,
    Content-Type, Content-Length) gets its headers without grouping them by name first (``replayed_headers``, the
    grouped way, is not called); names differing only in case still go the grouped way. Either way, the headers,
    their order and the response's class are those ``Headers`` of the grouped names gives."""
    from tenderarchive import middlewares

    grouped_calls = []
    real = middlewares.replayed_headers
    monkeypatch.setattr(middlewares, "replayed_headers", lambda grouped: grouped_calls.append(grouped) or real(grouped))
    path = tmp_path / "warc" / "test-000001.warc.gz"
    warc = WarcFile(path, {"spider": "test"})
    moment = datetime(2026, 12, 6, 2, 0, tzinfo=timezone.utc)
    cases = {
        "plain": [(b"Server", b"BaseHTTP/0.6"), (b"Date", b"Sun, 06 Dec 2026 02:00:00 GMT"),
                  (b"Content-Type", b"application/json;charset=UTF-8"), (b"Content-Length", b"8")],
        "lower": [(b"content-type", b"text/html"), (b"x-a", b"1"), (b"x-a", b"2")],
        "upper": [(b"CONTENT-TYPE", b"text/html")],  # not a spelling the class is chosen by: a plain Response
        "mixed": [(b"X-A", b"1"), (b"x-a", b"2"), (b"X-A", b"3"), (b"Content-Type", b"text/html")],
        "none": [],
    }
    for name, headers in cases.items():
        warc.write_response(f"http://127.0.0.1:8000/{name}", 200, "OK", headers, b'{"a": 1}', moment)
    warc.close()
    replay = ReplayMiddleware(path, _Stats())
    built = {name: replay.process_request(Request(f"http://127.0.0.1:8000/{name}")) for name in cases}
    assert len(grouped_calls) == 1 and list(grouped_calls[0])[:3] == ["X-A", "x-a", "Content-Type"]  # "mixed" only
    assert built["mixed"].headers.getlist("X-A") == [b"1", b"3", b"2"]  # name by name, as Headers(grouped)
    assert type(built["plain"]) is TextResponse and type(built["lower"]) is HtmlResponse
    assert type(built["upper"]) is Response and type(built["mixed"]) is HtmlResponse and type(built["none"]) is Response
    for name, response in built.items():
        grouped: dict = {}
        for key, value in replay.index.by_url[response.url][0].headers:
            grouped.setdefault(key, []).append(value)
        assert list(response.headers.items()) == list(Headers(grouped).items()), name
    assert built["plain"].headers[b"Content-Length"] == b"8" and built["lower"].headers.getlist("X-A") == [b"1", b"2"]


def test_the_statuses_read_outside_a_crawl_are_the_ones_the_crawl_retries():
    """An error object sent with 200 is read against ``RETRIED`` where no crawler gives its ``RETRY_HTTP_CODES`` (the
    replay deciding whether a stored answer was asked again): the two lists must say the same."""
    from tenderarchive import settings
    from tenderarchive.middlewares import RETRIED

    assert sorted(RETRIED) == sorted(settings.RETRY_HTTP_CODES)


def test_said_gone_reads_the_404_or_410_of_an_error_object_sent_with_a_2xx():
    """``said_gone``: the status an error object (Spring's, RFC 9457's, a gateway's) says in place of a TenderNed
    answer sent with 200, when it says the thing is gone (404, 410); None for anything else: a record that carries a
    ``status`` of its own, another status, an answer sent with its status as such, no JSON, a body too long to be
    an error object. Bodies SYNTHETIC."""
    import json

    from tenderarchive.middlewares import said_gone

    def answer(value, status=200):
        body = value if isinstance(value, bytes) else json.dumps(value).encode()
        return TextResponse("http://127.0.0.1/papi/tenderned-rs-tns/v2/publicaties/1", status=status, body=body,
                            headers={"Content-Type": "application/json"})

    spring = {"timestamp": "2026-12-08T01:02:03.456+00:00", "status": 404, "error": "Not Found", "path": "/x"}
    assert said_gone(answer(spring)) == 404
    assert said_gone(answer({**spring, "status": "410", "error": "Gone"})) == 410
    assert said_gone(answer({"type": "about:blank", "title": "Gone", "status": 410, "detail": "Publicatie ingetrokken",
                             "instance": "/x"})) == 410
    assert said_gone(answer({"status": 404, "error": "Not Found"}, status=203)) == 404
    assert said_gone(answer(spring, status=404)) is None  # sent as such: Scrapy's own HttpError reads it
    assert said_gone(answer({**spring, "status": 503})) is None  # a failure, retried (spring_error)
    assert said_gone(answer({**spring, "publicatieId": 1})) is None  # a record with a status of its own
    assert said_gone(answer({"status": 404, "path": "/x"})) is None  # no error, no title: not said to be one
    assert said_gone(answer({"documenten": [], "status": 404, "error": "Not Found"})) is None
    assert said_gone(answer(b'{"status": 404, "error": "Not Fo')) is None
    assert said_gone(answer({**spring, "trace": "at nl.tenderned.Publicaties\n" * 2000})) == 404  # Spring's trace
    assert said_gone(answer({**spring, "trace": "x" * (1 << 20)})) is None  # past 1 MiB: not read for it
    assert said_gone(answer([spring])) is None
