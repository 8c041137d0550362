#!/usr/bin/env bash
# Webhooks under load, and across a crash (see src/bench/README.md, "Webhooks").
#
#   src/bench/webhooks.sh latency [--rate 50] [--seconds 30] [--warmup 10] [--port 8091] [--build] [--keep-db]
#   src/bench/webhooks.sh crash [--port 8091] [--build] [--keep-db]
#
# latency: article creates at --rate per second through the API, first without a webhook endpoint,
# then with one on a receiver on loopback; reports write latency (on vs off) and event latency (the
# write's 201 to the receipt of its delivery) in target/bench/webhooks-latency.md.
# crash: kills Feder (SIGKILL) while committed events wait for delivery, restarts it and checks that
# every event is delivered; exits 1 if one is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=${1:-}
[[ $MODE == latency || $MODE == crash ]] || die "usage: webhooks.sh latency|crash [options] (see --help)"
shift
ARGS=()
BUILD=
while [[ $# -gt 0 ]]; do
  case $1 in
    --rate | --seconds | --warmup | --port)
      ARGS+=("$1" "$2")
      shift
      ;;
    --build) BUILD=1 ;;
    --keep-db) KEEP_DB=1 ;;
    -h | --help)
      sed -n '2,11p' "$0"
      exit 0
      ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

ensure_java
if [[ -n $BUILD ]]; then
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed"
fi
ensure_jar
mkdir -p "$OUT"
compile_tools
ensure_db
trap stop_db EXIT
tool dev.feder.bench.webhooks.WebhookBench "$MODE" --jar "$APP/quarkus-run.jar" --out "$OUT" "${ARGS[@]}"
