"""Baseline results kept on disk under bench/output/cache, keyed by the evaluation set's sha256."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bench.paths import work_dir

VERSION = 3
"""Raise when a baseline's code changes what it returns."""


def cached(
    name: str, digest: str, compute: Callable[[], dict[str, Any]], refresh: bool = False
) -> dict[str, Any]:
    """The stored result for (name, digest), computing and storing it when missing."""
    path = work_dir("cache") / f"{name}-v{VERSION}-{digest[:24]}.json"
    if path.exists() and not refresh:
        result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        result["cached"] = True
        return result
    result = compute()
    path.write_text(json.dumps(result), encoding="utf-8")
    result["cached"] = False
    return result
