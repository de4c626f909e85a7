// A GoogleTest fixture for instruction tests: a bare core (CpuHarness) plus helpers to set the
// flags, run raw encodings and look at the row the decoder chose.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string_view>

#include "cpu/decode/decoder.h"
#include "cpu_test_harness.h"

namespace minifvp::test {

class ExecTest : public ::testing::Test {
 protected:
  cpu::CpuState& s() { return h.state(); }
  uint32_t& r(unsigned n) { return h.state().r[n]; }

  void set_nzcv(bool n, bool z, bool c, bool v) {
    s().n = n;
    s().z = z;
    s().c = c;
    s().v = v;
  }

  // Loads `code` at CpuHarness::kCodeBase and runs it to its end; fails the test on a stop.
  void run(std::initializer_list<uint16_t> code) {
    h.load(code);
    const cpu::StopReason reason = h.run();
    EXPECT_EQ(reason, cpu::StopReason::Limit) << "stopped early: " << h.core().last_fault().detail;
  }

  // Loads and runs `code`, expecting it to stop (fault); returns the reason.
  cpu::StopReason run_until_stop(std::initializer_list<uint16_t> code) {
    h.load(code);
    return h.run();
  }

  // Decodes one raw encoding (hw1 << 16 | hw2 for 32-bit ones).
  static cpu::DecodeStatus decode(uint32_t raw, cpu::DecodedInsn& insn) {
    const bool is32 = raw > 0xffff;
    return cpu::Decoder::instance().decode(raw, is32, insn);
  }
  static cpu::DecodeStatus decode_status(uint32_t raw) {
    cpu::DecodedInsn insn;
    return decode(raw, insn);
  }
  static std::string_view row_name(uint32_t raw) {
    cpu::DecodedInsn insn;
    decode(raw, insn);
    return insn.encoding == nullptr ? std::string_view("<none>") : insn.encoding->name;
  }

  CpuHarness h;
};

}  // namespace minifvp::test
