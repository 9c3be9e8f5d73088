"""Organisation identities (tenderarchive/organisations.py): the id of an organisation that is no
municipality and no regional buyer is a slug of its name, the id archived rows hold."""

import pytest

from tenderarchive.organisations import organisation


@pytest.mark.parametrize("name,slug", [
    ("Zorgaanbieder Jeugd (B.V.)", "zorgaanbieder-jeugd-b-v"),
    ("Coöperatie Jeugdhulp Noord (U.A.)", "cooperatie-jeugdhulp-noord-u-a"),
    ("Stichting Zon (van de Zee)", "stichting-zon-van-de-zee"),
    ("Stichting Jeugdzorg Zuid", "stichting-jeugdzorg-zuid"),
])
def test_the_slug_of_a_name_with_a_parenthesised_abbreviation_keeps_its_form(name, slug):
    """The abbreviation rule of the municipality key ("Bergen (N.H.)" is "Bergen (NH)") changed these ids
    (``-b-v`` to ``-bv``, ``-van-de-zee`` to ``-vandezee``): archived notices kept the old id, a new crawl
    wrote the new one, one buyer split in two. The slug keeps its form."""
    found = organisation(name)
    assert (found["kind"], found["organisation_id"]) == ("other", slug)
