"""The validate pipeline's reading of a text field (``pipelines.validate._has_text``): whether it says something
once cleaned, as ``values.clean_field`` cleans it, and without cleaning a title that needs none."""

from __future__ import annotations

import random

import pytest
from scrapy.exceptions import DropItem

from pipelines import validate
from tenderarchive import values
from tenderarchive.items import NoticeItem

TEXTS = ["Jeugdhulp regio Utrecht", "", " ", "\u00a0", "<p></p>", "&nbsp;", "&amp;nbsp;", "<br/>\n\t", "\u00ad",
         "\u200b", "jeugd\u00adhulp", "Frysla\u0302n", "a  b", " lead", "trail ", "x\r\ny", "\ud800", "<b>Wmo</b>",
         "&lt;p&gt;&lt;/p&gt;", "0", 0, 1.5, None, True, False, [], ["titel"], {}, {"code": "x"}]


def cleaned_says_something(value) -> bool:
    """``_has_text`` by its definition: ``values.clean_field`` gives a text (a value of no text shape counts)."""
    try:
        return bool(values.clean_field(value))
    except ValueError:
        return True


def test_a_text_field_says_something_exactly_when_values_clean_field_leaves_text():
    randomly = random.Random(18)
    cases = list(TEXTS)
    pieces = [t for t in TEXTS if isinstance(t, str)]
    for _ in range(3000):
        cases.append("".join(randomly.choice(pieces) for _ in range(randomly.randint(1, 4))))
    for value in cases:
        assert validate._has_text(value) == cleaned_says_something(value), repr(value)


def notice(title) -> NoticeItem:
    return NoticeItem(publication_id="407238", detail={"publicatieId": 407238, "aanbestedingNaam": title,
                                                       "publicatieDatum": "2021-03-01"})


def test_a_title_with_nothing_to_clean_is_not_cleaned(monkeypatch):
    """Issue 14: every title went through ``values.clean_field`` (markup, entities, composition) twice a notice
    before normalise cleaned it again; one with nothing to clean is taken as it is."""
    stripped = []
    strip_tags = values._strip_tags
    monkeypatch.setattr(values, "_strip_tags", lambda text: stripped.append(text) or strip_tags(text))
    validate.validate_notice(notice("Jeugdhulp regio Utrecht 2021"))
    assert stripped == []
    with pytest.raises(DropItem, match="neither aanbestedingNaam"):  # still refused when it says nothing once cleaned
        validate.validate_notice(NoticeItem(publication_id="407238", detail={"aanbestedingNaam": "<p>&nbsp;</p>"}))
