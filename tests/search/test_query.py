"""``tenderarchive.search.query``'s reading of jeugdregio codes and names (the search documents' ``jeugdregio_name``)."""

from __future__ import annotations

from tenderarchive import reference
from tenderarchive.search.query import jeugdregio_code, jeugdregio_name
from tests.frames import frames_entered, imports_entered


def test_a_jeugdregio_name_is_the_reference_s_name_of_its_code():
    regions = reference.load().regions
    assert regions
    for code, region in regions.items():
        assert jeugdregio_name(code) == region["name"]
        assert jeugdregio_code(code) == code
    assert jeugdregio_name(None) is None and jeugdregio_name("") is None and jeugdregio_name("JZ99x") is None


def test_a_jeugdregio_name_runs_no_import_statement():
    """Issue 14: ``from tenderarchive import reference`` inside ``jeugdregio_name`` ran the import machinery
    (``_handle_fromlist``) for every search document of a rebuilt index, twice a notice with a region."""
    code = next(iter(reference.load().regions))
    name, frames = frames_entered(jeugdregio_name, code)
    assert name == reference.load().regions[code]["name"]
    assert imports_entered(frames) == []
