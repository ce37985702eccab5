"""`lookthrough spark-screen`: a Parquet or CSV table (a file, or a folder of part files as Spark,
Hive and Delta-style writers leave them) screened on Spark and written as Parquet."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lookthrough.exc import InvalidInput, LookthroughError
from lookthrough.screening.frozen import ScreeningModel
from lookthrough.screening.reader import check_unique
from lookthrough.spark import screen
from lookthrough.spark.partition import CORRUPT

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

FORMATS = ("parquet", "csv")


@dataclass
class SparkTally:
    """Rows in = rows out: hit + clear + error (rows that could not be read are errors here)."""

    rows: int = 0
    hit: int = 0
    clear: int = 0
    error: int = 0


def session(master: str | None = None, conf: Sequence[tuple[str, str]] = ()) -> SparkSession:
    """A Spark session (local mode on every core unless `master` or spark-submit says otherwise)
    whose Python workers run this interpreter, where lookthrough is installed."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise LookthroughError("Spark is not installed: pip install 'lookthrough[spark]'") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("lookthrough spark-screen")
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local"):
        # Local mode needs no port beyond loopback.
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config(
            "spark.driver.host", "127.0.0.1"
        )
    for key, value in conf:
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as error:  # pyspark raises its own errors (or RuntimeError) when Java is missing
        raise LookthroughError(f"Spark could not start ({error}); it needs a Java 17+ runtime") from None


def table_format(path: Path, forced: str | None = None) -> str:
    """parquet or csv, from `forced`, the file name, or the part files in a folder."""
    if forced:
        if forced not in FORMATS:
            raise InvalidInput(f"unknown input format {forced!r}; use one of {', '.join(FORMATS)}")
        return forced
    if not path.exists():
        raise InvalidInput("no such file or folder", path=str(path))
    if path.is_dir() and (path / "_delta_log").is_dir():
        raise InvalidInput(
            "a Delta table: its folder also holds files its log has removed; read it with "
            "spark.read.format('delta') and call lookthrough.spark.screen(df, ...)",
            path=str(path),
        )
    names = [p.name for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path.name]
    for kind, suffixes in (("parquet", (".parquet",)), ("csv", (".csv", ".csv.gz"))):
        if any(n.lower().endswith(suffixes) for n in names if not n.startswith(("_", "."))):
            return kind
    raise InvalidInput("cannot tell the format from the file names; pass --input-format", path=str(path))


def read_table(spark: SparkSession, path: Path, kind: str, encoding: str = "utf-8") -> DataFrame:
    """The table at `path`; CSV is read as text under its header, and a record that does not
    split into the header's fields is kept whole, to come out as an error row."""
    if kind == "parquet":
        return spark.read.parquet(str(path))
    from pyspark.sql.types import StringType, StructField, StructType

    reader = spark.read.options(header=True, encoding=encoding, escape='"', multiLine=True)
    header = [c.strip() for c in reader.csv(str(path)).columns]
    check_unique(header, path)
    schema = StructType([StructField(c, StringType()) for c in [*header, CORRUPT]])
    return reader.options(mode="PERMISSIVE", columnNameOfCorruptRecord=CORRUPT).schema(schema).csv(str(path))


def screen_files(
    spark: SparkSession,
    source: Path,
    target: Path,
    name: str,
    ids: Sequence[str],
    model: ScreeningModel,
    *,
    input_format: str | None = None,
    encoding: str = "utf-8",
    partitions: int | None = None,
    overwrite: bool = False,
) -> SparkTally:
    """Screen the table at `source` into a Parquet folder at `target`; the tally read back from it."""
    from pyspark.errors import AnalysisException

    df = read_table(spark, source, table_format(source, input_format), encoding)
    results = screen(df, name, ids, model=model, partitions=partitions)
    try:
        results.write.mode("overwrite" if overwrite else "errorifexists").parquet(str(target))
    except AnalysisException as error:
        if target.exists() and not overwrite:
            raise InvalidInput("already exists; pass --overwrite to replace it", path=str(target)) from None
        raise InvalidInput(str(error).splitlines()[0], path=str(source)) from None
    tally = SparkTally()
    for row in spark.read.parquet(str(target)).groupBy("status").count().collect():
        setattr(tally, row["status"], int(row["count"]))
        tally.rows += int(row["count"])
    return tally


@contextmanager
def job_model(path: Path | None, db: str | None) -> Iterator[ScreeningModel]:
    """The saved model at `path`; else the model of `db`, saved for the job's length."""
    if path is not None:
        yield ScreeningModel.open(path)
        return
    model = ScreeningModel.build(db)
    with tempfile.TemporaryDirectory(prefix="lookthrough-") as folder:
        model.save(Path(folder) / f"model-{model.key}")
        yield model
