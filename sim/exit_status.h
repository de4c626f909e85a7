// minifvp's exit status. A run that the firmware ends passes the firmware's own status through:
// the SYS_EXIT code of semihosting, the byte after EOT with uartN.shutdown_on_eot, or 0 when a
// uartN.shutdown_tag ends it. Every other ending has its own code, above the range firmware
// commonly uses, so that scripts can tell a timeout from a crash:
//
//     2   usage error, unreadable or unsuitable firmware file (nothing was run)
//   101   guest fault: the core locked up (the report on stderr says why)
//   102   deadlock: the core sleeps (WFI/WFE) and no event can ever wake it
//   103   breakpoint: a BKPT instruction not handled by semihosting
//   104   --timelimit or --cpulimit reached
//   105   --max-instructions or --cyclelimit reached
//   130   the user typed the escape byte on an interactive terminal, or SIGINT/SIGTERM
#pragma once

#include "sim/platform.h"

namespace minifvp {

inline constexpr int kExitUsage = 2;
inline constexpr int kExitFault = 101;
inline constexpr int kExitDeadlock = 102;
inline constexpr int kExitBreakpoint = 103;
inline constexpr int kExitTimeLimit = 104;
inline constexpr int kExitInstructionLimit = 105;
inline constexpr int kExitUserEscape = 130;

inline int exit_status_for(const RunResult& result) {
  switch (result.kind) {
    case StopKind::SemihostingExit:
    case StopKind::UartEot:
    case StopKind::ShutdownTag:
      return result.guest_exit_code;
    case StopKind::Fault:
      return kExitFault;
    case StopKind::Deadlock:
      return kExitDeadlock;
    case StopKind::Breakpoint:
      return kExitBreakpoint;
    case StopKind::TimeLimit:
    case StopKind::CpuTimeLimit:
      return kExitTimeLimit;
    case StopKind::InstructionLimit:
    case StopKind::CycleLimit:
      return kExitInstructionLimit;
    case StopKind::UserEscape:
    case StopKind::Interrupted:
      return kExitUserEscape;
  }
  return kExitFault;
}

}  // namespace minifvp
