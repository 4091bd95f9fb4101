#!/usr/bin/env bash
# Territory name search (issue 13): the search the territory fields run on every keystroke,
# in memory (`Ready::find_territories`) against the database query it replaced, the same
# queries (every prefix of real commune and EPCI names), one at a time, in process.
# Target: p99 ≤ 1 ms in memory.
#
#   bench/territoires.sh
#   COUNT=5000 bench/territoires.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-20000}
cargo build --release --locked -p alliances-bench >&2
WORK=$(mktemp -d /tmp/alliances-territoires-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export ALLIANCES_LOG_LEVEL=warn
echo "== Machine: $(nproc) cores, $(uname -r)"
target/release/alliances-bench territoires --database "sqlite://$WORK/base.db" --count "$COUNT"
