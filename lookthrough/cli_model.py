"""The `model` commands (build and show a frozen screening model) and `spark-screen`; they
register on the `lookthrough` command of cli.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from lookthrough.cli import DbOption, ThresholdOption, _text, app, err, fail, out
from lookthrough.exc import InvalidInput, LookthroughError


@app.command("spark-screen")
def spark_screen(
    input: Annotated[Path, typer.Argument(help="Parquet or CSV file, or a folder of part files.")],
    output: Annotated[Path, typer.Argument(help="Parquet folder to write the results to.")],
    name_column: Annotated[str, typer.Option("--name-column", "-n", help="Column holding the name.")],
    id_column: Annotated[
        list[str] | None,
        typer.Option("--id-column", "-i", help="Column with ISIN/LEI/USCC codes (repeatable)."),
    ] = None,
    model: Annotated[
        Path | None, typer.Option(help="Saved model (`lookthrough model build`); default: built from --db.")
    ] = None,
    input_format: Annotated[
        str | None, typer.Option(help="parquet or csv, if the names do not tell.")
    ] = None,
    master: Annotated[
        str | None, typer.Option(help="Spark master, e.g. local[2] (default: Spark's own, local[*]).")
    ] = None,
    partitions: Annotated[int | None, typer.Option(min=1, help="Tasks to spread the rows over.")] = None,
    conf: Annotated[
        list[str] | None, typer.Option(help="Spark setting KEY=VALUE (repeatable).", callback=_text)
    ] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of CSV input.")] = "utf-8",
    overwrite: Annotated[bool, typer.Option(help="Replace OUTPUT if it exists.")] = False,
    db: DbOption = None,
) -> None:
    """Screen a table on Apache Spark; the results (as `screen --format parquet`) go to OUTPUT."""
    from lookthrough.spark.files import job_model, screen_files, session

    settings_given = [tuple(item.split("=", 1)) for item in conf or []]
    if any(len(pair) != 2 for pair in settings_given):
        fail(InvalidInput("--conf takes KEY=VALUE"))
    try:
        with job_model(model, db) as chosen:
            spark = session(master, settings_given)  # type: ignore[arg-type]
            tally = screen_files(spark, input, output, name_column, id_column or [], chosen,
                                 input_format=input_format, encoding=encoding, partitions=partitions,
                                 overwrite=overwrite)  # fmt: skip
    except (LookthroughError, OSError) as error:
        fail(error)
        return
    err.print(f"{tally.rows} rows screened: {tally.hit} hit, {tally.clear} clear, {tally.error} error; "
              f"results in {output}")  # fmt: skip


model_app = typer.Typer(help="Build and inspect saved screening models.", no_args_is_help=True)
app.add_typer(model_app, name="model")


@model_app.command("build")
def model_build(
    path: Annotated[Path, typer.Argument(help="Folder to save the model in.")],
    threshold: ThresholdOption = None,
    as_of: Annotated[
        str | None, typer.Option(help="Date (YYYY-MM-DD) rules are judged on; default today.")
    ] = None,
    policies: Annotated[
        str | None, typer.Option(help="Look-through rules, comma-separated (default LOOKTHROUGH_POLICIES).")
    ] = None,
    bis_affiliates: Annotated[str | None, typer.Option(help="auto, on or off.")] = None,
    algorithm: Annotated[str | None, typer.Option(help="Name-matching algorithm.")] = None,
    db: DbOption = None,
) -> None:
    """Freeze the current lists and the screening settings into one folder that any process opens."""
    from lookthrough.screening.frozen import ScreeningModel

    try:
        built = ScreeningModel.build(db, algorithm=algorithm, threshold=threshold, as_of=as_of,
                                     policies=policies, bis_affiliates=bis_affiliates)  # fmt: skip
        built.save(path)
    except (LookthroughError, OSError) as error:
        fail(error)
        return
    _print_model(built)


@model_app.command("show")
def model_show(path: Annotated[Path, typer.Argument(help="A saved model's folder.")]) -> None:
    """Show what a saved model holds: its lists, settings and key."""
    from lookthrough.screening.frozen import read_manifest

    try:
        about = read_manifest(path)
    except LookthroughError as error:
        fail(error)
        return
    typer.echo(json.dumps(about, ensure_ascii=False, indent=1))


def _print_model(model: Any) -> None:
    frozen = model.settings
    out.print(f"model {model.key} saved in {model.path}")
    out.print(f"  {frozen.algorithm}, threshold {frozen.threshold:g}, as of {frozen.as_of}, "
              f"rules in force: {', '.join(p.name for p in frozen.rules()) or 'none'}")  # fmt: skip
    for s in model.about["snapshots"]:
        out.print(
            f"  {s['dataset']}: snapshot {s['id']}, {s['entities']} entities, sha256 {s['sha256'][:12]}"
        )
