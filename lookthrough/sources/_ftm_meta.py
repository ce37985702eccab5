"""What an FtM export says beside an entity's properties, and which of its datasets are official
lists: a Sanction entity that only official lists state is graded as an official listing."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from lookthrough.exc import SourceError
from lookthrough.model import EntityMeta, Evidence

OFFICIAL_PUBLISHERS: dict[str, str] = {
    "us_ofac_sdn": "US Treasury, Office of Foreign Assets Control",
    "us_ofac_cons": "US Treasury, Office of Foreign Assets Control",
    "us_bis_denied": "US Commerce, Bureau of Industry and Security",
    "us_trade_csl": "US Commerce, International Trade Administration",
    "us_dod_chinese_milcorps": "US Department of Defense",
    "un_sc_sanctions": "United Nations Security Council",
    "eu_fsf": "European Commission, Financial Sanctions Files",
    "eu_travel_bans": "Council of the European Union",
    "gb_hmt_sanctions": "HM Treasury, Office of Financial Sanctions Implementation",
    "gb_fcdo_sanctions": "UK Foreign, Commonwealth & Development Office",
    "ch_seco_sanctions": "Switzerland, State Secretariat for Economic Affairs",
    "au_dfat_sanctions": "Australia, Department of Foreign Affairs and Trade",
    "ca_dfatd_sema_sanctions": "Global Affairs Canada",
    "be_fod_sanctions": "Belgium, Federal Public Service Finance",
    "fr_tresor_gels_avoir": "France, Direction générale du Trésor",
    "jp_mof_sanctions": "Japan, Ministry of Finance",
    "nz_russia_sanctions": "New Zealand, Ministry of Foreign Affairs and Trade",
    "ua_nsdc_sanctions": "Ukraine, National Security and Defense Council",
}
"""OpenSanctions dataset names of official lists, with the government body that publishes each
(as OpenSanctions' dataset pages name them). Only these make a listing official."""

TIMES = ("first_seen", "last_seen", "last_change")


def read_meta(data: dict[str, Any], name: str, line: int) -> EntityMeta:
    """The datasets, referents and times of an FtM object; SourceError names a bad field."""
    lists = {key: data.get(key) or [] for key in ("datasets", "referents")}
    for key, values in lists.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise SourceError(f"'{key}' must be a list of names", path=name, line=line, field=key)
    times = {key: _time(data.get(key), name, line, key) for key in TIMES}
    return EntityMeta(sorted(set(lists["datasets"])), sorted(set(lists["referents"])), **times)


def _time(value: Any, name: str, line: int, key: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return _second(str(value))
    except ValueError:
        raise SourceError(f"not a date and time: {value!r}", path=name, line=line, field=key) from None


@lru_cache(maxsize=1 << 16)
def _second(text: str) -> str:
    """An ISO date and time to the second, without time zone (exports repeat a few endlessly)."""
    return datetime.fromisoformat(text).replace(microsecond=0, tzinfo=None).isoformat()


def grade(schema: str, meta: EntityMeta) -> tuple[Evidence, str]:
    """(evidence, note for the citation): a Sanction stated only by official lists is official."""
    publishers = [OFFICIAL_PUBLISHERS.get(d) for d in meta.datasets]
    if schema == "Sanction" and publishers and all(publishers):
        named = "; ".join(sorted({p for p in publishers if p}))
        return Evidence.OFFICIAL, f"official list, published by {named}"
    return Evidence.REPORTED, ""
