// Semihosting calls on a bare core and bus: R0/R1 and parameter blocks set by the test.
#include "sim/semihosting.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cpu/core.h"
#include "fake_host_port.h"
#include "sim/bus.h"

namespace minifvp::test {
namespace {

constexpr uint32_t kBlock = 0x1000;    // parameter blocks
constexpr uint32_t kName = 0x2000;     // strings
constexpr uint32_t kBuffer = 0x3000;   // data buffers
constexpr uint32_t kRamEnd = 0x10000;  // RAM is [0, 0x10000)
constexpr uint32_t kUnmapped = 0x80000000;
constexpr uint32_t kError = 0xffffffff;

struct SemihostingFixture : ::testing::Test {
  Bus bus;
  uint64_t clock = 0;
  cpu::Core core{bus, clock};
  FakeHostPort console;
  std::filesystem::path dir;
  std::unique_ptr<Semihosting> sh;

  void SetUp() override {
    bus.add_ram("ram", 0, kRamEnd);
    dir = std::filesystem::temp_directory_path() /
          ("minifvp_semihosting_" + std::to_string(getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir);
    make({});
  }
  void TearDown() override {
    sh.reset();
    std::filesystem::remove_all(dir);
  }
  void make(SemihostingConfig config) {
    config.cwd = dir.string();
    sh = std::make_unique<Semihosting>(bus, &console, std::move(config));
  }

  uint32_t call(uint32_t op, uint32_t r1) {
    core.state().r[0] = op;
    core.state().r[1] = r1;
    sh->handle(core);
    return core.state().r[0];
  }
  // Writes the parameter block and calls.
  uint32_t call_block(uint32_t op, std::vector<uint32_t> words) {
    bus.write_block(kBlock, words.data(), words.size() * 4);
    return call(op, kBlock);
  }
  void put_string(uint32_t addr, const std::string& s) {
    bus.write_block(addr, s.c_str(), s.size() + 1);
  }
  std::string get_bytes(uint32_t addr, size_t n) {
    std::string s(n, '\0');
    bus.read_block(addr, s.data(), n);
    return s;
  }
  uint32_t open(const std::string& name, uint32_t mode) {
    put_string(kName, name);
    return call_block(kSysOpen, {kName, mode, static_cast<uint32_t>(name.size())});
  }
  uint32_t write(uint32_t handle, const std::string& data) {
    bus.write_block(kBuffer, data.data(), data.size());
    return call_block(kSysWrite, {handle, kBuffer, static_cast<uint32_t>(data.size())});
  }
  uint32_t errno_value() { return call(kSysErrno, 0); }
};

TEST_F(SemihostingFixture, WritecAndWrite0GoToTheConsole) {
  bus.write(kName, 1, 'A');
  call(kSysWritec, kName);
  put_string(kName, "hello\n");
  EXPECT_EQ(call(kSysWrite0, kName), 0u);
  EXPECT_EQ(console.output, "Ahello\n");
}

TEST_F(SemihostingFixture, BadPointersFailWithEfault) {
  EXPECT_EQ(call(kSysWritec, kUnmapped), kError);
  EXPECT_EQ(errno_value(), uint32_t{EFAULT});
  EXPECT_EQ(call(kSysWrite0, kUnmapped), kError);
  EXPECT_EQ(call(kSysOpen, kUnmapped), kError);  // parameter block itself unreadable
  EXPECT_EQ(errno_value(), uint32_t{EFAULT});
  // A string that runs off the end of RAM: what was readable is printed, then EFAULT.
  bus.write_block(kRamEnd - 3, "xyz", 3);
  EXPECT_EQ(call(kSysWrite0, kRamEnd - 3), kError);
  EXPECT_EQ(console.output, "xyz");
  EXPECT_EQ(console.output.size(), 3u);
  // Name pointer bad, and a name length beyond reason.
  EXPECT_EQ(call_block(kSysOpen, {kUnmapped, 0, 4}), kError);
  EXPECT_EQ(call_block(kSysOpen, {kName, 0, 100000}), kError);
  EXPECT_EQ(errno_value(), 91u);  // ENAMETOOLONG as newlib numbers it
  EXPECT_EQ(call(kSysHeapinfo, kUnmapped), kError);
  EXPECT_EQ(call(kSysElapsed, kUnmapped), kError);
  EXPECT_EQ(call_block(kSysTmpnam, {kUnmapped, 1, 64}), kError);
  EXPECT_EQ(call_block(kSysGetCmdline, {kUnmapped, 64}), kError);
}

TEST_F(SemihostingFixture, ConsoleHandlesFollowTheModeRanges) {
  const uint32_t in = open(":tt", 0);
  const uint32_t out = open(":tt", 4);
  const uint32_t err = open(":tt", 8);
  ASSERT_NE(in, kError);
  ASSERT_NE(out, kError);
  ASSERT_NE(err, kError);
  EXPECT_NE(in, out);
  EXPECT_EQ(write(out, "to stdout"), 0u);
  EXPECT_EQ(console.output, "to stdout");
  EXPECT_EQ(write(in, "x"), kError);  // stdin is not writable
  EXPECT_EQ(errno_value(), uint32_t{EBADF});
  EXPECT_EQ(call_block(kSysIstty, {out}), 1u);
  EXPECT_EQ(call_block(kSysSeek, {out, 0}), kError);
  EXPECT_EQ(call_block(kSysFlen, {out}), kError);
  EXPECT_EQ(call_block(kSysClose, {err}), 0u);
  EXPECT_EQ(call_block(kSysClose, {err}), kError);  // already closed
}

TEST_F(SemihostingFixture, ConsoleReadsALineAtATimeThenEndOfInput) {
  console.feed("first\nsecond");
  const uint32_t in = open(":tt", 0);
  EXPECT_EQ(call_block(kSysRead, {in, kBuffer, 100}), 100u - 6);
  EXPECT_EQ(get_bytes(kBuffer, 6), "first\n");
  EXPECT_EQ(call_block(kSysRead, {in, kBuffer, 3}), 0u);  // buffer smaller than the line
  EXPECT_EQ(get_bytes(kBuffer, 3), "sec");
  EXPECT_EQ(call_block(kSysRead, {in, kBuffer, 100}), 100u - 3);
  EXPECT_EQ(get_bytes(kBuffer, 3), "ond");
  EXPECT_EQ(call_block(kSysRead, {in, kBuffer, 100}), 100u);  // end of input: nothing read
  EXPECT_EQ(call(kSysReadc, 0), kError);
}

TEST_F(SemihostingFixture, InteractiveConsoleReadEchoesAndMapsCr) {
  FakeHostPort tty(/*interactive=*/true);
  tty.feed("ok\rmore");
  Semihosting interactive(bus, &tty, {});
  put_string(kName, ":tt");
  const std::vector<uint32_t> open_block = {kName, 0, 3};
  bus.write_block(kBlock, open_block.data(), 12);
  core.state().r[0] = kSysOpen;
  core.state().r[1] = kBlock;
  interactive.handle(core);
  const uint32_t in = core.state().r[0];
  const std::vector<uint32_t> read_block = {in, kBuffer, 50};
  bus.write_block(kBlock, read_block.data(), 12);
  core.state().r[0] = kSysRead;
  core.state().r[1] = kBlock;
  interactive.handle(core);
  EXPECT_EQ(core.state().r[0], 50u - 3);
  EXPECT_EQ(get_bytes(kBuffer, 3), "ok\n");
  EXPECT_EQ(tty.output, "ok\n");
}

TEST_F(SemihostingFixture, ReadcTakesOneByte) {
  console.feed("Z");
  EXPECT_EQ(call(kSysReadc, 0), uint32_t{'Z'});
}

TEST_F(SemihostingFixture, FeaturesFileAnnouncesExitExtendedAndStdoutStderr) {
  const uint32_t h = open(":semihosting-features", 0);
  ASSERT_NE(h, kError);
  EXPECT_EQ(call_block(kSysFlen, {h}), 5u);
  EXPECT_EQ(call_block(kSysIstty, {h}), 0u);
  EXPECT_EQ(call_block(kSysRead, {h, kBuffer, 8}), 3u);  // 5 of 8 read
  EXPECT_EQ(get_bytes(kBuffer, 5), std::string("SHFB\x03"));
  EXPECT_EQ(call_block(kSysSeek, {h, 4}), 0u);
  EXPECT_EQ(call_block(kSysRead, {h, kBuffer, 1}), 0u);
  EXPECT_EQ(get_bytes(kBuffer, 1), "\x03");
  EXPECT_EQ(call_block(kSysSeek, {h, 100}), 0u);
  EXPECT_EQ(call_block(kSysRead, {h, kBuffer, 1}), 1u);  // past the end: nothing
  EXPECT_EQ(open(":semihosting-features", 4), kError);   // read-only
}

TEST_F(SemihostingFixture, FileRoundTripRenameAndRemove) {
  const uint32_t w = open("data.bin", 5);  // "wb"
  ASSERT_NE(w, kError);
  EXPECT_EQ(call_block(kSysIstty, {w}), 0u);
  const std::string with_nul("binary\0data\xff", 12);
  EXPECT_EQ(write(w, with_nul), 0u);
  EXPECT_EQ(call_block(kSysClose, {w}), 0u);
  EXPECT_TRUE(std::filesystem::exists(dir / "data.bin"));  // relative to cwd

  const uint32_t a = open("data.bin", 8);  // "a": append
  EXPECT_EQ(write(a, "+"), 0u);
  EXPECT_EQ(call_block(kSysClose, {a}), 0u);

  const uint32_t r = open("data.bin", 1);  // "rb"
  ASSERT_NE(r, kError);
  EXPECT_EQ(call_block(kSysFlen, {r}), 13u);
  EXPECT_EQ(call_block(kSysRead, {r, kBuffer, 13}), 0u);
  EXPECT_EQ(get_bytes(kBuffer, 13), with_nul + "+");
  EXPECT_EQ(call_block(kSysRead, {r, kBuffer, 4}), 4u);  // at end of file
  EXPECT_EQ(call_block(kSysSeek, {r, 7}), 0u);
  EXPECT_EQ(call_block(kSysRead, {r, kBuffer, 10}), 10u - 6);
  EXPECT_EQ(get_bytes(kBuffer, 6), std::string("data\xff+"));
  EXPECT_EQ(write(r, "no"), 2u);  // opened read-only: nothing written (the spec's error result)
  EXPECT_EQ(errno_value(), uint32_t{EBADF});
  EXPECT_EQ(call_block(kSysClose, {r}), 0u);

  put_string(kName, "data.bin");
  put_string(kName + 0x100, "renamed.bin");
  EXPECT_EQ(call_block(kSysRename, {kName, 8, kName + 0x100, 11}), 0u);
  EXPECT_TRUE(std::filesystem::exists(dir / "renamed.bin"));
  EXPECT_NE(call_block(kSysRename, {kName, 8, kName + 0x100, 11}), 0u);  // source gone
  EXPECT_EQ(call_block(kSysRemove, {kName + 0x100, 11}), 0u);
  EXPECT_FALSE(std::filesystem::exists(dir / "renamed.bin"));
  EXPECT_EQ(call_block(kSysRemove, {kName + 0x100, 11}), uint32_t{ENOENT});
  EXPECT_EQ(sh->open_handles(), 0u);
}

TEST_F(SemihostingFixture, OpenErrorsAndUnknownHandles) {
  EXPECT_EQ(open("missing.txt", 0), kError);
  EXPECT_EQ(errno_value(), uint32_t{ENOENT});
  EXPECT_EQ(open("x", 12), kError);  // mode out of range
  EXPECT_EQ(errno_value(), uint32_t{EINVAL});
  for (uint32_t bad : {0u, 7u, 0xffffffffu}) {
    EXPECT_EQ(call_block(kSysClose, {bad}), kError);
    EXPECT_EQ(call_block(kSysWrite, {bad, kBuffer, 1}), kError);
    EXPECT_EQ(call_block(kSysRead, {bad, kBuffer, 1}), kError);
    EXPECT_EQ(call_block(kSysSeek, {bad, 0}), kError);
    EXPECT_EQ(call_block(kSysFlen, {bad}), kError);
    EXPECT_EQ(call_block(kSysIstty, {bad}), kError);
    EXPECT_EQ(errno_value(), uint32_t{EBADF});
  }
}

TEST_F(SemihostingFixture, ReadIntoABadBufferFails) {
  std::ofstream(dir / "in.txt") << "content";
  const uint32_t r = open("in.txt", 0);
  EXPECT_EQ(call_block(kSysRead, {r, kUnmapped, 4}), kError);
  EXPECT_EQ(errno_value(), uint32_t{EFAULT});
  EXPECT_EQ(call_block(kSysWrite, {open(":tt", 4), kUnmapped, 4}), kError);
  EXPECT_EQ(console.output, "");
}

TEST_F(SemihostingFixture, CommandLineFitsOrFails) {
  SemihostingConfig config;
  config.cmdline = "executor_runner -m model.pte";
  make(config);
  EXPECT_EQ(call_block(kSysGetCmdline, {kBuffer, 10}), kError);  // too small: untouched
  EXPECT_EQ(errno_value(), uint32_t{E2BIG});
  EXPECT_EQ(get_bytes(kBuffer, 4), std::string(4, '\0'));
  EXPECT_EQ(call_block(kSysGetCmdline, {kBuffer, 29}), 0u);  // exactly fits with the NUL
  EXPECT_EQ(get_bytes(kBuffer, 29), config.cmdline + std::string(1, '\0'));
  uint32_t length = 0;
  bus.read(kBlock + 4, 4, length);
  EXPECT_EQ(length, 28u);
}

TEST_F(SemihostingFixture, HeapInfoFillsTheBlock) {
  SemihostingConfig config;
  config.heap_base = 0x20000000;
  config.heap_limit = 0x20010000;
  config.stack_base = 0x20080000;
  config.stack_limit = 0x20070000;
  make(config);
  bus.write(kBlock, 4, kBuffer);  // R1 -> word holding the block address
  EXPECT_EQ(call(kSysHeapinfo, kBlock), 0u);
  uint32_t words[4];
  bus.read_block(kBuffer, words, sizeof words);
  EXPECT_EQ(words[0], 0x20000000u);
  EXPECT_EQ(words[1], 0x20010000u);
  EXPECT_EQ(words[2], 0x20080000u);
  EXPECT_EQ(words[3], 0x20070000u);
}

TEST_F(SemihostingFixture, TimeCallsUseSimulatedTime) {
  clock = 25'000'000ull * 5 / 2;  // 2.5 s at 25 MHz
  EXPECT_EQ(call(kSysClock, 0), 250u);
  EXPECT_EQ(call(kSysTickfreq, 0), 25'000'000u);
  EXPECT_EQ(call(kSysElapsed, kBuffer), 0u);
  uint64_t ticks = 0;
  bus.read_block(kBuffer, &ticks, 8);
  EXPECT_EQ(ticks, clock);
  EXPECT_EQ(call(kSysTime, 0), 1'704'067'200u + 2);
  clock = 0x1'0000'0005ull;  // SYS_ELAPSED is 64-bit
  call(kSysElapsed, kBuffer);
  bus.read_block(kBuffer, &ticks, 8);
  EXPECT_EQ(ticks, 0x1'0000'0005ull);
}

TEST_F(SemihostingFixture, ExitStatusMapping) {
  call(kSysExit, kAdpStoppedApplicationExit);
  EXPECT_EQ(core.exit_code(), 0);
  call(kSysExit, 0x20023);  // ADP_Stopped_RunTimeErrorUnknown
  EXPECT_EQ(core.exit_code(), 1);
  call_block(kSysExitExtended, {kAdpStoppedApplicationExit, 42});
  EXPECT_EQ(core.exit_code(), 42);
  call_block(kSysExitExtended, {0x20023, 42});
  EXPECT_EQ(core.exit_code(), 1);
  core.request_stop(cpu::StopReason::Limit, 77);
  EXPECT_EQ(call(kSysExitExtended, kUnmapped), kError);  // bad block: no exit
  EXPECT_EQ(core.exit_code(), 77);
}

TEST_F(SemihostingFixture, SystemIsRefusedAndUnknownOperationsFail) {
  put_string(kName, "rm -rf /");
  EXPECT_EQ(call_block(kSysSystem, {kName, 8}), kError);
  EXPECT_EQ(errno_value(), uint32_t{EPERM});
  EXPECT_EQ(call(0x99, 0), kError);
  EXPECT_EQ(errno_value(), 88u);  // ENOSYS as newlib numbers it
}

TEST_F(SemihostingFixture, TmpnamAndIserror) {
  EXPECT_EQ(call_block(kSysTmpnam, {kBuffer, 7, 64}), 0u);
  EXPECT_EQ(get_bytes(kBuffer, 16), std::string("minifvp-tmp-007") + '\0');
  EXPECT_EQ(call_block(kSysTmpnam, {kBuffer, 7, 15}), kError);  // no room for the NUL
  EXPECT_EQ(call_block(kSysTmpnam, {kBuffer, 256, 64}), kError);
  EXPECT_EQ(call_block(kSysIserror, {0xffffffff}), 1u);
  EXPECT_EQ(call_block(kSysIserror, {0}), 0u);
  EXPECT_EQ(call_block(kSysIserror, {5}), 0u);
}

TEST_F(SemihostingFixture, NoConsoleDropsOutputAndReadsNothing) {
  Semihosting headless(bus, nullptr, {});
  put_string(kName, "dropped");
  core.state().r[0] = kSysWrite0;
  core.state().r[1] = kName;
  headless.handle(core);
  EXPECT_EQ(core.state().r[0], 0u);
  core.state().r[0] = kSysReadc;
  headless.handle(core);
  EXPECT_EQ(core.state().r[0], kError);
}

}  // namespace
}  // namespace minifvp::test
