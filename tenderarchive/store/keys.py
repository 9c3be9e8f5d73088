"""Stable keys and the JSON encoding of list/dict columns, shared by everything that builds rows."""

from __future__ import annotations

import hashlib
import json


#: The encoder :func:`dumps` uses: ``json.dumps`` with options builds a new ``JSONEncoder`` for every call (issue 14:
#: ≈ 20,000 calls a 5,000-notice reparse, 10 → 6 µs each); an encoder keeps no state between ``encode`` calls.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def dumps(value) -> str:
    """JSON for list/dict columns: stable, readable, UTF-8 (``json.dumps(value, ensure_ascii=False,
    sort_keys=True)``)."""
    return _ENCODER.encode(value)


def version_key(key) -> str:
    """A record's key as ``versions.row_key`` holds it: the value as text, or for a compound
    key (``lots``: procurement and lot) a JSON array, which SQL reads with ``json_extract``."""
    if isinstance(key, (tuple, list)):
        return json.dumps(list(key), ensure_ascii=False)
    return str(key)


def event_id(source_type: str, source_id: str, event: dict) -> str:
    """Stable id of a timeline event: the same event from the same source keeps its id."""
    key = "|".join(str(x) for x in (source_type, source_id, event.get("date"), event.get("date_end"),
                                    event.get("kind"), event.get("sentence")))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
