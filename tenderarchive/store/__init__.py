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
