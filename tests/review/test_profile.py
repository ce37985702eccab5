"""The listed party's profile: each entry's names, codes, addresses, countries and official links."""

from __future__ import annotations

import pytest

from lookthrough.review.profile import _link, profile


def test_profile_of_a_built_in_party(workspace) -> None:
    [entry] = [
        e
        for e in profile(workspace.catalog(), workspace.store, ["lt-hikvision"])
        if e.entity_id == "lt-hikvision"
    ]
    assert "海康威视" in entry.aliases and ("isinCode", "CNE100000PM8") in entry.identifiers
    assert entry.countries == ["cn"] and any("Hangzhou" in a for a in entry.addresses)
    lists = {listing.list for listing in entry.listings}
    assert any(name.startswith("Entity List") for name in lists) and len(lists) >= 4
    assert entry.links and all(url.startswith("https://") for url in entry.links)


@pytest.mark.parametrize(
    ("url", "shown"),
    [("https://ofac.treasury.gov/x", "https://ofac.treasury.gov/x"), ("javascript:alert(1)", None),
     ("data:text/html,x", None), (None, None)],
)  # fmt: skip
def test_only_web_links_are_shown(url, shown) -> None:
    assert _link(url) == shown
