// 16-bit data-processing encodings, run from raw encodings (taken from arm-none-eabi-as output).
// Expected values are worked out from the Armv8-M ARM pseudocode (Shift_C, AddWithCarry, ...).
#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

using DpT16 = ExecTest;

TEST_F(DpT16, LslImmediateCarryIsLastBitShiftedOut) {
  r(1) = 0x80000001;
  set_nzcv(false, false, false, false);
  run({0x0048});  // lsls r0, r1, #1
  EXPECT_EQ(r(0), 0x00000002u);
  EXPECT_TRUE(s().c);
  EXPECT_FALSE(s().n);
  EXPECT_FALSE(s().z);

  r(1) = 0x00000003;
  run({0x07c8});  // lsls r0, r1, #31
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_TRUE(s().c);  // bit 1 of r1
  EXPECT_TRUE(s().n);
}

TEST_F(DpT16, LsrAndAsrImmediateZeroEncodesThirtyTwo) {
  r(1) = 0x80000000;
  set_nzcv(false, false, false, false);
  run({0x0808});  // lsrs r0, r1, #32
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().z);

  r(1) = 1;
  set_nzcv(false, false, false, false);
  run({0x0848});  // lsrs r0, r1, #1
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().z);

  r(1) = 0x80000000;
  set_nzcv(false, false, false, false);
  run({0x1008});  // asrs r0, r1, #32
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().n);
}

TEST_F(DpT16, MovsRegisterKeepsCarry) {
  EXPECT_EQ(row_name(0x0008), "T16_MOV_reg_T2");
  EXPECT_EQ(row_name(0x0048), "T16_LSL_imm_T1");
  r(1) = 0;
  set_nzcv(true, false, true, true);
  run({0x0008});  // movs r0, r1
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_FALSE(s().n);
  EXPECT_TRUE(s().c);  // LSL #0: carry unchanged
  EXPECT_TRUE(s().v);  // V never touched
}

TEST_F(DpT16, RegisterShiftsUseTheBottomByte) {
  // LSL by 32 (0x120 & 0xff): result 0, carry = bit 0.
  r(0) = 0xffffffff;
  r(1) = 0x120;
  set_nzcv(false, false, false, false);
  run({0x4088});  // lsls r0, r1
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().z);

  // Amount 0 (0x100 & 0xff): value and carry unchanged; N and Z from the value.
  r(0) = 0x80000000;
  r(1) = 0x100;
  set_nzcv(false, true, true, false);
  run({0x4088});  // lsls r0, r1
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().n);
  EXPECT_FALSE(s().z);

  // LSR by 33: result 0, carry 0.
  r(0) = 0x80000000;
  r(1) = 33;
  set_nzcv(false, false, true, false);
  run({0x40c8});  // lsrs r0, r1
  EXPECT_EQ(r(0), 0u);
  EXPECT_FALSE(s().c);

  // ASR by 200: all sign bits, carry = sign.
  r(0) = 0x80000000;
  r(1) = 200;
  set_nzcv(false, false, false, false);
  run({0x4108});  // asrs r0, r1
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_TRUE(s().c);

  // ROR by 33 rotates by 1.
  r(0) = 1;
  r(1) = 33;
  set_nzcv(false, false, false, false);
  run({0x41c8});  // rors r0, r1
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_TRUE(s().c);

  // ROR by 32: value unchanged, carry = bit 31 (ROR_C with a multiple of 32).
  r(0) = 0x80000000;
  r(1) = 32;
  set_nzcv(false, false, false, false);
  run({0x41c8});  // rors r0, r1
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_TRUE(s().c);
}

TEST_F(DpT16, AddsSubsCarryAndOverflowBoundaries) {
  r(1) = 0x7fffffff;
  r(2) = 1;
  set_nzcv(false, false, true, false);
  run({0x1888});  // adds r0, r1, r2
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_TRUE(s().n);
  EXPECT_TRUE(s().v);
  EXPECT_FALSE(s().c);
  EXPECT_FALSE(s().z);

  r(1) = 0xffffffff;
  run({0x1888});  // adds r0, r1, r2
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);
  EXPECT_FALSE(s().v);

  r(1) = 0;
  run({0x1a88});  // subs r0, r1, r2 : 0 - 1
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_TRUE(s().n);
  EXPECT_FALSE(s().c);  // borrow
  EXPECT_FALSE(s().v);

  r(1) = 0x80000000;
  run({0x1a88});  // subs r0, r1, r2 : INT_MIN - 1
  EXPECT_EQ(r(0), 0x7fffffffu);
  EXPECT_TRUE(s().v);
  EXPECT_TRUE(s().c);

  r(1) = 7;
  run({0x1fc8});  // subs r0, r1, #7
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);

  r(0) = 0xffffff01;
  run({0x30ff});  // adds r0, #255
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);
}

TEST_F(DpT16, CompareImmediateAndMoveImmediate) {
  r(0) = 5;
  run({0x2805});  // cmp r0, #5
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);
  EXPECT_EQ(r(0), 5u);

  r(0) = 4;
  run({0x2805});  // cmp r0, #5
  EXPECT_TRUE(s().n);
  EXPECT_FALSE(s().c);
  EXPECT_FALSE(s().z);

  set_nzcv(true, true, true, true);
  run({0x2080});  // movs r0, #0x80
  EXPECT_EQ(r(0), 0x80u);
  EXPECT_FALSE(s().n);
  EXPECT_FALSE(s().z);
  EXPECT_TRUE(s().c);  // unchanged
  EXPECT_TRUE(s().v);
}

TEST_F(DpT16, AdcSbcUseTheCarry) {
  r(0) = 0xffffffff;
  r(1) = 0;
  set_nzcv(false, false, true, false);
  run({0x4148});  // adcs r0, r1
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().z);

  r(0) = 5;
  r(1) = 5;
  set_nzcv(false, false, false, false);
  run({0x4188});  // sbcs r0, r1 : 5 - 5 - 1
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_FALSE(s().c);
  EXPECT_TRUE(s().n);

  r(0) = 5;
  set_nzcv(false, false, true, false);
  run({0x4188});  // sbcs r0, r1 : 5 - 5 - 0
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().z);
}

TEST_F(DpT16, NegateIsRsbFromZero) {
  r(1) = 1;
  run({0x4248});  // rsbs r0, r1, #0
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_FALSE(s().c);
  EXPECT_TRUE(s().n);

  r(1) = 0;
  run({0x4248});
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().z);

  r(1) = 0x80000000;
  run({0x4248});
  EXPECT_EQ(r(0), 0x80000000u);
  EXPECT_TRUE(s().v);
  EXPECT_FALSE(s().c);
}

TEST_F(DpT16, CmnAndTst) {
  r(0) = 0x80000000;
  r(1) = 0x80000000;
  set_nzcv(false, false, false, false);
  run({0x42c8});  // cmn r0, r1
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().v);
  EXPECT_EQ(r(0), 0x80000000u);

  r(0) = 0xf0;
  r(1) = 0x0f;
  set_nzcv(true, false, true, true);
  run({0x4208});  // tst r0, r1
  EXPECT_TRUE(s().z);
  EXPECT_FALSE(s().n);
  EXPECT_TRUE(s().c);  // shifter carry of LSL #0 is the old carry
  EXPECT_TRUE(s().v);
  EXPECT_EQ(r(0), 0xf0u);
}

TEST_F(DpT16, LogicalRegisterOps) {
  r(0) = 0xff00ff00;
  r(1) = 0xf0f0f0f0;
  run({0x4008});  // ands r0, r1
  EXPECT_EQ(r(0), 0xf000f000u);
  EXPECT_TRUE(s().n);

  r(0) = 0xff00ff00;
  run({0x4048});  // eors r0, r1
  EXPECT_EQ(r(0), 0x0ff00ff0u);
  EXPECT_FALSE(s().n);

  r(0) = 0x0000000f;
  run({0x4308});  // orrs r0, r1
  EXPECT_EQ(r(0), 0xf0f0f0ffu);

  r(0) = 0xffffffff;
  r(1) = 0x0000ffff;
  run({0x4388});  // bics r0, r1
  EXPECT_EQ(r(0), 0xffff0000u);

  r(1) = 0;
  run({0x43c8});  // mvns r0, r1
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_TRUE(s().n);
}

TEST_F(DpT16, MulsSetsOnlyNAndZ) {
  r(0) = 0x10000;
  r(1) = 0x10000;
  set_nzcv(true, false, true, true);
  run({0x4348});  // muls r0, r1, r0
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().z);
  EXPECT_FALSE(s().n);
  EXPECT_TRUE(s().c);
  EXPECT_TRUE(s().v);
}

TEST_F(DpT16, HighRegisterAddMovCmp) {
  r(8) = 1;
  r(1) = 2;
  set_nzcv(false, false, false, false);
  run({0x4488});  // add r8, r1
  EXPECT_EQ(r(8), 3u);
  EXPECT_FALSE(s().z);

  r(0) = 0;
  run({0x4478});  // add r0, pc : PC reads as this instruction + 4
  EXPECT_EQ(r(0), CpuHarness::kCodeBase + 4);

  r(13) = 0x8000;
  r(1) = 0x10;
  EXPECT_EQ(row_name(0x4469), "T16_ADD_SP_reg_T1");
  run({0x4469});  // add r1, sp, r1
  EXPECT_EQ(r(1), 0x8010u);

  r(2) = 0x100;
  run({0x4495});  // add sp, r2
  EXPECT_EQ(r(13), 0x8100u);

  r(0) = 0x12345678;
  run({0x4680});  // mov r8, r0
  EXPECT_EQ(r(8), 0x12345678u);

  r(0) = 0x2003;
  run({0x4685});  // mov sp, r0 : SP bits [1:0] are zero
  EXPECT_EQ(r(13), 0x2000u);

  r(8) = 3;
  r(0) = 3;
  set_nzcv(false, false, false, false);
  run({0x4580});  // cmp r8, r0
  EXPECT_TRUE(s().z);
  EXPECT_TRUE(s().c);
}

TEST_F(DpT16, MovToPcBranches) {
  r(0) = CpuHarness::kCodeBase + 4 + 1;  // bit 0 is ignored by ALUWritePC in Thumb
  // mov pc, r0; movs r1, #1; movs r2, #2
  run({0x4687, 0x2101, 0x2202});
  EXPECT_EQ(r(1), 0u);
  EXPECT_EQ(r(2), 2u);
}

TEST_F(DpT16, AdrAlignsThePc) {
  // At kCodeBase (word aligned): Align(0x1004, 4) + 8.
  run({0xa002});  // adr r0, #8
  EXPECT_EQ(r(0), CpuHarness::kCodeBase + 12);
  // At kCodeBase + 2: Align(0x1006, 4) + 8 is the same address.
  r(0) = 0;
  run({0x2700, 0xa002});  // movs r7, #0; adr r0, #8
  EXPECT_EQ(r(0), CpuHarness::kCodeBase + 12);
}

TEST_F(DpT16, StackPointerImmediates) {
  r(13) = 0x8000;
  run({0xa804});  // add r0, sp, #16
  EXPECT_EQ(r(0), 0x8010u);
  run({0xb002});  // add sp, #8
  EXPECT_EQ(r(13), 0x8008u);
  run({0xb082, 0xb082});  // sub sp, #8; sub sp, #8
  EXPECT_EQ(r(13), 0x7ff8u);
}

TEST_F(DpT16, SpBelowStackLimitFaults) {
  s().msplim = 0x7000;
  r(13) = 0x7004;
  EXPECT_EQ(run_until_stop({0xb082}), cpu::StopReason::Fault);  // sub sp, #8
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::StackOverflow);
  EXPECT_EQ(r(13), 0x7004u);  // SP not updated
  EXPECT_EQ(r(15), CpuHarness::kCodeBase);

  // Exactly at the limit is allowed.
  r(13) = 0x7008;
  run({0xb082});
  EXPECT_EQ(r(13), 0x7000u);
}

TEST_F(DpT16, ExtendAndReverse) {
  r(1) = 0x12345680;
  run({0xb248});  // sxtb r0, r1
  EXPECT_EQ(r(0), 0xffffff80u);
  run({0xb2c8});  // uxtb r0, r1
  EXPECT_EQ(r(0), 0x80u);
  run({0xb208});  // sxth r0, r1
  EXPECT_EQ(r(0), 0x5680u);
  r(1) = 0x1234f680;
  run({0xb208});  // sxth r0, r1
  EXPECT_EQ(r(0), 0xfffff680u);
  run({0xb288});  // uxth r0, r1
  EXPECT_EQ(r(0), 0xf680u);

  r(1) = 0x12345678;
  run({0xba08});  // rev r0, r1
  EXPECT_EQ(r(0), 0x78563412u);
  run({0xba48});  // rev16 r0, r1
  EXPECT_EQ(r(0), 0x34127856u);
  r(1) = 0x00001280;
  run({0xbac8});  // revsh r0, r1
  EXPECT_EQ(r(0), 0xffff8012u);
}

// The 16-bit forms set the flags only outside an IT block (setflags = !InITBlock()). ITSTATE is
// set directly here (EPSR.IT = EQ, one instruction), which does not need the IT encoding.
TEST_F(DpT16, FlagSettingFormsDoNotSetFlagsInsideItBlock) {
  r(1) = 0xffffffff;
  r(2) = 1;
  set_nzcv(false, true, false, false);
  s().it.bits = 0x08;     // IT EQ: firstcond 0000, mask 1000
  run({0x1888, 0x1888});  // adds r0, r1, r2 (inside); adds r0, r1, r2 (outside)
  EXPECT_EQ(r(0), 0u);
  EXPECT_TRUE(s().c);  // set by the second ADDS only
  EXPECT_EQ(s().it.bits, 0u);

  // Run only the instruction inside the block: flags stay as they were.
  set_nzcv(false, true, false, false);
  s().it.bits = 0x08;
  r(0) = 7;
  run({0x1888});
  EXPECT_EQ(r(0), 0u);
  EXPECT_FALSE(s().c);
  EXPECT_TRUE(s().z);
  EXPECT_FALSE(s().n);
}

// The same through a real IT instruction: ITT EQ; MOVEQ r0, #1; ADDEQ r0, #1; then MOVS outside.
TEST_F(DpT16, FlagSettingFormsInsideRealItInstruction) {
  if (cpu::Decoder::instance().match(0xbf04, false) == nullptr) {
    GTEST_SKIP() << "the IT encoding is not in the tables on this branch (branch/system group)";
  }
  set_nzcv(true, true, false, false);
  r(0) = 0x55;
  run({0xbf04, 0x2001, 0x3001});  // itt eq; moveq r0, #1; addeq r0, #1
  EXPECT_EQ(r(0), 2u);
  EXPECT_TRUE(s().n);  // neither 16-bit instruction set flags inside the block
  EXPECT_TRUE(s().z);
  set_nzcv(true, false, false, false);
  r(0) = 0x55;
  run({0xbf04, 0x2001, 0x3001});  // condition fails: nothing happens
  EXPECT_EQ(r(0), 0x55u);
  run({0x2001});  // movs r0, #1 outside: flags set
  EXPECT_FALSE(s().n);
  EXPECT_FALSE(s().z);
}

// MOV/ADD to the PC inside an IT block must be its last instruction ("if d == 15 && InITBlock() &&
// !LastInITBlock() then UNPREDICTABLE"; our choice is UNDEFINED).
TEST_F(DpT16, PcWriteInsideItBlockMustBeLast) {
  if (cpu::Decoder::instance().match(0xbf04, false) == nullptr) {
    GTEST_SKIP() << "the IT encoding is not in the tables on this branch (branch/system group)";
  }
  set_nzcv(false, true, false, false);
  r(0) = CpuHarness::kCodeBase + 6;
  // itt eq; moveq pc, r0; moveq r1, #1
  EXPECT_EQ(run_until_stop({0xbf04, 0x4687, 0x2101}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  EXPECT_EQ(h.core().last_fault_pc(), CpuHarness::kCodeBase + 2);

  // it eq; moveq pc, r0 (last in the block); movs r1, #1 (skipped); movs r2, #2
  s().it.bits = 0;  // the fault left the block's ITSTATE behind (no exception model yet)
  r(0) = CpuHarness::kCodeBase + 6;
  r(1) = 0;
  run({0xbf08, 0x4687, 0x2101, 0x2202});
  EXPECT_EQ(r(1), 0u);
  EXPECT_EQ(r(2), 2u);
}

// MOVS <Rd>, <Rm> (MOV (register) T2) is UNPREDICTABLE inside an IT block; our choice is UNDEFINED.
TEST_F(DpT16, MovsRegisterInsideItBlockIsUndefined) {
  set_nzcv(false, true, false, false);
  s().it.bits = 0x08;                                           // IT EQ, one instruction
  EXPECT_EQ(run_until_stop({0x0008}), cpu::StopReason::Fault);  // movs r0, r1
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  // LSLS with a non-zero amount is fine inside the block (no flags).
  s().it.bits = 0x08;
  r(1) = 1;
  run({0x0048});  // lsls r0, r1, #1
  EXPECT_EQ(r(0), 2u);
  EXPECT_TRUE(s().z);
}

// Regression (found by the random differential test against QEMU): LR is an ordinary destination;
// only SP (13) and PC (15) take the special write paths.
TEST_F(DpT16, DestinationLrIsNotTheStackPointer) {
  r(6) = 0x12345679;
  r(13) = 0x8000;
  r(1) = 41;
  r(2) = 0xf0;
  r(3) = 0x0f;
  run({0x46b6 /* mov lr, r6 */});
  EXPECT_EQ(r(14), 0x12345679u);
  EXPECT_EQ(r(13), 0x8000u);
  run({0xf101, 0x0e01 /* add.w lr, r1, #1 */, 0xea42, 0x0e03 /* orr.w lr, r2, r3 */});
  EXPECT_EQ(r(14), 0xffu);
  EXPECT_EQ(r(13), 0x8000u);
}

}  // namespace
}  // namespace minifvp::test
