#!/usr/bin/env bash
# Feder against Directus, a popular Node-based headless CMS, serving the same seeded articles from
# the same PostgreSQL database, in one run (see src/bench/README.md, "Against a Node-based CMS").
#
#   src/bench/node-cms.sh [--articles 10000] [--duration 15] [--warmup 10] [--jit-warmup 60]
#                         [--connections 32] [--threads 2] [--directus 11.3.5] [--port 8088]
#                         [--directus-port 8055]
#
# Seeds the database like run.sh if needed, installs Directus with npm into target/bench/directus
# on first use, lets it create its own tables (directus_*) in the same database and grants its
# public role read access to published articles, categories and authors. Then runs the list and
# by-slug scenarios with wrk against Feder and Directus, each with its response cache on and off
# and each warmed up with both scenarios first (--jit-warmup seconds in all, for the JVM's and V8's
# compilers), and writes target/bench/node-cms-<articles>.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLES=10000
DURATION=15
WARMUP=10
JIT_WARMUP=60
CONNECTIONS=32
THREADS=2
DIRECTUS=11.3.5 # the newest release that runs on Node 18 and 20
FEDER_PORT=8088
DIRECTUS_PORT=8055
while [[ $# -gt 0 ]]; do
  case $1 in
    --articles) ARTICLES=$(count "$2") ;;
    --duration) DURATION=$2 ;;
    --warmup) WARMUP=$2 ;;
    --jit-warmup) JIT_WARMUP=$2 ;;
    --connections) CONNECTIONS=$2 ;;
    --threads) THREADS=$2 ;;
    --directus) DIRECTUS=$2 ;;
    --port) FEDER_PORT=$2 ;;
    --directus-port) DIRECTUS_PORT=$2 ;;
    -h | --help)
      sed -n '2,14p' "$0"
      exit 0
      ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift 2
done

ensure_java
ensure_jar
command -v wrk >/dev/null || die "needs wrk (run.sh installs it)"
command -v npm >/dev/null || die "needs Node.js 18 or newer with npm (apt-get install nodejs npm)"
ensure_db
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  done
  stop_db
}
trap cleanup EXIT

compile_tools
tool -Xmx2g dev.feder.bench.seed.Seed \
  --migrations "$ROOT/src/main/resources/db/migration" --articles "$ARTICLES"

# The same requests for both: the newest 20 published articles, and 1,000 published articles by
# slug in turn (the same slugs for both).
WORK=$OUT/node-cms
mkdir -p "$WORK"
tool dev.feder.bench.seed.Seed --print-slugs 1000 >"$WORK/slugs.txt"
[[ -s $WORK/slugs.txt ]] || die "no published articles to read"
echo "/api/v1/articles?size=20" >"$WORK/feder-list.txt"
sed 's#^#/api/v1/articles/slug/#' "$WORK/slugs.txt" >"$WORK/feder-by-slug.txt"
# Directus reads Feder's tables as they are; it leaves out tables without a one-column primary key,
# so its list carries the category but not the byline (less work than Feder's list).
FIELDS="id,slug,title,subtitle,excerpt,published_at,updated_at,tags,image_url,image_alt"
FIELDS="$FIELDS,reading_time_minutes,word_count,category_id.id,category_id.slug,category_id.name"
echo "/items/article?sort=-published_at,id&limit=20&fields=$FIELDS" >"$WORK/directus-list.txt"
# By slug, the columns of Feder's article answer (not body_text, the search vector or the version).
ARTICLE_FIELDS="id,slug,title,subtitle,excerpt,body,language,status,published_at,created_at,updated_at"
ARTICLE_FIELDS="$ARTICLE_FIELDS,tags,source_name,source_url,image_url,image_alt,image_caption,image_credit"
ARTICLE_FIELDS="$ARTICLE_FIELDS,meta_title,meta_description,canonical_url,word_count,reading_time_minutes"
ARTICLE_FIELDS="$ARTICLE_FIELDS,category_id.id,category_id.slug,category_id.name"
sed "s#^#/items/article?filter[slug][_eq]=#; s#\$#\\&limit=1\\&fields=$ARTICLE_FIELDS#" \
  "$WORK/slugs.txt" >"$WORK/directus-by-slug.txt"

# Runs one scenario: a warm-up, then the measured run; prints "req/s p50 p99 errors bytes/request".
measure() {
  local url=$1 paths=$2 json
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH_DIR/wrk/rotate.lua" "$url" "$paths" >/dev/null 2>&1 || true
  json=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$BENCH_DIR/wrk/rotate.lua" \
    "$url" "$paths" 2>&1 | sed -n 's/^BENCH_JSON //p')
  [[ -n $json ]] || die "wrk gave no summary for $url"
  awk -v j="$json" 'function f(k,  m) { match(j, "\"" k "\":[0-9.]+"); m = substr(j, RSTART, RLENGTH); sub(/.*:/, "", m); return m + 0 }
    BEGIN { n = f("requests"); printf "%.0f %.1f %.1f %d %.0f\n", n / f("duration_us") * 1e6, f("p50_us") / 1000,
      f("p99_us") / 1000, f("connect_errors") + f("read_errors") + f("write_errors") + f("status_errors") + f("timeouts"),
      (n > 0 ? f("bytes") / n : 0) }'
}

# Load on both scenarios first, so that the compilers are done before anything is measured.
jit_warmup() {
  local url=$1 server=$2 scenario
  for scenario in list by-slug; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((JIT_WARMUP / 2))s" -s "$BENCH_DIR/wrk/rotate.lua" "$url" \
      "$WORK/$server-$scenario.txt" >/dev/null 2>&1 || true
  done
}

# The first path of each scenario must answer 200 with an article in it: an empty answer (a rule
# that hides everything) would be cheap to serve and wrongly counted as a success by wrk.
check_answers() {
  local url=$1 server=$2 scenario body
  for scenario in list by-slug; do
    body=$(curl -sf -g "$url$(head -1 "$WORK/$server-$scenario.txt")") || die "$server: $scenario does not answer 200"
    [[ $body == *"\"slug\":\"$(head -1 "$WORK/slugs.txt")\""* || ($scenario == list && $body == *'"slug":"'*) ]] ||
      die "$server: $scenario answers without the article (${body:0:200})"
  done
}

wait_for() {
  local url=$1 pid=$2
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

rss_mb() {
  local total=0 pid
  for pid in $(pgrep -g "$1" 2>/dev/null || echo "$1"); do
    total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}

declare -A RESULT
# Checks, warms up and measures a started server, then stops it: results under "$server-$cache-".
measure_server() {
  local server=$1 name=$2 cache=$3 url=$4 pid=$5 scenario
  check_answers "$url" "$server"
  jit_warmup "$url" "$server"
  for scenario in list by-slug; do
    RESULT[$server-$cache-$scenario]=$(measure "$url" "$WORK/$server-$scenario.txt")
    say "$name, cache $cache, $scenario: ${RESULT[$server-$cache-$scenario]}"
  done
  RESULT[$server-$cache-rss]=$(rss_mb "$pid")
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

run_feder() {
  local cache=$1 pid
  setsid env QUARKUS_HTTP_PORT="$FEDER_PORT" QUARKUS_MANAGEMENT_PORT=$((FEDER_PORT + 1000)) FEDER_DEMO_ENABLED=false FEDER_HTTP_CACHE_ENABLED="$cache" \
    MALLOC_ARENA_MAX=2 java -Xmx256m -XX:+UseSerialGC -jar "$APP/quarkus-run.jar" >"$WORK/feder.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  wait_for "http://127.0.0.1:$((FEDER_PORT + 1000))/q/health/ready" "$pid" || die "Feder did not start (log: $WORK/feder.log)"
  measure_server feder Feder "$cache" "http://127.0.0.1:$FEDER_PORT" "$pid"
}

DIRECTUS_HOME=$OUT/directus
if [[ ! -x $DIRECTUS_HOME/node_modules/.bin/directus || $(cat "$DIRECTUS_HOME/.version" 2>/dev/null) != "$DIRECTUS" ]]; then
  say "installing Directus $DIRECTUS with npm into $DIRECTUS_HOME (a few minutes, once)"
  mkdir -p "$DIRECTUS_HOME"
  (cd "$DIRECTUS_HOME" && npm install --no-audit --no-fund --loglevel=error "directus@$DIRECTUS" >npm.log 2>&1) ||
    die "npm install failed (log: $DIRECTUS_HOME/npm.log)"
  echo "$DIRECTUS" >"$DIRECTUS_HOME/.version"
fi
DB_URL=${QUARKUS_DATASOURCE_JDBC_URL#jdbc:postgresql://}
DB_HOSTPORT=${DB_URL%%/*}
DB_NAME=${DB_URL#*/}
DB_NAME=${DB_NAME%%\?*}
export DB_CLIENT=pg DB_HOST=${DB_HOSTPORT%%:*} DB_PORT=${DB_HOSTPORT##*:} DB_DATABASE=$DB_NAME
export DB_USER=${QUARKUS_DATASOURCE_USERNAME:-postgres} DB_PASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-postgres}
[[ $DB_PORT =~ ^[0-9]+$ ]] || DB_PORT=5432
export SECRET=feder-bench-directus-secret ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=feder-bench
export HOST=127.0.0.1 PORT=$DIRECTUS_PORT LOG_LEVEL=warn TELEMETRY=false
# Its defaults would answer 429 and 503 under this load instead of serving it.
export RATE_LIMITER_ENABLED=false PRESSURE_LIMITER_ENABLED=false
(cd "$DIRECTUS_HOME" && node_modules/.bin/directus bootstrap >bootstrap.log 2>&1) ||
  die "Directus could not set up its tables (log: $DIRECTUS_HOME/bootstrap.log)"

# The public role may read what Feder's public API shows: published, not deleted, due articles.
grant_public_read() {
  local api=http://127.0.0.1:$DIRECTUS_PORT token policy collection rule
  token=$(curl -sf -X POST "$api/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n $token ]] || die "could not log in to Directus"
  policy=$(curl -sf -g "$api/policies?filter[name][_eq]=\$t:public_label&fields=id" -H "Authorization: Bearer $token" |
    sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  [[ -n $policy ]] || die "Directus has no public policy"
  for collection in article category author; do
    if curl -sf -g "$api/permissions?filter[policy][_eq]=$policy&filter[collection][_eq]=$collection&fields=id" \
      -H "Authorization: Bearer $token" | grep -q '"id"'; then
      continue
    fi
    rule='{}'
    [[ $collection == article ]] &&
      rule='{"_and":[{"status":{"_eq":"published"}},{"deleted_at":{"_null":true}},{"published_at":{"_lte":"$NOW"}}]}'
    curl -sf -o /dev/null -X POST "$api/permissions" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
      -d "{\"policy\":\"$policy\",\"collection\":\"$collection\",\"action\":\"read\",\"fields\":[\"*\"],\"permissions\":$rule}" ||
      die "could not grant read access to $collection"
  done
}

run_directus() {
  local cache=$1 pid
  (cd "$DIRECTUS_HOME" && CACHE_ENABLED=$cache CACHE_STORE=memory CACHE_TTL=10m CACHE_AUTO_PURGE=true \
    exec setsid node_modules/.bin/directus start >"$WORK/directus.log" 2>&1) &
  pid=$!
  PIDS+=("$pid")
  wait_for "http://127.0.0.1:$DIRECTUS_PORT/server/ping" "$pid" || die "Directus did not start (log: $WORK/directus.log)"
  grant_public_read
  measure_server directus Directus "$cache" "http://127.0.0.1:$DIRECTUS_PORT" "$pid"
}

run_feder true
run_feder false
run_directus true
run_directus false

cell() {
  local r
  read -r -a r <<<"${RESULT[$1]}"
  printf '%s req/s, p50 %s ms, p99 %s ms, %s bytes%s' "${r[0]}" "${r[1]}" "${r[2]}" "${r[4]}" \
    "$([[ ${r[3]} -gt 0 ]] && echo ", ${r[3]} errors or timeouts")"
}
ratio() {
  awk -v a="${RESULT[$1]%% *}" -v b="${RESULT[$2]%% *}" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else printf "-" }'
}
REPORT=$OUT/node-cms-$ARTICLES.md
{
  echo "# Feder against Directus $DIRECTUS, $ARTICLES articles"
  echo
  echo "$(date -u +'%Y-%m-%d %H:%M UTC'), $(nproc) cores, Node $(node -v), $(java -version 2>&1 | head -1)."
  echo "wrk -t$THREADS -c$CONNECTIONS; after each start ${JIT_WARMUP} s of load on both scenarios, then per scenario"
  echo "${WARMUP} s warm-up and ${DURATION} s measured; database $DB_HOST:$DB_PORT/$DB_NAME."
  echo
  echo "| scenario | Feder, cache on | Directus, cache on | Feder ÷ Directus |"
  echo "|---|---|---|---|"
  for s in list by-slug; do
    echo "| $s | $(cell "feder-true-$s") | $(cell "directus-true-$s") | $(ratio "feder-true-$s" "directus-true-$s") |"
  done
  echo
  echo "| scenario | Feder, cache off | Directus, cache off | Feder ÷ Directus |"
  echo "|---|---|---|---|"
  for s in list by-slug; do
    echo "| $s | $(cell "feder-false-$s") | $(cell "directus-false-$s") | $(ratio "feder-false-$s" "directus-false-$s") |"
  done
  echo
  echo "RSS after the runs: Feder ${RESULT[feder-true-rss]} / ${RESULT[feder-false-rss]} MB (cache on / off),"
  echo "Directus ${RESULT[directus-true-rss]} / ${RESULT[directus-false-rss]} MB."
  echo "Directus runs as one Node.js process, as it ships. Its list carries the category but no byline,"
  echo "and its article no byline or related articles (it skips tables without a one-column key)."
} >"$REPORT"
cat "$REPORT"
say "report: $REPORT"
