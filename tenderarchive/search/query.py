"""Query time: a user's Dutch search words → a safe FTS5 query (used by the Datasette plugin).

:func:`nl_fts_query` (registered as the SQL function ``nl_fts_query(q)`` by
``tenderarchive/datasette_plugin.py``) splits the user's input into words, drops stopwords,
stems, expands the youth-care synonyms of ``datasette/search.yaml`` and quotes every term, so
no input can break the FTS5 syntax. Every word must match (AND); the synonyms of a word are
alternatives (OR). :func:`fts_quote` does the same without stemming or synonyms, for the raw
indexes (``notices_fts``, ``articles_fts``).

:func:`jeugdregio_code` reads a jeugdregio as a user or a page writes it (code, name, alias or
a municipality) for the saved searches' region filter; the index builder uses it too.

This module never writes: it runs inside Datasette, on read-only connections.
"""

from __future__ import annotations

from tenderarchive import reference
from tenderarchive.search.text import fts_words, stem, vocabulary

MATCH_NOTHING = '""'  # a valid FTS5 query that matches no row
#: Longest search input (characters) that is parsed; the rest is ignored. A query is a few
#: words; the bound keeps a hostile query (or a huge column value given to
#: :func:`jeugdregio_code`) to linear work on a small input.
MAX_QUERY_CHARS = 1_000


def _phrase(stems) -> str:
    # Stems are \w+ runs, so they hold no quote; doubling quotes is belt and braces.
    return '"' + " ".join(s.replace('"', '""') for s in stems) + '"'


def fts_quote(query: str | None) -> str:
    """The user's words as quoted FTS5 terms, all required; for the raw indexes."""
    terms = fts_words((query or "")[:MAX_QUERY_CHARS])
    if not terms:
        return MATCH_NOTHING
    return " AND ".join(_phrase([t]) for t in dict.fromkeys(terms))


def query_terms(query: str | None) -> list[list[tuple]]:
    """The parsed query: a list of required units, each a list of alternative stem phrases."""
    voc = vocabulary()
    tokens = fts_words((query or "")[:MAX_QUERY_CHARS])
    content = [t for t in tokens if t not in voc["stopwords"]]
    tokens = content or tokens
    stems = [stem(t) for t in tokens]
    units: list[list[tuple]] = []
    i = 0
    while i < len(stems):
        for n in range(min(voc["longest"], len(stems) - i), 0, -1):
            phrase = tuple(stems[i:i + n])
            if n == 1 or phrase in voc["expansions"]:
                units.append(voc["expansions"].get(phrase, [phrase]))
                i += n
                break
    unique: list[list[tuple]] = []
    for unit in units:
        if unit not in unique:
            unique.append(unit)
    return unique


def nl_fts_query(query: str | None) -> str:
    """FTS5 query over the stemmed index for a Dutch user query; never a syntax error.

    >>> nl_fts_query('aanbestedingen jeugdzorg')  # doctest: +ELLIPSIS
    '("aanbesteed" OR "inkoop" OR ...) AND ("jeugdhulp" OR "jeugdzorg" OR "jeugd ggz" OR ...)'
    """
    units = query_terms(query)
    if not units:
        return MATCH_NOTHING
    parts = []
    for alternatives in units:
        quoted = [_phrase(p) for p in alternatives]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)


# --- jeugdregio of a filter value or a document ----------------------------------------

def jeugdregio_code(value: str | None) -> str | None:
    """The jeugdregio code (JZnn) for a code, a region name or alias, or a municipality
    (``tenderarchive/reference.py``); else the first region the text names."""
    if not value or not str(value).strip():
        return None
    from tenderarchive.analysis import places

    text = str(value).strip()[:MAX_QUERY_CHARS]
    row = reference.jeugdregio(text)
    if row:
        return row["code"]
    code = reference.region_of(text)
    if code:
        return code
    found = places.find_regions(text)
    return found[0]["code"] if found and found[0]["code"] else None


def jeugdregio_name(code: str | None) -> str | None:
    return reference.load().regions.get(code or "", {}).get("name")
