"""The cross-site view's reading cache (``bench/news_fidelity.py --cv``, branch news20): a page is read again
only when a setting switches off a rule its reading asked about, and the figures are those of reading every
page afresh. Dev pages only, six of them: every single-rule ablation is read both ways."""
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tenderarchive.analysis import learned, rules, train  # noqa: E402
from tenderarchive.analysis.corpus import load_pages, load_split, part_of  # noqa: E402
from tenderarchive.analysis.stages import DEFINITIONS  # noqa: E402


@pytest.fixture(scope="module")
def few_dev_pages():
    split = load_split()
    dev = [p for p in load_pages() if part_of(p, split) == "dev"]
    relevant, negative, sites = [], [], set()
    for p in dev:  # pages of different sites, relevant ones with different primary stages
        site = p.id.split("__", 1)[0]
        if site in sites:
            continue
        if p.gold["relevant"] and len(relevant) < 4 and all(q.gold["primary_stage"] != p.gold["primary_stage"] for q in relevant):
            relevant.append(p)
        elif not p.gold["relevant"] and len(negative) < 2:
            negative.append(p)
        else:
            continue
        sites.add(site)
    return relevant + negative


def settings():
    yield {}
    for name in rules.RULES:
        yield {"off": (name,)}
    yield {"off": tuple(rules.RULES)}
    yield {"off": tuple(r for r in rules.RULES if r.startswith("stage."))}
    for d in DEFINITIONS:
        yield {"definition": d, "off": ("stage.restart",)}


def test_kept_readings_give_the_figures_of_fresh_ones(few_dev_pages):
    from bench.news_fidelity import DevReader
    kept, fresh = DevReader(pages=few_dev_pages), DevReader(pages=few_dev_pages, cache=False)
    n = 0
    with learned.capturing(model={}):
        for st in settings():
            assert kept.read(**st) == fresh.read(**st), st
            n += 1
    assert fresh.readings == n * len(few_dev_pages)
    assert kept.readings < fresh.readings  # an ablation of a rule a page never asks about keeps its reading
    # the shipped model is another reading: not taken from the rules-alone ones
    before = kept.readings
    assert kept.read() == fresh.read()
    assert kept.readings == before + len(few_dev_pages)


def test_a_rule_the_reading_asks_about_is_read_again(few_dev_pages):
    from bench.news_fidelity import DevReader
    reader = DevReader(pages=few_dev_pages[:1])
    with learned.capturing(model={}):
        with rules.tracing() as asked:
            reader.read()
        not_asked = sorted(set(rules.RULES) - asked)
        assert asked and not_asked and reader.readings == 1
        with rules.tracing() as again:
            reader.read(off=tuple(not_asked))  # kept: not read again, so nothing is asked
        assert again == set() and reader.readings == 1
        reader.read(off=(sorted(asked)[0],))
        assert reader.readings == 2
        reader.read(off=(sorted(asked)[0], *not_asked))  # differs from the last only where the page never asks
        assert reader.readings == 2


def test_rows_are_the_training_features(few_dev_pages):
    from bench.news_fidelity import DevReader
    reader = DevReader(pages=few_dev_pages)
    off = ("stage.tender_context", "rel.together")
    assert reader.rows(off) == train.collect(reader.pages, reader.extracted, off)
    assert reader.rows() == train.collect(reader.pages, reader.extracted)
