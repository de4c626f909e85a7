// The platform: the Corstone-300/320 memory maps (aliases, flat DDR, device windows), boot as the
// FVP does, and every way a run ends. Programs are raw Thumb encodings in ELF images built here.
#include "sim/platform.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "elf_image_builder.h"
#include "sim/exit_status.h"

namespace minifvp {
namespace {

using test::ElfImageBuilder;

// Thumb encodings used by the test programs.
constexpr uint16_t kBranchToSelf = 0xe7fe;           // B .
constexpr uint16_t kWfi = 0xbf30;                    // WFI
constexpr uint16_t movs(unsigned rd, uint8_t imm) {  // MOVS Rd, #imm8 (T1)
  return static_cast<uint16_t>(0x2000 | (rd << 8) | imm);
}
constexpr uint16_t str_imm(unsigned rt, unsigned rn, unsigned offset) {  // STR Rt, [Rn, #off] (T1)
  return static_cast<uint16_t>(0x6000 | ((offset / 4) << 6) | (rn << 3) | rt);
}
constexpr uint16_t ldr_imm(unsigned rt, unsigned rn, unsigned offset) {  // LDR Rt, [Rn, #off] (T1)
  return static_cast<uint16_t>(0x6800 | ((offset / 4) << 6) | (rn << 3) | rt);
}
constexpr uint16_t ldr_literal(unsigned rt, unsigned word_offset) {  // LDR Rt, [PC, #off] (T1)
  return static_cast<uint16_t>(0x4800 | (rt << 8) | word_offset);
}
constexpr uint16_t bkpt(uint8_t imm) {
  return static_cast<uint16_t>(0xbe00 | imm);
}

constexpr uint32_t kItcmSecure = 0x10000000;
constexpr uint32_t kCodeOffset = 0x40;  // after the 16-entry vector table
constexpr uint32_t kInitialSp = 0x20080000;

std::vector<uint8_t> little_endian_words(std::initializer_list<uint32_t> words) {
  std::vector<uint8_t> out;
  for (uint32_t w : words) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(w >> (8 * i)));
  }
  return out;
}

// An image with a vector table at `base` (MSP, reset vector) and `code` at base + 0x40, followed
// by `literals` (word aligned). The entry point is the code (Thumb bit set) unless `entry` says.
std::vector<uint8_t> program_image(uint32_t base, std::initializer_list<uint16_t> code,
                                   std::initializer_list<uint32_t> literals = {},
                                   std::optional<uint32_t> entry = std::nullopt) {
  std::vector<uint8_t> bytes = little_endian_words({kInitialSp, base + kCodeOffset + 1});
  bytes.resize(kCodeOffset);
  for (uint16_t hw : code) {
    bytes.push_back(static_cast<uint8_t>(hw));
    bytes.push_back(static_cast<uint8_t>(hw >> 8));
  }
  while (bytes.size() % 4) bytes.push_back(0);
  for (uint8_t b : little_endian_words(literals)) bytes.push_back(b);
  return ElfImageBuilder()
      .entry(entry.value_or(base + kCodeOffset + 1))
      .segment({.paddr = base, .data = bytes})
      .symbol({.name = "reset",
               .value = base + kCodeOffset + 1,
               .size = static_cast<uint32_t>(code.size() * 2)})
      .build();
}

// The word offset a T1 LDR literal at code index `index` needs to reach literal `n`.
unsigned literal_offset(unsigned index, unsigned code_halfwords, unsigned n) {
  const uint32_t pc = kCodeOffset + index * 2;
  const uint32_t literal_base = (kCodeOffset + code_halfwords * 2 + 3) & ~3u;
  return (literal_base + n * 4 - ((pc + 4) & ~3u)) / 4;
}

PlatformConfig quiet_config() {
  PlatformConfig config;
  for (UartConfig& u : config.uarts) u.port = "null";
  config.semihosting_enabled = false;
  config.limits.instructions = 1'000'000;  // no test program runs away
  return config;
}

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "/" + name;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

uint32_t read32(Bus& bus, uint32_t addr) {
  uint32_t v = 0;
  EXPECT_EQ(bus.read(addr, 4, v), BusStatus::Ok) << std::hex << addr;
  return v;
}

class PlatformTest : public ::testing::Test {
 protected:
  Platform& make(PlatformConfig config = quiet_config(),
                 const PlatformDescription& d = corstone300_description()) {
    platform_ = std::make_unique<Platform>(d, std::move(config));
    return *platform_;
  }
  RunResult boot_and_run(Platform& p, const std::vector<uint8_t>& image) {
    p.load_elf(ElfImage::from_bytes(image, "test.elf"));
    p.boot();
    return p.run(timer_);
  }
  HostTimer timer_;
  std::unique_ptr<Platform> platform_;
};

TEST_F(PlatformTest, SecureAndNonSecureAliasesShareStorage) {
  Bus& bus = make().bus();
  const std::pair<uint32_t, uint32_t> aliases[] = {
      {0x00000000, 0x10000000},  // ITCM
      {0x01000000, 0x11000000},  // SRAM
      {0x20000000, 0x30000000},  // DTCM
      {0x21000000, 0x31000000},  // ISRAM
      {0x28000000, 0x38000000},  // QSPI
  };
  uint32_t value = 0x1234;
  for (const auto& [ns, s] : aliases) {
    ASSERT_EQ(bus.write(ns + 0x100, 4, value), BusStatus::Ok);
    EXPECT_EQ(read32(bus, s + 0x100), value) << std::hex << ns;
    ASSERT_EQ(bus.write(s + 0x200, 4, value + 1), BusStatus::Ok);
    EXPECT_EQ(read32(bus, ns + 0x200), value + 1) << std::hex << s;
    ++value;
  }
}

TEST_F(PlatformTest, Corstone300RegionSizes) {
  Bus& bus = make().bus();
  const std::pair<uint32_t, uint32_t> regions[] = {
      {0x10000000, 512 * 1024},      {0x11000000, 2 * 1024 * 1024}, {0x30000000, 512 * 1024},
      {0x31000000, 4 * 1024 * 1024}, {0x38000000, 8 * 1024 * 1024},
  };
  for (const auto& [base, size] : regions) {
    EXPECT_NE(bus.ram_pointer(base + size - 1), nullptr) << std::hex << base;
    EXPECT_EQ(bus.ram_pointer(base + size), nullptr) << std::hex << base;
  }
}

TEST_F(PlatformTest, DdrIsOneFlatRegion) {
  Bus& bus = make().bus();
  ASSERT_EQ(bus.write(0x60000000, 4, 0xaaaa5555), BusStatus::Ok);
  EXPECT_EQ(read32(bus, 0x70000000), 0u) << "0x7000_0000 is not an alias of 0x6000_0000";
  // An access that straddles the 256 MiB block boundary is contiguous.
  ASSERT_EQ(bus.write(0x6ffffffe, 4, 0x11223344), BusStatus::Ok);
  EXPECT_EQ(read32(bus, 0x70000000) & 0xffff, 0x1122u);
  EXPECT_NE(bus.ram_pointer(0xdffffffc), nullptr);
  EXPECT_EQ(bus.ram_pointer(0xe0000000), nullptr);
  EXPECT_EQ(bus.ram_pointer(0x5fffffff), nullptr);
}

TEST_F(PlatformTest, Corstone300DeviceWindows) {
  Bus& bus = make().bus();
  EXPECT_EQ(bus.describe(0x49303000), "uart0+0x0");
  EXPECT_EQ(bus.describe(0x59303004), "uart0+0x4");
  EXPECT_EQ(bus.describe(0x49308000), "uart5+0x0");
  EXPECT_EQ(bus.describe(0x59300ffc), "scc+0xffc");
  EXPECT_EQ(bus.describe(0x49302010), "fpgaio+0x10");
  EXPECT_EQ(bus.describe(0x58103000), "npu-ta0+0x0");
  EXPECT_EQ(bus.describe(0x58103204), "npu-ta1+0x4");
  EXPECT_EQ(bus.describe(0x48102000), "ethos-u55+0x0");
  EXPECT_EQ(bus.describe(0x58102ffc), "ethos-u55+0xffc");
  EXPECT_NE(bus.describe(0xe000ed00).find("+0xd00"), std::string::npos);
  EXPECT_NE(bus.describe(0xe0001004).find("+0x4"), std::string::npos);

  uint32_t v = 0xffffffff;
  ASSERT_EQ(bus.write(0x58103000, 4, 0x1234), BusStatus::Ok);
  ASSERT_EQ(bus.read(0x58103000, 4, v), BusStatus::Ok);
  EXPECT_EQ(v, 0u) << "timing adapters read as zero";
  ASSERT_EQ(bus.read(0x59303fe0, 4, v), BusStatus::Ok);
  EXPECT_EQ(v, 0x21u) << "UART PID0 through the secure alias";
  ASSERT_EQ(bus.read(0x49300ffc, 4, v), BusStatus::Ok);
  EXPECT_EQ(v, 0x41055470u) << "SCC_ID";
  ASSERT_EQ(bus.read(0x58102000, 4, v), BusStatus::Ok);
  EXPECT_EQ(v, 0x10104201u) << "Ethos-U55 ID";
  ASSERT_EQ(bus.read(0x58102028, 4, v), BusStatus::Ok);
  EXPECT_EQ(v & 0xF000000Fu, 7u) << "CONFIG: product U55, 2^7 = 128 MACs (the default)";
}

TEST_F(PlatformTest, Corstone320MapDecodesUart0AtBothAddresses) {
  Platform& p = make(quiet_config(), corstone320_description());
  Bus& bus = p.bus();
  EXPECT_EQ(bus.describe(0x48203000), "uart0+0x0");
  EXPECT_EQ(bus.describe(0x58203000), "uart0+0x0");
  EXPECT_EQ(bus.describe(0x49303000), "uart0+0x0");
  EXPECT_EQ(bus.describe(0x48208000), "uart5+0x0");
  EXPECT_EQ(bus.describe(0x58200000), "scc+0x0");
  EXPECT_EQ(bus.describe(0x50006800), "npu-ta-ext+0x0");
  ASSERT_EQ(bus.write(0x12000000, 4, 0xcafe), BusStatus::Ok);
  EXPECT_EQ(read32(bus, 0x01000000), 0xcafeu) << "SRAM: NS 0x0100_0000, S 0x1200_0000";
  EXPECT_NE(bus.ram_pointer(0x1101fffc), nullptr) << "boot ROM";
  EXPECT_EQ(bus.ram_pointer(0x10008000), nullptr) << "ITCM is 32 KiB";
  EXPECT_EQ(p.initial_vtor(), 0x11000000u);
  EXPECT_EQ(p.npu_variant(), NpuVariant::EthosU85);
  EXPECT_EQ(bus.describe(0x40004000), "unmapped") << "no Ethos-U85 model: its window is a hole";
}

TEST_F(PlatformTest, TcmSizesFollowTheConfiguration) {
  PlatformConfig config = quiet_config();
  config.itcm_size = 16 * 1024 * 1024;
  Bus& bus = make(config).bus();
  EXPECT_NE(bus.ram_pointer(0x00fffffc), nullptr);
  EXPECT_NE(bus.ram_pointer(0x10fffffc), nullptr);
}

TEST_F(PlatformTest, RamIsAllocatedLazily) {
  Platform& p = make();
  // A tiny program with a 64 MiB .bss in DDR and a 1 MiB one in SRAM.
  const auto image =
      ElfImageBuilder()
          .entry(0x10000041)
          .segment({.paddr = 0x10000000, .data = little_endian_words({kInitialSp, 0x10000041})})
          .segment({.paddr = 0x60000000, .data = {}, .mem_size = 64 << 20})
          .segment({.paddr = 0x01000000, .data = {}, .mem_size = 1 << 20})
          .build();
  p.load_elf(ElfImage::from_bytes(image, "test.elf"));
  p.boot();
  size_t resident = 0;
  for (const auto& storage : p.bus().storages()) resident += storage->resident_bytes();
  EXPECT_LT(resident, 256u * 1024) << "2 GiB of DDR and the other RAMs cost only what is touched";
}

TEST_F(PlatformTest, BootsLikeTheFvp) {
  Platform& p = make();
  p.load_elf(ElfImage::from_bytes(program_image(kItcmSecure, {kBranchToSelf}), "test.elf"));
  p.boot();
  const cpu::CpuState& s = p.core().state();
  EXPECT_EQ(s.r[13], kInitialSp) << "MSP from vector 0 at INITSVTOR";
  EXPECT_EQ(s.r[15], kItcmSecure + kCodeOffset) << "PC from the ELF entry";
  EXPECT_TRUE(s.thumb);
  EXPECT_EQ(s.ipsr, 0u) << "Thread mode";
  EXPECT_EQ(s.control, 0u) << "privileged, MSP";
  EXPECT_EQ(p.system_control().vtor(), 0x10000000u);
}

TEST_F(PlatformTest, BootFallsBackToTheResetVectorAndHonoursInitsvtor) {
  PlatformConfig config = quiet_config();
  config.initsvtor = 0x00000000;  // the NS alias of the same ITCM
  Platform& p = make(config);
  // Entry point 0: the PC comes from vector 1.
  p.load_elf(ElfImage::from_bytes(program_image(kItcmSecure, {kBranchToSelf}, {}, 0u), "test.elf"));
  p.boot();
  EXPECT_EQ(p.core().state().r[15], kItcmSecure + kCodeOffset);
  EXPECT_EQ(p.core().state().r[13], kInitialSp);
  EXPECT_EQ(p.system_control().vtor(), 0u);
}

TEST_F(PlatformTest, BootRejectsAVectorTableOutsideMemory) {
  PlatformConfig config = quiet_config();
  config.initsvtor = 0x40000000;
  Platform& p = make(config);
  p.load_elf(ElfImage::from_bytes(program_image(kItcmSecure, {kBranchToSelf}), "test.elf"));
  EXPECT_THROW(p.boot(), LoadError);
}

TEST_F(PlatformTest, UnmappedAccessStopsWithAReport) {
  Platform& p = make();
  // LDR r0, =0x40001000 ; LDR r1, [r0, #4] ; B .
  const RunResult r = boot_and_run(
      p, program_image(kItcmSecure,
                       {ldr_literal(0, literal_offset(0, 3, 0)), ldr_imm(1, 0, 4), kBranchToSelf},
                       {0x40001000}));
  EXPECT_EQ(r.kind, StopKind::Fault);
  EXPECT_EQ(exit_status_for(r), kExitFault);
  EXPECT_NE(r.report.find("BusFault PRECISERR"), std::string::npos) << r.report;
  EXPECT_NE(r.report.find("pc:          0x10000042 (reset+0x2)"), std::string::npos) << r.report;
  EXPECT_NE(r.report.find("0x6841 (T16_LDR_imm_T1)"), std::string::npos) << r.report;
  EXPECT_NE(r.report.find("address:     0x40001004, unmapped"), std::string::npos) << r.report;
  EXPECT_NE(r.report.find("r0  0x40001000"), std::string::npos) << r.report;
}

TEST_F(PlatformTest, UartEotEndsTheRunWithTheStatusByte) {
  const std::string out = temp_path("minifvp_platform_uart0.txt");
  PlatformConfig config = quiet_config();
  config.uarts[0].port = "file:" + out;
  config.uarts[0].shutdown_on_eot = true;
  Platform& p = make(config);
  const RunResult r = boot_and_run(
      p, program_image(kItcmSecure,
                       {ldr_literal(0, literal_offset(0, 12, 0)), movs(1, 1), str_imm(1, 0, 8),
                        movs(1, 'o'), str_imm(1, 0, 0), movs(1, 'k'), str_imm(1, 0, 0), movs(1, 4),
                        str_imm(1, 0, 0), movs(1, 9), str_imm(1, 0, 0), kBranchToSelf},
                       {0x49303000}));
  EXPECT_EQ(r.kind, StopKind::UartEot) << r.report;
  EXPECT_EQ(r.guest_exit_code, 9);
  EXPECT_EQ(exit_status_for(r), 9);
  platform_.reset();
  EXPECT_EQ(read_text(out), "ok");
  std::remove(out.c_str());
}

TEST_F(PlatformTest, ShutdownTagEndsTheRun) {
  PlatformConfig config = quiet_config();
  config.uarts[0].shutdown_tag = "ko";
  Platform& p = make(config);
  const RunResult r =
      boot_and_run(p, program_image(kItcmSecure,
                                    {ldr_literal(0, literal_offset(0, 9, 0)), movs(1, 1),
                                     str_imm(1, 0, 8), movs(1, 'k'), str_imm(1, 0, 0), movs(1, 'o'),
                                     str_imm(1, 0, 0), kBranchToSelf, kBranchToSelf},
                                    {0x49303000}));
  EXPECT_EQ(r.kind, StopKind::ShutdownTag) << r.report;
  EXPECT_EQ(exit_status_for(r), 0);
  EXPECT_EQ(p.core().state().r[15], kItcmSecure + kCodeOffset + 14) << "stopped at the store";
}

TEST_F(PlatformTest, SleepingWithNothingPendingIsADeadlock) {
  Platform& p = make();
  const RunResult r = boot_and_run(p, program_image(kItcmSecure, {kWfi, kBranchToSelf}));
  EXPECT_EQ(r.kind, StopKind::Deadlock);
  EXPECT_EQ(exit_status_for(r), kExitDeadlock);
  EXPECT_NE(r.report.find("core sleeping with no pending event (deadlock)"), std::string::npos);
}

TEST_F(PlatformTest, SleepJumpsTimeToTheNextEvent) {
  Platform& p = make();
  bool fired = false;
  p.scheduler().schedule_at(1'000'000, [&] { fired = true; });
  p.load_elf(
      ElfImage::from_bytes(program_image(kItcmSecure, {kWfi, kWfi, kBranchToSelf}), "test.elf"));
  p.boot();
  const RunResult r = p.run(timer_);
  EXPECT_TRUE(fired);
  EXPECT_EQ(r.kind, StopKind::Deadlock) << "an event that pends no interrupt does not wake WFI";
  EXPECT_GE(p.scheduler().now(), 1'000'000u);
  EXPECT_EQ(p.core().instructions(), 1u);
}

// A device that schedules an event during an instruction (here: a BKPT handler) must see it fire
// on time, although the core's run was given a later limit.
TEST(PlatformRunLoop, EventScheduledDuringAnInstructionCutsTheRunShort) {
  struct SchedulingHost : cpu::CoreHost {
    Scheduler* scheduler = nullptr;
    uint64_t fired_at = 0;
    bool on_breakpoint(cpu::Core&, uint8_t) override {
      scheduler->schedule_in(3, [this] { fired_at = scheduler->now(); });
      return true;
    }
  };
  Bus bus;
  bus.add_ram("ram", 0, 0x1000);
  Scheduler scheduler;
  cpu::Core core(bus, scheduler.clock());
  scheduler.set_earliest_event_hook([&](uint64_t when) { core.limit_run(when); });
  SchedulingHost host;
  host.scheduler = &scheduler;
  core.set_host(&host);
  bus.write(0x100, 2, bkpt(1));
  bus.write(0x102, 2, kBranchToSelf);
  core.state().r[15] = 0x100;
  EXPECT_EQ(core.run(1'000'000), cpu::StopReason::Limit);
  EXPECT_LE(scheduler.now(), 1 + 3 + 1u) << "the run ended at the event, not at its own limit";
  scheduler.run_due_events();
  EXPECT_NE(host.fired_at, 0u);
  EXPECT_LE(host.fired_at, 1 + 3 + 1u);
  scheduler.set_earliest_event_hook(nullptr);
}

TEST_F(PlatformTest, UnhandledBreakpointStops) {
  Platform& p = make();
  const RunResult r = boot_and_run(p, program_image(kItcmSecure, {movs(0, 1), bkpt(0x21)}));
  EXPECT_EQ(r.kind, StopKind::Breakpoint);
  EXPECT_EQ(exit_status_for(r), kExitBreakpoint);
  EXPECT_NE(r.report.find("BKPT #0x21"), std::string::npos) << r.report;
}

TEST_F(PlatformTest, SemihostingBreakpointWithSemihostingDisabledStops) {
  Platform& p = make();
  const RunResult r = boot_and_run(p, program_image(kItcmSecure, {bkpt(0xab)}));
  EXPECT_EQ(r.kind, StopKind::Breakpoint);
  EXPECT_NE(r.report.find("semihosting is disabled"), std::string::npos) << r.report;
}

TEST_F(PlatformTest, InstructionLimit) {
  PlatformConfig config = quiet_config();
  config.limits.instructions = 1000;
  Platform& p = make(config);
  const RunResult r = boot_and_run(p, program_image(kItcmSecure, {kBranchToSelf}));
  EXPECT_EQ(r.kind, StopKind::InstructionLimit);
  EXPECT_EQ(exit_status_for(r), kExitInstructionLimit);
  EXPECT_EQ(p.core().instructions(), 1000u);
}

TEST_F(PlatformTest, CycleLimit) {
  PlatformConfig config = quiet_config();
  config.limits.cycles = 5000;
  config.slice_cycles = 1000;
  Platform& p = make(config);
  const RunResult r = boot_and_run(p, program_image(kItcmSecure, {kBranchToSelf}));
  EXPECT_EQ(r.kind, StopKind::CycleLimit);
  EXPECT_GE(p.scheduler().now(), 5000u);
  EXPECT_LT(p.scheduler().now(), 5010u);
}

TEST_F(PlatformTest, WallClockLimitEndsAnEndlessLoop) {
  PlatformConfig config = quiet_config();
  config.limits.wall_seconds = 0.01;
  config.limits.instructions = 0;  // the wall clock is the only limit here
  config.slice_cycles = 10000;
  Platform& p = make(config);
  const RunResult r = boot_and_run(p, program_image(kItcmSecure, {kBranchToSelf}));
  EXPECT_EQ(r.kind, StopKind::TimeLimit);
  EXPECT_EQ(exit_status_for(r), kExitTimeLimit);
}

TEST_F(PlatformTest, StatsCountInstructionsCyclesAndUartBytes) {
  PlatformConfig config = quiet_config();
  config.uarts[0].shutdown_on_eot = true;
  Platform& p = make(config);
  boot_and_run(p, program_image(
                      kItcmSecure,
                      {ldr_literal(0, literal_offset(0, 8, 0)), movs(1, 1), str_imm(1, 0, 8),
                       movs(1, 'x'), str_imm(1, 0, 0), movs(1, 4), str_imm(1, 0, 0), kBranchToSelf},
                      {0x49303000}));
  const RunStats s = p.stats("eot", 0);
  EXPECT_EQ(s.platform, "corstone-300");
  EXPECT_EQ(s.core_clock_hz, kDefaultCoreClockHz);
  EXPECT_GE(s.instructions, 7u);
  EXPECT_GE(s.cycles, s.instructions);
  ASSERT_EQ(s.uarts.size(), kUartCount);
  EXPECT_EQ(s.uarts[0].name, "uart0");
  EXPECT_GE(s.uarts[0].tx_bytes, 1u);
}

}  // namespace
}  // namespace minifvp

namespace minifvp {
namespace {

// Device interrupt outputs reach the NVIC inputs of the Corstone-300 map: UART0 RX 33, TX 34,
// combined 43, the UARTs' overflow outputs ORed into 48, the NPU on 56.
TEST(PlatformInterrupts, DeviceLinesReachTheirNvicInputs) {
  PlatformConfig config;
  for (auto& u : config.uarts) u.port = "null";
  config.semihosting_enabled = false;
  Platform p(corstone300_description(), config);
  cpu::ExceptionModel& ex = p.system_control().exceptions();
  const unsigned first_irq = cpu::exception::kFirstIrq;
  ASSERT_NE(p.npu(), nullptr);
  p.npu()->irq().set(true);
  EXPECT_TRUE(ex.pending(first_irq + 56));
  p.uart(0).rx_irq().set(true);
  p.uart(0).tx_irq().set(true);
  p.uart(0).combined_irq().set(true);
  EXPECT_TRUE(ex.pending(first_irq + 33));
  EXPECT_TRUE(ex.pending(first_irq + 34));
  EXPECT_TRUE(ex.pending(first_irq + 43));
  p.uart(2).overflow_irq().set(true);
  EXPECT_TRUE(ex.pending(first_irq + 48));
  ex.set_pending(first_irq + 48, false);
  p.uart(3).overflow_irq().set(true);  // the shared line is already high: no new edge
  EXPECT_FALSE(ex.pending(first_irq + 48));
  p.uart(2).overflow_irq().set(false);
  p.uart(3).overflow_irq().set(false);
  p.uart(3).overflow_irq().set(true);
  EXPECT_TRUE(ex.pending(first_irq + 48));
}

}  // namespace
}  // namespace minifvp
