"""Each table says where its rows come from and under which terms (docs/reference/peers.md §8.11:
source and licence per table), over real Datasette serving the demo archive."""

import re

import pytest


def footer(server, path: str) -> str:
    html = server.get(path).decode("utf-8")
    return re.sub(r"\s+", " ", html[html.rindex("<footer"):])


def test_notices_are_tenderned_data_under_cc0(server):
    text = footer(server, "/archive/notices")
    assert "CC0 1.0" in text and "TenderNed" in text


@pytest.mark.parametrize("table", ["articles", "article_municipalities"])
def test_news_pages_are_not_offered_under_cc0(server, table):
    """The instance's CC0 (TenderNed's) was the licence shown on the news tables too: a reader
    was told the text of municipal and regional news pages, whose rights stay with each site, is
    public domain."""
    text = footer(server, f"/archive/{table}")
    assert "CC0 1.0" not in text and "publicdomain/zero" not in text
    assert "rights of each publishing site" in text and "source_url" in text


@pytest.mark.parametrize("table", ["municipalities", "jeugdregios", "jeugdregio_membership"])
def test_reference_tables_name_cbs_and_its_licence(server, table):
    text = footer(server, f"/archive/{table}")
    assert "CC0 1.0" not in text and "CBS" in text and "CC BY 4.0" in text
