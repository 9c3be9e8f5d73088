"""The HTTP download handler of every crawl: Scrapy's own (``HTTP11DownloadHandler``), which also fails an answer
whose body runs on past its ``Content-Length``.

Twisted's HTTP/1.1 client reads exactly the bytes a ``Content-Length`` announces and drops whatever came after
them in the same read, unlooked at (``HTTP11ClientProtocol._finishResponse``: "Currently the rest parameter is
ignored"): a server (a CMS, a proxy rewriting the page) announcing a ``Content-Length`` shorter than the body it
sends gave Scrapy a cut page that looked whole, and the archive kept it cut without a word. An answer whose bytes go
on past its ``Content-Length`` is a data loss here, as one that stops short of it is in Twisted: Scrapy raises
``ResponseDataLossError`` (retried as that is, then one recorded error naming the URL: :func:`spiders.base.
failure_message` says "answer longer than its Content-Length"), and the connection is closed, never reused (its
next answer would begin inside the extra bytes). White space alone after the body (a server's stray CRLF, which
RFC 9112 §2.2 lets a client ignore) is no such thing.

Bytes arriving in a later read than the body's end cannot be seen: the answer is complete by then. On one read
(the whole of a small answer, the end of a large one) they come along.

Built as Scrapy builds its own lenient client: a protocol subclass made by the pool's factory
(``scrapy.core.downloader.handlers.http11._LenientHTTP11ClientFactory``).
"""

from __future__ import annotations

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
)
from twisted.web.http import _DataLoss

__all__ = ["BodyPastContentLength", "WholeBodyDownloadHandler"]


class BodyPastContentLength(_DataLoss):
    """An answer's body went on past its ``Content-Length``: what was read of it is cut (a ``_DataLoss``, so Scrapy
    fails the request as it fails a body cut short)."""

    def __init__(self, length: int | None, extra: int):
        self.length, self.extra = length, extra
        announced = f"the {length} bytes" if length is not None else "the bytes"
        super().__init__(f"answer longer than its Content-Length: {extra} bytes or more came after {announced} it "
                         "announced (not archived cut)")


class _PastContentLength:
    """The body decoder of an answer read up to its ``Content-Length`` with more bytes after it: ending it is a
    :class:`BodyPastContentLength` (Twisted's parser then fails the body with a ``ResponseFailed``)."""

    def __init__(self, length: int | None, extra: int):
        self.length, self.extra = length, extra

    def dataReceived(self, data: bytes) -> None:  # noqa: N802 (Twisted's name)
        self.extra += len(data)

    def noMoreData(self) -> None:  # noqa: N802
        raise BodyPastContentLength(self.length, self.extra)


class _WholeBodyProtocol(_LenientHTTP11ClientProtocol):
    def _finishResponse_WAITING(self, rest: bytes) -> None:  # noqa: N802
        parser = self._parser
        if rest.strip(b" \t\r\n") and parser is not None and parser.bodyDecoder is not None:
            length = getattr(getattr(parser, "response", None), "length", None)
            parser.bodyDecoder = _PastContentLength(length if isinstance(length, int) else None, len(rest))
            # never back to the pool: its next answer would start inside the extra bytes
            parser.connHeaders.setRawHeaders(b"Connection", [b"close"])
        super()._finishResponse_WAITING(rest)

    _finishResponse_TRANSMITTING = _finishResponse_WAITING  # noqa: N815 (the base class's dispatch names)


class _WholeBodyFactory(_LenientHTTP11ClientFactory):
    def buildProtocol(self, addr):  # noqa: N802
        return _WholeBodyProtocol(self._quiescentCallback)


class WholeBodyDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, failing an answer longer than its ``Content-Length`` (module docstring)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self._pool._factory = _WholeBodyFactory
