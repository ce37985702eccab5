"""Real company names that are not listed: IEEE OUI manufacturers, minus listed firms and listed names.

Rule (conservative: when in doubt a vendor is dropped, never kept):
1. `listed_brand`: the vendor's normalised words contain a brand of a firm group named on a list
   in the shared data (section 889, FCC Covered List, NS-CMIC, DoD 1260H, sections 154/5949, the SDN
   list) or of one of its subsidiaries or consumer brands (see BRANDS).
2. `listed_name`: the vendor equals a listed name once normalised (bench.text.core_key: NFKC, casefold,
   ASCII, legal-form words set aside), against every name the exclusion lists give.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from bench.paths import OUI, data_file
from bench.text import core_key, tokens

SIZE = 5000
SEED = 4

BRANDS: dict[str, str] = {
    "hikvision": "Hikvision (s. 889, NS-CMIC, 1260H)",
    "ezviz": "Hikvision subsidiary (Ezviz)",
    "hikrobot": "Hikvision subsidiary (Hikrobot)",
    "hikstorage": "Hikvision subsidiary (Hikstorage)",
    "hikmicro": "Hikvision subsidiary (Hikmicro)",
    "dahua": "Dahua (s. 889, 1260H)",
    "huacheng": "Dahua consumer arm (Hangzhou Huacheng, Imou)",
    "imou": "Dahua consumer brand (Imou)",
    "huawei": "Huawei (s. 889, FCC Covered List)",
    "hisilicon": "Huawei subsidiary (HiSilicon)",
    "honor device": "former Huawei unit (Honor Device)",
    "zte": "ZTE (s. 889, FCC Covered List)",
    "zhongxing": "ZTE (Zhongxing Telecommunication Equipment)",
    "nubia": "ZTE affiliate (nubia)",
    "hytera": "Hytera (s. 889, FCC Covered List)",
    "sepura": "Hytera subsidiary (Sepura)",
    "china mobile": "China Mobile (FCC Covered List, NS-CMIC)",
    "china telecom": "China Telecom (FCC Covered List, NS-CMIC)",
    "china unicom": "China Unicom (FCC Covered List, NS-CMIC)",
    "kaspersky": "Kaspersky (FCC Covered List)",
    "dji": "DJI (NS-CMIC, 1260H)",
    "quectel": "Quectel (1260H)",
    "inspur": "Inspur (1260H)",
    "sugon": "Sugon / Dawning (1260H)",
    "dawning": "Sugon / Dawning (1260H)",
    "iflytek": "iFlytek (1260H)",
    "tencent": "Tencent (1260H)",
    "byd": "BYD (s. 154)",
    "avic": "AVIC (NS-CMIC, 1260H)",
    "cetc": "CETC (NS-CMIC, 1260H)",
    "china electronics": "CEC / CETC (NS-CMIC, 1260H)",
    "panda electronics": "CEC subsidiary (Nanjing Panda Electronics)",
    "crrc": "CRRC (NS-CMIC, 1260H)",
    "yangtze memory": "YMTC (s. 5949)",
    "smic": "SMIC (s. 5949, NS-CMIC)",
    "autel": "Autel Robotics (1260H)",
    "hesai": "Hesai (1260H)",
}
"""Brand words (whole words of the normalised name) of listed firm groups and their subsidiaries."""


def vendors(path: Path | None = None) -> list[str]:
    """Distinct manufacturer names of the MA-L registry, in file order."""
    with (path or data_file(OUI)).open(encoding="utf-8", newline="") as handle:
        names = (row["vendor"].strip() for row in csv.DictReader(handle))
        return list(dict.fromkeys(n for n in names if n))


def brand_of(name: str) -> str | None:
    """The listed firm group whose brand words the name contains, if any."""
    padded = f" {' '.join(tokens(name))} "
    for brand, firm in BRANDS.items():
        if f" {brand} " in padded:
            return firm
    return None


def drop_reason(name: str, listed: frozenset[str]) -> str | None:
    firm = brand_of(name)
    if firm:
        return f"listed_brand: {firm}"
    return "listed_name" if core_key(name) in listed else None


def build_negatives(
    listed_names: list[str], size: int = SIZE, seed: int = SEED, dropped_to: Path | None = None
) -> list[str]:
    """`size` unlisted vendor names at random; the dropped ones go to `dropped_to` with the reason."""
    listed = frozenset(core_key(n) for n in listed_names)
    kept, dropped = [], []
    for name in vendors():
        reason = drop_reason(name, listed)
        if reason:
            dropped.append((name, reason))
        else:
            kept.append(name)
    if dropped_to:
        with dropped_to.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("vendor", "reason"))
            writer.writerows(dropped)
    return random.Random(seed).sample(kept, min(size, len(kept)))
