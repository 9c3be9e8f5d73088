"""URL hygiene: only ``http`` and ``https`` URLs are ever stored or rendered as links.

A page on the open web can claim any canonical URL (``javascript:…``, ``data:…``,
``file:…``). Everything that stores a URL as a link or renders one as ``href``
asks :func:`http_url` first; anything else is kept, if at all, as plain text.
The standard library's ``urllib.parse`` does the parsing; this module only says
which schemes are links.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https"})


def http_url(value) -> str | None:
    """``value`` stripped if it is an absolute http(s) URL with a host, else ``None``."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or any(ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return text


def is_http_url(value) -> bool:
    return http_url(value) is not None
