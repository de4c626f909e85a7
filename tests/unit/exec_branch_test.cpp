// Branches, compare-and-branch, IT blocks and the Armv8.1-M low-overhead loops from raw
// encodings (arm-none-eabi-as for armv8.1-m.main; comments are the objdump disassembly).
#include <gtest/gtest.h>

#include "cpu/decode/decoder.h"
#include "cpu_test_harness.h"

namespace minifvp::test {
namespace {

constexpr uint32_t kData = CpuHarness::kDataBase;

cpu::StopReason step(CpuHarness& h) {
  return h.run(1);
}

// The Armv8-M ARM's condition table (ConditionHolds), written out per condition.
bool condition_expected(unsigned cond, bool n, bool z, bool c, bool v) {
  switch (cond) {
    case 0:
      return z;  // EQ
    case 1:
      return !z;  // NE
    case 2:
      return c;  // CS
    case 3:
      return !c;  // CC
    case 4:
      return n;  // MI
    case 5:
      return !n;  // PL
    case 6:
      return v;  // VS
    case 7:
      return !v;  // VC
    case 8:
      return c && !z;  // HI
    case 9:
      return !c || z;  // LS
    case 10:
      return n == v;  // GE
    case 11:
      return n != v;  // LT
    case 12:
      return !z && n == v;  // GT
    case 13:
      return z || n != v;  // LE
    default:
      return true;
  }
}

void set_flags(CpuHarness& h, unsigned nzcv) {
  h.state().n = (nzcv & 8) != 0;
  h.state().z = (nzcv & 4) != 0;
  h.state().c = (nzcv & 2) != 0;
  h.state().v = (nzcv & 1) != 0;
}

TEST(ExecBranch, ConditionalBranchT1AllConditionsAndFlags) {
  for (unsigned cond = 0; cond < 14; ++cond) {
    for (unsigned nzcv = 0; nzcv < 16; ++nzcv) {
      CpuHarness h;
      // b<cond>.n +0 (to 0x1004, over the next instruction); movs r0, #1
      h.load({static_cast<uint16_t>(0xd000 | (cond << 8)), 0x2001});
      set_flags(h, nzcv);
      ASSERT_EQ(h.run(), cpu::StopReason::Limit);
      const bool taken = condition_expected(cond, nzcv & 8, nzcv & 4, nzcv & 2, nzcv & 1);
      EXPECT_EQ(h.state().r[0], taken ? 0u : 1u) << "cond " << cond << " nzcv " << nzcv;
    }
  }
}

TEST(ExecBranch, ConditionalBranchT3AllConditionsAndFlags) {
  for (unsigned cond = 0; cond < 14; ++cond) {
    for (unsigned nzcv = 0; nzcv < 16; ++nzcv) {
      CpuHarness h;
      // beq.w 1006 (0xf000 0x8001) with the cond field (hw1 bits 9:6) replaced; movs r0, #1
      h.load({static_cast<uint16_t>(0xf000 | (cond << 6)), 0x8001, 0x2001});
      set_flags(h, nzcv);
      ASSERT_EQ(h.run(), cpu::StopReason::Limit);
      const bool taken = condition_expected(cond, nzcv & 8, nzcv & 4, nzcv & 2, nzcv & 1);
      EXPECT_EQ(h.state().r[0], taken ? 0u : 1u) << "cond " << cond << " nzcv " << nzcv;
    }
  }
}

// Offsets decoded from the GNU assembler's encodings; the expected values are its branch targets
// minus (instruction address + 4).
TEST(ExecBranch, T32BranchOffsetsSignExtendAndInvertJBits) {
  struct Case {
    uint32_t raw;
    int32_t offset;
  };
  const Case cases[] = {
      {0xf3ffd7fd, 0xfffffa},   // 1000: bl 1000ffe
      {0xf3fffffe, 0x3ffffc},   // 1004: bl 401004
      {0xf3ffbffb, 0x3ffff6},   // 1008: b.w 401002
      {0xf6dcbdd3, -0x12345a},  // 100c: b.w ffeddbb6
      {0xf07faffd, 0xffffa},    // 1010: bne.w 10100e
      {0xf7008000, -0x100000},  // 1014: bgt.w fff01018
      {0xf43dadca, -0x246c},    // 1018: beq.w ffffebb0
      {0xf7ffffed, -0x26},      // 7022: bl 7000
      {0xf7ffbfeb, -0x2a},      // 7026: b.w 7000
  };
  for (const Case& c : cases) {
    cpu::DecodedInsn insn;
    ASSERT_EQ(cpu::Decoder::instance().decode(c.raw, true, insn), cpu::DecodeStatus::Ok)
        << std::hex << c.raw;
    EXPECT_EQ(static_cast<int32_t>(insn.imm), c.offset) << std::hex << c.raw;
  }
}

TEST(ExecBranch, BlWritesLrAndBxLrReturns) {
  CpuHarness h;
  h.load({0xf003, 0xf801 /* bl 4006 */, 0x2105 /* movs r1, #5 */});
  h.place(0x4006, {0x4770 /* bx lr */});
  step(h);
  EXPECT_EQ(h.state().r[15], 0x4006u);
  EXPECT_EQ(h.state().r[14], 0x1005u);
  step(h);
  EXPECT_EQ(h.state().r[15], 0x1004u);
  EXPECT_TRUE(h.state().thumb);
  step(h);
  EXPECT_EQ(h.state().r[1], 5u);
}

TEST(ExecBranch, BackwardBranchesAndBlxRegister) {
  CpuHarness h;
  h.place(0x7022,
          {0xf7ff, 0xffed /* bl 7000 */, 0xf7ff, 0xbfeb /* b.w 7000 */, 0x4798 /* blx r3 */});
  h.state().r[15] = 0x7022;
  step(h);
  EXPECT_EQ(h.state().r[15], 0x7000u);
  EXPECT_EQ(h.state().r[14], 0x7027u);
  h.state().r[15] = 0x7026;
  step(h);
  EXPECT_EQ(h.state().r[15], 0x7000u);
  h.state().r[15] = 0x702a;
  h.state().r[3] = 0x4001;
  step(h);
  EXPECT_EQ(h.state().r[15], 0x4000u);
  EXPECT_EQ(h.state().r[14], 0x702du);  // the next instruction (0x702c) with bit 0 set
}

TEST(ExecBranch, BxToAnEvenAddressFaultsOnTheNextInstruction) {
  CpuHarness h;
  h.load({0x4770 /* bx lr */});
  h.state().r[14] = 0x2000;
  step(h);
  EXPECT_FALSE(h.state().thumb);
  EXPECT_EQ(step(h), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::InvalidState);
}

TEST(ExecBranch, CompareAndBranchOnZeroAndNonzero) {
  for (uint32_t value : {0u, 7u}) {
    // cbz r2, 1006; movs r0, #1; nop; nop   and   cbnz r2, 1006; movs r0, #1; nop; nop
    for (uint16_t first : {uint16_t{0xb10a}, uint16_t{0xb90a}}) {
      CpuHarness h;
      h.load({first, 0x2001, 0xbf00, 0xbf00});
      h.state().r[2] = value;
      ASSERT_EQ(h.run(), cpu::StopReason::Limit);
      const bool taken = (first == 0xb10a) ? value == 0 : value != 0;
      EXPECT_EQ(h.state().r[0], taken ? 0u : 1u) << std::hex << first << " " << value;
    }
  }
}

TEST(ExecBranch, ItteeAppliesTheConditionToEachSlot) {
  for (bool z : {false, true}) {
    CpuHarness h;
    h.load({
        0xbf07,  // ittee eq
        0x2001,  // moveq r0, #1
        0x2101,  // moveq r1, #1
        0x2201,  // movne r2, #1
        0x2301,  // movne r3, #1
        0x2401,  // movs r4, #1   (after the block: unconditional)
    });
    h.state().z = z;
    ASSERT_EQ(h.run(), cpu::StopReason::Limit);
    EXPECT_EQ(h.state().r[0], z ? 1u : 0u);
    EXPECT_EQ(h.state().r[1], z ? 1u : 0u);
    EXPECT_EQ(h.state().r[2], z ? 0u : 1u);
    EXPECT_EQ(h.state().r[3], z ? 0u : 1u);
    EXPECT_EQ(h.state().r[4], 1u);
    EXPECT_EQ(h.state().it.bits, 0u);
    EXPECT_FALSE(h.state().z);  // the MOVS after the block set the flags; those inside did not
  }
}

TEST(ExecBranch, ItetePatternWithSignedCondition) {
  for (unsigned nzcv = 0; nzcv < 16; ++nzcv) {
    CpuHarness h;
    h.load({0xbfcb /* itete gt */, 0x2001, 0x2101, 0x2201, 0x2301});
    set_flags(h, nzcv);
    ASSERT_EQ(h.run(), cpu::StopReason::Limit);
    const bool gt = condition_expected(12, nzcv & 8, nzcv & 4, nzcv & 2, nzcv & 1);
    EXPECT_EQ(h.state().r[0], gt ? 1u : 0u) << nzcv;
    EXPECT_EQ(h.state().r[1], gt ? 0u : 1u) << nzcv;
    EXPECT_EQ(h.state().r[2], gt ? 1u : 0u) << nzcv;
    EXPECT_EQ(h.state().r[3], gt ? 0u : 1u) << nzcv;
  }
}

TEST(ExecBranch, BranchAsLastInstructionOfAnItBlock) {
  for (bool z : {false, true}) {
    for (bool wide : {false, true}) {
      CpuHarness h;
      if (wide) {
        h.load({0xbf18 /* it ne */, 0xf000, 0xb801 /* bne.w 1008 */, 0xbf00, 0xbf00});
      } else {
        h.load({0xbf18 /* it ne */, 0xe000 /* bne.n 1006 */, 0xbf00, 0xbf00});
      }
      h.state().z = z;
      ASSERT_EQ(h.run(), cpu::StopReason::Limit);
      // Taken (NE): IT, B, the NOP at the target; not taken: IT, B (skipped), NOP, NOP.
      EXPECT_EQ(h.core().instructions(), z ? 4u : 3u) << wide;
    }
  }
}

TEST(ExecBranch, BlInItBlockWritesLrOnlyWhenTaken) {
  for (bool z : {false, true}) {
    CpuHarness h;
    h.load({0xbf18 /* it ne */, 0xf000, 0xf801 /* blne 1008 */, 0xbf00, 0xbf00});
    h.state().z = z;
    h.state().r[14] = 0x1234;
    ASSERT_EQ(h.run(), cpu::StopReason::Limit);
    EXPECT_EQ(h.state().r[14], z ? 0x1234u : 0x1007u);
  }
}

TEST(ExecBranch, BranchNotLastInItBlockIsUndefined) {
  CpuHarness h;
  h.load({0xbf1c /* itt ne */, 0xe000 /* bne.n */, 0xbf00, 0xbf00});
  h.state().z = false;
  EXPECT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  EXPECT_EQ(h.core().last_fault_pc(), 0x1002u);
}

TEST(ExecBranch, CbzAndConditionalBranchInsideItBlockAreUndefined) {
  for (uint16_t inside : {uint16_t{0xb10a} /* cbz r2 */, uint16_t{0xd000} /* beq.n */}) {
    CpuHarness h;
    h.load({0xbf08 /* it eq */, inside, 0xbf00, 0xbf00});
    h.state().z = true;
    EXPECT_EQ(h.run(), cpu::StopReason::Fault) << std::hex << inside;
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  }
}

// Low-overhead loops. The body "stmia r2!, {r3}" adds 4 to r2 per iteration.
struct LoopRun {
  uint32_t iterations;
  uint32_t lr;
};

LoopRun run_loop(bool while_loop, uint32_t count) {
  CpuHarness h;
  if (while_loop) {
    h.load({0xf040, 0xc803 /* wls lr, r0, 100a */, 0xc208 /* stmia r2!, {r3} */, 0xf00f,
            0xc803 /* le lr, 1004 */});
  } else {
    h.load({0xf040, 0xe001 /* dls lr, r0 */, 0xc208 /* stmia r2!, {r3} */, 0xf00f,
            0xc803 /* le lr, 1004 */});
  }
  h.state().r[0] = count;
  h.state().r[2] = kData;
  h.state().r[14] = 0xdead;
  EXPECT_EQ(h.run(), cpu::StopReason::Limit);
  EXPECT_EQ(h.state().r[15], 0x100au);
  return {(h.state().r[2] - kData) / 4, h.state().r[14]};
}

TEST(ExecBranch, WhileLoopStartRunsTheBodyCountTimes) {
  const LoopRun zero = run_loop(true, 0);
  EXPECT_EQ(zero.iterations, 0u);
  EXPECT_EQ(zero.lr, 0xdeadu);  // WLS skips without writing LR
  const LoopRun one = run_loop(true, 1);
  EXPECT_EQ(one.iterations, 1u);
  EXPECT_EQ(one.lr, 1u);
  const LoopRun five = run_loop(true, 5);
  EXPECT_EQ(five.iterations, 5u);
  EXPECT_EQ(five.lr, 1u);  // LE leaves LR at 1 when it falls through
}

TEST(ExecBranch, DoLoopStartRunsTheBodyAtLeastOnce) {
  const LoopRun zero = run_loop(false, 0);
  EXPECT_EQ(zero.iterations, 1u);  // LR == 0: LE falls through after the first pass
  EXPECT_EQ(zero.lr, 0u);
  const LoopRun one = run_loop(false, 1);
  EXPECT_EQ(one.iterations, 1u);
  const LoopRun five = run_loop(false, 5);
  EXPECT_EQ(five.iterations, 5u);
  EXPECT_EQ(five.lr, 1u);
}

TEST(ExecBranch, LoopForeverFormDoesNotTouchLr) {
  CpuHarness h;
  h.load({0xc208 /* 1000: stmia r2!, {r3} */, 0xf02f, 0xc803 /* 1002: le 1000 */});
  h.state().r[2] = kData;
  h.state().r[14] = 3;
  h.run(10);
  EXPECT_EQ(h.state().r[2], kData + 20);
  EXPECT_EQ(h.state().r[14], 3u);
  EXPECT_EQ(h.state().r[15], 0x1000u);
}

TEST(ExecBranch, LoopEndInsideItBlockIsUndefined) {
  CpuHarness h;
  h.load({0xbf08 /* it eq */, 0xf00f, 0xc803 /* le lr, ... */});
  h.state().z = true;
  h.state().r[14] = 5;
  EXPECT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
}

TEST(ExecBranch, BranchFutureIsANopAndTheBranchPointStillBranches) {
  // 1000: bf (0xf440 0xe009, a branch-future hint); 1004: movs r0, #1; 1006: nop;
  // 1008: b.n 100c (the branch the hint announced, executed as a normal branch).
  CpuHarness h;
  h.load({0xf440, 0xe009, 0x2001, 0xbf00, 0xe000});
  h.run(3);
  EXPECT_EQ(h.state().r[0], 1u);
  EXPECT_EQ(h.state().r[15], 0x1008u);
  h.run(1);
  EXPECT_EQ(h.state().r[15], 0x100cu);
}

}  // namespace
}  // namespace minifvp::test
