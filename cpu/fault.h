// Synchronous faults raised while executing an instruction.
//
// Handlers and memory helpers throw GuestFault; the core catches it at the instruction boundary,
// restores the PC to the faulting instruction (nothing of it has been committed) and hands it to
// the exception model (cpu/exceptions.h). A bare core without the model stops the run with a
// report. The kinds map one-to-one onto CFSR/HFSR status bits.
#pragma once

#include <cstdint>
#include <string>

namespace minifvp::cpu {

enum class FaultKind : uint8_t {
  UndefinedInstruction,  // UFSR.UNDEFINSTR
  InvalidState,          // UFSR.INVSTATE (EPSR.T == 0)
  InvalidPc,             // UFSR.INVPC (bad EXC_RETURN)
  NoCoprocessor,         // UFSR.NOCP
  Unaligned,             // UFSR.UNALIGNED
  DivideByZero,          // UFSR.DIVBYZERO
  StackOverflow,         // UFSR.STKOF
  InstructionBusError,   // BFSR.IBUSERR
  PreciseDataBusError,   // BFSR.PRECISERR, BFAR valid
  MemManageInstruction,  // MMFSR.IACCVIOL
  MemManageData,         // MMFSR.DACCVIOL, MMFAR valid
  StackingBusError,      // BFSR.STKERR (exception entry)
  UnstackingBusError,    // BFSR.UNSTKERR (exception return)
  VectorTableRead,       // HFSR.VECTTBL
  // Faults of lazy floating-point state preservation (PreserveFPState(), run by the first FP
  // instruction after an exception entry that reserved the FP slots): the exception model has
  // already recorded and pended them, with the escalation FPCCR's *RDY bits decide; thrown only
  // when the pended exception is to be taken before the FP instruction executes.
  LazyStateMemManage,      // MMFSR.MLSPERR
  LazyStateBusError,       // BFSR.LSPERR
  LazyStateNoCoprocessor,  // UFSR.NOCP (the frame's owner had no access to the FPU)
  // Not a fault: an SVC on a core without an exception model (a bare core in unit tests) stops
  // the run; with the model it is reported only when SVCall escalation ends in lockup.
  SupervisorCall,
};

const char* fault_kind_name(FaultKind kind);

struct GuestFault {
  FaultKind kind;
  uint32_t address = 0;  // the faulting data address (BFAR/MMFAR) where address_valid
  bool address_valid = false;
  std::string detail;  // human-readable, for reports
};

}  // namespace minifvp::cpu
