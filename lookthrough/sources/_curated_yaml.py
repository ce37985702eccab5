"""Read the curated dataset's YAML files, keeping the line of every mapping and key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode

from lookthrough.exc import SourceAbort, SourceError


class Record(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys stand in the file."""

    path: str = ""
    line: int = 0
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def error(self, reason: str, key: str | None = None) -> SourceError:
        """A SourceError pointing at this mapping, or at one of its keys."""
        line = self.line_of(key) if key else self.line
        return SourceError(reason, path=self.path, line=line, field=key)


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings are Records and whose scalars stay text."""

    path = ""


def _mapping(loader: _Loader, node: MappingNode) -> Record:
    record = Record()
    record.path, record.line, record.lines = loader.path, node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in record:
            # PyYAML would silently keep the last value; a reviewed data file must not.
            raise ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        record[str(key)] = loader.construct_object(value_node, deep=True)
        record.lines[str(key)] = key_node.start_mark.line + 1
    return record


def _text(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # Dates and numbers are cited text in this dataset: keep 2019-10-09 and 002415 as written.
    value = loader.construct_scalar(node)
    return None if node.tag.endswith(":null") else value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
for _tag in ("int", "float", "timestamp", "bool", "null"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _text)


def load_file(path: Path, name: str) -> Record:
    """The top-level mapping of one YAML file; a file that cannot be parsed aborts the load."""
    try:
        loader = _Loader(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise SourceAbort(f"not UTF-8 text (byte {error.start})", path=name) from None
    except yaml.YAMLError as error:  # the reader refuses control characters before parsing
        raise SourceAbort(f"not valid YAML: {error}", path=name) from None
    loader.path = name
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise SourceAbort(f"not valid YAML: {error.problem or error}", path=name, line=line) from None
    except yaml.YAMLError as error:
        raise SourceAbort(f"not valid YAML: {error}", path=name) from None
    except RecursionError:
        raise SourceAbort("not valid YAML: nested too deeply", path=name) from None
    finally:
        loader.dispose()
    if not isinstance(data, Record):
        raise SourceAbort("the file must hold a mapping at the top", path=name, line=1)
    return data


def as_text(value: Any) -> str:
    """A scalar as the text written in the file (scalars are never converted on load)."""
    return str(value).strip()
