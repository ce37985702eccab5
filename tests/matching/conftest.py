"""A matcher over the built-in dataset: shipped with the package, so these tests need no download."""

from __future__ import annotations

import pytest

from lookthrough.matching.matcher import Matcher
from lookthrough.workspace import Workspace


@pytest.fixture(scope="module")
def builtin() -> Matcher:
    return Workspace(":memory:", builtin=True).load_or_build()
