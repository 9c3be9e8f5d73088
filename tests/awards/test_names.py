"""One organisation across the ways its name is written; the KvK number wins where known."""

import pytest

from tenderarchive.awards.names import (kvk_number, split_address, kvk_only, lot_keys, name_key, organisation_key, same_organisation,
                                        split_name)


@pytest.mark.parametrize("variant", [
    "Stichting Jeugdhulp Noord", "Jeugdhulp Noord B.V.", "jeugdhulp noord bv", "St. Jeugdhulp Noord",
    "JEUGDHULP NOORD", "Jeugdhulp  Noord BV.", "[ Jeugdhulp Noord B.V. ] ---", "Coöperatie Jeugdhulp Noord U.A.",
    # the legal form after the name, as a register sorted by name writes it (reference §4: "Stichting …")
    "Jeugdhulp Noord, Stichting", "Jeugdhulp Noord (Stichting)", "Jeugdhulp Noord, stichting.", "Jeugdhulp Noord, B.V.",
])
def test_name_variants_fold_to_one_key(variant):
    assert name_key(variant) == "jeugdhulp noord"


@pytest.mark.parametrize("one, other", [
    ("Zorg & Co B.V.", "Zorg en Co BV"), ("Jansen & Co", "Jansen en Co."),
    ("Jeugd & Gezin Coöperatie U.A.", "Jeugd en Gezin U.A."), ("Jeugd en Gezin Cooperatieve Vereniging", "Jeugd & Gezin"),
])
def test_an_ampersand_or_a_cooperative_written_out_is_the_same_organisation(one, other):
    """Reference §4 "Same organisation, spelled differently" (ampersands; "Coöperatie … U.A."): "X & Co" lost "& Co"
    to cleanco, "X en Co" only its "Co" and kept an "en" ("x en"); "X Coöperatie U.A." kept "cooperatie". Each pair
    was two providers in `aanbieders`."""
    assert name_key(one) == name_key(other)


def test_a_kvk_number_after_its_label_is_read_beside_a_longer_number():
    """"KvK-nummer: 01234567, vestigingsnummer 000012345678": the 12-digit branch number beside it made the whole
    text "no KvK number" (a longer number is an RSIN or foreign id), and the winner lost its number; after its label
    (reference §7, IJ: "KVK …" followed by 8 digits) it is the KvK number."""
    assert kvk_number("KvK-nummer: 01234567, vestigingsnummer 000012345678") == "01234567"
    assert kvk_number("Handelsregister 0123 4567 (RSIN 812345678)") == "01234567"
    assert kvk_number("KvK 123456789") is None and kvk_number("RSIN 812345678") is None


@pytest.mark.parametrize("registration", [
    "01234567 (vestigingsnummer 000012345678)", "01234567, vestigingsnr. 0000 1234 5678",
    "0123 4567 / Vestigingsnummer: 0000.1234.5678", "Vestigingsnummer 000012345678, 01234567",
    "01234567 (RSIN 812345678)", "0123 4567, btw-nummer NL812345678B01", "01234567; branch number 000012345678",
])
def test_a_kvk_number_without_its_label_is_read_beside_another_registers_labelled_number(registration):
    """The value of section 8's "Registratienummer" (reference §2.3) or the older form's "Nationale identificatie"
    (§3.1) carries no KvK label of its own: the label is in the row's other cell. Written there beside the
    organisation's labelled branch number (vestigingsnummer), RSIN or VAT number, the 8 digits were "no KvK number"
    (a longer number beside them), so the winner lost its number and was ``name:…`` in one notice and
    ``kvk:01234567`` in the next (reference §4: the KvK number is 8 digits; foreign winners have other ids)."""
    assert kvk_number(registration) == "01234567"


def test_a_longer_number_beside_eight_digits_without_a_label_is_still_no_kvk_number():
    """Without its label a longer number may be the id the 8 digits are part of: nothing is read, as before."""
    for text in ("01234567 000012345678", "vestigingsnummer 000012345678", "NL812345678B01", "KvK 123456789"):
        assert kvk_number(text) is None, text


@pytest.mark.parametrize("text, kvk", [
    ("0123 4567", "01234567"), ("KvK-nummer: 0123.4567", "01234567"), ("(01234567)", "01234567"),
    ("01234567 (vestigingsnummer 000012345678)", "01234567"), ("Jeugdzorg 2000 B.V.", None),
    ("Stichting 01234567", None), ("01234567 000012345678", None), ("123 456 789", None), (None, None),
])
def test_an_identifier_is_a_kvk_number_only_when_it_is_written_alone(text, kvk):
    """An id that is a KvK number or else a name (reference §6.3's supplier id) gives the number only when it
    holds nothing else: a name with digits in it is a name."""
    assert kvk_only(text) == kvk


def test_different_organisations_keep_different_keys():
    assert not same_organisation("Jeugdhulp Noord", "Jeugdhulp Zuid")
    assert name_key("Jeugd & Gezin") == name_key("Jeugd en Gezin") == "jeugd en gezin"
    assert name_key("Zorggroep Öost") == "zorggroep oost"
    assert name_key("") is None and name_key(None) is None


@pytest.mark.parametrize("text, kvk", [
    ("01234567", "01234567"), ("KvK 01234567", "01234567"), ("NL 09876543", "09876543"),
    ("0123 4567", "01234567"), ("123456789", None), ("NL001234567B01", None), ("", None), (None, None),
])
def test_kvk_numbers_are_eight_digits_kept_as_text(text, kvk):
    assert kvk_number(text) == kvk


def test_the_kvk_number_is_the_key_where_known():
    assert organisation_key("Stichting Kompas", "11223344") == organisation_key("Kompas B.V.", "KvK 11223344") \
        == "kvk:11223344"
    assert organisation_key("Stichting Kompas") == organisation_key("kompas bv") == "name:kompas"
    assert organisation_key(None) is None


@pytest.mark.parametrize("ids, keys", [
    # eForms, older forms and OCDS packages name one lot three ways: one key
    (["LOT-0001", "LOT-0002", "LOT-0001, LOT-0002"], ["1", "2", "1, 2"]),
    (["1", "02", "Perceel A"], ["1", "2", "Perceel A"]),
    (["LOT-0000"], ["1"]),                                   # a procedure not divided into lots: its one lot
    (["LOT-0000", "LOT-0001"], ["LOT-0000", "LOT-0001"]),    # numbered from LOT-0000: not perceel numbers
    (["GLO-0001", "lot-0003"], ["GLO-0001", "3"]),
])
def test_lot_ids_of_every_source_have_one_key(ids, keys):
    assert list(lot_keys(ids).values()) == keys


def test_a_name_is_folded_once_however_often_it_is_named(monkeypatch):
    """Issue 14: an award notice names its winners lot after lot (and again in section 8), and the
    procedure's other notices name them again; cleanco's basename (~0.3 ms a name) runs once a name."""
    from tenderarchive.awards import names

    folded = []
    original = names.basename

    def counting(text):
        folded.append(text)
        return original(text)

    monkeypatch.setattr(names, "basename", counting)
    names.name_key.cache_clear()
    try:
        keys = [name_key(n) for n in ["Stichting Jeugdhulp Zuid B.V.", "Zorgaanbieder Oost", "Stichting Jeugdhulp Zuid B.V."] * 3]
        assert keys == ["jeugdhulp zuid", "zorgaanbieder oost", "jeugdhulp zuid"] * 3
        once = len(folded)
        assert name_key("Zorgaanbieder Oost") == "zorgaanbieder oost" and len(folded) == once
        assert name_key("Zorgaanbieder West") == "zorgaanbieder west" and len(folded) > once
    finally:
        names.name_key.cache_clear()


@pytest.mark.parametrize("printed, legal, trade, kvk", [
    ("Jeugdhulp Noord B.V. h.o.d.n. Kindzorg", "Jeugdhulp Noord B.V.", "Kindzorg", None),
    ("Jeugdhulp Noord B.V., handelend onder de naam Kindzorg Oost", "Jeugdhulp Noord B.V.", "Kindzorg Oost", None),
    ("Stichting Jeugdhulp Noord (tevens handelend onder de naam Kindzorg)", "Stichting Jeugdhulp Noord", "Kindzorg", None),
    ("Jeugdhulp Noord BV h/o/d/n Kindzorg", "Jeugdhulp Noord BV", "Kindzorg", None),
    ("Jeugdhulp Noord B.V. t.h.o.d.n. Kindzorg B.V.", "Jeugdhulp Noord B.V.", "Kindzorg B.V.", None),
    ("Jeugdhulp Noord (KvK 12345678)", "Jeugdhulp Noord", None, "12345678"),
    ("Jeugdhulp Noord B.V., KvK-nummer: 01234567", "Jeugdhulp Noord B.V.", None, "01234567"),
    ("Stichting Thuis (h.o.d.n. Kindzorg), KvK 12345678", "Stichting Thuis", "Kindzorg", "12345678"),
    ("Stichting Honderd", "Stichting Honderd", None, None),          # "hodn" letters inside a word: no trade name
    ("h.o.d.n. Kindzorg", "h.o.d.n. Kindzorg", None, None),          # no legal name before it: left as printed
    ("Zorg onder de naam", "Zorg onder de naam", None, None),
])
def test_a_trade_name_and_a_kvk_number_in_the_name_are_split_off(printed, legal, trade, kvk):
    """"X B.V. h.o.d.n. Y" (handelend onder de naam) and "X (KvK 12345678)" were folded with Y and the number in
    the key: a second organisation for X. X is the organisation, Y its trade name, the number its KvK number."""
    assert split_name(printed) == (legal, trade, kvk)
    assert name_key(printed) == name_key(legal)


def test_the_kvk_number_in_a_name_is_the_key():
    assert organisation_key("Zorg West (KvK 12345678)") == "kvk:12345678"
    assert organisation_key("Jeugdhulp Noord B.V. h.o.d.n. Kindzorg") == organisation_key("Stichting Jeugdhulp Noord") \
        == "name:jeugdhulp noord"


@pytest.mark.parametrize("printed", [
    "Jeugdhulp Noord te Leiden", "Jeugdhulp Noord B.V. te Leiden", "JEUGDHULP NOORD B.V. TE LEIDEN",
    "Stichting Jeugdhulp Noord, gevestigd te Leiden", "Jeugdhulp Noord B.V. (statutair gevestigd in Driebergen)",
    "Jeugdhulp Noord, Leiden", "Jeugdhulp Noord B.V., Leiden", "Jeugdhulp Noord (Leiden)", "Jeugdhulp Noord - Leiden",
    "Stichting Jeugdhulp Noord, vestiging Alphen a/d Rijn", "Jeugdhulp Noord te 's-Hertogenbosch",
])
def test_a_seat_written_after_the_name_is_no_part_of_it(printed):
    """Reference §4 "Same organisation, spelled differently" (normalise for matching, keep the printed name): a winner
    written with its seat ("… te Leiden", ", gevestigd te …", ", Leiden", "(Leiden)") was an organisation of its own
    (``jeugdhulp noord b v te leiden``), and `aanbieders` listed it apart from the same winner without it."""
    assert name_key(printed) == name_key("Stichting Jeugdhulp Noord") == "jeugdhulp noord"


@pytest.mark.parametrize("printed, key", [
    ("Zorg te Huis", "zorg te huis"),  # "te" before a word that is no municipality: part of the name
    ("Jeugdhulp - Noord", "jeugdhulp noord"), ("Jeugdhulp Leiden", "jeugdhulp leiden"),
    ("Jeugdbescherming, regio Amsterdam", "jeugdbescherming regio amsterdam"), ("Stichting Leiden", "leiden"),
])
def test_words_after_a_name_that_are_no_seat_stay_in_it(printed, key):
    assert name_key(printed) == key


@pytest.mark.parametrize("printed, name, address", [
    ("Jeugdzorg Oost B.V., Stationsstraat 1, 3511 AB Utrecht", "Jeugdzorg Oost B.V.",
     ("Stationsstraat 1", "3511 AB", "Utrecht", None)),
    ("Jeugdzorg Oost B.V., Postbus 123 3500AA Utrecht", "Jeugdzorg Oost B.V.", ("Postbus 123", "3500AA", "Utrecht", None)),
    ("Jeugdzorg Oost, 3511 AB Utrecht", "Jeugdzorg Oost", (None, "3511 AB", "Utrecht", None)),
    ("Jeugdzorg Oost B.V., Oudegracht 12a, Utrecht", "Jeugdzorg Oost B.V.", ("Oudegracht 12a", None, "Utrecht", None)),
    ("Jugendhilfe Nord GmbH, Hauptstraße 5, D-28195 Bremen, Duitsland", "Jugendhilfe Nord GmbH",
     ("Hauptstraße 5", "D-28195", "Bremen", "Duitsland")),
    ("Zorgpunt Vlaanderen BV, Rue de la Loi 16, 1000 Brussel, België", "Zorgpunt Vlaanderen BV",
     ("Rue de la Loi 16", "1000", "Brussel", "België")),
])
def test_a_name_printed_with_its_address_in_one_line_is_the_name_and_the_address(printed, name, address):
    got_name, got = split_address(printed)
    assert (got_name, (got["street"], got["postcode"], got["place"], got["country"])) == (name, address)


@pytest.mark.parametrize("printed", ["Zorg, Welzijn en Wonen", "Zorggroep, 2000 Plus", "Jeugdzorg 2000",
                                     "Stichting Zorg, Welzijn 24 Uur Hulp", "Zorg 24/7, Amsterdam",
                                     "Jeugdzorg Oost B.V. Stationsstraat 1 3511 AB Utrecht"])
def test_words_and_numbers_of_a_name_that_are_no_address_stay_in_it(printed):
    assert split_address(printed) == (printed, None)


def test_a_street_line_is_read_in_linear_time():
    """A contractor's address line before 2016 (reference §3.2) read as a street ("Dorpsstraat 1") or none: on 100 KB
    of words and spaces that never end in a house number, or of numbers between words, in linear time."""
    from tenderarchive.awards.names import street_line
    from tests.speed import LINEAR, linear_time

    assert street_line(" Dorpsstraat  1 ") == "Dorpsstraat 1" and street_line("Postbus 12") == "Postbus 12"
    assert street_line("1234 AB Oudstad") is None and street_line("Stichting Jeugdzorg") is None
    for unit in ("straat ", "a 1 ", "Weg 12-", "\t \t"):
        assert linear_time(street_line, unit) < LINEAR, unit


def test_a_nuts_code_is_read_in_linear_time_and_only_as_a_code():
    """A winner's region (V.2.3 "NUTS-code:", eForms "Onderverdeling land (NUTS)") read as its NUTS code or none: the
    code as printed or within a name ("Utrecht (NL310)"), never an upper-case word ("NVT") or an unpublished field; on
    100 KB of capitals, spaces or digits in linear time."""
    from tenderarchive.awards.names import nuts_code
    from tests.speed import LINEAR, linear_time

    assert [nuts_code(v) for v in ("NL310", " UKE42 ", "Utrecht (NL310)", "DE21H", "NLZZZ", "NL")] == [
        "NL310", "UKE42", "NL310", "DE21H", "NLZZZ", "NL"]
    assert [nuts_code(v) for v in ("NVT", "niet gepubliceerd", "-", "", None, "NL-310", "nl310")] == [None] * 7
    for unit in ("ABCDE ", "NL", "1 ", "\t \t"):
        assert linear_time(nuts_code, unit) < LINEAR, unit


def test_a_country_however_written_is_its_iso_code_and_read_in_linear_time():
    """Reference §6.3 ("Country comes as ``address.countryName`` with values such as "Nederland" or "NL"; TDS and TH
    both normalise several spellings") and §2.3/§3.1 (section 8 and V.2.3 "Land:", in the rendering's language): one
    code per country, ISO 3166-1 alpha-2, for the names Dutch, English, German and French renderings print and for
    the code itself; a text naming no country (an unpublished field, a word) is none. On 100 KB in linear time."""
    from tenderarchive.awards.names import country_code
    from tests.speed import LINEAR, linear_time

    for printed in ("Nederland", "NL", "nl", "The Netherlands", "Netherlands (Kingdom of the)", "Niederlande",
                    "Pays-Bas", " nederland. ", "NLD"):
        assert country_code(printed) == "NL", printed
    assert [country_code(v) for v in ("België", "Belgium", "BE", "Belgique", "Duitsland", "Germany", "Deutschland",
                                      "DE", "Verenigd Koninkrijk", "UK", "Denemarken", "Belgium (BE)")] == [
        "BE", "BE", "BE", "BE", "DE", "DE", "DE", "DE", "GB", "GB", "DK", "BE"]
    assert [country_code(v) for v in ("niet gepubliceerd", "-", "", None, "Jeugdzorg", "XX", "Europa")] == [None] * 7
    for unit in ("Nederland ", "a", "NL ", "(", "\t"):
        assert linear_time(country_code, unit) < LINEAR, unit


def test_an_iso_alpha3_code_is_the_country_it_names_not_only_nld():
    """ISO 3166-1 alpha-3 codes (eForms' own country codes, ``country.BEL``; a converter or a TDS/TH-style consumer
    writes them for "Land"/``countryName``): "NLD" was read (as the Netherlands) and every other one was None, so a
    Belgian or German winner written "BEL"/"DEU" had no country code. Each is its alpha-2 code, written alone or in
    brackets after the name; a code of a country split since ("ANT", "SUN"), a user-assigned code ("ZZZ", "XXX",
    "QMM") and a three-letter word in capitals that is no code ("EUR", "BTW") name none."""
    from tenderarchive.awards.names import country_code

    assert [country_code(v) for v in ("BEL", "DEU", "GBR", "FRA", "DNK", "USA", "NLD", "België (BEL)",
                                      "Germany (DEU)")] == ["BE", "DE", "GB", "FR", "DK", "US", "NL", "BE", "DE"]
    assert [country_code(v) for v in ("ANT", "SUN", "ZZZ", "XXX", "QMM", "EUR", "BTW", "bel")] == [None] * 8
