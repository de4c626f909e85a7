// Arm Ethos-U55 NPU as a memory-mapped device: the APB register file (ethosu55_interface.h, see
// /work/shared/reference/ethos-u.md section 1), the driver handshake (QBASE/QSIZE/BASEP, CMD run,
// IRQ at NPU_OP_STOP, CMD.clear_irq) and a command stream executed in simulated time.
//
// Execution: CMD.transition_to_running_state fetches the stream (QBASE, QSIZE bytes) and starts
// stepping: each step applies register commands up to the next operation, runs that operation at
// once (its results are in memory immediately) and schedules the next step on the Scheduler after
// the operation's estimated cycles (npu/timing.h). NPU_OP_STOP sets STATUS.cmd_end_reached and
// raises the IRQ at that simulated time, so a CPU sleeping in WFI wakes when the work is "done".
// Errors stop the NPU until a soft reset (RESET register): an unknown opcode or invalid settings
// set cmd_parse_error, a bus fault sets bus_status with the faulting channel, a bad weight stream
// sets wd_fault; each raises the IRQ.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "devices/device.h"
#include "npu/command_stream.h"
#include "npu/npu_memory.h"
#include "npu/npu_stats.h"
#include "npu/ops/ops.h"
#include "npu/pmu.h"
#include "npu/timing.h"
#include "sim/bus.h"
#include "sim/scheduler.h"

namespace minifvp::npu {

// Register offsets of the APB window (4 KiB).
namespace reg {
inline constexpr uint32_t kId = 0x000;
inline constexpr uint32_t kStatus = 0x004;
inline constexpr uint32_t kCmd = 0x008;
inline constexpr uint32_t kReset = 0x00C;
inline constexpr uint32_t kQbase = 0x010;
inline constexpr uint32_t kQbaseHi = 0x014;
inline constexpr uint32_t kQread = 0x018;
inline constexpr uint32_t kQconfig = 0x01C;
inline constexpr uint32_t kQsize = 0x020;
inline constexpr uint32_t kProt = 0x024;
inline constexpr uint32_t kConfig = 0x028;
inline constexpr uint32_t kLock = 0x02C;
inline constexpr uint32_t kRegioncfg = 0x03C;
inline constexpr uint32_t kAxiLimit0 = 0x040;  // ..0x04C
inline constexpr uint32_t kBasep0 = 0x080;     // BASEP[i] lo at 0x80 + 8i, hi at +4
inline constexpr uint32_t kWdStatus = 0x100;
inline constexpr uint32_t kMacStatus = 0x104;
inline constexpr uint32_t kAoStatus = 0x108;
inline constexpr uint32_t kDmaStatus0 = 0x110;
inline constexpr uint32_t kDmaStatus1 = 0x114;
inline constexpr uint32_t kClkforce = 0x140;
inline constexpr uint32_t kDebugAddress = 0x144;
inline constexpr uint32_t kDebugMisc = 0x148;
inline constexpr uint32_t kDebugBlock = 0x150;
inline constexpr uint32_t kCurrentQread = 0x27C;
inline constexpr uint32_t kCurrentBlock = 0x2B4;
inline constexpr uint32_t kCurrentOp = 0x2B8;
inline constexpr uint32_t kCurrentCmd = 0x2BC;
inline constexpr uint32_t kRevision = 0xFC0;
}  // namespace reg

// STATUS bits.
namespace status {
inline constexpr uint32_t kState = 1u << 0;
inline constexpr uint32_t kIrqRaised = 1u << 1;
inline constexpr uint32_t kBusStatus = 1u << 2;
inline constexpr uint32_t kResetStatus = 1u << 3;
inline constexpr uint32_t kCmdParseError = 1u << 4;
inline constexpr uint32_t kCmdEndReached = 1u << 5;
inline constexpr uint32_t kPmuIrqRaised = 1u << 6;
inline constexpr uint32_t kWdFault = 1u << 7;
inline constexpr uint32_t kEccFault = 1u << 8;
inline constexpr uint32_t kFaultingInterface = 1u << 11;
inline constexpr unsigned kFaultingChannelShift = 12;
inline constexpr unsigned kIrqHistoryShift = 16;
}  // namespace status

// CMD bits.
namespace cmd {
inline constexpr uint32_t kTransitionToRunning = 1u << 0;
inline constexpr uint32_t kClearIrq = 1u << 1;
inline constexpr uint32_t kClockQEnable = 1u << 2;
inline constexpr uint32_t kPowerQEnable = 1u << 3;
inline constexpr uint32_t kStopRequest = 1u << 4;
}  // namespace cmd

class EthosU55 : public Device {
 public:
  static constexpr uint32_t kWindowSize = 0x1000;
  static constexpr uint32_t kIdValue = 0x10104201;  // arch 1.1.0, product 4 (interface header)

  // `macs` is the MAC configuration: 32, 64, 128 or 256 (throws std::invalid_argument otherwise).
  EthosU55(Bus& bus, Scheduler& scheduler, int macs = 128, std::string name = "ethos-u55");
  ~EthosU55() override;

  AccessStatus read(uint32_t offset, unsigned size, uint32_t& value) override;
  AccessStatus write(uint32_t offset, unsigned size, uint32_t value) override;
  void reset() override;

  IrqLine& irq() { return irq_; }

  // The register table (offsets, names, access kinds, reset values); CONFIG's reset value is
  // config_value(), which depends on the MAC configuration.
  static std::span<const RegisterInfo> registers();

  int macs() const { return macs_; }
  uint32_t config_value() const;
  // Statistics for --stats and tests.
  uint64_t operations_run() const { return operations_run_; }
  // Sum of the estimated cycles of every operation started.
  uint64_t busy_cycles() const { return busy_cycles_; }
  // Cycles the NPU spent running operations up to now: busy_cycles() less the part of an
  // operation still in flight and of operations cut short by a reset.
  uint64_t active_cycles() const;
  // Per-operation and total figures (npu/npu_stats.h).
  const NpuStatistics& statistics() const { return statistics_; }
  const std::string& last_error() const { return last_error_; }

 private:
  uint32_t read_register(uint32_t offset);
  void write_register(uint32_t offset, uint32_t value);
  uint32_t read_shadow(uint32_t offset) const;
  void write_cmd(uint32_t value);
  void soft_reset(uint32_t reset_value);

  // Stream execution.
  void start_stream();
  void step();
  void finish_stream();
  void fail(uint32_t status_bit, const std::string& message);
  void fail_bus(const NpuBusFault& fault, const std::string& where);
  void execute_operation(uint16_t opcode, uint16_t param);
  void update_irq();
  void sync_pmu();
  void record_statistics(const OperationDesc& desc, const OpResult& result,
                         const AxiTraffic& traffic, const OperationCycles& cycles);
  void count_operation_events(const OpResult& result, const AxiTraffic& traffic,
                              uint64_t compute_cycles);

  Bus& bus_;
  Scheduler& scheduler_;
  int macs_;
  unsigned shram_kib_;
  int ofm_ublock_depth_;

  // APB registers.
  uint32_t status_ = 0;
  uint32_t cmd_ = cmd::kClockQEnable | cmd::kPowerQEnable;
  uint32_t qbase_ = 0, qbase_hi_ = 0, qsize_ = 0, qconfig_ = 0, prot_ = 0, lock_ = 0;
  uint32_t regioncfg_ = 0, clkforce_ = 0, debug_address_ = 0, debug_misc_ = 0, debug_block_ = 0;
  std::array<uint32_t, 4> axi_limit_{};
  std::array<uint32_t, 8> basep_{}, basep_hi_{};

  // Execution state.
  CommandRegisters cmd_regs_;
  std::vector<uint32_t> stream_;
  size_t stream_fetched_words_ = 0;
  std::optional<CommandStreamParser> parser_;
  bool stop_requested_ = false;
  uint64_t pending_event_ = 0;
  uint32_t current_op_ = 0, current_cmd_ = 0, current_qread_ = 0;

  NpuMemory memory_;
  std::vector<uint8_t> shram_;
  Pmu pmu_;
  uint64_t pmu_synced_at_ = 0;

  IrqLine irq_;
  uint64_t operations_run_ = 0;
  uint64_t busy_cycles_ = 0;
  uint64_t operation_end_cycle_ = 0;  // when the operation in flight (pending_event_) completes
  uint64_t cancelled_cycles_ = 0;     // estimated cycles of operations a reset cut short
  NpuStatistics statistics_;
  std::string last_error_;
};

}  // namespace minifvp::npu
