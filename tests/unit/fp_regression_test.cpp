// Floating-point regressions found by the random-instruction differential test against QEMU
// (scripts/randdiff.py --classes fp); each test names the case that showed the difference.
// Expected values follow the Armv8-M ARM pseudocode, worked out by hand.
#include "cpu/exec/fp_common.h"
#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

class FpRegression : public ExecTest {
 protected:
  void SetUp() override {
    h.core().set_fp_enabled(true);
    s().control |= 4;  // CONTROL.FPCA: an FP context is already active
  }
  static constexpr uint32_t kData = CpuHarness::kDataBase;
};

// FSTMDBX/FLDMIAX (VSTM/VLDM of doubles with an odd imm8): imm8 DIV 2 doublewords move, but the
// start address (decrement before) and the writeback use imm32 = imm8 * 4. Seed 1, cases 286 and
// 332 of `randdiff.py --classes fp --cases 500`.
TEST_F(FpRegression, OddImm8DoubleListMovesTheBaseByImm8Words) {
  for (unsigned i = 0; i < 14; ++i) s().s[i] = 0x1000 + i;
  r(7) = kData + 0x100;
  run({0xed27, 0x0b0f});  // fstmdbx r7!, {d0-d6}: imm8 = 15
  EXPECT_EQ(r(7), kData + 0x100 - 60);
  for (unsigned i = 0; i < 14; ++i) EXPECT_EQ(h.read32(kData + 0x100 - 60 + 4 * i), 0x1000 + i);
  EXPECT_EQ(h.read32(kData + 0x100 - 4), 0u);  // the fifteenth word is not written

  for (unsigned i = 0; i < 8; ++i) h.write32(kData + 0x200 + 4 * i, 0xa000 + i);
  r(14) = kData + 0x200;
  run({0xecbe, 0xcb09});  // fldmiax lr!, {d12-d15}: imm8 = 9
  EXPECT_EQ(r(14), kData + 0x200 + 36);
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(s().s[24 + i], 0xa000 + i);

  r(2) = kData + 0x300;
  run({0xed32, 0x2b05});  // fldmdbx r2!, {d2-d3}: imm8 = 5, start = base - 20
  EXPECT_EQ(r(2), kData + 0x300 - 20);
}

// Double-precision operands D16-D31 do not exist in M-profile: UNDEFINED, as QEMU has it. Before,
// such encodings wrote past S31 in the host (VCVT.F64 fixed-point with D = 1 crashed randgen).
TEST_F(FpRegression, DoubleRegistersAboveD15AreUndefined) {
  const uint32_t encodings[] = {
      0xeefe2be8,  // vcvt.s32.f64 d18, d18, #15 (D = 1)
      0xee710b02,  // vadd.f64 d16, d1, d2 (D = 1)
      0xee310b82,  // vadd.f64 d0, d17, d2 (N = 1)
      0xee310b22,  // vadd.f64 d0, d1, d18 (M = 1)
      0xeef00b40,  // vmov.f64 d16, d0
      0xeef70ac0,  // vcvt.f64.f32 d16, s0 (D = 1)
      0xeeb70be0,  // vcvt.f32.f64 s0, d16 (M = 1)
      0xedd10b00,  // vldr d16, [r1]
      0xee310b90,  // vmov.32 r0, d17[1] (N = 1)
      0xec410b30,  // vmov d16, r0, r1 (M = 1)
      0xeef00b00,  // vmov.f64 d16, #2.0
      0xeef80b40,  // vcvt.f64.u32 d16, s0
  };
  for (uint32_t raw : encodings) {
    cpu::DecodedInsn insn;
    ASSERT_EQ(decode(raw, insn), cpu::DecodeStatus::Ok) << std::hex << raw;
    EXPECT_EQ(insn.exec, cpu::exec::fp_undefined) << std::hex << raw << " " << insn.encoding->name;
  }
  const cpu::CpuState before = s();
  EXPECT_EQ(run_until_stop({0xeefe, 0x2be8}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  EXPECT_EQ(s().s, before.s);
  EXPECT_EQ(s().fpscr, before.fpscr);
  // The same encodings with D0-D15 still execute.
  cpu::DecodedInsn insn;
  ASSERT_EQ(decode(0xeebe2be8, insn), cpu::DecodeStatus::Ok);  // vcvt.s32.f64 d2, d2, #15
  EXPECT_NE(insn.exec, cpu::exec::fp_undefined);
  ASSERT_EQ(decode(0xee310b02, insn), cpu::DecodeStatus::Ok);  // vadd.f64 d0, d1, d2
  EXPECT_NE(insn.exec, cpu::exec::fp_undefined);
}

}  // namespace
}  // namespace minifvp::test
