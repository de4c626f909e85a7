// Command-line parsing: minifvp's own options, the FVP spellings (-a, --data, -C, -f), program
// names, and rejection of bad input.
#include "sim/cli.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

namespace minifvp {
namespace {

CliOptions parse(std::initializer_list<const char*> args) {
  std::vector<const char*> argv(args);
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

std::string usage_error(std::initializer_list<const char*> args) {
  try {
    parse(args);
  } catch (const UsageError& e) {
    return e.what();
  }
  return {};
}

TEST(Cli, DefaultsForAPlainRun) {
  const CliOptions o = parse({"minifvp", "fw.elf"});
  EXPECT_EQ(o.elf_path, "fw.elf");
  EXPECT_EQ(o.platform, "corstone-300");
  EXPECT_FALSE(o.fvp_name);
  EXPECT_EQ(o.config.core_clock_hz, 25'000'000u);
  EXPECT_EQ(o.config.uarts[0].port, "stdio");
  EXPECT_EQ(o.config.uarts[1].port, "null");
  EXPECT_FALSE(o.config.uarts[0].shutdown_on_eot);
  EXPECT_TRUE(o.config.semihosting_enabled);
  EXPECT_FALSE(o.config.initsvtor.has_value());
  EXPECT_EQ(o.config.limits.wall_seconds, 0.0);
  EXPECT_TRUE(o.warnings.empty());
  EXPECT_FALSE(o.info_text.has_value());
}

TEST(Cli, OwnOptions) {
  const CliOptions o = parse({"minifvp",
                              "--platform",
                              "corstone-320",
                              "--uart0",
                              "tcp:5000",
                              "--uart2",
                              "file:/tmp/u2.txt",
                              "--timelimit",
                              "2.5",
                              "--max-instructions",
                              "1000000",
                              "--stats",
                              "--stat",
                              "--stats-json",
                              "s.json",
                              "--trace",
                              "t.txt",
                              "--log-level",
                              "debug",
                              "--cmdline",
                              "prog -v",
                              "--semihosting-cwd",
                              "/tmp",
                              "--core-clock",
                              "0x2faf080",
                              "--cyclelimit",
                              "123",
                              "--cpulimit",
                              "7",
                              "fw.elf"});
  EXPECT_EQ(o.platform, "corstone-320");
  EXPECT_EQ(o.config.uarts[0].port, "tcp:5000");
  EXPECT_EQ(o.config.uarts[2].port, "file:/tmp/u2.txt");
  EXPECT_EQ(o.config.limits.wall_seconds, 2.5);
  EXPECT_EQ(o.config.limits.cpu_seconds, 7.0);
  EXPECT_EQ(o.config.limits.instructions, 1000000u);
  EXPECT_EQ(o.config.limits.cycles, 123u);
  EXPECT_TRUE(o.stats_text);
  EXPECT_TRUE(o.fvp_stat);
  EXPECT_EQ(o.stats_json_path, "s.json");
  EXPECT_EQ(o.trace_path, "t.txt");
  EXPECT_EQ(o.log_level, "debug");
  EXPECT_EQ(o.config.semihosting.cmdline, "prog -v");
  EXPECT_EQ(o.config.semihosting.cwd, "/tmp");
  EXPECT_EQ(o.config.core_clock_hz, 50'000'000u);
}

TEST(Cli, FvpSpellingsOfTheExecuTorchCommandLine) {
  const CliOptions o =
      parse({"minifvp", "-C", "ethosu.num_macs=128", "-C",
             "mps3_board.visualisation.disable-visualisation=1", "-C",
             "mps3_board.telnetterminal0.start_telnet=0", "-C", "mps3_board.uart0.out_file=-", "-C",
             "mps3_board.uart0.shutdown_on_eot=1", "-C", "ethosu.extra_args=--fast", "-a",
             "cpu0=runner.elf", "--data", "model.pte@0x70000000", "--timelimit", "600"});
  EXPECT_EQ(o.elf_path, "runner.elf");
  EXPECT_EQ(o.config.npu_num_macs, 128u);
  EXPECT_EQ(o.config.npu_extra_args, "--fast");
  EXPECT_EQ(o.config.uarts[0].port, "stdio");
  EXPECT_TRUE(o.config.uarts[0].shutdown_on_eot);
  ASSERT_EQ(o.data.size(), 1u);
  EXPECT_EQ(o.data[0].path, "model.pte");
  EXPECT_EQ(o.data[0].addr, 0x70000000u);
  EXPECT_EQ(o.config.limits.wall_seconds, 600.0);
  EXPECT_TRUE(o.warnings.empty());
}

TEST(Cli, Mps4PrefixesAndSemihostingKeys) {
  const CliOptions o = parse({"FVP_Corstone_SSE-320",
                              "-C",
                              "mps4_board.subsystem.ethosu.num_macs=1024",
                              "-C",
                              "mps4_board.subsystem.cpu0.semihosting-enable=0",
                              "-C",
                              "cpu0.semihosting-cmd_line=executor_runner -m b.bpte",
                              "-C",
                              "cpu0.semihosting-cwd=/work",
                              "-C",
                              "cpu0.semihosting-stack_base=0x20080000",
                              "-C",
                              "cpu0.semihosting-heap_limit=0",
                              "-C",
                              "cpu0.semihosting-heap_base=16",
                              "-C",
                              "cpu0.semihosting-stack_limit=0x20000000",
                              "-C",
                              "mps4_board.subsystem.iotss3_systemcontrol.INITSVTOR_RST=0",
                              "-C",
                              "vis_hdlcd.disable_visualisation=1",
                              "-C",
                              "mps4_board.telnetterminal0.quiet=1",
                              "-C",
                              "mps4_board.uart0.unbuffered_output=1",
                              "-C",
                              "mps4_board.uart0.out_file=out.txt",
                              "-C",
                              "mps4_board.uart0.shutdown_tag=EXITTHESIM",
                              "-C",
                              "core_clk.mul=100000000",
                              "fw.elf"});
  EXPECT_TRUE(o.fvp_name);
  EXPECT_EQ(o.platform, "corstone-320");
  EXPECT_EQ(o.config.npu, NpuVariant::EthosU85);
  EXPECT_EQ(o.config.npu_num_macs, 1024u);
  EXPECT_FALSE(o.config.semihosting_enabled);
  EXPECT_EQ(o.config.semihosting.cmdline, "executor_runner -m b.bpte");
  EXPECT_EQ(o.config.semihosting.cwd, "/work");
  EXPECT_EQ(o.config.semihosting.stack_base, 0x20080000u);
  EXPECT_EQ(o.config.semihosting.heap_base, 16u);
  EXPECT_EQ(o.config.semihosting.stack_limit, 0x20000000u);
  EXPECT_EQ(o.config.initsvtor, 0u);
  EXPECT_EQ(o.config.uarts[0].port, "file:out.txt");
  EXPECT_EQ(o.config.uarts[0].shutdown_tag, "EXITTHESIM");
  EXPECT_EQ(o.config.core_clock_hz, 100'000'000u);
  EXPECT_TRUE(o.warnings.empty()) << o.warnings.front();
}

TEST(Cli, MemoryWaitStatesPerRegion) {
  const CliOptions o = parse({"minifvp", "-C", "timing.wait_states.SRAM=2", "-C",
                              "mps3_board.timing.wait_states.DDR=5", "fw.elf"});
  EXPECT_EQ(o.config.memory_wait_states.at("SRAM"), 2u);
  EXPECT_EQ(o.config.memory_wait_states.at("DDR"), 5u);
  EXPECT_NE(usage_error({"minifvp", "-C", "timing.wait_states.FLASH=1", "fw.elf"})
                .find("no memory region named 'FLASH'"),
            std::string::npos);
  EXPECT_NE(
      usage_error({"minifvp", "-C", "timing.wait_states.SRAM=300", "fw.elf"}).find("at most 255"),
      std::string::npos);
}

TEST(Cli, ProgramNamesSelectThePlatform) {
  EXPECT_EQ(parse({"/opt/fvp/FVP_Corstone_SSE-300_Ethos-U55", "fw.elf"}).config.npu,
            NpuVariant::EthosU55);
  const CliOptions u65 = parse({"./FVP_Corstone_SSE-300_Ethos-U65", "fw.elf"});
  EXPECT_EQ(u65.platform, "corstone-300");
  EXPECT_EQ(u65.config.npu, NpuVariant::EthosU65);
  EXPECT_EQ(u65.program_name, "FVP_Corstone_SSE-300_Ethos-U65");
  EXPECT_FALSE(platform_for_program_name("minifvp").has_value());
}

TEST(Cli, InitialVtorAndTcmSizes) {
  const CliOptions o = parse({"minifvp", "-C", "cpu0.INITSVTOR=0x12000000", "-C",
                              "cpu0.CFGITCMSZ=15", "-C", "cpu0.CFGDTCMSZ=10", "fw.elf"});
  EXPECT_EQ(o.config.initsvtor, 0x12000000u);
  EXPECT_EQ(o.config.itcm_size, 16u * 1024 * 1024);
  EXPECT_EQ(o.config.dtcm_size, 512u * 1024);
  ASSERT_EQ(o.warnings.size(), 1u) << "only the non-default ITCM size warns";
  EXPECT_NE(o.warnings[0].find("ITCM is 16 MiB instead of the default 512 KiB"), std::string::npos)
      << o.warnings[0];
}

TEST(Cli, UnknownParametersWarnButDoNotFail) {
  const CliOptions o =
      parse({"minifvp", "-C", "mps3_board.frobnicate=3", "-C", "uart1.colour=red", "fw.elf"});
  ASSERT_EQ(o.warnings.size(), 2u);
  EXPECT_EQ(o.warnings[0], "unknown parameter 'mps3_board.frobnicate' ignored");
  EXPECT_EQ(o.warnings[1], "unknown parameter 'uart1.colour' ignored");
}

TEST(Cli, ConfigFileThenCommandLine) {
  const std::string path = ::testing::TempDir() + "/minifvp_cli_config.txt";
  {
    std::ofstream out(path);
    out << "# FVP configuration\n"
           "\n"
           "mps3_board.uart0.shutdown_on_eot = 1\n"
           "ethosu.num_macs=256\n"
           "mps3_board.uart0.out_file=\"-\"\n"
           "cpu0.semihosting-cmd_line='a b c'\n";
  }
  const CliOptions o = parse({"minifvp", "-f", path.c_str(), "-C", "ethosu.num_macs=64", "fw.elf"});
  EXPECT_TRUE(o.config.uarts[0].shutdown_on_eot);
  EXPECT_EQ(o.config.uarts[0].port, "stdio");
  EXPECT_EQ(o.config.npu_num_macs, 64u) << "-C overrides the file";
  EXPECT_EQ(o.config.semihosting.cmdline, "a b c");

  {
    std::ofstream out(path);
    out << "this line has no equals sign\n";
  }
  try {
    parse({"minifvp", "-f", path.c_str(), "fw.elf"});
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":1: expected key=value");
  }
  std::remove(path.c_str());
}

TEST(Cli, HelpAndVersionNeedNoFirmware) {
  const CliOptions help = parse({"minifvp", "--help"});
  ASSERT_TRUE(help.info_text.has_value());
  EXPECT_NE(help.info_text->find("Usage: minifvp"), std::string::npos);
  EXPECT_NE(help.info_text->find("101 guest fault"), std::string::npos);
  EXPECT_TRUE(parse({"minifvp", "--version"}).info_text.has_value());
}

TEST(Cli, BadInputIsAUsageError) {
  EXPECT_EQ(usage_error({"minifvp"}), "no firmware given (minifvp [options] firmware.elf)");
  EXPECT_NE(usage_error({"minifvp", "a.elf", "b.elf"}).find("more than one firmware"),
            std::string::npos);
  EXPECT_NE(usage_error({"minifvp", "--bogus", "fw.elf"}).find("unrecognised option '--bogus'"),
            std::string::npos);
  EXPECT_EQ(usage_error({"minifvp", "--platform", "corstone-999", "fw.elf"}),
            "--platform corstone-999: unknown platform (known: corstone-300, corstone-320)");
  EXPECT_EQ(usage_error({"minifvp", "--timelimit", "soon", "fw.elf"}),
            "--timelimit: 'soon' is not a number of seconds");
  EXPECT_EQ(usage_error({"minifvp", "--max-instructions", "12k", "fw.elf"}),
            "--max-instructions: '12k' is not a number (decimal or 0x hexadecimal)");
  EXPECT_EQ(usage_error({"minifvp", "-C", "ethosu.num_macs=100", "fw.elf"}),
            "ethosu.num_macs=100: not a configuration of the Ethos-U55");
  EXPECT_EQ(usage_error({"FVP_Corstone_SSE-300_Ethos-U65", "-C", "ethosu.num_macs=128", "fw.elf"}),
            "ethosu.num_macs=128: not a configuration of the Ethos-U65");
  EXPECT_EQ(usage_error({"minifvp", "-C", "uart0.shutdown_on_eot=yes", "fw.elf"}),
            "-C uart0.shutdown_on_eot=yes: expected 0, 1, true or false");
  EXPECT_EQ(usage_error({"minifvp", "-C", "no_equals", "fw.elf"}),
            "-C no_equals: expected key=value");
  EXPECT_EQ(usage_error({"minifvp", "--data", "blob.bin", "fw.elf"}),
            "--data blob.bin: expected FILE@ADDRESS");
  EXPECT_NE(usage_error({"minifvp", "--data", "blob.bin@0x1ffffffff", "fw.elf"}).find("32 bits"),
            std::string::npos);
  EXPECT_NE(usage_error({"minifvp", "-C", "cpu0.INITSVTOR=0x10000004", "fw.elf"}).find("aligned"),
            std::string::npos);
  EXPECT_NE(usage_error({"minifvp", "-C", "cpu0.CFGITCMSZ=20", "fw.elf"}).find("supported values"),
            std::string::npos);
  EXPECT_NE(usage_error({"minifvp", "--log-level", "loud", "fw.elf"}).find("--log-level loud"),
            std::string::npos);
  EXPECT_NE(usage_error({"minifvp", "-f", "/nonexistent.cfg", "fw.elf"}).find("cannot open"),
            std::string::npos);
}

TEST(Cli, NumbersAreDecimalOrHex) {
  EXPECT_EQ(parse_number("0x70000000", "x"), 0x70000000u);
  EXPECT_EQ(parse_number("0XfF", "x"), 255u);
  EXPECT_EQ(parse_number(" 42 ", "x"), 42u);
  EXPECT_THROW(parse_number("0x", "x"), UsageError);
  EXPECT_THROW(parse_number("-1", "x"), UsageError);
  EXPECT_THROW(parse_number("", "x"), UsageError);
}

}  // namespace
}  // namespace minifvp
