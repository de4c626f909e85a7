// Run statistics: the FVP-style --stat block layout, the text report and the JSON schema.
#include "sim/stats.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "elf_image_builder.h"
#include "npu/ethosu_device.h"
#include "sim/platform.h"
#include "tests/npu/stream_builder.h"

namespace minifvp {
namespace {

RunStats sample() {
  RunStats s;
  s.platform = "corstone-300";
  s.core_clock_hz = 25'000'000;
  s.stop_reason = "eot";
  s.exit_code = 0;
  s.instructions = 5334307;
  s.cycles = 8374025;  // 0.334961 s at 25 MHz
  s.wall_seconds = 12.758418;
  s.user_seconds = 12.785935;
  s.system_seconds = 0.031687;
  s.uarts = {{"uart0", 120, 3}, {"uart1", 0, 0}};
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(Stats, DerivedQuantities) {
  const RunStats s = sample();
  EXPECT_DOUBLE_EQ(s.simulated_seconds(), 8374025.0 / 25e6);
  EXPECT_NEAR(s.mips(), 5334307 / 12.758418 / 1e6, 1e-9);
  RunStats idle;
  EXPECT_EQ(idle.mips(), 0.0) << "no division by a zero wall time";
  EXPECT_EQ(idle.simulated_seconds(), 0.0);
}

TEST(Stats, FvpStatBlockHasTheFvpLayout) {
  const std::vector<std::string> lines = lines_of(format_fvp_stat_block(sample()));
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0],
            "--- minifvp corstone-300 statistics: ------------------------------------------");
  EXPECT_EQ(lines[0].size(), 79u);
  EXPECT_EQ(lines[1], "Simulated time                          : 0.334961s");
  EXPECT_EQ(lines[2], "User time                               : 12.785935s");
  EXPECT_EQ(lines[3], "System time                             : 0.031687s");
  EXPECT_EQ(lines[4], "Wall time                               : 12.758418s");
  EXPECT_EQ(lines[5], "Performance index                       : 0.03");
  EXPECT_EQ(lines[6], "minifvp corstone-300.cpu0               :   0.42 MIPS (     5334307 Inst)");
  EXPECT_EQ(lines[7], std::string(79, '-'));
}

TEST(Stats, TextReportListsActiveUartsOnly) {
  const std::string text = format_stats_text(sample());
  EXPECT_NE(text.find("stop reason        : eot (exit code 0)"), std::string::npos) << text;
  EXPECT_NE(text.find("instructions       : 5334307"), std::string::npos);
  EXPECT_NE(text.find("uart0              : 120 bytes out, 3 bytes in"), std::string::npos);
  EXPECT_EQ(text.find("uart1"), std::string::npos);
}

TEST(Stats, JsonFollowsTheSchema) {
  RunStats s = sample();
  s.stop_reason = "tag \"x\"\n";
  const std::string json = format_stats_json(s);
  EXPECT_EQ(json.rfind("{\n  \"schema\": \"minifvp-stats/1\",\n", 0), 0u) << json;
  EXPECT_NE(json.find("\"platform\": \"corstone-300\""), std::string::npos);
  EXPECT_NE(json.find("\"stop\": {\"reason\": \"tag \\\"x\\\"\\n\", \"exit_code\": 0}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"instructions\": 5334307,"), std::string::npos);
  EXPECT_NE(json.find("\"cycles\": 8374025,"), std::string::npos);
  EXPECT_NE(json.find("\"core_clock_hz\": 25000000,"), std::string::npos);
  EXPECT_NE(json.find("{\"name\": \"uart0\", \"tx_bytes\": 120, \"rx_bytes\": 3}"),
            std::string::npos);
  EXPECT_EQ(json.back(), '\n');
}

TEST(Stats, JsonReportsCpiAndStallCyclesByCause) {
  RunStats s = sample();
  s.instructions = 200;
  s.cycles = 300;
  s.stall_cycles = {{"load_use", 40}, {"branch", 60}};
  const std::string json = format_stats_json(s);
  EXPECT_NE(json.find("\"cpi\": 1.5,"), std::string::npos) << json;
  EXPECT_NE(json.find("\"stall_cycles\": {\"load_use\": 40, \"branch\": 60},"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"exceptions_taken\": 0,"), std::string::npos);
  EXPECT_NE(json.find("\"exceptions_by_number\": [],"), std::string::npos);
  EXPECT_NE(json.find("\"npu\": null\n}\n"), std::string::npos) << "no NPU mapped";
  const std::string text = format_stats_text(s);
  EXPECT_NE(text.find("CPI                : 1.500"), std::string::npos) << text;
  EXPECT_NE(text.find("stall cycles       : 100 (load_use 40, branch 60)"), std::string::npos)
      << text;
}

TEST(Stats, JsonQuoteEscapesControlCharacters) {
  EXPECT_EQ(json_quote("a\\b\"c\td\x01"), "\"a\\\\b\\\"c\\td\\u0001\"");
}

// A Corstone-300 run in which the guest takes SVCall, then the NPU interrupt (IRQ 56) when a DMA
// command stream the host started completes: both show in the exception counts and the NPU part
// of the reports.
TEST(Stats, RunWithExceptionsAndAnNpuStreamIsReported) {
  constexpr uint32_t kBase = 0x10000000, kCode = kBase + 0x200, kInitialSp = 0x20080000;
  constexpr unsigned kNpuIrq = 56;
  constexpr uint32_t kNpuBase = 0x48102000, kStream = 0x21000000, kSrc = 0x21001000,
                     kDst = 0x21002000;
  // Vector table (128 entries), then: main: SVC #0; B .   SVCall: BX LR   IRQ56: B .
  std::vector<uint32_t> vectors(128, 0);
  vectors[0] = kInitialSp;
  vectors[1] = kCode + 1;
  vectors[11] = kCode + 4 + 1;
  vectors[16 + kNpuIrq] = kCode + 6 + 1;
  std::vector<uint8_t> image;
  for (uint32_t v : vectors) {
    for (int b = 0; b < 4; ++b) image.push_back(static_cast<uint8_t>(v >> (8 * b)));
  }
  for (uint16_t hw : {0xdf00, 0xe7fe, 0x4770, 0xe7fe}) {
    image.push_back(static_cast<uint8_t>(hw));
    image.push_back(static_cast<uint8_t>(hw >> 8));
  }
  const auto elf =
      test::ElfImageBuilder().entry(kCode + 1).segment({.paddr = kBase, .data = image}).build();

  PlatformConfig config;
  for (UartConfig& u : config.uarts) u.port = "null";
  config.semihosting_enabled = false;
  config.limits.instructions = 20'000;
  Platform p(corstone300_description(), config);
  p.load_elf(ElfImage::from_bytes(elf, "stats.elf"));
  p.boot();
  Bus& bus = p.bus();
  ASSERT_EQ(bus.write(0xE000E100 + 4 * (kNpuIrq / 32), 4, 1u << (kNpuIrq % 32)), BusStatus::Ok);
  const std::vector<uint8_t> stream =
      test::StreamBuilder().dma(0, kSrc, 1, kDst, 2048).stop().bytes();
  ASSERT_EQ(bus.write_block(kStream, stream.data(), stream.size()), BusStatus::Ok);
  ASSERT_EQ(bus.write(kNpuBase + npu::reg::kQbase, 4, kStream), BusStatus::Ok);
  ASSERT_EQ(bus.write(kNpuBase + npu::reg::kQsize, 4, static_cast<uint32_t>(stream.size())),
            BusStatus::Ok);
  ASSERT_EQ(bus.write(kNpuBase + npu::reg::kCmd, 4, 0xC | npu::cmd::kTransitionToRunning),
            BusStatus::Ok);
  HostTimer timer;
  p.run(timer);

  const RunStats s = p.stats("limit", 0);
  EXPECT_EQ(s.exceptions_taken, 2u);
  ASSERT_EQ(s.exceptions_by_number.size(), 2u);
  EXPECT_EQ(s.exceptions_by_number[0].number, 11u);
  EXPECT_EQ(s.exceptions_by_number[0].name, "SVCall");
  EXPECT_EQ(s.exceptions_by_number[1].number, 16 + kNpuIrq);
  EXPECT_EQ(s.exceptions_by_number[1].name, "IRQ56");
  ASSERT_TRUE(s.npu.has_value());
  EXPECT_EQ(s.npu->macs_per_cycle, 128);
  EXPECT_EQ(s.npu->detail.operations(), 1u);
  EXPECT_EQ(s.npu->detail.region_read_bytes()[0], 2048u);
  EXPECT_EQ(s.npu->detail.region_write_bytes()[1], 2048u);
  const uint64_t active = s.npu->active_cycles;
  EXPECT_EQ(active, s.npu->detail.estimated_cycles());
  ASSERT_GT(active, 0u);
  ASSERT_GT(s.cycles, active);
  EXPECT_DOUBLE_EQ(s.npu_utilisation(), static_cast<double>(active) / s.cycles);

  const std::string json = format_stats_json(s);
  EXPECT_NE(json.find("\"exceptions_taken\": 2,"), std::string::npos) << json;
  EXPECT_NE(json.find("{\"number\": 72, \"name\": \"IRQ56\", \"count\": 1}"), std::string::npos);
  EXPECT_NE(json.find("\"operations\": 1,"), std::string::npos);
  EXPECT_NE(json.find("\"active_cycles\": " + std::to_string(active) + ","), std::string::npos);
  EXPECT_NE(json.find("\"dma\": {\"operations\": 1, \"macs\": 0, \"cycles\": " +
                      std::to_string(active) + ", \"read_bytes\": 2048, \"write_bytes\": 2048}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"type\": \"dma\", \"start_cycle\": "), std::string::npos);
  EXPECT_NE(json.find("\"ifm\": null"), std::string::npos);
  EXPECT_NE(json.find("\"region_read_bytes\": [2048, 0, 0, 0, 0, 0, 0, 0]"), std::string::npos);
  EXPECT_NE(json.find("\"detailed_limit\": 256,"), std::string::npos);
  EXPECT_EQ(json.substr(json.size() - 7), "\n  }\n}\n");

  const std::string text = format_stats_text(s);
  EXPECT_NE(text.find("exceptions taken   : 2 (SVCall 1, IRQ56 1)"), std::string::npos) << text;
  EXPECT_NE(text.find("NPU operations     : 1 (0 MACs, " + std::to_string(active)),
            std::string::npos);
  EXPECT_NE(text.find(fmt::format("NPU active cycles  : {} (utilisation {:.2f} % of {} cycles)",
                                  active, 100.0 * active / s.cycles, s.cycles)),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("#0    dma: 0 MACs"), std::string::npos) << text;
}

}  // namespace
}  // namespace minifvp
