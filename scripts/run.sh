#!/usr/bin/env bash
# Runs the portal: embedded SQLite in ./data, the demo catalog, http://127.0.0.1:8080/.
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_node_packages
build_front_end
cd "$ROOT"
exec cargo run --release -p motcua-server -- serve --demo "$@"
