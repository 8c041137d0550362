#!/usr/bin/env bash
# Fills Feder's database with synthetic German articles (see src/bench/README.md).
#
#   src/bench/seed.sh --articles 100000 [--reset] [--force] [--jobs N] [--seed S] [--keep-db]
#
# Uses the server in QUARKUS_DATASOURCE_JDBC_URL/_USERNAME/_PASSWORD, or else an embedded PostgreSQL
# with its data in target/bench/pgdata. Creates the schema with Feder's Flyway migrations first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --keep-db) KEEP_DB=1 ;;
    -h | --help)
      sed -n '2,8p' "$0"
      exit 0
      ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done

ensure_java
ensure_jar
compile_tools
ensure_db
trap stop_db EXIT
start=$(date +%s%N)
tool -Xmx2g dev.feder.bench.seed.Seed \
  --migrations "$ROOT/src/main/resources/db/migration" "${ARGS[@]}"
say "seed.sh took $(( ($(date +%s%N) - start) / 1000000 )) ms in all"
