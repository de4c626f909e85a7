#include <gtest/gtest.h>

#include "cpu_test_harness.h"

namespace minifvp::test {

TEST(CoreLoop, MovImmediateSetsFlagsOutsideItBlock) {
  CpuHarness h;
  h.load({0x2000 /* movs r0, #0 */, 0x2185 /* movs r1, #0x85 */});
  h.run();
  EXPECT_EQ(h.state().r[0], 0u);
  EXPECT_EQ(h.state().r[1], 0x85u);
  EXPECT_FALSE(h.state().z);  // the second MOVS cleared Z again
  EXPECT_FALSE(h.state().n);
  EXPECT_EQ(h.core().instructions(), 2u);
}

TEST(CoreLoop, UnconditionalBranchSkipsInstruction) {
  CpuHarness h;
  // b.n +2 (over the next instruction); movs r0,#1; movs r1,#2
  h.load({0xe000, 0x2001, 0x2102});
  h.run();
  EXPECT_EQ(h.state().r[0], 0u);
  EXPECT_EQ(h.state().r[1], 2u);
}

TEST(CoreLoop, UndefinedEncodingStopsWithFaultAtItsAddress) {
  CpuHarness h;
  h.load({0x2001, 0xde00 /* udf #0 (not in the tables yet: still UNDEFINED) */});
  EXPECT_EQ(h.run(), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  EXPECT_EQ(h.core().last_fault_pc(), CpuHarness::kCodeBase + 2);
  EXPECT_EQ(h.state().r[15], CpuHarness::kCodeBase + 2);
}

TEST(CoreLoop, SelfModifyingCodeIsRedecoded) {
  CpuHarness h;
  h.load({0x2001});  // movs r0,#1
  h.run();
  EXPECT_EQ(h.state().r[0], 1u);
  h.bus().write(CpuHarness::kCodeBase, 2, 0x2007);  // movs r0,#7
  h.state().r[15] = CpuHarness::kCodeBase;
  h.run();
  EXPECT_EQ(h.state().r[0], 7u);
}

}  // namespace minifvp::test
