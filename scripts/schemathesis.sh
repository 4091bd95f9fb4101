#!/usr/bin/env bash
# Property-based test of the JSON API against its own OpenAPI document (issue 13):
# schemathesis (PyPI, pinned) with every check — no server error, every response in its
# documented schema, status and content type, schema-valid requests accepted and invalid
# ones rejected, links followed in the stateful phase (a created diagnostic is read and
# deleted). Runs against a server that is already up.
#
#   scripts/schemathesis.sh http://127.0.0.1:8080            # 30 examples per operation (CI)
#   EXAMPLES=300 scripts/schemathesis.sh http://127.0.0.1:8080
set -euo pipefail
base=${1:?usage: scripts/schemathesis.sh BASE_URL}
version=4.32.5
# Called through the interpreter that installed it (no reliance on PATH or pyenv shims).
st() { python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.argv[0] = "schemathesis"; schemathesis()' "$@"; }
if [ "$(st --version 2>/dev/null | awk '{print $NF}')" != "$version" ]; then
  python3 -m pip install --quiet --disable-pip-version-check "schemathesis==$version"
fi
st run "$base/api/openapi.json" \
  --checks all \
  --max-examples "${EXAMPLES:-30}" \
  --seed "${SEED:-1}" \
  --workers 2 \
  --request-timeout 30 \
  --warnings off
