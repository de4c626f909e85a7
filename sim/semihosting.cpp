#include "sim/semihosting.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>

#include "devices/stream_host_port.h"

namespace minifvp {
namespace {

// File names and command lines longer than this are refused (the guest passes lengths).
constexpr uint32_t kMaxNameLength = 4096;
// SYS_WRITE0 stops after this many bytes without a NUL (a runaway pointer).
constexpr size_t kMaxWrite0Length = 1u << 20;
constexpr size_t kTransferChunk = 64 * 1024;

// ":semihosting-features": magic "SHFB" and one feature byte: bit 0 SH_EXT_EXIT_EXTENDED,
// bit 1 SH_EXT_STDOUT_STDERR (specification, "Semihosting extensions").
constexpr uint8_t kFeatures[] = {'S', 'H', 'F', 'B', 0x03};

// SYS_OPEN modes 0..11 ("r", "rb", "r+", "r+b", "w", "wb", "w+", "w+b", "a", "ab", "a+", "a+b")
// as open(2) flags; "b" makes no difference on a POSIX host.
int open_flags(uint32_t mode) {
  switch (mode / 4) {
    case 0:
      return (mode & 2) != 0 ? O_RDWR : O_RDONLY;
    case 1:
      return ((mode & 2) != 0 ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    default:
      return ((mode & 2) != 0 ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
  }
}

}  // namespace

// Host (Linux) errno values as the guest's C library numbers them. Values 1..34 are the same in
// newlib, in the GDB File-I/O protocol QEMU follows and on Linux; the larger ones differ.
uint32_t guest_errno(int host_errno) {
  switch (host_errno) {
    case ENAMETOOLONG:
      return 91;
    case ENOSYS:
      return 88;
    case ENOTEMPTY:
      return 90;
    case ELOOP:
      return 92;
    case EOVERFLOW:
      return 139;
    default:
      return static_cast<uint32_t>(host_errno);
  }
}

Semihosting::Semihosting(Bus& bus, HostPort* console, SemihostingConfig config)
    : bus_(bus), console_(console), config_(std::move(config)) {
  if (config_.core_clock_hz == 0) config_.core_clock_hz = 1;
}

Semihosting::~Semihosting() {
  for (const Handle& h : handles_) {
    if (h.kind == HandleKind::HostFile) ::close(h.fd);
  }
}

size_t Semihosting::open_handles() const {
  return static_cast<size_t>(std::count_if(handles_.begin(), handles_.end(), [](const Handle& h) {
    return h.kind != HandleKind::Free;
  }));
}

uint32_t Semihosting::fail(int error) {
  errno_ = error;
  return kError;
}

bool Semihosting::read_args(uint32_t block, uint32_t* args, unsigned count) {
  if (bus_.read_block(block, args, count * sizeof(uint32_t)) != BusStatus::Ok) {
    errno_ = EFAULT;
    return false;
  }
  return true;
}

bool Semihosting::read_guest_string(uint32_t address, uint32_t length, std::string& out) {
  if (length > kMaxNameLength) {
    errno_ = ENAMETOOLONG;
    return false;
  }
  out.assign(length, '\0');
  if (bus_.read_block(address, out.data(), length) != BusStatus::Ok) {
    errno_ = EFAULT;
    return false;
  }
  if (out.find('\0') != std::string::npos) {
    errno_ = EINVAL;
    return false;
  }
  return true;
}

std::string Semihosting::host_path(const std::string& guest_name) const {
  if (!guest_name.empty() && guest_name[0] == '/') return guest_name;
  return config_.cwd + "/" + guest_name;
}

Semihosting::Handle* Semihosting::lookup(uint32_t handle) {
  if (handle == 0 || handle > handles_.size()) return nullptr;
  Handle& h = handles_[handle - 1];
  return h.kind == HandleKind::Free ? nullptr : &h;
}

uint32_t Semihosting::allocate(Handle handle) {
  for (size_t i = 0; i < handles_.size(); ++i) {
    if (handles_[i].kind == HandleKind::Free) {
      handles_[i] = handle;
      return static_cast<uint32_t>(i + 1);
    }
  }
  handles_.push_back(handle);
  return static_cast<uint32_t>(handles_.size());
}

void Semihosting::console_write(HandleKind kind, const uint8_t* data, size_t len) {
  if (kind == HandleKind::ConsoleErr) {
    write_fully(STDERR_FILENO, data, len);
    return;
  }
  if (console_ == nullptr) return;
  for (size_t i = 0; i < len; ++i) console_->write(data[i]);
}

size_t Semihosting::console_read(uint8_t* data, size_t len) {
  if (console_ == nullptr) return 0;
  const bool cooked = console_->interactive();
  size_t n = 0;
  while (n < len) {
    std::optional<uint8_t> byte = console_->poll_input(/*block=*/true);
    if (!byte) break;  // end of input (or the user asked to quit)
    uint8_t b = *byte;
    if (cooked) {
      if (b == '\r') b = '\n';
      console_->write(b);
    }
    data[n++] = b;
    if (b == '\n') break;
  }
  return n;
}

void Semihosting::handle(cpu::Core& core) {
  const uint32_t op = core.state().r[0];
  const uint32_t arg = core.state().r[1];
  uint32_t result = 0;
  switch (op) {
    case kSysOpen:
      result = sys_open(arg);
      break;
    case kSysClose:
      result = sys_close(arg);
      break;
    case kSysWritec:
      result = sys_writec(arg);
      break;
    case kSysWrite0:
      result = sys_write0(arg);
      break;
    case kSysWrite:
      result = sys_write(arg);
      break;
    case kSysRead:
      result = sys_read(arg);
      break;
    case kSysReadc:
      result = sys_readc();
      break;
    case kSysIserror:
      result = sys_iserror(arg);
      break;
    case kSysIstty:
      result = sys_istty(arg);
      break;
    case kSysSeek:
      result = sys_seek(arg);
      break;
    case kSysFlen:
      result = sys_flen(arg);
      break;
    case kSysTmpnam:
      result = sys_tmpnam(arg);
      break;
    case kSysRemove:
      result = sys_remove(arg);
      break;
    case kSysRename:
      result = sys_rename(arg);
      break;
    case kSysClock:
      result = sys_clock(core);
      break;
    case kSysTime:
      result = sys_time(core);
      break;
    case kSysSystem:
      result = fail(EPERM);
      break;
    case kSysErrno:
      result = guest_errno(errno_);
      break;
    case kSysGetCmdline:
      result = sys_get_cmdline(arg);
      break;
    case kSysHeapinfo:
      result = sys_heapinfo(arg);
      break;
    case kSysExit:
      sys_exit(core, arg, /*extended=*/false);
      return;
    case kSysExitExtended:
      sys_exit(core, arg, /*extended=*/true);
      return;
    case kSysElapsed:
      result = sys_elapsed(core, arg);
      break;
    case kSysTickfreq:
      result = config_.core_clock_hz;
      break;
    default:
      if (std::find(unknown_ops_reported_.begin(), unknown_ops_reported_.end(), op) ==
          unknown_ops_reported_.end()) {
        unknown_ops_reported_.push_back(op);
        spdlog::warn("semihosting: unsupported operation 0x{:x} (returns -1)", op);
      }
      result = fail(ENOSYS);
      break;
  }
  core.state().r[0] = result;
}

// SYS_OPEN: [name, mode, name length] -> handle or -1.
uint32_t Semihosting::sys_open(uint32_t block) {
  uint32_t args[3];
  if (!read_args(block, args, 3)) return kError;
  const uint32_t mode = args[1];
  std::string name;
  if (!read_guest_string(args[0], args[2], name)) return kError;
  if (mode > 11) return fail(EINVAL);
  if (name == ":tt") {
    const HandleKind kind = mode < 4   ? HandleKind::ConsoleIn
                            : mode < 8 ? HandleKind::ConsoleOut
                                       : HandleKind::ConsoleErr;
    return allocate({kind, -1, 0});
  }
  if (name == ":semihosting-features") {
    if (mode >= 2) return fail(EACCES);  // read-only
    return allocate({HandleKind::Features, -1, 0});
  }
  const int fd = ::open(host_path(name).c_str(), open_flags(mode) | O_CLOEXEC, 0644);
  if (fd < 0) return fail(errno);
  return allocate({HandleKind::HostFile, fd, 0});
}

// SYS_CLOSE: [handle] -> 0 or -1.
uint32_t Semihosting::sys_close(uint32_t block) {
  uint32_t args[1];
  if (!read_args(block, args, 1)) return kError;
  Handle* h = lookup(args[0]);
  if (h == nullptr) return fail(EBADF);
  int result = 0;
  if (h->kind == HandleKind::HostFile && ::close(h->fd) != 0) result = errno;
  *h = Handle{};
  return result == 0 ? 0 : fail(result);
}

// SYS_WRITEC: R1 points to the character.
uint32_t Semihosting::sys_writec(uint32_t address) {
  uint8_t c = 0;
  if (bus_.read_block(address, &c, 1) != BusStatus::Ok) return fail(EFAULT);
  console_write(HandleKind::ConsoleOut, &c, 1);
  return 0;
}

// SYS_WRITE0: R1 points to a NUL-terminated string.
uint32_t Semihosting::sys_write0(uint32_t address) {
  uint8_t chunk[256];
  size_t total = 0;
  while (total < kMaxWrite0Length) {
    // Read up to the end of the current 256-byte block, so that a string ending just before an
    // unmapped page is not refused.
    const uint32_t at = address + static_cast<uint32_t>(total);
    const size_t want = sizeof chunk - (at % sizeof chunk);
    size_t got = 0;
    bus_.read_block(at, chunk, want, &got);
    const uint8_t* end = std::find(chunk, chunk + got, uint8_t{0});
    console_write(HandleKind::ConsoleOut, chunk, static_cast<size_t>(end - chunk));
    if (end != chunk + got) return 0;
    if (got < want) return fail(EFAULT);  // ran into unmapped memory before the NUL
    total += got;
  }
  return fail(EINVAL);
}

// SYS_WRITE: [handle, buffer, length] -> bytes NOT written (0 = all), or -1.
uint32_t Semihosting::sys_write(uint32_t block) {
  uint32_t args[3];
  if (!read_args(block, args, 3)) return kError;
  Handle* h = lookup(args[0]);
  if (h == nullptr || h->kind == HandleKind::ConsoleIn || h->kind == HandleKind::Features) {
    return fail(EBADF);
  }
  const uint32_t length = args[2];
  std::vector<uint8_t> buffer(std::min<size_t>(length, kTransferChunk));
  uint32_t written = 0;
  while (written < length) {
    const size_t n = std::min<size_t>(length - written, buffer.size());
    if (bus_.read_block(args[1] + written, buffer.data(), n) != BusStatus::Ok) {
      errno_ = EFAULT;
      return written == 0 ? kError : length - written;
    }
    if (h->kind == HandleKind::HostFile) {
      if (!write_fully(h->fd, buffer.data(), n)) {
        errno_ = errno;
        return length - written;
      }
    } else {
      console_write(h->kind, buffer.data(), n);
    }
    written += static_cast<uint32_t>(n);
  }
  return 0;
}

// SYS_READ: [handle, buffer, length] -> bytes NOT read (length = end of file), or -1.
uint32_t Semihosting::sys_read(uint32_t block) {
  uint32_t args[3];
  if (!read_args(block, args, 3)) return kError;
  Handle* h = lookup(args[0]);
  if (h == nullptr || h->kind == HandleKind::ConsoleOut || h->kind == HandleKind::ConsoleErr) {
    return fail(EBADF);
  }
  const uint32_t length = args[2];
  std::vector<uint8_t> buffer(std::min<size_t>(length, kTransferChunk));
  uint32_t done = 0;
  while (done < length) {
    const size_t want = std::min<size_t>(length - done, buffer.size());
    size_t got = 0;
    if (h->kind == HandleKind::HostFile) {
      const ssize_t n = ::read(h->fd, buffer.data(), want);
      if (n < 0) {
        if (errno == EINTR) continue;
        errno_ = errno;
        return done == 0 ? kError : length - done;
      }
      got = static_cast<size_t>(n);
    } else if (h->kind == HandleKind::Features) {
      const size_t start = std::min(h->position, sizeof kFeatures);
      got = std::min(want, sizeof kFeatures - start);
      std::copy_n(kFeatures + start, got, buffer.begin());
      h->position += got;
    } else {
      got = console_read(buffer.data(), want);
    }
    if (got > 0 && bus_.write_block(args[1] + done, buffer.data(), got) != BusStatus::Ok) {
      errno_ = EFAULT;
      return kError;
    }
    done += static_cast<uint32_t>(got);
    // Console reads end at a line; files end at end of file.
    if (got < want || h->kind == HandleKind::ConsoleIn) break;
  }
  return length - done;
}

// SYS_READC: one byte from the console, or -1 at end of input.
uint32_t Semihosting::sys_readc() {
  if (console_ == nullptr) return fail(EBADF);
  std::optional<uint8_t> byte = console_->poll_input(/*block=*/true);
  if (!byte) return fail(EIO);
  return *byte;
}

// SYS_ISERROR: [status] -> 1 if status is an error code (negative), else 0.
uint32_t Semihosting::sys_iserror(uint32_t block) {
  uint32_t args[1];
  if (!read_args(block, args, 1)) return kError;
  return static_cast<int32_t>(args[0]) < 0 ? 1 : 0;
}

// SYS_ISTTY: [handle] -> 1 for the console, 0 for files, -1 for a bad handle.
uint32_t Semihosting::sys_istty(uint32_t block) {
  uint32_t args[1];
  if (!read_args(block, args, 1)) return kError;
  const Handle* h = lookup(args[0]);
  if (h == nullptr) return fail(EBADF);
  return h->kind == HandleKind::ConsoleIn || h->kind == HandleKind::ConsoleOut ||
                 h->kind == HandleKind::ConsoleErr
             ? 1
             : 0;
}

// SYS_SEEK: [handle, absolute position] -> 0 or -1.
uint32_t Semihosting::sys_seek(uint32_t block) {
  uint32_t args[2];
  if (!read_args(block, args, 2)) return kError;
  Handle* h = lookup(args[0]);
  if (h == nullptr) return fail(EBADF);
  if (h->kind == HandleKind::Features) {
    h->position = args[1];
    return 0;
  }
  if (h->kind != HandleKind::HostFile) return fail(ESPIPE);
  if (::lseek(h->fd, static_cast<off_t>(args[1]), SEEK_SET) < 0) return fail(errno);
  return 0;
}

// SYS_FLEN: [handle] -> length in bytes, or -1.
uint32_t Semihosting::sys_flen(uint32_t block) {
  uint32_t args[1];
  if (!read_args(block, args, 1)) return kError;
  const Handle* h = lookup(args[0]);
  if (h == nullptr) return fail(EBADF);
  if (h->kind == HandleKind::Features) return sizeof kFeatures;
  if (h->kind != HandleKind::HostFile) return fail(EBADF);
  struct stat st {};
  if (::fstat(h->fd, &st) != 0) return fail(errno);
  if (st.st_size > INT32_MAX) return fail(EOVERFLOW);
  return static_cast<uint32_t>(st.st_size);
}

// SYS_TMPNAM: [buffer, id 0..255, buffer length] -> 0 or -1.
uint32_t Semihosting::sys_tmpnam(uint32_t block) {
  uint32_t args[3];
  if (!read_args(block, args, 3)) return kError;
  if (args[1] > 255) return fail(EINVAL);
  char name[32];
  const int len = std::snprintf(name, sizeof name, "minifvp-tmp-%03u", args[1]);
  if (static_cast<uint32_t>(len) + 1 > args[2]) return fail(ENAMETOOLONG);
  if (bus_.write_block(args[0], name, static_cast<size_t>(len) + 1) != BusStatus::Ok) {
    return fail(EFAULT);
  }
  return 0;
}

// SYS_REMOVE: [name, length] -> 0, or the host error code.
uint32_t Semihosting::sys_remove(uint32_t block) {
  uint32_t args[2];
  if (!read_args(block, args, 2)) return kError;
  std::string name;
  if (!read_guest_string(args[0], args[1], name)) return guest_errno(errno_);
  if (::unlink(host_path(name).c_str()) != 0) {
    errno_ = errno;
    return guest_errno(errno_);
  }
  return 0;
}

// SYS_RENAME: [old name, old length, new name, new length] -> 0, or the host error code.
uint32_t Semihosting::sys_rename(uint32_t block) {
  uint32_t args[4];
  if (!read_args(block, args, 4)) return kError;
  std::string from, to;
  if (!read_guest_string(args[0], args[1], from) || !read_guest_string(args[2], args[3], to)) {
    return guest_errno(errno_);
  }
  if (std::rename(host_path(from).c_str(), host_path(to).c_str()) != 0) {
    errno_ = errno;
    return guest_errno(errno_);
  }
  return 0;
}

// SYS_CLOCK: centiseconds of simulated time.
uint32_t Semihosting::sys_clock(const cpu::Core& core) {
  const uint64_t cycles = core.clock();
  const uint64_t hz = config_.core_clock_hz;
  return static_cast<uint32_t>((cycles / hz) * 100 + (cycles % hz) * 100 / hz);
}

// SYS_TIME: seconds since 1970 (see the header for the deterministic default).
uint32_t Semihosting::sys_time(const cpu::Core& core) {
  if (config_.host_time) return static_cast<uint32_t>(std::time(nullptr));
  return config_.time_epoch + static_cast<uint32_t>(core.clock() / config_.core_clock_hz);
}

// SYS_GET_CMDLINE: [buffer, length] -> 0 (length updated, string NUL-terminated) or -1.
uint32_t Semihosting::sys_get_cmdline(uint32_t block) {
  uint32_t args[2];
  if (!read_args(block, args, 2)) return kError;
  const std::string& cmdline = config_.cmdline;
  if (cmdline.size() + 1 > args[1]) return fail(E2BIG);
  if (bus_.write_block(args[0], cmdline.c_str(), cmdline.size() + 1) != BusStatus::Ok) {
    return fail(EFAULT);
  }
  const uint32_t length = static_cast<uint32_t>(cmdline.size());
  if (bus_.write_block(block + 4, &length, sizeof length) != BusStatus::Ok) return fail(EFAULT);
  return 0;
}

// SYS_HEAPINFO: R1 points to a word holding the address of a 4-word block to fill.
uint32_t Semihosting::sys_heapinfo(uint32_t address) {
  uint32_t block = 0;
  if (!read_args(address, &block, 1)) return kError;
  const uint32_t info[4] = {config_.heap_base, config_.heap_limit, config_.stack_base,
                            config_.stack_limit};
  if (bus_.write_block(block, info, sizeof info) != BusStatus::Ok) return fail(EFAULT);
  return 0;
}

// SYS_ELAPSED: R1 points to a doubleword that receives the simulated cycle count.
uint32_t Semihosting::sys_elapsed(const cpu::Core& core, uint32_t address) {
  const uint64_t ticks = core.clock();
  if (bus_.write_block(address, &ticks, sizeof ticks) != BusStatus::Ok) return fail(EFAULT);
  return 0;
}

// SYS_EXIT (AArch32: R1 is the reason) and SYS_EXIT_EXTENDED (R1 -> [reason, subcode]).
void Semihosting::sys_exit(cpu::Core& core, uint32_t reason_or_block, bool extended) {
  int status = 0;
  if (extended) {
    uint32_t args[2];
    if (!read_args(reason_or_block, args, 2)) {
      core.state().r[0] = kError;  // a bad block: the call fails and the program continues
      return;
    }
    status = args[0] == kAdpStoppedApplicationExit ? static_cast<int>(args[1]) : 1;
  } else {
    status = reason_or_block == kAdpStoppedApplicationExit ? 0 : 1;
  }
  if (console_ != nullptr) console_->flush();
  core.request_stop(cpu::StopReason::Exit, status);
}

}  // namespace minifvp
