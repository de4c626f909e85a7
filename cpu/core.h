// The Armv8.1-M core: the interpreter loop, the decoded-instruction cache and the services that
// instruction handlers use (memory access with the architecture's alignment rules, PC writes,
// flag updates, faults).
//
// Execution model: Core::run() executes instructions until the shared clock reaches a limit or
// something asks for attention (a stop, a code write that invalidates decoded instructions, and
// later interrupts). Each instruction adds its cycle cost to the clock, so the clock is simulated
// time for the whole platform.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cpu/arm_pseudocode.h"
#include "cpu/decode/decoded_insn.h"
#include "cpu/fault.h"
#include "cpu/fp_context.h"
#include "cpu/state.h"
#include "cpu/system/mpu.h"
#include "cpu/timing/tracker.h"
#include "cpu/trace.h"
#include "sim/bus.h"

namespace minifvp::cpu {

class Core;
class ExceptionModel;

// Why run() returned.
enum class StopReason : uint8_t {
  Limit,       // the clock reached the limit given to run()
  Sleep,       // WFI/WFE: the core waits for an event; the platform advances time
  Exit,        // the guest asked to end the simulation (semihosting, EOT); see exit_code()
  Fault,       // an unrecoverable guest fault (lockup); see last_fault()
  Breakpoint,  // BKPT not claimed by semihosting
  InstructionLimit,
};

// What the core needs from the platform: semihosting and simulation control.
class CoreHost {
 public:
  virtual ~CoreHost() = default;
  // BKPT #imm. Returns true when the host handled it (semihosting with imm 0xAB); execution then
  // continues after the BKPT. Otherwise the core stops with StopReason::Breakpoint.
  virtual bool on_breakpoint(Core& core, uint8_t imm) = 0;
};

enum class Alignment : uint8_t {
  Any,      // MemU: unaligned allowed (subject to CCR.UNALIGN_TRP)
  Aligned,  // MemA: unaligned accesses take an UNALIGNED UsageFault
};

class Core {
 public:
  // `clock` is the platform's simulated time in core cycles, shared with the scheduler.
  Core(Bus& bus, uint64_t& clock);
  ~Core();
  Core(const Core&) = delete;
  Core& operator=(const Core&) = delete;

  CpuState& state() { return s_; }
  const CpuState& state() const { return s_; }
  Bus& bus() { return bus_; }
  uint64_t clock() const { return clock_; }
  uint64_t instructions() const { return instructions_; }
  // Data memory accesses performed by instructions (each beat of a multiple or wide access is
  // one), for the PMU's MEM_ACCESS and BUS_ACCESS events. Faulting accesses are not counted.
  uint64_t data_accesses() const { return data_accesses_; }
  // The dynamic timing model (stall accounting); execute functions report operand-dependent
  // costs to it.
  timing::Tracker& timing() { return timing_; }
  const timing::Tracker& timing() const { return timing_; }

  void set_host(CoreHost* host) { host_ = host; }
  void set_trace_sink(TraceSink* sink) { trace_ = sink; }
  // Stop after this many retired instructions (0 = no limit).
  void set_instruction_limit(uint64_t limit) { instruction_limit_ = limit; }
  // CCR.UNALIGN_TRP (written by the SCB).
  void set_unaligned_trap(bool on) { unaligned_trap_ = on; }
  // CCR.DIV_0_TRP (written by the SCB): SDIV/UDIV by zero raise DIVBYZERO instead of giving 0.
  void set_divide_by_zero_trap(bool on) { divide_by_zero_trap_ = on; }
  // CCR.STKOFHFNMIGN: stack-limit violations are ignored while ExecutionPriority() < 0.
  void set_stack_limit_ignored_at_negative_priority(bool on) { stkof_hfnmi_ignore_ = on; }
  // ExecutionPriority() < 0: FAULTMASK set, or HardFault or NMI active (only NMI can preempt
  // HardFault, so one of them is then the current exception).
  bool negative_execution_priority() const { return s_.faultmask || s_.ipsr == 2 || s_.ipsr == 3; }
  // Whether a write of `new_sp` to the current stack pointer violates its limit (ViolatesSPLim():
  // MSPLIM or PSPLIM, unless CCR.STKOFHFNMIGN applies).
  bool violates_stack_limit(uint32_t new_sp) const {
    return new_sp < current_sp_limit(s_) && !(stkof_hfnmi_ignore_ && negative_execution_priority());
  }
  bool divide_by_zero_trap() const { return divide_by_zero_trap_; }
  // CPACR.CP10 (CP11 must equal it; written by the SCB): whether privileged and unprivileged code
  // may execute floating-point and MVE instructions. At reset neither may (CPACR resets to 0), and
  // those instructions take a NOCP UsageFault.
  void set_fp_access(bool privileged, bool unprivileged) {
    fp_access_privileged_ = privileged;
    fp_access_unprivileged_ = unprivileged;
  }
  void set_fp_enabled(bool on) { set_fp_access(on, on); }
  // CheckCPEnabled(10) for the current privilege, and for a given one (the owner of a lazily
  // stacked FP context, FPCCR.USER).
  bool fp_access_allowed() const {
    const bool privileged = s_.ipsr != 0 || (s_.control & 1) == 0;
    return fp_access_allowed_for(privileged);
  }
  bool fp_access_allowed_for(bool privileged) const {
    return privileged ? fp_access_privileged_ : fp_access_unprivileged_;
  }

  // ---- Floating-point context control (cpu/fp_context.h) ----
  // FPCCR, FPCAR and FPDSCR. The setters store the value as given: the SCS applies the access
  // masks of guest writes, the exception model writes the fields it owns.
  uint32_t fpccr() const { return fpccr_; }
  void set_fpccr(uint32_t value) { fpccr_ = value; }
  uint32_t fpcar() const { return fpcar_; }
  void set_fpcar(uint32_t value) { fpcar_ = value; }
  uint32_t fpdscr() const { return fpdscr_; }
  void set_fpdscr(uint32_t value) { fpdscr_ = value; }
  // FPCCR.ASPEN and FPDSCR in one call (tests): with ASPEN set, the first floating-point
  // instruction of a context sets CONTROL.FPCA and starts from FPDSCR's control fields.
  void set_fp_context_control(bool aspen, uint32_t fpdscr) {
    fpccr_ = aspen ? fpccr_ | fpccr::kAspen : fpccr_ & ~fpccr::kAspen;
    fpdscr_ = fpdscr;
  }
  bool fp_aspen() const { return (fpccr_ & fpccr::kAspen) != 0; }
  uint32_t fp_default_status() const { return fpdscr_; }
  // Whether ExecuteFPCheck() has work beyond the access check: a lazily stacked context to
  // preserve (FPCCR.LSPACT), FP context ownership to take (FPCCR.S) or a new context to create
  // (FPCCR.ASPEN with CONTROL.FPCA clear). One test per FP or MVE instruction.
  bool fp_context_work_pending() const {
    return (fpccr_ & (fpccr::kLspact | fpccr::kS)) != fpccr::kS ||
           (s_.control & kControlFpcaSfpaBits) != kControlFpcaSfpaBits;
  }
  // PreserveFPState() (ExceptionModel::preserve_fp_state): stores the registers of the lazily
  // stacked context and clears FPCCR.LSPACT, or throws GuestFault (a LazyState* kind) when a
  // fault it raised is to be taken before the current FP instruction. A bare core, which never
  // reserves FP slots, only clears LSPACT.
  void preserve_fp_state();

  // Runs until the clock reaches `clock_limit` or the core stops, sleeps or faults.
  StopReason run(uint64_t clock_limit);

  // Asks run() to return as soon as the current instruction completes.
  void request_stop(StopReason reason, int exit_code = 0);
  // Lowers the clock limit of the current run() (a device scheduled an event, during an
  // instruction, that is due before the limit run() was given). No effect if not lower.
  void limit_run(uint64_t clock_limit) {
    if (clock_limit >= run_limit_) return;
    run_limit_ = clock_limit;
    if (clock_limit < limit_) limit_ = clock_limit;
  }
  int exit_code() const { return exit_code_; }
  const GuestFault& last_fault() const { return last_fault_; }
  uint32_t last_fault_pc() const { return last_fault_pc_; }

  // Wakes a core that is sleeping in WFI/WFE. With an exception model attached the core also
  // wakes by itself at run() when the WFI/WFE wake-up rule holds.
  void wake() { sleeping_ = false; }
  bool sleeping() const { return sleeping_; }

  // ---- Exception model (cpu/exceptions.h) ----
  // Attaches the model (the SCS does this). Without one, faults and SVC stop the run.
  void attach_exception_model(ExceptionModel* model) { exceptions_ = model; }
  ExceptionModel* exception_model() { return exceptions_; }
  // Asks for ExceptionModel::service() at the next instruction boundary (something became
  // pending, a mask or priority changed). Costs nothing per instruction.
  void request_exception_check() {
    exception_check_ = true;
    attention();
  }
  // For the exception model: the next instruction's address, extra cycles, lockup.
  void set_pc(uint32_t address) { s_.r[15] = address; }
  void add_cycles(uint64_t cycles) { clock_ += cycles; }
  void stop_for_lockup(const GuestFault& cause, uint32_t pc);

  // Discards every decoded instruction (after a reset or a bulk load).
  void flush_decode_cache();

  // ---- MPU (cpu/system/mpu.h) ----
  // Attaches the MPU configuration (owned by the SCS) or tells the core it changed; call after
  // every MPU register write. While MPU_CTRL.ENABLE is clear, accesses cost one flag test; while
  // set, every data access and instruction fetch is checked (MPUCheck()) and a violation raises
  // MemManage (DACCVIOL with MMFAR, or IACCVIOL). Privilege and ExecutionPriority() are read at
  // each check, so no decoded instruction outlives a privilege or configuration change.
  void set_mpu(const MpuConfig* config);
  bool mpu_enabled() const { return mpu_enabled_; }
  // MPUCheck() of an access made for a context other than the current instruction's (lazy FP
  // state preservation: the privilege and priority the frame's owner had): true when the MPU is
  // disabled or permits it.
  bool mpu_permits(uint32_t addr, MpuAccess access, bool privileged, bool negative_priority) const {
    return !mpu_enabled_ ||
           mpu_check(*mpu_, addr, access, privileged, negative_priority) == MpuVerdict::Permitted;
  }

  // ---- Services for instruction handlers ----

  // Address of the instruction being executed.
  uint32_t current_pc() const { return current_pc_; }
  // PC as the Arm ARM's R[15] reads in Thumb state (instruction address + 4).
  uint32_t pc_read() const { return current_pc_ + 4; }

  // R[n] as the pseudocode reads it: while a handler runs, r[15] already holds the instruction's
  // address + 4, so no special case is needed for the PC.
  uint32_t reg(unsigned n) const { return s_.r[n]; }
  void set_reg(unsigned n, uint32_t value) { s_.r[n] = value; }

  // BranchWritePC(), BXWritePC(), LoadWritePC() and ALUWritePC() (Armv8-M ARM).
  void branch_write_pc(uint32_t address) { next_pc_ = address & ~1u; }
  void bx_write_pc(uint32_t address);
  void load_write_pc(uint32_t address) { bx_write_pc(address); }
  void alu_write_pc(uint32_t address) { branch_write_pc(address); }
  // Whether this execution of `insn` sets the flags (resolves SetFlags::OutsideIt).
  bool setflags(const DecodedInsn& insn) const {
    return insn.setflags == SetFlags::Yes ||
           (insn.setflags == SetFlags::OutsideIt && !in_it_block_at_issue_);
  }
  bool in_it_block() const { return in_it_block_at_issue_; }
  bool last_in_it_block() const { return last_in_it_block_at_issue_; }

  // Memory access for the current instruction (MemU/MemA). Faults throw GuestFault.
  uint32_t read_memory(uint32_t addr, unsigned size, Alignment alignment,
                       bool unprivileged = false);
  void write_memory(uint32_t addr, unsigned size, uint32_t value, Alignment alignment,
                    bool unprivileged = false);

  // Fast paths for `count` consecutive aligned accesses of `size` bytes starting at `addr` (MVE
  // contiguous loads and stores): when no MPU check, trace or wait state applies and all the bytes
  // are RAM in one page, copies them and counts the accesses as read_memory/write_memory would;
  // otherwise does nothing and returns false, and the caller makes the accesses one by one (which
  // also raises any fault).
  bool read_block(uint32_t addr, unsigned size, unsigned count, void* out);
  bool write_block(uint32_t addr, unsigned size, unsigned count, const void* in);

  [[noreturn]] void raise(FaultKind kind, std::string detail = {});
  [[noreturn]] void raise_data_fault(FaultKind kind, uint32_t address, std::string detail = {});

  // WFI/WFE: stop the current run() and report StopReason::Sleep. `wait_for_event` selects the
  // WFE wake-up rule.
  void enter_sleep(bool wait_for_event = false);
  // BKPT #imm (the handler for BKPT calls this).
  void breakpoint(uint8_t imm);
  // SVC #imm: pends SVCall, taken after the SVC completes. A bare core without an exception model
  // stops the run like a fault (FaultKind::SupervisorCall, PC at the SVC).
  void supervisor_call(uint8_t imm);

 private:
  struct DecodedPage;
  template <bool kTraced>
  void run_loop();
  const DecodedInsn& fetch(uint32_t pc);
  const DecodedInsn& fetch_unchecked(uint32_t pc);
  const DecodedInsn& fetch_checked(uint32_t pc);
  void decode_at(uint32_t pc, DecodedInsn& slot);
  void invalidate_page(uint32_t page_index);
  void apply_invalidations();
  void handle_fault(const GuestFault& fault);
  void check_eci_continuation(const DecodedInsn& insn);
  void attention() { limit_ = 0; }
  uint32_t slow_read(uint32_t addr, unsigned size, bool unprivileged);
  void check_data_access(uint32_t addr, unsigned size, MpuAccess access, bool unprivileged);
  void check_fetch(uint32_t pc);
  void check_ppb_privilege(uint32_t addr, bool unprivileged, const char* what);
  // Privilege (bit 0) and ExecutionPriority() < 0 (bit 1) for the MPU checks.
  uint32_t mpu_context_key() const;
  void slow_write(uint32_t addr, unsigned size, uint32_t value, bool unprivileged);

  CpuState s_;
  Bus& bus_;
  uint64_t& clock_;
  uint64_t limit_ = 0;      // run_loop runs while clock_ < limit_; attention() zeroes it
  uint64_t run_limit_ = 0;  // the limit run() was given
  uint64_t instructions_ = 0;
  uint64_t data_accesses_ = 0;
  uint64_t instruction_limit_ = 0;

  uint32_t current_pc_ = 0;
  uint32_t next_pc_ = 0;
  bool in_it_block_at_issue_ = false;
  bool last_in_it_block_at_issue_ = false;
  bool sleeping_ = false;
  bool sleep_for_event_ = false;
  bool exception_check_ = false;
  ExceptionModel* exceptions_ = nullptr;
  bool unaligned_trap_ = false;
  bool stkof_hfnmi_ignore_ = false;
  bool divide_by_zero_trap_ = false;
  bool fp_access_privileged_ = false;
  bool fp_access_unprivileged_ = false;
  static constexpr uint32_t kControlFpcaSfpaBits = 3u << 2;  // CONTROL.FPCA, CONTROL_S.SFPA
  uint32_t fpccr_ = fpccr::kReset;
  uint32_t fpcar_ = 0;
  uint32_t fpdscr_ = fpdscr::kReset;

  const MpuConfig* mpu_ = nullptr;
  bool mpu_enabled_ = false;
  // The last 32-byte granule (MPU regions are multiples of 32 bytes) an instruction fetch was
  // permitted from, under context mpu_fetch_key_; ~0 when none.
  uint32_t mpu_fetch_granule_ = ~0u;
  uint32_t mpu_fetch_key_ = 0;

  bool stop_requested_ = false;
  StopReason stop_reason_ = StopReason::Limit;
  int exit_code_ = 0;
  GuestFault last_fault_{};
  uint32_t last_fault_pc_ = 0;

  timing::Tracker timing_;
  CoreHost* host_ = nullptr;
  TraceSink* trace_ = nullptr;
  std::vector<MemoryAccess> trace_accesses_;

  DecodedPage** pages_;  // 2^20 entries, lazily filled
  std::vector<std::unique_ptr<DecodedPage>> page_storage_;
  std::vector<uint32_t> pending_invalidations_;
};

// Execute function for encodings that decoded as UNDEFINED or UNPREDICTABLE.
void exec_undefined(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu

// ---- inline fast paths ----
namespace minifvp::cpu {

inline uint32_t Core::read_memory(uint32_t addr, unsigned size, Alignment alignment,
                                  bool unprivileged) {
  if ((addr & (size - 1)) != 0 && (alignment == Alignment::Aligned || unaligned_trap_)) {
    raise_data_fault(FaultKind::Unaligned, addr, "unaligned read");
  }
  if (mpu_enabled_) [[unlikely]]
    check_data_access(addr, size, MpuAccess::Read, unprivileged);
  if (const uint8_t wait = bus_.wait_states(addr); wait != 0) [[unlikely]] {
    timing_.report(timing::StallCause::MemoryWait, wait);
  }
  uint32_t value = 0;
  uint8_t* p = bus_.ram_pointer(addr);
  if (p != nullptr && (addr & (Bus::kPageSize - 1)) + size <= Bus::kPageSize) [[likely]] {
    std::memcpy(&value, p, size);
  } else {
    value = slow_read(addr, size, unprivileged);
  }
  ++data_accesses_;
  if (trace_ != nullptr) trace_accesses_.push_back({addr, value, uint8_t(size), false});
  return value;
}

inline bool Core::read_block(uint32_t addr, unsigned size, unsigned count, void* out) {
  const unsigned bytes = size * count;
  if ((addr & (size - 1)) != 0 || mpu_enabled_ || trace_ != nullptr ||
      (addr & (Bus::kPageSize - 1)) + bytes > Bus::kPageSize || bus_.wait_states(addr) != 0) {
    return false;
  }
  const uint8_t* p = bus_.ram_pointer(addr);
  if (p == nullptr) return false;
  std::memcpy(out, p, bytes);
  data_accesses_ += count;
  return true;
}

inline bool Core::write_block(uint32_t addr, unsigned size, unsigned count, const void* in) {
  const unsigned bytes = size * count;
  if ((addr & (size - 1)) != 0 || mpu_enabled_ || trace_ != nullptr ||
      (addr & (Bus::kPageSize - 1)) + bytes > Bus::kPageSize || bus_.wait_states(addr) != 0) {
    return false;
  }
  uint8_t* p = bus_.ram_pointer(addr);
  if (p == nullptr) return false;
  std::memcpy(p, in, bytes);
  bus_.note_write(addr, bytes);
  data_accesses_ += count;
  return true;
}

inline void Core::write_memory(uint32_t addr, unsigned size, uint32_t value, Alignment alignment,
                               bool unprivileged) {
  if ((addr & (size - 1)) != 0 && (alignment == Alignment::Aligned || unaligned_trap_)) {
    raise_data_fault(FaultKind::Unaligned, addr, "unaligned write");
  }
  if (mpu_enabled_) [[unlikely]]
    check_data_access(addr, size, MpuAccess::Write, unprivileged);
  if (const uint8_t wait = bus_.wait_states(addr); wait != 0) [[unlikely]] {
    timing_.report(timing::StallCause::MemoryWait, wait);
  }
  uint8_t* p = bus_.ram_pointer(addr);
  if (p != nullptr && (addr & (Bus::kPageSize - 1)) + size <= Bus::kPageSize) [[likely]] {
    std::memcpy(p, &value, size);
    bus_.note_write(addr, size);
  } else {
    slow_write(addr, size, value, unprivileged);
  }
  ++data_accesses_;
  if (trace_ != nullptr) trace_accesses_.push_back({addr, value, uint8_t(size), true});
}

}  // namespace minifvp::cpu
