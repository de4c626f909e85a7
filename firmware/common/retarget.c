// newlib system calls for bare-metal Corstone-300 firmware: the console (file descriptors 0, 1
// and 2) is UART0, the heap is the linker script's heap region, and exit goes to firmware_exit().
// Files are not supported: those calls fail with the errno POSIX gives for the case.
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/times.h>

#include "firmware_exit.h"
#include "uart.h"

#undef errno
extern int errno;

extern char __heap_start[], __heap_end[];

enum { ASCII_EOT = 0x04, STDIN_FD = 0, STDOUT_FD = 1, STDERR_FD = 2 };

static bool is_console(int fd) {
  return fd >= STDIN_FD && fd <= STDERR_FD;
}

// Terminal-style output: every LF goes out as CR LF.
static void console_putc(char c) {
  if (c == '\n') uart_putc('\r');
  uart_putc((uint8_t)c);
}

void firmware_emergency_print(const char* text) {
  while (*text) console_putc(*text++);
}

void firmware_emergency_print_hex(unsigned value) {
  char digits[11] = "0x";
  for (int i = 0; i < 8; ++i) digits[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xF];
  digits[10] = '\0';
  firmware_emergency_print(digits);
}

int _write(int fd, const char* buffer, int length) {
  if (fd != STDOUT_FD && fd != STDERR_FD) {
    errno = EBADF;
    return -1;
  }
  for (int i = 0; i < length; ++i) console_putc(buffer[i]);
  return length;
}

// Canonical (line-by-line) input like a terminal: returns when a line ends or the buffer is full.
// CR and CR LF both end a line and are delivered as LF. EOT (Ctrl-D, 0x04) marks end of input:
// from then on every read returns 0.
static bool console_input_ended;
static bool last_was_cr;

int _read(int fd, char* buffer, int length) {
  if (fd != STDIN_FD) {
    errno = EBADF;
    return -1;
  }
  int count = 0;
  while (count < length && !console_input_ended) {
    uint8_t byte = uart_getc();
    if (byte == ASCII_EOT) {
      console_input_ended = true;
      break;
    }
    if (byte == '\n' && last_was_cr) {  // the LF of a CR LF pair was already delivered
      last_was_cr = false;
      continue;
    }
    last_was_cr = (byte == '\r');
    buffer[count++] = (byte == '\r') ? '\n' : (char)byte;
    if (buffer[count - 1] == '\n') break;
  }
  return count;
}

void* _sbrk(ptrdiff_t increment) {
  static char* heap_top = __heap_start;
  if (increment > __heap_end - heap_top || increment < __heap_start - heap_top) {
    errno = ENOMEM;
    return (void*)-1;
  }
  char* previous = heap_top;
  heap_top += increment;
  return previous;
}

void _exit(int status) {
  firmware_exit(status);
}

int _close(int fd) {
  if (is_console(fd)) return 0;
  errno = EBADF;
  return -1;
}

int _fstat(int fd, struct stat* status) {
  if (!is_console(fd)) {
    errno = EBADF;
    return -1;
  }
  status->st_mode = S_IFCHR;
  return 0;
}

int _isatty(int fd) {
  if (is_console(fd)) return 1;
  errno = EBADF;
  return 0;
}

int _lseek(int fd, int offset, int whence) {
  (void)offset;
  (void)whence;
  errno = is_console(fd) ? ESPIPE : EBADF;
  return -1;
}

int _open(const char* path, int flags, int mode) {
  (void)path;
  (void)flags;
  (void)mode;
  errno = ENOSYS;
  return -1;
}

int _getpid(void) {
  return 1;
}

// Only this process exists: a signal to it ends the run as a shell reports it (128 + signal).
int _kill(int pid, int signal_number) {
  if (pid != 1) {
    errno = ESRCH;
    return -1;
  }
  _exit(128 + signal_number);
}

int _unlink(const char* path) {
  (void)path;
  errno = ENOENT;
  return -1;
}

int _link(const char* old_path, const char* new_path) {
  (void)old_path;
  (void)new_path;
  errno = EMLINK;
  return -1;
}

clock_t _times(struct tms* buffer) {
  (void)buffer;
  errno = ENOSYS;
  return (clock_t)-1;
}

struct timeval;
int _gettimeofday(struct timeval* time, void* zone) {
  (void)time;
  (void)zone;
  errno = ENOSYS;
  return -1;
}
