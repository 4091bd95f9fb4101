#!/usr/bin/env bash
# Méthodes benchmark (issue « Méthodes », v2 in issue 12): computing a report as a reading
# does — checking a complete answer set, scoring it, then its whole personal path (alliances
# ranked with the search engine, territories, figures, fiches repères, tools, catalyseurs,
# modules) — in process, on one thread, from random answer sets (deterministic generator):
#   1. with the seeded corpus (477 real alliances);
#   2. with N synthetic alliances (default 100 000, bench/src/main.rs `corpus`) imported too.
# Targets: p99 ≤ 5 ms (seed) and ≤ 20 ms (100 000).
#
#   bench/diagnostics.sh
#   N=20000 COUNT=500 bench/diagnostics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
COUNT=${COUNT:-2000}
cargo build --release --locked -p alliances-app -p alliances-bench >&2
BIN=target/release/alliances
BENCH=target/release/alliances-bench
WORK=$(mktemp -d /tmp/alliances-diagnostics-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export ALLIANCES_LOG_LEVEL=warn

echo "== Machine: $(nproc) cores, $(uname -r); $("$BIN" --version)"
echo "== Seeded corpus"
"$BENCH" diagnostics --database "sqlite://$WORK/seed.db" --count "$COUNT"

echo "== $N synthetic alliances (plus the seed)"
"$BENCH" corpus "$N" > "$WORK/corpus.csv"
"$BIN" migrate --database "sqlite://$WORK/big.db" >/dev/null
"$BIN" import alliances "$WORK/corpus.csv" --database "sqlite://$WORK/big.db" >/dev/null
"$BENCH" diagnostics --database "sqlite://$WORK/big.db" --count "$COUNT"
