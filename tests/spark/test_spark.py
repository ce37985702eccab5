"""Screening on Apache Spark in local mode: the same rows, statuses, hits and scores as the
command line on the same input; rows keep their numbers across partitions; the model is
shipped once. Needs a Java runtime (.ci/run installs Debian's default-jre-headless)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from lookthrough.cli import app
from lookthrough.exc import InvalidInput
from lookthrough.screening.frozen import ScreeningModel
from tests.screening.models import make_db, write_holdings

pyspark = pytest.importorskip("pyspark", reason="Spark is not installed (the spark extra)")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("no Java runtime: .ci/run installs Debian's default-jre-headless", allow_module_level=True)

import lookthrough.spark  # noqa: E402
from lookthrough.spark.files import table_format  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers need this venv's lookthrough
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spark")
    write_holdings(folder)
    return folder


@pytest.fixture(scope="module")
def db(folder: Path) -> Path:
    return make_db(folder)


@pytest.fixture(scope="module")
def model(db: Path, folder: Path) -> ScreeningModel:
    built = ScreeningModel.build(str(db))
    built.save(folder / "model")
    return built


def cli_screen(source: Path, db: Path, target: Path) -> list[dict]:
    result = runner.invoke(app, ["screen", str(source), "-n", "holding", "-i", "isin", "-f", "parquet",
                                 "-o", str(target), "--db", str(db)])  # fmt: skip
    assert result.exit_code == 0, result.output
    return pq.read_table(target).to_pylist()


def test_spark_gives_the_command_lines_results_on_the_same_parquet(
    spark, folder: Path, db: Path, model: ScreeningModel
) -> None:
    expected = cli_screen(folder / "holdings.parquet", db, folder / "cli.parquet")
    df = spark.read.parquet(str(folder / "holdings.parquet"))
    results = lookthrough.spark.screen(df, "holding", ["isin"], model=model)
    rows = sorted((r.asDict() for r in results.collect()), key=lambda r: r["row"])
    assert rows == expected  # every column: rows, statuses, hit ids, scores, paths, hits_json
    assert [r["status"] for r in rows].count("hit") == 8


def test_spark_screen_writes_what_screen_writes_for_a_csv(
    folder: Path, db: Path, model: ScreeningModel
) -> None:
    expected = cli_screen(folder / "holdings.csv", db, folder / "cli-csv.parquet")
    target = folder / "spark-csv"
    result = runner.invoke(app, ["spark-screen", str(folder / "holdings.csv"), str(target), "--name-column",
                                 "holding", "-i", "isin", "--model", str(folder / "model")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "13 rows screened: 8 hit, 4 clear, 1 error" in result.output
    rows = sorted(pq.read_table(target).to_pylist(), key=lambda r: r["row"])
    # Spark sees no file lines: `line` (and the line a message names) is the row's position, as
    # for Parquet input; everything else is the same.
    for r in expected:
        r["error"] = r["error"].replace(f"line {r['line']}", f"line {r['row']}")
        r["line"] = r["row"]
    assert rows == expected
    again = runner.invoke(app, ["spark-screen", str(folder / "holdings.csv"), str(target), "-n", "holding",
                                "--model", str(folder / "model")])  # fmt: skip
    assert again.exit_code == 2 and "already exists; pass --overwrite" in again.output


def test_without_a_model_spark_screen_builds_one_from_the_database(folder: Path, db: Path) -> None:
    target = folder / "from-db"
    source = str(folder / "holdings.parquet")
    result = runner.invoke(
        app, ["spark-screen", source, str(target), "-n", "holding", "-i", "isin", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert "13 rows screened: 8 hit, 4 clear, 1 error" in result.output
    assert len(pq.read_table(target)) == 13


def test_rows_keep_their_numbers_across_files_and_partitions(
    spark, folder: Path, model: ScreeningModel
) -> None:
    import pyarrow as pa

    parts = folder / "parts"
    parts.mkdir()
    names = ["Northwind Optics", "Sony Group", "Hangzhou EZVIZ Software", "Apple Inc", "Dahua Technology"]
    for number in range(3):
        rows = [{"holding": f"{names[i % 5]}", "n": number * 1000 + i} for i in range(1000)]
        pq.write_table(pa.Table.from_pylist(rows), parts / f"part-{number}.parquet", row_group_size=250)
    (parts / "_SUCCESS").write_text("")
    df = spark.read.parquet(str(parts))
    results = lookthrough.spark.screen(df, "holding", model=model, partitions=7).collect()
    by_row = {r["row"]: r for r in results}
    assert sorted(by_row) == list(range(1, 3001))
    order = [r["n"] for r in df.collect()]  # the order Spark reads the files in
    for row, n in ((1, order[0]), (1234, order[1233]), (3000, order[2999])):
        assert by_row[row]["input_n"] == str(n)
        assert by_row[row]["input_holding"] == names[n % 1000 % 5]
    assert {r["status"] for r in results if r["input_holding"] == "Northwind Optics"} == {"hit"}


def test_a_csv_record_that_does_not_fit_the_header_is_an_error_row(
    folder: Path, model: ScreeningModel
) -> None:
    source = folder / "ragged.csv"
    source.write_text('holding,isin\nNorthwind Optics,\n"a, b",x,extra\nSony,\n', encoding="utf-8")
    target = folder / "ragged-out"
    result = runner.invoke(app, ["spark-screen", str(source), str(target), "-n", "holding", "-i", "isin",
                                 "--model", str(folder / "model")])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = sorted(pq.read_table(target).to_pylist(), key=lambda r: r["row"])
    assert [r["status"] for r in rows] == ["hit", "error", "clear"]
    assert rows[1]["error"].startswith("row 2: not a CSV record with the header's fields")


def test_the_model_is_shipped_once_and_a_namesake_is_refused(
    spark, folder: Path, db: Path, model: ScreeningModel
) -> None:
    assert lookthrough.spark.ship(spark, model) == "model"
    assert lookthrough.spark.ship(spark, model) == "model"
    other = ScreeningModel.build(str(db), threshold=0.9)
    other.save(folder / "elsewhere" / "model")
    with pytest.raises(InvalidInput, match="another model was shipped as 'model'"):
        lookthrough.spark.ship(spark, other)


def test_a_model_on_shared_storage_is_read_in_place(spark, folder: Path, model: ScreeningModel) -> None:
    df = spark.createDataFrame([("Northwind Optics",), ("Sony",)], "holding string")
    rows = lookthrough.spark.screen(df, "holding", model=folder / "model", shared=True).collect()
    assert sorted((r["row"], r["status"]) for r in rows) == [(1, "hit"), (2, "clear")]


def test_a_missing_column_is_refused_before_any_job(spark, model: ScreeningModel) -> None:
    df = spark.createDataFrame([("x",)], "holding string")
    with pytest.raises(InvalidInput, match="field 'name': no such column; the columns are: holding"):
        lookthrough.spark.screen(df, "name", model=model)


def test_input_formats_are_told_from_names_and_a_delta_log_is_refused(tmp_path: Path) -> None:
    (tmp_path / "t" / "_delta_log").mkdir(parents=True)
    with pytest.raises(InvalidInput, match="a Delta table"):
        table_format(tmp_path / "t")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "part-0.snappy.parquet").write_bytes(b"")
    assert table_format(tmp_path / "p") == "parquet"
    with pytest.raises(InvalidInput, match="cannot tell the format"):
        table_format(tmp_path / "t" / "_delta_log")


def test_the_python_example_of_the_spark_page_runs(spark, folder: Path, db: Path, monkeypatch) -> None:
    from tests.conftest import REPO

    page = (REPO / "docs" / "spark.md").read_text(encoding="utf-8")
    example = page.split("```python\n", 1)[1].split("```", 1)[0]
    work = folder / "example"
    work.mkdir()
    shutil.copy(db, work / "screening.duckdb")
    shutil.copy(folder / "holdings.parquet", work / "holdings.parquet")
    monkeypatch.chdir(work)
    # Spark resolves relative paths against the directory its JVM started in, not this one.
    for relative in ('"holdings.parquet"', '"results"'):
        example = example.replace(relative, repr(str(work / relative.strip('"'))))
    names: dict = {"spark": spark}
    exec(compile(example, "docs/spark.md", "exec"), names)
    flagged = sorted((r["row"], r["name"], r["rule"]) for r in names["flagged"].collect())
    assert flagged[:3] == [
        (1, "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "listed"),
        (3, "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "related"),
        (5, "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "related"),
    ]
    assert len(pq.read_table(work / "results")) == 13
