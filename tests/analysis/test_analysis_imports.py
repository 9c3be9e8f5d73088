"""The analysis package imports its steps on the first page analysed (issue 14, reparse round 23).

A TenderNed crawl or reparse needs only ``tenderarchive.analysis.places`` (a notice's places, through
``tenderarchive.organisations``); importing the package used to import every step with it (the awardee and
organisation patterns, stages, dates, relevance, the learned model), ≈ 0.1–0.2 CPU-s of every reparse's start-up."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STEPS = ("dates", "organisations", "procedure", "relevance", "learned", "stages", "text")


def _analysis_modules_after(code: str) -> list[str]:
    probe = code + "; import sys; print(sorted(m for m in sys.modules if m.startswith('tenderarchive.analysis.')))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return eval(out.stdout.splitlines()[-1])  # noqa: S307 (our own probe's list of names)


def test_a_notices_places_import_no_other_analysis_step():
    loaded = _analysis_modules_after("from tenderarchive.organisations import named_municipalities; "
                                     "named_municipalities('Jeugdhulp regio Utrecht', 'Gemeente Zeist')")
    assert loaded == ["tenderarchive.analysis.places"]
    assert not {f"tenderarchive.analysis.{step}" for step in STEPS} & set(loaded)


def test_analyse_imports_its_steps_on_first_use_and_reads_as_before():
    loaded = _analysis_modules_after("from tenderarchive.analysis import analyse; "
                                     "r = analyse('De gemeente Zeist heeft de jeugdhulp gegund aan Stichting Timon.', "
                                     "title='Gunning jeugdhulp Zeist'); "
                                     "assert 'Zeist' in [m['name'] for m in r['municipalities']], r['municipalities']")
    assert {f"tenderarchive.analysis.{step}" for step in STEPS} <= set(loaded)


def test_the_packages_steps_stay_importable_by_name():
    from tenderarchive.analysis import analyse, learned, places, rules  # noqa: F401 (submodules by name, as the tests do)

    result = analyse("Regio Amersfoort: de aanbesteding jeugdhulp is gegund.", title="Jeugdhulp Amersfoort")
    assert "Amersfoort" in {m["name"] for m in result["municipalities"]}
    assert callable(learned.decide_relevance) and callable(rules.on) and callable(places.find_municipalities)
