#!/usr/bin/env bash
# Cost as the base grows (issue 13, point 4): for each size N of the synthetic corpus
# (bench/src/main.rs: built from the real seed, flagged synthetic), into SQLite:
#   1. import of the N rows with `alliances import alliances` — wall time and peak resident
#      memory (GNU time);
#   2. first start: seconds to /readyz 200 (the search index is built from the database);
#   3. the search API under load: /api/v1/alliances with the 20 queries of the search
#      benchmark (total, every facet count, top 20), `wrk -t1 -c8`, gzip: p50, p99, req/s;
#   4. restart on the existing index: seconds to /readyz 200, then the same load;
#   5. the server's peak resident memory (VmHWM) in each run.
# With PROFILE=1, `perf record` samples the restarted server during one more load run and
# prints where the time goes (perf report: the share of samples in each function).
#
#   bench/scale.sh                               # 100 000 and 1 000 000 (6 minutes on 2026-12-04)
#   SIZES=20000 DURATION=5s bench/scale.sh      # quick look
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-100000 1000000}
DURATION=${DURATION:-20s}

. bench/lib.sh
install_missing wrk curl bc /usr/bin/time:time
[ "${PROFILE:-0}" = 1 ] && install_missing perf:linux-perf
cargo build --release --locked -p alliances-app -p alliances-bench >&2
BIN=target/release/alliances
BENCH=target/release/alliances-bench
WORK=$(mktemp -d /tmp/alliances-scale-bench.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export ALLIANCES_LOG_LEVEL=warn ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false
echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version)"
"$BENCH" paths > "$WORK/paths.txt"
queries_lua "$WORK/paths.txt" > "$WORK/queries.lua"

start_server() { # db port -> sets pid and ready (seconds to /readyz 200)
  "$BIN" serve --bind "127.0.0.1:$2" --database "$1" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
  pid=$!
  ready=$(wait_ready "$2" "$pid")
}
stop_server() {
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}
load() { # port -> "p50 p99 req/s"
  for p in $(cat "$WORK/paths.txt"); do
    curl -fs -o /dev/null "http://127.0.0.1:$1$p" || { echo "failed: $p" >&2; exit 1; }
  done
  wrk -t1 -c8 -d5s -s "$WORK/queries.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1" >/dev/null  # warm-up
  wrk -t1 -c8 -d"$DURATION" --latency -s "$WORK/queries.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1" \
    | awk '$1 == "50%" {p50=$2} $1 == "99%" {p99=$2} /Requests\/sec/ {rps=$2} /Socket errors|Non-2xx/ {print "wrk: " $0 > "/dev/stderr"} END {print p50, p99, rps}'
}
hwm() { awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
# Resident now: the whole, then the anonymous part (heap) and the mapped files (the index's
# pages the kernel keeps, which it reclaims under pressure).
rss() { awk '/VmRSS/ {t=$2} /RssAnon/ {a=$2} /RssFile/ {f=$2} END {printf "%.0f MB (heap %.0f MB, mapped files %.0f MB)", t/1024, a/1024, f/1024}' "/proc/$pid/status"; }

for n in $SIZES; do
  rm -rf "$WORK/data" "$WORK"/b.db*
  DB="sqlite://$WORK/b.db"
  "$BENCH" corpus "$n" > "$WORK/corpus.csv"
  echo "== N = $n synthetic alliances: $(($(wc -l < "$WORK/corpus.csv"))) CSV lines, $(du -h "$WORK/corpus.csv" | cut -f1)"
  head -1 "$WORK/corpus.csv" > "$WORK/empty.csv"
  # Migrations, reference data and seed first, so that only the rows are measured.
  "$BIN" import alliances "$WORK/empty.csv" --database "$DB" >/dev/null
  out=$(/usr/bin/time -f '%e %M' "$BIN" import alliances "$WORK/corpus.csv" --database "$DB" 2>&1 >/dev/null | tail -1)
  read -r secs kb <<< "$out"
  printf '   import: %.1f s, peak %.0f MB\n' "$secs" "$(echo "$kb / 1024" | bc -l)"
  rm -f "$WORK/corpus.csv"
  P=$(free_port)
  start_server "$DB" "$P"
  printf '   first start (index built): ready in %.1f s, resident %s\n' "$ready" "$(rss)"
  read -r p50 p99 r <<< "$(load "$P")"
  echo "   search, 8 connections: p50 $p50, p99 $p99, $r req/s; peak resident $(hwm)"
  stop_server
  start_server "$DB" "$P"
  printf '   restart (existing index): ready in %.1f s, resident %s\n' "$ready" "$(rss)"
  read -r p50 p99 r <<< "$(load "$P")"
  echo "   search, 8 connections: p50 $p50, p99 $p99, $r req/s; peak resident $(hwm), resident after $(rss)"
  if [ "${PROFILE:-0}" = 1 ]; then
    perf record -F 999 -p "$pid" -o "$WORK/perf.data" -- sleep 20 >/dev/null 2>&1 &
    wrk -t1 -c8 -d20s -s "$WORK/queries.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P" >/dev/null
    wait
    echo "   where the time goes (perf, share of the samples by function):"
    perf report -i "$WORK/perf.data" --no-children --stdio --sort symbol 2>/dev/null \
      | grep -E '^ +[0-9]' | head -40 | sed 's/^/     /'
  fi
  stop_server
done
