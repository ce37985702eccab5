"""Screening on Apache Spark: a DataFrame of names in, the results of `screen --format parquet`
out, computed by `mapInArrow` on the executors.

The saved model folder is shipped to each executor once (`SparkContext.addFile`) or read from
storage every executor sees; each Python worker maps it in once and keeps it. Rows are numbered
where they are read, before any repartitioning, so every result carries its input row.

    model = lookthrough.open("lists.duckdb")
    model.save("model")
    results = lookthrough.spark.screen(df, name="holding", ids=["isin"], model="model")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lookthrough.exc import InvalidInput
from lookthrough.screening.frozen import ScreeningModel
from lookthrough.spark.partition import CORRUPT, ROW, ScreenPartition, output_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

OFFSET_BITS = 33
"""monotonically_increasing_id() holds the partition above these bits, the position below."""
ID = "__lookthrough_id"
_shipped: dict[tuple[str, str], str] = {}
"""(Spark application, folder name) -> the key of the model shipped under that name."""


def screen(
    df: DataFrame,
    name: str,
    ids: Sequence[str] = (),
    *,
    model: ScreeningModel | str | Path,
    partitions: int | None = None,
    shared: bool = False,
) -> DataFrame:
    """`df` screened on the executors: one result row per input row, numbered in the order
    Spark reads `df` (read it from files, or cache it, so that order is the same each time).

    `model`: a saved model or its folder. `shared`: the folder is on storage every executor
    reads (not shipped). `partitions`: spread the rows over this many tasks (default: twice
    the cores when `df` has fewer partitions than cores)."""
    chosen = model if isinstance(model, ScreeningModel) else ScreeningModel.open(model)
    if chosen.path is None:
        raise InvalidInput("the model must be saved before Spark can use it: call model.save(folder) first")
    columns = [c for c in df.columns if c != CORRUPT]
    for column in (name, *ids):
        if column not in columns:
            raise InvalidInput(f"no such column; the columns are: {', '.join(columns)}", field=column)
    location = str(chosen.path.resolve()) if shared else ship(df.sparkSession, chosen)
    numbered = number_rows(df)
    parallelism = df.sparkSession.sparkContext.defaultParallelism
    if partitions is not None:
        numbered = numbered.repartition(partitions)
    elif numbered.rdd.getNumPartitions() < parallelism:
        numbered = numbered.repartition(2 * parallelism)
    task = ScreenPartition(location, chosen.key, not shared, name, tuple(ids), tuple(columns))
    return numbered.mapInArrow(task, output_schema(columns))


def ship(spark: SparkSession, model: ScreeningModel) -> str:
    """Send the model's folder to every executor once per application; the name executors find
    it under."""
    assert model.path is not None
    context = spark.sparkContext
    folder = model.path.resolve()
    slot = (context.applicationId, folder.name)
    known = _shipped.get(slot)
    if known is None:
        context.addFile(str(folder), recursive=True)
        _shipped[slot] = model.key
    elif known != model.key:
        raise InvalidInput(
            f"another model was shipped as {folder.name!r} in this Spark application: save this one "
            "under another folder name"
        )
    return folder.name


def number_rows(df: DataFrame) -> DataFrame:
    """`df` with ROW: each row's position (from 1) in partition order, worked out from the
    partitions' sizes (one pass that reads no column)."""
    from pyspark.sql import functions as F

    sizes = df.groupBy(F.spark_partition_id().alias("partition")).count().collect()
    starts: dict[int, int] = {}
    total = 0
    for row in sorted(sizes, key=lambda r: int(r["partition"])):
        starts[int(row["partition"])] = total
        total += int(row["count"])
    pairs: list[Any] = []
    for partition, first in (starts or {0: 0}).items():
        pairs += [F.lit(partition).cast("int"), F.lit(first).cast("long")]
    # The id is evaluated once into its own column: each evaluation of it counts a row.
    spot = F.col(ID)
    start = F.element_at(F.create_map(*pairs), F.shiftright(spot, OFFSET_BITS).cast("int"))
    position = spot.bitwiseAND((1 << OFFSET_BITS) - 1)
    numbered = df.withColumn(ID, F.monotonically_increasing_id())
    return numbered.withColumn(ROW, start + position + 1).drop(ID)


__all__ = ["number_rows", "screen", "ship"]
