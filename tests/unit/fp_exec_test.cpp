// Floating-point instructions executed from their encodings (arm-none-eabi-as
// -march=armv8.1-m.main+mve.fp+fp.dp): register numbering, formats, FPSCR updates, VMRS to the
// APSR, moves, loads and stores, access control (NOCP) and the new-context FPSCR defaults.
// Expected values are worked out from the Armv8-M ARM pseudocode.
#include "cpu/exec/softfloat.h"
#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

namespace fpscr = cpu::fp::fpscr;

class FpExec : public ExecTest {
 protected:
  void SetUp() override {
    h.core().set_fp_enabled(true);
    s().control |= 4;  // CONTROL.FPCA: an FP context is already active
  }
  uint32_t& sreg(unsigned n) { return s().s[n]; }
  uint64_t dreg(unsigned n) { return s().s[2 * n] | (uint64_t{s().s[2 * n + 1]} << 32); }
  void set_dreg(unsigned n, uint64_t v) {
    s().s[2 * n] = static_cast<uint32_t>(v);
    s().s[2 * n + 1] = static_cast<uint32_t>(v >> 32);
  }
  uint32_t flags() { return s().fpscr & fpscr::kExceptionFlags; }
};

constexpr uint64_t kD1 = 0x3ff0000000000000u, kD2 = 0x4000000000000000u;

TEST_F(FpExec, VmovImmediateAllFormats) {
  run({0xeeb8, 0x1b04});  // vmov.f64 d1, #-2.5
  EXPECT_EQ(dreg(1), 0xc004000000000000u);
  sreg(3) = 0xffffffff;
  run({0xeef6, 0x1900});  // vmov.f16 s3, #0.5 (top half cleared)
  EXPECT_EQ(sreg(3), 0x00003800u);
  run({0xeef3, 0x2a0f});  // vmov.f32 s5, #31.0
  EXPECT_EQ(sreg(5), 0x41f80000u);
}

TEST_F(FpExec, ArithmeticRegisterNumbering) {
  set_dreg(0, kD1);
  set_dreg(1, kD2);
  run({0xee30, 0x2b01});                    // vadd.f64 d2, d0, d1
  EXPECT_EQ(dreg(2), 0x4008000000000000u);  // 3.0
  set_dreg(4, kD1);
  set_dreg(5, 0x4008000000000000u);
  run({0xee84, 0x3b05});  // vdiv.f64 d3, d4, d5 : 1/3
  EXPECT_EQ(dreg(3), 0x3fd5555555555555u);
  EXPECT_EQ(flags(), fpscr::kIXC);
  sreg(30) = 0x40800000;  // 4.0
  run({0xeef1, 0xfacf});  // vsqrt.f32 s31, s30
  EXPECT_EQ(sreg(31), 0x40000000u);
  // vsub.f16 s4, s5, s6 : 1.0 - 0.5; the top halves of the sources are ignored.
  sreg(5) = 0xabcd3c00;
  sreg(6) = 0x12343800;
  sreg(4) = 0xffffffff;
  run({0xee32, 0x29c3});
  EXPECT_EQ(sreg(4), 0x00003800u);
  // vnmul.f64 d1, d2, d3 : -(2 * 1/3 rounded)
  set_dreg(2, kD2);
  set_dreg(3, 0x3fd5555555555555u);
  run({0xee22, 0x1b43});
  EXPECT_EQ(dreg(1), 0xbfe5555555555555u);
}

TEST_F(FpExec, FusedAndChainedAccumulate) {
  // vfnms.f32 s1, s2, s3 : s1 = -s1 + s2*s3 = -1 + 2*3 = 5
  sreg(1) = 0x3f800000;
  sreg(2) = 0x40000000;
  sreg(3) = 0x40400000;
  run({0xeed1, 0x0a21});
  EXPECT_EQ(sreg(1), 0x40a00000u);
  // vmla.f32 s0, s1, s2 : 1 + 5 * 2 = 11 ; vmls: 11 - 5*2 = 1 ; vnmla: -1 - 10 = -11;
  // vnmls: 11 - 10... (-(-11) + 10 = 21)
  sreg(0) = 0x3f800000;
  sreg(1) = 0x40a00000;
  sreg(2) = 0x40000000;
  run({0xee00, 0x0a81});  // vmla.f32 s0, s1, s2
  EXPECT_EQ(sreg(0), 0x41300000u);
  run({0xee00, 0x0ac1});  // vmls.f32 s0, s1, s2
  EXPECT_EQ(sreg(0), 0x3f800000u);
  run({0xee10, 0x0ac1});  // vnmla.f32 s0, s1, s2
  EXPECT_EQ(sreg(0), 0xc1300000u);
  run({0xee10, 0x0a81});  // vnmls.f32 s0, s1, s2 : 11 + 10
  EXPECT_EQ(sreg(0), 0x41a80000u);
  // vfma / vfms / vfnma on the same values: 21 + 10 = 31, 31 - 10 = 21, -21 - 10 = -31.
  run({0xeea0, 0x0a81});
  EXPECT_EQ(sreg(0), 0x41f80000u);
  run({0xeea0, 0x0ac1});
  EXPECT_EQ(sreg(0), 0x41a80000u);
  run({0xee90, 0x0ac1});
  EXPECT_EQ(sreg(0), 0xc1f80000u);
  // VFMS negates the NaN operand it takes (FPNeg(S[n])) before NaN selection.
  sreg(0) = 0x3f800000;
  sreg(1) = 0x7fc00005;
  run({0xeea0, 0x0ac1});  // vfms.f32 s0, s1, s2
  EXPECT_EQ(sreg(0), 0xffc00005u);
}

TEST_F(FpExec, CompareSetsFpscrAndVmrsCopiesToApsr) {
  sreg(1) = 0x3f800000;
  sreg(2) = 0x40000000;
  set_nzcv(false, false, false, false);
  run({0xeef4, 0x0a41, 0xeef1, 0xfa10});  // vcmp.f32 s1, s2 ; vmrs APSR_nzcv, fpscr
  EXPECT_EQ(s().fpscr >> 28, 0x8u);
  EXPECT_TRUE(s().n && !s().z && !s().c && !s().v);
  // Unordered: C and V; VCMP with a quiet NaN raises nothing.
  sreg(2) = 0x7fc00000;
  run({0xeef4, 0x0a41, 0xeef1, 0xfa10});
  EXPECT_TRUE(!s().n && !s().z && s().c && s().v);
  EXPECT_EQ(flags(), 0u);
  // vcmpe.f64 d1, #0 with d1 = NaN raises Invalid Operation.
  set_dreg(1, 0x7ff8000000000000u);
  run({0xeeb5, 0x1bc0});
  EXPECT_EQ(s().fpscr >> 28, 0x3u);
  EXPECT_EQ(flags(), fpscr::kIOC);
  // vcmpe.f64 d1, #0 with d1 = -0: equal.
  set_dreg(1, 0x8000000000000000u);
  run({0xeeb5, 0x1bc0});
  EXPECT_EQ(s().fpscr >> 28, 0x6u);
}

TEST_F(FpExec, HalfPrecisionInsertAndExtract) {
  sreg(2) = 0x11112222;
  sreg(3) = 0x33334444;
  run({0xfeb0, 0x1a61});  // vmovx.f16 s2, s3
  EXPECT_EQ(sreg(2), 0x00003333u);
  sreg(2) = 0x11112222;
  run({0xfeb0, 0x1ae1});  // vins.f16 s2, s3
  EXPECT_EQ(sreg(2), 0x44442222u);
}

TEST_F(FpExec, HalfConversionsKeepTheOtherHalf) {
  sreg(2) = 0x3c00abcd;   // top half 1.0
  run({0xeef2, 0x0ac1});  // vcvtt.f32.f16 s1, s2
  EXPECT_EQ(sreg(1), 0x3f800000u);
  sreg(3) = 0x12345678;
  sreg(4) = 0xc0000000;   // -2.0
  run({0xeef3, 0x1a42});  // vcvtb.f16.f32 s3, s4
  EXPECT_EQ(sreg(3), 0x1234c000u);
  // With FPSCR.AHP, 65536.0 converts to 0x7c00 (a normal number), not an overflow.
  s().fpscr |= fpscr::kAHP;
  sreg(4) = 0x47800000;
  run({0xeef3, 0x1a42});
  EXPECT_EQ(sreg(3), 0x12347c00u);
  EXPECT_EQ(flags(), 0u);
}

TEST_F(FpExec, IntegerAndFixedPointConversions) {
  // vcvtr.s32.f64 s1, d2 uses FPSCR rounding: 2.5 -> 2 (RN), 3 with RP.
  set_dreg(2, 0x4004000000000000u);
  run({0xeefd, 0x0b42});
  EXPECT_EQ(sreg(1), 2u);
  s().fpscr |= 1u << fpscr::kRModeShift;  // RP
  run({0xeefd, 0x0b42});
  EXPECT_EQ(sreg(1), 3u);
  // vcvt.s32.f32 (round towards zero regardless of FPSCR): -2.5 -> -2.
  sreg(1) = 0xc0200000;
  run({0xeebd, 0x0ae0});  // vcvt.s32.f32 s0, s1
  EXPECT_EQ(sreg(0), 0xfffffffeu);
  // vcvt.f64.u32 d1, s1
  sreg(1) = 0xffffffff;
  run({0xeeb8, 0x1b60});
  EXPECT_EQ(dreg(1), 0x41efffffffe00000u);
  // vcvt.u16.f64 d1, d1, #16 : 0.5 -> 0x8000, zero-extended to 64 bits.
  set_dreg(1, 0x3fe0000000000000u);
  run({0xeebf, 0x1b40});
  EXPECT_EQ(dreg(1), 0x8000u);
  // vcvt.s32.f32 s1, s1, #1 : -3.25 * 2 = -6.5 -> -6 (towards zero), inexact.
  s().fpscr &= ~fpscr::kExceptionFlags;
  sreg(1) = 0xc0500000;
  run({0xeefe, 0x0aef});
  EXPECT_EQ(sreg(1), 0xfffffffau);
  EXPECT_EQ(flags(), fpscr::kIXC);
  // vcvt.f32.s16 s0, s0, #3 : the low 16 bits 0xfff8 are -1.0 (sign-extended from 16 bits).
  sreg(0) = 0x7777fff8;
  run({0xeeba, 0x0a66});
  EXPECT_EQ(sreg(0), 0xbf800000u);
  // vcvta.s32.f32 s0, s1 : 2.5 -> 3 (ties away); vcvtm.s32.f32 -> 2
  sreg(1) = 0x40200000;
  run({0xfebc, 0x0ae0});
  EXPECT_EQ(sreg(0), 3u);
  run({0xfebf, 0x0ae0});
  EXPECT_EQ(sreg(0), 2u);
  // vcvt.f64.f32 d0, s1 and back: vcvt.f32.f64 s0, d1
  run({0xeeb7, 0x0ae0});
  EXPECT_EQ(dreg(0), 0x4004000000000000u);
  set_dreg(1, 0x4004000000000000u);
  run({0xeeb7, 0x0bc1});
  EXPECT_EQ(sreg(0), 0x40200000u);
}

TEST_F(FpExec, FixedToHalfTakesAThirtyTwoBitSource) {
  // vcvt.f16.s32 s2, s2, #9 : 0x0031d230 / 2^9 = 6377.09375 -> 6376 (half spacing 4 at 2^12),
  // inexact; the result clears the top half.
  sreg(2) = 0x0031d230;
  run({0xeeba, 0x19eb});
  EXPECT_EQ(sreg(2), 0x00006e3au);
  EXPECT_EQ(flags(), fpscr::kIXC);
}

TEST_F(FpExec, ConditionalExecutionInsideAnItBlock) {
  sreg(0) = 0;
  sreg(1) = 0x3f800000;
  sreg(2) = 0x3f800000;
  set_nzcv(false, false, false, false);
  run({0xbf08, 0xee30, 0x0a81});  // it eq ; vaddeq.f32 s0, s1, s2 : not executed
  EXPECT_EQ(sreg(0), 0u);
  set_nzcv(false, true, false, false);
  run({0xbf08, 0xee30, 0x0a81});
  EXPECT_EQ(sreg(0), 0x40000000u);
}

TEST_F(FpExec, DoubleHalfConversions) {
  // vcvtb.f16.f64 s0, d1 : 1 + 2^-11 + 2^-32 (above the half) rounds up to 1 + 2^-10 = 0x3c01,
  // inexact.
  sreg(0) = 0xaaaa0000;
  set_dreg(1, 0x3ff0020000100000u);
  run({0xeeb3, 0x0b41});
  EXPECT_EQ(sreg(0), 0xaaaa3c01u);
  EXPECT_EQ(flags(), fpscr::kIXC);
  // vcvtt.f64.f16 d0, s2 : top half 0xfc00 (-inf) -> -inf.
  sreg(2) = 0xfc001234;
  run({0xeeb2, 0x0bc1});
  EXPECT_EQ(dreg(0), 0xfff0000000000000u);
}

TEST_F(FpExec, RoundToIntegralForms) {
  set_dreg(2, 0xc004000000000000u);  // -2.5
  run({0xfebb, 0x1b42});             // vrintm.f64 d1, d2
  EXPECT_EQ(dreg(1), 0xc008000000000000u);
  // vrintx.f16 s1, s2 : 1.5 -> 2.0 (RN) with Inexact.
  sreg(2) = 0x3e00;
  run({0xeef7, 0x0941});
  EXPECT_EQ(sreg(1), 0x4000u);
  EXPECT_EQ(flags(), fpscr::kIXC);
  // vrintz.f32 s0, s1 : no Inexact.
  s().fpscr &= ~fpscr::kExceptionFlags;
  sreg(1) = 0x3fc00000;  // 1.5
  run({0xeeb6, 0x0ae0});
  EXPECT_EQ(sreg(0), 0x3f800000u);
  EXPECT_EQ(flags(), 0u);
}

TEST_F(FpExec, SelectAndMinMax) {
  sreg(2) = 1;
  sreg(3) = 2;
  set_nzcv(true, false, false, true);  // N == V: GE holds
  run({0xfe61, 0x0a21});               // vselge.f32 s1, s2, s3
  EXPECT_EQ(sreg(1), 1u);
  set_nzcv(true, false, false, false);
  run({0xfe61, 0x0a21});
  EXPECT_EQ(sreg(1), 2u);
  // vminnm.f16 s1, s2, s3 with a quiet NaN in s2: the number wins.
  sreg(2) = 0x7e00;
  sreg(3) = 0xbc00;
  run({0xfec1, 0x0961});
  EXPECT_EQ(sreg(1), 0xbc00u);
  EXPECT_EQ(flags(), 0u);
}

TEST_F(FpExec, UnconditionalInstructionsAreUndefinedInsideAnItBlock) {
  // it eq ; vselge.f32 s1, s2, s3 (the condition holds, so the VSEL executes)
  set_nzcv(false, true, false, false);
  EXPECT_EQ(run_until_stop({0xbf08, 0xfe61, 0x0a21}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
}

TEST_F(FpExec, CoreRegisterTransfers) {
  set_dreg(7, 0x1122334455667788u);
  run({0xec53, 0x2b17});  // vmov r2, r3, d7
  EXPECT_EQ(r(2), 0x55667788u);
  EXPECT_EQ(r(3), 0x11223344u);
  r(2) = 0xaaaaaaaa;
  r(3) = 0xbbbbbbbb;
  run({0xec43, 0x2b17});  // vmov d7, r2, r3
  EXPECT_EQ(dreg(7), 0xbbbbbbbbaaaaaaaau);
  set_dreg(3, 0x0000000100000002u);
  run({0xee13, 0x5b10});  // vmov.32 r5, d3[0]
  EXPECT_EQ(r(5), 2u);
  r(1) = 0xdeadbeef;
  run({0xee20, 0x1b10});  // vmov.32 d0[1], r1
  EXPECT_EQ(sreg(1), 0xdeadbeefu);
  r(4) = 0xcafef00d;
  run({0xee0f, 0x4a90});  // vmov s31, r4
  EXPECT_EQ(sreg(31), 0xcafef00du);
  sreg(30) = 7;
  run({0xec55, 0x4a1f});  // vmov r4, r5, s30, s31
  EXPECT_EQ(r(4), 7u);
  EXPECT_EQ(r(5), 0xcafef00du);
  r(1) = 0x12345678;
  run({0xee00, 0x1910});  // vmov.f16 s0, r1
  EXPECT_EQ(sreg(0), 0x5678u);
  sreg(0) = 0xffff8001;
  run({0xee10, 0x1910});  // vmov.f16 r1, s0
  EXPECT_EQ(r(1), 0x8001u);
}

TEST_F(FpExec, SystemRegisterTransfers) {
  r(1) = 0xffffffff;
  run({0xeee1, 0x1a10});                   // vmsr fpscr, r1
  EXPECT_EQ(s().fpscr, fpscr::kWritable);  // LTPSIZE is writable with MVE
  run({0xeef2, 0x3a10});                   // vmrs r3, fpscr_nzcvqc
  EXPECT_EQ(r(3), 0xf8000000u);
  r(1) = 0;
  run({0xeee2, 0x1a10});  // vmsr fpscr_nzcvqc, r1
  EXPECT_EQ(s().fpscr, fpscr::kWritable & ~0xf8000000u);
  s().vpr = 0x00ab0000;
  r(2) = 0x1234ffff;
  run({0xeeed, 0x2a10});  // vmsr p0, r2
  EXPECT_EQ(s().vpr, 0x00abffffu);
  run({0xeefc, 0x1a10});  // vmrs r1, vpr
  EXPECT_EQ(r(1), 0x00abffffu);
  run({0xeefd, 0x1a10});  // vmrs r1, p0
  EXPECT_EQ(r(1), 0xffffu);
}

TEST_F(FpExec, VmrsFpexcIsUndefined) {
  EXPECT_EQ(run_until_stop({0xeef8, 0x1a10}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
}

TEST_F(FpExec, LoadsAndStores) {
  constexpr uint32_t kData = CpuHarness::kDataBase;
  // vldr s2, [pc, #8] at kCodeBase: Align(PC, 4) + 8 = kCodeBase + 12.
  h.write32(CpuHarness::kCodeBase + 12, 0x40490fdb);
  run({0xed9f, 0x1a02});
  EXPECT_EQ(sreg(2), 0x40490fdbu);
  // vldr.16 s2, [r1, #-6]
  r(1) = kData + 6;
  h.write(kData, 2, 0xbeef);
  run({0xed11, 0x1903});
  EXPECT_EQ(sreg(2), 0xbeefu);
  // vstr d5, [r1, #1020]
  r(1) = kData;
  set_dreg(5, 0x0123456789abcdefu);
  run({0xed81, 0x5bff});
  EXPECT_EQ(h.read32(kData + 1020), 0x89abcdefu);
  EXPECT_EQ(h.read32(kData + 1024), 0x01234567u);
  // vpush {s0-s31} ; vpop {d0-d15} round trip through the stack.
  for (unsigned i = 0; i < 32; ++i) sreg(i) = 0x100 + i;
  r(13) = kData + 0x800;
  run({0xed2d, 0x0a20});
  EXPECT_EQ(r(13), kData + 0x800 - 128);
  EXPECT_EQ(h.read32(kData + 0x800 - 128), 0x100u);
  EXPECT_EQ(h.read32(kData + 0x800 - 4), 0x11fu);
  for (unsigned i = 0; i < 32; ++i) sreg(i) = 0;
  run({0xecbd, 0x0b20});
  EXPECT_EQ(r(13), kData + 0x800);
  EXPECT_EQ(dreg(15), 0x0000011f0000011eu);
  // vstmia r1!, {d14-d15}
  r(1) = kData + 0x100;
  run({0xeca1, 0xeb04});
  EXPECT_EQ(r(1), kData + 0x110);
  EXPECT_EQ(h.read32(kData + 0x100), 0x11cu);
  // Unaligned VLDR faults (MemA).
  r(1) = kData + 2;
  EXPECT_EQ(run_until_stop({0xed91, 0x0a01}), cpu::StopReason::Fault);  // vldr s0, [r1, #4]
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::Unaligned);
}

TEST_F(FpExec, SystemRegisterLoadsAndStores) {
  constexpr uint32_t kData = CpuHarness::kDataBase;
  s().vpr = 0x00123456;
  r(13) = kData + 0x40;
  run({0xed6d, 0x8f81});  // vstr VPR, [sp, #-4]!
  EXPECT_EQ(r(13), kData + 0x3c);
  EXPECT_EQ(h.read32(kData + 0x3c), 0x00123456u);
  r(1) = kData + 0x48;
  h.write32(kData + 0x40, 0xffff0001);
  run({0xed51, 0xaf82});  // vldr P0, [r1, #-8]
  EXPECT_EQ(s().vpr, 0x00120001u);
  // vldr FPSCR, [r1, #4]
  r(1) = kData;
  h.write32(kData + 4, 0x03c40000);  // DN, FZ, RMode = RZ, LTPSIZE = 4
  run({0xed91, 0x2f81});
  EXPECT_EQ(s().fpscr, 0x03c40000u);
  // FPCXT_NS (Security Extension context) is UNDEFINED here.
  EXPECT_EQ(run_until_stop({0xedd1, 0xcf80}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
}

TEST_F(FpExec, DisabledFpuRaisesNocpEvenForUndefinedEncodings) {
  h.core().set_fp_enabled(false);
  EXPECT_EQ(run_until_stop({0xee30, 0x0a81}), cpu::StopReason::Fault);  // vadd.f32
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
  EXPECT_EQ(run_until_stop({0xeef8, 0x1a10}), cpu::StopReason::Fault);  // vmrs r1, fpexc
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
  // vadd with size '00' (coprocessor 8): UNDEFINED, but NOCP first.
  EXPECT_EQ(run_until_stop({0xee30, 0x0881}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
  h.core().set_fp_enabled(true);
  EXPECT_EQ(run_until_stop({0xee30, 0x0881}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
}

TEST_F(FpExec, PrivilegedOnlyAccess) {
  h.core().set_fp_access(true, false);
  s().control |= 1;  // unprivileged Thread mode
  EXPECT_EQ(run_until_stop({0xee30, 0x0a81}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
  s().ipsr = 3;  // Handler mode is privileged
  sreg(1) = 0x3f800000;
  sreg(2) = 0x3f800000;
  run({0xee30, 0x0a81});
  EXPECT_EQ(sreg(0), 0x40000000u);
}

TEST_F(FpExec, NewContextTakesFpscrDefaultsAndSetsFpca) {
  s().control &= ~4u;
  s().fpscr = (3u << fpscr::kRModeShift) | fpscr::kIXC | fpscr::kResetValue;
  h.core().set_fp_context_control(true, fpscr::kDN);
  sreg(1) = 0x7f800001;   // signalling NaN
  run({0xeeb0, 0x0a60});  // vmov.f32 s0, s1 (copies, no NaN processing)
  EXPECT_EQ(s().control & 4, 4u);
  // FPSCR = FPDSCR: RMode and the other control fields from FPDSCR, the flags cleared.
  EXPECT_EQ(s().fpscr, fpscr::kDN | fpscr::kResetValue);
  EXPECT_EQ(sreg(0), 0x7f800001u);
  // With FPCA set, FPSCR is left alone.
  s().fpscr = fpscr::kFZ;
  run({0xeeb0, 0x0a60});
  EXPECT_EQ(s().fpscr, fpscr::kFZ);
}

}  // namespace
}  // namespace minifvp::test
