"""SQL shared by the backends: parameters are written `:name` and spelled per dialect."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any, Protocol
from weakref import WeakKeyDictionary

from lookthrough.exc import StoreError

PARAM = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")
STYLES = {"dollar": r"$\1", "pyformat": r"%(\1)s"}
APPEND_ONLY = ("review_decisions", "review_assignments")
"""Tables that are an audit log: rows are added, never changed or removed."""
_ALTERING = re.compile(r"^\s*(update|delete|truncate|drop|alter)\b", re.IGNORECASE)

Row = tuple[Any, ...]
Params = Mapping[str, Any]


class Cursor(Protocol):
    """The part of a DB-API cursor both DuckDB and psycopg offer."""

    def execute(self, query: Any, parameters: Any = ..., /) -> Any: ...

    def fetchall(self) -> list[Any]: ...


def spell(sql: str, style: str) -> str:
    """`sql` with its `:name` parameters written the way the driver expects."""
    return PARAM.sub(STYLES[style], sql)


def guard(sql: str) -> None:
    """Refuse any statement that would change or remove rows of an append-only table."""
    if _ALTERING.match(sql) and any(table in sql.lower() for table in APPEND_ONLY):
        raise StoreError(f"the audit log is append-only; refused: {sql.split()[0].upper()} on it")


class Tx:
    """One transaction: parameterised statements only, audit tables append-only."""

    def __init__(self, cursor: Cursor, style: str) -> None:
        self.cursor = cursor
        self.style = style

    def execute(self, sql: str, params: Params | None = None) -> None:
        guard(sql)
        given = params or {}
        # DuckDB refuses parameters the statement does not use, so pass only those it names.
        used = {name: given[name] for name in PARAM.findall(sql)}
        self.cursor.execute(spell(sql, self.style), used)

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        self.execute(sql, params)
        return [tuple(row) for row in self.cursor.fetchall()]

    def one(self, sql: str, params: Params | None = None) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None


_LOCKS: WeakKeyDictionary[object, threading.RLock] = WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def lock_for(owner: object) -> threading.RLock:
    """One lock per store: DuckDB connections must not be shared by threads at once."""
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(owner, threading.RLock())


@contextmanager
def duckdb_transaction(store: Any) -> Iterator[Tx]:
    """A transaction on a private cursor of a DuckDB store's connection."""
    with lock_for(store):
        cursor = store.con.cursor()
        try:
            cursor.execute("BEGIN TRANSACTION")
            yield Tx(cursor, "dollar")
            cursor.execute("COMMIT")
        except BaseException:
            # After a failed COMMIT (a full disk) no transaction is left; keep the first error.
            with suppress(Exception):
                cursor.execute("ROLLBACK")
            raise
        finally:
            cursor.close()
