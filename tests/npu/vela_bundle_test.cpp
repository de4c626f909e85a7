// Real Vela-compiled networks (../shared/npu-vectors, see its README) run on the NPU model through
// its registers; the output must equal the TFLite Micro reference output byte for byte.
#include <gtest/gtest.h>

#include <string>

#include "npu_test_harness.h"

namespace minifvp::test {
namespace {

const std::string kVectors = std::string(MINIFVP_SOURCE_DIR) + "/../shared/npu-vectors";

// The bundles' layout.json is machine-written with one key per line; we need three numbers from
// it, so a key search after an anchor is enough (no JSON library in the build).
uint64_t json_number_after(const std::string& text, const std::string& anchor,
                           const std::string& key) {
  size_t pos = text.find(anchor);
  if (pos == std::string::npos) return 0;
  pos = text.find("\"" + key + "\":", pos);
  if (pos == std::string::npos) return 0;
  pos += key.size() + 3;
  return std::stoull(text.substr(pos, 24));
}

struct BundleRun {
  std::vector<uint8_t> output;
  std::vector<uint8_t> expected;
  uint64_t cycles = 0;
  uint32_t status = 0;
};

BundleRun run_bundle(const std::string& dir, int macs) {
  BundleRun run;
  const std::vector<uint8_t> stream = read_binary_file(dir + "/cmd_stream.bin");
  const std::vector<uint8_t> flash = read_binary_file(dir + "/flash.bin");
  const std::vector<uint8_t> scratch = read_binary_file(dir + "/scratch_init.bin");
  run.expected = read_binary_file(dir + "/expected_output.bin");
  std::ifstream layout_file(dir + "/layout.json");
  const std::string layout((std::istreambuf_iterator<char>(layout_file)), {});
  const uint64_t scratch_size = json_number_after(layout, "\"1\": {", "size_bytes");
  const uint64_t out_offset = json_number_after(layout, "\"outputs\"", "offset");
  const uint64_t out_size = json_number_after(layout, "\"outputs\"", "size_bytes");
  EXPECT_EQ(out_size, run.expected.size());

  NpuHarness h(macs);
  const uint32_t flash_base = h.add_region(0, flash, flash.size());
  const uint32_t scratch_base =
      h.add_region(1, scratch, std::max<size_t>(scratch_size, scratch.size()));
  // Region 2 (fast scratch) is an alias of region 1 for these streams; regions 0-1 on AXI0/1 as
  // the driver's defaults (REGIONCFG_0 = 3, REGIONCFG_1 = 0, others 1).
  h.start(stream, {flash_base, scratch_base, scratch_base}, 0x5553);
  run.cycles = h.run_until_stopped();
  run.status = h.reg(npu::reg::kStatus);
  run.output = h.read_memory(scratch_base + static_cast<uint32_t>(out_offset), out_size);
  EXPECT_EQ(h.irq_rising_edges(), 1u);
  EXPECT_TRUE(h.npu().irq().level());
  return run;
}

// Runs the bundle in `dir` and checks a clean stop and the exact output; the NPU cycle count goes
// to the XML report for comparison with vela_estimate.json (cycles_npu).
void expect_bundle_reproduces_output(const std::string& dir, int macs) {
  const BundleRun run = run_bundle(dir, macs);
  EXPECT_EQ(run.status & 0xFFFF, npu::status::kCmdEndReached | npu::status::kIrqRaised)
      << "STATUS 0x" << std::hex << run.status;
  EXPECT_EQ(run.output, run.expected);
  EXPECT_GT(run.cycles, 0u);
  testing::Test::RecordProperty("npu_cycles", std::to_string(run.cycles));
}

std::string bundle_test_name(const std::string& bundle) {
  std::string s = bundle;
  for (char& c : s) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

class VelaBundle : public testing::TestWithParam<std::tuple<std::string, int>> {};

TEST_P(VelaBundle, ReproducesReferenceOutput) {
  const auto& [name, macs] = GetParam();
  const std::string dir = kVectors + "/" + name;
  if (!file_exists(dir + "/cmd_stream.bin")) GTEST_SKIP() << "no bundle at " << dir;
  expect_bundle_reproduces_output(dir, macs);
}

INSTANTIATE_TEST_SUITE_P(
    NpuVectors, VelaBundle,
    testing::Values(std::make_tuple("hello_world_int8/ethos-u55-128", 128),
                    std::make_tuple("hello_world_int8/ethos-u55-128-legacy-core", 128),
                    std::make_tuple("micro_speech_quantized/ethos-u55-128", 128),
                    std::make_tuple("person_detect/ethos-u55-128", 128),
                    std::make_tuple("person_detect/ethos-u55-256-tflm-prebuilt", 256)),
    [](const testing::TestParamInfo<VelaBundle::ParamType>& info) {
      return bundle_test_name(std::get<0>(info.param));
    });

// Bundles our own compiler (scripts/minifvp_ml/npu_compiler) produced for the TinyRPS CNN and the
// sine MLP, committed with the numpy golden model's output: these are part of the repository, so
// a missing file is a failure, not a skip.
class CompiledBundle : public testing::TestWithParam<std::tuple<std::string, int>> {};

TEST_P(CompiledBundle, ReproducesGoldenModelOutput) {
  const auto& [name, macs] = GetParam();
  const std::string dir = std::string(MINIFVP_SOURCE_DIR) + "/tests/npu/data/" + name;
  ASSERT_TRUE(file_exists(dir + "/cmd_stream.bin")) << "missing committed bundle " << dir;
  expect_bundle_reproduces_output(dir, macs);
}

INSTANTIATE_TEST_SUITE_P(PipelineBundles, CompiledBundle,
                         testing::Values(std::make_tuple("tinyrps/ethos-u55-128", 128),
                                         std::make_tuple("tinyrps/ethos-u55-256", 256),
                                         std::make_tuple("sine_mlp/ethos-u55-128", 128)),
                         [](const testing::TestParamInfo<CompiledBundle::ParamType>& info) {
                           return bundle_test_name(std::get<0>(info.param));
                         });

}  // namespace
}  // namespace minifvp::test
