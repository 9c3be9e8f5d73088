from tenderarchive.values import clean_field, code_label, cpv_parts, deadline, iso, local_date, parse_timestamp


def test_naive_timestamps_are_europe_amsterdam():
    assert iso(parse_timestamp("2026-01-20T00:05:00")) == "2026-01-20T00:05:00+01:00"
    assert iso(parse_timestamp("2026-07-20T00:05:00")) == "2026-07-20T00:05:00+02:00"


def test_timestamps_with_offsets_and_microseconds_are_kept():
    assert iso(parse_timestamp("2026-08-28T12:15:00+02:00")) == "2026-08-28T12:15:00+02:00"
    assert iso(parse_timestamp("2026-06-12T04:07:17.215349")) == "2026-06-12T04:07:17+02:00"
    assert iso(parse_timestamp("2026-06-12T02:00:00Z")) == "2026-06-12T02:00:00+00:00"


def test_local_date_uses_amsterdam_time():
    assert local_date(parse_timestamp("2026-06-11T23:30:00Z")) == "2026-06-12"
    assert local_date(parse_timestamp("2026-10-15")) == "2026-10-15"


def test_deadline_placeholders_become_null_with_a_flag():
    assert deadline("2099-12-31T00:00:00") == (None, 1)
    assert deadline("2125-12-31") == (None, 1)
    assert deadline("2089-12-31T10:00:00") == ("2089-12-31T10:00:00+01:00", 0)
    assert deadline(None) == (None, 0)


def test_clean_text_removes_tags_entities_and_nbsp():
    assert clean_field("<p>Jeugd&amp;gezin&nbsp;Leiden</p><p>twee</p>") == "Jeugd&gezin Leiden\ntwee"
    assert clean_field("caf&eacute; &amp;nbsp;x") == "café x"
    assert clean_field("a < b and c > d") == "a < b and c > d"
    assert clean_field("&amp;lt;TenderNed&amp;gt;") == "<TenderNed>"
    assert clean_field("   ") is None


def test_code_objects_split_into_code_and_label():
    assert code_label({"code": "OPE", "omschrijving": "Openbaar"}) == ("OPE", "Openbaar")
    assert code_label("NL33") == ("NL33", None)
    assert code_label(None) == (None, None)


def test_cpv_codes_keep_check_digit_and_eight_digits():
    assert cpv_parts("85311300-5") == ("85311300-5", "85311300")
    assert cpv_parts("85311300") == ("85311300", "85311300")


def test_a_blank_code_is_no_code():
    """``""`` where a code belongs is a value omitted (the archive keeps its code), not a new code."""
    assert code_label("") == (None, None) and code_label("  ") == (None, None)
    assert code_label({"code": "", "omschrijving": "Raamovereenkomst"}) == (None, "Raamovereenkomst")
    assert code_label({"code": 0}) == ("0", None)


def test_one_instant_across_the_clock_changes_is_one_text():
    """Amsterdam's clocks change on the last Sundays of March and October (reference §12.4: naive times
    are Amsterdam's). 02:30 on the March night is a time the clock never shows: read with the offset
    before the change, it is the instant 01:30Z and is written as the clock shows it, whether it came
    naive or in UTC. The October night's 02:30 happens twice: the offset sent tells which."""
    assert deadline("2026-03-29T02:30:00") == deadline("2026-03-29T01:30:00Z") == ("2026-03-29T03:30:00+02:00", 0)
    assert deadline("2026-03-29T01:59:59") == ("2026-03-29T01:59:59+01:00", 0)
    assert deadline("2026-10-25T02:30:00") == deadline("2026-10-25T00:30:00Z") == ("2026-10-25T02:30:00+02:00", 0)
    assert deadline("2026-10-25T02:30:00+01:00") == deadline("2026-10-25T01:30:00Z") == ("2026-10-25T02:30:00+01:00", 0)
    assert local_date(parse_timestamp("2026-10-24T22:30:00Z")) == "2026-10-25"  # 00:30 CEST
    assert local_date(parse_timestamp("2026-03-28T23:30:00Z")) == "2026-03-29"  # 00:30 CET


def test_a_day_with_a_zone_is_that_day_not_a_time_of_it():
    """``2026-10-15+02:00`` (XML Schema's xs:date; TED sends its dates so, reference §10.3) is the 15th.
    Python's fromisoformat takes the sign for the date-time separator: it was a deadline at 02:00."""
    from datetime import date

    assert parse_timestamp("2026-10-15+02:00") == parse_timestamp("2026-10-15Z") == date(2026, 10, 15)
    assert parse_timestamp("2026-10-15-05:00") == parse_timestamp("2026-10-15+0100") == date(2026, 10, 15)
    assert deadline("2026-10-15+02:00") == ("2026-10-15", 0)
    # ISO 8601 lets the offset go without minutes: "+02" is that day too, not 02:00 of it
    assert parse_timestamp("2026-10-15+02") == parse_timestamp("2026-10-15-05") == date(2026, 10, 15)
    assert deadline("2026-10-15+02") == ("2026-10-15", 0)
    assert deadline("2099-12-31+01:00") == (None, 1)
    assert iso(parse_timestamp("2026-10-15T10:00:00+02:00")) == "2026-10-15T10:00:00+02:00"


def test_a_day_in_the_basic_form_is_that_day():
    """``20260910`` (ISO 8601's basic form) is the 10th as ``2026-09-10`` is; fromisoformat read it as midnight."""
    from datetime import date

    assert parse_timestamp("20260910") == parse_timestamp("20260910+02:00") == date(2026, 9, 10)
    assert deadline("20260910") == deadline("2026-09-10") == ("2026-09-10", 0)
    assert iso(parse_timestamp("20260910T102600")) == "2026-09-10T10:26:00+02:00"


def test_a_number_for_a_date_is_refused_saying_what_it_would_be():
    """No date field of the API is a number (reference §3, §4): epoch seconds or milliseconds, or a day written as a
    number, are refused, naming what they would be; as text the digits said "day is out of range for month"."""
    import pytest

    for value, said in ((1789034400000, "milliseconds since 1970 would be 2026-09-10T12:00:00+02:00"),
                        ("1789034400000", "milliseconds since 1970 would be 2026-09-10T12:00:00+02:00"),
                        (1789034400, "seconds since 1970 would be 2026-09-10T12:00:00+02:00"),
                        (20260910, "20260910 would be the day 2026-09-10"), (float("inf"), "a number, not")):
        with pytest.raises(ValueError, match=said.replace("+", r"\+")):
            parse_timestamp(value)


def test_an_rfc_9557_zone_suffix_names_the_zone_and_the_offset_stands():
    assert iso(parse_timestamp("2026-09-10T10:26:00+02:00[Europe/Amsterdam]")) == "2026-09-10T10:26:00+02:00"
    assert iso(parse_timestamp("2026-01-10T10:26:00[Europe/London]")) == "2026-01-10T10:26:00+00:00"
    assert iso(parse_timestamp("2026-09-10T10:26:00+02:00[!Europe/Amsterdam][u-ca=iso8601]")) == \
        "2026-09-10T10:26:00+02:00"
    assert parse_timestamp("2026-10-15[Europe/Amsterdam]").isoformat() == "2026-10-15"
    import pytest
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_timestamp("2026-09-10T10:26:00[Mars/Olympus]")
