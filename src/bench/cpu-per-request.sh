#!/usr/bin/env bash
# CPU per uncached request: Feder's and PostgreSQL's CPU time over a run, divided by the requests
# (see RESULTS.md, "One statement per read"). Steadier than req/s on a shared machine, and it says
# which side a change saved on. Run uncached.sh once first: it seeds the database and writes the
# scenario URLs this script rotates over.
#
#   src/bench/cpu-per-request.sh [--app DIR] [--label NAME] [--warmup 40] [--duration 20]
#                                [--connections 8]
#
# Prints one line per scenario (by-slug, list). Compare two builds by alternating them, several
# times each: single runs drift by more than 10 %.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

APP=$ROOT/target/quarkus-app
LABEL=feder
WARMUP=40
DURATION=20
CONNECTIONS=8
PORT=8097
while (($#)); do
  case $1 in
    --app) APP=$2; shift ;;
    --label) LABEL=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
URLS=$OUT/uncached/urls
[[ -f $URLS/by-slug.txt ]] || die "no scenario URLs in $URLS: run src/bench/uncached.sh first"
ensure_java
KEEP_DB=1
ensure_db

env QUARKUS_PROFILE=prod QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) \
  QUARKUS_HTTP_HOST=127.0.0.1 FEDER_DEMO_ENABLED=false FEDER_HTTP_CACHE_ENABLED=false \
  FEDER_STORAGE_DIRECTORY="$OUT/cpu-storage" MALLOC_ARENA_MAX=2 \
  java -Xmx256m -XX:+UseSerialGC -jar "$APP/quarkus-run.jar" >"$OUT/cpu-$LABEL.log" 2>&1 &
FEDER=$!
trap 'kill $FEDER 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/articles?size=1" && break
  sleep 1
done

# User and system time of a process, in clock ticks (100 per second).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
backends() {
  local total=0
  for pid in $(pgrep -f "postgres: .*postgres"); do total=$((total + $(ticks "$pid"))); done
  echo $total
}
run() { wrk -t1 -c"$CONNECTIONS" -d"$1"s -s "$ROOT/src/bench/wrk/rotate.lua" \
  "http://127.0.0.1:$PORT" "$URLS/$2.txt"; }

for scenario in by-slug list; do
  run "$WARMUP" $scenario >/dev/null
done
for scenario in by-slug list; do
  jvm=$(ticks $FEDER)
  pg=$(backends)
  out=$(run "$DURATION" $scenario)
  jvm=$(($(ticks $FEDER) - jvm))
  pg=$(($(backends) - pg))
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$LABEL $scenario requests=$requests" \
    "jvm_ms/req=$(echo "scale=3; $jvm * 10 / $requests" | bc)" \
    "pg_ms/req=$(echo "scale=3; $pg * 10 / $requests" | bc)"
done
