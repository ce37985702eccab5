"""Screen a device: MAC prefix -> IEEE registrant -> party -> listed party behind it.

The path of every device hit starts with the step that names the maker: the IEEE assignment
of the MAC prefix, or the cited pattern a model number matched, or the vendor string itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from lookthrough.devices.inventory import Device, Inventory
from lookthrough.devices.models import ModelPattern, maker_name, model_makers
from lookthrough.devices.registry import Assignment, Registry
from lookthrough.identifiers import InvalidMac, Mac
from lookthrough.model import Evidence
from lookthrough.screening.result import Hit, RowResult, Status, Step
from lookthrough.screening.screener import Screener, Tally, screen_counted


@dataclass
class DeviceTally(Tally):
    """Rows in = rows out (hit + clear + error + unattributable) + rows rejected."""

    unattributable: int = 0

    @property
    def rows_out(self) -> int:
        return self.hit + self.clear + self.error + self.unattributable


class DeviceScreener:
    """Attributes devices to makers and screens the makers, remembering each maker's answer."""

    def __init__(self, screener: Screener, registry: Registry | None = None) -> None:
        self.screener = screener
        self.registry = registry or Registry.shipped()
        self._makers: dict[str, list[Hit]] = {}
        self._reached: dict[tuple[str, str], list[Hit]] = {}

    def screen_inventory(
        self,
        inventory: Inventory,
        tally: DeviceTally,
        tick: Callable[[int], None] | None = None,
        workers: int = 1,
    ) -> Iterator[RowResult]:
        """One result per device, over `workers` forked processes when above one; unreadable
        records go to `tally.rejects`."""
        if workers > 1:
            self.screener.prepare()  # build the graph once, before forking
        return screen_counted(self.screen_device, inventory.rows, tally, tick, workers)

    def screen_device(self, device: Device) -> RowResult:
        info: dict[str, Any] = {"mac": device.mac, "mac_status": "missing"}
        hits: list[Hit] = []
        error = None
        if device.mac:
            try:
                hits += self._by_mac(Mac.parse(device.mac), info)
            except InvalidMac as problem:
                info["mac_status"] = "invalid"
                error = f"line {device.line}: MAC address {device.mac!r}: {problem}"
        hits += self._by_strings(device, info, registered=info["mac_status"] == "assigned")
        status = _status(hits, error, info)
        return RowResult(device.number, device.line, device.fields, status, self._unique(hits), error, info)

    def _by_mac(self, mac: Mac, info: dict[str, Any]) -> list[Hit]:
        info["mac"] = str(mac)
        if mac.locally_administered:
            info["mac_status"] = "locally administered"
            info["note"] = "a randomised or locally assigned address: it does not tell the maker"
            return []
        assignment = self.registry.lookup(mac)
        if assignment is None:
            info["mac_status"] = "unassigned"
            info["note"] = f"no IEEE assignment covers this prefix in {self.registry.source}"
            return []
        info.update(mac_status="assigned", prefix=assignment.prefix, registry=assignment.registry,
                    manufacturer=assignment.organization, attributed=True)  # fmt: skip
        return self._through(_mac_step(assignment), assignment.organization)

    def _by_strings(self, device: Device, info: dict[str, Any], *, registered: bool) -> list[Hit]:
        """Makers named by cited model patterns, and by the vendor text unless the IEEE registry
        has named the maker already: an inventory's free text never overrides the registry."""
        hits = []
        for text in (device.vendor, device.model):
            for code, pattern in model_makers(text or ""):
                info["attributed"] = True
                hits += self._through(_model_step(code, pattern), pattern.maker)
        name = maker_name(device.vendor or "")
        if name and registered:
            info["vendor_not_screened"] = (
                f"the vendor text {device.vendor!r} was not screened: the MAC prefix names the maker"
            )
        elif name:
            info["attributed"] = True
            hits += self._through(_vendor_step(device.vendor or name), name)
        return hits

    def _through(self, step: Step, maker: str) -> list[Hit]:
        """The hits on `maker`, each with `step` in front; made once per step and maker."""
        key = (step.entity_id, maker)
        if key not in self._reached:
            self._reached[key] = [_prefixed(hit, step) for hit in self._maker(maker)]
        return self._reached[key]

    def _unique(self, hits: list[Hit]) -> list[Hit]:
        """One hit per listed party; the first way of reaching it (the MAC prefix) wins."""
        seen: dict[str, Hit] = {}
        for hit in hits:
            seen.setdefault(self.screener.catalog.cluster_of(hit.entity_id), hit)
        return list(seen.values())

    def _maker(self, name: str) -> list[Hit]:
        """The hits for a maker's name, screened once per run."""
        if name not in self._makers:
            self._makers[name] = self.screener.screen(name)
        return self._makers[name]


def _status(hits: list[Hit], error: str | None, info: dict[str, Any]) -> Status:
    if hits:
        return Status.HIT
    if error:
        return Status.ERROR
    if info.pop("attributed", False):
        return Status.CLEAR
    info.setdefault("note", "no MAC address, vendor or model in the record: the maker cannot be told")
    return Status.UNATTRIBUTABLE


def _prefixed(hit: Hit, step: Step) -> Hit:
    sources = sorted({*hit.sources, step.source}) if step.source else hit.sources
    return replace(hit, path=[step, *hit.path], sources=sources)


def _mac_step(assignment: Assignment) -> Step:
    return Step(
        f"ieee-{assignment.registry.lower()}-{assignment.prefix}",
        assignment.organization,
        f"MAC prefix {assignment.prefix} ({assignment.registry})",
        None,
        assignment.citation,
        Evidence.OFFICIAL.value,
        dataset="ieee_registry",
    )


def _model_step(code: str, pattern: ModelPattern) -> Step:
    return Step(
        f"model-{code}",
        pattern.maker,
        f"model {code} matches {pattern.pattern}",
        None,
        f"{pattern.citation} ({pattern.url})",
        pattern.evidence.value,
    )


def _vendor_step(vendor: str) -> Step:
    return Step(f"vendor-{vendor}", vendor, "vendor named in the inventory", None, "the inventory itself")
