"""Published amounts become exact integer cents; the printed text is kept; placeholders are flagged."""

from decimal import Decimal

import pytest

from tenderarchive.awards.amounts import cents_to_text, currency_code, excl_vat_first, includes_vat, parse_amount, to_cents


@pytest.mark.parametrize("text, currency, cents, code", [
    ("€ 1.234.567,89", None, 123456789, "EUR"),            # dot groups, decimal comma
    ("EUR 1234567.89", None, 123456789, "EUR"),            # no groups, decimal point
    ("800 000", "Euro", 80000000, "EUR"),                   # eForms: number span + currency span
    ("3 583 200 EUR", None, 358320000, "EUR"),             # older label set: currency inside the value
    ("1 800 000,00", None, 180000000, None),                # standard form, currency on a later line
    ("1 234 567.89 Euro", None, 123456789, "EUR"),
    ("1\u2008234\u2008567,50", None, 123456750, None),      # PDF punctuation spaces
    ("1\u00a0250\u202f000", "Euro", 125000000, "EUR"),     # no-break and narrow no-break spaces
    ("Waarde: 2.500.000 EUR excl. btw", None, 250000000, "EUR"),
    ("1,5 miljoen euro", None, 150000000, "EUR"),
    ("800.000", "Pond sterling", 80000000, "GBP"),
])
def test_amounts_are_exact_cents_with_the_printed_text_kept(text, currency, cents, code):
    amount = parse_amount(text, currency)
    assert amount.cents == cents and isinstance(amount.cents, int)
    assert amount.currency == code
    assert amount.raw == text
    assert not amount.placeholder and not amount.problems
    # a value in another currency is not a euro amount: no cents to store or sum (reference §2.4, §4)
    assert amount.value_cents == (cents if code in (None, "EUR") else None)


def test_decimal_text_is_exact_never_a_rounded_float():
    amount = parse_amount("€ 12.345.678.901,23")
    assert amount.decimal == "12345678901.23"
    assert to_cents(0.1) + to_cents(0.2) == 30              # floats go through repr: 0.1 → 10 cents
    assert to_cents(Decimal("2300000.5")) == 230000050
    assert cents_to_text(-5) == "-0.05"


@pytest.mark.parametrize("text", ["0", "1", "1,00 EUR", "999,99", "€0"])
def test_zero_and_amounts_under_a_thousand_euro_are_placeholders(text):
    amount = parse_amount(text)
    assert amount.placeholder
    assert amount.value_cents is None          # stored as NULL …
    assert amount.cents is not None and amount.raw == text  # … with the number and text kept


@pytest.mark.parametrize("text", [None, "", "  ", "-", "niet gepubliceerd", "n.v.t."])
def test_missing_values_are_missing_not_zero(text):
    amount = parse_amount(text)
    assert amount.missing and amount.cents is None and amount.value_cents is None and not amount.placeholder


@pytest.mark.parametrize("text, low, high", [
    ("Laagste offerte: 1,00 / Hoogste offerte: 2,00 meegerekend", 100, 200),
    ("Laagste offerte: 173400 en hoogste offerte: 223995 Munt: EUR", 17340000, 22399500),
    ("€ 100.000 - € 200.000", 10000000, 20000000),
    ("100.000 tot 250.000 euro", 10000000, 25000000),
])
def test_ranges_give_low_and_high_and_no_single_value(text, low, high):
    amount = parse_amount(text)
    assert (amount.low_cents, amount.high_cents) == (low, high)
    assert amount.is_range and amount.cents is None and amount.value_cents is None


def test_text_without_an_amount_is_a_problem_not_an_exception():
    amount = parse_amount("zie bijlage")
    assert amount.cents is None and amount.problems and not amount.missing


def test_currency_names_of_the_eforms_code_list():
    assert [currency_code(c) for c in ("Euro", "EUR", "€", "Pond sterling", "US-dollar", "Gulden")] == \
        ["EUR", "EUR", "EUR", "GBP", "USD", None]


@pytest.mark.parametrize("text, currency, code", [
    ("800 000", "Pound sterling", "GBP"),        # the SDK's English name (an English rendering)
    ("800 000", "US dollar", "USD"),
    ("800 000", "Poolse zloty", "PLN"),         # a currency outside the SDK names listed here (CLDR)
    ("800 000", "Japanese Yen", "JPY"),
    ("800 000 PLN", None, "PLN"),               # an ISO code in capitals
    ("800 000", "Pfund Sterling", "GBP"),       # the SDK's German and French names (a German or French rendering)
    ("800 000", "Livre sterling", "GBP"),
    ("800 000", "Dollar des États-Unis", "USD"),
    ("800 000", "Couronne suédoise", "SEK"),
    ("800 000", "Zloty polonais", "PLN"),       # CLDR's French name
    ("800 000", "Schweizer Franken", "CHF"),    # CLDR's German name
    ("800 000", "Schelpengeld", "Schelpengeld"),  # not known at all: its name, and a problem
])
def test_an_amount_in_any_other_currency_is_never_taken_for_euro(text, currency, code):
    """Reference §2.4/§4: amounts in another currency are not converted and not counted as euro. A currency
    name outside the Dutch SDK list ("Pound sterling" of an English rendering) was read as no currency,
    i.e. euro, and counted at face value. SYNTHETIC amounts."""
    amount = parse_amount(text, currency)
    assert (amount.cents, amount.currency, amount.value_cents) == (80000000, code, None)
    assert bool(amount.problems) == (code == "Schelpengeld")
    assert parse_amount("800 000", "Euro").value_cents == 80000000 and parse_amount("800 000").value_cents == 80000000


@pytest.mark.parametrize("text, code", [
    ("1.000.000 excl. btw", None),                 # the words amounts are written with name no currency
    ("1.000.000 excl. btw per jaar", None),
    ("1.000.000 PLN excl. btw", "PLN"),            # ... and do not hide one beside them
    ("800.000 Poolse zloty exclusief btw", "PLN"),
    ("geraamde waarde 500 000 Zwitserse frank", "CHF"),
])
def test_amount_words_are_not_searched_for_a_currency_name(text, code):
    """Text of only numbers and words such as "excl. btw" skips the search through every currency name
    and code Babel knows (≈ 0.1 ms an amount, bench/README); a currency written beside them is found."""
    assert currency_code(text) == code


@pytest.mark.parametrize("text, cents, low, high", [
    ("2,1 miljard euro", 210000000000, None, None),        # read "2,10 EUR": a placeholder
    ("€ 1,5 mld", 150000000000, None, None),
    ("250 duizend euro", 25000000, None, None),            # read "250 EUR": a placeholder
    ("tussen 1 en 2 miljoen", None, 100000000, 200000000),   # was € 1 to € 2
    ("1 - 1,5 mln euro", None, 100000000, 150000000),
    ("€ 1 miljoen - € 2 miljoen", None, 100000000, 200000000),  # was € 1 miljoen, "more than one number"
    ("€ 500.000 - € 1,2 miljoen", None, 50000000, 120000000),
])
def test_amounts_and_ranges_written_with_scale_words_are_read_at_their_scale(text, cents, low, high):
    """Values written the Dutch ways of a notice's free text: "miljard" and "duizend" as "miljoen" was, and a range
    whose scale word stands at its end (or at each end) has both ends at that scale."""
    amount = parse_amount(text)
    assert (amount.cents, amount.low_cents, amount.high_cents, amount.problems) == (cents, low, high, ())


@pytest.mark.parametrize("text, cents", [
    ("€ 25.000,- (zegge: vijfentwintig duizend euro)", 2500000),           # read € 25 miljoen
    ("€ 1.200.000,00 (één miljoen tweehonderd duizend euro)", 120000000),  # read € 1,2 biljoen
    ("€ 1,5 mln. per jaar", 150000000),
    ("€1,5mln", 150000000),
    ("Perceel 2: € 2 miljoen", 200000000),   # the figure read, where it stands, not its first look-alike
])
def test_a_scale_word_scales_only_the_number_it_follows(text, cents):
    """A notice writes its amount in words beside the figure ("zegge: ..."): the scale word of the words
    ("duizend", "miljoen") is no scale of the figure, which was multiplied by it wherever it stood."""
    assert parse_amount(text).cents == cents


@pytest.mark.parametrize("text", ["nihil", "€ nihil", "EUR nihil", "Nihil.", "nihil euro"])
def test_nihil_is_a_zero_placeholder_not_an_unreadable_amount(text):
    """The brief's "nihil" (nil, written where an amount is zero): it was "no amount in 'nihil'", a problem on the
    notice, and no amount. It is 0, flagged as a placeholder like "0" and "1,00", its text kept."""
    amount = parse_amount(text)
    assert (amount.cents, amount.placeholder, amount.value_cents, amount.raw, amount.problems) == (0, True, None, text, ())


@pytest.mark.parametrize("text, cents, low, high", [
    ("2 ton", 20000000, None, None),                       # read "2": a placeholder
    ("€ 3,5 ton", 35000000, None, None),                   # read "€ 3,50"
    ("3,5 ton euro", 35000000, None, None),
    ("€ 250k", 25000000, None, None),                      # read "€ 250"
    ("250 K", 25000000, None, None),
    ("k€ 1.200", 120000000, None, None),                   # thousands of euros; read "€ 1.200"
    ("€ 1,5 ton tot € 2 ton", None, 15000000, 20000000),   # read € 1,50, "more than one number"
    ("tussen 2 en 3 ton", None, 20000000, 30000000),
    ("200k - 300k", None, 20000000, 30000000),
    ("250 k€", 25000000, None, None),                      # read "€ 250" (a placeholder): "k€" after the number
    ("€ 250 k€", 25000000, None, None),
    ("250 kEUR", 25000000, None, None),
    ("200 kEUR - 300 kEUR", None, 20000000, 30000000),
])
def test_ton_and_k_are_read_at_their_scale(text, cents, low, high):
    """The Dutch value words of reference §2.4/§4 beside "miljoen" and "mln": "ton" is € 100.000 and "k" (or "k€")
    a thousand; "2 ton" was read as € 2 (a placeholder) and "€ 250k" as € 250."""
    amount = parse_amount(text)
    assert (amount.cents, amount.low_cents, amount.high_cents, amount.problems) == (cents, low, high, ())


@pytest.mark.parametrize("text, cents, period", [
    ("€ 500.000 per jaar", 50000000, "jaar"),
    ("€ 500.000,- excl. btw per jaar", 50000000, "jaar"),
    ("€ 1.000.000 /jaar", 100000000, "jaar"),
    ("€ 1.000.000 p.j.", 100000000, "jaar"),
    ("jaarlijks € 500.000", 50000000, "jaar"),
    ("€ 3,5 ton per jaar", 35000000, "jaar"),
    ("€ 20.000 per maand", 2000000, "maand"),
    ("€ 500.000 jaarlijks", 50000000, "jaar"),            # the adverb after the amount: was a total
    ("€ 20.000 maandelijks", 2000000, "maand"),
    ("500.000 € per jaar", 50000000, "jaar"),             # the euro sign between: was a total
    ("250 k€ per jaar", 25000000, "jaar"),
])
def test_a_rate_per_year_or_month_is_no_total_value(text, cents, period):
    """"per jaar" against "totaal" (reference §2.4, §8.7): a rate was stored as the contract's value and summed with
    the totals of other awards (a four-year contract of € 500.000 a year counted as € 500.000). The number and the
    text are kept, the period is named, and it is no value in cents."""
    amount = parse_amount(text)
    assert (amount.cents, amount.period, amount.value_cents, amount.raw) == (cents, period, None, text)
    assert [p for p in amount.problems if f"a rate per {period}" in p]


@pytest.mark.parametrize("text, cents, period", [
    ("€ 500.000 op jaarbasis", 50000000, "jaar"),
    ("€ 20.000 op maandbasis", 2000000, "maand"),
    ("€ 500.000 per kalenderjaar", 50000000, "jaar"),
    ("€ 500.000 per contractjaar", 50000000, "jaar"),
    ("€ 500.000 (per jaar)", 50000000, "jaar"),
    ("€ 500.000 (jaarlijks)", 50000000, "jaar"),
    ("€ 500.000 p/j", 50000000, "jaar"),
    ("€ 500.000 pj", 50000000, "jaar"),
    ("€ 500.000 per jr", 50000000, "jaar"),
    ("€ 500.000 excl. 21% btw per jaar", 50000000, "jaar"),
    ("€ 125.000 per kwartaal", 12500000, "kwartaal"),
    ("€ 250.000 per half jaar", 25000000, "halfjaar"),
    ("jaarwaarde € 500.000", 50000000, "jaar"),
])
def test_a_rate_in_other_dutch_words_is_no_total_value_either(text, cents, period):
    """The other ways Dutch notices write a rate ("op jaarbasis", "per kalenderjaar", "(per jaar)", "p/j", "per
    kwartaal", the VAT rate between amount and rate): each was read as the contract's total value and summed with
    the totals of other awards, as "per jaar" was before it was read as a rate (reference §4 "per-year values")."""
    amount = parse_amount(text)
    assert (amount.cents, amount.period, amount.value_cents, amount.raw) == (cents, period, None, text)
    assert [p for p in amount.problems if f"a rate per {period}" in p]


def test_a_rate_op_jaarbasis_with_its_total_beside_it_gives_the_total():
    amount = parse_amount("€ 500.000 op jaarbasis (totaal € 2.000.000)")
    assert (amount.value_cents, amount.period) == (200000000, None)


@pytest.mark.parametrize("text, cents", [
    ("€ 2.000.000 excl. btw", 200000000), ("€ 1,2 mln (totaal)", 120000000), ("800 000", 80000000),
    ("€ 2.400.000 (€ 600.000 per jaar)", 240000000),   # the total read; the rate belongs to the second number
])
def test_a_total_value_is_no_rate(text, cents):
    assert (parse_amount(text).period, parse_amount(text).value_cents) == (None, cents)


@pytest.mark.parametrize("text", ["€ 1.210.000 incl. btw", "1 210 000 EUR inclusief BTW", "EUR 1,210,000 including VAT"])
def test_an_amount_including_vat_says_so(text):
    """"excl. btw" against "incl. btw" (reference §2.4; the archive's values are without VAT, eForms BT-720 and the
    older forms' V.2.4 "exclusief btw"): an amount printed with VAT was stored without a word; it is kept as printed
    and the problem names it, as the older forms' "Met BTW" is."""
    amount = parse_amount(text)
    assert amount.cents == 121000000 and [p for p in amount.problems if "includes VAT" in p]
    assert not [p for p in parse_amount("€ 1.210.000 excl. btw").problems if "VAT" in p]


@pytest.mark.parametrize("text, cents, period", [
    ("€ 100.000 voor de jaren 2025-2027", 10000000, None),   # was a "range" € 20,25 – € 20,27
    ("€ 100.000 (2025 - 2027)", 10000000, None),
    ("2025-2027: € 300.000", 30000000, None),
    ("periode 2024-2026 € 1.200.000 excl. btw", 120000000, None),
    ("€ 1.000.000 over 2025–2028", 100000000, None),
    ("2025 t/m 2027 EUR 400.000", 40000000, None),
    ("€ 300.000 per jaar 2025-2027", 30000000, "jaar"),       # a rate still, its years no money
    ("€ 50.000 in 2025", 5000000, None),                      # one year: no "more than one number"
    ("€ 500.000 (01-01-2025 t/m 31-12-2027)", 50000000, None),  # dates: was the "range" € 0,01 – € 0,01
    ("€ 500.000 van 1 januari 2025 tot 31 december 2027", 50000000, None),
    ("€ 500.000, ingangsdatum 2025-01-01", 50000000, None),
    ("tussen 2025 en 2027 € 100.000", 10000000, None),       # "tussen … en …" of years
])
def test_years_beside_an_amount_are_no_range_of_money(text, cents, period):
    """A span of years dates the amount (the known leftover of round 9): "€ 100.000 voor de jaren 2025-2027" was
    read as the range 2025 – 2027 in cents, so the € 100.000 was lost and the award had no value."""
    amount = parse_amount(text)
    assert (amount.cents, amount.low_cents, amount.high_cents, amount.period) == (cents, None, None, period)
    assert not [p for p in amount.problems if "more than one number" in p]


@pytest.mark.parametrize("text, low, high", [
    ("€ 2000 - 2010", 200000, 201000),         # a currency on the low end: money
    ("2010-2020 euro", 201000, 202000),        # a currency on the high end: money
    ("€ 1500 - 2000", 150000, 200000),
    ("2.000-3.000 euro", 200000, 300000),
    ("tussen 2000 en 2010 euro", 200000, 201000),
])
def test_ranges_of_money_that_look_like_years_stay_ranges(text, low, high):
    amount = parse_amount(text)
    assert (amount.cents, amount.low_cents, amount.high_cents) == (None, low, high)


@pytest.mark.parametrize("text, cents", [
    ("€ 100.000 per jaar, totaal € 400.000", 40000000),
    ("€ 100.000 per jaar (in totaal € 400.000)", 40000000),
    ("€ 100.000 per jaar, totale waarde € 400.000 excl. btw", 40000000),
    ("jaarlijks € 100.000, totaal € 400.000", 40000000),
    ("€ 100.000 per jaar; totaal € 1,2 miljoen", 120000000),
])
def test_a_rate_with_its_total_beside_it_gives_the_total(text, cents):
    """The rate form with its total (reference §2.4, §8.7): the rate was read and, being a rate, gave no value,
    so the total printed beside it was lost. The total is the value; the problems say a rate stood beside it."""
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents, amount.period) == (cents, cents, None)
    assert [p for p in amount.problems if "a rate per jaar and a total" in p]


@pytest.mark.parametrize("text", ["€ 100.000 per jaar, totaal 4 jaar",          # a duration, not a total
                                  "€ 100.000 per jaar, 4 jaar totaal",
                                  "€ 100.000 per jaar, totaal € 50.000",         # a "total" under the rate
                                  "€ 100.000 per jaar, € 50.000 totaal",
                                  "€ 100.000 per jaar, totaal € 300.000 per jaar"])
def test_no_total_beside_a_rate_leaves_the_rate(text):
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents, amount.period) == (10000000, None, "jaar")


def test_an_amount_including_vat_at_a_rate_says_so():
    """"incl. 21% btw": the VAT rate between the words hid that the amount includes VAT (reference §2.4)."""
    amount = parse_amount("€ 2.300.000,50 incl. 21% btw")
    assert amount.cents == 230000050 and [p for p in amount.problems if "includes VAT" in p]


@pytest.mark.parametrize("text, currency", [
    ("2.178.000 incl. BTW (1.800.000 excl. BTW)", None),           # the inclusive first: it was read
    ("€ 1.800.000 exclusief btw, € 2.178.000 inclusief btw", "EUR"),  # the exclusive read, but "includes VAT"
    ("€ 2.178.000 inclusief 21% btw, € 1.800.000 exclusief btw", "EUR"),
    ("excl. btw: € 1.800.000; incl. btw: € 2.178.000", "EUR"),      # each marker before its amount
    ("incl. btw € 2.178.000 (excl. btw € 1.800.000)", "EUR"),
    ("€ 1.800.000 (excl. btw), incl. btw € 2.178.000", "EUR"),
    ("1.800.000 GBP excl. VAT, 2.178.000 GBP incl. VAT", "GBP"),
])
def test_an_amount_printed_exclusive_and_inclusive_of_vat_is_read_exclusive_of_it(text, currency):
    """The archive's values are exclusive of VAT (eForms BT-720, the older forms' V.2.4 "exclusief btw"; reference
    §2.3, §3.1), as :func:`excl_vat_first` keeps for a value printed twice on two lines. Printed twice in one text, the
    first number was read: "2.178.000 incl. BTW (1.800.000 excl. BTW)" kept the VAT-inclusive € 2.178.000, and "€
    1.800.000 exclusief btw, € 2.178.000 inclusief btw" kept the right amount with a problem saying it included VAT
    (and :func:`includes_vat` said so too, so the amount lost to an exclusive one printed elsewhere). The exclusive
    amount is read in whichever order and however the markers stand, the text kept as printed, the note saying both
    were printed; an amount printed with VAT alone still says it includes VAT."""
    amount = parse_amount(text)
    assert (amount.cents, amount.currency, amount.raw) == (180000000, currency, text)
    assert not [p for p in amount.problems if "includes VAT" in p], amount.problems
    assert [p for p in amount.problems if "exclusive and inclusive of VAT" in p]
    assert not includes_vat(amount)
    alone = parse_amount("€ 2.178.000 incl. btw")
    assert includes_vat(alone) and excl_vat_first(amount, alone) is amount and excl_vat_first(alone, amount) is amount


@pytest.mark.parametrize("text", [
    "2024: € 100.000 excl. btw (€ 121.000 incl. btw); 2025: € 120.000 excl. btw (€ 145.200 incl. btw)",
    "2024 € 100.000 excl. btw / € 121.000 incl. btw, 2025 € 120.000 excl. btw / € 145.200 incl. btw",
])
def test_values_per_year_each_printed_exclusive_and_inclusive_of_vat_sum_the_exclusive_ones(text):
    """Reference §4 (values given per year) with each year's value printed both ways: the first year's € 100.000 was
    read alone (the years not summed, the other numbers taken for VAT), with a problem saying it included VAT. The
    years' amounts exclusive of VAT are summed, € 220.000, as the same list printed without VAT is."""
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents, includes_vat(amount)) == (22000000, 22000000, False), amount.problems
    assert [p for p in amount.problems if p.startswith("values per year (2024, 2025) summed")]
    assert not [p for p in amount.problems if "includes VAT" in p]


@pytest.mark.parametrize("text", ["2024: € 121.000 incl. btw; 2025: € 145.200 incl. btw",
                                  "2024: € 121.000 (incl. btw), 2025: € 145.200 (incl. btw)",
                                  "€ 121.000 incl. btw (2024), € 145.200 incl. btw (2025)"])
def test_values_per_year_each_including_vat_are_summed_and_said_to_include_it(text):
    """Reference §4 (values given per year): a list of values per year is summed with each year's "excl. btw", but
    one with each year's "incl. btw" was no list: the first year's € 121.000 was read alone as the contract's value.
    The years are summed, € 266.200, and the value said to include VAT, as one amount printed "incl. btw" is; a list
    some of whose years include VAT and some not is not summed (no one basis)."""
    amount = parse_amount(text)
    assert (amount.cents, includes_vat(amount)) == (26620000, True)
    assert [p for p in amount.problems if p.startswith("values per year (2024, 2025) summed")]
    assert [p for p in amount.problems if "includes VAT" in p]
    mixed = parse_amount("2024: € 100.000 excl. btw; 2025: € 145.200 incl. btw")
    assert not [p for p in mixed.problems if "summed" in p or "exclusive and inclusive" in p], mixed.problems


def test_an_amount_printed_exclusive_and_inclusive_of_vat_keeps_its_range_and_rate():
    """The exclusive part of such a text is read as any amount: a range stays a range, a rate a rate."""
    ranged = parse_amount("tussen € 1 en 2 miljoen excl. btw (€ 1,21 - 2,42 mln incl. btw)")
    assert (ranged.low_cents, ranged.high_cents, includes_vat(ranged)) == (100000000, 200000000, False)
    rate = parse_amount("€ 500.000 excl. btw per jaar (€ 605.000 incl. btw per jaar)")
    assert (rate.cents, rate.period, rate.value_cents) == (50000000, "jaar", None)


@pytest.mark.parametrize("text, cents, years", [
    ("2024: € 100.000; 2025: € 120.000", 22000000, "2024, 2025"),     # the known leftover: was € 20,24
    ("2024: € 100.000, 2025: € 120.000", 22000000, "2024, 2025"),
    ("2024 € 100.000 / 2025 € 120.000", 22000000, "2024, 2025"),
    ("2024: 100.000 euro\n2025: 120.000 euro", 22000000, "2024, 2025"),
    ("2024: € 100.000 en 2025: € 120.000", 22000000, "2024, 2025"),
    ("Jaar 1: € 100.000; jaar 2: € 120.000", 22000000, "jaar 1, jaar 2"),   # was € 1
    ("€ 100.000 (2024), € 120.000 (2025)", 22000000, "2024, 2025"),  # was € 100.000, the rest unread
    ("2024: € 1,2 miljoen; 2025: € 1,3 miljoen", 250000000, "2024, 2025"),
])
def test_values_per_year_in_a_list_are_the_sum_of_the_years(text, cents, years):
    """Values per year in a list (a value cell of an award notice, reference §2.4 and §8.7: keep the printed text,
    never guess): its first year was read as the amount (€ 20,24, a placeholder: the award had no value) and the
    rest reported as "more than one number". The years' values together are the contract's; the problems say
    they were summed."""
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents, amount.currency, amount.raw) == (cents, cents, "EUR", text)
    assert amount.problems == (f"values per year ({years}) summed: {text!r}",)


@pytest.mark.parametrize("text, cents", [("2024: € 100.000", 10000000),      # was € 2.024, no placeholder
                                         ("2024 € 100.000", 10000000),
                                         ("Jaar 1: € 100.000", 10000000)])   # was € 1
def test_one_year_written_before_its_value_is_no_amount(text, cents):
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents) == (cents, cents)
    assert [p for p in amount.problems if p.startswith("the value of ")]


@pytest.mark.parametrize("text", ["2024: € 100.000; 2024: € 120.000",   # a year twice: no list of years
                                  "2024: € 100.000; € 50.000 per jaar",  # a rate among them
                                  "2024: € 100.000 - € 120.000; 2025: € 130.000"])  # a range among them
def test_what_is_no_list_of_values_per_year_is_not_summed(text):
    assert not [p for p in parse_amount(text).problems if p.startswith("values per year")]


@pytest.mark.parametrize("text, cents", [("Totaal 2024: € 1.000.000", 100000000),   # was € 2.024
                                         ("Raming 2025: € 3 miljoen", 300000000),    # was € 2.025
                                         ("Geraamde waarde 2025: 250.000 euro", 25000000)])
def test_a_year_ending_a_label_before_its_value_is_no_amount(text, cents):
    """A year written before a value was read as the amount only where the text began with it ("2024: € 100.000",
    round 11); behind a word of its label ("Totaal 2024: € 1.000.000", "Raming 2025: € 3 miljoen") it was still
    the value, € 2.024 for € 1.000.000. A year and a colon before an amount that follows date that amount."""
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents) == (cents, cents)


@pytest.mark.parametrize("text, cents", [
    ("1'234'567.50 CHF", 123456750),      # Swiss grouping (de-CH, fr-CH), plain apostrophe
    ("1’234’567.50 EUR", 123456750),      # ... typographic apostrophe: read as € 1 before
    ("€ 2’500’000", 250000000),
])
def test_thousands_grouped_with_apostrophes_are_one_number(text, cents):
    """Values with the thousands separator of another locale (the Swiss apostrophe): "1’234’567.50" was read as
    1 (a placeholder) with "more than one number", and "1'234'567.50" read right but said to hold more than one
    number. SYNTHETIC amounts."""
    amount = parse_amount(text)
    assert (amount.cents, amount.problems) == (cents, ())


@pytest.mark.parametrize("text, cents, period", [
    ("3.5 million EUR", 350000000, None),
    ("EUR 3.5 million", 350000000, None),
    ("€ 3 million", 300000000, None),
    ("3,5 Millionen Euro", 350000000, None),
    ("1,2 milliard d'euros", 120000000000, None),
    ("€ 1.5 billion", 150000000000, None),
    ("EUR 250 thousand", 25000000, None),
    ("EUR 3.5 million per year", 350000000, "jaar"),
    ("€ 250.000 per annum", 25000000, "jaar"),
    ("€ 20.000 per month", 2000000, "maand"),
    ("€ 250.000 pro Jahr", 25000000, "jaar"),
    ("250 000 EUR par an", 25000000, "jaar"),
    ("€ 3 million annually", 300000000, "jaar"),
])
def test_scale_and_rate_words_of_english_german_and_french_amounts_are_read(text, cents, period):
    """Reference §2.1 (renderings come in the notice's own language: English, German and others) and §2.4 (values
    written in several ways). "3.5 million EUR" was € 3,50 (a placeholder: the scale word was Dutch only), and
    "€ 250.000 per annum" a total, summed with the contract values. The English, German and French scale words
    scale the number; their rate words make it a rate (no ``value_cents``), as "per jaar" does."""
    amount = parse_amount(text)
    assert (amount.cents, amount.currency, amount.period) == (cents, "EUR", period)
    assert amount.value_cents == (None if period else cents)


@pytest.mark.parametrize("text, cents", [
    ("Perceel 2: € 300.000", 30000000),
    ("Perceel 1: 500.000 euro", 50000000),
    ("Looptijd 3 jaar: € 300.000", 30000000),
    ("48 maanden: € 2.000.000", 200000000),
    ("Raamovereenkomst 2 jaar, € 800.000", 80000000),
    ("Perceel 2: € 1,5 mln", 150000000),
    ("3 jaar: 250 k€", 25000000),
    ("Perceel 12 € 45.000,50", 4500050),      # the euro sign between the numbers is the second's: was no amount
    ("Opdracht 1 EUR 500.000", 50000000),
])
def test_a_number_before_the_amount_written_with_its_currency_is_no_money(text, cents):
    """Values written in several ways (reference §2.4): a lot's number or a duration before the amount that carries
    the currency ("Perceel 2: € 300.000") was read as the value, € 2,00, a placeholder, and the € 300.000 lost. The
    number written with its currency is the amount; the other number is named in the problems."""
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents) == (cents, cents)
    assert [p for p in amount.problems if p.startswith("more than one number")]


def test_the_total_written_with_its_currency_first_stays_the_value_beside_a_later_one():
    assert parse_amount("1.000.000 Euro (€ 250.000 per jaar)").value_cents == 100000000


def test_a_rate_after_a_lots_number_is_still_a_rate():
    amount = parse_amount("Perceel 2: € 300.000 per jaar")
    assert (amount.cents, amount.period, amount.value_cents) == (30000000, "jaar", None)


@pytest.mark.parametrize("text, low, high", [
    ("between 100 000 and 200 000 Euro", 10000000, 20000000),        # an English rendering (reference §2.1)
    ("from 100 000 to 200 000 Euro", 10000000, 20000000),
    ("zwischen 100 000 und 200 000 Euro", 10000000, 20000000),        # German, French renderings occur
    ("entre 100 000 et 200 000 Euro", 10000000, 20000000),
    ("tussen de 1 en 2 miljoen euro", 100000000, 200000000),
    ("minimaal € 100.000 en maximaal € 200.000", 10000000, 20000000),
    ("min. € 100.000 max. € 200.000", 10000000, 20000000),
    ("€ 100.000,- tot € 200.000,-", 10000000, 20000000),             # whole euros with a dash for the cents
])
def test_a_range_in_other_words_is_a_range_not_one_of_its_ends_as_the_value(text, low, high):
    """Reference §4 (ranges: neither end is the award value) and the brief's "tussen … en …": a range written
    in English, German or French words, "tussen de …", with its ends named minimaal/maximaal, or with whole euros
    written ",-" was read as one of its ends, in cents ("between 100 000 and 200 000" was € 200.000 and "tussen de 1
    en 2 miljoen" € 1, a placeholder), a value summed as an award's. SYNTHETIC texts."""
    amount = parse_amount(text)
    assert (amount.value_cents, amount.low_cents, amount.high_cents, amount.currency) == (None, low, high, "EUR")


def test_whole_euros_with_a_dash_for_the_cents_are_that_amount():
    assert parse_amount("€ 100.000,-").value_cents == parse_amount("€ 100.000,--").value_cents == 10000000


@pytest.mark.parametrize("text, cents", [
    ("jaarlijks € 2,4 mln, totaal over 4 jaar € 9,6 mln", 960000000),
    ("€ 2,4 mln per jaar, totaal over 4 jaar: € 9,6 mln", 960000000),
    ("€ 2.400.000 per jaar (totaal voor 4 jaar € 9.600.000)", 960000000),
    ("€ 600.000 per jaar, in totaal (2+1+1 jaar) € 2.400.000", 240000000),
    ("€ 2,4 mln per jaar, totaal voor de looptijd van 4 jaar € 9,6 mln", 960000000),
    ("€ 2,4 mln per jaar gedurende 4 jaar = € 9,6 mln", 960000000),
    ("€ 2,4 mln per jaar; € 9,6 mln in totaal", 960000000),      # the word after the total
    ("€ 2,4 mln per jaar (€ 9,6 mln totaal)", 960000000),
])
def test_a_rate_with_its_total_over_the_contracts_years_gives_the_total(text, cents):
    """Reference §4 (values given per year vs a total) and §8.7: a rate whose total names the years it covers
    ("totaal over 4 jaar € 9,6 mln", "gedurende 4 jaar = € 9,6 mln") was read as the rate alone, no value: the total
    printed beside it was lost from the award and every sum. The total is the value; the rate is said."""
    amount = parse_amount(text)
    assert (amount.cents, amount.value_cents, amount.period) == (cents, cents, None)
    assert [p for p in amount.problems if "a rate per jaar and a total" in p]


@pytest.mark.parametrize("text", ["4 jaar à € 2,4 mln", "2 jaren a € 500.000"])
def test_years_at_an_amount_each_is_a_rate(text):
    """"4 jaar à € 2,4 mln" (four years at € 2,4 mln each) was read as a total value of € 2,4 mln, a quarter of the
    contract's, and summed with the totals of other awards. It is a rate per year (no total beside it: no value)."""
    amount = parse_amount(text)
    assert (amount.value_cents, amount.period) == (None, "jaar")


@pytest.mark.parametrize("text, cents, period", [
    ("€ 5.000 per cliënt", 500000, "cliënt"),
    ("€ 12.500 per client", 1250000, "cliënt"),
    ("€ 4.500 per traject", 450000, "traject"),
    ("EUR 2.750,00 per jeugdige", 275000, "jeugdige"),
    ("€ 1.250 per cliënt per maand", 125000, "cliënt"),
    ("€ 85 per cliënt", 8500, "cliënt"),
])
def test_a_rate_per_client_or_care_path_is_no_total_value(text, cents, period):
    """Youth care is priced per client or per care path ("trajectprijs"): "€ 5.000 per cliënt" was read as a contract
    of € 5.000, summed with the totals of other awards and said on the timeline as "voor € 5.000,00", as "per jaar"
    was before it was read as a rate. The number and the text are kept, the unit is named, no value in cents."""
    amount = parse_amount(text)
    assert (amount.cents, amount.period, amount.value_cents, amount.raw) == (cents, period, None, text)
    assert [p for p in amount.problems if f"a rate per {period}" in p]


def test_a_rate_per_client_with_its_total_beside_it_gives_the_total():
    assert (parse_amount("€ 5.000 per cliënt, totaal € 400.000").value_cents,
            parse_amount("€ 5.000 per cliëntsysteem").period) == (40000000, None)
