from tenderarchive.items import NoticeItem
from pipelines.normalise import normalise_notice
from pipelines.validate import validate_notice
from tests.conftest import by_id

import pytest
from scrapy.exceptions import DropItem

URL = "https://www.tenderned.nl/aankondigingen/overzicht/{id}"


def item_of(publication):
    return NoticeItem(publication_id=publication["list"]["publicatieId"], detail=publication["detail"],
                      list_record=publication["list"], documents=publication["documenten"])


def test_one_type_for_ids_and_the_procurement_key(snapshot):
    record = normalise_notice(item_of(by_id(snapshot, 400401)), URL, "https://www.tenderned.nl")
    notice = record["notice"]
    assert notice["publication_id"] == 400401 and notice["kenmerk"] == 311520
    assert notice["procurement_id"] == "TN311520"
    assert notice["url"] == "https://www.tenderned.nl/aankondigingen/overzicht/400401"
    assert "één samenwerkingspartner" in notice["description"]


def test_volatile_counters_are_not_archived(snapshot):
    notice = normalise_notice(item_of(by_id(snapshot, 100101)), URL, "https://x")["notice"]
    assert not any("aantal" in k.lower() or "days" in k.lower() for k in notice)


def test_failed_documents_request_means_unknown_not_empty(snapshot):
    item = item_of(by_id(snapshot, 100101))
    item.documents = None
    assert normalise_notice(item, URL, "https://x")["documents"] is None


@pytest.mark.parametrize("change, message", [
    (lambda p: p["detail"].update(publicatieId=1), "is for publicatieId"),
    (lambda p: p["detail"].update(aanbestedingNaam=" "), "no aanbestedingNaam"),
    (lambda p: p["detail"].update(sluitingsDatum="morgen"), "sluitingsDatum"),
    (lambda p: p["detail"].pop("publicatieDatum"), "no publicatieDatum"),
])
def test_validation_drops_records_that_cannot_be_archived(snapshot, change, message):
    publication = by_id(snapshot, 100101)
    change(publication)
    with pytest.raises(DropItem, match=message):
        validate_notice(item_of(publication))
