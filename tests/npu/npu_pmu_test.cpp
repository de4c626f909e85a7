// The NPU PMU counting what the model does, and completion in simulated time.
#include <gtest/gtest.h>

#include "npu/pmu.h"
#include "npu_test_harness.h"
#include "stream_builder.h"

namespace minifvp::test {
namespace {

using namespace npu;

constexpr uint32_t kPmcr = 0x180, kPmcntenset = 0x184, kPmcntenclr = 0x188, kPmovsset = 0x18C,
                   kPmovsclr = 0x190, kPmintset = 0x194, kPmccntr = 0x1A0, kPmccntrHi = 0x1A4,
                   kPmccntrCfg = 0x1A8, kPmevcntr = 0x300, kPmevtyper = 0x380;

// A 4 KiB DMA from region 0 (AXI0) to region 1 (AXI1); the command stream is fetched on AXI1.
struct DmaSetup {
  NpuHarness h;
  uint32_t src = 0, dst = 0;
  DmaSetup() {
    src = h.add_region(0, std::vector<uint8_t>(4096, 0x5A), 4096);
    dst = h.add_region(1, {}, 4096);
  }
  void run() {
    h.start(StreamBuilder().dma(0, 0, 1, 0, 4096).stop().bytes(), {src, dst}, /*regioncfg=*/0x8);
    h.run_until_stopped();
  }
};

void configure_driver_style(NpuHarness& h) {
  // What the driver's ethosu_inference_begin does: enable, cycle counter from NPU_ACTIVE to
  // NPU_IDLE, four event types, enable all counters, reset counts.
  h.set_reg(kPmcr, 1);
  h.set_reg(kPmccntrCfg, pmu_event::kNpuActive | (uint32_t{pmu_event::kNpuIdle} << 16));
  h.set_reg(kPmevtyper + 0, pmu_event::kAxi0RdDataBeatReceived);
  h.set_reg(kPmevtyper + 4, pmu_event::kAxi1WrDataBeatWritten);
  h.set_reg(kPmevtyper + 8, pmu_event::kNpuActive);
  h.set_reg(kPmevtyper + 12, pmu_event::kNpuIdle);
  h.set_reg(kPmcntenset, 0x8000000F);
  h.set_reg(kPmcr, 1 | 2 | 4);
}

TEST(NpuPmu, CountsBeatsActiveAndIdleCycles) {
  DmaSetup d;
  configure_driver_style(d.h);
  d.run();
  EXPECT_EQ(d.h.mem32(d.dst), 0x5A5A5A5Au);
  const uint64_t busy = d.h.npu().busy_cycles();
  EXPECT_EQ(d.h.reg(kPmevcntr + 0), 4096u / 8);  // 64-bit beats read from region 0 on AXI0
  EXPECT_EQ(d.h.reg(kPmevcntr + 4), 4096u / 8);  // written to region 1 on AXI1
  EXPECT_EQ(d.h.reg(kPmevcntr + 8), busy);
  EXPECT_EQ(d.h.reg(kPmevcntr + 12), 0u);
  EXPECT_EQ(d.h.reg(kPmccntr), busy);
  // Time passes with the NPU idle: NPU_IDLE counts, the cycle counter has stopped.
  d.h.scheduler().advance_to(d.h.scheduler().now() + 1000);
  EXPECT_EQ(d.h.reg(kPmevcntr + 12), 1000u);
  EXPECT_EQ(d.h.reg(kPmccntr), busy);
  EXPECT_EQ(d.h.reg(kPmccntrHi), 0u);
}

TEST(NpuPmu, DisabledCountersDoNotCount) {
  DmaSetup d;
  configure_driver_style(d.h);
  d.h.set_reg(kPmcntenclr, 0x80000001);
  d.run();
  EXPECT_EQ(d.h.reg(kPmevcntr + 0), 0u);
  EXPECT_EQ(d.h.reg(kPmccntr), 0u);
  EXPECT_EQ(d.h.reg(kPmevcntr + 4), 512u);
  d.h.set_reg(kPmcr, 0);  // global disable
  d.h.scheduler().advance_to(d.h.scheduler().now() + 50);
  EXPECT_EQ(d.h.reg(kPmevcntr + 12), 0u);
}

TEST(NpuPmu, OverflowRaisesThePmuInterrupt) {
  DmaSetup d;
  configure_driver_style(d.h);
  d.h.set_reg(kPmevcntr + 0, 0xFFFFFF00);
  d.h.set_reg(kPmintset, 1);
  d.run();
  EXPECT_EQ(d.h.reg(kPmevcntr + 0), 0x100u);  // wrapped: 0xFFFFFF00 + 512
  EXPECT_EQ(d.h.reg(kPmovsset) & 1, 1u);
  EXPECT_TRUE(d.h.reg(reg::kStatus) & status::kPmuIrqRaised);
  d.h.set_reg(reg::kCmd, 0xC | cmd::kClearIrq);
  EXPECT_TRUE(d.h.npu().irq().level());  // still held by the PMU
  d.h.set_reg(kPmovsclr, 1);
  EXPECT_FALSE(d.h.npu().irq().level());
  EXPECT_FALSE(d.h.reg(reg::kStatus) & status::kPmuIrqRaised);
}

TEST(NpuPmu, PmcrResetBitsClearCounters) {
  DmaSetup d;
  configure_driver_style(d.h);
  d.run();
  EXPECT_NE(d.h.reg(kPmccntr), 0u);
  d.h.set_reg(kPmcr, 1 | 2);  // event counters only
  EXPECT_EQ(d.h.reg(kPmevcntr + 0), 0u);
  EXPECT_NE(d.h.reg(kPmccntr), 0u);
  d.h.set_reg(kPmcr, 1 | 4);
  EXPECT_EQ(d.h.reg(kPmccntr), 0u);
  EXPECT_EQ(d.h.reg(kPmcr), 0x2001u);  // reset bits self-clear, num_event_cnt = 4
}

TEST(NpuPmu, CycleCounterIsWritableAs48Bits) {
  NpuHarness h;
  h.set_reg(kPmccntr, 0xFFFFFFF0);
  h.set_reg(kPmccntrHi, 0x12345);
  EXPECT_EQ(h.reg(kPmccntr), 0xFFFFFFF0u);
  EXPECT_EQ(h.reg(kPmccntrHi), 0x2345u);
}

TEST(NpuPmu, PmuMaskGatesCountingWhenMaskEnabled) {
  DmaSetup d;
  configure_driver_style(d.h);
  d.h.set_reg(kPmcr, 1 | 8);  // cnt_en | mask_en
  d.h.start(StreamBuilder().cmd0(op::kPmuMask, 0).dma(0, 0, 1, 0, 4096).stop().bytes(),
            {d.src, d.dst}, 0x8);
  d.h.run_until_stopped();
  EXPECT_EQ(d.h.reg(kPmevcntr + 0), 0u);
}

TEST(NpuExecution, CompletionIsSignalledAtTheScheduledCycle) {
  DmaSetup d;
  d.h.start(StreamBuilder().dma(0, 0, 1, 0, 4096).stop().bytes(), {d.src, d.dst}, 0x8);
  // The copy is done at once, but the NPU is still running and the IRQ low until time passes.
  EXPECT_TRUE(d.h.reg(reg::kStatus) & status::kState);
  EXPECT_FALSE(d.h.npu().irq().level());
  const uint64_t next = d.h.scheduler().next_event_time();
  ASSERT_NE(next, Scheduler::kNever);
  EXPECT_GE(next, 4096u / 8);  // at least one beat per 8 bytes
  const uint64_t done = d.h.run_until_stopped();
  EXPECT_EQ(done, next);
  EXPECT_TRUE(d.h.npu().irq().level());
  EXPECT_EQ(d.h.npu().busy_cycles(), done);
}

TEST(NpuExecution, EveryOperationTakesTime) {
  NpuHarness h;
  const uint32_t src = h.add_region(0, std::vector<uint8_t>(16, 1), 4096);
  h.start(StreamBuilder().dma(0, 0, 0, 8, 0).dma(0, 0, 0, 8, 1).stop().bytes(), {src});
  const uint64_t done = h.run_until_stopped();
  EXPECT_GE(done, 2u);
  EXPECT_EQ(h.npu().operations_run(), 2u);
}

TEST(NpuExecution, StopRequestHaltsAtTheNextOperation) {
  DmaSetup d;
  d.h.start(StreamBuilder().dma(0, 0, 1, 0, 16).dma(0, 0, 1, 16, 16).stop().bytes(), {d.src, d.dst},
            0x8);
  d.h.set_reg(reg::kCmd, 0xC | cmd::kStopRequest);
  d.h.run_until_stopped();
  EXPECT_EQ(d.h.npu().operations_run(), 1u);
  EXPECT_FALSE(d.h.reg(reg::kStatus) & status::kCmdEndReached);
  EXPECT_EQ(d.h.mem32(d.dst + 16), 0u);
}

TEST(NpuExecution, DeterministicCycleCounts) {
  uint64_t first = 0;
  for (int run = 0; run < 2; ++run) {
    DmaSetup d;
    d.run();
    if (run == 0) first = d.h.scheduler().now();
    EXPECT_EQ(d.h.scheduler().now(), first);
  }
}

}  // namespace
}  // namespace minifvp::test
