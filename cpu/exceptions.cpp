// Priorities, pending/active state and the SCB views of them. Entry, return and faults are in
// exception_entry_return.cpp.
#include "cpu/exceptions.h"

#include <algorithm>
#include <bit>

#include "cpu/core.h"

namespace minifvp::cpu {
namespace {

using namespace exception;

// ICSR bits (Armv8-M ARM, "ICSR").
constexpr uint32_t kIcsrRetToBase = 1u << 11, kIcsrIsrPending = 1u << 22, kIcsrPendStClr = 1u << 25,
                   kIcsrPendStSet = 1u << 26, kIcsrPendSvClr = 1u << 27, kIcsrPendSvSet = 1u << 28,
                   kIcsrPendNmiClr = 1u << 30, kIcsrPendNmiSet = 1u << 31;

// SHCSR active and pended bits of the system exceptions (Armv8-M ARM, "SHCSR").
struct ShcsrBit {
  unsigned exc;
  uint32_t active, pended;
};
constexpr ShcsrBit kShcsrBits[] = {
    {kMemManage, 1u << 0, 1u << 13},
    {kBusFault, 1u << 1, 1u << 14},
    {kHardFault, 1u << 2, 1u << 21},
    {kUsageFault, 1u << 3, 1u << 12},
    {kSecureFault, 1u << 4, 1u << 20},
    {kNmi, 1u << 5, 0},
    {kSvCall, 1u << 7, 1u << 15},
    {kDebugMonitor, 1u << 8, 0},
    {kPendSv, 1u << 10, 0},
    {kSysTick, 1u << 11, 0},
};
constexpr uint32_t kShcsrEnableMask = 0x000f0000;

}  // namespace

ExceptionModel::ExceptionModel(Core& core) : core_(core) {
  reset();
}

void ExceptionModel::reset() {
  nvic_.reset();
  system_pending_.fill(false);
  system_active_.fill(false);
  irq_level_.fill(false);
  shpr_.fill(0);
  shcsr_enables_ = 0;
  vtor_ = prigroup_ = scr_ = 0;
  cfsr_ = hfsr_ = mmfar_ = bfar_ = 0;
  exc_return_requested_ = false;
  locked_up_ = false;
  last_exception_ = 0;
  lockup_history_.clear();
}

void ExceptionModel::set_prigroup(uint32_t value) {
  prigroup_ = value & 7;
  core_.request_exception_check();
}

uint8_t ExceptionModel::system_priority(unsigned exc) const {
  return exc >= 4 && exc < kFirstIrq ? shpr_[exc - 4] : 0;
}

void ExceptionModel::set_system_priority(unsigned exc, uint8_t value) {
  // Exceptions 8, 9, 10 and 13 are reserved and 7 (SecureFault) has no priority without the
  // Security Extension being modelled: their bytes are RAZ/WI.
  if (exc < 4 || exc >= kFirstIrq || exc == 7 || exc == 8 || exc == 9 || exc == 10 || exc == 13) {
    return;
  }
  shpr_[exc - 4] = value & NvicRegisters::kPriorityMask;
  core_.request_exception_check();
}

uint32_t ExceptionModel::shcsr() const {
  uint32_t value = shcsr_enables_;
  for (const ShcsrBit& b : kShcsrBits) {
    if (system_active_[b.exc]) value |= b.active;
    if (system_pending_[b.exc]) value |= b.pended;
  }
  return value;
}

void ExceptionModel::write_shcsr(uint32_t value) {
  // The ACT bits are writable (for context switching code) as are the PENDED and ENA bits; NMIACT
  // and HARDFAULTACT/PENDED are read-only from software in this configuration.
  shcsr_enables_ = value & kShcsrEnableMask & ~kSecureFaultEna;
  for (const ShcsrBit& b : kShcsrBits) {
    if (b.exc == kNmi || b.exc == kHardFault || b.exc == kSecureFault) continue;
    system_active_[b.exc] = (value & b.active) != 0;
    if (b.pended != 0) system_pending_[b.exc] = (value & b.pended) != 0;
  }
  core_.request_exception_check();
}

uint32_t ExceptionModel::icsr() const {
  const CpuState& s = core_.state();
  uint32_t value = s.ipsr & 0x1ff;  // VECTACTIVE
  // RETTOBASE: in Handler mode with exactly one active exception.
  if (s.ipsr != 0 && active_count() == 1) value |= kIcsrRetToBase;
  value |= (highest_pending() & 0x1ff) << 12;  // VECTPENDING
  for (unsigned w = 0; w < NvicRegisters::kWords; ++w) {
    if (nvic_.pending_word(w) != 0) value |= kIcsrIsrPending;
  }
  if (system_pending_[kSysTick]) value |= kIcsrPendStSet;
  if (system_pending_[kPendSv]) value |= kIcsrPendSvSet;
  if (system_pending_[kNmi]) value |= kIcsrPendNmiSet;
  return value;
}

void ExceptionModel::write_icsr(uint32_t value) {
  if ((value & kIcsrPendSvSet) != 0) set_pending(kPendSv, true);
  if ((value & kIcsrPendSvClr) != 0) set_pending(kPendSv, false);
  if ((value & kIcsrPendStSet) != 0) set_pending(kSysTick, true);
  if ((value & kIcsrPendStClr) != 0) set_pending(kSysTick, false);
  if ((value & kIcsrPendNmiSet) != 0) set_pending(kNmi, true);
  if ((value & kIcsrPendNmiClr) != 0) set_pending(kNmi, false);
}

bool ExceptionModel::pending(unsigned exc) const {
  return exc < kFirstIrq ? system_pending_[exc] : nvic_.pending(exc - kFirstIrq);
}

bool ExceptionModel::active(unsigned exc) const {
  return exc < kFirstIrq ? system_active_[exc] : nvic_.active(exc - kFirstIrq);
}

void ExceptionModel::set_pending(unsigned exc, bool value) {
  if (exc >= kNumExceptions || exc == 0) return;
  const bool was = pending(exc);
  if (exc < kFirstIrq) {
    system_pending_[exc] = value;
  } else {
    nvic_.set_pending(exc - kFirstIrq, value);
  }
  if (value && !was) {
    // SCR.SEVONPEND: a transition to pending is a wake-up event for WFE.
    if ((scr_ & kScrSevOnPend) != 0) core_.state().event_register = true;
    core_.request_exception_check();
  }
}

void ExceptionModel::set_active(unsigned exc, bool value) {
  if (exc < kFirstIrq) {
    system_active_[exc] = value;
  } else {
    nvic_.set_active(exc - kFirstIrq, value);
  }
}

void ExceptionModel::set_irq_level(unsigned irq, bool level) {
  if (irq >= NvicRegisters::kNumIrqs || irq_level_[irq] == level) return;
  irq_level_[irq] = level;
  if (level) set_pending(kFirstIrq + irq, true);
}

bool ExceptionModel::nvic_write(uint32_t offset, unsigned size, uint32_t value) {
  const bool ok = nvic_.write(offset, size, value);
  // ICPR of a level-sensitive interrupt whose input is still high: it pends again at once.
  if (offset >= NvicRegisters::kIcprBase && offset < NvicRegisters::kIabrBase) {
    const unsigned first = (offset - NvicRegisters::kIcprBase) / 4 * 32;
    for (unsigned bit = 0; bit < 32 && first + bit < NvicRegisters::kNumIrqs; ++bit) {
      if ((value >> bit & 1) != 0 && irq_level_[first + bit] && !nvic_.active(first + bit)) {
        nvic_.set_pending(first + bit, true);
      }
    }
  }
  if ((offset >= NvicRegisters::kIsprBase && offset < NvicRegisters::kIcprBase) && value != 0 &&
      (scr_ & kScrSevOnPend) != 0) {
    core_.state().event_register = true;
  }
  core_.request_exception_check();
  return ok;
}

int ExceptionModel::priority(unsigned exc) const {
  switch (exc) {
    case kReset:
      return -3;
    case kNmi:
      return -2;
    case kHardFault:
      return -1;
    default:
      break;
  }
  if (exc < kFirstIrq) return shpr_[exc - 4];
  return nvic_.priority(exc - kFirstIrq);
}

int ExceptionModel::group_priority(int value) const {
  if (value < 0) return value;
  // ExecutionPriority(): subgroupshift = PRIGROUP; groupvalue = 2 << subgroupshift.
  const int group_value = 2 << prigroup_;
  return value - value % group_value;
}

bool ExceptionModel::enabled(unsigned exc) const {
  switch (exc) {
    case kNmi:
    case kHardFault:
    case kSvCall:
    case kPendSv:
    case kSysTick:
      return true;
    case kMemManage:
      return (shcsr_enables_ & kMemFaultEna) != 0;
    case kBusFault:
      return (shcsr_enables_ & kBusFaultEna) != 0;
    case kUsageFault:
      return (shcsr_enables_ & kUsgFaultEna) != 0;
    default:
      break;
  }
  if (exc >= kFirstIrq) return nvic_.enabled(exc - kFirstIrq);
  return false;  // Reset, SecureFault, DebugMonitor and the reserved numbers
}

int ExceptionModel::execution_priority() const {
  // ExecutionPriority(): the highest group priority among the active exceptions, boosted by
  // PRIMASK (to 0), BASEPRI (to its group priority) and FAULTMASK (to -1).
  int highest = kThreadPriority;
  for (unsigned exc = 1; exc < kFirstIrq; ++exc) {
    if (system_active_[exc]) highest = std::min(highest, group_priority(priority(exc)));
  }
  for (unsigned w = 0; w < NvicRegisters::kWords; ++w) {
    for (uint32_t bits = nvic_.active_word(w); bits != 0; bits &= bits - 1) {
      const unsigned irq = w * 32 + static_cast<unsigned>(std::countr_zero(bits));
      highest = std::min(highest, group_priority(nvic_.priority(irq)));
    }
  }
  const CpuState& s = core_.state();
  int boosted = kThreadPriority;
  if (s.primask) boosted = 0;
  if (s.basepri != 0) {
    boosted = std::min(boosted, group_priority(s.basepri & NvicRegisters::kPriorityMask));
  }
  if (s.faultmask) boosted = -1;
  return std::min(highest, boosted);
}

unsigned ExceptionModel::highest_pending(int* priority_out) const {
  // Arbitration: the lowest priority value wins, then the lowest exception number.
  unsigned best = 0;
  int best_priority = kThreadPriority;
  for (unsigned exc = 1; exc < kFirstIrq; ++exc) {
    if (system_pending_[exc] && enabled(exc) && priority(exc) < best_priority) {
      best = exc;
      best_priority = priority(exc);
    }
  }
  for (unsigned w = 0; w < NvicRegisters::kWords; ++w) {
    for (uint32_t bits = nvic_.pending_word(w) & nvic_.enabled_word(w); bits != 0;
         bits &= bits - 1) {
      const unsigned irq = w * 32 + static_cast<unsigned>(std::countr_zero(bits));
      if (nvic_.priority(irq) < best_priority) {
        best = kFirstIrq + irq;
        best_priority = nvic_.priority(irq);
      }
    }
  }
  if (priority_out != nullptr) *priority_out = best_priority;
  return best;
}

unsigned ExceptionModel::active_count() const {
  unsigned count = 0;
  for (unsigned exc = 1; exc < kFirstIrq; ++exc) count += system_active_[exc] ? 1 : 0;
  for (unsigned w = 0; w < NvicRegisters::kWords; ++w) {
    count += static_cast<unsigned>(std::popcount(nvic_.active_word(w)));
  }
  return count;
}

bool ExceptionModel::wake_condition(bool wait_for_event) {
  if (wait_for_event && core_.state().event_register) {
    core_.state().event_register = false;
    return true;
  }
  int pending_priority = 0;
  if (highest_pending(&pending_priority) == 0) return false;
  if (group_priority(pending_priority) < execution_priority()) return true;
  if (wait_for_event) return false;
  // WFI also wakes for an interrupt that PRIMASK alone keeps from preempting.
  CpuState& s = core_.state();
  const bool primask = s.primask;
  s.primask = false;
  const bool would_preempt = group_priority(pending_priority) < execution_priority();
  s.primask = primask;
  return would_preempt;
}

void ExceptionModel::take_pending() {
  // Each entry raises the execution priority, so a later round only takes a higher-priority
  // exception (a derived fault); the bound guards against a guest that keeps faulting.
  for (int round = 0; round < 8 && !locked_up_; ++round) {
    int pending_priority = 0;
    const unsigned exc = highest_pending(&pending_priority);
    if (exc == 0 || group_priority(pending_priority) >= execution_priority()) return;
    exception_entry(exc);
  }
}

void ExceptionModel::service() {
  if (exc_return_requested_) {
    exc_return_requested_ = false;
    exception_return(exc_return_);
  }
  if (!locked_up_) take_pending();
}

void ExceptionModel::request_exception_return(uint32_t exc_return) {
  exc_return_requested_ = true;
  exc_return_ = exc_return;
  core_.request_exception_check();
}

std::string exception_name(unsigned exc) {
  switch (exc) {
    case kReset:
      return "Reset";
    case kNmi:
      return "NMI";
    case kHardFault:
      return "HardFault";
    case kMemManage:
      return "MemManage";
    case kBusFault:
      return "BusFault";
    case kUsageFault:
      return "UsageFault";
    case kSecureFault:
      return "SecureFault";
    case kSvCall:
      return "SVCall";
    case kDebugMonitor:
      return "DebugMonitor";
    case kPendSv:
      return "PendSV";
    case kSysTick:
      return "SysTick";
    default:
      break;
  }
  if (exc >= kFirstIrq) return "IRQ" + std::to_string(exc - kFirstIrq);
  return "Reserved" + std::to_string(exc);
}

}  // namespace minifvp::cpu
