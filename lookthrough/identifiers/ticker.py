"""Equity tickers as lists write them ('002415 CN'): code plus market."""

from __future__ import annotations

import re

from lookthrough.identifiers.common import IdentifierType

_TICKER = re.compile(r"^[A-Z0-9]{1,10}(?: [A-Z]{2})?$")


class Ticker(IdentifierType):
    name = "ticker"
    label = "Equity ticker"
    props = ("ticker",)
    # A ticker is only unique together with its market, and markets are written many ways.
    strong = False

    def clean(self, value: str) -> str | None:
        text = " ".join(value.upper().replace("EQUITY", "").split())
        return text if _TICKER.match(text) else None
