"""Stable keys and the JSON encoding of list/dict columns, shared by everything that builds rows."""

from __future__ import annotations

import hashlib
import json


def dumps(value) -> str:
    """JSON for list/dict columns: stable, readable, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


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
