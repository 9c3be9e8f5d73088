import csv
import re
from pathlib import Path

import pytest

from tenderarchive.analysis import places
from tenderarchive.analysis.places import find_municipalities

DATA = Path(__file__).resolve().parents[2] / "tenderarchive" / "data"


def _names(text, **kw):
    return {m["name"] for m in find_municipalities(text, **kw)["municipalities"]}


def _implied(text, **kw):
    return {m["name"] for m in find_municipalities(text, **kw)["implied_municipalities"]}


def test_municipalities_csv_has_342_gemeenten_with_valid_codes():
    rows = list(csv.DictReader(open(DATA / "municipalities.csv", encoding="utf-8")))
    assert len(rows) == 342
    assert len({r["cbs_code"] for r in rows}) == 342
    assert all(re.fullmatch(r"GM\d{4}", r["cbs_code"]) for r in rows)
    regions = {r["code"] for r in csv.DictReader(open(DATA / "jeugdregios.csv", encoding="utf-8"))}
    assert len(regions) == 42 and "JZ40" not in regions and {"JZ01", "JZ43"} <= regions
    assert {r["jeugdregio_code"] for r in rows} == regions


@pytest.mark.parametrize("name,code,jz", [
    ("Leiden", "GM0546", "JZ18"), ("Leiderdorp", "GM0547", "JZ18"), ("Oegstgeest", "GM0579", "JZ18"),
    ("Zoeterwoude", "GM0638", "JZ18"), ("Haarlem", "GM0392", "JZ11"), ("Velsen", "GM0453", "JZ10"),
    ("Beverwijk", "GM0375", "JZ10"), ("Heemskerk", "GM0396", "JZ10"), ("Bloemendaal", "GM0377", "JZ11"),
    ("Heemstede", "GM0397", "JZ11"), ("Zandvoort", "GM0473", "JZ11"), ("Heerlen", "GM0917", "JZ41"),
    ("Landgraaf", "GM0882", "JZ41"), ("Voerendaal", "GM0986", "JZ41"), ("Maassluis", "GM0556", "JZ29"),
    ("Vlaardingen", "GM0622", "JZ29"), ("Schiedam", "GM0606", "JZ29"),
])
def test_reference_municipalities_have_the_right_code_and_region(name, code, jz):
    rows = {r["name"]: r for r in csv.DictReader(open(DATA / "municipalities.csv", encoding="utf-8"))}
    assert (rows[name]["cbs_code"], rows[name]["jeugdregio_code"]) == (code, jz)


def test_typo_alias_maps_to_cbs_name():
    ms = find_municipalities("De gemeenten Maasluis, Vlaardingen en Schiedam publiceren.")["municipalities"]
    m = next(x for x in ms if x["name"] == "Maassluis")
    assert (m["cbs_code"], m["matched"]) == ("GM0556", "alias")


def test_subregion_acronyms_expand():
    assert _implied("De MVS-gemeenten kopen samen in.") == {"Maassluis", "Vlaardingen", "Schiedam"}
    assert _implied("De Leidse regio gunt de toegang.") == {"Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"}
    assert "Voorschoten" in _implied("De Leidse regio gunt de toegang.", year=2024)
    h10 = _implied("Het inkoopbureau H10 start een aanbesteding.")
    assert len(h10) == 10 and "'s-Gravenhage" in h10
    assert "Voorschoten" not in _implied("Het inkoopbureau H10 start een aanbesteding.", year=2025)


def test_subregions_of_the_regional_buyers_table_expand_to_their_members_of_that_year():
    """Sub-regions inside a jeugdregio, named instead of their towns: the ``subregio`` rows of
    ``regional_buyers.csv`` (sourced there), with their members in the text's year: Parkstad has
    Beekdaelen from its forming in 2019 on. Synthetic sentences."""
    parkstad = {"Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal"}
    assert _implied("De gemeenten in Parkstad kopen jeugdhulp samen in.", year=2017) == parkstad
    assert _implied("De Parkstadgemeenten kopen jeugdhulp samen in.", year=2021) == parkstad | {"Beekdaelen"}
    assert _implied("Jeugdhulp in de Westelijke Mijnstreek wordt opnieuw aanbesteed.", year=2020) == {
        "Beek (L.)", "Sittard-Geleen", "Stein (L.)"}
    assert _implied("Zuid-Drenthe koopt jeugdhulp in.", year=2020) >= {"Emmen", "Coevorden", "Hoogeveen"}
    [m] = [m for m in find_municipalities("Regio Parkstad besteedt aan.", year=2020)["implied_municipalities"]
           if m["name"] == "Kerkrade"]
    assert (m["cbs_code"], m["jeugdregio_code"], m["matched"]) == ("GM0928", "JZ41", "subregion:Parkstad Limburg")
    # Words the name is part of are no sub-region.
    assert not _implied("Het Parkstadtheater en het Parkstad-Limburgstadion.", year=2020)


def test_a_cooperations_name_implies_its_members_but_does_not_name_them():
    """The corpus README's gold rule: municipalities are those the text names, "not municipalities only
    implied by a region name". A page naming H10 alone names no municipality; its ten members are
    ``implied_municipalities``, each with the name as evidence. A member the text names too is named
    (and not implied twice). Synthetic sentences."""
    found = find_municipalities("Het inkoopbureau H10 start een aanbesteding voor jeugdhulp.", year=2020)
    assert found["municipalities"] == [] and found["municipalities_mentioned"] == []
    implied = {m["name"]: m["matched"] for m in found["implied_municipalities"]}
    assert len(implied) == 10 and implied["'s-Gravenhage"] == "subregion:H10"
    both = find_municipalities("De gemeenten Rijswijk en Wassenaar kopen met H10 jeugdhulp in.", year=2020)
    assert {m["name"] for m in both["municipalities"]} == {"Rijswijk (ZH.)", "Wassenaar"}
    assert not {"Rijswijk (ZH.)", "Wassenaar"} & {m["name"] for m in both["implied_municipalities"]}
    assert len(both["implied_municipalities"]) == 8


@pytest.mark.parametrize("text", [
    "Dit is de beste aanpak voor de beek achter het hof.",
    "Best practices uit het land delen we graag.",
    "Beek en bos zijn mooi.",
    "De Edese aanpak en de Hofstad-regeling.",
    "Mail naar info@heerlen.nl voor vragen.",
])
def test_ordinary_words_are_not_municipalities(text):
    assert _names(text) == set()


def test_ambiguous_names_count_with_gemeente_or_in_a_list():
    assert _names("De gemeente Best koopt jeugdhulp in.") == {"Best"}
    assert _names("Eindhoven, Best en Veldhoven werken samen.") == {"Eindhoven", "Best", "Veldhoven"}


def test_den_haag_and_adjective():
    assert _names("De gemeente Den Haag en Rotterdam, Delft werken samen.") >= {"'s-Gravenhage", "Rotterdam", "Delft"}
    res = find_municipalities("Het Haagse college besloot.")
    assert [m["matched"] for m in res["municipalities_mentioned"]] == ["adjective"]


def test_regions_named_in_news_spelling():
    res = find_municipalities("ZUID-KENNEMERLAND/IJMOND - De regio Hart van Brabant en West-Friesland.")
    assert {r["code"] for r in res["regions"]} >= {"JZ11", "JZ10", "JZ35", "JZ05"}


# --- issue 11: spellings and forms a careful reader takes as naming the municipality ---

def test_hyphenated_names_match_without_the_hyphen():
    assert _names("De gemeenten Borger Odoorn, Coevorden en Midden Drenthe kopen samen in.") == {
        "Borger-Odoorn", "Coevorden", "Midden-Drenthe"}


def test_court_ruling_parties_in_capitals_name_the_municipality():
    text = "de publiekrechtelijke rechtspersoon\n\nGEMEENTE NIJKERK,\n\nzetelend te Nijkerk,\n\ngedaagde,"
    assert _names(text) == {"Nijkerk"}
    assert _names("en 2. GEMEENTE NUENEN C.A., zetelende te Nuenen,") == {"Nuenen, Gerwen en Nederwetten"}


def test_an_office_holder_of_a_municipality_is_not_a_surname():
    res = find_municipalities("Later in de tekst. Wethouder Johan Coes van Hellendoorn spreekt van een mijlpaal.")
    assert [(m["name"], m["matched"]) for m in res["municipalities"]] == [("Hellendoorn", "office")]
    # a person's surname stays a surname
    assert "Eersel" not in _names("Later in de tekst. Volgens Emmeke van Eersel is dat zo.")
    # also after an office: one name before "van" is a given name, so "van Diemen" is her surname
    assert "Diemen" not in _names("Later in de tekst. Wethouder Carolien van Diemen spreekt van een mijlpaal.")
    # an office of the municipality itself
    assert _names("Later in de tekst. De burgemeester van Diemen tekende het contract.") == {"Diemen"}


def test_an_office_holders_municipality_in_brackets_names_it():
    # branch orgs36: news names each speaker's municipality in brackets after the name, ambiguous ones too
    res = find_municipalities("Later in de tekst. Wethouder Sterk (Weert): \u201cWij zullen een beroep doen.\u201d "
                              "Wethouder Smitsmans (Roermond) is het eens.")
    assert {(m["name"], m["matched"]) for m in res["municipalities"]} == {("Weert", "office"), ("Roermond", "office")}
    # a party in brackets is no municipality, and "weert" as a verb stays none
    assert _names("Later in de tekst. Wethouder Jansen (CDA) weert de kritiek.") == set()


def test_regular_adjective_beside_the_name_makes_it_salient():
    text = ("Eerste alinea over de regio.\n\nDe enige gemeente die nog twijfelt is Castricum. "
            "Daarna zal de Castricumse wethouder spreken.")
    assert "Castricum" in _names(text)
    alone = find_municipalities("Eerste alinea.\n\nDe Castricumse wethouder sprak.")
    assert [m["name"] for m in alone["municipalities_mentioned"]] == ["Castricum"]


def test_an_ambiguous_name_after_a_preposition_mid_sentence_is_the_place():
    assert "Goes" in _names("Eerst iets anders.\n\nIn 2010 opende de SP in Goes een meldpunt. De SP in Goes is teleurgesteld.")
    assert "Goes" not in _names("Goes the story, says he.")


def test_names_in_a_list_of_regions_are_regions():
    text = "Dat liet Peter namens de gemeenten in de regio's Noordkop & Texel, West-Friesland en Alkmaar weten."
    assert "Alkmaar" not in _names(text)


def test_protest_in_den_haag_is_the_national_government():
    assert "'s-Gravenhage" not in _names("Protest in Den Haag\n\nZeeuwse wethouders trokken naar Den Haag.")


def test_a_shared_name_written_with_its_province_suffix_is_that_variant():
    """"Bergen (NH) en Bergen (L)" names both Bergens; a suffix decides, not the other places."""
    found = find_municipalities("De gemeenten Bergen (NH) en Bergen (L) kopen jeugdhulp in.")
    assert {m["cbs_code"] for m in found["municipalities"]} == {"GM0373", "GM0893"}
    found = find_municipalities("Alkmaar, Heiloo en Bergen (L.) kopen jeugdhulp in bij Bergen (N.H.).")
    assert {"GM0893", "GM0373"} <= {m["cbs_code"] for m in found["municipalities"] + found["municipalities_mentioned"]}
    assert _names("De gemeente Hengelo (O) koopt jeugdhulp in.") == {"Hengelo (O.)"}


@pytest.mark.parametrize("text,year,expected", [
    ("De gemeente Uden en de gemeente Boxmeer kopen samen jeugdhulp in.", 2020,
     {("Uden", "GM1991", "JZ33"), ("Boxmeer", "GM1982", "JZ33")}),
    ("De gemeente Weesp koopt jeugdhulp in.", 2021, {("Weesp", "GM0363", "JZ16")}),
    ("De gemeente Weesp koopt jeugdhulp in.", 2023, {("Weesp", "GM0363", "JZ13")}),
    ("De gemeente Haaren koopt jeugdhulp in.", 2020, {("Haaren", "GM0824", "JZ33")}),
    ("Nieuwegein werkt samen met Houten, Lopik, IJsselstein en Vianen.", 2018,
     {("Nieuwegein", "GM0356", "JZ26"), ("Houten", "GM0321", "JZ26"), ("Lopik", "GM0331", "JZ26"),
      ("IJsselstein", "GM0353", "JZ26"), ("Vianen", "GM1961", "JZ26")}),
])
def test_a_since_merged_municipality_is_found_with_its_successor_code_and_region_of_the_year(text, year, expected):
    """Old names resolve through mergers.csv: the successor's CBS code, the region the old
    municipality had in the text's year (jeugdregio_before)."""
    found = find_municipalities(text, year=year)["municipalities"]
    assert {(m["name"], m["cbs_code"], m["jeugdregio_code"]) for m in found} == expected


@pytest.mark.parametrize("year,region", [(2020, "JZ08"), (2023, "JZ08"), (2024, "JZ12"), (None, "JZ12")])
def test_a_current_municipality_is_in_the_jeugdregio_it_had_in_the_texts_year(year, region):
    """Zeewolde was in Flevoland (JZ08) until 2023 and is in Noord-Veluwe (JZ12) from 2024
    (jeugdregio_membership.csv): an older text gets the region of its year, not 2025's."""
    found = find_municipalities("De gemeente Zeewolde koopt jeugdhulp in.", year=year)["municipalities"]
    assert [(m["name"], m["jeugdregio_code"], m["jeugdregio"]) for m in found] == [
        ("Zeewolde", region, {"JZ08": "Flevoland", "JZ12": "Noord-Veluwe"}[region])]


def test_a_former_municipalitys_name_in_passing_is_not_a_municipality_of_the_story():
    """A village bearing a former municipality's name, said once in passing, is gated like an
    ambiguous name ("Ouderkerk aan de Amstel" lies in Ouder-Amstel, not Krimpenerwaard)."""
    found = find_municipalities("Een jongerenwerker uit de buurt van Ouderkerk aan de Amstel vertelt.", year=2024)
    assert not found["municipalities"] and not found["municipalities_mentioned"]


@pytest.mark.parametrize("written", ["Bergen (N. H)", "Bergen (N. H.)", "Bergen (N-H)", "Bergen (N H)",
                                     "Bergen (N.H)", "Bergen (NH.)", "Bergen (N.-H.)", "Bergen (N H.)", "Bergen (N-H.)"])
def test_every_province_suffix_spelling_the_reference_keys_names_that_variant(written):
    """Synthetic sentences. "Bergen (N. H)" or "Bergen (N-H)" in an article is Bergen (NH.), as the reference
    keys it; only "(NH)" and "(N.H.)" were found, the rest read as a bare "Bergen" and went to the Limburg
    Bergen of the other places named."""
    from tenderarchive import reference
    assert reference.normalise(written) == reference.normalise("Bergen (NH.)")
    found = find_municipalities(f"De gemeenten Venlo, Venray en {written} kopen samen jeugdhulp in.")
    assert {m["cbs_code"] for m in found["municipalities"]} == {"GM0983", "GM0984", "GM0373"}


@pytest.mark.parametrize("text,expected", [
    ("De gemeente Hogeland koopt de jeugdhulp opnieuw in.", "Het Hogeland"),
    ("De jeugdhulp in Ronde Venen wordt opnieuw ingekocht, meldt de wethouder.", "De Ronde Venen"),
    ("De gemeenten Meppel, Westerveld en Wolden kopen samen jeugdhulp in.", "De Wolden"),
    ("Wethouders in de Bilt en Zeist kopen samen jeugdhulp in.", "De Bilt"),
    ("De raad van het Hogeland stemde in met de aanbesteding jeugdhulp.", "Het Hogeland"),
])
def test_a_municipality_named_without_its_article_is_found(text, expected):
    """Synthetic sentences. "Het Hogeland", "De Ronde Venen", "De Wolden", "De Bilt" are written without
    their article ("gemeente Hogeland") or with it in lower case ("in de Bilt")."""
    found = find_municipalities(text)
    assert expected in {m["name"] for m in found["municipalities"] + found["municipalities_mentioned"]}


def test_an_article_less_name_that_is_a_word_or_another_place_is_not_a_municipality():
    """Synthetic sentences: "Helder" (Den Helder without "Den") is the adjective "helder"."""
    found = find_municipalities("Helder is dat de gemeente Alkmaar de jeugdhulp opnieuw inkoopt.")
    assert "Den Helder" not in {m["name"] for m in found["municipalities"] + found["municipalities_mentioned"]}


def test_every_municipality_of_an_enumeration_is_found():
    """Synthetic sentence: the last name of "Katwijk, Noordwijk en Teylingen" is in the list too."""
    assert _names("De gemeenten Katwijk, Noordwijk en Teylingen kopen samen jeugdhulp in.") == {
        "Katwijk", "Noordwijk", "Teylingen"}


# corpus20 dev pages: "Meedoen mogelijk maken voor alle inwoners van Oss" (a kadernota of Oss) and an OCR'd PZC
# page where "Ook Sluis werd daar bij betrokken" follows "Hulst en Terneuzen werkten al sinds 2008 samen".
@pytest.mark.parametrize("text,name", [
    ("Inleiding.\n\nMeedoen mogelijk maken voor alle inwoners van Oss is de missie van het sociaal domein.", "Oss"),
    ("Inleiding.\n\nDe bewoners van Goes krijgen een nieuw loket.", "Goes"),
])
def test_an_ambiguous_name_after_inwoners_van_is_the_municipality(text, name):
    found = find_municipalities(text)
    assert name in {m["name"] for m in found["municipalities"] + found["municipalities_mentioned"]}
    # named twice (as on the page: "... het sociaal domein Oss"): one of the story's municipalities
    assert name in _names(f"{text} Het college van {name} besluit.")


def test_a_surname_or_office_van_is_not_read_as_residents():
    found = find_municipalities("Inleiding.\n\nHet rapport van Jan van Oss is klaar.")
    assert "Oss" not in {m["name"] for m in found["municipalities"] + found["municipalities_mentioned"]}


def test_an_ambiguous_name_among_its_regions_municipalities_counts():
    text = ("Terneuzen en Hulst apart verder met het Centrum voor Jeugd en Gezin\n\nDe gemeente Terneuzen is "
            "teleurgesteld. Hulst en Terneuzen werkten al sinds 2008 samen. Ook Sluis werd daar enkele jaren "
            "geleden bij betrokken, maar die gemeente blijft.")
    assert {"Terneuzen", "Hulst", "Sluis"} <= _names(text)


@pytest.mark.parametrize("text", [
    # only one other municipality of the region named
    "Terneuzen gaat apart verder.\n\nDe gemeente Terneuzen is teleurgesteld. Ook Sluis werd daar bij betrokken.",
    # the capital only starts the sentence
    "Terneuzen en Hulst gaan apart verder.\n\nDe tekst. Sluis werd daar bij betrokken.",
    # another region's municipalities
    "Utrecht en Zeist gaan samen verder.\n\nDe tekst. Ook Sluis werd daar bij betrokken.",
])
def test_an_ambiguous_name_without_its_regions_municipalities_does_not_count(text):
    assert "Sluis" not in _names(text)


def test_former_municipalities_named_together_are_each_a_municipality():
    # blikopnieuws.nl, 2006 (dev page): the four merged into Westerkwartier in 2019, Ten Boer into Groningen;
    # each was folded into its 2025 successor's one entry
    text = ("Aanbesteding afgerond\n\nDe gemeenten Grootegast, Leek, Marum en Zuidhorn werkten samen met de "
            "gemeenten Ten Boer, Groningen en Hoogezand-Sappemeer.")
    found = find_municipalities(text, year=2006)["municipalities"]
    assert {"Grootegast", "Leek", "Marum", "Zuidhorn", "Ten Boer", "Groningen", "Hoogezand-Sappemeer"} == {
        m["name"] for m in found}
    assert {m["cbs_code"] for m in found if m["name"] in ("Grootegast", "Leek")} == {"GM1969"}


_WESTERKWARTIER_2006 = "Aanbesteding afgerond\n\nWesterkwartier\n\nDe huishoudelijke verzorging is aanbesteed."


def test_a_municipality_formed_after_the_stated_year_implies_the_ones_it_was_formed_of():
    # the region's name implies its former municipalities but does not name them (gold rule; branch cv39)
    found = find_municipalities(_WESTERKWARTIER_2006, year=2006, published_year=2006)
    assert found["municipalities"] + found["municipalities_mentioned"] == []
    assert {m["name"] for m in found["implied_municipalities"]} == {"Grootegast", "Leek", "Marum", "Zuidhorn"}
    assert {m["matched"] for m in found["implied_municipalities"]} == {"before_merger:Westerkwartier"}
    assert {m["cbs_code"] for m in found["implied_municipalities"]} == {"GM1969"}


@pytest.mark.parametrize("text,published_year", [
    (_WESTERKWARTIER_2006, 2019),           # it existed by then
    (_WESTERKWARTIER_2006, None),           # a year inferred from the text is no ground to rewrite the places
    ("Inleiding\n\nDe toekomstige gemeente Westerkwartier ontstaat op 1 januari 2019.", 2018),
    ("Inleiding\n\nDe gemeente Zevenaar besluit.", 2010),   # Zevenaar took Rijnwaarden in, 2018: not new
])
def test_a_municipality_that_existed_or_is_named_as_gemeente_is_kept(text, published_year):
    found = find_municipalities(text, year=published_year, published_year=published_year)
    names = {m["name"] for m in found["municipalities"] + found["municipalities_mentioned"]}
    assert names & {"Westerkwartier", "Zevenaar"}


@pytest.mark.parametrize("text,name", [
    ("De Gemeenteraad van Rijswijk stemde in met de inkoop van jeugdhulp.", "Rijswijk (ZH.)"),
    ("De gemeenteraad van Best besloot de jeugdhulp opnieuw in te kopen.", "Best"),
    ("Het college van burgemeester en wethouders van Ede heeft de opdracht gegund.", "Ede"),
])
def test_a_municipalitys_council_or_board_names_it(text, name):
    """"De gemeenteraad van X", "het college van (burgemeester en wethouders van) X" name X, also a
    name that is an ordinary word or shared (Best, Ede, Rijswijk). Synthetic sentences."""
    assert _names(text) == {name}


def test_a_place_is_looked_up_once_per_name_how_and_year(monkeypatch):
    """Issue 14 (branch reparse22): a found place's row (its CBS code and jeugdregio of the year) is worked out once
    per (name, how it was matched, year), and every caller gets its own copy to add to."""
    from tenderarchive import reference
    looked_up = []
    region_of = reference.region_of
    monkeypatch.setattr(reference, "region_of", lambda *a: looked_up.append(a) or region_of(*a))
    places._record_row.cache_clear()
    first = find_municipalities("De gemeente Zeewolde koopt jeugdhulp in.", year=2022)["municipalities"]
    again = find_municipalities("Zeewolde en de gemeente Zeewolde kopen in.", year=2022)["municipalities"]
    assert first == again and len(looked_up) == 1
    first[0]["matched"] = "changed by a caller"
    assert find_municipalities("De gemeente Zeewolde koopt jeugdhulp in.", year=2022)["municipalities"][0]["matched"] != \
        "changed by a caller"


def test_without_regions_the_municipalities_are_found_as_with_them(monkeypatch):
    """``regions=False`` (a notice's places, ``organisations.named_municipalities``: issue 14, branch reparse22) gives
    the same municipalities, mentioned and implied ones, without searching the text for jeugdregio's."""
    from tenderarchive.organisations import named_municipalities
    text = "De gemeenten Leiden en Oegstgeest (Leidse Regio) en de regio Hart van Brabant kopen in bij H10."
    full = find_municipalities(text, year=2021)
    assert full["regions"]
    monkeypatch.setattr(places, "find_regions", lambda _text: pytest.fail("regions searched"))
    lean = find_municipalities(text, year=2021, regions=False)
    assert lean == {k: v for k, v in full.items() if k != "regions"}
    assert named_municipalities(text, year=2021) == (full["municipalities"] + full["municipalities_mentioned"]
                                                     + full["implied_municipalities"])
