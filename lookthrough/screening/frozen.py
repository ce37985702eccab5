"""A screening model frozen into one folder: the catalog and name index of a set of list
snapshots, and the settings they are screened under (threshold, date, look-through rules).

Built explicitly from a database, saved, and opened by path in any process (a command-line
worker, the API, a Spark executor), which then screens exactly as every other process that
opened it: nothing is read from that process's own environment. The folder is the one
`Workspace.load_or_build()` keeps beside a database (`catalog/`, `names/`, `model.json`); its
`model.json` also records the settings, the snapshots, the code and a key naming the whole.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from lookthrough import __version__
from lookthrough.exc import InvalidInput, InvalidModel
from lookthrough.graph import LookThrough
from lookthrough.identifiers import detect, problems
from lookthrough.matching.engine.readings import capped
from lookthrough.matching.matcher import Matcher
from lookthrough.screening.frozen_settings import FrozenSettings
from lookthrough.screening.result import Hit
from lookthrough.screening.screener import Screener
from lookthrough.workspace import Workspace, code_fingerprint, read_model, write_model

log = logging.getLogger(__name__)
FORMAT = "lookthrough-screening-model/1"
MANIFEST = "model.json"


class ScreeningModel:
    """Lists, name index, look-through rules, date and threshold, fixed together."""

    def __init__(self, matcher: Matcher, frozen: FrozenSettings, about: dict[str, Any], path: Path | None):
        self.matcher = matcher
        self.settings = frozen
        self.about = about
        """The manifest: key, snapshots, code, when it was built."""
        self.path = path
        """The folder it was saved in or opened from (None until saved)."""
        self._lookthrough: LookThrough | None = None
        self._screener: Screener | None = None

    @classmethod
    def build(
        cls,
        db: str | None = None,
        *,
        algorithm: str | None = None,
        threshold: float | None = None,
        as_of: str | date | None = None,
        policies: str | list[str] | None = None,
        bis_affiliates: str | None = None,
        builtin: bool | None = None,
    ) -> ScreeningModel:
        """The model of `db`'s current snapshots (default LOOKTHROUGH_DB). Each setting not
        given is read now from the LOOKTHROUGH_* settings, and never again."""
        workspace = Workspace(db, algorithm=algorithm, builtin=builtin)
        try:
            matcher = workspace.load_or_build()
            snapshots = [_snapshot(s) for s in workspace.store.snapshots()]
            fingerprint = workspace.store.fingerprint()
        finally:
            workspace.close()
        given = {
            "threshold": threshold,
            "as_of": as_of,
            "policies": policies,
            "bis_affiliates": bis_affiliates,
        }
        frozen = FrozenSettings.resolve(workspace.algorithm, matcher.threshold, **given)  # type: ignore[arg-type]
        code = code_fingerprint()
        about = {
            "format": FORMAT,
            "key": _key(code, fingerprint, frozen),
            "lookthrough": __version__,
            "code": code,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "snapshots": snapshots,
            "settings": frozen.to_dict(),
        }
        return cls(matcher, frozen, about, None)

    @classmethod
    def open(cls, path: str | Path, *, other_code: bool = False) -> ScreeningModel:
        """The model saved in `path`, memory-mapped. A model built by other lookthrough code is
        refused (its scores could differ) unless `other_code` is set."""
        folder = Path(path)
        about = read_manifest(folder)
        if about["code"] != code_fingerprint():
            if not other_code:
                raise InvalidModel(
                    f"{folder}: built by other lookthrough code (version {about.get('lookthrough')}); "
                    "build it again with this version, or open it with other_code=True"
                )
            log.warning("%s: built by other lookthrough code; scores may differ", folder)
        frozen = FrozenSettings.from_dict(about["settings"])
        try:
            matcher = read_model(folder, frozen.algorithm)
        except (OSError, ValueError, KeyError, pickle.UnpicklingError, EOFError) as error:
            raise InvalidModel(f"{folder}: the model cannot be read ({error})") from None
        return cls(matcher, frozen, about, folder)

    def save(self, path: str | Path) -> Path:
        """Write the model to `path` (a new folder, or a model saved before, which it replaces)."""
        target = Path(path)
        if target.exists() and any(target.iterdir()) and not (target / MANIFEST).is_file():
            raise InvalidInput("exists and is not a saved model: choose a new folder", path=str(target))
        partial = target.with_name(f"{target.name}.partial-{os.getpid()}")
        shutil.rmtree(partial, ignore_errors=True)
        try:
            write_model(self.matcher, partial, self.settings.algorithm, self.about)
            if target.exists():
                old = target.with_name(f"{target.name}.old-{os.getpid()}")
                target.rename(old)
                partial.rename(target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                partial.rename(target)
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        self.path = target
        return target

    @property
    def key(self) -> str:
        """Names this model: the same lists, settings and code give the same key."""
        return str(self.about["key"])

    @property
    def threshold(self) -> float:
        return self.settings.threshold

    @property
    def as_of(self) -> str:
        return self.settings.as_of

    def lookthrough(self) -> LookThrough:
        """The relation graph under the model's rules and date (built on first use)."""
        if self._lookthrough is None:
            self._lookthrough = LookThrough(self.matcher.catalog, self.settings.rules(), self.settings.as_of)
        return self._lookthrough

    def screener(self) -> Screener:
        """A new screener on this model (each remembers the queries it answered)."""
        return Screener(self.matcher.catalog, self.matcher, self.settings.threshold, self.lookthrough())

    def screen(
        self, name: str | None = None, codes: Iterable[str] = (), countries: Iterable[str] = ()
    ) -> list[Hit]:
        """The hits for one name and/or ISIN, LEI or USCC codes, strongest first; `countries`
        (ISO codes or names): where the party is, evidence for or against a name match."""
        found: list[tuple[str, str]] = []
        for value in codes:
            wrong = problems(str(value))
            if wrong:
                raise InvalidInput(f"code {value!r}: {wrong[0]}")
            found.extend(detect(str(value).strip()))
        text = capped((name or "").strip())[0]
        if not text and not found:
            raise InvalidInput("nothing to screen: give a name or a code")
        if self._screener is None:
            self._screener = self.screener()
        return self._screener.screen(text, found, countries)

    def screen_frame(
        self,
        frame: Any,
        name: str,
        ids: Sequence[str] = (),
        *,
        workers: int = 1,
        countries: Sequence[str] = (),
    ) -> Any:
        """Screen every row of a pandas or polars DataFrame or an Arrow table; the result is of
        the same kind, one row per input row in order, with the columns of `screen --format
        parquet` (the CSV columns and `hits_json`). `workers`: processes (0: one per core);
        `countries`: columns saying where each row's party is (as `screen --country-column`)."""
        from lookthrough.screening.frames import screen_frame

        return screen_frame(self.screener(), frame, name, list(ids), workers=workers, countries=countries)

    def __repr__(self) -> str:
        lists = ", ".join(s["dataset"] for s in self.about["snapshots"])
        return (
            f"<ScreeningModel {self.key} {self.settings.algorithm} threshold {self.threshold:g} "
            f"as of {self.as_of}; lists: {lists}>"
        )


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a saved model; InvalidModel when the folder holds none."""
    try:
        about: dict[str, Any] = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidModel(f"{folder}: not a saved screening model ({error})") from None
    if about.get("format") != FORMAT:
        raise InvalidModel(f"{folder}: not a screening model of layout {FORMAT}")
    return about


def open_model(path: str | Path | None = None) -> ScreeningModel:
    """A saved model when `path` is one, else the model of the database at `path`."""
    if path is not None and (Path(path) / MANIFEST).is_file():
        return ScreeningModel.open(path)
    return ScreeningModel.build(None if path is None else str(path))


def _key(code: str, fingerprint: str, frozen: FrozenSettings) -> str:
    text = json.dumps([code, fingerprint, frozen.to_dict()], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _snapshot(snapshot: Any) -> dict[str, Any]:
    return {
        "dataset": snapshot.dataset,
        "id": snapshot.id,
        "title": snapshot.title,
        "sha256": snapshot.sha256,
        "published": snapshot.published.isoformat() if snapshot.published else None,
        "retrieved_at": snapshot.retrieved_at.isoformat(timespec="seconds"),
        "entities": snapshot.entity_count,
    }
