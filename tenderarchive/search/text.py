"""Text → search terms, the same way at index time and at query time.

Both halves of search (:mod:`tenderarchive.store.search_index` builds the index after a crawl,
:mod:`tenderarchive.search.query` parses a user's query in Datasette) must cut, fold and stem
words identically, or a query would never find what the index holds. So the rules live here:

- :func:`fts_fold`: lower case without diacritics, exactly as the FTS5 tokenizer
  ``unicode61 remove_diacritics 2`` (:data:`TOKENIZE`) folds;
- :func:`fts_words`: the folded ``\\w+`` runs of a text (punctuation and FTS syntax characters
  are separators, so no input can inject FTS5 operators);
- :func:`stem` / :func:`stem_text`: Dutch Snowball stems (``snowballstemmer``, the library
  made for this), so ``aanbestedingen`` and ``aanbesteding`` meet at ``aanbesteed``;
- :func:`vocabulary`: the youth-care synonyms and stopwords of ``datasette/search.yaml``.

The names say "fts" because other modules fold text for other purposes (organisation names,
linking); these are the search index's rules only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import snowballstemmer
import yaml

VOCABULARY_FILE = resources.files("tenderarchive") / "datasette" / "search.yaml"  # works zipped too
TOKENIZE = "unicode61 remove_diacritics 2"

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_fold(text: str) -> str:
    """Lower case without diacritics (as unicode61 remove_diacritics 2 does).

    The combining marks are found among the text's distinct characters and deleted with one
    ``str.translate``, and pure ASCII (unchanged by NFKD, no marks, ``casefold`` = ``lower``) is
    only lowered: the same result as a per-character filter, 100× faster (issue 14: this ran on
    every notice, article and link candidate)."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return (decomposed.translate(marks) if marks else decomposed).casefold()


def fts_words(text: str) -> list[str]:
    """The words of ``text``, folded; punctuation and FTS syntax characters are separators.
    A run of underscores alone is no word: it is looked for only in a text that has one (issue 14:
    the per-word check was a third of this function on a search index's 300,000 words a rebuild)."""
    folded = fts_fold(text)  # (folding may make one: NFKD turns "＿" into "_")
    words = _WORD.findall(folded)
    return [w for w in words if w.strip("_")] if "_" in folded else words


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


#: A word Snowball's Dutch stemmer gives back as it is: ASCII, no vowel (``aeiouy``) and a digit at its end.
#: Every rule of the stemmer (snowballstemmer 3) needs a vowel (the regions R1 and R2, the ``ge-``
#: prefix and infix, undoubling) or a letter suffix to act; a vowel-less word ending in a letter is
#: not safe (``kt`` → ``k``). ``tests/search/test_text.py`` compares it with the stemmer.
_OWN_STEM = re.compile(r"[b-df-hj-np-tv-xz0-9_]*[0-9]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    if _OWN_STEM.fullmatch(word):
        # A number, or a TenderNed kenmerk (``tn160417``), is most of the distinct words a search
        # index stems (publication ids, kenmerken, lot numbers: unique per notice, so the cache
        # above never helps them; issue 14: 20-50 µs each in the stemmer, five a notice).
        return word
    return _stemmer().stemWord(word)


def stem_text(text: str | None) -> str:
    """The Dutch-stemmed mirror of ``text``: its words, folded and stemmed, space-separated."""
    return " ".join(map(stem, fts_words(text or "")))


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """``{"expansions": {stem phrase: [alternative stem phrases]}, "stopwords": {...},
    "longest": n}`` from ``datasette/search.yaml``."""
    data = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8")) or {}
    groups = []
    for terms in (data.get("synonyms") or {}).values():
        phrases = []
        for term in terms:
            stems = tuple(stem(w) for w in fts_words(str(term)))
            if stems and stems not in phrases:
                phrases.append(stems)
        if phrases:
            groups.append(phrases)
    # phrase (tuple of stems) -> all phrases of its groups
    expansions: dict[tuple, list[tuple]] = {}
    for phrases in groups:
        for phrase in phrases:
            alternatives = expansions.setdefault(phrase, [])
            alternatives.extend(p for p in phrases if p not in alternatives)
    stopwords = {fts_fold(str(w)) for w in data.get("stopwords") or []}
    longest = max((len(p) for p in expansions), default=1)
    return {"expansions": expansions, "stopwords": stopwords, "longest": longest}
