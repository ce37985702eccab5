"""Device inventories: MAC addresses to makers, makers to the listed parties behind them."""

from lookthrough.devices.inventory import FORMATS, Columns, Device, Inventory, open_inventory
from lookthrough.devices.registry import Assignment, Registry
from lookthrough.devices.screen import DeviceScreener, DeviceTally
from lookthrough.devices.writer import write_device_csv

__all__ = [
    "FORMATS",
    "Assignment",
    "Columns",
    "Device",
    "DeviceScreener",
    "DeviceTally",
    "Inventory",
    "Registry",
    "open_inventory",
    "write_device_csv",
]
