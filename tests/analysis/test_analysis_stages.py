import datetime as dt

from tenderarchive.analysis import analyse


def _st(text, **kw):
    r = analyse(text, **kw)
    return {s["stage"]: s["status"] for s in r["stages"]}, r["primary_stage"]


def test_past_publication_is_done_and_primary():
    st, primary = _st("De gemeenten hebben de aanbesteding jeugdhulp op TenderNed gepubliceerd.")
    assert st["aankondiging"] == "done" and primary == "aankondiging"


def test_future_award_is_planned_and_not_primary():
    st, primary = _st("Naar verwachting volgt de definitieve gunning in maart 2023 voor de jeugdhulp.")
    assert st["definitieve_gunning"] == "planned"
    # never the planned award, nor a default read off it (branch cv21): only a planned step is reported
    assert primary == "voorbereiding"


def test_relevant_page_without_a_step_is_in_preparation():
    r = analyse("De gemeenten regelen de inkoop van jeugdhulp voor 2015 samen.",
                title="Aanbesteding jeugdhulp: samenwerking")
    assert r["relevant"] and not [s for s in r["stages"] if s["status"] != "planned"]
    assert (r["primary_stage"], r["primary_stage_rule"]) == ("voorbereiding", "preparation_default")
    # a page whose only step is an award to come reads its preparation under way itself, as weak evidence (branch cv47)
    r = analyse("Naar verwachting volgt de definitieve gunning in maart 2023 voor de jeugdhulp.")
    assert (r["primary_stage"], r["primary_stage_rule"]) == ("voorbereiding", "newest_reported")
    assert {(s["stage"], s["status"], s["evidence"]) for s in r["stages"]} == {
        ("definitieve_gunning", "planned", "strong"), ("voorbereiding", "current", "weak")}


def test_open_deadline_makes_inschrijving_current():
    st, _ = _st("De deadline om in te schrijven is 1 juli 2024.", published=dt.date(2024, 6, 1))
    assert st["inschrijving"] == "current"
    st, _ = _st("De deadline om in te schrijven was 1 juli 2024.", published=dt.date(2024, 9, 1))
    assert st["inschrijving"] == "done"


def test_pgb_ruling_is_not_a_legal_stage_rule_b():
    st, _ = _st("De uitspraak van de rechtbank over het pgb binnen de Wmo heeft geen gevolgen voor de inkoop jeugdhulp.")
    assert not {"kort_geding", "bodemprocedure", "hoger_beroep"} & set(st)


def test_nota_van_inlichtingen_in_marktconsultatie_rule_c():
    st, _ = _st("Lees de antwoorden op de vragen uit de marktconsultatie (Nota van Inlichtingen) over jeugdhulp.")
    assert "inlichtingen" not in st and "marktconsultatie" in st


def test_kort_geding_does_not_outrank_the_running_step():
    text = ("De uitspraak van de rechtbank in het kort geding over de aanbesteding jeugdhulp is bekend. "
            "De deadline om in te schrijven is 6 juli a.s.")
    st, primary = _st(text)
    assert st["kort_geding"] == "done" and primary == "inschrijving"


def test_failed_tender_is_detected():
    st, primary = _st("Er zijn geen geschikte inschrijvingen ontvangen voor de jeugdhulp; de aanbesteding is stopgezet.")
    assert primary == "mislukt"


def test_faq_without_steps_is_aankondiging():
    """stages.md: a page about "de aanbesteding" that names no step is in ``aankondiging``."""
    st, primary = _st("Wat betekent de aanbesteding jeugdhulp voor de wijkteams? Wat verandert er door de aanbesteding? "
                      "In de aanbesteding wordt ingezet op behoud van personeel.")
    assert primary == "aankondiging"


def test_only_stages_md_ids_are_ever_produced():
    from tenderarchive.analysis.vocabulary import STAGE_ORDER
    assert STAGE_ORDER == ["voorbereiding", "marktconsultatie", "vooraankondiging", "aankondiging", "inlichtingen",
                           "selectie", "dialoog", "inschrijving", "beoordeling", "voorlopige_gunning", "bezwaar",
                           "definitieve_gunning", "kort_geding", "bodemprocedure", "hoger_beroep",
                           "contract_ondertekend", "contractstart", "verlenging", "mislukt", "implementatie"]
    st, _ = _st("Het gerechtshof heeft in hoger beroep de uitspraak van de voorzieningenrechter in het kort geding "
                "over de aanbesteding jeugdhulp bekrachtigd. Een bodemprocedure volgt.")
    assert st["hoger_beroep"] == "done" and st["kort_geding"] == "done" and st["bodemprocedure"] == "planned"
    assert set(st) <= set(STAGE_ORDER)


def test_planned_award_with_a_future_date_is_planned():
    st, primary = _st("Het college verwacht het aangepaste inkoopdocument voor de jeugdhulp begin 2024 te publiceren. "
                      "De gunning heeft plaats voor 1 juli a.s. Op 1 januari 2025 gaan de nieuwe contracten in.",
                      published=dt.date(2023, 12, 1))
    assert st["definitieve_gunning"] == "planned" and st["contractstart"] == "planned"
    assert primary not in ("definitieve_gunning", "contractstart")


def test_a_later_kort_geding_outranks_the_award_it_interrupted():
    st, primary = _st("De gemeente heeft de jeugdhulp voorlopig gegund aan Stichting X. Een verliezende aanbieder "
                      "spande een kort geding aan; de voorzieningenrechter heeft de gunning verboden.")
    assert primary == "kort_geding"


def test_objection_possibility_is_not_an_objection():
    _, primary = _st("Het gaat nog om een voorlopige gunning van de jeugdhulp. Tot 1 januari hebben partijen de "
                     "mogelijkheid om bezwaar te maken.")
    assert primary == "voorlopige_gunning"
