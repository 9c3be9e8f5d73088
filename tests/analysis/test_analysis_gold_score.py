import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tenderarchive.analysis.scoring import score  # noqa: E402

GOLD = [{"seed": "a", "relevant": True, "primary_stage": "inschrijving (after kort geding)",
         "municipalities": ["Heerlen"], "stages": [["kort_geding", "done"]], "dates": [["2019", "x"], ["2022-01/2022-05", "y"]],
         "platform": "TenderNed", "title": "T", "published": "2020-12-14T08:55", "parties": ["X (unnamed)"]}]


def test_perfect_prediction_scores_one_and_maps_gold_labels():
    pred = [{"seed": "a", "relevant": True, "primary_stage": "inschrijving",
             "municipalities": [{"name": "Heerlen"}], "stages": [{"stage": "kort_geding", "status": "done"}],
             "events": [{"date": "2019", "date_end": None, "precision": "year"},
                        {"date": "2022-01", "date_end": "2022-05", "precision": "range"}],
             "tenderned_refs": {"platform": "TenderNed"}, "organisations": [], "title": "T", "published": "2020-12-14"}]
    res = score(pred, GOLD)
    for field in ("relevant", "primary_stage", "municipalities", "events", "stages", "tenderned_refs", "title", "published"):
        assert res[field]["precision"] == 1.0 and res[field]["recall"] == 1.0, field
    assert res["organisations"]["recall"] is None  # the unnamed party is not scored


def test_wrong_precision_is_a_miss():
    pred = [{"seed": "a", "events": [{"date": "2019", "date_end": None, "precision": "day"}]}]
    res = score(pred, GOLD)
    assert res["events"]["tp"] == 0 and res["events"]["fn"] == 2 and res["events"]["fp"] == 1
    assert "title" not in res
