"""What opening the archive imports (issue 14: a reparse's start-up). Each check runs in a fresh
interpreter: this test process has numpy imported already (pytest plugins, other tests)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_the_store_and_a_reparse_do_not_import_numpy():
    # what a reparse imports before its first item: the store, the replay, every pipeline and the spider
    out = run("import sys; sys.path.insert(0, '.')\n"
              "import tenderarchive.store.writes, tenderarchive.store.schema, tenderarchive.reparse\n"
              "import tenderarchive.replay.direct, tenderarchive.derive\n"
              "import pipelines.validate, pipelines.normalise, pipelines.classify, pipelines.extract\n"
              "import pipelines.analyse, pipelines.places, pipelines.awards, pipelines.archive, spiders.tenderned\n"
              "print('numpy' in sys.modules)")
    assert out == "False"


def test_numpy_still_imports_afterwards_and_the_store_writes(tmp_path):
    out = run("import sys\n"
              "import tenderarchive.store.writes, sqlite_utils\n"
              "import numpy\n"
              f"db = sqlite_utils.Database({str(tmp_path / 'a.db')!r})\n"
              "db['t'].insert({'a': 1, 'b': 2.5, 'c': 'x'})\n"
              "print(numpy.__name__, db['t'].columns_dict, list(db['t'].rows))")
    assert out == "numpy {'a': <class 'int'>, 'b': <class 'float'>, 'c': <class 'str'>} [{'a': 1, 'b': 2.5, 'c': 'x'}]"


def test_a_reparse_does_not_compile_the_news_date_grammar_until_a_date_is_written_out():
    # issue 14: the award pages' dates are numeric ("15/05/2026"); the Dutch date grammar (extraction.dates, 45
    # patterns) is compiled on the first date written out, and the pipelines need only the text cleaner's words
    out = run("import sys; sys.path.insert(0, '.')\n"
              "import tenderarchive.store.writes, tenderarchive.reparse, tenderarchive.replay.direct, tenderarchive.derive\n"
              "import pipelines.validate, pipelines.normalise, pipelines.classify, pipelines.extract\n"
              "import pipelines.analyse, pipelines.places, pipelines.awards, pipelines.archive, spiders.tenderned\n"
              "from tenderarchive.awards.html import parse_notice_date\n"
              "print(parse_notice_date('15/05/2026'), 'tenderarchive.extraction.dates' in sys.modules)\n"
              "print(parse_notice_date('15 mei 2026'), 'tenderarchive.extraction.dates' in sys.modules)\n"
              "from tenderarchive.extraction import clean_text, parse_dutch_date, dates\n"
              "print(clean_text.__module__, parse_dutch_date.__module__, dates.__name__)")
    assert out.splitlines() == ["2026-05-15 False", "2026-05-15 True",
                                "tenderarchive.extraction.cleaning tenderarchive.extraction.dates "
                                "tenderarchive.extraction.dates"]
