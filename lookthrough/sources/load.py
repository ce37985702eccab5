"""Load list files into a store as snapshots: all or nothing, with provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lookthrough import settings
from lookthrough.encoding import has_surrogate
from lookthrough.exc import (
    FileAccessError,
    InvalidInput,
    LookthroughError,
    SnapshotRefused,
    SourceError,
    StoreError,
)
from lookthrough.model import Entity, Snapshot, SnapshotStatus, SourceFile
from lookthrough.sources import all_sources, detect_source, get_source
from lookthrough.sources._relation import name_key
from lookthrough.sources.base import LoadReport, Source
from lookthrough.store import Store

Progress = Callable[[str], None]


@dataclass
class LoadResult:
    """What one load did: the snapshot (current, failed, refused or unchanged) and its report."""

    snapshot: Snapshot
    report: LoadReport
    unchanged: bool = False
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.unchanged or self.snapshot.status is SnapshotStatus.CURRENT


def file_digest(path: Path) -> SourceFile:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return SourceFile(name=path.name, sha256=digest.hexdigest(), size=path.stat().st_size)


def combined_digest(files: list[SourceFile]) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.name}\0{f.sha256}\0".encode())
    return digest.hexdigest()


def discover(path: Path, forced: str | None = None) -> tuple[list[tuple[type[Source], Path]], list[str]]:
    """Main files under `path` with their adapters, and the files no adapter claims."""
    if not path.exists():
        raise InvalidInput("no such file or folder", path=str(path))
    if forced:
        return [(get_source(forced), path)], []
    if path.is_file():
        cls = detect_source(path)
        if cls is None:
            known = ", ".join(c.name for c in all_sources())
            raise InvalidInput(f"format not recognised; pass --format (one of: {known})", path=str(path))
        return [(cls, path)], []
    found: list[tuple[type[Source], Path]] = []
    claimed: set[Path] = set()
    candidates = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    for candidate in candidates:
        cls = detect_source(candidate)
        if cls is not None:
            found.append((cls, candidate))
            claimed.add(candidate)
            claimed.update(cls().companions(candidate))
    skipped = [str(p.relative_to(path)) for p in candidates if p not in claimed]
    return found, skipped


def load_source(
    store: Store,
    cls: type[Source],
    path: Path,
    *,
    origin: str | None = None,
    strict: bool = False,
    force: bool = False,
    encoding: str | None = None,
) -> LoadResult:
    """Load one list; it replaces the current snapshot only if it loads completely."""
    source = cls()
    source.into = dataset = cls.dataset_for(path)
    source.encoding = encoding
    # A source given as a folder (the built-in dataset) is fingerprinted by its files.
    files = [file_digest(p) for p in (path, *source.companions(path)) if p.is_file()]
    retrieved = datetime.now(UTC).replace(tzinfo=None)
    sha = combined_digest(files)
    snapshot = Snapshot(
        id=f"{dataset.replace(':', '-')}-{retrieved:%Y%m%dT%H%M%S%f}-{sha[:8]}",
        dataset=dataset,
        source=cls.name,
        title=cls.title,
        origin=origin or path.name,
        retrieved_at=retrieved,
        sha256=sha,
        files=files,
    )
    report = LoadReport()
    current = store.current(dataset)
    if current is not None and current.sha256 == sha and not force:
        return LoadResult(current, report, unchanged=True)
    try:
        snapshot.published = source.published(path)
        with store.write_snapshot(snapshot) as writer:
            for entity in source.read(path, report):
                if not _unwritable(entity, path, report):
                    writer.add(entity)
            _whole(snapshot, source.incomplete(path, report), report, force=force)
            _resolve(store, source, report)
            snapshot.reject_count = len(report.rejects)
            writer.add_rejects(report.rejects)
            _check(snapshot, writer.entity_count, report, current, strict=strict, force=force)
            report.entities = writer.entity_count
    except Exception as error:
        # Any failure, expected or not, leaves the current snapshot in place and is recorded.
        _record_failure(store, snapshot, report, error)
    return LoadResult(snapshot, report)


def _resolve(store: Store, source: Source, report: LoadReport) -> None:
    """Warn of every party named by an id nothing loaded holds, or by the name of a listed party
    without its id: such a relation joins nothing on the lists."""
    refs = source.references
    if not refs:
        return
    known = store.existing(r.value for r in refs if r.by_id)
    listed = store.listed_names((r.value for r in refs if not r.by_id), besides=source.into)
    for ref in refs:
        where = f"{ref.path}, line {ref.line}, field {ref.field!r}"
        if ref.by_id and ref.value not in known:
            report.warn(f"{where}: no loaded list holds {ref.value!r}; the relation is kept, and "
                        "followed once a list with that party is loaded")  # fmt: skip
        elif not ref.by_id and (party := listed.get(name_key(ref.value))):
            report.warn(f"{where}: {ref.value!r} is the name of the listed party {party} "
                        f"but the row gives no {ref.field}_id, so it names a party of its own that joins "
                        f"nothing on the lists; give {ref.field}_id to join the listed one")  # fmt: skip


def _unwritable(entity: Entity, path: Path, report: LoadReport) -> bool:
    """Reject an entity holding a lone surrogate (JSON can escape one; no database stores it)."""
    for statement in entity.statements:
        if has_surrogate(statement.value) or has_surrogate(statement.entity_id):
            reason = f"a value holds a lone surrogate (entity {entity.id!r}, {statement.citation})"
            error = SourceError(reason, path=path.name, field=statement.prop)
            report.reject(error, statement.value.encode("utf-8", "backslashreplace").decode()[:4000])
            return True
    return False


def _record_failure(store: Store, snapshot: Snapshot, report: LoadReport, error: Exception) -> None:
    refused = isinstance(error, SnapshotRefused)
    snapshot.status = SnapshotStatus.REFUSED if refused else SnapshotStatus.FAILED
    snapshot.error = describe(error)
    snapshot.reject_count = len(report.rejects)
    try:
        store.record_failure(snapshot)
    # A full disk fails the record too; the message must still say why, not only that.
    except Exception as second:
        raise StoreError(
            f"{snapshot.title}: the load failed ({snapshot.error}) and the failure could not be "
            f"recorded ({describe(second)}); the current snapshot stays in use"
        ) from second


def describe(error: BaseException) -> str:
    """An error in words: our own as they are, a full disk as such, others with their type."""
    if isinstance(error, LookthroughError):
        return str(error)
    if isinstance(error, OSError):
        return FileAccessError.of(error).detail
    text = str(error)
    if "No space left on device" in text or "disk is full" in text.lower():
        return f"no space left on device ({type(error).__name__}: {text})"
    return f"{type(error).__name__}: {text}"


def _whole(snapshot: Snapshot, reasons: list[str], report: LoadReport, *, force: bool) -> None:
    """Refuse a file that looks cut short or partial, unless forced (then say so in the report)."""
    if not reasons:
        return
    if not force:
        raise SnapshotRefused(
            f"{snapshot.title}: the file looks cut short or partial: {'; '.join(reasons)}; "
            "pass --force to load it anyway"
        )
    for reason in reasons:
        report.warn(f"loaded with --force although {reason}")


def _check(
    snapshot: Snapshot,
    entity_count: int,
    report: LoadReport,
    current: Snapshot | None,
    *,
    strict: bool,
    force: bool,
) -> None:
    if entity_count == 0:
        raise SnapshotRefused(f"{snapshot.title}: no entries were read")
    if strict and report.rejects:
        raise SnapshotRefused(f"{len(report.rejects)} records rejected and --strict is set")
    keep = settings.current().min_keep_ratio
    if current is not None and not force and entity_count < keep * current.entity_count:
        raise SnapshotRefused(
            f"{snapshot.title}: {entity_count} entities against {current.entity_count} in the "
            f"current snapshot (below {keep:.0%}); pass --force if the list really shrank"
        )


def load_path(
    store: Store,
    path: Path,
    *,
    forced_format: str | None = None,
    strict: bool = False,
    force: bool = False,
    origin: str | None = None,
    progress: Progress | None = None,
    encoding: str | None = None,
) -> list[LoadResult]:
    """Load every list found at `path` (a file or a folder), each as its own snapshot."""
    found, skipped = discover(path, forced_format)
    if not found:
        raise InvalidInput("no list file of a known format here", path=str(path))
    results = []
    for cls, main in found:
        if progress:
            progress(f"loading {cls.title} from {main.name}")
        results.append(
            load_source(store, cls, main, origin=origin, strict=strict, force=force, encoding=encoding)
        )
    if results:
        results[0].skipped = skipped
    return results
