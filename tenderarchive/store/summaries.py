"""Summary tables for the aggregation pages (issue 14), kept by the derivation step.

The jeugdregio, market and provider pages of ``tenderarchive/datasette/metadata.yaml`` used to
aggregate ``procurements``, ``awards``, ``award_suppliers`` and ``notices`` on every request
(seconds on a million-notice archive, see ``bench/README.md``). They now read these tables,
which :func:`refresh_summaries` (the ``summaries`` step of :func:`tenderarchive.derive.derive`)
keeps, like ``dashboard_counts`` in ``tenderarchive/store/search_index.py``:

Per procurement (recomputed from the base tables for the procurements a crawl touched):

- ``summary_procurements``: one row per youth-care procurement: region, dates, start year,
  buyer id, lots (percelen), current awards (gunningen), winners and their published value.
- ``summary_procurement_regions``: the jeugdregio's a youth-care procurement belongs to, with
  ``hoe`` = ``opdrachtgever`` (its buyer lies in the region) or ``genoemd`` (a notice names a
  member municipality); the region pages read it as an index range in date order.
- ``summary_region_lots``: the lot rows (lots with their current award, and current awards
  without a lot row) of those procurements, per region, in award-date order: ``gegund_order``, the timeline's sort key
  of ``gegund_op`` (:func:`tenderarchive.timeline.date_order`: an award dated to its month only, "2021-01", after that
  month's days), filled here; an older archive's rows gain it on opening (:func:`ensure_tables`).
- ``summary_awards`` / ``summary_award_winners``: the current awards of youth-care
  procurements (with region, year, value: the award's, or where it has none its winners' own values summed,
  :data:`AWARD_VALUE_SQL`, as in ``summary_procurements.gegunde_waarde_cents``; and the sort keys of the
  awards-by-region page), and
  one row per winner (award_suppliers row) of each, with the award's value or, where the award has
  none (co-winners each with a tender value of their own), the winner's own; a value shared by co-winners (a
  framework's one value, a consortium's joint value) is no winner's own and stands apart, whole, in ``gedeeld_cents``
  (:data:`WINNERS_SQL`), so a provider's total never counts it; a buyer listed as the winner (``is_buyer``, a
  quality issue of the source) is no winner here, nor in ``summary_procurements``. A winner known by name only
  counts for the one provider with a KvK number of its folded name (:data:`PROVIDER_SQL`), so a provider is one
  row of the provider lists whether a notice gave its number or not; :func:`touched_procurements` adds the
  procurements such a provider's arrival or removal changes.
- ``summary_buyer_procurements``: per youth-care notice buyer and procurement, the first and
  last publication.

Per key (recomputed with indexed reads of the tables above, for the keys whose rows changed):

- ``summary_region_years``: per (jeugdregio, year) (both may be NULL: no region, no year):
  procurements started, current awards, values, distinct winners and the one that won most.
- ``summary_org_regions``: per (organisation, jeugdregio): awards won, procedures, value, years;
  and per organisation its totals over all regions, under jeugdregio_code ``''``.
- ``summary_buyers``: per buyer: youth-care procurements, first and last publication.

**Incremental.** The procurements a crawl touched are those of the notices, lots and awards
it wrote (:data:`tenderarchive.derive.TOUCHED`), plus the news-only procurements whose row
no longer matches its summary (their number is small: one per linked place set). For each,
its per-procurement rows are deleted and recomputed (delete + insert). A key that lost a row is
then recomputed from all its rows; a key that only gained rows (a crawl of new procedures: every
key it touches) has the gained rows folded into its stored row (counts and sums added, latest
dates compared, a winner's awards there read from an index), so the work grows with the crawl,
not with the archive or the size of the touched keys (a jeugdregio-year of a million-notice
archive has thousands of rows; recomputing them was most of this step there). A full rebuild (``full``: reparse, a full derivation)
empties the tables and walks all procurements in key order in batches (flat memory).

Written here rather than with a library: there is no incremental-view-maintenance library for
SQLite; the statements are plain SQL run by the store's own connection.
``tests/store/test_summaries.py`` checks that every rewritten saved search gives the rows of
its former SQL, on a built archive and after an incremental crawl that changes awards.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from tenderarchive.timeline import date_order_sql

#: Rows per batch of procurements.
BATCH = 500

#: The region lot listing's order (``jeugdregio_percelen``): newest first in the timeline's order.
REGION_LOTS_INDEX = ("create index if not exists summary_region_lots_by_date on summary_region_lots "
                     "(jeugdregio_code, gegund_order desc, procurement_id, lot_id)")

TABLES_SQL = [
    "create table if not exists summary_procurements (procurement_id text primary key, jeugdregio_code text, "
    "first_published text, last_published text, jaar integer, opdrachtgever_id text, percelen integer, "
    "gunningen integer, aantal_winnaars integer, winnaars text, gegunde_waarde_cents integer, "
    "waarde_incl_btw_cents integer, waarde_andere_munt text)",
    "create index if not exists summary_procurements_region_year on summary_procurements (jeugdregio_code, jaar)",
    "create table if not exists summary_procurement_regions (jeugdregio_code text not null, procurement_id text not "
    "null, hoe text, first_published text, last_published text, primary key (jeugdregio_code, procurement_id))",
    "create index if not exists summary_procurement_regions_order on summary_procurement_regions "
    "(jeugdregio_code, first_published desc, procurement_id)",
    "create index if not exists summary_procurement_regions_procurement on summary_procurement_regions "
    "(procurement_id)",
    "create table if not exists summary_region_lots (jeugdregio_code text not null, procurement_id text not null, "
    "lot_id text, lot_title text, awarded integer, award_id text, gegund_op text, gegund_order text)",
    # the listing's order, the timeline's (gegund_order: a month after its days); replaces summary_region_lots_order
    # of gegund_op as text, which put a month below its days (ensure_tables drops it)
    REGION_LOTS_INDEX,
    "create index if not exists summary_region_lots_procurement on summary_region_lots (procurement_id)",
    "create table if not exists summary_awards (award_id text primary key, procurement_id text, "
    "jeugdregio_code text, jeugdregio text, title text, lot_id text, year integer, value_cents integer, "
    "framework_maximum_cents integer, last_award text, last_update text)",
    "create index if not exists summary_awards_procurement on summary_awards (procurement_id)",
    "create index if not exists summary_awards_region_year on summary_awards (jeugdregio_code, year)",
    "create index if not exists summary_awards_order on summary_awards "
    "(year desc, jeugdregio, title, lot_id, jeugdregio_code)",
    "create index if not exists summary_awards_region_order on summary_awards "
    "(jeugdregio_code, year desc, title, lot_id)",
    "create table if not exists summary_award_winners (award_id text not null, organisation_id text, name text, "
    "procurement_id text, jeugdregio_code text, year integer, value_cents integer, last_award text, "
    "last_update text, gedeeld_cents integer, primary key (award_id, organisation_id))",
    "create index if not exists summary_award_winners_procurement on summary_award_winners (procurement_id)",
    "create index if not exists summary_award_winners_region_year on summary_award_winners "
    "(jeugdregio_code, year, organisation_id)",
    "create index if not exists summary_award_winners_organisation on summary_award_winners "
    "(organisation_id, jeugdregio_code)",
    "create table if not exists summary_buyer_procurements (procurement_id text not null, buyer_id text not null, "
    "first text, last text, primary key (procurement_id, buyer_id))",
    "create index if not exists summary_buyer_procurements_buyer on summary_buyer_procurements (buyer_id)",
    "create table if not exists summary_region_years (jeugdregio_code text, jaar integer, aanbestedingen integer, "
    "gunningen integer, met_waarde integer, gegunde_waarde_cents integer, raamwerk_cents integer, "
    "procedures integer, winnaars integer, grootste_id text, grootste_won integer, last_award text, "
    "last_update text)",
    "create unique index if not exists summary_region_years_key on summary_region_years (jeugdregio_code, jaar)",
    "create index if not exists summary_region_years_year on summary_region_years (jaar)",
    "create table if not exists summary_org_regions (organisation_id text, jeugdregio_code text, name text, "
    "awards integer, procedures integer, regions integer, cents integer, first_year integer, last_year integer, "
    "last_award text, last_update text, gedeeld_cents integer)",
    "create unique index if not exists summary_org_regions_key on summary_org_regions "
    "(organisation_id, jeugdregio_code)",
    "create index if not exists summary_org_regions_region on summary_org_regions "
    "(jeugdregio_code, awards desc, organisation_id)",
    "create table if not exists summary_buyers (buyer_id text primary key, aanbestedingen integer, eerste text, "
    "laatste text)",
]

#: The per-procurement tables (deleted and recomputed per touched procurement).
PER_PROCUREMENT = ("summary_procurements", "summary_procurement_regions", "summary_region_lots", "summary_awards",
                   "summary_award_winners", "summary_buyer_procurements")
#: Every summary table, for a full rebuild and the documentation.
ALL = (*PER_PROCUREMENT, "summary_region_years", "summary_org_regions", "summary_buyers")

#: ``summary_org_regions.jeugdregio_code`` of an organisation's totals over all its regions (and
#: none): one index, (jeugdregio_code, awards desc), serves the provider pages for one region
#: and for all. ``jeugdregio_code()`` never gives ''; a region without code is NULL.
ALL_REGIONS = "''"

#: The base tables the summaries read; without them there is nothing to summarise.
_NEEDED = ("procurements", "notices", "awards", "award_suppliers", "lots", "notice_municipalities", "jeugdregios")


def ensure_tables(db) -> None:
    # an archive summarised before the lot listing's order key (``summary_region_lots.gegund_order``): the column
    # added and filled from gegund_op as the derivation fills it (as ``schema.migrate_event_order`` fills
    # ``events.date_order``), its index (:data:`REGION_LOTS_INDEX`) in place of the one of gegund_op as text
    lots = _columns(db, "summary_region_lots")
    if lots and "gegund_order" not in lots:
        db.execute("alter table summary_region_lots add column gegund_order text")
        db.execute(f"update summary_region_lots set gegund_order = {date_order_sql('gegund_op')}")
    db.execute("drop index if exists summary_region_lots_order")
    for sql in TABLES_SQL:
        db.execute(sql)
    added = False
    # an archive summarised before values including VAT were kept out of the totals (:data:`EX_VAT`), before the
    # amounts in another currency were said (``waarde_andere_munt``), or before a value shared by co-winners was kept
    # out of each provider's own total (``gedeeld_cents``, :data:`WINNERS_SQL`): the columns added and the summaries
    # emptied, so the derivation rebuilds them in one pass
    for table, column, kind in (("summary_procurements", "waarde_incl_btw_cents", "integer"),
                                ("summary_procurements", "waarde_andere_munt", "text"),
                                ("summary_award_winners", "gedeeld_cents", "integer"),
                                ("summary_org_regions", "gedeeld_cents", "integer")):
        if column not in _columns(db, table):
            db.execute(f"alter table {table} add column {column} {kind}")
            added = True
    if added:
        db.execute("delete from summary_procurements")


def lot_results(column: str) -> str:
    """SQL: the lot results an award of lot ``column`` is (``awards.lot_id``, ``summary_awards.lot_id``): one, or one
    per lot of an award of several lots together ("1, 2": an OCDS award naming several lots or a group of lots,
    ``awards.ocds``). The ``/html`` gives the same award of a group as one lot result per lot ("6.1 ID resultaat
    perceel", the group's value counted once, on the first: ``awards.html``), so a count of awards (``gunningen``, a
    provider's awards won) counts lot results, the same from either source; counted as one award, the package's award of
    two lots was one gunning where the notice's was two."""
    return f"coalesce(1 + (length({column}) - length(replace({column}, ', ', ''))) / 2, 1)"


def _lot_results(lot_id) -> int:
    """:func:`lot_results` of a lot id read in Python."""
    return 1 + str(lot_id).count(", ") if lot_id is not None else 1


def _marks(keys: list) -> str:
    return ",".join("?" * len(keys))


def _chunks(keys: list, size: int = BATCH) -> Iterator[list]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


# --- per procurement -----------------------------------------------------------------------------

#: The organisation a winner counts for: its own, or, for a winner known by name only (``name:<name key>``, no KvK
#: number in that notice), the one provider with a KvK number whose folded name is that name (one notice gave the
#: number, another only the name; reference tenderned-awards.md §4), as ``aanbieder_contracten`` finds it. Two
#: numbered providers of one folded name are two firms: the name-only winner stays its own. Failing that, a winner
#: known by name only whose folded name is the trade name another notice printed an organisation's winner with ("X
#: B.V. h.o.d.n. Y" and "Y" alone, reference §4 "Same organisation, spelled differently") counts for that
#: organisation, where that trade name is no other organisation's and no numbered provider's own name.
PROVIDER_SQL = """coalesce(case when s.kvk is null and s.organisation_id like 'name:%' then coalesce((
    select max(v.organisation_id) from organisations v where v.name_key = substr(s.organisation_id, 6)
      and v.kind = 'provider' and v.kvk is not null having count(distinct v.kvk) = 1), (
    select max(t.organisation_id) from award_suppliers t where t.trade_key = substr(s.organisation_id, 6)
      and t.organisation_id <> s.organisation_id and coalesce(t.is_buyer, 0) = 0
      and not exists (select 1 from organisations v where v.name_key = substr(s.organisation_id, 6)
        and v.kind = 'provider' and v.kvk is not null)
      having count(distinct t.organisation_id) = 1)) end, s.organisation_id)"""

#: The value an award counts for in the totals (``summary_procurements.gegunde_waarde_cents``,
#: ``summary_awards.value_cents`` and so the region years): the award's own value or, where it has none (a lot of
#: several winners each with a value of their own: OCDS per-supplier values, split values in a notice; reference
#: tenderned-awards.md §2.5, §4), the sum of its winners' own values, each winner once (a provider printed twice in
#: one award counts once, as in :data:`WINNERS_SQL`; a buyer listed as winner not at all). Never both: an award value
#: is the whole lot's, the winners' values are its parts. Summing award values only, such a lot counted as nothing.
#: A consortium's joint value (``award_suppliers.tender_value_of_group``: the group's, on each member's row) counts once
#: per group, not once per member. The value of a winner no source names (``awards.unnamed_value_cents``: an OCDS award
#: id in force with a value and no supplier, a winner block without a name, beside named winners) is one of those parts
#: too; it is set only on an award without a value of its own (a lot whose only winner is not named has its value in
#: ``value_cents`` alone), so summing either way counts it once.
#: An award whose value the source gives including VAT (``awards.value_has_tax`` 1: OCDS ``hasTax`` true, or the award
#: notice's own "incl. btw" next to the value, amounts.vat_basis; reference
#: tenderned-awards.md §3.1/§6.3: the forms' values, and so the totals, are exclusive of VAT, and the reference gives no
#: rate to convert by, a youth-care service being exempt or taxed) counts in no total of values exclusive of VAT: its
#: value is left out (NULL), not added as if exclusive, and ``summary_procurements.waarde_incl_btw_cents`` says it.
EX_VAT = "coalesce(a.value_has_tax, 0) = 0"

#: A winner's own value as the totals count it: NULL where the source gives it including VAT
#: (``award_suppliers.tender_value_has_tax`` 1: the notice's "incl. btw" next to the winner's value, an OCDS award's
#: ``hasTax`` true), left out as an award's own value including VAT is (:data:`EX_VAT`), and said in
#: ``summary_procurements.waarde_incl_btw_cents``; it was added as if exclusive.
TENDER_EX_VAT = "case when s.tender_value_has_tax = 1 then null else s.tender_value_cents end"

AWARD_VALUE_SQL = """case when a.value_has_tax = 1 then null else coalesce(a.value_cents, (select sum(v) from (select max({ex_vat}) as v
    from award_suppliers s where s.award_id = a.award_id and coalesce(s.is_buyer, 0) = 0
    group by case when s.tender_value_of_group = 1 then 'joint:' || coalesce(s.group_name, '')
      else coalesce({provider}, 'row:' || s.rowid) end
    union all select a.unnamed_value_cents))) end""".format(provider=PROVIDER_SQL, ex_vat=TENDER_EX_VAT)

#: The winners no source names in a list of a procurement's winners (``summary_procurements.winnaars``; the saved
#: searches' lists of winners say it so too): "niet genoemd", or "niet genoemd (2 winnaars)", for ``u.n`` of them
#: (``awards.unnamed_winners`` summed: a winner block without a name, an OCDS award id in force with no supplier;
#: reference tenderned-awards.md §2.5 "No name"), after the named winners; the list named only those.
UNNAMED_WINNERS_SQL = "'niet genoemd' || case when u.n > 1 then ' (' || u.n || ' winnaars)' else '' end"

#: ``summary_procurements.aantal_winnaars`` of procurement ``p``: the distinct named winning providers of its current
#: awards (a provider of two lots once, :data:`PROVIDER_SQL`; a buyer listed as winner not at all) plus the winners no
#: source names (``awards.unnamed_winners``; reference tenderned-awards.md §2.5 "No name"), counted per lot: a lot's
#: current awards' winners not named summed (one lot's winner blocks without a name are that many tenderers, none of
#: them a named winner of that lot), and over the lots the most of any one lot, not their sum: the winner not named of
#: lot 2 and the one of lot 3 may be one provider, and the data cannot tell (a named provider of two lots counts once
#: too). Lot 1 to Stichting Een and lots 2 and 3 each to a winner not named: 2 winners (the list says "Stichting Een;
#: niet genoemd (2 winnaars)", every winner block without a name); lot 3 to two winners not named: 3. Counting the
#: named only, a procurement whose lots' winners no source names had 0 winners beside a list that names them.
WINNER_COUNT_SQL = """((select count(distinct {provider}) from awards a join award_suppliers s on s.award_id = a.award_id
    where a.procurement_id = p.procurement_id and +a.current = 1 and coalesce(s.is_buyer, 0) = 0)
  + coalesce((select max(u.n) from (select sum(a.unnamed_winners) as n from awards a
    where a.procurement_id = p.procurement_id and +a.current = 1 and a.unnamed_winners > 0 group by a.lot_id) u), 0))
""".format(provider=PROVIDER_SQL).strip()

#: An amount in another currency than the euro printed text with its currency code ("1 000 GBP", "800 000 GBP" of "800 000"
#: and "Pond sterling"), for :data:`FOREIGN_SQL`.
def _printed_foreign(prefix: str) -> str:
    return (f"{prefix}_raw || case when instr(upper({prefix}_raw), upper({prefix}_currency)) > 0 then '' "
            f"else ' ' || {prefix}_currency end")


#: ``summary_procurements.waarde_andere_munt``: the amounts of the current awards in another currency than the euro, as
#: printed with their currency ("1 000 000 GBP"; several joined by "; "), that no euro total counts. The archive's
#: ``*_cents`` are euro cents and the reference gives no exchange rate (tenderned-awards.md §2.4, §4 "Currencies":
#: nearly always Euro, WAI refuses non-euro amounts), so such an award's value is NULL in ``awards.value_cents`` and
#: counts in no total; this column says what was left out, as ``waarde_incl_btw_cents`` does for values including VAT.
#: An award's own value, and where the award has none its winners' own tender values and the part of its winners not
#: named; placeholders ("1 GBP") not. NULL when there is none.
FOREIGN_SQL = """(select group_concat(t, '; ') from (select distinct t from (
    select {award} as t from awards a where a.procurement_id = p.procurement_id and +a.current = 1
      and a.value_raw is not null and coalesce(a.value_currency, 'EUR') <> 'EUR' and coalesce(a.value_placeholder, 0) = 0
    union all select {unnamed} from awards a where a.procurement_id = p.procurement_id and +a.current = 1
      and a.value_raw is null and a.unnamed_value_raw is not null and coalesce(a.unnamed_value_currency, 'EUR') <> 'EUR'
      and coalesce(a.unnamed_value_placeholder, 0) = 0
    union all select {tender} from awards a join award_suppliers s on s.award_id = a.award_id
    where a.procurement_id = p.procurement_id and +a.current = 1 and a.value_raw is null
      and coalesce(s.is_buyer, 0) = 0 and s.tender_value_raw is not null
      and coalesce(s.tender_value_currency, 'EUR') <> 'EUR' and coalesce(s.tender_value_placeholder, 0) = 0)
  order by t))""".format(award=_printed_foreign("a.value"), unnamed=_printed_foreign("a.unnamed_value"),
                         tender=_printed_foreign("s.tender_value"))

_PROCUREMENT_SQL = """
select p.procurement_id, p.jeugdregio_code, p.first_published, p.last_published,
  cast(substr(p.first_published, 1, 4) as integer) as jaar,
  (select n.buyer_id from notices n where n.procurement_id = p.procurement_id and n.buyer_id is not null
    order by n.published desc limit 1) as opdrachtgever_id,
  (select count(*) from lots l where l.procurement_id = p.procurement_id) as percelen,
  (select coalesce(sum({lot_results}), 0) from awards a where a.procurement_id = p.procurement_id and +a.current = 1)
    as gunningen,
  {winner_count} as aantal_winnaars,
  (select group_concat(n, '; ') from (select n from (select distinct s.name as n from awards a
    join award_suppliers s on s.award_id = a.award_id
    where a.procurement_id = p.procurement_id and +a.current = 1 and coalesce(s.is_buyer, 0) = 0
    order by 1)
    -- and those no source names (awards.unnamed_winners over the current awards), last
    union all select {unnamed} from (select sum(a.unnamed_winners) as n from awards a
      where a.procurement_id = p.procurement_id and +a.current = 1) u where u.n > 0)) as winnaars,
  (select sum({value}) from awards a where a.procurement_id = p.procurement_id and +a.current = 1)
    as gegunde_waarde_cents,
  -- the values given including VAT, left out of gegunde_waarde_cents (EX_VAT)
  (select sum(v) from (select a.value_cents as v from awards a where a.procurement_id = p.procurement_id
      and +a.current = 1 and a.value_has_tax = 1
    -- and the winners' own values given including VAT of an award without a value of its own, each winner (a
    -- consortium's joint value) once, as AWARD_VALUE_SQL counts the others
    union all select max(s.tender_value_cents) from awards a join award_suppliers s on s.award_id = a.award_id
      where a.procurement_id = p.procurement_id and +a.current = 1 and a.value_cents is null
        and coalesce(a.value_has_tax, 0) = 0 and coalesce(s.is_buyer, 0) = 0 and s.tender_value_has_tax = 1
      group by a.award_id, case when s.tender_value_of_group = 1 then 'joint:' || coalesce(s.group_name, '')
        else coalesce({provider}, 'row:' || s.rowid) end)) as waarde_incl_btw_cents,
  -- the amounts in another currency, left out of gegunde_waarde_cents (FOREIGN_SQL)
  {foreign} as waarde_andere_munt
from procurements p where p.procurement_id in ({{marks}}) and +p.youth_care = 1
""".format(provider=PROVIDER_SQL, value=AWARD_VALUE_SQL, unnamed=UNNAMED_WINNERS_SQL, winner_count=WINNER_COUNT_SQL,
           lot_results=lot_results("a.lot_id"), foreign=FOREIGN_SQL)

_REGIONS_SQL = """
select p.procurement_id, p.jeugdregio_code as code from procurements p
where p.procurement_id in ({marks}) and +p.youth_care = 1 and p.jeugdregio_code is not null
union
select p.procurement_id, nm.jeugdregio_code from procurements p
  join notices n on n.procurement_id = p.procurement_id
  join notice_municipalities nm on nm.publication_id = n.publication_id
where p.procurement_id in ({marks}) and +p.youth_care = 1 and nm.jeugdregio_code is not null
"""

#: An award of lot ``l``: its own (``a.lot_id`` the lot's id) or an award of several lots together naming it ("1, 2": an
#: OCDS award of several lots or of a group of lots, ``awards.ocds``), compared as whole ids ("1" is not in "11, 12").
AWARD_OF_LOT_SQL = ("(a.lot_id = l.lot_id or a.lot_id like '%, %' "
                    "and instr(', ' || a.lot_id || ', ', ', ' || l.lot_id || ', ') > 0)")

#: The lot rows of the region listing (``jeugdregio_percelen``): each lot with its current awards, an award of several lots
#: together under each of its lots (as the ``/html`` gives it a lot result per lot; the listing shows its value on the
#: first of them and the others as shared), and a current award of no lot row on a row of its own. The award of lots
#: "1, 2" was a row of its own beside lots 1 and 2 listed without an award, as if not awarded.
_LOTS_SQL = """
select l.procurement_id, l.lot_id, l.title as lot_title, l.awarded, a.award_id,
  coalesce(a.award_date, a.contract_date) as gegund_op, {order} as gegund_order
from lots l left join awards a on a.procurement_id = l.procurement_id and {of_lot} and +a.current = 1
where l.procurement_id in ({{marks}})
union all
select a.procurement_id, a.lot_id, null, 1, a.award_id, coalesce(a.award_date, a.contract_date), {order}
from awards a where a.procurement_id in ({{marks}}) and +a.current = 1
  and not exists (select 1 from lots l where l.procurement_id = a.procurement_id and {of_lot})
""".format(of_lot=AWARD_OF_LOT_SQL, order=date_order_sql("coalesce(a.award_date, a.contract_date)"))

#: A lot's framework maximum is the ceiling of its framework agreement, not of each award: the current awards of one lot
#: giving the same maximum (an open house's or a DAS's admission rounds, each its own award notice under the procedure's
#: kenmerk: "the winners of a procedure are the union", reference tenderned-awards.md §4) count it once, on the lot's
#: first award (by date, then id); the others' ``framework_maximum_cents`` is NULL here (``awards`` keeps each). Summed per
#: award, two rounds of a € 115 mln framework were € 230 mln of framework maxima on the market and values pages.
_AWARDS_SQL = """
select a.award_id, a.procurement_id, p.jeugdregio_code, r.name as jeugdregio, p.title, a.lot_id, a.year,
  {value} as value_cents,
  case when exists (select 1 from awards b where b.procurement_id = a.procurement_id and b.lot_id is a.lot_id
      and +b.current = 1 and b.framework_maximum_cents = a.framework_maximum_cents
      and (coalesce(b.award_date, b.contract_date, ''), b.award_id)
        < (coalesce(a.award_date, a.contract_date, ''), a.award_id))
    then null else a.framework_maximum_cents end as framework_maximum_cents,
  coalesce(a.award_date, a.contract_date) as last_award,
  coalesce(a.award_date, a.contract_date, a.fetched_at) as last_update
from awards a join procurements p on p.procurement_id = a.procurement_id
  left join jeugdregios r on r.code = p.jeugdregio_code
where a.procurement_id in ({{marks}}) and +a.current = 1 and +p.youth_care = 1
""".format(value=AWARD_VALUE_SQL)

#: A winner's value is the award's, or (a lot of several winners with a tender value each, which has no award value:
#: reference tenderned-awards.md §2.5, §4) the winner's own: a provider's totals count what it won. A provider
#: printed twice in one award (with and without its KvK number) is one winner of it (winners without an id stay
#: a row each, as before). Each winner row is dated by the winner's own award (``award_suppliers.award_date``, its
#: contract date where it has none, the award's where it has neither: reference §8.4, §4 several winners per lot), as
#: ``aanbieder_contracten`` dates it; ``year`` stays the award's, the year the region years count the award in, and a
#: provider's first and last year (:data:`OWN_YEAR`) are those of its own awards.
#:
#: A value shared by co-winners is no winner's own (``gedeeld_cents``, not ``value_cents``): the award's one value where
#: the award has other winners (a framework agreement of several providers, an older form's group award with one
#: "Totale waarde" for the lot, an OCDS award of several suppliers; winners no source names count as co-winners), and a
#: consortium's joint value (``award_suppliers.tender_value_of_group``) on each member of a group of several. The
#: reference keeps such a value at lot level and gives it to no member (§3.1: "WAI keeps that value at lot level and
#: does not give it to each member"; §4 "Total vs per-winner values": derive neither from the other), so it is not
#: split either: an equal share would be a figure no source published. Counted in full for each winner, a framework of
#: three providers sharing € 3 mln gave the providers € 9 mln between them where the procurement's total is € 3 mln;
#: now a column of providers' values (``summary_org_regions.cents``) sums to at most the procurements' totals, and
#: ``gedeeld_cents`` says, per provider, the whole of the values it shared (not to be summed over providers).
WINNERS_SQL = """
select award_id, provider_id, min(name), procurement_id, jeugdregio_code, year,
  case when with_tax = 1 or {shared} then null else coalesce(award_value, max(tender_value_cents)) end as value_cents,
  max(last_award), max(last_update),
  case when with_tax = 1 or not {shared} then null else coalesce(award_value, max(tender_value_cents)) end
    as gedeeld_cents
from (select s.award_id, {provider} as provider_id, s.rowid as supplier_row, s.name, a.procurement_id,
    p.jeugdregio_code, a.year, a.value_cents as award_value, {tender} as tender_value_cents,
    a.value_has_tax as with_tax,
    coalesce(a.unnamed_winners, 0) as unnamed,
    case when s.tender_value_of_group = 1 and s.tender_value_cents is not null then coalesce(s.group_name, '') end
      as joint_group,
    coalesce(s.award_date, s.contract_date, a.award_date, a.contract_date) as last_award,
    coalesce(s.award_date, s.contract_date, a.award_date, a.contract_date, a.fetched_at) as last_update
  from awards a join procurements p on p.procurement_id = a.procurement_id
    join award_suppliers s on s.award_id = a.award_id
  where a.procurement_id in ({{marks}}) and +a.current = 1 and +p.youth_care = 1 and coalesce(s.is_buyer, 0) = 0)
group by award_id, provider_id, case when provider_id is null then supplier_row end
""".format(provider=PROVIDER_SQL, tender=TENDER_EX_VAT, shared=(
    # the award's value, with other winners (named: the grouped rows of the award; or not named)
    "(award_value is not null and count(*) over (partition by award_id) + unnamed > 1"
    # a consortium's joint value, with other members of its group in the award
    " or award_value is null and max(joint_group) is not null"
    " and count(*) over (partition by award_id, max(joint_group)) > 1)"))

_BUYERS_SQL = """
select n.procurement_id, n.buyer_id, min(n.published) as first, max(n.published) as last
from notices n where n.procurement_id in ({marks}) and n.buyer_id is not null and +n.youth_care = 1
group by 1, 2
"""


def _min(old, values):
    """SQL ``min`` of a stored aggregate and more values (NULLs ignored, NULL when all are)."""
    values = [v for v in (old, *values) if v is not None]
    return min(values) if values else None


def _max(old, values):
    values = [v for v in (old, *values) if v is not None]
    return max(values) if values else None


def _sum(old, values):
    """SQL ``sum`` of a stored sum and more values: NULL only while every value is NULL."""
    values = [v for v in values if v is not None]
    return old if not values else (old or 0) + sum(values)


def _unnamed_part(winners: str | None) -> str | None:
    """The winners no source names at the end of a ``summary_procurements.winnaars`` list (:data:`UNNAMED_WINNERS_SQL`:
    "niet genoemd", "niet genoemd (2 winnaars)"), or None."""
    last = (winners or "").rsplit("; ", 1)[-1]
    return last if last.startswith("niet genoemd") else None


class Keys:
    """The layer-2 keys whose rows must change: recomputed from their rows (``region_years``,
    ``org_regions``, ``buyers``: a key that lost a row, or whose winners have no organisation id)
    or, when a key only gained rows, its stored row with the gained rows folded in (``gained_*``:
    key -> the gained rows; ``gained_started``: key -> procurements started there, gained less lost; ``kept_*``: (key, procurement id) of the rows a recomputed procurement
    kept, for the counts of distinct procurements)."""

    def __init__(self):
        self.region_years: set = set()
        self.org_regions: set = set()
        self.buyers: set = set()
        self.gained_started: Counter = Counter()
        self.gained_awards: dict = {}
        self.gained_winners: dict = {}
        self.gained_org_regions: dict = {}
        self.gained_buyers: dict = {}
        self.kept_awards: set = set()
        self.kept_org_regions: set = set()
        self.winners_changed: set = set()

    def note(self, table: str, removed: Counter, gained: Counter, kept: Counter) -> None:
        """The keys of the rows one table lost (``removed``) and gained, and what it ``kept``, for
        the procurements being recomputed (rows in the table's column order, see ``TABLES_SQL``)."""
        if table == "summary_procurements":  # counted per key, and nothing else: a count folds both ways
            # a procurement whose winners not named changed (the "niet genoemd (n winnaars)" of its list: an OCDS award
            # naming no supplier named by a later file's party, which no other summary row may show but a gained winner
            # row, folded as one more winner): its awards' keys are recomputed (UNNAMED_IN_KEY_SQL)
            before = {r[0]: _unnamed_part(r[9]) for r in removed}
            self.winners_changed.update(r[0] for r in gained if r[0] in before and before[r[0]] != _unnamed_part(r[9]))
            for r in removed.elements():
                self.gained_started[(r[1], r[4])] -= 1
            for r in gained.elements():
                self.gained_started[(r[1], r[4])] += 1
        elif table == "summary_awards":
            self.region_years.update((r[2], r[6]) for r in removed)
            for r in gained.elements():
                self.gained_awards.setdefault((r[2], r[6]), []).append(r)
            self.kept_awards.update(((r[2], r[6]), r[1]) for r in kept)
        elif table == "summary_award_winners":
            # A winner without organisation id is not unique per award (the primary key allows
            # repeated NULLs), so counting its rows is not counting awards: recompute its keys.
            self.region_years.update((r[4], r[5]) for r in removed)
            self.org_regions.update((r[1], r[4]) for r in removed)
            for r in gained.elements():
                if r[1] is None:
                    self.region_years.add((r[4], r[5]))
                    self.org_regions.add((r[1], r[4]))
                else:
                    self.gained_winners.setdefault((r[4], r[5]), []).append(r)
                    self.gained_org_regions.setdefault((r[1], r[4]), []).append(r)
            self.kept_org_regions.update(((r[1], r[4]), r[3]) for r in kept)
        elif table == "summary_buyer_procurements":
            self.buyers.update(r[1] for r in removed)
            for r in gained.elements():
                self.gained_buyers.setdefault(r[1], []).append(r)

    def folded(self, keys: set, gained: dict) -> list:
        """The keys of ``gained`` that are not recomputed anyway."""
        return sorted((k for k in gained if k not in keys), key=repr)


def _columns(db, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"pragma table_info({table})")]


def _procurement_tables(db, ids: list) -> dict[str, list[tuple]]:
    """The per-procurement rows of ``ids``, table by table, in each table's column order."""
    marks = _marks(ids)
    out = {"summary_procurements": db.execute(_PROCUREMENT_SQL.format(marks=marks), ids).fetchall()}
    regions = db.execute(_REGIONS_SQL.format(marks=marks), [*ids, *ids]).fetchall()
    by_procurement: dict[str, list[str]] = {}
    for pid, code in regions:
        by_procurement.setdefault(pid, []).append(code)
    dates = {r[0]: (r[2], r[3]) for r in out["summary_procurements"]}
    own = {r[0]: r[1] for r in out["summary_procurements"]}
    out["summary_procurement_regions"] = [
        (code, pid, "opdrachtgever" if own[pid] == code else "genoemd", *dates[pid]) for pid, code in regions]
    lots: list[tuple] = []
    for chunk in _chunks(sorted(by_procurement)):
        for lot in db.execute(_LOTS_SQL.format(marks=_marks(chunk)), [*chunk, *chunk]):
            lots.extend((code, *lot) for code in by_procurement[lot[0]])
    out["summary_region_lots"] = lots
    out["summary_awards"] = db.execute(_AWARDS_SQL.format(marks=marks), ids).fetchall()
    out["summary_award_winners"] = db.execute(WINNERS_SQL.format(marks=marks), ids).fetchall()
    out["summary_buyer_procurements"] = db.execute(_BUYERS_SQL.format(marks=marks), ids).fetchall()
    return out


def _recompute_procurements(db, ids: list, keys: Keys | None) -> int:
    """Recompute the per-procurement rows of ``ids``; a table whose rows for them come out as
    stored is not written. ``keys`` gathers the layer-2 keys of the old and the new rows of the
    tables that changed (None in a full rebuild: the tables are empty and every key is rebuilt).
    Returns the number of tables written."""
    marks = _marks(ids)
    written = 0
    for table, rows in _procurement_tables(db, ids).items():
        columns = _columns(db, table)
        if keys is not None:
            old, new = Counter(db.execute(f"select * from {table} where procurement_id in ({marks})",
                                          ids).fetchall()), Counter(rows)
            if old == new:
                continue
            keys.note(table, old - new, new - old, old & new)
            db.execute(f"delete from {table} where procurement_id in ({marks})", ids)
        if rows:
            db.conn.executemany(f"insert into {table} ({', '.join(columns)}) values ({_marks(columns)})", rows)
        written += 1
    return written


def _replace(db, table: str, where: str, params: list, row: tuple | None) -> bool:
    """Make the one row of ``table`` matching ``where`` be ``row`` (none when None); False when
    it already is."""
    old = db.execute(f"select * from {table} where {where}", params).fetchall()
    if old == ([row] if row is not None else []):
        return False
    db.execute(f"delete from {table} where {where}", params)
    if row is not None:
        db.execute(f"insert into {table} values ({_marks(row)})", row)
    return True


#: The winners no source names in one (jeugdregio, year) of ``summary_region_years.winnaars``, counted as
#: :data:`WINNER_COUNT_SQL` counts them for a procurement: per lot, its current awards' winners not named summed
#: (``awards.unnamed_winners``), and over the key's lots (of all its procurements) the most of any one lot: winners not
#: named of two lots may be one provider, and the data cannot tell. Added to the distinct named winners, so that a
#: region-year of one procurement counts what its ``aantal_winnaars`` counts (it counted the named ones only).
UNNAMED_IN_KEY_SQL = """select max(n) from (select sum(a.unnamed_winners) as n from summary_awards w
  join awards a on a.award_id = w.award_id
  where w.jeugdregio_code is ? and w.year is ? and a.unnamed_winners > 0 group by w.procurement_id, w.lot_id)"""


def _unnamed_in_key(db, code, year) -> int:
    return db.execute(UNNAMED_IN_KEY_SQL, [code, year]).fetchone()[0] or 0


#: Per organisation, the lot results it won in one (jeugdregio, year) (:func:`lot_results` of each award it won, once).
WON_IN_KEY_SQL = f"""select d.organisation_id, sum({lot_results('s.lot_id')}) as won from (select distinct
    w.organisation_id, w.award_id from summary_award_winners w where w.jeugdregio_code is ? and w.year is ?) d
  left join summary_awards s on s.award_id = d.award_id group by d.organisation_id"""

#: The lot results (:func:`lot_results`) of the awards one organisation won in one jeugdregio (``summary_org_regions``).
WON_IN_REGION_SQL = f"""(select coalesce(sum({lot_results('s.lot_id')}), 0) from summary_awards s
  where s.award_id in (select w2.award_id from summary_award_winners w2
    where w2.organisation_id is {{organisation}} and w2.jeugdregio_code is {{code}}))"""


def _region_year(db, code, year) -> bool:
    started = db.execute("select count(*) from summary_procurements where jeugdregio_code is ? and jaar is ?",
                         [code, year]).fetchone()[0]
    awards = db.execute(
        f"select coalesce(sum({lot_results('lot_id')}), 0), count(value_cents), sum(value_cents), "
        "sum(framework_maximum_cents), count(distinct procurement_id), max(last_award), max(last_update) "
        "from summary_awards where jeugdregio_code is ? and year is ?", [code, year]).fetchone()
    row = None
    if started or awards[0]:
        winners = db.execute(
            f"select count(*) over (), organisation_id, won from ({WON_IN_KEY_SQL}) "
            "order by won desc, organisation_id limit 1", [code, year]).fetchone() or (0, None, None)
        row = (code, year, started, awards[0], awards[1], awards[2], awards[3], awards[4],
               winners[0] + _unnamed_in_key(db, code, year), winners[1], winners[2], awards[5], awards[6])
    return _replace(db, "summary_region_years", "jeugdregio_code is ? and jaar is ?", [code, year], row)


#: The year of a winner row's own award (its ``last_award``, the winner's own date), else the award's year.
OWN_YEAR = "coalesce(cast(substr(last_award, 1, 4) as integer), year)"


def _own_year(row) -> int | None:
    """:data:`OWN_YEAR` of a ``summary_award_winners`` row read in Python."""
    day = row[7]
    return int(day[:4]) if isinstance(day, str) and day[:4].isdigit() else row[5]


def _org_region(db, organisation_id, code) -> bool:
    row = db.execute(
        f"select organisation_id, jeugdregio_code, min(name), {WON_IN_REGION_SQL.format(organisation='?', code='?')}, "
        f"count(distinct procurement_id), null, sum(value_cents), min({OWN_YEAR}), max({OWN_YEAR}), max(last_award), "
        "max(last_update), sum(gedeeld_cents) from summary_award_winners "
        "where organisation_id is ? and jeugdregio_code is ? group by organisation_id, jeugdregio_code",
        [organisation_id, code, organisation_id, code]).fetchone()
    return _replace(db, "summary_org_regions", "organisation_id is ? and jeugdregio_code is ?",
                    [organisation_id, code], row)


def _organisation(db, organisation_id) -> bool:
    row = db.execute(
        f"select organisation_id, {ALL_REGIONS}, min(name), sum(awards), sum(procedures), count(jeugdregio_code), "
        "sum(cents), min(first_year), max(last_year), max(last_award), max(last_update), sum(gedeeld_cents) "
        f"from summary_org_regions where organisation_id is ? and jeugdregio_code is not {ALL_REGIONS} "
        "group by organisation_id",
        [organisation_id]).fetchone()
    return _replace(db, "summary_org_regions", f"organisation_id is ? and jeugdregio_code = {ALL_REGIONS}",
                    [organisation_id], row)


def _buyer(db, buyer_id) -> bool:
    row = db.execute("select buyer_id, count(*), min(first), max(last) from summary_buyer_procurements "
                     "where buyer_id = ? group by buyer_id", [buyer_id]).fetchone()
    return _replace(db, "summary_buyers", "buyer_id = ?", [buyer_id], row)


def _fold_region_year(db, keys: Keys, key) -> bool:
    """Fold the rows key (jeugdregio, year) gained into its stored ``summary_region_years`` row
    (the key lost no award or winner row; procurements started there are a count, which folds a
    lost row too). What is counted from the gained rows alone: procurements started,
    awards, values, sums, the latest dates, procedures (a procurement that kept an award in the
    key was counted). A winner's awards in the key are read (an index range of
    ``summary_award_winners_region_year``): it is new when all of them are gained, and the one
    that won most is the stored one or a gained one (the others did not change)."""
    code, year = key
    gained_ids = [r[0] for r in keys.gained_awards.get(key, [])]
    if any(db.execute(f"select 1 from awards where award_id in ({_marks(chunk)}) and unnamed_winners > 0 limit 1",
                      chunk).fetchone() for chunk in _chunks(gained_ids)):
        # a gained award with winners no source names may raise the most of one lot (UNNAMED_IN_KEY_SQL), a lot the key
        # held before too: recomputed (this is rare: a winner block without a name, an OCDS award naming no supplier)
        return _region_year(db, code, year)
    row = db.execute("select * from summary_region_years where jeugdregio_code is ? and jaar is ?",
                     [code, year]).fetchone()
    (_, _, started, count, with_value, cents, framework, procedures, winners, top_id, top_won, last_award,
     last_update) = row or (code, year, 0, 0, 0, None, None, 0, 0, None, None, None, None)
    started += keys.gained_started.get(key, 0)
    awards = keys.gained_awards.get(key, [])
    count += sum(_lot_results(r[5]) for r in awards)
    with_value += sum(r[7] is not None for r in awards)
    cents, framework = _sum(cents, [r[7] for r in awards]), _sum(framework, [r[8] for r in awards])
    procedures += len({r[1] for r in awards if (key, r[1]) not in keys.kept_awards})
    last_award, last_update = _max(last_award, [r[9] for r in awards]), _max(last_update, [r[10] for r in awards])
    gained = Counter(r[1] for r in keys.gained_winners.get(key, []))
    if gained:
        best = {top_id: top_won} if winners else {}
        for organisation_id, n in sorted(gained.items()):
            won = db.execute("select count(distinct award_id) from summary_award_winners where jeugdregio_code is ? "
                             "and year is ? and organisation_id = ?", [code, year, organisation_id]).fetchone()[0]
            winners += won == n
            # the lot results it won there (WON_IN_KEY_SQL), as the one that won most is ranked
            best[organisation_id] = db.execute(
                f"select won from ({WON_IN_KEY_SQL}) where organisation_id = ?",
                [code, year, organisation_id]).fetchone()[0]
        # order by won desc, organisation_id (a NULL id first, as SQLite orders it)
        top_id, top_won = min(best.items(), key=lambda item: (-item[1], item[0] is not None, item[0] or ""))
    return _replace(db, "summary_region_years", "jeugdregio_code is ? and jaar is ?", [code, year],
                    (code, year, started, count, with_value, cents, framework, procedures, winners, top_id, top_won,
                     last_award, last_update) if started or count else None)


def _fold_org_region(db, keys: Keys, key) -> bool:
    """Fold the winner rows (organisation, jeugdregio) gained into its stored ``summary_org_regions``
    row (the key lost none; the organisation id is not NULL, so each row is one award)."""
    organisation_id, code = key
    row = db.execute("select * from summary_org_regions where organisation_id = ? and jeugdregio_code is ?",
                     [organisation_id, code]).fetchone()
    (_, _, name, awards, procedures, regions, cents, first_year, last_year, last_award,
     last_update, shared) = row or (organisation_id, code, None, 0, 0, None, None, None, None, None, None, None)
    rows = keys.gained_org_regions[key]
    # each gained row one award, counted as the lot results it is (lot_results)
    lots_of = {}
    for chunk in _chunks(sorted({r[0] for r in rows})):
        lots_of.update(db.execute(f"select award_id, lot_id from summary_awards where award_id in ({_marks(chunk)})",
                                  chunk).fetchall())
    return _replace(db, "summary_org_regions", "organisation_id = ? and jeugdregio_code is ?", [organisation_id, code],
                    (organisation_id, code, _min(name, [r[2] for r in rows]),
                     awards + sum(_lot_results(lots_of.get(r[0])) for r in rows),
                     procedures + len({r[3] for r in rows if (key, r[3]) not in keys.kept_org_regions}), regions,
                     _sum(cents, [r[6] for r in rows]), _min(first_year, [_own_year(r) for r in rows]),
                     _max(last_year, [_own_year(r) for r in rows]), _max(last_award, [r[7] for r in rows]),
                     _max(last_update, [r[8] for r in rows]), _sum(shared, [r[9] for r in rows])))


def _fold_buyer(db, keys: Keys, buyer_id) -> bool:
    row = db.execute("select * from summary_buyers where buyer_id = ?", [buyer_id]).fetchone()
    _, count, first, last = row or (buyer_id, 0, None, None)
    rows = keys.gained_buyers[buyer_id]
    return _replace(db, "summary_buyers", "buyer_id = ?", [buyer_id],
                    (buyer_id, count + len(rows), _min(first, [r[2] for r in rows]), _max(last, [r[3] for r in rows])))


def _recompute_keys(db, keys: Keys) -> int:
    """Bring the layer-2 rows of ``keys`` up to date: a key that lost a row is recomputed from
    the per-procurement tables (it reads all the rows under the key: at a million notices a
    jeugdregio-year has thousands); a key that only gained rows (a crawl of new procedures) has
    them folded into its stored row, work in proportion to the gained rows. Both give the row a
    recomputation gives (``tests/store/test_summaries.py`` compares with a full rebuild)."""
    changed = 0
    for chunk in _chunks(sorted(keys.winners_changed)):
        keys.region_years.update(db.execute(f"select distinct jeugdregio_code, year from summary_awards "
                                            f"where procurement_id in ({_marks(chunk)})", chunk).fetchall())
    for code, year in sorted(keys.region_years, key=repr):
        changed += _region_year(db, code, year)
    gained_keys = set(keys.gained_started) | set(keys.gained_awards) | set(keys.gained_winners)
    for key in sorted(gained_keys - keys.region_years, key=repr):
        changed += _fold_region_year(db, keys, key)
    for organisation_id, code in sorted(keys.org_regions, key=repr):
        changed += _org_region(db, organisation_id, code)
    for key in keys.folded(keys.org_regions, keys.gained_org_regions):
        changed += _fold_org_region(db, keys, key)
    for organisation_id in sorted({o for o, _ in keys.org_regions | set(keys.gained_org_regions)}, key=repr):
        changed += _organisation(db, organisation_id)
    for buyer_id in sorted(keys.buyers):
        changed += _buyer(db, buyer_id)
    for buyer_id in keys.folded(keys.buyers, keys.gained_buyers):
        changed += _fold_buyer(db, keys, buyer_id)
    return changed


# --- the step ------------------------------------------------------------------------------------

def touched_procurements(db, crawl_id, relinked: Iterable[str] = ()) -> list[str]:
    """The procurements whose summaries crawl ``crawl_id`` (or a killed crawl) may have changed:
    those of the notices, lots and awards it wrote, and the news-only procurements whose row no
    longer matches its summary (or that are gone)."""
    from tenderarchive.derive import TOUCHED, former_kenmerken, touched_params

    ids: set[str] = set()
    for sql in (f"select procurement_id from notices where {TOUCHED} and procurement_id is not null",
                f"select 'TN' || kenmerk from notices where {TOUCHED} and kenmerk is not null",
                f"select procurement_id from lots where {TOUCHED}",
                f"select procurement_id from awards where {TOUCHED}"):
        ids.update(r[0] for r in db.execute(sql, touched_params(crawl_id)))
    # the procedures a notice left (its kenmerk changed): their rows counted it (derive.former_kenmerken)
    ids.update(f"TN{kenmerk}" for kenmerk in former_kenmerken(db, TOUCHED, touched_params(crawl_id)))
    # A winner known by name counts for the one numbered provider of its folded name (PROVIDER_SQL): the
    # procurements it won change with that provider's row (a numbered namesake named by this crawl, a second one
    # that makes the name ambiguous), and those counted for a numbered provider this crawl removed (its awards
    # replaced) change back; both read by index, so the work grows with those providers' awards.
    ids.update(r[0] for r in db.execute(
        f"select s.procurement_id from organisations v join award_suppliers s on s.organisation_id = "
        f"'name:' || v.name_key where v.{TOUCHED} and +v.kvk is not null and +v.kind = 'provider'",
        touched_params(crawl_id)))
    # A winner known by name only counts for the organisation whose winner was printed with that trade name
    # (PROVIDER_SQL): the procurements it won change with an award naming that trade name
    ids.update(r[0] for r in db.execute(
        f"select s.procurement_id from awards a join award_suppliers t on t.award_id = a.award_id "
        f"join award_suppliers s on s.organisation_id = 'name:' || t.trade_key "
        f"where a.{TOUCHED} and t.trade_key > ''", touched_params(crawl_id)))
    if ids:
        from tenderarchive.awards.names import name_key

        gone: dict[str, set] = {}
        for chunk in _chunks(sorted(i for i in ids if i is not None)):
            for organisation_id, name in db.execute(
                    f"select distinct w.organisation_id, w.name from summary_award_winners w where w.procurement_id "
                    f"in ({_marks(chunk)}) and w.organisation_id like 'kvk:%' and not exists "
                    "(select 1 from organisations o where o.organisation_id = w.organisation_id)", chunk):
                gone.setdefault(organisation_id, set()).add(name_key(name))
        for organisation_id, keys in sorted(gone.items()):
            ids.update(r[0] for r in db.execute(
                "select procurement_id from summary_award_winners where organisation_id = ?", [organisation_id]))
            # its namesakes known by name only: the name is no longer ambiguous where it had a second number
            for key in sorted(k for k in keys if k):
                ids.update(r[0] for r in db.execute(
                    "select procurement_id from award_suppliers where organisation_id = ?", [f"name:{key}"]))
    # News-only procurements (tenderarchive/linking.py, refresh_links in tenderarchive/derive.py):
    # compared with their summary row; there is one per linked place set, so few.
    ids.update(r[0] for r in db.execute(
        "select p.procurement_id from procurements p left join summary_procurements s "
        "on s.procurement_id = p.procurement_id where p.source = 'news' and (s.procurement_id is null "
        "and p.youth_care = 1 or s.procurement_id is not null and (p.youth_care is not 1 "
        "or s.jeugdregio_code is not p.jeugdregio_code or s.first_published is not p.first_published "
        "or s.last_published is not p.last_published))"))
    ids.update(r[0] for r in db.execute(
        "select s.procurement_id from summary_procurements s where s.procurement_id >= 'NEWS-' "
        "and s.procurement_id < 'NEWS.' and not exists (select 1 from procurements p "
        "where p.procurement_id = s.procurement_id)"))
    return sorted(i for i in ids if i is not None)


def refresh_summaries(db, crawl_id=None, full: bool = False, relinked: Iterable[str] = ()) -> int:
    """Bring the summary tables in line with the archive: the procurements crawl ``crawl_id``
    touched and the keys their rows fall under; everything when ``full``. Writes only what
    changed (a second run writes nothing); returns the number of tables and keys written (of
    procurements summarised, for a pass that fills empty tables).

    On empty summary tables (a reparse, the first derivation after an upgrade) either mode
    fills them in one pass with grouped statements; on filled ones it recomputes every procurement
    as an incremental run does (so it too writes only what changed), then drops the rows of
    procurements that are no longer youth care."""
    if not all(db[t].exists() for t in _NEEDED):
        return 0
    with db.atomic():
        ensure_tables(db)
        # Empty summaries: a reparse, or the first derivation of an archive made before them
        # (an incremental run would fill only what the crawl touched): one full pass.
        empty = not db.execute("select 1 from summary_procurements limit 1").fetchone()
        if empty:
            for table in ALL:
                db.execute(f"delete from {table}")
            done = 0
            for ids in _youth_care_batches(db):
                _recompute_procurements(db, ids, None)
                done += len(ids)
            _rebuild_keys(db)
            return done
        keys = Keys()
        written = 0
        if full:
            for ids in _youth_care_batches(db):
                written += _recompute_procurements(db, ids, keys)
            others = sorted({r[0] for table in PER_PROCUREMENT for r in db.execute(
                f"select distinct procurement_id from {table} where procurement_id not in "
                "(select procurement_id from procurements where youth_care = 1)")})
        else:
            others = touched_procurements(db, crawl_id, relinked)
        for chunk in _chunks(others):
            written += _recompute_procurements(db, chunk, keys)
        return written + _recompute_keys(db, keys)


def _youth_care_batches(db) -> Iterator[list]:
    """The youth-care procurements in key order, ``BATCH`` at a time (keyset paging)."""
    last = None
    while True:
        ids = [r[0] for r in db.execute(
            "select procurement_id from procurements where youth_care = 1"
            + (" and procurement_id > ?" if last is not None else "") + f" order by procurement_id limit {BATCH}",
            [last] if last is not None else []).fetchall()]
        if not ids:
            return
        yield ids
        last = ids[-1]


def _rebuild_keys(db) -> None:
    """Every layer-2 row from the per-procurement tables, with one grouped statement each
    (a full rebuild: SQLite streams the groups, so memory stays flat)."""
    db.execute(
        "insert into summary_region_years select k.code, k.year, coalesce(pr.n, 0), coalesce(aw.n, 0), "
        "coalesce(aw.with_value, 0), aw.cents, aw.fw, coalesce(aw.procedures, 0), "
        "coalesce(w.winners, 0) + coalesce(u.n, 0), w.top_id, "
        "w.top_won, aw.last_award, aw.last_update from "
        "(select jeugdregio_code as code, jaar as year from summary_procurements union "
        " select jeugdregio_code, year from summary_awards) k "
        "left join (select jeugdregio_code, jaar, count(*) as n from summary_procurements group by 1, 2) pr "
        "  on pr.jeugdregio_code is k.code and pr.jaar is k.year "
        f"left join (select jeugdregio_code, year, sum({lot_results('lot_id')}) as n, count(value_cents) as with_value, "
        "  sum(value_cents) as cents, sum(framework_maximum_cents) as fw, count(distinct procurement_id) as procedures, "
        "  max(last_award) as last_award, max(last_update) as last_update from summary_awards group by 1, 2) aw "
        "  on aw.jeugdregio_code is k.code and aw.year is k.year "
        "left join (select jeugdregio_code, year, count(*) as winners, "
        "  max(case when rank = 1 then organisation_id end) as top_id, max(won) as top_won from "
        "  (select jeugdregio_code, year, organisation_id, won, row_number() over "
        "   (partition by jeugdregio_code, year order by won desc, organisation_id) as rank from "
        # the lot results each won (WON_IN_KEY_SQL)
        f"   (select d.jeugdregio_code, d.year, d.organisation_id, sum({lot_results('s.lot_id')}) as won from "
        "    (select distinct jeugdregio_code, year, organisation_id, award_id from summary_award_winners) d "
        "    left join summary_awards s on s.award_id = d.award_id group by 1, 2, 3)) group by 1, 2) w "
        "  on w.jeugdregio_code is k.code and w.year is k.year "
        # the winners no source names: the most of one lot (UNNAMED_IN_KEY_SQL)
        "left join (select jeugdregio_code, year, max(n) as n from (select s.jeugdregio_code, s.year, "
        "   sum(a.unnamed_winners) as n from summary_awards s join awards a on a.award_id = s.award_id "
        "   where a.unnamed_winners > 0 group by s.jeugdregio_code, s.year, s.procurement_id, s.lot_id) group by 1, 2) u "
        "  on u.jeugdregio_code is k.code and u.year is k.year")
    db.execute(
        "insert into summary_org_regions select organisation_id, jeugdregio_code, min(name), "
        f"{WON_IN_REGION_SQL.format(organisation='g.organisation_id', code='g.jeugdregio_code')}, "
        f"count(distinct procurement_id), null, sum(value_cents), min({OWN_YEAR}), max({OWN_YEAR}), max(last_award), "
        "max(last_update), sum(gedeeld_cents) from summary_award_winners g group by organisation_id, jeugdregio_code")
    db.execute(
        f"insert into summary_org_regions select organisation_id, {ALL_REGIONS}, min(name), sum(awards), "
        "sum(procedures), count(jeugdregio_code), sum(cents), min(first_year), max(last_year), max(last_award), "
        "max(last_update), sum(gedeeld_cents) from summary_org_regions group by organisation_id")
    db.execute("insert into summary_buyers select buyer_id, count(*), min(first), max(last) "
               "from summary_buyer_procurements group by buyer_id")
