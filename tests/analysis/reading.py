"""Helpers the reading specifications share (not a test module)."""
import datetime as dt

from tenderarchive.analysis import analyse, learned, rules


def stage_statuses(result: dict) -> dict:
    """``{stage id: status}`` of an ``analyse`` result."""
    return {s["stage"]: s["status"] for s in result["stages"]}


def read_synthetic(text: str, title: str = "Nieuws over de jeugdhulp",
                   published: dt.date | None = dt.date(2024, 3, 4)) -> dict:
    """A short SYNTHETIC page read by the rules alone (the learned layer's model empty)."""
    with learned.capturing(model={}):
        return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=published)


def read_synthetic_core(text: str, **kw) -> dict:
    """:func:`read_synthetic` with every named rule switched off, as a held-out site may be read."""
    with rules.disabled(*rules.RULES):
        return read_synthetic(text, **kw)


def shipped(text: str, title: str) -> dict:
    """The product's reading of a short SYNTHETIC page: every named rule on, the shipped model."""
    return analyse("SYNTHETISCHE TEKST. " + text, title=title, published=dt.date(2024, 3, 4))


def assert_reads(read, title: str, text: str, relevant: bool) -> None:
    """``read`` (the shared ``read`` fixture: rules on, or every named rule off) and :func:`shipped` both find the
    page ``relevant`` or both not."""
    for result in (read(text, title=title), shipped(text, title)):
        assert result["relevant"] is relevant, (result["relevance_rule"], result["procedure_terms"])
