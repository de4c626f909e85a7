// One case of the random-instruction differential test and the machine it runs on in-process.
//
// The memory layout (stub addresses, scratch, SP) comes from tests/diff/randdiff/layout.h, which
// the firmware driver and its linker script use too, so a case computes the same thing wherever it
// runs. See scripts/randdiff.py for the whole flow.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "cpu/core.h"
#include "sim/bus.h"
#include "tests/diff/randdiff/layout.h"

namespace minifvp::randdiff {

// One test instruction: the raw encoding as the decoder takes it (32-bit: first halfword in bits
// [31:16]).
struct TestInsn {
  uint32_t raw = 0;
  bool is32 = false;
  unsigned bytes() const { return is32 ? 4 : 2; }
};

struct TestCase {
  std::vector<TestInsn> insns;
  std::array<uint32_t, 13> r{};  // r0-r12
  uint32_t lr = 0;
  uint32_t apsr = 0;  // N Z C V Q in [31:27], GE in [19:16]
  // Floating-point/MVE state, loaded and reported only when `has_fp` (layout.h: RD_CASE_FP_FLAG).
  bool has_fp = false;
  std::array<uint32_t, 32> s{};  // S0-S31 = D0-D15 = Q0-Q7
  uint32_t fpscr = 0x00040000;   // LTPSIZE = 4
  uint32_t vpr = 0;
  unsigned length_bytes() const;
};

// Bits of APSR that MSR APSR_nzcvqg writes and MRS APSR reads back.
constexpr uint32_t kApsrMask = 0xf80f0000;

// Address of case `index`'s stub (layout.h).
constexpr uint32_t stub_address(uint32_t index) {
  return RD_STUB_BASE + index * RD_STUB_STRIDE;
}

// What one execution of a case left behind.
struct CaseOutcome {
  bool faulted = false;
  cpu::FaultKind fault_kind = cpu::FaultKind::UndefinedInstruction;
  bool fault_address_valid = false;
  cpu::StopReason stop = cpu::StopReason::InstructionLimit;
  bool reached_end = false;     // PC arrived at the end of the test instructions
  bool outside_access = false;  // a data access outside the scratch and ITCM (with tracing on)
  bool has_fp = false;          // the case's floating-point/MVE state is part of the report
  cpu::CpuState state;
};

// A Cortex-M core on a bus with the Corstone-300 ITCM and DTCM (secure aliases), enough for the
// cases' stubs, case table and scratch.
class CaseMachine : private cpu::TraceSink {
 public:
  CaseMachine();
  ~CaseMachine() override;

  // With checking on, run() reports data accesses outside the scratch and ITCM (slower).
  void set_access_checking(bool on);

  Bus& bus() { return bus_; }
  cpu::Core& core() { return core_; }

  // Prepares memory as the driver does (scratch pattern, jump slot), loads the registers, runs the
  // stub of case `index` (its instructions must already be in memory) until the PC leaves the
  // test instructions, a fault, or a step limit.
  CaseOutcome run(uint32_t index, const TestCase& test_case);

  // Writes the case's instructions into its stub (no trailing branch: run() stops before it).
  void place(uint32_t index, const TestCase& test_case);

  // The line the firmware driver prints for this outcome (without the newline): registers, or
  // FAULT <CFSR>, or (only in-process: the firmware would be lost) STRAY <PC> when the PC left the
  // test instructions other than at their end.
  std::string report_line(uint32_t index, const CaseOutcome& outcome);

 private:
  void fill_scratch(uint32_t index);
  void commit(const cpu::CommitRecord& record) override;
  bool outside_access_ = false;
  Bus bus_;
  uint64_t clock_ = 0;
  cpu::Core core_;
};

}  // namespace minifvp::randdiff
