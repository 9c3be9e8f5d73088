"""The Datasette metadata is the data dictionary: it must describe every table and column."""

from tenderarchive.store.schema import TABLES
from tenderarchive.store.writes import open_archive
from tenderarchive.metadata import SYNTHETIC_WARNING, build_metadata, load_metadata


def test_every_table_and_column_is_described():
    tables = load_metadata()["databases"]["archive"]["tables"]
    for name, spec in TABLES.items():
        assert tables[name]["description"].strip(), name
        described = tables[name]["columns"]
        missing = set(spec["columns"]) - {c for c, text in described.items() if str(text).strip()}
        assert not missing, f"{name}: undescribed columns {sorted(missing)}"
        assert not set(described) - set(spec["columns"]), f"{name}: descriptions of unknown columns"


def test_licence_and_source_are_stated():
    metadata = load_metadata()
    assert "CC0" in metadata["license"] and "TenderNed" in metadata["source"]


def test_a_demo_archive_is_labelled_synthetic(tmp_path):
    db = open_archive(tmp_path / "demo.db")
    assert SYNTHETIC_WARNING not in build_metadata(db, "demo")["description_html"]
    db["crawls"].insert({"spider": "tenderned", "note": "synthetic demo snapshot", "status": "complete"})
    metadata = build_metadata(db, "demo")
    assert metadata["description_html"].startswith(SYNTHETIC_WARNING)
    assert "notices" in metadata["databases"]["demo"]["tables"]
