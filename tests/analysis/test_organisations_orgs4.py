"""Organisations with their role and awardees on pages never seen, round four (issue 11, branch orgs4): parties named
without a legal form by the part they play (in court, for a person, as an author), bodies named as such, coordinated
lists, legal forms written without dots, and the precision guards of a contract extended, a loser and a former
provider.

Every sentence here is SYNTHETIC: written for the test after general Dutch phrasings; the names are invented or common
words, no page's text is copied.
"""

import pytest

from tenderarchive.analysis import analyse
from tenderarchive.analysis.organisations import find_awardees, find_organisations


def roles(text: str) -> dict[str, str]:
    return {o["name"]: o["role"] for o in find_organisations(text, awardees=[])}


def awardees(text: str) -> list[str]:
    return [a["name"] for a in find_awardees(text)]


# --- a party told by its part in a court case -------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("De rechtbank stelde twee weken geleden Wilgenhof in het gelijk in het kort geding over de tarieven.", "Wilgenhof"),
    ("Lindeboom werd door de voorzieningenrechter in het ongelijk gesteld.", "Lindeboom"),
    ("Kastanjehof is een van de partijen die naar de rechter is gestapt.", "Kastanjehof"),
    ("Beukenrode stapte vorige maand naar de rechter.", "Beukenrode"),
    ("Het buurtwerk ging over omdat Eikenburg, al jaren beheerder van de buurthuizen, als verliezer uit de bus kwam.",
     "Eikenburg"),
])
def test_a_party_in_a_court_case_or_a_loser_is_a_provider(text, name):
    assert roles(text).get(name) == "provider"


# --- a party named by the person who acts for it ----------------------------------------------

def test_a_party_on_whose_behalf_a_person_signs_is_an_organisation():
    assert roles("Namens Wilgenhof tekende bestuurder Anna Berk op 7 juli de overeenkomst.")["Wilgenhof"] == "provider"


def test_a_region_on_whose_behalf_someone_speaks_is_a_buyer():
    assert roles("Namens Regionaal Inkoopteam Zandhoek sprak de wethouder.")["Regionaal Inkoopteam Zandhoek"] == "buyer"


def test_a_person_with_the_organisation_in_brackets_names_it():
    found = roles("De stukken werden ondertekend door Evert Kroon (Lindeboom), Ans Konijn (de Beukenhof) en wethouder "
                  "Vincent Tuin (gemeente). De hoofdreden was de tarieven, aldus mevrouw Adema (directeur De Eikenlaan).")
    assert found.get("Lindeboom") == "provider" and found.get("Beukenhof") == "provider"
    assert found.get("De Eikenlaan") == "provider"
    assert "gemeente" not in found


@pytest.mark.parametrize("text,not_a_party", [
    ("Dat zegt raadslid Marion Olst (PvdA) in de commissie.", "PvdA"),
    ("Wethouder Piet Graaf (Lokaal Belang) diende een motie in.", "Lokaal Belang"),
    ("Het advies kwam van het Interprovinciaal Overleg (IPO) in Den Haag.", "IPO"),
    ("Minister Hugo Jonge (Volksgezondheid) stuurde een brief.", "Volksgezondheid"),
])
def test_a_councillors_party_a_portfolio_or_an_abbreviation_is_no_party_of_a_person(text, not_a_party):
    assert not_a_party not in roles(text)


# --- a party told by what it wrote or researched ----------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Om hen op weg te helpen heeft Kennisnet Sociaal een handreiking geschreven.", "Kennisnet Sociaal"),
    ("Cliëntenplatform Oost heeft hier een artikel over geschreven.", "Cliëntenplatform Oost"),
    ("Meerwaarde doet onderzoek naar de geldstromen in de jeugdzorg.", "Meerwaarde"),
    ("Er loopt een uitgavenonderzoek voor Jeugdwet en Wmo via Rekenwerk.", "Rekenwerk"),
    ("Deze handreiking is opgesteld door\nBerkhout en Linde Advocaten.", "Berkhout"),
])
def test_the_author_of_a_report_is_an_adviser(text, name):
    assert roles(text).get(name) == "adviser"


# --- bodies named as such, after their kind, or by the shape of their name --------------------

def test_municipalities_working_together_under_a_name_are_a_buyer():
    assert roles("De veertien gemeenten die samenwerken onder de naam Samen Sterk kopen de jeugdhulp in.")["Samen Sterk"] == "buyer"


@pytest.mark.parametrize("text,name,role", [
    ("Ouders kunnen overstappen naar gastouderbureau Zonnebloem.", "Zonnebloem", "provider"),
    ("Het onderzoek is gedaan door het bureau Berkhout.", "Berkhout", "adviser"),
    ("De inkoop loopt via de GR Eilandzorg.", "GR Eilandzorg", "buyer"),
    ("Die gemeente deed al zaken met Incluzio Westkust BV, dat verbonden is aan de aanbieder.", "Incluzio Westkust BV", "provider"),
    ("De regio voelt zich voor het blok gezet door de Willem Beuk Stichting die zegt niet te kunnen werken.",
     "Willem Beuk Stichting", "provider"),
    ("Praktijk voor Kinderpsychologie Heidezicht heeft een contract met de gemeente.",
     "Praktijk voor Kinderpsychologie Heidezicht", "provider"),
])
def test_a_body_named_after_its_kind_or_by_its_shape(text, name, role):
    assert roles(text).get(name) == role


def test_a_longer_name_that_ends_in_a_region_already_found_is_kept():
    found = roles("De regio Noordkust koopt samen in. Nieuwe inschrijver is Jeugdbescherming Regio Noordkust.")
    assert found.get("Jeugdbescherming Regio Noordkust") == "provider"


def test_a_jeugdregio_named_as_a_body_is_a_buyer_and_one_named_as_a_place_is_not():
    found = roles("Meedoen met de jeugdhulp-regeling van Holland Rijnland is een noodoplossing.")
    assert found.get("Holland Rijnland") == "buyer"
    assert "Zuid-Limburg" not in roles("Het gezin woont in Zuid-Limburg.")


def test_the_municipality_of_an_office_holder_is_a_buyer():
    result = analyse("Wethouder Johan Kaas van Hellendoorn spreekt van een intensief inkooptraject voor jeugdhulp.")
    assert {"name": "gemeente Hellendoorn", "role": "buyer"}.items() <= next(
        o for o in result["organisations"] if o["name"] == "gemeente Hellendoorn").items()


# --- coordinated lists ------------------------------------------------------------------------

def test_the_other_members_of_a_list_with_a_known_provider_are_providers():
    found = roles("Hartehof Groep, Opvoedhuis, Lijn8 en Kenter Zorg ondertekenden de brief aan de gemeenten.")
    assert {n: found.get(n) for n in ("Opvoedhuis", "Lijn8")} == {"Opvoedhuis": "provider", "Lijn8": "provider"}


def test_a_list_member_that_is_a_place_or_a_subject_is_no_provider():
    found = roles("Hartehof Groep, Utrecht en Integratie werden genoemd.")
    assert "Utrecht" not in found and "Integratie" not in found


def test_a_name_may_end_in_a_lower_case_kind_of_care_inside_a_list():
    found = roles("Het consortium bestaande uit Eikenrode, Stek jeugdhulp en ’s Heeren Wilg is tevreden met de uitspraak.")
    assert "’s Heeren Wilg" in found


def test_municipalities_listed_with_a_lower_case_article_are_buyers():
    result = analyse("Naast Nieuwegein doen ook mee: Houten, de Ronde Venen en de Bilt. De aanbesteding van jeugdhulp "
                     "start in maart.")
    names = {o["name"] for o in result["organisations"] if o["role"] == "buyer"}
    assert {"gemeente De Ronde Venen", "gemeente De Bilt", "gemeente Houten"} <= names


# --- names that looked like something else ----------------------------------------------------

def test_a_name_ending_in_ese_is_no_regional_adjective():
    assert awardees("Het college stelt dat de aanbesteding aan Synthese altijd aangepast kan worden.") == ["Synthese"]


def test_a_kind_of_company_before_the_name_is_not_part_of_it():
    assert awardees("Vervoersbedrijf Willemsen heeft de aanbesteding gewonnen.") == ["Willemsen"]


# --- awardee precision: an extension, a loser, a former provider -------------------------------

def test_a_contract_extended_is_no_award_and_besloten_is_no_signing():
    text = ("Het college heeft besloten het contract met Wilgenhof voor de jeugdprofessionals te verlengen tot 31 december "
            "2026. De regio besloot ook tot de contractverlenging voor Beukenrode.")
    assert awardees(text) == []
    assert awardees("De raad stemde in met de contractverlenging voor Zonnehof.") == []
    assert awardees("Het college besloot het contract met Zonnehof voor twee jaar te verlengen.") == []
    result = analyse(text, title="Verlenging contracten jeugdhulp")
    assert result["awardees"] == []
    assert {o["name"] for o in result["organisations"] if o["role"] == "provider"} >= {"Wilgenhof", "Beukenrode"}


def test_a_party_that_won_keeps_its_award_when_its_contract_is_also_extended():
    text = ("Uit het boek blijkt dat Eikenrode de aanbesteding in 2017 aan het langste eind trok. Nu ligt de "
            "contractverlenging voor Eikenrode op tafel.")
    assert awardees(text) == ["Eikenrode"]


@pytest.mark.parametrize("text,won", [
    ("De opdracht voor de jeugdhulp is gegund aan Eikenrode en Wilgenhof. Wilgenhof kwam later als verliezer uit de "
     "bus voor het perceel verblijf.", ["Eikenrode"]),
    ("De opdracht voor de jeugdhulp is gegund aan Eikenrode en Wilgenhof. Wilgenhof zag het miljoenencontract voor "
     "verblijf aan zich voorbijgaan.", ["Eikenrode"]),
    ("De opdracht voor de jeugdhulp is gegund aan Eikenrode en Wilgenhof. De vorige aanbieder, Wilgenhof, houdt nog "
     "een deel.", ["Eikenrode"]),
    ("De vorige aanbieder Wilgenhof wint de aanbesteding voor jeugdhulp opnieuw.", ["Wilgenhof"]),
])
def test_a_loser_or_a_former_provider_is_no_awardee(text, won):
    assert awardees(text) == won
