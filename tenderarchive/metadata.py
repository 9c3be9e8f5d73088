"""Datasette metadata for the archive: the shipped data dictionary plus what only
the archive itself knows.

``datasette/metadata.yaml`` describes the instance and the database;
``datasette/tables/<table>.yaml`` describes each table and every one of its columns.
:func:`build_metadata` keys it to the served database's name and, when the archive
was built from the bundled synthetic snapshot (a crawl whose note says so), puts
a warning at the top of every page's description.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

DATASETTE_DIR = Path(__file__).parent / "datasette"
METADATA_FILE = DATASETTE_DIR / "metadata.yaml"

SYNTHETIC_WARNING = (
    '<p style="border:2px solid #b00;padding:.5em"><strong>Synthetic demo data.</strong> '
    "This archive was built from the bundled synthetic snapshot: the notices are invented "
    "(shaped like TenderNed's API), not real procurements.</p>"
)


def load_metadata() -> dict:
    """The shipped metadata, with every ``tables/*.yaml`` under database ``archive``."""
    metadata = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))
    database = metadata.setdefault("databases", {}).setdefault("archive", {})
    tables = database.setdefault("tables", {})
    for path in sorted((DATASETTE_DIR / "tables").glob("*.yaml")):
        tables[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return metadata


def is_synthetic(db) -> bool:
    if not db["crawls"].exists():
        return False
    return bool(list(db.query("select 1 from crawls where note like '%synthetic%' limit 1")))


def build_metadata(db, database_name: str) -> dict:
    shipped = load_metadata()
    metadata = copy.deepcopy(shipped)
    databases = metadata.pop("databases", {})
    metadata["databases"] = {database_name: databases.get("archive", {})}
    if is_synthetic(db):
        metadata["description_html"] = SYNTHETIC_WARNING + metadata.get("description_html", "")
        metadata["databases"][database_name]["description_html"] = (
            SYNTHETIC_WARNING + metadata["databases"][database_name].get("description_html", ""))
    return metadata
