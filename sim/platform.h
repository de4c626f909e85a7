// A running system: the Bus with the platform's memory map, the Scheduler, the Core, the devices
// and the host ports behind the UARTs, built from a PlatformDescription and a PlatformConfig.
//
// Boot follows the FVP: the ELF's segments (and --data blobs) are placed in memory, MSP is read
// from word 0 of the vector table at INITSVTOR, PC is the ELF entry point (vector 1 when the entry
// is 0), the core starts in Secure privileged Thread mode and VTOR_S holds INITSVTOR.
//
// run() alternates between the core and the scheduler: the core runs until the next device event
// (or a time slice, after which host-side limits are checked), due events fire, and so on. When the
// core sleeps in WFI/WFE, time jumps to the next event; with no event pending, nothing could ever
// wake it and the run ends with a deadlock report.
#pragma once

#include <array>
#include <csignal>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cpu/core.h"
#include "cpu/system/pmu.h"
#include "cpu/system/system_control_space.h"
#include "devices/cmsdk_uart.h"
#include "devices/fpgaio.h"
#include "devices/host_port.h"
#include "devices/scc.h"
#include "npu/ethosu_device.h"
#include "sim/bus.h"
#include "sim/elf_loader.h"
#include "sim/platform_description.h"
#include "sim/scheduler.h"
#include "sim/semihosting.h"
#include "sim/stats.h"

namespace minifvp {

// The core clock when nothing else is said: 25 MHz, the SYSTEM_CORE_CLOCK that Arm's Corstone-300
// platform code (core_platform, MLEK, CMSIS-NN tests) and TFLM's CPU tick rate assume, and what
// their UART divisors are computed from. (MLEK falls back to 32 MHz only when SCC CFG_ACLK reads
// 0; our SCC reports this clock there.) -C core_clk.mul=HZ or --core-clock changes it.
inline constexpr uint32_t kDefaultCoreClockHz = 25'000'000;

struct UartConfig {
  // A HostPort spec (devices/host_port.h): "stdio", "tcp:PORT", "file:PATH" or "null".
  std::string port = "null";
  bool shutdown_on_eot = false;  // FVP uartN.shutdown_on_eot
  std::string shutdown_tag;      // FVP uartN.shutdown_tag: this text in the output ends the run
};

struct RunLimits {
  double wall_seconds = 0;    // --timelimit (host wall clock); 0 = none
  double cpu_seconds = 0;     // --cpulimit (host user + system time); 0 = none
  uint64_t instructions = 0;  // --max-instructions; 0 = none
  uint64_t cycles = 0;        // --cyclelimit (simulated core cycles); 0 = none
};

struct PlatformConfig {
  uint32_t core_clock_hz = kDefaultCoreClockHz;
  std::array<UartConfig, kUartCount> uarts = [] {
    std::array<UartConfig, kUartCount> u{};
    u[0].port = "stdio";
    return u;
  }();
  HostPortOptions port_options;
  bool semihosting_enabled = true;  // FVP cpu0.semihosting-enable (on by default there too)
  SemihostingConfig semihosting;
  std::optional<uint32_t> initsvtor;  // overrides the description's reset VTOR
  std::optional<uint32_t> itcm_size;  // cpu0.CFGITCMSZ, in bytes
  std::optional<uint32_t> dtcm_size;  // cpu0.CFGDTCMSZ, in bytes
  // timing.wait_states.REGION: wait states of CPU data accesses to a memory region (default 0).
  std::map<std::string, uint8_t> memory_wait_states;
  std::optional<NpuVariant> npu;  // the description's default when unset
  uint32_t npu_num_macs = 0;      // ethosu.num_macs; 0 = the variant's default
  std::string npu_extra_args;     // ethosu.extra_args (kept for the NPU model)
  RunLimits limits;
  // How many cycles the core runs between checks of host-side limits (timelimit, cpulimit).
  uint64_t slice_cycles = uint64_t{1} << 21;
};

// How a run ended.
enum class StopKind : uint8_t {
  SemihostingExit,   // SYS_EXIT / SYS_EXIT_EXTENDED
  UartEot,           // uartN.shutdown_on_eot and an EOT (0x04) was sent
  ShutdownTag,       // uartN.shutdown_tag seen in the output
  Fault,             // an unrecoverable guest fault (the core locked up)
  Breakpoint,        // a BKPT not handled by semihosting
  Deadlock,          // WFI/WFE with nothing left that could wake the core
  TimeLimit,         // --timelimit (wall clock)
  CpuTimeLimit,      // --cpulimit
  InstructionLimit,  // --max-instructions
  CycleLimit,        // --cyclelimit
  UserEscape,        // the escape byte typed on an interactive terminal
  Interrupted,       // SIGINT/SIGTERM on the host (see set_interrupt_flag)
};
const char* stop_kind_name(StopKind kind);

struct RunResult {
  StopKind kind = StopKind::SemihostingExit;
  int guest_exit_code = 0;  // for SemihostingExit, UartEot and ShutdownTag (0)
  std::string report;       // multi-line human-readable report for abnormal stops; empty otherwise
};

class Platform final : private cpu::CoreHost {
 public:
  // Builds the memory map and devices and opens the host ports. Throws std::runtime_error (bad
  // port spec, port in use) with a one-line message.
  Platform(const PlatformDescription& description, PlatformConfig config);
  ~Platform() override;
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  const PlatformDescription& description() const { return description_; }
  const PlatformConfig& config() const { return config_; }
  Bus& bus() { return bus_; }
  Scheduler& scheduler() { return scheduler_; }
  cpu::Core& core() { return *core_; }
  cpu::SystemControlSpace& system_control() { return *scs_; }
  npu::EthosU55* npu() { return npu_.get(); }
  CmsdkUart& uart(unsigned index) { return *uarts_[index]; }
  NpuVariant npu_variant() const { return npu_variant_; }
  uint32_t npu_num_macs() const { return npu_num_macs_; }

  // Loads the firmware (keeping its symbols for reports). Throws LoadError.
  void load_elf(const ElfImage& image);
  void load_data(const std::string& path, uint32_t addr) { load_binary_file(bus_, path, addr); }
  // Sets up the core as the FVP does after `-a` (see the file comment). `entry` overrides the
  // ELF's entry point; without an ELF and without `entry`, PC comes from vector 1.
  void boot(std::optional<uint32_t> entry = std::nullopt);
  uint32_t initial_vtor() const;

  // Runs until a stop condition. `timer` measures host time for the wall-clock and CPU limits.
  RunResult run(const HostTimer& timer);

  // Asks the run to end (from a device callback on the simulation thread).
  void request_stop(StopKind kind, int guest_exit_code = 0);
  // A flag a signal handler sets; run() checks it between time slices and stops (Interrupted).
  void set_interrupt_flag(const volatile std::sig_atomic_t* flag) { interrupt_flag_ = flag; }

  // "0x10000234 (main+0x1c)": an address with its symbol when the ELF has one.
  std::string describe_code_address(uint32_t addr) const;
  // The statistics a run produces (host times excluded).
  RunStats stats(const std::string& stop_reason, int exit_code) const;

 private:
  bool on_breakpoint(cpu::Core& core, uint8_t imm) override;
  void build_memory();
  void build_devices();
  void map_device(Device& device, const DeviceWindow& window);
  // Connects device interrupt outputs to NVIC inputs (after the SCS exists).
  void connect_interrupts();
  void reset_system();
  // Core state at reset (Armv8-M ARM, TakeReset()) with the vector table at initial_vtor();
  // `entry` replaces the reset vector as the first PC.
  void start_core(std::optional<uint32_t> entry);
  std::string fault_report() const;
  std::string register_dump() const;
  std::string instruction_at(uint32_t pc) const;
  std::string describe_data_address(uint32_t addr) const;
  RunResult stop_result(StopKind kind, int guest_exit_code, std::string report = {});

  const PlatformDescription& description_;
  PlatformConfig config_;
  NpuVariant npu_variant_;
  uint32_t npu_num_macs_;
  Bus bus_;
  Scheduler scheduler_;
  std::unique_ptr<cpu::Core> core_;
  std::unique_ptr<cpu::SystemControlSpace> scs_;
  std::unique_ptr<cpu::Dwt> dwt_;
  std::unique_ptr<cpu::Pmu> pmu_;
  std::unique_ptr<Scc> scc_;
  std::unique_ptr<Fpgaio> fpgaio_;
  std::unique_ptr<npu::EthosU55> npu_;  // Ethos-U55 only; other variants leave the window unmapped
  uint32_t uart_overflow_levels_ = 0;   // one bit per UART: its overflow output, ORed into one IRQ
  std::vector<std::unique_ptr<ReadAsZeroDevice>> zero_windows_;
  std::vector<std::unique_ptr<HostPort>> ports_;  // owned host ports (some UARTs share one)
  std::array<std::unique_ptr<CmsdkUart>, kUartCount> uarts_;
  HostPort* console_ = nullptr;  // semihosting :tt
  std::unique_ptr<Semihosting> semihosting_;
  std::optional<ElfImage> elf_;

  const volatile std::sig_atomic_t* interrupt_flag_ = nullptr;
  bool reset_requested_ = false;  // AIRCR.SYSRESETREQ, acted on between instructions
  uint8_t last_breakpoint_imm_ = 0;
  bool stop_pending_ = false;
  StopKind pending_kind_ = StopKind::SemihostingExit;
  int pending_exit_code_ = 0;
};

}  // namespace minifvp
