#!/usr/bin/env bash
# Tools benchmark (issue « Outils »): /api/v1/outils with a facet filter (and with a text
# query) on the seed's 82 tools, every facet counted, then the list page with the same filter
# and the cartography (rendered on each request); wrk -t1 -c32, RUNS runs each; medians.
#
#   bench/outils.sh                       # 3 runs of 20 s per path (about 2 minutes)
#   DURATION=5s RUNS=1 bench/outils.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}
CONNECTIONS=32

. bench/lib.sh
need_tools

cargo build --release --locked -p alliances-app >&2
BIN=target/release/alliances
WORK=$(mktemp -d /tmp/alliances-outils-bench.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export ALLIANCES_LOG_LEVEL=warn ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false

P=$(free_port)
"$BIN" serve --bind "127.0.0.1:$P" --database "sqlite://$WORK/bench.db" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
pid=$!
wait_ready "$P" "$pid" >/dev/null
echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version); wrk -t1 -c$CONNECTIONS -d$DURATION, Accept-Encoding: gzip"
for path in "/api/v1/outils?phase=construire&public=collectivite" "/api/v1/outils?q=cooperation&phase=construire"; do
  n=$(curl -fs "http://127.0.0.1:$P$path" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  wrk -t1 -c"$CONNECTIONS" -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P$path" >/dev/null   # warm-up
  runs=()
  for i in $(seq 1 "$RUNS"); do runs+=("$(rps "http://127.0.0.1:$P$path")"); done
  echo "   $path ($n tools): $(printf '%s ' "${runs[@]}")req/s — median $(median "${runs[@]}")"
done
for path in "/outils?phase=construire&public=collectivite" "/outils/cartographie" "/outils/cartographie?vue=maturite&phase=construire&public=collectivite&maturite=experimenter"; do
  size=$(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P$path" | wc -c)
  wrk -t1 -c"$CONNECTIONS" -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P$path" >/dev/null   # warm-up
  runs=()
  for i in $(seq 1 "$RUNS"); do runs+=("$(rps "http://127.0.0.1:$P$path")"); done
  echo "   $path ($size bytes gzipped): $(printf '%s ' "${runs[@]}")req/s — median $(median "${runs[@]}")"
done
