#!/usr/bin/env bash
# Import benchmark (issue 13, « bounded memory »): `alliances import alliances` of N synthetic
# rows (bench/src/main.rs: built from the real seed, flagged synthetic) into a prepared
# SQLite base — wall time and peak resident memory (GNU time's maximum RSS) for each size,
# then the spread of the peaks (the import streams: it should not grow with the file).
# With PG=1, the same imports into a throw-away PostgreSQL server.
#
#   bench/import.sh                       # 10 000, 100 000 and 200 000 rows
#   SIZES="10000 1000000" bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-10000 100000 200000}
[ -x /usr/bin/time ] || { s=""; [ "$(id -u)" = 0 ] || s="sudo"; $s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq time; }
. bench/lib.sh
cargo build --release --locked -p alliances-app -p alliances-bench >&2
BIN=target/release/alliances
BENCH=target/release/alliances-bench
WORK=$(mktemp -d /tmp/alliances-import-bench.XXXXXX)
PG_DIR=""
cleanup() {
  [ -n "$PG_DIR" ] && scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export ALLIANCES_LOG_LEVEL=warn
echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version)"
backends=(sqlite)
if [ "${PG:-0}" = 1 ]; then eval "$(scripts/postgres.sh start)"; backends+=(postgres); fi
for backend in "${backends[@]}"; do
  peaks=()
  for n in $SIZES; do
    "$BENCH" corpus "$n" > "$WORK/corpus.csv"
    head -1 "$WORK/corpus.csv" > "$WORK/empty.csv"
    if [ "$backend" = sqlite ]; then
      rm -f "$WORK"/b.db*; DB="sqlite://$WORK/b.db"
    else
      psql -q "$TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
      DB="${TEST_POSTGRES_URL%/*}/bench"
    fi
    # Migrations, reference data and seed first, so that only the rows are measured.
    "$BIN" import alliances "$WORK/empty.csv" --database "$DB" >/dev/null
    out=$(/usr/bin/time -f '%e %M' "$BIN" import alliances "$WORK/corpus.csv" --database "$DB" 2>&1 >/dev/null | tail -1)
    read -r secs kb <<< "$out"
    peaks+=("$kb")
    printf '== %s, %d rows (%s CSV): %.1f s, peak %.0f MB\n' "$backend" "$n" "$(du -h "$WORK/corpus.csv" | cut -f1)" "$secs" "$(echo "$kb / 1024" | bc -l)"
  done
  lo=$(printf '%s\n' "${peaks[@]}" | sort -n | head -1); hi=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
  printf '== %s: peaks from %.0f to %.0f MB (highest / lowest = %.2f)\n' "$backend" "$(echo "$lo / 1024" | bc -l)" "$(echo "$hi / 1024" | bc -l)" "$(echo "$hi / $lo" | bc -l)"
done
