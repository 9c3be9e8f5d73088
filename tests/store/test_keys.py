import json

import pytest

from tenderarchive.store import keys


def test_dumps_is_json_dumps_sorted_and_unescaped_without_an_encoder_per_call(monkeypatch):
    """Issue 14 (branch reparse24): ``dumps`` (every JSON column: ``listed_as``, classify's reasons, a procurement's
    lists, ≈ 20,000 calls a 5,000-notice reparse) encodes with one encoder made once; ``json.dumps`` with options built
    a new one each call. The text is ``json.dumps(value, ensure_ascii=False, sort_keys=True)``'s, errors too."""
    samples = [None, True, 0, -1.5, float("nan"), "Fryslân \u20ac", "", [], {}, ["jeugd", "wmo"],
               {"type": "AAO", "kenmerk": "929959", "ended_early": False, "published": "2021-03-30"},
               {"b": [1, {"z": 1, "a": "\u00e9\n\"x\""}], "a": None, "ä": 1}, ("tuple", 1)]
    for value in samples:
        assert keys.dumps(value) == json.dumps(value, ensure_ascii=False, sort_keys=True)
    with pytest.raises(TypeError):
        keys.dumps({"a": object()})

    monkeypatch.setattr(json, "dumps", lambda *args, **kwargs: pytest.fail("an encoder built for one call"))
    assert keys.dumps({"z": 1, "a": "é"}) == '{"a": "é", "z": 1}'
