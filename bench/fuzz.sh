#!/usr/bin/env bash
# Fuzzing (issue 13): every importer (alliances, catalyseurs, tools and key figures in CSV,
# JSON and XLSX) and content loader (questionnaires, the learning path's modules and
# variants) fed mutated inputs for FUZZ_SECONDS each (default 600), two targets at a time,
# release build. A panic saves its input into fuzz/corpus/<target>/crash-* and fails; keep
# that file (it becomes a regression case of the short run in CI) and fix the cause.
#
#   bench/fuzz.sh                          # 13 targets × 10 minutes, two at a time: about 65 minutes
#   FUZZ_SECONDS=60 bench/fuzz.sh alliances_csv questionnaires
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_SECONDS=${FUZZ_SECONDS:-600}
cargo test --release --locked -p alliances-store --test fuzz --no-run >&2
cargo test --release --locked -p alliances-store --test fuzz -- --nocapture --test-threads=2 "$@" 2>&1 \
  | grep -E "mutated inputs|panic|test result"
