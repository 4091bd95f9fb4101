#!/usr/bin/env bash
# Learning path benchmark (issue « Compétences »): the first start's signing-key creation;
# then, wrk -t1 -c32, RUNS runs each, medians: a module page (cached after its first
# rendering), a quiz graded without a progress link (POST, rendered each time), a learner's
# progress page (three reads behind a personal link), a certificate's public verification,
# its API, and the signed Open Badges credential (an RSA 2048 signature per request).
#
#   bench/competences.sh                       # 3 runs of 20 s per path (about 3 minutes)
#   DURATION=5s RUNS=1 bench/competences.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}
CONNECTIONS=32

. bench/lib.sh
need_tools

cargo build --release --locked -p alliances-app >&2
BIN=target/release/alliances
WORK=$(mktemp -d /tmp/alliances-competences-bench.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export ALLIANCES_LOG_LEVEL=info ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false ALLIANCES_LOG_FORMAT=json

P=$(free_port)
start=$(now)
"$BIN" serve --bind "127.0.0.1:$P" --database "sqlite://$WORK/bench.db" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
pid=$!
wait_ready "$P" "$pid" >/dev/null
echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version); wrk -t1 -c$CONNECTIONS -d$DURATION, Accept-Encoding: gzip"
echo "   first start to ready, RSA key created: $(echo "$(now) - $start" | bc -l | cut -c1-5) s ($(grep -c 'clé de signature des certificats créée' "$WORK/server.log") key created)"

# A learner who completed the 2-hour variant, and their certificate (answers read from the
# content files, as the route tests do).
B="http://127.0.0.1:$P"
progress=$(curl -fs -o /dev/null -w '%{redirect_url}' -H "Origin: $B" -d parcours=essentiel "$B/competences/suivis")
python3 - "$progress" "$B" > "$WORK/answers" <<'PY'
import glob, sys, tomllib, urllib.parse, urllib.request
progress, base = sys.argv[1], sys.argv[2]
mods = {}
for f in glob.glob('content/parcours/modules/*.toml'):
    d = tomllib.load(open(f, 'rb')); mods[d['slug']] = d
first = None
for slug in ['pourquoi-s-allier', 'modes-relationnels', 'construire-une-alliance']:
    body = urllib.parse.urlencode({q['id']: [i for i, r in enumerate(q['reponses']) if r.get('correcte')][0] for q in mods[slug]['quiz']})
    first = first or body
    req = urllib.request.Request(progress + f'/modules/{slug}/quiz', data=body.encode(), headers={'Origin': base})
    urllib.request.urlopen(req).read()
print(first)
PY
holder=$(curl -fs -o /dev/null -w '%{redirect_url}' -H "Origin: $B" -d '' "$progress/certificats")
code=${holder##*/}
body=$(cat "$WORK/answers")
cat > "$WORK/quiz.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$B"
LUA
one() { # label url [lua]
  local extra=()
  [ -n "${3:-}" ] && extra=(-s "$3")
  wrk -t1 -c"$CONNECTIONS" -d3s -H 'Accept-Encoding: gzip' "${extra[@]}" "$2" >/dev/null   # warm-up
  local runs=() i
  for i in $(seq 1 "$RUNS"); do
    runs+=("$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -H 'Accept-Encoding: gzip' "${extra[@]}" "$2" | awk '/Requests\/sec/ {print $2}')")
  done
  echo "   $1: $(printf '%s ' "${runs[@]}")req/s — median $(median "${runs[@]}")"
}
one "/competences/modules/pourquoi-s-allier (page cache)" "$B/competences/modules/pourquoi-s-allier"
one "POST /competences/modules/pourquoi-s-allier/quiz (graded, rendered)" "$B/competences/modules/pourquoi-s-allier/quiz" "$WORK/quiz.lua"
one "/competences/suivis/… (a learner's progress)" "$progress"
one "/certificats/$code (public verification)" "$B/certificats/$code"
one "/api/v1/certificats/$code" "$B/api/v1/certificats/$code"
one "…/openbadge.jwt (signed RS256 on each request)" "$holder/openbadge.jwt"
