#!/usr/bin/env bash
# Search, before and after a change, side by side in one run: the end-to-end search of
# bench/search.sh (/api/v1/alliances with its 20 queries, every facet count and the top 20)
# served by this checkout's binary and by the binary of an earlier revision, over the same
# database of N synthetic alliances (default 100 000) plus the seed. wrk -t1 -c8, runs
# alternating (base then new, new then base…); prints the medians, p50/p99 and the ratio
# new / base.
#
#   BASE=<revision> bench/search-compare.sh            # 3 runs of 20 s each side
#   BASE=<revision> N=20000 DURATION=5s RUNS=1 bench/search-compare.sh
#
# The earlier revision is built in a git worktree, in a copy of this checkout's release
# folder (cargo names workspace crates the same in both trees: sharing the folder itself
# would mix their builds), so that only the workspace's own crates compile again. Both
# revisions must read the same database schema.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE:?set BASE to the revision to compare with (a commit, a tag)}"
N=${N:-100000}
DURATION=${DURATION:-20s}
RUNS=${RUNS:-3}
CONNECTIONS=8

. bench/lib.sh
need_tools

WORK=$(mktemp -d /tmp/alliances-search-compare.XXXXXX)
TREE="$WORK/base"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  git worktree remove --force "$TREE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cargo build --release --locked -p alliances-app -p alliances-bench >&2
BASE_TARGET="$WORK/target"
mkdir -p "$BASE_TARGET"
cp -a target/release "$BASE_TARGET/"
git worktree add --detach "$TREE" "$BASE" >/dev/null 2>&1
(cd "$TREE" && CARGO_TARGET_DIR="$BASE_TARGET" cargo build --release --locked -p alliances-app >&2)
cp "$BASE_TARGET/release/alliances" "$WORK/alliances-base"
rm -rf "$BASE_TARGET"
cp target/release/alliances "$WORK/alliances-new"
BENCH=target/release/alliances-bench

echo "== Machine: $(nproc) cores, $(uname -r); base $(git rev-parse --short "$BASE") vs $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes'); N = $N"
"$BENCH" corpus "$N" > "$WORK/corpus.csv"
DB="sqlite://$WORK/bench.db"
export ALLIANCES_LOG_LEVEL=warn ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false
# The new binary prepares the database and imports the corpus; the base one then serves it
# as it is (same schema), each with its own search index built at start.
head -n 1 "$WORK/corpus.csv" > "$WORK/empty.csv"
"$WORK/alliances-new" import alliances "$WORK/empty.csv" --database "$DB" >/dev/null
"$WORK/alliances-new" import alliances "$WORK/corpus.csv" --database "$DB" >/dev/null

start() { # binary port data-dir -> pid
  "$1" serve --bind "127.0.0.1:$2" --database "$DB" --data-dir "$3" >>"$WORK/server.log" 2>&1 &
  echo $!
}
PB=$(free_port); pid=$(start "$WORK/alliances-base" "$PB" "$WORK/data-base"); pids+=("$pid"); wait_ready "$PB" "$pid" >/dev/null
PN=$(free_port); pid=$(start "$WORK/alliances-new" "$PN" "$WORK/data-new"); pids+=("$pid"); wait_ready "$PN" "$pid" >/dev/null
total() { curl -fs "http://127.0.0.1:$1/api/v1/alliances?par_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
echo "== Alliances searched: base $(total "$PB"), new $(total "$PN")"

"$BENCH" paths > "$WORK/paths.txt"
queries_lua "$WORK/paths.txt" > "$WORK/queries.lua"
measure() { # port -> "req/s p50 p99"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/queries.lua" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1" \
    | awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print r, p50, p99}'
}
for port in "$PB" "$PN"; do   # warm-up
  wrk -t1 -c"$CONNECTIONS" -d5s -s "$WORK/queries.lua" "http://127.0.0.1:$port" >/dev/null
done
base=(); new=()
for i in $(seq 1 "$RUNS"); do
  # Which side goes first alternates too, so that neither always follows the other.
  if [ $((i % 2)) = 1 ]; then
    read -r rb b50 b99 < <(measure "$PB"); read -r rn n50 n99 < <(measure "$PN")
  else
    read -r rn n50 n99 < <(measure "$PN"); read -r rb b50 b99 < <(measure "$PB")
  fi
  base+=("$rb"); new+=("$rn")
  echo "   run $i: base $rb req/s (p50 $b50, p99 $b99) · new $rn req/s (p50 $n50, p99 $n99)"
done
mb=$(median "${base[@]}"); mn=$(median "${new[@]}")
printf '== Medians (req/s, %d connections): base %s · new %s — ratio new / base %.3f\n' \
  "$CONNECTIONS" "$mb" "$mn" "$(echo "$mn / $mb" | bc -l)"
