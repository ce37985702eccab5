"""lookthrough: who is really behind this name, and is that party on an official restricted list?

import lookthrough
model = lookthrough.open("lists.duckdb")   # a database, or a model saved with model.save()
model.screen("Hangzhou Hikvision Digital Technology")
model.screen_frame(df, name="holding", ids=["isin"])
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from lookthrough.screening.frozen import ScreeningModel


def open(path: str | Path | None = None) -> ScreeningModel:
    """The screening model of a database (default LOOKTHROUGH_DB), built now with the current
    settings, or the model saved in the folder `path`."""
    from lookthrough.screening.frozen import open_model

    return open_model(path)


def __getattr__(name: str) -> Any:
    # Importing lookthrough stays cheap: the screening stack loads when it is first used.
    if name == "ScreeningModel":
        from lookthrough.screening.frozen import ScreeningModel

        return ScreeningModel
    if name == "spark":
        import lookthrough.spark

        return lookthrough.spark
    raise AttributeError(f"module 'lookthrough' has no attribute {name!r}")


__all__ = ["ScreeningModel", "__version__", "open"]
