"""Reading specs, round refnews78: an event dated beside stages.md's words for the provisional award (news-sites.md
§3.3: "voorlopige gunning | voorlopig gegund, voorlopige gunning, voornemen tot gunning, gunningsvoornemen") is the
provisional award's, on the timeline too. Synthetic texts."""

import pytest

from tests.speed import LINEAR, linear_time


@pytest.mark.parametrize("sentence", [
    "Het gunningsvoornemen is op 14 oktober 2020 aan de inschrijvers verstuurd.",
    "Op 14 oktober 2020 is het voornemen tot gunning bekendgemaakt.",
    "Op 14 oktober 2020 hebben de gemeenten bekendgemaakt dat zij voornemens zijn de opdracht te gunnen aan "
    "Stichting Voorbeeld.",
    "Op 14 oktober 2020 hebben de gemeenten de percelen voorlopig gegund.",
])
def test_a_date_beside_the_intended_award_is_the_provisional_awards_event(read, sentence):
    """"gunning" inside "gunningsvoornemen" and "voornemen tot gunning" was the definitive award's cue: the day the
    intention to award was sent stood on the timeline as ``definitieve_gunning``; "voornemens … te gunnen" had no
    cue at all (``other``, no stage)."""
    result = read(f"Aanbesteding jeugdhulp Maassluis.\n\n{sentence}")
    assert [(e["date"], e["kind"], e["stage"]) for e in result["events"]] == [
        ("2020-10-14", "provisional_award", "voorlopige_gunning")]


def test_the_definitive_award_keeps_its_own_cue(read):
    result = read("Aanbesteding jeugdhulp Maassluis.\n\nOp 14 december 2020 is de opdracht definitief gegund aan "
                  "Stichting Voorbeeld.")
    assert [(e["kind"], e["stage"]) for e in result["events"]] == [("award", "definitieve_gunning")]


def test_the_intended_award_cue_reads_in_linear_time():
    from tenderarchive.analysis.dates import classify_kind

    assert linear_time(lambda text: classify_kind(text), "voornemen tot de de de ") < LINEAR
    assert linear_time(lambda text: classify_kind(text), "voornemens zijn om x y ") < LINEAR
