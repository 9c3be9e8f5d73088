"""The dashboard's count charts in a real browser (Debian chromium) are read off in whole numbers: their axes
counted publications and notices in tenths ("0.0, 0.1 … 1.0"; "1.4" notices of a procedure type in Zuid-Limburg),
so a bar's height read as a fraction of a notice."""

import re

import pytest

COUNTS = ["per-month", "procedure-types", "notice-types"]


def tick_labels(page, card: str) -> list[str]:
    """The numbers on the axes of the chart on card ``card`` (not its months, types or stages)."""
    page.wait_for_selector(f"#card-{card} svg.marks", state="attached")
    labels = page.eval_on_selector_all(f"#card-{card} svg.marks g.role-axis-label text",
                                       "els => els.map(e => e.textContent)")
    return [label for label in labels if re.fullmatch(r"[\d.,\s]+", label)]


# the stages chart has rows for Holland Rijnland (dated news) and Zuid-Limburg (undated: "zonder datum"), and so for
# the whole archive
@pytest.mark.parametrize("jeugdregio, cards", [("Zuid-Limburg", [*COUNTS, "stages"]), ("Flevoland", COUNTS),
                                               ("Holland Rijnland", [*COUNTS, "stages"]), ("", [*COUNTS, "stages"])])
def test_a_count_axis_is_ticked_in_whole_numbers(page, browser_server, jeugdregio, cards):
    page.goto(f"{browser_server.base}/-/dashboards/jeugdhulp?jeugdregio={jeugdregio}", wait_until="networkidle")
    for card in cards:
        ticks = tick_labels(page, card)
        assert ticks and "0" in ticks, (card, ticks)
        assert all(re.fullmatch(r"\d+", tick) for tick in ticks), (card, ticks)
        # each whole number once: a tall axis over a few ticked halves as whole numbers, "0, 1, 1, 2, 2"
        assert len(set(ticks)) == len(ticks), (card, ticks)


def test_a_count_axis_is_titled_by_what_it_counts(page, browser_server):
    """The stages chart's count axis was titled by vega-lite's default, "Sum of count"."""
    page.goto(f"{browser_server.base}/-/dashboards/jeugdhulp", wait_until="networkidle")
    for card in [*COUNTS, "stages"]:
        page.wait_for_selector(f"#card-{card} svg.marks", state="attached")
        titles = page.eval_on_selector_all(f"#card-{card} svg.marks g.role-axis-title text",
                                           "els => els.map(e => e.textContent)")
        assert titles and not any(title.startswith(("Sum of", "Count of")) for title in titles), (card, titles)
