#!/usr/bin/env bash
# Feder's benchmark: one command, from a fresh clone (see src/bench/README.md).
#
#   src/bench/run.sh [--articles 10000] [--duration 30] [--warmup 10] [--jit-warmup 60] [--connections 32]
#                    [--threads 2] [--modes on,off] [--two-instances] [--scenarios list,by-slug]
#                    [--java-opts "-Xmx256m -XX:+UseSerialGC"] [--cursor-depth 5000] [--port 8088]
#                    [--nginx-port 8089] [--no-seed | --reset] [--build] [--keep-db]
#
# Builds the jar if missing, starts the database (QUARKUS_DATASOURCE_JDBC_URL or an embedded
# PostgreSQL in target/bench/pgdata), seeds it unless it already holds the asked number of seeded
# articles, installs wrk and nginx with apt-get when missing, and runs the scenarios against Feder
# (cache on and off) and nginx. Writes target/bench/report-<articles>.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLES=10000
SEED=1
RESET=
BUILD=
BENCH_ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --articles)
      ARTICLES=$(count "$2")
      shift
      ;;
    --duration | --warmup | --jit-warmup | --connections | --threads | --modes | --scenarios | --java-opts | \
      --cursor-depth | --port | --nginx-port | --slugs)
      BENCH_ARGS+=("$1" "$2")
      shift
      ;;
    --two-instances) BENCH_ARGS+=("$1") ;;
    --no-seed) SEED= ;;
    --reset) RESET=--reset ;;
    --build) BUILD=1 ;;
    --keep-db) KEEP_DB=1 ;;
    -h | --help)
      sed -n '2,13p' "$0"
      exit 0
      ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  if [[ ${#missing[@]} -gt 0 ]]; then
    command -v apt-get >/dev/null || die "please install ${missing[*]} (not found, and no apt-get here)"
    local sudo=
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    say "installing ${missing[*]} with apt-get (not found on this machine)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_java
if [[ -n $BUILD ]]; then
  say "building Feder: ./mvnw -q package -DskipTests"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed"
fi
ensure_jar
ensure_tools
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
ensure_db
trap stop_db EXIT
LABEL=0 # --no-seed: Bench counts the articles in the database
if [[ -n $SEED ]]; then
  LABEL=$ARTICLES
  compile_tools
  tool -Xmx2g dev.feder.bench.seed.Seed \
    --migrations "$ROOT/src/main/resources/db/migration" --articles "$ARTICLES" $RESET
fi
DB_DESCRIPTION=${QUARKUS_DATASOURCE_JDBC_URL%%\?*}
[[ -n $STARTED_PG || $QUARKUS_DATASOURCE_JDBC_URL == *":$PG_PORT/"* ]] && DB_DESCRIPTION="embedded PostgreSQL ($DB_DESCRIPTION)"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src/main 2>/dev/null || COMMIT="$COMMIT (with uncommitted changes in src/main)"
compile_tools
cd "$ROOT"
tool dev.feder.bench.run.Bench \
  --articles "$LABEL" \
  --out "$OUT" --bench-dir "$BENCH_DIR" --jar "$APP/quarkus-run.jar" --wrk "$(command -v wrk)" \
  --nginx "$NGINX" --commit "$COMMIT" --db "$DB_DESCRIPTION" "${BENCH_ARGS[@]}"
