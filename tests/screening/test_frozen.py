"""A frozen model screens the same in every process, whatever that process's own settings say;
it is saved and opened by path, and refuses what it cannot vouch for."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import lookthrough
from lookthrough import workspace
from lookthrough.exc import InvalidInput, InvalidModel
from lookthrough.screening import frozen
from lookthrough.screening.frozen import ScreeningModel
from tests.screening.models import make_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_db(tmp_path_factory.mktemp("frozen"))


@pytest.fixture(scope="module")
def saved(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = ScreeningModel.build(str(db), as_of="2026-01-15", threshold=0.6)
    return model.save(tmp_path_factory.mktemp("models") / "model")


def ids(hits: list) -> list[tuple[str, str, float]]:
    return [(h.entity_id, h.rule, round(h.score, 4)) for h in hits]


def test_the_manifest_records_what_was_frozen(saved: Path) -> None:
    about = json.loads((saved / "model.json").read_text("utf-8"))
    assert about["format"] == frozen.FORMAT and len(about["key"]) == 16
    assert about["code"] == workspace.code_fingerprint() and about["lookthrough"] == lookthrough.__version__
    settings = about["settings"]
    assert (settings["algorithm"], settings["threshold"], settings["as_of"]) == ("name_v2", 0.6, "2026-01-15")
    assert settings["policies"] == "ofac_50,bis_affiliates,related" and settings["bis_affiliates"] == "auto"
    # On 15 Jan 2026 the BIS Affiliates Rule is suspended: it is not in force in this model.
    assert [rule["name"] for rule in settings["rules_in_force"]] == ["ofac_50", "related"]
    assert all(rule["citation"] for rule in settings["rules_in_force"])
    assert {s["dataset"] for s in about["snapshots"]} >= {"lookthrough_curated"}
    assert {"catalog", "names", "model.json"} <= {p.name for p in saved.iterdir()}


def test_an_opened_model_screens_as_the_built_one(db: Path, saved: Path) -> None:
    built = ScreeningModel.build(str(db), as_of="2026-01-15", threshold=0.6)
    opened = ScreeningModel.open(saved)
    assert opened.key == built.key and opened.path == saved
    for name in ("Hangzhou Hikvision Digital Technology", "Northwind Optics", "Hangzhou EZVIZ Software"):
        assert ids(opened.screen(name)) == ids(built.screen(name)) != []
    assert ids(opened.screen("Northwind Optics"))[0][:2] == ("lt-hikvision", "related")


def test_the_environment_of_the_opening_process_changes_nothing(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = ids(ScreeningModel.open(saved).screen("Northwind Optics"))
    monkeypatch.setenv("LOOKTHROUGH_POLICIES", "ofac_50")
    monkeypatch.setenv("LOOKTHROUGH_THRESHOLD", "0.99")
    monkeypatch.setenv("LOOKTHROUGH_AS_OF", "2019-01-01")
    model = ScreeningModel.open(saved)
    assert ids(model.screen("Northwind Optics")) == before
    assert (model.threshold, model.as_of) == (0.6, "2026-01-15")


def test_settings_are_read_once_when_the_model_is_built(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_POLICIES", "ofac_50")
    monkeypatch.setenv("LOOKTHROUGH_AS_OF", "2025-10-01")
    model = ScreeningModel.build(str(db))
    assert model.settings.policies == "ofac_50" and model.as_of == "2025-10-01"
    assert model.screen("Northwind Optics") == []  # the brand is found only by the related rule
    explicit = ScreeningModel.build(str(db), policies=["related"], bis_affiliates="off")
    assert [p.name for p in explicit.settings.rules()] == ["related"]
    assert model.key != explicit.key


def test_a_model_opens_alike_in_another_process(saved: Path) -> None:
    script = (
        "import sys, lookthrough; m = lookthrough.open(sys.argv[1]); "
        "print([(h.entity_id, h.rule, round(h.score, 4)) for h in m.screen('Northwind Optics')])"
    )
    env = {"LOOKTHROUGH_POLICIES": "ofac_50", "LOOKTHROUGH_THRESHOLD": "0.99", "PATH": ""}
    done = subprocess.run([sys.executable, "-c", script, str(saved)], capture_output=True, text=True,
                          env=env, check=True)  # fmt: skip
    assert done.stdout.strip() == str(ids(ScreeningModel.open(saved).screen("Northwind Optics")))


def test_codes_are_screened_and_a_mistyped_one_is_refused(saved: Path) -> None:
    model = ScreeningModel.open(saved)
    assert ids(model.screen(codes=["CNE100000PM8"]))[0] == ("lt-hikvision", "listed", 1.0)
    with pytest.raises(InvalidInput, match="check digit"):
        model.screen("Sony", codes=["CNE100000PM9"])
    with pytest.raises(InvalidInput, match="nothing to screen"):
        model.screen("  ")


def test_a_model_of_other_code_is_refused_unless_asked(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frozen, "code_fingerprint", lambda: "other code")
    with pytest.raises(InvalidModel, match="other lookthrough code"):
        ScreeningModel.open(saved)
    assert ScreeningModel.open(saved, other_code=True).screen("Northwind Optics")


def test_what_is_not_a_model_is_refused(tmp_path: Path, db: Path) -> None:
    with pytest.raises(InvalidModel, match="not a saved screening model"):
        ScreeningModel.open(tmp_path)
    cache = next(Path(str(db) + ".cache").glob("model-*"))
    with pytest.raises(InvalidModel, match="not a screening model of layout"):
        ScreeningModel.open(cache)  # the workspace's own cache has no settings frozen in it
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InvalidInput, match="not a saved model"):
        ScreeningModel.build(str(db)).save(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_damaged_model_is_refused(saved: Path, tmp_path: Path) -> None:
    import shutil

    copy = Path(shutil.copytree(saved, tmp_path / "copy"))
    for part in (copy / "names").glob("*.npy"):
        part.write_bytes(b"not an array")
    with pytest.raises(InvalidModel, match="cannot be read"):
        ScreeningModel.open(copy)


def test_saving_again_replaces_the_model(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "model"
    ScreeningModel.build(str(db), threshold=0.9).save(target)
    ScreeningModel.build(str(db), threshold=0.7).save(target)
    assert ScreeningModel.open(target).threshold == 0.7
    assert [p.name for p in tmp_path.iterdir()] == ["model"]


def test_lookthrough_open_takes_a_database_or_a_saved_model(db: Path, saved: Path) -> None:
    assert lookthrough.open(saved).path == saved
    built = lookthrough.open(str(db))
    assert built.path is None and "lookthrough_curated" in repr(built)
