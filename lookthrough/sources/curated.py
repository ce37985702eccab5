"""lookthrough's own curated dataset: cited YAML files shipped inside the package.

`index.yaml` names the citation registry, the list registry and the entity files.
Every fact, listing and relation names a citation id; the loader refuses, with file,
line and field, anything uncited, a relation to a missing entity and a repeated id.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity
from lookthrough.sources import register
from lookthrough.sources._curated_build import Registry, add_facts, listings, party
from lookthrough.sources._curated_refs import optional, parse_citation, parse_list, records, registry
from lookthrough.sources._curated_relations import relation
from lookthrough.sources._curated_yaml import Record, as_text, load_file
from lookthrough.sources.base import LoadReport, Source, sniff_text

INDEX = "index.yaml"
DATASET = "lookthrough_curated"


def _root(path: Path) -> Path:
    """The dataset folder, whether given the folder or its index file."""
    return path if path.is_dir() else path.parent


@register
class CuratedYaml(Source):
    """The dataset folder (or its index.yaml): cited entities, listings and relations."""

    name = "curated"
    dataset = DATASET
    title = "lookthrough curated dataset (surveillance-technology listings, names and ownership)"

    @classmethod
    def detect(cls, path: Path) -> bool:
        index = path / INDEX if path.is_dir() else path
        if index.name != INDEX or not index.is_file():
            return False
        return f"dataset: {DATASET}" in sniff_text(index, 1024)

    def companions(self, path: Path) -> list[Path]:
        root = _root(path)
        files = [root / name for name in self._files(load_file(root / INDEX, INDEX))]
        # Given the folder, the index is a companion too, so both ways fingerprint the same files.
        return [*([root / INDEX] if path.is_dir() else []), *(f for f in files if f.is_file())]

    def published(self, path: Path) -> date | None:
        text = optional(load_file(_root(path) / INDEX, INDEX), "updated")
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        root = _root(path)
        index = load_file(root / INDEX, INDEX)
        self._warn_unlisted(root, index, report)
        reg = Registry(
            registry(self._load(root, index, "citations"), "citations", parse_citation, report),
            registry(self._load(root, index, "lists"), "lists", parse_list, report),
            self.dataset,
        )
        files = [self._entity_file(root, name) for name in self._named_files(root, index, "entities")]
        known: set[str] = set()
        for data in files:
            yield from self._entities(data, reg, known, report)
        seen: set[str] = set()
        for data in files:
            yield from self._relations(data, reg, known, seen, report)

    def _entities(self, data: Record, reg: Registry, known: set[str], report: LoadReport) -> Iterator[Entity]:
        if "entities" not in data:
            return
        for record in records(data, "entities"):
            report.row(record.path)
            try:
                entity = party(record, reg)
                if entity.id in known:
                    raise record.error(f"duplicate entity id {entity.id!r}", "id")
                add_facts(entity, record, reg, report)
            except SourceError as error:
                report.reject(error)
                continue
            known.add(entity.id)
            yield entity
            yield from listings(entity, record, reg, report)

    def _relations(
        self, data: Record, reg: Registry, known: set[str], seen: set[str], report: LoadReport
    ) -> Iterator[Entity]:
        if "relations" not in data:
            return
        for record in records(data, "relations"):
            report.row(record.path)
            try:
                edge = relation(record, reg, known)
                if edge.id in seen:
                    raise record.error("the same relation is stated twice", "kind")
            except SourceError as error:
                report.reject(error)
                continue
            seen.add(edge.id)
            yield edge

    def _entity_file(self, root: Path, name: str) -> Record:
        data = load_file(root / name, name)
        for key in data:
            if key not in ("entities", "relations"):
                # A misspelt section would otherwise drop its records without a trace.
                raise SourceAbort("an entity file holds only `entities` and `relations`", path=name,
                                  line=data.line_of(key), field=key)  # fmt: skip
        return data

    def _load(self, root: Path, index: Record, key: str) -> Record:
        names = self._named_files(root, index, key)
        if len(names) != 1:
            raise SourceAbort(f"{INDEX} must name one {key} file", path=INDEX, line=index.line_of(key))
        return load_file(root / names[0], names[0])

    def _names(self, index: Record, key: str) -> list[str]:
        value = index.get(key)
        names = value if isinstance(value, list) else [value]
        if not names or any(n is None or not as_text(n) for n in names):
            raise SourceAbort(f"{INDEX} does not name the {key} file(s)", path=INDEX, line=index.line_of(key))
        return [as_text(n) for n in names]

    def _named_files(self, root: Path, index: Record, key: str) -> list[str]:
        """The files the index names under `key`, each a file beside the index."""
        names = self._names(index, key)
        for name in names:
            if not (root / name).is_file():
                raise SourceAbort(f"names {name!r}, which is no file beside it", path=INDEX,
                                  line=index.line_of(key), field=key)  # fmt: skip
        return names

    def _files(self, index: Record) -> list[str]:
        return [n for key in ("citations", "lists", "entities") for n in self._names(index, key)]

    def _warn_unlisted(self, root: Path, index: Record, report: LoadReport) -> None:
        listed = {INDEX, *self._files(index)}
        for path in sorted(root.glob("*.yaml")):
            if path.name not in listed:
                report.warn(f"{path.name} is not named in {INDEX}, so it was not read")
