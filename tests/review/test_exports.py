"""The public surface of the review and API packages, pinned so changes are deliberate."""

from __future__ import annotations

import lookthrough.api
import lookthrough.review


def test_review_exports() -> None:
    assert set(lookthrough.review.__all__) == {
        "DOWNLOADS", "Assignment", "Case", "Comparison", "Decision", "Ledger", "Role", "Run", "RunStatus",
        "State", "Token", "Verdict", "authenticate", "create_token", "execute", "plan_run", "rescreen",
        "revoke_token", "tokens",
    }  # fmt: skip


def test_api_exports() -> None:
    assert lookthrough.api.__all__ == ["create_app"]
