"""Schema migrations: numbered steps applied once, in order, recorded in schema_version."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "snapshots, statements and rejects",
        (
            """CREATE TABLE snapshots (
                id VARCHAR PRIMARY KEY,
                dataset VARCHAR NOT NULL,
                source VARCHAR NOT NULL,
                title VARCHAR NOT NULL,
                origin VARCHAR NOT NULL,
                retrieved_at TIMESTAMP NOT NULL,
                published DATE,
                sha256 VARCHAR NOT NULL,
                files VARCHAR NOT NULL,
                status VARCHAR NOT NULL,
                entity_count INTEGER NOT NULL DEFAULT 0,
                statement_count INTEGER NOT NULL DEFAULT 0,
                reject_count INTEGER NOT NULL DEFAULT 0,
                error VARCHAR
            )""",
            """CREATE TABLE statements (
                snapshot_id VARCHAR NOT NULL,
                entity_id VARCHAR NOT NULL,
                schema VARCHAR NOT NULL,
                prop VARCHAR NOT NULL,
                value VARCHAR NOT NULL,
                dataset VARCHAR NOT NULL,
                citation VARCHAR NOT NULL,
                evidence VARCHAR NOT NULL,
                source_url VARCHAR,
                lang VARCHAR,
                original_value VARCHAR,
                first_seen TIMESTAMP,
                last_seen TIMESTAMP
            )""",
            "CREATE INDEX statements_snapshot ON statements (snapshot_id)",
            "CREATE INDEX statements_entity ON statements (entity_id)",
            """CREATE TABLE rejects (
                snapshot_id VARCHAR NOT NULL,
                path VARCHAR NOT NULL,
                line INTEGER,
                field VARCHAR,
                reason VARCHAR NOT NULL,
                raw VARCHAR
            )""",
        ),
    ),
    (
        2,
        "keep each entity's statements in the order the source gave them",
        ("ALTER TABLE statements ADD COLUMN seq BIGINT",),
    ),
)


def latest_version() -> int:
    return MIGRATIONS[-1][0]
