"""The served archive's days are Amsterdam's (tenderarchive/clock.py)."""

from tenderarchive.clock import amsterdam_day


def test_an_archived_moment_is_counted_on_amsterdams_day():
    """``amsterdam_day`` (SQL, new_this_week's ``first_seen``): a fetch half an hour before UTC's midnight is on the
    next day in Amsterdam; a moment without an offset is the archive's UTC; none is none."""
    assert amsterdam_day("2026-11-30T23:30:00+00:00") == "2026-12-01"
    assert amsterdam_day("2026-06-30T21:59:59Z") == "2026-06-30"
    assert amsterdam_day("2026-06-30T22:00:00") == "2026-07-01"   # UTC: CEST is two hours ahead
    assert amsterdam_day(None) is None and amsterdam_day("") is None
