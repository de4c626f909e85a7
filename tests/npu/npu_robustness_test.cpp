// Hostile command streams: random register values and operations must end in a defined state
// (stopped, with cmd_end_reached or an error bit) without crashing or hanging the host.
#include <gtest/gtest.h>

#include <random>

#include "npu_test_harness.h"
#include "stream_builder.h"

namespace minifvp::test {
namespace {

using namespace npu;

constexpr uint16_t kCmd0Registers[] = {
    reg0::kIfmPadTop,     reg0::kIfmPadLeft,    reg0::kIfmPadRight,   reg0::kIfmPadBottom,
    reg0::kIfmDepthM1,    reg0::kIfmPrecision,  reg0::kIfmUpscale,    reg0::kIfmZeroPoint,
    reg0::kIfmWidth0M1,   reg0::kIfmHeight0M1,  reg0::kIfmHeight1M1,  reg0::kIfmRegion,
    reg0::kOfmWidthM1,    reg0::kOfmHeightM1,   reg0::kOfmDepthM1,    reg0::kOfmPrecision,
    reg0::kOfmBlkDepthM1, reg0::kOfmZeroPoint,  reg0::kOfmWidth0M1,   reg0::kOfmHeight0M1,
    reg0::kOfmHeight1M1,  reg0::kOfmRegion,     reg0::kKernelWidthM1, reg0::kKernelHeightM1,
    reg0::kKernelStride,  reg0::kAccFormat,     reg0::kActivation,    reg0::kActivationMin,
    reg0::kActivationMax, reg0::kWeightRegion,  reg0::kScaleRegion,   reg0::kDmaSrcRegion,
    reg0::kDmaDstRegion,  reg0::kIfm2Broadcast, reg0::kIfm2Scalar,    reg0::kIfm2Precision,
    reg0::kIfm2ZeroPoint, reg0::kIfm2Width0M1,  reg0::kIfm2Height0M1, reg0::kIfm2Height1M1,
    reg0::kIfm2Region};
constexpr uint16_t kCmd1Registers[] = {
    reg1::kIfmBase0,    reg1::kIfmStrideX,   reg1::kIfmStrideY, reg1::kIfmStrideC,
    reg1::kOfmBase0,    reg1::kOfmStrideX,   reg1::kOfmStrideY, reg1::kOfmStrideC,
    reg1::kWeightBase,  reg1::kWeightLength, reg1::kScaleBase,  reg1::kScaleLength,
    reg1::kOfmScale,    reg1::kOpaScale,     reg1::kOpbScale,   reg1::kDmaSrc,
    reg1::kDmaDst,      reg1::kDmaLen,       reg1::kIfm2Base0,  reg1::kIfm2StrideX,
    reg1::kIfm2StrideY, reg1::kIfm2StrideC};
constexpr uint16_t kOperations[] = {op::kConv, op::kDepthwise, op::kPool, op::kElementwise,
                                    op::kDmaStart};

// Small values most of the time so that operations get past validation and touch memory.
uint32_t biased(std::mt19937& rng) {
  switch (rng() % 4) {
    case 0:
      return rng();
    case 1:
      return rng() % 0x10000;
    default:
      return rng() % 16;
  }
}

TEST(NpuRobustness, RandomStreamsEndInADefinedState) {
  std::mt19937 rng(2024);
  unsigned completed = 0, faulted = 0;
  for (int run = 0; run < 400; ++run) {
    NpuHarness h;
    std::vector<uint8_t> noise(0x4000);
    for (uint8_t& b : noise) b = static_cast<uint8_t>(rng());
    const uint32_t r0 = h.add_region(0, noise, noise.size());
    const uint32_t r1 = h.add_region(1, noise, noise.size());
    StreamBuilder s;
    for (int i = 0; i < 60; ++i) {
      const unsigned pick = rng() % 10;
      if (pick < 5) {
        s.cmd0(kCmd0Registers[rng() % std::size(kCmd0Registers)],
               static_cast<uint16_t>(biased(rng)));
      } else if (pick < 8) {
        s.cmd1(kCmd1Registers[rng() % std::size(kCmd1Registers)], biased(rng),
               static_cast<uint16_t>(rng() % 64));
      } else if (pick < 9) {
        s.cmd0(kOperations[rng() % std::size(kOperations)], static_cast<uint16_t>(rng() % 12));
      } else {
        s.raw(rng());  // anything at all
      }
    }
    s.stop();
    h.start(s.bytes(), {r0, r1, r1, r0, r1, r0, r1, 0xFFFFF000});
    h.run_until_stopped();
    const uint32_t st = h.reg(reg::kStatus);
    ASSERT_FALSE(st & status::kState) << "run " << run;
    ASSERT_TRUE(st & status::kIrqRaised) << "run " << run;
    const bool ended = st & status::kCmdEndReached;
    const bool fault = st & (status::kCmdParseError | status::kBusStatus | status::kWdFault);
    ASSERT_NE(ended, fault) << "run " << run << " status 0x" << std::hex << st;
    (ended ? completed : faulted)++;
  }
  // Both outcomes occur, so the test reaches execution as well as validation.
  EXPECT_GT(completed, 0u);
  EXPECT_GT(faulted, 0u);
}

}  // namespace
}  // namespace minifvp::test
