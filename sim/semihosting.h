// Arm semihosting (the "Semihosting for AArch32 and AArch64" specification, v2): BKPT 0xAB with
// the operation in R0 and a parameter block address in R1; the result goes to R0.
#pragma once

#include <cstdint>
#include <string>

#include "cpu/core.h"
#include "devices/host_port.h"
#include "sim/bus.h"

namespace minifvp {

struct SemihostingConfig {
  std::string cwd = ".";   // host files are relative to this directory
  std::string cmdline;     // SYS_GET_CMDLINE
  uint32_t heap_base = 0, heap_limit = 0, stack_base = 0, stack_limit = 0;  // SYS_HEAPINFO
};

class Semihosting {
 public:
  // `console` backs ":tt" (SYS_WRITEC, SYS_WRITE0, reads from ":tt"); it may be null.
  Semihosting(Bus& bus, HostPort* console, SemihostingConfig config);
  ~Semihosting();

  // Performs the call described by the core's R0/R1 and writes the result to R0. SYS_EXIT and
  // SYS_EXIT_EXTENDED call core.request_stop(StopReason::Exit, status). Bad guest arguments give
  // the error return the specification defines (and set the value SYS_ERRNO returns).
  void handle(cpu::Core& core);
};

}  // namespace minifvp
