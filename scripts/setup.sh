# Installs what the portal needs and is missing; sourced by run.sh and test.sh.
# Each step checks first, so a second run installs nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
TRUNK_VERSION=0.21.14
SCHEMATHESIS_VERSION=4.32.5
MOTO_VERSION=5.1.22

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing Trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# wasm-bindgen-cli must be exactly the version Cargo.lock resolved for the wasm-bindgen crate.
ensure_wasm_bindgen() {
  local version
  version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$ROOT/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
    say "installing wasm-bindgen-cli $version"
    # Not --locked: its locked set asks for a crate version the registry does not serve.
    cargo install wasm-bindgen-cli --version "$version"
  fi
}

# wasm-opt (npm binaryen) and the browser-test libraries, pinned by package-lock.json.
ensure_node_packages() {
  if ! (cd "$ROOT" && npm ls --depth=0 >/dev/null 2>&1); then
    say "installing npm packages (wasm-opt, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and chromedriver"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

# moto's S3-compatible server, for the tests of attachments in a bucket, in the project's venv.
ensure_moto() {
  if ! "$ROOT/.venv/bin/python" -c "import moto; assert moto.__version__ == '$MOTO_VERSION'" 2>/dev/null ||
     [ ! -x "$ROOT/.venv/bin/moto_server" ]; then
    say "installing moto $MOTO_VERSION (an S3-compatible server for the tests) into .venv"
    [ -x "$ROOT/.venv/bin/pip" ] || python3 -m venv "$ROOT/.venv"
    "$ROOT/.venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
  fi
}

# Schemathesis for the API contract fuzzing (scripts/fuzz-api.py), in the project's own venv.
ensure_schemathesis() {
  if [ "$("$ROOT/.venv/bin/schemathesis" --version 2>/dev/null)" != "schemathesis, version $SCHEMATHESIS_VERSION" ]; then
    say "installing Schemathesis $SCHEMATHESIS_VERSION into .venv"
    [ -x "$ROOT/.venv/bin/pip" ] || python3 -m venv "$ROOT/.venv"
    "$ROOT/.venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
}

ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
    echo "PostgreSQL did not start" >&2
    return 1
  fi
}

# One page and Wasm per front-end app (`motcua_api::area`): the home page is `index.html`, the
# others are `app.html` with the app's name put in. Trunk empties its dist before each build, so
# the other apps are built beside it and copied in.
build_front_end() {
  say "building the front-end into dist/"
  (
    cd "$ROOT"
    trunk build index.html --release --offline
    for app in catalog filing services staff; do
      sed "s/{app}/$app/g" app.html > ".page-$app.html"
      trunk build ".page-$app.html" --release --offline --html-output "$app.html" --dist "target/front-end/$app"
      rm ".page-$app.html"
      cp -r "target/front-end/$app/." dist/
    done
    node scripts/prefetch.mjs dist
    node scripts/pwa.mjs dist
    node scripts/precompress.mjs dist
  )
}
