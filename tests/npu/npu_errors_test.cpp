// Every fault kind: each sets its STATUS bit, raises the IRQ, stops the NPU, and keeps it stopped
// (CMD run ignored) until a soft reset.
#include <gtest/gtest.h>

#include "npu_test_harness.h"
#include "stream_builder.h"

namespace minifvp::test {
namespace {

using namespace npu;

constexpr uint32_t kUnmapped = 0x90000000;

// A 1x1x4 int8 ADD: IFM at region 1 + 0, IFM2 at + 16, OFM at + 32 (NHWC, unit scales).
StreamBuilder add_op_stream(unsigned ifm_region = 1, unsigned ofm_region = 1) {
  StreamBuilder s;
  s.cmd0(reg0::kIfmRegion, static_cast<uint16_t>(ifm_region))
      .cmd1(reg1::kIfmBase0, 0)
      .cmd1(reg1::kIfmStrideX, 4)
      .cmd1(reg1::kIfmStrideY, 4)
      .cmd1(reg1::kIfmStrideC, 1)
      .cmd0(reg0::kIfmDepthM1, 3)
      .cmd0(reg0::kIfmPrecision, 0x0001)
      .cmd0(reg0::kIfm2Region, 1)
      .cmd1(reg1::kIfm2Base0, 16)
      .cmd1(reg1::kIfm2StrideX, 4)
      .cmd1(reg1::kIfm2StrideY, 4)
      .cmd1(reg1::kIfm2StrideC, 1)
      .cmd0(reg0::kIfm2Precision, 0x0001)
      .cmd0(reg0::kOfmRegion, static_cast<uint16_t>(ofm_region))
      .cmd1(reg1::kOfmBase0, 32)
      .cmd1(reg1::kOfmStrideX, 4)
      .cmd1(reg1::kOfmStrideY, 4)
      .cmd1(reg1::kOfmStrideC, 1)
      .cmd0(reg0::kOfmDepthM1, 3)
      .cmd0(reg0::kOfmPrecision, 0x0101)  // int8, NHWC, global scale, DBL rounding
      .cmd1(reg1::kOfmScale, 1, 0)
      .cmd1(reg1::kOpaScale, 1, 0)
      .cmd1(reg1::kOpbScale, 1)
      .cmd0(reg0::kActivationMin, 0xFF80)
      .cmd0(reg0::kActivationMax, 0x007F)
      .cmd0(op::kElementwise, 1);
  return s;
}

std::vector<uint8_t> add_inputs() {
  std::vector<uint8_t> data(48, 0);
  const int8_t a[4] = {1, -2, 100, -100};
  const int8_t b[4] = {3, 4, 100, -100};
  for (int i = 0; i < 4; ++i) {
    data[i] = static_cast<uint8_t>(a[i]);
    data[16 + i] = static_cast<uint8_t>(b[i]);
  }
  return data;
}

void expect_fault(NpuHarness& h, uint32_t bit) {
  const uint32_t st = h.reg(reg::kStatus);
  EXPECT_TRUE(st & bit) << std::hex << st;
  EXPECT_TRUE(st & status::kIrqRaised);
  EXPECT_FALSE(st & status::kState);
  EXPECT_FALSE(st & status::kCmdEndReached);
  EXPECT_TRUE(h.npu().irq().level());
}

// After a fault, CMD run is ignored until RESET; after RESET a good stream runs again.
void expect_stuck_until_reset(NpuHarness& h, uint32_t bit) {
  h.set_reg(reg::kCmd, 0xC | cmd::kClearIrq);
  h.set_reg(reg::kCmd, 0xC | cmd::kTransitionToRunning);
  h.run_until_stopped();
  EXPECT_TRUE(h.reg(reg::kStatus) & bit);
  EXPECT_FALSE(h.reg(reg::kStatus) & status::kCmdEndReached);
  h.set_reg(reg::kReset, 0);
  EXPECT_EQ(h.reg(reg::kStatus), 0u);
  h.start(StreamBuilder().stop().bytes(), {});
  h.run_until_stopped();
  EXPECT_EQ(h.reg(reg::kStatus) & 0xFFFF, status::kCmdEndReached | status::kIrqRaised);
}

TEST(NpuErrors, GoodAddRunsToCompletion) {
  NpuHarness h;
  const uint32_t base = h.add_region(1, add_inputs(), 64);
  StreamBuilder s = add_op_stream();
  s.stop();
  h.start(s.bytes(), {0, base});
  h.run_until_stopped();
  EXPECT_EQ(h.reg(reg::kStatus) & 0xFFFF, status::kCmdEndReached | status::kIrqRaised);
  const std::vector<uint8_t> out = h.read_memory(base + 32, 4);
  EXPECT_EQ(static_cast<int8_t>(out[0]), 4);
  EXPECT_EQ(static_cast<int8_t>(out[1]), 2);
  EXPECT_EQ(static_cast<int8_t>(out[2]), 127);   // saturated
  EXPECT_EQ(static_cast<int8_t>(out[3]), -128);  // saturated
}

TEST(NpuErrors, UnknownOpcodeIsAParseError) {
  NpuHarness h;
  h.start(StreamBuilder().cmd0(4).stop().bytes(), {});  // opcode 4 does not exist on the U55
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
  EXPECT_NE(h.npu().last_error().find("unknown cmd0 opcode 4"), std::string::npos);
  expect_stuck_until_reset(h, status::kCmdParseError);
}

TEST(NpuErrors, UnknownCmd1OpcodeIsAParseError) {
  NpuHarness h;
  h.start(StreamBuilder().cmd1(7, 0).stop().bytes(), {});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
}

TEST(NpuErrors, InvalidControlFieldIsAParseError) {
  NpuHarness h;
  h.start(StreamBuilder().raw(0x8000 | reg0::kIfmRegion).stop().bytes(), {});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
}

TEST(NpuErrors, Cmd1WithoutPayloadIsAParseError) {
  NpuHarness h;
  h.start(StreamBuilder().raw(0x4000 | reg1::kIfmBase0).bytes(), {});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
}

TEST(NpuErrors, InvalidOperationSettingsAreAParseError) {
  NpuHarness h;
  const uint32_t base = h.add_region(1, add_inputs(), 64);
  StreamBuilder s = add_op_stream();
  s.cmd0(op::kPool, 7).stop();  // pooling mode 7 does not exist on the U55
  h.start(s.bytes(), {0, base});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
  EXPECT_NE(h.npu().last_error().find("pooling mode"), std::string::npos);
}

TEST(NpuErrors, UnsupportedActivationFunctionIsRejected) {
  NpuHarness h;
  const uint32_t base = h.add_region(1, add_inputs(), 64);
  StreamBuilder s = add_op_stream();
  s.cmd0(reg0::kActivation, 4).cmd0(op::kElementwise, 1).stop();  // hardware sigmoid
  h.start(s.bytes(), {0, base});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
  EXPECT_NE(h.npu().last_error().find("activation function 4"), std::string::npos);
}

TEST(NpuErrors, OversizedOperationIsRejectedWithoutAllocating) {
  NpuHarness h;
  const uint32_t base = h.add_region(1, add_inputs(), 64);
  StreamBuilder s = add_op_stream();
  s.cmd0(reg0::kOfmWidthM1, 0xFFFF)
      .cmd0(reg0::kOfmHeightM1, 0xFFFF)
      .cmd0(reg0::kOfmDepthM1, 0xFFFF);
  s.cmd0(op::kElementwise, 1).stop();
  h.start(s.bytes(), {0, base});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
}

TEST(NpuErrors, CommandFetchFaultIsABusErrorOnTheCommandChannel) {
  NpuHarness h;
  h.start_at(kUnmapped, 64, {});
  h.run_until_stopped();
  expect_fault(h, status::kBusStatus);
  EXPECT_EQ((h.reg(reg::kStatus) >> status::kFaultingChannelShift) & 0xF, 0u);
  expect_stuck_until_reset(h, status::kBusStatus);
}

TEST(NpuErrors, IfmReadFaultReportsTheIfmChannel) {
  NpuHarness h;
  StreamBuilder s = add_op_stream();
  s.stop();
  h.start(s.bytes(), {0, kUnmapped});
  h.run_until_stopped();
  expect_fault(h, status::kBusStatus);
  EXPECT_EQ((h.reg(reg::kStatus) >> status::kFaultingChannelShift) & 0xF, 1u);
}

TEST(NpuErrors, FaultingInterfaceFollowsTheRegionsAxiPort) {
  NpuHarness h;
  StreamBuilder s = add_op_stream();
  s.stop();
  h.start(s.bytes(), {0, kUnmapped}, /*regioncfg: region 1 on AXI1*/ 0x8);
  h.run_until_stopped();
  expect_fault(h, status::kBusStatus);
  EXPECT_TRUE(h.reg(reg::kStatus) & status::kFaultingInterface);
}

TEST(NpuErrors, OfmWriteFaultReportsTheOfmChannel) {
  NpuHarness h;
  const uint32_t base = h.add_region(1, add_inputs(), 64);
  StreamBuilder s = add_op_stream(1, 2);
  s.stop();
  h.start(s.bytes(), {0, base, kUnmapped});
  h.run_until_stopped();
  expect_fault(h, status::kBusStatus);
  EXPECT_EQ((h.reg(reg::kStatus) >> status::kFaultingChannelShift) & 0xF, 8u);
}

TEST(NpuErrors, DmaSourceFaultReportsTheMem2MemChannel) {
  NpuHarness h;
  const uint32_t base = h.add_region(1, {}, 4096);
  h.start(StreamBuilder().dma(0, 0, 1, 0, 256).stop().bytes(), {kUnmapped, base});
  h.run_until_stopped();
  expect_fault(h, status::kBusStatus);
  EXPECT_EQ((h.reg(reg::kStatus) >> status::kFaultingChannelShift) & 0xF, 4u);
}

TEST(NpuErrors, DmaBeyondShramIsRejected) {
  NpuHarness h;
  const uint32_t base = h.add_region(0, std::vector<uint8_t>(4096, 1), 4096);
  h.start(StreamBuilder().dma(0, 0, 3, 0x5F00, 1024, true).stop().bytes(), {base});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
}

// A 1x1 convolution of a 1x1x1 IFM into one OFM channel whose weight stream is `stream`.
StreamBuilder conv_stream(uint32_t weight_length) {
  StreamBuilder s;
  s.cmd0(reg0::kIfmRegion, 1)
      .cmd1(reg1::kIfmBase0, 0)
      .cmd1(reg1::kIfmStrideX, 1)
      .cmd1(reg1::kIfmStrideY, 1)
      .cmd1(reg1::kIfmStrideC, 1)
      .cmd0(reg0::kIfmPrecision, 0x0001)
      .cmd0(reg0::kOfmRegion, 1)
      .cmd1(reg1::kOfmBase0, 16)
      .cmd1(reg1::kOfmStrideX, 1)
      .cmd1(reg1::kOfmStrideY, 1)
      .cmd1(reg1::kOfmStrideC, 1)
      .cmd0(reg0::kOfmPrecision, 0x0001)
      .cmd0(reg0::kActivationMin, 0xFF80)
      .cmd0(reg0::kActivationMax, 0x007F)
      .cmd0(reg0::kWeightRegion, 0)
      .cmd1(reg1::kWeightBase, 16)
      .cmd1(reg1::kWeightLength, weight_length)
      .cmd0(reg0::kScaleRegion, 0)
      .cmd1(reg1::kScaleBase, 0)
      .cmd1(reg1::kScaleLength, 16)
      .cmd0(op::kConv);
  return s;
}

TEST(NpuErrors, MalformedWeightStreamIsAWeightDecoderFault) {
  NpuHarness h;
  // Scale entry (bias 0, scale 1<<30, shift 30), then a weight stream whose first slice defines
  // no palette: zero bytes decode as ZDIV 0, NEWPAL 0.
  std::vector<uint8_t> flash(64, 0);
  flash[8] = 0x40;
  flash[9] = 30;
  const uint32_t f = h.add_region(0, flash, 4096);
  const uint32_t s = h.add_region(1, {}, 4096);
  StreamBuilder st = conv_stream(16);
  st.stop();
  h.start(st.bytes(), {f, s});
  h.run_until_stopped();
  expect_fault(h, status::kWdFault);
  expect_stuck_until_reset(h, status::kWdFault);
}

TEST(NpuErrors, TruncatedWeightStreamIsAWeightDecoderFault) {
  NpuHarness h;
  std::vector<uint8_t> flash(64, 0xFF);  // only end-of-stream markers: no weights at all
  const uint32_t f = h.add_region(0, flash, 4096);
  const uint32_t s = h.add_region(1, {}, 4096);
  StreamBuilder st = conv_stream(16);
  st.stop();
  h.start(st.bytes(), {f, s});
  h.run_until_stopped();
  expect_fault(h, status::kWdFault);
}

TEST(NpuErrors, WeightReadFaultReportsTheWeightChannel) {
  NpuHarness h;
  const uint32_t s = h.add_region(1, {}, 4096);
  StreamBuilder st = conv_stream(16);
  st.stop();
  h.start(st.bytes(), {kUnmapped, s});
  h.run_until_stopped();
  expect_fault(h, status::kBusStatus);
  EXPECT_EQ((h.reg(reg::kStatus) >> status::kFaultingChannelShift) & 0xF, 2u);
}

TEST(NpuErrors, HugeQsizeIsRejected) {
  NpuHarness h;
  h.start_at(NpuHarness::kCommandBase, 0xFFFFFFF0, {});
  h.run_until_stopped();
  expect_fault(h, status::kCmdParseError);
}

}  // namespace
}  // namespace minifvp::test
