#!/usr/bin/env bash
# Configures and builds minifvp (simulator, tests, firmware) in build/ (or $MINIFVP_BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MINIFVP_BUILD_DIR:-$root/build}"
"$root/scripts/install_deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMINIFVP_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
