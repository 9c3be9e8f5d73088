"""What a notice or an article puts on its procurement's timeline.

Pure functions from archived rows to ``events`` rows; :mod:`tenderarchive.derive`
calls them after every crawl, so the timeline always follows the archived (never
downgraded) notice and the article's current link. Stage ids are those of
docs/reference/stages.md (docs/glossary.md); event kinds, and which notice gives which
stage, are listed in the glossary.
"""

from __future__ import annotations

import re

from tenderarchive.store.keys import event_id

#: What the publication of each notice type means on a procurement's timeline: (kind, stage).
PUBLICATION_EVENTS = {
    "VAK": ("vooraankondiging", "vooraankondiging"), "MAC": ("marktconsultatie", "marktconsultatie"),
    "AAO": ("tender_publication", "aankondiging"), "REC": ("rectification", "aankondiging"),
    "AGO": ("award", "definitieve_gunning"), "AAW": ("modification", "verlenging"),
    "VBE": ("cancellation", "mislukt"),
}

#: The stage of each eForms form type (``formType``, docs/reference/tenderned-api.md §8.4): a
#: rectification (REC) corrects a notice of its own form type, so it belongs to that notice's
#: stage -- a corrected award is still ``definitieve_gunning``, never back at ``aankondiging``.
FORM_TYPE_STAGES = {
    "planning": "vooraankondiging", "consultation": "marktconsultatie", "competition": "aankondiging",
    "result": "definitieve_gunning", "cont-modif": "verlenging",
    "ocds": "definitieve_gunning",  # an OCDS package's rectification is an award update (pipelines/awards.py)
}

#: The type label of an OCDS package's rectification of the contract notice (a publication tagged
#: ``tenderAmendment`` or ``tenderUpdate``, pipelines/awards.py): the package gives no form type (``form_type``
#: "ocds" says where it was read), so its label says which notice it corrects; its stage is the contract notice's,
#: `aankondiging`.
OCDS_TENDER_RECTIFICATION = "Rectificatie aankondiging (OCDS-dataset)"

#: An award notice (AGO) that is really something else, by its form type: a voluntary ex-ante
#: transparency notice (VEAT, form type ``dir-awa-pre``, "vrijwillige transparantie vooraf")
#: announces the intention to award directly, the standstill running (``voorlopige_gunning``);
#: a contract modification (``cont-modif``) is ``verlenging`` as an AAW is.
AWARD_FORM_EVENTS = {"dir-awa-pre": ("provisional_award", "voorlopige_gunning"),
                     "cont-modif": ("modification", "verlenging")}

#: Every event kind a notice can put on a timeline (article events add the kinds of
#: :mod:`tenderarchive.analysis.dates`).
NOTICE_EVENT_KINDS = sorted({kind for kind, _ in [*PUBLICATION_EVENTS.values(), *AWARD_FORM_EVENTS.values()]}
                            | {"publication", "inschrijf_deadline", "reply_deadline", "contract_start"})


def publication_event(notice_type: str | None, form_type: str | None = None,
                      is_cancelled: int | None = None, no_winner: bool = False,
                      corrects: str | None = None) -> tuple[str, str | None]:
    """(kind, stage) of a notice's publication, from its type, eForms form type and flag, and
    (``no_winner``) whether its results close every lot it describes without a winner, and (``corrects``) for a
    rectification the stage of the notice it corrects (that naming it as its latest rectification; an award notice's
    where its results name winners)."""
    kind, stage = PUBLICATION_EVENTS.get(notice_type or "", ("publication", None))
    if kind == "rectification":  # the stage of the notice it corrects (a contract notice when unsaid)
        # a rectification of no known form type (an older standard-form notice has none) is of the stage of the
        # notice it corrects: one of an award notice put the procedure back at `aankondiging` after its award
        stage = FORM_TYPE_STAGES.get(form_type or "", corrects or stage)
    elif kind == "award":
        kind, stage = AWARD_FORM_EVENTS.get(form_type or "", (kind, stage))
    elif notice_type not in PUBLICATION_EVENTS and form_type != "ocds":
        # a notice of no known type (one found through /gerelateerd whose detail names none: its row's form type,
        # docs/reference/tenderned-api.md §6, §13) is of its eForms form type's stage: it had none on the timeline
        stage = FORM_TYPE_STAGES.get(form_type or "")
    if (is_cancelled or no_winner) and stage == "definitieve_gunning":
        # An award notice (or its rectification) flagged isVroegtijdigBeeindigd, or whose every lot
        # reads "Er is geen winnaar gekozen en de mededinging is gesloten", announces that the
        # procedure ended without an award (docs/reference/tenderned-awards.md §4: about 16% of AGOs are really
        # cancellations or VEATs).
        kind, stage = "cancellation", "mislukt"
    return kind, stage


def notice_stage(notice_type: str | None, form_type: str | None = None, is_cancelled: int | None = None) -> str | None:
    """The stage of a notice's publication from the notice row alone (the SQL function ``notice_stage``
    of the saved searches and the dashboard; the derived events also read the notice's award results,
    ``no_winner``)."""
    return publication_event(notice_type, form_type, is_cancelled)[1]


def date_order(date) -> str | None:
    """Where a timeline puts an event's date (SQL ``date_order(date)``): a day on its day, a month ("2018-03": "in
    maart 2018", "eind maart 2018") after that month's days and before the next month's, a year ("2019") after that
    year's days and months, a range by its start (``events.date``): "2018-03-99", "2019-99-99". As text "2018-03"
    sorted before "2018-03-13". The one reading order of the timeline (``procurement_timeline``), of a procurement's
    current stage (:data:`CURRENT_STAGE_SQL`) and of the ``events`` table page; NULL stays NULL."""
    if date is None:
        return None
    return (str(date) + "-99-99")[:10]


def date_order_sql(expr: str) -> str:
    """SQL of :func:`date_order` of ``expr``, for a statement run where the function is not registered (the
    derivation's and the migrations' connections): the same key, NULL stays NULL."""
    return f"substr(({expr}) || '-99-99', 1, 10)"


def date_filter_sql(column: str, bound: str, before: bool = False) -> str:
    """SQL: whether the date in ``column`` (a day, a month "2021-01" or a year "2021") is on or after the day ``bound``
    (``before``: before it), the one meaning of the saved searches' date filters (``na``/``since``/``sinds``,
    ``voor``; metadata.yaml says ``__SINCE__(column, bound)``, ``__BEFORE__(column, bound)``). A date known to its
    month or year only is within it and stands where the timeline puts it, after its days (:func:`date_order`): it is
    before a day only when its whole month (year) is, on or before "2021-01-31" ("2021-01" before "2021-02-01", not
    before "2021-01-31"), and on or after a day of its month (year) or an earlier one. A bound given to its month or
    year ("2021-02") is its first day. As text "2021-01" was before every January day, and not since "2021-01-15". So
    a date is before a bound exactly when it is not on or after it (NULL is neither); written without a function, on
    the column itself, so an index on it still serves. The ``before`` of the lists paged back by date
    (``by_jeugdregio``, ``award_notices``, ``awards_without_prior_call``, ``changed_notices``) is no such filter: it
    is the cursor of the page's own order, its column as text by its index, and compares as that order sorts, so
    paging back loses no row."""
    start = f"substr(({bound}) || '-01-01', 1, 10)"
    since = f"({column} >= {start} or {column} in (substr({start}, 1, 7), substr({start}, 1, 4)))"
    return f"(not {since})" if before else since


def ordered(event: dict) -> dict:
    """``event``, an ``events`` row, with its sort key ``date_order`` (:func:`date_order` of its ``date``): every
    ``events`` row this module makes passes here, the one place the key is set. The ``events`` table page sorts by it
    (tenderarchive/datasette/tables/events.yaml), in the timeline's order where its ``date`` as text put a month
    before that month's days and a year before that year's; an older archive's rows gain it on opening
    (``schema.migrate_event_order``)."""
    event["date_order"] = date_order(event.get("date"))
    return event


#: A procurement's current stage (its "Fase"), for the procurement ``{procurement}`` (SQL: ``?1``,
#: ``p.procurement_id``): ``mislukt`` when TenderNed flags one of its notices as ended early (isVroegtijdigBeeindigd,
#: ``notices.is_cancelled``: the flag says so, not when, so no event is dated by it); else the stage of its latest
#: dated event up to today in the timeline's order (:func:`date_order`: a year's "2019 contractstart" after
#: "1 januari 2019"; of two on one day, the later stage in the order of docs/reference/stages.md), except the
#: contract start a notice announced (aanvangOpdrachtDatum, a plan) once the procedure failed (``mislukt``) before
#: it: a cancelled procedure never starts its contract. Written here once: the procurement page
#: (``research.STAGE_SQL``) and the saved searches ``jeugdregio_aanbestedingen`` and ``opdrachtgever_aanbestedingen``
#: (``__CURRENT_STAGE__`` in metadata.yaml, ``metadata.load_metadata``) read it.
CURRENT_STAGE_SQL = """(select case when exists (select 1 from notices c where c.procurement_id = {procurement}
  and c.is_cancelled = 1) then 'mislukt' else (select e.stage from events e where e.procurement_id = {procurement}
  and coalesce(e.stage, '') != '' and e.date <= vandaag() and not (e.source_type = 'notice'
  and e.kind = 'contract_start' and exists (select 1 from events m where m.procurement_id = e.procurement_id
  and m.stage = 'mislukt' and m.date <= e.date))
  order by date_order(e.date) desc, stage_rank(e.stage) desc, e.event_id desc limit 1) end)"""


def current_stage_sql(procurement: str) -> str:
    """:data:`CURRENT_STAGE_SQL` for the procurement id the SQL expression ``procurement`` gives."""
    return CURRENT_STAGE_SQL.format(procurement=procurement)


def notice_events(notice: dict) -> list[dict]:
    """The dated events of an archived ``notices`` row (with ``no_winner`` when its award results
    close every lot without a winner, and ``corrects``, a rectification's stage of the notice it corrects,
    :func:`tenderarchive.derive.refresh_notice_events`)."""
    label = notice["notice_type_label"] or notice["notice_type"]
    form_type = notice.get("form_type")
    if form_type == "ocds" and label == OCDS_TENDER_RECTIFICATION:
        form_type = "competition"  # it corrects the tender, not an award (OCDS_TENDER_RECTIFICATION)
    kind, stage = publication_event(notice["notice_type"], form_type, notice.get("is_cancelled"),
                                    bool(notice.get("no_winner")), notice.get("corrects"))
    deadline = notice.get("deadline") or ""
    consultation = notice.get("consultation_deadline")
    if stage == "marktconsultatie":
        # A market consultation takes reactions, not tenders: its closing date (sluitingsDatum) is the
        # consultation's, once (docs/reference/tenderned-api.md §3: sluitingsDatumMarktconsultatie "instead of" it).
        deadline_event = ("reply_deadline", "marktconsultatie")
        if deadline[:10] == (consultation or "")[:10]:
            deadline = ""
    else:
        deadline_event = ("inschrijf_deadline", "inschrijving")
    candidates = [
        (notice.get("published"), kind, stage, f"TenderNed: {label} — {notice.get('title')}"),
        (deadline[:10], *deadline_event,
         f"Sluitingsdatum {deadline[:16].replace('T', ' ')} ({label} {notice['publication_id']})"),
        (consultation, "reply_deadline", "marktconsultatie",
         f"Sluitingsdatum marktconsultatie ({label} {notice['publication_id']})"),
        (notice.get("start_date"), "contract_start", "contractstart",
         f"Aanvang opdracht volgens {label} {notice['publication_id']}"),
    ]
    events = []
    for day, event_kind, event_stage, sentence in candidates:
        if not day:
            continue
        event = {"procurement_id": notice["procurement_id"], "source_type": "notice",
                 "source_id": str(notice["publication_id"]), "date": day[:10], "date_end": None,
                 "precision": "day", "kind": event_kind, "stage": event_stage, "sentence": sentence,
                 "year_inferred": 0, "inference": None, "source_url": notice["url"],
                 "crawl_id": notice.get("crawl_id")}
        event["event_id"] = event_id("notice", event["source_id"], event)
        events.append(ordered(event))
    return events


def article_events(rows: list[dict], procurement_id: str | None) -> list[dict]:
    """``events`` rows of an article's ``article_events``, on the procurement it is linked to."""
    return [ordered({"event_id": r["event_id"], "procurement_id": procurement_id, "source_type": "article",
                     "source_id": r["url"], "date": r["date"], "date_end": r["date_end"], "precision": r["precision"],
                     "kind": r["kind"], "stage": r["stage"], "sentence": r["sentence"],
                     "year_inferred": r["year_inferred"], "inference": r["inference"], "source_url": r["url"],
                     "crawl_id": r["crawl_id"]}) for r in rows]


def euro(cents: int | None) -> str | None:
    """Integer cents as Dutch money text: 125000050 → "€ 1.250.000,50"."""
    if cents is None:
        return None
    return f"€ {cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"


#: Notice types and eForms form types (reference tenderned-api.md §7.1, §8.4) of a notice that awards nothing.
CONTRACT_STAGE_TYPES, CONTRACT_STAGE_FORMS = ("AAO", "VAK", "MAC"), ("competition", "planning", "consultation")


def awards_nothing(notice: dict) -> bool:
    """Whether a notice (its ``notice_type`` and ``form_type``) is of a contract stage that awards nothing, by
    neither calling itself a result: the type an award notice was corrected to under its publicatieId."""
    if notice.get("form_type") == "result" or notice.get("notice_type") in ("AGO", "REC"):
        return False
    return notice.get("notice_type") in CONTRACT_STAGE_TYPES or notice.get("form_type") in CONTRACT_STAGE_FORMS


def award_events(award: dict, winners: list[dict], lot_title: str | None, form_type: str | None = None) -> list[dict]:
    """The timeline events of a current award: the winner chosen and the contract concluded,
    naming the lot, the winners and the value (superseded awards put nothing on the timeline). The winner of a
    notice of the form type of a VEAT (``dir-awa-pre``) is the intention to award (``voorlopige_gunning``), of a
    contract modification (``cont-modif``) the modification (``verlenging``), as the notice's own publication is
    (:data:`AWARD_FORM_EVENTS`): they were ``definitieve_gunning``, "gegund aan"."""
    if not award.get("current"):
        return []
    named = [w["name"] + (f" (KvK {w['kvk']})" if w.get("kvk") else "") for w in winners if w.get("name")]
    # the winners no source names (awards.unnamed_winners; reference §2.5 "No name": said, none invented), last, as the
    # award feeds and the summaries say them; "onbekend" where the award says nothing of its winners
    unnamed = int(award.get("unnamed_winners") or 0)
    if unnamed > 0:
        named.append("niet genoemd" + (f" ({unnamed} winnaars)" if unnamed > 1 else ""))
    names = ", ".join(named)
    # an OCDS award that names no lot of several (lot_id NULL) is the procedure's
    # ... and one of several lots together ("1, 2", one award) their percelen
    lot = lot_label(award.get("lot_id"), lot_title)
    # a value the source gives including VAT (awards.value_has_tax 1: OCDS hasTax true, the notice's own "incl. btw")
    # says so, as the saved searches' Atom entries do: the forms' values, and so the totals, are exclusive of VAT
    # (reference tenderned-awards.md §3.1, §6.3); it read as any other value
    value = award_value(award)
    kind, stage = AWARD_FORM_EVENTS.get(form_type or "", ("award", "definitieve_gunning"))
    if stage == "verlenging":
        sentence = f"{lot} gewijzigd, opdrachtnemer {names or 'onbekend'}" + (f", waarde {value}" if value else "")
    else:
        verb = "voorlopig gegund" if stage == "voorlopige_gunning" else "gegund"
        sentence = f"{lot} {verb} aan {names or 'onbekend'}" + (f" {value_words(award)}" if value else "")
    events = []
    for day, kind, stage, text in ((award.get("award_date"), kind, stage, sentence),
                                   (award.get("contract_date"), "signing", "contract_ondertekend",
                                    f"Contract getekend: {sentence}")):
        if not day:
            continue
        event = {"procurement_id": award["procurement_id"], "source_type": "award", "source_id": award["award_id"],
                 # a date known only to its month ("2021-01": a notice printed "januari 2021") is that month's
                 "date": day[:10], "date_end": None, "precision": "month" if len(day) == 7 else "day", "kind": kind,
                 "stage": stage, "sentence": text, "year_inferred": 0, "inference": None, "source_url": award.get("source_url"),
                 "crawl_id": award.get("crawl_id")}
        event["event_id"] = event_id("award", award["award_id"], event)
        events.append(ordered(event))
    return events


def award_value(award: dict) -> str | None:
    """The value an award's sentence gives: its euro value ("incl. btw" where given including VAT), else the value as
    published where it has no euro amount (:func:`foreign_value`, :func:`printed_value`), else its framework maximum
    ("maximaal € …"); None for an award without one. (:func:`tenderarchive.derive.stale_award_wording` compares the
    archived sentences with it.)"""
    return (euro(award.get("value_cents")) and " ".join(filter(None, (value_bound(award.get("value_raw")),
                                                                    euro(award.get("value_cents")))))
            + (" incl. btw" if award.get("value_has_tax") == 1 else "")) \
        or foreign_value(award) \
        or printed_value(award) \
        or (euro(award.get("framework_maximum_cents")) and f"maximaal {euro(award.get('framework_maximum_cents'))}")


#: The word before a published amount that bounds it ("maximaal € 2 miljoen", "ten hoogste € 2.000.000", "tot
#: € 500.000", "ten minste", "circa"), read in the text before its first digit: the value is a ceiling, a floor or an
#: estimate, which the award's sentence says (:func:`value_bound`). A word after the amount ("€ 2.000.000 (maximaal
#: € 2.500.000)") bounds nothing.
_BOUND = re.compile(r"(?i)(?<![\w.])(?:(?P<high>ten\s+hoogste|hoogstens)|(?P<max>maxim(?:aal|um)|max\.?(?!\w)|tot(?:\s+en\s+met)?"
                    r"(?=\s*(?:€|eur|\d)))|(?P<low>ten\s+minste|minstens)|(?P<min>minim(?:aal|um)|min\.?(?!\w))"
                    r"|(?P<about>circa|ca\.|ongeveer))(?!\w)")
#: How the sentence names each bound: the Dutch word as the text gives it, an abbreviation written out.
_BOUND_WORDS = {"high": "ten hoogste", "max": "maximaal", "low": "ten minste", "min": "minimaal", "about": "circa"}


def value_bound(raw) -> str | None:
    """The bound a published euro value is given with (:data:`_BOUND`): "maximaal", "ten hoogste", "minimaal",
    "ten minste", "circa"; None for a value given plainly. Only the text before its first digit is read."""
    head = re.split(r"\d", str(raw or ""), maxsplit=1)[0]
    match = _BOUND.search(head) if head.strip() else None
    return _BOUND_WORDS[match.lastgroup] if match else None


#: The opening of a range printed in words ("tussen € 1 en € 2 miljoen", "van € 1 tot € 2 miljoen"): after "voor een
#: bedrag".
_RANGE_WORDS = re.compile(r"(?i)\s*(?:tussen|van)(?!\w)")
#: A printed value opening with its amount: a currency sign, "EUR"/"Euro", a currency code before a number, a digit.
#: A value opening with another word than a bound's or a range's (an older form's "Laagste offerte … / Hoogste
#: offerte …", "jaarlijks € 500.000", "Per jaar: € 500.000") is given as printed in brackets: after "voor" or "tegen"
#: it read "voor Laagste offerte", "tegen jaarlijks".
_AMOUNT_START = re.compile(r"\s*(?:€|[Ee][Uu][Rr]|[A-Z]{3}(?=\s*\d)|\d)")


def value_words(award: dict) -> str | None:
    """How an award's sentence gives its value (:func:`award_value`) after the winners, so that it reads as Dutch:
    "voor € 1.250.000,00", "voor maximaal € 2.000.000,00"; a range "voor een bedrag tussen € 1 en € 2 miljoen" (it read
    "voor tussen …"), "voor € 100.000 - € 200.000"; a rate "tegen € 85 per uur" ("tegen een tarief tussen € 80 en € 90
    per uur"); an older form's lowest and highest tender, and a value opening with another word ("jaarlijks
    € 500.000"), as printed in brackets ("(Laagste offerte: … / Hoogste offerte: …)"). The value as published, never converted; a capital opening word ("Tussen", "Maximaal") in lower
    case. None for an award without a value. (:func:`tenderarchive.derive.stale_award_wording` compares the archived
    sentences with it.)"""
    return value_phrase(award_value(award), award.get("value_cents"), award.get("value_raw"),
                        award.get("value_currency"))


def value_phrase(value: str | None, cents=None, raw=None, currency=None) -> str | None:
    """The words an award's value ``value`` (its euro text, or its text as printed) is given with after its winners
    (:func:`value_words`), from the value's cents and printed text: "voor …", "voor maximaal € …" (a bound the printed
    text gives a euro value, :func:`value_bound`, said once), "voor een bedrag tussen …", "tegen …" for a rate,
    "(Laagste offerte: … / Hoogste offerte: …)" and any text opening with another word (:data:`_AMOUNT_START`). Also the saved searches' Atom entries' words (SQL
    ``waarde_woorden(value, cents, raw, currency)``, ``datasette_plugin``), which give a placeholder as printed. None
    for no value."""
    from tenderarchive.awards.amounts import parse_amount  # the readers load on first use

    if value is None or not str(value).strip():
        return None
    value = str(value)
    if cents is not None or raw is None or not str(raw).strip() or not value.startswith(str(raw)):
        # a euro value (its bound said: "maximaal € 2 miljoen" as "voor maximaal € 2.000.000,00"), a framework maximum
        bound = value_bound(raw) if cents is not None else None
        return f"voor {bound} {value}" if bound and not value.startswith(bound) else f"voor {value}"
    if not (_AMOUNT_START.match(value) or _BOUND.match(value.lstrip()) or _RANGE_WORDS.match(value)):
        return f"({value})"
    if re.match(r"[A-Z][a-zà-ÿ]", value):
        value = value[0].lower() + value[1:]
    amount = parse_amount(str(raw), currency)
    # "tussen … en …", "van … tot …", and a ceiling printed "tot € 85 per uur": "een bedrag", "een tarief" before it
    words = amount.is_range and _RANGE_WORDS.match(value) or re.match(r"(?i)\s*tot(?!\w)", value)
    if amount.period:  # a rate: "tegen € 85 per uur", "tegen een tarief tussen € 80 en € 90 per uur"
        return f"tegen een tarief {value}" if words else f"tegen {value}"
    return f"voor een bedrag {value}" if words else f"voor {value}"


def printed_value(award: dict) -> str | None:
    """An award's value given as a range ("tussen € 1 en € 2 miljoen", an older form's "Laagste offerte … / Hoogste
    offerte …": ``value_low_cents``/``value_high_cents``, or a range the printed text reads as) or as a rate ("€ 85 per
    uur", "per cliënt", "€ 500.000 per jaar"), as published: it has no euro value (``value_cents`` NULL; a rate under
    € 1.000 is flagged a placeholder, amounts.Amount.placeholder), never converted, with its currency where another
    (:func:`foreign_value`), as the saved searches give it (``as_printed``). The sentence said no value at all, as for
    an award without one. A range of placeholders (its high end under € 1.000) or a rate of € 1 or less not."""
    from tenderarchive.awards.amounts import PLACEHOLDER_BELOW_CENTS, parse_amount  # the readers load on first use

    raw, currency = award.get("value_raw"), award.get("value_currency")
    if award.get("value_cents") is not None or raw is None or not str(raw).strip():
        return None
    amount = parse_amount(str(raw), currency)
    high = award.get("value_high_cents") if award.get("value_high_cents") is not None else amount.high_cents
    low = award.get("value_low_cents") if award.get("value_low_cents") is not None else amount.low_cents
    if low is not None or high is not None:
        if max(v for v in (low, high) if v is not None) < PLACEHOLDER_BELOW_CENTS:
            return None
    elif not (amount.cents is not None and amount.cents > 100 and amount.period):
        return None
    code = (currency or amount.currency or "").strip()
    named = not code or code.upper() == "EUR" or code.upper() in str(raw).upper()
    return str(raw) if named else f"{raw} {code}"


def foreign_value(award: dict) -> str | None:
    """An award's value in another currency than the euro as printed, with its currency ("1 000 000 GBP"), as the saved
    searches and ``summary_procurements.waarde_andere_munt`` give it: never converted (reference tenderned-awards.md
    §2.4, §4 "Currencies"; its ``value_cents`` is NULL), but said; a placeholder ("1 GBP") not. The timeline's sentence
    said no value at all, as for an award without one."""
    raw, currency = award.get("value_raw"), award.get("value_currency")
    if not raw or not currency or currency == "EUR" or award.get("value_placeholder"):
        return None
    return str(raw) + ("" if currency.upper() in str(raw).upper() else f" {currency}")


def lot_label(lot_id, lot_title: str | None) -> str:
    """How an event names a lot: "Perceel 3 (Crisishulp)", "Percelen 1, 2" for lots together, else "Opdracht"."""
    if lot_id is None or not str(lot_id).strip():
        return "Opdracht"
    return ("Percelen" if "," in str(lot_id) else "Perceel") + f" {lot_id}" + (f" ({lot_title})" if lot_title else "")


def not_awarded_events(lot: dict, notice: dict | None) -> list[dict]:
    """The timeline event of a lot its latest notice closes without a winner (``lots.awarded`` 0: "Er is geen
    winnaar gekozen en de mededinging is gesloten", a standard form's "Inlichtingen over niet-gunning", an OCDS lot
    or award ``unsuccessful`` / ``cancelled``; reference tenderned-awards.md §4 "Lot not awarded", §8.5 "the
    status (awarded / not awarded + reason)"), on the day of that notice, with the reason it gives. Without a
    stage: one lot not awarded is not the procurement failed (``mislukt``) while its other lots are awarded, so the
    fase is the notices' and awards'. Asked for only where another lot is awarded
    (``derive.refresh_award_currency``): a procurement none of whose lots is awarded has its cancellation instead."""
    day = (notice or {}).get("published")
    if lot.get("awarded") != 0 or not day:
        return []
    reason = lot.get("not_awarded_reason")
    sentence = f"{lot_label(lot.get('lot_id'), lot.get('title'))} niet gegund" + (f": {reason}" if reason else "")
    source_id = f"{lot['procurement_id']}:{lot['lot_id']}"
    event = {"procurement_id": lot["procurement_id"], "source_type": "lot", "source_id": source_id,
             "date": day[:10], "date_end": None, "precision": "day", "kind": "not_awarded", "stage": None,
             "sentence": sentence, "year_inferred": 0, "inference": None, "source_url": notice.get("url"),
             "crawl_id": lot.get("crawl_id") or notice.get("crawl_id")}
    event["event_id"] = event_id("lot", source_id, event)
    return [ordered(event)]
