// The floating-point part of exception entry and return, and lazy FP state preservation (Armv8-M
// ARM, "Lazy Floating-point context preservation"; pseudocode PushStack(), UpdateFPCCR(),
// PreserveFPState(), PopStack(); Armv8.1-M adds VPR to the frame).
//
// An exception taken while CONTROL.FPCA is set uses the extended frame: after the basic eight
// words come S0-S15, FPSCR and VPR (18 words at frame + 0x20). With FPCCR.LSPEN set (the reset
// value) the words are only reserved: FPCAR records their address and FPCCR their owner (privilege,
// mode, which faults it could have taken), FPCCR.LSPACT is set and the registers keep the context.
// The first FP or MVE instruction executed while LSPACT is set (ExecuteFPCheck()) stores them
// (preserve_fp_state()); an exception return to the frame while LSPACT is still set means that no
// FP instruction ran, so the registers still hold the context and nothing is loaded. With LSPEN
// clear the words are written at entry.
//
// The Security Extension's parts (FPCCR.TS and S16-S31 in the frame, CLRONRET, SFPA, LSERR) are
// not modelled; the one security state is Secure, as in QEMU's mps3-an547 (FPCCR.S = 1).
#include <fmt/format.h>

#include <array>
#include <optional>

#include "cpu/core.h"
#include "cpu/exceptions.h"
#include "cpu/fp_context.h"

namespace minifvp::cpu {
namespace {

using namespace exception;

constexpr unsigned kFpStateWords = 18;  // S0-S15, FPSCR, VPR
// Writing or reading the 18 FP words: the Cortex-M55 moves 64 bits per cycle to its TCMs and AXI
// port, so about 9 cycles on top of the basic frame's cost (approximate, like the entry and return
// costs in exception_entry_return.cpp).
constexpr uint64_t kFpStateCycles = kFpStateWords / 2;

std::array<uint32_t, kFpStateWords> fp_state_words(const CpuState& s) {
  std::array<uint32_t, kFpStateWords> words{};
  for (unsigned i = 0; i < 16; ++i) words[i] = s.s[i];
  words[16] = s.fpscr;
  words[17] = s.vpr;
  return words;
}

}  // namespace

bool ExceptionModel::ready(unsigned exc) const {
  // IsReady() of UpdateFPCCR(): HardFault is ready while the priority is above -1 (it needs no
  // enable); the others when enabled and able to preempt.
  if (exc == kHardFault) return execution_priority() > -1;
  return enabled(exc) && group_priority(priority(exc)) < execution_priority();
}

void ExceptionModel::update_fpccr(uint32_t fp_slots) {
  const CpuState& s = core_.state();
  const bool privileged = s.ipsr != 0 || (s.control & 1) == 0;
  uint32_t owner = fpccr::kLspact | fpccr::kS;
  if (!privileged) owner |= fpccr::kUser;
  if (s.ipsr == 0) owner |= fpccr::kThread;
  if (ready(kHardFault)) owner |= fpccr::kHfrdy;
  if (ready(kMemManage)) owner |= fpccr::kMmrdy;
  if (ready(kBusFault)) owner |= fpccr::kBfrdy;
  if (ready(kUsageFault)) owner |= fpccr::kUfrdy;
  if (ready(kDebugMonitor)) owner |= fpccr::kMonrdy;
  // SPLIMVIOL: the slots lie below the limit of the stack they are on (the stack in use until
  // ExceptionTaken() switches to MSP), unless CCR.STKOFHFNMIGN ignores it at negative priority.
  if (core_.violates_stack_limit(fp_slots)) owner |= fpccr::kSplimviol;
  core_.set_fpcar(fp_slots & fpcar::kAddressMask);
  core_.set_fpccr((core_.fpccr() & ~fpccr::kFrameOwner) | owner);
}

bool ExceptionModel::push_fp_state(uint32_t fp_slots, bool stacked_ok) {
  if ((core_.fpccr() & fpccr::kLspen) != 0) {
    update_fpccr(fp_slots);
    return true;
  }
  // Eager stacking: the context being interrupted must have FP access (CheckCPEnabled()).
  CpuState& s = core_.state();
  const bool access = core_.fp_access_allowed();
  bool ok = stacked_ok;
  if (ok && !access) {
    ok = false;
    derived_fault(FaultKind::NoCoprocessor, kNocp,
                  "exception stacking of FP registers while CPACR denies FP access");
  }
  if (ok) {
    const std::array<uint32_t, kFpStateWords> words = fp_state_words(s);
    Bus& bus = core_.bus();
    for (unsigned i = 0; i < kFpStateWords; ++i) {
      if (bus.write(fp_slots + 4 * i, 4, words[i], {BusMaster::Cpu, true, true}) != BusStatus::Ok) {
        ok = false;
        derived_fault(FaultKind::StackingBusError, kStkerr,
                      "exception stacking of FP registers hit a bus error");
        break;
      }
    }
    core_.add_cycles(kFpStateCycles);
  }
  // The registers the frame holds are then cleared. The Armv8-M ARM leaves their values UNKNOWN
  // for an exception that stays in Secure state; QEMU 7.2 zeroes S0-S15, FPSCR and VPR whenever
  // the access check passed, and so do we.
  if (access) {
    for (unsigned i = 0; i < 16; ++i) s.s[i] = 0;
    s.fpscr = 0;
    s.vpr = 0;
  }
  return ok;
}

void ExceptionModel::pend_lazy_state_fault(unsigned exc, const GuestFault& fault) {
  // Escalation follows FPCCR (what the frame's owner could have taken), not the current state.
  const uint32_t owner = core_.fpccr();
  bool escalate = false;
  if (exc == kMemManage) escalate = (owner & fpccr::kMmrdy) == 0;
  if (exc == kBusFault) escalate = (owner & fpccr::kBfrdy) == 0;
  if (exc == kUsageFault) escalate = (owner & fpccr::kUfrdy) == 0;
  if (escalate) {
    exc = kHardFault;
    hfsr_ |= kHfsrForced;
  }
  record_fault(fault, core_.current_pc());
  const bool can_preempt = enabled(exc) && group_priority(priority(exc)) < execution_priority();
  if (!can_preempt && (owner & fpccr::kHfrdy) == 0) {
    // Neither the fault nor HardFault could have preempted the frame's owner.
    lockup(fault);
    return;
  }
  set_pending(exc, true);
}

void ExceptionModel::preserve_fp_state() {
  const uint32_t owner = core_.fpccr();
  const uint32_t slots = core_.fpcar() & fpcar::kAddressMask;
  // The owner's privilege (FPCCR.USER) and whether it ran at negative priority (HFRDY clear) govern
  // the access checks, as for the stacking the slots were reserved by.
  const bool privileged = (owner & fpccr::kUser) == 0;
  const bool negative_priority = (owner & fpccr::kHfrdy) == 0;
  std::optional<GuestFault> failure;
  if (!core_.fp_access_allowed_for(privileged)) {
    cfsr_ |= kNocp;
    failure = GuestFault{FaultKind::LazyStateNoCoprocessor, 0, false,
                         "lazy FP state preservation for a context without FPU access (CPACR)"};
    pend_lazy_state_fault(kUsageFault, *failure);
  } else if ((owner & fpccr::kSplimviol) == 0) {
    // With SPLIMVIOL the slots lie below the stack limit (a STKOF UsageFault was derived when they
    // were reserved): nothing is written.
    const std::array<uint32_t, kFpStateWords> words = fp_state_words(core_.state());
    Bus& bus = core_.bus();
    for (unsigned i = 0; i < kFpStateWords && !failure; ++i) {
      const uint32_t address = slots + 4 * i;
      if (!core_.mpu_permits(address, MpuAccess::Write, privileged, negative_priority)) {
        cfsr_ |= kMlsperr;
        failure = GuestFault{
            FaultKind::LazyStateMemManage, address, false,
            fmt::format("lazy FP state preservation: the MPU refuses a write to 0x{:08x}",
                        address)};
        pend_lazy_state_fault(kMemManage, *failure);
      } else if (bus.write(address, 4, words[i], {BusMaster::Cpu, privileged, true}) !=
                 BusStatus::Ok) {
        cfsr_ |= kLsperr;
        failure = GuestFault{
            FaultKind::LazyStateBusError, address, false,
            fmt::format("lazy FP state preservation: bus error writing {}", bus.describe(address))};
        pend_lazy_state_fault(kBusFault, *failure);
      }
    }
    core_.add_cycles(kFpStateCycles);
  }
  if (failure) {
    // A fault that can be taken now is taken before the FP instruction, with LSPACT still set
    // (the instruction runs again, and preserves again, after the handler returns). One that
    // stays pending lets the instruction go on with LSPACT cleared (QEMU 7.2 makes the same
    // choice).
    int pending_priority = 0;
    const unsigned next = highest_pending(&pending_priority);
    if (locked_up_ || (next != 0 && group_priority(pending_priority) < execution_priority())) {
      throw *failure;
    }
  }
  core_.set_fpccr(core_.fpccr() & ~fpccr::kLspact);
}

bool ExceptionModel::pop_fp_state(uint32_t fp_slots, bool to_privileged, FaultKind& failure) {
  if ((core_.fpccr() & fpccr::kLspact) != 0) {
    // No FP instruction ran since the slots were reserved: the registers still hold the context.
    core_.set_fpccr(core_.fpccr() & ~fpccr::kLspact);
    return true;
  }
  if (!core_.fp_access_allowed_for(to_privileged)) {
    failure = FaultKind::NoCoprocessor;
    return false;
  }
  std::array<uint32_t, kFpStateWords> words{};
  Bus& bus = core_.bus();
  for (unsigned i = 0; i < kFpStateWords; ++i) {
    if (bus.read(fp_slots + 4 * i, 4, words[i], {BusMaster::Cpu, true, true}) != BusStatus::Ok) {
      failure = FaultKind::UnstackingBusError;
      return false;
    }
  }
  CpuState& s = core_.state();
  for (unsigned i = 0; i < 16; ++i) s.s[i] = words[i];
  s.fpscr = words[16];
  s.vpr = words[17];
  core_.add_cycles(kFpStateCycles);
  return true;
}

}  // namespace minifvp::cpu
