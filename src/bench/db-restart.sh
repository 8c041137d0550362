#!/usr/bin/env bash
# Restarts Feder's PostgreSQL under load and reports what was lost and what failed.
#
#   src/bench/db-restart.sh [--restarts fast,kill9,fast,kill9,fast,kill9] [--down 2] [--interval 10]
#                           [--writers 4] [--readers 4] [--app target/quarkus-app] [--port 8089]
#                           [--pg-port 55441] [--pg-bin /usr/lib/postgresql/15/bin] [--java-opts "..."]
#
# Starts a PostgreSQL server of its own (a fresh cluster in target/bench/db-restart/pgdata, from the
# machine's PostgreSQL binaries) and Feder on it, runs writers (PATCH with If-Match) and readers
# (src/bench/db-restart/DbRestart.java), and every --interval seconds stops the database, keeps it
# down for --down seconds and starts it again: `fast` is `pg_ctl stop -m fast`, `immediate` is
# `pg_ctl stop -m immediate`, `kill9` is `kill -9` of the postmaster (crash recovery on start).
# Then it compares the acknowledged writes with the stored ones and counts the failed requests
# before, during and after each outage; last, it restarts the database once more with no load and
# sends 40 requests one after another. Report: target/bench/db-restart/report.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RESTARTS=fast,kill9,fast,kill9,fast,kill9
DOWN=2
INTERVAL=10
WRITERS=4
READERS=4
PORT=8089
RPG_PORT=${FEDER_BENCH_RESTART_PG_PORT:-55441}
PG_BIN=${PG_BIN:-}
JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
IDLE_REQUESTS=40
while [[ $# -gt 0 ]]; do
  case $1 in
    --restarts) RESTARTS=$2 ;;
    --down) DOWN=$2 ;;
    --interval) INTERVAL=$2 ;;
    --writers) WRITERS=$2 ;;
    --readers) READERS=$2 ;;
    --app) APP=$(cd "$2" && pwd) ;;
    --port) PORT=$2 ;;
    --pg-port) RPG_PORT=$2 ;;
    --pg-bin) PG_BIN=$2 ;;
    --java-opts) JAVA_OPTS=$2 ;;
    -h | --help)
      sed -n '2,15p' "$0"
      exit 0
      ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift 2
done
CP="$APP/lib/main/*:$APP/lib/boot/*:$APP/app/*"
DIR=$OUT/db-restart
DATA=$DIR/pgdata
ADMIN_TOKEN=bench-restart-admin
JDBC="jdbc:postgresql://127.0.0.1:$RPG_PORT/feder"

find_pg_bin() {
  if [[ -z $PG_BIN ]]; then
    local candidate
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
      [[ -x $candidate/pg_ctl ]] && PG_BIN=$candidate && break
    done
  fi
  if [[ -z $PG_BIN ]] && command -v pg_config >/dev/null; then
    PG_BIN=$(pg_config --bindir)
  fi
  [[ -n $PG_BIN && -x $PG_BIN/pg_ctl && -x $PG_BIN/initdb ]] \
    || die "needs PostgreSQL server binaries (initdb, pg_ctl): install PostgreSQL or pass --pg-bin DIR"
}

# PostgreSQL refuses to run as root: as root, its tools run as the user postgres.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

now_ms() { date +%s%3N; }

pm_pid() { [[ -f $DATA/postmaster.pid ]] && head -1 "$DATA/postmaster.pid"; }

pg_accepting() { "$PG_BIN/pg_isready" -q -U postgres -h 127.0.0.1 -p "$RPG_PORT" -t 1; }

pg_start() {
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$DIR/postgres.log" start >/dev/null
  local i
  for i in $(seq 1 3000); do
    pg_accepting && return 0
    sleep 0.02
  done
  die "PostgreSQL did not accept connections within a minute (log: $DIR/postgres.log)"
}

pg_stop() {
  local kind=$1 pid children
  case $kind in
    fast | immediate) as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m "$kind" stop >/dev/null ;;
    kill9)
      pid=$(pm_pid)
      children=$(pgrep -P "$pid" || true)
      kill -9 "$pid"
      # The backends notice that their postmaster died and exit; a new postmaster cannot start
      # while they still hold the shared memory.
      for pid in $children; do
        while kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
      done
      ;;
    *) die "unknown kind of restart: $kind (fast, immediate or kill9)" ;;
  esac
}

FEDER_PID=
cleanup() {
  if [[ -n $FEDER_PID ]] && kill -0 "$FEDER_PID" 2>/dev/null; then
    kill "$FEDER_PID" 2>/dev/null || true
    wait "$FEDER_PID" 2>/dev/null || true
  fi
  if [[ -n ${PG_BIN:-} && -f $DATA/postmaster.pid ]] && kill -0 "$(pm_pid)" 2>/dev/null; then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

ensure_java
[[ -f $APP/quarkus-run.jar ]] || ensure_jar
find_pg_bin
command -v curl >/dev/null || die "needs curl"
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  die "runs PostgreSQL as the user postgres when started as root, and there is none"
fi

say "PostgreSQL from $PG_BIN on port $RPG_PORT, a fresh cluster in $DATA"
mkdir -p "$DIR"
if [[ -f $DATA/postmaster.pid ]] && kill -0 "$(pm_pid)" 2>/dev/null; then
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null
fi
rm -rf "$DATA" "$DIR/events" "$DIR/ready" "$DIR/stop" "$DIR/report.md"
mkdir -p "$DATA"
[[ $(id -u) -eq 0 ]] && chown postgres "$DATA" "$DIR"
as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" \
  || die "initdb failed (log: $DIR/initdb.log)"
cat >>"$DATA/postgresql.conf" <<EOF
port = $RPG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 100
EOF
: >"$DIR/postgres.log"
[[ $(id -u) -eq 0 ]] && chown postgres "$DIR/postgres.log"
pg_start
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$RPG_PORT" -U postgres -c "CREATE DATABASE feder" postgres

say "starting Feder ($APP) on port $PORT; log: $DIR/feder.log"
# shellcheck disable=SC2086
QUARKUS_DATASOURCE_JDBC_URL=$JDBC QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) \
  FEDER_AUTH_BOOTSTRAP_TOKEN=$ADMIN_TOKEN \
  FEDER_WARM_UP_ENABLED=false MALLOC_ARENA_MAX=2 \
  java $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$DIR/feder.log" 2>&1 &
FEDER_PID=$!
for i in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$((PORT + 1000))/q/health/ready" && break
  kill -0 "$FEDER_PID" 2>/dev/null || die "Feder exited during startup (log: $DIR/feder.log)"
  [[ $i -lt 600 ]] || die "Feder was not ready within a minute (log: $DIR/feder.log)"
  sleep 0.1
done

say "load: $WRITERS writers, $READERS readers; outages: $RESTARTS, each ${DOWN}s down, every ${INTERVAL}s"
java -cp "$CP" "$BENCH_DIR/db-restart/DbRestart.java" --base "http://127.0.0.1:$PORT" \
  --admin-token "$ADMIN_TOKEN" --jdbc "$JDBC" --dir "$DIR" --writers "$WRITERS" --readers "$READERS" &
LOAD_PID=$!
while [[ ! -f $DIR/ready ]]; do
  kill -0 "$LOAD_PID" 2>/dev/null || die "the load tool ended before it started the load"
  sleep 0.1
done

sleep "$INTERVAL"
IFS=, read -r -a KINDS <<<"$RESTARTS"
for kind in "${KINDS[@]}"; do
  echo "$(now_ms) down $kind" >>"$DIR/events"
  pg_stop "$kind"
  sleep "$DOWN"
  pg_start
  echo "$(now_ms) up" >>"$DIR/events"
  say "$kind: database back after $(($(tail -1 "$DIR/events" | cut -d' ' -f1) - $(tail -2 "$DIR/events" | head -1 | cut -d' ' -f1))) ms"
  sleep "$INTERVAL"
done
touch "$DIR/stop"
wait "$LOAD_PID"

# With no load, the pool keeps its connections idle; a restart leaves every one of them dead.
say "idle restart: PostgreSQL restarted with no load, then $IDLE_REQUESTS requests one after another"
pg_stop fast
pg_start
declare -A IDLE=()
for i in $(seq 1 "$IDLE_REQUESTS"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" \
    "http://127.0.0.1:$PORT/api/v1/articles?size=5&page=$((i % 3 + 1))")
  IDLE[$code]=$((${IDLE[$code]:-0} + 1))
done
{
  echo "## Restart with no load"
  echo
  echo "Requests one after another (GET of a list page with a token, never cached) right after"
  echo "PostgreSQL accepted connections again:"
  for code in $(printf '%s\n' "${!IDLE[@]}" | sort); do
    echo "- $code: ${IDLE[$code]}"
  done
  echo
} | tee -a "$DIR/report.md"

{
  echo "## Feder's log"
  echo
  echo "- internal errors logged (500): $(grep -c 'Internal error' "$DIR/feder.log" || true)"
  echo "- database unavailable (503): $(grep -c 'Database unavailable' "$DIR/feder.log" || true)"
  echo "- reads retried on a new connection: $(grep -c 'retrying on a new connection' "$DIR/feder.log" || true)"
} | tee -a "$DIR/report.md"
say "report: $DIR/report.md"
