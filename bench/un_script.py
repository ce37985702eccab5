"""Names in their original script (issue 11): the UN list's NAME_ORIGINAL_SCRIPT values and its
non-Latin aliases, each screened against the Latin names of every UN entry."""

from __future__ import annotations

from rigour.text.scripts import text_scripts

from bench.cases import ListedName, Query
from bench.paths import data_file
from lookthrough.model import Entity
from lookthrough.model.schema import NAME_PROPS
from lookthrough.sources.base import LoadReport
from lookthrough.sources.un_xml import UnConsolidatedXml

UN = "un/UN_consolidated_2026-02-27.xml"
CATEGORY = "un_script"


def un_parties() -> list[Entity]:
    """The UN list's individuals and entities, read by lookthrough's own UN adapter."""
    report = LoadReport()
    parties = [e for e in UnConsolidatedXml().read(data_file(UN), report) if e.schema != "Sanction"]
    if report.rows_rejected:
        # The protocol counts every original-script name: a rejected record would silently shrink it.
        raise RuntimeError(f"{UN}: {report.rows_rejected} records rejected by the UN adapter")
    return parties


def script_of(name: str) -> str | None:
    """The name's script in lower case ('arabic', 'cyrillic', 'han' …), None for Latin or mixed."""
    scripts = text_scripts(name)
    return next(iter(scripts)).lower() if len(scripts) == 1 and scripts != {"Latin"} else None


def build_un_script(parties: list[Entity]) -> tuple[list[ListedName], list[Query]]:
    """The index (every party's Latin names) and one query per original-script name of a party
    that has a Latin name; its kind is the script."""
    names: list[ListedName] = []
    queries: list[Query] = []
    for party in parties:
        schema = "Person" if party.schema == "Person" else "Organization"
        values = [(s.prop, s.value) for s in party.statements if s.prop in NAME_PROPS]
        latin = [(p, v) for p, v in values if not text_scripts(v) - {"Latin"}]
        names += [ListedName(party.id, v, p, schema) for p, v in latin]
        for _prop, value in values:
            script = script_of(value)
            if latin and script:
                queries.append(Query(value, party.id, CATEGORY, script, latin[0][1]))
    return names, queries
