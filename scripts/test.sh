#!/usr/bin/env bash
# Runs every test of the project from a fresh machine:
#   1. installs what the tests need if missing (Debian: postgresql, chromium; npm: e2e/),
#   2. starts PostgreSQL on a free loopback port,
#   3. format check, clippy (warnings denied), the Rust suite on SQLite and PostgreSQL,
#   4. the README's run command itself (in the test profile, reusing the Rust suite's build)
#      until /readyz answers, then the browser suite (playwright-core + axe on Debian's
#      Chromium) and schemathesis (PyPI, against the OpenAPI document) against that server,
#   5. stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI="${CI:-1}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n==> %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

step "Paquets système"
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cleanup() {
  # The server runs in its own process group (setsid): stop cargo and the binary together.
  [ -n "${SERVER_PID:-}" ] && { kill -- -"$SERVER_PID" 2>/dev/null || kill "$SERVER_PID" 2>/dev/null; } || true
  [ -n "${PG_DIR:-}" ] && scripts/postgres.sh stop "$PG_DIR" || true
  [ -n "${E2E_DIR:-}" ] && rm -rf "$E2E_DIR" || true
}
trap cleanup EXIT

step "PostgreSQL sur la boucle locale"
eval "$(scripts/postgres.sh start)"
export TEST_POSTGRES_URL
echo "PostgreSQL : $TEST_POSTGRES_URL"

step "Format"
cargo fmt --all --check

step "Clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Tests Rust (SQLite et PostgreSQL)"
cargo test --workspace --locked

step "Commande de lancement du README (profil de test), serveur des tests navigateur"
# The README's run command, read from the README itself and typed as a newcomer would, in
# the test profile (without --release) so that it reuses the build of the Rust suite. The
# environment points it at a fresh database and a free port; the browser suite then runs
# against it. If the command stops working, CI fails here.
run_cmd=$(awk '/^## Run it/ { section = 1 } section && /^```sh/ { getline; print; exit }' README.md)
case "$run_cmd" in
  "cargo run"*) ;;
  *) echo "README : commande de lancement introuvable sous « ## Run it » (lu : « $run_cmd »)"; exit 1 ;;
esac
run_cmd=${run_cmd/ --release/}
echo "Commande : $run_cmd"
E2E_DIR=$(mktemp -d /tmp/alliances-e2e.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
env -u TEST_POSTGRES_URL ALLIANCES_DATABASE_URL="sqlite://$E2E_DIR/e2e.db" ALLIANCES_BIND="127.0.0.1:$port" \
  ALLIANCES_RATE_LIMIT=off ALLIANCES_LOG_REQUESTS=false \
  setsid bash -c "exec $run_cmd" >"$E2E_DIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 3000); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$E2E_DIR/server.log"; exit 1; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { echo "le serveur n'est pas prêt"; cat "$E2E_DIR/server.log"; exit 1; }
grep -E "Compiling|Finished|Running" "$E2E_DIR/server.log" || true

step "Premier administrateur (alliances utilisateurs creer), pour les tests navigateur"
E2E_ADMIN_EMAIL=admin-e2e@exemple.fr
E2E_ADMIN_PASSWORD='phrase de passe administrateur e2e'
echo "$E2E_ADMIN_PASSWORD" | target/debug/alliances utilisateurs creer \
  --database "sqlite://$E2E_DIR/e2e.db" --courriel "$E2E_ADMIN_EMAIL" --role administrateur --pseudonyme "Administration e2e"
export E2E_ADMIN_EMAIL E2E_ADMIN_PASSWORD

step "Navigateur : playwright-core + axe"
(cd e2e && npm ci --no-audit --no-fund --loglevel=error && BASE_URL="http://127.0.0.1:$port" MAIL_DIR="$E2E_DIR/courriels" node --test --test-concurrency=1 tests/)

step "API : schemathesis contre /api/openapi.json"
# Against the same server (the browser suite has finished): every check, 30 examples per
# operation, a fixed seed (scripts/schemathesis.sh).
scripts/schemathesis.sh "http://127.0.0.1:$port"

step "Terminé"
