// Per-operation vectors from scripts/npu_reference/gen_vectors.py: command streams with
// Vela-style register values and expected outputs from a numpy transcription of the TFLite
// reference kernels (conv, depthwise, pooling, elementwise, LUT; layouts, tiles, padding,
// broadcast, rounding ties, saturation). The whole output region must match, so stray writes
// fail too.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "npu_test_harness.h"

namespace minifvp::test {
namespace {

const std::filesystem::path kDataDir = std::filesystem::path(MINIFVP_SOURCE_DIR) / "tests/npu/data";

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  if (!std::filesystem::is_directory(kDataDir)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(kDataDir)) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "cmd.bin")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

int case_macs(const std::filesystem::path& dir) {
  std::ifstream in(dir / "case.txt");
  std::string key;
  int macs = 128;
  while (in >> key) {
    if (key == "macs") in >> macs;
  }
  return macs;
}

class ReferenceVector : public testing::TestWithParam<std::string> {};

TEST_P(ReferenceVector, MatchesTfliteReference) {
  const std::filesystem::path dir = kDataDir / GetParam();
  const std::vector<uint8_t> stream = read_binary_file((dir / "cmd.bin").string());
  const std::vector<uint8_t> region0 = read_binary_file((dir / "region0.bin").string());
  const std::vector<uint8_t> region1 = read_binary_file((dir / "region1.bin").string());
  const std::vector<uint8_t> expected = read_binary_file((dir / "region1_expected.bin").string());
  ASSERT_EQ(region1.size(), expected.size());

  NpuHarness h(case_macs(dir));
  const uint32_t base0 = h.add_region(0, region0, region0.size());
  const uint32_t base1 = h.add_region(1, region1, region1.size());
  h.start(stream, {base0, base1});
  h.run_until_stopped();
  EXPECT_EQ(h.reg(npu::reg::kStatus) & 0xFFFF,
            npu::status::kCmdEndReached | npu::status::kIrqRaised)
      << h.npu().last_error();
  const std::vector<uint8_t> actual = h.read_memory(base1, expected.size());
  size_t mismatches = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    if (actual[i] != expected[i] && ++mismatches <= 8) {
      ADD_FAILURE() << "byte " << i << ": got " << int(actual[i]) << ", expected "
                    << int(expected[i]);
    }
  }
  EXPECT_EQ(mismatches, 0u);
}

INSTANTIATE_TEST_SUITE_P(Generated, ReferenceVector, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReferenceVector);

TEST(ReferenceVectors, DataIsPresent) {
  EXPECT_GE(case_names().size(), 30u);
}

}  // namespace
}  // namespace minifvp::test
