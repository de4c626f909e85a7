#include "devices/terminal_mode.h"

#include <termios.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdlib>

namespace minifvp {
namespace {

constexpr std::array<int, 11> kRestoringSignals = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGPIPE, SIGXCPU};

// Plain globals: the signal handler may only touch lock-free, static storage.
struct termios g_saved_attrs;
volatile sig_atomic_t g_raw_active = 0;
int g_raw_fd = -1;
std::array<struct sigaction, kRestoringSignals.size()> g_previous_actions;
bool g_handlers_installed = false;
bool g_atexit_registered = false;

void restore_attrs_signal_safe() {
  if (g_raw_active != 0) {
    tcsetattr(g_raw_fd, TCSANOW, &g_saved_attrs);
    g_raw_active = 0;
  }
}

extern "C" void restore_and_chain(int sig) {
  restore_attrs_signal_safe();
  for (size_t i = 0; i < kRestoringSignals.size(); ++i) {
    if (kRestoringSignals[i] != sig) continue;
    const struct sigaction& previous = g_previous_actions[i];
    if ((previous.sa_flags & SA_SIGINFO) == 0 && previous.sa_handler != SIG_DFL &&
        previous.sa_handler != SIG_IGN) {
      previous.sa_handler(sig);
      return;
    }
    if ((previous.sa_flags & SA_SIGINFO) == 0 && previous.sa_handler == SIG_IGN) return;
    // Default action (or an SA_SIGINFO handler we cannot call faithfully): re-deliver the signal
    // with the previous disposition once this handler returns.
    sigaction(sig, &previous, nullptr);
    raise(sig);
    return;
  }
}

extern "C" void restore_at_exit() {
  restore_attrs_signal_safe();
}

void install_handlers() {
  if (g_handlers_installed) return;
  for (size_t i = 0; i < kRestoringSignals.size(); ++i) {
    struct sigaction action {};
    action.sa_handler = restore_and_chain;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(kRestoringSignals[i], &action, &g_previous_actions[i]);
  }
  g_handlers_installed = true;
  if (!g_atexit_registered) {
    std::atexit(restore_at_exit);
    g_atexit_registered = true;
  }
}

void uninstall_handlers() {
  if (!g_handlers_installed) return;
  for (size_t i = 0; i < kRestoringSignals.size(); ++i) {
    sigaction(kRestoringSignals[i], &g_previous_actions[i], nullptr);
  }
  g_handlers_installed = false;
}

}  // namespace

bool enter_raw_terminal_mode(int fd) {
  if (g_raw_active != 0 || isatty(fd) == 0) return false;
  // A background job must not touch the terminal's settings (tcsetattr would stop it with
  // SIGTTOU); it runs with the terminal as it is.
  // (tcgetpgrp fails for a terminal that is not our controlling one: that one is ours to set.)
  const pid_t foreground = tcgetpgrp(fd);
  if (foreground != -1 && foreground != getpgrp()) return false;
  struct termios attrs {};
  if (tcgetattr(fd, &attrs) != 0) return false;
  g_saved_attrs = attrs;
  g_raw_fd = fd;
  // Input: bytes as typed. The guest echoes and edits lines itself, as over the FVP's telnet link.
  attrs.c_iflag &=
      ~static_cast<tcflag_t>(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  attrs.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  attrs.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB);
  attrs.c_cflag |= CS8;
  attrs.c_cc[VMIN] = 1;
  attrs.c_cc[VTIME] = 0;
  install_handlers();
  g_raw_active = 1;
  if (tcsetattr(fd, TCSANOW, &attrs) != 0) {
    g_raw_active = 0;
    uninstall_handlers();
    return false;
  }
  return true;
}

void restore_terminal() {
  restore_attrs_signal_safe();
  uninstall_handlers();
}

bool terminal_in_raw_mode() {
  return g_raw_active != 0;
}

}  // namespace minifvp
