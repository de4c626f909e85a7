// The base fixture of every MVE instruction test (tests/unit/mve_*_test.cpp): a bare core with
// the FPU (and so MVE) enabled and an FP context already active (CONTROL.FPCA), so that the VPR and
// FPSCR values a test sets survive the first vector instruction (a new context would reset FPSCR
// from FPDSCR and clear VPR); Q register lanes; FPSCR.QC; a one-instruction VPT block.
// Each instruction family's fixture derives from it and adds its own helpers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <ios>

#include "cpu/exec/mve_common.h"
#include "exec_test_fixture.h"

namespace minifvp::test {

class MveFixture : public ExecTest {
 protected:
  MveFixture() {
    h.core().set_fp_enabled(true);
    s().control |= cpu::exec::kControlFpca;
  }

  // Runs one 32-bit encoding (first halfword in bits [31:16]).
  void exec32(uint32_t raw) { run({static_cast<uint16_t>(raw >> 16), static_cast<uint16_t>(raw)}); }

  template <typename T>
  T lane(unsigned q, unsigned i) {
    return cpu::exec::mve::read_q(s(), q).lane<T>(i);
  }
  template <typename T>
  void set_lane(unsigned q, unsigned i, T value) {
    cpu::exec::mve::Vector v = cpu::exec::mve::read_q(s(), q);
    v.set_lane<T>(i, value);
    cpu::exec::mve::write_q(s(), q, v);
  }
  // Q[q] from its lanes, first lane first (missing lanes become zero).
  template <typename T>
  void set_q_lanes(unsigned q, std::initializer_list<T> lanes) {
    cpu::exec::mve::Vector v;
    unsigned i = 0;
    for (T value : lanes) v.set_lane<T>(i++, value);
    cpu::exec::mve::write_q(s(), q, v);
  }

  bool qc() { return (s().fpscr & cpu::exec::mve::kFpscrQc) != 0; }
  void clear_qc() { s().fpscr &= ~cpu::exec::mve::kFpscrQc; }

  // Every example of `rows` (entries with .raw and .name) decodes to its row with a real execute
  // function, and every encoding of `undefined` decodes to exec::fp_undefined (so a disabled FPU
  // reports NOCP before UNDEFINSTR).
  template <typename Rows, typename Encodings>
  static void expect_rows_decode(const Rows& rows, const Encodings& undefined) {
    for (const auto& row : rows) {
      EXPECT_EQ(row_name(row.raw), row.name) << std::hex << row.raw;
      cpu::DecodedInsn insn;
      EXPECT_EQ(decode(row.raw, insn), cpu::DecodeStatus::Ok);
      EXPECT_NE(insn.exec, cpu::exec::fp_undefined) << std::hex << row.raw;
    }
    for (uint32_t raw : undefined) {
      cpu::DecodedInsn insn;
      EXPECT_EQ(decode(raw, insn), cpu::DecodeStatus::Ok) << std::hex << raw;
      EXPECT_EQ(insn.exec, cpu::exec::fp_undefined) << std::hex << raw;
    }
  }

  // A VPT block of one instruction with VPR.P0 = `p0` (bit i = byte i) for all four beats.
  void predicate(uint16_t p0) {
    s().vpr = (0b1000u << cpu::exec::mve::kVprMask01Shift) |
              (0b1000u << cpu::exec::mve::kVprMask23Shift) | p0;
  }
};

}  // namespace minifvp::test
