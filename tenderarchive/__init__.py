"""tenderarchive: an archive of Dutch youth-care (jeugdhulp) procurement.

Data flows one way: spider → item → pipelines → archive (SQLite) → Datasette.
The shared core lives in this package: Scrapy settings, items, spider argument
parsing, topic profiles, the archive schema, the CLI and the Datasette metadata.
"""

__version__ = "0.1.0"

CONTACT_URL = "https://github.com/tenderarchive/tenderarchive"
