#!/usr/bin/env bash
# Page benchmark (issue « Foundation »): /odd/17 served by alliances vs the same bytes served
# statically by nginx, both gzip, wrk -t1 -c64 -d20s, three alternating runs of each in one
# go; prints the ratio of medians. Also measures the uncached render path, page weights
# (compressed transfer of a text page and a map page, with their assets) and cold start to
# /readyz on an already-migrated database.
#
#   bench/pages.sh            # full run (about 5 minutes)
#   DURATION=5s bench/pages.sh  # quicker, noisier
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}

CONNECTIONS=64
. bench/lib.sh
need_tools

cargo build --release --locked -p alliances-app >&2
BIN=target/release/alliances
WORK=$(mktemp -d /tmp/alliances-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
pids=()
cleanup() { stop_nginx; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Each server keeps its derived state (search index) in its own folder, as two instances must.
start_alliances() { # port db cache data-dir -> pid
  env ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false ALLIANCES_LOG_LEVEL=warn ALLIANCES_PAGE_CACHE="$3" \
    "$BIN" serve --bind "127.0.0.1:$1" --database "sqlite://$2" --data-dir "$4" >>"$WORK/server.log" 2>&1 &
  echo $!
}

echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version); wrk -t1 -c64 -d$DURATION, Accept-Encoding: gzip"

# --- Cold start -------------------------------------------------------------------------
DB="$WORK/bench.db"
P=$(free_port); pid=$(start_alliances "$P" "$DB" true "$WORK/data-a"); first=$(wait_ready "$P" "$pid"); kill "$pid"; wait "$pid" 2>/dev/null || true
cold=()
for i in 1 2 3; do
  P=$(free_port); pid=$(start_alliances "$P" "$DB" true "$WORK/data-a"); cold+=("$(wait_ready "$P" "$pid")"); kill "$pid"; wait "$pid" 2>/dev/null || true
done
printf '== Start-up: empty database → /readyz 200 in %.2f s (migrations + reference data load)\n' "$first"
printf '== Cold start on an already-migrated database → /readyz 200: %s s (median %.3f s)\n' "$(printf '%.3f ' "${cold[@]}")" "$(median "${cold[@]}")"

# --- Servers ----------------------------------------------------------------------------
PA=$(free_port); pid=$(start_alliances "$PA" "$DB" true "$WORK/data-a"); pids+=("$pid"); wait_ready "$PA" "$pid" >/dev/null
PU=$(free_port); pid=$(start_alliances "$PU" "$DB" false "$WORK/data-u"); pids+=("$pid"); wait_ready "$PU" "$pid" >/dev/null
nginx_reference /odd/17 "$PA"

# --- Throughput, alternating ------------------------------------------------------------
compare_throughput /odd/17 "$PA" "$PU"

# --- Page weight --------------------------------------------------------------------------
weigh() { # path -> total compressed bytes of the page and its same-origin assets
  local base="http://127.0.0.1:$PA" total html assets
  html=$(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$1")
  total=$html
  assets=$(curl -fs "$base$1" | grep -oE '(href|src)="/static/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//' | sed 's/&amp;/\&/g' | sort -u)
  for a in $assets; do
    total=$((total + $(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$a")))
  done
  printf '   %-32s page %6d B, with assets %7d B compressed\n' "$1" "$html" "$total"
}
echo "== Page weight (HTML + CSS/JS/icons, gzip as sent)"
for p in / /odd /odd/17 /odd/cibles/17.17 /accessibilite /methodes; do weigh "$p"; done
echo "   map pages:"
for p in /territoires /territoires/regions/28 /territoires/departements/59 /territoires/communes/59378 /territoires/epci/200054781; do weigh "$p"; done
