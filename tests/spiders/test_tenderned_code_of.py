"""``spiders.tenderned.code_of``: a coded field's code (a notice type, a form type) as the archive reads it
(``values.code_label``), whatever shape the API sends it in, without cleaning the label it does not use."""

from __future__ import annotations

import random

from spiders import tenderned
from spiders.tenderned import code_of
from tenderarchive import values


def through_code_label(value):
    """``code_of`` as it was first written: ``code_label``'s code (a label of no readable shape raising)."""
    try:
        code = values.code_label(value)[0]
    except ValueError:
        return None
    return code.strip() if code and code.strip() else None


#: codes and labels of every shape the API has sent or could send (docs/reference/tenderned-api.md §13)
SCALARS = [None, "AGO", " AAO ", "", "   ", "result", "competition", "dir-awa-pre", 0, 7, 3.0, -1.5, float("nan"),
           True, False, "a\ud800b", "<b>AGO</b>", "&amp;", "\u00a0", "Aankondiging van een gegunde opdracht",
           "Vooraankondiging &nbsp;<br/>", "jeugd\u00adhulp"]
SHAPES = [[], ["AGO"], {}, {"code": "AGO"}, (1,), b"AGO"]


def cases():
    randomly = random.Random(14)
    every = [*SCALARS, *SHAPES]
    out = list(every)
    for code in every:
        for label in every:
            out.append({"code": code, "omschrijving": label})
        out.append({"code": code})
    out.append({"omschrijving": "Aankondiging"})
    for _ in range(2000):  # objects with other keys beside them, in any order
        keys = randomly.sample(["code", "omschrijving", "x", "codeOmschrijving"], randomly.randint(0, 4))
        out.append({key: randomly.choice(every) for key in keys})
    return out


def test_the_code_of_every_shape_is_what_code_label_reads():
    for value in cases():
        assert code_of(value) == through_code_label(value), repr(value)


def test_a_label_is_not_cleaned_to_be_thrown_away(monkeypatch):
    """Issue 14: ``code_label`` cleaned the label too (markup, entities, composition: ≈ 1 % of a reparse); the
    code alone is read, and a label of no readable shape still makes it no code."""
    cleaned = []
    monkeypatch.setattr(values, "clean_field", lambda value: cleaned.append(value) or value)
    monkeypatch.setattr(tenderned, "clean_field", lambda value: cleaned.append(value) or value)
    assert code_of({"code": "AGO", "omschrijving": "Aankondiging van een <b>gegunde</b> opdracht"}) == "AGO"
    assert code_of({"code": " result ", "omschrijving": None}) == "result"
    assert code_of("AAO") == "AAO"
    assert code_of({"code": "AGO", "omschrijving": ["Aankondiging"]}) is None
    assert code_of({"code": ["AGO"], "omschrijving": "Aankondiging"}) is None
    assert cleaned == []
