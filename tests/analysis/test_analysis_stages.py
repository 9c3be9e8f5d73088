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
    assert primary is None


def test_open_deadline_makes_inschrijving_current():
    st, _ = _st("De deadline om in te schrijven is 1 juli 2024.", published=dt.date(2024, 6, 1))
    assert st["inschrijving"] == "current"
    st, _ = _st("De deadline om in te schrijven was 1 juli 2024.", published=dt.date(2024, 9, 1))
    assert st["inschrijving"] == "done"


def test_pgb_ruling_is_not_rechtsgang_rule_b():
    st, _ = _st("De uitspraak van de rechtbank over het pgb binnen de Wmo heeft geen gevolgen voor de inkoop jeugdhulp.")
    assert "rechtsgang" not in st


def test_nota_van_inlichtingen_in_marktconsultatie_rule_c():
    st, _ = _st("Lees de antwoorden op de vragen uit de marktconsultatie (Nota van Inlichtingen) over jeugdhulp.")
    assert "inlichtingen" not in st and "marktconsultatie" in st


def test_kort_geding_does_not_outrank_the_running_step():
    text = ("De uitspraak van de rechtbank in het kort geding over de aanbesteding jeugdhulp is bekend. "
            "De deadline om in te schrijven is 6 juli a.s.")
    st, primary = _st(text)
    assert st["rechtsgang"] == "done" and primary == "inschrijving"


def test_failed_tender_is_detected():
    st, primary = _st("Er zijn geen geschikte inschrijvingen ontvangen voor de jeugdhulp; de aanbesteding is stopgezet.")
    assert primary == "mislukt"


def test_faq_without_steps_is_aanbesteding_lopend():
    st, primary = _st("Wat betekent de aanbesteding jeugdhulp voor de wijkteams? In de aanbesteding wordt ingezet op behoud van personeel.")
    assert primary == "aanbesteding_lopend"
