#!/usr/bin/env bash
# Fuzzes Feder from its OpenAPI document: starts the packaged application on an embedded
# PostgreSQL with demo content, sends it --requests valid and hostile requests and framing attacks
# (src/bench/fuzz/fuzz.mjs), and fails unless no answer was 500 or more, no connection was reset
# and no response header block exceeded 8 KB. Needs a JDK and Node.js 18 or newer.
#
#   src/bench/fuzz.sh [--requests 12000] [--seed 42] [--concurrency 4]
#   src/bench/fuzz.sh --url http://localhost:8080 --token dev-admin-token   # a running Feder
set -euo pipefail
# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REQUESTS=12000 SEED=42 CONCURRENCY=4 URL= TOKEN=
while [[ $# -gt 0 ]]; do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --url) URL=$2; shift 2 ;;
    --token) TOKEN=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
command -v node >/dev/null || die "needs Node.js 18 or newer on the PATH"
mkdir -p "$OUT"
LOG=$OUT/fuzz-feder.log
FEDER_PID=

stop_feder() {
  if [[ -n $FEDER_PID ]] && kill -0 "$FEDER_PID" 2>/dev/null; then
    kill "$FEDER_PID"
    wait "$FEDER_PID" 2>/dev/null || true
  fi
}
trap stop_feder EXIT

if [[ -z $URL ]]; then
  ensure_java
  ensure_jar
  PORT=${FEDER_FUZZ_PORT:-18181}
  MANAGEMENT=${FEDER_FUZZ_MANAGEMENT_PORT:-19191}
  TOKEN=fuzz-admin-token
  URL=http://localhost:$PORT
  say "starting Feder on port $PORT (embedded PostgreSQL, demo content; log: $LOG)"
  FEDER_DATABASE_EMBEDDED=true FEDER_DEMO_ENABLED=true FEDER_WARM_UP_ENABLED=false \
    FEDER_AUTH_BOOTSTRAP_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT \
    java -Xmx256m -XX:+UseSerialGC -jar "$APP/quarkus-run.jar" >"$LOG" 2>&1 &
  FEDER_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "http://localhost:$MANAGEMENT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$FEDER_PID" 2>/dev/null || die "Feder did not start (log: $LOG)"
    sleep 0.5
  done
fi
[[ -n $TOKEN ]] || die "--url needs --token, an admin token of that server"

status=0
node "$BENCH_DIR/fuzz/fuzz.mjs" --url "$URL" --token "$TOKEN" --requests "$REQUESTS" \
  --seed "$SEED" --concurrency "$CONCURRENCY" --spec "$ROOT/openapi/openapi.json" \
  --out "$OUT/fuzz-report.json" || status=$?
if [[ -n $FEDER_PID ]]; then
  errors=$(grep -c ' ERROR ' "$LOG" || true)
  say "Feder logged $errors ERROR lines (log: $LOG)"
  [[ $errors -eq 0 ]] || status=1
fi
say "report: $OUT/fuzz-report.json"
exit $status
