"""What runs on a Spark executor: each Python worker maps the shipped model in once and keeps
it for every partition it screens after."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from lookthrough.exc import InvalidModel
from lookthrough.screening.frames import Record, result_batches, screen_records
from lookthrough.screening.frozen import ScreeningModel
from lookthrough.screening.screener import Screener
from lookthrough.screening.writer import PARQUET_INTS, parquet_columns

ROW = "__lookthrough_row"
"""The column carrying each row's number, given before any repartitioning."""
CORRUPT = "__lookthrough_corrupt"
"""The column Spark's CSV reader fills with a record it could not split into the header's fields."""

_screeners: dict[str, Screener] = {}
"""The screener of each model key this Python worker has opened (one model, mapped in once)."""


def screener_for(location: str, key: str, shipped: bool) -> Screener:
    """The screener of the model named `key`: from the files Spark shipped to this executor
    (`shipped`), or from `location` on storage every executor sees."""
    screener = _screeners.get(key)
    if screener is None:
        if shipped:
            from pyspark import SparkFiles

            path = Path(SparkFiles.get(location))
        else:
            path = Path(location)
        model = ScreeningModel.open(path)
        if model.key != key:
            raise InvalidModel(
                f"the executor's copy of the model is {model.key}, not {key}: a different model was "
                "shipped under the same folder name earlier in this Spark application"
            )
        screener = model.screener()
        screener.prepare()
        _screeners[key] = screener
    return screener


@dataclass(frozen=True)
class ScreenPartition:
    """The function `mapInArrow` calls on each partition: Arrow batches in, results out."""

    location: str
    key: str
    shipped: bool
    name: str
    ids: tuple[str, ...]
    columns: tuple[str, ...]

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        screener = screener_for(self.location, self.key, self.shipped)
        columns = list(self.columns)
        results = screen_records(
            screener, spark_records(batches), columns, self.name, list(self.ids), label="Spark DataFrame"
        )
        yield from result_batches(results, columns)


def spark_records(batches: Iterator[pa.RecordBatch]) -> Iterator[Record]:
    """Each row with the number it was given at the source, and the CSV reader's complaint."""
    for batch in batches:
        for fields in batch.to_pylist():
            number = fields.pop(ROW)
            corrupt = fields.pop(CORRUPT, None)
            problem = f"not a CSV record with the header's fields: {corrupt[:200]!r}" if corrupt else None
            yield number, fields, problem


def output_schema(columns: list[str]) -> Any:
    """The Spark schema of the results: the Parquet output's columns."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType(
        [StructField(c, LongType() if c in PARQUET_INTS else StringType()) for c in parquet_columns(columns)]
    )
