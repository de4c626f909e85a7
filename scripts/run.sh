#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running game: installs what is missing, builds
# the simulator and the firmware, then starts the firmware on minifvp with UART0 on this terminal.
# Extra arguments go to minifvp (e.g. scripts/run.sh --stats).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MINIFVP_BUILD_DIR:-$root/build}"
"$root/scripts/build.sh"

app=""
for candidate in rps hello; do
  found="$(find "$build/firmware" -name "$candidate.elf" -print -quit 2>/dev/null || true)"
  if [ -n "$found" ]; then app="$found"; break; fi
done
if [ -z "$app" ]; then
  echo "run.sh: no firmware found under $build/firmware" >&2
  exit 1
fi
if [ -t 0 ]; then
  echo "run.sh: starting $(basename "$app") on minifvp (Ctrl-] quits)" >&2
fi
exec "$build/minifvp" "$@" "$app"
