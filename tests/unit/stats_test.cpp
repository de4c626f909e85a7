// Run statistics: the FVP-style --stat block layout, the text report and the JSON schema.
#include "sim/stats.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

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
  EXPECT_NE(json.find("\"exceptions_taken\": null,"), std::string::npos);
  EXPECT_NE(json.find("\"npu\": null\n}\n"), std::string::npos);
  const std::string text = format_stats_text(s);
  EXPECT_NE(text.find("CPI                : 1.500"), std::string::npos) << text;
  EXPECT_NE(text.find("stall cycles       : 100 (load_use 40, branch 60)"), std::string::npos)
      << text;
}

TEST(Stats, JsonQuoteEscapesControlCharacters) {
  EXPECT_EQ(json_quote("a\\b\"c\td\x01"), "\"a\\\\b\\\"c\\td\\u0001\"");
}

}  // namespace
}  // namespace minifvp
