#include "sim/platform.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "cpu/decode/decoder.h"
#include "sim/host_port_adapters.h"

namespace minifvp {
namespace {

// The Private Peripheral Bus blocks (Armv8-M ARM, "System address map").
constexpr uint32_t kSystemControlSpaceBase = 0xE000E000;
constexpr uint32_t kDwtBase = 0xE0001000;
constexpr uint32_t kPmuBase = 0xE0003000;
constexpr uint32_t kPpbBlockSize = 0x1000;

}  // namespace

const char* stop_kind_name(StopKind kind) {
  switch (kind) {
    case StopKind::SemihostingExit:
      return "exit";
    case StopKind::UartEot:
      return "eot";
    case StopKind::ShutdownTag:
      return "shutdown-tag";
    case StopKind::Fault:
      return "fault";
    case StopKind::Breakpoint:
      return "breakpoint";
    case StopKind::Deadlock:
      return "deadlock";
    case StopKind::TimeLimit:
      return "timelimit";
    case StopKind::CpuTimeLimit:
      return "cpulimit";
    case StopKind::InstructionLimit:
      return "instruction-limit";
    case StopKind::CycleLimit:
      return "cycle-limit";
    case StopKind::UserEscape:
      return "user-escape";
    case StopKind::Interrupted:
      return "interrupted";
  }
  return "unknown";
}

Platform::Platform(const PlatformDescription& description, PlatformConfig config)
    : description_(description),
      config_(std::move(config)),
      npu_variant_(config_.npu.value_or(description.default_npu)),
      npu_num_macs_(config_.npu_num_macs != 0 ? config_.npu_num_macs
                                              : default_num_macs(npu_variant_)) {
  core_ = std::make_unique<cpu::Core>(bus_, scheduler_.clock());
  core_->set_host(this);
  core_->set_instruction_limit(config_.limits.instructions);
  // An event a device schedules during an instruction may be due before the limit the current
  // run was given: end that run in time for it.
  scheduler_.set_earliest_event_hook([this](uint64_t when) { core_->limit_run(when); });
  build_memory();
  build_devices();
}

Platform::~Platform() {
  scheduler_.set_earliest_event_hook(nullptr);
  // Devices cancel their scheduler events in their destructors; the core detaches from the bus.
  for (auto& uart : uarts_) uart.reset();
  for (auto& port : ports_) port->flush();
}

void Platform::build_memory() {
  for (const MemoryRegion& region : description_.memory) {
    uint32_t size = region.size;
    if (region.name == description_.itcm_name && config_.itcm_size) size = *config_.itcm_size;
    if (region.name == description_.dtcm_name && config_.dtcm_size) size = *config_.dtcm_size;
    RamStorage& storage = bus_.add_ram(std::string(region.name), region.bases.front(), size);
    for (size_t i = 1; i < region.bases.size(); ++i) bus_.add_alias(storage, region.bases[i]);
    if (auto wait = config_.memory_wait_states.find(std::string(region.name));
        wait != config_.memory_wait_states.end()) {
      for (uint32_t base : region.bases) bus_.set_wait_states(base, size, wait->second);
    }
  }
}

void Platform::map_device(Device& device, const DeviceWindow& window) {
  for (uint32_t base : window.bases) bus_.add_device(device, base, window.size);
}

void Platform::build_devices() {
  // Host ports. Several UARTs may name the same terminal ("stdio"): the first owns it, the others
  // write to it and have no input, as the FVP's out_file outputs do.
  HostPort* stdio_port = nullptr;
  for (unsigned i = 0; i < kUartCount; ++i) {
    const UartConfig& u = config_.uarts[i];
    HostPortOptions options = config_.port_options;
    options.name = fmt::format("UART{}", i);
    options.on_quit = [this] { request_stop(StopKind::UserEscape); };
    HostPort* port = nullptr;
    if (u.port == "stdio" && stdio_port != nullptr) {
      ports_.push_back(std::make_unique<OutputOnlyPort>(*stdio_port));
      port = ports_.back().get();
    } else {
      ports_.push_back(make_host_port(u.port, options));
      port = ports_.back().get();
      if (u.port == "stdio") stdio_port = port;
    }
    if (!u.shutdown_tag.empty()) {
      ports_.push_back(std::make_unique<ShutdownTagPort>(
          *port, u.shutdown_tag, [this] { request_stop(StopKind::ShutdownTag, 0); }));
      port = ports_.back().get();
    }
    const DeviceWindow& window = description_.uarts[i];
    uarts_[i] = std::make_unique<CmsdkUart>(std::string(window.name), scheduler_, port);
    uarts_[i]->set_shutdown_on_eot(u.shutdown_on_eot,
                                   [this](int status) { request_stop(StopKind::UartEot, status); });
    map_device(*uarts_[i], window);
  }

  scc_ = std::make_unique<Scc>(config_.core_clock_hz, description_.scc_id);
  map_device(*scc_, description_.scc);
  fpgaio_ = std::make_unique<Fpgaio>(scheduler_, config_.core_clock_hz);
  map_device(*fpgaio_, description_.fpgaio);
  for (const DeviceWindow& window : description_.read_as_zero) {
    zero_windows_.push_back(std::make_unique<ReadAsZeroDevice>(std::string(window.name)));
    map_device(*zero_windows_.back(), window);
  }
  // The NPU: the Ethos-U55 model behind its 4 KiB register window (both security aliases). Other
  // variants are not modelled, so their window stays a hole and a driver touching it faults with
  // a clear report.
  if (npu_variant_ == NpuVariant::EthosU55) {
    npu_ = std::make_unique<npu::EthosU55>(bus_, scheduler_, static_cast<int>(npu_num_macs_));
    map_device(*npu_, description_.npu);
  }

  scs_ = std::make_unique<cpu::SystemControlSpace>(*core_, description_.core_model);
  bus_.add_device(*scs_, kSystemControlSpaceBase, kPpbBlockSize);
  scs_->set_reset_request_handler([this] {
    reset_requested_ = true;
    core_->request_stop(cpu::StopReason::Limit);
  });
  scs_->set_ccr_listener([this](uint32_t ccr) {
    core_->set_divide_by_zero_trap((ccr & cpu::SystemControlSpace::kCcrDiv0Trp) != 0);
  });
  dwt_ = std::make_unique<cpu::Dwt>(*core_, *scs_);
  bus_.add_device(*dwt_, kDwtBase, kPpbBlockSize);
  pmu_ = std::make_unique<cpu::Pmu>(*core_, *scs_);
  bus_.add_device(*pmu_, kPmuBase, kPpbBlockSize);
  connect_interrupts();

  if (config_.semihosting_enabled) {
    console_ = stdio_port;
    if (console_ == nullptr) {
      HostPortOptions options = config_.port_options;
      options.name = "semihosting console";
      ports_.push_back(make_host_port("stdio", options));
      console_ = ports_.back().get();
    }
    semihosting_ = std::make_unique<Semihosting>(bus_, console_, config_.semihosting);
  }
}

void Platform::connect_interrupts() {
  cpu::ExceptionModel& exceptions = scs_->exceptions();
  scs_->systick().attach_scheduler(scheduler_);
  auto connect = [&exceptions](IrqLine& line, unsigned irq) {
    line.connect([&exceptions, irq](bool level) { exceptions.set_irq_level(irq, level); });
  };
  for (unsigned i = 0; i < kUartCount; ++i) {
    const UartIrqs& irqs = description_.uart_irqs[i];
    connect(uarts_[i]->rx_irq(), irqs.rx);
    connect(uarts_[i]->tx_irq(), irqs.tx);
    connect(uarts_[i]->combined_irq(), irqs.combined);
    // The UARTs' overflow outputs share one interrupt (Corstone-300: IRQ 48), ORed together.
    uarts_[i]->overflow_irq().connect([this, &exceptions, i](bool level) {
      const uint32_t bit = 1u << i;
      uart_overflow_levels_ = level ? uart_overflow_levels_ | bit : uart_overflow_levels_ & ~bit;
      exceptions.set_irq_level(description_.uart_overflow_irq, uart_overflow_levels_ != 0);
    });
  }
  if (npu_) connect(npu_->irq(), description_.npu_irq);
}

uint32_t Platform::initial_vtor() const {
  return config_.initsvtor.value_or(description_.initsvtor);
}

void Platform::load_elf(const ElfImage& image) {
  image.load(bus_);
  elf_ = image;
}

void Platform::boot(std::optional<uint32_t> entry) {
  if (!entry && elf_ && elf_->entry() != 0) entry = elf_->entry();
  const uint32_t vtor = initial_vtor();
  uint32_t msp = 0;
  if (bus_.ram_pointer(vtor) == nullptr || bus_.ram_pointer(vtor + 4) == nullptr) {
    throw LoadError(fmt::format(
        "the vector table at INITSVTOR 0x{:08x} is not in memory ({}); set -C cpu0.INITSVTOR", vtor,
        bus_.describe(vtor)));
  }
  bus_.read(vtor, 4, msp);
  if (msp == 0 && !config_.initsvtor) {
    spdlog::warn(
        "the initial stack pointer at INITSVTOR 0x{:08x} is 0: is the vector table elsewhere? "
        "(set -C cpu0.INITSVTOR=ADDRESS)",
        vtor);
  }
  start_core(entry);
}

void Platform::start_core(std::optional<uint32_t> entry) {
  const uint32_t vtor = initial_vtor();
  uint32_t msp = 0, reset_vector = 0;
  bus_.read(vtor, 4, msp);
  bus_.read(vtor + 4, 4, reset_vector);
  cpu::CpuState& s = core_->state();
  s = cpu::CpuState{};
  // TakeReset(): SP_main from vector 0 (bits [1:0] forced to 0), Secure privileged Thread mode
  // with MSP selected, EPSR.T from bit 0 of the reset vector. An ELF entry point is taken as
  // Thumb whatever its bit 0, since M-profile code is always Thumb (the FVP sets the PC directly).
  s.r[13] = msp & ~3u;
  s.r[15] = entry.value_or(reset_vector) & ~1u;
  s.thumb = entry ? true : (reset_vector & 1) != 0;
  s.r[14] = 0xffffffff;  // UNKNOWN at reset; this value makes a return from the entry fault
  scs_->set_vtor(vtor);
  core_->wake();
  core_->flush_decode_cache();
}

void Platform::reset_system() {
  // AIRCR.SYSRESETREQ: devices and the core restart, memory keeps its contents, and the core boots
  // from the vector table (the ELF entry point is not used again, as on the FVP).
  for (auto& uart : uarts_) uart->reset();
  scc_->reset();
  fpgaio_->reset();
  if (npu_) npu_->reset();
  scs_->reset();
  dwt_->reset();
  pmu_->reset();
  start_core(std::nullopt);
}

void Platform::request_stop(StopKind kind, int guest_exit_code) {
  if (!stop_pending_) {
    stop_pending_ = true;
    pending_kind_ = kind;
    pending_exit_code_ = guest_exit_code;
  }
  core_->request_stop(cpu::StopReason::Exit, guest_exit_code);
}

bool Platform::on_breakpoint(cpu::Core& core, uint8_t imm) {
  if (imm == 0xab && semihosting_) {
    semihosting_->handle(core);
    return true;
  }
  last_breakpoint_imm_ = imm;
  return false;
}

RunResult Platform::stop_result(StopKind kind, int guest_exit_code, std::string report) {
  return RunResult{kind, guest_exit_code, std::move(report)};
}

RunResult Platform::run(const HostTimer& timer) {
  const RunLimits& limits = config_.limits;
  const uint64_t cycle_limit = limits.cycles != 0 ? limits.cycles : Scheduler::kNever;
  for (;;) {
    if (stop_pending_) return stop_result(pending_kind_, pending_exit_code_);
    const uint64_t now = scheduler_.now();
    const uint64_t slice_end =
        now + std::min<uint64_t>(config_.slice_cycles, Scheduler::kNever - now);
    const uint64_t limit = std::min({scheduler_.next_event_time(), slice_end, cycle_limit});
    const cpu::StopReason reason = core_->run(limit);
    scheduler_.run_due_events();
    if (stop_pending_) return stop_result(pending_kind_, pending_exit_code_);

    switch (reason) {
      case cpu::StopReason::Limit:
        if (reset_requested_) {
          reset_requested_ = false;
          reset_system();
        }
        break;
      case cpu::StopReason::Sleep: {
        // WFI/WFE: time jumps to the next event; the core wakes by itself at its next run() when
        // an interrupt or event meets the wake-up rule, else it reports Sleep again.
        const uint64_t next = scheduler_.next_event_time();
        if (next == Scheduler::kNever) {
          return stop_result(
              StopKind::Deadlock, 0,
              fmt::format("minifvp: core sleeping with no pending event (deadlock)\n"
                          "  pc: {} after {} instructions, {} cycles\n"
                          "  the core waits in WFI/WFE for an interrupt or event that nothing "
                          "will raise\n",
                          describe_code_address(core_->state().r[15]), core_->instructions(),
                          scheduler_.now()));
        }
        if (next > cycle_limit) {
          scheduler_.advance_to(cycle_limit);
          break;
        }
        scheduler_.advance_to(next);
        scheduler_.run_due_events();
        if (stop_pending_) return stop_result(pending_kind_, pending_exit_code_);
        break;
      }
      case cpu::StopReason::Exit:
        return stop_result(StopKind::SemihostingExit, core_->exit_code());
      case cpu::StopReason::Fault:
        return stop_result(StopKind::Fault, 0, fault_report());
      case cpu::StopReason::Breakpoint:
        return stop_result(
            StopKind::Breakpoint, 0,
            fmt::format("minifvp: breakpoint: BKPT #0x{:02x} at {}{}\n{}", last_breakpoint_imm_,
                        describe_code_address(core_->state().r[15]),
                        last_breakpoint_imm_ == 0xab ? " (semihosting is disabled)" : "",
                        register_dump()));
      case cpu::StopReason::InstructionLimit:
        return stop_result(
            StopKind::InstructionLimit, 0,
            fmt::format("minifvp: instruction limit of {} reached at {}\n", limits.instructions,
                        describe_code_address(core_->state().r[15])));
    }

    if (scheduler_.now() >= cycle_limit) {
      return stop_result(StopKind::CycleLimit, 0,
                         fmt::format("minifvp: cycle limit of {} reached at {}\n", limits.cycles,
                                     describe_code_address(core_->state().r[15])));
    }
    if (interrupt_flag_ != nullptr && *interrupt_flag_ != 0) {
      return stop_result(
          StopKind::Interrupted, 0,
          fmt::format("minifvp: interrupted at {} after {} instructions\n",
                      describe_code_address(core_->state().r[15]), core_->instructions()));
    }
    if (limits.wall_seconds > 0 && timer.wall_seconds() >= limits.wall_seconds) {
      return stop_result(
          StopKind::TimeLimit, 0,
          fmt::format("minifvp: time limit of {} s (host wall clock) reached at {} "
                      "after {} instructions\n",
                      limits.wall_seconds, describe_code_address(core_->state().r[15]),
                      core_->instructions()));
    }
    if (limits.cpu_seconds > 0 && timer.cpu_seconds() >= limits.cpu_seconds) {
      return stop_result(
          StopKind::CpuTimeLimit, 0,
          fmt::format("minifvp: CPU time limit of {} s reached at {} after {} "
                      "instructions\n",
                      limits.cpu_seconds, describe_code_address(core_->state().r[15]),
                      core_->instructions()));
    }
  }
}

std::string Platform::describe_code_address(uint32_t addr) const {
  std::string symbol = elf_ ? elf_->symbolize(addr) : std::string();
  return symbol.empty() ? fmt::format("0x{:08x}", addr)
                        : fmt::format("0x{:08x} ({})", addr, symbol);
}

std::string Platform::describe_data_address(uint32_t addr) const {
  std::string out = fmt::format("0x{:08x}", addr);
  if (const std::string symbol = elf_ ? elf_->symbolize(addr) : std::string(); !symbol.empty()) {
    out += fmt::format(" ({})", symbol);
  }
  const std::string mapping = bus_.describe(addr);
  if (mapping != "unmapped") return out + fmt::format(", mapped as {}", mapping);
  for (uint32_t base : description_.npu.bases) {
    if (addr - base < description_.npu.size) {
      return out + fmt::format(", unmapped: the {} window of the {} (no model of this NPU variant)",
                               description_.npu.name, npu_variant_name(npu_variant_));
    }
  }
  return out + ", unmapped (no memory or device at this address)";
}

std::string Platform::instruction_at(uint32_t pc) const {
  Bus& bus = const_cast<Bus&>(bus_);  // reads of RAM have no side effects
  uint32_t hw1 = 0;
  if (bus.ram_pointer(pc) == nullptr || bus.read(pc, 2, hw1) != BusStatus::Ok) {
    return fmt::format("(not readable: {})", bus.describe(pc));
  }
  const bool is32 = cpu::is_32bit_thumb(static_cast<uint16_t>(hw1));
  uint32_t raw = hw1;
  if (is32) {
    uint32_t hw2 = 0;
    if (bus.ram_pointer(pc + 2) == nullptr || bus.read(pc + 2, 2, hw2) != BusStatus::Ok) {
      return fmt::format("0x{:04x} (second halfword not readable)", hw1);
    }
    raw = (hw1 << 16) | hw2;
  }
  const cpu::Encoding* encoding = cpu::Decoder::instance().match(raw, is32);
  return fmt::format("0x{:0{}x} ({})", raw, is32 ? 8 : 4,
                     encoding != nullptr ? encoding->name : "no encoding matches");
}

std::string Platform::register_dump() const {
  const cpu::CpuState& s = core_->state();
  std::string out = "  registers:\n";
  for (unsigned i = 0; i < 12; i += 4) {
    out += fmt::format("    r{:<2} 0x{:08x}  r{:<2} 0x{:08x}  r{:<2} 0x{:08x}  r{:<2} 0x{:08x}\n",
                       i, s.r[i], i + 1, s.r[i + 1], i + 2, s.r[i + 2], i + 3, s.r[i + 3]);
  }
  const std::string lr_symbol = elf_ ? elf_->symbolize(s.r[14] & ~1u) : std::string();
  out += fmt::format("    r12 0x{:08x}  sp  0x{:08x}  lr  0x{:08x}{}\n", s.r[12], s.r[13], s.r[14],
                     lr_symbol.empty() ? "" : " (" + lr_symbol + ")");
  const bool psp_selected = (s.control & 2) != 0;
  out += fmt::format(
      "    xpsr 0x{:08x} (n={} z={} c={} v={} q={})  control 0x{:x}  msp 0x{:08x}  "
      "psp 0x{:08x}\n",
      s.xpsr(), int{s.n}, int{s.z}, int{s.c}, int{s.v}, int{s.q}, s.control,
      psp_selected ? s.banked_sp : s.r[13], psp_selected ? s.r[13] : s.banked_sp);
  return out;
}

std::string Platform::fault_report() const {
  const cpu::GuestFault& fault = core_->last_fault();
  const uint32_t pc = core_->last_fault_pc();
  std::string out = fmt::format("minifvp: guest fault: {} (the core cannot continue: lockup)\n",
                                cpu::fault_kind_name(fault.kind));
  out += fmt::format("  pc:          {}\n", describe_code_address(pc));
  out += fmt::format("  instruction: {}\n", instruction_at(pc));
  if (fault.address_valid)
    out += fmt::format("  address:     {}\n", describe_data_address(fault.address));
  if (!fault.detail.empty()) out += fmt::format("  detail:      {}\n", fault.detail);
  const cpu::ExceptionModel& ex = scs_->exceptions();
  if (ex.locked_up()) {
    out += "  faults leading to lockup:\n" + ex.lockup_history();
    out += fmt::format("  last exception entered: {}  (IPSR {})\n", ex.last_exception(),
                       core_->state().ipsr);
  }
  out += fmt::format("  CFSR 0x{:08x}  HFSR 0x{:08x}  BFAR 0x{:08x}  MMFAR 0x{:08x}\n", ex.cfsr(),
                     ex.hfsr(), ex.bfar(), ex.mmfar());
  out +=
      fmt::format("  after {} instructions, {} cycles\n", core_->instructions(), scheduler_.now());
  out += register_dump();
  return out;
}

RunStats Platform::stats(const std::string& stop_reason, int exit_code) const {
  RunStats s;
  s.platform = std::string(description_.name);
  s.cpu = std::string(description_.cpu_name);
  s.core_clock_hz = config_.core_clock_hz;
  s.stop_reason = stop_reason;
  s.exit_code = exit_code;
  s.instructions = core_->instructions();
  s.cycles = scheduler_.now();
  const cpu::timing::StallCounters& stalls = core_->timing().stalls();
  for (size_t i = 0; i < stalls.cycles.size(); ++i) {
    s.stall_cycles.emplace_back(cpu::timing::kStallCauseNames[i], stalls.cycles[i]);
  }
  for (const auto& uart : uarts_) {
    s.uarts.push_back({uart->name(), uart->bytes_transmitted(), uart->bytes_received()});
  }
  if (scs_) {
    const cpu::ExceptionModel& ex = scs_->exceptions();
    s.exceptions_taken = ex.exceptions_taken();
    for (unsigned exc = 0; exc < cpu::ExceptionModel::kNumExceptions; ++exc) {
      if (const uint64_t n = ex.exceptions_taken(exc); n != 0) {
        s.exceptions_by_number.push_back({exc, cpu::exception_name(exc), n});
      }
    }
  }
  if (npu_) {
    s.npu = NpuRunStats{npu_->name(), npu_->macs(), npu_->active_cycles(), npu_->statistics()};
  }
  return s;
}

}  // namespace minifvp
