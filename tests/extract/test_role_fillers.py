"""Which arguments fill a frame's target (graph/extract/role_fillers.py, issue 7): a named asset over
unnamed parts of it, and the whole a list of unnamed parts belongs to. Passages of our own, fictitious names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.test_investment_constructions import _rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Velda Energy is building the Kessra Offshore Wind Farm. The project also received a 1.1 billion zloty grant "
                 "from the Orlin Transition Fund for its grid connection.",
                 [("Orlin Transition Fund", "Kessra Offshore Wind Farm", Decimal("1100000000"), None)], id="received-for-its-part"),
    pytest.param("Tarnia is contributing a $40 million grant to the Kessra Port Project, mostly for a new container yard "
                 "and a seawall.", [("Tarnia", "Kessra Port", Decimal("40000000"), None)], id="given-to-the-project-for-a-part"),
])
def test_issue_7_a_named_asset_beats_an_unnamed_part_of_it(text, rows):
    """Session 33 (blind8, read half): a grant "for its grid connection" went to the connection, not to the named
    project that received it; "to the X Project, mostly for a container yard" went to the yard."""
    assert [r for r in _rows(text) if r[2] is not None] == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Velda Graphite is developing the Luana graphite mine in Tanzania. Velda Graphite has already spent about "
                 "TSh 95 billion on drilling, access roads and a camp at the site.",
                 [("Velda Graphite", "Luana graphite mine", Decimal("95000000000"), None)], id="spent-on-a-list-of-works"),
    pytest.param("Velda Foods owns the Luana Dairy Park. Velda Foods will invest $40 million in a cheese plant and a cold store "
                 "at Tarsk.", [("Velda Foods", "cheese plant", Decimal("40000000"), None),
                              ("Velda Foods", "cold store at Tarsk", Decimal("40000000"), None)], id="two-things-are-no-list-of-parts"),
])
def test_issue_7_money_for_a_list_of_unnamed_parts_goes_to_their_whole(text, rows):
    """Session 33 (blind9, read half): "spent TSh 95bn on drilling, access roads and a camp at the site"
    went to the access roads; a list of three or more unnamed parts is the work on the named asset told before."""
    assert sorted(set(r for r in _rows(text) if r[2] is not None)) == rows
