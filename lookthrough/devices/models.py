"""Vendor and model strings: which makers they name, and only where a cited source says so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lookthrough.model import Evidence


@dataclass(frozen=True)
class ModelPattern:
    """A model-number pattern that a cited document ties to its maker."""

    pattern: str
    maker: str
    citation: str
    url: str
    evidence: Evidence = Evidence.REPORTED

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)


PATTERNS = (
    ModelPattern(
        r"^DS-2CD\w",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Hikvision network camera user manuals for models DS-2CD2323G0-IU (2021), DS-2CD2942F (2015) "
        "and DS-2CD6944G0-IHS (2019), each copyright Hangzhou Hikvision Digital Technology Co., Ltd.",
        "https://manualspro.net/76836-hikvision-ds-2cd2323g0-iu-network-camera-user-manual",
    ),
    ModelPattern(
        r"^DHI?-[A-Z]",
        "Zhejiang Dahua Technology Co., Ltd.",
        "E-Katalog, 'Marking of Dahua surveillance cameras': a model name starts with DH (less often "
        "DHI), the designation of the Dahua brand",
        "https://ek.ua/en/post/4042/323-markirovka-kamer-nablyudeniya-dahua",
    ),
)
_CODE = re.compile(r"\d")


def model_makers(text: str) -> list[tuple[str, ModelPattern]]:
    """(model code, pattern) for every word of `text` that a cited pattern ties to a maker."""
    found = []
    for word in text.split():
        for pattern in PATTERNS:
            if pattern.regex.match(word):
                found.append((word, pattern))
    return found


def maker_name(vendor: str) -> str:
    """A vendor string without its model codes ('HIKVISION DS-2CD2143G2-I' -> 'HIKVISION')."""
    return " ".join(word for word in vendor.split() if not _CODE.search(word))
