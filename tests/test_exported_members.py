"""The public surface of each package, pinned so changes are deliberate."""

from __future__ import annotations

import lookthrough.model
import lookthrough.names
import lookthrough.sources


def test_model_exports() -> None:
    assert set(lookthrough.model.__all__) == {
        "Entity", "EntityMeta", "Evidence", "RelationKind", "Snapshot", "SnapshotStatus", "SourceFile",
        "Statement", "from_ftm", "link", "listing", "ownership", "to_ftm",
    }  # fmt: skip


def test_names_exports() -> None:
    assert set(lookthrough.names.__all__) == {"NameForm", "analyze", "variants"}


def test_sources_exports() -> None:
    assert {"Source", "register", "get_source", "detect_source"} <= set(lookthrough.sources.__all__)


def test_matching_graph_devices_exports() -> None:
    import lookthrough.devices
    import lookthrough.graph
    import lookthrough.matching

    assert set(lookthrough.matching.__all__) == {"ALGORITHMS", "DEFAULT", "get_algorithm"}
    assert {"LookThrough", "Policy", "OFAC_50", "BIS_AFFILIATES", "RELATED", "Finding", "Aggregate"} <= set(
        lookthrough.graph.__all__
    )
    assert {"DeviceScreener", "DeviceTally", "open_inventory", "Registry", "write_device_csv"} <= set(
        lookthrough.devices.__all__
    )


def test_service_exports() -> None:
    import lookthrough.api
    import lookthrough.review

    assert lookthrough.api.__all__ == ["create_app"]
    assert {"Ledger", "Decision", "Verdict", "rescreen", "create_token", "authenticate"} <= set(
        lookthrough.review.__all__
    )


def test_report_exports() -> None:
    import lookthrough.report

    assert set(lookthrough.report.__all__) == {
        "About", "Drawing", "Exposure", "ListInfo", "Report", "draw", "parse_value", "write_html",
    }  # fmt: skip


def test_top_level_exports() -> None:
    import lookthrough
    from lookthrough.screening.frozen import ScreeningModel

    assert set(lookthrough.__all__) == {"ScreeningModel", "__version__", "open"}
    assert lookthrough.ScreeningModel is ScreeningModel
    assert set(ScreeningModel.__dict__) >= {"build", "open", "save", "screener", "screen", "screen_frame"}


def test_spark_exports() -> None:
    import lookthrough.spark  # importable without pyspark: Spark loads when a job is made

    assert set(lookthrough.spark.__all__) == {"number_rows", "screen", "ship"}
