// Run statistics: what the simulation did (instructions, cycles, simulated time at the core clock,
// UART traffic) and what it cost on the host (wall, user and system time, MIPS), with three
// renderings:
//  - format_stats_text(): the `--stats` report, for people;
//  - format_fvp_stat_block(): the `--stat` block, laid out as Arm's FVPs print it, so scripts that
//    scrape "Simulated time" or "... MIPS (N Inst)" keep working;
//  - format_stats_json(): the `--stats-json` file, a stable machine-readable schema:
//
//    {
//      "schema": "minifvp-stats/1",
//      "platform": "corstone-300",          // the --platform name
//      "cpu": "cpu0",
//      "core_clock_hz": 25000000,
//      "stop": {"reason": "exit", "exit_code": 0},
//      "instructions": 123,                 // retired (executed or condition-failed)
//      "cycles": 456,                       // simulated core clock cycles
//      "simulated_seconds": 1.824e-05,      // cycles / core_clock_hz
//      "host": {"wall_seconds": 0.01, "user_seconds": 0.009, "system_seconds": 0.001},
//      "mips": 12.3,                        // instructions / wall_seconds / 1e6
//      "uarts": [{"name": "uart0", "tx_bytes": 10, "rx_bytes": 0}, ...],
//      "cpi": 1.42,                         // cycles / instructions
//      "stall_cycles": {"load_use": 10, "result_latency": 2, "branch": 40, "divide": 3,
//                       "memory_wait": 0},  // timing-model extra cycles by cause
//      "exceptions_taken": 3,               // exception entries, all kinds
//      "exceptions_by_number": [{"number": 72, "name": "IRQ56", "count": 3}],
//      "npu": {...}                         // null while no NPU is mapped: totals, utilisation,
//                                           // per-type totals, the first 256 operations
//    }
//
//    docs/stats-json.md is the full reference.
//
//    Keys are only ever added under the same schema name; a change of meaning bumps it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "npu/npu_stats.h"

namespace minifvp {

struct UartStats {
  std::string name;
  uint64_t tx_bytes = 0;
  uint64_t rx_bytes = 0;
};

struct ExceptionCount {
  unsigned number = 0;  // exception number (IRQn + 16 for interrupts)
  std::string name;     // cpu::exception_name()
  uint64_t count = 0;
};

// The NPU's part of the statistics.
struct NpuRunStats {
  std::string name;  // device name, "ethos-u55"
  int macs_per_cycle = 0;
  // Cycles the NPU was running operations (EthosU55::active_cycles()), in the scheduler's clock.
  uint64_t active_cycles = 0;
  npu::NpuStatistics detail;
};

struct RunStats {
  std::string platform;  // "corstone-300"
  std::string cpu = "cpu0";
  uint32_t core_clock_hz = 0;
  std::string stop_reason;  // a short word: exit, eot, tag, fault, breakpoint, timelimit, ...
  int exit_code = 0;
  uint64_t instructions = 0;
  uint64_t cycles = 0;
  double wall_seconds = 0, user_seconds = 0, system_seconds = 0;
  std::vector<UartStats> uarts;
  // Timing-model stall cycles by cause (name, cycles), in a fixed order.
  std::vector<std::pair<std::string, uint64_t>> stall_cycles;
  uint64_t exceptions_taken = 0;
  // Exceptions taken at least once, by increasing number.
  std::vector<ExceptionCount> exceptions_by_number;
  std::optional<NpuRunStats> npu;  // unset when no NPU is mapped

  double cpi() const {
    return instructions == 0 ? 0.0 : static_cast<double>(cycles) / instructions;
  }

  double simulated_seconds() const {
    return core_clock_hz == 0 ? 0.0 : static_cast<double>(cycles) / core_clock_hz;
  }
  // NPU active cycles / simulated cycles (0 without an NPU or before any cycle ran).
  double npu_utilisation() const {
    return npu && cycles > 0 ? static_cast<double>(npu->active_cycles) / cycles : 0.0;
  }
  double mips() const {
    return wall_seconds > 0 ? static_cast<double>(instructions) / wall_seconds / 1e6 : 0.0;
  }
};

// Measures host time from construction: wall time from a steady clock, user and system time of
// the whole process (getrusage), as the FVP reports them.
class HostTimer {
 public:
  HostTimer();
  double wall_seconds() const;
  // User plus system time of the process since construction.
  double cpu_seconds() const;
  // Fills the host fields of `stats`.
  void fill(RunStats& stats) const;

 private:
  std::chrono::steady_clock::time_point start_;
  double user_start_ = 0, system_start_ = 0;
};

std::string format_stats_text(const RunStats& stats);
std::string format_fvp_stat_block(const RunStats& stats);
std::string format_stats_json(const RunStats& stats);

// A JSON string literal with the escapes RFC 8259 requires.
std::string json_quote(const std::string& text);
// A JSON number; non-finite values (which JSON cannot express) become 0.
std::string json_number(double value);

// The NPU parts of the reports (sim/stats_npu.cpp): text lines for --stats and the value of the
// "npu" key. `total_cycles` is the run's simulated cycles, for the utilisation.
std::string format_npu_text(const NpuRunStats& npu, uint64_t total_cycles);
std::string format_npu_json(const NpuRunStats& npu, uint64_t total_cycles);

}  // namespace minifvp
