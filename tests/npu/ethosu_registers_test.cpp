// The Ethos-U55 APB register file: reset values, access rules, bit semantics.
#include <gtest/gtest.h>

#include "npu_test_harness.h"
#include "stream_builder.h"

namespace minifvp::test {
namespace {

using namespace npu;

TEST(EthosU55Registers, ResetValues) {
  NpuHarness h;
  EXPECT_EQ(h.reg(reg::kId), 0x10104201u);
  EXPECT_EQ(h.reg(reg::kStatus), 0u);
  EXPECT_EQ(h.reg(reg::kCmd), 0xCu);  // clock_q and power_q enabled
  EXPECT_EQ(h.reg(reg::kQbase), 0u);
  EXPECT_EQ(h.reg(reg::kQsize), 0u);
  EXPECT_EQ(h.reg(reg::kProt), 0u);
  EXPECT_EQ(h.reg(0x180), 0x2000u);  // PMCR: four event counters
  EXPECT_FALSE(h.npu().irq().level());
}

TEST(EthosU55Registers, EveryReadableRegisterReadsItsTableResetValue) {
  NpuHarness h;
  h.set_reg(reg::kReset, 0);
  for (const RegisterInfo& info : EthosU55::registers()) {
    if (info.access == RegAccess::WriteOnly) continue;
    const uint32_t expected = info.offset == reg::kConfig                 ? h.npu().config_value()
                              : info.access == RegAccess::WriteOneToClear ? 0u
                                                                          : info.reset_value;
    EXPECT_EQ(h.reg(info.offset), expected) << info.name;
  }
}

TEST(EthosU55Registers, ConfigReflectsMacConfiguration) {
  // macs_per_cc = log2(MACs) [3:0], shram_size KiB [15:8], product 0 (U55). Vela's payload for
  // U55-128 carries 0x00001807 and for U55-256 0x00003008.
  EXPECT_EQ(NpuHarness(32).reg(reg::kConfig), 0x1005u);
  EXPECT_EQ(NpuHarness(64).reg(reg::kConfig), 0x1006u);
  EXPECT_EQ(NpuHarness(128).reg(reg::kConfig), 0x1807u);
  EXPECT_EQ(NpuHarness(256).reg(reg::kConfig), 0x3008u);
}

TEST(EthosU55Registers, RejectsUnsupportedMacCount) {
  Bus bus;
  Scheduler scheduler;
  EXPECT_THROW(EthosU55(bus, scheduler, 512), std::invalid_argument);
}

TEST(EthosU55Registers, ReadWriteRegistersHoldValues) {
  NpuHarness h;
  h.set_reg(reg::kQbase, 0x12345670);
  h.set_reg(reg::kQsize, 0x400);
  h.set_reg(reg::kQconfig, 0xFFFFFFFF);
  h.set_reg(reg::kRegioncfg, 0xFFFFFFFF);
  h.set_reg(reg::kLock, 0xA5A5A5A5);
  for (unsigned i = 0; i < 8; ++i) h.set_reg(reg::kBasep0 + 8 * i, 0x1000u * (i + 1));
  h.set_reg(reg::kAxiLimit0 + 4, 0xFFFFFFFF);
  EXPECT_EQ(h.reg(reg::kQbase), 0x12345670u);
  EXPECT_EQ(h.reg(reg::kQsize), 0x400u);
  EXPECT_EQ(h.reg(reg::kQconfig), 3u);         // cmd_region0 [1:0]
  EXPECT_EQ(h.reg(reg::kRegioncfg), 0xFFFFu);  // eight 2-bit fields
  EXPECT_EQ(h.reg(reg::kLock), 0xA5A5A5A5u);
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(h.reg(reg::kBasep0 + 8 * i), 0x1000u * (i + 1));
  EXPECT_EQ(h.reg(reg::kAxiLimit0 + 4), 0x0F1F00F3u);  // max_beats, memtype, outstanding
}

TEST(EthosU55Registers, ReadOnlyRegistersIgnoreWrites) {
  NpuHarness h;
  h.set_reg(reg::kId, 0);
  h.set_reg(reg::kConfig, 0);
  h.set_reg(reg::kStatus, 0xFFFFFFFF);
  h.set_reg(reg::kProt, 3);
  EXPECT_EQ(h.reg(reg::kId), EthosU55::kIdValue);
  EXPECT_EQ(h.reg(reg::kConfig), 0x1807u);
  EXPECT_EQ(h.reg(reg::kStatus), 0u);
  EXPECT_EQ(h.reg(reg::kProt), 0u);
}

TEST(EthosU55Registers, SubWordAccessIsABusError) {
  NpuHarness h;
  uint32_t v = 0;
  EXPECT_EQ(h.bus().read(NpuHarness::kNpuBase + reg::kId, 1, v), BusStatus::DeviceError);
  EXPECT_EQ(h.bus().write(NpuHarness::kNpuBase + reg::kQbase, 2, 1), BusStatus::DeviceError);
}

TEST(EthosU55Registers, UnknownOffsetsReadZero) {
  NpuHarness h;
  EXPECT_EQ(h.reg(0x030), 0u);
  EXPECT_EQ(h.reg(0x7FC), 0u);
  h.set_reg(0x030, 5);  // ignored, logged
  EXPECT_EQ(h.reg(0x030), 0u);
}

TEST(EthosU55Registers, CmdPreservesOnlyClockAndPowerEnables) {
  NpuHarness h;
  h.set_reg(reg::kCmd, 0);
  EXPECT_EQ(h.reg(reg::kCmd), 0u);
  h.set_reg(reg::kCmd, cmd::kClockQEnable | cmd::kClearIrq);
  EXPECT_EQ(h.reg(reg::kCmd), cmd::kClockQEnable);  // clear_irq is an action, not state
}

TEST(EthosU55Registers, ResetSetsProtectionFromPendingLevels) {
  NpuHarness h;
  h.set_reg(reg::kReset, 3);  // pending_CPL = privileged, pending_CSL = non-secure
  EXPECT_EQ(h.reg(reg::kProt), 3u);
  EXPECT_EQ(h.reg(reg::kStatus) & status::kResetStatus, 0u);  // the reset completes at once
  h.set_reg(reg::kReset, 1);
  EXPECT_EQ(h.reg(reg::kProt), 1u);
}

TEST(EthosU55Registers, ShadowRegistersShowCommandStreamValues) {
  NpuHarness h;
  StreamBuilder s;
  s.cmd0(reg0::kIfmDepthM1, 0x1234)
      .cmd0(reg0::kIfm2ZeroPoint, 0x0042)
      .cmd1(reg1::kOfmBase0 + 1, 0xCAFEF00D)
      .cmd1(reg1::kOfmScale, 0x40000000, 31)
      .cmd1(reg1::kIfm2StrideY, 0x200)
      .stop();
  h.start(s.bytes(), {});
  h.run_until_stopped();
  EXPECT_EQ(h.reg(0x810), 0x1234u);      // IFM_DEPTH_M1 (opcode 260)
  EXPECT_EQ(h.reg(0x924), 0x42u);        // IFM2_ZERO_POINT (opcode 393)
  EXPECT_EQ(h.reg(0xA48), 0xCAFEF00Du);  // OFM_BASE1 (cmd1 17)
  EXPECT_EQ(h.reg(0xAA0), 0x40000000u);  // OFM_SCALE payload
  EXPECT_EQ(h.reg(0xAA4), 31u);          // and its parameter (shift)
  EXPECT_EQ(h.reg(0xB28), 0x200u);       // IFM2_STRIDE_Y (cmd1 133)
  EXPECT_EQ(h.reg(reg::kQread), static_cast<uint32_t>(s.bytes().size()));
}

TEST(EthosU55Registers, IrqOperationRaisesTheInterruptMidStream) {
  NpuHarness h;
  const uint32_t src = h.add_region(0, std::vector<uint8_t>(64, 7), 4096);
  h.start(StreamBuilder().cmd0(op::kIrq, 0x0002).dma(0, 0, 0, 32, 16).stop().bytes(), {src});
  // The IRQ command precedes the DMA: the line is up while the NPU still runs.
  EXPECT_TRUE(h.reg(reg::kStatus) & status::kState);
  EXPECT_TRUE(h.npu().irq().level());
  EXPECT_EQ(h.reg(reg::kStatus) >> 16, 0x0002u);
  h.set_reg(reg::kCmd, 0xC | cmd::kClearIrq);
  EXPECT_FALSE(h.npu().irq().level());
  h.run_until_stopped();
  EXPECT_TRUE(h.npu().irq().level());
  EXPECT_EQ(h.mem32(src + 32), 0x07070707u);
}

TEST(EthosU55Registers, QbaseWriteClearsCmdEndReachedWhenStopped) {
  NpuHarness h;
  h.start(StreamBuilder().stop().bytes(), {});
  h.run_until_stopped();
  EXPECT_TRUE(h.reg(reg::kStatus) & status::kCmdEndReached);
  h.set_reg(reg::kQbase, NpuHarness::kCommandBase);
  EXPECT_FALSE(h.reg(reg::kStatus) & status::kCmdEndReached);
}

TEST(EthosU55Registers, ClearIrqDropsTheLineAndHistoryIsCleared) {
  NpuHarness h;
  h.start(StreamBuilder().cmd0(op::kStop, 0x00F0).bytes(), {});
  h.run_until_stopped();
  const uint32_t st = h.reg(reg::kStatus);
  EXPECT_TRUE(st & status::kIrqRaised);
  EXPECT_EQ(st >> 16, 0x00F0u);  // the STOP mask lands in irq_history_mask
  EXPECT_TRUE(h.npu().irq().level());
  h.set_reg(reg::kCmd, 0xC | cmd::kClearIrq | (0x0030u << 16));
  EXPECT_FALSE(h.reg(reg::kStatus) & status::kIrqRaised);
  EXPECT_EQ(h.reg(reg::kStatus) >> 16, 0x00C0u);
  EXPECT_FALSE(h.npu().irq().level());
  EXPECT_EQ(h.reg(reg::kCmd), 0xCu);
}

}  // namespace
}  // namespace minifvp::test
