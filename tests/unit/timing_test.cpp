// The Cortex-M55 timing model (cpu/timing): static costs from the table, result-use interlocks,
// branch refill, register-count and operand-dependent costs, and the stall counters. The expected
// figures are the table's (cpu/timing/m55_timing.cpp), not measurements.
#include <gtest/gtest.h>

#include "cpu/timing/m55_timing.h"
#include "cpu_test_harness.h"

namespace minifvp::test {
namespace {

using cpu::timing::StallCause;

uint64_t cycles_of(std::initializer_list<uint16_t> code, CpuHarness& h) {
  h.load(code);
  h.run();
  return h.core().clock();
}

TEST(Timing, IndependentAluInstructionsTakeOneCycleEach) {
  CpuHarness h;
  EXPECT_EQ(cycles_of({0x2001 /* movs r0,#1 */, 0x1c5a /* adds r2,r3,#1 */}, h), 2u);
  EXPECT_EQ(h.core().timing().stalls().total(), 0u);
}

TEST(Timing, MultiplyResultUsedNextStallsOneCycle) {
  CpuHarness h;
  // muls r0,r1,r0; adds r2,r0,#1
  EXPECT_EQ(cycles_of({0x4348, 0x1c42}, h), 3u);
  EXPECT_EQ(h.core().timing().stalls()[StallCause::ResultLatency], 1u);
}

TEST(Timing, IndependentMultiplyDoesNotStall) {
  CpuHarness h;
  // muls r0,r1,r0; adds r2,r3,#1
  EXPECT_EQ(cycles_of({0x4348, 0x1c5a}, h), 2u);
  EXPECT_EQ(h.core().timing().stalls().total(), 0u);
}

TEST(Timing, LoadUseStallsOneCycle) {
  CpuHarness h;
  h.state().r[1] = CpuHarness::kDataBase;
  // ldr r0,[r1]; adds r2,r0,#1
  EXPECT_EQ(cycles_of({0x6808, 0x1c42}, h), 3u);
  EXPECT_EQ(h.core().timing().stalls()[StallCause::LoadUse], 1u);
}

TEST(Timing, LoadFollowedByIndependentInstructionDoesNotStall) {
  CpuHarness h;
  h.state().r[1] = CpuHarness::kDataBase;
  // ldr r0,[r1]; adds r2,r3,#1; adds r2,r0,#1 (the result is ready by then)
  EXPECT_EQ(cycles_of({0x6808, 0x1c5a, 0x1c42}, h), 3u);
  EXPECT_EQ(h.core().timing().stalls().total(), 0u);
}

TEST(Timing, TakenBranchPaysTheRefill) {
  CpuHarness h;
  // b.n over one instruction; movs r0,#1 (skipped); movs r1,#2
  EXPECT_EQ(cycles_of({0xe000, 0x2001, 0x2102}, h), 1u + cpu::timing::kTakenBranchPenalty + 1u);
  EXPECT_EQ(h.core().timing().stalls()[StallCause::Branch], cpu::timing::kTakenBranchPenalty);
}

TEST(Timing, NotTakenBranchCostsOneCycle) {
  CpuHarness h;
  // movs r0,#1 (Z clear); beq.n +0; movs r1,#2
  EXPECT_EQ(cycles_of({0x2001, 0xd000, 0x2102}, h), 3u);
  EXPECT_EQ(h.core().timing().stalls().total(), 0u);
}

TEST(Timing, LoadMultipleCostsOnePlusRegisterCount) {
  CpuHarness h;
  h.state().r[4] = CpuHarness::kDataBase;
  EXPECT_EQ(cycles_of({0xcc07 /* ldmia r4!,{r0,r1,r2} */}, h), 4u);
}

TEST(Timing, DivideTimeDependsOnTheQuotientSize) {
  EXPECT_EQ(cpu::timing::divide_cycles(5, 7), 2u);             // quotient 0
  EXPECT_EQ(cpu::timing::divide_cycles(100, 0), 2u);           // division by zero
  EXPECT_EQ(cpu::timing::divide_cycles(100, 3), 4u);           // 6 quotient bits
  EXPECT_EQ(cpu::timing::divide_cycles(0xFFFFFFFFu, 1), 11u);  // 32 bits, capped
  CpuHarness h;
  h.state().r[1] = 100;
  h.state().r[2] = 3;
  EXPECT_EQ(cycles_of({0xfbb1, 0xf0f2 /* udiv r0,r1,r2 */}, h), 4u);
  EXPECT_EQ(h.state().r[0], 33u);
  EXPECT_EQ(h.core().timing().stalls()[StallCause::Divide], 2u);
}

TEST(Timing, SignedDivideUsesOperandMagnitudes) {
  CpuHarness h;
  h.state().r[1] = static_cast<uint32_t>(-100);
  h.state().r[2] = 3;
  EXPECT_EQ(cycles_of({0xfb91, 0xf0f2 /* sdiv r0,r1,r2 */}, h), 4u);
}

TEST(Timing, FloatingPointCostsDependOnPrecision) {
  CpuHarness h;
  h.core().set_fp_enabled(true);
  // vadd.f32 s0,s1,s2 (2); vadd.f64 d0,d1,d2 (15); vdiv.f32 s0,s1,s2 (16)
  EXPECT_EQ(cycles_of({0xee30, 0x0a81, 0xee31, 0x0b02, 0xee80, 0x0a81}, h), 2u + 15u + 16u);
}

TEST(Timing, DataAccessesPayTheRegionWaitStates) {
  CpuHarness h;
  h.bus().set_wait_states(CpuHarness::kDataBase, 0x1000, 3);
  h.state().r[1] = CpuHarness::kDataBase;
  h.state().r[4] = CpuHarness::kDataBase;
  // ldr r0,[r1]; adds r2,r3,#1; ldmia r4!,{r0,r1,r2}: 1 + 3, 1, 4 + 3 * 3
  EXPECT_EQ(cycles_of({0x6808, 0x1c5a, 0xcc07}, h), 4u + 1u + 13u);
  EXPECT_EQ(h.core().timing().stalls()[StallCause::MemoryWait], 12u);
}

TEST(Timing, LowOverheadLoopBranchBackHasNoRefill) {
  CpuHarness h;
  // dls lr, r0 (r0 = 3); adds r2,#1; le lr, back to the adds
  h.state().r[0] = 3;
  h.load({0xf040, 0xe001, 0x3201, 0xf00f, 0xc803});
  h.run();
  EXPECT_EQ(h.state().r[2], 3u);
  EXPECT_EQ(h.core().clock(), 1u + 3u * 2u);
  EXPECT_EQ(h.core().timing().stalls()[StallCause::Branch], 0u);
}

TEST(Timing, AnnotateLeavesUndecodedInstructionsAtOneCycle) {
  cpu::DecodedInsn insn;
  cpu::timing::annotate(insn);
  EXPECT_EQ(insn.cycles, 1u);
  EXPECT_EQ(insn.timing_reads, 0u);
}

}  // namespace
}  // namespace minifvp::test

namespace minifvp::test {
namespace {

// The MVE beat-overlap rule of the tracker, on synthetic instructions (the MVE rows' pipeline
// assignment is checked with the rows themselves): one issue cycle each, a second beat that
// overlaps the next instruction unless it needs the same pipeline.
cpu::DecodedInsn vector_insn(cpu::timing::VectorPipe pipe) {
  cpu::DecodedInsn insn;
  insn.cycles = 1;
  insn.vector_pipe = static_cast<uint8_t>(pipe);
  return insn;
}

uint64_t run_sequence(cpu::timing::Tracker& tracker,
                      std::initializer_list<cpu::timing::VectorPipe> pipes) {
  uint64_t clock = 0;
  for (cpu::timing::VectorPipe pipe : pipes) {
    const cpu::DecodedInsn insn = vector_insn(pipe);
    clock += insn.cycles + tracker.retire(insn, clock, false);
  }
  return clock;
}

TEST(TimingVector, DifferentPipelinesOverlapTheSecondBeat) {
  using enum cpu::timing::VectorPipe;
  cpu::timing::Tracker tracker;
  // VLDR; VADD; VMUL; VSTR: each issues one cycle after the previous.
  EXPECT_EQ(run_sequence(tracker, {LoadStore, Integer, FloatMultiply, LoadStore}), 4u);
  EXPECT_EQ(tracker.stalls()[StallCause::VectorPipe], 0u);
}

TEST(TimingVector, SamePipelineWaitsForTheSecondBeat) {
  using enum cpu::timing::VectorPipe;
  cpu::timing::Tracker tracker;
  // VLDR; VLDRB; VADD; VSTR: the second load waits one cycle for the first one's second beat.
  EXPECT_EQ(run_sequence(tracker, {LoadStore, LoadStore, Integer, LoadStore}), 5u);
  EXPECT_EQ(tracker.stalls()[StallCause::VectorPipe], 1u);
}

TEST(TimingVector, ControlPipelineInstructionsHaveOneBeat) {
  using enum cpu::timing::VectorPipe;
  cpu::timing::Tracker tracker;
  EXPECT_EQ(run_sequence(tracker, {Control, Control, Control}), 3u);
  EXPECT_EQ(tracker.stalls()[StallCause::VectorPipe], 0u);
}

}  // namespace
}  // namespace minifvp::test
