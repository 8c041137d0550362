#!/usr/bin/env bash
# The uncached read path (see src/bench/README.md, "The uncached read path"): Feder with its
# response cache off, anonymous and signed-in readers, signed-in search, and PostgreSQL alone
# (pgbench -S) in the same run.
#
#   src/bench/uncached.sh [--articles 10000] [--duration 20] [--warmup 10] [--jit-warmup 120]
#                         [--connections 32] [--threads 1] [--scenarios by-slug,list,...]
#                         [--java-opts "-Xmx256m -XX:+UseSerialGC"] [--port 8088] [--app DIR]
#                         [--save-answers DIR] [--no-seed] [--keep-db]
#
# Writes target/bench/uncached-<articles>.md. --save-answers writes every scenario URL's answer
# (status, ETag and body) to DIR, one file per URL, for comparing two builds byte for byte.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLES=10000
DURATION=20
WARMUP=10
JIT_WARMUP=120
CONNECTIONS=32
THREADS=1
PORT=8088
JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
SCENARIOS=by-slug,list,by-slug-signed-in,list-signed-in,search,search-signed-in
SAVE=
SEED=1
ADMIN_TOKEN=bench-admin-token
WORDS=(Regierung Energie Polizei Schulen)
while [[ $# -gt 0 ]]; do
  case $1 in
    --articles) ARTICLES=$(count "$2"); shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --jit-warmup) JIT_WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --scenarios) SCENARIOS=$2; shift ;;
    --java-opts) JAVA_OPTS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --app)
      APP=$(cd "$2" && pwd)
      CP="$APP/lib/main/*:$APP/lib/boot/*:$APP/app/*"
      shift
      ;;
    --save-answers) SAVE=$2; shift ;;
    --no-seed) SEED= ;;
    --keep-db) KEEP_DB=1 ;;
    -h | --help)
      sed -n '2,12p' "$0"
      exit 0
      ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

command -v wrk >/dev/null || die "needs wrk (apt-get install wrk)"
command -v pgbench >/dev/null || die "needs pgbench and psql (apt-get install postgresql-client or postgresql)"
command -v jq >/dev/null || die "needs jq (apt-get install jq)"
ensure_java
ensure_jar
ensure_db

WORK=$OUT/uncached
mkdir -p "$WORK/urls" "$WORK/wrk"
FEDER_PID=
RSS_PID=
cleanup() {
  [[ -n $RSS_PID ]] && kill "$RSS_PID" 2>/dev/null
  if [[ -n $FEDER_PID ]] && kill -0 "$FEDER_PID" 2>/dev/null; then
    kill "$FEDER_PID"
    wait "$FEDER_PID" 2>/dev/null || true
  fi
  stop_db
}
trap cleanup EXIT

if [[ -n $SEED ]]; then
  compile_tools
  tool -Xmx2g dev.feder.bench.seed.Seed \
    --migrations "$ROOT/src/main/resources/db/migration" --articles "$ARTICLES"
fi

# psql and pgbench on the database of the JDBC URL.
[[ $QUARKUS_DATASOURCE_JDBC_URL =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]] ||
  die "cannot read host, port and database from $QUARKUS_DATASOURCE_JDBC_URL"
export PGHOST=${BASH_REMATCH[1]} PGPORT=${BASH_REMATCH[3]:-5432} PGDATABASE=${BASH_REMATCH[4]}
export PGUSER=${QUARKUS_DATASOURCE_USERNAME:-postgres} PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-}
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

BASE=http://127.0.0.1:$PORT
say "starting Feder with its response cache off ($JAVA_OPTS)"
start=$(date +%s%N)
# shellcheck disable=SC2086
env QUARKUS_PROFILE=prod QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  FEDER_AUTH_BOOTSTRAP_TOKEN=$ADMIN_TOKEN FEDER_DEMO_ENABLED=false FEDER_HTTP_CACHE_ENABLED=false \
  FEDER_STORAGE_DIRECTORY="$OUT/storage" MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
  java $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$WORK/feder.log" 2>&1 &
FEDER_PID=$!
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/articles?size=1") == 200 ]]; do
  kill -0 "$FEDER_PID" 2>/dev/null || die "Feder stopped (log: $WORK/feder.log)"
  (($(date +%s%N) - start < 180000000000)) || die "Feder did not answer within 180 s"
  sleep 0.2
done
say "Feder answers after $((($(date +%s%N) - start) / 1000000)) ms"

# A viewer token, as a signed-in reader (a preview, an editor's tool) has one.
VIEWER=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"name": "uncached bench reader", "role": "viewer"}' "$BASE/api/v1/tokens" | jq -r .token)
[[ -n $VIEWER && $VIEWER != null ]] || die "could not issue a viewer token"

# 1,000 published articles spread over the archive, the first 25 list pages, the four words.
sql -c "select '/api/v1/articles/slug/' || slug from article where status = 'published'
          and deleted_at is null and published_at <= now() order by md5(id::text) limit 1000" \
  >"$WORK/urls/by-slug.txt"
seq 1 25 | sed 's|^|/api/v1/articles?page=|' >"$WORK/urls/list.txt"
printf '/api/v1/articles?q=%s\n' "${WORDS[@]}" >"$WORK/urls/search.txt"

urls_of() { echo "$WORK/urls/${1%-signed-in}.txt"; }
auth_of() { [[ $1 == *-signed-in ]] && echo "Authorization: Bearer $VIEWER" || echo "X-Bench: anonymous"; }

IFS=, read -r -a RUN <<<"$SCENARIOS"
for s in "${RUN[@]}"; do
  [[ -f $(urls_of "$s") ]] || die "unknown scenario $s"
  [[ $(wc -l <"$(urls_of "$s")") -gt 0 ]] || die "no URLs for $s: is the database seeded?"
done

if [[ -n $SAVE ]]; then
  mkdir -p "$SAVE"
  for s in "${RUN[@]}"; do
    n=0
    while read -r url; do
      n=$((n + 1))
      curl -s -D - -H "$(auth_of "$s")" "$BASE$url" |
        grep -aiv '^\(date\|content-length\|x-request-id\):' >"$SAVE/$s-$n.txt"
    done <"$(urls_of "$s")"
  done
  say "answers saved in $SAVE"
fi

CLK=$(getconf CLK_TCK)
# CPU ticks of the JVM's compiler threads, and of the whole JVM.
compiler_ticks() {
  local t comm stat sum=0
  for t in /proc/"$FEDER_PID"/task/*; do
    read -r comm <"$t/comm" || continue
    [[ $comm == C[12]\ Compiler* ]] || continue
    stat=$(<"$t/stat")
    read -r -a f <<<"${stat##*) }"
    sum=$((sum + f[11] + f[12]))
  done
  echo "$sum"
}
jvm_ticks() {
  local stat
  stat=$(<"/proc/$FEDER_PID/stat")
  read -r -a f <<<"${stat##*) }"
  echo $((f[11] + f[12]))
}
cores() { awk -v t="$1" -v clk="$CLK" -v s="$2" 'BEGIN { printf "%.2f", t / clk / s }'; }

# wrk over a scenario's URLs; prints the JSON summary of rotate.lua.
load() {
  local s=$1 c=$2 d=$3 name=$4
  wrk -t"$((c < THREADS ? c : THREADS))" -c"$c" -d"${d}s" --latency --timeout 10s \
    -H "$(auth_of "$s")" -s "$BENCH_DIR/wrk/rotate.lua" "$BASE" "$(urls_of "$s")" \
    >"$WORK/wrk/$name.txt" 2>&1 || true
  grep -a '^BENCH_JSON' "$WORK/wrk/$name.txt" | sed 's/^BENCH_JSON //' || echo '{}'
}

if ((JIT_WARMUP > 0)); then
  say "JIT warm-up: ${JIT_WARMUP} s over all scenarios"
  per=$((JIT_WARMUP / ${#RUN[@]} + 1))
  c0=$(compiler_ticks)
  for s in "${RUN[@]}"; do load "$s" "$CONNECTIONS" "$per" "jit-$s" >/dev/null; done
  JIT_CPU=$(cores $(($(compiler_ticks) - c0)) "$JIT_WARMUP")
fi

(while kill -0 "$FEDER_PID" 2>/dev/null; do
  awk '/VmRSS/ { print $2 }' "/proc/$FEDER_PID/status" 2>/dev/null
  sleep 0.2
done) >"$WORK/rss.txt" &
RSS_PID=$!

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
for s in "${RUN[@]}"; do
  say "$s: ${WARMUP} s warm-up, ${DURATION} s at $CONNECTIONS connections, 5 s at one"
  load "$s" "$CONNECTIONS" "$WARMUP" "warmup-$s" >/dev/null
  c0=$(compiler_ticks)
  j0=$(jvm_ticks)
  many=$(load "$s" "$CONNECTIONS" "$DURATION" "$s")
  comp=$(cores $(($(compiler_ticks) - c0)) "$DURATION")
  jvm=$(cores $(($(jvm_ticks) - j0)) "$DURATION")
  one=$(load "$s" 1 5 "$s-c1")
  ROWS+=("$(jq -nr --argjson m "$many" --argjson o "$one" --arg s "$s" --arg comp "$comp" --arg jvm "$jvm" \
    '"| \($s) | \(($m.requests // 0) * 1000000 / ($m.duration_us // 1) | floor) | \(($m.p50_us // 0) / 1000) | \(($m.p99_us // 0) / 1000) | \(($o.p50_us // 0) / 1000) | \(($m.connect_errors // 0) + ($m.read_errors // 0) + ($m.write_errors // 0) + ($m.status_errors // 0) + ($m.timeouts // 0)) | \($jvm) | \($comp) |"')")
done
kill "$RSS_PID" 2>/dev/null || true
RSS_PID=
RSS_MAX=$(sort -n "$WORK/rss.txt" | tail -1)

# PostgreSQL alone: one indexed lookup per transaction, the same number of connections.
say "pgbench -S -c $CONNECTIONS -j 1 -M prepared -T $DURATION"
[[ $(sql -c "select count(*) from pg_database where datname = 'feder_pgbench'") == 1 ]] ||
  sql -c "create database feder_pgbench"
[[ $(PGDATABASE=feder_pgbench sql -c "select to_regclass('pgbench_accounts') is not null") == t ]] ||
  PGDATABASE=feder_pgbench pgbench -i -q -s 10 >"$WORK/pgbench-init.txt" 2>&1
PGDATABASE=feder_pgbench pgbench -S -c "$CONNECTIONS" -j 1 -M prepared -T "$DURATION" \
  >"$WORK/pgbench.txt" 2>&1 || die "pgbench failed ($WORK/pgbench.txt)"
PG_TPS=$(awk -F'= ' '/^tps/ { split($2, a, " "); printf "%d", a[1]; exit }' "$WORK/pgbench.txt")
PG_LAT=$(awk -F'= ' '/^latency average/ { print $2; exit }' "$WORK/pgbench.txt")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

REPORT=$OUT/uncached-$ARTICLES.md
{
  echo "# Feder's uncached read path, $ARTICLES articles"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
    "$(nproc) cores, load average $LOAD_START at the start, $LOAD_END at the end."
  echo "Feder: \`$APP\`, \`MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} java $JAVA_OPTS\`," \
    "FEDER_HTTP_CACHE_ENABLED=false; wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s per scenario after ${WARMUP} s;" \
    "JIT warm-up ${JIT_WARMUP} s (compiler ${JIT_CPU:-0} cores during it)."
  echo
  echo "| scenario | req/s | p50 ms | p99 ms | p50 ms at 1 connection | errors | JVM cores | compiler cores |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo "| pgbench -S (PostgreSQL alone) | $PG_TPS | | | | | | |"
  echo
  echo "pgbench latency average: $PG_LAT. Largest RSS during the runs: $((RSS_MAX / 1024)) MB."
} >"$REPORT"
cat "$REPORT"
say "report: $REPORT"
