// The Armv8-M exception model for a Secure-only configuration (Armv8-M ARM, chapter B3
// "Exception model" and its pseudocode): pending and active state, priorities with PRIGROUP,
// PRIMASK/BASEPRI/FAULTMASK boosting, exception entry (PushStack + ExceptionTaken), exception
// return (ExceptionReturn + PopStack), tail-chaining, fault status (CFSR/HFSR/BFAR/MMFAR),
// escalation to HardFault and lockup.
//
// Contract with the core: nothing here runs per instruction. The core calls service() at an
// instruction boundary only after Core::request_exception_check() (an interrupt became pending,
// a mask or priority changed, an exception return was requested by a PC write, SVC). Synchronous
// faults arrive through synchronous_fault() with the PC at the faulting instruction; the one
// exception is preserve_fp_state(), which the first FP instruction after a lazy stacking runs.
//
// Modelled: the basic 8-word frame and the extended FP frame (S0-S15, FPSCR, VPR) with lazy
// floating-point state preservation (FPCCR.LSPEN, the default: the slots are reserved and written
// by the first FP instruction, PreserveFPState(); see exception_fp_context.cpp) or eager stacking
// (LSPEN = 0), 8-byte frame alignment with xPSR bit 9, MSP/PSP with CONTROL.SPSEL, MSPLIM/PSPLIM
// on stacking (STKOF), stacking and unstacking bus errors (STKERR/UNSTKERR), vector-table read
// errors (HFSR.VECTTBL), the faults of lazy preservation (MLSPERR with the MPU, LSPERR, NOCP).
// Not modelled: the Security Extension (Non-secure state, banked registers, FNC_RETURN,
// callee-register stacking with DCRS = 0, which takes INVPC), DebugMonitor, MPU checks of the
// stacking and unstacking themselves (MSTKERR/MUNSTKERR).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "cpu/fault.h"
#include "cpu/system/nvic_registers.h"

namespace minifvp::cpu {

class Core;

namespace exception {
inline constexpr unsigned kReset = 1, kNmi = 2, kHardFault = 3, kMemManage = 4, kBusFault = 5,
                          kUsageFault = 6, kSecureFault = 7, kSvCall = 11, kDebugMonitor = 12,
                          kPendSv = 14, kSysTick = 15, kFirstIrq = 16;
}  // namespace exception

class ExceptionModel {
 public:
  static constexpr unsigned kNumExceptions = exception::kFirstIrq + NvicRegisters::kNumIrqs;
  // ExecutionPriority() with nothing active and no mask: one more than the lowest priority.
  static constexpr int kThreadPriority = 256;

  // CFSR bits (Armv8-M ARM, "CFSR"): MMFSR [7:0], BFSR [15:8], UFSR [31:16].
  static constexpr uint32_t kIaccviol = 1u << 0, kDaccviol = 1u << 1, kMstkerr = 1u << 4,
                            kMlsperr = 1u << 5, kMmarvalid = 1u << 7, kIbuserr = 1u << 8,
                            kPreciserr = 1u << 9, kUnstkerr = 1u << 11, kStkerr = 1u << 12,
                            kLsperr = 1u << 13, kBfarvalid = 1u << 15, kUndefinstr = 1u << 16,
                            kInvstate = 1u << 17, kInvpc = 1u << 18, kNocp = 1u << 19,
                            kStkof = 1u << 20, kUnaligned = 1u << 24, kDivbyzero = 1u << 25;
  // HFSR bits.
  static constexpr uint32_t kHfsrVecttbl = 1u << 1, kHfsrForced = 1u << 30;
  // SHCSR enable bits.
  static constexpr uint32_t kMemFaultEna = 1u << 16, kBusFaultEna = 1u << 17,
                            kUsgFaultEna = 1u << 18, kSecureFaultEna = 1u << 19;
  // SCR bits.
  static constexpr uint32_t kScrSleepOnExit = 1u << 1, kScrSevOnPend = 1u << 4;

  explicit ExceptionModel(Core& core);
  void reset();

  NvicRegisters& nvic() { return nvic_; }
  const NvicRegisters& nvic() const { return nvic_; }

  // ---- State the SCB registers expose ----
  uint32_t vtor() const { return vtor_; }
  void set_vtor(uint32_t value) { vtor_ = value & 0xffffff80; }
  uint32_t prigroup() const { return prigroup_; }
  void set_prigroup(uint32_t value);
  uint32_t scr() const { return scr_; }
  void set_scr(uint32_t value) { scr_ = value & 0x1e; }
  uint8_t system_priority(unsigned exc) const;  // SHPR byte (4..15), 0 otherwise
  void set_system_priority(unsigned exc, uint8_t value);
  uint32_t shcsr() const;
  void write_shcsr(uint32_t value);
  uint32_t icsr() const;
  void write_icsr(uint32_t value);
  uint32_t cfsr() const { return cfsr_; }
  uint32_t hfsr() const { return hfsr_; }
  uint32_t mmfar() const { return mmfar_; }
  uint32_t bfar() const { return bfar_; }
  void clear_cfsr(uint32_t bits) { cfsr_ &= ~bits; }
  void clear_hfsr(uint32_t bits) { hfsr_ &= ~bits; }
  void set_mmfar(uint32_t value) { mmfar_ = value; }
  void set_bfar(uint32_t value) { bfar_ = value; }

  // ---- Pending and active state ----
  bool pending(unsigned exc) const;
  bool active(unsigned exc) const;
  // Sets or clears the pending state of `exc` (SetPending; ICSR/SHCSR/ISPR/STIR writes, SysTick).
  void set_pending(unsigned exc, bool value);
  // The level of external interrupt input `irq` (devices' IrqLine): a rising level makes the
  // interrupt pending; while the level stays high it pends again when its handler returns.
  void set_irq_level(unsigned irq, bool level);
  // NVIC register writes go through here so that pending/enable changes are noticed.
  bool nvic_write(uint32_t offset, unsigned size, uint32_t value);

  // ExceptionPriority() of an exception (-3 Reset, -2 NMI, -1 HardFault, else its priority byte).
  int priority(unsigned exc) const;
  // The group priority of a priority value under AIRCR.PRIGROUP.
  int group_priority(int priority) const;
  // ExecutionPriority(): the current priority from the active exceptions and the masks.
  int execution_priority() const;
  // The pending, enabled exception that wins arbitration, or 0. `priority_out` gets its priority.
  unsigned highest_pending(int* priority_out = nullptr) const;
  // Number of active exceptions.
  unsigned active_count() const;

  // ---- Entry points for the core ----
  // At an instruction boundary after Core::request_exception_check(): an exception return the
  // last instruction requested, then the pending exception with the highest priority if it can
  // preempt.
  void service();
  // A synchronous fault of the instruction at the current PC (the state holds no part of it).
  void synchronous_fault(const GuestFault& fault);
  // SVC: SVCall is pended, or HardFault when SVCall cannot preempt (escalation).
  void supervisor_call();
  // PreserveFPState(), from ExecuteFPCheck() while FPCCR.LSPACT is set: stores S0-S15, FPSCR and
  // VPR to the slots at FPCAR with the privilege and priority FPCCR recorded for their owner, then
  // clears LSPACT. A fault (MLSPERR, LSPERR, or NOCP when the owner had no FPU access) is pended
  // with the escalation FPCCR's *RDY bits decide; when it can be taken at once, LSPACT stays set
  // and GuestFault is thrown so that it is taken before the FP instruction.
  void preserve_fp_state();
  // A PC write of `exc_return` (0xFFxxxxxx) in Handler mode; acted on at the next service().
  void request_exception_return(uint32_t exc_return);
  // WFI/WFE wake-up rule: an exception that would preempt (for WFI also one masked only by
  // PRIMASK), or for WFE a set event register (consumed).
  bool wake_condition(bool wait_for_event);

  bool locked_up() const { return locked_up_; }
  unsigned last_exception() const { return last_exception_; }
  // Exception entries (ExceptionTaken(), tail-chained ones included) since construction: in
  // total and by exception number. Counted at entry only, never per instruction.
  uint64_t exceptions_taken() const { return exceptions_taken_; }
  uint64_t exceptions_taken(unsigned exc) const {
    return exc < kNumExceptions ? taken_by_number_[exc] : 0;
  }
  // One line per fault seen in the escalation that ended in lockup (for the report).
  const std::string& lockup_history() const { return lockup_history_; }

 private:
  struct StackPointers {
    uint32_t msp, psp;
  };
  StackPointers stack_pointers() const;
  void store_stack_pointers(StackPointers sp);
  bool enabled(unsigned exc) const;
  void set_active(unsigned exc, bool value);
  // ExceptionEntry(): PushStack() then ExceptionTaken(). `return_address` is the stacked PC.
  void exception_entry(unsigned exc);
  // PushStack(): returns false (status recorded, derived fault pended) on a stacking error.
  bool push_stack(uint32_t return_address, uint32_t& exc_return);
  // The FP part of PushStack() for a context with CONTROL.FPCA set, its slots at `fp_slots`:
  // reserved for lazy preservation (UpdateFPCCR()) or, with FPCCR.LSPEN clear, written now and
  // the registers cleared. `stacked_ok` says whether the basic frame was written; returns whether
  // the FP part was.
  bool push_fp_state(uint32_t fp_slots, bool stacked_ok);
  // UpdateFPCCR(): FPCAR and FPCCR's frame-owner fields for slots reserved at `fp_slots`.
  void update_fpccr(uint32_t fp_slots);
  // The FP part of PopStack() for an extended frame whose FP slots are at `fp_slots`: nothing to
  // load while FPCCR.LSPACT is set (the registers still hold the context; LSPACT is cleared),
  // else S0-S15, FPSCR and VPR are loaded. Returns false, with `failure` set (NoCoprocessor when
  // CPACR denies the returned-to context FP access, UnstackingBusError) and no register changed,
  // when the frame cannot be loaded; the caller derives the fault.
  bool pop_fp_state(uint32_t fp_slots, bool to_privileged, FaultKind& failure);
  // Whether exception `exc` is enabled and could preempt the current execution priority (the
  // *RDY bits of FPCCR).
  bool ready(unsigned exc) const;
  // Pends a fault of lazy state preservation: escalated to HardFault when FPCCR says the frame's
  // owner could not have taken it; lockup when neither could preempt.
  void pend_lazy_state_fault(unsigned exc, const GuestFault& fault);
  // Notes a fault for the lockup report (the escalation that began with the first fault taken
  // while no fault handler was active).
  void record_fault(const GuestFault& fault, uint32_t pc);
  // ExceptionTaken(): IPSR, vector fetch, CONTROL, masks, event register, exclusive monitor.
  void exception_taken(unsigned exc, uint32_t exc_return);
  // ExceptionReturn() with DeActivate(), TailChain() and PopStack().
  void exception_return(uint32_t exc_return);
  // A fault found during exception return or stacking: the fault is taken from the current state
  // (a derived exception).
  void derived_fault(FaultKind kind, uint32_t status_bits, const char* what);
  // Pends the fault's exception, or HardFault (FORCED) when it cannot be taken, or locks up.
  void pend_fault(unsigned exc, const GuestFault& fault);
  void lockup(const GuestFault& fault);
  void take_pending();

  Core& core_;
  NvicRegisters nvic_;
  std::array<bool, exception::kFirstIrq> system_pending_{}, system_active_{};
  std::array<bool, NvicRegisters::kNumIrqs> irq_level_{};
  std::array<uint8_t, 12> shpr_{};  // priorities of exceptions 4..15
  uint32_t shcsr_enables_ = 0;
  uint32_t vtor_ = 0, prigroup_ = 0, scr_ = 0;
  uint32_t cfsr_ = 0, hfsr_ = 0, mmfar_ = 0, bfar_ = 0;
  bool exc_return_requested_ = false;
  uint32_t exc_return_ = 0;
  bool locked_up_ = false;
  unsigned last_exception_ = 0;
  uint64_t exceptions_taken_ = 0;
  std::array<uint64_t, kNumExceptions> taken_by_number_{};
  std::string lockup_history_;
  // The fault that began the escalation that ended in lockup.
  GuestFault first_fault_{FaultKind::UndefinedInstruction, 0, false, {}};
  uint32_t first_fault_pc_ = 0;
};

// The CFSR bits a synchronous fault of `kind` sets, with MMARVALID/BFARVALID when the fault
// carries a valid address (0 for kinds that are not CFSR faults, such as SVCall).
uint32_t cfsr_bits(FaultKind kind, bool address_valid);

// A short name for an exception number: "NMI", "HardFault", "SVCall", "SysTick", "IRQ56", ...
std::string exception_name(unsigned exc);

}  // namespace minifvp::cpu
