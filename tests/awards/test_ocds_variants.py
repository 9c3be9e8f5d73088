"""Fourth pass over tenderned-awards.md §6: variants of the OCDS packages an evaluator who read only the reference
would serve (SYNTHETIC releases), read as a package is read."""

import json

from tenderarchive.awards.ocds import ReadReport, read_package
from tests.awards.test_ocds import _award, _release


def read(tmp_path, releases):
    path = tmp_path / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    path.write_text(json.dumps({"uri": "https://www.tenderned.nl/cms/nl/aanbesteden-in-cijfers/datasets-aanbestedingen",
                                "version": "1.1", "releases": releases}), encoding="utf-8")
    report = ReadReport(str(path))
    return list(read_package(path, report=report)), report


def archived(path, procedure):
    """The archive at ``path`` with ``procedure`` (as a package is read) written by crawl 1, as the OCDS spider's
    pipelines write it."""
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import open_archive, write_ocds_procedure

    record = ocds_record(OCDSProcedureItem(procedure=procedure, source_url="http://127.0.0.1/p.json"),
                         "https://www.tenderned.nl/aankondigingen/overzicht/{id}")
    db = open_archive(path)
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned_ocds", "status": "running"}, pk="crawl_id")
    write_ocds_procedure(db, record, 1)
    db.conn.commit()
    return db


def test_amounts_written_as_text_are_read_not_a_release_skipped_with_its_winner(tmp_path):
    """Reference §6.3 values (``awards[].value.amount``, ``tender.value``, ``bids.statistics``): an amount
    written as text ("2300000.50", or as the forms print it) failed the release's check, and the whole
    release, its winner included, was skipped as malformed. Text that is no amount keeps its text."""
    release = _release("310060", "2021-03-01", [
        dict(_award("a", "11111111", "Alpha B.V."), value={"amount": "2300000.50", "currency": "EUR"})],
        lots=("1", "2"))
    release["awards"].append(dict(_award("b", "22222222", "Beta B.V.", lots=("2",)),
                                  value={"amount": "1.250.000,00", "currency": "EUR"}))
    release["tender"]["lots"][0]["value"] = {"amount": "n.v.t.", "currency": "EUR"}
    release["bids"] = {"statistics": [{"id": "3-1", "measure": "requests", "value": "4", "relatedLot": "1"},
                                      {"id": "1", "measure": "lowestValidBidValue", "value": "2300000.50",
                                       "currency": "EUR", "relatedLot": "1"}]}
    (procedure,), report = read(tmp_path, [release])
    assert report.errors == []
    assert [(a["lot_id"], a["value_cents"], a["value_raw"]) for a in procedure["awards"]] == [
        ("1", 230000050, "2300000.50"), ("2", 125000000, "1.250.000,00")]
    assert [s["name"] for s in procedure["suppliers"]] == ["Alpha B.V.", "Beta B.V."]
    lot = procedure["lots"][0]
    assert (lot["estimated_cents"], lot["estimated_raw"], lot["tenders_received"], lot["lowest_tender_cents"]) == (
        None, "n.v.t.", 4, 230000050)


def test_a_currency_code_in_small_letters_is_the_euro(tmp_path):
    """Reference §4 (nearly always euro), §8.7 (EUR amounts as cents): a currency "eur" was taken for another
    currency than the euro, and the award's value left out of every sum (no cents)."""
    release = _release("310061", "2021-03-01", [
        dict(_award("a", "11111111", "Alpha B.V."), value={"amount": 500000, "currency": "eur"})])
    (procedure,), _ = read(tmp_path, [release])
    assert [(a["value_cents"], a["value_currency"]) for a in procedure["awards"]] == [(50000000, "EUR")]


def test_the_kvk_number_comes_from_the_parties_identifiers_in_the_kvk_scheme_only(tmp_path):
    """Reference §6.3 suppliers (the KvK number as supplier id, or by general OCDS practice in the register's
    scheme ``NL-KVK``) and §4 (8 digits, a leading zero significant; foreign winners have other ids): a
    party whose KvK number is in ``additionalIdentifiers``, or in ``identifier`` as a number that lost its
    leading zero, had none; one whose ``identifier`` is in another register (a Danish CVR number of 8 digits)
    had that number as its KvK number; and a Dutch winner whose country is written as ISO 3166 writes it
    ("Netherlands (Kingdom of the)") lost its KvK number as a foreign id."""
    awards = [_award("a", "ORG-1", "Alpha B.V."), _award("b", "ORG-2", "Beta B.V.", lots=("2",)),
              _award("c", "ORG-3", "Dansk Børneomsorg ApS", lots=("3",)), _award("d", "41165432", "Gamma", lots=("4",))]
    release = _release("310062", "2021-03-01", awards, lots=("1", "2", "3", "4"))
    release["parties"][0].update(identifier={"scheme": "NL-TENDERNED", "id": "ORG-1"},
                                 additionalIdentifiers=[{"scheme": "NL-KVK", "id": "01234567"}])
    release["parties"][1].update(identifier={"scheme": "NL-KVK", "id": 7654321})
    release["parties"][2].update(identifier={"scheme": "DK-CVR", "id": "12345678"})
    release["parties"][3].update(address={"locality": "Leiden", "countryName": "Netherlands (Kingdom of the)"})
    (procedure,), report = read(tmp_path, [release])
    assert report.errors == []
    assert [(s["name"], s["kvk"]) for s in procedure["suppliers"]] == [
        ("Alpha B.V.", "01234567"), ("Beta B.V.", "07654321"), ("Dansk Børneomsorg ApS", None), ("Gamma", "41165432")]


def test_a_supplier_id_that_is_a_kvk_number_written_with_spaces_its_label_or_its_branch_number_is_that_number(tmp_path):
    """Reference §6.3 suppliers (the converter's supplier id is the Excel's KvK cell when the row has one, otherwise
    the name) and §4 (8 digits kept as text): a cell written as a person writes the number ("0123 4567",
    "KvK-nummer: 01234567", "01234567 (vestigingsnummer 000012345678)") gave the winner no KvK number, so it was
    ``name:…`` here and ``kvk:01234567`` in the notice's /html, which reads the same text as the number: one provider
    twice in `aanbieders`. An id that is a name with digits in it, or an 8-digit number beside an unlabelled longer
    one, gives none, as before."""
    ids = ["0123 4567", "KvK-nummer: 01234567", "01234567 (vestigingsnummer 000012345678)", "Jeugdzorg 2000 B.V.",
           "01234567 000012345678"]
    awards = [_award(str(n), sid, f"Winnaar {n}", lots=(str(n),)) for n, sid in enumerate(ids, 1)]
    release = _release("310064", "2021-03-01", awards, lots=tuple(str(n) for n in range(1, len(ids) + 1)))
    (procedure,), report = read(tmp_path, [release])
    assert report.errors == []
    assert [s["kvk"] for s in procedure["suppliers"]] == ["01234567", "01234567", "01234567", None, None]


def test_each_publication_of_a_package_is_dated_by_its_own_releases_and_named(tmp_path):
    """Reference §6.3 (one release per publication: its ``id`` and ``date``; ``tag`` "award" when it gives a
    winner) and §8.8 (link a release to its publication): every publication of a procedure was archived with
    the procedure's first date, so a rectification months later was dated the day of the award it corrects,
    and with no type, so the timeline read "TenderNed: None — …"."""
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem

    first = _release("310070-a", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000)])
    later = dict(_release("310085-b", "2021-06-01", [_award("a", "11111111", "Alpha B.V.", 120000)]), tag=["awardUpdate"])
    tender = dict(_release("310060-c", "2020-12-01", []), tag=["tender"])
    (procedure,), _ = read(tmp_path, [later, first, tender])
    record = ocds_record(OCDSProcedureItem(procedure=procedure, source_url="http://127.0.0.1/x.json"),
                         "https://www.tenderned.nl/aankondigingen/overzicht/{id}")
    assert [(n["publication_id"], n["published"], n["year_month"], n["notice_type_label"]) for n in record["notices"]] == [
        (310060, "2020-12-01", "2020-12", "Publicatie (OCDS-dataset)"),
        (310070, "2021-03-01", "2021-03", "Gunning (OCDS-dataset)"),
        (310085, "2021-06-01", "2021-06", "Rectificatie gunning (OCDS-dataset)")]


def test_an_awards_dates_are_its_own_decision_and_its_contracts_signing(tmp_path):
    """Reference §8.4 (keep the date the winner was chosen and the contract date): the award date was the
    latest of the group's award and release dates, so one winner's row without ``awards[].date`` made the
    publication day the award date; and a contract release's ``contracts[].dateSigned`` (tag "contract")
    was not read, so no OCDS award had a contract date. SYNTHETIC releases."""
    with_date = dict(_award("a", "11111111", "Alpha B.V.", 600000), date="2021-02-15T00:00:00Z")
    rows = [_release("310090-a", "2021-03-01", [with_date]),
            _release("310090-b", "2021-03-01", [_award("b", "22222222", "Beta B.V.", 600000)])]
    contract = dict(_release("310095", "2021-04-01", []), tag=["contract"],
                    contracts=[{"id": "c1", "awardID": "a", "dateSigned": "2021-04-01T00:00:00Z"}])
    (procedure,), report = read(tmp_path, [*rows, contract])
    assert report.errors == []
    assert [(a["award_date"], a["contract_date"], a["winner_count"]) for a in procedure["awards"]] == [
        ("2021-02-15", "2021-04-01", 2)]


def test_a_winners_size_is_kept_on_its_row(tmp_path):
    """Reference §6.2 (the packages use the partyDetails_scale extension) and §6.3 (``parties[].details.scale``
    "sme"): the winner's size was read and dropped, as the archive had no column for it. SYNTHETIC release."""
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem

    release = _release("310100", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000),
                                                 _award("b", "22222222", "Beta B.V.", 100000, lots=("2",)),
                                                 _award("c", "33333333", "Gamma B.V.", 100000, lots=("3",))],
                       lots=("1", "2", "3"))
    release["parties"][0]["details"] = {"scale": "sme"}
    release["parties"][1]["details"] = {"scale": "large"}
    (procedure,), _ = read(tmp_path, [release])
    record = ocds_record(OCDSProcedureItem(procedure=procedure), "https://www.tenderned.nl/aankondigingen/overzicht/{id}")
    assert [(s["name"], s["scale"]) for entry in record["awards"] for s in entry["suppliers"]] == [
        ("Alpha B.V.", "sme"), ("Beta B.V.", "large"), ("Gamma B.V.", None)]


def test_an_award_update_naming_another_winner_supersedes_the_earlier_award_of_its_lot(tmp_path):
    """Reference §4 (rectified award: the current winners are those of the latest version) and §8.8: a later
    publication tagged ``awardUpdate`` that gives a lot to another winner (so under a new award id: the
    converter's ids carry the supplier) left both awards current, the lot's value counted twice. It is a
    rectification (``notice_type`` REC), whose award supersedes the earlier one; on the timeline it is still
    the award's stage. Publications tagged ``award`` (open-house rounds) keep adding winners. SYNTHETIC
    releases, written and derived in a real archive."""
    from tenderarchive.derive import refresh_award_currency
    from tenderarchive.timeline import notice_events

    first = _release("310110-a", "2021-03-01", [_award("11111111-1", "11111111", "Alpha B.V.", 100000)], lots=("1", "2"))
    round_two = _release("310120-b", "2021-04-01", [_award("33333333-2", "33333333", "Gamma B.V.", 300000,
                                                           lots=("2",))], lots=("1", "2"))
    update = dict(_release("310130-c", "2021-06-01", [_award("22222222-1", "22222222", "Beta B.V.", 150000)],
                           lots=("1", "2")), tag=["awardUpdate"])
    (procedure,), _ = read(tmp_path, [first, round_two, update])
    db = archived(tmp_path / "archive.db", procedure)
    refresh_award_currency(db, 1)
    assert sorted((r["lot_id"], r["publication_id"], r["value_cents"], r["current"])
                  for r in db.query("select * from awards")) == [
        ("1", 310110, 10000000, 0), ("1", 310130, 15000000, 1), ("2", 310120, 30000000, 1)]
    notice = next(db.query("select * from notices where publication_id = 310130"))
    assert notice["notice_type"] == "REC"
    assert [e["stage"] for e in notice_events(notice)] == ["definitieve_gunning"]


def test_the_number_of_tenderers_of_the_standard_is_the_number_of_tenders_without_statistics(tmp_path):
    """Reference §4.2 (OCDS: the number of tenders) and §6.3 (TenderNed's converter writes ``bids.statistics``
    and not ``tender.numberOfTenderers``): a package that gives the standard's own field instead had no
    number of tenders at all. A statistic, where given, stays the number. SYNTHETIC releases."""
    release = _release("310140", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000)])
    release["tender"]["numberOfTenderers"] = 6
    with_stats = _release("310150", "2021-03-01", [_award("b", "22222222", "Beta B.V.", 100000)],
                          ocid="ocds-1l04xe-313471")
    with_stats["tender"]["numberOfTenderers"] = 9
    with_stats["bids"] = {"statistics": [{"id": "3-1", "measure": "requests", "value": 4, "relatedLot": "1"}]}
    procedures, _ = read(tmp_path, [release, with_stats])
    found = {p["notice"]["ocid"]: (p["lots"][0]["tenders_received"], p["awards"][0]["tenders_received"])
             for p in procedures}
    assert found == {"ocds-1l04xe-313470": (6, 6), "ocds-1l04xe-313471": (4, 4)}


def test_a_lot_not_awarded_keeps_the_reason_the_package_gives(tmp_path):
    """Reference §4 (lot not awarded, with its reason) and §8.5 (the lot's status: awarded / not awarded +
    reason): a lot or award the package closes (status unsuccessful or cancelled) was stored not awarded
    without the ``statusDetails`` that say why. SYNTHETIC release."""
    release = _release("310160", "2021-03-01", [
        dict(_award("c", None, None, lots=("2",), status="unsuccessful"),
             statusDetails="Er zijn geen inschrijvingen, verzoeken tot deelname of projecten ontvangen")],
        lots=("1", "2"))
    release["tender"]["lots"][0].update(status="cancelled", statusDetails="Besluit van de koper, wegens gewijzigde behoeften")
    (procedure,), _ = read(tmp_path, [release])
    assert [(lot["lot_id"], lot["awarded"], lot["not_awarded_reason"]) for lot in procedure["lots"]] == [
        ("1", 0, "Besluit van de koper, wegens gewijzigde behoeften"),
        ("2", 0, "Er zijn geen inschrijvingen, verzoeken tot deelname of projecten ontvangen")]


def test_a_packages_award_publication_is_an_award_notice_listed_with_the_awards(tmp_path):
    """Reference §6.3 (tag "award" when the row has a winner) and §6.5 (the packages are the award data of the
    years before the API): a package's award publications had no notice type, so the awards saved search
    ("Awards and who won them", award notices) listed none of the backfill's awards and the timeline put no
    award on its day. It is an AGO; it still does not count as the API's award notice for the TenderNed
    crawl, which keeps asking /gerelateerd for a procedure whose award it has not archived (§8.8)."""
    from tenderarchive.derive import derive
    from tenderarchive.metadata import load_metadata
    from tenderarchive.store import queries

    release = _release("310170-a", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 100000)])
    release["tender"]["description"] = "Specialistische jeugdhulp"
    (procedure,), _ = read(tmp_path, [release])
    path = tmp_path / "archive.db"
    db = archived(path, procedure)
    derive(db, 1)
    db.conn.commit()
    sql = load_metadata()["databases"]["archive"]["queries"]["award_notices"]["sql"]
    from tenderarchive.datasette_plugin import register_functions
    register_functions(db.conn)  # the SQL functions the served saved searches call
    found = [dict(zip([c[0] for c in cursor.description], row)) for cursor in [db.conn.execute(sql, {"before": "", "pagina": ""})]
             for row in cursor.fetchall()]
    assert [(r["publication_id"], r["fase"], r["winners"]) for r in found] == [(310170, "definitieve_gunning", "Alpha B.V.")]
    assert "313470" in queries.awaiting_results(path)


def test_a_supplier_named_as_the_buyer_but_with_another_kvk_number_is_a_namesake_not_the_buyer(tmp_path):
    """§6.3 "sometimes a buyer is also a supplier": a supplier of the buyer's name was flagged ``is_buyer`` by the
    name alone, also with a KvK number (its converter id) other than the buyer's. Where both numbers are known they
    decide (the buyer's id an org-id "NL-KVK-…"); the same number is the buyer whatever the name. The buyer's id
    and the parties' roles were left out of the release as read, so neither rule ever applied."""
    buyer = {"id": "NL-KVK-11111111", "name": "Stichting Jeugdhulp Rijnstad"}
    release = _release("310070", "2021-03-01", [_award("a", "22222222", "Stichting Jeugdhulp Rijnstad"),
                                                _award("b", "11111111", "St. Jeugdhulp Rijnstad", lots=("2",))],
                       lots=("1", "2"))
    release["buyer"] = buyer
    release["parties"].append(dict(buyer, roles=["buyer"]))
    (procedure,), report = read(tmp_path, [release])
    assert report.errors == []
    assert [(s["name"], s["kvk"], s["is_buyer"]) for s in procedure["suppliers"]] == [
        ("Stichting Jeugdhulp Rijnstad", "22222222", 0), ("St. Jeugdhulp Rijnstad", "11111111", 1)]



def test_a_partys_roles_buyer_and_supplier_flag_the_supplier_whatever_its_name(tmp_path):
    """§6.3: the converter gives a buyer listed as supplier the roles buyer;supplier (as one string, or a list). The
    roles were dropped from the release as read: only the name decided."""
    release = _release("310071", "2021-03-01", [_award("a", "22222222", "Jeugdteam Rijnstad"),
                                                _award("b", "33333333", "Alpha B.V.", lots=("2",))], lots=("1", "2"))
    release["buyer"] = {"id": "GM9999", "name": "Gemeente Rijnstad"}
    release["parties"][0]["roles"] = "buyer;supplier"
    (procedure,), _ = read(tmp_path, [release])
    assert [(s["name"], s["is_buyer"]) for s in procedure["suppliers"]] == [("Jeugdteam Rijnstad", 1), ("Alpha B.V.", 0)]


def test_a_release_giving_only_an_awards_new_value_updates_it_and_keeps_its_winner_and_lot(tmp_path):
    """A release with only some fields (OCDS: what it leaves out is unchanged): a later publication giving award
    "a1" its new value alone, no suppliers, no relatedLots. The award was taken whole from that release, named no
    supplier, and was dropped: Alpha's award of lot 1 was gone. It is the updated award of the same lot and
    winner, in whatever order the file holds the releases; a duplicate release counts once."""
    import copy

    first = _release("310080-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000)], lots=("1", "2"))
    second = _release("310080-b", "2021-03-01", [_award("b1", "22222222", "Beta B.V.", 700000, lots=("2",))],
                      lots=("1", "2"))
    update = {"ocid": first["ocid"], "id": "310099", "date": "2021-05-01T00:00:00Z", "tag": ["awardUpdate"],
              "awards": [{"id": "a1", "value": {"amount": 550000, "currency": "EUR"}}]}
    for order in ([first, second, update], [update, second, first], [first, copy.deepcopy(first), second, update]):
        (procedure,), report = read(tmp_path, copy.deepcopy(order))
        assert report.errors == []
        assert [(a["lot_id"], a["value_cents"], a["publication_id"]) for a in procedure["awards"]] == [
            ("1", 55000000, 310099), ("2", 70000000, 310080)]
        assert [(s["lot_id"], s["name"], s["kvk"]) for s in procedure["suppliers"]] == [
            ("1", "Alpha B.V.", "11111111"), ("2", "Beta B.V.", "22222222")]


def test_each_winner_keeps_its_own_award_and_signing_dates(tmp_path):
    """Reference §8.4 (per winner: the date the winner was chosen and the contract date) and §6.3 (one release per
    publication × lot × winner). Two winners of one lot, chosen and signed on other days (``awards[].date``, a
    contract release's ``contracts[].dateSigned`` per ``awardID``): the lot's award keeps the latest, and each
    winner's own dates were lost. They are on the winners' rows now, and stored (``award_suppliers``).
    SYNTHETIC releases."""
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem

    alpha = dict(_award("a", "11111111", "Alpha B.V.", 600000), date="2021-02-15T00:00:00Z")
    beta = dict(_award("b", "22222222", "Beta B.V.", 500000), date="2021-02-20T00:00:00Z")
    contract = dict(_release("310097", "2021-05-01", []), tag=["contract"],
                    contracts=[{"id": "c1", "awardID": "a", "dateSigned": "2021-04-01T00:00:00Z"},
                               {"id": "c2", "awardID": "b", "dateSigned": "2021-05-01T00:00:00Z"}])
    (procedure,), report = read(tmp_path, [_release("310096-a", "2021-03-01", [alpha]),
                                           _release("310096-b", "2021-03-01", [beta]), contract])
    assert report.errors == []
    assert [(a["award_date"], a["contract_date"]) for a in procedure["awards"]] == [("2021-02-20", "2021-05-01")]
    assert [(s["name"], s["award_date"], s["contract_date"]) for s in procedure["suppliers"]] == [
        ("Alpha B.V.", "2021-02-15", "2021-04-01"), ("Beta B.V.", "2021-02-20", "2021-05-01")]
    item = OCDSProcedureItem(procedure=procedure, source_url="http://127.0.0.1/p.json", fetched_at="2026-01-01",
                             sha256="0" * 64)
    stored = [(s["name"], s["award_date"], s["contract_date"])
              for entry in ocds_record(item, "https://www.tenderned.nl/aankondigingen/overzicht/{id}")["awards"]
              for s in entry["suppliers"]]
    assert stored == [("Alpha B.V.", "2021-02-15", "2021-04-01"), ("Beta B.V.", "2021-02-20", "2021-05-01")]


def test_a_contract_amendment_is_a_modification_of_the_award_not_a_new_award(tmp_path):
    """OCDS releases with ``tag`` values (codelist releaseTag): a later publication tagged ``contractAmendment`` alone
    amends the contract an earlier award notice awarded, and, as releases giving the whole state do, repeats that
    award. It was an award notice ("Gunning", AGO, `definitieve_gunning` on the timeline), and its repeat of the
    award became the award: the modified contract's value (€ 6.500, not the € 5.000 awarded), the modification's
    day for its date, the modification for its notice. It is a modification (AAW, `verlenging`, as the API's
    modification notice) and the award stays the award notice's; an award of a lot no earlier publication gives
    stands, as the API's modification of a lot whose award notice is not archived. SYNTHETIC releases, written and
    derived in a real archive."""
    from tenderarchive.derive import refresh_award_currency
    from tenderarchive.timeline import notice_events

    first = _release("310200-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000)], lots=("1", "2"))
    amendment = dict(_release("310201-a", "2021-09-01", [_award("a1", "11111111", "Alpha B.V.", 650000),
                                                         _award("b1", "22222222", "Beta B.V.", 70000, lots=("2",))],
                              lots=("1", "2")), tag=["contractAmendment"],
                     contracts=[{"id": "c1", "awardID": "a1", "value": {"amount": 650000, "currency": "EUR"},
                                 "amendments": [{"id": "1", "date": "2021-09-01T00:00:00Z",
                                                 "rationale": "Verlenging met een jaar"}]}])
    (procedure,), report = read(tmp_path, [first, amendment])
    assert report.errors == []
    assert [(a["lot_id"], a["publication_id"], a["value_cents"], a["award_date"]) for a in procedure["awards"]] == [
        ("1", 310200, 50000000, "2021-03-01"), ("2", 310201, 7000000, "2021-09-01")]
    db = archived(tmp_path / "archive.db", procedure)
    refresh_award_currency(db, 1)
    assert sorted((r["lot_id"], r["publication_id"], r["value_cents"], r["current"])
                  for r in db.query("select * from awards")) == [("1", 310200, 50000000, 1), ("2", 310201, 7000000, 1)]
    notices = {n["publication_id"]: n for n in db.query("select * from notices")}
    assert [(n["notice_type"], n["notice_type_label"]) for _, n in sorted(notices.items())] == [
        ("AGO", "Gunning (OCDS-dataset)"), ("AAW", "Wijziging opdracht (OCDS-dataset)")]
    assert [(e["kind"], e["stage"]) for e in notice_events(notices[310201])] == [("modification", "verlenging")]


def test_a_contract_amendment_giving_the_award_under_a_new_id_is_no_second_award_of_the_lot(tmp_path):
    """Reference §8.8 and §6.3 (one release per publication x lot x winner, the award id made from the row): a
    contract modification (tag ``contractAmendment`` alone, the API's AAW) whose release gives the modified contract
    of an awarded lot as an award of another id (the converter's row of that publication: "11111111-1-1" beside the
    award notice's "11111111-0-1") was a second current award of the lot: the provider's gunningen, the lot's and the
    procedure's awarded value counted twice (€ 5.000 + € 6.500), and on the timeline "gegund" on the day of the
    modification. As the API's modification (form type cont-modif) of a lot an earlier notice awarded, it is no award
    in force: the award notice's award stands, the modification's is kept, not current, and its timeline is the
    modification's own (`verlenging`). SYNTHETIC releases, written and derived in a real archive."""
    from tenderarchive.derive import derive

    first = _release("310210-a", "2021-03-01", [_award("11111111-0-1", "11111111", "Alpha B.V.", 500000)])
    amendment = dict(_release("310211-a", "2021-09-01", [_award("11111111-1-1", "11111111", "Alpha B.V.", 650000)]),
                     tag=["contractAmendment"],
                     contracts=[{"id": "c1", "awardID": "11111111-1-1", "value": {"amount": 650000, "currency": "EUR"},
                                 "amendments": [{"id": "1", "date": "2021-09-01T00:00:00Z",
                                                 "rationale": "Verlenging met een jaar"}]}])
    (procedure,), report = read(tmp_path, [first, amendment])
    assert report.errors == []
    db = archived(tmp_path / "archive.db", procedure)
    derive(db, 1)
    assert sorted((r["lot_id"], r["publication_id"], r["value_cents"], r["current"])
                  for r in db.query("select * from awards")) == [("1", 310210, 50000000, 1), ("1", 310211, 65000000, 0)]
    assert [(r["gunningen"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_procurements")] == [(1, 50000000)]
    assert [(e["date"], e["kind"], e["stage"]) for e in db.query(
        "select * from events where source_type = 'award' order by date")] == [
        ("2021-03-01", "award", "definitieve_gunning")]


def test_a_tender_cancellation_is_the_procedures_early_end_on_its_timeline(tmp_path):
    """OCDS ``tag`` values and reference §4 (whole procedure stopped: the API's VBE, isVroegtijdigBeeindigd): a later
    publication tagged ``tenderCancellation`` (tender status cancelled) was a "Publicatie (OCDS-dataset)" of no
    type: flagged cancelled, but on the timeline a publication of no stage, where the API's VBE is the cancellation
    (`mislukt`). It is a VBE; so is a stopped procedure's latest publication that gives no award, tagged or not.
    SYNTHETIC releases, written and derived in a real archive."""
    from tenderarchive.derive import derive

    tender = dict(_release("310300-a", "2021-03-01", []), tag=["tender"])
    cancelled = {"ocid": tender["ocid"], "id": "310301-a", "date": "2021-06-01T00:00:00Z",
                 "tender": {"id": "t", "title": "Jeugdhulp", "status": "cancelled", "statusDetails": "Ingetrokken"}}
    for tags in (["tenderCancellation"], None):
        (procedure,), report = read(tmp_path, [tender, dict(cancelled, **({"tag": tags} if tags else {}))])
        assert report.errors == []
        path = tmp_path / f"archive-{bool(tags)}.db"
        db = archived(path, procedure)
        derive(db, 1)
        assert [(n["publication_id"], n["notice_type"], n["notice_type_label"]) for n in db.query(
            "select * from notices order by publication_id")] == [
            (310300, None, "Publicatie (OCDS-dataset)"), (310301, "VBE", "Vroegtijdige beëindiging (OCDS-dataset)")]
        assert [(e["date"], e["kind"], e["stage"]) for e in db.query("select * from events order by date")] == [
            ("2021-03-01", "publication", None), ("2021-06-01", "cancellation", "mislukt")], tags


def test_an_award_cancellation_is_a_correction_of_the_award_not_an_award_notice(tmp_path):
    """OCDS ``tag`` values and reference §4 (rectified award): a later publication tagged ``awardCancellation`` alone
    cancels Alpha's award of lot 1 (status cancelled; the lot is then not awarded, for the reason given). It was an
    award notice ("Gunning (OCDS-dataset)", AGO, an award on the timeline) of a procedure whose lot it takes the
    winner from. It is a rectification of the award, as an ``awardUpdate`` is; Beta's lot 2 stays awarded.
    SYNTHETIC releases, written and derived in a real archive."""
    from tenderarchive.derive import derive

    first = _release("310400-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000)], lots=("1", "2"))
    second = _release("310400-b", "2021-03-01", [_award("b1", "22222222", "Beta B.V.", 700000, lots=("2",))],
                      lots=("1", "2"))
    cancel = {"ocid": first["ocid"], "id": "310401-a", "date": "2021-06-01T00:00:00Z", "tag": ["awardCancellation"],
              "awards": [{"id": "a1", "status": "cancelled", "statusDetails": "Gunning ingetrokken"}]}
    (procedure,), report = read(tmp_path, [first, second, cancel])
    assert report.errors == []
    db = archived(tmp_path / "archive.db", procedure)
    derive(db, 1)
    assert [(r["lot_id"], r["awarded"], r["not_awarded_reason"]) for r in db.query(
        "select * from lots order by lot_id")] == [("1", 0, "Gunning ingetrokken"), ("2", 1, None)]
    assert [(r["lot_id"], r["current"]) for r in db.query("select * from awards")] == [("2", 1)]
    assert [(n["publication_id"], n["notice_type"], n["notice_type_label"]) for n in db.query(
        "select * from notices order by publication_id")] == [
        (310400, "AGO", "Gunning (OCDS-dataset)"), (310401, "REC", "Rectificatie gunning (OCDS-dataset)")]
    assert [(e["kind"], e["stage"]) for e in db.query(
        "select * from events where source_type = 'notice' and source_id = '310401'")] == [
        ("rectification", "definitieve_gunning")]


def test_a_pending_award_is_no_winner_yet_until_a_later_release_makes_it_active(tmp_path):
    """OCDS awardStatus ``pending`` ("proposed, but not yet in force": a standstill period, a challenge) against
    reference §8.5 (the lot's status: awarded / not awarded / not known yet) and §4 (the current winners are those
    of the latest version): a pending award was stored as a final one, its supplier a winner, its value counted
    and its lot awarded. It names no winner yet and leaves its lot "not known yet"; an ``active`` award beside it
    stays a winner, and a later release giving the same award active makes it one. SYNTHETIC releases."""
    proposed = _release("310500-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000, status="pending"),
                                                   _award("b1", "22222222", "Beta B.V.", 700000, lots=("2",),
                                                          status="active")], lots=("1", "2"))
    (procedure,), _ = read(tmp_path, [proposed])
    assert [(lot["lot_id"], lot["awarded"]) for lot in procedure["lots"]] == [("1", None), ("2", 1)]
    assert [(a["lot_id"], a["value_cents"]) for a in procedure["awards"]] == [("2", 70000000)]
    assert [s["name"] for s in procedure["suppliers"]] == ["Beta B.V."]
    in_force = {"ocid": proposed["ocid"], "id": "310501-a", "date": "2021-04-01T00:00:00Z", "tag": ["awardUpdate"],
                "awards": [{"id": "a1", "status": "active"}]}
    (procedure,), _ = read(tmp_path, [proposed, in_force])
    assert [(lot["lot_id"], lot["awarded"]) for lot in procedure["lots"]] == [("1", 1), ("2", 1)]
    assert sorted((a["lot_id"], a["value_cents"]) for a in procedure["awards"]) == [("1", 50000000), ("2", 70000000)]
    assert sorted(s["name"] for s in procedure["suppliers"]) == ["Alpha B.V.", "Beta B.V."]


def test_the_lowest_and_highest_bid_of_a_release_of_one_lot_are_that_lots(tmp_path):
    """Reference §6.3: TenderNed's converter writes one release per publication × lot × winner, its
    ``lowestValidBidValue`` and ``highestValidBidValue`` statistics (ids "1", "2") naming no lot, where the counts
    ("3-<lot>") do; §8.5: lowest and highest tender are kept per lot. In a procedure of several lots such a
    statistic was no lot's, and every lot's lowest and highest tender was lost. It is the lot of its release's
    award; a release of awards of several lots, or of a whole publication (an all-digit id, §6.3 "per
    publication in the 2026 consumers"), leaves it to none. SYNTHETIC releases."""
    def with_bids(release, low, high, lot):
        release["bids"] = {"statistics": [
            {"id": "1", "measure": "lowestValidBidValue", "value": low, "currency": "EUR"},
            {"id": "2", "measure": "highestValidBidValue", "value": high, "currency": "EUR"},
            {"id": f"3-{lot}", "measure": "requests", "value": 3, "relatedLot": lot}]}
        return release
    first = with_bids(_release("310600-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000)],
                               lots=("1", "2")), 450000, 800000, "1")
    second = with_bids(_release("310600-b", "2021-03-01", [_award("b1", "22222222", "Beta B.V.", 700000, lots=("2",))],
                                lots=("1", "2")), 650000, 900000, "2")
    (procedure,), _ = read(tmp_path, [first, second])
    assert [(lot["lot_id"], lot["lowest_tender_cents"], lot["highest_tender_cents"], lot["tenders_received"])
            for lot in procedure["lots"]] == [("1", 45000000, 80000000, 3), ("2", 65000000, 90000000, 3)]
    both = with_bids(_release("310700-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000),
                                                         _award("b1", "22222222", "Beta B.V.", 700000, lots=("2",))],
                              lots=("1", "2"), ocid="ocds-1l04xe-313480"), 450000, 900000, "1")
    whole = with_bids(_release("310800", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000)],
                               lots=("1", "2"), ocid="ocds-1l04xe-313490"), 450000, 900000, "1")
    for release in (both, whole):  # several lots' awards; a release of a whole publication (all-digit id)
        (procedure,), _ = read(tmp_path, [release])
        assert [(lot["lot_id"], lot["lowest_tender_cents"]) for lot in procedure["lots"]] == [("1", None), ("2", None)]


def test_one_publication_giving_an_awards_value_with_and_without_vat_keeps_the_one_without(tmp_path):
    """Reference §6.3 (one release per publication × lot × winner, each repeating the award) and OCDS ``hasTax``
    (true: the amount includes VAT), against the forms' values exclusive of VAT: one publication's releases giving
    the award's value once without and once with VAT kept the later release's, the VAT-inclusive amount. The one
    without is kept, as the /html and PDF readers keep it; a later publication's value (a correction) is still
    the current one. SYNTHETIC releases."""
    def taxed(rid, amount):
        return _release(rid, "2021-03-01", [dict(_award("a1", "11111111", "Alpha B.V."), value={
            "amount": amount, "currency": "EUR", "hasTax": True})])
    plain = _release("310900-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 1000000)])
    (procedure,), _ = read(tmp_path, [plain, taxed("310900-b", 1210000)])
    assert [(a["value_cents"], a["value_raw"]) for a in procedure["awards"]] == [(100000000, "1000000")]
    (procedure,), _ = read(tmp_path, [plain, taxed("311000-a", 1210000)])
    assert [(a["value_cents"], a["value_raw"]) for a in procedure["awards"]] == [(121000000, "1210000 incl. btw")]


def test_the_buyer_is_the_party_of_the_role_buyer_where_the_release_names_it_there_alone():
    """§6.3: a release's ``parties`` give each organisation its roles; the buyer's party has the role "buyer". A
    release without a ``buyer`` object, or with one of an id alone, gave the procedure no buyer. The buyer is that
    party (not one the converter gave the roles buyer;supplier beside it), and the release's own ``buyer`` wins."""
    from tenderarchive.awards.ocds import to_procedure

    release = _release("310091", "2021-03-01", [_award("a", "22222222", "Jeugdteam Rijnstad")])
    release["parties"][0]["roles"] = "buyer;supplier"
    release["parties"].append({"id": "GM9999", "name": "Gemeente Rijnstad", "roles": ["buyer"]})
    assert to_procedure([release])["notice"]["buyer"] == "Gemeente Rijnstad"
    assert [s["is_buyer"] for s in to_procedure([release])["suppliers"]] == [1]
    release["buyer"] = {"id": "GM9999"}
    assert to_procedure([release])["notice"]["buyer"] == "Gemeente Rijnstad"
    release["buyer"] = {"id": "GM8888", "name": "Gemeente Oostdam"}
    assert to_procedure([release])["notice"]["buyer"] == "Gemeente Oostdam"
    del release["buyer"]
    release["parties"] = release["parties"][:1]
    assert to_procedure([release])["notice"]["buyer"] == "Jeugdteam Rijnstad"  # the only party of the role


def test_a_tender_amendment_repeating_the_awards_is_a_rectification_of_the_tender_not_an_award_notice(tmp_path):
    """OCDS ``tag`` values (releaseTag ``tenderAmendment``: "an amendment to an existing tender", with
    ``tender.amendments``) and reference §6.3 (one ocid, several publications): a later publication tagged
    ``tenderAmendment`` alone that, as releases giving the whole state do, repeats the award given before was an award
    notice ("Gunning (OCDS-dataset)", AGO) and its repeat the award: the amendment's day its date, the amendment its
    notice. It is a rectification of the contract notice (REC, "Rectificatie aankondiging", `aankondiging` on the
    timeline), and the award stays the award notice's. SYNTHETIC releases, written and derived in a real archive."""
    from tenderarchive.derive import derive

    first = _release("310600-a", "2021-03-01", [_award("a1", "11111111", "Alpha B.V.", 500000)])
    amendment = dict(_release("310601-a", "2021-04-01", [_award("a1", "11111111", "Alpha B.V.", 500000)]),
                     tag=["tenderAmendment"])
    amendment["tender"] = dict(amendment["tender"], amendments=[
        {"id": "1", "date": "2021-04-01T00:00:00Z", "description": "Omschrijving van perceel 1 aangevuld"}])
    (procedure,), report = read(tmp_path, [first, amendment])
    assert report.errors == []
    assert [(a["lot_id"], a["publication_id"], a["award_date"]) for a in procedure["awards"]] == [
        ("1", 310600, "2021-03-01")]
    db = archived(tmp_path / "archive.db", procedure)
    derive(db, 1)
    assert [(n["publication_id"], n["notice_type"], n["notice_type_label"]) for n in db.query(
        "select * from notices order by publication_id")] == [
        (310600, "AGO", "Gunning (OCDS-dataset)"), (310601, "REC", "Rectificatie aankondiging (OCDS-dataset)")]
    assert [(e["source_type"], e["date"], e["kind"], e["stage"]) for e in db.query(
        "select * from events order by date, source_type")] == [
        ("award", "2021-03-01", "award", "definitieve_gunning"),
        ("notice", "2021-03-01", "award", "definitieve_gunning"),
        ("notice", "2021-04-01", "rectification", "aankondiging")]


def test_a_tender_update_is_a_rectification_of_the_contract_notice_also_where_it_repeats_the_award(tmp_path):
    """OCDS ``tag`` values (releaseTag ``tenderUpdate``: "an update to an existing tender release", OCDS's tag for a
    corrected contract notice beside ``tenderAmendment``) and reference §4 ("Rectified award": a later publication,
    REC, under the same kenmerk) with §6.3 (one ocid, several publications): a publication tagged ``tenderUpdate``
    alone was a "Publicatie (OCDS-dataset)" of no type and no stage, and one that, as releases giving the whole state
    do, repeats the award given before was an award notice (AGO, "Gunning") whose repeat was the award: its day the
    award's date, the update the award's notice. Each is a rectification of the contract notice (REC, "Rectificatie
    aankondiging", `aankondiging` on the timeline), as a ``tenderAmendment`` is, and the award stays the award
    notice's. SYNTHETIC releases, written and derived in a real archive."""
    from tenderarchive.derive import derive

    tender = dict(_release("310800-a", "2021-01-10", []), tag=["tender"])
    corrected = dict(_release("310801-a", "2021-02-01", []), tag=["tenderUpdate"])
    corrected["tender"] = dict(corrected["tender"], tenderPeriod={"endDate": "2021-03-01T12:00:00Z"})
    award = _release("310802-a", "2021-06-01", [_award("a1", "11111111", "Alpha B.V.", 500000)])
    repeated = dict(_release("310803-a", "2021-07-01", [_award("a1", "11111111", "Alpha B.V.", 500000)]),
                    tag=["tenderUpdate"])
    (procedure,), report = read(tmp_path, [tender, corrected, award, repeated])
    assert report.errors == []
    assert [(a["lot_id"], a["publication_id"], a["award_date"]) for a in procedure["awards"]] == [
        ("1", 310802, "2021-06-01")]
    db = archived(tmp_path / "archive.db", procedure)
    derive(db, 1)
    assert [(n["publication_id"], n["notice_type"], n["notice_type_label"]) for n in db.query(
        "select * from notices order by publication_id")] == [
        (310800, None, "Publicatie (OCDS-dataset)"), (310801, "REC", "Rectificatie aankondiging (OCDS-dataset)"),
        (310802, "AGO", "Gunning (OCDS-dataset)"), (310803, "REC", "Rectificatie aankondiging (OCDS-dataset)")]
    assert [(e["date"], e["kind"], e["stage"]) for e in db.query(
        "select * from events where source_type = 'notice' order by date")] == [
        ("2021-01-10", "publication", None), ("2021-02-01", "rectification", "aankondiging"),
        ("2021-06-01", "award", "definitieve_gunning"), ("2021-07-01", "rectification", "aankondiging")]


def test_a_release_that_tenders_and_updates_the_tender_is_the_contract_notice_not_its_rectification(tmp_path):
    """OCDS ``tag`` values: a publication tagged ``tender`` and ``tenderUpdate`` at once (a release giving the tender's
    state with its update) is the contract notice itself, not a rectification of it. SYNTHETIC releases."""
    tender = dict(_release("310810-a", "2021-01-10", []), tag=["tender", "tenderUpdate"])
    award = _release("310811-a", "2021-06-01", [_award("a1", "11111111", "Alpha B.V.", 500000)])
    (procedure,), report = read(tmp_path, [tender, award])
    assert report.errors == []
    db = archived(tmp_path / "archive.db", procedure)
    assert [(n["publication_id"], n["notice_type"], n["notice_type_label"]) for n in db.query(
        "select * from notices order by publication_id")] == [
        (310810, None, "Publicatie (OCDS-dataset)"), (310811, "AGO", "Gunning (OCDS-dataset)")]


def test_a_planning_release_is_the_prior_information_notice_on_the_timeline(tmp_path):
    """OCDS ``tag`` values (releaseTag ``planning``: the procurement planned, before a tender) against stages.md
    (prior information → `vooraankondiging`): a publication whose releases only plan the procedure was a
    "Publicatie (OCDS-dataset)" of no type and no stage, so the procurement's timeline began at its tender. It is a
    prior information notice (VAK, "Vooraankondiging (OCDS-dataset)", `vooraankondiging`); a publication that plans
    and tenders at once stays the tender's. SYNTHETIC releases, written and derived in a real archive."""
    from tenderarchive.derive import derive

    planned = dict(_release("310700-a", "2020-11-01", []), tag=["planning"],
                   planning={"rationale": "Nieuwe inkoop jeugdhulp per 2022", "budget": {"description": "Begroting"}})
    tender = dict(_release("310701-a", "2021-01-10", []), tag=["planning", "tender"])
    award = _release("310702-a", "2021-06-01", [_award("a1", "11111111", "Alpha B.V.", 500000)])
    (procedure,), report = read(tmp_path, [planned, tender, award])
    assert report.errors == []
    db = archived(tmp_path / "archive.db", procedure)
    derive(db, 1)
    assert [(n["publication_id"], n["notice_type"], n["notice_type_label"]) for n in db.query(
        "select * from notices order by publication_id")] == [
        (310700, "VAK", "Vooraankondiging (OCDS-dataset)"), (310701, None, "Publicatie (OCDS-dataset)"),
        (310702, "AGO", "Gunning (OCDS-dataset)")]
    assert [(e["date"], e["kind"], e["stage"]) for e in db.query(
        "select * from events where source_type = 'notice' order by date")] == [
        ("2020-11-01", "vooraankondiging", "vooraankondiging"), ("2021-01-10", "publication", None),
        ("2021-06-01", "award", "definitieve_gunning")]


def two_lots_two_winners():
    """SYNTHETIC: lot 1 awarded to Stichting Een (EUR 300.000), lot 2 to Stichting Twee (EUR 200.000); gives the two
    awards, the lots and the parties for ``release``."""
    from tests.fixtures.awards.make_fixtures import supplier

    def euro(amount_):
        return {"amount": amount_, "currency": "EUR"}
    parties = [supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")]
    a1 = {"id": "a1", "status": "active", "relatedLots": ["1"], "value": euro(300000),
          "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}
    a2 = {"id": "a2", "status": "active", "relatedLots": ["2"], "value": euro(200000),
          "suppliers": [{"id": "22222222", "name": "Stichting Twee"}]}
    return a1, a2, [("1", "Een"), ("2", "Twee")], parties


def test_an_award_withdrawn_in_a_later_years_file_is_no_current_award_in_either_order(tmp_path):
    """OCDS awardStatus ``cancelled`` ("the award has been cancelled") and reference §4 (rectified award: the current
    winners and values are those of the latest version; lot not awarded), §6.3 (TenderNed's converter tags each release
    "tender" plus "award" where a supplier exists), §8.8 (merge releases by ocid). SYNTHETIC releases: the 2021 file
    awards lot 1 to Stichting Een (€ 300.000) and lot 2 to Stichting Twee (€ 200.000); a publication in the 2022 file
    gives Twee's award a2 again with status cancelled, tagged "tender", "award". One file holding both releases
    withdrew a2 (OCDS merging by award id); read from the two yearly files, in either order, lot 2 was not awarded
    while a2 stayed a current award: Twee a winner and € 200.000 counted (summary_procurements € 500.000). The
    withdrawing publication is now a correction of the award notice, as one tagged awardCancellation is, and the two
    files give what the one file gives."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.awards.test_store_awards import ocds_archive, written_in_either_order, yearly_files
    from tests.fixtures.awards.make_fixtures import release

    a1, a2, lots, parties = two_lots_two_winners()
    awarded = release("ocds-1l04xe-310700", "310700", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=lots, parties=parties, awards=[a1, a2])
    withdrawn = release("ocds-1l04xe-310700", "310701", "2022-03-01", "Jeugdhulp Leiden", "85311300-5",
                        lots=lots, parties=parties, awards=[dict(a2, status="cancelled")])

    def state(db):
        derive(db, 1)
        return ([(r["lot_id"], r["awarded"]) for r in db.query("select * from lots order by lot_id")],
                [(r["lot_id"], r["publication_id"]) for r in db.query(
                    "select * from awards where current = 1 order by lot_id")],
                [(r["winnaars"], r["gegunde_waarde_cents"]) for r in db.query("select * from summary_procurements")])

    one_file = state(ocds_archive(tmp_path / "one.db", to_procedure([awarded, withdrawn], source="one.json")))
    assert one_file == ([("1", 1), ("2", 0)], [("1", 310700)], [("Stichting Een", 30000000)]), one_file
    for db in written_in_either_order(tmp_path, yearly_files([awarded], [withdrawn])):
        assert state(db) == one_file
        assert [(n["publication_id"], n["notice_type"]) for n in db.query(
            "select * from notices order by publication_id")] == [(310700, "AGO"), (310701, "REC")]


def test_a_publication_repeating_one_award_and_cancelling_another_withdraws_it_in_either_order(tmp_path):
    """OCDS awardStatus ``cancelled`` and reference §4 (rectified award: the current winners and values are those of the
    latest version), §6.3 (the converter tags each release "tender" plus "award"; a 2026 file gives one release per
    publication, the whole state), §8.8 (merge releases by ocid). SYNTHETIC releases: the 2021 file awards lot 1 to
    Stichting Een (€ 300.000) and lot 2 to Stichting Twee (€ 200.000); a publication in the 2022 file repeats a1 as
    active and gives a2 with status cancelled (mixed statuses). One file holding both withdrew a2; read from the two
    yearly files, in either order, a2 stayed current (only a publication cancelling every award it gives was a
    correction). Two files in either order now give what the one file gives."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.awards.test_store_awards import ocds_archive, written_in_either_order, yearly_files
    from tests.fixtures.awards.make_fixtures import release

    a1, a2, lots, parties = two_lots_two_winners()
    awarded = release("ocds-1l04xe-310710", "310710", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=lots, parties=parties, awards=[a1, a2])
    mixed = release("ocds-1l04xe-310710", "310711", "2022-03-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=lots, parties=parties, awards=[a1, dict(a2, status="cancelled")])

    def state(db):
        derive(db, 1)
        return ([(r["lot_id"], r["awarded"]) for r in db.query("select * from lots order by lot_id")],
                [(r["lot_id"], r["name"]) for r in db.query(
                    "select a.lot_id, s.name from awards a join award_suppliers s using (award_id) "
                    "where a.current = 1 order by a.lot_id, s.name")],
                [(r["winnaars"], r["gegunde_waarde_cents"]) for r in db.query("select * from summary_procurements")])

    one_file = state(ocds_archive(tmp_path / "one.db", to_procedure([awarded, mixed], source="one.json")))
    assert one_file == ([("1", 1), ("2", 0)], [("1", "Stichting Een")], [("Stichting Een", 30000000)]), one_file
    for db in written_in_either_order(tmp_path, yearly_files([awarded], [mixed])):
        assert state(db) == one_file
        assert [(n["publication_id"], n["notice_type"]) for n in db.query(
            "select * from notices order by publication_id")] == [(310710, "AGO"), (310711, "REC")]


def test_an_award_of_a_group_of_lots_is_of_its_lots_together_its_value_counted_once(tmp_path):
    """Reference §2.3 (BT-13714: a tender is for "het perceel of de groep percelen", eForms' GLO-…), §6.2 (the
    converter's extensions include the lots extension, whose ``tender.lotGroups`` name a group's lots), §8.8 (link
    winners to lots through ``relatedLots``). SYNTHETIC release: lots 1 and 2 form group GLO-0001, awarded as one to
    Stichting Een for € 1.000.000; lot 3 to Stichting Drie for € 200.000. The group's award was an award of a lot
    "GLO-0001" the procedure does not have, lots 1 and 2 not known to be awarded. It is now one award of lots 1 and 2
    together (as an award naming both is), each lot awarded, the value counted once."""
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import group_award

    group = group_award("ocds-1l04xe-310810", "310810")
    (procedure,), report = read(tmp_path, [group])
    assert report.errors == []
    assert sorted((lot["lot_id"], lot["awarded"]) for lot in procedure["lots"]) == [("1", 1), ("2", 1), ("3", 1)]
    assert [(a["lot_id"], a["value_cents"]) for a in procedure["awards"]] == [("1, 2", 100000000), ("3", 20000000)]
    db = archived(tmp_path / "archive.db", procedure)
    derive(db, 1)
    assert sorted((r["lot_id"], r["awarded"]) for r in db.query("select * from lots")) == [("1", 1), ("2", 1), ("3", 1)]
    assert [(r["gegunde_waarde_cents"], r["aantal_winnaars"]) for r in db.query(
        "select * from summary_procurements")] == [(120000000, 2)]


def test_an_award_of_a_group_no_release_describes_makes_no_lot(tmp_path):
    """Reference §2.3 (BT-13714: a group of lots, GLO-…, is no lot), §8.8. SYNTHETIC release: lots 1 and 2, and an
    award to Stichting Een of the group GLO-0001, which no ``tender.lotGroups`` describes. The award made a third lot
    "GLO-0001" beside the procedure's two; the group is no lot: its award is kept under the group's id (its lots cannot
    be told), and the lots are the procedure's two, as the /html reader gives them."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    group = release("ocds-1l04xe-310820", "310820", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant"), ("2", "Verblijf")], parties=[supplier("11111111", "Stichting Een")],
                    awards=[{"id": "a1", "status": "active", "relatedLots": ["GLO-0001"],
                             "value": {"amount": 1000000, "currency": "EUR"},
                             "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}])
    (procedure,), report = read(tmp_path, [group])
    assert report.errors == []
    assert sorted(lot["lot_id"] for lot in procedure["lots"]) == ["1", "2"]
    assert [(a["lot_id"], a["value_cents"]) for a in procedure["awards"]] == [("GLO-0001", 100000000)]
    assert [s["name"] for s in procedure["suppliers"]] == ["Stichting Een"]


def test_an_award_id_repeated_on_each_lot_of_its_group_is_one_award_of_the_lots_its_value_counted_once(tmp_path):
    """Reference §6.3 (the converter writes one release per publication x lot x winner, repeating the award's value;
    merge releases by ocid), §4 (total vs per-winner values: a total is never derived from the lots' values), §8.8.
    SYNTHETIC per-row releases of publication 310830 without ``tender.lotGroups``: award a1 of Stichting Een,
    € 1.000.000 on the same day, given on the row of lot 1 and again on the row of lot 2 (one award of the two lots,
    its value printed per lot); lot 3 to Stichting Drie, € 200.000. The row of lot 2 replaced that of lot 1 (one award
    id): lot 1 lost its winner and was not known to be awarded. The award id is one award of lots 1 and 2 together, as
    a described group's is: each lot awarded, Een the winner of both, the value counted once (€ 1.200.000). Awards of
    distinct ids (a1, a2) printing equal amounts stay each lot's own value, counted per lot (€ 2.200.000): equal
    amounts are no sign of a group."""
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import release, supplier

    lots = [("1", "Ambulant"), ("2", "Verblijf"), ("3", "Crisis")]
    parties = [supplier("11111111", "Stichting Een"), supplier("33333333", "Stichting Drie")]

    def award(aid, lot, sid, name, amount_):
        return {"id": aid, "status": "active", "relatedLots": [lot], "date": "2021-11-01T00:00:00Z",
                "value": {"amount": amount_, "currency": "EUR"}, "suppliers": [{"id": sid, "name": name}]}

    def rows(ids):
        return [release("ocds-1l04xe-310830", f"310830-r{n}", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                        lots=lots, parties=parties, awards=[award(aid, lot, sid, name, amount_)])
                for n, (aid, lot, sid, name, amount_) in enumerate(
                    [(ids[0], "1", "11111111", "Stichting Een", 1000000), (ids[1], "2", "11111111", "Stichting Een",
                                                                           1000000),
                     ("a3", "3", "33333333", "Stichting Drie", 200000)])]

    def state(name, ids):
        (procedure,), report = read(tmp_path, rows(ids))
        assert report.errors == []
        db = archived(tmp_path / f"{name}.db", procedure)
        derive(db, 1)
        return (sorted((r["lot_id"], r["awarded"]) for r in db.query("select * from lots")),
                sorted((r["lot_id"], r["value_cents"], r["name"]) for r in db.query(
                    "select a.lot_id, a.value_cents, s.name from awards a join award_suppliers s using (award_id) "
                    "where a.current = 1")),
                [(r["gegunde_waarde_cents"], r["aantal_winnaars"]) for r in db.query(
                    "select * from summary_procurements")])

    awarded = [("1", 1), ("2", 1), ("3", 1)]
    assert state("one_id", ["a1", "a1"]) == (
        awarded, [("1, 2", 100000000, "Stichting Een"), ("3", 20000000, "Stichting Drie")], [(120000000, 2)])
    assert state("two_ids", ["a1", "a2"]) == (
        awarded, [("1", 100000000, "Stichting Een"), ("2", 100000000, "Stichting Een"),
                  ("3", 20000000, "Stichting Drie")], [(220000000, 2)])


def test_an_award_id_on_two_lots_with_values_of_their_own_keeps_each_lots_value_each_counted_once(tmp_path):
    """Reference §6.3 (one release per publication x lot x winner; ``awards[].relatedLots`` the row's lot, its
    ``value.amount`` the row's value), §4 (total vs per-lot values: a total is never derived from the lots' values).
    SYNTHETIC per-row releases of publication 310831 without ``tender.lotGroups``: award id a1 of Stichting Een on lot 1
    for € 1.000.000 and on lot 2 for € 400.000 (values of their own: no one award of the lots together, which round 60
    joined only where every row gives the same value); lot 3 to Stichting Drie, € 200.000. OCDS merging by award id
    kept the last lot's row alone: lot 1 lost its winner (not known to be awarded) and its € 1.000.000 was in no total
    (€ 600.000). Each lot keeps its award with its own value, as the /html gives a lot result per lot: € 1.600.000, each
    lot counted once (3 gunningen)."""
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import release, supplier

    lots = [("1", "Ambulant"), ("2", "Verblijf"), ("3", "Crisis")]
    parties = [supplier("11111111", "Stichting Een"), supplier("33333333", "Stichting Drie")]
    rows = [release("ocds-1l04xe-310831", f"310831-r{n}", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=lots, parties=parties,
                    awards=[{"id": aid, "status": "active", "relatedLots": [lot], "date": "2021-11-01T00:00:00Z",
                             "value": {"amount": amount_, "currency": "EUR"}, "suppliers": [{"id": sid, "name": name}]}])
            for n, (aid, lot, sid, name, amount_) in enumerate(
                [("a1", "1", "11111111", "Stichting Een", 1000000), ("a1", "2", "11111111", "Stichting Een", 400000),
                 ("a3", "3", "33333333", "Stichting Drie", 200000)])]
    (procedure,), report = read(tmp_path, rows)
    assert report.errors == []
    db = archived(tmp_path / "a.db", procedure)
    derive(db, 1)
    assert sorted((r["lot_id"], r["awarded"]) for r in db.query("select * from lots")) == [("1", 1), ("2", 1), ("3", 1)]
    assert sorted((r["lot_id"], r["value_cents"], r["name"]) for r in db.query(
        "select a.lot_id, a.value_cents, s.name from awards a join award_suppliers s using (award_id) "
        "where a.current = 1")) == [("1", 100000000, "Stichting Een"), ("2", 40000000, "Stichting Een"),
                                    ("3", 20000000, "Stichting Drie")]
    assert [(r["gegunde_waarde_cents"], r["gunningen"], r["aantal_winnaars"]) for r in db.query(
        "select * from summary_procurements")] == [(160000000, 3, 2)]
    # read again (a later crawl of the same file), nothing changes: each lot's row keeps its own value
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned_ocds", "status": "running"}, pk="crawl_id")
    with db.conn:
        write_ocds_procedure(db, ocds_record(OCDSProcedureItem(procedure=procedure, source_url="http://127.0.0.1/p.json"),
                                             "https://www.tenderned.nl/aankondigingen/overzicht/{id}"), 2)
    derive(db, 2)
    assert [(r["gegunde_waarde_cents"], r["gunningen"]) for r in db.query(
        "select * from summary_procurements")] == [(160000000, 3)]


def test_a_value_given_including_vat_is_left_out_of_the_totals_exclusive_of_it_and_said(tmp_path):
    """Reference §3.1 (V.2.4 values "exclusief btw"), §6.3 (``awards[].value`` with ``hasTax``), §8.7; the reference
    gives no VAT rate to convert by (§3.2's "BTW-tarief (%): 19" is an old form's own line; youth care may be exempt).
    SYNTHETIC release of publication 310832: lot 1 to Stichting Een for € 1.000.000 exclusive of VAT, lot 2 to
    Stichting Twee for € 1.210.000 with ``"hasTax": true``. The inclusive value was added to the totals as if exclusive
    (€ 2.210.000 in summary_procurements, the region year and Twee's provider total): it is left out of every total of
    values exclusive of VAT, and summary_procurements.waarde_incl_btw_cents says what was left out."""
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import release, supplier

    def award(aid, lot, sid, name, value):
        return {"id": aid, "status": "active", "relatedLots": [lot], "date": "2021-11-01T00:00:00Z", "value": value,
                "suppliers": [{"id": sid, "name": name}]}
    rows = [release("ocds-1l04xe-310832", "310832", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant"), ("2", "Verblijf")],
                    parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                    awards=[award("a1", "1", "11111111", "Stichting Een",
                                  {"amount": 1000000, "currency": "EUR", "hasTax": False}),
                            award("a2", "2", "22222222", "Stichting Twee",
                                  {"amount": 1210000, "currency": "EUR", "hasTax": True})])]
    (procedure,), report = read(tmp_path, rows)
    assert report.errors == []
    db = archived(tmp_path / "a.db", procedure)
    derive(db, 1)
    # the award keeps its value as given, and says it includes VAT
    assert sorted((r["lot_id"], r["value_cents"], r["value_has_tax"]) for r in db.query("select * from awards")) == [
        ("1", 100000000, 0), ("2", 121000000, 1)]
    assert [(r["gunningen"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_region_years")] == [(2, 100000000)]
    assert [(r["gunningen"], r["gegunde_waarde_cents"], r["waarde_incl_btw_cents"]) for r in db.query(
        "select * from summary_procurements")] == [(2, 100000000, 121000000)]
    assert sorted((r["name"], r["awards"], r["cents"]) for r in db.query(
        "select * from summary_org_regions where jeugdregio_code = ''")) == [
        ("Stichting Een", 1, 100000000), ("Stichting Twee", 1, None)]
    # the provider's regions page sums its values as summary_org_regions does
    import re

    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.metadata import load_metadata
    db.conn.commit()
    register_functions(db.conn)
    sql = load_metadata()["databases"]["archive"]["queries"]["aanbieder_regios"]["sql"]
    twee = db.execute("select organisation_id from award_suppliers where name = 'Stichting Twee'").fetchone()[0]
    cursor = db.conn.execute(sql, {**{p: "" for p in re.findall(r"(?<!:):(\w+)", sql)}, "aanbieder": twee})
    names = [c[0] for c in cursor.description]
    assert [(r["gunningen"], r["waarde_cents"]) for r in (dict(zip(names, row)) for row in cursor)] == [(1, None)]


def test_a_rectification_naming_one_of_an_awards_two_winners_replaces_the_award_winners_and_all(tmp_path):
    """Reference §4 "Rectified award" (the current winners are those of the latest version), §6.3 (one release per
    publication x lot x winner). SYNTHETIC per-row releases: publication 310838 gives award a1 of lot 1 to Stichting
    Een and Stichting Twee (€ 1.000.000); publication 310839, a month later, gives a1 again to Stichting Een alone for
    € 900.000. The award id's latest publication was read off the order in which (id, winners) first appeared, where
    Een's row (first given by 310838) came before Twee's: 310838 was taken for the latest, so Twee stayed the current
    winner at € 1.000.000 and the correction was lost. It is the latest release's publication: Een, € 900.000."""
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import release, supplier

    parties = [supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")]

    def row(rid, day, sid, name, amount_):
        return release("ocds-1l04xe-310838", rid, day, "Jeugdhulp Leiden", "85311300-5", lots=[("1", "Ambulant")],
                       parties=parties,
                       awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                                "value": {"amount": amount_, "currency": "EUR"},
                                "suppliers": [{"id": sid, "name": name}]}])
    (procedure,), report = read(tmp_path, [row("310838-r0", "2021-11-01", "11111111", "Stichting Een", 1000000),
                                           row("310838-r1", "2021-11-01", "22222222", "Stichting Twee", 1000000),
                                           row("310839-r0", "2021-12-01", "11111111", "Stichting Een", 900000)])
    assert report.errors == []
    db = archived(tmp_path / "a.db", procedure)
    derive(db, 1)
    assert list(db.query("select a.publication_id, a.value_cents, s.name from awards a join award_suppliers s "
                         "using (award_id) where a.current = 1")) == [
        {"publication_id": 310839, "value_cents": 90000000, "name": "Stichting Een"}]
    assert [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")] == [90000000]


def _notice_columns_by_tender_field(tmp_path, field, columns, cases):
    """For each (number, value) of ``cases``: one package release of that number with ``tender[field]`` set to the
    value (left out when None), read and archived without errors; the archived notices' ``columns`` by number."""
    found = {}
    for number, value in cases:
        release = _release(f"{number}-a", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 600000)],
                           ocid=f"ocds-1l04xe-{number}")
        if value is not None:
            release["tender"][field] = value
        (procedure,), report = read(tmp_path, [release])
        assert report.errors == []
        db = archived(tmp_path / f"{number}.db", procedure)
        found[number] = db.execute(f"select {columns} from notices").fetchall()
    return found


def test_a_packages_framework_agreement_or_dps_is_the_notices_contract_nature(tmp_path):
    """Reference §6.3 (OCPC: ``tender.techniques.hasFrameworkAgreement`` true when the nature is "Raamovereenkomst",
    ``hasDynamicPurchasingSystem`` when it is "Instellen van dynamisch aankoopsysteem (DAS)") and tenderned-api.md §9:
    the package's nature was read (``framework``) and then dropped, so a notice of a package had no
    ``contract_nature`` where the API's notice of the same kind has RAA or IDA (``opdrachtAardCode``): a framework
    or a DAS from before the API window could not be told apart. SYNTHETIC releases."""
    natures = _notice_columns_by_tender_field(
        tmp_path, "techniques", "contract_nature, contract_nature_label",
        (("310071", {"hasFrameworkAgreement": True}),
         ("310072", {"hasDynamicPurchasingSystem": True, "hasFrameworkAgreement": False}),
         ("310073", {"hasFrameworkAgreement": False}), ("310074", None),
         ("310075", {"hasFrameworkAgreement": "ja"})))   # an odd flag: no nature, no skip
    assert natures == {"310071": [("RAA", "Raamovereenkomst")],
                       "310072": [("IDA", "Instellen van dynamisch aankoopsysteem (DAS)")],
                       "310073": [(None, None)], "310074": [(None, None)], "310075": [(None, None)]}


def test_a_packages_main_procurement_category_is_the_notices_type_of_contract(tmp_path):
    """Reference §6.3 (``tender.mainProcurementCategory``: "services") and tenderned-api.md §9 (type opdracht
    "Leveringen/Werken/Diensten"): the package's category was not read, so a notice of a package had no
    ``contract_type`` where the API's notice has D "Diensten" (``typeOpdrachtCode``), and the dashboards' and
    searches' type of contract left the years before the API window out. OCDS's codes goods, works, services are L, W,
    D; another value is none, never a skipped release. SYNTHETIC releases."""
    types = _notice_columns_by_tender_field(
        tmp_path, "mainProcurementCategory", "contract_type, contract_type_label",
        (("310081", "services"), ("310082", "goods"), ("310083", "works"), ("310084", None),
         ("310085", "consultingServices"), ("310086", ["services"])))
    assert types == {"310081": [("D", "Diensten")], "310082": [("L", "Leveringen")], "310083": [("W", "Werken")],
                     "310084": [(None, None)], "310085": [(None, None)], "310086": [(None, None)]}


def test_a_packages_procedure_label_is_the_notices_procedure_code(tmp_path):
    """Reference §6.3 (``procurementMethodDetails`` holds the Dutch procedure label, "Openbaar") and tenderned-api.md
    §7.2 (the same labels, TenderNed's own dataset's, beside the API's codes OPE, NOP, …): a notice of a package
    had the label but no ``procedure`` code where the API's notice of the same procedure has OPE, so a filter or a
    facet on the code left the years before the API window out. A label the reference gives a code has that code
    (in any case and spacing); another label (one whose code the reference does not know, "Onderhandse procedure")
    keeps its label and no code, never a guessed one; ``procurementMethod`` alone ("open") gives none. SYNTHETIC."""
    procedures = {}
    for number, details, method in (
            ("310091", "Openbaar", "open"), ("310092", "Niet-openbaar", "selective"),
            ("310093", "  concurrentiegerichte   Dialoog ", "selective"), ("310094", "Onderhandeling zonder bekendmaking", "limited"),
            ("310095", "Onderhandse procedure", "limited"), ("310096", None, "open"),
            ("310098", "Andere procedure in meerdere fasen", None)):
        release = _release(f"{number}-a", "2021-03-01", [_award("a", "11111111", "Alpha B.V.", 600000)],
                           ocid=f"ocds-1l04xe-{number}")
        if details is not None:
            release["tender"]["procurementMethodDetails"] = details
        if method is not None:
            release["tender"]["procurementMethod"] = method
        (procedure,), report = read(tmp_path, [release])
        assert report.errors == []
        db = archived(tmp_path / f"{number}.db", procedure)
        procedures[number] = db.execute("select procedure from notices").fetchall()
    assert procedures == {"310091": [("OPE",)], "310092": [("NOP",)], "310093": [("CCD",)], "310094": [("OZB",)],
                          "310095": [(None,)], "310096": [(None,)], "310098": [("APM",)]}


def test_a_packages_winners_postcode_is_archived_beside_its_place(tmp_path):
    """Reference §6.3: a supplier party's ``address`` holds ``streetAddress``, ``locality``, ``postalCode`` and
    ``countryName``; the winner kept its place and country, and its postcode was read nowhere (the /html's section 8
    gives it as well). SYNTHETIC release."""
    release = _release("310101-a", "2021-03-01", [_award("a", "41165432", "Stichting Jeugdhulp Leiden", 600000)],
                       ocid="ocds-1l04xe-310101")
    release["parties"][0]["address"] = {"streetAddress": "Breestraat 1", "locality": "Leiden", "postalCode": "2311 AA",
                                        "countryName": "Nederland"}
    (procedure,), report = read(tmp_path, [release])
    assert report.errors == []
    db = archived(tmp_path / "a.db", procedure)
    assert db.execute("select name, place, postcode from award_suppliers").fetchall() == [
        ("Stichting Jeugdhulp Leiden", "Leiden", "2311 AA")]


def test_a_packages_winners_street_address_is_archived_beside_its_postcode(tmp_path):
    """Reference §6.3: a supplier party's ``address`` holds ``streetAddress``, ``locality``, ``postalCode`` and
    ``countryName``; the winner kept its place, postcode and country, and its street was read nowhere (the /html's
    section 8 "Postadres" gives it as well). A street that is no text is none. SYNTHETIC releases."""
    release = _release("310102-a", "2021-03-01", [_award("a", "41165432", "Stichting Jeugdhulp Leiden", 600000)],
                       ocid="ocds-1l04xe-310102")
    release["parties"][0]["address"] = {"streetAddress": " Breestraat 1 ", "locality": "Leiden",
                                        "postalCode": "2311 AA", "countryName": "Nederland"}
    other = _release("310103-a", "2021-03-01", [_award("a", "41165433", "Stichting Jeugdhulp Delft", 500000)],
                     ocid="ocds-1l04xe-310103")
    other["parties"][0]["address"] = {"streetAddress": ["Markt 1"], "locality": "Delft"}
    procedures, report = read(tmp_path, [release, other])
    assert report.errors == []
    seen = {}
    for i, procedure in enumerate(procedures):
        db = archived(tmp_path / f"{i}.db", procedure)
        seen.update(db.execute("select name, street from award_suppliers").fetchall())
    assert seen == {"Stichting Jeugdhulp Leiden": "Breestraat 1", "Stichting Jeugdhulp Delft": None}


def test_a_packages_winners_country_is_archived_with_one_code_however_written(tmp_path):
    """Reference §6.3: "Country comes as ``address.countryName`` with values such as "Nederland" or "NL" (TDS and TH
    both normalise several spellings)": the archive kept the spelling only, so one package's Dutch winners were "NL"
    and another's "Nederland". ``award_suppliers.country_code`` is the country's ISO code beside it, as the /html's
    winners get it. SYNTHETIC releases."""
    seen = []
    for i, country in enumerate(("Nederland", "NL", "Belgium", None)):
        release = _release(f"31020{i}-a", "2021-03-01", [_award("a", f"4116543{i}", f"Stichting Zorg {i}", 600000)],
                           ocid=f"ocds-1l04xe-31020{i}")
        release["parties"][0]["address"] = {"locality": "Leiden", **({"countryName": country} if country else {})}
        (procedure,), report = read(tmp_path, [release])
        assert report.errors == []
        db = archived(tmp_path / f"{i}.db", procedure)
        seen += db.execute("select country, country_code from award_suppliers").fetchall()
    assert seen == [("Nederland", "NL"), ("NL", "NL"), ("Belgium", "BE"), (None, None)]


def test_a_partys_place_scale_or_address_of_the_wrong_shape_costs_itself_and_many_are_said_once_each_up_to_a_bound(
        tmp_path):
    """A party's descriptive field of the wrong shape (a place of 5,000 characters, an address or ``details`` that is
    text, a scale that is a number) made the schema refuse the release, and its winner was lost. Each is read as
    NULL, the rest of the party (its name, its KvK number) and the release kept; one note per field, the first
    ``MAX_FIELD_NOTES`` of a package word for word and the rest counted, as a package of 100,000 releases written
    with one wrong shape throughout would otherwise fill the crawl's record. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import MAX_FIELD_NOTES

    shapes = [{"address": {"locality": "L" * 5000, "countryName": "NL"}}, {"address": "Breestraat 1, Leiden"},
              {"details": "sme"}, {"details": {"scale": 3}}]
    releases = []
    for i in range(MAX_FIELD_NOTES + 5):
        release = _release(f"3103{i:02d}-a", "2021-03-01", [_award("a", f"411654{i:02d}", f"Stichting Zorg {i}", 1000)],
                           ocid=f"ocds-1l04xe-3103{i:02d}")
        release["parties"][0].update(shapes[i % len(shapes)])
        releases.append(release)
    procedures, report = read(tmp_path, releases)
    assert report.errors == []
    assert sorted(s["kvk"] for p in procedures for s in p["suppliers"]) == [f"411654{i:02d}" for i in range(len(releases))]
    assert [s["place"] for s in procedures[0]["suppliers"]] == [None]
    assert [s["country"] for s in procedures[0]["suppliers"]] == ["NL"]  # the other field of the address is kept
    assert report.field_notes[:4] == [
        "release 1 (ocds-1l04xe-310300): parties[0].address.locality is text of 5,000 characters, longer than a name: "
        "read as NULL",
        "release 2 (ocds-1l04xe-310301): parties[0].address is text, not an object: read as NULL",
        "release 3 (ocds-1l04xe-310302): parties[0].details is text, not an object: read as NULL",
        "release 4 (ocds-1l04xe-310303): parties[0].details.scale is a number (3), not text: read as NULL"]
    assert (len(report.field_notes), report.more_field_notes) == (MAX_FIELD_NOTES, 5)
