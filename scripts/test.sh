#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), unit and server tests on SQLite and
# PostgreSQL, the release front-end build, API contract fuzzing against the OpenAPI document, and
# the browser tests in headless Chromium.
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_node_packages
ensure_chromium
ensure_postgres
ensure_moto
ensure_schemathesis
cd "$ROOT"

say "cargo fmt --check"
cargo fmt --all -- --check
say "clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings
say "clippy (wasm32)"
cargo clippy -p motcua-web -p motcua-api --target wasm32-unknown-unknown --all-targets -- -D warnings
say "unit and server tests (SQLite and PostgreSQL)"
cargo test --workspace
build_front_end
say "size budget of the first screen"
node scripts/size-budget.mjs dist
cargo build -p motcua-server
say "API contract fuzzing (Schemathesis, 50 cases per operation and phase)"
python3 scripts/fuzz-api.py --examples 50
say "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/
