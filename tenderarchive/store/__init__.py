"""The archive's storage layer, one job per module.

- :mod:`~tenderarchive.store.schema`: tables, columns, indexes, views and the migration;
- :mod:`~tenderarchive.store.writes`: the one module that writes data rows (items from the
  archive pipeline, derived rows from :mod:`tenderarchive.derive`), one transaction each;
- :mod:`~tenderarchive.store.queries`: reads for the crawl-state extension and the readers;
- :mod:`~tenderarchive.store.keys`: stable ids and the JSON encoding of list columns;
- :mod:`~tenderarchive.store.facet_counts`: the triggers that keep ``facet_counts`` (the
  default facets of the big tables) exact with every write.

Besides ``writes``, only the crawl and fetch accounting write: the ``crawls`` table
(:class:`tenderarchive.extensions.CrawlRecorder`) and ``fetches``
(:class:`tenderarchive.middlewares.RawStoreMiddleware`). See docs/ARCHITECTURE.md.
"""

import sys


def _sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with ``numpy`` hidden, unless either is imported already (issue 14).

    sqlite-utils imports numpy when it is installed (scikit-learn, for ``analysis.train``, brings it)
    only to map numpy's scalar types to column types in ``COLUMN_TYPE_MAPPING``; the project never
    writes a numpy value (``analysis/learned.py`` reads its model without numpy too). Importing numpy
    cost ≈ 0.12 CPU-s of every process that opens the archive — a `reparse` of 2,000 notices spends
    ≈ 5 CPU-s in all. Hidden only for that one import: a later ``import numpy`` (``analysis.train``)
    works as before. ``tests/store/test_import_cost.py`` guards it."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # `import numpy` raises ImportError: sqlite-utils' own fallback (np = None)
    try:
        import sqlite_utils  # noqa: F401
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]


_sqlite_utils_without_numpy()
