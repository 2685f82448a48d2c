#!/usr/bin/env bash
# Installs (from Debian's packages) and starts a local PostgreSQL for the server's tests, and
# creates the hromada_test database. Prints the URL to export as HROMADA_TEST_PG_URL.
# Needs root (apt-get, pg_ctlcluster). Idempotent: safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='hromada'\"" | grep -q 1 ||
  su postgres -c "psql -q -c \"CREATE ROLE hromada LOGIN PASSWORD 'hromada' CREATEDB\""
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='hromada_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O hromada hromada_test"
echo "postgresql://hromada:hromada@127.0.0.1:5432/hromada_test"
