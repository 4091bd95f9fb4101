#!/usr/bin/env bash
# Search benchmark (issue « Exemples »), at N synthetic alliances (default 100 000):
#   1. a synthetic corpus (bench/src/main.rs: built from the real seed, flagged synthetic);
#   2. import time of the N rows with `alliances import alliances` into SQLite;
#   3. end to end: /api/v1/alliances with the 20 queries (each with every facet count and
#      the top 20), p50/p99 at 8 connections and throughput at 32 (wrk -t1, gzip: one load
#      thread, so that the load generator takes as little as possible of the two cores), then
#      the server's peak resident memory (VmHWM, start-up index build included);
#   4. engines side by side in one binary, 8 concurrent tasks: our search vs PostgreSQL
#      full-text search (french + unaccent, GIN, ts_rank, GROUP BY facets), same documents,
#      same queries; prints both throughputs and the ratio.
#
#   bench/search.sh                 # full run (about 10 minutes)
#   N=20000 DURATION=5s bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
DURATION=${DURATION:-20s}
ENGINE_SECONDS=${ENGINE_SECONDS:-20}

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  s=""; [ "$(id -u)" = 0 ] || s="sudo"
  $s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq "${need[@]}"
fi

. bench/lib.sh
cargo build --release --locked -p alliances-app -p alliances-bench >&2
BIN=target/release/alliances
BENCH=target/release/alliances-bench
WORK=$(mktemp -d /tmp/alliances-search-bench.XXXXXX)
pid=""
PG_DIR=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$PG_DIR" ] && scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version); N = $N synthetic alliances"
"$BENCH" corpus "$N" > "$WORK/corpus.csv"
echo "== Corpus: $(($(wc -l < "$WORK/corpus.csv"))) CSV lines, $(du -h "$WORK/corpus.csv" | cut -f1)"

DB="sqlite://$WORK/bench.db"
export ALLIANCES_LOG_LEVEL=warn ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false
# Prepare the database (migrations, reference data, seed) so that only the rows are timed.
head -1 "$WORK/corpus.csv" > "$WORK/empty.csv"
"$BIN" import alliances "$WORK/empty.csv" --database "$DB" >/dev/null
t0=$(now)
"$BIN" import alliances "$WORK/corpus.csv" --database "$DB"
printf '== Import of %d rows: %.1f s\n' "$N" "$(echo "$(now) - $t0" | bc -l)"

P=$(free_port)
"$BIN" serve --bind "127.0.0.1:$P" --database "$DB" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
pid=$!
ready=$(wait_ready "$P" "$pid")   # a failed start stops the script here
printf '== Server ready (search index built from the database) in %.1f s\n' "$ready"

"$BENCH" paths > "$WORK/paths.txt"
queries_lua "$WORK/paths.txt" > "$WORK/queries.lua"
for p in $(cat "$WORK/paths.txt"); do
  curl -fs -o /dev/null "http://127.0.0.1:$P$p" || { echo "failed: $p"; exit 1; }
done
wrk -t1 -c8 -d5s -s "$WORK/queries.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P" >/dev/null  # warm-up
lat=$(wrk -t1 -c8 -d"$DURATION" --latency -s "$WORK/queries.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P")
p50=$(echo "$lat" | awk '$1 == "50%" {print $2}')
p99=$(echo "$lat" | awk '$1 == "99%" {print $2}')
rps8=$(echo "$lat" | awk '/Requests\/sec/ {print $2}')
rps32=$(wrk -t1 -c32 -d"$DURATION" -s "$WORK/queries.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P" | awk '/Requests\/sec/ {print $2}')
echo "== End to end, /api/v1/alliances with the 20 queries: p50 $p50, p99 $p99 at 8 connections ($rps8 req/s); $rps32 req/s at 32 connections"
echo "== Server peak resident memory: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

eval "$(scripts/postgres.sh start)"
"$BENCH" engines --database "$DB" --pg "$TEST_POSTGRES_URL" --tasks 8 --seconds "$ENGINE_SECONDS"
