// Helpers for the MVE shift and saturate tests: a fixture with the FPU (and so MVE) enabled, Q
// registers filled from lane lists and read back by lane.
#pragma once

#include <initializer_list>

#include "cpu/exec/mve_common.h"
#include "exec_test_fixture.h"

namespace minifvp::test {

class MveTest : public ExecTest {
 protected:
  MveTest() { h.core().set_fp_enabled(true); }

  template <typename T>
  void set_q(unsigned q, std::initializer_list<T> lanes) {
    cpu::exec::mve::Vector v;
    unsigned i = 0;
    for (T lane : lanes) v.set_lane<T>(i++, lane);
    cpu::exec::mve::write_q(s(), q, v);
  }
  template <typename T>
  T lane(unsigned q, unsigned i) {
    return cpu::exec::mve::read_q(s(), q).lane<T>(i);
  }
  bool qc() { return (s().fpscr & cpu::exec::mve::kFpscrQc) != 0; }
  void clear_qc() { s().fpscr &= ~cpu::exec::mve::kFpscrQc; }
  // Runs one 32-bit encoding.
  void run32(uint32_t raw) { run({static_cast<uint16_t>(raw >> 16), static_cast<uint16_t>(raw)}); }
  // A VPT block of one instruction whose beats 0-1 (bytes 0-7) use P0 = `p0` and beats 2-3 too.
  void predicate(uint16_t p0) {
    s().vpr = (0b1000u << cpu::exec::mve::kVprMask01Shift) |
              (0b1000u << cpu::exec::mve::kVprMask23Shift) | p0;
  }
};

}  // namespace minifvp::test
