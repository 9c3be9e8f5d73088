"""Dutch full-text search over the archive, in two halves that share one set of word rules.

- :mod:`tenderarchive.store.search_index` (index time, after a crawl; in the store because it writes): builds ``notices_fts``,
  ``articles_fts``, ``search_documents`` and its stemmed FTS index; :func:`build_search_index`
  is what the post-crawl derivation calls.
- :mod:`tenderarchive.search.query` (query time, inside Datasette): turns a user's words into
  a safe FTS5 query (:func:`nl_fts_query`) and reads jeugdregio filters.
- :mod:`tenderarchive.search.text`: folding, words and Dutch stems, used by both.

The public names of the three are reachable from here too (``from tenderarchive.search import
ensure_search``), loaded on first use, so importing the query half never imports the index half.
"""

from importlib import import_module

_HOMES = {
    "index": ["HELPER_TABLES", "build_search_index", "ensure_search", "index_state", "is_current",
              "refresh_search", "fingerprint"],
    "query": ["MATCH_NOTHING", "fts_quote", "jeugdregio_code", "jeugdregio_name", "nl_fts_query", "query_terms"],
    "text": ["TOKENIZE", "fts_fold", "fts_words", "stem", "stem_text", "vocabulary"],
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}
__all__ = sorted(_HOME_OF)


def __getattr__(name: str):
    if name in _HOME_OF:
        home = _HOME_OF[name]
        module = "tenderarchive.store.search_index" if home == "index" else f"{__name__}.{home}"
        return getattr(import_module(module), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
