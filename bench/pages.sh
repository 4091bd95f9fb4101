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

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v bc >/dev/null 2>&1 || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  s=""; [ "$(id -u)" = 0 ] || s="sudo"
  $s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq "${need[@]}"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

cargo build --release --locked -p alliances-app >&2
BIN=target/release/alliances
WORK=$(mktemp -d /tmp/alliances-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
wait_ready() { # port -> seconds waited
  local start; start=$(now)
  until curl -fs "http://127.0.0.1:$1/readyz" >/dev/null 2>&1; do sleep 0.005; done
  echo "$(now) - $start" | bc -l
}
start_alliances() { # port db cache -> pid
  env ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false ALLIANCES_LOG_LEVEL=warn ALLIANCES_PAGE_CACHE="$3" \
    "$BIN" serve --bind "127.0.0.1:$1" --database "sqlite://$2" >>"$WORK/server.log" 2>&1 &
  echo $!
}
rps() { # url -> requests/s
  wrk -t1 -c64 -d"$DURATION" -H 'Accept-Encoding: gzip' "$1" | awk '/Requests\/sec/ {print $2}'
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version); wrk -t1 -c64 -d$DURATION, Accept-Encoding: gzip"

# --- Cold start -------------------------------------------------------------------------
DB="$WORK/bench.db"
P=$(free_port); t0=$(now); pid=$(start_alliances "$P" "$DB" true); first=$(wait_ready "$P"); kill "$pid"; wait "$pid" 2>/dev/null || true
cold=()
for i in 1 2 3; do
  P=$(free_port); pid=$(start_alliances "$P" "$DB" true); cold+=("$(wait_ready "$P")"); kill "$pid"; wait "$pid" 2>/dev/null || true
done
printf '== Start-up: empty database → /readyz 200 in %.2f s (migrations + reference data load)\n' "$first"
printf '== Cold start on an already-migrated database → /readyz 200: %s s (median %.3f s)\n' "$(printf '%.3f ' "${cold[@]}")" "$(median "${cold[@]}")"

# --- Servers ----------------------------------------------------------------------------
PA=$(free_port); pids+=("$(start_alliances "$PA" "$DB" true)"); wait_ready "$PA" >/dev/null
PU=$(free_port); pids+=("$(start_alliances "$PU" "$DB" false)"); wait_ready "$PU" >/dev/null
mkdir -p "$WORK/www/odd"
curl -fs "http://127.0.0.1:$PA/odd/17" -o "$WORK/www/odd/17.html"
gzip -9 -k -c "$WORK/www/odd/17.html" > "$WORK/www/odd/17.html.gz"
PN=$(free_port); PS=$(free_port)
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp; uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  types { text/html html; }
  # The reference: the same bytes, compressed on the fly (nginx's usual gzip setup).
  server {
    listen 127.0.0.1:$PN;
    gzip on; gzip_min_length 0;
    location = /odd/17 { default_type text/html; alias $WORK/www/odd/17.html; }
  }
  # A second reference: the same bytes pre-compressed on disk (gzip_static).
  server {
    listen 127.0.0.1:$PS;
    gzip_static on;
    location = /odd/17 { default_type text/html; alias $WORK/www/odd/17.html; }
  }
}
NGINX
mkdir -p "$WORK/tmp"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/nginx-error.log"
trap 'kill $(cat "$WORK/nginx.pid") 2>/dev/null || true; cleanup' EXIT

for url in "http://127.0.0.1:$PA/odd/17" "http://127.0.0.1:$PN/odd/17" "http://127.0.0.1:$PS/odd/17"; do
  enc=$(curl -fs -D - -o /dev/null -H 'Accept-Encoding: gzip' "$url" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding" {print $2}')
  size=$(curl -fs -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$url")
  echo "   $url → ${enc:-identity}, $size bytes on the wire"
done
cmp <(curl -fs "http://127.0.0.1:$PA/odd/17") <(curl -fs "http://127.0.0.1:$PN/odd/17") && echo "   identical bytes from both servers"

# --- Throughput, alternating ------------------------------------------------------------
a=(); n=(); s=(); u=()
for i in $(seq 1 "$RUNS"); do
  a+=("$(rps "http://127.0.0.1:$PA/odd/17")")
  n+=("$(rps "http://127.0.0.1:$PN/odd/17")")
  s+=("$(rps "http://127.0.0.1:$PS/odd/17")")
  u+=("$(rps "http://127.0.0.1:$PU/odd/17")")
  echo "   run $i: alliances ${a[-1]} · nginx gzip ${n[-1]} · nginx gzip_static ${s[-1]} · alliances without page cache ${u[-1]} req/s"
done
ma=$(median "${a[@]}"); mn=$(median "${n[@]}"); ms=$(median "${s[@]}"); mu=$(median "${u[@]}")
echo "== /odd/17 medians (req/s): alliances $ma · nginx (gzip on the fly) $mn · nginx (gzip_static) $ms · alliances without page cache $mu"
printf '== Ratio alliances / nginx gzip: %.2f   (/ nginx gzip_static: %.2f; uncached alliances / nginx gzip: %.2f)\n' \
  "$(echo "$ma / $mn" | bc -l)" "$(echo "$ma / $ms" | bc -l)" "$(echo "$mu / $mn" | bc -l)"

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
