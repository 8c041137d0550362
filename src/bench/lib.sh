# Shared by seed.sh and run.sh: paths, the class path of Feder's jars, the database.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
OUT=${FEDER_BENCH_OUT:-$ROOT/target/bench}
APP=$ROOT/target/quarkus-app
# The bench tools (src/bench/java, see README.md) run against the jars of the packaged application
# (pgjdbc, Flyway, Jackson, jsoup, embedded PostgreSQL, Feder's own classes).
CP="$APP/lib/main/*:$APP/lib/boot/*:$APP/app/*"
TOOLS=$OUT/classes
PG_PORT=${FEDER_BENCH_PG_PORT:-55432}
PG_DATA=$OUT/pgdata
STARTED_PG=

say() { echo "bench: $*"; }
die() {
  echo "bench: $*" >&2
  exit 1
}

ensure_java() {
  command -v java >/dev/null || die "needs a JDK 17 or newer on the PATH"
}

ensure_jar() {
  if [[ ! -f $APP/quarkus-run.jar ]]; then
    say "building Feder: ./mvnw -q package -DskipTests"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed"
  fi
}

# 100000, 100_000, 100k and 1m all mean what they say.
count() {
  local n=${1//[_,]/}
  case $n in
    *[kK]) echo $((${n%?} * 1000)) ;;
    *[mM]) echo $((${n%?} * 1000000)) ;;
    *[!0-9]* | '') die "not a number: $1" ;;
    *) echo "$n" ;;
  esac
}

# Compiles the bench tools (src/bench/java, with src/bench/resources) into $TOOLS with the javac of
# the JDK that runs them, again only when a source or Feder's build is newer: `java Tool.java` would
# compile them in memory on every run, seconds of CPU beside the work. (`./mvnw verify` compiles
# and tests them too, as test sources.)
compile_tools() {
  local stamp=$TOOLS/.compiled
  local javac
  javac=$(dirname "$(readlink -f "$(command -v java)")")/javac
  [[ -x $javac ]] || javac=$(command -v javac) || die "needs javac (a JDK, not only a JRE) on the PATH"
  if [[ -f $stamp && ! $APP/quarkus-run.jar -nt $stamp && ! $javac -nt $stamp ]] &&
    [[ -z $(find "$BENCH_DIR/java" "$BENCH_DIR/resources" -newer "$stamp" -print -quit) ]]; then
    return
  fi
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  find "$BENCH_DIR/java" -name '*.java' | sed 's/.*/"&"/' >"$TOOLS/sources.txt"
  "$javac" -nowarn -encoding UTF-8 -d "$TOOLS" -cp "$CP" @"$TOOLS/sources.txt" ||
    die "could not compile the bench tools in $BENCH_DIR/java"
  cp -r "$BENCH_DIR/resources/." "$TOOLS/"
  touch "$stamp"
}

# Runs a bench tool's main class: dev.feder.bench.seed.Seed, dev.feder.bench.run.Bench, ...
tool() {
  java -cp "$TOOLS:$CP" "$@"
}

pg_pid() {
  [[ -f $PG_DATA/postmaster.pid ]] && head -1 "$PG_DATA/postmaster.pid"
}

pg_running() {
  local pid
  pid=$(pg_pid) && [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

# The database to use: the server given by QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME and
# _PASSWORD), else an embedded PostgreSQL with its data in target/bench/pgdata, started here.
ensure_db() {
  if [[ -n ${QUARKUS_DATASOURCE_JDBC_URL:-} ]]; then
    say "database: $QUARKUS_DATASOURCE_JDBC_URL (from QUARKUS_DATASOURCE_JDBC_URL)"
    return
  fi
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/postgres"
  export QUARKUS_DATASOURCE_USERNAME=postgres
  export QUARKUS_DATASOURCE_PASSWORD=postgres
  if pg_running; then
    say "database: embedded PostgreSQL already running on port $PG_PORT (data in $PG_DATA)"
    return
  fi
  say "database: starting an embedded PostgreSQL on port $PG_PORT (data in $PG_DATA)"
  mkdir -p "$OUT"
  compile_tools
  tool dev.feder.bench.EmbeddedPg "$PG_DATA" "$PG_PORT" \
    || die "could not start the embedded PostgreSQL (log: $OUT/postgres.log; another port: FEDER_BENCH_PG_PORT)"
  STARTED_PG=1
}

# Stops the embedded server if this script started it (its data stays for the next run).
stop_db() {
  if [[ -n $STARTED_PG && -z ${KEEP_DB:-} ]] && pg_running; then
    local pid
    pid=$(pg_pid)
    say "stopping the embedded PostgreSQL (data kept in $PG_DATA)"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  STARTED_PG=
}
