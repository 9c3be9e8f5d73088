"""Specifications of the relevance readings of branch rel2 (issue 11: relevance on sites never seen, round two) -- in
short synthetic pages (SYNTHETIC: written for these tests in common Dutch news, council and provider wording, not taken
from a page).

Each reading is read with every named rule switched off as well (the shared ``read`` fixture): the reading is core.
"""
import time

import pytest

from tenderarchive.analysis.relevance import other_purchase_sentences


# --- a provider contracted for another service is no youth-care procurement ---

@pytest.mark.parametrize("title,text", [
    ("Gecontracteerd door de gemeente Utrecht",
     "Wij zijn door de gemeente Utrecht gecontracteerd voor huishoudelijke hulp. Daarnaast bieden wij jeugdhulp aan "
     "gezinnen in de wijk."),
    ("Nieuws", "Zorgbureau De Linde is per 2025 gecontracteerd voor de Wmo-begeleiding in de regio. Ons team jeugdhulp "
               "blijft gewoon bereikbaar."),
])
def test_a_provider_contracted_for_another_service_is_not_relevant(read, title, text):
    result = read(text, title=title)
    assert not result["relevant"], result["relevance_rule"]


def test_a_provider_contracted_for_youth_care_stays_relevant(read):
    for text in ("Wij zijn door de regio gecontracteerd voor jeugdhulp. Vanaf 1 januari bieden wij ambulante begeleiding.",
                 "Wij zijn door de gemeente Utrecht gecontracteerd voor huishoudelijke hulp en voor jeugdhulp."):
        result = read(text, title="Nieuws")
        assert result["relevant"], (text, result["relevance_rule"])


def test_the_provider_contracted_reading_stays_fast_on_100_kb():
    text = ("de gemeente heeft het contract voor een gecontracteerd voor de het " * 1700)[:110_000]
    start = time.process_time()
    other_purchase_sentences(text)
    assert time.process_time() - start < 2.0
