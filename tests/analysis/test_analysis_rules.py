"""Named, switchable reading rules (tenderarchive/analysis/rules.py; issue 11 round two)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tenderarchive.analysis import analyse, rules

SRC = Path(rules.__file__).resolve().parent


def test_every_named_rule_guards_code():
    source = "".join(p.read_text(encoding="utf-8") for p in SRC.glob("*.py") if p.name != "rules.py")
    assert [n for n in rules.RULES if f'"{n}"' not in source] == []


def test_unknown_rule_names_raise():
    with pytest.raises(KeyError):
        rules.on("stage.no_such_rule")
    with pytest.raises(KeyError):
        with rules.disabled("rel.no_such_rule"):
            pass


def test_switching_a_rule_off_changes_the_reading_and_is_undone():
    """Synthetic text: a court step named without a verb is done only by the rule (a ruling's own verbs make it done
    in core, since branch cv31)."""
    text = "De voorzieningenrechter in het kort geding over de aanbesteding jeugdhulp."
    on = {s["stage"]: s["status"] for s in analyse(text)["stages"]}
    with rules.disabled("stage.event_default_done"):
        off = {s["stage"]: s["status"] for s in analyse(text)["stages"]}
    assert on.get("kort_geding") == "done"
    assert off.get("kort_geding") != "done"
    assert rules.DISABLED == set()
