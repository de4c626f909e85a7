// The Armv8.1-M PMU as CMSIS's pmu_armv8.h drives it, with the clock set by the test.
#include "cpu/system/pmu.h"

#include <gtest/gtest.h>

#include "cpu/core.h"
#include "cpu/system/system_control_space.h"
#include "cpu_test_harness.h"
#include "sim/bus.h"

namespace minifvp::test {
namespace {

using cpu::Pmu;
using Scs = cpu::SystemControlSpace;

struct PmuFixture : ::testing::Test {
  Bus bus;
  uint64_t clock = 0;
  cpu::Core core{bus, clock};
  Scs scs{core, cpu::CoreModel::CortexM55};
  Pmu pmu{core, scs};

  uint32_t rd(Device& d, uint32_t offset) {
    uint32_t v = 0xdeadbeef;
    d.read(offset, 4, v);
    return v;
  }
  void wr(Device& d, uint32_t offset, uint32_t value) { d.write(offset, 4, value); }
};

TEST_F(PmuFixture, CycleCounterAsExecuTorchStartsIt) {
  EXPECT_EQ(rd(pmu, Pmu::kType) & 0xff, 8u);
  clock = 500;
  // et_pal_init: ARM_PMU_Enable(); DEMCR |= TRCENA; ARM_PMU_CYCCNT_Reset(); CNTR_Enable(CCNTR).
  wr(pmu, Pmu::kCtrl, rd(pmu, Pmu::kCtrl) | Pmu::kCtrlEnable);
  wr(scs, Scs::kDemcr, Scs::kDemcrTrcena);
  wr(pmu, Pmu::kCtrl, rd(pmu, Pmu::kCtrl) | Pmu::kCtrlCycleReset);
  wr(pmu, Pmu::kCntenset, 1u << 31);
  EXPECT_EQ(rd(pmu, Pmu::kCtrl), Pmu::kCtrlEnable);  // the reset bit is not stored
  clock = 1500;
  EXPECT_EQ(rd(pmu, Pmu::kCcntr), 1000u);
  wr(pmu, Pmu::kCntenclr, 1u << 31);  // stop
  clock = 9000;
  EXPECT_EQ(rd(pmu, Pmu::kCcntr), 1000u);
  wr(pmu, Pmu::kCntenset, 1u << 31);
  clock = 9100;
  EXPECT_EQ(rd(pmu, Pmu::kCcntr), 1100u);
  wr(pmu, Pmu::kCtrl, Pmu::kCtrlEnable | Pmu::kCtrlCycleReset);
  EXPECT_EQ(rd(pmu, Pmu::kCcntr), 0u);
  wr(scs, Scs::kDemcr, 0);  // without TRCENA the cycle counter stops
  clock = 20000;
  EXPECT_EQ(rd(pmu, Pmu::kCcntr), 0u);
}

TEST_F(PmuFixture, DividerCountsEverySixtyFourthCycle) {
  wr(scs, Scs::kDemcr, Scs::kDemcrTrcena);
  wr(pmu, Pmu::kCntenset, 1u << 31);
  wr(pmu, Pmu::kCtrl, Pmu::kCtrlEnable | Pmu::kCtrlDivider);
  clock = 64 * 10 + 3;
  EXPECT_EQ(rd(pmu, Pmu::kCcntr), 10u);
}

TEST_F(PmuFixture, EventCountersCountCyclesAndSoftwareIncrements) {
  wr(pmu, Pmu::kEvtyper0, Pmu::kEventCpuCycles);
  wr(pmu, Pmu::kEvtyper0 + 4, Pmu::kEventSwIncr);
  wr(pmu, Pmu::kEvtyper0 + 8, 0x1234);  // an event that is not modelled
  wr(pmu, Pmu::kCntenset, 0x7);
  wr(pmu, Pmu::kSwinc, 0x2);  // counter disabled globally (CTRL.E clear): not counted
  wr(pmu, Pmu::kCtrl, Pmu::kCtrlEnable);
  clock = 250;
  wr(pmu, Pmu::kSwinc, 0x2);
  wr(pmu, Pmu::kSwinc, 0x3);  // bit 0 selects a non-SW_INCR counter: ignored for it
  EXPECT_EQ(rd(pmu, Pmu::kEvcntr0), 250u);
  EXPECT_EQ(rd(pmu, Pmu::kEvcntr0 + 4), 2u);
  EXPECT_EQ(rd(pmu, Pmu::kEvcntr0 + 8), 0u);
  wr(pmu, Pmu::kCtrl, Pmu::kCtrlEnable | Pmu::kCtrlEventReset);
  EXPECT_EQ(rd(pmu, Pmu::kEvcntr0), 0u);
}

TEST_F(PmuFixture, OverflowIsFlaggedAndClearable) {
  wr(pmu, Pmu::kEvtyper0, Pmu::kEventCpuCycles);
  wr(pmu, Pmu::kEvcntr0, 0xfffffff0);
  wr(pmu, Pmu::kCntenset, 0x1);
  wr(pmu, Pmu::kCtrl, Pmu::kCtrlEnable);
  clock = 0x20;
  EXPECT_EQ(rd(pmu, Pmu::kEvcntr0), 0x10u);
  EXPECT_EQ(rd(pmu, Pmu::kOvsset) & 1, 1u);
  wr(pmu, Pmu::kOvsclr, 1);
  EXPECT_EQ(rd(pmu, Pmu::kOvsset) & 1, 0u);
}

TEST(PmuInstructions, InstRetiredFollowsTheCore) {
  CpuHarness h;
  Scs scs(h.core(), cpu::CoreModel::CortexM55);
  Pmu pmu(h.core(), scs);
  pmu.write(Pmu::kEvtyper0, 4, Pmu::kEventInstRetired);
  pmu.write(Pmu::kCntenset, 4, 1);
  pmu.write(Pmu::kCtrl, 4, Pmu::kCtrlEnable);
  h.load({0x2001, 0x2102, 0x2203});  // three movs
  h.run();
  uint32_t count = 0;
  pmu.read(Pmu::kEvcntr0, 4, count);
  EXPECT_EQ(count, 3u);
}

TEST(PmuInstructions, MemoryBusAndStallEventsFollowTheCore) {
  CpuHarness h;
  Scs scs(h.core(), cpu::CoreModel::CortexM55);
  Pmu pmu(h.core(), scs);
  pmu.write(Pmu::kEvtyper0, 4, Pmu::kEventMemAccess);
  pmu.write(Pmu::kEvtyper0 + 4, 4, Pmu::kEventBusAccess);
  pmu.write(Pmu::kEvtyper0 + 8, 4, Pmu::kEventStall);
  pmu.write(Pmu::kEvcntr0 + 4, 4, 0xfffffffe);  // BUS_ACCESS wraps after two accesses
  pmu.write(Pmu::kCntenset, 4, 0x7);
  pmu.write(Pmu::kCtrl, 4, Pmu::kCtrlEnable);
  h.write32(CpuHarness::kDataBase, 41);
  h.load({
      0x2080,  // movs r0, #0x80
      0x0200,  // lsls r0, r0, #8         (r0 = kDataBase)
      0x6801,  // ldr r1, [r0]
      0x3101,  // adds r1, #1             (uses the loaded value: a load-use stall)
      0x6041,  // str r1, [r0, #4]
      0xc806,  // ldmia r0!, {r1, r2}     (two accesses)
  });
  const uint64_t stalls_before = h.core().timing().stalls().total();
  h.run();
  const uint64_t stalls = h.core().timing().stalls().total() - stalls_before;
  EXPECT_EQ(h.read32(CpuHarness::kDataBase + 4), 42u);
  uint32_t mem = 0, bus = 0, stall = 0, overflow = 0;
  pmu.read(Pmu::kEvcntr0, 4, mem);
  pmu.read(Pmu::kEvcntr0 + 4, 4, bus);
  pmu.read(Pmu::kEvcntr0 + 8, 4, stall);
  pmu.read(Pmu::kOvsset, 4, overflow);
  EXPECT_EQ(mem, 4u);
  EXPECT_EQ(bus, 2u);  // 0xfffffffe + 4 wrapped
  EXPECT_EQ(overflow & 0x7, 0x2u);
  EXPECT_GT(stalls, 0u);
  EXPECT_EQ(stall, stalls);
  // Disabled counters hold their value while the core keeps accessing memory.
  pmu.write(Pmu::kCntenclr, 4, 0x1);
  h.load({0x6801});  // ldr r1, [r0]
  h.run();
  pmu.read(Pmu::kEvcntr0, 4, mem);
  EXPECT_EQ(mem, 4u);
  pmu.read(Pmu::kEvcntr0 + 4, 4, bus);
  EXPECT_EQ(bus, 3u);
}

}  // namespace
}  // namespace minifvp::test
