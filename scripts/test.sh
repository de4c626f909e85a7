#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs every test: unit tests, firmware-in-the-loop
# tests, differential tests against QEMU, the GCC torture sample, the Python pipeline tests, and a
# sanitizer build of the unit tests. Prints one closing line "test.sh: N passed, M failed" where N
# and M count test steps' individual tests.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MINIFVP_BUILD_DIR:-$root/build}"
jobs="$(nproc)"
passed=0
failed=0
failed_steps=()

step() { echo; echo "=== $* ==="; }
record() {  # record NAME PASSED FAILED
  passed=$((passed + $2)); failed=$((failed + $3))
  if [ "$3" -ne 0 ]; then failed_steps+=("$1"); fi
}

step "install and build"
if ! "$root/scripts/build.sh"; then
  echo "test.sh: build failed"
  echo "test.sh: 0 passed, 1 failed"
  exit 1
fi

# ctest: unit tests, firmware tests, QEMU differential tests, CLI tests.
run_ctest() {  # run_ctest NAME BUILD_DIR [ctest args]
  local name="$1" dir="$2"; shift 2
  local log; log="$(mktemp)"
  (cd "$dir" && ctest --output-on-failure --timeout 600 -j"$jobs" "$@") 2>&1 | tee "$log"
  local summary total nfail
  summary="$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)"
  if [ -z "$summary" ]; then
    record "$name" 0 1
  else
    total="$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")"
    nfail="$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$summary")"
    record "$name" $((total - nfail)) "$nfail"
  fi
  rm -f "$log"
}

step "ctest (unit, firmware, differential, CLI)"
run_ctest ctest "$build"

if [ -d "$root/scripts/tests" ]; then
  step "Python pipeline tests"
  log="$(mktemp)"
  (cd "$root" && /usr/bin/python3 -m unittest discover -s scripts/tests -v) 2>&1 | tee "$log"
  ran="$(grep -E '^Ran [0-9]+ tests?' "$log" | sed -E 's/Ran ([0-9]+).*/\1/' | tail -1)"
  if grep -qE '^OK' "$log"; then record python "${ran:-0}" 0; else record python 0 1; fi
  rm -f "$log"
fi

if [ -x "$root/scripts/torture.py" ] && [ "${MINIFVP_SKIP_TORTURE:-0}" != 1 ]; then
  step "GCC torture conformance (deterministic sample)"
  if /usr/bin/python3 "$root/scripts/torture.py" --build "$build" --sample "${MINIFVP_TORTURE_SAMPLE:-150}" --seed 1 --jobs "$jobs"; then
    record torture 1 0
  else
    record torture 0 1
  fi
  step "GCC torture conformance, hard-float -O3 (FPU and vectorised MVE code; small sample)"
  if /usr/bin/python3 "$root/scripts/torture.py" --build "$build" --flavour hard-O3 --sample "${MINIFVP_TORTURE_HARD_SAMPLE:-40}" --seed 2 --jobs "$jobs"; then
    record torture-hard 1 0
  else
    record torture-hard 0 1
  fi
fi

if [ "${MINIFVP_SKIP_SANITIZE:-0}" != 1 ]; then
  step "sanitizer build (AddressSanitizer + UBSan) of the unit tests"
  san="$build-sanitize"
  if cmake -S "$root" -B "$san" -DCMAKE_BUILD_TYPE=Debug -DMINIFVP_SANITIZE=ON -DMINIFVP_FIRMWARE=OFF \
       -DMINIFVP_WERROR=ON >/dev/null && cmake --build "$san" -j"$jobs" --target minifvp_unit_tests minifvp; then
    # Every GoogleTest case; the script-driven tests (CLI, random differential) run in the main build.
    run_ctest sanitize "$san" -E '^(cli\.|randdiff|randgen|cycles\.)'
  else
    record sanitize 0 1
  fi
fi

echo
if [ ${#failed_steps[@]} -ne 0 ]; then
  echo "test.sh: failing steps: ${failed_steps[*]}"
fi
echo "test.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
