// NPU statistics (npu/npu_stats.h): per-operation records from real command streams, totals,
// the bound on detailed records, and active cycles while an operation is in flight.
#include "npu/npu_stats.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include "npu_test_harness.h"
#include "stream_builder.h"

namespace minifvp::test {
namespace {

template <size_t N>
uint64_t total(const std::array<uint64_t, N>& values) {
  return std::accumulate(values.begin(), values.end(), uint64_t{0});
}

// Runs the committed TinyRPS bundle (tests/npu/data/tinyrps) and returns its statistics.
npu::NpuStatistics run_tinyrps(NpuHarness& h, int macs) {
  const std::string dir =
      std::string(MINIFVP_SOURCE_DIR) + "/tests/npu/data/tinyrps/ethos-u55-" + std::to_string(macs);
  const std::vector<uint8_t> stream = read_binary_file(dir + "/cmd_stream.bin");
  const std::vector<uint8_t> flash = read_binary_file(dir + "/flash.bin");
  const std::vector<uint8_t> scratch = read_binary_file(dir + "/scratch_init.bin");
  EXPECT_FALSE(stream.empty()) << "missing committed bundle " << dir;
  const uint32_t flash_base = h.add_region(0, flash, flash.size());
  const uint32_t scratch_base = h.add_region(1, scratch, std::max<size_t>(scratch.size(), 1 << 20));
  h.start(stream, {flash_base, scratch_base, scratch_base}, 0x5553);
  h.run_until_stopped();
  EXPECT_NE(h.reg(npu::reg::kStatus) & npu::status::kCmdEndReached, 0u);
  return h.npu().statistics();
}

TEST(NpuStats, TinyRpsOperationsAreRecordedWithShapesMacsCyclesAndTraffic) {
  NpuHarness h(128);
  const npu::NpuStatistics s = run_tinyrps(h, 128);
  ASSERT_GT(s.operations(), 2u);
  EXPECT_EQ(s.operations(), h.npu().operations_run());
  EXPECT_EQ(s.estimated_cycles(), h.npu().busy_cycles());
  EXPECT_EQ(h.npu().active_cycles(), h.npu().busy_cycles()) << "nothing in flight after the end";
  ASSERT_EQ(s.detailed().size(), s.operations());

  uint64_t macs = 0, cycles = 0, read = 0, written = 0;
  for (const npu::OperationRecord& op : s.detailed()) {
    macs += op.macs;
    cycles += op.cycles;
    read += total(op.region_read_bytes);
    written += total(op.region_write_bytes);
    EXPECT_EQ(total(op.region_read_bytes), op.read_bytes()) << "every region byte is on a port";
    EXPECT_EQ(op.cycles,
              npu::kOperationOverheadCycles + std::max(op.compute_cycles, op.memory_cycles));
    EXPECT_TRUE(op.has_feature_maps);
    EXPECT_GT(op.ofm.height * op.ofm.width * op.ofm.depth, 0);
    EXPECT_GT(op.write_bytes(), 0u) << op.type;
  }
  EXPECT_EQ(macs, s.macs());
  EXPECT_EQ(cycles, s.estimated_cycles());
  EXPECT_EQ(total(s.region_read_bytes()), read);
  EXPECT_EQ(total(s.region_write_bytes()), written);
  EXPECT_EQ(total(s.axi_read_bytes()), read + s.command_stream_bytes());
  EXPECT_EQ(total(s.axi_write_bytes()), written);
  EXPECT_GT(s.command_stream_bytes(), 0u);

  // The network: 3x3 convolutions, 2x2 max pooling, then fully connected layers as 1x1 convs.
  const npu::OperationRecord& first = s.detailed().front();
  EXPECT_EQ(first.type, "conv");
  EXPECT_EQ(first.kernel_height, 3);
  EXPECT_EQ(first.ofm.height, first.ifm.height) << "same padding";
  ASSERT_TRUE(s.by_type().count("pool_max"));
  ASSERT_TRUE(s.by_type().count("conv"));
  const npu::OperationRecord& last = s.detailed().back();
  EXPECT_EQ(last.type, "conv");
  EXPECT_EQ(last.ifm.height * last.ifm.width, 1);
  EXPECT_EQ(last.macs, uint64_t(last.ifm.depth) * uint64_t(last.ofm.depth))
      << "a fully connected layer does IFM depth x OFM depth MACs";
  uint64_t by_type_ops = 0;
  for (const auto& [type, t] : s.by_type()) by_type_ops += t.operations;
  EXPECT_EQ(by_type_ops, s.operations());
  // Operations follow each other: each starts when the previous one's estimate ends.
  for (size_t i = 1; i < s.detailed().size(); ++i) {
    EXPECT_EQ(s.detailed()[i].start_cycle,
              s.detailed()[i - 1].start_cycle + s.detailed()[i - 1].cycles);
    EXPECT_EQ(s.detailed()[i].index, i);
  }
}

TEST(NpuStats, MoreMacsMakeConvolutionsFaster) {
  NpuHarness h128(128), h256(256);
  const npu::NpuStatistics s128 = run_tinyrps(h128, 128);
  const npu::NpuStatistics s256 = run_tinyrps(h256, 256);
  EXPECT_EQ(s128.macs(), s256.macs());
  EXPECT_LT(s256.by_type().at("conv").cycles, s128.by_type().at("conv").cycles);
}

TEST(NpuStats, DetailedRecordsAreBoundedButTotalsCountEverything) {
  NpuHarness h;
  const uint32_t src = h.add_region(0, {}, 0x1000);
  const uint32_t dst = h.add_region(1, {}, 0x1000);
  StreamBuilder b;
  const size_t kOps = npu::NpuStatistics::kDetailedOperations + 44;
  for (size_t i = 0; i < kOps; ++i) b.dma(0, 0, 1, 0, 64);
  h.start(b.stop().bytes(), {src, dst}, 0);
  h.run_until_stopped();
  const npu::NpuStatistics& s = h.npu().statistics();
  EXPECT_EQ(s.operations(), kOps);
  EXPECT_EQ(s.detailed().size(), npu::NpuStatistics::kDetailedOperations);
  EXPECT_EQ(s.detailed().back().index, npu::NpuStatistics::kDetailedOperations - 1);
  ASSERT_EQ(s.by_type().size(), 1u);
  EXPECT_EQ(s.by_type().at("dma").operations, kOps);
  EXPECT_EQ(s.region_read_bytes()[0], 64 * kOps);
  EXPECT_EQ(s.region_write_bytes()[1], 64 * kOps);
  EXPECT_FALSE(s.detailed().front().has_feature_maps);
  EXPECT_EQ(s.macs(), 0u);
}

TEST(NpuStats, ActiveCyclesCountOnlyTheElapsedPartOfAnOperation) {
  NpuHarness h;
  const uint32_t src = h.add_region(0, {}, 0x2000);
  const uint32_t dst = h.add_region(1, {}, 0x2000);
  h.start(StreamBuilder().dma(0, 0, 1, 0, 4096).stop().bytes(), {src, dst}, 0);
  const uint64_t estimate = h.npu().busy_cycles();
  ASSERT_GT(estimate, 10u);
  EXPECT_EQ(h.npu().active_cycles(), 0u);
  h.scheduler().advance_to(10);
  EXPECT_EQ(h.npu().active_cycles(), 10u);
  h.set_reg(npu::reg::kReset, 0);  // cut the operation short
  h.scheduler().advance_to(estimate + 100);
  h.scheduler().run_due_events();
  EXPECT_EQ(h.npu().active_cycles(), 10u);
}

TEST(NpuStats, TypeNamesDistinguishPoolingAndElementwiseModes) {
  npu::OperationDesc d;
  d.kind = npu::OperationKind::Pool;
  d.pool_mode = npu::PoolMode::Average;
  EXPECT_EQ(npu::operation_type_name(d), "pool_avg");
  d.pool_mode = npu::PoolMode::ReduceSum;
  EXPECT_EQ(npu::operation_type_name(d), "pool_sum");
  d.kind = npu::OperationKind::Elementwise;
  d.elementwise_mode = npu::ElementwiseMode::Add;
  d.ifm2.height = 2;
  EXPECT_EQ(npu::operation_type_name(d), "elementwise_add");
  const npu::OperationRecord r = npu::describe_record(d);
  EXPECT_TRUE(r.has_ifm2);
  EXPECT_EQ(r.ifm2.height, 2);
  EXPECT_EQ(r.kernel_height, 0) << "elementwise has no kernel";
  d.ifm2_scalar = true;
  EXPECT_FALSE(npu::describe_record(d).has_ifm2);
  d.kind = npu::OperationKind::Depthwise;
  EXPECT_EQ(npu::operation_type_name(d), "depthwise");
}

}  // namespace
}  // namespace minifvp::test
