// Exception entry, exception return, tail-chaining, synchronous faults, escalation and lockup
// (Armv8-M ARM pseudocode: ExceptionEntry, PushStack, ExceptionTaken, ExceptionReturn,
// ValidateExceptionReturn, DeActivate, TailChain, PopStack, DerivedLateArrival, Lockup).
#include <fmt/format.h>

#include "cpu/core.h"
#include "cpu/exceptions.h"

namespace minifvp::cpu {
namespace {

using namespace exception;

// EXC_RETURN fields (Armv8-M ARM, "EXC_RETURN").
constexpr uint32_t kExcReturnPrefix = 0xffffff80;  // [31:24] 0xFF, [23:7] RES1
constexpr uint32_t kExcReturnEs = 1u << 0;         // the exception was taken to Secure state
constexpr uint32_t kExcReturnSpsel = 1u << 2;      // the frame is on the process stack
constexpr uint32_t kExcReturnMode = 1u << 3;       // return to Thread mode
constexpr uint32_t kExcReturnFtype = 1u << 4;      // 1: no floating-point frame
constexpr uint32_t kExcReturnDcrs = 1u << 5;       // default callee register stacking
constexpr uint32_t kExcReturnS = 1u << 6;          // the frame is on a Secure stack

constexpr uint32_t kControlNpriv = 1u << 0, kControlSpsel = 1u << 1, kControlFpca = 1u << 2;
constexpr uint32_t kBasicFrameSize = 0x20;
constexpr uint32_t kExtendedFrameSize = 0x68;  // + S0-S15, FPSCR, VPR
constexpr uint32_t kXpsrFrameAlign = 1u << 9;  // RETPSR.SPREALIGN

// Approximate Cortex-M55 costs in core cycles (TRM: 12-cycle interrupt latency; unstacking about
// the same; a tail-chain skips the stacking). Writing or reading the FP part of an extended frame
// costs more (kFpStateCycles in exception_fp_context.cpp): at an eager stacking, at the lazy
// preservation (charged to the FP instruction that triggers it) and at an unstacking that loads it.
constexpr uint64_t kEntryCycles = 12, kReturnCycles = 12, kTailChainCycles = 6;

unsigned fault_exception(FaultKind kind) {
  switch (kind) {
    case FaultKind::InstructionBusError:
    case FaultKind::PreciseDataBusError:
    case FaultKind::StackingBusError:
    case FaultKind::UnstackingBusError:
    case FaultKind::LazyStateBusError:
      return kBusFault;
    case FaultKind::MemManageInstruction:
    case FaultKind::MemManageData:
    case FaultKind::LazyStateMemManage:
      return kMemManage;
    case FaultKind::VectorTableRead:
      return kHardFault;
    default:
      return kUsageFault;
  }
}

uint32_t fault_status_bit(FaultKind kind) {
  switch (kind) {
    case FaultKind::UndefinedInstruction:
      return ExceptionModel::kUndefinstr;
    case FaultKind::InvalidState:
      return ExceptionModel::kInvstate;
    case FaultKind::InvalidPc:
      return ExceptionModel::kInvpc;
    case FaultKind::NoCoprocessor:
      return ExceptionModel::kNocp;
    case FaultKind::Unaligned:
      return ExceptionModel::kUnaligned;
    case FaultKind::DivideByZero:
      return ExceptionModel::kDivbyzero;
    case FaultKind::StackOverflow:
      return ExceptionModel::kStkof;
    case FaultKind::InstructionBusError:
      return ExceptionModel::kIbuserr;
    case FaultKind::PreciseDataBusError:
      return ExceptionModel::kPreciserr;
    case FaultKind::StackingBusError:
      return ExceptionModel::kStkerr;
    case FaultKind::UnstackingBusError:
      return ExceptionModel::kUnstkerr;
    case FaultKind::MemManageInstruction:
      return ExceptionModel::kIaccviol;
    case FaultKind::MemManageData:
      return ExceptionModel::kDaccviol;
    case FaultKind::LazyStateMemManage:
      return ExceptionModel::kMlsperr;
    case FaultKind::LazyStateBusError:
      return ExceptionModel::kLsperr;
    case FaultKind::LazyStateNoCoprocessor:
      return ExceptionModel::kNocp;
    default:
      return 0;
  }
}

bool is_lazy_state_fault(FaultKind kind) {
  return kind == FaultKind::LazyStateMemManage || kind == FaultKind::LazyStateBusError ||
         kind == FaultKind::LazyStateNoCoprocessor;
}

bool is_fault_handler(unsigned exc) {
  return exc == kNmi || exc == kHardFault || exc == kMemManage || exc == kBusFault ||
         exc == kUsageFault;
}

}  // namespace

uint32_t cfsr_bits(FaultKind kind, bool address_valid) {
  const uint32_t status = fault_status_bit(kind);
  if (!address_valid) return status;
  if (status == ExceptionModel::kDaccviol) return status | ExceptionModel::kMmarvalid;
  if (status == ExceptionModel::kPreciserr) return status | ExceptionModel::kBfarvalid;
  return status;
}

ExceptionModel::StackPointers ExceptionModel::stack_pointers() const {
  const CpuState& s = core_.state();
  const bool psp_selected = s.ipsr == 0 && (s.control & kControlSpsel) != 0;
  return psp_selected ? StackPointers{s.banked_sp, s.r[13]} : StackPointers{s.r[13], s.banked_sp};
}

void ExceptionModel::store_stack_pointers(StackPointers sp) {
  CpuState& s = core_.state();
  const bool psp_selected = s.ipsr == 0 && (s.control & kControlSpsel) != 0;
  s.r[13] = psp_selected ? sp.psp : sp.msp;
  s.banked_sp = psp_selected ? sp.msp : sp.psp;
}

// PushStack(): the frame goes on the stack in use, 8-byte aligned (CCR.STKALIGN is RES1), with
// RETPSR bit 9 recording the realignment. The extended frame is used while CONTROL.FPCA is set;
// its FP part is push_fp_state()'s (exception_fp_context.cpp).
bool ExceptionModel::push_stack(uint32_t return_address, uint32_t& exc_return) {
  CpuState& s = core_.state();
  const bool thread = s.ipsr == 0;
  const bool on_psp = thread && (s.control & kControlSpsel) != 0;
  const bool fp_frame = (s.control & kControlFpca) != 0;
  StackPointers sp = stack_pointers();
  uint32_t& stack = on_psp ? sp.psp : sp.msp;
  const uint32_t limit = on_psp ? s.psplim : s.msplim;
  const uint32_t frame_size = fp_frame ? kExtendedFrameSize : kBasicFrameSize;
  const uint32_t realign = stack & 4;
  const uint32_t frame = (stack - frame_size) & ~4u;

  exc_return = kExcReturnPrefix | kExcReturnS | kExcReturnDcrs | kExcReturnEs |
               (fp_frame ? 0 : kExcReturnFtype) | (thread ? kExcReturnMode : 0) |
               (on_psp ? kExcReturnSpsel : 0);

  bool stacked_ok = true;
  if (frame < limit) {
    // The stack limit check (LookUpSPLim()): nothing below the limit is written, SP stops at the
    // limit and a STKOF UsageFault is derived. FP slots are still reserved (FPCCR.SPLIMVIOL then
    // keeps the lazy preservation from writing them).
    stacked_ok = false;
    derived_fault(FaultKind::StackOverflow, kStkof, "exception stacking below the stack limit");
  } else {
    const uint32_t retpsr = (s.xpsr() & ~kXpsrFrameAlign) | (realign != 0 ? kXpsrFrameAlign : 0);
    const std::array<uint32_t, kBasicFrameSize / 4> words = {
        s.r[0], s.r[1], s.r[2], s.r[3], s.r[12], s.r[14], return_address, retpsr};
    Bus& bus = core_.bus();
    for (uint32_t i = 0; i < words.size(); ++i) {
      if (bus.write(frame + 4 * i, 4, words[i], {BusMaster::Cpu, true, true}) != BusStatus::Ok) {
        stacked_ok = false;
        derived_fault(FaultKind::StackingBusError, kStkerr, "exception stacking hit a bus error");
        break;
      }
    }
  }
  if (fp_frame) stacked_ok = push_fp_state(frame + kBasicFrameSize, stacked_ok) && stacked_ok;
  stack = frame < limit ? limit : frame;
  store_stack_pointers(sp);
  return stacked_ok;
}

// ExceptionTaken(): enter Handler mode at the vector, on MSP, with a clean IT state, FPCA 0, the
// exclusive monitor cleared and the event register set.
void ExceptionModel::exception_taken(unsigned exc, uint32_t exc_return) {
  CpuState& s = core_.state();
  const StackPointers sp = stack_pointers();
  s.ipsr = exc;
  s.control &= ~(kControlSpsel | kControlFpca);
  store_stack_pointers(sp);
  s.r[14] = exc_return;
  s.it.bits = 0;
  s.exclusive_open = false;  // ClearExclusiveLocal()
  s.event_register = true;   // SetEventRegister()
  set_pending(exc, false);
  set_active(exc, true);
  last_exception_ = exc;
  ++exceptions_taken_;
  if (exc < kNumExceptions) ++taken_by_number_[exc];
  uint32_t vector = 0;
  if (core_.bus().read(vtor_ + 4 * exc, 4, vector, {BusMaster::Cpu, true, true}) != BusStatus::Ok) {
    hfsr_ |= kHfsrVecttbl;
    const GuestFault fault{FaultKind::VectorTableRead, vtor_ + 4 * exc, true,
                           fmt::format("reading vector {} at 0x{:08x}", exc, vtor_ + 4 * exc)};
    if (exc == kHardFault) {
      lockup(fault);
      return;
    }
    // The handler never started: HardFault is taken as a late-arriving derived exception.
    set_active(exc, false);
    set_pending(exc, true);
    set_pending(kHardFault, true);
    vector = 0;
  }
  s.thumb = (vector & 1) != 0;  // a vector with bit 0 clear takes INVSTATE at its first fetch
  core_.set_pc(vector & ~1u);
}

void ExceptionModel::exception_entry(unsigned exc) {
  CpuState& s = core_.state();
  uint32_t exc_return = 0;
  const uint32_t return_address = s.r[15];
  // A stacking error pends its derived fault; the exception is entered all the same and the
  // derived fault preempts it if its priority is higher (DerivedLateArrival(), simplified).
  push_stack(return_address, exc_return);
  if (locked_up_) return;
  core_.add_cycles(kEntryCycles);
  exception_taken(exc, exc_return);
}

void ExceptionModel::exception_return(uint32_t exc_return) {
  CpuState& s = core_.state();
  const unsigned returning = s.ipsr & 0x1ff;
  // ValidateExceptionReturn(): a malformed EXC_RETURN, a return to a state this model does not
  // have (Non-secure, callee-register frame) or from an exception that is not active is an INVPC
  // UsageFault taken from the handler.
  const bool to_thread = (exc_return & kExcReturnMode) != 0;
  const bool on_psp = (exc_return & kExcReturnSpsel) != 0;
  if ((exc_return & kExcReturnPrefix) != kExcReturnPrefix || (exc_return & 2) != 0 ||
      (exc_return & kExcReturnEs) == 0 || (exc_return & kExcReturnS) == 0 ||
      (exc_return & kExcReturnDcrs) == 0 || (!to_thread && on_psp) || !active(returning)) {
    derived_fault(FaultKind::InvalidPc, kInvpc,
                  "exception return with an invalid EXC_RETURN or an inactive exception");
    return;
  }

  // DeActivate(): FAULTMASK clears on a return from anything but NMI.
  const bool faultmask = s.faultmask;
  set_active(returning, false);
  if (returning != kNmi) s.faultmask = false;
  if (returning >= kFirstIrq && irq_level_[returning - kFirstIrq]) {
    nvic_.set_pending(returning - kFirstIrq, true);  // level still asserted: pending again
  }

  // TailChain(): a pending exception that can preempt what we return to is entered directly,
  // reusing the frame already on the stack.
  int pending_priority = 0;
  const unsigned next = highest_pending(&pending_priority);
  if (next != 0 && group_priority(pending_priority) < execution_priority()) {
    core_.add_cycles(kTailChainCycles);
    exception_taken(next, exc_return);
    return;
  }

  // PopStack().
  StackPointers sp = stack_pointers();
  uint32_t& stack = to_thread && on_psp ? sp.psp : sp.msp;
  const bool fp_frame = (exc_return & kExcReturnFtype) == 0;
  const uint32_t frame_size = fp_frame ? kExtendedFrameSize : kBasicFrameSize;
  std::array<uint32_t, kBasicFrameSize / 4> words{};
  Bus& bus = core_.bus();
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (bus.read(stack + 4 * i, 4, words[i], {BusMaster::Cpu, true, true}) != BusStatus::Ok) {
      set_active(returning, true);
      s.faultmask = faultmask;
      derived_fault(FaultKind::UnstackingBusError, kUnstkerr,
                    "exception unstacking hit a bus error");
      return;
    }
  }
  const uint32_t psr = words[7];
  const uint32_t frame_ipsr = psr & 0x1ff;
  // The frame's IPSR must agree with the mode returned to (ExceptionReturn(), INVPC otherwise).
  if (to_thread != (frame_ipsr == 0)) {
    set_active(returning, true);
    s.faultmask = faultmask;
    derived_fault(FaultKind::InvalidPc, kInvpc,
                  "exception return: the stacked IPSR does not match EXC_RETURN.Mode");
    return;
  }
  if (fp_frame) {
    const bool to_privileged = !to_thread || (s.control & kControlNpriv) == 0;
    FaultKind failure = FaultKind::UnstackingBusError;
    if (!pop_fp_state(stack + kBasicFrameSize, to_privileged, failure)) {
      set_active(returning, true);
      s.faultmask = faultmask;
      if (failure == FaultKind::NoCoprocessor) {
        derived_fault(failure, kNocp,
                      "exception return with an FP frame while CPACR denies FP access");
      } else {
        derived_fault(failure, kUnstkerr, "exception unstacking of FP registers hit a bus error");
      }
      return;
    }
  }
  stack += frame_size + ((psr & kXpsrFrameAlign) != 0 ? 4 : 0);
  for (unsigned i = 0; i < 4; ++i) s.r[i] = words[i];
  s.r[12] = words[4];
  s.r[14] = words[5];
  s.set_apsr_nzcvq(psr);
  s.ge = static_cast<uint8_t>((psr >> 16) & 0xf);
  s.it.bits = static_cast<uint8_t>(((psr >> 25) & 3) | (((psr >> 10) & 0x3f) << 2));
  s.thumb = (psr >> 24 & 1) != 0;
  s.ipsr = frame_ipsr;
  s.control = (s.control & ~(kControlSpsel | kControlFpca)) |
              (to_thread && on_psp ? kControlSpsel : 0) | (fp_frame ? kControlFpca : 0);
  store_stack_pointers(sp);
  s.exclusive_open = false;
  s.event_register = true;
  core_.set_pc(words[6] & ~1u);
  core_.add_cycles(kReturnCycles);

  // SCR.SLEEPONEXIT: returning to Thread mode with nothing else active sleeps at once (here after
  // unstacking, which the architecture permits).
  if (to_thread && (scr_ & kScrSleepOnExit) != 0 && active_count() == 0) core_.enter_sleep();
}

void ExceptionModel::synchronous_fault(const GuestFault& fault) {
  if (is_lazy_state_fault(fault.kind)) {
    // preserve_fp_state() recorded and pended it; it is taken before the FP instruction.
    if (!locked_up_) take_pending();
    return;
  }
  cfsr_ |= fault_status_bit(fault.kind);
  if (fault.address_valid) {
    if (fault_exception(fault.kind) == kBusFault) {
      bfar_ = fault.address;
      cfsr_ |= kBfarvalid;
    } else if (fault_exception(fault.kind) == kMemManage) {
      mmfar_ = fault.address;
      cfsr_ |= kMmarvalid;
    }
  }
  pend_fault(fault_exception(fault.kind), fault);
  if (!locked_up_) take_pending();
}

void ExceptionModel::derived_fault(FaultKind kind, uint32_t status_bits, const char* what) {
  cfsr_ |= status_bits;
  pend_fault(fault_exception(kind), GuestFault{kind, 0, false, what});
  core_.request_exception_check();
}

void ExceptionModel::supervisor_call() {
  pend_fault(kSvCall, GuestFault{FaultKind::SupervisorCall, 0, false,
                                 "SVC executed where SVCall cannot be taken"});
  core_.request_exception_check();
}

void ExceptionModel::pend_fault(unsigned exc, const GuestFault& fault) {
  const CpuState& s = core_.state();
  const uint32_t pc = fault.kind == FaultKind::SupervisorCall ? core_.current_pc() : s.r[15];
  if (exc != kSvCall) record_fault(fault, pc);
  const int current = execution_priority();
  if (!enabled(exc) || group_priority(priority(exc)) >= current) {
    // Escalation: the fault's own handler cannot run, so HardFault is taken instead.
    if (exc != kHardFault) hfsr_ |= kHfsrForced;
    if (priority(kHardFault) >= current) {
      lockup(fault);
      return;
    }
    exc = kHardFault;
  }
  set_pending(exc, true);
}

void ExceptionModel::record_fault(const GuestFault& fault, uint32_t pc) {
  bool fault_active = false;
  for (unsigned e = kNmi; e <= kUsageFault; ++e) fault_active |= is_fault_handler(e) && active(e);
  if (!fault_active) {
    lockup_history_.clear();
    first_fault_ = fault;
    first_fault_pc_ = pc;
  }
  lockup_history_ += fmt::format("    {} at pc 0x{:08x}{}{}\n", fault_kind_name(fault.kind), pc,
                                 fault.detail.empty() ? "" : ": ", fault.detail);
}

void ExceptionModel::lockup(const GuestFault& fault) {
  // Lockup: the architecture would stop fetching at 0xEFFFFFFE until reset or NMI; a simulation
  // cannot usefully continue, so the run ends with a report.
  locked_up_ = true;
  if (lockup_history_.empty()) {
    first_fault_ = fault;
    first_fault_pc_ = core_.state().r[15];
  }
  lockup_history_ += fmt::format("    lockup: {}{}{}\n", fault_kind_name(fault.kind),
                                 fault.detail.empty() ? "" : ": ", fault.detail);
  core_.stop_for_lockup(first_fault_, first_fault_pc_);
}

}  // namespace minifvp::cpu
