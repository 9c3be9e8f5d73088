"""The part of an OCDS 1.1 release this project reads, as a JSON Schema, checked with fastjsonschema.

A release package comes from outside: a field of the wrong type (a list where the standard has an
object, an id that is an object, a date that is a number, an amount of 10^30) would otherwise
surface deep in ``ocdsmerge`` or the store as a TypeError. Each release is checked against this
schema before it is judged or merged (tenderarchive/awards/ocds.py); one that fails is recorded and
skipped, and costs only itself.

Only the fields :mod:`tenderarchive.awards.ocds` reads are described, with the types the OCDS 1.1
release schema gives them (ids may be strings or integers); everything else is let through
untouched here, and left out of the merge (:func:`project`). Bounds the standard leaves open are set here: text up to 100,000 characters (names
1,000), amounts and counts within what SQLite's 64-bit integers hold in cents.
"""

from __future__ import annotations

import fastjsonschema

MAX_AMOUNT = 10 ** 15          # euros: 10^17 cents, well inside 2^63
TEXT = {"type": ["string", "null"], "maxLength": 100_000}
NAME = {"type": ["string", "null"], "maxLength": 1_000}
ID = {"type": ["string", "integer"], "maxLength": 1_000, "minimum": -(2 ** 62), "maximum": 2 ** 62}
OPTIONAL_ID = {**ID, "type": ["string", "integer", "null"]}
# an amount is a number in OCDS; one written as text ("2300000.50") is read as text (ocds._amount), not a
# release skipped with its winners
AMOUNT = {"type": ["number", "string", "null"], "minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT, "maxLength": 100}
VALUE = {"type": ["object", "null"], "properties": {"amount": AMOUNT, "currency": NAME,
                                                    "hasTax": {"type": ["boolean", "string", "null"], "maxLength": 10}}}
CLASSIFICATION = {"type": "object", "properties": {"id": OPTIONAL_ID, "scheme": NAME, "description": TEXT}}


#: OCDS Period (a contract's): its dates and its length in days, each let through in any shape and read only where it
#: is a date or a whole number of days (ocds._period), so an odd value costs itself, never the release's winners
PERIOD = {"type": ["object", "null"], "properties": {"startDate": {}, "endDate": {}, "durationInDays": {}}}


def _list(item: dict) -> dict:
    return {"type": ["array", "null"], "items": item}


def _object(**properties) -> dict:
    return {"type": ["object", "null"], "properties": properties}


RELEASE = {
    "type": "object",
    "required": ["ocid", "id", "date"],
    "properties": {
        "ocid": {"type": "string", "minLength": 1, "maxLength": 200},
        "id": ID,
        "date": {"type": "string", "maxLength": 100},
        # the release's tags: any shape is let through (it never fails a release) and read only where it is a
        # list of codes (ocds._publications); ocdsmerge omits it
        "tag": {},
        "tender": _object(
            title=TEXT, description=TEXT, procurementMethodDetails=TEXT, numberOfTenderers={},
            status=NAME, statusDetails={},
            classification={**CLASSIFICATION, "type": ["object", "null"]},
            value=VALUE,
            items=_list({"type": "object", "properties": {
                "id": OPTIONAL_ID, "classification": {**CLASSIFICATION, "type": ["object", "null"]},
                "additionalClassifications": _list(CLASSIFICATION)}}),
            lots=_list({"type": "object", "properties": {"id": OPTIONAL_ID, "title": TEXT, "value": VALUE,
                                                        "status": NAME, "statusDetails": {},
                                                        # the lot's own period (per perceel: lots extension)
                                                        "contractPeriod": PERIOD}}),
            # the lots extension's groups of lots ("GLO-0001" of eForms): an award of a group is of its lots together
            lotGroups=_list({"type": "object", "properties": {"id": OPTIONAL_ID, "relatedLots": _list(ID)}}),
            documents=_list({"type": "object", "properties": {"id": OPTIONAL_ID, "url": TEXT}}),
            # the nature (a framework agreement, a DAS: ocds.contract_nature): let through in any shape and read only
            # where it is JSON true, so an odd flag ("ja") costs itself, never the release's winners
            techniques=_object(hasFrameworkAgreement={}, hasDynamicPurchasingSystem={}),
            # the type of contract (ocds.contract_type): any shape, read only where it is one of OCDS's codes
            mainProcurementCategory={},
            # the contract's period (reference §6.3 "contractPeriod": {"durationInDays": 1095}, the Excel's "Aanvang
            # opdracht", "Voltooiing opdracht", "Termijn voltooiing opdracht" in "N Maanden"/"N Jaren")
            contractPeriod=PERIOD,
        ),
        # the buyer's id and the parties' roles: whether a supplier is the buyer (ocds.buyer_as_supplier; the roles
        # in any shape, "buyer;supplier" too, read only where they are codes)
        "buyer": _object(id=OPTIONAL_ID, name=NAME),
        "parties": _list({"type": "object", "properties": {
            "id": OPTIONAL_ID, "name": NAME, "roles": {},
            "identifier": _object(id=OPTIONAL_ID, scheme=NAME),
            "additionalIdentifiers": _list({"type": "object", "properties": {"id": OPTIONAL_ID, "scheme": NAME}}),
            # the postcode and street (ocds: award_suppliers.postcode, .street) in any shape, read only where the
            # postcode is text or a number, the street text
            "address": _object(locality=NAME, countryName=NAME, postalCode={}, streetAddress={}),
            "details": _object(scale=NAME)}}),
        "awards": _list({"type": "object", "properties": {
            "id": OPTIONAL_ID, "date": {"type": ["string", "null"], "maxLength": 100}, "value": VALUE, "status": NAME,
            "statusDetails": {}, "contractPeriod": PERIOD,
            "suppliers": _list({"type": "object", "properties": {"id": OPTIONAL_ID, "name": NAME}}),
            "relatedLots": _list(ID)}}),
        "contracts": _list({"type": "object", "properties": {
            "id": OPTIONAL_ID, "awardID": OPTIONAL_ID, "dateSigned": {"type": ["string", "null"], "maxLength": 100}}}),
        "bids": _object(statistics=_list({"type": "object", "properties": {
            "measure": NAME, "relatedLot": OPTIONAL_ID, "currency": NAME,
            # Counts (requests, electronicBids) and money (lowest/highestValidBidValue): the bound of
            # an amount; a count is read only when it is a count (tenderarchive/awards/ocds.py).
            "value": {"type": ["number", "string", "null"], "minimum": 0, "maximum": MAX_AMOUNT, "maxLength": 100}}})),
    },
}

_validate = fastjsonschema.compile(RELEASE)


#: A party's descriptive fields (where it is, its size): one of the wrong shape (a country that is a number, a list, an
#: object; a place of 5,000 characters; an address that is text) costs itself alone, read as NULL and said
#: (:func:`soften`), never the release with its winners, as it did when the schema refused the release for it. A
#: party's id and name stay hard: a winner without them is not one that can be read.
SOFT_PARTY_FIELDS = (("address",), ("address", "locality"), ("address", "countryName"), ("details",),
                     ("details", "scale"))
_SOFT_SCHEMA = {("address",): {"type": ["object", "null"]}, ("details",): {"type": ["object", "null"]}}
_soft_valid = {path: fastjsonschema.compile(_SOFT_SCHEMA.get(path, NAME)) for path in SOFT_PARTY_FIELDS}


def _shape(value, wanted: str) -> str:
    """What a value is instead of ``wanted`` ("text", "an object"), in a few words, for a note on a field read as
    NULL."""
    if isinstance(value, bool):
        return f"{str(value).lower()}, not {wanted}"
    if isinstance(value, (int, float)):
        return f"a number ({value}), not {wanted}"
    if isinstance(value, str):
        return f"text of {len(value):,} characters, longer than a name" if wanted == "text" else f"text, not {wanted}"
    return {list: "a list", dict: "an object"}.get(type(value), type(value).__name__) + f", not {wanted}"


def soften(release) -> list[str]:
    """Set each of the release's parties' :data:`SOFT_PARTY_FIELDS` of the wrong shape to None, in place; one note per
    field set so ("parties[1].address.countryName is a list, not text: read as NULL"). Run before
    :func:`release_problem`, which then no longer refuses the release for it."""
    parties = release.get("parties") if isinstance(release, dict) else None
    notes: list[str] = []
    for index, party in enumerate(parties if isinstance(parties, list) else []):
        for path in SOFT_PARTY_FIELDS:
            holder = party
            for key in path[:-1]:
                holder = holder.get(key) if isinstance(holder, dict) else None
            if not isinstance(holder, dict) or holder.get(path[-1]) is None:
                continue
            try:
                _soft_valid[path](holder[path[-1]])
            except fastjsonschema.JsonSchemaValueException:
                what = _shape(holder[path[-1]], "an object" if path in _SOFT_SCHEMA else "text")
                notes.append(f"parties[{index}].{'.'.join(path)} is {what}: read as NULL")
                holder[path[-1]] = None
    return notes


def project(value, schema: dict = RELEASE):
    """``value`` (a release that passed :func:`release_problem`) with only the fields described here:
    what is merged is then exactly what was checked (ocdsmerge walks every field it is given, and a
    field nobody reads could still break the merge)."""
    if isinstance(value, dict) and "properties" in schema:
        return {k: project(v, schema["properties"][k]) for k, v in value.items() if k in schema["properties"]}
    if isinstance(value, list) and "items" in schema:
        return [project(v, schema["items"]) for v in value]
    return value


def release_problem(release) -> str | None:
    """None when ``release`` has the shape read here, else what is wrong (first problem only)."""
    try:
        _validate(release)
    except fastjsonschema.JsonSchemaValueException as exc:
        return exc.message[:300]
    return None
