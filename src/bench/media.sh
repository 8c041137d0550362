#!/usr/bin/env bash
# The media library's benchmark (see src/bench/README.md, "Media library"): one command.
#
#   src/bench/media.sh [--duration 20] [--connections 16] [--threads 2] [--port 8090]
#                      [--nginx-port 8091] [--java-opts "-Xmx256m"] [--megapixels 24]
#
# Starts the packaged Feder (built if missing) on an embedded PostgreSQL with its files in
# target/bench/media, uploads a generated JPEG of 24 megapixels and publishes an article showing it,
# then measures:
#   1. the first rendition of it to 1280 px WebP (three different renditions, each computed once);
#   2. the JVM's resident memory while 4 such renditions are asked for at once (sampled every 20 ms,
#      and the kernel's high-water mark), with the heap the Dockerfile sets;
#   3. a kept rendition served by Feder and the same bytes served by nginx, with wrk, same run.
# Writes target/bench/media/report.md. Needs ImageMagick's convert, wrk and nginx (installed with
# apt-get when missing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=20
CONNECTIONS=16
THREADS=2
PORT=8090
NGINX_PORT=8091
JAVA_OPTS="-Xmx256m"
MEGAPIXELS=24
while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) DURATION=$2 ;;
    --connections) CONNECTIONS=$2 ;;
    --threads) THREADS=$2 ;;
    --port) PORT=$2 ;;
    --nginx-port) NGINX_PORT=$2 ;;
    --java-opts) JAVA_OPTS=$2 ;;
    --megapixels) MEGAPIXELS=$2 ;;
    -h | --help)
      sed -n '2,15p' "$0"
      exit 0
      ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift 2
done

MEDIA=$OUT/media
API=http://127.0.0.1:$PORT/api/v1
TOKEN=bench-media-token
AUTH="Authorization: Bearer $TOKEN"
REPORT=$MEDIA/report.md
FEDER_PID=
NGINX_PID=

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  command -v convert >/dev/null || missing+=(imagemagick)
  if [[ ${#missing[@]} -gt 0 ]]; then
    command -v apt-get >/dev/null || die "please install ${missing[*]} (not found, and no apt-get here)"
    local sudo=
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    say "installing ${missing[*]} with apt-get (not found on this machine)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

cleanup() {
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
  [[ -n $FEDER_PID ]] && kill "$FEDER_PID" 2>/dev/null && wait "$FEDER_PID" 2>/dev/null || true
}
trap cleanup EXIT

# A photo-like JPEG of the asked size: a gradient with noise, so it compresses like a photo.
make_photo() {
  local file=$MEDIA/photo-${MEGAPIXELS}mp.jpg
  if [[ ! -f $file ]]; then
    local width height
    width=$(awk -v mp="$MEGAPIXELS" 'BEGIN { printf "%d", sqrt(mp * 1000000 * 3 / 2) }')
    height=$((width * 2 / 3))
    # On stderr: what this function prints on stdout is the file's name.
    say "making a ${width}x${height} JPEG ($MEGAPIXELS MP) with ImageMagick" >&2
    convert -size "${width}x${height}" gradient:'#1d4e89-#f4a259' -attenuate 0.3 +noise Gaussian \
      -quality 88 "$file"
  fi
  echo "$file"
}

start_feder() {
  local storage=$MEDIA/storage
  rm -rf "$storage"
  say "starting Feder on port $PORT ($JAVA_OPTS; embedded PostgreSQL; files in $storage)"
  # shellcheck disable=SC2086
  FEDER_DATABASE_EMBEDDED=true FEDER_AUTH_BOOTSTRAP_TOKEN=$TOKEN FEDER_STORAGE_DIRECTORY=$storage \
    FEDER_WARM_UP_ENABLED=false QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) QUARKUS_LOG_LEVEL=WARN \
    java $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$MEDIA/feder.log" 2>&1 &
  FEDER_PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1 && return
    kill -0 "$FEDER_PID" 2>/dev/null || die "Feder stopped; see $MEDIA/feder.log"
    sleep 0.5
  done
  die "Feder was not ready within 2 minutes; see $MEDIA/feder.log"
}

field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$FEDER_PID/status"; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$FEDER_PID/status"; }

# Seconds for one request (curl's time_total), failing on any status but 200.
timed() {
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$@")
  [[ ${out%% *} == 200 ]] || die "status ${out%% *} for $*"
  echo "${out#* }"
}

mkdir -p "$MEDIA"
ensure_java
ensure_jar
ensure_tools
PHOTO=$(make_photo)
start_feder

# Each step says why it failed rather than ending the script silently (set -e).
ASSET=$(curl -s -X POST "$API/assets" -H "$AUTH" -F "file=@$PHOTO;filename=photo.jpg" | field id || true)
[[ -n $ASSET ]] || die "the upload failed; see $MEDIA/feder.log"
curl -sf -X POST "$API/categories" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"name": "Bilder", "slug": "bench-bilder"}' >/dev/null || die "creating the category failed"
curl -sf -X POST "$API/articles" -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"title\": \"Bildstrecke\", \"status\": \"published\", \"category\": {\"slug\": \"bench-bilder\"},
       \"featuredImage\": {\"asset\": {\"id\": \"$ASSET\"}}}" >/dev/null || die "publishing the article failed"
IMAGE="$API/assets/$ASSET/image"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

say "1. first renditions of the $MEGAPIXELS MP JPEG to 1280 px WebP"
FIRST=()
for q in 75 80 85; do
  FIRST+=("$(timed "$IMAGE?w=1280&fm=webp&q=$q&v=1")")
done
AGAIN=$(timed "$IMAGE?w=1280&fm=webp&q=80&v=1")

say "2. resident memory while 4 renditions are computed at once"
BEFORE=$(rss_kb)
PEAK=$BEFORE
PIDS=()
for w in 960 1600 1920 2560; do
  curl -s -o /dev/null "$IMAGE?w=$w&fm=webp&v=1" &
  PIDS+=($!)
done
while kill -0 "${PIDS[@]}" 2>/dev/null; do
  now=$(rss_kb)
  ((now > PEAK)) && PEAK=$now
  sleep 0.02
done
wait "${PIDS[@]}" || true
HWM=$(hwm_kb)

say "3. a kept rendition: Feder and nginx, $DURATION s each, $CONNECTIONS connections"
KEPT="$IMAGE?w=640&fm=webp&v=1"
curl -sf -o "$MEDIA/kept.webp" "$KEPT"
NGINX_DIR=$MEDIA/nginx
mkdir -p "$NGINX_DIR/tmp" "$NGINX_DIR/root"
cp "$MEDIA/kept.webp" "$NGINX_DIR/root/kept.webp"
sed -e "s|@PREFIX@|$NGINX_DIR|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@ROOT@|$NGINX_DIR/root|g" \
  -e 's|application/json json;|image/webp webp;|' "$BENCH_DIR/nginx.conf.template" >"$NGINX_DIR/nginx.conf"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
"$NGINX" -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" &
NGINX_PID=$!
sleep 1
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$KEPT" >/dev/null # the JIT's warm-up
FEDER_WRK=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$KEPT")
NGINX_WRK=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$NGINX_PORT/kept.webp")
rate() { awk '/^Requests\/sec/ { print $2 }' <<<"$1"; }
p99() { awk '$1 == "99%" { print $2 }' <<<"$1"; }

{
  echo "# Media library benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average before: $LOAD, Feder with $JAVA_OPTS"
  echo
  echo "| What | Figure |"
  echo "| --- | --- |"
  echo "| First rendition, $MEGAPIXELS MP JPEG to 1280 px WebP (q 75, 80, 85) | ${FIRST[*]} s |"
  echo "| The same rendition again (kept) | $AGAIN s |"
  echo "| RSS before / peak while 4 renditions ran / high-water mark | $((BEFORE / 1024)) / $((PEAK / 1024)) / $((HWM / 1024)) MB |"
  echo "| Kept 640 px rendition ($(stat -c %s "$MEDIA/kept.webp") bytes), Feder | $(rate "$FEDER_WRK") req/s, p99 $(p99 "$FEDER_WRK") |"
  echo "| The same bytes, nginx | $(rate "$NGINX_WRK") req/s, p99 $(p99 "$NGINX_WRK") |"
  echo "| Load average after | $(cut -d' ' -f1-3 /proc/loadavg) |"
} >"$REPORT"
cat "$REPORT"
say "report: $REPORT"
