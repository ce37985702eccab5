"""Data frames: the same results as `screen --format parquet` on the same rows, in the kind of
frame given, one row out per row in, in order."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from lookthrough.cli import app
from lookthrough.exc import InvalidInput
from lookthrough.screening.frozen import ScreeningModel
from lookthrough.screening.writer import CSV_COLUMNS
from tests.screening.models import HOLDINGS, make_db, write_holdings


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("frames")


@pytest.fixture(scope="module")
def db(folder: Path) -> Path:
    return make_db(folder)


@pytest.fixture(scope="module")
def model(db: Path) -> ScreeningModel:
    return ScreeningModel.build(str(db))


@pytest.fixture(scope="module")
def cli_output(folder: Path, db: Path) -> pa.Table:
    """`lookthrough screen holdings.parquet --format parquet` on the same database."""
    parquet, _ = write_holdings(folder)
    output = folder / "cli.parquet"
    result = CliRunner().invoke(app, ["screen", str(parquet), "-n", "holding", "-i", "isin", "-f", "parquet",
                                      "-o", str(output), "--db", str(db)])  # fmt: skip
    assert result.exit_code == 0, result.output
    return pq.read_table(output)


def test_an_arrow_table_gives_the_command_lines_parquet_output(
    model: ScreeningModel, folder: Path, cli_output: pa.Table
) -> None:
    screened = model.screen_frame(pq.read_table(folder / "holdings.parquet"), name="holding", ids=["isin"])
    assert isinstance(screened, pa.Table)
    assert screened.schema == cli_output.schema
    assert screened.to_pylist() == cli_output.to_pylist()
    statuses = screened.column("status").to_pylist()
    assert statuses.count("hit") == 8 and statuses.count("error") == 1


def test_the_columns_are_the_csv_columns_then_every_hit_in_full(model: ScreeningModel) -> None:
    screened = model.screen_frame(pa.Table.from_pylist(HOLDINGS[:2]), name="holding", ids=["isin"])
    inputs = ["input_holding", "input_isin", "input_quantity", "input_value"]
    assert screened.column_names == [*inputs, *CSV_COLUMNS, "hits_json"]


def test_a_pandas_frame_comes_back_as_pandas_with_its_index(
    model: ScreeningModel, cli_output: pa.Table
) -> None:
    frame = pd.DataFrame(HOLDINGS).astype({"quantity": "Int64"})
    frame.index = [f"h{i}" for i in range(len(frame))]
    screened = model.screen_frame(frame, name="holding", ids=["isin"])
    assert isinstance(screened, pd.DataFrame) and list(screened.index) == list(frame.index)
    expected = cli_output.to_pandas()
    for column in ("row", "status", "entity_id", "score", "rule", "error", "hits_json", "input_quantity"):
        assert screened[column].tolist() == expected[column].tolist(), column


def test_a_polars_frame_comes_back_as_polars(model: ScreeningModel, cli_output: pa.Table) -> None:
    polars = pytest.importorskip("polars")
    screened = model.screen_frame(polars.DataFrame(HOLDINGS), name="holding", ids=["isin"])
    assert isinstance(screened, polars.DataFrame)
    assert screened["entity_id"].to_list() == cli_output.column("entity_id").to_pylist()


def test_forked_workers_give_the_same_rows(model: ScreeningModel) -> None:
    rows = HOLDINGS * 300  # 3,900 rows: two batches over two workers
    one = model.screen_frame(pa.Table.from_pylist(rows), name="holding", ids=["isin"])
    two = model.screen_frame(pa.Table.from_pylist(rows), name="holding", ids=["isin"], workers=2)
    assert two.to_pylist() == one.to_pylist()
    assert two.column("row").to_pylist() == list(range(1, len(rows) + 1))


def test_a_row_no_text_can_hold_is_an_error_row_and_the_rest_are_screened(model: ScreeningModel) -> None:
    frame = pd.DataFrame({"holding": ["Northwind Optics", "bad \ud800 name", "Sony", 12], "isin": [None] * 4})
    screened = model.screen_frame(frame, name="holding", ids=["isin"])
    assert screened["status"].tolist() == ["hit", "error", "clear", "clear"]
    assert screened["error"].iloc[1].startswith("row 2: field 'holding': holds a lone surrogate")
    assert screened["input_holding"].tolist() == ["Northwind Optics", "", "Sony", "12"]


def test_a_missing_column_or_another_object_is_refused(model: ScreeningModel) -> None:
    with pytest.raises(InvalidInput, match="field 'name': no such column; the columns are: holding, isin"):
        model.screen_frame(pd.DataFrame({"holding": ["x"], "isin": ["y"]}), name="name")
    with pytest.raises(InvalidInput, match="not list"):
        model.screen_frame([{"holding": "x"}], name="holding")


def test_an_empty_frame_gives_an_empty_frame(model: ScreeningModel) -> None:
    screened = model.screen_frame(pd.DataFrame({"holding": pd.Series([], dtype=str)}), name="holding")
    assert len(screened) == 0 and "status" in screened.columns


def test_a_country_column_weighs_as_the_command_lines_does(
    model: ScreeningModel, folder: Path, db: Path
) -> None:
    rows = [{"holding": h["holding"], "country": country} for h in HOLDINGS for country in ("CN", "JP", "")]
    table = pa.Table.from_pylist(rows)
    pq.write_table(table, folder / "countries.parquet")
    output = folder / "countries-cli.parquet"
    result = CliRunner().invoke(app, ["screen", str(folder / "countries.parquet"), "-n", "holding",
                                      "--country-column", "country", "-f", "parquet", "-o", str(output),
                                      "--db", str(db)])  # fmt: skip
    assert result.exit_code == 0, result.output
    screened = model.screen_frame(table, name="holding", countries=["country"])
    assert screened.to_pylist() == pq.read_table(output).to_pylist()
    # The country is evidence: somewhere a row's score differs with the country it names.
    scores = [row["score"] for row in screened.to_pylist()]
    assert any(len(set(scores[i : i + 3])) > 1 for i in range(0, len(scores), 3))


def test_a_country_column_that_is_not_there_is_refused(model: ScreeningModel) -> None:
    with pytest.raises(InvalidInput, match="no such column"):
        model.screen_frame(pa.Table.from_pylist(HOLDINGS[:1]), name="holding", countries=["where"])
