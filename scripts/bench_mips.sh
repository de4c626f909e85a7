#!/usr/bin/env bash
# Guest MIPS of minifvp on the CPU-bound firmware benchmarks: firmware/apps/bench_cpu (scalar
# integer code) and firmware/apps/bench_mve (MVE/Helium int8 and float kernels). Runs each ELF
# with --stat, takes the retired-instruction count from minifvp's statistics ("... (N Inst)") and
# divides by the host wall-clock time of the run. Also checks that each benchmark's checksum
# matches QEMU's (when qemu-system-arm is installed) and reports QEMU's wall-clock time for
# comparison.
#
# usage: scripts/bench_mips.sh [build-dir] [runs] [benchmark...]
#        (defaults: build, 3, "bench_cpu bench_mve"; the best run is reported)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
runs="${2:-3}"
shift $(($# < 2 ? $# : 2))
benchmarks=("$@")
[ ${#benchmarks[@]} -gt 0 ] || benchmarks=(bench_cpu bench_mve)
minifvp="$build/minifvp"

now() { date +%s.%N; }

# measure NAME: prints the benchmark's MIPS lines; fails on a simulator failure or a checksum that
# differs from QEMU's.
measure() {
  local name="$1"
  local elf="$build/firmware/cross/apps/$name/$name.elf"
  for f in "$minifvp" "$elf"; do
    [ -e "$f" ] || { echo "bench_mips: $f is missing (build with MINIFVP_FIRMWARE=ON)" >&2; return 1; }
  done
  local best_seconds="" best_output="" output start end seconds
  for ((i = 0; i < runs; i++)); do
    start=$(now)
    output="$("$minifvp" --stat "$elf" </dev/null 2>&1)" || {
      echo "bench_mips: minifvp failed on $name:"; echo "$output" | tail -20; return 1; }
    end=$(now)
    seconds=$(echo "$end - $start" | bc -l)
    if [ -z "$best_seconds" ] || (( $(echo "$seconds < $best_seconds" | bc -l) )); then
      best_seconds=$seconds
      best_output=$output
    fi
  done

  local checksum instructions
  checksum=$(echo "$best_output" | grep -o "$name checksum 0x[0-9a-f]*" || true)
  instructions=$(echo "$best_output" | grep -oE '\(\s*[0-9]+ Inst\)' | grep -oE '[0-9]+' | head -1 || true)
  echo "== $name"
  echo "minifvp: $checksum, wall $(printf '%.3f' "$best_seconds") s (best of $runs)"
  if [ -n "$instructions" ]; then
    echo "guest instructions: $instructions"
    echo "guest MIPS: $(echo "$instructions / $best_seconds / 1000000" | bc -l | xargs printf '%.1f')"
  else
    echo "guest MIPS: unknown (minifvp --stat printed no '(N Inst)' count)"
  fi

  if command -v qemu-system-arm >/dev/null; then
    local qemu_output qemu_checksum
    start=$(now)
    qemu_output=$(qemu-system-arm -M mps3-an547 -nographic -serial stdio -monitor none \
      -semihosting-config enable=on,target=native -kernel "$elf" </dev/null | tr -d '\r')
    end=$(now)
    qemu_checksum=$(echo "$qemu_output" | grep -o "$name checksum 0x[0-9a-f]*" || true)
    echo "qemu: $qemu_checksum, wall $(echo "$end - $start" | bc -l | xargs printf '%.3f') s"
    if [ "$qemu_checksum" != "$checksum" ]; then
      echo "bench_mips: $name checksum differs from QEMU's" >&2
      return 1
    fi
  fi
}

status=0
for name in "${benchmarks[@]}"; do
  measure "$name" || status=1
done
exit $status
