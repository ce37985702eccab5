"""One timed run in its own process, for bench.spark_speed; prints its figures as JSON.

python -m bench.spark_job spark MASTER INPUT MODEL OUTPUT   # lookthrough.spark.screen to Parquet
python -m bench.spark_job ship MASTER MODEL                 # the model shipped and mapped in
python -m bench.spark_job frame WORKERS INPUT MODEL         # screen_frame on an Arrow table
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

SPARK_CONF = (("spark.ui.enabled", "false"), ("spark.sql.shuffle.partitions", "8"))


def spark_run(master: str, source: str, model_path: str, output: str) -> dict[str, Any]:
    import lookthrough.spark
    from lookthrough.screening.frozen import ScreeningModel
    from lookthrough.spark.files import session

    started = time.perf_counter()
    spark = session(master, SPARK_CONF)
    ready = time.perf_counter()
    model = ScreeningModel.open(model_path)
    df = spark.read.parquet(source)
    lookthrough.spark.screen(df, "name", model=model).write.mode("overwrite").parquet(output)
    done = time.perf_counter()
    return {"session_s": ready - started, "job_s": done - ready}


def warm(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Starts the Python worker and imports lookthrough in it, with no model."""
    from lookthrough.spark import partition  # noqa: F401

    for _ in batches:
        pass
    yield pa.RecordBatch.from_pylist([{"open_s": 0.0, "fresh": False}])


def probe(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Maps the shipped model in (once per Python worker) and says how long that took."""
    from lookthrough.spark import partition

    location, key = _target["location"], _target["key"]
    for _ in batches:
        pass
    started = time.perf_counter()
    fresh = key not in partition._screeners
    partition.screener_for(location, key, shipped=True)
    took = time.perf_counter() - started
    yield pa.RecordBatch.from_pylist([{"open_s": took, "fresh": fresh}])


_target: dict[str, str] = {}


def ship_run(master: str, model_path: str) -> dict[str, Any]:
    """Shipping: addFile and the first one-row job that maps the model in, against the same job
    once the model is there, less the mapping in; and the time a Python worker takes to map it
    in. The Python worker is started (lookthrough imported) by a job before."""
    import lookthrough.spark
    from lookthrough.screening.frozen import ScreeningModel
    from lookthrough.spark.files import session

    spark = session(master, SPARK_CONF)
    spark.range(1).collect()  # the JVM warm
    model = ScreeningModel.open(model_path)
    schema = "open_s double, fresh boolean"
    one = spark.range(1, numPartitions=1)
    one.mapInArrow(warm, schema).collect()
    started = time.perf_counter()
    _target.update(location=lookthrough.spark.ship(spark, model), key=model.key)
    [first] = one.mapInArrow(probe, schema).collect()
    shipped = time.perf_counter() - started
    started = time.perf_counter()
    [again] = one.mapInArrow(probe, schema).collect()
    again_s = time.perf_counter() - started
    size = sum(p.stat().st_size for p in model.path.rglob("*") if p.is_file())  # type: ignore[union-attr]
    return {"first_job_s": shipped, "warm_job_s": again_s, "open_s": first["open_s"], "fresh": first["fresh"],
            "again_fresh": again["fresh"], "model_mb": size / 2**20}  # fmt: skip


def frame_run(workers: int, source: str, model_path: str) -> dict[str, Any]:
    import pyarrow.parquet as pq

    from lookthrough.screening.frozen import ScreeningModel

    table = pq.read_table(source)
    model = ScreeningModel.open(model_path)
    started = time.perf_counter()
    screened = model.screen_frame(table, name="name", workers=workers)
    took = time.perf_counter() - started
    return {"frame_s": took, "rows": len(screened)}


def main(argv: list[str]) -> None:
    kind, *rest = argv
    if kind == "spark":
        figures = spark_run(*rest)
    elif kind == "ship":
        figures = ship_run(*rest)
    else:
        figures = frame_run(int(rest[0]), *rest[1:])
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
