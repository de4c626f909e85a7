#include "cpu/core.h"

#include <fmt/format.h>
#include <sys/mman.h>

#include <stdexcept>

#include "cpu/arm_pseudocode.h"
#include "cpu/decode/decoder.h"
#include "cpu/exceptions.h"
#include "cpu/exec/mve_common.h"
#include "cpu/timing/m55_timing.h"

namespace minifvp::cpu {
namespace {
constexpr size_t kPageCount = size_t{1} << (32 - Bus::kPageBits);
constexpr size_t kSlotsPerPage = Bus::kPageSize / 2;
}  // namespace

struct Core::DecodedPage {
  DecodedInsn slots[kSlotsPerPage];  // slot.size == 0: not decoded yet
};

const char* fault_kind_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::UndefinedInstruction:
      return "UsageFault UNDEFINSTR";
    case FaultKind::InvalidState:
      return "UsageFault INVSTATE";
    case FaultKind::InvalidPc:
      return "UsageFault INVPC";
    case FaultKind::NoCoprocessor:
      return "UsageFault NOCP";
    case FaultKind::Unaligned:
      return "UsageFault UNALIGNED";
    case FaultKind::DivideByZero:
      return "UsageFault DIVBYZERO";
    case FaultKind::StackOverflow:
      return "UsageFault STKOF";
    case FaultKind::InstructionBusError:
      return "BusFault IBUSERR";
    case FaultKind::PreciseDataBusError:
      return "BusFault PRECISERR";
    case FaultKind::MemManageInstruction:
      return "MemManage IACCVIOL";
    case FaultKind::MemManageData:
      return "MemManage DACCVIOL";
    case FaultKind::StackingBusError:
      return "BusFault STKERR";
    case FaultKind::UnstackingBusError:
      return "BusFault UNSTKERR";
    case FaultKind::VectorTableRead:
      return "HardFault VECTTBL";
    case FaultKind::LazyStateMemManage:
      return "MemManage MLSPERR";
    case FaultKind::LazyStateBusError:
      return "BusFault LSPERR";
    case FaultKind::LazyStateNoCoprocessor:
      return "UsageFault NOCP (lazy FP state preservation)";
    case FaultKind::SupervisorCall:
      return "SVCall";
  }
  return "fault";
}

Core::Core(Bus& bus, uint64_t& clock) : bus_(bus), clock_(clock) {
  void* p = mmap(nullptr, kPageCount * sizeof(DecodedPage*), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::runtime_error("cannot reserve the decode cache");
  pages_ = static_cast<DecodedPage**>(p);
  bus_.set_code_write_handler([this](uint32_t page) { invalidate_page(page); });
}

Core::~Core() {
  bus_.set_code_write_handler(nullptr);
  munmap(pages_, kPageCount * sizeof(DecodedPage*));
}

void Core::flush_decode_cache() {
  for (auto& page : page_storage_) {
    for (DecodedInsn& slot : page->slots) slot = DecodedInsn{};
  }
}

void Core::invalidate_page(uint32_t page_index) {
  // Deferred: the instruction that wrote the page may still be reading its own DecodedInsn.
  if (pages_[page_index] == nullptr) return;
  pending_invalidations_.push_back(page_index);
  attention();
}

void Core::decode_at(uint32_t pc, DecodedInsn& slot) {
  uint32_t hw1 = 0;
  if (bus_.read(pc, 2, hw1, {BusMaster::Cpu}) != BusStatus::Ok) {
    raise(FaultKind::InstructionBusError,
          fmt::format("instruction fetch from {}", bus_.describe(pc)));
  }
  const bool is32 = is_32bit_thumb(static_cast<uint16_t>(hw1));
  uint32_t raw = hw1;
  if (is32) {
    uint32_t hw2 = 0;
    if (bus_.read(pc + 2, 2, hw2, {BusMaster::Cpu}) != BusStatus::Ok) {
      raise(FaultKind::InstructionBusError,
            fmt::format("instruction fetch from {}", bus_.describe(pc + 2)));
    }
    raw = (hw1 << 16) | hw2;
    bus_.watch_page((pc + 2) >> Bus::kPageBits);
  }
  bus_.watch_page(pc >> Bus::kPageBits);
  const DecodeStatus status = Decoder::instance().decode(raw, is32, slot);
  if (status != DecodeStatus::Ok) slot.exec = exec_undefined;
  timing::annotate(slot);
}

const DecodedInsn& Core::fetch(uint32_t pc) {
  if (mpu_enabled_) [[unlikely]]
    return fetch_checked(pc);
  return fetch_unchecked(pc);
}

const DecodedInsn& Core::fetch_unchecked(uint32_t pc) {
  DecodedPage* page = pages_[pc >> Bus::kPageBits];
  if (page == nullptr) [[unlikely]] {
    page_storage_.push_back(std::make_unique<DecodedPage>());
    page = page_storage_.back().get();
    pages_[pc >> Bus::kPageBits] = page;
  }
  DecodedInsn& slot = page->slots[(pc & (Bus::kPageSize - 1)) >> 1];
  if (slot.size == 0) [[unlikely]]
    decode_at(pc, slot);
  return slot;
}

// The MPU-checked fetch: the first halfword's granule before decoding (an MPU fault takes
// priority over a bus fault), and the second halfword's when a 32-bit instruction crosses into
// the next granule.
const DecodedInsn& Core::fetch_checked(uint32_t pc) {
  check_fetch(pc);
  const DecodedInsn& insn = fetch_unchecked(pc);
  if (insn.size == 4 && ((pc + 2) >> 5) != (pc >> 5)) check_fetch(pc + 2);
  return insn;
}

uint32_t Core::mpu_context_key() const {
  const bool privileged = s_.ipsr != 0 || (s_.control & 1) == 0;
  return (privileged ? 1u : 0u) | (negative_execution_priority() ? 2u : 0u);
}

void Core::set_mpu(const MpuConfig* config) {
  mpu_ = config;
  mpu_enabled_ = config != nullptr && config->enabled();
  mpu_fetch_granule_ = ~0u;
}

void Core::check_fetch(uint32_t pc) {
  const uint32_t key = mpu_context_key();
  if ((pc >> 5) == mpu_fetch_granule_ && key == mpu_fetch_key_) return;
  const MpuVerdict verdict =
      mpu_check(*mpu_, pc, MpuAccess::Execute, (key & 1) != 0, (key & 2) != 0);
  if (verdict != MpuVerdict::Permitted) {
    mpu_fetch_granule_ = ~0u;
    raise(FaultKind::MemManageInstruction,
          fmt::format("instruction fetch from {:#010x}: {}", pc, mpu_verdict_name(verdict)));
  }
  mpu_fetch_granule_ = pc >> 5;
  mpu_fetch_key_ = key;
}

// ValidateAddress() for a data access: every byte must be permitted; the regions are multiples of
// 32 bytes, so checking the first byte and, when the access crosses a granule, the last byte is
// enough. MMFAR gets the first refused byte's address.
void Core::check_data_access(uint32_t addr, unsigned size, MpuAccess access, bool unprivileged) {
  const uint32_t key = mpu_context_key();
  const bool privileged = !unprivileged && (key & 1) != 0;
  const bool negative_priority = (key & 2) != 0;
  uint32_t checked = addr;
  MpuVerdict verdict = mpu_check(*mpu_, addr, access, privileged, negative_priority);
  const uint32_t last = addr + size - 1;
  if (verdict == MpuVerdict::Permitted && (last >> 5) != (addr >> 5)) {
    checked = last & ~31u;
    verdict = mpu_check(*mpu_, checked, access, privileged, negative_priority);
  }
  if (verdict != MpuVerdict::Permitted) {
    raise_data_fault(FaultKind::MemManageData, checked,
                     fmt::format("{}-byte {} at {:#010x}: {}", size,
                                 access == MpuAccess::Write ? "write" : "read", checked,
                                 mpu_verdict_name(verdict)));
  }
}

void Core::bx_write_pc(uint32_t address) {
  // BXWritePC(): in Handler mode a value 0xFFxxxxxx is EXC_RETURN, acted on once this
  // instruction completes (ExceptionReturn()). Otherwise bit 0 becomes EPSR.T, and an
  // instruction executed with T == 0 takes an INVSTATE UsageFault. (FNC_RETURN belongs to the
  // Security Extension, not modelled.)
  if ((address >> 24) == 0xff && s_.ipsr != 0 && exceptions_ != nullptr) [[unlikely]] {
    exceptions_->request_exception_return(address);
    next_pc_ = address & ~1u;
    return;
  }
  s_.thumb = (address & 1) != 0;
  next_pc_ = address & ~1u;
}

void Core::raise(FaultKind kind, std::string detail) {
  throw GuestFault{kind, 0, false, std::move(detail)};
}

void Core::raise_data_fault(FaultKind kind, uint32_t address, std::string detail) {
  throw GuestFault{kind, address, true, std::move(detail)};
}

// The Private Peripheral Bus (0xE0000000-0xE00FFFFF) refuses unprivileged accesses with a
// precise BusFault (Armv8-M ARM, "The System address map"; the MPU never applies to it). The
// exception for STIR with CCR.USERSETMPEND is not modelled.
void Core::check_ppb_privilege(uint32_t addr, bool unprivileged, const char* what) {
  if ((addr >> 20) != 0xe00) return;
  if (!unprivileged && (s_.ipsr != 0 || (s_.control & 1) == 0)) return;
  raise_data_fault(FaultKind::PreciseDataBusError, addr,
                   fmt::format("unprivileged {} of the PPB at {:#010x}", what, addr));
}

uint32_t Core::slow_read(uint32_t addr, unsigned size, bool unprivileged) {
  check_ppb_privilege(addr, unprivileged, "read");
  uint32_t value = 0;
  const BusStatus status = bus_.read(addr, size, value, {BusMaster::Cpu, !unprivileged, true});
  if (status != BusStatus::Ok) {
    raise_data_fault(FaultKind::PreciseDataBusError, addr,
                     fmt::format("{}-byte read from {}", size, bus_.describe(addr)));
  }
  return value;
}

void Core::slow_write(uint32_t addr, unsigned size, uint32_t value, bool unprivileged) {
  check_ppb_privilege(addr, unprivileged, "write");
  const BusStatus status = bus_.write(addr, size, value, {BusMaster::Cpu, !unprivileged, true});
  if (status != BusStatus::Ok) {
    raise_data_fault(FaultKind::PreciseDataBusError, addr,
                     fmt::format("{}-byte write to {}", size, bus_.describe(addr)));
  }
}

void Core::request_stop(StopReason reason, int exit_code) {
  stop_requested_ = true;
  stop_reason_ = reason;
  exit_code_ = exit_code;
  attention();
}

void Core::enter_sleep(bool wait_for_event) {
  sleeping_ = true;
  sleep_for_event_ = wait_for_event;
  attention();
}

void Core::stop_for_lockup(const GuestFault& cause, uint32_t pc) {
  last_fault_ = cause;
  last_fault_pc_ = pc;
  request_stop(StopReason::Fault);
}

void Core::breakpoint(uint8_t imm) {
  if (host_ != nullptr && host_->on_breakpoint(*this, imm)) return;
  request_stop(StopReason::Breakpoint);
}

void Core::supervisor_call(uint8_t imm) {
  if (exceptions_ != nullptr) {
    exceptions_->supervisor_call();
    return;
  }
  raise(FaultKind::SupervisorCall,
        fmt::format("SVC #{} on a core without an exception model", imm));
}

void Core::preserve_fp_state() {
  if (exceptions_ != nullptr) {
    exceptions_->preserve_fp_state();
    return;
  }
  fpccr_ &= ~fpccr::kLspact;
}

void Core::handle_fault(const GuestFault& fault) {
  if (exceptions_ != nullptr) {
    exceptions_->synchronous_fault(fault);
    return;
  }
  // A bare core has no vector table: the fault ends the run as a lockup would, with the faulting
  // instruction's address kept for the report.
  last_fault_ = fault;
  last_fault_pc_ = current_pc_;
  request_stop(StopReason::Fault);
}

void Core::check_eci_continuation(const DecodedInsn& insn) {
  // Armv8.1-M ARM: with a nonzero ECI, only a beat-wise vector instruction may execute next;
  // anything else (or a reserved ECI value) is an INVSTATE UsageFault.
  const uint8_t eci = static_cast<uint8_t>(s_.it.bits >> 4);
  const bool beatwise = insn.encoding != nullptr && insn.encoding->klass == InsnClass::Vector;
  if (!beatwise || !exec::mve::eci_valid(eci)) {
    raise(FaultKind::InvalidState,
          fmt::format("EPSR.ECI is {:#x} and the instruction is not a beat-wise vector "
                      "instruction",
                      eci));
  }
}

void Core::apply_invalidations() {
  for (uint32_t page_index : pending_invalidations_) {
    if (DecodedPage* page = pages_[page_index]) {
      for (DecodedInsn& slot : page->slots) slot = DecodedInsn{};
    }
  }
  pending_invalidations_.clear();
}

template <bool kTraced>
void Core::run_loop() {
  CpuState before;
  while (clock_ < limit_) {
    const uint32_t pc = s_.r[15];
    current_pc_ = pc;
    const DecodedInsn& insn = fetch(pc);
    if constexpr (kTraced) {
      before = s_;
      trace_accesses_.clear();
    }
    if (!s_.thumb) [[unlikely]]
      raise(FaultKind::InvalidState, "EPSR.T is 0");
    s_.r[15] = pc + 4;
    next_pc_ = pc + insn.size;
    const bool in_it = s_.it.in_it_block();
    in_it_block_at_issue_ = in_it;
    bool executed = true;
    if (in_it) [[unlikely]] {
      last_in_it_block_at_issue_ = s_.it.last_in_it_block();
      executed = condition_holds(s_, s_.it.condition());
      if (executed) insn.exec(*this, insn);
      s_.it.advance();
    } else if (s_.it.bits != 0) [[unlikely]] {
      // EPSR.ECI: part of a vector instruction already executed (cpu/exec/mve_common.h).
      check_eci_continuation(insn);
      insn.exec(*this, insn);
    } else {
      insn.exec(*this, insn);
    }
    s_.r[15] = next_pc_;
    clock_ += insn.cycles + timing_.retire(insn, clock_, next_pc_ != pc + insn.size);
    ++instructions_;
    if constexpr (kTraced) {
      trace_->commit({clock_, pc, &insn, executed, &before, &s_, trace_accesses_});
    }
    if (instructions_ == instruction_limit_) [[unlikely]] {
      request_stop(StopReason::InstructionLimit);
    }
  }
}

StopReason Core::run(uint64_t clock_limit) {
  run_limit_ = clock_limit;
  stop_requested_ = false;
  stop_reason_ = StopReason::Limit;
  for (;;) {
    apply_invalidations();
    if (sleeping_) {
      // WFI/WFE: nothing is taken until the wake-up rule holds.
      if (exceptions_ == nullptr || !exceptions_->wake_condition(sleep_for_event_)) {
        return StopReason::Sleep;
      }
      sleeping_ = false;
      exception_check_ = true;  // an exception that woke the core is taken first
    }
    if (exception_check_ && exceptions_ != nullptr) {
      // Instruction boundary: exception return, then the highest-priority pending exception.
      // A request made while servicing (a derived fault) is served here too, not after a slice.
      for (int round = 0; round < 4 && exception_check_; ++round) {
        exception_check_ = false;
        exceptions_->service();
      }
      if (stop_requested_) return stop_reason_;
      if (sleeping_) continue;  // SLEEPONEXIT
    }
    if (clock_ >= run_limit_) return StopReason::Limit;
    limit_ = run_limit_;
    try {
      if (trace_ != nullptr) {
        run_loop<true>();
      } else {
        run_loop<false>();
      }
    } catch (const GuestFault& fault) {
      s_.r[15] = current_pc_;  // nothing of the faulting instruction was committed
      handle_fault(fault);
    }
    apply_invalidations();
    if (stop_requested_) return stop_reason_;
  }
}

void exec_undefined(Core& core, const DecodedInsn& insn) {
  core.raise(FaultKind::UndefinedInstruction,
             insn.encoding == nullptr
                 ? fmt::format("no encoding matches 0x{:0{}x}", insn.raw, insn.size * 2)
                 : fmt::format("{} (0x{:0{}x}) is UNDEFINED or UNPREDICTABLE with these fields",
                               insn.encoding->name, insn.raw, insn.size * 2));
}

}  // namespace minifvp::cpu
