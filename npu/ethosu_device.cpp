#include "npu/ethosu_device.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <utility>

#include "npu/ops/ops.h"
#include "npu/timing.h"

namespace minifvp::npu {
namespace {

// The control and status registers: offsets, access kinds and the values after reset (this
// model's reset completes at once, so STATUS.reset_status reads 0). PMU registers (0x180..0x3FF)
// are described in npu/pmu.h, the command-stream shadow registers (0x800..0xBFF) in
// npu/opcodes.h.
constexpr RegisterInfo kRegisters[] = {
    {reg::kId, "ID", RegAccess::ReadOnly, EthosU55::kIdValue},
    {reg::kStatus, "STATUS", RegAccess::ReadOnly, 0},
    {reg::kCmd, "CMD", RegAccess::ReadWrite, cmd::kClockQEnable | cmd::kPowerQEnable},
    {reg::kReset, "RESET", RegAccess::WriteOnly, 0},
    {reg::kQbase, "QBASE", RegAccess::ReadWrite, 0},
    {reg::kQbaseHi, "QBASE_HI", RegAccess::ReadWrite, 0},
    {reg::kQread, "QREAD", RegAccess::ReadOnly, 0},
    {reg::kQconfig, "QCONFIG", RegAccess::ReadWrite, 0},
    {reg::kQsize, "QSIZE", RegAccess::ReadWrite, 0},
    {reg::kProt, "PROT", RegAccess::ReadOnly, 0},
    {reg::kConfig, "CONFIG", RegAccess::ReadOnly, 0},  // depends on the MAC configuration
    {reg::kLock, "LOCK", RegAccess::ReadWrite, 0},
    {reg::kRegioncfg, "REGIONCFG", RegAccess::ReadWrite, 0},
    {reg::kAxiLimit0 + 0x0, "AXI_LIMIT0", RegAccess::ReadWrite, 0},
    {reg::kAxiLimit0 + 0x4, "AXI_LIMIT1", RegAccess::ReadWrite, 0},
    {reg::kAxiLimit0 + 0x8, "AXI_LIMIT2", RegAccess::ReadWrite, 0},
    {reg::kAxiLimit0 + 0xC, "AXI_LIMIT3", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x00, "BASEP0", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x04, "BASEP0_HI", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x08, "BASEP1", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x0C, "BASEP1_HI", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x10, "BASEP2", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x14, "BASEP2_HI", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x18, "BASEP3", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x1C, "BASEP3_HI", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x20, "BASEP4", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x24, "BASEP4_HI", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x28, "BASEP5", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x2C, "BASEP5_HI", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x30, "BASEP6", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x34, "BASEP6_HI", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x38, "BASEP7", RegAccess::ReadWrite, 0},
    {reg::kBasep0 + 0x3C, "BASEP7_HI", RegAccess::ReadWrite, 0},
    {reg::kWdStatus, "WD_STATUS", RegAccess::ReadOnly, 0},
    {reg::kMacStatus, "MAC_STATUS", RegAccess::ReadOnly, 0},
    {reg::kAoStatus, "AO_STATUS", RegAccess::ReadOnly, 0},
    {reg::kDmaStatus0, "DMA_STATUS0", RegAccess::ReadOnly, 0},
    {reg::kDmaStatus1, "DMA_STATUS1", RegAccess::ReadOnly, 0},
    {reg::kClkforce, "CLKFORCE", RegAccess::ReadWrite, 0},
    {reg::kDebugAddress, "DEBUG_ADDRESS", RegAccess::ReadWrite, 0},
    {reg::kDebugMisc, "DEBUG_MISC", RegAccess::ReadWrite, 0},
    {reg::kDebugBlock, "DEBUG_BLOCK", RegAccess::ReadWrite, 0},
    {reg::kCurrentQread, "CURRENT_QREAD", RegAccess::ReadOnly, 0},
    {reg::kCurrentBlock, "CURRENT_BLOCK", RegAccess::ReadOnly, 0},
    {reg::kCurrentOp, "CURRENT_OP", RegAccess::ReadOnly, 0},
    {reg::kCurrentCmd, "CURRENT_CMD", RegAccess::ReadOnly, 0},
    {reg::kRevision, "REVISION", RegAccess::ReadOnly, 0},
    // PMU (behaviour in npu/pmu.cpp): the *CLR registers clear the bits written as one.
    {0x180, "PMCR", RegAccess::ReadWrite, Pmu::kPmcrReset},
    {0x184, "PMCNTENSET", RegAccess::ReadWrite, 0},
    {0x188, "PMCNTENCLR", RegAccess::WriteOneToClear, 0},
    {0x18C, "PMOVSSET", RegAccess::ReadWrite, 0},
    {0x190, "PMOVSCLR", RegAccess::WriteOneToClear, 0},
    {0x194, "PMINTSET", RegAccess::ReadWrite, 0},
    {0x198, "PMINTCLR", RegAccess::WriteOneToClear, 0},
    {0x1A0, "PMCCNTR", RegAccess::ReadWrite, 0},
    {0x1A4, "PMCCNTR_HI", RegAccess::ReadWrite, 0},
    {0x1A8, "PMCCNTR_CFG", RegAccess::ReadWrite, 0},
    {0x1AC, "PMCAXI_CHAN", RegAccess::ReadWrite, 0},
    {0x300, "PMEVCNTR0", RegAccess::ReadWrite, 0},
    {0x304, "PMEVCNTR1", RegAccess::ReadWrite, 0},
    {0x308, "PMEVCNTR2", RegAccess::ReadWrite, 0},
    {0x30C, "PMEVCNTR3", RegAccess::ReadWrite, 0},
    {0x380, "PMEVTYPER0", RegAccess::ReadWrite, 0},
    {0x384, "PMEVTYPER1", RegAccess::ReadWrite, 0},
    {0x388, "PMEVTYPER2", RegAccess::ReadWrite, 0},
    {0x38C, "PMEVTYPER3", RegAccess::ReadWrite, 0},
};

// Shared buffer size in KiB and OFM micro-block depth per MAC configuration (Vela
// architecture_features.py accelerator_configs: 16 banks for 32/64 MACs, 24 for 128, 48 for 256;
// OFM micro-block 1x1x4 on U55-32, depth 8 otherwise).
unsigned shram_kib_for(int macs) {
  switch (macs) {
    case 32:
    case 64:
      return 16;
    case 128:
      return 24;
    case 256:
      return 48;
    default:
      throw std::invalid_argument(fmt::format("Ethos-U55 has no {}-MAC configuration", macs));
  }
}

constexpr uint32_t kFaultStatusBits =
    status::kBusStatus | status::kCmdParseError | status::kWdFault | status::kEccFault;

}  // namespace

EthosU55::EthosU55(Bus& bus, Scheduler& scheduler, int macs, std::string name)
    : Device(std::move(name)),
      bus_(bus),
      scheduler_(scheduler),
      macs_(macs),
      shram_kib_(shram_kib_for(macs)),
      ofm_ublock_depth_(macs == 32 ? 4 : 8),
      memory_(bus),
      shram_(size_t{shram_kib_} * 1024, 0) {
  reset();
}

EthosU55::~EthosU55() {
  if (pending_event_ != 0) scheduler_.cancel(pending_event_);
}

std::span<const RegisterInfo> EthosU55::registers() {
  return kRegisters;
}

uint32_t EthosU55::config_value() const {
  // macs_per_cc [3:0] (log2), cmd_stream_version [7:4] = 0, shram_size [15:8] in KiB,
  // product [31:28] = 0 (U55); no functional safety, no custom DMA.
  const uint32_t log2_macs = static_cast<uint32_t>(std::countr_zero(static_cast<unsigned>(macs_)));
  return log2_macs | (shram_kib_ << 8);
}

void EthosU55::reset() {
  soft_reset(0);
}

uint64_t EthosU55::active_cycles() const {
  uint64_t in_flight = 0;
  if (pending_event_ != 0 && operation_end_cycle_ > scheduler_.now()) {
    in_flight = operation_end_cycle_ - scheduler_.now();
  }
  return busy_cycles_ - cancelled_cycles_ - in_flight;
}

void EthosU55::soft_reset(uint32_t reset_value) {
  if (pending_event_ != 0) {
    if (operation_end_cycle_ > scheduler_.now()) {
      cancelled_cycles_ += operation_end_cycle_ - scheduler_.now();
    }
    scheduler_.cancel(pending_event_);
    pending_event_ = 0;
  }
  sync_pmu();
  status_ = 0;
  cmd_ = cmd::kClockQEnable | cmd::kPowerQEnable;
  qbase_ = qbase_hi_ = qsize_ = qconfig_ = lock_ = 0;
  regioncfg_ = clkforce_ = debug_address_ = debug_misc_ = debug_block_ = 0;
  axi_limit_.fill(0);
  basep_.fill(0);
  basep_hi_.fill(0);
  // PROT.active_CPL/CSL take the values requested by RESET.pending_CPL/CSL.
  prot_ = reset_value & 3;
  cmd_regs_ = CommandRegisters{};
  stream_.clear();
  parser_.reset();
  stop_requested_ = false;
  current_op_ = current_cmd_ = current_qread_ = 0;
  std::fill(shram_.begin(), shram_.end(), 0);
  memory_.clear_fault();
  pmu_.reset();
  update_irq();
}

AccessStatus EthosU55::read(uint32_t offset, unsigned size, uint32_t& value) {
  value = 0;
  if (size != 4 || (offset & 3) != 0) {
    guest_error(fmt::format("{}-byte read (registers are 32-bit)", size), offset);
    return AccessStatus::Error;
  }
  value = read_register(offset);
  return AccessStatus::Ok;
}

AccessStatus EthosU55::write(uint32_t offset, unsigned size, uint32_t value) {
  if (size != 4 || (offset & 3) != 0) {
    guest_error(fmt::format("{}-byte write (registers are 32-bit)", size), offset);
    return AccessStatus::Error;
  }
  write_register(offset, value);
  return AccessStatus::Ok;
}

uint32_t EthosU55::read_shadow(uint32_t offset) const {
  if (offset >= 0x800 && offset < 0x940) {
    const uint16_t opcode = offset < 0x900 ? static_cast<uint16_t>(256 + (offset - 0x800) / 4)
                                           : static_cast<uint16_t>(384 + (offset - 0x900) / 4);
    return shadow_offset_cmd0(opcode) == offset ? cmd_regs_.cmd0[opcode] : 0;
  }
  if (offset >= 0xA00 && offset < 0xC00) {
    const uint32_t rel = offset < 0xB00 ? offset - 0xA00 : offset - 0xB00;
    const uint16_t opcode =
        static_cast<uint16_t>((offset < 0xB00 ? 0 : 128) + (rel / 0x40) * 16 + (rel % 0x40) / 8);
    if (shadow_offset_cmd1(opcode) != (offset & ~7u)) return 0;
    return (offset & 4) ? cmd_regs_.cmd1_param[opcode] : cmd_regs_.cmd1_payload[opcode];
  }
  return 0;
}

uint32_t EthosU55::read_register(uint32_t offset) {
  if (offset >= 0x180 && offset < 0x400) {
    sync_pmu();
    uint32_t v = 0;
    if (pmu_.read(offset, v)) return v;
  }
  if (offset >= 0x800 && offset < 0xC00) return read_shadow(offset);
  if (offset >= reg::kBasep0 && offset < reg::kBasep0 + 0x40) {
    const unsigned i = (offset - reg::kBasep0) / 8;
    return (offset & 4) ? basep_hi_[i] : basep_[i];
  }
  if (offset >= reg::kAxiLimit0 && offset < reg::kAxiLimit0 + 0x10) {
    return axi_limit_[(offset - reg::kAxiLimit0) / 4];
  }
  switch (offset) {
    case reg::kId:
      return kIdValue;
    case reg::kStatus:
      return status_ | (pmu_.irq_pending() ? status::kPmuIrqRaised : 0);
    case reg::kCmd:
      return cmd_ & (cmd::kClockQEnable | cmd::kPowerQEnable);
    case reg::kQbase:
      return qbase_;
    case reg::kQbaseHi:
      return qbase_hi_;
    case reg::kQread:
    case reg::kCurrentQread:
      return current_qread_;
    case reg::kQconfig:
      return qconfig_;
    case reg::kQsize:
      return qsize_;
    case reg::kProt:
      return prot_;
    case reg::kConfig:
      return config_value();
    case reg::kLock:
      return lock_;
    case reg::kRegioncfg:
      return regioncfg_;
    case reg::kClkforce:
      return clkforce_;
    case reg::kDebugAddress:
      return debug_address_;
    case reg::kDebugMisc:
      return debug_misc_;
    case reg::kDebugBlock:
      return debug_block_;
    case reg::kCurrentOp:
      return current_op_;
    case reg::kCurrentCmd:
      return current_cmd_;
    default:
      break;
  }
  if (find_register(kRegisters, offset) == nullptr && !(offset >= 0x200 && offset < 0x2C0) &&
      !(offset >= 0x400 && offset < 0x800) && offset < 0xFC0) {
    guest_error("read of an unknown register", offset);
  }
  return 0;  // internal debug state, SHRAM window and ID/PID registers we do not model read 0
}

void EthosU55::write_register(uint32_t offset, uint32_t value) {
  if (offset >= 0x180 && offset < 0x400) {
    sync_pmu();
    if (pmu_.write(offset, value)) {
      update_irq();
      return;
    }
  }
  const bool stopped = !(status_ & status::kState);
  if (offset >= reg::kBasep0 && offset < reg::kBasep0 + 0x40) {
    const unsigned i = (offset - reg::kBasep0) / 8;
    ((offset & 4) ? basep_hi_ : basep_)[i] = value;
    return;
  }
  if (offset >= reg::kAxiLimit0 && offset < reg::kAxiLimit0 + 0x10) {
    axi_limit_[(offset - reg::kAxiLimit0) / 4] = value & 0x0F1F00F3;
    return;
  }
  switch (offset) {
    case reg::kCmd:
      write_cmd(value);
      return;
    case reg::kReset:
      soft_reset(value);
      return;
    case reg::kQbase:
      qbase_ = value;
      if (stopped) status_ &= ~status::kCmdEndReached;
      return;
    case reg::kQbaseHi:
      qbase_hi_ = value;
      return;
    case reg::kQsize:
      qsize_ = value;
      if (stopped) status_ &= ~status::kCmdEndReached;
      return;
    case reg::kQconfig:
      qconfig_ = value & 3;
      return;
    case reg::kLock:
      lock_ = value;
      return;
    case reg::kRegioncfg:
      regioncfg_ = value & 0xFFFF;
      return;
    case reg::kClkforce:
      clkforce_ = value;
      return;
    case reg::kDebugAddress:
      debug_address_ = value;
      return;
    case reg::kDebugMisc:
      debug_misc_ = value;
      return;
    case reg::kDebugBlock:
      debug_block_ = value;
      return;
    default:
      break;
  }
  if (const RegisterInfo* info = find_register(kRegisters, offset)) {
    guest_error(fmt::format("write to read-only register {}", info->name), offset);
  } else {
    guest_error("write to an unknown or read-only register", offset);
  }
}

void EthosU55::write_cmd(uint32_t value) {
  cmd_ = value & (cmd::kClockQEnable | cmd::kPowerQEnable);
  const uint32_t clear_history = value >> 16;
  status_ &= ~(clear_history << status::kIrqHistoryShift);
  if (value & cmd::kClearIrq) status_ &= ~status::kIrqRaised;
  if (value & cmd::kStopRequest) stop_requested_ = true;
  if ((value & cmd::kTransitionToRunning) && !(status_ & status::kState)) {
    if (status_ & kFaultStatusBits) {
      guest_error("CMD run ignored: the NPU is in an error state until reset", reg::kCmd);
    } else {
      start_stream();
    }
  }
  update_irq();
}

void EthosU55::update_irq() {
  irq_.set((status_ & status::kIrqRaised) || pmu_.irq_pending());
}

void EthosU55::sync_pmu() {
  const uint64_t now = scheduler_.now();
  if (now > pmu_synced_at_) {
    pmu_.advance(now - pmu_synced_at_, (status_ & status::kState) != 0);
  }
  pmu_synced_at_ = now;
}

void EthosU55::start_stream() {
  sync_pmu();
  memory_.configure(basep_, regioncfg_, qconfig_);
  memory_.clear_fault();
  constexpr uint32_t kMaxStreamBytes = 64u << 20;
  if (qsize_ > kMaxStreamBytes) {
    status_ |= status::kState;
    fail(status::kCmdParseError, fmt::format("QSIZE {} exceeds the model's 64 MiB limit", qsize_));
    return;
  }
  stream_.assign((qsize_ + 3) / 4, 0);
  size_t fetched = 0;
  memory_.read_command(qbase_, stream_.data(), size_t{qsize_} & ~size_t{3}, fetched);
  stream_fetched_words_ = fetched / 4;
  const unsigned cmd_port = (qconfig_ & 3) >> 1;
  pmu_.count(
      cmd_port == 0 ? pmu_event::kAxi0RdDataBeatReceived : pmu_event::kAxi1RdDataBeatReceived,
      (fetched + 7) / 8);
  statistics_.record_command_fetch(fetched, cmd_port);
  stream_.resize(std::min(stream_.size(), stream_fetched_words_));
  parser_.emplace(std::span<const uint32_t>(stream_));
  stop_requested_ = false;
  current_qread_ = 0;
  status_ |= status::kState;
  status_ &= ~status::kCmdEndReached;
  sync_pmu();
  step();
}

void EthosU55::fail(uint32_t status_bit, const std::string& message) {
  sync_pmu();
  last_error_ = message;
  spdlog::warn("{}: {}", name(), message);
  status_ |= status_bit | status::kIrqRaised;
  status_ &= ~status::kState;
  parser_.reset();
  update_irq();
}

void EthosU55::fail_bus(const NpuBusFault& fault, const std::string& where) {
  status_ &= ~((0xFu << status::kFaultingChannelShift) | status::kFaultingInterface);
  status_ |= uint32_t(fault.channel) << status::kFaultingChannelShift;
  if (fault.port != 0) status_ |= status::kFaultingInterface;
  fail(status::kBusStatus, fmt::format("bus fault on channel {} at 0x{:08x} ({})",
                                       static_cast<unsigned>(fault.channel), fault.address, where));
}

void EthosU55::finish_stream() {
  sync_pmu();
  status_ &= ~status::kState;
  status_ |= status::kCmdEndReached | status::kIrqRaised;
  parser_.reset();
  update_irq();
}

// Runs commands until an operation has been started (and its completion scheduled), or the stream
// ends or fails.
void EthosU55::step() {
  pending_event_ = 0;
  while (parser_) {
    if (stop_requested_) {
      stop_requested_ = false;
      sync_pmu();
      status_ &= ~status::kState;
      parser_.reset();
      return;
    }
    const ParseEvent ev = parser_->next(cmd_regs_);
    current_qread_ = parser_->position_bytes();
    switch (ev.kind) {
      case ParseEvent::Kind::Error:
        if (stream_fetched_words_ * 4 < (qsize_ & ~3u) &&
            ev.offset + 8 > stream_fetched_words_ * 4) {
          NpuBusFault f;
          f.channel = NpuChannel::Cmd;
          f.port = (qconfig_ & 3) >> 1;
          f.address = qbase_ + static_cast<uint32_t>(stream_fetched_words_ * 4);
          fail_bus(f, "command stream fetch");
        } else {
          fail(status::kCmdParseError, ev.error);
        }
        return;
      case ParseEvent::Kind::End:
        if (stream_fetched_words_ * 4 < (qsize_ & ~3u)) {
          NpuBusFault f;
          f.channel = NpuChannel::Cmd;
          f.port = (qconfig_ & 3) >> 1;
          f.address = qbase_ + static_cast<uint32_t>(stream_fetched_words_ * 4);
          fail_bus(f, "command stream fetch");
        } else {
          finish_stream();
        }
        return;
      case ParseEvent::Kind::Operation:
        break;
    }
    current_op_ = ev.opcode;
    current_cmd_ = stream_[ev.offset / 4];
    switch (ev.opcode) {
      case op::kStop:
        status_ |= uint32_t{ev.param} << status::kIrqHistoryShift;
        finish_stream();
        return;
      case op::kIrq:
        status_ |= (uint32_t{ev.param} << status::kIrqHistoryShift) | status::kIrqRaised;
        update_irq();
        continue;
      case op::kDmaWait:
      case op::kKernelWait:
        continue;  // operations complete in order in this model: nothing is outstanding
      case op::kPmuMask:
        sync_pmu();
        pmu_.set_mask(ev.param & 1);
        continue;
      default:
        execute_operation(ev.opcode, ev.param);
        return;
    }
  }
}

void EthosU55::execute_operation(uint16_t opcode, uint16_t param) {
  OperationDesc desc;
  std::string error;
  if (!describe_operation(cmd_regs_, opcode, param, desc, error)) {
    fail(status::kCmdParseError,
         fmt::format("{} at offset 0x{:x}: {}", cmd0_name(opcode), current_qread_ - 4, error));
    return;
  }
  memory_.configure(basep_, regioncfg_, qconfig_);
  memory_.clear_traffic();
  OpContext ctx{memory_, shram_, static_cast<uint32_t>(shram_.size() - 2048), ofm_ublock_depth_, 8};
  OpResult result;
  switch (desc.kind) {
    case OperationKind::Conv:
    case OperationKind::Depthwise:
      result = run_convolution(desc, ctx);
      break;
    case OperationKind::Pool:
      result = run_pooling(desc, ctx);
      break;
    case OperationKind::Elementwise:
      result = run_elementwise(desc, ctx);
      break;
    case OperationKind::DmaStart:
      result = run_dma(desc, ctx);
      break;
  }
  const std::string where =
      fmt::format("{} at offset 0x{:x}", cmd0_name(opcode), current_qread_ - 4);
  switch (result.status) {
    case OpStatus::Ok:
      break;
    case OpStatus::BusFault:
      fail_bus(memory_.fault(), where);
      return;
    case OpStatus::WeightDecoderFault:
      fail(status::kWdFault, where + ": " + result.error);
      return;
    case OpStatus::InvalidSettings:
      fail(status::kCmdParseError, where + ": " + result.error);
      return;
  }
  const OperationCycles cycles = estimate_cycles(desc, result, memory_.traffic(), macs_);
  count_operation_events(result, memory_.traffic(), cycles.compute);
  record_statistics(desc, result, memory_.traffic(), cycles);
  ++operations_run_;
  busy_cycles_ += cycles.total;
  operation_end_cycle_ = scheduler_.now() + cycles.total;
  pending_event_ = scheduler_.schedule_in(cycles.total, [this] { step(); });
}

void EthosU55::record_statistics(const OperationDesc& desc, const OpResult& result,
                                 const AxiTraffic& traffic, const OperationCycles& cycles) {
  OperationRecord record = describe_record(desc);
  record.start_cycle = scheduler_.now();
  record.macs = result.macs;
  record.cycles = cycles.total;
  record.compute_cycles = cycles.compute;
  record.memory_cycles = cycles.memory;
  record.region_read_bytes = traffic.region_read_bytes;
  record.region_write_bytes = traffic.region_write_bytes;
  record.axi_read_bytes = traffic.read_bytes;
  record.axi_write_bytes = traffic.write_bytes;
  statistics_.record_operation(std::move(record));
}

void EthosU55::count_operation_events(const OpResult& result, const AxiTraffic& traffic,
                                      uint64_t compute_cycles) {
  sync_pmu();
  auto beats = [](uint64_t bytes) { return (bytes + 7) / 8; };
  pmu_.count(pmu_event::kAxi0RdDataBeatReceived, beats(traffic.read_bytes[0]));
  pmu_.count(pmu_event::kAxi1RdDataBeatReceived, beats(traffic.read_bytes[1]));
  pmu_.count(pmu_event::kAxi0WrDataBeatWritten, beats(traffic.write_bytes[0]));
  pmu_.count(pmu_event::kAxi1WrDataBeatWritten, beats(traffic.write_bytes[1]));
  if (result.macs > 0) pmu_.count(pmu_event::kMacActive, compute_cycles);
  if (result.ofm_elements > 0) pmu_.count(pmu_event::kAoActive, compute_cycles);
  if (result.weight_values > 0) {
    pmu_.count(pmu_event::kWdActive, (result.weight_values + macs_ - 1) / macs_);
  }
  update_irq();
}

}  // namespace minifvp::npu
