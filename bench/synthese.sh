#!/usr/bin/env bash
# Territorial synthesis benchmark (issue « Données »), on N synthetic alliances (default
# 100 000, the search benchmark's corpus):
#   1. the région synthesis page (/territoires/regions/$REGION) served by alliances (page
#      cache on) and the same bytes served by nginx (gzip on the fly, and gzip_static), in the
#      same run: wrk -t1 -c32 -d20s, three alternating runs, medians and the ratio;
#   2. the same page without the page cache (every request renders the synthesis: facet
#      counts of the région's alliances, catalyseurs, lieux);
#   3. an import through the CLI while the server runs: the seconds until the cached page
#      shows it (the change log is read every second and clears the page cache);
#   4. the weight of the whole-France département map pages (compressed, as sent).
#
#   bench/synthese.sh                     # full run (about 6 minutes)
#   N=20000 DURATION=5s bench/synthese.sh # quicker, noisier
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}
REGION=${REGION:-84}

CONNECTIONS=32
. bench/lib.sh
need_tools

cargo build --release --locked -p alliances-app -p alliances-bench >&2
BIN=target/release/alliances
BENCH=target/release/alliances-bench
WORK=$(mktemp -d /tmp/alliances-synthese-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
pids=()
cleanup() {
  stop_nginx
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export ALLIANCES_LOG_LEVEL=warn ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false

echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version); N = $N synthetic alliances; wrk -t1 -c32 -d$DURATION, Accept-Encoding: gzip"
"$BENCH" corpus "$N" > "$WORK/corpus.csv"
DB="sqlite://$WORK/bench.db"
head -1 "$WORK/corpus.csv" > "$WORK/empty.csv"
"$BIN" import alliances "$WORK/empty.csv" --database "$DB" >/dev/null
"$BIN" import alliances "$WORK/corpus.csv" --database "$DB" >/dev/null
echo "== Corpus imported: $N synthetic alliances + the seed"

# Each server keeps its own derived state (search index) in its own folder.
start() { # port data-dir page-cache -> pid
  env ALLIANCES_PAGE_CACHE="$3" "$BIN" serve --bind "127.0.0.1:$1" --database "$DB" --data-dir "$2" >>"$WORK/server.log" 2>&1 &
  echo $!
}
PA=$(free_port); pid=$(start "$PA" "$WORK/data-a" true); pids+=("$pid"); wait_ready "$PA" "$pid" >/dev/null
PU=$(free_port); pid=$(start "$PU" "$WORK/data-u" false); pids+=("$pid"); wait_ready "$PU" "$pid" >/dev/null
PAGE="/territoires/regions/$REGION"
count() { curl -fs "http://127.0.0.1:$1/api/v1/territoires/regions/$REGION/synthese" | python3 -c 'import json,sys; print(json.load(sys.stdin)["alliances"]["total"])'; }
echo "== Région $REGION: $(count "$PA") alliances in the synthesis"

nginx_reference "$PAGE" "$PA"
compare_throughput "$PAGE" "$PA" "$PU"

# An import while the server runs: the cached page shows it within seconds.
before=$(curl -fs "http://127.0.0.1:$PA$PAGE" | grep -o 'key-number">[^<]*' | head -1)
head -1 "$WORK/corpus.csv" > "$WORK/one.csv"
sed -n '2p' "$WORK/corpus.csv" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
header = next(csv.reader(open(sys.argv[1])))
r = dict(zip(header, rows[0]))
r.update(id="synthetique-nouvelle", name="Alliance synthétique importée pendant la mesure",
         territory_level="region", insee_codes=sys.argv[2], region="")
w = csv.writer(sys.stdout); w.writerow([r[h] for h in header])' "$WORK/corpus.csv" "$REGION" >> "$WORK/one.csv"
t0=$(now)
"$BIN" import alliances "$WORK/one.csv" --database "$DB" >/dev/null
until [ "$(curl -fs "http://127.0.0.1:$PA$PAGE" | grep -o 'key-number">[^<]*' | head -1)" != "$before" ]; do
  sleep 0.05
  if [ "$(echo "$(now) - $t0 > 30" | bc -l)" = 1 ]; then echo "== Import NOT shown after 30 s"; exit 1; fi
done
printf '== Import through the CLI shown on the cached région page after %.2f s (%s → %s)\n' "$(echo "$(now) - $t0" | bc -l)" "${before#key-number\">}" "$(curl -fs "http://127.0.0.1:$PA$PAGE" | grep -o 'key-number">[^<]*' | head -1 | sed 's/key-number">//')"

echo "== Whole-France maps, compressed as sent (limit 120 KB for the département map)"
for p in /donnees/cartes /donnees/cartes/departements/alliances-habitants /donnees/cartes/departements/france-services-habitants /donnees/cartes/regions/catalyseurs /exemples?vue=carte\&echelle=departements; do
  size=$(curl -fs -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PA$p")
  raw=$(curl -fs -o /dev/null -w '%{size_download}' "http://127.0.0.1:$PA$p")
  printf '   %-58s %7d B compressed (%d B uncompressed)\n' "$p" "$size" "$raw"
done
