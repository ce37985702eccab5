#!/usr/bin/env bash
# Install PostgreSQL from Debian's packages if needed, start the default cluster and make a
# test database; prints the URL for LOOKTHROUGH_TEST_POSTGRES on its last line.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q .; then
    pg_createcluster "$version" main >/dev/null
fi
cluster=$(pg_lsclusters -h | head -1)
read -r ver name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
    pg_ctlcluster "$ver" "$name" start
fi
as_postgres() { su postgres -c "$1" >/dev/null; }
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'lookthrough'\" | grep -q 1 || psql -p $port -c \"CREATE ROLE lookthrough LOGIN PASSWORD 'lookthrough'\""
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'lookthrough_test'\" | grep -q 1 || createdb -p $port -O lookthrough lookthrough_test"
echo "postgresql://lookthrough:lookthrough@127.0.0.1:$port/lookthrough_test"
