#!/usr/bin/env bash
# Installs and starts what the storage tests need, where it can: Debian's python3-optuna (3.1.0) and
# python3-psycopg2 for the Optuna interoperability tests and the storage benchmark, and a PostgreSQL
# server on loopback (port 5432) with a role and database for the multi-process tests.
# Every step is best effort: a step that fails leaves the matching tests skipped with a stated reason,
# never the build broken. Needs root for apt-get and for starting the server (CI runs as root).
#
# Writes nothing but what apt installs and the PostgreSQL cluster; the tests find the server through
# MINIMA_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/minima_test, role minima / minima).
set -uo pipefail

log() { echo "setup-test-deps: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  log "not root: skipping apt-get and the PostgreSQL server (the tests that need them will say so)"
  exit 0
fi

need=()
/usr/bin/python3 -c 'import optuna' >/dev/null 2>&1 || need+=(python3-optuna)
/usr/bin/python3 -c 'import psycopg2' >/dev/null 2>&1 || need+=(python3-psycopg2)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq "${need[@]}"; } >/tmp/setup-test-deps-apt.log 2>&1; then
    log "apt-get failed (see /tmp/setup-test-deps-apt.log); the tests that need these packages will be skipped"
  fi
fi

if command -v pg_lsclusters >/dev/null 2>&1; then
  cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
    [ -n "$ver" ] && pg_createcluster "$ver" main >/dev/null 2>&1
    cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  fi
  if [ -n "$cluster" ]; then
    # shellcheck disable=SC2086
    set -- $cluster
    if ! pg_lsclusters -h | awk -v v="$1" -v c="$2" '$1==v && $2==c {print $4}' | grep -q online; then
      pg_ctlcluster "$1" "$2" start >/dev/null 2>&1 || log "could not start PostgreSQL $1/$2"
    fi
    for _ in $(seq 1 30); do
      su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
      sleep 0.5
    done
    su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='minima'\"" 2>/dev/null | grep -q 1 \
      || su postgres -c "psql -qc \"create role minima login password 'minima' createdb\"" >/dev/null 2>&1
    su postgres -c "psql -qtAc \"select 1 from pg_database where datname='minima_test'\"" 2>/dev/null | grep -q 1 \
      || su postgres -c "createdb -O minima minima_test" >/dev/null 2>&1
    su postgres -c "psql -qtAc \"select 1 from pg_database where datname='minima_bench'\"" 2>/dev/null | grep -q 1 \
      || su postgres -c "createdb -O minima minima_bench" >/dev/null 2>&1
    log "PostgreSQL $1/$2: $(pg_lsclusters -h | awk -v v="$1" -v c="$2" '$1==v && $2==c {print $4}')"
  fi
fi
exit 0
