// Arm semihosting (the "Semihosting for AArch32 and AArch64" specification, v2): BKPT 0xAB with
// the operation in R0 and a parameter block address in R1; the result goes to R0.
//
// Choices where the specification leaves room (all deterministic by default):
//  - SYS_CLOCK, SYS_ELAPSED and SYS_TICKFREQ measure simulated time (core cycles at
//    core_clock_hz), so two runs of the same program see the same values.
//  - SYS_TIME returns time_epoch plus the simulated seconds elapsed, unless host_time is set
//    (then the host's clock, as the FVP does, at the cost of determinism).
//  - SYS_SYSTEM is refused (returns -1, errno EPERM): a guest must not run host commands.
//  - ":tt" follows the v2 STDOUT_STDERR extension: modes 0-3 open stdin, 4-7 stdout, 8-11
//    stderr. stdin and stdout use the console HostPort, so semihosted output interleaves
//    correctly with the UART sharing that port; stderr goes to the process's stderr.
//  - ":semihosting-features" reports SH_EXT_EXIT_EXTENDED and SH_EXT_STDOUT_STDERR, so newlib
//    passes exit statuses through SYS_EXIT_EXTENDED.
//  - Reading ":tt" returns at the end of a line or of the input; on an interactive terminal
//    (raw mode) the bytes are echoed and CR becomes LF, as a cooked terminal would do.
//  - SYS_TMPNAM names are "minifvp-tmp-NNN" (NNN = the guest's id), relative to cwd.
//  - SYS_EXIT with a reason other than ADP_Stopped_ApplicationExit exits with status 1, as QEMU
//    does; SYS_EXIT_EXTENDED passes the subcode of ADP_Stopped_ApplicationExit.
// Every guest pointer is checked through the bus; a bad one gives the call's error result and
// errno EFAULT (14). SYS_ERRNO and the error codes of SYS_REMOVE/SYS_RENAME use the guest C
// library's numbering (newlib: ENAMETOOLONG 91, ENOSYS 88, ...), see guest_errno().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cpu/core.h"
#include "devices/host_port.h"
#include "sim/bus.h"

namespace minifvp {

struct SemihostingConfig {
  std::string cwd = ".";  // host files are relative to this directory
  std::string cmdline;    // SYS_GET_CMDLINE
  uint32_t heap_base = 0, heap_limit = 0, stack_base = 0, stack_limit = 0;  // SYS_HEAPINFO
  uint32_t core_clock_hz = 25'000'000;  // simulated time base for SYS_CLOCK/ELAPSED/TICKFREQ/TIME
  bool host_time = false;               // SYS_TIME from the host clock (not deterministic)
  uint32_t time_epoch = 1'704'067'200;  // SYS_TIME at cycle 0 (2024-01-01T00:00:00Z)
};

// Operation numbers (specification section "Semihosting operations").
enum SemihostingOp : uint32_t {
  kSysOpen = 0x01,
  kSysClose = 0x02,
  kSysWritec = 0x03,
  kSysWrite0 = 0x04,
  kSysWrite = 0x05,
  kSysRead = 0x06,
  kSysReadc = 0x07,
  kSysIserror = 0x08,
  kSysIstty = 0x09,
  kSysSeek = 0x0a,
  kSysFlen = 0x0c,
  kSysTmpnam = 0x0d,
  kSysRemove = 0x0e,
  kSysRename = 0x0f,
  kSysClock = 0x10,
  kSysTime = 0x11,
  kSysSystem = 0x12,
  kSysErrno = 0x13,
  kSysGetCmdline = 0x15,
  kSysHeapinfo = 0x16,
  kSysExit = 0x18,
  kSysExitExtended = 0x20,
  kSysElapsed = 0x30,
  kSysTickfreq = 0x31,
};
constexpr uint32_t kAdpStoppedApplicationExit = 0x20026;

// A host errno value in newlib's numbering (what a guest compares errno against).
uint32_t guest_errno(int host_errno);

class Semihosting {
 public:
  // `console` backs ":tt" (SYS_WRITEC, SYS_WRITE0, reads from ":tt"); it may be null.
  Semihosting(Bus& bus, HostPort* console, SemihostingConfig config);
  ~Semihosting();
  Semihosting(const Semihosting&) = delete;
  Semihosting& operator=(const Semihosting&) = delete;

  // Performs the call described by the core's R0/R1 and writes the result to R0. SYS_EXIT and
  // SYS_EXIT_EXTENDED call core.request_stop(StopReason::Exit, status). Bad guest arguments give
  // the error return the specification defines (and set the value SYS_ERRNO returns).
  void handle(cpu::Core& core);

  int last_errno() const { return errno_; }
  size_t open_handles() const;

 private:
  enum class HandleKind : uint8_t { Free, ConsoleIn, ConsoleOut, ConsoleErr, HostFile, Features };
  struct Handle {
    HandleKind kind = HandleKind::Free;
    int fd = -1;
    size_t position = 0;  // Features only
  };
  static constexpr uint32_t kError = 0xffffffff;

  // Each returns the value for R0.
  uint32_t sys_open(uint32_t block);
  uint32_t sys_close(uint32_t block);
  uint32_t sys_writec(uint32_t address);
  uint32_t sys_write0(uint32_t address);
  uint32_t sys_write(uint32_t block);
  uint32_t sys_read(uint32_t block);
  uint32_t sys_readc();
  uint32_t sys_iserror(uint32_t block);
  uint32_t sys_istty(uint32_t block);
  uint32_t sys_seek(uint32_t block);
  uint32_t sys_flen(uint32_t block);
  uint32_t sys_tmpnam(uint32_t block);
  uint32_t sys_remove(uint32_t block);
  uint32_t sys_rename(uint32_t block);
  uint32_t sys_clock(const cpu::Core& core);
  uint32_t sys_time(const cpu::Core& core);
  uint32_t sys_get_cmdline(uint32_t block);
  uint32_t sys_heapinfo(uint32_t address);
  uint32_t sys_elapsed(const cpu::Core& core, uint32_t address);
  void sys_exit(cpu::Core& core, uint32_t reason_or_block, bool extended);

  // Reads `count` argument words from the parameter block; false (errno EFAULT) if unreadable.
  bool read_args(uint32_t block, uint32_t* args, unsigned count);
  // A guest string of known length (a file name); false on a bad pointer or an absurd length.
  bool read_guest_string(uint32_t address, uint32_t length, std::string& out);
  std::string host_path(const std::string& guest_name) const;
  Handle* lookup(uint32_t handle);
  uint32_t allocate(Handle handle);
  uint32_t fail(int error);
  void console_write(HandleKind kind, const uint8_t* data, size_t len);
  size_t console_read(uint8_t* data, size_t len);

  Bus& bus_;
  HostPort* console_;
  SemihostingConfig config_;
  std::vector<Handle> handles_;  // index = handle - 1
  int errno_ = 0;
  std::vector<uint32_t> unknown_ops_reported_;
};

}  // namespace minifvp
