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
    (
        3,
        "review: runs, their hits, stored outputs, the append-only decision log, API tokens",
        (
            """CREATE TABLE review_runs (
                id VARCHAR PRIMARY KEY,
                filename VARCHAR NOT NULL,
                name_column VARCHAR NOT NULL,
                id_columns VARCHAR NOT NULL,
                input_format VARCHAR,
                threshold DOUBLE PRECISION,
                created_at TIMESTAMP NOT NULL,
                created_by VARCHAR NOT NULL,
                previous_run VARCHAR,
                snapshots VARCHAR NOT NULL,
                status VARCHAR NOT NULL,
                rows_total INTEGER,
                rows_done INTEGER NOT NULL DEFAULT 0,
                tally VARCHAR,
                error VARCHAR,
                finished_at TIMESTAMP
            )""",
            """CREATE TABLE review_inputs (
                run_id VARCHAR PRIMARY KEY,
                content BYTEA NOT NULL
            )""",
            """CREATE TABLE review_hits (
                run_id VARCHAR NOT NULL,
                hit_key VARCHAR NOT NULL,
                row_number INTEGER NOT NULL,
                line INTEGER NOT NULL,
                query VARCHAR NOT NULL,
                entity_id VARCHAR NOT NULL,
                name VARCHAR NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                rule VARCHAR NOT NULL,
                fingerprint VARCHAR NOT NULL,
                content VARCHAR NOT NULL,
                hit VARCHAR NOT NULL,
                PRIMARY KEY (run_id, hit_key)
            )""",
            "CREATE INDEX review_hits_key ON review_hits (hit_key)",
            """CREATE TABLE review_outputs (
                run_id VARCHAR NOT NULL,
                format VARCHAR NOT NULL,
                content BYTEA NOT NULL,
                PRIMARY KEY (run_id, format)
            )""",
            """CREATE TABLE review_decisions (
                id VARCHAR PRIMARY KEY,
                hit_key VARCHAR NOT NULL,
                run_id VARCHAR NOT NULL,
                entity_id VARCHAR NOT NULL,
                fingerprint VARCHAR NOT NULL,
                content VARCHAR NOT NULL,
                verdict VARCHAR NOT NULL,
                reviewer VARCHAR NOT NULL,
                reason VARCHAR NOT NULL,
                decided_at TIMESTAMP NOT NULL
            )""",
            "CREATE INDEX review_decisions_key ON review_decisions (hit_key)",
            """CREATE TABLE api_tokens (
                id VARCHAR PRIMARY KEY,
                name VARCHAR NOT NULL,
                role VARCHAR NOT NULL,
                token_hash VARCHAR NOT NULL UNIQUE,
                created_at TIMESTAMP NOT NULL,
                revoked_at TIMESTAMP
            )""",
        ),
    ),
    (
        5,
        "what FtM exports say of each entity (datasets, referents, times); heartbeats of runs",
        (
            """CREATE TABLE entity_meta (
                snapshot_id VARCHAR NOT NULL,
                entity_id VARCHAR NOT NULL,
                datasets VARCHAR NOT NULL,
                referents VARCHAR NOT NULL,
                first_seen TIMESTAMP,
                last_seen TIMESTAMP,
                last_change TIMESTAMP
            )""",
            "CREATE INDEX entity_meta_snapshot ON entity_meta (snapshot_id)",
            "ALTER TABLE review_runs ADD COLUMN heartbeat TIMESTAMP",
        ),
    ),
    (
        6,
        "review: cases across a party's lists with their rows, four-eyes approvals, assignments",
        (
            "ALTER TABLE review_runs ADD COLUMN value_column VARCHAR",
            "ALTER TABLE review_runs ADD COLUMN group_columns VARCHAR",
            "ALTER TABLE review_hits ADD COLUMN input VARCHAR",
            "ALTER TABLE review_hits ADD COLUMN members VARCHAR",
            "ALTER TABLE review_hits ADD COLUMN member_keys VARCHAR",
            # New columns of the audit log; the rows already in it keep their values.
            "ALTER TABLE review_decisions ADD COLUMN role VARCHAR",
            "ALTER TABLE review_decisions ADD COLUMN approves VARCHAR",
            "ALTER TABLE review_decisions ADD COLUMN needs_approval BOOLEAN",
            """CREATE TABLE review_assignments (
                id VARCHAR PRIMARY KEY,
                hit_key VARCHAR NOT NULL,
                assignee VARCHAR NOT NULL,
                assigned_by VARCHAR NOT NULL,
                assigned_at TIMESTAMP NOT NULL
            )""",
            "CREATE INDEX review_assignments_key ON review_assignments (hit_key)",
        ),
    ),
    (
        7,
        "DuckDB: no index on statements.snapshot_id (its steps are the DuckDB store's own)",
        (),
    ),
)


def latest_version() -> int:
    return MIGRATIONS[-1][0]
