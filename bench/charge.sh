#!/usr/bin/env bash
# Load test (issue 13): wrk with 256 connections for 60 s on a mix of pages and API calls in
# which almost one request in four is a territory name search (the territory pages' search,
# the API, the diagnostic's suggestions, with prefixes as typed), on the seeded base (SQLite,
# release build, rate limits and request logs off). Reports throughput, p50/p99, socket
# errors and time-outs (wrk's 2 s), non-2xx answers, and the server's memory before, at its
# peak and 15 s after the run. Then a flood past the server's capacity (FLOOD connections,
# default 1 500, against max_requests_in_flight = 512): requests beyond it get a quick 503.
#
#   bench/charge.sh                     # about 2 minutes
#   DURATION=20s FLOOD=0 bench/charge.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-256}
FLOOD=${FLOOD:-1500}
ulimit -n 65536 2>/dev/null || ulimit -n 8192 2>/dev/null || true
. bench/lib.sh
need_tools
cargo build --release --locked -p alliances-app >&2
BIN=target/release/alliances
WORK=$(mktemp -d /tmp/alliances-charge.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export ALLIANCES_LOG_LEVEL=warn ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false
P=$(free_port)
"$BIN" serve --bind "127.0.0.1:$P" --database "sqlite://$WORK/base.db" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
pid=$!
ready=$(wait_ready "$P" "$pid")
printf '== Machine: %s cores; server ready in %.1f s (seeded base)\n' "$(nproc)" "$ready"

cat > "$WORK/mix.lua" <<'LUA'
local prefixes = {"Ly", "Lyo", "Mars", "Saint-É", "Bordea", "Lil", "Toul", "Nan", "Montp",
  "Renn", "Stras", "Gre", "Dij", "Ang", "Nîm", "Vill", "Sai", "Le ", "La B", "Pont",
  "Mont", "St Gil", "Beau", "Châte", "Aix", "Évr", "Ple", "Bri", "Sainte-M", "Val"}
local function enc(s)
  return (s:gsub("[^%w%-%.]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local paths = {
  "/", "/exemples", "/exemples?q=insertion", "/exemples/ptce-vivre-les-mureaux",
  "/api/v1/alliances?q=emploi", "/api/v1/alliances?region=76", "/odd/17",
  "/territoires/regions/76", "/territoires/departements/34", "/donnees", "/outils",
  "/api/v1/outils", "/competences", "/methodes", "/api/v1/odd/objectifs",
  "/territoires?q=%s", "/api/v1/territoires/recherche?q=%s",
  "/methodes/territoires?territoire=%s", "/api/v1/territoires/recherche?q=%s&par_page=8",
  "/methodes/territoires?territoire=%s", "/catalyseurs", "/api/v1/chiffres-cles",
}
local i = 0
request = function()
  i = i + 1
  local p = paths[(i % #paths) + 1]
  local prefix = enc(prefixes[(i % #prefixes) + 1])
  p = p:gsub("%%s", function() return prefix end)
  return wrk.format("GET", p)
end
LUA
# Every path answers 200 before the run.
for p in / /exemples "/exemples?q=insertion" /exemples/ptce-vivre-les-mureaux "/api/v1/alliances?q=emploi" \
  "/api/v1/alliances?region=76" /odd/17 /territoires/regions/76 /territoires/departements/34 /donnees /outils \
  /api/v1/outils /competences /methodes /api/v1/odd/objectifs "/territoires?q=Lyo" \
  "/api/v1/territoires/recherche?q=Mars" "/methodes/territoires?territoire=Bordea" /catalyseurs /api/v1/chiffres-cles; do
  curl -fs -o /dev/null "http://127.0.0.1:$P$p" || { echo "failed: $p"; exit 1; }
done
rss() { awk -v k="$1" '$1 == k":" {printf "%.0f", $2/1024}' "/proc/$pid/status"; }
wrk -t2 -c32 -d5s -s "$WORK/mix.lua" "http://127.0.0.1:$P" >/dev/null   # warm-up
before=$(rss VmRSS)
out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/mix.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P")
peak=$(rss VmHWM)
sleep 15
after=$(rss VmRSS)
echo "$out" | sed -n '/Latency Distribution/,$p'
errors=$(echo "$out" | awk '/Socket errors/ {print}' ); [ -n "$errors" ] || errors="Socket errors: none"
non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}'); non2xx=${non2xx:-0}
printf '== %s connections, %s: %s req/s; p50 %s, p99 %s; %s; non-2xx: %s\n' "$CONNECTIONS" "$DURATION" \
  "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "50%" {print $2}')" \
  "$(echo "$out" | awk '$1 == "99%" {print $2}')" "$errors" "$non2xx"
echo "== Server memory: ${before} MB before, peak ${peak} MB, ${after} MB 15 s after"
if [ "$FLOOD" -gt 0 ]; then
  out=$(wrk -t2 -c"$FLOOD" -d20s --latency -s "$WORK/mix.lua" "http://127.0.0.1:$P")
  errors=$(echo "$out" | awk '/Socket errors/ {print}'); [ -n "$errors" ] || errors="Socket errors: none"
  printf '== Flood, %s connections, 20 s: %s req/s; p50 %s, p99 %s; %s; non-2xx (shed): %s; shed counter: %s\n' "$FLOOD" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "50%" {print $2}')" \
    "$(echo "$out" | awk '$1 == "99%" {print $2}')" "$errors" "$(echo "$out" | awk '/Non-2xx/ {print $NF}')" \
    "$(curl -fs "http://127.0.0.1:$P/metrics" | awk '/^alliances_shed_requests_total/ {print $2}')"
  sleep 5
  echo "== After the flood: /readyz $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P/readyz"), memory $(rss VmRSS) MB (peak $(rss VmHWM) MB)"
fi
