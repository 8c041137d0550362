#!/usr/bin/env bash
# Feder under editorial load: public reads while editors save (see src/bench/README.md).
#
#   src/bench/editorial.sh [--articles 10000] [--duration 20] [--warmup 5] [--jit-warmup 60]
#                          [--connections 32] [--threads 1] [--write-rates 0,1,5]
#                          [--write-articles 200] [--list-pages 25] [--modes on]
#                          [--java-opts "-Xmx256m -XX:+UseSerialGC"] [--port 8088] [--no-seed | --reset]
#                          [--jar target/quarkus-app/quarkus-run.jar] [--build] [--keep-db]
#
# Builds the jar if missing, starts the database and seeds it as run.sh does, then measures reads by
# slug and list pages with 0, 1 and 5 merge-PATCHes per second beside them, the PATCH latency and
# the RSS. Writes target/bench/editorial-<articles>.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLES=10000
SEED=1
RESET=
BUILD=
BENCH_ARGS=(--duration 20 --warmup 5 --threads 1 --modes on)
while [[ $# -gt 0 ]]; do
  case $1 in
    --articles)
      ARTICLES=$(count "$2")
      shift
      ;;
    --duration | --warmup | --jit-warmup | --connections | --threads | --modes | --java-opts | \
      --port | --slugs | --write-rates | --write-articles | --list-pages | --jar)
      BENCH_ARGS+=("$1" "$2")
      shift
      ;;
    --no-seed) SEED= ;;
    --reset) RESET=--reset ;;
    --build) BUILD=1 ;;
    --keep-db) KEEP_DB=1 ;;
    -h | --help)
      sed -n '2,12p' "$0"
      exit 0
      ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

ensure_java
if [[ -n $BUILD ]]; then
  say "building Feder: ./mvnw -q package -DskipTests"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed"
fi
ensure_jar
command -v wrk >/dev/null || die "please install wrk (run.sh installs it with apt-get)"
ensure_db
trap stop_db EXIT
LABEL=0
if [[ -n $SEED ]]; then
  LABEL=$ARTICLES
  compile_tools
  tool -Xmx2g dev.feder.bench.seed.Seed \
    --migrations "$ROOT/src/main/resources/db/migration" --articles "$ARTICLES" $RESET
fi
DB_DESCRIPTION=${QUARKUS_DATASOURCE_JDBC_URL%%\?*}
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src/main 2>/dev/null || COMMIT="$COMMIT (with uncommitted changes in src/main)"
compile_tools
cd "$ROOT"
# A --jar of the command line (another build, such as main's, to compare) comes after the default.
tool dev.feder.bench.run.EditorialLoad \
  --articles "$LABEL" \
  --out "$OUT" --bench-dir "$BENCH_DIR" --jar "$APP/quarkus-run.jar" --wrk "$(command -v wrk)" \
  --commit "$COMMIT" --db "$DB_DESCRIPTION" "${BENCH_ARGS[@]}"
