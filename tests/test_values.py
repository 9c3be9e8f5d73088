import pytest

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


def test_a_placeholder_year_is_amsterdams_year():
    """The year ≥ 2090 that means "no real date" (reference §4, §12.4) is checked as Amsterdam's clock shows the instant,
    the zone TenderNed's dates are given and archived in (§3): ``2089-12-31T23:00:00Z`` is 1 January 2090 there, a
    placeholder (it was archived as a real closing date in 2090); ``2090-01-01T00:30:00+02:00`` is 31 December 2089
    there, a real date (it was taken for a placeholder and lost)."""
    assert deadline("2089-12-31T23:00:00Z") == (None, 1)
    assert deadline("2089-12-31T23:30:00+00:00") == (None, 1)
    assert deadline("2089-12-31T22:59:59Z") == ("2089-12-31T23:59:59+01:00", 0)
    assert deadline("2090-01-01T00:30:00+02:00") == ("2089-12-31T23:30:00+01:00", 0)
    assert deadline("2090-01-01T00:00:00") == (None, 1)  # naive: Amsterdam's time already
    for sent in ("2089-12-31T23:00:00Z", "2090-01-01T00:30:00+02:00", "2089-06-30T23:30:00-05:00"):
        archived, placeholder = deadline(sent)
        # never an archived date in a placeholder year, never a real one lost
        assert (archived is None) == (placeholder == 1)
        assert archived is None or int(archived[:4]) < 2090


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
    assert cpv_parts("85311300") == ("85311300-5", "85311300")  # the digit the shipped profile documents


def test_cpv_codes_are_read_in_one_form_and_no_check_digit_is_invented():
    """``85311300 - 5`` (spaces around the hyphen, another dash) is ``85311300-5``; 8 digits whose check digit no
    shipped profile documents stay 8 digits; text of no CPV form is kept as given, as before; linear on 100 KB."""
    from tests.speed import LINEAR, linear_time

    for written in ("85311300 - 5", " 85311300-5 ", "85311300\u20135", "85311300 -5"):
        assert cpv_parts(written) == ("85311300-5", "85311300"), written
    assert cpv_parts("79411000") == ("79411000", "79411000")
    assert cpv_parts("79411000 - 8") == ("79411000-8", "79411000")
    assert cpv_parts("853113005") == ("853113005", "85311300")
    assert cpv_parts("onbekend") == ("onbekend", "onbekend")
    assert linear_time(cpv_parts, "1") < LINEAR
    assert linear_time(cpv_parts, "12345678 - ", 99_000) < LINEAR


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


def _parse_timestamp_uncached(value):
    """``parse_timestamp`` as it was before texts were kept (``main`` before the fourteenth reparse round),
    the reference the kept texts are compared with."""
    from datetime import date, datetime

    from tenderarchive import values
    from tenderarchive.arguments import AMSTERDAM

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) or (
            isinstance(value, str) and values._EPOCH.fullmatch(value.strip())):
        raise ValueError(values._epoch_problem(value))
    if not isinstance(value, str):
        raise ValueError(f"expected a date text, got {type(value).__name__} {value!r:.60}")
    text = value.strip()
    day = values._DAY.fullmatch(text)
    if day:
        return values._not_a_floor(date.fromisoformat(day.group(1)))
    text = text.replace("Z", "+00:00")
    moment = values._not_a_floor(datetime.fromisoformat(text))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    if moment.year < values.PLACEHOLDER_YEAR:
        try:
            values.amsterdam(moment)
        except OverflowError:
            raise ValueError("outside the calendar Python can convert") from None
    return moment


def _outcome(parse, value):
    try:
        result = parse(value)
    except Exception as exc:  # noqa: BLE001 (the kind and message are compared)
        return ("raises", type(exc), str(exc))
    return ("gives", type(result), result, getattr(result, "tzinfo", None), repr(result))


def test_a_date_text_is_read_once_and_gives_what_reading_it_again_gives():
    """Issue 14: a notice's dates are asked for 30-odd times (the spider's and the pipelines' checks, then the
    value); a text is read once and its value kept. Randomised: texts of every form (days, basic form, zones,
    naive, microseconds, placeholders, epochs, garbage, blanks), each asked three times and interleaved with
    the others past the cache's bound, give what the uncached reading gives, errors included."""
    import random

    from tenderarchive import values

    rng = random.Random(14)

    def text():
        year = rng.choice([1, 1753, 1900, 1901, 2024, 2026, 2089, 2090, 2099, 9999])
        month, day = rng.randint(0, 13), rng.randint(0, 32)
        hour, minute = rng.randint(0, 24), rng.randint(0, 59)
        zone = rng.choice(["", "Z", "+02:00", "-05:00", "+0100", "+02", "z"])
        form = rng.randrange(9)
        if form == 0:
            core = f"{year:04d}-{month:02d}-{day:02d}{zone}"
        elif form == 1:
            core = f"{year:04d}{month:02d}{day:02d}{zone}"
        elif form == 2:
            core = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00{zone}"
        elif form == 3:
            core = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:17.{rng.randint(0, 999999):06d}{zone}"
        elif form == 4:
            core = str(rng.randint(10 ** 8, 10 ** 13))
        elif form == 5:
            core = rng.choice(["", " ", "n.v.t.", "onbekend", "\t", "2026-02-30", "2026-03-29T02:30:00"])
        elif form == 6:
            core = "".join(rng.choice("0123456789-:TZ+. ") for _ in range(rng.randint(1, 26)))
        else:
            core = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{hour % 24:02d}:{minute:02d}:00{zone}"
        return rng.choice(["", " ", "\n"]) + core + rng.choice(["", " "])

    texts = [text() for _ in range(3000)]
    asked = texts * 3
    rng.shuffle(asked)
    asked += [None, 0, 1789034400, 20260910, 2.5, True, [], {}]  # the other types: read as before
    values._parse_text.cache_clear()
    for value in asked:
        assert _outcome(values.parse_timestamp, value) == _outcome(_parse_timestamp_uncached, value), value
    kept = [t for t in texts if _outcome(_parse_timestamp_uncached, t)[0] == "gives" and t.strip()]
    assert len(kept) > 500
    # kept, not read again: the same text gives the same object (read again, a new one each time)
    for value in kept[:200]:
        assert values.parse_timestamp(value) is values.parse_timestamp(value)
    assert values._parse_text.cache_info().maxsize == values.PARSED_TEXTS_MAX


def test_a_nul_and_other_c0_controls_do_not_enter_the_archive():
    """A TenderNed description with a NUL (``\\u0000``: a C string's end, a UTF-16 text read as UTF-8) was stored with
    it, and ``search_all``'s excerpt was cut at it. C0 controls other than tab and line breaks go (the information
    separators are spaces); the normalising pipeline's shortcut for a clean text does the same."""
    from pipelines.normalise import clean_field as pipeline_clean_field

    for clean in (clean_field, pipeline_clean_field):
        assert clean("Inkoop jeugd\u0000hulp regio Twente\u0000") == "Inkoop jeugdhulp regio Twente"
        assert clean("J\u0000e\u0000u\u0000g\u0000d") == "Jeugd"
        assert clean("Jeugdhulp\u001fWmo\u0007 \u007fTwente\u001b") == "Jeugdhulp Wmo Twente"
        assert clean("regel\ttab\r\nregel twee") == "regel tab\nregel twee"
        assert clean("\u0000\u0001") is None
        text = clean("Begeleiding \u0000" + "jeugdhulp " * 10_000)
        assert "\u0000" not in text and text.startswith("Begeleiding jeugdhulp")
    assert not any(chr(c) in clean_field("".join(map(chr, range(32))) + "x\u007f") for c in [*range(9), *range(11, 32), 127])


def test_text_value_passes_an_ascii_text_as_it_is_and_replaces_surrogates_in_others(monkeypatch):
    """Issue 14 (branch reparse24): ``text_value`` runs for every code, label and text a notice has (≈ 200,000 times a
    5,000-notice reparse); an ASCII text has no surrogate to replace and is returned without the regex pass. Any other
    text, a ``str`` subclass, a number still goes through it, with the same result as before on random texts."""
    import random

    from tenderarchive import values

    class Text(str):
        pass

    rng = random.Random(14)
    alphabet = ["a", "Z", " ", "-", "\u00e2", "\u0302", "\ud800", "\udfff", "\u20ac", "\x00", "\n"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        assert values.text_value(text) == values._SURROGATE.sub("\ufffd", text)
    assert values.text_value("Fry\u0073l\u00e2n \ud800") == "Fryslân \ufffd"
    assert values.text_value(Text("ab")) == "ab" and type(values.text_value(Text("ab"))) is str
    assert (values.text_value(12), values.text_value(2.5), values.text_value(None)) == ("12", "2.5", None)
    for bad in (True, [], {}):
        with pytest.raises(ValueError):
            values.text_value(bad)

    class NoPass:
        def sub(self, *args):
            raise AssertionError("an ASCII text went through the surrogate regex")

    monkeypatch.setattr(values, "_SURROGATE", NoPass())
    assert values.text_value("Openbaar") == "Openbaar"


def test_a_closing_date_or_contract_day_text_is_converted_once_with_the_same_answer(monkeypatch):
    """Issue 14 (branch reparse37): ``deadline`` and ``contract_day`` of a text are kept per text (a notice asks for its
    detail's and its list row's closing dates, the same texts, and each was converted to Amsterdam's clock again);
    every form gives what converting it gives, errors each time, and the other types are read as before."""
    from tenderarchive import values

    texts = ["2026-05-14T15:24:38", "2026-05-14T15:24:38+02:00", "2026-05-14", "2026-10-15+02:00", "20260910",
             "2089-12-31T23:00:00Z", "2090-01-01T00:30:00+02:00", "2099-12-31", "9999-12-31T23:59:59Z", "",
             " ", "n.v.t.", "2026-02-30", "0001-01-01T00:00:00", "1789034400", " 2026-03-29T02:30:00 "]
    others = [None, 0, 1789034400, 2.5, True, [], {}]

    def uncached(to_text, value):
        local, placeholder = values._amsterdam_moment(value)
        return (to_text(local) if local else None), placeholder

    for function, to_text in ((values.deadline, values.iso), (values.contract_day, values.local_date)):
        values._in_amsterdam_text.cache_clear()
        for value in texts * 2 + others:
            assert _outcome(function, value) == _outcome(lambda v: uncached(to_text, v), value), (function, value)
        converted = []
        moment = values._amsterdam_moment
        monkeypatch.setattr(values, "_amsterdam_moment", lambda value: converted.append(value) or moment(value))
        for _ in range(3):
            assert function("2026-06-01T12:00:00") == function("2026-06-01T12:00:00")
        assert converted == ["2026-06-01T12:00:00"]  # once, not six times
        monkeypatch.setattr(values, "_amsterdam_moment", moment)


def test_unreadable_dates_reads_only_the_dates_sent(monkeypatch):
    """Issue 14 (branch reparse37): a record's optional dates left out or ``null`` are no unreadable date and are not
    read (the spider and the pipeline ask this of every detail and list row); the dates sent are judged as before."""
    from tenderarchive import values

    record = {"sluitingsDatum": "n.v.t.", "aanvangOpdrachtDatum": None, "publicatieDatum": "2026-05-14T15:24:38",
              "voltooiingOpdrachtDatum": 1789034400}
    found = values.unreadable_dates(record)
    assert set(found) == {"sluitingsDatum", "voltooiingOpdrachtDatum"}
    assert found["sluitingsDatum"].startswith("sluitingsDatum 'n.v.t.' is not a date or timestamp (")
    assert found["voltooiingOpdrachtDatum"].startswith("voltooiingOpdrachtDatum 1789034400 is not a date")
    assert values.unreadable_dates(None) == {} == values.unreadable_dates({})
    read = []
    parse = values.parse_timestamp
    monkeypatch.setattr(values, "parse_timestamp", lambda value: read.append(value) or parse(value))
    assert values.unreadable_dates(record) == found
    assert read == ["n.v.t.", 1789034400, "2026-05-14T15:24:38"]


def first_to_int(value):
    """``values.to_int`` as written before issue 14's round 41 (no shortcut for an int or ASCII digits)."""
    from tenderarchive.values import INT64

    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected an integer, got {type(value).__name__} {value!r:.60}")
    number = int(str(value).strip())
    if number not in INT64:
        raise ValueError(f"integer {number} is out of range")
    return number


def first_kenmerk_number(value):
    """``values.kenmerk_number`` as written before round 41: the TN pattern tried on every text."""
    from tenderarchive.values import _TN_NUMBER

    match = _TN_NUMBER.fullmatch(value) if isinstance(value, str) else None
    return first_to_int(match.group(1) if match else value)


def outcome(function, value):
    try:
        return ("value", function(value))
    except (TypeError, ValueError) as error:
        return (type(error).__name__, str(error))


def test_ids_and_kenmerken_read_as_before_the_shortcut_for_ints_and_digits(monkeypatch):
    """Issue 14 (round 41): ``to_int`` and ``kenmerk_number`` read an int or ASCII digits (the ids and ``kenmerk`` as
    TenderNed sends them: §3, §4) without the checks and the TN pattern the rest needs: every value reads as before,
    errors with their words, and digits never reach the pattern."""
    import random

    from tenderarchive import values
    from tenderarchive.values import kenmerk_number, to_int

    randomly = random.Random(41)
    alphabet = "0123456789 \t\n-+._aTNtn²٤\u00a0"
    cases = [None, "", " ", True, False, 0, 7, -3, 2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1, 3.0, 3.5, "007",
             "9" * 19, "9" * 30, "TN243310", "TN 243310", "tn-12", " 12 ", "²", "٤٠٠", "+12", "1_000", [1], {"a": 1}, b"1"]
    cases += ["".join(randomly.choice(alphabet) for _ in range(randomly.randint(0, 22))) for _ in range(3000)]
    cases += [randomly.randint(-10 ** 20, 10 ** 20) for _ in range(500)]
    for value in cases:
        assert outcome(to_int, value) == outcome(first_to_int, value), repr(value)
        assert outcome(kenmerk_number, value) == outcome(first_kenmerk_number, value), repr(value)

    pattern = values._TN_NUMBER

    class Counted:
        calls = 0

        def fullmatch(self, *args):
            Counted.calls += 1
            return pattern.fullmatch(*args)

    monkeypatch.setattr(values, "_TN_NUMBER", Counted())
    assert [kenmerk_number(v) for v in ("243310", 243310, "007")] == [243310, 243310, 7] and Counted.calls == 0
    assert kenmerk_number("TN243310") == 243310 and Counted.calls == 1
