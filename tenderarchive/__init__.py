"""tenderarchive: an archive of Dutch youth-care (jeugdhulp) procurement.

Data flows one way: spider → item → pipelines → archive (SQLite) → Datasette.
The shared core lives in this package: Scrapy settings, items, spider argument
parsing, topic profiles, the archive schema, the CLI and the Datasette metadata.
"""

__version__ = "0.1.0"

CONTACT_URL = "https://github.com/tenderarchive/tenderarchive"

#: TenderNed's site and the public API's path on it (docs/reference/tenderned-api.md §1), spelt once: the
#: settings' defaults (``TENDERNED_SITE_URL``, ``TENDERNED_API_URL``), the documented endpoints a record
#: without a link gets (pipelines/normalise.py) and the loopback API server (tenderarchive/apiserver.py).
TENDERNED_SITE = "https://www.tenderned.nl"
TENDERNED_API_PATH = "/papi/tenderned-rs-tns/v2"
